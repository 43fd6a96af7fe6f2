"""Whole quotes through real-world typography and continuations (issue #14): a quotation carried over paragraphs after
a colon and an aside, a partial quotation after a fronted phrase, doubled and mixed marks. Passages are written for
the tests, not taken from the annotated sets; each class has a near case the finder must still leave alone."""

from __future__ import annotations

import pytest

from server.attributions import find_attributions
from server.attributions.structure import paragraphs, quote_spans
from tests.test_attributions_recall import _found


def _quotes(text: str) -> list[str]:
    return [text[start:end] for start, end in quote_spans(text, paragraphs(text))]


# ------------------------------------------------------------------ a colon after an aside, quoted paragraphs after


def test_a_colon_after_a_participle_aside_introduces_the_quotation_and_its_paragraphs():
    text = (
        "The coach was asked about the season.\n\n"
        'He added, speaking of the injuries that kept him off the pitch: "It was the hardest year I have had.\n\n'
        '"I watched most games from the stands.\n\n'
        '"Next season will be different."'
    )
    assert _found(text) == [
        (
            "He",
            "added",
            [
                '"It was the hardest year I have had.',
                '"I watched most games from the stands.',
                '"Next season will be different."',
            ],
        )
    ]


def test_a_colon_after_a_preposition_aside_introduces_the_quotation():
    text = 'The mayor said of the court ruling: "We will appeal it."\n\n"We have the votes."'
    assert _found(text) == [("The mayor", "said", ['"We will appeal it."', '"We have the votes."'])]


def test_a_gerund_object_or_a_reporting_participle_before_the_colon_is_no_aside():
    # right after the verb a gerund is its object; "saying" is a cue of its own and has the quotation
    text = 'Lopez recommends choosing a plan that fits your budget: "Start small and keep going."'
    assert _found(text)[0][2] == ['choosing a plan that fits your budget: "Start small and keep going."']
    text = 'The council urged residents to stay home, saying: "The roads are not safe tonight."'
    assert ("The council", "saying", ['"The roads are not safe tonight."']) in _found(text)
    assert ("The council", "urged residents", ["to stay home"]) in _found(text)


def test_an_aside_with_a_reporting_verb_or_a_clause_of_its_own_introduces_no_quotation():
    # a reviewer's passages: the quotation after the colon is the other speaker's, or the clause is the content
    text = 'Smith waited.\n\nThen he said, after Jones told the room: "We are finished."'
    assert [(source, cue) for source, cue, _ in _found(text)] == [("Jones", "told the room")]
    text = 'Smith wrote about her mother telling her as a child: "Never give up."'
    assert all(fragments != ['"Never give up."'] or source != "Smith" for source, _, fragments in _found(text))
    text = 'The mayor said in 2019 the plan had one flaw: "cost."'
    assert all(fragments != ['"cost."'] for _, _, fragments in _found(text))


# ------------------------------------------------------------------ a partial quotation after a fronted phrase


def test_a_partial_quotation_after_a_short_fronted_phrase_goes_on_from_the_cue_before():
    text = (
        '"The county has done nothing to fix the road," Kaur said. As a driver, "you take your life in your hands '
        'every morning on that bend."'
    )
    assert _found(text) == [
        (
            "Kaur",
            "said",
            [
                '"The county has done nothing to fix the road,"',
                '"you take your life in your hands every morning on that bend."',
            ],
        )
    ]


def test_a_quoted_phrase_inside_the_next_sentence_or_after_a_name_is_not_carried_on():
    text = '"The county has done nothing," Kaur said. In the end, "the bypass" was never built.'
    assert _found(text) == [("Kaur", "said", ['"The county has done nothing,"'])]
    text = '"The county has done nothing," Kaur said. As Tom Reyes put it, "the bend is a death trap."'
    assert _found(text) == [
        ("Kaur", "said", ['"The county has done nothing,"']),
        ("Tom Reyes", "put it", ['"the bend is a death trap."']),
    ]


