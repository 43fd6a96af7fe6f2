"""server.extract.header: the article's own title (the metadata stage's) repeated at the top of its body goes, as in
Firefox's Reader View, and so does a line that is only the date before the story starts (in digits or words, ten
languages), with or without the title; headings that are not the title, dates inside the story and lines that hold
more than a date stay."""

from __future__ import annotations

import pytest
from lxml import html
from lxml.html import HtmlElement

from server.extract import extract
from server.extract.header import MAX_DATE_LINE_ELEMENTS, _short_text, _similarity, drop_repeated_title, title_words
from server.parse import parse
from server.pipeline import Options, clean
from tests.test_extract import TEXT

TITLE = "Harbour bridge to close for repairs"
HEAD = f"<head><title>{TITLE} | The Riverton Ledger</title><meta property='og:title' content='{TITLE}'></head>"


def _page(body: str, head: str = HEAD) -> str:
    return f"<html>{head}<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"


def _article(body: str, title: str | None = TITLE) -> str:
    return extract(parse(_page(body)), "https://news.example/bridge", title=title).text_content()


def test_the_title_repeated_as_the_first_heading_goes() -> None:
    text = _article(f"<h1>Harbour Bridge to close for repairs</h1><p>{TEXT}</p><p>{TEXT}</p>")
    assert "Harbour Bridge to close" not in text and TEXT[:60] in text


def test_the_pipeline_passes_the_metadata_title() -> None:
    # The metadata stage's title is <title> without the site's name; the page's head is not read again.
    head = "<head><title>Harbour bridge to close for repairs - Riverton Ledger</title></head>"
    result = clean(_page(f"<h2>Harbour bridge to close for repairs</h2><p>{TEXT}</p><p>{TEXT}</p>", head))
    assert result.title == TITLE
    assert "Harbour bridge to close" not in result.text and TEXT[:60] in result.text
    # A site rule's title selector gives the metadata title: the heading repeating it goes, the head's stays.
    body = f"<h2 class='headline'>Council shuts the harbour bridge</h2><p>{TEXT}</p><p>{TEXT}</p>"
    rule = {"title": [".headline"], "strip": [{"category": "other", "selectors": ["nav.menu"]}]}
    result = clean(_page(body), "https://news.example/bridge", Options(draft_rules=(rule,)))
    assert result.title == "Council shuts the harbour bridge" and "Council shuts" not in result.text


@pytest.mark.parametrize(
    "body",
    [
        # a heading that is not the title
        f"<h2>Why the joints failed</h2><p>{TEXT}</p><p>{TEXT}</p>",
        # the title's words, but after the story has started: a section heading quoting it
        f"<p>{TEXT}</p><h2>Harbour bridge to close for repairs</h2><p>{TEXT}</p>",
        # the same, the story's words in the tail of an inline element
        f"<p>It <b>began</b> {TEXT}</p><h2>Harbour bridge to close for repairs</h2><p>{TEXT}</p>",
    ],
)
def test_other_headings_stay(body: str) -> None:
    text = _article(body)
    heading = body.split("<h2>")[1].split("</h2>")[0]
    assert heading in text


@pytest.mark.parametrize("title", [None, "", "  "])
def test_without_a_title_nothing_goes(title: str | None) -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1><p>23.10.2018</p><p>{TEXT}</p>", title)
    assert "Harbour bridge to close for repairs" in text and "23.10.2018" in text


@pytest.mark.parametrize(
    "line",
    [
        "<p>23.10.2018</p>",
        "<div><time datetime='2020-04-03T12:35'>Publiziert: 03.04.2020, 12:35</time></div>",
        "<span>Aktualisiert am 5. 12. 2026, 14:30 Uhr</span>",
        # the date and the section's word beside it, as a line of their own: both go, the span not cut from its line
        "<div><span>11.11.2021</span> <span>Artikel</span></div>",
    ],
)
def test_a_date_line_before_the_story_goes(line: str) -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1>{line}<p>{TEXT}</p><p>{TEXT}</p>")
    assert not any(ch.isdigit() for ch in text.split(TEXT[:20])[0]), text[:80]
    assert "Harbour bridge to close" not in text and "Artikel" not in text and TEXT[:60] in text


@pytest.mark.parametrize(
    "body",
    [
        # inside the story: a date standing on its own line further down (a timeline entry)
        f"<p>{TEXT}</p><p>23.10.2018</p><p>{TEXT}</p>",
        # more than a date: a dateline that opens the story
        f"<p>23.10.2018 – The council voted on Tuesday.</p><p>{TEXT}</p><p>{TEXT}</p>",
        # a date line after the title, but after the story has started
        f"<h1>Harbour bridge to close for repairs</h1><p>{TEXT}</p><p>23.10.2018</p><p>{TEXT}</p>",
    ],
)
def test_other_dates_stay(body: str) -> None:
    assert "23.10.2018" in _article(body)


