// The reader's "Always open this site" button: asks for that site's permission on the click, or gives it back.
import { api } from "../lib/api.js";
import { addSite, leaveAlone, listSites, removeSite, siteOf } from "../lib/always.js";

const button = document.getElementById("dc-always");
const original = document.getElementById("dc-original");

// The article's site, from the link back to it (set once the article is shown).
const currentSite = () => (document.body.classList.contains("dc-ready") ? siteOf(original.href) : null);

async function refresh() {
  const site = currentSite();
  button.hidden = !site;
  if (!site) return;
  const listed = (await listSites()).some((entry) => entry.host === site.host);
  button.setAttribute("aria-pressed", String(listed));
  button.textContent = listed ? `Always open ${site.host}: on` : "Always open this site";
  button.title = listed
    ? `Articles on ${site.host} open in Declutter by themselves. Click to stop.`
    : `Open articles on ${site.host} in Declutter by themselves (asks for access to that site only)`;
}

button.addEventListener("click", async () => {
  const site = currentSite();
  if (!site) return;
  if (button.getAttribute("aria-pressed") === "true") {
    await removeSite(site.host);
  } else if (!(await addSite(original.href))) {
    button.title = `Access to ${site.host} was not given, so its pages cannot open here by themselves.`;
  }
  await refresh();
});

// "Original page" leaves the reader for the page itself: that one load must not bring the reader back.
for (const id of ["dc-original", "dc-source-link", "dc-status-original"]) {
  const link = document.getElementById(id);
  link.addEventListener("click", (event) => {
    const plain = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
    if (!plain || !siteOf(link.href)) return;
    event.preventDefault();
    const go = () => location.assign(link.href);
    api.tabs.getCurrent().then((tab) => (tab ? leaveAlone(tab.id, link.href) : null)).then(go, go);
  });
}

new MutationObserver(refresh).observe(document.body, { attributes: true, attributeFilter: ["class"] });
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.alwaysSites) refresh();
});
refresh();
