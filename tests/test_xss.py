"""XSS: DOMPurify's 223 attack payloads through /clean, checked structurally and executed in Chromium
and Firefox.

Each payload goes in three places: between an article's paragraphs, inside a paragraph, and as the
whole page. Every 200 output (the JSON fragment and the standalone reading page) must be free of
script-capable markup when parsed (lxml here, each browser's own DOM in the browser tests), and must run
nothing in headless Chromium and headless Firefox ESR with alert/confirm/prompt/print and navigation
hooked. The two engines parse differently and the extension ships for both, so every browser test runs
in each (test ids end in [chromium] or [firefox]): Chromium through Playwright, Firefox over WebDriver
BiDi through tests/browser/firefox_xss.mjs (Playwright cannot drive a stock Firefox).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import queue
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from lxml import html

from server.web.app import create_app
from server.web.render import content_security_policy

VECTORS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "xss-vectors" / "dompurify-expect.json"
CHROMIUM = Path("/usr/bin/chromium")
URL = "https://news.example.com/2026/11/council-budget"

# Elements that can run script, load active content, change the document's base or submit data.
FORBIDDEN_TAGS = frozenset(
    {
        "script",
        "iframe",
        "object",
        "embed",
        "frame",
        "frameset",
        "applet",
        "base",
        "link",
        "style",
        "form",
        "meta",
        "svg",
        "math",
        "template",
        "portal",
        "noscript",
        "input",
        "button",
        "textarea",
        "select",
        "isindex",
        "xmp",
        "plaintext",
        "noembed",
        "noframes",
        "param",
        "video",
        "audio",
        "source",
        "track",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "srcset",
        "xlink:href",
        "poster",
        "background",
        "cite",
        "data",
        "codebase",
        "lowsrc",
        "dynsrc",
        "ping",
        "longdesc",
        "manifest",
        "icon",
        "itemtype",
    }
)
# Inline images, acceptable only as an <img> source: an image element decodes them as images (an SVG
# loaded that way runs no script). Anywhere else, in a link for one, any data: URL is dangerous.
SAFE_DATA_URL = re.compile(r"data:image/(?:png|gif|jpeg|jpg|webp|avif|svg\+xml)[;,]")
# What a browser ignores inside a URL scheme: leading C0 controls and spaces, tabs and newlines anywhere.
_URL_JUNK = re.compile(r"[\x00-\x20]+")
_BAD_STYLE = re.compile(r"expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding|url\s*\(", re.I)
ARTICLE_PARAGRAPHS = [
    "The city council approved the new budget for schools and roads on Tuesday evening after a long debate "
    "that ran well past midnight, according to officials who attended the session.",
    "Members argued over the cost of repairs to the old bridge, which engineers have warned could need to be "
    "closed within two years if nothing is done about the corroded supports underneath it.",
    "The mayor said the plan would raise spending on public transport by a fifth and hire forty new teachers "
    "for the primary schools in the northern districts of the city next autumn.",
    "Opposition members said the budget relied on optimistic forecasts of tax income and warned that the "
    "council might have to cut services next year if the local economy slowed down.",
    "Residents who spoke at the public hearing asked for more street lighting, safer crossings near schools "
    "and a faster timetable for the long promised repairs of the central library building.",
]


# --- structural checks (shared with tests/test_properties.py and tests/test_hostile.py) --------------


def url_is_dangerous(value: str, image_source: bool = False) -> bool:
    """True for javascript:, vbscript: and data: URLs, as a browser reads them, except data: images where
    image_source (an <img> src or srcset)."""
    squeezed = _URL_JUNK.sub("", value).lower()
    if squeezed.startswith(("javascript:", "vbscript:", "livescript:", "mocha:", "jar:")):
        return True
    return squeezed.startswith("data:") and not (image_source and SAFE_DATA_URL.match(squeezed))


def element_violations(element: html.HtmlElement) -> list[str]:
    """What is wrong with one element: a forbidden tag, an event handler, a dangerous URL or style."""
    tag = element.tag if isinstance(element.tag, str) else "#comment"
    if tag == "#comment":
        return []
    problems = []
    name = tag.split("}")[-1].lower()
    if name in FORBIDDEN_TAGS:
        problems.append(f"<{name}> element")
    for attribute, value in element.attrib.items():
        attribute = attribute.lower()
        if attribute.split("}")[-1].startswith("on"):
            problems.append(f"<{name} {attribute}> event handler")
        if attribute in ("formaction", "action", "http-equiv"):
            problems.append(f"<{name} {attribute}> attribute")
        if attribute in URL_ATTRIBUTES or attribute.endswith("}href"):
            urls = [c.strip().split(" ")[0] for c in value.split(",")] if attribute == "srcset" else [value]
            image_source = name == "img" and attribute in ("src", "srcset")
            if any(url_is_dangerous(url, image_source) for url in urls):
                problems.append(f"<{name} {attribute}={value[:60]!r}> dangerous URL")
        if attribute == "style" and _BAD_STYLE.search(value):
            problems.append(f"<{name} style={value[:60]!r}> active style")
    return problems


def fragment_violations(fragment: str) -> list[str]:
    """Every violation in an HTML fragment, as lxml parses it."""
    if not fragment.strip():
        return []
    container = html.fragment_fromstring(fragment, create_parent="div")
    problems = []
    for element in container.iter():
        if element is not container:
            problems.extend(element_violations(element))
    return problems


# Our reading page's head holds exactly these, nothing a page could inject.
_HEAD_ALLOWED = {("meta", "charset"), ("meta", "viewport"), ("meta", "referrer"), ("title", None), ("style", None)}


def page_violations(page: str) -> list[str]:
    """Every violation in a standalone reading page: its head must be ours, its body clean."""
    root = html.document_fromstring(page)
    problems = []
    head = root.find("head")
    for element in head if head is not None else []:
        key = "charset" if element.get("charset") else element.get("name")
        if (element.tag, key if element.tag == "meta" else None) not in _HEAD_ALLOWED:
            problems.append(f"unexpected <{element.tag}> in the head")
    if len(root.findall("head/style")) != 1:
        problems.append("the head must hold exactly our one stylesheet")
    body = root.find("body")
    for element in body.iter() if body is not None else []:
        problems.extend(element_violations(element))
    return problems


# --- the payloads through the service ---------------------------------------------------------------


def article_page(payload: str, where: str) -> str:
    paragraphs = [f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS]
    head = ""
    if where == "between":
        paragraphs.insert(2, payload)
        # The payload as metadata too: title, byline and site name are printed in the reading page's header.
        quoted = escape(payload, quote=True)
        head = "".join(
            f'<meta {key}="{quoted}">'
            for key in ("property='og:title' content", "name='author' content", "property='og:site_name' content")
        )
    elif where == "inside":
        paragraphs[2] = f"<p>{ARTICLE_PARAGRAPHS[2][:60]} {payload} {ARTICLE_PARAGRAPHS[2][60:]}</p>"
    else:
        return payload
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Council passes the budget</title>"
        + head
        + "</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><article>"
        "<h1>Council passes the budget</h1><p class='byline'>By Jane Doe</p>"
        + "".join(paragraphs)
        + "</article></main><footer>Copyright News Example</footer></body></html>"
    )


@dataclass
class Output:
    title: str
    where: str
    status: int
    fragment: str | None = None
    text: str | None = None
    page: str | None = None


def load_vectors() -> list[dict]:
    return json.loads(VECTORS.read_text(encoding="utf-8"))


@functools.cache
def all_outputs() -> tuple[Output, ...]:
    """Every payload in every position through /clean, as JSON and as the reading page."""
    client: FlaskClient = create_app().test_client()
    outputs = []
    for number, vector in enumerate(load_vectors()):
        for where in ("between", "inside", "whole"):
            body = {"html": article_page(vector["payload"], where), "url": URL}
            response = client.post("/clean", json=body)
            output = Output(f"#{number} {vector['title'][:50]}", where, response.status_code)
            if response.status_code == 200:
                output.fragment, output.text = response.get_json()["html"], response.get_json()["text"]
                page = client.post("/clean?format=html", json=body)
                assert page.status_code == 200
                output.page = page.get_data(as_text=True)
            else:
                # No article (422), or nothing an HTML parser can build a document from (400).
                assert response.status_code in (400, 422), (output.title, where, response.get_data(as_text=True))
            outputs.append(output)
    return tuple(outputs)


def test_the_corpus_is_complete():
    vectors = load_vectors()
    assert len(vectors) == 223
    assert sum("alert" in v["payload"] for v in vectors) == 141


@pytest.mark.slow  # all 223 payloads through the service
def test_payloads_inside_articles_are_kept_as_articles():
    """The test means something only if the article around the payload survives extraction."""
    outputs = [o for o in all_outputs() if o.where != "whole"]
    assert all(o.status == 200 for o in outputs), [o.title for o in outputs if o.status != 200]
    # Text before the payload always survives (an unclosed <style>, <svg> or <form> may swallow the rest).
    assert sum("corroded supports" in o.text for o in outputs) > len(outputs) * 0.95
    assert sum("street lighting" in o.text for o in outputs) > len(outputs) * 0.75


@pytest.mark.slow  # all 223 payloads through the service
def test_no_output_has_script_capable_markup():
    problems = []
    for output in all_outputs():
        if output.fragment is not None:
            problems += [f"{output.title} [{output.where}] fragment: {p}" for p in fragment_violations(output.fragment)]
            problems += [f"{output.title} [{output.where}] page: {p}" for p in page_violations(output.page)]
    assert not problems, "\n".join(problems[:50])


def test_the_checker_catches_what_it_must():
    """The structural check itself can fail: each of these is flagged."""
    bad = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=' java\tscript:alert(1)'>x</a>",
        "<a href='VBScript:x'>x</a>",
        "<iframe src='data:text/html,x'></iframe>",
        "<form action=/x></form>",
        "<svg onload=alert(1)></svg>",
        "<base href='//evil'>",
        "<meta http-equiv=refresh content='0;x'>",
        "<a href='data:image/svg+xml,<svg onload=alert(1)>'>x</a>",
        "<a href='data:image/png;base64,AAAA'>x</a>",
        "<img src='data:text/html,<script>alert(1)</script>'>",
        "<blockquote cite='data:image/png;base64,AAAA'>q</blockquote>",
        "<img srcset='a.png 1x, javascript:x 2x'>",
        "<link rel=stylesheet href=x>",
        "<style>*{}</style>",
        "<button formaction='javascript:x'>b</button>",
        "<math><a xlink:href='javascript:alert(1)'>x</a></math>",
        "<div style='background:url(javascript:x)'>",
    ]
    for fragment in bad:
        assert fragment_violations(fragment), fragment
    good = (
        "<p>Fine <a href='https://e.com/'>link</a> <img src='data:image/png;base64,AAAA' alt=''>"
        "<img src='data:image/svg+xml,%3Csvg%3E%3C/svg%3E' srcset='data:image/webp;base64,AA 2x'></p>"
    )
    assert fragment_violations(good) == []


def test_lead_image_and_url_fields_are_web_addresses():
    client = create_app().test_client()
    page = article_page("<p>x</p>", "between").replace(
        "<title>", "<meta property='og:image' content='javascript:alert(1)'><title>"
    )
    data = client.post("/clean", json={"html": page, "url": URL}).get_json()
    assert data["lead_image"] is None


# --- CSP ---------------------------------------------------------------------------------------------


def _policy(header: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/clean?format=html"])
def test_html_pages_send_a_strict_content_security_policy(path: str):
    client = create_app().test_client()
    if path == "/":
        response = client.get("/")
    else:
        response = client.post(path, json={"html": article_page("<p>x</p>", "between"), "url": URL})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    policy = _policy(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == "default-src 'none'"
    if path == "/":  # the index page's own form script, by hash; nothing else
        assert re.fullmatch(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy["script-src"])
    else:
        assert "script-src" not in policy  # falls back to default-src 'none': no script at all
    assert policy["base-uri"] == "base-uri 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert re.fullmatch(r"style-src 'sha256-[A-Za-z0-9+/=]+'", policy["style-src"])
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_json_responses_are_not_html():
    client = create_app().test_client()
    response = client.post("/clean", json={"html": article_page("<script>alert(1)</script>", "between"), "url": URL})
    assert response.mimetype == "application/json"


# --- in the browser ----------------------------------------------------------------------------------

# Installed before any page script: records every dialog call, print, navigation attempt and window.open.
HOOKS = """
window.__xss = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  const record = (...args) => { window.__xss.push(name + '(' + args.map(String).join(',') + ')'); };
  try { Object.defineProperty(window, name, {value: record, writable: false, configurable: false}); } catch (e) {}
}
"""
# Walks a live DOM (as the browser parsed it) for the same violations as the lxml check.
DOM_CHECK = """
(root) => {
  const bad = new Set(FORBIDDEN_TAGS);
  const urlAttrs = new Set(URL_ATTRIBUTES);
  const problems = [];
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName.toLowerCase();
    if (bad.has(name)) problems.push('<' + name + '>');
    for (const attr of el.attributes) {
      const a = attr.name.toLowerCase();
      if (a.startsWith('on')) problems.push('<' + name + ' ' + a + '>');
      if (urlAttrs.has(a) || a.endsWith(':href')) {
        const v = attr.value.replace(/[\\x00-\\x20]+/g, '').toLowerCase();
        const imageSource = name === 'img' && (a === 'src' || a === 'srcset');
        if (/^(javascript|vbscript|livescript):/.test(v) ||
            (v.startsWith('data:') &&
             !(imageSource && /^data:image\\/(png|gif|jpe?g|webp|avif|svg\\+xml)[;,]/.test(v))))
          problems.push('<' + name + ' ' + a + '=' + attr.value.slice(0, 60) + '>');
      }
    }
  }
  return problems;
}
""".replace("FORBIDDEN_TAGS", json.dumps(sorted(FORBIDDEN_TAGS))).replace(
    "URL_ATTRIBUTES", json.dumps(sorted(URL_ATTRIBUTES))
)
FRAGMENTS_PER_BATCH = 60
PAGES_PER_BATCH = 40
HARNESS_PAGE = "<!doctype html><title>harness</title><body></body>"
# The payloads' fragments, each in a box of its own, inserted as an extension's reader inserts the JSON.
INSERT_FRAGMENTS = """(fragments) => { for (const f of fragments) {
  const box = document.createElement('div'); box.className = 'case';
  document.body.appendChild(box); box.innerHTML = f; } }"""
# Each page a full document in its own srcdoc frame, resolved once every frame has loaded.
LOAD_PAGES = """(pages) => Promise.all(pages.map(doc => new Promise(done => {
  const frame = document.createElement('iframe');
  frame.onload = done; frame.srcdoc = doc; document.body.appendChild(frame); })))"""
# srcdoc frames share the harness's origin: one call reads every frame's record and DOM.
READ_FRAMES = (
    "() => [...document.querySelectorAll('iframe')].map(f => ["
    "  f.contentWindow.__xss || ['hooks missing'], (" + DOM_CHECK.strip() + ")(f.contentDocument.body)])"
)
FIREFOX_DRIVER = Path(__file__).resolve().parent / "browser" / "firefox_xss.mjs"
NODE_MODULES_FROM = Path(__file__).resolve().parents[1] / "extension"


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ChromiumBrowser:
    """Headless Chromium (Debian's) through Playwright, driven from a thread of its own.

    Playwright's sync API refuses to start while another sync instance (tests/browser/conftest.py's
    session-wide one) is active in the same thread, so ours lives in a dedicated thread and runs jobs
    (callables taking the page) sent to it. The methods are the ones FirefoxBrowser has: the tests below
    run the same steps and assertions in both engines.
    """

    def __init__(self) -> None:
        self.served: dict[str, tuple[str, dict[str, str]]] = {}
        self._events: list[str] = []
        self.jobs: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._main, daemon=True)
        self.thread.start()
        kind, value = self.results.get(timeout=120)
        if kind == "error":
            raise value

    def _main(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM),
                    headless=True,
                    args=[
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-sync",
                        "--no-first-run",
                        "--disable-component-update",
                    ],
                )
                context = browser.new_context(java_script_enabled=True)
                events = self._events
                # Nothing leaves the machine; a navigation or a popup is an execution.
                context.route("**/*", self._route)
                context.add_init_script(HOOKS)
                page = context.new_page()
                context.on("page", lambda popup: events.append(f"popup {popup.url}"))
                page.on("dialog", lambda d: (events.append(f"dialog {d.type}: {d.message}"), d.dismiss()))
                self.results.put(("ready", None))
                while (job := self.jobs.get()) is not None:
                    try:
                        self.results.put(("ok", job(page)))
                    except BaseException as exc:  # handed to the test's thread, re-raised there
                        self.results.put(("error", exc))
                context.close()
                browser.close()
        except BaseException as exc:
            self.results.put(("error", exc))

    def _route(self, route) -> None:
        request = route.request
        if request.is_navigation_request() and request.url in self.served:
            body, headers = self.served[request.url]
            route.fulfill(status=200, body=body, headers={"Content-Type": "text/html; charset=utf-8", **headers})
            return
        if request.is_navigation_request():
            self._events.append(f"navigation to {request.url}")
        route.abort()

    def _run(self, job: Callable) -> object:
        self.jobs.put(job)
        kind, value = self.results.get(timeout=600)
        if kind == "error":
            raise value
        return value

    def serve(self, path: str, body: str, headers: dict[str, str] | None = None) -> str:
        """Serves a page (with these headers) at the URL returned."""
        url = f"http://127.0.0.1{path}"
        self.served[url] = (body, headers or {})
        return url

    def goto(self, url: str) -> None:
        self._run(lambda page: page.goto(url))

    def evaluate(self, function: str, arg: object = None) -> object:
        """Calls a JavaScript function in the page with a JSON argument; its awaited result."""
        return self._run(lambda page: page.evaluate(function, arg))

    def click(self, selector: str) -> None:
        self._run(lambda page: page.click(selector))

    def wait(self, milliseconds: int) -> None:
        # In the browser's thread: Playwright delivers routes, popups and dialogs only while it runs.
        self._run(lambda page: page.wait_for_timeout(milliseconds))

    def take_events(self) -> list[str]:
        """Navigations, popups and dialogs seen since the last call."""

        def take(page) -> list[str]:
            page.wait_for_timeout(1)
            taken = list(self._events)
            self._events.clear()
            return taken

        return self._run(take)

    def close(self) -> None:
        self.jobs.put(None)
        self.thread.join(timeout=30)


class FirefoxBrowser:
    """Headless Firefox (Debian's firefox-esr) driven over WebDriver BiDi by tests/browser/firefox_xss.mjs,
    one node process for the module that takes one JSON command a line and answers each with one line."""

    def __init__(self, firefox: str, node: str, log: Path) -> None:
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(log.parent),
            "FIREFOX": firefox,
            "NODE_MODULES_FROM": str(NODE_MODULES_FROM),
            "HOOKS": HOOKS,
        }
        self.log = log
        with log.open("wb") as stderr:
            self.process = subprocess.Popen(
                [node, str(FIREFOX_DRIVER)],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                encoding="utf-8",
            )
        # Lines read in a thread of their own, so that a hung browser fails a test instead of blocking it.
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0
        assert self._answer(timeout=90) == {"ready": True}

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _answer(self, timeout: float) -> dict:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            line = None
        if line is None:
            pytest.fail(f"the Firefox driver stopped answering:\n{self.log.read_text(errors='replace')[-4000:]}")
        return json.loads(line)

    def _call(self, op: str, **params: object) -> object:
        self.next_id += 1
        try:
            self.process.stdin.write(json.dumps({"id": self.next_id, "op": op, **params}) + "\n")
            self.process.stdin.flush()
        except OSError:
            pytest.fail(f"the Firefox driver has stopped:\n{self.log.read_text(errors='replace')[-4000:]}")
        answer = self._answer(timeout=300)
        assert answer["id"] == self.next_id, answer
        if "error" in answer:
            raise RuntimeError(f"Firefox driver, {op}: {answer['error']}")
        return answer["value"]

    def serve(self, path: str, body: str, headers: dict[str, str] | None = None) -> str:
        return self._call("serve", path=path, body=body, headers=headers or {})

    def goto(self, url: str) -> None:
        self._call("goto", url=url)

    def evaluate(self, function: str, arg: object = None) -> object:
        return self._call("evaluate", function=function, arg=arg)

    def click(self, selector: str) -> None:
        self._call("click", selector=selector)

    def wait(self, milliseconds: int) -> None:
        time.sleep(milliseconds / 1000)

    def take_events(self) -> list[str]:
        return self._call("take_events")

    def close(self) -> None:
        # Asked, not just sent EOF: a process forked meanwhile (the service's pipeline worker) may hold a
        # copy of the stdin pipe. Terminated, the driver still stops Firefox (a kill would leave it running).
        with contextlib.suppress(Exception):
            self._call("close")
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait(timeout=30)


Browser = ChromiumBrowser | FirefoxBrowser


@pytest.fixture(scope="module", params=["chromium", "firefox"])
def browser(request, tmp_path_factory) -> Iterator[Browser]:
    """Each browser test runs in both engines: they parse differently, and the extension ships for both."""
    if request.param == "chromium":
        if not CHROMIUM.exists():
            pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install -y chromium)", pytrace=False)
        runner = ChromiumBrowser()
    else:
        firefox = shutil.which("firefox-esr")
        if not firefox:
            message = "firefox-esr is missing: run `make browser-deps` (apt-get install -y firefox-esr)"
            pytest.fail(message, pytrace=False)
        node = shutil.which("node")
        if not node or not (NODE_MODULES_FROM / "node_modules" / "ws").is_dir():
            pytest.fail(
                "node or extension/node_modules/ws is missing (the WebDriver BiDi client that drives Firefox): "
                "run `make extension-deps`",
                pytrace=False,
            )
        runner = FirefoxBrowser(firefox, node, tmp_path_factory.mktemp("firefox") / "driver.log")
    yield runner
    runner.close()


def _open_harness(browser: Browser) -> None:
    browser.goto(browser.serve("/xss-harness", HARNESS_PAGE))


def _settle(browser: Browser) -> None:
    # Handlers on failed images, autofocus and animations fire asynchronously.
    browser.wait(300)
    browser.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.mark.browser
def test_fragments_run_nothing_when_inserted_with_inner_html(browser: Browser):
    fragments = sorted({o.fragment for o in all_outputs() if o.fragment is not None})
    assert len(fragments) > 50
    recorded, problems = [], []
    for batch in _batches(fragments, FRAGMENTS_PER_BATCH):
        _open_harness(browser)
        browser.evaluate(INSERT_FRAGMENTS, batch)
        _settle(browser)
        recorded += browser.evaluate("() => window.__xss")
        problems += browser.evaluate("() => (" + DOM_CHECK.strip() + ")(document.body)")
    events = browser.take_events() + recorded
    assert not events, events[:20]
    assert not problems, problems[:20]


@pytest.mark.browser
def test_reading_pages_run_nothing(browser: Browser):
    pages = sorted({o.page for o in all_outputs() if o.page is not None})
    assert len(pages) > 50
    recorded, problems = [], []
    for batch in _batches(pages, PAGES_PER_BATCH):
        # Each page a full document in its own srcdoc frame, without the CSP header: the sanitizer alone
        # must hold. The hooks are installed in every frame; a dialog from any frame is reported too.
        _open_harness(browser)
        browser.evaluate(LOAD_PAGES, batch)
        _settle(browser)
        results = browser.evaluate(READ_FRAMES)
        assert len(results) == len(batch)
        for frame_recorded, found in results:
            recorded += frame_recorded
            problems += found
    events = browser.take_events() + recorded
    assert not events, events[:20]
    assert not problems, problems[:20]


@pytest.mark.browser
def test_the_harness_detects_an_execution(browser: Browser):
    """Negative control: the hooks do fire on a real injection (else a zero would mean nothing)."""
    _open_harness(browser)
    browser.evaluate("() => { document.body.innerHTML = '<img src=x onerror=alert(1)>'; }")
    _settle(browser)
    assert browser.evaluate("() => window.__xss") == ["alert(1)"]
    _open_harness(browser)
    browser.evaluate("() => { document.body.innerHTML = '<a id=go href=\\'javascript:alert(2)\\'>x</a>'; }")
    browser.click("#go")
    _settle(browser)
    assert browser.evaluate("() => window.__xss") == ["alert(2)"]
    browser.evaluate(LOAD_PAGES, ["<script>alert(3)</script>"])
    assert browser.evaluate("() => document.querySelector('iframe').contentWindow.__xss") == ["alert(3)"]
    assert not browser.take_events()
    # A page that leaves for another address is caught too (the request never leaves the machine).
    browser.evaluate("() => { location.href = 'https://attacker.example/x'; }")
    for _ in range(50):
        if events := browser.take_events():
            break
        browser.wait(100)
    assert events == ["navigation to https://attacker.example/x"]


@pytest.mark.browser
def test_the_csp_header_blocks_injected_script(browser: Browser):
    """Defence in depth: even a script that got into the reading page would not run under our CSP."""
    client = create_app().test_client()
    response = client.post("/clean?format=html", json={"html": article_page("<p>x</p>", "between"), "url": URL})
    document = response.get_data(as_text=True).replace(
        "<article>", "<article><script>alert('inline')</script><img src=x onerror=\"alert('handler')\">"
    )
    policy = response.headers["Content-Security-Policy"]
    browser.goto(browser.serve("/csp-check", document, {"Content-Security-Policy": policy}))
    _settle(browser)
    # Our own stylesheet is allowed by its hash (body max-width comes from reader.css).
    assert browser.evaluate("() => getComputedStyle(document.body).maxWidth !== 'none'") is True
    assert browser.evaluate("() => window.__xss") == []
    assert not browser.take_events()
    assert content_security_policy() == policy


def test_cite_urls_are_checked_too():
    """ammonia checks href and src schemes but not cite: server/sanitize.py drops unsafe cite values."""
    client = create_app().test_client()
    quotes = (
        "<blockquote cite='javascript:alert(1)'>One.</blockquote><q cite=' java\tscript:x'>Two.</q>"
        "<del cite='vbscript:x'>three</del><ins cite='data:text/html,x'>four</ins>"
        "<blockquote cite='https://example.com/source'>Five.</blockquote>"
    )
    fragment = client.post("/clean", json={"html": article_page(quotes, "between"), "url": URL}).get_json()["html"]
    assert fragment_violations(fragment) == []
    assert 'cite="https://example.com/source"' in fragment


def test_image_srcset_cannot_smuggle_a_script_url():
    """Found by tests/test_properties.py: <image> is not <img> to lxml (so tidy skipped it) but becomes
    <img> in ammonia's parser, which does not check srcset; server/sanitize.py now checks it."""
    client = create_app().test_client()
    smuggled = (
        "<image srcset='javascript:alert(1)'>x</image><image srcset=' data:text/html,x 1x'>"
        "<img srcset='https://example.com/a.png 1x, java&#x09;script:alert(1) 2x' src='https://example.com/a.png'>"
    )
    for where in ("between", "inside"):
        data = client.post("/clean", json={"html": article_page(smuggled, where), "url": URL}).get_json()
        assert fragment_violations(data["html"]) == [], data["html"]


# --- inline (data:) images ----------------------------------------------------------------------------

PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
GIF_1X1 = "R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
# An SVG that would run script anywhere but in an image: loaded through <img> it runs nothing.
HOSTILE_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30' onload='alert(1)'>"
    "<script>alert(2)</script><rect width='40' height='30' fill='teal'/></svg>"
)


