"""Quote first: '"…," said X.' and '"…," X said.' (a quote closing right before the cue or the source)."""

from __future__ import annotations

import logging

from ..content import ends_in_quote, quote_content, skip_adverbials, trim_forward
from ..lexicon import (
    CLAUSE_WORDS,
    CLOSE_MARKS,
    COORDINATORS,
    DETERMINERS,
    FIRST_AND_SECOND_PERSON,
    NP_BREAK,
    PLURAL_PRONOUNS,
    PLURAL_SUBJECTS,
    QUOTE_MODIFIER_DETERMINERS,
    RELATIVE_PRONOUNS,
    plural_noun,
)
from ..patterns import (
    CONJOINED_REST_RE,
    COORDINATED_NAMES_RE,
    CUE_RE,
    NAME_BEFORE_APPOSITION_RE,
    QUOTE_MARKS,
    QUOTE_THEN_NAME_RE,
)
from ..sources import source_after
from ..structure import RawAttribution, Sentence, Span, skip_spaces
from ..vocabulary import CLAUSE_OPENERS, CUE_VERBS, IRREGULAR_PAST_FORMS
from .record import around_cue, record

log = logging.getLogger(__name__)


# Lowercase words between a quote and a source that are no modifier of the source ('"…," and French President …').
NOT_MODIFIERS: frozenset[str] = NP_BREAK | DETERMINERS | COORDINATORS | frozenset(["so", "then", "said"])
# Most words of an apposition whose closing comma is missing ('…," Chad Hawk, head of PMG, a firm in Florida told Fox').
MAX_APPOSITION_WORDS = 14
# Past forms that open a conjunct told by the writer ('"…," she said, and left').
PAST_FORMS: frozenset[str] = IRREGULAR_PAST_FORMS | CUE_VERBS


def plural_source(text: str, source: Span, writer: bool = True) -> bool:
    """The source's head (before any apposition) is plural: a plural pronoun or noun ("they", "officials", "many"),
    not a clause word ("was", "this"), nor "I" or "you" ('"…" tell you what to do'); without writer, not "we" either
    (the writer's own words)."""
    phrase = text[source[0] : source[1]].split(",")[0]
    if COORDINATED_NAMES_RE.search(phrase):
        return True  # '"…," say Chiou and Howlett': two names joined by "and"
    words = phrase.split()
    head = words[-1].lower() if words else ""
    if head in FIRST_AND_SECOND_PERSON:
        return writer and head in PLURAL_PRONOUNS
    return bool(head) and (head in PLURAL_SUBJECTS or plural_noun(head))


def quote_then_cue_then_source(sentence: Sentence, cue_start: int, cue_end: int, base: bool) -> RawAttribution | None:
    """'"…," said X.': a quote closes right before the cue and the source follows it."""
    text = sentence.text
    quote = ends_in_quote(text, sentence.quotes, sentence.start, cue_start)
    if quote is None:
        return None
    source = source_after(text, cue_end, sentence.end)
    if source and (not base or plural_source(text, source)):
        content = quote_content(text, sentence.quotes, sentence.start, quote)
        return _with_rest(sentence, source, cue_start, cue_end, content)
    return None


def _narrated(text: str, conjunction: int) -> bool:
    """The conjunct after a cue opens with a past verb: the speaker's next deed, told by the writer ("and left")."""
    words = text[conjunction : conjunction + 40].split()
    verb = words[1].strip(",.;:").lower() if len(words) > 1 else ""
    return verb.endswith("ed") or verb in PAST_FORMS or verb == "then"


def _with_rest(sentence: Sentence, source: Span, cue_start: int, cue_end: int, content: Span) -> RawAttribution:
    """The quote before the cue, and the statement going on after the cue and source without quotes of its own
    ('"I got confirmation," Harry said, but given their change in status their detail would be revoked')."""
    text, quotes = sentence.text, sentence.quotes
    rest = CONJOINED_REST_RE.match(text, max(cue_end, source[1]), sentence.end)
    if rest is None or _narrated(text, rest.start(1)):
        return record(sentence, source, cue_start, cue_end, content)  # ', and left the room': the writer's
    if not quotes.any_in(rest.end(), sentence.end) and not CUE_RE.search(text, rest.end(), sentence.end):
        rest_content = trim_forward(text, quotes, rest.start(1), sentence.end)
        statement = around_cue(sentence, source, cue_start, cue_end, content, rest_content)
        if statement is not None:
            return statement
    return record(sentence, source, cue_start, cue_end, content)


