"""Each pipeline stage on its own, without Flask."""

from __future__ import annotations

import codecs
import re
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html

from server.attributions import Attribution
from server.decode import NotHtml, decode
from server.errors import BadRequest, NoArticle, TooComplex
from server.highlight import highlight
from server.parse import parse
from server.pipeline import Options, check_url, clean, registrable_domain
from server.plaintext import to_plain_text
from server.sanitize import _DATA_SCHEME, sanitize
from server.tidy import _resolve, _web_scheme, tidy
from tests.conftest import article_page


# decode
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


def test_decode_falls_back_to_utf8_with_replacement():
    assert decode(b"<p>ok \xff</p>") == "<p>ok \ufffd</p>"
    assert decode(b'<meta charset="no-such-charset"><p>ok</p>').endswith("<p>ok</p>")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\x1f\x8b\x08\x00\x00", b"abc\x00def"])
def test_decode_refuses_binary(data):
    with pytest.raises(NotHtml):
        decode(data)


# parse
def test_parse_returns_a_document_and_refuses_empty():
    root = parse("<p>Hello</p>")
    assert root.tag == "html" and root.find("body") is not None
    assert parse("<p>a\x00b\x0c</p>").text_content() == "ab"
    with pytest.raises(BadRequest):
        parse("   ")


# tidy + plain text (extract: tests/test_extract.py)
def test_tidy_makes_lazy_images_real_and_drops_unsafe_urls():
    article = html.fragment_fromstring(
        "<div id='x'><img src='data:image/gif;base64,AAA' data-src='/a.jpg' data-srcset='/a.jpg 1x, /b.jpg 2x'>"
        "<img src='javascript:alert(1)'><a href='vbscript:x'>v</a><a href='page2'>p</a><button>Share</button></div>"
    )
    tidy(article, "https://example.com/news/")
    imgs = article.findall(".//img")
    assert imgs[0].get("src") == "https://example.com/a.jpg"
    assert imgs[0].get("srcset") == "https://example.com/a.jpg 1x, https://example.com/b.jpg 2x"
    assert imgs[1].get("src") is None
    links = article.findall(".//a")
    assert links[0].get("href") is None and links[1].get("href") == "https://example.com/news/page2"
    assert "Share" not in article.text_content() and article.get("id") is None


_GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
_SVG = "data:image/svg+xml;base64," + "PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=" * 3


def test_tidy_keeps_inline_images_and_refuses_other_data_urls():
    article = html.fragment_fromstring(
        f"<div><img src='{_SVG}'><img src='{_GIF}'><img src='{_GIF}' srcset='/big.jpg 800w'>"
        f"<img srcset='{_SVG} 1x, /b.jpg 2x'><img src='data:text/html,x'><a href='{_GIF}'>g</a></div>"
    )
    tidy(article, "https://example.com/news/")
    imgs = article.findall(".//img")
    assert imgs[0].get("src") == _SVG
    assert imgs[1].get("src") == _GIF  # nothing better to show
    # A blank pixel standing in for a real image gives way to it.
    assert imgs[2].get("src") == "https://example.com/big.jpg"
    assert imgs[3].get("src") == _SVG and imgs[3].get("srcset") == f"{_SVG} 1x, https://example.com/b.jpg 2x"
    assert imgs[4].get("src") is None
    assert article.find(".//a").get("href") is None


def test_srcset_parsing_keeps_commas_inside_data_urls():
    from server.sanitize import parse_srcset

    assert parse_srcset(f" {_GIF} 1x,https://a.b/c,d.jpg 2x ,, e.jpg, f.jpg (a, b) 3w") == [
        (_GIF, "1x"),
        ("https://a.b/c,d.jpg", "2x"),
        ("e.jpg", ""),
        ("f.jpg", "(a, b) 3w"),
    ]


def test_plain_text_paragraphs_and_whitespace():
    article = html.fragment_fromstring(
        "<div><h2>Title</h2><p>One  <b>two</b>\n three</p><ul><li>a</li><li>b</li></ul>tail text</div>"
    )
    plain = to_plain_text(article)
    assert plain.text == "Title\n\nOne two three\n\n- a\n\n- b\n\ntail text"
    assert [plain.text[s:e] for s, e in plain.paragraphs] == ["Title", "One two three", "- a", "- b", "tail text"]


def _attribution(text: str, source: str, cue: str, content: str) -> Attribution:
    def span(part: str) -> tuple[int, int]:
        start = text.index(part)
        return (start, start + len(part))

    return Attribution(
        id="a1",
        speaker=source,
        source=source,
        cue=cue,
        content=content,
        kind="direct",
        key=True,
        rank=1,
        paragraph=0,
        source_span=span(source),
        cue_span=span(cue),
        content_span=span(content),
    )


