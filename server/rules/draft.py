"""Draft rules: a reader's fix sent with one request (POST /clean `draft_rules`, `declutter clean --draft-rule`).

A draft has the shape of a site rule (rules/schema.json; `tests` and `verified` are checked but ignored, `domains`
is optional) and is untrusted input. It is checked within caps that bound what it can cost before anything runs,
compiled by the code that compiles shipped rules (ruleset.compile_rule), applied before the site rule and the
generic layer, and never stored. Every refusal is a 400 naming the draft and the selector.

What a draft may not do, beyond what a shipped rule may not:
- XPath (`xpath:`): its cost cannot be bounded by looking at it;
- sibling combinators (`+`, `~`): libxml2 runs them in time quadratic in a parent's children
  (`p + p` takes 22 s over 5,000 siblings);
- `:contains()`: a Python call on every element's whole text (`:has-text()` is the linear, prefiltered way);
- a selector that names no tag, class, id or attribute for the element it picks: it would be tested against
  every element of every page;
- functional pseudo-classes nested more than MAX_PSEUDO_DEPTH deep.
Positional pseudo-classes (`:nth-child`) are allowed, as the picker's last resort: on a page with tens of
thousands of siblings they run long, and the time cap (limits.Deadline, then the watchdog) answers 422.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from cssselect import SelectorError, parse
from cssselect.parser import (
    Attrib,
    Class,
    CombinedSelector,
    Function,
    Hash,
    Matching,
    Negation,
    Pseudo,
    Relation,
    SpecificityAdjustment,
)

from ..errors import BadRequest, RuleError
from ..limits import Deadline, read_capped
from .ruleset import Rule, StrictLoader, compile_rule, schema_errors
from .selectors import HAS_TEXT_RE, compile_text_pattern

log = logging.getLogger(__name__)

MAX_DRAFTS = 8  # a reader fixes one page: a few kept fixes and the one being previewed
MAX_SELECTORS = 200  # in all the drafts of one request; the largest shipped site rule has 27
MAX_SELECTOR_CHARS = 500  # the longest shipped selector has 159
MAX_TEXT_PATTERN_CHARS = 200  # a ':has-text()' argument, compiled with RE2 like a shipped rule's
# ':has-text()' selectors in all the drafts: RE2 takes up to ~75 ms to compile one such pattern ("(\w+\s+){50}\w+").
MAX_TEXT_SELECTORS = 16
# The drafts as JSON: room for MAX_SELECTORS selectors of MAX_SELECTOR_CHARS, notes and ignored tests.
MAX_DRAFT_JSON_CHARS = 256 * 1024
MAX_PSEUDO_DEPTH = 3  # :is(), :not(), :has() ... inside each other
# Keys of a rule holding a list of selectors (besides each strip group's `selectors`).
SELECTOR_KEYS = ("content", "title", "byline", "published", "keep")
# The selectors a draft lends the page's reading (extract's article root, metadata), before the site rule's.
READING_KEYS = ("content", "title", "byline", "published")
_SHOWN_CHARS = 80  # of a selector or value quoted back in an error
# Drafts compiled in this process, by a digest of their JSON, least recently used first: bounded, as drafts are
# anyone's and the pipeline processes live long.
MAX_COMPILED_DRAFTS = 64
_COMPILED_DRAFTS: dict[bytes, Rule] = {}


def draft_name(index: int) -> str:
    """What a draft is called in `removed` and `rules_applied`."""
    return f"draft:{index}"


def read_draft_rules(value: object) -> tuple[dict, ...]:
    """The request's `draft_rules` after the checks that cost nothing: a list of at most MAX_DRAFTS objects, at
    most MAX_SELECTORS selectors of at most MAX_SELECTOR_CHARS, MAX_DRAFT_JSON_CHARS in all. The schema, the
    selectors and the domains are checked by compile_drafts, where the page is cleaned (under the time cap)."""
    if not isinstance(value, list):
        raise BadRequest(f"draft_rules must be a list of rule objects, not {_json_type(value)}")
    if len(value) > MAX_DRAFTS:
        raise BadRequest(f"draft_rules holds {len(value)} rules; at most {MAX_DRAFTS} are accepted")
    total = texts = 0
    for i, draft in enumerate(value):
        if not isinstance(draft, dict):
            raise BadRequest(f"draft_rules/{i} must be a rule object, not {_json_type(draft)}")
        for where, selector in _selectors(draft, f"draft_rules/{i}"):
            total += 1
            if total > MAX_SELECTORS:
                raise BadRequest(f"draft_rules hold more than {MAX_SELECTORS} selectors in all; at most that many")
            if isinstance(selector, str) and len(selector) > MAX_SELECTOR_CHARS:
                raise BadRequest(
                    f"{where}: the selector {_shown(selector)} is {len(selector)} characters long; "
                    f"at most {MAX_SELECTOR_CHARS} are accepted"
                )
            texts += isinstance(selector, str) and ":has-text(" in selector
            if texts > MAX_TEXT_SELECTORS:
                raise BadRequest(f"{where}: more than {MAX_TEXT_SELECTORS} ':has-text' selectors in all the drafts")
    try:
        # No NaN or infinity (YAML's .nan, a bundle's NaN): a NaN limit passes the schema and every comparison.
        size = len(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError, RecursionError) as exc:  # TypeError: YAML's !!binary, !!set... in a file
        raise BadRequest(f"draft_rules cannot be read as rules: {exc}") from exc
    if size > MAX_DRAFT_JSON_CHARS:
        raise BadRequest(f"draft_rules are {size} characters of JSON; at most {MAX_DRAFT_JSON_CHARS} are accepted")
    return tuple(value)


def load_draft_file(path: Path) -> dict:
    """One draft rule from a YAML (or JSON) file, for `declutter clean --draft-rule`: a mapping, at most
    MAX_DRAFT_JSON_CHARS long, without YAML aliases (a few nested ones expand to millions of values)."""
    try:
        data = read_capped(path, MAX_DRAFT_JSON_CHARS, f"the draft rule {path}")
    except OSError as exc:
        raise BadRequest(f"cannot read the draft rule {path}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
            raise BadRequest(f"the draft rule {path} uses YAML aliases (*name); write the values out")
        rule = yaml.load(text, Loader=StrictLoader)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BadRequest(f"the draft rule {path} is not YAML: {_short(str(exc))}") from exc
    if not isinstance(rule, dict):
        raise BadRequest(f"the draft rule {path} must be a mapping of rule keys (strip, content, keep...)")
    return rule


def compile_drafts(
    drafts: Sequence[Mapping[str, Any]], host: str | None, schema_path: Path, deadline: Deadline
) -> tuple[Rule, ...]:
    """Validate and compile a request's drafts, in order, named draft:0, draft:1...; BadRequest names what is wrong.
    A draft compiled before in this process (a kept fix comes with every request for its site) is reused."""
    drafts = read_draft_rules(list(drafts))
    rules = []
    for i, draft in enumerate(drafts):
        where = f"draft_rules/{i}"
        digest = hashlib.blake2b(json.dumps([i, str(schema_path), draft], sort_keys=True).encode(), digest_size=16)
        key = digest.digest()
        rule = _COMPILED_DRAFTS.pop(key, None)
        if rule is None:
            _check_schema(draft, schema_path, where)
        _check_domains(draft, host, where)
        rule = rule or _compile_draft(draft, i, deadline)
        _COMPILED_DRAFTS[key] = rule  # last in: the most recently used
        if len(_COMPILED_DRAFTS) > MAX_COMPILED_DRAFTS:
            del _COMPILED_DRAFTS[next(iter(_COMPILED_DRAFTS))]
        rules.append(rule)
        deadline.check()
    return tuple(rules)


def _check_schema(draft: Mapping[str, Any], schema_path: Path, where: str) -> None:
    errors = schema_errors(draft, schema_path)
    if errors:
        lines = [f"{where}/{'/'.join(map(str, e.absolute_path))}: {_short(e.message)}" for e in errors[:3]]
        raise BadRequest("; ".join(line.replace(f"{where}/:", f"{where}:") for line in lines))


def _compile_draft(draft: Mapping[str, Any], index: int, deadline: Deadline) -> Rule:
    """One draft that passed the schema, its selectors checked and compiled."""
    where = f"draft_rules/{index}"
    for selector_where, source in _selectors(draft, where):
        _check_selector(source, selector_where)
        deadline.check()  # a text pattern compiles in up to ~75 ms: the cap is kept between selectors
    try:
        rule = compile_rule(Path(where), dict(draft))
    except RuleError as exc:
        raise BadRequest(f"{where}: {_short(exc.message.removeprefix(f'{where}: '), 600)}") from exc
    rule = dataclasses.replace(rule, path=draft_name(index))
    for selector_where, selector in _compiled(rule, where):
        if selector.keys is None:
            raise BadRequest(
                f"{selector_where}: the selector {_shown(selector.source)} names no tag, class, id or "
                "attribute for the element it picks, so it would be tried on every element; name one"
            )
    if not (rule.strip or rule.content or rule.keep):
        raise BadRequest(f"{where}: the draft does nothing: give it strip groups, content or keep selectors")
    return rule


def reading_rule(drafts: Sequence[Rule], site_rule: Rule | None) -> Rule | None:
    """The rule the page is read with (its article root, title, byline, date): each draft's selectors of those,
    then the site rule's. The site rule itself when no draft has any."""
    lent = {key: tuple(s for draft in drafts for s in getattr(draft, key)) for key in READING_KEYS}
    if not any(lent.values()):
        return site_rule
    base = site_rule or drafts[0]
    own = {key: getattr(site_rule, key) if site_rule else () for key in READING_KEYS}
    return dataclasses.replace(base, **{key: lent[key] + own[key] for key in READING_KEYS})


