"""readability's tests of single elements, as our overrides in readability.py run them faster: its class and id
words (positive, negative; the unlikely ones and their exception Readability.js's), its div-to-paragraph block
test, its unlikely-candidate exemptions and the opening its call-to-action test reads."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from urllib.parse import urljoin, urlsplit

import re2
from lxml import etree
from lxml.html import HtmlElement
from readability.readability import REGEXES

from ..domains import is_other_site, registrable_domain
from ..rules.selectors.index import nodes_at, nul_joined
from ..rules.selectors.selector import in_document_order
from .constants import (
    ATTRIBUTION_DASHES,
    BUTTON_LINK_CLASS_RE,
    CALL_TO_ACTION_OPENING_CHARS,
    CLASS_WEIGHT,
    CLOSING_QUOTATION_MARKS,
    CONTENTS_MIN_LINK_SHARE,
    CONTENTS_MIN_LINKS,
    DATA_TABLE_MAX_LAYOUT_COLUMNS,
    DATA_TABLE_MIN_CELLS,
    DATA_TABLE_MIN_ROWS,
    DIV_PARAGRAPH_MAX_LINK_DENSITY,
    IMAGE_BLOCK_MAX_LINK_DENSITY,
    IMAGE_BLOCK_MAX_LINKS,
    IMAGE_FILE_SUFFIXES,
    LINK_LINE_LIST_MIN_RUN,
    LINK_LINE_MAX_OWN_WORDS,
    SAME_PAGE_PATH_ENDS,
    SHORT_LINE_END_RE,
    SOURCE_HEADING_MAX_LEVELS,
    SOURCE_HEADING_MAX_WORDS,
    SOURCE_LINE_LABELS,
    SOURCE_LINE_MIN_LINK_WORDS,
    SOURCE_LINES_MIN_RUN,
    SOURCE_WORD_PUNCTUATION,
    SOURCE_WORDS,
    STORY_SLUG_MIN_WORDS,
    TEXT_UTILITY_PREFIX,
    TEXT_UTILITY_SHADE_DIGITS,
    TEXT_UTILITY_VALUES,
)
from .measure import HAS_IMAGE, IN_FIGURE, element_text, is_in_page_link, link_density

# readability's div-to-paragraph test: a descendant whose tag starts like one of these (its regex runs over
# the serialized children, so "<p" also catches pre, picture, param...).
_BLOCK_TAG_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_FRAME_TAGS = ("main", "article", "math")
# A table holding one of these is a data table (Readability.js's dataTableDescendants).
_DATA_TABLE_TAGS = ("col", "colgroup", "tfoot", "thead", "th")

# readability's class and id words as case-sensitive patterns run over lowercased values (a case-insensitive
# alternation is several times slower). The unlikely words and their exception are Readability.js's (0.6.0,
# REGEXPS.unlikelyCandidates and okMaybeItsACandidate), Firefox's reader view: it drops banners, breadcrumbs,
# related and social blocks readability-lxml keeps, and keeps the embedded tweets ('tweet', 'twitter') it drops.
# Plain words (a test checks), searched as one RE2 alternation.
UNLIKELY_WORDS = (
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote",
)  # fmt: skip
_NEGATIVE_RE = re.compile(REGEXES["negativeRe"].pattern)
_POSITIVE_RE = re.compile(REGEXES["positiveRe"].pattern)
_MAYBE_CONTENT_RE = re.compile("and|article|body|column|content|main|mathjax|shadow")
CALL_TO_ACTION_RE = REGEXES["callToActionRe"]
# The unlikely words, then the rest of the value they are in (case-sensitive: the values are lowercased first, as
# Python lowercases them; RE2's case folding would also take 'ſidebar').
_UNLIKELY_VALUE_RE = re2.compile(f"(?:{'|'.join(map(re.escape, UNLIKELY_WORDS))})[^\\x00]*".encode())


# A live commentary's names ('live-match-comment-body', 'livecomments', 'live-commentary'): a match's or a live
# blog's minute by minute is the story, not readers' comments (a comment vendor's 'livefyre-commentcount' is not one).
_LIVE_COMMENTARY_RE = re.compile(r"live-?(?:match-?)?comment(?:s|ary)?(?![a-z])")


@lru_cache(maxsize=8192)
def may_be_content(names: str) -> bool:
    """Readability.js's exception to its unlikely test, on "class id" ("article", "content", "main"...); changed: a
    live commentary's entries too (_LIVE_COMMENTARY_RE)."""
    lowered = names.lower()
    return bool(_MAYBE_CONTENT_RE.search(lowered) or _LIVE_COMMENTARY_RE.search(lowered))


