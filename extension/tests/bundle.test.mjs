// Unit tests for src/reader/bundle.js (the "Share as a site rule" bundle) and the draft rule of src/lib/fixes.js.
import assert from "node:assert/strict";
import test from "node:test";
import { fixtureName, line, makeBundle, mustContain, mustNotContain, sentences, today } from "../src/reader/bundle.js";

const ARTICLE = [
  "The harbour council voted on Tuesday evening to build a new sea wall along the old quarter.",
  "Short one.",
  "Residents have seen their ground floors flooded four times since 2015, said the mayor.",
  "The engineers expect construction to take three years and cost forty million euros.",
  "Work on the first section is due to start in September once the summer season is over.",
].join("\n\n");

test("sentences are the article's, whitespace squashed, too-short ones left out", () => {
  const found = sentences(ARTICLE);
  assert.equal(found.length, 4);
  assert.ok(!found.includes("Short one."));
  assert.ok(found.every((s) => ARTICLE.replace(/\s+/g, " ").includes(s)));
});

test("a sentence never runs across a line break", () => {
  const text = "A headline without a full stop\n\nBy Maria Lindqvist · 14 March 2024\n\nThe council voted on Tuesday to build the wall.";
  assert.deepEqual(sentences(text), ["The council voted on Tuesday to build the wall."]);
});

test("must_contain takes the start, the middle and the end", () => {
  assert.deepEqual(mustContain(ARTICLE), [
    "The harbour council voted on Tuesday evening to build a new sea wall along the old quarter.",
    "The engineers expect construction to take three years and cost forty million euros.",
    "Work on the first section is due to start in September once the summer season is over.",
  ]);
  assert.deepEqual(mustContain("One sentence only, long enough to count as one."), ["One sentence only, long enough to count as one."]);
  assert.deepEqual(mustContain("no full stop here at all"), ["no full stop here at all"]);
});

test("must_not_contain takes a line per removed block, only if the article no longer holds it", () => {
  const result = { text: ARTICLE, html: "<p>Sign up</p>" };
  const removed = [
    { rule: "draft:0", selector: ".tideline", count: 1, sample: "The Tideline, every morning Tides, council decisions and the boats coming in: our editors' picks" },
    { rule: "rules/generic/newsletter.yaml", selector: "form", count: 1, sample: "Count me in" },
    { rule: "draft:0", selector: ".kept", count: 1, sample: "The engineers expect construction" },
  ];
  const samples = { ".tideline": "", ".kept": "", ".gone": "Friends of the Post read every story first." };
  assert.deepEqual(mustNotContain(removed, [".tideline", ".kept", ".gone"], samples, result), [
    "The Tideline, every morning Tides, council decisions and the boats coming in:",
    "Friends of the Post read every story first.",
  ]);
  assert.ok(line("x ".repeat(100)).length <= 80);
});

test("fixture names follow the rule schema's pattern", () => {
  assert.equal(fixtureName("https://www.example.com/news/sea-wall-vote.html?x=1#top"), "sea-wall-vote.html");
  assert.equal(fixtureName("https://example.com/2024/03/14/été à la mer/"), "ete-a-la-mer.html");
  assert.equal(fixtureName("https://example.com/"), "page.html");
  for (const url of ["https://a.b/ü", "https://a.b/...", "https://a.b/x y z"]) assert.match(fixtureName(url), /^[A-Za-z0-9._-]+\.html$/);
});

test("the bundle has the agreed shape", () => {
  const rule = { strip: [{ category: "newsletter", note: "n", selectors: [".tideline"] }], content: ["article.story"] };
  const result = { text: ARTICLE, html: "", title: "Sea wall", site_name: "The Harbour Gazette", removed: [{ rule: "draft:0", selector: ".tideline", sample: "Get the Tideline" }] };
  const page = { url: "http://www.harbour.test/sea-wall.html?session=reader-secret&utm_source=x#open-1", html: "<html>captured</html>" };
  const bundle = makeBundle({ domain: "harbour.test", rule, result, page, samples: {}, by: "  ", date: "2026-12-05" });
  assert.deepEqual(bundle, {
    format: "declutter-rule-bundle",
    version: 1,
    domain: "harbour.test",
    rule: {
      name: "The Harbour Gazette",
      domains: ["harbour.test"],
      strip: rule.strip,
      content: ["article.story"],
      verified: { by: "a reader", date: "2026-12-05" },
      tests: [{
        fixture: "sea-wall.html",
        url: "http://www.harbour.test/sea-wall.html",
        title: "Sea wall",
        must_contain: mustContain(ARTICLE),
        must_not_contain: ["Get the Tideline"],
      }],
    },
    fixtures: { "sea-wall.html": "<html>captured</html>" },
  });
  assert.match(today(new Date(2026, 0, 5)), /^2026-01-05$/);
});

