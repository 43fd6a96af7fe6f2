"""Recall by kind of miss (issue #14): constructions the finder used to miss, each with a near case it must still
leave alone. Sentences are made up for the tests, not taken from the annotated sets."""

from __future__ import annotations

import pytest

from server.attributions import find_attributions


def _found(text: str) -> list[tuple[str | None, str, list[str]]]:
    return [
        (a.source, a.cue, [text[start:end] for start, end in a.content_fragments])
        for a in find_attributions(text)
        if a.kind != "belief"
    ]


# ------------------------------------------------------------------ base forms after "I", "you" and quantifiers


def test_a_base_form_agrees_with_the_first_and_second_person_and_with_quantifiers():
    assert _found("I strongly recommend that you back up your files every week.") == [
        ("I", "recommend", ["that you back up your files every week"])
    ]
    assert _found("The Economist: You argue that small teams decide better than large ones.") == [
        ("You", "argue", ["that small teams decide better than large ones"])
    ]
    assert _found("Some studies link coffee to a longer life, but others say that the effect is small.") == [
        ("others", "say", ["that the effect is small"])
    ]


def test_you_after_a_verb_is_its_object_not_a_subject():
    assert _found("The shop is letting you add a second battery to any laptop it sells.") == []


# ------------------------------------------------------------------ naming with a fronted object


def test_what_a_source_calls_something_is_reported():
    assert _found("The market fell into what economists call a liquidity trap.") == [
        ("economists", "call", ["a liquidity trap"])
    ]
    found = find_attributions("He studies groups of people and machines, which he calls “superminds”, at a lab.")
    assert [(a.source, a.cue, a.content, a.kind) for a in found] == [("he", "calls", "“superminds”", "direct")]


def test_a_relative_before_a_call_without_a_quoted_name_is_a_phone_call():
    assert _found("The man that he called yesterday was not at home.") == []


# ------------------------------------------------------------------ nested reports inside a content


def test_a_report_nested_in_a_clause_of_the_content_does_not_cut_it():
    found = _found(
        "The senator criticized the agency for ignoring the floods when residents warned that the levee would fail."
    )
    assert found[0] == (
        "The senator",
        "criticized",
        ["the agency for ignoring the floods when residents warned that the levee would fail"],
    )
    assert ("residents", "warned", ["that the levee would fail"]) in found


def test_a_source_after_a_coordinating_break_still_ends_the_content():
    assert _found("Smith said the plan would fail, and Jones said that it would work.") == [
        ("Smith", "said", ["the plan would fail"]),
        ("Jones", "said", ["that it would work"]),
    ]


def test_a_weak_report_nested_in_another_content_is_not_its_duplicate():
    found = _found("The letter argues that standards matter, a point a new poll shows that most voters share.")
    assert ("a new poll", "shows", ["that most voters share"]) in found


# ------------------------------------------------------------------ split and continued quotations


def test_a_quote_running_over_paragraphs_to_a_later_cue_continues_the_speaker_before_it():
    text = (
        '"We were stunned," Lee said.\n\n'
        '"Nobody expected the water to rise so fast. We will rebuild.\n\n'
        '"But it will take years," Lee said.'
    )
    assert _found(text) == [
        ("Lee", "said", ['"We were stunned,"', '"Nobody expected the water to rise so fast. We will rebuild.']),
        ("Lee", "said", ['"But it will take years,"']),
    ]


def test_a_quote_after_a_paraphrase_and_its_cue_carries_the_paraphrase_on():
    text = "The plan is far too costly for a small town, Malone said. “It would double the budget.”"
    assert _found(text) == [
        ("Malone", "said", ["The plan is far too costly for a small town", "“It would double the budget.”"])
    ]


# ------------------------------------------------------------------ trailers after a cue that ends its sentence


def test_an_as_clause_ending_the_sentence_reports_the_clause_before_it():
    assert _found("The road will stay closed until the spring, as the mayor wrote recently.") == [
        ("the mayor", "wrote", ["The road will stay closed until the spring"])
    ]
    assert _found("The results were, as the headline suggests, explosive.") == []


def test_a_time_with_abbreviations_after_the_cue_is_a_trailer():
    assert _found("The bridge is closed because of a gas leak, police reported at 1:30 p.m. on Nov. 8.") == [
        ("police", "reported", ["The bridge is closed because of a gas leak"])
    ]


def test_a_names_possessive_is_no_verb_of_a_reported_clause():
    assert _found("The guide explains the theory behind LeWitt's sculpture in plain English.") == []


def test_a_leading_conjunction_before_according_to_is_the_writers_glue():
    assert _found("And according to the city's own count, the shelter turned away forty families.") == [
        ("the city's own count", "according to", ["the shelter turned away forty families"])
    ]


def test_a_quote_glued_to_the_sentence_before_starts_a_sentence_of_its_own():
    text = "Prices rose by a third.“We have never seen this,” she adds. “It is very strange.”"
    assert _found(text) == [("she", "adds", ["“We have never seen this,”", "“It is very strange.”"])]


def test_a_gloss_after_a_dash_is_the_writers_and_the_statement_comes_before_the_cue():
    text = '"My bank cut me off" in the spring, he added -- a move that forced the family to sell the house.'
    assert _found(text) == [("he", "added", ['"My bank cut me off" in the spring'])]


def test_a_that_clause_after_the_cue_is_its_content_even_after_a_quoted_title():
    text = "In a review titled “Risks of cleaning sprays,” researchers noted that the sprays irritate the lungs."
    assert _found(text) == [("researchers", "noted", ["that the sprays irritate the lungs"])]


def test_endorsing_a_candidate_is_no_report():
    assert _found("Three of the state's mayors have endorsed Smith, and two have endorsed Jones.") == []


def test_a_cue_between_commas_with_its_source_after_it_splits_the_statement():
    text = "The combination, say economists, marks a journey into mostly uncharted territory."
    assert _found(text) == [
        ("economists", "say", ["The combination", "marks a journey into mostly uncharted territory"])
    ]
    assert _found("The road was closed for a week, said Smith, a city engineer.") == [
        ("Smith, a city engineer", "said", ["The road was closed for a week"])
    ]


def test_a_quotation_closing_on_the_comma_before_as_is_what_the_source_called_it():
    text = "They get help from a mix of “squatters,” as Espinosa put it, and medical students."
    assert [(a.source, a.cue, a.content, a.kind) for a in find_attributions(text)] == [
        ("Espinosa", "put it", "“squatters,”", "direct")
    ]


