"""Where readability's pick gives way, beyond readability's own rules: to the best candidate inside the page's
one <main> (the pick an overlay, a dialog, a teaser column outside it), to the best outside forms, asides and
navigation (a site menu's teasers outscoring a short story), and the story's standfirst told by more class words
than readability's or by its place beside the page's headline (headline_lead). readability.py's overrides call these."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement
from readability.readability import text_length

from .cleaning import has_unlikely_word
from .constants import (
    ALTERNATIVE_CANDIDATE_SCORE_SHARE,
    ALTERNATIVE_CANDIDATES_MIN,
    BYLINE_CLASS_RE,
    CHROME_PICK_ALTERNATIVE_SHARE,
    EDITORIAL_LEAD_MAX_LINK_DENSITY,
    EDITORIAL_LEAD_MIN_CHARS,
    EDITORIAL_LEAD_RE,
    EDITORIAL_LEAD_SCOPE_LEVELS,
    EXACT_LENGTH_BAND,
    HEADLINE_KEY_POINT_MIN_WORDS,
    HEADLINE_KEY_POINTS_MAX_ITEMS,
    HEADLINE_KEY_POINTS_MIN_ITEMS,
    HEADLINE_LEAD_BYLINE_RE,
    HEADLINE_LEAD_CHROME_RE,
    HEADLINE_LEAD_MAX_DIGIT_SHARE,
    HEADLINE_LEAD_MAX_LABEL_WORDS,
    HEADLINE_LEAD_MAX_SIBLINGS,
    HEADLINE_LEAD_MAX_WORDS,
    HEADLINE_LEAD_MIN_TITLE_SHARE,
    HEADLINE_LEAD_MIN_WORDS,
    HEADLINE_MIN_CHARS,
    MAIN_MIN_CHARS,
    MAIN_MIN_TEXT_RATIO,
    OUTSIDE_MAIN_PICK_SHARE,
    SHORT_BLOCK_MIN_HEADING_DENSITY,
    SHORT_LINE_END_RE,
    SIBLING_PARAGRAPH_LONG_CHARS,
    SIBLING_PARAGRAPH_MAX_LINK_DENSITY,
    STRAY_PARAGRAPH_LEVELS,
    TITLED_STORY_SCORE_SHARE,
    TOP_CANDIDATES,
)
from .header import is_title_heading, title_words
from .measure import IN_FIGURE, element_text, heading_density, link_density, normalized_length, xpath

IN_FORM_ASIDE_OR_NAV = xpath("boolean(ancestor-or-self::form | ancestor-or-self::aside | ancestor-or-self::nav)")
_MAINS = xpath("descendant::main")
# Whether the first text after the element, in document order, lies outside headings.
_TEXT_FOLLOWS_OUTSIDE_HEADINGS = xpath(
    "boolean(following::text()[normalize-space()][1]"
    "[not(ancestor::h1 | ancestor::h2 | ancestor::h3 | ancestor::h4 | ancestor::h5 | ancestor::h6)])"
)
# Two paths, not their union: libxml2 merges a union's node sets pair by pair (order does not matter here).
_TITLE_TEXTS = xpath("/descendant::title/text()")
_OG_TITLES = xpath("/descendant::meta[@property='og:title']/@content")
_SENTENCE_END_RE = re.compile(r"\.( |$)")
# Never an editorial lead found by its class words (comments and processing instructions have no tag name).
_NOT_LEADS = frozenset({"figure", "picture", "img", "figcaption", etree.Comment, etree.ProcessingInstruction})
# The headlines before the pick, in document order (the preceding axis holds no ancestor of it, nor what it holds).
_HEADLINES_BEFORE = xpath("preceding::h1")
# Blocks that break a text into lines: a standfirst with none inside is one line.
_LINE_BREAKING_TAGS = ("p", "div", "br", "li", "section", "header", "footer", "table", "blockquote")
# Never a standfirst beside the headline, nor inside one: lists, tables, forms, the page's chrome, and what is never
# an editorial lead (_NOT_LEADS: a picture and its caption).
_NOT_HEADLINE_LEADS = (
    *("ul", "ol", "dl", "table", "form", "nav", "aside", "footer", "select", "video"),
    *(tag for tag in _NOT_LEADS if isinstance(tag, str)),
)
# A standfirst that is a quotation may end with its closing mark and no stop ('„… nadie podrá pararlo“'): each opening
# mark with the marks that close it (German „…“, Polish „…”, English “…”, French «…», German »…«).
_QUOTE_CLOSERS = {"„": "“”", "“": "”", "«": "»", "»": "«", '"': '"'}
_DIGIT_RE = re.compile(r"\d")


def has_twice_the_text(main: HtmlElement, best: HtmlElement) -> bool:
    """readability's test, text_length(main) >= max(500, 2 * text_length(best)): decided on lengths taken in C
    when they are clear of the threshold, on readability's own (three regex passes) when close to it."""
    approximate = normalized_length(main) / max(MAIN_MIN_CHARS, normalized_length(best) * MAIN_MIN_TEXT_RATIO)
    low, high = EXACT_LENGTH_BAND
    if not low < approximate < high:
        return approximate >= 1
    return text_length(main) >= max(MAIN_MIN_CHARS, text_length(best) * MAIN_MIN_TEXT_RATIO)


