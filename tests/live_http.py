"""One HTTP request to a service running in another process (gunicorn, `declutter serve`), for the tests that
start one: on a connection of its own, whatever the status (no exception for a 4xx or 5xx)."""

from __future__ import annotations

import http.client
from collections.abc import Mapping
from urllib.parse import urlsplit

JSON = {"Content-Type": "application/json"}


def call(
    base: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """The status, headers and body of one request to `base` (http://host:port)."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()
