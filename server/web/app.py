"""The HTTP layer: parse requests, call the pipeline, shape responses. No article logic lives here."""

from __future__ import annotations

import dataclasses
import hmac
import json
import logging
import zlib
from collections.abc import Mapping
from typing import IO, Any
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from .. import __version__
from ..config import Settings
from ..decode import decode_labelled
from ..errors import (
    BadRequest,
    DeclutterError,
    HostNotAllowed,
    OriginNotAllowed,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
    error_body,
)
from ..pipeline import Options
from ..rules.draft import read_draft_rules
from ..rules.ruleset import Rule, RuleSet, load_rules
from ..watchdog import pipeline_runner
from . import access, metrics
from .openapi import build_document, http_error_code
from .render import (
    RESPONSE_FORMATS,
    content_security_policy,
    index_content_security_policy,
    render_index,
    render_markdown,
    render_page,
)

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_OPEN_PATHS = ("/", "/healthz", "/openapi.json")
# Health answers whatever the Host: probes name the pod by its address, and it serves no page content. /metrics does
# too when the token guards it (scrapers use the address); without a token a rebinding page could read it.
_ANY_HOST_ROUTE = "/healthz"
_ANY_HOST_WITH_TOKEN_ROUTE = "/metrics"
# Browser extensions call the service from their own origin; no web page can send these.
_EXTENSION_SCHEMES = ("chrome-extension", "moz-extension", "safari-web-extension")
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# zlib's window bits for the gzip container only (16 + 15), and how much of a gzip body is read at a time.
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_GZIP_CHUNK = 64 * 1024


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Flask app factory; test_config may carry a SETTINGS (Settings), RULES (RuleSet) or RUNNER (what runs the
    pipeline: a Watchdog or InProcess) override."""
    app = Flask(__name__)
    app.json.sort_keys = False
    settings: Settings = (test_config or {}).get("SETTINGS") or Settings.from_env()
    rules: RuleSet = (test_config or {}).get("RULES") or load_rules(settings.rules_dir)
    app.config.update(MAX_CONTENT_LENGTH=settings.max_body_bytes, DECLUTTER_SETTINGS=settings, DECLUTTER_RULES=rules)
    runner = access.ObservedRunner((test_config or {}).get("RUNNER") or pipeline_runner(rules, settings))
    metrics.set_rule_files(len(rules.files))
    app.extensions["declutter.runner"] = runner  # gunicorn_conf warms its processes in each worker
    app.register_error_handler(DeclutterError, _declutter_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    # First in, last out: the request's id and clock before any check, its log line after every other hook.
    app.before_request(access.begin_request)
    app.after_request(access.finish_request)
    app.before_request(_check_host)
    app.before_request(_preflight)
    app.before_request(_check_origin)
    app.before_request(_check_token)
    app.after_request(_cors_headers)
    if settings.trusted_proxies:
        app.wsgi_app = access.TrustedProxies(app.wsgi_app, settings.trusted_proxies)

    @app.get("/")
    def index() -> Response:
        return _html_response(render_index(), index_content_security_policy())

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok", version=__version__, rule_files=len(rules.files))

    @app.get("/openapi.json")
    def openapi() -> Response:
        return jsonify(build_document(settings))

    @app.get("/metrics")
    def prometheus_metrics() -> Response:
        return Response(metrics.exposition(), content_type=metrics.CONTENT_TYPE)

    @app.get("/rules")
    def list_rules() -> Response:
        return jsonify(rules=[_rule_summary(rule) for rule in rules.files])

    @app.post("/clean")
    def clean_page() -> Response:
        answer_format = _response_format()  # before the work: a bad ?format= costs no cleaning
        page, url, options = _read_clean_request(settings)
        result = runner.clean(page, url, options)
        if answer_format == "html":
            response = _html_response(render_page(result))
        elif answer_format == "markdown":
            response = Response(render_markdown(result), mimetype=RESPONSE_FORMATS["markdown"])
            response.headers["X-Content-Type-Options"] = "nosniff"
        else:
            response = jsonify(result.to_dict())
        response.vary.add("Accept")  # caches keep one answer per Accept header
        return response

    @app.post("/attributions")
    def attributions() -> Response:
        if request.mimetype != "application/json":
            mimetype = request.mimetype or "(none)"
            raise UnsupportedMediaType(f"unsupported content type {mimetype}: send application/json")
        payload = _json_object(_read_body(settings))
        text = payload.get("text")
        if not isinstance(text, str):
            raise BadRequest("text must be a string")
        return jsonify(attributions=runner.attributions(text))

    return app


def _rule_summary(rule: Rule) -> dict:
    return {
        "path": rule.path,
        "name": rule.name,
        "domains": list(rule.domains),
        "generic": rule.is_generic,
        "categories": rule.categories,
        "strip_selectors": sum(len(group.selectors) for group in rule.strip),
    }


def _read_body(settings: Settings) -> bytes:
    """The request body, decoded from its Content-Encoding, refusing before reading when it announces more than
    the limit; the limit holds for the bytes sent and, for a gzip body, for the bytes it inflates to."""
    gzipped = _gzip_encoded()
    if request.content_length is not None and request.content_length > settings.max_body_bytes:
        raise PayloadTooLarge(f"the body is {request.content_length} bytes; the limit is {settings.max_body_bytes}")
    # A chunked body has no length: when the server ends it (wsgi.input_terminated), werkzeug's stream would stop
    # quietly at the limit and hand over a truncated page, so read one byte past the limit from the server's own.
    terminated = request.environ.get("wsgi.input_terminated")
    stream = request.environ["wsgi.input"] if terminated and request.content_length is None else request.stream
    if gzipped:
        return _gunzip(stream, settings.max_body_bytes)
    body = stream.read(settings.max_body_bytes + 1)
    if len(body) > settings.max_body_bytes:
        raise PayloadTooLarge(f"the body is over the limit of {settings.max_body_bytes} bytes")
    return body


def _gzip_encoded() -> bool:
    """Whether the body is gzip-compressed (Content-Encoding: gzip); identity is the other coding taken."""
    header = request.headers.get("Content-Encoding", "")
    codings = [c.strip().lower() for c in header.split(",") if c.strip() and c.strip().lower() != "identity"]
    if not codings:
        return False
    if codings in (["gzip"], ["x-gzip"]):
        return True
    raise UnsupportedMediaType(f"unsupported Content-Encoding {header.strip()!r}: send the body as it is or gzip")


def _gunzip(stream: IO[bytes], limit: int) -> bytes:
    """Inflate a gzip body as it arrives, never producing more than limit + 1 bytes (a bomb stops there), nor
    reading more than limit + 1 compressed bytes."""
    inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
    body = bytearray()
    received = 0
    while chunk := stream.read(_GZIP_CHUNK):
        received += len(chunk)
        if received > limit:
            raise PayloadTooLarge(f"the compressed body is over the limit of {limit} bytes")
        pending = chunk
        while pending:
            try:
                # The room left, plus one byte to tell "at the limit" from "over it".
                body += inflater.decompress(pending, limit + 1 - len(body))
            except zlib.error as exc:
                raise BadRequest(f"the body is not valid gzip (Content-Encoding: gzip): {exc}") from exc
            if len(body) > limit:
                raise PayloadTooLarge(f"the body inflates to more than the limit of {limit} bytes")
            pending = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data:
                # RFC 1952: a gzip file may hold several members, one after the other.
                pending = inflater.unused_data
                inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
    if not inflater.eof:
        raise BadRequest("the gzip body is cut short (truncated) or empty")
    return bytes(body)


def _read_clean_request(settings: Settings) -> tuple[str | bytes, str, Options]:
    mimetype = request.mimetype
    if mimetype == "application/json":
        payload = _json_object(_read_body(settings))
        unknown = sorted(set(payload) - {"html", "url", "options", "draft_rules"})
        if unknown:
            raise BadRequest(f"unknown field(s): {', '.join(unknown)}; expected html, url, options, draft_rules")
        page, url, options = payload.get("html"), payload.get("url"), payload.get("options")
        if not isinstance(page, str):
            raise BadRequest("html must be a string holding the page's HTML")
        # The cheap checks here; the schema and the selectors where the page is cleaned, under the time cap.
        drafts = read_draft_rules(payload["draft_rules"]) if "draft_rules" in payload else ()
    elif mimetype in _HTML_TYPES:
        body = _read_body(settings)
        charset = request.mimetype_params.get("charset")
        page = _decode_declared(body, charset) if charset else body
        url, options, drafts = request.args.get("url"), None, ()
    else:
        # Not the form types either: a web page can send those cross-site without a CORS preflight.
        raise UnsupportedMediaType(
            f"unsupported content type {mimetype or '(none)'}: send application/json or text/html"
        )
    if not isinstance(url, str) or not url.strip():
        raise BadRequest("url is required: the page's http(s) address (it is never fetched)")
    return page, url.strip(), dataclasses.replace(Options.from_mapping(options), draft_rules=drafts)


def _decode_declared(body: bytes, charset: str) -> str | bytes:
    """The body in the Content-Type's charset when it is an Encoding Standard label; else (an unknown label,
    Python's own codec names included, or a byte-order mark, which wins) the bytes, for the pipeline to sniff."""
    text = decode_labelled(body, charset)
    return body if text is None else text


