"""Contents: what a source said — a quote, a that-clause or a bare clause after the cue, the clause before it,
a colon-introduced block of paragraphs — and the trimming that keeps the writer's words out of it."""

from __future__ import annotations

import logging
import re

from .lexicon import (
    ADDRESSED_PEOPLE,
    CLOSE_MARKS,
    COMPLEMENT_SUBJECT_OPENERS,
    DANGLING_CONJ,
    DEFINITE_DETERMINERS,
    DEMONSTRATIVES,
    DETERMINERS,
    INDEFINITE_SOURCES,
    IRREGULAR_PERSON_PLURALS,
    NOT_ADVERBS,
    NOT_PLURAL_SUBJECTS,
    NP_BREAK,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    OPEN_MARKS,
    OPEN_VERBS,
    PLURAL_SUBJECTS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    SUBJECT_PRONOUNS,
    THINGS_TOLD,
    looks_plural,
)
from .patterns import (
    ADVERBIAL_RE,
    AFTER_CUE_END_RE,
    AND_FINITE_RE,
    ASIDE_OPENING_RE,
    ASIDE_THEN_COLON_QUOTE_RE,
    AUXILIARY_RE,
    CLAUSE_COMMA_RE,
    CLAUSE_VERB_RE,
    COMMA_RE,
    CONJOINED_REST_RE,
    CUE_PROGRAMME_RE,
    CUE_RE,
    CUE_TAIL_RE,
    DANGLING_CONJ_RE,
    DEMONSTRATIVE_CLAUSE_RE,
    FRONTED_CLAUSE_RE,
    GERUND_RE,
    IF_LEAD_RE,
    INFINITIVE_RE,
    LEAD_CONJ_RE,
    LIST_AFTER_COLON_RE,
    LONE_SUBORDINATE_RE,
    NEGATED_INFINITIVE_RE,
    NOT_ADVICE_RE,
    NOT_CLAUSE_RE,
    NOT_PARENTHETICAL_RE,
    OBJECT_THEN_AS_RE,
    OPEN_CLAUSE_RE,
    PARA_RE,
    PHRASE_END_RE,
    PLACED_AFTER_QUOTE_RE,
    PREP_PHRASE_THEN_QUOTE_RE,
    REFUSAL_TAIL_RE,
    SAYING_OBJECT_RE,
    STRONG_VERB_RE,
    SUBJECT_PRONOUN_CLAUSE_RE,
    THAT_SOON_RE,
    THAT_WORD_RE,
    TRAILER_RE,
    VERB_INFINITIVE_RE,
    VERB_S_RE,
    WORD_CHAR_RE,
)
from .structure import NounUses, QuoteIndex, Span, search_with, skip_spaces
from .vocabulary import (
    ADDRESSEE_CUES,
    CLAIM_INFINITIVE_FORMS,
    CLAUSE_OPENERS,
    CUE_VERBS,
    DIRECTIVE_FORMS,
    DIRECTIVE_ONLY_FORMS,
    DISPLAY_CUES,
    FIGURE_REPORT_FORMS,
    FINDING_FORMS,
    GERUND_REPORT_FORMS,
    IRREGULAR_PAST_FORMS,
    LABEL_FORMS,
    MAKING_FORMS,
    OBJECT_CONTENT_CUES,
    OBJECT_CUES,
    OBJECT_SENSE_FORMS,
    PARTICIPLE_CUES,
    PLACING_FORMS,
    PROMISE_FORMS,
    QUOTED_LABEL_FORMS,
    RETORT_FORMS,
    STATEMENT_ONLY_FORMS,
    TOPIC_QUOTE_FORMS,
    VOW_CUES,
    WEAK_CUES,
    words,
)

log = logging.getLogger(__name__)

# A comma and the word after it ("…, calling it …"): where a participle cue may take over a sentence.
COMMA_WORD_RE = re.compile(r",[ \t]++([a-z]++)")

