"""Pronouns and descriptions resolved by the sentence's structure and the name's gender
(server/attributions/speakers/pronouns.py, mentions.py, descriptions.py, story.py): what the speaker talks about never
blocks the speaker, and a verb's object is not the subject a pronoun goes on with."""

from __future__ import annotations

from server.attributions import find_attributions


def _speaker(text: str, source: str, cue: str | None = None) -> str | None:
    """The speaker of the one attribution with this source (and cue)."""
    found = [a for a in find_attributions(text) if a.source == source and (cue is None or a.cue == cue)]
    assert len(found) == 1, [a.to_dict() for a in find_attributions(text)]
    return found[0].speaker


# --- a pronoun of the other gender in what the speaker said -------------------------------------------------------


def test_a_he_in_a_womans_reported_clause_does_not_block_her_she() -> None:
    text = 'Police Chief Maria Diaz said the suspect was arrested at his home.\n\n"He did not resist," she said.'
    assert _speaker(text, "she") == "Maria Diaz"


def test_a_she_in_a_mans_reported_clause_does_not_block_his_he() -> None:
    text = 'Coach Tom Ross said she had been the best player on the pitch.\n\n"She was outstanding," he said.'
    assert _speaker(text, "he") == "Tom Ross"


def test_near_cases_the_same_gender_in_the_content_and_a_named_third_party() -> None:
    same = 'Police Chief Maria Diaz said the officer had her full confidence.\n\n"She did everything right," she said.'
    assert _speaker(same, "she") == "Maria Diaz"
    third = "Sarah Collins said her son Jake Collins had been moved.\n\nShe added that the family was waiting for news."
    assert _speaker(third, "She") == "Sarah Collins"
    quote_first = '"He was everything to us," said his mother, Sarah Collins.\n\n"We miss him every day," she said.'
    assert _speaker(quote_first, "she") == "Sarah Collins"


def test_near_case_the_pronoun_in_the_same_paragraph() -> None:
    text = "Sarah Collins said he had been moved. She added that the family was waiting for news."
    assert _speaker(text, "She") == "Sarah Collins"


# --- a verb's object is not the subject a pronoun continues --------------------------------------------------------


def test_the_winner_not_the_beaten_opponent() -> None:
    text = 'Emma Raducanu beat Maria Sakkari in straight sets. "I played really well," she said.'
    assert _speaker(text, "she") == "Emma Raducanu"


def test_the_manager_not_the_referee_he_would_not_criticise() -> None:
    text = (
        "Pep Guardiola said the title race was over.\n\n"
        'Guardiola refused to criticise referee Anthony Taylor. "The referee did his job," he said.'
    )
    assert _speaker(text, "he") == "Pep Guardiola"


def test_the_manager_not_the_player_he_praised() -> None:
    text = (
        "Mikel Arteta said the team was ready.\n\n"
        "Arteta praised Bukayo Saka after the match. He said the winger had been outstanding."
    )
    assert _speaker(text, "He") == "Mikel Arteta"


def test_the_actress_not_the_role_she_played() -> None:
    text = (
        "Maggie Smith has died at 89. She played Minerva McGonagall in the Harry Potter films. "
        "She once said the role had been great fun."
    )
    assert _speaker(text, "She") == "Maggie Smith"


def test_not_the_husband_named_after_her() -> None:
    text = (
        "Jennifer Lawrence said the year had been hard. She lives in New York with her husband Cooke Maroney. "
        "In an interview, she revealed that she had been nervous."
    )
    assert _speaker(text, "she", "revealed") == "Jennifer Lawrence"


def test_the_unnamed_judge_not_the_man_he_sentenced() -> None:
    text = "The judge sentenced John Cole to ten years. He said the crime had been cruel."
    assert _speaker(text, "He") is None


def test_near_cases_the_object_a_pronoun_of_the_other_gender_or_a_body_brings_in() -> None:
    assert _speaker("She married John Smith in 1990. He said the wedding had been small.", "He") == "John Smith"
    assert _speaker("Mary Jones married John Smith in 1990. He said the wedding had been small.", "He") == "John Smith"
    assert _speaker("The actress married John Smith in 1990. He said the wedding was small.", "He") == "John Smith"
    assert _speaker("Police arrested John Smith on Monday. He said he was innocent.", "He") == "John Smith"


# --- "the force", "the club": a description that takes up the body named before ----------------------------------


def test_the_force_is_the_police_force_named_before() -> None:
    text = "Greater Manchester Police said a man had been arrested. The force said he remained in custody."
    assert _speaker(text, "The force") == "Greater Manchester Police"


def test_the_club_is_the_club_named_before() -> None:
    text = (
        'Arsenal said Bukayo Saka would miss six weeks. "Bukayo has undergone a successful operation," the club said '
        "in a statement."
    )
    assert _speaker(text, "the club") == "Arsenal"


