""" "Fix this page" end to end in headless Chromium: pick in the original tab, preview, keep, share.

The picker's overlay lives in a closed shadow root the page cannot reach; the tests read and click it
through the DevTools protocol (DOM.getDocument with pierce), as a user's pointer would.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from harness import ROOT, artifact, open_in_reader, wait_for_reader
from test_firefox import firefox, node_modules, run_driver  # noqa: F401 (fixtures shared with the Firefox trip)

pytestmark = pytest.mark.browser

DOCS_IMAGES = ROOT / "docs" / "images"
GAZETTE = ("www.harbour-gazette.test", "/sea-wall-vote.html")
TIDEWATER = ("www.tidewater-post.test", "/ferry-timetable.html")
NEWSLETTER_TEXT = "The Tideline, every morning"
FRIENDS_TEXT = "Friends of the Post read every story first"
# Every class name of the hashed page: none may reach a selector.
HASHED_NAMES = [
    "Layout_page__2Xk9q", "css-1q2w3e4", "e1n8kpyg0", "Layout_main__a1B2c", "Story_body__3hT9x", "css-7h3k2l",
    "Story_title__9QwE1", "Story_byline__4RtY2", "Story_para__8LmN3", "Friends_prompt__7fG2k", "css-9x8d7c",
    "sc-bdVaJa", "sc-gsTCUz", "css-5t6y7u8",
]  # fmt: skip


@pytest.fixture
def fix_ext(ext):
    """The extension with no kept fix and no reader name; kept fixes are forgotten after the test too."""
    reset = "async () => chrome.storage.local.remove(['fixes', 'fixAuthor'])"
    ext.storage(reset)
    yield ext
    ext.storage(reset)


# --- the picker's closed shadow root, through the DevTools protocol -----------------------------------


def _walk(node: dict):
    yield node
    for child in [*node.get("shadowRoots", []), *node.get("children", [])]:
        yield from _walk(child)


def _picker_root(page) -> tuple[object, dict | None]:
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    host = next((n for n in _walk(document) if n.get("localName") == "declutter-picker"), None)
    return cdp, host


def picker_text(page) -> str:
    """All text the picker shows (labels, toolbar), in document order."""
    cdp, host = _picker_root(page)
    cdp.detach()
    assert host is not None, "the picker is not on the page"
    return " ".join(n["nodeValue"] for n in _walk(host) if n.get("nodeType") == 3 and n["nodeValue"].strip())


def click_picker_button(page, text: str) -> None:
    """Click a button of the picker's toolbar where it is drawn."""
    cdp, host = _picker_root(page)
    try:
        assert host is not None, "the picker is not on the page"
        buttons = [
            n
            for n in _walk(host)
            if n.get("localName") == "button" and any(c.get("nodeValue") == text for c in n.get("children", []))
        ]
        assert buttons, f"no picker button {text!r}: {picker_text(page)}"
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": buttons[0]["backendNodeId"]})["model"]["border"]
    finally:
        cdp.detach()
    page.mouse.click((quad[0] + quad[4]) / 2, (quad[1] + quad[5]) / 2)


def start_picking(reader, original) -> None:
    reader.click("#dc-fix")
    original.wait_for_selector("declutter-picker", state="attached", timeout=10_000)


