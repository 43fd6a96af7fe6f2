// The "Who said what" panel: attributions grouped by speaker, each one a link to its place in the text.

const HUES = 6;
const QUOTE_CHARS = 180;

// Group by the resolved speaker (the service maps "he" and "Bassi" to "Wade Bassi");
// statements without a named source share one group.
export function groupBySpeaker(attributions) {
  const groups = new Map();
  for (const [order, attribution] of (attributions ?? []).entries()) {
    const name = String(attribution.speaker || attribution.source || "").replace(/\s+/g, " ").trim();
    const key = name.toLowerCase() || "(unnamed)";
    if (!groups.has(key)) groups.set(key, { key, name: name || "Unnamed source", items: [], first: order });
    groups.get(key).items.push(attribution);
  }
  // Most quoted first, then in reading order.
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.first - b.first);
}

// The first element carrying an attribution id is where a jump lands.
export function anchorFor(root, id) {
  return root.querySelector(`[data-attr="${CSS.escape(id)}"]`);
}

// At most QUOTE_CHARS of flat text, without a trailing comma left over from the sentence.
function shorten(text) {
  const flat = String(text ?? "").replace(/\s+/g, " ").trim().replace(/[,;:]+$/, "");
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1)}…` : flat;
}

// A direct quote is shown in quotation marks (<q>, its own marks stripped); reported speech is not,
// so the panel never makes a paraphrase look like someone's words.
function statement(attribution) {
  if (attribution.kind === "direct") {
    const words = String(attribution.content ?? "").trim().replace(/^["'“”‘’«»„‹›]+/, "")
      .replace(/[,;:]?["'“”‘’«»„‹›]+$/, "");
    return el("q", null, shorten(words));
  }
  return el("span", "dc-reported", shorten(attribution.content));
}

// Scroll to an attribution and flash every element that belongs to it.
export function jumpTo(root, id) {
  const anchor = anchorFor(root, id);
  if (!anchor) return false;
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  anchor.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  const parts = root.querySelectorAll(`[data-attr="${CSS.escape(id)}"]`);
  for (const part of root.querySelectorAll(".dc-active")) part.classList.remove("dc-active");
  for (const part of parts) part.classList.add("dc-active");
  // Move focus with the view, for keyboard and screen-reader users.
  anchor.setAttribute("tabindex", "-1");
  anchor.focus({ preventScroll: true });
  return true;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// Build the panel and colour each speaker's highlights in the text to match it.
export function renderPanel(container, content, attributions) {
  container.replaceChildren();
  container.onclick = null;
  const groups = groupBySpeaker(attributions);
  if (!groups.length) {
    container.append(el("p", "dc-panel-empty", "No attributed statements found in this article."));
    return 0;
  }
  for (const [index, group] of groups.entries()) {
    const hue = `dc-hue-${index % HUES}`;
    const section = el("section", `dc-speaker ${hue}`);
    const heading = el("button", "dc-speaker-name");
    heading.type = "button";
    heading.dataset.jump = group.items[0].id;
    heading.append(el("span", "dc-swatch"), el("span", "dc-speaker-label", group.name));
    heading.append(el("span", "dc-count", String(group.items.length)));
    section.append(heading);

    const list = el("ol", "dc-quotes");
    for (const attribution of group.items) {
      for (const part of content.querySelectorAll(`[data-attr="${CSS.escape(attribution.id)}"]`)) {
        part.classList.add(hue);
      }
      const item = el("li");
      // Key statements (the service's `key` flag) keep full contrast; minor ones recede.
      const button = el("button", attribution.key === true ? "dc-quote dc-key" : "dc-quote");
      button.type = "button";
      button.dataset.jump = attribution.id;
      button.append(statement(attribution));
      if (attribution.cue) button.append(" ", el("span", "dc-cue", attribution.cue));
      if (!anchorFor(content, attribution.id)) button.disabled = true;
      item.append(button);
      list.append(item);
    }
    section.append(list);
    container.append(section);
  }
  // One listener for every speaker and quote button.
  container.onclick = (event) => {
    const target = event.target.closest("[data-jump]");
    if (target) jumpTo(content, target.dataset.jump);
  };
  return attributions.length;
}
