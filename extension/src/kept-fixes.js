// Options: the fixes kept with "Fix this page" (one per site), to view as JSON, delete, or export in one file.
import { api } from "./lib/api.js";
import { downloadJson } from "./lib/download.js";
import { deleteFix, loadFixes } from "./lib/fixes.js";

const list = document.getElementById("fixes-list");
const viewer = document.getElementById("fixes-json");
const exportButton = document.getElementById("fixes-export");

function el(tag, text = "", props = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  Object.assign(node, props);
  return node;
}

function picksOf(fix) {
  const count = fix.rule.strip.reduce((sum, group) => sum + group.selectors.length, 0);
  const parts = [`${count} ${count === 1 ? "block" : "blocks"} removed`];
  if (fix.rule.content) parts.push("article pinned");
  return parts.join(", ");
}

async function render() {
  const fixes = Object.values(await loadFixes()).sort((a, b) => a.site.localeCompare(b.site));
  exportButton.disabled = fixes.length === 0;
  if (!fixes.length) {
    list.replaceChildren(el("li", "No kept fixes yet: use “Fix this page” in the reader.", { className: "help" }));
    return;
  }
  list.replaceChildren(...fixes.map((fix) => {
    const item = el("li", "", { className: "fix" });
    item.dataset.site = fix.site;
    const view = el("button", "View", { type: "button", className: "fix-view" });
    view.addEventListener("click", () => {
      viewer.textContent = JSON.stringify(fix, null, 2);
      viewer.hidden = false;
    });
    const remove = el("button", "Delete", { type: "button", className: "fix-delete" });
    remove.addEventListener("click", async () => {
      await deleteFix(fix.site);
      viewer.hidden = true;
      await render();
    });
    const saved = fix.saved ? ` · kept ${fix.saved.slice(0, 10)}` : "";
    item.append(el("strong", fix.site), el("span", ` ${picksOf(fix)}${saved} `, { className: "help" }), view, remove);
    return item;
  }));
}

// Every kept fix in one JSON file.
async function exportAll() {
  downloadJson("declutter-kept-fixes.json", { format: "declutter-kept-fixes", version: 1, fixes: await loadFixes() });
}

exportButton.addEventListener("click", exportAll);
// A fix kept in a reader tab while the options are open shows up at once.
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.fixes) render();
});
render();
