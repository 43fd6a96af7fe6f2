"""Plain text (stage 7): list items read as a list; bullets are ours, never page text or words."""

from __future__ import annotations

import random
import re

from lxml import etree, html

from server.highlight import highlight
from server.plaintext import (
    _OWN_MARKER_RE,
    _WHITESPACE_RE,
    BLOCK_TAGS,
    CJK_CHAR_RE,
    _may_hold_cjk,
    raw_indices,
    to_plain_text,
)
from tests.conftest import attribution_at


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
    highlight(plain, [attribution_at(plain.text, "Mayor Doe", "said", "“We will fix the roads,”")])
    out = html.tostring(article, encoding="unicode")
    assert '<mark class="attr-source" data-attr="a1">Mayor Doe</mark>' in out
    assert to_plain_text(article).text == plain.text


def _collapse_whitespace(raw: str) -> str:
    """_WHITESPACE_RE.sub(" ", raw), ~2x faster: str.split() and re's \\s both split on str.isspace()."""
    words = raw.split()
    if not words:
        return " " if raw else ""
    collapsed = " ".join(words)
    if raw[0].isspace():
        collapsed = " " + collapsed
    if raw[-1].isspace():
        collapsed += " "
    return collapsed


def test_whitespace_collapses_as_the_regex_would():
    # str.split() and re's \s must agree on what whitespace is, over every code point.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
    for raw in ["", " ", "\n\t ", "a", " a", "a ", " a  b\n", "a\u00a0\u2003b", "\u3000x\u3000", "x\u200by", "a\x1cb"]:
        assert _collapse_whitespace(raw) == _WHITESPACE_RE.sub(" ", raw)


# --- The single-loop walk and the raw index must agree with the plain implementations they replaced --------


