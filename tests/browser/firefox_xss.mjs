// Headless Firefox (Debian's firefox-esr) for tests/test_xss_browser.py, driven over WebDriver BiDi the way
// firefox_e2e.mjs drives it for the extension. One long-running process for the whole module: it reads
// one JSON command a line on stdin and answers each with one JSON line on stdout.
//
//   {"id": 1, "op": "serve", "path": "/xss-harness", "body": "...", "headers": {...}}  -> the page's URL
//   {"id": 2, "op": "goto", "url": "..."}                        navigate the tab, wait for the load
//   {"id": 3, "op": "evaluate", "function": "(arg) => ...", "arg": <JSON>}  -> the (awaited) result as JSON
//   {"id": 4, "op": "click", "selector": "#go"}                  a real mouse click on the element
//   {"id": 5, "op": "take_events"}               -> navigations, popups and dialogs since the last call
//   {"id": 6, "op": "close"}                                     stop Firefox and exit
//
// Answers are {"id", "value"} or {"id", "error"}. The first line printed is {"ready": true} once Firefox
// is up. Like Playwright's add_init_script in the Chromium half, the hooks (HOOKS, from the environment)
// are a preload script: they run in every document and frame before its own scripts. Nothing leaves the
// machine: every request is intercepted; only pages served here are let through, any other request
// fails, and a navigation that is not ours is recorded as an execution, as is a popup or a dialog.
//
// Settings come from the environment: FIREFOX, BIDI_PORT (0, the default, for any free port), NODE_MODULES_FROM (the folder whose
// node_modules holds ws), HOOKS (the preload script's body).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const env = {
  firefox: process.env.FIREFOX,
  port: Number(process.env.BIDI_PORT ?? 0),
  modules: process.env.NODE_MODULES_FROM,
  hooks: process.env.HOOKS,
};
const WebSocket = createRequire(join(env.modules, "package.json"))("ws");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The pages the tests serve, by path, with their headers (the reading page's CSP among them).
const served = new Map();
const server = createServer((request, response) => {
  const page = served.get(new URL(request.url, "http://127.0.0.1").pathname);
  if (!page) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...page.headers }).end(page.body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// Firefox in its own process group with a fresh profile, so the whole tree can be stopped at the end.
const profile = mkdtempSync(join(tmpdir(), "declutter-firefox-xss-"));
writeFileSync(join(profile, "user.js"), [
  // Nothing in the background: the machine has no network, and a print dialog must not block anything.
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("dom.disable_open_during_load", true);',
  'user_pref("print.always_print_silent", true);',
  'user_pref("network.captive-portal-service.enabled", false);',
  'user_pref("network.connectivity-service.enabled", false);',
].join("\n"));
const firefox = spawn(env.firefox, ["-headless", "-no-remote", "-profile", profile,
  "--remote-debugging-port", String(env.port)],
  { stdio: ["ignore", "ignore", "pipe"], detached: true });
let firefoxLog = "";
firefox.stderr.on("data", (chunk) => { firefoxLog = (firefoxLog + chunk).slice(-20_000); });

function stop() {
  try { process.kill(-firefox.pid, "SIGKILL"); } catch { /* already gone */ }
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
// Stopped from outside, Firefox goes too.
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => { stop(); process.exit(1); });

const events = [];
const known = new Set(); // the top-level contexts there before the tests: not popups
let ws;
const pending = new Map();
let next = 1;
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = next++;
  pending.set(id, (m) => (m.type === "error" ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result)));
  ws.send(JSON.stringify({ id, method, params }));
});

async function onEvent({ method, params }) {
  if (method === "network.beforeRequestSent" && params.isBlocked) {
    const url = params.request.url;
    const ours = url.startsWith(`${origin}/`) && served.has(new URL(url).pathname);
    if (!ours && params.navigation) events.push(`navigation to ${url}`);
    const request = params.request.request;
    await (ours ? send("network.continueRequest", { request }) : send("network.failRequest", { request }))
      .catch(() => { /* the document went away meanwhile */ });
  } else if (method === "browsingContext.contextCreated" && !params.parent && !known.has(params.context)) {
    events.push(`popup ${params.url}`);
  } else if (method === "browsingContext.userPromptOpened") {
    events.push(`dialog ${params.type}: ${params.message}`);
    await send("browsingContext.handleUserPrompt", { context: params.context, accept: false }).catch(() => {});
  }
}

