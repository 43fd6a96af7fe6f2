"""The key prefilter: the id, class, tag or attribute a selector's match must carry, and SelectorPlan, which
visits only the selectors whose key a page holds (the way ad blockers apply thousands of generic filters)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from cssselect import parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash

from .index import ATTRIBUTE_TESTS, Key, PageIndex
from .selector import Selector

log = logging.getLogger(__name__)

# Tag and attribute names safe to put in a presence-test XPath as they are.
_XML_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


class SelectorPlan:
    """Selectors indexed by the key their match must carry, built once per rule file: a page then visits
    only the selectors whose key it holds (two set intersections instead of a call per selector)."""

    def __init__(self, selectors: Sequence[Selector]) -> None:
        self.selectors = tuple(selectors)
        # Each text selector's literal patterns (PageIndex.lacks), () for the others.
        self.gates = tuple(s.literal_patterns if s.text_re is not None else () for s in self.selectors)
        self._always = {i for i, s in enumerate(self.selectors) if s.keys is None}
        self._ids: dict[str, list[int]] = {}
        self._classes: dict[str, list[int]] = {}
        self._others: dict[Key, list[int]] = {}
        for i, selector in enumerate(self.selectors):
            if selector.text_re is not None and isinstance(selector.self_test, frozenset):
                # A tag list with a text test: the page-wide literal sweep rules pages out for less than a tag
                # search (a tag a page lacks is searched through the whole tree).
                self._always |= {i}
                continue
            for key in selector.keys or ():
                table = self._ids if key[0] == "id" else self._classes if key[0] == "class" else self._others
                table.setdefault(key[1] if table is not self._others else key, []).append(i)
        # (attribute, substring) of each '*=' key, for PageIndex.use_substrings.
        self.substrings = tuple((key[1], key[3]) for key in self._others if len(key) > 2 and key[2] == "*=")

    def candidates(self, index: PageIndex) -> list[int]:
        """Positions, in order, of the selectors that may match this page (Selector.may_match for each)."""
        found = set(self._always)
        # The page's sets test the plan's few keys: 'dict.keys() & frozenset' walks the whole frozenset instead.
        for value in index.ids.intersection(self._ids):
            found.update(self._ids[value])
        for value in index.classes.intersection(self._classes):
            found.update(self._classes[value])
        for key, positions in self._others.items():
            # A key whose selectors all qualified already needs no test.
            if not found.issuperset(positions) and index.has(key):
                found.update(positions)
        return sorted(found)


def selector_keys(css: str) -> tuple[Key, ...] | None:
    """The id, class or tag each comma-separated part's subject must carry; None if some part has none."""
    keys: list[Key] = []
    for selector in parse(css):
        key = subject_key(selector.parsed_tree)
        if key is None:
            return None
        keys.append(key)
    return tuple(keys)


def subject_key(tree: object) -> Key | None:
    node = tree.subselector if isinstance(tree, CombinedSelector) else tree
    best: Key | None = None
    attribute: Key | None = None
    while node is not None:
        if isinstance(node, Hash):
            return ("id", node.id)
        if isinstance(node, Class) and best is None:
            best = ("class", node.class_name)
        if isinstance(node, Attrib) and attribute is None and _XML_NAME_RE.match(node.attrib):
            attribute = _attribute_key(node)
        if isinstance(node, Element):
            if best is None and node.element not in (None, "*") and _XML_NAME_RE.match(node.element):
                best = ("tag", node.element.lower())
            break
        node = getattr(node, "selector", None)
    value_test = attribute is not None and len(attribute) > 2 and attribute[1] in _GATHERED
    if value_test and best is not None and best[0] == "tag":
        return attribute  # 'div[id*="comments"]': a test of values PageIndex holds already, not a page's every div
    return best or attribute


# Attributes whose values PageIndex gathers for every page.
_GATHERED = frozenset({"id", "class"})


def _attribute_key(node: Attrib) -> Key | None:
    """What an attribute test needs on the page: the attribute itself, or a value passing the test."""
    name = node.attrib.lower()
    if node.operator == "exists":
        return ("attr", name)
    if node.operator not in ATTRIBUTE_TESTS:
        return None  # '!=' also matches elements without the attribute
    return ("attr", name, node.operator, getattr(node.value, "value", node.value))