def test_a_list_item_with_a_weak_verb_still_carries_on_a_colon_that_ends_its_paragraph():
    text = "The letter warned:\n\n- If the current trend continues, cases will double by November."
    assert _found(text) == [
        ("The letter", "warned", ["- If the current trend continues, cases will double by November."])
    ]


def test_a_display_verb_reports_only_the_quotation_right_after_it():
    assert _found('One sign read "Closed for repairs" in red letters.') == [
        ("One sign", "read", ['"Closed for repairs" in red letters'])
    ]
    assert _found('The ministry began a "vigorous debate" on the policy after the visit.') == []


def test_a_contracted_progressive_is_a_finite_cue():
    assert _found("It’s saying the grid is short of power tonight.") == [
        ("It", "’s saying", ["the grid is short of power tonight"])
    ]


def test_a_cue_between_commas_after_a_relative_pronoun_reports_the_relative_clause_after_it():
    text = "The commission meets monthly, which, critics say, does not include any child health experts."
    assert _found(text) == [("critics", "say", ["does not include any child health experts"])]


def test_answering_a_question_is_no_report_but_answering_that_is():
    assert _found("The tutor answers the student's question and asks another one.") == []
    assert _found("The minister answered that the plan was already funded.") == [
        ("The minister", "answered", ["that the plan was already funded"])
    ]


# ------------------------------------------------------------------ the reporting lexicon beyond "said"


def test_verbs_of_restating_manner_and_inquiry_report_a_quote_or_a_that_clause():
    assert _found("“The deal is off,” the chairman clarified.") == [
        ("the chairman", "clarified", ["“The deal is off,”"])
    ]
    assert _found("“Who signed this?” the auditor inquired.") == [("the auditor", "inquired", ["“Who signed this?”"])]
    assert _found("The agency reaffirmed that the bridge would reopen in May.") == [
        ("The agency", "reaffirmed", ["that the bridge would reopen in May"])
    ]
    assert _found("“What a season,” the coach mused.") == [("the coach", "mused", ["“What a season,”"])]


def test_those_verbs_with_a_plain_object_report_nothing():
    assert _found("The agency clarified its rules last year.") == []
    assert _found("The singer conveyed a sense of loss.") == []


# ------------------------------------------------------------------ a frame that makes the infinitive the act


def test_a_catenative_frame_makes_its_infinitive_the_cue():
    assert _found("The mayor was quick to point out that the budget had grown.") == [
        ("The mayor", "was quick to point out", ["that the budget had grown"])
    ]
    assert _found("He went on to add, “Nobody here wants a strike.”") == [
        ("He", "went on to add", ["“Nobody here wants a strike.”"])
    ]
    assert _found("The minister took care to stress that no decision had been made.") == [
        ("The minister", "took care to stress", ["that no decision had been made"])
    ]


def test_negated_and_expected_infinitives_stay_unreported():
    assert _found("She declined to say whether the plan was final.") == []
    assert _found("He is expected to say that the plan is final.") == []
    assert _found("He wants to say that the plan is final.") == []


# ------------------------------------------------------------------ bare clauses and the subjects news writing uses


def test_a_bare_clause_with_an_irregular_past_or_an_aside_after_its_subject_is_reported():
    assert _found("Officials say the driver fled before dawn.") == [
        ("Officials", "say", ["the driver fled before dawn"])
    ]
    assert _found("Police said the woman, who was 29, swam back to the shore.") == [
        ("Police", "said", ["the woman, who was 29, swam back to the shore"])
    ]
    assert _found("The mayor said the levy, if approved, would pay for two schools.") == [
        ("The mayor", "said", ["the levy, if approved, would pay for two schools"])
    ]


def test_a_bare_clause_whose_subject_lists_its_items_is_reported():
    assert _found("Mr Evans said the mix of low cost, small size and huge numbers of users could make it a hit.") == [
        ("Mr Evans", "said", ["the mix of low cost, small size and huge numbers of users could make it a hit"])
    ]
    assert _found("Police say Grant, her husband, Ambersley and another woman were travelling north.") == [
        ("Police", "say", ["Grant, her husband, Ambersley and another woman were travelling north"])
    ]
    # a verb with a thing as its object: ", and" opens a clause of its own, "to ensure you have" another clause's verb
    assert _found("It maintains a transparent supply chain, and all of its suppliers are bound by its code.") == []
    assert _found("We emphasize a customer-centric approach, offering support and training so you have it.") == []


def test_a_relative_clause_reports_for_its_antecedent_and_ends_where_the_main_clause_resumes():
    assert _found("The bill has broad support from charities who say it would give better safeguards.") == [
        ("charities", "say", ["it would give better safeguards"])
    ]
    assert _found("His decision will disappoint some senior members, who say the party needs him.") == [
        ("some senior members", "say", ["the party needs him"])
    ]
    text = 'But the senator, who recently said that he brings a "new view to Washington," will have to avoid it.'
    assert _found(text) == [("the senator", "said", ['that he brings a "new view to Washington,"'])]
    # after "who" a base form without a report is a habit
    assert _found("Most of the people who write these reviews already speak the language well.") == []


def test_a_report_whose_subject_is_a_relative_clauses_gap_reports_the_predicate():
    assert _found("He set out the choices he says are facing Britain.") == [("he", "says", ["are facing Britain"])]
    assert _found("He was behind the attacks, which Israeli figures say killed 1,200 people.") == [
        ("Israeli figures", "say", ["killed 1,200 people"])
    ]
    text = "Israel will negotiate with the man who they say orchestrated the attacks — and vowed to kill."
    assert ("they", "say", ["orchestrated the attacks"]) in _found(text)
    # nested in another report's content, it stands beside it
    text = "Most said he did well to take responsibility for the child he says is his, but many disagreed."
    assert ("he", "says", ["is his"]) in _found(text)
    # the relative clause of the sentence's subject: its verb is the main clause's, judged by the writer
    assert _found("The things he says are wrong.") == []
    assert _found("What he says is true.") == []
    assert _found("Everything he says is a lie.") == []


def test_an_infinitive_cue_after_a_causing_verb_reports_for_its_object():
    text = 'The analysis led TNO to conclude it was "likely" the rounds came from the same place.'
    assert _found(text) == [("TNO", "conclude", ['it was "likely" the rounds came from the same place'])]
    text = "The scandal forced the company to admit that its figures were wrong."
    assert _found(text) == [("the company", "admit", ["that its figures were wrong"])]
    # a request is no act done; an object pronoun is left to no one
    assert [a.cue for a in find_attributions("The board urged the minister to say that it was flawed.")] == [
        "urged the minister"
    ]
    assert _found("The scandal forced him to admit that the figures were wrong.") == []


