"""The source before its cue, scanned backward: "the spokesman said", "Rep. G.K. Butterfield (D-N.C.), head of
the Congressional Black Caucus, said".

The scan takes a noun phrase by its structure, not by the words that failed before: a determiner or demonstrative
closes it; a head noun takes its prepositional post-modifiers ("the authors of this review", "A research paper from
a team at UMass Amherst"); a number its approximators, ratio and share ("About one in five of more than a thousand
Americans surveyed"); an apposition runs back to its comma (a quoted title in it included); a long parenthetical or
an aside between dashes before the cue is skipped and left out; a relative clause is cut off its antecedent."""

from __future__ import annotations

import logging
import re
from itertools import pairwise

from ..lexicon import (
    APPOSITIVE_BREAK,
    CLAUSE_WORDS,
    DETERMINERS,
    MONTHS,
    NAME_LINKS,
    NOT_ADVERBS,
    NP_BREAK,
    PRE_CUE_SKIP,
    PRE_CUE_TIME_ENDS,
    PRE_CUE_TIME_NOUNS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    THE_LINKS,
    looks_plural,
)
from ..patterns import ASIDE_DASH_RE, PRE_CUE_TIME_RE, RELATIVE_WORD_RE
from ..structure import Span, Token, is_capitalised, skip_spaces, tokens
from ..vocabulary import CUE_VERBS, DOCUMENT_NOUNS, words
from .phrase import (
    BACKWARD_REACH,
    MAKER_PARTICIPLES,
    MAX_LOWER_RUN,
    MAX_PARENTHETICAL_TOKENS,
    MIN_SUFFIXED_LENGTH,
    SENTENCE_ADVERBS,
    SHARE_HEADS,
    TIME_PHRASE_REACH,
    noun_phrase_ok,
)

log = logging.getLogger(__name__)

