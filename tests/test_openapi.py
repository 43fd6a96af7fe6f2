"""The OpenAPI document at GET /openapi.json: valid OpenAPI 3.1, true to the code it is built from, and true to the
app's real answers (the suite's typical requests, then schemathesis against the live app)."""

from __future__ import annotations

import dataclasses
import importlib
import io
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import server
from server.attributions import Attribution
from server.config import Settings
from server.errors import DeclutterError
from server.pipeline import CleanResult, Options
from server.rules.declutter import Removal
from server.web.app import create_app
from server.web.openapi import NOT_SERVED, build_document
from tests.conftest import article_page

README = Path(__file__).resolve().parent.parent / "README.md"
URL = "https://news.example.co.uk/2026/budget"
TOKEN = "s3cret-token"
QUOTE = "<p>“We will fix every road,” the mayor said on Monday.</p>"
SIGNUP = (
    "<div id='mc_embed_signup'><form action='https://x.us1.list-manage.com/subscribe/post'>"
    "<input type='email' name='EMAIL'><div class='indicates-required'>* indicates required</div></form></div>"
)


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def assert_documented(document: dict, method: str, path: str, response) -> None:
    """The response's status is listed for the operation (or, for a path or method the app lacks, among the
    routing errors) and its body and headers fit what the document says of it."""
    status = str(response.status_code)
    operation = document["paths"].get(path, {}).get(method.lower())
    if operation is None:
        name = {"404": "NotFound", "405": "MethodNotAllowed"}[status]
        where = ("components", "responses", name)
    else:
        assert status in operation["responses"], f"{method} {path} answered {status}, which is not documented"
        where = ("paths", path, method.lower(), "responses", status)
    documented = operation["responses"][status] if operation else document["components"]["responses"][name]
    if "$ref" in documented:
        where = tuple(documented["$ref"].removeprefix("#/").split("/"))
        documented = document[where[0]][where[1]][where[2]]
    assert response.mimetype in documented["content"], f"{response.mimetype} is not documented for {status}"
    for header, spec in documented.get("headers", {}).items():
        assert not spec.get("required") or header in response.headers, f"{status} lacks the header {header}"
    body = response.get_json() if response.mimetype == "application/json" else response.get_data(as_text=True)
    schema = {**document, "$ref": _pointer(*where, "content", response.mimetype, "schema")}
    errors = sorted(Draft202012Validator(schema).iter_errors(body), key=str)
    assert not errors, f"{method} {path} {status}: " + "; ".join(e.message[:200] for e in errors[:3])


# --- the document itself


@pytest.mark.parametrize("token", [None, TOKEN])
def test_the_document_is_valid_openapi_3_1(token):
    document = build_document(Settings(token=token))
    assert document["openapi"].startswith("3.1.")
    OpenAPIV31SpecValidator(document).validate()


def test_it_is_served_without_the_token_and_linked_from_the_index():
    settings_ = Settings(token=TOKEN)
    client = create_app({"SETTINGS": settings_}).test_client()
    response = client.get("/openapi.json")
    assert response.status_code == 200 and response.get_json() == build_document(settings_)
    assert 'href="/openapi.json"' in client.get("/").get_data(as_text=True)
    document = response.get_json()
    assert document["security"] == [{"bearerToken": []}, {"tokenHeader": []}]
    assert all(document["paths"][path]["get"]["security"] == [] for path in ("/", "/healthz", "/openapi.json"))


def test_without_a_token_no_operation_asks_for_one():
    document = build_document(Settings())
    assert "security" not in document
    assert all("401" not in op["responses"] for item in document["paths"].values() for op in item.values())


# --- the document and the code: one source, no silent twin


def _names(cls: type) -> set[str]:
    return {field.name for field in dataclasses.fields(cls)}


def test_the_schemas_have_exactly_the_dataclasses_fields():
    schemas = build_document(Settings())["components"]["schemas"]
    for cls in (CleanResult, Attribution, Removal):
        assert set(schemas[cls.__name__]["properties"]) == _names(cls), cls.__name__
    assert set(schemas["Options"]["properties"]) == set(Options.switches())
    assert set(schemas["CleanRequest"]["properties"]) == {"html", "url", "options", "draft_rules"}


def _all_error_classes() -> set[type[DeclutterError]]:
    """Every DeclutterError subclass in the package, its modules all imported first (a new error in a module the
    document's builder does not import is found too)."""
    for module in pkgutil.walk_packages(server.__path__, "server."):
        importlib.import_module(module.name)
    found, queue = set(), [DeclutterError]
    while queue:
        cls = queue.pop()
        found.add(cls)
        queue += cls.__subclasses__()
    return found


