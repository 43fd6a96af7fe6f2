"""The byline: the site rule, JSON-LD and meta tags, then page markup read the way Readability reads it, then a
"By Jane Doe" line after the headline, then a link to an author's page; the words around the name dropped."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import cache

from lxml import etree
from lxml.html import HtmlElement

from ..rules.ruleset import Rule
from ..rules.selectors import PageIndex, element_text, in_document_order
from .constants import (
    ARIA_HIDDEN_SHOWN_CLASS,
    BYLINE_AUTHOR_LINK_PATHS,
    BYLINE_CLASS_STEMS,
    BYLINE_KEPT_CONTAINER_LEVELS,
    BYLINE_KEPT_CONTAINER_PARENTS,
    BYLINE_KEPT_CONTAINER_RE,
    BYLINE_LABEL_RE,
    BYLINE_META_KEYS,
    BYLINE_META_NAMES,
    BYLINE_NAME_CLASS_PARTS,
    BYLINE_NOISE_RE,
    BYLINE_SKIPPED_CONTAINER_RE,
    BYLINE_SKIPPED_ROLES,
    BYLINE_SKIPPED_TAGS,
    BYLINE_TEXT_LABEL_RE,
    BYLINE_TEXT_NAME_RE,
    BYLINE_TEXT_WINDOW,
    BYLINE_TOKEN_RE,
    BYLINE_URL_PREFIXES,
    HIDDEN_STYLE_RE,
    MAX_AUTHOR_LINK_CHARS,
    MAX_BYLINE_CHARS,
    MIN_AUTHOR_LINK_CHARS,
)
from .meta_tags import MetaTag
from .site_rule import first_text

log = logging.getLogger(__name__)


def _contains_any(stems: tuple[str, ...], gates: tuple[str, ...] = ()) -> str:
    """An XPath test that the context string contains one of the stems. Stems holding a gate are tested
    only once the string holds that gate (a string holding such a stem holds its gate): the same strings
    pass, and most strings, holding no gate, pass through fewer string tests."""
    tests = []
    for gate in gates:
        gated = " or ".join(f"contains(., '{stem}')" for stem in stems if gate in stem)
        tests.append(f"(contains(., '{gate}') and ({gated}))")
    tests += [f"contains(., '{stem}')" for stem in stems if not any(gate in stem for gate in gates)]
    return " or ".join(tests)


# Attributes of elements that may hold the byline: author markup, or a class or id with a byline word. Testing
# attribute nodes is ~4x cheaper than testing elements (BYLINE_TOKEN_RE then decides); the elements' attributes
# ('/descendant::body/descendant-or-self::*/@class', not '//body//@class': that also visits text nodes). The body
# found once and handed to each search as $bodies. One search per attribute, their elements merged in Python
# (in_document_order): a union of them had libxml2 test every pair of results for duplicates (quadratic, in one call
# the time cap cannot interrupt).
_BODIES = etree.XPath("/descendant::body")
_IN_BODY = "$bodies/descendant-or-self::*"
# The class and id values holding a stem are found by contains() tests of only the stems the page's values hold
# (PageIndex): one or two tests a value, where reading every value as a smart string (each knowing its element) for
# one RE2 search cost ~1.3x as much on the pages searched.
_REL_AUTHOR = etree.XPath(f"{_IN_BODY}/@rel[. = 'author']")
_ITEMPROP_AUTHOR = etree.XPath(f"{_IN_BODY}/@itemprop[contains(., 'author')]")
# The part of a byline that is the bare name: schema.org markup (itemprop="name", "alternateName"), else the
# innermost descendants whose class marks a name (BYLINE_NAME_CLASS_PARTS).
_ITEMPROP_NAME = etree.XPath("descendant::*[contains(@itemprop, 'name')]")
_NAME_CLASS = " or ".join(
    [
        *(f"contains(@class, '{part}')" for part in BYLINE_NAME_CLASS_PARTS),
        "contains(concat(' ', @class, ' '), ' name ')",
    ]
)
_CLASS_NAME = etree.XPath(f"descendant::*[({_NAME_CLASS}) and not(descendant::*[{_NAME_CLASS}])]")
# The href attributes of links to an author's page (cheaper than a predicate on every link); their links are taken
# in Python: a parent step ('/..') has libxml2 test every pair of results for duplicates (quadratic).
_AUTHOR_HREFS = etree.XPath(
    "/descendant::body/descendant::a/@href["
    + _contains_any(BYLINE_AUTHOR_LINK_PATHS, gates=("/author", "/contributor"))
    + "]"
)


def read_byline(
    root: HtmlElement,
    rule: Rule | None,
    tags: list[MetaTag],
    meta: dict[str, str],
    jsonld: dict[str, str],
    index: PageIndex | None = None,
) -> str | None:
    """The byline from the first source that names someone, the words around the name (BYLINE_NOISE_RE) dropped.
    `index`: the page's, whose class and id values tell which parts of the markup search can find anything."""
    byline = (
        _first_byline(
            first_text(root, rule.byline) if rule else None,
            jsonld.get("byline"),
            *(meta.get(key) for key in BYLINE_META_KEYS),
            *_meta_authors(tags),
        )
        or _markup_byline(root, index)
        or _text_byline(root)
        or _author_link(root, index)
    )
    return BYLINE_NOISE_RE.sub("", byline) if byline else None


