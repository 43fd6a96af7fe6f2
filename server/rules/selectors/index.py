"""PageIndex: what a page holds (ids, classes, attribute values, text), gathered once per request, and the RE2
sets that look up the rules' literal patterns in its text in one sweep."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from itertools import compress, count
from operator import itemgetter
from typing import TYPE_CHECKING

import re2
from lxml import etree
from lxml.html import HtmlElement

from .linear_regex import UNICODE_SPACE, match_spans

if TYPE_CHECKING:
    from .selector import Selector

log = logging.getLogger(__name__)

# A leading-literal pattern (Selector.literal_patterns) starts with this: a text node's start (the NUL before it in
# PageIndex.joined()), then any whitespace (what str.lstrip() strips), then the literals.
HEAD_MARK = f"\\x00[{UNICODE_SPACE}]*(?:"
# Leading literals are at most this long (a longer one is a rule's whole sentence: its required literals serve), and
# the heads (PageIndex.heads) hold this much of each text node.
HEAD_CHARS = 100
_HEAD = itemgetter(slice(HEAD_CHARS))
# An RE2 set of literal patterns: (set, its patterns, the pattern of each index).
_LiteralSet = tuple["re2.Set", frozenset[str], tuple[str, ...]]

# ("id", v), ("class", v), ("tag", name), ("attr", name) or ("attr", name, operator, value).
Key = tuple[str, ...]


class PageIndex:
    """What a page holds, gathered once per request, each part when first asked: ids and classes (the key
    prefilter's, and the metadata stage's byline test), tags, attribute values and text.

    The pipeline makes one before the metadata stage, which reads attribute values only (id, class, itemprop, href:
    its markup searches' gates): declutter() strips the non-content elements after that, so those values may hold
    theirs too (a superset: the prefilter and the gates only let more searches run, and a search finds its matches
    in the page as it is)."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self._tags: dict[str, bool] = {}
        # Per attribute name: its values across the page; then, as tests ask, as a set, newline-joined, and that as
        # UTF-8 (for the byte-level regex scans).
        self._attributes: dict[str, list[str]] = {}
        self._value_sets: dict[str, frozenset[str]] = {}
        self._joined_values: dict[str, str] = {}
        self._encoded_values: dict[str, bytes] = {}
        # The text nodes as the first text test found them (the literal sweeps read these), the texts removals have
        # joined since, and the text nodes as they are now (None once a removal has changed them).
        self._texts: list[str] | None = None
        self._joins: list[str] = []
        self._joins_joined: bytes | None = None  # joins() as joined() holds nodes, for the literal searches
        self._stale = False
        self._live: list[str] | None = None
        self._stripped: list[str] | None = None
        self._filled: list[int] | None = None
        self._joined: bytes | None = None
        self._heads: bytes | None = None
        # use_literals()'s RE2 set: (set, its patterns, the pattern of each index); the patterns found in the text
        # since (a removal only adds those it joins).
        self._set: _LiteralSet | None = None
        self._present: set[str] | None = None
        self._held: dict[str, bool] = {}
        # use_substrings()'s RE2 sets per attribute name, and the substrings each attribute's values were found to hold.
        self._substrings: dict[str, _LiteralSet] = {}
        self._held_substrings: dict[str, set[str]] = {}

    @cached_property
    def id_values(self) -> list[str]:
        """Every id value of the page, in document order."""
        return _ALL_IDS(self.root)

    @cached_property
    def class_values(self) -> list[str]:
        """Every class value of the page, in document order."""
        return _ALL_CLASSES(self.root)

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self.id_values)

    @cached_property
    def classes(self) -> frozenset[str]:
        """The class names the page's class values hold."""
        return frozenset(" ".join(self.class_values).split())

    def has(self, key: Key) -> bool:
        kind, value = key[0], key[1]
        if kind == "id":
            return value in self.ids
        if kind == "class":
            return value in self.classes
        if kind == "tag":
            if value not in self._tags:
                # In C: a tag the page lacks is ruled out by the document's name dictionary without a walk; one it
                # holds is walked to its second element (lxml's iterator looks one match ahead), all of it if one.
                self._tags[value] = next(self.root.iter(value), None) is not None
            return self._tags[value]
        if len(key) == 2:
            return bool(self._attribute(value))
        operator, wanted = key[2], key[3]
        # Substring tests on the joined values, one C call each; a hit across a newline only lets the selector run.
        if operator == "*=":
            entry = self._substrings.get(value)
            if entry is None or wanted not in entry[1]:
                return wanted in self.attribute_values(value)
            if value not in self._held_substrings:
                found = entry[0].Match(self.attribute_bytes(value)) or ()
                self._held_substrings[value] = {entry[2][i] for i in found}
            return wanted in self._held_substrings[value]
        if operator == "^=":
            return f"\n{wanted}" in f"\n{self.attribute_values(value)}"
        if operator == "$=":
            return f"{wanted}\n" in f"{self.attribute_values(value)}\n"
        if operator == "=":
            if value not in self._value_sets:
                self._value_sets[value] = frozenset(self._attribute(value))
            return wanted in self._value_sets[value]
        test = ATTRIBUTE_TESTS[operator]
        return any(test(v, wanted) for v in self._attribute(value))

    def attribute_values(self, name: str) -> str:
        """The values of one attribute across the page, joined by newlines."""
        if name not in self._joined_values:
            self._joined_values[name] = "\n".join(self._attribute(name))
        return self._joined_values[name]

    def attribute_bytes(self, name: str) -> bytes:
        """attribute_values() as UTF-8, encoded once: RE2 reads bytes as they are, and a str it encodes on each call."""
        if name not in self._encoded_values:
            self._encoded_values[name] = self.attribute_values(name).encode("utf-8", "surrogatepass")
        return self._encoded_values[name]

    def _attribute(self, name: str) -> list[str]:
        """The values of one attribute across the page, in document order; one sweep per name."""
        if name not in self._attributes:
            gathered = {"id": "id_values", "class": "class_values"}  # gathered for the prefilter: not twice
            self._attributes[name] = (
                getattr(self, gathered[name]) if name in gathered else _attribute_values(name)(self.root)
            )
        return self._attributes[name]

    def attribute_count(self, name: str) -> int | None:
        """How many elements carry this attribute, as gathered (removals since only lower it); None when no test has
        gathered its values yet (the id and class values the key prefilter gathers are counted always)."""
        if name in ("id", "class"):
            return len(self.id_values if name == "id" else self.class_values)
        values = self._attributes.get(name)
        return None if values is None else len(values)

    @cached_property
    def ranks(self) -> dict[HtmlElement, int]:
        """Each element's position in document order, as first asked (removals since leave the rest in order)."""
        return {element: rank for rank, element in enumerate(self.root.iter())}

    def texts(self) -> list[str]:
        """The page's text nodes as gathered, once: after a removal they may be stale (see drop())."""
        if self._texts is None:
            self._texts = self._live = _ALL_TEXT_PLAIN(self.root)
            self._joins, self._joins_joined, self._stale, self._stripped, self._filled = [], None, False, None, None
        return self._texts

    def joins(self) -> list[str]:
        """The texts drop() joined since texts() was gathered: what the page's text holds that texts() does not."""
        return self._joins

    def joins_matching(self, literal: re2._Regexp) -> list[str]:
        """The joins() where a literal pattern finds a match, in order: one search of them all, each opened by a NUL
        as joined() opens a node (a page that lost many elements has hundreds of them, and each text test read all)."""
        if self._joins_joined is None:
            self._joins_joined = nul_joined(self._joins)
        return [self._joins[i] for i in nodes_at(self._joins_joined, literal)]

    @property
    def stale(self) -> bool:
        """Whether a removal changed the text since texts() was gathered."""
        return self._stale

    def positions_of(self, texts: set[str]) -> list[int]:
        """The positions, in the page's text as it is now, of the text nodes that hold one of these texts (in order).
        Every text node holds a text of texts() or of joins(): a text test's matches there name all its nodes, and
        only the node list is gathered again (once per removal at most), not the joined text and heads swept."""
        if self._live is None:
            self._live = _ALL_TEXT_PLAIN(self.root)
        return list(compress(count(), map(texts.__contains__, self._live)))  # one C loop over the nodes

    def text_nodes(self, positions: list[int]) -> list[etree._ElementUnicodeResult]:
        """The text nodes at these (ascending) positions of the page's text as it is now, with their elements: a
        union of one step per position, no object for the others; past many positions, all nodes with elements."""
        if len(positions) > _MAX_POSITION_STEPS:
            nodes = _ALL_TEXT_NODES(self.root)
            return [nodes[i] for i in positions]
        # A step's literal position lets libxml2 stop walking there ('(//text())[position() = n]' tests every node).
        return etree.XPath(" | ".join(f"/descendant::text()[{i + 1}]" for i in positions))(self.root)

    def filled(self) -> list[int]:
        """The positions in texts() of the text nodes holding more than whitespace: the nodes the literal sweeps
        read. No literal is whitespace only (Selector.literal_patterns), so a blank node holds none; and blank nodes,
        the indentation between tags, are most of a page's text nodes (three in four) and of its text's bytes."""
        if self._filled is None:
            # A node stripped of its leading whitespace is empty (false) when blank: one pass, ~1.4x cheaper than
            # negating str.isspace, and heads() reads the stripped nodes too. (An empty node, which isspace() calls
            # no blank, is left out as well: it holds no literal either.)
            self._stripped = list(map(str.lstrip, self.texts()))
            self._filled = list(compress(count(), self._stripped))
        return self._filled

    def joined(self) -> bytes:
        """The filled() text nodes as UTF-8, each after a NUL byte (NUL never occurs in a page's text or a literal,
        so none is found across two nodes; a leading literal's pattern finds a node's start by its NUL)."""
        if self._joined is None:
            texts = self.texts()
            self._joined = nul_joined([texts[i] for i in self.filled()])
        return self._joined

    def heads(self) -> bytes:
        """joined() with each node cut to its first HEAD_CHARS characters once its leading whitespace is stripped:
        where a leading literal's pattern finds the same nodes, in a fraction of the text (built when asked)."""
        if self._heads is None:
            filled = self.filled()
            stripped = self._stripped
            self._heads = nul_joined(map(_HEAD, [stripped[i] for i in filled]))
        return self._heads

    def nodes_matching(self, literal: re2._Regexp, in_heads: bool = False) -> list[int]:
        """The positions in texts() of the nodes where a literal pattern finds a match, in joined() (or heads())."""
        filled = self.filled()
        return [filled[node] for node in nodes_at(self.heads() if in_heads else self.joined(), literal)]

    def use_literals(self, selectors: Iterable[Selector]) -> None:
        """Look up the literal patterns of all these selectors in one sweep of the page's text (an RE2 set) the
        first time one of them asks, instead of one per selector."""
        self.use_patterns(literal_patterns(selectors))

    def use_patterns(self, patterns: tuple[str, ...]) -> None:
        """use_literals() with the selectors' literal patterns gathered already (a rule file keeps its own)."""
        self._set = _literal_set(patterns) if patterns else None
        self._present = None  # found for another set of patterns

    def use_substrings(self, keys: tuple[tuple[str, str], ...]) -> None:
        """Look up the '*=' tests of these (attribute, substring) keys in one RE2 sweep of each attribute's values, the
        first time one of them is asked, instead of one search per key (a page's rules ask some 50 of them)."""
        self._substrings = _substring_sets(keys)
        self._held_substrings = {}

    def holds(self, pattern: str) -> bool:
        """Whether the page's text holds a match of a literal pattern (see Selector.literal_patterns)."""
        entry = self._set
        if entry is not None and pattern in entry[1]:
            if self._present is None:
                # The texts may have been gathered before a removal: what it joined is looked up too.
                subjects = (self.joined(), *map(_subject, self._joins))
                self._present = {entry[2][i] for subject in subjects for i in entry[0].Match(subject) or ()}
            return pattern in self._present
        if pattern not in self._held:
            regex = literal_regex(pattern)
            self._held[pattern] = regex.search(self.joined()) is not None or any(
                regex.search(_subject(join)) for join in self._joins
            )
        return self._held[pattern]

    def lacks(self, patterns: tuple[str, ...]) -> bool:
        """Whether the literal sweep, run already, found one of these patterns missing (holds() would say so): a
        text selector needing it matches nothing. False when answering would need the text gathered."""
        present, entry = self._present, self._set
        if present is None or entry is None:
            return False
        if entry[1].issuperset(patterns):  # all swept (a rule file's own): two set tests in C
            return not present.issuperset(patterns)
        return any(pattern not in present and pattern in entry[1] for pattern in patterns)

    def drop(self, node: HtmlElement) -> None:
        """Remove a node (its tail stays) and keep the text lookups sound without gathering the text again: what
        was found stands (text only went away), and the one text the removal joins is kept aside (joins()) and
        looked up for the literals; the text is gathered again only when a text test finds something."""
        previous, parent = node.getprevious(), node.getparent()
        had_tail = bool(node.tail)
        node.drop_tree()
        self._stale, self._live = True, None
        text = (previous.tail if previous is not None else parent.text if parent is not None else None) or ""
        if not (had_tail and text):
            return  # no text moved: the texts gathered still hold all the page's text
        self._joins.append(text)
        self._joins_joined = None
        self._held.clear()
        if self._set is not None and self._present is not None:
            self._present.update(self._set[2][i] for i in self._set[0].Match(_subject(text)) or ())

    def forget_text(self) -> None:
        """Called after a removal made without drop(): the text is gathered and swept again when next asked."""
        self._texts, self._live, self._joined, self._heads, self._joins, self._stale = None, None, None, None, [], False
        self._joins_joined = None
        self._stripped, self._filled = None, None
        self._present = None
        self._held.clear()


