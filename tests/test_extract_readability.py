"""server.extract.readability: our subclass of readability-lxml's Document. Its "Faster" overrides are checked
against readability's own methods on pages built to exercise them; its "Changed" ones on what they change."""

from __future__ import annotations

import importlib.metadata
import inspect
import logging
import re
import tomllib
from functools import partial
from pathlib import Path

import pytest
from lxml import html
from lxml.html import HtmlElement
from readability import Document
from readability.readability import Unparseable

from server.errors import TooComplex
from server.extract import extract
from server.extract.candidates import headline_lead, inside_the_main, names_a_standfirst
from server.extract.cleaning import (
    CALL_TO_ACTION_RE,
    UNLIKELY_WORDS,
    PagesBelow,
    class_and_id_weight,
    contents_boxes,
    data_tables,
    has_block_descendant,
    has_unlikely_word,
    holds_frame,
    inside_dropped_or_code,
    opening,
    unlikely_named_elements,
    unlikely_value_indexes,
)
from server.extract.constants import (
    CALL_TO_ACTION_OPENING_CHARS,
    EDITORIAL_LEAD_RE,
    GATHERED_LEAD_MARK,
    LINK_LINE_MAX_OWN_WORDS,
    OUTSIDE_MAIN_PICK_SHARE,
)
from server.extract.readability import (
    READABILITY_VERSION,
    TreeDocument,
    read_article,
)
from server.extract.repairs import _opening_in, _unlikely_exempt
from server.limits import NO_DEADLINE, Deadline
from server.parse import parse
from server.pipeline import clean
from tests.conftest import article_page
from tests.test_extract import TEXT

# Methods of TreeDocument that are ours, not overrides of readability's.
_OWN_METHODS = {"__init__", "_cleaned", "_should_remove", "shared_candidate"}


def test_the_installed_readability_is_the_release_the_overrides_mirror() -> None:
    installed = importlib.metadata.version("readability-lxml")
    assert installed == READABILITY_VERSION, (
        f"readability-lxml {installed} is installed, but server/extract/readability.py mirrors {READABILITY_VERSION}: "
        "compare each override with the new release's method, then update READABILITY_VERSION and the pin"
    )
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"readability-lxml=={READABILITY_VERSION}" in pyproject["project"]["dependencies"]


def test_every_override_still_exists_upstream_with_the_same_parameters() -> None:
    overrides = [
        name for name, member in vars(TreeDocument).items() if inspect.isfunction(member) and name not in _OWN_METHODS
    ]
    assert len(overrides) == 20
    for name in overrides:
        upstream = getattr(Document, name, None)
        assert inspect.isfunction(upstream), (
            f"readability's Document no longer has {name}, which TreeDocument overrides"
        )
        ours, theirs = (list(inspect.signature(method).parameters) for method in (vars(TreeDocument)[name], upstream))
        assert ours == theirs, f"{name}: readability's parameters are now {theirs}, ours {ours}"
    # Our constructor hands readability the tree and the URL by these names.
    assert {"input", "url"} <= set(inspect.signature(Document.__init__).parameters)


def test_a_list_of_linked_sources_inside_the_article_is_kept() -> None:
    items = "".join(
        f"<li><a href='/report-{n}'>Report {n} on harbour</a> water, from the state agency</li>" for n in range(1, 5)
    )
    body = f"<p>{TEXT}</p><p>Sources the council used, as published:</p><ul>{items}</ul><p>{TEXT}</p>"
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><div class='body'>{body}</div></article></body></html>"
    article = extract(parse(page), "https://news.example/harbour")
    assert "Report 3 on harbour water" in article.text_content()


# Readability.js 0.6.0's REGEXPS.unlikelyCandidates, as its source writes it.
_READABILITY_JS_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
    r"related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
    r"pagination|pager|popup|yom-remote",
    re.I,
)


def test_unlikely_values_are_found_as_readability_js_s_regex_finds_them() -> None:
    assert all(re.fullmatch("[a-z0-9-]+", word) for word in UNLIKELY_WORDS)  # plain words: no regex syntax in them
    values = ["story", "Site-Header", "main footer", "", "ad-break", "x\ncomment", "menu menu", "body", "TWITTER"]
    values += ["Related-Posts", "social-share", "foot", "twitter-tweet", "is-ad-slot"]
    expected = [index for index, value in enumerate(values) if _READABILITY_JS_UNLIKELY.search(value)]
    assert unlikely_value_indexes(values) == expected == [1, 2, 4, 5, 6, 9, 10, 13]
    # Words found again and again, in values of every length, non-ASCII ones among them (İ lowercases to two).
    values = ["İİ menu", "x", "foot-menu", "", "İ", "Menu", "pager", "x", "commentary", "ſidebar"] * 3
    expected = [index for index, value in enumerate(values) if any(word in value.lower() for word in UNLIKELY_WORDS)]
    assert unlikely_value_indexes(values) == expected
    assert unlikely_value_indexes([]) == []


def _readability_document(page: str) -> TreeDocument:
    document = TreeDocument(parse(page), None, NO_DEADLINE)
    document.html = document.input
    return document


def _after_both(page: str, step: str) -> tuple[HtmlElement, HtmlElement]:
    """The page's tree after one step, run by our override and by readability's own method."""
    ours, theirs = _readability_document(page), _readability_document(page)
    getattr(ours, step)()
    getattr(Document, step)(theirs)
    return ours.html, theirs.html


def test_unlikely_blocks_go_as_readability_drops_them_nested_ones_included() -> None:
    # Words both lists share: the walk and its exemptions are readability's.
    page = (
        "<html><body><div class='sidebar'><div class='menu'><p>Links</p></div></div>"
        "<div class='footer'><article><p>Kept: holds an article</p></article></div>"
        "<pre><span class='comment'>kept in code</span></pre><div id='Pagination'><span class='rss'>x</span></div>"
        "<div class='comments content'><p>kept: content</p></div><p>Story</p></body></html>"
    )
    ours, theirs = _after_both(page, "remove_unlikely_candidates")
    assert html.tostring(ours) == html.tostring(theirs)
    assert "Links" not in ours.text_content() and "Kept: holds an article" in ours.text_content()


def test_a_live_commentary_is_the_story_and_readers_comments_are_not() -> None:
    # A match's minute by minute, its entries named 'live-match-comment': the page's story, though 'comment' is both
    # an unlikely and a negative word; readers' comments (and a comment vendor's 'livefyre') still go.
    entries = "".join(
        f"<div class='live-match-comment'><div class='live-match-comment-time'>{90 - i}'</div>"
        f"<div class='live-match-comment-body'>{TEXT} Minute {90 - i} of the match.</div></div>"
        for i in range(8)
    )
    page = (
        "<html><body><div class='sidebar'><p>Other results of the day, a list of links and scores.</p></div>"
        f"<div class='live-match'><div class='live-match-comments'>{entries}</div></div>"
        f"<div class='comments'><p>{TEXT} A reader's comment.</p></div>"
        f"<div class='livefyre-commentcount'><p>{TEXT} Another reader's comment.</p></div></body></html>"
    )
    text = _article_text(page)
    assert "Minute 90 of the match." in text and "Minute 83 of the match." in text
    assert "comment." not in text
    assert class_and_id_weight("live-match-comment", None) == 0 < class_and_id_weight("live-match-comment-body", None)
    assert class_and_id_weight("live-commentary", None) == 0 == class_and_id_weight("livecomments", None)
    assert class_and_id_weight("comments", None) < 0 and class_and_id_weight("livefyre-commentcount", None) < 0


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
    exempt = {elem.get("class"): _unlikely_exempt(elem) for elem in root.iter() if elem.get("class")}
    ours = {elem.get("class"): inside_dropped_or_code(elem, None) or holds_frame(elem) for elem in root.iter()}
    assert (
        {name: ours[name] for name in exempt}
        == exempt
        == {"a": True, "b": True, "c": True, "d": True, "e": True, "f": True, "g": False, "h": False, "i": False}
    )
    outer = root.find(".//div[@class='h']")
    assert inside_dropped_or_code(outer[0], outer) and not inside_dropped_or_code(outer, outer[0])


def test_the_unlikely_exemption_is_read_by_walks_that_stop_at_the_first_hit() -> None:
    # Asides by the ten thousand, each holding an article, inside one code block: each answer is its first hit.
    body = "<aside><article><p>x</p></article></aside>" * 20_000
    root = html.fromstring(f"<div><pre><code>{body}</code></pre></div>")
    assert all(_unlikely_exempt(aside) for aside in root.iter("aside"))


def test_the_call_to_action_test_reads_what_it_needs_of_a_paragraph() -> None:
    phrases = re.search(r"\(\?:(.*)\)", CALL_TO_ACTION_RE.pattern).group(1).split("|")
    assert all(len(phrase) < CALL_TO_ACTION_OPENING_CHARS for phrase in phrases)
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
        found = CALL_TO_ACTION_RE.search(opening(paragraph))
        assert bool(found) == bool(CALL_TO_ACTION_RE.search(paragraph.text_content())), markup


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
    document = TreeDocument(root, None, NO_DEADLINE)
    lists = list(root.iter("ul"))
    assert [document.is_toc_list(elem) for elem in lists] == [Document.is_toc_list(document, elem) for elem in lists]
    assert [document.is_toc_list(elem) for elem in lists] == [True, True, False, False]
    assert list(document.reverse_tags(root, "ul", "div", "li")) == list(
        Document.reverse_tags(document, root, "ul", "div", "li")
    )


def test_block_descendants_are_told_by_their_tag_s_start() -> None:
    root = html.fromstring("<div><span><a><img src='a.jpg'></a></span><span><svg><path/></svg></span></div>")
    first, second = root
    assert has_block_descendant(first) and has_block_descendant(second)
    assert not has_block_descendant(html.fromstring("<div><span><b>x</b></span><br></div>"))


def test_readability_s_tag_lists_come_in_document_order_without_the_node() -> None:
    root = html.fromstring("<div><p id='a'></p><div id='b'><p id='c'></p></div><section id='d'></section></div>")
    document = TreeDocument(root, None, NO_DEADLINE)
    assert [elem.get("id") for elem in document.tags(root, "p", "div", "section")] == ["a", "b", "c", "d"]


def test_a_quote_lead_is_preserved_and_looked_for_only_beside_a_blockquote() -> None:
    lead = "<div class='lead'>The minister said in a statement on Friday:</div>"
    quoted = "<div class='quote'><blockquote>We will act.</blockquote></div>"
    with_quote = html.fromstring(f"<div>{lead}{quoted}</div>")
    document = TreeDocument(with_quote, None, NO_DEADLINE)
    assert [elem.get("class") for elem in document.get_preserved_elements(with_quote)] == ["lead"]
    without = html.fromstring(f"<div>{lead}<div>We will act.</div></div>")
    assert document.get_preserved_elements(without) == {}