# a reviewer's passages: the fronted phrase keeps to the speaker's own view (a role, the speaker's possessive, a time
# or degree), so the quotation after it goes on from the speaker's
SPEAKERS_OWN_VIEW = [
    '"We are asking a lot of teachers," Dana Slemp said. As a parent, "we\'re supposed to trust the district, and I '
    "don't anymore.\"",
    '"The market will recover," the economist Paul Grant said. In his view, "the panic is overdone."',
    '"The bridge is safe," engineer Tom Ruiz said. At least for now, "it will hold."',
    '"I didn\'t think about it," Kyle Burns said of the crash. At the time, "all I wanted was to get out of the car."',
    '"Our country is doing nothing," Slemp said. As a parent, "we\'re supposed to keep our kids safe."',
]
# and those where it names another party or moves to someone else's words: a response, a place, a document
SOMEONE_ELSES = [
    '"This is the best deal we could get," Mayor Alan Price said. To critics, "it is a giveaway to developers."',
    '"We want a fair contract," said Lena Ford, a nurse. For the hospital, "the offer on the table is final."',
    '"I\'m proud of this team," Coach Ann Lowe said. On the other side, "we just ran out of gas."',
    '"We will build it," Mayor Ruth Hale said. To its opponents, "it is a waste of $40 million."',
    '"We followed the law," the sheriff\'s spokesman, Dale Ames, said. In response, "the family\'s lawyers filed '
    'suit."',
    '"My client is innocent," attorney Lisa Grant said. In court filings, "the defendant admitted to being at the '
    'scene."',
    '"The line moved fast," voter Jan Ortiz said. Elsewhere in the county, "hours-long waits were reported."',
    # near cases: a possessive that is not the speaker's, a result, a statement
    '"Nobody told us anything," said Rosa Díaz, who lives on the block. In the city\'s view, "residents were notified '
    'twice."',
    '"The market will recover," Mr. Paul Grant said. In her view, "the panic is overdone."',
    '"We lost the vote," Lee said. As a result, "the school will close."',
    '"We have cooperated fully," the company\'s lawyer, Ruth Hale, said. In a statement, "the board regrets any '
    'confusion."',
]


@pytest.mark.parametrize("text", SPEAKERS_OWN_VIEW)
def test_a_fronted_phrase_of_the_speakers_own_view_carries_the_quote_on(text: str) -> None:
    said = [fragments for _, cue, fragments in _found(text) if cue == "said"]
    assert len(said) == 1 and len(said[0]) == 2


@pytest.mark.parametrize("text", SOMEONE_ELSES)
def test_a_fronted_phrase_naming_another_party_or_a_response_place_or_document_ends_the_quote(text: str) -> None:
    said = [fragments for _, cue, fragments in _found(text) if cue == "said"]
    assert len(said) == 1 and len(said[0]) == 1


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


def test_a_straight_mark_opening_a_sentence_inside_an_open_quotation_carries_it_on():
    # a quotation whose paragraphs were run together: each part still opens with a mark, only the last one closes
    text = (
        'Nadia Okoro, of the Harbour Traders Association, said: "We asked the council twice for more time. '
        '"Nobody answered our letters. "Now the market closes in June."'
    )
    assert _quotes(text) == [
        '"We asked the council twice for more time. "Nobody answered our letters. "Now the market closes in June."'
    ]
    assert _found(text)[0][2] == [
        '"We asked the council twice for more time. "Nobody answered our letters. "Now the market closes in June."'
    ]
    curly = text.replace(' "', " “").replace('."', ".”")
    assert _quotes(curly) == [
        "“We asked the council twice for more time. “Nobody answered our letters. “Now the market closes in June.”"
    ]


