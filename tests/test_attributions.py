"""Tests for the "who said what" finder (server/attributions/)."""

from __future__ import annotations

import json
import random
import re
import sys
import time
import warnings
from pathlib import Path

import pytest

from server.attributions import (
    Attribution,
    collect,
    cues,
    find_attributions,
    fragments,
    lexicon,
    names,
    patterns,
    structure,
    vocabulary,
)

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT / "tests" / "attributions" / "dev"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import attributions as attributions_bench  # noqa: E402
from bench.attributions import load_dev, predict_finder, score  # noqa: E402  (one scoring implementation)

# Gate floors on the whole dev set. Raising them is routine; lowering one is a visible decision.
# Pinned at what the finder reached (all F1 0.905, quoted F1 0.944 on 46 files), rounded down by 0.01; quoted raised
# to 0.94 with split quotes as fragments and the blind-set work (all 0.897, quoted 0.946).
FLOORS: dict[str, float] = {
    "all_f1": 0.89,
    "quoted_f1": 0.94,
}
# The dev set the brief promises (at least 40 WCXB files + 2 seeds); the gate runs on whatever exists.
EXPECTED_CORPUS_FILES = 40
EXPECTED_SEED_FILES = 2


def _fragments(text: str, attribution: Attribution) -> list[str]:
    """The text of each content fragment, in order."""
    return [text[start:end] for start, end in attribution.content_fragments]


def _one(text: str, **want: object) -> Attribution:
    """The single attribution whose fields match want (exact, or startswith for *_starts)."""
    found = find_attributions(text)
    for a in found:
        ok = True
        for k, v in want.items():
            if k.endswith("_starts"):
                ok &= str(getattr(a, k[: -len("_starts")])).startswith(str(v))
            else:
                ok &= getattr(a, k) == v
        if ok:
            return a
    raise AssertionError(f"no attribution with {want} in {[a.to_dict() for a in found]}")


def _check_spans(text: str, found: list[Attribution]) -> None:
    for a in found:
        for span, field in ((a.source_span, a.source), (a.cue_span, a.cue), (a.content_span, a.content)):
            if span is None:
                assert field is None
                continue
            s, e = span
            assert 0 <= s < e <= len(text)
            assert text[s:e] == field
            assert field == field.strip(), f"span with outer whitespace: {field!r}"


# --- phrasing cases --------------------------------------------------------------------------


def test_source_then_cue_direct():
    t = '"We will not back down," Smith said.'
    a = _one(t, source="Smith", cue="said", kind="direct")
    assert a.content == '"We will not back down,"'


def test_cue_then_source_inverted():
    t = "“The plan is sound,” said Maria Lopez, a spokeswoman for the ministry."
    a = _one(t, cue="said", kind="direct")
    assert a.source.startswith("Maria Lopez")
    assert a.speaker == "Maria Lopez"
    assert a.content == "“The plan is sound,”"


def test_indirect_that_clause():
    t = "Senator Jane Doe said on Monday that the bill would pass next week."
    a = _one(t, cue="said", kind="indirect")
    assert a.source == "Senator Jane Doe"
    assert a.speaker == "Jane Doe"
    assert a.content == "that the bill would pass next week"


def test_indirect_clause_before_source():
    t = "The talks collapsed after midnight, the agency reported."
    a = _one(t, cue="reported", source="the agency")
    assert a.content == "The talks collapsed after midnight"


def test_pronoun_resolved_to_person():
    t = 'Defense Secretary Lloyd Austin spoke in Brussels.\n\n"The dynamic is a little bit different," he said.'
    a = _one(t, source="he", cue="said")
    assert a.speaker == "Lloyd Austin"


def test_surname_resolved_to_full_name():
    t = "Jens Stoltenberg said allies agree.\n\nStoltenberg added that talks continue."
    a = _one(t, source="Stoltenberg", cue="added")
    assert a.speaker == "Jens Stoltenberg"


def test_according_to_after_clause():
    t = "The plan would include new strikes, according to the outlet."
    a = _one(t, cue="according to", source="the outlet", kind="indirect")
    assert a.content == "The plan would include new strikes"


def test_according_to_first():
    t = "According to police, the suspect fled on foot."
    a = _one(t, cue="According to", source="police")
    assert a.content == "the suspect fled on foot"


def test_outlet_as_source_with_citing_trailer():
    t = "Officials are weighing the request, The New York Times (NYT) reported on May 22, citing sources."
    a = _one(t, cue="reported")
    assert a.source == "The New York Times (NYT)"
    assert a.content == "Officials are weighing the request"


def test_outlet_anaphor_resolves_to_outlet():
    t = "Officials weighed the move, The New York Times (NYT) reported.\n\nIt changed his mind, the NYT wrote."
    a = _one(t, cue="wrote", source="the NYT")
    assert a.speaker == "The New York Times"


def test_colon_cue():
    t = 'Blinken: "We have not encouraged strikes outside Ukraine."'
    a = _one(t, cue=":", source="Blinken", kind="direct")
    assert a.content == '"We have not encouraged strikes outside Ukraine."'


def test_multi_sentence_quote():
    t = '"It is tough. It is hard. But we will win," the minister said.'
    a = _one(t, cue="said", source="the minister", kind="direct")
    assert a.content == '"It is tough. It is hard. But we will win,"'


def test_multi_paragraph_quote():
    t = 'The mayor said: "We are rebuilding the bridge.\n\n"It will open in May."\n\nNext paragraph.'
    a = _one(t, cue="said", source="The mayor", kind="direct")
    assert a.content.startswith('"We are rebuilding')
    assert a.content.endswith('May."')


def test_mixed_quote_fragment():
    t = 'The minister said the plan was "entirely reasonable" and would go ahead.'
    a = _one(t, cue="said", kind="mixed")
    assert a.content == 'the plan was "entirely reasonable" and would go ahead'


def test_split_quote_is_one_attribution_with_two_fragments():
    # GUIDELINES.md §3: '"X," she said. "Y."' is one reporting act; content_span is the fragments' hull
    t = "“A model is only valuable when served,” Royal said. “That is what inference is about.”"
    a = _one(t, cue="said", source="Royal", kind="direct")
    assert _fragments(t, a) == [
        "“A model is only valuable when served,”",
        "“That is what inference is about.”",
    ]
    assert a.content_span == (a.content_fragments[0][0], a.content_fragments[-1][1])
    assert len(find_attributions(t)) == 1


def test_split_quote_after_a_comma_and_its_continuation_paragraphs():
    t = (
        "“We were stunned,” Lee said, “and nobody expected it.”\n\n“We’ll rebuild.”\n\n"
        "“It will take a year,” she added.\n\nThe council met on Monday."
    )
    lee, added = find_attributions(t)
    assert _fragments(t, lee) == [
        "“We were stunned,”",
        "“and nobody expected it.”",
        "“We’ll rebuild.”",
    ]
    assert lee.kind == "direct" and added.cue == "added" and len(added.content_fragments) == 1


def test_a_quote_with_its_own_cue_or_after_narration_is_not_continued():
    t = "“We were stunned,” Lee said. “Nobody expected it,” Kim said.\n\nLee left.\n\n“Not me.”"
    found = find_attributions(t)
    assert [len(a.content_fragments) for a in found] == [1, 1]


def test_two_cues_two_sources_in_one_sentence():
    t = (
        'NATO chief Jens Stoltenberg said Monday that Kyiv\'s "right to self-defense" is clear, '
        'and French President Emmanuel Macron said Tuesday that strikes were "legitimate."'
    )
    found = find_attributions(t)
    assert [a.speaker for a in found] == ["Jens Stoltenberg", "Emmanuel Macron"]
    assert not found[0].content.endswith("Macron")


def test_a_weekday_after_the_cue_is_a_time_unless_it_owns_the_next_word():
    assert _one("The minister said Friday the vote was close.", cue="said").content == "the vote was close"
    assert _one("The minister said Friday's vote was close.", cue="said").content == "Friday's vote was close"


def test_participle_cue_takes_clause_subject():
    t = "Mellor disagrees with the claim, noting that the research comes from rodent studies."
    a = _one(t, cue="noting")
    assert a.source == "Mellor"
    assert a.content == "that the research comes from rodent studies"


def test_relative_clause_source_is_the_antecedent():
    t = "The pipes are old, said the officials, who added that they were swapping 100 miles of line a year."
    a = _one(t, cue="added")
    assert a.source == "the officials"
    assert a.content == "that they were swapping 100 miles of line a year"


def test_parenthetical_cue_mid_sentence():
    t = 'Still, mindfulness apps, says Harden Bradford, can teach people "concrete skills."'
    a = _one(t, cue="says", source="Harden Bradford")
    # the statement runs around the cue: two fragments (GUIDELINES.md §3)
    assert _fragments(t, a) == ["mindfulness apps", 'can teach people "concrete skills."']


def test_colon_at_paragraph_end_takes_following_paragraphs():
    t = 'Nagendra said:\n\n"Cities develop intense heat."\n\n"Trees cool that heat."\n\nUnrelated text follows here.'
    a = _one(t, cue="said", source="Nagendra")
    assert a.content == '"Cities develop intense heat."\n\n"Trees cool that heat."'


def test_single_curly_quotes_british_style():
    t = "‘We are ready,’ said the coach."
    a = _one(t, cue="said", kind="direct")
    assert a.content == "‘We are ready,’"


BRITISH_AND_AMERICAN = [
    # (single quotes outside, as British papers write; the same text with double quotes outside)
    (
        "‘It is wrong,’ she said.\n\nThe MP called the plan ‘a disgrace’ on Monday.",
        "“It is wrong,” she said.\n\nThe MP called the plan “a disgrace” on Monday.",
    ),
    (
        "‘The rules say “no”,’ the minister told MPs. ‘We follow them.’",
        "“The rules say ‘no’,” the minister told MPs. “We follow them.”",
    ),
    (
        "Prices rose.‘[The levy] is fair,’ Ms Khan said.\n\n‘It pays for the roads.’",
        "Prices rose.“[The levy] is fair,” Ms Khan said.\n\n“It pays for the roads.”",
    ),
    # straight marks: a plural possessive ("the fans' songs") would close the quote, as it reads
    (
        "'We are ready,' said the coach. 'The crowd's songs help.'",
        '"We are ready," said the coach. "The crowd\'s songs help."',
    ),
    (
        "She said: ‘The first part of a long answer.\n\n‘And its end.’\n\n‘Another quote,’ he said.",
        "She said: “The first part of a long answer.\n\n“And its end.”\n\n“Another quote,” he said.",
    ),
]


@pytest.mark.parametrize(("british", "american"), BRITISH_AND_AMERICAN)
def test_single_quotes_as_the_outer_marks_find_what_double_quotes_find(british, american):
    def spans(text):
        return [(a.source_span, a.cue_span, a.content_fragments, a.kind, a.speaker) for a in find_attributions(text)]

    assert spans(british) == spans(american) != []
    # the texts come from the article as written
    assert all(a.content == british[slice(*a.content_span)] for a in find_attributions(british))


@pytest.mark.parametrize(
    "text",
    [
        "“It’s fine,” she said. The players’ union agreed with ‘Coach’ Reed.",
        # titles, scare quotes, elisions and code are single-quoted too, and are no one's words
        "Dinner: ‘Marry Me’ chicken. The brands churn out sickly-sweet ‘blush’ wines, as in the '90s.",
        "Set it with states('person.derek') and {{ 'on' }}. If the answer is ‘no’ or ‘probably not,’ stop.",
    ],
)
def test_text_whose_single_quotes_are_no_speech_is_read_as_written(text):
    assert structure.as_double_quoted(text, structure.paragraphs(text)) is text


# --- non-attributions ------------------------------------------------------------------------


def test_so_called_is_not_an_attribution():
    assert find_attributions('The so-called "peace plan" was shelved in May.') == []


