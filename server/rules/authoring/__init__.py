"""`declutter rules ...`: tooling for rule authors (check, new, explain, import-ftr).

A rule file's tests live next to the rules: rules/sites/<domain>.yaml reads its fixtures from
tests/sites/<domain>/, rules/generic/<name>.yaml from tests/generic/<name>/. Everything here runs offline.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import html as htmllib
import json
import logging
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from ...config import RULES_DIR
from ...decode import decode
from ...errors import DeclutterError, RuleError
from ...parse import parse
from ..constants import NON_CONTENT_TAGS
from ..ruleset import Rule, RuleSet, compile_rule, read_rule_data

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1
# What `rules new` and `rules import-ftr` write where only a person can decide; `rules check` refuses it.
PLACEHOLDER = "TODO"
# A site rule may not score below the generic layer alone on its own fixtures (word F1, rounding slack).
SCORE_SLACK = 0.0005
_DOMAIN_RE = re.compile(r"^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$")
_WORD_RE = re.compile(r"\w+")
_TAG_RE = re.compile(r"<[^>]+>")
_RULES_DIR_HELP = "the rules folder; fixtures are read from the tests/ folder beside it (default: %(default)s)"


# --- locating files ---------------------------------------------------------------------------------


def tests_root(rules_dir: Path) -> Path:
    """The tests/ folder beside a rules/ folder."""
    return rules_dir.resolve().parent / "tests"


def fixture_dir(path: Path) -> Path:
    """tests/sites/<domain>/ for a site rule, tests/generic/<file stem>/ for a generic one."""
    kind = "generic" if path.parent.name == "generic" else "sites"
    return tests_root(path.parent.parent) / kind / path.stem


def expected_text_path(fixture: Path) -> Path:
    """Where the article text a fixture should yield is kept, for the scores: <fixture stem>.expected.txt."""
    return fixture.with_name(fixture.name.removesuffix(".html") + ".expected.txt")


def _relative(path: Path) -> Path:
    """A path as short as possible in messages: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def rule_files(rules_dir: Path) -> list[Path]:
    return sorted((rules_dir / "generic").glob("*.yaml")) + sorted((rules_dir / "sites").glob("*.yaml"))


# --- scoring --------------------------------------------------------------------------------------


def normalize(text: str) -> str:
    return " ".join(text.split())


