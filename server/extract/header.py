"""The article's own header repeated at the top of its body, dropped: the reading view shows the title (and the
byline and date) above the article, as Firefox's Reader View does (Readability.js's _headerDuplicatesTitle).

The title is the metadata stage's (passed in by the pipeline); a heading whose words are nearly all the title's is
the title again, and a short line before the story whose whole text is a date ('23.10.2018', 'Publiziert: 03.04.2020,
12:35', '15 Dec, 2025') is the rest of that header, whether the title is repeated or not (the reading view shows
the date above the article; WCXB's and trafilatura's annotators count such a line as boilerplate).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from itertools import chain, islice

from lxml.html import HtmlElement

from .constants import (
    DATE_LABELS,
    MONTHS,
    REPEATED_TITLE_MAX_WORDS_BEFORE,
    REPEATED_TITLE_MIN_SIMILARITY,
    REPEATED_TITLE_TAGS,
)

log = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"\w++")


def _alternation(words: Iterable[str]) -> str:
    """One regex alternation of the words, longest first (so 'sept' is tried before 'sep')."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_MONTH = rf"(?:{_alternation(chain.from_iterable(MONTHS.values()))})\.?"
_TIME = r"(?:,?\s*+(?:at |um |à |a las |alle |às |om |o |в )?\d{1,2}[:.h]\d{2}(?:\s*+(?:uhr|h|am|pm))?)?"
# After the date, a bar and a short label: the author or the section ('24. März 2004, 19:49 | Genesis', '2021-10-16 |
# Botschaft'), three words at most (a headline after a bar is no header); or, with no bar, the section's one word
# ('02.02.2022 A-Frauen': no sentence is a date and one word).
_BAR_LABEL = r"(?:\s*+\|\s*+\S++(?:\s++\S++){0,2}|\s++\S++)?"
# A line that is only the article's date (and time), as the header above shows it: '23.10.2018', '03.04.2020, 12:35',
# '2021-10-16', '10/31/2024', '15 Dec, 2025', 'June 23, 2025 10:39AM', '23. Oktober 2018', '3 de mayo de 2022';
# perhaps labelled ('Publiziert:', 'Published'). Every part is a fixed run or a bounded class, and the pattern is
# anchored at the start (a search tries the ten languages' words at one position, not at every one).
_DATE_LINE_RE = re.compile(
    rf"\A(?:(?:{_alternation(chain.from_iterable(DATE_LABELS.values()))})(?: am| on| le| el| il| em| op)?\s*+:?\s*+)?"
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    rf"|\d{{1,2}}\.?\s*+(?:de\s)?{_MONTH},?\s*+(?:de\s)?\d{{4}}|{_MONTH}\s*+\d{{1,2}},?\s*+\d{{4}})"
    + _TIME
    + _BAR_LABEL,
    re.IGNORECASE,
)
DATE_LINE_TAGS = frozenset({"p", "div", "span", "time"})
# A span or time is part of a line ('Posted by <a>Jo</a> <time>21.10.2019</time>', '<span>11.11.2021</span>
# <span>Artikel</span>'), not a date line, when text or an inline element stands beside it: dropping it would leave
# 'Posted by Jo' or 'Last updated: .'.
INLINE_DATE_TAGS = frozenset({"span", "time"})
INLINE_NEIGHBOURS = frozenset({"a", "abbr", "b", "em", "i", "small", "span", "strong", "time", "u"})
# Most characters of text, and most elements, a date line holds (a label, a date and a time are under 60 characters
# in a few spans): a larger element is not one, and its text is not built (a chain of nested wrappers would build the
# story's text, or walk down to it, once per wrapper).
MAX_DATE_LINE_CHARS = 200
MAX_DATE_LINE_ELEMENTS = 12


