"""Stage 1, decode: page bytes to text, honouring a byte-order mark and <meta charset>."""

from __future__ import annotations

import codecs
import logging
import re

from .errors import BadRequest

# Charset declared in the first bytes of a page: <meta charset> or the http-equiv form (HTML spec prescan).
# A scan from one '<meta' stops at the next '<' or '>', so scans never overlap: linear in the head.
META_CHARSET_RE = re.compile(rb"""<meta(?>[^<>c]++|c(?!harset))*+charset\s*+=\s*+["']?\s*+([A-Za-z0-9_:.\-]+)""", re.I)

# How far into the bytes the charset prescan looks (the HTML spec says 1024; pages often put it later).
CHARSET_PRESCAN_BYTES = 4096

# A page whose bytes fail strict UTF-8 is still read as UTF-8 when its non-ASCII characters outnumber the
# invalid sequences by this factor (one stray byte in a UTF-8 page, against a single-byte charset's many).
MOSTLY_UTF8_RATIO = 20
NON_ASCII_RE = re.compile("[^\x00-\x7f]")
# A page that declares no charset and is not UTF-8 is read as windows-1252, the HTML standard's default for most
# locales and what browsers make of an old Western page ('m\xf6chten' is 'möchten', not 'm\ufffdchten').
UNDECLARED_ENCODING = "windows-1252"

# Unicode noncharacters lxml refuses in text; dropping them loses nothing.
NONCHARACTERS = ("\ufffe", "\uffff")

# Magic numbers of binary formats people post by mistake: a clear error beats a page of mojibake.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\x1f\x8b": "gzip-compressed data",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"RIFF": "a RIFF (WebP/WAV) file",
    b"\x7fELF": "an executable",
}


