"""A speech noun and its that-clause ("Meghan's admission that she …", "amid reports that the firm …"): the noun is the
cue when no reporting verb governs the content (GUIDELINES §1); a possessive before it is the source, else none."""

from __future__ import annotations

import logging
from bisect import bisect_right

from ..content import following_block, kind, trim_forward
from ..lexicon import (
    COMPLEMENT_SUBJECT_OPENERS,
    DETERMINERS,
    NP_BREAK,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
)
from ..names import pronoun_contraction
from ..patterns import CLAUSE_VERB_RE, IN_WORDS_RE, SENT_END_RE, SPEECH_NOUN_END_RE, THAT_WORD_RE, TOKEN_RE
from ..structure import QuoteIndex, RawAttribution, Span, led_matches, skip_spaces

log = logging.getLogger(__name__)

# Characters before the noun looked at for its possessive or determiner, and after "that" for the clause's verb.
NOUN_LEAD_CHARS = 40
CLAUSE_VERB_REACH = 80
# Fewest words in the that-clause: "the claim that he made" is a relative clause with its object gone.
MIN_CLAUSE_WORDS = 4
# Words before a bare plural noun that leave it a noun ("amid reports that", "denied accusations that"), not a verb.
NOUN_CONTEXT: frozenset[str] = frozenset(
    [
        "amid",
        "despite",
        "after",
        "over",
        "following",
        "about",
        "with",
        "of",
        "to",
        "by",
        "from",
        "on",
        "against",
        "denied",
        "rejected",
        "dismissed",
    ]
)
# Speech nouns with no plural and no verb of the same spelling: a noun anywhere, and news of its own when bare
# ("There has been speculation that …").
MASS_SPEECH_NOUNS: frozenset[str] = frozenset(["speculation"])
# Longest that-clause read: it ends at its sentence's end or after this many characters.
MAX_CLAUSE_CHARS = 400
# The longest speech noun ("acknowledgement"): how far before "that" it is looked for.
MAX_NOUN_CHARS = 16
# Possessives of the writer and the reader.
WRITERS_POSSESSIVES: frozenset[str] = frozenset(["my", "our", "your"])
# Marks after which a lowercase "in X's words" opens a phrase of its own ("… — in Cairo's words, …").
SET_OFF: tuple[str, ...] = (",", "—", "–", ":", ";", "(")
# Most words of a name before its "'s".
MAX_NAME_WORDS = 3


def noun_reports(
    text: str, quotes: QuoteIndex, paragraph_spans: list[Span], found: list[RawAttribution]
) -> list[RawAttribution]:
    """One attribution per speech noun followed by a complement that-clause outside every attribution found."""
    parts = sorted(span for raw in found for span in (raw.cue, raw.content) if span is not None)
    part_starts = [start for start, _ in parts]
    paragraph_starts = [start for start, _ in paragraph_spans]
    reports = []
    for that in led_matches(text, THAT_WORD_RE, (" that",)):
        match = SPEECH_NOUN_END_RE.search(text, max(0, that.start() - MAX_NOUN_CHARS), that.start())
        if match is None:
            continue
        noun_start, noun_end = match.span()
        if quotes.inside(noun_start) or _claimed(parts, part_starts, noun_start):
            continue
        if not _noun_here(text, noun_start, match.group()) or _opens_sentence(text, noun_start):
            continue
        clause_start = that.start() + 1
        clause_end = _clause_end(text, clause_start)
        if not _complement(text, that.end(), clause_end):
            continue
        content = trim_forward(text, quotes, clause_start, clause_end)
        if len(text[content[0] : content[1]].split()) < MIN_CLAUSE_WORDS:
            continue
        source = _possessor(text, noun_start)
        bare = _bare_after_context(text, noun_start) or (match.group() in MASS_SPEECH_NOUNS and _bare(text, noun_start))
        if _writers(text, noun_start) or (source is None and not bare):
            continue  # "the claim that …" names no one: a generic claim, or one whose maker is sentences away
        paragraph = max(0, bisect_right(paragraph_starts, noun_start) - 1)
        raw = RawAttribution(source, (noun_start, noun_end), content, "", paragraph)
        raw.kind = kind(text, quotes, *content)
        reports.append(raw)
    return reports