def test_an_ed_word_after_a_base_form_may_open_the_reported_clauses_subject():
    assert _found("Police say armed men stormed the building.") == [
        ("Police", "say", ["armed men stormed the building"])
    ]
    assert _found("They have a say in the matter.") == []


def test_a_plain_object_with_commas_stays_unreported():
    assert _found("She told me the town, the river and the bridge.") == []
    # after an aside, a plural noun is a list's next item, not a reported clause's verb
    assert _found("Police said the fence, the gate, the doors and the windows.") == []
    assert _found("She told me the town, which was old, the rivers and the bridges.") == []


def test_an_age_or_a_home_town_between_a_name_and_its_apposition_belongs_to_the_source():
    assert _found("Carla Ruiz, 38, a nurse at the county clinic, told the board that staffing had collapsed.") == [
        ("Carla Ruiz, 38, a nurse at the county clinic", "told the board", ["that staffing had collapsed"])
    ]
    assert _found("Tom Berg, 61, of Duluth, said the ice had never been this thin.") == [
        ("Tom Berg, 61, of Duluth", "said", ["the ice had never been this thin"])
    ]


def test_a_year_between_commas_is_no_age():
    assert _found("In Lyon, 2019, the mayor said the budget was balanced.") == [
        ("the mayor", "said", ["the budget was balanced"])
    ]
    # four digits are a year: what stands between the commas is no person's aside
    assert _found("Acme, 2019, a report by the board, said that staffing had collapsed.") == []


# ------------------------------------------------------------------ every speech class's base form


def test_a_plural_subject_reports_with_any_speech_verb_and_a_that_clause():
    assert _found("Prosecutors allege that the treasurer moved the funds abroad.") == [
        ("Prosecutors", "allege", ["that the treasurer moved the funds abroad"])
    ]
    assert _found("Critics contend that the new map dilutes rural votes.") == [
        ("Critics", "contend", ["that the new map dilutes rural votes"])
    ]


def test_those_base_forms_stay_nouns_objects_or_the_writers_own():
    assert _found("We propose that the committee meets twice a year.") == []
    assert _found("The claims maintain the fiction of a balanced budget.") == []
    assert _found("Firms would maintain the current prices.") == []


# ------------------------------------------------------------------ adjectives and conjuncts in the source


def test_an_adjective_between_a_determiner_and_its_noun_belongs_to_the_source():
    assert _found("“The roof just went,” the retired electrician said.") == [
        ("the retired electrician", "said", ["“The roof just went,”"])
    ]
    assert _found("An unnamed official said the talks had stalled.") == [
        ("An unnamed official", "said", ["the talks had stalled"])
    ]


def test_a_name_and_a_second_speaker_are_one_source():
    assert _found("“We lost everything,” Okafor and her brother said.") == [
        ("Okafor and her brother", "said", ["“We lost everything,”"])
    ]


def test_a_weak_verb_in_the_progressive_still_needs_a_that_clause_or_a_quote():
    assert _found("A growing number of firms are touting the speed of their chips.") == []


# ------------------------------------------------------------------ parentheticals, rulings, filings, respondents


def test_a_parenthetical_cue_with_a_time_after_it_reports_the_clause_around_it():
    text = "The mill will close, the owners said Friday, because orders have dried up."
    assert _found(text) == [("the owners", "said", ["The mill will close", "because orders have dried up"])]


def test_a_cue_after_a_lone_subordinate_clause_reports_both_sides():
    text = "While firms have started to seek bids for new projects, Yearout said, there's no backlog of work."
    assert _found(text) == [
        ("Yearout", "said", ["While firms have started to seek bids for new projects", "there's no backlog of work"])
    ]
    text = "If the new system proves effective at cutting piracy, said Mr Fahey, other firms may copy it."
    assert _found(text) == [
        ("Mr Fahey", "said", ["If the new system proves effective at cutting piracy", "other firms may copy it"])
    ]
    # before a quotation the subordinate clause is the writer's frame
    text = "Although the brush head tends to be slightly larger, one tester wrote, “I found it easy to use.”"
    assert _found(text) == [("one tester", "wrote", ["“I found it easy to use.”"])]


def test_a_trailing_cue_with_its_time_reports_the_clause_before_whatever_follows():
    assert _found("The attack killed two people on the ground, Smith said Tuesday.") == [
        ("Smith", "said", ["The attack killed two people on the ground"])
    ]
    text = "Russia used the missile in an attack that killed two people, Zelenskyy said Sunday, marking its third use."
    assert _found(text) == [("Zelenskyy", "said", ["Russia used the missile in an attack that killed two people"])]


def test_a_court_rules_and_a_filing_states():
    assert _found("An appeals court ruled that the tax was unlawful.") == [
        ("An appeals court", "ruled", ["that the tax was unlawful"])
    ]
    assert _found("The filing states that the loan was never repaid.") == [
        ("The filing", "states", ["that the loan was never repaid"])
    ]
    assert _found("The umpire ruled the catch out.") == []


def test_a_share_of_those_surveyed_is_a_source():
    assert _found("Two-thirds of those surveyed said they had cut back on heating.") == [
        ("Two-thirds of those surveyed", "said", ["they had cut back on heating"])
    ]


# ------------------------------------------------------------------ speech nouns with a that-clause


def test_a_speech_noun_with_a_possessor_or_in_the_news_reports_its_that_clause():
    assert _found("Lawmakers dismissed the senator's claim that the audit was rigged.") == [
        ("the senator", "claim", ["that the audit was rigged"])
    ]
    assert _found("The bank was hit with reports that its traders had hidden losses.") == [
        (None, "reports", ["that its traders had hidden losses"])
    ]
    assert _found("The ad replayed his promise that the tax would not rise.") == [
        ("his", "promise", ["that the tax would not rise"])
    ]


def test_rumours_stories_and_bare_speculation_report_their_that_clause():
    assert _found("The film showed a row about rumours that he was about to resign from the party.") == [
        (None, "rumours", ["that he was about to resign from the party"])
    ]
    assert _found("She was hurt by stories that she had made her sister-in-law cry.") == [
        (None, "stories", ["that she had made her sister-in-law cry"])
    ]
    assert _found("There has been speculation that the bank will raise rates next month.") == [
        (None, "speculation", ["that the bank will raise rates next month"])
    ]


def test_near_case_a_story_with_a_relative_clause_or_generic_speculation_is_no_report():
    assert _found("The stories that he wrote as a child were published last year.") == []
    assert _found("The essay weighs the speculation that markets always recover.") == []