def test_the_time_cap_inside_readability_stays_a_time_cap(caplog: pytest.LogCaptureFixture):
    """readability wraps every exception in Unparseable; the cap's TooComplex must come out as itself (a 422),
    without the traceback readability logs for an error."""
    root = parse(article_page(paragraphs=40))
    with caplog.at_level(logging.DEBUG), pytest.raises(TooComplex):
        read_article(root, None, Deadline(1e-9), semantic_main=True)
    assert not [record for record in caplog.records if record.exc_info], caplog.text


def test_a_real_error_inside_readability_is_still_logged(caplog: pytest.LogCaptureFixture):
    """Only our own refusals are kept out of readability's log: a bug inside it keeps its traceback."""
    root = parse(article_page(paragraphs=40))
    deadline = Deadline(60)
    deadline.check = lambda: 1 / 0  # a bug where the cap is checked, inside readability's scoring
    with caplog.at_level(logging.DEBUG), pytest.raises(Unparseable):
        read_article(root, None, deadline, semantic_main=True)
    assert [record for record in caplog.records if record.exc_info and record.exc_info[0] is ZeroDivisionError]


# Where our pick differs from readability's (candidates.py).

_STORY = "".join(f"<p>{TEXT} Part {i} of the story.</p>" for i in range(5))


def _article_text(page: str, title: str | None = None) -> str:
    article, _, _ = read_article(parse(page), None, NO_DEADLINE, semantic_main=True, title=title)
    return " ".join(article.text_content().split())


@pytest.mark.parametrize(
    "lead_class", ["article-deck", "content__intro", "chapo", "article-subheadline", "abstract", "teaser-text"]
)
def test_a_standfirst_named_by_a_class_word_joins_the_article(lead_class: str) -> None:
    standfirst = "Soaked foam keeps cut flowers fresh for a week, our gardener found."
    page = (
        f"<html><body><article><header><h1>Flowers</h1><p class='{lead_class}'>{standfirst}</p></header>"
        f"<div class='body'>{_STORY}</div></article></body></html>"
    )
    assert standfirst in _article_text(page)
    # readability's own words alone miss it.
    document = _readability_document(page)
    candidates = document.score_paragraphs()
    best = document.select_best_candidate(candidates)["elem"]
    assert Document.get_editorial_leads(document, best) == []


@pytest.mark.parametrize("hero_class", ["page-hero__text", "hero-description", "page-hero__copy"])
def test_a_hero_block_s_text_is_a_standfirst(hero_class: str) -> None:
    # A page builder's hero holds the headline, share links and the standfirst in a text block of its own
    # ('hero__text'), in a grid cell apart from the story's; the hero as a whole ('page-hero') names none.
    standfirst = "Heat pumps draw their energy from the air and the ground, and they suit old houses too."
    shares = "<ul class='sharing'><li><a href='https://x.com/share'>X</a></li></ul>"
    lead = f"<div class='{hero_class}'><p>{standfirst}</p></div>"
    hero = f"<div class='grid'><div class='page-hero'>{shares}{lead}</div></div>"
    body = f"<div class='container'><div class='grid'><div class='text'>{_STORY}</div></div></div>"
    page = f"<html><body><main>{hero}{body}</main></body></html>"
    assert standfirst in _article_text(page)
    assert standfirst not in _article_text(page.replace(hero_class, "hero-panel"))


def test_a_standfirst_marked_as_the_schema_org_description_joins_the_article() -> None:
    # itemprop="description" says it in any language, whatever the class names ('news-description', 'kurztext').
    standfirst = "Schaumstoff hält Schnittblumen eine Woche lang frisch, hat unsere Gärtnerin herausgefunden."
    page = (
        "<html><body><article itemscope itemtype='https://schema.org/Article'><h1>Blumen</h1>"
        "<div class='kopf'><span class='datum'>5. Dezember 2026</span>"
        f"<p itemprop='description' class='kurztext'>{standfirst}</p></div>"
        f"<div class='body'>{_STORY}</div></article></body></html>"
    )
    assert standfirst in _article_text(page)
    assert standfirst not in _article_text(page.replace(" itemprop='description'", ""))


def test_a_description_of_an_item_inside_the_article_is_no_standfirst() -> None:
    # An author's bio (Person) or a video's caption (VideoObject) before the body describes something else.
    bio = "Anna Berger schreibt seit zwanzig Jahren über Gärten, Pflanzen und das Wetter in den Alpen."
    for item in ("https://schema.org/Person", "https://schema.org/VideoObject"):
        page = (
            "<html><body><article itemscope itemtype='https://schema.org/NewsArticle'><h1>Blumen</h1>"
            f"<div class='kopf'><span class='datum'>5. Dezember 2026</span><div itemprop='author' itemscope "
            f"itemtype='{item}'><p itemprop='description' class='kurztext'>{bio}</p></div></div>"
            f"<div class='body'>{_STORY}</div></article></body></html>"
        )
        assert bio not in _article_text(page)
        assert bio in _article_text(page.replace(item, "https://schema.org/NewsArticle"))


def test_a_standfirst_on_a_page_without_article_or_main_is_looked_for_near_the_pick() -> None:
    standfirst = "Soaked foam keeps cut flowers fresh for a week, our gardener found."
    near = (
        f"<div class='page'><div class='top'><div class='texto-bajada'><p>{standfirst}</p></div></div>"
        f"<div class='col'><div class='text'>{_STORY}</div></div></div>"
    )
    assert standfirst in _article_text(f"<html><body><div class='wrap'>{near}</div></body></html>")
    # Far above the pick (the site's header), an intro is the site's, not the story's.
    far = (
        f"<div class='intro'><p>{standfirst}</p></div><div><div><div><div class='text'>{_STORY}</div></div></div></div>"
    )
    assert standfirst not in _article_text(f"<html><body>{far}</body></html>")


def test_a_standfirst_inside_a_header_block_outlives_readability_s_header_word() -> None:
    standfirst = "Soaked foam keeps cut flowers fresh for a week, our gardener found."
    page = (
        "<html><body><main><header class='m-intro-header'><h1>Flowers</h1><p class='byline'>By Ann Lee</p>"
        f"<div class='Post__lead'><h2>{standfirst}</h2></div></header>"
        f"<div class='body'>{_STORY}</div></main></body></html>"
    )
    text = _article_text(page)
    assert text.startswith(standfirst) and "Part 4 of the story." in text
    assert "By Ann Lee" not in text  # the rest of the header block still goes
    # A header block without a standfirst goes whole, as readability drops it.
    bare = page.replace("Post__lead", "Post__more")
    assert standfirst not in _article_text(bare)


_HEADLINE_LEAD = (
    "Wärmepumpenheizungen setzen auf die kostenfreie Energie der Umwelt und versorgen Häuser günstig mit Wärme. "
    "Auch Sanierer interessieren sich dafür."
)
_HEADLINE = "Eignet sich eine Wärmepumpe im Altbau?"
_TITLE = "Eignet sich eine Wärmepumpe im Altbau? | Heizung"  # the metadata stage's title: the headline and a site name
_SHORT_STORY = "<p>Die Wärmepumpe lohnt sich auch im Altbau, sagen Fachleute, wenn die Heizkörper groß genug sind.</p>"


def _hero_page(hero: str, story: str = _STORY) -> str:
    """A page whose headline block (a hero of its own, no <article>) stands apart from the body readability picks."""
    return (
        f"<html><body><div class='grid'><div class='hero'>{hero}</div>"
        f"<div class='container'><div class='col'><div class='text'>{story}</div></div></div></div></body></html>"
    )


def _after_headline(block: str) -> str:
    """A hero page with the block after the headline."""
    return _hero_page(f"<h1>{_HEADLINE}</h1>{block}")


def _headline_lead_of(page: str, title: str | None = _TITLE) -> HtmlElement | None:
    root = parse(page)
    best = root.find(".//div[@class='text']")
    return headline_lead(best, set(best.iterancestors()), title)


def test_the_standfirst_beside_the_headline_joins_the_article_whatever_its_class() -> None:
    # The headline's block: a kicker, the <h1>, a byline and date line, then the standfirst: named by no class word.
    hero = (
        f"<span>Ratgeber</span><h1>{_HEADLINE}</h1>"
        "<div class='meta'>von Alexander Rosenkranz 09.03.2022</div>"
        f"<div class='kopf-text'><p>{_HEADLINE_LEAD}</p></div>"
    )
    text = _article_text(_hero_page(hero), _TITLE)
    assert text.startswith(_HEADLINE_LEAD) and "Part 4 of the story." in text
    assert "Alexander Rosenkranz" not in text  # the rest of the header stays out
    # Without the page's title no headline is known, and no standfirst taken.
    assert not _article_text(_hero_page(hero)).startswith(_HEADLINE_LEAD)
    # A subheading may be the standfirst ('article-subheadline' aside, an <h2> after the <h1>), and a quotation may
    # end it with its closing mark and no stop.
    assert _headline_lead_of(_after_headline(f"<h2>{_HEADLINE_LEAD}</h2>")) is not None
    quoted = f"„{_HEADLINE_LEAD.removesuffix('.')}“"
    assert _headline_lead_of(_after_headline(f"<h2>{quoted}</h2>")) is not None


@pytest.mark.parametrize(
    "layout",
    [
        # The common layout: the hero above the <article> (the standfirst outside the pick's frame, placed first).
        "<div class='hero'><h1>{h}</h1><p>{lead}</p></div><article><div class='text'>{story}</div></article>",
        # The hero inside the pick's <main> (the standfirst inside its frame, gathered in the walk over it).
        "<main><div class='hero'><h1>{h}</h1><p>{lead}</p></div>"
        "<div class='container'><div class='text'>{story}</div></div></main>",
    ],
    ids=["hero-above-the-article", "hero-inside-the-main"],
)
def test_the_standfirst_beside_the_headline_joins_a_pick_inside_an_article_or_main(layout: str) -> None:
    page = "<html><body>" + layout.format(h=_HEADLINE, lead=_HEADLINE_LEAD, story=_STORY) + "</body></html>"
    text = _article_text(page, _TITLE)
    assert text.startswith(_HEADLINE_LEAD) and "Part 4 of the story." in text


