"""Helpers for the end-to-end extension tests: paths, the fixture web server, and driving the extension.

Kept apart from conftest.py (which holds only fixtures) so test modules can import them by a unique name.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
SITES = ROOT / "tests" / "sites"
CORPUS = ROOT.parent / "shared" / "corpora" / "readability-test-pages"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("DECLUTTER_CHROMIUM", "/usr/bin/chromium"))
# The service under test; overridable only to point the tests at another WSGI factory while developing.
APP = os.environ.get("DECLUTTER_TEST_APP", "server.web.app:create_app()")
TOKEN = "browser-test-token"
# Small enough that the "huge page" test stays quick.
MAX_BODY_BYTES = 1_000_000
# Seed sites are served under their own names (mapped to 127.0.0.1), so site rules see the real host.
SEED_HOSTS = {
    "www.kyivindependent.com": "kyivindependent.com",
    "kyivindependent.com": "kyivindependent.com",
    "www.theweek.com": "theweek.com",
    "theweek.com": "theweek.com",
}

# Made-up sites for the "Fix this page" tests (tests/browser/pages/<folder>/), served under their own names
# too, so a kept fix belongs to one site and a shared rule names a real-looking domain.
PAGE_HOSTS = {
    "www.harbour-gazette.test": "harbour-gazette",
    "www.tidewater-post.test": "tidewater-post",
}


# Speech for the Listen tests: Chromium speaks through speech-dispatcher with espeak-ng (Debian packages, `make
# browser-deps`), which it starts itself; a home and runtime folder of its own send the sound to libao's null
# driver (no sound card, nothing heard) and keep the daemon private to the test browser.
SPEECHD_CONF = """AudioOutputMethod "libao"
DefaultModule espeak-ng
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
"""


def speech_env(folder: Path) -> dict[str, str]:
    """Environment variables under which Chromium's speech synthesis works silently."""
    (folder / ".config" / "speech-dispatcher").mkdir(parents=True, exist_ok=True)
    (folder / ".config" / "speech-dispatcher" / "speechd.conf").write_text(SPEECHD_CONF)
    (folder / ".libao").write_text("default_driver=null\n")
    runtime = folder / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {"HOME": str(folder), "XDG_CONFIG_HOME": str(folder / ".config"), "XDG_RUNTIME_DIR": str(runtime)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_build_module():
    spec = importlib.util.spec_from_file_location("extension_build", ROOT / "extension" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the service --------------------------------------------------------------------------------


@dataclass
class Service:
    url: str
    token: str
    log: Path


# --- the fixture web server ---------------------------------------------------------------------


class FixtureHandler(http.server.SimpleHTTPRequestHandler):
    """Read-only pages: seed sites by host name, our own pages under /pages/, corpus pages under
    /corpus/<slug>/, and a generated oversized page at /huge.html."""

    def translate_path(self, path: str) -> str:
        host = (self.headers.get("Host") or "").split(":")[0]
        if host in SEED_HOSTS:
            self.directory = str(SITES / SEED_HOSTS[host])
            return super().translate_path(path)
        if host in PAGE_HOSTS:
            self.directory = str(PAGES / PAGE_HOSTS[host])
            return super().translate_path(path)
        for prefix, directory in (("/pages/", PAGES), ("/corpus/", CORPUS)):
            if path.startswith(prefix):
                self.directory = str(directory)
                return super().translate_path(path[len(prefix) - 1 :])
        self.directory = str(PAGES / "_none")
        return super().translate_path(path)

    def do_GET(self):
        if urlsplit(self.path).path == "/huge.html":
            body = huge_page().encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format, *args):
        pass


@functools.cache
def huge_page() -> str:
    paragraph = "<p>" + "This paragraph repeats to make the page larger than the service accepts. " * 20 + "</p>"
    count = MAX_BODY_BYTES // len(paragraph) + 50
    return (
        f"<!doctype html><html><head><title>Huge page</title></head><body><article>{paragraph * count}"
        "</article></body></html>"
    )


@dataclass
class Web:
    port: int

    def local(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def seed(self, host: str, path: str) -> str:
        return f"http://{host}{path}"


# --- the browser --------------------------------------------------------------------------------


@dataclass
class Browser:
    context: object
    extension_id: str
    control: object = None  # an extension page kept open to reach chrome.storage
    opened: list = field(default_factory=list)
    opens: int = 0

    def extension_url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path}"

    def storage(self, script: str, arg=None):
        """Run `script` (an async arrow function taking `arg`) in an extension page."""
        return self.control.evaluate(script, arg)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    local = {"127.0.0.1", "localhost", *SEED_HOSTS, *PAGE_HOSTS}
    return parts.scheme not in ("http", "https") or parts.hostname in local


DEFAULT_READER = {
    "theme": "auto",
    "font": "serif",
    "fontSize": 20,
    "width": 68,
    "lineHeight": 1.6,
    "highlights": True,
    "panel": True,
}


def trigger_action(browser: Browser, page) -> None:
    """Click the toolbar button for real: DevTools' Extensions.triggerAction on the page's tab."""
    cdp = browser.context.browser.new_browser_cdp_session()
    try:
        targets = cdp.send("Target.getTargets", {"filter": [{"type": "tab"}]})["targetInfos"]
        tabs = [t for t in targets if t["url"] == page.url]
        assert len(tabs) == 1, f"not one tab target for {page.url}: {json.dumps(targets)}"
        cdp.send("Extensions.triggerAction", {"id": browser.extension_id, "targetId": tabs[0]["targetId"]})
    finally:
        cdp.detach()


def open_in_reader(browser: Browser, url: str):
    """Open `url`, press the extension's button, and return (original page, reader page) once the
    reader shows an article or a failure."""
    page = browser.context.new_page()
    browser.opened.append(page)
    # A fragment of its own tells this tab from others showing the same page; the button acts on the
    # tab in front, as a user's click would.
    browser.opens += 1
    page.goto(f"{url}#open-{browser.opens}", wait_until="load")
    page.bring_to_front()
    reader_prefix = browser.extension_url("reader.html")
    with browser.context.expect_page(lambda p: p.url.startswith(reader_prefix), timeout=15_000) as info:
        trigger_action(browser, page)
    reader = info.value
    reader._declutter_messages = watch(reader)
    browser.opened.append(reader)
    wait_for_reader(reader)
    return page, reader


def watch(page) -> list[str]:
    """Collect a page's console errors and uncaught exceptions, for failure messages."""
    messages = []
    page.on("console", lambda m: messages.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(f"uncaught: {error}"))
    return messages


def wait_for_reader(reader, selector: str = "body.dc-ready, body.dc-error", timeout: float = 30_000) -> None:
    """Wait until the reader shows `selector`; on time-out, say what it showed instead."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    messages = getattr(reader, "_declutter_messages", None)
    if messages is None:
        messages = reader._declutter_messages = watch(reader)
    try:
        reader.wait_for_selector(selector, timeout=timeout)
    except PlaywrightTimeout:
        state = reader.evaluate("[document.body.className, document.body.innerText.slice(0, 500)]")
        raise AssertionError(
            f"reader never showed {selector}: body class {state[0]!r}, text {state[1]!r}, messages {messages}"
        ) from None


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def seed_page(site: str, must_contain: str) -> Path | None:
    """A seed-site fixture page (tests/sites/<site>/*.html), preferring one that contains `must_contain`."""
    folder = SITES / site
    if not folder.is_dir():
        return None
    pages = sorted(folder.rglob("*.html"))
    for path in pages:
        if must_contain in path.read_text(encoding="utf-8", errors="replace"):
            return path
    return pages[0] if pages else None