def word_f1(expected: str, extracted: str) -> float:
    """Word F1: lowercased \\w+ tokens as multisets (the WCXB metric); two empty texts agree perfectly."""
    want = collections.Counter(_WORD_RE.findall((expected or "").lower()))
    got = collections.Counter(_WORD_RE.findall((extracted or "").lower()))
    if not want and not got:
        return 1.0
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def html_text(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace-normalised, so a phrase split by tags still shows."""
    return normalize(htmllib.unescape(_TAG_RE.sub(" ", fragment)))


# --- checking ---------------------------------------------------------------------------------------


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


def load_checked(path: Path) -> Rule:
    """Parse, validate and compile one file; RuleError names the file, the key or the selector."""
    return compile_rule(path, read_rule_data(path))


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


def _generic_rules(rules_dir: Path, replacing: Rule | None = None) -> tuple[Rule, ...]:
    """The generic layer as shipped, with the file under check standing in for its namesake."""
    rules = []
    for path in sorted((rules_dir / "generic").glob("*.yaml")):
        if replacing is not None and path.name == Path(replacing.path).name and replacing.is_generic:
            rules.append(replacing)
            continue
        try:
            rules.append(load_checked(path))
        except RuleError as exc:
            log.warning("generic layer: skipping an invalid file: %s", exc.message)
    return tuple(rules)


def _prepared_tree(page: bytes) -> etree._Element:
    """The fixture as the declutter stage sees it: parsed, scripts and styles gone."""
    root = parse(decode(page))
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)
    return root


def _run(page: bytes, url: str, rules: RuleSet, site_rules: bool, test: dict) -> tuple[Score, object | None]:
    from ...pipeline import Options, clean

    must, must_not = test.get("must_contain", []), test.get("must_not_contain", [])
    try:
        result = clean(page, url, Options(attributions=False, site_rules=site_rules), rules=rules)
    except DeclutterError as exc:
        return Score(None, 0, len(must), 0, len(must_not), error=exc.message), None
    text, fragment = normalize(result.text), result.html
    visible = html_text(fragment)
    must_ok = sum(normalize(s) in text for s in must)
    must_not_ok = sum(normalize(s) not in text and s not in fragment and normalize(s) not in visible for s in must_not)
    return Score(None, must_ok, len(must), must_not_ok, len(must_not)), result


def check_file(path: Path, *, scores: bool = True) -> CheckReport:
    """Everything CI asks of one rule file; the report lists each failure as a sentence naming what to fix."""
    path = Path(path)
    report = CheckReport(path)
    try:
        data = read_rule_data(path)
    except RuleError as exc:
        report.errors.extend(exc.message.splitlines())
        return report
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
        return report
    if not rule.is_generic and "verified" not in data:
        report.errors.append(
            f"{path}: verified: a site rule must say who verified it and when "
            "(verified: {by: NAME, date: YYYY-MM-DD})"
        )
    tests = data.get("tests") or []
    if not tests:
        report.errors.append(
            f"{path}: tests: a rule needs at least one fixture test (fixtures live in {_relative(fixture_dir(path))}/)"
        )
        return report
    if report.errors:
        return report
    rules_dir = path.parent.parent
    generic = _generic_rules(rules_dir, rule if rule.is_generic else None)
    ruleset = RuleSet(sites={} if rule.is_generic else dict.fromkeys(rule.domains, rule), generic=generic)
    folder = fixture_dir(path)
    matched: set[str] = set()
    strip_selectors = [s for group in rule.strip for s in group.selectors]
    for i, test in enumerate(tests):
        where = f"{path}: tests/{i} ({test['fixture']})"
        fixture = folder / test["fixture"]
        try:
            page = fixture.read_bytes()
        except OSError:
            report.errors.append(f"{where}: fixture not found: {fixture}")
            continue
        host = urlsplit(test["url"]).hostname
        if not rule.is_generic and ruleset.for_host(host) is not rule:
            report.errors.append(f"{where}: url host {host} is not covered by domains {list(rule.domains)}")
            continue
        tree = _prepared_tree(page)
        matched.update(s.source for s in strip_selectors if s.source not in matched and s.select(tree))
        for label, selectors in (("content", rule.content), ("keep", rule.keep)):
            for selector in selectors:
                if not selector.select(tree):
                    report.warnings.append(f"{where}: {label} selector {selector.source!r} matches nothing here")
        site_score, result = _run(page, test["url"], ruleset, True, test)
        if result is None:
            report.errors.append(f"{where}: the pipeline failed: {site_score.error}")
            continue
        text, fragment = normalize(result.text), result.html
        visible = html_text(fragment)
        for phrase in test["must_contain"]:
            if normalize(phrase) not in text:
                report.errors.append(f"{where}: must_contain not found in the cleaned text: {phrase!r}")
        for phrase in test["must_not_contain"]:
            if normalize(phrase) in text or phrase in fragment or normalize(phrase) in visible:
                report.errors.append(f"{where}: must_not_contain still in the output: {phrase!r}")
        for key in ("title", "byline"):
            if key in test and normalize(test[key]) != normalize(getattr(result, key) or ""):
                report.errors.append(f"{where}: {key}: expected {test[key]!r}, got {getattr(result, key)!r}")
        for removal in result.removed:
            if removal.get("refused") and removal["rule"] == rule.path:
                report.errors.append(
                    f"{where}: selector {removal['selector']!r} was refused: it would remove "
                    f"most of the article ({removal['sample'][:60]!r}...)"
                )
        if rule.is_generic or not scores:
            continue
        expected_path = expected_text_path(fixture)
        expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else None
        generic_score, generic_result = _run(page, test["url"], ruleset, False, test)
        if expected is not None:
            site_score.f1 = word_f1(expected, result.text)
            generic_score.f1 = word_f1(expected, generic_result.text) if generic_result is not None else 0.0
            if site_score.f1 + SCORE_SLACK < generic_score.f1:
                report.errors.append(
                    f"{where}: the site rule scores below the generic layer alone: word F1 "
                    f"{site_score.f1:.3f} < {generic_score.f1:.3f} against {expected_path.name}"
                )
        report.scores.append(FixtureScores(rule.path, test["fixture"], generic_score, site_score))
    for selector in strip_selectors:
        if selector.source not in matched:
            report.errors.append(
                f"{path}: strip selector {selector.source!r} matches nothing in any fixture "
                f"of {_relative(folder)}/ (a dead selector: the site changed, or a typo)"
            )
    return report


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


# --- the commands --------------------------------------------------------------------------------


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the `rules` command group on the CLI."""
    rules = commands.add_parser("rules", help="check, scaffold, explain and import site rules")
    rules.set_defaults(handler=lambda args: rules.print_help() or 2)
    sub = rules.add_subparsers(title="rules commands", metavar="COMMAND")

    check = sub.add_parser("check", help="validate rule files and run their fixture tests (what CI runs)")
    check.add_argument("files", nargs="*", metavar="FILE", help="rule files (default: every file in rules/)")
    check.add_argument(
        "--scores", action="store_true", help="print per site the generic-only vs site-rule scores on its fixtures"
    )
    check.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=_RULES_DIR_HELP)
    check.set_defaults(handler=_check)

    new = sub.add_parser("new", help="scaffold a site rule and its fixture from a saved page")
    new.add_argument("domain", metavar="DOMAIN")
    new.add_argument("page", type=Path, metavar="PAGE.html", help="the page's rendered DOM, saved as HTML")
    new.add_argument("--url", required=True, help="the page's address (never fetched)")
    new.add_argument("--force", action="store_true", help="overwrite an existing rule file")
    new.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=_RULES_DIR_HELP)
    new.set_defaults(handler=_new)

    explain = sub.add_parser("explain", help="show what each rule removed from a page and what was kept")
    explain.add_argument("page", type=Path, metavar="PAGE.html")
    explain.add_argument("--url", required=True, help="the page's address (selects the site rule)")
    explain.add_argument("--lines", type=int, default=5, help="how many first lines of the article to show")
    explain.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=_RULES_DIR_HELP)
    explain.set_defaults(handler=_explain)

    ftr = sub.add_parser("import-ftr", help="convert a Full-Text RSS site config to a rule file")
    ftr.add_argument("file", type=Path, metavar="FILE.txt", help="e.g. example.com.txt from ftr-site-config")
    ftr.add_argument("--domain", help="the site's domain (default: from the file name)")
    ftr.add_argument("--write", action="store_true", help="write rules/sites/DOMAIN.yaml instead of printing")
    ftr.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=_RULES_DIR_HELP)
    ftr.set_defaults(handler=_import_ftr)