# The review's cases of header lines read as a standfirst (each long enough and ending a sentence): one a check.
_NOT_STANDFIRSTS = {
    "a picture's caption (img)": "<div><img src='/a.jpg'><div>Der Stadtrat bei der Abstimmung über den Haushalt im "
    "großen Sitzungssaal des Rathauses am Dienstagabend, Foto von der Pressestelle.</div></div>",
    "a picture's caption (picture)": "<div class='img-wrap'><picture><img src='/a.jpg'></picture><p>Der Stadtrat bei "
    "der Abstimmung über den Haushalt im großen Sitzungssaal des Rathauses am Dienstagabend, Foto der Stadt.</p></div>",
    "a date line (de)": "<div class='d'>Veröffentlicht am 9. März 2022 um 10:15 Uhr. Zuletzt aktualisiert am 10. März "
    "2022 um 12:00 Uhr.</div>",
    "a date line (fr)": "<div class='d'>Publié le 9 mars 2022 à 10h15, mis à jour le 10 mars 2022 à 12h00 par la "
    "rédaction du journal.</div>",
    "a date line (es)": "<div class='d'>Publicado el 9 de marzo de 2022 a las 10:15. Actualizado el 10 de marzo de "
    "2022 a las 12:00.</div>",
    "a date line (pl)": "<div class='d'>Opublikowano 9 marca 2022 o godz. 10:15. Aktualizacja: 10 marca 2022 o godz. "
    "12:00 przez redakcję.</div>",
    "a byline": "<div class='d'>Von Anna Keller, Korrespondentin in Brüssel, und Jan Kowalski, Korrespondent in "
    "Warschau, mit Material von dpa und Reuters.</div>",
    "a byline by its class": "<div class='article-author'>Anna Keller schreibt seit zwanzig Jahren über die Stadt, "
    "ihre Schulen und ihre Finanzen für diese Zeitung.</div>",
    "a cookie note": "<div class='note'>Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf "
    "unsere Website zu analysieren. Mehr dazu in unserer Datenschutzerklärung.</div>",
    "a related story's quoted title": "<div class='d'>Lesen Sie auch unseren Bericht aus dem vergangenen Jahr über die "
    "Finanzen der Stadt: „Warum die Stadt so viel Geld für Schulen ausgibt“</div>",
    "a table of contents": "<div class='d'>Inhalt: Was der Haushalt vorsieht, wer davon profitiert, was die Opposition "
    "kritisiert und wie es nach dem Beschluss weitergeht im Rat.</div>",
    "a box with a heading inside": "<div class='box'><h3>Kurz gesagt</h3><p>Die Stadt will im kommenden Jahr mehr "
    "Geld für Schulen ausgeben, und der Rat stimmt dem Entwurf zu.</p></div>",
}


@pytest.mark.parametrize("clutter", _NOT_STANDFIRSTS.values(), ids=_NOT_STANDFIRSTS.keys())
def test_header_lines_beside_the_headline_are_not_taken_for_its_standfirst(clutter: str) -> None:
    # Through the whole pipeline: the article opens with its body, and the line stays out.
    page = _after_headline(f"{clutter}").replace("<html>", f"<html><head><title>{_TITLE}</title></head>")
    text = " ".join(clean(page, "https://www.heizung.example/ratgeber/waermepumpe-altbau").text.split())
    assert text.startswith(TEXT) and "Part 4 of the story." in text
    assert html.fromstring(clutter).text_content().split()[-1] not in text


def test_a_standfirst_ending_in_a_quotation_it_does_not_open_needs_a_stop() -> None:
    # A quotation ending a standfirst with no stop counts only when the standfirst opens it.
    ending_in_a_quote = f"{_HEADLINE_LEAD} Ein Sanierer sagt „Das lohnt sich“"
    assert _headline_lead_of(_after_headline(f"<p>{ending_in_a_quote}</p>")) is None


def test_a_standfirst_its_class_names_so_needs_no_stop_when_it_is_one_line() -> None:
    # A subheadline often ends on a quotation's last words it did not open with, and no stop.
    unended = f"{_HEADLINE_LEAD} Ein Sanierer sagt „Das lohnt sich“"
    assert _headline_lead_of(_after_headline(f"<h2 class='article-subheadline'>{unended}</h2>")) is not None
    # A block so named wrapping the standfirst and the meta lines after it is no one line: it needs its stop.
    wrapper = f"<div class='post-hero__excerpt'><p>{unended}</p><div><div>By</div><div>Anna Keller</div></div></div>"
    assert _headline_lead_of(_after_headline(wrapper)) is None


_KEY_POINTS = (
    "<ul><li>Die Wärmepumpe lohnt sich auch im Altbau</li><li>Große Heizkörper senken die Vorlauftemperatur</li>"
    "<li>Förderung deckt bis zu 40 Prozent der Kosten</li></ul>"
)


def test_a_list_of_the_story_s_key_points_beside_the_headline_is_its_standfirst() -> None:
    assert _headline_lead_of(_after_headline(f"<p></p>{_KEY_POINTS}")) is not None
    # A menu, a tag list or a list of labels after the headline is links or single words: no key points.
    linked = _KEY_POINTS.replace("<li>Die Wärmepumpe", "<li><a href='/waermepumpe'>Die Wärmepumpe</a>")
    labels = "<ul><li>Heizung</li><li>Altbau</li><li>Energie sparen</li><li>Förderung</li><li>Ratgeber</li></ul>"
    one_point = "<ul><li>Die Wärmepumpe lohnt sich auch im Altbau, wenn die Heizkörper groß genug sind.</li></ul>"
    for not_key_points in (linked, labels, one_point):
        assert _headline_lead_of(_after_headline(not_key_points)) is None


_UNENDED_LINE = (
    "<p>Veröffentlicht am 9. März 2022 von Alexander Rosenkranz und Petra Maier, Redaktion Heizung und Energie, "
    "Ressort Ratgeber</p>"
)
_CAPTION = (
    "<figcaption>Der Stadtrat bei der Abstimmung über den Haushalt im großen Sitzungssaal des Rathauses am "
    "Dienstagabend, Foto von der Pressestelle.</figcaption>"
)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # More text after it in the block: the story's opening (or a block of its own), readability's to judge.
        (_after_headline(f"<p>{_HEADLINE_LEAD}</p><p>{_HEADLINE_LEAD} Mehr dazu.</p>"), _TITLE),
        # A teaser of other stories (mostly link text), a line not ending a sentence, a list of links.
        (_after_headline(f"<p><a href='/a'>{_HEADLINE_LEAD}</a></p>"), _TITLE),
        (_after_headline(_UNENDED_LINE), _TITLE),
        (_after_headline("<ul>" + f"<li><a href='/a'>{_HEADLINE_LEAD}</a></li>" * 2 + "</ul>"), _TITLE),
        # Too short for a standfirst: a label; too long: the opening of another text.
        (_after_headline("<p>Alles zur Heizung.</p>"), _TITLE),
        (_after_headline(f"<p>{' '.join([_HEADLINE_LEAD] * 8)}</p>"), _TITLE),
        # A caption (a figure's, never a standfirst), in an aside (the page's chrome).
        (_after_headline(_CAPTION), _TITLE),
        (_hero_page(f"<aside><h1>{_HEADLINE}</h1><p>{_HEADLINE_LEAD}</p></aside>"), _TITLE),
        # The pick's own block after the headline (its ancestor), short enough to read as a standfirst.
        (
            f"<html><body><div class='wrap'><h1>{_HEADLINE}</h1><div class='container'><div class='text'>"
            f"{_SHORT_STORY}</div></div></div></body></html>",
            _TITLE,
        ),
        # No title, or one the <h1> is not: no headline is known.
        (_after_headline(f"<p>{_HEADLINE_LEAD}</p>"), None),
        (_after_headline(f"<p>{_HEADLINE_LEAD}</p>"), "Haushalt 2026: mehr Geld für Schulen"),
        # A section's <h1> holding the title's words among many more: not the title's heading.
        (
            _hero_page(
                "<h1>Wärmepumpe im Altbau: alle Artikel, Ratgeber und Tests zum Thema auf einen Blick</h1>"
                f"<p>{_HEADLINE_LEAD}</p>"
            ),
            "Wärmepumpe im Altbau",
        ),
    ],
    ids=[
        "more-text-after-it",
        "link-text",
        "no-sentence-end",
        "a-list-of-links",
        "too-short",
        "too-long",
        "a-caption",
        "in-an-aside",
        "the-pick-s-ancestor",
        "no-title",
        "another-title",
        "a-section-s-title",
    ],
)
def test_no_standfirst_is_taken_from_a_headline_block_without_one(page: str, title: str | None) -> None:
    assert _headline_lead_of(page, title) is None


def test_the_headline_is_the_h1_the_title_names_never_a_logo_s_nor_a_box_s() -> None:
    tagline = (
        "Die unabhängige Zeitung für die Stadt und das Umland, jeden Tag neu mit Nachrichten, Meinungen und "
        "Hintergründen aus der Region für Sie."
    )
    box = (
        "<div class='box'><h1>Also in the budget</h1><p>The city also plans to spend more money on new bicycle lanes, "
        "parks and the renovation of the old town hall next year.</p></div>"
    )
    title = f"{_HEADLINE} | Stadtanzeiger"
    # The pick holds its own headline: the logo's <h1> before it, though the title holds the site's name, is not it.
    logo = (
        f"<html><body><div class='top'><h1 class='logo'><a href='/'>Stadtanzeiger</a></h1><div class='claim'>{tagline}"
        f"</div></div><div class='page'><div class='text'><h1>{_HEADLINE}</h1>{_STORY}</div></div></body></html>"
    )
    assert _headline_lead_of(logo, title) is None
    # A box with a headline of its own between the page's headline and the body: its text is not the standfirst.
    boxed = (
        f"<html><body><div class='hero'><h1>{_HEADLINE}</h1></div>{box}"
        f"<div class='container'><div class='text'>{_STORY}</div></div></body></html>"
    )
    assert _headline_lead_of(boxed, title) is None
    assert _headline_lead_of(_after_headline(f"{box}"), title) is None
    for page in (logo, boxed):
        html_page = page.replace("<html>", f"<html><head><title>{title}</title></head>")
        text = " ".join(clean(html_page, "https://www.stadtanzeiger.example/2026/haushalt").text.split())
        assert "Part 4 of the story." in text and tagline not in text and "bicycle lanes" not in text
    # The site's name alone in an <h1> (a page whose headline is no <h1>) is not the headline, though the title has it.
    no_headline = logo.replace(f"<h1>{_HEADLINE}</h1>", f"<h2>{_HEADLINE}</h2>")
    assert _headline_lead_of(no_headline, title) is None
    # A pick holding the headline holds its standfirst: a copy of the headline before it (a sticky bar) leads nowhere.
    sticky = (
        f"<html><body><div class='bar'><h1>{_HEADLINE}</h1><p>{tagline}</p></div>"
        f"<div class='page'><div class='text'><h1>{_HEADLINE}</h1>{_STORY}</div></div></body></html>"
    )
    assert _headline_lead_of(sticky, title) is None
    # The page's headline, not the nearest <h1>, leads to the standfirst.
    nearest_is_a_box = _after_headline(f"<p>{_HEADLINE_LEAD}</p><div><h1>Mehr</h1></div>")
    assert _headline_lead_of(nearest_is_a_box, title) is not None


def test_a_headline_in_a_sibling_of_the_pick_is_left_to_readability_s_sibling_test() -> None:
    # The headline block beside the body under one parent joins whole or not at all: its lead is not taken out.
    page = (
        f"<html><body><div class='wrap'><div class='head'><h1>{_HEADLINE}</h1><p>{_HEADLINE_LEAD}</p></div>"
        f"<div class='text'>{_STORY}</div></div></body></html>"
    )
    assert _headline_lead_of(page) is None


