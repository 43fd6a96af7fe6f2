"""Extraction rules beyond readability-lxml's own, each on a small page built to show it."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

import pytest
from lxml import html
from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES

from server import extract as extract_module
from server.extract import (
    _CALL_TO_ACTION_OPENING,
    _CALL_TO_ACTION_RE,
    _UNLIKELY_EXEMPT,
    _UNLIKELY_WORDS,
    _densest_container,
    _has_block_descendant,
    _higher_scoring_parent,
    _holds_frame,
    _inside_dropped_or_code,
    _link_density,
    _opening,
    _text,
    _TreeDocument,
    _unlikely_value_indexes,
    extract,
)
from server.parse import parse

TEXT = (
    "Cut the foam block about two centimetres smaller than the glass, soak it in water until it sinks, and dig "
    "a hole for the plant, taking care, as always, not to pierce the bottom, or the water will drain away."
)


def test_the_figures_beside_the_article_text_blocks_come_along() -> None:
    # A how-to's steps: each step's text block has its photo and caption beside it, not inside it.
    step = (
        "<div class='step'><div class='content'><p>Step {n}. " + TEXT + "</p></div>"
        "<figure class='thumb'><img src='https://img.example/step{n}.jpg' alt='Step {n}'></figure>"
        "<figcaption>Photo: Lucy</figcaption></div>"
    )
    steps = "".join(step.format(n=n) for n in range(1, 5))
    page = f"<html><body><nav><a href='/'>Home</a></nav><div class='col'>{steps}</div></body></html>"
    article = extract(parse(page), "https://howto.example/terrarium")
    assert [img.get("src") for img in article.iter("img")] == [f"https://img.example/step{n}.jpg" for n in range(1, 5)]
    assert article.text_content().count("Photo: Lucy") == 4
    assert "Home" not in article.text_content()


def test_a_list_of_linked_sources_inside_the_article_is_kept() -> None:
    items = "".join(
        f"<li><a href='/report-{n}'>Report {n} on harbour</a> water, from the state agency</li>" for n in range(1, 5)
    )
    body = f"<p>{TEXT}</p><p>Sources the council used, as published:</p><ul>{items}</ul><p>{TEXT}</p>"
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><div class='body'>{body}</div></article></body></html>"
    article = extract(parse(page), "https://news.example/harbour")
    assert "Report 3 on harbour water" in article.text_content()


def test_the_fallback_container_loses_its_navigation_and_footer() -> None:
    # A page builder scatters the article over widgets readability scores one by one; their container is the
    # article, but the site menu and footer inside it are not.
    widget = "<div class='w'><div class='x'><div class='y'><p>Step {n}. " + TEXT + "</p></div></div></div>"
    widgets = "".join(widget.format(n=n) for n in range(8))
    page = (
        "<html><body><div class='page'><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav>"
        f"{widgets}<footer>Copyright Terrarium Ltd</footer></div></body></html>"
    )
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "Step 7." in text and "Step 0." in text
    assert "Shop" not in text and "Copyright" not in text


def test_the_pick_gives_way_to_a_higher_scoring_ancestor() -> None:
    root = html.fromstring("<div id='story'><div id='wrap'><div id='part'><p>x</p></div></div></div>")
    part, wrap, story = (root.get_element_by_id(name) for name in ("part", "wrap", "story"))
    candidates = {
        part: {"elem": part, "content_score": 30.0},
        wrap: {"elem": wrap, "content_score": 25.0},
        story: {"elem": story, "content_score": 40.0},
    }
    assert _higher_scoring_parent(candidates[part], candidates)["elem"] is story
    # Scores falling below a third of the pick's stop the walk.
    candidates[wrap]["content_score"] = 9.0
    assert _higher_scoring_parent(candidates[part], candidates)["elem"] is part


def test_the_story_s_lead_figure_in_its_header_comes_along() -> None:
    body = "".join(f"<p>{TEXT}</p>" for _ in range(4))
    page = (
        "<html><body><div class='page'><article><header><h1>Terrariums</h1>"
        "<p class='byline'>By Lucy Akins, who has kept glass gardens on every windowsill of a small flat for years, "
        "and Tom Reyes, our gardening editor</p><div class='media'><div class='wrap'>"
        "<figure><img src='https://img.example/lead.jpg'><figcaption>A cloche. Photo: Lucy</figcaption></figure>"
        f"</div></div></header><section class='story-body'>{body}</section><footer><a href='/x'>Tags</a></footer>"
        "</article><aside><p>Other stories</p></aside></div></body></html>"
    )
    article = extract(parse(page), "https://howto.example/terrarium")
    assert [img.get("src") for img in article.iter("img")] == ["https://img.example/lead.jpg"]
    assert article.text_content().index("A cloche") < article.text_content().index("Cut the foam")


def _paragraphs(label: str, count: int) -> str:
    return "".join(f"<p>{label} {n}. {TEXT}</p>" for n in range(1, count + 1))


def test_a_second_copy_of_the_story_is_not_gathered_as_a_further_segment() -> None:
    # A gated page carries the story twice (teaser layout and full layout) in blocks of the same class.
    body = f"<div class='entry-content'>{_paragraphs('Part', 4)}</div>"
    page = (
        "<html><body><div class='page-body'>"
        f"<div class='teaser'>{body}</div><div class='gated'><div class='wrap'>{body}</div></div>"
        "</div></body></html>"
    )
    text = extract(parse(page), "https://blog.example/terrarium").text_content()
    assert text.count("Part 4.") == 1


def test_a_block_repeating_an_earlier_one_word_for_word_is_dropped() -> None:
    # The same answers twice, as tabs for wide screens and as an accordion for phones.
    section = f"<div class='faq'><h3>Can the foam dry out?</h3><p>Yes. {TEXT}</p></div>"
    story = f"{_paragraphs('Step', 5)}<div class='tabs'>{section}</div><div class='accordion'>{section}</div>"
    page = f"<html><body><article><div class='body'>{story}</div></article></body></html>"
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert text.count("Can the foam dry out?") == 1
    assert "Step 5." in text


def test_the_author_bio_box_is_dropped() -> None:
    bio = (
        "<div class='author-bio'><p>Jane Moss writes about house plants and has kept a terrarium since 1998.</p></div>"
    )
    page = f"<html><body><article><div class='body'>{_paragraphs('Step', 5)}{bio}</div></article></body></html>"
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "Step 5." in text
    assert "Jane Moss" not in text


def test_a_story_split_into_sections_of_its_article_is_whole() -> None:
    # Each section sits in wrappers of its own, so readability scores them apart and keeps the longest.
    def section(label: str, count: int) -> str:
        return f"<section><div><div>{_paragraphs(label, count)}</div></div></section>"

    page = (
        "<html><body><nav><a href='/'>Home</a></nav>"
        f"<article>{section('Intro', 2)}{section('Body', 5)}{section('Care', 2)}</article></body></html>"
    )
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "Intro 1." in text and "Body 5." in text and "Care 2." in text


def test_the_introduction_before_the_story_body_comes_along() -> None:
    # A review's lede sits in a block of its own before the body; its one paragraph scores under readability's
    # bar for siblings. The headline's block, prose as it may be, stays out.
    lede = f"<div class='lede'><p>We tested 40 foams. {TEXT}</p></div>"
    about = "By Jane Moss, who has kept terrariums since 1998 and tried every foam, moss, gravel and glass jar sold"
    header = f"<div class='head'><h1>The best foam for a terrarium</h1><p>{about}</p></div>"
    page = f"<html><body>{header}{lede}<div class='body'>{_paragraphs('Step', 8)}</div></body></html>"
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "We tested 40 foams." in text and "Step 8." in text
    assert "By Jane Moss" not in text


def test_an_introduction_is_prose_mostly_in_paragraphs() -> None:
    linked = "".join(f"<p><a href='#s{n}'>Step {n}</a> of the guide to foam, moss and glass</p>" for n in range(1, 9))
    blocks = {
        "prose": f"<div><p>{TEXT}</p></div>",
        "short": "<div><p>We tested 40 foams.</p></div>",
        "links": f"<div>{linked}</div>",
        "loose text": f"<div>{TEXT}<p>We tested 40 foams.</p></div>",
        "list": f"<ul><li>{TEXT}</li></ul>",
    }
    root = parse(
        "<html><body>" + "".join(blocks.values()) + f"<div id='pick'>{_paragraphs('Step', 3)}</div></body></html>"
    )
    named = {root.find("body")[n]: name for n, name in enumerate(blocks)}
    assert [named[block] for block in extract_module._introductions(root.get_element_by_id("pick"))] == ["prose"]


# The helpers behind the faster readability steps, each against what it replaces.


def test_unlikely_values_are_found_as_readability_s_regex_finds_them() -> None:
    assert all(re.fullmatch("[a-z-]+", word) for word in _UNLIKELY_WORDS)  # plain words, safe for str.find
    values = ["story", "Site-Header", "main footer", "", "ad-break", "x\ncomment", "menu menu", "body", "TWITTER"]
    pattern = REGEXES["unlikelyCandidatesRe"]
    expected = [index for index, value in enumerate(values) if pattern.search(value)]
    assert _unlikely_value_indexes(values) == expected == [1, 2, 4, 5, 6, 8]
    # Words found again and again, in values of every length, non-ASCII ones among them (İ lowercases to two).
    values = ["İİ menu", "x", "foot-menu", "", "İ", "Menu", "pager", "x", "commentary", "ſidebar"] * 3
    expected = [index for index, value in enumerate(values) if any(word in value.lower() for word in _UNLIKELY_WORDS)]
    assert _unlikely_value_indexes(values) == expected
    assert _unlikely_value_indexes([]) == []


def _readability_document(page: str) -> _TreeDocument:
    document = _TreeDocument(parse(page), None, None)
    document.html = document.input
    return document


def _after_both(page: str, step: str) -> tuple[HtmlElement, HtmlElement]:
    """The page's tree after one step, run by our override and by readability's own method."""
    ours, theirs = _readability_document(page), _readability_document(page)
    getattr(ours, step)()
    getattr(Document, step)(theirs)
    return ours.html, theirs.html


def test_unlikely_blocks_go_as_readability_drops_them_nested_ones_included() -> None:
    page = (
        "<html><body><div class='sidebar'><div class='menu'><p>Links</p></div></div>"
        "<div class='footer'><article><p>Kept: holds an article</p></article></div>"
        "<pre><span class='comment'>kept in code</span></pre><div id='Pagination'><span class='rss'>x</span></div>"
        "<div class='comments content'><p>kept: content</p></div><p>Story</p></body></html>"
    )
    ours, theirs = _after_both(page, "remove_unlikely_candidates")
    assert html.tostring(ours) == html.tostring(theirs)
    assert "Links" not in ours.text_content() and "Kept: holds an article" in ours.text_content()


def test_divs_become_paragraphs_as_readability_makes_them() -> None:
    page = (
        "<html><body><div>plain text</div><div><a href='/x'><img src='a.jpg'></a></div>"
        "<div>lead <b>bold</b> tail<div>inner</div> after<br>line</div><div><span><picture></picture></span>x</div>"
        "<div><ul><li>item</li></ul></div><div>\n <section>s</section>\n </div><div> <table></table> tail</div>"
        "<div>\u00a0<ul></ul></div><div><ol></ol><br><ol></ol></div></body></html>"
    )
    ours, theirs = _after_both(page, "transform_misused_divs_into_paragraphs")
    assert html.tostring(ours) == html.tostring(theirs)


def test_unlikely_exemptions_are_readability_s() -> None:
    root = html.fromstring(
        "<div><pre><span class='a'><b class='b'>x</b></span></pre><code class='c'>y</code><div class='d'>"
        "<section><article class='e'><math class='f'></math></article></section><main></main></div><p class='g'>z</p>"
        "<div class='h'><p class='i'>w</p></div></div>"
    )
    exempt = {elem.get("class"): bool(_UNLIKELY_EXEMPT(elem)) for elem in root.iter() if elem.get("class")}
    ours = {elem.get("class"): _inside_dropped_or_code(elem, None) or _holds_frame(elem) for elem in root.iter()}
    assert (
        {name: ours[name] for name in exempt}
        == exempt
        == {"a": True, "b": True, "c": True, "d": True, "e": True, "f": True, "g": False, "h": False, "i": False}
    )
    outer = root.find(".//div[@class='h']")
    assert _inside_dropped_or_code(outer[0], outer) and not _inside_dropped_or_code(outer, outer[0])


def test_the_call_to_action_test_reads_what_it_needs_of_a_paragraph() -> None:
    phrases = re.search(r"\(\?:(.*)\)", _CALL_TO_ACTION_RE.pattern).group(1).split("|")
    assert all(len(phrase) < _CALL_TO_ACTION_OPENING for phrase in phrases)
    paragraphs = [
        "<p>Subscribe to the newsletter for more</p>",
        "<p>  Sign up<a href='/x'> now</a></p>",
        "<p>Sign up today, <b>then</b> more</p>",
        "<p>\u00a0 \n Get the latest<b>s</b></p>",
        "<p>  Get the latest news and views</p>",
        "<p>Get the <i>latest</i></p>",
        "<p><b>Download</b> the app</p>",
        "<p>downloaded 4000 times over the year</p>",
        "<p>We ask you to subscribe</p>",
        "<p></p>",
    ]
    for markup in paragraphs:
        paragraph = html.fromstring(markup)
        found = _CALL_TO_ACTION_RE.search(_opening(paragraph))
        assert bool(found) == bool(_CALL_TO_ACTION_RE.search(paragraph.text_content())), markup


def test_the_article_is_readability_s_in_a_div_of_no_parent() -> None:
    page = (
        "<html><body><div class='page'><h2>Heading of the story</h2><div class='story'>"
        f"<p>{TEXT}</p><p>{TEXT}</p></div><p>A short line.</p><p><a href='/x'>a link</a></p>"
        f"<div class='other'><p>{TEXT}</p></div></div></body></html>"
    )
    ours, theirs = _readability_document(page), _readability_document(page)
    articles = []
    for document, get_article in ((ours, ours.get_article), (theirs, partial(Document.get_article, theirs))):
        candidates = document.score_paragraphs()
        articles.append(get_article(candidates, document.select_best_candidate(candidates), html_partial=True))
    assert html.tostring(articles[0]) == html.tostring(articles[1])
    assert articles[0].getparent() is None and "A short line." in articles[0].text_content()


def test_table_of_contents_lists_and_reversed_tags_are_readability_s() -> None:
    root = html.fromstring(
        "<div><h2>Table of  contents</h2><ul id='toc'><li><ul id='nested'><li>x</li></ul></li></ul>"
        "<h3>Table of contents</h3><div><ul id='other'></ul></div><h2>Contents</h2><ul id='plain'></ul></div>"
    )
    document = _TreeDocument(root, None, None)
    lists = list(root.iter("ul"))
    assert [document.is_toc_list(elem) for elem in lists] == [Document.is_toc_list(document, elem) for elem in lists]
    assert [document.is_toc_list(elem) for elem in lists] == [True, True, False, False]
    assert list(document.reverse_tags(root, "ul", "div", "li")) == list(
        Document.reverse_tags(document, root, "ul", "div", "li")
    )


def test_block_descendants_are_told_by_their_tag_s_start() -> None:
    root = html.fromstring("<div><span><a><img src='a.jpg'></a></span><span><svg><path/></svg></span></div>")
    first, second = root
    assert _has_block_descendant(first) and _has_block_descendant(second)
    assert not _has_block_descendant(html.fromstring("<div><span><b>x</b></span><br></div>"))


def test_text_is_the_text_content_without_the_tail() -> None:
    root = html.fromstring("<div><p>One <b>two</b> three<span>!</span></p>tail</div>")
    assert _text(root[0]) == root[0].text_content() == "One two three!"


def test_link_density_without_links_is_zero_and_takes_a_known_length() -> None:
    root = html.fromstring("<div><p>plain words</p><p><a href='/x'>link</a> text</p></div>")
    assert _link_density(root[0]) == 0.0
    assert _link_density(root) == 4 / len("plain wordslink text")  # the paragraphs touch: no space between
    assert _link_density(root, 8) == 0.5


def test_the_densest_container_is_the_deepest_holding_most_paragraph_text() -> None:
    root = parse(
        f"<html><body><div id='page'><div id='body'><div><p>{TEXT}</p></div><div><p>{TEXT}</p></div></div>"
        f"<div id='side'><p>short</p></div></div></body></html>"
    )
    assert _densest_container(root).get("id") == "body"
    assert _densest_container(parse("<html><body><div>no paragraphs</div></body></html>")) is None
    # Wrappers holding the same text tie with the deepest of them, which wins.
    wrapped = parse(
        f"<html><body><div id='a'><div id='b'><div id='c'><p>{TEXT}</p><p>x</p></div></div></div></body></html>"
    )
    assert _densest_container(wrapped).get("id") == "c"
    lone = html.Element("p")
    lone.text = TEXT
    assert _densest_container(lone) is None  # its only paragraph has no parent


def test_readability_s_tag_lists_come_in_document_order_without_the_node() -> None:
    root = html.fromstring("<div><p id='a'></p><div id='b'><p id='c'></p></div><section id='d'></section></div>")
    document = _TreeDocument(root, None, None)
    assert [elem.get("id") for elem in document.tags(root, "p", "div", "section")] == ["a", "b", "c", "d"]


def test_a_quote_lead_is_preserved_and_looked_for_only_beside_a_blockquote() -> None:
    lead = "<div class='lead'>The minister said in a statement on Friday:</div>"
    quoted = "<div class='quote'><blockquote>We will act.</blockquote></div>"
    with_quote = html.fromstring(f"<div>{lead}{quoted}</div>")
    document = _TreeDocument(with_quote, None, None)
    assert [elem.get("class") for elem in document.get_preserved_elements(with_quote)] == ["lead"]
    without = html.fromstring(f"<div>{lead}<div>We will act.</div></div>")
    assert document.get_preserved_elements(without) == {}


def test_readability_runs_again_only_after_promoting_a_main(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real = extract_module._readability

    def counting(*args: Any, **kwargs: Any) -> tuple:
        calls.append(kwargs["semantic_main"])
        return real(*args, **kwargs)

    monkeypatch.setattr(extract_module, "_readability", counting)
    short = "<html><body><div class='story'><p>" + TEXT + "</p></div></body></html>"
    extract(parse(short), "https://news.example/a")
    assert calls == [True]  # few words, but no <main> promoted: a retry would repeat the same steps
    calls.clear()
    # The <main> has twice the story's text, but its cleaning drops the related block holding most of it.
    related = "<div class='related'><p>" + "Other story. " * 50 + "</p></div>"
    promoted = f"<html><body><main><div class='story'><p>{TEXT}</p></div>{related}</main></body></html>"
    assert real(parse(promoted), None, None, semantic_main=True)[2]
    extract(parse(promoted), "https://news.example/b")
    assert calls == [True, False]
