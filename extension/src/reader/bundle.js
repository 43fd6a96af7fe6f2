// "Share as a site rule": the bundle `declutter rules add` unpacks into rules/sites/ and tests/sites/.
// Pure functions of the preview's result, the captured page and the draft rule (tested in node).

const SENTENCE = /[^.!?…]+[.!?…]+["”’)\]]*/g;
const MIN_WORDS = 6;
const MAX_WORDS = 60;
const LINE_CHARS = 80;

const squash = (text) => String(text ?? "").replace(/\s+/g, " ").trim();

// Sentences of the cleaned text long enough to say something and short enough to read in a rule file;
// a sentence never runs across a line break (a heading or a byline is not the start of a sentence).
export function sentences(text) {
  return String(text ?? "").split(/\n+/).flatMap((block) => squash(block).match(SENTENCE) ?? [])
    .map((s) => s.trim())
    .filter((s) => {
      const words = s.split(" ").length;
      return words >= MIN_WORDS && words <= MAX_WORDS;
    });
}

// must_contain: one sentence from the start, the middle and the end of the article.
export function mustContain(text) {
  const found = sentences(text);
  if (!found.length) {
    const words = squash(text).split(" ").slice(0, 12).join(" ");
    return words.length >= 3 ? [words] : [];
  }
  const picks = [found[0], found[Math.floor(found.length / 2)], found[found.length - 1]];
  return [...new Set(picks)];
}

// A line of at most LINE_CHARS characters, cut at a word.
export function line(text) {
  const flat = squash(text);
  // The service cuts its samples at LINE_CHARS, often inside a word: a line that long loses its last word.
  if (flat.length < LINE_CHARS) return flat;
  const cut = flat.slice(0, LINE_CHARS);
  const space = cut.lastIndexOf(" ");
  return (space > 20 ? cut.slice(0, space) : cut).trim();
}

// must_not_contain: one line from each removed block that the cleaned article no longer holds.
// `removed` is the service's list; `samples` maps a selector to the picker's own text of the block.
export function mustNotContain(removed, selectors, samples, result) {
  const text = squash(result.text);
  const html = String(result.html ?? "");
  const lines = [];
  for (const selector of selectors) {
    const entry = (removed ?? []).find((r) => String(r.rule ?? "").startsWith("draft:") && r.selector === selector && !r.refused);
    for (const candidate of [entry?.sample, samples[selector]]) {
      const value = candidate ? line(candidate) : "";
      if (value.length >= 3 && !text.includes(value) && !html.includes(value) && !lines.includes(value)) {
        lines.push(value);
        break;
      }
    }
  }
  return lines;
}

// "https://example.com/news/sea-wall.html" -> "sea-wall.html": a fixture name the rule schema accepts.
export function fixtureName(url) {
  let last = "";
  try {
    last = new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? "";
  } catch {
    // Fall through to the default name.
  }
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: the name stays as it was.
  }
  // Accents folded ("été" -> "ete"), anything else outside the schema's characters becomes a dash.
  const slug = last.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\.[a-z0-9]+$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 60);
  return `${slug || "page"}.html`;
}

function addressWithoutQuery(url) {
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return "";
  }
}

export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The whole bundle: {format, version, domain, rule, fixtures}.
export function makeBundle({ domain, rule, result, page, samples, by, date = today() }) {
  // The page's query may carry the reader's own session or tracking tokens; the path names the page well enough.
  const url = addressWithoutQuery(page.url);
  const fixture = fixtureName(url);
  const selectors = rule.strip.flatMap((group) => group.selectors);
  const test = {
    fixture,
    url,
    ...(result.title ? { title: result.title } : {}),
    must_contain: mustContain(result.text),
    must_not_contain: mustNotContain(result.removed, selectors, samples, result),
  };
  return {
    format: "declutter-rule-bundle",
    version: 1,
    domain,
    rule: {
      name: result.site_name || domain,
      domains: [domain],
      strip: rule.strip,
      ...(rule.content ? { content: rule.content } : {}),
      verified: { by: squash(by) || "a reader", date },
      tests: [test],
    },
    fixtures: { [fixture]: page.html },
  };
}
