"""Speakers the story names outside its attributions (server/attributions/speakers/: voices.py, pronouns.py,
descriptions.py, naming.py; names.py): an interview's and a signed piece's first persons, a couple, a gendered title, a
body's members by its acronym, and names with possessives and particles."""

from __future__ import annotations

from server.attributions import find_attributions, names
from server.attributions.speakers.descriptions import _name_run
from tests.test_attributions_speakers import _speaker

# --- interviews -----------------------------------------------------------------------------------------------

QA_INTERVIEW = (
    "Nutrition researcher Dana Whitcombe joins the school this autumn.\n\n"
    "Whitcombe moved her lab over the summer. She recently spoke about her research.\n\n"
    "Q: What are the benefits of fasting?\n\n"
    "A: We have found that eating earlier in the day helps blood sugar.\n\n"
    "Q: What do you eat?\n\n"
    "A: I eat during an eight-hour window.\n\n"
    "If that does not work for you, I suggest eating your larger meals earlier in the day."
)


def test_the_first_person_of_an_interviews_answers_is_the_person_its_introduction_names():
    # the answer's own paragraph and the one that goes on with it, after "A:"
    assert _speaker(QA_INTERVIEW, "I", "suggest") == "Dana Whitcombe"


def test_a_first_person_before_an_interviews_first_question_stays_unnamed():
    t = "I suggest that you read this twice.\n\n" + QA_INTERVIEW.replace("I suggest", "she suggests")
    assert _speaker(t, "I", "suggest") is None


NAMED_INTERVIEW = (
    "Three decades ago Thomas Malone wrote a seminal paper on markets.\n\n"
    "The Economist asked Mr Malone five questions.\n\n"
    "The Economist: What do you mean by superminds? Why coin a new term?\n\n"
    "Thomas Malone: A supermind is a group of minds that work together.\n\n"
    "The Economist: You argue that groups are smarter than machines. Why?\n\n"
    "Mr Malone: I would say that groups with more women did better.\n\n"
    "The Economist: You say that markets are free. Is that so?\n\n"
    "Mr Malone: Markets are the only supermind where you are not bound by a decision.\n\n"
    "“Superminds” by Thomas W. Malone is published this week."
)


def test_an_interviewers_you_and_the_answers_i_are_the_person_the_answer_labels_name():
    assert _speaker(NAMED_INTERVIEW, "You", "argue") == "Thomas W. Malone"
    assert _speaker(NAMED_INTERVIEW, "I", "would say") == "Thomas W. Malone"


def test_labelled_headings_are_no_interview():
    # two labels that take turns, but neither asks: a review's headings, and "We" stays the unnamed writer (not
    # "Best For", the labels' words)
    t = (
        "Pro Tip: Charge the battery overnight.\n\n"
        "Best For: Long trips with children.\n\n"
        "Pro Tip: Keep the tyres inflated. We said that it saves range.\n\n"
        "Best For: Commuters who drive every day."
    )
    assert _speaker(t, "We") is None


# --- a signed piece's author ------------------------------------------------------------------------------------


def test_a_bylines_name_is_the_author_its_first_person_stands_for():
    body = (
        "Set times when you are not going to use your phone.\n\n"
        "Some of my research has shown that using your phone around others can be perceived as rude."
    )
    assert _speaker("By Shelia R. Cotten\n\n" + body, "Some of my research") == "Shelia R. Cotten"
    assert _speaker(body, "Some of my research") is None  # no byline: the writer is unnamed
    # a name and a place alone may be a letter's signer, a credit or a heading: no byline
    assert _speaker("Shelia R. Cotten, Clemson University\n\n" + body, "Some of my research") is None


def test_a_self_introduction_names_the_author_and_a_heading_does_not():
    t = (
        "Welcome to the show. I’m your host Dr. Michael Greger.\n\n"
        "Bleach is harsh and, I would say, the tea tree oil cleaner works even better."
    )
    assert _speaker(t, "I", "would say") == "Michael Greger"
    heading = t.replace("I’m your host Dr. Michael Greger.", "I'm Worth It.\n\nIt is worth a try.")
    assert _speaker(heading, "I", "would say") is None


