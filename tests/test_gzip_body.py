"""Gzip-compressed request bodies (Content-Encoding: gzip): the limit holds for what a body inflates to, as it
streams, so a small bomb is refused without being inflated; corrupt, cut-short and unknown encodings are clear
errors, and every answer is one the OpenAPI document describes."""

from __future__ import annotations

import gzip
import io
import json
import os
import struct
import tracemalloc
import zlib
from functools import cache

import pytest
from flask import Flask

from server.config import Settings
from server.pipeline import default_rules
from server.web.app import create_app
from server.web.openapi import build_document
from tests.conftest import article_page
from tests.test_openapi import assert_documented

URL = "https://news.example.co.uk/2026/budget"
LIMIT = Settings().max_body_bytes  # the service's default, DECLUTTER_MAX_BODY_BYTES
GZIP = {"Content-Encoding": "gzip"}


@cache
def bomb(inflated: int) -> bytes:
    """A valid gzip body of zeros that inflates to `inflated` bytes, a whole number (2 or more) of MiB; deflate
    packs them about a thousand to one. After a full flush a MiB of zeros deflates to the same bytes every time:
    they are repeated, not recomputed (deflating a GiB takes seconds), and the trailer written for the whole."""
    block = bytes(1 << 20)
    count, rest = divmod(inflated, len(block))
    assert count >= 2 and not rest, inflated
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    repeated = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(block) + packer.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return first + repeated * (count - 2) + last[:-8] + struct.pack("<II", crc, inflated & 0xFFFFFFFF)


def test_the_bomb_is_valid_gzip():
    """What the bomb tests send is a real gzip body, whose CRC and size check out when inflated whole."""
    assert gzip.decompress(bomb(3 << 20)) == bytes(3 << 20)


