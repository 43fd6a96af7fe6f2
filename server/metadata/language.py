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
# Most pages carry no dir attribute at all: one walk over the attributes says so, and finds the few elements that do.
# ('/descendant::*/@dir', not '//@dir': the latter also visits every text node.)
_DIR_VALUES = etree.XPath("/descendant::*/@dir")  # smart strings: each value's getparent() is its element
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
    dirs = _DIR_VALUES(root)
    if not dirs:
        return None
    if len({value.strip().lower() for value in dirs}) == 1 and _holds_directed_paragraph(dirs):
        # One dir on the whole page (<html dir="ltr">): it is every paragraph's nearest, whatever their weights.
        return dirs[0].strip().lower()
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


def _holds_directed_paragraph(dirs: list[etree._ElementUnicodeResult]) -> bool:
    """Whether a <p> in <body> lies below an element carrying one of these dir values (_DIRECTED_PARAGRAPHS holds
    one): the first such paragraph under each, found by lxml's iteration in C, where the XPath walks the whole page."""
    for value in dirs:
        holder = value.getparent()
        for paragraph in holder.iter("p"):
            if paragraph is not holder and next(paragraph.iterancestors("body"), None) is not None:
                return True
    return False