def test_said_inside_quote_is_a_nested_attribution_of_its_own():
    # GUIDELINES §4: "Smith said Jones told him X" is two attributions; the quotation stays Smith's whole
    t = '"They said it was over, but it was not," Smith said.'
    found = find_attributions(t)
    assert [(a.source, a.content, a.kind) for a in found] == [
        ("They", "it was over, but it was not", "indirect"),
        ("Smith", '"They said it was over, but it was not,"', "direct"),
    ]


def test_declined_to_comment_is_not_an_attribution():
    assert find_attributions("The company declined to comment.") == []
    assert find_attributions("A spokesperson did not respond to a request for comment.") == []


def _speech(text: str) -> list:
    return [found for found in find_attributions(text) if found.kind != "belief"]


def test_infinitive_and_belief_are_not_speech():
    assert _speech("He wants to say more about it later.") == []
    assert _speech("Many people believe the economy is improving.") == []


# --- beliefs and intentions (beliefs.py): kind "belief", never key ---------------------------


def _beliefs(text: str) -> list[tuple[str | None, str, str]]:
    return [(found.source, found.cue, found.content) for found in find_attributions(text) if found.kind == "belief"]


def test_beliefs_and_intentions_are_kind_belief_and_never_key():
    found = find_attributions("Detectives believe this appears to be a case of a teenager who took the car.")
    assert [(a.source, a.cue, a.kind, a.key, a.rank) for a in found] == [
        ("Detectives", "believe", "belief", False, None)
    ]
    assert found[0].content == "this appears to be a case of a teenager who took the car"
    assert found[0].speaker == "detectives"
    assert _beliefs("Microsoft plans to become carbon negative by 2030.") == [
        ("Microsoft", "plans", "to become carbon negative by 2030")
    ]
    assert _beliefs("We know that those with asthma suffer more.") == [("We", "know", "those with asthma suffer more")]
    assert _beliefs("He wonders whether the cuts will be broader.") == [
        ("He", "wonders", "whether the cuts will be broader")
    ]


def test_no_belief_held_in_conditions_negations_nouns_and_objects():
    assert _beliefs("If you want to go faster, buy a better bike.") == []
    assert _beliefs("He doesn't plan to go back to the city.") == []
    assert _beliefs("Another plan to convert the building was dropped last year.") == []
    assert _beliefs("I know the area around the station well.") == []
    assert _beliefs("She thought about the offer for a week.") == []


def test_a_quoted_belief_is_the_quoted_speaker_s_and_leaves_speech_alone():
    text = 'Jo Li spoke first. "I think the plan will work well," she said.'
    beliefs = [a for a in find_attributions(text) if a.kind == "belief"]
    assert [(a.source, a.content, a.speaker) for a in beliefs] == [("I", "the plan will work well", None)]
    speech = _speech(text)
    assert [(a.source, a.cue, a.kind) for a in speech] == [("she", "said", "direct")]


# --- the reporting vocabulary by class (vocabulary.py) -----------------------------------------


def test_inflections_of_a_class_verb():
    assert vocabulary.inflect("say") == ("says", "said", "saying")
    assert vocabulary.inflect("testify") == ("testifies", "testified", "testifying")
    assert vocabulary.inflect("admit") == ("admits", "admitted", "admitting")
    assert vocabulary.inflect("argue") == ("argues", "argued", "arguing")
    assert vocabulary.inflect("stress") == ("stresses", "stressed", "stressing")
    assert {"demanded", "proposes", "threatened", "elaborates"} <= vocabulary.CUE_VERBS


def test_new_speech_class_verbs_are_cues():
    _one("The union demanded that the plant stay open through the winter.", source="The union", cue="demanded")
    _one("The mayor threatened to close the bridge for a month.", source="The mayor", cue="threatened")


def test_speech_participle_takes_a_bare_clause():
    t = "The coach resigned, admitting the season had gone badly."
    _one(t, source="The coach", cue="admitting", content="the season had gone badly")


def test_document_finding_is_an_attribution():
    _one("A new survey found that most tenants pay more than a third of their income.", source="A new survey")
    _one("The latest data show that exports fell for a third month.", source="The latest data", cue="show")
    _one("The researchers found that the drug cut relapses by half.", source="The researchers", cue="found")
    # records find without speaking for anyone: a comparison, a chart, an article
    _one("The comparison found that both approaches cut pain more than no treatment.", source="The comparison")
    _one("The chart shows that emissions will fall by 2030.", source="The chart", cue="shows")
    a = _one("A Forbes article found that he had exaggerated the size of the flat.", source="A Forbes article")
    assert a.speaker == "Forbes"


def test_finding_verbs_without_a_document_are_not_attributions():
    assert find_attributions("The hikers found that the trail was closed.") == []
    assert find_attributions("Police found the missing car near the river.") == []
    assert find_attributions("The study found a small effect on sleep.") == []  # no that-clause, no quote
    # a picture depicts a scene: "footage showed a car" is no one's finding
    assert find_attributions("Video footage showed that a car was parked outside.") == []


def test_called_with_a_quoted_label():
    t = "Senator Ruth Ames called the budget “a gift to the banks.”"
    a = _one(t, source="Senator Ruth Ames", cue="called")
    assert a.content == "the budget “a gift to the banks.”"


def test_called_on_someone_to_do_something():
    a = _one("The governor called on residents to stay indoors until Sunday.", cue="called on residents")
    assert a.source == "The governor" and a.content == "to stay indoors until Sunday"
    _one("The farmers called on the minister not to sign the deal.", content="not to sign the deal")


def test_called_for_something():
    _one(
        "The union has called for a pay rise of ten percent.", cue="has called for", content="a pay rise of ten percent"
    )


def test_call_without_its_construction_is_not_an_attribution():
    assert find_attributions("She called her brother after the match.") == []
    assert find_attributions("The puppy was called Biscuit.") == []
    assert find_attributions("They met a band called “Lowlights” at the fair.") == []


def test_evaluation_verbs_report_with_their_grounds():
    a = _one("The council accused the developer of ignoring the flood report.", cue="accused")
    assert a.source == "The council" and a.content == "the developer of ignoring the flood report"
    _one("Critics slammed the ruling as a blow to press freedom.", source="Critics", cue="slammed")
    a = _one("The firm rejected the letter, branding it “totally misleading.”", source="The firm", cue="branding")
    assert a.content == "it “totally misleading.”"
    assert find_attributions("The coach praised the team.") == []  # no grounds, no label: a deed


def test_generic_group_source_names_itself_as_speaker():
    a = _one("Some health experts said that the guidance came too late.", cue="said")
    assert a.speaker == "health experts"
    a = _one("The spokesman said that the road would reopen.", cue="said")
    assert a.speaker is None  # a bare job noun with no antecedent


# --- seeds (the brief's expectations) ---------------------------------------------------------


def _seed(name: str) -> str:
    return json.loads((DEV_DIR / f"{name}.json").read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="module")
def week() -> list[Attribution]:
    return find_attributions(_seed("seed-the-week"))


@pytest.fixture(scope="module")
def kyiv() -> list[Attribution]:
    return find_attributions(_seed("seed-kyiv-independent"))


def _by(found: list[Attribution], **want: object) -> Attribution:
    for a in found:
        if all(getattr(a, k) == v for k, v in want.items()):
            return a
    raise AssertionError(f"no {want} in {[a.to_dict() for a in found]}")


def test_seed_blinken(week):
    a = _by(week, speaker="Antony Blinken", cue="said")
    assert a.source == "Secretary of State Antony Blinken"
    assert a.kind == "mixed"
    assert a.content.startswith('that the U.S. hasn\'t "encouraged or enabled strikes outside of Ukraine,"')
    assert a.content.endswith("as need arises")
    assert a.key


def test_seed_stoltenberg(week):
    a = _by(week, speaker="Jens Stoltenberg", cue="said")
    assert a.source == "NATO Secretary General Jens Stoltenberg"
    assert a.content == 'that Kyiv\'s "right to self-defense includes hitting legitimate targets outside Ukraine,"'
    assert a.kind == "mixed"


def test_seed_macron(week):
    a = _by(week, speaker="Emmanuel Macron", cue="endorsed")
    assert a.source == "French President Emmanuel Macron"
    assert a.content == 'letting Ukraine "neutralize" Russian "military sites from which the missiles are fired."'
    assert a.kind == "mixed"


def test_seed_politico_and_nested_allies(week):
    p = _by(week, source="Politico", cue="said")
    assert p.kind == "mixed"
    assert p.content.startswith("Canada, Britain and America's other NATO allies have already said")
    allies = _by(week, source="Canada, Britain and America's other NATO allies", cue="said")
    assert allies.kind == "direct"


def test_seed_nyt_said(week):
    a = _by(week, source="The New York Times", cue="said")
    assert a.content.startswith("Some of President Joe Biden's advisers believe")


def test_seed_nyt_reported(kyiv):
    a = _by(kyiv, cue="reported")
    assert a.source == "The New York Times (NYT)"
    assert a.speaker == "The New York Times"
    assert a.content.startswith('After his "sobering visit" to Kyiv')
    assert a.content.endswith("American-supplied arms")
    assert _by(kyiv, source="the NYT", cue="wrote").speaker == "The New York Times"
    assert _by(kyiv, source="the outlet", cue="according to").speaker == "The New York Times"


def test_seed_austin(kyiv):
    a = _by(kyiv, source="Austin", cue="said during a press conference")
    assert a.speaker == "Lloyd Austin"
    assert a.kind == "direct"
    assert a.content == '"The aerial dynamic\'s a little bit different,"'
    hinted = _by(kyiv, cue="hinted")
    assert hinted.source == "Defense Secretary Lloyd Austin"
    assert hinted.content == "that the rules might be different in regards to aerial targets"


def test_seed_russian_foreign_ministry(kyiv):
    a = _by(kyiv, source="the Russian Foreign Ministry", cue="said")
    assert a.speaker == "Russian Foreign Ministry"
    assert a.kind == "direct"
    assert a.content.startswith('"(British Ambassador to Moscow Nigel) Casey was warned')
    uk = _by(kyiv, source="the U.K.", cue="said")
    assert uk.content.endswith("to strike Russian soil")


def test_seed_key_and_rank(week, kyiv):
    for found in (week, kyiv):
        keys = [a for a in found if a.key]
        assert keys, "some attributions must be key"
        assert sorted(a.rank for a in keys) == list(range(1, len(keys) + 1))
        assert all(a.rank is None for a in found if not a.key)
        assert [a.id for a in found] == [f"a{i}" for i in range(1, len(found) + 1)]
        assert [a.cue_span[0] for a in found] == sorted(a.cue_span[0] for a in found)


# --- invariants and robustness ---------------------------------------------------------------


def test_span_invariants_and_to_dict_on_dev_set():
    for doc in load_dev():
        text = doc["text"]
        found = find_attributions(text)
        _check_spans(text, found)
        for a in found:
            d = a.to_dict()
            json.dumps(d)
            assert d["cue_span"] == list(a.cue_span)
            assert a.kind in ("direct", "mixed", "indirect", "belief")
            assert a.paragraph >= 0
            assert (a.rank is None) == (not a.key)


def test_paragraph_index():
    t = "Heading\n\nFirst paragraph here.\n\n  \n\nThe minister said the plan would work."
    a = _one(t, cue="said")
    assert a.paragraph == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        '"',
        "“",
        '"""""',
        "said",
        "according to",
        ": “",
        "He said: “",
        '"Unclosed quote, he said.',
        "“a” “b” ”c“ „d“ «e» ‘f’ 'g'",
        "\x00\ud800 said \U0001f600 “x,” he said.",
        "A" * 5000,
        "said " * 2000,
        ", said , said , according to ,",
        "Mr. Dr. U.S. said. U.K. according to.",
    ],
)
def test_never_raises(text):
    found = find_attributions(text)
    _check_spans(text, found)