def _check_domains(draft: Mapping[str, Any], host: str | None, where: str) -> None:
    domains = draft.get("domains")
    if not domains:
        return
    name = (host or "").lower().strip(".")
    if not any(name == domain or name.endswith("." + domain) for domain in domains):
        raise BadRequest(f"{where}: domains {domains} do not cover the page's host {name or '(none)'!r}")


def _check_selector(source: str, where: str) -> None:
    """The draft-only refusals (see the module's docstring); compile_rule then reports what is not CSS."""
    text = source.strip()
    if text.startswith("xpath:"):
        raise BadRequest(f"{where}: {_shown(source)}: XPath is not accepted in a draft rule; write it in CSS")
    css = text
    match = HAS_TEXT_RE.match(text)
    if match:
        css = match.group("css").strip() or "*"
        pattern = match.group("arg").strip()
        if len(pattern) > MAX_TEXT_PATTERN_CHARS:
            raise BadRequest(
                f"{where}: {_shown(source)}: the ':has-text' pattern is {len(pattern)} characters long; "
                f"at most {MAX_TEXT_PATTERN_CHARS} are accepted"
            )
        try:
            compile_text_pattern(source, pattern)  # compiled here, one at a time under the cap; compile_rule reuses it
        except RuleError as exc:
            raise BadRequest(f"{where}: {exc.message}") from exc
    try:
        parsed = parse(css)
    except SelectorError:
        return  # not CSS: compile_rule says why, in the words it uses for shipped rules
    for selector in parsed:
        reason = _refusal(selector.parsed_tree, 0)
        if reason:
            raise BadRequest(f"{where}: {_shown(source)}: {reason}")


