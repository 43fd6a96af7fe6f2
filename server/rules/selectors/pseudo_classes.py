"""uBlock's procedural pseudo-classes as rules use them: ':has-text(...)' (its argument compiled with RE2, with the
literals a match must hold) and ':upward(...)'; and the ':has()' forms cssselect translates wrongly."""

from __future__ import annotations

import logging
import re

import re2
from cssselect.parser import CombinedSelector, Matching, Negation, Relation, SpecificityAdjustment

from ...errors import RuleError
from ..literals import leading_literals, required_literals
from .index import HEAD_CHARS
from .linear_regex import compile_linear

log = logging.getLogger(__name__)

# ':has-text(/regex/flags)' or ':has-text(plain text)' at the end of a selector (uBlock's procedural filter).
# (The CSS part is tempered and possessive: everything before the first ':has-text(', in one pass.)
HAS_TEXT_RE = re.compile(r"^(?P<css>(?:(?!:has-text\().)*+):has-text\((?P<arg>.+)\)$", re.S)
# cssselect translates relative ':has(> x)' wrongly (the class lands on the outer element): refuse it.
RELATIVE_HAS_RE = re.compile(r":has\(\s*[>+~]")


def split_upward(css: str) -> tuple[str, str | None]:
    """A selector without its trailing ':upward(selector)', and that selector (None when there is none)."""
    head, sep, tail = css.rpartition(":upward(")
    if not sep or not tail.endswith(")") or "(" in tail or ")" in tail[:-1]:
        return css, None
    return head.strip(), tail[:-1].strip()


def has_inside_not(tree: object, negated: bool = False) -> bool:
    """Whether a ':has()' stands anywhere inside a ':not()' of cssselect's tree of one selector."""
    if isinstance(tree, Relation) and negated:
        return True
    if isinstance(tree, CombinedSelector):
        parts = [tree.selector, tree.subselector]
    elif isinstance(tree, Negation):
        return has_inside_not(tree.selector, negated) or has_inside_not(tree.subselector, True)
    elif isinstance(tree, Relation):
        parts = [tree.selector, tree.subselector.parsed_tree]
    elif isinstance(tree, (Matching, SpecificityAdjustment)):
        parts = [tree.selector, *tree.selector_list]
    else:
        parts = [getattr(tree, "selector", None)]  # None past an Element: the end of the chain
    return any(part is not None and has_inside_not(part, negated) for part in parts)


def compile_text_pattern(source: str, arg: str) -> tuple[re2._Regexp, tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The ':has-text' argument compiled with RE2, the literals every match holds and those it starts with (for
    the prefilter)."""
    if len(arg) >= 2 and arg[0] == "/" and arg.rfind("/") > 0:
        body, flags = arg[1 : arg.rfind("/")], arg[arg.rfind("/") + 1 :]
        unknown = set(flags) - {"i"}
        if unknown:
            raise RuleError(f"selector {source!r}: unsupported regex flags {''.join(sorted(unknown))!r}")
        ignore_case = "i" in flags
    else:
        body, ignore_case = re.escape(arg.strip("\"'")), True
    try:
        compiled = compile_linear(body, ignore_case=ignore_case)
    except ValueError as exc:
        raise RuleError(f"selector {source!r}: {exc}") from exc
    required = required_literals(body)
    # A pattern requiring no literal would be searched in every text node: then even a short start ('©') serves,
    # looked up only where a node starts.
    leading = leading_literals(body) or (() if required else leading_literals(body, min_chars=1))
    return compiled, required, leading if all(len(lit) <= HEAD_CHARS for lit in leading) else ()