def test_every_error_code_the_service_raises_is_documented_under_its_status():
    responses = build_document(Settings(token=TOKEN))["components"]["responses"]
    documented = {}
    for response in responses.values():
        code = response["content"]["application/json"]["schema"]["properties"]["error"]["properties"]["code"]
        for value in code.get("enum", [code.get("const")]):
            documented[value] = response
    served = _all_error_classes() - NOT_SERVED
    assert {cls.code for cls in served} | {"not_found", "method_not_allowed"} == set(documented)
    for cls in served:
        assert documented[cls.code] is responses[_status_name(responses, cls.status)], cls.__name__


def _status_name(responses: dict, status: int) -> str:
    document = build_document(Settings(token=TOKEN))
    for item in document["paths"].values():
        for operation in item.values():
            ref = operation["responses"].get(str(status), {}).get("$ref")
            if ref:
                return ref.rsplit("/", 1)[1]
    raise AssertionError(f"no operation answers {status}")


def test_the_readme_api_section_names_every_field_option_and_error_code():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The API") : text.index("\n## ", text.index("## The API") + 1)]
    names = _names(CleanResult) | _names(Options) | _names(Attribution) | _names(Removal)
    names |= {cls.code for cls in _all_error_classes() - NOT_SERVED}
    missing = sorted(name for name in names if not re.search(rf"`{name}\??`|\b{name}\b", section))
    assert not missing, f"README's API section does not name {missing}"
    assert "/openapi.json" in section


# --- the app's answers fit the document


class _Crashing:
    """A runner with a bug in it: the app must answer 500 internal_error, as documented."""

    def clean(self, *args):
        raise RuntimeError("a bug")

    def attributions(self, *args):
        raise RuntimeError("a bug")


def _app(**settings_):
    return create_app({"SETTINGS": Settings(**settings_)})


