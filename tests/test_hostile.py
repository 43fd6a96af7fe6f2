"""Hostile and broken input: each case a clear JSON error or a correct result, and the service alive after.

The table runs through the Flask test client; test_real_gunicorn_survives_the_nastiest_cases repeats the
worst of it against gunicorn as `make serve` runs it.
"""

from __future__ import annotations

import codecs
import gzip
import http.client
import io
import json
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from lxml import html
from test_xss import fragment_violations
from werkzeug.test import EnvironBuilder, run_wsgi_app

from server.config import Settings
from server.errors import TooComplex
from server.parse import MAX_ATTRIBUTES, MAX_DEPTH, RAWTEXT_TAGS, check_attributes
from server.web.app import create_app

URL = "https://news.example.com/2026/11/budget"
SENTENCE = "The council approved the new budget for the city schools and roads on Tuesday evening. "
PARAGRAPH = f"<p>{SENTENCE * 4}</p>"
ARTICLE = (
    f"<!doctype html><html><head><title>Budget</title></head><body><article>{PARAGRAPH * 5}</article></body></html>"
)
UKRAINIAN = "Київська міська рада ухвалила новий бюджет для шкіл і доріг у вівторок увечері. "
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app().test_client()


def assert_alive(client: FlaskClient) -> None:
    """After every case: health answers and a normal article still cleans."""
    assert client.get("/healthz").status_code == 200
    response = client.post("/clean", json={"html": ARTICLE, "url": URL})
    assert response.status_code == 200 and response.get_json()["title"] == "Budget"


def html_post(client: FlaskClient, body: bytes, url: str = URL, content_type: str = "text/html"):
    return client.post("/clean", query_string={"url": url}, data=body, content_type=content_type)


@dataclass(frozen=True)
class Case:
    name: str
    send: Callable[[FlaskClient], object]
    status: int
    code: str | None = None  # the error code, for an error answer
    check: Callable[[dict], None] | None = None  # more checks on a 200 answer


def _nested(depth: int) -> bytes:
    return f"<html><body>{'<div>' * depth}{PARAGRAPH * 5}{'</div>' * depth}</body></html>".encode()


def _cyrillic_page() -> bytes:
    page = (
        f'<html><head><meta charset="windows-1251"><title>Бюджет Києва</title></head><body><article>'
        f"{('<p>' + UKRAINIAN * 3 + '</p>') * 5}</article></body></html>"
    )
    return page.encode("cp1251")


def _check_cyrillic(data: dict) -> None:
    assert data["title"] == "Бюджет Києва"
    assert "Київська міська рада ухвалила новий бюджет" in data["text"]
    assert "\ufffd" not in data["text"]


def _check_text(data: dict) -> None:
    assert "The council approved the new budget" in data["text"]


def _check_replaced(data: dict) -> None:
    assert "Tues\ufffd" in data["text"] or "Tues" in data["text"]
    assert "schools and roads" in data["text"]


