"""Stage 2, parse: the tree a browser would build, as far as the article is concerned."""

from __future__ import annotations

import pytest
from lxml import html

from server.decode import decode_to_utf8
from server.errors import BadRequest, TooComplex
from server.parse import CONTROL_BYTES, MAX_ATTRIBUTES, check_attributes, parse


def test_text_after_an_early_end_of_body_and_html_is_kept() -> None:
    # Page builders that print their header as a whole document, then the article after it.
    page = "<html><body><header>Menu</header></body></html>\n<div><p>The article.</p></div></BODY ></HTML>"
    root = parse(page)
    assert root.findtext(".//p") == "The article."
    assert [child.tag for child in root.find("body")] == ["header", "div"]


# --- the attribute cap reads what libxml2 reads ------------------------------------------------------


def _many_attributes() -> str:
    return " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 1))


@pytest.mark.parametrize(
    "page",
    [
        # The early </body> is removed before libxml2 reads the page: "<p a=x" and the rest join into one tag.
        "<html><body><p a=x</body> {attributes}>text</p></body></html>",
        # Control characters are dropped before libxml2 reads the page: "-\x01->" becomes "-->" and closes the
        # comment early, and "</scr\x01ipt>" becomes "</script>" and ends the script early.
        "<html><body><!-- -\x01-> <p {attributes}>text</p> --></body></html>",
        "<html><body><script>x</scr\x01ipt><p {attributes}>text</p></script></body></html>",
        # Only ASCII letters spell a raw-text element: "<scrıpt>" (dotless i) is text to libxml2.
        "<html><body><scr\u0131pt><p {attributes}>text</p></body></html>",
    ],
)
def test_a_tag_assembled_while_the_page_is_prepared_is_counted(page: str) -> None:
    with pytest.raises(TooComplex):
        parse(page.format(attributes=_many_attributes()))


def test_check_attributes_reads_text_and_bytes_alike() -> None:
    tag = f"<p {_many_attributes()}>"
    for document in (tag, tag.encode()):
        with pytest.raises(TooComplex):
            check_attributes(document)
    check_attributes("<p a b c>é</p>".encode())


def test_parse_returns_a_document_and_refuses_empty():
    root = parse("<p>Hello</p>")
    assert root.tag == "html" and root.find("body") is not None
    assert parse("<p>a\x00b\x0c</p>").text_content() == "ab"
    with pytest.raises(BadRequest):
        parse("   ")


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>caf\u00e9 \u041a\u0438\u0457\u0432</p></body></html>\n<div><p>After.</p></div></body></html>",
        "<p>a\x01b\ufffec\uffffd</p>",
        "<p>a lone \ud800 surrogate</p>",
        "<p>\u00e9</bo\ufffedy><p>joined by the noncharacter's removal</p>",
    ],
)
def test_a_page_parses_alike_as_text_and_as_the_decode_stage_s_utf8(page: str) -> None:
    as_text = html.tostring(parse(page), encoding="unicode")
    assert html.tostring(parse(decode_to_utf8(page)), encoding="unicode") == as_text
    assert html.tostring(parse(decode_to_utf8(page.encode("utf-8", "replace"))), encoding="unicode") == as_text


def test_every_control_byte_is_dropped_before_parsing() -> None:
    for byte in CONTROL_BYTES:
        root = parse(b"<html><body><p>a" + bytes([byte]) + b"b</p></body></html>")
        assert root.findtext(".//p") == "ab", byte