# Prepositions that place a source or give a document's maker ("prosecutors in San Francisco", "a paper from a team
# at UMass Amherst", "Data published by OpenAI"): the head before them is the source's.
PLACE_LINKS: frozenset[str] = frozenset(["in", "at", "from", "by"])
# Most auxiliaries, adverbs and time phrases skipped between a source and its cue ("has also said").
MAX_PRE_CUE_WORDS = 6
# Most tokens of a source noun phrase taken backward, and of an apposition before the cue ("Jens Stoltenberg, NATO's
# secretary general, said"): a longer stretch is a clause, not a phrase.
MAX_SOURCE_TOKENS = 14
MAX_APPOSITION_BEFORE = 25
# Words that open a subordinate clause: a stretch between commas holding one is no apposition ("…, when …,").
SUBORDINATORS: frozenset[str] = frozenset(
    ["when", "while", "because", "if", "although", "though", "whereas", "unless", "since", "after", "before", "where"]
)
# Quantities whose "of" phrase names who spoke ("Six of the eight studies", "a string of Tory MPs"), and the
# determiners allowed after that "of".
PARTITIVE_HEADS: frozenset[str] = frozenset(
    words(
        """one two three four five six seven eight nine ten some many most all each none both several few any either
        neither dozens hundreds thousands millions string number group handful series couple rest share members"""
    )
)
# Number words, the words that make a number approximate ("about", "more than", "at least"), and how many such steps
# a source's quantity takes ("About one in five of more than a thousand": five).
NUMBER_WORDS: frozenset[str] = frozenset(
    words(
        """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
        eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
        million millions billion dozen dozens"""
    )
)
APPROXIMATORS: frozenset[str] = frozenset(words("about nearly almost roughly around approximately over under some"))
COMPARATIVES: frozenset[str] = frozenset(words("more fewer less"))
MAX_QUANTITY_STEPS = 5
# First words of a source that may open a quantity (digits aside): number words, approximators, "a thousand".
QUANTITY_OPENERS: frozenset[str] = NUMBER_WORDS | APPROXIMATORS | frozenset(words("a an least than"))
PARTITIVE_DETERMINERS: frozenset[str] = frozenset(["the", "my", "his", "her", "their", "our", "its", "your", "these"])
# An auxiliary's contraction at a pronoun's end ("They've", "she'd").
CONTRACTION_RE = re.compile(r"[’'](?:ve|ll|d|re|s)$")
# Documents (and finders) whose topic holds the phrase a backward scan took ("a story about her eating avocados
# said"), the prepositions that link a topic, and how far back the link may be.
DOCUMENT_HEADS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    words("story stories article articles piece letter post posts memo book essay editorial column blog meta-analysis")
)
TOPIC_LINKS: frozenset[str] = frozenset(words("about on into"))
MAX_DOCUMENT_OBJECT_WORDS = 8
# Speech verbs inside a stretch before a cue: an earlier report, not part of the source.
SPEECH_WORDS: frozenset[str] = frozenset(words("say says said tell tells told"))
# Prepositions tying a post-modifier to the head noun before it ("research on adolescent development", "a paper from
# a team at UMass Amherst"), how many such links a source holds, and demonstratives, which open a noun phrase as a
# determiner does ("the authors of this review").
HEAD_LINKS: frozenset[str] = frozenset(words("of on in at from by for about into against with among"))
MAX_HEAD_LINKS = 3
MAX_COMMON_LINKS = 2
# Prepositions inside a name, between capitalised words ("the Council on Foreign Relations", "Mail on Sunday").
NAME_INNER_LINKS: frozenset[str] = frozenset(words("of on for"))
DEMONSTRATIVES: frozenset[str] = frozenset(words("this these those"))
# Demonstratives as written, capitalised too: before a post-modifier's object ("of this review") the head is looked for.
PRE_LINK: frozenset[str] = DEMONSTRATIVES | frozenset(words("This These Those"))
# Auxiliaries, modals and "to": the word after one is a verb, never the head of a source's noun phrase.
VERB_OPENERS: frozenset[str] = frozenset(
    words("to can could will would should shall may might must do does did not never is are was were be been am")
)
# Words that open a noun phrase and never end a source: a cue right after one is a noun or an adjective ("in your
# posts", "multiple brands"); quantifiers ("some said", "many say") are sources.
NOUN_OPENERS: frozenset[str] = frozenset(words("the a an his her their its our my your other every multiple various"))
# Words a backward source never starts with: a coordinator or comma left from a list that was not taken.
LEADING_LINKS: frozenset[str] = frozenset(["and", "&", "or", ","])


