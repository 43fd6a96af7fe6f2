// Background: Chrome's service worker and Firefox's background script, from one ES module.
import { api } from "./lib/api.js";
import { leaveAlone, siteOf, watchAlwaysSites } from "./lib/always.js";
import { capturePage } from "./lib/capture.js";
import { getJob, pruneJobs, putJob } from "./lib/jobs.js";
import { getCapture, getDraft, keptRulesFor, pickedDraft, putCapture, putDraft } from "./lib/fixes.js";
import { ServiceError, checkHealth, cleanPage } from "./lib/service.js";
import { loadService } from "./lib/settings.js";
import { withoutHash } from "./lib/site.js";

const HIDDEN_MARK = "data-declutter-hidden";
const MENU_ID = "declutter-read";
const READER_URL = api.runtime.getURL("reader.html");
const CAPTURE_TRIES = 4;
const CAPTURE_RETRY_MS = 150;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The page's context menu entry; made afresh at install and at start-up, since Chrome keeps menus across
// restarts and Firefox's event pages may not.
async function createMenu() {
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: MENU_ID, title: "Read in Declutter", contexts: ["page"] });
}
api.runtime.onInstalled.addListener(createMenu);
api.runtime.onStartup.addListener(createMenu);

// Toolbar button, and its keyboard shortcut (the _execute_action command), land here.
api.action.onClicked.addListener((tab) => startJob(tab));

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab) startJob(tab);
});

// Requests from our own pages (the reader, the options page) and from the picker. The picker is a content script
// in a page that may be hostile, so it may only answer for the picking it was started for (pickerDone checks).
const EXTENSION_ORIGIN = api.runtime.getURL("");
const fromOwnPage = (sender) => typeof sender.url === "string" && sender.url.startsWith(EXTENSION_ORIGIN);

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || typeof message?.type !== "string") return false;
  if (message.id !== undefined && typeof message.id !== "string") return false; // a job id
  const handlers = fromOwnPage(sender) ? PAGE_HANDLERS : PICKER_HANDLERS;
  if (!Object.hasOwn(handlers, message.type)) return false;
  handlers[message.type](message, sender).then(sendResponse, (error) => sendResponse({ ok: false, error: { code: "internal", message: String(error) } }));
  return true;
});

// "Always open this site": an article of a listed site opens in the reader in the tab it loaded in.
watchAlwaysSites((tab) => startJob(tab, { inPlace: true }));

async function startJob(tab, { inPlace = false } = {}) {
  // Our own reader page has nothing to declutter.
  if (tab.url?.startsWith(READER_URL)) return;
  const id = crypto.randomUUID();
  // Capture first, while the click's activeTab grant is fresh, then show the reader at once.
  const captured = await capture(tab.id);
  // A page that opened by itself and cannot be read stays as it is, rather than turning into a failure screen.
  if (inPlace && captured.error) return false;
  const url = captured.page?.url ?? tab.url ?? "";
  const title = captured.page?.title ?? tab.title ?? "";
  await putJob(id, { state: "pending", tabId: tab.id, url, title, ...(inPlace ? { inPlace } : {}) });
  // The reader opens next to the page, which stays as it was; opened by itself (always open), in the page's tab.
  if (inPlace) await api.tabs.update(tab.id, { url: `${READER_URL}#${id}` });
  else await api.tabs.create({ url: `${READER_URL}#${id}`, index: tab.index + 1, openerTabId: tab.id });
  await finishJob(id, tab.id, captured);
  await pruneJobs();
  return true;
}

// "Try again" in the reader: capture the original tab afresh and send it again.
async function retryJob(id) {
  const job = await getJob(id);
  if (!job) return;
  if (job.inPlace) {
    // This reader took its page's place: load the page again, and the always-open watch opens it afresh.
    await leaveAlone(job.tabId, null);
    await api.tabs.update(job.tabId, { url: job.url });
    return;
  }
  await putJob(id, { ...job, state: "pending", error: null });
  await finishJob(id, job.tabId, await capture(job.tabId));
}

