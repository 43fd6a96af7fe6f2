// The reader page: shows one job (reader.html#<job id>) from storage.session, and follows its changes.
import { api } from "../lib/api.js";
import { getJob, jobKey } from "../lib/jobs.js";
import { hostOf } from "../lib/site.js";
import { articleFragment, imageSources, safeImageUrl } from "./content.js";
import { initControls } from "./controls.js";
import { renderPanel } from "./quotes.js";
import { details, summarize } from "./removed.js";

const $ = (id) => document.getElementById(id);
const jobId = decodeURIComponent(location.hash.slice(1));
const STALE_MS = 90_000;

// What each failure means to a reader, and what they can do about it.
const FAILURES = {
  service_down: {
    title: "The Declutter service is not running",
    hint: "Start it from the project folder with `make serve`, then try again. "
      + "If it runs elsewhere, set its address in the options.",
    retry: true,
    options: true,
  },
  timeout: { title: "The Declutter service took too long", retry: true },
  no_article: { title: "No article found on this page" },
  page_too_complex: { title: "This page is too complex to clean" },
  payload_too_large: { title: "This page is too large to clean" },
  unauthorized: {
    title: "The Declutter service needs an API token",
    hint: "Set the token in the options, then try again.",
    retry: true,
    options: true,
  },
  capture_failed: {
    title: "This page cannot be read",
    hint: "Browser pages, the extension store and PDFs are off limits to extensions.",
  },
  gone: { title: "This reader page has expired", hint: "Go back to the article and open Declutter again." },
};

// Status codes stand in for codes when a proxy, not the service, answered.
const BY_STATUS = { 401: "unauthorized", 413: "payload_too_large", 422: "no_article" };

function failureFor(error) {
  const code = FAILURES[error.code] ? error.code : BY_STATUS[error.status];
  return FAILURES[code] ?? { title: "The Declutter service reported an error", retry: true };
}

function setLink(link, url) {
  if (/^https?:/.test(url ?? "")) link.href = url;
  else link.removeAttribute("href");
}

function showStatus(job) {
  document.body.className = document.body.className.replace(/\bdc-(loading|error|ready)\b/g, "").trim();
  document.body.classList.add(job.state === "error" ? "dc-error" : "dc-loading");
  $("dc-article").hidden = true;
  $("dc-status").hidden = false;
  const pending = job.state !== "error";
  const failure = pending ? {} : failureFor(job.error ?? {});
  $("dc-status-title").textContent = pending ? "Cleaning up the page…" : failure.title;
  // The service's own message is shown as text, never as markup.
  const detail = pending ? (job.url ?? "") : (job.error?.message ?? "");
  $("dc-status-message").textContent = detail;
  $("dc-status-hint").replaceChildren(...withCode(failure.hint ?? ""));
  $("dc-status-hint").hidden = !failure.hint;
  $("dc-retry").hidden = !failure.retry;
  $("dc-options").hidden = !failure.options;
  $("dc-status-original").hidden = pending || !job.url;
  setLink($("dc-status-original"), job.url);
  document.title = pending ? "Declutter" : `${failure.title} — Declutter`;
}

// Text with `backticked` commands shown as <code>, built as nodes (no markup parsing).
function withCode(text) {
  return text.split("`").map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement("code");
    code.textContent = part;
    return code;
  });
}

function formatDate(iso, lang) {
  // "2019-04-28 06:01:07" is not ISO everywhere: put the T in.
  const date = new Date(String(iso).replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T"));
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: "long" }).format(date);
  } catch {
    return date.toDateString();
  }
}

// The service counts it (WORDS_PER_MINUTE in server/pipeline.py): one reading speed for the reader and the page.
function readingMinutes(result) {
  return Math.max(1, Math.round(result.reading_minutes || 1));
}

function span(className, text) {
  const node = document.createElement("span");
  node.className = className;
  node.textContent = text;
  return node;
}