def _subject(text: str) -> bytes:
    """One text as PageIndex.joined() holds a node's."""
    return ("\0" + text).encode("utf-8", "surrogatepass")


# '/descendant::' rather than '//' (descendant-or-self::node()/child::, which libxml2 runs as written: every node's
# children visited from every node): the same nodes in the same order, 1.5x (attributes) to 2.5x (text) faster.
_ALL_IDS = etree.XPath("/descendant::*/@id", smart_strings=False)
_ALL_CLASSES = etree.XPath("/descendant::*/@class", smart_strings=False)
_ALL_TEXT_PLAIN = etree.XPath("/descendant::text()", smart_strings=False)  # no parents: no object per text node
_ALL_TEXT_NODES = etree.XPath("/descendant::text()")  # each with its element (getparent())
# Positions text_nodes() finds by one step each before it fetches all nodes instead (a step costs ~5 us, all ~0.5 ms).
_MAX_POSITION_STEPS = 64


# Bounded: a request's draft rules may name any attribute, and the pipeline processes live long.
@lru_cache(maxsize=256)
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"/descendant::*/@{name}", smart_strings=False)


# CSS attribute operators as string tests, for ruling a selector out before its XPath runs.
ATTRIBUTE_TESTS = {
    "=": lambda value, wanted: value == wanted,
    "~=": lambda value, wanted: wanted in value.split(),
    "|=": lambda value, wanted: value == wanted or value.startswith(wanted + "-"),
    "^=": lambda value, wanted: value.startswith(wanted),
    "$=": lambda value, wanted: value.endswith(wanted),
    "*=": lambda value, wanted: wanted in value,
}


