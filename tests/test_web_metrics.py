"""GET /metrics: the service's Prometheus metrics (server/web/metrics.py), in this process and under gunicorn.

The metrics are the process's own, shared by every app a test creates: each test reads them before and after
what it does and checks the difference.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from server.config import Settings
from server.pipeline import default_rules
from server.watchdog import Watchdog
from server.web.app import create_app
from server.web.openapi import build_document
from tests.conftest import ROOT, article_page
from tests.live_http import JSON, call
from tests.test_openapi import SIGNUP, TOKEN, URL, assert_documented
from tests.test_watchdog import CAP, Misbehaving

STAGES = {"decode", "parse", "metadata", "declutter", "extract", "tidy", "plaintext", "sanitize"}

Samples = dict[tuple[str, frozenset], float]


def parse(text: str) -> tuple[dict[str, str], Samples]:
    """(type by family name, value by (sample name, labels)) of an exposition; raises if it does not parse."""
    types, samples = {}, {}
    for family in text_string_to_metric_families(text):
        types[family.name] = family.type
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return types, samples


def scrape(client, **headers: str) -> Samples:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return parse(response.get_data(as_text=True))[1]


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def grown(before: Samples, after: Samples, name: str, **labels: str) -> float:
    """How much a sample grew between two scrapes."""
    return value(after, name, **labels) - value(before, name, **labels)


@pytest.fixture
def client():
    return create_app({"SETTINGS": Settings()}).test_client()


def test_a_clean_counts_the_request_and_times_it_and_each_stage(client):
    before = scrape(client)
    response = client.post("/clean", json={"html": article_page(), "url": URL})
    assert response.status_code == 200
    after = scrape(client)
    assert grown(before, after, "declutter_http_requests_total", method="POST", route="/clean", status="200") == 1
    latency = "declutter_http_request_duration_seconds_count"
    assert grown(before, after, latency, method="POST", route="/clean") == 1
    assert grown(before, after, "declutter_pipeline_duration_seconds_count") == 1
    stages = set(response.get_json()["timings_ms"]) - {"total"}
    assert stages >= STAGES
    for stage in stages:
        assert grown(before, after, "declutter_pipeline_stage_duration_seconds_count", stage=stage) == 1, stage
    # The stage's time is the result's, in seconds: the sum grows by what timings_ms says.
    parse_seconds = response.get_json()["timings_ms"]["parse"] / 1000
    assert grown(before, after, "declutter_pipeline_stage_duration_seconds_sum", stage="parse") == pytest.approx(
        parse_seconds, abs=1e-9
    )


def test_every_answer_is_counted_by_route_never_by_path(client):
    before = scrape(client)
    client.get("/healthz")
    client.get("/no/such/page/https%3A%2F%2Fnews.example.com%2Fsecret")
    client.get("/clean")  # 405
    client.post(f"/clean?url={URL}", data=article_page(), content_type="text/html")
    text = client.get("/metrics").get_data(as_text=True)
    after = parse(text)[1]
    for labels, count in [
        ({"method": "GET", "route": "/healthz", "status": "200"}, 1),
        ({"method": "GET", "route": "unmatched", "status": "404"}, 1),
        ({"method": "GET", "route": "unmatched", "status": "405"}, 1),
        ({"method": "POST", "route": "/clean", "status": "200"}, 1),
    ]:
        assert grown(before, after, "declutter_http_requests_total", **labels) == count, labels
    assert "secret" not in text and "news.example" not in text and "/no/such" not in text


@pytest.mark.parametrize(
    ("settings_", "body", "status", "code"),
    [
        ({"max_body_bytes": 1000}, {"html": "x" * 2000, "url": URL}, 413, "payload_too_large"),
        ({"max_elements": 50}, {"html": article_page(paragraphs=60), "url": URL}, 422, "page_too_complex"),
        ({}, {"html": "<p>Too short.</p>", "url": URL}, 422, "no_article"),
    ],
    ids=["too-large", "too-complex", "no-article"],
)
def test_a_refused_page_is_counted_by_its_error_code(settings_, body, status, code):
    client = create_app({"SETTINGS": Settings(**settings_)}).test_client()
    before = scrape(client)
    response = client.post("/clean", json=body)
    assert response.status_code == status and response.get_json()["error"]["code"] == code
    after = scrape(client)
    assert grown(before, after, "declutter_pages_refused_total", code=code) == 1
    assert grown(before, after, "declutter_http_requests_total", method="POST", route="/clean", status=str(status)) == 1


def test_a_bad_request_is_not_a_refused_page(client):
    before = scrape(client)
    assert client.post("/clean", data=b"{no", content_type="application/json").status_code == 400
    after = scrape(client)
    refused = {key: count for key, count in after.items() if key[0] == "declutter_pages_refused_total"}
    assert refused == {key: count for key, count in before.items() if key[0] == "declutter_pages_refused_total"}


def test_removals_are_counted_by_category(client):
    before = scrape(client)
    data = client.post("/clean", json={"html": article_page(extra=SIGNUP), "url": URL}).get_json()
    removed: dict[str, int] = {}
    for removal in data["removed"]:
        if not removal.get("refused"):
            removed[removal["category"]] = removed.get(removal["category"], 0) + removal["count"]
    assert removed.get("newsletter", 0) >= 1, data["removed"]
    after = scrape(client)
    for category, count in removed.items():
        assert grown(before, after, "declutter_removed_elements_total", category=category) == count, category


def test_a_refused_strip_is_counted_once_by_category_and_removes_nothing(client):
    """A strip that would take most of the article is refused: counted once as refused, never as removed."""
    before = scrape(client)
    body = {
        "html": article_page(),
        "url": URL,
        "draft_rules": [{"strip": [{"category": "ads", "selectors": ["main"]}]}],
    }
    data = client.post("/clean", json=body).get_json()
    (strip,) = [r for r in data["removed"] if r["rule"] == "draft:0"]
    assert strip["category"] == "ads" and strip["selector"] == "main" and strip["refused"] is True
    after = scrape(client)
    assert grown(before, after, "declutter_strips_refused_total", category="ads") == 1
    assert grown(before, after, "declutter_removed_elements_total", category="ads") == 0


def test_rule_files_loaded(client):
    assert value(scrape(client), "declutter_rule_files_loaded") == len(default_rules().files)


def test_watchdog_kills_are_counted_by_reason():
    runner = Watchdog(Misbehaving(default_rules(), Settings(max_seconds=CAP)), spare=1)
    client = create_app({"SETTINGS": Settings(max_seconds=CAP), "RUNNER": runner}).test_client()
    try:
        before = scrape(client)
        timed_out = client.post(f"/clean?url={URL}", data="backtrack", content_type="text/html")
        died = client.post(f"/clean?url={URL}", data="die", content_type="text/html")
        after = scrape(client)
    finally:
        runner.close()
    assert timed_out.status_code == 422 and died.status_code == 500
    for reason in ("timeout", "crash"):
        assert grown(before, after, "declutter_watchdog_kills_total", reason=reason) == 1, reason
    assert grown(before, after, "declutter_pages_refused_total", code="page_too_complex") == 1


def test_the_exposition_parses_and_names_every_metric_with_units():
    client = create_app({"SETTINGS": Settings()}).test_client()
    client.post("/clean", json={"html": article_page(extra=SIGNUP), "url": URL})
    response = client.get("/metrics")
    assert response.mimetype == "text/plain" and "version=0.0.4" in response.content_type
    types, _ = parse(response.get_data(as_text=True))
    ours = {name: kind for name, kind in types.items() if name.startswith("declutter_")}
    assert ours == {
        "declutter_http_requests": "counter",
        "declutter_http_request_duration_seconds": "histogram",
        "declutter_pipeline_duration_seconds": "histogram",
        "declutter_pipeline_stage_duration_seconds": "histogram",
        "declutter_pages_refused": "counter",
        "declutter_removed_elements": "counter",
        "declutter_strips_refused": "counter",
        "declutter_rule_files_loaded": "gauge",
        "declutter_watchdog_kills": "counter",
    }
    # The rest is the process collector's (this process only; under gunicorn it is left out).
    assert all(name.startswith("process_") for name in set(types) - set(ours))


def test_with_a_token_metrics_need_it():
    settings = Settings(token=TOKEN)
    client = create_app({"SETTINGS": settings}).test_client()
    refused = client.get("/metrics")
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "unauthorized"
    assert_documented(build_document(settings), "GET", "/metrics", refused)
    assert client.get("/metrics", headers={"X-Declutter-Token": TOKEN}).status_code == 200
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    assert_documented(build_document(settings), "GET", "/metrics", answer)


def test_without_a_token_metrics_are_served_like_the_rest(client):
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert_documented(build_document(Settings()), "GET", "/metrics", answer)
    # Without the token it keeps the Host check: a rebinding page could read it (tests/test_access.py).
    assert client.get("/metrics", headers={"Host": "10.1.2.3:8000"}).status_code == 400


# --- under gunicorn: every worker's counts in one answer


def _post(base: str, body: bytes) -> int:
    return call(base, "POST", "/clean", body, JSON)[0]


def _scrape_url(base: str) -> Samples:
    status, _, answer = call(base, "GET", "/metrics")
    assert status == 200
    return parse(answer.decode())[1]


def _served_by(log: Path) -> set[int]:
    """The pids of the workers that answered POST /clean, from the JSON log lines."""
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    return {line["pid"] for line in lines if line.get("route") == "/clean" and line.get("method") == "POST"}


@pytest.mark.slow
def test_under_gunicorn_metrics_add_up_every_worker(tmp_path: Path):
    from bench.load import serve

    directory = tmp_path / "metrics"
    directory.mkdir()
    (directory / "counter_999999.db").write_bytes(b"a stale file of an earlier run")
    env = {"WEB_CONCURRENCY": "2", "PROMETHEUS_MULTIPROC_DIR": str(directory), "LOG_FORMAT": "json"}
    env["LOG_LEVEL"] = "info"  # bench.load.serve quiets it to warning; the request lines say which worker answered
    body = json.dumps({"html": article_page(extra=SIGNUP), "url": URL}).encode()
    requests, name = 40, "declutter_http_requests_total"
    labels = {"method": "POST", "route": "/clean", "status": "200"}
    with serve(env=env, log=tmp_path / "gunicorn.log") as server:
        assert not (directory / "counter_999999.db").exists()
        with ThreadPoolExecutor(8) as pool:  # at once, so that both workers take some
            statuses = list(pool.map(lambda _: _post(server.url, body), range(requests)))
        assert statuses == [200] * requests
        served = _served_by(server.log)
        assert len(served) == 2, f"one worker served every request: {served}"
        for _ in range(4):  # whichever worker answers the scrape, it reports both
            samples = _scrape_url(server.url)
            assert value(samples, name, **labels) == requests
            assert value(samples, "declutter_pipeline_stage_duration_seconds_count", stage="extract") == requests
            assert value(samples, "declutter_rule_files_loaded") == len(default_rules().files)
        # A worker that dies (here: killed, then replaced by gunicorn) keeps its counts in the sum.
        victim = sorted(served)[0]
        assert list(directory.glob(f"gauge_livemax_{victim}.db"))
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while victim in server.worker_pids() or len(server.worker_pids()) < 2:
            assert time.monotonic() < deadline, "gunicorn did not replace the worker"
            time.sleep(0.2)
        assert _post(server.url, body) == 200
        samples = _scrape_url(server.url)
        assert value(samples, name, **labels) == requests + 1
        # child_exit told prometheus_client: the dead worker's live gauge is gone, the master's still counts.
        assert not list(directory.glob(f"gauge_livemax_{victim}.db"))
        assert list(directory.glob(f"gauge_livemax_{server.process.pid}.db"))
        assert value(samples, "declutter_rule_files_loaded") == len(default_rules().files)


@pytest.mark.slow
def test_under_gunicorn_a_new_start_counts_from_zero_and_a_made_directory_is_removed(tmp_path: Path):
    from bench.load import serve

    body = json.dumps({"html": article_page(), "url": URL}).encode()
    labels = {"method": "POST", "route": "/clean", "status": "200"}
    env = {"WEB_CONCURRENCY": "1", "PROMETHEUS_MULTIPROC_DIR": ""}  # empty: as if unset
    for _ in range(2):
        with serve(env=env, log=tmp_path / "gunicorn.log") as server:
            assert _post(server.url, body) == 200
            assert value(_scrape_url(server.url), "declutter_http_requests_total", **labels) == 1
            made = _metric_files(server.worker_pids()[0])
            assert made, "the worker maps no metric file"
        assert not any(path.exists() for path in made), "the metrics directory gunicorn_conf made outlived the server"


def _metric_files(pid: int) -> set[Path]:
    """The metric files a process has mapped (prometheus_client's multiprocess values live in them)."""
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    return {Path(line.split()[-1]) for line in maps if line.endswith(".db") and "declutter-metrics-" in line}


@pytest.mark.slow
def test_a_gunicorn_that_cannot_bind_leaves_no_metrics_directory(tmp_path: Path):
    from bench.load import GUNICORN

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = {
            **os.environ,
            "HOST": "127.0.0.1",
            "PORT": str(taken.getsockname()[1]),
            "PROMETHEUS_MULTIPROC_DIR": "",
            "TMPDIR": str(tmp_path),  # where gunicorn_conf makes its directory
        }
        done = subprocess.run(
            [str(GUNICORN), "--config", "server/gunicorn_conf.py", "server.web.app:create_app()"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode != 0 and "Address already in use" in done.stderr
    assert not list(tmp_path.glob("declutter-metrics-*"))
