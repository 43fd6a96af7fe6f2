"""Byline reading (server/metadata/byline.py): page markup read the way Readability reads it, the meta tags, the
fallbacks, the words around the name."""

from __future__ import annotations

import pytest
from lxml import etree

from server.metadata import Metadata, read_metadata
from server.metadata import byline as byline_module
from server.metadata.byline import _contains_any
from server.parse import parse
from server.rules.selectors import PageIndex


def metadata(body: str, head: str = "", url: str | None = "https://news.example/a") -> Metadata:
    page = f"<html><head><title>A headline of some words</title>{head}</head><body>{body}</body></html>"
    return read_metadata(parse(page), url)


def byline(body: str, head: str = "") -> str | None:
    return metadata(body, head).byline


# markup, as Readability reads it
def test_the_first_byline_in_document_order_wins_over_later_author_markup():
    body = "<div class='byline'>By Ann Writer</div><p>Text</p><a rel='author' href='/ann'>Ann W.</a>"
    assert byline(body) == "By Ann Writer"
    # A dateline is a byline to Readability too, when it comes first.
    assert byline("<div class='dateline'>May 2, 2024</div><span class='author'>Bo</span>") == "May 2, 2024"


def test_an_element_whose_text_as_written_runs_to_100_characters_is_no_byline():
    padded = "<div class='post-author-date'>\n  By Ann Writer" + "\n" + " " * 90 + "<i>May 2</i>\n</div>"
    assert byline(padded + "<a class='author-link' href='/ann'>Ann Writer</a>") == "Ann Writer"


@pytest.mark.parametrize(
    "container",
    [
        "<div style='display: none'>{}</div>",
        "<div hidden>{}</div>",
        "<div aria-hidden='true'>{}</div>",
        "<div role='dialog' aria-modal='true'>{}</div>",
    ],
)
def test_hidden_bylines_are_skipped(container: str):
    assert byline(container.format("<span class='byline'>Hidden Name</span>") + "<p class='byline'>Seen</p>") == "Seen"


def test_bylines_in_site_chrome_yield_to_one_in_the_article_but_not_to_nothing():
    related = "<ul class='related-stories'><li><span class='byline'>Other Writer</span></li></ul>"
    nav = "<div role='navigation'><span class='author'>Menu Writer</span></div>"
    article = "<div class='story'><em class='byline'>JANE ROE </em></div>"
    assert byline(related + nav + article) == "JANE ROE"
    # A chrome word does not count when the class also names the article, nor in a layout table.
    assert byline("<div class='header-content'><span class='byline'>Ann</span></div>") == "Ann"
    assert byline("<table><tr><td class='sidebar'><span class='byline'>Bo</span></td></tr></table>") == "Bo"
    # When every byline sits in chrome, the markup has wrapped the article in it: take the first.
    assert byline("<div class='site_header'><span class='author'>By Ann</span><p>Text</p></div>") == "By Ann"


def test_empty_labels_and_form_fields_are_no_byline():
    body = (
        "<label for='author' class='comment-author'>Name *</label><p class='authors--byline'>By</p>"
        "<h4 class='author-about'>About the Author</h4><span class='authors--author'>Sara Brown</span>"
    )
    assert byline(body) == "Sara Brown"


def test_the_marked_name_inside_a_byline_is_preferred():
    schema = (
        "<div class='byline'>By <span itemprop='author'><span itemprop='name'>Ann Writer</span></span>, May 2</div>"
    )
    assert byline(schema) == "Ann Writer"
    named = "<div class='author-box'><span class='author-box__name'>Liz Kenny</span> Former Consultant</div>"
    assert byline(named) == "Liz Kenny"
    # One word "authorname" is not a class word "name": the byline stays whole.
    assert byline("<span class='author'>Par<span class='authorname'> Ann Writer</span></span>") == "Par Ann Writer"


def test_author_fields_holding_a_profile_url_are_passed_over():
    head = "<meta name='author' content='https://s.example/user/ann'>"
    assert byline("<div class='article-author'>Ann Writer</div>", head=head) == "Ann Writer"


def test_newsletter_and_citation_meta_tags_name_the_authors():
    assert byline("<p class='byline'>x</p>", head="<meta name='sailthru.author' content='Emmet White'>") == (
        "Emmet White"
    )
    citation = "<meta name='citation_author' content='Ann Writer'><meta name='citation_author' content='Bo Smith'>"
    assert byline("<p>x</p>", head=citation) == "Ann Writer, Bo Smith"


