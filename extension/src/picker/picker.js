// Picking mode for "Fix this page", injected into the original tab on that click only (after selector.js).
// Everything it shows lives in a closed shadow root styled through the CSSOM (allowed under any page CSP),
// so the page can neither style nor read it. The page is left as it was when picking ends.
(function () {
  "use strict";
  if (globalThis.declutterPicker) return;

  const ext = globalThis.browser ?? globalThis.chrome;
  const sel = globalThis.declutterSelector;
  const HOST_TAG = "declutter-picker";
  const COLORS = { hover: "#2563eb", remove: "#dc2626", article: "#16a34a", ink: "#111827", paper: "#ffffff" };
  const FONT = "13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  const BLOCKED = ["mousedown", "mouseup", "pointerdown", "pointerup", "click", "auxclick", "dblclick", "submit", "touchstart"];

  let state = null;

  // Inline styles set through the CSSOM, each !important so nothing on the page outranks them.
  function css(element, styles) {
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, "important");
    return element;
  }

  function make(tag, styles = {}, text = "") {
    const element = document.createElement(tag);
    css(element, { all: "initial", "box-sizing": "border-box", font: FONT, color: COLORS.ink, ...styles });
    if (text) element.textContent = text;
    return element;
  }

  function button(text, onClick, primary = false) {
    const b = make("button", {
      display: "inline-block",
      cursor: "pointer",
      padding: "5px 10px",
      margin: "0 6px 0 0",
      border: `1px solid ${primary ? COLORS.hover : "#9ca3af"}`,
      "border-radius": "6px",
      background: primary ? COLORS.hover : COLORS.paper,
      color: primary ? COLORS.paper : COLORS.ink,
      "font-weight": primary ? "600" : "400",
    }, text);
    b.type = "button";
    b.addEventListener("click", (event) => {
      event.preventDefault();
      if (event.isTrusted) onClick();
    });
    return b;
  }

  // A box drawn over an element of the page, with a tag of text above it.
  function box(color, fill, dashed = false) {
    const frame = make("div", {
      position: "fixed",
      display: "none",
      "pointer-events": "none",
      border: `2px ${dashed ? "dashed" : "solid"} ${color}`,
      background: fill,
      "border-radius": "3px",
    });
    const tag = make("div", {
      position: "absolute",
      left: "-2px",
      top: "-22px",
      "white-space": "nowrap",
      padding: "1px 6px",
      "border-radius": "4px",
      background: color,
      color: COLORS.paper,
      font: "600 12px/18px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    });
    frame.append(tag);
    return { frame, tag };
  }

  function place(drawn, element, text) {
    const rect = element.getBoundingClientRect();
    if (!element.isConnected || (rect.width === 0 && rect.height === 0)) {
      css(drawn.frame, { display: "none" });
      return;
    }
    css(drawn.frame, {
      display: "block",
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    });
    css(drawn.tag, { top: rect.top < 24 ? "2px" : "-22px", left: rect.top < 24 ? "2px" : "-2px" });
    drawn.tag.textContent = text;
  }

  function buildUi() {
    const host = document.createElement(HOST_TAG);
    css(host, { all: "initial", position: "fixed", inset: "0", "z-index": "2147483647", "pointer-events": "none", display: "block" });
    const shadow = host.attachShadow({ mode: "closed" });
    const layer = make("div", { position: "fixed", inset: "0", "pointer-events": "none", display: "block" });
    const hover = box(COLORS.hover, "rgba(37, 99, 235, 0.12)");
    layer.append(hover.frame);

    const bar = make("div", {
      position: "fixed",
      right: "16px",
      bottom: "16px",
      width: "380px",
      "max-height": "60vh",
      overflow: "auto",
      display: "block",
      padding: "12px 14px",
      background: COLORS.paper,
      border: "1px solid #d1d5db",
      "border-radius": "10px",
      "box-shadow": "0 8px 28px rgba(0, 0, 0, 0.28)",
      "pointer-events": "auto",
    });
    bar.setAttribute("role", "dialog");
    bar.setAttribute("aria-label", "Declutter: fix this page");
    const title = make("div", { display: "block", "font-weight": "700", "font-size": "14px", "margin-bottom": "4px" }, "Declutter · Fix this page");
    const hint = make("div", { display: "block", color: "#4b5563", "margin-bottom": "8px" });
    const list = make("ol", { display: "block", margin: "0 0 10px 0", padding: "0", "list-style": "none" });
    const actions = make("div", { display: "block" });
    const articleButton = button("This is the article", () => toggleArticleMode());
    actions.append(button("Done", () => finish(true), true), button("Cancel", () => finish(false)), articleButton);
    bar.append(title, hint, list, actions);
    shadow.append(layer, bar);
    document.documentElement.append(host);
    return { host, layer, hover, bar, hint, list, articleButton };
  }

  function hintText() {
    if (state.articleMode) return "Click the block that holds the article. Esc: back to removing.";
    return "Click what to remove (click again to keep it). ↑ ↓ widen or narrow · Enter: done · Esc: leave.";
  }

  function render() {
    const { ui } = state;
    ui.hint.textContent = hintText();
    ui.articleButton.textContent = state.articleMode ? "Pick the article…" : "This is the article";
    const rows = [];
    for (const [element, pick] of state.marks) {
      const row = make("li", { display: "block", padding: "4px 0", "border-top": "1px solid #e5e7eb" });
      const what = make("span", { display: "block", "font-weight": "600", color: COLORS.remove }, `✕ ${pick.category} · ${pick.label}`);
      const selector = make("code", { display: "block", font: "12px/1.4 ui-monospace, monospace", color: "#374151" },
        `${pick.selector} · ${pick.count} on this page`);
      row.append(what, selector, button("Keep it", () => unmark(element)));
      rows.push(row);
    }
    if (state.content) {
      const row = make("li", { display: "block", padding: "4px 0", "border-top": "1px solid #e5e7eb" });
      row.append(
        make("span", { display: "block", "font-weight": "600", color: COLORS.article }, `Article · ${state.content.label}`),
        make("code", { display: "block", font: "12px/1.4 ui-monospace, monospace", color: "#374151" }, state.content.selector),
        button("Unpin", () => {
          state.content = null;
          redraw();
        }),
      );
      rows.push(row);
    }
    if (!rows.length) rows.push(make("li", { display: "block", color: "#6b7280" }, "Nothing picked yet."));
    ui.list.replaceChildren(...rows);
    redraw();
  }

  function redraw() {
    const { ui } = state;
    if (state.current) place(ui.hover, state.current, sel.label(state.current));
    else css(ui.hover.frame, { display: "none" });
    for (const [element, pick] of state.marks) place(pick.drawn, element, `✕ ${pick.category} · ${pick.selector}`);
    if (state.content) place(state.contentBox, state.content.element, `Article · ${state.content.selector}`);
    else css(state.contentBox.frame, { display: "none" });
  }

  const isOurs = (target) => target === state.ui.host;
  const pickable = (element) => element && element.nodeType === 1 && !/^(html|body|head)$/.test(element.localName);

  function mark(element, category = null) {
    // A block holds what is inside it: picks nested in the new one go.
    for (const inner of [...state.marks.keys()]) if (element.contains(inner)) unmark(inner, false);
    const pick = sel.describePick(element, location.href);
    if (category) pick.category = category;
    pick.drawn = box(COLORS.remove, "rgba(220, 38, 38, 0.22)", true);
    state.ui.layer.append(pick.drawn.frame);
    state.marks.set(element, pick);
    render();
  }

  function unmark(element, again = true) {
    const pick = state.marks.get(element);
    if (!pick) return;
    pick.drawn.frame.remove();
    state.marks.delete(element);
    if (again) render();
  }

  function pin(element) {
    state.content = { element, selector: sel.proposeSelector(element).selector, label: sel.label(element) };
    state.articleMode = false;
    render();
  }

  function toggleArticleMode() {
    state.articleMode = !state.articleMode;
    render();
  }

  // --- page events ---------------------------------------------------------------------------------

  // Events the page's own scripts dispatch (isTrusted false) reach these listeners too: only the reader's
  // pointer and keys may pick, or a page could mark its article as clutter and press Done itself.
  function onMove(event) {
    if (!event.isTrusted || isOurs(event.target) || !pickable(event.target)) return;
    if (event.target !== state.current && !state.narrow.includes(event.target)) {
      state.current = event.target;
      state.narrow = [];
    }
    scheduleRedraw();
  }

  function onClick(event) {
    if (isOurs(event.target)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== "click" || !event.isTrusted) return;
    if (!state.current || !pickable(state.current)) state.current = pickable(event.target) ? event.target : null;
    if (!state.current) return;
    if (state.articleMode) pin(state.current);
    else if (state.marks.has(state.current)) unmark(state.current);
    else mark(state.current);
  }

  function onKey(event) {
    if (!event.isTrusted) return;
    const current = state.current;
    let handled = true;
    if (event.key === "ArrowUp" && current && pickable(current.parentElement)) {
      state.narrow.push(current);
      state.current = current.parentElement;
    } else if (event.key === "ArrowDown" && current) {
      state.current = state.narrow.pop() ?? current.firstElementChild ?? current;
    } else if (event.key === "Escape") {
      if (state.articleMode) toggleArticleMode();
      else finish(false);
    } else if (event.key === "Enter") {
      finish(true);
    } else {
      handled = false;
    }
    if (!handled) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (state) render();
  }

  let frameRequested = false;
  function scheduleRedraw() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      if (state) redraw();
    });
  }

  const listeners = [
    ["mousemove", onMove],
    ["mouseover", onMove],
    ["keydown", onKey],
    ["scroll", scheduleRedraw],
    ["resize", scheduleRedraw],
    ...BLOCKED.map((type) => [type, onClick]),
  ];

  function finish(done) {
    if (!state) return;
    const { jobId } = state;
    const picks = [...state.marks.values()].map(({ drawn, ...pick }) => pick);
    const content = state.content ? { selector: state.content.selector } : null;
    stop();
    ext.runtime.sendMessage(done ? { type: "fix-picked", id: jobId, picks, content } : { type: "fix-cancelled", id: jobId });
  }

  function stop() {
    for (const [type, handler] of listeners) window.removeEventListener(type, handler, true);
    state?.keeper.disconnect();
    state?.ui.host.remove();
    state = null;
  }

  // options: {jobId, picks: [{selector, category}], content: {selector} | null} from an earlier round.
  function start(options) {
    if (state) stop();
    const ui = buildUi();
    const contentBox = box(COLORS.article, "rgba(22, 163, 74, 0.08)");
    ui.layer.append(contentBox.frame);
    // A page that rebuilds its document (a framework re-rendering <html>, or a script on purpose) may drop the
    // overlay while the listeners still take every click: it goes back at once.
    const keeper = new MutationObserver(() => {
      if (!ui.host.isConnected) document.documentElement.append(ui.host);
    });
    keeper.observe(document, { childList: true, subtree: true });
    state = { jobId: options.jobId, ui, keeper, contentBox, marks: new Map(), current: null, narrow: [], content: null, articleMode: false };
    for (const [type, handler] of listeners) window.addEventListener(type, handler, { capture: true, passive: type === "scroll" });
    for (const pick of options.picks ?? []) {
      const element = safeQuery(pick.selector);
      if (element && !state.marks.has(element)) mark(element, pick.category);
    }
    const content = options.content && safeQuery(options.content.selector);
    if (content) pin(content);
    render();
  }

  function safeQuery(selector) {
    try {
      return document.querySelector(selector);
    } catch {
      return null;
    }
  }

  globalThis.declutterPicker = { start, stop };
})();
