// Settings shared by the background, the reader and the options page, kept in storage.local.
import { api } from "./api.js";

export const DEFAULT_SERVICE = Object.freeze({ url: "http://127.0.0.1:8000", token: "" });

export const DEFAULT_READER = Object.freeze({
  theme: "auto", // auto follows the OS; light, dark, sepia
  font: "serif", // serif, sans, mono
  fontSize: 20, // px
  width: 68, // ch
  lineHeight: 1.6,
  highlights: true,
  panel: true,
});

// Bounds for the reader's stepper controls.
export const LIMITS = Object.freeze({
  fontSize: { min: 14, max: 32, step: 1 },
  width: { min: 44, max: 100, step: 6 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
});

// Origins the manifest grants up front; any other service URL needs an optional host permission.
const BUILT_IN_HOSTS = new Set(["127.0.0.1", "localhost"]);

export async function loadService() {
  const { service } = await api.storage.local.get("service");
  return { ...DEFAULT_SERVICE, ...service };
}

export async function saveService(service) {
  await api.storage.local.set({ service: { url: normalizeUrl(service.url), token: service.token.trim() } });
}

export async function loadReader() {
  const { reader } = await api.storage.local.get("reader");
  return { ...DEFAULT_READER, ...reader };
}

export async function saveReader(reader) {
  await api.storage.local.set({ reader });
}

// Trim spaces and trailing slashes so "http://host:8000/" and "http://host:8000" are one service.
export function normalizeUrl(url) {
  return url.trim().replace(/\/+$/, "");
}

// The match pattern a service URL needs, or null when the manifest already covers it.
export function permissionPatternFor(url) {
  const parsed = new URL(url);
  if (parsed.protocol === "http:" && BUILT_IN_HOSTS.has(parsed.hostname)) return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
