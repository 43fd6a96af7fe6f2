// "Fix this page" in headless Firefox for tests/browser/test_extension_fix.py, printing what it saw as JSON:
// button -> reader -> Fix this page -> pick with real pointer and keys in the page -> preview -> keep -> next visit.
//
//   node firefox_fix.mjs   (settings come from the environment: `env` in firefox_bidi.mjs)
import { KEYS, drive, env } from "./firefox_bidi.mjs";

async function main(firefox) {
  const { send, close, evaluate, waitFor, chrome, openExtensionPage, openTab, openReader } = firefox;
  // Every host name resolves to this machine, so the fixture site is reached under its own name.
  await chrome(`Services.prefs.setStringPref("network.dns.forceResolve", "127.0.0.1"); true`);
  const options = await openExtensionPage("options.html");
  await waitFor(options, `typeof browser !== "undefined" && document.readyState === "complete"`);
  await evaluate(options, `browser.storage.local.set({ service: { url: ${JSON.stringify(env.service)},
    token: ${JSON.stringify(env.token)} } }).then(() => true)`);

  const news = await openTab(env.page);
  const reader = await openReader();
  const content = `document.querySelector("#dc-content").innerText`;
  const seen = { before: await evaluate(reader, content) };

  // Fix this page: the picker comes up in the news tab.
  await evaluate(reader, `document.querySelector("#dc-fix").click(); true`);
  await waitFor(news, `document.querySelector("declutter-picker") !== null`);
  seen.pickerShadowHidden = await evaluate(news, `document.querySelector("declutter-picker").shadowRoot === null`);
  const heading = await send("script.evaluate", {
    expression: `document.querySelector(".tideline h3")`, target: { context: news }, awaitPromise: false, resultOwnership: "root",
  });
  const element = { sharedId: heading.result.sharedId };
  const key = (value) => [{ type: "keyDown", value }, { type: "keyUp", value }];
  await send("input.performActions", {
    context: news,
    actions: [
      { type: "pointer", id: "mouse", actions: [{ type: "pointerMove", x: 0, y: 0, origin: { type: "element", element } }] },
    ],
  });
  await send("input.performActions", { context: news, actions: [{ type: "key", id: "keys", actions: key(KEYS.ArrowUp) }] });
  await send("input.performActions", {
    context: news,
    actions: [{ type: "pointer", id: "mouse", actions: [{ type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }] }],
  });
  await send("input.performActions", { context: news, actions: [{ type: "key", id: "keys", actions: key(KEYS.Enter) }] });
  await waitFor(news, `document.querySelector("declutter-picker") === null`);

  // Back in the reader: the preview with the picked block gone.
  await waitFor(reader, `/\\b(ok|bad)\\b/.test(document.querySelector("#dc-fix-status").className)`, 30_000);
  seen.status = await evaluate(reader, `document.querySelector("#dc-fix-status").textContent`);
  seen.selector = await evaluate(reader, `document.querySelector(".dc-fix-pick code")?.textContent ?? null`);
  seen.category = await evaluate(reader, `document.querySelector(".dc-fix-pick select")?.value ?? null`);
  seen.preview = await evaluate(reader, content);
  seen.removed = await evaluate(reader, `[...document.querySelectorAll("#dc-removed-list li")].map((li) => li.textContent).join(" | ")`);

  // Keep for me, then the next visit.
  await evaluate(reader, `document.querySelector("#dc-fix-keep").click(); true`);
  await waitFor(reader, `/^Kept/.test(document.querySelector("#dc-fix-status").textContent)`);
  seen.kept = await evaluate(options, `browser.storage.local.get("fixes").then((s) => JSON.stringify(s.fixes))`);
  await send("browsingContext.activate", { context: news });
  await send("browsingContext.reload", { context: news, wait: "complete" });
  const again = await openReader([reader]);
  seen.nextVisit = await evaluate(again, content);
  close();
  return seen;
}

await drive(main);