def source_before(text: str, sentence_start: int, cue_start: int, common_heads: bool = True) -> Span | None:
    """The source noun phrase ending just before a cue, skipping auxiliaries and time adverbials; common_heads: the
    phrase may be the post-modifier of a common noun before it (not for a relative pronoun's antecedent)."""
    end = _end_before_pre_cue_words(text, sentence_start, cue_start)
    end = _end_before_aside(text, sentence_start, end)
    if end <= sentence_start:
        return None
    phrase = tokens(text, max(sentence_start, end - BACKWARD_REACH), end)
    if not phrase or phrase[-1][2].lower() in NOUN_OPENERS:
        return None  # "in your posts", "the names of three recommended designers": the cue is a noun or adjective
    scan = _scan_back(phrase)
    if scan is None:
        return None
    picked, appositive, commas = scan
    if not picked:
        return None
    first, last = min(picked), max(picked)
    # an apposition needs a name before the first comma; "…, and Harry condemned": the list's "and" is not the source's
    while first <= last and (phrase[first][2] in ",()" or phrase[first][2].lower() in LEADING_LINKS):
        first += 1
    if first > last:
        return None
    selection = phrase[first : last + 1]
    if appositive and not _apposition_ok(selection, commas):
        return None
    if len(selection) > 1 and phrase[last][2].endswith("ed") and _participle_after_noun(phrase, last):
        if text[cue_start : _end_of_word(text, cue_start)].endswith("s"):
            return None  # "A study from FAIR Health published reports …": the -s word is the participle's object
        selection = selection[:-1]  # "2,000 adults polled": the noun before the participle is the head
    if not noun_phrase_ok(selection):
        # "research on adolescent development", "the authors of this review": what was taken modifies the head
        if phrase[last][2].lower() in DETERMINERS:
            return None  # "the names of three recommended designers": no noun before the cue
        start = _head_start(phrase, first, last, common_heads, _opens_sentence(text, sentence_start, phrase))
        link = next((at for at in range(start + 1, last) if phrase[at][2] in HEAD_LINKS), last + 1)
        if not noun_phrase_ok(phrase[start:link]):
            return None  # the head before its post-modifier names the source: "research", "the authors", "details"
    else:
        start = _document_start(phrase, first, last)
        if start is None:
            start = _partitive_start(phrase, first)
        if start == first and first >= 2 and (phrase[first - 1][2] in HEAD_LINKS or phrase[first - 1][2] in PRE_LINK):
            start = _head_start(phrase, first, last, common_heads, _opens_sentence(text, sentence_start, phrase))
    opening = phrase[start][2].lower()
    if opening[:1].isdecimal() or opening.split("-")[0] in QUANTITY_OPENERS:
        start = _quantity_start(phrase, start)
    selection = phrase[start : last + 1]
    # "McConnell, who in 2010 said …, now says", "Levi Pay, a former director who now advises …, says": the
    # relative clause is not the source (the antecedent, with its title, is)
    relative = next((index for index in range(1, len(selection)) if RELATIVE_WORD_RE.match(selection[index][2])), None)
    if relative is not None:
        selection = selection[:relative]
        while selection and selection[-1][2] == ",":
            selection = selection[:-1]
    last = selection[-1]
    contraction = CONTRACTION_RE.search(last[2])
    if contraction and last[2][: contraction.start()].lower() in PRONOUNS:
        return selection[0][0], last[0] + contraction.start()  # "They've told me": the auxiliary is the cue's
    return selection[0][0], last[1]


def _opens_sentence(text: str, sentence_start: int, phrase: list[Token]) -> bool:
    return phrase[0][0] == skip_spaces(text, sentence_start, phrase[0][0])


def _end_before_aside(text: str, sentence_start: int, end: int) -> int:
    """Where the source ends when an aside stands between it and its cue: a parenthetical too long to be part of
    the name ("Paul Stoffregen (who was the author of the story above) noted") or a pair of dashes ("The letter –
    an edited version of which is reproduced above – warns"); the aside is not the source."""
    close = end
    while close > sentence_start and text[close - 1].isspace():
        close -= 1
    if close <= sentence_start:
        return end
    if text[close - 1] == ")":
        opening = text.rfind("(", sentence_start, close - 1)
        if opening < 0 or ")" in text[opening + 1 : close - 1]:
            return end
        inside = tokens(text, opening + 1, close - 1)
        if len(inside) < MAX_PARENTHETICAL_TOKENS and not (inside and RELATIVE_WORD_RE.match(inside[0][2])):
            return end  # "The New York Times (NYT)", "(D-N.C.)": part of the name
        head = text[max(sentence_start, opening - TIME_PHRASE_REACH) : opening].rstrip()
        return opening if head[-1:].isalpha() else end  # "… of 2015 (for …), which suggests": a time, no source
    if text[close - 1] not in "—–―-":
        return end  # the usual case, without a search
    dash = ASIDE_DASH_RE.search(text, max(sentence_start, close - 3), close)
    if dash is None:
        return end
    opening = _opening_dash(text, sentence_start, dash.start(), dash.group().strip())
    return opening if opening is not None else end


