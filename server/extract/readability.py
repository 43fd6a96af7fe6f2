"""readability-lxml's Document over our parsed tree, its methods overridden where we read faster or differently.

The overrides keep upstream's method names and parameters and come in upstream's order, so this file reads
side by side with readability/readability.py of the version below (a test fails when another is installed).
Each override's first line says why it exists: "Faster" ones compute what upstream's method computes;
"Changed" ones are where our article differs from readability's. The numbers are named in constants.py; the
tests of single elements the overrides run are in cleaning.py, where our pick gives way in candidates.py.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator

from lxml.html import HtmlElement
from readability import Document
from readability.readability import Unparseable, clean, is_video_url

from ..errors import DeclutterError, NoArticle
from ..limits import Deadline
from ..rules.structure import story_goes_on
from .candidates import (
    IN_FORM_ASIDE_OR_NAV,
    editorial_leads,
    has_twice_the_text,
    header_leads,
    inside_the_main,
    is_story_block,
    outside_chrome,
    shared_ancestor,
    short_block_stays,
    stray_paragraphs,
    titled_story,
)
from .cleaning import (
    CALL_TO_ACTION_RE,
    PagesBelow,
    class_and_id_weight,
    contents_boxes,
    data_tables,
    has_block_descendant,
    headers_heading_something,
    heading_weight,
    heads_its_block,
    holds_frame,
    id_is_own_text,
    image_block_stays,
    inside_dropped_or_code,
    is_bare_link_line,
    is_link_line,
    is_unlikely_value,
    link_line_runs,
    may_be_content,
    may_hold_button_links,
    opening,
    unlikely_named_elements,
    wraps_lines,
)
from .constants import (
    AD_OR_LOADING_MAX_CHARS,
    AD_OR_LOADING_RE,
    ARTICLE_BODY_MAX_LINK_DENSITY,
    BLOCK_MAX_LINK_DENSITY,
    BUTTON_LABEL_MAX_CHARS,
    BUTTON_LINK_CLASS_RE,
    CALL_TO_ACTION_MAX_LINK_DENSITY,
    CLASS_WEIGHT,
    EMBED_MIN_CHARS,
    EMPTY_BLOCK_SIBLING_CHARS,
    FRAMED_SECTION_MAX_LINK_DENSITY,
    FREE_IMAGES,
    GATHERED_LEAD_MARK,
    GRANDPARENT_SCORE_DIVISOR,
    IMAGES_PER_PARAGRAPH,
    LIST_ITEM_ALLOWANCE,
    MAIN_MAX_LINK_DENSITY,
    NESTED_ARTICLE_MIN_CHARS,
    NESTED_ARTICLE_MIN_SCORE_SHARE,
    PARAGRAPH_BASE_SCORE,
    PARAGRAPH_CHARS_PER_POINT,
    PARAGRAPH_MAX_LENGTH_POINTS,
    PARAGRAPHS_PER_INPUT,
    PROSE_MIN_COMMAS,
    SAME_CLASS_SIBLING_BONUS,
    SEGMENT_MIN_SCORE,
    SEGMENT_SCORE_SHARE,
    SHORT_BLOCK_MAX_IMAGES,
    SIBLING_MIN_SCORE,
    SIBLING_SCORE_SHARE,
    WEIGHTED_BLOCK_MAX_LINK_DENSITY,
)
from .measure import (
    HAS_IMAGE,
    IN_MAIN_OR_ARTICLE,
    PageLinks,
    element_text,
    link_density,
    normalized_length,
    weighted_link_density,
    xpath,
)
from .repairs import (
    drop_chrome,
    drop_copies,
    figures_between,
    higher_scoring_parent,
    introductions,
    neighbouring_figures,
    place_figures,
    with_lead_figure,
)

log = logging.getLogger(__name__)


def _not_our_refusal(record: logging.LogRecord) -> bool:
    """readability logs every exception with its traceback before wrapping it in Unparseable: the time cap firing
    inside it is an ordinary 422 (raised again by read_article), not an error with a traceback in the log."""
    error = record.exc_info[1] if record.exc_info else None
    return not isinstance(error, DeclutterError)


logging.getLogger("readability.readability").addFilter(_not_our_refusal)

# The readability-lxml release whose methods the overrides below mirror (pinned in pyproject.toml).
READABILITY_VERSION = "0.9"

_INLINE_TAGS = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})
_INLINE_TAGS_AND_BR = _INLINE_TAGS | {"br"}
_HEADINGS = ("h1", "h2")  # the headings Readability.js's _cleanHeaders judges
_ALL_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONDITIONALLY_CLEANED = ("table", "ul", "div", "aside", "header", "section")  # footers go whole (sanitize)

# Elements whose role Readability.js's grabArticle drops with the unlikely candidates (UNLIKELY_ROLES), in document
# order.
_UNLIKELY_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"})
# Every role value as a smart string (its getparent() is the element), in document order: few elements have one, and
# testing the values in Python beats an XPath predicate on every element.
_ROLE_VALUES = xpath("descendant::*/@role")
# What readability's sanitize counts under each conditionally cleaned element (all it reads: not the links).
_COUNTED_TAGS = ("p", "img", "li", "embed", "input")


def descendant_counts(element: HtmlElement) -> dict[str, int]:
    """How many of each _COUNTED_TAGS the element holds below it, and its hidden inputs ("hidden input"): one walk in C
    that stops only at those tags, ~1.8x cheaper over the corpus's blocks than one XPath of six count() walks."""
    counts = dict.fromkeys((*_COUNTED_TAGS, "hidden input"), 0)
    for descendant in element.iterdescendants(*_COUNTED_TAGS):
        tag = descendant.tag
        counts[tag] += 1
        if tag == "input" and descendant.get("type") == "hidden":
            counts["hidden input"] += 1
    return counts


