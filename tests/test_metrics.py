"""The bench metrics on tiny hand-computed cases (definitions: bench/metrics.py, references.md §1)."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.corpora import html_to_text, is_heldout
from bench.metrics import (
    agreement,
    image_basename,
    images_kept,
    mean,
    metadata_agrees,
    page_shingle_f1,
    shingle_counts,
    shingle_f1,
    shingles,
    snippet_counts,
    snippet_f1,
    word_f1,
)

BASE = "http://fakehost/test/page.html"


def test_shingles_are_4_token_multisets() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    # Repeated text counts its shingle twice: xyzw appears at positions 0 and 4.
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    # Fewer than 4 tokens: one shorter shingle; punctuation is not a token.
    assert shingles("Hi, there!") == Counter({("Hi", "there"): 1})
    assert shingles("  ... ") == Counter()


def test_shingle_counts_are_normalised_per_page() -> None:
    # Expected {abcd, bcde}, extracted {abcd}: TP 1, FP 0, FN 1 -> halves.
    assert shingle_counts("a b c d e", "a b c d") == (0.5, 0.0, 0.5)
    # Multiset: expected has xyzw twice plus yzwx, zwxy, wxyz; extracted xyzw once -> TP 1, FN 4.
    assert shingle_counts("x y z w x y z w", "x y z w") == pytest.approx((0.2, 0.0, 0.8))
    # Tokens keep their case (as in the scrapinghub benchmark).
    assert shingle_counts("The Cat sat down", "the cat sat down") == (0.0, 0.5, 0.5)
    assert shingle_counts("", "") == (0.0, 0.0, 0.0)


def test_shingle_f1_averages_precision_and_recall_separately() -> None:
    pages = [
        (0.5, 0.0, 0.5),  # P 1, R 0.5
        (0.0, 0.0, 1.0),  # empty output: left out of precision, R 0
        (0.25, 0.5, 0.25),  # P 1/3, R 1/2
    ]
    prf = shingle_f1(pages)
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(1 / 3)
    assert prf.f1 == pytest.approx(4 / 9)


def test_page_shingle_f1() -> None:
    assert page_shingle_f1(0.0, 0.0, 1.0) == 0.0
    assert page_shingle_f1(1.0, 0.0, 0.0) == 1.0
    assert page_shingle_f1(0.25, 0.5, 0.25) == pytest.approx(0.4)  # P 1/3, R 1/2


def test_snippets_are_matched_in_whitespace_normalised_output() -> None:
    out = "Hello   world\nfoo bar"
    assert snippet_counts(out, ["Hello world", "missing one"], ["foo  bar", "nav"]) == (1, 1, 1)
    # Case matters: a differently cased snippet is not found.
    assert snippet_counts(out, ["hello world"], []) == (0, 0, 1)


def test_snippet_f1_sums_counts_over_the_corpus() -> None:
    prf = snippet_f1([(1, 1, 1), (3, 0, 1)])  # TP 4, FP 1, FN 2
    assert prf.precision == pytest.approx(0.8)
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(8 / 11)


def test_word_f1_uses_lowercased_token_multisets() -> None:
    # Expected {the: 2, cat, dog}, extracted {the, cat, bird}: overlap 2, P 2/3, R 1/2.
    assert word_f1("The cat the dog", "the CAT bird.") == pytest.approx(4 / 7)
    assert word_f1("The Cat", "the cat") == 1.0
    assert word_f1("", "") == 1.0
    assert word_f1("some words", "") == 0.0
    assert mean([word_f1("a b", "a b"), word_f1("a b", "c")]) == pytest.approx(0.5)


def test_images_match_by_full_url_or_basename() -> None:
    expected = (
        '<div><img src="http://a/x/pic.jpg"><img src="/img/b.png?x=1">'
        '<img src="data:image/png;base64,AAA"><img alt="no url, not counted"></div>'
    )
    output = '<p><img src="https://cdn.example/other/pic.jpg"><img srcset="/img/b.png?y=2 2x, /c.png 3x"></p>'
    assert images_kept(expected, output, BASE) == (2, 3)
    assert images_kept(expected, "", BASE) == (0, 3)
    # A relative expected src resolves against the page URL; data: URIs match only in full.
    assert images_kept('<img src="pic.jpg">', '<img src="http://fakehost/test/pic.jpg">', BASE) == (1, 1)
    assert images_kept('<img src="data:image/png;base64,AAA">', '<img src="data:image/png;base64,AAA">', BASE) == (1, 1)
    assert image_basename("data:image/png;base64,AAA") == ""
    assert image_basename("http://h/a/b.jpg?w=300") == "b.jpg"


def test_metadata_agreement() -> None:
    assert metadata_agrees("title", "  United States\nto Lift ", "united states to lift") is True
    assert metadata_agrees("byline", "Jane Doe", "By Jane Doe") is False
    assert metadata_agrees("byline", "Jane Doe", None) is False
    assert metadata_agrees("lang", "en-US", "en-us") is True
    assert metadata_agrees("dir", None, "rtl") is None
    assert metadata_agrees("dir", "", "rtl") is None
    # Dates: only the date part as written counts.
    assert metadata_agrees("published", "2015-07-10T09:53:00-04:00", "2015-07-10") is True
    assert metadata_agrees("published", "2015-07-10T23:53:00-04:00", "2015-07-11T03:53:00Z") is False
    assert metadata_agrees("published", "2015-07-10", "July 10, 2015") is False
    assert agreement([True, None, False, True]) == (2, 3)


def test_html_to_text_keeps_blocks_apart() -> None:
    text = html_to_text("<div><h1>Title</h1><p>First<b>bold</b></p><script>x()</script><p>Last</p></div>")
    assert text.split() == ["Title", "Firstbold", "Last"]
    assert html_to_text("") == ""


def test_heldout_split_is_sha1_of_the_name() -> None:
    # Last hex digit of sha1: 0003 -> 0, 0006 -> 2, 001 -> 2 (held out); wapo-2 -> 3, 0001 -> b (tuning).
    names = ("0003", "0006", "001", "wapo-2", "0001", "nytimes-1")
    assert [is_heldout(n) for n in names] == [True, True, True, False, False, False]
