"""Stage 6, tidy: real images, absolute http(s) links, no controls."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html

from server.tidy import _resolve, _web_scheme, tidy


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