def _check(args: argparse.Namespace) -> int:
    paths = [_relative(Path(f)) for f in args.files] or [_relative(p) for p in rule_files(args.rules_dir)]
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


def _yaml_str(value: str) -> str:
    """A YAML scalar that always reads back as this string (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _new(args: argparse.Namespace) -> int:
    from ...pipeline import Options, clean

    domain = args.domain.lower().strip(".")
    if not _DOMAIN_RE.match(domain):
        raise DeclutterError(f"{args.domain!r} is not a domain name (e.g. example.com)")
    host = urlsplit(args.url).hostname or ""
    if host != domain and not host.endswith("." + domain):
        raise DeclutterError(f"--url host {host!r} is not {domain} or one of its subdomains")
    rule_path = args.rules_dir / "sites" / f"{domain}.yaml"
    if rule_path.exists() and not args.force:
        raise DeclutterError(f"{rule_path} exists; add a test to it by hand, or pass --force to start over")
    try:
        page = args.page.read_bytes()
    except OSError as exc:
        raise DeclutterError(f"cannot read {args.page}: {exc.strerror or exc}") from exc
    fixture_name = re.sub(r"[^A-Za-z0-9._-]+", "-", args.page.name)
    fixture_name = fixture_name if fixture_name.endswith(".html") else fixture_name + ".html"
    folder = tests_root(args.rules_dir) / "sites" / domain
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.page, folder / fixture_name)
    generic = RuleSet(sites={}, generic=_generic_rules(args.rules_dir))
    hints: list[str] = []
    try:
        result = clean(page, args.url, Options(attributions=False, site_rules=False), rules=generic)
        paragraphs = [p for p in result.text.split("\n\n") if p.strip()]
        hints.append(
            f"# The generic layer alone kept {result.word_count} words"
            f" (title {result.title!r}, byline {result.byline!r})."
        )
        if paragraphs:
            hints.append(f"# It starts: {normalize(paragraphs[0])[:100]!r}")
            hints.append(f"# It ends:   {normalize(paragraphs[-1])[:100]!r}")
        hints.append("# Run `declutter rules explain` on the page to see what it removed.")
    except DeclutterError as exc:
        hints.append(f"# The generic layer alone found no article: {exc.message}")
    today = datetime.date.today().isoformat()
    text = "\n".join(
        [
            f"# Site rule for {domain}: see CONTRIBUTING.md. Every {PLACEHOLDER} must be replaced before",
            "# `declutter rules check` passes.",
            *hints,
            f"name: {_yaml_str(domain)}",
            f"domains: [{domain}]",
            '# content: ["article .story-body"]   # only if the generic result picks the wrong block',
            "strip:",
            "  # category: paywall, newsletter, feed, related, social, comments, consent, ads, hidden or other",
            "  - category: newsletter",
            f"    note: {_yaml_str(PLACEHOLDER + ': what this group removes, as a reader would say it')}",
            f"    selectors: [{_yaml_str(PLACEHOLDER + ': a CSS selector, or xpath:...')}]",
            "verified:",
            f"  by: {_yaml_str(PLACEHOLDER + ': your name or handle')}",
            f'  date: "{today}"',
            "tests:",
            f"  - fixture: {_yaml_str(fixture_name)}",
            f"    url: {_yaml_str(args.url)}",
            "    must_contain:",
            f"      - {_yaml_str(PLACEHOLDER + ': a sentence from the first paragraph of the article')}",
            f"      - {_yaml_str(PLACEHOLDER + ': a sentence from the last paragraph of the article')}",
            "    must_not_contain:",
            f"      - {_yaml_str(PLACEHOLDER + ': clutter the page shows (a sign-up box, a related link)')}",
            "",
        ]
    )
    rule_path.parent.mkdir(parents=True, exist_ok=True)
    rule_path.write_text(text, encoding="utf-8")
    print(f"wrote {rule_path}")
    print(f"copied the page to {folder / fixture_name}")
    print(
        f"next: replace every {PLACEHOLDER} in {rule_path}, then run `declutter rules check {rule_path}`"
        " (it fails until they are filled in)"
    )
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from ...pipeline import clean
    from ..ruleset import load_rules

    try:
        page = args.page.read_bytes()
    except OSError as exc:
        raise DeclutterError(f"cannot read {args.page}: {exc.strerror or exc}") from exc
    rules = load_rules(args.rules_dir)
    site_rule = rules.for_host(urlsplit(args.url).hostname)
    print(f"site rule: {site_rule.path if site_rule else '(none: only the generic layer applies)'}")
    result = clean(page, args.url, {"attributions": False}, rules=rules)
    print(f"\nremoved ({len(result.removed)} selectors matched):")
    if not result.removed:
        print("  nothing")
    for r in result.removed:
        status = "REFUSED (it held most of the article) " if r.get("refused") else ""
        print(f"  {status}[{r['category']}] {r['rule']}  {r['selector']}  ×{r['count']}")
        print(f"      {r['sample']!r}")
    print("\nkept:")
    print(f"  title:  {result.title!r}")
    print(f"  byline: {result.byline!r}")
    print(f"  published: {result.published!r}")
    print(f"  words:  {result.word_count}")
    paragraphs = [normalize(p) for p in result.text.split("\n\n") if p.strip()]
    print(f"  first lines ({min(args.lines, len(paragraphs))} of {len(paragraphs)} paragraphs):")
    for paragraph in paragraphs[: args.lines]:
        print(f"    {paragraph[:110] + ('…' if len(paragraph) > 110 else '')}")
    if paragraphs:
        print(f"  last line:\n    {paragraphs[-1][:110]}")
    return EXIT_OK


# --- Full-Text RSS import -------------------------------------------------------------------------

# FTR directives we translate, and the rule key each becomes.
_FTR_SELECTOR_KEYS = {"body": "content", "title": "title", "author": "byline", "date": "published"}
_FTR_LINE_RE = re.compile(r"^\s*([A-Za-z_]+(?:\([^)]*\))?)\s*:\s*(.*?)\s*$")


@dataclass
class FtrImport:
    domain: str
    data: dict
    warnings: list[str]


def convert_ftr(text: str, domain: str) -> FtrImport:
    """A Full-Text RSS site config as our rule data; what has no equivalent is listed in warnings."""
    from ..selectors import compile_selector

    data: dict = {"name": domain, "domains": [domain]}
    strip: list[str] = []
    strip_id_or_class: list[str] = []
    tests: list[dict] = []
    warnings: list[str] = []
    ignored: collections.Counter[str] = collections.Counter()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FTR_LINE_RE.match(line)
        if not match:
            warnings.append(f"line {number}: not a 'directive: value' line, ignored: {line.strip()!r}")
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key in _FTR_SELECTOR_KEYS:
            selector = f"xpath:{value}"
            try:
                compile_selector(selector)
            except RuleError as exc:
                warnings.append(f"line {number}: {key}: {exc.message}; left out")
                continue
            data.setdefault(_FTR_SELECTOR_KEYS[key], []).append(selector)
        elif key == "strip":
            try:
                compile_selector(f"xpath:{value}")
            except RuleError as exc:
                warnings.append(f"line {number}: strip: {exc.message}; left out")
                continue
            strip.append(f"xpath:{value}")
        elif key == "strip_id_or_class":
            needle = value.strip().strip("'\"")
            if not needle or '"' in needle or "\\" in needle:
                warnings.append(f"line {number}: strip_id_or_class {value!r} cannot be quoted in CSS; left out")
                continue
            strip_id_or_class.append(f'[class*="{needle}"], [id*="{needle}"]')
        elif key == "test_url":
            tests.append({"url": value, "must_contain": []})
        elif key == "test_contains" and tests:
            tests[-1]["must_contain"].append(value)
        else:
            ignored[key.split("(")[0]] += 1
    for key, count in sorted(ignored.items()):
        warnings.append(f"{key}: no equivalent in Declutter rules; ignored ({count} line{'s' * (count > 1)})")
    groups = []
    if strip:
        groups.append(
            {
                "category": "other",
                "note": f"{PLACEHOLDER}: imported from Full-Text RSS `strip`; "
                "pick a category and say what these remove",
                "selectors": strip,
            }
        )
    if strip_id_or_class:
        groups.append(
            {
                "category": "other",
                "note": f"{PLACEHOLDER}: imported from Full-Text RSS "
                "`strip_id_or_class` (substring of a class or id); pick a category",
                "selectors": strip_id_or_class,
            }
        )
    if groups:
        data["strip"] = groups
    data["tests"] = [
        {
            "fixture": f"{PLACEHOLDER}-save-the-page-{i + 1}.html",
            "url": t["url"],
            "must_contain": t["must_contain"] or [f"{PLACEHOLDER}: a sentence from the article"],
            "must_not_contain": [f"{PLACEHOLDER}: a line of clutter the page shows"],
        }
        for i, t in enumerate(tests)
    ] or [
        {
            "fixture": f"{PLACEHOLDER}-save-the-page.html",
            "url": f"https://{domain}/",
            "must_contain": [f"{PLACEHOLDER}: a sentence from the article"],
            "must_not_contain": [f"{PLACEHOLDER}: a line of clutter the page shows"],
        }
    ]
    return FtrImport(domain, data, warnings)


def dump_rule(data: dict, header: Sequence[str] = ()) -> str:
    """Rule data as YAML in the repository's layout (key order kept, every string quoted)."""
    out = [f"# {line}" for line in header]

    def scalar(value: object) -> str:
        return _yaml_str(value) if isinstance(value, str) else json.dumps(value)

    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{key}:")
            for item in value:
                first = True
                for k, v in item.items():
                    lead = "  - " if first else "    "
                    first = False
                    if isinstance(v, list):
                        out.append(f"{lead}{k}:")
                        out.extend(f"      - {scalar(x)}" for x in v)
                    else:
                        out.append(f"{lead}{k}: {scalar(v)}")
        elif isinstance(value, list):
            out.append(f"{key}:")
            out.extend(f"  - {scalar(x)}" for x in value)
        elif isinstance(value, dict):
            out.append(f"{key}:")
            out.extend(f"  {k}: {scalar(v)}" for k, v in value.items())
        else:
            out.append(f"{key}: {scalar(value)}")
    return "\n".join(out) + "\n"


def _import_ftr(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise DeclutterError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    domain = (args.domain or args.file.name.removesuffix(".txt")).lower().strip(".")
    if not _DOMAIN_RE.match(domain):
        raise DeclutterError(f"cannot tell the domain from {args.file.name!r}: pass --domain example.com")
    imported = convert_ftr(text, domain)
    for warning in imported.warnings:
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    header = [
        f"Imported from the Full-Text RSS site config {args.file.name}.",
        f"Save the page(s) under tests/sites/{domain}/, replace every {PLACEHOLDER}, add `verified`,",
        "then run `declutter rules check` (it fails until then).",
    ]
    out = dump_rule(imported.data, header)
    if not args.write:
        sys.stdout.write(out)
        return EXIT_OK
    target = args.rules_dir / "sites" / f"{domain}.yaml"
    if target.exists():
        raise DeclutterError(f"{target} exists; print the import (without --write) and merge it by hand")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(out, encoding="utf-8")
    print(f"wrote {target}")
    return EXIT_OK
