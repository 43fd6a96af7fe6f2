"""The bench metrics on tiny hand-computed cases (definitions: bench/metrics.py, references.md §1)."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.corpora import html_to_text, is_heldout
from bench.metrics import (
    agreement,
    fold_typography,
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


def test_fold_typography_writes_quotes_dashes_and_spaces_one_way() -> None:
    assert fold_typography("It\u2019s \u201cfine\u201d \u2018here\u2019") == "It's \"fine\" 'here'"
    assert fold_typography("\u201eGut\u201c, sagt er") == '"Gut", sagt er'
    # Every dash and the minus sign become "-", and the spaces around a dash go.
    assert (
        fold_typography("2023\u201324 positive \u2014 and good\u2014really - yes \u22125")
        == "2023-24 positive-and good-really-yes-5"
    )
    # Non-breaking, thin and ideographic spaces collapse with the rest; invisible characters vanish.
    assert fold_typography("  a\u00a0b\u202fc\u3000d \n e ") == "a b c d e"
    assert fold_typography("zero\u200bwidth soft\u00adhyphen\ufeff") == "zerowidth softhyphen"
    assert fold_typography("Wait\u2026 what") == "Wait... what"
    assert fold_typography(None) == ""
    # Case and letters are left alone.
    assert fold_typography("Caf\u00e9 CAFE") == "Caf\u00e9 CAFE"


def test_snippets_fold_both_sides_when_asked() -> None:
    page = "Don\u2019t stop \u2014 the 2023\u201324 year\u00a0ended. Share this"
    # Unfolded (trafilatura's evaluation): the straight apostrophe and the hyphen miss.
    assert snippet_counts(page, ["Don't stop", "2023-24 year ended."], ["Share this"]) == (0, 1, 2)
    assert snippet_counts(page, ["Don't stop", "2023-24 year ended."], ["Share this"], fold_typography) == (2, 1, 0)
    # A snippet written with curly quotes matches a page written with straight ones too.
    assert snippet_counts("it's 'so'", ["it\u2019s \u2018so\u2019"], [], fold_typography) == (1, 0, 0)


def test_trafilatura_snippets_as_upstream_scores_them() -> None:
    # Upstream (trafilatura tests/comparison.py): per page, a `with` snippet in the text is a TP, a missing one a
    # FN; a `without` snippet in the text is a FP; whitespace collapsed, case kept; sums over pages give P/R/F1.
    pages = [
        (
            "Der Zug f\u00e4hrt\nheute nicht. Newsletter abonnieren",
            ["Der Zug f\u00e4hrt heute", "nicht da"],
            ["Newsletter"],
        ),
        ("", ["Alles weg"], ["Impressum"]),  # an empty extraction: every `with` is a FN, no FP
        ("Nur  der   Text", ["der Text", "Nur der"], ["Cookies", "Impressum"]),
    ]
    counts = [snippet_counts(text, with_, without) for text, with_, without in pages]
    assert counts == [(1, 1, 1), (0, 0, 1), (2, 0, 0)]
    prf = snippet_f1(counts)  # TP 3, FP 1, FN 2
    assert prf.precision == pytest.approx(3 / 4)
    assert prf.recall == pytest.approx(3 / 5)
    assert prf.f1 == pytest.approx(2 / 3)
    # Case and typography count: "nur der" and a curly apostrophe do not match.
    assert snippet_counts("It\u2019s Nur der", ["nur der", "It's"], []) == (0, 0, 2)


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


def test_trafilatura_pages_load_with_the_same_split() -> None:
    from bench import corpora

    pages = corpora.traf_pages()
    if not pages:
        pytest.skip("trafilatura-eval-dev not found")
    assert len(pages) == 500
    assert all(p.with_snippets and p.without_snippets for p in pages)
    assert all(p.heldout == is_heldout(p.name) and not p.name.endswith(".html") for p in pages)
    assert all(p.url is None or p.url.startswith("http") for p in pages)
    assert 60 < sum(p.heldout for p in pages) < 140  # about one in five


def test_heldout_split_is_sha1_of_the_name() -> None:
    # Last hex digit of sha1: 0003 -> 0, 0006 -> 2, 001 -> 2 (held out); wapo-2 -> 3, 0001 -> b (tuning).
    names = ("0003", "0006", "001", "wapo-2", "0001", "nytimes-1")
    assert [is_heldout(n) for n in names] == [True, True, True, False, False, False]
