"""The gate on the blind attribution set (tests/attributions/blind/, annotated by others before the finder ran
on it; tests/attributions/README.md). Speech is scored without the gold beliefs and the finder's kind "belief";
beliefs are scored apart (test_blind_set_beliefs_gate).

Floors are pinned just under what the finder reaches on each part (tuning: the two articles in three it is
developed on; held aside: measured once per change, never looked at page by page); the figures behind each raise
are in the commit that made it (`git log -p tests/test_attributions_blind.py`). On the held-aside part one
attribution moves a figure by about 0.003, so its floors sit 0.005-0.01 under the measured values. Raising a floor
is routine; lowering one is a visible decision, said in the commit. The issue's targets on the held-aside part are
F1 0.80, quoted 0.90, speaker 0.90.
"""

from __future__ import annotations

import pytest

from bench.attributions import (
    BLIND_DIR,
    NAME_REWRITES,
    REWRITES,
    _same_entity_words,
    _same_speaker,
    gated_figures,
    intervals,
    is_held_aside,
    load_dev,
    only_beliefs,
    predict_beliefs,
    predict_finder,
    rewritten,
    score,
    without_beliefs,
)

FLOORS: dict[str, dict[str, float]] = {
    # Session 11: tuning 0.871 / 0.928 / 0.891 / 0.973, held aside 0.731 / 0.785 / 0.716 / 0.802.
    # Session 13 (54463f8): tuning 0.873 / 0.928 / 0.898 / 0.979, held aside 0.736 / 0.785 / 0.720 / 0.801.
    # Session 14: tuning 0.873 / 0.928 / 0.904 / 0.980, held aside 0.736 / 0.785 / 0.720 / 0.805.
    # Session 16 (its tuning part used as a score only): tuning 0.874 / 0.928 / 0.904 / 0.980, held aside 0.742 /
    # 0.794 / 0.724 / 0.809. Session 17 (tuning part a score only): tuning unchanged, held aside 0.743 / 0.797 / 0.724
    # / 0.809. Session 18: held aside 0.747 / 0.797 / 0.724 / 0.809. Session 19: held aside 0.747 / 0.802 / 0.743 /
    # 0.830. Session 20 (grids of constructions, survey shares): tuning 0.876 / 0.929 / 0.903 / 0.980, held aside
    # 0.749 / 0.802 / 0.739 / 0.830. Session 28 (comma-less participles, relative clauses, description and pronoun
    # speakers): tuning 0.878 / 0.931 / 0.905 / 0.980, held aside 0.759 / 0.808 / 0.743 / 0.837.
    "tuning": {"all_f1": 0.87, "quoted_f1": 0.925, "speaker": 0.9, "speaker_precision": 0.975},
    "held-aside": {"all_f1": 0.755, "quoted_f1": 0.80, "speaker": 0.735, "speaker_precision": 0.83},
}
# 114 articles annotated; the gate refuses to pass on a set that lost some.
EXPECTED_FILES = 114


@pytest.fixture(scope="module")
def blind() -> list[dict]:
    return without_beliefs(load_dev(BLIND_DIR))


def test_the_blind_set_is_whole(blind: list[dict]):
    assert len(blind) >= EXPECTED_FILES
    for doc in blind:
        for attribution in doc["attributions"]:
            for fragment in attribution["content_fragments"]:
                assert doc["text"][fragment["start"] : fragment["end"]] == fragment["text"], doc["name"]


@pytest.mark.parametrize("part", ["tuning", "held-aside"])
def test_blind_set_gate(blind: list[dict], part: str):
    docs = [doc for doc in blind if is_held_aside(doc["name"]) == (part == "held-aside")]
    got = gated_figures(score(docs, predict_finder))
    for key, floor in FLOORS[part].items():
        assert got[key] >= floor, f"{part} {key} fell to {got[key]:.3f} (floor {floor}) on {len(docs)} files"


# Beliefs and intentions (kind "belief", never in the panel): first found at tuning F1 0.541 (P 0.83, R 0.40),
# held-aside 0.497 (P 0.82, R 0.36); with the raising passives (issue #14) 0.565 and 0.532.
BELIEF_FLOORS: dict[str, float] = {"tuning": 0.555, "held-aside": 0.52}


