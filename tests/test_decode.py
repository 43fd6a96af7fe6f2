"""The decode stage's charset labels: only the Encoding Standard's, in the Content-Type header and in <meta charset>.

Python knows many codecs that are no page encoding (idna, utf-7, unicode_escape, rot13, zlib_codec...): some
raise whatever the error handler, others rewrite the text. None of them is reachable; a page naming one is read
as one naming nothing.
"""

from __future__ import annotations

import codecs
import random

import pytest

from server.decode import (
    _ENCODINGS,
    LABELS,
    NONCHARACTERS,
    NotHtml,
    decode,
    decode_labelled,
    decode_to_utf8,
    encoding_for,
)
from server.web.app import create_app

URL = "https://news.example.com/2026/11/budget"
# Text each hostile codec would change: UTF-7 reads "+AGI-" as "b", unicode_escape reads "\x41" as "A", rot13
# turns "Uryyb" into "Hello", base64/zlib/punycode/idna raise or garble.
TELL = "Caf\u00e9 a+AGI-c \\x41 Uryyb xn--caf-dma"
SENTENCE = "The council approved the new budget for the city schools and roads on Tuesday evening. "
HOSTILE_LABELS = [
    "idna",
    "undefined",
    "utf-7",
    "unicode_escape",
    "rot13",
    "rot_13",
    "base64_codec",
    "zlib_codec",
    "bz2_codec",
    "hex_codec",
    "uu_codec",
    "quopri_codec",
    "punycode",
    "raw_unicode_escape",
    "utf-32",
    "utf_8",  # Python's spelling, not a label: unknown, so sniffed (as UTF-8 here)
    "mbcs",
]


def page(head: str = "", tell: str = TELL) -> str:
    return (
        f"<!doctype html><html><head>{head}<title>{tell}</title></head><body><article>"
        + f"<p>{tell}. {SENTENCE * 4}</p>" * 5
        + "</article></body></html>"
    )


@pytest.fixture(scope="module")
def client():
    return create_app().test_client()


def post(client, body: bytes, charset: str | None):
    content_type = f"text/html; charset={charset}" if charset is not None else "text/html"
    return client.post("/clean", query_string={"url": URL}, data=body, content_type=content_type)


# --- the label table --------------------------------------------------------------------------------------------


def test_the_table_is_the_standards_40_encodings_and_228_labels():
    assert len(_ENCODINGS) == 40
    assert len(LABELS) == sum(len(labels.split()) for _, labels in _ENCODINGS.values()) == 228
    for label in LABELS:
        assert label == label.lower().strip() and label.isascii()
    for codec, _ in _ENCODINGS.values():
        if codec is not None:
            codecs.lookup(codec)  # a real Python codec, and a text one
            assert codecs.lookup(codec)._is_text_encoding


@pytest.mark.parametrize(
    ("label", "encoding"),
    [
        ("utf-8", "UTF-8"),
        ("utf8", "UTF-8"),
        ("unicode-1-1-utf-8", "UTF-8"),
        ("latin1", "windows-1252"),
        ("iso-8859-1", "windows-1252"),
        ("ascii", "windows-1252"),
        ("us-ascii", "windows-1252"),
        ("windows-1251", "windows-1251"),
        ("cp1251", "windows-1251"),  # a label of the standard's, as are x-cp1251 and windows-1251
        ("x-cp1251", "windows-1251"),
        ("sjis", "Shift_JIS"),
        ("gb2312", "GBK"),
        ("ks_c_5601-1987", "EUC-KR"),
        ("koi8-ru", "KOI8-U"),
        ("x-mac-ukrainian", "x-mac-cyrillic"),
        ("utf-16", "UTF-16LE"),
        ("x-user-defined", "x-user-defined"),
        (" \t UTF-8\r\n\f", "UTF-8"),  # ASCII whitespace around it is ignored, case too
        ("ISO_8859-1:1987", "windows-1252"),
    ],
)
def test_labels_of_the_standard(label: str, encoding: str):
    assert encoding_for(label) == encoding


@pytest.mark.parametrize(
    "label",
    [
        *HOSTILE_LABELS,
        # the replacement encoding's labels: no declaration at all
        "csiso2022kr",
        "hz-gb-2312",
        "iso-2022-cn",
        "iso-2022-cn-ext",
        "iso-2022-kr",
        "replacement",
        # near misses
        "latin-1",
        "utf-8\u00a0",  # NO-BREAK SPACE is no ASCII whitespace
        "\u212aoi8-r",  # KELVIN SIGN lowercases to "k", but the match is ASCII case-insensitive
        "utf-\u0130",
        "",
        " ",
        "x-no-such",
    ],
)
def test_other_labels_are_unknown(label: str):
    assert encoding_for(label) is None
    assert decode_labelled("Caf\u00e9".encode(), label) is None


