"""Stage 5, extract: find the article in the decluttered tree with readability-lxml, without re-parsing."""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree, html
from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES, clean, is_video_url, text_length

from ..errors import NoArticle
from ..limits import Deadline
from ..rules.selectors import Selector
from .constants import (
    AUTHOR_BOX_CLASS_RE,
    AUTHOR_BOX_MAX_CHARS,
    AUTHOR_BOX_TAGS,
    CONTAINER_CHROME_TAGS,
    DENSEST_CONTAINER_SHARE,
    EXPAND_MAX_LINK_DENSITY,
    EXPAND_RATIO,
    EXPAND_RATIO_IN_FRAME,
    EXPAND_RATIO_INSIDE,
    FIGURE_MAX_TEXT_CHARS,
    FIGURE_TAGS,
    INTRO_MAX_LINK_DENSITY,
    INTRO_MIN_CHARS,
    INTRO_MIN_PARAGRAPH_SHARE,
    INTRO_TAGS,
    LEAD_FIGURE_MAX_TEXT_CHARS,
    LIST_MAX_LINK_DENSITY,
    MIN_ARTICLE_WORDS_BEFORE_RETRY,
    REPEATED_BLOCK_MIN_CHARS,
    REPEATED_BLOCK_TAGS,
    SEGMENT_COPY_OPENING_CHARS,
)

log = logging.getLogger(__name__)


# readability's div-to-paragraph test: a descendant whose tag starts like one of these (its regex runs over
# the serialized children, so "<p" also catches pre, picture, param...).
_BLOCK_TAG_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_INLINE_TAGS = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})
_INLINE_TAGS_AND_BR = _INLINE_TAGS | {"br"}
_FRAME_TAGS = ("main", "article", "math")


def _xpath(expression: str, smart_strings: bool = True) -> etree.XPath:
    """A compiled XPath without EXSLT's regular expression functions: none is used, and lxml registers them
    anew on every call."""
    return etree.XPath(expression, regexp=False, smart_strings=smart_strings)


# The paths below spell out descendant:: where .// would do: .// steps through every descendant node (text
# nodes too) and then through each one's children, which libxml2 does not always rewrite.
_UNLIKELY_EXEMPT = _xpath(
    "boolean(ancestor-or-self::pre | ancestor-or-self::code | descendant-or-self::main | "
    "descendant-or-self::article | descendant-or-self::math)"
)
# Every class and id value as a smart string (its getparent() is the element): searching them all at once
# beats visiting every element.
_CLASS_AND_ID_VALUES = _xpath("descendant-or-self::*/@class | descendant-or-self::*/@id")
_NORMALIZED_LENGTH = _xpath("string-length(normalize-space(.))")
# Text under a link inside the element, as one step: 'descendant-or-self::a/descendant::text()' merges a node-set
# per link, which libxml2 deduplicates pairwise (99,000 links: 30 s).
_LINK_TEXT = _xpath("descendant::text()[count(ancestor::a) > $links_above]", smart_strings=False)
_PARAGRAPH_TEXT = _xpath("descendant::p/descendant::text()", smart_strings=False)
_TEXT_OUTSIDE_FIGURES = _xpath("descendant::text()[not(ancestor::figure)]", smart_strings=False)
_FIGURES_BEFORE = _xpath("preceding::figure")
_DOCUMENT_POSITION = _xpath("count(preceding::*) + count(ancestor::*)")
_HAS_IMAGE = _xpath("boolean(descendant-or-self::img)")
_IN_MAIN_OR_ARTICLE = _xpath("boolean(ancestor::main | ancestor::article)")
_IN_FORM_ASIDE_OR_NAV = _xpath("boolean(ancestor-or-self::form | ancestor-or-self::aside | ancestor-or-self::nav)")
# What readability's sanitize counts under each conditionally cleaned element (all it reads: not the links), in
# one XPath call.
_COUNTED_TAGS = ("p", "img", "li", "embed", "input", "hidden input")
_DESCENDANT_COUNTS = _xpath(
    "concat(count(descendant::p), ' ', count(descendant::img), ' ', count(descendant::li), ' ', "
    "count(descendant::embed), ' ', count(descendant::input), ' ', count(descendant::input[@type='hidden']))"
)
# Blocks whose class or id may name an author box (AUTHOR_BOX_CLASS_RE decides), found in C.
_AUTHOR_BOX_TEST = (
    "contains(@class, 'uthor') or contains(@id, 'uthor') or contains(@class, 'bio') or contains(@id, 'bio')"
)
_AUTHOR_BOX_CANDIDATES = _xpath(" | ".join(f"descendant::{tag}[{_AUTHOR_BOX_TEST}]" for tag in AUTHOR_BOX_TAGS))
_REPEATABLE_BLOCKS = _xpath(" | ".join(f"descendant::{tag}" for tag in REPEATED_BLOCK_TAGS))
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONDITIONALLY_CLEANED = ("table", "ul", "div", "aside", "header", "footer", "section")