def _opening_dash(text: str, sentence_start: int, closing: int, mark: str) -> int | None:
    """The dash opening an aside that ends at closing: the same mark (a hyphen with a space before it)."""
    opening = text.rfind(mark, sentence_start, closing)
    while mark == "-" and opening > sentence_start and not text[opening - 1].isspace():
        opening = text.rfind(mark, sentence_start, opening)  # "low-level": a hyphen inside a word opens nothing
    if opening <= sentence_start or closing - opening > BACKWARD_REACH:
        return None
    return opening


def _document_start(phrase: list[Token], first: int, last: int) -> int | None:
    """Where a source starts when the phrase taken is the topic of a document: "a story about her eating avocados
    (which) said" (the maker's links, "a report by X", stay out: the speaker is X). None when no document heads it."""
    for link in range(first - 1, max(0, first - MAX_DOCUMENT_OBJECT_WORDS) - 1, -1):
        word = phrase[link][2].lower()
        if word in TOPIC_LINKS:
            break
        if not phrase[link][2][:1].isalpha() or word in NP_BREAK:
            return None  # "a report about the crash, Smith said": a comma or a clause between
    else:
        return None
    if any(token[2][:1].isupper() for token in phrase[first : last + 1]):
        return None  # "a report about the crash Smith said": a name after a topic is its own subject
    head = link - 1
    if head < 0 or phrase[head][2].lower() not in DOCUMENT_HEADS:
        return None
    start = head
    while start >= 1 and start - head < MAX_LOWER_RUN:
        previous = phrase[start - 1][2]
        lowered = previous.lower()
        if lowered in DETERMINERS:
            return start - 1
        if not previous[:1].isalnum() or lowered in NP_BREAK or lowered in PRE_CUE_SKIP or lowered in CLAUSE_WORDS:
            break
        start -= 1
    return start if phrase[start][2][:1].isupper() or start == head else None


