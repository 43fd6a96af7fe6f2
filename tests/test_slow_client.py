"""A client trickling its body in byte by byte must not hold up anyone else (real gunicorn, gthread)."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from bench.load import serve

pytestmark = pytest.mark.slow

URL = "https://news.example.com/budget"
PARAGRAPH = "<p>" + "The council approved the new budget for the city schools and roads on Tuesday. " * 4 + "</p>"
ARTICLE = f"<html><head><title>Budget</title></head><body><article>{PARAGRAPH * 5}</article></body></html>"
SLOW_CLIENTS = 3  # fewer than the threads of one worker (GUNICORN_THREADS=4 by default)
TRICKLE_SECONDS = 6.0


def _trickle(port: int, results: list, index: int) -> None:
    """POST a page one byte at a time, sleeping between bytes, then read the answer."""
    body = json.dumps({"html": ARTICLE, "url": URL}).encode()
    pause = TRICKLE_SECONDS / len(body)
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(
            f"POST /clean HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        )
        for byte in body:
            sock.sendall(bytes([byte]))
            time.sleep(pause)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    results[index] = answer.split(b"\r\n", 1)[0]


def _normal_request(port: int) -> tuple[int, float]:
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            "/clean",
            body=json.dumps({"html": ARTICLE, "url": URL}),
            headers={"Content-Type": "application/json"},
        )
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    finally:
        connection.close()


def test_a_slow_client_does_not_block_other_requests(tmp_path: Path):
    with serve(log=tmp_path / "gunicorn.log") as server:
        results: list = [None] * SLOW_CLIENTS
        slow = [threading.Thread(target=_trickle, args=(server.port, results, i)) for i in range(SLOW_CLIENTS)]
        for thread in slow:
            thread.start()
        time.sleep(1.0)  # the slow bodies are now trickling in
        timings = []
        while any(thread.is_alive() for thread in slow) and len(timings) < 20:
            status, elapsed = _normal_request(server.port)
            assert status == 200
            timings.append(elapsed)
            time.sleep(0.2)
        trickling_meanwhile = any(thread.is_alive() for thread in slow)
        for thread in slow:
            thread.join(timeout=TRICKLE_SECONDS + 30)
    assert len(timings) >= 5
    assert trickling_meanwhile or len(timings) == 20, "the normal requests must run while the slow ones trickle"
    # Normal requests answer promptly (a clean of this page takes ~20 ms) while the slow bodies trickle.
    assert max(timings) < 1.0, timings
    # And the slow clients were served too, once their bodies were complete.
    assert results == [b"HTTP/1.1 200 OK"] * SLOW_CLIENTS, results


def test_keep_alive_connections_are_spread_over_the_workers(tmp_path: Path):
    """A gthread worker takes every connection it can accept: without the worker_connections cap in
    server/gunicorn_conf.py one worker served all keep-alive clients while the other core idled."""
    page = (
        Path(__file__).resolve().parents[2] / "shared" / "corpora" / "readability-test-pages" / "aclu" / "source.html"
    ).read_bytes()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        for _ in range(4):
            connection.request("POST", f"/clean?url={URL}", body=page, headers={"Content-Type": "text/html"})
            response = connection.getresponse()
            response.read()
            assert response.status == 200
        connection.close()

    with serve(env={"WEB_CONCURRENCY": "2"}, log=tmp_path / "gunicorn.log") as server:
        client()  # a first client alone, as in bench/load.py's warm-up
        before = server.worker_cpu_seconds()
        clients = [threading.Thread(target=client) for _ in range(16)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(timeout=120)
        used = {pid: cpu - before.get(pid, 0.0) for pid, cpu in server.worker_cpu_seconds().items()}
    assert len(used) == 2
    assert min(used.values()) > 0.25 * sum(used.values()), used
