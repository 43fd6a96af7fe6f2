"""Rule selectors compiled once: CSS (via cssselect), XPath with an 'xpath:' prefix, and ':has-text(...)'.

Each compiled selector also knows the id, class or tag its match must carry, so a page that has none of
them skips it without evaluating anything (the way ad blockers apply thousands of generic filters); a
':has-text' selector likewise knows literal text its matches must hold.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from operator import itemgetter

import re2
from cssselect import SelectorError, parse
from cssselect.parser import (
    Attrib,
    Class,
    CombinedSelector,
    Element,
    Hash,
    Matching,
    Negation,
    Relation,
    SpecificityAdjustment,
)
from cssselect.parser import Selector as ParsedSelector
from lxml import etree
from lxml.cssselect import CSSSelector, LxmlHTMLTranslator
from lxml.html import HtmlElement

from ..errors import RuleError
from .literals import leading_literals, required_literals

log = logging.getLogger(__name__)

# ':has-text(/regex/flags)' or ':has-text(plain text)' at the end of a selector (uBlock's procedural filter).
# (The CSS part is tempered and possessive: everything before the first ':has-text(', in one pass.)
HAS_TEXT_RE = re.compile(r"^(?P<css>(?:(?!:has-text\().)*+):has-text\((?P<arg>.+)\)$", re.S)
# cssselect translates relative ':has(> x)' wrongly (the class lands on the outer element): refuse it.
RELATIVE_HAS_RE = re.compile(r":has\(\s*[>+~]")

# A leading-literal pattern (Selector.literal_patterns) starts with this: it is looked up in the text nodes' heads.
HEAD_MARK = "\\x00(?:"
# How much of each text node, once stripped, the heads hold: leading literals are at most this long.
HEAD_CHARS = 100
_HEAD = itemgetter(slice(HEAD_CHARS))
# An RE2 set of literal patterns: (set, its patterns, the pattern of each index).
_LiteralSet = tuple["re2.Set", frozenset[str], tuple[str, ...]]

# ("id", v), ("class", v), ("tag", name), ("attr", name) or ("attr", name, operator, value).
Key = tuple[str, ...]
# Tag and attribute names safe to put in a presence-test XPath as they are.
_XML_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# EXSLT regular expressions (re:test) for XPath rules that must match text patterns; served by RE2, not lxml's.
_EXSLT_REGEXP = "http://exslt.org/regular-expressions"
_XPATH_NAMESPACES = {"re": _EXSLT_REGEXP}
# An EXSLT call in an XPath rule: only re:test is served (re:match and re:replace return strings no selector needs).
_XPATH_REGEX_CALL_RE = re.compile(r"\bre:([\w-]++)\s*+\(")


class PageIndex:
    """What a page holds, gathered once per request: ids and classes up front; tags, attribute values and
    text only when a selector asks."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.ids = frozenset(_ALL_IDS(root))
        self._class_values = _ALL_CLASSES(root)
        self.classes = frozenset(" ".join(self._class_values).split())
        self._tags: dict[str, bool] = {}
        self._attributes: dict[str, tuple[frozenset[str], str]] = {}
        self._texts: list[str] | None = None
        self._joins: list[str] = []
        self._stale = False
        self._joined: list[bytes | None] = [None, None]  # indexed by heads (False, True)
        # use_literals()'s RE2 sets, for the whole text and for the heads: (set, its patterns, the pattern of each
        # index); the patterns found in the text since (a removal only adds those it joins).
        self._sets: list[_LiteralSet | None] = [None, None]
        self._present: list[set[str] | None] = [None, None]
        self._held: dict[str, bool] = {}

    def has(self, key: Key) -> bool:
        kind, value = key[0], key[1]
        if kind == "id":
            return value in self.ids
        if kind == "class":
            return value in self.classes
        if kind == "tag":
            if value not in self._tags:
                # The C iterator stops at the first such element.
                self._tags[value] = next(self.root.iter(value), None) is not None
            return self._tags[value]
        values, joined = self._attribute(value)
        if len(key) == 2:
            return bool(values)
        operator, wanted = key[2], key[3]
        # Substring tests on the joined values, one C call each; a hit across a newline only lets the selector run.
        if operator == "*=":
            return wanted in joined
        if operator == "^=":
            return f"\n{wanted}" in f"\n{joined}"
        if operator == "$=":
            return f"{wanted}\n" in f"{joined}\n"
        if operator == "=":
            return wanted in values
        test = _ATTRIBUTE_TESTS[operator]
        return any(test(v, wanted) for v in values)

    def attribute_values(self, name: str) -> str:
        """The values of one attribute across the page, joined by newlines."""
        return self._attribute(name)[1]

    def _attribute(self, name: str) -> tuple[frozenset[str], str]:
        """The values of one attribute across the page, as a set and newline-joined; one sweep per name."""
        if name not in self._attributes:
            known = {"id": self.ids, "class": self._class_values}  # already at hand
            values = known[name] if name in known else _attribute_values(name)(self.root)
            self._attributes[name] = (frozenset(values), "\n".join(values))
        return self._attributes[name]

    def texts(self) -> list[str]:
        """The page's text nodes as gathered (once; after a removal they may be stale, see drop())."""
        if self._texts is None:
            self._texts = _ALL_TEXT_PLAIN(self.root)
        return self._texts

    def joins(self) -> list[str]:
        """The texts drop() joined since texts() was gathered: what the page's text holds that texts() does not."""
        return self._joins

    @property
    def stale(self) -> bool:
        """Whether a removal changed the text since texts() was gathered."""
        return self._stale

    def refresh(self) -> None:
        """Gather the text again after removals (only when a text test found something, to know where)."""
        self._texts, self._joined, self._joins, self._stale = None, [None, None], [], False

    def text_nodes(self, positions: list[int]) -> list[etree._ElementUnicodeResult]:
        """The text nodes at these positions of a fresh texts(), with their elements: one sweep in C, no object
        for the others; past a few positions, all nodes with their elements (the position tests cost per node each)."""
        if len(positions) > _MAX_POSITION_TESTS:
            nodes = _ALL_TEXT_NODES(self.root)
            return [nodes[i] for i in positions]
        tests = " or ".join(f"position() = {i + 1}" for i in positions)
        return etree.XPath(f"(//text())[{tests}]")(self.root)

    def joined(self, heads: bool) -> bytes:
        """The text nodes joined by NUL bytes as UTF-8 (NUL never occurs in a literal, so none is found across two
        nodes); with heads, each node's first HEAD_CHARS characters once its leading whitespace is stripped, each
        after a NUL (what a pattern anchored at the start can begin with is there, in a fraction of the text)."""
        if self._joined[heads] is None:
            texts = self.texts()
            text = "\0" + "\0".join(map(_HEAD, map(str.lstrip, texts))) if heads else "\0".join(texts)
            self._joined[heads] = text.encode("utf-8", "surrogatepass")
        return self._joined[heads]

    def use_literals(self, selectors: Iterable[Selector]) -> None:
        """Look up the literal patterns of all these selectors in one sweep of the page's text (an RE2 set; the
        leading ones in one sweep of the heads) the first time one of them asks, instead of one per selector."""
        self.use_patterns(literal_patterns(selectors))

    def use_patterns(self, patterns: tuple[str, ...]) -> None:
        """use_literals() with the selectors' literal patterns gathered already (a rule file keeps its own)."""
        self._sets = list(_literal_sets(patterns))

    def holds(self, pattern: str) -> bool:
        """Whether the page's text holds a match of a literal pattern (see Selector.literal_patterns)."""
        heads = pattern.startswith(HEAD_MARK)
        entry = self._sets[heads]
        if entry is not None and pattern in entry[1]:
            if self._present[heads] is None:
                # The texts may have been gathered before a removal: what it joined is looked up too.
                subjects = (self.joined(heads), *(_subject(join, heads) for join in self._joins))
                self._present[heads] = {entry[2][i] for subject in subjects for i in entry[0].Match(subject) or ()}
            return pattern in self._present[heads]
        if pattern not in self._held:
            regex = _literal_regex(pattern)
            self._held[pattern] = regex.search(self.joined(heads)) is not None or any(
                regex.search(_subject(join, heads)) for join in self._joins
            )
        return self._held[pattern]

    def drop(self, node: HtmlElement) -> None:
        """Remove a node (its tail stays) and keep the text lookups sound without gathering the text again: what
        was found stands (text only went away), and the one text the removal joins is kept aside (joins()) and
        looked up for the literals; the text is gathered again only when a text test finds something."""
        previous, parent = node.getprevious(), node.getparent()
        had_tail = bool(node.tail)
        node.drop_tree()
        self._stale = True
        text = (previous.tail if previous is not None else parent.text if parent is not None else None) or ""
        if not (had_tail and text):
            return  # no text moved: the texts gathered still hold all the page's text
        self._joins.append(text)
        self._held.clear()
        for heads in (False, True):
            entry, present = self._sets[heads], self._present[heads]
            if entry is not None and present is not None:
                present.update(entry[2][i] for i in entry[0].Match(_subject(text, heads)) or ())

    def forget_text(self) -> None:
        """Called after a removal: dropping a node can join two text nodes into a new one."""
        self.refresh()
        self._present = [None, None]
        self._held.clear()


