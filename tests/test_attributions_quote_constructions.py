"""Quoted attributions in constructions of news prose the tuning sets hardly hold (issue #14, session 16): each with a
near case it must leave alone. Sentences are made up for the tests, not taken from the annotated sets."""

from __future__ import annotations

from tests.test_attributions_recall import _found

# ------------------------------------------------------------------ manner of speaking after a quotation


def test_a_manner_of_speaking_verb_reports_the_quotation_before_it():
    assert _found("“Let them in,” the crowd chanted.") == [("the crowd", "chanted", ["“Let them in,”"])]
    assert _found("“Get out of my office!” she snapped.") == [("she", "snapped", ["“Get out of my office!”"])]
    assert _found("“Please, stay one more night,” wailed Ms. Ortiz.") == [
        ("Ms. Ortiz", "wailed", ["“Please, stay one more night,”"])
    ]
    assert _found("“It is not fair,” he whined.") == [("he", "whined", ["“It is not fair,”"])]


def test_a_manner_of_speaking_verb_alone_or_with_a_plain_object_reports_nothing():
    assert _found("The baby cried all night and the engine whined.") == []
    assert _found("He snapped a photo of the crowd, which chanted her name.") == []
    assert _found("She pleaded guilty to “conspiracy to commit fraud” and I beg to differ.") == []


def test_a_lone_subordinate_clause_before_a_source_and_cue_is_no_statement():
    assert _found("And when I woke up, I was crying.") == []
    assert _found("When the results came in, he sighed.") == []
    assert _found("If prices rise, people will suffer, he said.") == [
        ("he", "said", ["If prices rise, people will suffer"])
    ]
    assert _found("Although the pond is no ocean, the authors argued, the results showed promise.")[0][:2] == (
        "the authors",
        "argued",
    )
    assert _found("When the storm hit, she posted a video of the flooded street.") == []


# ------------------------------------------------------------------ descriptions of the speaker after a quotation


def test_a_description_with_a_number_after_of_is_the_source():
    assert _found("“We will rebuild,” the 41-year-old father of two said.") == [
        ("the 41-year-old father of two", "said", ["“We will rebuild,”"])
    ]
    assert _found("The mother of three told reporters she had lost everything.") == [
        ("The mother of three", "told reporters", ["she had lost everything"])
    ]


def test_two_adjectives_set_apart_by_a_comma_after_a_quotation_open_one_source():
    assert _found("“I never wanted this,” the tall, soft-spoken pilot said.") == [
        ("the tall, soft-spoken pilot", "said", ["“I never wanted this,”"])
    ]
    assert _found("“They trust me,” a round, bearded trader laughs.") == [
        ("a round, bearded trader", "laughs", ["“They trust me,”"])
    ]


def test_a_fronted_phrase_before_its_comma_stays_out_of_the_source():
    assert _found("Under the deal, unnamed officials said, the tax will rise.") == [
        ("officials", "said", ["the tax will rise"])
    ]
    assert _found("The names of three said nothing about the vote.") == []


# ------------------------------------------------------------------ two names joined by "and" agree with a base form


def test_two_names_joined_by_and_are_a_plural_subject_of_a_base_form():
    assert _found("“The data were never shared,” Ortiz and Lindqvist write.") == [
        ("Ortiz and Lindqvist", "write", ["“The data were never shared,”"])
    ]
    assert _found("The survey “left out the poorest towns,” Ana Ortiz and Per Lindqvist argue.") == [
        ("Ana Ortiz and Per Lindqvist", "argue", ["The survey “left out the poorest towns,”"])
    ]
    assert _found("“The data were never shared,” say Ortiz and Lindqvist.") == [
        ("Ortiz and Lindqvist", "say", ["“The data were never shared,”"])
    ]


def test_one_name_or_names_after_a_preposition_are_no_subject_of_a_base_form():
    assert _found("“The data were never shared,” Ortiz write.") == []
    assert _found("Why do Ortiz and Lindqvist say that?") == []
    assert _found("Agents in towns like Austin and Boise say buyers are waiting for lower rates.") == []


# ------------------------------------------------------------------ a quotation run on over paragraphs


def test_a_continuation_paragraph_left_open_carries_on_into_the_next_paragraph_s_quotation():
    text = "“We are tired,” Ms. Ortiz said.\n\n“We asked for help for two years. Nobody came.\n\n“Now it must change.”"
    assert _found(text) == [
        (
            "Ms. Ortiz",
            "said",
            ["“We are tired,”", "“We asked for help for two years. Nobody came.", "“Now it must change.”"],
        )
    ]


def test_a_run_on_quotation_stops_at_a_paragraph_with_a_cue_of_its_own():
    text = "“We are tired,” Ms. Ortiz said.\n\n“We asked for help. Nobody came.\n\n“It has to change,” she added."
    assert _found(text) == [
        ("Ms. Ortiz", "said", ["“We are tired,”", "“We asked for help. Nobody came."]),
        ("she", "added", ["“It has to change,”"]),
    ]


