"""The backward scan over a source's tokens: appositions back to their comma, quoted titles, lists, coordinated
conjuncts, titles and modifiers, parentheticals, and where the phrase stops."""

from __future__ import annotations

from itertools import takewhile

from ..lexicon import (
    APPOSITIVE_BREAK,
    DEMONSTRATIVES,
    DETERMINERS,
    MONTHS,
    NAME_LINKS,
    NOT_ADVERBS,
    NP_BREAK,
    PRE_CUE_SKIP,
    PRE_CUE_TIME_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_TITLES,
    ROLE_TO_NOUNS,
    SOURCE_NOUNS,
    THE_LINKS,
    WEEKDAYS,
    is_acronym,
    looks_plural,
    plural_noun,
    singular_noun,
)
from ..names import MODAL_GIVEN_NAMES
from ..patterns import RELATIVE_WORD_RE
from ..structure import MAX_NICKNAME_WORDS, Token, is_capitalised
from ..vocabulary import CUE_VERBS, DOCUMENT_NOUNS, words
from .heads import SPEECH_WORDS
from .phrase import (
    MAKER_PARTICIPLES,
    MAX_LOWER_RUN,
    MAX_PARENTHETICAL_TOKENS,
    MIN_SUFFIXED_LENGTH,
    SENTENCE_ADVERBS,
    contracted_pronoun,
    noun_phrase_ok,
)

# Prepositions that place a source or give a document's maker ("prosecutors in San Francisco", "a paper from a team
# at UMass Amherst", "Data published by OpenAI"): the head before them is the source's.
PLACE_LINKS: frozenset[str] = frozenset(["in", "at", "from", "by"])
# Links between a person's name and the body they work for ("Jane Doe with the Red Cross").
AFFILIATION_LINKS: frozenset[str] = frozenset(["with", "at", "from"])
# Links between a person's name and a body whose own name holds "the" ("Jo Hale of Save the Children").
INNER_THE_LINKS: frozenset[str] = AFFILIATION_LINKS | frozenset(["of"])
# Links that give a person's home town after their name and age ("Ann Lee, 52, of Springfield, Ohio,").
HOME_LINKS: frozenset[str] = frozenset(["of", "from"])
# Most parts of a home between commas: a town and its county, state or country ("from Hartpury, Gloucestershire").
MAX_HOME_PARTS = 2

# Most tokens of a source noun phrase taken backward, and of an apposition before the cue ("Jens Stoltenberg, NATO's
# secretary general, said"): a longer stretch is a clause, not a phrase.
MAX_SOURCE_TOKENS = 14

MAX_APPOSITION_BEFORE = 25
# Endings of nouns for people ("electrician", "economist"), and the longer endings of nouns for things that share
# them ("checklist", "playlist", "median"): those are no one.
PERSON_SUFFIXES: tuple[str, ...] = ("ian", "ist", "ians", "ists")
THING_SUFFIXES: tuple[str, ...] = ("list", "lists", "median", "medians")
# An age after a name has at most this many digits ("Johnson, 45, said"; "Acme, 2019, …" is no age).
MAX_AGE_DIGITS = 3

# Prepositions that also open a clause ("as the firm and its rivals said", "until …"), besides the subordinators.
SUBORDINATING_PREPOSITIONS: frozenset[str] = frozenset(["as", "until", "till"])
# Words before a determiner that belong to its noun phrase ("all the teachers", "both the unions"), no verb.
PREDETERMINERS: frozenset[str] = frozenset(["all", "both", "half", "only", "just", "even"])
# Most prepositional links read back from a conjunct before "and" to the head its object belongs to ("live with
# foster families in the UK and carers").
MAX_OBJECT_LINKS = 3
# Most words of an item in a list of bare plurals ("Human rights groups, top police officers and many MPs").
MAX_LIST_ITEM_WORDS = 3
# Most words of a conjunct after "and" with no determiner that opens a group of its own ("foreign carers").
MAX_BARE_CONJUNCT_WORDS = 2

# Words that are adverbs before a cue ("he first said") but adjectives between a determiner and its noun.
ORDINAL_ADJECTIVES: frozenset[str] = frozenset(words("first second third last next"))

# Closing quotation marks as tokens: a source right after one is the quotation's ('"…," the engineer said').
CLOSING_QUOTES: frozenset[str] = frozenset(['"', "”", "’", "'"])

# Words that open a subordinate clause: a stretch between commas holding one is no apposition ("…, when …,").
SUBORDINATORS: frozenset[str] = frozenset(
    ["when", "while", "because", "if", "although", "though", "whereas", "unless", "since", "after", "before", "where"]
)
# Of those, the ones that are also prepositions of time ("since 2019", "after March").
TIME_PREPOSITIONS: frozenset[str] = frozenset(["since", "after", "before"])


