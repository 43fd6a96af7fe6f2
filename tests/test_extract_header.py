"""server.extract.header: the article's own title repeated at the top of its body goes, as in Firefox's Reader
View, and so does a line there that is only the date; headings that are not the title, dates inside the story and
lines that hold more than a date stay."""

from __future__ import annotations

import pytest

from server.extract import extract
from server.extract.header import _similarity, _tokens
from server.parse import parse
from tests.test_extract import TEXT

HEAD = (
    "<head><title>Harbour bridge to close for repairs | The Riverton Ledger</title>"
    "<meta property='og:title' content='Harbour bridge to close for repairs'></head>"
)


def _article(body: str, head: str = HEAD) -> str:
    page = f"<html>{head}<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    return extract(parse(page), "https://news.example/bridge").text_content()


def test_the_title_repeated_as_the_first_heading_goes() -> None:
    text = _article(f"<h1>Harbour Bridge to close for repairs</h1><p>{TEXT}</p><p>{TEXT}</p>")
    assert "Harbour Bridge to close" not in text and TEXT[:60] in text


def test_the_title_from_the_title_element_alone_is_enough() -> None:
    head = "<head><title>Harbour bridge to close for repairs - Riverton Ledger</title></head>"
    text = _article(f"<h2>Harbour bridge to close for repairs</h2><p>{TEXT}</p><p>{TEXT}</p>", head)
    assert "Harbour bridge to close" not in text


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


def test_without_a_title_nothing_goes() -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1><p>{TEXT}</p><p>{TEXT}</p>", "<head></head>")
    assert "Harbour bridge to close for repairs" in text


@pytest.mark.parametrize(
    "line",
    [
        "<p>23.10.2018</p>",
        "<div><time datetime='2020-04-03T12:35'>Publiziert: 03.04.2020, 12:35</time></div>",
        "<span>Aktualisiert am 5. 12. 2026, 14:30 Uhr</span>",
    ],
)
def test_a_date_line_before_the_story_goes(line: str) -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1>{line}<p>{TEXT}</p><p>{TEXT}</p>")
    assert not any(ch.isdigit() for ch in text.split(TEXT[:20])[0]), text[:80]
    assert "Harbour bridge to close" not in text and TEXT[:60] in text


@pytest.mark.parametrize(
    "body",
    [
        # inside the story: a date standing on its own line further down (a timeline entry)
        f"<p>{TEXT}</p><p>23.10.2018</p><p>{TEXT}</p>",
        # more than a date: a dateline that opens the story
        f"<p>23.10.2018 – The council voted on Tuesday.</p><p>{TEXT}</p><p>{TEXT}</p>",
    ],
)
def test_other_dates_stay(body: str) -> None:
    assert "23.10.2018" in _article(body)


def test_similarity_is_readability_js_measure() -> None:
    # 1 - len("extra words") / len("harbour bridge extra words"): the share of the heading's text the title holds.
    title, heading = _tokens("Harbour bridge"), _tokens("Harbour bridge: extra words")
    assert _similarity(title, heading) == pytest.approx(1 - len("extra words") / len("harbour bridge extra words"))
    assert _similarity(title, _tokens("harbour BRIDGE")) == 1
