"""What the extension sends: the captured page without script and style bodies (JSON-LD kept), gzip-compressed.

The extension is pointed at a recording relay in front of the real service: the relay keeps each request as it
arrived and passes it on unchanged, so the service's answer (and the reader) are the real ones.
"""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field

import lxml.html
import pytest
from harness import CORPUS, SITES, artifact, open_in_reader, seed_page

pytestmark = pytest.mark.browser

# Headers the relay sets itself.
HOP_HEADERS = {"host", "content-length", "connection", "keep-alive", "transfer-encoding"}
# The pages the browser tests open, and the corpus's largest real pages with scripts, styles and JSON-LD.
CORPUS_PAGES = ["seattletimes-1", "wapo-1", "rtl-1", "nytimes-5", "guardian-1", "yahoo-2", "breitbart", "msn"]


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Relay:
    url: str
    seen: list[Recorded] = field(default_factory=list)

    def cleans(self) -> list[Recorded]:
        return [r for r in self.seen if r.path.startswith("/clean")]


def relay_handler(target: str, relay: Relay) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def forward(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            relay.seen.append(Recorded(self.path, dict(self.headers), body))
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
            request = urllib.request.Request(
                target + self.path, data=body or None, method=self.command, headers=headers
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:
                    status, answer_headers, data = answer.status, answer.headers, answer.read()
            except urllib.error.HTTPError as error:
                status, answer_headers, data = error.code, error.headers, error.read()
            self.send_response(status)
            self.send_header("Content-Type", answer_headers.get("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = forward

        def log_message(self, format, *args):
            pass

    return Handler


@pytest.fixture(scope="module")
def relay(service):
    recorder = Relay(url="")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), relay_handler(service.url, recorder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    recorder.url = f"http://127.0.0.1:{server.server_port}"
    yield recorder
    server.shutdown()
    server.server_close()


@pytest.fixture
def relayed(ext, relay, service):
    """The extension, talking to the service through the relay."""
    ext.storage("async (s) => chrome.storage.local.set({service: s})", {"url": relay.url, "token": service.token})
    relay.seen.clear()
    return ext


def sent_page(recorded: Recorded) -> tuple[dict, lxml.html.HtmlElement]:
    """The JSON the extension sent, inflated, and its page parsed."""
    payload = json.loads(gzip.decompress(recorded.body))
    return payload, lxml.html.document_fromstring(payload["html"])


# The baseline: the whole rendered page as plain JSON (no trimming, no gzip), and that body gzip-compressed.
WHOLE_PAGE_BODY = """async url => {
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\\n` : "";
    const html = doctype + document.documentElement.outerHTML;
    const body = new Blob([JSON.stringify({ html, url, options: {} })]);
    const packed = new Response(body.stream().pipeThrough(new CompressionStream("gzip")));
    return [body.size, (await packed.arrayBuffer()).byteLength];
}"""


def test_the_service_gets_a_gzip_body_without_script_bodies_but_with_json_ld(relayed, relay, web):
    original, reader = open_in_reader(relayed, web.local("/pages/heavy.html"))
    assert reader.locator("body.dc-ready").count() == 1, reader.text_content("#dc-status")
    [recorded] = relay.cleans()
    assert recorded.headers["Content-Encoding"] == "gzip"
    assert recorded.headers["Content-Type"] == "application/json"
    assert recorded.body[:2] == b"\x1f\x8b"
    payload, page = sent_page(recorded)
    assert payload["url"] == original.url

    # The page as rendered: the script's paragraph is there; every script and style body is gone but JSON-LD's.
    assert "Added by script" in page.text_content()
    scripts = page.xpath("//script")
    assert len(scripts) == 5  # JSON-LD, analytics, app state, hydration, and the template's
    json_ld = [s for s in scripts if s.get("type") == "application/ld+json"]
    assert len(json_ld) == 1
    assert json.loads(json_ld[0].text)["author"]["name"] == "Elin Haraldsen"
    assert all(not (s.text or "").strip() for s in scripts if s not in json_ld)
    assert page.xpath("//style") and all(not (s.text or "").strip() for s in page.xpath("//style"))
    assert "__APP_STATE__" in payload["html"]  # the elements stay, only their bodies go
    # A template's content too (lxml parses it as ordinary children).
    assert page.xpath("//template//form") and not page.xpath("//template//*[self::script or self::style]/text()")

    # The service read the JSON-LD: the byline and date are only there.
    key = "job:" + reader.url.split("#", 1)[1]
    result = relayed.storage("async (key) => (await chrome.storage.session.get(key))[key]", key)["result"]
    assert result["byline"] == "Elin Haraldsen"
    assert result["published"].startswith("2026-03-14")
    assert "Added by script" in reader.inner_text("#dc-content")

    # The live page kept its scripts' and styles' text, and the rules its script inserted.
    assert original.evaluate("document.getElementById('__APP_STATE__').textContent.length") > 100_000
    assert original.evaluate("document.querySelector('style').textContent.includes('.teaser')")
    footer_border = original.evaluate("getComputedStyle(document.querySelector('.site-footer')).borderTopWidth")
    assert footer_border == "7px"


def measured_pages(web) -> list[tuple[str, str]]:
    pages = [
        ("pages/scripted.html", web.local("/pages/scripted.html")),
        ("pages/heavy.html", web.local("/pages/heavy.html")),
    ]
    for site, host, marker in (
        ("kyivindependent.com", "www.kyivindependent.com", "Russian Foreign Ministry"),
        ("theweek.com", "theweek.com", "Stoltenberg"),
    ):
        path = seed_page(site, marker)
        if path:
            pages.append((f"sites/{site}", web.seed(host, "/" + path.relative_to(SITES / site).as_posix())))
    for slug in CORPUS_PAGES:
        if not (CORPUS / slug).is_dir():
            pytest.fail(f"corpus page {CORPUS / slug} is missing (../shared must be beside the project)")
        pages.append((f"corpus/{slug}", web.local(f"/corpus/{slug}/source.html")))
    return pages


def test_bytes_sent_for_the_browser_test_pages_before_and_after(relayed, relay, web):
    """Before: the whole rendered page in plain JSON (the untrimmed, uncompressed baseline). After: what it sends."""
    rows = []
    for name, url in measured_pages(web):
        relay.seen.clear()
        original, reader = open_in_reader(relayed, url)
        [recorded] = relay.cleans()
        before, gzip_only = original.evaluate(WHOLE_PAGE_BODY, original.url)
        stripped = len(gzip.decompress(recorded.body))
        rows.append(
            {"page": name, "before": before, "gzip_only": gzip_only, "stripped": stripped, "sent": len(recorded.body)}
        )
        _, page = sent_page(recorded)
        assert all(
            not (s.text or "").strip() for s in page.xpath("//script[not(@type='application/ld+json')] | //style")
        ), name
        # (The copy sent may be a few bytes longer where it marks hidden elements.)
        assert len(recorded.body) < before, rows[-1]
        for handle in (original, reader):
            handle.close()
    keys = ("before", "gzip_only", "stripped", "sent")
    total = {key: sum(row[key] for row in rows) for key in keys}
    lines = [f"{'page':<28}{'before':>11}{'gzip only':>11}{'no scripts':>11}{'sent':>11}{'ratio':>8}"]
    for row in [*rows, {"page": "total", **total}]:
        sizes = "".join(f"{row[key]:>11,}" for key in keys)
        lines.append(f"{row['page']:<28}{sizes}{row['before'] / row['sent']:>7.1f}x")
    print("\n" + "\n".join(lines))
    artifact("capture-bytes.json").write_text(json.dumps({"pages": rows, "total": total}, indent=2) + "\n")
    # Gzip alone packs a page about four to one; dropping script and style bodies first does better still.
    assert total["sent"] * 5 < total["before"], lines
    assert total["sent"] < total["gzip_only"], lines
