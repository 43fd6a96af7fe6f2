"""One log line per request (server/web/access.py), as text or JSON lines (server/logs.py), with its request id."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.load import GUNICORN
from server.config import Settings
from server.logs import JsonFormatter, TextFormatter, logging_config
from server.web.app import create_app
from tests.conftest import ROOT, article_page
from tests.live_http import call
from tests.test_openapi import SIGNUP, URL

ACCESS_LOGGER = "server.web.access"
FIELDS = {"request_id", "method", "route", "status", "bytes", "duration_ms", "stages_ms", "error", "client"}
STAGES = {"decode", "parse", "metadata", "declutter", "extract", "tidy", "plaintext", "sanitize"}


@pytest.fixture
def client():
    return create_app({"SETTINGS": Settings()}).test_client()


def _request_records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == ACCESS_LOGGER]


def test_one_line_per_request_with_its_fields(client, caplog):
    caplog.set_level(logging.INFO)
    answers = [
        client.post("/clean", json={"html": article_page(extra=SIGNUP), "url": URL}),
        client.post("/clean", json={"html": "<p>Too short.</p>", "url": URL}),
        client.get("/healthz"),
        client.get("/nope"),
        client.post("/clean", data=b"{no", content_type="application/json"),
    ]
    records = _request_records(caplog)
    assert len(records) == len(answers)
    for record, answer in zip(records, answers, strict=True):
        assert set(record.fields) == FIELDS
        assert record.fields["status"] == answer.status_code
        assert record.fields["bytes"] == len(answer.get_data())
        assert record.fields["request_id"] == answer.headers["X-Request-ID"]
        assert record.fields["duration_ms"] > 0
    cleaned, refused, health, missing, bad = (record.fields for record in records)
    assert cleaned["method"] == "POST" and cleaned["route"] == "/clean" and cleaned["error"] is None
    assert set(cleaned["stages_ms"]) >= STAGES and "total" not in cleaned["stages_ms"]
    assert refused["error"] == "no_article" and refused["stages_ms"] is None
    assert health["route"] == "/healthz" and health["stages_ms"] is None
    assert missing["route"] == "unmatched" and missing["error"] == "not_found"
    assert bad["error"] == "bad_request"


def test_below_info_no_request_line_but_the_id_is_echoed(client, caplog):
    caplog.set_level(logging.WARNING)
    answer = client.get("/healthz", headers={"X-Request-ID": "quiet-1"})
    assert answer.headers["X-Request-ID"] == "quiet-1" and not _request_records(caplog)


def test_the_request_id_is_echoed_or_made(client, caplog):
    caplog.set_level(logging.INFO)
    given = client.get("/healthz", headers={"X-Request-ID": "req-42.retry:1"})
    assert given.headers["X-Request-ID"] == "req-42.retry:1"
    made = [client.get("/healthz").headers["X-Request-ID"] for _ in range(2)]
    assert all(len(ident) == 32 and int(ident, 16) >= 0 for ident in made) and made[0] != made[1]
    assert [record.fields["request_id"] for record in _request_records(caplog)] == ["req-42.retry:1", *made]


@pytest.mark.parametrize(
    "hostile",
    ["a" * 129, "two words", 'quote"d', "tab\there", "ünïcode", "-starts-with-dash", "<script>", "", "a;b"],
)
def test_a_hostile_request_id_is_replaced(client, caplog, hostile):
    caplog.set_level(logging.INFO)
    answer = client.get("/healthz", headers={"X-Request-ID": hostile})
    ident = answer.headers["X-Request-ID"]
    assert ident != hostile and len(ident) == 32 and int(ident, 16) >= 0
    assert _request_records(caplog)[-1].fields["request_id"] == ident


def _formatted(formatter: logging.Formatter, caplog) -> list[str]:
    return [formatter.format(record) for record in _request_records(caplog)]


def test_json_lines_parse_with_the_fields(client, caplog):
    caplog.set_level(logging.INFO)
    client.post("/clean", json={"html": article_page(), "url": URL}, headers={"X-Request-ID": "abc"})
    client.get("/healthz")
    lines = _formatted(JsonFormatter(), caplog)
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    cleaned, health = (json.loads(line) for line in lines)
    assert set(cleaned) == {"time", "level", "logger", "pid", "message"} | FIELDS
    assert cleaned["request_id"] == "abc" and cleaned["route"] == "/clean" and cleaned["status"] == 200
    assert set(cleaned["stages_ms"]) >= STAGES and all(isinstance(v, float) for v in cleaned["stages_ms"].values())
    assert cleaned["time"].endswith("Z") and cleaned["level"] == "INFO" and cleaned["logger"] == ACCESS_LOGGER
    assert health["stages_ms"] is None and health["error"] is None


def test_a_json_line_stays_one_line_whatever_it_holds():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "odd\u2028text\nhere %s", ("\x1b[31m",), None)
    line = JsonFormatter().format(record)
    assert line.isascii() and "\n" not in line and "\u2028" not in line
    assert json.loads(line)["message"] == "odd\u2028text\nhere \x1b[31m"
    try:
        raise ValueError("boom")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert "ValueError: boom" in json.loads(JsonFormatter().format(record))["exception"]


def test_text_lines_are_logfmt_with_unsafe_values_quoted(client, caplog):
    caplog.set_level(logging.INFO)
    client.post("/clean", json={"html": article_page(), "url": URL}, headers={"X-Request-ID": "abc"})
    line = _formatted(TextFormatter(), caplog)[0]
    assert " INFO server.web.access: request request_id=abc method=POST route=/clean status=200 " in line
    assert "stages_ms=decode:" in line and "error=-" in line
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
    record.fields = {"odd": "two words\nand a line", "empty": ""}
    assert TextFormatter().format(record).endswith(' m odd="two words\\nand a line" empty=""')


def test_the_log_format_setting():
    assert logging_config("json", "info")["formatters"]["declutter"]["()"] == "server.logs.JsonFormatter"
    with pytest.raises(ValueError, match="expected one of text, json"):
        logging_config("xml", "info")
    environ = {**os.environ, "LOG_FORMAT": "XML"}
    done = subprocess.run(
        [sys.executable, "-c", "from server.config import Settings; Settings.from_env()"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and "LOG_FORMAT='xml': expected one of text, json" in done.stderr
    # gunicorn stops at its configuration with that one line, not a traceback.
    gunicorn = subprocess.run(
        [str(GUNICORN), "--config", "server/gunicorn_conf.py", "server.web.app:create_app()"],
        cwd=ROOT,
        env={**environ, "PORT": "0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert gunicorn.returncode != 0 and "declutter: LOG_FORMAT='xml'" in gunicorn.stderr
    assert "Traceback" not in gunicorn.stderr


# --- real servers: gunicorn as `make serve` runs it, and `declutter serve`


def _get_health(base: str, request_id: str) -> tuple[int, str]:
    """GET /healthz with an X-Request-ID: the status and the id echoed."""
    status, headers, _ = call(base, "GET", "/healthz", headers={"X-Request-ID": request_id})
    return status, headers["X-Request-ID"]


@pytest.mark.slow
def test_under_gunicorn_every_line_is_json_and_each_request_has_one(tmp_path: Path):
    from bench.load import serve

    env = {"LOG_FORMAT": "json", "LOG_LEVEL": "info", "WEB_CONCURRENCY": "2"}
    with serve(env=env, log=tmp_path / "gunicorn.log") as server:
        started = len(server.log.read_text().splitlines())  # the start-up lines and the readiness checks
        idents = [_get_health(server.url, f"probe-{n}")[1] for n in range(5)]
    lines = [json.loads(line) for line in server.log.read_text().splitlines()]  # every line parses
    assert idents == [f"probe-{n}" for n in range(5)]
    requests = [line for line in lines[started:] if line["logger"] == ACCESS_LOGGER]
    assert [line["request_id"] for line in requests] == idents
    assert all(set(line) >= FIELDS and line["route"] == "/healthz" for line in requests)
    # gunicorn's own lines are JSON too, and it writes no access line of its own.
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)
    assert {line["logger"] for line in lines} <= {"gunicorn.error", ACCESS_LOGGER, "server.rules.ruleset"}


@pytest.mark.slow
def test_declutter_serve_writes_the_same_lines(tmp_path: Path):
    from bench.load import free_port

    port = free_port()
    log = tmp_path / "serve.log"
    environ = {**os.environ, "LOG_FORMAT": "json", "LOG_LEVEL": "info", "DECLUTTER_ISOLATE": "0"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--port", str(port)],
            cwd=ROOT,
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError):
                status, ident = _get_health(f"http://127.0.0.1:{port}", "serve-1")
                break
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert status == 200 and ident == "serve-1"
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    served = [line for line in lines if line["logger"] == ACCESS_LOGGER]
    assert [line["request_id"] for line in served] == ["serve-1"]
    assert not any(line["logger"] == "werkzeug" and "GET /healthz" in line["message"] for line in lines)
