"""`declutter rules new`: scaffold a site rule and its fixture from a saved page."""

from __future__ import annotations

import argparse
import datetime
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from ..config import RULES_DIR
from ..errors import DeclutterError
from ..pipeline import Options, clean
from ..rules.ruleset import RuleSet
from ..textmetrics import normalise_space
from .shared import DOMAIN_RE, EXIT_OK, PLACEHOLDER, RULES_DIR_HELP, generic_rules, tests_root, yaml_str

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help="scaffold a site rule and its fixture from a saved page")
    new.add_argument("domain", metavar="DOMAIN")
    new.add_argument("page", type=Path, metavar="PAGE.html", help="the page's rendered DOM, saved as HTML")
    new.add_argument("--url", required=True, help="the page's address (never fetched)")
    new.add_argument("--force", action="store_true", help="overwrite an existing rule file")
    new.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=RULES_DIR_HELP)
    new.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    domain = args.domain.lower().strip(".")
    if not DOMAIN_RE.match(domain):
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
    hints = _generic_hints(page, args.url, args.rules_dir)
    text = rule_template(domain, args.url, fixture_name, hints)
    rule_path.parent.mkdir(parents=True, exist_ok=True)
    rule_path.write_text(text, encoding="utf-8")
    print(f"wrote {rule_path}")
    print(f"copied the page to {folder / fixture_name}")
    print(
        f"next: replace every {PLACEHOLDER} in {rule_path}, then run `declutter rules check {rule_path}`"
        " (it fails until they are filled in)"
    )
    return EXIT_OK


def _generic_hints(page: bytes, url: str, rules_dir: Path) -> list[str]:
    """Comment lines saying what the generic layer alone makes of the page: where the author starts from."""
    generic = RuleSet(sites={}, generic=generic_rules(rules_dir))
    hints: list[str] = []
    try:
        result = clean(page, url, Options(attributions=False, site_rules=False), rules=generic)
    except DeclutterError as exc:
        return [f"# The generic layer alone found no article: {exc.message}"]
    paragraphs = [p for p in result.text.split("\n\n") if p.strip()]
    hints.append(
        f"# The generic layer alone kept {result.word_count} words (title {result.title!r}, byline {result.byline!r})."
    )
    if paragraphs:
        hints.append(f"# It starts: {normalise_space(paragraphs[0])[:100]!r}")
        hints.append(f"# It ends:   {normalise_space(paragraphs[-1])[:100]!r}")
    hints.append("# Run `declutter rules explain` on the page to see what it removed.")
    return hints


def rule_template(domain: str, url: str, fixture_name: str, hints: list[str]) -> str:
    """The scaffolded rule file: every value only a person can decide holds a placeholder `rules check` refuses."""
    today = datetime.date.today().isoformat()
    return "\n".join(
        [
            f"# Site rule for {domain}: see CONTRIBUTING.md. Every {PLACEHOLDER} must be replaced before",
            "# `declutter rules check` passes.",
            *hints,
            f"name: {yaml_str(domain)}",
            f"domains: [{domain}]",
            '# content: ["article .story-body"]   # only if the generic result picks the wrong block',
            "strip:",
            "  # category: paywall, newsletter, feed, related, social, comments, consent, ads, hidden or other",
            "  - category: newsletter",
            f"    note: {yaml_str(PLACEHOLDER + ': what this group removes, as a reader would say it')}",
            f"    selectors: [{yaml_str(PLACEHOLDER + ': a CSS selector, or xpath:...')}]",
            "verified:",
            f"  by: {yaml_str(PLACEHOLDER + ': your name or handle')}",
            f'  date: "{today}"',
            "tests:",
            f"  - fixture: {yaml_str(fixture_name)}",
            f"    url: {yaml_str(url)}",
            "    must_contain:",
            f"      - {yaml_str(PLACEHOLDER + ': a sentence from the first paragraph of the article')}",
            f"      - {yaml_str(PLACEHOLDER + ': a sentence from the last paragraph of the article')}",
            "    must_not_contain:",
            f"      - {yaml_str(PLACEHOLDER + ': clutter the page shows (a sign-up box, a related link)')}",
            "",
        ]
    )
