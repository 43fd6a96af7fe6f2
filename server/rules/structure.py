"""Structural passes of the generic layer: clutter found by its shape, in any language, where no selector can say
it. Each pass is a named function with its reason; declutter() runs them after the rules, when the generic layer
applies.

- recirculation_lists: lists of links to other stories of the same site (related, most read, more from), inside or
  beside the article: every item a headline-length link and little else, at least three of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ..domains import registrable_domain
from .constants import (
    RECIRCULATION_MAX_WORDS,
    RECIRCULATION_MIN_HEADLINE_WORDS,
    RECIRCULATION_MIN_ITEMS,
    RECIRCULATION_MIN_LINK_SHARE,
)

log = logging.getLogger(__name__)

_CHROME = ("nav", "header", "footer")
_SITE_ADDRESS = etree.XPath(
    "/html/head/link[@rel='canonical']/@href | /html/head/meta[@property='og:url']/@content",
    smart_strings=False,
)


def recirculation_lists(root: HtmlElement, host: str | None) -> list[HtmlElement]:
    """Lists whose items are each one link to another page of this site with a headline's words (at least
    RECIRCULATION_MIN_HEADLINE_WORDS on average, link text RECIRCULATION_MIN_LINK_SHARE of the item's), at most
    RECIRCULATION_MAX_WORDS in all: recirculation, never the story. A menu's one- and two-word items, a list of
    sources on other sites and an outline of in-page anchors are none of these. host: the page's (site_host)."""
    found: list[HtmlElement] = []
    for candidate in root.iter("ul", "ol"):
        if len(candidate) < RECIRCULATION_MIN_ITEMS or (found and any(a in found for a in candidate.iterancestors())):
            continue
        # Menus in the page's chrome never reach the article: taking them would only move readability's scores.
        if _is_recirculation(candidate, host) and next(candidate.iterancestors(*_CHROME), None) is None:
            found.append(candidate)
    return found


def _is_recirculation(candidate: HtmlElement, host: str | None) -> bool:
    items = [child for child in candidate if child.tag == "li"]
    if len(items) < RECIRCULATION_MIN_ITEMS or len(items) != len(candidate):
        return False
    # One count of the whole list's words rules out menus (too few a link) and long lists before any item is read.
    words = len(candidate.text_content().split(None, RECIRCULATION_MAX_WORDS))
    if words > RECIRCULATION_MAX_WORDS or words < RECIRCULATION_MIN_HEADLINE_WORDS * len(items):
        return False
    total_words = link_words = 0
    for item in items:
        links = list(item.iter("a"))
        # One story an item: its image and its headline may both link to it.
        if not links or len({link.get("href") for link in links}) != 1 or not _same_site(links[0].get("href"), host):
            return False
        item_words = len(item.text_content().split())
        words = sum(len(link.text_content().split()) for link in links)
        total_words += item_words
        link_words += words
        if total_words > RECIRCULATION_MAX_WORDS:
            return False
    return (
        link_words >= RECIRCULATION_MIN_LINK_SHARE * total_words
        and link_words >= RECIRCULATION_MIN_HEADLINE_WORDS * len(items)
    )


def site_host(root: HtmlElement) -> str | None:
    """The page's own host, from its canonical address or og:url (the pipeline does not pass the URL here); read
    before declutter() strips the <link> elements."""
    for address in _SITE_ADDRESS(root):
        try:
            host = urlsplit(address.strip()).hostname
        except ValueError:
            continue
        if host:
            return host.removeprefix("www.")
    return None


def _same_site(href: str | None, host: str | None) -> bool:
    """A link to another page of this site: a path ('/politik/...', 'story.html'), or an address with the host's
    registrable domain (news.example.co.uk and sport.example.co.uk, never co.uk); none with a fragment."""
    if not href or "#" in href:
        return False  # a fragment: a table of contents of this page, not another story
    try:
        parts = urlsplit(href.strip())
        target = parts.hostname
    except ValueError:
        return False
    if parts.scheme.lower() not in ("", "http", "https"):
        return False  # javascript:, mailto:, tel:, data:... in any case: no page of this site
    if not parts.netloc:
        return True
    if host is None or target is None:
        return False
    return registrable_domain(target) == registrable_domain(host)


# (name, removal category, pass) in the order declutter() runs them.
STRUCTURAL_PASSES: tuple[tuple[str, str, Callable[[HtmlElement, str | None], list[HtmlElement]]], ...] = (
    ("recirculation", "related", recirculation_lists),
)