def _before_modifiers(text: str, sentence_start: int, source_start: int) -> int:
    """Where the source begins once up to two lowercase modifiers the scan left out are taken back ('…,"
    registered dietitian Amy Lee explained': the backward scan stops at "registered")."""
    before = text[sentence_start:source_start].rstrip()
    words = before.rsplit(None, 2)
    for count in (1, 2):
        modifiers = words[-count:]
        if len(words) > count and all(
            word.isalpha() and word.islower() and word not in NOT_MODIFIERS for word in modifiers
        ):
            head = before[: len(before) - len(" ".join(words[-count:]))].rstrip()
            if head.endswith(CLOSE_MARKS):
                return sentence_start + len(head) + 1
    # the match ends the slice with its comma: without one, no search through the sentence so far
    name = NAME_BEFORE_APPOSITION_RE.search(before) if before.endswith(",") else None
    if name:
        return sentence_start + name.start(1)  # '…," Callan Spicher, vice president of …, told us'
    name = QUOTE_THEN_NAME_RE.search(before)
    if name and _apposition_only(before[name.end() :]):
        return sentence_start + name.start(1)  # '…," Chad Hawk, head of PMG, a firm told Fox': no closing comma
    return source_start


def _apposition_only(words_between: str) -> bool:
    """The words between a name's comma and the source the scan found are an apposition of the name's: a few, with no
    verb, relative pronoun, cue or quotation ('head of PMG, a firm in', not 'who runs PMG, and the firm')."""
    words = [word.strip(",;:").lower() for word in words_between.split()]
    if not words or len(words) > MAX_APPOSITION_WORDS or CUE_RE.search(words_between):
        return False
    return not any(word in CLAUSE_WORDS or word in RELATIVE_PRONOUNS for word in words) and not any(
        mark in words_between for mark in QUOTE_MARKS
    )


def quote_then_source_then_cue(sentence: Sentence, source: Span, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'"…," he said.': a quote closes right before the source. '"Why not?" Lee asked.' reads as two sentences (a
    capital follows "?\""), and so does a quote trailing off ('"… the CFPB has …" Alito asked'): the quote ending the
    sentence before, right before the source, is the content too."""
    text = sentence.text
    start = _before_modifiers(text, sentence.start, source[0])
    quote = ends_in_quote(text, sentence.quotes, sentence.start, start)
    if quote is not None and _modifies_noun(text, sentence.start, quote):
        return None  # 'The "heartbroken" mayor said …': a quoted word inside the subject, no statement
    if quote is not None and text[start : source[0]].strip()[:1].isupper():
        source = (skip_spaces(text, start, source[0]), source[1])  # the name before the apposition is the source's
    if quote is None:
        if text[sentence.start : source[0]].strip():
            return None
        window = max(0, sentence.start - 4)
        before = text[window : sentence.start].rstrip(" \t")  # on the same line: a paragraph is no quote's cue
        if len(before) < 2 or not before.endswith(CLOSE_MARKS) or before[-2] not in "?!…":
            return None
        quote = sentence.quotes.ending_at(window + len(before))
        rest = text[skip_spaces(text, cue_end, sentence.end) : sentence.end]
        if quote is None or sentence.quotes.any_in(cue_end, sentence.end) or rest.startswith((":", *CLAUSE_OPENERS)):
            return None  # the cue's own content follows it
        return record(sentence, source, cue_start, cue_end, quote)
    if text[skip_adverbials(text, cue_end, sentence.end) : sentence.end].lstrip().startswith(CLAUSE_OPENERS):
        return None  # 'In a review of the “…,” researchers noted that …': the cue's own content follows it
    content = quote_content(text, sentence.quotes, sentence.start, quote)
    return _with_rest(sentence, source, cue_start, cue_end, content)


def _modifies_noun(text: str, sentence_start: int, quote: Span) -> bool:
    """A quotation right after a determiner with no punctuation of its own at its end ('the "heartbroken" mayor', 'his
    "new" plan'): a word of a noun phrase, no statement."""
    before = text[sentence_start : quote[0]].split()
    inner = text[quote[0] : quote[1]].rstrip("".join(CLOSE_MARKS))
    determined = bool(before) and before[-1].lower() in QUOTE_MODIFIER_DETERMINERS
    return determined and not inner.endswith((",", "?", "!", "."))