def inside_the_main(root: HtmlElement, candidates: dict, best_candidate: dict) -> dict:
    """The best candidate inside the page's only <main> when the pick lies outside it (an overlay, a dialog, a
    teaser column) and it scores at least OUTSIDE_MAIN_PICK_SHARE of the pick; else the pick."""
    mains = _MAINS(root)
    if len(mains) != 1:
        return best_candidate
    main = mains[0]
    # A pick inside the <main>, or holding it, is readability's get_semantic_main_candidate's to judge.
    pick = best_candidate["elem"]
    if (
        pick is main
        or any(elem is main for elem in pick.iterancestors())
        or any(elem is pick for elem in main.iterancestors())
    ):
        return best_candidate  # walks the two chains of ancestors, not every element of the <main>
    floor = best_candidate["content_score"] * OUTSIDE_MAIN_PICK_SHARE
    inside = [
        candidate
        for elem, candidate in candidates.items()
        if candidate["content_score"] >= floor and any(ancestor is main for ancestor in elem.iterancestors())
    ]
    return max(inside, key=lambda candidate: candidate["content_score"], default=best_candidate)


def shared_ancestor(ranked: list[dict]) -> HtmlElement | None:
    """Readability.js's step before its walk up from the pick (ranked[0]): when ALTERNATIVE_CANDIDATES_MIN or more of
    the next best candidates (of the top TOP_CANDIDATES) score ALTERNATIVE_CANDIDATE_SCORE_SHARE of the pick or more,
    the pick's nearest ancestor below <body> that holds that many of them; else None. A story in sibling blocks scored
    one by one (a page builder's text widgets, a comic's rows) is their ancestor, not its best block."""
    if not ranked:
        return None
    best = ranked[0]
    pick = best["elem"]
    # A short pick scoring as high as blocks of text owes its score to its class name (a slide's caption, a label).
    if best["content_score"] <= 0 or normalized_length(pick) <= SIBLING_PARAGRAPH_LONG_CHARS:
        return None
    floor = best["content_score"] * ALTERNATIVE_CANDIDATE_SCORE_SHARE
    around = set(pick.iterancestors())
    stories = {elem for elem in around if elem.tag == "article"}
    alternatives = []
    for candidate in ranked[1:TOP_CANDIDATES]:
        elem = candidate["elem"]
        # Blocks of the pick's kind (its tag) with text of their own: a short one owes its score to its class name.
        if (
            candidate["content_score"] < floor
            or elem.tag != pick.tag
            or normalized_length(elem) <= SIBLING_PARAGRAPH_LONG_CHARS
        ):
            continue
        ancestors = set(elem.iterancestors())
        # One inside the pick is in the article already (readability scores parents and grandparents both); one
        # outside the pick's <article>, or in an <article> not holding the pick, is another story's card.
        if pick in ancestors or not stories <= ancestors:
            continue
        if any(story.tag == "article" and story not in around for story in ancestors):
            continue
        alternatives.append(ancestors)
    if len(alternatives) < ALTERNATIVE_CANDIDATES_MIN:
        return None
    for ancestor in pick.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        if sum(ancestor in ancestors for ancestors in alternatives) >= ALTERNATIVE_CANDIDATES_MIN:
            return ancestor
    return None