def _subject(text: str, heads: bool) -> bytes:
    """A text as PageIndex.joined() holds it: whole, or its head after a NUL."""
    return (("\0" + _HEAD(text.lstrip())) if heads else text).encode("utf-8", "surrogatepass")


_ALL_IDS = etree.XPath("//*/@id", smart_strings=False)  # '//*/@x' skips the text nodes '//@x' also visits
_ALL_CLASSES = etree.XPath("//*/@class", smart_strings=False)
_ALL_TEXT_PLAIN = etree.XPath("//text()", smart_strings=False)  # no parents: no object per text node
_ALL_TEXT_NODES = etree.XPath("//text()")  # each with its element (getparent())
# Position tests in one text_nodes() XPath before all nodes are fetched instead: each test is run on every node.
_MAX_POSITION_TESTS = 4
_PROBE = etree.Element("html")  # a page to evaluate a new selector on once


# Bounded: a request's draft rules may name any attribute, and the pipeline processes live long.
@lru_cache(maxsize=256)
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"//*/@{name}", smart_strings=False)


# CSS attribute operators as string tests, for ruling a selector out before its XPath runs.
_ATTRIBUTE_TESTS = {
    "=": lambda value, wanted: value == wanted,
    "~=": lambda value, wanted: wanted in value.split(),
    "|=": lambda value, wanted: value == wanted or value.startswith(wanted + "-"),
    "^=": lambda value, wanted: value.startswith(wanted),
    "$=": lambda value, wanted: value.endswith(wanted),
    "*=": lambda value, wanted: wanted in value,
}


