"""Draft rules (POST /clean draft_rules, `declutter clean --draft-rule`): applied first, never stored, and, as
untrusted input, each hostile draft answered with a clear 400 (or, valid but costly, 422 within the time cap)
while the worker goes on answering. The worst cases run again against a real gunicorn (slow)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from lxml.html import fromstring

from server.cli import main
from server.config import Settings
from server.errors import BadRequest, RuleError
from server.limits import NO_DEADLINE
from server.pipeline import RULE_SCHEMA, Options, clean
from server.rules.draft import (
    _COMPILED_DRAFTS,
    MAX_COMPILED_DRAFTS,
    MAX_DRAFT_JSON_CHARS,
    MAX_DRAFTS,
    MAX_SELECTOR_CHARS,
    MAX_SELECTORS,
    MAX_TEXT_PATTERN_CHARS,
    MAX_TEXT_SELECTORS,
    compile_drafts,
    read_draft_rules,
)
from server.rules.ruleset import compile_rule
from server.rules.selectors import PageIndex, _attribute_values, compile_selector
from server.web.app import create_app
from tests.conftest import ROOT, article_page
from tests.live_http import JSON, call

URL = "https://news.example.com/2026/11/budget"
PROMO = "<p class='promo-box'>Spotted a pothole on your street? Tell the Morning Brief desk about it today.</p>"
PAGE = article_page(extra=PROMO)
CAP = 2.0  # the time cap of these tests' service


def strip(*selectors: str, category: str = "newsletter", **extra: object) -> dict:
    return {"strip": [{"category": category, "selectors": list(selectors)}], **extra}


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app({"SETTINGS": Settings(max_seconds=CAP)}).test_client()


class RawJSON(str):
    """draft_rules already written as JSON: nested deeper than json.dumps goes."""


def request_body(drafts: object, page: str = PAGE, url: str = URL) -> str:
    if isinstance(drafts, RawJSON):
        return json.dumps({"html": page, "url": url})[:-1] + f', "draft_rules": {drafts}}}'
    return json.dumps({"html": page, "url": url, "draft_rules": drafts})


def post(client: FlaskClient, drafts: object, page: str = PAGE, url: str = URL):
    return client.post("/clean", data=request_body(drafts, page, url), content_type="application/json")


def assert_alive(client: FlaskClient) -> None:
    """After every case: a normal request with a good draft is answered, and the draft worked."""
    data = post(client, [strip("p.promo-box")]).get_json()
    assert data["removed"][0]["rule"] == "draft:0", data


# --- what a draft does ------------------------------------------------------------------------------


def test_a_draft_removes_what_the_rules_miss_and_says_so(client: FlaskClient):
    plain = client.post("/clean", json={"html": PAGE, "url": URL}).get_json()
    assert "Morning Brief" in plain["text"], "the generic layer keeps the block: the draft has something to do"
    data = post(client, [strip("p.promo-box")]).get_json()
    assert "Morning Brief" not in data["text"]
    assert data["removed"][0] == {
        "category": "newsletter",
        "rule": "draft:0",
        "selector": "p.promo-box",
        "count": 1,
        "sample": "Spotted a pothole on your street? Tell the Morning Brief desk about it today.",
    }
    assert data["rules_applied"][0] == "draft:0"
    assert "drafts" in data["timings_ms"]


def test_drafts_come_before_the_site_rule_and_are_numbered():
    """On a real site fixture: the drafts first in rules_applied, then the site rule, then the generic layer."""
    page = (ROOT / "tests/sites/theverge.com/theverge.html").read_bytes()
    url = "https://www.theverge.com/23752959/apple-vision-pro-headset-hands-on-demo-impressions"
    drafts = (strip("div.duet--layout--rail", category="feed"), strip("figure", category="other"))
    result = clean(page, url, Options(attributions=False, draft_rules=drafts))
    assert result.rules_applied[:3] == ["draft:0", "draft:1", "rules/sites/theverge.com.yaml"]
    by_rule = {r["rule"] for r in result.removed}
    assert {"draft:0", "draft:1"} <= by_rule
    # The rail went to the draft, first: the site rule's own selector for it found nothing left.
    assert not any(r["selector"] == "div.duet--layout--rail" and r["rule"].startswith("rules/") for r in result.removed)


def test_a_draft_is_never_kept_for_the_next_request(client: FlaskClient):
    assert "Morning Brief" not in post(client, [strip("p.promo-box")]).get_json()["text"]
    again = client.post("/clean", json={"html": PAGE, "url": URL}).get_json()
    assert "Morning Brief" in again["text"]
    assert not any(r["rule"].startswith("draft:") for r in again["removed"])


def test_keep_and_content_of_a_draft():
    """keep protects a block from the generic layer; content pins the article root ("This is the article")."""
    boxed = article_page(extra="<p class='share-bar'>Readers who share this story get the budget tables by mail.</p>")
    url = URL
    generic = clean(boxed, url, Options(attributions=False))
    assert "budget tables" not in generic.text
    kept = clean(boxed, url, Options(attributions=False, draft_rules=({"keep": ["p.share-bar"]},)))
    assert "budget tables" in kept.text
    aside = "<aside class='box'><p>" + "The aside holds a long explanation of the tax rules for readers. " * 3
    pinned_page = article_page(extra=aside + "</p></aside>")
    pinned = clean(pinned_page, url, Options(attributions=False, draft_rules=({"content": ["aside.box"]},)))
    assert pinned.text.startswith("The aside holds") and "Paragraph 0" not in pinned.text


def test_a_draft_lends_its_title_selectors():
    result = clean(PAGE, URL, Options(attributions=False, draft_rules=({"keep": ["h1"], "title": ["p.promo-box"]},)))
    assert result.title == "Spotted a pothole on your street? Tell the Morning Brief desk about it today."


def test_a_draft_with_domains_must_cover_the_page(client: FlaskClient):
    assert post(client, [strip("p.promo-box", domains=["example.com"])]).status_code == 200
    response = post(client, [strip("p.promo-box", domains=["example.org"])])
    assert response.status_code == 400
    assert "draft_rules/0: domains ['example.org'] do not cover" in response.get_json()["error"]["message"]


def test_tests_and_verified_are_allowed_and_ignored(client: FlaskClient):
    draft = strip(
        "p.promo-box",
        verified={"by": "a reader", "date": "2026-12-05"},
        tests=[{"fixture": "x.html", "url": URL, "must_contain": ["abc"], "must_not_contain": []}],
    )
    assert post(client, [draft]).status_code == 200
    bad_date = {**draft, "verified": {"by": "a reader", "date": "yesterday"}}
    assert post(client, [bad_date]).status_code == 400  # checked against the schema like the rest


def test_the_largest_draft_the_caps_allow_is_answered():
    """MAX_SELECTORS selectors of MAX_SELECTOR_CHARS each, validated and compiled, well inside the cap."""
    padding = "x" * (MAX_SELECTOR_CHARS - 40)
    selectors = [f"div.c{i}[data-{padding}]" for i in range(MAX_SELECTORS)]
    assert max(map(len, selectors)) <= MAX_SELECTOR_CHARS
    groups = [{"category": "other", "selectors": selectors[i : i + 25]} for i in range(0, MAX_SELECTORS, 25)]
    rules = compile_drafts(read_draft_rules([{"strip": groups}]), "news.example.com", RULE_SCHEMA, NO_DEADLINE)
    assert sum(len(g.selectors) for g in rules[0].strip) == MAX_SELECTORS


# --- hostile drafts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    name: str
    drafts: Callable[[], object]
    status: int = 400
    says: tuple[str, ...] = ()  # in the message: the draft's index, the selector, the reason
    page: Callable[[], str] = lambda: PAGE
    code: str = "bad_request"


def _nested_json(depth: int) -> RawJSON:
    note = "[" * depth + '"x"' + "]" * depth
    return RawJSON(f'[{{"strip": [{{"category": "ads", "selectors": ["div.ad"], "note": {note}}}]}}]')


def _wide_page() -> str:
    """30,000 siblings in a hidden block: the generic layer drops them in milliseconds, but a draft runs first."""
    return article_page(extra="<div hidden>" + "<b></b>" * 30_000 + "</div>")


def _long_text_page() -> str:
    return article_page(extra="<p class='a'>" + "a" * 1_000_000 + "!</p>")


HOSTILE = [
    Hostile("thousands of selectors", lambda: [strip(*(f"div.c{i}" for i in range(5000)))], says=("200",)),
    Hostile(
        "too many selectors across drafts",
        lambda: [strip(*(f"div.c{i}" for i in range(150))), strip(*(f"p.c{i}" for i in range(51)))],
        says=("more than 200",),
    ),
    Hostile("too many drafts", lambda: [strip("p.promo-box")] * (MAX_DRAFTS + 1), says=("9 rules",)),
    Hostile(
        "a 1 MB selector",
        lambda: [strip("p.promo-box"), strip("div." + "a" * 1_000_000)],
        says=("draft_rules/1/strip/0/selectors/0", "'div.aaaa", "1000004 characters"),
    ),
    Hostile("one character over", lambda: [strip("div." + "a" * (MAX_SELECTOR_CHARS - 3))], says=("501",)),
    Hostile(
        "a long ':has-text' pattern",
        lambda: [strip(f"p:has-text({'b' * (MAX_TEXT_PATTERN_CHARS + 1)})")],
        says=("draft_rules/0/strip/0/selectors/0", "pattern is 201"),
    ),
    Hostile(
        "many text patterns",
        lambda: [strip(*(f"p.c{i}:has-text(/(\\w+\\s+){{50}}\\w+{i}/)" for i in range(MAX_TEXT_SELECTORS + 1)))],
        says=("draft_rules/0/strip/0/selectors/16", f"more than {MAX_TEXT_SELECTORS} ':has-text'"),
    ),
    Hostile(
        "a backreference",
        lambda: [strip(r"p:has-text(/(a+)\1/)")],
        says=("draft_rules/0/strip/0/selectors/0", "linear time"),
    ),
    Hostile("a lookahead", lambda: [strip("p:has-text(/(?=a)+b/)")], says=("draft_rules/0", "linear time")),
    Hostile(
        "a repetition bomb",
        lambda: [strip("p:has-text(/((a{100}){100}){100}/)")],
        says=("draft_rules/0", "linear time"),
    ),
    Hostile("invalid CSS", lambda: [strip("div[[")], says=("draft_rules/0", "'div[['", "invalid CSS")),
    Hostile("unknown top key", lambda: [strip("div.ad", evil=1)], says=("draft_rules/0", "'evil' was unexpected")),
    Hostile(
        "unknown group key",
        lambda: [{"strip": [{"category": "ads", "selectors": ["div.ad"], "script": "x"}]}],
        says=("draft_rules/0/strip/0", "'script' was unexpected"),
    ),
    Hostile(
        "an unknown category", lambda: [strip("div.ad", category="evil")], says=("draft_rules/0/strip/0/category",)
    ),
    Hostile("selectors a string", lambda: [{"strip": [{"category": "ads", "selectors": "div.ad"}]}], says=("array",)),
    Hostile("selectors of numbers", lambda: [{"strip": [{"category": "ads", "selectors": [1, 2]}]}], says=("string",)),
    Hostile("strip an object", lambda: [{"strip": {"category": "ads"}}], says=("draft_rules/0/strip",)),
    Hostile("draft_rules an object", lambda: {"strip": []}, says=("must be a list",)),
    Hostile("draft_rules null", lambda: None, says=("must be a list",)),
    Hostile("a draft a string", lambda: ["div.ad"], says=("draft_rules/0 must be a rule object",)),
    Hostile("an empty draft", lambda: [{}], says=("draft_rules/0", "does nothing")),
    Hostile("XPath", lambda: [strip("xpath://div[@class='ad']")], says=("draft_rules/0", "XPath")),
    Hostile("every element", lambda: [strip("*")], says=("'*'", "every element")),
    Hostile("every element inside the body", lambda: [strip("body *")], says=("'body *'", "every element")),
    Hostile("every element but one", lambda: [strip(":not(.x)")], says=("every element",)),
    Hostile("every element, second of a list", lambda: [strip("div.ad, *")], says=("every element",)),
    Hostile("nested :has", lambda: [strip("div:has(div:has(p))")], says=("invalid CSS",)),
    Hostile("nested :not", lambda: [strip("div:not(:not(.a))")], says=("invalid CSS",)),
    Hostile("a relative :has", lambda: [strip("div:has(> p)")], says=("relative",)),
    Hostile(":has inside :not", lambda: [strip("div.x:not(:has(p))")], says=("inside ':not()'",)),
    Hostile(":has inside :is inside :not", lambda: [strip("div.x:not(:is(:has(p)))")], says=("inside ':not()'",)),
    Hostile(
        "NaN, which is not JSON",
        lambda: RawJSON('[{"strip": [{"category": "ads", "selectors": ["div.ad"], "max_share": NaN}]}]'),
        says=("not valid JSON", "NaN"),
    ),
    Hostile("a namespace prefix", lambda: [strip("svg|a.x")], says=("'svg|a.x'", "cannot be evaluated")),
    Hostile("deep :is", lambda: [strip("div" + ":is(div" * 40 + ")" * 40)], says=("nest more than 3",)),
    Hostile("a sibling chain", lambda: [strip("p.a + p.a + p.a")], says=("'+'",)),
    Hostile("any later sibling", lambda: [strip("p.a ~ p.a")], says=("'~'",)),
    Hostile(":contains", lambda: [strip("p:contains('x')")], says=(":has-text",)),
    Hostile("a huge note", lambda: [{**strip("div.ad"), "description": "n" * 300_000}], says=("262144",)),
    Hostile("deeply nested JSON", lambda: _nested_json(50_000), says=("JSON",)),
    Hostile("a domain with a path", lambda: [strip("div.ad", domains=["../../etc"])], says=("domains/0",)),
    # Valid, but they cost what they cost: the answer is the pipeline's, within the cap.
    Hostile("every paragraph", lambda: [strip("p")], status=422, code="no_article"),
    Hostile(
        "positions over 30,000 siblings",
        lambda: [strip("b:nth-child(5)")],
        status=422,
        code="page_too_complex",
        page=_wide_page,
    ),
]


@pytest.mark.parametrize("css", ["div.x:not(:has(p))", "div.x:not(:is(p, a:has(b)))", "ul > li:not(:where(:has(a)))"])
def test_has_inside_not_is_refused_in_shipped_rules_too(css: str):
    """cssselect turns 'div:not(:has(p))' into a test of the element's name that every div passes: the rule
    loader refuses it for every rule, shipped or drafted; a ':has()' beside a ':not()' stays allowed."""
    with pytest.raises(RuleError, match=r"':has\(\)' inside ':not\(\)' is not supported"):
        compile_rule(ROOT / "rules/sites/example.com.yaml", {"domains": ["example.com"], "keep": [css]})
    page = fromstring("<div><div class='x'><p>a</p></div><div class='x'>b</div></div>")
    assert [e.text_content() for e in compile_selector("div.x:has(p):not(.y)").select(page)] == ["a"]


def test_a_kept_fix_is_compiled_once_per_process_and_still_checked_each_time():
    """The same draft on the next request is the rule compiled before; its domains are checked against each
    request's host, a refused draft is refused again, and the drafts kept are bounded."""
    draft = strip("p.promo-box", domains=["example.com"])
    first = compile_drafts([draft], "news.example.com", RULE_SCHEMA, NO_DEADLINE)
    assert compile_drafts([dict(draft)], "www.example.com", RULE_SCHEMA, NO_DEADLINE)[0] is first[0]
    with pytest.raises(BadRequest, match=r"do not cover the page's host 'example\.org'"):
        compile_drafts([draft], "example.org", RULE_SCHEMA, NO_DEADLINE)
    for _ in range(2):
        with pytest.raises(BadRequest, match="every element"):
            compile_drafts([strip("*")], "example.com", RULE_SCHEMA, NO_DEADLINE)
    for i in range(MAX_COMPILED_DRAFTS + 10):
        compile_drafts([strip(f"p.c{i}")], "example.com", RULE_SCHEMA, NO_DEADLINE)
    assert len(_COMPILED_DRAFTS) == MAX_COMPILED_DRAFTS
    assert compile_drafts([draft], "example.com", RULE_SCHEMA, NO_DEADLINE)[0] is not first[0]  # pushed out