# --- couples and gendered titles ----------------------------------------------------------------------------------


def test_the_couple_is_the_two_people_the_text_last_names_together():
    t = (
        "Both Harry and Meghan spoke with candor during the interview.\n\n"
        "Harry said the family had cut him off. Meghan said she had felt alone.\n\n"
        "The weather in California was warm that week.\n\n"
        "The pair said they suggested moving to a Commonwealth country."
    )
    assert _speaker(t, "The pair") == "Harry; Meghan"
    assert _speaker(t, "they") == "Harry; Meghan"  # the subject of its sentence, whom the pair's "they" continues


def test_a_gendered_title_stands_for_no_one_word_name():
    # "Kate" named but not quoted may be the duchess as well: a one-word name is no title's holder
    t = (
        "Meghan said that she had felt unprotected by the palace during her pregnancy. Kate was not there.\n\n"
        "The duchess revealed that life within the family was isolating."
    )
    assert _speaker(t, "The duchess") is None
    full = t.replace("Meghan said", "Meghan Markle said")
    assert _speaker(full, "The duchess") == "Meghan Markle"


# --- bodies and names ----------------------------------------------------------------------------------------------


def test_an_acronyms_officials_speak_for_its_body_and_a_countrys_do_not():
    spelled = "The World Health Organization (WHO) met in Geneva. WHO officials said the virus was spreading."
    assert _speaker(spelled, "WHO officials") == "World Health Organization"  # the name the text spells it with
    quoted = "WHO said on Monday that cases rose. WHO officials said the virus was spreading."
    assert _speaker(quoted, "WHO officials") == "WHO"
    # an acronym the text gives no body for: its officials are a group, not a country or a league speaking
    assert _speaker("US officials said the talks had failed.", "US officials") == "US officials"
    assert _speaker("UAE officials said the talks would resume.", "UAE officials") == "UAE officials"
    assert _speaker("NFL officials said the call was correct.", "NFL officials") == "NFL officials"


def test_a_group_keeps_the_capitals_of_its_acronyms_and_nationalities():
    assert _speaker("French prosecutors said the case was closed.", "French prosecutors") == "French prosecutors"
    assert _speaker("Senior officials said the case was closed.", "Senior officials") == "senior officials"
    # a singular group head too ("media", "police")
    assert _speaker("Russian state media said the talks would resume.", "Russian state media") == "Russian state media"
    assert _speaker("British police said the man was arrested.", "British police") == "British police"


def test_a_possessive_first_word_is_the_names_own_unless_a_person_follows_it():
    assert names.name_core("Children's Hospital Colorado") == "Children's Hospital Colorado"
    assert names.name_core("Macy's Inc.") == "Macy's Inc."
    assert names.name_core("Moody's Analytics") == "Moody's Analytics"
    assert names.name_core("Biden's Lloyd Austin") == "Lloyd Austin"
    assert names.name_core("Britain's Prince Harry") == "Prince Harry"  # a royal by title only keeps it
    assert names.name_core("Ferah's reviews") == "reviews"  # no name: the owner's words, read as before


def test_names_with_particles_are_one_person_however_their_particles_are_written():
    assert names.same_name(["Jo-Ann", "W.", "De", "Vos"], ["Jo-Ann", "de", "Vos"])
    assert names.same_name(["Owen", "John", "Dempsey"], ["Owen", "Dempsey"])
    assert not names.same_name(["Owen", "John", "Dempsey"], ["Owen", "Paul", "Dempsey"])
    assert names.name_core("van Ek de Vos") == "van Ek de Vos"
    assert names.looks_person("Amanda A. Van Ek de Vos") and names.looks_person("van Ek de Vos")
    t = "Camille D'Souza de Vos runs the clinic in Brooklyn.\n\n“We are full every day,” D'Souza said."
    assert _speaker(t, "D'Souza") == "Camille D'Souza de Vos"
    quoted = (
        "“Folic acid matters,” said registered dietitian Amanda A. Van Ek de Vos.\n\n"
        "“Take it daily,” noted van Ek de Vos."
    )
    assert _speaker(quoted, "van Ek de Vos") == "Amanda A. Van Ek de Vos"


