// "Fix this page" in the reader: start picking in the original tab, show the picks (the reader may change
// each category), preview the fix on the captured page, keep it for the site, or share it as a site rule.
import { api } from "../lib/api.js";
import { downloadJson } from "../lib/download.js";
import { draftKey, draftRule, getCapture, getDraft, isEmptyDraft, keepFix, keptFixFor, putDraft } from "../lib/fixes.js";
import { getJob, jobKey } from "../lib/jobs.js";
import { hostOf, ruleDomain } from "../lib/site.js";
import { makeBundle } from "./bundle.js";

const $ = (id) => document.getElementById(id);
const jobId = decodeURIComponent(location.hash.slice(1));
// selector.js, loaded as a classic script before this module, holds the categories rules/schema.json allows.
const { CATEGORIES } = globalThis.declutterSelector;
const CATEGORY_NAMES = {
  newsletter: "Newsletter form",
  paywall: "Membership or paywall prompt",
  related: "Related links",
  feed: "News feed",
  social: "Share bar",
  comments: "Comments",
  consent: "Cookie banner",
  ads: "Ad",
  hidden: "Hidden element",
  other: "Other",
};
const AUTHOR_KEY = "fixAuthor";
// What `declutter rules add` accepts for one fixture (CONTRIBUTING.md's limit).
const MAX_FIXTURE_BYTES = 1.5 * 1024 * 1024;

let job = null;
let draft = null;
let previewed = null; // the rule (as JSON) the article on screen was last cleaned with, when that worked

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function say(text, kind = "") {
  const status = $("dc-fix-status");
  status.textContent = text;
  status.className = `dc-fix-status ${kind}`.trim();
}

// A draft made from the site's kept fix, so "Fix this page" amends what is already there.
function draftFromKept(fix) {
  const picks = fix.rule.strip.flatMap((group) =>
    group.selectors.map((selector) => ({ selector, category: group.category, note: group.note, kept: true })));
  return { picks, content: fix.rule.content ? { selector: fix.rule.content[0] } : null, state: "idle" };
}

async function currentDraft() {
  if (draft) return draft;
  const stored = await getDraft(jobId);
  if (stored) return stored;
  const kept = job ? await keptFixFor(job.url) : null;
  return kept ? draftFromKept(kept) : { picks: [], content: null, state: "idle" };
}

async function saveDraft(change) {
  draft = { ...(await currentDraft()), ...change };
  await putDraft(jobId, draft);
}

// --- the panel ---------------------------------------------------------------------------------------

function pickRow(pick, index) {
  const select = el("select", { "aria-label": "Category", onchange: (event) => changeCategory(index, event.target.value) },
    ...CATEGORIES.map((category) => el("option", { value: category, text: CATEGORY_NAMES[category] ?? category })));
  select.value = pick.category;
  const where = pick.kept ? "kept fix" : `${pick.count ?? "?"} on the page${pick.positional ? " · by position" : ""}`;
  return el("li", { className: "dc-fix-pick" },
    select,
    el("code", { text: pick.selector }),
    el("span", { className: "dc-fix-where", text: where }),
    pick.sample ? el("span", { className: "dc-fix-sample", text: `“${pick.sample.slice(0, 90)}”` }) : "",
    el("button", { type: "button", className: "dc-button", text: "Remove", onclick: () => removePick(index) }));
}

function renderPanel() {
  const panel = $("dc-fix-panel");
  const picks = draft?.picks ?? [];
  const rows = picks.map(pickRow);
  if (draft?.content) {
    rows.push(el("li", { className: "dc-fix-pick dc-fix-content" },
      el("strong", { text: "The article" }), el("code", { text: draft.content.selector }),
      el("button", { type: "button", className: "dc-button", text: "Remove", onclick: () => saveDraft({ content: null }).then(renderPanel) })));
  }
  const empty = !rows.length;
  $("dc-fix-list").replaceChildren(...(empty ? [el("li", { className: "dc-fix-empty", text: "Nothing picked yet." })] : rows));
  $("dc-fix-pick").textContent = empty ? "Pick in the page" : "Pick more";
  for (const id of ["dc-fix-preview", "dc-fix-keep", "dc-fix-share"]) $(id).disabled = empty;
  panel.hidden = false;
}

async function changeCategory(index, category) {
  const picks = [...draft.picks];
  picks[index] = { ...picks[index], category };
  await saveDraft({ picks });
  renderPanel();
}

async function removePick(index) {
  await saveDraft({ picks: draft.picks.filter((_, i) => i !== index) });
  renderPanel();
}

// --- actions ----------------------------------------------------------------------------------------

async function openPanel() {
  draft = await currentDraft();
  renderPanel();
  if (job?.fixRefused) say(`Your kept fix for this site was refused by the service: ${job.fixRefused}`, "bad");
}

async function pick() {
  await saveDraft({ state: "picking" });
  say("Picking in the original tab: click what to remove, then Done (or press Enter). Esc leaves.");
  const answer = await api.runtime.sendMessage({ type: "fix-start", id: jobId });
  if (!answer?.ok) say(answer?.error?.message ?? "Could not start picking.", "bad");
}

// The draft's own removals in the preview's `removed` list.
const draftRemovals = (result) => (result?.removed ?? []).filter((entry) => String(entry.rule ?? "").startsWith("draft:"));

