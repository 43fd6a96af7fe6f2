"""deploy/nginx/declutter.conf run by Debian's nginx in front of the real service (gunicorn as `make serve`).

The site config is the shipped file, its two ${...} placeholders filled as the nginx image's envsubst step
fills them; only the process-level frame around it (pid, logs, temp paths: the image's own nginx.conf)
is written here. nginx comes from `make nginx-deps`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.load import Server, free_port, serve
from server.config import Settings

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SITE_CONFIG = ROOT / "deploy" / "nginx" / "declutter.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LIMIT = Settings().max_body_bytes
URL = "https://news.example.com/budget"
SENTENCE = "The council approved the new budget for the city schools and roads on Tuesday. "
# The smallest page the service cleans (321 bytes): trickled one byte at a time, 62 ms apart, over 20 s.
SMALL_PAGE = f"<html><head><title>Slow</title></head><body><article><p>{SENTENCE * 3}</p></article></body></html>"
ARTICLE = f"<html><head><title>Budget</title></head><body><article>{('<p>' + SENTENCE * 4 + '</p>') * 5}</article>"
ARTICLE += "</body></html>"
SLOW_CLIENTS = 300
TRICKLE_SECONDS = 20.0
# gunicorn's access log names each request's path, query, status and the X-Request-ID it received.
ACCESS_FORMAT = "%(m)s %(U)s %(q)s %(s)s %({x-request-id}i)s"
# nginx reaches the service from 127.0.0.1; a client elsewhere on loopback stands for one on the network.
PROXY_ADDRESS = "127.0.0.1"
CLIENT_ADDRESS = "127.0.0.5"


def render_site_config(values: dict[str, str]) -> str:
    """The shipped file with its ${NAME} placeholders filled, as envsubst fills them; every one must be given."""
    text = SITE_CONFIG.read_text()
    assert set(re.findall(r"\$\{(\w+)\}", text)) == set(values), "the placeholders of declutter.conf changed"
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    return text


@dataclass
class Proxy:
    port: int
    directory: Path

    @property
    def access_log(self) -> str:
        return (self.directory / "access.log").read_text()


@contextlib.contextmanager
def run_nginx(directory: Path, upstream: str) -> Iterator[Proxy]:
    """nginx in the foreground with the shipped site config; killed (its whole process group) on exit."""
    port = free_port()
    (directory / "declutter.conf").write_text(
        render_site_config({"DECLUTTER_UPSTREAM": upstream, "DECLUTTER_PROXY_LISTEN": f"127.0.0.1:{port}"})
    )
    for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / temp).mkdir(exist_ok=True)
    # As root nginx would hand its workers to 'nobody', who cannot enter pytest's private temp directories.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (directory / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {directory}/nginx.pid;\n"
        "events { worker_connections 2048; }\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  client_body_temp_path {directory}/client_body;\n"
        f"  proxy_temp_path {directory}/proxy;\n  fastcgi_temp_path {directory}/fastcgi;\n"
        f"  uwsgi_temp_path {directory}/uwsgi;\n  scgi_temp_path {directory}/scgi;\n"
        f"  include {directory}/declutter.conf;\n}}\n"
    )
    command = [NGINX, "-p", str(directory), "-e", str(directory / "error.log"), "-c", str(directory / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    with (directory / "access.log").open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, (directory / "error.log").read_text()
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert time.monotonic() < deadline, "nginx did not listen in 10 s"
            time.sleep(0.05)
        yield Proxy(port, directory)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        # The workers share the master's new process group: none may outlive the test.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    directory = tmp_path_factory.mktemp("gunicorn")
    access = directory / "access.log"
    with serve(
        # nginx connects from 127.0.0.1: its X-Forwarded-For names the client; the app's own lines, as JSON.
        env={"DECLUTTER_TRUSTED_PROXIES": PROXY_ADDRESS, "LOG_LEVEL": "info", "LOG_FORMAT": "json"},
        log=directory / "gunicorn.log",
        extra_args=("--access-logfile", str(access), "--access-logformat", ACCESS_FORMAT),
    ) as server:
        yield server, access


@pytest.fixture(scope="module")
def proxy(service: tuple[Server, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    server, _ = service
    with run_nginx(tmp_path_factory.mktemp("nginx"), f"127.0.0.1:{server.port}") as running:
        yield running


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)

    def content(self) -> tuple[int, dict]:
        """Status and JSON body, less the stage timings (which differ between any two runs)."""
        data = self.json()
        data.pop("timings_ms", None)
        return self.status, data


def call(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def service_saw(access: Path, marker: str, *, timeout: float = 5.0) -> bool:
    """Whether gunicorn's access log names the marker, waiting a little for the line to be written."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker in access.read_text():
            return True
        time.sleep(0.05)
    return False


