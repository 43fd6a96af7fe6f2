// Robust selectors and suggested categories for "Fix this page" picks.
// A classic script on purpose: injected into the page with scripting.executeScript({files}) before
// picker.js (which finds it on globalThis.declutterSelector), and loaded by node --test as CommonJS.
// It uses only the DOM a document gives (querySelectorAll, matches, classList), so it runs on any DOM.
(function (root) {
  "use strict";

  // The categories rules/schema.json allows, in the order the reader offers them.
  const CATEGORIES = ["newsletter", "paywall", "related", "feed", "social", "comments", "consent", "ads", "hidden", "other"];

  // A name cssselect (the service) and every browser read as it is: no escaping ever needed.
  const IDENTIFIER = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
  // Classes that say what state an element is in, not what it is: they come and go as the page runs.
  const STATE_CLASS = /^(?:is-|has-|js-|ng-|v-|x-|lazy|aos|animate|wow$|fade|active$|open$|opened$|closed$|show$|shown$|hidden$|visible$|sticky$|fixed$|selected$|current$|loaded$|loading$|in$|collapse$|collapsed$|expanded$|clearfix$|container$|row$|wrapper$|inner$|outer$)/i;
  // CSS-in-JS prefixes whose names are generated whatever follows: emotion, styled-components, JSS, Svelte, Astro.
  const GENERATED_PREFIX = /^(?:css-|sc-|jsx-|jss\d|makeStyles-|svelte-|astro-|emotion-|tw-[a-z0-9]{6,}$)/;
  // A CSS-modules name: Component_local__hash ("Header_title__3xYz2", "styles-module__title___1aB2c").
  const CSS_MODULE = /_{1,3}[A-Za-z0-9-]{5,}$/;
  const VOWELS = /[aeiouy]/i;
  // Attributes a site writes on purpose to name a block; tried after ids and classes.
  const NAMING_ATTRIBUTES = ["data-testid", "data-test-id", "data-test", "data-qa", "data-component", "data-module", "data-block", "data-type", "data-section", "itemtype", "aria-label", "role"];
  const ATTRIBUTE_VALUE = /^[A-Za-z0-9 _:/.-]{1,60}$/;
  const MAX_ANCESTOR_STEPS = 5;

  // Letters and digits interleaved more than once ("3xYz2", "1a2b3c", "e1n8kpyg0"): a hash, not a word.
  function hashLike(segment) {
    if (!/[0-9]/.test(segment) || !/[A-Za-z]/.test(segment)) return false;
    const switches = segment.match(/[0-9]+|[A-Za-z]+/g).length - 1;
    return switches >= 2 || (segment.length >= 6 && /^[0-9a-f]+$/i.test(segment));
  }

  // Case flipping back and forth in a short name ("kXzQoP", "bZbWsY"): styled-components' class names.
  function randomCase(segment) {
    if (segment.length < 5 || segment.length > 12 || !/^[A-Za-z]+$/.test(segment)) return false;
    const runs = segment.match(/[a-z]+|[A-Z]+/g);
    const longestLower = Math.max(0, ...runs.filter((r) => r === r.toLowerCase()).map((r) => r.length));
    return runs.length >= 5 && longestLower <= 3;
  }

  // True for a name a build tool or a CMS made up (it changes with the next deploy or the next article).
  function isGeneratedName(name) {
    if (typeof name !== "string" || !IDENTIFIER.test(name) || name.length > 48) return true;
    if (GENERATED_PREFIX.test(name)) return true;
    const cssModule = name.match(CSS_MODULE);
    if (cssModule && /[0-9]/.test(cssModule[0]) && /[A-Za-z]/.test(cssModule[0].replace(/^_+/, ""))) return true;
    for (const segment of name.split(/[-_]+/)) {
      if (!segment) continue;
      if (/[0-9]{3,}/.test(segment)) return true; // a run of digits: a post id, a counter, a timestamp
      if (hashLike(segment) || randomCase(segment)) return true;
      if (segment.length >= 6 && !VOWELS.test(segment)) return true; // "xkqwzt": no word has no vowel
    }
    return false;
  }

  const stableClasses = (element) =>
    [...element.classList].filter((name) => !isGeneratedName(name) && !STATE_CLASS.test(name));

  const stableId = (element) => (element.id && !isGeneratedName(element.id) ? element.id : null);

  // [name="value"] for the attributes a site names blocks with, when the value is stable.
  function namingAttributes(element) {
    const found = [];
    for (const name of NAMING_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (!value || !ATTRIBUTE_VALUE.test(value)) continue;
      if (/[0-9]{3,}/.test(value) || value.split(/[^A-Za-z0-9]+/).some((part) => hashLike(part) || randomCase(part))) continue;
      found.push(`[${name}="${value}"]`);
    }
    return found;
  }

  // Words of the element's visible text (script and style text left out).
  function textOf(element) {
    const parts = [];
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) parts.push(child.nodeValue);
        else if (child.nodeType === 1 && !/^(script|style|noscript|template)$/i.test(child.localName)) walk(child);
      }
    };
    walk(element);
    return parts.join(" ").replace(/\s+/g, " ").trim();
  }

  const wordCount = (element) => {
    const text = textOf(element);
    return text ? text.split(" ").length : 0;
  };

  // What the reader sees on hover: "div.newsletter-box · 31 words".
  function label(element) {
    const tag = element.localName;
    const id = stableId(element);
    const classes = stableClasses(element);
    const name = id ? `${tag}#${id}` : classes.length ? `${tag}.${classes[0]}` : tag;
    const words = wordCount(element);
    return `${name} · ${words} ${words === 1 ? "word" : "words"}`;
  }

  function count(doc, selector) {
    try {
      return doc.querySelectorAll(selector).length;
    } catch {
      return -1;
    }
  }

  // Two elements are alike when they have the same tag and the same stable classes: two copies of one
  // newsletter box, say, rather than the box and the article that happens to share a class with it.
  function alike(a, b) {
    if (a.localName !== b.localName) return false;
    const x = stableClasses(a).sort().join(" ");
    const y = stableClasses(b).sort().join(" ");
    return x === y;
  }

  // A selector is acceptable when it matches the pick and, besides it, only blocks like it, none inside another.
  // Only a selector naming the block itself may match several: "#main p" says nothing about which paragraph.
  function judge(doc, selector, element, allowMany = true) {
    let matches;
    try {
      matches = [...doc.querySelectorAll(selector)];
    } catch {
      return null;
    }
    if (!matches.includes(element)) return null;
    if (matches.length === 1) return { selector, count: 1 };
    if (!allowMany) return null;
    for (const match of matches) {
      if (match !== element && (!alike(match, element) || match.contains(element) || element.contains(match))) return null;
    }
    return { selector, count: matches.length };
  }

  // Selectors made of the element's own stable names, shortest first.
  function ownCandidates(element) {
    const tag = element.localName;
    const out = [];
    const id = stableId(element);
    if (id) out.push(`#${id}`);
    const classes = stableClasses(element);
    for (const name of classes) out.push(`.${name}`, `${tag}.${name}`);
    for (let i = 0; i < classes.length; i++) {
      for (let j = i + 1; j < classes.length; j++) out.push(`.${classes[i]}.${classes[j]}`);
    }
    for (const attribute of namingAttributes(element)) out.push(attribute, `${tag}${attribute}`);
    return out;
  }

  // The shortest name of an ancestor that is unique on the page: the anchor a descendant path starts from.
  function anchorOf(doc, element) {
    for (const candidate of ownCandidates(element)) {
      if (count(doc, candidate) === 1) return candidate;
    }
    return null;
  }

  // "tag" or "tag:nth-of-type(k)" among its siblings.
  function positioned(element) {
    const tag = element.localName;
    const parent = element.parentElement;
    if (!parent) return tag;
    const same = [...parent.children].filter((child) => child.localName === tag);
    return same.length === 1 ? tag : `${tag}:nth-of-type(${same.indexOf(element) + 1})`;
  }

  // Pick the selector to propose for a block: its own stable names, then a named ancestor with them,
  // then (only when nothing else can say it) a path of positions from the nearest named ancestor or body.
  function proposeSelector(element, doc = element.ownerDocument) {
    const byLength = (a, b) => a.length - b.length;
    const own = ownCandidates(element).sort(byLength);
    for (const candidate of own) {
      const verdict = judge(doc, candidate, element);
      if (verdict) return { ...verdict, positional: false };
    }
    const ownShort = [element.localName, ...own.filter((c) => !c.startsWith("#"))];
    const scoped = [];
    let ancestor = element.parentElement;
    for (let step = 1; ancestor && step <= MAX_ANCESTOR_STEPS && ancestor.localName !== "html"; step++) {
      const anchor = anchorOf(doc, ancestor);
      if (anchor) {
        for (const self of ownShort) {
          scoped.push({ selector: step === 1 ? `${anchor} > ${self}` : `${anchor} ${self}`, named: self !== element.localName });
        }
      }
      ancestor = ancestor.parentElement;
    }
    for (const candidate of scoped.sort((a, b) => byLength(a.selector, b.selector))) {
      const verdict = judge(doc, candidate.selector, element, candidate.named);
      if (verdict) return { ...verdict, positional: false };
    }
    return { ...positionalSelector(doc, element), positional: true };
  }

  // A chain of positions up to the nearest uniquely named ancestor (or body): unique by construction.
  function positionalSelector(doc, element) {
    const steps = [];
    let node = element;
    while (node && node.localName !== "body" && node.localName !== "html") {
      const anchor = node === element ? null : anchorOf(doc, node);
      if (anchor) {
        steps.unshift(anchor);
        break;
      }
      steps.unshift(positioned(node));
      node = node.parentElement;
    }
    if (!node || node.localName === "body" || node.localName === "html") steps.unshift("body");
    const selector = steps.join(" > ");
    return { selector, count: count(doc, selector) };
  }

  // --- category from the block's own signals -------------------------------------------------

  const SHARE_LINK = /(?:twitter\.com|x\.com)\/(?:intent|share)|facebook\.com\/(?:sharer|share\.php|dialog\/share)|linkedin\.com\/(?:shareArticle|sharing)|reddit\.com\/submit|(?:api\.)?whatsapp\.com\/send|wa\.me\/|t\.me\/share|pinterest\.[a-z.]+\/pin\/create|bsky\.app\/intent|mastodon|threads\.net\/intent|^mailto:\?/i;
  const PAYWALL_WORDS = /\b(?:subscribe|subscription|subscriber|become a member|membership|members? only|join us|support (?:us|our journalism|independent)|donate|donation|paywall|premium|unlock|sign in to (?:read|continue)|free trial|per month|a month)\b/i;
  const NEWSLETTER_WORDS = /\b(?:newsletter|sign up|signup|inbox|briefing|daily digest|email updates)\b/i;
  const AD_WORDS = /^(?:advertisement|advertising|ad|ads|sponsored|sponsored content|promoted|paid content|partner content|anzeige|publicité|publicidad)\b/i;
  const COMMENT_WORDS = /\b(?:comments?|join the (?:conversation|discussion)|leave a reply)\b/i;
  const CONSENT_WORDS = /\b(?:cookies?|consent|privacy settings|accept all)\b/i;
  const RELATED_WORDS = /\b(?:related|read more|more from|most read|most popular|trending|you (?:may|might) also like|recommended|see also|latest)\b/i;

  function sameSite(href, host) {
    try {
      const url = new URL(href);
      const strip = (h) => h.replace(/^www\./, "");
      return strip(url.hostname) === strip(host) || strip(url.hostname).endsWith(`.${strip(host)}`);
    } catch {
      return false;
    }
  }

  // A suggestion the reader can change: the strongest signal the block itself carries.
  function suggestCategory(element, pageUrl = element.ownerDocument?.location?.href ?? "") {
    const text = textOf(element);
    const words = text ? text.split(" ").length : 0;
    const names = `${element.id} ${element.getAttribute("class") ?? ""}`.toLowerCase();
    if (element.querySelector('input[type="email" i], input[name*="email" i], input[autocomplete="email"]')
      || element.querySelector('form[action*="subscribe" i], form[action*="list-manage" i]')) {
      return "newsletter";
    }
    const links = [...element.querySelectorAll("a[href]")];
    if (links.filter((a) => SHARE_LINK.test(a.getAttribute("href"))).length >= 2) return "social";
    if (AD_WORDS.test(text) || /(?:^|[\s_-])(?:ad|ads|advert|advertisement|sponsor(?:ed)?)(?:$|[\s_-])/.test(names)) return "ads";
    if (CONSENT_WORDS.test(text) && words < 120 && /cookie|consent/.test(`${names} ${text.toLowerCase()}`)) return "consent";
    if (NEWSLETTER_WORDS.test(text) && words < 120) return "newsletter";
    let host = "";
    try {
      host = new URL(pageUrl).hostname;
    } catch {
      // No page address: every link counts as the site's own.
    }
    const headlines = links.filter((a) => {
      let href = "";
      try {
        href = new URL(a.getAttribute("href"), pageUrl || "http://invalid/").href;
      } catch {
        return false;
      }
      return (!host || sameSite(href, host)) && textOf(a).split(" ").length >= 4;
    });
    const linkWords = headlines.reduce((sum, a) => sum + textOf(a).split(" ").length, 0);
    if (headlines.length >= 3 && linkWords >= words * 0.5) return RELATED_WORDS.test(text) || headlines.length < 8 ? "related" : "feed";
    if (PAYWALL_WORDS.test(text) && words < 200) return "paywall";
    if (COMMENT_WORDS.test(`${names} ${text}`) && /comment|disqus|discussion/.test(names)) return "comments";
    return "other";
  }

  // Everything the picker shows for one pick.
  function describePick(element, pageUrl) {
    const proposal = proposeSelector(element);
    return {
      selector: proposal.selector,
      count: proposal.count,
      positional: proposal.positional,
      label: label(element),
      words: wordCount(element),
      category: suggestCategory(element, pageUrl),
      sample: textOf(element).slice(0, 200),
    };
  }

  const api = {
    CATEGORIES,
    isGeneratedName,
    stableClasses,
    stableId,
    textOf,
    wordCount,
    label,
    proposeSelector,
    suggestCategory,
    describePick,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.declutterSelector = api;
})(globalThis);
