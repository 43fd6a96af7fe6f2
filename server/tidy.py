"""Stage 6, tidy: make the extracted article self-contained: real images, absolute links, no controls."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .limits import NO_DEADLINE, Deadline
from .sanitize import compact_data_image, is_data_image, parse_srcset

# Lazy-loading attributes that hold the real image address until a script swaps it in.
LAZY_SRC_ATTRS = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-url",
    "data-lazy",
    "data-hi-res-src",
    "data-full-src",
    "data-actualsrc",
)
LAZY_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset", "data-original-srcset")

# Placeholder images lazy loaders put in src (1x1 gifs, spinners) that must yield to the real address.
# The lookahead (a first letter of the words, in any case as re.I reads it) spares trying every word at every position.
PLACEHOLDER_SRC_RE = re.compile(
    r"^data:|(?=[bspl1])(?:blank\.|spacer\.|placeholder|lazy[-_]?load|loading\.gif|1x1)", re.I
)

# Elements dropped with their content from the extracted article: controls and embeds a reader cannot use
# and whose text (button labels, option lists) would otherwise leak into the reading view.
# (Not nav: some page builders wrap the whole article in one. Not form: an unclosed one swallows the text
# after it; its controls go anyway, and sign-up forms are the declutter stage's business.)
DROP_FROM_ARTICLE_TAGS = (
    "button",
    "input",
    "select",
    "textarea",
    "svg",
    "math",
    "iframe",
    "frame",
    "frameset",
    "noscript",
    "audio",
    "video",
    "dialog",
    "meta",
    "base",
)

# Schemes a link or image in the reading view may use.
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
SAFE_IMAGE_SCHEMES = frozenset({"http", "https"})


log = logging.getLogger(__name__)


def tidy(article: HtmlElement, base_url: str | None, deadline: Deadline = NO_DEADLINE) -> None:
    """Prepare the article in place for text extraction and sanitizing."""
    etree.strip_elements(article, *DROP_FROM_ARTICLE_TAGS, with_tail=False)
    # The page's ids could collide with the reading view's own anchors, and its classes and data-attr could forge
    # highlights (the sanitizer keeps those on mark and span): only the highlight stage writes them.
    etree.strip_attributes(article, "id", "class", "data-attr")
    for img in deadline.paced(article.iter("img")):
        _realise_lazy_image(img)
        if "srcset" in img.attrib:
            srcset = _safe_srcset(img.get("srcset", ""), base_url)
            if srcset:
                img.set("srcset", srcset)
            else:
                del img.attrib["srcset"]
        src = _safe_image_url(img.get("src"), base_url)
        if src and _is_placeholder_data_image(src) and _web_srcset_url(img.get("srcset", "")):
            src = _web_srcset_url(img.get("srcset", ""))  # a blank pixel holding the place of the real image
        if src:
            img.set("src", src)
        elif "src" in img.attrib:
            del img.attrib["src"]
    for link in deadline.paced(article.iter("a")):
        href = link.get("href")
        if href is None:
            continue
        safe = _safe_url(href, base_url, SAFE_LINK_SCHEMES)
        if safe:
            if safe != href:  # most links are absolute already: setting the same value changes nothing
                link.set("href", safe)
        else:
            del link.attrib["href"]


_ABSOLUTE = ("https://", "http://")


def _realise_lazy_image(img: HtmlElement) -> None:
    """Lazy loaders keep the real address in data-* attributes until a script runs: do its job."""
    src = img.get("src", "")
    if not src or PLACEHOLDER_SRC_RE.search(src):
        for attr in LAZY_SRC_ATTRS:
            if img.get(attr):
                img.set("src", img.get(attr))
                break
    if not img.get("srcset"):
        for attr in LAZY_SRCSET_ATTRS:
            if img.get(attr):
                img.set("srcset", img.get(attr))
                break
    if not img.get("src") and img.get("srcset"):
        first = parse_srcset(img.get("srcset"))
        if first:
            img.set("src", first[0][0])


def _safe_url(value: str | None, base_url: str | None, schemes: frozenset[str]) -> str | None:
    if not value:
        return None
    value = value.strip()
    try:
        absolute = _resolve(value, base_url) if base_url and not value.startswith(_ABSOLUTE) else value
        scheme = _web_scheme(absolute) or urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    if scheme in schemes or (not scheme and not base_url and not value.startswith("//")):
        return absolute
    if value.startswith("#"):
        return value
    return None


def _web_scheme(url: str) -> str | None:
    """urlsplit(url).scheme for the common http(s)://ascii-host URL, without urlsplit's cost; None otherwise.
    Exact: the scheme is the text before the first colon, and an ASCII URL without brackets is one urlsplit
    cannot reject (its only errors are about bracketed IPv6 hosts and non-ASCII netlocs)."""
    if url.startswith(_ABSOLUTE) and url.isascii() and "[" not in url and "]" not in url:
        return "https" if url[4] == "s" else "http"
    return None


# A protocol-relative address urljoin only prefixes with the page's scheme: a host, then no query, fragment,
# parameters, brackets, space or control character (whose parts urljoin would split off and join back changed).
_PLAIN_NETWORK_PATH_RE = re.compile(r"//[^\x00-\x20\x7f/?#;\[\]][^\x00-\x20\x7f?#;\[\]]*+")


def _resolve(value: str, base_url: str) -> str:
    """urljoin, with the three shapes an article's links and images mostly take done by hand (a page of footnotes
    holds thousands): an in-page anchor, a root-relative path without dot segments, and a plain protocol-relative
    address ('//upload.example.org/a.png')."""
    origin, page = _base_parts(base_url)
    if value.startswith("#"):
        return page + value if len(value) > 1 else page  # urljoin drops an empty fragment
    if value.startswith("/") and not value.startswith("//") and "/." not in value and origin:
        return origin + value
    if origin.startswith(_ABSOLUTE) and value.isascii() and _PLAIN_NETWORK_PATH_RE.fullmatch(value):
        return origin[: origin.index(":") + 1] + value
    return urljoin(base_url, value)


@lru_cache(maxsize=256)
def _base_parts(base_url: str) -> tuple[str, str]:
    """(scheme://host of the page, the page's address without its fragment)."""
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    return origin, base_url.split("#", 1)[0]


def _safe_image_url(value: str | None, base_url: str | None) -> str | None:
    """A web address, or an inline image of an allowed type (sanitize.is_data_image decides which)."""
    if value and is_data_image(value):
        return compact_data_image(value)
    return _safe_url(value, base_url, SAFE_IMAGE_SCHEMES)


# A data: image this short (base64 of a 1x1 GIF is about 80 characters) is a placeholder, not a picture.
_PLACEHOLDER_DATA_IMAGE_LENGTH = 133


def _is_placeholder_data_image(url: str) -> bool:
    return url[:5].lower() == "data:" and len(url) < _PLACEHOLDER_DATA_IMAGE_LENGTH


def _web_srcset_url(srcset: str) -> str | None:
    return next((url for url, _ in parse_srcset(srcset) if url.startswith(_ABSOLUTE)), None)


def _safe_srcset(value: str, base_url: str | None) -> str:
    candidates = []
    for url, descriptor in parse_srcset(value):
        safe = _safe_image_url(url, base_url)
        if safe:
            candidates.append(" ".join([safe, *descriptor.split()[:1]]))
    return ", ".join(candidates)