def _json_object(body: bytes) -> dict:
    if not body.strip():
        raise BadRequest("the body is empty: send a JSON object")
    try:
        payload = json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}") from exc
    if not isinstance(payload, dict):
        raise BadRequest("the body must be a JSON object")
    return payload


def _refuse_constant(name: str) -> None:
    """NaN and Infinity are not JSON (Python reads them): a NaN limit would pass every comparison unseen."""
    raise ValueError(f"{name} is not a JSON value")


def _response_format() -> str:
    """json, html or markdown: ?format= when given, else the Accept header's preference (quality, then
    specificity); JSON when the client ranks several equally, accepts none, or sends no Accept."""
    requested = request.args.get("format")
    if requested is not None:
        if requested not in RESPONSE_FORMATS:
            raise BadRequest(f"format must be one of {', '.join(RESPONSE_FORMATS)}, not {requested[:40]!r}")
        return requested
    # best_match takes the first of equally good matches: RESPONSE_FORMATS lists JSON first.
    best = request.accept_mimetypes.best_match(list(RESPONSE_FORMATS.values()), default=RESPONSE_FORMATS["json"])
    return next(name for name, media_type in RESPONSE_FORMATS.items() if media_type == best)


def _html_response(body: str, policy: str | None = None) -> Response:
    response = Response(body, mimetype="text/html")
    response.headers["Content-Security-Policy"] = policy or content_security_policy()
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _check_host() -> None:
    """Only the configured names reach the service: a DNS-rebinding page sends its own name as Host."""
    settings: Settings = current_app.config["DECLUTTER_SETTINGS"]
    route = request.url_rule.rule if request.url_rule is not None else None
    if "*" in settings.allowed_hosts or route == _ANY_HOST_ROUTE:
        return
    if route == _ANY_HOST_WITH_TOKEN_ROUTE and settings.token:  # as _check_token reads it: "" is no token
        return
    host = request.host.lower()
    name = host[1 : host.find("]")] if host.startswith("[") else host.rsplit(":", 1)[0]
    if name not in settings.allowed_hosts:
        raise HostNotAllowed(
            f"the Host header names {request.host!r}, which this service does not serve; "
            "add it to DECLUTTER_ALLOWED_HOSTS to allow it"
        )


