"""server.extract.repairs: what we add to readability's article, each repair on a small page built to show it."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from lxml import html
from lxml.html import HtmlElement

from server.errors import TooComplex
from server.extract import extract
from server.extract.repairs import (
    _BYLINE_ATTRIBUTES,
    _opening_words,
    _WordCollector,
    densest_container,
    drop_author_boxes,
    drop_byline,
    drop_repeated_blocks,
    higher_scoring_parent,
    introductions,
)
from server.limits import Deadline
from server.parse import parse
from tests.test_extract import TEXT, paragraphs


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


def test_a_sidebar_holding_most_paragraphs_never_replaces_a_short_story() -> None:
    # A photo blog: the short story is a caption and a list of facts, the sidebar's magazine blurbs are <p>s.
    fact = "<li>Exposure {n}: thirty seconds at ISO 800, from the hills near the village.</li>"
    facts = "".join(fact.format(n=n) for n in range(3))
    page = (
        "<html><body><div class='main'><article><div class='entry-content'>"
        f"<p>The Pleiades, with long diffraction spikes and blue nebulae, from a dark site.</p><ul>{facts}</ul>"
        f"</div></article></div><aside class='sidebar'>{paragraphs('Blurb', 6)}</aside></body></html>"
    )
    text = extract(parse(page), "https://photos.example/pleiades").text_content()
    assert "The Pleiades" in text and "Exposure 2" in text
    assert "Blurb" not in text


def test_a_carousel_list_holding_most_paragraphs_never_replaces_a_short_story() -> None:
    # A lawyer's home page: a short introduction, then a carousel of clients' quotes, each slide two <p>s.
    intro = (
        "<p>I am a lawyer in Herford, Westphalia, and I advise founders, freelancers, clubs and small firms on IT "
        "law, on contracts, and on data protection.</p>"
    )
    slide = "<li><p>Thank you very much for the quick and thorough advice {n}</p><p>Mail from a client in May</p></li>"
    slides = "".join(slide.format(n=n) for n in range(12))
    page = (
        f"<html><body><div class='container'><div class='jumbotron'><div class='row'><div class='col'>{intro * 3}"
        f"</div></div></div><ul class='slides'>{slides}</ul></div></body></html>"
    )
    text = extract(parse(page), "https://law.example/").text_content()
    assert "I am a lawyer in Herford" in text and "Mail from a client" not in text


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


def test_the_lead_figure_comes_along_whatever_its_caption_s_length_not_its_other_text_s() -> None:
    # Some sites caption the lead picture with the story's standfirst, longer than any credit.
    body = "".join(f"<p>{TEXT}</p>" for _ in range(4))
    standfirst = "This week, ten months after the convention first met, the draft goes to a vote. " * 6

    def page(figure_inside: str) -> str:
        return (
            "<html><body><div class='page'><article><a href='/live'><img src='https://img.example/bar.png'></a>"
            f"<figure><img src='https://img.example/lead.jpg'>{figure_inside}</figure>"
            f"<div class='row'><div class='story-body'>{body}</div></div></article></div></body></html>"
        )

    captioned = extract(parse(page(f"<figcaption>{standfirst}</figcaption>")), "https://news.example/vote")
    assert "ten months after the convention" in captioned.text_content()
    # Text beside the caption still counts: a long one makes the figure no picture's.
    boxed = page(f"<div>{standfirst}</div><figcaption>The hall.</figcaption>")
    assert "The hall." not in extract(parse(boxed), "https://news.example/vote").text_content()


def test_a_second_copy_of_the_story_is_not_gathered_as_a_further_segment() -> None:
    # A gated page carries the story twice (teaser layout and full layout) in blocks of the same class.
    body = f"<div class='entry-content'>{paragraphs('Part', 4)}</div>"
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
    story = f"{paragraphs('Step', 5)}<div class='tabs'>{section}</div><div class='accordion'>{section}</div>"
    page = f"<html><body><article><div class='body'>{story}</div></article></body></html>"
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert text.count("Can the foam dry out?") == 1
    assert "Step 5." in text


def test_the_author_bio_box_is_dropped() -> None:
    bio = (
        "<div class='author-bio'><p>Jane Moss writes about house plants and has kept a terrarium since 1998.</p></div>"
    )
    page = f"<html><body><article><div class='body'>{paragraphs('Step', 5)}{bio}</div></article></body></html>"
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "Step 5." in text
    assert "Jane Moss" not in text


@pytest.mark.parametrize(
    "byline",
    [
        "<p class='byline author'>Written by Jane Moss</p>",
        "<div class='Dateline'>By Jane Moss, Riverton, 3 May</div>",
        "<span itemprop='author'>Jane Moss</span>",
        "<p>By <a rel='author' href='/jane'>Jane Moss</a></p>",
    ],
)
def test_the_byline_line_is_dropped(byline: str) -> None:
    page = f"<html><body><article><div class='story'>{byline}{paragraphs('Step', 4)}</div></article></body></html>"
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "Jane Moss" not in text and "Step 4." in text


def test_only_the_first_short_byline_is_dropped() -> None:
    # Readability.js drops one byline: a later author-named element (a quoted writer's name) stays, and so does a
    # paragraph too long to be a byline.
    later = "<p>As <span class='author'>Tom Reed</span> put it, the glass matters less than the soil.</p>"
    page = (
        "<html><body><article><div class='story'><p class='byline'>By Jane Moss</p>"
        f"{paragraphs('Step', 3)}{later}</div></article></body></html>"
    )
    text = extract(parse(page), "https://howto.example/terrarium").text_content()
    assert "Jane Moss" not in text and "Tom Reed" in text
    page = f"<html><body><article><div class='story'><p class='author'>{TEXT}</p>{paragraphs('Step', 3)}</div>"
    assert TEXT[:40] in extract(parse(page + "</article></body></html>"), None).text_content()


def test_a_run_in_dateline_stays_with_the_first_paragraph() -> None:
    # "CAIRO —" opens the story's first sentence: the text runs on after it, so it is no byline line.
    opening = "<p><span class='dateline'>CAIRO —</span> Gunmen opened fire on visitors at the museum.</p>"
    page = f"<html><body><article><div class='story'>{opening}{paragraphs('Step', 4)}</div></article></body></html>"
    assert "CAIRO — Gunmen opened fire" in extract(parse(page), "https://news.example/a").text_content()


@pytest.mark.parametrize(
    "credited",
    [
        "<blockquote><p>We will rebuild the bridge within a year.</p><cite class='author'>Jane Doe, mayor</cite>"
        "</blockquote>",
        "<figure class='quote'><blockquote>We will rebuild the bridge within a year.</blockquote>"
        "<figcaption><strong class='quote-author'>Jane Doe, mayor</strong></figcaption></figure>",
    ],
)
def test_a_quotation_s_author_line_is_no_byline(credited: str) -> None:
    # Who said a quotation (or took a photo) is part of the story; the story's own byline still goes.
    story = f"<p class='byline'>By Kelli Miller</p>{paragraphs('Step', 2)}{credited}{paragraphs('Later', 2)}"
    text = extract(
        parse(f"<html><body><article>{story}</article></body></html>"), "https://news.example/a"
    ).text_content()
    assert "Jane Doe, mayor" in text and "Kelli Miller" not in text
    unsigned = f"{paragraphs('Step', 2)}{credited}{paragraphs('Later', 2)}"
    page = f"<html><body><article>{unsigned}</article></body></html>"
    assert "Jane Doe, mayor" in extract(parse(page), "https://news.example/a").text_content()


def test_a_story_split_into_sections_of_its_article_is_whole() -> None:
    # Each section sits in wrappers of its own, so readability scores them apart and keeps the longest.
    def section(label: str, count: int) -> str:
        return f"<section><div><div>{paragraphs(label, count)}</div></div></section>"

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
    page = f"<html><body>{header}{lede}<div class='body'>{paragraphs('Step', 8)}</div></body></html>"
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
        "<html><body>" + "".join(blocks.values()) + f"<div id='pick'>{paragraphs('Step', 3)}</div></body></html>"
    )
    named = {root.find("body")[n]: name for n, name in enumerate(blocks)}
    assert [named[block] for block in introductions(root.get_element_by_id("pick"))] == ["prose"]


def test_thedensest_container_is_the_deepest_holding_most_paragraphelement_text() -> None:
    root = parse(
        f"<html><body><div id='page'><div id='body'><div><p>{TEXT}</p></div><div><p>{TEXT}</p></div></div>"
        f"<div id='side'><p>short</p></div></div></body></html>"
    )
    assert densest_container(root).get("id") == "body"
    assert densest_container(parse("<html><body><div>no paragraphs</div></body></html>")) is None
    # Wrappers holding the same text tie with the deepest of them, which wins.
    wrapped = parse(
        f"<html><body><div id='a'><div id='b'><div id='c'><p>{TEXT}</p><p>x</p></div></div></div></body></html>"
    )
    assert densest_container(wrapped).get("id") == "c"
    lone = html.Element("p")
    lone.text = TEXT
    assert densest_container(lone) is None  # its only paragraph has no parent


def test_the_pick_gives_way_to_a_higher_scoring_ancestor() -> None:
    root = html.fromstring("<div id='story'><div id='wrap'><div id='part'><p>x</p></div></div></div>")
    part, wrap, story = (root.get_element_by_id(name) for name in ("part", "wrap", "story"))
    candidates = {
        part: {"elem": part, "content_score": 30.0},
        wrap: {"elem": wrap, "content_score": 25.0},
        story: {"elem": story, "content_score": 40.0},
    }
    assert higher_scoring_parent(candidates[part], candidates)["elem"] is story
    # Scores falling below a third of the pick's stop the walk.
    candidates[wrap]["content_score"] = 9.0
    assert higher_scoring_parent(candidates[part], candidates)["elem"] is part


def test_a_whole_story_beside_a_longer_block_of_text_is_not_swapped_for_it() -> None:
    # A 300-word story with a comment thread four times as long beside it: the thread holds most of the page's
    # paragraph text, but the story is no section of it. A short pick beside it (a page builder's widget) is.
    story = "".join(f"<p>Story {n}. {TEXT}</p>" for n in range(9))
    thread = "".join(f"<div class='reply'><p>Reply {n}. {TEXT}</p></div>" for n in range(40))
    page = "<html><body><article class='post'>{}</article><div class='comments'>{}</div></body></html>"
    text = extract(parse(page.format(story, thread)), "https://blog.example/post").text_content()
    assert "Story 8." in text and "Reply 3." not in text
    assert "Reply 3." in extract(parse(page.format(story[:800], thread)), "https://blog.example/post").text_content()


# Large articles: each search below was an XPath union (or a parent step) that libxml2 merges by testing every pair
# of results for duplicates, in one call the time cap cannot interrupt; they are one step or lxml's tag walk now, and
# the loops over what they find are paced by the cap (their lengths take time in the elements times their depth).


def test_the_byline_is_found_among_thousands_of_author_names() -> None:
    # Names in sentences (their text runs on: no byline), then the byline line.
    names = "".join(f"<p>Said <span class='author'>Writer {n}</span> today.</p>" for n in range(5_000))
    article = html.fromstring(f"<div>{names}<p class='byline'>By Jane Moss</p></div>")
    drop_byline(article)
    assert "Jane Moss" not in article.text_content()
    assert len(article.findall(".//span[@class='author']")) == 5_000


def test_repeated_blocks_are_found_among_thousands_of_blocks() -> None:
    blocks = "".join(f"<div>d{n}</div><section>s{n}</section><ul><li>u{n}</li></ul>" for n in range(2_000))
    article = html.fromstring(f"<div>{blocks}<section>{TEXT}</section><div>x</div><section>{TEXT}</section></div>")
    drop_repeated_blocks(article)
    assert len(article) == 6_002
    assert article.text_content().count(TEXT) == 1


def test_author_boxes_are_found_among_thousands_of_blocks() -> None:
    boxes = "".join(f"<div class='author-bio'>Jane {n}</div><aside id='bio'>Tom {n}</aside>" for n in range(2_000))
    article = html.fromstring(
        f"<div>{boxes}<section class='AUTHOR'>Kept: no lowercase word</section><p>{TEXT}</p></div>"
    )
    drop_author_boxes(article)
    assert [child.tag for child in article] == ["section", "p"]


def test_the_byline_searches_have_no_union_or_parent_step_and_their_elements_come_in_document_order() -> None:
    # The property that makes them linear: libxml2 merges a union's parts, and a parent step's results, pair by pair.
    assert all("|" not in find.path and ".." not in find.path for find in _BYLINE_ATTRIBUTES)
    # The first byline in the page is dropped, whichever attribute names it; one named twice is one candidate.
    article = html.fromstring(
        "<div><section><span id='byline'>By Jane Doe</span></section><span class='byline' rel='author'>By Tom Roe"
        f"</span><p>{TEXT}</p></div>"
    )
    drop_byline(article)
    assert "Jane Doe" not in article.text_content() and "Tom Roe" in article.text_content()
    # Thousands of candidates named by class and id, each with text after it (so none goes): read once each, in order.
    lines = "".join(f"<span class='byline' id='author-{n}'>By {n}</span> wrote {n}. " for n in range(5_000))
    article = html.fromstring(f"<div><p>{lines}</p><p>{TEXT}</p></div>")
    started = time.perf_counter()
    drop_byline(article)
    assert time.perf_counter() - started < 1.0 and len(article.findall(".//span")) == 5_000


@pytest.mark.parametrize("repair", [drop_byline, drop_repeated_blocks, drop_author_boxes])
def test_the_article_repairs_honour_the_time_cap(repair: Callable[[HtmlElement, Deadline], None]) -> None:
    nested = "".join(f"<div class='author-bio byline'><section>By {n}</section>" for n in range(600)) + "</div>" * 600
    article = html.fromstring(f"<div>{nested}{nested}</div>")
    with pytest.raises(TooComplex):
        repair(article, Deadline(1e-9))


@pytest.mark.parametrize(
    "pieces",
    [
        ["a", "b", " c", "d ", "e"],
        ["  ", "a b  c", "\n", "d"],
        ["ab", "", "cd\xa0", "ef"],
        ["one two", " three", "four five "],
    ],
)
def test_the_opening_words_are_the_joined_pieces_words(pieces: list[str]) -> None:
    words = _WordCollector()
    for piece in pieces:
        if piece:
            words.add(piece)
    assert words.all() == "".join(pieces).split()


def test_the_opening_words_of_a_hundred_thousand_glued_letters_are_read_in_linear_time() -> None:
    # '<span>a</span>' x 100,000 is one word: joining the pieces again per element took minutes (13 s at 50,000).
    article = html.fromstring("<div>" + "<span>a</span>" * 100_000 + f"<p>{TEXT}</p></div>")
    started = time.monotonic()
    words = _opening_words(article)
    assert words[0].startswith("a" * 100_000) and len(words) > 1
    assert time.monotonic() - started < 10, "a step is quadratic in the number of text pieces"
