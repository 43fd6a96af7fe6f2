"""Whole quotes through real-world typography and continuations (issue #14): a quotation carried over paragraphs after
a colon and an aside, a partial quotation after a fronted phrase, doubled and mixed marks. Passages are written for
the tests, not taken from the annotated sets; each class has a near case the finder must still leave alone."""

from __future__ import annotations

from server.attributions.structure import paragraphs, quote_spans
from tests.test_attributions_recall import _found


def _quotes(text: str) -> list[str]:
    return [text[start:end] for start, end in quote_spans(text, paragraphs(text))]


# ------------------------------------------------------------------ doubled and mixed marks


def test_a_doubled_opening_mark_opens_one_quotation():
    text = "The witness sat down. “”This hearing is a farce and everyone here knows it,” he said."
    assert _quotes(text) == ["“”This hearing is a farce and everyone here knows it,”"]
    assert _found(text) == [("he", "said", ["“”This hearing is a farce and everyone here knows it,”"])]


def test_an_empty_pair_of_marks_stays_empty():
    assert _quotes("The field was left blank (“”) on the form, the clerk said.") == ["“”"]


def test_a_single_quoted_sentence_after_a_double_quoted_one_is_the_same_speakers():
    text = (
        "“Orders are still slow in the valley,” said Ana Ruiz, owner of Ruiz Tiles in Fresno. "
        "‘We have room for twice the work we get.’’"
    )
    assert _found(text) == [
        (
            "Ana Ruiz, owner of Ruiz Tiles in Fresno",
            "said",
            ["“Orders are still slow in the valley,”", "‘We have room for twice the work we get.’"],
        )
    ]


def test_a_single_quoted_title_beside_double_quotes_is_no_quotation():
    text = "“It was our best year,” said Ruiz, whose band played ‘Harbour Lights’ at the fair."
    assert _quotes(text) == ["“It was our best year,”"]
