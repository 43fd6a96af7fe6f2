"""Asides between a source, its cue and its content in wire prose (issue #14, session 24): how or where the words
were given, the question put to the source, a programme's title, a maker's "by" phrase. Each with a near case it
must leave alone. Sentences are made up for the tests, not taken from the annotated sets."""

from __future__ import annotations

from server.attributions import find_attributions
from tests.test_attributions_recall import _found

# ------------------------------------------------------------------ anonymity and manner asides before the cue


def test_a_long_relative_clause_after_a_common_noun_leaves_the_noun_the_source():
    text = (
        "A diplomat, who spoke on condition of anonymity because he was not authorized to brief the media, "
        "said the talks had stalled."
    )
    assert _found(text) == [("A diplomat", "said", ["the talks had stalled"])]


def test_a_participial_aside_before_the_cue_is_not_the_source():
    text = "An official with knowledge of the matter, speaking on condition of anonymity, said the talks had stalled."
    assert _found(text) == [("An official with knowledge of the matter", "said", ["the talks had stalled"])]
    assert _found("The minister, speaking to reporters in Brussels, said the talks had stalled.") == [
        ("The minister", "said", ["the talks had stalled"])
    ]


def test_a_phrase_that_is_no_manner_aside_stays_with_the_source():
    assert _found("Several officials, including the mayor, said the talks had stalled.")[0][:2] == (
        "Several officials, including the mayor",
        "said",
    )
    # a long apposition that is no relative clause still ends the source ("…, on a path to …, said X")
    text = (
        "Next year, the plan is to add another 150 bakeries, on a path to reach 1,000 in the U.S. and another 100 "
        "in Canada by 2030, said Dana Tipp, chief executive of the chain."
    )
    assert [(source, cue) for source, cue, _ in _found(text)] == [("Dana Tipp, chief executive of the chain", "said")]


def test_a_manner_aside_after_a_trailing_cue_is_no_content():
    text = "The talks have stalled, the official said, speaking on condition of anonymity because they are private."
    assert _found(text) == [("the official", "said", ["The talks have stalled"])]
    # the statement going on after the cue still is ("…, he said, but a deal was possible")
    assert _found("The talks have stalled, the official said, but a deal was still possible.") == [
        ("the official", "said", ["The talks have stalled", "but a deal was still possible"])
    ]


# ------------------------------------------------------------------ the question put to the source


def test_a_fronted_question_is_not_what_the_source_said():
    assert _found("Asked whether he would run again, Smith laughed.") == []
    assert _found("When asked if he would run again, Smith said he had not decided.") == [
        ("Smith", "said", ["he had not decided"])
    ]
    # a fronted statement before the source and cue still is content
    assert _found("Prices will keep rising, Smith said.") == [("Smith", "said", ["Prices will keep rising"])]


# ------------------------------------------------------------------ venues and words between the cue and its content


def test_a_programme_title_after_the_cue_is_its_venue_not_its_content():
    assert _found('Graham said Sunday on CBS\'s "Face the Nation" that the bill was dead.') == [
        ("Graham", "said", ["that the bill was dead"])
    ]
    assert _found('Graham told CNN\'s "State of the Union" that the bill was dead.') == [
        ("Graham", 'told CNN\'s "State of the Union"', ["that the bill was dead"])
    ]
    # a quoted phrase after the cue that is the content's own stays in it
    assert _found('Graham said the bill was "dead on arrival."') == [
        ("Graham", "said", ['the bill was "dead on arrival."'])
    ]


def test_only_before_a_colon_is_no_part_of_the_quotation():
    found = find_attributions('Smith said only: "We will see."')
    assert [(a.kind, a.content) for a in found] == [("direct", '"We will see."')]
    assert _found("Smith said just 10 people came.") == [("Smith", "said", ["just 10 people came"])]


def test_a_source_cited_between_the_cue_and_its_that_clause_is_skipped():
    text = "Bloomberg reported on Tuesday, citing people familiar with the matter, that the deal was worth $5 billion."
    assert _found(text) == [("Bloomberg", "reported", ["that the deal was worth $5 billion"])]