def index_page(root: HtmlElement) -> PageIndex:
    return PageIndex(root)


def nul_joined(strings: Iterable[str]) -> bytes:
    """Strings as nodes_at reads them: each opened by a NUL, in UTF-8 (a lone surrogate kept as written)."""
    return ("\0" + "\0".join(strings)).encode("utf-8", "surrogatepass")


def nodes_at(joined: bytes, literal: re2._Regexp) -> list[int]:
    """The indexes of the text nodes of PageIndex.joined() in which the regex finds a match, in order: the NULs up
    to the match's first byte (a leading literal's match starts with its node's NUL) count the nodes."""
    found: list[int] = []
    node, position = -1, 0
    for start, _ in match_spans(literal, joined):
        node += joined.count(b"\0", position, start + 1)
        position = start + 1
        if not found or found[-1] != node:
            found.append(node)
    return found


@lru_cache(maxsize=4096)
def literal_regex(pattern: str) -> re2._Regexp:
    return re2.compile(pattern.encode(), _literal_options())


def literal_patterns(selectors: Iterable[Selector]) -> tuple[str, ...]:
    """The distinct literal patterns of some selectors, in order (see Selector.literal_patterns)."""
    return tuple(dict.fromkeys(pattern for selector in selectors for pattern in selector.literal_patterns))


