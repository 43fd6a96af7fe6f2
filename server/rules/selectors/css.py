"""CSS translated for the hot path: XPath that finds an element from the attribute it must carry, tests of one
element (for walking up from matched text), and one-regex scans of an attribute's values."""

from __future__ import annotations

import logging

import re2
from cssselect import parse
from cssselect.parser import Attrib, CombinedSelector, Element
from cssselect.parser import Selector as ParsedSelector
from lxml import etree
from lxml.cssselect import LxmlHTMLTranslator

from .index import Key
from .prefilter import subject_key

log = logging.getLogger(__name__)

# Attribute tests an attribute scan serves, as a regex over newline-joined values (RE2's (?m): ^ and $ at lines).
_SCANNED_OPERATORS = {"*=": "{}", "^=": "(?m)^{}", "=": "(?m)^{}$"}


def attribute_scan_of(css: str) -> tuple[str, str, re2._Regexp] | None:
    """Selector.attribute_scan for a list of one tag's '*=', '^=' or '=' tests of one attribute, else None (the
    regex reads the values' UTF-8: PageIndex.attribute_bytes)."""
    tests: list[str] = []
    target: tuple[str, str] | None = None
    for part in parse(css):
        tree = part.parsed_tree
        if part.pseudo_element or not isinstance(tree, Attrib) or tree.operator not in _SCANNED_OPERATORS:
            return None
        element = tree.selector
        if not isinstance(element, Element) or element.element in (None, "*") or element.namespace:
            return None
        if target is not None and target != (element.element.lower(), tree.attrib.lower()):
            return None
        target = (element.element.lower(), tree.attrib.lower())
        tests.append(_SCANNED_OPERATORS[tree.operator].format(re2.escape(tree.value.value)))
    if target is None or len(tests) < 2:
        return None
    return (*target, re2.compile("|".join(tests).encode()))


def self_test_of(css: str) -> frozenset[str] | etree.XPath | None:
    """The CSS as a test of one element (see Selector.self_test); None when a part has a combinator."""
    parsed = parse(css)
    if any(isinstance(part.parsed_tree, CombinedSelector) or part.pseudo_element for part in parsed):
        return None
    tags = [part.parsed_tree for part in parsed]
    if all(isinstance(tag, Element) and tag.element not in (None, "*") and not tag.namespace for tag in tags):
        return frozenset(tag.element.lower() for tag in tags)
    translator = LxmlHTMLTranslator()
    expression = " | ".join(translator.selector_to_xpath(part, prefix="self::") for part in parsed)
    return etree.XPath(f"boolean({expression})")


# The combinators a chain self-test serves, as the axis their left side is looked for on.
_COMBINATOR_AXES = {" ": "ancestor", ">": "parent"}


def chain_self_test_of(css: str) -> etree.XPath | None:
    """The CSS as a test of one element when its parts chain descendant and child combinators ('figure p' is a p
    with a figure among its ancestors); None for a sibling combinator, a pseudo-element or a position test."""
    translator = LxmlHTMLTranslator()
    tests = []
    for part in parse(css):
        chain = None if part.pseudo_element else _chain_condition(part.parsed_tree, translator)
        if chain is None:
            return None
        tests.append(f"self::{chain}")
    expression = " | ".join(tests)
    if "position()" in expression or "last()" in expression:
        return None  # positions read on the self axis would not mean what they mean in the page-wide path
    return etree.XPath(f"boolean({expression})")


def _chain_condition(tree: object, translator: LxmlHTMLTranslator) -> str | None:
    """'element[condition]' testing one element for a chain of compound selectors (see chain_self_test_of)."""
    if not isinstance(tree, CombinedSelector):
        expr = translator.xpath(tree)
        return None if expr.path else str(expr)
    axis = _COMBINATOR_AXES.get(tree.combinator)
    left = _chain_condition(tree.selector, translator) if axis else None
    if left is None or isinstance(tree.subselector, CombinedSelector):
        return None
    right = translator.xpath(tree.subselector)
    return None if right.path else str(right.add_condition(f"{axis}::{left}"))


class Translator(LxmlHTMLTranslator):
    """cssselect's HTML translation, except that an element that must carry an id, class or attribute is found
    from that attribute: a sweep of one attribute is 2-3x faster than testing every element."""

    def selector_to_xpath(
        self, selector: ParsedSelector, prefix: str = "descendant-or-self::", translate_pseudo_elements: bool = False
    ) -> str:
        plain = super().selector_to_xpath(selector, prefix, translate_pseudo_elements)
        key = subject_key(selector.parsed_tree)
        if key is None or key[0] == "tag" or prefix != "descendant-or-self::" or selector.pseudo_element:
            return plain
        expr = self.xpath(selector.parsed_tree)
        # A test that reads no position (the parent axis would change it): the same test, run on the elements
        # holding the attribute; the attribute test only narrows them, the full test decides. Combinators chained
        # ('.caption .credit') become tests of the subject's ancestors (the page-wide path visits every element
        # under each '.caption' again, nested ones many times).
        if "position()" in plain or "last()" in plain:
            return plain
        subject = _chain_condition(selector.parsed_tree, self) if expr.path else str(expr)
        if subject is None:
            return plain
        return f"descendant-or-self::*/{_attribute_step(key)}/parent::{subject}"


def _attribute_step(key: Key) -> str:
    """The attribute a key names, with a test every element matching the key passes."""
    kind, value = key[0], key[1]
    if kind == "id":
        return f"@id[. = {LxmlHTMLTranslator.xpath_literal(value)}]"
    if kind == "class":
        return f"@class[contains(., {LxmlHTMLTranslator.xpath_literal(value)})]"
    if len(key) == 2:
        return f"@{value}"
    operator, wanted = key[2], LxmlHTMLTranslator.xpath_literal(key[3])
    if operator == "=":
        return f"@{value}[. = {wanted}]"
    if operator == "^=":
        return f"@{value}[starts-with(., {wanted})]"
    return f"@{value}[contains(., {wanted})]"  # ~=, |=, $= and *=: the value is somewhere in it
