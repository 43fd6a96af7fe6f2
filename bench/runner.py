"""Run an extractor over corpus pages in worker processes and score each page there (bench/quality.py and
tests/test_quality_gate.py share this, so the gate and the table can never disagree on a number).

Tools: `declutter` (server.pipeline.clean, full pipeline), `readability` (readability-lxml Document.summary()),
`readabilityjs` (Mozilla's Readability.js under node, bench/readability_js/extract.js: one node process for the
whole run, fed page by page from a thread of this process while the workers run the rest; its content HTML is
scored exactly as readability-lxml's), `trafilatura` (trafilatura.extract, default settings, txt output; metadata
from extract_metadata) and `raw` (the whole page's text, a floor). A Declutter page that raises counts as empty
output; an error other than NoArticle is a crash.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import multiprocessing
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from bench import corpora, metrics
from bench.corpora import Corpus, Page

TOOLS = ("raw", "readability", "readabilityjs", "trafilatura", "declutter")
# Which metadata fields each tool reports (readability-lxml only knows the title; trafilatura has no lang/dir).
TOOL_META_FIELDS: dict[str, tuple[str, ...]] = {
    "raw": (),
    "readability": ("title",),
    "readabilityjs": metrics.METADATA_FIELDS,
    "trafilatura": ("title", "byline", "published"),
    "declutter": metrics.METADATA_FIELDS,
}


@dataclass
class Output:
    """What a tool returned for one page, in the shape the metrics need."""

    text: str = ""
    html: str | None = None  # None: the tool gives no HTML (images not measurable)
    meta: dict[str, str | None] = field(default_factory=dict)
    status: str = "ok"  # ok | no_article | crash | error (a peer's exception)
    error: str = ""


@dataclass
class PageScore:
    """One page's scores for one tool (small, so it travels between processes cheaply)."""

    tool: str
    corpus: str
    name: str
    heldout: bool
    readerable: bool
    status: str
    error: str
    seconds: float  # wall time of the tool's call
    cpu_seconds: float  # CPU time of the call (what the run costs on an idle machine)
    words: int
    shingle: tuple[float, float, float] | None = None  # RTP: normalised (TP, FP, FN)
    images: tuple[int, int] | None = None  # RTP: (kept, expected)
    snippets: tuple[int, int, int] | None = None  # WCXB: (TP, FP, FN)
    word_f1: float | None = None  # WCXB
    # Per metadata field: (agrees or None when nothing is expected, expected value, output value).
    meta: dict[str, tuple[bool | None, str | None, str | None]] = field(default_factory=dict)

    @property
    def split(self) -> str:
        return "heldout" if self.heldout else "tuning"


# --- the tools --------------------------------------------------------------------------------------------


def run_declutter(data: bytes, url: str | None) -> Output:
    from server.errors import NoArticle
    from server.pipeline import clean

    try:
        r = clean(data, url)
    except NoArticle as exc:
        return Output(status="no_article", error=str(exc))
    except Exception as exc:  # any other error (typed or a bug) is a crash the gate reports
        return Output(status="crash", error=f"{type(exc).__name__}: {exc}")
    meta = {"title": r.title, "byline": r.byline, "published": r.published, "lang": r.lang, "dir": r.dir}
    return Output(text=r.text, html=r.html, meta=meta)


def run_readability(data: bytes, url: str | None) -> Output:
    from readability import Document

    doc = Document(data, url=url)
    summary = doc.summary()
    return Output(text=corpora.html_to_text(summary), html=summary, meta={"title": doc.title()})


def run_trafilatura(data: bytes, url: str | None) -> Output:
    import trafilatura

    text = trafilatura.extract(data, url=url, favor_precision=False, output_format="txt") or ""
    md = trafilatura.extract_metadata(data, default_url=url)
    meta = {"title": md.title, "byline": md.author, "published": md.date} if md is not None else {}
    return Output(text=text, meta=meta)


def run_raw(data: bytes, url: str | None) -> Output:
    """The text of the page's body (scripts and styles dropped); its HTML is the whole page (images ceiling)."""
    try:
        root = lxml_html.fromstring(data)
    except (ValueError, etree.ParserError):
        return Output(html="")
    body = root.find("body")
    text = corpora.html_to_text(lxml_html.tostring(body if body is not None else root))
    return Output(text=text, html=data.decode("utf-8", errors="replace"))


READABILITY_JS_DIR = Path(__file__).resolve().parent / "readability_js"


