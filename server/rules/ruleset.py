"""Rule files: load, validate against rules/schema.json, compile once, and look up by host."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import jsonschema
import yaml

from ..errors import RuleError
from .literals import alternation_of
from .selectors import Selector, SelectorPlan, compile_selector, literal_patterns

log = logging.getLogger(__name__)

# A word table of the file named in a selector ('{table:photo_labels}'): one list serves the rule's pattern and the
# code that reads the same table (server/rules/constants.py).
# Any name, so a misspelt one is refused, not left literal; no "{" in it, so that each scan stops at the next brace
# (with [^}]* a run of unclosed "{table:" was read to its end from each one: quadratic).
_TABLE_REFERENCE = re.compile(r"\{table:([^{}]*)\}")


@dataclass(frozen=True)
class StripGroup:
    category: str
    selectors: tuple[Selector, ...]
    note: str = ""
    max_words: int | None = None
    max_share: float | None = None  # None: the default guard (heuristics.MAX_STRIP_SHARE)
    language: str | None = None  # None: every page

    def applies_to(self, language: str | None) -> bool:
        """Whether the group runs on a page in this language (its primary subtag, 'de' of 'de-AT'; None: unknown)."""
        return self.language is None or language is None or self.language == language


@dataclass(frozen=True)
class Rule:
    """One compiled rule file."""

    path: str  # relative to the rules directory's parent, e.g. "rules/sites/example.com.yaml"
    name: str
    domains: tuple[str, ...] = ()
    content: tuple[Selector, ...] = ()
    title: tuple[Selector, ...] = ()
    byline: tuple[Selector, ...] = ()
    published: tuple[Selector, ...] = ()
    strip: tuple[StripGroup, ...] = ()
    keep: tuple[Selector, ...] = ()
    tests: tuple[dict, ...] = ()
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_generic(self) -> bool:
        return not self.domains

    @property
    def categories(self) -> list[str]:
        return sorted({group.category for group in self.strip})

    @cached_property
    def strip_plan(self) -> SelectorPlan:
        """Every strip selector in file order, indexed once by key; strip_groups holds the group of each."""
        return SelectorPlan([selector for group in self.strip for selector in group.selectors])

    @cached_property
    def strip_groups(self) -> tuple[StripGroup, ...]:
        return tuple(group for group in self.strip for _ in group.selectors)

    @cached_property
    def literal_patterns(self) -> tuple[str, ...]:
        """The literal patterns of the strip selectors' text tests, for PageIndex.use_patterns."""
        return literal_patterns(self.strip_plan.selectors)


@dataclass(frozen=True)
class RuleSet:
    sites: dict[str, Rule]  # domain -> rule
    generic: tuple[Rule, ...]

    def for_host(self, host: str | None) -> Rule | None:
        """The site rule for a host: the exact host first, then each parent domain."""
        labels = (host or "").lower().strip(".").split(".")
        for i in range(len(labels) - 1):
            rule = self.sites.get(".".join(labels[i:]))
            if rule is not None:
                return rule
        return None

    @property
    def files(self) -> list[Rule]:
        unique = {id(rule): rule for rule in self.sites.values()}
        return [*self.generic, *sorted(unique.values(), key=lambda r: r.path)]


class StrictLoader(yaml.SafeLoader):
    """YAML without surprises: dates stay strings and a repeated key is an error, not a silent overwrite."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def _validator(schema_path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(data: object, schema_path: Path) -> list[jsonschema.ValidationError]:
    """What in a rule's data breaks the rule schema, in the order of the paths to it (the validator built once)."""
    return sorted(_validator(schema_path).iter_errors(data), key=lambda e: list(e.absolute_path))


