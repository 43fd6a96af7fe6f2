// Drives Firefox over WebDriver BiDi for tests/browser/test_firefox.py and prints what it saw as JSON.
// Firefox's BiDi cannot click the toolbar or open moz-extension: pages, so those two steps run in the
// browser's own (chrome) scope, which --remote-allow-system-access opens to the test.
//
//   node firefox_e2e.mjs   (settings come from the environment: `env` in firefox_bidi.mjs)
import { ADDON_ID, drive, env } from "./firefox_bidi.mjs";

async function main(firefox) {
  const { send, close, evaluate, waitFor, chrome, openExtensionPage, openTab, openReader } = firefox;
  const seen = { manifestErrors: await chrome(`JSON.stringify(WebExtensionPolicy.getByID("${ADDON_ID}").extension.errors)`) };

  // Options page: point the extension at the service and test the connection.
  const options = await openExtensionPage("options.html");
  await waitFor(options, `document.querySelector("#service-url").value !== ""`);
  seen.defaultUrl = await evaluate(options, `document.querySelector("#service-url").value`);
  await evaluate(options, `document.querySelector("#service-url").value = ${JSON.stringify(env.service)};
    document.querySelector("#service-token").value = ${JSON.stringify(env.token)};
    document.querySelector("#save").click(); true`);
  await waitFor(options, `document.querySelector("#status").textContent === "Saved."`);
  await evaluate(options, `document.querySelector("#test").click(); true`);
  await waitFor(options, `/Connected|error|reach/.test(document.querySelector("#status").textContent)`);
  seen.connection = await evaluate(options, `document.querySelector("#status").textContent`);

  // The news page in the selected tab, then the button.
  const news = await openTab(env.page);
  const reader = await openReader();
  const text = (selector) => `document.querySelector(${JSON.stringify(selector)}).textContent`;
  const all = (selector) => `JSON.stringify([...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent))`;
  seen.reader = {
    state: await evaluate(reader, `document.body.className`),
    status: await evaluate(reader, text("#dc-status")),
    title: await evaluate(reader, text("#dc-title")),
    content: await evaluate(reader, `document.querySelector("#dc-content").innerText`),
    sources: JSON.parse(await evaluate(reader, all("#dc-content mark.attr-source"))),
    speakers: JSON.parse(await evaluate(reader, all(".dc-speaker-label"))),
    removed: await evaluate(reader, text("#dc-removed-summary")),
    marksLeftOnPage: await evaluate(news, `document.querySelectorAll("[data-declutter-hidden]").length`),
  };

  // A quote in the panel jumps to the text; a theme sticks across a reload.
  await evaluate(reader, `document.querySelector(".dc-quote").click(); true`);
  await waitFor(reader, `document.querySelectorAll("#dc-content .dc-active").length > 0`);
  await evaluate(reader, `document.querySelector('input[name="theme"][value="sepia"]').click(); true`);
  await send("browsingContext.reload", { context: reader, wait: "complete" });
  await waitFor(reader, `document.body.classList.contains("dc-ready")`);
  seen.afterReload = {
    theme: await evaluate(reader, `document.documentElement.dataset.theme`),
    background: await evaluate(reader, `getComputedStyle(document.body).backgroundColor`),
  };

  // The service gone: the reader says how to start it.
  await evaluate(options, `browser.storage.local.set({ service: { url: ${JSON.stringify(env.deadService)}, token: "" } }).then(() => true)`);
  await send("browsingContext.activate", { context: news });
  const failed = await openReader([reader]);
  seen.down = {
    state: await evaluate(failed, `document.body.className`),
    title: await evaluate(failed, text("#dc-status-title")),
    hint: await evaluate(failed, text("#dc-status-hint")),
  };
  close();
  return seen;
}

await drive(main);