def assert_never_reached_service(service: tuple[Server, Path], marker: str) -> None:
    server, access = service
    # A request sent afterwards shows up in the log: the refused one, had it got through, would be there by now.
    after = uuid.uuid4().hex
    assert call(server.port, "GET", f"/healthz?after={after}").status == 200
    assert service_saw(access, after)
    assert marker not in access.read_text()


def test_requests_pass_through_with_host_and_request_id(proxy: Proxy, service: tuple[Server, Path]):
    _, access = service
    request_id = f"client-{uuid.uuid4().hex}"
    body = json.dumps({"html": ARTICLE, "url": URL}).encode()
    headers = {"Content-Type": "application/json", "X-Request-ID": request_id}
    through = call(proxy.port, "POST", "/clean", body, headers)
    direct = call(service[0].port, "POST", "/clean", body, headers)
    assert through.status == 200 and through.content() == direct.content()
    assert through.json()["title"] == "Budget"
    # The service received the caller's id, and nginx logged the same one.
    assert service_saw(access, f"POST /clean  200 {request_id}")
    assert f"id={request_id}" in proxy.access_log
    # The client's Host reaches the service, whose allowed-hosts check still applies behind the proxy.
    refused = call(proxy.port, "GET", "/rules", headers={"Host": "rebind.attacker.example"})
    assert refused.status == 400 and refused.json()["error"]["code"] == "host_not_allowed"


def service_logged_client(server: Server, request_id: str, *, timeout: float = 5.0) -> str | None:
    """The client address of the service's own log line (JSON) for the request with this id."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in server.log.read_text().splitlines():
            record = json.loads(line) if line.startswith("{") else {}
            if record.get("request_id") == request_id:
                return record["client"]
        time.sleep(0.05)
    return None


def test_the_service_logs_the_client_nginx_saw_never_a_forwarded_for_it_was_sent(
    proxy: Proxy, service: tuple[Server, Path]
):
    """With DECLUTTER_TRUSTED_PROXIES naming nginx's address, the service logs the address nginx took the request
    from, not the one the client wrote in X-Forwarded-For; sent straight to the service, the same header from an
    address that is not the proxy's is ignored."""
    server, _ = service
    for port, via in ((proxy.port, "proxy"), (server.port, "direct")):
        request_id = f"{via}-{uuid.uuid4().hex}"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(CLIENT_ADDRESS, 0))
        try:
            headers = {"Host": "127.0.0.1", "X-Request-ID": request_id, "X-Forwarded-For": "203.0.113.66"}
            connection.request("GET", "/healthz", headers=headers)
            assert connection.getresponse().status == 200
        finally:
            connection.close()
        assert service_logged_client(server, request_id) == CLIENT_ADDRESS, via
    assert re.search(rf"^{re.escape(CLIENT_ADDRESS)} .* id=proxy-", proxy.access_log, flags=re.MULTILINE)


def test_an_unusable_request_id_is_replaced_by_nginx_own(proxy: Proxy, service: tuple[Server, Path]):
    _, access = service
    marker = uuid.uuid4().hex
    answer = call(proxy.port, "GET", f"/healthz?m={marker}", headers={"X-Request-ID": "bad id; " + "x" * 200})
    assert answer.status == 200
    assert service_saw(access, marker)
    line = next(line for line in access.read_text().splitlines() if marker in line)
    assert re.fullmatch(r"GET /healthz m=\w+ 200 [0-9a-f]{32}", line), line