# How many paragraphs a colon-introduced statement may run on for.
MAX_BLOCK_PARAGRAPHS = 12
# Backward contents shorter than this many words are adverbials ("In fact, HCA said …"), not statements.
MIN_BACKWARD_WORDS = 3
# A cue between commas with at most this many words before it is parenthetical ("In part, Levin says, …").
PARENTHETICAL_MAX_LEAD = 8
# Most time and manner adverbials skipped between a cue and its content.
MAX_ADVERBIALS = 5
# A bare clause's subject before an aside ('the man, who was 34, fled'): at most this many words, and the aside at
# most this many characters.
MAX_ASIDE_SUBJECT_WORDS = 5
MAX_ASIDE_CHARS = 80
# A bare clause's subject that lists its items ("low cost, small size and huge numbers of users could …"): at most this
# many items after the first, each of at most this many words.
MAX_LIST_ITEMS = 4
MAX_LIST_ITEM_WORDS = 6
# Words that end a listed noun phrase before any verb: an infinitive, a subject pronoun, a clause link.
LIST_ITEM_BREAKS: frozenset[str] = frozenset(words("to who which that i we you they he she it"))
# Most words of a bare clause's subject before its irregular past ("the company paid").
MAX_SUBJECT_WORDS = 4
# Singular subject pronouns ("it's", "it attracts") and question words ("what's"): their "'s" is "is".
SINGULAR_PRONOUNS: frozenset[str] = frozenset(["he", "she", "it", "this", "that", "there"])
WH_WORDS: frozenset[str] = frozenset(["what", "who", "where", "here", "how"])
# Words after which a subject pronoun opens a clause of its own, not a relative one ("said that he was", "and they
# were").
CLAUSE_LINKS: frozenset[str] = frozenset(["that", "and", "but", "or", "so", "because", "if", "when", "as", "since"])
# Words after a count that make a plain object ("conceded twice"), and the longest object read as plain ("the charges").
COUNT_ADVERBS: frozenset[str] = frozenset(words("once twice thrice"))
MAX_PLAIN_OBJECT_WORDS = 3
# Longest fronted subordinate clause read ("When Winfrey asked if …, he declined"): its comma is looked for this far.
MAX_FRONTED_CHARS = 200
# Words read after a fronted clause's comma for the main clause's verb, or the comma or coordinator of a list or an
# apposition before it ("When HCA Healthcare, one of the largest hospital systems in the U.S., recently told …").
MAIN_CLAUSE_TOKENS = 10
# Words right after a plural noun that make it no subject ("profits and margins", "members of the board").
NOT_VERB_WORDS: frozenset[str] = frozenset(["and", "of", "for", "or", "nor"])
# Words after a plain object that are no verb of it ("wrote the rules last year", "the songs together", "adds
# capabilities like offline access").
OBJECT_TAIL_WORDS: frozenset[str] = frozenset(
    [
        "last",
        "next",
        "ago",
        "today",
        "yesterday",
        "tonight",
        "tomorrow",
        "together",
        "online",
        "too",
        "first",
        "again",
        "like",
        "such",
        "including",
    ]
)
# Words that end a noun phrase or join two ("of", "and", "with", "that"): no subject's last word, no verb.
PHRASE_STOPS: frozenset[str] = NP_BREAK | NOT_VERB_WORDS
# Words that are no present verb after a plural subject (content._base_verb_like), or no object after a verb in -s.
NOT_BASE_VERBS: frozenset[str] = (
    PHRASE_STOPS | DETERMINERS | OBJECT_TAIL_WORDS | PLURAL_SUBJECTS | IRREGULAR_PERSON_PLURALS
)
NOT_OBJECT_OPENERS: frozenset[str] = PHRASE_STOPS | OBJECT_TAIL_WORDS | SUBJECT_PRONOUNS
# Words that open a noun subject after a making verb ("the talks", "these rules"), and a promise's addressee.
NOUN_SUBJECT_OPENERS: frozenset[str] = DETERMINERS | DEMONSTRATIVES
PROMISE_DETERMINERS: frozenset[str] = DEFINITE_DETERMINERS | POSSESSIVE_DETERMINERS
# Determiners of a singular noun subject before a verb in -s ("the report contains").
SINGULAR_DETERMINERS: frozenset[str] = frozenset(["the", "a", "an", "this", "that"]) | POSSESSIVE_DETERMINERS
# Words that open a main clause's subject after a fronted clause's comma, besides names and plural nouns.
MAIN_SUBJECT_OPENERS: frozenset[str] = (
    PRONOUNS
    | DETERMINERS
    | DEMONSTRATIVES
    | INDEFINITE_SOURCES
    | IRREGULAR_PERSON_PLURALS
    | frozenset(["nobody", "no", "none", "all", "both", "each", "every", "there", "that"])
)


def fronted_clause(text: str, quotes: QuoteIndex, start: int, end: int, nouns: NounUses) -> tuple[int, bool] | None:
    """The comma ending a subordinate clause that opens the sentence at start ("When Winfrey asked if he could share
    them, he declined, saying …"), and whether the clause is a condition ("If officials say …,"); None without one."""
    lead = FRONTED_CLAUSE_RE.match(text, start, end)
    condition = lead is None and IF_LEAD_RE.match(text, start, end) is not None
    if lead is None and not condition:
        return None
    if quotes.inside(skip_spaces(text, start, end) + 1):
        return None  # '"If we don't act, we'll lose," she said': the quotation's clause, not the sentence's
    reach = min(end, start + MAX_FRONTED_CHARS)
    commas = [found.start() for found in CLAUSE_COMMA_RE.finditer(text, start, reach)]
    commas = [comma for comma in commas if not quotes.inside(comma)]
    main = next((comma for comma in commas if _main_clause_at(text, comma + 1, end, nouns)), None)
    if main is None and condition and commas:
        main = commas[0]  # whichever comma ends it, a report before the first is inside the condition
    return (main, condition) if main is not None else None


def _plural_before(word: str) -> bool:
    """A plural subject's last word, before a present verb ("many praise", "robot vacuums perform"; not "its")."""
    return word in PLURAL_SUBJECTS or (looks_plural(word) and word not in NOT_PLURAL_SUBJECTS)


def _adverb(word: str) -> bool:
    """A manner or sentence adverb in -ly ("clearly", "thankfully"), not "family" or "monthly"."""
    return word.endswith("ly") and word.isalpha() and word.islower() and word not in NOT_ADVERBS


def _base_verb_like(word: str) -> bool:
    """A word that may be a present verb after a plural subject ("doctors remain"): no clause or phrase word, no
    determiner, no plural noun of a compound ("residents groups"), no participle ("photos depicting her"), adverb,
    reflexive or time word ("the rules last year")."""
    return (
        word.isalpha()
        and word.islower()
        and not looks_plural(word)
        and not (word.endswith("ing") and len(word) > len("bring"))
        and not _adverb(word)
        and not word.endswith(("self", "selves"))
        and word not in NOT_BASE_VERBS
    )


