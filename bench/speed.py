"""Per-page speed and peak memory of Declutter's clean() beside readability-lxml, Readability.js and trafilatura,
in one run.

Run: .venv/bin/python bench/speed.py [--passes N] [--tools declutter trafilatura] [--no-memory] [--cpu]
Over the 130 readability test pages (all, readerable or not), each page's bytes loaded into memory first:
one warm-up pass, then timed passes in a pinned order (pages sorted by name; for each page the tools in the
order below, so background noise hits every tool alike). Reports median, p95 and max ms per page, the ratio of
medians to trafilatura, Declutter's per-stage medians (result.timings_ms), and peak memory: the RSS high-water
mark (resource.getrusage) of a fresh subprocess per tool that imports it, loads the pages and runs them all
(started before this process loads anything, so the child's figure is its own).
Single process, nothing else is run meanwhile by this script; check the load average it prints (a busy
machine inflates every column, the ratios less so). Writes the tables to bench/results/speed.md; a narrowed run
(--tools, --no-memory: a quick before/after of one change, ~1 minute for Declutter and trafilatura) only prints.
--cpu times each call in this thread's CPU time instead of wall time, for the tools that run in this process: on a
machine others are using, the time spent waiting for a core is then not counted (their use of the caches still is);
the stage medians stay wall time.
Readability.js runs in one long-lived node process (bench/readability_js, `npm ci` there first; the Makefile does
it): its ms are measured inside node around decode + jsdom DOM + parse(), so the pipe and process start-up are not
counted; its memory is the node process's own RSS (high-water mark after every page, RSS after start-up).
"""

from __future__ import annotations

