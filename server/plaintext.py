"""Stage 7, plain text: the article as text, paragraphs separated by a blank line, with a map back to
the tree so that spans found in the text can be marked in the HTML.

A list item's paragraph starts with "- ", as in plain-text and Markdown writing, so that a list reads as one
rather than as a run of short paragraphs. The marker is not page text: no segment points at it and it does not
count as a word. (Ordered lists get the same bullet: numbering them would be truer to the page, but the
readability test pages' expected text has no numbers, so "1." tokens would cost shingle F1.)"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree
from lxml.html import HtmlElement

# Block-level tags that start a new paragraph in the plain-text rendering of an article.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "hr",
        "br",
        "address",
        "details",
        "summary",
    }
)

# Scripts written without spaces between words (Han, kana, Hangul): each character counts as a word,
# close to how readers of those languages pace themselves.
CJK_CHAR_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# Bytes other than those a CJK letter's UTF-8 starts with (E3-ED for U+3040-U+D7AF, EF for U+F900-U+FAFF).
_NOT_CJK_LEAD_BYTES = bytes(b for b in range(256) if not (0xE3 <= b <= 0xED or b == 0xEF))


def _may_hold_cjk(text: str) -> bool:
    """False when the text holds no CJK letter: one C pass over its UTF-8, ~4x cheaper than the regex scan."""
    return not text.isascii() and bool(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD_BYTES))


_WHITESPACE_RE = re.compile(r"\s+")
# A hyphenation hint the browser shows only at a line break: never text, so the plain text leaves it out.
SOFT_HYPHEN = "\xad"
# Runs of a text node that shrink in the plain text: soft hyphens vanish, and a whitespace run (soft hyphens
# inside it too) of two or more characters becomes one space.
SHRINKING_RUN_RE = re.compile(r"\xad+|\s[\s\xad]+")
# Ruby annotations (the reading printed above a word) and their fallback parentheses: not the sentence's words.
SKIPPED_TAGS = frozenset({"rt", "rp"})
PARAGRAPH_SEPARATOR = "\n\n"
BULLET = "- "
# A list item whose text already starts with its own number, letter or bullet gets no bullet of ours.
_OWN_MARKER_RE = re.compile(r"^(?:(?:\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\))\s|[-–—*+]\s|[•·▪◦●○■□►▸✓✔✗✘→])")


@dataclass(slots=True)  # slots: a slotted one is made faster
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
        return raw_indices(self, [k])[0]


# A Segment's fields as a tuple, as the walk records each text node: a tuple is made in a third of a Segment's time,
# and only the few text nodes highlight marks need one.
SegmentRow = tuple[HtmlElement, str, int, int, str, int]


def raw_indices(segment: Segment, ks: list[int]) -> list[int]:
    """segment.raw_index(k) for each k of an ascending list, in one pass over the runs that shrink."""
    # Single spaces do not shift the index; skipping them cannot change where the loop stops (the stop test only
    # gets truer further on while the shift stays the same).
    out: list[int] = []
    raw, shift = segment.raw, 0
    runs = SHRINKING_RUN_RE.finditer(raw)
    run = next(runs, None)
    for k in ks:
        target = k + segment.lead_skip
        while run is not None:
            at = run.start() - shift  # where the run starts in the normalised form
            vanishes = raw[run.start()] == SOFT_HYPHEN
            if at > target or (at == target and not vanishes):
                break  # the k-th character lies before the run, or is the one space the run becomes
            shift += run.end() - run.start() - (0 if vanishes else 1)
            run = next(runs, None)
        out.append(min(target + shift, len(raw)))
    return out


@dataclass
class PlainText:
    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each paragraph
    segment_rows: list[SegmentRow] = field(default_factory=list)  # each text node's, in text order
    bullets: int = 0  # list bullets in text (not words)
    word_count: int = field(init=False)  # counted as the text is made, in the stage's time

    def __post_init__(self) -> None:
        text = self.text
        cjk = len(CJK_CHAR_RE.findall(text)) if _may_hold_cjk(text) else 0
        if cjk:
            self.word_count = len(CJK_CHAR_RE.sub(" ", text).split()) + cjk - self.bullets
        else:
            # The walk leaves one space between words and a blank line between paragraphs, no other whitespace:
            # counting those is len(text.split()) without its list.
            self.word_count = (text.count(" ") + text.count(PARAGRAPH_SEPARATOR) + 1 if text else 0) - self.bullets

    def segment(self, i: int) -> Segment:
        """The i-th text node's Segment."""
        return Segment(*self.segment_rows[i])

    @cached_property
    def segments(self) -> list[Segment]:
        """Every text node's Segment, in text order."""
        return [Segment(*row) for row in self.segment_rows]


