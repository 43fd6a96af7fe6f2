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

// Drop all but the newest jobs so session storage stays small.
export async function pruneJobs() {
  const all = await api.storage.session.get(null);
  const jobs = Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .sort(([, a], [, b]) => b.at - a.at);
  const stale = jobs.slice(KEEP).map(([key]) => key);
  if (stale.length) await api.storage.session.remove(stale);
}
