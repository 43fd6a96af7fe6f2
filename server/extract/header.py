"""The article's own header repeated at the top of its body, dropped: the reading view shows the title (and the
byline and date) above the article, as Firefox's Reader View does (Readability.js's _headerDuplicatesTitle).

The title is read from the page's head (og:title, twitter:title, <title>), the metadata stage's own sources, so
the stage needs nothing passed in; a heading whose words are nearly all the title's is the title again, and a
short line whose whole text is a date ('23.10.2018', 'Publiziert: 03.04.2020, 12:35') is the header's date line.
"""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from .constants import (
    REPEATED_TITLE_MAX_WORDS_BEFORE,
    REPEATED_TITLE_MIN_SIMILARITY,
    REPEATED_TITLE_TAGS,
)
from .measure import xpath

log = logging.getLogger(__name__)

_TITLE_SOURCES = xpath(
    "/html/head/meta[@property='og:title' or @name='og:title' or @name='twitter:title' or @property='twitter:title']"
    "/@content | /html/head/title/text()",
    smart_strings=False,
)
_TOKEN_RE = re.compile(r"\w++")
# A line that is only the article's date (and time), as the header above shows it: '23.10.2018', '03.04.2020, 12:35'.
_DATE_LINE_RE = re.compile(
    r"(?:(?:published|updated|posted|veröffentlicht|aktualisiert|publiziert|publié|publicado|pubblicato)"
    r"(?: am| on| le| el| il)?\s*+:?\s*+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:,?\s*+\d{1,2}[:.]\d{2}(?:\s*+uhr)?)?",
    re.IGNORECASE,
)
DATE_LINE_TAGS = frozenset({"p", "div", "span", "time"})


def drop_repeated_title(root: HtmlElement, article: HtmlElement) -> None:
    """Drop the first h1 or h2 near the top of the article whose words are the title's (
    more than REPEATED_TITLE_MIN_SIMILARITY of the heading's text, by Readability.js's measure), and the first line
    there that is only a date (the header above shows the date); only before the story has started (fewer than
    REPEATED_TITLE_MAX_WORDS_BEFORE words of other text before it)."""
    titles = [_tokens(title) for title in _TITLE_SOURCES(root)]
    titles = [t for t in titles if t]
    if not titles:
        return
    drops: list[HtmlElement] = []
    date_line: HtmlElement | None = None
    words_before = 0
    title_seen = False
    for elem in article.iter():
        if not isinstance(elem.tag, str):
            continue  # a comment or processing instruction: no text of the story
        if title_seen and any(elem in drop.iter() for drop in drops):
            continue  # inside the dropped title
        if elem.tag in REPEATED_TITLE_TAGS and not title_seen:
            heading = _tokens(elem.text_content())
            if heading and max(_similarity(title, heading) for title in titles) > REPEATED_TITLE_MIN_SIMILARITY:
                title_seen = True
                if elem is not article:
                    log.debug("dropped the repeated title %r", " ".join(heading)[:80])
                    drops.append(elem)
                continue
            words_before += len(heading)
            continue
        if date_line is None and elem is not article and _is_date_line(elem):
            date_line = elem
            continue
        if title_seen and date_line is not None:
            break
        # An element's tail is text of the story too ('<p>It <b>began</b> long before ...</p>').
        words_before += len((elem.text or "").split()) + (len((elem.tail or "").split()) if elem is not article else 0)
        if words_before >= REPEATED_TITLE_MAX_WORDS_BEFORE:
            break
    if date_line is not None and not any(date_line in drop.iter() for drop in drops):
        log.debug("dropped the date line %r", date_line.text_content().strip())
        drops.append(date_line)
    for elem in drops:
        elem.drop_tree()


def _is_date_line(elem: HtmlElement) -> bool:
    """A p, div, span or time of at most two children whose whole text is a date (and time), perhaps labelled."""
    if elem.tag not in DATE_LINE_TAGS or len(elem) > 2:
        return False
    return _DATE_LINE_RE.fullmatch(elem.text_content().strip()) is not None


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def _similarity(title: list[str], heading: list[str]) -> float:
    """Readability.js's _textSimilarity: 1 minus the share of the heading's text (its tokens joined by spaces)
    made of tokens the title does not hold."""
    known = set(title)
    unknown = [token for token in heading if token not in known]
    return 1 - len(" ".join(unknown)) / len(" ".join(heading))
