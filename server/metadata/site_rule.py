"""What the site rule's selectors pick: the most trusted title, byline and publication date, as a site's own
rule names the elements that hold them."""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from ..rules.selectors import Selector

log = logging.getLogger(__name__)


def first_text(root: HtmlElement, selectors: tuple[Selector, ...]) -> str | None:
    """The whitespace-normalised text of the first match with any, selectors tried in order."""
    for selector in selectors:
        for node in selector.select(root):
            text = " ".join(node.text_content().split())
            if text:
                return text
    return None


def first_date_value(root: HtmlElement, selectors: tuple[Selector, ...]) -> str | None:
    """The first match's machine-readable date (datetime, content), else its text."""
    for selector in selectors:
        for node in selector.select(root):
            value = node.get("datetime") or node.get("content") or " ".join(node.text_content().split())
            if value:
                return value
    return None