def _meta_authors(tags: list[MetaTag]) -> list[str]:
    """Authors in the extra meta tags of BYLINE_META_NAMES, in that order; a repeated tag's names joined."""
    found: dict[str, list[str]] = {}
    for content, prop, name, _ in tags:
        name = (name or prop or "").strip().lower()
        content = content.strip()
        if content and name in BYLINE_META_NAMES:
            found.setdefault(name, []).append(content)
    return [", ".join(found[name]) for name in BYLINE_META_NAMES if name in found]


def _first_byline(*values: str | None) -> str | None:
    """The first value that names someone: pages often put the author's profile URL in author fields."""
    for value in values:
        if value and value.strip() and not value.strip().startswith(BYLINE_URL_PREFIXES):
            return value
    return None


def _markup_byline(root: HtmlElement, index: PageIndex | None = None) -> str | None:
    """The first byline in page markup, read the way Readability reads it: in document order, the first
    element marked as the author (rel, itemprop) or whose class or id names a byline, whose text is short,
    and which a reader sees (not hidden, not inside site chrome such as a header or related-stories list)."""
    in_chrome: str | None = None
    for element in _byline_candidates(root, index):
        if element.tag in BYLINE_SKIPPED_TAGS or not _names_byline(element):
            continue
        text = element_text(element).strip()
        if not 0 < len(text) < MAX_BYLINE_CHARS:
            continue
        place = _byline_place(element)
        if place == "hidden":
            continue
        byline = _name_part(element) or " ".join(text.split())
        if not byline or BYLINE_LABEL_RE.fullmatch(byline):
            continue
        if place == "shown":
            return byline
        in_chrome = in_chrome or byline
    # Chrome is skipped only while something else qualifies: when every byline sits in it, the page's markup
    # has wrapped the article in it too (Readability then reads the page again without skipping).
    return in_chrome


def _byline_candidates(root: HtmlElement, index: PageIndex | None) -> list[HtmlElement]:
    """The elements of the body carrying author markup or a class or id with a byline word, in document order."""
    # A stem in the newline-joined values is a stem in one value: no stem holds a newline. The class and id searches'
    # string tests are most of the cost: each is left out on a page none of whose values holds a stem; the itemprop
    # search on a page none of whose itemprop values (gathered for the rules' key prefilter too) holds 'author'.
    searches = [
        *(
            _values_with_stem(name, stems)
            for name in ("class", "id")
            if (stems := BYLINE_CLASS_STEMS if index is None else _stems_in(index.attribute_values(name)))
        ),
        _REL_AUTHOR,
        *([_ITEMPROP_AUTHOR] if index is None or "author" in index.attribute_values("itemprop") else []),
    ]
    bodies = _BODIES(root)
    return in_document_order(
        root, ([value.getparent() for value in search(root, bodies=bodies)] for search in searches)
    )


@cache
def _values_with_stem(name: str, stems: tuple[str, ...]) -> etree.XPath:
    """The body's values of an attribute holding one of these stems of a byline word (as written: contains() tests
    them so), each knowing its element."""
    tests = " or ".join(f"contains(., '{stem}')" for stem in stems)
    return etree.XPath(f"{_IN_BODY}/@{name}[{tests}]")


