"""Recording an attribution: the spans a pattern found, and a statement interrupted by its cue (two fragments)."""

from __future__ import annotations

import logging

from ..structure import RawAttribution, Sentence, Span

log = logging.getLogger(__name__)


# Fewest words in a statement split around its cue.
MIN_STATEMENT_WORDS = 3

# The attributions found so far in a sentence, each with its cue's position.
Found = list[tuple[int, RawAttribution]]


def record(sentence: Sentence, source: Span, cue_start: int, cue_end: int, content: Span) -> RawAttribution:
    return RawAttribution(source, (cue_start, cue_end), content, "", sentence.paragraph)


def record_unless_empty(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, content: Span
) -> RawAttribution | None:
    return record(sentence, source, cue_start, cue_end, content) if content[1] > content[0] else None


def around_cue(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, lead: Span, rest: Span
) -> RawAttribution | None:
    """A statement interrupted by its cue and source: two fragments, the clause before and the clause after."""
    pieces = [span for span in (lead, rest) if span[1] > span[0]]
    if not pieces or sum(len(sentence.text[s:e].split()) for s, e in pieces) < MIN_STATEMENT_WORDS:
        return None
    raw = RawAttribution(source, (cue_start, cue_end), (pieces[0][0], pieces[-1][1]), "", sentence.paragraph)
    raw.fragments = pieces
    return raw