@pytest.mark.parametrize("part", ["tuning", "held-aside"])
def test_blind_set_beliefs_gate(part: str):
    docs = [doc for doc in only_beliefs(load_dev(BLIND_DIR)) if is_held_aside(doc["name"]) == (part == "held-aside")]
    s = score(docs, predict_beliefs)
    assert s["all"]["f1"] >= BELIEF_FLOORS[part], f"{part} belief F1 fell to {s['all']['f1']:.3f}"
    assert s["all"]["p"] >= 0.7, f"{part} belief precision fell to {s['all']['p']:.3f}: beliefs must be told apart"


# The tuning part rewritten in other conventions (single outer quotation marks, straight marks, guillemets, "says"):
# news is written every way, so F1 may lose at most this much against the text as written (measured: 0.006 at most).
REWRITE_MARGIN = 0.01


@pytest.mark.parametrize("rewrite", [name for name in REWRITES if name != "as written"])
def test_other_writing_conventions_find_what_the_text_as_written_does(blind: list[dict], rewrite: str):
    tuning = [doc for doc in blind if not is_held_aside(doc["name"])]
    as_written = score(tuning, predict_finder)["all"]["f1"]
    got = score([rewritten(doc, REWRITES[rewrite]) for doc in tuning], predict_finder)["all"]["f1"]
    assert got >= as_written - REWRITE_MARGIN, f"{rewrite}: F1 {got:.3f} against {as_written:.3f} as written"


# The tuning part with its people renamed (names of other traditions; particles, hyphens and initials): a finder that
# learnt English given names and capitalisation resolves fewer speakers there. Measured after the fixes of issue #14's
# name round: 0.868 as written, 0.867 other cultures, 0.856 particles and initials (before them: 0.852 and 0.774).
SPEAKER_REWRITE_MARGIN = 0.015


@pytest.mark.parametrize("rewrite", NAME_REWRITES)
def test_people_named_in_other_traditions_are_resolved_as_the_text_as_written(blind: list[dict], rewrite: str):
    tuning = [doc for doc in blind if not is_held_aside(doc["name"])]
    as_written = score(tuning, predict_finder)["speaker"]
    got = score([rewritten(doc, REWRITES[rewrite]) for doc in tuning], predict_finder)["speaker"]
    assert got >= as_written - SPEAKER_REWRITE_MARGIN, (
        f"{rewrite}: speaker {got:.3f} against {as_written:.3f} as written"
    )


def test_bootstrap_intervals_resample_the_scored_articles(blind: list[dict]):
    docs = [doc for doc in blind if not is_held_aside(doc["name"])][:12]
    s = score(docs, predict_finder)
    spread = intervals(s["per_doc"], rounds=400)
    for name, point in (("f1", s["all"]["f1"]), ("quoted", s["quoted"]["f1"]), ("speaker", s["speaker"])):
        low, high = spread[name]
        assert low <= point <= high, (name, low, point, high)
    # Twelve copies of one article leave nothing to resample: the interval is that article's figure.
    same = intervals([s["per_doc"][0]] * 12, rounds=50)
    assert same["f1"][0] == same["f1"][1]


def test_a_speaker_is_the_same_name_with_or_without_a_leading_article_but_not_another_name():
    assert _same_speaker("the Scottish government", "Scottish government")
    assert _same_speaker("The New York Times", "New York Times")
    assert _same_speaker("Jane Doe; the council", "council and Jane Doe")
    assert not _same_speaker("the Scottish government", "Scottish Parliament")
    assert not _same_speaker("The Hague", "Hague ministry")
    assert not _same_speaker("officials", None)


def test_a_wrong_speaker_is_told_apart_as_another_form_of_the_name_or_another_entity():
    assert _same_entity_words("Amazon.com Inc.", "Amazon.com")  # the form
    assert _same_entity_words("Boris Johnson", "Johnson")
    assert _same_entity_words("Jane Doe; the council", "council")
    assert not _same_entity_words("Boris Johnson", "Keir Starmer")  # another entity
    assert not _same_entity_words("the Scottish government", "UK")  # "the" and short words match nothing
    assert not _same_entity_words("officials", None)
