// The "Who said what" panel: attributions grouped by speaker, each one a link to its place in the text.
// Compact: the key speakers (named, with a statement the service marks key) open with their counts; every
// other source waits behind one toggle and is built only when it is opened.

const HUES = 6;
const QUOTE_CHARS = 180;
// At most this many key speakers open; the others join the rest behind the toggle.
export const KEY_SPEAKERS = 5;

// Group by the resolved speaker (the service maps "he" and "Bassi" to "Wade Bassi"), whatever its case;
// statements without a named source share one group. Beliefs are what someone thinks, not what they said: left out.
export function groupBySpeaker(attributions) {
  const groups = new Map();
  for (const [order, attribution] of (attributions ?? []).entries()) {
    if (attribution.kind === "belief") continue;
    const name = String(attribution.speaker || attribution.source || "").replace(/\s+/g, " ").trim();
    const key = name.toLowerCase() || "(unnamed)";
    if (!groups.has(key)) groups.set(key, { key, name: name || "Unnamed source", items: [], first: order, isKey: false });
    const group = groups.get(key);
    group.items.push(attribution);
    group.isKey ||= attribution.key === true && Boolean(attribution.speaker);
  }
  // Key speakers first, then the most quoted, then in reading order.
  return [...groups.values()].sort(
    (a, b) => Number(b.isKey) - Number(a.isKey) || b.items.length - a.items.length || a.first - b.first,
  );
}

// The open part of the panel and what waits behind the toggle. With no key speaker there is nothing to
// collapse to, and every group is open.
export function splitGroups(groups) {
  const open = groups.filter((group) => group.isKey).slice(0, KEY_SPEAKERS);
  if (!open.length) return { open: groups, rest: [] };
  return { open, rest: groups.filter((group) => !open.includes(group)) };
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

// What was said, whole: a content split by its cue ('"X," she said. "Y."') is marked in the text once per
// fragment, all with the attribution's id; their words are joined with " … ". Without marks, the content as sent.
export function statementText(content, attribution) {
  const marks = content
    ? [...content.querySelectorAll(`.attr-content[data-attr="${CSS.escape(attribution.id)}"]`)]
    : [];
  const fragments = attribution.content_fragments ?? [];
  if (fragments.length > 1 && marks.length > 1) {
    // one fragment may be marked in several pieces (across inline elements): consecutive marks are one piece
    const pieces = [];
    for (const mark of marks) {
      const previous = pieces.at(-1);
      if (previous && previous.last.nextSibling === mark) {
        previous.text += mark.textContent;
        previous.last = mark;
      } else {
        pieces.push({ text: mark.textContent, last: mark });
      }
    }
    return pieces.map((piece) => piece.text.replace(/\s+/g, " ").trim()).join(" … ");
  }
  return String(attribution.content ?? "");
}

// A direct quote is shown in quotation marks (<q>, its own marks stripped); reported speech is not,
// so the panel never makes a paraphrase look like someone's words.
function statement(attribution, words) {
  if (attribution.kind === "direct" && !words.includes(" … ")) {
    const bare = words.trim().replace(/^["'“”‘’«»„‹›]+/, "").replace(/[,;:]?["'“”‘’«»„‹›]+$/, "");
    return el("q", null, shorten(bare));
  }
  return el("span", "dc-reported", shorten(words));
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

// One speaker: a heading with its count, and its statements in reading order.
function speakerSection(group, hue, content) {
  const section = el("section", `dc-speaker ${hue}`);
  const heading = el("button", "dc-speaker-name");
  heading.type = "button";
  heading.dataset.jump = group.items[0].id;
  heading.append(el("span", "dc-swatch"), el("span", "dc-speaker-label", group.name));
  heading.append(el("span", "dc-count", String(group.items.length)));
  section.append(heading);

  const list = el("ol", "dc-quotes");
  for (const attribution of group.items) {
    const item = el("li");
    // Key statements (the service's `key` flag) keep full contrast; minor ones recede.
    const button = el("button", attribution.key === true ? "dc-quote dc-key" : "dc-quote");
    button.type = "button";
    button.dataset.jump = attribution.id;
    button.append(statement(attribution, statementText(content, attribution)));
    if (attribution.cue) button.append(" ", el("span", "dc-cue", attribution.cue));
    if (!anchorFor(content, attribution.id)) button.disabled = true;
    item.append(button);
    list.append(item);
  }
  section.append(list);
  return section;
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
  const hues = new Map(groups.map((group, index) => [group, `dc-hue-${index % HUES}`]));
  for (const group of groups) {
    for (const attribution of group.items) {
      for (const part of content.querySelectorAll(`[data-attr="${CSS.escape(attribution.id)}"]`)) {
        part.classList.add(hues.get(group));
      }
    }
  }
  const { open, rest } = splitGroups(groups);
  for (const group of open) container.append(speakerSection(group, hues.get(group), content));
  if (rest.length) {
    const more = el("div", "dc-more");
    const toggle = el("button", "dc-speaker-name dc-more-toggle", `${rest.length} more ${rest.length === 1 ? "source" : "sources"}`);
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    const body = el("div", "dc-more-body");
    body.hidden = true;
    toggle.addEventListener("click", () => {
      // built when first opened: an article quoting fifty people opens on its key voices
      if (!body.childElementCount) {
        for (const group of rest) body.append(speakerSection(group, hues.get(group), content));
      }
      body.hidden = !body.hidden;
      toggle.setAttribute("aria-expanded", String(!body.hidden));
    });
    more.append(toggle, body);
    container.append(more);
  }
  // One listener for every speaker and quote button.
  container.onclick = (event) => {
    const target = event.target.closest("[data-jump]");
    if (target) jumpTo(content, target.dataset.jump);
  };
  return groups.reduce((count, group) => count + group.items.length, 0);
}