# readability's class and id words as case-sensitive patterns run over lowercased values (a case-insensitive
# alternation is several times slower); its unlikely words are plain words (a test checks), found with str.find.
_UNLIKELY_WORDS = tuple(REGEXES["unlikelyCandidatesRe"].pattern.split("|"))
_NEGATIVE_RE = re.compile(REGEXES["negativeRe"].pattern)
_POSITIVE_RE = re.compile(REGEXES["positiveRe"].pattern)
_MAYBE_CONTENT_RE = re.compile(REGEXES["okMaybeItsACandidateRe"].pattern)


@lru_cache(maxsize=8192)
def _may_be_content(names: str) -> bool:
    """readability's exception to its unlikely test, on "class id" ("article", "content", "main"...)."""
    return bool(_MAYBE_CONTENT_RE.search(names.lower()))


@lru_cache(maxsize=8192)
def _class_weight(class_name: str | None, element_id: str | None) -> int:
    """readability's class_weight (we pass it no extra keywords), remembered per class and id pair."""
    weight = 0
    for feature in (class_name, element_id):
        if feature:
            feature = feature.lower()
            if _NEGATIVE_RE.search(feature):
                weight -= 25
            if _POSITIVE_RE.search(feature):
                weight += 25
    return weight


def _unlikely_value_indexes(values: list[str]) -> list[int]:
    """The indexes, in order, of the class and id values holding one of readability's unlikely words in lowercase:
    a str.find per word over the values joined by NULs beats a regex alternation. (No value holds a NUL, libxml2's
    string end; lowercasing the joined string lowercases each value alike: no case rule looks across a NUL.)"""
    joined = "\0".join(values).lower()
    found: set[int] = set()
    for word in _UNLIKELY_WORDS:
        # The index of a value is the number of NULs before it, counted on from the last one seen.
        index, counted = 0, 0
        at = joined.find(word)
        while at != -1:
            index += joined.count("\0", counted, at)
            found.add(index)
            end = joined.find("\0", at)
            if end == -1:
                break
            index, counted = index + 1, end + 1
            at = joined.find(word, counted)
    return sorted(found)


def _inside_dropped_or_code(element: HtmlElement, dropped: HtmlElement | None) -> bool:
    """Whether the element is, or sits in, a <pre> or <code>, or sits in the dropped element."""
    return element.tag in ("pre", "code") or any(
        ancestor is dropped or ancestor.tag in ("pre", "code") for ancestor in element.iterancestors()
    )


def _holds_frame(element: HtmlElement) -> bool:
    """Whether the element is, or holds, a <main>, <article> or <math>."""
    return element.tag in _FRAME_TAGS or next(element.iterdescendants(*_FRAME_TAGS), None) is not None


def _has_block_descendant(element: HtmlElement) -> bool:
    """Whether a descendant's tag starts like one of readability's block tags."""
    # A plain loop over an unfiltered iterator: cheaper than any() over a generator and a type-filtered iterator.
    descendants = element.iter()
    next(descendants)  # the element itself
    for elem in descendants:
        tag = elem.tag
        if isinstance(tag, str) and tag.startswith(_BLOCK_TAG_PREFIXES):
            return True
    return False


