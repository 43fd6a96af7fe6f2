// Reading settings: applied to the page as data attributes and CSS variables, saved in storage.local.
import { api } from "../lib/api.js";
import { LIMITS, loadReader, saveReader } from "../lib/settings.js";

const root = document.documentElement;

const FORMAT = {
  fontSize: (v) => `${v}px`,
  width: (v) => `${v}ch`,
  lineHeight: (v) => v.toFixed(1),
};

// Put the settings on the page: theme and font as attributes (CSS picks them up), sizes as variables.
export function apply(settings) {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  // Setting custom properties through the CSSOM is allowed by the style-src 'self' policy.
  root.style.setProperty("--dc-font-size", `${settings.fontSize}px`);
  root.style.setProperty("--dc-width", `${settings.width}ch`);
  root.style.setProperty("--dc-line-height", String(settings.lineHeight));
  document.body.classList.toggle("dc-no-highlights", !settings.highlights);
  document.body.classList.toggle("dc-panel-open", settings.panel);
}

function clamp(name, value) {
  const { min, max } = LIMITS[name];
  return Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
}

// Reflect the settings in the controls, so the settings panel always shows what is in force.
function sync(settings) {
  for (const radio of document.querySelectorAll('input[name="theme"]')) radio.checked = radio.value === settings.theme;
  document.getElementById("dc-font").value = settings.font;
  for (const row of document.querySelectorAll("[data-setting]")) {
    const name = row.dataset.setting;
    row.querySelector("[data-value]").textContent = FORMAT[name](settings[name]);
    const [down, up] = row.querySelectorAll("[data-step]");
    down.disabled = settings[name] <= LIMITS[name].min;
    up.disabled = settings[name] >= LIMITS[name].max;
  }
  document.getElementById("dc-highlights").checked = settings.highlights;
  document.getElementById("dc-panel-toggle").setAttribute("aria-pressed", String(settings.panel));
}

// Load, apply and wire the controls; returns the live settings object.
export async function initControls() {
  const settings = await loadReader();
  const update = async (change) => {
    Object.assign(settings, change);
    apply(settings);
    sync(settings);
    await saveReader({ ...settings });
  };
  apply(settings);
  sync(settings);

  for (const radio of document.querySelectorAll('input[name="theme"]')) {
    radio.addEventListener("change", () => update({ theme: radio.value }));
  }
  document.getElementById("dc-font").addEventListener("change", (event) => update({ font: event.target.value }));
  for (const row of document.querySelectorAll("[data-setting]")) {
    const name = row.dataset.setting;
    for (const button of row.querySelectorAll("[data-step]")) {
      button.addEventListener("click", () => {
        const next = settings[name] + Number(button.dataset.step) * LIMITS[name].step;
        update({ [name]: clamp(name, next) });
      });
    }
  }
  document.getElementById("dc-highlights").addEventListener("change", (event) => {
    update({ highlights: event.target.checked });
  });
  document.getElementById("dc-panel-toggle").addEventListener("click", () => update({ panel: !settings.panel }));

  // Another reader tab changed the settings: follow it.
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && changes.reader?.newValue) {
      Object.assign(settings, changes.reader.newValue);
      apply(settings);
      sync(settings);
    }
  });
  return settings;
}