def test_what_drafts_name_does_not_grow_the_pipeline_processes_without_bound():
    """Each attribute name a selector tests keeps a compiled XPath: drafts may name any, the cache is bounded."""
    page = fromstring("<div><p data-a='1'>x</p></div>")
    index = PageIndex(page)
    for i in range(_attribute_values.cache_info().maxsize + 50):
        assert not index.has(("attr", f"data-draft-{i}"))
    assert _attribute_values.cache_info().currsize == _attribute_values.cache_info().maxsize


@pytest.mark.parametrize("case", HOSTILE, ids=[case.name for case in HOSTILE])
def test_hostile_drafts_get_a_clear_answer(client: FlaskClient, case: Hostile):
    started = time.monotonic()
    response = post(client, case.drafts(), page=case.page())
    elapsed = time.monotonic() - started
    error = response.get_json()["error"]
    assert (response.status_code, error["code"]) == (case.status, case.code), error
    for words in case.says:
        assert words in error["message"], error["message"]
    assert len(error["message"]) < 1000
    assert elapsed < CAP + 1
    assert_alive(client)


def test_a_catastrophic_pattern_runs_in_linear_time(client: FlaskClient):
    """(a+)+$ backtracks for ever in Python's re on a million a's and a '!'; RE2 answers at once."""
    started = time.monotonic()
    response = post(client, [strip("p.a:has-text(/(a+)+$/)")], page=_long_text_page())
    assert response.status_code == 200
    assert time.monotonic() - started < CAP
    assert_alive(client)