def index_page(root: HtmlElement) -> PageIndex:
    return PageIndex(root)


@dataclass(frozen=True)
class Selector:
    """One compiled selector from a rule file."""

    source: str
    xpath: etree.XPath
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
        as the text pattern has it): a text node the pattern matches holds a match of each."""
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
        return sorted(found, key=_document_position) if len(found) > 1 else list(found)

    def _evaluate(self, root: HtmlElement, index: PageIndex | None, max_words: int | None) -> list[HtmlElement]:
        if self.attribute_scan is not None:
            return self._scan_attribute(root, index if index is not None and index.root is root else None)
        if self.text_re is None:
            return [n for n in self.xpath(root) if isinstance(n, etree._Element)]
        index = index if index is not None and index.root is root else PageIndex(root)
        # Sound: a matching text node holds a literal of every group, and the page's text holds every text node.
        if not all(index.holds(pattern) for pattern in self.literal_patterns):
            return []
        matched = self._matching_texts(root, index)
        if not matched:
            return []
        if self.self_test is not None:
            return self._holders(matched, root, max_words)
        candidates = [n for n in self.xpath(root) if isinstance(n, etree._Element)]
        members = set(candidates)
        hits: set[HtmlElement] = set()
        for text in matched:
            element = text.getparent()
            while element is not None and element not in hits:
                if element in members:
                    hits.add(element)
                element = element.getparent()
        return [n for n in candidates if n in hits]

    def _scan_attribute(self, root: HtmlElement, index: PageIndex | None) -> list[HtmlElement]:
        """The elements of the tag whose attribute value passes a test: the passing values found by one regex scan
        of the page's values of that attribute (which PageIndex gathers once), then the tag's elements holding
        one of them."""
        tag, name, values_re = self.attribute_scan
        joined = (index or PageIndex(root)).attribute_values(name)
        passing = set()
        for match in values_re.finditer(joined):
            start = joined.rfind("\n", 0, match.start()) + 1
            end = joined.find("\n", match.end())
            passing.add(joined[start : end if end >= 0 else len(joined)])
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
            element = text.getparent()
            while element is not None and element not in seen:
                seen.add(element)
                if _passes(test, element):
                    if max_words is not None and len(element.text_content().split(None, max_words)) > max_words:
                        break
                    hits.append(element)
                if element is root:
                    break
                element = element.getparent()
        return sorted(hits, key=_document_position) if len(hits) > 1 else hits

    def _labels(self, matched: list[etree._ElementUnicodeResult], root: HtmlElement) -> list[HtmlElement]:
        """With ':upward()', a text test names a label (a heading, a caption line): the innermost element passing
        the CSS test above a matched text node, when that node is all its text; ':upward()' then climbs from it."""
        hits: dict[HtmlElement, None] = {}
        for text in matched:
            element = text.getparent()
            while element is not None and not _passes(self.self_test, element):
                element = None if element is root else element.getparent()
            if element is not None and element.text_content().split() == text.split():
                hits[element] = None
        return list(hits)

    def _matching_texts(self, root: HtmlElement, index: PageIndex) -> list[etree._ElementUnicodeResult]:
        """The text nodes the pattern matches. Only those holding a literal of the first group can: found where
        the joined text holds one (one RE2 sweep), the node counted by the NUL bytes before it. Texts gathered
        before removals answer 'none' soundly (with the texts the removals joined); a match is looked up again
        on fresh text, to know which node holds it."""
        hits = self._hits(index)
        if not hits and not any(self.text_re.search(join) for join in index.joins()):
            return []
        if index.stale:
            index.refresh()
            hits = self._hits(index)
        return index.text_nodes(hits) if hits else []

    def _hits(self, index: PageIndex) -> list[int]:
        """Positions in texts() of the text nodes the pattern matches."""
        texts = index.texts()
        if self.literal_patterns:
            joined = index.joined(bool(self.head_literals))
            candidates: Iterable[int] = _nodes_at(joined, _literal_regex(self.literal_patterns[0]))
        else:
            candidates = range(len(texts))
        search = self.text_re.search
        return [i for i in candidates if search(texts[i])]


def _passes(test: frozenset[str] | etree.XPath, element: HtmlElement) -> bool:
    """Whether an element passes a Selector.self_test."""
    return element.tag in test if isinstance(test, frozenset) else bool(test(element))


def _document_position(element: HtmlElement) -> list[int]:
    """The child indexes from the root down to an element: sorting by them is sorting in document order."""
    path = []
    parent = element.getparent()
    while parent is not None:
        path.append(parent.index(element))
        element, parent = parent, parent.getparent()
    return path[::-1]


def _nodes_at(joined: bytes, literal: re2._Regexp) -> list[int]:
    """The indexes of the NUL-separated text nodes in which the regex finds a match, in order."""
    found: list[int] = []
    node, position = 0, 0
    for match in literal.finditer(joined):
        node += joined.count(b"\0", position, match.start())
        position = match.start()
        if not found or found[-1] != node:
            found.append(node)
    return found


@lru_cache(maxsize=4096)
def _literal_regex(pattern: str) -> re2._Regexp:
    return re2.compile(pattern.encode(), _literal_options())


def literal_patterns(selectors: Iterable[Selector]) -> tuple[str, ...]:
    """The distinct literal patterns of some selectors, in order (see Selector.literal_patterns)."""
    return tuple(dict.fromkeys(pattern for selector in selectors for pattern in selector.literal_patterns))


@lru_cache(maxsize=256)
def _literal_sets(patterns: tuple[str, ...]) -> tuple[_LiteralSet | None, _LiteralSet | None]:
    """The RE2 sets of some literal patterns: those looked up in the whole text, and the leading ones (heads)."""
    full = tuple(dict.fromkeys(p for p in patterns if not p.startswith(HEAD_MARK)))
    heads = tuple(dict.fromkeys(p for p in patterns if p.startswith(HEAD_MARK)))
    return (_literal_set(full) if full else None, _literal_set(heads) if heads else None)


@lru_cache(maxsize=256)
def _literal_set(patterns: tuple[str, ...]) -> _LiteralSet:
    """An RE2 set of literal patterns, compiled once per rule combination (a site rule with the generic layer)."""
    literal_set = re2.Set.SearchSet(_literal_options())
    for pattern in patterns:
        literal_set.Add(pattern.encode())
    literal_set.Compile()
    return literal_set, frozenset(patterns), patterns


@cache
def _literal_options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    return options


class SelectorPlan:
    """Selectors indexed by the key their match must carry, built once per rule file: a page then visits
    only the selectors whose key it holds (two set intersections instead of a call per selector)."""

    def __init__(self, selectors: Sequence[Selector]) -> None:
        self.selectors = tuple(selectors)
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

    def candidates(self, index: PageIndex) -> list[int]:
        """Positions, in order, of the selectors that may match this page (Selector.may_match for each)."""
        found = set(self._always)
        for value in self._ids.keys() & index.ids:
            found.update(self._ids[value])
        for value in self._classes.keys() & index.classes:
            found.update(self._classes[value])
        for key, positions in self._others.items():
            # A key whose selectors all qualified already needs no test.
            if not found.issuperset(positions) and index.has(key):
                found.update(positions)
        return sorted(found)


def compile_selector(source: str) -> Selector:
    """Compile a rule selector; raise RuleError with the reason when it cannot be used."""
    css, text_re = source.strip(), None
    if css.startswith("xpath:"):
        return Selector(source, _compile_xpath(source, css[len("xpath:") :].strip()), None, None)
    css, upward_css = _split_upward(css)
    upward = None
    if upward_css is not None:
        try:
            upward = _self_test(upward_css)
        except (SelectorError, ValueError, NotImplementedError) as exc:
            raise RuleError(f"selector {source!r}: invalid CSS in ':upward()': {exc}") from exc
        if upward is None:
            raise RuleError(f"selector {source!r}: ':upward()' takes tags, classes and attributes, no combinators")
    match = HAS_TEXT_RE.match(css)
    literals: tuple[tuple[str, ...], ...] = ()
    leading: tuple[str, ...] = ()
    if match:
        css = match.group("css").strip() or "*"
        text_re, literals, leading = compile_text_pattern(source, match.group("arg").strip())
    if RELATIVE_HAS_RE.search(css):
        raise RuleError(f"selector {source!r}: relative ':has(> ...)' is not supported; use a descendant :has()")
    try:
        if any(_has_inside_not(part.parsed_tree) for part in parse(css)):
            raise RuleError(
                f"selector {source!r}: ':has()' inside ':not()' is not supported: cssselect translates it into a "
                "test of the element's name, which every element passes"
            )
        compiled = CSSSelector(css, translator=_Translator())
        keys = _keys(css)
    except (SelectorError, ValueError, NotImplementedError) as exc:
        raise RuleError(f"selector {source!r}: invalid CSS: {exc}") from exc
    try:
        compiled(_PROBE)  # what only evaluation finds (a namespace prefix: 'svg|a') fails at load, not on a page
    except etree.XPathEvalError as exc:
        raise RuleError(f"selector {source!r}: cannot be evaluated: {exc}") from exc
    if text_re is not None and keys is None:
        # Reading the text of every element on every request is too slow: scope the text test.
        raise RuleError(f"selector {source!r}: ':has-text' needs a tag, class or id before it")
    self_test = None
    if text_re is not None:
        # Without ':upward()' a combinator is a test of the ancestors too: walking up from the few matched text
        # nodes then replaces evaluating the whole CSS over the page ('figure p' is a sweep of every p).
        self_test = _self_test(css) if upward is not None else _self_test(css) or _chain_self_test(css)
    return Selector(
        source,
        compiled,
        keys,
        text_re,
        text_literals=literals,
        self_test=self_test,
        head_literals=leading,
        upward=upward,
        attribute_scan=None if text_re is not None else _attribute_scan(css),
    )


def _split_upward(css: str) -> tuple[str, str | None]:
    """A selector without its trailing ':upward(selector)', and that selector (None when there is none)."""
    head, sep, tail = css.rpartition(":upward(")
    if not sep or not tail.endswith(")") or "(" in tail or ")" in tail[:-1]:
        return css, None
    return head.strip(), tail[:-1].strip()


# Attribute tests an attribute scan serves, as a regex over newline-joined values (RE2's (?m): ^ and $ at lines).
_SCANNED_OPERATORS = {"*=": "{}", "^=": "(?m)^{}", "=": "(?m)^{}$"}


def _attribute_scan(css: str) -> tuple[str, str, re2._Regexp] | None:
    """Selector.attribute_scan for a list of one tag's '*=', '^=' or '=' tests of one attribute, else None."""
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
    return (*target, re2.compile("|".join(tests)))


