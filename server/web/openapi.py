"""The OpenAPI 3.1 document of the HTTP API, served at GET /openapi.json.

What mirrors code is built from it, so the two cannot drift apart: the result, option, attribution and removal
schemas from their dataclasses' fields and types, and each error status's codes from the DeclutterError
subclasses (and werkzeug's exceptions, for 404 and 405). The rest (routes, which statuses each answers, the
/healthz and /rules shapes) is written here and held to the app's real answers by tests/test_openapi.py.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.http import HTTP_STATUS_CODES

from .. import __version__
from ..attributions import Attribution
from ..config import Settings
from ..decode import NotHtml  # noqa: F401 - imported so its error code is among DeclutterError's subclasses
from ..errors import DeclutterError, RuleError
from ..pipeline import MAX_URL_CHARS, RULE_SCHEMA, CleanResult, Options
from ..rules.declutter import Removal
from ..rules.draft import (
    MAX_DRAFTS,
    MAX_SELECTOR_CHARS,
    MAX_SELECTORS,
    MAX_TEXT_PATTERN_CHARS,
    MAX_TEXT_SELECTORS,
)
from ..watchdog import PipelineCrashed  # noqa: F401 - as NotHtml
from .render import RESPONSE_FORMATS

# Errors that never reach an HTTP caller: a rule file is checked when the service starts, not per request.
NOT_SERVED: frozenset[type[DeclutterError]] = frozenset({RuleError})

# The werkzeug errors the app answers itself (as JSON, by app._http_error) for paths and methods it lacks.
ROUTING_ERRORS: tuple[type[HTTPException], ...] = (NotFound, MethodNotAllowed)

# The schema of the list items a dataclass types only as list[dict].
ITEM_TYPES: dict[tuple[type, str], type] = {
    (CleanResult, "removed"): Removal,
    (CleanResult, "attributions"): Attribution,
}
# Fields a request sends beside the object, not in it (Options.draft_rules is CleanRequest's draft_rules).
SENT_APART: dict[type, frozenset[str]] = {Options: frozenset({"draft_rules"})}
# Fields to_dict() leaves out when they hold their default (a removal is "refused" only when it was).
OMITTED_AT_DEFAULT: dict[type, frozenset[str]] = {Removal: frozenset({"refused"})}

DESCRIPTIONS: dict[type, dict[str, str]] = {
    Options: {
        "attributions": "Find and highlight who said what.",
        "site_rules": "Apply the site's own rule file.",
        "generic_rules": "Apply the generic layer of rules.",
    },
    CleanResult: {
        "url": "The page address as sent.",
        "site": "The registrable domain of the address (example.co.uk for news.example.co.uk).",
        "published": "The publication date, as ISO 8601 when it could be read.",
        "lang": "The article's language (BCP 47 tag).",
        "dir": "Text direction: ltr or rtl.",
        "lead_image": "The lead image's absolute address.",
        "html": "The article as a sanitized HTML fragment, attributions marked up.",
        "text": "The article as plain text, paragraphs separated by blank lines; attribution spans index it.",
        "word_count": "Words in text.",
        "reading_minutes": "Reading time at 238 words a minute, at least 1.",
        "removed": "What each selector of each rule removed (or was refused to remove).",
        "rules_applied": "The rule files applied, site rule first.",
        "attributions": "Who said what, in text order.",
        "timings_ms": "Milliseconds per pipeline stage, and total.",
    },
    Attribution: {
        "id": "Unique within one answer.",
        "speaker": "The name behind the source, resolved across the article.",
        "source": "The source noun phrase as written.",
        "cue": "The reporting verb or phrase (said, according to, ...).",
        "content": "What was said.",
        "kind": "How it was said: direct (quoted), mixed, indirect, or belief (an intention or belief; not marked).",
        "key": "Whether the source is one of the article's key voices.",
        "rank": "The source's rank among the article's voices (1 first), or null.",
        "paragraph": "The paragraph of text it is in, from 0.",
        "source_span": "[start, end) character offsets of the source in text.",
        "cue_span": "[start, end) character offsets of the cue in text.",
        "content_span": "[start, end) character offsets of the content in text (the hull of its fragments).",
        "content_fragments": "The pieces of the content in text order, each [start, end); one for a continuous one.",
    },
    Removal: {
        "category": "The strip group's category (newsletter, paywall, ...).",
        "rule": "The rule file's path.",
        "selector": "The selector that matched.",
        "count": "Elements removed (or that would have been).",
        "sample": "The start of the removed text.",
        "refused": "Present, and true, when the strip was refused because it held most of the article.",
    },
}

_SCALARS: dict[Any, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


def type_schema(hint: Any) -> dict:
    """The JSON Schema of a Python type hint as the app serializes it."""
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [type_schema(arg) for arg in args if arg is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        if type(None) not in args:
            return schema
        if set(schema) == {"type"} and isinstance(schema["type"], str):
            return {"type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": type_schema(args[0])}
    if origin is tuple and Ellipsis not in args:  # a pair of offsets: a JSON array of exactly that many
        items = [type_schema(arg) for arg in args]
        return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
    if origin is dict:
        return {"type": "object", "additionalProperties": type_schema(args[1])}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/components/schemas/{hint.__name__}"}
    if hint is dict:
        return {"type": "object"}
    raise TypeError(f"no JSON Schema for the type {hint!r}")


def dataclass_schema(cls: type, *, closed: bool = True) -> dict:
    """An object schema with one property per field of cls, typed from its annotations."""
    hints = typing.get_type_hints(cls)
    descriptions = DESCRIPTIONS.get(cls, {})
    apart = SENT_APART.get(cls, frozenset())
    own_fields = [field for field in dataclasses.fields(cls) if field.name not in apart]
    names = [field.name for field in own_fields]
    unknown = set(descriptions) - set(names)
    if unknown:
        raise ValueError(f"descriptions of fields {cls.__name__} does not have: {sorted(unknown)}")
    properties = {}
    for field in own_fields:
        item = ITEM_TYPES.get((cls, field.name))
        schema = type_schema(list[item] if item else hints[field.name])
        if field.name in descriptions:
            schema["description"] = descriptions[field.name]
        properties[field.name] = schema
    omitted = OMITTED_AT_DEFAULT.get(cls, frozenset())
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    required = [name for name in names if name not in omitted]
    if required:
        schema["required"] = required
    if closed:
        schema["additionalProperties"] = False
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):  # not the dataclass's generated one
        schema["description"] = cls.__doc__.strip()
    return schema


def options_schema() -> dict:
    schema = dataclass_schema(Options)
    del schema["required"]  # every option has a default
    for name in Options.switches():
        schema["properties"][name]["default"] = Options.__dataclass_fields__[name].default
    schema["type"] = ["object", "null"]
    return schema


def draft_rule_schema() -> dict:
    """A draft rule (CleanRequest's draft_rules): rules/schema.json as it is, its one $def inlined, with the
    per-selector length cap of rules/draft.py; the caps across drafts are in the description."""
    rule = json.loads(RULE_SCHEMA.read_text(encoding="utf-8"))
    selectors = rule.pop("$defs")["selectors"]
    selectors["items"]["maxLength"] = MAX_SELECTOR_CHARS

    def inline(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get("$ref") == "#/$defs/selectors":
                return {**selectors, **{k: v for k, v in value.items() if k != "$ref"}}
            return {key: inline(item) for key, item in value.items()}
        return [inline(item) for item in value] if isinstance(value, list) else value

    schema = inline({key: value for key, value in rule.items() if key not in ("$schema", "$id", "title")})
    schema["description"] = (
        "A rule for this request's page only, in the shape of a site rule (rules/schema.json); never stored. "
        "domains is optional (when given, it must cover the url's host); tests and verified are checked and "
        f"ignored. At most {MAX_SELECTORS} selectors in all the drafts, each at most {MAX_SELECTOR_CHARS} "
        f"characters, at most {MAX_TEXT_SELECTORS} ':has-text' selectors with patterns of at most "
        f"{MAX_TEXT_PATTERN_CHARS} characters (RE2); no XPath, no sibling "
        "combinators, no ':contains()', and each selector names a tag, class, id or attribute for what it picks."
    )
    return schema


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def error_codes() -> dict[int, list[str]]:
    """Every error code an HTTP caller may see, by status: DeclutterError and the subclasses it serves, then the
    routing errors."""
    by_status: dict[int, list[str]] = {}
    for cls in [DeclutterError, *_subclasses(DeclutterError)]:
        if cls not in NOT_SERVED and cls.code not in by_status.get(cls.status, []):
            by_status.setdefault(cls.status, []).append(cls.code)
    for exc in ROUTING_ERRORS:
        by_status.setdefault(exc.code, []).append(http_error_code(exc.code))
    return {status: sorted(codes) for status, codes in sorted(by_status.items())}


def http_error_code(status: int) -> str:
    """The stable code of a werkzeug error: its status's name in snake case (404 not_found)."""
    return HTTP_STATUS_CODES.get(status, "error").lower().replace(" ", "_")


_STATUS_NAMES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "PayloadTooLarge",
    415: "UnsupportedMediaType",
    422: "UnprocessableContent",
    500: "InternalError",
}
_STATUS_TEXT = {
    400: "The request is malformed: JSON, a field, the url, the format, the body (not_html; a Content-Encoding: "
    "gzip body that is corrupt or cut short), or the Host header "
    "(host_not_allowed: a name the service does not serve; see DECLUTTER_ALLOWED_HOSTS).",
    401: "A valid API token is required (only when the service runs with DECLUTTER_TOKEN set).",
    403: "A browser request from an origin that is not allowed (see DECLUTTER_CORS_ORIGINS).",
    404: "No such path.",
    405: "The path does not take this method; Allow lists those it takes.",
    413: "The body is over the limit (DECLUTTER_MAX_BODY_BYTES), as sent or, gzip-compressed, once inflated.",
    415: "Unsupported Content-Type, or a Content-Encoding other than gzip or identity.",
    422: "No readable article on the page (no_article), or the page is over the work cap in elements or time "
    "(page_too_complex).",
    500: "A bug: the page could not be processed.",
}
_HEADERS = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "required": True, "description": "Bearer."}},
    405: {"Allow": {"schema": {"type": "string"}, "required": True, "description": "The methods the path takes."}},
}