def test_a_straight_mark_after_a_word_or_before_a_space_still_closes():
    # nested straight marks ('need "major" changes') and a stray space before a closer keep closing
    text = 'The report said pensions "would need "major" changes soon", a claim the union rejects.'
    assert _quotes(text)[0] == '"would need "'
    text = 'He added: "It was a long night. " Then he left the hall.'
    assert _quotes(text) == ['"It was a long night. "']


def test_a_single_quoted_title_beside_double_quotes_is_no_quotation():
    text = "“It was our best year,” said Ruiz, whose band played ‘Harbour Lights’ at the fair."
    assert _quotes(text) == ["“It was our best year,”"]


# ------------------------------------------------------------------ an apposition left without its closing comma


def test_a_name_and_an_apposition_without_its_closing_comma_are_the_source():
    text = (
        "‘It is very rare for a mint to ship a flawed coin, and rarer still for it to reach a till,’ Dana Kolb, "
        "curator of coins at the Hale Museum, a collection in Ohio told the Herald."
    )
    assert [(a.source, a.cue, a.speaker) for a in find_attributions(text)] == [
        ("Dana Kolb, curator of coins at the Hale Museum, a collection in Ohio", "told the Herald", "Dana Kolb")
    ]


def test_a_clause_after_the_names_comma_is_no_apposition():
    text = '"We will win the vote," Ana Ruiz, who runs the union, and the city council told reporters.'
    assert _found(text) == []


# ------------------------------------------------------------------ a paraphrase carried on by the next paragraph


def test_a_quotation_with_no_cue_after_a_paraphrase_continues_it():
    # GUIDELINES: a cue-less quotation right after the same speaker's paraphrase is a further fragment of it
    text = (
        'Ines Haddad, of the Tenants Union, said the new rules "came far too late".\n\n'
        '"Families have been waiting three winters for repairs."'
    )
    assert _found(text) == [
        (
            "Ines Haddad, of the Tenants Union",
            "said",
            ['the new rules "came far too late"', '"Families have been waiting three winters for repairs."'],
        )
    ]


def test_a_paraphrase_is_carried_on_past_an_earlier_speakers_quotation_and_into_run_together_narration():
    # the paragraph's last attribution is the paraphrase; the next one's quotation ends a sentence, narration follows
    text = (
        'Omar Reyes said: "We are done talking." Ines Haddad said the plan was unfair.\n\n'
        '"Nobody asked us. "Nobody ever does." Ms Haddad said she would appeal.'
    )
    assert ("Ines Haddad", "said", ["the plan was unfair", '"Nobody asked us. "Nobody ever does."']) in _found(text)


def test_a_heading_or_a_quote_ending_in_a_comma_does_not_carry_a_paraphrase_on():
    text = "Paul Ward said the mine would not reopen.\n\n‘No Work’\n\nThe valley lost 400 jobs."
    assert _found(text) == [("Paul Ward", "said", ["the mine would not reopen"])]
    text = 'Critics said the plan was rushed.\n\n"Reckless," one of them, a farmer, noted in passing.'
    assert ("Critics", "said", ["the plan was rushed"]) in _found(text)


def test_what_the_cue_was_said_of_ends_no_quotation_that_the_next_paragraph_carries_on():
    text = (
        '"The vote is not about one party," union organiser Leah Brandt said of Friday\'s ballot.\n\n'
        '"It is about whether anyone here gets a raise."'
    )
    assert _found(text) == [
        (
            "union organiser Leah Brandt",
            "said",
            ['"The vote is not about one party,"', '"It is about whether anyone here gets a raise."'],
        )
    ]


def test_a_quotation_naming_the_speaker_is_someone_elses_and_does_not_carry_the_paraphrase_on():
    text = 'Mayor Ortiz said he would not run again.\n\n"Ortiz left the whole council in the lurch."'
    assert _found(text) == [("Mayor Ortiz", "said", ["he would not run again"])]


# ------------------------------------------------------------------ British single quotes