import argparse
import base64
import datetime
import json
import logging
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bench` and `server` importable

from bench import corpora  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "speed.md"
TOOLS = ("declutter", "declutter-watchdog", "readability", "readability-js", "trafilatura")
TOOL_TITLES = {
    "declutter": "Declutter clean()",
    "declutter-watchdog": "Declutter clean() in a watchdog process, as the service runs it",
    "readability": "readability-lxml 0.9 Document.summary()",
    "readability-js": "Readability.js 0.6.0 parse() with its jsdom 20 DOM, timed inside node",
    "trafilatura": "trafilatura 2.3.1 extract()",
}
Runner = Callable[[bytes, str], object]
# Tools whose whole work happens in this process's thread (--cpu can time them).
IN_PROCESS = frozenset({"declutter", "readability", "trafilatura"})


class InnerTiming:
    """A result whose time was measured by the tool itself (Readability.js, inside node)."""

    def __init__(self, ms: float) -> None:
        self.inner_ms = ms


def make_runner(tool: str) -> Runner:
    """The call timed for one tool (imports happen here, outside the timed region)."""
    if tool == "declutter":
        from server.errors import DeclutterError
        from server.pipeline import clean

        def run_declutter(data: bytes, url: str) -> object:
            try:
                return clean(data, url)
            except DeclutterError:  # NoArticle pages still cost their time
                return None

        return run_declutter
    if tool == "declutter-watchdog":
        from server.config import Settings
        from server.errors import DeclutterError
        from server.pipeline import Options, default_rules
        from server.watchdog import InProcess, Watchdog

        watchdog = Watchdog(InProcess(default_rules(), Settings()), spare=1)
        options = Options()

        def run_in_watchdog(data: bytes, url: str) -> object:
            try:
                return watchdog.clean(data, url, options)
            except DeclutterError:
                return None

        return run_in_watchdog
    if tool == "readability":
        from readability import Document

        return lambda data, url: Document(data, url=url).summary()
    if tool == "readability-js":
        from bench.runner import ReadabilityJS

        js = ReadabilityJS()

        def run_readability_js(data: bytes, url: str) -> object:
            reply = js.ask({"id": 0, "html_b64": base64.b64encode(data).decode("ascii"), "url": url})
            return InnerTiming(reply["ms"])

        return run_readability_js
    if tool == "trafilatura":
        import trafilatura

        return lambda data, url: trafilatura.extract(data, url=url)
    raise ValueError(f"unknown tool {tool!r}")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def load_pages() -> list[tuple[str, bytes, str]]:
    return [(p.name, p.read_bytes(), p.url) for p in corpora.rtp_pages()]


def time_tools(
    pages: list[tuple[str, bytes, str]],
    passes: int,
    tools: Sequence[str] = TOOLS,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[dict[str, list[float]], dict[str, list]]:
    """Per tool, each page's ms (best of `passes`), and Declutter's per-stage ms per page."""
    runners = {t: make_runner(t) for t in tools}
    for _, data, url in pages:  # warm-up: imports, rule compilation, caches
        for t in tools:
            runners[t](data, url)
    best: dict[str, list[float]] = {t: [math.inf] * len(pages) for t in tools}
    stages: dict[str, list] = {}
    for _ in range(passes):
        for i, (_, data, url) in enumerate(pages):
            for t in tools:
                started = clock()
                result = runners[t](data, url)
                ms = (clock() - started) * 1000
                ms = getattr(result, "inner_ms", ms)  # Readability.js: node's own figure
                best[t][i] = min(best[t][i], ms)
                timings = getattr(result, "timings_ms", None)
                if t == "declutter" and timings:
                    for stage, value in timings.items():
                        stages.setdefault(stage, []).append(value)
    return best, stages


def rss_child(tool: str) -> None:
    """Subprocess entry: RSS high-water mark after import + page load, then after running every page."""
    logging.disable(logging.WARNING)
    pages = load_pages()
    if tool == "readability-js":  # the node process's own memory, not this driver's
        from bench.runner import ReadabilityJS

        js = ReadabilityJS()
        base = js.ask({"stats": True})["rss_kb"]
        for _, data, url in pages:
            js.ask({"id": 0, "html_b64": base64.b64encode(data).decode("ascii"), "url": url})
        peak = js.ask({"stats": True})["max_rss_kb"]
        js.close()
        print(json.dumps({"base_kb": base, "peak_kb": peak}))
        return
    run = make_runner(tool)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _, data, url in pages:
        run(data, url)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"base_kb": base, "peak_kb": peak}))  # ru_maxrss is in KiB on Linux


def measure_rss(tool: str) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--rss-child", tool],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(best: dict[str, list[float]], stages: dict[str, list], rss: dict[str, dict[str, int]], info: str) -> str:
    traf_median = statistics.median(best["trafilatura"])
    lines = [
        info,
        "",
        "| tool | median ms | p95 ms | max ms | median / trafilatura | peak RSS MiB | RSS before pages MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for t in best:
        ms = best[t]
        med = statistics.median(ms)
        memory = f"{rss[t]['peak_kb'] / 1024:.0f} | {rss[t]['base_kb'] / 1024:.0f}" if t in rss else "– | –"
        lines.append(
            f"| {TOOL_TITLES[t]} | {med:.1f} | {percentile(ms, 95):.1f} | {max(ms):.1f} | "
            f"{med / traf_median:.2f}x | {memory} |"
        )
    if "declutter-watchdog" in best and "declutter" in best:
        pairs = zip(best["declutter-watchdog"], best["declutter"], strict=True)
        cost = [isolated - direct for isolated, direct in pairs]
        lines += [
            "",
            f"The watchdog (the pipeline in a child process killed at the cap) costs {statistics.median(cost):.2f} ms "
            f"per page at the median, {percentile(cost, 95):.2f} ms at p95: the page and the result through a pipe.",
        ]
    lines += [
        "",
        "Declutter per-stage medians (ms, pages that returned a result):",
        "",
        "| " + " | ".join(stages) + " |",
        "|" + "---:|" * len(stages),
        "| " + " | ".join(f"{statistics.median(v):.2f}" for v in stages.values()) + " |",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Best of 3, as timeit does: the fastest run is the one least disturbed by the rest of the machine.
    ap.add_argument("--passes", type=int, default=3, help="timed passes; each page keeps its best time (default 3)")
    ap.add_argument(
        "--tools", nargs="+", choices=TOOLS, default=list(TOOLS), help="the tools to run (trafilatura always runs)"
    )
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    ap.add_argument("--cpu", action="store_true", help="thread CPU time, not wall time (in-process tools only)")
    ap.add_argument("--rss-child", choices=TOOLS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.rss_child:
        rss_child(args.rss_child)
        return 0

    logging.disable(logging.WARNING)  # the pipeline logs refused rules per page; keep the output a table
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    # Memory first, while this process is still small: Linux carries a parent's RSS high-water mark into a
    # forked child's getrusage, so children started after the timing loop would all report this process's peak.
    # The watchdog's worker holds no page for long; its child's memory is what the clean() row measures.
    tools = [t for t in TOOLS if t in args.tools or t == "trafilatura"]  # the ratios are to trafilatura's
    if args.cpu and set(tools) - IN_PROCESS:
        ap.error(f"--cpu times the tools that run in this process: {', '.join(sorted(IN_PROCESS))}")
    rss = {} if args.no_memory else {t: measure_rss(t) for t in tools if t != "declutter-watchdog"}
    pages = load_pages()
    sizes = sorted(len(d) for _, d, _ in pages)
    best, stages = time_tools(pages, args.passes, tools, time.thread_time if args.cpu else time.perf_counter)
    seconds = time.perf_counter() - started
    info = (
        f"Speed, {datetime.datetime.now():%Y-%m-%d %H:%M}, {len(pages)} readability test pages "
        f"(median {statistics.median(sizes) / 1024:.0f} KiB, largest {sizes[-1] / 1024:.0f} KiB), warm-up + "
        f"{args.passes} timed pass(es){' in thread CPU time' if args.cpu else ''}, {os.cpu_count()} CPUs, "
        f"load average {load_before:.1f} before / {os.getloadavg()[0]:.1f} after, run took {seconds:.0f} s."
    )
    text = report(best, stages, rss, info)
    print(text)
    if len(tools) < len(TOOLS) or args.no_memory or args.cpu:
        print(f"\n(a narrowed run: {RESULTS.relative_to(ROOT)} keeps the last full one)")
        return 0
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(f"\n(written to {RESULTS.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
