"""The extension end to end in headless Chromium: toolbar button -> capture -> service -> reader page."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass

import pytest
from harness import CORPUS, ROOT, SITES, artifact, open_in_reader, seed_page, wait_for_reader

pytestmark = pytest.mark.browser

XSS_VECTORS = CORPUS.parent / "xss-vectors" / "dompurify-expect.json"
DOCS_SCREENSHOT = ROOT / "docs" / "reader-light.png"
TRANSPARENT = "rgba(0, 0, 0, 0)"


@dataclass
class Seed:
    host: str  # served under this name (mapped to 127.0.0.1), so the service's site rules apply
    marker: str  # picks the seed article among the site's fixture pages
    clutter: list[str]  # text that must not reach the reader
    source: str  # a source that must be highlighted
    fallback: str  # corpus page used until the site's fixtures exist


SEEDS = {
    "kyivindependent.com": Seed(
        "www.kyivindependent.com",
        "Russian Foreign Ministry",
        ["Become a member", "Enter your email to subscribe", "News Feed"],
        "Russian Foreign Ministry",
        "seattletimes-1",
    ),
    "theweek.com": Seed(
        "theweek.com",
        "Stoltenberg",
        ["Subscribe to The Week", "Escape your echo chamber", "Free Newsletters"],
        "Jens Stoltenberg",
        "wapo-1",
    ),
}


@dataclass
class Case:
    site: str
    url: str
    clutter: list[str]
    source: str | None  # a speaker that must be highlighted, when the page is a seed fixture


def news_case(web, site: str) -> Case:
    """The seed site's fixture page when present, else a corpus news page."""
    seed = SEEDS[site]
    path = seed_page(site, seed.marker)
    if path:
        relative = path.relative_to(SITES / site).as_posix()
        return Case(site, web.seed(seed.host, f"/{relative}"), seed.clutter, seed.source)
    return Case(site, web.local(f"/corpus/{seed.fallback}/source.html"), [], None)


@pytest.fixture
def news(web) -> Case:
    return news_case(web, "kyivindependent.com")


def job_result(ext, reader) -> dict:
    """What the service answered for this reader page, as the background stored it."""
    key = "job:" + reader.url.split("#", 1)[1]
    job = ext.storage("async (key) => (await chrome.storage.session.get(key))[key]", key)
    assert job["state"] == "done", job.get("error")
    return job["result"]


def test_options_page_saves_and_tests_the_connection(ext, service):
    page = ext.context.new_page()
    ext.opened.append(page)
    page.goto(ext.extension_url("options.html"))
    assert page.input_value("#service-url") == service.url
    page.fill("#service-url", service.url + "/")
    page.fill("#service-token", service.token)
    page.click("#save")
    page.wait_for_selector("#status.ok")
    assert page.text_content("#status") == "Saved."
    page.click("#test")
    page.wait_for_selector("#status.ok:has-text('Connected')")
    # Saved settings come back on the next visit, the URL without its trailing slash.
    page.reload()
    assert page.input_value("#service-url") == service.url
    assert page.input_value("#service-token") == service.token


