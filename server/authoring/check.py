"""`declutter rules check`: validate rule files and run their fixture tests (what CI runs)."""

from __future__ import annotations

import argparse
import html as htmllib
import logging
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from ..config import RULES_DIR
from ..decode import decode
from ..errors import DeclutterError, RuleError
from ..parse import parse
from ..pipeline import CleanResult, Options, clean
from ..plaintext import SOFT_HYPHEN
from ..rules.constants import NON_CONTENT_TAGS
from ..rules.ruleset import Rule, RuleSet, compile_rule, read_rule_data
from ..rules.selectors import Selector
from ..textmetrics import normalise_space, word_f1
from .shared import (
    EXIT_FAILED,
    EXIT_OK,
    PLACEHOLDER,
    RULES_DIR_HELP,
    expected_text_path,
    fixture_dir,
    generic_rules,
    relative,
    rule_files,
)

log = logging.getLogger(__name__)

# A site rule may not score below the generic layer alone on its own fixtures (word F1, rounding slack).
SCORE_SLACK = 0.0005
_TAG_RE = re.compile(r"<[^<>]++>")  # a scan from one '<' stops at the next: linear however many there are


@dataclass
class Score:
    """One fixture run with one set of rules."""

    f1: float | None
    must_ok: int
    must_total: int
    must_not_ok: int
    must_not_total: int
    error: str | None = None


@dataclass
class FixtureScores:
    rule: str
    fixture: str
    generic: Score
    site: Score


@dataclass
class CheckReport:
    """What `rules check` found in one rule file."""

    path: Path
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scores: list[FixtureScores] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Context:
    """One rule file under check, with what every one of its fixture tests needs."""

    path: Path
    rule: Rule
    ruleset: RuleSet
    report: CheckReport
    scores: bool
    strip_selectors: list[Selector]
    matched: set[str] = field(default_factory=set)


def html_text(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace-normalised, so a phrase split by tags still shows."""
    return normalise_space(htmllib.unescape(_TAG_RE.sub(" ", fragment)))


def check_file(path: Path, *, scores: bool = True) -> CheckReport:
    """Everything CI asks of one rule file; the report lists each failure as a sentence naming what to fix."""
    path = Path(path)
    report = CheckReport(path)
    loaded = _load(path, report)
    if loaded is None:
        return report
    data, rule = loaded
    generic = generic_rules(path.parent.parent, rule if rule.is_generic else None)
    ruleset = RuleSet(sites={} if rule.is_generic else dict.fromkeys(rule.domains, rule), generic=generic)
    strip_selectors = [s for group in rule.strip for s in group.selectors]
    context = _Context(path, rule, ruleset, report, scores, strip_selectors)
    for i, test in enumerate(data["tests"]):
        _check_test(context, f"{path}: tests/{i} ({test['fixture']})", test)
    folder = relative(fixture_dir(path))
    for selector in strip_selectors:
        if selector.source not in context.matched:
            report.errors.append(
                f"{path}: strip selector {selector.source!r} matches nothing in any fixture "
                f"of {folder}/ (a dead selector: the site changed, or a typo)"
            )
    return report


def _load(path: Path, report: CheckReport) -> tuple[dict, Rule] | None:
    """The file's data and compiled rule when it may run its tests; None with the reasons in the report."""
    try:
        data = read_rule_data(path)
    except RuleError as exc:
        report.errors.extend(exc.message.splitlines())
        return None
    # Placeholders first: a scaffolded selector is not CSS yet, and the author should hear why.
    for where in _placeholders(data):
        report.errors.append(
            f"{path}: {where}: still holds a {PLACEHOLDER} placeholder written by "
            "`declutter rules new`/`import-ftr`; replace it with the real value"
        )
    try:
        rule = compile_rule(path, data)
    except RuleError as exc:
        if not report.errors:
            report.errors.extend(exc.message.splitlines())
        return None
    if not rule.is_generic and "verified" not in data:
        report.errors.append(
            f"{path}: verified: a site rule must say who verified it and when "
            "(verified: {by: NAME, date: YYYY-MM-DD})"
        )
    if not data.get("tests"):
        report.errors.append(
            f"{path}: tests: a rule needs at least one fixture test (fixtures live in {relative(fixture_dir(path))}/)"
        )
        return None
    return None if report.errors else (data, rule)


def _placeholders(data: dict) -> list[str]:
    """Keys still holding what `rules new` or `rules import-ftr` wrote for a person to fill in."""
    found: list[str] = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, str) and value.strip().startswith(PLACEHOLDER):
            found.append(where)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}/{key}" if where else str(key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}/{i}")

    walk(data, "")
    return found


