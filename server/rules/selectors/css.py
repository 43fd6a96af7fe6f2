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
            # 'div' has libxml2 merge their descendants testing every pair for duplicates.
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
# XPath runs whole: its parent steps and union then cost libxml2 few pair tests.
MAX_WHOLE_PATH_ELEMENTS = 2_000

# Up to this many elements matching a chain's leftmost compound, the chain is searched downward from them.
MAX_CARRIERS = 256


class CssPath:
    """A CSS selector list as a page-wide search, its matches in document order, never quadratic in them: libxml2
    merges a union's parts and a parent step's results ('@class/parent::div') by testing every pair for duplicates,
    in one call the time cap cannot interrupt. The XPath runs whole where the page's index bounds its matches; else
    each part runs alone, a keyed part's attribute values found in C and their elements tested in Python, and the
    parts are merged (in_document_order). A chain whose leftmost compound is keyed ('.byline a') is searched from
    the few elements matching that compound, when the index shows them, down (see _Downward).
    As in CSS, a combinator's left side may match above root: on a subtree, 'div p' finds a p in it under a div
    outside it (callers pass the document root)."""

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
        first = self._parts[0]
        self._whole_is_linear = len(self._parts) == 1 and first.attribute is None and first.downward is None

    def __call__(self, root: HtmlElement, index: PageIndex | None = None) -> list:
        if self._whole_is_linear or self._bounded(root, index):
            return self._whole(root)
        return in_document_order(root, (part(root, index) for part in self._parts), index)

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
    tested in Python; any other as its own XPath (no union, no parent step), or downward from its leftmost compound's
    few elements."""

    def __init__(self, translator: Translator, selector: ParsedSelector) -> None:
        keyed = translator.keyed_form(selector)
        self.attribute: str | None = None
        self.downward = _Downward.of(translator, selector)
        if keyed is None:
            self._path = etree.XPath(translator.selector_to_xpath(selector))
            return
        key, subject = keyed
        self.attribute = _attribute_name(key)
        self._values = etree.XPath(f"descendant-or-self::*/{_attribute_step(key)}")
        self._test = etree.XPath(f"boolean(self::{subject})")

    def probe(self, root: HtmlElement) -> None:
        for path in (self._path,) if self.attribute is None else (self._values, self._test):
            path(root)
        if self.downward is not None:
            self.downward.probe(root)

    def __call__(self, root: HtmlElement, index: PageIndex | None = None) -> list:
        if self.downward is not None and index is not None:
            found = self.downward(root, index)
            if found is not None:
                return found
        if self.attribute is None:
            return self._path(root)
        test = self._test
        return [element for value in self._values(root) if test(element := value.getparent())]


class _Downward:
    """A chain of descendant and child combinators whose leftmost compound is keyed ('#main ol'), searched from the
    elements matching that compound down: the ancestor test of every subject element ('ol[ancestor::*[@id=…]]')
    walks all of its ancestors when none passes, elements times depth in one call the time cap cannot stop."""

    def __init__(self, key: Key, carrier: str, subject: str) -> None:
        self.key = key
        self._carrier_values = etree.XPath(f"descendant-or-self::*/{_attribute_step(key)}")
        self._is_carrier = etree.XPath(f"boolean(self::{carrier})")
        self._subjects = etree.XPath(f"descendant::{subject}")

    @classmethod
    def of(cls, translator: Translator, selector: ParsedSelector) -> _Downward | None:
        """The downward search for a chain whose leftmost compound has an id, class or attribute key, else None."""
        tree = selector.parsed_tree
        if selector.pseudo_element or not isinstance(tree, CombinedSelector):
            return None
        subject = _chain_condition(tree, translator)
        if subject is None or "position()" in subject or "last()" in subject:
            return None
        leftmost = tree
        while isinstance(leftmost, CombinedSelector):
            leftmost = leftmost.selector
        key = subject_key(leftmost)
        carrier = translator.xpath(leftmost)
        if key is None or key[0] == "tag" or carrier.path:
            return None
        return cls(key, str(carrier), subject)

    def probe(self, root: HtmlElement) -> None:
        for path in (self._carrier_values, self._is_carrier, self._subjects):
            path(root)

    def __call__(self, root: HtmlElement, index: PageIndex) -> list | None:
        """The matches in document order; None where the index does not cover the whole document from root, or the
        carriers are too many (the caller then runs the ancestor test)."""
        if index.root is not root or root.getparent() is not None:
            return None
        if not index.has(self.key):
            return []
        values = self._carrier_values(root)
        if len(values) > MAX_CARRIERS:
            return None
        is_carrier = self._is_carrier
        carriers = [element for value in values if is_carrier(element := value.getparent())]
        # The outermost carriers: disjoint subtrees in document order, so their matches concatenated are too.
        outermost: list[HtmlElement] = []
        kept: set[HtmlElement] = set()
        for carrier in carriers:
            if not any(ancestor in kept for ancestor in carrier.iterancestors()):
                outermost.append(carrier)
                kept.add(carrier)
        if len(outermost) == 1:
            return self._subjects(outermost[0])
        return [element for carrier in outermost for element in self._subjects(carrier)]


def _attribute_name(key: Key) -> str:
    """The attribute a key's elements carry."""
    return "class" if key[0] == "class" else "id" if key[0] == "id" else key[1]


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
