// Background: Chrome's service worker and Firefox's background script, from one ES module.
import { api } from "./lib/api.js";
import { capturePage } from "./lib/capture.js";
import { getJob, pruneJobs, putJob } from "./lib/jobs.js";
import { ServiceError, checkHealth, cleanPage } from "./lib/service.js";
import { loadService } from "./lib/settings.js";

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

// Requests from the reader (retry) and the options page (test connection).
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  if (message?.type === "retry") {
    retryJob(message.id).then(() => sendResponse({ ok: true }));
    return true;
  }
  if (message?.type === "health") {
    testService(message.service).then(sendResponse);
    return true;
  }
  return false;
});

async function startJob(tab) {
  // Our own reader page has nothing to declutter.
  if (tab.url?.startsWith(READER_URL)) return;
  const id = crypto.randomUUID();
  // Capture first, while the click's activeTab grant is fresh, then show the reader at once.
  const captured = await capture(tab.id);
  const url = captured.page?.url ?? tab.url ?? "";
  await putJob(id, { state: "pending", tabId: tab.id, url, title: captured.page?.title ?? tab.title ?? "" });
  // The reader opens next to the page, which stays as it was.
  await api.tabs.create({ url: `${READER_URL}#${id}`, index: tab.index + 1, openerTabId: tab.id });
  await finishJob(id, tab.id, captured);
  await pruneJobs();
}

// "Try again" in the reader: capture the original tab afresh and send it again.
async function retryJob(id) {
  const job = await getJob(id);
  if (!job) return;
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
  try {
    const result = await cleanPage(service, captured.page);
    await putJob(id, { ...base, state: "done", result });
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
