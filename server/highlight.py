"""Stage 9, highlight: mark each attribution's source, cue and content in the article tree."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence

from lxml import html
from lxml.html import HtmlElement

from .attributions import Attribution
from .plaintext import PlainText, Segment

log = logging.getLogger(__name__)

# Element and class for each part of an attribution; the reading page and the extension style these.
MARKUP = {"source": ("mark", "attr-source"), "cue": ("span", "attr-cue"), "content": ("span", "attr-content")}


def highlight(plain: PlainText, attributions: Sequence[Attribution]) -> None:
    """Wrap every span in elements carrying data-attr=<id>; overlapping spans keep the higher-ranked one."""
    spans: list[tuple[int, int, str, str]] = []
    for attribution in sorted(attributions, key=lambda a: (a.rank is None, a.rank or 0)):
        for part in ("content", "source", "cue"):
            span = getattr(attribution, f"{part}_span")
            if span and span[0] < span[1] and not _overlaps(spans, span):
                spans.append((span[0], span[1], part, attribution.id))
    starts = [segment.start for segment in plain.segments]
    pieces: list[tuple[Segment, int, int, str, str]] = []
    for start, end, part, attribution_id in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        while i < len(plain.segments) and plain.segments[i].start < end:
            segment = plain.segments[i]
            lo, hi = max(start, segment.start), min(end, segment.start + segment.length)
            if lo < hi:
                pieces.append((segment, lo - segment.start, hi - segment.start, part, attribution_id))
            i += 1
    # Right to left, so that each cut leaves the text before it, and the segments pointing there, intact.
    pieces.sort(key=lambda p: p[0].start + p[1], reverse=True)
    first: dict[str, HtmlElement] = {}
    for segment, lo, hi, part, attribution_id in pieces:
        first[attribution_id] = _wrap(segment, segment.raw_index(lo), segment.raw_index(hi), part, attribution_id)
    # The earliest piece of each attribution is the anchor the "Who said what" panel links to.
    for attribution_id, element in first.items():
        element.set("id", f"attr-{attribution_id}")


def _overlaps(spans: list[tuple[int, int, str, str]], span: tuple[int, int]) -> bool:
    return any(s < span[1] and span[0] < e for s, e, _, _ in spans)


def _wrap(segment: Segment, lo: int, hi: int, part: str, attribution_id: str) -> HtmlElement:
    tag, css_class = MARKUP[part]
    wrapper = html.Element(tag)
    wrapper.set("class", css_class)
    wrapper.set("data-attr", attribution_id)
    owner = segment.element
    raw = getattr(owner, segment.attr) or ""
    before, piece, after = raw[:lo], raw[lo:hi], raw[hi:]
    wrapper.text, wrapper.tail = piece, after
    if segment.attr == "text":
        owner.text = before
        owner.insert(0, wrapper)
    else:
        owner.tail = before
        owner.addnext(wrapper)
    segment.raw = before
    return wrapper
