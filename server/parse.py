"""Stage 2, parse: text to one lxml tree, the only parse of the page on the request path."""

from __future__ import annotations

import logging
import re
from functools import cache

from lxml import etree, html

from .decode import decode_to_utf8
from .errors import BadRequest, TooComplex

# Control characters lxml refuses in text, as UTF-8 bytes (deleted in one C pass); dropping them loses nothing.
CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# Each as a one-byte needle: 29 memchr scans find none in ~half the time of the translate that deletes them.
_CONTROL_NEEDLES = tuple(bytes([byte]) for byte in CONTROL_BYTES)


log = logging.getLogger(__name__)


def element_text(element: html.HtmlElement) -> str:
    """element.text_content() as a plain string: the same text nodes, serialized in C, ~3x cheaper than its XPath."""
    if not len(element):
        return element.text or ""  # no child: its text is all (most links), read ~2.5x cheaper than serialized
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


# no_network: never fetch a DTD or entity; comments and processing instructions never carry article text.
# collect_ids=False: no libxml2 table of id attributes (nothing calls XPath id()), one hash insert per id saved.
_PARSER = html.HTMLParser(
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    huge_tree=True,
    recover=True,
    collect_ids=False,
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
# attributes per tag before libxml2 sees the page. It reads the very bytes libxml2 is given: edits made
# after a check (control bytes dropped, early end tags removed) could join a refused tag back together.
# Bytes also keep its case-insensitive names ASCII (in text, (?i) lets "ı" and "ſ" pass for "i" and "s").
# Possessive quantifiers keep it linear.
_SP = rb"\t\n\f\r "
# An attribute: its name, then an optional value; name="value", the usual form, is tried first.
_ATTR = (
    rb"[^%(sp)s/>][^%(sp)s/>=]*+"
    rb"(?:=\"[^\"]*+\"|[%(sp)s]*+=[%(sp)s]*+(?:\"[^\"]*+\"|'[^']*+'|[^%(sp)s>]*+)|)" % {b"sp": _SP}
)
# Elements whose content libxml2 reads as raw text up to their end tag (checked by tests/test_hostile.py).
RAWTEXT_TAGS = ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext")


def _any_case(word: str) -> bytes:
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word).encode()


_RAW_FIRST = sorted({name[0] for name in RAWTEXT_TAGS})
# Grouped by first letter and spelled with character classes: ~3x cheaper per tag than (?i:script|...).
_RAW_NAME = (
    b"(?:"
    + b"|".join(
        _any_case(first) + b"(?:" + b"|".join(_any_case(name[1:]) for name in RAWTEXT_TAGS if name[0] == first) + b")"
        for first in _RAW_FIRST
    )
    + rb")(?=[%s/>]|\Z)" % _SP
)
# First letters no raw-text name starts with: those start tags need no raw-text look-ahead.
_PLAIN_FIRST = "".join(c + c.upper() for c in "abcdefghijklmnopqrstuvwxyz" if c not in _RAW_FIRST).encode()


@cache
def _scanner(limit: int) -> re.Pattern[bytes]:
    """Skips text, comments and tags with at most `limit` attributes; stops at a raw-text start tag
    (group raw) or at a tag with more attributes than that."""
    attributes = rb"(?:[%s/]*+%s){0,%d}+" % (_SP, _ATTR, limit)
    body = rb"%s[%s/]*+(?:>|\Z)" % (attributes, _SP)
    raw_body = rb"%s(?P<end>[%s/]*+)(?:>|\Z)" % (attributes, _SP)
    name = rb"[^%s/>]*+" % _SP
    return re.compile(
        rb"""
        (?:
            [^<]*+                                              # text
            (?:
                <[%(plain)s]%(name)s%(body)s                    # a start tag that cannot open raw text
              | </[A-Za-z]%(name)s%(body)s                      # an end tag (raw-text ones are ordinary)
              | <(?!%(raw)s)[A-Za-z]%(name)s%(body)s            # any other start tag but a raw-text one
              | <!--(?:-?>|(?:[^-]++|-(?!-!?>))*+(?:--!?>|\Z)) # comment, abrupt ones included
              | <[!?][^>]*+>?                                   # doctype, bogus comment, processing instruction
              | </(?![A-Za-z])[^>]*+>?                          # bogus end tag
              | <(?![A-Za-z!/?])                                # a lone '<' is text
              | \Z
            )
        )*+
        [^<]*+
        (?P<raw><(?P<name>%(raw)s)%(name)s%(raw_body)s)?
        """
        % {b"plain": _PLAIN_FIRST, b"name": name, b"body": body, b"raw": _RAW_NAME, b"raw_body": raw_body},
        re.VERBOSE,
    )