def words_reports(
    text: str, quotes: QuoteIndex, paragraph_spans: list[Span], found: list[RawAttribution]
) -> list[RawAttribution]:
    """ "In Cairo's words, a “world of ideas …”", "In their words:" and the quoted paragraph after it: the possessor
    speaks, "words" is the cue (no verb governs the content), the content follows the comma or colon."""
    parts = sorted(span for raw in found for span in (raw.cue, raw.content) if span is not None)
    part_starts = [start for start, _ in parts]
    paragraph_starts = [start for start, _ in paragraph_spans]
    reports = []
    for match in led_matches(text, IN_WORDS_RE, ("In ", "in ")):
        cue = match.span("cue")
        if quotes.inside(match.start()) or _claimed(parts, part_starts, cue[0]):
            continue
        if text[match.start()] == "i" and not text[max(0, match.start() - 3) : match.start()].rstrip().endswith(
            SET_OFF
        ):
            continue  # "put it in his own words, which …": inside a clause the phrase is a manner, not a cue
        after = skip_spaces(text, match.end(), len(text))
        if match.group("mark") == ":" and (after >= len(text) or text[match.end() : after].count("\n") >= 2):
            content = following_block(text, quotes, match.end(), quoted_only=True)  # "In their words:" ends its line
        else:
            quote = quotes.starting_at(after)
            content = trim_forward(text, quotes, after, quote[1] if quote else _clause_end(text, after))
        if content is None or len(text[content[0] : content[1]].split()) < MIN_CLAUSE_WORDS - 1:
            continue
        paragraph = max(0, bisect_right(paragraph_starts, match.start()) - 1)
        source_start, source_end = match.span("source")
        if text[source_end - 1] in "s’'" and text[source_end - 2 : source_end - 1] in ("’", "'"):
            source_end -= 2  # "Cairo’s": the name, without its possessive ending
        elif text[source_end - 1] in "’'":
            source_end -= 1  # "the Nguyens’"
        raw = RawAttribution((source_start, source_end), cue, content, "", paragraph)
        raw.kind = kind(text, quotes, *content)
        reports.append(raw)
    return reports


def _writers(text: str, noun_start: int) -> bool:
    """'my contention that', 'our promise that': the writer's own words, not a report."""
    before = TOKEN_RE.findall(text, max(0, noun_start - NOUN_LEAD_CHARS), noun_start)
    return any(word.lower() in WRITERS_POSSESSIVES for word in before[-2:])


def _bare_after_context(text: str, noun_start: int) -> bool:
    """A bare plural after a preposition or a verb of rejection ("amid reports that", "denied accusations that"): the
    reports are news of their own, with no one to name."""
    before = TOKEN_RE.findall(text, max(0, noun_start - NOUN_LEAD_CHARS), noun_start)
    return bool(before) and before[-1].lower() in NOUN_CONTEXT


def _bare(text: str, noun_start: int) -> bool:
    """No determiner or possessive right before the noun ("growing speculation that", not "the speculation that")."""
    before = TOKEN_RE.findall(text, max(0, noun_start - NOUN_LEAD_CHARS), noun_start)
    return not before or not (before[-1].lower() in DETERMINERS or _possessive(before[-1]))


def _claimed(parts: list[Span], part_starts: list[int], pos: int) -> bool:
    """pos lies in a cue or content found before: a verb governs this stretch ("denied the claim that …")."""
    i = bisect_right(part_starts, pos)
    return any(start <= pos < end for start, end in parts[max(0, i - 8) : i])


def _words_before(text: str, pos: int) -> list[str]:
    return TOKEN_RE.findall(text, max(0, pos - NOUN_LEAD_CHARS), pos)