// Run the capture function in the page; a failure here (a browser page, a PDF, a closed tab) is reported, not thrown.
async function capture(tabId) {
  for (let attempt = 1; ; attempt++) {
    try {
      const [injection] = await api.scripting.executeScript({
        target: { tabId },
        func: capturePage,
        args: [HIDDEN_MARK],
      });
      if (!injection?.result?.html) throw new Error("The page returned nothing.");
      return { page: injection.result };
    } catch (error) {
      // Chrome grants activeTab to the page's process a moment after the click event: a permission
      // refusal right after a click is retried briefly before it is believed.
      if (/permission|Cannot access/i.test(error.message) && attempt < CAPTURE_TRIES) {
        await sleep(CAPTURE_RETRY_MS * attempt);
        continue;
      }
      return {
        error: new ServiceError("capture_failed", `Declutter cannot read this page: ${error.message}`).toJSON(),
      };
    }
  }
}

// Send the captured page to the service and store what the reader will show.
async function finishJob(id, tabId, captured) {
  const job = (await getJob(id)) ?? { tabId };
  if (captured.error) {
    await putJob(id, { ...job, state: "error", error: captured.error });
    return;
  }
  const service = await loadService();
  const base = { ...job, url: captured.page.url, serviceUrl: service.url };
  // Kept so "Fix this page" can preview a fix on exactly this page.
  await putCapture(id, captured.page);
  try {
    const { result, fixRefused } = await cleanWithKeptFix(service, captured.page);
    await putJob(id, { ...base, state: "done", result, fixRefused });
  } catch (error) {
    // A result too big for session storage lands here too, as an error the reader can show.
    const failure = error instanceof ServiceError ? error.toJSON() : { code: "internal", message: String(error) };
    await putJob(id, { ...base, state: "error", error: failure });
  }
}

async function testService(service) {
  try {
    return { ok: true, body: await checkHealth(service) };
  } catch (error) {
    const failure = error instanceof ServiceError ? error.toJSON() : { code: "internal", message: String(error) };
    return { ok: false, error: failure };
  }
}

// --- "Fix this page" ----------------------------------------------------------------------------

// The page cleaned with the reader's kept fix for its site: {result, fixRefused}. A fix the service refuses (400)
// is left out and its reason returned, rather than leaving every page of that site unreadable.
async function cleanWithKeptFix(service, page) {
  const kept = await keptRulesFor(page.url);
  if (!kept.length) return { result: await cleanPage(service, page), fixRefused: null };
  try {
    return { result: await cleanPage(service, page, kept), fixRefused: null };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status !== 400) throw error;
    return { result: await cleanPage(service, page), fixRefused: error.message };
  }
}

const PAGE_LOAD_MS = 20_000;

// Picking mode in the original tab, started from the reader's "Fix this page" button.
async function startPicker(message, sender) {
  const job = await getJob(message.id);
  if (!job) return { ok: false, error: { message: "This reader page has expired: open the page in Declutter again." } };
  let tab;
  try {
    tab = await api.tabs.get(job.tabId);
  } catch {
    tab = null;
  }
  if (!tab || withoutHash(tab.url) !== withoutHash(job.url)) {
    // A site the reader opens by itself (always open) grants its host: the page can be opened again to pick on.
    tab = await reopenWithHostAccess(job.url, sender.tab);
    if (!tab) {
      return {
        ok: false,
        error: { message: "The original tab was closed or has moved on: open the article again, press Declutter, then Fix this page." },
      };
    }
    await putJob(message.id, { ...job, tabId: tab.id });
  }
  const draft = (await getDraft(message.id)) ?? {};
  await putDraft(message.id, { ...draft, readerTabId: sender.tab?.id ?? null, state: "picking" });
  await api.tabs.update(tab.id, { active: true });
  await api.windows.update(tab.windowId, { focused: true });
  try {
    // Injected now, on the reader's click, through the activeTab grant the toolbar click gave this tab.
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: ["picker/selector.js", "picker/picker.js"] });
    await api.scripting.executeScript({
      target: { tabId: tab.id },
      func: (options) => globalThis.declutterPicker.start(options),
      args: [{ jobId: message.id, picks: draft.picks ?? [], content: draft.content ?? null }],
    });
  } catch (error) {
    await putDraft(message.id, { ...draft, state: "idle" });
    await focusReader(sender.tab?.id);
    return { ok: false, error: { message: `Declutter cannot pick on this page: ${error.message}` } };
  }
  return { ok: true };
}

