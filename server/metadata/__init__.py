"""Stage 3, metadata: title, byline, date, site name, language, direction and lead image.

Sources in order of trust: the site rule's selectors, JSON-LD, meta tags (Open Graph, Dublin Core,
Twitter, Parse.ly), then page markup.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from itertools import islice
from urllib.parse import quote, urljoin

from lxml import etree
from lxml.html import HtmlElement

from ..limits import NO_DEADLINE, Deadline
from ..rules.ruleset import Rule
from ..rules.selectors import Selector
from .constants import (
    BYLINE_AUTHOR_LINK_PATHS,
    BYLINE_CLASS_STEMS,
    BYLINE_KEPT_CONTAINER_PARENTS,
    BYLINE_KEPT_CONTAINER_RE,
    BYLINE_LABEL_RE,
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
    DATE_FORMATS,
    DATE_IN_TEXT_RE,
    DATE_META_NAMES,
    HIDDEN_STYLE_RE,
    JSONLD_ARTICLE_TYPES,
    MAX_AUTHOR_LINK_CHARS,
    MAX_BYLINE_CHARS,
    META_NAME_RE,
    META_PROPERTY_RE,
    NUMERIC_DATE_IN_TEXT_RE,
    REVISION_LABEL_RE,
    RTL_LANGS,
    TITLE_SEPARATOR_RE,
    URL_DATE_RE,
    VISIBLE_DATE_MAX_CHARS,
    VISIBLE_DATE_RUNS_AFTER,
    VISIBLE_DATE_RUNS_BEFORE,
)

log = logging.getLogger(__name__)

_JSONLD = etree.XPath("//script[@type='application/ld+json']")
# schema.org datePublished markup, else <time datetime> in the body. Reached through the attributes: a
# predicate on every element (//*[@itemprop=...]) costs ~3x more, and the nodes are the same.
_DATE_MARKUP = etree.XPath("(//@itemprop[. = 'datePublished']/.. | //body//time/@datetime/..)[position() <= 3]")
# Text a reader never sees as such: a script's or style's source, a template's or noscript's fallback.
_UNSEEN_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
_DIRECTED_PARAGRAPHS = etree.XPath("//body//p[ancestor::*[@dir]]")
# Most pages carry no dir attribute at all: one walk over the attributes says so for half the cost.
_HAS_DIR = etree.XPath("boolean(//@dir)")


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


# Attributes of elements that may hold the byline, in document order: author markup, or a class or id with
# a byline word. Testing attribute nodes is ~4x cheaper than testing elements (BYLINE_TOKEN_RE then decides).
_BYLINE_HINT = _contains_any(BYLINE_CLASS_STEMS, gates=("line",))
_BYLINE_ATTRIBUTES = etree.XPath(
    f"//body//@class[{_BYLINE_HINT}] | //body//@id[{_BYLINE_HINT}]"
    " | //body//@rel[. = 'author'] | //body//@itemprop[contains(., 'author')]"
)
# The part of a byline that is the bare name: schema.org markup (itemprop="name", "alternateName"), else the
# innermost descendants whose class marks a name (BYLINE_NAME_CLASS_PARTS).
_ITEMPROP_NAME = etree.XPath(".//*[contains(@itemprop, 'name')]")
_NAME_CLASS = " or ".join(
    [
        *(f"contains(@class, '{part}')" for part in BYLINE_NAME_CLASS_PARTS),
        "contains(concat(' ', @class, ' '), ' name ')",
    ]
)
_CLASS_NAME = etree.XPath(f".//*[({_NAME_CLASS}) and not(.//*[{_NAME_CLASS}])]")
# Links to an author's page, through their href attributes (cheaper than a predicate on every link).
_AUTHOR_LINKS = etree.XPath(
    "//body//a/@href[" + _contains_any(BYLINE_AUTHOR_LINK_PATHS, gates=("/author", "/contributor")) + "]/.."
)


# A <meta> tag's content, property, name and itemprop.
_MetaTag = tuple[str, str | None, str | None, str | None]


@dataclass
class Metadata:
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    lang: str | None = None
    dir: str | None = None
    lead_image: str | None = None
    excerpt: str | None = None

    def to_dict(self) -> dict:
        return dict(vars(self))  # flat: no need for asdict's deep copy


def read_metadata(
    root: HtmlElement, url: str | None, rule: Rule | None = None, deadline: Deadline = NO_DEADLINE
) -> Metadata:
    """Read the page's metadata; call before declutter, which drops the scripts that carry JSON-LD."""
    tags = _meta_tags(root, deadline)
    meta = _meta_values(tags)
    document_title = _document_title(root)
    jsonld = _jsonld_article(root, document_title)
    title_text = _first_text(root, rule.title) if rule else None
    byline_text = _first_text(root, rule.byline) if rule else None
    published_text = _first_published(root, rule.published) if rule else None
    title = (
        title_text
        or jsonld.get("title")
        or meta.get("dc:title")
        or meta.get("dcterm:title")
        or meta.get("og:title")
        or meta.get("weibo:article:title")
        or meta.get("weibo:webpage:title")
        or meta.get("title")
        or meta.get("twitter:title")
        or meta.get("parsely-title")
        or document_title
    )
    byline = (
        _first_byline(
            byline_text,
            jsonld.get("byline"),
            meta.get("dc:creator"),
            meta.get("dcterm:creator"),
            meta.get("author"),
            meta.get("parsely-author"),
            meta.get("article:author"),
            *_meta_authors(tags),
        )
        or _markup_byline(root)
        or _text_byline(root)
        or _author_link(root)
    )
    lang = _clean(root.get("lang") or root.get("xml:lang") or meta.get("og:locale"))
    direction = _text_direction(root)
    if direction not in ("ltr", "rtl"):
        direction = "rtl" if lang and lang.split("-")[0].split("_")[0].lower() in RTL_LANGS else None
    image = jsonld.get("image") or meta.get("og:image") or meta.get("twitter:image")
    return Metadata(
        title=_clean(title),
        byline=_clean(BYLINE_NOISE_RE.sub("", byline) if byline else None),
        published=_iso_date(
            published_text
            or jsonld.get("datePublished")
            or meta.get("article:published_time")
            or meta.get("parsely-pub-date")
            or _meta_date(tags)
            or _markup_date(root)
            or _url_date(url)
            or _visible_date(root)
        ),
        site_name=_clean(jsonld.get("siteName") or meta.get("og:site_name")),
        lang=lang,
        dir=direction,
        lead_image=_absolute(image, url),
        excerpt=_clean(
            jsonld.get("excerpt")
            or meta.get("dc:description")
            or meta.get("dcterm:description")
            or meta.get("og:description")
            or meta.get("weibo:article:description")
            or meta.get("description")
            or meta.get("twitter:description")
        ),
    )


