// Listen: reads the article aloud with the browser's speech synthesis, block by block, the one being read
// highlighted and kept in view. Voices are those of the article's language; voice and speed are kept.
import { api } from "../lib/api.js";

// Text blocks of the article, read innermost only so a quote's paragraphs are not read twice.
const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, th, td";
// Characters per utterance: engines cut long ones short (Chrome stops speaking after about 15 s of one).
export const MAX_CHUNK = 220;
const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];
const SETTINGS_KEY = "listen";
const SPEAKING = "dc-speaking";
// Errors that mean "we stopped it ourselves" (pause, stop, a new speed), not a failure.
const OWN_STOPS = new Set(["interrupted", "canceled"]);

// The blocks to read, in document order: those with text and no text block inside.
export function readableBlocks(root) {
  return [...root.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS) && block.textContent.trim());
}

function sentences(text, lang) {
  try {
    return [...new Intl.Segmenter(lang || undefined, { granularity: "sentence" }).segment(text)].map((s) => s.segment);
  } catch {
    return [text]; // a language tag Intl does not take: one piece, cut at spaces below
  }
}

// A sentence longer than `max`, cut at the last space that fits (anywhere, in a language without spaces).
function cutLong(sentence, max) {
  const pieces = [];
  let rest = sentence;
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max - 1);
    const end = space > 0 ? space + 1 : max;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  return rest ? [...pieces, rest] : pieces;
}

// A block's text as utterances of at most `max` characters, whole sentences together where they fit.
export function chunkText(text, lang = "", max = MAX_CHUNK) {
  const clean = text.replace(/\s+/g, " ").trim();
  const chunks = [];
  let current = "";
  for (const piece of sentences(clean, lang).flatMap((sentence) => cutLong(sentence, max))) {
    if (current && current.length + piece.length > max) {
      chunks.push(current.trim());
      current = "";
    }
    current += piece;
  }
  if (current.trim()) chunks.push(current.trim());
  return chunks;
}

// What to say, in order: one item per utterance, each knowing its block.
export function plan(root, lang = "") {
  return readableBlocks(root).flatMap((block, index) =>
    chunkText(block.textContent, lang).map((text) => ({ block, index, text })),
  );
}

// The voices for a language: same primary language ("de" for "de-AT"), the exact tag first, then local ones.
export function voicesFor(lang, voices) {
  const tag = (lang || "").toLowerCase().replace(/_/g, "-");
  const primary = tag.split("-")[0];
  if (!primary) return [...voices];
  const norm = (voice) => voice.lang.toLowerCase().replace(/_/g, "-");
  const score = (voice) => (norm(voice) === tag ? 0 : 1) + (voice.localService ? 0 : 2);
  return voices.filter((voice) => norm(voice).split("-")[0] === primary).sort((a, b) => score(a) - score(b));
}

// Speaks a plan through a SpeechSynthesis, one utterance at a time: each `start` highlights its block, each `end`
// speaks the next. Pause cancels and remembers the utterance, so resuming (or a new speed) says it again.
class Narrator {
  constructor({ synth = globalThis.speechSynthesis, onChange = () => {} } = {}) {
    this.synth = synth;
    this.onChange = onChange;
    this.items = [];
    this.position = 0;
    this.state = "stopped"; // stopped, playing, paused
    this.lang = "";
    this.voice = null;
    this.rate = 1;
    this.current = null; // the block highlighted
    this.error = null;
    this.generation = 0; // events of utterances from an earlier generation are ignored
  }

  load(items, lang) {
    this.stop();
    this.items = items;
    this.lang = lang;
  }

  play() {
    if (!this.items.length) return;
    if (this.position >= this.items.length) this.position = 0;
    this.state = "playing";
    this.error = null;
    this.speak();
    this.onChange(this);
  }

  pause() {
    if (this.state !== "playing") return;
    this.generation++;
    this.state = "paused";
    this.synth.cancel();
    this.onChange(this);
  }

  stop() {
    this.generation++;
    if (this.state !== "stopped") this.synth.cancel();
    this.state = "stopped";
    this.position = 0;
    this.highlight(null);
    this.onChange(this);
  }

  setRate(rate) {
    this.rate = rate;
    this.restartIfPlaying();
  }

  setVoice(voice) {
    this.voice = voice;
    this.restartIfPlaying();
  }

  restartIfPlaying() {
    if (this.state !== "playing") return;
    this.generation++;
    this.synth.cancel();
    this.speak();
  }