def test_random_strings_never_raise():
    rng = random.Random(7)
    alphabet = " abcXYZ.,:;\"“”„«»‘’'\n\tsaidtoldaccording—–-()"
    for _ in range(300):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        _check_spans(t, find_attributions(t))


def test_huge_text_is_linear_enough():
    base = "\n\n".join(d["text"] for d in load_dev()) or '"It works," she said.'
    big = base
    while len(big) < 1_000_000:
        big += "\n\n" + base
    t0 = time.perf_counter()
    found = find_attributions(big)
    assert time.perf_counter() - t0 < 10.0
    assert found


def test_pathological_quote_paragraph():
    para = ('"a, " said " b ' * 7000)[:100_000]
    t0 = time.perf_counter()
    find_attributions(para)
    mixed = ("“x ‘y” z’ « w " * 8000)[:100_000]
    find_attributions(mixed)
    nocue = '"' * 100_000
    find_attributions(nocue)
    # no full stop anywhere: one 100k "sentence" with thousands of cues and unclosed quotes
    find_attributions(("He said: “x, " * 10_000)[:100_000])
    find_attributions(("Smith, who said, " * 6_000)[:100_000])
    assert time.perf_counter() - t0 < 20.0


# --- the gate --------------------------------------------------------------------------------


def test_dev_set_gate():
    docs = load_dev()
    assert docs, "the dev set is empty: tests/attributions/dev/*.json"
    n_corpus = sum(d["name"].startswith(("wcxb-", "rtp-")) for d in docs)
    n_seed = sum(d["name"].startswith("seed-") for d in docs)
    if n_corpus < EXPECTED_CORPUS_FILES or n_seed < EXPECTED_SEED_FILES:
        # run anyway on what exists, and say so where it shows (pytest's warnings summary)
        warnings.warn(
            f"attribution dev set is incomplete: {n_corpus}/{EXPECTED_CORPUS_FILES} corpus articles, "
            f"{n_seed}/{EXPECTED_SEED_FILES} seeds ({len(docs)} files in all); gating on what exists",
            stacklevel=1,
        )
    for doc in docs:
        text = doc["text"]
        for g in doc["attributions"]:
            for part in ("source", "cue", "content"):
                span = g[part]
                if span is not None:
                    assert text[span["start"] : span["end"]] == span["text"], (doc["name"], part)
    s = score(docs, predict_finder)
    got = {"all_f1": s["all"]["f1"], "quoted_f1": s["quoted"]["f1"]}
    for k, floor in FLOORS.items():
        assert got[k] >= floor, f"{k} fell to {got[k]:.3f} (floor {floor}) on {len(docs)} files"


def test_a_list_of_names_speaks_as_a_whole_but_an_apposition_does_not():
    text = (
        'Canada, Britain and America\'s other NATO allies have already said "they have no problem," '
        "Politico said. Mr. Reeves, a senior fellow at Brookings and a former adviser, said the plan would fail."
    )
    speakers = {a.source: a.speaker for a in find_attributions(text)}
    assert speakers["Canada, Britain and America's other NATO allies"] == (
        "Canada, Britain and America's other NATO allies"
    )
    assert speakers["Mr. Reeves, a senior fellow at Brookings and a former adviser"] == "Reeves"


