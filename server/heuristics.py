"""Every tunable heuristic of the pipeline in one place, each with the reason it exists.

Site-specific knowledge never lives here: it belongs in rules/.
"""

from __future__ import annotations

import re

# Charset declared in the first bytes of a page: <meta charset> or the http-equiv form (HTML spec prescan).
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)

# How far into the bytes the charset prescan looks (the HTML spec says 1024; pages often put it later).
CHARSET_PRESCAN_BYTES = 4096

# A page whose bytes fail strict UTF-8 is still read as UTF-8 when its non-ASCII characters outnumber the
# invalid sequences by this factor (one stray byte in a UTF-8 page, against a single-byte charset's many).
MOSTLY_UTF8_RATIO = 20
NON_ASCII_RE = re.compile("[^\x00-\x7f]")

# Magic numbers of binary formats people post by mistake: a clear error beats a page of mojibake.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\x1f\x8b": "gzip-compressed data",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"RIFF": "a RIFF (WebP/WAV) file",
    b"\x7fELF": "an executable",
}

# Control characters lxml refuses in text, as UTF-8 bytes (deleted in one C pass); dropping them loses nothing.
CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# Unicode noncharacters lxml refuses as well.
NONCHARACTERS = ("\ufffe", "\uffff")

# Inline styles that hide an element from every reader, so it is never part of the article.
HIDDEN_STYLE_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)

# Elements that never carry article text but cost time in every later stage.
NON_CONTENT_TAGS = ("script", "style", "template", "link", "object", "embed", "applet", "canvas")

# A strip rule may not remove more than this share of the page's paragraph text: a bad rule degrades
# to the generic result instead of an empty page.
MAX_STRIP_SHARE = 0.5

# Categories exempt from that guard: a comment thread is never the article, however long it runs.
UNGUARDED_CATEGORIES = frozenset({"comments"})

# Second-level labels under which registrations happen (example.co.uk), for the `site` field without
# shipping the whole Public Suffix List on the hot path.
SECOND_LEVEL_SUFFIXES = frozenset(
    {
        "co",
        "com",
        "net",
        "org",
        "gov",
        "ac",
        "edu",
        "ne",
        "or",
        "go",
        "gob",
        "nic",
        "mil",
        "ltd",
        "plc",
        "sch",
        "nhs",
        "police",
        "asn",
        "id",
        "info",
        "biz",
        "press",
        "tv",
        "web",
        "me",
    }
)

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
PLACEHOLDER_SRC_RE = re.compile(r"^data:|blank\.|spacer\.|placeholder|lazy[-_]?load|loading\.gif|1x1", re.I)

# Average adult silent reading speed for non-fiction, in words per minute (Brysbaert 2019: ~238).
WORDS_PER_MINUTE = 238

# Block-level tags that start a new paragraph in the plain-text rendering of an article.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "hr",
        "br",
        "address",
        "details",
        "summary",
    }
)

# Minimum words for the extracted article to count as readable; below that the answer is 422.
MIN_ARTICLE_WORDS = 20

# Right-to-left scripts by ISO 639-1 code, for pages that give a language but no dir attribute.
RTL_LANGS = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ku", "ckb", "iw"})

# Separators sites put between the headline and the site name in <title>.
TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-–—:·»/]\s+")

# Meta names and properties that carry article metadata (the same vocabulary Mozilla Readability reads).
META_PROPERTY_RE = re.compile(
    r"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*",
    re.I,
)
META_NAME_RE = re.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\s*[-.:]\s*)?"
    r"(author|creator|pub-date|description|title|site_name)\s*$",
    re.I,
)

# schema.org types whose JSON-LD describes an article (Readability's list).
JSONLD_ARTICLE_TYPES = frozenset(
    {
        "Article",
        "AdvertiserContentArticle",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "DiscussionForumPosting",
        "LiveBlogPosting",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "Report",
        "SatiricalArticle",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "SocialMediaPosting",
        "TechArticle",
    }
)

# Class or id words of the element that holds the byline in page markup (Readability's byline test).
BYLINE_TOKEN_RE = re.compile(r"\S*(?:byline|author|dateline|writtenby)\S*", re.I)

# A byline longer than this is a paragraph about the author, not a byline.
MAX_BYLINE_CHARS = 100

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

# Scripts written without spaces between words (Han, kana, Hangul): each character counts as a word,
# close to how readers of those languages pace themselves.
CJK_CHAR_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# An extraction shorter than this is suspicious enough to try readability once more, more leniently.
MIN_ARTICLE_WORDS_BEFORE_RETRY = 80

# The fallback article root must hold at least this share of the page's paragraph text.
DENSEST_CONTAINER_SHARE = 0.6

# When readability keeps less than this share of the words of the container holding most of the page's
# paragraph text, and that container is not a link list, the container is the article.
EXPAND_RATIO = 0.25
# ...or this share, when readability's pick lies inside that container (tuned on the tuning part only).
EXPAND_RATIO_INSIDE = 0.4
EXPAND_MAX_LINK_DENSITY = 0.3

# Meta names and properties that carry the publication date, most trusted first.
DATE_META_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "article.published",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "citation_publication_date",
    "date",
)

# Date layouts pages use in meta tags and markup besides ISO 8601, tried in order (US month/day first,
# the common reading of slashed dates on English-language news sites).
DATE_FORMATS = (
    "%Y %b %d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y%m%d",
)

# A date in the page address (/2024/05/22/): the last resort for the publication date.
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