@lru_cache(maxsize=256)
def _literal_set(patterns: tuple[str, ...]) -> _LiteralSet:
    """An RE2 set of literal patterns, compiled once per rule combination (a site rule with the generic layer)."""
    patterns = tuple(dict.fromkeys(patterns))
    literal_set = re2.Set.SearchSet(_literal_options())
    for pattern in patterns:
        literal_set.Add(pattern.encode())
    literal_set.Compile()
    return literal_set, frozenset(patterns), patterns


@lru_cache(maxsize=256)
def _substring_sets(keys: tuple[tuple[str, str], ...]) -> dict[str, _LiteralSet]:
    """Per attribute name, an RE2 set of its substrings, compiled once per rule combination. Their bytes as Latin-1
    characters: a literal byte run then matches where the str holds the substring (UTF-8 is self-synchronizing), and
    a lone surrogate a draft rule may carry (surrogatepass, as attribute_bytes() encodes) is bytes like any other."""
    by_name: dict[str, dict[str, None]] = {}
    for name, substring in keys:
        by_name.setdefault(name, {})[substring] = None
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    options.log_errors = False
    sets = {}
    for name, substrings in by_name.items():
        substring_set = re2.Set.SearchSet(options)
        for substring in substrings:
            substring_set.Add(re2.escape(substring.encode("utf-8", "surrogatepass")))
        substring_set.Compile()
        sets[name] = (substring_set, frozenset(substrings), tuple(substrings))
    return sets


@cache
def _literal_options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    return options