def scan_back(
    phrase: list[Token], opens_sentence: bool = False, antecedent: bool = False
) -> tuple[list[int], bool, int] | None:
    """Take tokens backward from the cue while they can belong to the source: the tokens taken, whether the phrase
    ends in an apposition, and how many of its commas were passed (opens_sentence: the phrase's first token opens
    its sentence; antecedent: the phrase is a relative pronoun's antecedent, which may be any clause's object). None
    when the apposition is no noun phrase."""
    i = len(phrase) - 1
    picked: list[int] = []
    # 'Gilley, author of the article "The Case for Colonialism," argued': the title is part of the apposition
    title = _quoted_title_end(phrase) if phrase[-1][2] in '"”' else None
    if title is not None:
        picked.append(i)  # the closing quotation mark ends the source
        i -= 1
    appositive = phrase[i][2] == ","  # "Jens Stoltenberg, NATO's secretary general, said"
    if appositive:
        i -= 1
    last = i
    lower_run, commas, has_and = 0, 0, False  # lowercase words in a row, apposition commas, an "and" seen
    aside = 0  # tokens of a relative clause set off before the cue: the head's own length is counted without them
    while i >= 0:
        token = phrase[i][2]
        lowered = token.lower()
        previous = phrase[i - 1][2] if i > 0 else ""
        if appositive and commas == 0 and token != ",":
            # inside an apposition: take everything back to its opening comma
            if last - i > MAX_APPOSITION_BEFORE or (token in ';:"“”' and i != title):
                return None
        elif token == ")":
            # include a parenthetical: "The New York Times (NYT)"
            opening = _opening_parenthesis(phrase, i)
            if opening is None:
                break
            picked.extend(range(opening + 1, i + 1))
            i = opening  # the "(" is taken below
        elif token == ",":
            if appositive and commas == 0 and _list_comma(phrase, i, last):
                pass  # "chairman of the Commons' environment, food and rural affairs committee": a list inside it
            elif appositive and commas == 0 and _adjective_comma(phrase, i, last):
                pass  # "Kim Lee, a quiet, Welsh teacher in Leeds, said": two adjectives of the apposition's noun
            elif appositive and commas == 0:
                commas += 1
                lower_run = 0
                if phrase[i + 1][2].lower() in RELATIVE_PRONOUNS:
                    aside = len(picked) + 1  # "A diplomat, who spoke on condition of anonymity because …, said"
                title = _title_before_relative(phrase, i)
                if title is not None:
                    picked.extend(range(title, i + 1))  # "X, director of Y, who is leading Z, says": the title too
                    i = title - 1
                    continue
            elif appositive and commas == 1 and _age_or_home(phrase, i):
                commas += 1  # "Johnson, 45, a former teacher, said", "Ann Lee, 52, of Springfield, said"
            elif appositive and commas == 1 and _comma_inside_home(phrase, i):
                pass  # "Ann Lee, 52, of Springfield, Ohio, who …, said": the town's comma before its state
            elif not appositive and _coordinate_adjectives(phrase, i):
                pass  # "the tall, soft-spoken engineer said": a comma between two adjectives of one noun phrase
            elif has_and and opens_sentence and _plural_list(phrase, i - 1):
                lower_run = 0  # "Human rights groups, top police officers and many MPs say": a list of groups
            elif not (has_and and i > 0 and is_capitalised(previous) and not _date_before(phrase, i - 1)):
                break  # a comma that neither closes the apposition nor lists names ("Canada, Britain and …")
        elif token in CLOSING_QUOTES and picked and (opening := _nickname_opening(phrase, i)) is not None:
            picked.extend(range(opening, i + 1))  # 'Earvin "Magic" Johnson': the nickname is the name's
            lower_run = 0
            i = opening - 1
            continue
        elif not token[0].isalnum():
            break
        elif lowered in ("and", "&"):
            named = is_capitalised(previous) or _named_abbreviation(phrase, i - 1)  # "Mind (MF) and …"
            conjunct = _conjunct_before(phrase, i, opens_sentence) or (antecedent and _linked_plural(phrase, i))
            if not (i > 0 and picked and (named or previous == "," or conjunct)) or _clause_and(phrase, i, antecedent):
                break
            has_and = True
        elif (
            appositive and commas == 1 and lowered in HOME_LINKS and (name := _name_before_home(phrase, i)) is not None
        ):
            # "One of them, Ann Lee, 52, from Hartpury, Gloucestershire, said": the home is the person's, not the source
            picked.extend(range(name + 1, i + 1))
            commas += 1
            i = name
            continue
        elif lowered in DETERMINERS and not (len(token) == 1 and token.isupper() and is_capitalised(previous)):
            picked.append(i)
            if lowered == "the" and previous == "to" and i >= 2 and phrase[i - 2][2].lower() in ROLE_TO_NOUNS:
                picked.append(i - 1)  # "The special envoy to the Middle East, Steve Witkoff": the role's object
                lower_run = 0
                i -= 2
                continue
            if lowered == "the" and previous.lower() in THE_LINKS:
                if i >= 2 and phrase[i - 2][2].lower() in SOURCE_NOUNS:
                    lower_run = 0  # "A leader of the state's largest union": a speaking head starts a run of its own
                i -= 1  # "Secretary of the Treasury": keep going through "of the"
                continue
            if previous.lower() in ("by", "from") and i >= 2 and phrase[i - 2][2].lower() in MAKER_PARTICIPLES:
                picked.append(i - 1)  # "A report published by the agency": the maker's phrase, the document before it
                lower_run = 0
                i -= 2
                continue
            if lowered == "the" and _the_inside_body_name(phrase, i):
                i -= 1  # "Jo Hale of Save the Children": "the" inside the body's name, the person before it
                continue
            if lowered == "the" and _affiliation(phrase, picked, i):
                picked.append(i - 1)  # "James Hall with the New York Police Department": the person, placed
                i -= 2
                continue
            if (
                previous.lower() == "and"
                and i >= 2
                and (_conjunct_before(phrase, i - 1, opens_sentence) or (antecedent and _linked_plural(phrase, i - 1)))
                and not _clause_and(phrase, i - 1, antecedent)
            ):
                picked.append(i - 1)  # "he and his co-authors", "The Grenadian leader and his colleagues"
                has_and, lower_run = True, 0
                i -= 2
                continue
            break
        elif lowered in PRONOUNS and has_and and phrase[i + 1][2].lower() == "and":
            picked.append(i)  # "he and his co-authors": the pronoun opens the coordination
            break
        elif lowered in DEMONSTRATIVES and picked and phrase[i + 1][2][:1].islower():
            picked.append(i)  # "This newspaper", "these experts": a demonstrative opens the phrase as "the" does
            break
        elif (lowered in PRONOUNS or contracted_pronoun(lowered)) and not picked:
            picked.append(i)  # "he", and "he’d", "they’ve" before a participle cue (the auxiliary is cut off later)
            break
        elif token.isdecimal() and len(token) == 4 and picked and is_capitalised(phrase[i + 1][2]):
            if previous.lower() not in DETERMINERS:
                break  # "at the end of 2016 Dion revealed": a year before a name ends a time phrase
            lower_run += 1  # "A 2020 Deloitte survey": a determiner's year is the noun phrase's own
        elif is_capitalised(token):
            surname = is_capitalised(previous) and previous.lower() not in NP_BREAK  # "Theresa May"
            given = token in MODAL_GIVEN_NAMES and picked and is_capitalised(phrase[i + 1][2])  # "Will Davies"
            if lowered in NP_BREAK and token[0].isupper() and not surname and not is_acronym(token) and not given:
                break  # a sentence-initial function word ("But", "When") ends the phrase; "WHO" is an acronym
            if lowered in SENTENCE_ADVERBS and picked and not is_capitalised(phrase[i + 1][2]):
                break  # "Now research shows": a sentence adverb, not a name ("Theresa May" is one)
            lower_run = 0
        elif lowered in NAME_LINKS and picked and is_capitalised(previous):
            pass  # "Secretary of State", "Bank of America"
        elif lowered in PLACE_LINKS and _placed_head(phrase, picked, previous):
            lower_run = 0  # a body or venue placed by its town ("prosecutors in San Francisco", "The Briar in Douglas")
        elif lowered == "to" and picked and previous.lower() in ROLE_TO_NOUNS:
            lower_run = 0  # "an adviser to President Biden", "the ambassador to Israel": the role's, not the source
        elif lowered in MAKER_PARTICIPLES and picked and phrase[min(picked)][2] in ("by", "from"):
            lower_run = 0  # "Data published by OpenAI": the maker follows its document
        elif lowered in SPEECH_WORDS:
            break  # "Our sources say Lupita told cops": the first report's verb is not the source's
        elif picked and _title_modifier(phrase, i):
            lower_run += 1  # "registered dietitian Amanda Kostro Miller": the participle is part of the title
        elif picked and token.endswith(("ly", "ed", "ing")) and _modifier_after_determiner(phrase, i):
            lower_run += 1  # "a particularly nasty troll", "the newly elected mayor": adjectives, not verbs
        elif picked and lowered in ORDINAL_ADJECTIVES and previous.lower() in DETERMINERS and _noun_after(phrase, i):
            lower_run += 1  # "The first minister", "the last speaker": an adjective there, no adverb before a cue
        elif picked and i >= 1 and phrase[i - 1][2] == "," and _coordinate_adjectives(phrase, i - 1):
            lower_run += 1  # "the round, bearded businessman": the second of two adjectives, not a verb
        elif not picked and participle_after_noun(phrase, i):
            lower_run = 0  # "Americans surveyed said", "those interviewed said": the participle modifies its noun
        elif picked and _gerund_modifier(phrase, i, picked):
            lower_run += 1  # "But banking experts say": a noun in -ing before the head, no verb
        elif _ends_phrase_backward(token, lowered, picked, lower_run, aside):
            break
        else:
            lower_run += 1  # a lowercase modifier or head noun
        picked.append(i)
        i -= 1
    return picked, appositive, commas


