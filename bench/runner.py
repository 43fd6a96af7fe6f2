"""Run an extractor over corpus pages in worker processes and score each page there (bench/quality.py and
tests/test_quality_gate.py share this, so the gate and the table can never disagree on a number).

Tools: `declutter` (server.pipeline.clean, full pipeline), `readability` (readability-lxml Document.summary()),
`trafilatura` (trafilatura.extract, default settings, txt output; metadata from extract_metadata) and `raw`
(the whole page's text, a floor). A Declutter page that raises counts as empty output; an error other than
NoArticle is a crash.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from bench import corpora, metrics
from bench.corpora import Corpus, Page

TOOLS = ("raw", "readability", "trafilatura", "declutter")
# Which metadata fields each tool reports (readability-lxml only knows the title; trafilatura has no lang/dir).
TOOL_META_FIELDS: dict[str, tuple[str, ...]] = {
    "raw": (),
    "readability": ("title",),
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
    else:
        s.snippets = metrics.snippet_counts(out.text, page.with_snippets, page.without_snippets)
        s.word_f1 = metrics.word_f1(expected_text, out.text)
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
    """Score every page of the given corpora with every given tool, in `processes` worker processes."""
    tasks = [(tool, c, p.name) for c in corpus_names for p in corpora.pages(c) for tool in tools]
    _preload(tools)
    results: list[PageScore] = []
    # fork: workers inherit the imported modules and loaded rules; recycled to bound lxml memory growth.
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, initializer=_quiet_worker, maxtasksperchild=400) as pool:
        for i, score in enumerate(pool.imap_unordered(run_one, tasks, chunksize=4), 1):
            results.append(score)
            if progress and i % 200 == 0:
                print(f"  {i}/{len(tasks)} pages scored", file=sys.stderr, flush=True)
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
    else:
        snips = [s.snippets for s in scores if s.snippets is not None]
        snippet = metrics.snippet_f1(snips) if snips else None
        out["snippet_f1"] = snippet.f1 if snippet else None
        out["snippet_recall"] = snippet.recall if snippet else None
        out["snippet_precision"] = snippet.precision if snippet else None
        words = [s.word_f1 for s in scores if s.word_f1 is not None]
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