def titled_story(root: HtmlElement, candidates: dict, best_candidate: dict) -> dict:
    """The best candidate in the page's headlined <article> (headlined_story) when the pick lies in another
    <article> and it scores at least TITLED_STORY_SCORE_SHARE of the pick: a page that loads the next stories
    below its own (infinite scroll) lets a longer one outscore it."""
    best_elem = best_candidate["elem"]
    titled = headlined_story(root, best_elem)
    if titled is None:
        return best_candidate
    floor = best_candidate["content_score"] * TITLED_STORY_SCORE_SHARE
    inside = [
        candidate
        for elem, candidate in candidates.items()
        if candidate["content_score"] >= floor and (elem is titled or any(a is titled for a in elem.iterancestors()))
    ]
    return max(inside, key=lambda candidate: candidate["content_score"], default=best_candidate)


def headlined_story(root: HtmlElement, elem: HtmlElement) -> HtmlElement | None:
    """The <article> holding the page's headline (its one <h1> of HEADLINE_MIN_CHARS or more whose text the
    page's <title> or og:title holds) when the element lies in another <article> with a headline of its own,
    neither inside the other (a page's content blocks, each an <article> under one headline, are one story)."""
    elem_story = elem if elem.tag == "article" else next(elem.iterancestors("article"), None)
    if elem_story is None or next(elem_story.iter("h1"), None) is None:
        return None
    titles = [" ".join(title.split()) for title in (*_TITLE_TEXTS(root), *_OG_TITLES(root))]
    headlines = [
        h1
        for h1 in root.iter("h1")
        if len(text := " ".join(element_text(h1).split())) >= HEADLINE_MIN_CHARS
        and any(text in title for title in titles)
    ]
    if len(headlines) != 1:
        return None
    story = next(headlines[0].iterancestors("article"), None)
    if story is None or story is elem_story:
        return None
    # One story inside the other (a page's <article> around the loaded ones) is one story's to judge.
    if any(a is story for a in elem_story.iterancestors()) or any(a is elem_story for a in story.iterancestors()):
        return None
    return story


def outside_chrome(candidates: dict, best_candidate: dict) -> dict:
    """The best candidate outside forms, asides and navigation, and not around the pick, that scores at least
    CHROME_PICK_ALTERNATIVE_SHARE of a pick inside them; else the pick."""
    floor = best_candidate["content_score"] * CHROME_PICK_ALTERNATIVE_SHARE
    around = set(best_candidate["elem"].iterancestors())  # they hold the chrome too
    outside = [
        candidate
        for elem, candidate in candidates.items()
        if candidate["content_score"] >= floor and elem not in around and not IN_FORM_ASIDE_OR_NAV(elem)
    ]
    return max(outside, key=lambda candidate: candidate["content_score"], default=best_candidate)


def editorial_leads(best_elem: HtmlElement, title: str | None = None) -> list[HtmlElement]:
    """readability's editorial leads with our class words (EDITORIAL_LEAD_RE): the blocks before the pick in its
    <article> or <main> (on a page without them, in its ancestor EDITORIAL_LEAD_SCOPE_LEVELS up) so named, with
    little link text, a sentence's length of text and no headline (<h1>), outermost first; and the standfirst beside
    the page's headline (headline_lead; title: the page's, as the metadata stage found it), named or not, in document
    order with them."""
    ancestors = list(best_elem.iterancestors())
    around = set(ancestors)  # a set: the walks below ask of every element before the pick
    beside_headline = headline_lead(best_elem, around, title)
    frame = next((elem for elem in ancestors if elem.tag in ("article", "main")), None)
    if frame is None:
        if len(ancestors) <= EDITORIAL_LEAD_SCOPE_LEVELS:
            return [beside_headline] if beside_headline is not None else []  # the scope would be the whole page
        frame = ancestors[EDITORIAL_LEAD_SCOPE_LEVELS - 1]
    leads: list[HtmlElement] = []
    if beside_headline is not None and frame not in beside_headline.iterancestors():
        leads.append(beside_headline)  # before the pick and outside its frame: before the frame
    for elem in frame.iter():
        if elem is best_elem:
            break
        if elem in around or not (elem is beside_headline or is_editorial_lead(elem)):
            continue
        if elem in leads or any(ancestor in leads for ancestor in elem.iterancestors()):
            continue
        leads.append(elem)
    return leads


