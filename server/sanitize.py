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
# "data" is let through ammonia's scheme check only for _filter_attribute to confine it to <img> images.
URL_SCHEMES = {"http", "https", "mailto", "data"}

# Inline images (data: URIs) are allowed only as <img src> / srcset, only for these image types: an image
# element decodes its source as an image whatever it claims, and an SVG loaded as an image runs no script
# and fetches nothing. Anywhere else (links, cite, other types such as text/html) a data: URI is refused.
DATA_IMAGE_TYPES = ("png", "gif", "jpeg", "jpg", "webp", "avif", "svg+xml")
# One data: URI longer than this is dropped, so a page cannot inflate the output.
MAX_DATA_URI_LENGTH = 256 * 1024
# data:image/<type>[;parameter[=value]]...[;base64],<payload>; parameters such as charset=utf-8, utf8, name=x.
_DATA_IMAGE_RE = re.compile(
    r"data:image/(?:" + "|".join(re.escape(t) for t in DATA_IMAGE_TYPES) + r")"
    r"(?:;(?!base64,)[A-Za-z0-9!#$&+.^_`|~-]+(?:=[A-Za-z0-9!#$&+.^_`|~-]+)?)*"
    r"(?:;base64,[A-Za-z0-9+/=\t\n\f\r ]*|,[^\x00-\x08\x0b\x0e-\x1f\x7f]*)",
    re.IGNORECASE,
)
# What a browser strips around a URL (C0 controls and space) and what srcset separates candidates by.
_URL_EDGES = "".join(map(chr, range(0x21)))
_SRCSET_SPACE = " \t\n\f\r"

_DATA_IMAGE_TAGS = frozenset({"img"})
_URL_ATTRIBUTES = frozenset({"href", "src"})


def is_data_image(value: str) -> bool:
    """True for a data: URI holding one of the allowed image types, base64 or percent-encoded, within the cap."""
    value = value.strip(_URL_EDGES)
    return len(value) <= MAX_DATA_URI_LENGTH and _DATA_IMAGE_RE.fullmatch(value) is not None


def compact_data_image(value: str) -> str:
    """The data: image URI trimmed, its base64 payload without the line breaks some pages wrap it in."""
    value = value.strip(_URL_EDGES)
    header, _, payload = value.partition(",")
    if header.lower().endswith(";base64"):
        payload = "".join(payload.split())
    return f"{header},{payload}"


# parse_srcset's scan as two patterns (a regex match in C, not a Python step per character): separators then a URL
# (no srcset space in it), and a descriptor up to the first comma outside parentheses. Possessive: linear-time.
_SRCSET_URL_RE = re.compile(rf"[{_SRCSET_SPACE},]*+([^{_SRCSET_SPACE}]*+)")
_SRCSET_DESCRIPTOR_RE = re.compile(r"(?:[^,(]++|\([^)]*+\)?+)*+")


def parse_srcset(value: str) -> list[tuple[str, str]]:
    """(url, descriptor) candidates of a srcset as the HTML standard splits them: a data: URI holds commas."""
    candidates, i, n = [], 0, len(value)
    while i < n:
        found = _SRCSET_URL_RE.match(value, i)
        url, descriptor, i = found[1], "", found.end()
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            found = _SRCSET_DESCRIPTOR_RE.match(value, i)
            descriptor = " ".join(found[0].split())
            i = found.end() + 1  # past the comma that ends it
        if url:
            candidates.append((url, descriptor))
    return candidates


def srcset_is_safe(value: str, tag: str) -> bool:
    """Every candidate is a web URL, or an allowed data: image on an image element."""
    return all(_is_web_url(url) or (tag in _DATA_IMAGE_TAGS and is_data_image(url)) for url, _ in parse_srcset(value))


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """ammonia's last word on URLs, on its own parse of the markup: data: only as an allowed <img> image,
    and srcset and cite (whose schemes ammonia does not check) only with web URLs."""
    if attribute == "srcset":
        return value if srcset_is_safe(value, tag) else None
    if attribute == "cite":
        return value if _is_web_url(value) else None
    if attribute in _URL_ATTRIBUTES and _is_data_url(value):
        return value if attribute == "src" and tag in _DATA_IMAGE_TAGS and is_data_image(value) else None
    return value


def _is_data_url(value: str) -> bool:
    """The scheme ends at the first colon; a browser ignores C0 controls and spaces before it."""
    colon = value.find(":")
    return colon >= 4 and _URL_JUNK.sub("", value[:colon]).lower() == "data"


def _cleaner(url_schemes: set[str], attribute_filter: object = None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=url_schemes,
        attribute_filter=attribute_filter,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# The filter costs a Python call per attribute: markup without "data:" goes through a cleaner that refuses the
# data scheme outright (however a URL spells it), which needs no filter.
_CLEANER = _cleaner(URL_SCHEMES, _filter_attribute)
# "data:" in any case, spelled so that re skips to each colon instead of trying a match at every character
# (~10x faster); IGNORECASE matched only ASCII d, a, t here, as the test checks over all code points.
_DATA_SCHEME = re.compile(r":(?<=[Dd][Aa][Tt][Aa]:)")
_WEB_ONLY_CLEANER = _cleaner(URL_SCHEMES - {"data"})


# ammonia checks the scheme of href and src but not of srcset or cite, and tidy only sees <img>: an
# <image srcset=javascript:...> passes tidy and becomes <img> in ammonia's HTML5 parser. Check them here
# (and again in _filter_attribute, on ammonia's own parse).
# One step, not a union of the two attributes' parents: libxml2 merges a union's node sets in quadratic time.
_UNCHECKED_URLS = etree.XPath("descendant-or-self::*[@srcset or @cite]")
# Their values alone, as plain strings: two one-step sweeps cost a third of the predicate on every element.
_CITE_VALUES = etree.XPath("descendant-or-self::*/@cite", smart_strings=False)
_SRCSET_VALUES = etree.XPath("descendant-or-self::*/@srcset", smart_strings=False)
# What a browser ignores in a URL before reading its scheme: C0 controls and spaces, tabs and newlines.
_URL_JUNK = re.compile(r"[\x00-\x20]+")


def sanitize(article: HtmlElement) -> str:
    """Return the article as a safe HTML fragment."""
    if not _all_web_urls(article):
        _drop_unsafe_urls(article)
    markup = html.tostring(article, encoding="unicode", method="html")
    return (_CLEANER if _DATA_SCHEME.search(markup) else _WEB_ONLY_CLEANER).clean(markup)


def _all_web_urls(article: HtmlElement) -> bool:
    """Whether every cite and srcset value holds web URLs only (nearly always): then no element needs its check. A
    srcset is tested as no image element's ("" as the tag), which refuses the data: images an image element may hold."""
    return all(map(_is_web_url, _CITE_VALUES(article))) and all(
        srcset_is_safe(value, "") for value in _SRCSET_VALUES(article)
    )


def _drop_unsafe_urls(article: HtmlElement) -> None:
    """Remove each cite and srcset attribute whose URLs a browser could run or load as other than a web page."""
    for element in _UNCHECKED_URLS(article):
        cite, srcset = element.get("cite"), element.get("srcset")
        if cite is not None and not _is_web_url(cite):
            del element.attrib["cite"]
        if srcset is not None and not srcset_is_safe(srcset, element.tag if isinstance(element.tag, str) else ""):
            del element.attrib["srcset"]


def _is_web_url(value: str) -> bool:
    return _URL_JUNK.sub("", value).lower().startswith(("http:", "https:"))
