"""Every tunable heuristic of the pipeline in one place, each with the reason it exists.

Site-specific knowledge never lives here: it belongs in rules/.
"""

from __future__ import annotations

import re

# Charset declared in the first bytes of a page: <meta charset> or the http-equiv form (HTML spec prescan).
# A scan from one '<meta' stops at the next '<' or '>', so scans never overlap: linear in the head.
META_CHARSET_RE = re.compile(rb"""<meta(?>[^<>c]++|c(?!harset))*+charset\s*+=\s*+["']?\s*+([A-Za-z0-9_:.\-]+)""", re.I)

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

# The only non-ASCII characters a case-insensitive regex matches against an ASCII letter, with that letter: once
# they are replaced, an ASCII-only lowercasing of the page's text holds an ASCII literal wherever such a regex
# finds it (a test in tests/test_rules.py checks every code point).
CASE_FOLDS_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}

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
# (Tried at the start of a whitespace run only: from every space of a long run the search would rescan it.)
TITLE_SEPARATOR_RE = re.compile(r"(?<!\s)\s++[|\-–—:·»/]\s+")

# Meta names and properties that carry article metadata (the same vocabulary Mozilla Readability reads).
META_PROPERTY_RE = re.compile(
    r"(article|dc|dcterm|og|twitter)\s*+:\s*+(author|creator|description|published_time|title|site_name)", re.I
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
BYLINE_TOKEN_RE = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
# Substrings of those words for an XPath contains() pre-filter (BYLINE_TOKEN_RE then decides): the first
# letter left off so that "Author" and "author" share one test; all-capital class names are too rare to pay for.
BYLINE_CLASS_STEMS = ("uthor", "yline", "ateline", "ritten")

# A byline longer than this (its text as written, spaces and all) is a paragraph about the author, not a byline.
MAX_BYLINE_CHARS = 100

# Class name parts marking the bare name inside a byline ("author-name", "byline__name", "authorName"), besides
# a class "name" itself; one run-together word ("authorname") does not count, as Readability keeps the whole.
BYLINE_NAME_CLASS_PARTS = ("-name", "_name", "Name")

# Tags never holding the byline, though a comment form's "Name *" field is often marked "author".
BYLINE_SKIPPED_TAGS = frozenset({"label", "input", "textarea", "select", "option", "button"})

# Class or id words of containers whose bylines a reader never takes: Readability drops these "unlikely
# candidates" (site chrome, related-story lists, comments) before it looks inside them...
BYLINE_SKIPPED_CONTAINER_RE = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends"
    r"|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate"
    r"|pagination|pager|popup|yom-remote",
    re.I,
)
# ...unless their class or id also says they may hold the article...
BYLINE_KEPT_CONTAINER_RE = re.compile(r"and|article|body|column|content|main|shadow", re.I)
# ...or they sit in one of these within four levels (layout tables, code samples: Readability's exemption).
BYLINE_KEPT_CONTAINER_PARENTS = frozenset({"table", "code"})
# ARIA roles of containers skipped the same way (menus, asides, dialogs).
BYLINE_SKIPPED_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"})

# A byline element's text that is only a label, with no name after it ("By", "About the author").
BYLINE_LABEL_RE = re.compile(
    r"(?:about\s+the\s+|the\s+)?(?:authors?|by|written\s+by|posted\s+by|byline|contributors?)\s*:?", re.I
)

# Meta names that carry the author beyond Readability's vocabulary (newsletter and analytics tags, Highwire
# Press citation tags for papers), read after it and before page markup; repeated tags name co-authors.
BYLINE_META_NAMES = ("sailthru.author", "cxenseparse:author", "citation_author")

# The label that opens a plain-text byline ("By", "Written by:"), for pages whose markup marks none...
# (Both skip leading whitespace only from where a run begins: from inside one, a search would rescan it.)
BYLINE_TEXT_LABEL_RE = re.compile(r"(?:(?<!\s)\s*+)?(?:by|written\s++by|posted\s++by|author)\b\s*+:?", re.I)
# ...and the name after it, making up the whole line: one to five capitalised words or initials, particles
# allowed. The label is dropped: with no markup to follow, the byline is ours to format.
BYLINE_TEXT_NAME_RE = re.compile(
    r"(?:(?<!\s)\s*+)?([A-Z][\w'’.-]*+(?:\s++(?:[A-Z][\w'’.-]*+|van|von|de|der|da|del|la|le|bin|al)){0,4})"
)
# How many elements after the page's first <h1> are searched for such a line (bylines sit by the headline).
BYLINE_TEXT_WINDOW = 60

# Address parts of links to an author's page ("/author/jane-doe"): their text names the author, the last clue
# on pages whose markup and text mark no byline...
BYLINE_AUTHOR_LINK_PATHS = ("/author/", "/authors/", "/contributor/", "/contributors/")
# ...when it is this short (longer link text is a teaser or a bio).
MAX_AUTHOR_LINK_CHARS = 50

