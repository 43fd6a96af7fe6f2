"""Typed errors. Each carries its HTTP status and a stable code; the app maps them to JSON in one place."""

from __future__ import annotations


def error_body(code: str, message: str) -> dict:
    """The one shape of an error the service or the CLI reports: {"error": {"code": ..., "message": ...}}."""
    return {"error": {"code": code, "message": message}}


class DeclutterError(Exception):
    """Base of every error the service reports to its caller."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict:
        return error_body(self.code, self.message)


class BadRequest(DeclutterError):
    status = 400
    code = "bad_request"


class Unauthorized(DeclutterError):
    status = 401
    code = "unauthorized"


class HostNotAllowed(BadRequest):
    code = "host_not_allowed"


class OriginNotAllowed(DeclutterError):
    status = 403
    code = "origin_not_allowed"


class PayloadTooLarge(DeclutterError):
    status = 413
    code = "payload_too_large"


class UnsupportedMediaType(DeclutterError):
    status = 415
    code = "unsupported_media_type"


class NoArticle(DeclutterError):
    status = 422
    code = "no_article"


class TooComplex(DeclutterError):
    """The page exceeds the per-request work cap (elements or time)."""

    status = 422
    code = "page_too_complex"


class RuleError(DeclutterError):
    """A rule file is invalid: raised at load time, never per request."""

    code = "invalid_rule"