def _nickname_opening(phrase: list[Token], closing: int) -> int | None:
    """The opening mark of a nickname quoted between a given name and a surname ('Earvin "Magic" Johnson', 'Ismael "El
    Mayo" Zambada'): a few capitalised words in quotation marks, name words on both sides; None if it is no such."""
    for opening in range(closing - 2, max(0, closing - 2 - MAX_NICKNAME_WORDS), -1):
        if phrase[opening][2] in '"“':
            inner = phrase[opening + 1 : closing]
            named = all(token[2][:1].isupper() for token in inner) and phrase[opening - 1][2][:1].isupper()
            return opening if named and phrase[closing + 1][2][:1].isupper() else None
    return None


def _coordinate_adjectives(phrase: list[Token], comma: int) -> bool:
    """A comma between an article's adjective and one more adjective before the noun, right after a closing
    quotation ('"…," the tall, soft-spoken engineer said', '"…," a round, bearded businessman laughs'): the second
    one shaped as an adjective (a compound or a participle in -ed) and a noun after it, the first a single lowercase
    word after the article. Elsewhere the comma may end a fronted phrase ("Under the deal, unnamed officials said")."""
    if comma < 3 or comma + 2 >= len(phrase) or phrase[comma - 2][2].lower() not in ("the", "a", "an"):
        return False
    if phrase[comma - 3][2] not in CLOSING_QUOTES:
        return False
    first, second, noun = phrase[comma - 1][2], phrase[comma + 1][2], phrase[comma + 2][2]
    if not (first.isalpha() and first.islower() and second.islower() and noun.isalpha() and noun.islower()):
        return False
    if first in NP_BREAK or noun in NP_BREAK:
        return False
    return "-" in second.strip("-") or (second.endswith("ed") and len(second) >= MIN_SUFFIXED_LENGTH)


