"""What the `rules` commands share: where rule files and their fixtures live, the generic layer they run
beside a rule, the placeholder `new` and `import-ftr` write and `check` refuses, and the exit codes.

A rule file's tests live next to the rules: rules/sites/<domain>.yaml reads its fixtures from
tests/sites/<domain>/, rules/generic/<name>.yaml from tests/generic/<name>/. Everything here runs offline.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from ..errors import RuleError
from ..rules.ruleset import Rule, compile_rule, read_rule_data

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1
# What `rules new` and `rules import-ftr` write where only a person can decide; `rules check` refuses it.
PLACEHOLDER = "TODO"
DOMAIN_RE = re.compile(r"^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$")
RULES_DIR_HELP = "the rules folder; fixtures are read from the tests/ folder beside it (default: %(default)s)"


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


def relative(path: Path) -> Path:
    """A path as short as possible in messages: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def rule_files(rules_dir: Path) -> list[Path]:
    return sorted((rules_dir / "generic").glob("*.yaml")) + sorted((rules_dir / "sites").glob("*.yaml"))


def load_checked(path: Path) -> Rule:
    """Parse, validate and compile one file; RuleError names the file, the key or the selector."""
    return compile_rule(path, read_rule_data(path))


def generic_rules(rules_dir: Path, replacing: Rule | None = None) -> tuple[Rule, ...]:
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


def yaml_str(value: str) -> str:
    """A YAML scalar that always reads back as this string (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