def test_sentence_ends_are_found_as_the_plain_pattern_finds_them():
    plain = re.compile(r"[.!?…]+[\"”’»)\]]*\s+|\n")
    text = 'He said so. "Really?!" she asked.\nNo… "Fine." (Yes.) Ok!! Mr. X.\u00a0Then ?! end. x.y ...  z'
    assert [m.span() for m in patterns.SENT_END_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


# --- Fast paths that must find exactly what the plain patterns find ---------------------------------------


def _fuzz_texts(alphabet: list[str], count: int = 400, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


_FUZZ_WORDS = [
    *sorted(set(vocabulary.CUE_VERBS))[::7],
    "said",
    "According to",
    "according to",
    "accord",
    "to",
    "unsaid",
    "é",
    "x",
    "_",
    "3",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    ",",
    ".",
    "“",
    "’",
    "(",
    "—",
    "-",
]


def test_cue_words_are_single_words_or_according_to():
    # _cue_matches relies on cues never overlapping: each is letters only (and "according to").
    assert all(w.isalpha() for w in vocabulary.CUE_VERBS)


def test_prepositional_cues_come_from_the_lexicon_in_either_case():
    # patterns.CUE_WORDS is composed from vocabulary.PREPOSITIONAL_CUES: every phrase is a cue, opening a sentence too
    for phrase in vocabulary.PREPOSITIONAL_CUES:
        for text in (f"It fell, {phrase} the report.", f"{phrase.capitalize()} the report, it fell."):
            assert phrase.capitalize() in [
                m.group().capitalize() for m in cues.cue_matches(text, cues.scan.verb_scan(text)[0])
            ], text
    assert fragments.OPENING_MARK_RE.pattern == "[" + re.escape(fragments.OPENING_MARKS) + "]"


def test_cue_matches_are_those_of_finditer():
    for text in _fuzz_texts(_FUZZ_WORDS, 3000):
        want = [(m.start(), m.end(), m.group()) for m in patterns.CUE_RE.finditer(text)]
        assert [
            (m.start(), m.end(), m.group()) for m in cues.cue_matches(text, cues.scan.verb_scan(text)[0])
        ] == want, text


def test_sentence_start_set_is_the_old_character_class():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert set(re.findall(r"[A-Z0-9ÀÁÂÄÇÉÈÊËÍÎÏÑÓÔÖÚÛÜŁŚŻŹ]", every)) == lexicon.UPPER_START


def test_anchored_pattern_prefilters_only_skip_strings_that_cannot_match():
    pieces = [
        *[
            "Monday",
            "Sunday",
            "January",
            "May",
            "December",
            "week",
            "month",
            "year",
            "weekend",
            "yesterday",
            "today",
            "tonight",
        ],
        *["and", "but", "while", "as", "whereas", "or"],
        "on",
        "last",
        ",",
        " ",
        "\n",
        "\u00a0",
        "7",
        "2024",
        "٣",
        "also",
        "too",
        "they",
        "x",
        "Holiday",
        "Ecuador",
        "é",
    ]
    for text in _fuzz_texts(pieces, 4000):
        m = patterns.PRE_CUE_TIME_RE.search(text)
        if m and m.end() == len(text):
            assert text.endswith(lexicon.PRE_CUE_TIME_ENDS) or text[-1:].isdecimal(), text
        if patterns.DANGLING_CONJ_RE.search(text):
            assert text.rstrip().endswith(lexicon.DANGLING_CONJ), text
        old = re.search(r"(\w+)[\s,]+(?:(?:also|often|now|still|generally|all|both|further|too)\s+)*$", text)
        new = patterns.BASE_SUBJECT_RE.search(text)
        assert (old and (old.span(), old.group(1))) == (new and (new.span(), new.group(1))), text


# --- Linear patterns that must match what their plain (backtracking) forms match, as the finder uses them -------


def _backtracking_form(pattern: str) -> str:
    """The pattern without its linear-time devices: the leading lookbehind dropped, possessive quantifiers greedy."""
    return re.sub(r"^\(\?<![^)]*\)", "", pattern).replace("++", "+").replace("*+", "*").replace("?+", "?")


# Matched only right after a non-space character (a cue's or a source's last), where the lookbehind always holds.
_AFTER_A_WORD = [
    "CUE_TAIL_RE",
    "THAT_SOON_RE",
    "CUE_PUBLICATION_RE",
    "ADVERBIAL_RE",
    "COMMA_RE",
    "NEXT_WORD_RE",
    "COLON_END_RE",
]
_PATTERN_FUZZ_WORDS = [
    *[" ", " ", "  ", "\n", "\t", "\u00a0", ",", ".", ":", "(", ")", '"', "“", "’", "-", "!", "A", "x", "7", "2024"],
    *["in", "on", "a", "the", "statement", "press conference", "blog", "e-mail", "for", "years", "that", "that’s"],
    *["Monday", "May", "January", "Jan.", "12", "morning", "last", "week", "earlier", "also", "as well", "me"],
    *["Times", "Forthat", "And", "But", "In", "Washington", "Smith", "Mr.", "and", "whereas", "citing", "Blinken"],
]


def _match_key(m: re.Match | None, offset: int = 0) -> tuple | None:
    if m is None:
        return None
    groups = (m.start(1) + offset, m.end(1) + offset) if m.re.groups else ()
    return (m.start() + offset, m.end() + offset, *groups)


def test_linear_patterns_match_as_the_plain_ones_right_after_a_word():
    for name in _AFTER_A_WORD:
        new = getattr(patterns, name)
        old = re.compile(_backtracking_form(new.pattern))
        for text in _fuzz_texts(_PATTERN_FUZZ_WORDS, 300, seed=len(name)):
            for pos in range(len(text) + 1):
                if pos == 0 or not text[pos - 1].isspace():
                    assert _match_key(new.match(text, pos)) == _match_key(old.match(text, pos)), (name, text, pos)


# NAME_MENTION_RE as it was written with a lookahead first (re's search then tries a match at every position) and
# each word's letters one by one: the form its capital-first, a-z-run form must match as.
_NAME_WORD_LETTERS = (
    rf"[{patterns.NAME_CAPITALS}](?:[^\W\d_{patterns.NAME_CAPITALS}]|[’'-][^\W\d_])++"
    rf"(?:[{patterns.NAME_CAPITALS}][^\W\d_{patterns.NAME_CAPITALS}]++)?+"
)
_LOOKAHEAD_NAME_MENTION = re.compile(
    rf"(?=[{patterns.NAME_CAPITALS}])(?<!\w)(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen)\.\s+)?{_NAME_WORD_LETTERS}"
    rf"(?:\s+(?:(?:[A-Z]\.|[{patterns.NAME_CAPITALS[3:]}])\s+)?(?:(?:{patterns.NAME_PARTICLE_WORDS})\s+){{0,2}}"
    rf"{_NAME_WORD_LETTERS}){{1,3}}"
)
_NAME_FUZZ_WORDS = [
    *["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Mr", "M.", "Mrs", "Dr.Who", "x", "a"],
    *["Jo-Ann", "O'Neill", "O’Brien", "de", "la", "van", "da", "Ó", "A.", "B", "Smith", "McConnell", "DeSantis"],
    *["ÉMILE", "Émile", "zoë", "Wójcik", "Ab1", "_A", "Anna-", "-Lee", "ǅemal", "7", " ", "  ", "\n", ", ", ". "],
]


def test_the_capital_first_name_mention_pattern_finds_what_the_lookahead_form_finds():
    assert patterns.NAME_MENTION_RE.pattern.startswith("[")  # a first step re's search can skip to
    for text in _fuzz_texts(_NAME_FUZZ_WORDS, 3000, seed=11):
        assert [m.span() for m in patterns.NAME_MENTION_RE.finditer(text)] == [
            m.span() for m in _LOOKAHEAD_NAME_MENTION.finditer(text)
        ], text
        for pos in range(len(text)):
            new, old = patterns.NAME_MENTION_RE.match(text, pos), _LOOKAHEAD_NAME_MENTION.match(text, pos)
            assert (new and new.span()) == (old and old.span()), (text, pos)


_LOOKAHEAD_PRONOUN_WORD = re.compile(r"(?=[HhSsIi])(?<!\w)(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]ers?|[Ii]ts)\b")
_PRONOUN_FUZZ_WORDS = [*["he", "He", "his", "His", "him", "her", "hers", "Hers", "she", "She", "its", "Its", "it"]]
_PRONOUN_FUZZ_WORDS += ["I", "h", "s", "x", "the", "shell", "this", "é", "_", "1", " ", ".", "\n", "’s", "'"]


def test_the_letter_first_pronoun_pattern_finds_what_the_lookahead_form_finds():
    assert patterns.PRONOUN_WORD_RE.pattern.startswith("[")  # a first step re's search can skip to
    for text in _fuzz_texts(_PRONOUN_FUZZ_WORDS, 3000, seed=12):
        for pos in range(len(text) + 1):
            for end in (len(text), min(len(text), pos + 3)):  # windows cut inside a word too
                new = patterns.PRONOUN_WORD_RE.search(text, pos, end)
                old = _LOOKAHEAD_PRONOUN_WORD.search(text, pos, end)
                assert (new and new.span()) == (old and old.span()), (text, pos, end)


# The plain forms of the patterns rewritten beyond possessive quantifiers.
_PLAIN_PRE_CUE_TIME = re.compile(
    r"(?:\s+(?:on|in|late|early|last|this)?\s*(?:"
    + "|".join(lexicon.PRE_CUE_TIME_NOUNS)
    + r")(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\s+(?:yesterday|today|tonight))$"
)
_PLAIN_NAME_LEAD = re.compile(rf"(?:[{patterns.NAME_CAPITALS}][\w’'-]*(?:\.[A-Z]){{0,2}}\.?[ \t\xa0]+){{1,3}}$")
_PLAIN_COLON_SRC = re.compile(
    r"([A-Z][\w’'.-]*(?:\s+(?:of\s+|the\s+|de\s+|van\s+)?[A-Z][\w’'.-]*){0,4})\s*:\s*(?=[\"“«„])"
)
_PLAIN_AFTER_CUE_END = re.compile(
    r"^(?:\s*\([^()]{0,60}\))?(?:\s*(?:,|--|—|–)\s*(?![\"“‘'«]|that\b)(?:[^.!?\"“‘«]|\.(?=\d|[a-z]\.|\s[a-z0-9]))*"
    r"|\s*,\s*(?:saying|adding|noting|citing|arguing|claiming|warning|insisting|explaining)\b[^\n]*|\s+(?:citing|"
    r"adding|noting|quoting|according|in|on|at|during|after|before|last|this|earlier|late|early|as|while|when)\b"
    r"(?:[^.!?\"“‘«]|\.(?=\d|[a-z]\.|\s[a-z0-9]))*)?\s*[.!?…]?"
    r"[\"”’]?(?:\s*\([^()]*\)|(?<=[.!?])[A-Z][^\n]*)?\s*$"
)
_PLAIN_LEAD_CONJ = re.compile(r"\s*(?:And|But|So|Yet|Or|Still|Also),?\s+")
_PLAIN_LEADING_ADVERBIAL = re.compile(r"\s*" + _backtracking_form(patterns.LEADING_ADVERBIAL_RE.pattern))
_PLAIN_SENT_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?:\s+|(?=[“«„]))|\n")


def test_linear_patterns_match_as_the_plain_ones_where_the_finder_uses_them():
    dangling = re.compile(_backtracking_form(patterns.DANGLING_CONJ_RE.pattern))
    words = [*_PATTERN_FUZZ_WORDS, "aB", "Lloyd", "O’Neil", "(a)", "( b. c)", "5", "today", "Z.", "Blinken: “", ", and"]
    for text in _fuzz_texts(words, 600, seed=3):
        for pos in range(len(text) + 1):
            rest = text[pos:]
            # searched and matched on slices: a window ending at a cue, a sentence, what follows a source
            assert _match_key(patterns.PRE_CUE_TIME_RE.search(rest), pos) == _match_key(
                _PLAIN_PRE_CUE_TIME.search(text, pos)
            ), text
            lead, plain = patterns.NAME_LEAD_RE.search(text[:pos]), _PLAIN_NAME_LEAD.search(text, 0, pos)
            assert (lead and lead.span("lead")) == (plain and plain.span()), text
            assert _match_key(patterns.COLON_SRC_RE.match(rest), pos) == _match_key(
                _PLAIN_COLON_SRC.match(text, pos)
            ), text
            assert bool(patterns.AFTER_CUE_END_RE.match(rest)) == bool(_PLAIN_AFTER_CUE_END.match(rest)), text
        assert _match_key(patterns.DANGLING_CONJ_RE.search(text)) == _match_key(dangling.search(text)), text
        assert [m.span() for m in patterns.SENT_END_RE.finditer(text)] == [
            m.span() for m in _PLAIN_SENT_END.finditer(text)
        ]
        assert names._without_parentheticals(text) == re.sub(r"\s*\([^)]*\)", "", text), text
    # matched past the whitespace at a sentence start, which may lie inside a whitespace run (only the end is used)
    openers = [" ", "  ", "\n", "\u00a0", ",", ", ", "x", "And", "But", "Also", "In", "Meanwhile", "Washington", "the"]
    for text in _fuzz_texts(openers, 600, seed=5):
        for pos in range(len(text) + 1):
            start = structure.skip_spaces(text, pos, len(text))
            for new, old in (
                (patterns.LEAD_CONJ_RE, _PLAIN_LEAD_CONJ),
                (patterns.LEADING_ADVERBIAL_RE, _PLAIN_LEADING_ADVERBIAL),
            ):
                m, plain = new.match(text, start), old.match(text, pos)
                assert (m and m.end()) == (plain and plain.end()), text


def test_a_bug_in_the_finder_raises_instead_of_returning_nothing(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(collect, "attribution_at_cue", broken)
    with pytest.raises(ZeroDivisionError):
        find_attributions('"It works," she said.')


# --- speakers: one per entity, pronouns to the nearest compatible person or none ----------------------------


def test_one_speaker_per_entity_longest_form_of_the_name():
    t = (
        "Owen John Dempsey runs the yard.\n\n“We are busy,” Owen Dempsey said.\n\n"
        "Mr. Dempsey added that orders doubled.\n\n“Busy,” said Dempsey."
    )
    assert {a.speaker for a in find_attributions(t)} == {"Owen John Dempsey"}


def test_sentence_initial_words_and_places_are_not_part_of_a_name():
    t = "When Meghan spoke, Meghan said the pressure was huge.\n\nAnd Harry said that he agreed with her."
    assert [a.speaker for a in find_attributions(t)] == ["Meghan", "Harry"]
    t = "Senator Mitch McConnell of Kentucky said the bill would pass."
    assert find_attributions(t)[0].speaker == "Mitch McConnell"
    t = "The Congressional Budget Office estimates that the deficit will grow."
    assert find_attributions(t)[0].speaker == "Congressional Budget Office"


def test_pronoun_takes_the_nearest_person_of_its_gender_or_stays_unresolved():
    t = (
        "Mayor Maria Lopez met Tom Baker on Monday. Baker said he was pleased with his visit.\n\n"
        "“It went well,” she said."
    )
    found = find_attributions(t)
    assert _by(found, source="she").speaker == "Maria Lopez"
    assert _by(found, source="Baker").speaker == "Tom Baker"
    # nobody named before: unresolved rather than wrong
    assert find_attributions("“It went well,” she said.")[0].speaker is None


def test_a_question_quote_then_its_source_at_the_next_capital_is_one_attribution():
    # '?"' then a capitalised name reads as a sentence end; the quote is still the content
    t = "“Why don’t we do an international service?” Caudevilla told me when I visited the lab."
    a = _one(t, source="Caudevilla", cue="told me")
    assert a.content == "“Why don’t we do an international service?”" and a.kind == "direct"
    t = "“Why now?” Officials said “the plan is ready.”"
    assert _one(t, source="Officials", cue="said").content == "“the plan is ready.”"


def test_one_and_another_open_a_source():
    t = "“He’s amazing,” one user wrote on the forum. “Too thin,” another wrote."
    assert [a.source for a in find_attributions(t)] == ["one user", "another"]


def test_transcript_labels_speak_but_not_the_programmes_own_voices_or_table_cells():
    t = (
        "SACHA PFEIFFER, HOST: The legislature meets this week.\n\n"
        "SERGIO MARTINEZ-BELTRAN, BYLINE: It is a Saturday in Austin.\n\n"
        "ROSIE CURTS: If vouchers pass, it would take money away from our schools.\n\n"
        "MARTINEZ-BELTRAN: Most people here are educators.\n\n"
        "UNIDENTIFIED PERSON #2: Yeah.\n\n"
        "TRAVIS CANTWELL: Teachers don't get the respect they deserve.\n\n"
        "CANTWELL: It's very powerful to stand there and say it."
    )
    found = find_attributions(t)
    assert [(a.source, a.cue) for a in found] == [("ROSIE CURTS", ":"), ("TRAVIS CANTWELL", ":"), ("CANTWELL", ":")]
    assert found[0].content == "If vouchers pass, it would take money away from our schools"
    assert find_attributions("PRICE: $27 per tire\n\nINTERVAL: At least once per year") == []


def test_an_opening_condition_and_a_titled_inverted_source_belong_to_the_statement():
    t = "Even if a game isn't tuned for the console, Microsoft says you might still see some gains."
    a = _one(t, source="Microsoft", cue="says")
    assert _fragments(t, a) == [
        "Even if a game isn't tuned for the console",
        "you might still see some gains",
    ]
    t = "Taking a multivitamin every day might help, says certified nutritionist Anju Mobin."
    assert _one(t, cue="says").source == "certified nutritionist Anju Mobin"
    t = "This, according to Della, does nothing to diminish the crimes."
    assert _one(t, cue="according to").source == "Della"


def test_plural_nouns_possessives_and_numbers_are_not_cues_or_sources():
    assert find_attributions("At least 30 states have similar voucher programs.") == []
    assert find_attributions("Some cruel remarks were aimed her way, too.") == []
    assert find_attributions("Ask for the doctor’s notes related to this podcast.") == []
    assert find_attributions("In 2017 announced a deal to sell cloud services to Chevron.") == []


def test_addressee_before_a_quote_titled_modifiers_and_remembering():
    t = "Another individual rather bluntly wrote to the singer, “Need to put on a few pounds.”"
    assert _one(t, cue="wrote").content == "“Need to put on a few pounds.”"
    t = '"Veganism puts people at risk," registered dietitian Amanda A. Kostro Miller explained to The List.'
    a = _one(t, cue="explained to The List")  # the addressee after "to" is the cue's, as "told The List" is
    assert a.content == '"Veganism puts people at risk,"' and a.speaker == "Amanda A. Kostro Miller"
    t = "“Those goats were so smart,” remembers Shanna Challenger, coordinator for the programme."
    assert _one(t, cue="remembers").source.startswith("Shanna Challenger")


def test_a_split_quote_running_over_paragraphs_is_one_fragment_per_paragraph():
    t = "“Amazon avoided it for years,” noted lawyer Jim Dunham. “Most courts agreed.\n\n“It is that big.”"
    a = _one(t, cue="noted")
    assert _fragments(t, a) == [
        "“Amazon avoided it for years,”",
        "“Most courts agreed.",
        "“It is that big.”",
    ]


def test_a_bare_title_is_its_holder_and_a_body_names_itself():
    t = (
        "PAHO Director Carissa F. Etienne said the region must act.\n\n"
        "The PAHO Director urged countries to vaccinate more people.\n\n"
        "The government said that it would review the rules."
    )
    found = find_attributions(t)
    assert [a.speaker for a in found] == ["Carissa F. Etienne", "Carissa F. Etienne", "government"]
    assert _one("The spokesman said that the road would reopen.", cue="said").speaker is None


def test_passive_reports_have_no_source_or_the_agent_after_by():
    a = _one("We’re told there is security footage that could catch the culprit.", cue="’re told")
    assert a.source is None and a.content == "there is security footage that could catch the culprit"
    a = _one("She was asked to break the news to the district staff.", cue="was asked")
    assert a.source is None and a.content == "to break the news to the district staff"
    a = _one("He was told by police that the road would stay closed.", cue="was told")
    assert a.source == "police" and a.content == "that the road would stay closed"
    assert find_attributions("He was not told anything about the plan.") == []
    assert _speech("She expects to be told that the plan will fail.") == []


def test_prepositional_sources_run_to_their_comma_and_nested_passives_keep_the_outer_report():
    a = _one("According to legend, a goat herder named Kaldi discovered coffee.", cue="According to")
    assert a.source == "legend" and a.content == "a goat herder named Kaldi discovered coffee"
    t = "Steyer, according to a count from the Post and Courier, has the backing of six legislators."
    a = _one(t, cue="according to")
    assert a.source == "a count from the Post and Courier"
    assert _fragments(t, a) == ["Steyer", "has the backing of six legislators"]
    t = "Peak demand, according to Mr. Marcus, reached 44,947 megawatts."
    assert _one(t, cue="according to").source == "Mr. Marcus"
    found = find_attributions("He said he was asked to break the news to the staff.")
    assert [(a.source, a.cue) for a in found] == [("He", "said"), (None, "was asked")]
    assert _one("Mashable reports the company announced a minimum fare.", cue="reports").source == "Mashable"


def test_a_document_made_by_someone_speaks_as_its_maker():
    t = "According to a 2017 statement from the American Heart Association, adults need more sleep."
    a = _one(t, cue="According to")
    assert a.source == "a 2017 statement from the American Heart Association"
    assert a.speaker == "American Heart Association"
    t = "Steyer, according to a count from the Charleston-based Post and Courier, has the backing of six legislators."
    assert _one(t, cue="according to").speaker == "Post and Courier"


def test_do_support_makes_a_base_form_a_cue():
    a = _one("The hospital did say that limited visiting would be allowed.", cue="did say")
    assert a.source == "The hospital" and a.content == "that limited visiting would be allowed"
    assert find_attributions("The hospital did not say when visiting would resume.") == []


def test_the_issues_sentence_shapes():
    t = "Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus, said the vote was a mistake."
    a = _one(t, cue="said")
    assert a.source.startswith("Rep. G.K. Butterfield") and a.speaker == "G.K. Butterfield"
    a = _one('Said Ellis: "This is the end of an era."', cue="Said")
    assert a.source == "Ellis" and a.speaker == "Ellis" and a.kind == "direct"
    t = "McConnell, who in 2010 said the goal was to defeat Obama, now says the economy is strong."
    inner, outer = find_attributions(t)
    assert (inner.source, inner.content) == ("McConnell", "the goal was to defeat Obama")
    assert (outer.source, outer.content) == ("McConnell", "the economy is strong")
    a = _one('The rally went on. Lee ― "We are ready for the storm."', cue="―")
    assert a.source == "Lee" and a.content == '"We are ready for the storm."'


def test_an_unclosed_relative_clause_after_a_name_leaves_the_name_as_the_source():
    # no comma closes the relative clause before the cue: the last noun phrase inside it is not who spoke
    t = "Mr Gallard, who on Thursday won £150,000 in damages from the Daily Courier said he would stand in Leith."
    a = _one(t, cue="said")
    assert (a.source, a.speaker) == ("Mr Gallard", "Gallard")
    t = (
        "But Mr Herrick who gained fame as a metric martyr and runs his own campaign alongside the official No "
        "campaign said he was not convinced."
    )
    assert _one(t, cue="said").source == "Mr Herrick"


def test_they_stands_for_the_last_group_quoted_even_from_a_sentence_start():
    t = "Energy experts said the grid was strained.\n\nThey said that more plants would close."
    assert [a.speaker for a in find_attributions(t)] == ["energy experts", "energy experts"]


def test_they_and_we_stay_unresolved_unless_a_group_was_quoted_last():
    t = "The RSPB and RSPCA said the plan was weak.\n\nThey say that farmers will lose out."
    assert [a.speaker for a in find_attributions(t)][1] is None
    t = "Officials said the road was closed.\n\nWe vowed that it would open again by spring."
    assert [a.speaker for a in find_attributions(t)] == ["officials", None]


def test_a_source_placed_with_in_keeps_its_head():
    a = _one("In a statement, prosecutors in San Francisco and Los Angeles say the company broke the law.", cue="say")
    assert a.source == "prosecutors in San Francisco and Los Angeles" and a.speaker == "prosecutors"
    a = _one("The Briar in Douglas say they will reopen next week.", cue="say")
    assert a.source == "The Briar in Douglas" and a.speaker == "Briar"
    found = find_attributions("Microsoft in 2017 announced that it would sell cloud services.")
    assert all("in 2017" not in (a.source or "") for a in found)  # a year is no place: no head is taken past it
    # "on" places a common noun's group ("analysts on Wall Street"), never naming the street; a name keeps its "on"
    a = _one("Some analysts on Wall Street said the delay had already hurt markets.", cue="said")
    assert a.source == "Some analysts on Wall Street" and a.speaker == "analysts"
    assert names.name_core("The Mail on Sunday") == "Mail on Sunday"


def test_a_document_s_maker_and_a_group_s_place_stay_in_the_source():
    a = _one("Data published by OpenAI shows that the computing power required has grown.", cue="shows")
    assert a.source == "Data published by OpenAI" and a.speaker == "OpenAI"
    a = _one("Officials from China said the talks went well.", cue="said")
    assert a.source == "Officials from China" and a.speaker == "officials"
    assert _one("He was greeted by Obama, who said the talks went well.", cue="said").source == "Obama"


def test_a_quote_after_a_statement_around_its_cue_continues_it():
    t = "It’s easy, she says, for people to marvel at how beautiful an island is. “But they don’t know the work.” Then"
    a = _one(t, cue="says")
    assert _fragments(t, a) == [
        "It’s easy",
        "for people to marvel at how beautiful an island is",
        "“But they don’t know the work.”",
    ]
    assert a.kind == "mixed"


def test_a_share_of_those_surveyed_is_a_source():
    a = _one("Of those, 73 percent reported that they meditated for their general wellness.", cue="reported")
    assert a.source == "73 percent" and a.content == "that they meditated for their general wellness"
    assert _one("About half said that the effects can be disabling.", cue="said").source == "half"
    assert _one("Sales rose 5 percent, the company said.", cue="said").source == "the company"


def test_a_cue_less_quote_right_after_a_statement_continues_it():
    t = "He said he was not deterred by the timeline. “I don’t expect anyone to hand me anything.” He left."
    a = _one(t, cue="said")
    assert _fragments(t, a) == [
        "he was not deterred by the timeline",
        "“I don’t expect anyone to hand me anything.”",
    ]
    t = "Smith said the plan failed. “We tried,” Jones said."
    assert [len(a.content_fragments) for a in find_attributions(t)] == [1, 1]


def test_a_name_before_an_unclosed_apposition_is_the_source():
    t = "“It’s a complicated category,” Callan Spicher, vice president of Spicher’s Appliance told us during a visit."
    a = _one(t, cue="told us")
    assert a.content == "“It’s a complicated category,”" and a.speaker == "Callan Spicher"
    assert a.source.startswith("Callan Spicher, vice president")


def test_irregular_pasts_make_a_clause_and_a_nested_report_stays_inside_its_outer_one():
    t = "The central bank’s chairwoman says Kolomoisky and Bogolyubov stole $5.5B outright."
    assert _one(t, cue="says").content == "Kolomoisky and Bogolyubov stole $5.5B outright"
    t = "Mashable reports the company announced that it would charge a minimum of $100."
    outer = _one(t, cue="reports")
    assert outer.content == "the company announced that it would charge a minimum of $100"
    assert _one(t, cue="announced").source == "the company"


def test_a_statement_going_on_after_its_cue_is_a_second_fragment():
    t = "It also pays to be wary of competing suitors, Zuckerberg said, and be willing to move fast on a deal."
    a = _one(t, cue="said")
    assert _fragments(t, a) == [
        "It also pays to be wary of competing suitors",
        "and be willing to move fast on a deal",
    ]
    t = "The plan is sound, Smith said, and Jones said it would pass."
    assert [len(a.content_fragments) for a in find_attributions(t)] == [1, 1]
    # its reason or condition goes on too; narration after the cue ("although …", "as …") does not
    t = "Outages like this happen, said Mr Lee, because banks change their networks."
    assert _fragments(t, _one(t, cue="said")) == ["Outages like this happen", "because banks change their networks"]
    t = "Prices will rise, the company said, although it gave no figure."
    assert _fragments(t, _one(t, cue="said")) == ["Prices will rise"]
    # a "with" clause carries the figures the statement goes on with
    t = "Wine sales are growing, the agency said, with sales in 2003 up 25% at 61bn yuan."
    assert _fragments(t, _one(t, cue="said")) == ["Wine sales are growing", "with sales in 2003 up 25% at 61bn yuan"]
    t = "Sales rose tenfold in 2004, according to the record industry, with 200 million tracks bought online."
    assert _fragments(t, _one(t, cue="according to")) == [
        "Sales rose tenfold in 2004",
        "with 200 million tracks bought online",
    ]


def test_a_participles_quoted_report_after_a_trailing_cue_leaves_that_cue_its_statement():
    t = 'Mr Blair has failed to tackle these problems, he claimed, saying he has the "wrong solution" to them.'
    claimed, saying = find_attributions(t)
    assert (claimed.cue, claimed.source, claimed.content) == (
        "claimed",
        "he",
        "Mr Blair has failed to tackle these problems",
    )
    assert (saying.cue, saying.source) == ("saying", "he")


def test_an_inverted_cue_after_a_lone_subordinate_clause_reports_the_main_clause_after_it():
    # the main clause after ", said X," need not have a verb the parenthetical test knows ("saw")
    t = "Although teenage virus writers still play with malicious code, said Mr Hogan, 2004 saw a change in motives."
    assert _fragments(t, _one(t, cue="said")) == [
        "Although teenage virus writers still play with malicious code",
        "2004 saw a change in motives",
    ]


def test_advice_with_a_gerund_and_an_opening_condition():
    t = "If no one is visible, he recommends calling the front desk immediately."
    a = _one(t, cue="recommends")
    assert _fragments(t, a) == [
        "If no one is visible",
        "calling the front desk immediately",
    ]


def test_beliefs_are_returned_but_never_marked_in_the_article():
    from lxml import html

    from server.highlight import highlight
    from server.plaintext import to_plain_text

    article = html.fragment_fromstring(
        "<div><p>Jo Li said the road was closed. Detectives believe a teenager took the car.</p></div>"
    )
    plain = to_plain_text(article)
    found = find_attributions(plain.text)
    assert [a.kind for a in found] == ["indirect", "belief"]
    highlight(plain, found)
    assert {mark.get("data-attr") for mark in article.xpath("//*[@data-attr]")} == {found[0].id}


# --- names: the words of a page's names found without a pattern compiled per request ------------------------------


def test_word_occurrences_many_names_by_token_lookup_as_by_find():
    text = "Dempsey's aide, O'Brien, met Smith_x and Smithson; Jo-Ann Lee (Corp.) told Lee2 and Lee. Ann-Marie said."
    few = {"Dempsey", "O'Brien", "Lee", "Ann", "Corp.", "Smith"}
    many = few | {f"Name{i}" for i in range(names.FIND_WORDS_MAX)}
    expected = sorted((pos, word) for word in few for pos in names._find_all(text, word, 0, len(text)))
    assert names.word_occurrences(text, few) == expected
    assert names.word_occurrences(text, many) == expected
    assert (0, "Dempsey") in expected and (16, "O'Brien") in expected
    assert [word for _, word in expected].count("Smith") == 1 and [word for _, word in expected].count("Lee") == 2


# --- speakers: a "he" is a person, never a body nor what describes the last speaker --------------------------------


def _article_text(part: str, name: str) -> str:
    return json.loads((ROOT / "tests" / "attributions" / part / f"{name}.json").read_text(encoding="utf-8"))["text"]


def _pronoun_speakers(text: str) -> list[str | None]:
    return [a.speaker for a in find_attributions(text) if (a.source or "").lower() in ("he", "she")]


def test_pronoun_never_stands_for_a_body_its_pronouns_follow():
    # "Whole Foods … its … its": a body, whatever "he" happens to follow one of its mentions
    speakers = _pronoun_speakers(_article_text("blind", "rtp-seattletimes-1"))
    assert "Whole Foods" not in speakers and "Tyler Besecker" in speakers and "Bob Alverson" in speakers


def test_pronoun_skips_names_inside_the_last_speakers_description():
    # "Eric Reeves, one of the leading American academic voices on Sudan, said …  He said …": Reeves speaks
    text = _article_text("dev", "rtp-nytimes-1")
    speakers = _pronoun_speakers(text)
    assert speakers.count("Eric Reeves") >= 2 and not {"Sudan", "South Sudan"} & set(speakers)


def test_place_names_are_no_persons_full_name():
    found = find_attributions('The war in South Sudan goes on.\n\n"We will talk," Sudan said.')
    assert [a.speaker for a in found] == ["Sudan"]


def test_requests_report_their_infinitive_with_the_addressee_in_the_cue():
    t = "I told her to stop going to tutoring sessions and I asked her to come to my office twice a week."
    assert [(a.source, a.cue, a.content) for a in find_attributions(t)] == [
        ("I", "told her", "to stop going to tutoring sessions"),
        ("I", "asked her", "to come to my office twice a week"),
    ]
    t = "Bill Lipinski persuaded the state Democratic Party to nominate his son."
    assert _one(t, cue="persuaded the state Democratic Party").content == "to nominate his son"
    assert _one("They pleaded with us to take students.", source="They").cue == "pleaded with us"
    # a request's verb with no addressee and infinitive is a deed; "to the press" is no infinitive
    assert find_attributions("He pushed the car to the garage.") == []
    assert find_attributions("She told the story to the press.") == []
    assert [a.kind for a in find_attributions("The executive order that President Obama plans to sign is ready.")] == [
        "belief"
    ]


def test_a_report_nested_in_a_quotation_is_an_attribution_of_its_own():
    t = '"Several studies have found that multivitamins can improve memory in older adults," reported Healthline.'
    found = {(a.source, a.cue): a.content for a in find_attributions(t)}
    assert found[("Healthline", "reported")].startswith('"Several studies')
    assert found[("Several studies", "have found")] == "that multivitamins can improve memory in older adults"
    assert {(a.source, a.kind) for a in find_attributions(t)} == {
        ("Healthline", "direct"),
        ("Several studies", "indirect"),
    }
    # the nested reports cut no content of the quotation's speaker ("others" opens no new statement of hers)
    t = 'She said: "Some studies suggest that it helps, while others show no effects."'
    assert (
        _one(t, source="She", cue="said").content
        == '"Some studies suggest that it helps, while others show no effects."'
    )


def test_a_contraction_or_possessive_is_no_plural_subject_of_a_base_form():
    assert find_attributions("Let's say you have trained a model.") == []
    assert find_attributions("Let’s say the shop is closed on Monday.") == []


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.source, a.speaker) for a in find_attributions(text) if a.kind != "belief"]