test("one site name: the host without www, which a kept fix covers with its subdomains and a shared rule is filed under", async () => {
  const { domainsCovering, hostOf, ruleDomain } = await import("../src/lib/site.js");
  assert.equal(hostOf("https://www.theguardian.com/world/x#top"), "theguardian.com");
  assert.equal(hostOf("https://News.BBC.co.uk./a"), "news.bbc.co.uk");
  assert.equal(hostOf("http://127.0.0.1:8000/a"), "127.0.0.1");
  assert.equal(hostOf("file:///tmp/a.html"), "");
  assert.equal(hostOf("not a url"), "");
  assert.deepEqual(domainsCovering("m.news.bbc.co.uk"), ["m.news.bbc.co.uk", "news.bbc.co.uk", "bbc.co.uk", "co.uk"]);
  assert.deepEqual(domainsCovering("harbour-gazette.test"), ["harbour-gazette.test"]);
  assert.deepEqual(domainsCovering("127.0.0.1"), ["127.0.0.1"]);
  assert.deepEqual(domainsCovering("[::1]"), ["[::1]"]);
  assert.deepEqual(domainsCovering(""), []);
  // What `declutter rules add` accepts as a domain, and nothing else.
  assert.equal(ruleDomain("http://www.harbour-gazette.test/a.html"), "harbour-gazette.test");
  assert.equal(ruleDomain("https://xn--bcher-kva.example/a"), "xn--bcher-kva.example");
  for (const url of ["http://127.0.0.1:8000/a", "http://localhost/a", "http://[::1]/a", "http://a-.example/", "http://x.123/", "ftp://example.com/", "nonsense"]) {
    assert.equal(ruleDomain(url), null, url);
  }
});

test("a draft becomes a rule grouped by category", async () => {
  const { draftRule } = await import("../src/lib/fixes.js");
  const rule = draftRule({
    picks: [
      { selector: ".a", category: "newsletter", sample: "Sign   up for the morning briefing" },
      { selector: ".b", category: "social" },
      { selector: ".c", category: "newsletter", note: "The second box." },
      { selector: ".a", category: "newsletter", sample: "Sign up for the morning briefing" },
    ],
    content: { selector: "article.story" },
  });
  assert.deepEqual(rule, {
    strip: [
      { category: "newsletter", note: "Picked in the reader: “Sign up for the morning briefing…” The second box.", selectors: [".a", ".c"] },
      { category: "social", note: "Picked in the reader.", selectors: [".b"] },
    ],
    content: ["article.story"],
  });
  assert.deepEqual(draftRule({ picks: [] }), { strip: [] });
});

test("the picker's report keeps only typed, bounded fields", async () => {
  const { pickedDraft } = await import("../src/lib/fixes.js");
  const draft = pickedDraft({
    picks: [
      { selector: ".tideline", category: "newsletter", count: 1, positional: false, sample: "x".repeat(500), label: "div", words: 27 },
      { selector: "", category: "ads" },
      { selector: "div".repeat(400), category: "ads" },
      { selector: { toString: () => ".a" }, category: "ads" },
      { selector: ".b", category: "<img src=x onerror=alert(1)>", count: "3", positional: "yes", extra: { deep: true } },
      null,
    ],
    content: { selector: ".story", label: "article", count: 1 },
  });
  assert.deepEqual(draft.picks, [
    { selector: ".tideline", category: "newsletter", count: 1, positional: false, sample: "x".repeat(200) },
    { selector: ".b", category: "other", count: null, positional: false, sample: "" },
  ]);
  assert.deepEqual(draft.content, { selector: ".story" });
  assert.deepEqual(pickedDraft({ picks: "all", content: { selector: 3 } }), { picks: [], content: null });
  const many = pickedDraft({ picks: Array.from({ length: 500 }, (_, i) => ({ selector: `.p${i}`, category: "other" })) });
  assert.equal(many.picks.length, 100);
});