def test_the_regulator_the_union_the_charity_the_campaign() -> None:
    regulator = "The Financial Conduct Authority said the rules would change. The regulator said firms had until June."
    assert _speaker(regulator, "The regulator") == "Financial Conduct Authority"
    assert _speaker("Unite said its members would strike. The union said talks had failed.", "The union") == "Unite"
    assert _speaker("Oxfam said aid was needed. The charity said families were starving.", "The charity") == "Oxfam"
    campaign = (
        "A spokesperson for the Harris campaign said the rally would go ahead. The campaign said it expected thousands."
    )
    assert _speaker(campaign, "The campaign") == "Harris campaign"


def test_near_case_the_company_and_a_club_with_no_body_before() -> None:
    company = "Barclays said profits rose. The company said it would hire more staff."
    assert _speaker(company, "The company") == "Barclays"
    assert _speaker("John Smith said he was leaving. The club said it wished him well.", "The club") is None


# --- a group with a participle's clause after it: the group speaks, not the name in the clause ---------------------


def _source_and_speaker(text: str) -> tuple[str | None, str | None]:
    found = find_attributions(text)
    assert len(found) == 1, [a.to_dict() for a in found]
    return found[0].source, found[0].speaker


def test_experts_not_involved_in_the_research() -> None:
    text = "Experts not involved in the research cautioned that the study was observational."
    assert _source_and_speaker(text) == ("Experts not involved in the research", "experts")


def test_passengers_stranded_at_an_airport() -> None:
    text = "Passengers stranded at Heathrow said they had been given no information."
    assert _source_and_speaker(text) == ("Passengers stranded at Heathrow", "passengers")


def test_the_group_not_the_name_in_its_participle_clause() -> None:
    workers = "Workers employed by Amazon said they worked long hours."
    assert _speaker(workers, "Workers employed by Amazon") == "workers"
    fans = "Fans queuing outside Wembley said they had waited for hours."
    assert _speaker(fans, "Fans queuing outside Wembley") == "fans"
    families = "Families affected by the Grenfell fire said they were still waiting for justice."
    assert _speaker(families, "Families affected by the Grenfell fire") == "families"


def test_near_cases_members_placed_at_a_body_and_documents_a_body_made() -> None:
    assert _source_and_speaker("Scientists who were not involved in the study said it was important.") == (
        "Scientists",
        "scientists",
    )
    doctors = "Doctors at the hospital in Leeds said the patient was stable."
    assert _source_and_speaker(doctors) == ("Doctors at the hospital in Leeds", "doctors")
    analysts = "Analysts at Goldman Sachs said the market would fall."
    assert _source_and_speaker(analysts) == ("Analysts at Goldman Sachs", "Goldman Sachs")


# --- a role-only lead, its holder named with the same role just after (cataphora) ------------------------------------


def test_an_opposition_leader_named_as_head_of_his_party_just_after() -> None:
    text = (
        "South Korea's opposition leader said Wednesday that the party would seek talks with the government. "
        '"We need dialogue," he told reporters.\n\n'
        '"The people are tired," Lee Jae-myung, head of the Democratic Party, said.'
    )
    assert _speaker(text, "South Korea's opposition leader") == "Lee Jae-myung"
    assert _speaker(text, "he") == "Lee Jae-myung"


def test_the_head_of_a_watchdog_named_as_its_director_general_just_after() -> None:
    text = (
        "The head of the U.N. nuclear watchdog said on Monday that inspectors had returned to the site.\n\n"
        '"We are back," Rafael Grossi, director general of the International Atomic Energy Agency, told a news '
        "conference."
    )
    assert _speaker(text, "The head of the U.N. nuclear watchdog") == "Rafael Grossi"


def test_near_cases_no_role_match_no_holder() -> None:
    other_role = (
        "Britain's prime minister said on Monday that the government would cut immigration.\n\n"
        '"The system is broken," John Smith, a Labour lawmaker, said.'
    )
    assert _speaker(other_role, "Britain's prime minister") is None
    title = (
        "Mexico's president said Monday that her government would not accept U.S. troops on its soil.\n\n"
        '"Sovereignty is not negotiable," President Claudia Sheinbaum Pardo said at her daily news conference.'
    )
    assert _speaker(title, "Mexico's president") == "Claudia Sheinbaum Pardo"


def test_a_participle_taking_to_or_near() -> None:
    experts = "Experts unconnected to Pfizer said the results were promising."
    assert _source_and_speaker(experts) == ("Experts unconnected to Pfizer", "experts")
    residents = "Residents living near the Tesla factory said the noise was constant."
    assert _source_and_speaker(residents) == ("Residents living near the Tesla factory", "residents")


