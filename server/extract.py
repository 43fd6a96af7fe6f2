"""Stage 4, extract: find the article in the decluttered tree with readability-lxml, without re-parsing."""

from __future__ import annotations

import copy
import logging

from lxml import html
from lxml.html import HtmlElement
from readability import Document

from .errors import NoArticle
from .limits import Deadline
from .selectors import Selector

log = logging.getLogger(__name__)


class _TreeDocument(Document):
    """readability's Document over a tree we already parsed and cleaned.

    readability re-parses its input on every pass; here each pass gets a copy of our tree instead, and the
    chosen article comes back as an element rather than a serialized string.
    """

    def __init__(self, tree: HtmlElement, url: str | None, deadline: Deadline | None) -> None:
        super().__init__(tree, url=url)
        self.article: HtmlElement | None = None
        self.deadline = deadline

    def score_node(self, elem: HtmlElement) -> dict:
        # Called once per candidate: a cheap place to honour the request's time cap.
        if self.deadline is not None:
            self.deadline.check()
        return super().score_node(elem)

    def _parse(self, input: HtmlElement) -> HtmlElement:
        return copy.deepcopy(input)

    def get_clean_html(self) -> str:
        self.article = self.html
        return self.html.text_content()


def extract(
    root: HtmlElement, url: str | None, content: tuple[Selector, ...] = (), deadline: Deadline | None = None
) -> HtmlElement:
    """Return the article element: the site rule's content root when it matches, else readability's pick."""
    for selector in content:
        nodes = selector.select(root)
        if nodes:
            log.debug("article root from rule selector %r", selector.source)
            return _wrap(nodes)
    document = _TreeDocument(root, url, deadline)
    document.summary(html_partial=True)
    if document.article is None:
        raise NoArticle("no readable article found: the page has no text blocks")
    return document.article


def _wrap(nodes: list[HtmlElement]) -> HtmlElement:
    """Several matches (a split article body) become one container, in document order."""
    if len(nodes) == 1:
        return nodes[0]
    container = html.Element("div")
    for node in nodes:
        container.append(copy.deepcopy(node))
    return container
