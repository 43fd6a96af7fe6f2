"""Page-wide searches that were quadratic in their matches, each in one libxml2 call the time cap cannot interrupt:
libxml2 merges an XPath union's parts, and a parent step's results ('@x/..'), by testing every pair for duplicates.
Each search below finds the same nodes, in the same order, as the expression it replaced (kept here as the
reference), and the large hostile pages it took seconds on finish within normal suite time."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from server.extract import cleaning, readability
from server.extract.cleaning import image_block_stays
from server.extract.constants import IMAGE_BLOCK_MAX_LINKS
from server.extract.readability import read_article
from server.limits import NO_DEADLINE
from server.metadata import read_metadata
from server.metadata.byline import _AUTHOR_HREFS, _BODIES, _author_link, _byline_candidates, _contains_any
from server.metadata.constants import BYLINE_AUTHOR_LINK_PATHS, BYLINE_CLASS_STEMS, DATE_MARKUP_CANDIDATES
from server.metadata.dates import _DATE_MARKUP
from server.parse import parse
from server.pipeline import default_rules
from server.rules.declutter import declutter
from server.rules.selectors import PageIndex, compile_selector, in_document_order
from server.rules.selectors import css as css_module
from server.rules.selectors.css import Translator

TEXT = "The council met on Tuesday and agreed the new budget after a long debate about the roads. " * 12

# The replaced expressions, as they were.
_OLD_DATE_MARKUP = etree.XPath(
    f"(//*/@itemprop[. = 'datePublished']/.. | //body//time/@datetime/..)[position() <= {DATE_MARKUP_CANDIDATES}]"
)
_HINT = _contains_any(BYLINE_CLASS_STEMS, gates=("line",))
_OLD_BYLINE_ATTRIBUTES = etree.XPath(
    f"$bodies/descendant-or-self::*/@class[{_HINT}] | $bodies/descendant-or-self::*/@id[{_HINT}] | "
    "$bodies/descendant-or-self::*/@rel[. = 'author'] | $bodies/descendant-or-self::*/@itemprop[contains(., 'author')]"
)
_OLD_AUTHOR_LINKS = etree.XPath(
    "//body//a/@href[" + _contains_any(BYLINE_AUTHOR_LINK_PATHS, gates=("/author", "/contributor")) + "]/.."
)

# Varied markup: nesting, an element matching several parts, ids before classes, attributes in <head>.
VARIED = [
    "<html><head><meta itemprop='datePublished' content='2020-01-01'></head><body>"
    "<div class='promo wide byline' id='ad-1' rel='author'><p class='promo'>a<time datetime='2021'>x</time></p>"
    "<p class='promo-2 dateline' itemprop='author'>b</p></div><span id='byline' class='promo'>"
    "<time datetime='2022' itemprop='datePublished'>y</time></span><a href='/author/jo' class='x'>Jo Lee</a>"
    "<div style='color:red;display:none' hidden><a href='/contributors/al'>Al</a></div>"
    "<section class='caption'><p class='credit promo'>c</p><div class='caption'><p class='credit'>d</p></div></section>"
    "</body></html>",
    "<html class='promo' id='ad-1'><body class='promo byline'><time datetime='1'>1</time><time datetime='2'>2</time>"
    "<time datetime='3'>3</time><div itemprop='datePublished'>4</div><b itemprop='datePublished'>5</b>"
    "<ul>"
    + "".join(f"<li class='promo author-{n}' id='x-{n}'><a href='/author/{n}'>N {n}</a></li>" for n in range(300))
    + "</ul></body></html>",
    "<html><body><p>No markup at all.</p></body></html>",
]

CSS = [
    ".promo",
    "div.promo, p.promo",
    ".promo, #ad-1",
    "#ad-1, .promo, p",
    "[style*='display:none'], [hidden]",
    ".caption .credit",
    ".caption .credit, .credit",
    "p, div",
    "li.promo, a[href^='/author/'], .byline",
    "div p",
    "section div p.credit, ul a",
    "div > p time, body time",
    ".caption p",
    ".promo a, #ad-1 > p time",
    "[rel] time, section .credit",
    "#byline > time, .wide p",
]


@pytest.mark.parametrize("markup", VARIED)
@pytest.mark.parametrize("css", CSS)
@pytest.mark.parametrize("whole_up_to", [0, 2_000])
def test_css_searches_find_what_the_union_found_in_the_same_order(
    css: str, markup: str, whole_up_to: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whole XPath where the index bounds the matches (2,000), each part alone and merged otherwise (0).
    monkeypatch.setattr(css_module, "MAX_WHOLE_PATH_ELEMENTS", whole_up_to)
    root = parse(markup)
    expected = etree.XPath(Translator().css_to_xpath(css))(root)
    assert expected == CSSSelector(css, translator="html")(root)
    selector = compile_selector(css)
    index = PageIndex(root)
    for key in selector.keys or ():
        index.has(key)  # what the key prefilter gathers before a selector runs
    assert selector.select(root, index) == expected
    assert selector.select(root) == expected


def test_a_descendant_combinator_is_one_step_testing_the_subject_s_ancestors() -> None:
    # 'div p' as a path from each div: libxml2 merged their descendants testing every pair (0.78 s at 20,000).
    search = compile_selector("div p").xpath
    assert isinstance(search, etree.XPath)
    assert search.path.startswith("descendant-or-self::p[ancestor::div]") and "|" not in search.path
    root = parse("<html><body>" + "<div><p>x</p></div>" * 50_000 + "</body></html>")
    assert len(search(root)) == 50_000


def _without_the_whole_path(css: str) -> css_module.CssPath:
    """The CssPath a selector compiles to, made to fail if its whole XPath (union, parent steps) is evaluated."""
    search = compile_selector(css).xpath
    assert isinstance(search, css_module.CssPath)

    def whole(root: etree._Element) -> list:
        raise AssertionError(f"{css!r}: the whole XPath ran")

    search._whole = whole
    return search


DEEP = 240


def _deep_page(chains: int, carriers: int = 1) -> str:
    """Chains of DEEP nested divs each holding a link and a list, after `carriers` '.c-author' holding a link."""
    chain = "<div><a href='/x'>a</a><ol></ol>" * DEEP + "</div>" * DEEP
    author = "<div class='c-author'><a href='/a'>b</a></div>"
    return f"<html><body>{author * carriers}<div id='main'></div>{chain * chains}</body></html>"


@pytest.mark.parametrize("css", [".c-author a", "#main ol", ".c-author > a, #main ol"])
@pytest.mark.parametrize("carriers", [1, 3, css_module.MAX_CARRIERS + 1])
def test_a_chain_with_a_keyed_leftmost_compound_is_searched_down_from_its_few_elements(
    css: str, carriers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Testing every subject's ancestors walks the whole depth of each when nothing passes (1.2 s on 223,000
    # elements 248 deep): the search starts from the few elements the leftmost compound matches instead.
    runs: list[list | None] = []
    search = css_module._Downward.__call__

    def recorded(self: css_module._Downward, root: etree._Element, index: PageIndex) -> list | None:
        runs.append(search(self, root, index))
        return runs[-1]

    monkeypatch.setattr(css_module._Downward, "__call__", recorded)
    root = parse(_deep_page(3, carriers))
    found = compile_selector(css).select(root, PageIndex(root))
    assert found == CSSSelector(css, translator="html")(root)
    assert len(runs) == css.count(",") + 1
    # Past MAX_CARRIERS the subjects' ancestor test runs (None: not searched down); '#main' holds nothing.
    assert [run is None for run in runs] == [
        carriers > css_module.MAX_CARRIERS and "c-author" in part for part in css.split(",")
    ]


def test_a_chain_on_a_subtree_matches_through_an_element_above_it() -> None:
    # As in CSS, the leftmost compound may match above the root searched: no downward search there.
    root = parse(_deep_page(1))
    author = root.find(".//div[@class='c-author']")
    assert compile_selector(".c-author a").select(author, PageIndex(author)) == [author[0]]


def test_a_wide_page_s_matches_are_merged_in_document_order_past_the_indexed_sort() -> None:
    # 600 matches of two parts under one parent: more than libxml2 is handed to sort, merged by one walk.
    root = parse("<html><body>" + "<div class='a'>x</div><span class='b'>y</span><p>z</p>" * 300 + "</body></html>")
    expected = etree.XPath("descendant-or-self::div | descendant-or-self::span")(root)
    assert in_document_order(root, [root.findall(".//div"), root.findall(".//span")]) == expected
    assert in_document_order(root, [root.findall(".//div")[:5], root.findall(".//span")[:5]]) == expected[:10]


def test_merges_past_the_indexed_sort_rank_the_page_once_per_index() -> None:
    # A walk of the whole page on every merge past 256 matches: the ranks are the index's, built once.
    root = parse("<html><body>" + "<div class='a'>x</div><span class='b'>y</span><p>z</p>" * 300 + "</body></html>")
    index = PageIndex(root)
    runs = [root.findall(".//div"), root.findall(".//span")]
    expected = etree.XPath("descendant-or-self::div | descendant-or-self::span")(root)
    assert in_document_order(root, runs, index) == expected
    ranks = index.ranks
    root.find("body").remove(root.find(".//p"))  # a removal leaves the rest in order
    assert in_document_order(root, runs[::-1], index) == expected
    assert index.ranks is ranks
    assert compile_selector("div.a, span.b").select(root, index) == expected
    assert index.ranks is ranks


def test_a_css_list_over_tens_of_thousands_of_matches_runs_part_by_part() -> None:
    # 50,000 elements carrying the class, two tags: the union of two parent-step paths took 1.7 s at 40,000.
    root = parse("<html><body>" + "<div class='a'>x</div><span class='a'>y</span>" * 25_000 + "</body></html>")
    found = _without_the_whole_path("div.a, span.a")(root, PageIndex(root))
    assert len(found) == 50_000
    assert [element.tag for element in found[:4]] == ["div", "span", "div", "span"]


def test_a_list_of_tags_over_tens_of_thousands_of_matches_runs_part_by_part() -> None:
    # A draft rule's 'div, span' (untrusted): the union of two sweeps took 1.2 s at 40,000.
    root = parse("<html><body>" + "<div>x</div><span>y</span>" * 25_000 + "</body></html>")
    found = _without_the_whole_path("div, span")(root, PageIndex(root))
    assert len(found) == 50_000 and found[-1].tag == "span"


def test_tens_of_thousands_of_hidden_blocks_are_stripped() -> None:
    # 30,000 '<div style="display:none">': the generic rules' attribute-keyed search ('@style[...]/parent::*') tested
    # every pair of its results for duplicates.
    page = "<html><body>" + "<div style='display:none'>Hidden.</div>" * 30_000 + f"<p>{TEXT}</p></body></html>"
    root = parse(page)
    declutter(root, default_rules().generic)
    body = root.find("body")
    assert [child.tag for child in body] == ["p"]


@pytest.mark.parametrize("markup", VARIED)
def test_date_markup_candidates_are_those_of_the_union(markup: str) -> None:
    root = parse(markup)
    assert _DATE_MARKUP(root) == _OLD_DATE_MARKUP(root)


def test_the_date_is_read_among_tens_of_thousands_of_time_elements() -> None:
    # 30,000 <time datetime>: the parent step and union merged them testing every pair (0.66 s at 20,000).
    times = "".join(f"<p><time datetime='2021-03-{n % 28 + 1:02d}'>t</time></p>" for n in range(30_000))
    root = parse(f"<html><body><p>{TEXT}</p>{times}</body></html>")
    assert read_metadata(root, "https://news.example/a").published == "2021-03-01"


def _old_byline_candidates(root: etree._Element) -> list[etree._Element]:
    elements: list[etree._Element] = []
    for attribute in _OLD_BYLINE_ATTRIBUTES(root, bodies=_BODIES(root)):
        if not elements or attribute.getparent() is not elements[-1]:
            elements.append(attribute.getparent())
    return elements


@pytest.mark.parametrize("markup", VARIED)
def test_byline_candidates_are_those_of_the_union(markup: str) -> None:
    root = parse(markup)
    assert _byline_candidates(root, None) == _old_byline_candidates(root)
    assert _byline_candidates(root, PageIndex(root)) == _old_byline_candidates(root)
    assert [href.getparent() for href in _AUTHOR_HREFS(root)] == _OLD_AUTHOR_LINKS(root)


def test_the_byline_is_read_among_tens_of_thousands_of_author_marks() -> None:
    # 30,000 empty elements with a byline class and rel='author' (0.86 s at 20,000), then the byline.
    marks = "<span class='byline' rel='author'></span>" * 30_000
    root = parse(f"<html><body>{marks}<p class='byline'>By Jane Moss</p><p>{TEXT}</p></body></html>")
    assert read_metadata(root, "https://news.example/a").byline == "By Jane Moss"


def test_an_author_link_is_found_among_tens_of_thousands_of_links() -> None:
    # 30,000 links to author pages whose text is no name (the parent step took 0.29 s at 20,000), then one that is.
    links = "<a href='/author/x'>x</a>" * 30_000
    root = parse(f"<html><body><p>{links}<a href='/authors/jm'>Jane Moss</a></p></body></html>")
    assert _author_link(root) == "Jane Moss"


def _nested_image_blocks(depth: int, links: int) -> tuple[str, set[str]]:
    """A story whose body nests `depth` divs, each an image and `links` links to pages below the story's address: each
    nested block's tests read the links of every block it holds (depth x links)."""
    hrefs = [[f"/2026/05/harbour-festival/p{k}-{j}/" for j in range(links)] for k in range(depth)]
    nested = "".join(
        f"<div><img src='/i{k}.jpg'>" + "".join(f"<a href='{href}'>cap {j}</a>" for j, href in enumerate(row))
        for k, row in enumerate(hrefs)
    )
    page = f"<html><body><article><div class='body'><p>{TEXT}</p><p>{TEXT}</p>{nested}{'</div>' * depth}"
    return page + "</div></article></body></html>", {href for row in hrefs for href in row}