_RAW_END = {name: re.compile(rb"</%s[%s/>]" % (name.encode(), _SP), re.I) for name in RAWTEXT_TAGS}
# Script data has escape states: inside <!-- ... -->, a nested <script> hides the next </script>.
_SCRIPT_DATA = re.compile(rb"<!--|</script[%s/>]" % _SP, re.I)
_SCRIPT_ESCAPED = re.compile(rb"-->|</script[%s/>]|<script[%s/>]" % (_SP, _SP), re.I)
_SCRIPT_DOUBLE_ESCAPED = re.compile(rb"-->|</script[%s/>]" % _SP, re.I)


# End tags of body and html (case-insensitive by hand: a case-insensitive pattern scans more slowly).
# Matched in the UTF-8 bytes, ~1.5x faster than in text, with the same matches: the pattern is ASCII,
# and every other character (a lone surrogate encodes as "?") is bytes that are not ">".
_BODY_OR_HTML_END_TAG = re.compile(rb"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])(?=[\t\n\f\r />])[^>]*>")


def parse(page: str | bytes) -> html.HtmlElement:
    """Parse a whole page into an <html> element; never loads external resources. A page given as bytes is
    decode_to_utf8()'s: UTF-8 without noncharacters."""
    if isinstance(page, str):
        page = decode_to_utf8(page)  # a caller's text: the same UTF-8 the decode stage hands on
    # Browsers read on past an early </body> or </html>; libxml2 drops everything after </html>.
    data = _BODY_OR_HTML_END_TAG.sub(b"", page)
    if any(needle in data for needle in _CONTROL_NEEDLES):  # pages hold none, nearly always
        data = data.translate(None, CONTROL_BYTES)
    if not data or data.isspace():  # as 'not data.strip()', without copying the page
        raise BadRequest("the page is empty")
    check_attributes(data)
    try:
        root = html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise BadRequest(f"the page could not be parsed as HTML: {exc}") from exc
    if root is None:
        raise BadRequest("the page could not be parsed as HTML")
    if _TOO_DEEP(root):
        raise TooComplex(f"the page nests elements more than {MAX_DEPTH} levels deep")
    return root


def check_attributes(text: str | bytes, limit: int = MAX_ATTRIBUTES) -> None:
    """Raise TooComplex when any tag carries more than `limit` attributes, read as libxml2 reads `text`
    (the bytes it is given; text as its UTF-8 encoding)."""
    data = text.encode("utf-8", errors="replace") if isinstance(text, str) else text
    scanner = _scanner(limit)
    pos, size = 0, len(data)
    while pos < size:
        match = scanner.match(data, pos)
        pos = match.end()
        if match.group("raw") is not None:
            if not match.group("end").endswith(b"/") or not match.group("raw").endswith(b">"):
                pos = _raw_text_end(data, pos, match.group("name").lower().decode("ascii"))
        elif pos < size:
            raise TooComplex(f"a tag carries more than {limit} attributes")


def _raw_text_end(data: bytes, pos: int, name: str) -> int:
    """Where the raw text that starts at pos ends (its end tag, or the end of the page)."""
    if name == "plaintext":
        return len(data)
    if name != "script":
        found = _RAW_END[name].search(data, pos)
        return found.start() if found else len(data)
    pattern = _SCRIPT_DATA
    while found := pattern.search(data, pos):
        token = found.group().lower()
        if pattern is _SCRIPT_DATA:
            if token.startswith(b"</"):
                return found.start()
            # '<!--' leaves us after two dashes: '<!-->' and '<!--->' close at once.
            pattern, pos = _SCRIPT_ESCAPED, found.end() - 2
        elif token == b"-->":
            pattern, pos = _SCRIPT_DATA, found.end()
        elif pattern is _SCRIPT_ESCAPED:
            if token.startswith(b"</"):
                return found.start()
            pattern, pos = _SCRIPT_DOUBLE_ESCAPED, found.end()
        else:
            pattern, pos = _SCRIPT_ESCAPED, found.end()
    return len(data)