def test_a_spokesperson_for_the_force_or_the_company() -> None:
    force = "Greater Manchester Police said a man had been arrested. A spokesman for the force said he was in custody."
    assert _speaker(force, "A spokesman for the force") == "Greater Manchester Police"
    company = "Barclays said profits rose. A spokesperson for the company said it would hire more staff."
    assert _speaker(company, "A spokesperson for the company") == "Barclays"


def test_near_case_a_spokesperson_for_a_body_the_text_does_not_name() -> None:
    text = "Responding to Smith, a spokesman for the ministry said the claims were false."
    assert _speaker(text, "a spokesman for the ministry") == "spokesman for the ministry"


def test_not_the_name_apposed_to_a_prepositions_object() -> None:
    text = (
        "Chancellor Olaf Scholz returned from Paris on Tuesday.\n\n"
        "Mr Scholz held talks with his French counterpart, Emmanuel Macron, and the Polish leader, Donald Tusk. "
        "He said that a new defence fund would be set up."
    )
    assert _speaker(text, "He") == "Olaf Scholz"


def test_not_the_name_in_a_relative_clause_a_preposition_opens() -> None:
    which = (
        "Tory MP Tom Hughes said the rules were a mess and asked how police would cope.\n\n"
        "Farmer Mark Ellis was put in touch with the Rural Alliance, of which Mr Hughes is a co chairman, after he had "
        "been in contact with the ministry. He had asked whether his dogs could be used."
    )
    assert _speaker(which, "He") == "Mark Ellis"
    for_which = (
        "Former minister Tom Hughes said the plan was a mess.\n\n"
        "Defence chief Mark Ellis warned of delays, like the ones for which Mr Hughes recently apologised. "
        '"We cannot wait," he told the programme.'
    )
    assert _speaker(for_which, "he") == "Mark Ellis"


def test_near_case_a_name_apposed_to_an_object_when_no_subject_fits() -> None:
    text = (
        "The inquiry was chaired by the committee's head, Kate Dalmeny.\n\n"
        "She said that the report would be published in June."
    )
    assert _speaker(text, "She") == "Kate Dalmeny"


def test_the_company_is_no_party_nor_a_government_body() -> None:
    for before in (
        "The Tories said the plan would cost jobs.",
        "Mr Blair derided Tory claims that they could cut spending.",
        "The Home Office said the plan was lawful.",
    ):
        text = f"{before}\n\nThe company rejected the offer, saying it undervalued the firm."
        assert _speaker(text, "The company") is None, before


def test_near_case_the_company_is_the_business_named_before() -> None:
    text = "Barclays said profits rose.\n\nThe company rejected the offer, saying it undervalued the bank."
    assert _speaker(text, "The company") == "Barclays"


# --- a possessor in an object is no subject a pronoun continues -----------------------------------------------------


def test_not_the_titled_possessor_of_the_verb_s_object() -> None:
    text = (
        "Peter Lowe said the vote was close.\n\n"
        "Tom Kerr, the party's leader, said the campaign had been fair. He then backed Mr Lowe's stance on transport. "
        '"It is the right plan," he said.'
    )
    assert _speaker(text, "he") == "Tom Kerr"


def test_not_the_possessor_of_a_claim_the_speaker_hits_back_at() -> None:
    text = (
        "Peter Lowe said he hoped for a late flurry of votes.\n\n"
        'Mark Dunne, spokesman for the No campaign, said the debate had sunk "into the gutter". And he hit back at '
        'Mr Lowe\'s claim that an assembly would help the region. "It can push paper around," he said.'
    )
    assert _speaker(text, "he", "said") == "Mark Dunne"
    assert _speaker(text, "Mr Lowe") == "Peter Lowe"


def test_near_cases_a_possessor_opening_its_clause_and_a_plain_subject() -> None:
    opening = 'Tom Kerr said the vote was close.\n\nMr Kerr\'s plan was later rejected. "It was fair," he said.'
    assert _speaker(opening, "he") == "Tom Kerr"
    subject = 'Ann Bryce said it was close.\n\nMark Dunne praised Ms Bryce. "She did well," he said.'
    assert _speaker(subject, "he") == "Mark Dunne"


# --- a name with a role apposed without its article is a person's -------------------------------------------------


def test_a_name_apposed_to_a_bare_role_is_the_person_a_she_continues() -> None:
    text = (
        'According to search firm Quickfind, most surfers start at a search engine. "It is still a bit robotic," said '
        "founder Tom Reed. But Laura Quinn, access officer at the Vision Trust, questioned whether such sites added "
        "anything to blind people's experience of the web. \"There are a whole lot of options like this springing up "
        'and one has to think carefully about what the market is going to be," she said.'
    )
    assert _speaker(text, "she") == "Laura Quinn"


