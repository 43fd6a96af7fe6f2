// Mozilla Readability.js as a bench peer: ONE long-running node process for every page (bench/runner.py).
//
// Protocol, JSON lines: in  {"id": any, "html_b64": page bytes in base64, "url": string|null}
//                       out {"id", "content" (article HTML|null), "title", "byline", "published", "lang", "dir",
//                            "ms" (wall time of this page inside node), "cpu_ms", "error" (null or a message)}
// A line {"stats": true} answers {"rss_kb", "max_rss_kb"} (bench/speed.py's memory column).
// Per page: decode the bytes (BOM, then a <meta charset> in the first 1024 bytes as the HTML spec's prescan, then
// UTF-8 when the bytes are valid UTF-8, then a later <meta charset>, else windows-1252), build a jsdom DOM (no
// scripts, no subresources), run `new Readability(document).parse()`. When jsdom throws on a page's CSS, the DOM is
// built again with every <style> emptied (that changes no extracted text). The timing covers decode + DOM + parse.
// jsdom 20 rather than the latest: 20-30% faster here and byte-identical text (../shared/docs/references.md §1).
"use strict";

const readline = require("node:readline");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");
const sniffEncoding = require("html-encoding-sniffer");
const whatwgEncoding = require("whatwg-encoding");

// stdout carries the protocol only: anything a library logs goes to stderr.
const write = process.stdout.write.bind(process.stdout);
console.log = console.info = console.debug = console.warn = (...args) => process.stderr.write(args.join(" ") + "\n");

const LATE_META_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function decode(buf) {
  let encoding = sniffEncoding(buf, { defaultEncoding: "" });
  if (!encoding) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(buf);
      encoding = "UTF-8";
    } catch {
      const late = LATE_META_RE.exec(buf.subarray(0, 65536).toString("latin1"));
      encoding = (late && whatwgEncoding.labelToName(late[1])) || "windows-1252";
    }
  }
  return whatwgEncoding.decode(buf, encoding);
}

function makeDom(html, url) {
  const options = { virtualConsole: new VirtualConsole() }; // silent: CSS parse errors are not ours to print
  if (url) {
    try {
      new URL(url);
      options.url = url;
    } catch {
      // not a URL jsdom accepts: the page is parsed as about:blank
    }
  }
  return new JSDOM(html, options);
}

function extract(html, url) {
  let dom;
  try {
    dom = makeDom(html, url);
  } catch {
    dom = makeDom(html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, "$1$2"), url);
  }
  try {
    return new Readability(dom.window.document).parse();
  } finally {
    dom.window.close();
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (msg.stats) {
    const usage = process.resourceUsage();
    write(JSON.stringify({ rss_kb: Math.round(process.memoryUsage().rss / 1024), max_rss_kb: usage.maxRSS }) + "\n");
    return;
  }
  const reply = { id: msg.id, content: null, title: null, byline: null, published: null, lang: null, dir: null };
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  try {
    const article = extract(decode(Buffer.from(msg.html_b64, "base64")), msg.url);
    if (article) {
      Object.assign(reply, {
        content: article.content,
        title: article.title,
        byline: article.byline,
        published: article.publishedTime,
        lang: article.lang,
        dir: article.dir,
      });
    }
    reply.error = null;
  } catch (err) {
    reply.error = `${err && err.name}: ${err && err.message}`.slice(0, 300);
  }
  const cpu = process.cpuUsage(cpuStarted);
  reply.ms = performance.now() - started;
  reply.cpu_ms = (cpu.user + cpu.system) / 1000;
  write(JSON.stringify(reply) + "\n");
});
