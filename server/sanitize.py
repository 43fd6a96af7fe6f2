"""Stage 10, sanitize: serialize the article and pass it through nh3's allow-list.

nh3 (ammonia) is the security boundary of the service: nothing reaches a reader that it did not allow.
"""

from __future__ import annotations

import logging
import re

import nh3
from lxml import etree, html
from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# Article markup only: structure, emphasis, quotes, figures, tables, code. No forms, media players,
# frames, SVG or styles.
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
        "section",
        "article",
        "header",
        "footer",
        "aside",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "srcset", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    # Only highlight markup carries ids (tidy drops the page's own), so "Who said what" links can jump.
    "mark": {"data-attr", "id"},
    "span": {"data-attr", "id"},
}
# Only the highlight classes survive; page classes would let page CSS names leak into our styling.
ALLOWED_CLASSES = {"mark": {"attr-source"}, "span": {"attr-cue", "attr-content"}}
# Elements whose content is dropped along with them rather than kept as text.
CLEAN_CONTENT_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "textarea",
    "select",
    "title",
    "svg",
    "math",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
}
URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=CLEAN_CONTENT_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


# ammonia checks the scheme of href and src but not of srcset or cite, and tidy only sees <img>: an
# <image srcset=javascript:...> passes tidy and becomes <img> in ammonia's HTML5 parser. Check them here.
_UNCHECKED_URLS = etree.XPath("descendant-or-self::*[@srcset or @cite]")
# What a browser ignores in a URL before reading its scheme: C0 controls and spaces, tabs and newlines.
_URL_JUNK = re.compile(r"[\x00-\x20]+")


def sanitize(article: HtmlElement) -> str:
    """Return the article as a safe HTML fragment."""
    for element in _UNCHECKED_URLS(article):
        cite, srcset = element.get("cite"), element.get("srcset")
        if cite is not None and not _is_web_url(cite):
            del element.attrib["cite"]
        if srcset is not None and not all(_is_web_url(c.split()[0]) for c in srcset.split(",") if c.strip()):
            del element.attrib["srcset"]
    return _CLEANER.clean(html.tostring(article, encoding="unicode", method="html"))


def _is_web_url(value: str) -> bool:
    return _URL_JUNK.sub("", value).lower().startswith(("http:", "https:"))
