"""Extraction quality of Declutter beside readability-lxml, Readability.js, trafilatura and the raw page text, in
one run.

Run: .venv/bin/python bench/quality.py [--only declutter] [--corpus rtp|wcxb|traf] [--json out.json] [--worst N]
                                       [--processes 2] [--fresh]
Prints one markdown table (rows: corpus x metric; columns: tools, plus Declutter on the tuning and held-out
parts), then every tool's headline figures on the tuning and held-out parts, and, on a full run (all corpora,
all tools), writes them to bench/results/quality.md as history. Readability.js needs node and `npm ci` in
bench/readability_js (`make bench-quality` does it).
The peers' per-page scores are deterministic, so they are cached in bench/.cache/ keyed by the tool's version
and the bench code (metrics, corpora, runner); a change to any of those recomputes them. `--fresh` ignores the
cache. Declutter always runs. A fresh full run took 8 min on 2 cores shared with other work (load average 3-7);
Readability.js's one node process (~200 CPU s) sets the pace, the rest takes ~190 CPU s over the workers.
Metrics are defined in bench/metrics.py (references.md §1); corpora and the held-out split in bench/corpora.py.
`--worst N` lists Declutter's N worst tuning pages per metric, to guide work without peeking at held-out pages.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.metadata
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bench` and `server` importable

from bench import corpora, metrics, runner  # noqa: E402
from bench.runner import PageScore  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "quality.md"
CACHE_DIR = ROOT / "bench" / ".cache"
# Scores depend on these files besides the tool itself; any edit to them invalidates the peer cache.
CACHE_INPUTS = ("metrics.py", "corpora.py", "runner.py")
TOOL_PACKAGES = {"raw": "lxml", "readability": "readability-lxml", "trafilatura": "trafilatura"}
# Readability.js's version: its lock file and driver script (and node's version, asked at run time).
JS_VERSION_FILES = (runner.READABILITY_JS_DIR / "package-lock.json", runner.READABILITY_JS_DIR / "extract.js")
PEERS = (*TOOL_PACKAGES, "readabilityjs")
TOOL_TITLES = {
    "raw": "raw page text",
    "readability": "readability-lxml 0.9",
    "readabilityjs": "Readability.js 0.6.0",
    "trafilatura": "trafilatura 2.3.1",
    "declutter": "Declutter",
}
PARTS = ("all", "tuning", "heldout")
# (corpus, figure key, row label), in table order.
ROWS: list[tuple[str, str, str]] = [
    ("rtp", "shingle_f1", "shingle F1 (122 readerable)"),
    ("rtp", "images_kept", "images kept ¹"),
    *[("rtp", f"meta_{f}", f"metadata: {f}") for f in metrics.METADATA_FIELDS],
    ("rtp", "no_article", "NoArticle pages (of 130)"),
    ("rtp", "crashes", "crashes (of 130)"),
    ("wcxb", "snippet_f1", "snippet F1, typography folded ² (ceiling {ceiling})"),
    ("wcxb", "snippet_recall", "snippet recall"),
    ("wcxb", "snippet_precision", "snippet precision"),
    ("wcxb", "word_f1", "word F1 (mean per page)"),
    *[("wcxb", f"meta_{f}", f"metadata: {f}") for f in ("title", "byline", "published")],
    ("wcxb", "no_article", "NoArticle pages (of 793)"),
    ("wcxb", "crashes", "crashes (of 793)"),
    ("traf", "snippet_f1", "snippet F1, as upstream scores it ³ (ceiling {ceiling})"),
    ("traf", "snippet_recall", "snippet recall"),
    ("traf", "snippet_precision", "snippet precision"),
    ("traf", "no_article", "NoArticle pages (of 500)"),
    ("traf", "crashes", "crashes (of 500)"),
]
# The headline figure per corpus, shown for every tool on the tuning and held-out parts.
HEADLINES: list[tuple[str, str, str]] = [
    ("rtp", "shingle_f1", "shingle F1"),
    ("wcxb", "snippet_f1", "snippet F1"),
    ("wcxb", "word_f1", "word F1"),
    ("traf", "snippet_f1", "snippet F1"),
]
CORPUS_TITLES = {"rtp": "readability-test-pages", "wcxb": "wcxb-dev-articles", "traf": "trafilatura-eval-dev"}


def figures(scores: Sequence[PageScore], tools: Sequence[str], corpus_names: Sequence[str]) -> dict[str, Any]:
    """figures[corpus][tool][part] = summary dict."""
    out: dict[str, Any] = {}
    for c in corpus_names:
        out[c] = {}
        for tool in tools:
            out[c][tool] = {part: runner.summarise(runner.select(scores, tool, c, part), c) for part in PARTS}
    return out


def ceiling(figs: dict[str, Any], corpus: str) -> float | None:
    """The snippet F1 of an extraction of exactly the article as the page writes it: precision 1 and the raw
    page's recall (the share of `with` snippets present in the page's own text)."""
    recall = figs.get(corpus, {}).get("raw", {}).get("all", {}).get("snippet_recall")
    return None if recall is None else metrics.harmonic(1.0, recall)


def _cell(value: Any, key: str) -> str:
    if value is None:
        return "–"
    if key in ("no_article", "crashes"):
        return str(value)
    return f"{value:.3f}"


def table(figs: dict[str, Any], tools: Sequence[str]) -> str:
    """The side-by-side markdown table."""
    cols = [TOOL_TITLES[t] for t in tools]
    if "declutter" in tools:
        cols += ["Declutter tuning", "Declutter held-out"]
    lines = ["| corpus | metric | " + " | ".join(cols) + " |", "|---|---|" + "---:|" * len(cols)]
    for corpus, key, label in ROWS:
        if corpus not in figs:
            continue
        if key in ("no_article", "crashes") and "declutter" not in tools:
            continue
        cells = []
        for tool in tools:
            value = figs[corpus][tool]["all"].get(key)
            # NoArticle/crash counts are about Declutter; peers never raise NoArticle.
            cells.append("–" if key in ("no_article", "crashes") and tool != "declutter" else _cell(value, key))
        if "declutter" in tools:
            cells += [_cell(figs[corpus]["declutter"][p].get(key), key) for p in ("tuning", "heldout")]
        label = label.format(ceiling=_cell(ceiling(figs, corpus), key))
        lines.append(f"| {corpus} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parts_table(figs: dict[str, Any], tools: Sequence[str]) -> str:
    """Every tool's headline figures on the tuning and held-out parts (the held-out pages are the fair test)."""
    cols = [f"{TOOL_TITLES[t]} {p}" for t in tools for p in ("tuning", "held-out")]
    lines = ["| corpus | metric | " + " | ".join(cols) + " |", "|---|---|" + "---:|" * len(cols)]
    for corpus, key, label in HEADLINES:
        if corpus not in figs:
            continue
        cells = [_cell(figs[corpus][t][p].get(key), key) for t in tools for p in ("tuning", "heldout")]
        lines.append(f"| {corpus} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _split_sizes(corpus_names: Sequence[str]) -> str:
    parts = []
    for c in corpus_names:
        ps = corpora.pages(c)  # type: ignore[arg-type]
        held = sum(p.heldout for p in ps)
        if c == "rtp":
            r = [p for p in ps if p.readerable]
            parts.append(
                f"rtp {len(ps)} pages ({len(r)} readerable: {len(r) - sum(p.heldout for p in r)} tuning, "
                f"{sum(p.heldout for p in r)} held out)"
            )
        else:
            parts.append(f"{c} {len(ps)} pages ({len(ps) - held} tuning, {held} held out)")
    return "; ".join(parts)


def _git_revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "server", "rules"], cwd=ROOT, capture_output=True, text=True
        )
        return rev.stdout.strip() + ("+uncommitted changes" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def report(figs: dict[str, Any], tools: Sequence[str], corpus_names: Sequence[str], seconds: float) -> str:
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    notes = [
        f"Extraction quality, {stamp}, revision {_git_revision()}, run took {seconds:.0f} s "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs).",
        f"Pages: {_split_sizes(corpus_names)}. Held out: sha1(name) ends in 0, 1 or 2.",
        "",
        table(figs, tools),
        "",
        "¹ share of expected.html's images found in the output HTML (by URL or basename), pooled over pages; "
        "for the raw page it is the share present anywhere in the source (the ceiling). "
        "trafilatura's default text output has no images.",
        "² quotes, dashes, ellipses and spaces written one way on both sides before matching (bench/metrics.py "
        "fold_typography). Ceiling: the snippet F1 of an extraction of exactly the article as the page writes it, "
        "precision 1 and the raw page's recall (the share of `with` snippets present in the page's own text).",
        "³ trafilatura's evaluation: `with` snippets must be in the text, `without` ones must not; whitespace "
        "collapsed, nothing else folded; counts summed over pages. Ceiling as in ².",
        "Readability.js: @mozilla/readability 0.6.0 on jsdom 20.0.3 under node (bench/readability_js); its "
        "content HTML is scored as readability-lxml's is.",
        "Metadata: share of pages with an expected value where the output agrees (bench/metrics.py); "
        "rtp over the 122 readerable pages. Metrics: references.md §1.",
        "",
        "Every tool on the tuning and held-out parts:",
        "",
        parts_table(figs, tools),
    ]
    return "\n".join(notes)