def _nasty_inputs() -> list[bytes]:
    rng = random.Random(20261105)
    escapes = b"\x1b$B\x1b$@\x1b(J\x1b(I\x1b$(D\x1b(B\x1b$)C\x0e\x0f~{~}"
    return [
        b"",
        bytes(range(256)),
        bytes(range(255, -1, -1)) * 3,
        escapes + bytes(range(0x21, 0x7F)) + escapes[::-1],
        b"\x1b$B" + bytes(rng.randrange(0x21, 0x7F) for _ in range(999)),  # odd length, ends inside a JIS pair
        b"\xd8\x00\xdc",  # a lone UTF-16 surrogate, cut short
        *(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000))) for _ in range(20)),
    ]


@pytest.mark.parametrize("label", sorted(LABELS))
def test_every_label_decodes_any_bytes_without_raising(label: str):
    for data in _nasty_inputs():
        text = decode_labelled(data, label)  # the Content-Type path
        assert text is None or isinstance(text, str)
        declared = f'<meta charset="{label}">'.encode() + data  # the <meta charset> path
        try:
            assert isinstance(decode(declared), str)
        except Exception as exc:  # only the stage's own refusals (NUL bytes: binary) may leave it
            assert type(exc).__name__ == "NotHtml", exc


def test_x_user_defined_maps_high_bytes_to_the_private_use_area():
    assert decode_labelled(b"A\x80\xff", "x-user-defined") == "A\uf780\uf7ff"
    # Declared by the page it is windows-1252, as the HTML spec says.
    assert decode(b'<meta charset="x-user-defined"><p>\x80 caf\xe9</p>').endswith("<p>\u20ac caf\u00e9</p>")


# --- <meta charset> ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_hostile_meta_charset_is_ignored(label: str):
    data = page(f'<meta charset="{label}">').encode() + b"\xff"  # not valid UTF-8: the declaration is read
    assert decode(data) == data.decode("utf-8", errors="replace")


@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("latin1", "cp1252", "Café crème €5"),  # latin1 means windows-1252: 0x80 is the euro sign
        ("iso-8859-1", "cp1252", "Café crème ’quoted’"),
        ("windows-1251", "cp1251", "Бюджет Києва"),
        ("cp1251", "cp1251", "Бюджет"),
        ("koi8-r", "koi8-r", "Бюджет города"),
        ("shift_jis", "cp932", "予算案を可決"),
        ("sjis", "cp932", "市議会①"),  # circled digit one: Windows-31J, as browsers read it
        ("euc-kr", "cp949", "예산안 통과"),
        ("gb2312", "gb18030", "预算案通过"),
        ("big5", "big5hkscs", "預算案通過"),
        ("euc-jp", "euc_jp", "予算案"),
        ("iso-8859-7", "iso8859-7", "Προϋπολογισμός"),
    ],
)
def test_real_labels_decode(client, label: str, codec: str, text: str):
    body = page(tell=text).encode(codec)
    # In <meta charset>...
    assert text in decode(f'<meta charset="{label.upper()}">'.encode() + body)
    # ... and in the Content-Type header.
    assert decode_labelled(body, label) == page(tell=text)
    response = post(client, body, label)
    assert response.status_code == 200
    assert response.get_json()["title"] == text


# --- the Content-Type header --------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_hostile_header_charset_is_ignored(client, label: str):
    response = post(client, page().encode(), label)
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert data["title"] == TELL  # read as UTF-8, nothing rewritten
    assert TELL in data["text"]


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_hostile_header_charset_leaves_the_pages_own_meta_in_force(client, label: str):
    cyrillic = "Бюджет Києва"
    body = page('<meta charset="windows-1251">', tell=cyrillic).encode("cp1251")
    response = post(client, body, label)
    assert response.status_code == 200
    assert response.get_json()["title"] == cyrillic


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_hostile_label_in_both_places(client, label: str):
    body = page(f'<meta charset="{label}">').encode() + b"\xff"
    response = post(client, body, label)
    assert response.status_code == 200
    assert response.get_json()["title"] == TELL


def test_utf_16_from_the_header_with_and_without_a_bom(client):
    for label, body in [
        ("utf-16le", codecs.BOM_UTF16_LE + page().encode("utf-16-le")),
        ("utf-16", page().encode("utf-16-le")),  # "utf-16" is little-endian
        ("utf-16be", page().encode("utf-16-be")),
        ("unicodefffe", page().encode("utf-16-be")),
    ]:
        response = post(client, body, label)
        assert response.status_code == 200, label
        assert response.get_json()["title"] == TELL, label