def _figure(src: str = "", srcset: str = "") -> str:
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
    fragment = _clean_fragment(_figure(src=uri) + _figure(srcset=f"{uri} 1x, {uri} 2x"))
    assert _image_sources(fragment) == [(uri, None), (uri, f"{uri} 1x, {uri} 2x")]


def test_base64_line_breaks_are_removed_from_inline_images():
    wrapped = f"data:image/png;base64,{PNG_1X1[:40]}\n  {PNG_1X1[40:]}"
    assert _image_sources(_clean_fragment(_figure(src=wrapped))) == [(f"data:image/png;base64,{PNG_1X1}", None)]


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
    fragment = _clean_fragment(_figure(src=uri) + _figure(srcset=f"{uri} 1x"))
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
    body = {"html": article_page(_figure(src=f"data:image/png;base64,{PNG_1X1}"), "between"), "url": URL}
    response = client.post("/clean?format=html", json=body)
    assert _policy(response.headers["Content-Security-Policy"])["img-src"] == "img-src http: https: data:"
    assert f"data:image/png;base64,{PNG_1X1}" in response.get_data(as_text=True)
    assert page_violations(response.get_data(as_text=True)) == []


@pytest.mark.browser
def test_inline_svg_images_show_and_run_nothing(browser: Browser):
    """Under the reading page's own CSP, inline images load (a hostile SVG among them) and nothing runs."""
    client = create_app().test_client()
    images = _figure(src="data:image/svg+xml," + quote(HOSTILE_SVG)) + _figure(src=f"data:image/png;base64,{PNG_1X1}")
    response = client.post("/clean?format=html", json={"html": article_page(images, "between"), "url": URL})
    headers = {"Content-Security-Policy": response.headers["Content-Security-Policy"]}
    browser.goto(browser.serve("/inline-images", response.get_data(as_text=True), headers))
    _settle(browser)
    widths = browser.evaluate("() => [...document.images].map(i => i.complete && i.naturalWidth)")
    assert browser.evaluate("() => window.__xss") == []
    assert widths == [40, 1]
    assert not browser.take_events()
