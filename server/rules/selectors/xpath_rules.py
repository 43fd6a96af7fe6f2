"""'xpath:' rules: compiled once, their EXSLT re:test served by RE2."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from lxml import etree

from ...errors import RuleError
from .linear_regex import compile_linear

log = logging.getLogger(__name__)

# EXSLT regular expressions (re:test) for XPath rules that must match text patterns; served by RE2, not lxml's.
_EXSLT_REGEXP = "http://exslt.org/regular-expressions"
_XPATH_NAMESPACES = {"re": _EXSLT_REGEXP}
# An EXSLT call in an XPath rule: only re:test is served (re:match and re:replace return strings no selector needs).
_XPATH_REGEX_CALL_RE = re.compile(r"\bre:([\w-]++)\s*+\(")
# A path whose first step finds elements or attributes of one name anywhere ('//form[...]', '//input[@type]/ancestor::
# div', '//@role[...]/parent::*'), or the same written '/descendant::form', '/descendant::*/@role'.
_NAME = r"[A-Za-z_][\w.-]*+"
_FIRST_STEP_RE = re.compile(
    rf"(?P<axis>//|/descendant::(?=[A-Za-z_])|/descendant::\*/(?=@))(?:@(?P<attribute>{_NAME})|(?P<tag>{_NAME}))"
    r"(?=[\[/]|$)"
)
# A first step's predicate testing one attribute's value ('//input[@type='password']', '//@role[. = 'button']'): the
# nodes the step keeps carry that value.
_VALUE_PREDICATE_RE = re.compile(
    rf"\[\s*+(?:@(?P<attribute>{_NAME})|\.)\s*+=\s*+(?:'(?P<single>[^']*+)'|\"(?P<double>[^\"]*+)\")\s*+\]"
)
# What makes a predicate read its node's position, its characters outside string literals searched: a number (a
# digit that opens a token; 'h1' is a name), a variable, the functions that count or return numbers, arithmetic ('+',
# a '-' that is no part of a name, '*' after an operand, 'div' and 'mod' as operators). A predicate without them is a
# test of the node alone, true or false wherever its step finds it.
_READS_POSITION_RE = re.compile(
    r"(?<![\w-])\d|[$+]|\b(?:position|last|count|sum|number|string-length|floor|ceiling|round)\s*+\("
    r"|(?<![\w.])-|-(?![\w.])|(?<![/:@\[(])\*|(?<![:/@\[(,\w-])(?:div|mod)(?![\w.-])"
)
# Outside brackets and quotes, these join a path to something else ('//a | //b', '//a = 1', '//a or //b'); so do '*'
# and '-' unless they are a name test ('ancestor::*') or within a name ('ancestor-or-self').
_JOINING = frozenset("|=!<>+, \t\n\r")


def xpath_keys(expression: str) -> tuple[tuple[str, ...], ...] | None:
    """('tag', name) for a single path whose first step is '//name' (or '/descendant::name'), ('attr', name) for one
    whose first step is '//@name' (or '/descendant::*/@name'): each later step and predicate only narrows or moves
    from the nodes before it, so a page without such an element or attribute has no match. When that step's first
    predicate tests one attribute's value ('//input[@type='password']', '//@role[. = 'button']'), the key is that
    value, ('attr', attribute, '=', value): rarer than the element, so fewer pages run the path. None for anything
    else."""
    expression = expression.strip()
    first = _FIRST_STEP_RE.match(expression)
    if first is None:
        return None
    previous = "/"
    for _, char, depth in _outside_strings(expression, first.end()):
        if depth == 0 and (
            char in _JOINING or (char == "*" and previous not in "/:") or (char == "-" and previous in ")]")
        ):
            return None
        previous = char
    tag, attribute = first.group("tag"), first.group("attribute")
    value = _VALUE_PREDICATE_RE.match(expression, first.end())
    # An element step's '[@name = ...]' or an attribute step's '[. = ...]': the value each node it keeps carries.
    if value is not None and (value.group("attribute") is not None) == (tag is not None):
        name = (value.group("attribute") or attribute).lower()
        wanted = value.group("single") if value.group("double") is None else value.group("double")
        return (("attr", name, "=", wanted),)
    return (("tag", tag),) if tag is not None else (("attr", attribute.lower()),)


def descendant_form(expression: str) -> str:
    """The expression with a first step '//name' or '//@name' written '/descendant::name' or '/descendant::*/@name':
    the same nodes in the same order in one walk of the elements, where libxml2 runs '//name[...]' as written (every
    node's children visited from every node: 2.4x the instructions). Only when that step's predicates read no
    position (_READS_POSITION_RE): '//p[1]' is each parent's first p, '/descendant::p[1]' the page's first."""
    stripped = expression.strip()
    first = _FIRST_STEP_RE.match(stripped)
    if first is None or first.group("axis") != "//":
        return expression
    predicates = []
    for _, char, depth in _outside_strings(stripped, first.end()):
        if depth == 0 and char != "[":
            break  # the step's end: its predicates are the bracketed groups right after its name
        predicates.append(char)
    if _READS_POSITION_RE.search("".join(predicates)):
        return expression
    step = "/descendant::*/@" if first.group("attribute") is not None else "/descendant::"
    return step + stripped[first.end("axis") + (first.group("attribute") is not None) :]


def compile_xpath_rule(source: str, expression: str) -> etree.XPath:
    """An XPath rule, its EXSLT re:test served by RE2 (lxml's own runs Python's backtracking re). Each re:test
    pattern must be a literal, compiled here: a bad one fails at load, and no page can supply a pattern."""
    for call in _XPATH_REGEX_CALL_RE.finditer(expression):
        if call.group(1) != "test":
            raise RuleError(f"selector {source!r}: re:{call.group(1)}() is not supported in rules; use re:test()")
        arguments = _call_arguments(expression, call.end())
        literals = [_xpath_literal(argument) for argument in arguments[1:]]
        if len(arguments) not in (2, 3) or None in literals:
            raise RuleError(f"selector {source!r}: re:test(value, 'pattern'[, 'flags']) takes a literal pattern")
        flags = literals[1] if len(literals) > 1 else ""
        if set(flags) - {"i", "g"}:
            raise RuleError(f"selector {source!r}: re:test flags {flags!r}: only 'i' is supported")
        try:
            compile_linear(literals[0], ignore_case="i" in flags)
        except ValueError as exc:
            raise RuleError(f"selector {source!r}: {exc}") from exc
    try:
        return etree.XPath(
            descendant_form(expression),
            namespaces=_XPATH_NAMESPACES,
            regexp=False,
            extensions={(_EXSLT_REGEXP, "test"): _xpath_re_test},
        )
    except etree.XPathSyntaxError as exc:
        raise RuleError(f"selector {source!r}: invalid XPath: {exc}") from exc


def _outside_strings(expression: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(position, character, depth of brackets and parentheses around it) of each character from start on that is
    not part of a string literal."""
    depth, quote = 0, ""
    for i in range(start, len(expression)):
        char = expression[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        else:
            yield i, char, depth
            if char in "([":
                depth += 1
            elif char in ")]" and depth:
                depth -= 1


def _call_arguments(expression: str, start: int) -> list[str]:
    """The top-level arguments of the call whose '(' ends just before start, as source text."""
    arguments, begin = [], start
    for i, char, depth in _outside_strings(expression, start):
        if char == "," and not depth:
            arguments.append(expression[begin:i].strip())
            begin = i + 1
        elif char == ")" and not depth:
            return [*arguments, expression[begin:i].strip()]
    return []


def _xpath_literal(argument: str) -> str | None:
    """The string an XPath literal argument spells, None when the argument is not a literal."""
    if (
        len(argument) >= 2
        and argument[0] == argument[-1]
        and argument[0] in "'\""
        and argument[0] not in argument[1:-1]
    ):
        return argument[1:-1]
    return None


def _xpath_re_test(_context: object, value: object, pattern: str, flags: str = "") -> bool:
    """EXSLT re:test(string, pattern, flags) on RE2, with the literal pattern compile_xpath_rule checked at load."""
    if isinstance(value, list):
        value = value[0] if value else ""  # a node-set argument: its first node's string value, as XPath does
    if isinstance(value, etree._Element):
        value = value.xpath("string()")
    return compile_linear(str(pattern), ignore_case="i" in flags).search(str(value)) is not None