@pytest.mark.parametrize("site", list(SEEDS))
def test_reader_shows_the_article_without_clutter_and_with_attributions(ext, web, site):
    news = news_case(web, site)
    original, reader = open_in_reader(ext, news.url)
    assert reader.locator("body.dc-ready").count() == 1, reader.text_content("#dc-status")
    result = job_result(ext, reader)

    # The capture left the live page as it was.
    assert original.locator("[data-declutter-hidden]").count() == 0

    # Header: title, reading time, link back to the original.
    assert reader.text_content("#dc-title").strip() == (result["title"] or "Untitled").strip()
    assert "min read" in reader.text_content("#dc-meta")
    assert reader.get_attribute("#dc-original", "href") == original.url
    assert reader.get_attribute("#dc-source-link", "href") == original.url

    content = reader.locator("#dc-content")
    text = content.inner_text()
    assert len(text) > 500
    for clutter in news.clutter:
        assert clutter not in text

    # The page's markup is imported inert: nothing executable or styled from the page.
    assert content.locator("script, style, iframe, [style], [onclick], [onerror]").count() == 0

    # Attributions: highlighted in the text, grouped by speaker in the panel.
    attributions = result["attributions"]
    if news.source:
        assert attributions, "the service found no attributions on the seed page"
        assert content.locator("mark.attr-source", has_text=news.source).count() >= 1
    if attributions:
        assert content.locator("mark.attr-source").count() >= 1
        assert reader.locator("#dc-panel").is_visible()
        said = [a for a in attributions if a["kind"] != "belief"]  # beliefs are returned, never in the panel
        assert reader.text_content("#dc-panel-count") == str(len(said))
        speakers = reader.locator(".dc-speaker")
        assert speakers.count() >= 1
        if news.source:
            assert reader.locator(".dc-speaker-name", has_text=news.source).count() == 1

        # Clicking a quote in the panel jumps to it in the text.
        last = reader.locator(".dc-quote:not([disabled])").last
        target_id = last.get_attribute("data-jump")
        last.click()
        # It is flashed and scrolled into view (smoothly, so wait for the scroll to get there).
        reader.wait_for_function(
            """id => {
                const el = document.querySelector(`#dc-content [data-attr='${id}']`);
                const r = el.getBoundingClientRect();
                return el.classList.contains('dc-active') && r.bottom > 60 && r.top < innerHeight;
            }""",
            arg=target_id,
            timeout=5_000,
        )

        # The toggle hides the highlights and brings them back.
        mark = content.locator("mark.attr-source").first
        assert mark.evaluate("el => getComputedStyle(el).backgroundColor") != TRANSPARENT
        reader.uncheck("#dc-highlights")
        assert mark.evaluate("el => getComputedStyle(el).backgroundColor") == TRANSPARENT
        reader.check("#dc-highlights")
        assert mark.evaluate("el => getComputedStyle(el).backgroundColor") != TRANSPARENT

    # What was removed, in one expandable line.
    if any(not entry.get("refused") for entry in result["removed"]):
        summary = reader.text_content("#dc-removed-summary")
        assert summary.startswith("Removed: ")
        reader.click("#dc-removed-summary")
        assert reader.locator("#dc-removed-list li").count() == len(result["removed"])
        reader.click("#dc-removed-summary")

    reader.evaluate("scrollTo(0, 0); document.getElementById('dc-panel').scrollTo(0, 0)")
    shot = artifact(f"reader-light-{site}.png")
    reader.screenshot(path=str(shot))
    # The README's picture (the Kyiv Independent article), refreshed on request only: a test run leaves the
    # working tree as it found it.
    wanted = os.environ.get("DECLUTTER_UPDATE_SCREENSHOT") and site == "kyivindependent.com"
    if wanted and shot.stat().st_size < 300_000:
        shutil.copyfile(shot, DOCS_SCREENSHOT)


def test_theme_and_font_change_and_persist(ext, news):
    _, reader = open_in_reader(ext, news.url)
    root = reader.locator("html")
    article = reader.locator("#dc-article")

    # Auto follows the OS.
    reader.emulate_media(color_scheme="dark")
    assert root.get_attribute("data-theme") == "auto"
    dark_bg = reader.evaluate("getComputedStyle(document.body).backgroundColor")
    reader.emulate_media(color_scheme="light")
    assert reader.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert dark_bg == "rgb(28, 27, 34)"

    reader.click("#dc-settings summary")
    reader.check('input[name="theme"][value="sepia"]')
    assert reader.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(244, 236, 216)"
    reader.check('input[name="theme"][value="dark"]')
    reader.select_option("#dc-font", "sans")
    reader.click('[data-setting="fontSize"] [data-step="1"]')
    reader.click('[data-setting="fontSize"] [data-step="1"]')
    reader.click('[data-setting="lineHeight"] [data-step="1"]')
    reader.click('[data-setting="width"] [data-step="-1"]')
    assert root.get_attribute("data-theme") == "dark"
    assert reader.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(28, 27, 34)"

    def check_applied():
        assert root.get_attribute("data-theme") == "dark"
        assert root.get_attribute("data-font") == "sans"
        assert article.evaluate("el => getComputedStyle(el).fontSize") == "22px"
        assert "sans" in article.evaluate("el => getComputedStyle(el).fontFamily").lower()
        assert reader.text_content('[data-setting="width"] output') == "62ch"
        assert reader.text_content('[data-setting="lineHeight"] output') == "1.7"

    check_applied()
    reader.screenshot(path=str(artifact("reader-settings.png")))
    reader.click("#dc-settings summary")
    reader.evaluate("scrollTo(0, 0)")
    reader.screenshot(path=str(artifact("reader-dark.png")))

    # Settings persist: in storage, after a reload, and in the next reader page.
    stored = ext.storage("async () => (await chrome.storage.local.get('reader')).reader")
    assert stored | {"theme": "dark", "font": "sans", "fontSize": 22, "lineHeight": 1.7, "width": 62} == stored
    reader.reload()
    wait_for_reader(reader, "body.dc-ready")
    check_applied()
    _, second = open_in_reader(ext, news.url)
    assert second.locator("html").get_attribute("data-theme") == "dark"
    assert second.locator("html").get_attribute("data-font") == "sans"


def test_capture_sees_scripted_content_drops_hidden_and_restores_the_page(ext, web):
    original, reader = open_in_reader(ext, web.local("/pages/scripted.html"))
    assert reader.locator("body.dc-ready").count() == 1, reader.text_content("#dc-status")
    text = reader.inner_text("#dc-content")
    assert "Added by script" in text
    assert "Secret promo" not in text
    assert "ghost paragraph" not in text
    # The marks were only on the copy sent to the service: the live page is untouched and still works.
    assert original.locator("[data-declutter-hidden]").count() == 0
    assert original.locator(".promo").evaluate("el => getComputedStyle(el).display") == "none"
    assert original.locator("#story p").count() == 9


