"""Each request's id, its one log line and its metrics: hooks the app registers around every request.

begin_request runs first: it starts the clock and takes the caller's X-Request-ID when it is sane (else makes
one). The error handlers note the error code, the observed runner the page's stage times; finish_request runs
last, echoes the id, records the metrics (server/web/metrics.py) and writes the line (server/logs.py formats it).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import time
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flask import Response, g, has_request_context, request
from werkzeug.middleware.proxy_fix import ProxyFix

from ..pipeline import CleanResult, Options
from ..watchdog import InProcess, Watchdog
from . import metrics

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
# A caller's id is kept when it is short and made of characters no log or header can misread (deploy/nginx keeps
# the same ids: tests/test_deploy.py holds its copy to this one).
REQUEST_ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,127}"
_REQUEST_ID_RE = re.compile(REQUEST_ID_PATTERN)


def request_id(given: str | None) -> str:
    """The caller's id when it is sane, else a new random one."""
    if given and _REQUEST_ID_RE.fullmatch(given):
        return given
    return uuid.uuid4().hex


class TrustedProxies:
    """WSGI middleware: a request that comes from a trusted proxy gets the client address and scheme that proxy
    names (werkzeug's ProxyFix, one hop: the last X-Forwarded-For entry, the one the proxy added); anyone else's
    X-Forwarded-* headers are ignored. A chain of proxies is resolved by the one next to the service (nginx's
    real_ip module), which then names the client it found."""

    def __init__(self, app: WSGIApplication, trusted: Iterable[str]) -> None:
        self.app = app
        self.proxied = ProxyFix(app, x_for=1, x_proto=1)
        trusted = tuple(trusted)
        self.any_peer = "*" in trusted
        self.networks = tuple(ipaddress.ip_network(item, strict=False) for item in trusted if item != "*")

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        peer = environ.get("REMOTE_ADDR")
        return (self.proxied if self.trusts(peer) else self.app)(environ, start_response)

    def trusts(self, peer: str | None) -> bool:
        if self.any_peer:
            return True
        try:
            address = ipaddress.ip_address(peer or "")
        except ValueError:  # a Unix socket's peer has no address: nothing to trust it by
            return False
        if address.version == 6 and address.ipv4_mapped is not None:  # a dual-stack listener's IPv4 peer
            address = address.ipv4_mapped
        return any(address in network for network in self.networks)


def begin_request() -> None:
    g.request_started = time.perf_counter()
    g.request_id = request_id(request.headers.get(REQUEST_ID_HEADER))


def note_error(code: str) -> None:
    """The error code the request is answered with (called by the app's error handlers)."""
    g.error_code = code


def finish_request(response: Response) -> Response:
    started = g.get("request_started")
    seconds = time.perf_counter() - started if started is not None else 0.0
    ident = g.get("request_id") or request_id(None)
    response.headers[REQUEST_ID_HEADER] = ident
    method = metrics.method_label(request.method)
    route = metrics.route_label(request.url_rule.rule if request.url_rule is not None else None)
    error_code = g.get("error_code")
    metrics.observe_request(method, route, response.status_code, seconds, error_code)
    if log.isEnabledFor(logging.INFO):  # LOG_LEVEL=warning: no line, and nothing built for it
        fields = {
            "request_id": ident,
            "method": method,
            "route": route,
            "status": response.status_code,
            "bytes": response.calculate_content_length(),
            "duration_ms": round(seconds * 1000, 2),
            "stages_ms": g.get("timings_ms"),
            "error": error_code,
            # The connection's peer, or the client a trusted proxy names (DECLUTTER_TRUSTED_PROXIES).
            "client": request.remote_addr,
        }
        log.info("request", extra={"fields": fields})
    return response


class ObservedRunner:
    """The pipeline runner, observed: each page it cleans feeds the stage and removal metrics and the request's
    log line, from the result (the pipeline itself may run in a watchdog process)."""

    def __init__(self, runner: InProcess | Watchdog) -> None:
        self.runner = runner
        if isinstance(runner, Watchdog):
            runner.on_child_killed = metrics.observe_watchdog_kill

    def clean(self, page: str | bytes, url: str | None, options: Options) -> CleanResult:
        result = self.runner.clean(page, url, options)
        metrics.observe_clean(result.timings_ms, result.removed)
        if has_request_context():
            g.timings_ms = {stage: ms for stage, ms in result.timings_ms.items() if stage != "total"}
        return result

    def attributions(self, text: str) -> list[dict]:
        return self.runner.attributions(text)

    def warm(self, count: int | None = None) -> None:
        self.runner.warm(count)

    def close(self) -> None:
        self.runner.close()