def worst(scores: Sequence[PageScore], corpus_names: Sequence[str], n: int) -> str:
    """Declutter's n worst pages per metric, tuning part only."""
    out: list[str] = []
    for c in corpus_names:
        mine = [s for s in runner.select(scores, "declutter", c, "tuning") if s.readerable]
        ranked: list[tuple[str, list[tuple[float, str]]]] = []
        if c == "rtp":
            rows = []
            for s in mine:
                tp, fp, fn = s.shingle or (0.0, 0.0, 0.0)
                p = tp / (tp + fp) if tp + fp else 0.0
                r = tp / (tp + fn) if tp + fn else 0.0
                f1 = metrics.page_shingle_f1(tp, fp, fn)
                rows.append((f1, f"{s.name}: F1 {f1:.3f} (P {p:.3f}, R {r:.3f}), {s.words} words, {_status(s)}"))
            ranked.append(("shingle F1", rows))
            rows = []
            for s in mine:
                kept, total = s.images or (0, 0)
                if total:
                    rows.append((kept / total, f"{s.name}: {kept}/{total} images kept"))
            ranked.append(("images kept", rows))
        else:
            rows = []
            for s in mine:
                tp, fp, fn = s.snippets or (0, 0, 0)
                f1 = metrics.page_snippet_f1(tp, fp, fn)
                rows.append((f1, f"{s.name}: snippet F1 {f1:.3f} (TP {tp}, FP {fp}, FN {fn}), {_status(s)}"))
            ranked.append(("snippet F1", rows))
            if c == "wcxb":
                rows = [
                    (s.word_f1 or 0.0, f"{s.name}: word F1 {s.word_f1 or 0.0:.3f}, {s.words} words, {_status(s)}")
                    for s in mine
                ]
                ranked.append(("word F1", rows))
        for f in metrics.METADATA_FIELDS:
            rows = []
            for s in mine:
                if f in s.meta and s.meta[f][0] is False:
                    _, want, got = s.meta[f]
                    rows.append((0.0, f"{s.name}: expected {_short(want)!r}, got {_short(got)!r}"))
            if rows:
                ranked.append((f"metadata {f} (disagreements)", rows))
        for label, rows in ranked:
            rows.sort(key=lambda r: (r[0], r[1]))
            out.append(f"\n### {c}: worst {min(n, len(rows))} tuning pages by {label}")
            out += [f"- {text}" for _, text in rows[:n]]
    return "\n".join(out)


