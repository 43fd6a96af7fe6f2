"""Where clean()'s time goes on the pages of median time: the tree walks (every compiled XPath, by expression) and the
rule selectors declutter evaluates, per page. What to read before a speed change, and to see what one moved.

Run: .venv/bin/python bench/speed_profile.py [--pages N] [--passes N] [--top N]
The median pages: the N pages (default 40) whose clean() time (thread CPU time, after a warm-up pass) is nearest the
median of the 130 readability test pages, as bench/speed.py times them. Over them, per page and pass (thread CPU time):
- each stage's median ms (CleanResult.timings_ms, wall time, as speed.py shows them);
- each XPath the server compiled: evaluations and ms, by expression (a walk of a median page's tree costs ~0.05 ms);
- each rule selector declutter evaluated: evaluations, evaluations that found something, and ms (SelectorPlan's
  key prefilter and literal gates rule out the others; the first text selector carries the page's text sweep).
Timing every XPath call costs time of its own: the per-page total here is above speed.py's. Only prints.
With --slowest N: the N slowest pages instead (the 250 ms target is won or lost on them), each page's stages in thread
CPU time (the pipeline's stage clock swapped for this script: wall time on a shared machine counts other work).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bench` and `server` importable


@dataclass
class Cost:
    """Evaluations of one XPath or selector, how many found something, and their thread CPU time in seconds."""

    calls: int = 0
    found: int = 0
    seconds: float = 0.0


XPATH_COSTS: dict[str, Cost] = {}
SELECTOR_COSTS: dict[str, Cost] = {}
_COMPILED_XPATH = etree.XPath


class _TimedXPath(_COMPILED_XPATH):
    """etree.XPath that adds each evaluation's time to XPATH_COSTS under its expression."""

    def __init__(self, path: str, **options: object) -> None:
        super().__init__(path, **options)
        self.expression = path

    def __call__(self, *args: object, **variables: object) -> object:
        started = time.thread_time()
        try:
            return super().__call__(*args, **variables)
        finally:
            cost = XPATH_COSTS.setdefault(self.expression, Cost())
            cost.calls += 1
            cost.seconds += time.thread_time() - started


# Before the server is imported: its modules compile their XPaths at import.
etree.XPath = _TimedXPath

from bench.speed import load_pages  # noqa: E402
from server import pipeline  # noqa: E402
from server.errors import DeclutterError  # noqa: E402
from server.pipeline import clean  # noqa: E402
from server.rules.selectors.selector import Selector  # noqa: E402

Page = tuple[str, bytes, str]


def _time_selectors() -> None:
    """Add each Selector.evaluate call's time and result to SELECTOR_COSTS under the selector's source."""
    evaluate = Selector.evaluate

    def timed(self: Selector, *args: object, **kwargs: object) -> list:
        started = time.thread_time()
        found = evaluate(self, *args, **kwargs)
        cost = SELECTOR_COSTS.setdefault(self.source, Cost())
        cost.calls += 1
        cost.found += bool(found)
        cost.seconds += time.thread_time() - started
        return found

    Selector.evaluate = timed


def run_page(page: Page) -> tuple[float, dict[str, float]]:
    """clean()'s thread CPU time on one page (ms), and its stage timings (empty when it raised)."""
    _, data, url = page
    started = time.thread_time()
    try:
        timings = clean(data, url).timings_ms
    except DeclutterError:  # a NoArticle page still costs its time
        timings = {}
    return (time.thread_time() - started) * 1000, timings


