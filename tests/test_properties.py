"""Property-based: random and mutated HTML never yields a 500, and every 200 is free of script-capable markup.

Derandomized and database-less, so CI runs the same examples every time; examples are kept moderate so
the whole file runs in well under a minute.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html
from test_xss import VECTORS, fragment_violations, page_violations

from server.errors import BadRequest, TooComplex
from server.parse import check_attributes, parse
from server.web.app import create_app

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "readability-test-pages"
URL = "https://news.example.com/story"
SENTENCE = "The council approved the new budget for the city schools and roads on Tuesday evening. "
ALLOWED_STATUSES = {200, 400, 413, 415, 422}

CI = settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

TAGS = [
    "p",
    "div",
    "span",
    "a",
    "img",
    "article",
    "section",
    "b",
    "i",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "h1",
    "script",
    "style",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "template",
    "noscript",
    "title",
    "base",
    "meta",
    "link",
    "frameset",
    "frame",
    "xmp",
    "noembed",
    "plaintext",
    "image",
    "use",
    "animate",
    "set",
    "foreignObject",
    "mglyph",
    "mtext",
    "details",
    "summary",
    "video",
    "audio",
    "source",
    "picture",
    "figure",
    "blockquote",
    "q",
    "pre",
    "code",
]
ATTRIBUTES = [
    "href",
    "src",
    "srcset",
    "style",
    "onerror",
    "onload",
    "onclick",
    "OnMouseOver",
    "formaction",
    "action",
    "xlink:href",
    "data-src",
    "data-srcset",
    "id",
    "class",
    "name",
    "http-equiv",
    "content",
    "background",
    "poster",
    "lang",
    "dir",
    "title",
    "alt",
    "is",
    "xmlns",
    "attributeName",
    "values",
    "to",
    "from",
    "begin",
    "rel",
    "target",
    "srcdoc",
    "data",
    "codebase",
    "cite",
    "width",
    "hidden",
]
VALUES = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "data:image/png;base64,iVBORw0KGgo=",
    "//evil.example/x.js",
    "https://example.com/a.png",
    "/relative/path",
    "#frag",
    "x onerror=alert(1)",
    '"><script>alert(1)</script>',
    "expression(alert(1))",
    "background:url(javascript:alert(1))",
    "0;url=javascript:alert(1)",
    "",
    "a.png 1x, javascript:alert(1) 2x",
    "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
    "\x00javascript:x",
]
JUNK = [
    "<",
    "</",
    ">",
    "<!--",
    "-->",
    "--!>",
    "<![CDATA[",
    "]]>",
    '"',
    "'",
    "=",
    "&",
    "&lt;",
    "&#x3c;",
    "&#0;",
    "&amp;lt;script&amp;gt;",
    "<?xml ?>",
    "<!DOCTYPE html>",
    "\u2028",
    "\ufeff",
    "\x00",
    "\r\n",
    "&nbsp;",
    "&#xD800;",
    "&#1114112;",
    "<</p>>",
    "<p<p>",
    "<!",
    "</script",
    "<scr<script>ipt>",
]


@functools.cache
def payloads() -> list[str]:
    return [vector["payload"] for vector in json.loads(VECTORS.read_text(encoding="utf-8"))]


@functools.cache
def corpus_pages() -> list[str]:
    paths = sorted(CORPUS.glob("*/source.html"))
    # A spread of sizes, small enough to keep each example fast.
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return [t for t in texts if len(t) < 120_000][::6]


@functools.cache
def client() -> FlaskClient:
    return create_app().test_client()


attribute = st.builds(
    lambda name, value, quote: f" {name}" if value is None else f" {name}={quote}{value}{quote}",
    st.sampled_from(ATTRIBUTES) | st.text("abcdefghijklmnopqrstuvwxyz-:", min_size=1, max_size=8),
    st.none() | st.sampled_from(VALUES) | st.text(max_size=12),
    st.sampled_from(['"', "'", ""]),
)
text = st.sampled_from([SENTENCE, SENTENCE * 3, "word ", *JUNK]) | st.text(max_size=20)
# Indices rather than sampled_from(the strings): hypothesis would print the whole list in its repr.
payload_piece = st.builds(
    lambda i, a, b: payloads()[i][min(a, b) : max(a, b)] if a != b else payloads()[i],
    st.integers(0, len(payloads()) - 1),
    st.integers(0, 400),
    st.integers(0, 400),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{''.join(attrs)}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=4),
        st.lists(children, max_size=4),
        st.booleans(),
    )


soup = st.recursive(text | payload_piece, _element, max_leaves=25)


def check_response(page: str) -> None:
    """The properties themselves: no 500, errors are JSON, every 200 is clean as JSON and as a page."""
    response = client().post("/clean", json={"html": page, "url": URL})
    assert response.status_code in ALLOWED_STATUSES, response.get_data(as_text=True)[:500]
    data = response.get_json()
    if response.status_code != 200:
        assert set(data) == {"error"} and data["error"]["code"] and data["error"]["message"]
        return
    assert fragment_violations(data["html"]) == []
    reading = client().post("/clean?format=html", json={"html": page, "url": URL})
    assert reading.status_code == 200
    assert page_violations(reading.get_data(as_text=True)) == []


@settings(CI, max_examples=400)
@given(st.lists(soup, min_size=1, max_size=8))
def test_random_tag_soup(parts: list[str]):
    check_response("".join(parts))


@settings(CI, max_examples=300)
@given(st.lists(soup, max_size=4), st.lists(soup, max_size=4))
def test_random_soup_inside_an_article(before: list[str], after: list[str]):
    """Inside a real article the soup survives extraction, so the sanitizer really sees it."""
    body = "".join(before) + f"<p>{SENTENCE * 4}</p>" * 4 + "".join(after)
    check_response(f"<html><head><title>Story</title></head><body><article>{body}</article></body></html>")


@settings(CI, max_examples=120)
@given(
    st.integers(0, len(corpus_pages()) - 1),
    st.lists(st.tuples(st.floats(0, 1), soup | payload_piece, st.integers(0, 50)), min_size=1, max_size=5),
)
def test_mutated_corpus_pages(index: int, mutations: list[tuple[float, str, int]]):
    """Real pages with payloads spliced in at random places, sometimes over a few deleted characters."""
    page = corpus_pages()[index]
    for where, insert, cut in mutations:
        at = int(where * len(page))
        page = page[:at] + insert + page[at + cut :]
    check_response(page)


@settings(CI, max_examples=200)
@given(st.binary(max_size=400))
def test_random_bytes_as_html(data: bytes):
    response = client().post("/clean", query_string={"url": URL}, data=data, content_type="text/html")
    assert response.status_code in ALLOWED_STATUSES
    if response.status_code == 200:
        assert fragment_violations(response.get_json()["html"]) == []


@settings(CI, max_examples=600)
@given(st.lists(soup, min_size=1, max_size=6))
def test_the_attribute_scanner_never_undercounts(parts: list[str]):
    """Whatever libxml2 builds, no element of it has more attributes than the scanner allowed for."""
    # The scanner reads the page libxml2 parses: a tag left open at the end takes the words after it as attributes.
    page = f"<html><body>{''.join(parts)}</body></html>"
    try:
        root = html.document_fromstring(page)
    except Exception:  # a document libxml2 cannot build at all has no attributes either
        return
    most = max((len(element.attrib) for element in root.iter() if isinstance(element.tag, str)), default=0)
    if most > 2:
        try:
            check_attributes(page, limit=2)
        except TooComplex:
            return
        raise AssertionError(f"an element has {most} attributes but the scanner let the page through")


@settings(CI, max_examples=400)
@given(st.lists(soup | st.sampled_from(JUNK), min_size=1, max_size=8))
def test_the_element_count_bound_holds(parts: list[str]):
    """The pipeline skips counting elements when 2 x the '<' count + 4 is under the cap: libxml2 never builds more."""
    document = "".join(parts)
    try:
        root = parse(document)
    except (BadRequest, TooComplex):
        return
    assert sum(1 for _ in root.iter(etree.Element)) <= 2 * document.count("<") + 4
