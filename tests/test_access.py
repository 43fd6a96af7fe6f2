"""Access: the optional API token, CORS (off by default, per-origin when configured), the Origin and Host checks
that keep web pages off a local service, and no fetching."""

from __future__ import annotations

import http.server
import logging
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from flask import request
from flask.testing import FlaskClient

from server.config import Settings
from server.web.app import create_app

TOKEN = "s3cret-token-for-tests"
ALLOWED = "https://reader.example"
PARAGRAPH = "<p>" + "The council approved the new budget for the city schools and roads on Tuesday. " * 4 + "</p>"
ARTICLE = f"<html><head><title>Budget</title></head><body><article>{PARAGRAPH * 5}</article></body></html>"
BODY = {"html": ARTICLE, "url": "https://news.example.com/budget"}


def client_for(**settings) -> FlaskClient:
    return create_app({"SETTINGS": Settings(**settings)}).test_client()


# --- token -------------------------------------------------------------------------------------------


def test_without_a_configured_token_requests_need_none():
    assert client_for().post("/clean", json=BODY).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {TOKEN}"},
        {"X-Declutter-Token": ""},
        {"Authorization": "Bearer " + TOKEN[:-1]},
        {"Authorization": f"Bearer {TOKEN}x"},
    ],
    ids=["none", "wrong", "basic-scheme", "empty-header", "prefix", "longer"],
)
def test_with_a_token_requests_without_it_get_401_json(headers: dict):
    response = client_for(token=TOKEN).post("/clean", json=BODY, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": f"Bearer {TOKEN}"}, {"Authorization": f"bearer  {TOKEN}"}, {"X-Declutter-Token": TOKEN}],
)
def test_with_a_token_requests_carrying_it_succeed(headers: dict):
    response = client_for(token=TOKEN).post("/clean", json=BODY, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["title"] == "Budget"


@pytest.mark.parametrize("method, path", [("post", "/clean"), ("get", "/rules"), ("post", "/attributions")])
def test_the_token_guards_every_api_route(method: str, path: str):
    client = client_for(token=TOKEN)
    assert getattr(client, method)(path, json={"text": "x"}).status_code == 401
    assert getattr(client, method)(
        path, json={"text": "He said so."}, headers={"Authorization": f"Bearer {TOKEN}"}
    ).status_code in (200, 400)


def test_healthz_and_the_index_stay_open():
    client = client_for(token=TOKEN)
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 200


def test_the_token_is_checked_before_the_body_is_read():
    """An unauthenticated caller cannot make the service parse anything."""
    response = client_for(token=TOKEN).post(
        "/clean", data=b"x" * 100, content_type="text/html", headers={"Content-Length": str(10**12)}
    )
    assert response.status_code == 401


def test_the_token_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DECLUTTER_TOKEN", TOKEN)
    monkeypatch.setenv("DECLUTTER_CORS_ORIGINS", f" {ALLOWED} , https://other.example ")
    settings = Settings.from_env()
    assert settings.token == TOKEN
    assert settings.cors_origins == (ALLOWED, "https://other.example")


# --- CORS --------------------------------------------------------------------------------------------

PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, authorization"}


def test_no_cors_by_default():
    client = client_for()
    response = client.post("/clean", json=BODY, headers={"Origin": ALLOWED})
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "origin_not_allowed"
    assert not any(h.lower().startswith("access-control-") for h, _ in response.headers.items())
    preflight = client.options("/clean", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert preflight.status_code == 204
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_an_allowed_origin_gets_cors_headers():
    client = client_for(cors_origins=(ALLOWED,), token=TOKEN)
    response = client.post("/clean", json=BODY, headers={"Origin": ALLOWED, "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "Origin" in response.headers["Vary"]
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert response.headers["Access-Control-Expose-Headers"] == "X-Request-ID"  # readable by the caller's script


def test_the_preflight_for_an_allowed_origin_succeeds_without_the_token():
    """Browsers never send credentials on a preflight: it must not need the token."""
    preflight = client_for(cors_origins=(ALLOWED,), token=TOKEN).options(
        "/clean", headers={"Origin": ALLOWED, **PREFLIGHT}
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    allowed_headers = preflight.headers["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed_headers and "authorization" in allowed_headers
    assert "x-request-id" in allowed_headers
    assert int(preflight.headers["Access-Control-Max-Age"]) > 0
    assert preflight.get_data() == b""


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "https://reader.example.evil.com",
        "null",
        "http://reader.example",
        "https://READER.example",
    ],
)
def test_other_origins_are_refused_with_no_cors_headers(origin: str):
    client = client_for(cors_origins=(ALLOWED,))
    response = client.post("/clean", json=BODY, headers={"Origin": origin})
    assert response.status_code == 403 and origin in response.get_json()["error"]["message"]
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Origin" in response.headers["Vary"]
    preflight = client.options("/clean", headers={"Origin": origin, **PREFLIGHT})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_errors_carry_cors_headers_for_an_allowed_origin():
    """A browser client can read why a request failed."""
    response = client_for(cors_origins=(ALLOWED,), token=TOKEN).post("/clean", json=BODY, headers={"Origin": ALLOWED})
    assert response.status_code == 401
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED


# --- cross-site requests and DNS rebinding -----------------------------------------------------------


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost",  # the index page's own form (the test client's Host is localhost)
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        "moz-extension://0b5f6f3c-8a77-4b0e-9d2e-3f4b5c6d7e8f",
    ],
)
def test_the_service_itself_and_extensions_may_post(origin: str):
    response = client_for().post("/clean", json=BODY, headers={"Origin": origin})
    assert response.status_code == 200, response.get_data(as_text=True)


def test_no_origin_header_means_no_browser_page_and_is_served():
    assert client_for().post("/clean", json=BODY).status_code == 200


def test_a_cross_site_page_cannot_make_the_service_work():
    """What a page on any site can send to a service on 127.0.0.1 without a preflight: a form (refused as a
    type) or a simple request with its Origin (refused as an origin), both before the body is read."""
    client = client_for()
    form = client.post("/clean", data=BODY, headers={"Origin": "https://evil.example"})
    assert form.status_code == 403
    plain = client.post("/attributions", data=b'{"text": "x"}', content_type="text/plain")
    assert plain.status_code == 415
    for path in ("/clean", "/attributions"):
        assert client.post(path, json=BODY, headers={"Origin": "https://evil.example"}).status_code == 403


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::2]:8000"])
def test_other_host_names_are_refused(host: str):
    """DNS rebinding: a page whose name now points at 127.0.0.1 sends its own name as Host."""
    client = client_for()
    for response in (
        client.get("/", headers={"Host": host}),
        client.get("/rules", headers={"Host": host}),
        client.get("/openapi.json", headers={"Host": host}),
        client.post("/clean", json=BODY, headers={"Host": host}),
        client.post("/attributions", json={"text": "x"}, headers={"Host": host}),
        client.get("/nope", headers={"Host": host}),
        client.get("/healthz/", headers={"Host": host}),  # not the health route: the check applies
        client.post("/healthz", headers={"Host": host}),
    ):
        assert response.status_code == 400 and response.get_json()["error"]["code"] == "host_not_allowed"


@pytest.mark.parametrize("host", ["10.1.2.3:8000", "10.1.2.3", "[fd00::7]:8000", "evil.example", "localhost"])
def test_health_and_metrics_answer_whatever_the_host(host: str):
    """Kubernetes probes and Prometheus' pod discovery name the pod by its address; neither route serves a page.
    /metrics answers any Host only behind the token: without one, a rebinding page could read it."""
    client = client_for(allowed_hosts=("reader.example",))
    health = client.get("/healthz", headers={"Host": host})
    assert health.status_code == 200 and health.get_json()["status"] == "ok"
    assert client.get("/metrics", headers={"Host": host}).get_json()["error"]["code"] == "host_not_allowed"
    assert client.get("/metrics", headers={"Host": "reader.example"}).status_code == 200
    assert client.post("/clean", json=BODY, headers={"Host": host}).get_json()["error"]["code"] == "host_not_allowed"
    guarded = client_for(allowed_hosts=("reader.example",), token=TOKEN)
    assert guarded.get("/healthz", headers={"Host": host}).status_code == 200
    assert guarded.get("/metrics", headers={"Host": host}).status_code == 401
    assert guarded.get("/metrics", headers={"Host": host, "X-Declutter-Token": TOKEN}).status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000"])
def test_the_default_host_names_are_served(host: str):
    assert client_for().get("/rules", headers={"Host": host}).status_code == 200


def test_allowed_hosts_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DECLUTTER_ALLOWED_HOSTS", " Reader.Example , declutter.internal ")
    settings = Settings.from_env()
    assert settings.allowed_hosts == ("reader.example", "declutter.internal")
    client = create_app({"SETTINGS": settings}).test_client()
    assert client.get("/rules", headers={"Host": "reader.example:443"}).status_code == 200
    assert client.get("/rules", headers={"Host": "localhost"}).status_code == 400
    assert client_for(allowed_hosts=("*",)).get("/rules", headers={"Host": "any.example"}).status_code == 200


# --- the client's address behind a proxy (DECLUTTER_TRUSTED_PROXIES) -----------------------------------


def _logged_client(caplog, client: FlaskClient, peer: str, headers: dict[str, str]) -> str:
    """The client address the request's log line names, for a request from `peer` with these headers."""
    caplog.clear()
    answer = client.get("/healthz", headers=headers, environ_base={"REMOTE_ADDR": peer})
    assert answer.status_code == 200
    (record,) = [record for record in caplog.records if record.name == "server.web.access"]
    return record.fields["client"]


SPOOFED = {"X-Forwarded-For": "203.0.113.66", "X-Forwarded-Proto": "https"}


def test_without_trusted_proxies_a_forwarded_for_header_is_ignored(caplog):
    caplog.set_level(logging.INFO, logger="server.web.access")
    client = client_for()
    assert _logged_client(caplog, client, "198.51.100.7", SPOOFED) == "198.51.100.7"
    assert _logged_client(caplog, client, "127.0.0.1", SPOOFED) == "127.0.0.1"  # not even from loopback
    assert _logged_client(caplog, client, "198.51.100.7", {}) == "198.51.100.7"


def test_a_trusted_proxy_names_the_client_and_no_one_else_can(caplog):
    caplog.set_level(logging.INFO, logger="server.web.access")
    client = client_for(trusted_proxies=("10.0.0.0/8", "::1"))
    # The last entry is the one the proxy added; what the client sent before it is ignored.
    chain = {"X-Forwarded-For": "203.0.113.66, 192.0.2.44"}
    assert _logged_client(caplog, client, "10.1.2.3", chain) == "192.0.2.44"
    assert _logged_client(caplog, client, "::1", SPOOFED) == "203.0.113.66"
    assert _logged_client(caplog, client, "::ffff:10.0.0.9", SPOOFED) == "203.0.113.66"  # dual-stack listener
    assert _logged_client(caplog, client, "10.1.2.3", {}) == "10.1.2.3"  # no header: the proxy itself
    for stranger in ("198.51.100.7", "11.0.0.1", "127.0.0.1", "::2"):
        assert _logged_client(caplog, client, stranger, SPOOFED) == stranger
    assert _logged_client(caplog, client_for(trusted_proxies=("*",)), "198.51.100.7", chain) == "192.0.2.44"


def test_a_trusted_proxy_names_the_scheme_too():
    client = client_for(trusted_proxies=("10.0.0.0/8",))
    seen = {}

    @client.application.before_request
    def note_scheme() -> None:
        seen["scheme"] = request.scheme

    client.get("/healthz", headers=SPOOFED, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert seen["scheme"] == "https"
    client.get("/healthz", headers=SPOOFED, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert seen["scheme"] == "http"


def test_trusted_proxies_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DECLUTTER_TRUSTED_PROXIES", " 127.0.0.1 , 10.0.0.0/8,fd00::/8, 192.168.1.7/24 ")
    assert Settings.from_env().trusted_proxies == ("127.0.0.1/32", "10.0.0.0/8", "fd00::/8", "192.168.1.0/24")
    monkeypatch.delenv("DECLUTTER_TRUSTED_PROXIES")
    assert Settings.from_env().trusted_proxies == ()
    for bad in ("nginx", "10.0.0.0/33", "1", "127.0.0.1 10.0.0.1"):
        monkeypatch.setenv("DECLUTTER_TRUSTED_PROXIES", bad)
        with pytest.raises(ValueError, match="DECLUTTER_TRUSTED_PROXIES"):
            Settings.from_env()


# --- no fetching (SSRF) ------------------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body><p>fetched</p></body></html>")

    do_POST = do_HEAD = do_GET

    def log_message(self, format: str, *args) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_service_never_fetches_the_url_or_anything_in_the_page(recorder: str):
    page = (
        f'<!DOCTYPE html SYSTEM "{recorder}/dtd"><html><head><title>Budget</title>'
        f'<link rel="stylesheet" href="{recorder}/css"><script src="{recorder}/js"></script>'
        f'<meta property="og:image" content="{recorder}/og.png"><base href="{recorder}/base/">'
        f'<meta http-equiv="refresh" content="0; url={recorder}/refresh"></head><body><article>'
        f'<img src="{recorder}/img.png" srcset="{recorder}/2x.png 2x"><iframe src="{recorder}/frame"></iframe>'
        f'<object data="{recorder}/obj"></object><img data-src="{recorder}/lazy.png">'
        f'<p style="background:url({recorder}/bg.png)">x</p>{PARAGRAPH * 5}</article></body></html>'
    )
    client = client_for()
    for body in ({"html": page, "url": f"{recorder}/article"}, {"html": page, "url": recorder}):
        assert client.post("/clean", json=body).status_code == 200
        assert client.post("/clean?format=html", json=body).status_code == 200
    assert client.post(f"/clean?url={recorder}/raw", data=page.encode(), content_type="text/html").status_code == 200
    # An article with no text at the address given must not make the service go and get it.
    assert client.post("/clean", json={"html": "<p>tiny</p>", "url": f"{recorder}/full"}).status_code == 422
    assert _Recorder.requests == []


def test_the_recorder_does_record(recorder: str):
    """Control: the recorder sees a request when one is made."""
    import urllib.request

    urllib.request.urlopen(f"{recorder}/probe", timeout=5).read()
    assert _Recorder.requests == ["/probe"]