def test_gzip_request_bodies_pass_through_unchanged(proxy: Proxy, service: tuple[Server, Path]):
    """nginx does not inflate or refuse a Content-Encoding: gzip body: the service answers as it would direct."""
    body = gzip.compress(ARTICLE.encode())
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    through = call(proxy.port, "POST", f"/clean?url={URL}", body, headers)
    direct = call(service[0].port, "POST", f"/clean?url={URL}", body, headers)
    assert through.content() == direct.content()
    assert through.status == 200 and through.json()["title"] == "Budget"


def test_metrics_are_not_served_on_the_public_listener(proxy: Proxy, service: tuple[Server, Path]):
    for path in ("/metrics", "/metrics/", "//metrics", "/%6Detrics", "/metrics?format=prometheus"):
        marker = uuid.uuid4().hex
        answer = call(proxy.port, "GET", f"{path}{'&' if '?' in path else '?'}m={marker}")
        assert answer.status == 404, path
        assert answer.json()["error"]["code"] == "not_found"
        assert_never_reached_service(service, marker)


def test_a_body_over_the_limit_is_refused_by_the_proxy(proxy: Proxy, service: tuple[Server, Path]):
    """Content-Length one byte over DECLUTTER_MAX_BODY_BYTES: nginx answers 413 in the service's error shape
    before any body is sent, and the service never sees the request."""
    marker = uuid.uuid4().hex
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        sock.sendall(
            f"POST /clean?url={URL}&m={marker} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/html\r\n"
            f"X-Request-ID: over-{marker}\r\nContent-Length: {LIMIT + 1}\r\n\r\n".encode()
        )
        answer = sock.makefile("rb")
        status_line = answer.readline()
        head = {}
        while (line := answer.readline().strip()) != b"":
            name, _, value = line.decode().partition(":")
            head[name.lower()] = value.strip()
        body = answer.read(int(head["content-length"]))
    assert status_line.startswith(b"HTTP/1.1 413"), status_line
    assert head["content-type"] == "application/json" and head["x-request-id"] == f"over-{marker}"
    assert json.loads(body) == {
        "error": {"code": "payload_too_large", "message": f"the body is over the limit of {LIMIT} bytes"}
    }
    assert_never_reached_service(service, marker)


