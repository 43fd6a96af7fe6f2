"""Stage 2, parse: text to one lxml tree, the only parse of the page on the request path."""

from __future__ import annotations

import logging

from lxml import etree, html

from .errors import BadRequest
from .heuristics import CONTROL_CHARS_RE

log = logging.getLogger(__name__)

# no_network: never fetch a DTD or entity; comments and processing instructions never carry article text.
_PARSER = html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, recover=True
)


def parse(text: str) -> html.HtmlElement:
    """Parse a whole page into an <html> element; never loads external resources."""
    if CONTROL_CHARS_RE.search(text):
        text = CONTROL_CHARS_RE.sub("", text)
    data = text.encode("utf-8", errors="replace")
    if not data.strip():
        raise BadRequest("the page is empty")
    try:
        root = html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise BadRequest(f"the page could not be parsed as HTML: {exc}") from exc
    if root is None:
        raise BadRequest("the page could not be parsed as HTML")
    return root