  speak() {
    const generation = ++this.generation;
    const item = this.items[this.position];
    const utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = this.voice?.lang || this.lang;
    if (this.voice) utterance.voice = this.voice;
    utterance.rate = this.rate;
    const live = () => generation === this.generation;
    utterance.addEventListener("start", () => live() && this.highlight(item.block));
    utterance.addEventListener("end", () => {
      if (!live()) return;
      this.position++;
      if (this.position < this.items.length) {
        this.speak();
      } else {
        this.stop();
      }
      this.onChange(this);
    });
    utterance.addEventListener("error", (event) => {
      if (!live() || OWN_STOPS.has(event.error)) return;
      this.stop();
      this.error = event.error || "synthesis-failed";
      this.onChange(this);
    });
    this.synth.speak(utterance);
  }

  highlight(block) {
    if (block === this.current) return;
    this.current?.classList.remove(SPEAKING);
    this.current = block;
    if (!block) return;
    block.classList.add(SPEAKING);
    block.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}

// --- the reader's controls ---------------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

async function loadSettings() {
  const { [SETTINGS_KEY]: saved } = await api.storage.local.get(SETTINGS_KEY);
  return { voice: "", rate: 1, ...saved };
}

function statusText(narrator) {
  if (narrator.error) {
    return narrator.error === "synthesis-failed"
      ? "This browser has no voice to read with (on Linux, install speech-dispatcher)."
      : `Reading stopped: ${narrator.error}.`;
  }
  if (narrator.state === "stopped") return "";
  const item = narrator.items[narrator.position];
  const blocks = narrator.items.at(-1).index + 1;
  return `${narrator.state === "paused" ? "Paused at" : "Reading"} paragraph ${item.index + 1} of ${blocks}`;
}

function initListen() {
  const toggle = $("dc-listen");
  const bar = $("dc-listen-bar");
  if (!toggle || !bar || !globalThis.speechSynthesis) return;
  const [play, stop, voiceSelect, rateSelect, status] = ["play", "stop", "voice", "rate", "status"].map((name) =>
    $(`dc-listen-${name}`),
  );
  const content = $("dc-content");
  const settings = { voice: "", rate: 1 };
  const narrator = new Narrator({
    onChange: (n) => {
      play.textContent = n.state === "playing" ? "Pause" : n.state === "paused" ? "Resume" : "Play";
      play.setAttribute("aria-pressed", String(n.state === "playing"));
      stop.disabled = n.state === "stopped";
      status.textContent = statusText(n);
      document.body.classList.toggle("dc-listening", n.state !== "stopped");
    },
  });
  const articleLang = () => $("dc-article").lang || document.documentElement.lang || navigator.language;

  const fillVoices = () => {
    const voices = voicesFor(articleLang(), speechSynthesis.getVoices());
    const automatic = new Option(`Automatic (${articleLang()})`, "");
    voiceSelect.replaceChildren(automatic, ...voices.map((voice) => new Option(`${voice.name} (${voice.lang})`, voice.name)));
    voiceSelect.value = voices.some((voice) => voice.name === settings.voice) ? settings.voice : "";
    narrator.voice = voices.find((voice) => voice.name === voiceSelect.value) ?? null;
  };
  rateSelect.replaceChildren(...RATES.map((rate) => new Option(`${rate}×`, String(rate))));

  loadSettings().then((saved) => {
    Object.assign(settings, saved);
    rateSelect.value = String(settings.rate);
    narrator.rate = Number(rateSelect.value) || 1;
    fillVoices();
  });
  speechSynthesis.addEventListener("voiceschanged", fillVoices);

  const save = () => api.storage.local.set({ [SETTINGS_KEY]: { ...settings } });
  voiceSelect.addEventListener("change", () => {
    settings.voice = voiceSelect.value;
    narrator.setVoice(speechSynthesis.getVoices().find((voice) => voice.name === settings.voice) ?? null);
    save();
  });
  rateSelect.addEventListener("change", () => {
    settings.rate = Number(rateSelect.value);
    narrator.setRate(settings.rate);
    save();
  });

  toggle.addEventListener("click", () => {
    bar.hidden = !bar.hidden;
    toggle.setAttribute("aria-expanded", String(!bar.hidden));
    if (bar.hidden) narrator.stop();
    else fillVoices();
  });
  play.addEventListener("click", () => {
    if (narrator.state === "playing") {
      narrator.pause();
    } else {
      if (narrator.state === "stopped") narrator.load(plan(content, articleLang()), articleLang());
      narrator.play();
    }
  });
  stop.addEventListener("click", () => narrator.stop());

  // The Listen button is offered once an article is shown; a new article (a retry, a preview) stops the reading.
  const follow = () => {
    toggle.hidden = !document.body.classList.contains("dc-ready");
    if (toggle.hidden) bar.hidden = true;
  };
  new MutationObserver(follow).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  new MutationObserver(() => narrator.state !== "stopped" && narrator.stop()).observe(content, { childList: true });
  addEventListener("pagehide", () => narrator.stop());
  follow();
}

initListen();