# ------------------------------------------------------------------ documents named with their maker or release


def test_a_document_released_or_published_by_a_maker_is_the_source():
    assert _found("A report published by the agency found that sleep matters.") == [
        ("A report published by the agency", "found", ["that sleep matters"])
    ]
    assert _found("A new Quinnipiac University poll released Wednesday found most voters backed the plan.") == [
        ("A new Quinnipiac University poll", "found", ["most voters backed the plan"])
    ]


# ------------------------------------------------------------------ a quotation set on its own after "said:"


def test_a_quotation_running_over_paragraphs_after_a_colon_paragraph_is_whole():
    text = (
        "Blinken spoke in Cairo on Wednesday.\n\nBlinken said:\n\n"
        '"The time is now. Every day that passes means more suffering.\n\n'
        '"This proposal offers the best path forward."\n\nThe talks resume next week.'
    )
    assert _found(text) == [
        (
            "Blinken",
            "said",
            [
                '"The time is now. Every day that passes means more suffering.',
                '"This proposal offers the best path forward."',
            ],
        )
    ]
    # a plain paragraph after the quotation is no part of it
    assert all("talks resume" not in fragment for _, _, fragments in _found(text) for fragment in fragments)


# ------------------------------------------------------------------ web articles (session 25's probe)


def test_a_speech_verbs_addressee_after_to_belongs_to_the_cue():
    text = "The company is cutting 200 jobs, a spokesperson confirmed to The Verge on Tuesday."
    assert _found(text) == [("a spokesperson", "confirmed to The Verge", ["The company is cutting 200 jobs"])]
    assert _found("The company is cutting jobs, she explained to me.") == [
        ("she", "explained to me", ["The company is cutting jobs"])
    ]
    assert _found("He admitted to reporters that he had lied.") == [
        ("He", "admitted to reporters", ["that he had lied"])
    ]
    # "to" before a thing is the verb's object, no addressee
    assert _found("He admitted to the charges.") == []


def test_the_sources_own_refusal_after_its_report_is_no_content():
    text = "A spokesperson said the company was reviewing the report but declined to comment further."
    assert _found(text) == [("A spokesperson", "said", ["the company was reviewing the report"])]
    text = "The company confirmed that 200 jobs would be cut but did not say which offices were affected."
    assert _found(text) == [("The company", "confirmed", ["that 200 jobs would be cut"])]
    # the reported clause's own second predicate stays
    assert _found("He said the team played well but could not score.") == [
        ("He", "said", ["the team played well but could not score"])
    ]


def test_a_fronted_clause_about_the_interview_is_no_content():
    assert _found("When reporters asked him about the deal, he said it was fair.") == [("he", "said", ["it was fair"])]
    assert _found("When we spoke in March, she said the book was nearly finished.") == [
        ("she", "said", ["the book was nearly finished"])
    ]
    # a condition or a time of the statement is still its own
    assert _found("When the vote was held, officials said turnout was low.") == [
        ("officials", "said", ["When the vote was held", "turnout was low"])
    ]


def test_an_embedded_posts_sign_off_credits_its_text_to_the_name_and_handle():
    text = (
        "Musk responded on X.\n\n"
        "The new Model Y is now available in Europe. Deliveries start next month. pic.twitter.com/abc123\n"
        "— Elon Musk (@elonmusk) March 3, 2025"
    )
    [post] = find_attributions(text)
    assert (post.source, post.cue, post.speaker, post.kind) == ("Elon Musk (@elonmusk)", "—", "Elon Musk", "indirect")
    assert post.content == "The new Model Y is now available in Europe. Deliveries start next month"
    [quoted] = find_attributions('"no encryption, no thanks" — Eva Galperin (@evacide) July 1, 2025')
    assert (quoted.source, quoted.speaker, quoted.kind) == ("Eva Galperin (@evacide)", "Eva Galperin", "direct")
