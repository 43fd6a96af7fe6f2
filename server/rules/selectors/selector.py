"""Selector: one compiled rule selector, and how it finds its matches on a page."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING

import re2
from lxml import etree
from lxml.html import HtmlElement

from ...parse import element_text
from .index import HEAD_MARK, Key, PageIndex, literal_regex
from .linear_regex import finds, match_spans

if TYPE_CHECKING:
    from .css import CssPath

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Selector:
    """One compiled selector from a rule file."""

    source: str
    xpath: etree.XPath | CssPath  # an 'xpath:' rule's, or the CSS as a page-wide search
    keys: tuple[Key, ...] | None  # None: cannot be pre-filtered, always evaluated
    text_re: re2._Regexp | None  # RE2: linear in the text, whoever wrote the pattern
    # Groups of lowercase strings: any text match contains one string of every group. One sweep of the page's
    # text for all groups of all selectors (PageIndex.use_literals) rules most pages out before any regex runs.
    text_literals: tuple[tuple[str, ...], ...] = ()
    # The literals every text match starts with once stripped (pattern anchored at the start), see leading_literals.
    head_literals: tuple[str, ...] = ()
    # uBlock's ':upward(selector)' at the end: each match stands for its closest ancestor passing this test. With a
    # text test, the match is a label: the innermost element the CSS names whose whole text the pattern matches.
    upward: frozenset[str] | etree.XPath | None = None
    # A list of one tag's attribute tests ('a[href*="x"], a[href^="y"]'): (tag, attribute, a regex finding the
    # passing values in the page's newline-joined values of that attribute), one scan instead of a sweep per test.
    attribute_scan: tuple[str, str, re2._Regexp] | None = None
    # A ':has-text' selector's CSS as a test of one element: the tag names of a plain tag list ('p, div'), an
    # XPath on the self axis for other selectors without combinators; None: the CSS is evaluated on the page.
    self_test: frozenset[str] | etree.XPath | None = None

    def may_match(self, index: PageIndex) -> bool:
        return self.keys is None or any(index.has(key) for key in self.keys)

    def select(self, root: HtmlElement, index: PageIndex | None = None) -> list[HtmlElement]:
        """Matches in document order; with ':has-text', every match holding a text node that matches."""
        if index is not None and not self.may_match(index):
            return []
        return self.evaluate(root, index)

    @cached_property
    def literal_patterns(self) -> tuple[str, ...]:
        """One RE2 pattern per literal group, matching any of its literals in any case (RE2's own case folding,
        as the text pattern has it): a text node the pattern matches holds a match of each. No literal is whitespace
        only (literals.py), so the sweeps read only the nodes holding more (PageIndex.filled)."""
        if self.head_literals:
            return (HEAD_MARK + "|".join(re2.escape(literal) for literal in self.head_literals) + ")",)
        return tuple(
            "|".join(re2.escape(literal) for literal in group)
            for group in self.text_literals
            if not any("\u0307" in literal for literal in group)  # lower() spelled 'İ' as two letters
        )

    def evaluate(
        self, root: HtmlElement, index: PageIndex | None = None, max_words: int | None = None
    ) -> list[HtmlElement]:
        """select() without the key prefilter, for a caller whose SelectorPlan has applied it already. With
        max_words, a ':has-text' selector may leave out matches of more words (the caller skips them anyway)."""
        if self.upward is None:
            return self._evaluate(root, index, max_words)
        found: dict[HtmlElement, None] = {}
        for node in self._evaluate(root, index, None):
            for ancestor in node.iterancestors():
                if _passes(self.upward, ancestor):
                    found[ancestor] = None
                    break
                if ancestor is root:
                    break
        return sorted_in_document_order(root, list(found))

    def _evaluate(self, root: HtmlElement, index: PageIndex | None, max_words: int | None) -> list[HtmlElement]:
        if self.attribute_scan is not None:
            return self._scan_attribute(root, index if index is not None and index.root is root else None)
        if self.text_re is None:
            return self._css_matches(root, index)
        index = index if index is not None and index.root is root else PageIndex(root)
        # Sound: a matching text node holds a literal of every group, and the page's text holds every text node.
        if not all(index.holds(pattern) for pattern in self.literal_patterns):
            return []
        matched = self._matching_texts(root, index)
        if not matched:
            return []
        if self.self_test is not None:
            return self._holders(matched, root, max_words)
        candidates = self._css_matches(root, index)
        members = set(candidates)
        hits: set[HtmlElement] = set()
        for text in matched:
            element = _holder(text)
            while element is not None and element not in hits:
                if element in members:
                    hits.add(element)
                element = element.getparent()
        return [n for n in candidates if n in hits]

    def _css_matches(self, root: HtmlElement, index: PageIndex | None) -> list[HtmlElement]:
        """The elements the CSS (or 'xpath:' rule) finds, in document order; a CssPath reads the page's index."""
        xpath = self.xpath
        found = xpath(root) if isinstance(xpath, etree.XPath) else xpath(root, index)
        return [n for n in found if isinstance(n, etree._Element)]

    def _scan_attribute(self, root: HtmlElement, index: PageIndex | None) -> list[HtmlElement]:
        """The elements of the tag whose attribute value passes a test: the passing values found by one regex scan
        of the page's values of that attribute (which PageIndex gathers once), then the tag's elements holding
        one of them."""
        tag, name, values_re = self.attribute_scan
        joined = (index or PageIndex(root)).attribute_bytes(name)
        passing = set()
        for match_start, match_end in match_spans(values_re, joined):
            start = joined.rfind(b"\n", 0, match_start) + 1
            end = joined.find(b"\n", match_end)
            passing.add(joined[start : end if end >= 0 else len(joined)].decode("utf-8", "surrogatepass"))
        if not passing:
            return []
        return [element for element in root.iter(tag) if element.get(name) in passing]

    def _holders(
        self, matched: list[etree._ElementUnicodeResult], root: HtmlElement, max_words: int | None
    ) -> list[HtmlElement]:
        """The elements above the matched text nodes that pass the CSS test, found by walking up from each
        node instead of evaluating a broad selector ('p, div') over the whole page; in document order. The walk
        stops at the first holder of more than max_words words: every element above it holds more."""
        test = self.self_test
        seen: set[HtmlElement] = set()
        hits: list[HtmlElement] = []
        if self.upward is not None:
            return self._labels(matched, root)
        for text in matched:
            element = _holder(text)
            while element is not None and element not in seen:
                seen.add(element)
                if _passes(test, element):
                    if max_words is not None and len(element_text(element).split(None, max_words)) > max_words:
                        break
                    hits.append(element)
                if element is root:
                    break
                element = element.getparent()
        return sorted_in_document_order(root, hits)

    def _labels(self, matched: list[etree._ElementUnicodeResult], root: HtmlElement) -> list[HtmlElement]:
        """With ':upward()', a text test names a label (a heading, a caption line): the innermost element passing
        the CSS test above a matched text node, when that node is all its text; ':upward()' then climbs from it."""
        hits: dict[HtmlElement, None] = {}
        for text in matched:
            element = _holder(text)
            while element is not None and not _passes(self.self_test, element):
                element = None if element is root else element.getparent()
            if element is not None and element_text(element).split() == text.split():
                hits[element] = None
        return list(hits)

    def _matching_texts(self, root: HtmlElement, index: PageIndex) -> list[etree._ElementUnicodeResult]:
        """The text nodes the pattern matches. Only those holding a literal of the first group can: found where
        the joined text holds one (one RE2 sweep), the node counted by the NUL bytes before it. After removals,
        the texts gathered before them and the texts the removals joined hold every node's text: the matching
        ones name the nodes, found in the page's text as it is now."""
        hits = self._hits(index)
        joins = index.joins()
        if joins and self.literal_patterns:  # as for the nodes: only the joins holding the first literal can match
            joins = index.joins_matching(literal_regex(self.literal_patterns[0]))
        joins = [join for join in joins if finds(self.text_re, join)]
        if not hits and not joins:
            return []
        if index.stale:
            texts = index.texts()
            hits = index.positions_of({texts[i] for i in hits}.union(joins))
        return index.text_nodes(hits) if hits else []

    def _hits(self, index: PageIndex) -> list[int]:
        """Positions in texts() of the text nodes the pattern matches."""
        texts = index.texts()
        if self.literal_patterns:
            candidates: Iterable[int] = index.nodes_matching(
                literal_regex(self.literal_patterns[0]), in_heads=bool(self.head_literals)
            )
        else:
            candidates = range(len(texts))
        text_re = self.text_re
        return [i for i in candidates if finds(text_re, texts[i])]


