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
from lxml.html import HtmlElement

from .index import Key, PageIndex
from .prefilter import subject_key
from .selector import in_document_order

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
        keyed = self.keyed_form(selector, prefix)
        if keyed is not None:
            return f"descendant-or-self::*/{_attribute_step(keyed[0])}/parent::{keyed[1]}"
        plain = super().selector_to_xpath(selector, prefix, translate_pseudo_elements)
        if "/descendant-or-self::*/" in plain and prefix == "descendant-or-self::" and not selector.pseudo_element:
            # A descendant combinator ('div p') as a test of the subject's ancestors, in one step: the path from each
            # 'div' has libxml2 merge their descendants testing every pair for duplicates (20,000 took 0.78 s).
            chain = None if "position()" in plain or "last()" in plain else _chain_condition(selector.parsed_tree, self)
            if chain is not None:
                return f"descendant-or-self::{chain}"
        return plain

    def keyed_form(self, selector: ParsedSelector, prefix: str = "descendant-or-self::") -> tuple[Key, str] | None:
        """(the key, the subject's test as 'element[condition]') when the selector is found from its key's attribute,
        else None."""
        key = subject_key(selector.parsed_tree)
        if key is None or key[0] == "tag" or prefix != "descendant-or-self::" or selector.pseudo_element:
            return None
        plain = super().selector_to_xpath(selector, prefix)
        # A test that reads no position (the parent axis would change it): the same test, run on the elements
        # holding the attribute; the attribute test only narrows them, the full test decides. Combinators chained
        # ('.caption .credit') become tests of the subject's ancestors (the page-wide path visits every element
        # under each '.caption' again, nested ones many times).
        if "position()" in plain or "last()" in plain:
            return None
        expr = self.xpath(selector.parsed_tree)
        subject = _chain_condition(selector.parsed_tree, self) if expr.path else str(expr)
        return None if subject is None else (key, subject)


# Up to this many elements carrying the attributes a selector list is found from (PageIndex.attribute_count), its
# XPath runs whole: its parent steps and union then cost libxml2 at most ~2 ms in pair tests (0.2 s at 20,000).
MAX_WHOLE_PATH_ELEMENTS = 2_000


class CssPath:
    """A CSS selector list as a page-wide search, its matches in document order, never quadratic in them: libxml2
    merges a union's parts and a parent step's results ('@class/parent::div') by testing every pair for duplicates,
    in one call the time cap cannot interrupt (20,000 '[style*=display:none]' matches took 0.2 s, 100,000 ~5 s).
    The XPath runs whole where the page's index bounds its matches; else each part runs alone, a keyed part's
    attribute values found in C and their elements tested in Python, and the parts are merged (in_document_order)."""

    def __init__(self, css: str) -> None:
        translator = Translator()
        parsed = parse(css)
        self.css = css
        # What lxml's CSSSelector evaluates, and what runs on a page small enough.
        self.path = " | ".join(translator.selector_to_xpath(part) for part in parsed)
        self._whole = etree.XPath(self.path)
        self._parts = tuple(_CssPart(translator, part) for part in parsed)
        # The attributes bounding the matches, one per part; None: some part has none (its matches are not counted).
        attributes = [part.attribute for part in self._parts]
        self._attributes = None if None in attributes else tuple(attributes)
        self._whole_is_linear = len(self._parts) == 1 and self._parts[0].attribute is None

    def __call__(self, root: HtmlElement, index: PageIndex | None = None) -> list:
        if self._whole_is_linear or self._bounded(root, index):
            return self._whole(root)
        return in_document_order(root, (part(root) for part in self._parts))

    @property
    def search(self) -> etree.XPath | CssPath:
        """What a Selector calls: the XPath itself when it is one linear step (no wrapper on the hot path)."""
        return self._whole if self._whole_is_linear else self

    def probe(self, root: HtmlElement) -> None:
        """Evaluate every XPath this search may run on root (compile_selector's check at load: a namespace prefix
        fails only when evaluated)."""
        self._whole(root)
        for part in self._parts:
            part.probe(root)

    def _bounded(self, root: HtmlElement, index: PageIndex | None) -> bool:
        """Whether the page's index holds few enough elements carrying the parts' attributes for the whole XPath."""
        if index is None or index.root is not root or self._attributes is None:
            return False
        total = 0
        for name in self._attributes:
            count = index.attribute_count(name)
            if count is None:
                return False
            total += count
        return total <= MAX_WHOLE_PATH_ELEMENTS


class _CssPart:
    """One selector of a list, alone: a keyed one as the elements holding its attribute value (one step in C), each
    tested in Python; any other as its own XPath (no union, no parent step)."""

    def __init__(self, translator: Translator, selector: ParsedSelector) -> None:
        keyed = translator.keyed_form(selector)
        self.attribute: str | None = None
        if keyed is None:
            self._path = etree.XPath(translator.selector_to_xpath(selector))
            return
        key, subject = keyed
        self.attribute = "class" if key[0] == "class" else "id" if key[0] == "id" else key[1]
        self._values = etree.XPath(f"descendant-or-self::*/{_attribute_step(key)}")
        self._test = etree.XPath(f"boolean(self::{subject})")

    def probe(self, root: HtmlElement) -> None:
        for path in (self._path,) if self.attribute is None else (self._values, self._test):
            path(root)

    def __call__(self, root: HtmlElement) -> list:
        if self.attribute is None:
            return self._path(root)
        test = self._test
        return [element for value in self._values(root) if test(element := value.getparent())]


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
