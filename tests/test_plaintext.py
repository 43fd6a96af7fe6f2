"""Plain text (stage 7): list items read as a list; bullets are ours, never page text or words."""

from __future__ import annotations

import re

from lxml import html

from server.highlight import highlight
from server.plaintext import _WHITESPACE_RE, _collapse_whitespace, to_plain_text
from tests.test_stages import _attribution


def _plain(fragment: str):
    return to_plain_text(html.fragment_fromstring(fragment))


def test_list_items_start_with_a_bullet():
    plain = _plain("<div><p>Apps:</p><ul><li>Headspace</li><li> Calm <b>app</b></li></ul><ol><li>one</li></ol></div>")
    assert plain.text == "Apps:\n\n- Headspace\n\n- Calm app\n\n- one"
    assert [plain.text[s:e] for s, e in plain.paragraphs] == ["Apps:", "- Headspace", "- Calm app", "- one"]
    assert plain.word_count == 5  # bullets are not words


def test_bullet_goes_on_the_items_first_paragraph_only():
    plain = _plain(
        "<ul><li><p>first</p><p>second</p></li><li><img src='x.jpg'></li><li>intro<ul><li>nested</li></ul></li></ul>"
    )
    assert plain.text == "- first\n\nsecond\n\n- intro\n\n- nested"


def test_items_with_their_own_marker_get_no_bullet():
    plain = _plain("<ul><li>1. Mix</li><li>• Stir</li><li>- Bake</li><li>✓ Free plan</li><li>2023 was good</li></ul>")
    assert plain.text == "1. Mix\n\n• Stir\n\n- Bake\n\n✓ Free plan\n\n- 2023 was good"
    assert plain.word_count == 12  # the page's own markers count as before; our one bullet does not


def test_segments_skip_the_bullet_and_highlight_still_lands():
    article = html.fragment_fromstring("<ul><li>“We will fix the roads,” Mayor Doe said.</li></ul>")
    plain = to_plain_text(article)
    assert plain.text == "- “We will fix the roads,” Mayor Doe said."
    segment = plain.segments[0]
    assert plain.text[segment.start : segment.start + segment.length] == segment.raw
    highlight(plain, [_attribution(plain.text, "Mayor Doe", "said", "“We will fix the roads,”")])
    out = html.tostring(article, encoding="unicode")
    assert '<mark class="attr-source" data-attr="a1">Mayor Doe</mark>' in out
    assert to_plain_text(article).text == plain.text


def test_whitespace_collapses_as_the_regex_would():
    # str.split() and re's \s must agree on what whitespace is, over every code point.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
    for raw in ["", " ", "\n\t ", "a", " a", "a ", " a  b\n", "a\u00a0\u2003b", "\u3000x\u3000", "x\u200by", "a\x1cb"]:
        assert _collapse_whitespace(raw) == _WHITESPACE_RE.sub(" ", raw)