def test_a_speech_noun_with_a_relative_clause_no_maker_or_a_verb_of_its_own_is_no_report():
    assert _found("The claim that he made was false.") == []
    assert _found("The essay weighs the claim that beauty is objective.") == []
    assert _found("The agency said the claim that the dam leaked was false.") == [
        ("The agency", "said", ["the claim that the dam leaked was false"])
    ]


def test_a_pronoun_s_contraction_is_no_possessor_of_a_speech_noun():
    # "it's" is "it is": the claims that follow have no maker here
    assert _found("Then it’s claims that this is all a hoax spread online.") == []
    assert _found("Then it's claims that this is all a hoax spread online.") == []
    assert _found("Lawmakers dismissed Harry’s claim that this is all a hoax.") == [
        ("Harry", "claim", ["that this is all a hoax"])
    ]


def test_a_noun_for_a_thing_ending_as_nouns_for_people_do_is_no_source():
    # -ist and -ian end "economist" and "librarian", and also "checklist" and "median"
    assert _found("The updated checklist says that every room needs a smoke alarm.") == []
    assert _found("The reported median suggests that prices will rise.") == []
    assert _found("The retired economist says that prices will rise.") == [
        ("The retired economist", "says", ["that prices will rise"])
    ]


def test_a_purpose_after_an_act_of_speaking_or_meeting_is_the_report():
    assert _found("The mayor took to social media to complain that the state had ignored the city.") == [
        ("The mayor", "took to social media to complain", ["that the state had ignored the city"])
    ]
    assert _found("Last week the union leader met Labour Minister Ana Ruiz to urge her to raise wages.") == [
        ("the union leader", "met Labour Minister Ana Ruiz to urge her", ["to raise wages"])
    ]
    assert _found("The app uses the data to predict what will happen next.") == []
    assert _found("He went to the shop to say hello.") == []


def test_a_documents_bare_clause_with_an_irregular_past_is_its_finding():
    assert _found("Data from the port authority showed traffic fell by a third.") == [
        ("Data from the port authority", "showed", ["traffic fell by a third"])
    ]
    assert _found("She revealed her plans to her sister as they sat on the porch.") == []


# ------------------------------------------------------------------ inverted lone sources and retorts


def test_an_indefinite_pronoun_after_an_inverted_cue_is_the_whole_source():
    text = "“Let the team rest,” one reader wrote. “They played four games in a week,” wrote another."
    assert _found(text) == [
        ("one reader", "wrote", ["“Let the team rest,”"]),
        ("another", "wrote", ["“They played four games in a week,”"]),
    ]
    assert _found("“Not this again,” said one.") == [("one", "said", ["“Not this again,”"])]


def test_a_retort_with_its_particle_reports_a_quotation_only():
    assert _found("“That is simply false,” the minister shot back.") == [
        ("the minister", "shot back", ["“That is simply false,”"])
    ]
    assert _found("“Count me in,” Okafor chimed in.") == [("Okafor", "chimed in", ["“Count me in,”"])]
    assert _found("The coach summed it up: “We ran out of legs.”") == [
        ("The coach", "summed it up", ["“We ran out of legs.”"])
    ]
    assert _found("The prince hit back at stories that he had snubbed the king.") == []
    assert _found("The storm hit the coast on Monday.") == []


def test_long_between_auxiliary_and_cue_is_skipped_like_other_adverbs():
    assert _found("The senator has long maintained that the base should stay open.") == [
        ("The senator", "maintained", ["that the base should stay open"])
    ]


# ------------------------------------------------------------------ what the new mechanisms must leave alone


def test_a_question_asked_with_do_is_no_report():
    assert _found("Do they mention that they were looking for a new home?") == []
    assert _found("Why did officials say that the bridge was safe?") == []
    assert _found("Officials did say that the bridge was safe.") == [
        ("Officials", "did say", ["that the bridge was safe"])
    ]


def test_a_weak_verb_with_an_object_of_its_own_reports_nothing_before_it():
    assert _found("But to be fair, Hamilton Beach does clarify this in the fine print.") == []
    assert _found("Dresden Drive is closed due to a gas leak, police reported at 1:30 p.m. on Nov. 8.") == [
        ("police", "reported", ["Dresden Drive is closed due to a gas leak"])
    ]


def test_a_weak_verb_before_a_colon_reports_only_the_quotation_it_opens():
    assert _found("Income limits clarified: Full benefits go to families under the line.") == []
    assert _found("The reason summarized: Fewer functions mean fewer bugs.") == []
    assert _found("The minister clarified: “We will not raise taxes.”") == [
        ("The minister", "clarified", ["“We will not raise taxes.”"])
    ]


def test_a_pronoun_s_contraction_is_has_before_a_report_and_is_before_a_plural_noun():
    assert _found("He’s said that the plan will fail.") == [("He", "said", ["that the plan will fail"])]
    assert _found("It’s said that the plan will fail.") == [(None, "’s said", ["that the plan will fail"])]
    assert _found("There’s reports that the mayor will resign soon.") == []


def test_descriptions_implications_and_the_writers_own_views_are_no_reports():
    assert _found("The included stylus adds precise note-taking to the tablet.") == []
    assert _found("Our assumption implies that the set is finite.") == []
    assert _found("It is my contention that these are the best headphones today.") == []
    assert _found("We are happy to report that the puppy is thriving.") == []
    assert _found("If you’re writing a newsletter today, as I am, here’s what I’d think about.") == []


def test_an_apposition_between_a_bare_clauses_subject_and_its_verb():
    assert _found("Police said the driver, a teacher, fled.") == [("Police", "said", ["the driver, a teacher, fled"])]


# ------------------------------------------------------------------ raising passives (issue #14: whole verb classes)


def test_a_prediction_or_proposal_in_a_raising_passive_is_reported():
    assert _found("Temperatures are forecast to reach 40C again this week.") == [
        (None, "are forecast", ["to reach 40C again this week"])
    ]
    assert _found("It is recommended that patients rest for a week.") == [
        (None, "is recommended", ["that patients rest for a week"])
    ]


def test_a_proposal_delivered_or_a_figure_estimated_is_no_report():
    assert _found("The plan was proposed to the board in May.") == []
    assert _found("The damage was estimated at $5 million.") == []


def _beliefs(text: str) -> list[tuple[str | None, str, str]]:
    return [(a.source, a.cue, a.content) for a in find_attributions(text) if a.kind == "belief"]


def test_a_belief_verbs_participle_in_a_raising_passive_holds_an_unnamed_belief():
    assert _beliefs("The deal is expected to close in the first quarter.") == [
        (None, "is expected", "to close in the first quarter")
    ]
    assert _beliefs("It is widely believed that the vote was rigged.") == [
        (None, "is widely believed", "the vote was rigged")
    ]
    assert _beliefs("Rates are expected by economists to rise again in March.") == [
        ("economists", "are expected", "to rise again in March")
    ]