# --- "the company", "the site", "it": the body its sentences name -------------------------------------------------


def test_the_company_is_the_body_its_sentence_names_when_none_was_quoted():
    t = "Acme Technologies has a gaming desktop with an RTX 3090, and the company told PC Gamer that more will come."
    assert _speaker(t, "the company") == "Acme Technologies"
    # a person named in the sentence is no company
    person = "Dana Ortiz said she was leaving, and the company told staff that the plant would close."
    assert _speaker(person, "the company") is None


def test_the_company_stays_unnamed_where_its_sentences_do_not_say_which_body():
    # two companies, a place, a person: no name is a body's by its form, none is quoted as one
    assert (
        _speaker("Microsoft sued Google on Monday. The company said its patents were infringed.", "The company") is None
    )
    assert (
        _speaker("Nike opened a store in Portland. The company said it would hire 200 people.", "The company") is None
    )
    merger = "Disney agreed to buy Fox for $52 billion. The company said the deal would close next year."
    assert _speaker(merger, "The company") is None
    cook = "Tim Cook unveiled the phone in Cupertino, and the company said it would ship in May."
    assert _speaker(cook, "the company") is None
    band = "Chris Martin thanked fans at Wembley. The group said that a new album was coming."
    assert _speaker(band, "The group") is None
    musk = "Elon Musk bought Twitter in 2022. The company said ad revenue had halved."
    assert _speaker(musk, "The company") is None


def test_the_site_is_the_one_body_the_sentence_before_names():
    t = (
        "It is important to consider the biases of Acme Analytics. In 2016, the site surveyed more than 56,000 "
        "developers but noted that the survey was “biased against devs who don’t speak English.”"
    )
    assert _speaker(t, "the site") == "Acme Analytics"
    place = "Workers at Hinkley Point found a crack on Monday. The site said production would not be affected."
    assert _speaker(place, "The site") is None
    # "According" opens its sentence: no body's name
    t = "The machine has 14 settings. According to the company, it also makes small loaves."
    assert _speaker(t, "the company") is None


def test_it_continues_the_body_quoted_as_the_sentence_befores_subject():
    t = (
        "The independent Sage group said this week that modelling showed the virus spread in halls. It called for "
        "students to be able to choose whether to live at home."
    )
    assert _speaker(t, "It") == "Sage group"  # its adjective is no part of its name
    people = "Officials said this week that the virus spread in halls. It called for students to stay home."
    assert _speaker(people, "It") is None  # "officials" are they, not it


# --- a person and their companions; a title's words ----------------------------------------------------------------


def test_a_person_and_his_colleagues_speak_as_that_person():
    t = (
        "“Banking matters to the region,” said Dr Keith Mitchell, who served as Finance Minister.\n\n"
        "The Grenadian leader and his regional colleagues complimented the congresswoman for the discussion."
    )
    assert _speaker(t, "The Grenadian leader and his regional colleagues") == "Keith Mitchell"


def test_a_title_cased_quotation_names_no_person_a_pronoun_may_stand_for():
    t = (
        "Three decades ago Thomas Malone changed how business thought, with a paper, “Electronic Markets and "
        "Electronic Hierarchies”. Yet he and his co-authors predicted “a shift toward markets”.\n\n"
        "“Markets win,” Malone said."
    )
    assert _speaker(t, "he and his co-authors") == "Thomas Malone"
    straight = t.replace("“", '"').replace("”", '"')
    assert _speaker(straight, "he and his co-authors") == "Thomas Malone"  # straight marks close a title too


def test_list_items_do_not_count_as_paragraphs_a_pronoun_looks_back_over():
    t = (
        "Dr Tony Holohan said that the country should move to Level 5.\n\n"
        "The letter warned:\n\n"
        "- If the current trend continues, cases will rise.\n\n"
        "- He also warned that 43 people would be admitted daily."
    )
    assert _speaker(t, "He") == "Tony Holohan"
    prose = t.replace("- If the current trend continues, cases will rise.", "The weather turned cold that week.")
    assert _speaker(prose, "He") is None  # three paragraphs of prose back: too far