def test_a_byte_order_mark_wins_over_the_header(client):
    body = codecs.BOM_UTF8 + page().encode()
    assert decode_labelled(body, "windows-1252") is None  # left to decode(), which reads the BOM
    response = post(client, body, "windows-1252")
    assert response.status_code == 200
    assert response.get_json()["title"] == TELL
    response = post(client, codecs.BOM_UTF16_BE + page().encode("utf-16-be"), "utf-16le")
    assert response.get_json()["title"] == TELL


def test_a_quoted_or_spaced_header_label(client):
    body = page(tell="Caf\u00e9 \u20ac").encode("cp1252")
    for content_type in ('text/html; charset="Windows-1252"', "text/html;charset=LATIN1", "text/html; charset=l1"):
        response = client.post("/clean", query_string={"url": URL}, data=body, content_type=content_type)
        assert response.status_code == 200
        assert response.get_json()["title"] == "Caf\u00e9 \u20ac", content_type


def test_decode_honours_bom_and_meta_charset():
    assert decode(codecs.BOM_UTF8 + "café".encode()) == "café"
    assert decode(codecs.BOM_UTF16_LE + "<p>Київ</p>".encode("utf-16-le")) == "<p>Київ</p>"
    page = '<meta charset="windows-1251"><p>Київ</p>'.encode("cp1251")
    assert "Київ" in decode(page)
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>é</p>'
    assert "é" in decode(http_equiv.encode("latin-1"))


def test_decode_keeps_mostly_valid_utf8_despite_a_declared_single_byte_charset():
    page = ('<meta charset="iso-8859-1"><p>' + "don’t " * 30 + "</p>").encode() + b"\xff"
    assert "don’t don’t" in decode(page)


def test_an_undeclared_page_that_is_not_utf8_is_read_as_windows_1252():
    # What browsers make of an old Western page that names no charset: 'möchten', not 'm\ufffdchten'.
    assert decode(b"<p>Wir m\xf6chten Ihnen erkl\xe4ren</p>") == "<p>Wir möchten Ihnen erklären</p>"
    assert decode(b"<p>ok \xff</p>") == "<p>ok \xff</p>"
    assert decode(b'<meta charset="no-such-charset"><p>caf\xe9</p>').endswith("<p>café</p>")
    # Mostly valid UTF-8 with a stray bad byte stays UTF-8, the bad byte replaced.
    page = ("<p>" + "don’t " * 30 + "</p>").encode() + b"\xff"
    assert decode(page).startswith("<p>don’t don’t") and decode(page).endswith("\ufffd")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\x1f\x8b\x08\x00\x00", b"abc\x00def"])
def test_decode_refuses_binary(data):
    with pytest.raises(NotHtml):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [
        b"<p>plain ascii</p>",
        "<p>Київ, café, don’t</p>".encode(),
        codecs.BOM_UTF8 + "<p>café</p>".encode(),
        codecs.BOM_UTF16_LE + "<p>Київ</p>".encode("utf-16-le"),
        '<meta charset="windows-1251"><p>Київ</p>'.encode("cp1251"),
        b"<p>ok \xff</p>",
        "<p>a\ufffeb\uffffc</p>".encode(),
        "\ufeff<p>a str \ud800 with a lone surrogate and \ufffe</p>",
        "<p>a str</p>",
    ],
)
def test_decode_to_utf8_is_the_decoded_text_encoded(data: bytes | str):
    text = decode(data)
    for nonchar in NONCHARACTERS:
        text = text.replace(nonchar, "")
    assert decode_to_utf8(data) == text.encode("utf-8", errors="replace")


def test_decode_to_utf8_hands_valid_utf8_on_as_it_is():
    page = "<p>Київ, café</p>".encode()
    assert decode_to_utf8(page) is page
    with pytest.raises(NotHtml):
        decode_to_utf8(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_decode_to_utf8_agrees_with_decode_on_random_bytes():
    rng = random.Random(15)
    alphabet = [b"<p>", b"a", b" ", "é".encode(), "\ufffe".encode(), b"\xff", b"\xc3", b"\xef\xbf", b"\x00"]
    for _ in range(2000):
        data = b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        try:
            text = decode(data)
        except NotHtml:
            with pytest.raises(NotHtml):
                decode_to_utf8(data)
            continue
        for nonchar in NONCHARACTERS:
            text = text.replace(nonchar, "")
        assert decode_to_utf8(data) == text.encode("utf-8", errors="replace"), data
