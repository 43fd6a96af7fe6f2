"""Stage 2, parse: text to one lxml tree, the only parse of the page on the request path."""

from __future__ import annotations

import logging
import re
from functools import cache

from lxml import etree, html

from .errors import BadRequest, TooComplex
from .heuristics import CONTROL_BYTES, NONCHARACTERS

log = logging.getLogger(__name__)

# no_network: never fetch a DTD or entity; comments and processing instructions never carry article text.
_PARSER = html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, recover=True
)
# Every element is an HtmlElement: lxml.html's default lookup calls back into Python for each element proxy.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
    )
)

# Deepest nesting accepted (libxml2's own default limit). Real pages stay under 60 levels; deeper trees
# make the later stages O(elements x depth) and libxml2 silently drops everything past 2048 levels.
MAX_DEPTH = 256
# Most attributes accepted on one tag. libxml2 checks each new attribute against all earlier ones, so one
# tag with 500,000 attributes (a 4 MB body) costs minutes of uninterruptible parsing. Real tags carry < 50.
MAX_ATTRIBUTES = 256

# True when some element sits MAX_DEPTH levels down: one C-level walk, ~7 ms for 150,000 elements.
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")

# A tag scanner following the HTML5 tokenizer as libxml2 2.14 implements it, used only to count
# attributes per tag before libxml2 sees the page. Possessive quantifiers keep it linear.
_SP = r"\t\n\f\r "
_ATTR = rf"[^{_SP}/>][^{_SP}/>=]*+(?:[{_SP}]*+=[{_SP}]*+(?:\"[^\"]*+\"|'[^']*+'|[^{_SP}>]*+))?+"
# Elements whose content libxml2 reads as raw text up to their end tag (checked by tests/test_hostile.py).
RAWTEXT_TAGS = ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext")
_RAW_NAME = rf"(?i:{'|'.join(RAWTEXT_TAGS)})(?=[{_SP}/>]|\Z)"


@cache
def _scanner(limit: int) -> re.Pattern[str]:
    """Skips text, comments and tags with at most `limit` attributes; stops at a raw-text start tag
    (group raw) or at a tag with more attributes than that."""
    body = rf"(?:[{_SP}/]*+{_ATTR}){{0,{limit}}}+[{_SP}/]*+(?:>|\Z)"
    raw_body = rf"(?:[{_SP}/]*+{_ATTR}){{0,{limit}}}+(?P<end>[{_SP}/]*+)(?:>|\Z)"
    return re.compile(
        rf"""
        (?:
            [^<]++                                              # text
          | <!--(?:-?>|(?:[^-]++|-(?!-!?>))*+(?:--!?>|\Z))      # comment, abrupt ones included
          | <[!?][^>]*+>?                                       # doctype, bogus comment, processing instruction
          | </(?![A-Za-z])[^>]*+>?                              # bogus end tag
          | <(?![A-Za-z!/?])                                    # a lone '<' is text
          | </?(?!{_RAW_NAME})[A-Za-z][^{_SP}/>]*+{body}        # any other tag with few enough attributes
          | </{_RAW_NAME}[^{_SP}/>]*+{body}                     # raw-text end tags are ordinary end tags
        )*+
        (?P<raw><(?P<name>{_RAW_NAME})[^{_SP}/>]*+{raw_body})?
        """,
        re.VERBOSE,
    )


_RAW_END = {name: re.compile(rf"</{name}[{_SP}/>]", re.I) for name in RAWTEXT_TAGS}
# Script data has escape states: inside <!-- ... -->, a nested <script> hides the next </script>.
_SCRIPT_DATA = re.compile(rf"<!--|</script[{_SP}/>]", re.I)
_SCRIPT_ESCAPED = re.compile(rf"-->|</script[{_SP}/>]|<script[{_SP}/>]", re.I)
_SCRIPT_DOUBLE_ESCAPED = re.compile(rf"-->|</script[{_SP}/>]", re.I)


# End tags of body and html (case-insensitive by hand: a case-insensitive pattern scans more slowly).
_BODY_OR_HTML_END_TAG = re.compile(r"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])(?=[\t\n\f\r />])[^>]*>")


def parse(text: str) -> html.HtmlElement:
    """Parse a whole page into an <html> element; never loads external resources."""
    for nonchar in NONCHARACTERS:
        if nonchar in text:
            text = text.replace(nonchar, "")
    check_attributes(text)
    # Browsers read on past an early </body> or </html>; libxml2 drops everything after </html>.
    text = _BODY_OR_HTML_END_TAG.sub("", text)
    data = text.encode("utf-8", errors="replace").translate(None, CONTROL_BYTES)
    if not data.strip():
        raise BadRequest("the page is empty")
    try:
        root = html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise BadRequest(f"the page could not be parsed as HTML: {exc}") from exc
    if root is None:
        raise BadRequest("the page could not be parsed as HTML")
    if _TOO_DEEP(root):
        raise TooComplex(f"the page nests elements more than {MAX_DEPTH} levels deep")
    return root


def check_attributes(text: str, limit: int = MAX_ATTRIBUTES) -> None:
    """Raise TooComplex when any tag carries more than `limit` attributes."""
    scanner = _scanner(limit)
    pos, size = 0, len(text)
    while pos < size:
        match = scanner.match(text, pos)
        pos = match.end()
        if match.group("raw") is not None:
            if not match.group("end").endswith("/") or not match.group("raw").endswith(">"):
                pos = _raw_text_end(text, pos, match.group("name").lower())
        elif pos < size:
            raise TooComplex(f"a tag carries more than {limit} attributes")


def _raw_text_end(text: str, pos: int, name: str) -> int:
    """Where the raw text that starts at pos ends (its end tag, or the end of the page)."""
    if name == "plaintext":
        return len(text)
    if name != "script":
        found = _RAW_END[name].search(text, pos)
        return found.start() if found else len(text)
    pattern = _SCRIPT_DATA
    while found := pattern.search(text, pos):
        token = found.group().lower()
        if pattern is _SCRIPT_DATA:
            if token.startswith("</"):
                return found.start()
            # '<!--' leaves us after two dashes: '<!-->' and '<!--->' close at once.
            pattern, pos = _SCRIPT_ESCAPED, found.end() - 2
        elif token == "-->":
            pattern, pos = _SCRIPT_DATA, found.end()
        elif pattern is _SCRIPT_ESCAPED:
            if token.startswith("</"):
                return found.start()
            pattern, pos = _SCRIPT_DOUBLE_ESCAPED, found.end()
        else:
            pattern, pos = _SCRIPT_ESCAPED, found.end()
    return len(text)
