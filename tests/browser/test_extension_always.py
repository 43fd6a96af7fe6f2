"""Always open this site in Declutter, in headless Chromium with the real service.

Headless Chromium cannot answer a permission prompt, so the site used is one whose host permission the extension
already holds: the fixture server on 127.0.0.1, which the manifest's host_permissions list for the local service.
For such a host chrome.permissions.request resolves true at once, without a prompt, exactly as it does once a
person has granted a site; everything after that (the list, the watch, Mozilla's isProbablyReaderable, the reader
opening in the page's tab, the way back) runs as it does for any site. What cannot be shown headless: the prompt
itself, and Remove giving back a permission (one the manifest grants cannot be given back).
"""

from __future__ import annotations

import time

import pytest
from harness import ROOT, SITES, open_in_reader, seed_page, wait_for_reader
from test_extension_fix import click_picker_button, pick, picker_text, wait_for_status

pytestmark = pytest.mark.browser

DECISIONS = "async () => (await chrome.storage.session.get('alwaysDecisions')).alwaysDecisions ?? []"


def sites(ext) -> list[dict]:
    return ext.storage("async () => (await chrome.storage.local.get('alwaysSites')).alwaysSites ?? []")


def decisions_for(ext, page, url: str, until: str | None = None, timeout: float = 15.0) -> list[str]:
    """The watch's decisions on `url` since the log was last cleared, once there is one (or `until` is among them)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [d["decision"] for d in ext.storage(DECISIONS) if d["url"] == url]
        if found and (until is None or until in found):
            return found
        assert time.monotonic() < deadline, f"no decision {until or ''} on {url}: {ext.storage(DECISIONS)}"
        page.wait_for_timeout(100)


def decision_for(ext, page, url: str) -> str:
    """The watch's decision on the load of `url` (later events of the same page are 'already-decided')."""
    return decisions_for(ext, page, url)[0]


@pytest.fixture
def always(ext):
    """The extension with no site listed before and after the test."""
    ext.storage(
        "async () => { await chrome.storage.local.remove('alwaysSites'); "
        "await chrome.storage.session.remove(['alwaysDecisions', 'alwaysLeave']); }"
    )
    yield ext
    ext.storage(
        "async () => { await chrome.storage.local.remove('alwaysSites'); "
        "await chrome.storage.session.remove(['alwaysDecisions', 'alwaysLeave']); }"
    )


def visit(ext, url: str):
    page = ext.context.new_page()
    ext.opened.append(page)
    ext.storage("async () => chrome.storage.session.remove('alwaysDecisions')")
    page.goto(url, wait_until="load")
    return page


def test_an_article_of_an_always_site_opens_in_the_reader_by_itself_and_a_home_page_does_not(always, web):
    ext = always
    # The reader's button, pressed for real (a user gesture, which the permission request needs).
    _, reader = open_in_reader(ext, web.local("/pages/heavy.html"))
    button = reader.locator("#dc-always")
    assert button.is_visible()
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    reader.wait_for_selector("#dc-always[aria-pressed='true']")
    assert "127.0.0.1" in button.text_content()
    assert [(s["host"], s["pattern"]) for s in sites(ext)] == [("127.0.0.1", "http://127.0.0.1/*")]

    # An article of that site: the tab it loads in turns into the reader, with the article.
    article = web.local("/pages/scripted.html")
    page = visit(ext, article)
    page.wait_for_url(ext.extension_url("reader.html") + "#*", timeout=15_000)
    wait_for_reader(page)
    assert page.locator("body.dc-ready").count() == 1, page.text_content("#dc-status")
    assert "Added by script" in page.inner_text("#dc-content")
    assert decision_for(ext, page, article) == "opened"

    # One click back to the original, which then stays.
    ext.storage("async () => chrome.storage.session.remove('alwaysDecisions')")
    assert page.get_attribute("#dc-original", "href") == article
    page.click("#dc-original")
    page.wait_for_url(article, timeout=10_000)
    assert decision_for(ext, page, article) == "left-alone"
    # The page then changes its address in place (a fragment, history.pushState), which the browser reports as
    # finished loads: the same page, which stays the original.
    page.evaluate("location.hash = 'comments'")
    assert decisions_for(ext, page, article, until="already-decided") == ["left-alone", "already-decided"]
    page.evaluate("history.pushState({}, '', '?page=2')")
    assert decisions_for(ext, page, article + "?page=2") == ["already-decided"]
    assert page.url == article + "?page=2"
    assert page.locator("#story").count() == 1

    # The home page of the same site: Mozilla's isProbablyReaderable says no, and it stays as it is.
    home = web.local("/pages/home.html")
    front = visit(ext, home)
    assert decision_for(ext, front, home) == "not-readerable"
    assert front.url == home

    # Another site, whose permission the extension does not hold, is not even seen: its article stays. The watch's
    # decision on a page of the listed site loaded after it shows that its load has been handled.
    path = seed_page("theweek.com", "Stoltenberg")
    other = web.seed("theweek.com", "/" + path.relative_to(SITES / "theweek.com").as_posix())
    elsewhere = visit(ext, other)
    front.goto(home + "?after", wait_until="load")
    assert decision_for(ext, front, home + "?after") == "not-readerable"
    assert elsewhere.url == other
    assert not [d for d in ext.storage(DECISIONS) if "theweek" in d["url"]]


