// Runs inside the page through scripting.executeScript, which serializes the function:
// it must be self-contained (no imports, no outer variables).
export function capturePage(markAttribute) {
  // Elements that are never rendered content, or whose computed style says nothing useful.
  const SKIP = new Set([
    "script", "style", "link", "meta", "noscript", "template", "br", "wbr",
    "source", "track", "area", "param", "option", "optgroup",
  ]);
  const marked = [];

  // A visibility:hidden element may hold children made visible again; only mark it when none are.
  const hasVisibleDescendant = (element) => {
    const all = element.getElementsByTagName("*");
    const limit = Math.min(all.length, 2000);
    for (let i = 0; i < limit; i++) {
      if (getComputedStyle(all[i]).visibility === "visible") return true;
    }
    return false;
  };

  const isVisible = (element) => getComputedStyle(element).visibility === "visible";

  const mark = (element) => {
    element.setAttribute(markAttribute, "");
    marked.push(element);
  };

  try {
    // Walk the rendered body; a display:none subtree is marked once at its root and not entered.
    const root = document.body ?? document.documentElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
      acceptNode(element) {
        if (SKIP.has(element.localName) || element.hasAttribute(markAttribute)) {
          return NodeFilter.FILTER_REJECT;
        }
        const style = getComputedStyle(element);
        if (style.display === "none") {
          mark(element);
          return NodeFilter.FILTER_REJECT;
        }
        // visibility is inherited: mark only where it starts, so an anti-flicker "body { visibility: hidden }"
        // (left behind when the page's scripts stall) does not take the whole page with it.
        const hiddenHere = style.visibility === "hidden" || style.visibility === "collapse";
        const parentVisible = element.parentElement && isVisible(element.parentElement);
        if (hiddenHere && parentVisible && !hasVisibleDescendant(element)) {
          mark(element);
          return NodeFilter.FILTER_REJECT;
        }
        // SVG and MathML internals have their own display rules: judge the root only.
        if (element.namespaceURI !== "http://www.w3.org/1999/xhtml") return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    while (walker.nextNode()) {
      // acceptNode does the work.
    }

    // A page that is mostly "hidden" is still loading or styled oddly: then send it unmarked.
    const total = root.textContent.length;
    const hiddenText = marked.reduce((sum, element) => sum + element.textContent.length, 0);
    if (total > 0 && hiddenText > total * 0.8) {
      for (const element of marked.splice(0)) element.removeAttribute(markAttribute);
    }

    // Serialize the page as the browser has it now, after its scripts ran, from a copy in a document that
    // runs nothing (no scripts, no custom element constructors), so the live page keeps every byte.
    const copy = document.implementation.createHTMLDocument("").importNode(document.documentElement, true);
    // Script and style bodies are most of a modern page's bytes and none of its article; JSON-LD stays (the
    // service's metadata stage reads it).
    const templates = [...copy.querySelectorAll("template")].map((template) => template.content);
    for (const element of [copy, ...templates].flatMap((root) => [...root.querySelectorAll("script, style")])) {
      const type = (element.getAttribute("type") ?? "").trim().toLowerCase();
      if (element.localName === "script" && type === "application/ld+json") continue;
      element.textContent = "";
    }
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : "";
    return {
      html: doctype + copy.outerHTML,
      url: location.href,
      title: document.title,
      hidden: marked.length,
    };
  } finally {
    // Leave the live page exactly as it was.
    for (const element of marked) element.removeAttribute(markAttribute);
  }
}