CASES = [
    Case("empty JSON body", lambda c: c.post("/clean", data=b"", content_type="application/json"), 400, "bad_request"),
    Case("empty HTML body", lambda c: html_post(c, b""), 400, "bad_request"),
    Case(
        "whitespace-only JSON body",
        lambda c: c.post("/clean", data=b" \n\t ", content_type="application/json"),
        400,
        "bad_request",
    ),
    Case("whitespace-only HTML body", lambda c: html_post(c, b" \r\n\t  "), 400, "bad_request"),
    Case("JSON array", lambda c: c.post("/clean", data=b"[1, 2]", content_type="application/json"), 400, "bad_request"),
    Case(
        "JSON string",
        lambda c: c.post("/clean", data=b'"<p>x</p>"', content_type="application/json"),
        400,
        "bad_request",
    ),
    Case(
        "broken JSON",
        lambda c: c.post("/clean", data=b'{"html": "<p>', content_type="application/json"),
        400,
        "bad_request",
    ),
    Case(
        "JSON nested 100,000 deep",
        lambda c: c.post("/clean", data=b"[" * 100_000 + b"]" * 100_000, content_type="application/json"),
        400,
        "bad_request",
    ),
    Case("html is a number", lambda c: c.post("/clean", json={"html": 42, "url": URL}), 400, "bad_request"),
    Case("html is a list", lambda c: c.post("/clean", json={"html": ["<p>"], "url": URL}), 400, "bad_request"),
    Case("html is null", lambda c: c.post("/clean", json={"html": None, "url": URL}), 400, "bad_request"),
    Case(
        "unknown field",
        lambda c: c.post("/clean", json={"html": ARTICLE, "url": URL, "fetch": True}),
        400,
        "bad_request",
    ),
    Case(
        "options not an object",
        lambda c: c.post("/clean", json={"html": ARTICLE, "url": URL, "options": [1]}),
        400,
        "bad_request",
    ),
    Case("missing url", lambda c: c.post("/clean", json={"html": ARTICLE}), 400, "bad_request"),
    Case(
        "missing url, raw HTML",
        lambda c: c.post("/clean", data=ARTICLE.encode(), content_type="text/html"),
        400,
        "bad_request",
    ),
    Case("url is a number", lambda c: c.post("/clean", json={"html": ARTICLE, "url": 7}), 400, "bad_request"),
    Case("malformed url", lambda c: c.post("/clean", json={"html": ARTICLE, "url": "http://[::1"}), 400, "bad_request"),
    Case("relative url", lambda c: c.post("/clean", json={"html": ARTICLE, "url": "/news/budget"}), 400, "bad_request"),
    Case(
        "ftp url", lambda c: c.post("/clean", json={"html": ARTICLE, "url": "ftp://example.com/a"}), 400, "bad_request"
    ),
    Case(
        "javascript: url",
        lambda c: c.post("/clean", json={"html": ARTICLE, "url": "javascript:alert(1)"}),
        400,
        "bad_request",
    ),
    Case(
        "javascript: url, raw HTML",
        lambda c: html_post(c, ARTICLE.encode(), url="javascript:alert(1)//https://x"),
        400,
        "bad_request",
    ),
    Case(
        "10,000-character url",
        lambda c: c.post("/clean", json={"html": ARTICLE, "url": URL + "a" * 10_000}),
        400,
        "bad_request",
    ),
    Case(
        "body over the limit",
        lambda c: html_post(c, b"<p>" + b"x" * (5 * 1024 * 1024) + b"</p>"),
        413,
        "payload_too_large",
    ),
    Case(
        "text/plain",
        lambda c: c.post("/clean", data=ARTICLE.encode(), content_type="text/plain"),
        415,
        "unsupported_media_type",
    ),
    Case("no content type", lambda c: c.post("/clean", data=ARTICLE.encode()), 415, "unsupported_media_type"),
    Case(
        "multipart",
        lambda c: c.post("/clean", data={"html": ARTICLE}, content_type="multipart/form-data"),
        415,
        "unsupported_media_type",
    ),
    Case("PNG as text/html", lambda c: html_post(c, PNG + bytes(range(256)) * 20), 400, "not_html"),
    Case("gzip as text/html", lambda c: html_post(c, gzip.compress(ARTICLE.encode())), 400, "not_html"),
    Case("NUL bytes as text/html", lambda c: html_post(c, b"\x00\x01\x02" * 500), 400, "not_html"),
    Case(
        "invalid UTF-8",
        lambda c: html_post(c, ARTICLE.encode().replace(b"Tuesday", b"Tues\xff\xc3day", 1)),
        200,
        check=_check_replaced,
    ),
    Case(
        "UTF-16 LE with BOM",
        lambda c: html_post(c, codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        200,
        check=_check_text,
    ),
    Case(
        "UTF-16 BE with BOM",
        lambda c: html_post(c, codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        200,
        check=_check_text,
    ),
    Case(
        "UTF-16 with BOM, charset=utf-16 header",
        lambda c: html_post(
            c, codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), content_type="text/html; charset=utf-16"
        ),
        200,
        check=_check_text,
    ),
    Case("windows-1251 by <meta charset>", lambda c: html_post(c, _cyrillic_page()), 200, check=_check_cyrillic),
    Case(
        "unknown charset label in the header",
        lambda c: html_post(c, ARTICLE.encode(), content_type="text/html; charset=x-no-such"),
        200,
        check=_check_text,
    ),
    # Python codecs that are no Encoding Standard label: idna and undefined raise whatever the error handler,
    # utf-7 and unicode_escape rewrite the text, rot13 and zlib_codec are no text codecs. All read as unknown.
    *(
        Case(
            f"charset={label} in the header",
            lambda c, label=label: html_post(c, ARTICLE.encode(), content_type=f"text/html; charset={label}"),
            200,
            check=_check_text,
        )
        for label in ("idna", "undefined", "utf-7", "unicode_escape", "rot13", "zlib_codec", "punycode")
    ),
    *(
        Case(
            f"<meta charset={label}> on bytes that are not UTF-8",
            lambda c, label=label: html_post(
                c, ARTICLE.replace("<head>", f'<head><meta charset="{label}">').encode().replace(b"day", b"d\xffy", 1)
            ),
            200,
            check=_check_replaced,
        )
        for label in ("idna", "undefined", "utf-7", "unicode_escape", "rot13", "base64_codec", "punycode")
    ),
    Case(
        "charset=iso-2022-kr in the header, a label of the replacement encoding",
        lambda c: html_post(c, ARTICLE.encode(), content_type="text/html; charset=iso-2022-kr"),
        200,
        check=_check_text,
    ),
    Case(
        "lone surrogates and controls in JSON",
        lambda c: c.post(
            "/clean",
            data=json.dumps({"html": ARTICLE.replace("Tuesday", "Tue\ud800\x01\x0bsday"), "url": URL}).encode(),
            content_type="application/json",
        ),
        200,
        check=_check_text,
    ),
    Case("50,000 nested <div>s", lambda c: html_post(c, _nested(50_000)), 422, "page_too_complex"),
    Case(
        "200,000 sibling elements",
        lambda c: html_post(
            c, f"<html><body><article>{PARAGRAPH * 5}{'<i>x</i>' * 200_000}</article></body></html>".encode()
        ),
        422,
        "page_too_complex",
    ),
    Case(
        "one tag with 500,000 attributes",
        lambda c: html_post(
            c,
            (
                "<html><body><p "
                + " ".join(f"a{i}" for i in range(500_000))
                + ">"
                + SENTENCE * 10
                + "</p></body></html>"
            ).encode(),
        ),
        422,
        "page_too_complex",
    ),
    Case(
        "<frameset> page",
        lambda c: html_post(
            c, b"<html><frameset cols='50%,50%'><frame src='a.html'><frame src='javascript:alert(1)'></frameset></html>"
        ),
        422,
        "no_article",
    ),
    Case(
        "<frameset> page with <noframes> text",
        lambda c: html_post(
            c,
            f"<html><frameset><frame src='a.html'><noframes><body>{PARAGRAPH * 5}</body>"
            f"</noframes></frameset></html>".encode(),
        ),
        422,
        "no_article",
    ),
    Case(
        "SVG-only page",
        lambda c: html_post(
            c,
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><text>A chart</text>"
            b"<script>alert(2)</script></svg>",
        ),
        422,
        "no_article",
    ),
    Case("text-only page", lambda c: html_post(c, (SENTENCE * 20).encode()), 200, check=_check_text),
    Case(
        "page without an article",
        lambda c: html_post(
            c,
            b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            b"<footer>(c) 2026</footer></body></html>",
        ),
        422,
        "no_article",
    ),
    Case("only end tags", lambda c: html_post(c, b"</iframe></option>"), 400, "bad_request"),
    Case(
        "bad format parameter",
        lambda c: c.post("/clean?format=xml", json={"html": ARTICLE, "url": URL}),
        400,
        "bad_request",
    ),
    Case(
        "form-encoded (a cross-site form needs no preflight)",
        lambda c: c.post("/clean", data={"html": ARTICLE, "url": URL}),
        415,
        "unsupported_media_type",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(client: FlaskClient, case: Case):
    started = time.monotonic()
    response = case.send(client)
    assert response.status_code == case.status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    data = response.get_json()
    if case.code:
        assert data["error"]["code"] == case.code
        assert isinstance(data["error"]["message"], str) and data["error"]["message"]
    if case.check:
        case.check(data)
    if response.status_code == 200:
        assert fragment_violations(data["html"]) == []
    assert time.monotonic() - started < 20
    assert_alive(client)


# --- limits -----------------------------------------------------------------------------------------


class _Untouchable(io.RawIOBase):
    """A request body that fails the test if anyone reads it."""

    reads = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        type(self).reads += 1
        raise AssertionError("the body was read")


@pytest.mark.parametrize(
    ("content_type", "status"),
    [("text/html", "413"), ("application/json", "413"), ("application/x-www-form-urlencoded", "415")],
)
def test_a_huge_content_length_is_refused_without_reading_the_body(client: FlaskClient, content_type: str, status: str):
    _Untouchable.reads = 0
    environ = EnvironBuilder(
        path="/clean", method="POST", query_string={"url": URL}, content_type=content_type, data=b""
    ).get_environ()
    environ.update({"wsgi.input": _Untouchable(), "CONTENT_LENGTH": str(50 * 1024**3)})
    body, answer, _headers = run_wsgi_app(client.application, environ, buffered=True)
    assert answer.startswith(status)
    assert json.loads(b"".join(body))["error"]["code"] in ("payload_too_large", "unsupported_media_type")
    assert _Untouchable.reads == 0
    assert_alive(client)


def test_a_five_megabyte_text_node_with_the_limit_raised():
    client = create_app({"SETTINGS": Settings(max_body_bytes=6 * 1024 * 1024)}).test_client()
    words = "budget " * (5 * 1024 * 1024 // 7)
    response = html_post(client, f"<html><body><article><p>{words}</p></article></body></html>".encode())
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    data = response.get_json()
    assert data["word_count"] == len(words.split())
    assert_alive(client)


def test_the_element_cap_is_configurable():
    client = create_app({"SETTINGS": Settings(max_elements=100)}).test_client()
    small = f"<html><body><article>{PARAGRAPH * 5}</article></body></html>"
    assert html_post(client, small.encode()).status_code == 200
    big = f"<html><body><article>{PARAGRAPH * 5}{'<i>x</i>' * 100}</article></body></html>"
    response = html_post(client, big.encode())
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "page_too_complex"
    assert "100" in response.get_json()["error"]["message"]


def test_the_time_cap_is_configurable():
    client = create_app({"SETTINGS": Settings(max_seconds=1e-6)}).test_client()
    response = client.post("/clean", json={"html": ARTICLE, "url": URL})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "page_too_complex" and "s to process" in error["message"]


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DECLUTTER_MAX_BODY_BYTES", "1000")
    monkeypatch.setenv("DECLUTTER_MAX_ELEMENTS", "50")
    monkeypatch.setenv("DECLUTTER_MAX_SECONDS", "2.5")
    settings = Settings.from_env()
    assert (settings.max_body_bytes, settings.max_elements, settings.max_seconds) == (1000, 50, 2.5)
    client = create_app({"SETTINGS": settings}).test_client()
    assert html_post(client, b"<p>" + b"x" * 2000 + b"</p>").status_code == 413


def test_the_depth_cap_is_exact():
    """html, body and the paragraphs are three levels: MAX_DEPTH - 3 nested divs pass, one more is refused."""
    client = create_app().test_client()
    assert html_post(client, _nested(MAX_DEPTH - 3)).status_code == 200
    response = html_post(client, _nested(MAX_DEPTH - 2))
    assert response.status_code == 422 and response.get_json()["error"]["code"] == "page_too_complex"


def test_the_attribute_cap_is_exact():
    client = create_app().test_client()

    def page(count: int) -> bytes:
        attributes = " ".join(f"data-a{i}='{i}'" for i in range(count))
        body = f"<article><p {attributes}>{SENTENCE * 3}</p>{PARAGRAPH * 4}</article>"
        return f"<html><body>{body}</body></html>".encode()

    assert html_post(client, page(MAX_ATTRIBUTES)).status_code == 200
    assert html_post(client, page(MAX_ATTRIBUTES + 1)).get_json()["error"]["code"] == "page_too_complex"


def _tag(count: int, name: str = "p") -> str:
    return f"<{name} " + " ".join(f"a{i}=x" for i in range(count)) + ">"


@pytest.mark.parametrize(
    "document",
    [
        # Hidden from a naive scanner by quoting '>' and '<' inside values, by comments, by raw text that ends.
        "<p " + " ".join(f'a{i}="<>"' for i in range(MAX_ATTRIBUTES + 1)) + ">",
        "<p " + "".join(f"a{i}='>'" for i in range(MAX_ATTRIBUTES + 1)) + ">",
        "<!-- x --!>" + _tag(MAX_ATTRIBUTES + 1),
        "<!-->" + _tag(MAX_ATTRIBUTES + 1) + "-->",
        "<script>a = '</script>" + _tag(MAX_ATTRIBUTES + 1) + "'</script>",
        '<script><!--<script></script><b a="</script>' + _tag(MAX_ATTRIBUTES + 1) + '">',
        "<style></style >" + _tag(MAX_ATTRIBUTES + 1),
        "<script/>" + _tag(MAX_ATTRIBUTES + 1),
        "<noscript>" + _tag(MAX_ATTRIBUTES + 1) + "</noscript>",
        "<textarea></TEXTAREA>" + _tag(MAX_ATTRIBUTES + 1),
        "</p " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 1)) + ">",
    ],
)
def test_the_attribute_scanner_sees_through_evasions(document: str):
    with pytest.raises(TooComplex):
        check_attributes(document)


@pytest.mark.parametrize(
    "document",
    [
        "<script>var s = '" + _tag(MAX_ATTRIBUTES + 1) + "';</script>",
        "<!-- " + _tag(MAX_ATTRIBUTES + 1) + " -->",
        "<textarea>" + _tag(MAX_ATTRIBUTES + 1) + "</textarea>",
        "<script><!--<script>" + _tag(MAX_ATTRIBUTES + 1) + "</script>--></script>",
        "<plaintext>" + _tag(MAX_ATTRIBUTES + 1),
    ],
)
def test_the_attribute_scanner_skips_what_is_not_markup(document: str):
    check_attributes(document)


def test_raw_text_elements_match_libxml2():
    """The scanner's raw-text list must be exactly the elements whose content libxml2 keeps as text."""
    parser = html.HTMLParser(recover=True)
    candidates = {*RAWTEXT_TAGS, "noscript", "template", "div", "svg", "math", "object", "select", "option", "pre"}
    raw = set()
    for name in candidates:
        root = html.document_fromstring(f"<body><{name}><b a=1>x</b></{name}></body>", parser=parser)
        if not root.xpath("//b"):
            raw.add(name)
    assert raw == set(RAWTEXT_TAGS)


@pytest.mark.slow
def test_the_attribute_check_passes_real_pages_and_stops_a_hostile_one():
    # Its cost is measured with the parse stage by bench/speed.py; here only what it decides, plus a guard
    # against it hanging (a quadratic scan of this input would run for minutes).
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "readability-test-pages"
    for page in sorted(corpus.glob("*/source.html")):
        check_attributes(page.read_text(encoding="utf-8", errors="replace"))
    hostile = "<a <a <a " * 500_000
    started = time.perf_counter()
    with pytest.raises(TooComplex):
        check_attributes(hostile)
    assert time.perf_counter() - started < 20


# --- XXE ---------------------------------------------------------------------------------------------


def test_external_entities_are_never_read(client: FlaskClient, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    marker = "SECRET-MARKER-7f3a9c"
    secret.write_text(marker)
    uri = secret.as_uri()
    pages = [
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}">]><html><body><article>'
        f"{PARAGRAPH * 5}<p>&xxe;</p></article></body></html>",
        f'<!DOCTYPE html SYSTEM "{uri}"><html><body><article>{PARAGRAPH * 5}</article></body></html>',
        f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{uri}"> %p;]><html><body><article>{PARAGRAPH * 5}</article></body>'
        "</html>",
        f'<html><body><article>{PARAGRAPH * 5}<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" '
        'parse="text"/></article></body></html>',
    ]
    for page in pages:
        for response in (
            client.post("/clean", json={"html": page, "url": URL}),
            client.post("/clean?format=html", json={"html": page, "url": URL}),
            html_post(client, page.encode()),
        ):
            assert response.status_code == 200, response.get_data(as_text=True)[:300]
            assert marker not in response.get_data(as_text=True)
    assert_alive(client)


# --- a real gunicorn ---------------------------------------------------------------------------------


def _post(base: str, path: str, body: bytes, content_type: str, headers: dict | None = None) -> tuple[int, dict]:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        connection.request("POST", path, body=body, headers={"Content-Type": content_type, **(headers or {})})
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


def _huge_content_length(base: str) -> int:
    """Announce 50 GB, send a few bytes, and expect an answer at once."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.putrequest("POST", f"/clean?url={URL}")
        connection.putheader("Content-Type", "text/html")
        connection.putheader("Content-Length", str(50 * 1024**3))
        connection.endheaders(b"<html>")
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.slow
def test_real_gunicorn_survives_the_nastiest_cases(tmp_path: Path):
    from bench.load import serve

    nasty = [
        ("/clean?url=" + URL, _nested(50_000), "text/html", 422),
        ("/clean?url=" + URL, ("<p " + " ".join(f"a{i}" for i in range(500_000)) + ">").encode(), "text/html", 422),
        ("/clean?url=" + URL, f"<html><body>{'<i>x</i>' * 200_000}</body></html>".encode(), "text/html", 422),
        ("/clean?url=" + URL, PNG * 1000, "text/html", 400),
        ("/clean", b"[" * 200_000 + b"]" * 200_000, "application/json", 400),
        # Allowed by every static cap but slow: the time cap (1 s here) answers, the worker lives on.
        (
            "/clean?url=" + URL,
            (
                "<html><body>"
                + "<div>" * 200
                + "<p>Council met on roads.</p>" * 40_000
                + "</div>" * 200
                + "</body></html>"
            ).encode(),
            "text/html",
            422,
        ),
    ]
    env = {"WEB_CONCURRENCY": "1", "DECLUTTER_MAX_SECONDS": "1", "GUNICORN_TIMEOUT": "30"}
    with serve(env=env, log=tmp_path / "gunicorn.log") as server:
        workers = server.worker_pids()
        assert len(workers) == 1
        for path, body, content_type, status in nasty:
            started = time.monotonic()
            got, data = _post(server.url, path, body, content_type)
            assert got == status, (path, body[:80], data)
            assert "error" in data
            assert time.monotonic() - started < 25  # well inside the gunicorn timeout
            assert (
                _post(server.url, "/clean", json.dumps({"html": ARTICLE, "url": URL}).encode(), "application/json")[0]
                == 200
            )
        assert _huge_content_length(server.url) == 413
        with urllib.request.urlopen(f"{server.url}/healthz", timeout=5) as response:
            assert response.status == 200
        assert server.worker_pids() == workers, "a worker was killed and replaced"
    log = (tmp_path / "gunicorn.log").read_text()
    assert "WORKER TIMEOUT" not in log and "Traceback" not in log


# --- forged highlights -------------------------------------------------------------------------------


def test_a_page_cannot_forge_highlights(client: FlaskClient):
    """The page's own highlight markup goes in tidy: only the highlight stage writes attr-* classes and data-attr."""
    forged = (
        '<p>Officials met. <mark class="attr-source" data-attr="a1" id="attr-a1">Mayor Reed</mark> '
        '<span class="attr-cue" data-attr="a1">announced</span> '
        '<span class="attr-content" data-attr="a1">a forged statement the reader would trust</span>.</p>'
    )
    quote = '<p>"We will rebuild the bridge by spring," said Mayor Anna Reed at the council meeting on Tuesday.</p>'
    page = ARTICLE.replace("<article>", f"<article>{forged}{quote}")
    data = client.post("/clean", json={"html": page, "url": URL}).get_json()
    tree = html.fragment_fromstring(data["html"], create_parent="div")
    parts = {a["id"]: " ".join(filter(None, (a["source"], a["cue"], a["content"]))) for a in data["attributions"]}
    assert parts, "the real quote is found"
    marked = tree.xpath("//*[@data-attr or contains(@class, 'attr-')]")
    assert marked
    for element in marked:
        assert element.text_content() in parts[element.get("data-attr")], element.text_content()
    assert "a forged statement the reader would trust" in data["text"]


# --- pages that cost time, sent concurrently to a real gunicorn -----------------------------------------


def _page(body: str = "", head: str = "") -> bytes:
    article = f"<h1>Budget</h1><article>{PARAGRAPH * 5}{body}</article>"
    return f"<html><head><title>Budget</title>{head}</head><body>{article}</body></html>".encode()


# Each found by trying the service as an attacker would; each once held a worker for 18 s to hours.
COSTLY = [
    ("ad label, then 60,000 spaces", "/clean", _page("<p>advertisement" + " " * 60_000 + "x</p>")),
    ("meta property of 50,000 spaces", "/clean", _page(head='<meta property="' + " " * 50_000 + '" content="x">')),
    ("meta author of 50,000 spaces", "/clean", _page(head='<meta name="author" content="' + " " * 50_000 + 'x">')),
    ("99,000 links", "/clean", _page("".join(f'<a href="/a{i}">l{i}</a>' for i in range(99_000)))),
    ("60,000 metas", "/clean", _page(head="".join(f'<meta name="m{i}" content="v{i}">' for i in range(60_000)))),
    (
        "60,000 lazy images",
        "/clean",
        _page(
            "".join(
                f'<img data-src="/i{i}.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' for i in range(60_000)
            )
        ),
    ),
    (
        "50,000 dates after the headline",
        "/clean",
        _page("".join(f"<span>March {i % 28 + 1}, 2020</span>" for i in range(50_000))),
    ),
    ("20,000 short quotes", "/clean", _page("<p>" + " ".join(f'"Yes{i}," he said.' for i in range(20_000)) + "</p>")),
    ("30,000 colon cues", "/clean", _page("<p>" + " ".join(f'Smith: "ok {i}."' for i in range(30_000)) + "</p>")),
    (
        "20,000 one-word speakers",
        "/clean",
        _page("<p>" + " ".join(f'"Fine," said Nm{i:x}q.' for i in range(20_000)) + "</p>"),
    ),
    (
        "a site rule's '.*' pattern over a long text node",
        "/clean?url=https://timesofindia.indiatimes.com/a",
        _page("<i>chance to win " + "x " * 1_000_000 + "</i>"),
    ),
    ("/attributions, 1 MB of quotes", "/attributions", json.dumps({"text": '"Yes," he said. ' * 60_000}).encode()),
    (
        "/attributions, 1 MB of spaces and cues",
        "/attributions",
        json.dumps({"text": "said " + " " * 1_000_000 + "that"}).encode(),
    ),
]


def _timed_post(base: str, path: str, body: bytes) -> tuple[int, float]:
    started = time.monotonic()
    if path.startswith("/attributions"):
        status, _ = _post(base, path, body, "application/json")
    else:
        target = path if "?" in path else f"{path}?url={URL}"
        status, _ = _post(base, target, body, "text/html")
    return status, time.monotonic() - started


@pytest.mark.slow
def test_real_gunicorn_answers_costly_pages_within_the_cap(tmp_path: Path):
    """Sent two at a time to `make serve`'s gunicorn (2 workers): each answered 200 or 422 within the cap plus
    a second, no worker killed, and /healthz answering within a second throughout."""
    from concurrent.futures import ThreadPoolExecutor

    from bench.load import serve

    cap = 2.0
    env = {"WEB_CONCURRENCY": "2", "DECLUTTER_MAX_SECONDS": str(cap), "GUNICORN_TIMEOUT": "30"}
    with serve(env=env, log=tmp_path / "gunicorn.log") as server:
        deadline = time.monotonic() + 30
        while len(server.worker_pids()) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)  # one worker answers /healthz while the other is still booting
        workers = server.worker_pids()
        assert len(workers) == 2
        health: list[float] = []
        done = threading.Event()

        def poll_health() -> None:
            while not done.is_set():
                started = time.monotonic()
                try:
                    with urllib.request.urlopen(f"{server.url}/healthz", timeout=5) as response:
                        assert response.status == 200
                    health.append(time.monotonic() - started)
                except OSError:
                    health.append(float("inf"))
                time.sleep(0.1)

        poller = threading.Thread(target=poll_health, daemon=True)
        poller.start()
        try:
            with ThreadPoolExecutor(max_workers=2) as pool:
                answers = list(pool.map(lambda case: _timed_post(server.url, case[1], case[2]), COSTLY))
        finally:
            done.set()
            poller.join()
        served = (tmp_path / "gunicorn.log").read_text()[-6000:]  # each request's line: its stage and total times
        for (name, _, _), (status, seconds) in zip(COSTLY, answers, strict=True):
            assert status in (200, 422), (name, status)
            assert seconds < cap + 1, f"{name}: answered after {seconds:.1f} s; the service's log:\n{served}"
        assert health and max(health) < 1, f"/healthz took up to {max(health):.2f} s"
        assert server.worker_pids() == workers, "a worker was killed and replaced"
    log = (tmp_path / "gunicorn.log").read_text()
    assert "WORKER TIMEOUT" not in log and "Traceback" not in log


def test_a_text_of_thousands_of_quotes_keeps_the_first_thousand_attributions():
    from server.attributions import MAX_ATTRIBUTIONS, find_attributions

    text = " ".join(f'"Yes{i}," he said.' for i in range(MAX_ATTRIBUTIONS + 500))
    found = find_attributions(text)
    assert len(found) == MAX_ATTRIBUTIONS
    assert found[-1].content == f'"Yes{MAX_ATTRIBUTIONS - 1},"'


def test_highlighting_one_text_node_of_many_quotes_checks_the_deadline_within_it():
    """One paragraph of a thousand quotes is one text node: the cap must be able to stop its wrapping midway."""
    from server.attributions import find_attributions
    from server.highlight import PIECES_PER_CHECK, highlight
    from server.limits import Deadline
    from server.plaintext import to_plain_text

    class CountingDeadline(Deadline):
        calls = 0

        def check(self) -> None:
            CountingDeadline.calls += 1

    article = html.fromstring("<div><p>" + " ".join(f'"Yes{i}," he said.' for i in range(1_000)) + "</p></div>")
    plain = to_plain_text(article)
    attributions = find_attributions(plain.text)
    highlight(plain, attributions, CountingDeadline(0))
    pieces = 3 * len(attributions)  # source, cue and content of each
    assert CountingDeadline.calls >= len(attributions) + pieces // PIECES_PER_CHECK


def test_the_deadline_stretch_tool_names_where_the_longest_stretch_lies(capsys):
    from bench.deadline_gaps import main

    assert main(["meta author of 50,000 spaces"]) == 0
    out = capsys.readouterr().out
    assert "== meta author of 50,000 spaces:" in out and "longest stretch" in out and "deadline.check()" in out
