"""Extraction rules beyond readability-lxml's own, each on a small page built to show it."""

from __future__ import annotations

from server.extract import extract
from server.parse import parse

TEXT = (
    "Cut the foam block about two centimetres smaller than the glass, soak it in water until it sinks, and dig "
    "a hole for the plant, taking care, as always, not to pierce the bottom, or the water will drain away."
)


def test_the_figures_beside_the_article_text_blocks_come_along() -> None:
    # A how-to's steps: each step's text block has its photo and caption beside it, not inside it.
    step = (
        "<div class='step'><div class='content'><p>Step {n}. " + TEXT + "</p></div>"
        "<figure class='thumb'><img src='https://img.example/step{n}.jpg' alt='Step {n}'></figure>"
        "<figcaption>Photo: Lucy</figcaption></div>"
    )
    steps = "".join(step.format(n=n) for n in range(1, 5))
    page = f"<html><body><nav><a href='/'>Home</a></nav><div class='col'>{steps}</div></body></html>"
    article = extract(parse(page), "https://howto.example/terrarium")
    assert [img.get("src") for img in article.iter("img")] == [f"https://img.example/step{n}.jpg" for n in range(1, 5)]
    assert article.text_content().count("Photo: Lucy") == 4
    assert "Home" not in article.text_content()