# fallbacks for pages whose markup marks no byline
def test_a_by_line_after_the_headline_gives_the_name():
    assert byline("<h1>Headline</h1><p>By <a href='/p/jd'>Jane van Doe</a></p><p>Text</p>") == "Jane van Doe"
    assert byline("<h1>Headline</h1><div>Written by: J. R. Smith</div>") == "J. R. Smith"
    # Not a name after the label, or no headline to be near: nothing.
    assert byline("<h1>Headline</h1><p>By the way, prices rose.</p>") is None
    assert byline("<p>By Jane Doe</p>") is None


def test_a_link_to_the_authors_page_gives_the_name_last():
    assert byline("<p><a href='/author/matt-r'>Matthew Richardson</a></p>") == "Matthew Richardson"
    assert byline("<p><a href='/authors/x'>Contributors</a><a href='/authors/y'>Ann Writer</a></p>") == "Ann Writer"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("View all posts by Ray Ansari", "Ray Ansari"),
        ("Read more about The Upwork Team", "The Upwork Team"),
        ("Matteo Laratta| Author", "Matteo Laratta"),
        ('"David Kim"', "David Kim"),
    ],
)
def test_words_around_the_name_are_dropped(text: str, name: str):
    assert byline(f"<span class='author'>{text}</span>") == name


# --- the XPath shortcuts select what their plain forms select ----------------------------------------


@pytest.mark.parametrize("gates", [(), ("line",), ("line", "uthor"), ("/author", "/contributor")])
def test_gated_contains_passes_exactly_the_strings_holding_a_stem(gates: tuple[str, ...]):
    stems = ("uthor", "yline", "ateline", "ritten", "/author/", "/authors/", "/contributor/")
    values = [
        "post-author",
        "byline",
        "headline",
        "timeline",
        "dateline",
        "written-by",
        "ritte",
        "inline uthor",
        "/author/ann",
        "/authors/",
        "/contributors/x",
        "/contributor",
        "/authorship",
        "",
        "Author",
    ]
    test = etree.XPath(f"//v[{_contains_any(stems, gates)}]")
    root = etree.fromstring("<r>" + "".join(f"<v>{value}</v>" for value in values) + "</r>")
    assert [v.text or "" for v in test(root)] == [v for v in values if any(stem in v for stem in stems)]


@pytest.mark.parametrize(
    "body",
    [
        "<div class='byline'>By Ann Writer</div>",
        "<div id='story-author'>Bo Reporter</div><div class='x'>text</div>",
        "<p>Text</p><a rel='author' href='/ann'>Ann Writer</a>",
        "<span itemprop='author'>Cy Author</span>",
        "<div class='Author'>Di Caps</div>",  # the stems leave the first letter off
        "<div class='dateline'>May 2, 2024</div><span id='writtenby'>Ed Writer</span>",
        "<div class='nothing'>No byline here</div>",
        "<span itemprop='name'>Fay Itemprop</span><span itemprop='coauthor'>Gus Co</span>",
        "<p>Text</p><a href='https://news.example/authors/hal-link'>Hal Link</a>",
        "<p>Text</p><a href='/contributor/ida'>Ida Contributor</a><a href='/about'>About</a>",
        "<p>Text</p><a href='/author'>Jo Nopath</a>",  # '/author' without its slash is no author page
        "<p>Text</p><link href='/author/kim'><a href='/authors'>Kim Nolink</a>",  # a <link> is no link
    ],
)
def test_the_page_index_spares_only_searches_that_find_nothing(body: str):
    # With the pipeline's PageIndex, the class and id parts of the markup search run only on pages whose class
    # (id) values hold a byline stem, its itemprop part on pages whose itemprop values hold 'author', and the
    # author-link search on pages whose href values hold an author page's path: the same byline either way.
    page = f"<html><head><title>A headline of some words</title></head><body>{body}</body></html>"
    root = parse(page)
    with_index = read_metadata(root, "https://news.example/a", index=PageIndex(root))
    assert with_index == read_metadata(parse(page), "https://news.example/a")


def test_the_page_index_leaves_out_the_itemprop_and_author_link_searches_where_no_value_can_match(monkeypatch):
    def never(*_args: object, **_kwargs: object) -> list:
        raise AssertionError("searched a page whose attribute values rule the search out")

    monkeypatch.setattr(byline_module, "_ITEMPROP_AUTHOR", never)
    monkeypatch.setattr(byline_module, "_AUTHOR_HREFS", never)
    page = (
        "<html><head><title>A headline of some words</title></head><body><h1>A headline</h1>"
        "<p itemprop='articleBody'>Text of the story.</p><a href='/about/'>About us</a></body></html>"
    )
    root = parse(page)
    assert read_metadata(root, "https://news.example/a", index=PageIndex(root)).byline is None
