"""`declutter rules add BUNDLE`: a "Fix this page" share bundle (from the extension) into rules/ and tests/.

The bundle is JSON, `<domain>.declutter-rule.json`:
    {"format": "declutter-rule-bundle", "version": 1, "domain": "example.com",
     "rule": {site rule as in rules/schema.json, with verified and tests},
     "fixtures": {"<name>.html": "<the captured page's HTML>"}}
It is untrusted: nothing is written until the whole bundle passes (its keys, the domain, plain fixture names,
sizes, the rule against the schema and the draft rules' caps). The rule goes into the site file that already
covers the domain, merged (new strip selectors and tests appended, the file's own text and comments kept), or into
a new rules/sites/<domain>.yaml; the fixtures into that file's tests/sites/<stem>/. Then the file gets the
`rules check`; a failure leaves the files in place for the author to fix, and says so.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..config import RULES_DIR
from ..errors import BadRequest, DeclutterError, RuleError
from ..limits import NO_DEADLINE, read_capped
from ..rules.draft import compile_drafts
from ..rules.ruleset import StrictLoader, read_rule_data
from .check import check_domains, check_file
from .shared import DOMAIN_RE, EXIT_FAILED, EXIT_OK, RULES_DIR_HELP, fixture_dir, relative, tests_root

log = logging.getLogger(__name__)

BUNDLE_FORMAT, BUNDLE_VERSION = "declutter-rule-bundle", 1
BUNDLE_KEYS = frozenset({"format", "version", "domain", "rule", "fixtures"})
MAX_FIXTURE_BYTES = 3 * 1024 * 1024 // 2  # CONTRIBUTING.md's limit, held by tests/test_rules.py
MAX_FIXTURES = 8
MAX_BUNDLE_BYTES = MAX_FIXTURES * MAX_FIXTURE_BYTES * 2 + (1 << 20)  # JSON escaping about doubles a page at worst
MAX_DOMAIN_CHARS = 253  # DNS
# A fixture name is a plain file name (the schema's characters): no folder, no leading dot, nothing read specially.
FIXTURE_NAME_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}\.html$")
# Characters json.dumps writes raw that YAML reads as a line break or refuses in a stream: written as \u escapes.
_YAML_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# The order of a site file's keys, as the shipped files write them.
KEY_ORDER = ("name", "domains", "description", "content", "title", "byline", "published", "keep", "strip")
LIST_KEYS = ("content", "title", "byline", "published", "keep")
GROUP_KEY_ORDER = ("category", "note", "max_words", "max_share", "selectors")
TEST_KEY_ORDER = ("fixture", "url", "title", "byline", "must_contain", "must_not_contain")


@dataclass
class Bundle:
    domain: str
    rule: dict
    fixtures: dict[str, str]


@dataclass
class Plan:
    """What `add` writes: the site file's new text and the fixtures, each with what it does."""

    rule_path: Path
    text: str
    fixtures: dict[Path, bytes]
    notes: list[str] = field(default_factory=list)


