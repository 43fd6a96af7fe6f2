"""The generic layer's selector rules (rules/generic/*.yaml) on small pages through clean(): what each takes, and the
story's own words that look like clutter but stay."""

from __future__ import annotations

from server.pipeline import Options, clean

URL = "https://news.example.com/2026/12/05/harbour-plan"
STORY = " ".join(
    f"Sentence {i} of the council story tells how the harbour plan will be paid for over the next decade."
    for i in range(6)
)


def _text(body: str) -> str:
    page = f"<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>{body}</article></body>"
    return clean(page, URL, Options(attributions=False)).text


def test_an_aria_button_in_a_sentence_or_a_disclosures_toggle_is_the_storys_text() -> None:
    text = _text(
        f"<p>{STORY}</p><p>The plan relies on <span role='button' class='glossary'>tax increment financing</span> to "
        f"pay for the new roads.</p><p>{STORY}</p><h2>Questions</h2>"
        "<div role='button' aria-expanded='false'>When does construction start?</div><div><p>In spring.</p></div>"
        f"<div role='button' aria-expanded='true'>Who pays for the new roads?</div><div><p>The city.</p></div>"
        f"<p>{STORY}</p><div><div role='button' class='gallery-toggle'>Show all photos</div></div><p>{STORY}</p>"
        "<ol><li>Beat the eggs. <div role='button' class='step-image-toggle'>Show picture</div></li></ol>"
    )
    assert "The plan relies on tax increment financing to pay for the new roads." in text
    assert "When does construction start?" in text and "Who pays for the new roads?" in text
    # A control standing alone goes, as does a block one beside a recipe step's text.
    assert "Show all photos" not in text and "Show picture" not in text and "Beat the eggs." in text


def test_a_disclosure_widget_holding_the_storys_paragraph_stays() -> None:
    hidden = " ".join(
        f"Part {i} of the audit's findings on the harbour's road budget and its contracts." for i in range(7)
    )
    text = _text(
        f"<p>{STORY}</p><div class='disclosure-panel' id='audit-details'><p>{hidden}</p></div><p>{STORY}</p>"
        "<div class='affiliate-disclosure'><p>"
        + " ".join(f"We may earn a commission on purchases through links in this article ({i})." for i in range(8))
        + "</p></div>"
    )
    assert "Part 6 of the audit's findings" in text
    assert "We may earn a commission" not in text  # a named affiliate disclosure goes, however long


def test_keep_reading_before_the_rest_of_the_story_is_no_headline_list() -> None:
    rest = "".join(f"<p>{STORY} Part {i}.</p>" for i in range(2))
    text = _text(f"<p>{STORY}</p><p>{STORY}</p><p>{STORY}</p><div class='story-more'><p>Keep reading</p>{rest}</div>")
    assert "Part 1." in text
    short = _text(
        f"<p>{STORY}</p><p>{STORY}</p><div class='callout'><h4>Keep reading</h4><p><a href='/a'>Bridge</a></p></div>"
    )
    assert "Bridge" not in short