def test_highlight_wraps_spans_across_inline_elements():
    article = html.fragment_fromstring("<div><p>“We will <em>fix</em>   the roads,” Mayor Doe said.</p></div>")
    plain = to_plain_text(article)
    assert plain.text == "“We will fix the roads,” Mayor Doe said."
    highlight(plain, [_attribution(plain.text, "Mayor Doe", "said", "“We will fix the roads,”")])
    out = html.tostring(article, encoding="unicode")
    assert '<mark class="attr-source" data-attr="a1">Mayor Doe</mark>' in out
    assert '<span class="attr-cue" data-attr="a1">said</span>' in out
    assert to_plain_text(article).text == plain.text  # marking never changes the text
    contents = article.xpath("//span[@class='attr-content']")
    assert "".join(c.text_content() for c in contents) == "“We will fix   the roads,”"
    assert contents[0].get("id") == "attr-a1"


# sanitize
def test_sanitize_keeps_article_markup_and_drops_the_rest():
    article = html.fragment_fromstring(
        "<div><h2 onclick='x()'>Head</h2><p class='lede' style='color:red'>Text <a href='https://a.b/'>link</a></p>"
        "<script>alert(1)</script><iframe src='https://e.vil'></iframe><mark class='attr-source evil' data-attr='a1'"
        " id='attr-a1'>S</mark><figure><img src='https://a.b/i.png' alt='x'><figcaption>Cap</figcaption></figure>"
        "</div>"
    )
    out = sanitize(article)
    assert "<h2>Head</h2>" in out and "<p>Text" in out
    assert 'rel="noopener noreferrer"' in out
    assert "script" not in out and "iframe" not in out and "style" not in out and "onclick" not in out
    assert '<mark class="attr-source" data-attr="a1" id="attr-a1">S</mark>' in out
    assert "<figcaption>Cap</figcaption>" in out


def test_sanitize_allows_data_urls_only_as_image_sources():
    """The last word is ammonia's attribute filter, whatever tidy let through."""
    article = html.fragment_fromstring(
        f"<div><img src='{_GIF}' srcset='{_GIF} 1x'><a href='{_GIF}'>a</a><img src=' data:text/html,x'>"
        f"<img src='data:image/png;base64,{'A' * 300_000}'><blockquote cite='{_GIF}'>q</blockquote></div>"
    )
    out = sanitize(article)
    assert out.count("data:") == 2 and f'<img src="{_GIF}" srcset="{_GIF} 1x">' in out


# pipeline helpers
def test_url_checks_and_registrable_domain():
    assert check_url("https://www.bbc.co.uk/news") == "www.bbc.co.uk"
    for bad in ("javascript:alert(1)", "/relative", "https://", "http://[::1", "x" * 3000):
        with pytest.raises(BadRequest):
            check_url(bad)
    assert registrable_domain("www.bbc.co.uk") == "bbc.co.uk"
    assert registrable_domain("edition.cnn.com") == "cnn.com"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"


def test_options_validation():
    assert Options.from_mapping({"attributions": False}).attributions is False
    with pytest.raises(BadRequest):
        Options.from_mapping({"bogus": True})


def test_clean_caps_and_errors():
    from server.config import Settings

    with pytest.raises(TooComplex):
        clean(article_page(), "https://example.com/", settings=Settings(max_elements=10))
    with pytest.raises(NoArticle):
        clean("<html><body><nav>Home</nav></body></html>", "https://example.com/")


def test_tidy_keeps_text_after_an_unclosed_form():
    article = html.fragment_fromstring(
        "<div><p>First paragraph.</p><form action='/x'><input name='q'><p>Text the form swallowed.</p></div>"
    )
    tidy(article, "https://example.com/")
    assert "Text the form swallowed." in article.text_content()
    assert article.find(".//input") is None


@pytest.mark.parametrize(
    "href", ["#cite-1", "#", "/wiki/X?y=1#z", "/a/../b", "/./c", "//cdn.example/y", "rel/path", "?q=1", "/", ""]
)
def test_tidy_resolves_links_as_urljoin_does(href: str) -> None:
    base = "https://en.example.org/wiki/Page?x=1#top"
    assert _resolve(href, base) == urljoin(base, href)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?b#c",
        "http://example.com",
        "http://",
        "https:///x",
        "https://exa\tmple.com/\n",
        "https://[::1]/x",
        "http://[bad/",
        "http://bad]/",
        "https://exämple.com/",
        "https://example.com/℀/",
        "HTTPS://example.com/",
        "httpx://example.com/",
        "mailto:a@example.com",
    ],
)
def test_web_scheme_is_urlsplits_whenever_it_answers(url: str) -> None:
    scheme = _web_scheme(url)
    if url in ("https://example.com/a?b#c", "http://example.com", "http://", "https:///x", "https://exa\tmple.com/\n"):
        assert scheme is not None
    if scheme is not None:
        assert scheme == urlsplit(url).scheme  # and urlsplit did not raise


def test_data_scheme_test_sees_data_colon_in_any_case_and_nothing_else():
    # The old test was re.compile("data:", re.IGNORECASE): it matched only ASCII d, a, t in any case.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("(?i)[dat:]", every)) == set("dDaAtT:")
    for markup in ["", "data:", "DaTa:", "<img src='DATA:image/png'>", "data", "dat:a", "data :", "xdata:", "ｄata:"]:
        assert bool(_DATA_SCHEME.search(markup)) == bool(re.search("data:", markup, re.IGNORECASE))