def _modifier_after_determiner(phrase: list[Token], i: int) -> bool:
    """An adverb between a determiner and the noun, or the participle it modifies ("a particularly nasty troll", "the
    newly elected mayor"): adjectives in the noun phrase. A bare participle stays a verb or the cue's object ("the
    included stylus adds …", "a plaque-dispensing tablet highlights …" describe, they do not report)."""
    token = phrase[i][2]
    if not token.islower() or not token.endswith(("ly", "ed", "ing")) or len(token) < MIN_SUFFIXED_LENGTH:
        return False
    if i >= 1 and phrase[i - 1][2].lower() in DETERMINERS and not _is_adverb(token) and _noun_after(phrase, i):
        return True  # "the retired teacher", "an unnamed official": an adjective between determiner and noun
    adverb = i if _is_adverb(token) else i - 1
    if adverb < 1 or not _is_adverb(phrase[adverb][2]):
        return False
    return phrase[adverb - 1][2].lower() in DETERMINERS


def _noun_after(phrase: list[Token], i: int) -> bool:
    """A noun for someone who speaks follows ("the retired teacher", "an unnamed official", "the retired electrician");
    "the included stylus adds …", "the following graphic highlights …" describe, they do not report."""
    if i + 1 >= len(phrase) or not phrase[i][2].isalpha():
        return False  # "a non-irritating …": a compound
    word = phrase[i + 1][2]
    if word[:1].isupper():
        title = list(takewhile(lambda token: token[2][:1].isupper(), phrase[i + 1 :]))
        head = title[-1][2].lower()
        return head in SOURCE_NOUNS or head in ROLE_TITLES  # "the outgoing European Commissioner": a title's capitals
    if not (word.isalpha() and word.islower()):
        return False
    return word in SOURCE_NOUNS or (word.endswith(PERSON_SUFFIXES) and not word.endswith(THING_SUFFIXES))


def _is_adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) >= MIN_SUFFIXED_LENGTH and word not in NOT_ADVERBS


def participle_after_noun(phrase: list[Token], i: int) -> bool:
    """A past participle right before the cue, after a noun that may speak ("Americans surveyed", "residents
    affected"): it modifies that noun (the cue is the clause's verb)."""
    token = phrase[i][2]
    if i < 1 or not token.islower() or not token.endswith("ed") or len(token) < MIN_SUFFIXED_LENGTH:
        return False
    noun = phrase[i - 1][2]
    lowered = noun.lower()
    if lowered == "those":
        return True  # "those surveyed said", "Half of those polled said", "most of those questioned said"
    if token in CUE_VERBS:
        return False  # "factors that previous research suggested would have predicted": a verb of its own clause
    if not noun.isalpha() or lowered in NP_BREAK or lowered in PRE_CUE_SKIP or noun.endswith(("ed", "ly", "ing")):
        return False
    plural = looks_plural(lowered)
    return is_capitalised(noun) or plural or lowered in SOURCE_NOUNS


def _quoted_title_end(phrase: list[Token]) -> int | None:
    """Where the title opens when an apposition ends in a quoted title whose closing mark follows the apposition's
    comma ('author of the article "The Case for Colonialism," argued'): a short quotation opening with a capital."""
    if len(phrase) < 4 or phrase[-1][2] not in '"”' or phrase[-2][2] != ",":
        return None
    for opening in range(len(phrase) - 3, max(0, len(phrase) - 3 - MAX_PARENTHETICAL_TOKENS), -1):
        if phrase[opening][2] in '"“':
            return (
                opening
                if phrase[opening + 1][2][:1].isupper() and phrase[opening][1] == phrase[opening + 1][0]
                else None
            )
        if phrase[opening][2] in ",;:”":
            return None
    return None


def _list_comma(phrase: list[Token], comma: int, last: int) -> bool:
    """A comma inside an apposition that lists lowercase words ("environment, food and rural affairs committee"): a
    lowercase word on either side, and "and" or "or" after it, before the apposition's end."""
    if comma < 1 or comma + 1 > last:
        return False
    before, after = phrase[comma - 1][2], phrase[comma + 1][2]
    if not (before.isalpha() and before.islower() and after.isalpha() and after.islower()):
        return False
    if before in NP_BREAK or after in NP_BREAK or after in DETERMINERS:
        return False  # "…, the mayor", "…, who": an apposition's own opening
    if not any(token in ("and", "or") for _, _, token in phrase[comma + 1 : last + 1]):
        return False
    # the apposition's opening comma is further back, with no clause word between ("Hicks found that many people,
    # both military and civilian, told her" is a clause)
    for opening in range(comma - 1, max(0, comma - MAX_APPOSITION_BEFORE), -1):
        word = phrase[opening][2]
        if word == ",":
            return True
        if word.lower() in APPOSITIVE_BREAK or word in ';:"“”()':
            return False
    return False