def test_a_negated_passive_or_a_known_without_a_clause_holds_no_belief():
    assert _beliefs("Inflation is not expected to fall this year.") == []
    assert _beliefs("He was known for his temper, and the well known brand Acme sells his shoes.") == []


# ------------------------------------------------------------------ naming verbs (VerbNet dub-29.3)


def test_a_naming_verb_reports_the_quoted_name_it_gives():
    assert _found('Levin dubbed them "Picasso tadpoles," and they truly looked the part.') == [
        ("Levin", "dubbed", ['them "Picasso tadpoles,"'])
    ]
    assert _found("The tower was nicknamed “the Gherkin” by Londoners.") == [
        ("Londoners", "was nicknamed", ["“the Gherkin”"])
    ]


def test_a_naming_verb_without_a_quoted_name_or_as_a_noun_reports_nothing():
    assert _found("She was crowned champion in May after a long final.") == []
    assert _found("Search terms like “sleep” and “exercise” were used in the review.") == []


# ------------------------------------------------------------ news frames: "quoted as saying", "asked not to be named"


def test_a_passive_quoted_as_saying_makes_its_subject_the_speaker():
    assert _found("The minister was quoted as saying that the plan would cost billions.") == [
        ("The minister", "was quoted as saying", ["that the plan would cost billions"])
    ]
    assert _found("Prices will rise again, the central bank was quoted as saying on Thursday.") == [
        ("the central bank", "was quoted as saying", ["Prices will rise again"])
    ]


def test_a_negated_request_is_the_request_and_not_the_quotation_before_it():
    assert _found("“This is a disaster,” one resident, who asked not to be named, told the BBC.") == [
        ("one resident", "asked", ["not to be named"]),
        ("one resident", "told the BBC", ["“This is a disaster,”"]),
    ]
    assert _found("The senator urged him not to go.") == [("The senator", "urged him", ["not to go"])]


# ------------------------------------------------------------------ structure between a subject and its cue


def test_a_numbers_thousands_separator_is_no_clause_comma_in_an_apposition():
    assert _found("The union, which represents 10,000 workers, said the offer was inadequate.") == [
        ("The union", "said", ["the offer was inadequate"])
    ]


def test_a_sentence_adverb_between_a_plural_subject_and_its_base_form():
    assert _found("Critics, however, argue the plan goes too far.") == [("Critics", "argue", ["the plan goes too far"])]
    assert _found("The company, meanwhile, said it would appeal.") == [("The company", "said", ["it would appeal"])]


# ------------------------------------------------------------------ "according to" after a quotation


def test_according_to_after_a_comma_inside_the_closing_quotation_mark():
    assert _found("Officials have been “working around the clock,” according to a spokesman.") == [
        ("a spokesman", "according to", ["Officials have been “working around the clock,”"])
    ]


def test_a_relative_clause_after_according_tos_source_is_not_the_statement():
    assert _found("The plan is dead on arrival, according to two senators, who spoke on condition of anonymity.") == [
        ("two senators", "according to", ["The plan is dead on arrival"])
    ]
    assert _found("The goal, according to the change log, is to provide a stable version.")[0][2] == [
        "The goal",
        "is to provide a stable version",
    ]


def test_a_judgement_in_the_passive_with_as_or_an_infinitive_holds_an_unnamed_belief():
    assert _beliefs("In some places, riding a bike is widely regarded as an elitist thing.") == [
        (None, "is widely regarded", "as an elitist thing")
    ]
    assert _beliefs("Such practices are generally considered to have few risks.") == [
        (None, "are generally considered", "to have few risks")
    ]


def test_an_active_or_modal_or_bare_judgement_holds_no_belief():
    assert _beliefs("We consider the offer fair, and I see the problem with it.") == []
    assert _beliefs("The damage could be seen as a warning to the whole town.") == []
    assert _beliefs("New staff will be expected to attend every weekly meeting.") == []
    assert _beliefs("Such messages are considered spam by most filters today.") == []
    assert _beliefs("He was seen leaving the building shortly before noon.") == []


# ------------------------------------------------------------------ a quote split by its cue and a time


def test_a_quote_split_by_its_cue_and_a_time_goes_on_after_the_time():
    assert _found("“We’ve got to move faster,” Johnson said on Tuesday, “or we lose.”") == [
        ("Johnson", "said", ["“We’ve got to move faster,”", "“or we lose.”"])
    ]
    assert _found("“It’s over,” the coach said last week, “and we lost.”") == [
        ("the coach", "said", ["“It’s over,”", "“and we lost.”"])
    ]


def test_straight_single_quotes_opening_paragraphs_are_the_articles_quotation_marks():
    text = "The mayor spoke on Monday.\n\n'We will fight on,' she said.\n\n'We have no choice,' her deputy added."
    assert _found(text) == [
        ("she", "said", ["'We will fight on,'"]),
        ("her deputy", "added", ["'We have no choice,'"]),
    ]


def test_in_the_words_of_is_a_prepositional_cue_before_a_comma_or_a_colon():
    assert _found("In the words of Marie Kondo: “Discard what has outlived its purpose.”") == [
        ("Marie Kondo", "In the words of", ["“Discard what has outlived its purpose.”"])
    ]
    assert _found("The plan is a mess, in the words of one official.") == [
        ("one official", "in the words of", ["The plan is a mess"])
    ]


def test_a_memory_verb_reports_a_gerund_clause():
    assert _found("He recalled seeing smoke rise from the building.") == [
        ("He", "recalled", ["seeing smoke rise from the building"])
    ]
    assert _found("I remembered something else. She recalled the incident vividly.") == []


def test_referring_to_something_as_a_quoted_name_is_naming():
    assert _found("Scientists refer to this as the “butterfly effect.”") == [
        ("Scientists", "refer", ["to this as the “butterfly effect.”"])
    ]
    assert _found("It was referred to in some cases as the “bitter invention of Satan.”") == [
        (None, "was referred", ["to in some cases as the “bitter invention of Satan.”"])
    ]


def test_referring_without_a_quoted_name_or_to_a_fronted_object_names_nothing():
    assert _found("The doctor referred him to a specialist in Boston.") == []
    assert _found("That is what I’m referring to, the “mistake” of mentioning it at all.") == []


def test_a_participle_after_a_comma_inside_a_closing_quotation_mark_reports_apart():
    assert _found("He said he had “no regrets,” adding that he would “do it all again.”") == [
        ("He", "said", ["he had “no regrets,”"]),
        ("He", "adding", ["that he would “do it all again.”"]),
    ]