def _reference_plain_text(article):
    """The builder to_plain_text used to be: _collapse_whitespace per text node, a method call each."""
    parts, segments, paragraphs = [], [], []
    state = {"length": 0, "start": None, "trailing": False, "bullet": False, "bullets": 0}

    def put(text):
        parts.append(text)
        state["length"] += len(text)

    def end_paragraph():
        if state["start"] is None:
            return
        if state["trailing"]:
            parts[-1] = parts[-1][:-1]
            state["length"] -= 1
            segments[-1][3] -= 1
        paragraphs.append((state["start"], state["length"]))
        state["start"], state["trailing"] = None, False

    def add(element, attr, raw):
        normalised, lead_skip = _collapse_whitespace(raw), 0
        if normalised.startswith(" ") and (state["start"] is None or state["trailing"]):
            normalised, lead_skip = normalised[1:], 1
        if not normalised:
            return
        if state["start"] is None:
            if paragraphs:
                put("\n\n")
            state["start"] = state["length"]
            if state["bullet"] and not _OWN_MARKER_RE.match(normalised):
                put("- ")
                state["bullets"] += 1
            state["bullet"] = False
        segments.append([element, attr, state["length"], len(normalised), raw, lead_skip])
        put(normalised)
        state["trailing"] = normalised.endswith(" ")

    for event, element in etree.iterwalk(article, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag in BLOCK_TAGS:
            end_paragraph()
        if event == "start":
            if tag == "li":
                state["bullet"] = True
            if element.text:
                add(element, "text", element.text)
        else:
            if tag == "li":
                state["bullet"] = False
            if element is not article and element.tail:
                add(element, "tail", element.tail)
    end_paragraph()
    return "".join(parts), paragraphs, segments, state["bullets"]


def _reference_raw_index(raw: str, lead_skip: int, k: int) -> int:
    target, shift = k + lead_skip, 0
    for run in _WHITESPACE_RE.finditer(raw):
        if run.start() - shift >= target:
            break
        shift += run.end() - run.start() - 1
    return min(target + shift, len(raw))


def _random_fragment(rng: random.Random, depth: int = 0) -> str:
    texts = ["", " ", "  ", "\n\t", "a", " word ", "two  words", "\u00a0x\u2003", "1. item", "• dot", "end. "]
    out = [rng.choice(texts)]
    for _ in range(rng.randint(0, 4 if depth < 3 else 0)):
        tag = rng.choice(["p", "div", "span", "b", "li", "ul", "br", "h2", "em", "blockquote", "!--"])
        if tag == "!--":
            out.append(f"<!--{rng.choice(texts)}-->")
        elif tag == "br":
            out.append("<br>")
        else:
            out.append(f"<{tag}>{_random_fragment(rng, depth + 1)}</{tag}>")
        out.append(rng.choice(texts))
    return "".join(out)


def test_walk_matches_the_reference_builder():
    rng = random.Random(11)
    for _ in range(1500):
        article = html.fragment_fromstring(f"<div>{_random_fragment(rng)}</div>")
        plain = to_plain_text(article)
        text, paragraphs, segments, bullets = _reference_plain_text(article)
        assert (plain.text, plain.paragraphs, plain.bullets) == (text, paragraphs, bullets)
        assert plain.word_count == len(text.split()) - bullets  # what the count of separators stands for
        got = [[s.element, s.attr, s.start, s.length, s.raw, s.lead_skip] for s in plain.segments]
        assert got == segments
        for s in plain.segments:
            for k in range(s.length + 2):
                assert s.raw_index(k) == _reference_raw_index(s.raw, s.lead_skip, k)


def test_plain_text_paragraphs_and_whitespace():
    article = html.fragment_fromstring(
        "<div><h2>Title</h2><p>One  <b>two</b>\n three</p><ul><li>a</li><li>b</li></ul>tail text</div>"
    )
    plain = to_plain_text(article)
    assert plain.text == "Title\n\nOne two three\n\n- a\n\n- b\n\ntail text"
    assert [plain.text[s:e] for s, e in plain.paragraphs] == ["Title", "One two three", "- a", "- b", "tail text"]


# --- Soft hyphens and ruby readings are not words ---------------------------------------------------------


def test_a_text_node_of_soft_hyphens_only_adds_nothing():
    assert _plain("<p>Welt<b>\xad</b>meister \xad <i>\xad\xad</i></p>").text == "Weltmeister"


def test_ruby_readings_are_left_out_and_the_text_after_them_stays():
    plain = _plain("<p>東京<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>を読む</p>")
    assert plain.text == "東京漢字を読む"


def _brute_raw_index(raw: str, lead_skip: int, k: int) -> int:
    """Where the k-th character of the normalised form comes from, by building it character by character:
    soft hyphens dropped, then each whitespace run one space at its first whitespace character."""
    origins: list[int] = []
    in_run = False
    for at, char in enumerate(raw):
        if char == "\xad":
            continue
        if char.isspace():
            if not in_run:
                origins.append(at)
            in_run = True
        else:
            origins.append(at)
            in_run = False
    origins = origins[lead_skip:]
    return origins[k] if k < len(origins) else len(raw)


def test_raw_index_with_soft_hyphens_matches_a_character_by_character_reference():
    rng = random.Random(5)
    pieces = ["a", "b", " ", "  ", "\n", "\xad", "\xad\xad", "\u00a0"]
    for _ in range(4000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        article = html.fragment_fromstring(rng.choice(["<p>x <b>y</b></p>", "<p>x <b>y </b></p>"]))
        article[0].tail = raw  # after "y " a leading space merges into it (lead_skip 1)
        plain = to_plain_text(article)
        for segment in plain.segments[1:]:
            ks = list(range(segment.length))
            want = [_brute_raw_index(segment.raw, segment.lead_skip, k) for k in ks]
            assert [segment.raw_index(k) for k in ks] == want, repr(raw)
            assert raw_indices(segment, ks) == want, repr(raw)
            repeated = sorted(rng.randint(0, segment.length + 1) for _ in range(6))  # highlight's bounds repeat
            assert raw_indices(segment, repeated) == [
                _brute_raw_index(segment.raw, segment.lead_skip, k) for k in repeated
            ]


def test_the_cjk_pretest_never_rules_out_a_cjk_letter() -> None:
    # Every code point the CJK pattern counts passes the byte pre-test, in any text around it.
    for code in range(0x80, 0x10000):
        letter = chr(code)
        if not 0xD800 <= code < 0xE000 and CJK_CHAR_RE.match(letter):
            assert _may_hold_cjk(f"caf\u00e9 {letter}"), hex(code)
    assert not _may_hold_cjk("plain ASCII") and not _may_hold_cjk("caf\u00e9 \u2019quoted\u2019 \u20ac")


def test_words_count_cjk_letters_one_each() -> None:
    article = html.fromstring("<div><p>東京 is big, ’really’</p><p>plain words here</p></div>")
    assert to_plain_text(article).word_count == 2 + 3 + 3


def test_a_decomposed_article_is_composed_in_the_text_and_the_tree():
    article = html.fragment_fromstring("<div><p>Herr Mu\u0308ller sagte: <b>Gru\u0308n</b> ist scho\u0308n.</p></div>")
    plain = to_plain_text(article)
    assert plain.text == "Herr Müller sagte: Grün ist schön."
    assert etree.tostring(article, encoding=str) == "<div><p>Herr Müller sagte: <b>Grün</b> ist schön.</p></div>"
    # The segments point at the composed text, so spans found in it map back to the right characters.
    highlight(plain, [attribution_at(plain.text, "Herr Müller", "sagte", "Grün ist schön.")])
    marked = etree.tostring(article, encoding=str)
    assert ">Herr Müller</" in marked and ">sagte</" in marked


def test_a_composed_or_ascii_article_is_left_as_it_is():
    article = html.fragment_fromstring("<div><p>Müller, Zoë and the café \u212b</p></div>")
    plain = to_plain_text(article)
    # U+212B (angstrom sign) composes to U+00C5: a text with it is not NFC, so it changes; the rest stays.
    assert plain.text == "Müller, Zoë and the café \u00c5"
    assert _plain("<p>plain ASCII</p>").text == "plain ASCII"


def test_segments_are_slotted():
    # Made on demand (the walk records tuples): a slotted one is made faster and holds no dict.
    plain = to_plain_text(html.fragment_fromstring("<div><p>One <b>two</b></p></div>"))
    assert plain.segments and not hasattr(plain.segments[0], "__dict__")