# ------------------------------------------------------------------ a passive label and its agent after the quotation


def test_the_agent_after_a_passive_label_s_quotation_is_the_source():
    assert _found("The closures have been described as “a disaster” by the teachers’ union.") == [
        ("the teachers’ union", "been described", ["as “a disaster”"])
    ]


def test_a_passive_label_with_no_agent_or_a_time_after_by_keeps_no_source():
    assert _found("The closures were described as “a disaster”.") == [(None, "were described", ["as “a disaster”"])]
    assert _found("The closures were described as “a disaster” by 5 p.m.")[0][0] is None


# ------------------------------------------------------------------ "in X's words"


def test_in_someone_s_words_names_the_source_of_what_follows():
    assert _found("In Ms. Ortiz’s words, the merger was “a rescue, not a takeover.”") == [
        ("Ms. Ortiz", "words", ["the merger was “a rescue, not a takeover.”"])
    ]
    assert _found("The board met at noon. In their own words:\n\n“We saw no other way out.”") == [
        ("their", "words", ["“We saw no other way out.”"])
    ]
    assert _found("The firm was saved — in her words, “a rescue, not a takeover.”") == [
        ("her", "words", ["“a rescue, not a takeover.”"])
    ]


def test_in_other_words_or_words_inside_a_clause_name_no_source():
    assert _found("In other words, the merger was a rescue.") == []
    assert _found("He told the story in his own words, which were few.") == []


# ------------------------------------------------------------------ dismissing as a label


def test_dismissing_something_as_a_quoted_label_reports_the_label():
    assert _found("The mayor dismissed the audit as “a political stunt.”") == [
        ("The mayor", "dismissed", ["the audit as “a political stunt.”"])
    ]


def test_a_label_verb_leaves_a_quotation_after_a_participle_cue_to_it():
    assert _found("The mayor dismissed the audit, calling it “a political stunt.”") == [
        ("The mayor", "calling", ["it “a political stunt.”"])
    ]
    assert _found("He was dismissed from the club in May.") == []
    assert _found("For years the method sat on the fringe, dismissed by many as “a fad.”") == []


# ------------------------------------------------------------------ a reviewer's traps (written before the run)


def test_dismiss_is_a_label_only_before_a_quotation():
    assert _found("The school dismissed students early as a precaution.") == []
    assert _found("The team dismissed its coach as losses mounted.") == []
    assert _found("She dismissed questions about Daly and Wallace as “guilt by association.”") == [
        ("She", "dismissed", ["questions about Daly and Wallace as “guilt by association.”"])
    ]


def test_a_by_phrase_that_dates_the_label_names_no_speaker():
    assert _found("The plan was described as “dead” by the end of the week.")[0][0] is None
    assert _found("The deal was described as “final” by Friday.")[0][0] is None
    assert _found("The building was described as “unsafe” by 2019 standards.")[0][0] is None
    assert _found("The closure was described as “heartbreaking” by the department.")[0][:2] == (
        "the department",
        "was described",
    )


# ------------------------------------------------------------------ labels and quoted topics (session 20)


def test_labelled_with_a_quoted_name_reports_it_in_either_spelling():
    assert _found('The MP labelled the schemes "a pile of pants".') == [
        ("The MP", "labelled", ['the schemes "a pile of pants"'])
    ]
    assert _found('Critics labeled the plan "a disaster".') == [("Critics", "labeled", ['the plan "a disaster"'])]


def test_a_label_on_a_thing_or_without_a_quotation_reports_nothing():
    assert _found('The attachment is labelled as either "joke" or "price".') == []
    assert _found("She labelled the jars before the fair.") == []


def test_a_quoted_topic_after_of_or_about_is_what_a_speech_verb_reports():
    assert _found('The minister complained of the "scale of misrepresentation" in the media.') == [
        ("The minister", "complained", ['of the "scale of misrepresentation" in the media'])
    ]
    assert _found('He warned of "serious consequences" if the talks failed.') == [
        ("He", "warned", ['of "serious consequences" if the talks failed'])
    ]


def test_an_unquoted_topic_is_no_proposition():
    assert _found("He warned about fraud at the meeting.") == []
    assert _found("Residents complained of noise from the site.") == []


def test_a_quoted_word_after_a_determiner_is_part_of_the_subject_not_a_statement():
    assert _found('The "heartbroken" mayor said she would rebuild.') == [
        ('The "heartbroken" mayor', "said", ["she would rebuild"])
    ]
    assert _found('An "informal trawl" of court records found that 11 people were charged.') == [
        ('An "informal trawl" of court records', "found", ["that 11 people were charged"])
    ]
    # a statement quoted before its source still is one, with or without its comma
    assert _found('"We will rebuild" the mayor said.') == [("the mayor", "said", ['"We will rebuild"'])]
