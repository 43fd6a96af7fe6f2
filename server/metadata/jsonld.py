"""JSON-LD: the schema.org article a page describes in <script type="application/ld+json">, else the first date
any of its nodes gives."""

from __future__ import annotations

import html
import json
import logging

from lxml.html import HtmlElement

from .constants import JSONLD_ARTICLE_DEPTH, JSONLD_ARTICLE_TYPES, JSONLD_NODE_DEPTH

log = logging.getLogger(__name__)

_JSONLD_TYPE = "application/ld+json"


def read_jsonld(root: HtmlElement, document_title: str | None) -> dict[str, str]:
    """The first article's title, byline, excerpt, siteName, datePublished and image (entities unescaped); with
    no article, the first datePublished in any JSON-LD block."""
    fallback: dict[str, str] = {}
    # lxml's iter() skips a page without <script> at once and walks the tree in C (~3x an XPath's cost less).
    for script in (element for element in root.iter("script") if element.get("type") == _JSONLD_TYPE):
        try:
            data = json.loads((script.text or "").strip().removeprefix("<![CDATA[").removesuffix("]]>"))
        except (ValueError, RecursionError):
            log.debug("skipped a JSON-LD block that does not parse")
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
    if depth > JSONLD_NODE_DEPTH:
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
    if depth > JSONLD_NODE_DEPTH:
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
    """The first node whose @type is an article type, in a list or an @graph."""
    if depth > JSONLD_ARTICLE_DEPTH:
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
    """The article node's fields that hold a string, by the names read_metadata() looks them up by."""
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