def test_a_labelled_byline_names_the_first_person_after_it():
    t = (
        "The president said his critics had been proved wrong.\n\n"
        "Analysis: Jon Sopel, BBC News, Washington\n\n"
        "The president was relaxed when I asked him how many minds he had changed."
    )
    assert _speaker(t, "I") == "Jon Sopel"
    # a product's label is no byline: "Flip-out LCD" names no one
    spec = t.replace("Analysis: Jon Sopel, BBC News, Washington", "Display: Flip-out LCD, Touchscreen")
    assert _speaker(spec, "I") is None


def test_a_date_after_a_link_is_no_part_of_a_name():
    assert _name_run(["Google", "on", "Monday", "said"]) == "Google"  # was "Google on Monday"
    institute = "MIT Initiative on the Digital Economy"
    assert _name_run([*institute.split(), "said"]) == institute


def test_a_pronoun_with_the_writers_bracketed_name_is_that_person():
    t = "Robert Nozick wrote that liberty comes first.\n\n“We must choose,” he [Nozick] insists, “what we value.”"
    assert _speaker(t, "he [Nozick") == "Robert Nozick"


def test_a_plural_acronyms_group_keeps_its_capitalised_modifiers():
    assert names.name_core("a string of Tory MPs") == "Tory MPs"  # "Tory" is a title word before a person's name
    assert names.name_core("Tory MP Jane Doe") == "Jane Doe"


def test_he_skips_a_person_whose_pronouns_lean_the_other_way():
    t = (
        "Oprah Winfrey said she was shocked by her guest's answers. Winfrey said she would air it all.\n\n"
        "Harry said the family had cut him off. When Winfrey asked if he could share the questions, he declined, "
        "saying “I'm not comfortable with sharing that.”"
    )
    assert _speaker(t, "he", "saying") == "Harry"


def test_an_indefinite_description_in_apposition_is_the_name_before_its_comma():
    t = (
        "After launching her run, Bennett was quickly endorsed by the Asheville Tea PAC, a local organization which "
        "said in a release that its board convened early."
    )
    assert _speaker(t, "a local organization") == "Asheville Tea PAC"
    praised = "The union praised Maria Lopez, a nurse who said the ward was full."
    assert _speaker(praised, "a nurse") == "Maria Lopez"
    # a sentence's adverb or a place before the comma names no one
    adverb = "Similarly, a recent study found that sleep helps memory."
    assert _speaker(adverb, "a recent study") is None  # one document, its maker unnamed (GUIDELINES §9)
    place = "The mains leaked twice in New York City, an official said last week."
    assert _speaker(place, "an official") is None


def test_a_name_a_preposition_or_an_opener_governs_is_no_apposition():
    # the description is the clause's own subject: the name before the comma belongs to a phrase before it
    letter = "In a letter sent to Apple, a group of senators said the company must act."
    assert _speaker(letter, "a group of senators") == "group of senators"
    responding = "Responding to Smith, a spokesman for the ministry said the claims were false."
    assert _speaker(responding, "a spokesman for the ministry") == "spokesman for the ministry"
    assert _speaker("Unlike Tesla, a rival carmaker said it would cut prices.", "a rival carmaker") is None
    meeting = "After meeting with Boris Johnson, an aide said that talks had stalled."
    assert _speaker(meeting, "an aide") is None


# --- look-alikes that must stay unnamed (or keep their own name) -------------------------------------------------


def test_credits_signatures_and_headings_are_no_bylines():
    opinion = "I have used that library since I was a child, and I told the council that the decision is a mistake."
    credit = "The council voted on Tuesday to close the library.\n\nPhoto: Jane Doe, Reuters\n\n" + opinion
    assert _speaker(credit, "I") is None
    source = (
        "Prices rose by 4 percent last year.\n\nSource: Mark Zandi, Moody's Analytics\n\nI would argue that it goes on."
    )
    assert _speaker(source, "I") is None
    closing = opinion + "\n\nThe council will meet again in June.\n\nMaria Lopez, Getty Images"
    assert _speaker(closing, "I") is None
    heading = (
        "Tim Cook, Apple\n\nThe company unveiled its phone on Monday. I went and I told my editor that it was dull."
    )
    assert all(a.speaker is None for a in find_attributions(heading) if a.source == "I")
    letters = (
        "Letters to the editor\n\n"
        "I have lived on Elm Street for 40 years and I told the council that the roads are bad.\n\n"
        "Harold Finch, Springfield\n\n"
        "I disagree with your editorial. I have told the board that teachers deserve more.\n\n"
        "Ann Marsh, Shelbyville"
    )
    found = [a for a in find_attributions(letters) if a.source == "I"]
    assert found and all(a.speaker is None for a in found)


