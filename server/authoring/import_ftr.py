"""`declutter rules import-ftr`: convert a Full-Text RSS site config to a rule file."""

from __future__ import annotations

import argparse
import collections
import json
import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import RULES_DIR
from ..errors import DeclutterError, RuleError
from ..rules.selectors import compile_selector
from .shared import DOMAIN_RE, EXIT_OK, PLACEHOLDER, RULES_DIR_HELP, yaml_str

log = logging.getLogger(__name__)

# FTR directives we translate, and the rule key each becomes.
_FTR_SELECTOR_KEYS = {"body": "content", "title": "title", "author": "byline", "date": "published"}
_FTR_LINE_RE = re.compile(r"^\s*([A-Za-z_]+(?:\([^)]*\))?)\s*:\s*(.*?)\s*$")


@dataclass
class FtrImport:
    domain: str
    data: dict
    warnings: list[str]


@dataclass
class _Directives:
    """What the FTR file's lines said, gathered before they become rule data."""

    selectors: dict[str, list[str]] = field(default_factory=dict)
    strip: list[str] = field(default_factory=list)
    strip_id_or_class: list[str] = field(default_factory=list)
    tests: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ignored: collections.Counter[str] = field(default_factory=collections.Counter)


def convert_ftr(text: str, domain: str) -> FtrImport:
    """A Full-Text RSS site config as our rule data; what has no equivalent is listed in warnings."""
    read = _Directives()
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            _read_line(read, number, line)
    for key, count in sorted(read.ignored.items()):
        read.warnings.append(f"{key}: no equivalent in Declutter rules; ignored ({count} line{'s' * (count > 1)})")
    data: dict = {"name": domain, "domains": [domain], **read.selectors}
    groups = _strip_groups(read)
    if groups:
        data["strip"] = groups
    data["tests"] = _tests(read.tests, domain)
    return FtrImport(domain, data, read.warnings)


def _read_line(read: _Directives, number: int, line: str) -> None:
    """One 'directive: value' line into what it translates to, or a warning."""
    match = _FTR_LINE_RE.match(line)
    if not match:
        read.warnings.append(f"line {number}: not a 'directive: value' line, ignored: {line.strip()!r}")
        return
    key, value = match.group(1).lower(), match.group(2)
    if key in _FTR_SELECTOR_KEYS or key == "strip":
        selector = f"xpath:{value}"
        try:
            compile_selector(selector)
        except RuleError as exc:
            read.warnings.append(f"line {number}: {key}: {exc.message}; left out")
            return
        if key == "strip":
            read.strip.append(selector)
        else:
            read.selectors.setdefault(_FTR_SELECTOR_KEYS[key], []).append(selector)
    elif key == "strip_id_or_class":
        needle = value.strip().strip("'\"")
        if not needle or '"' in needle or "\\" in needle:
            read.warnings.append(f"line {number}: strip_id_or_class {value!r} cannot be quoted in CSS; left out")
            return
        read.strip_id_or_class.append(f'[class*="{needle}"], [id*="{needle}"]')
    elif key == "test_url":
        read.tests.append({"url": value, "must_contain": []})
    elif key == "test_contains" and read.tests:
        read.tests[-1]["must_contain"].append(value)
    else:
        read.ignored[key.split("(")[0]] += 1


def _strip_groups(read: _Directives) -> list[dict]:
    """The strip directives as strip groups, their category and note left for a person to decide."""
    groups = []
    if read.strip:
        groups.append(
            {
                "category": "other",
                "note": f"{PLACEHOLDER}: imported from Full-Text RSS `strip`; "
                "pick a category and say what these remove",
                "selectors": read.strip,
            }
        )
    if read.strip_id_or_class:
        groups.append(
            {
                "category": "other",
                "note": f"{PLACEHOLDER}: imported from Full-Text RSS "
                "`strip_id_or_class` (substring of a class or id); pick a category",
                "selectors": read.strip_id_or_class,
            }
        )
    return groups


def _tests(tests: list[dict], domain: str) -> list[dict]:
    """A fixture test per FTR test_url (one for the home page without any), the page left to save."""
    return [
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


def dump_rule(data: dict, header: Sequence[str] = ()) -> str:
    """Rule data as YAML in the repository's layout (key order kept, every string quoted)."""
    out = [f"# {line}" for line in header]

    def scalar(value: object) -> str:
        return yaml_str(value) if isinstance(value, str) else json.dumps(value)

    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{key}:")
            for item in value:
                for n, (k, v) in enumerate(item.items()):
                    lead = "    " if n else "  - "
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


def add_parser(sub: argparse._SubParsersAction) -> None:
    ftr = sub.add_parser("import-ftr", help="convert a Full-Text RSS site config to a rule file")
    ftr.add_argument("file", type=Path, metavar="FILE.txt", help="e.g. example.com.txt from ftr-site-config")
    ftr.add_argument("--domain", help="the site's domain (default: from the file name)")
    ftr.add_argument("--write", action="store_true", help="write rules/sites/DOMAIN.yaml instead of printing")
    ftr.add_argument("--rules-dir", type=Path, default=RULES_DIR, help=RULES_DIR_HELP)
    ftr.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise DeclutterError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    domain = (args.domain or args.file.name.removesuffix(".txt")).lower().strip(".")
    if not DOMAIN_RE.match(domain):
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
