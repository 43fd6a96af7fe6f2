"""Stage 3, metadata: title, byline, date, site name, language, direction and lead image.

Sources in order of trust: the site rule's selectors, JSON-LD, meta tags (Open Graph, Dublin Core,
Twitter, Parse.ly), then page markup.
"""

from __future__ import annotations

import html
import json
import logging
from dataclasses import asdict, dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from .heuristics import (
    BYLINE_TOKEN_RE,
    DATE_FORMATS,
    DATE_META_NAMES,
    JSONLD_ARTICLE_TYPES,
    MAX_BYLINE_CHARS,
    META_NAME_RE,
    META_PROPERTY_RE,
    RTL_LANGS,
    TITLE_SEPARATOR_RE,
    URL_DATE_RE,
)
from .ruleset import Rule
from .selectors import Selector

log = logging.getLogger(__name__)

_JSONLD = etree.XPath("//script[@type='application/ld+json']")
_DATE_MARKUP = etree.XPath("(//*[@itemprop='datePublished'] | //body//time[@datetime])[position() <= 3]")
_DIRECTED_PARAGRAPHS = etree.XPath("//body//p[ancestor::*[@dir]]")
_BYLINE_MARKED = etree.XPath("//body//*[@rel='author' or contains(@itemprop, 'author')]")
_CLASS_AND_ID_VALUES = etree.XPath("//body//@class | //body//@id", smart_strings=False)
# The same hint words as BYLINE_TOKEN_RE without their first letter, so that "Author" matches too.
_BYLINE_HINTED = etree.XPath(
    "//body//*["
    + " or ".join(
        f"contains(@{attr}, '{stem}')" for attr in ("class", "id") for stem in ("uthor", "yline", "ateline", "rittenby")
    )
    + "]"
)


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
        return asdict(self)


def read_metadata(root: HtmlElement, url: str | None, rule: Rule | None = None) -> Metadata:
    """Read the page's metadata; call before declutter, which drops the scripts that carry JSON-LD."""
    meta = _meta_values(root)
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
        byline_text
        or jsonld.get("byline")
        or meta.get("dc:creator")
        or meta.get("dcterm:creator")
        or meta.get("author")
        or meta.get("parsely-author")
        or _article_author(meta)
        or _markup_byline(root)
    )
    lang = (root.get("lang") or root.get("xml:lang") or meta.get("og:locale") or "").strip() or None
    direction = _text_direction(root)
    if direction not in ("ltr", "rtl"):
        direction = "rtl" if lang and lang.split("-")[0].split("_")[0].lower() in RTL_LANGS else None
    image = jsonld.get("image") or meta.get("og:image") or meta.get("twitter:image")
    return Metadata(
        title=_clean(title),
        byline=_clean(byline),
        published=_iso_date(
            published_text
            or jsonld.get("datePublished")
            or meta.get("article:published_time")
            or meta.get("parsely-pub-date")
            or _meta_date(root)
            or _markup_date(root)
            or _url_date(url)
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
        return text


def _url_date(url: str | None) -> str | None:
    match = URL_DATE_RE.search(url or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _meta_date(root: HtmlElement) -> str | None:
    """The first publication date in meta tags, by the preference order of DATE_META_NAMES."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        content = (element.get("content") or "").strip()
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
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


def _meta_values(root: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if not content:
            continue
        prop = element.get("property")
        if prop:
            for match in META_PROPERTY_RE.finditer(prop):
                key = match.group(0).lower().replace(" ", "")
                values[key] = content.strip()
            if prop.strip().lower() in ("og:image", "og:locale", "twitter:image"):
                values.setdefault(prop.strip().lower(), content.strip())
        name = element.get("name")
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
            return _jsonld_fields(article, document_title)
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


def _jsonld_fields(article: dict, document_title: str | None) -> dict[str, str]:
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
    names = [a.get("name") if isinstance(a, dict) else a for a in authors]
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


def _article_author(meta: dict[str, str]) -> str | None:
    author = meta.get("article:author")
    # Open Graph often puts the author's profile URL here, which is no byline.
    return None if not author or author.startswith(("http://", "https://")) else author


def _markup_byline(root: HtmlElement) -> str | None:
    """The first short text marked as the author: rel/itemprop markup first, then class or id hints."""
    for element in (*_BYLINE_MARKED(root), *_hinted_byline_elements(root)):
        # schema.org markup puts the bare name in a child: prefer it to "By X, date".
        names = element.xpath(".//*[@itemprop='name']")
        text = " ".join((names[0] if names else element).text_content().split())
        if 0 < len(text) < MAX_BYLINE_CHARS:
            return text
    return None


def _hinted_byline_elements(root: HtmlElement) -> list[HtmlElement]:
    """Elements whose class or id names a byline, in document order; one C call rules most pages out."""
    if not BYLINE_TOKEN_RE.search(" ".join(_CLASS_AND_ID_VALUES(root))):
        return []
    return [e for e in _BYLINE_HINTED(root) if e.tag not in ("main", "article")]


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


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text or None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        absolute = urljoin(base, value) if base else value
    except ValueError:
        return None
    return absolute if absolute.startswith(("http://", "https://")) else None