def _adjective_comma(phrase: list[Token], comma: int, last: int) -> bool:
    """A comma between the first adjective after an apposition's article and the next word ("Kim Lee, a quiet, Welsh
    teacher in Leeds, said"): the article right after the apposition's own comma, one lowercase word, and at least
    two words after the comma before the apposition ends."""
    if comma < 3 or comma + 2 > last or phrase[comma - 3][2] != ",":
        return False
    article, first = phrase[comma - 2][2], phrase[comma - 1][2]
    if article.lower() not in ("a", "an") or not (first.isalpha() and first.islower()) or first in NP_BREAK:
        return False
    second, noun = phrase[comma + 1][2], phrase[comma + 2][2]
    if second.lower() in NP_BREAK or second.lower() in DETERMINERS:
        return False  # "Kim Lee, a teacher, a mother,": two appositions
    return second.isalpha() and noun.isalpha() and noun.islower()


def _date_before(phrase: list[Token], at: int) -> bool:
    """A month or weekday before a comma ("In September, Trade and Industry Secretary X said"): a fronted time, no
    name the list goes on from ("Theresa May, X and Y said": a capitalised word before it makes it a surname)."""
    if phrase[at][2] not in MONTHS and phrase[at][2] not in WEEKDAYS:
        return False
    return at == 0 or not is_capitalised(phrase[at - 1][2]) or phrase[at - 1][2].lower() in NP_BREAK


def _age_or_home(phrase: list[Token], comma: int) -> bool:
    """Between a name's comma and the next one, the person's age ("45") or home town ("of Springfield"), the way news
    writing sets them after a name before the apposition or the cue."""
    if comma < 1 or not phrase[comma - 1][2][:1].isupper():
        return False
    close = next((at for at in range(comma + 1, min(len(phrase), comma + 6)) if phrase[at][2] == ","), None)
    if close is None:
        return False
    aside = [token for _, _, token in phrase[comma + 1 : close]]
    if len(aside) == 1 and aside[0].isdecimal() and len(aside[0]) <= MAX_AGE_DIGITS:
        return True
    return len(aside) >= 2 and aside[0] == "of" and all(word[:1].isupper() for word in aside[1:])


def _comma_inside_home(phrase: list[Token], comma: int) -> bool:
    """A comma between a home town and its county, state or country after a name and age ("Ann Lee, 52, of
    Springfield, Ohio,"): capitalised words back to a home link that follows a name's or an age's comma."""
    if comma + 1 >= len(phrase) or not is_capitalised(phrase[comma + 1][2]):
        return False
    link = comma - 1
    while link >= 0 and is_capitalised(phrase[link][2]) and phrase[link][2].lower() not in NP_BREAK:
        link -= 1
    return link < comma - 1 and phrase[link][2] in HOME_LINKS and _name_before_home(phrase, link) is not None


def _name_before_home(phrase: list[Token], link: int) -> int | None:
    """The last word of the name a home is given to ("Ann Lee, 52, from Hartpury, Gloucestershire,": "Lee"): a
    capitalised word, an age between commas maybe, then the comma before the home link, and after the link
    capitalised words in at most two parts, up to a comma. None when the words around the link are not so."""
    at, parts = link + 1, 0
    while at < len(phrase) and parts < MAX_HOME_PARTS and is_capitalised(phrase[at][2]):
        while at < len(phrase) and is_capitalised(phrase[at][2]) and phrase[at][2].lower() not in NP_BREAK:
            at += 1
        parts += 1
        if at < len(phrase) and phrase[at][2] == "," and at + 1 < len(phrase) and parts < MAX_HOME_PARTS:
            at += 1  # "Hartpury, Gloucestershire": the county's comma
    if parts == 0 or at >= len(phrase) or phrase[at][2] != ",":
        return None  # "Lee, from Monday": the link ends in no place, or a place runs on into a clause
    if link < 2 or phrase[link - 1][2] != ",":
        return None
    name = link - 2
    age = phrase[name][2]
    if age.isdecimal() and len(age) <= MAX_AGE_DIGITS:
        if name < 2 or phrase[name - 1][2] != ",":
            return None
        name -= 2  # "Lee, 52, of …": the age between commas
    word = phrase[name][2]
    return name if is_capitalised(word) and word.lower() not in NP_BREAK else None


def _named_abbreviation(phrase: list[Token], closing: int) -> bool:
    """A name's abbreviation in parentheses ends at closing ("the Medical Fellowship (MF)"): the name a list goes on
    from."""
    if closing < 2 or phrase[closing][2] != ")":
        return False
    opening = _opening_parenthesis(phrase, closing)
    return opening is not None and opening >= 1 and is_capitalised(phrase[opening - 1][2])


def _the_inside_body_name(phrase: list[Token], the: int) -> bool:
    """ "the" between capitalised words of a body's name after a person's name and link ("Jo Hale of Save the
    Children", "Ann Lee at Stop the Cuts"): the scan goes on to the person."""
    if the < 4 or not is_capitalised(phrase[the + 1][2] if the + 1 < len(phrase) else ""):
        return False
    word, link, name = phrase[the - 1][2], phrase[the - 2][2], phrase[the - 3][2]
    if not is_capitalised(word) or word.lower() in NP_BREAK or word.lower() in DETERMINERS:
        return False
    return link in INNER_THE_LINKS and is_capitalised(name) and name.lower() not in NP_BREAK