def _text(element: HtmlElement) -> str:
    """element.text_content() as a plain string: the same text nodes, serialized in C, twice as fast as its XPath."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


# readability's call-to-action test only reads a paragraph's opening: one of its phrases (each shorter than
# this, a test checks), then the character after (for its \b), once the leading spaces are skipped.
_CALL_TO_ACTION_RE = REGEXES["callToActionRe"]
_CALL_TO_ACTION_OPENING = 16


def _opening(element: HtmlElement) -> str:
    """The element's text, or its own leading text when that holds _CALL_TO_ACTION_OPENING characters past its
    leading spaces (all the call-to-action test reads)."""
    text = element.text
    if text is not None and len(text.lstrip()) >= _CALL_TO_ACTION_OPENING:
        return text
    return _text(element)


def _text_length(element: HtmlElement) -> int:
    """readability's text_length (length after its whitespace clean-up), computed in C without building the
    text in Python or running three regex passes over it."""
    return int(_NORMALIZED_LENGTH(element))


class _TreeDocument(Document):
    """readability's Document over a tree we already parsed and cleaned.

    readability re-parses its input on every pass; here each pass gets a copy of our tree instead, and the
    chosen article comes back as an element rather than a serialized string.
    """

    def __init__(
        self, tree: HtmlElement, url: str | None, deadline: Deadline | None, semantic_main: bool = True
    ) -> None:
        super().__init__(tree, url=url)
        self.article: HtmlElement | None = None
        self.deadline = deadline
        self.semantic_main = semantic_main
        self.promoted_main = False
        self._quote_leads: dict[HtmlElement, bool] = {}

    def select_best_candidate(self, candidates: dict) -> dict | None:
        # readability's choice (an articleBody first, then a nested <article> with enough of the score),
        # without its debug strings and without building the set of every descendant of the pick.
        if not candidates:
            return None
        ranked = sorted(candidates.values(), key=lambda candidate: candidate["content_score"], reverse=True)
        best = next(
            (
                candidate
                for candidate in ranked
                if "articleBody" in (candidate["elem"].get("itemprop") or "").split()
                and self.get_link_density(candidate["elem"]) <= 0.1
            ),
            None,
        ) or _higher_scoring_parent(ranked[0], candidates)
        for candidate in ranked:
            elem = candidate["elem"]
            if (
                elem.tag == "article"
                and candidate["content_score"] >= best["content_score"] * 0.25
                and any(ancestor is best["elem"] for ancestor in elem.iterancestors())
                and _text_length(elem) >= 250
            ):
                return candidate
        return best

    def get_semantic_article_candidate(self, candidates: dict, best_candidate: dict) -> dict:
        # readability's first test, with an XPath compiled once (it compiles one per call): most picks pass it.
        if not _IN_FORM_ASIDE_OR_NAV(best_candidate["elem"]):
            return best_candidate
        return super().get_semantic_article_candidate(candidates, best_candidate)

    def get_semantic_main_candidate(self, candidates: dict, best_candidate: dict) -> dict:
        # readability's rule: a <main> around the pick with twice its text wins (see _has_twice_the_text).
        if not self.semantic_main:
            return best_candidate
        best_elem = best_candidate["elem"]
        ancestors = tuple(best_elem.iterancestors())
        if any(elem.tag == "article" for elem in (best_elem, *ancestors)):
            return best_candidate
        main = next((elem for elem in ancestors if elem.tag == "main"), None)
        if main is None or not _has_twice_the_text(main, best_elem):
            return best_candidate
        if self.get_link_density(main) > 0.15:
            return best_candidate
        candidate = self.score_node(main)
        candidates[main] = candidate
        self.promoted_main = True
        return candidate

    def get_article(self, candidates: dict, best_candidate: dict, html_partial: bool = False) -> HtmlElement:
        """readability 0.9's get_article, step for step, but the article's div is made in our own document:
        fragment_fromstring parses one with lxml.html's parser, whose element class lookup calls back into
        Python for every element proxy in this and every later stage, and each sibling moved into it changed
        documents."""
        if not html_partial:
            return super().get_article(candidates, best_candidate, html_partial)
        sibling_score_threshold = max(10, best_candidate["content_score"] * 0.2)
        # No step reads above the article: a div of no parent serves as fragment_fromstring's (alone in a body).
        output = self.html.makeelement("div")
        best_elem = best_candidate["elem"]
        self.add_heading_preamble(candidates, best_elem, sibling_score_threshold)
        self.merge_article_segments(candidates, best_candidate, sibling_score_threshold)
        parent = best_elem.getparent()
        siblings = list(parent) if parent is not None else [best_elem]
        editorial_leads = self.get_editorial_leads(best_elem)
        for lead in reversed(editorial_leads):
            best_elem.insert(0, lead)
        introductions = _introductions(best_elem)
        for sibling in siblings:
            if sibling in editorial_leads:
                continue
            scored = candidates.get(sibling)
            append = (
                sibling is best_elem
                or (scored is not None and scored["content_score"] >= sibling_score_threshold)
                or sibling in introductions
            )
            # The paragraph tests can only add a sibling: skip them for one already in.
            if not append and sibling.tag == "p":
                link_density = self.get_link_density(sibling)
                node_content = sibling.text or ""
                node_length = len(node_content)
                append = (node_length > 80 and link_density < 0.25) or bool(
                    node_length <= 80 and link_density == 0 and re.search(r"\.( |$)", node_content)
                )
            if append:
                output.append(sibling)
        return output

    def merge_article_segments(self, candidates: dict, best_candidate: dict, score_threshold: float) -> None:
        # readability gathers the article's text blocks (the pick and segments like it) but not the figures
        # beside them, a how-to's step photos for one: each block brings its neighbouring figures along.
        best = best_candidate["elem"]
        # Only for the pick and the candidates readability could merge: its segments share the pick's tag, sit
        # under another parent, and score at least max(10, 5% of the pick's) (classless <article>s aside).
        floor = max(10, best_candidate["content_score"] * 0.05)
        best_parent = best.getparent()
        figures = {
            elem: _neighbouring_figures(elem)
            for elem, candidate in candidates.items()
            if elem is best
            or (
                elem.tag == best.tag
                and (candidate["content_score"] >= floor or elem.tag == "article")
                and elem.getparent() is not best_parent
            )
        }
        own = list(best)
        # No candidate but the pick: readability would walk the whole frame and merge nothing.
        if len(figures) > 1:
            super().merge_article_segments(candidates, best_candidate, score_threshold)
        kept = set(own)  # a set: a pick with 100,000 children made the list test quadratic
        for segment in _drop_copies(best, own, [child for child in best if child not in kept]):
            _place_figures(segment, segment, *figures.get(segment, ((), ())))
        if own:
            _place_figures(own[0], own[-1], *figures.get(best, ((), ())))

    def get_editorial_leads(self, best_elem: HtmlElement) -> list[HtmlElement]:
        # readability's standfirsts, plus the story's lead figure: it sits in the header of the <article> or
        # <main>, before the body readability picks (only when the pick has no figure of its own).
        leads = super().get_editorial_leads(best_elem)
        frame = next((elem for elem in best_elem.iterancestors() if elem.tag in ("article", "main")), None)
        if frame is None or next(best_elem.iterdescendants("figure"), None) is not None:
            return leads
        # The preceding axis holds no ancestor of the pick; its figures come in document order.
        lead_figure = next((fig for fig in _FIGURES_BEFORE(best_elem) if frame in fig.iterancestors()), None)
        if (
            lead_figure is None
            or not _HAS_IMAGE(lead_figure)
            or _text_length(lead_figure) > LEAD_FIGURE_MAX_TEXT_CHARS
            or _link_density(lead_figure) > 0.5
            or any(lead in leads for lead in (lead_figure, *lead_figure.iterancestors()))
            or any(figure_holder in leads for figure_holder in lead_figure.iterdescendants())
        ):
            return leads
        return sorted([*leads, lead_figure], key=_DOCUMENT_POSITION)

    def score_node(self, elem: HtmlElement) -> dict:
        # Called once per candidate: a cheap place to honour the request's time cap.
        if self.deadline is not None:
            self.deadline.check()
        return super().score_node(elem)

    def _parse(self, input: HtmlElement) -> HtmlElement:
        return copy.deepcopy(input)

    # The overrides below compute what readability's own methods compute, several times faster:
    # they dominate its run time on real pages (profiled with pyinstrument).

    def score_paragraphs(self) -> dict:
        candidates: dict[HtmlElement, dict] = {}
        ordered: list[HtmlElement] = []
        min_length = self.min_text_length
        for elem in self.html.iter("p", "pre", "td", "blockquote"):
            # The length first: it rules out more elements than a missing parent, and more cheaply.
            text = _text(elem)
            if len(text) < min_length:
                continue  # normalizing its whitespace only shortens it
            parent = elem.getparent()
            if parent is None:
                continue
            inner_text = " ".join(text.split())
            if len(inner_text) < min_length:
                continue
            grandparent = parent.getparent()
            for node in (parent, grandparent):
                if node is not None and node not in candidates:
                    candidates[node] = self.score_node(node)
                    ordered.append(node)
            # count + 1 is the number of parts inner_text.split(",") makes, without making them.
            content_score = 1 + (inner_text.count(",") + 1) + min(len(inner_text) / 100, 3)
            candidates[parent]["content_score"] += content_score
            if grandparent is not None:
                candidates[grandparent]["content_score"] += content_score / 2.0
        for elem in ordered:
            candidates[elem]["content_score"] *= 1 - self.get_link_density(elem)
        return candidates

    def get_link_density(self, elem: HtmlElement) -> float:
        return _link_density(elem)

    def is_quote_lead(self, elem: HtmlElement) -> bool:
        # readability cleans the whole text of every ancestor of every div with three regex passes: remember
        # each ancestor's verdict instead (mercurial's 64 KB page went from 150 ms to a few).
        for lead in (elem, *elem.iterancestors()):
            following = lead.getnext()
            if following is None or next(following.iterdescendants("blockquote"), None) is None:
                continue
            verdict = self._quote_leads.get(lead)
            if verdict is None:
                text = " ".join(_text(lead).split())
                verdict = self._quote_leads[lead] = len(text) >= self.min_text_length and text.endswith(":")
            if verdict:
                return True
        return False

    def is_toc_list(self, elem: HtmlElement) -> bool:
        # readability's test looks at every ancestor but can only match a <ul>: visit those alone.
        if elem.tag != "ul":
            return False
        return any(
            (previous := toc.getprevious()) is not None
            and previous.tag in ("h2", "h3", "h4")
            and clean(previous.text_content()).lower() == "table of contents"
            for toc in (elem, *elem.iterancestors("ul"))
        )

    def get_preserved_elements(self, node: HtmlElement) -> dict:
        allowed = {elem: True for elem in self.tags(node, "ul") if self.is_toc_list(elem)}
        # A quote lead is followed by a block holding a <blockquote>: none in the whole tree, no lead to look for.
        ancestors = list(node.iterancestors())
        top = ancestors[-1] if ancestors else node
        if next(top.iterdescendants("blockquote"), None) is not None:
            allowed.update({elem: True for elem in self.tags(node, "div", "section") if self.is_quote_lead(elem)})
        return allowed

    def tags(self, node: HtmlElement, *tag_names: str) -> list[HtmlElement]:
        # One walk for all the tags, in document order (readability walks once per tag): its callers drop the
        # elements or test them one by one, so the order changes nothing. A list: they drop while iterating.
        return list(node.iterdescendants(*tag_names))

    def reverse_tags(self, node: HtmlElement, *tag_names: str) -> Iterator[HtmlElement]:
        # readability's order (per tag, last first), each tag's list taken when its turn comes (the elements
        # dropped by then are gone), without going through ElementPath.
        for tag_name in tag_names:
            yield from reversed(list(node.iterdescendants(tag_name)))

    def class_weight(self, e: HtmlElement) -> int:
        return _class_weight(e.get("class"), e.get("id"))

    def remove_unlikely_candidates(self) -> None:
        values = _CLASS_AND_ID_VALUES(self.html)
        seen: set[HtmlElement] = set()
        dropped = None
        for index in _unlikely_value_indexes(values):
            elem = values[index].getparent()
            if elem in seen:
                continue
            seen.add(elem)
            if elem.tag in ("html", "body", "a") or _may_be_content(f"{elem.get('class', '')} {elem.get('id', '')}"):
                continue  # (links hold sentence text: Readability.js exempts them)
            # _UNLIKELY_EXEMPT's test in two walks that stop early, the walk up also telling whether the element
            # went with the last dropped one (values come in document order).
            if _inside_dropped_or_code(elem, dropped) or _holds_frame(elem):
                continue
            elem.drop_tree()
            dropped = elem

    def transform_misused_divs_into_paragraphs(self) -> None:
        # readability serializes each div to look for a block tag; we stop at the first block descendant (most
        # divs hold one as their first child). Renaming a div to p keeps it a block, so no later answer changes.
        for elem in self.html.iter("div"):
            if not _has_block_descendant(elem):
                elem.tag = "p"
        for elem in list(self.html.iter("div")):
            # Blank text, no inline or <br> child and no child with a non-blank tail: nothing below would change.
            text = elem.text
            if (text is None or text.isspace()) and not any(
                child.tag in _INLINE_TAGS_AND_BR or (child.tail is not None and not child.tail.isspace())
                for child in elem
            ):
                continue
            # New paragraphs made in the tree's own document (lxml.html.Element makes a document for each).
            make_element = elem.makeelement
            paragraph = None
            if elem.text and elem.text.strip():
                paragraph = make_element("p")
                paragraph.text, elem.text = elem.text, None
                elem.insert(0, paragraph)
            for child in list(elem):
                if child is paragraph:
                    continue
                if child.tag == "br" or child.tag not in _INLINE_TAGS or _has_block_descendant(child):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = make_element("p")
                    child.addprevious(paragraph)
                paragraph.append(child)
            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    paragraph = make_element("p")
                    paragraph.text, child.tail = child.tail, None
                    elem.insert(pos + 1, paragraph)
                if child.tag == "br":
                    child.drop_tree()

    def sanitize(self, node: HtmlElement, candidates: dict, keep_all_images: bool = False) -> str:
        """readability 0.9's sanitize, step for step, with its counts and lengths taken in C and no debug
        strings built for every element it looks at."""
        for header in list(node.iter(*_HEADINGS)):
            if header is not node and (self.class_weight(header) < 0 or self.get_link_density(header) > 0.33):
                header.drop_tree()
        for elem in list(node.iter("p")):
            if elem is not node and (_CALL_TO_ACTION_RE.search(_opening(elem)) and self.get_link_density(elem) > 0.2):
                elem.drop_tree()
        for elem in list(node.iter("form", "textarea")):
            if elem is not node:
                elem.drop_tree()
        for elem in list(node.iter("iframe")):
            if elem is node:
                continue
            if "src" in elem.attrib and is_video_url(elem.attrib["src"]):
                elem.attrib.pop("srcdoc", None)
                elem.text = "VIDEO"  # readability's marker: keeps <iframe></iframe> in the output
            else:
                elem.drop_tree()
        allowed = self.get_preserved_elements(node)
        for el in self.reverse_tags(node, *_CONDITIONALLY_CLEANED):
            if el in allowed:
                continue
            weight = self.class_weight(el)
            content_score = candidates[el]["content_score"] if el in candidates else 0
            if weight + content_score < 0:
                el.drop_tree()
                continue
            if _text(el).count(",") >= 10:
                continue
            if self._should_remove(el, weight, allowed, keep_all_images):
                el.drop_tree()
        self.html = node
        return self.get_clean_html()

    def _should_remove(self, el: HtmlElement, weight: int, allowed: dict, keep_all_images: bool) -> bool:
        counts = dict(zip(_COUNTED_TAGS, map(int, _DESCENDANT_COUNTS(el).split()), strict=True))
        counts["li"] -= 100
        counts["input"] -= counts.pop("hidden input")
        if keep_all_images and el.tag == "div" and counts["img"] >= 1:
            return False
        content_length = _text_length(el)
        if counts["p"] and counts["img"] > 1 + counts["p"] * 1.3:
            return True
        if counts["li"] > counts["p"] and el.tag not in ("ol", "ul"):
            return True
        if counts["input"] > counts["p"] / 3:
            return True
        if content_length < self.min_text_length and (counts["img"] == 0 or counts["img"] > 2):
            return True
        # Taken only now: the tests above decide many elements without it.
        link_density = _link_density(el, content_length)
        if el.tag in ("ul", "ol"):
            # Readability.js spares lists the low-weight link test: lists of sources and steps carry links.
            if link_density > LIST_MAX_LINK_DENSITY:
                return True
        elif weight < 25 and link_density > (0.25 if el.tag == "section" and _IN_MAIN_OR_ARTICLE(el) else 0.2):
            return True
        if weight >= 25 and link_density > 0.5:
            return True
        if (counts["embed"] == 1 and content_length < 75) or counts["embed"] > 1:
            return True
        if content_length:
            return False
        # Empty, but kept when a non-empty sibling on either side carries enough text (readability's rule).
        siblings = []
        for preceding in (False, True):
            for sibling in el.itersiblings(preceding=preceding):
                length = _text_length(sibling)
                if length:
                    siblings.append(length)
                    break
        if siblings and sum(siblings) > 1000:
            for kept in self.tags(el, "table", "ul", "div", "section"):
                allowed[kept] = True
            return False
        return True

    def get_clean_html(self) -> str:
        self.article = self.html
        return _text(self.html)


def extract(
    root: HtmlElement, url: str | None, content: tuple[Selector, ...] = (), deadline: Deadline | None = None
) -> HtmlElement:
    """Return the article element: the site rule's content root when it matches, else readability's pick."""
    for selector in content:
        nodes = selector.select(root)
        if nodes:
            log.debug("article root from rule selector %r", selector.source)
            return _wrap(nodes)
    article, article_words, promoted_main = _readability(root, url, deadline, semantic_main=True)
    # readability 0.9 can promote a <main> whose children its cleaning then empties: try without. (Had it
    # promoted none, the retry would repeat this reading step for step.)
    if len(article_words) < MIN_ARTICLE_WORDS_BEFORE_RETRY and promoted_main:
        retry, retry_words, _ = _readability(root, url, deadline, semantic_main=False)
        if len(retry_words) > len(article_words):
            article, article_words = retry, retry_words
    container = _densest_container(root)
    if container is not None:
        container_words = _words(container)
        found, total = len(article_words), len(container_words)
        # Too little found, or one section of a page whose text sits in one container (listicles, page
        # builders) that is not a link list: the container is the article.
        too_little = found < MIN_ARTICLE_WORDS_BEFORE_RETRY and total > 2 * found
        # A smaller share is enough when readability's pick lies inside the container (its opening is there),
        # smaller still when the container is the story's <article> or <main>.
        share_allowed = EXPAND_RATIO_IN_FRAME if _in_frame(container) else EXPAND_RATIO_INSIDE
        # The word counts first: they rule out most pages without the container's link density.
        one_section = (
            found < EXPAND_RATIO * total or (found < share_allowed * total and _opening_in(article, container_words))
        ) and _link_density(container) < EXPAND_MAX_LINK_DENSITY
        if too_little or one_section:
            log.debug("readability kept %d of %d words; using their container", found, total)
            article = container
            _drop_chrome(container)
    _drop_repeated_blocks(article)
    _drop_author_boxes(article)
    return article


def _introductions(best: HtmlElement) -> list[HtmlElement]:
    """The prose blocks before the pick under its parent (see INTRO_MIN_CHARS)."""
    found = []
    for sibling in best.itersiblings(*INTRO_TAGS, preceding=True):
        length = _text_length(sibling)
        if (
            length >= INTRO_MIN_CHARS
            and _link_density(sibling, length) < INTRO_MAX_LINK_DENSITY
            and next(sibling.iter("h1"), None) is None
            and _paragraph_length(sibling) >= INTRO_MIN_PARAGRAPH_SHARE * length
        ):
            found.append(sibling)
    return found


def _paragraph_length(element: HtmlElement) -> int:
    """The length of the text of the paragraphs in an element, whitespace collapsed."""
    return len(" ".join("".join(_PARAGRAPH_TEXT(element)).split()))


def _densest_container(root: HtmlElement) -> HtmlElement | None:
    """The deepest element holding most of the page's paragraph text: page builders (Elementor and kin)
    scatter an article over many widgets, which readability scores one by one and then drops."""
    # Paragraph text summed per parent first, then carried up once per parent rather than once per paragraph.
    by_parent: dict[HtmlElement, int] = {}
    grand_total = 0
    for paragraph in root.iter("p"):
        length = len(_text(paragraph))
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


def _higher_scoring_parent(best: dict, candidates: dict) -> dict:
    """Readability.js's walk up from the pick: the first scored ancestor scoring higher than the one below it
    wins (the pick was one part of the article), unless the scores fall below a third of the pick's first."""
    floor = best["content_score"] / 3
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


