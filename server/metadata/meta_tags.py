"""<meta> tags: read once per page, then looked up by the vocabulary Readability reads (Open Graph, Dublin Core,
Twitter, Parse.ly, Weibo)."""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from ..limits import Deadline
from .constants import EXTRA_META_NAMES, EXTRA_META_PROPERTIES, META_NAME_RE, META_PROPERTY_RE

log = logging.getLogger(__name__)

# A <meta> tag's content, property, name and itemprop.
MetaTag = tuple[str, str | None, str | None, str | None]


def read_meta_tags(root: HtmlElement, deadline: Deadline) -> list[MetaTag]:
    """(content, property, name, itemprop) of each <meta> with content, in document order: read once for every
    reader of meta tags (a meta without content gives none of them anything)."""
    tags = []
    for element in deadline.paced(root.iter("meta")):
        content = element.get("content")
        if content:
            tags.append((content, element.get("property"), element.get("name"), element.get("itemprop")))
    return tags


def meta_values(tags: list[MetaTag]) -> dict[str, str]:
    """The tags' contents by normalised key ("og:title", "dc:creator"): the last of a repeated vocabulary tag,
    the first of an extra one."""
    values: dict[str, str] = {}
    for content, prop, name, _ in tags:
        if prop:
            for match in META_PROPERTY_RE.finditer(prop):
                key = match.group(0).lower().replace(" ", "")
                values[key] = content.strip()
            if prop.strip().lower() in EXTRA_META_PROPERTIES:
                values.setdefault(prop.strip().lower(), content.strip())
        if name and META_NAME_RE.match(name):
            key = name.lower().replace(" ", "").replace(".", ":")
            values[key] = content.strip()
        elif name and name.strip().lower() in EXTRA_META_NAMES:
            values.setdefault(name.strip().lower(), content.strip())
    return values


def first_value(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The first non-empty value among these keys, in their order of trust."""
    for key in keys:
        if value := values.get(key):
            return value
    return None
