"""Publication dates (server/metadata/dates.py): meta tags, markup, the address and the text near the headline,
written as ISO 8601."""

from __future__ import annotations

import pytest

from server.metadata import Metadata, dates, read_metadata
from server.metadata.dates import _iso_date
from server.parse import parse
from server.rules.selectors import PageIndex


def metadata(body: str, head: str = "", url: str | None = "https://news.example/a") -> Metadata:
    page = f"<html><head><title>A headline of some words</title>{head}</head><body>{body}</body></html>"
    return read_metadata(parse(page), url)


def published_on(body: str, head: str = "", url: str | None = None) -> str | None:
    return metadata(body, head, url).published


def test_publication_date_from_markup():
    assert published_on("<p>x</p><time datetime='2024-05-02'>May 2</time>") == "2024-05-02"
    assert published_on("<time>May 2</time><time datetime='2024-05-03'>x</time>") == "2024-05-03"
    # schema.org markup anywhere, the head included, and in document order with the body's <time>s
    assert published_on(
        "<time datetime='2024-05-03'>x</time>", "<meta itemprop='datePublished' content='2024-05-01'>"
    ) == ("2024-05-01")
    assert published_on("<span itemprop='dateModified datePublished'>2024-05-04</span>") is None
    assert published_on("<div itemprop='datePublished'>2024-05-04</div><time datetime='2024-05-03'>x</time>") == (
        "2024-05-04"
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<div>a<p>b<b>c</b>d</p>e<script>f</script>g<noscript>h<i>i</i>j</noscript>k</div>",
        "<div><ul><li>1</li><li>2<a>3</a></li></ul><style>x</style></div>",
        "<div></div>",
        "<section>" + "<p>x<span>y</span>z</p>" * 50 + "</section>",
    ],
)
def test_the_texts_before_a_headline_are_read_back_from_the_last(markup: str) -> None:
    root = parse(f"<html><body>{markup}tail<h1>A headline</h1></body></html>")
    container = root.find("body")[0]
    assert list(dates._texts_of_reversed(container)) == list(reversed(list(dates._texts_of(container))))
    heading = root.find(".//h1")
    assert list(dates._texts_before(heading))[:3] == [*reversed(list(dates._texts_of(container))), None][:3]


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ("<p>x</p><time datetime='2024-05-02'>May 2</time>", ""),
        ("<time datetime='2024-05-03'>x</time>", "<meta itemprop='datePublished' content='2024-05-01'>"),
        ("<div itemprop='datePublished'>2024-05-04</div><time datetime='2024-05-03'>x</time>", ""),
        ("<span itemprop='dateModified datePublished'>2024-05-04</span><time datetime='2024-05-05'>x</time>", ""),
        ("<span itemprop='datepublished'>2024-05-04</span><time datetime='2024-05-06'>x</time>", ""),
        ("<p>No date marked</p>", ""),
    ],
)
def test_the_page_index_spares_the_date_search_its_schema_org_part_only_where_it_finds_nothing(
    body: str, head: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = f"<html><head><title>A headline of some words</title>{head}</head><body>{body}</body></html>"
    without_index = read_metadata(parse(page), None).published
    root = parse(page)
    if "'datePublished'" not in page:  # no such itemprop value: the <time> part alone runs

        def never(_root: object) -> list:
            raise AssertionError("the datePublished part ran on a page without that markup")

        monkeypatch.setattr(dates, "_DATE_MARKUP", never)
    assert read_metadata(root, None, index=PageIndex(root)).published == without_index


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Thu, 09/25/2025 - 11:38", "2025-09-25"),  # month first: the day is over 12
        ("13/11/2025 09:21:40", "2025-11-13"),  # day first
        ("on Friday December 19, 2025 @08:00PM", "2025-12-19"),
        ("Dec 17th 2025", "2025-12-17"),
        ("February 9th, 2024", "2024-02-09"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("19 of March 2020, updated", "2020-03-19"),
        ("02-12-2025", "02-12-2025"),  # either reading is a date: left as the page wrote it
        ("31/02/2025 at noon", "31/02/2025 at noon"),  # no such day
        ("last Tuesday", "last Tuesday"),
    ],
)
def test_dates_inside_longer_values_are_read(value: str, expected: str) -> None:
    assert _iso_date(value) == expected


HEADLINE = "<h1>Harbor bridge to close for repairs</h1>"
STORY = "<p>The bridge will close on March 3, 2025, for six weeks while crews replace its joints.</p>"


def test_a_date_shown_near_the_headline_is_the_publication_date_when_the_markup_has_none():
    assert published_on(f"{HEADLINE}<div class='meta'><span>By Ann Writer</span> <span>Dec 12, 2025</span></div>") == (
        "2025-12-12"
    )
    # as an eyebrow above the headline, and as a numeric date that reads only one way
    assert published_on(f"<nav>Home</nav><div>23.07.2025</div>{HEADLINE}{STORY}") == "2025-07-23"
    assert published_on(f"{HEADLINE}<p>Posted on the 15/12/2025 at 19:00 by</p>") == "2025-12-15"
    assert published_on(f"<p>May 1, 2020</p><div><p>Dec 12, 2025</p></div>{HEADLINE}") == "2025-12-12"  # nearest


def test_a_shown_revision_date_gives_way_to_a_shown_publication_date():
    assert published_on(f"<p>December 22, 2022</p>{HEADLINE}<p>Updated: January 02, 2026</p>") == "2022-12-22"
    assert published_on(f"{HEADLINE}<p>Last updated on 17 December 2025</p>{STORY}") == "2025-12-17"


def test_dates_in_sentences_scripts_or_far_from_the_headline_are_not_the_publication_date():
    assert published_on(f"{HEADLINE}{STORY}") is None  # a date in the story is an event in it
    assert published_on(f"{HEADLINE}<script>var d = 'Dec 12, 2025';</script>{STORY}") is None
    far = "".join(f"<p>Paragraph {n}</p>" for n in range(40))
    assert published_on(f"{HEADLINE}{far}<p>Dec 12, 2025</p>") is None
    assert published_on(f"<p>Dec 12, 2025</p>{STORY}") is None  # no headline to be near


def test_markup_and_the_address_outrank_a_shown_date():
    shown = f"{HEADLINE}<p>Dec 12, 2025</p>"
    assert published_on(shown, "<meta property='article:published_time' content='2025-12-10'>") == "2025-12-10"
    assert published_on(shown, url="https://news.example/2025/12/11/harbor-bridge") == "2025-12-11"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-22T19:08:51.000Z", "2024-05-22T19:08:51+00:00"),
        ("2019-04-28 06:01:07", "2019-04-28T06:01:07"),
        ("May 22, 2024", "2024-05-22T00:00:00"),
        ("Tue, 03 Jun 2008 11:05:30 GMT", "2008-06-03T11:05:30+00:00"),
        ("sometime last week", "sometime last week"),
    ],
)
def test_published_dates_become_iso(value, expected):
    page = f"<html><head><meta property='article:published_time' content='{value}'></head><body></body></html>"
    assert read_metadata(parse(page), None).published == expected


def test_published_date_from_the_address_as_a_last_resort():
    page = "<html><body><p>No date anywhere.</p></body></html>"
    assert read_metadata(parse(page), "https://news.example.com/2024/05/22/story").published == "2024-05-22"
