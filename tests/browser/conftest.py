"""Fixtures for the end-to-end extension tests: the real service, a fixture web server, and Chromium
with the unpacked Chrome build loaded.

Chromium is Debian's (/usr/bin/chromium, `make browser-deps`); Playwright drives it over its own pipe.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import subprocess
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from harness import (
    APP,
    CHROMIUM,
    DEFAULT_READER,
    MAX_BODY_BYTES,
    PAGE_HOSTS,
    ROOT,
    SEED_HOSTS,
    TOKEN,
    Browser,
    FixtureHandler,
    Service,
    Web,
    free_port,
    is_local,
    load_build_module,
    speech_env,
)


@pytest.fixture(scope="session")
def extension_build(tmp_path_factory) -> dict[str, Path]:
    """Both builds, made fresh from extension/src by extension/build.py."""
    return load_build_module().build(tmp_path_factory.mktemp("extension"))


@pytest.fixture(scope="session")
def service(tmp_path_factory) -> Service:
    """The real service under gunicorn, as `make serve` runs it, on a free port."""
    port = free_port()
    log = tmp_path_factory.mktemp("service") / "gunicorn.log"
    env = {**os.environ, "DECLUTTER_TOKEN": TOKEN, "DECLUTTER_MAX_BODY_BYTES": str(MAX_BODY_BYTES)}
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--timeout",
        "60",
        APP,
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"the service did not start ({' '.join(command)}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the service did not answer /healthz in 30 s:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    yield Service(url=url, token=TOKEN, log=log)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def web() -> Web:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Web(port=server.server_port)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed ({CHROMIUM} is missing): run `make browser-deps` "
            "(apt-get install -y chromium) before the browser tests.",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path, extension_build, web, tmp_path_factory) -> Browser:
    from playwright.sync_api import sync_playwright

    folder = str(extension_build["chrome"])
    mapped = ", ".join(f"MAP {host} 127.0.0.1:{web.port}" for host in [*SEED_HOSTS, *PAGE_HOSTS])
    args = [
        f"--load-extension={folder}",
        f"--disable-extensions-except={folder}",
        "--enable-unsafe-extension-debugging",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-speech-dispatcher",  # speech synthesis for Listen (speech_env)
        f"--host-resolver-rules={mapped}, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ]
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),
            executable_path=str(chromium_path),
            headless=True,
            args=args,
            viewport={"width": 1280, "height": 860},
            color_scheme="light",
            env={**os.environ, **speech_env(tmp_path_factory.mktemp("speech"))},
        )
        # The machine has no network: fail requests for anything but local pages at once.
        context.route(lambda url: not is_local(url), lambda route: route.abort())
        worker = (
            context.service_workers[0]
            if context.service_workers
            else context.wait_for_event("serviceworker", timeout=15_000)
        )
        extension_id = urlsplit(worker.url).netloc
        env = Browser(context=context, extension_id=extension_id)
        env.control = context.new_page()
        env.control.goto(env.extension_url("options.html"))
        yield env
        context.close()


@pytest.fixture
def ext(browser, service) -> Browser:
    """The browser with the extension pointed at the service and reader settings at their defaults;
    pages a test opens are closed after it."""
    browser.storage(
        "async (s) => chrome.storage.local.set(s)",
        {"service": {"url": service.url, "token": service.token}, "reader": DEFAULT_READER},
    )
    yield browser
    for page in browser.opened:
        with contextlib.suppress(Exception):
            page.close()
    browser.opened.clear()
