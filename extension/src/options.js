// Options: the service URL and token, a permission request for a non-local service, and a connection test.
import { api } from "./lib/api.js";
import { loadService, normalizeUrl, permissionPatternFor, saveService } from "./lib/settings.js";

const form = document.getElementById("service-form");
const urlInput = document.getElementById("service-url");
const tokenInput = document.getElementById("service-token");
const status = document.getElementById("status");

function say(text, kind = "") {
  status.textContent = text;
  status.className = `status ${kind}`;
}

// Read the form; null (and a message) when the URL is not an http(s) address.
function readForm() {
  const url = normalizeUrl(urlInput.value);
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("scheme");
  } catch {
    say("Enter an http:// or https:// address, such as http://127.0.0.1:8000.", "bad");
    return null;
  }
  return { url, token: tokenInput.value.trim() };
}

// Ask for host access to a non-local service. Browsers only allow this during the click itself,
// so it is the first asynchronous call the handlers make.
function requestAccess(service) {
  const pattern = permissionPatternFor(service.url);
  return pattern ? api.permissions.request({ origins: [pattern] }) : Promise.resolve(true);
}

async function save(event) {
  event.preventDefault();
  const service = readForm();
  if (!service) return;
  const granted = await requestAccess(service);
  await saveService(service);
  say(granted ? "Saved." : "Saved, but without permission to reach that address the extension cannot use it.",
    granted ? "ok" : "bad");
}

async function test() {
  const service = readForm();
  if (!service) return;
  const granted = await requestAccess(service);
  if (!granted) {
    say("Permission to reach that address was not given.", "bad");
    return;
  }
  say("Testing…");
  // The background does the request, as it does for /clean.
  const answer = await api.runtime.sendMessage({ type: "health", service });
  if (answer?.ok) {
    const version = answer.body?.version ? ` (version ${answer.body.version})` : "";
    say(`Connected: the service at ${service.url} is ${answer.body?.status ?? "up"}${version}.`, "ok");
  } else if (answer?.error?.code === "service_down") {
    say(`${answer.error.message} Start it with “make serve” from the project folder.`, "bad");
  } else {
    say(`The service answered with an error: ${answer?.error?.message ?? "unknown error"}`, "bad");
  }
}

async function main() {
  const service = await loadService();
  urlInput.value = service.url;
  tokenInput.value = service.token;
  form.addEventListener("submit", save);
  document.getElementById("test").addEventListener("click", test);
}

main();
