// Unit tests for src/picker/selector.js on a real DOM (linkedom): node --test extension/tests/
// Run by tests/test_extension_selector.py, so `make test` runs them.
const test = require("node:test");
const assert = require("node:assert/strict");
const { parseHTML } = require("linkedom");
const selector = require("../src/picker/selector.js");

const page = (body) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document;
const ARTICLE = `<article id="story"><h1>Sea wall</h1>${"<p>The council voted to build a sea wall along the old quarter after years of floods.</p>".repeat(6)}</article>`;

test("generated names are recognised", () => {
  const generated = [
    "Header_title__3xYz2", "styles-module__box___1aB2c", "css-1a2b3c", "css-1x2y3z-Header", "sc-bdVaJa",
    "kXzQoP", "bZbWsY", "e1n8kpyg0", "jss123", "makeStyles-root-12", "svelte-1xyz2ab", "post-12345",
    "a8f3k2d9", "deadbeef01", "xkqwzt", "md:flex", "w-[20px]", "1column", "block--9f8e7d6c",
  ];
  for (const name of generated) assert.equal(selector.isGeneratedName(name), true, name);
});

test("stable names are kept", () => {
  const stable = [
    "newsletter-box", "newsletter", "article__body", "c-share__wrapper", "supportUs-article__banner",
    "mc_embed_signup", "col-2", "h2", "related-links", "iPhone", "newsletterBox", "top10", "site-header",
    "polaris__subscription", "entry-content", "MuiBox-root",
  ];
  for (const name of stable) assert.equal(selector.isGeneratedName(name), false, name);
});

test("a stable class that is unique becomes the selector", () => {
  const doc = page(`${ARTICLE}<div class="newsletter-box css-1a2b3c"><p>Sign up</p><input type="email"></div>`);
  const box = doc.querySelector(".newsletter-box");
  const proposal = selector.proposeSelector(box, doc);
  assert.equal(proposal.selector, ".newsletter-box");
  assert.equal(proposal.count, 1);
  assert.equal(proposal.positional, false);
});

test("a stable id wins over longer class selectors", () => {
  const doc = page(`${ARTICLE}<aside id="promo" class="promo-banner-wide"><p>Buy</p></aside>`);
  assert.equal(selector.proposeSelector(doc.querySelector("aside"), doc).selector, "#promo");
});

test("generated ids and classes never appear in the selector", () => {
  const doc = page(`<main class="Layout_main__a1B2c">${ARTICLE}
    <div id="post-48213" class="Newsletter_root__9xK2p css-7h3k2l sc-kXzQoP"><p>Get the briefing</p><input type="email"></div>
    <div class="Promo_root__4kF9s"><p>Other</p></div></main>`);
  const box = doc.querySelector(".sc-kXzQoP");
  const proposal = selector.proposeSelector(box, doc);
  for (const bad of ["48213", "9xK2p", "css-", "sc-", "a1B2c"]) assert.ok(!proposal.selector.includes(bad), proposal.selector);
  assert.equal(doc.querySelectorAll(proposal.selector).length, 1);
  assert.equal(doc.querySelector(proposal.selector), box);
  // Nothing stable to name it by: only then a position, from body.
  assert.equal(proposal.positional, true);
  assert.match(proposal.selector, /^body > main > div:nth-of-type\(1\)$/);
});

test("a named attribute is used before positions", () => {
  const doc = page(`${ARTICLE}<div class="x8Kd2" data-testid="newsletter-signup"><input type="email"></div>`);
  const proposal = selector.proposeSelector(doc.querySelector("div.x8Kd2"), doc);
  assert.equal(proposal.selector, '[data-testid="newsletter-signup"]');
  assert.equal(proposal.positional, false);
});

test("a named ancestor scopes a block with no name of its own", () => {
  const doc = page(`${ARTICLE}<aside id="sidebar"><div><p>Most read</p></div><section class="a1b2c3d4"><p>Ad</p></section></aside><section><p>x</p></section>`);
  const target = doc.querySelector("#sidebar > section");
  const proposal = selector.proposeSelector(target, doc);
  assert.equal(proposal.selector, "#sidebar > section");
  assert.equal(proposal.positional, false);
  assert.equal(proposal.count, 1);
});

