"""server.extract.measure: the text measures, each against what it replaces."""

from __future__ import annotations

from lxml import html

from server.extract.constants import IN_PAGE_LINK_WEIGHT
from server.extract.measure import PageLinks, element_text, link_density, weighted_link_density


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


def _link_density_by_text_nodes(element: html.HtmlElement) -> float:
    """The reference: every text node under a link inside the element (or the element itself), joined."""
    links_above = len(list(element.iterancestors("a")))
    texts = element.xpath("descendant::text()[count(ancestor::a) > $n]", n=links_above)
    link_length = len(" ".join("".join(texts).split()))
    return link_length / max(len(" ".join(element.text_content().split())), 1) if link_length else 0.0


def test_link_density_joins_the_outermost_links_text_as_the_text_nodes_join() -> None:
    root = html.fromstring(
        "<div><p><a href='/a'>one</a><a href='/b'> </a><a href='/c'>two</a><a href='/d'>three</a> words</p>"
        "<p>x<a href='/e'>outer <b>bold</b></a></p><section><p>plain</p></section></div>"
    )
    outer = root.find(".//a[@href='/e']")
    inner = outer.makeelement("a", href="/f")  # the HTML parser splits nested links: nest one by hand
    inner.text, inner.tail = "inner", " after"
    outer.append(inner)
    inner.append(inner.makeelement("i"))
    inner[0].text = " italic"
    for element in root.iter():
        assert link_density(element) == _link_density_by_text_nodes(element), element.tag
    assert link_density(root.find("p")) == len("one twothree") / len("one twothree words")


def test_a_link_to_a_place_on_the_page_counts_at_a_share_of_its_text() -> None:
    # Readability.js's _getLinkDensity: an href of '#' and a name (a contents box, a footnote mark) leads off nowhere.
    root = html.fromstring("<div><a href='#part-2'>Part two</a> <a href='/next'>Next story</a> and words here</div>")
    length = len("Part two Next story and words here")
    assert weighted_link_density(root) == (IN_PAGE_LINK_WEIGHT * len("Part two") + len("Next story")) / length
    assert link_density(root) == len("Part twoNext story") / length
    bare = html.fromstring("<div><a href='#'>Top</a> of the page, <a href='/a'>a link</a></div>")
    assert weighted_link_density(bare) == link_density(bare)  # '#' alone names no place: a script's button


def test_page_links_measure_every_element_outside_links_as_link_density_does() -> None:
    # score_paragraphs' nested candidates (a paragraph's parent and grandparent, the story's container and the page's)
    # share their links: the page's outermost links are serialized once, and each element's are a run of them
    root = html.fromstring(
        "<div><section><p>One <a href='/a'>first</a> and <a href='/b'> second </a>.</p>"
        "<p><a href='/c'><b>third</b> link</a> words</p></section><p>plain <a href='/d'></a></p>"
        "<p>a <a href='/e'>link</a> last</p><p>no links</p></div>"
    )
    inner = root.makeelement("a", {"href": "/f"})  # a link in a link (the parser never nests them; a tree can)
    inner.text = " in a link"
    root.find(".//a[@href='/e']").append(inner)
    page_links = PageLinks(root)
    for element in root.iter():
        if next(element.iterancestors("a"), None) is None:
            assert page_links.link_density(element) == link_density(element), element.tag
    assert page_links.link_density(root, 10) == link_density(root, 10)
