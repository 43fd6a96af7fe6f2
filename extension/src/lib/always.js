// "Always open this site in Declutter": the sites the reader chose, each with a host permission for that
// site alone, and the background's watch that opens their article pages in the reader by themselves.
import { api } from "./api.js";
import { withoutHash } from "./site.js";

const SITES_KEY = "alwaysSites";
// Per tab, a page to leave as it is on its next load: the one just opened in the reader (going back to it is a
// choice), or one a reader's "Original page" link or "Fix this page" opens.
const LEAVE_KEY = "alwaysLeave";
// The last decisions of the watch, newest last, so "why did this page (not) open" has an answer.
const DECISIONS_KEY = "alwaysDecisions";
const DECISIONS_KEPT = 20;
// Mozilla's reader-view test (@mozilla/readability), copied into the build by build.py.
const READERABLE_SCRIPT = "vendor/Readability-readerable.js";

// The site of a page and the match pattern of its host permission; null for anything but http(s).
export function siteOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return { host: parsed.hostname, pattern: `${parsed.protocol}//${parsed.hostname}/*` };
}

export async function listSites() {
  const { [SITES_KEY]: sites } = await api.storage.local.get(SITES_KEY);
  return sites ?? [];
}

async function saveSites(sites) {
  await api.storage.local.set({ [SITES_KEY]: sites });
}

// Ask for the site's host permission and remember the site. Browsers only show the prompt during a click, so
// the request is the first asynchronous call made here; resolves to whether the permission was given.
export async function addSite(url) {
  const site = siteOf(url);
  if (!site) return false;
  const granted = await api.permissions.request({ origins: [site.pattern] });
  if (!granted) return false;
  const others = (await listSites()).filter((entry) => entry.host !== site.host);
  await saveSites([...others, { ...site, added: new Date().toISOString() }]);
  return true;
}

// Forget the site and give its permission back. A permission the manifest itself grants cannot be given back:
// then the site is forgotten all the same, and false says the permission stayed.
export async function removeSite(host) {
  const sites = await listSites();
  const site = sites.find((entry) => entry.host === host);
  await saveSites(sites.filter((entry) => entry.host !== host));
  if (!site) return true;
  try {
    return await api.permissions.remove({ origins: [site.pattern] });
  } catch {
    return false;
  }
}

// Whether pages at this address open in the reader by themselves: the site is listed and its permission held.
async function isAlwaysSite(url) {
  const site = siteOf(url);
  if (!site || !(await listSites()).some((entry) => entry.host === site.host)) return false;
  return api.permissions.contains({ origins: [site.pattern] });
}

async function leftAlone(tabId) {
  const { [LEAVE_KEY]: leave } = await api.storage.session.get(LEAVE_KEY);
  return leave?.[tabId] ?? null;
}

// The next load of `url` in this tab stays as it is (null: forget it).
export async function leaveAlone(tabId, url) {
  const { [LEAVE_KEY]: leave = {} } = await api.storage.session.get(LEAVE_KEY);
  if (url) leave[tabId] = withoutHash(url);
  else delete leave[tabId];
  await api.storage.session.set({ [LEAVE_KEY]: leave });
}

// Run Mozilla's isProbablyReaderable on the page: an article says yes, a home or section page of teasers no.
async function isReaderable(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: [READERABLE_SCRIPT] });
  const [injection] = await api.scripting.executeScript({
    target: { tabId },
    func: () => globalThis.isProbablyReaderable(document),
  });
  return injection?.result === true;
}

// True the first time it runs in a document. A page sends "complete" again without being a new page (a fragment or
// history.pushState change, a late frame): deciding again would take the reader back over the original it was left for.
async function firstLook(tabId) {
  const [injection] = await api.scripting.executeScript({
    target: { tabId },
    func: () => {
      const first = !globalThis.declutterLooked;
      globalThis.declutterLooked = true;
      return first;
    },
  });
  return injection?.result === true;
}

// Decide for one loaded page; `openInReader(tab)` does the opening (false: the page could not be read, and stays).
// Returns what was decided, for the log.
async function considerTab(tab, openInReader) {
  const url = withoutHash(tab.url);
  if (!(await isAlwaysSite(url))) return "not-listed";
  if (!(await firstLook(tab.id))) return "already-decided";
  if ((await leftAlone(tab.id)) === url) {
    // The reader was left for the original with one click: show it this time.
    await leaveAlone(tab.id, null);
    return "left-alone";
  }
  if (!(await isReaderable(tab.id))) return "not-readerable";
  await leaveAlone(tab.id, url);
  return (await openInReader(tab)) ? "opened" : "unreadable";
}

// One note at a time: two tabs finishing together would otherwise each write the log over the other's note.
let noting = Promise.resolve();
function noteDecision(url, decision) {
  noting = noting.then(async () => {
    const { [DECISIONS_KEY]: past = [] } = await api.storage.session.get(DECISIONS_KEY);
    const next = [...past, { url, decision, at: Date.now() }].slice(-DECISIONS_KEPT);
    await api.storage.session.set({ [DECISIONS_KEY]: next });
  }).catch((error) => console.warn(`Declutter: the always-open log was not written: ${error.message}`));
  return noting;
}

// The background's watch: every finished page load of a site whose permission it holds, nothing else (the
// browser shows a tab's address only to an extension holding that site's permission).
export function watchAlwaysSites(openInReader) {
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== "complete" || !siteOf(tab.url ?? "")) return;
    considerTab(tab, openInReader)
      .catch((error) => `failed: ${error.message}`) // a tab closed meanwhile, or a page closed to extensions
      .then((decision) => noteDecision(withoutHash(tab.url), decision));
  });
  api.tabs.onRemoved.addListener((tabId) => {
    leaveAlone(tabId, null);
  });
}