def test_the_page_s_own_story_wins_over_a_longer_one_loaded_below_it() -> None:
    # Infinite scroll: the next story, loaded below the page's own, is longer and outscores it.
    own = "".join(f"<p>Blessing {i}. {TEXT}</p>" for i in range(3))
    loaded = "".join(f"<p>Prosecutor {i}. {TEXT} {TEXT}</p>" for i in range(12))
    page = (
        "<html><head><title>Daily | Cars to be blessed this Saturday</title></head><body>"
        f"<div class='scroll'><article><h1>Cars to be blessed this Saturday</h1><div class='text'>{own}</div>"
        "</article></div><div class='scroll'><article><h1>Prosecutor praises his colleague</h1>"
        f"<div class='text'>{loaded}</div></article></div></body></html>"
    )
    text = extract(parse(page), "https://news.example/cars").text_content()
    assert "Blessing 2." in text and "Prosecutor" not in text
    # Without a headline the page's title names, the longer story stays readability's pick.
    untitled = page.replace("<title>Daily | Cars to be blessed this Saturday</title>", "<title>Daily</title>")
    assert "Prosecutor 11." in extract(parse(untitled), "https://news.example/cars").text_content()
    # Content blocks, each an <article>, under the page's one headline are one story: the longest still wins.
    blocks = page.replace("<h1>Prosecutor praises his colleague</h1>", "<h2>How the blessing began</h2>")
    assert "Prosecutor 11." in extract(parse(blocks), "https://news.example/cars").text_content()


def test_a_footer_inside_the_article_goes_whole_as_readability_js_cleans_it() -> None:
    bio = "Ann Lee, gardener, writer, teacher, in Leeds, York, Hull, Bath, Derby, Ely, Ripon and Wells, since 2009."
    page = (
        f"<html><body><article>{_STORY}<footer class='post-end'>"
        f"<p>This entry was posted in Gardening on 4 May.</p><div class='author'><p>{bio}</p></div></footer>"
        "</article></body></html>"
    )
    text = _article_text(page)
    assert "Part 4 of the story." in text
    assert "This entry was posted" not in text and "Ann Lee" not in text


def test_a_header_opening_its_section_stays_as_readability_js_keeps_it() -> None:
    # Readability.js's _cleanConditionally judges no <header>; readability-lxml scored one -5 and dropped it.
    section = (
        "<section><header><h2>Features and tools</h2><p>Get to know the tools that make it the browser to build on.</p>"
        "</header><ul><li>The inspector shows the page's structure and style.</li><li>The console runs code.</li></ul>"
        "</section>"
    )
    menu = "<header><a href='/'>Home</a> <a href='/blog'>Blog</a> <a href='/about'>About</a></header><p>Menu above.</p>"
    sign_up = (
        "<div><header><p>Receive gardening tips, delivered to your inbox</p></header><form><input type='email'>"
        "</form></div>"
    )
    text = _article_text(f"<html><body><article><div>{menu}</div>{_STORY}{section}{sign_up}</article></body></html>")
    assert "Part 4 of the story." in text
    assert "Features and tools" in text and "Get to know the tools" in text
    # ...but a header of links (a site's menu) goes, and so does one heading nothing (a sign-up box's, its form gone).
    assert "Blog" not in text and "Receive gardening tips" not in text


def test_a_header_alone_in_its_wrapper_stays_and_a_sign_up_box_heading_goes_with_its_form_holder() -> None:
    # A header with nothing after it in its wrapper (a listicle item's heading, a title and its date) heads what
    # follows the wrapper: it stays, as Readability.js keeps it...
    item = (
        "<div class='item'><header><h3>3. Myth: frozen vegetables are less healthy</h3>"
        "<p>Ann Lee | Garden writer | May 2, 2026</p></header></div>"
        f"<div class='item-body'><p>{TEXT} Frozen vegetables keep their vitamins.</p></div>"
    )
    # ...but one whose block held only an empty holder a script fills with a form (a sign-up call-out) heads clutter.
    call_out = (
        "<div class='callout'><div><header><div><span>Receive gardening tips, delivered to your inbox</span></div>"
        "</header><div class='embed-form'><div class='form-embed-container' data-form-id='f1'></div></div></div></div>"
    )
    text = _article_text(f"<html><body><article>{_STORY}{item}{call_out}</article></body></html>")
    assert "Part 4 of the story." in text and "Frozen vegetables keep their vitamins." in text
    assert "3. Myth: frozen vegetables are less healthy" in text and "Ann Lee | Garden writer" in text
    assert "Receive gardening tips" not in text


def test_a_headline_block_an_empty_block_and_a_linked_block_are_no_standfirst() -> None:
    page = (
        "<html><body><article><div class='intro'><h1>Flowers</h1><p>By our gardener, in the garden today.</p></div>"
        "<p class='lead'></p><span class='subheading'>Live</span>"
        "<p class='summary'><a href='/a'>Another story entirely, about other flowers</a></p>"
        "<div class='teaser'><a href='/b'>A third story: the roses of the city park, in bloom</a></div>"
        f"<div class='body'>{_STORY}</div></article></body></html>"
    )
    text = _article_text(page)
    assert "By our gardener" not in text and "Another story" not in text and "Live" not in text
    assert "A third story" not in text
    assert "Part 4 of the story." in text


def test_a_paragraph_inside_a_link_is_a_teaser_and_never_scores() -> None:
    teaser = f"<a href='/other'><div class='teaser'><p>{TEXT} {TEXT}</p></div></a>"
    page = f"<html><body><div class='side'>{teaser}</div><div class='story'><p>{TEXT}</p></div></body></html>"
    document = _readability_document(page)
    document.transform_misused_divs_into_paragraphs()
    scored = {elem.get("class") for elem in document.score_paragraphs()}
    assert "teaser" not in scored and "story" in scored


def test_a_pick_in_the_navigation_gives_way_to_the_best_text_outside_it() -> None:
    page = (
        f"<html><body><nav><div><p>{TEXT} Teaser 0.</p><p>{TEXT} Teaser 1.</p><p>{TEXT} Teaser 2.</p></div></nav>"
        f"<div><p>{TEXT} The story itself.</p><p>{TEXT}</p></div></body></html>"
    )
    assert "The story itself." in _article_text(page)
    assert "Teaser 0." not in _article_text(page)


def test_a_pick_outside_the_page_s_one_main_gives_way_to_the_best_inside_it() -> None:
    overlay = f"<div id='wrap'><div id='overlay'><p>{TEXT} {TEXT} Your browser is out of date.</p></div></div>"
    story = f"<main><section class='news'><p>{TEXT} The story itself.</p><p>{TEXT}</p></section></main>"
    page = f"<html><body>{overlay}{story}</body></html>"
    text = _article_text(page)
    assert "The story itself." in text and "out of date" not in text
    # Without a <main> (or with two), readability's pick stands.
    for wrapper in ("div", None):
        other = story.replace("main>", f"{wrapper}>") if wrapper else story + "<main><p>x</p></main>"
        assert "out of date" in _article_text(f"<html><body>{overlay}{other}</body></html>")


def test_a_pick_holding_the_main_or_scoring_too_little_beside_it_stands() -> None:
    root = parse(
        f"<html><body><div id='side'><p>{TEXT}</p></div><main><div id='in'><p>{TEXT}</p></div></main></body></html>"
    )
    body, side, inside = root.find("body"), root.get_element_by_id("side"), root.get_element_by_id("in")
    scored = {elem: {"elem": elem, "content_score": score} for elem, score in ((body, 40), (side, 30), (inside, 25))}
    assert inside_the_main(root, scored, scored[body]) is scored[body]
    assert inside_the_main(root, scored, scored[side]) is scored[inside]
    scored[inside]["content_score"] = 30 * OUTSIDE_MAIN_PICK_SHARE - 1
    assert inside_the_main(root, scored, scored[side]) is scored[side]


def test_the_gathered_standfirst_is_marked_for_the_container_test_and_the_mark_never_reaches_the_reader() -> None:
    standfirst = "Soaked foam keeps cut flowers fresh for a week, our gardener found."
    page = (
        f"<html><body><article><header><h1>Flowers</h1><p class='deck'>{standfirst}</p></header>"
        f"<div class='body'>{_STORY}</div></article></body></html>"
    )
    article, _, _ = read_article(parse(page), None, NO_DEADLINE, semantic_main=True)
    marked = [elem for elem in article.iter() if elem.get(GATHERED_LEAD_MARK) is not None]
    assert [" ".join(elem.text_content().split()) for elem in marked] == [standfirst]
    # The pick's own opening decides whether it lies in a container, which need not hold the standfirst.
    assert _opening_in(article, " ".join(article.text_content().split()).replace(standfirst, "").split())
    result = clean(page, "https://garden.example/flowers")
    assert standfirst in result.text and GATHERED_LEAD_MARK not in result.html


def test_paragraphs_beside_the_pick_s_ancestors_join_when_they_pass_readability_s_paragraph_test() -> None:
    closing = "The foam can be reused twice, the gardener added, if it is rinsed and dried in the sun."
    page = (
        f"<html><body><div class='col'><div class='item'><div class='text'>{_STORY}</div></div>"
        f"<p>{closing}</p><p><a href='/shop'>Shop our range of flower foam and glass vases here</a></p>"
        "</div></body></html>"
    )
    text = _article_text(page)
    assert closing in text and "Shop our range" not in text


def test_short_blocks_stay_as_readability_js_keeps_them_and_labels_go() -> None:
    section = "<div class='section'><div id='glossary'><h2>Glossary</h2></div></div>"
    link_list_heading = "<div class='box'><div class='box-head'><h2>Read on</h2></div></div>"
    page = (
        "<html><body><article>"
        f"<div class='part'><p>{TEXT} Part 0 of the story.</p><p>{TEXT} Part 1 of the story.</p></div>{section}"
        f"<div class='part'><p>{TEXT} Part 2 of the story.</p><div class='line'><p>They both took one.</p></div>"
        f"<div class='label'><p>Related Coverage</p></div><p>{TEXT} Part 3 of the story.</p>"
        "<div class='line'><p><a href='/next'>Next story</a></p></div></div>"
        f"{link_list_heading}<div class='tail'><h3>More</h3><p>{TEXT} Part 4 of the story.</p></div>"
        "</article></body></html>"
    )
    text = _article_text(page)
    # A section heading's wrapper followed by the section's text, and a line of dialogue, stay.
    assert "Glossary" in text and "They both took one." in text
    # A label, a short linked block, and a heading followed by another heading (its link list cleaned away) go.
    assert "Related Coverage" not in text and "Next story" not in text and "Read on" not in text
    assert "Part 4 of the story." in text


@pytest.mark.parametrize("label", ["Advertisement", "Werbung", "Loading...", "正在加载"])
def test_a_block_that_only_names_an_ad_or_a_loading_notice_goes(label: str) -> None:
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>"
        f"<div class='slot'><h3>{label}</h3><div></div></div><p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    text = _article_text(page)
    assert label not in text and "Part 1." in text


