"""Hostile input cannot hold a worker in the attribution finder or the highlighter.

Each case is large enough that a quadratic step would take minutes (a guard against blow-up, not a speed target:
speed belongs to the benchmarks), and checks that the bounded work still finds and marks everything it should.
"""

from __future__ import annotations

import time

import pytest
from lxml import html

from server.attributions import MAX_ATTRIBUTIONS, find_attributions
from server.attributions.collect import raw_attributions
from server.attributions.cues import MAX_CUES
from server.attributions.cues.scan import verb_scan
from server.attributions.structure import QuoteIndex, paragraphs, quote_spans
from server.errors import TooComplex
from server.highlight import highlight
from server.limits import Deadline
from server.plaintext import to_plain_text

pytestmark = pytest.mark.slow  # tens of thousands of quotes and speakers per test

# Far above what these inputs take (one to six seconds each on a quiet machine; the suite's other worker and a busy CI
# runner can triple that) and far below what a quadratic step costs on them (minutes).
GUARD_SECONDS = 60.0


class CountingDeadline(Deadline):
    """A deadline that never expires and counts how often it was checked."""

    def __init__(self) -> None:
        super().__init__(0)
        self.checks = 0

    def check(self) -> None:
        self.checks += 1


def _surname(i: int) -> str:
    """A distinct capitalised word of letters for every i ("Qbba", "Qcba", …)."""
    letters = ""
    i += 26 * 27  # three letters at least
    while i:
        i, r = divmod(i, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return "Q" + letters


def _raw(text: str) -> list:
    """The finder's attributions before the cap on how many a text keeps (MAX_ATTRIBUTIONS): the cue cap's work."""
    spans = paragraphs(text)
    return raw_attributions(text, Deadline(0), spans, QuoteIndex(quote_spans(text, spans)), verb_scan(text)[0])


def _quotes_page(n: int, one_paragraph: bool) -> str:
    quotes = [f'"Yes{i}," he said.' for i in range(n)]
    body = "<p>" + " ".join(quotes) + "</p>" if one_paragraph else "".join(f"<p>{q}</p>" for q in quotes)
    return f"<div>{body}</div>"


@pytest.mark.parametrize("one_paragraph", [False, True], ids=["paragraphs", "one-paragraph"])
def test_twenty_thousand_short_quotes_are_found_and_all_highlighted(one_paragraph: bool):
    article = html.fragment_fromstring(_quotes_page(20_000, one_paragraph))
    plain = to_plain_text(article)
    started = time.perf_counter()
    found = find_attributions(plain.text)
    highlight(plain, found)
    elapsed = time.perf_counter() - started
    assert len(found) == MAX_ATTRIBUTIONS  # the first ones in text order
    assert [a.content for a in found[:2]] == ['"Yes0,"', '"Yes1,"']
    # Nothing lost: every part of every attribution kept is marked once, and the article's text is unchanged.
    marked = article.xpath("//*[@data-attr]")
    assert len(marked) == 3 * MAX_ATTRIBUTIONS
    assert {e.get("data-attr") for e in marked if e.get("class") == "attr-content"} == {a.id for a in found}
    assert to_plain_text(article).text == plain.text
    assert elapsed < GUARD_SECONDS, f"{elapsed:.1f} s: a step is quadratic in the number of quotes"


def test_colon_cues_count_against_the_cue_cap():
    text = "\n\n".join('Smith: "ok."' for _ in range(MAX_CUES + 15_000))
    started = time.perf_counter()
    found = _raw(text)
    elapsed = time.perf_counter() - started
    assert len(found) == MAX_CUES
    assert {(text[slice(*a.source)], text[slice(*a.cue)], text[slice(*a.content)], a.kind) for a in found} == {
        ("Smith", ":", '"ok."', "direct")
    }
    assert elapsed < GUARD_SECONDS


def test_colon_cues_take_only_what_reporting_verbs_leave_of_the_cap():
    verbs = ['"Yes," he said.'] * (MAX_CUES - 100)
    colons = ['Smith: "ok."'] * 1_000
    text = "\n\n".join(verbs + colons)
    found = _raw(text)
    assert sum(text[slice(*a.cue)] == ":" for a in found) == 100
    assert sum(text[slice(*a.cue)] == "said" for a in found) == MAX_CUES - 100


def test_many_distinct_one_word_speakers():
    # Every speaker a different surname, one in ten introduced by a full name earlier; between the quotes, prose
    # without cues makes the text long (a scan of the text per surname would cost minutes).
    filler = "The committee will meet again next week to go through the budget for the coming year, line by line. " * 2
    n = MAX_CUES
    paragraphs = []
    for i in range(n):
        if i % 10 == 0:
            paragraphs.append(f"Anna {_surname(i)} spoke at the meeting.")
        paragraphs += [f'"We agree with the plan," said {_surname(i)}.', filler]
    text = "\n\n".join(paragraphs)
    started = time.perf_counter()
    found = find_attributions(text)
    elapsed = time.perf_counter() - started
    assert len(found) == MAX_ATTRIBUTIONS  # the first ones; the text stays long, as many surnames to look up
    for i, a in enumerate(found):
        assert a.source == _surname(i)
        assert a.speaker == (f"Anna {_surname(i)}" if i % 10 == 0 else _surname(i))
    assert elapsed < GUARD_SECONDS, f"{elapsed:.1f} s on {len(text):,} characters: is a surname looked up by a scan?"


@pytest.mark.parametrize(
    "text",
    [
        "He said " + "." * 200_000,  # a run of full stops: every mark a candidate sentence end
        ("She said" + " " * 3_990 + "x. ") * 250,  # whitespace runs right after cues
        ("It works well, officials said, " + " " * 3_900 + "!!\n\n") * 250,  # a clause after a cue, left open
        ("He said that it works" + " " * 1_500 + "brand.\n\n") * 250,  # content ending in a conjunction's letters
        # the marks found by str.find and matched where they stand (structure.led_matches): each a candidate
        "He said: " + (":" + " " * 3_990 + "—") * 250 + " that" * 100_000 + " 'a ‘b’ c'" * 50_000,
    ],
    ids=["full-stops", "spaces-after-cue", "clause-after-cue", "conjunction-letters", "led-marks"],
)
def test_backtracking_bait_is_linear(text: str):
    started = time.perf_counter()
    find_attributions(text)
    assert time.perf_counter() - started < GUARD_SECONDS


def _big_text() -> str:
    return "\n\n".join(f'"We agree with the plan number {i}," said {_surname(i)}.' for i in range(MAX_CUES))


def test_deadline_is_checked_inside_the_finder_not_only_at_its_ends():
    text = _big_text()
    started = time.perf_counter()
    find_attributions(text)
    unbounded = time.perf_counter() - started
    started = time.perf_counter()
    with pytest.raises(TooComplex):
        find_attributions(text, Deadline(0.001))
    capped = time.perf_counter() - started
    # A check only before the work would not fire at all; one only after it would fire after the whole run.
    assert capped < unbounded / 4, f"gave up after {capped:.2f} s of a {unbounded:.2f} s run"


def test_deadline_is_checked_per_paragraph_and_per_attribution():
    text = _big_text()
    deadline = CountingDeadline()
    found = find_attributions(text, deadline)
    assert len(found) == MAX_ATTRIBUTIONS
    assert deadline.checks >= 2 * len(found)  # at least once per paragraph and once per attribution resolved


def test_highlight_checks_its_deadline_per_attribution():
    article = html.fragment_fromstring(_quotes_page(2_000, one_paragraph=False))
    plain = to_plain_text(article)
    found = find_attributions(plain.text)
    deadline = CountingDeadline()
    highlight(plain, found, deadline)
    assert deadline.checks >= len(found)
    plain = to_plain_text(html.fragment_fromstring(_quotes_page(2_000, one_paragraph=False)))
    expired = Deadline(1e-9)
    time.sleep(0.001)
    with pytest.raises(TooComplex):
        highlight(plain, found, expired)