def present_verb_at(words: list[str], index: int, nouns: NounUses) -> bool:
    """words[index] is a present verb after a subject ending at words[index - 1]: a base form after a plural ("doctors
    remain", "the talks continue"), or a word in -s after a determiner's singular noun ("the report contains serious
    errors") that the text never uses as a noun ("the products" elsewhere) and that an object follows (a compound's
    plural, "the deal terms last week", "ten USB ports for", has none)."""
    previous, word = words[index - 1].lower().replace("’", "'").removesuffix("'s"), words[index].rstrip(".,;:!?")
    if _plural_before(previous):
        return _base_verb_like(word)
    if not (
        index == 2
        and words[0].lower() in SINGULAR_DETERMINERS
        and previous.isalpha()
        and not _adverb(previous)
        and previous not in PHRASE_STOPS
        and VERB_S_RE.fullmatch(word) is not None
        and word not in nouns
        and word[:-1] not in nouns
    ):
        return False
    following = words[index + 1].lower().rstrip(".,;:!?") if index + 1 < len(words) else ""
    return bool(following) and following not in NOT_OBJECT_OPENERS


def _main_clause_at(text: str, pos: int, end: int, nouns: NounUses) -> bool:
    """A subject opens at pos, and its verb if one is seen: the main clause after a fronted clause's comma ("…, its
    shares fell", "…, it creates", "…, staying in Kyoto could …"), not a list's next item ("sales, profits and margins
    had fallen": a coordinator or a comma before the verb), a relative clause ("the vote, which was set …"), a
    predicate ("…, would go ahead") or an adjective's noun ("a small, daily walk helps"): no word that opens a
    subject."""
    tokens = text[pos : min(end, pos + MAX_FRONTED_CHARS)].split(None, MAIN_CLAUSE_TOKENS)[:MAIN_CLAUSE_TOKENS]
    if len(tokens) > 1 and _adverb(tokens[0]):
        tokens = tokens[1:]  # "…, thankfully there are …": a sentence adverb before the subject
    first = tokens[0].lower() if tokens else ""
    if STRONG_VERB_RE.fullmatch(first) and first.replace("’", "'").split("'")[0] in MAIN_SUBJECT_OPENERS:
        return True  # "…, there's an advantage", "…, it's clear"
    gerund = first.endswith("ing") and first.isalpha() and len(first) > len("thing")
    if not (first in MAIN_SUBJECT_OPENERS or tokens[0][:1].isupper() or looks_plural(first) or gerund):
        return False
    for index, token in enumerate(tokens[1:], 1):
        word = token.lower()
        if tokens[index - 1].endswith((",", ";", ":")) or tokens[index - 1].lower() in DANGLING_CONJ:
            return False  # the subject is a list or an aside, not one noun phrase
        if (
            (index == 1 and tokens[0].lower() in PRONOUNS and word.isalpha())
            or present_verb_at(tokens, index, nouns)  # "…, doctors remain"
            or STRONG_VERB_RE.fullmatch(word.rstrip(".,;:!?"))
            or word.rstrip(".,;:!?") in IRREGULAR_PAST_FORMS
        ):
            return True
    return True  # no verb seen in reach, and nothing of a list: "…, most proponents of Zero Waste acknowledge …"


def kind(text: str, quotes: QuoteIndex, start: int, end: int) -> str:
    """direct (one whole quote), mixed (quoted words inside), or indirect."""
    if start >= end:
        return "indirect"
    quote = quotes.find(start)
    if quote and quote[0] == start and quote[1] >= end - 1 and end <= quote[1]:
        return "direct"
    if quotes.any_in(start, end):
        return "mixed"
    return "indirect"


# ---------------------------------------------------------------------------------------------
# After the cue
# ---------------------------------------------------------------------------------------------


def skip_adverbials(text: str, pos: int, limit: int) -> int:
    """Past the time and manner adverbials and the venue after a cue ("said Tuesday in a statement")."""
    for _ in range(MAX_ADVERBIALS):
        adverbial = ADVERBIAL_RE.match(text, pos, limit)
        if not adverbial or adverbial.end() == pos:
            break
        pos = adverbial.end()
    venue = CUE_TAIL_RE.match(text, pos, limit) or CUE_PROGRAMME_RE.match(text, pos, limit)
    if venue:
        pos = venue.end()
    return pos


def infinitive_follows(text: str, pos: int, end: int, bare: bool = True) -> bool:
    """A request's infinitive after pos: "not to …", or with bare a verb's "to …" ("asked to leave"; "asked to no one in
    particular" is no request)."""
    pattern = VERB_INFINITIVE_RE if bare else NEGATED_INFINITIVE_RE
    return pattern.match(text, skip_spaces(text, pos, end), end) is not None


