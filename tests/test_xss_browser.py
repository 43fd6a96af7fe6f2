"""XSS in the browser: the outputs of tests/test_xss.py (DOMPurify's 223 payloads through /clean) executed in
headless Chromium and Firefox ESR, with alert/confirm/prompt/print and navigation hooked; the live DOM checked as
each browser parsed it; the CSP header holding even against a script that got in; inline SVG images inert.

The two engines parse differently and the extension ships for both, so every test runs in each (test ids end in
[chromium] or [firefox]): Chromium through Playwright, Firefox over WebDriver BiDi through
tests/browser/firefox_xss.mjs (Playwright cannot drive a stock Firefox).
"""

from __future__ import annotations

import contextlib
import json
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from test_xss import FORBIDDEN_TAGS, URL, URL_ATTRIBUTES, all_outputs, article_page
from test_xss_inline_images import HOSTILE_SVG, PNG_1X1, img_figure

from server.web.app import create_app
from server.web.render import content_security_policy

CHROMIUM = Path("/usr/bin/chromium")
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


@pytest.mark.browser
def test_inline_svg_images_show_and_run_nothing(browser: Browser):
    """Under the reading page's own CSP, inline images load (a hostile SVG among them) and nothing runs."""
    client = create_app().test_client()
    images = img_figure(src="data:image/svg+xml," + quote(HOSTILE_SVG)) + img_figure(
        src=f"data:image/png;base64,{PNG_1X1}"
    )
    response = client.post("/clean?format=html", json={"html": article_page(images, "between"), "url": URL})
    headers = {"Content-Security-Policy": response.headers["Content-Security-Policy"]}
    browser.goto(browser.serve("/inline-images", response.get_data(as_text=True), headers))
    _settle(browser)
    widths = browser.evaluate("() => [...document.images].map(i => i.complete && i.naturalWidth)")
    assert browser.evaluate("() => window.__xss") == []
    assert widths == [40, 1]
    assert not browser.take_events()


@pytest.mark.browser
def test_the_harness_detects_an_execution(browser: Browser):
    """Negative control: the hooks do fire on a real injection (else a zero would mean nothing). Last in the module:
    its aborted navigation may be reported again after it ended (seen under load), and no test may come after it."""
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