def _has_twice_the_text(main: HtmlElement, best: HtmlElement) -> bool:
    """readability's test, text_length(main) >= max(500, 2 * text_length(best)): decided on lengths taken in C
    when they are clear of the threshold, on readability's own (three regex passes) when close to it."""
    approximate = _text_length(main) / max(500, _text_length(best) * 2)
    if not 0.9 < approximate < 1.1:
        return approximate >= 1
    return text_length(main) >= max(500, text_length(best) * 2)


def _drop_copies(best: HtmlElement, own: list[HtmlElement], segments: list[HtmlElement]) -> list[HtmlElement]:
    """Drop the gathered segments whose opening the article already holds (second copies of the story);
    return the others."""
    if not segments:
        return []
    held = " ".join(" ".join([best.text or "", *(_text(child) for child in own)]).split())
    kept = []
    for segment in segments:
        text = " ".join(_text(segment).split())
        if text and text[:SEGMENT_COPY_OPENING_CHARS] in held:
            best.remove(segment)
        else:
            held += " " + text
            kept.append(segment)
    return kept


def _drop_repeated_blocks(article: HtmlElement) -> None:
    """Drop blocks repeating an earlier block word for word (a page's desktop and mobile copies of a section).
    Lengths are compared first, in C; only blocks of equal length have their text built."""
    by_length: dict[int, list[HtmlElement]] = {}
    for elem in _REPEATABLE_BLOCKS(article):
        length = _text_length(elem)
        if length >= REPEATED_BLOCK_MIN_CHARS:
            by_length.setdefault(length, []).append(elem)
    for group in by_length.values():
        if len(group) < 2:
            continue
        seen: dict[str, HtmlElement] = {}
        for elem in group:
            text = " ".join(_text(elem).split())
            first = seen.setdefault(text, elem)
            # A block nested in its twin (a wrapper around one paragraph) is no second copy.
            if first is not elem and elem.getparent() is not None and first not in elem.iterancestors():
                elem.drop_tree()