def forward_content(
    text: str, quotes: QuoteIndex, cue_end: int, sentence_end: int, verb: str, weak: bool, nouns: NounUses
) -> Span | None:
    """Content following the cue: a quote, a that-clause, or a bare reported clause (nouns: the words the text uses as
    nouns)."""
    pos = skip_adverbials(text, cue_end, sentence_end)
    infinitive_start = skip_spaces(text, pos, sentence_end)
    if verb in CLAIM_INFINITIVE_FORMS and INFINITIVE_RE.match(text, infinitive_start, sentence_end):
        # "claim to use neem oil and are “natural”": a finite verb after "and" is the subject's next predicate
        predicate = AND_FINITE_RE.search(text, infinitive_start, sentence_end)
        return infinitive_start, predicate.start() if predicate else sentence_end
    venue = PREP_PHRASE_THEN_QUOTE_RE.match(text, pos, sentence_end)
    if venue and (verb in DIRECTIVE_FORMS or verb in VOW_CUES) and INFINITIVE_RE.match(text, infinitive_start):
        venue = None  # "telling Avalos to delete the texts before “…”": the request's infinitive, no venue
    if venue:
        pos = venue.end()  # "wrote to the singer, “…”": the quote is the content
    elif (aside := ASIDE_THEN_COLON_QUOTE_RE.match(text, pos, sentence_end)) and _introduces_quote(aside):
        pos = aside.end()  # "continued, speaking of the games he misses: “…”": the aside says how, the quote what
    request = verb in DIRECTIVE_FORMS and infinitive_follows(text, pos, sentence_end)
    that_soon = None if request else THAT_SOON_RE.match(text, pos, sentence_end)
    if that_soon:
        pos = that_soon.start(1)  # "have argued for years that …", "told Zuma by telephone on Wednesday that …"
    rest = text[pos:sentence_end]
    stripped = rest.lstrip(" ,:")
    lead = len(rest) - len(stripped)
    if not stripped:
        return None
    content_start = pos + lead
    quote = quotes.find(content_start)
    that_next = stripped.startswith("that ") and not text[cue_end:content_start].strip()  # "shot back that …"
    if verb in RETORT_FORMS and not (quote and quote[0] == content_start) and not that_next:
        return None  # '"…," she shot back' reports the quotation; "hit back at claims that …" the claims'
    if weak and ":" in rest[:lead] and not (quote and quote[0] == content_start):
        return None  # "Income limits clarified: Full benefits …" is a heading; a weak verb's colon opens a quotation
    if quote and quote[0] == content_start and verb in PLACING_FORMS and PLACED_AFTER_QUOTE_RE.match(text, quote[1]):
        return None  # 'add "(AI generated description)" to the end of the field': a thing put somewhere, no words said
    if quote and quote[0] == content_start:
        # a quote that ends the sentence is direct; text after it makes the whole remainder mixed
        tail = text[quote[1] : sentence_end] if quote[1] < sentence_end else ""
        if quote[1] >= sentence_end or not WORD_CHAR_RE.search(tail):
            return quote[0], quote[1]
        return content_start, sentence_end
    if stripped.startswith(CLAUSE_OPENERS):
        return content_start, sentence_end
    if verb in LABEL_FORMS and stripped.startswith("by "):
        return None  # "…, dismissed by many as quiet reflection": a passive participle, its agent no subject
    if verb in LABEL_FORMS and (label := OBJECT_THEN_AS_RE.match(text, pos, sentence_end)):
        if verb in QUOTED_LABEL_FORMS and not quotes.any_in(label.end(), sentence_end):
            return None  # "dismissed students early as a precaution": no label without its quotation
        return content_start, sentence_end  # "describes these upgrades as a bonus": the label is the report
    if verb in LABEL_FORMS and _participle_cue_first(text, quotes, content_start, sentence_end):
        return None  # "dismissed the report, calling it “nonsense”": the quotation after the participle is its own
    if stripped.split(" ", 1)[0] in PARTICIPLE_CUES and verb not in OBJECT_CONTENT_CUES:
        return None  # "agrees, noting that …": the participle carries it ("recommends calling …" is advice)
    if ":" in rest[:lead]:
        return content_start, sentence_end
    opening = stripped[:40].lower()
    if (
        verb in TOPIC_QUOTE_FORMS
        and opening.startswith(("of ", "about "))
        and quotes.any_in(content_start, sentence_end)
    ):
        return content_start, sentence_end  # 'complained of the "scale of misrepresentation"': the quoted topic
    if verb in OBJECT_CONTENT_CUES:
        if not NOT_ADVICE_RE.match(opening):
            return content_start, sentence_end  # "advises cold brew coffee"
        # "suggest this will be the first time …": a demonstrative subject and its verb, not an object ("recommend
        # these alternatives", "recommend this setup to beginners because it's …")
        clause = DEMONSTRATIVE_CLAUSE_RE.match(text, content_start, sentence_end) is not None
        return (content_start, sentence_end) if clause else None
    if (
        verb in FIGURE_REPORT_FORMS
        and not NOT_CLAUSE_RE.match(opening)
        and opening.split(" ", 1)[0] not in OBJECT_PRONOUNS | PRONOUNS
        and not text.endswith(POSSESSIVE_ENDINGS, 0, cue_end - len(verb) - 1)  # "Nvidia's forecast could": a noun
    ):
        return content_start, sentence_end  # "reported no major delays", "predicted heavy snowfall": the figure told
    if (verb in VOW_CUES and opening.startswith("to ")) or (verb in DIRECTIVE_FORMS and INFINITIVE_RE.match(opening)):
        return content_start, sentence_end  # "vowed to keep trying", "urged lawmakers to pass the bill"
    if verb in GERUND_REPORT_FORMS and GERUND_RE.match(opening):
        return content_start, sentence_end  # "recalls being out at a party …", "reported receiving therapy"
    if NOT_CLAUSE_RE.match(opening):
        return None
    # "said she used the money", "affirmed he'd made …": a subject pronoun opens a clause, after a weak verb too; not
    # after a weak participle (its source is the clause's, less sure) nor a finding ("I found I was …" is perception)
    # ("When I work on my side projects, I still use …": after a comma the pronoun opens the main clause, not a report)
    pronoun_clause = verb not in DISPLAY_CUES and SUBJECT_PRONOUN_CLAUSE_RE.match(stripped) is not None
    if pronoun_clause and (not weak or not (verb.endswith("ing") or verb in FINDING_FORMS or "," in rest[:lead])):
        return content_start, sentence_end
    if verb in ADDRESSEE_CUES and _thing_told_before_clause(stripped):
        return None  # "told stories his grandfather had told him": the object and its relative clause, no report
    # a bare clause: needs a verb soon, before any comma; or a quotation inside (mixed)
    phrase_end = PHRASE_END_RE.search(stripped)
    first_phrase = stripped[: phrase_end.start()] if phrase_end else stripped
    has_clause = bool(CLAUSE_VERB_RE.search(first_phrase[:160])) or (
        phrase_end is not None
        and (
            _verb_after_aside(stripped, phrase_end.start())
            or (verb in STATEMENT_ONLY_FORMS and _verb_after_list(stripped, phrase_end.start()))
        )
    )
    if weak and not quotes.any_in(content_start, sentence_end):
        return None
    if verb in DISPLAY_CUES:
        return None  # 'one sign read “…”': a display verb reports only the quotation right after it
    if verb in MAKING_FORMS:
        # "wrote my first code 40 years ago", "announced new variants of …": a plain object, made or made known
        if verb in PROMISE_FORMS and _addressee_then_object(stripped):
            return content_start, sentence_end  # "promised voters a referendum", "promised the families justice"
        if SAYING_OBJECT_RE.match(text, content_start, sentence_end) is None:
            clause = finite_clause_follows(text, content_start, sentence_end, nouns)
            return (content_start, sentence_end) if clause else None
        return content_start, sentence_end  # "tweeted this announcement: “…”", "announced plans to acquire …"
    if verb in OBJECT_SENSE_FORMS and counted_object(text, quotes, content_start, sentence_end):
        return None  # "denied the charges", "claimed two wickets", "conceded twice": a plain object, no report
    if has_clause or (verb not in OBJECT_CUES and quotes.any_in(content_start, sentence_end)):
        return content_start, sentence_end
    return None