def _end_of_word(text: str, start: int) -> int:
    """Where the word starting at start ends."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "-’'"):
        end += 1
    return end


def _head_start(phrase: list[Token], first: int, last: int, common_heads: bool, opens_sentence: bool) -> int:
    """Where a source starts when the phrase taken is the object of a preposition after its head: a link inside a
    name ("the United Nations Office on Drugs", "a Mail on Sunday poll"), or one link after a common noun ("research
    on adolescent development", "the authors of this review", "A research paper from a team at UMass Amherst"; two at
    most; not for a relative pronoun's antecedent, which may be either noun: "the proportion of people who report")."""
    start, common_links = first, 0
    for _ in range(MAX_HEAD_LINKS):
        at = start - 1 if start >= 1 and phrase[start - 1][2].lower() in DEMONSTRATIVES else start  # "of this review"
        link = at - 1
        if link < 1 or phrase[link][2] not in HEAD_LINKS or phrase[link][0] - phrase[link - 1][1] > 1:
            break  # no lowercase preposition right after a word ("the plan — by …": a dash between)
        head_word, object_word = phrase[link - 1][2], phrase[at][2]
        if not object_word[:1].isalpha() or (object_word in PRE_CUE_TIME_NOUNS and at == last):
            break  # "Microsoft in 2017", "officials on Tuesday": a time, not a post-modifier ("Mail on Sunday poll" is)
        if start == first and _name_after_common_noun(phrase[at : last + 1]):
            break  # "After reading a report about the crash Smith said": the name is the subject, not the topic
        if is_capitalised(head_word) and not (opens_sentence and link == 1):
            if not object_word[:1].isupper() or phrase[link][2] not in NAME_INNER_LINKS:
                break  # "testimony Tuesday in a lawsuit", "the House of Commons by a string of MPs": not one name
        elif not common_heads or common_links >= MAX_COMMON_LINKS:
            break
        else:
            common_links += 1
        head = _head_phrase_start(phrase, link - 1)
        if head is None:
            break
        start = head
    return start


def _name_after_common_noun(phrase: list[Token]) -> bool:
    """A capitalised word right after a lowercase noun ("the crash Smith"): two noun phrases, not one."""
    return any(
        word.isalpha() and word.islower() and word not in HEAD_LINKS and word not in NAME_LINKS and is_capitalised(nxt)
        for (_, _, word), (_, _, nxt) in pairwise(phrase)
    )


def _head_phrase_start(phrase: list[Token], last: int) -> int | None:
    """Where the noun phrase ending at last starts: back over modifiers to its determiner (taken), or to a break or
    the sentence start; None when last cannot be a head noun or no edge is reached within a noun phrase's length."""
    head = phrase[last][2]
    lowered = head.lower()
    if not head[:1].isalpha() or lowered in NP_BREAK or lowered in PRE_CUE_SKIP or lowered in PRONOUNS:
        return None
    if head.islower() and (head.endswith(("ly", "ing", "ed")) and lowered not in NOT_ADVERBS):
        return None  # "spoke at length on …", "speaking on …": a verb or an adverb, not a head noun
    index = last
    while index > max(-1, last - MAX_LOWER_RUN):
        if index == 0:
            return 0
        previous = phrase[index - 1][2]
        lowered = previous.lower()
        if lowered in DETERMINERS or lowered in DEMONSTRATIVES:
            return index - 1  # "the authors", "this review"
        if lowered in VERB_OPENERS:
            return None  # "can come with …", "to stay current with …": a verb, not a head noun
        if not previous[:1].isalnum() or lowered in NP_BREAK or lowered in PRONOUNS or lowered in SPEECH_WORDS:
            return index  # "Research on …" after a clause word or a comma: the phrase starts here
        if lowered in LEADING_LINKS:
            return index  # "… and car rentals from …": the list's "and" is not the source's
        if previous.islower() and previous.endswith(("ly", "ing", "ed")) and lowered not in NOT_ADVERBS:
            # "A working paper", "the published report": an adjective after a determiner; "criticized research on
            # …": a verb, the phrase is its object
            return index - 2 if index >= 2 and phrase[index - 2][2].lower() in DETERMINERS else None
        index -= 1
    return None


def _surname_not_month(text: str, sentence_start: int, start: int, end: int) -> bool:
    """A bare month after a capitalised word is a surname ("Theresa May said"), not a time ("in May")."""
    if text[start:end].strip() not in MONTHS:
        return False
    before = text[sentence_start:start].rstrip().rsplit(None, 1)
    return bool(before) and is_capitalised(before[-1])


def _partitive_start(phrase: list[Token], first: int) -> int:
    """Where a source starts when a share or count of it speaks ("Six of the eight studies", "One of my students", "a
    string of Tory MPs", "both experts"): the quantifier is the head, the phrase after "of" its complement."""
    while (
        first >= 2 and phrase[first - 1][2] == "," and phrase[first - 2][2].isdecimal() and phrase[first][2].isdecimal()
    ):
        first -= 2  # "34,525 adults": a number's thousands
    at = first if phrase[first][2] == "of" else first - 1  # "of Tory MPs": the scan went on through "of"
    if at >= 2 and phrase[at][2].lower() in PARTITIVE_DETERMINERS and phrase[at - 1][2] == "of":
        at -= 1  # "Six of the eight studies": the scan stopped at "eight", a determiner too
    if at >= 1 and phrase[at][2] == "of" and _is_quantity(phrase[at - 1][2]):
        start = at - 1
        if start >= 1 and phrase[start - 1][2].lower() in ("a", "an", "the") and phrase[start][2][:1].islower():
            start -= 1  # "a string of", "the majority of"
        if start >= 1 and phrase[start - 1][2].replace(".", "", 1).isdecimal():
            start -= 1  # "1.9 percent of 34,525 adults"
        return start
    following = phrase[first][2]
    if first >= 1 and phrase[first - 1][2].lower() in ("both", "all") and following.islower():
        return first - 1  # "both experts"; before names ("both Roscosmos and NASA") the names alone resolve
    return first


def _quantity_start(phrase: list[Token], start: int) -> int:
    """Where a source starts when it opens with a number: the words that make it approximate, a ratio and a share
    of a larger number ("About one in five of more than a thousand Americans surveyed", "at least 20 residents")."""
    opening = phrase[start][2].lower()
    if opening in ("a", "an", "least", "than") or opening in APPROXIMATORS:
        if start + 1 >= len(phrase) or not _is_number(phrase[start + 1][2]):
            return start  # "a thousand", "least 20" (the scan took the adverb's second word)
    elif not _is_number(opening):
        return start  # a share stays bare: "About half said" -> "half"
    for _ in range(MAX_QUANTITY_STEPS):
        before = [token.lower() for _, _, token in phrase[max(0, start - 2) : start]]
        opening = phrase[start][2].lower()
        if before[-1:] == ["than"] and before[-2:-1] and before[-2] in COMPARATIVES:
            start -= 2  # "more than a thousand"
        elif opening in ("than", "least") and before[-1:] and before[-1] in COMPARATIVES | {"at"}:
            start -= 1  # "more than", "at least": the scan took their second word
        elif before[-2:] == ["at", "least"]:
            start -= 2
        elif before[-1:] and before[-1] in APPROXIMATORS:
            start -= 1  # "About one …", "nearly 40 …"
        elif len(before) == 2 and before[-1] in ("in", "of") and _is_number(phrase[start - 2][2]):
            start -= 2  # "one in five", "five of more than a thousand"
        elif len(before) == 2 and before[-1] == "of" and _is_quantity(phrase[start - 2][2]):
            start -= 2  # "half of 2,000 adults"
        else:
            break
    return start


def _is_number(word: str) -> bool:
    """A numeral ("1,200", "74%") or a number word ("five", "Ninety-seven", "three-quarters", "thousand")."""
    return word.replace(",", "").replace(".", "").rstrip("%").isdecimal() or word.lower().split("-")[0] in NUMBER_WORDS


def _is_quantity(word: str) -> bool:
    lowered = word.lower()
    return lowered in PARTITIVE_HEADS or lowered in SHARE_HEADS or word.isdecimal()


def _end_before_pre_cue_words(text: str, sentence_start: int, cue_start: int) -> int:
    """Where the source ends: before the auxiliaries, adverbs and time phrases right before the cue."""
    end = cue_start
    for _ in range(MAX_PRE_CUE_WORDS):
        word_end = end
        while word_end > sentence_start and text[word_end - 1].isspace():
            word_end -= 1
        window = max(sentence_start, word_end - TIME_PHRASE_REACH)
        # A match ends at word_end (text there is not whitespace, so $ matches nowhere else) with a word or a digit.
        timed = text.endswith(PRE_CUE_TIME_ENDS, window, word_end) or text[word_end - 1 : word_end].isdecimal()
        time_phrase = PRE_CUE_TIME_RE.search(text[window:word_end]) if timed else None
        if time_phrase and _surname_not_month(text, sentence_start, window + time_phrase.start(), word_end):
            time_phrase = None
        if time_phrase and window + time_phrase.start() >= sentence_start:
            end = window + time_phrase.start()
            continue
        word_start = word_end
        while word_start > sentence_start and (text[word_start - 1].isalpha() or text[word_start - 1] in "’'"):
            word_start -= 1
        word = text[word_start:word_end].lower()
        adverb = word.endswith("ly") and len(word) >= MIN_SUFFIXED_LENGTH and word not in NOT_ADVERBS
        # lowercase only: "Theresa May said" ends in a name, not the modal
        if word_start > sentence_start and text[word_start].islower() and (word in PRE_CUE_SKIP or adverb):
            end = word_start
            continue
        end = word_end
        break
    return end


def _scan_back(phrase: list[Token]) -> tuple[list[int], bool, int] | None:
    """Take tokens backward from the cue while they can belong to the source: the tokens taken, whether the phrase
    ends in an apposition, and how many of its commas were passed. None when the apposition is no noun phrase."""
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
            elif appositive and commas == 0:
                commas += 1
                lower_run = 0
                title = _title_before_relative(phrase, i)
                if title is not None:
                    picked.extend(range(title, i + 1))  # "X, director of Y, who is leading Z, says": the title too
                    i = title - 1
                    continue
            elif not (has_and and i > 0 and is_capitalised(previous)):
                break  # a comma that neither closes the apposition nor lists names ("Canada, Britain and …")
        elif not token[0].isalnum():
            break
        elif lowered in ("and", "&"):
            if not (i > 0 and picked and (is_capitalised(previous) or previous == "," or _conjunct_before(phrase, i))):
                break
            has_and = True
        elif lowered in DETERMINERS and not (len(token) == 1 and token.isupper() and is_capitalised(previous)):
            picked.append(i)
            if lowered == "the" and previous.lower() in THE_LINKS:
                i -= 1  # "Secretary of the Treasury": keep going through "of the"
                continue
            if previous.lower() == "and" and i >= 2 and _conjunct_before(phrase, i - 1):
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
        elif lowered in PRONOUNS and not picked:
            picked.append(i)
            break
        elif token.isdecimal() and len(token) == 4 and picked and is_capitalised(phrase[i + 1][2]):
            if previous.lower() not in DETERMINERS:
                break  # "at the end of 2016 Dion revealed": a year before a name ends a time phrase
            lower_run += 1  # "A 2020 Deloitte survey": a determiner's year is the noun phrase's own
        elif is_capitalised(token):
            surname = is_capitalised(previous) and previous.lower() not in NP_BREAK  # "Theresa May"
            if lowered in NP_BREAK and token[0].isupper() and not surname:
                break  # a sentence-initial function word ("But", "When") ends the phrase
            if lowered in SENTENCE_ADVERBS and picked and not is_capitalised(phrase[i + 1][2]):
                break  # "Now research shows": a sentence adverb, not a name ("Theresa May" is one)
            lower_run = 0
        elif lowered in NAME_LINKS and picked and is_capitalised(previous):
            pass  # "Secretary of State", "Bank of America"
        elif lowered in PLACE_LINKS and _placed_head(phrase, picked, previous):
            lower_run = 0  # a body or venue placed by its town ("prosecutors in San Francisco", "The Briar in Douglas")
        elif lowered in MAKER_PARTICIPLES and picked and phrase[min(picked)][2] in ("by", "from"):
            lower_run = 0  # "Data published by OpenAI": the maker follows its document
        elif lowered in SPEECH_WORDS:
            break  # "Our sources say Lupita told cops": the first report's verb is not the source's
        elif picked and _title_modifier(phrase, i):
            lower_run += 1  # "registered dietitian Amanda Kostro Miller": the participle is part of the title
        elif picked and token.endswith(("ly", "ed", "ing")) and _modifier_after_determiner(phrase, i):
            lower_run += 1  # "a particularly nasty troll", "the newly elected mayor": adjectives, not verbs
        elif not picked and _participle_after_noun(phrase, i):
            lower_run = 0  # "Americans surveyed said", "those interviewed said": the participle modifies its noun
        elif _ends_phrase_backward(token, lowered, picked, lower_run):
            break
        else:
            lower_run += 1  # a lowercase modifier or head noun
        picked.append(i)
        i -= 1
    return picked, appositive, commas


def _modifier_after_determiner(phrase: list[Token], i: int) -> bool:
    """An adverb between a determiner and the noun, or the participle it modifies ("a particularly nasty troll", "the
    newly elected mayor"): adjectives in the noun phrase. A bare participle stays a verb or the cue's object ("the
    included stylus adds …", "a plaque-dispensing tablet highlights …" describe, they do not report)."""
    token = phrase[i][2]
    if not token.islower() or not token.endswith(("ly", "ed", "ing")) or len(token) < MIN_SUFFIXED_LENGTH:
        return False
    adverb = i if _is_adverb(token) else i - 1
    if adverb < 1 or not _is_adverb(phrase[adverb][2]):
        return False
    return phrase[adverb - 1][2].lower() in DETERMINERS


def _is_adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) >= MIN_SUFFIXED_LENGTH and word not in NOT_ADVERBS