def _status(s: PageScore) -> str:
    return s.status if s.status == "ok" else f"{s.status}: {s.error[:100]}"


def _short(value: str | None, limit: int = 70) -> str | None:
    if value is None:
        return None
    value = metrics.normalise_space(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _tool_version(tool: str) -> bytes:
    if tool == "readabilityjs":
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
        return node.encode() + b"".join(p.read_bytes() if p.is_file() else b"" for p in JS_VERSION_FILES)
    return importlib.metadata.version(TOOL_PACKAGES[tool]).encode()


def _cache_path(tool: str, corpus: str) -> Path:
    """Where a peer's scores for one corpus are cached; the name changes with the tool version and bench code."""
    h = hashlib.sha1(_tool_version(tool))
    for name in CACHE_INPUTS:
        h.update((ROOT / "bench" / name).read_bytes())
    h.update("\n".join(p.name for p in corpora.pages(corpus)).encode())  # type: ignore[arg-type]
    return CACHE_DIR / f"{tool}-{corpus}-{h.hexdigest()[:12]}.json"


def load_cached(tools: Sequence[str], corpus_names: Sequence[str]) -> tuple[list[PageScore], set[tuple[str, str]]]:
    """Cached peer scores, and which (tool, corpus) pairs they cover."""
    scores: list[PageScore] = []
    covered: set[tuple[str, str]] = set()
    for tool in tools:
        for c in corpus_names:
            path = _cache_path(tool, c) if tool in PEERS else None
            if path is not None and path.is_file():
                scores += [runner.from_json(d) for d in json.loads(path.read_text(encoding="utf-8"))]
                covered.add((tool, c))
    return scores, covered


def save_cached(scores: Sequence[PageScore], pairs: set[tuple[str, str]]) -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for tool, c in pairs:
        rows = [runner.to_json(s) for s in scores if s.tool == tool and s.corpus == c]
        _cache_path(tool, c).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def cpu_note(scores: Sequence[PageScore], cached: set[tuple[str, str]]) -> str:
    """CPU seconds per tool and corpus: where the run's time goes."""
    parts = []
    for tool in runner.TOOLS:
        for c in corpora.CORPORA:
            cpu = sum(s.cpu_seconds for s in runner.select(scores, tool, c))
            if cpu:
                parts.append(f"{tool}/{c} {cpu:.0f}" + (" (cached)" if (tool, c) in cached else ""))
    return "CPU s per tool/corpus: " + ", ".join(parts) + "."


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=runner.TOOLS, help="run one tool (e.g. declutter) and skip the peers")
    ap.add_argument("--corpus", choices=corpora.CORPORA, help="one corpus instead of all")
    ap.add_argument("--json", type=Path, help="also save the figures and Declutter's per-page scores here")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list Declutter's N worst tuning pages")
    ap.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--fresh", action="store_true", help="recompute the peers instead of using bench/.cache")
    args = ap.parse_args(argv)

    tools = (args.only,) if args.only else runner.TOOLS
    corpus_names = (args.corpus,) if args.corpus else corpora.CORPORA
    started = time.perf_counter()
    scores, cached = ([], set()) if args.fresh else load_cached(tools, corpus_names)
    todo = [(t, c) for c in corpus_names for t in tools if (t, c) not in cached]
    # One run per set of tools to compute (a fresh run: one run for everything, so Readability.js's node process
    # works alongside the worker pool from start to end).
    groups: dict[tuple[str, ...], list[corpora.Corpus]] = {}
    for c in corpus_names:
        run_tools = tuple(t for t, c2 in todo if c2 == c)
        if run_tools:
            groups.setdefault(run_tools, []).append(c)
    for run_tools, group in groups.items():
        scores += runner.run(run_tools, group, processes=args.processes, progress=True)
    save_cached(scores, {(t, c) for t, c in todo if t in PEERS})
    seconds = time.perf_counter() - started
    figs = figures(scores, tools, corpus_names)

    text = report(figs, tools, corpus_names, seconds) + "\n" + cpu_note(scores, cached)
    print(text)
    bad = runner.crashes(scores)
    if bad:
        print(f"\nDeclutter crashes ({len(bad)}):")
        for s in bad:
            print(f"- {s.corpus}/{s.name}: {s.error}")
    if args.worst:
        print(worst(scores, corpus_names, args.worst))
    if args.json:
        payload = {
            "seconds": round(seconds, 1),
            "figures": figs,
            "declutter_pages": [runner.to_json(s) for s in scores if s.tool == "declutter"],
        }
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.only is None and args.corpus is None:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text + "\n", encoding="utf-8")
        print(f"\n(written to {RESULTS.relative_to(ROOT)})")
    else:
        print("\n(partial run: bench/results/quality.md left as is)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
