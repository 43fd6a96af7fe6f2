"""`declutter rules add BUNDLE`: a "Fix this page" share bundle into rules/ and tests/, then `rules check`.

The bundles are real: the Guardian fixture (tests/sites/theguardian.com/guardian-1.html) with a draft that
removes the sponsor badge ("... is supported by", "About this content") the shipped site rule misses. Each test
works on a copy of the rules (schema, generic layer, the site file) and of the site's fixtures in a temporary
checkout.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from server.authoring.add import MAX_FIXTURE_BYTES, MAX_FIXTURES
from server.cli import main
from server.rules.ruleset import read_rule_data
from tests.conftest import ROOT

SITE = "theguardian.com"
FIXTURE = ROOT / "tests/sites/theguardian.com/guardian-1.html"
URL = (
    "https://www.theguardian.com/environment/2019/jan/03/"
    "what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings"
)
MISSED = "Seascape: the state of our oceans is supported by"  # the sponsor badge the site rule leaves in


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """rules/ (schema, generic layer, the site file) and tests/sites/<site>/ copied into a temporary checkout."""
    (tmp_path / "rules/sites").mkdir(parents=True)
    shutil.copy(ROOT / "rules/schema.json", tmp_path / "rules/schema.json")
    shutil.copytree(ROOT / "rules/generic", tmp_path / "rules/generic")
    shutil.copy(ROOT / f"rules/sites/{SITE}.yaml", tmp_path / f"rules/sites/{SITE}.yaml")
    shutil.copytree(ROOT / f"tests/sites/{SITE}", tmp_path / f"tests/sites/{SITE}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def bundle(**changes: object) -> dict:
    """The bundle the extension writes for a reader who picked the sponsor badge on the Guardian page."""
    rule = {
        "name": "The Guardian",
        "domains": [SITE],
        "strip": [
            {"category": "ads", "note": "The sponsor's badge.", "selectors": ["div.badge"]},
            {"category": "social", "selectors": ["div.meta__social"]},  # already in the file
        ],
        "verified": {"by": "a reader", "date": "2026-12-05"},
        "tests": [
            {
                "fixture": "whale-strandings.html",
                "url": URL,
                "must_contain": [
                    "Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding",
                    "“It’s very emotional. Our ancestors tell us the strandings are a sign from the sea.",
                ],
                "must_not_contain": [MISSED, "About this content"],
            }
        ],
    }
    data = {
        "format": "declutter-rule-bundle",
        "version": 1,
        "domain": SITE,
        "rule": rule,
        "fixtures": {"whale-strandings.html": FIXTURE.read_text(encoding="utf-8")},
    }
    for key, value in changes.items():
        if key.startswith("rule_"):
            rule[key.removeprefix("rule_")] = value
        else:
            data[key] = value
    return data


def write(checkout: Path, data: object, name: str = f"{SITE}.declutter-rule.json") -> Path:
    path = checkout / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def add(*args: str | Path) -> int:
    return main(["rules", "add", *map(str, args), "--rules-dir", "rules"])


def snapshot(checkout: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(checkout)): p.read_bytes()
        for folder in ("rules", "tests")
        for p in (checkout / folder).rglob("*")
        if p.is_file()
    }


def test_the_site_rule_misses_what_the_bundle_removes(checkout: Path, capsys):
    """The premise: without the bundle, the Guardian fixture keeps the sponsor badge."""
    from server.pipeline import Options, clean

    assert MISSED in clean(FIXTURE.read_bytes(), URL, Options(attributions=False)).text


def test_merge_appends_new_selectors_and_tests_keeping_the_file(checkout: Path, capsys):
    rule_path = checkout / f"rules/sites/{SITE}.yaml"
    before = rule_path.read_text(encoding="utf-8").splitlines()
    assert add(write(checkout, bundle())) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    after = rule_path.read_text(encoding="utf-8").splitlines()
    # Every line of the file is still there, in order (comments, quoting, flow lists and all).
    remaining = iter(after)
    assert all(line in remaining for line in before)
    data = read_rule_data(rule_path)
    selectors = [s for group in data["strip"] for s in group["selectors"]]
    assert len(selectors) == len(set(selectors)), "no selector twice"
    assert data["strip"][-1] == {
        "category": "ads",
        "note": "The sponsor's badge.",
        "selectors": ["div.badge"],
    }
    assert data["tests"][-1]["fixture"] == "whale-strandings.html" and len(data["tests"]) == 3
    assert data["verified"] == {"by": "declutter-team", "date": "2026-11-21"}, "the file's own verified stays"
    assert (checkout / f"tests/sites/{SITE}/whale-strandings.html").read_bytes() == FIXTURE.read_bytes()
    assert "already there" in out and "`rules check` passes" in out
    # And the merged file passes the check the project's CI runs.
    assert main(["rules", "check", str(rule_path), "--rules-dir", "rules"]) == 0


def test_adding_the_same_bundle_twice_changes_nothing(checkout: Path, capsys):
    path = write(checkout, bundle())
    assert add(path) == 0
    once = snapshot(checkout)
    assert add(path) == 0
    assert snapshot(checkout) == once
    assert "kept tests/sites/theguardian.com/whale-strandings.html (the same page)" in capsys.readouterr().out


def test_a_new_site_file_in_the_house_style(checkout: Path, capsys):
    (checkout / f"rules/sites/{SITE}.yaml").unlink()
    assert add(write(checkout, bundle())) == 0, capsys.readouterr().err
    text = (checkout / f"rules/sites/{SITE}.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Site rule for theguardian.com")
    assert 'domains: ["theguardian.com"]' in text and '    selectors: ["div.badge"]' in text
    assert 'verified: {by: "a reader", date: "2026-12-05"}' in text
    assert read_rule_data(checkout / f"rules/sites/{SITE}.yaml")["tests"] == bundle()["rule"]["tests"]


@pytest.mark.parametrize("existing", [True, False], ids=["merged", "new file"])
def test_a_bundle_that_only_pins_the_article(checkout: Path, capsys, existing: bool):
    """ "This is the article" alone: content selectors, no strip."""
    if not existing:
        (checkout / f"rules/sites/{SITE}.yaml").unlink()
    data = bundle(rule_strip=[], rule_content=["div.content__article-body"])
    data["rule"]["tests"][0]["must_not_contain"] = ["Most popular"]
    assert add(write(checkout, data)) == 0, capsys.readouterr().err
    merged = read_rule_data(checkout / f"rules/sites/{SITE}.yaml")
    assert merged["content"][-1] == "div.content__article-body"
    assert existing == ("strip" in merged)


def test_a_subdomain_bundle_goes_into_the_file_that_covers_it(checkout: Path, capsys):
    data = bundle(domain="www.theguardian.com", rule_domains=["www.theguardian.com"])
    assert add(write(checkout, data)) == 0, capsys.readouterr().err
    assert not (checkout / "rules/sites/www.theguardian.com.yaml").exists()
    assert "div.badge" in (checkout / f"rules/sites/{SITE}.yaml").read_text(encoding="utf-8")


def test_a_failing_check_leaves_the_files_and_says_so(checkout: Path, capsys):
    data = bundle()
    data["rule"]["tests"][0]["must_not_contain"] = ["Whale whisperer Hori Parata was just seven years old"]
    assert add(write(checkout, data)) == 1
    err = capsys.readouterr().err
    assert "FAIL" in err and "must_not_contain still in the output" in err
    assert "the files stay where they are so you can fix them" in err
    assert (checkout / f"tests/sites/{SITE}/whale-strandings.html").exists()
    assert "div.badge" in (checkout / f"rules/sites/{SITE}.yaml").read_text(encoding="utf-8")


def test_a_different_fixture_of_the_same_name_needs_force(checkout: Path, capsys):
    other = checkout / f"tests/sites/{SITE}/whale-strandings.html"
    other.write_text("<html><body><p>another page</p></body></html>", encoding="utf-8")
    before = snapshot(checkout)
    path = write(checkout, bundle())
    assert add(path) == 1
    assert "--force" in capsys.readouterr().err
    assert snapshot(checkout) == before, "nothing written"
    assert add(path, "--force") == 0
    assert other.read_bytes() == FIXTURE.read_bytes()


def test_a_flow_style_strip_list_is_rewritten_whole(checkout: Path, capsys):
    rule_path = checkout / f"rules/sites/{SITE}.yaml"
    data = read_rule_data(rule_path)
    # Every value in flow style, on its key's line: no block to append to.
    rule_path.write_text("".join(f"{key}: {json.dumps(value)}\n" for key, value in data.items()), encoding="utf-8")
    assert add(write(checkout, bundle())) == 0, capsys.readouterr().err
    assert "rewritten whole" in capsys.readouterr().out
    merged = read_rule_data(rule_path)
    assert (
        merged["strip"][: len(data["strip"])] == data["strip"]
        and merged["tests"][: len(data["tests"])] == data["tests"]
    )


def test_tests_dir_must_be_the_one_rules_check_reads(checkout: Path, capsys):
    assert add(write(checkout, bundle()), "--tests-dir", checkout / "elsewhere") == 1
    assert "`rules check` reads fixtures from" in capsys.readouterr().err
    assert add(write(checkout, bundle()), "--tests-dir", checkout / "tests") == 0


def test_strings_that_look_like_yaml_stay_strings(checkout: Path, capsys):
    """A note or phrase carrying YAML syntax, line breaks YAML reads differently, or controls is written so that it
    reads back exactly, and adds nothing to the rule."""
    tricky = [
        "x\n- category: ads\n  selectors: ['body']",
        "&anchor *anchor !!python/object/apply:os.system ['id']",
        "key: value # not a comment",
        "line\u2028separator\u0085next \x7f del \ufeff bom",
        '"quoted" \\ back\tslash',
        "---\n...",
    ]
    data = bundle()
    data["rule"]["strip"][0]["note"] = "\n".join(tricky)
    data["rule"]["tests"][0]["must_not_contain"] += [t for t in tricky if "\n" not in t]
    assert add(write(checkout, data)) == 0, capsys.readouterr().err
    merged = read_rule_data(checkout / f"rules/sites/{SITE}.yaml")
    assert merged["strip"][-1]["note"] == "\n".join(tricky)
    assert merged["strip"][-1]["selectors"] == ["div.badge"]
    assert merged["tests"][-1]["must_not_contain"] == data["rule"]["tests"][0]["must_not_contain"]


def _huge_page() -> str:
    return "<html><body>" + "<p>x</p>" * (MAX_FIXTURE_BYTES // 8) + "</body></html>"


def _with_fixture(name: str, page: object = None) -> dict:
    data = bundle()
    data["fixtures"] = {name: FIXTURE.read_text(encoding="utf-8") if page is None else page}
    data["rule"]["tests"][0]["fixture"] = name
    return data


HOSTILE = {
    "fixture name climbing out": (_with_fixture("../../../rules/sites/evil.html"), "not a plain file name"),
    "fixture name with a folder": (_with_fixture("sub/page.html"), "not a plain file name"),
    "absolute fixture name": (_with_fixture("/tmp/page.html"), "not a plain file name"),
    "hidden fixture name": (_with_fixture(".page.html"), "not a plain file name"),
    "fixture name not .html": (_with_fixture("page.sh"), "not a plain file name"),
    "fixture name with a space": (_with_fixture("my page.html"), "not a plain file name"),
    "fixture name with a NUL": (_with_fixture("page\x00.html"), "not a plain file name"),
    "a huge fixture": (_with_fixture("big.html", _huge_page()), f"at most {MAX_FIXTURE_BYTES}"),
    "a fixture not a string": (_with_fixture("page.html", ["<html>"]), "as a string"),
    "too many fixtures": (
        bundle(fixtures={f"p{i}.html": "<p>x</p>" for i in range(MAX_FIXTURES + 1)}),
        f"at most {MAX_FIXTURES}",
    ),
    "a fixture in no test": (
        bundle(fixtures={"whale-strandings.html": "<p>x</p>", "extra.html": "<p>y</p>"}),
        "in no test",
    ),
    "a test without its fixture": (bundle(fixtures={"other.html": "<p>x</p>"}), "not in the bundle"),
    "domain climbing out": (bundle(domain="../../etc"), "not a host name"),
    "domain with a path": (bundle(domain="theguardian.com/../../x"), "not a host name"),
    "domain without a dot": (bundle(domain="localhost"), "not a host name"),
    "domain an address": (bundle(domain="127.0.0.1"), "not a host name"),
    "domain in capitals": (bundle(domain="TheGuardian.com"), "not a host name"),
    "domain not a string": (bundle(domain=["theguardian.com"]), "host name"),
    "domain not the rule's": (bundle(domain="example.com"), "do not cover"),
    "unknown bundle key": (bundle(script="rm -rf /"), "unknown key(s) ['script']"),
    "missing bundle key": ({k: v for k, v in bundle().items() if k != "fixtures"}, "missing key(s) ['fixtures']"),
    "unknown rule key": (bundle(rule_hook="x"), "'hook' was unexpected"),
    "unknown group key": (
        bundle(rule_strip=[{"category": "ads", "selectors": ["div.badge"], "run": "x"}]),
        "'run' was unexpected",
    ),
    "a wrong format": (bundle(format="something-else"), "reads 'declutter-rule-bundle' version 1"),
    "a later version": (bundle(version=2), "version 1"),
    "version true": (bundle(version=True), "version 1"),
    "no tests": (bundle(rule_tests=[]), "rule/tests"),
    "nothing to do": (bundle(rule_strip=[]), "does nothing"),
    "keep alone": (bundle(rule_strip=[], rule_keep=["div.content__article-body"]), "strips something"),
    "no verified": ({**bundle(), "rule": {k: v for k, v in bundle()["rule"].items() if k != "verified"}}, "verified"),
    "an XPath selector": (
        bundle(rule_strip=[{"category": "ads", "selectors": ["xpath://a"]}]),
        "XPath is not accepted",
    ),
    "a selector for every element": (bundle(rule_strip=[{"category": "ads", "selectors": ["*"]}]), "every element"),
    "a NaN limit": (
        bundle(rule_strip=[{"category": "ads", "selectors": ["div.badge"], "max_share": float("nan")}]),
        "not JSON compliant",
    ),
    "thousands of selectors": (
        bundle(rule_strip=[{"category": "ads", "selectors": [f"a.x{i}" for i in range(3000)]}]),
        "at most that many",
    ),
    "a rule not an object": (bundle(rule=None), "site rule object"),
    "a bundle not an object": ([1, 2], "a JSON object"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_bundles_are_refused_and_nothing_is_written(checkout: Path, capsys, case: str):
    data, says = HOSTILE[case]
    before = snapshot(checkout)
    assert add(write(checkout, data)) == 1
    err = capsys.readouterr().err
    assert says in err, err
    assert "Traceback" not in err and len(err) < 2000
    assert snapshot(checkout) == before
    assert not (checkout.parent / "rules").exists() and not Path("/tmp/page.html").exists()


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"{not json", "not a JSON bundle"), (b"[" * 100_000 + b"]" * 100_000, "not a JSON bundle"), (b"", "JSON")],
)
def test_a_file_that_is_not_a_bundle(checkout: Path, capsys, content: bytes, says: str):
    path = checkout / "x.declutter-rule.json"
    path.write_bytes(content)
    assert add(path) == 1
    assert says in capsys.readouterr().err


def test_contributing_states_the_fixture_limit_the_code_holds():
    text = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert f"at most {MAX_FIXTURE_BYTES / (1 << 20):g} MiB per fixture" in text


def test_a_missing_bundle(checkout: Path, capsys):
    assert add(checkout / "absent.json") == 1
    assert "cannot read" in capsys.readouterr().err