class ReadabilityJS:
    """One node process running bench/readability_js/extract.js; pages go in and come back one at a time.
    Needs `npm ci` in bench/readability_js (the Makefile's bench-quality and bench-speed targets run it)."""

    def __init__(self) -> None:
        if not (READABILITY_JS_DIR / "node_modules" / "@mozilla" / "readability").is_dir():
            raise RuntimeError(
                "Readability.js is not installed: run `make bench-quality` (npm ci in bench/readability_js)"
            )
        self._proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                ["node", str(READABILITY_JS_DIR / "extract.js")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
                cwd=READABILITY_JS_DIR,
            )
        return self._proc

    def ask(self, message: dict[str, Any]) -> dict[str, Any]:
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps(message) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"node exited with status {proc.wait()}")
        return json.loads(line)

    def extract(self, data: bytes, url: str | None) -> tuple[Output, float, float]:
        """The tool's output, and the page's wall and CPU seconds as measured inside node."""
        try:
            reply = self.ask({"id": 0, "html_b64": base64.b64encode(data).decode("ascii"), "url": url})
        except (RuntimeError, OSError, ValueError) as exc:
            self.close()  # the next page starts a fresh process
            return Output(status="error", error=f"{type(exc).__name__}: {exc}"), 0.0, 0.0
        seconds, cpu = reply.get("ms", 0.0) / 1000, reply.get("cpu_ms", 0.0) / 1000
        if reply.get("error"):
            return Output(status="error", error=reply["error"]), seconds, cpu
        content = reply.get("content") or ""
        meta = {k: reply.get(k) for k in ("title", "byline", "published", "lang", "dir")}
        return Output(text=corpora.html_to_text(content), html=content, meta=meta), seconds, cpu

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.stdin is not None:
                self._proc.stdin.close()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None


def run_readabilityjs_pages(tasks: Sequence[tuple[Corpus, str]], results: list[PageScore]) -> None:
    """Score the given pages with Readability.js, appending to `results` (runs in a thread of the parent)."""
    js = ReadabilityJS()
    try:
        for corpus, name in tasks:
            page = corpora.page(corpus, name)
            out, seconds, cpu = js.extract(page.read_bytes(), page.url)
            results.append(score_page("readabilityjs", page, out, seconds, cpu))
    finally:
        js.close()


RUNNERS: dict[str, Callable[[bytes, str | None], Output]] = {
    "raw": run_raw,
    "readability": run_readability,
    "trafilatura": run_trafilatura,
    "declutter": run_declutter,
}


# --- scoring one page -------------------------------------------------------------------------------------


def score_page(tool: str, page: Page, out: Output, seconds: float, cpu_seconds: float = 0.0) -> PageScore:
    """Every metric that applies to this page, for this tool's output."""
    s = PageScore(
        tool=tool,
        corpus=page.corpus,
        name=page.name,
        heldout=page.heldout,
        readerable=page.readerable,
        status=out.status,
        error=out.error,
        seconds=seconds,
        cpu_seconds=cpu_seconds,
        words=len(out.text.split()),
    )
    expected_text = page.expected_text()
    if page.corpus == "rtp":
        s.shingle = metrics.shingle_counts(expected_text, out.text)
        if out.html is not None:
            s.images = metrics.images_kept(page.expected_html() or "", out.html, page.url or "")
    elif page.corpus == "wcxb":
        fold = metrics.fold_typography
        s.snippets = metrics.snippet_counts(out.text, page.with_snippets, page.without_snippets, fold)
        s.word_f1 = metrics.word_f1(expected_text, out.text)
    else:  # traf: upstream trafilatura's evaluation, snippets against whitespace-collapsed text
        s.snippets = metrics.snippet_counts(out.text, page.with_snippets, page.without_snippets)
    for name in TOOL_META_FIELDS[tool]:
        if name in page.metadata:
            want, got = page.metadata[name], out.meta.get(name)
            s.meta[name] = (metrics.metadata_agrees(name, want, got), want, got)
    return s


def run_one(task: tuple[str, Corpus, str]) -> PageScore:
    """Worker entry: load the page by key, run the tool, score it."""
    tool, corpus, name = task
    page = corpora.page(corpus, name)
    data = page.read_bytes()
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        out = RUNNERS[tool](data, page.url)
    except Exception as exc:  # a peer failing on a page counts as empty output for that peer
        out = Output(status="error", error=f"{type(exc).__name__}: {exc}")
    return score_page(tool, page, out, time.perf_counter() - started, time.process_time() - cpu_started)


def _quiet_worker() -> None:
    """Peers log warnings per odd page; keep the table readable."""
    import logging

    logging.disable(logging.WARNING)


def _preload(tools: Sequence[str]) -> None:
    """Import the tools and load Declutter's rules once, before forking: every worker then uses the same rule
    snapshot (rule files edited mid-run cannot split a run) and no worker pays the imports again."""
    if "declutter" in tools:
        from server.pipeline import default_rules

        try:
            default_rules()
        except Exception as exc:  # broken rules: each page then reports the error as a crash
            print(f"warning: Declutter's rules failed to load: {exc}", file=sys.stderr)
    if "readability" in tools:
        import readability  # noqa: F401
    if "trafilatura" in tools:
        import trafilatura  # noqa: F401