# ------------------------------------------------------------------ review of the recall round (issue #14)


def test_a_request_verb_with_to_and_no_infinitive_keeps_the_quotation_before_it():
    assert _found("“Why now?” she asked to no one in particular.") == [("she", "asked", ["“Why now?”"])]
    assert _found("“Why now?” she asked to applause from the gallery.") == [("she", "asked", ["“Why now?”"])]


def test_to_before_a_noun_phrase_is_no_infinitive_of_a_raising_passive_or_a_belief():
    assert _found("The plan was proposed to voters in 2019 by the council.") == []
    assert _found("The change was suggested to members at the annual meeting.") == []
    assert _beliefs("In the north, tea is preferred to coffee from the south.") == []
    assert _found("Temperatures are forecast to reach 40C in the south this week.") == [
        (None, "are forecast", ["to reach 40C in the south this week"])
    ]


def test_that_before_a_time_noun_is_a_demonstrative_not_a_clause():
    assert _found("The plan was proposed that year by the mayor.") == []
    assert _beliefs("Her worst fears were realised that night in the city.") == []


def test_a_purpose_infinitive_after_recommended_or_projected_is_no_report():
    assert _found("The drug is recommended to treat high blood pressure in adults.") == []
    assert _found("The images were projected to cover the facade of the building.") == []
    assert _found("A tripod is recommended to get the most out of the optics.") == []
    assert _found("It is recommended that patients rest for a week.") == [
        (None, "is recommended", ["that patients rest for a week"])
    ]


def test_a_naming_participle_after_a_comma_is_a_passive_named_by_its_agent():
    assert _found("Last week, Apple released a new phone, dubbed the “iPhone Air” by fans.") == [
        ("fans", "dubbed", ["the “iPhone Air”"])
    ]
    assert _found("In January, Wix launched Wix Harmony, referred to as the “vibe coding platform”.") == [
        (None, "referred", ["to as the “vibe coding platform”"])
    ]


def test_naming_verbs_in_other_senses_name_nothing():
    assert _found('Doctors referred her to a specialist who diagnosed "a rare form of anemia."') == []
    assert _found('Customers were referred to a hotline that promised "help within the hour."') == []
    assert _found('The studio dubbed the film in French before its "world premiere" in Cannes.') == []
    assert _found('He was crowned "Player of the Year" at the gala.') == []
    assert _found('Our review crowns it the definitive "fastest card for gaming."') == [
        ("Our review", "crowns", ['it the definitive "fastest card for gaming."'])
    ]


def test_according_to_between_an_adverbial_and_its_clause_reports_the_clause():
    assert _found("Last year, according to police, crime in the city fell by 10 percent.") == [
        ("police", "according to", ["Last year", "crime in the city fell by 10 percent"])
    ]


def test_a_thousands_separator_does_not_end_a_fronted_prepositional_source():
    assert _found("According to a survey of 2,000 adults, most people sleep less than seven hours.") == [
        ("a survey of 2,000 adults", "According to", ["most people sleep less than seven hours"])
    ]


def test_a_beliefs_content_stops_before_a_trailing_report():
    text = "He is thought to have left the country in March, police said."
    assert _beliefs(text) == [(None, "is thought", "to have left the country in March")]
    assert _found(text) == [("police", "said", ["He is thought to have left the country in March"])]
    assert _beliefs("They hope the talks will resume soon, adding that nothing is settled.") == [
        ("They", "hope", "the talks will resume soon")
    ]


def test_a_quotation_after_a_cues_time_without_a_comma_is_no_continuation():
    assert _found("“We will win,” Lee said on Tuesday “Meet the Press” aired a clip.") == [
        ("Lee", "said", ["“We will win,”"])
    ]


def test_a_purpose_or_a_definition_in_the_passive_is_no_belief_and_a_feeling_is_its_subjects():
    assert _beliefs("The fence is intended to protect the garden from deer.") == []
    assert _beliefs("A serving is considered to be 5 ounces of wine.") == []
    assert _beliefs("Residents are worried that the river will flood again.") == [
        ("Residents", "are worried", "the river will flood again")
    ]
    assert _beliefs("Such practices are generally considered to have few risks.") == [
        (None, "are generally considered", "to have few risks")
    ]


def test_a_request_with_its_addressee_in_the_cue_reports_its_infinitive():
    assert _found("“Stay home,” the mayor urged residents to listen.") == [
        ("the mayor", "urged residents", ["to listen"])
    ]


def test_a_verbs_infinitive_before_a_preposition_or_a_judgement_still_holds_a_belief():
    assert _beliefs("The market is expected to grow at a rate of 6.9% from 2025.") == [
        (None, "is expected", "to grow at a rate of 6.9% from 2025")
    ]
    assert _beliefs("Solar power is considered to be one of the most cost-effective sources.") == [
        (None, "is considered", "to be one of the most cost-effective sources")
    ]
    assert _beliefs("Tips are also considered to be a form of taxable income.") == []
    assert _beliefs("Journaling is increasingly considered to be an evidence-based strategy for health.") == [
        (None, "is increasingly considered", "to be an evidence-based strategy for health")
    ]


def test_told_a_broadcaster_s_programme_is_a_cue_after_its_content():
    for text, cue in (
        ("Leave would rise to nine months, Ms Hewitt told GMTV's Sunday programme.", "told GMTV's Sunday programme"),
        ("The rise was justified, Mr Balls told BBC Radio 4's Today programme.", "told BBC Radio 4's Today programme"),
    ):
        assert [(a.cue, a.content) for a in find_attributions(text)] == [(cue, text.split(",")[0])]


def test_a_reporting_noun_after_a_past_cue_is_the_reported_clauses_subject():
    assert _found("The airline said demand was up sharply in May.") == [
        ("The airline", "said", ["demand was up sharply in May"])
    ]
    assert _found("Ministers warned claims would be checked.") == [("Ministers", "warned", ["claims would be checked"])]
    assert _found("I would have added brand value here.") == []  # an object noun, no clause: no report


# ------------------------------------------------------------------ reporting verbs whose other forms are nouns


