"""Grammatical frames of reporting (issue #14, recall on unseen phrasings): fronted subordinate clauses, and the other
frames added in that round, each with a near case the finder must leave alone. Sentences are made up for the tests,
not taken from the annotated sets."""

from __future__ import annotations

from server.attributions import find_attributions


def _found(text: str) -> list[tuple[str | None, str, list[str]]]:
    return [
        (a.source, a.cue, [text[start:end] for start, end in a.content_fragments])
        for a in find_attributions(text)
        if a.kind != "belief"
    ]


# ------------------------------------------------------------------ a subordinate clause opening the sentence


def test_a_report_in_a_fronted_clause_ends_with_the_clause():
    assert _found("Although the mayor said the bridge was safe, residents stayed away from it for weeks.") == [
        ("the mayor", "said", ["the bridge was safe"])
    ]


def test_a_participle_after_a_fronted_clause_takes_the_main_clauses_subject():
    text = "When the host asked whether he would run again, the senator shrugged, saying the decision was months away."
    assert _found(text) == [
        ("the host", "asked", ["whether he would run again"]),
        ("the senator", "saying", ["the decision was months away"]),
    ]
    # no fronted clause: the earlier source is still the participle's
    assert _found("The senator said the vote was close, adding that the count would take days.") == [
        ("The senator", "said", ["the vote was close"]),
        ("The senator", "adding", ["that the count would take days"]),
    ]


def test_a_report_in_a_fronted_condition_is_no_report():
    assert _found("If officials say that the plan failed, the council will vote again in May.") == []
    # a condition inside the quotation is the speaker's words
    assert _found("“If we wait, we lose,” the coach said after the game.") == [
        ("the coach", "said", ["“If we wait, we lose,”"])
    ]


# ------------------------------------------------------------------ a plural head with a prepositional phrase


def test_a_base_form_agrees_with_a_plural_head_before_its_prepositional_phrase():
    assert _found("Lawyers for the family say the police ignored the warnings.") == [
        ("Lawyers for the family", "say", ["the police ignored the warnings"])
    ]
    assert _found("Results from this survey suggest that most drivers ignore the limit.") == [
        ("Results from this survey", "suggest", ["that most drivers ignore the limit"])
    ]
    assert _found("Thousands of people in the town say the water tastes of metal.") == [
        ("Thousands of people in the town", "say", ["the water tastes of metal"])
    ]


def test_a_phrase_after_a_head_that_cannot_speak_leaves_a_base_form_alone():
    # a verb's object, a pronoun, a head no source or document noun: the base form is no report
    assert _found("The agency will provide you with feedback and suggest a plan for your launch.") == []
    assert _found("The film ends on a positive note about the future of the town.") == []


# ------------------------------------------------------------------ participles: the clause's subject, coordination


def test_a_participles_subject_ends_before_an_irregular_past():
    assert _found("The company cut 500 jobs on Monday, saying demand had collapsed.") == [
        ("The company", "saying", ["demand had collapsed"])
    ]
    assert _found("The government hit back, saying the letter was misleading.") == [
        ("The government", "saying", ["the letter was misleading"])
    ]


def test_a_participle_after_and_goes_on_from_the_one_before():
    text = "The mayor spoke for an hour, saying the city was safe and insisting that crime had fallen."
    assert _found(text) == [
        ("The mayor", "saying", ["the city was safe"]),
        ("The mayor", "insisting", ["that crime had fallen"]),
    ]
    # an -ing word that reports nothing stays in the content; a second that-clause is the same report's
    assert _found("The minister quit, saying she was tired and planning to leave the country.") == [
        ("The minister", "saying", ["she was tired and planning to leave the country"])
    ]
    assert _found("The mayor spoke for an hour, saying the city was safe and that crime had fallen.") == [
        ("The mayor", "saying", ["the city was safe and that crime had fallen"])
    ]


def test_a_participle_after_a_dash_reports_a_that_clause_or_a_quote_only():
    assert _found("“There is no money,” Smith said — adding that the plan would fail.") == [
        ("Smith", "said", ["“There is no money,”"]),
        ("Smith", "adding", ["that the plan would fail"]),
    ]
    assert _found("The detector picks the strongest signal—telling you exactly where each person is.") == []


def test_a_speech_participle_after_by_is_the_means_of_a_report():
    assert _found("The mayor ended the meeting by warning that the city was not safe.") == [
        ("The mayor", "warning", ["that the city was not safe"])
    ]
    assert _found("The government responded by branding the letter “totally misleading”.") == [
        ("The government", "branding", ["the letter “totally misleading”"])
    ]
    # a deed or an instruction: "adding" a thing, saying a word
    assert _found("You can fix the bug by adding a file that the build expects.") == []
    assert _found("Start by saying “come” in a happy tone of voice.") == []


