"""Stage 1, decode: page bytes to text, honouring a byte-order mark and <meta charset>."""

from __future__ import annotations

import codecs
import logging

from .errors import BadRequest
from .heuristics import BINARY_SIGNATURES, CHARSET_PRESCAN_BYTES, META_CHARSET_RE, MOSTLY_UTF8_RATIO, NON_ASCII_RE

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class NotHtml(BadRequest):
    code = "not_html"


def decode(data: bytes | str) -> str:
    """Return the page as text: BOM first, then valid UTF-8, then a declared charset, else UTF-8 with replacement."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise NotHtml(f"the body is {what}, not an HTML page")
    if b"\x00" in data[:1024]:
        raise NotHtml("the body holds NUL bytes: binary data, not an HTML page")
    try:
        # Valid multi-byte UTF-8 is almost never another encoding by accident, whatever the page declares
        # (saved pages keep the original <meta charset> after being re-encoded to UTF-8).
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _declared_encoding(data[:CHARSET_PRESCAN_BYTES])
    if encoding and encoding != "utf-8":
        as_utf8 = data.decode("utf-8", errors="replace")
        # Mostly valid UTF-8 with a stray bad byte is still UTF-8: a single-byte charset would garble it all.
        if as_utf8.count("\ufffd") * MOSTLY_UTF8_RATIO <= len(NON_ASCII_RE.findall(as_utf8)):
            return as_utf8
    return data.decode(encoding or "utf-8", errors="replace")


def _declared_encoding(head: bytes) -> str | None:
    match = META_CHARSET_RE.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        log.info("unknown declared charset %r, using utf-8", name)
        return None
    # A page that declares UTF-16 in ASCII-compatible bytes is lying (HTML spec: treat as UTF-8).
    return "utf-8" if encoding.startswith("utf-16") or encoding.startswith("utf-32") else encoding