def to_plain_text(article: HtmlElement) -> PlainText:
    """The article as text; a page written in decomposed Unicode is composed first (NFC, in the tree as well,
    so that the HTML, the text and the offsets into it agree), as the W3C recommends for the web and trafilatura
    returns: "Mu\u0308ller" and "Müller" are the same word to a reader, a search and a copied quote."""
    plain = _walk(article)
    if plain.text.isascii() or unicodedata.is_normalized("NFC", plain.text):
        return plain
    for element, attr, _, _, raw, _ in plain.segment_rows:
        setattr(element, attr, unicodedata.normalize("NFC", raw))
    return _walk(article)


def _walk(article: HtmlElement) -> PlainText:
    """Walk the article once; blocks start paragraphs, inline text joins with whitespace collapsed."""
    # Long on purpose: one loop over locals, since a builder object's attribute reads and calls per text node
    # cost about a third of the stage.
    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    rows: list[SegmentRow] = []
    length = 0
    paragraph_start: int | None = None
    trailing_space = False
    bullet_pending = False  # the next paragraph to start is a list item's first
    bullets = 0

    def end_paragraph() -> None:
        nonlocal length, paragraph_start, trailing_space
        if trailing_space:
            # Drop the paragraph's trailing space; the last segment shrinks by one character.
            parts[-1] = parts[-1][:-1]
            length -= 1
            element, attr, start, size, raw, lead_skip = rows[-1]
            rows[-1] = (element, attr, start, size - 1, raw, lead_skip)
        paragraphs.append((paragraph_start, length))
        paragraph_start, trailing_space = None, False

    # tag, text and tail are read once each: every read of them builds a new Python string.
    add_part, add_row = parts.append, rows.append
    walk = etree.iterwalk(article, events=("start", "end"))
    for event, element in walk:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if paragraph_start is not None and tag in BLOCK_TAGS:
            end_paragraph()
        if event == "start":
            if tag in SKIPPED_TAGS:
                walk.skip_subtree()  # its "end" still comes, with the tail that belongs to the sentence
                continue
            if tag == "li":
                bullet_pending = True
            raw, attr = element.text, "text"
        else:
            if tag == "li":
                bullet_pending = False  # an item without text of its own keeps no bullet
            raw, attr = element.tail, "tail"
            if raw and element is article:
                continue
        if not raw:
            continue
        if SOFT_HYPHEN in raw:
            text = raw.replace(SOFT_HYPHEN, "")
            if not text:
                continue
        else:
            text = raw
        # Whitespace runs collapsed to one space (as _WHITESPACE_RE.sub would), less a leading space merged into
        # the previous segment (lead_skip 1).
        words = text.split()
        lead_skip = 0
        if words:
            normalised = " ".join(words)
            if text[0].isspace():
                if paragraph_start is None or trailing_space:
                    lead_skip = 1
                else:
                    normalised = " " + normalised
            if text[-1].isspace():
                normalised += " "
        elif paragraph_start is None or trailing_space:
            continue  # only whitespace, with nothing before it in the paragraph to separate
        else:
            normalised = " "
        if paragraph_start is None:
            if paragraphs:
                add_part(PARAGRAPH_SEPARATOR)  # text of ours, which no segment maps back to the tree
                length += len(PARAGRAPH_SEPARATOR)
            paragraph_start = length
            if bullet_pending and not _OWN_MARKER_RE.match(normalised):
                add_part(BULLET)
                length += len(BULLET)
                bullets += 1
            bullet_pending = False
        size = len(normalised)
        add_row((element, attr, length, size, raw, lead_skip))
        add_part(normalised)
        length += size
        trailing_space = normalised[-1] == " "
    if paragraph_start is not None:
        end_paragraph()
    return PlainText("".join(parts), paragraphs, rows, bullets)