def _holder(text: etree._ElementUnicodeResult) -> HtmlElement | None:
    """The element a text node is in: its parent's, for the tail after a child ('<p><b>Acme</b> is not …</p>': the
    <p>, not the <b>, which lxml's getparent() gives)."""
    element = text.getparent()
    return element.getparent() if text.is_tail and element is not None else element


def _passes(test: frozenset[str] | etree.XPath, element: HtmlElement) -> bool:
    """Whether an element passes a Selector.self_test."""
    return element.tag in test if isinstance(test, frozenset) else bool(test(element))


# Up to this many elements, in_document_order has libxml2 sort them: handed in as a variable, they are checked for
# duplicates pair by pair (at most 32,000 tests); past it, they are sorted by their ranks in the page.
_MAX_XPATH_SORT = 256
_IN_DOCUMENT_ORDER = etree.XPath("$elements")


def in_document_order(
    root: HtmlElement, runs: Iterable[list[HtmlElement]], index: PageIndex | None = None
) -> list[HtmlElement]:
    """The elements of several runs, each in document order already, merged: each element once, in document order,
    all under root (or root itself). An XPath union does this testing every pair of results for duplicates: quadratic,
    in one libxml2 call the time cap cannot interrupt. Past _MAX_XPATH_SORT, the ranks come from the page's index
    (built once per request) when it is root's, else from one walk of root."""
    found = [run for run in runs if run]
    if len(found) < 2:
        return found[0] if found else []
    return sorted_in_document_order(root, list(dict.fromkeys(chain.from_iterable(found))), index)


def sorted_in_document_order(
    root: HtmlElement, unique: list[HtmlElement], index: PageIndex | None = None
) -> list[HtmlElement]:
    """Distinct elements, all under root (or root itself), in document order (see in_document_order): ~2.5x cheaper
    than sorting by each one's path of child indexes, whose every step counts the siblings before it."""
    if len(unique) < 2:
        return unique
    if len(unique) <= _MAX_XPATH_SORT:
        return _IN_DOCUMENT_ORDER(root, elements=unique)
    ranks = index.ranks if index is not None and index.root is root else None
    if ranks is None or any(element not in ranks for element in unique):
        ranks = {element: rank for rank, element in enumerate(root.iter())}
    return sorted(unique, key=ranks.__getitem__)
