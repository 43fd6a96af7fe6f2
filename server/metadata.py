"""Stage 5, metadata: title, byline, date, site name, language, direction and lead image.

Sources in order of trust: the site rule's selectors, JSON-LD, meta tags (Open Graph, Dublin Core,
Twitter, Parse.ly), then page markup.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from .heuristics import (
    BYLINE_TOKEN_RE,
    JSONLD_ARTICLE_TYPES,
    MAX_BYLINE_CHARS,
    META_NAME_RE,
    META_PROPERTY_RE,
    RTL_LANGS,
    TITLE_SEPARATOR_RE,
)
from .ruleset import Rule
from .selectors import Selector

log = logging.getLogger(__name__)

_JSONLD = etree.XPath("//script[@type='application/ld+json']")
_BYLINE_MARKED = etree.XPath("//body//*[@rel='author' or contains(@itemprop, 'author')]")
_CLASS_AND_ID_VALUES = etree.XPath("//body//@class | //body//@id", smart_strings=False)
# The same hint words as BYLINE_TOKEN_RE without their first letter, so that "Author" matches too.
_BYLINE_HINTED = etree.XPath(
    "//body//*[" + " or ".join(
        f"contains(@{attr}, '{stem}')" for attr in ("class", "id") for stem in ("uthor", "yline", "ateline", "rittenby")
    ) + "]"
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
    jsonld = _jsonld_article(root)
    title_text = _first_text(root, rule.title) if rule else None
    byline_text = _first_text(root, rule.byline) if rule else None
    published_text = _first_published(root, rule.published) if rule else None
    title = (
        title_text or jsonld.get("title") or meta.get("dc:title") or meta.get("dcterm:title")
        or meta.get("og:title") or meta.get("weibo:article:title") or meta.get("weibo:webpage:title")
        or meta.get("title") or meta.get("twitter:title") or meta.get("parsely-title") or _document_title(root)
    )
    byline = (
        byline_text or jsonld.get("byline") or meta.get("dc:creator") or meta.get("dcterm:creator")
        or meta.get("author") or meta.get("parsely-author") or _article_author(meta) or _markup_byline(root)
    )
    lang = (root.get("lang") or root.get("xml:lang") or meta.get("og:locale") or "").strip() or None
    direction = (root.get("dir") or "").strip().lower() or None
    body = root.find("body")
    if direction not in ("ltr", "rtl") and body is not None:
        direction = (body.get("dir") or "").strip().lower() or None
    if direction not in ("ltr", "rtl"):
        direction = "rtl" if lang and lang.split("-")[0].split("_")[0].lower() in RTL_LANGS else None
    image = jsonld.get("image") or meta.get("og:image") or meta.get("twitter:image")
    return Metadata(
        title=_clean(title),
        byline=_clean(byline),
        published=_clean(published_text or jsonld.get("datePublished") or meta.get("article:published_time")
                         or meta.get("parsely-pub-date")),
        site_name=_clean(jsonld.get("siteName") or meta.get("og:site_name")),
        lang=lang,
        dir=direction,
        lead_image=_absolute(image, url),
        excerpt=_clean(jsonld.get("excerpt") or meta.get("dc:description") or meta.get("dcterm:description")
                       or meta.get("og:description") or meta.get("weibo:article:description")
                       or meta.get("description") or meta.get("twitter:description")),
    )


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


def _jsonld_article(root: HtmlElement) -> dict[str, str]:
    for script in _JSONLD(root):
        try:
            data = json.loads((script.text or "").strip().removeprefix("<![CDATA[").removesuffix("]]>"))
        except (ValueError, RecursionError):
            continue
        article = _find_article(data)
        if article is not None:
            return _jsonld_fields(article)
    return {}


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


def _jsonld_fields(article: dict) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key in ("headline", "name"):
        if isinstance(article.get(key), str):
            fields["title"] = article[key]
            break
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
    return fields


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
