"""The text measures every extraction step reads (text, its length, link density), taken in C."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree
from lxml.html import HtmlElement

from ..parse import element_text
from .constants import IN_PAGE_LINK_WEIGHT


def xpath(expression: str, smart_strings: bool = True) -> etree.XPath:
    """A compiled XPath without EXSLT's regular expression functions: none is used, and lxml registers them
    anew on every call."""
    return etree.XPath(expression, regexp=False, smart_strings=smart_strings)


# The paths here and in the sibling modules spell out descendant:: where .// would do: .// steps through every
# descendant node (text nodes too) and then through each one's children, which libxml2 does not always rewrite.
_NORMALIZED_LENGTH = xpath("string-length(normalize-space(.))")
# The outermost links inside the element (or the element itself when it is one), each serialized whole: a link's
# text in one C call, rather than an ancestor test per text node of the element. Links hold links rarely, and
# the outermost one's text holds the inner one's.
_OUTER_LINKS = xpath("descendant-or-self::a[count(ancestor::a) = $links_above]")
# The same when no link holds the element (nearly always): a walk up that stops at the first link, not a count.
_OUTER_LINKS_UNLINKED = xpath("descendant-or-self::a[not(ancestor::a)]")
IN_MAIN_OR_ARTICLE = xpath("boolean(ancestor::main | ancestor::article)")
HAS_IMAGE = xpath("boolean(descendant-or-self::img)")
IN_FIGURE = xpath("boolean(ancestor::figure)")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A link to a fragment of the page itself (Readability.js's REGEXPS.hashUrl).
_IN_PAGE_HREF_RE = re.compile(r"#.")


def normalized_length(element: HtmlElement) -> int:
    """readability's text_length (length after its whitespace clean-up), computed in C without building the
    text in Python or running three regex passes over it."""
    return int(_NORMALIZED_LENGTH(element))


def link_density(
    element: HtmlElement,
    length: int | None = None,
    counts: Callable[[HtmlElement], bool] | None = None,
) -> float:
    """Link text over all text (length: the element's normalized_length, when the caller has it; counts: which of the
    outermost links count, all when None). PageLinks measures many nested elements of one tree."""
    links_above = sum(1 for _ in element.iterancestors("a"))
    links = _OUTER_LINKS(element, links_above=links_above) if links_above else _OUTER_LINKS_UNLINKED(element)
    if counts is not None:
        links = [link for link in links if counts(link)]
    if not links:
        return 0.0  # over half the calls: no link, no text to join
    return _share(_text_length(links), element, length)


# The last link under the element (itself included): a walk in C that makes a proxy for that link alone.
_LAST_LINK = xpath("(descendant-or-self::a)[last()]")


class PageLinks:
    """The outermost links of a tree that does not change meanwhile and their texts, in document order, for the link
    density of many nested elements (readability's candidates): an element outside every link holds the run of them
    from its first link to its last link's outermost one, so each link is serialized once, and each element costs
    two look-ups and a walk in C rather than a proxy and a look-up per link."""

    def __init__(self, root: HtmlElement) -> None:
        links = _OUTER_LINKS_UNLINKED(root)  # no link holds the root (readability's is the page's <html>)
        self._texts = [element_text(link) for link in links]
        self._index = {link: i for i, link in enumerate(links)}  # the keys keep the proxies alive: identity holds

    def link_density(self, element: HtmlElement, length: int | None = None) -> float:
        """link_density(element, length) of the root or an element under it that no link holds."""
        first = next(element.iter("a"), None)  # the first in document order is an outermost one
        if first is None:
            return 0.0
        last = _LAST_LINK(element)[0]
        while last not in self._index:  # a link inside a link: its outermost one ends the run
            last = next(last.iterancestors("a"))
        return _share(_collapsed_length(self._texts[self._index[first] : self._index[last] + 1]), element, length)


def _share(link_length: float, element: HtmlElement, length: int | None) -> float:
    """Link text over the element's text (length: its normalized_length, when the caller has it)."""
    if not link_length:
        return 0.0  # what the division gives, without taking the element's length
    return link_length / max(normalized_length(element) if length is None else length, 1)


def weighted_link_density(element: HtmlElement, length: int | None = None) -> float:
    """Readability.js's _getLinkDensity: link_density with a link to a place on the page itself (href '#...': a table
    of contents, a footnote) counted at IN_PAGE_LINK_WEIGHT of its text, as it does not lead off the article."""
    links_above = sum(1 for _ in element.iterancestors("a"))
    links = _OUTER_LINKS(element, links_above=links_above) if links_above else _OUTER_LINKS_UNLINKED(element)
    if not links:
        return 0.0
    in_page = [link for link in links if is_in_page_link(link)]
    if not in_page:
        return link_density(element, length)
    elsewhere = [link for link in links if not is_in_page_link(link)]
    return _share(_text_length(elsewhere) + IN_PAGE_LINK_WEIGHT * _text_length(in_page), element, length)


def is_in_page_link(link: HtmlElement) -> bool:
    """Whether the link leads to a named place on the page itself (href '#symptoms'; '#' alone is a script's)."""
    return _IN_PAGE_HREF_RE.match(link.get("href") or "") is not None


def _text_length(links: list[HtmlElement]) -> int:
    """The length of the links' text, joined, whitespace collapsed (link_density's measure)."""
    return _collapsed_length([element_text(link) for link in links])


def _collapsed_length(texts: list[str]) -> int:
    """The length of texts joined, whitespace collapsed."""
    return len(" ".join("".join(texts).split()))


def words(element: HtmlElement) -> list[str]:
    """The element's text split into words."""
    return element_text(element).split()


def heading_density(element: HtmlElement, length: int | None = None) -> float:
    """Readability.js's _getTextDensity over headings: the share of the element's text in h1-h6 (0 when empty)."""
    total = normalized_length(element) if length is None else length
    if not total:
        return 0.0
    return sum(normalized_length(heading) for heading in element.iterdescendants(*_HEADINGS)) / total