def test_figures_between_the_story_s_text_blocks_join_it() -> None:
    photo = (
        "<div class='photo'><figure><div class='lazy'></div><figcaption>A worker repairs a cable in Queens. "
        "Credit: A. Photographer</figcaption></figure></div>"
    )
    # The first column outscores the section (which gets half of every paragraph's score): readability picks it.
    first = "<div class='column'>" + "".join(f"<p>{TEXT} Part {i}.</p>" for i in range(4)) + "</div>"
    second = f"<div class='column'><p>{TEXT} Part 4.</p><p>{TEXT} Part 5.</p></div>"
    page = (
        f"<html><body><article><section>{first}{photo}{second}"
        "<div class='next'><figure><img src='/other.jpg'><figcaption>Another story</figcaption></figure></div>"
        "</section></article></body></html>"
    )
    text = _article_text(page)
    # The photo between two text blocks joins; the one after the last block (another story's) does not.
    assert "A worker repairs a cable" in text and "Part 5." in text
    assert "Another story" not in text


@pytest.mark.parametrize(
    ("class_name", "weight"),
    [
        ("bg-white p-8 md:p-12 rounded-xl text-center", 0),  # a call-to-action card styled by utility classes
        ("text-gray-700 md:text-lg hover:-text-sky-500/50 text-[14px] [&_h4]:text-primary-500", 0),
        ("text-nowrap text-opacity-100 comment", -25),  # the utilities weigh nothing, the other words as ever
        ("entry-text", 25),
        ("text-block", 25),
        ("text-primary", 25),  # a site's own colour name: no documented utility, read as readability reads it
    ],
)
def test_text_utilities_of_utility_first_css_weigh_nothing(class_name: str, weight: int) -> None:
    assert class_and_id_weight(class_name, None) == weight
    # The id is no class list: read as readability reads it.
    assert class_and_id_weight(None, "text-center") == 25


def test_a_card_styled_text_center_outscores_no_story_by_its_class() -> None:
    card = "<div class='{}'><p>Download our checklist, print it, and share it with your partner and family.</p></div>"
    page = f"<html><body>{card.format('rounded-xl text-center')}{card.format('rounded-xl')}</body></html>"
    document = _readability_document(page)
    scores = [c["content_score"] for c in document.score_paragraphs().values() if c["elem"].tag == "div"]
    assert len(scores) == 2 and scores[0] == scores[1]


def test_a_list_of_neutral_class_is_judged_by_its_class_weight_alone() -> None:
    caption_list = "<ul><li><p>Hori Parata at his farm, where he was born and grew up</p></li></ul>"
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{caption_list}<p>{TEXT} Part 1.</p>"
        f"<ul class='sidebar-links'><li><p>Links elsewhere, in a block of negative class</p></li></ul>"
        "</div></article></body></html>"
    )
    text = _article_text(page)
    # readability's score of the list (its tag base, -3) would drop it; Readability.js reads the class weight only.
    assert "Hori Parata at his farm" in text
    assert "Links elsewhere" not in text


def test_a_short_section_like_the_pick_in_its_article_joins_whatever_the_pick_s_score() -> None:
    def section(label: str, count: int) -> str:
        body = "".join(f"<p>{label} {i}. {TEXT}</p>" for i in range(count))  # openings differ: no second copy
        return f"<section class='part'><div class='n'><div class='z ab'>{body}</div></div></section><hr>"

    # The long section scores over 400: 5% of it, readability's other floor, is above the short section's score.
    page = f"<html><body><article><div>{section('Opening', 1)}{section('Long', 45)}{section('Closing', 1)}</div>"
    page += "</article></body></html>"
    text = _article_text(page)
    assert "Opening 0." in text and "Long 44." in text and "Closing 0." in text


def test_a_lede_in_a_div_of_its_own_beside_the_story_joins_it_as_readability_js_reads_it() -> None:
    lede = "Boundaries are the ground of looking after yourself, and we feel it when others step over them."
    comment = "I tried this with my own family last winter and it changed how we talk about our evenings together."
    disclosure = "Disclosure: if you buy through affiliate links here, I may earn a <a href='/d'>commission</a>."
    body = "".join(f"<p>{TEXT} Part {i}.</p>" for i in range(4))
    page = (
        f"<html><body><main><div class='wrap'><div class='col-a'><p class='large'>{lede}</p></div>"
        f"<div class='note'><p>{disclosure}</p></div>"
        f"<section class='card'><div class='text'><div class='col'><div>{body}</div></div></div></section>"
        f"<div class='comments-body'><p>{comment}</p></div></div></main></body></html>"
    )
    text = _article_text(page)
    assert text.startswith(lede) and "Part 3." in text
    # Not a wrapped line with a link (a disclosure, a signature), nor one whose div is named as a comment.
    assert "Disclosure" not in text and "I tried this" not in text


def test_data_tables_are_told_from_layout_tables_as_readability_js_tells_them() -> None:
    def table(rows: int, columns: int, head: str = "", attributes: str = "") -> str:
        cells = "".join("<tr>" + "<td>7</td>" * columns + "</tr>" for _ in range(rows))
        return f"<table {attributes}>{head}{cells}</table>"

    page = (
        "<div>"
        + table(2, 2, head="<caption>Prices</caption>")  # a caption says data
        + table(2, 2, head="<tr><th>Year</th><th>Price</th></tr>")  # so does a header cell
        + table(3, 4)  # 12 cells: data
        + table(10, 2)  # ten rows: data
        + table(2, 5)  # five columns: data
        + table(1, 8)  # one row: layout
        + table(3, 3)  # 9 cells: layout
        + table(2, 2, head="<caption>Prices</caption>", attributes="role='presentation'")
        + "<table><tr><td><table><tr><td>nested</td></tr></table></td><td>x</td></tr></table>"  # nested: layout
        + "</div>"
    )
    found = data_tables(html.fragment_fromstring(page))
    assert [len(list(t.iter("td"))) for t in found] == [4, 4, 12, 20, 10]
    # Spans count as Readability.js counts them: 1 + 9 rows (a rowspan) make ten; a bad colspan counts one column.
    spans = "<table><tr><td colspan='1'>a</td><td colspan='x'>b</td></tr><tr rowspan='9'><td>c</td></tr></table>"
    assert len(data_tables(html.fragment_fromstring(spans))) == 1
    # 1 + 4 rows by 2 columns: 10 cells, not more than 10: layout.
    assert data_tables(html.fragment_fromstring(spans.replace("rowspan='9'", "rowspan='4'"))) == []


def test_a_data_table_in_the_article_stays_whole_and_navigation_roles_go() -> None:
    rows = "".join(f"<tr><th>Stage {i}</th><td><a href='/s{i}'>Route {i}</a></td></tr>" for i in range(3))
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>"
        f"<div class='results'><table><caption>Stages</caption>{rows}</table></div><p>{TEXT} Part 1.</p>"
        "<div role='navigation' class='box'><p>Other stories in this series, by the same writer</p></div>"
        "</div></article></body></html>"
    )
    text = _article_text(page)
    # A linked table would go as a layout block with too much link text; a data table stays with its wrapper.
    assert "Stages" in text and "Route 2" in text and "Part 1." in text
    assert "Other stories" not in text


def test_a_link_styled_as_a_button_goes_unless_it_holds_an_image_or_more_than_a_label() -> None:
    body = "".join(f"<p>{TEXT} Part {i}.</p>" for i in range(3))
    page = (
        f"<html><body><article><div class='body'>{body}"
        "<div class='cta-wrap'><a class='et_pb_button et_pb_button_0' href='/shop'>SHOP FOLIAGE HOUSEPLANTS</a></div>"
        "<p><a class='body-btn-link' href='/review'>Tested: the reviewer's long verdict on the new phone runs past a "
        "button's label</a></p>"
        "<p><a class='btn' href='/gallery'><img src='/photo.jpg' alt='The garden'></a></p>"
        f"<p>{TEXT} Part 3, with <a class='link' href='/source'>a source</a>.</p></div></article></body></html>"
    )
    article, _, _ = read_article(parse(page), None, NO_DEADLINE, semantic_main=True)
    text = " ".join(article.text_content().split())
    assert "SHOP FOLIAGE HOUSEPLANTS" not in text
    # A longer text is a headline or a sentence, whatever its link's class; an image button is a figure.
    assert "Tested: the reviewer's long verdict" in text
    assert article.xpath("count(.//img)") == 1
    assert "a source" in text and "Part 3" in text


def _builder_block(label: str, number: int, paragraphs: int = 2) -> str:
    """A page builder's text widget: its own row and cell, a class of its own (no positive word: readability does not
    merge it as a segment)."""
    body = "".join(f"<p>{label} {i}. {TEXT}</p>" for i in range(paragraphs))
    return f"<div class='row'><div class='cell'><div class='cell-inner cell-{number}'>{body}</div></div></div>"


def test_a_story_in_sibling_blocks_scored_one_by_one_is_their_shared_ancestor_as_readability_js_picks_it() -> None:
    photo = "<div class='row'><div class='cell'><img src='/photo.jpg'></div></div>"
    blocks = [_builder_block(label, n) for n, label in enumerate(("Opening", "Middle", "Closing", "Coda"))]
    page = f"<html><body><div class='grid'>{blocks[0]}{photo}{''.join(blocks[1:])}</div></body></html>"
    text = _article_text(page)
    # readability keeps the best block alone (its siblings are other rows); Readability.js takes the ancestor the
    # best block shares with three of the next best, each scoring 3/4 of it.
    assert "Opening 0." in text and "Middle 1." in text and "Closing 1." in text and "Coda 1." in text


def test_blocks_of_another_tag_or_in_other_stories_cards_share_nothing_with_the_pick() -> None:
    cards = "".join(
        f"<article class='card'><div class='cell-inner cell-{n}'><p>Teaser {n}. {TEXT}</p><p>{TEXT}</p></div></article>"
        for n in range(4)
    )
    # Four cards of other stories, each in an <article> of its own: the best card's teaser stays alone.
    text = _article_text(f"<html><body><div class='grid'>{cards}</div></body></html>")
    assert "Teaser 0." in text and "Teaser 1." not in text
    # The best block is a <section>, the others <div>s (an accordion's panels beside the story): not blocks of one kind.
    story = f"<section class='story'>{''.join(f'<p>Story {i}. {TEXT}</p>' for i in range(3))}</section>"
    panels = "".join(
        f"<div class='panel'><div class='panel-body panel-{n}'><p>Panel {n}. {TEXT}</p><p>{TEXT}</p></div></div>"
        for n in range(4)
    )
    text = _article_text(f"<html><body><div class='page'><div class='main'>{story}</div>{panels}</div></body></html>")
    assert "Story 2." in text and "Panel 1." not in text


