"""What we add to readability's article: each repair a named function, its reason in its docstring.

Called from readability.py's overrides (the higher-scoring ancestor, introductions, figures, second copies, the
lead figure) and from the stage's entry (the paragraph container, repeated blocks, author boxes, rule matches).
"""

from __future__ import annotations

import copy
import logging

from lxml import etree, html
from lxml.html import HtmlElement

from ..limits import NO_DEADLINE, Deadline
from ..rules.selectors.selector import in_document_order
from .candidates import IN_FORM_ASIDE_OR_NAV, headlined_story
from .constants import (
    AUTHOR_BOX_CLASS_RE,
    AUTHOR_BOX_MAX_ARTICLE_SHARE,
    AUTHOR_BOX_MAX_CHARS,
    AUTHOR_BOX_TAGS,
    BYLINE_CLASS_RE,
    BYLINE_CLASS_WORDS,
    BYLINE_MAX_CHARS,
    CONTAINER_CHROME_TAGS,
    CONTAINER_MIN_WORDS_RATIO,
    DENSEST_CONTAINER_SHARE,
    EXPAND_MAX_LINK_DENSITY,
    EXPAND_RATIO,
    EXPAND_RATIO_IN_FRAME,
    EXPAND_RATIO_INSIDE,
    FIGURE_MAX_TEXT_CHARS,
    FIGURE_TAGS,
    GATHERED_LEAD_MARK,
    INTRO_MAX_LINK_DENSITY,
    INTRO_MIN_CHARS,
    INTRO_MIN_PARAGRAPH_SHARE,
    INTRO_TAGS,
    LEAD_FIGURE_MAX_LINK_DENSITY,
    LEAD_FIGURE_MAX_TEXT_CHARS,
    MIN_ARTICLE_WORDS_BEFORE_RETRY,
    OPENING_WORDS,
    PARENT_WALK_SCORE_DIVISOR,
    REPEATED_BLOCK_MIN_CHARS,
    REPEATED_BLOCK_TAGS,
    SEGMENT_COPY_OPENING_CHARS,
    STORY_OUTSIDE_CONTAINER_MIN_WORDS,
)
from .measure import HAS_IMAGE, IN_MAIN_OR_ARTICLE, element_text, link_density, normalized_length, words, xpath

log = logging.getLogger(__name__)

_PARAGRAPH_TEXT = xpath("descendant::p/descendant::text()", smart_strings=False)
_FIGURES_BEFORE = xpath("preceding::figure")
_DOCUMENT_POSITION = xpath("count(preceding::*) + count(ancestor::*)")
# Blocks whose class or id may name an author box (AUTHOR_BOX_CLASS_RE decides): these words in either, as written.
_AUTHOR_BOX_WORDS = ("uthor", "bio")
# Elements that may be the byline (BYLINE_CLASS_RE decides on the class and id): each word without its first letter,
# which may be a capital ("Byline", "postAuthor"). One search per attribute testing the attribute nodes (a predicate on
# every element testing its four attributes cost 1.6x as much), their elements merged in document order by
# in_document_order: a union of the paths, or a parent step ('@class[...]/..'), has libxml2 test every pair of results
# for duplicates (quadratic, in one call the time cap cannot interrupt).
_BYLINE_NAME_PARTS = tuple(word[1:] for word in BYLINE_CLASS_WORDS)
_BYLINE_NAME_TEST = " or ".join(f"contains(., '{part}')" for part in _BYLINE_NAME_PARTS)
_BYLINE_ATTRIBUTES = tuple(
    xpath(path)
    for path in (
        f"descendant::*/@class[{_BYLINE_NAME_TEST}]",
        f"descendant::*/@id[{_BYLINE_NAME_TEST}]",
        "descendant::*/@rel[. = 'author']",
        "descendant::*/@itemprop[contains(., 'author')]",
    )
)
# The class and id searches' plain values: on most articles (122 of the 130 readability test pages) none holds a
# byline word, told by str.find on the values joined (none of the words holds a newline), and the four contains()
# tests on every value (the searches' cost on a long article: 2x the plain walk and the finds) are not run.
_BYLINE_GATES = (
    xpath("descendant::*/@class", smart_strings=False),
    xpath("descendant::*/@id", smart_strings=False),
    None,
    None,
)
# A quotation's or a figure's own author and credit lines sit in these: never the story's byline.
_QUOTE_AND_FIGURE_TAGS = frozenset({"blockquote", "q", "figure", "figcaption"})