# Words around a byline's name that are no part of it: a link-to-archive phrase before it ("View all posts by",
# "Read more about"), a role label behind a separator after it ("| Author"), wrapping quotes.
# (The unanchored alternatives start a run only where it begins: tried from inside it, each would rescan the run.)
BYLINE_NOISE_RE = re.compile(
    r"^(?:(?:view|see)\s++(?:all\s++)?(?:posts|articles|stories)\s++by|(?:more|articles|posts|stories)\s++(?:from|by)"
    r"|read\s++more\s++(?:about|from|by))\s++|(?<!\s)\s*+[|•·]\s*+(?:author|writer|editor|contributor)s?$"
    r"|^[\"“”']++|(?<![\"“”'])[\"“”']++$",
    re.I,
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
# ...or this share, when that container also is or sits in the page's <article> or <main> (the story's frame,
# split into sections readability scores one by one).
EXPAND_RATIO_IN_FRAME = 0.6
EXPAND_MAX_LINK_DENSITY = 0.3
# Site chrome dropped from that container, which readability's cleaning never saw.
CONTAINER_CHROME_TAGS = ("nav", "footer")

# A text block readability gathers from elsewhere on the page whose opening (this many characters) the article
# already holds is a second copy of the story (a gated, mobile or print version), not a further part of it.
SEGMENT_COPY_OPENING_CHARS = 200

# A block of the article repeating word for word an earlier one of at least this many characters is a second
# copy (a page's desktop and mobile layouts, a tab and its accordion twin), not text written twice.
REPEATED_BLOCK_MIN_CHARS = 100
REPEATED_BLOCK_TAGS = ("div", "section", "ul", "ol", "table")

# Blocks of the article that are the author's bio box or byline ("author-bio", "vcard author", "post__author"):
# a class or id naming the author or a bio, on a block this short (a bio, not a story body).
AUTHOR_BOX_CLASS_RE = re.compile(r"author|(?:^|[-_\s])bio(?:$|[-_\s]|graph)", re.I)
AUTHOR_BOX_MAX_CHARS = 1000
AUTHOR_BOX_TAGS = ("div", "section", "footer", "aside")

# Siblings of the article's text blocks that are figures and go with them: these tags, or any element holding
# an image and at most a caption's worth of text.
FIGURE_TAGS = frozenset({"figure", "picture", "img", "figcaption"})
FIGURE_MAX_TEXT_CHARS = 150
# The story's lead figure (before the body, in its <article> or <main>) may carry a longer caption and credit.
LEAD_FIGURE_MAX_TEXT_CHARS = 400

# A block before the pick under the same parent is the story's introduction (a review's "we tested..." lede, a
# study's abstract) when it is prose: this long, almost no link text, mostly paragraph text, and no headline
# block (<h1>), which readability's heading step handles. Its score can fall below readability's sibling bar.
INTRO_TAGS = ("div", "section", "article")
INTRO_MIN_CHARS = 140
INTRO_MAX_LINK_DENSITY = 0.1
INTRO_MIN_PARAGRAPH_SHARE = 0.7

# A list inside the article is cleaned away only when more of its text than this is link text.
LIST_MAX_LINK_DENSITY = 0.5

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

# A date inside a longer date value, for what no layout above reads ("on Friday December 19, 2025 @08:00PM",
# "Dec 17th 2025", "19 December 2025"): a month name and a day in either order, then the year.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_IN_TEXT_RE = re.compile(
    rf"\b(?:(?P<month_first>{_MONTH})\s+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_second>{_MONTH})),?\s+(?P<year>\d{{4}})\b",
    re.I,
)
# Day and month as numbers around a four-digit year ("Thu, 09/25/2025 - 11:38", "13/11/2025"): read only when
# one of the two is over 12, so that just one reading is possible.
NUMERIC_DATE_IN_TEXT_RE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")

# A date a reader sees near the headline ("Updated on July 9, 2025", "Dec 12, 2025 · 3 min read"), for pages
# whose markup gives none: read from short text runs after the first <h1>, else just before it (an eyebrow).
# Runs longer than this are sentences, whose dates are events in the story.
VISIBLE_DATE_MAX_CHARS = 80
VISIBLE_DATE_RUNS_AFTER = 30  # a byline, its labels and share links come first
VISIBLE_DATE_RUNS_BEFORE = 10
# A shown date labelled as a revision: the publication date is taken over it when the same windows show one.
REVISION_LABEL_RE = re.compile(r"\b(?:updated|modified|revised|edited)\b", re.I)

# A date in the page address (/2024/05/22/): taken when the markup has no publication date.
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