def test_unlikely_blocks_among_thousands_of_classed_elements_go() -> None:
    blocks = "".join(f"<div class='sidebar-{n}' id='s{n}'><p>{n}</p></div>" for n in range(5_000))
    page = f"<html><body>{blocks}<div id='main' class='content'><p>{TEXT}</p></div></body></html>"
    document = _readability_document(page)
    document.remove_unlikely_candidates()
    body = document.html.find("body")
    assert [child.get("id") for child in body] == ["main"]


def test_the_unlikely_elements_are_those_whose_class_or_id_holds_a_word_in_document_order_each_once() -> None:
    # Each attribute's values are searched apart (no unlikely word holds a space) and the elements merged: an id before
    # a class, both unlikely on one element, an empty value, a comment, the root itself, a word across the two
    # values ('side' 'bar') that "class id" does not hold either.
    root = parse(
        "<html class='Sidebar'><body><div id='menu' class='x y'><p class=''>One</p><!-- c --><span id='footer' "
        "class='comment'>Two</span></div><section><p>Three</p><b class='z side' id='bar'>Four</b><i id='rss'>Five</i>"
        "</section><div id='x'></div></body></html>"
    )
    named = [(e, f"{e.get('class', '')} {e.get('id', '')}") for e in root.xpath("descendant-or-self::*[@class or @id]")]
    expected = [(e, names) for e, names in named if has_unlikely_word(names)]
    found = unlikely_named_elements(root)
    assert [(e.tag, names) for e, names in found] == [
        ("html", "Sidebar "),
        ("div", "x y menu"),
        ("span", "comment footer"),
        ("i", " rss"),
    ]
    assert len(found) == len(expected)
    assert all(a is b and m == n for (a, m), (b, n) in zip(found, expected, strict=True))


def test_unlikely_blocks_are_found_by_their_class_or_their_id_in_document_order() -> None:
    # An id written before the class, an id alone, a class alone, and a block nested in a dropped one.
    page = (
        "<html><body><div id='menu' class='x'><p>One</p></div><section id='y' class='sidebar'><p>Two</p>"
        "<div class='rss'><p>Three</p></div></section><ul id='comments'><li>Four</li></ul>"
        f"<div class='story' id='s'><p>{TEXT}</p></div></body></html>"
    )
    ours, theirs = _after_both(page, "remove_unlikely_candidates")
    assert html.tostring(ours) == html.tostring(theirs)
    assert ours.text_content().strip() == TEXT


def test_the_unlikely_candidates_walk_honours_the_time_cap() -> None:
    blocks = "".join(f"<div class='menu'><p>{n}</p></div>" for n in range(600))
    document = TreeDocument(parse(f"<html><body>{blocks}</body></html>"), None, Deadline(1e-9))
    document.html = document.input
    with pytest.raises(TooComplex):
        document.remove_unlikely_candidates()


def test_a_div_mostly_of_links_is_cleaned_as_readability_js_cleans_a_div() -> None:
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>"
        "<div class='note'>Main article: <a href='/wiki/Gecko'>Gecko (layout engine)</a></div>"
        f"<p>{TEXT} Part 1.</p>"
        "<div class='aside'>Read the <a href='/guide'>guide to soil</a> before you start, then water well.</div>"
        f"<p>{TEXT} Part 2.</p>"
        "<div class='content-links'>See <a href='/a'>more plants for dark rooms</a>, which we update each season.</div>"
        f"<p>{TEXT} Part 3.</p></div></article></body></html>"
    )
    text = _article_text(page)
    # readability-lxml made the note a paragraph, never cleaned; Readability.js's link-density test drops it.
    assert "Main article" not in text and "Part 3." in text
    # A line of prose with a link (under DIV_PARAGRAPH_MAX_LINK_DENSITY) is a paragraph; a block of positive class
    # weight needs more than half its text in links to go.
    assert "guide to soil" in text and "more plants" in text


def test_a_div_of_links_is_made_a_paragraph_for_scoring_as_before() -> None:
    page = "<html><body><div id='a'><div class='note'><a href='/x'>Main article: Gecko</a></div></div></body></html>"
    document = _readability_document(page)
    document.transform_misused_divs_into_paragraphs()
    note = document.html.find(".//*[@class='note']")
    assert note.tag == "p" and document._link_lines == [note]


def test_a_div_of_links_in_a_data_table_stays() -> None:
    rows = "".join(
        f"<tr><th>Row {i}</th><td><div><a href='/p{i}'>Prime minister {i}</a></div></td></tr>" for i in range(3)
    )
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><table>{rows}</table>"
        f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    # Readability.js never cleans what a data table holds (a header cell says data).
    assert "Prime minister 2" in _article_text(page)


def test_a_sibling_of_the_pick_s_own_class_gets_readability_js_s_bonus() -> None:
    body = "".join(f"<p>{TEXT} Step {i}.</p>" for i in range(6))
    page = (
        f"<html><body><div id='story'><div class='chunk'>{body}</div>"
        "<div class='chunk'><p>Water the moss every second day and keep it out of the sun</p></div>"
        "<div class='other'><p>Sign up for our weekly letter on plants and gardens today</p></div>"
        "</div></body></html>"
    )
    text = _article_text(page)
    # Both short blocks score below the sibling threshold (a fifth of the pick's score); the one of the pick's class
    # gets that fifth added, as Readability.js adds it.
    assert "Step 5." in text and "Water the moss" in text and "Sign up" not in text


def test_a_heading_s_id_made_from_its_own_text_does_not_weigh_it() -> None:
    body = "".join(f"<p>{TEXT} Part {i}.</p>" for i in range(3))
    page = (
        f"<html><body><article><div class='body'>{body}"
        "<h2 id='1.-ai-shines-a-light-on-cumbersome-toolchains'>1. AI shines a light on cumbersome toolchains</h2>"
        f"<p>{TEXT} Part 3.</p><h2 id='tools-menu'>Share this</h2><p>{TEXT} Part 4.</p></div></article></body></html>"
    )
    text = _article_text(page)
    # The anchor's 'tool' is the heading's own word; an id that is not its text still weighs ('tool': negative).
    assert "cumbersome toolchains" in text and "Share this" not in text


def test_a_div_of_linked_teaser_cards_goes_though_it_holds_images() -> None:
    cards = "".join(
        f"<li><a href='/story-{i}'><img src='/thumb-{i}.jpg' alt=''>How to build terrarium number {i}</a></li>"
        for i in range(2)
    )
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>"
        f"<div class='reading'><h3>Other People Are Reading</h3><ul>{cards}</ul></div>"
        f"<p>{TEXT} Part 1.</p>"
        "<div class='photo'><img src='/moss.jpg' alt='Moss'><span>Moss keeps the soil moist.</span></div>"
        "<div class='gallery'><a href='/big-1.jpg'><img src='/small-1.jpg' alt=''></a>"
        "<a href='/big-2.jpg'><img src='/small-2.jpg' alt=''></a></div>"
        f"<p>{TEXT} Part 2.</p></div></article></body></html>"
    )
    article, _, _ = read_article(parse(page), None, NO_DEADLINE, semantic_main=True)
    text = " ".join(article.text_content().split())
    images = [img.get("src") for img in article.iter("img")]
    # The cards' text is all links: they go with their thumbnails; a captioned photo and linked images stay.
    assert "terrarium number" not in text and "/thumb-0.jpg" not in images
    assert "Moss keeps the soil moist." in text and images == ["/moss.jpg", "/small-1.jpg", "/small-2.jpg"]


@pytest.mark.parametrize(
    "line",
    [
        # A prose div with many links (Wikipedia style) and a link-rich explainer sentence.
        "<div><a href='/w/Moss'>Moss</a> grows on <a href='/w/Bark'>bark</a>, <a href='/w/Stone'>stone</a> and "
        "<a href='/w/Soil'>soil</a> where the <a href='/w/Light'>light</a> is low and the air stays damp.</div>",
        # A live-blog update.
        "<div>Officials confirmed the bridge will reopen Monday, according to <a href='/dot'>the city's "
        "transportation department</a>.</div>",
        # A credit line ending a sentence, and a caption line under an image.
        "<div>Additional reporting by <a href='/jane'>Jane Doe</a> and <a href='/john'>John Roe</a>.</div>",
        "<div><img src='/station.jpg' alt=''></div><div><a href='/w/Union'>Union Station</a> on Tuesday</div>",
        # A quote's attribution.
        "<blockquote><p>We will rebuild it stone by stone.</p><div>— <a href='/mayor'>Jane Doe, mayor</a></div>"
        "</blockquote>",
    ],
)
def test_a_div_of_prose_with_links_stays(line: str) -> None:
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{line}<p>{TEXT} Part 1.</p></div></article>"
    text = _article_text(page + "</body></html>")
    expected = " ".join(parse(f"<div>{line}</div>").text_content().split())
    assert expected in text


def test_a_div_of_linked_names_with_ten_commas_is_prose_as_in_the_main_loop() -> None:
    names = ", ".join(f"<a href='/p{i}'>Name{i}</a>" for i in range(11))
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><div class='note'>{names}</div>"
        f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    assert "Name0, Name1" in _article_text(page)


@pytest.mark.parametrize(
    "photo",
    [
        # WordPress's image block: a figure whose caption is one link.
        "<div class='wp-block-image'><figure><img src='/castle.jpg' alt=''><figcaption>"
        "<a href='/w/Matsumoto_Castle'>Matsumoto Castle</a></figcaption></figure></div>",
        # A caption line under the photo linking once, and a photographer's credit link.
        "<div><div><img src='/castle.jpg' alt=''></div>"
        "<div><a href='/w/Union'>Union Station</a> on Tuesday.</div></div>",
        "<div class='photo'><img src='/castle.jpg' alt=''><span>Photo: <a href='/staff/jane'>Jane Doe</a></span></div>",
        # A gallery whose captions sit inside the links to the full-size photos.
        "<div class='gallery'><a href='/castle-big.jpg'><img src='/castle.jpg' alt=''>The keep at dusk</a>"
        "<a href='/moat-big.jpg'><img src='/moat.jpg' alt=''>The moat in spring</a></div>",
    ],
)
def test_a_photo_whose_caption_is_mostly_a_link_stays(photo: str) -> None:
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{photo}<p>{TEXT} Part 1.</p></div></article>"
    article, _, _ = read_article(parse(page + "</body></html>"), None, NO_DEADLINE, semantic_main=True)
    assert "/castle.jpg" in [img.get("src") for img in article.iter("img")]
    caption = " ".join(parse(f"<div>{photo}</div>").text_content().split())
    assert caption in " ".join(article.text_content().split())


def test_a_shop_button_with_a_logo_goes() -> None:
    button = "<div class='buttons'><img src='/shop-logo.png' alt=''><p><a href='/buy'>SEE ON THE SHOP</a></p></div>"
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{button}<p>{TEXT} Part 1.</p></div></article>"
    assert "SEE ON THE SHOP" not in _article_text(page + "</body></html>")