def test_right_to_left_page(ext, web):
    if not (CORPUS / "rtl-1").is_dir():
        pytest.fail(f"corpus page {CORPUS / 'rtl-1'} is missing (../shared must be beside the project)")
    _, reader = open_in_reader(ext, web.local("/corpus/rtl-1/source.html"))
    assert reader.locator("body.dc-ready").count() == 1, reader.text_content("#dc-status")
    expected = json.loads((CORPUS / "rtl-1" / "expected-metadata.json").read_text())
    assert reader.get_attribute("#dc-article", "dir") == expected["dir"] == "rtl"
    assert reader.evaluate("getComputedStyle(document.querySelector('#dc-content')).direction") == "rtl"
    # The reader's own controls keep their direction.
    assert reader.evaluate("getComputedStyle(document.querySelector('.dc-toolbar')).direction") == "ltr"


def test_service_down_says_how_to_start_it_and_retry_recovers(ext, service, web):
    ext.storage("async (url) => chrome.storage.local.set({service: {url, token: ''}})", "http://127.0.0.1:9")
    original, reader = open_in_reader(ext, web.local("/pages/scripted.html"))
    assert reader.locator("body.dc-error").count() == 1
    assert "not running" in reader.text_content("#dc-status-title")
    assert "make serve" in reader.text_content("#dc-status-hint")
    assert "127.0.0.1:9" in reader.text_content("#dc-status-message")
    assert reader.get_attribute("#dc-status-original", "href") == original.url
    reader.screenshot(path=str(artifact("reader-service-down.png")))
    assert original.locator("[data-declutter-hidden]").count() == 0

    # Start (here: point back at) the service, press "Try again": the article appears.
    ext.storage("async (s) => chrome.storage.local.set({service: s})", {"url": service.url, "token": service.token})
    reader.click("#dc-retry")
    wait_for_reader(reader, "body.dc-ready")
    assert "Added by script" in reader.inner_text("#dc-content")


def test_service_error_shows_its_message(ext, service, web):
    ext.storage("async (url) => chrome.storage.local.set({service: {url, token: 'wrong'}})", service.url)
    _, reader = open_in_reader(ext, web.local("/pages/scripted.html"))
    assert reader.locator("body.dc-error").count() == 1
    assert "API token" in reader.text_content("#dc-status-title")
    assert reader.text_content("#dc-status-message").strip()
    assert reader.locator("#dc-options").is_visible()


def test_page_without_article(ext, web):
    _, reader = open_in_reader(ext, web.local("/pages/empty.html"))
    assert reader.locator("body.dc-error").count() == 1
    assert reader.text_content("#dc-status-title") == "No article found on this page"
    assert reader.text_content("#dc-status-message").strip()


def test_huge_page(ext, web):
    _, reader = open_in_reader(ext, web.local("/huge.html"))
    assert reader.locator("body.dc-error").count() == 1
    assert reader.text_content("#dc-status-title") == "This page is too large to clean"
    assert reader.text_content("#dc-status-message").strip()


def test_reader_import_neutralises_xss_vectors(ext):
    """Defence in depth: even HTML the service did not sanitize comes out of the reader's import inert."""
    payloads = [case["payload"] for case in json.loads(XSS_VECTORS.read_text(encoding="utf-8"))]
    page = ext.context.new_page()
    ext.opened.append(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(ext.extension_url("reader.html"))
    found = page.evaluate(
        """async ([module, payloads]) => {
            const { articleFragment } = await import(module);
            const found = [];
            const unsafeUrl = /^\\s*(javascript|vbscript|data:(?!image\\/(png|jpe?g|gif|webp|avif);))/i;
            for (const payload of payloads) {
                const host = document.createElement("div");
                host.append(articleFragment(payload, "https://news.example/story"));
                document.body.append(host);
                for (const el of host.querySelectorAll("*")) {
                    if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") found.push([payload, el.localName]);
                    if (/^(script|style|iframe|frame|object|embed|form|link|meta|base|template)$/.test(el.localName)) {
                        found.push([payload, el.localName]);
                    }
                    for (const { name, value } of el.attributes) {
                        if (/^on/i.test(name) || name === "style") found.push([payload, name]);
                        const isUrl = /^(href|src|srcset|poster|cite|action|formaction|data|xlink:href)$/.test(name);
                        if (isUrl && unsafeUrl.test(value)) found.push([payload, `${name}=${value}`]);
                    }
                }
                host.remove();
            }
            return found;
        }""",
        [ext.extension_url("reader/content.js"), payloads],
    )
    page.wait_for_timeout(300)
    assert found == []
    assert dialogs == []
