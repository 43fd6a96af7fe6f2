"""JSON out: one line per input from the CLI whatever the page holds, and the service's JSON the same bytes
whatever the client.

str.splitlines(), and JavaScript before ES2019 in a string literal, break lines on more than "\\n": U+2028, U+2029,
NEL and a few C0 controls. A page may carry them (they survive into the article's html field), so the JSON must
carry them as \\u escapes.
"""

from __future__ import annotations

import json
import re

import pytest

from server.cli import main
from tests.conftest import article_page

URL = "https://news.example.com/2026/11/council-budget"
# What str.splitlines() breaks on besides "\n" and "\r".
LINE_BREAKERS = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
SEPARATED = (
    "<p>The clerk's note ran on\u2028after a line separator, then\u2029a paragraph separator, then a next-line"
    "\x85mark, said the clerk to the press on Tuesday evening after the long meeting ended.</p>"
)


@pytest.fixture
def separated_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(extra=SEPARATED), encoding="utf-8")
    return path


def test_cli_json_lines_escape_line_separators(separated_page, tmp_path, capsys):
    assert main(["clean", str(separated_page), str(separated_page), "--url", URL, "--format", "json"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    assert not any(breaker in out for breaker in LINE_BREAKERS)
    assert "\\u2028" in lines[0] and "\\u2029" in lines[0] and "\\u0085" in lines[0]
    records = [json.loads(line) for line in lines]
    assert "\u2028" in records[0]["html"] and "\u2029" in records[0]["html"]  # carried, as escapes
    assert records[0] == records[1] | {"timings_ms": records[0]["timings_ms"]}


def test_cli_attribution_lines_escape_line_separators(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(
        "\u201cThe roads come first,\u2028and then\u2029the schools,\u201d said Maria Lopez, the finance chair.\n",
        encoding="utf-8",
    )
    assert main(["attributions", str(path), str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2 and not any(breaker in out for breaker in LINE_BREAKERS)
    found = json.loads(lines[0])["attributions"]
    assert found and "\u2028" in found[0]["content"]


# Headers a client may send that must not change a byte of the JSON (the Origin ones are allowed by default).
CLIENT_HEADERS = [
    {},
    {"Accept": "application/json"},
    {"Accept": "*/*"},
    {"Accept": "application/json, text/html;q=0.5, text/markdown;q=0.4"},
    {"Accept": "application/json; charset=latin-1"},
    {"Accept-Charset": "iso-8859-1"},
    {"Accept-Language": "fr-FR"},
    {"User-Agent": "curl/8.11.1"},
    {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"},
    {"Origin": "chrome-extension://abcdefghijklmnopabcdefghijklmnop"},
    {"Origin": "moz-extension://4b2f1c52-8f9e-4f0e-9d8b-1f0a2b3c4d5e"},
    {"X-Requested-With": "XMLHttpRequest"},
]
# The per-request stage times are the one part of the answer that is not the page's.
_TIMINGS_RE = re.compile(rb'"timings_ms":\{[^{}]*\}')


def test_service_json_is_the_same_bytes_whatever_the_client(client):
    payload = {"html": article_page(extra=SEPARATED), "url": URL}
    bodies = set()
    for headers in CLIENT_HEADERS:
        response = client.post("/clean", json=payload, headers=headers)
        assert response.status_code == 200 and response.mimetype == "application/json", headers
        body = response.get_data()
        assert len(_TIMINGS_RE.findall(body)) == 1
        bodies.add(_TIMINGS_RE.sub(b'"timings_ms":{}', body))
    response = client.post("/clean?format=json", json=payload, headers={"Accept": "text/markdown"})
    bodies.add(_TIMINGS_RE.sub(b'"timings_ms":{}', response.get_data()))
    assert len(bodies) == 1
    (body,) = bodies
    assert body.isascii() and b"\\u2028" in body and b"\\u2029" in body and b"\\u0085" in body
    assert len(body.decode().splitlines()) == 1
    assert "\u2028" in json.loads(body)["html"]
