// "Fix this page": the captured pages a fix is previewed on (storage.session), the fixes a reader
// keeps (storage.local, one per site) and the draft rule sent to the service as `draft_rules`.
import { api } from "./api.js";
import { staleKeys } from "./jobs.js";
import { domainsCovering, hostOf } from "./site.js";

const CAPTURE_PREFIX = "capture:";
const DRAFT_PREFIX = "fixdraft:";
const FIXES_KEY = "fixes";
// Captures are whole pages: keep only the newest few (session storage holds 10 MB in Chrome).
const KEEP_CAPTURES = 4;

// --- captures --------------------------------------------------------------------------------

export async function putCapture(jobId, page) {
  const key = CAPTURE_PREFIX + jobId;
  try {
    await api.storage.session.set({ [key]: { html: page.html, url: page.url, title: page.title, at: Date.now() } });
  } catch (error) {
    // Over the session quota: this page cannot be fixed from the reader, everything else goes on.
    console.warn(`Declutter: the captured page is not kept for "Fix this page": ${error.message}`);
    return;
  }
  // A draft goes with its capture: without the page it cannot be previewed.
  const stale = await staleKeys(CAPTURE_PREFIX, KEEP_CAPTURES);
  if (stale.length) await api.storage.session.remove(stale.flatMap((name) => [name, DRAFT_PREFIX + name.slice(CAPTURE_PREFIX.length)]));
}

export async function getCapture(jobId) {
  const key = CAPTURE_PREFIX + jobId;
  return (await api.storage.session.get(key))[key] ?? null;
}

// --- the draft being made in one reader page --------------------------------------------------

export const draftKey = (jobId) => DRAFT_PREFIX + jobId;

export async function getDraft(jobId) {
  const key = draftKey(jobId);
  return (await api.storage.session.get(key))[key] ?? null;
}

export async function putDraft(jobId, draft) {
  await api.storage.session.set({ [draftKey(jobId)]: { ...draft, at: Date.now() } });
}

// --- kept fixes --------------------------------------------------------------------------------

export async function loadFixes() {
  return (await api.storage.local.get(FIXES_KEY))[FIXES_KEY] ?? {};
}

// Kept under the page's host (without "www."), the domain the fix would be shared as a site rule for.
export async function keepFix(url, draft) {
  const fixes = await loadFixes();
  const site = hostOf(url);
  fixes[site] = { site, url, rule: draftRule(draft), saved: new Date().toISOString() };
  await api.storage.local.set({ [FIXES_KEY]: fixes });
  return fixes[site];
}

export async function deleteFix(site) {
  const fixes = await loadFixes();
  delete fixes[site];
  await api.storage.local.set({ [FIXES_KEY]: fixes });
}

// The kept fix that applies to a page: its host's, else the nearest domain's above it.
export async function keptFixFor(url) {
  const fixes = await loadFixes();
  const site = domainsCovering(hostOf(url)).find((domain) => Object.hasOwn(fixes, domain));
  return site ? fixes[site] : null;
}

// The draft rules to send with a page: its kept fix, if any.
export async function keptRulesFor(url) {
  const fix = await keptFixFor(url);
  return fix ? [fix.rule] : [];
}

// A draft ({picks: [{selector, category, note}], content}) as a rule the service reads: picks of one
// category share a strip group, in the order the reader made them.
export function draftRule(draft) {
  const groups = new Map();
  for (const pick of draft.picks ?? []) {
    if (!groups.has(pick.category)) groups.set(pick.category, { category: pick.category, note: "", selectors: [], notes: [] });
    const group = groups.get(pick.category);
    if (!group.selectors.includes(pick.selector)) group.selectors.push(pick.selector);
    const note = pick.note ?? (pick.sample ? `“${pick.sample.replace(/\s+/g, " ").slice(0, 60).trim()}…”` : "");
    if (note && !group.notes.includes(note)) group.notes.push(note);
  }
  const strip = [...groups.values()].map(({ category, selectors, notes }) => ({
    category,
    note: `Picked in the reader${notes.length ? `: ${notes.join(" ")}` : "."}`,
    selectors,
  }));
  const rule = { strip };
  if (draft.content?.selector) rule.content = [draft.content.selector];
  return rule;
}

// The picker's report ({picks, content}) as a draft: only the fields the reader uses, typed and bounded, since the
// picker shares its process with a page that may be hostile. Whether a selector is valid CSS is the service's call.
const MAX_PICKS = 100;
const MAX_SELECTOR_CHARS = 1000;
const MAX_SAMPLE_CHARS = 200;
const selectorOf = (value) => (typeof value === "string" && value.trim() && value.length <= MAX_SELECTOR_CHARS ? value : null);

export function pickedDraft({ picks, content }) {
  const cleanPicks = (Array.isArray(picks) ? picks.slice(0, MAX_PICKS) : []).flatMap((pick) => {
    const selector = selectorOf(pick?.selector);
    if (!selector) return [];
    return [{
      selector,
      category: typeof pick.category === "string" && /^[a-z]{1,20}$/.test(pick.category) ? pick.category : "other",
      count: Number.isSafeInteger(pick.count) ? pick.count : null,
      positional: pick.positional === true,
      sample: typeof pick.sample === "string" ? pick.sample.slice(0, MAX_SAMPLE_CHARS) : "",
    }];
  });
  const root = selectorOf(content?.selector);
  return { picks: cleanPicks, content: root ? { selector: root } : null };
}

// True when the draft asks for nothing.
export const isEmptyDraft = (draft) => !draft || (!(draft.picks ?? []).length && !draft.content);