def _refusal(tree: object, depth: int) -> str | None:
    """Why cssselect's tree of one selector is refused in a draft, or None."""
    if depth > MAX_PSEUDO_DEPTH:
        return f"pseudo-classes nest more than {MAX_PSEUDO_DEPTH} deep"
    if isinstance(tree, CombinedSelector):
        if tree.combinator in ("+", "~"):
            return f"the sibling combinator {tree.combinator!r} costs time quadratic in the siblings; not in drafts"
        return _refusal(tree.selector, depth) or _refusal(tree.subselector, depth)
    inner: list[object] = []
    if isinstance(tree, Negation):
        inner = [tree.subselector]
    elif isinstance(tree, Relation):
        inner = [tree.subselector.parsed_tree]
    elif isinstance(tree, (Matching, SpecificityAdjustment)):
        inner = list(tree.selector_list)
    elif isinstance(tree, Function) and tree.name.lower() == "contains":
        return "':contains()' reads every element's whole text; use ':has-text()', which is linear"
    elif not isinstance(tree, (Function, Pseudo, Attrib, Class, Hash)):
        return None  # an Element: the end of the chain
    return _refusal(tree.selector, depth) or next(
        (reason for part in inner if (reason := _refusal(part, depth + 1))), None
    )


def _selectors(draft: Mapping[str, Any], where: str) -> Iterator[tuple[str, Any]]:
    """Every selector of a draft (as sent: maybe not a string) with where it is; a key of the wrong type yields
    nothing here, and fails the schema."""
    for key in SELECTOR_KEYS:
        values = draft.get(key)
        if isinstance(values, list):
            yield from ((f"{where}/{key}/{j}", value) for j, value in enumerate(values))
    groups = draft.get("strip")
    if isinstance(groups, list):
        for g, group in enumerate(groups):
            values = group.get("selectors") if isinstance(group, dict) else None
            if isinstance(values, list):
                yield from ((f"{where}/strip/{g}/selectors/{j}", value) for j, value in enumerate(values))


def _compiled(rule: Rule, where: str) -> Iterator[tuple[str, Any]]:
    for key in SELECTOR_KEYS:
        yield from ((f"{where}/{key}/{j}", s) for j, s in enumerate(getattr(rule, key)))
    for g, group in enumerate(rule.strip):
        yield from ((f"{where}/strip/{g}/selectors/{j}", s) for j, s in enumerate(group.selectors))


def _shown(value: str) -> str:
    """A selector or value quoted back in an error, cut short."""
    return repr(_short(value, _SHOWN_CHARS))


def _short(message: str, limit: int = 300) -> str:
    """jsonschema quotes the offending value whole: keep an error readable whatever was sent."""
    return message if len(message) <= limit else message[:limit] + "..."


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), "null")
