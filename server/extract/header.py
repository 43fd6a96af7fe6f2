"""The article's own header repeated at the top of its body, dropped: the reading view shows the title (and the
byline and date) above the article, as Firefox's Reader View does (Readability.js's _headerDuplicatesTitle).

The title is read from the page's head (og:title, twitter:title, <title>), the metadata stage's own sources, so
the stage needs nothing passed in; a heading whose words are nearly all the title's is the title again.
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


def drop_repeated_title(root: HtmlElement, article: HtmlElement) -> None:
    """Drop the first h1 or h2 near the top of the article whose words are the title's (
    more than REPEATED_TITLE_MIN_SIMILARITY of the heading's text, by Readability.js's measure); only before the story
    has started (fewer than REPEATED_TITLE_MAX_WORDS_BEFORE words of other text before it)."""
    titles = [_tokens(title) for title in _TITLE_SOURCES(root)]
    titles = [t for t in titles if t]
    if not titles:
        return
    words_before = 0
    for elem in article.iter():
        if elem.tag in REPEATED_TITLE_TAGS:
            heading = _tokens(elem.text_content())
            if heading and max(_similarity(title, heading) for title in titles) > REPEATED_TITLE_MIN_SIMILARITY:
                if elem is not article:
                    log.debug("dropped the repeated title %r", " ".join(heading)[:80])
                    elem.drop_tree()
                return
            words_before += len(heading)
            continue
        words_before += len((elem.text or "").split())
        if words_before >= REPEATED_TITLE_MAX_WORDS_BEFORE:
            return


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def _similarity(title: list[str], heading: list[str]) -> float:
    """Readability.js's _textSimilarity: 1 minus the share of the heading's text (its tokens joined by spaces)
    made of tokens the title does not hold."""
    known = set(title)
    unknown = [token for token in heading if token not in known]
    return 1 - len(" ".join(unknown)) / len(" ".join(heading))