def _noun_here(text: str, noun_start: int, noun: str) -> bool:
    """The word is a noun where it stands: after a determiner, a possessive or an adjective after one ("his repeated
    claims"), or, bare, after a preposition or a verb of rejection ("amid reports that"); "The agency reports that" is
    the verb's, and the verb pass has it."""
    before = [word.lower() for word in _words_before(text, noun_start)]
    if not before:
        return False
    last = before[-1]
    if last in DETERMINERS or _possessive(last) or last.endswith(("s'", "s’")):
        return True
    if len(before) >= 2 and last.isalpha() and last not in NP_BREAK and before[-2] in DETERMINERS:
        return True  # "the latest report that", "his repeated claims that"
    if noun in MASS_SPEECH_NOUNS:
        return True  # "There has been speculation that": a noun wherever it stands
    return noun.endswith("s") and last in NOUN_CONTEXT  # "happy to report that" is the verb


def _opens_sentence(text: str, noun_start: int) -> bool:
    """The noun phrase is the sentence's subject ("The claim that he made was false", "Harry's claim that … drew
    fire"): where its that-clause ends and the main verb starts cannot be told here, nor a relative clause from a
    complement. The words before the noun back to the sentence's start are all the phrase's own."""
    lead_start = max(0, noun_start - NOUN_LEAD_CHARS)
    boundary = max(text.rfind(mark, lead_start, noun_start) for mark in (". ", "? ", "! ", "\n", ": "))
    if boundary < 0 and lead_start > 0:
        return False  # a long lead: the phrase is not the sentence's start
    words = TOKEN_RE.findall(text, max(lead_start, boundary + 1), noun_start)
    if len(words) >= 2 and words[-1].islower() and (words[-2].lower() in DETERMINERS or _possessive(words[-2])):
        words = words[:-1]  # one adjective: "his repeated claim"
    if words and (words[-1].lower() in DETERMINERS or _possessive(words[-1])):
        words = words[:-1]
    while words and words[-1][0].isupper() and words[-1].lower() not in NP_BREAK:
        words = words[:-1]  # "Prince Harry's"
    return not words


def _possessive(word: str) -> bool:
    """ "Harry's", not "it's" or "there's" (a pronoun's contraction: "then it's claims that …" names no claimant)."""
    return word.endswith(POSSESSIVE_ENDINGS) and not pronoun_contraction(word)


def _clause_end(text: str, start: int) -> int:
    end = SENT_END_RE.search(text, start, min(len(text), start + MAX_CLAUSE_CHARS))
    return end.start() if end else min(len(text), start + MAX_CLAUSE_CHARS)


def _complement(text: str, after_that: int, clause_end: int) -> bool:
    """The that-clause is a complement: a subject first (a determiner, a pronoun, a name or a number), then a verb."""
    first = TOKEN_RE.match(text, skip_spaces(text, after_that, clause_end), clause_end)
    if first is None:
        return False
    word = first.group()
    if not (word.lower() in COMPLEMENT_SUBJECT_OPENERS or word[0].isupper() or word[0].isdigit()):
        return False
    return CLAUSE_VERB_RE.search(text, first.end(), min(clause_end, first.end() + CLAUSE_VERB_REACH)) is not None


def _possessor(text: str, noun_start: int) -> Span | None:
    """'Meghan's admission', 'the senator's claim', 'his repeated claim': the possessor speaks; 'the claim' has no
    source."""
    before = list(TOKEN_RE.finditer(text, max(0, noun_start - NOUN_LEAD_CHARS), noun_start))
    adjective = before[-1].group() if len(before) >= 2 else ""
    if adjective.islower() and not _possessive(adjective) and adjective not in POSSESSIVE_DETERMINERS:
        before = before[:-1]  # one adjective between: "his repeated claim"
    if not before:
        return None
    last = before[-1]
    word = last.group()
    if word.lower() in POSSESSIVE_DETERMINERS:
        return last.span()
    if not _possessive(word):
        return None
    start = last.start()
    for token in reversed(before[:-1][-MAX_NAME_WORDS:]):
        lowered = token.group().lower()
        if token.end() + 1 != start or not token.group().isalpha():
            break
        if token.group()[0].isupper() and lowered not in NP_BREAK:
            start = token.start()  # "Prince Harry's"
        elif lowered in DETERMINERS:
            start = token.start()  # "the senator's"
            break
        else:
            break
    return start, last.end() - 2
