// Talks to the Declutter service. Used from the background only: extension pages and content scripts never fetch it.

const CLEAN_TIMEOUT_MS = 60_000;
const HEALTH_TIMEOUT_MS = 5_000;

// A failure the reader can explain: a stable code, a human message, and the HTTP status if any.
export class ServiceError extends Error {
  constructor(code, message, status = null) {
    super(message);
    this.code = code;
    this.status = status;
  }

  toJSON() {
    return { code: this.code, message: this.message, status: this.status };
  }
}

// Resolve an endpoint against the service URL, keeping any path prefix ("http://host/declutter").
function endpoint(service, path) {
  return new URL(path, service.url.replace(/\/*$/, "/")).href;
}

function headers(service, extra = {}) {
  const result = { Accept: "application/json", ...extra };
  if (service.token) result.Authorization = `Bearer ${service.token}`;
  return result;
}

// fetch, with network failures and time-outs turned into ServiceErrors that say where the service was expected.
async function request(service, path, init, timeoutMs) {
  try {
    return await fetch(endpoint(service, path), { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error.name === "TimeoutError") {
      throw new ServiceError("timeout", `The Declutter service at ${service.url} did not answer in time.`);
    }
    throw new ServiceError("service_down", `Cannot reach the Declutter service at ${service.url}.`);
  }
}

// Read a JSON body; the service's error envelope {"error": {"code", "message"}} becomes a ServiceError.
async function readJson(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall through with the status alone.
  }
  if (response.ok && body) return body;
  const error = body?.error ?? {};
  throw new ServiceError(
    error.code ?? `http_${response.status}`,
    error.message ?? `The service answered ${response.status} ${response.statusText}`.trim(),
    response.status,
  );
}

// A JSON body, gzip-compressed: a page's markup shrinks several times, and the service counts its limit on the
// inflated size, so what fits is the same either way.
async function gzipJson(payload) {
  const stream = new Blob([JSON.stringify(payload)]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

// draftRules: rules the reader made with "Fix this page" (a kept fix, or a draft to preview), applied
// by the service before the site rule and never stored there.
export async function cleanPage(service, page, draftRules = []) {
  const response = await request(
    service,
    "clean",
    {
      method: "POST",
      headers: headers(service, { "Content-Type": "application/json", "Content-Encoding": "gzip" }),
      body: await gzipJson({
        html: page.html,
        url: page.url,
        options: {},
        ...(draftRules.length ? { draft_rules: draftRules } : {}),
      }),
    },
    CLEAN_TIMEOUT_MS,
  );
  return readJson(response);
}

export async function checkHealth(service) {
  const response = await request(service, "healthz", { headers: headers(service) }, HEALTH_TIMEOUT_MS);
  return readJson(response);
}