# ------------------------------------------------------------------ quotation structure


def test_a_dash_lines_full_stop_is_no_part_of_its_source():
    assert _found("“There is no money.” — Smith.") == [("Smith", "—", ["“There is no money.”"])]
    assert _found("“There is no money.” — John Smith Jr.") == [("John Smith Jr.", "—", ["“There is no money.”"])]


# ------------------------------------------------------------------ an addressee before "that", a colon or a quote


def test_any_noun_phrase_addressed_before_a_report_belongs_to_the_cue():
    assert _found("Smith told his colleagues that the plan would fail.") == [
        ("Smith", "told his colleagues", ["that the plan would fail"])
    ]
    assert _found("Smith warned residents that the storm would reach the coast on Monday.") == [
        ("Smith", "warned residents", ["that the storm would reach the coast on Monday"])
    ]
    assert _found("The letter warns Mr Johnson: “Progress made so far could be wiped out.”") == [
        ("The letter", "warns Mr Johnson", ["“Progress made so far could be wiped out.”"])
    ]


def test_a_relative_clause_or_a_time_after_the_verb_is_no_addressee():
    # "warned" reports its object (a warning about them); "companies" is no addressee of a that-clause
    assert [cue for _, cue, _ in _found("The agency has warned companies that have sold the drugs.")] == ["has warned"]
    assert _found("Economists have warned for years that a day of reckoning is coming.") == [
        ("Economists", "have warned", ["that a day of reckoning is coming"])
    ]


def test_a_one_noun_addressee_before_a_bare_clause_belongs_to_the_cue():
    assert _found("Smith told investors the plan would fail.") == [("Smith", "told investors", ["the plan would fail"])]
    assert _found("Smith told his staff they would be paid in March.") == [
        ("Smith", "told his staff", ["they would be paid in March"])
    ]
    # no clause after the noun: "told" keeps its plain object as before
    assert [cue for _, cue, _ in _found("Smith told investors a story about his father.")] == ["told"]


# ------------------------------------------------------------------ a base form coordinated with a finite verb


def test_a_base_form_after_and_agrees_with_the_clauses_plural_subject():
    assert _found("Officials visited the site on Monday and say the bridge is safe.") == [
        ("Officials", "say", ["the bridge is safe"])
    ]
    # a capitalised quantifier opening the sentence is no name: its plural noun is no verb
    assert _found("Many residents are angry, saying the plan would fail.") == [
        ("Many residents", "saying", ["the plan would fail"])
    ]


def test_a_base_form_after_and_in_an_imperative_or_an_infinitive_is_no_report():
    assert _found("Explore both predictive analytics and predict future outcomes with the new tools.") == []
    assert _found("They stretch easily and add resistance to your workout in the way that weights do.") == []


# ------------------------------------------------------------------ a finding's pronoun and its document


def test_it_or_they_after_a_document_reports_its_finding():
    text = "The study was published in the Lancet on Monday. It found that children who ate nuts had fewer allergies."
    assert _found(text) == [("It", "found", ["that children who ate nuts had fewer allergies"])]
    text = "The researchers compared two groups of patients. They found that both treatments worked equally well."
    assert _found(text) == [("They", "found", ["that both treatments worked equally well"])]


def test_it_or_they_without_a_document_or_a_that_clause_finds_nothing():
    assert _found("We lost the keys at the beach. They found that the car was locked.") == []
    assert _found("The study tracked 40 volunteers. They showed up every week for a year.") == []


# ------------------------------------------------------------------ a participle after a message


def test_a_participle_after_an_authored_message_is_its_authors_report():
    assert _found("The company issued a statement saying it would appeal the ruling.") == [
        ("The company", "saying", ["it would appeal the ruling"])
    ]
    assert _found("There is good research suggesting that eating early helps with weight loss.") == [
        ("good research", "suggesting", ["that eating early helps with weight loss"])
    ]


def test_a_participle_after_a_message_elsewhere_is_left_alone():
    # an imperative's object, a subject with its own verb
    assert _found("Include posts highlighting what makes these products fun.") == []
    assert _found("The research suggesting harm has seldom been heeded by manufacturers.") == []


def test_citing_after_a_comma_reports_its_object_unless_it_names_a_source():
    assert _found("The council voted against the plan, citing concerns over safety.") == [
        ("The council", "citing", ["concerns over safety"])
    ]
    # who told, not what was said
    assert _found("The Times reported the deal, citing undisclosed official sources.") == []
