"""Stage 9, highlight: the attribution marks in the article tree."""

from __future__ import annotations

import pytest
from lxml import html

from server.highlight import highlight
from server.plaintext import to_plain_text
from tests.conftest import attribution_at


@pytest.mark.parametrize(
    ("page", "text", "source", "cue", "content", "marked_source", "marked_content"),
    [
        (
            "<div><p>“We will <em>fix</em>   the roads,” Mayor Doe said.</p></div>",
            "“We will fix the roads,” Mayor Doe said.",
            *("Mayor Doe", "said", "“We will fix the roads,”", "Mayor Doe", "“We will fix   the roads,”"),
        ),
        (  # soft hyphens are no text (plain text drops them) but stay in the page's HTML
            "<p>„Die Bundes\xadregierung   hält an der Schul\xad\xadden\xadbremse fest“,"
            " sagte  Minister\xad Lindner.</p>",
            "„Die Bundesregierung hält an der Schuldenbremse fest“, sagte Minister Lindner.",
            *(
                "Minister Lindner",
                "sagte",
                "„Die Bundesregierung hält",
                "Minister\xad Lindner",
                "„Die Bundes\xadregierung   hält",
            ),
        ),
    ],
)
def test_highlight_wraps_spans_across_inline_elements(
    page: str, text: str, source: str, cue: str, content: str, marked_source: str, marked_content: str
):
    article = html.fragment_fromstring(page)
    plain = to_plain_text(article)
    assert plain.text == text
    highlight(plain, [attribution_at(plain.text, source, cue, content)])
    out = html.tostring(article, encoding="unicode")
    assert f'<mark class="attr-source" data-attr="a1">{marked_source}</mark>' in out
    assert f'<span class="attr-cue" data-attr="a1">{cue}</span>' in out
    assert to_plain_text(article).text == plain.text  # marking never changes the text
    contents = article.xpath("//span[@class='attr-content']")
    assert "".join(c.text_content() for c in contents) == marked_content
    assert contents[0].get("id") == "attr-a1"


def test_highlight_marks_every_fragment_of_a_split_quote_with_one_id():
    article = html.fragment_fromstring("<div><p>“We were stunned,” Lee said. “Nobody expected it.”</p></div>")
    plain = to_plain_text(article)
    from server.attributions import find_attributions

    found = find_attributions(plain.text)
    assert len(found) == 1 and len(found[0].content_fragments) == 2
    highlight(plain, found)
    contents = article.xpath("//span[@class='attr-content']")
    assert [c.text_content() for c in contents] == ["“We were stunned,”", "“Nobody expected it.”"]
    assert {c.get("data-attr") for c in contents} == {found[0].id}
    assert contents[0].get("id") == f"attr-{found[0].id}" and contents[1].get("id") is None
    assert article.xpath("//span[@class='attr-cue']")[0].text == "said"
