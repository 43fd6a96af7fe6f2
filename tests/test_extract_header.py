"""server.extract.header: the article's own title repeated at the top of its body goes, as in Firefox's Reader
View; headings that are not the title, or stand inside the story, stay."""

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
    ],
)
def test_other_headings_stay(body: str) -> None:
    text = _article(body)
    heading = body.split("<h2>")[1].split("</h2>")[0]
    assert heading in text


def test_without_a_title_nothing_goes() -> None:
    text = _article(f"<h1>Harbour bridge to close for repairs</h1><p>{TEXT}</p><p>{TEXT}</p>", "<head></head>")
    assert "Harbour bridge to close for repairs" in text


def test_similarity_is_readability_js_measure() -> None:
    # 1 - len("extra words") / len("harbour bridge extra words"): the share of the heading's text the title holds.
    title, heading = _tokens("Harbour bridge"), _tokens("Harbour bridge: extra words")
    assert _similarity(title, heading) == pytest.approx(1 - len("extra words") / len("harbour bridge extra words"))
    assert _similarity(title, _tokens("harbour BRIDGE")) == 1