def test_a_title_resolves_to_the_holder_the_text_names_else_to_no_one():
    text = (
        "The move comes as International Trade Secretary Liz Truss faces pressure. George Eustice, the current"
        " Environment Secretary, has described the laws as 'woefully deficient'.\n\n"
        "The International Trade Secretary insists that the standards will not be lowered."
    )
    assert _speakers(text)[-1] == ("The International Trade Secretary", "Liz Truss")  # the best match of its words
    assert _speakers("The Prime Minister said that the island would reopen in May.") == [("The Prime Minister", None)]
    # a comma that ends an adverbial is no apposition: Deborah Roberts is no singer
    text = 'In a talk hosted by ABC\'s Deborah Roberts, the singer discussed her work. "It was hard," the singer said.'
    assert _speakers(text)[-1] == ("the singer", None)
    # a surname that is also a title stays a name
    assert _speakers('Wayne King, a former aide, said the race was open. "It is wide open," King said.')[-1] == (
        "King",
        "Wayne King",
    )


def test_the_report_or_the_court_is_what_was_named_before_else_no_one():
    text = "A LendingTree report found that 40% of buyers regret it. The report found that most of them were young."
    # the maker speaks for its report (the blind set's gold: "LendingTree")
    assert _speakers(text) == [("A LendingTree report", "LendingTree"), ("The report", "LendingTree")]
    text = 'The 4th District Court of Appeal said that Amazon was liable. "The law is clear," the court explained.'
    assert _speakers(text)[-1] == ("the court", "4th District Court of Appeal")
    # a definite description with nothing before it names no one ("study" is no speaker)
    assert _speakers("The study found that coffee helps sleep.") == [("The study", None)]
    # the government is the story's one government: it names itself
    assert _speakers("The government said that taxes would rise.") == [("The government", "government")]


