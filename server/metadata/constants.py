"""Metadata's tunables and vocabularies, grouped by the module that reads them, each with the reason it exists."""

from __future__ import annotations

import re

# --- meta_tags: which <meta> names and properties hold article metadata ---------------------------------

# Meta names and properties that carry article metadata (the same vocabulary Mozilla Readability reads).
META_PROPERTY_RE = re.compile(
    r"(article|dc|dcterm|og|twitter)\s*+:\s*+(author|creator|description|published_time|title|site_name)", re.I
)
META_NAME_RE = re.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\s*[-.:]\s*)?"
    r"(author|creator|pub-date|description|title|site_name)\s*$",
    re.I,
)
# Properties and names read beyond that vocabulary (the lead image, the locale, Parse.ly's date); the first
# such tag counts, as a page that repeats them lists its other images and locales after the main one.
EXTRA_META_PROPERTIES = frozenset({"og:image", "og:locale", "twitter:image"})
EXTRA_META_NAMES = frozenset({"twitter:image", "parsely-pub-date"})

# Meta keys that give the title, the excerpt and the author, most trusted first (Readability's order).
TITLE_META_KEYS = (
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
)
EXCERPT_META_KEYS = (
    "dc:description",
    "dcterm:description",
    "og:description",
    "weibo:article:description",
    "description",
    "twitter:description",
)
BYLINE_META_KEYS = ("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author")
# Meta keys that give the lead image and the publication date before the wider search of dates.DATE_META_NAMES.
IMAGE_META_KEYS = ("og:image", "twitter:image")
PUBLISHED_META_KEYS = ("article:published_time", "parsely-pub-date")

# --- jsonld: schema.org article data ----------------------------------------------------------------------

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
# How deep into a JSON-LD document the article is sought (lists and @graphs nest it a few levels at most)...
JSONLD_ARTICLE_DEPTH = 4
# ...and a date or an @id-named author node (WebPage and Person nodes sit one level further, inside @graph).
JSONLD_NODE_DEPTH = 5

# --- byline: the author's name from markup, text and links ------------------------------------------------

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
# ...or they sit in one of these within BYLINE_KEPT_CONTAINER_LEVELS levels (layout tables, code samples:
# Readability's exemption, which looks that far up).
BYLINE_KEPT_CONTAINER_PARENTS = frozenset({"table", "code"})
BYLINE_KEPT_CONTAINER_LEVELS = 4
# ARIA roles of containers skipped the same way (menus, asides, dialogs).
BYLINE_SKIPPED_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"})

# Inline styles that hide an element from every reader, so its byline is none.
HIDDEN_STYLE_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
# A class that keeps an aria-hidden element visible to Readability (its test exempts Wikimedia's fallback images).
ARIA_HIDDEN_SHOWN_CLASS = "fallback-image"

# A byline element's text that is only a label, with no name after it ("By", "About the author").
BYLINE_LABEL_RE = re.compile(
    r"(?:about\s+the\s+|the\s+)?(?:authors?|by|written\s+by|posted\s+by|byline|contributors?)\s*:?", re.I
)

# Meta names that carry the author beyond Readability's vocabulary (newsletter and analytics tags, Highwire
# Press citation tags for papers), read after it and before page markup; repeated tags name co-authors.
BYLINE_META_NAMES = ("sailthru.author", "cxenseparse:author", "citation_author")

# Author field values that are the author's profile page, not a name.
BYLINE_URL_PREFIXES = ("http://", "https://")

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
# ...when it is this short (longer link text is a teaser or a bio)...
MAX_AUTHOR_LINK_CHARS = 50
# ...and longer than this (a single character is an icon or an initial, not a name).
MIN_AUTHOR_LINK_CHARS = 1

# Words around a byline's name that are no part of it: a link-to-archive phrase before it ("View all posts by",
# "Read more about"), a role label behind a separator after it ("| Author"), wrapping quotes.
# (The unanchored alternatives start a run only where it begins: tried from inside it, each would rescan the run.)
BYLINE_NOISE_RE = re.compile(
    r"^(?:(?:view|see)\s++(?:all\s++)?(?:posts|articles|stories)\s++by|(?:more|articles|posts|stories)\s++(?:from|by)"
    r"|read\s++more\s++(?:about|from|by))\s++|(?<!\s)\s*+[|•·]\s*+(?:author|writer|editor|contributor)s?$"
    r"|^[\"“”']++|(?<![\"“”'])[\"“”']++$",
    re.I,
)

# --- dates: the publication date ---------------------------------------------------------------------------

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

# How many datePublished or <time datetime> elements, in document order, are read for a date: further down the
# page, one dates a comment or a related story rather than the article.
DATE_MARKUP_CANDIDATES = 3

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
# The length of an ISO date without a time ("2024-05-22"): such a value stays a date, not midnight.
ISO_DATE_CHARS = len("YYYY-MM-DD")

# A date inside a longer date value, for what no layout above reads ("on Friday December 19, 2025 @08:00PM",
# "Dec 17th 2025", "19 December 2025"): a month name and a day in either order, then the year.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_IN_TEXT_RE = re.compile(
    rf"\b(?:(?P<month_first>{_MONTH})\s+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_second>{_MONTH})),?\s+(?P<year>\d{{4}})\b",
    re.I,
)
# English month abbreviations by number, for DATE_IN_TEXT_RE's month names (calendar.month_abbr follows the
# process locale).
MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
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
# Text a reader never sees as such: a script's or style's source, a template's or noscript's fallback.
UNSEEN_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})

# A date in the page address (/2024/05/22/): taken when the markup has no publication date.
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")

# --- title -------------------------------------------------------------------------------------------------

# Separators sites put between the headline and the site name in <title>.
# (Tried at the start of a whitespace run only: from every space of a long run the search would rescan it.)
TITLE_SEPARATOR_RE = re.compile(r"(?<!\s)\s++[|\-–—:·»/]\s+")
# "Headline | Site": the part before the separator is the headline when it has this many words (Readability's
# rule: shorter, it is a section name or the site's own).
TITLE_MIN_HEADLINE_WORDS = 3
# A title that is one run of lower-case words joined by hyphens or underscores ('adac-kindersitztest-herbst-2018'):
# an address slug a CMS put in og:title, never a headline; the next source's title is taken (anchored at the start, so
# a search tries one position: unanchored, a run of digits made it quadratic).
TITLE_SLUG_RE = re.compile(r"\A[a-z0-9]++(?:[-_][a-z0-9]++){2,}+")

# --- language: lang and dir --------------------------------------------------------------------------------

# Right-to-left scripts by ISO 639-1 code, for pages that give a language but no dir attribute.
RTL_LANGS = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ku", "ckb", "iw"})
# The dir values a page may give; anything else is read as no dir at all.
TEXT_DIRECTIONS = ("ltr", "rtl")

# --- cleaning: every value's last step ---------------------------------------------------------------------

# C0 and C1 controls (a terminal obeys them) and bidi embeddings, overrides and isolates: formatting, not
# letters, so an RTL title reads the same without them, while an unclosed one can spoof.
CONTROL_CODE_POINTS = (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
# The same in an address (and the space), percent-encoded as a browser would send them.
URL_UNSAFE_RE = re.compile("[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Addresses a lead image may have: a reader can load these, and no other scheme is safe to hand on.
WEB_URL_PREFIXES = ("http://", "https://")