def add_parser(sub: argparse._SubParsersAction) -> None:
    add = sub.add_parser("add", help='add a "Fix this page" share bundle to rules/ and tests/, then check it')
    add.add_argument("bundle", type=Path, metavar="BUNDLE", help="<domain>.declutter-rule.json from the extension")
    add.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=RULES_DIR_HELP)
    add.add_argument(
        "--tests-dir",
        type=Path,
        default=None,
        help="where fixtures go: the tests/ folder beside --rules-dir, which `rules check` reads (the default)",
    )
    add.add_argument("--force", action="store_true", help="overwrite an existing fixture of the same name")
    add.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    rules_dir = args.rules_dir
    expected_tests = tests_root(rules_dir)
    if args.tests_dir is not None and args.tests_dir.resolve() != expected_tests:
        raise DeclutterError(
            f"--tests-dir {args.tests_dir}: `rules check` reads fixtures from {expected_tests} "
            "(the tests/ folder beside --rules-dir); pass that folder or leave the option out"
        )
    bundle = read_bundle(args.bundle, rules_dir / "schema.json")
    plan = plan_add(bundle, rules_dir, force=args.force)
    write_plan(plan)
    for note in plan.notes:
        print(note)
    report = check_file(plan.rule_path, scores=True)  # as `rules check` runs it
    errors = [*check_domains(sorted((rules_dir / "sites").glob("*.yaml"))), *report.errors]
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in errors:
        print(f"FAIL {error}", file=sys.stderr)
    shown = relative(plan.rule_path)
    if errors:
        print(
            f"declutter: `rules check` fails on {shown}: the files stay where they are so you can fix them "
            f"(see the FAIL lines), then run `declutter rules check {shown}`",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(f"ok   {shown}: `rules check` passes; commit it with its fixtures and open a pull request")
    return EXIT_OK


def read_bundle(path: Path, schema_path: Path) -> Bundle:
    """The bundle, every part checked; DeclutterError names the part that is wrong."""
    try:
        raw = read_capped(path, MAX_BUNDLE_BYTES, f"the bundle {path}")
    except OSError as exc:
        raise DeclutterError(f"cannot read the bundle {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise DeclutterError(f"{path}: not a JSON bundle: {str(exc)[:200]}") from exc
    if not isinstance(data, dict):
        raise DeclutterError(f"{path}: a bundle is a JSON object")
    unknown = sorted(set(data) - BUNDLE_KEYS)
    missing = sorted(BUNDLE_KEYS - set(data))
    if unknown or missing:
        raise DeclutterError(
            f"{path}: unknown key(s) {unknown} / missing key(s) {missing}; a bundle has {sorted(BUNDLE_KEYS)}"
        )
    if data["format"] != BUNDLE_FORMAT or data["version"] != BUNDLE_VERSION or isinstance(data["version"], bool):
        raise DeclutterError(
            f"{path}: format {str(data['format'])[:60]!r} version {str(data['version'])[:20]}: "
            f"this command reads {BUNDLE_FORMAT!r} version {BUNDLE_VERSION}"
        )
    domain = _domain(data["domain"], path)
    fixtures = _fixtures(data["fixtures"], path)
    rule = _rule(data["rule"], domain, fixtures, schema_path, path)
    return Bundle(domain, rule, fixtures)


def _domain(value: object, path: Path) -> str:
    if not isinstance(value, str):
        raise DeclutterError(f"{path}: domain must be a host name such as example.com")
    if len(value) > MAX_DOMAIN_CHARS or not DOMAIN_RE.match(value) or value.rsplit(".", 1)[1].isdigit():
        raise DeclutterError(f"{path}: domain {value[:80]!r} is not a host name such as example.com")
    if any(not label or len(label) > 63 or label.endswith("-") for label in value.split(".")):
        raise DeclutterError(f"{path}: domain {value[:80]!r} is not a host name such as example.com")
    return value


def _fixtures(value: object, path: Path) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise DeclutterError(f"{path}: fixtures must map file names to the captured pages' HTML")
    if len(value) > MAX_FIXTURES:
        raise DeclutterError(f"{path}: {len(value)} fixtures; at most {MAX_FIXTURES} are accepted")
    for name, page in value.items():
        if not FIXTURE_NAME_RE.match(name):
            raise DeclutterError(
                f"{path}: fixture name {name[:80]!r} is not a plain file name (letters, digits, '.', '_' and '-', "
                "not starting with '.', ending in .html)"
            )
        if not isinstance(page, str):
            raise DeclutterError(f"{path}: fixtures/{name} must be the page's HTML as a string")
        size = len(page.encode("utf-8", "surrogatepass"))
        if size > MAX_FIXTURE_BYTES:
            raise DeclutterError(f"{path}: fixtures/{name} is {size} bytes; at most {MAX_FIXTURE_BYTES} are accepted")
    return value


def _rule(value: object, domain: str, fixtures: dict[str, str], schema_path: Path, path: Path) -> dict:
    """The rule, checked as a site rule and within the draft rules' caps (it comes from the same picker)."""
    if not isinstance(value, dict):
        raise DeclutterError(f"{path}: rule must be a site rule object (rules/schema.json)")
    try:
        compile_drafts([value], domain, schema_path, NO_DEADLINE)
    except BadRequest as exc:
        raise DeclutterError(f"{path}: {exc.message.replace('draft_rules/0', 'rule')}") from exc
    if domain not in value.get("domains", ()):
        raise DeclutterError(f"{path}: rule/domains must list the bundle's domain {domain}")
    for key in ("verified", "tests"):
        if not value.get(key):
            raise DeclutterError(f"{path}: rule/{key}: a shared site rule needs it (see CONTRIBUTING.md)")
    if not value.get("strip") and not value.get("content"):
        raise DeclutterError(f"{path}: rule: a shared site rule strips something (strip) or pins the article (content)")
    named = {test["fixture"] for test in value["tests"]}
    unused, absent = sorted(set(fixtures) - named), sorted(named - set(fixtures))
    if unused or absent:
        raise DeclutterError(
            f"{path}: fixtures {unused} are in no test; tests name fixtures {absent} not in the bundle"
        )
    return value


def find_site_file(rules_dir: Path, domain: str) -> Path:
    """The site file covering the domain (naming it, else one of its parent domains), or the new file's path."""
    claims: dict[str, Path] = {}
    for path in sorted((rules_dir / "sites").glob("*.yaml")):
        try:
            data = read_rule_data(path)
        except RuleError:
            data = {"domains": [path.stem]}  # an invalid file still claims its name; `rules check` reports it
        for claimed in data.get("domains", ()):
            claims.setdefault(claimed, path)
    labels = domain.split(".")
    for i in range(len(labels) - 1):
        found = claims.get(".".join(labels[i:]))
        if found is not None:
            return found
    return rules_dir / "sites" / f"{domain}.yaml"


def plan_add(bundle: Bundle, rules_dir: Path, *, force: bool = False) -> Plan:
    """Everything `add` will write, decided before anything is: the merged file and the fixtures."""
    rule_path = find_site_file(rules_dir, bundle.domain)
    notes: list[str] = []
    if rule_path.exists():
        text, merge_notes = merge_rule(rule_path, bundle.rule)
        notes += merge_notes
    else:
        text = render_rule(bundle.rule, bundle.domain)
        notes.append(f"wrote {relative(rule_path)}")
    folder = fixture_dir(rule_path)
    fixtures: dict[Path, bytes] = {}
    for name, page in bundle.fixtures.items():
        target, data = folder / name, page.encode("utf-8", "surrogatepass")
        if target.exists() and target.read_bytes() != data:
            if not force:
                raise DeclutterError(
                    f"{relative(target)} exists and holds another page; rename the fixture in the bundle, "
                    "or pass --force to overwrite it"
                )
            notes.append(f"overwrote {relative(target)} (--force)")
        elif target.exists():
            notes.append(f"kept {relative(target)} (the same page)")
            continue
        else:
            notes.append(f"wrote {relative(target)}")
        fixtures[target] = data
    return Plan(rule_path, text, fixtures, notes)


def write_plan(plan: Plan) -> None:
    plan.rule_path.parent.mkdir(parents=True, exist_ok=True)
    plan.rule_path.write_text(plan.text, encoding="utf-8")
    for target, data in plan.fixtures.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# --- writing YAML in the style of rules/sites/ -----------------------------------------------------------


def scalar(value: Any) -> str:
    """A YAML flow scalar that reads back as this value: JSON (which YAML reads), its raw line breaks escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE_RE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def flow_list(values: list) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def render_group(group: dict) -> list[str]:
    lines = [f"  - category: {group['category']}"]
    for key in GROUP_KEY_ORDER[1:]:
        if key in group:
            value = group[key]
            lines.append(f"    {key}: {flow_list(value) if isinstance(value, list) else scalar(value)}")
    return lines


def render_test(test: dict) -> list[str]:
    lines = [f"  - fixture: {scalar(test['fixture'])}"]
    for key in TEST_KEY_ORDER[1:]:
        if key not in test:
            continue
        value = test[key]
        if isinstance(value, list):
            lines.append(f"    {key}:" + ("" if value else " []"))
            lines += [f"      - {scalar(item)}" for item in value]
        else:
            lines.append(f"    {key}: {scalar(value)}")
    return lines


def render_verified(verified: dict) -> str:
    return f"verified: {{by: {scalar(verified['by'])}, date: {scalar(verified['date'])}}}"


def render_rule(rule: dict, domain: str) -> str:
    """A new site file, written as the shipped ones are."""
    lines = [f'# Site rule for {domain}, from a "Fix this page" bundle (declutter rules add); see CONTRIBUTING.md.']
    rule = {"name": domain, **rule}
    for key in KEY_ORDER:
        if rule.get(key) in (None, []):
            continue
        if key == "strip":
            lines.append("strip:")
            for group in rule["strip"]:
                lines += render_group(group)
        elif key in ("domains", *LIST_KEYS):
            lines.append(f"{key}: {flow_list(rule[key])}")
        else:
            lines.append(f"{key}: {scalar(rule[key])}")
    lines.append(render_verified(rule["verified"]))
    lines.append("tests:")
    for test in rule["tests"]:
        lines += render_test(test)
    return "\n".join(lines) + "\n"


# --- merging into an existing file ------------------------------------------------------------------


def merge_rule(path: Path, rule: dict) -> tuple[str, list[str]]:
    """The existing file with the bundle's new strip selectors, content/keep/... selectors and tests added, its
    own lines (comments, order, style) kept; the merged text is read back and must mean the merged data."""
    text = path.read_text(encoding="utf-8")
    current = read_rule_data(path)
    merged, notes = merged_data(current, rule, relative(path))
    lines = text.splitlines()
    for key in LIST_KEYS:
        if merged.get(key) != current.get(key):
            lines = _set_key(lines, key, [f"{key}: {flow_list(merged[key])}"])
    new_groups = merged.get("strip", [])[len(current.get("strip", [])) :]
    if new_groups:
        group_lines = [line for group in new_groups for line in render_group(group)]
        lines = _append_to_key(lines, "strip", group_lines)
    new_tests = merged["tests"][len(current.get("tests", [])) :]
    if new_tests:
        lines = _append_to_key(lines, "tests", [line for test in new_tests for line in render_test(test)])
    if "verified" not in current:
        lines = _set_key(lines, "verified", [render_verified(merged["verified"])])
    result = "\n".join(lines) + "\n"
    if _read_back(result) != merged:
        # The file's layout defeated the line edits (a flow-style strip or tests list): write it out whole.
        notes.append(f"{relative(path)}: rewritten whole, as its layout could not be extended line by line")
        domain = merged["domains"][0]
        result = render_rule(merged, domain)
    return result, notes


def _read_back(text: str) -> object:
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError:
        return None


def merged_data(current: dict, rule: dict, shown: Path) -> tuple[dict, list[str]]:
    """The merged rule as data: selectors not in the file appended (a group keeps only its new selectors), tests
    not in the file appended; the file's name, domains, description and verified kept."""
    merged = json.loads(json.dumps(current))  # a deep copy of plain data
    notes: list[str] = []
    for key in LIST_KEYS:
        new = [s for s in rule.get(key, ()) if s not in merged.get(key, ())]
        if new:
            merged[key] = [*merged.get(key, ()), *new]
            notes.append(f"{shown}: {key}: added {len(new)} selector(s) after the file's own")
    known = {s for group in merged.get("strip", ()) for s in group["selectors"]}
    for group in rule.get("strip", ()):
        new = [s for s in group["selectors"] if s not in known]
        if not new:
            notes.append(f"{shown}: strip: the {group['category']} selectors {group['selectors']} are already there")
            continue
        known.update(new)
        merged.setdefault("strip", []).append({**group, "selectors": new})
        notes.append(f"{shown}: strip: added a group ({group['category']}) of {len(new)} selector(s)")
    for test in rule["tests"]:
        if test in merged.get("tests", ()):
            continue
        merged.setdefault("tests", []).append(test)
        notes.append(f"{shown}: tests: added the test of {test['fixture']}")
    merged.setdefault("verified", rule["verified"])
    return merged, notes


_TOP_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*+):")


def _key_span(lines: list[str], key: str) -> tuple[int, int] | None:
    """The lines of a top-level key's entry, from its `key:` line to before the next key (and the comments and
    blank lines just above that key, which belong to it)."""
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY_RE.match(lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return start, end


def _append_to_key(lines: list[str], key: str, added: list[str]) -> list[str]:
    span = _key_span(lines, key)
    if span is None:
        return _set_key(lines, key, [f"{key}:", *added])
    start, end = span
    if lines[start].split("#", 1)[0].strip() != f"{key}:":
        return lines  # a flow-style list on the key's line: merge_rule's read-back check writes the file whole
    return [*lines[:end], *added, *lines[end:]]


def _set_key(lines: list[str], key: str, replacement: list[str]) -> list[str]:
    """The key's entry replaced, or added where KEY_ORDER puts it (verified and tests last)."""
    span = _key_span(lines, key)
    if span is not None:
        return [*lines[: span[0]], *replacement, *lines[span[1] :]]
    order = [*KEY_ORDER, "verified", "tests"]
    later = order[order.index(key) + 1 :]
    spans = [s for k in later if (s := _key_span(lines, k)) is not None]
    at = min((s[0] for s in spans), default=len(lines))
    return [*lines[:at], *replacement, *lines[at:]]