def test_name_forms_one_per_person():
    text = (
        '"Access comes first," UX Designer Miche Alvarez recalls. Chefs Jamie Oliver and Joe Wicks cook.'
        ' "More," Jamie Oliver said.'
    )
    assert [speaker for _, speaker in _speakers(text)] == ["Miche Alvarez", "Jamie Oliver"]  # job nouns are no names
    assert names.name_core("Mark Meadows'") == "Mark Meadows"  # a possessive's mark
    survey = "the National Health Interview Survey, an annual survey"
    assert names.name_core(survey) == "National Health Interview Survey"  # "National" is no title here
    # a transcript's shouted label is the person the text names, and so is its surname alone
    transcript = "Travis Cantwell teaches in Florida.\n\nTRAVIS CANTWELL: We are tired.\n\nCANTWELL: We want a raise."
    assert [speaker for _, speaker in _speakers(transcript)] == ["Travis Cantwell", "Travis Cantwell"]
    # an irregular past after a name is its verb, not part of the source
    assert _speakers('Library Journal gave the book a starred review, saying it was "a delight."') == [
        ("Library Journal", "Library Journal")
    ]


def test_names_with_particles():
    text = (
        'In a new book, the philosopher Luis de Miranda weaves a story. "It is odd," de Miranda writes.\n\n'
        "De Miranda points out that chairs were rare. Ursula von der Leyen said that it was fine."
    )
    assert [speaker for _, speaker in _speakers(text)] == ["Luis de Miranda", "Luis de Miranda", "Ursula von der Leyen"]


def test_a_bare_police_is_the_police_body_quoted():
    text = 'Miami-Dade Police said two people were hurt.\n\n"The driver fled," Police said.'
    assert [speaker for _, speaker in _speakers(text)] == ["Miami-Dade Police", "Miami-Dade Police"]
    assert _speakers("Police said two people were hurt.") == [("Police", "police")]  # no body named: the group word


def test_source_with_a_title_apposition_then_a_relative_clause():
    text = (
        "Prof Gavin Yamey, director of the Centre for Policy Impact at Duke University, who is leading research"
        ' into the spread, says: "Reopening a university is like dumping a cruise ship in a town."'
    )
    found = _speakers(text)
    assert len(found) == 1 and found[0][0].startswith("Prof Gavin Yamey, director") and found[0][1] == "Gavin Yamey"
    # a relative clause is never the source, short or long (GUIDELINES.md 4: the antecedent speaks)
    assert _speakers('In 2010, Smith, who runs the shop, said: "We are open."') == [("Smith", "Smith")]


def test_they_stands_only_for_the_group_quoted_just_before():
    t = (
        "Lawmakers said the plan was weak.\n\nThe palace issued a statement.\n\nHarry spoke for an hour.\n\n"
        "Meghan said the move was hard.\n\nThey suggested that the press had a role."
    )
    assert [a.speaker for a in find_attributions(t)][-1] is None  # "lawmakers" was quoted three attributions back


def test_a_bare_body_head_or_officer_acronym_is_no_name():
    text = (
        'The Venezuelan Institute for Culture and Cooperation said that the show would open in May. "It is ready,"'
        " the Institute said in a release."
    )
    assert [speaker for _, speaker in _speakers(text)] == ["Venezuelan Institute for Culture and Cooperation"] * 2
    assert _speakers("The Ministry said that the border would stay closed.") == [("The Ministry", None)]
    assert _speakers("The CMO told the minister that cases were rising.") == [("The CMO", None)]


def test_possessed_groups_and_indefinite_pronouns_name_no_one():
    assert _speakers("Our data suggests that groups think better together.") == [("Our data", None)]
    assert _speakers("Everyone agreed that the rent was too high.") == [("Everyone", None)]
    assert _speakers('"It is a plague," others said.')[-1][1] is None
    assert _speakers("Some medical experts say that sleep matters.")[-1][1] == "medical experts"  # a group still is


def test_a_quote_and_a_dash_before_its_source_is_a_direct_attribution():
    t = (
        '"What I really love about Rust is that if it compiles it usually runs." -- Senior engineer at a startup\n\n'
        "“Coffee is the favorite drink of the civilized world.” — Thomas Jefferson\n\n"
        "“We won.” — The crowd was cheering loudly."
    )
    assert [(a.source, a.cue, a.kind) for a in find_attributions(t)] == [
        ("Senior engineer at a startup", "--", "direct"),
        ("Thomas Jefferson", "—", "direct"),
    ]


def test_an_interview_answer_is_its_speakers_but_the_interviewers_questions_are_not():
    t = (
        "The Economist: What do you mean by superminds? Why coin a new term?\n\n"
        "Thomas Malone: A supermind is a group of individual minds that work together to achieve goals.\n\n"
        "The Economist: You argue that groups are smarter. Please explain such a baffling assertion.\n\n"
        "Mr Malone: Groups don't always make better decisions than individuals, but they often do.\n\n"
        "Learn More: Seven Tips for Repurposing Video Content\n\n"
        "Learn More: Video Marketing 101"
    )
    found = find_attributions(t)
    # the interviewer's own line is no attribution, but what it reports of the guest is ("You argue that …")
    assert [(a.source, a.cue) for a in found] == [("Thomas Malone", ":"), ("You", "argue"), ("Mr Malone", ":")]
    assert found[2].content == "Groups don't always make better decisions than individuals, but they often do"


def test_a_restrictive_relative_clause_speaks_for_its_antecedent():
    t = "Hancock was put on the defensive by Tory MPs who said the offences were proof that ministers erred."
    assert _one(t, cue="said").source.endswith("Tory MPs")
    t = "Bennett was endorsed by the Asheville Tea PAC, a local organization which said in a release that it met."
    assert _one(t, cue="said in a release").source == "a local organization"


def test_officials_of_a_named_body_are_the_body():
    assert _speakers("Con Edison officials said that power would return by Friday.") == [
        ("Con Edison officials", "Con Edison")
    ]
    assert _speakers("American officials said that the talks would go on.")[0][1] != "American"  # no body named


def test_a_documents_possessive_maker_and_a_first_name_alone_name_the_person_or_body():
    text = "Strava and ClassPass both track workouts. Strava’s trends report revealed that runners were younger."
    assert _speakers(text) == [("Strava’s trends report", "Strava")]
    text = "The parser was written by Emil Stenström in 2023. Emil's blog post mentioned that it was fast."
    assert _speakers(text) == [("Emil's blog post", "Emil Stenström")]
    # a first or middle name alone is the one full name the text gives it
    assert _speakers('Camille Etienne Gbedey lost her home. "We have nothing," Etienne said.')[-1][1] == (
        "Camille Etienne Gbedey"
    )
    # a title after a body's name is no surname
    assert _speakers('Microsoft President Brad Smith spoke. "We are ready," Microsoft said.')[-1][1] == "Microsoft"
    # someone's document with no body quoted by that name speaks for no group
    assert _speakers("The Institute's release added that the show would open in May.") == [
        ("The Institute's release", None)
    ]


