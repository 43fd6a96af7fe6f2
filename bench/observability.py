"""What metrics and request logs cost a request: CPU time of the hooks, of recording a page, of a scrape.

    python bench/observability.py [--format text|json]
    PROMETHEUS_MULTIPROC_DIR=$(mktemp -d) python bench/observability.py   # as under gunicorn

Times are CPU time (time.process_time), best of five rounds, so that a busy machine inflates them less. The
log line goes to /dev/null through the service's own formatter. Figures: docs/operations.md, "What it costs".
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import Response, request  # noqa: E402 - after the path, as the other benches

from server.config import Settings  # noqa: E402
from server.logs import configure  # noqa: E402
from server.pipeline import clean  # noqa: E402
from server.web import access, metrics  # noqa: E402
from server.web.app import create_app  # noqa: E402
from tests.conftest import article_page  # noqa: E402

SIGNUP = "<div id='mc_embed_signup'><form><input type='email' name='EMAIL'></form></div>"


def cpu_microseconds(call: Callable[[], object], count: int, rounds: int = 5) -> float:
    """CPU time of one call, in µs: the best of `rounds` rounds of `count` calls."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(count):
            call()
        best = min(best, (time.process_time() - started) / count * 1e6)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--format", choices=("text", "json"), default="json")
    args = parser.parse_args()
    configure(args.format, "info")
    logging.getLogger().handlers[0].setStream(open(os.devnull, "w"))  # noqa: SIM115 - for the process's life
    app = create_app({"SETTINGS": Settings(isolate=False)})
    result = clean(article_page(extra=SIGNUP), "https://news.example.com/budget")
    print(f"multiprocess mode: {metrics.MULTIPROCESS}; log format: {args.format}")

    with app.test_request_context("/clean", method="POST", headers={"X-Request-ID": "bench-1"}):
        request.url_rule = app.url_map._rules_by_endpoint["clean_page"][0]
        answer = Response(b"x" * 6000, mimetype="application/json")

        def hooks() -> None:
            access.begin_request()
            access.finish_request(answer)

        print(f"request hooks (id, request metrics, log line): {cpu_microseconds(hooks, 20_000):.1f} µs")
        logging.getLogger(access.__name__).disabled = True
        print(f"request hooks without the log line: {cpu_microseconds(hooks, 20_000):.1f} µs")
        logging.getLogger(access.__name__).disabled = False
        page_cost = cpu_microseconds(lambda: metrics.observe_clean(result.timings_ms, result.removed), 20_000)
        print(
            f"recording a cleaned page ({len(result.timings_ms)} timings, {len(result.removed)} removals): "
            f"{page_cost:.1f} µs"
        )

    # A whole GET /healthz through Flask, with and without the hooks, rounds interleaved.
    client = app.test_client()
    before, after = app.before_request_funcs[None], app.after_request_funcs[None]
    with_hooks, without = [], []
    for _ in range(5):
        with_hooks.append(cpu_microseconds(lambda: client.get("/healthz"), 2000, rounds=1))
        before.remove(access.begin_request)
        after.remove(access.finish_request)
        without.append(cpu_microseconds(lambda: client.get("/healthz"), 2000, rounds=1))
        before.insert(0, access.begin_request)
        after.insert(0, access.finish_request)
    print(f"GET /healthz: {min(with_hooks):.0f} µs with the hooks, {min(without):.0f} µs without")
    scrape = cpu_microseconds(metrics.exposition, 200) / 1000
    print(f"one /metrics exposition: {scrape:.2f} ms, {len(metrics.exposition())} bytes")


if __name__ == "__main__":
    main()
