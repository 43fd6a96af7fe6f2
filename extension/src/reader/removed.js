// The "Removed: 3 newsletter forms, 1 membership prompt" line, from the service's `removed` list.

const LABELS = {
  paywall: ["membership prompt", "membership prompts"],
  newsletter: ["newsletter form", "newsletter forms"],
  feed: ["news feed", "news feeds"],
  related: ["related-links block", "related-links blocks"],
  social: ["share bar", "share bars"],
  comments: ["comment section", "comment sections"],
  consent: ["cookie banner", "cookie banners"],
  ads: ["ad", "ads"],
  hidden: ["hidden element", "hidden elements"],
  other: ["other block", "other blocks"],
};

const ORDER = Object.keys(LABELS);

export function label(category, count) {
  const [one, many] = LABELS[category] ?? LABELS.other;
  return `${count} ${count === 1 ? one : many}`;
}

// Add up counts per category, biggest first; entries the service refused to remove are left out.
export function summarize(removed) {
  const totals = new Map();
  for (const entry of removed ?? []) {
    if (entry.refused) continue;
    const category = LABELS[entry.category] ? entry.category : "other";
    totals.set(category, (totals.get(category) ?? 0) + Math.max(1, entry.count ?? 1));
  }
  const parts = [...totals.entries()]
    .sort(([a, x], [b, y]) => y - x || ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([category, count]) => label(category, count));
  return parts.length ? `Removed: ${parts.join(", ")}` : "";
}

// One line per rule for the expanded view: what, which rule, how many, a sample of the text.
export function details(removed) {
  return (removed ?? []).map((entry) => ({
    text: `${entry.refused ? "Kept (rule refused)" : label(entry.category, Math.max(1, entry.count ?? 1))}`
      + ` · ${entry.rule ?? entry.selector ?? ""}`,
    sample: entry.sample ? String(entry.sample).slice(0, 140) : "",
    refused: Boolean(entry.refused),
  }));
}