async function connect() {
  // Port 0 lets Firefox pick a free port; it prints the address it listens on.
  let listening;
  for (let i = 0; i < 300 && !(listening = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(firefoxLog)); i++) {
    await sleep(100);
  }
  if (!listening) throw new Error("Firefox did not start its WebDriver BiDi server in 30 s");
  ws = new WebSocket(`${listening[1]}/session`, { maxPayload: 1 << 30 });
  await new Promise((resolve, reject) => { ws.on("open", resolve); ws.on("error", reject); });
  ws.on("message", (data) => {
    const message = JSON.parse(data);
    if (message.type === "event") {
      onEvent(message);
      return;
    }
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  await send("session.new", { capabilities: { unhandledPromptBehavior: { default: "ignore" } } });
  const contexts = (await send("browsingContext.getTree", {})).contexts;
  for (const context of contexts) known.add(context.context);
  const [tab] = contexts;
  await send("script.addPreloadScript", { functionDeclaration: `() => {\n${env.hooks}\n}` });
  await send("network.addIntercept", { phases: ["beforeRequestSent"] });
  await send("session.subscribe", {
    events: ["network.beforeRequestSent", "browsingContext.contextCreated", "browsingContext.userPromptOpened"],
  });
  return tab.context;
}

const tab = await connect().catch((error) => {
  process.stderr.write(`${error.stack}\n--- firefox ---\n${firefoxLog.slice(-3000)}\n`);
  stop();
  process.exit(1);
});

// Runs a function in the tab's document with one JSON argument; its awaited result comes back as JSON.
async function evaluate(functionSource, arg) {
  const result = await send("script.callFunction", {
    functionDeclaration: `async (json) => JSON.stringify((await (${functionSource})(JSON.parse(json))) ?? null)`,
    arguments: [{ type: "string", value: JSON.stringify(arg ?? null) }],
    target: { context: tab },
    awaitPromise: true,
    resultOwnership: "none",
  });
  if (result.type === "exception") {
    throw new Error(`${functionSource.slice(0, 80)}: ${result.exceptionDetails.text}`);
  }
  return JSON.parse(result.result.value);
}

async function click(selector) {
  const found = await send("script.evaluate", {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
    target: { context: tab },
    awaitPromise: false,
    resultOwnership: "root",
  });
  if (found.type !== "success" || found.result.type !== "node") throw new Error(`no element ${selector}`);
  const element = { sharedId: found.result.sharedId };
  await send("input.performActions", {
    context: tab,
    actions: [{
      type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
      actions: [
        { type: "pointerMove", x: 0, y: 0, origin: { type: "element", element } },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ],
    }],
  });
  await send("input.releaseActions", { context: tab });
}

const operations = {
  serve: ({ path, body, headers }) => {
    served.set(path, { body, headers: headers ?? {} });
    return `${origin}${path}`;
  },
  goto: ({ url }) => send("browsingContext.navigate", { context: tab, url, wait: "complete" }).then(() => null),
  evaluate: ({ function: source, arg }) => evaluate(source, arg),
  click: ({ selector }) => click(selector).then(() => null),
  take_events: () => events.splice(0),
  close: () => null,
};

process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
// One command at a time, in order: the next line is read only after the answer to this one. "close" (or
// the end of stdin) ends the session: the end of stdin alone is not enough, as a process forked by the
// tests (the service's pipeline worker) may hold a copy of the pipe open.
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const command = JSON.parse(line);
  try {
    const value = await operations[command.op](command);
    process.stdout.write(`${JSON.stringify({ id: command.id, value })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id: command.id, error: `${error.stack}\n--- firefox ---\n${firefoxLog.slice(-2000)}` })}\n`);
  }
  if (command.op === "close") break;
}
ws.close();
stop();
process.exit(0);