def test_the_reporting_vocabulary_of_labels_judgements_and_conjectures():
    # VerbNet's characterize (object + "as"), judgment (object + grounds) and conjecture (a that-clause) members
    t = "Microsoft describes these upgrades as a bonus for developers."
    assert _one(t, cue="describes").content == "these upgrades as a bonus for developers"
    t = "Republicans pilloried the Obama administration for proposing a large stimulus."
    assert _one(t, cue="pilloried").content == "the Obama administration for proposing a large stimulus"
    t = "Researchers hypothesize that those who run marathons may have a condition."
    assert _one(t, cue="hypothesize").source == "Researchers"
    # alone, such a verb is a deed or a plain description
    assert find_attributions("He shouted at the referee.") == []
    assert find_attributions("The museum presented the award to her.") == []
    assert find_attributions("The fans hailed a cab outside the stadium.") == []


def test_participles_after_while_or_with_and_a_labelling_participle():
    t = "Uber slashes drivers’ rates, while claiming they don’t need to unionize."
    assert (_one(t, cue="claiming").source, _one(t, cue="claiming").content) == ("Uber", "they don’t need to unionize")
    t = "Older homeowners were more likely to offer a drink, with 74% of over-65s saying they would do so."
    assert _one(t, cue="saying").source == "74% of over-65s"
    t = '"There is no class on how to be royal," she said, describing how she would Google the anthem at night.'
    assert _one(t, cue="describing").content == "how she would Google the anthem at night"
    # a means ("by adding") or a deed ("while maintaining high yields") is no report
    assert find_attributions("You can circumvent this in many cases by adding a file that holds them.") == []
    assert find_attributions("The farms cut their emissions while maintaining high yields.") == []


# Speakers on the dev set, over the matched attributions whose gold speaker is a name (bench/attributions.py): first
# pinned at accuracy 0.810, precision 0.858 (issue 14: one name per person, titles and documents resolved or left
# unresolved, a wrong name being worse than none).
# Session 19 lowered the accuracy floor 0.895 -> 0.89, a visible decision: a share of a group ("48% of participants")
# now speaks as the group ("participants"), as GUIDELINES section 5 and the blind, bbc, fundus and paragraph sets'
# annotators have it, and the dev set, annotated before those rules, keeps the whole phrase (0.904 -> 0.894 here; the
# blind set's held-aside speaker accuracy rose 0.724 -> 0.738).
# Session 25 lowered the precision floor 0.93 -> 0.929, a visible decision: requests whose addressee follows "for"
# ("asked for it to be expanded") are now found, and one on the tuning part is a group with a phrase ("Team members in
# Marketing"), whose speaker the finder gives as the group ("team members") by that same section 5 (0.931 -> 0.929;
# the blind, bbc, outside and fundus sets' held-aside F1 rose or held).
DEV_SPEAKER_FLOORS: dict[str, float] = {"speaker": 0.89, "speaker_precision": 0.929}  # session 25: 0.8925 / 0.9293


def test_dev_set_speaker_gate():
    s = score(load_dev(), predict_finder)
    for key, floor in DEV_SPEAKER_FLOORS.items():
        assert s[key] >= floor, f"dev {key} fell to {s[key]:.3f} (floor {floor})"


def test_a_statement_goes_on_after_its_quote_cue_or_into_a_list_or_an_answers_paragraphs():
    t = '"I got confirmation that the risk had not changed," Harry said, but their detail would be revoked.'
    assert _fragments(t, _one(t, cue="said")) == [
        '"I got confirmation that the risk had not changed,"',
        "but their detail would be revoked",
    ]
    assert _one('"We are done," she said, and left the room.', cue="said").content == '"We are done,"'
    t = "Researchers hypothesize that those who run long may:\n- Have an underlying condition\n- Be obsessive"
    assert _one(t, cue="hypothesize").content.endswith("- Be obsessive")
    t = (
        "Thomas Malone: A supermind is a group of individual minds that work together to achieve goals.\n\n"
        "We are surrounded by them, from companies to markets and governments.\n\n"
        "The Economist: What does that mean for us? How should we think about it?\n\n"
        "Mr Malone: Groups don't always make better decisions than individuals, but they often do."
    )
    assert len(_fragments(t, _one(t, source="Thomas Malone"))) == 2


def test_an_inverted_base_form_with_a_plural_source_and_a_trailing_as_clause():
    assert _one("Prices will rise, say analysts.", cue="say").source == "analysts"
    assert find_attributions("Prices will rise, say it again.") == []
    t = "The Americas cannot ignore the risk, warns Director Carissa Etienne as she urged countries to act."
    assert _one(t, cue="warns").content == "The Americas cannot ignore the risk"


def test_display_verbs_irregular_participles_and_making_clear():
    assert _one("One comment read “Goodness, what happened to you?”", cue="read").source == "One comment"
    assert _one("“Stop it,” one Twitter response began.", cue="began").content == "“Stop it,”"
    assert find_attributions("He read the book and began work.") == []
    t = "Lorenz had written “Special thanks are due to Miss Ellen Fetter.”"
    assert _one(t, source="Lorenz").cue == "had written"
    assert _one("Several studies have shown that it helps memory.", source="Several studies").cue == "have shown"
    t = "Dion made it clear that she had once agonized over her looks."
    assert _one(t, source="Dion").cue == "made it clear"
    assert find_attributions("He made a cake for the party.") == []


def test_as_clauses_semicolons_and_parentheticals_between_cue_and_content():
    t = "As Mashable reports, the company announced that it would charge a minimum of $100."
    assert _one(t, source="Mashable").content == "the company announced that it would charge a minimum of $100"
    assert _one("As I mentioned above, knowledge is not enough.", source="I").content == "knowledge is not enough"
    t = "DiMugno says balance is part of the culture; greater ability makes this “a carrier thing,” he said."
    assert _one(t, source="DiMugno").content == "balance is part of the culture"
    assert _one(t, source="he").content == "greater ability makes this “a carrier thing,”"
    t = "One commenter wrote, for example, that the weight loss had made her age."
    assert _one(t, cue="wrote").content == "that the weight loss had made her age"
    t = "Steinhauser said of studying at a consulting firm that people build in a lot of buffer."
    assert _one(t, cue="said").content == "that people build in a lot of buffer"


def test_an_as_clause_whose_verb_has_an_object_is_temporal_not_a_report():
    # the "as" of "As X reports," stands for the verb's object: a verb with an object of its own tells a time
    assert find_attributions("As he said goodbye, the train left the station.") == []
    assert find_attributions("As she wrote the letter, the phone rang.") == []
    t = "As Smith wrote in his book last year, money is not everything."
    assert _one(t, source="Smith").content == "money is not everything"
    assert _one("As the CEO said Tuesday, the plan is dead.", source="the CEO").content == "the plan is dead"


def test_a_passive_reports_agent_after_a_time_phrase():
    t = "It was defined in the 1950s by AI pioneer Arthur Samuel as “the field of study that lets computers learn.”"
    a = _one(t, cue="was defined")
    assert (a.source, a.content) == ("AI pioneer Arthur Samuel", "as “the field of study that lets computers learn.”")


def test_a_progressive_cue_with_an_adverb_and_hinting():
    t = "They are secretly asking whether we are real designers."
    assert (_one(t, source="They").cue, _one(t, source="They").content) == (
        "are secretly asking",
        "whether we are real designers",
    )
    assert _one("The company is now warning that prices will rise.", source="The company").cue == "is now warning"
    assert _one("Some party elites are hinting that they should.", source="Some party elites").cue == "are hinting"


def test_a_page_s_own_label_before_a_colon_names_no_speaker():
    assert find_attributions('Update: "The show is cancelled," the network wrote in a post.')[0].source == "the network"
    assert find_attributions('Note: "Prices are in euros."\n\nRELATED: "Ten things to know"') == []
    assert _one('Blinken: "We are committed to peace."', cue=":").source == "Blinken"


def test_transcript_and_interview_lines_report_each_turn_once():
    t = (
        "JOHN SMITH: Hello there my friend, how are you today.\n\n"
        "JANE DOE: Fine thanks, and how are you doing these days.\n\n"
        "Thomas Malone: A supermind is a group of people acting together in ways that seem intelligent.\n\n"
        "Mr Malone: Groups don't always act intelligently, but they often can do so."
    )
    spans = structure.paragraphs(t)
    quotes = structure.QuoteIndex(structure.quote_spans(t, spans))
    lines = cues.transcript_lines(t, quotes, spans, set())
    sources = [t[raw.source[0] : raw.source[1]] for raw in lines]
    assert sources == ["JOHN SMITH", "JANE DOE", "Thomas Malone", "Mr Malone"]


def test_a_noun_phrase_with_a_restrictive_relative_clause_opening_the_sentence_is_the_source():
    # no comma closes the clause, so the scan back from the cue stopped at the clause's last noun ("reporters")
    t = "Officials who briefed reporters said the plan was final."
    a = _one(t, cue="said")
    assert a.source == "Officials" and a.speaker == "officials"
    assert _one("A woman who lives nearby said she heard three shots.", cue="said").source == "A woman"
    t = "Two officials who spoke on condition of anonymity said the plan was final."
    assert _one(t, cue="said").source == "Two officials"
    # near case: a head that is no person's leaves the clause's own subject to the scan
    assert all(a.source != "The plan" for a in find_attributions("The plan which critics said would fail passed."))


def test_a_source_whose_head_takes_an_adjective_phrase_follows_according_to():
    # "people familiar with the matter": the head is "people", not "matter"; "close to" links as "familiar with" does
    t = "Apple will cut jobs, according to people familiar with the matter."
    assert _one(t, cue="according to").source == "people familiar with the matter"
    t = "Apple will cut jobs, according to sources close to the company."
    assert _one(t, cue="according to").source == "sources close to the company"
    # near case: a plain source after "according to" is as it was
    assert _one("Apple will cut jobs, according to the company.", cue="according to").source == "the company"


def test_a_plural_after_an_indefinite_noun_opens_a_contact_clause():
    # "a move supporters said would …": "a" determines no plural, so the plural alone speaks
    t = "The council banned leaf blowers, a move supporters said would cut noise."
    assert _one(t, cue="said").source == "supporters"
    t = "The council banned leaf blowers, a decision some analysts said was rushed."
    assert _one(t, cue="said").source == "some analysts"
    # near cases: "of" and a quantity after "a" make one noun phrase
    t = "The council met on Monday, and a group of protesters said the ban was unfair."
    assert _one(t, cue="said").source == "a group of protesters"
    t = "The council met on Monday, and a dozen officers said the ban was unfair."
    assert _one(t, cue="said").source == "a dozen officers"


def test_negated_speech_reports_nothing():
    # GUIDELINES §2: "never said", "hasn't said" as "did not say"
    for t in (
        "Smith never said he would resign.",
        "Smith hasn't said he would resign.",
        "Smith did not say he would resign.",
    ):
        assert find_attributions(t) == []
    # near case: a negation inside the content is the statement's own
    assert _one("Smith said he would never resign.", cue="said").content == "he would never resign"


def test_a_wire_dateline_is_no_part_of_the_first_sentences_source_or_content():
    t = "KYIV, Ukraine (AP) — Russian forces struck the grid overnight, Ukrainian officials said Tuesday."
    assert _one(t, cue="said").content == "Russian forces struck the grid overnight"
    t = "WASHINGTON — President Joe Biden on Tuesday urged Congress to pass the aid package."
    assert _one(t, cue_starts="urged").source == "President Joe Biden"
    t = "LONDON (Reuters) - Britain's economy grew, official data showed on Friday."
    assert _one(t, cue="showed").content == "Britain's economy grew"
    t = "(CNN) — Senate Majority Leader Chuck Schumer said the vote would be held."
    assert _one(t, cue="said").source == "Senate Majority Leader Chuck Schumer"
    t = "LONDON, Dec 7 (Reuters) - Britain's finance minister said growth would slow."
    assert _one(t, cue="said").source == "Britain's finance minister"
    # near cases: a transcript's speaker in capitals keeps the dash's quotation, and a later paragraph is no dateline
    assert structure.paragraphs('ZABALETA — "We are ready."') == [(0, len('ZABALETA — "We are ready."'))]
    t = "One.\n\nTwo.\n\nThree.\n\nNASA — the agency — said the launch slipped."
    assert structure.paragraphs(t)[-1][0] == t.index("NASA")