def headline_lead(best_elem: HtmlElement, around: set[HtmlElement], title: str | None) -> HtmlElement | None:
    """The standfirst beside the page's headline, in any language and whatever its class: among the first
    HEADLINE_LEAD_MAX_SIBLINGS siblings after the page's headline (page_headline), the first that reads as prose
    (HEADLINE_LEAD_MIN_WORDS to HEADLINE_LEAD_MAX_WORDS words ending a sentence, little link text, no list, table,
    picture or heading inside, not a metadata line: _reads_as_lead); a header block of its own holds it apart from the
    body readability picks. A date or byline line before it is passed over; the body (the pick's ancestor, or a block
    longer than a standfirst) ends the search. A headline in a sibling of the pick is not searched: that sibling joins
    the article whole or not at all; nor is a standfirst followed by more text in its block (_ends_header).
    around: the pick's ancestors; title: the page's, as the metadata stage found it (None: no standfirst is taken)."""
    headline = page_headline(best_elem, title)
    # A headline under the pick's parent is in a sibling of the pick, which readability's sibling test judges whole.
    if headline is None or best_elem.getparent() in headline.iterancestors():
        return None
    for sibling in itertools.islice(headline.itersiblings(), HEADLINE_LEAD_MAX_SIBLINGS):
        if sibling is best_elem or sibling in around:
            return None
        if not isinstance(sibling.tag, str):
            continue
        text = " ".join(element_text(sibling).split())
        words = text.split(None, HEADLINE_LEAD_MAX_WORDS)
        if len(words) > HEADLINE_LEAD_MAX_WORDS:
            return None
        if len(words) >= HEADLINE_LEAD_MIN_WORDS and (
            _reads_as_lead(sibling, text, words) or _reads_as_key_points(sibling)
        ):
            return sibling if _ends_header(sibling) else None
    return None


def page_headline(best_elem: HtmlElement, title: str | None) -> HtmlElement | None:
    """The nearest <h1> before the pick that is the page's headline (_is_headline); None without a title, when none
    is, or when the pick holds the headline itself (and so its standfirst: a logo's <h1> before it is not one)."""
    title_tokens = title_words(title or "")  # none: no <h1> is the headline
    if any(_is_headline(h1, title_tokens) for h1 in best_elem.iter("h1")):
        return None
    return next((h1 for h1 in reversed(_HEADLINES_BEFORE(best_elem)) if _is_headline(h1, title_tokens)), None)


def _is_headline(h1: HtmlElement, title_tokens: list[str]) -> bool:
    """Whether the <h1>'s words are the title's (drop_repeated_title's measure) and hold HEADLINE_LEAD_MIN_TITLE_SHARE
    of the title's words or more (a logo's <h1> holds only the site name a title may hold)."""
    tokens = title_words(element_text(h1))
    vocabulary = set(title_tokens)
    return is_title_heading(title_tokens, tokens) and (
        len(vocabulary.intersection(tokens)) >= HEADLINE_LEAD_MIN_TITLE_SHARE * len(vocabulary)
    )


def _ends_header(lead: HtmlElement) -> bool:
    """Whether what follows the standfirst under its parent is short (a credit, a date, a share bar's label): the
    header block ends with it. More text after it makes the block the story's opening, readability's to judge."""
    words = 0
    for sibling in lead.itersiblings():
        if isinstance(sibling.tag, str):
            words += len(element_text(sibling).split(None, HEADLINE_LEAD_MIN_WORDS))
            if words >= HEADLINE_LEAD_MIN_WORDS:
                return False
    return True


def _reads_as_lead(elem: HtmlElement, text: str, words: list[str]) -> bool:
    """A standfirst's shape: a sentence's end (or a quotation's, _is_quoted; or none when its class names it a
    standfirst, EDITORIAL_LEAD_RE), little link text, no list, table, form, picture or heading inside (the element may
    itself be a subheading), outside forms, asides and navigation; and prose, not a metadata line
    (_reads_as_metadata)."""
    return (
        elem.tag not in _NOT_HEADLINE_LEADS
        # A standfirst named so often ends without a stop (a subheadline ending on a quotation's last words).
        and (SHORT_LINE_END_RE.search(text) is not None or _is_quoted(text) or _named_lead(elem))
        and link_density(elem) <= EDITORIAL_LEAD_MAX_LINK_DENSITY
        and next(elem.iterdescendants(*_NOT_HEADLINE_LEADS, "h1", "h2", "h3", "h4", "h5", "h6"), None) is None
        and not IN_FORM_ASIDE_OR_NAV(elem)
        and not _reads_as_metadata(elem, text, words)
    )


