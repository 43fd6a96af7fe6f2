"""The text measures every extraction step reads (text, its length, link density), taken in C."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement


def xpath(expression: str, smart_strings: bool = True) -> etree.XPath:
    """A compiled XPath without EXSLT's regular expression functions: none is used, and lxml registers them
    anew on every call."""
    return etree.XPath(expression, regexp=False, smart_strings=smart_strings)


# The paths here and in the sibling modules spell out descendant:: where .// would do: .// steps through every
# descendant node (text nodes too) and then through each one's children, which libxml2 does not always rewrite.
_NORMALIZED_LENGTH = xpath("string-length(normalize-space(.))")
# Text under a link inside the element, as one step: 'descendant-or-self::a/descendant::text()' merges a node-set
# per link, which libxml2 deduplicates pairwise (quadratic in the links).
_LINK_TEXT = xpath("descendant::text()[count(ancestor::a) > $links_above]", smart_strings=False)
# The same when no link holds the element (nearly always): a walk up that stops at the first link, not a count.
_LINK_TEXT_UNLINKED = xpath("descendant::text()[ancestor::a]", smart_strings=False)
IN_MAIN_OR_ARTICLE = xpath("boolean(ancestor::main | ancestor::article)")
HAS_IMAGE = xpath("boolean(descendant-or-self::img)")


def element_text(element: HtmlElement) -> str:
    """element.text_content() as a plain string: the same text nodes, serialized in C, twice as fast as its XPath."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def normalized_length(element: HtmlElement) -> int:
    """readability's text_length (length after its whitespace clean-up), computed in C without building the
    text in Python or running three regex passes over it."""
    return int(_NORMALIZED_LENGTH(element))


def link_density(element: HtmlElement, length: int | None = None) -> float:
    """Link text over all text (length: the element's normalized_length, when the caller has it)."""
    # All link text in one C call rather than one text_content() per link.
    links_above = sum(1 for _ in element.iterancestors("a"))
    texts = _LINK_TEXT(element, links_above=links_above) if links_above else _LINK_TEXT_UNLINKED(element)
    link_length = len(" ".join("".join(texts).split()))
    if not link_length:
        return 0.0  # what the division gives, without taking the element's length
    return link_length / max(normalized_length(element) if length is None else length, 1)


def words(element: HtmlElement) -> list[str]:
    """The element's text split into words."""
    return element_text(element).split()
