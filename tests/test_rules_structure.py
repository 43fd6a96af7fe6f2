"""server/rules/structure.py: the generic layer's structural passes, on fixture pages in tests/generic/structure/."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from server.errors import TooComplex
from server.limits import Deadline
from server.parse import parse
from server.pipeline import Options, clean
from server.rules import structure
from server.rules.structure import (
    StructuralPass,
    _credit_start,
    _same_site,
    banner_figures,
    caption_credits,
    link_paragraphs,
    recirculation_lists,
    site_host,
    teaser_cards,
)

FIXTURES = Path(__file__).parent / "generic" / "structure"
URL = "https://www.gazzetta-borgo.example/cultura/teatro-riapre"


def _page() -> str:
    return (FIXTURES / "recirculation-lists.html").read_text(encoding="utf-8")


def test_recirculation_lists_are_headline_links_to_this_site() -> None:
    root = parse(_page())
    found = recirculation_lists(root, site_host(root))
    assert [element.get("class") for element in found] == ["box-correlati", "piu-letti"]


def test_lists_that_are_content_chrome_or_elsewhere_stay() -> None:
    # The programme (short links with dates) and a table of contents stay (the sources on other sites and the
    # menu are readability's to judge: see the test above for the pass itself).
    result = clean(_page(), URL, Options(attributions=False))
    for kept in ("Amleto, 12 ottobre", "I lavori di restauro della sala"):
        assert kept in result.text
    for gone in ("La biblioteca comunale cambia gli orari", "Festival jazz, ecco il programma", "derby rinviato"):
        assert gone not in result.text
    assert "Il teatro cittadino riaprirà a ottobre" in result.text
    removal = next(r for r in result.removed if r["rule"] == "structure:recirculation")
    assert (removal["category"], removal["count"]) == ("related", 2)


def test_lists_in_the_chrome_are_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # The chrome test comes first: a menu's words are never serialized to be counted (same lists found).
    read: list[HtmlElement] = []
    is_recirculation = structure._is_recirculation

    def reading(candidate: HtmlElement, host: str | None) -> bool:
        read.append(candidate)
        return is_recirculation(candidate, host)

    monkeypatch.setattr(structure, "_is_recirculation", reading)
    root = parse(_page())
    in_chrome = [
        ul for ul in root.iter("ul", "ol") if next(ul.iterancestors("nav", "header", "footer"), None) is not None
    ]
    assert in_chrome and len(in_chrome[0]) >= 3
    found = recirculation_lists(root, site_host(root))
    assert [element.get("class") for element in found] == ["box-correlati", "piu-letti"]
    assert read and not any(ul in read for ul in in_chrome)


def test_the_pass_belongs_to_the_generic_layer() -> None:
    result = clean(_page(), URL, Options(attributions=False, generic_rules=False))
    assert not any(r["rule"].startswith("structure:") for r in result.removed)


def test_a_draft_without_domains_runs_no_structural_pass_without_the_generic_layer() -> None:
    draft = {"strip": [{"category": "other", "selectors": ["div.no-such-box"]}]}
    options = Options(attributions=False, generic_rules=False, draft_rules=(draft,))
    result = clean(_page(), URL, options)
    assert not any(r["rule"].startswith("structure:") for r in result.removed)


def test_without_a_site_address_only_paths_count_as_this_site() -> None:
    page = _page().replace('<link rel="canonical" href="https://www.gazzetta-borgo.example/cultura/teatro-riapre">', "")
    root = parse(page)
    assert site_host(root) is None
    found = recirculation_lists(root, None)
    # The related box mixes a path with an absolute address of the site: no longer sure, it stays.
    assert [element.get("class") for element in found] == ["piu-letti"]


def test_the_site_address_is_the_first_canonical_or_og_url_of_the_head_however_many_links_it_holds() -> None:
    links = "<link rel='alternate' href='https://other.example/'>" * 20_000
    head = f"{links}<meta property='og:url' content='https://www.first.example/a'><link rel='canonical' href='x'>"
    assert site_host(parse(f"<html><head>{head}</head><body><p>x</p></body></html>")) == "first.example"


def test_the_address_clean_is_given_names_the_site_when_the_page_does_not() -> None:
    page = _page().replace('<link rel="canonical" href="https://www.gazzetta-borgo.example/cultura/teatro-riapre">', "")
    removed = clean(page, URL, Options(attributions=False)).removed
    assert next(r for r in removed if r["rule"] == "structure:recirculation")["count"] == 2
    removed = clean(page, None, Options(attributions=False)).removed
    assert next(r for r in removed if r["rule"] == "structure:recirculation")["count"] == 1


@pytest.mark.parametrize(
    ("href", "same"),
    [
        ("/cultura/altro", True),
        ("altro.html", True),
        ("https://gazzetta-borgo.example/sport/derby", True),
        ("//gazzetta-borgo.example/sport/derby", True),
        ("https://altro.example/x", False),
        ("/cultura/teatro-riapre#programma", False),
        # schemes that name no page of the site, in any case
        ("JavaScript:void(0)", False),
        ("data:text/html,x", False),
        ("sms:+390000", False),
        ("mailto:redazione@gazzetta-borgo.example", False),
    ],
)
def test_a_link_is_to_this_site_only_by_path_or_its_host(href: str, same: bool) -> None:
    assert _same_site(href, "gazzetta-borgo.example") is same


@pytest.mark.parametrize(
    ("href", "host", "same"),
    [
        ("https://sport.example.co.uk/derby", "news.example.co.uk", True),
        ("https://www.example.co.uk/derby", "example.co.uk", True),
        ("https://example.co.uk/derby", "news.example.co.uk", True),
        # a public suffix is no site: its other registrations are other sites
        ("https://co.uk/derby", "example.co.uk", False),
        ("https://bbc.co.uk/news", "news.co.uk", False),
        ("https://other.com/x", "example.com", False),
        ("https://example.com.evil.example/x", "example.com", False),
    ],
)
def test_a_site_is_its_registrable_domain_never_a_public_suffix(href: str, host: str, same: bool) -> None:
    assert _same_site(href, host) is same


def test_a_caption_keeps_its_words_and_loses_its_credit() -> None:
    # A credit after a sentence's end, one after a dash inside the caption's last element, an agency and a
    # photographer in brackets, and a caption that is only a credit.
    page = (FIXTURES / "caption-credits.html").read_text(encoding="utf-8")
    result = clean(page, "https://www.kuestenbote.example/region/hafen-erweiterung", Options(attributions=False))
    for kept in (
        "Hafenmeisterin Jana Ott am neuen Kai.",
        "Ein Schwimmbagger im alten Becken",
        "Die Ratsmitglieder bei der Abstimmung",
        "Zwei Frachter (links/rechts) im Abendlicht",  # a pair of words in brackets credits no one
        "Quelle: Hafenamt 2026 und die Legende des Plans",  # text after the 'credit': not the caption's end
        "Die Mole: Hier legen ab 2028 die großen Schiffe an.",  # a label that is no credit's
        "Das Hafenfest 2025, Kapitän Ole Hansen\n",  # a WordPress caption box: its credit after a comma
    ):
        assert kept in result.text
    for gone in ("Lars Brandt", "Nordlicht", "Stock", "Karin Wulf", "Küstenstadt", "Bild via"):
        assert gone not in result.text
    removal = next(r for r in result.removed if r["rule"] == "structure:caption_credits")
    assert (removal["category"], removal["count"]) == ("other", 5)


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        ("René Klemmer. Foto: GdP/Hagen Immel", "René Klemmer."),
        ("Braunkohlekraftwerk © Ruth Röder / Clipdealer", "Braunkohlekraftwerk"),
        ("Premio Nobel de la Paz (REUTERS/Denis Balibouse)", "Premio Nobel de la Paz"),
        ("Weltspitze der Junioren. (Foto: Privat)", "Weltspitze der Junioren."),
        ("Les quais du port. Crédit photo : Jean Dupont", "Les quais du port."),
        ("Przystań w Gdyni. Fot. : Jan Nowak", "Przystań w Gdyni."),
        ("Порт Одеси. Фото: Іван Петренко", "Порт Одеси."),
        ("Foto: dpa", ""),
        ("Haus am See, Image via Shutterstock", "Haus am See"),
        ("Paris Haute Couture, Serkan Cura, Bild via", "Paris Haute Couture, Serkan Cura"),
        ("Das Bild via Kabel", None),  # 'Bild' inside a sentence
        ("Die Quelle: ein Bach im Wald", None),  # 'Quelle' mid-sentence, no boundary before it
        ("Hunde (links/rechts)", None),
        ("Stapel mit Mauerziegeln: Wenn ein Käufer zahlt", None),
    ],
)
def test_a_credit_ends_a_caption_after_a_boundary(caption: str, kept: str | None) -> None:
    start = _credit_start(caption)
    assert (caption[:start] if start is not None else None) == kept


def test_captions_are_read_in_linear_time() -> None:
    # libxml2 merges an XPath union's node sets in quadratic time: 20,000 figures took 8 s that way, and a '..' step
    # up from 90,000 caption boxes' class values 10 s (boxes holding only an image: their lookup is what costs).
    figures = "".join(
        f'<figure><img src="/{i}.jpg"><figcaption>Bild {i}. Foto: Agentur {i}</figcaption></figure>'
        for i in range(20_000)
    )
    boxes = '<div class="wp-caption"><img src="/a.jpg"></div>' * 90_000
    root = parse(f"<html><body>{figures}{boxes}</body></html>")
    started = time.process_time()
    assert len(caption_credits(root, None)) == 20_000
    assert time.process_time() - started < 4.0


def test_teaser_cards_are_links_around_another_storys_headline() -> None:
    page = (FIXTURES.parent / "recirculation" / "teaser-cards.html").read_text(encoding="utf-8")
    found = teaser_cards(parse(page), "diario-litoral.example")
    # The in-page anchor around a subheading and the one-word tabs stay; so would a card of more than 80 words.
    assert [card.get("href") for card in found] == [
        "/economia/aduana-nuevo-horario",
        "https://www.diario-litoral.example/deportes/regata-bahia-record",
        "/cultura/museo-naval-reabre",
    ]
    long_card = page.replace("<p>Más de 300 embarcaciones.</p>", f"<p>{'Más de 300 embarcaciones. ' * 20}</p>")
    assert len(teaser_cards(parse(long_card), "diario-litoral.example")) == 2


def test_a_figure_whose_picture_leads_to_another_site_is_a_banner() -> None:
    def figure(href: str, src: str = "https://www.weekly.example/img/a.jpg", caption: str = "Besuchen Sie uns!") -> str:
        return f"<figure><a href='{href}'><img src='{src}'></a><figcaption>{caption}</figcaption></figure>"

    long_caption = "Die Brücke am Abend, kurz nach der Eröffnung, als die ersten Radfahrer über den Fluss fuhren."
    figures = [
        figure("https://shop.example/merch"),  # a banner: it goes
        figure("https://www.weekly.example/galerie/1"),  # this site's gallery
        figure("https://fotos.weekly.example/galerie/2"),  # another host of this site
        figure("https://cdn.example/full/a.jpg"),  # the photo's full size
        figure("https://www.flickr.example/photos/jan/1", src="https://live.flickr.example/1.jpg"),  # its own host
        figure("https://shop.example/merch", caption=long_caption),  # a caption, not a call
        "<figure><img src='/img/b.jpg'><figcaption>Ohne Link.</figcaption></figure>",
    ]
    root = parse(f"<html><body><article><p>Text.</p>{''.join(figures)}</article></body></html>")
    found = banner_figures(root, "weekly.example")
    assert [f.find(".//a").get("href") for f in found] == ["https://shop.example/merch"]
    assert banner_figures(root, None) == []  # no address: no other site to tell


def test_teaser_cards_of_another_site_are_the_storys() -> None:
    lead = " ".join(f"word{i}" for i in range(50))
    venues = "".join(
        f"<a href='https://{name}.example/'><h3>{name.title()} Harbour Bar and Grill</h3><p>{lead} lead {i}.</p></a>"
        for i, name in enumerate(("blueanchor", "saltmarsh", "redbuoy"))
    )
    story = " ".join(f"Sentence {i} tells where to eat by the harbour this winter and why." for i in range(6))
    page = (
        "<html><head><link rel='canonical' href='https://www.coast-weekly.example/food/harbour-bars'></head><body>"
        f"<article><h1>Three harbour bars</h1><p>{story}</p>{venues}<p>{story}</p>"
        "<a href='/food/winter-menus'><h3>Winter menus at the harbour</h3></a></article></body></html>"
    )
    root = parse(page)
    assert [card.get("href") for card in teaser_cards(root, site_host(root))] == ["/food/winter-menus"]
    text = clean(page, "https://www.coast-weekly.example/food/harbour-bars", Options(attributions=False)).text
    assert "Blueanchor Harbour Bar" in text and "Redbuoy Harbour Bar" in text and "lead 1." in text


def test_teaser_cards_run_before_the_rules_and_are_reported() -> None:
    page = (FIXTURES.parent / "recirculation" / "teaser-cards.html").read_text(encoding="utf-8")
    result = clean(
        page, "https://www.diario-litoral.example/economia/puerto-terminal-ampliacion", Options(attributions=False)
    )
    removal = next(r for r in result.removed if r["rule"] == "structure:teaser_cards")
    assert (removal["category"], removal["count"]) == ("related", 3)
    assert "La aduana estrena horario" not in result.text and "Las obras de ampliación" in result.text


def test_teaser_cards_are_found_in_linear_time() -> None:
    # libxml2 merges an ancestor step's node sets in quadratic time ('(//h2 | //h3 | //h4)/ancestor::a': 90,000
    # headings in links, 27 s): the pass walks up from the headings instead, each ancestor once (about 0.5 s).
    tags = ("h2", "h3", "h4")
    body = "".join(
        f'<a href="/story/{i}"><{tags[i % 3]}>Headline number {i} of the day</{tags[i % 3]}></a>' for i in range(90_000)
    )
    nested = (
        "<div>" * 200 + "".join(f"<h2>Another headline of the day {i}</h2>" for i in range(20_000)) + "</div>" * 200
    )
    root = parse(f'<html><body>{body}<a href="/deep">{nested}</a></body></html>')
    started = time.process_time()
    assert len(teaser_cards(root, None)) == 90_000  # the deep link holds far more than 80 words: it stays
    assert time.process_time() - started < 4.0
    # Nested headings share their text: each heading's length is counted only up to the limit, never its 2 MB.
    deep = parse(f"<html><body><a href='/deep'>{'<div><h3>' * 125}{'word ' * 400_000}{'</h3></div>' * 125}</a></body>")
    started = time.process_time()
    assert teaser_cards(deep, None) == []
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize("find", [teaser_cards, link_paragraphs, recirculation_lists, caption_credits, banner_figures])
def test_the_structural_passes_honour_the_time_cap(find: StructuralPass) -> None:
    page = (FIXTURES / "link-paragraphs.html").read_text(encoding="utf-8")
    page = page.replace(
        "</article>", "<ul><li>a</li></ul><h2>A headline of the day</h2><figcaption>x</figcaption></article>"
    )
    expired = Deadline(1e-9)
    time.sleep(0.001)
    with pytest.raises(TooComplex):
        find(parse(page), None, expired)


def test_read_more_paragraphs_go_with_their_label() -> None:
    page = (FIXTURES / "link-paragraphs.html").read_text(encoding="utf-8")
    root = parse(page)
    found = [" ".join(element.text_content().split()) for element in link_paragraphs(root, site_host(root))]
    # The run the story ends with, with its label; the run to another site, the lone link, the unlabelled ones and
    # the one the story goes on after ('Bekijk ook:') are the story's.
    assert found == [
        "Lees ook:",
        "Veerpont over de Vecht stopt na zestig jaar",
        "Kademuur aan de Vecht eindelijk hersteld",
        "Parkeren bij het station wordt duurder",
    ]
    text = clean(page, "https://www.vechtbode.example/regio/fietsbrug-vecht", Options(attributions=False)).text
    for gone in ("Lees ook", "Veerpont over de Vecht", "Parkeren bij het station"):
        assert gone not in text
    for kept in ("Landelijke regeling voor subsidie", "De nieuwe brug in cijfers", "De eerste paal gaat", "Kaart van"):
        assert kept in text


def test_a_labelled_run_of_links_the_story_goes_on_after_or_to_documents_stays() -> None:
    story = " ".join(f"Sentence {i} tells how the county spent its road money this year and last." for i in range(5))
    page = (
        "<html><head><link rel='canonical' href='https://www.county-post.example/news/roads'></head><body><article>"
        f"<h1>Roads</h1><p>{story}</p><p>Read the filings:</p><p><a href='/files/audit-2026.pdf'>The county audit "
        "of road spending for 2026</a></p><p><a href='/files/budget.pdf'>The adopted budget for the coming year</a></p>"
        f"<p>{story}</p><p>This year's award winners:</p>"
        + "".join(f"<p><a href='/people/winner-{i}'>Profile of award winner number {i}</a></p>" for i in range(3))
        + f"<p>{story}</p><p>Read more:</p><p><a href='/news/bridge'>The bridge repairs begin next spring</a></p>"
        "<p><a href='/news/ferry'>The ferry timetable changes in March</a></p></article></body></html>"
    )
    root = parse(page)
    found = [" ".join(element.text_content().split()) for element in link_paragraphs(root, site_host(root))]
    assert found == ["Read more:", "The bridge repairs begin next spring", "The ferry timetable changes in March"]
    ends_with_documents = page.replace("/news/bridge", "/files/bridge.pdf")
    assert link_paragraphs(parse(ends_with_documents), "county-post.example") == []
    text = clean(page, "https://www.county-post.example/news/roads", Options(attributions=False)).text
    for kept in ("Read the filings:", "The county audit", "This year's award winners:", "award winner number 2"):
        assert kept in text


def test_labelled_runs_are_read_in_linear_time() -> None:
    # Each run looked ahead over all its later siblings for a story paragraph: 1,200 runs took 4.9 s. One backward
    # pass a parent answers for all its runs.
    link = "<p><a href='https://ex.example/{0}'>One two three four five six seven</a></p>"
    blocks = "".join("<p>Read more:</p>" + link.format(f"a{i}") + link.format(f"b{i}") for i in range(20_000))
    root = parse(f"<html><body><div>{blocks}</div></body></html>")
    started = time.process_time()
    assert len(link_paragraphs(root, "ex.example")) == 60_000  # no story paragraph after any: every run goes
    assert time.process_time() - started < 4.0


def test_a_run_without_its_label_stays() -> None:
    page = (FIXTURES / "link-paragraphs.html").read_text(encoding="utf-8")
    root = parse(
        page.replace("<p><strong>Lees ook:</strong></p>", "").replace("<p><strong>Bekijk ook:</strong></p>", "")
    )
    assert link_paragraphs(root, site_host(root)) == []


def _related(heading: str, stories: str) -> str:
    items = "".join(f'<li><a href="/{slug}">The council votes on the {slug} plan tonight</a></li>' for slug in stories)
    return f"{heading}<ul>{items}</ul>"


def test_a_recirculation_lists_heading_goes_with_it_unless_the_story_goes_on_after_it() -> None:
    story = "<p>" + "The harbour board approved the new ferry timetable after a long debate on Tuesday. " * 2 + "</p>"
    body = (
        "<section>"
        + _related("<h2>The ferry plan in detail</h2>", "def")  # opens a section the story goes on in: stays
        + story
        + "</section>"
        + story
        + _related("<h4>Popular</h4> Read these too:", "ghi")  # text between heading and list: stays
        + _related("<h3>" + "A heading far too long to be the label of a list of links " + "</h3>", "jkl")
        + _related("<h3>Leggi anche</h3>", "abc")  # the list's label, no story after it: goes with it
    )
    root = parse(f"<html><body><article>{body}</article></body></html>")
    found = recirculation_lists(root, None)
    assert [element.tag for element in found] == ["ul", "ul", "ul", "ul", "h3"]
    assert found[-1].text == "Leggi anche"
    result = clean(f"<html><body><article>{body}</article></body></html>", URL, Options(attributions=False))
    assert "Leggi anche" not in result.text and "The ferry plan in detail" in result.text


def test_a_list_s_heading_stays_when_the_story_goes_on_after_a_figure() -> None:
    story = "<p>" + "The harbour board approved the new ferry timetable after a long debate on Tuesday. " * 2 + "</p>"
    figure = "<figure><img src='/ferry.jpg' alt=''><figcaption>The new ferry.</figcaption></figure>"
    body = "<section>" + _related("<h3>Key documents</h3>", "abc") + figure + story + "</section>"
    found = recirculation_lists(parse(f"<html><body><article>{story}{body}</article></body></html>"), None)
    assert [element.tag for element in found] == ["ul"]


@pytest.mark.parametrize("after", ["", "<figure><img src='/ferry.jpg' alt=''><figcaption>Ferry.</figcaption></figure>"])
def test_a_list_s_heading_in_mid_story_goes_with_the_list(after: str) -> None:
    # The story before the heading and after the list: the heading titled the list only, and would title nothing.
    story = "<p>" + "The harbour board approved the new ferry timetable after a long debate on Tuesday. " * 2 + "</p>"
    body = story * 2 + _related("<h2>Related stories</h2>", "abc") + after + story * 2
    root = parse(f"<html><body><article>{body}</article></body></html>")
    assert [element.tag for element in recirculation_lists(root, None)] == ["ul", "h2"]
    result = clean(f"<html><body><article>{body}</article></body></html>", URL, Options(attributions=False))
    assert "Related stories" not in result.text and "council votes" not in result.text
    assert result.text.count("ferry timetable") == 8  # four paragraphs of two sentences: the story kept whole


def test_a_labelled_list_of_headline_links_the_story_ends_with_goes_with_its_label() -> None:
    # The read-more list written as a list: two items are enough under a label line (recirculation_lists needs three
    # with no label), an item's link may sit in bold; a list the story goes on after, or of links to another site
    # (the story's sources), stays.
    page = (FIXTURES / "link-lists.html").read_text(encoding="utf-8")
    root = parse(page)
    found = [" ".join(element.text_content().split()) for element in link_paragraphs(root, site_host(root))]
    assert found == [
        "Verwandte Artikel:",
        "Neubau der Stadtbibliothek verzögert sich erneut Lesesommer lockt so viele Kinder wie nie",
    ]
    text = clean(page, "https://www.kreisbote.example/lokales/stadtbibliothek-oeffnungszeiten").text
    for gone in ("Verwandte Artikel", "Neubau der Stadtbibliothek", "Lesesommer lockt"):
        assert gone not in text
    for kept in ("Die neuen Zeiten im Überblick:", "Samstag von zehn bis achtzehn Uhr", "Quellen zum Beschluss:"):
        assert kept in text
    for kept in ("Niederschrift der Sitzung", "Beschlussvorlage zur Erweiterung", "nach einem Jahr auswerten"):
        assert kept in text