def test_a_chunked_body_over_the_limit_is_refused_by_the_proxy(proxy: Proxy, service: tuple[Server, Path]):
    marker = uuid.uuid4().hex
    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=30)
    try:
        connection.putrequest("POST", f"/clean?url={URL}&m={marker}")
        for name, value in (("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")):
            connection.putheader(name, value)
        connection.endheaders()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # nginx may answer and close mid-body
            for _ in range(LIMIT // len(chunk) + 2):
                connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            connection.send(b"0\r\n\r\n")
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"]["code"] == "payload_too_large"
    finally:
        connection.close()
    assert_never_reached_service(service, marker)


def test_a_body_at_the_limit_reaches_the_service(proxy: Proxy, service: tuple[Server, Path]):
    """The proxy's limit is the service's, to the byte: exactly DECLUTTER_MAX_BODY_BYTES goes through."""
    _, access = service
    marker = uuid.uuid4().hex
    page = ARTICLE.encode()
    body = page + b" " * (LIMIT - len(page))
    answer = call(proxy.port, "POST", f"/clean?url={URL}&m={marker}", body, {"Content-Type": "text/html"})
    assert answer.status == 200 and answer.json()["title"] == "Budget"
    assert service_saw(access, marker)


def test_a_service_that_is_down_is_answered_as_json_502(tmp_path: Path):
    with run_nginx(tmp_path, f"127.0.0.1:{free_port()}") as lonely:
        answer = call(lonely.port, "GET", "/healthz")
    assert answer.status == 502
    assert answer.json()["error"]["code"] == "bad_gateway"
    assert answer.headers["Retry-After"] == "5"


async def _trickle(port: int, started: float, delay: float, seconds: float) -> tuple[str, float]:
    """POST SMALL_PAGE one byte at a time over `seconds`; the status line and the wait after the last byte."""
    await asyncio.sleep(delay)
    body = SMALL_PAGE.encode()
    pause = seconds / len(body)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(
            f"POST /clean?url={URL} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/html\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        )
        for index in range(len(body)):
            writer.write(body[index : index + 1])
            await writer.drain()
            # Pace against the clock, so that a late wake-up does not stretch the whole body.
            await asyncio.sleep(max(0.0, started + delay + (index + 1) * pause - time.monotonic()))
        sent = time.monotonic()
        answer = await reader.read()
        return answer.split(b"\r\n", 1)[0].decode(errors="replace"), time.monotonic() - sent
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


def _trickle_all(port: int, clients: int, seconds: float, results: list) -> None:
    """`clients` tricklers starting over the first second, on one event loop in this thread, bounded in time."""

    async def run() -> list:
        started = time.monotonic()
        tasks = [_trickle(port, started, index / clients, seconds) for index in range(clients)]
        return await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=seconds + 60)

    results.extend(asyncio.run(run()))


def _ordinary_requests_while(port: int, busy: threading.Thread, until: float) -> list[tuple[int, float]]:
    """POST /clean every 0.25 s while the tricklers are mid-body: (status, seconds) of each."""
    body = json.dumps({"html": ARTICLE, "url": URL}).encode()
    timings = []
    while busy.is_alive() and time.monotonic() < until:
        started = time.monotonic()
        status = call(port, "POST", "/clean", body, {"Content-Type": "application/json"}).status
        timings.append((status, time.monotonic() - started))
        time.sleep(0.25)
    return timings


def test_300_trickling_clients_do_not_hold_up_ordinary_requests(proxy: Proxy):
    """300 clients send their bodies a byte at a time for 20 s through nginx; meanwhile ordinary requests are
    answered promptly, and every trickled request is answered once complete (0 errors)."""
    results: list = []
    tricklers = threading.Thread(target=_trickle_all, args=(proxy.port, SLOW_CLIENTS, TRICKLE_SECONDS, results))
    began = time.monotonic()
    tricklers.start()
    time.sleep(1.5)  # every trickler is connected and mid-body
    timings = _ordinary_requests_while(proxy.port, tricklers, until=began + TRICKLE_SECONDS)
    tricklers.join(timeout=TRICKLE_SECONDS + 90)
    assert not tricklers.is_alive()
    latencies = [seconds for _, seconds in timings]
    waits = [result[1] for result in results if isinstance(result, tuple)]
    print(
        f"\n{len(timings)} ordinary requests during the trickle: median {statistics.median(latencies) * 1000:.0f} ms,"
        f" max {max(latencies) * 1000:.0f} ms; {SLOW_CLIENTS} trickled requests answered at most"
        f" {max(waits, default=0) * 1000:.0f} ms after their last byte"
    )
    assert len(timings) >= 40, timings
    assert [status for status, _ in timings] == [200] * len(timings)
    assert max(latencies) < 1.0, latencies
    errors = [result for result in results if not (isinstance(result, tuple) and result[0] == "HTTP/1.1 200 OK")]
    assert len(results) == SLOW_CLIENTS and errors == [], errors[:5]


def test_without_the_proxy_the_same_trickle_stalls_the_service(service: tuple[Server, Path]):
    """The control: a sixth of the clients for a quarter of the time, straight to gunicorn, hold every worker
    thread and connection slot, and an ordinary request waits for them (the weakness the proxy answers)."""
    server, _ = service
    results: list = []
    tricklers = threading.Thread(target=_trickle_all, args=(server.port, 50, 5.0, results))
    tricklers.start()
    time.sleep(1.5)
    body = json.dumps({"html": ARTICLE, "url": URL}).encode()
    started = time.monotonic()
    status = call(server.port, "POST", "/clean", body, {"Content-Type": "application/json"}).status
    waited = time.monotonic() - started
    tricklers.join(timeout=60)
    print(f"\nan ordinary request straight to gunicorn behind 50 trickling clients waited {waited:.1f} s")
    assert status == 200
    assert waited > 2.0, f"gunicorn alone is no longer stalled by slow clients ({waited:.2f} s): update docs/deploy.md"