def _has_inside_not(tree: object, negated: bool = False) -> bool:
    """Whether a ':has()' stands anywhere inside a ':not()' of cssselect's tree of one selector."""
    if isinstance(tree, Relation) and negated:
        return True
    if isinstance(tree, CombinedSelector):
        parts = [tree.selector, tree.subselector]
    elif isinstance(tree, Negation):
        return _has_inside_not(tree.selector, negated) or _has_inside_not(tree.subselector, True)
    elif isinstance(tree, Relation):
        parts = [tree.selector, tree.subselector.parsed_tree]
    elif isinstance(tree, (Matching, SpecificityAdjustment)):
        parts = [tree.selector, *tree.selector_list]
    else:
        parts = [getattr(tree, "selector", None)]  # None past an Element: the end of the chain
    return any(part is not None and _has_inside_not(part, negated) for part in parts)


def _self_test(css: str) -> frozenset[str] | etree.XPath | None:
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


def _chain_self_test(css: str) -> etree.XPath | None:
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
    """'element[condition]' testing one element for a chain of compound selectors (see _chain_self_test)."""
    if not isinstance(tree, CombinedSelector):
        expr = translator.xpath(tree)
        return None if expr.path else str(expr)
    axis = _COMBINATOR_AXES.get(tree.combinator)
    left = _chain_condition(tree.selector, translator) if axis else None
    if left is None or isinstance(tree.subselector, CombinedSelector):
        return None
    right = translator.xpath(tree.subselector)
    return None if right.path else str(right.add_condition(f"{axis}::{left}"))