# Several rule matches.


def join_rule_matches(nodes: list[HtmlElement]) -> HtmlElement:
    """Several matches of a site rule's content selector (a split article body) become one container, in
    document order."""
    if len(nodes) == 1:
        return nodes[0]
    container = html.Element("div")
    for node in nodes:
        container.append(copy.deepcopy(node))
    return container


# The pick's higher-scoring ancestor.


def higher_scoring_parent(best: dict, candidates: dict) -> dict:
    """Readability.js's walk up from the pick: the first scored ancestor scoring higher than the one below it
    wins (the pick was one part of the article), unless the scores fall below a share of the pick's first."""
    floor = best["content_score"] / PARENT_WALK_SCORE_DIVISOR
    last = best["content_score"]
    for ancestor in best["elem"].iterancestors():
        if ancestor.tag == "body":
            break
        scored = candidates.get(ancestor)
        if scored is None:
            continue
        if scored["content_score"] < floor:
            break
        if scored["content_score"] > last:
            return scored
        last = scored["content_score"]
    return best


# The story's introduction.


def introductions(best: HtmlElement) -> list[HtmlElement]:
    """The prose blocks before the pick under its parent (see INTRO_MIN_CHARS): readability's sibling bar
    misses a lede in a block of its own."""
    found = []
    for sibling in best.itersiblings(*INTRO_TAGS, preceding=True):
        length = normalized_length(sibling)
        if (
            length >= INTRO_MIN_CHARS
            and link_density(sibling, length) < INTRO_MAX_LINK_DENSITY
            and next(sibling.iter("h1"), None) is None
            and _paragraph_length(sibling) >= INTRO_MIN_PARAGRAPH_SHARE * length
        ):
            found.append(sibling)
    return found


def _paragraph_length(element: HtmlElement) -> int:
    """The length of the text of the paragraphs in an element, whitespace collapsed."""
    return len(" ".join("".join(_PARAGRAPH_TEXT(element)).split()))


# Figures beside the text blocks.


