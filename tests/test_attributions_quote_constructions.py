"""Quoted attributions in constructions of news prose the tuning sets hardly hold (issue #14, session 16): each with a
near case it must leave alone. Sentences are made up for the tests, not taken from the annotated sets."""

from __future__ import annotations

from tests.test_attributions_recall import _found

# ------------------------------------------------------------------ manner of speaking after a quotation


def test_a_manner_of_speaking_verb_reports_the_quotation_before_it():
    assert _found("“Let them in,” the crowd chanted.") == [("the crowd", "chanted", ["“Let them in,”"])]
    assert _found("“Get out of my office!” she snapped.") == [("she", "snapped", ["“Get out of my office!”"])]
    assert _found("“Please, stay one more night,” begged Ms. Ortiz.") == [
        ("Ms. Ortiz", "begged", ["“Please, stay one more night,”"])
    ]
    assert _found("“It is not fair,” he whined.") == [("he", "whined", ["“It is not fair,”"])]


def test_a_manner_of_speaking_verb_alone_or_with_a_plain_object_reports_nothing():
    assert _found("The baby cried all night and the engine whined.") == []
    assert _found("He snapped a photo of the crowd, which chanted her name.") == []