Call = Callable[[object], object]
CASES: list[tuple[str, dict, str, str, Call, int, str | None]] = [
    # (id, settings, method, path, request, status, error code)
    ("index", {}, "GET", "/", lambda c: c.get("/"), 200, None),
    ("healthz", {}, "GET", "/healthz", lambda c: c.get("/healthz"), 200, None),
    ("healthz-pod-ip", {}, "GET", "/healthz", lambda c: c.get("/healthz", headers={"Host": "10.1.2.3"}), 200, None),
    ("rules", {}, "GET", "/rules", lambda c: c.get("/rules"), 200, None),
    ("openapi", {}, "GET", "/openapi.json", lambda c: c.get("/openapi.json"), 200, None),
    (
        "clean-json",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": article_page(extra=SIGNUP + QUOTE), "url": URL}),
        200,
        None,
    ),
    (
        "clean-raw-html",
        {},
        "POST",
        "/clean",
        lambda c: c.post(f"/clean?url={URL}", data=article_page(), content_type="text/html; charset=utf-8"),
        200,
        None,
    ),
    (
        "clean-reading-page",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean?format=html", json={"html": article_page(extra=QUOTE), "url": URL}),
        200,
        None,
    ),
    (
        "clean-accept-html",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": article_page(), "url": URL}, headers={"Accept": "text/html"}),
        200,
        None,
    ),
    (
        "attributions",
        {},
        "POST",
        "/attributions",
        lambda c: c.post("/attributions", json={"text": "“We will fix every road,” Mayor Jane Doe said on Monday."}),
        200,
        None,
    ),
    (
        "bad-json",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean", data=b"{no", content_type="application/json"),
        400,
        "bad_request",
    ),
    (
        "bad-format",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean?format=xml", json={"html": "", "url": URL}),
        400,
        "bad_request",
    ),
    ("bad-text", {}, "POST", "/attributions", lambda c: c.post("/attributions", json={"text": 3}), 400, "bad_request"),
    (
        "not-html",
        {},
        "POST",
        "/clean",
        lambda c: c.post(f"/clean?url={URL}", data=b"%PDF-1.7 ...", content_type="text/html"),
        400,
        "not_html",
    ),
    (
        "other-host",
        {},
        "GET",
        "/rules",
        lambda c: c.get("/rules", headers={"Host": "evil.example"}),
        400,
        "host_not_allowed",
    ),
    (
        "other-host-post",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": "", "url": URL}, headers={"Host": "evil.example"}),
        400,
        "host_not_allowed",
    ),
    (
        "no-token",
        {"token": TOKEN},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": "", "url": URL}),
        401,
        "unauthorized",
    ),
    ("no-token-rules", {"token": TOKEN}, "GET", "/rules", lambda c: c.get("/rules"), 401, "unauthorized"),
    (
        "other-origin",
        {},
        "POST",
        "/attributions",
        lambda c: c.post("/attributions", json={"text": "x"}, headers={"Origin": "https://evil.example"}),
        403,
        "origin_not_allowed",
    ),
    ("no-route", {}, "GET", "/nope", lambda c: c.get("/nope"), 404, "not_found"),
    ("wrong-method", {}, "GET", "/clean", lambda c: c.get("/clean"), 405, "method_not_allowed"),
    (
        "too-large",
        {"max_body_bytes": 1000},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": "x" * 2000, "url": URL}),
        413,
        "payload_too_large",
    ),
    (
        "too-large-chunked",  # no Content-Length: the stream is cut one byte past the limit, not truncated
        {"max_body_bytes": 1000},
        "POST",
        "/clean",
        lambda c: c.post(
            f"/clean?url={URL}",
            input_stream=io.BytesIO(article_page(paragraphs=20).encode()),
            headers={"Content-Type": "text/html", "Transfer-Encoding": "chunked"},
            environ_overrides={"wsgi.input_terminated": True},
        ),
        413,
        "payload_too_large",
    ),
    (
        "form",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean", data={"html": "x", "url": URL}),
        415,
        "unsupported_media_type",
    ),
    (
        "text-plain",
        {},
        "POST",
        "/attributions",
        lambda c: c.post("/attributions", data="x", content_type="text/plain"),
        415,
        "unsupported_media_type",
    ),
    (
        "no-article",
        {},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": "<p>Too short.</p>", "url": URL}),
        422,
        "no_article",
    ),
    (
        "too-complex",
        {"max_elements": 50},
        "POST",
        "/clean",
        lambda c: c.post("/clean", json={"html": article_page(paragraphs=60), "url": URL}),
        422,
        "page_too_complex",
    ),
]


@pytest.mark.parametrize(
    ("settings_", "method", "path", "call", "status", "code"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_the_answers_fit_the_document(settings_, method, path, call, status, code):
    app = _app(**settings_)
    response = call(app.test_client())
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if code:
        assert response.get_json()["error"]["code"] == code
    assert_documented(build_document(app.config["DECLUTTER_SETTINGS"]), method, path, response)


def test_a_result_with_removals_and_attributions_uses_every_item_schema():
    client = _app().test_client()
    data = client.post("/clean", json={"html": article_page(extra=SIGNUP + QUOTE), "url": URL}).get_json()
    assert data["removed"] and data["attributions"]
    assert set(data) == _names(CleanResult)
    assert set(data["attributions"][0]) == _names(Attribution)


@pytest.mark.parametrize("path", ["/clean", "/attributions"])
def test_a_bug_is_a_documented_500(path):
    app = create_app({"SETTINGS": Settings(), "RUNNER": _Crashing()})
    body = {"html": article_page(), "url": URL} if path == "/clean" else {"text": "x"}
    response = app.test_client().post(path, json=body)
    assert response.status_code == 500 and response.get_json()["error"]["code"] == "internal_error"
    assert_documented(build_document(Settings()), "POST", path, response)


# --- schemathesis: generated requests against the live app


@schemathesis.serializer("application/xhtml+xml")
def _xhtml(ctx, value):
    return value.encode() if isinstance(value, str) else value


# Loaded at import: schemathesis.pytest.from_fixture fails under pytest 9 (schemathesis 4.32 reads a node's
# private _nodeid). Creating the app starts nothing: the watchdog forks its first child on the first request.
schema = schemathesis.openapi.from_wsgi("/openapi.json", create_app({"SETTINGS": Settings()}))


# What every generated answer must be: no server error, and status, type, headers and body as documented.
CONFORMANCE = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)


@schema.parametrize()
@settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_generated_requests_get_documented_answers(case):
    case.call_and_validate(checks=[*CONFORMANCE, negative_data_rejection])


# The same with a token: generated requests carry it, and ignored_auth replays each without it (it must be 401).
guarded_schema = schemathesis.openapi.from_wsgi("/openapi.json", create_app({"SETTINGS": Settings(token=TOKEN)}))


@guarded_schema.parametrize()
@settings(max_examples=15, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_with_a_token_get_documented_answers(case):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKEN}"},
        checks=[*CONFORMANCE, ignored_auth],
    )
