// Headless Firefox over WebDriver BiDi with the extension installed, for the Firefox drivers
// (firefox_e2e.mjs, firefox_fix.mjs). Firefox's BiDi cannot click the toolbar or open moz-extension: pages,
// so those steps run in the browser's own (chrome) scope, which --remote-allow-system-access opens to the test.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ADDON_ID = "declutter@declutter.invalid";

// What test_firefox.run_driver passes in the environment.
export const env = {
  firefox: process.env.FIREFOX,
  extension: process.env.EXTENSION_DIR,
  port: Number(process.env.BIDI_PORT),
  service: process.env.SERVICE_URL,
  token: process.env.SERVICE_TOKEN,
  page: process.env.PAGE_URL,
  deadService: process.env.DEAD_SERVICE_URL,
  modules: process.env.NODE_MODULES_FROM,
};
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Keys as WebDriver names them.
export const KEYS = { ArrowUp: "\uE013", ArrowDown: "\uE015", Enter: "\uE007", Escape: "\uE00C" };

// Start Firefox (in its own process group, so the whole tree can be stopped), install the extension,
// and return the helpers a driver needs. `stop()` ends Firefox and removes its profile.
export async function startFirefox({ firefox, extension, port, modules }) {
  const WebSocket = createRequire(join(modules, "package.json"))("ws");
  const profile = mkdtempSync(join(tmpdir(), "declutter-firefox-"));
  const child = spawn(firefox, ["-headless", "-no-remote", "-profile", profile,
    "--remote-debugging-port", String(port), "--remote-allow-system-access"],
    { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const session = { log: "" };
  child.stderr.on("data", (chunk) => { session.log += chunk; });
  session.stop = () => {
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    return await connect(session, port, WebSocket, extension);
  } catch (error) {
    session.stop();
    error.message += `\n--- firefox ---\n${session.log.slice(-3000)}`;
    throw error;
  }
}

async function connect(session, port, WebSocket, extension) {

  for (let i = 0; i < 150 && !/WebDriver BiDi listening/.test(session.log); i++) await sleep(100);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
  await new Promise((resolve, reject) => { ws.on("open", resolve); ws.on("error", reject); });
  const pending = new Map();
  let next = 1;
  ws.on("message", (data) => {
    const message = JSON.parse(data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, (m) => (m.type === "error" ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result)));
    ws.send(JSON.stringify({ id, method, params }));
  });
  await send("session.new", { capabilities: {} });
  session.send = send;
  session.close = () => ws.close();

  session.evaluate = async (context, expression) => {
    const result = await send("script.evaluate", { expression, target: { context }, awaitPromise: true, resultOwnership: "none" });
    if (result.type === "exception") throw new Error(`${expression.slice(0, 80)}: ${result.exceptionDetails.text}`);
    return result.result.value;
  };
  session.waitFor = async (context, expression, timeout = 15_000) => {
    for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
      if (await session.evaluate(context, expression).catch(() => false)) return;
    }
    throw new Error(`timed out waiting for ${expression}`);
  };
  const contextsAt = async (prefix) => (await send("browsingContext.getTree", {})).contexts
    .filter((c) => c.url.startsWith(prefix)).map((c) => c.context);
  session.newContextAt = async (prefix, known = []) => {
    for (let i = 0; i < 150; i++, await sleep(100)) {
      const found = (await contextsAt(prefix)).find((c) => !known.includes(c));
      if (found) return found;
    }
    throw new Error(`no new page at ${prefix}`);
  };

  await send("webExtension.install", { extensionData: { type: "path", path: extension } });
  const [browserWindow] = (await send("browsingContext.getTree", { "moz:scope": "chrome" })).contexts;
  session.chrome = (expression) => session.evaluate(browserWindow.context, expression);
  session.base = await session.chrome(`WebExtensionPolicy.getByID("${ADDON_ID}").getURL("")`);

  // The toolbar button, as a click on it would do.
  session.pressButton = () => session.chrome(`(() => {
    const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
    const extension = WebExtensionPolicy.getByID("${ADDON_ID}").extension;
    ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    return true;
  })()`);

  // An extension page in a new tab (BiDi cannot navigate to moz-extension: itself).
  session.openExtensionPage = async (path) => {
    await session.chrome(`gBrowser.selectedTab = gBrowser.addTab("${session.base}${path}",
      { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); true`);
    return session.newContextAt(`${session.base}${path}`);
  };

  // A web page in a new tab, loaded and selected: the tab the toolbar button acts on.
  session.openTab = async (url) => {
    const { context } = await send("browsingContext.create", { type: "tab" });
    await send("browsingContext.navigate", { context, url, wait: "complete" });
    await send("browsingContext.activate", { context });
    return context;
  };

  // The button pressed on the selected tab, and the reader it opens once it has an answer or an error
  // (`known`: readers already open, which are not the new one).
  session.openReader = async (known = []) => {
    await session.pressButton();
    const reader = await session.newContextAt(`${session.base}reader.html`, known);
    await session.waitFor(reader, `/dc-ready|dc-error/.test(document.body.className)`, 30_000);
    return reader;
  };
  return session;
}

// Run a driver's main(firefox) and print what it returns as JSON; on failure, the error and Firefox's log.
export async function drive(main) {
  const firefox = await startFirefox(env);
  try {
    process.stdout.write(JSON.stringify(await main(firefox)));
  } catch (error) {
    process.stderr.write(`${error.stack}\n--- firefox ---\n${firefox.log.slice(-3000)}\n`);
    process.exitCode = 1;
  } finally {
    firefox.stop();
  }
}