async function reopenWithHostAccess(url, readerTab) {
  const site = siteOf(url);
  if (!site || !(await api.permissions.contains({ origins: [site.pattern] }))) return null;
  const tab = await api.tabs.create({ url, index: (readerTab?.index ?? 0) + 1, openerTabId: readerTab?.id });
  // Picking starts once the page has loaded, or after PAGE_LOAD_MS on a page that never settles; listening before
  // anything else is awaited, so a quick load is not missed.
  const loaded = new Promise((resolve) => {
    const done = (tabId, change) => {
      if (tabId !== tab.id || change.status !== "complete") return;
      api.tabs.onUpdated.removeListener(done);
      resolve();
    };
    api.tabs.onUpdated.addListener(done);
    setTimeout(() => {
      api.tabs.onUpdated.removeListener(done);
      resolve();
    }, PAGE_LOAD_MS);
  });
  await leaveAlone(tab.id, url); // opened to pick on: always open must not turn it into a reader
  await loaded;
  return api.tabs.get(tab.id);
}

async function focusReader(tabId) {
  if (tabId == null) return;
  try {
    const tab = await api.tabs.update(tabId, { active: true });
    await api.windows.update(tab.windowId, { focused: true });
  } catch {
    // The reader was closed meanwhile: the draft stays in session storage for it.
  }
}

// The picker finished (Done) or left (Cancel, Escape): store what it picked and go back to the reader. Only the
// picker of a job that is picking, in that job's tab and its top frame, is heard; its picks are re-read field by field.
async function pickerDone(message, sender) {
  const [job, draft] = [await getJob(message.id), await getDraft(message.id)];
  if (!job || draft?.state !== "picking" || sender.tab?.id !== job.tabId || sender.frameId !== 0) return { ok: false };
  const next = message.type === "fix-picked" ? { ...draft, ...pickedDraft(message), state: "picked" } : { ...draft, state: "idle" };
  await putDraft(message.id, next);
  await focusReader(draft.readerTabId);
  return { ok: true };
}

// Clean the kept capture again with a draft rule and show the result in the reader (the job follows it).
async function previewFix(message) {
  if (!Array.isArray(message.rules)) return { ok: false, error: { message: "No draft rule to preview." } };
  const [job, page] = [await getJob(message.id), await getCapture(message.id)];
  if (!job || !page) {
    return { ok: false, error: { message: "The captured page is no longer kept: open the page in Declutter again." } };
  }
  const service = await loadService();
  try {
    const result = await cleanPage(service, page, message.rules);
    await putJob(message.id, { ...job, state: "done", result, preview: message.rules.length > 0 });
    return { ok: true };
  } catch (error) {
    const failure = error instanceof ServiceError ? error.toJSON() : { code: "internal", message: String(error) };
    return { ok: false, error: failure };
  }
}

// What our own pages may ask for.
const PAGE_HANDLERS = {
  retry: (message) => retryJob(message.id).then(() => ({ ok: true })),
  health: (message) => testService(message.service),
  "fix-start": startPicker,
  "fix-preview": previewFix,
};
// All the picker may say.
const PICKER_HANDLERS = {
  "fix-picked": pickerDone,
  "fix-cancelled": pickerDone,
};
