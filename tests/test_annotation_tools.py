"""bench/annotation.py's placing of draft spans: the offsets every blind annotation rests on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.annotation import PlaceError, _paragraph_bounds, _place_one, _same_speaker, new_article

TEXT = "The minister spoke first.\n\nThe aide, Sam Okafor, said he would stay. Madrigalreports it too."


def _place(draft: dict) -> dict:
    return _place_one(TEXT, {"speaker": None, "kind": "indirect", **draft}, 0, _paragraph_bounds(TEXT))


def test_a_short_span_is_placed_on_the_whole_word_not_inside_another():
    placed = _place({"source": "he", "cue": "said", "content": "would stay"})
    assert placed["source"]["start"] == TEXT.index(" he ") + 1  # not the "he" of "The aide"


def test_a_span_glued_to_a_word_by_the_page_text_is_still_placed():
    placed = _place({"source": "Madrigal", "cue": "reports", "content": "it too"})
    assert TEXT[placed["cue"]["start"] : placed["cue"]["end"]] == "reports"
    assert placed["cue"]["start"] == TEXT.index("Madrigalreports") + len("Madrigal")


def test_a_word_only_found_inside_a_taken_span_is_refused_not_placed_inside_another_word():
    # the paragraph's one whole "he" is the content's: the "he" of "The" must not stand in for it
    with pytest.raises(PlaceError, match="'he' not found"):
        _place({"source": "he", "cue": "said", "content": "he would stay"})


def test_a_new_article_is_written_unannotated_and_an_annotated_one_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "copy.txt"
    source.write_text("The council met on Monday.  \n\n\nMayor Jane Doe said the road would reopen. " * 20)
    articles = tmp_path / "outside"
    path = new_article(articles, "n4k-example", source, "owner/repo@abc:tests/copy.txt")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["attributions"] == [] and doc["origin"] == "owner/repo@abc:tests/copy.txt"
    assert "\n\n" in doc["text"] and "  " not in doc["text"] and "\n\n\n" not in doc["text"]
    doc["attributions"] = [{"kind": "indirect"}]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(PlaceError, match="already has attributions"):
        new_article(articles, "n4k-example", source, "owner/repo@abc:tests/copy.txt")


def test_a_text_too_short_to_be_an_article_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "copy.txt"
    source.write_text("Top Picks\n")
    with pytest.raises(PlaceError, match="under the"):
        new_article(tmp_path, "n4k-short", source, "owner/repo@abc:short.txt")


def test_annotators_agree_on_a_speaker_as_the_scorer_compares_names():
    # "the Tories" and "Tories" are one speaker to the scorer (a leading "the" aside), so to the agreement too
    assert _same_speaker("the Tories", "Tories")
    assert _same_speaker("Ed Balls; Gordon Brown", "ed balls and gordon brown")
    assert _same_speaker(None, None)
    assert not _same_speaker(None, "government")
    assert not _same_speaker("Ed Balls", "Gordon Brown")
