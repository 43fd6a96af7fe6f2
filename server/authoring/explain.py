"""`declutter rules explain`: show what each rule removed from a page and what the article kept."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from urllib.parse import urlsplit

from ..config import RULES_DIR
from ..errors import DeclutterError
from ..pipeline import clean
from ..rules.ruleset import load_rules
from ..textmetrics import normalise_space
from .shared import EXIT_OK, RULES_DIR_HELP

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    explain = sub.add_parser("explain", help="show what each rule removed from a page and what was kept")
    explain.add_argument("page", type=Path, metavar="PAGE.html")
    explain.add_argument("--url", required=True, help="the page's address (selects the site rule)")
    explain.add_argument("--lines", type=int, default=5, help="how many first lines of the article to show")
    explain.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=RULES_DIR_HELP)
    explain.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
    paragraphs = [normalise_space(p) for p in result.text.split("\n\n") if p.strip()]
    print(f"  first lines ({min(args.lines, len(paragraphs))} of {len(paragraphs)} paragraphs):")
    for paragraph in paragraphs[: args.lines]:
        print(f"    {paragraph[:110] + ('…' if len(paragraph) > 110 else '')}")
    if paragraphs:
        print(f"  last line:\n    {paragraphs[-1][:110]}")
    return EXIT_OK
