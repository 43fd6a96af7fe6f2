"""Structural passes of the generic layer: clutter found by its shape, in any language, where no selector can say
it. Each pass is a named function with its reason; declutter() runs them when the generic layer applies: teaser_cards
and link_paragraphs before the rules (FIRST_STRUCTURAL_PASSES), the others after them (STRUCTURAL_PASSES).

- teaser_cards: a link to another page of this site around a headline (an h2, h3 or h4 of more than
  TEASER_MIN_HEADING_CHARS characters) leads to another story, in any language; the story's own subheadings are never
  inside a link.
- link_paragraphs: the read-more list a story ends with, written as paragraphs or as a short list: a short label line
  ending in a colon and a run of paragraphs, or a list of at least two items, each one headline link to this site.
- recirculation_lists: lists of links to other stories of the same site (related, most read, more from), inside or
  beside the article: every item a headline-length link and little else, at least three of them; the heading just
  before such a list goes with it.
- caption_credits: the picture credit that ends a caption ('... Klemmer. Foto: GdP/Hagen Immel', '... © Ruth Röder /
  Clipdealer', '(REUTERS/Denis Balibouse)'): the caption stays, its credit goes; a caption that is only a credit goes.
- banner_figures: a figure whose every picture links to another site than the page's and the picture's own, with a
  short call for a caption at most ('Jetzt neu! Besuchen Sie unseren Fan-Shop!'): a shop's or a campaign's banner.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ..domains import link_host, registrable_domain
from ..limits import NO_DEADLINE, Deadline
from .constants import (
    BANNER_MAX_WORDS,
    CAPTION_MAX_WORDS,
    CREDIT_LABELS,
    CREDIT_MAX_CHARS,
    CREDIT_MAX_WORDS,
    DOCUMENT_SUFFIXES,
    IMAGE_SUFFIXES,
    LINK_RUN_MAX_LABEL_WORDS,
    LINK_RUN_MIN_PARAGRAPHS,
    LINK_RUN_STORY_WORDS,
    RECIRCULATION_MAX_HEADING_WORDS,
    RECIRCULATION_MAX_WORDS,
    RECIRCULATION_MIN_HEADLINE_WORDS,
    RECIRCULATION_MIN_ITEMS,
    RECIRCULATION_MIN_LINK_SHARE,
    TEASER_MAX_WORDS,
    TEASER_MIN_HEADING_CHARS,
)
from .literals import alternation_of
from .selectors import PageIndex, element_text

log = logging.getLogger(__name__)

_CHROME = ("nav", "header", "footer")
_LIST_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# Inline elements a headline link may be wrapped in, or wrap, and still be the whole of its line.
_LINK_WRAPPERS = frozenset(("strong", "b", "em", "i", "span"))


def recirculation_lists(
    root: HtmlElement, host: str | None, deadline: Deadline = NO_DEADLINE, index: PageIndex | None = None
) -> list[HtmlElement]:
    """Lists whose items are each one link to another page of this site with a headline's words (at least
    RECIRCULATION_MIN_HEADLINE_WORDS on average, link text RECIRCULATION_MIN_LINK_SHARE of the item's), at most
    RECIRCULATION_MAX_WORDS in all: recirculation, never the story. A menu's one- and two-word items, a list of
    sources on other sites and an outline of in-page anchors are none of these. host: the page's (site_host). A list's
    heading goes with it (_list_heading): 'Related posts', 'Mais lidas', 'More on Wharton:' in any language."""
    found: list[HtmlElement] = []
    taken: set[HtmlElement] = set()  # found, for the ancestor test (a test in the list was quadratic in the lists)
    for candidate in deadline.paced(root.iter("ul", "ol")):
        if len(candidate) < RECIRCULATION_MIN_ITEMS or (taken and any(a in taken for a in candidate.iterancestors())):
            continue
        # Menus in the page's chrome never reach the article: taking them would only move readability's scores.
        # (Tested first: a walk up in C, where reading the list's words serializes all its text.)
        if next(candidate.iterancestors(*_CHROME), None) is None and _is_recirculation(candidate, host):
            found.append(candidate)
            taken.add(candidate)
    story_follows: dict[HtmlElement, bool] = {}
    story_preceded: dict[HtmlElement, bool] = {}
    headings = (_list_heading(found_list, story_follows, story_preceded) for found_list in found)
    return found + [heading for heading in headings if heading is not None]


def _list_heading(
    found_list: HtmlElement, story_follows: dict[HtmlElement, bool], story_preceded: dict[HtmlElement, bool]
) -> HtmlElement | None:
    """The heading just before a recirculation list (h2 to h6, nothing between them, RECIRCULATION_MAX_HEADING_WORDS
    words at most): it titles the list and goes with it, unless it opens a section the story goes on in (no paragraph
    of the story before the heading among its siblings, one after the list: story_goes_on; a figure may stand
    between them). In mid-story, with the story before and after, it titled the list only ('Related stories')."""
    heading = found_list.getprevious()
    if heading is None or heading.tag not in _LIST_HEADINGS or (heading.tail or "").strip():
        return None
    if len(element_text(heading).split(None, RECIRCULATION_MAX_HEADING_WORDS)) > RECIRCULATION_MAX_HEADING_WORDS:
        return None
    if story_goes_on(found_list, story_follows) and not _story_beside(heading, story_preceded, iter):
        return None
    return heading


def _is_recirculation(candidate: HtmlElement, host: str | None) -> bool:
    items = [child for child in candidate if child.tag == "li"]
    if len(items) < RECIRCULATION_MIN_ITEMS or len(items) != len(candidate):
        return False
    # One count of the whole list's words rules out menus (too few a link) and long lists before any item is read.
    words = len(element_text(candidate).split(None, RECIRCULATION_MAX_WORDS))
    if words > RECIRCULATION_MAX_WORDS or words < RECIRCULATION_MIN_HEADLINE_WORDS * len(items):
        return False
    total_words = link_words = 0
    for item in items:
        links = list(item.iter("a"))
        # One story an item: its image and its headline may both link to it.
        if not links or len({link.get("href") for link in links}) != 1 or not _same_site(links[0].get("href"), host):
            return False
        item_words = len(element_text(item).split())
        words = sum(len(element_text(link).split()) for link in links)
        total_words += item_words
        link_words += words
        if total_words > RECIRCULATION_MAX_WORDS:
            return False
    return (
        link_words >= RECIRCULATION_MIN_LINK_SHARE * total_words
        and link_words >= RECIRCULATION_MIN_HEADLINE_WORDS * len(items)
    )


def link_paragraphs(
    root: HtmlElement, host: str | None, deadline: Deadline = NO_DEADLINE, index: PageIndex | None = None
) -> list[HtmlElement]:
    """Runs of at least LINK_RUN_MIN_PARAGRAPHS sibling paragraphs, each one link to another page of this site with a
    headline's words and nothing else (never to a document: DOCUMENT_SUFFIXES), and the short label line ending in a
    colon just before a run ('Mehr lesen:', 'Lue aiheesta lisää:'): the read-more list a story ends with, written as
    paragraphs instead of a list, or as a list of at least LINK_RUN_MIN_PARAGRAPHS items each one such link (its link
    in bold or not) under the label ('Verwandte Artikel:'). A run the story's paragraphs go on after is the story's
    ('Read the filings:', 'This year's award winners:')."""
    found: list[HtmlElement] = []
    run: list[HtmlElement] = []
    story_follows: dict[HtmlElement, bool] = {}  # each child of a run's parent -> a story paragraph comes after it
    for paragraph in deadline.paced(root.iter("p")):
        if not _is_headline_link(paragraph, host):
            continue
        if run and paragraph.getprevious() is run[-1] and not (run[-1].tail or "").strip():
            run.append(paragraph)
            continue
        _close_run(run, found, story_follows)
        run = [paragraph]
    _close_run(run, found, story_follows)
    # The same list written as a list: under its label, items that are each one headline link (fewer than
    # recirculation_lists needs, as the label says what they are).
    for headline_list in deadline.paced(root.iter("ul", "ol")):
        items = list(headline_list)
        if len(items) >= LINK_RUN_MIN_PARAGRAPHS and all(
            item.tag == "li" and _is_headline_link(item, host) for item in items
        ):
            _close_run([headline_list], found, story_follows, len(items))
    return found


def _is_headline_link(paragraph: HtmlElement, host: str | None) -> bool:
    """A paragraph that is one link to another page of this site, with at least RECIRCULATION_MIN_HEADLINE_WORDS."""
    if len(paragraph) != 1 or (paragraph.text or "").strip():
        return False
    link = paragraph[0]
    while link.tag in _LINK_WRAPPERS and len(link) == 1 and not (link.text or "").strip():
        if (link[0].tail or "").strip():
            return False
        link = link[0]  # '<li><strong><a>...</a></strong></li>' is one link too
    if link.tag != "a" or (link.tail or "").strip():
        return False
    # The words before the address: they rule out a menu's short links for less than parsing each one's address.
    if len(element_text(link).split(None, RECIRCULATION_MIN_HEADLINE_WORDS)) < RECIRCULATION_MIN_HEADLINE_WORDS:
        return False
    if not _same_site(link.get("href"), host):
        return False
    # The story's sources (a filing, a report), not other stories.
    return not urlsplit(link.get("href", "").strip()).path.lower().endswith(DOCUMENT_SUFFIXES)


def _close_run(
    run: list[HtmlElement], found: list[HtmlElement], story_follows: dict[HtmlElement, bool], links: int = 0
) -> None:
    """A run long enough (links: its count of headline links when it is one list), opened by its label line, goes
    with the label; any other run stays."""
    if (links or len(run)) < LINK_RUN_MIN_PARAGRAPHS:
        return
    label = run[0].getprevious()
    if label is None or not isinstance(label.tag, str) or (label.tail or "").strip():
        return
    text = element_text(label).strip()
    short_label = text.endswith(":") and len(text.split(None, LINK_RUN_MAX_LABEL_WORDS)) <= LINK_RUN_MAX_LABEL_WORDS
    if short_label and not story_goes_on(run[-1], story_follows):
        found.extend((label, *run))


def story_goes_on(last: HtmlElement, story_follows: dict[HtmlElement, bool]) -> bool:
    """Whether a paragraph of the story follows an element among its later siblings: one with LINK_RUN_STORY_WORDS words
    or more outside links (a label line or another run of links is no paragraph of the story). One backward pass over
    the parent's children answers for every run in it (a look ahead per run was quadratic in the runs)."""
    return _story_beside(last, story_follows, reversed)


def _story_beside(
    element: HtmlElement,
    story_seen: dict[HtmlElement, bool],
    order: Callable[[HtmlElement], Iterator[HtmlElement]],
) -> bool:
    """Whether a paragraph of the story stands among the element's siblings before it in the order (iter: the
    document's, so the ones before it; reversed: the ones after it), from one pass over the parent's children."""
    if element not in story_seen:
        parent = element.getparent()
        seen = False
        for child in order(parent) if parent is not None else (element,):
            story_seen[child] = seen
            seen = seen or (isinstance(child.tag, str) and _is_story_paragraph(child))
    return story_seen[element]


def _is_story_paragraph(element: HtmlElement) -> bool:
    words = len(element_text(element).split())
    if words < LINK_RUN_STORY_WORDS:
        return False
    return words - sum(len(element_text(link).split()) for link in element.iter("a")) >= LINK_RUN_STORY_WORDS


def site_host(root: HtmlElement) -> str | None:
    """The page's own host, from its canonical address or og:url, for a page clean() got without its address; read
    before declutter() strips the <link> elements."""
    address = site_address(root)
    return (urlsplit(address).hostname or "").removeprefix("www.") or None if address else None


def site_address(root: HtmlElement) -> str | None:
    """The page's own address: its canonical address or og:url, the first naming a host."""
    for address in _site_addresses(root):
        try:
            host = urlsplit(address.strip()).hostname
        except ValueError:
            continue
        if host:
            return address.strip()
    return None


def _site_addresses(root: HtmlElement) -> Iterator[str]:
    """The head's canonical link and og:url values in document order, read by a walk of the head's children (an
    XPath union of the two merges its node sets pair by pair: quadratic in a head of thousands of links)."""
    head = root.find("head") if root.tag == "html" else None
    for element in head.iterchildren("link", "meta") if head is not None else ():
        if element.tag == "link" and element.get("rel") == "canonical":
            address = element.get("href")
        elif element.tag == "meta" and element.get("property") == "og:url":
            address = element.get("content")
        else:
            continue
        if address is not None:
            yield address


def _same_site(href: str | None, host: str | None) -> bool:
    """A link to another page of this site: a path ('/politik/...', 'story.html'), or an address with the host's
    registrable domain (news.example.co.uk and sport.example.co.uk, never co.uk); none with a fragment."""
    if not href or "#" in href:
        return False  # a fragment: a table of contents of this page, not another story
    target = link_host(href)
    if target is None:
        return False  # javascript:, mailto:, tel:, data:... in any case: no page of this site
    return not target or (host is not None and registrable_domain(target) == registrable_domain(host))


# What a headline's length counts as words, as XPath's normalize-space() does (a no-break space is a character).
_HEADLINE_WORD = re.compile(r"[^ \t\n\r]+")


def teaser_cards(
    root: HtmlElement, host: str | None, deadline: Deadline = NO_DEADLINE, index: PageIndex | None = None
) -> list[HtmlElement]:
    """Teaser cards: links to another page of this site (_same_site; host: the page's, site_host) around a headline
    of more than TEASER_MIN_HEADING_CHARS characters, TEASER_MAX_WORDS words at most, so a card with a long excerpt
    stays (as do the one-word tabs of a data page). Walked from the headings up, each ancestor once, and a
    headline's characters counted only up to the limit, so nested headings, which share their text, cost linear
    time."""
    found: list[HtmlElement] = []
    walked: set[HtmlElement] = set()
    for heading in deadline.paced(root.iter("h2", "h3", "h4")):
        if not _longer_than(heading, TEASER_MIN_HEADING_CHARS):
            continue
        for ancestor in heading.iterancestors():
            if ancestor in walked:
                break  # walked from an earlier headline: its links are found already
            walked.add(ancestor)
            # Another site's card is the story's (a listicle's venues); a fragment after a path still leads away.
            if ancestor.tag == "a" and _same_site((ancestor.get("href") or "").partition("#")[0], host):
                found.append(ancestor)
    deadline.check()
    return [card for card in found if len(element_text(card).split(None, TEASER_MAX_WORDS)) <= TEASER_MAX_WORDS]


def _longer_than(element: HtmlElement, limit: int) -> bool:
    """Whether the element's text, spaces collapsed and trimmed as normalize-space() does, has more than `limit`
    characters; read piece by piece and word by word until it does."""
    length, space = 0, False  # space: a space separates the next word from the last one counted
    for piece in element.itertext():
        position = 0
        for word in _HEADLINE_WORD.finditer(piece):
            if length and (space or word.start() > position):
                length += 1
            length += word.end() - word.start()
            if length > limit:
                return True
            space, position = False, word.end()
        space = space or position < len(piece)
    return False


# WordPress caption boxes, whose caption paragraph is a caption, figure or not: their class values (getparent() is
# the box), half the cost of a predicate on every div. A path of one step: libxml2 evaluates '//figure//*', a union or
# a '..' step by merging node sets in quadratic time, so figures and parents are walked here.
_CAPTION_BOX_CLASS = "wp-caption"
_CAPTION_BOX_CLASSES = etree.XPath(f"/descendant::div/@class[contains(., '{_CAPTION_BOX_CLASS}')]")  # no text visited
_LABELS = alternation_of(word for words in CREDIT_LABELS.values() for word in words)
# The three shapes of a credit at a caption's end (searched in its last characters only): '©' and a name, a label,
# its colon and a name, an agency and a photographer in brackets ('(REUTERS/Denis Balibouse)', '(dpa/Foto: X)').
_COPYRIGHT_CREDIT = re.compile(rf"\(?©[^©]{{1,{CREDIT_MAX_CHARS}}}$")
_LABELLED_CREDIT = re.compile(
    rf"\(?(?<!\w)(?:{_LABELS})(?:\s*:\s*\S.{{0,{CREDIT_MAX_CHARS}}}|\s+via(?:\s+\S.{{0,{CREDIT_MAX_CHARS}}})?)$",
    re.IGNORECASE | re.DOTALL,
)
_AGENCY_CREDIT = re.compile(r"(?<=\s)\((?:[^()/\s][^()/]{0,40}/){1,3}[^()/]{1,40}\)\s*$")
# What may stand before a labelled credit: the caption's start, a comma, a sentence's end, a separator or a bracket.
_CREDIT_BOUNDARY = frozenset(',.!?…"”»)]-–—|/')
_WORD = re.compile(r"\w+")
_CREDIT_SEPARATOR = " \t\n\xa0,-–—|/"


def caption_credits(
    root: HtmlElement, host: str | None, deadline: Deadline = NO_DEADLINE, index: PageIndex | None = None
) -> list[HtmlElement]:
    """Captions' credits, each split off into an element of its own to be dropped (the caption's words stay), or the
    caption itself when it is only a credit. A caption (_captions) holds CAPTION_MAX_WORDS words at most; its credit
    is the end of its text after a separator, a comma or a sentence's end: '©' and a name, a label of CREDIT_LABELS
    and its colon and a name ('Foto: dpa', '(Photo: Reuters)') or 'via' and a name ('Bild via Vogue'; the name may
    be the link 'via' is), or an agency and a photographer in brackets. host: unused, as every pass takes it. index:
    the page's, whose class values (gathered before any removal: all the page's, and more) tell a page without
    caption boxes, whose search is then left out."""
    found: list[HtmlElement] = []
    boxes = index is None or index.root is not root or _CAPTION_BOX_CLASS in index.attribute_values("class")
    for caption in deadline.paced(_captions(root, boxes)):
        text = element_text(caption)
        if not text.strip() or len(text.split(None, CAPTION_MAX_WORDS)) > CAPTION_MAX_WORDS:
            continue
        start = _credit_start(text)
        if start is None:
            continue
        if not text[:start].strip():
            found.append(caption)  # a credit alone: the whole line goes
            continue
        credit = _split_off(caption, start)
        if credit is not None:
            found.append(credit)
    return found


def _captions(root: HtmlElement, boxes: bool = True) -> Iterator[HtmlElement]:
    """Every caption once: a figure's <figcaption>, an element inside a figure or a WordPress caption box whose class
    says caption: looked for inside figures and caption boxes only, not by a class test on every element (about
    three times the cost, and the same credits found on the traf corpus). boxes: False when the page has none."""
    seen: set[HtmlElement] = set()
    inside_figures = (node for figure in root.iter("figure") for node in figure.iterdescendants())
    in_boxes = (node for value in _CAPTION_BOX_CLASSES(root) for node in value.getparent()) if boxes else ()
    for node in itertools.chain(root.iter("figcaption"), inside_figures, in_boxes):
        if node in seen or not isinstance(node.tag, str):
            continue
        if node.tag == "figcaption" or "caption" in (node.get("class") or ""):
            seen.add(node)
            yield node


def _credit_start(text: str) -> int | None:
    """Where the credit that ends a caption's text starts, with the separator before it; None when it has none."""
    window = len(text) - len(text.rstrip()) + CREDIT_MAX_CHARS + 40  # a credit's longest reach, label and spaces
    offset = max(0, len(text) - window)
    tail = text[offset:]
    starts = []
    if (match := _COPYRIGHT_CREDIT.search(tail)) is not None:
        starts.append(match.start())
    if (match := _LABELLED_CREDIT.search(tail)) is not None:
        before = (text[: offset + match.start()]).rstrip()
        if not before or before[-1] in _CREDIT_BOUNDARY or match.group().startswith("("):
            starts.append(match.start())
    if (match := _AGENCY_CREDIT.search(tail)) is not None and _names_someone(match.group()):
        starts.append(match.start())
    if not starts:
        return None
    start = offset + min(starts)
    if len(_WORD.findall(text, start)) > CREDIT_MAX_WORDS + 1:  # the label or '©' and the credit's words
        return None
    return len(text[:start].rstrip(_CREDIT_SEPARATOR))


def _names_someone(bracket: str) -> bool:
    """An agency and a photographer ('(REUTERS/Denis Balibouse)'), not a pair of words ('(links/rechts)'): a part
    opens with a capital and the bracket holds two words at least."""
    parts = bracket.strip().strip("()").split("/")
    return any(part.strip()[:1].isupper() for part in parts) and len(bracket.split()) >= 2


def _text_pieces(element: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The text and tails inside an element in document order, as text_content() joins them (no comment text);
    walked without recursion, as a hostile page nests as deep as the parser allows."""
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if isinstance(node.tag, str):
                yield node, "text"
        elif node is not element:
            yield node, "tail"


def _split_off(caption: HtmlElement, start: int) -> HtmlElement | None:
    """The caption's text from `start` to its end moved into a new <span> at the end of the element that holds that
    text; None when text of another element follows (the credit then is not the caption's end, as far as the tree
    shows)."""
    position = 0
    for node, attribute in _text_pieces(caption):
        value = getattr(node, attribute) or ""
        if position + len(value) <= start:
            position += len(value)
            continue
        holder = node if attribute == "text" else node.getparent()
        if holder is not caption and _text_after(holder, caption):
            return None
        cut = start - position
        span = holder.makeelement("span", {})
        span.text = value[cut:]
        followers = list(node) if attribute == "text" else list(node.itersiblings())
        setattr(node, attribute, value[:cut])
        for follower in followers:
            span.append(follower)  # append moves the node, tail included
        holder.append(span)
        return span
    return None


def _text_after(element: HtmlElement, container: HtmlElement) -> bool:
    """Whether text follows an element inside a container (its tail, its later siblings, theirs up to the container)."""
    while element is not container:
        if (element.tail or "").strip() or any(
            (sibling.tail or "").strip() or (isinstance(sibling.tag, str) and element_text(sibling).strip())
            for sibling in element.itersiblings()
        ):
            return True
        element = element.getparent()
    return False


def banner_figures(
    root: HtmlElement, host: str | None, deadline: Deadline = NO_DEADLINE, index: PageIndex | None = None
) -> list[HtmlElement]:
    """Figures that are another site's banner: every picture in the figure sits in a link to another site (not to an
    image file: a photo's full size), and the figure says BANNER_MAX_WORDS words at most. A story's photos link to
    themselves or to nothing; a shop's or a campaign's banner leads away."""
    found: list[HtmlElement] = []
    deadline.check()
    if host is None:
        return found  # no address: no other site to tell
    for figure in deadline.paced(root.iter("figure")):
        images = list(figure.iter("img"))
        if not images or not all(_leads_away(image, next(image.iterancestors("a"), None), host) for image in images):
            continue
        if not _more_words_than(figure, BANNER_MAX_WORDS):
            found.append(figure)
    return found


def _more_words_than(element: HtmlElement, limit: int) -> bool:
    """Whether the element's text holds more than `limit` words, read piece by piece until it does (figures nested
    in figures share their text)."""
    words = 0
    for piece in element.itertext():
        words += len(piece.split(None, limit))
        if words > limit:
            return True
    return False


def _leads_away(image: HtmlElement, link: HtmlElement | None, host: str) -> bool:
    """A link to a page of another site than the page's and the picture's own (not an image file): a photo that
    links to its photographer's or its gallery's pages on the host that serves it is the story's."""
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    target = link_host(href)
    if not target or href.split("#", 1)[0].split("?", 1)[0].lower().endswith(IMAGE_SUFFIXES):
        return False
    picture_host = link_host(image.get("src") or "")
    away = registrable_domain(target)
    return away != registrable_domain(host) and not (picture_host and away == registrable_domain(picture_host))


# (root, the page's host, deadline, the page's PageIndex): caption_credits reads the index, the others take it.
StructuralPass = Callable[[HtmlElement, str | None, Deadline, PageIndex | None], list[HtmlElement]]

# (name, removal category, pass) in the order declutter() runs them: the first before the rules (a card is judged by
# its own words before a rule's removal inside it changes them, a read-more run by its label before the word tables
# take the label), the others after them.
FIRST_STRUCTURAL_PASSES: tuple[tuple[str, str, StructuralPass], ...] = (
    ("teaser_cards", "related", teaser_cards),
    ("link_paragraphs", "related", link_paragraphs),
)
STRUCTURAL_PASSES: tuple[tuple[str, str, StructuralPass], ...] = (
    ("recirculation", "related", recirculation_lists),
    ("caption_credits", "other", caption_credits),
    ("banner_figures", "ads", banner_figures),
)