log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The Encoding Standard's names and labels (https://encoding.spec.whatwg.org/#names-and-labels, 2025), each
# encoding with the Python codec that decodes it. Only these labels are read, in the Content-Type header and in
# <meta charset>: Python's other codecs (utf-7, idna, punycode, unicode_escape, rot13, zlib_codec...) transform
# or raise rather than decode a page. Where browsers read a label as a superset, so does the codec: GBK as
# gb18030, Big5 with HKSCS, Shift_JIS as Windows-31J (cp932), EUC-KR as Windows-949 (cp949).
_ENCODINGS: dict[str, tuple[str | None, str]] = {
    "UTF-8": ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    "IBM866": ("cp866", "866 cp866 csibm866 ibm866"),
    "ISO-8859-2": (
        "iso8859-2",
        "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    ),
    "ISO-8859-3": (
        "iso8859-3",
        "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    ),
    "ISO-8859-4": (
        "iso8859-4",
        "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    ),
    "ISO-8859-5": (
        "iso8859-5",
        "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    ),
    "ISO-8859-6": (
        "iso8859-6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i"
        " iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    "ISO-8859-7": (
        "iso8859-7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7"
        " iso_8859-7:1987 sun_eu_greek",
    ),
    "ISO-8859-8": (
        "iso8859-8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8"
        " iso_8859-8:1988 visual",
    ),
    "ISO-8859-8-I": ("iso8859-8", "csiso88598i iso-8859-8-i logical"),
    "ISO-8859-10": ("iso8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    "ISO-8859-13": ("iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    "ISO-8859-14": ("iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    "ISO-8859-15": ("iso8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    "ISO-8859-16": ("iso8859-16", "iso-8859-16"),
    "KOI8-R": ("koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    "KOI8-U": ("koi8-u", "koi8-ru koi8-u"),
    "macintosh": ("mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    "windows-874": ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    "windows-1250": ("cp1250", "cp1250 windows-1250 x-cp1250"),
    "windows-1251": ("cp1251", "cp1251 windows-1251 x-cp1251"),
    "windows-1252": (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1"
        " iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    "windows-1253": ("cp1253", "cp1253 windows-1253 x-cp1253"),
    "windows-1254": (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5"
        " windows-1254 x-cp1254",
    ),
    "windows-1255": ("cp1255", "cp1255 windows-1255 x-cp1255"),
    "windows-1256": ("cp1256", "cp1256 windows-1256 x-cp1256"),
    "windows-1257": ("cp1257", "cp1257 windows-1257 x-cp1257"),
    "windows-1258": ("cp1258", "cp1258 windows-1258 x-cp1258"),
    "x-mac-cyrillic": ("mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    "GBK": ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
    "gb18030": ("gb18030", "gb18030"),
    "Big5": ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    "EUC-JP": ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    "ISO-2022-JP": ("iso2022_jp_ext", "csiso2022jp iso-2022-jp"),
    "Shift_JIS": ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    "EUC-KR": (
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    ),
    # The standard reads these labels as one U+FFFD for the whole input (they hide markup from filters):
    # here they are no declaration at all, so the page is sniffed as when it declares nothing.
    "replacement": (None, "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"),
    "UTF-16BE": ("utf-16-be", "unicodefffe utf-16be"),
    "UTF-16LE": ("utf-16-le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    "x-user-defined": (None, "x-user-defined"),  # bytes 0x80-0xFF to U+F780-U+F7FF, by _decode_as
}
# Label (lowercase ASCII) to encoding name.
LABELS: dict[str, str] = {label: name for name, (_, labels) in _ENCODINGS.items() for label in labels.split()}
_ASCII_WHITESPACE = "\t\n\f\r "
_X_USER_DEFINED = {byte: 0xF700 + byte for byte in range(0x80, 0x100)}


class NotHtml(BadRequest):
    code = "not_html"


def encoding_for(label: str) -> str | None:
    """The Encoding Standard's name for a label (matched ASCII case-insensitively, ASCII whitespace around it
    ignored), or None for an unknown label and for the replacement labels."""
    label = label.strip(_ASCII_WHITESPACE)
    if not label.isascii():  # str.lower() would let "\u212aoi8-r" (KELVIN SIGN) pass for "koi8-r"
        return None
    name = LABELS.get(label.lower())
    return None if name == "replacement" else name


def decode_labelled(data: bytes, label: str) -> str | None:
    """The bytes read in the encoding a transport-level label names (the Content-Type charset); None when the
    label is unknown or the bytes start with a byte-order mark, which wins as in browsers: decode() sniffs then."""
    encoding = encoding_for(label)
    if encoding is None:
        log.info("unknown charset label %r, sniffing the page", label[:64])
        return None
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    return _decode_as(data, encoding)


def _decode_as(data: bytes, encoding: str) -> str:
    codec = _ENCODINGS[encoding][0]
    if codec is None:  # x-user-defined, which no Python codec implements (replacement never gets here)
        return data.decode("latin-1").translate(_X_USER_DEFINED)
    return data.decode(codec, errors="replace")


def decode(data: bytes | str) -> str:
    """Return the page as text: BOM first, then valid UTF-8, then a declared charset, else windows-1252."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    text = _sniff(data)
    if text is not None:
        return text
    try:
        # Valid multi-byte UTF-8 is almost never another encoding by accident, whatever the page declares
        # (saved pages keep the original <meta charset> after being re-encoded to UTF-8).
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_declared(data)


def decode_to_utf8(data: bytes | str) -> bytes:
    """decode()'s text as UTF-8 without the noncharacters lxml refuses, what parse() reads (a str's lone surrogates
    become '?'). Bytes that are valid UTF-8 already come back as they are: no decode into text and encode back."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    elif (text := _sniff(data)) is None:
        if data.isascii():
            return data
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_declared(data)
        else:
            if not any(nonchar in text for nonchar in NONCHARACTERS):
                return data
    for nonchar in NONCHARACTERS:
        if nonchar in text:
            text = text.replace(nonchar, "")
    return text.encode("utf-8", errors="replace")


def _sniff(data: bytes) -> str | None:
    """The text of a page that starts with a byte-order mark; NotHtml for binary data; None for the others."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise NotHtml(f"the body is {what}, not an HTML page")
    if b"\x00" in data[:1024]:
        raise NotHtml("the body holds NUL bytes: binary data, not an HTML page")
    return None


def _decode_declared(data: bytes) -> str:
    """Bytes that are not valid UTF-8: the charset the page declares, else UNDECLARED_ENCODING; mostly valid UTF-8
    with a stray bad byte stays UTF-8 (with replacement)."""
    declared = _declared_encoding(data[:CHARSET_PRESCAN_BYTES])
    if declared == "UTF-8":
        return _decode_as(data, declared)
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    valid = len(NON_ASCII_RE.findall(as_utf8)) - bad
    # Mostly valid UTF-8 with a stray bad byte is still UTF-8: a single-byte charset would garble it all. Against a
    # declared charset it takes MOSTLY_UTF8_RATIO times more valid characters; with none declared, more of them.
    if valid >= bad * (MOSTLY_UTF8_RATIO - 1 if declared else 1):
        return as_utf8
    return _decode_as(data, declared or UNDECLARED_ENCODING)


def _declared_encoding(head: bytes) -> str | None:
    """The encoding a <meta charset> names, as the HTML prescan reads it; None when there is none or its label
    is not the Encoding Standard's."""
    match = META_CHARSET_RE.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    encoding = encoding_for(name)
    if encoding is None:
        log.info("unknown declared charset %r, read as undeclared", name)
        return None
    # A page that declares UTF-16 in ASCII-compatible bytes is lying (HTML spec: treat as UTF-8), and the spec
    # reads a declared x-user-defined as windows-1252.
    return {"UTF-16BE": "UTF-8", "UTF-16LE": "UTF-8", "x-user-defined": "windows-1252"}.get(encoding, encoding)
