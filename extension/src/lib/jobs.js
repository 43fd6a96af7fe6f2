// A "job" is one trip page -> service -> reader, kept in storage.session so the reader
// survives a reload and the background can be restarted between steps.
import { api } from "./api.js";

const PREFIX = "job:";
const KEEP = 20;

export const jobKey = (id) => PREFIX + id;

export async function getJob(id) {
  const key = jobKey(id);
  const stored = await api.storage.session.get(key);
  return stored[key] ?? null;
}

export async function putJob(id, job) {
  await api.storage.session.set({ [jobKey(id)]: { ...job, id, at: Date.now() } });
}

// The session entries under `prefix` (each with its `at` time) but the newest `keep`.
export async function staleKeys(prefix, keep) {
  const all = await api.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(prefix))
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(keep)
    .map(([key]) => key);
}

// Drop all but the newest jobs so session storage stays small.
export async function pruneJobs() {
  const stale = await staleKeys(PREFIX, KEEP);
  if (stale.length) await api.storage.session.remove(stale);
}
