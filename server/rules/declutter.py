"""Stage 4, declutter: apply the site rule and the generic layer to the parsed page, in place."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from itertools import chain

from lxml import etree
from lxml.html import HtmlElement

from ..languages import primary_language, text_language
from ..limits import NO_DEADLINE, Deadline
from .constants import MAX_STRIP_SHARE, NON_CONTENT_TAGS, UNGUARDED_CATEGORIES
from .ruleset import Rule, StripGroup
from .selectors import PageIndex, element_text, index_page
from .structure import FIRST_STRUCTURAL_PASSES, STRUCTURAL_PASSES, StructuralPass, site_host

log = logging.getLogger(__name__)

_NEVER_STRIPPED = frozenset({"html", "head", "body"})
_SAMPLE_CHARS = 80


@dataclass
class Removal:
    """What one selector of one rule removed (or was refused to remove)."""

    category: str
    rule: str
    selector: str
    count: int
    sample: str
    refused: bool = False

    def to_dict(self) -> dict:
        data = dict(vars(self))  # flat: no need for asdict's deep copy
        if not self.refused:
            del data["refused"]
        return data


def declutter(
    root: HtmlElement,
    rules: Iterable[Rule],
    deadline: Deadline = NO_DEADLINE,
    language: str | None = None,
    index: PageIndex | None = None,
    structural: bool = False,
    host: str | None = None,
) -> list[Removal]:
    """Remove what the rules match, site rule first; a strip that takes most of the text is refused. A group
    written for one language runs on pages in it or in no known language (`language`: the page's, as metadata
    read it), and on a page declaring another whose text is written in it (languages.text_language). `index`: the
    page's, when the pipeline made one for an earlier stage (PageIndex says what it may have gathered before the
    non-content elements go). `structural`: run the generic layer's structural passes (structure.py), which belong to
    it as its rule files do (a draft without domains is no generic rule). `host`: the page's, from its address;
    without one, the structural passes read it from its canonical address."""
    rules = list(rules)
    primary = primary_language(language)
    written_in = cache(partial(text_language, root))  # read once, when a group of another language first asks
    host = (host or site_host(root)) if structural else None  # before the <link> elements go
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)
    index = index if index is not None and index.root is root else index_page(root)
    index.use_patterns(tuple(chain.from_iterable(rule.literal_patterns for rule in rules)))
    index.use_substrings(tuple(chain.from_iterable(rule.strip_plan.substrings for rule in rules)))
    body = root.find("body")
    total_chars = 0  # counted at the first candidate for removal, before anything is removed
    protected = _protected(root, rules, index)
    removals: list[Removal] = []
    if structural:  # found by their shape before any rule changes it (a card's words, a box's size)
        removals += _strip_structure(root, host, protected, FIRST_STRUCTURAL_PASSES, index.drop, deadline, index)
    for rule in rules:
        plan, gates = rule.strip_plan, rule.strip_plan.gates
        for position in plan.candidates(index):
            # The literal test first: it rules out most of the text selectors (the language test a few).
            if gates[position] and index.lacks(gates[position]):
                continue  # the page's text lacks a literal their matches need
            group, selector = rule.strip_groups[position], plan.selectors[position]
            if not group.applies_to(primary) and not _written_in(group, written_in):
                continue  # another language's words ("Mira:" is a name in English)
            deadline.check()  # each selector is a sweep of the page: honour the time cap between them
            removed, refused, sample = 0, 0, ""
            for node in selector.evaluate(root, index, group.max_words):
                if node in protected or not _attached(node, root):
                    continue
                content = element_text(node)
                # At most max_words + 1 pieces: a long block is not split whole to learn it is too long.
                if group.max_words is not None and len(content.split(None, group.max_words)) > group.max_words:
                    continue
                total_chars = total_chars or _paragraph_chars(body if body is not None else root) or 1
                limit = group.max_share or MAX_STRIP_SHARE
                # A node's paragraph text is part of its text: one whose whole text is under the limit needs no count.
                share = len(content) / total_chars
                share = share if share <= limit else _paragraph_chars(node) / total_chars
                if share > limit and group.category not in UNGUARDED_CATEGORIES:
                    refused += 1
                    log.warning(
                        "%s: refused %r: it holds %.0f%% of the page's text",
                        rule.path,
                        selector.source,
                        share * 100,
                    )
                    removals.append(
                        Removal(group.category, rule.path, selector.source, 1, _sample(content), refused=True)
                    )
                    continue
                sample = sample or _sample(content)
                index.drop(node)
                removed += 1
            if removed:
                removals.append(Removal(group.category, rule.path, selector.source, removed, sample))
    if structural:
        removals += _strip_structure(root, host, protected, STRUCTURAL_PASSES, HtmlElement.drop_tree, deadline, index)
    return removals


def _strip_structure(
    root: HtmlElement,
    host: str | None,
    protected: set[HtmlElement],
    passes: tuple[tuple[str, str, StructuralPass], ...],
    drop: Callable[[HtmlElement], None],
    deadline: Deadline,
    index: PageIndex,
) -> list[Removal]:
    """The generic layer's structural passes (structure.py): what they find goes unless kept."""
    removals = []
    for name, category, find in passes:
        found = [node for node in find(root, host, deadline, index) if node not in protected and _attached(node, root)]
        if found:
            removals.append(Removal(category, f"structure:{name}", name, len(found), _sample(element_text(found[0]))))
            for node in found:
                drop(node)
    return removals


def _written_in(group: StripGroup, written_in: Callable[[], str | None]) -> bool:
    """Whether the page's text is written in the group's language (a theme's lang="en" on a Spanish site): the
    declared language is not the only word on it. A text of no clear language enables no group."""
    language = written_in()
    return language is not None and group.applies_to(language)


def _sample(content: str) -> str:
    """The start of a removed node's text, whitespace collapsed, for the removal report."""
    return " ".join(content[: _SAMPLE_CHARS * 4].split())[:_SAMPLE_CHARS]


_PARAGRAPH_TEXT = etree.XPath("descendant-or-self::p//text()", smart_strings=False)


def _paragraph_chars(node: HtmlElement) -> int:
    """Characters of paragraph text in a node, counted in one C call."""
    return len("".join(_PARAGRAPH_TEXT(node)))


def _protected(root: HtmlElement, rules: list[Rule], index: PageIndex) -> set[HtmlElement]:
    """Nodes no strip may take: the document skeleton, every kept node and every ancestor of one."""
    protected = {el for el in root.iter(*_NEVER_STRIPPED)}
    for rule in rules:
        for selector in rule.keep:
            for node in selector.select(root, index):
                protected.add(node)
                protected.update(node.iterancestors())
    return protected


def _attached(node: HtmlElement, root: HtmlElement) -> bool:
    """False once an ancestor has been dropped by an earlier removal."""
    for ancestor in node.iterancestors():
        if ancestor is root:
            return True
    return node is root