def read_rule_data(path: Path) -> dict:
    """Parse and validate one rule file; errors name the file and the offending key."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of keys to values")
    schema_path = path.parent.parent / "schema.json"
    errors = schema_errors(data, schema_path)
    if errors:
        lines = [f"{path}: {'/'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}" for e in errors]
        raise RuleError("\n".join(lines))
    kind = path.parent.name
    if kind == "sites":
        if "domains" not in data:
            raise RuleError(f"{path}: domains: a site rule must list its domains")
        if path.stem not in data["domains"]:
            raise RuleError(f"{path}: the file must be named after one of its domains ({data['domains'][0]}.yaml)")
    elif "domains" in data:
        raise RuleError(f"{path}: domains: generic rules apply everywhere and take no domains")
    return data


def _compile_with_tables(sources: Iterable[str], tables: dict[str, dict[str, list[str]]]) -> tuple[Selector, ...]:
    """The selectors compiled with each '{table:name}' replaced by the table's words of every language as one
    alternation (alternation_of); a name the file's tables lack is refused, and an error in an expanded selector
    (a pattern grown past its cap) names the tables it expands."""

    def alternation(match: re.Match[str]) -> str:
        if match.group(1) not in tables:
            raise RuleError(f"no word table {match.group(1)!r} in this file's tables ({', '.join(tables) or 'none'})")
        return alternation_of(word for words in tables[match.group(1)].values() for word in words)

    compiled: list[Selector] = []
    for source in sources:
        if "{table:" in _TABLE_REFERENCE.sub("", source):
            raise RuleError(f"{source[:80]!r}: a '{{table:' reference without its closing brace")
        names = dict.fromkeys(_TABLE_REFERENCE.findall(source))
        try:
            compiled.append(compile_selector(_TABLE_REFERENCE.sub(alternation, source)))
        except RuleError as exc:
            if not names or exc.message.startswith("no word table"):
                raise
            sizes = ", ".join(f"{name!r} ({sum(map(len, tables[name].values()))} words)" for name in names)
            raise RuleError(f"{exc.message} (the selector expands the word table {sizes})") from exc
    return tuple(compiled)


def compile_rule(path: Path, data: dict) -> Rule:
    if "tables" in data and path.parent.name != "generic":  # a site file or a draft
        raise RuleError(f"{path}: tables: word tables belong to the generic layer's files")
    tables = data.get("tables", {})
    try:
        return Rule(
            path=f"{path.parent.parent.name}/{path.parent.name}/{path.name}",
            name=data.get("name", path.stem),
            domains=tuple(data.get("domains", ())),
            content=_compile_with_tables(data.get("content", ()), tables),
            title=_compile_with_tables(data.get("title", ()), tables),
            byline=_compile_with_tables(data.get("byline", ()), tables),
            published=_compile_with_tables(data.get("published", ()), tables),
            strip=tuple(
                StripGroup(
                    g["category"],
                    _compile_with_tables(g["selectors"], tables),
                    g.get("note", ""),
                    g.get("max_words"),
                    g.get("max_share"),
                    g.get("language"),
                )
                for g in data.get("strip", ())
            ),
            keep=_compile_with_tables(data.get("keep", ()), tables),
            tests=tuple(data.get("tests", ())),
            raw=data,
        )
    except RuleError as exc:
        raise RuleError(f"{path}: {exc.message}") from exc


def load_rule_file(path: Path) -> Rule:
    return compile_rule(path, read_rule_data(path))


def load_rules(directory: Path) -> RuleSet:
    """Load every rule file under directory/sites and directory/generic; any invalid file is fatal."""
    generic = tuple(load_rule_file(p) for p in sorted((directory / "generic").glob("*.yaml")))
    sites: dict[str, Rule] = {}
    for path in sorted((directory / "sites").glob("*.yaml")):
        rule = load_rule_file(path)
        for domain in rule.domains:
            if domain in sites:
                raise RuleError(f"{path}: domain {domain} is already claimed by {sites[domain].path}")
            sites[domain] = rule
    log.info("loaded %d generic and %d site rule files", len(generic), len({r.path for r in sites.values()}))
    return RuleSet(sites=sites, generic=generic)
