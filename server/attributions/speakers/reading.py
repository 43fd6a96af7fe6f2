"""What every part of the story reads (Reading): the text, where its paragraphs, sentences and cues stand and how far
back a look-back reads from a position; and the state the parts share (the entities, what the text capitalises, the
attributions resolved so far), declared here once and made by Story.__init__."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...limits import Deadline
from ..names import LowerCaseUse
from ..structure import RawAttribution, Span, sentences
from .constants import LIST_MARKS, MAX_PRONOUN_PARAGRAPHS, PRONOUN_PARAGRAPHS, QUOTE_OPENINGS
from .entities import Entity


class Reading:
    """The story's text and where things stand in it; the state Naming, Mentions, Pronouns and Descriptions share."""

    text: str
    deadline: Deadline
    cue_starts: list[int]  # where each cue starts, in text order, and where it ends (cue_ends)
    cue_ends: list[int]
    paragraph_spans: list[Span]
    paragraph_starts: list[int]
    sentence_starts: dict[int, list[int]]  # a paragraph's index -> where its sentences start
    entities: dict[str, Entity]  # the people and bodies quoted or named, by their longest name
    mentioned_only: set[str]  # people named but never quoted ("Defense Secretary Lloyd Austin")
    titled: dict[str, str]  # title word -> the person who held it ("president" -> "Barack Obama")
    common: LowerCaseUse  # whether the text writes a word in lower case too
    core_occurrences: list[tuple[int, str]]  # where the sources' core words stand: the full names and the mentions
    named_with_head: dict[str, list[tuple[int, str]]]  # "Authority" -> where a body so named stands
    previous: tuple[RawAttribution, str | None] | None  # the attribution resolved last, with its speaker
    history: list[tuple[RawAttribution, str | None]]  # every attribution resolved so far, with its speaker

    def _paragraph(self, pos: int) -> int:
        """The index of the paragraph holding pos."""
        return max(0, bisect_right(self.paragraph_starts, pos) - 1)

    def _floor(self, pos: int, paragraphs_before: int) -> int:
        """Where a look back from pos stops: the start of the paragraph that many paragraphs before pos's own."""
        return self.paragraph_starts[max(0, self._paragraph(pos) - paragraphs_before)]

    def _first_pronoun_paragraph(self, paragraph: int) -> int:
        """The first paragraph a pronoun in this one may look back to: PRONOUN_PARAGRAPHS before it, list items not
        counted ("The letter warned:" / "- If …" / "- He also warned …": the items go on the paragraph before them)."""
        first, counted = paragraph, 0
        while first > 0 and counted < PRONOUN_PARAGRAPHS and paragraph - first < MAX_PRONOUN_PARAGRAPHS:
            first -= 1
            start, end = self.paragraph_spans[first]
            counted += not self.text.startswith(LIST_MARKS, start, end) and not self._carried_quote(first)
        return first

    def _carried_quote(self, paragraph: int) -> bool:
        """A paragraph of a quotation carried over paragraphs (each but the last left open: '“By dawn the field was a
        lake.' / '“Nothing could stop it.”'), holding no cue: its speaker is the one before. Dialogue, each turn closed
        in its own paragraph, carries nothing."""
        start, end = self.paragraph_spans[paragraph]
        if not self.text.startswith(QUOTE_OPENINGS, start, end) or bisect_left(self.cue_starts, start) != bisect_left(
            self.cue_starts, end
        ):
            return False
        if self._left_open(paragraph):
            return True
        return paragraph > 0 and self._left_open(paragraph - 1)

    def _left_open(self, paragraph: int) -> bool:
        """A paragraph that opens a quotation and ends without closing it: the quotation goes on in the next one. Its
        last double quotation mark opens one (a curly “, or an odd count of straight marks)."""
        start, end = self.paragraph_spans[paragraph]
        if not self.text.startswith(QUOTE_OPENINGS, start, end):
            return False
        last = max(self.text.rfind("“", start, end), self.text.rfind("”", start, end))
        if last >= 0:
            return self.text[last] == "“"
        return self.text.count('"', start, end) % 2 == 1

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding pos starts: structure.sentences' split of its paragraph (an abbreviation's or
        an initial's full stop ends none: "Dr. Smith", "G.K. Butterfield"), read once per paragraph."""
        paragraph = self._paragraph(pos)
        starts = self._sentence_starts(paragraph)
        at = bisect_right(starts, pos) - 1
        return starts[at] if at >= 0 else self.paragraph_spans[paragraph][0]

    def _sentence_starts(self, paragraph: int) -> list[int]:
        """Where the paragraph's sentences start, read once per paragraph."""
        starts = self.sentence_starts.get(paragraph)
        if starts is None:
            start, end = self.paragraph_spans[paragraph]
            starts = [first for first, _ in sentences(self.text, start, end, _outside_quotes)]
            self.sentence_starts[paragraph] = starts
        return starts


def last_before(entries: list[tuple[int, str]], pos: int) -> int:
    """The index of the last of these (position, name) entries, in text order, that stands before pos; -1 if none."""
    return bisect_left(entries, pos, key=lambda entry: entry[0]) - 1


def _outside_quotes(_pos: int) -> bool:
    """The speakers' sentences split quotations too: a quoted sentence's end ends the writer's sentence before it."""
    return False


def inside_quotation(text: str, pos: int, paragraph_spans: list[Span]) -> bool:
    """pos stands inside a quotation its paragraph opened before it (curly marks, or an odd count of straight ones)."""
    at = bisect_right(paragraph_spans, pos, key=lambda span: span[0]) - 1
    before = text[paragraph_spans[at][0] if at >= 0 else 0 : pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