class _Translator(LxmlHTMLTranslator):
    """cssselect's HTML translation, except that an element that must carry an id, class or attribute is found
    from that attribute: a sweep of one attribute is 2-3x faster than testing every element."""

    def selector_to_xpath(
        self, selector: ParsedSelector, prefix: str = "descendant-or-self::", translate_pseudo_elements: bool = False
    ) -> str:
        plain = super().selector_to_xpath(selector, prefix, translate_pseudo_elements)
        key = _subject_key(selector.parsed_tree)
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


def compile_selectors(sources: Iterable[str]) -> tuple[Selector, ...]:
    return tuple(compile_selector(s) for s in sources)


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


# Python's meaning of the class escapes (Unicode: a no-break space is a space), spelled for RE2, whose own are ASCII.
_UNICODE_CLASSES = {"s": r"\s\v\x{1c}-\x{1f}\x{85}\pZ", "d": r"\p{Nd}", "w": r"\pL\pN_"}
_MAX_PATTERN_CHARS = 2000
_MAX_PATTERN_MEMORY = 8 << 20  # RE2's default; a pattern whose automaton needs more is refused, not slowed


@lru_cache(maxsize=1024)
def compile_linear(pattern: str, *, ignore_case: bool = False) -> re2._Regexp:
    """A rule's text pattern compiled with RE2: matching is linear in the text whatever the pattern, and what RE2
    cannot run in linear time (backreferences, lookarounds) is refused. Raises ValueError with the reason."""
    if len(pattern) > _MAX_PATTERN_CHARS:
        raise ValueError(f"the pattern is {len(pattern)} characters long; at most {_MAX_PATTERN_CHARS} are accepted")
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    options.max_mem = _MAX_PATTERN_MEMORY
    try:
        return re2.compile(_unicode_classes(pattern), options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
        raise ValueError(f"the pattern cannot run in linear time (RE2 refuses it: {reason})") from exc


def _unicode_classes(pattern: str) -> str:
    """\\s, \\d and \\w (and their negations outside brackets) as Python reads them: Unicode classes."""
    out: list[str] = []
    in_brackets = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            spelled = _UNICODE_CLASSES.get(escaped.lower())
            if spelled is None or (in_brackets and escaped.isupper()):
                out.append(pattern[i : i + 2])  # a negated class inside brackets keeps RE2's (ASCII) reading
            elif in_brackets:
                out.append(spelled)
            else:
                out.append(f"[^{spelled}]" if escaped.isupper() else f"[{spelled}]")
            i += 2
            continue
        if char == "[" and not in_brackets:
            in_brackets = True
            out.append(pattern[i : i + 2] if pattern[i + 1 : i + 2] == "^" else char)
            i += len(out[-1])
            continue
        if char == "]" and in_brackets:
            in_brackets = False
        out.append(char)
        i += 1
    return "".join(out)


def _compile_xpath(source: str, expression: str) -> etree.XPath:
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
            expression, namespaces=_XPATH_NAMESPACES, regexp=False, extensions={(_EXSLT_REGEXP, "test"): _xpath_re_test}
        )
    except etree.XPathSyntaxError as exc:
        raise RuleError(f"selector {source!r}: invalid XPath: {exc}") from exc