class TreeDocument(Document):
    """readability's Document over a tree we already parsed and cleaned.

    readability re-parses its input on every pass; here each pass gets a copy of our tree instead, and the
    chosen article comes back as an element rather than a serialized string.
    """

    def __init__(
        self,
        tree: HtmlElement,
        url: str | None,
        deadline: Deadline,
        semantic_main: bool = True,
        host: str | None = None,
        title: str | None = None,
    ) -> None:
        # Changed: takes our tree, the request's time cap, whether a <main> may replace the pick, the page's host and
        # its title (the metadata stage's: it tells the page's headline, beside which its standfirst stands).
        super().__init__(tree, url=url)
        self.host = host
        self.title = title
        self.pages_below = PagesBelow(url)
        self.article: HtmlElement | None = None
        self.deadline = deadline
        self.semantic_main = semantic_main
        self.promoted_main = False
        self._quote_leads: dict[HtmlElement, bool] = {}
        self._link_lines: list[HtmlElement] = []  # divs of links made paragraphs (transform_misused_divs...)

    def _parse(self, input: HtmlElement) -> HtmlElement:
        # Changed: a copy of our tree, already parsed and cleaned, rather than a parse of the page.
        return copy.deepcopy(input)

    def get_clean_html(self) -> str:
        # Changed: keeps the article element for us; returns its text, all summary's length test reads.
        self.article = self.html
        return element_text(self.html)

    def get_article(self, candidates: dict, best_candidate: dict, html_partial: bool = False) -> HtmlElement:
        # Changed: the article's div is made in our own document (not by fragment_fromstring's parser, whose
        # element class lookup calls back into Python for every element proxy in every later stage), and the
        # introductions before the pick come along.
        if not html_partial:
            return super().get_article(candidates, best_candidate, html_partial)
        sibling_score_threshold = max(SIBLING_MIN_SCORE, best_candidate["content_score"] * SIBLING_SCORE_SHARE)
        # No step reads above the article: a div of no parent serves as fragment_fromstring's (alone in a body).
        output = self.html.makeelement("div")
        best_elem = best_candidate["elem"]
        self.add_heading_preamble(candidates, best_elem, sibling_score_threshold)
        self.merge_article_segments(candidates, best_candidate, sibling_score_threshold)
        parent = best_elem.getparent()
        siblings = list(parent) if parent is not None else [best_elem]
        editorial_leads = self.get_editorial_leads(best_elem)
        for lead in reversed(editorial_leads):
            lead.set(GATHERED_LEAD_MARK, "")  # paragraph_container's opening test skips it; sanitize drops the mark
            best_elem.insert(0, lead)
        intros = introductions(best_elem)
        before, after = stray_paragraphs(best_elem)  # taken while the pick is still in the page
        # A pick outside forms, asides and navigation is not joined by them (outside_chrome may have taken it).
        chrome_joins = IN_FORM_ASIDE_OR_NAV(best_elem)
        # Readability.js's bonus: a sibling of the pick's own class value gets a share of the pick's score.
        best_class = best_elem.get("class")
        class_bonus = best_candidate["content_score"] * SAME_CLASS_SIBLING_BONUS

        def bonus(sibling: HtmlElement) -> float:
            return class_bonus if best_class and sibling.get("class") == best_class else 0.0

        joined = []
        for sibling in siblings:
            if sibling in editorial_leads or (not chrome_joins and IN_FORM_ASIDE_OR_NAV(sibling)):
                joined.append(False)
                continue
            scored = candidates.get(sibling)
            append = (
                sibling is best_elem
                or (scored is not None and scored["content_score"] + bonus(sibling) >= sibling_score_threshold)
                or sibling in intros
            )
            # The paragraph tests can only add a sibling: skip them for one already in.
            if not append:
                append = is_story_block(sibling)
            joined.append(append)
        for sibling, append in zip(siblings, figures_between(siblings, joined), strict=True):
            if append:
                output.append(sibling)
        for paragraph in reversed(before):
            output.insert(0, paragraph)
        for paragraph in after:
            output.append(paragraph)
        return output

    def merge_article_segments(self, candidates: dict, best_candidate: dict, score_threshold: float) -> None:
        # Changed: each text block readability gathers brings its neighbouring figures, and second copies of
        # the story go; a segment of the pick's own tag and classes in its <article> needs readability's floor
        # only, not also a share of the pick's score (one long section of a story outscores its short ones 20 to 1).
        best = best_candidate["elem"]
        # Only for the pick and the candidates readability could merge: its segments share the pick's tag, sit
        # under another parent, and pass its lowest score floor (classless <article>s aside).
        floor = SEGMENT_MIN_SCORE
        # readability's segment floor is max(SEGMENT_MIN_SCORE, score * SEGMENT_SCORE_SHARE): capped so, the score
        # gives the floor alone (its only use of the pick's score; other segments are held to score_threshold).
        merged = {**best_candidate, "content_score": min(best_candidate["content_score"], floor / SEGMENT_SCORE_SHARE)}
        best_parent = best.getparent()
        figures = {
            elem: neighbouring_figures(elem)
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
            super().merge_article_segments(candidates, merged, score_threshold)
        kept = set(own)  # a set: picks can have very many children
        for segment in drop_copies(best, own, [child for child in best if child not in kept]):
            place_figures(segment, segment, *figures.get(segment, ((), ())))
        if own:
            place_figures(own[0], own[-1], *figures.get(best, ((), ())))

    def get_semantic_article_candidate(self, candidates: dict, best_candidate: dict) -> dict:
        # Faster: readability's first test with an XPath compiled once (it compiles one per call); most picks pass.
        # Changed: with no <article> to take instead, the best candidate outside forms, asides and navigation
        # when it scores a share of the pick (a site menu's teasers can outscore a short story).
        if not IN_FORM_ASIDE_OR_NAV(best_candidate["elem"]):
            return best_candidate
        semantic = super().get_semantic_article_candidate(candidates, best_candidate)
        return semantic if semantic is not best_candidate else outside_chrome(candidates, best_candidate)

    def get_semantic_main_candidate(self, candidates: dict, best_candidate: dict) -> dict:
        # Changed: can be switched off (extract's retry), and records whether a <main> was promoted; a pick
        # outside the page's one <main> gives way to the best candidate inside it that scores a share of it.
        if not self.semantic_main:
            return best_candidate
        best_candidate = inside_the_main(self.html, candidates, best_candidate)
        best_elem = best_candidate["elem"]
        ancestors = tuple(best_elem.iterancestors())
        if any(elem.tag == "article" for elem in (best_elem, *ancestors)):
            return best_candidate
        main = next((elem for elem in ancestors if elem.tag == "main"), None)
        if main is None or not has_twice_the_text(main, best_elem):
            return best_candidate
        if self.get_link_density(main) > MAIN_MAX_LINK_DENSITY:
            return best_candidate
        candidate = self.score_node(main)
        candidates[main] = candidate
        self.promoted_main = True
        return candidate

    def get_editorial_leads(self, best_elem: HtmlElement) -> list[HtmlElement]:
        # Changed: the standfirst told by more class words than readability's (intro, deck, abstract, chapo...),
        # plus the story's lead figure.
        return with_lead_figure(best_elem, editorial_leads(best_elem, self.title))

    def select_best_candidate(self, candidates: dict) -> dict | None:
        # Changed: Readability.js's walk up to a higher-scoring ancestor; faster: no debug strings, no set of
        # every descendant of the pick.
        if not candidates:
            return None
        ranked = sorted(candidates.values(), key=lambda candidate: candidate["content_score"], reverse=True)
        best = next(
            (
                candidate
                for candidate in ranked
                if "articleBody" in (candidate["elem"].get("itemprop") or "").split()
                and self.get_link_density(candidate["elem"]) <= ARTICLE_BODY_MAX_LINK_DENSITY
            ),
            None,
        ) or higher_scoring_parent(self.shared_candidate(ranked, candidates), candidates)
        for candidate in ranked:
            elem = candidate["elem"]
            if (
                elem.tag == "article"
                and candidate["content_score"] >= best["content_score"] * NESTED_ARTICLE_MIN_SCORE_SHARE
                and any(ancestor is best["elem"] for ancestor in elem.iterancestors())
                and normalized_length(elem) >= NESTED_ARTICLE_MIN_CHARS
            ):
                return candidate
        return titled_story(self.html, candidates, best)

    def shared_candidate(self, ranked: list[dict], candidates: dict) -> dict:
        """The best candidate, or the ancestor it shares with most of the next best (candidates.shared_ancestor),
        scored as readability scores a node when it had no score (Readability.js initializes it so)."""
        ancestor = shared_ancestor(ranked)
        if ancestor is None:
            return ranked[0]
        drop_chrome(ancestor)
        if ancestor not in candidates:
            candidates[ancestor] = self.score_node(ancestor)
        return candidates[ancestor]

    def get_link_density(self, elem: HtmlElement) -> float:
        # Faster: all link text in one XPath call, lengths taken in C. Changed: Readability.js's measure, an in-page
        # link's text counted at a share (weighted_link_density): a story's own contents box leads nowhere off it.
        return weighted_link_density(elem)

    def score_paragraphs(self) -> dict:
        # Faster: the text taken in C, short paragraphs ruled out before their whitespace is cleaned.
        candidates: dict[HtmlElement, dict] = {}
        ordered: list[HtmlElement] = []
        min_length = self.min_text_length
        for elem in self.html.iter("p", "pre", "td", "blockquote"):
            # The length first: it rules out more elements than a missing parent, and more cheaply.
            text = element_text(elem)
            if len(text) < min_length:
                continue  # normalizing its whitespace only shortens it
            parent = elem.getparent()
            if parent is None or next(elem.iterancestors("a"), None) is not None:  # a C walk, no XPath set-up
                continue  # a paragraph inside a link is a teaser's text: link text, never the story's
            inner_text = " ".join(text.split())
            if len(inner_text) < min_length:
                continue
            grandparent = parent.getparent()
            for node in (parent, grandparent):
                if node is not None and node not in candidates:
                    candidates[node] = self.score_node(node)
                    ordered.append(node)
            # count + 1 is the number of parts inner_text.split(",") makes, without making them.
            content_score = (
                PARAGRAPH_BASE_SCORE
                + (inner_text.count(",") + 1)
                + min(len(inner_text) / PARAGRAPH_CHARS_PER_POINT, PARAGRAPH_MAX_LENGTH_POINTS)
            )
            candidates[parent]["content_score"] += content_score
            if grandparent is not None:
                candidates[grandparent]["content_score"] += content_score / GRANDPARENT_SCORE_DIVISOR
        # Nested candidates share their links (a parent and its grandparent, the story's container and the page's):
        # each link's text is serialized once, not once per candidate holding it. No link holds a candidate (a
        # paragraph inside one was skipped above), as PageLinks needs.
        page_links = PageLinks(self.html)
        for elem in ordered:
            # readability's measure, every link whole: counted at a share, a contents sidebar's links lift its block.
            candidates[elem]["content_score"] *= 1 - page_links.link_density(elem)
        return candidates

    def class_weight(self, e: HtmlElement) -> int:
        # Faster: remembered per class and id pair (we pass readability no extra keywords). Changed: the text utilities
        # of utility-first CSS ('text-center') weigh nothing (cleaning.is_text_utility).
        return class_and_id_weight(e.get("class"), e.get("id"))

    def score_node(self, elem: HtmlElement) -> dict:
        # Changed: honours the request's time cap (called once per candidate, a cheap place to check).
        self.deadline.check()
        return super().score_node(elem)

    def remove_unlikely_candidates(self) -> None:
        # Changed: Readability.js's unlikely words (cleaning.UNLIKELY_WORDS), and links stay (they hold sentence
        # text: Readability.js exempts them); faster: one search over all class and id values rather than a
        # regex and two XPaths per element.
        dropped = None
        story_follows: dict[HtmlElement, bool] = {}
        for elem, names in self.deadline.paced(unlikely_named_elements(self.html)):
            if elem.tag in ("html", "body", "a") or may_be_content(names):
                continue
            # A heading's id made from its own words ('community-reaction') is the story's, not the site's markup, when
            # the story goes on after it: a CMS makes ids of every heading's words ('comments', 'related-stories').
            if (
                elem.tag in _ALL_HEADINGS
                and id_is_own_text(elem)
                and not is_unlikely_value(elem.get("class", ""))
                and story_goes_on(elem, story_follows)
            ):
                continue
            # readability's exemptions in two walks that stop early, the walk up also telling whether the element
            # went with the last dropped one (values come in document order).
            if inside_dropped_or_code(elem, dropped) or holds_frame(elem):
                continue
            # A story's header block goes (title, byline, share bar), its standfirst stays where it stood.
            if "header" in names.lower():
                for lead in header_leads(elem):
                    lead.tail = None
                    elem.addprevious(lead)
            elem.drop_tree()
            dropped = elem
        # Readability.js's unlikely roles: menus, navigation, complementary blocks, alerts and dialogs.
        dropped = None
        for role in self.deadline.paced(_ROLE_VALUES(self.html)):
            if role not in _UNLIKELY_ROLES:
                continue
            elem = role.getparent()
            if elem.tag in ("html", "body") or inside_dropped_or_code(elem, dropped) or holds_frame(elem):
                continue
            elem.drop_tree()
            dropped = elem

    def transform_misused_divs_into_paragraphs(self) -> None:
        # Faster: stops at the first block descendant instead of serializing each div, and skips divs with
        # nothing to wrap. Renaming a div to p keeps it a block, so no later answer changes.
        self._link_lines = []
        for elem in self.html.iter("div"):
            if not has_block_descendant(elem):
                # Changed: Readability.js keeps a div mostly of links a div, which its cleaning judges (sanitize).
                if is_link_line(elem):
                    self._link_lines.append(elem)
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
                if child.tag == "br" or child.tag not in _INLINE_TAGS or has_block_descendant(child):
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

    def tags(self, node: HtmlElement, *tag_names: str) -> list[HtmlElement]:
        # Faster: one walk for all the tags, in document order (readability walks once per tag); its callers drop
        # the elements or test them one by one, so the order changes nothing. A list: they drop while iterating.
        return list(node.iterdescendants(*tag_names))

    def reverse_tags(self, node: HtmlElement, *tag_names: str) -> Iterator[HtmlElement]:
        # Faster: readability's order (per tag, last first), each tag's list taken when its turn comes (the
        # elements dropped by then are gone), without going through ElementPath.
        for tag_name in tag_names:
            yield from reversed(list(node.iterdescendants(tag_name)))

    def is_toc_list(self, elem: HtmlElement) -> bool:
        # Faster: readability's test looks at every ancestor but can only match a <ul>: visit those alone.
        if elem.tag != "ul":
            return False
        return any(
            (previous := toc.getprevious()) is not None
            and previous.tag in ("h2", "h3", "h4")
            and clean(previous.text_content()).lower() == "table of contents"
            for toc in (elem, *elem.iterancestors("ul"))
        )

    def is_quote_lead(self, elem: HtmlElement) -> bool:
        # Faster: each ancestor's verdict remembered, rather than its whole text cleaned for every div below it.
        for lead in (elem, *elem.iterancestors()):
            following = lead.getnext()
            if following is None or next(following.iterdescendants("blockquote"), None) is None:
                continue
            verdict = self._quote_leads.get(lead)
            if verdict is None:
                text = " ".join(element_text(lead).split())
                verdict = self._quote_leads[lead] = len(text) >= self.min_text_length and text.endswith(":")
            if verdict:
                return True
        return False

    def get_preserved_elements(self, node: HtmlElement) -> dict:
        # Faster: a quote lead is followed by a block holding a <blockquote>: none in the tree, none to look for.
        allowed = {elem: True for elem in self.tags(node, "ul") if self.is_toc_list(elem)}
        ancestors = list(node.iterancestors())
        top = ancestors[-1] if ancestors else node
        if next(top.iterdescendants("blockquote"), None) is not None:
            allowed.update({elem: True for elem in self.tags(node, "div", "section") if self.is_quote_lead(elem)})
        return allowed

    def sanitize(self, node: HtmlElement, candidates: dict, keep_all_images: bool = False) -> str:
        # Changed: lists keep readability's low-weight link test off (see _should_remove); a heading goes as
        # Readability.js's _cleanHeaders drops one: an h1 or h2 of negative class weight, whatever its links (a
        # listicle item's heading linking to the item, a section heading linking to itself, stay); faster: counts
        # and lengths taken in C, no debug strings built for every element it looks at. Footers inside the article
        # go whole, as Readability.js's _prepArticle cleans them (its meta lines: 'posted in', tags, author box); so do
        # links styled as buttons with a button's label (calls to action: 'Shop houseplants').
        # Taken before anything goes: a <header> heading a block the cleaning empties (a sign-up form) heads clutter.
        heading_something = headers_heading_something(node)
        for header in list(node.iter(*_HEADINGS)):
            if header is not node and heading_weight(header) < 0:
                header.drop_tree()
        for elem in list(node.iter("p")):
            if elem is not node and (
                CALL_TO_ACTION_RE.search(opening(elem)) and link_density(elem) > CALL_TO_ACTION_MAX_LINK_DENSITY
            ):
                elem.drop_tree()
        for link in list(node.iter("a")) if may_hold_button_links(node) else ():
            if (
                link is not node
                and BUTTON_LINK_CLASS_RE.search(link.get("class", ""))
                and normalized_length(link) <= BUTTON_LABEL_MAX_CHARS
                and not HAS_IMAGE(link)
            ):
                link.drop_tree()
        for elem in list(node.iter("form", "textarea", "footer")):
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
        # A contents box goes before the blocks are judged: its links, counted, would take the story's text around it.
        for box in contents_boxes(node):
            box.drop_tree()
        allowed = self.get_preserved_elements(node)
        # Readability.js keeps a data table, what it holds and what holds it (readability cleans them as layout).
        for table in data_tables(node):
            # ...and the divs of links it holds ("p": made paragraphs, judged after the loop below).
            allowed.update(dict.fromkeys(table.iter(*_CONDITIONALLY_CLEANED, "p"), True))
            allowed.update(dict.fromkeys(table.iterancestors(*_CONDITIONALLY_CLEANED), True))
        # Readability.js keeps a div mostly of links a div, which the same cleaning judges ('Main article: ...', a line
        # of related links); only a line saying little besides its links goes (is_bare_link_line), and none of a list,
        # nor the wrapper holding only a list's lines.
        listed = link_line_runs(self._link_lines, self.host)
        for el in self.reverse_tags(node, *_CONDITIONALLY_CLEANED):
            self.deadline.check()  # a block's tests read its descendants: nested blocks cost depth times links
            if el.tag == "header" and el not in allowed and (el not in heading_something or heads_its_block(el)):
                # Readability.js's _cleanConditionally judges no header (readability-lxml scores one -5 and drops
                # it): one opening its block (a section's heading and lede) or alone in its wrapper (a title and date)
                # stays, unless mostly links (a site's menu); one whose block the cleaning emptied (a sign-up box's
                # heading, its form or its script-filled form's empty holder gone) is judged as before.
                if link_density(el) > BLOCK_MAX_LINK_DENSITY:
                    el.drop_tree()
                continue
            if (
                el not in allowed
                and not wraps_lines(el, listed)
                and self._cleaned(el, candidates, allowed, keep_all_images)
            ):
                el.drop_tree()
        for line in reversed(self._link_lines):
            self.deadline.check()
            if (
                line not in allowed
                and line not in listed
                and any(ancestor is node for ancestor in line.iterancestors())
                and is_bare_link_line(line)
                and self._cleaned(line, candidates, allowed, keep_all_images)
            ):
                line.drop_tree()
        self.html = node
        return self.get_clean_html()

    def _cleaned(self, el: HtmlElement, candidates: dict, allowed: dict, keep_all_images: bool) -> bool:
        """Whether sanitize's conditional cleaning drops the block: its class weight and score, its commas, then
        _should_remove's tests."""
        weight = self.class_weight(el)
        content_score = candidates[el]["content_score"] if el in candidates else 0
        # A list of neutral class is judged by its class weight alone, as Readability.js judges every block: its
        # score is negative by readability's tag base (a caption list, a list of the story's points).
        if weight + (0 if el.tag in ("ul", "ol") else content_score) < 0:
            return True
        if element_text(el).count(",") >= PROSE_MIN_COMMAS:
            return False
        return self._should_remove(el, weight, allowed, keep_all_images)

    def _should_remove(self, el: HtmlElement, weight: int, allowed: dict, keep_all_images: bool) -> bool:
        """sanitize's conditional cleaning of one block (inline in readability's sanitize), in its order."""
        counts = descendant_counts(el)
        counts["li"] -= LIST_ITEM_ALLOWANCE
        counts["input"] -= counts.pop("hidden input")
        content_length = normalized_length(el)
        # Changed: a div of images stays unless a strip of teaser cards with their thumbnails.
        image_block = keep_all_images and el.tag == "div" and counts["img"] >= 1
        if image_block and image_block_stays(el, content_length, self.pages_below):
            return False
        if counts["p"] and counts["img"] > FREE_IMAGES + counts["p"] * IMAGES_PER_PARAGRAPH:
            return True
        if counts["li"] > counts["p"] and el.tag not in ("ol", "ul"):
            return True
        if counts["input"] > counts["p"] / PARAGRAPHS_PER_INPUT:
            return True
        # Readability.js's: a block that only says "Advertisement" or "Loading..." (short: its text is read only then).
        if content_length <= AD_OR_LOADING_MAX_CHARS and AD_OR_LOADING_RE.fullmatch(" ".join(element_text(el).split())):
            return True
        # Taken only now: the tests above decide many elements without it.
        density = link_density(el, content_length)
        if (
            content_length < self.min_text_length
            and (counts["img"] == 0 or counts["img"] > SHORT_BLOCK_MAX_IMAGES)
            and not short_block_stays(el, content_length, density)
        ):
            return True
        # Readability.js spares lists its low-weight link test: lists of sources, steps and items carry links.
        if weight < CLASS_WEIGHT and el.tag not in ("ul", "ol"):
            framed = el.tag == "section" and IN_MAIN_OR_ARTICLE(el)
            if density > (FRAMED_SECTION_MAX_LINK_DENSITY if framed else BLOCK_MAX_LINK_DENSITY):
                return True
        if weight >= CLASS_WEIGHT and density > WEIGHTED_BLOCK_MAX_LINK_DENSITY:
            return True
        if (counts["embed"] == 1 and content_length < EMBED_MIN_CHARS) or counts["embed"] > 1:
            return True
        if content_length:
            return False
        # Empty, but kept when a non-empty sibling on either side carries enough text (readability's rule).
        siblings = []
        for preceding in (False, True):
            for sibling in el.itersiblings(preceding=preceding):
                length = normalized_length(sibling)
                if length:
                    siblings.append(length)
                    break
        if siblings and sum(siblings) > EMPTY_BLOCK_SIBLING_CHARS:
            for kept in self.tags(el, "table", "ul", "div", "section"):
                allowed[kept] = True
            return False
        return True


def read_article(
    root: HtmlElement,
    url: str | None,
    deadline: Deadline,
    semantic_main: bool,
    host: str | None = None,
    title: str | None = None,
) -> tuple[HtmlElement, list[str], bool]:
    """readability's article, its words, and whether readability promoted a <main> to get it. `host`: the page's, as
    clean() found it (its address's, or its canonical address's); a story's sources are known only with one. `title`:
    the page's, as the metadata stage found it (the standfirst beside the headline is taken only with one)."""
    document = TreeDocument(root, url, deadline, semantic_main, host, title)
    try:
        text = document.summary(html_partial=True, keep_all_images=True)
    except Unparseable as error:
        # readability wraps every exception in Unparseable: the time cap's TooComplex must stay a 422, not a 500.
        if isinstance(error.__context__, DeclutterError):
            raise error.__context__ from None
        raise
    if document.article is None:
        raise NoArticle("no readable article found: the page has no text blocks")
    # summary returns get_clean_html's text of the article, which nothing has changed since.
    return document.article, text.split(), document.promoted_main
