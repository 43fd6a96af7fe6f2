"""Stage 2, parse: the tree a browser would build, as far as the article is concerned."""

from __future__ import annotations

from server.parse import parse


def test_text_after_an_early_end_of_body_and_html_is_kept() -> None:
    # Page builders that print their header as a whole document, then the article after it.
    page = "<html><body><header>Menu</header></body></html>\n<div><p>The article.</p></div></BODY ></HTML>"
    root = parse(page)
    assert root.findtext(".//p") == "The article."
    assert [child.tag for child in root.find("body")] == ["header", "div"]
