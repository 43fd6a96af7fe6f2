"""The article's own header repeated at the top of its body, dropped: the reading view shows the title (and the
byline and date) above the article, as Firefox's Reader View does (Readability.js's _headerDuplicatesTitle).

The title is the metadata stage's (passed in by the pipeline); a heading whose words are nearly all the title's is
the title again, and a short line after it whose whole text is a date ('23.10.2018', 'Publiziert: 03.04.2020,
12:35') is the rest of that header. A date line with no repeated title before it is not a header: it stays.
"""

from __future__ import annotations

import logging
import re
from itertools import islice

from lxml.html import HtmlElement

from .constants import (
    REPEATED_TITLE_MAX_WORDS_BEFORE,
    REPEATED_TITLE_MIN_SIMILARITY,
    REPEATED_TITLE_TAGS,
)

log = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"\w++")
# A line that is only the article's date (and time), as the header above shows it: '23.10.2018', '03.04.2020, 12:35'.
_DATE_LINE_RE = re.compile(
    r"(?:(?:published|updated|posted|veröffentlicht|aktualisiert|publiziert|publié|publicado|pubblicato)"
    r"(?: am| on| le| el| il)?\s*+:?\s*+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:,?\s*+\d{1,2}[:.]\d{2}(?:\s*+uhr)?)?",
    re.IGNORECASE,
)
DATE_LINE_TAGS = frozenset({"p", "div", "span", "time"})
# Most characters of text, and most elements, a date line holds (a label, a date and a time are under 60 characters
# in a few spans): a larger element is not one, and its text is not built (a chain of nested wrappers would build the
# story's text, or walk down to it, once per wrapper).
MAX_DATE_LINE_CHARS = 200
MAX_DATE_LINE_ELEMENTS = 12


def drop_repeated_title(article: HtmlElement, title: str | None) -> None:
    """Drop the first h1 or h2 near the top of the article whose words are the title's (more than
    REPEATED_TITLE_MIN_SIMILARITY of the heading's text, by Readability.js's measure), and the first line after it
    that is only a date (the header above shows the date); only before the story has started (fewer than
    REPEATED_TITLE_MAX_WORDS_BEFORE words of other text before the heading, and again between it and the date)."""
    title_tokens = title_words(title or "")
    if not title_tokens:
        return
    heading: HtmlElement | None = None
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
        elif heading is not None and _is_date_line(elem):
            log.debug("dropped the date line %r", elem.text_content().strip())
            elem.drop_tree()
            break
        else:
            words += len((elem.text or "").split())
        # An element's tail is text of the story too ('<p>It <b>began</b> long before ...</p>').
        if elem is not article:
            words += len((elem.tail or "").split())
        if words >= REPEATED_TITLE_MAX_WORDS_BEFORE:
            break
    if heading is not None:
        log.debug("dropped the repeated title %r", " ".join(heading.text_content().split())[:80])
        heading.drop_tree()


def _is_date_line(elem: HtmlElement) -> bool:
    """A p, div, span or time of at most two children whose whole text is a date (and time), perhaps labelled."""
    if elem.tag not in DATE_LINE_TAGS or len(elem) > 2:
        return False
    text = _short_text(elem)
    return text is not None and _DATE_LINE_RE.fullmatch(text.strip()) is not None


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