def _check_test(context: _Context, where: str, test: dict) -> None:
    """One fixture test: the page is found and covered, selectors match, expectations hold, the score is kept."""
    rule, report = context.rule, context.report
    fixture = fixture_dir(context.path) / test["fixture"]
    try:
        page = fixture.read_bytes()
    except OSError:
        report.errors.append(f"{where}: fixture not found: {fixture}")
        return
    host = urlsplit(test["url"]).hostname
    if not rule.is_generic and context.ruleset.for_host(host) is not rule:
        report.errors.append(f"{where}: url host {host} is not covered by domains {list(rule.domains)}")
        return
    _check_selectors(context, where, _prepared_tree(page))
    site_score, result = _run(page, test["url"], context.ruleset, True, test)
    if result is None:
        report.errors.append(f"{where}: the pipeline failed: {site_score.error}")
        return
    _check_expectations(context, where, test, result)
    if not rule.is_generic and context.scores:
        _score(context, where, test, page, fixture, site_score, result)


def _check_selectors(context: _Context, where: str, tree: etree._Element) -> None:
    """Remember which strip selectors match this fixture; warn of content and keep selectors that do not."""
    matched = context.matched
    matched.update(s.source for s in context.strip_selectors if s.source not in matched and s.select(tree))
    for label, selectors in (("content", context.rule.content), ("keep", context.rule.keep)):
        for selector in selectors:
            if not selector.select(tree):
                context.report.warnings.append(f"{where}: {label} selector {selector.source!r} matches nothing here")


def _as_text(phrase: str) -> str:
    """A phrase as the plain text writes it: soft hyphens (copied from the page with its words) left out."""
    return normalise_space(phrase.replace(SOFT_HYPHEN, ""))


def _still_shown(phrase: str, text: str, fragment: str, visible: str) -> bool:
    """Whether a must_not_contain phrase is in the cleaned text, the output HTML or the HTML's visible text."""
    return _as_text(phrase) in text or phrase in fragment or normalise_space(phrase) in visible


def _check_expectations(context: _Context, where: str, test: dict, result: CleanResult) -> None:
    """must_contain, must_not_contain, title and byline, and no strip of this rule refused."""
    errors = context.report.errors
    text, fragment = normalise_space(result.text), result.html
    visible = html_text(fragment)
    for phrase in test["must_contain"]:
        if _as_text(phrase) not in text:
            errors.append(f"{where}: must_contain not found in the cleaned text: {phrase!r}")
    for phrase in test["must_not_contain"]:
        if _still_shown(phrase, text, fragment, visible):
            errors.append(f"{where}: must_not_contain still in the output: {phrase!r}")
    for key in ("title", "byline"):
        if key in test and normalise_space(test[key]) != normalise_space(getattr(result, key) or ""):
            errors.append(f"{where}: {key}: expected {test[key]!r}, got {getattr(result, key)!r}")
    for removal in result.removed:
        if removal.get("refused") and removal["rule"] == context.rule.path:
            errors.append(
                f"{where}: selector {removal['selector']!r} was refused: it would remove "
                f"most of the article ({removal['sample'][:60]!r}...)"
            )


def _score(
    context: _Context, where: str, test: dict, page: bytes, fixture: Path, site_score: Score, result: CleanResult
) -> None:
    """The site rule against the generic layer alone on this fixture; below it is an error."""
    expected_path = expected_text_path(fixture)
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else None
    generic_score, generic_result = _run(page, test["url"], context.ruleset, False, test)
    if expected is not None:
        site_score.f1 = word_f1(expected, result.text)
        generic_score.f1 = word_f1(expected, generic_result.text) if generic_result is not None else 0.0
        if site_score.f1 + SCORE_SLACK < generic_score.f1:
            context.report.errors.append(
                f"{where}: the site rule scores below the generic layer alone: word F1 "
                f"{site_score.f1:.3f} < {generic_score.f1:.3f} against {expected_path.name}"
            )
    context.report.scores.append(FixtureScores(context.rule.path, test["fixture"], generic_score, site_score))