def counted_object(text: str, quotes: QuoteIndex, start: int, end: int) -> bool:
    """A plain object and no clause in [start, end): a count or a few words ("two wickets in his first overs", "14
    counts of fraud", "twice", "the charges"), no quotation, no "that" and no strong verb anywhere after them."""
    if quotes.any_in(start, end) or STRONG_VERB_RE.search(text, start, end) or THAT_WORD_RE.search(text, start, end):
        return False
    opening = text[start:end].split()
    first = opening[0].lower() if opening else ""
    counted = first[:1].isdigit() or first in NUMBER_WORDS or first in COUNT_ADVERBS
    return counted or len(opening) <= MAX_PLAIN_OBJECT_WORDS


def reports_a_clause(text: str, quotes: QuoteIndex, start: int, end: int, nouns: NounUses) -> bool:
    """The words in [start, end) can be what was said: a that- or wh-clause, a quotation, a colon's words, a strong
    verb anywhere, or a finite clause opening them ("was reported missing on Friday" is none of these)."""
    if text.startswith(CLAUSE_OPENERS, start) or quotes.any_in(start, end) or ":" in text[start:end]:
        return True
    return bool(STRONG_VERB_RE.search(text, start, end)) or finite_clause_follows(text, start, end, nouns)


def _participle_cue_first(text: str, quotes: QuoteIndex, start: int, end: int) -> bool:
    """A participle cue set off by a comma ("…, calling it", "…, saying") comes before any quotation in [start, end):
    only for labels (for every weak verb it lost more reports than it saved)."""
    for comma in COMMA_WORD_RE.finditer(text, start, end):
        if quotes.any_in(start, comma.start()):
            return False
        if comma.group(1) in PARTICIPLE_CUES:
            return True
    return False


def _introduces_quote(aside: re.Match[str]) -> bool:
    """An aside that only says how the quotation is said: no reporting participle of its own ("saying:"), no other
    reporting verb ("after Jones told the room: “…”" is Jones's quotation) and no clause of its own ("in 2019 the plan
    had one flaw: “…”": the clause is the content)."""
    if aside["lead"] in PARTICIPLE_CUES:
        return False
    inside = aside.group()
    return not AUXILIARY_RE.search(inside) and not any(word in CUE_VERBS for word in inside.lower().split()[1:])


def _addressee_then_object(content: str) -> bool:
    """A promise's two objects: people promised ("voters", "the families", "them") and what they were promised, not a
    thing alone ("promises a wide range of benefits")."""
    opening = content.split(None, 3)
    if opening and opening[0].lower() in PROMISE_DETERMINERS:
        opening = opening[1:]
    if len(opening) < 2 or not opening[0].isalpha():
        return False  # "promised voters." or "promised voters, …": one object
    return (opening[0].lower() in ADDRESSED_PEOPLE or opening[0] in OBJECT_PRONOUNS) and (
        opening[1].lower().strip(".,;:!?") not in PHRASE_STOPS
    )


