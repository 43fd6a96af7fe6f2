"""Listen: the reader reads the article aloud with Chromium's real speech synthesis (speech-dispatcher and
espeak-ng, silent: see harness.speech_env), highlighting each block as its utterance starts."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from harness import ROOT, artifact, open_in_reader

pytestmark = pytest.mark.browser

DOCS_SCREENSHOT = ROOT / "docs" / "images" / "reader-listen.png"
# Utterances start a few seconds late the first time: Chromium starts speech-dispatcher on the first one.
SPEECH_TIMEOUT_MS = 45_000

# In the reader page: record the index (among listen.js's readable blocks) of each block highlighted, in order,
# and optionally press Pause the moment a given block is highlighted.
RECORD = """async ([module, pauseAt]) => {
    const { readableBlocks } = await import(module);
    const blocks = readableBlocks(document.getElementById("dc-content"));
    window.dcSpoken = [];
    new MutationObserver((changes) => {
        for (const change of changes) {
            const index = blocks.indexOf(change.target);
            if (index >= 0 && change.target.classList.contains("dc-speaking")) {
                window.dcSpoken.push(index);
                if (index === pauseAt) document.getElementById("dc-listen-play").click();
            }
        }
    }).observe(document.getElementById("dc-content"), { subtree: true, attributes: true, attributeFilter: ["class"] });
    return blocks.length;
}"""

FINISHED = """() => document.getElementById("dc-listen-play").textContent === "Play"
    && !document.body.classList.contains("dc-listening") && window.dcSpoken.length > 0"""


@pytest.fixture(scope="module", autouse=True)
def speech_dispatcher():
    if not shutil.which("speech-dispatcher"):
        pytest.fail("speech-dispatcher is not installed: run `make browser-deps`", pytrace=False)


@pytest.fixture
def reader(ext, web):
    _, page = open_in_reader(ext, web.local("/pages/heavy.html"))
    assert page.locator("body.dc-ready").count() == 1, page.text_content("#dc-status")
    return page


def module_url(ext) -> str:
    return ext.extension_url("reader/listen.js")


def test_listen_reads_every_block_in_order_highlighting_each(reader, ext):
    assert reader.is_visible("#dc-listen")
    assert not reader.is_visible("#dc-listen-bar")
    reader.click("#dc-listen")
    assert reader.is_visible("#dc-listen-bar")
    blocks = reader.evaluate(RECORD, [module_url(ext), -1])
    assert blocks >= 6
    reader.click("#dc-listen-play")
    reader.wait_for_function("() => window.dcSpoken.length > 0", timeout=SPEECH_TIMEOUT_MS)
    assert reader.text_content("#dc-listen-play") == "Pause"
    reader.wait_for_function(FINISHED, timeout=SPEECH_TIMEOUT_MS)
    # Every block, once, in order; at the end nothing is highlighted.
    assert reader.evaluate("window.dcSpoken") == list(range(blocks))
    assert reader.locator(".dc-speaking").count() == 0
    assert reader.text_content("#dc-listen-status") == ""


def test_pause_keeps_the_place_in_view_and_resume_goes_on_from_it(reader, ext):
    reader.set_viewport_size({"width": 1280, "height": 560})  # short, so reading has to scroll
    reader.click("#dc-listen")
    blocks = reader.evaluate(RECORD, [module_url(ext), 4])
    reader.click("#dc-listen-play")
    reader.wait_for_function(
        "() => document.getElementById('dc-listen-play').textContent === 'Resume'", timeout=SPEECH_TIMEOUT_MS
    )
    # Paused: the browser has nothing left to say, nothing more was read, the block stays highlighted and is
    # scrolled into view.
    reader.wait_for_function("() => !speechSynthesis.speaking && !speechSynthesis.pending", timeout=5_000)
    assert reader.evaluate("window.dcSpoken") == [0, 1, 2, 3, 4]
    assert reader.text_content("#dc-listen-status") == f"Paused at paragraph 5 of {blocks}"
    speaking = reader.locator(".dc-speaking")
    assert speaking.count() == 1
    reader.wait_for_function(
        """() => { const r = document.querySelector('.dc-speaking').getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight; }""",
        timeout=5_000,
    )
    assert reader.evaluate("scrollY") > 0
    shot = artifact("reader-listen.png")
    reader.screenshot(path=str(shot))
    # The README's picture, refreshed on request only.
    if os.environ.get("DECLUTTER_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, DOCS_SCREENSHOT)
    # Resume says the paused block again (it stays highlighted) and goes on to the end.
    reader.click("#dc-listen-play")
    reader.wait_for_function(FINISHED, timeout=SPEECH_TIMEOUT_MS)
    assert reader.evaluate("window.dcSpoken") == list(range(blocks))


def test_stop_clears_the_highlight_and_starts_over(reader, ext):
    reader.click("#dc-listen")
    reader.evaluate(RECORD, [module_url(ext), 2])
    reader.click("#dc-listen-play")
    reader.wait_for_function(
        "() => document.getElementById('dc-listen-play').textContent === 'Resume'", timeout=SPEECH_TIMEOUT_MS
    )
    reader.click("#dc-listen-stop")
    assert reader.locator(".dc-speaking").count() == 0
    assert reader.is_disabled("#dc-listen-stop")
    reader.evaluate("window.dcSpoken = []")
    reader.click("#dc-listen-play")
    reader.wait_for_function("() => window.dcSpoken.length > 0", timeout=SPEECH_TIMEOUT_MS)
    assert reader.evaluate("window.dcSpoken[0]") == 0


def test_voices_are_those_of_the_article_language_and_voice_and_speed_are_kept(reader, ext):
    reader.click("#dc-listen")
    # Chromium lists speech-dispatcher's voices once it has started it: speak once, then wait for them.
    reader.evaluate(RECORD, [module_url(ext), -1])
    reader.click("#dc-listen-play")
    reader.wait_for_function(FINISHED, timeout=SPEECH_TIMEOUT_MS)
    reader.wait_for_function("() => document.querySelectorAll('#dc-listen-voice option').length > 1", timeout=10_000)
    assert reader.get_attribute("#dc-article", "lang") == "en"
    options = reader.eval_on_selector_all("#dc-listen-voice option", "os => os.map(o => [o.value, o.textContent])")
    assert options[0] == ["", "Automatic (en)"]
    assert all(re.search(r"\(en([-_][\w-]+)?\)$", text) for _, text in options[1:]), options[:10]
    every = reader.evaluate("speechSynthesis.getVoices().length")
    assert len(options) - 1 < every  # the browser has voices in other languages, which are not offered

    # The module's filter on the browser's real voices: a German article gets German voices only, Austrian first.
    german = reader.evaluate(
        """async (module) => {
            const { voicesFor } = await import(module);
            return voicesFor("de-AT", speechSynthesis.getVoices()).map((v) => v.lang);
        }""",
        module_url(ext),
    )
    assert german and all(re.match(r"de([-_]|$)", lang, re.I) for lang in german)

    # A chosen voice and speed are kept for the next reader page.
    chosen = options[2][0] if len(options) > 2 else options[1][0]
    reader.select_option("#dc-listen-voice", chosen)
    reader.select_option("#dc-listen-rate", "1.5")
    reader.wait_for_function(
        "async () => (await chrome.storage.local.get('listen')).listen?.rate === 1.5", timeout=5_000
    )
    assert ext.storage("async () => (await chrome.storage.local.get('listen')).listen") == {
        "voice": chosen,
        "rate": 1.5,
    }
    reader.reload()
    reader.wait_for_selector("body.dc-ready")
    reader.wait_for_function(
        "v => document.getElementById('dc-listen-voice').value === v", arg=chosen, timeout=SPEECH_TIMEOUT_MS
    )
    assert reader.input_value("#dc-listen-rate") == "1.5"
    ext.storage("async () => chrome.storage.local.remove('listen')")


def test_chunks_are_whole_sentences_within_the_limit(reader, ext):
    result = reader.evaluate(
        """async (module) => {
            const { chunkText, plan, readableBlocks, MAX_CHUNK } = await import(module);
            const sentence = (n) => `Sentence ${n} tells the reader something about the ferry and its timetable.`;
            const paragraph = Array.from({ length: 12 }, (_, i) => sentence(i)).join("  \\n ");
            const long = "word ".repeat(200).trim();
            const unspaced = "港".repeat(500) + "。";
            const root = document.createElement("div");
            const quote = "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>";
            root.innerHTML = `<h2>Heading</h2><p>${paragraph}</p>${quote}<ul><li>Item</li><li><p>Item p</p></li></ul>`
                + "<p>   </p>";
            return {
                max: MAX_CHUNK,
                paragraph: chunkText(paragraph, "en"),
                normalized: paragraph.replace(/\\s+/g, " "),
                long: chunkText(long, "en"),
                unspaced: chunkText(unspaced, "ja"),
                badLang: chunkText("One. Two.", "not a tag!"),
                blocks: readableBlocks(root).map((b) => b.textContent.replace(/\\s+/g, " ").trim()),
                plan: plan(root, "en").map((item) => [item.index, item.text.slice(0, 12)]),
            };
        }""",
        module_url(ext),
    )
    limit = result["max"]
    chunks = result["paragraph"]
    assert len(chunks) > 1 and all(len(c) <= limit for c in chunks)
    assert all(c.endswith("timetable.") for c in chunks)  # cut between sentences, never inside one
    assert " ".join(chunks) == result["normalized"]
    assert all(len(c) <= limit for c in result["long"]) and " ".join(result["long"]) == "word " * 199 + "word"
    assert all(len(c) <= limit for c in result["unspaced"]) and "".join(result["unspaced"]) == "港" * 500 + "。"
    assert result["badLang"] == ["One. Two."]
    # Innermost blocks only, empty ones left out: a quote's paragraphs and a list item's paragraph once each.
    assert result["blocks"] == ["Heading", result["normalized"], "Quoted one.", "Quoted two.", "Item", "Item p"]
    assert [index for index, _ in result["plan"]][:2] == [0, 1]
    assert result["plan"][-1][0] == 5