// Site, title, byline, date and reading time, all set as text.
function renderHeader(result) {
  const site = result.site_name || result.site || hostOf(result.url);
  $("dc-site").textContent = site;
  $("dc-title").textContent = result.title || "Untitled";
  const meta = [];
  if (result.byline) meta.push(span("dc-byline", /^by\s/i.test(result.byline) ? result.byline : `By ${result.byline}`));
  const date = result.published && formatDate(result.published, result.lang);
  if (date) {
    const time = document.createElement("time");
    time.dateTime = result.published;
    time.textContent = date;
    meta.push(time);
  }
  meta.push(span("dc-reading-time", `${readingMinutes(result)} min read`));
  $("dc-meta").replaceChildren(...meta.flatMap((node, i) => (i ? [span("dc-sep", " · "), node] : [node])));
}

// The "Removed: …" line, expandable to one line per rule.
function renderRemoved(result) {
  const summary = summarize(result.removed);
  $("dc-removed").hidden = !summary && !(result.removed ?? []).length;
  $("dc-removed-summary").textContent = summary || "Removed: nothing";
  const items = details(result.removed).map((entry) => {
    const li = document.createElement("li");
    li.classList.toggle("dc-refused", entry.refused);
    li.append(span("dc-removed-what", entry.text));
    if (entry.sample) li.append(" ", span("dc-removed-sample", `“${entry.sample}”`));
    return li;
  });
  $("dc-removed-list").replaceChildren(...items);
}

function renderArticle(job) {
  const result = job.result;
  document.body.classList.remove("dc-loading", "dc-error");
  document.body.classList.add("dc-ready");
  $("dc-status").hidden = true;

  // The article keeps its own language and direction; the reader's controls stay as they are.
  const article = $("dc-article");
  article.lang = result.lang || "";
  article.dir = result.dir || "auto";

  renderHeader(result);
  renderRemoved(result);
  const content = $("dc-content");
  content.replaceChildren(articleFragment(result.html ?? "", result.url || job.url));
  // An image that cannot load (offline, hotlink protection) is hidden rather than left as a broken icon.
  for (const img of [...content.querySelectorAll("img"), $("dc-lead-image")]) {
    img.addEventListener("error", () => img.classList.add("dc-broken"), { once: true });
  }

  // Show the lead image unless the article already starts with it.
  const leadSrc = safeImageUrl(result.lead_image, result.url || job.url);
  $("dc-lead").hidden = !leadSrc || imageSources(content).has(leadSrc);
  if (!$("dc-lead").hidden) $("dc-lead-image").src = leadSrc;

  const count = renderPanel($("dc-panel-body"), content, result.attributions);
  document.body.classList.toggle("dc-has-quotes", count > 0);
  $("dc-panel-toggle").hidden = count === 0;
  $("dc-highlights-label").hidden = count === 0;
  $("dc-panel-count").textContent = count ? String(count) : "";

  setLink($("dc-original"), result.url || job.url);
  setLink($("dc-source-link"), result.url || job.url);
  $("dc-source-link").textContent = `Read the original on ${hostOf(result.url || job.url) || "the site"}`;
  document.title = `${result.title || "Untitled"} — Declutter`;
  article.hidden = false;
}

function render(job) {
  if (!job) {
    showStatus({ state: "error", error: { code: "gone", message: "" } });
  } else if (job.state === "done" && job.result) {
    renderArticle(job);
  } else {
    showStatus(job);
    setLink($("dc-original"), job.url);
  }
}

async function main() {
  await initControls();
  $("dc-print").addEventListener("click", () => print());
  $("dc-options").addEventListener("click", () => api.runtime.openOptionsPage());
  $("dc-retry").addEventListener("click", () => api.runtime.sendMessage({ type: "retry", id: jobId }));

  // Follow this job as the background moves it from pending to done or error; the first read and the
  // change events can arrive in either order, so an older state never replaces a newer one.
  let shown = null;
  const show = (job) => {
    if (job && shown && job.at < shown.at) return;
    shown = job;
    render(job);
  };
  api.storage.onChanged.addListener((changes, area) => {
    const change = changes[jobKey(jobId)];
    if (area === "session" && change?.newValue) show(change.newValue);
  });
  const first = jobId ? await getJob(jobId) : null;
  if (first || !shown) show(first);

  // A job still pending long after the service's own time limit was lost (the browser stopped the background).
  setInterval(async () => {
    const job = jobId ? await getJob(jobId) : null;
    if (job?.state === "pending" && Date.now() - job.at > STALE_MS) {
      render({ ...job, state: "error", error: { code: "timeout", message: "No answer came back." } });
    }
  }, 5_000);
}

main();