def _drop_author_boxes(article: HtmlElement) -> None:
    """Drop the author's bio box and byline blocks (Readability.js drops the byline too): no part of the story.
    A block holding half the article or more is the story in a wrapper with an unlucky class, and stays."""
    article_length = None
    for elem in _AUTHOR_BOX_CANDIDATES(article):
        if elem.getparent() is None or not AUTHOR_BOX_CLASS_RE.search(f"{elem.get('class', '')} {elem.get('id', '')}"):
            continue
        length = _text_length(elem)
        if length > AUTHOR_BOX_MAX_CHARS:
            continue
        if article_length is None:
            article_length = _text_length(article)
        if 2 * length < article_length:
            elem.drop_tree()


def _in_frame(container: HtmlElement) -> bool:
    """Whether the container is, or sits in, the page's <article> or <main>."""
    return container.tag in ("article", "main") or bool(_IN_MAIN_OR_ARTICLE(container))


def _drop_chrome(container: HtmlElement) -> None:
    """The container skipped readability's cleaning: drop the site navigation and footers inside it."""
    for elem in list(container.iter(*CONTAINER_CHROME_TAGS)):
        if elem is not container and not _UNLIKELY_EXEMPT(elem):
            elem.drop_tree()


def _readability(
    root: HtmlElement, url: str | None, deadline: Deadline | None, semantic_main: bool
) -> tuple[HtmlElement, list[str], bool]:
    """readability's article, its words, and whether readability promoted a <main> to get it."""
    document = _TreeDocument(root, url, deadline, semantic_main)
    text = document.summary(html_partial=True, keep_all_images=True)
    if document.article is None:
        raise NoArticle("no readable article found: the page has no text blocks")
    # summary returns get_clean_html's text of the article, which nothing has changed since.
    return document.article, text.split(), document.promoted_main


