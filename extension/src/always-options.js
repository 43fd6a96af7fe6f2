// Options: the sites that open in Declutter by themselves, each with a Remove button (which gives back the
// site's permission too).
import { api } from "./lib/api.js";
import { listSites, removeSite } from "./lib/always.js";

const list = document.getElementById("always-list");
const empty = document.getElementById("always-empty");
const status = document.getElementById("always-status");

function row(site) {
  const item = document.createElement("li");
  item.className = "always-site";
  const name = document.createElement("span");
  name.className = "always-host";
  name.textContent = site.host;
  const since = document.createElement("span");
  since.className = "help";
  since.textContent = site.added ? `since ${new Date(site.added).toLocaleDateString()}` : "";
  const remove = document.createElement("button");
  remove.type = "button";
  remove.textContent = "Remove";
  remove.setAttribute("aria-label", `Stop opening ${site.host} in Declutter`);
  remove.addEventListener("click", async () => {
    const returned = await removeSite(site.host);
    // A host the extension was installed with cannot be given back; say so rather than pretend.
    status.textContent = returned
      ? `${site.host} removed, and access to it given back.`
      : `${site.host} removed; access to it stays (the extension was installed with it).`;
    await render();
  });
  item.append(name, " ", since, " ", remove);
  return item;
}

async function render() {
  const sites = (await listSites()).sort((a, b) => a.host.localeCompare(b.host));
  list.replaceChildren(...sites.map(row));
  empty.hidden = sites.length > 0;
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.alwaysSites) render();
});
render();