def drop_repeated_title(article: HtmlElement, title: str | None) -> None:
    """Drop the first h1 or h2 near the top of the article whose words are the title's (more than
    REPEATED_TITLE_MIN_SIMILARITY of the heading's text, by Readability.js's measure), and the first line that is
    only a date (the header above shows the date), before or after it; only before the story has started (fewer
    than REPEATED_TITLE_MAX_WORDS_BEFORE words of other text before the heading, and again between it and the
    date)."""
    title_tokens = title_words(title or "")
    if not title_tokens:
        return
    heading: HtmlElement | None = None
    date_line: HtmlElement | None = None  # the header's date line, dropped after the walk
    inside: HtmlElement | None = None  # a heading being walked through: its text is counted once, as a whole
    words = 0
    for elem in article.iter():
        if not isinstance(elem.tag, str):
            continue  # a comment or processing instruction: no text of the story
        if inside is not None and inside in elem.iterancestors():
            continue
        inside = None
        if heading is None and elem.tag in REPEATED_TITLE_TAGS:
            tokens = title_words(elem.text_content())
            if is_title_heading(title_tokens, tokens):
                if elem is article:
                    return  # the article is the heading: nothing to drop
                heading, inside, words = elem, elem, len((elem.tail or "").split())
                continue
            inside = elem
            words += len(tokens)
        elif date_line is None and elem is not article and _is_date_line(elem):
            date_line = elem
            if heading is not None:
                break
            inside = elem  # the repeated title may still follow it: walk on, past the date's own elements
            continue
        else:
            words += len((elem.text or "").split())
        # An element's tail is text of the story too ('<p>It <b>began</b> long before ...</p>').
        if elem is not article:
            words += len((elem.tail or "").split())
        if words >= REPEATED_TITLE_MAX_WORDS_BEFORE:
            break
    if date_line is not None:
        log.debug("dropped the date line %r", date_line.text_content().strip())
        date_line.drop_tree()
    if heading is not None:
        log.debug("dropped the repeated title %r", " ".join(heading.text_content().split())[:80])
        heading.drop_tree()


def _is_date_line(elem: HtmlElement) -> bool:
    """A p, div, span or time of at most two children whose whole text is a date (and time), perhaps labelled, outside
    list items and table cells; a span or time only when it stands alone on its line."""
    if elem.tag not in DATE_LINE_TAGS or len(elem) > 2:
        return False
    if elem.tag in INLINE_DATE_TAGS and not _alone_on_its_line(elem):
        return False
    text = _short_text(elem)
    if text is None or _DATE_LINE_RE.fullmatch(text.strip()) is None:
        return False
    # In a list item or a table cell it is an entry's date (an events list, a timeline table), not the header's.
    return next(elem.iterancestors("li", "td", "th"), None) is None


def _alone_on_its_line(elem: HtmlElement) -> bool:
    """Whether no text and no inline element stands beside the element in its parent."""
    previous, following = elem.getprevious(), elem.getnext()
    before = previous.tail if previous is not None else elem.getparent().text
    if (before or "").strip() or (elem.tail or "").strip():
        return False
    return not any(sibling is not None and sibling.tag in INLINE_NEIGHBOURS for sibling in (previous, following))


def _short_text(elem: HtmlElement) -> str | None:
    """The element's text (as text_content() gives it), or None when it holds over MAX_DATE_LINE_ELEMENTS elements
    (counted lazily: a chain of wrappers is not walked down) or MAX_DATE_LINE_CHARS characters."""
    if next(islice(elem.iter(), MAX_DATE_LINE_ELEMENTS, None), None) is not None:
        return None
    text = "".join(elem.itertext())
    return text if len(text) <= MAX_DATE_LINE_CHARS else None


def title_words(text: str) -> list[str]:
    """A title's or a heading's words as the heading tests compare them (lower-case runs of word characters)."""
    return _TOKEN_RE.findall(text.lower())


def is_title_heading(title_tokens: list[str], heading_tokens: list[str]) -> bool:
    """Whether a heading's words are the title's: more than REPEATED_TITLE_MIN_SIMILARITY of its text (_similarity),
    both as title_words gives them."""
    return bool(heading_tokens) and _similarity(title_tokens, heading_tokens) > REPEATED_TITLE_MIN_SIMILARITY


def _similarity(title: list[str], heading: list[str]) -> float:
    """Readability.js's _textSimilarity: 1 minus the share of the heading's text (its tokens joined by spaces)
    made of tokens the title does not hold."""
    known = set(title)
    unknown = [token for token in heading if token not in known]
    return 1 - len(" ".join(unknown)) / len(" ".join(heading))