def _place_figures(first: HtmlElement, last: HtmlElement, before: list, after: list) -> None:
    """Put figures right before `first` and right after `last`, in their order."""
    for figure in before:
        first.addprevious(figure)
    for figure in reversed(after):
        last.addnext(figure)


def _neighbouring_figures(elem: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """The runs of figures right before and right after an element among its siblings."""
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


def _is_figure(elem: HtmlElement) -> bool:
    if elem.tag in FIGURE_TAGS:
        return True
    return _HAS_IMAGE(elem) and _text_length(elem) <= FIGURE_MAX_TEXT_CHARS


def _opening_in(article: HtmlElement, container_words: list[str]) -> bool:
    """Whether the article's opening words (its text outside figures, which it may have gathered from
    elsewhere) appear in the container's text."""
    opening = " ".join("".join(_TEXT_OUTSIDE_FIGURES(article)).split()[:12])
    return bool(opening) and opening in " ".join(container_words)


def _link_density(element: HtmlElement, text_length: int | None = None) -> float:
    """Link text over all text (text_length: the element's _text_length, when the caller has it)."""
    # All link text in one C call: per-link text_content() made big candidates cost O(links) Python calls each.
    links_above = sum(1 for _ in element.iterancestors("a"))
    link_length = len(" ".join("".join(_LINK_TEXT(element, links_above=links_above)).split()))
    if not link_length:
        return 0.0  # what the division gives, without taking the element's length
    return link_length / max(_text_length(element) if text_length is None else text_length, 1)


def _words(element: HtmlElement) -> list[str]:
    return _text(element).split()


def _wrap(nodes: list[HtmlElement]) -> HtmlElement:
    """Several matches (a split article body) become one container, in document order."""
    if len(nodes) == 1:
        return nodes[0]
    container = html.Element("div")
    for node in nodes:
        container.append(copy.deepcopy(node))
    return container
