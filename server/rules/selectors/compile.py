"""compile_selector: a rule's selector source to a Selector, or a RuleError saying why it cannot be used."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from cssselect import SelectorError, parse
from lxml import etree

from ...errors import RuleError
from .css import CssPath, attribute_scan_of, chain_self_test_of, self_test_of
from .prefilter import selector_keys
from .pseudo_classes import HAS_TEXT_RE, RELATIVE_HAS_RE, compile_text_pattern, has_inside_not, split_upward
from .selector import Selector
from .xpath_rules import compile_xpath_rule, xpath_keys

log = logging.getLogger(__name__)

_PROBE = etree.Element("html")  # a page to evaluate a new selector on once


def compile_selector(source: str) -> Selector:
    """Compile a rule selector; raise RuleError with the reason when it cannot be used."""
    css, text_re = source.strip(), None
    if css.startswith("xpath:"):
        expression = css[len("xpath:") :].strip()
        return Selector(source, compile_xpath_rule(source, expression), xpath_keys(expression), None)
    css, upward_css = split_upward(css)
    upward = None
    if upward_css is not None:
        try:
            upward = self_test_of(upward_css)
        except (SelectorError, ValueError, NotImplementedError) as exc:
            raise RuleError(f"selector {source!r}: invalid CSS in ':upward()': {exc}") from exc
        if upward is None:
            raise RuleError(f"selector {source!r}: ':upward()' takes tags, classes and attributes, no combinators")
    match = HAS_TEXT_RE.match(css)
    literals: tuple[tuple[str, ...], ...] = ()
    leading: tuple[str, ...] = ()
    if match:
        if ":has-text(" in match.group("arg"):
            # The first ':has-text(' would take the rest as its text, and the selector would match nothing.
            raise RuleError(
                f"selector {source!r}: ':has-text()' is supported once, at the end of a selector; write each part "
                "of a list with its own ':has-text()' as a selector of its own"
            )
        css = match.group("css").strip() or "*"
        text_re, literals, leading = compile_text_pattern(source, match.group("arg").strip())
    if RELATIVE_HAS_RE.search(css):
        raise RuleError(f"selector {source!r}: relative ':has(> ...)' is not supported; use a descendant :has()")
    try:
        if any(has_inside_not(part.parsed_tree) for part in parse(css)):
            raise RuleError(
                f"selector {source!r}: ':has()' inside ':not()' is not supported: cssselect translates it into a "
                "test of the element's name, which every element passes"
            )
        compiled = CssPath(css)
        keys = selector_keys(css)
    except (SelectorError, ValueError, NotImplementedError) as exc:
        raise RuleError(f"selector {source!r}: invalid CSS: {exc}") from exc
    try:
        compiled.probe(_PROBE)  # what only evaluation finds (a namespace prefix: 'svg|a') fails at load, not on a page
    except etree.XPathEvalError as exc:
        raise RuleError(f"selector {source!r}: cannot be evaluated: {exc}") from exc
    if text_re is not None and keys is None:
        # Reading the text of every element on every request is too slow: scope the text test.
        raise RuleError(f"selector {source!r}: ':has-text' needs a tag, class or id before it")
    self_test = None
    if text_re is not None:
        # Without ':upward()' a combinator is a test of the ancestors too: walking up from the few matched text
        # nodes then replaces evaluating the whole CSS over the page ('figure p' is a sweep of every p).
        self_test = self_test_of(css) if upward is not None else self_test_of(css) or chain_self_test_of(css)
    return Selector(
        source,
        compiled.search,
        keys,
        text_re,
        text_literals=literals,
        self_test=self_test,
        head_literals=leading,
        upward=upward,
        attribute_scan=None if text_re is not None else attribute_scan_of(css),
    )


def compile_selectors(sources: Iterable[str]) -> tuple[Selector, ...]:
    return tuple(compile_selector(s) for s in sources)