def run(
    tools: Sequence[str],
    corpus_names: Sequence[Corpus],
    processes: int = 2,
    progress: bool = False,
) -> list[PageScore]:
    """Score every page of the given corpora with every given tool, in `processes` worker processes (Readability.js
    in its one node process, driven from a thread, alongside them)."""
    pool_tools = [t for t in tools if t != "readabilityjs"]
    tasks = [(tool, c, p.name) for c in corpus_names for p in corpora.pages(c) for tool in pool_tools]
    _preload(pool_tools)
    results: list[PageScore] = []
    js_results: list[PageScore] = []
    js_thread = None
    # fork: workers inherit the imported modules and loaded rules; recycled to bound lxml memory growth.
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, initializer=_quiet_worker, maxtasksperchild=400) as pool:
        if "readabilityjs" in tools:  # started after the pool has forked its workers
            js_tasks = [(c, p.name) for c in corpus_names for p in corpora.pages(c)]
            js_thread = threading.Thread(target=run_readabilityjs_pages, args=(js_tasks, js_results), daemon=True)
            js_thread.start()
        for i, score in enumerate(pool.imap_unordered(run_one, tasks, chunksize=4), 1):
            results.append(score)
            if progress and i % 200 == 0:
                print(f"  {i}/{len(tasks)} pages scored", file=sys.stderr, flush=True)
    if js_thread is not None:
        if progress and js_thread.is_alive():
            print(f"  waiting for Readability.js ({len(js_results)} pages done)", file=sys.stderr, flush=True)
        js_thread.join()
        if len(js_results) != len(js_tasks):
            raise RuntimeError(f"Readability.js scored {len(js_results)} of {len(js_tasks)} pages")
        results += js_results
    results.sort(key=lambda s: (s.tool, s.corpus, s.name))
    return results


# --- corpus figures ---------------------------------------------------------------------------------------


def select(scores: Iterable[PageScore], tool: str, corpus: str, part: str = "all") -> list[PageScore]:
    return [s for s in scores if s.tool == tool and s.corpus == corpus and (part == "all" or s.split == part)]


def summarise(scores: Sequence[PageScore], corpus: str) -> dict[str, Any]:
    """Corpus figures for one tool's pages of one corpus (any subset: a split, all pages)."""
    out: dict[str, Any] = {"pages": len(scores)}
    if corpus == "rtp":
        readerable = [s for s in scores if s.readerable]
        out["readerable_pages"] = len(readerable)
        counts = [s.shingle for s in readerable if s.shingle is not None]
        out["shingle_f1"] = metrics.shingle_f1(counts).f1 if counts else None
        imgs = [s.images for s in readerable if s.images is not None]
        if imgs:
            kept, total = sum(k for k, _ in imgs), sum(t for _, t in imgs)
            out["images_kept"] = kept / total if total else None
        meta_pages = readerable  # non-readerable pages may rightly yield no article, hence no metadata
    else:  # wcxb and traf: snippets; wcxb also word F1 and metadata
        snips = [s.snippets for s in scores if s.snippets is not None]
        snippet = metrics.snippet_f1(snips) if snips else None
        out["snippet_f1"] = snippet.f1 if snippet else None
        out["snippet_recall"] = snippet.recall if snippet else None
        out["snippet_precision"] = snippet.precision if snippet else None
        words = [s.word_f1 for s in scores if s.word_f1 is not None]
        if corpus == "wcxb":
            out["word_f1"] = metrics.mean(words) if words else None
        meta_pages = list(scores)
    fields = sorted({f for s in meta_pages for f in s.meta}, key=metrics.METADATA_FIELDS.index)
    for f in fields:
        agree, counted = metrics.agreement(s.meta[f][0] for s in meta_pages if f in s.meta)
        out[f"meta_{f}"] = agree / counted if counted else None
    out["crashes"] = sum(s.status == "crash" for s in scores)
    out["no_article"] = sum(s.status == "no_article" for s in scores)
    out["errors"] = sum(s.status == "error" for s in scores)
    return out


def to_json(score: PageScore) -> dict[str, Any]:
    return dataclasses.asdict(score)


def from_json(data: dict[str, Any]) -> PageScore:
    """Inverse of to_json (JSON turned the tuples into lists)."""
    d = dict(data)
    for key in ("shingle", "images", "snippets"):
        if d.get(key) is not None:
            d[key] = tuple(d[key])
    d["meta"] = {k: tuple(v) for k, v in (d.get("meta") or {}).items()}
    return PageScore(**d)


def crashes(scores: Iterable[PageScore]) -> list[PageScore]:
    """Declutter pages that raised something other than NoArticle."""
    return [s for s in scores if s.status == "crash"]
