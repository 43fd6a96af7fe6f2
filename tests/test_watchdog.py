"""The hard backstop: the pipeline runs in child processes that are killed at the cap (server/watchdog.py).

Each test gives the watchdog a runner whose work misbehaves for real: a backtracking regex that holds the
interpreter lock (which no cooperative deadline can interrupt), a process that dies, a bug.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import time

import pytest

from server.config import Settings
from server.errors import TooComplex
from server.pipeline import Options, default_rules
from server.watchdog import GRACE_SECONDS, InProcess, PipelineCrashed, Watchdog
from server.web.app import create_app
from tests.conftest import article_page

URL = "https://news.example.com/2026/12/budget"
CAP = 0.5


class Misbehaving(InProcess):
    """clean() as the pipeline runs it, unless the page names a way to misbehave."""

    def clean(self, page, url, options):
        page = page.decode() if isinstance(page, bytes) else page
        if page == "backtrack":
            re.match(r"(a+)+$", "a" * 40 + "b")  # 2^40 steps in C, holding the interpreter lock
        if page == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        if page == "bug":
            raise KeyError("a bug in a stage")
        return super().clean(page, url, options)


@pytest.fixture
def watchdog():
    watchdog = Watchdog(Misbehaving(default_rules(), Settings(max_seconds=CAP)), spare=1)
    yield watchdog
    watchdog.close()


def test_a_call_holding_the_interpreter_lock_is_killed_at_the_cap(watchdog: Watchdog):
    started = time.monotonic()
    with pytest.raises(TooComplex, match=r"took more than 0\.5 s"):
        watchdog.clean("backtrack", URL, Options())
    assert time.monotonic() - started < CAP + GRACE_SECONDS + 0.5
    # The next request gets a fresh child and a real result.
    assert watchdog.clean(article_page(), URL, Options()).title == "Council approves the new budget"


def test_a_child_that_dies_is_answered_and_replaced(watchdog: Watchdog):
    with pytest.raises(PipelineCrashed, match="ended without answering"):
        watchdog.clean("die", URL, Options())
    assert watchdog.clean(article_page(), URL, Options()).word_count > 50


def test_a_bug_in_the_child_is_logged_with_its_traceback_and_answered_500(watchdog: Watchdog, caplog):
    with caplog.at_level(logging.ERROR, logger="server.watchdog"), pytest.raises(PipelineCrashed) as raised:
        watchdog.clean("bug", URL, Options())
    assert raised.value.status == 500
    assert "KeyError: 'a bug in a stage'" in caplog.text
    assert watchdog.clean(article_page(), URL, Options()).word_count > 50


def test_children_are_reused(watchdog: Watchdog):
    watchdog.clean(article_page(), URL, Options())
    child = watchdog._idle.queue[-1].process.pid
    watchdog.clean(article_page(), URL, Options())
    assert watchdog._idle.queue[-1].process.pid == child


def test_children_hold_none_of_the_workers_descriptors():
    """A client socket kept open in a child would never end for the client once the worker closed it."""
    read_end, write_end = os.pipe()
    watchdog = Watchdog(InProcess(default_rules(), Settings()), spare=1)
    try:
        watchdog.warm(1)
        os.close(write_end)
        started = time.monotonic()
        assert os.read(read_end, 1) == b""  # EOF at once: no child holds the write end
        assert time.monotonic() - started < 1
    finally:
        os.close(read_end)
        watchdog.close()


def test_the_service_answers_422_and_serves_the_next_request():
    settings = Settings(max_seconds=CAP)
    runner = Watchdog(Misbehaving(default_rules(), settings))
    client = create_app({"SETTINGS": settings, "RUNNER": runner}).test_client()
    response = client.post("/clean", data="backtrack", query_string={"url": URL}, content_type="text/html")
    assert response.status_code == 422 and response.get_json()["error"]["code"] == "page_too_complex"
    response = client.post("/clean", json={"html": article_page(), "url": URL})
    assert response.status_code == 200


def test_attributions_run_under_the_cap_too():
    settings = Settings(max_seconds=1e-6)
    client = create_app({"SETTINGS": settings}).test_client()
    response = client.post("/attributions", json={"text": '"Yes," he said. ' * 20_000})
    assert response.status_code == 422 and response.get_json()["error"]["code"] == "page_too_complex"