def test_a_heading_s_own_text_id_loses_only_a_negative_weight() -> None:
    # class 'tooltip' weighs -25, id 'main-findings' +25: 0 as in readability and Readability.js, and the heading stays.
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>"
        "<h2 class='anchor tooltip-target' id='main-findings'>Main findings</h2>"
        f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    assert "Main findings" in _article_text(page)


@pytest.mark.parametrize(
    ("slug", "heading"),
    [("community-reaction", "Community reaction"), ("what-the-public-comments-said", "What the public comments said")],
)
def test_a_heading_whose_own_text_id_holds_an_unlikely_word_stays(slug: str, heading: str) -> None:
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><h2 id='{slug}'>{heading}</h2>"
        f"<p>{TEXT} Part 1.</p><h2 class='comments-title'>{heading}</h2></div></article></body></html>"
    )
    text = _article_text(page)
    # The slug is the heading's words; a class naming the block still drops its heading.
    assert text.count(heading) == 1


@pytest.mark.parametrize(
    ("slug", "heading"),
    [("comments", "Comments"), ("related-stories", "Related stories"), ("sponsored", "Sponsored")],
)
def test_a_heading_whose_own_text_id_holds_an_unlikely_word_goes_when_the_story_does_not_go_on(
    slug: str, heading: str
) -> None:
    # A CMS makes every heading's id from its words: only a story paragraph after it makes the heading the story's.
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><p>{TEXT} Part 1.</p>"
        f"<h2 id='{slug}'>{heading}</h2><div class='x'><p>Great article, thanks!</p></div>"
        "</div></article></body></html>"
    )
    text = _article_text(page)
    assert heading not in text and "Part 1." in text


def _photo_block_kept(block: str) -> tuple[str, list[str]]:
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{block}<p>{TEXT} Part 1.</p></div></article>"
    article, _, _ = read_article(parse(page + "</body></html>"), None, NO_DEADLINE, semantic_main=True)
    return " ".join(article.text_content().split()), [img.get("src") for img in article.iter("img")]


@pytest.mark.parametrize(
    ("block", "caption"),
    [
        # Two caption links to the photo's subjects.
        (
            "<div><img src='/c.jpg' alt=''><span><a href='/w/a'>Union Station</a> and <a href='/w/b'>City Hall</a>"
            "</span></div>",
            "Union Station and City Hall",
        ),
        # A photo linking to its page, credited with a link elsewhere (8 of 15 characters in links).
        (
            "<div><a href='/photos/castle'><img src='/c.jpg' alt=''></a><span>Photo: <a href='/staff/jane'>Jane Doe"
            "</a></span></div>",
            "Photo: Jane Doe",
        ),
    ],
)
def test_a_photo_whose_caption_links_go_elsewhere_than_its_image_link_stays(block: str, caption: str) -> None:
    text, images = _photo_block_kept(block)
    assert "/c.jpg" in images and caption in text


def test_a_strip_of_teasers_linking_image_and_headline_to_one_story_goes() -> None:
    strip = "".join(
        f"<div><a href='/s{i}'><img src='/t{i}.jpg' alt=''></a><a href='/s{i}'>Headline number {i} here</a></div>"
        for i in range(3)
    )
    text, images = _photo_block_kept(f"<div class='more'>{strip}</div>")
    assert "Headline number" not in text and "/t0.jpg" not in images


_STORY_ADDRESS = "https://harbourtimes.example/2026/05/harbour-festival/"


@pytest.mark.parametrize(
    ("url", "href", "kept"),
    [
        # Each photo's own page, below the story's address (a WordPress attachment page)...
        (_STORY_ADDRESS, "/2026/05/harbour-festival/photo-{i}/", True),
        (_STORY_ADDRESS, "photo-{i}/", True),
        (_STORY_ADDRESS, "https://www.harbourtimes.example/2026/05/harbour-festival/photo-{i}/", True),  # same site
        # ...whatever the story's address ends in, a date or a long slug telling a story's address.
        (_STORY_ADDRESS + "index.html", "/2026/05/harbour-festival/photo-{i}/", True),
        (_STORY_ADDRESS + "amp/", "/2026/05/harbour-festival/photo-{i}/", True),
        (
            "https://harbourtimes.example/world/tall-ships-fill-the-harbour",
            "/world/tall-ships-fill-the-harbour/{i}",
            True,
        ),
        # The story itself with a query (a print view, a share link) is no photo's page; nor are other stories of the
        # site, one a look-alike path: teaser cards.
        (_STORY_ADDRESS, "/2026/05/harbour-festival/?print={i}", False),
        (_STORY_ADDRESS, "/2026/05/other-story-{i}/", False),
        (_STORY_ADDRESS, "https://harbourtimes.example/2026/05/harbour-festival-photos-{i}/", False),
    ],
)
def test_a_gallery_whose_captions_link_to_each_photo_s_page_stays(url: str, href: str, kept: bool) -> None:
    items = "".join(
        f"<div class='gallery-item'><a href='{href.format(i=i)}'><img src='/g{i}.jpg' alt=''>"
        f"<span>Tall ships line the quay on the festival's first day, seen from the lighthouse {i}</span></a></div>"
        for i in range(3)
    )
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><div class='gallery'>{items}</div>"
        f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    article, _, _ = read_article(parse(page), url, NO_DEADLINE, semantic_main=True)
    assert ("/g1.jpg" in [img.get("src") for img in article.iter("img")]) is kept
    assert ("from the lighthouse 1" in article.text_content()) is kept


@pytest.mark.parametrize(
    ("url", "href"),
    [
        # Every link of the site is below its root, a section front, a date's archive or a topic hub: a strip of
        # teasers there is still cards.
        ("https://harbourtimes.example/", "/news/s{i}"),
        ("https://harbourtimes.example/news/", "/news/local/story-{i}/"),
        ("https://harbourtimes.example/en/", "/en/politics/story-{i}/"),
        ("https://harbourtimes.example/news/?p=123", "/news/2026/05/other-{i}/"),
        ("https://harbourtimes.example/news/index.html", "/news/local/story-{i}/"),
        ("https://harbourtimes.example/2026/05/", "/2026/05/harbour-festival-{i}/"),
        ("https://harbourtimes.example/politics/elections-2024", "/politics/elections-2024/candidate-{i}"),
    ],
)
def test_a_page_that_is_no_story_has_no_photo_pages_below_it(url: str, href: str) -> None:
    strip = "".join(
        f"<div><a href='{href.format(i=i)}'><img src='/t{i}.jpg' alt=''><span>Headline number {i} here</span></a></div>"
        for i in range(3)
    )
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><div class='more'>{strip}</div>"
    page += f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    article, _, _ = read_article(parse(page), url, NO_DEADLINE, semantic_main=True)
    assert "Headline number" not in article.text_content()


@pytest.mark.parametrize(
    "lines",
    [
        [("2 cups", "flour"), ("1 tsp", "salt"), ("3", "eggs")],
        [("2 cups of finely ground whole", "wheat flour"), ("1 teaspoon of", "flaky sea salt"), ("3", "large eggs")],
    ],
)
@pytest.mark.parametrize("wrapper", ["{}", "<div>{}</div>"])  # the list's lines alone in a wrapper: it stays too
def test_a_run_of_three_link_lines_is_a_list_and_stays(lines: list[tuple[str, str]], wrapper: str) -> None:
    ingredients = "".join(f"<div>{amount} <a href='/i/{i}'>{name}</a></div>" for i, (amount, name) in enumerate(lines))
    ingredients = wrapper.format(ingredients)
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><h2>Ingredients</h2>{ingredients}"
        f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    text = _article_text(page)
    assert all(f"{amount} {name}" in text for amount, name in lines)


def test_two_link_lines_are_no_list_and_go() -> None:
    lines = (
        "<div>Related: <a href='/a'>Council approves the budget</a></div>"
        "<div>See also: <a href='/b'>Roads plan goes to a vote</a></div>"
    )
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{lines}<p>{TEXT} Part 1.</p></div></article>"
    text = _article_text(page + "</body></html>")
    assert "Council approves" not in text and "Roads plan" not in text


# A story's two sources (named so, on other sites, a title's words in each link) are article text; a 'Related:' and
# 'See also:' pair to this site's stories (above), a 'Related:' and 'More:' pair to other sites, ad lines, 'Follow us'
# and 'Share on' pairs are not: they lead elsewhere with a title's words too.
_SOURCE_LINES = (
    "<div>Source: <a href='https://www.who.int/reports/air-quality-2025'>WHO air quality report 2025</a></div>"
    "<div>Data: <a href='https://data.europa.eu/euro/emissions'>European Environment Agency emissions data</a></div>"
)
_UNNAMED_LINES = _SOURCE_LINES.replace("Source: ", "").replace("Data: ", "")
_PROFILE_LINES = (
    "<div>Follow us: <a href='https://www.facebook.com/harbourtimes'>Facebook</a></div>"
    "<div>And on: <a href='https://twitter.com/harbourtimes'>Twitter</a></div>"
)
_ELSEWHERE_LINES = [
    "<div>Related: <a href='https://www.sistertribune.com/2024/05/budget/'>Mayor unveils new budget plan</a></div>"
    "<div>More: <a href='https://www.partnerpost.com/news/x'>City council votes on harbour</a></div>",
    "<div>Around the web: <a href='https://www.sponsored-deals.com/a'>Doctors stunned by this trick</a></div>"
    "<div>Sponsored: <a href='https://www.finance-tips.net/b'>Retire early with one simple step</a></div>",
    "<div><a href='https://bsky.app/profile/harbourtimes.example'>Follow us on Bluesky</a></div>"
    "<div><a href='https://www.threads.net/@harbourtimes'>Follow us on Threads</a></div>",
    "<div><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Share on Facebook</a></div>"
    "<div><a href='https://twitter.com/intent/tweet?url=x'>Share on Twitter</a></div>",
    "<h3>Related</h3>" + _UNNAMED_LINES,
]
_HOST = "harbourtimes.example"
_AMP_CACHE_ADDRESS = (
    "https://harbourtimes-example.cdn.ampproject.org/c/s/harbourtimes.example/2026/05/harbour-festival/"
)