def _check_origin() -> None:
    """A request made by a web page carries its Origin: only our own, an extension's or a configured one may
    make the service work (a form on any site would otherwise reach a service on 127.0.0.1)."""
    origin = request.headers.get("Origin")
    if origin is None or request.method in _SAFE_METHODS:
        return
    settings: Settings = current_app.config["DECLUTTER_SETTINGS"]
    parts = urlsplit(origin)
    # Same site: the Host check already bounds which names reach us; a proxy may end TLS, so schemes may differ.
    if origin in settings.cors_origins or parts.scheme in _EXTENSION_SCHEMES or parts.netloc == request.host:
        return
    raise OriginNotAllowed(f"requests from the origin {origin!r} are not allowed; list it in DECLUTTER_CORS_ORIGINS")


def _check_token() -> Response | None:
    settings: Settings = current_app.config["DECLUTTER_SETTINGS"]
    if not settings.token or request.path in _OPEN_PATHS or request.method == "OPTIONS":
        return None
    header = request.headers.get("Authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else request.headers.get("X-Declutter-Token", "")
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise Unauthorized("a valid API token is required (Authorization: Bearer <token>)")
    return None


def _preflight() -> Response | None:
    """Answer a CORS preflight (OPTIONS with Access-Control-Request-Method) itself: 204, no token needed,
    CORS headers only for an allowed origin (added by _cors_headers)."""
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        return Response(status=204)
    return None


def _cors_headers(response: Response) -> Response:
    settings: Settings = current_app.config["DECLUTTER_SETTINGS"]
    origin = request.headers.get("Origin")
    if settings.cors_origins:
        # The answer depends on the Origin header: caches must not hand one origin's answer to another.
        response.vary.add("Origin")
    if origin and origin in settings.cors_origins:
        response.headers["Access-Control-Allow-Origin"] = origin
        allowed = "Content-Type, Content-Encoding, Authorization, X-Declutter-Token, X-Request-ID"
        response.headers["Access-Control-Allow-Headers"] = allowed
        response.headers["Access-Control-Expose-Headers"] = "X-Request-ID"  # a caller can quote it in a report
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Max-Age"] = "600"
    return response


def _declutter_error(error: DeclutterError) -> tuple[Response, int]:
    access.note_error(error.code)
    log.debug("%s %s -> %d %s: %s", request.method, request.path, error.status, error.code, error.message)
    response = jsonify(error.to_dict())
    if isinstance(error, Unauthorized):
        response.headers["WWW-Authenticate"] = 'Bearer realm="declutter"'  # RFC 9110: a 401 names its scheme
    return response, error.status


def _http_error(error: HTTPException) -> tuple[Response, int]:
    status = error.code or 500
    access.note_error(http_error_code(status))
    response = jsonify(error_body(http_error_code(status), error.description or error.name))
    # Keep werkzeug's own headers (a 405's Allow, which RFC 9110 requires), not its HTML Content-Type.
    response.headers.extend((name, value) for name, value in error.get_headers() if name.lower() != "content-type")
    return response, status


def _unexpected_error(error: Exception) -> tuple[Response, int]:
    log.exception("unexpected error on %s %s", request.method, request.path)
    access.note_error("internal_error")
    return jsonify(error_body("internal_error", "the page could not be processed")), 500