def _reads_as_key_points(elem: HtmlElement) -> bool:
    """A standfirst as a list of the story's key points: HEADLINE_KEY_POINTS_MIN_ITEMS to HEADLINE_KEY_POINTS_MAX_ITEMS
    items, each a phrase of HEADLINE_KEY_POINT_MIN_WORDS words or more, no link, picture or heading inside, outside
    forms, asides and navigation (a menu, a tag list or a share bar after the headline is links or single words)."""
    if elem.tag not in ("ul", "ol"):
        return False
    items = [child for child in elem if isinstance(child.tag, str)]
    return (
        HEADLINE_KEY_POINTS_MIN_ITEMS <= len(items) <= HEADLINE_KEY_POINTS_MAX_ITEMS
        and all(
            item.tag == "li"
            and len(element_text(item).split(None, HEADLINE_KEY_POINT_MIN_WORDS)) >= HEADLINE_KEY_POINT_MIN_WORDS
            for item in items
        )
        and next(
            elem.iterdescendants("a", "img", "picture", "h1", "h2", "h3", "h4", "h5", "h6", *_NOT_HEADLINE_LEADS), None
        )
        is None
        and not IN_FORM_ASIDE_OR_NAV(elem)
    )


def _named_lead(elem: HtmlElement) -> bool:
    """Whether the element is one line (no block inside) that its class or id names a standfirst (EDITORIAL_LEAD_RE:
    'article-subheadline', 'dek'); a block so named may wrap the meta lines after it ('post-hero__excerpt')."""
    return names_a_standfirst(f"{elem.get('class', '')} {elem.get('id', '')}") and (
        next(elem.iterdescendants(*_LINE_BREAKING_TAGS), None) is None
    )


@lru_cache(maxsize=8192)
def names_a_standfirst(names: str) -> bool:
    """Whether "class id" holds one of EDITORIAL_LEAD_RE's words, remembered per pair: the leads' walks ask it of every
    element before the pick and in dropped headers, and a page repeats its class values (its search tries every
    position of the value)."""
    return EDITORIAL_LEAD_RE.search(names) is not None


def _is_quoted(text: str) -> bool:
    """Whether the text is a quotation: it opens with a quotation mark and ends with one that closes it (a line
    ending in a quoted title it does not open with, 'Lesen Sie auch: „…“', is another story's)."""
    return len(text) > 1 and text[-1] in _QUOTE_CLOSERS.get(text[0], "")


def _reads_as_metadata(elem: HtmlElement, text: str, words: list[str]) -> bool:
    """A date line (HEADLINE_LEAD_MAX_DIGIT_SHARE of its words holding a digit), a byline (named so, or opening with
    a byline word before a name), a label's line ('Inhalt: ...'), or a cookie note: the header's metadata and chrome."""
    label = text.split(":", 1)[0] if ":" in text else None
    return (
        sum(_DIGIT_RE.search(word) is not None for word in words) >= HEADLINE_LEAD_MAX_DIGIT_SHARE * len(words)
        or BYLINE_CLASS_RE.search(f"{elem.get('class', '')} {elem.get('id', '')}") is not None
        or HEADLINE_LEAD_BYLINE_RE.match(text) is not None
        or (label is not None and len(label.split()) <= HEADLINE_LEAD_MAX_LABEL_WORDS)
        or HEADLINE_LEAD_CHROME_RE.search(text) is not None
    )


def is_editorial_lead(elem: HtmlElement) -> bool:
    """Whether the element is named a standfirst (EDITORIAL_LEAD_RE) or marked as the story's schema.org description
    (itemprop="description", in any language), with little link text, a sentence's length of text and no headline
    (<h1>)."""
    if elem.tag in _NOT_LEADS:
        return False  # figures: with_lead_figure takes the story's lead figure
    named = (elem.get("itemprop") == "description" and _describes_an_article(elem)) or names_a_standfirst(
        f"{elem.get('class', '')} {elem.get('id', '')}"
    )
    if not named or link_density(elem) > EDITORIAL_LEAD_MAX_LINK_DENSITY:
        return False
    # Not the headline block, which the reading view shows above the article; not a label ("Live").
    return next(elem.iter("h1"), None) is None and normalized_length(elem) >= EDITORIAL_LEAD_MIN_CHARS


# schema.org types whose description is a story's standfirst: Article and its kinds (NewsArticle, TechArticle, Report
# ...), BlogPosting and the page itself (WebPage), by the end of the itemtype's address.
_ARTICLE_TYPE_ENDINGS = ("Article", "BlogPosting", "Report", "WebPage")


