"""The publication date: read from meta tags, schema.org markup, <time>, the address or the text shown near the
headline, and written as ISO 8601 when it can be read."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from ..rules.ruleset import Rule
from ..rules.selectors import PageIndex
from .cleaning import clean_text
from .constants import (
    DATE_FORMATS,
    DATE_IN_TEXT_RE,
    DATE_MARKUP_CANDIDATES,
    DATE_META_NAMES,
    ISO_DATE_CHARS,
    MONTH_NUMBERS,
    NUMERIC_DATE_IN_TEXT_RE,
    PUBLISHED_META_KEYS,
    REVISION_LABEL_RE,
    UNSEEN_TEXT_TAGS,
    URL_DATE_RE,
    VISIBLE_DATE_MAX_CHARS,
    VISIBLE_DATE_RUNS_AFTER,
    VISIBLE_DATE_RUNS_BEFORE,
)
from .meta_tags import MetaTag, first_value
from .site_rule import first_date_value

log = logging.getLogger(__name__)

# schema.org datePublished markup, else <time datetime> in the body. Reached through the attributes: a
# predicate on every element (//*[@itemprop=...]) costs ~3x more, and the nodes are the same. Each part is cut to
# the candidates before its parent step and the union: libxml2 merges both by testing every pair of nodes for
# duplicates (20,000 <time datetime> took 0.66 s in one call); the first candidates of the union are among them.
_DATE_MARKUP = etree.XPath(
    f"((/descendant::*/@itemprop[. = 'datePublished'])[position() <= {DATE_MARKUP_CANDIDATES}]/.. | "
    f"(/descendant::body/descendant::time/@datetime)[position() <= {DATE_MARKUP_CANDIDATES}]/..)"
    f"[position() <= {DATE_MARKUP_CANDIDATES}]"
)
# Its second part alone: the same nodes on a page without datePublished markup.
_TIME_MARKUP = etree.XPath(f"(/descendant::body/descendant::time/@datetime)[position() <= {DATE_MARKUP_CANDIDATES}]/..")


def read_published(
    root: HtmlElement,
    url: str | None,
    rule: Rule | None,
    tags: list[MetaTag],
    meta: dict[str, str],
    jsonld: dict[str, str],
    index: PageIndex | None = None,
) -> str | None:
    """The publication date, from the first source that gives one: the site rule, JSON-LD, the main meta tags,
    other date meta tags, markup, the address, the text by the headline. `index`: the page's, whose itemprop values
    tell whether the markup search needs its datePublished part."""
    return _iso_date(
        (first_date_value(root, rule.published) if rule else None)
        or jsonld.get("datePublished")
        or first_value(meta, PUBLISHED_META_KEYS)
        or _meta_date(tags)
        or _markup_date(root, index)
        or _url_date(url)
        or _visible_date(root)
    )


def _iso_date(value: str | None) -> str | None:
    """ISO 8601 when the value is a date we can read, else the value as the page gave it."""
    text = clean_text(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
        return parsed.date().isoformat() if len(text) == ISO_DATE_CHARS else parsed.isoformat()
    except ValueError:
        pass
    for layout in DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).isoformat()  # RFC 2822, as in "Tue, 03 Jun 2008 11:05:30 GMT"
    except (TypeError, ValueError, IndexError):
        return _date_in_text(text) or text


def _date_in_text(text: str) -> str | None:
    """The calendar date written inside a longer value, as an ISO date; None when there is none, or when a
    numeric one could be read two ways."""
    if named := DATE_IN_TEXT_RE.search(text):
        month = MONTH_NUMBERS[(named.group("month_first") or named.group("month_second"))[:3].lower()]
        day, year = int(named.group("day_second") or named.group("day_first")), int(named.group("year"))
    elif numeric := NUMERIC_DATE_IN_TEXT_RE.search(text):
        first, second, year = (int(part) for part in numeric.groups())
        # A number over 12 can only be the day.
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            day, month = second, first
        else:
            return None
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _meta_date(tags: list[MetaTag]) -> str | None:
    """The first publication date in meta tags, by the preference order of DATE_META_NAMES."""
    found: dict[str, str] = {}
    for content, prop, name, itemprop in tags:
        content = content.strip()
        name = (prop or name or itemprop or "").strip().lower()
        if content and name in DATE_META_NAMES:
            found.setdefault(name, content)
    return next((found[name] for name in DATE_META_NAMES if name in found), None)


def _markup_date(root: HtmlElement, index: PageIndex | None = None) -> str | None:
    """schema.org datePublished markup, else the first <time datetime> in the body."""
    # The itemprop values are gathered for the rules' key prefilter too: a walk the search then spares.
    dated = index is None or index.has(("attr", "itemprop", "=", "datePublished"))
    for element in (_DATE_MARKUP if dated else _TIME_MARKUP)(root):
        value = element.get("content") or element.get("datetime") or " ".join(element.text_content().split())
        if value and value.strip():
            return value.strip()
    return None


def _url_date(url: str | None) -> str | None:
    """The date in the page address (/2024/05/22/), when it is a real day."""
    match = URL_DATE_RE.search(url or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _visible_date(root: HtmlElement) -> str | None:
    """The date shown near the headline: the first short text run after the first <h1> that holds one, else
    the nearest such run before it; a date labelled as an update only when no other is shown."""
    heading = root.find(".//h1")
    if heading is None:
        return None
    revised = None
    after = _runs(_texts_after(heading), VISIBLE_DATE_RUNS_AFTER)
    before = _runs(_texts_before(heading), VISIBLE_DATE_RUNS_BEFORE)
    for runs in (after, before):
        for run in runs:
            if len(run) <= VISIBLE_DATE_MAX_CHARS and (found := _date_in_text(run)):
                if not REVISION_LABEL_RE.search(run):
                    return found
                revised = revised or found
    return revised


def _runs(texts: Iterator[str | None], limit: int) -> Iterator[str]:
    """The first limit non-blank texts. The walks below are lazy: XPath's following and preceding axes would
    read the whole page on."""
    return islice((text for text in texts if text and not text.isspace()), limit)


def _texts_after(element: HtmlElement) -> Iterator[str | None]:
    """The texts a reader sees after this element, in document order, its own left out."""
    node: HtmlElement | None = element
    while node is not None:
        yield node.tail
        for sibling in node.itersiblings():
            yield from _texts_of(sibling)
        node = node.getparent()


def _texts_before(element: HtmlElement) -> Iterator[str | None]:
    """The texts a reader sees before this element, nearest first."""
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield from _texts_of_reversed(sibling)
        node = node.getparent()
        if node is not None and node.tag not in UNSEEN_TEXT_TAGS:
            yield node.text


def _texts_of_reversed(element: HtmlElement) -> Iterator[str | None]:
    """_texts_of() from the last text back, read as far as asked: the few runs before a headline are at the end of
    what precedes it (a site header of hundreds of elements), which listing all of its texts first read whole."""
    pending: list[HtmlElement | tuple[str | None]] = [element]  # elements to read back, and texts (in 1-tuples)
    while pending:
        node = pending.pop()
        if type(node) is tuple:
            yield node[0]
            continue
        yield node.tail
        if node.tag not in UNSEEN_TEXT_TAGS:
            pending.append((node.text,))  # read after its children's texts
        pending.extend(node)  # its last child on top


def _texts_of(element: HtmlElement) -> Iterator[str | None]:
    """The texts a reader sees in an element and its tail, in document order."""
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "end":
            yield node.tail
        elif node.tag not in UNSEEN_TEXT_TAGS:
            yield node.text
