"""Stage 9, highlight: mark each attribution's source, cue and content in the article tree."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence

from lxml.html import HtmlElement

from .attributions import Attribution
from .limits import NO_DEADLINE, Deadline
from .plaintext import PlainText, Segment, raw_indices

log = logging.getLogger(__name__)

# Element and class for each part of an attribution; the reading page and the extension style these.
MARKUP = {"source": ("mark", "attr-source"), "cue": ("span", "attr-cue"), "content": ("span", "attr-content")}
# How many wrappers are made between two deadline checks.
PIECES_PER_CHECK = 512


def highlight(plain: PlainText, attributions: Sequence[Attribution], deadline: Deadline = NO_DEADLINE) -> None:
    """Wrap every span in elements carrying data-attr=<id> (beliefs are not marked); overlaps keep the higher-ranked.

    With a deadline, raises TooComplex once it has passed (checked per attribution and per text node)."""
    spans = _disjoint_spans(attributions, deadline)
    rows = plain.segment_rows
    starts = [row[2] for row in rows]  # each text node's start (a row holds a Segment's fields)
    # Pieces per text node (segment index -> (lo, hi, part, id), offsets in its normalised text), left to right.
    pieces: dict[int, list[tuple[int, int, str, str]]] = {}
    for start, end, part, attribution_id in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        while i < len(rows) and starts[i] < end:
            segment = plain.segment(i)
            lo, hi = max(start, segment.start), min(end, segment.start + segment.length)
            if lo < hi:
                pieces.setdefault(i, []).append((lo - segment.start, hi - segment.start, part, attribution_id))
            i += 1
    # Right to left, so that each cut leaves the text before it, and the segments pointing there, intact.
    first: dict[str, HtmlElement] = {}
    for i in sorted(pieces, reverse=True):
        deadline.check()
        for attribution_id, wrapper in _wrap_segment(plain.segment(i), sorted(pieces[i]), deadline):
            first[attribution_id] = wrapper
    # The earliest piece of each attribution is the anchor the "Who said what" panel links to.
    for attribution_id, element in first.items():
        element.set("id", f"attr-{attribution_id}")


def _disjoint_spans(attributions: Sequence[Attribution], deadline: Deadline) -> list[tuple[int, int, str, str]]:
    """(start, end, part, id) of every part, highest rank first, skipping a part that overlaps one taken before."""
    spans: list[tuple[int, int, str, str]] = []
    # The spans taken so far are disjoint: sorted by start, their ends are sorted too, and the only one that can
    # overlap a new span is the last that starts before the new one ends.
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for attribution in sorted(attributions, key=lambda a: (a.rank is None, a.rank or 0)):
        deadline.check()
        if attribution.kind == "belief":
            continue  # beliefs are returned, never marked: the marks and the panel show who said what
        # every fragment of a discontinuous content ('"X," she said. "Y."') is marked with the same id
        parts = [("content", fragment) for fragment in attribution.content_fragments or [attribution.content_span]]
        parts += [("source", attribution.source_span), ("cue", attribution.cue_span)]
        for part, span in parts:
            if not span or span[0] >= span[1]:
                continue
            i = bisect.bisect_left(taken_starts, span[1])
            if i and taken_ends[i - 1] > span[0]:
                continue
            taken_starts.insert(i, span[0])
            taken_ends.insert(i, span[1])
            spans.append((span[0], span[1], part, attribution.id))
    return spans


def _wrap_segment(
    segment: Segment, pieces: list[tuple[int, int, str, str]], deadline: Deadline
) -> list[tuple[str, HtmlElement]]:
    """Wrap the (sorted, disjoint) pieces of one text node, right to left; (id, wrapper) in that order.

    The node's text is cut once: cutting it piece by piece would copy the text before each cut again."""
    owner = segment.element
    raw = getattr(owner, segment.attr) or ""
    bounds = raw_indices(segment, [k for lo, hi, _, _ in pieces for k in (lo, hi)])
    wrapped: list[tuple[str, HtmlElement]] = []
    after_end = len(raw)
    for n in range(len(pieces) - 1, -1, -1):
        if n % PIECES_PER_CHECK == 0:
            deadline.check()  # one paragraph of 20,000 quotes is one text node
        _, _, part, attribution_id = pieces[n]
        lo, hi = bounds[2 * n], bounds[2 * n + 1]
        tag, css_class = MARKUP[part]
        # Made in the owner's document with its attributes: html.Element makes a document per element, with a Python
        # class lookup, and HtmlElement.set is a Python method.
        wrapper = owner.makeelement(tag, {"class": css_class, "data-attr": attribution_id})
        wrapper.text, wrapper.tail = raw[lo:hi], raw[hi:after_end]
        if segment.attr == "text":
            owner.insert(0, wrapper)
        else:
            owner.addnext(wrapper)  # after the owner's tail text: before the wrappers added so far
        after_end = lo
        wrapped.append((attribution_id, wrapper))
    before = raw[:after_end]
    if segment.attr == "text":
        owner.text = before
    else:
        owner.tail = before
    return wrapped