def _error_response(status: int, codes: list[str]) -> dict:
    code = {"type": "string", "enum": codes} if len(codes) > 1 else {"type": "string", "const": codes[0]}
    schema = {
        "allOf": [{"$ref": "#/components/schemas/Error"}],
        "properties": {"error": {"properties": {"code": code}}},
    }
    response: dict[str, Any] = {
        "description": _STATUS_TEXT[status],
        "content": {"application/json": {"schema": schema}},
    }
    if status in _HEADERS:
        response["headers"] = _HEADERS[status]
    return response


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _html_page(description: str) -> dict:
    header = {"schema": {"type": "string"}, "required": True}
    return {
        "description": description,
        "headers": {
            "Content-Security-Policy": {**header, "description": "No scripts (the index: its own, by hash)."},
            "X-Content-Type-Options": {**header, "description": "nosniff"},
        },
        "content": {"text/html": {"schema": {"type": "string"}}},
    }


def _errors(*statuses: int) -> dict:
    return {str(status): {"$ref": f"#/components/responses/{_STATUS_NAMES[status]}"} for status in statuses}


def build_document(settings: Settings) -> dict:
    """The document for a service running with these settings (whether a token is needed; the body limit)."""
    return _build(bool(settings.token), settings.max_body_bytes)


@cache
def _build(token_required: bool, max_body_bytes: int) -> dict:
    # Long on purpose: the document is one literal, read top to bottom as the API is, route by route.
    guarded = (401,) if token_required else ()
    posted = (400, *guarded, 403, 413, 415, 422, 500)  # 400 also for the Host; 403 for the Origin
    limit = (
        f"At most {max_body_bytes} bytes (DECLUTTER_MAX_BODY_BYTES), else 413. The body may be sent gzip-compressed "
        "(Content-Encoding: gzip; identity is the only other coding, any other is 415): the limit then holds for the "
        "compressed bytes and for what they inflate to, and a body that is not valid gzip is 400."
    )
    open_access: dict[str, Any] = {"security": []} if token_required else {}
    codes = error_codes()
    clean_json = {
        "type": "object",
        "properties": {
            "html": {"type": "string", "description": "The rendered page's HTML."},
            "url": {
                "type": "string",
                "minLength": 1,
                "description": "The page's absolute http(s) address, at most "
                f"{MAX_URL_CHARS} characters. Metadata only (it selects site rules and makes links absolute): "
                "the service never fetches it.",
            },
            "options": {"$ref": "#/components/schemas/Options"},
            "draft_rules": {
                "type": "array",
                "maxItems": MAX_DRAFTS,
                "items": {"$ref": "#/components/schemas/DraftRule"},
                "description": "Rules applied first, before the site rule and the generic layer, to this request "
                "only (a reader's preview or kept fix); their removals name them draft:0, draft:1... in removed "
                "and rules_applied. A bad one is a 400 naming it and its selector.",
            },
        },
        "required": ["html", "url"],
        "additionalProperties": False,
    }
    raw_page = {"schema": {"type": "string"}}
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "Declutter",
            "version": __version__,
            "summary": "A reading mode for news: strips clutter, extracts the article, highlights who said what.",
            "description": "The service never fetches anything: send it the page. Errors are always JSON, "
            '`{"error": {"code": "...", "message": "..."}}`; a path the service lacks answers 404 '
            "(`#/components/responses/NotFound`), a method a path does not take 405 "
            "(`#/components/responses/MethodNotAllowed`). Requests are refused with 400 `host_not_allowed` "
            "when their Host header names a host the service does not serve (but /healthz, which probes ask by "
            "the address of the machine, and /metrics when the token guards it). "
            + (
                "This service needs a token (DECLUTTER_TOKEN) on every path but /, /healthz and /openapi.json."
                if token_required
                else "This service runs without a token; with DECLUTTER_TOKEN set, every path but /, /healthz "
                "and /openapi.json would need it (Authorization: Bearer, or X-Declutter-Token) and answer 401."
            ),
        },
        "paths": {
            "/": {
                "get": {
                    "operationId": "index",
                    "summary": "A page that explains the API and lets a person paste HTML to see the reading view.",
                    **open_access,
                    "responses": {"200": _html_page("The index page."), **_errors(400)},
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "healthz",
                    "summary": "Liveness.",
                    **open_access,
                    "responses": {"200": _json({"$ref": "#/components/schemas/Health"}, "Alive, whatever the Host.")},
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    **open_access,
                    "responses": {"200": _json({"type": "object"}, "The OpenAPI document."), **_errors(400)},
                }
            },
            "/metrics": {
                "get": {
                    "operationId": "metrics",
                    "summary": "The service's metrics for Prometheus: requests, latencies, pipeline stages, refusals, "
                    "removals (docs/operations.md lists them).",
                    "responses": {
                        "200": {
                            "description": "The Prometheus text exposition format, version 0.0.4; under gunicorn "
                            "the sum over every worker.",
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        },
                        **(_errors(*guarded) if token_required else _errors(400)),  # any Host behind the token
                    },
                }
            },
            "/rules": {
                "get": {
                    "operationId": "listRules",
                    "summary": "The loaded rule files.",
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/RuleList"}, "Every rule file, generic ones too."),
                        **_errors(400, *guarded),
                    },
                }
            },
            "/clean": {
                "post": {
                    "operationId": "clean",
                    "summary": "Turn a rendered page into a clean, sanitized reading view.",
                    "description": "The answer is JSON unless ?format=html (the standalone reading page) or "
                    "?format=markdown (the article as Markdown) asks otherwise, or, without ?format, the Accept header "
                    "prefers text/html or text/markdown (q-values, then specificity; JSON when tied). Vary: Accept.",
                    "parameters": [
                        {
                            "name": "url",
                            "in": "query",
                            "schema": {"type": "string"},
                            "description": "The page's address, required with a text/html body (in a JSON body, "
                            "its url field is used and this is ignored).",
                        },
                        {
                            "name": "format",
                            "in": "query",
                            "schema": {"type": "string", "enum": list(RESPONSE_FORMATS)},
                            "description": "json: the result as JSON; html: the reading page; markdown: the article "
                            "as CommonMark with GFM tables (title, byline and date on top, attributions as plain "
                            "text). Overrides Accept; any other value is 400.",
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "description": "The page, in a JSON object or as itself (then the Content-Type's charset, "
                        f"when an Encoding Standard label, decodes it; else the page is sniffed). {limit}",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/CleanRequest"}},
                            "text/html": raw_page,
                            "application/xhtml+xml": raw_page,
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The result as JSON, the reading page, or the article as Markdown.",
                            "headers": {
                                name: {**header, "required": False, "description": "With the reading page."}
                                for name, header in _html_page("")["headers"].items()
                            },
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/CleanResult"}},
                                "text/html": {"schema": {"type": "string"}},
                                RESPONSE_FORMATS["markdown"]: {"schema": {"type": "string"}},
                            },
                        },
                        **_errors(*posted),
                    },
                }
            },
            "/attributions": {
                "post": {
                    "operationId": "attributions",
                    "summary": "Find who said what in plain text (paragraphs separated by blank lines).",
                    "requestBody": {
                        "required": True,
                        "description": limit,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"text": {"type": "string"}},
                                    "required": ["text"],
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "attributions": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Attribution"},
                                    }
                                },
                                "required": ["attributions"],
                                "additionalProperties": False,
                            },
                            "The attributions, in text order; spans index the text sent.",
                        ),
                        **_errors(*posted),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "CleanRequest": clean_json,
                "Options": options_schema(),
                "DraftRule": draft_rule_schema(),
                "CleanResult": dataclass_schema(CleanResult),
                "Attribution": dataclass_schema(Attribution),
                "Removal": dataclass_schema(Removal),
                "Health": {
                    "type": "object",
                    "properties": {
                        "status": {"const": "ok"},
                        "version": {"type": "string"},
                        "rule_files": {"type": "integer", "minimum": 0},
                    },
                    "required": ["status", "version", "rule_files"],
                    "additionalProperties": False,
                },
                "RuleList": {
                    "type": "object",
                    "properties": {"rules": {"type": "array", "items": {"$ref": "#/components/schemas/RuleSummary"}}},
                    "required": ["rules"],
                    "additionalProperties": False,
                },
                "RuleSummary": {
                    "type": "object",
                    "properties": {
                        "path": {"type": "string", "description": "e.g. rules/sites/example.com.yaml"},
                        "name": {"type": "string"},
                        "domains": {"type": "array", "items": {"type": "string"}},
                        "generic": {"type": "boolean", "description": "A generic rule applies to every site."},
                        "categories": {"type": "array", "items": {"type": "string"}},
                        "strip_selectors": {"type": "integer", "minimum": 0},
                    },
                    "required": ["path", "name", "domains", "generic", "categories", "strip_selectors"],
                    "additionalProperties": False,
                },
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "code": {"type": "string", "description": "Stable; the message is for people."},
                                "message": {"type": "string"},
                            },
                            "required": ["code", "message"],
                            "additionalProperties": False,
                        }
                    },
                    "required": ["error"],
                    "additionalProperties": False,
                },
            },
            "responses": {_STATUS_NAMES[status]: _error_response(status, codes[status]) for status in codes},
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The token set in DECLUTTER_TOKEN; needed only when it is set.",
                },
                "tokenHeader": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Declutter-Token",
                    "description": "The same token, for clients that cannot set Authorization.",
                },
            },
        },
    }
    if token_required:
        document["security"] = [{"bearerToken": []}, {"tokenHeader": []}]
    return document