def test_a_reporting_verb_whose_base_is_a_noun_reports_in_its_past_with_a_clause_or_a_quote():
    assert _found("Lawyers for the family protested that the hearing had been rushed.") == [
        ("Lawyers for the family", "protested", ["that the hearing had been rushed"])
    ]
    assert _found("Her lawyers objected that the firm had hidden its losses for years.") == [
        ("Her lawyers", "objected", ["that the firm had hidden its losses for years"])
    ]
    assert _found("“We were never told,” the mother objected.") == [
        ("the mother", "objected", ["“We were never told,”"])
    ]
    # their plain objects and set phrases report nothing
    assert _found("Students protested the ruling outside the court on Monday.") == []
    assert _found("He was charged with fraud and pleaded guilty to two counts.") == []
    assert _found("The fees charged that viewers pay to watch the fight went up again.") == []
    assert _found("She pleaded not guilty to the charges. He pleaded guilty to fraud and to two counts of theft.") == []


# ------------------------------------------------------------------ a figure or an event reported as the plain object


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        ("Amtrak reported no major delays systemwide.", "Amtrak", "reported", "no major delays systemwide"),
        ("Tesco reported a 10% rise in first-half profit.", "Tesco", "reported", "a 10% rise in first-half profit"),
        (
            "The Met Office predicted heavy snowfall on Sunday.",
            "The Met Office",
            "predicted",
            "heavy snowfall on Sunday",
        ),
        (
            "Ercot forecast electricity demand at near-record levels.",
            "Ercot",
            "forecast",
            "electricity demand at near-record levels",
        ),
    ],
)
def test_a_reported_or_forecast_figure_is_the_content(text, source, cue, content):
    assert _found(text) == [(source, cue, [content])]


@pytest.mark.parametrize(
    "text",
    [
        "He reported for pre-season training on Monday.",
        "She reported him missing on Friday.",
        "Even a hint of weakness in Nvidia's forecast could make trading volatile.",
        "Canada reports monthly GDP growth on Friday.",
    ],
)
def test_a_report_verb_without_a_reported_figure_is_no_attribution(text):
    assert [cue for _, cue, _ in _found(text)] == []


# ------------------------------------------------------------------ pronominal "one", "went on", appeals


def test_pronominal_one_is_a_whole_source_before_its_cue():
    assert _found('Residents were angry. "They ignored us," one said.') == [("one", "said", ['"They ignored us,"'])]
    text = "Diplomats said the talks were tense. One said the mood was grim."
    assert _found(text)[1] == ("One", "said", ["the mood was grim"])
    assert _found("No one said anything.") == []


def test_went_on_and_shot_back_report_a_quotation_or_a_that_clause():
    assert _found('Dorsey went on: "The plan will fail."') == [("Dorsey", "went on", ['"The plan will fail."'])]
    assert _found("Dorsey shot back that the plan would fail.") == [
        ("Dorsey", "shot back", ["that the plan would fail"])
    ]
    for narration in (
        "The meeting went on for hours.",
        "He went on holiday to Spain.",
        "She hit back at claims that she had lied.",
    ):
        assert _found(narration) == []
    assert [cue for _, cue, _ in _found("He went on to say that the plan would fail.")] == ["went on to say"]


def test_an_appeal_for_someone_to_act_is_a_request():
    assert _found("Police are appealing for witnesses to come forward.") == [
        ("Police", "are appealing for witnesses", ["to come forward"])
    ]
    assert _found("Police appealed to the public to stay away.") == [
        ("Police", "appealed to the public", ["to stay away"])
    ]
    for plain in (
        "The idea is appealing to voters.",
        "He appealed against the ruling.",
        "She waited for the bus to arrive.",
    ):
        assert _found(plain) == []


# ------------------------------------------------------------------ documents with where they came out


def test_a_document_with_its_outlet_participle_speaks():
    assert _found("A study published in Nature found that the drug works.") == [
        ("A study published in Nature", "found", ["that the drug works"])
    ]
    assert _found("A 2024 study published in the journal Diabetes Care found that people who fasted lost weight.") == [
        ("A 2024 study published in the journal Diabetes Care", "found", ["that people who fasted lost weight"])
    ]
    assert _found("A poll conducted for the BBC found that most voters want a referendum.") == [
        ("A poll conducted for the BBC", "found", ["that most voters want a referendum"])
    ]
    assert _found("A report released Tuesday by the agency found that wages rose.") == [
        ("A report released Tuesday by the agency", "found", ["that wages rose"])
    ]
    assert [source for source, _, _ in _found("Research presented at a heart meeting suggested that pills help.")] == [
        "Research presented at a heart meeting"
    ]


def test_documents_with_a_maker_or_a_time_keep_their_source():
    assert _found("A study published in January found that most workers want a four-day week.") == [
        ("A study", "found", ["that most workers want a four-day week"])
    ]
    assert _found("The study, published in Nature, found that people who fasted lost weight.") == [
        ("The study, published in Nature", "found", ["that people who fasted lost weight"])
    ]
    assert _found("A survey conducted by Pew Research Center found that most adults use TikTok.") == [
        ("A survey conducted by Pew Research Center", "found", ["that most adults use TikTok"])
    ]
    assert _found("A paper published in Nature that critics dismissed found nothing.") == []


# ------------------------------------------------------------------ organisations' findings


def test_an_organisation_head_finds_with_a_that_clause():
    assert _found("The team found that a thin ceramic layer prevents dendrites.") == [
        ("The team", "found", ["that a thin ceramic layer prevents dendrites"])
    ]
    assert _found("The company found that most users never change the default.") == [
        ("The company", "found", ["that most users never change the default"])
    ]


def test_findings_of_people_and_plain_objects_stay_out():
    assert _found("The team found the missing files.") == []
    assert _found("He found that the keys were gone.") == []
    assert _found("Police found that the door was locked.") == []
    assert _found("Japan shows that sales are continuing.") == []
    assert _found("Researchers found that the drug works.") == [("Researchers", "found", ["that the drug works"])]
    assert _found("Pew Research Center found that most parents worry.") == [
        ("Pew Research Center", "found", ["that most parents worry"])
    ]


def test_a_report_nested_in_a_bare_finding_has_the_finding_s_subject():
    found = _found("The survey found 40 percent of parents say homework is too hard.")
    assert ("40 percent of parents", "say", ["homework is too hard"]) in found
    text = "A Gallup survey found 77 percent of US workers would prefer a four-day week."
    beliefs = [a.source for a in find_attributions(text) if a.kind == "belief"]
    assert beliefs == ["77 percent of US workers"]
    assert _found("Officials said 60 percent of voters oppose the plan.") == [
        ("Officials", "said", ["60 percent of voters oppose the plan"])
    ]


# ------------------------------------------------------------------ a participle's subject after an opening conjunction


def test_a_participle_after_a_main_clause_a_conjunction_opens():
    assert _found("But she rejected the proposal, saying that it would hurt small farms.") == [
        ("she", "saying", ["that it would hurt small farms"])
    ]
    assert _found("And the union turned down the offer, saying it fell short of inflation.") == [
        ("the union", "saying", ["it fell short of inflation"])
    ]