@pytest.mark.parametrize(
    ("lines", "host", "kept"),
    [
        (_SOURCE_LINES, _HOST, True),
        (_SOURCE_LINES.replace("https://", "//"), _HOST, True),  # protocol-relative addresses
        ("<h3>Sources</h3>" + _UNNAMED_LINES, _HOST, True),
        ("<p><b>Quellen:</b></p>" + _UNNAMED_LINES, _HOST, True),
        (_SOURCE_LINES.replace("Source:", "Źródło:"), _HOST, True),
        # A later line says nothing of its own besides its link, or opens with a source or data label...
        (_SOURCE_LINES.replace("Data: ", ""), _HOST, True),
        (_SOURCE_LINES.replace("Source:", "Quelle:").replace("Data:", "Daten:"), _HOST, True),
        # ...but a heading names every line of its run, whatever each says ('WWF (2020): <a>...</a>').
        ("<h3>Sources</h3>" + _UNNAMED_LINES.replace("<div><a", "<div>WWF (2020): <a"), _HOST, True),
        # A heading outside the run's wrapper, of a few words, and a label in brackets...
        ("<h3>Sources</h3><div>" + _UNNAMED_LINES + "</div>", _HOST, True),
        ("<h3>Sources and references</h3>" + _UNNAMED_LINES, _HOST, True),
        ("<h3>Our sources</h3>" + _UNNAMED_LINES, _HOST, True),
        (_SOURCE_LINES.replace("<div>Source: ", "<div>(Source: ").replace("</a></div>", "</a>)</div>"), _HOST, True),
        # ...in Swedish, Danish and Norwegian, Czech, Finnish.
        (_SOURCE_LINES.replace("Source:", "Källa:"), _HOST, True),
        ("<h3>Källor</h3>" + _UNNAMED_LINES, _HOST, True),
        (_SOURCE_LINES.replace("Source:", "Kilde:"), _HOST, True),
        ("<h3>Kilder</h3>" + _UNNAMED_LINES, _HOST, True),
        (_SOURCE_LINES.replace("Source:", "Zdroj:"), _HOST, True),
        ("<h3>Zdroje</h3>" + _UNNAMED_LINES, _HOST, True),
        (_SOURCE_LINES.replace("Source:", "Lähde:"), _HOST, True),
        ("<h3>Lähteet</h3>" + _UNNAMED_LINES, _HOST, True),
        # A source line's label names its own line only: an ad line after it is no source, and a long heading holding
        # the word is no name of the run.
        (
            _SOURCE_LINES.replace(
                "Data: <a href='https://data.europa.eu/euro/emissions'>European Environment Agency emissions data",
                "Sponsored: <a href='https://www.sponsored-deals.com/a'>Doctors stunned by this trick",
            ),
            _HOST,
            False,
        ),
        ("<h3>More stories from our open source desk</h3>" + _UNNAMED_LINES, _HOST, False),
        # Without the page's host no link is known to lead to another site.
        (_SOURCE_LINES, None, False),
        # The same two lines on the cited site itself lead to its own pages: a related pair.
        (_SOURCE_LINES.replace("www.who.int", _HOST), _HOST, False),
        (_PROFILE_LINES, _HOST, False),
        *((lines, _HOST, False) for lines in _ELSEWHERE_LINES),
    ],
)
def test_two_link_lines_citing_other_sites_are_the_story_s_sources(lines: str, host: str | None, kept: bool) -> None:
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><p>{TEXT} Part 1.</p>{lines}</div></article>"
        "</body></html>"
    )
    url = f"https://{host}/city/air" if host else None
    article, _, _ = read_article(parse(page), url, NO_DEADLINE, semantic_main=True, host=host)
    text = " ".join(article.text_content().split())
    first_link = re.search(r">([^<>]+)</a>", lines).group(1)
    assert (first_link in text) is kept


@pytest.mark.parametrize(
    ("url", "canonical", "cited", "kept"),
    [
        ("https://harbourtimes.example/city/air", "", "www.who.int", True),
        # A page sent without its address: its canonical address names the site, whose own links are no sources...
        (None, "https://harbourtimes.example/city/air", "harbourtimes.example", False),
        (None, "https://harbourtimes.example/city/air", "www.who.int", True),
        # ...and with neither, no link is known to lead elsewhere.
        (None, "", "www.who.int", False),
        # An AMP cache's copy of the page: its canonical address names the site.
        (_AMP_CACHE_ADDRESS, "https://harbourtimes.example/city/air", "harbourtimes.example", False),
    ],
)
def test_clean_gives_extraction_the_page_s_host_or_its_canonical_one(
    url: str | None, canonical: str, cited: str, kept: bool
) -> None:
    head = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    page = (
        f"<html><head><title>Air</title>{head}</head><body><article><h1>Air</h1><div class='body'><p>{TEXT} Part 0.</p>"
        f"<p>{TEXT} Part 1.</p>{_SOURCE_LINES.replace('www.who.int', cited)}</div></article></body></html>"
    )
    assert ("WHO air quality report 2025" in clean(page, url).text) is kept


@pytest.mark.parametrize(
    ("url", "href"),
    [
        # A page sent without its address: its canonical address is the story's, below which the photo pages are...
        (None, "/2026/05/harbour-festival/photo-{i}/"),
        (None, "photo-{i}/"),
        (None, _STORY_ADDRESS + "photo-{i}/"),
        # ...and an AMP cache's copy of it links to them on the story's own site.
        (_AMP_CACHE_ADDRESS, _STORY_ADDRESS + "photo-{i}/"),
    ],
)
def test_clean_finds_a_gallery_s_photo_pages_below_the_canonical_address(url: str | None, href: str) -> None:
    items = "".join(
        f"<div class='gallery-item'><a href='{href.format(i=i)}'><img src='https://harbourtimes.example/g{i}.jpg'>"
        f"<span>Tall ships line the quay on the festival's first day, seen from the lighthouse {i}</span></a></div>"
        for i in range(3)
    )
    page = (
        f"<html><head><title>Festival</title><link rel='canonical' href='{_STORY_ADDRESS}'></head><body><article>"
        f"<h1>Festival</h1><div class='body'><p>{TEXT} Part 0.</p><div class='gallery'>{items}</div>"
        f"<p>{TEXT} Part 1.</p></div></article></body></html>"
    )
    assert "from the lighthouse 1" in clean(page, url).text


@pytest.mark.parametrize(
    ("url", "story"),
    [
        # A story's address: a date before a last segment of words, or a last segment of three words or more.
        (_STORY_ADDRESS, True),
        ("https://harbourtimes.example/world/tall-ships-fill-the-harbour", True),
        # A story told by its number alone is not told from a section's page: its photo pages count as cards, and a
        # gallery linking to them goes (the conservative side)...
        ("https://harbourtimes.example/news/12345678", False),
        ("https://harbourtimes.example/story/abc123", False),
        ("https://harbourtimes.example/article?id=42", False),
        # ...while a year before a section's name, and a tag's or an author's page of three words, read as stories:
        # their pages below (the site's teasers) count as photo pages and a teaser strip there may stay (rare).
        ("https://harbourtimes.example/2026/sport", True),
        ("https://harbourtimes.example/tag/climate-change-policy", True),
        ("https://harbourtimes.example/author/jane-mary-doe", True),
    ],
)
def test_which_addresses_are_a_story_s_with_photo_pages_below(url: str, story: bool) -> None:
    assert PagesBelow(url).holds(url.split("?")[0].rstrip("/") + "/photo-2/") is story


@pytest.mark.parametrize(("quote", "kept"), [("“We will rebuild.”", True), ("The mayor spoke on Tuesday.", False)])
def test_a_dash_led_attribution_after_a_quotation_stays(quote: str, kept: bool) -> None:
    line = "<div>— <a href='/people/jane-doe'>Jane Doe</a>, mayor</div>"
    page = (
        f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p><p>{quote}</p>{line}<p>{TEXT} Part 1.</p>"
        "</div></article></body></html>"
    )
    assert ("— Jane Doe, mayor" in _article_text(page)) is kept


@pytest.mark.parametrize(("own_words", "kept"), [(LINK_LINE_MAX_OWN_WORDS, False), (LINK_LINE_MAX_OWN_WORDS + 1, True)])
def test_a_link_line_saying_more_than_its_label_stays(own_words: int, kept: bool) -> None:
    # 'READ MORE:', 'See also the full report on': a label and its lead-in; one word more is prose with a link.
    lead = " ".join(["word"] * own_words)
    line = f"<div>{lead} <a href='/report'>the council's full report on the new roads budget</a></div>"
    page = f"<html><body><article><div class='body'><p>{TEXT} Part 0.</p>{line}<p>{TEXT} Part 1.</p></div></article>"
    assert ("full report" in _article_text(page + "</body></html>")) is kept


def test_a_segment_of_the_story_holding_its_contents_box_joins_the_article() -> None:
    # A FAQ's segments, each in a row of its own: the first holds the contents box, whose links lead to the questions
    # on the page. Readability.js counts an in-page link's text at a share of its length (its link density), so the
    # segment joins the story with its first answer; counted whole, its links make it a block of links.
    questions = [f"<a href='#q{n}'>Which of the harbour works come in year {n} of the plan</a>" for n in range(6)]
    contents = "<br>".join(questions)
    answers = "".join(
        f"<p>Few of them, as the council said. Works on pier {n} start in spring, and the quay stays open.</p>"
        for n in range(3)
    )
    first = f"<div class='col'><div class='box'>{contents}</div><h3 id='q0'>Which?</h3>{answers}</div>"
    rest = "".join(f"<p>{TEXT} Part {i}.</p>" for i in range(12))
    page = (
        f"<html><body><article><div class='row'>{first}</div>"
        f"<div class='row'><div class='col'>{rest}</div></div></article></body></html>"
    )
    text = _article_text(page)
    assert "Works on pier 2 start" in text
    assert "year 3 of the plan" not in text  # the contents box goes: its links lead to what follows
    assert "Works on pier 2 start" not in _article_text(page.replace("href='#q", "href='/q"))


def test_contents_boxes_are_lines_of_in_page_links_alone() -> None:
    lines = "<br>".join(f"<a href='#part-{n}'>Part {n} of the guide</a>" for n in range(4))
    items = "".join(f"<li><a href='#part-{n}'>Part {n} of the guide</a></li>" for n in range(4))
    page = parse(
        f"<html><body><div id='story'><div class='toc'><strong>In this guide</strong><br>{lines}</div>"
        f"<div class='list'><ul>{items}</ul></div><h2><a href='#part-1'>Part 1 of the guide</a></h2>"
        "<p>Works start in spring<a href='#fn1'>1</a>, the council said<a href='#fn2'>2</a>, and end in May<a "
        "href='#fn3'>3</a>.</p><p><a href='#top'>Back to top</a></p>"
        "<p><a href='#a'>One</a><br><a href='/b'>Two</a><br><a href='#c'>Three</a></p>"
        "</div></body></html>"
    )
    # The box with its label; not a list of them (Readability.js keeps one), a heading linking to itself, a
    # paragraph's footnote marks, a 'back to top' line, nor lines with one link leading off the page.
    assert [box.get("class") for box in contents_boxes(page.find(".//div[@id='story']"))] == ["toc"]


def test_a_standfirst_name_is_judged_once_per_class_and_id_pair() -> None:
    # The leads' walks ask it of every element before the pick: the verdict is the pattern's, remembered per pair.
    names = ["article-subheadline ", " dek", "story_lead x", "leaderboard ad", "", "intro-text main", "Summary "]
    for value in names:
        assert names_a_standfirst(value) is (EDITORIAL_LEAD_RE.search(value) is not None)
    hits = names_a_standfirst.cache_info().hits
    names_a_standfirst("article-subheadline ")
    assert names_a_standfirst.cache_info().hits == hits + 1
