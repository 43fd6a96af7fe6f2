// One handle on the WebExtension API: Firefox's promise-based `browser`,
// else Chrome's `chrome` (whose MV3 APIs return promises too).
export const api = globalThis.browser ?? globalThis.chrome;