def _describes_an_article(elem: HtmlElement) -> bool:
    """Whether an itemprop's item (its nearest itemscope above it) is the article or the page, or there is none (the
    page's own description): an author's bio (Person) or a video's caption (VideoObject) describes something else."""
    scope = next((a for a in elem.iterancestors() if a.get("itemscope") is not None), None)
    if scope is None:
        return True
    types = (scope.get("itemtype") or "").split()
    return any(address.rstrip("/").endswith(_ARTICLE_TYPE_ENDINGS) for address in types)


def header_leads(header: HtmlElement) -> list[HtmlElement]:
    """The standfirsts inside a story's header block (outermost only): readability drops the block for its
    'header' class word, and the story's lead with it."""
    leads: list[HtmlElement] = []
    for elem in header.iterdescendants():
        if is_editorial_lead(elem) and not any(ancestor in leads for ancestor in elem.iterancestors()):
            leads.append(elem)
    return leads


def stray_paragraphs(best_elem: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """Paragraphs (or divs wrapping one alone) before and after the pick's ancestors (STRAY_PARAGRAPH_LEVELS up)
    that pass readability's sibling paragraph test: a story's lede or closing lines left outside the block
    readability picked (its own siblings are readability's to judge)."""
    before: list[HtmlElement] = []
    after: list[HtmlElement] = []
    for level, ancestor in enumerate(best_elem.iterancestors()):
        if level >= STRAY_PARAGRAPH_LEVELS or ancestor.tag in ("body", "html"):
            break
        before[:0] = [p for p in ancestor.itersiblings("p", "div", preceding=True) if is_story_block(p)][::-1]
        after.extend(p for p in ancestor.itersiblings("p", "div") if is_story_block(p))
    return before, after


def is_story_block(elem: HtmlElement) -> bool:
    """Whether the element is a paragraph, or a div wrapping one alone, that passes the sibling paragraph test; the
    wrapped one long, linkless, and its div named by no unlikely word, exception or not (beside the story, a short
    wrapped line is a note or a site's tagline, one with a link a disclosure or a signature more often than its
    lede, and one in a 'comments-body' a comment)."""
    paragraph = paragraph_of(elem)
    if paragraph is None:
        return False
    if paragraph is not elem and (
        has_unlikely_word(f"{elem.get('class', '')} {elem.get('id', '')}")
        or link_density(paragraph) > 0
        or normalized_length(paragraph) <= SIBLING_PARAGRAPH_LONG_CHARS
    ):
        return False
    return is_story_paragraph(paragraph)


def paragraph_of(elem: HtmlElement) -> HtmlElement | None:
    """The element when it is a <p>, or the one <p> a div wraps with no text of its own beside it: Readability.js
    turns such a div into its paragraph before scoring, so its sibling paragraph test reads it (readability never)."""
    if elem.tag == "p":
        return elem
    if elem.tag != "div" or len(elem) != 1 or (elem.text is not None and not elem.text.isspace()):
        return None
    child = elem[0]
    if child.tag != "p" or (child.tail is not None and not child.tail.isspace()):
        return None
    return child


def is_story_paragraph(paragraph: HtmlElement) -> bool:
    """readability's sibling paragraph test on the paragraph's whole text (Readability.js reads it whole;
    readability its text before its first child only, 3 characters for 'As <a>Mashable</a> reports, ...'): longer
    than SIBLING_PARAGRAPH_LONG_CHARS with little link text, or shorter, linkless and ending a sentence."""
    text = " ".join(element_text(paragraph).split())
    density = link_density(paragraph)
    if len(text) > SIBLING_PARAGRAPH_LONG_CHARS:
        return density < SIBLING_PARAGRAPH_MAX_LINK_DENSITY
    return density == 0 and bool(_SENTENCE_END_RE.search(text))


def short_block_stays(block: HtmlElement, length: int, density: float) -> bool:
    """Whether a block too short for readability's cleaning (it drops them all) stays, as Readability.js keeps
    them: part of a figure, a section heading's wrapper followed by text (the next text no heading: not the heading
    of a link list cleaned away), or a linkless line ending a sentence ('They both took one.'); not a label
    ('Related Coverage')."""
    if IN_FIGURE(block):
        return True
    if heading_density(block, length) >= SHORT_BLOCK_MIN_HEADING_DENSITY:
        return _TEXT_FOLLOWS_OUTSIDE_HEADINGS(block)
    return density == 0 and bool(SHORT_LINE_END_RE.search(" ".join(element_text(block).split())))