@lru_cache(maxsize=8192)
def class_and_id_weight(class_name: str | None, element_id: str | None) -> int:
    """readability's class_weight (we pass it no extra keywords), remembered per class and id pair; the class's
    text utilities of utility-first CSS (is_text_utility) left out."""
    weight = 0
    if class_name:
        class_name = without_text_utilities(class_name.lower())
    for feature in (class_name, element_id):
        if feature:
            # A live commentary's 'comment' is the story's word, not the negative one (_LIVE_COMMENTARY_RE).
            feature = _LIVE_COMMENTARY_RE.sub("live", feature.lower())
            if _NEGATIVE_RE.search(feature):
                weight -= CLASS_WEIGHT
            if _POSITIVE_RE.search(feature):
                weight += CLASS_WEIGHT
    return weight


def without_text_utilities(class_name: str) -> str:
    """The class value without its text utilities (is_text_utility)."""
    tokens = class_name.split()
    kept = [token for token in tokens if not is_text_utility(token)]
    return class_name if len(kept) == len(tokens) else " ".join(kept)


def is_text_utility(token: str) -> bool:
    """Whether a lowercase class token is a text utility of utility-first CSS (see TEXT_UTILITY_VALUES), after its
    variant prefixes ('md:', 'hover:') and its negative sign."""
    base = token.rpartition(":")[2].removeprefix("-")
    if not base.startswith(TEXT_UTILITY_PREFIX):
        return False
    value = base[len(TEXT_UTILITY_PREFIX) :]
    if value in TEXT_UTILITY_VALUES or (value.startswith("[") and value.endswith("]")):
        return True
    # A colour and its shade, with an opacity or not: 'gray-700', 'sky-500/50'.
    colour, _, shade = value.rpartition("-")
    digits, _, opacity = shade.partition("/")
    shortest, longest = TEXT_UTILITY_SHADE_DIGITS
    return (
        colour.isascii()
        and colour.isalpha()
        and digits.isdigit()
        and shortest <= len(digits) <= longest
        and (not opacity or opacity.isdigit())
    )


def has_unlikely_word(names: str) -> bool:
    """Whether "class id" holds one of the unlikely words (Readability.js's exception not applied)."""
    lowered = names.lower()
    return any(word in lowered for word in UNLIKELY_WORDS)


def unlikely_value_indexes(values: list[str]) -> list[int]:
    """The indexes, in order, of the values (each element's "class id" string) holding one of the unlikely words in
    lowercase: one RE2 search over the values, each opened by a NUL as the page index's text nodes are (nodes_at).
    (No value holds a NUL, libxml2's string end; lowercasing the joined string lowercases each value alike: no case
    rule looks across a NUL, so one lower() of the joined values serves: ~1.8x cheaper than one per value.)"""
    return nodes_at(nul_joined(["\0".join(values).lower()]), _UNLIKELY_VALUE_RE)