def test_a_name_apposed_to_a_bare_role_is_the_person_a_he_continues() -> None:
    text = (
        "Tom Reed, chair of the rail board, said it was the best plan available. Mark Dunne, spokesman for the Rail "
        "Users Group, attacked the timetable and the way it was drawn up by officials over many months of closed talks "
        'with the train companies. "Passengers were never asked about any of it and the result is a mess for everyone '
        'who travels," he said.'
    )
    assert _speaker(text, "he") == "Mark Dunne"


def test_near_cases_an_article_apposition_and_a_body_apposed_to_a_bare_kind() -> None:
    article = 'Tom Reed said it was fine. Ben Ash, a lecturer, said the tool could help. "It is good," he said.'
    assert _speaker(article, "he") == "Ben Ash"
    body = (
        "Laura Quinn said the new tool was welcome. Vision Trust, charity for the blind, has tested the tool. "
        '"It reads the results out well," she said.'
    )
    assert _speaker(body, "she") == "Laura Quinn"


# --- a body's kind before a source's name makes it a body, no he or she --------------------------------------------


def test_a_she_is_not_the_firm_its_kind_introduces() -> None:
    text = (
        "According to search firm Fast Find, most surfers start at a search engine.\n\n"
        '"We will be adding voices soon and we expect the feature to be popular with older users," she said.'
    )
    assert _speaker(text, "she") is None


def test_near_cases_the_person_named_after_the_firm_and_its_it() -> None:
    person = (
        "Drugmaker Nova Pharma said sales rose. Its founder Anna Cole said the results were good. "
        '"We are pleased," she said.'
    )
    assert _speaker(person, "she") == "Anna Cole"
    body = "Search firm Fast Find said most surfers start at a search engine. It said voices would be added soon."
    assert _speaker(body, "It") == "Fast Find"


# --- a title's body runs into its holder's name -----------------------------------------------------------------


def test_the_holder_named_after_the_body_his_title_names() -> None:
    home = (
        'Tom Reed said the plans were sound. "We will cut waste," he said.\n\n'
        'But Minister of State at the Home Office Ian Shore attacked the plans. "These are cuts by another name," he '
        "said."
    )
    assert [a.speaker for a in find_attributions(home) if a.source == "he"] == ["Tom Reed", "Ian Shore"]
    exchequer = (
        'Tom Reed said the plans were sound. "We will cut waste," he said.\n\n'
        'Chancellor of the Exchequer Gordon Hale attacked the plans. "These are cuts by another name," he said.'
    )
    assert [a.speaker for a in find_attributions(exchequer) if a.source == "he"] == ["Tom Reed", "Gordon Hale"]


def test_near_case_a_given_name_inside_a_body_s_name_no_article_opens() -> None:
    text = (
        "Priya Shah is a teacher who helps with the newly created South East Asia Flood Blog. She says the blog is "
        "growing fast."
    )
    assert _speaker(text, "She") == "Priya Shah"


# --- an "it" goes on with the description that spoke in the sentence before ----------------------------------------

ADMINISTRATOR = (
    "Northwind Games has collapsed with the loss of 90 jobs. Northwind said it had run out of cash.\n\n"
    "Northwind called in administrators Bell Hart & Co on Friday to find a buyer for the business. The administrator "
    "told reporters that the costs of a rescue would be too high. It said it hoped to save some 40 jobs."
)


def test_an_it_after_an_unnamed_administrator_is_not_the_firm_in_administration() -> None:
    assert _speaker(ADMINISTRATOR, "It") is None


def test_near_case_an_it_after_the_company_is_the_company() -> None:
    text = (
        "Northwind Games has collapsed with the loss of 90 jobs.\n\n"
        "Northwind said it had run out of cash. The company told reporters that the costs were too high. It said it "
        "hoped to save some jobs."
    )
    assert _speaker(text, "It") == "Northwind Games"


# --- an unnamed one who spoke just before goes on --------------------------------------------------------------------

SPOKESMAN = (
    'Health Secretary Tom Reed said the new contract was fair. "It is the best offer we can make," he said.\n\n'
    "A spokesman for the Association of Hospital Doctors said the deal would drive staff abroad. He added that many "
    "members were already looking for work overseas."
)


def test_a_he_after_an_unnamed_spokesman_stays_unresolved() -> None:
    assert _speaker(SPOKESMAN, "He") is None


def test_near_cases_a_named_spokesman_and_a_person_named_between() -> None:
    named = (
        "Health Secretary Tom Reed said the new contract was fair.\n\n"
        "A spokesman for the doctors, John Hale, said the deal would drive staff abroad. He added that many were "
        "looking overseas."
    )
    assert _speaker(named, "He") == "John Hale"
    between = (
        "Health Secretary Tom Reed said the contract was fair.\n\n"
        "A nurse said the deal was poor. Health Secretary Tom Reed disagreed with her. He added that the offer was "
        "final."
    )
    assert _speaker(between, "He") == "Tom Reed"
