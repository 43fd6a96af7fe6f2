// Turns the service's sanitized article HTML into nodes for the reader page.
// The service already sanitized it; this is a second, independent allow-list so that the reader
// never runs, loads or styles anything from the page even if the service let something through.

const DROP_WITH_CONTENT = new Set([
  "script", "style", "link", "meta", "base", "title", "head", "iframe", "frame", "frameset", "object",
  "embed", "applet", "noscript", "template", "form", "input", "button", "textarea", "select",
  "option", "svg", "math", "canvas", "dialog", "portal", "slot",
]);

const ALLOWED_ATTRIBUTES = new Set([
  "href", "src", "srcset", "sizes", "alt", "title", "width", "height", "colspan", "rowspan",
  "headers", "scope", "datetime", "cite", "lang", "dir", "id", "class", "start", "reversed",
  "type", "poster", "controls", "abbr", "span", "value", "open", "data-attr",
]);

const URL_ATTRIBUTES = new Set(["href", "src", "poster", "cite"]);
const SAFE_LINK = /^(https?|mailto):$/;

// An absolute http(s) URL (or mailto for links), resolved against the article's address; null if unsafe.
function safeUrl(value, base, attribute) {
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol === "data:") {
      return attribute === "src" && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(url.href) ? url.href : null;
    }
    if (!SAFE_LINK.test(url.protocol)) return null;
    if (url.protocol === "mailto:" && attribute !== "href") return null;
    return url.href;
  } catch {
    return null;
  }
}

function safeSrcset(value, base) {
  const candidates = value.split(",").map((candidate) => {
    const [url, ...descriptor] = candidate.trim().split(/\s+/);
    const safe = url && safeUrl(url, base, "src");
    return safe && !safe.startsWith("data:") ? [safe, ...descriptor].join(" ") : null;
  });
  return candidates.every(Boolean) ? candidates.join(", ") : null;
}

function cleanAttributes(element, base) {
  for (const { name, value } of [...element.attributes]) {
    const keep = ALLOWED_ATTRIBUTES.has(name) || name.startsWith("aria-");
    if (!keep) {
      element.removeAttribute(name);
    } else if (URL_ATTRIBUTES.has(name)) {
      // In-page anchors (footnotes) stay as they are; everything else becomes an absolute safe URL.
      const fragment = name === "href" && value.startsWith("#");
      const safe = fragment ? value : safeUrl(value, base, name);
      if (safe) element.setAttribute(name, safe);
      else element.removeAttribute(name);
    } else if (name === "srcset") {
      const safe = safeSrcset(value, base);
      if (safe) element.setAttribute(name, safe);
      else element.removeAttribute(name);
    } else if (name === "id" && value.startsWith("dc-")) {
      // The reader's own elements use dc- ids; the article may not shadow them.
      element.removeAttribute(name);
    } else if (name === "class") {
      const classes = value.split(/\s+/).filter((c) => c && !c.startsWith("dc-"));
      if (classes.length) element.setAttribute("class", classes.join(" "));
      else element.removeAttribute("class");
    }
  }
}

// Links leave the reader in a new tab; media never play on their own; images load lazily.
function adjustElement(element) {
  const name = element.localName;
  if (name === "a" && element.hasAttribute("href") && !element.getAttribute("href").startsWith("#")) {
    element.setAttribute("target", "_blank");
    element.setAttribute("rel", "noopener noreferrer");
  }
  if (name === "img") {
    element.setAttribute("loading", "lazy");
    element.setAttribute("decoding", "async");
  }
  if (name === "video" || name === "audio") element.setAttribute("controls", "");
}

function sanitizeTree(root, base) {
  for (const element of [...root.querySelectorAll("*")]) {
    if (!element.isConnected) continue;
    if (DROP_WITH_CONTENT.has(element.localName) || element.namespaceURI !== "http://www.w3.org/1999/xhtml") {
      element.remove();
      continue;
    }
    cleanAttributes(element, base);
    adjustElement(element);
  }
}

// Parse with DOMParser (an inert document: nothing runs, nothing loads), clean, then import into the reader.
export function articleFragment(html, baseUrl) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  sanitizeTree(parsed.body, baseUrl);
  const fragment = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) {
    if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
      fragment.append(document.importNode(node, true));
    }
  }
  return fragment;
}

// A lead image address made safe the same way as the article's own images.
export function safeImageUrl(value, baseUrl) {
  return value ? safeUrl(String(value), baseUrl, "src") : null;
}

// The image URLs an article already shows, to avoid repeating the lead image above it.
export function imageSources(root) {
  return new Set([...root.querySelectorAll("img[src]")].map((img) => img.getAttribute("src")));
}