def unlikely_named_elements(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The elements under root (itself included) whose "class id" holds an unlikely word (unlikely_value_indexes), in
    document order, each with that string. No unlikely word holds a space, so an element's "class id" holds one when
    its class or its id does: each attribute's values are searched (one walk each, every value knowing its element),
    and only the elements of the values found are read: a walk reading every element's class and id cost 1.5x as
    much, an XPath predicate on every element more, and a union of an @class and an @id path has libxml2 merge its
    halves testing every pair for duplicates (quadratic)."""
    found = []
    for values_of in _VALUES_OF:
        values = values_of(root)
        found.append([values[i].getparent() for i in unlikely_value_indexes(values)])
    return [(e, f"{e.get('class') or ''} {e.get('id') or ''}") for e in in_document_order(root, found)]


_VALUES_OF = (etree.XPath("descendant-or-self::*/@class"), etree.XPath("descendant-or-self::*/@id"))


# Every link's class value under a node (no object per link), searched one a line: MULTILINE puts ^ and $ at each
# value's ends too, and no match spans two values (the words hold no newline; a newline within a value is \s to both).
_LINK_CLASSES = etree.XPath("descendant::a/@class", smart_strings=False)
_BUTTON_CLASS_LINE_RE = re.compile(BUTTON_LINK_CLASS_RE.pattern, re.IGNORECASE | re.MULTILINE)


def may_hold_button_links(node: HtmlElement) -> bool:
    """Whether a link under the node has a button's class (BUTTON_LINK_CLASS_RE): one XPath and one search, ~2.5x
    cheaper than reading each link's class on a page of thousands of links (most pages have no such link)."""
    return _BUTTON_CLASS_LINE_RE.search("\n".join(_LINK_CLASSES(node))) is not None


def inside_dropped_or_code(element: HtmlElement, dropped: HtmlElement | None) -> bool:
    """Whether the element is, or sits in, a <pre> or <code>, or sits in the dropped element. Two walks up in C (the
    tag test builds no object for the other ancestors; 'in' compares by identity): ~2x cheaper than one in Python."""
    return (
        element.tag in ("pre", "code")
        or next(element.iterancestors("pre", "code"), None) is not None
        or (dropped is not None and dropped in element.iterancestors())
    )


def holds_frame(element: HtmlElement) -> bool:
    """Whether the element is, or holds, a <main>, <article> or <math>."""
    return element.tag in _FRAME_TAGS or next(element.iterdescendants(*_FRAME_TAGS), None) is not None


def has_block_descendant(element: HtmlElement) -> bool:
    """Whether a descendant's tag starts like one of readability's block tags."""
    # A plain loop over an unfiltered iterator: cheaper than any() over a generator and a type-filtered iterator.
    descendants = element.iter()
    next(descendants)  # the element itself
    for elem in descendants:
        tag = elem.tag
        if isinstance(tag, str) and tag.startswith(_BLOCK_TAG_PREFIXES):
            return True
    return False


def opening(element: HtmlElement) -> str:
    """The element's text, or its own leading text when that holds CALL_TO_ACTION_OPENING_CHARS characters past
    its leading spaces (all the call-to-action test reads)."""
    text = element.text
    if text is not None and len(text.lstrip()) >= CALL_TO_ACTION_OPENING_CHARS:
        return text
    return element_text(element)


# The links whose href starts with '#', in document order: in-page links are among them, and a page of thousands of
# links holds a few hundred at most (no object for the others).
_HASH_LINKS = etree.XPath("descendant-or-self::a[starts-with(@href, '#')]")
# What a contents box is written as: a paragraph (a div of links and line breaks made one), a div, a <nav>.
_CONTENTS_BOX_TAGS = frozenset({"p", "div", "nav"})
_LIST_TAGS = frozenset({"ul", "ol", "li", "dl", "dt", "dd"})


def contents_boxes(root: HtmlElement) -> list[HtmlElement]:
    """The story's tables of contents written as lines of links (not a list: Readability.js keeps one), outermost
    only: each the widest block above an in-page link, up an unbroken line of paragraphs, divs and navs that hold
    CONTENTS_MIN_LINKS links or more, all of them in-page, making CONTENTS_MIN_LINK_SHARE of the block's text or more.
    A footnote's mark, a heading linking to itself, a 'back to top' line hold fewer; a paragraph citing footnotes
    holds more text than links. sanitize drops them before its link test, which they would fail and take the
    story's text around them with them."""
    verdicts: dict[HtmlElement, bool] = {}  # each block judged once: its links share it

    def is_box(block: HtmlElement) -> bool:
        if block not in verdicts:
            links = list(block.iter("a"))
            verdicts[block] = (
                len(links) >= CONTENTS_MIN_LINKS
                and all(is_in_page_link(link) for link in links)
                and link_density(block) >= CONTENTS_MIN_LINK_SHARE
            )
        return verdicts[block]

    boxes: dict[HtmlElement, None] = {}  # a dict: document order, each once
    for link in _HASH_LINKS(root):
        if not is_in_page_link(link):
            continue
        widest = None
        for block in link.iterancestors():
            if block is root:
                break
            if block.tag in _LIST_TAGS:
                break  # a list of them stays, as Readability.js keeps one (its link test spares lists)
            if block.tag not in _CONTENTS_BOX_TAGS:
                continue  # a span, a <strong>: the block above says
            if not is_box(block):
                break
            widest = block
        if widest is not None:
            boxes[widest] = None
    return [box for box in boxes if not any(ancestor in boxes for ancestor in box.iterancestors())]


def data_tables(root: HtmlElement) -> list[HtmlElement]:
    """The tables under root that hold data rather than layout, as Readability.js's _markDataTables tells them: not
    role=presentation nor datatable=0; a summary, a caption, a header cell or column group says data; a table
    holding a table is layout, and so is a single row or column; else many rows or columns, or cells enough."""
    found = []
    for table in root.iter("table"):
        if table.get("role") == "presentation" or table.get("datatable") == "0":
            continue
        caption = next(table.iter("caption"), None)
        if (
            table.get("summary")
            or (caption is not None and (len(caption) or caption.text))
            or next(table.iter(*_DATA_TABLE_TAGS), None) is not None
        ):
            found.append(table)
            continue
        if next(table.iterdescendants("table"), None) is not None:
            continue
        rows, columns = _rows_and_columns(table)
        if rows == 1 or columns == 1:
            continue
        many = rows >= DATA_TABLE_MIN_ROWS or columns > DATA_TABLE_MAX_LAYOUT_COLUMNS
        if many or rows * columns > DATA_TABLE_MIN_CELLS:
            found.append(table)
    return found


def _rows_and_columns(table: HtmlElement) -> tuple[int, int]:
    """Readability.js's count of a table's rows (rowspans counted) and of the cells of its widest row (colspans)."""
    rows = columns = 0
    for row in table.iter("tr"):
        rows += _span(row.get("rowspan"))
        columns = max(columns, sum(_span(cell.get("colspan")) for cell in row.iter("td")))
    return rows, columns


def _span(value: str | None) -> int:
    """A rowspan or colspan as Readability.js reads it: its leading integer, 1 when absent, zero or unreadable."""
    digits = (value or "").strip()
    end = 0
    while end < len(digits) and digits[end].isdigit():
        end += 1
    return int(digits[:end]) if end and int(digits[:end]) else 1


def is_link_line(div: HtmlElement) -> bool:
    """Whether a div of inline content only is mostly links (DIV_PARAGRAPH_MAX_LINK_DENSITY or more): Readability.js
    makes such a div no paragraph but keeps it a div around one, which its conditional cleaning then judges (a
    'Main article: ...' note, a line of related links); readability-lxml makes every such div a paragraph, never
    cleaned."""
    # Most such divs hold no link: a walk in C tells, before link_density's XPath.
    return next(div.iter("a"), None) is not None and link_density(div) >= DIV_PARAGRAPH_MAX_LINK_DENSITY


def is_bare_link_line(line: HtmlElement) -> bool:
    """Whether a link line (is_link_line) says little besides its links, so the conditional cleaning may drop it: at
    most LINK_LINE_MAX_OWN_WORDS words outside them, no sentence ending there ('Additional reporting by <a>…</a>.',
    '<a>Union Station</a> on Tuesday.'), and no caption or attribution of the image or quote before or around it."""
    own_text = text_outside_links(line).strip()
    if len(own_text.split()) > LINK_LINE_MAX_OWN_WORDS or SHORT_LINE_END_RE.search(own_text):
        return False
    previous = line.getprevious()
    if previous is None:
        return next(line.iterancestors("figure"), None) is None
    # The speaker of the quote the paragraph before ends in ('— <a>Jane Doe</a>, mayor').
    if own_text.startswith(ATTRIBUTION_DASHES) and previous.tag == "p" and _ends_in_quotation(previous):
        return False
    # After an image or a quote, or after the words of the quote holding it ('— <a>Jane Doe</a>, mayor').
    attributes = previous.tag in ("blockquote", "figure") or HAS_IMAGE(previous)
    return not attributes and next(line.iterancestors("blockquote", "figure"), None) is None


def _ends_in_quotation(paragraph: HtmlElement) -> bool:
    """Whether the paragraph's text ends in a closing quotation mark (after the sentence's own end, if any)."""
    return element_text(paragraph).rstrip().endswith(CLOSING_QUOTATION_MARKS)


def link_line_runs(lines: list[HtmlElement], host: str | None = None) -> set[HtmlElement]:
    """The link lines (in document order) standing in a run of LINK_LINE_LIST_MIN_RUN or more sibling link lines, with
    nothing but spaces between them: a list written as divs (ingredients, steps, sources), which the conditional
    cleaning spares as it spares <ul> and <ol>. A run of SOURCE_LINES_MIN_RUN is one too when it is named a story's
    sources (is_named_sources) and each line cites another site than the host's (cites_other_sites; host: the page's,
    without which none does): a 'Related:' and 'More:' pair, to this site or another, is none. Each line is visited
    once."""
    members = set(lines)
    in_runs: set[HtmlElement] = set()
    seen: set[HtmlElement] = set()
    for line in lines:
        if line in seen:
            continue
        run = [line]
        following = line.getnext()
        while following is not None and following in members and not (run[-1].tail or "").strip():
            run.append(following)
            following = following.getnext()
        seen.update(run)
        if len(run) >= LINK_LINE_LIST_MIN_RUN or (
            len(run) >= SOURCE_LINES_MIN_RUN
            and is_named_sources(run)
            and all(cites_other_sites(member, host) for member in run)
        ):
            in_runs.update(run)
    return in_runs


def wraps_lines(block: HtmlElement, lines: set[HtmlElement]) -> bool:
    """Whether the block holds the lines of a list (link_line_runs' lines) and nothing else but spaces."""
    children = list(block)
    return (
        bool(children)
        and all(child in lines and not (child.tail or "").strip() for child in children)
        and not (block.text or "").strip()
    )


def is_named_sources(run: list[HtmlElement]) -> bool:
    """Whether a run of link lines is named a story's sources: a heading right before the run, or before the wrapper
    it opens, says so in a few words ('Sources:', 'Sources and references'); or its first line opens with one of
    SOURCE_WORDS outside its links ('Source: <a>...</a>', '(Quellen: <a>...</a>)') and each later line says nothing
    besides its links or opens with a source or data label ('Data: <a>...</a>'): that label names its own line only,
    and an ad line after it ('Sponsored: <a>...</a>') is none."""
    first = run[0]
    if _is_source_label(first) and all(
        _is_source_label(line, SOURCE_LINE_LABELS) or not _own_words(line) for line in run[1:]
    ):
        return True
    opening, level = first, 0
    previous = opening.getprevious()
    # The run opening its wrapper, nothing before it there: the heading stands before the wrapper.
    while previous is None and level < SOURCE_HEADING_MAX_LEVELS and opening.getparent() is not None:
        opening, level = opening.getparent(), level + 1
        if (opening.text or "").strip():
            return False
        previous = opening.getprevious()
    if previous is None or (previous.tail or "").strip():
        return False
    heading = _words(element_text(previous))
    return len(heading) <= SOURCE_HEADING_MAX_WORDS and any(_is_source_word(word) for word in heading)


def _is_source_label(line: HtmlElement, labels: frozenset[str] = SOURCE_WORDS) -> bool:
    """Whether the line opens with one of the labels, outside its links."""
    own_words = text_outside_links(line).split()
    return (
        bool(own_words)
        and _is_source_word(own_words[0], labels)
        and element_text(line).lstrip().startswith(own_words[0])
    )


def _own_words(line: HtmlElement) -> list[str]:
    """The line's words outside its links: tokens with a letter ('[2]', '·' and '–' are none)."""
    return _words(text_outside_links(line))


def _words(text: str) -> list[str]:
    return [token for token in text.split() if any(character.isalpha() for character in token)]


def _is_source_word(word: str, labels: frozenset[str] = SOURCE_WORDS) -> bool:
    return word.strip(SOURCE_WORD_PUNCTUATION).lower() in labels


def cites_other_sites(line: HtmlElement, host: str | None) -> bool:
    """Whether every link of a line leads to another site than the host's (domains.is_other_site) and its links say a
    title's SOURCE_LINE_MIN_LINK_WORDS words or more: a source cited ('WWF (2020): <a>Living Planet Report</a>'), not a
    profile on a social network ('<a>Facebook</a>')."""
    link_words = 0
    for link in line.iter("a"):
        if not is_other_site(link.get("href") or "", host):
            return False
        link_words += len(element_text(link).split())
    return link_words >= SOURCE_LINE_MIN_LINK_WORDS


def image_block_stays(block: HtmlElement, length: int, pages_below: PagesBelow | None = None) -> bool:
    """Whether a block holding an image is a photo to keep rather than teaser cards or a list of links with icons: a
    captioned figure or what a figure holds stays, and so does a block of no more than IMAGE_BLOCK_MAX_LINKS links with
    no more than IMAGE_BLOCK_MAX_LINK_DENSITY of its text in card links. A card is an image linking to a page and its
    headline linking there too, in the same link or another, so a link counts only when a link holding an image goes
    to its address (a caption's or a credit's links to their subjects count not), or when its one address is all the
    block says (a shop button beside a logo). Links to image files are full-size photos, no cards, and so are links to
    pages below the story's address (pages_below, the document's): a gallery whose captions sit inside links to each
    photo's page."""
    if IN_FIGURE(block) or next(block.iter("figcaption"), None) is not None:
        return True
    every_link = list(islice(block.iter("a"), IMAGE_BLOCK_MAX_LINKS + 1))
    if len(every_link) > IMAGE_BLOCK_MAX_LINKS:
        return False
    links = [
        link
        for link in every_link
        if not _is_image_file(link.get("href") or "")
        and not (pages_below is not None and pages_below.holds(link.get("href") or ""))
    ]
    image_targets = {link.get("href") for link in links if next(link.iter("img"), None) is not None}
    if len({link.get("href") for link in links}) == 1 and not text_outside_links(block).strip():
        image_targets.add(links[0].get("href"))
    return link_density(block, length, lambda link: link.get("href") in image_targets) <= IMAGE_BLOCK_MAX_LINK_DENSITY


def _is_image_file(href: str) -> bool:
    return href.split("#", 1)[0].split("?", 1)[0].lower().endswith(IMAGE_FILE_SUFFIXES)


class PagesBelow:
    """The pages below a story's address ('photo-2/', '/2026/05/festival/photo-2/': a gallery's photo pages, never
    another story), the address split once per document. The story itself with a query or fragment (a jump link, a
    print view) is none of them, and an address that is no story's (_story_path: a site's root, a section front, a
    topic hub) has none: the site's stories are below it."""

    def __init__(self, page_url: str | None) -> None:
        self.page_url = page_url or ""
        self.domain: str | None = None
        self.below: str | None = None  # the story's path and a slash
        # An answer per address: nested blocks read the same links again, a page repeats its links.
        self._answers: dict[str, bool] = {}
        try:
            parts = urlsplit(self.page_url)
            host = parts.hostname
        except ValueError:
            return
        path = _story_path(parts.path) if host and parts.scheme.lower() in ("http", "https") else None
        if path is not None:
            self.domain, self.below = registrable_domain(host), path + "/"

    def holds(self, href: str) -> bool:
        """Whether the link leads to a page below the story's address, on its site (its registrable domain)."""
        if self.below is None or not href:
            return False
        answer = self._answers.get(href)
        if answer is None:
            answer = self._answers[href] = self._is_page_below(href.strip())
        return answer

    def _is_page_below(self, href: str) -> bool:
        if href.startswith(("#", "?")):
            return False  # this page itself
        try:
            target = urlsplit(urljoin(self.page_url, href))
            host = target.hostname
        except ValueError:
            return False
        if target.scheme.lower() not in ("http", "https") or registrable_domain(host) != self.domain:
            return False
        return target.path.startswith(self.below) and len(target.path) > len(self.below)


def _story_path(path: str) -> str | None:
    """The path of a story's address without its slash, index file or AMP view ('/2026/05/festival'); None when it
    looks like no story's: a segment of digits (a date) before a last one of words, or a last segment of
    STORY_SLUG_MIN_WORDS hyphenated words, tell a story from a section front ('/news/'), a date's archive
    ('/2026/05/') or a topic hub ('/politics/elections-2024')."""
    path = path.rstrip("/")
    lowered = path.lower()
    for end in SAME_PAGE_PATH_ENDS:
        if lowered.endswith(end):
            path = path[: -len(end)].rstrip("/")
            break
    segments = path.strip("/").split("/") if path.strip("/") else []
    if not segments:
        return None
    dated = any(segment.isdigit() for segment in segments[:-1]) and not segments[-1].isdigit()
    slug = sum(1 for word in segments[-1].split("-") if word) >= STORY_SLUG_MIN_WORDS
    return path if dated or slug else None


def text_outside_links(element: HtmlElement) -> str:
    """The element's text with its links' text left out (their tails kept)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag != "a":
            parts.append(text_outside_links(child))
        parts.append(child.tail or "")
    return "".join(parts)


_SLUG_WORD_RE = re.compile(r"[^\W_]+")


def heading_weight(heading: HtmlElement) -> int:
    """The heading's class weight, its id's negative weight left out when the id is its own text made an anchor
    (id_is_own_text: "1.-ai-shines-a-light-on-cumbersome-toolchains"): the story's words, not the site's markup, which
    readability's negative words ('tool', 'foot', 'media') would read as clutter; a positive one still counts
    (class='anchor tooltip-target' id='main-findings' weighs 0, as in readability)."""
    weight = class_and_id_weight(heading.get("class"), heading.get("id"))
    if id_is_own_text(heading):
        return max(weight, class_and_id_weight(heading.get("class"), None))
    return weight


def id_is_own_text(element: HtmlElement) -> bool:
    """Whether every word of the element's id is in its text (an anchor made from a heading's words)."""
    element_id = element.get("id")
    if not element_id:
        return False
    id_words = _SLUG_WORD_RE.findall(element_id.lower())
    text_words = set(_SLUG_WORD_RE.findall(element_text(element).lower()))
    return bool(id_words) and all(word in text_words for word in id_words)


def is_unlikely_value(value: str) -> bool:
    """Whether a class or id value holds one of the unlikely words."""
    return _UNLIKELY_VALUE_RE.search(value.lower().encode("utf-8", "surrogatepass")) is not None


def heads_its_block(header: HtmlElement) -> bool:
    """Whether an element opens its block: a sibling holding text follows it (a header whose form went, a sign-up box's
    heading, heads nothing)."""
    return any(element_text(sibling).strip() for sibling in header.itersiblings())


def headers_heading_something(node: HtmlElement) -> set[HtmlElement]:
    """The <header> elements under node followed by a sibling element (a block, a form, an empty form holder a script
    fills): the ones heading something, told before the cleaning drops what they head."""
    return {
        header
        for header in node.iterdescendants("header")
        if any(isinstance(sibling.tag, str) for sibling in header.itersiblings())
    }