def test_a_letter_set_off_after_a_colon_is_not_the_bylines_author():
    t = (
        "By Rachel Green\n\n"
        "Last week a reader sent me a letter. She wrote:\n\n"
        "I have lived here for 40 years and I told the council that I feel ignored.\n\n"
        "It is a feeling many share. I would argue that the council should listen."
    )
    assert _speaker(t, "I", "told the council") is None
    assert _speaker(t, "I", "would argue") == "Rachel Green"  # the writer's own paragraph


def test_my_doctor_is_someone_else_but_my_research_is_the_author():
    t = "By Rachel Green\n\nLast spring my knee gave out on a run. My doctor told me that I should rest for six weeks."
    assert _speaker(t, "My doctor") is None
    colleagues = "By Rachel Green\n\nMy colleagues at the lab say that the results are promising, but I am not so sure."
    assert _speaker(colleagues, "My colleagues at the lab") is None


def test_an_introduction_naming_two_people_names_no_answerer():
    book = (
        "Historian Ann Lee has written a new biography of Abraham Lincoln. Lincoln, she argues, was shrewd, and "
        "Lincoln's letters prove it.\n\n"
        "Lee spoke to us about the book.\n\n"
        "Q: Why write about Lincoln now?\n\n"
        "A: I would argue that we keep misreading him.\n\n"
        "Q: What surprised you?\n\n"
        "A: I told my editor that nobody had read his letters."
    )
    assert _speaker(book, "I", "would argue") is None
    column = (
        "In this week's column, reporter Sam Ortiz talks to chef Dana Lee. Ortiz has covered food for a decade, and "
        "Ortiz's last column won an award.\n\n"
        "Q: When did you start cooking?\n\n"
        "A: I always say that I started at my grandmother's stove.\n\n"
        "Q: What is next for you?\n\n"
        "A: I told my partners that we need a second restaurant."
    )
    assert _speaker(column, "I", "told my partners") is None
    faq = (
        "Acme Robotics was founded in 2010 by Jane Roe. Roe still runs the company, and Roe says it will grow.\n\n"
        "Q: Do you ship abroad?\n\n"
        "A: We say that shipping is free to 40 countries.\n\n"
        "Q: Can I return a product?\n\n"
        "A: We promise that returns are accepted within 30 days."
    )
    assert all(a.speaker is None for a in find_attributions(faq) if a.source == "We")  # a firm's "we"
    assert any(a.source == "We" for a in find_attributions(faq))


def test_a_self_introductions_name_ends_its_clause():
    t = "I'm Not Sorry Films produced the documentary.\n\nI would argue that it is the best film of the year."
    assert _speaker(t, "I", "would argue") is None
    named = "I'm Jane Doe, and this is my column.\n\nI would argue that it is the best film of the year."
    assert _speaker(named, "I", "would argue") == "Jane Doe"


def test_a_gendered_title_needs_exactly_one_person_it_fits():
    t = (
        "Kate Middleton said she was proud of the charity. Meghan Markle said she had felt alone.\n\n"
        "The duchess said the palace had failed her."
    )
    assert _speaker(t, "The duchess") is None


def test_he_is_no_one_whose_pronouns_lean_to_she_without_another_candidate():
    # "Hart said he would move away": the son, not Hart (she, her before it); the next "He" names no one
    t = (
        "Robin Hart said she had sold the farm. Hart said her son was upset, and Hart said he would move away.\n\n"
        "He said the price was fair."
    )
    assert _speaker(t, "He") is None


def test_it_after_a_person_quoted_as_the_sentence_befores_subject_names_no_one():
    t = "The committee met on Monday. Senator Jane Roe said the report was late. It said the delay was unacceptable."
    assert _speaker(t, "It") is None
