"""XSS through inline (data:) images: kept only as an <img> source of an image type, refused everywhere else
(links, quotes' cite, smuggled <image> elements), and allowed by the reading page's CSP. In the browser (an
inline SVG that would run script anywhere else runs nothing): tests/test_xss_browser.py.
"""

from __future__ import annotations

import base64
from html import escape
from urllib.parse import quote

import pytest
from lxml import html
from test_xss import URL, article_page, fragment_violations, page_violations, policy_directives

from server.web.app import create_app
from server.web.render import content_security_policy

PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
GIF_1X1 = "R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
# An SVG that would run script anywhere but in an image: loaded through <img> it runs nothing.
HOSTILE_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30' onload='alert(1)'>"
    "<script>alert(2)</script><rect width='40' height='30' fill='teal'/></svg>"
)


def img_figure(src: str = "", srcset: str = "") -> str:
    attributes = (f' src="{escape(src)}"' if src else "") + (f' srcset="{escape(srcset)}"' if srcset else "")
    return f"<figure><img{attributes} alt='Chart of the budget'><figcaption>The budget.</figcaption></figure>"


def _clean_fragment(payload: str) -> str:
    client = create_app().test_client()
    data = client.post("/clean", json={"html": article_page(payload, "between"), "url": URL}).get_json()
    assert fragment_violations(data["html"]) == [], data["html"]
    return data["html"]


def _image_sources(fragment: str) -> list[tuple[str | None, str | None]]:
    container = html.fragment_fromstring(fragment, create_parent="div")
    return [(img.get("src"), img.get("srcset")) for img in container.iter("img")]


@pytest.mark.parametrize(
    "uri",
    [
        f"data:image/png;base64,{PNG_1X1}",
        f"data:image/gif;base64,{GIF_1X1}",
        f"data:image/jpeg;base64,/9j/{PNG_1X1}",
        f"data:image/jpg;base64,/9j/{PNG_1X1}",
        f"data:image/webp;base64,UklGR{PNG_1X1}",
        f"data:image/avif;base64,AAAAIGZ0eXBhdmlm{PNG_1X1}",
        "data:image/svg+xml;base64," + base64.b64encode(HOSTILE_SVG.encode()).decode(),
        "data:image/svg+xml;charset=utf-8," + quote(HOSTILE_SVG),
        f"DATA:Image/PNG;BASE64,{PNG_1X1}",
    ],
)
def test_inline_images_of_the_allowed_types_are_kept(uri: str):
    fragment = _clean_fragment(img_figure(src=uri) + img_figure(srcset=f"{uri} 1x, {uri} 2x"))
    assert _image_sources(fragment) == [(uri, None), (uri, f"{uri} 1x, {uri} 2x")]


def test_base64_line_breaks_are_removed_from_inline_images():
    wrapped = f"data:image/png;base64,{PNG_1X1[:40]}\n  {PNG_1X1[40:]}"
    assert _image_sources(_clean_fragment(img_figure(src=wrapped))) == [(f"data:image/png;base64,{PNG_1X1}", None)]


@pytest.mark.parametrize(
    "uri",
    [
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64," + base64.b64encode(b"<script>alert(1)</script>").decode(),
        "data:application/octet-stream;base64,AAAA",
        "data:image/bmp;base64,Qk0=",
        "data:,hello",
        "data:image/png;base64,<svg onload=alert(1)>",  # not base64
        "da\tta:text/html,x",
        "javascript:alert(1)",
        " java\tscript:alert(1)",
        f"data:image/png;base64,{'A' * (256 * 1024)}",  # over the cap
    ],
)
def test_other_inline_urls_are_refused_in_images(uri: str):
    fragment = _clean_fragment(img_figure(src=uri) + img_figure(srcset=f"{uri} 1x"))
    (src, srcset), (_, srcset_only) = _image_sources(fragment)
    assert (src, srcset) == (None, None)
    # In a srcset a tab ends the URL: " java<TAB>script:x" is the relative URL "java", harmless.
    assert srcset_only is None or all(c.strip().startswith("https://") for c in srcset_only.split(","))


@pytest.mark.parametrize(
    "uri",
    [
        f"data:image/png;base64,{PNG_1X1}",
        "data:image/svg+xml," + quote(HOSTILE_SVG),
        "data:image/svg+xml;base64," + base64.b64encode(HOSTILE_SVG.encode()).decode(),
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_inline_urls_are_refused_outside_images(uri: str):
    payload = (
        f"<p>See <a href='{escape(uri)}'>the chart</a> and <q cite='{escape(uri)}'>a quote</q>.</p>"
        f"<blockquote cite='{escape(uri)}'><p>Quoted.</p></blockquote>"
    )
    fragment = _clean_fragment(payload)
    assert "data:" not in fragment.lower()
    assert "the chart" in fragment


def test_smuggled_images_get_no_inline_sources():
    """<image> becomes <img> only in ammonia's parser: it gets no inline srcset either."""
    fragment = _clean_fragment(f"<image srcset='data:image/png;base64,{PNG_1X1} 1x'>x</image>")
    assert "data:" not in fragment


def test_the_reading_page_allows_inline_images():
    assert "img-src http: https: data:;" in content_security_policy()
    client = create_app().test_client()
    body = {"html": article_page(img_figure(src=f"data:image/png;base64,{PNG_1X1}"), "between"), "url": URL}
    response = client.post("/clean?format=html", json=body)
    assert policy_directives(response.headers["Content-Security-Policy"])["img-src"] == "img-src http: https: data:"
    assert f"data:image/png;base64,{PNG_1X1}" in response.get_data(as_text=True)
    assert page_violations(response.get_data(as_text=True)) == []