@pytest.mark.parametrize("bounded", [True, False])
@pytest.mark.parametrize(("depth", "links"), [(120, 60), (1, 5_000)])  # nested blocks; one block of many links
def test_nested_image_blocks_read_a_bounded_number_of_links_and_resolve_each_address_once(
    depth: int, links: int, bounded: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, hrefs = _nested_image_blocks(depth, links)
    if not bounded:  # the bound lifted: every block reads all it holds, and no address is resolved twice
        monkeypatch.setattr(cleaning, "IMAGE_BLOCK_MAX_LINKS", 10**9)
    calls = {"urljoin": 0, "blocks": 0, "links": 0}
    judging = [False]  # inside image_block_stays: the links its walks yield are the links it reads
    element_iter = HtmlElement.iter

    def counted_urljoin(base: str, href: str) -> str:
        calls["urljoin"] += 1
        return urljoin(base, href)

    def counted_image_block_stays(*args: object, **kwargs: object) -> bool:
        calls["blocks"] += 1
        judging[0] = True
        try:
            return image_block_stays(*args, **kwargs)
        finally:
            judging[0] = False

    def counted_iter(element: HtmlElement, *tags: object, **kwargs: object) -> Iterator[HtmlElement]:
        for descendant in element_iter(element, *tags, **kwargs):
            calls["links"] += judging[0] and descendant.tag == "a"
            yield descendant

    monkeypatch.setattr(cleaning, "urljoin", counted_urljoin)
    monkeypatch.setattr(readability, "image_block_stays", counted_image_block_stays)
    monkeypatch.setattr(HtmlElement, "iter", counted_iter)
    read_article(parse(page), "https://harbourtimes.example/2026/05/harbour-festival/", NO_DEADLINE, True)
    assert calls["urljoin"] <= len(hrefs)
    assert calls["blocks"] >= depth
    # Each block reads one link past the bound at most, to know it holds more; lifted, the nested blocks read them all.
    assert (calls["links"] <= calls["blocks"] * (IMAGE_BLOCK_MAX_LINKS + 1)) is bounded