class CountingStream(io.BytesIO):
    """A request body that counts what the service read of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.taken = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


def service(max_body_bytes: int) -> Flask:
    """The app with this body limit, on the rules this process loaded once."""
    return create_app({"SETTINGS": Settings(max_body_bytes=max_body_bytes), "RULES": default_rules()})


@pytest.fixture(scope="module")
def gzip_app():
    app = service(max_body_bytes=LIMIT)
    app.config.update(TESTING=True)
    return app


@pytest.fixture
def post(gzip_app):
    """POST to /clean, then hold the answer to the OpenAPI document."""
    client = gzip_app.test_client()
    document = build_document(gzip_app.config["DECLUTTER_SETTINGS"])

    def send(path: str = "/clean", **kwargs):
        response = client.post(path, **kwargs)
        assert_documented(document, "POST", path.split("?")[0], response)
        return response

    return send


def json_body(**fields) -> bytes:
    return json.dumps({"html": article_page(), "url": URL, **fields}).encode()


def error_of(response) -> tuple[int, str, str]:
    error = response.get_json()["error"]
    return response.status_code, error["code"], error["message"]


def test_a_gzip_json_body_is_cleaned_like_the_same_body_sent_as_it_is(post):
    plain = post(data=json_body(), content_type="application/json")
    packed = post(data=gzip.compress(json_body()), content_type="application/json", headers=GZIP)
    assert plain.status_code == packed.status_code == 200
    assert packed.get_json()["text"] == plain.get_json()["text"]
    assert packed.get_json()["title"] == "Council approves the new budget"


def test_a_gzip_html_body_is_cleaned(post):
    page = article_page().encode()
    response = post(
        f"/clean?url={URL}", data=gzip.compress(page), content_type="text/html; charset=utf-8", headers=GZIP
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Paragraph 3: the city council" in response.get_json()["text"]


def test_gzip_on_attributions_too(post):
    body = json.dumps({"text": "“We will fix every road,” the mayor said on Monday."}).encode()
    response = post("/attributions", data=gzip.compress(body), content_type="application/json", headers=GZIP)
    assert response.status_code == 200
    assert response.get_json()["attributions"]


@pytest.mark.parametrize("header", ["identity", "IDENTITY", ""])
def test_identity_is_the_body_as_it_is(post, header):
    response = post(data=json_body(), content_type="application/json", headers={"Content-Encoding": header})
    assert response.status_code == 200


@pytest.mark.parametrize("header", ["GZIP", "x-gzip", "identity, gzip"])
def test_gzip_is_named_in_any_case_and_alongside_identity(post, header):
    data = gzip.compress(json_body())
    response = post(data=data, content_type="application/json", headers={"Content-Encoding": header})
    assert response.status_code == 200


@pytest.mark.parametrize("header", ["br", "deflate", "zstd", "gzip, gzip", "gzip, br", "compress"])
def test_other_encodings_are_415_with_a_message(post, header):
    response = post(data=json_body(), content_type="application/json", headers={"Content-Encoding": header})
    status, code, message = error_of(response)
    assert (status, code) == (415, "unsupported_media_type")
    assert "Content-Encoding" in message and "gzip" in message


def test_a_corrupt_gzip_body_is_400(post):
    packed = bytearray(gzip.compress(json_body()))
    packed[20:60] = os.urandom(40)  # the deflate stream, past the 10-byte header
    status, code, message = error_of(post(data=bytes(packed), content_type="application/json", headers=GZIP))
    assert (status, code) == (400, "bad_request")
    assert "gzip" in message


def test_a_body_that_is_not_gzip_at_all_is_400(post):
    status, code, message = error_of(post(data=json_body(), content_type="application/json", headers=GZIP))
    assert (status, code) == (400, "bad_request") and "not valid gzip" in message


@pytest.mark.parametrize("keep", [0, 10, -8, -200])
def test_a_truncated_or_empty_gzip_body_is_400(post, keep):
    packed = gzip.compress(json_body())
    cut = packed[:keep]
    status, code, message = error_of(post(data=cut, content_type="application/json", headers=GZIP))
    assert (status, code) == (400, "bad_request")
    assert "truncated" in message


def test_a_chunked_gzip_body_without_a_length_is_read_to_its_end(post):
    page = article_page(paragraphs=40).encode()
    response = post(
        f"/clean?url={URL}",
        input_stream=io.BytesIO(gzip.compress(page)),
        headers={"Content-Type": "text/html", "Transfer-Encoding": "chunked", **GZIP},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Paragraph 39: the city council" in response.get_json()["text"]


def test_several_gzip_members_are_one_body(post):
    body = json_body()
    packed = gzip.compress(body[:500]) + gzip.compress(body[500:])
    response = post(data=packed, content_type="application/json", headers=GZIP)
    assert response.status_code == 200


def test_a_body_that_inflates_to_exactly_the_limit_passes_the_limit_check():
    app = service(max_body_bytes=len(json_body()))
    response = app.test_client().post(
        "/clean", data=gzip.compress(json_body()), content_type="application/json", headers=GZIP
    )
    assert response.status_code == 200
    app = service(max_body_bytes=len(json_body()) - 1)
    response = app.test_client().post(
        "/clean", data=gzip.compress(json_body()), content_type="application/json", headers=GZIP
    )
    assert error_of(response)[:2] == (413, "payload_too_large")


def test_a_10_kb_bomb_is_413(post):
    small = bomb(10 * 1024 * 1024)
    assert len(small) < 11_000
    status, code, message = error_of(post(data=small, content_type="application/json", headers=GZIP))
    assert (status, code) == (413, "payload_too_large")
    assert "inflates" in message


def test_a_bomb_that_inflates_to_a_gigabyte_is_refused_without_being_inflated(post):
    big = bomb(1 << 30)
    assert len(big) < LIMIT  # under the limit as sent: only its inflated size can stop it
    tracemalloc.start()
    try:
        response = post(data=big, content_type="text/html", query_string={"url": URL}, headers=GZIP)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error_of(response)[:2] == (413, "payload_too_large")
    # Inflating it all would take a gigabyte; the service held the limit's worth and the body as sent.
    assert peak < 3 * LIMIT + 2 * len(big), peak


def test_a_chunked_bomb_is_refused_after_reading_little_of_it(post):
    stream = CountingStream(bomb(1 << 30))
    response = post(
        f"/clean?url={URL}",
        input_stream=stream,
        headers={"Content-Type": "text/html", "Transfer-Encoding": "chunked", **GZIP},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert error_of(response)[:2] == (413, "payload_too_large")
    # The first 64 KB inflate to more than 5 MiB: nothing past them was read.
    assert stream.taken <= 64 * 1024, stream.taken


def test_the_compressed_size_is_capped_too():
    limit = 100_000
    app = service(max_body_bytes=limit)
    # Stored (level 0) gzip of random bytes: a little longer than the page it holds, which is under the limit.
    page = os.urandom(limit - 10)
    packed = gzip.compress(page, compresslevel=0)
    assert len(page) <= limit < len(packed)
    client = app.test_client()
    # With a Content-Length over the limit: refused before reading.
    response = client.post("/clean", data=packed, content_type="application/json", headers=GZIP)
    assert error_of(response)[:2] == (413, "payload_too_large")
    # Chunked, without a length: refused once more than the limit has arrived, though it inflates to less.
    stream = CountingStream(packed)
    response = client.post(
        f"/clean?url={URL}",
        input_stream=stream,
        headers={"Content-Type": "text/html", "Transfer-Encoding": "chunked", **GZIP},
        environ_overrides={"wsgi.input_terminated": True},
    )
    status, code, message = error_of(response)
    assert (status, code) == (413, "payload_too_large")
    assert "compressed" in message


def test_the_document_says_a_body_may_be_gzip():
    document = build_document(Settings())
    body = document["paths"]["/clean"]["post"]["requestBody"]["description"]
    assert "Content-Encoding: gzip" in body
    assert "Content-Encoding" in document["components"]["responses"]["UnsupportedMediaType"]["description"]