def _conjunct_before(phrase: list[Token], conjunction: int, opens_sentence: bool = False) -> bool:
    """A short noun phrase before "and" that is a second speaker ("he and his co-authors", "some researchers and
    media outlets", "The Grenadian leader and his colleagues"): a pronoun, a determiner and at most two words, or
    a bare plural of three words at most opening the sentence ("Rural bus drivers and unions said")."""
    if phrase[conjunction][0] - phrase[conjunction - 1][1] > 1:
        return False  # "the plan — and fellow councilmembers": a dash or a gap between
    before = phrase[conjunction - 1][2].lower()
    if before in PRONOUNS:
        return True
    if opens_sentence and _plural_list(phrase, conjunction - 1):
        return True  # "Human rights groups, top police officers and many MPs": bare plurals listed from the opening
    if phrase[conjunction - 1][2][:1].isupper() and before.isalpha() and before not in NP_BREAK:
        return True  # "Allen and her husband": a name and a second speaker
    for back in (2, 3):
        at = conjunction - back
        if at < 0:
            return False
        words_between = [token for _, _, token in phrase[at + 1 : conjunction]]
        if not all(word.isalpha() and word.lower() not in NP_BREAK for word in words_between):
            return False
        if phrase[at][2].lower() in DETERMINERS:
            return phrase[conjunction - 1][2].islower() and all(not word.endswith("ed") for word in words_between)
        if opens_sentence and at == 0:
            return _bare_plural_opening(phrase[0][2], words_between)
    return False


def _clause_and(phrase: list[Token], conjunction: int, antecedent: bool) -> bool:
    """ "and" joins two clauses, not two conjuncts of the source: after a preposition's object in a subject's place
    (a relative pronoun's antecedent is often such an object, and keeps both)."""
    return not antecedent and _object_before_and(phrase, conjunction)


def _linked_plural(phrase: list[Token], conjunction: int) -> bool:
    """A bare plural of a word or two right after a preposition, before "and" and a group of its own ("calls from
    restaurant owners and other employers who said"): the first of a relative pronoun's coordinated antecedents."""
    if conjunction + 1 >= len(phrase) or not _conjunct_opens_group(phrase, conjunction + 1):
        return False
    for link in (conjunction - 2, conjunction - 3):
        if link < 0:
            return False
        words_between = [token for _, _, token in phrase[link + 1 : conjunction]]
        if not all(word.isalpha() and word.islower() and word not in NP_BREAK for word in words_between):
            return False
        if phrase[link][2] in PREPOSITIONS:
            return looks_plural(words_between[-1])
    return False


def _object_before_and(phrase: list[Token], conjunction: int) -> bool:
    """The words before "and" end a preposition's object in a clause of their own ("wants to be first to the market
    and some analysts predict", "a turnover of £392.1m and experts suggest", "live with foster families in the UK and
    carers have said"): "and" joins two clauses, the source is the conjunct after it. An object whose preposition
    follows a head that may speak, itself no such object, post-modifies that head ("Representatives of the unions and
    employers", "Experts at Harvard and other researchers"): one noun phrase."""
    end = conjunction - 1
    if conjunction + 1 >= len(phrase) or not _conjunct_opens_group(phrase, conjunction + 1):
        return False  # "the Commons standards and privileges committee", "the Office on Drugs and Crime": one name
    for link in range(MAX_OBJECT_LINKS):
        start = _object_start(phrase, end)
        if start is None or start < 1:
            return False
        before = phrase[start - 1][2]
        verb = before.isalpha() and before.islower() and before not in NP_BREAK | PRE_CUE_SKIP | PREDETERMINERS
        if verb and (link > 0 or (phrase[start][2] in DETERMINERS and before not in PREPOSITIONS)):
            # "posted profits of $4bn and economists expect", "to win the race and his coach says": a verb's object
            return True
        clause = before in SUBORDINATORS | SUBORDINATING_PREPOSITIONS and not _time_object(phrase, start, end)
        if start < 2 or before not in PREPOSITIONS or clause:
            return False  # a subject's conjunct: at the sentence's start, after a comma or a clause word ("after")
        head = phrase[start - 2][2]
        lowered = head.lower()
        speaks = is_capitalised(head) or lowered in SOURCE_NOUNS or looks_plural(lowered)
        if not head.isalnum() or lowered in NP_BREAK or not speaks:
            return True  # "first to", "turnover of", "live with": an adjective, a thing or a verb takes the object
        end = start - 2
    return False


def _conjunct_opens_group(phrase: list[Token], at: int) -> bool:
    """The conjunct after "and" opens a group of its own: a determiner or quantifier ("some analysts", "its
    managers") or a lowercase plural within two words ("experts", "foreign carers"); not a name's next word or a
    compound's ("and Crime", "and privileges committee")."""
    if phrase[at][2].lower() in DETERMINERS:
        return True
    conjunct = [token for _, _, token in phrase[at:]]
    bare = all(word.isalpha() and word.islower() and word not in NP_BREAK for word in conjunct)
    return bare and len(conjunct) <= MAX_BARE_CONJUNCT_WORDS and looks_plural(conjunct[-1])


def _time_object(phrase: list[Token], start: int, end: int) -> bool:
    """The noun phrase from start to end is a time ("since 2015", "after March", "before last year"): the word before
    it is a preposition there, no clause's opening."""
    words_taken = [token for _, _, token in phrase[start : end + 1]]
    last = words_taken[-1]
    return last.isdecimal() or last in MONTHS or last in WEEKDAYS or last in PRE_CUE_TIME_NOUNS