def test_try_again_in_a_reader_that_opened_by_itself_loads_the_page_and_opens_it_afresh(always, web, service):
    ext = always
    _, reader = open_in_reader(ext, web.local("/pages/heavy.html"))
    reader.click("#dc-always")
    reader.wait_for_selector("#dc-always[aria-pressed='true']")
    ext.storage("async (url) => chrome.storage.local.set({service: {url, token: ''}})", "http://127.0.0.1:9")
    article = web.local("/pages/scripted.html")
    page = visit(ext, article)
    page.wait_for_url(ext.extension_url("reader.html") + "#*", timeout=15_000)
    wait_for_reader(page)
    assert "not running" in page.text_content("#dc-status-title")
    first = page.url

    # The service is back: Try again reloads the page, which opens in a new reader with the article.
    ext.storage("async (s) => chrome.storage.local.set({service: s})", {"url": service.url, "token": service.token})
    page.click("#dc-retry")
    page.wait_for_url(lambda url: url.startswith(ext.extension_url("reader.html")) and url != first, timeout=15_000)
    wait_for_reader(page, "body.dc-ready")
    assert "Added by script" in page.inner_text("#dc-content")


def test_fix_this_page_in_a_reader_that_took_its_pages_place_picks_on_the_page_reopened(always, web):
    ext = always
    _, reader = open_in_reader(ext, web.local("/pages/heavy.html"))
    reader.click("#dc-always")
    reader.wait_for_selector("#dc-always[aria-pressed='true']")
    article = web.local("/pages/scripted.html")
    page = visit(ext, article)
    page.wait_for_url(ext.extension_url("reader.html") + "#*", timeout=15_000)
    wait_for_reader(page, "body.dc-ready")
    assert "Opponents argued" in page.inner_text("#dc-content")

    # The original is gone from this tab: Fix this page opens it again beside the reader, and it stays a page.
    with ext.context.expect_page() as opened:
        page.click("#dc-fix")
    original = opened.value
    ext.opened.append(original)
    original.wait_for_selector("declutter-picker", state="attached", timeout=20_000)
    assert original.url == article
    pick(original, "#story p:has-text('Opponents argued')")
    assert "✕" in picker_text(original)
    click_picker_button(original, "Done")
    assert "your fix removed 1 block" in wait_for_status(page, "ok")
    assert "Opponents argued" not in page.inner_text("#dc-content")
    # The watch saw the reopened page and left it alone.
    assert decisions_for(ext, original, article, until="left-alone")[:2] == ["opened", "left-alone"]
    assert original.url == article


def test_the_options_page_lists_the_sites_and_removes_them(always, web):
    ext = always
    _, reader = open_in_reader(ext, web.local("/pages/heavy.html"))
    reader.click("#dc-always")
    reader.wait_for_selector("#dc-always[aria-pressed='true']")

    options = ext.context.new_page()
    ext.opened.append(options)
    options.goto(ext.extension_url("options.html"))
    options.wait_for_selector("#always-list li")
    assert options.locator("#always-list .always-host").all_text_contents() == ["127.0.0.1"]
    assert options.is_hidden("#always-empty")

    options.click("#always-list li button")
    options.wait_for_selector("#always-empty:not([hidden])")
    assert options.locator("#always-list li").count() == 0
    # The manifest grants 127.0.0.1 (the local service), so that access stays, and the page says so.
    assert "access to it stays" in options.text_content("#always-status")
    assert sites(ext) == []
    # The reader's button follows.
    reader.wait_for_selector("#dc-always[aria-pressed='false']")

    # Unlisted, an article stays as it is.
    article = web.local("/pages/scripted.html")
    page = visit(ext, article)
    assert decision_for(ext, page, article) == "not-listed"
    assert page.url == article


def test_the_build_ships_mozillas_readerable_with_its_licence(extension_build):
    shipped = ROOT / "extension" / "node_modules" / "@mozilla" / "readability"
    for browser in ("chrome", "firefox"):
        vendor = extension_build[browser] / "vendor"
        script = (vendor / "Readability-readerable.js").read_text(encoding="utf-8")
        assert script == (shipped / "Readability-readerable.js").read_text(encoding="utf-8")
        assert "Licensed under the Apache License, Version 2.0" in script[:1000]
        assert "function isProbablyReaderable(" in script
        assert (vendor / "Readability-LICENSE.md").read_bytes() == (shipped / "LICENSE.md").read_bytes()
