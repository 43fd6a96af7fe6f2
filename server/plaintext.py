"""Stage 7, plain text: the article as text, paragraphs separated by a blank line, with a map back to
the tree so that spans found in the text can be marked in the HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from .heuristics import BLOCK_TAGS, CJK_CHAR_RE

_WHITESPACE_RE = re.compile(r"\s+")
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class Segment:
    """One text node of the tree: element.text or element.tail, and where it landed in the plain text."""

    element: HtmlElement
    attr: str  # "text" or "tail"
    start: int  # offset of its normalised text in the whole plain text
    length: int
    raw: str
    lead_skip: int  # 1 when the normalised form dropped a leading space merged into the previous segment

    def raw_index(self, k: int) -> int:
        """Index in raw of the k-th character of the normalised form (len(raw) past the end)."""
        target, shift = k + self.lead_skip, 0
        for run in _WHITESPACE_RE.finditer(self.raw):
            if run.start() - shift >= target:
                break
            shift += run.end() - run.start() - 1  # a whitespace run is one character once normalised
        return min(target + shift, len(self.raw))


@dataclass
class PlainText:
    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each paragraph
    segments: list[Segment] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        cjk = len(CJK_CHAR_RE.findall(self.text))
        return len((CJK_CHAR_RE.sub(" ", self.text) if cjk else self.text).split()) + cjk


def to_plain_text(article: HtmlElement) -> PlainText:
    """Walk the article once; blocks start paragraphs, inline text joins with whitespace collapsed."""
    builder = _Builder()
    for event, element in etree.iterwalk(article, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        block = element.tag in BLOCK_TAGS
        if event == "start":
            if block:
                builder.end_paragraph()
            if element.text:
                builder.add(element, "text", element.text)
        else:
            if block:
                builder.end_paragraph()
            if element.tail and element is not article:
                builder.add(element, "tail", element.tail)
    builder.end_paragraph()
    return PlainText("".join(builder.parts), builder.paragraphs, builder.segments)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.paragraphs: list[tuple[int, int]] = []
        self.segments: list[Segment] = []
        self.paragraph_start: int | None = None
        self.trailing_space = False

    def add(self, element: HtmlElement, attr: str, raw: str) -> None:
        normalised = _WHITESPACE_RE.sub(" ", raw)
        lead_skip = 0
        if normalised.startswith(" ") and (self.paragraph_start is None or self.trailing_space):
            normalised, lead_skip = normalised[1:], 1
        if not normalised:
            return
        if self.paragraph_start is None:
            if self.paragraphs:
                self.parts.append(PARAGRAPH_SEPARATOR)
                self.length += len(PARAGRAPH_SEPARATOR)
            self.paragraph_start = self.length
        self.segments.append(Segment(element, attr, self.length, len(normalised), raw, lead_skip))
        self.parts.append(normalised)
        self.length += len(normalised)
        self.trailing_space = normalised.endswith(" ")

    def end_paragraph(self) -> None:
        if self.paragraph_start is None:
            return
        if self.trailing_space:
            # Drop the paragraph's trailing space; the last segment shrinks by one character.
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            self.segments[-1].length -= 1
        self.paragraphs.append((self.paragraph_start, self.length))
        self.paragraph_start = None
        self.trailing_space = False