# --- Source scanner (server/attributions/sources.py): issue 14 ---


def test_source_apposition_with_a_restrictive_clause_and_no_subordinate_clause():
    t = (
        "The California Independent System Operator, the nonprofit entity that controls the flow of electricity for "
        "80 percent of California, said it acted after three plants shut down."
    )
    assert _one(t, cue="said").source.startswith("The California Independent System Operator, the nonprofit entity")
    t = (
        "The alert began at 6 p.m., when California ISO’s operating reserves stood at 12 percent, said David Marcus, "
        "an energy consultant."
    )
    assert _one(t, cue="said").source == "David Marcus, an energy consultant"
    t = "One, who asked not to be named, said: “The government looked to universities to sort it out.”"
    assert _one(t, cue="said").source.startswith("One")


def test_source_never_starts_with_the_coordinator_of_a_list():
    t = "Meghan spoke about her son's skin tone, and Harry condemned his relatives for failing to support them."
    assert _one(t, cue="condemned").source == "Harry"


def test_source_a_share_or_count_of_a_group_is_the_whole_partitive():
    t = "Six of the eight studies reported that participants had improved."
    assert _one(t, cue="reported").source == "Six of the eight studies"
    t = "One of my students asked me, “Is there a She with a capital S?”"
    assert _one(t, cue="asked me").source == "One of my students"
    t = "Hancock was put on the defensive by a string of Tory MPs who said the rules were poorly explained."
    assert _one(t, cue="said").source == "a string of Tory MPs"
    t = "Officials from both Roscosmos and NASA said the crew was safe."
    assert _one(t, cue="said").source.endswith("Roscosmos and NASA")


def test_source_after_its_cue_keeps_a_common_nouns_place_or_maker_but_not_the_cues_venue():
    t = "Two men fled the scene, according to a person at the fundraiser."
    assert _one(t, cue="according to").source == "a person at the fundraiser"
    t = "Hotel sheets are not as clean as they look, according to answers posted on Quora."
    assert _one(t, cue="according to").source == "answers posted on Quora"
    t = "“He was dropped off by that silver Audi,” said a dispatcher on Broadcastify police scanner."
    assert _one(t, cue="said").source == "a dispatcher on Broadcastify police scanner"
    t = "“We are ready,” said a spokesman in a statement."
    assert _one(t, cue_starts="said").source == "a spokesman"
    t = "“We are ready,” said a spokesman on Tuesday."
    assert _one(t, cue_starts="said").source == "a spokesman"


def test_source_after_its_cue_stops_at_a_footnote_that_ended_the_sentence():
    t = "Warren leads with 12 endorsements, according to Iowa Starting Line.2 Warren also has the most staff."
    assert _one(t, cue="according to").source == "Iowa Starting Line"


def test_source_before_its_cue_drops_a_relative_clause_but_keeps_the_title():
    t = (
        "Levi Pay, a former director of student services who now advises universities on the student experience, "
        "says: “It didn’t make sense.”"
    )
    assert _one(t, cue="says").source == "Levi Pay, a former director of student services"
    t = "A second vice-chancellor, who runs an elite research university, agreed: “We baled the government out.”"
    assert _one(t, cue="agreed").source == "A second vice-chancellor"


def test_source_after_its_cue_stops_before_a_participles_clause_or_the_cues_venue():
    t = "“Nobody knows who the winner will be,” said Pat Rynard, explaining why officials back long shots."
    assert _one(t, cue="said").source == "Pat Rynard"
    t = "“It was a violation of the law,” explained Lesya Ivanovna, an investigator with Nashi Groshi in an email."
    assert _one(t, cue_starts="explained").source == "Lesya Ivanovna, an investigator with Nashi Groshi"


def test_source_before_its_cue_keeps_a_titles_participle_and_a_lowercase_conjunct_but_not_a_sentence_adverb():
    t = "“Take vitamin D,” registered dietitian Amanda A. Kostro Miller explained to The List."
    assert _one(t, cue_starts="explained").source == "registered dietitian Amanda A. Kostro Miller"
    t = "While some researchers and media outlets portray phone use as harmful, others disagree."
    assert _one(t, cue="portray").source == "some researchers and media outlets"
    t = "Parents avoided peanuts for fear of allergies. Now research shows the opposite is true."
    assert _one(t, cue="shows").source == "research"
    t = "Prime Minister Theresa May said the talks would go on."
    assert _one(t, cue="said").source == "Prime Minister Theresa May"


def test_a_colour_is_no_source_noun():
    # lexicon.SOURCE_NOUNS is written as words: a two-word entry ("white house") made "white" a source noun, so "The
    # White House" named no one
    assert find_attributions("The White House said the tour was over.")[0].speaker == "White House"


def test_the_unclassed_cue_forms_repeat_no_form_a_class_derives():
    # vocabulary.UNCLASSED_CUE_FORMS lists only what no verb class gives; a form a class derives is written once
    from server.attributions import vocabulary

    derived = vocabulary.SPEECH_CUE_VERBS - vocabulary.UNCLASSED_CUE_FORMS
    derived_again = (
        frozenset(vocabulary.finite_forms(sorted(vocabulary.SPEECH_VERBS)))
        | frozenset(vocabulary.finite_forms(vocabulary.FINDING_VERBS + vocabulary.REJECTION_VERBS))
        | vocabulary.CONSTRUCTION_FORMS
        | vocabulary.BASE_FORMS
        | vocabulary.PARTICIPLE_CUES
        | frozenset(vocabulary.finite_forms(vocabulary.WEAK_SPEECH_VERBS + vocabulary.LABEL_VERBS))
        | vocabulary.DISPLAY_CUES
    )
    assert not vocabulary.UNCLASSED_CUE_FORMS & derived_again
    assert {"said", "says", "warned", "tweeted"} <= derived


def test_source_before_its_cue_is_the_document_whose_topic_the_scan_reached():
    t = 'In one example, Winfrey read a story about her eating avocados which said the fruit was "linked to murder".'
    assert _one(t, cue="said").source == "a story about her eating avocados"
    t = "After reading a report about the crash Smith said the road was unsafe."
    assert not _one(t, cue="said").source.startswith("a report")


def test_source_stops_at_an_earlier_report_a_year_or_a_sentence_adverb_and_keeps_a_plural_before_its_verb():
    t = "Our sources say Lupita told cops it was taken from her room."
    assert _one(t, cue_starts="told").source == "Lupita"
    t = "Nevertheless, at the end of 2016 Dion revealed that she was trying to gain weight."
    assert _one(t, cue="revealed").source == "Dion"
    t = "In a 2012 U.S. survey, 1.9 percent of 34,525 adults reported that they had practiced it."
    assert _one(t, cue="reported").source == "1.9 percent of 34,525 adults"
    t = (
        "Finally, the Ukrainian companies filed suit in the Economic Court, demanding that the foreign suppliers "
        "return the money."
    )
    assert _one(t, cue="demanding").source == "the Ukrainian companies"


def test_a_clauses_subject_skips_a_participles_phrase_and_keeps_the_antecedent_of_a_relative_clause():
    t = (
        "Reached last week in a brief phone call, Bennett declined to be interviewed and asked if questions could "
        "be sent via email."
    )
    assert _one(t, cue="asked").source == "Bennett"
    t = (
        "Marmorato, who’s the sister of Bronx Republican chair Michael Rendino, campaigned on the issue — and called "
        "Velázquez's about-face “heartbreaking,” in a statement."
    )
    assert _one(t, cue="called").source == "Marmorato"


def test_a_cue_and_colon_ending_a_quotation_do_not_crash_the_finder():
    # a nested report's sentence ends inside the quotation, right after the colon, with no line break there
    assert _one("“Here is what Smith said:” the post read.", cue="read").content == "“Here is what Smith said:”"
    assert _one("She wrote: “My father always said:”\n\nThat was all.", cue="wrote").source == "She"


def test_a_pronoun_source_leaves_its_contracted_auxiliary_to_the_cue():
    assert _one("They've told me they've got great results.", cue="told me").source == "They"


def test_a_noun_in_ly_heads_its_source_and_an_adverb_does_not():
    # "family" before the cue is the source's head; "quickly" is the cue's adverb, no part of the source
    (family,) = find_attributions("The victim's family said the police had waited too long.")
    assert family.source == "The victim's family"
    (minister,) = find_attributions("The minister quickly said that the plan would be dropped.")
    assert minister.source == "The minister"


def test_the_possessive_token_pattern_cuts_the_same_tokens_as_the_backtracking_one():
    # TOKEN_RE's possessive runs are a speed-up only: every window of random strings over the characters that matter
    # (word characters, apostrophes, hyphens, ampersands, dots, spaces, the punctuation tokens) tokenises the same
    backtracking = re.compile(r"\w(?:[\w’'&-]*\w)?(?:\.\w(?:[\w’'&-]*\w)?)*(?:(?<=\.\w)\.)?|[(),;:\"“”«»]")
    alphabet = "aZ9_é ’'&-.,;()\"“”«»\n"
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [match.span() for match in backtracking.finditer(text, start, end)]
        assert [match.span() for match in patterns.TOKEN_RE.finditer(text, start, end)] == expected, text
    assert [token for _, _, token in structure.tokens("U.S.-based J.K. O'Neil's R&D—", 0, 29)] == [
        "U.S.",
        "based",
        "J.K.",
        "O'Neil's",
        "R&D",
    ]


def test_the_word_before_a_full_stop_is_read_the_same_with_or_without_a_near_space():
    # _word_before_dot finds the word's start at C speed when a space is near; the character walk is the reference
    def walked(text: str, dot: int, paragraph_start: int) -> bool:
        j = dot
        while j > paragraph_start and (text[j - 1].isalnum() or text[j - 1] == "."):
            j -= 1
        word = text[j:dot].lower()
        return bool(word) and (
            (len(word) == 1 and word.isalpha())
            or all(len(part) == 1 and part.isalpha() for part in word.split("."))
            or word in lexicon.ABBREVIATIONS
            or word.rstrip(".") in lexicon.ABBREVIATIONS
        )

    alphabet = ["a", "J", "9", ".", " ", "(", "\t", "é", "Mr", "Dr", "U.S", "etc", "officials"]
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) + ". Next"
        dot = text.rindex(". Next")
        start = rng.randint(0, dot)
        assert _is_abbreviation(text, dot, start) == walked(text, dot, start), (text, start)
    assert _is_abbreviation("said Mr. Smith", 7, 0)
    assert not _is_abbreviation("the officials. Then", 13, 0)


def _is_abbreviation(text: str, dot: int, paragraph_start: int) -> bool:
    return structure._is_abbreviation_word(structure._word_before_dot(text, dot, paragraph_start))


def test_bench_scores_a_folder_of_annotated_articles_as_one_tuning_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bench/attributions.py --dir` scores a reviewer's folder whole: no held-aside part, every error listed."""
    text = 'The mayor said the bridge would reopen. "It is safe," Ortiz said.'
    gold = {
        "name": "review-bridge",
        "text": text,
        "attributions": [
            {
                "source": {"start": 0, "end": 9, "text": "The mayor"},
                "cue": {"start": 10, "end": 14, "text": "said"},
                "content": {"start": 15, "end": 38, "text": "the bridge would reopen"},
                "speaker": "the mayor",
                "kind": "indirect",
            }
        ],
    }
    (tmp_path / "review-bridge.json").write_text(json.dumps(gold), encoding="utf-8")
    assert attributions_bench.main(["--dir", str(tmp_path), "--no-speed", "--errors"]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path}: 1 files (1 tuning, 0 held out)" in out
    assert "held-out finder" not in out
    assert "review-bridge" in out  # the spurious "Ortiz said" is listed with its article