def _thing_told_before_clause(content: str) -> bool:
    """A content opening with a thing told, asked or promised and a relative clause's subject ("stories his
    grandfather had told him", "questions the experts could not answer"), not an addressee and a clause."""
    opening = content.split(None, 2)
    return len(opening) > 2 and opening[0] in THINGS_TOLD and opening[1].lower() in MAIN_SUBJECT_OPENERS


def finite_clause_follows(text: str, pos: int, sentence_end: int, nouns: NounUses | None = None) -> bool:
    """A clause with a finite verb opens at pos, before any comma: a strong verb (an auxiliary, an -ed form, a
    contraction) or an irregular past right after a short subject ("data show wages fell"); a verb in a relative clause
    after a noun ("many other UI details I asked for") is the object's, and a word in -s may be a plural noun. Given
    the text's nouns (a making verb's object or clause), a noun subject and its present verb too ("the talks
    continue")."""
    start = skip_spaces(text, pos, sentence_end)
    phrase_end = PHRASE_END_RE.search(text, start, sentence_end)
    end = min(start + 160, phrase_end.start() if phrase_end else sentence_end)
    words = text[start:end].split()
    if len(words) > 1 and words[0].lower() in SINGULAR_PRONOUNS and VERB_S_RE.fullmatch(words[1]):
        return True  # "mentioned it attracts viewers": after a singular pronoun a word in -s is its verb
    if nouns is not None and _noun_subject_then_verb(words, nouns):
        return True  # "added the measures remain in place", "wrote the report contains errors"
    for verb in STRONG_VERB_RE.finditer(text, start, end):
        if verb.group()[-2:] in POSSESSIVE_ENDINGS and verb.group()[:-2].lower() not in SINGULAR_PRONOUNS | WH_WORDS:
            continue  # "Emily's TV room": a possessive, not "is"
        before = text[start : verb.start()].split()
        if not (len(before) >= 2 and before[-1].lower() in SUBJECT_PRONOUNS and before[-2].lower() not in CLAUSE_LINKS):
            return True
    return any(word in IRREGULAR_PAST_FORMS for word in words[1 : MAX_SUBJECT_WORDS + 1])


def auxiliary_clause_follows(text: str, pos: int, sentence_end: int) -> bool:
    """A bare clause opens at pos: a short subject (coordinated too), then an auxiliary or modal, before any comma
    ("ruled Trump and his co-defendants were liable"); no other clause word inside the subject, and no subject pronoun
    after a noun (a relative clause of an object: "reported the losses it had suffered")."""
    start = skip_spaces(text, pos, sentence_end)
    phrase_end = PHRASE_END_RE.search(text, start, min(sentence_end, start + 160))
    verb = AUXILIARY_RE.search(text, start, phrase_end.start() if phrase_end else min(sentence_end, start + 160))
    if verb is None:
        return False
    written = text[start : verb.start()].split()
    subject = [word.lower() for word in written]
    if not 1 <= len(subject) <= MAX_SUBJECT_WORDS or subject[-1] in CLAUSE_LINKS:
        return False  # "reported the attack and was injured": the verb is the cue's subject's
    if not (subject[0] in COMPLEMENT_SUBJECT_OPENERS or written[0][0].isupper() or written[0][0].isdigit()):
        return False  # a subject opens with a determiner, a pronoun, a name or a number ("reported increased sales")
    if any(word in CLAUSE_LINKS - {"and"} or word in WH_WORDS for word in subject):
        return False  # "ruled on the motion that was filed": a relative or subordinate clause, no report
    return len(subject) == 1 or subject[-1] not in SUBJECT_PRONOUNS


def _noun_subject_then_verb(words: list[str], nouns: NounUses) -> bool:
    """A short noun subject opening words ("the talks", "the administration's policies") and its present verb: no
    number, preposition or list inside the subject ("40 years ago", "a series of tweets", "a few big servers")."""
    if not words:
        return False
    opener = words[0].lower()
    if not (opener in NOUN_SUBJECT_OPENERS or words[0][:1].isupper() or looks_plural(opener)):
        return False
    for index in range(1, min(len(words), MAX_SUBJECT_WORDS + 1)):
        previous = words[index - 1].replace("’", "'").removesuffix("'s").lower()
        if not previous.isalpha() or previous in PHRASE_STOPS or (index > 1 and previous in PLURAL_SUBJECTS):
            return False
        if previous not in PLURAL_SUBJECTS and present_verb_at(words, index, nouns):
            return True  # a quantifier ("many other …") is no subject's last word here
    return False


def _verb_after_aside(clause: str, comma: int) -> bool:
    """'the man, who was 34, fled on foot', 'the plan, if approved, would cost …': a short subject, an aside between
    commas, then the clause's verb."""
    if clause[comma] != "," or len(clause[:comma].split()) > MAX_ASIDE_SUBJECT_WORDS:
        return False
    aside_end = clause.find(",", comma + 1, comma + MAX_ASIDE_CHARS)
    if aside_end < 0 or not ASIDE_OPENING_RE.match(clause, skip_spaces(clause, comma + 1, aside_end)):
        return False  # "a newsletter today, as I am, here's …": no aside of the subject's
    after = skip_spaces(clause, aside_end + 1, len(clause))
    # a strong verb only: a plural noun in -s after the aside is a list's next item ("apples, pears, and plums")
    return (
        STRONG_VERB_RE.match(clause, after) is not None
        or clause[after:].split(" ", 1)[0].rstrip(".,;:!?") in IRREGULAR_PAST_FORMS
    )


