// A page's site, one definition for the extension: the host a fix is kept under, the domain a shared rule is
// filed under (the same name), and the address of a page whatever its #fragment.
export const withoutHash = (url) => String(url ?? "").split("#")[0];

// The host of an http(s) address, lowercased, without "www." or a final dot; "" for anything else.
export function hostOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return "";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "";
  return parsed.hostname.toLowerCase().replace(/\.$/, "").replace(/^www\./, "");
}

// What `declutter rules add` takes as a domain (DOMAIN_RE in server/rules/authoring/shared.py): dotted labels of
// letters, digits and dashes, the last one not all digits, so never an IP address or a bare name like localhost.
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function ruleDomain(url) {
  const host = hostOf(url);
  const labels = host.split(".");
  if (!DOMAIN.test(host) || /^\d+$/.test(labels.at(-1)) || labels.some((label) => label.length > 63 || label.endsWith("-"))) {
    return null;
  }
  return host;
}

// The host and the domains above it, nearest first ("m.example.co.uk", "example.co.uk", "co.uk"): a fix kept for
// a domain covers its subdomains, as a site rule's `domains` do. An IP address is only itself.
export function domainsCovering(host) {
  const labels = host.split(".");
  if (labels.length < 2 || /^\d+$/.test(labels.at(-1)) || host.includes(":")) return host ? [host] : [];
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
}