async function preview() {
  const rule = draftRule(draft);
  const rules = isEmptyDraft(draft) ? [] : [rule];
  say("Cleaning the page again with your fix…");
  const answer = await api.runtime.sendMessage({ type: "fix-preview", id: jobId, rules });
  if (!answer?.ok) {
    previewed = null;
    const status = answer?.error?.status ? ` (${answer.error.status})` : "";
    say(`The service refused this fix${status}: ${answer?.error?.message ?? "no answer"}`, "bad");
    return false;
  }
  previewed = JSON.stringify(rules);
  job = await getJob(jobId);
  const mine = draftRemovals(job.result);
  const refused = mine.filter((entry) => entry.refused);
  const removed = mine.filter((entry) => !entry.refused).reduce((sum, entry) => sum + Math.max(1, entry.count ?? 1), 0);
  if (refused.length) {
    say(`Preview: the service kept ${refused.map((e) => e.selector).join(", ")}: it holds most of the article.`, "bad");
    return false;
  }
  say(`Preview: your fix removed ${removed} ${removed === 1 ? "block" : "blocks"}. Keep it, or share it as a site rule.`, "ok");
  return true;
}

// Keep and Share act on a previewed draft: preview first when the draft changed since.
async function previewedOk() {
  if (previewed === JSON.stringify([draftRule(draft)])) return true;
  return preview();
}

async function keep() {
  say("Keeping your fix…"); // the last verdict is about the preview, not this
  if (!(await previewedOk())) return;
  const fix = await keepFix(job.url, draft);
  say(`Kept: pages on ${fix.site} are cleaned with this fix from now on (see Options to view or delete it).`, "ok");
}

async function share() {
  say("Making the site rule…");
  if (!(await previewedOk())) return;
  const page = await getCapture(jobId);
  if (!page) {
    say("The captured page is no longer kept: open the page in Declutter again.", "bad");
    return;
  }
  const domain = ruleDomain(page.url);
  if (!domain) {
    say(`A site rule needs a site's name, and ${hostOf(page.url) || "this page"} has none: keep the fix for yourself instead.`, "bad");
    return;
  }
  const by = $("dc-fix-author").value;
  await api.storage.local.set({ [AUTHOR_KEY]: by });
  const samples = Object.fromEntries((draft.picks ?? []).map((p) => [p.selector, p.sample ?? ""]));
  const bundle = makeBundle({ domain, rule: draftRule(draft), result: job.result, page, samples, by });
  downloadJson(`${domain}.declutter-rule.json`, bundle);
  const tooLarge = new TextEncoder().encode(page.html).length > MAX_FIXTURE_BYTES;
  say(tooLarge
    ? `Saved ${domain}.declutter-rule.json, but the page is over the 1.5 MB a fixture may hold: save a smaller copy of it as the fixture before \`declutter rules add\`.`
    : `Saved ${domain}.declutter-rule.json: add it with \`declutter rules add\` and open a pull request (see CONTRIBUTING.md). The page is saved as you saw it: if you were signed in, check it holds nothing of yours.`,
  tooLarge ? "bad" : "ok");
}

function buildPanel() {
  const button = (id, text, onclick) => el("button", { type: "button", className: "dc-button", id, text, onclick });
  const panel = $("dc-fix-panel");
  panel.replaceChildren(
    el("h2", { text: "Fix this page" }),
    el("p", { className: "dc-fix-help", text: "Pick what the reader should not show; Declutter proposes a selector for each block." }),
    el("ul", { id: "dc-fix-list", className: "dc-fix-list" }),
    el("p", { className: "dc-fix-actions" },
      button("dc-fix-pick", "Pick in the page", pick),
      button("dc-fix-preview", "Preview", preview),
      button("dc-fix-keep", "Keep for me", keep),
      button("dc-fix-share", "Share as a site rule", share),
      button("dc-fix-close", "Close", () => { panel.hidden = true; })),
    el("label", { className: "dc-fix-author" }, "Your name for a shared rule ",
      el("input", { id: "dc-fix-author", type: "text", placeholder: "a reader", autocomplete: "name" })),
    el("p", { id: "dc-fix-status", className: "dc-fix-status", role: "status", "aria-live": "polite" }),
  );
}

async function main() {
  if (!jobId) return;
  buildPanel();
  $("dc-fix-author").value = (await api.storage.local.get(AUTHOR_KEY))[AUTHOR_KEY] ?? "";
  const fixButton = $("dc-fix");
  fixButton.addEventListener("click", async () => {
    await openPanel();
    if (!(draft.picks ?? []).length && !draft.content) await pick();
  });
  let toldRefusal = false;
  const follow = async (next) => {
    job = next;
    fixButton.hidden = !(job?.state === "done" && /^https?:/.test(job.url ?? ""));
    // A kept fix the service refused: the page was cleaned without it, and the reader hears why at once.
    if (job?.fixRefused && job.state === "done" && !toldRefusal) {
      toldRefusal = true;
      await openPanel();
    }
  };
  draft = await getDraft(jobId);
  await follow(await getJob(jobId));
  api.storage.onChanged.addListener(async (changes, area) => {
    if (area !== "session") return;
    if (changes[jobKey(jobId)]?.newValue) follow(changes[jobKey(jobId)].newValue);
    const change = changes[draftKey(jobId)]?.newValue;
    if (!change) return;
    const was = draft?.state;
    draft = change;
    if (!$("dc-fix-panel").hidden || change.state === "picked") renderPanel();
    // Back from the picker with picks: show what they do at once.
    if (change.state === "picked" && was !== "picked") {
      await saveDraft({ state: "previewing" });
      await preview();
    } else if (change.state === "idle" && was === "picking") {
      say("Picking ended without changes.");
    }
  });
}

main();