def _prepared_tree(page: bytes) -> etree._Element:
    """The fixture as the declutter stage sees it: parsed, scripts and styles gone."""
    root = parse(decode(page))
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)
    return root


def _run(page: bytes, url: str, rules: RuleSet, site_rules: bool, test: dict) -> tuple[Score, CleanResult | None]:
    must, must_not = test.get("must_contain", []), test.get("must_not_contain", [])
    try:
        result = clean(page, url, Options(attributions=False, site_rules=site_rules), rules=rules)
    except DeclutterError as exc:
        return Score(None, 0, len(must), 0, len(must_not), error=exc.message), None
    text, fragment = normalise_space(result.text), result.html
    visible = html_text(fragment)
    must_ok = sum(_as_text(s) in text for s in must)
    must_not_ok = sum(not _still_shown(s, text, fragment, visible) for s in must_not)
    return Score(None, must_ok, len(must), must_not_ok, len(must_not)), result


def check_domains(paths: Iterable[Path]) -> list[str]:
    """Two site files claiming one domain is an error the loader would raise at start-up."""
    owners: dict[str, Path] = {}
    errors = []
    for path in paths:
        if path.parent.name != "sites":
            continue
        try:
            data = read_rule_data(path)
        except RuleError:
            continue  # reported by check_file
        for domain in data.get("domains", []):
            if domain in owners:
                errors.append(f"{path}: domains: {domain} is already claimed by {owners[domain]}")
            owners[domain] = path
    return errors


def format_scores(rows: Sequence[FixtureScores]) -> str:
    """A plain table: word F1 against the expected text, must/must-not pass rates, generic → site."""

    def f1(score: Score) -> str:
        return "   -" if score.f1 is None else f"{score.f1:.3f}"

    def rate(ok: int, total: int) -> str:
        return f"{ok}/{total}"

    header = f"{'site':<30} {'fixture':<22} {'F1 generic → site':>19}  {'must':>13}  {'must-not':>13}"
    lines = [header, "-" * len(header)]
    for row in rows:
        site = Path(row.rule).stem
        g, s = row.generic, row.site
        lines.append(
            f"{site:<30} {row.fixture[:22]:<22} {f1(g):>8} → {f1(s):<8}  "
            f"{rate(g.must_ok, g.must_total):>5} → {rate(s.must_ok, s.must_total):<5}  "
            f"{rate(g.must_not_ok, g.must_not_total):>5} → {rate(s.must_not_ok, s.must_not_total):<5}"
        )
    scored = [r for r in rows if r.generic.f1 is not None and r.site.f1 is not None]
    if scored:
        mean_g = sum(r.generic.f1 for r in scored) / len(scored)
        mean_s = sum(r.site.f1 for r in scored) / len(scored)
        lines.append("-" * len(header))
        lines.append(f"{'mean over ' + str(len(scored)) + ' scored fixtures':<53} {mean_g:>8.3f} → {mean_s:.3f}")
    return "\n".join(lines)


def add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="validate rule files and run their fixture tests (what CI runs)")
    check.add_argument("files", nargs="*", metavar="FILE", help="rule files (default: every file in rules/)")
    check.add_argument(
        "--scores", action="store_true", help="print per site the generic-only vs site-rule scores on its fixtures"
    )
    check.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=RULES_DIR_HELP)
    check.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    paths = [relative(Path(f)) for f in args.files] or [relative(p) for p in rule_files(args.rules_dir)]
    if not paths:
        print(f"declutter: no rule files in {args.rules_dir}", file=sys.stderr)
        return EXIT_FAILED
    failed = 0
    all_scores: list[FixtureScores] = []
    for message in check_domains(paths):
        print(f"FAIL {message}", file=sys.stderr)
        failed += 1
    for path in paths:
        if not path.exists():
            print(f"FAIL {path}: no such file", file=sys.stderr)
            failed += 1
            continue
        report = check_file(path, scores=True)
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for error in report.errors:
            print(f"FAIL {error}", file=sys.stderr)
        failed += not report.ok
        all_scores.extend(report.scores)
        print(f"{'ok  ' if report.ok else 'FAIL'} {path}")
    if args.scores:
        print()
        print(format_scores(all_scores))
    print(
        f"\n{len(paths) - failed} of {len(paths)} rule files pass"
        + ("" if not failed else "; fix the FAIL lines above (each names the file, key or selector)")
    )
    return EXIT_FAILED if failed else EXIT_OK
