"""The HTTP contract of POST /clean, /attributions, /rules, /healthz and /."""

from __future__ import annotations

import base64
import hashlib

import pytest

from server.config import Settings
from server.web.app import create_app
from tests.conftest import article_page

URL = "https://news.example.co.uk/2026/budget"
RESULT_FIELDS = {
    "url",
    "site",
    "title",
    "byline",
    "published",
    "site_name",
    "lang",
    "dir",
    "lead_image",
    "excerpt",
    "html",
    "text",
    "word_count",
    "reading_minutes",
    "removed",
    "rules_applied",
    "attributions",
    "timings_ms",
}


def test_clean_json_returns_the_whole_contract(client):
    response = client.post("/clean", json={"html": article_page(), "url": URL})
    assert response.status_code == 200
    data = response.get_json()
    assert set(data) == RESULT_FIELDS
    assert data["site"] == "example.co.uk"
    assert data["title"] == "Council approves the new budget"
    assert "Paragraph 3: the city council" in data["text"]
    assert "Home" not in data["text"].split("\n\n")[0]
    assert data["word_count"] > 100 and data["reading_minutes"] >= 1
    assert set(data["timings_ms"]) >= {"parse", "declutter", "extract", "sanitize", "total"}
    assert "\n\n" in data["text"]


def test_clean_accepts_raw_html_with_url_in_query(client):
    response = client.post(f"/clean?url={URL}", data=article_page(), content_type="text/html; charset=utf-8")
    assert response.status_code == 200
    assert response.get_json()["title"] == "Council approves the new budget"


def test_clean_reports_removed_clutter_with_rule_and_category(client):
    signup = (
        "<div id='mc_embed_signup'><form action='https://x.us1.list-manage.com/subscribe/post'>"
        "<input type='email' name='EMAIL'><div class='indicates-required'>* indicates required</div>"
        "</form></div>"
    )
    data = client.post("/clean", json={"html": article_page(extra=signup), "url": URL}).get_json()
    assert "indicates required" not in data["text"]
    removal = next(r for r in data["removed"] if r["category"] == "newsletter")
    assert removal["rule"] == "rules/generic/newsletter.yaml"
    assert removal["count"] >= 1 and removal["selector"]


def test_links_and_images_are_absolute_and_safe(client):
    extra = (
        "<p>See <a href='/related/story'>the earlier report</a> and <a href='javascript:alert(1)'>this</a>."
        "<img data-src='/img/photo.jpg' src='data:image/gif;base64,R0lGOD'></p>"
    )
    data = client.post("/clean", json={"html": article_page(extra=extra), "url": URL}).get_json()
    assert 'href="https://news.example.co.uk/related/story"' in data["html"]
    assert 'rel="noopener noreferrer"' in data["html"]
    assert "javascript:" not in data["html"]
    assert 'src="https://news.example.co.uk/img/photo.jpg"' in data["html"]


def test_html_reading_page_has_strict_csp_and_no_scripts(client):
    response = client.post("/clean?format=html", json={"html": article_page(), "url": URL})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    body = response.get_data(as_text=True)
    assert "<script" not in body.lower()
    assert f'href="{URL}"' in body


def test_accept_header_selects_the_reading_page(client):
    response = client.post("/clean", json={"html": article_page(), "url": URL}, headers={"Accept": "text/html"})
    assert response.mimetype == "text/html"
    response = client.post(
        "/clean", json={"html": article_page(), "url": URL}, headers={"Accept": "application/json, text/html;q=0.5"}
    )
    assert response.mimetype == "application/json"


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"data": b"", "content_type": "application/json"}, 400, "bad_request"),
        ({"data": b"{not json", "content_type": "application/json"}, 400, "bad_request"),
        ({"data": b"[1, 2]", "content_type": "application/json"}, 400, "bad_request"),
        ({"json": {"html": 5, "url": URL}}, 400, "bad_request"),
        ({"json": {"html": "<p>x</p>"}}, 400, "bad_request"),
        ({"json": {"html": "<p>x</p>", "url": "ftp://example.com/x"}}, 400, "bad_request"),
        ({"json": {"html": "<p>x</p>", "url": URL, "extra": 1}}, 400, "bad_request"),
        ({"json": {"html": "<p>x</p>", "url": URL, "options": {"nope": True}}}, 400, "bad_request"),
        ({"json": {"html": "<p>x</p>", "url": URL, "options": {"attributions": "yes"}}}, 400, "bad_request"),
        ({"data": b"html=x", "content_type": "text/plain"}, 415, "unsupported_media_type"),
        ({"json": {"html": "<html><body><p>Too short.</p></body></html>", "url": URL}}, 422, "no_article"),
    ],
)
def test_bad_requests_get_a_json_error(client, kwargs, status, code):
    response = client.post("/clean", **kwargs)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"]


def test_body_over_the_limit_is_413():
    app = create_app({"SETTINGS": Settings(max_body_bytes=1000)})
    response = app.test_client().post("/clean", json={"html": "x" * 2000, "url": URL})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


def test_options_switch_attributions_off(client):
    page = article_page(extra="<p>“We will fix every road,” the mayor said on Monday.</p>")
    on = client.post("/clean", json={"html": page, "url": URL}).get_json()
    off = client.post("/clean", json={"html": page, "url": URL, "options": {"attributions": False}}).get_json()
    assert on["attributions"] and 'class="attr-source"' in on["html"]
    assert off["attributions"] == [] and "attr-source" not in off["html"]


def test_attributions_endpoint(client):
    text = "“We will fix every road,” Mayor Jane Doe said on Monday."
    response = client.post("/attributions", json={"text": text})
    assert response.status_code == 200
    found = response.get_json()["attributions"]
    assert found and found[0]["cue"] == "said"
    start, end = found[0]["cue_span"]
    assert text[start:end] == "said"
    assert client.post("/attributions", json={"text": 3}).status_code == 400


def test_unknown_routes_and_methods_are_json(client):
    assert client.get("/nope").get_json()["error"]["code"] == "not_found"
    response = client.get("/clean")
    assert response.status_code == 405 and "error" in response.get_json()


def test_healthz_rules_and_index(client):
    assert client.get("/healthz").get_json()["status"] == "ok"
    rules = client.get("/rules").get_json()["rules"]
    generic = [r for r in rules if r["generic"]]
    assert any(r["path"] == "rules/generic/newsletter.yaml" and "newsletter" in r["categories"] for r in generic)
    index = client.get("/")
    assert index.status_code == 200 and b"POST /clean" in index.data
    assert "default-src 'none'" in index.headers["Content-Security-Policy"]


def test_form_encoded_bodies_are_refused(client):
    # Any web page can post a form cross-site without a CORS preflight; the index page's form posts text/html.
    response = client.post("/clean?format=html", data={"html": article_page(), "url": URL})
    assert response.status_code == 415 and response.get_json()["error"]["code"] == "unsupported_media_type"


def test_the_index_page_script_is_allowed_by_hash_only(client):
    index = client.get("/")
    policy = index.headers["Content-Security-Policy"]
    script = index.data.decode().split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "'unsafe-inline'" not in policy
    assert "connect-src 'self'" in policy
