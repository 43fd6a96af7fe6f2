// Unit tests for src/reader/quotes.js (the "Who said what" panel) on a real DOM (linkedom); run by
// tests/test_extension_selector.py with the other extension tests.
import assert from "node:assert/strict";
import test from "node:test";
import { parseHTML } from "linkedom";

const { document, window } = parseHTML("<!doctype html><html><body><div id='panel'></div><div id='content'></div></body></html>");
globalThis.document = document;
globalThis.CSS = { escape: (value) => String(value).replace(/["\\]/g, "\\$&") };
globalThis.matchMedia = () => ({ matches: true });
void window;

const { KEY_SPEAKERS, groupBySpeaker, renderPanel, splitGroups } = await import("../src/reader/quotes.js");

const said = (id, speaker, extra = {}) => ({
  id, speaker, source: speaker, cue: "said", content: `words of ${id}`, kind: "indirect", key: false, rank: null,
  content_fragments: [[0, 1]], ...extra,
});

// Lopez (key, two statements), Baker (key), three unnamed or minor sources, one belief.
const ATTRIBUTIONS = [
  said("a1", "Maria Lopez", { key: true, kind: "direct", content: "“We were stunned,” Lopez said. “Nobody expected it.”",
    content_fragments: [[0, 18], [31, 52]] }),
  said("a2", "residents"),
  said("a3", "Tom Baker", { key: true }),
  said("a4", "maria lopez", { key: true }),
  said("a5", "critics"),
  said("a6", null, { source: "the report" }),
  said("a7", "Tom Baker", { kind: "belief", key: true }),
];

function content() {
  const root = document.getElementById("content");
  root.innerHTML = [
    '<p><span class="attr-content" data-attr="a1">“We were stunned,”</span> <mark class="attr-source" data-attr="a1">Lopez</mark>',
    ' <span class="attr-cue" data-attr="a1">said</span>. <span class="attr-content" data-attr="a1">“Nobody expected it.”</span></p>',
    ...["a2", "a3", "a4", "a5", "a6"].map((id) => `<p><span class="attr-content" data-attr="${id}">words of ${id}</span></p>`),
  ].join("");
  return root;
}

test("groups merge a speaker's case, leave beliefs out and put key speakers first", () => {
  const groups = groupBySpeaker(ATTRIBUTIONS);
  assert.deepEqual(groups.map((g) => [g.name, g.items.length, g.isKey]), [
    ["Maria Lopez", 2, true], ["Tom Baker", 1, true], ["residents", 1, false], ["critics", 1, false], ["the report", 1, false],
  ]);
  const many = Array.from({ length: KEY_SPEAKERS + 2 }, (_, i) => said(`k${i}`, `Person ${i}`, { key: true }));
  const { open, rest } = splitGroups(groupBySpeaker(many));
  assert.equal(open.length, KEY_SPEAKERS);
  assert.equal(rest.length, 2);
  // nothing key: nothing to collapse to
  assert.equal(splitGroups(groupBySpeaker([said("b1", "critics")])).rest.length, 0);
});

test("the panel opens on the key speakers with counts; the rest is built behind the toggle when opened", () => {
  const panel = document.getElementById("panel");
  const count = renderPanel(panel, content(), ATTRIBUTIONS);
  assert.equal(count, 6);
  const names = () => [...panel.querySelectorAll(".dc-speaker-label")].map((n) => n.textContent);
  assert.deepEqual(names(), ["Maria Lopez", "Tom Baker"]);
  assert.equal(panel.querySelector(".dc-count").textContent, "2");
  const toggle = panel.querySelector(".dc-more-toggle");
  assert.equal(toggle.textContent, "3 more sources");
  assert.equal(toggle.getAttribute("aria-expanded"), "false");
  toggle.dispatchEvent(new window.Event("click"));
  assert.equal(toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual(names(), ["Maria Lopez", "Tom Baker", "residents", "critics", "the report"]);
  toggle.dispatchEvent(new window.Event("click"));
  assert.equal(panel.querySelector(".dc-more-body").hidden, true);
  assert.equal(panel.querySelectorAll(".dc-more-body .dc-speaker").length, 3); // built once
});

test("a split quote reads whole: every marked fragment, joined", () => {
  const panel = document.getElementById("panel");
  renderPanel(panel, content(), ATTRIBUTIONS);
  const first = panel.querySelector('.dc-quote[data-jump="a1"]');
  assert.equal(first.querySelector(".dc-reported").textContent, "“We were stunned,” … “Nobody expected it.”");
  // every fragment in the text takes the speaker's colour
  const hues = [...document.querySelectorAll('#content [data-attr="a1"]')].map((n) => n.className.match(/dc-hue-\d/)?.[0]);
  assert.ok(hues.every((hue) => hue === "dc-hue-0"));
});