def _call_arguments(expression: str, start: int) -> list[str]:
    """The top-level arguments of the call whose '(' ends just before start, as source text."""
    arguments, depth, quote, begin = [], 0, "", start
    for i in range(start, len(expression)):
        char = expression[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char == "," and not depth:
            arguments.append(expression[begin:i].strip())
            begin = i + 1
        elif char == ")":
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
    """EXSLT re:test(string, pattern, flags) on RE2, with the literal pattern _compile_xpath checked at load."""
    if isinstance(value, list):
        value = value[0] if value else ""  # a node-set argument: its first node's string value, as XPath does
    if isinstance(value, etree._Element):
        value = value.xpath("string()")
    return compile_linear(str(pattern), ignore_case="i" in flags).search(str(value)) is not None


def _keys(css: str) -> tuple[Key, ...] | None:
    """The id, class or tag each comma-separated part's subject must carry; None if some part has none."""
    keys: list[Key] = []
    for selector in parse(css):
        key = _subject_key(selector.parsed_tree)
        if key is None:
            return None
        keys.append(key)
    return tuple(keys)


def _subject_key(tree: object) -> Key | None:
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
    if node.operator not in _ATTRIBUTE_TESTS:
        return None  # '!=' also matches elements without the attribute
    return ("attr", name, node.operator, getattr(node.value, "value", node.value))