def _verb_after_list(clause: str, comma: int) -> bool:
    """'the combination of low cost, small size and huge numbers of users could make it …': a subject listing its items
    between commas, its last item after "and" or "or", then the clause's strong verb."""
    if clause[comma] != "," or len(clause[:comma].split()) > MAX_ASIDE_SUBJECT_WORDS:
        return False
    items = clause[comma + 1 :].split(",", MAX_LIST_ITEMS)[:MAX_LIST_ITEMS]
    for index, item in enumerate(items):
        words = item.split()
        coordinator = next((i for i, word in enumerate(words) if word in ("and", "or")), None)
        if coordinator is None:
            if len(words) <= MAX_LIST_ITEM_WORDS and not CLAUSE_VERB_RE.search(item):
                continue  # one more item of the list
            return False
        if (coordinator == 0 and index == 0) or coordinator > MAX_LIST_ITEM_WORDS:
            return False  # "…, and all its suppliers are bound": a clause of its own, not a list's last item
        if CLAUSE_VERB_RE.search(" ".join(words[:coordinator])):
            return False  # "…, but it includes SLMs and you can …": a clause before the coordinator
        last_item = words[coordinator + 1 : coordinator + 2 + MAX_LIST_ITEM_WORDS]
        for position, word in enumerate(last_item):
            if word.lower() in LIST_ITEM_BREAKS:
                return False  # "support and training to ensure you have …": the verb is another clause's
            if STRONG_VERB_RE.fullmatch(word) or word in IRREGULAR_PAST_FORMS:
                return position > 0
        return False
    return False


def _reports(text: str, start: int, end: int) -> bool:
    """A cue in the stretch that reports in any construction (a request's verb alone, "order", is a list's word; a
    weak cue, "If the trend continues", reports only with a clause of its own)."""
    return any(
        cue.group().lower() not in DIRECTIVE_ONLY_FORMS and cue.group().lower() not in WEAK_CUES
        for cue in CUE_RE.finditer(text, start, end)
    )


def list_after_colon(text: str, end: int) -> int:
    """Where a content ending in a colon ends once the list items on its following lines are taken in."""
    items = LIST_AFTER_COLON_RE.match(text, end)
    return items.end(1) if items else end


def following_block(text: str, quotes: QuoteIndex, pos: int, quoted_only: bool) -> Span | None:
    """Paragraphs after pos that carry on a colon-introduced statement: wholly quoted paragraphs, or
    (when quoted_only is False) a run of short list-like paragraphs."""
    separator = PARA_RE.match(text, pos)
    if not separator:
        return None
    start = separator.end()
    end = None
    paragraph_start = start
    for _ in range(MAX_BLOCK_PARAGRAPHS):
        next_separator = PARA_RE.search(text, paragraph_start)
        paragraph_end = next_separator.start() if next_separator else len(text)
        paragraph = text[paragraph_start:paragraph_end].strip()
        if not paragraph:
            break
        quote = quotes.find(paragraph_start)
        # a quote carried on from the paragraph before (its mark reopens this one) covers this one whole too
        whole_quote = quote is not None and quote[0] <= paragraph_start and quote[1] >= paragraph_start + len(paragraph)
        short = len(paragraph.split()) <= 25 and not _reports(text, paragraph_start, paragraph_end)
        if end is None and whole_quote:
            quoted_only = True  # a block that opens with a quote goes on only through quotes
        if not (whole_quote or (not quoted_only and short)):
            break
        end = paragraph_start + len(paragraph)
        if not next_separator:
            break
        paragraph_start = next_separator.end()
    if end is None:
        return None
    return start, end


def clause_comma(text: str, start: int, end: int) -> int:
    """The first comma in [start, end) that is no thousands separator ("2,000"); -1 when none."""
    comma = CLAUSE_COMMA_RE.search(text, start, end)
    return comma.start() if comma else -1


def rest_after_comma(text: str, after: int, sentence_end: int) -> int | None:
    """Where the sentence goes on after a comma right at after (", according to X, is …"), if words follow."""
    comma = COMMA_RE.match(text, after, sentence_end)
    if not comma or not WORD_CHAR_RE.search(text, comma.end(), sentence_end):
        return None
    return comma.end()


def statement_going_on(text: str, quotes: QuoteIndex, after: int, sentence_end: int) -> Span | None:
    """After a cue that follows its statement, the statement going on (", and be willing to …", ", with sales up 25%"):
    its span; none when a quotation or another cue comes in it."""
    rest = CONJOINED_REST_RE.match(text, after, sentence_end)
    if rest is None or quotes.any_in(rest.end(), sentence_end) or CUE_RE.search(text, rest.end(), sentence_end):
        return None
    return trim_forward(text, quotes, rest.start(1), sentence_end)


def parenthetical_rest(text: str, after: int, sentence_end: int, adverbial_lead: bool = False) -> int | None:
    """For a mid-sentence cue (", says X, can teach …"): where the content after the closing comma starts. After an
    adverbial lead ("Last year, according to police, crime fell …") the rest is the clause whatever its verb."""
    rest = rest_after_comma(text, after, sentence_end)
    if rest is None or NOT_PARENTHETICAL_RE.match(text, rest, sentence_end):
        return None
    if not adverbial_lead and not STRONG_VERB_RE.search(text, rest, min(sentence_end, rest + 160)):
        return None  # ", says LeCun, between humans and AI": a tail of the clause before, not a new one
    return rest


