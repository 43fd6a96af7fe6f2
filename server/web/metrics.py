"""Prometheus metrics of the service, served at GET /metrics in the text exposition format (0.0.4).

Under gunicorn (server/gunicorn_conf.py sets PROMETHEUS_MULTIPROC_DIR before anything imports prometheus_client)
each process writes its values to files there and a scrape adds up every worker's; without the variable (tests,
`declutter serve`) the values live in this process. Labels are bounded sets only: the route (never the raw path
or the page's address), the method, the status, an error code, a stage name, a rule category.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
    values,
)
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.multiprocess import MultiProcessCollector

CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
# Whole requests: a health check takes under a millisecond, a page up to the cap (10 s) plus the grace period.
REQUEST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0)
# One stage of one page: from a tenth of a millisecond (decode) to seconds (a huge page's extract).
STAGE_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)
# The answers that refuse a page for what it is (over the body limit, over the work cap, no article in it).
REFUSAL_STATUSES = frozenset({413, 422})
# The HTTP methods counted by name; any other is counted as "other" (a client may send any token).
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"})
# The route label of a request no route matched (404, and 405 for a method a path does not take).
UNMATCHED = "unmatched"

# The *_created series (each series' start time) double the text for nothing a rate() needs.
disable_created_metrics()
# prometheus_client chose when first imported, from PROMETHEUS_MULTIPROC_DIR: its choice is ours.
MULTIPROCESS = values.ValueClass is not values.MutexValue
REGISTRY = CollectorRegistry()

REQUESTS = Counter(
    "declutter_http_requests",
    "HTTP requests answered, by method, route (the URL rule, not the path) and status.",
    ["method", "route", "status"],
    registry=REGISTRY,
)
REQUEST_SECONDS = Histogram(
    "declutter_http_request_duration_seconds",
    "Time from the request's arrival in the app to its answer, by method and route.",
    ["method", "route"],
    buckets=REQUEST_BUCKETS,
    registry=REGISTRY,
)
PIPELINE_SECONDS = Histogram(
    "declutter_pipeline_duration_seconds",
    "Time clean() spent on a page that it cleaned, all stages together.",
    buckets=STAGE_BUCKETS,
    registry=REGISTRY,
)
STAGE_SECONDS = Histogram(
    "declutter_pipeline_stage_duration_seconds",
    "Time of each pipeline stage (decode, parse, metadata, declutter, extract, ...) on a page that was cleaned.",
    ["stage"],
    buckets=STAGE_BUCKETS,
    registry=REGISTRY,
)
REFUSED = Counter(
    "declutter_pages_refused",
    "Requests refused for their page (413 payload_too_large, 422 page_too_complex or no_article), by error code.",
    ["code"],
    registry=REGISTRY,
)
REMOVED = Counter(
    "declutter_removed_elements",
    "Page elements removed by the rules, by the strip group's category (the rule schema's fixed list).",
    ["category"],
    registry=REGISTRY,
)
STRIPS_REFUSED = Counter(
    "declutter_strips_refused",
    "Strips refused because they held most of the article, by category.",
    ["category"],
    registry=REGISTRY,
)
RULE_FILES = Gauge(
    "declutter_rule_files_loaded",
    "Rule files loaded (site and generic).",
    registry=REGISTRY,
    # Every process loads the same rules; a worker's copy goes when it exits (gunicorn_conf's child_exit).
    multiprocess_mode="livemax",
)
WATCHDOG_KILLS = Counter(
    "declutter_watchdog_kills",
    "Pipeline processes killed and replaced by the watchdog: timeout (ran past the cap) or crash (died).",
    ["reason"],
    registry=REGISTRY,
)
if not MULTIPROCESS:  # its figures are this process's only: under gunicorn they would be one worker's
    ProcessCollector(registry=REGISTRY)


def route_label(rule: str | None) -> str:
    return rule if rule is not None else UNMATCHED


def method_label(method: str) -> str:
    return method if method in KNOWN_METHODS else "other"


def observe_request(method: str, route: str, status: int, seconds: float, error_code: str | None) -> None:
    REQUESTS.labels(method, route, str(status)).inc()
    REQUEST_SECONDS.labels(method, route).observe(seconds)
    if error_code is not None and status in REFUSAL_STATUSES:
        REFUSED.labels(error_code).inc()


def observe_clean(timings_ms: Mapping[str, float], removed: Iterable[Mapping]) -> None:
    """Record one cleaned page from its result (in the web worker: the pipeline may have run in a child process)."""
    for stage, milliseconds in timings_ms.items():
        if stage == "total":
            PIPELINE_SECONDS.observe(milliseconds / 1000)
        else:
            STAGE_SECONDS.labels(stage).observe(milliseconds / 1000)
    for removal in removed:
        if removal.get("refused"):
            STRIPS_REFUSED.labels(removal["category"]).inc()
        else:
            REMOVED.labels(removal["category"]).inc(removal["count"])


def observe_watchdog_kill(reason: str) -> None:
    WATCHDOG_KILLS.labels(reason).inc()


def set_rule_files(count: int) -> None:
    RULE_FILES.set(count)


def exposition() -> bytes:
    """Every metric in the text format: this process's, or under gunicorn every worker's added up."""
    if MULTIPROCESS:
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)
