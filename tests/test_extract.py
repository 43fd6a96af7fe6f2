"""The extract stage's entry, server.extract.extract: its steps in order. The pages built here serve the tests of
the other extract modules too (tests/test_extract_*.py, one per module)."""

from __future__ import annotations

from typing import Any

import pytest

from server import extract as extract_module
from server.extract import extract
from server.limits import NO_DEADLINE
from server.parse import parse
from server.rules.selectors import compile_selector
from tests.conftest import article_page

TEXT = (
    "Cut the foam block about two centimetres smaller than the glass, soak it in water until it sinks, and dig "
    "a hole for the plant, taking care, as always, not to pierce the bottom, or the water will drain away."
)


def paragraphs(label: str, count: int) -> str:
    """count paragraphs of TEXT, numbered after the label."""
    return "".join(f"<p>{label} {n}. {TEXT}</p>" for n in range(1, count + 1))


def test_extract_finds_the_article_and_prefers_rule_content() -> None:
    root = parse(article_page(extra="<div class='special'><p>Rule-chosen root.</p></div>"))
    article = extract(root, "https://example.com/a")
    assert "Paragraph 2" in article.text_content()
    chosen = extract(
        parse(article_page(extra="<div class='special'><p>Rule root.</p></div>")), None, (compile_selector(".special"),)
    )
    assert chosen.text_content() == "Rule root."


def test_readability_runs_again_only_after_promoting_a_main(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real = extract_module.read_article

    def counting(*args: Any, **kwargs: Any) -> tuple:
        calls.append(kwargs["semantic_main"])
        return real(*args, **kwargs)

    monkeypatch.setattr(extract_module, "read_article", counting)
    short = "<html><body><div class='story'><p>" + TEXT + "</p></div></body></html>"
    extract(parse(short), "https://news.example/a")
    assert calls == [True]  # few words, but no <main> promoted: a retry would repeat the same steps
    calls.clear()
    # The <main> has twice the story's text, but its cleaning drops the related block holding most of it.
    related = "<div class='related'><p>" + "Other story. " * 50 + "</p></div>"
    promoted = f"<html><body><main><div class='story'><p>{TEXT}</p></div>{related}</main></body></html>"
    assert real(parse(promoted), None, NO_DEADLINE, semantic_main=True)[2]
    extract(parse(promoted), "https://news.example/b")
    assert calls == [True, False]


def _story(body: str) -> str:
    """The text of the article extract() finds in a page whose story is `body`."""
    page = f"<html><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    return extract(parse(page), "https://news.example/story").text_content()


def test_linked_headings_stay_as_readability_js_keeps_them() -> None:
    # A listicle's item headings link to each item's review; a long piece's section headings link to themselves.
    items = "".join(
        f"<h3><a href='https://news.example/review-{n}'>{n}) Film number {n}</a></h3><p>{n}. {TEXT}</p>"
        for n in range(1, 6)
    )
    sections = "".join(f"<h2><a href='#part-{n}'>Part {n} of the guide</a></h2><p>{n}. {TEXT}</p>" for n in (1, 2))
    text = _story(items + sections)
    assert all(f"{n}) Film number {n}" in text for n in range(1, 6))
    assert "Part 1 of the guide" in text and "Part 2 of the guide" in text


def test_a_heading_of_negative_class_goes_and_lower_headings_stay() -> None:
    body = (
        f"<p>1. {TEXT}</p><h2 class='comment-title'>Leave a comment</h2><p>2. {TEXT}</p>"
        f"<h4 class='meta'>What the council said</h4><p>3. {TEXT}</p>"
    )
    text = _story(body)
    assert "Leave a comment" not in text and "What the council said" in text and "3. Cut the foam" in text


def test_a_paragraph_beside_the_story_that_opens_with_a_link_joins_it() -> None:
    # readability read such a sibling's text before its first child ("" here); Readability.js reads all of it.
    aside = (
        "<p><a href='https://wire.example/r'>The wire</a> reports that the council will meet again on Tuesday to vote "
        "on the budget.</p>"
    )
    page = f"<html><body><div><div class='story'>{paragraphs('Part', 4)}</div>{aside}</div></body></html>"
    text = extract(parse(page), "https://news.example/story").text_content()
    assert "reports that the council will meet again" in text and "Part 4." in text


def test_a_list_of_links_in_the_story_stays() -> None:
    # Readability.js spares lists its low-weight link test: a story's sources are all links.
    sources = "".join(f"<li><a href='https://data.example/r{n}'>Budget report, part {n}</a></li>" for n in (1, 2))
    text = _story(f"<p>1. {TEXT}</p><p>2. {TEXT}</p><ul>{sources}</ul><p>3. {TEXT}</p>")
    assert "Budget report, part 2" in text
