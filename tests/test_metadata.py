"""read_metadata() as a whole: each field from the first source that gives it."""

from __future__ import annotations

from server.metadata import read_metadata
from server.parse import parse


def test_metadata_from_jsonld_open_graph_and_markup():
    page = """<html lang="uk"><head><title>Headline here now | Site</title>
      <meta property="og:site_name" content="The Site"><meta property="og:image" content="/lead.jpg">
      <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "JSON headline",
        "author": [{"name": "Ann Writer"}, {"name": "Bo Reporter"}], "datePublished": "2024-05-22T10:00:00Z"}]}
      </script></head><body dir="ltr"><p>x</p></body></html>"""
    meta = read_metadata(parse(page), "https://site.example/a/b")
    assert meta.title == "JSON headline" and meta.byline == "Ann Writer, Bo Reporter"
    assert meta.published == "2024-05-22T10:00:00+00:00" and meta.site_name == "The Site"
    assert meta.lead_image == "https://site.example/lead.jpg" and meta.lang == "uk" and meta.dir == "ltr"
    bare = read_metadata(
        parse(
            "<html lang='ar'><head><title>One two three | Site</title></head>"
            "<body><span class='byline'>By Someone</span></body></html>"
        ),
        None,
    )
    assert bare.title == "One two three" and bare.byline == "By Someone" and bare.dir == "rtl"


def test_metadata_text_is_composed_as_the_article_is():
    page = (
        "<html><head><title>Gru\u0308ne Wa\u0308lder wachsen wieder | Site</title>"
        "<meta name='author' content='Jo\u0308rg Mu\u0308ller'></head><body><p>x</p></body></html>"
    )
    meta = read_metadata(parse(page), None)
    assert meta.title == "Grüne Wälder wachsen wieder" and meta.byline == "Jörg Müller"


def test_an_address_slug_in_og_title_gives_way_to_the_next_title():
    page = (
        "<html><head><title>ADAC Kindersitz-Test 2018 | ADAC</title>"
        "<meta property='og:title' content='adac-kindersitztest-herbst-2018'>"
        "<meta name='twitter:title' content='18 Kindersitze im Test: Vier Modelle fallen durch'></head>"
        "<body><p>x</p></body></html>"
    )
    assert read_metadata(parse(page), None).title == "18 Kindersitze im Test: Vier Modelle fallen durch"
    alone = page.replace("<meta name='twitter:title' content='18 Kindersitze im Test: Vier Modelle fallen durch'>", "")
    assert read_metadata(parse(alone), None).title == "ADAC Kindersitz-Test 2018"
    # A hyphenated word or a one-word title is a headline still.
    for title in ("COVID-19", "e-mail", "Wikipedia"):
        assert read_metadata(parse(page.replace("adac-kindersitztest-herbst-2018", title)), None).title == title