def test_near_case_an_opening_phrase_after_a_conjunction_is_skipped():
    assert _found("But in a letter on Friday, the mayor defended the cuts, saying they were needed.")[-1] == (
        "the mayor",
        "saying",
        ["they were needed"],
    )


def test_a_present_verb_and_its_infinitive_are_no_part_of_the_subject():
    assert _found("The ministry refuses to release the files, saying they are confidential.") == [
        ("The ministry", "saying", ["they are confidential"])
    ]


# ------------------------------------------------------------------ the one accused or criticised for a claim


def test_the_object_of_an_accusation_is_the_source_of_its_grounds_speech_participle():
    assert _found("The shadow minister criticised the council for claiming the new tax would help families.") == [
        ("The shadow minister", "criticised", ["the council for claiming the new tax would help families"]),
        ("the council", "claiming", ["the new tax would help families"]),
    ]
    assert _found("She accused the company of claiming its products were safe.") == [
        ("She", "accused", ["the company of claiming its products were safe"]),
        ("the company", "claiming", ["its products were safe"]),
    ]


def test_near_case_an_accusation_s_grounds_without_a_reported_clause_report_nothing_more():
    for text in (
        "The union criticised the firm for announcing job cuts.",
        "Critics accused the minister of denying the problem.",
        "They accused him of threatening staff.",
    ):
        assert [cue for _, cue, _ in _found(text)] in (["criticised"], ["accused"]), text


def test_a_speech_participle_after_by_reports_a_bare_finite_clause():
    assert _found("The foreign secretary hit back by saying Tory policy had kept the party out of power.") == [
        ("The foreign secretary", "saying", ["Tory policy had kept the party out of power"])
    ]
    assert _found("The coach responded by insisting the team had played well.") == [
        ("The coach", "insisting", ["the team had played well"])
    ]


def test_near_case_by_and_a_participle_without_a_finite_clause_is_a_deed():
    for text in (
        'Start by saying "come" when the dog looks at you.',
        "He ended the meeting by announcing a new plan.",
        "Users can play any song just by saying its name.",
        "He should start by explaining how they would fund their spending commitments.",
    ):
        assert _found(text) == [], text


def test_a_comma_less_speech_participle_after_its_clause_reports_for_the_clause_s_subject():
    assert _found("Maria wrote to the mayor's office saying she had been overcharged for years.") == [
        ("Maria", "saying", ["she had been overcharged for years"])
    ]
    assert _found(
        'The bank\'s former chairman Tom Reed resigned in March claiming he had been "misled" by the board.'
    ) == [("The bank's former chairman Tom Reed", "claiming", ['he had been "misled" by the board'])]
    assert _found("The ministry refuses to release the contract on safety grounds saying such deals are secret.") == [
        ("The ministry", "saying", ["such deals are secret"])
    ]
    assert _found('Mr Jarvis was quoted in the Courier newspaper saying: "The council has lost its way."') == [
        ("Mr Jarvis", "saying", ['"The council has lost its way."'])
    ]
    assert _found("Later Mr Dunn was heard saying he was tired of the job.") == [
        ("Mr Dunn", "saying", ["he was tired of the job"])
    ]


def test_near_case_a_comma_less_participle_after_an_object_that_may_say_it_or_a_deed_reports_nothing():
    for text in (
        "The mayor met residents saying they had been flooded three times.",  # the residents may have said it
        "She agreed to meet voters saying they felt ignored.",  # "to" and a verb: a direct object again
        "Fans paid for an advert in the New York Times announcing the browser was ready.",  # the advert announced it
        "He was an assistant to the solicitor general arguing cases before the justices.",  # a deed, no clause
        "I'm not saying the vaccines are unsafe.",  # negated: no report
        "There is truth in the saying that imitation is the sincerest form of flattery.",  # "the saying": a noun
        "Forbes outed the tycoon in 2017 for claiming the flat was larger than it was.",  # grounds, not a report
        "The council objected to saying the plan was final.",  # the participle is the preposition's object
    ):
        assert [cue for _, cue, _ in _found(text) if cue in ("saying", "announcing", "arguing", "claiming")] == [], text


def test_a_noun_phrase_opening_the_sentence_speaks_across_its_restrictive_relative_clause():
    for text, source in (
        (
            "A spokesman for the Association of British Insurers which represents most of the industry said the risk "
            "was small.",
            "A spokesman for the Association of British Insurers",
        ),
        (
            "Researchers at the university who led the study said the results were clear.",
            "Researchers at the university",
        ),
        ("The company which makes the chips said demand was strong.", "The company"),
        ("The union that represents most of the drivers said the strike would go ahead.", "The union"),
    ):
        assert [(found_source, cue) for found_source, cue, _ in _found(text)] == [(source, "said")], text


def test_near_case_a_clause_or_a_noun_s_content_before_the_relative_word_is_no_source():
    assert [
        (source, cue) for source, cue, _ in _found("One email sent in May came from someone who claimed he was ill.")
    ] == [("someone", "claimed")]
    assert [source for source, _, _ in _found("The claim that the minister lied was rejected, officials said.")] == [
        "officials"
    ]
    assert [
        (source, cue)
        for source, cue, _ in _found(
            "Partners of those who love their gadgets may shop early as experts warn that stocks will run out."
        )
    ] == [("experts", "warn")]


def test_a_plural_noun_and_the_participle_with_its_object_after_it_are_one_source():
    for text, source in (
        ("Analysts tracking the company said sales had slowed.", "Analysts tracking the company"),
        ("Protesters blocking the road said they would stay.", "Protesters blocking the road"),
    ):
        assert [found_source for found_source, _, _ in _found(text)] == [source], text


def test_near_case_a_participle_opening_the_sentence_leaves_the_subject_after_its_object():
    assert [source for source, _, _ in _found("After reading the report the minister said it was wrong.")] == [
        "the minister"
    ]


def test_a_request_in_a_relative_clause_on_the_source_ends_before_the_source_s_own_cue():
    assert _found("A midfielder who asked not to be named said the squad had lost faith in the coach.") == [
        ("A midfielder", "asked", ["not to be named"]),
        ("A midfielder", "said", ["the squad had lost faith in the coach"]),
    ]


def test_near_case_a_second_verb_of_the_same_subject_leaves_the_first_content_whole():
    assert _found("He said the plan was sound and asked the council to approve it.") == [
        ("He", "said", ["the plan was sound and asked the council to approve it"]),
        ("He", "asked the council", ["to approve it"]),
    ]