def _object_start(phrase: list[Token], end: int) -> int | None:
    """Where the noun phrase ending at end starts, back over its words to its determiner (taken); None when end
    is no noun phrase's last word or a pronoun ("after he and …": a subject)."""
    word = phrase[end][2]
    if not word[:1].isalnum() or word.lower() in NP_BREAK or word in PREPOSITIONS or word.lower() in PRONOUNS:
        return None
    start = end
    while start > 0 and end - start < MAX_LOWER_RUN:
        previous = phrase[start - 1][2]
        lowered = previous.lower()
        if lowered in DETERMINERS:
            return start - 1  # "the market", "a turnover"
        if not previous[:1].isalnum() or lowered in NP_BREAK or previous in PREPOSITIONS or lowered in PRE_CUE_SKIP:
            return start
        if previous.islower() and previous.endswith(("ed", "ing")) and len(previous) >= MIN_SUFFIXED_LENGTH:
            # "posted profits": a verb before its object; "the published report": an adjective after a determiner
            return start - 2 if start >= 2 and phrase[start - 2][2].lower() in DETERMINERS else start
        start -= 1
    return start


def _plural_list(phrase: list[Token], end: int) -> bool:
    """Bare plurals listed by commas from the sentence's opening to end ("Human rights groups, top police officers"
    before "and many MPs say"): each item a few lowercase words ending in a plural, the first capitalised as the
    sentence's opening word; no fronted phrase ("In most cities, bus drivers" opens with a preposition)."""
    while end >= 0:
        start = end
        while start > 0 and phrase[start - 1][2] != "," and end - start < MAX_LIST_ITEM_WORDS:
            start -= 1
        item = [token for _, _, token in phrase[start : end + 1]]
        if not all(word.isalpha() and word.lower() not in NP_BREAK for word in item) or not looks_plural(item[-1]):
            return False
        if start == 0:
            opening = item[0].lower()
            return is_capitalised(item[0]) and opening not in PRE_CUE_SKIP and all(w.islower() for w in item[1:])
        if phrase[start - 1][2] != "," or not all(word.islower() for word in item):
            return False
        end = start - 2
    return False


def _bare_plural_opening(first: str, rest: list[str]) -> bool:
    """A plural without a determiner opening the sentence before "and" ("Rural bus drivers and unions said"): the
    subject's first conjunct, no fronted phrase ("But critics and …" opens with a clause word)."""
    lowered = first.lower()
    if not (is_capitalised(first) and first.isalpha()) or lowered in NP_BREAK or lowered in PRE_CUE_SKIP:
        return False
    return all(word.islower() for word in rest) and looks_plural(rest[-1])


def _title_modifier(phrase: list[Token], i: int) -> bool:
    """A participle or adverb before a lowercase title noun and a name ("registered dietitian Amanda", "leading
    economist John Smith"); not a verb before a name ("alarmed US officials")."""
    token = phrase[i][2]
    if i + 2 >= len(phrase) or not token.isalpha() or not token.islower() or len(token) < MIN_SUFFIXED_LENGTH:
        return False
    title, name = phrase[i + 1][2], phrase[i + 2][2]
    title_ok = title.isalpha() and title.islower() and title not in NP_BREAK and title not in PRE_CUE_SKIP
    return token.endswith(("ed", "ing", "ly")) and title_ok and is_capitalised(name)


def _title_before_relative(phrase: list[Token], comma: int) -> int | None:
    """Where a title's apposition starts when a relative clause follows it ("Prof Gavin Yamey, director of the Centre
    at Duke University, who is leading research, says"): its opening comma, with a name before it and a lowercase
    word (a title or determiner) after it; None when the relative clause is the only apposition."""
    if comma + 1 >= len(phrase) or not RELATIVE_WORD_RE.match(phrase[comma + 1][2]):
        return None
    opening = comma - 1
    while opening >= 0 and phrase[opening][2] != "," and comma - opening <= MAX_APPOSITION_BEFORE:
        if phrase[opening][2] in ';:"“”()' or phrase[opening][2].lower() in APPOSITIVE_BREAK:
            return None
        opening -= 1
    if opening < 1 or phrase[opening][2] != "," or not phrase[opening + 1][2][:1].islower():
        return None
    return opening if is_capitalised(phrase[opening - 1][2]) else None


def _affiliation(phrase: list[Token], picked: list[int], the: int) -> bool:
    """ "with/at/from the" between a person's name and a body's name ("Chief James Hall with the New York Police
    Department", "Ann Lee at the University of Michigan"): the name before the link is the source's head."""
    if the < 2 or phrase[the - 1][2] not in AFFILIATION_LINKS:
        return False
    name = phrase[the - 2][2]
    if (
        not is_capitalised(name)
        or name.lower() in NP_BREAK
        or not is_capitalised(phrase[the - 3][2] if the >= 3 else "")
    ):
        return False  # a name of two words at least ("Hall" alone may be a hall)
    first = the - 3
    while first > 0 and is_capitalised(phrase[first - 1][2]):
        first -= 1
    lead = phrase[first - 1][2].lower() if first > 0 else ""
    if lead[:1].isalpha() and lead not in DETERMINERS and lead not in SOURCE_NOUNS:
        return False  # "A fan of Lionel Messi at the World Cup": a name after "of" is no speaker; titles or "the" only
    return all(is_capitalised(phrase[index][2]) or phrase[index][2] in NAME_LINKS for index in picked[:-1])


