"""The page's language and its text direction."""

from __future__ import annotations

import logging

from lxml import etree
from lxml.html import HtmlElement

from ..languages import primary_language
from ..rules.selectors import element_text
from .cleaning import clean_text
from .constants import RTL_LANGS, TEXT_DIRECTIONS

log = logging.getLogger(__name__)

_DIRECTED_PARAGRAPHS = etree.XPath("/descendant::body/descendant::p[ancestor::*[@dir]]")
# Most pages carry no dir attribute at all: one walk over the attributes says so for half the cost.
# ('/descendant::*/@dir', not '//@dir': the latter also visits every text node.)
_HAS_DIR = etree.XPath("boolean(/descendant::*/@dir)")
_NEAREST_DIR = etree.XPath("ancestor::*[@dir][1]/@dir", smart_strings=False)  # compiled once, not per paragraph


def read_language(root: HtmlElement, locale: str | None) -> tuple[str | None, str | None]:
    """(lang, dir): lang from <html>, else the og:locale given; dir from the markup, else right-to-left for a
    right-to-left language."""
    lang = clean_text(root.get("lang") or root.get("xml:lang") or locale)
    direction = _text_direction(root)
    if direction not in TEXT_DIRECTIONS:
        direction = "rtl" if primary_language(lang) in RTL_LANGS else None
    return lang, direction


def _text_direction(root: HtmlElement) -> str | None:
    """The dir in force where the page's paragraph text is (Readability reads it off the article's
    ancestors): the nearest dir above each paragraph, weighted by its text; else <body> or <html>."""
    if not _HAS_DIR(root):
        return None
    weights: dict[str, int] = {}
    for paragraph in _DIRECTED_PARAGRAPHS(root):
        nearest = _NEAREST_DIR(paragraph)
        value = str(nearest[0]).strip().lower() if nearest else ""
        weights[value] = weights.get(value, 0) + len(element_text(paragraph))
    if weights:
        return max(weights, key=weights.__getitem__)
    body = root.find("body")
    for element in (body, root):
        if element is not None and element.get("dir"):
            return element.get("dir", "").strip().lower()
    return None