def _text_direction(root: HtmlElement) -> str | None:
    """The dir in force where the page's paragraph text is (Readability reads it off the article's
    ancestors): the nearest dir above each paragraph, weighted by its text; else <body> or <html>."""
    if not _HAS_DIR(root):
        return None
    weights: dict[str, int] = {}
    for paragraph in _DIRECTED_PARAGRAPHS(root):
        nearest = paragraph.xpath("ancestor::*[@dir][1]/@dir")
        value = str(nearest[0]).strip().lower() if nearest else ""
        weights[value] = weights.get(value, 0) + len(paragraph.text_content())
    if weights:
        return max(weights, key=weights.__getitem__)
    body = root.find("body")
    for element in (body, root):
        if element is not None and element.get("dir"):
            return element.get("dir", "").strip().lower()
    return None


def _iso_date(value: str | None) -> str | None:
    """ISO 8601 when the value is a date we can read, else the value as the page gave it."""
    text = _clean(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
        return parsed.date().isoformat() if len(text) == 10 else parsed.isoformat()  # a bare date stays one
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


# English month abbreviations by number (calendar.month_abbr follows the process locale).
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def _date_in_text(text: str) -> str | None:
    """The calendar date written inside a longer value, as an ISO date; None when there is none, or when a
    numeric one could be read two ways."""
    if named := DATE_IN_TEXT_RE.search(text):
        month = _MONTH_NUMBERS[(named.group("month_first") or named.group("month_second"))[:3].lower()]
        day, year = int(named.group("day_second") or named.group("day_first")), int(named.group("year"))
    elif numeric := NUMERIC_DATE_IN_TEXT_RE.search(text):
        first, second, year = (int(part) for part in numeric.groups())
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


def _url_date(url: str | None) -> str | None:
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


def _meta_tags(root: HtmlElement, deadline: Deadline) -> list[_MetaTag]:
    """(content, property, name, itemprop) of each <meta> with content, in document order: read once for
    the three readers below (a meta without content gives none of them anything)."""
    tags = []
    for element in deadline.paced(root.iter("meta")):
        content = element.get("content")
        if content:
            tags.append((content, element.get("property"), element.get("name"), element.get("itemprop")))
    return tags


def _meta_date(tags: list[_MetaTag]) -> str | None:
    """The first publication date in meta tags, by the preference order of DATE_META_NAMES."""
    found: dict[str, str] = {}
    for content, prop, name, itemprop in tags:
        content = content.strip()
        name = (prop or name or itemprop or "").strip().lower()
        if content and name in DATE_META_NAMES:
            found.setdefault(name, content)
    return next((found[name] for name in DATE_META_NAMES if name in found), None)


def _markup_date(root: HtmlElement) -> str | None:
    """schema.org datePublished markup, else the first <time datetime> in the body."""
    for element in _DATE_MARKUP(root):
        value = element.get("content") or element.get("datetime") or " ".join(element.text_content().split())
        if value and value.strip():
            return value.strip()
    return None


def _meta_values(tags: list[_MetaTag]) -> dict[str, str]:
    values: dict[str, str] = {}
    for content, prop, name, _ in tags:
        if prop:
            for match in META_PROPERTY_RE.finditer(prop):
                key = match.group(0).lower().replace(" ", "")
                values[key] = content.strip()
            if prop.strip().lower() in ("og:image", "og:locale", "twitter:image"):
                values.setdefault(prop.strip().lower(), content.strip())
        if name and META_NAME_RE.match(name):
            key = name.lower().replace(" ", "").replace(".", ":")
            values[key] = content.strip()
        elif name and name.strip().lower() in ("twitter:image", "parsely-pub-date"):
            values.setdefault(name.strip().lower(), content.strip())
    return values


def _jsonld_article(root: HtmlElement, document_title: str | None) -> dict[str, str]:
    fallback: dict[str, str] = {}
    for script in _JSONLD(root):
        try:
            data = json.loads((script.text or "").strip().removeprefix("<![CDATA[").removesuffix("]]>"))
        except (ValueError, RecursionError):
            continue
        article = _find_article(data)
        if article is not None:
            return _jsonld_fields(article, document_title, data)
        date = _find_key(data, "datePublished")
        if date and not fallback:
            fallback = {"datePublished": date}
    return fallback


def _find_key(data: object, key: str, depth: int = 0) -> str | None:
    """The first string value of key anywhere in a JSON-LD document (WebPage and kin carry dates too)."""
    if depth > 5:
        return None
    if isinstance(data, dict):
        if isinstance(data.get(key), str):
            return data[key]
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            found = _find_key(item, key, depth + 1)
            if found:
                return found
    return None


def _author_name(author: object, document: object) -> object:
    """An author's name; an author given only as {"@id": ...} is looked up in the same JSON-LD document
    (Yoast and kin describe the Person once in the @graph and point at it)."""
    if not isinstance(author, dict):
        return author
    if "name" in author or not isinstance(author.get("@id"), str):
        return author.get("name")
    node = _find_node(document, author["@id"])
    return node.get("name") if node is not None else None


def _find_node(data: object, node_id: str, depth: int = 0) -> dict | None:
    """The JSON-LD node with this @id that carries a name, anywhere in the document."""
    if depth > 5:
        return None
    if isinstance(data, dict):
        if data.get("@id") == node_id and "name" in data:
            return data
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            found = _find_node(item, node_id, depth + 1)
            if found is not None:
                return found
    return None


def _find_article(data: object, depth: int = 0) -> dict | None:
    if depth > 4:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_article(item, depth + 1)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kinds = data.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if any(isinstance(k, str) and k in JSONLD_ARTICLE_TYPES for k in kinds):
        return data
    return _find_article(data.get("@graph"), depth + 1) if "@graph" in data else None


def _jsonld_fields(article: dict, document_title: str | None, document: object) -> dict[str, str]:
    fields: dict[str, str] = {}
    name, headline = article.get("name"), article.get("headline")
    if isinstance(name, str) and isinstance(headline, str) and name != headline:
        # Some sites put their own name in "name": keep whichever the page's <title> agrees with, else name.
        title = (document_title or "").lower()
        fields["title"] = headline if headline.lower() in title and name.lower() not in title else name
    elif isinstance(headline, str) or isinstance(name, str):
        fields["title"] = headline if isinstance(headline, str) else name
    authors = article.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    names = [_author_name(a, document) for a in authors]
    names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
    if names:
        fields["byline"] = ", ".join(names)
    if isinstance(article.get("description"), str):
        fields["excerpt"] = article["description"]
    publisher = article.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        fields["siteName"] = publisher["name"]
    if isinstance(article.get("datePublished"), str):
        fields["datePublished"] = article["datePublished"]
    image = article.get("image")
    image = image[0] if isinstance(image, list) and image else image
    image = image.get("url") if isinstance(image, dict) else image
    if isinstance(image, str):
        fields["image"] = image
    return {key: html.unescape(value) for key, value in fields.items()}


def _meta_authors(tags: list[_MetaTag]) -> list[str]:
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
        if value and value.strip() and not value.strip().startswith(("http://", "https://")):
            return value
    return None


def _markup_byline(root: HtmlElement) -> str | None:
    """The first byline in page markup, read the way Readability reads it: in document order, the first
    element marked as the author (rel, itemprop) or whose class or id names a byline, whose text is short,
    and which a reader sees (not hidden, not inside site chrome such as a header or related-stories list)."""
    in_chrome: str | None = None
    previous: HtmlElement | None = None
    for attribute in _BYLINE_ATTRIBUTES(root):
        element = attribute.getparent()
        if element is previous or element.tag in BYLINE_SKIPPED_TAGS or not _names_byline(element):
            continue
        previous = element
        text = element.text_content().strip()
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


def _name_part(element: HtmlElement) -> str | None:
    """The bare name inside a byline element, when its markup marks one: "X" of "By X, May 2, 2024"."""
    for part in (*_ITEMPROP_NAME(element), *_CLASS_NAME(element)):
        text = " ".join(part.text_content().split())
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
        text = " ".join(element.text_content().split())
        label = BYLINE_TEXT_LABEL_RE.match(text)
        name = BYLINE_TEXT_NAME_RE.fullmatch(text, label.end()) if label and len(text) < MAX_BYLINE_CHARS else None
        if name:
            return name.group(1)
    return None


def _author_link(root: HtmlElement) -> str | None:
    """The text of the first visible link to an author's page, when it reads as a name."""
    for link in _AUTHOR_LINKS(root):
        text = " ".join(link.text_content().split())
        if (
            1 < len(text) <= MAX_AUTHOR_LINK_CHARS
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
            yield from reversed(list(_texts_of(sibling)))
        node = node.getparent()
        if node is not None and node.tag not in _UNSEEN_TEXT_TAGS:
            yield node.text


def _texts_of(element: HtmlElement) -> Iterator[str | None]:
    """The texts a reader sees in an element and its tail, in document order."""
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "end":
            yield node.tail
        elif node.tag not in _UNSEEN_TEXT_TAGS:
            yield node.text


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
            and not any(outer.tag in BYLINE_KEPT_CONTAINER_PARENTS for outer in chain[depth + 1 : depth + 5])
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
    return element.get("aria-hidden") == "true" and "fallback-image" not in (element.get("class") or "")


def _document_title(root: HtmlElement) -> str | None:
    title = root.find(".//title")
    text = " ".join((title.text_content() if title is not None else "").split())
    if not text:
        return None
    parts = TITLE_SEPARATOR_RE.split(text)
    # "Headline | Site": keep the headline when it is long enough to stand alone (Readability's rule).
    if len(parts) > 1 and len(parts[0].split()) >= 3:
        return parts[0]
    return text


def _first_text(root: HtmlElement, selectors: tuple[Selector, ...]) -> str | None:
    for selector in selectors:
        for node in selector.select(root):
            text = " ".join(node.text_content().split())
            if text:
                return text
    return None


def _first_published(root: HtmlElement, selectors: tuple[Selector, ...]) -> str | None:
    for selector in selectors:
        for node in selector.select(root):
            value = node.get("datetime") or node.get("content") or " ".join(node.text_content().split())
            if value:
                return value
    return None


# C0 and C1 controls (a terminal obeys them; the whitespace ones become a space) and bidi embeddings, overrides and
# isolates: formatting, not letters, so an RTL title reads the same without them, while an unclosed one can spoof.
_CONTROLS = {
    code: " " if chr(code).isspace() else None
    for code in (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def _clean(value: str | None) -> str | None:
    """A metadata text value's last step: controls out, whitespace runs to one space, trimmed."""
    if not value:
        return None
    text = " ".join(str(value).translate(_CONTROLS).split())
    return text or None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        absolute = urljoin(base, value) if base else value
    except ValueError:
        return None
    if not absolute.startswith(("http://", "https://")):
        return None
    # Spaces and controls percent-encoded, as a browser would send them: none reaches a terminal or a page raw.
    return _URL_UNSAFE_RE.sub(lambda match: quote(match.group()), absolute)


_URL_UNSAFE_RE = re.compile("[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