def test_the_slowest_text_patterns_the_caps_allow_are_answered_within_the_cap(client: FlaskClient):
    """MAX_TEXT_SELECTORS patterns that RE2 takes longest to compile: each selector is compiled under the cap."""
    selectors = [f"p.slow{i}:has-text(/(\\w+\\s+){{50}}\\w+z{i}/)" for i in range(MAX_TEXT_SELECTORS)]
    started = time.monotonic()
    response = post(client, [strip(*selectors, "p.promo-box")])
    assert response.status_code in (200, 422), response.get_json()
    assert response.status_code == 200 or response.get_json()["error"]["code"] == "page_too_complex"
    assert time.monotonic() - started < CAP + 1
    assert_alive(client)


def test_a_text_html_body_takes_no_drafts(client: FlaskClient):
    """Drafts come only in a JSON body: a raw page has no field for them."""
    response = client.post("/clean", query_string={"url": URL}, data=PAGE, content_type="text/html")
    assert response.status_code == 200 and not any(
        r["rule"].startswith("draft:") for r in response.get_json()["removed"]
    )


def test_the_service_checks_what_costs_nothing_before_the_pipeline_runs():
    """Caps on counts and lengths are read in the worker; the schema and the selectors where the page is cleaned."""
    with pytest.raises(BadRequest, match="at most 500"):
        read_draft_rules([strip("div." + "a" * MAX_SELECTOR_CHARS)])
    assert read_draft_rules([strip("div[[")]) == (strip("div[["),)  # compile_drafts refuses it, under the cap
    assert MAX_DRAFT_JSON_CHARS >= MAX_SELECTORS * MAX_SELECTOR_CHARS