def neighbouring_figures(elem: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """The runs of figures right before and right after an element among its siblings: readability gathers a
    how-to's step texts but not the step photos beside them."""
    before = []
    for sibling in elem.itersiblings(preceding=True):
        if not _is_figure(sibling):
            break
        before.insert(0, sibling)
    after = []
    for sibling in elem.itersiblings():
        if not _is_figure(sibling):
            break
        after.append(sibling)
    return before, after


def figures_between(siblings: list[HtmlElement], joined: list[bool]) -> list[bool]:
    """The siblings joining the article (`joined`, in order) plus the runs of figures between two that join: the
    story's photos between its text blocks (each block scored on its own, the photo blocks not at all)."""
    result = list(joined)
    run: list[int] = []
    seen_joined = False
    for index, sibling in enumerate(siblings):
        if joined[index]:
            if seen_joined:
                for figure in run:
                    result[figure] = True
            seen_joined, run = True, []
        elif seen_joined and _is_figure_block(sibling):
            run.append(index)
        else:
            run = []
    return result


def _is_figure_block(elem: HtmlElement) -> bool:
    """A figure (see _is_figure), or a block holding a <figure> (its image perhaps still to load) with at most a lead
    figure's caption and credit."""
    if _is_figure(elem):
        return True
    return (
        next(elem.iterdescendants("figure"), None) is not None
        and normalized_length(elem) <= LEAD_FIGURE_MAX_TEXT_CHARS
        and link_density(elem) <= LEAD_FIGURE_MAX_LINK_DENSITY
    )


def place_figures(first: HtmlElement, last: HtmlElement, before: list, after: list) -> None:
    """Put figures right before `first` and right after `last`, in their order."""
    for figure in before:
        first.addprevious(figure)
    for figure in reversed(after):
        last.addnext(figure)


def _is_figure(elem: HtmlElement) -> bool:
    """A figure tag, or an image with at most a caption's worth of text."""
    if elem.tag in FIGURE_TAGS:
        return True
    return HAS_IMAGE(elem) and normalized_length(elem) <= FIGURE_MAX_TEXT_CHARS


# Second copies of the story and repeated blocks.


def drop_copies(best: HtmlElement, own: list[HtmlElement], segments: list[HtmlElement]) -> list[HtmlElement]:
    """Drop the gathered segments whose opening the article already holds (second copies of the story that
    readability's segment merge takes for further parts); return the others."""
    if not segments:
        return []
    held = " ".join(" ".join([best.text or "", *(element_text(child) for child in own)]).split())
    kept = []
    for segment in segments:
        text = " ".join(element_text(segment).split())
        if text and text[:SEGMENT_COPY_OPENING_CHARS] in held:
            best.remove(segment)
        else:
            held += " " + text
            kept.append(segment)
    return kept


def drop_repeated_blocks(article: HtmlElement, deadline: Deadline = NO_DEADLINE) -> None:
    """Drop blocks repeating an earlier block word for word (a page's desktop and mobile copies of a section).
    Lengths are compared first, in C; only blocks of equal length have their text built. Nested blocks' lengths take
    time in the elements times their depth: the walks are paced by the time cap."""
    by_length: dict[int, list[HtmlElement]] = {}
    # lxml's walk filtered by tag, in document order (an XPath union of one path per tag is quadratic in its results).
    for elem in deadline.paced(article.iterdescendants(*REPEATED_BLOCK_TAGS)):
        length = normalized_length(elem)
        if length >= REPEATED_BLOCK_MIN_CHARS:
            by_length.setdefault(length, []).append(elem)
    for group in deadline.paced(by_length.values()):
        if len(group) < 2:
            continue
        seen: dict[str, HtmlElement] = {}
        for elem in group:
            text = " ".join(element_text(elem).split())
            first = seen.setdefault(text, elem)
            # A block nested in its twin (a wrapper around one paragraph) is no second copy.
            if first is not elem and elem.getparent() is not None and first not in elem.iterancestors():
                elem.drop_tree()


# The lead figure.


def with_lead_figure(best_elem: HtmlElement, leads: list[HtmlElement]) -> list[HtmlElement]:
    """readability's editorial leads plus the story's lead figure, in document order: it sits in the header of
    the <article> or <main>, before the body readability picks (only when the pick has no figure of its own)."""
    frame = next((elem for elem in best_elem.iterancestors() if elem.tag in ("article", "main")), None)
    if frame is None or next(best_elem.iterdescendants("figure"), None) is not None:
        return leads
    # The preceding axis holds no ancestor of the pick; its figures come in document order.
    lead_figure = next((fig for fig in _FIGURES_BEFORE(best_elem) if frame in fig.iterancestors()), None)
    if (
        lead_figure is None
        or not HAS_IMAGE(lead_figure)
        or _length_beside_caption(lead_figure) > LEAD_FIGURE_MAX_TEXT_CHARS
        or link_density(lead_figure) > LEAD_FIGURE_MAX_LINK_DENSITY
        or any(lead in leads for lead in (lead_figure, *lead_figure.iterancestors()))
        or any(figure_holder in leads for figure_holder in lead_figure.iterdescendants())
    ):
        return leads
    return sorted([*leads, lead_figure], key=_DOCUMENT_POSITION)


def _length_beside_caption(figure: HtmlElement) -> int:
    """The figure's text length outside its captions (<figcaption>): a caption may be as long as a standfirst."""
    return normalized_length(figure) - sum(normalized_length(caption) for caption in figure.iter("figcaption"))


# The paragraph container.


def paragraph_container(root: HtmlElement, article: HtmlElement, article_words: list[str]) -> HtmlElement:
    """The container holding most of the page's paragraph text, chrome dropped, when readability kept too
    little of it or one section of it (listicles, page builders); else readability's article."""
    container = densest_container(root)
    # A sidebar, a menu or a form holding most of the page's paragraphs is still no story (a blog of captioned
    # pictures and lists: its <p> text is the sidebar's); nor is a list, whose items are entries (a carousel's
    # slides, testimonials), nor the next story a page loaded below its own.
    if container is None or container.tag in ("ul", "ol") or IN_FORM_ASIDE_OR_NAV(container):
        return article
    if headlined_story(root, container) is not None:
        return article
    container_words = words(container)
    found, total = len(article_words), len(container_words)
    too_little = found < MIN_ARTICLE_WORDS_BEFORE_RETRY and total > CONTAINER_MIN_WORDS_RATIO * found
    # A smaller share is enough when readability's pick lies inside the container (its opening is there),
    # smaller still when the container is the story's <article> or <main>.
    share_allowed = EXPAND_RATIO_IN_FRAME if _in_frame(container) else EXPAND_RATIO_INSIDE
    # The word counts first: they rule out most pages without the container's link density.
    inside = _opening_in(article, container_words)
    # A whole story readability found outside the container is not one section of it (the container: comments).
    one_section = (
        (found < EXPAND_RATIO * total and (inside or found < STORY_OUTSIDE_CONTAINER_MIN_WORDS))
        or (found < share_allowed * total and inside)
    ) and link_density(container) < EXPAND_MAX_LINK_DENSITY
    if not (too_little or one_section):
        return article
    log.debug("readability kept %d of %d words; using their container", found, total)
    drop_chrome(container)
    return container


def densest_container(root: HtmlElement) -> HtmlElement | None:
    """The deepest element holding most of the page's paragraph text: page builders (Elementor and kin)
    scatter an article over many widgets, which readability scores one by one and then drops."""
    # Paragraph text summed per parent first, then carried up once per parent rather than once per paragraph.
    by_parent: dict[HtmlElement, int] = {}
    grand_total = 0
    for paragraph in root.iter("p"):
        length = len(element_text(paragraph))
        grand_total += length
        parent = paragraph.getparent()
        if parent is not None:
            by_parent[parent] = by_parent.get(parent, 0) + length
    if not grand_total:
        return None
    totals: dict[HtmlElement, int] = {}
    for parent, length in by_parent.items():
        for ancestor in (parent, *parent.iterancestors()):
            totals[ancestor] = totals.get(ancestor, 0) + length
    # The share is over half, so the qualifying elements form one chain of ancestors, whose totals only grow
    # going up: the deepest holds the least, and only wrappers holding no more text tie with it.
    threshold = DENSEST_CONTAINER_SHARE * grand_total
    least = min((total for total in totals.values() if total >= threshold), default=None)
    if least is None:
        return None
    tied = [element for element, total in totals.items() if total == least]
    if len(tied) == 1:
        return tied[0]
    return max(tied, key=lambda element: sum(1 for _ in element.iterancestors()))


def _in_frame(container: HtmlElement) -> bool:
    """Whether the container is, or sits in, the page's <article> or <main>."""
    return container.tag in ("article", "main") or bool(IN_MAIN_OR_ARTICLE(container))


def _opening_in(article: HtmlElement, container_words: list[str]) -> bool:
    """Whether the article's opening words (its text outside figures, which it may have gathered from
    elsewhere) appear in the container's text."""
    opening = " ".join(_opening_words(article))
    return bool(opening) and opening in " ".join(container_words)


def _opening_words(article: HtmlElement) -> list[str]:
    """The first OPENING_WORDS words of the article's text outside figures and the gathered standfirst, read
    only as far as they go (not the whole text of a long page)."""
    words = _WordCollector()
    walker = etree.iterwalk(article, events=("start", "end"))
    for event, elem in walker:
        if event == "start":
            own = isinstance(elem.tag, str) and elem.tag != "figure" and elem.get(GATHERED_LEAD_MARK) is None
            if not own and elem is not article:
                walker.skip_subtree()  # its "end" still comes: its tail is the article's text
            elif own and elem.text:
                words.add(elem.text)
        elif elem is not article and elem.tail:
            words.add(elem.tail)
        if len(words.closed) >= OPENING_WORDS:
            return words.closed[:OPENING_WORDS]
    return words.all()[:OPENING_WORDS]


class _WordCollector:
    """The words of text pieces as "".join(pieces).split() reads them, built piece by piece in linear time: a word
    that runs on over pieces ('<span>a</span><span>b</span>' is 'ab') is kept in fragments until it ends."""

    def __init__(self) -> None:
        self.closed: list[str] = []
        self._open: list[str] = []  # fragments of the word the last piece ended inside

    def add(self, piece: str) -> None:
        if piece[:1].isspace():
            self._close()
        parts = piece.split()
        if not parts:
            return
        self._open.append(parts[0])
        if len(parts) > 1:
            self._close()
            self.closed.extend(parts[1:-1])
            self._open = [parts[-1]]
        if piece[-1].isspace():
            self._close()

    def all(self) -> list[str]:
        return [*self.closed, "".join(self._open)] if self._open else self.closed

    def _close(self) -> None:
        if self._open:
            self.closed.append("".join(self._open))
            self._open = []


def drop_chrome(container: HtmlElement) -> None:
    """Drop the site navigation and footers inside a container taken for the story: the paragraph container skipped
    readability's cleaning, and an ancestor shared by the story's blocks may hold the page's menu."""
    for elem in list(container.iter(*CONTAINER_CHROME_TAGS)):
        if elem is not container and not _unlikely_exempt(elem):
            elem.drop_tree()


def _unlikely_exempt(element: HtmlElement) -> bool:
    """readability's exemption from its unlikely-candidate test: in code, or holding the story's frame. Walks in C
    that stop at the first hit (an XPath union of the five paths merged its node sets pair by pair)."""
    return (
        element.tag in ("pre", "code")
        or next(element.iterancestors("pre", "code"), None) is not None
        or next(element.iter("main", "article", "math"), None) is not None
    )


# Author boxes.


def drop_author_boxes(article: HtmlElement, deadline: Deadline = NO_DEADLINE) -> None:
    """Drop the author's bio box and byline blocks (Readability.js drops the byline too): no part of the story.
    A block holding half the article or more is the story in a wrapper with an unlucky class, and stays. Paced by
    the time cap: nested boxes' lengths take time in the elements times their depth."""
    article_length = None
    # lxml's walk filtered by tag, in document order (an XPath union of one path per tag is quadratic in its results).
    for elem in deadline.paced(list(article.iterdescendants(*AUTHOR_BOX_TAGS))):
        class_name, element_id = elem.get("class", ""), elem.get("id", "")
        if not any(word in class_name or word in element_id for word in _AUTHOR_BOX_WORDS):
            continue  # the cheap test first: most blocks carry neither word
        if elem.getparent() is None or not AUTHOR_BOX_CLASS_RE.search(f"{class_name} {element_id}"):
            continue
        length = normalized_length(elem)
        if length > AUTHOR_BOX_MAX_CHARS:
            continue
        if article_length is None:
            article_length = normalized_length(article)
        if length < AUTHOR_BOX_MAX_ARTICLE_SHARE * article_length:
            elem.drop_tree()


def drop_byline(article: HtmlElement, deadline: Deadline = NO_DEADLINE) -> None:
    """Drop the story's byline line ('By Kelli Miller', 'Written by Rob Ewaschuk'), as Readability.js does: the first
    element of the article named as the author's (rel, itemprop, or a byline word in its class or id) holding under
    BYLINE_MAX_CHARS characters of text. The reading view shows the byline above the story. Paced by the time cap:
    nested candidates' lengths take time in the elements times their depth."""
    found = (
        [value.getparent() for value in find(article)]
        for find, gate in zip(_BYLINE_ATTRIBUTES, _BYLINE_GATES, strict=True)
        if gate is None or _holds_byline_part(gate(article))
    )
    candidates = in_document_order(article, found)
    for elem in deadline.paced(candidates):
        names = f"{elem.get('class', '')} {elem.get('id', '')}"
        if not (elem.get("rel") == "author" or "author" in elem.get("itemprop", "") or BYLINE_CLASS_RE.search(names)):
            continue
        if (elem.tail or "").strip():
            continue  # the story's text runs on after it: a run-in dateline ('CAIRO —') or a name in a sentence
        if _credits_a_quote_or_figure(elem, article):
            continue  # '<blockquote>…<cite class=author>Jane Doe</cite>': who said the quote, not who wrote the story
        if 0 < normalized_length(elem) < BYLINE_MAX_CHARS:
            log.debug("dropped the byline %r", " ".join(elem.text_content().split()))
            elem.drop_tree()
            return


def _holds_byline_part(values: list[str]) -> bool:
    """Whether some value holds a byline word's part (_BYLINE_NAME_TEST's contains() tests, as written)."""
    joined = "\n".join(values)
    return any(part in joined for part in _BYLINE_NAME_PARTS)


def _credits_a_quote_or_figure(elem: HtmlElement, article: HtmlElement) -> bool:
    """Whether the element sits in a quotation or a figure of the article (their author and credit lines)."""
    for ancestor in elem.iterancestors():
        if ancestor is article:
            return False
        if ancestor.tag in _QUOTE_AND_FIGURE_TAGS:
            return True
    return False