def median_pages(pages: Sequence[Page], count: int) -> list[Page]:
    """The count pages whose clean() time is nearest the median, in their order."""
    for page in pages:
        run_page(page)  # warm-up: imports, rule compilation, caches
    ms = {page[0]: run_page(page)[0] for page in pages}
    by_time = sorted(pages, key=lambda page: ms[page[0]])
    first = max(0, len(by_time) // 2 - count // 2)
    chosen = {page[0] for page in by_time[first : first + count]}
    return [page for page in pages if page[0] in chosen]


def slowest_pages(pages: Sequence[Page], count: int) -> list[Page]:
    """The count pages of longest clean() time, slowest first."""
    for page in pages:
        run_page(page)  # warm-up: imports, rule compilation, caches
    ms = {page[0]: run_page(page)[0] for page in pages}
    return sorted(pages, key=lambda page: -ms[page[0]])[:count]


def stage_rows(stages: dict[str, dict[str, list[float]]], total: dict[str, list[float]]) -> list[str]:
    """One row per page: clean()'s and each stage's best ms over the passes."""
    names = list(stages)
    lines = ["| page | clean() | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    for page, times in total.items():
        cells = [f"{min(stages[name][page]):.1f}" if page in stages[name] else "–" for name in names]
        lines.append(f"| {page} | {min(times):.1f} | " + " | ".join(cells) + " |")
    return lines


def table(title: str, costs: dict[str, Cost], per: int, top: int, found: bool) -> list[str]:
    """The top entries by time, per page and pass."""
    total = sum(cost.seconds for cost in costs.values()) * 1000 / per
    calls = sum(cost.calls for cost in costs.values()) / per
    lines = [
        f"{title}: {calls:.1f} evaluations, {total:.2f} ms per page",
        "",
        "| ms/page | evaluations/page |" + (" found something/page |" if found else "") + " expression |",
        "|---:|---:|" + ("---:|" if found else "") + "---|",
    ]
    for source, cost in sorted(costs.items(), key=lambda item: -item[1].seconds)[:top]:
        shown = " ".join(source.split()).replace("|", "\\|")
        shown = shown if len(shown) <= 140 else shown[:137] + "..."
        found_cell = f" {cost.found / per:.2f} |" if found else ""
        lines.append(f"| {cost.seconds * 1000 / per:.3f} | {cost.calls / per:.2f} |{found_cell} `{shown}` |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40, help="median pages profiled (default 40)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes over them (default 3)")
    parser.add_argument("--slowest", type=int, default=0, help="profile the N slowest pages instead, per page")
    parser.add_argument("--top", type=int, default=30, help="rows per table (default 30)")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # a refused strip logs a warning per page
    _time_selectors()
    if args.slowest:
        pipeline.time = SimpleNamespace(perf_counter=time.thread_time)  # stage timings in thread CPU time
    pages = slowest_pages(load_pages(), args.slowest) if args.slowest else median_pages(load_pages(), args.pages)
    XPATH_COSTS.clear()
    SELECTOR_COSTS.clear()
    stages: dict[str, dict[str, list[float]]] = {}
    total: list[float] = []
    by_page: dict[str, list[float]] = {}
    for _ in range(args.passes):
        for page in pages:
            ms, timings = run_page(page)
            total.append(ms)
            by_page.setdefault(page[0], []).append(ms)
            for stage, stage_ms in timings.items():
                stages.setdefault(stage, {}).setdefault(page[0], []).append(stage_ms)
    per = len(pages) * args.passes
    stage_medians = {stage: statistics.median(min(v) for v in by_page.values()) for stage, by_page in stages.items()}
    if args.slowest:
        lines = [
            f"{len(pages)} slowest pages, {args.passes} pass(es), best pass per page (thread CPU time, stages too, "
            "with this script's timing of every XPath call)",
            "",
            *stage_rows(stages, by_page),
            "",
            *table("XPath evaluations", XPATH_COSTS, per, args.top, found=False),
            "",
            *table("Rule selectors evaluated by declutter", SELECTOR_COSTS, per, args.top, found=True),
        ]
        print("\n".join(lines))
        return 0
    lines = [
        f"{len(pages)} median pages, {args.passes} pass(es): clean() {sum(total) / per:.2f} ms per page (thread CPU "
        "time, with this script's timing of every XPath call)",
        "",
        "| " + " | ".join(stage_medians) + " |",
        "|" + "---:|" * len(stage_medians),
        "| " + " | ".join(f"{ms:.2f}" for ms in stage_medians.values()) + " |",
        "",
        *table("XPath evaluations", XPATH_COSTS, per, args.top, found=False),
        "",
        *table("Rule selectors evaluated by declutter", SELECTOR_COSTS, per, args.top, found=True),
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