@pytest.mark.parametrize(
    "text, content",
    [
        ("'It's the fans' day, not ours,' said manager Tom Ross.", "'It's the fans' day, not ours,'"),
        (
            "‘We have to protect our members’ jobs and their pay,’ said Ann Lee.",
            "‘We have to protect our members’ jobs",
        ),
        ("Ann Lee said: 'We have to protect our members' jobs.'", "'We have to protect our members' jobs.'"),
    ],
)
def test_a_plural_possessive_inside_a_single_quoted_quotation_does_not_close_it(text, content):
    [(_source, cue, contents)] = _found(text)
    assert cue == "said" and contents[0].startswith(content) and contents[0].endswith(("'", "’"))
    assert [a.kind for a in find_attributions(text)] == ["direct"]


def test_a_scare_quote_closing_after_a_plural_still_closes():
    assert _quotes("Critics said the so-called 'experts' say the plan would work.") == ["'experts'"]


def test_a_short_single_quoted_quotation_before_its_cue_is_speech():
    assert _found("'Brilliant,' he said.") == [("he", "said", ["'Brilliant,'"])]
    text = "Ross said the families were invited. 'It's brilliant,' he said."
    assert _found(text) == [
        ("Ross", "said", ["the families were invited"]),
        ("he", "said", ["'It's brilliant,'"]),
    ]


def test_a_short_single_quoted_title_is_not_speech():
    assert _found("He said the film 'Marry Me' was his favourite.") == [
        ("He", "said", ["the film 'Marry Me' was his favourite"])
    ]


# ------------------------------------------------------------------ a quotation over paragraphs with a second cue


def test_a_second_cue_in_a_running_quotation_starts_a_new_attribution_in_its_paragraph():
    text = (
        'Council leader Tom Reid told the meeting: "Every penny is accounted for.\n\n'
        '"We have frozen senior pay.\n\n'
        '"And we will keep being careful," he said.'
    )
    assert _found(text) == [
        (
            "Council leader Tom Reid",
            "told the meeting",
            ['"Every penny is accounted for.', '"We have frozen senior pay.'],
        ),
        ("he", "said", ['"And we will keep being careful,"']),
    ]


def test_the_tail_of_a_split_quotation_stays_with_its_cue_when_the_next_paragraph_has_a_cue():
    text = (
        '"Every penny is accounted for," said council leader Tom Reid. "We have been careful.\n\n'
        '"And we will keep being careful," he added.'
    )
    assert _found(text) == [
        ("council leader Tom Reid", "said", ['"Every penny is accounted for,"', '"We have been careful.']),
        ("he", "added", ['"And we will keep being careful,"']),
    ]


def test_a_cue_after_a_running_quotation_closes_is_not_one_of_its_cues():
    text = (
        'Mr Blair said: "I dealt with this six months ago.\n\n'
        '"What we are concentrating on are the issues." The book said the pair had fallen out.'
    )
    [blair, book] = _found(text)
    assert blair == (
        "Mr Blair",
        "said",
        ['"I dealt with this six months ago.', '"What we are concentrating on are the issues."'],
    )
    assert book[:2] == ("The book", "said")


# ------------------------------------------------------------------ sign-offs after a quotation


def test_a_spaced_hyphen_and_a_bulleted_line_sign_a_quotation_as_a_dash_does():
    text = (
        '"Best six minutes of my day." — Margaret Hill, retired teacher\n\n'
        '"I have never seen him miss a tide." - Sam Carter, harbourmaster\n\n'
        '- "It keeps me going." — Ann Lee, swimmer'
    )
    assert _found(text) == [
        ("Margaret Hill, retired teacher", "—", ['"Best six minutes of my day."']),
        ("Sam Carter, harbourmaster", "-", ['"I have never seen him miss a tide."']),
        ("Ann Lee, swimmer", "—", ['"It keeps me going."']),
    ]
    # a hyphen inside a word after the quotation is no sign-off
    assert _found('"Best of the year" -Sam Carter') == []