def _stems_in(values: str) -> tuple[str, ...]:
    """The stems of a byline word (BYLINE_CLASS_STEMS) the values hold."""
    return tuple(stem for stem in BYLINE_CLASS_STEMS if stem in values)


def _name_part(element: HtmlElement) -> str | None:
    """The bare name inside a byline element, when its markup marks one: "X" of "By X, May 2, 2024"."""
    for part in (*_ITEMPROP_NAME(element), *_CLASS_NAME(element)):
        text = " ".join(element_text(part).split())
        if text:
            return text
    return None


def _text_byline(root: HtmlElement) -> str | None:
    """The name in a "By Jane Doe" line just after the headline, for pages whose markup marks no byline."""
    heading = root.find(".//h1")
    if heading is None:
        return None
    for element in _elements_after(heading, BYLINE_TEXT_WINDOW):
        # The label opens the element's own text (the name may follow in a child link).
        if not element.text or not BYLINE_TEXT_LABEL_RE.match(element.text):
            continue
        text = " ".join(element_text(element).split())
        label = BYLINE_TEXT_LABEL_RE.match(text)
        name = BYLINE_TEXT_NAME_RE.fullmatch(text, label.end()) if label and len(text) < MAX_BYLINE_CHARS else None
        if name:
            return name.group(1)
    return None


def _author_link(root: HtmlElement, index: PageIndex | None = None) -> str | None:
    """The text of the first visible link to an author's page, when it reads as a name. `index`: the page's, whose
    href values (gathered for the rules' share-link search too) spare the search on a page none of them names one."""
    # A path in the newline-joined values is a path in one value: none holds a newline.
    if index is not None and not any(path in index.attribute_values("href") for path in BYLINE_AUTHOR_LINK_PATHS):
        return None
    for href in _AUTHOR_HREFS(root):
        link = href.getparent()
        text = " ".join(element_text(link).split())
        if (
            MIN_AUTHOR_LINK_CHARS < len(text) <= MAX_AUTHOR_LINK_CHARS
            and text[0].isupper()
            and not BYLINE_LABEL_RE.fullmatch(text)
            and _byline_place(link) != "hidden"
        ):
            return text
    return None


def _elements_after(element: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """Up to limit elements that follow this one in document order, its own descendants left out."""
    count = 0
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            for following in sibling.iter():
                if isinstance(following.tag, str):
                    yield following
                    count += 1
                    if count >= limit:
                        return
        node = node.getparent()


def _names_byline(element: HtmlElement) -> bool:
    """Author markup (rel, itemprop), or a class or id naming a byline: the exact test after the XPath's."""
    if element.get("rel") == "author" or "author" in (element.get("itemprop") or ""):
        return True
    return BYLINE_TOKEN_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}") is not None


def _byline_place(element: HtmlElement) -> str:
    """ "hidden" when the element or a container is hidden (or a modal dialog); "chrome" when a container is
    site chrome by its class, id or role (the element itself may be, as a header's byline: Readability drops
    such containers before it looks inside them); else "shown"."""
    chain = [element]
    for ancestor in element.iterancestors():
        if ancestor.tag == "body":
            break
        chain.append(ancestor)
    place = "shown"
    for depth, node in enumerate(chain):
        if _hidden(node) or (node.get("aria-modal") == "true" and node.get("role") == "dialog"):
            return "hidden"
        if place == "chrome" or depth == 0 or node.tag == "a":
            continue
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.get("role") in BYLINE_SKIPPED_ROLES or (
            BYLINE_SKIPPED_CONTAINER_RE.search(names)
            and not BYLINE_KEPT_CONTAINER_RE.search(names)
            and not any(
                outer.tag in BYLINE_KEPT_CONTAINER_PARENTS
                for outer in chain[depth + 1 : depth + 1 + BYLINE_KEPT_CONTAINER_LEVELS]
            )
        ):
            place = "chrome"
    return place


def _hidden(element: HtmlElement) -> bool:
    """Hidden by an inline style, the hidden attribute or aria-hidden (Readability's visibility test)."""
    style = element.get("style")
    if style and HIDDEN_STYLE_RE.search(style):
        return True
    if element.get("hidden") is not None:
        return True
    return element.get("aria-hidden") == "true" and ARIA_HIDDEN_SHOWN_CLASS not in (element.get("class") or "")