def is_parenthetical(lead: str, rest_opening: str = "") -> bool:
    """A cue between commas is parenthetical when little precedes it, or the clause before is left open or is a lone
    subordinate one (its main clause follows: "While bids rose, Yearout said, there's no backlog")."""
    if len(lead.split()) < PARENTHETICAL_MAX_LEAD or OPEN_CLAUSE_RE.search(lead) or open_verb_lead(lead):
        return True
    # not before a quotation: "Although it is larger, one tester wrote, “I found …”" frames it
    return lone_subordinate(lead) and not rest_opening.startswith(OPEN_MARKS)


def open_verb_lead(lead: str) -> bool:
    """The lead ends on a copula, auxiliary or modal ("The decision was, he said, “a betrayal”"): the words after the
    cue complete its clause, whatever their verb."""
    last = lead.rsplit(None, 1)[-1:]
    return bool(last) and last[0].lower() in OPEN_VERBS


def lone_subordinate(lead: str) -> bool:
    """The lead is a subordinate clause alone ("Although virus writers still play, said Hogan, 2004 saw …"): its main
    clause is still to come."""
    conjunction = LEAD_CONJ_RE.match(lead)
    return LONE_SUBORDINATE_RE.match(lead, conjunction.end() if conjunction else 0) is not None


# ---------------------------------------------------------------------------------------------
# Before the cue
# ---------------------------------------------------------------------------------------------


def lead_start(text: str, sentence_start: int, end: int, quotes: QuoteIndex | None = None) -> int:
    """Start of a backward content: the sentence start, past a leading conjunction ("And because …"), past a
    reporting frame ending in a colon ("The Times reports: …") or past the last semicolon."""
    colon = text.rfind(":", sentence_start, end)
    if colon >= 0 and (quotes is None or quotes.find(colon) is None) and CUE_RE.search(text, sentence_start, colon):
        sentence_start = colon + 1
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    semicolon = text.rfind(";", sentence_start, end)
    if semicolon >= 0 and (quotes is None or quotes.find(semicolon) is None):
        sentence_start = skip_spaces(text, semicolon + 1, end)  # "X says A; B, he said": a clause of its own
    conjunction = LEAD_CONJ_RE.match(text, skip_spaces(text, sentence_start, end), end)
    return conjunction.end() if conjunction else sentence_start


def enough_words(text: str, start: int, end: int) -> bool:
    return end > start and len(text[start:end].split()) >= MIN_BACKWARD_WORDS


def after_is_end(text: str, pos: int, sentence_end: int) -> bool:
    """Nothing but a trailer (", citing …", a time, a parenthetical) between pos and the sentence's end."""
    return bool(AFTER_CUE_END_RE.match(text[pos:sentence_end]))


def quote_content(text: str, quotes: QuoteIndex, sentence_start: int, quote: Span) -> Span:
    """A quote before its cue; if the sentence has words before the quote, the content starts there."""
    start = lead_start(text, sentence_start, quote[0], quotes)
    if WORD_CHAR_RE.search(text, start, quote[0]):
        return start, quote[1]
    return quote


def ends_in_quote(text: str, quotes: QuoteIndex, sentence_start: int, end: int) -> Span | None:
    """The quote that the text before end (past spaces) closes with, if any."""
    before = text[sentence_start:end].rstrip()
    if before.endswith(CLOSE_MARKS):
        return quotes.ending_at(sentence_start + len(before))
    return None


# ---------------------------------------------------------------------------------------------
# Trimming
# ---------------------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> Span:
    """Trim spaces and unquoted trailing punctuation off a content span."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def trim_content(text: str, quotes: QuoteIndex, start: int, end: int) -> Span:
    """Trim content; keep a closing quote (and the punctuation inside it) when the span ends in one."""
    start, end = _trim(text, start, end)
    # strip a dangling conjunction at the end ("... outside Ukraine," and)
    tail = text[start:end]
    # The pattern is anchored at the end: only a span ending in a conjunction can match (~50x cheaper test).
    dangling = DANGLING_CONJ_RE.search(tail) if tail.rstrip().endswith(DANGLING_CONJ) else None
    if dangling:
        end = start + dangling.start()
        start, end = _trim(text, start, end)
    # if a quote closes just after the trimmed end, keep it whole
    mark = end
    while mark < len(text) and text[mark] in ",.!?;:…" and mark - end < 3:
        mark += 1
    if mark < len(text) and text[mark] in '"”»’':
        quote = quotes.ending_at(mark + 1)
        if quote and quote[0] < end:
            end = mark + 1
    return start, end


def trim_forward(text: str, quotes: QuoteIndex, start: int, end: int) -> Span:
    """Cut writer-added trailers off an indirect content (", citing …", ", provoking …")."""
    for trailer in TRAILER_RE.finditer(text, start, end):
        if not quotes.inside(trailer.start("word")) and trailer.start() - start > 15:
            end = trailer.end("close") if trailer.group("close") else trailer.start()  # the quotation keeps its mark
            break
    refusal = search_with(REFUSAL_TAIL_RE, "but", text, start, end)
    if refusal is not None and not quotes.inside(refusal.start()):
        end = refusal.start()  # "… but declined to comment further": the source's refusal, no part of what it said
    return trim_content(text, quotes, start, end)
