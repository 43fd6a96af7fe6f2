"""server.extract.measure: the text measures, each against what it replaces."""

from __future__ import annotations

from lxml import html

from server.extract.measure import element_text, link_density


def test_text_is_the_text_content_without_the_tail() -> None:
    root = html.fromstring("<div><p>One <b>two</b> three<span>!</span></p>tail</div>")
    assert element_text(root[0]) == root[0].text_content() == "One two three!"


def testlink_density_without_links_is_zero_and_takes_a_known_length() -> None:
    root = html.fromstring("<div><p>plain words</p><p><a href='/x'>link</a> text</p></div>")
    assert link_density(root[0]) == 0.0
    assert link_density(root) == 4 / len("plain wordslink text")  # the paragraphs touch: no space between
    assert link_density(root, 8) == 0.5


def test_link_density_counts_the_links_inside_the_element_only() -> None:
    root = html.fromstring(
        "<div><a href='/a'>outer <span>inner</span></a><p>words <a href='/c'>third</a> and more</p></div>"
    )
    assert link_density(root) == len("outer innerthird") / len("outer innerwords third and more")
    assert link_density(root.find(".//span")) == 0.0  # the link holding it is not inside it
    assert link_density(root.find(".//a")) == 1.0  # a link is its own link text