def _placed_head(phrase: list[Token], picked: list[int], previous: str) -> bool:
    """A place name taken so far ("San Francisco and Los Angeles"; a year is none) after a head noun ("prosecutors",
    "Briar")."""
    if not picked or not all(phrase[index][2][0].isupper() or phrase[index][2] == "and" for index in picked):
        return False
    lowered = previous.lower()
    if lowered in MAKER_PARTICIPLES:
        return True
    plural = plural_noun(lowered)
    return (is_capitalised(previous) and lowered not in NP_BREAK) or lowered in SOURCE_NOUNS or plural


def _opening_parenthesis(phrase: list[Token], closing: int) -> int | None:
    """The "(" of a short parenthetical ending at closing."""
    opening = closing - 1
    while opening >= 0 and phrase[opening][2] != "(" and closing - opening < MAX_PARENTHETICAL_TOKENS:
        opening -= 1
    if opening < 0 or phrase[opening][2] != "(":
        return None
    return opening


def _gerund_modifier(phrase: list[Token], i: int, picked: list[int]) -> bool:
    """A lowercase -ing word right before the head, itself after the sentence's opening, a clause word, a comma or a
    determiner ("But banking experts say", "the marketing staff"): it modifies the head as a noun; after a noun it is
    a verb ("officials visiting schools")."""
    token = phrase[i][2]
    if not (token.isalpha() and token.islower() and token.endswith("ing")) or i + 1 != max(picked):
        return False
    if token in CUE_VERBS:
        return False  # "…, saying ministers pushed them": a report's participle before its content's subject
    head = phrase[i + 1][2].lower()
    if not (head in SOURCE_NOUNS or (looks_plural(head) and singular_noun(head) in SOURCE_NOUNS)):
        return False
    if i == 0:
        return True
    previous = phrase[i - 1][2]
    return previous == "," or previous.lower() in NP_BREAK or previous.lower() in DETERMINERS


def _ends_phrase_backward(token: str, lowered: str, picked: list[int], lower_run: int, aside: int) -> bool:
    """A lowercase word that cannot belong to the source: a clause word, or one word too many (aside: the tokens of
    a relative clause set off among those picked, which has a length limit of its own)."""
    if lowered in NP_BREAK or lowered in PRE_CUE_SKIP:
        return True
    if lower_run >= MAX_LOWER_RUN or len(picked) - aside >= MAX_SOURCE_TOKENS:
        return True
    # adverbs and participles are rarely part of the subject
    adverb = token.endswith("ly") and lowered not in NOT_ADVERBS
    participle = adverb or token.endswith("ing") or (token.endswith("ed") and len(token) >= MIN_SUFFIXED_LENGTH)
    return participle and lowered not in DOCUMENT_NOUNS and (not picked or lowered not in SOURCE_NOUNS)


def apposition_ok(selection: list[Token], commas: int) -> bool:
    """A source ending in an apposition: a name (or a relative clause) on either side of its comma, and no clause."""
    if commas == 0:
        return False  # "X, said": the comma was not part of an apposition; the source is after it (none)
    cut = next((index for index, token in enumerate(selection) if token[2] == ","), 0)
    head, apposition = selection[:cut], selection[cut + 1 :]
    relative = bool(apposition) and apposition[0][2].lower() in RELATIVE_PRONOUNS
    named = any(token[2][0].isupper() and token[2].lower() not in NP_BREAK for token in head + apposition)
    if not head or not (named or relative):
        return False
    if not noun_phrase_ok(head) and not (len(head) == 1 and head[0][2].lower() in DETERMINERS):
        return False  # "6 p.m., when …" names no one before its comma ("One, who asked not to be named," does)
    # clause words are allowed only inside a relative clause ("founder of X who's been teaching …", "the nonprofit
    # entity that controls …"); a subordinate clause ("…, when X's reserves stood at …,") is no apposition
    relative_at = next(
        (index for index, token in enumerate(apposition) if _opens_relative(apposition, index)), len(apposition)
    )
    # a capital inside the apposition is a name's word, not the clause word it spells ("The minister, Theresa May,")
    before_relative = [
        token[2].lower() for index, token in enumerate(apposition[:relative_at]) if index == 0 or token[2].islower()
    ]
    if any(
        token[2].lower() in SUBORDINATORS and not _dates_after(apposition, index)
        for index, token in enumerate(apposition[:relative_at])
        if index == 0 or token[2].islower()
    ):
        return False
    return relative or not any(word in APPOSITIVE_BREAK for word in before_relative)


def _dates_after(apposition: list[Token], index: int) -> bool:
    """A subordinator that is a preposition of time here: a year, a month, "last" or "the" follows ("secretary since
    2019", "chair after March", "mayor before last year")."""
    if index + 1 >= len(apposition) or apposition[index][2].lower() not in TIME_PREPOSITIONS:
        return False
    following = apposition[index + 1][2]
    return following.isdecimal() or following in PRE_CUE_TIME_NOUNS or following.lower() in ("last", "the")


def _opens_relative(apposition: list[Token], index: int) -> bool:
    """A relative clause starts here: a relative pronoun, or "that" after a determiner's noun ("the nonprofit entity
    that controls …")."""
    word = apposition[index][2]
    if RELATIVE_WORD_RE.match(word):
        return True
    if word.lower() != "that" or index < 2 or apposition[0][2].lower() not in DETERMINERS:
        return False
    previous = apposition[index - 1][2]
    return previous[:1].isalpha() and previous.lower() not in NP_BREAK and previous.lower() not in APPOSITIVE_BREAK
