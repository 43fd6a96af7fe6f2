"""Stage 3, metadata: title, byline, date, site name, language, direction, lead image and excerpt.

Each field is taken from the first source that gives it, in this order of preference:

- title: the site rule's selectors, JSON-LD (headline or name), meta tags (Dublin Core, Open Graph, Weibo, the
  plain name, Twitter, Parse.ly: constants.TITLE_META_KEYS), then <title> without the site's name (title.py).
- byline: the site rule, JSON-LD authors, meta tags (BYLINE_META_KEYS, then newsletter and citation tags), page
  markup read as Readability reads it, a "By ..." line after the headline, a link to an author's page
  (byline.py).
- published: the site rule, JSON-LD, meta tags, schema.org and <time> markup, the address, a date shown near the
  headline (dates.py); written as ISO 8601 when it can be read.
- site_name: JSON-LD's publisher, then og:site_name.
- lang and dir: <html lang>, then og:locale; dir from the markup around the paragraphs, else from the language
  (language.py).
- lead_image: JSON-LD's image, then og:image and twitter:image, made absolute (cleaning.py).
- excerpt: JSON-LD's description, then meta descriptions (EXCERPT_META_KEYS).

JSON-LD is read by jsonld.py and meta tags by meta_tags.py; every text value ends in cleaning.clean_text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..limits import NO_DEADLINE, Deadline
from ..rules.ruleset import Rule
from ..rules.selectors import PageIndex
from .byline import read_byline
from .cleaning import absolute_url, clean_text
from .constants import EXCERPT_META_KEYS, IMAGE_META_KEYS, TITLE_META_KEYS, TITLE_SLUG_RE
from .dates import read_published
from .jsonld import read_jsonld
from .language import read_language
from .meta_tags import first_value, meta_values, read_meta_tags
from .site_rule import first_text
from .title import document_title

log = logging.getLogger(__name__)


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
    root: HtmlElement,
    url: str | None,
    rule: Rule | None = None,
    deadline: Deadline = NO_DEADLINE,
    index: PageIndex | None = None,
) -> Metadata:
    """Read the page's metadata; call before declutter, which drops the scripts that carry JSON-LD. `index`: the
    page's PageIndex, whose attribute values spare the byline's and the date's markup searches the parts that can
    find nothing on the page."""
    tags = read_meta_tags(root, deadline)
    meta = meta_values(tags)
    page_title = document_title(root)
    jsonld = read_jsonld(root, page_title)
    title = (
        (first_text(root, rule.title) if rule else None)
        or _headline(jsonld.get("title"))
        or next(filter(None, (_headline(meta.get(key)) for key in TITLE_META_KEYS)), None)
        or page_title
    )
    lang, direction = read_language(root, meta.get("og:locale"))
    return Metadata(
        title=clean_text(title),
        byline=clean_text(read_byline(root, rule, tags, meta, jsonld, index)),
        published=read_published(root, url, rule, tags, meta, jsonld, index),
        site_name=clean_text(jsonld.get("siteName") or meta.get("og:site_name")),
        lang=lang,
        dir=direction,
        lead_image=absolute_url(jsonld.get("image") or first_value(meta, IMAGE_META_KEYS), url),
        excerpt=clean_text(jsonld.get("excerpt") or first_value(meta, EXCERPT_META_KEYS)),
    )


def _headline(title: str | None) -> str | None:
    """The title, or None when it is an address slug (TITLE_SLUG_RE) rather than a headline."""
    return None if title is None or TITLE_SLUG_RE.fullmatch(title.strip()) else title