test("a bare tag under a named ancestor must be unique: one paragraph never becomes all of them", () => {
  const doc = page(`<div id="__next"><article>${"<p>Story text goes on here.</p>".repeat(3)}<aside><p>Friends of the Post</p></aside></article></div>`);
  const pick = doc.querySelector("aside p");
  const proposal = selector.proposeSelector(pick, doc);
  assert.equal(proposal.count, 1, proposal.selector);
  assert.equal(doc.querySelector(proposal.selector), pick);
  assert.equal(proposal.selector, "#__next > article > aside > p");
  assert.equal(selector.proposeSelector(doc.querySelector("aside"), doc).selector, "#__next aside");
});

test("a class shared with unlike blocks is not proposed; repeated alike blocks are", () => {
  const shared = page(`<div class="box article-body">${ARTICLE}</div><div class="box"><p>Sign up</p></div>`);
  const pick = shared.querySelectorAll(".box")[1];
  const proposal = selector.proposeSelector(pick, shared);
  assert.notEqual(proposal.selector, ".box");
  assert.equal(shared.querySelectorAll(proposal.selector).length, 1);

  const twice = page(`<div class="nl-signup"><p>Sign up</p></div>${ARTICLE}<div class="nl-signup"><p>Sign up</p></div>`);
  const second = twice.querySelectorAll(".nl-signup")[1];
  const both = selector.proposeSelector(second, twice);
  assert.equal(both.selector, ".nl-signup");
  assert.equal(both.count, 2);
});

test("the label names the block and counts its words", () => {
  const doc = page(`<div class="newsletter-box Box_x__8dK2a"><p>Get our   daily briefing</p><script>var hidden = 1;</script><p>free.</p></div>`);
  assert.equal(selector.label(doc.querySelector("div")), "div.newsletter-box · 5 words");
  const one = page(`<span id="a1b2c3d4">Hi</span>`);
  assert.equal(selector.label(one.querySelector("span")), "span · 1 word");
});

test("categories come from the block's own signals", () => {
  const url = "https://news.example.org/2024/sea-wall";
  const cases = [
    ["newsletter", `<div><p>Stay informed</p><form><input type="email" name="EMAIL"></form></div>`],
    ["newsletter", `<div><p>Sign up for our newsletter and get the briefing in your inbox.</p></div>`],
    ["social", `<div><a href="https://twitter.com/intent/tweet?url=x">X</a><a href="https://www.facebook.com/sharer/sharer.php?u=x">F</a></div>`],
    ["related", `<section><h2>Read more</h2>
      <a href="/2024/a">Harbour council names new engineer for the works</a>
      <a href="https://news.example.org/2024/b">Flood insurance premiums rise again in the quarter</a>
      <a href="/2024/c">Fishing fleet returns to the old harbour this spring</a></section>`],
    ["paywall", `<div><p>Become a member to support independent journalism.</p></div>`],
    ["ads", `<div class="ad-slot"><span>Advertisement</span></div>`],
    ["consent", `<div id="cookie-bar"><p>We use cookies. Accept all?</p></div>`],
    ["other", `<div><p>The weather today is mild.</p></div>`],
  ];
  for (const [expected, html] of cases) {
    const doc = page(html);
    const block = doc.body.firstElementChild;
    assert.equal(selector.suggestCategory(block, url), expected, html);
    assert.ok(selector.CATEGORIES.includes(expected));
  }
});

test("the categories are exactly those rules/schema.json allows", () => {
  const fs = require("node:fs");
  const path = require("node:path");
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "rules", "schema.json"), "utf8"));
  const allowed = schema.properties.strip.items.properties.category.enum;
  assert.deepEqual([...selector.CATEGORIES].sort(), [...allowed].sort());
});

test("describePick gathers selector, count, label, category and sample", () => {
  const doc = page(`${ARTICLE}<div class="newsletter-box"><p>Sign up for the Harbour Gazette briefing.</p><input type="email"></div>`);
  const pick = selector.describePick(doc.querySelector(".newsletter-box"), "https://harbour.example/a");
  assert.deepEqual(
    { selector: pick.selector, count: pick.count, category: pick.category, label: pick.label, sample: pick.sample },
    {
      selector: ".newsletter-box",
      count: 1,
      category: "newsletter",
      label: "div.newsletter-box · 7 words",
      sample: "Sign up for the Harbour Gazette briefing.",
    },
  );
});