def wait_for_status(reader, kind: str, containing: str = "", timeout: float = 30_000) -> str:
    """Wait for the fix panel's verdict (ok or bad, holding `containing`) and check it is `kind`; the text is the
    message. Give `containing` when an earlier verdict may still be showing."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    verdict = ", ".join(f"#dc-fix-status.{k}:has-text({json.dumps(containing)})" for k in ("ok", "bad"))
    try:
        reader.wait_for_selector(verdict, timeout=timeout)
    except PlaywrightTimeout:
        raise AssertionError(f"no such verdict in the fix panel: {reader.text_content('#dc-fix-status')!r}") from None
    status = reader.locator("#dc-fix-status")
    text = status.text_content()
    assert kind in status.get_attribute("class").split(), text
    return text


def wait_for_picker_text(page, text: str, timeout: float = 5.0) -> str:
    """Wait until the picker shows `text` (it redraws its hover label on the next animation frame)."""
    deadline = time.monotonic() + timeout
    while text not in (shown := picker_text(page)):
        assert time.monotonic() < deadline, f"the picker never showed {text!r}: {shown!r}"
        page.wait_for_timeout(50)
    return shown


def pick(original, selector: str, widen: int = 0) -> None:
    """Hover a block (widened to its parents with ArrowUp) and click it, as a reader would."""
    box = original.locator(selector).first.bounding_box()
    x, y = box["x"] + 8, box["y"] + box["height"] / 2
    original.mouse.move(x, y)
    for _ in range(widen):
        original.keyboard.press("ArrowUp")
    original.mouse.click(x, y)


def reader_text(reader) -> str:
    return reader.locator("#dc-content").inner_text()


def removed_lines(reader) -> str:
    return " | ".join(reader.locator("#dc-removed-list li").all_inner_texts())


def kept_fixes(ext) -> dict:
    return ext.storage("async () => (await chrome.storage.local.get('fixes')).fixes ?? {}")


def save_screenshot(page, name: str, **options) -> None:
    page.screenshot(path=str(artifact(name)), **options)
    if os.environ.get("DECLUTTER_UPDATE_SCREENSHOT") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(artifact(name), DOCS_IMAGES / name)


# --- tests --------------------------------------------------------------------------------------------


def test_pick_preview_keep_and_share_a_newsletter_block(fix_ext, web, tmp_path):
    original, reader = open_in_reader(fix_ext, web.seed(*GAZETTE))
    assert NEWSLETTER_TEXT in reader_text(reader), "the fixture's newsletter block must get past the generic layer"

    start_picking(reader, original)
    assert "Nothing picked yet" in picker_text(original)
    # Hover the heading, widen to its block with ArrowUp, narrow back with ArrowDown, widen again.
    box = original.locator(".tideline h3").bounding_box()
    original.mouse.move(box["x"] + 8, box["y"] + box["height"] / 2)
    wait_for_picker_text(original, "h3 · 4 words")
    original.keyboard.press("ArrowUp")
    assert "div.tideline · 27 words" in picker_text(original)
    original.keyboard.press("ArrowDown")
    assert "h3 · 4 words" in picker_text(original)
    original.keyboard.press("ArrowUp")
    original.mouse.click(box["x"] + 8, box["y"] + box["height"] / 2)
    shown = picker_text(original)
    assert "✕ newsletter · div.tideline · 27 words" in shown
    assert ".tideline · 1 on this page" in shown
    save_screenshot(original, "fix-picker.png")

    click_picker_button(original, "Done")
    original.wait_for_selector("declutter-picker", state="detached")
    status = wait_for_status(reader, "ok")
    assert "your fix removed 1 block" in status

    # The preview: the same captured page cleaned again with the draft rule.
    wait_for_reader(reader, "body.dc-ready")
    assert NEWSLETTER_TEXT not in reader_text(reader)
    assert "Tides, council decisions" not in reader_text(reader)
    assert "Mayor Ana Petrova" in reader_text(reader)
    assert "newsletter form" in reader.text_content("#dc-removed-summary")
    reader.click("#dc-removed-summary")
    assert "draft:0" in removed_lines(reader)
    assert reader.text_content(".dc-fix-pick code") == ".tideline"
    assert reader.input_value(".dc-fix-pick select") == "newsletter"
    reader.evaluate("scrollTo(0, 0)")
    save_screenshot(reader, "fix-preview.png")

    # Keep for me: later visits to the site are cleaned with the fix.
    reader.click("#dc-fix-keep")
    assert "Kept: pages on harbour-gazette.test" in wait_for_status(reader, "ok", "Kept")
    kept = kept_fixes(fix_ext)
    assert list(kept) == ["harbour-gazette.test"]
    assert kept["harbour-gazette.test"]["rule"]["strip"][0]["selectors"] == [".tideline"]
    _, again = open_in_reader(fix_ext, web.seed(*GAZETTE))
    assert again.locator("body.dc-ready").count() == 1, again.text_content("#dc-status")
    assert NEWSLETTER_TEXT not in reader_text(again)
    again.click("#dc-removed-summary")
    assert "draft:0" in removed_lines(again)

    # Share as a site rule: a bundle that `declutter rules add` takes and `declutter rules check` passes.
    reader.fill("#dc-fix-author", "Test Reader")
    with reader.expect_download() as info:
        reader.click("#dc-fix-share")
    download = info.value
    assert download.suggested_filename == "harbour-gazette.test.declutter-rule.json"
    bundle_path = tmp_path / download.suggested_filename
    download.save_as(bundle_path)
    bundle = json.loads(bundle_path.read_text(encoding="utf-8"))
    check_bundle(bundle, tmp_path, bundle_path)


def check_bundle(bundle: dict, tmp_path: Path, bundle_path: Path) -> None:
    assert bundle["format"] == "declutter-rule-bundle"
    assert bundle["version"] == 1
    assert bundle["domain"] == "harbour-gazette.test"
    rule = bundle["rule"]
    assert rule["domains"] == ["harbour-gazette.test"]
    assert rule["strip"][0]["category"] == "newsletter"
    assert rule["strip"][0]["selectors"] == [".tideline"]
    assert rule["verified"]["by"] == "Test Reader"
    (test,) = rule["tests"]
    assert test["fixture"] == "sea-wall-vote.html"
    assert test["url"] == "http://www.harbour-gazette.test/sea-wall-vote.html"
    assert len(test["must_contain"]) == 3
    assert test["must_contain"][0].startswith("The harbour council voted on Tuesday evening")
    assert test["must_contain"][-1].startswith("Work on the first section")
    assert test["must_not_contain"] and "Tideline" in test["must_not_contain"][0]
    assert NEWSLETTER_TEXT in bundle["fixtures"]["sea-wall-vote.html"]

    # The CLI on a copy of the project's rules and site fixtures.
    work = tmp_path / "project"
    shutil.copytree(ROOT / "rules", work / "rules")
    shutil.copytree(ROOT / "tests" / "sites", work / "tests" / "sites")
    rules_dir = str(work / "rules")
    added = run_cli(work, "rules", "add", str(bundle_path), "--rules-dir", rules_dir)
    assert added.returncode == 0, added.stdout[-3000:] + added.stderr[-3000:]
    site_file = work / "rules" / "sites" / "harbour-gazette.test.yaml"
    assert site_file.is_file()
    assert (work / "tests" / "sites" / "harbour-gazette.test" / "sea-wall-vote.html").is_file()
    checked = run_cli(work, "rules", "check", str(site_file), "--rules-dir", rules_dir)
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr[-3000:]


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    declutter = str(ROOT / ".venv" / "bin" / "declutter")
    return subprocess.run([declutter, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_pick_on_a_hashed_page_never_proposes_a_generated_name(fix_ext, web):
    original, reader = open_in_reader(fix_ext, web.seed(*TIDEWATER))
    assert FRIENDS_TEXT in reader_text(reader)
    start_picking(reader, original)
    # The page's stylesheet tries to hide the picker and every button (and its CSP allows no inline style):
    # the overlay stays up, drawn where it should be.
    assert "Comic Sans" in original.evaluate("getComputedStyle(document.body).fontFamily")  # the sheet is in force
    assert original.evaluate("getComputedStyle(document.querySelector('declutter-picker')).display") == "block"
    assert original.evaluate("document.querySelector('declutter-picker').shadowRoot") is None
    pick(original, "aside p", widen=1)
    assert "✕ paywall · aside · 23 words" in picker_text(original)
    click_picker_button(original, "Done")
    original.wait_for_selector("declutter-picker", state="detached")
    assert "your fix removed 1 block" in wait_for_status(reader, "ok")

    selector = reader.text_content(".dc-fix-pick code")
    assert selector == "#__next aside"
    for name in HASHED_NAMES:
        assert name not in selector
    assert reader.input_value(".dc-fix-pick select") == "paywall"
    assert FRIENDS_TEXT not in reader_text(reader)

    reader.click("#dc-fix-keep")
    wait_for_status(reader, "ok", "Kept")
    assert kept_fixes(fix_ext)["tidewater-post.test"]["rule"]["strip"] == [
        {"category": "paywall", "note": kept_fixes(fix_ext)["tidewater-post.test"]["rule"]["strip"][0]["note"],
         "selectors": ["#__next aside"]}
    ]  # fmt: skip
    _, again = open_in_reader(fix_ext, web.seed(*TIDEWATER))
    assert FRIENDS_TEXT not in reader_text(again)
    assert "Islanders had collected" in reader_text(again)


def test_the_reader_can_change_a_category_and_unmark_a_pick(fix_ext, web):
    original, reader = open_in_reader(fix_ext, web.seed(*GAZETTE))
    start_picking(reader, original)
    pick(original, ".rail p", widen=1)  # the weather rail, then changed mind: a second click unmarks it
    assert "✕ other · aside.rail" in picker_text(original)
    pick(original, ".rail p")  # the same spot, still widened to the rail
    assert "✕" not in picker_text(original)
    pick(original, ".tideline h3", widen=1)
    # "This is the article": the next click pins the content root instead of marking.
    click_picker_button(original, "This is the article")
    assert "Click the block that holds the article" in picker_text(original)
    pick(original, "article.story > p:nth-of-type(2)", widen=1)
    assert "Article · article.story ·" in picker_text(original)
    click_picker_button(original, "Done")
    wait_for_status(reader, "ok")
    assert reader.locator(".dc-fix-pick:not(.dc-fix-content)").count() == 1
    assert reader.text_content(".dc-fix-content code") == ".story"
    reader.select_option(".dc-fix-pick select", "other")
    reader.click("#dc-fix-preview")
    wait_for_status(reader, "ok", "Preview")
    reader.click("#dc-removed-summary")
    assert "other block" in removed_lines(reader)


def test_the_page_cannot_drive_the_picker_with_its_own_events(fix_ext, web):
    original, reader = open_in_reader(fix_ext, web.seed(*GAZETTE))
    start_picking(reader, original)
    # The page's own script hovers and clicks its article, widens it, and presses Enter (Done) for the reader.
    original.evaluate(
        """() => {
            const story = document.querySelector("article.story p");
            for (const type of ["mousemove", "mouseover", "mousedown", "mouseup", "click"]) {
                story.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
            }
            for (const key of ["ArrowUp", "Enter"]) {
                document.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
            }
        }"""
    )
    # The listeners ran during dispatch: nothing was marked and the picker is still up.
    assert original.locator("declutter-picker").count() == 1
    assert "Nothing picked yet" in picker_text(original)
    assert "✕" not in picker_text(original)
    # Nor can the page take the overlay away while the picker holds its clicks: it comes back.
    original.evaluate("document.querySelector('declutter-picker').remove()")
    original.wait_for_selector("declutter-picker", state="attached", timeout=2_000)
    # The reader's own pointer still picks.
    pick(original, ".tideline h3", widen=1)
    assert "✕ newsletter · div.tideline" in picker_text(original)
    original.keyboard.press("Escape")
    reader.wait_for_selector("#dc-fix-status:has-text('Picking ended')")
    assert NEWSLETTER_TEXT in reader_text(reader)


def test_escape_leaves_picking_and_the_page_is_as_it_was(fix_ext, web):
    original, reader = open_in_reader(fix_ext, web.seed(*GAZETTE))
    before = original.evaluate("document.documentElement.outerHTML")
    start_picking(reader, original)
    pick(original, ".tideline h3")
    original.keyboard.press("Escape")
    original.wait_for_selector("declutter-picker", state="detached")
    reader.wait_for_selector("#dc-fix-status:has-text('Picking ended')")
    assert original.evaluate("document.documentElement.outerHTML") == before
    # Nothing was sent: the article is still the first cleaning.
    assert NEWSLETTER_TEXT in reader_text(reader)


def test_a_draft_the_service_refuses_is_reported(fix_ext, web):
    original, reader = open_in_reader(fix_ext, web.seed(*GAZETTE))
    job = reader.url.split("#", 1)[1]
    reader.click("#dc-fix")
    original.wait_for_selector("declutter-picker", state="attached")
    original.keyboard.press("Escape")
    reader.wait_for_selector("#dc-fix-status:has-text('Picking ended')")
    # A draft no picker proposes: invalid CSS, as a hand-edited draft might hold.
    bad = {"picks": [{"selector": "div[[[", "category": "other"}], "content": None, "state": "idle"}
    fix_ext.storage("async ([key, draft]) => chrome.storage.session.set({[key]: draft})", [f"fixdraft:{job}", bad])
    reader.reload()
    wait_for_reader(reader, "body.dc-ready")
    reader.click("#dc-fix")
    reader.click("#dc-fix-preview")
    status = wait_for_status(reader, "bad")
    assert "The service refused this fix (400)" in status
    assert "div[[[" in status
    # Refused drafts are neither kept nor shown.
    reader.click("#dc-fix-keep")
    wait_for_status(reader, "bad", "refused")
    assert kept_fixes(fix_ext) == {}
    assert NEWSLETTER_TEXT in reader_text(reader)


def test_options_list_view_delete_and_export_kept_fixes(fix_ext, tmp_path):
    fixes = {
        "harbour-gazette.test": {
            "site": "harbour-gazette.test",
            "url": "http://www.harbour-gazette.test/sea-wall-vote.html",
            "rule": {"strip": [{"category": "newsletter", "note": "n", "selectors": [".tideline"]}]},
            "saved": "2026-12-05T10:00:00.000Z",
        },
        "tidewater-post.test": {
            "site": "tidewater-post.test",
            "url": "http://www.tidewater-post.test/ferry-timetable.html",
            "rule": {
                "strip": [{"category": "paywall", "note": "n", "selectors": ["#__next aside"]}],
                "content": ["#x"],
            },
            "saved": "2026-12-05T10:00:00.000Z",
        },
    }
    fix_ext.storage("async (fixes) => chrome.storage.local.set({fixes})", fixes)
    page = fix_ext.context.new_page()
    fix_ext.opened.append(page)
    page.goto(fix_ext.extension_url("options.html"))
    page.wait_for_selector("#fixes-list .fix")
    assert page.locator("#fixes-list .fix strong").all_inner_texts() == ["harbour-gazette.test", "tidewater-post.test"]
    assert "1 block removed, article pinned" in page.locator(".fix[data-site='tidewater-post.test']").inner_text()

    page.click(".fix[data-site='harbour-gazette.test'] .fix-view")
    assert json.loads(page.text_content("#fixes-json")) == fixes["harbour-gazette.test"]

    with page.expect_download() as info:
        page.click("#fixes-export")
    exported = tmp_path / "fixes.json"
    info.value.save_as(exported)
    assert info.value.suggested_filename == "declutter-kept-fixes.json"
    assert json.loads(exported.read_text(encoding="utf-8"))["fixes"] == fixes

    page.click(".fix[data-site='harbour-gazette.test'] .fix-delete")
    page.wait_for_selector(".fix[data-site='harbour-gazette.test']", state="detached")
    assert page.locator("#fixes-list .fix").count() == 1
    assert list(kept_fixes(fix_ext)) == ["tidewater-post.test"]


def test_firefox_pick_preview_and_keep(firefox, node_modules, extension_build, service, web, tmp_path):  # noqa: F811
    """The same trip in headless Firefox (firefox_fix.mjs over WebDriver BiDi): real pointer and keys in the page."""
    # Firefox resolves every name to 127.0.0.1 here; the fixture server tells the site by its name.
    page = f"http://{GAZETTE[0]}:{web.port}{GAZETTE[1]}"
    driver = Path(__file__).resolve().parent / "firefox_fix.mjs"
    seen = run_driver(driver, firefox, extension_build, service, tmp_path, page)
    assert NEWSLETTER_TEXT in seen["before"]
    assert seen["pickerShadowHidden"] is True
    assert "your fix removed 1 block" in seen["status"], seen["status"]
    assert seen["selector"] == ".tideline"
    assert seen["category"] == "newsletter"
    assert NEWSLETTER_TEXT not in seen["preview"]
    assert "Mayor Ana Petrova" in seen["preview"]
    assert "draft:0" in seen["removed"]
    assert json.loads(seen["kept"])["harbour-gazette.test"]["rule"]["strip"][0]["selectors"] == [".tideline"]
    assert NEWSLETTER_TEXT not in seen["nextVisit"]
    assert "Mayor Ana Petrova" in seen["nextVisit"]


def test_a_kept_fix_the_service_refuses_is_left_out_and_said(fix_ext, web):
    broken = {
        "site": "harbour-gazette.test",
        "url": "http://www.harbour-gazette.test/sea-wall-vote.html",
        "rule": {"strip": [{"category": "other", "note": "hand-edited", "selectors": ["div[[["]}]},
        "saved": "2026-12-05T10:00:00.000Z",
    }
    fix_ext.storage("async (fix) => chrome.storage.local.set({fixes: {'harbour-gazette.test': fix}})", broken)
    _, reader = open_in_reader(fix_ext, web.seed(*GAZETTE))
    # The page is still read, cleaned without the fix, and the panel says why.
    assert reader.locator("body.dc-ready").count() == 1, reader.text_content("#dc-status")
    assert NEWSLETTER_TEXT in reader_text(reader)
    status = wait_for_status(reader, "bad")
    assert "Your kept fix for this site was refused by the service" in status
    assert "div[[[" in status
    assert reader.text_content(".dc-fix-pick code") == "div[[["


def test_this_is_the_article_pins_the_content_root(fix_ext, web):
    # A live page whose updates sit in a block named like a comment thread: the extractor takes the tide tables.
    original, reader = open_in_reader(fix_ext, web.seed(GAZETTE[0], "/storm-live.html"))
    assert "Tide table for the first" in reader_text(reader)
    assert "storm barrier at the harbour mouth" not in reader_text(reader)
    start_picking(reader, original)
    click_picker_button(original, "This is the article")
    pick(original, ".comment-thread-feature p", widen=2)  # the update's time, its paragraph, then the stream
    assert "Article · .comment-thread-feature Declutter" in picker_text(original)
    click_picker_button(original, "Done")
    status = wait_for_status(reader, "ok")
    assert "Preview" in status
    assert reader.text_content(".dc-fix-content code") == ".comment-thread-feature"
    text = reader_text(reader)
    assert "The storm barrier at the harbour mouth closed" in text
    assert "The tide has turned." in text
    assert "Tide table for the first" not in text
    # Kept, the pin holds on the next visit too.
    reader.click("#dc-fix-keep")
    wait_for_status(reader, "ok", "Kept")
    assert kept_fixes(fix_ext)["harbour-gazette.test"]["rule"] == {"strip": [], "content": [".comment-thread-feature"]}
    _, again = open_in_reader(fix_ext, web.seed(GAZETTE[0], "/storm-live.html"))
    assert "The storm barrier at the harbour mouth closed" in reader_text(again)