def _participle_after_noun(phrase: list[Token], i: int) -> bool:
    """A past participle right before the cue, after a noun that may speak ("Americans surveyed", "residents
    affected"): it modifies that noun (the cue is the clause's verb)."""
    token = phrase[i][2]
    if i < 1 or not token.islower() or not token.endswith("ed") or len(token) < MIN_SUFFIXED_LENGTH:
        return False
    if token in CUE_VERBS:
        return False  # "factors that previous research suggested would have predicted": a verb of its own clause
    noun = phrase[i - 1][2]
    lowered = noun.lower()
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


def _conjunct_before(phrase: list[Token], conjunction: int) -> bool:
    """A short noun phrase before "and" that is a second speaker ("he and his co-authors", "some researchers and
    media outlets", "The Grenadian leader and his colleagues"): a pronoun, or a determiner and at most two words."""
    if phrase[conjunction][0] - phrase[conjunction - 1][1] > 1:
        return False  # "the plan — and fellow councilmembers": a dash or a gap between
    before = phrase[conjunction - 1][2].lower()
    if before in PRONOUNS:
        return True
    for back in (2, 3):
        at = conjunction - back
        if at < 0:
            return False
        words_between = [token for _, _, token in phrase[at + 1 : conjunction]]
        if not all(word.isalpha() and word.lower() not in NP_BREAK for word in words_between):
            return False
        if phrase[at][2].lower() in DETERMINERS:
            return phrase[conjunction - 1][2].islower() and all(not word.endswith("ed") for word in words_between)
    return False


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