def test_contributing_states_the_caps_the_code_holds():
    """CONTRIBUTING.md tells rule authors the draft caps; its numbers are these constants'."""
    text = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert (
        f"at most {MAX_DRAFTS} drafts and {MAX_SELECTORS} selectors in a request, {MAX_SELECTOR_CHARS} characters a "
        f"selector, {MAX_TEXT_SELECTORS} `:has-text` selectors with patterns of at most {MAX_TEXT_PATTERN_CHARS} "
        "characters (RE2)"
    ) in text


# --- the command line -------------------------------------------------------------------------------


def _declutter(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_the_command_line_takes_draft_rule_files(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    draft = tmp_path / "fix.yaml"
    draft.write_text("strip:\n  - category: newsletter\n    selectors: ['p.promo-box']\n", encoding="utf-8")
    done = _declutter("clean", str(page), "--url", URL, "--draft-rule", str(draft))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["removed"][0]["rule"] == "draft:0" and "Morning Brief" not in result["text"]


def test_a_bad_url_is_the_urls_fault_with_or_without_drafts(tmp_path: Path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(page), "--url", "ht tp://x"]) == 1  # no draft: each file refused, as before
    err = capsys.readouterr().err
    assert f"{page}: url must be" in err and "--draft-rule" not in err
    draft = tmp_path / "fix.yaml"
    draft.write_text("keep: [div.a]\n", encoding="utf-8")
    assert main(["clean", str(page), "--url", "ht tp://x", "--draft-rule", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "url must be" in err and "--draft-rule" not in err


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("strip:\n  - category: ads\n    selectors: ['p ~ p']\n", "'~'"),
        ("a: &x [1, 2]\nb: [*x, *x]\n", "aliases"),
        ("strip: [unclosed\n", "not YAML"),
        ("- just a list\n", "must be a mapping"),
        ("strip:\n  - category: ads\n    selectors: ['div.ad']\nstrip: []\n", "duplicate key"),
        ("description: " + "x" * MAX_DRAFT_JSON_CHARS + "\n", f"is over the limit of {MAX_DRAFT_JSON_CHARS} bytes"),
        ("strip:\n  - category: ads\n    selectors: ['div.ad']\n    max_share: .nan\n", "not JSON compliant"),
        ("description: !!binary aGVsbG8=\nkeep: [div.a]\n", "bytes is not JSON serializable"),
        ("keep: !!set {div.a: null}\n", "set is not JSON serializable"),
    ],
    ids=["sibling", "aliases", "not-yaml", "a-list", "duplicate-key", "too-long", "nan", "binary", "set"],
)
def test_a_bad_draft_rule_file_stops_the_command(tmp_path: Path, capsys, text: str, says: str):
    """In this process (an exception main() let through would fail the test): exit 1, the reason, no output."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    draft = tmp_path / "fix.yaml"
    draft.write_text(text, encoding="utf-8")
    assert main(["clean", str(page), "--url", URL, "--draft-rule", str(draft)]) == 1
    out, err = capsys.readouterr()
    assert says in err and out == ""


# --- a real gunicorn --------------------------------------------------------------------------------


def _post(base: str, body: str) -> tuple[int, dict, float]:
    started = time.monotonic()
    status, _, answer = call(base, "POST", "/clean", body.encode(), JSON)
    return status, json.loads(answer or b"{}"), time.monotonic() - started


@pytest.mark.slow
def test_real_gunicorn_survives_hostile_drafts(tmp_path: Path):
    from bench.load import serve

    worst = [
        case
        for case in HOSTILE
        if case.name
        in {
            "thousands of selectors",
            "a 1 MB selector",
            "a repetition bomb",
            "every element",
            "deep :is",
            "deeply nested JSON",
            "positions over 30,000 siblings",
        }
    ]
    assert len(worst) == 7
    env = {"WEB_CONCURRENCY": "1", "DECLUTTER_MAX_SECONDS": str(CAP), "GUNICORN_TIMEOUT": "30"}
    with serve(env=env, log=tmp_path / "gunicorn.log") as server:
        workers = server.worker_pids()
        for case in worst:
            status, data, seconds = _post(server.url, request_body(case.drafts(), case.page()))
            assert (status, data["error"]["code"]) == (case.status, case.code), (case.name, data)
            assert seconds < CAP + 1, (case.name, seconds)
            status, data, _ = _post(server.url, request_body([strip("p.promo-box")]))
            assert status == 200 and data["removed"][0]["rule"] == "draft:0"
        assert server.worker_pids() == workers, "a worker was killed and replaced"
    log = (tmp_path / "gunicorn.log").read_text()
    assert "WORKER TIMEOUT" not in log and "Traceback" not in log