@pytest.mark.parametrize(
    "body",
    [
        # no repeated title: the header's date line still stands before the story
        f"<p>23.10.2018</p><p>{TEXT}</p><p>{TEXT}</p>",
        f"<h2>Why the joints failed</h2><p>23.10.2018</p><p>{TEXT}</p>",
        # before the repeated title: both go
        f"<p>23.10.2018</p><h1>Harbour bridge to close for repairs</h1><p>{TEXT}</p>",
    ],
)
def test_a_date_line_at_the_top_goes_with_or_without_the_title(body: str) -> None:
    text = _article(body)
    assert "23.10.2018" not in text and TEXT[:60] in text


@pytest.mark.parametrize(
    "line",
    [
        "15 Dec, 2025",  # en
        "Published June 23, 2025 10:39AM",
        "Updated: 10/31/2024",
        "2021-10-16",
        "Veröffentlicht am 23. Oktober 2018, 12:35 Uhr",  # de
        "Mis à jour le 4 mai 2015 à 13h36",  # fr
        "Publicado el 3 de mayo de 2022",  # es
        "Pubblicato il 3 maggio 2022",  # it
        "Atualizado em 3 de maio de 2022",  # pt
        "Gepubliceerd op 3 mei 2022",  # nl
        "Opublikowano 3 maja 2022",  # pl
        "Опубліковано 3 травня 2022",  # uk
        "Опубликовано 3 мая 2022",  # ru
        # the author or the section after a bar
        "24. März 2004, 19:49 | Genesis",
        "2021-10-16 | Botschaft",
        # the section's one word with no bar
        "02.02.2022 A-Frauen",
    ],
)
def test_a_date_line_in_words_or_digits_in_ten_languages_goes(line: str) -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1><p>{line}</p><p>{TEXT}</p><p>{TEXT}</p>")
    assert line not in text and TEXT[:60] in text


@pytest.mark.parametrize(
    "line",
    [
        "April 2020",
        "12 Apostles 2020",
        "Mai 2020: Die Brücke schließt",
        "23.10.2018 | Polizei sucht Zeugen nach Unfall",
        "23.10.2018 Polizei sucht Zeugen",  # more than a section's word with no bar: a headline
    ],
)
def test_a_line_that_is_not_a_whole_date_stays(line: str) -> None:
    assert line in _article(f"<p>{line}</p><p>{TEXT}</p><p>{TEXT}</p>")


def test_similarity_is_readability_js_measure() -> None:
    # 1 - len("extra words") / len("harbour bridge extra words"): the share of the heading's text the title holds.
    title, heading = title_words("Harbour bridge"), title_words("Harbour bridge: extra words")
    assert _similarity(title, heading) == pytest.approx(1 - len("extra words") / len("harbour bridge extra words"))
    assert _similarity(title, title_words("harbour BRIDGE")) == 1


def _wrapped(inner: HtmlElement, depth: int) -> HtmlElement:
    for _ in range(depth):
        wrapper = html.Element("div")
        wrapper.append(inner)
        inner = wrapper
    return inner


def test_a_date_line_deep_in_wrappers_goes_and_a_wrapped_story_stays() -> None:
    # A wrapper is read as a date line only when small (header.MAX_DATE_LINE_ELEMENTS): its text is not built for
    # every wrapper of a long chain, and the date inside is still found, its own wrappers' turn coming in order.
    article = html.fragment_fromstring(f"<article><h1>{TITLE}</h1></article>")
    article.append(_wrapped(html.fragment_fromstring("<p>23.10.2018</p>"), 20))
    story = html.fragment_fromstring(f"<p>{TEXT}</p>")
    article.append(_wrapped(story, 300))
    drop_repeated_title(article, TITLE)
    text = article.text_content()
    assert "23.10.2018" not in text and TITLE not in text and TEXT in text
    assert _short_text(_wrapped(html.fragment_fromstring("<p>23.10.2018</p>"), MAX_DATE_LINE_ELEMENTS)) is None
    assert _short_text(html.fragment_fromstring("<p>Publiziert: <b>03.04.2020</b><!-- x --></p>")) == (
        "Publiziert: 03.04.2020"
    )


@pytest.mark.parametrize(
    "line",
    [
        # part of a line: a byline's date, a date beside a label
        "<p>Posted by <a href='/u/jo'>Jo</a> <time>21.10.2019</time></p>",
        "<p>Last updated: <span>January 12, 2026</span>.</p>",
        # an entry's date in a list or a table: an events list, a timeline
        "<ul><li><div>March 16, 2026</div><p>FABCON in Atlanta</p></li>"
        "<li><div>March 18, 2026</div><p>GTC</p></li></ul>",
    ],
)
def test_a_date_that_is_part_of_a_line_or_an_entry_stays(line: str) -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1>{line}<p>{TEXT}</p><p>{TEXT}</p>")
    assert any(date in text for date in ("21.10.2019", "January 12, 2026", "March 16, 2026")), text[:80]