def _placed_head(phrase: list[Token], picked: list[int], previous: str) -> bool:
    """A place name taken so far ("San Francisco and Los Angeles"; a year is none) after a head noun ("prosecutors",
    "Briar")."""
    if not picked or not all(phrase[index][2][0].isupper() or phrase[index][2] == "and" for index in picked):
        return False
    lowered = previous.lower()
    if lowered in MAKER_PARTICIPLES:
        return True
    plural = looks_plural(lowered) and lowered not in NP_BREAK
    return (is_capitalised(previous) and lowered not in NP_BREAK) or lowered in SOURCE_NOUNS or plural


def _opening_parenthesis(phrase: list[Token], closing: int) -> int | None:
    """The "(" of a short parenthetical ending at closing."""
    opening = closing - 1
    while opening >= 0 and phrase[opening][2] != "(" and closing - opening < MAX_PARENTHETICAL_TOKENS:
        opening -= 1
    if opening < 0 or phrase[opening][2] != "(":
        return None
    return opening


def _ends_phrase_backward(token: str, lowered: str, picked: list[int], lower_run: int) -> bool:
    """A lowercase word that cannot belong to the source: a clause word, or one word too many."""
    if lowered in NP_BREAK or lowered in PRE_CUE_SKIP:
        return True
    if lower_run >= MAX_LOWER_RUN or len(picked) >= MAX_SOURCE_TOKENS:
        return True
    # adverbs and participles are rarely part of the subject
    adverb = token.endswith("ly") and lowered not in NOT_ADVERBS
    participle = adverb or token.endswith("ing") or (token.endswith("ed") and len(token) >= MIN_SUFFIXED_LENGTH)
    return participle and lowered not in DOCUMENT_NOUNS and (not picked or lowered not in SOURCE_NOUNS)


def _apposition_ok(selection: list[Token], commas: int) -> bool:
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
    before_relative = [token[2].lower() for token in apposition[:relative_at]]
    if any(word in SUBORDINATORS for word in before_relative):
        return False
    return relative or not any(word in APPOSITIVE_BREAK for word in before_relative)


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
