"""Reporting constructions times reporting verbs (issue #14, recall on phrasings nobody annotated): every frame of
news prose below must yield an attribution for every verb, with the mayor as its source. A gap here is a general one,
found without looking at any annotated article. Sentences are made up for the tests."""

from __future__ import annotations

import pytest

from server.attributions import find_attributions
from server.attributions.vocabulary import IRREGULAR_PARTICIPLES, IRREGULAR_PASTS, inflect, words

# Plain reporting verbs (Krestel, Bergler and Witte's classes; GUIDELINES.md §1).
VERBS = words(
    "say claim argue insist warn explain add note state announce confirm deny admit acknowledge suggest stress "
    "predict estimate complain concede recall reveal report write tweet testify reply respond declare maintain "
    "contend assert allege observe remark caution emphasize reiterate"
)

# Each frame's {past}, {pp} (past participle), {ing} are filled in; the source is always the mayor.
FRAMES = {
    "plain": "The mayor, Ann Cole, {past} that the bridge was unsafe.",
    "perfect": "The mayor has {pp} that the bridge was unsafe.",
    "pluperfect": "The mayor had {pp} that the bridge was unsafe.",
    "adverb": "The mayor also {past} that the bridge was unsafe.",
    "quote then inverted cue": '"The bridge is unsafe," {past} the mayor, Ann Cole.',
    "quote then cue": '"The bridge is unsafe," the mayor {past}.',
    "colon": 'The mayor {past}: "The bridge is unsafe."',
    "weekday": "The mayor {past} on Tuesday that the bridge was unsafe.",
    "venue": "The mayor {past} in a statement that the bridge was unsafe.",
    "relative clause": "The mayor, who {past} that the bridge was unsafe, left early.",
    "cue between commas": "The bridge, the mayor {past}, was unsafe.",
    "fronted adverbial": "On Tuesday, the mayor {past} that the bridge was unsafe.",
    "titled name": "Transport Secretary Ann Cole {past} that the bridge was unsafe.",
    "long apposition": "Ann Cole, the city's transport secretary since 2019, {past} that the bridge was unsafe.",
    "parenthesis": "Ann Cole (Labour) {past} that the bridge was unsafe.",
    "participle": "The mayor left the meeting, {ing} that the bridge was unsafe.",
    "coordinated verb": "The mayor visited the site and {past} that the bridge was unsafe.",
    "aside after the cue": "The mayor {past}, in a letter to residents, that the bridge was unsafe.",
}


def _forms(verb: str) -> dict[str, str]:
    _, past, ing = inflect(verb)
    past = IRREGULAR_PASTS.get(verb, past)
    return {"past": past, "pp": IRREGULAR_PARTICIPLES.get(verb, past), "ing": ing}


@pytest.mark.parametrize("frame", FRAMES)
def test_every_reporting_verb_reports_in_every_frame(frame: str) -> None:
    missed = []
    for verb in VERBS:
        text = FRAMES[frame].format(**_forms(verb))
        found = [a for a in find_attributions(text) if a.kind != "belief" and a.speaker in ("Ann Cole", None)]
        if not any("bridge" in a.content for a in found):
            missed.append(verb)
    assert missed == [], f"{frame}: no attribution for {missed}"


# Quoted constructions: each must report the quotation, with Cole (or an unresolved pronoun) as its speaker. Not yet
# read, and so left out: a colon after a predicate ('Cole was defiant: "…"'), a noun cue before a colon ("Cole's
# reply: …"), a quote with no cue after narration ('Cole was defiant. "…"').
QUOTED_FRAMES = (
    '"We will rebuild," said Ann Cole, the mayor.',
    '"We will rebuild," Ann Cole, the mayor, said.',
    '"We will rebuild," she said. "It will take time."',
    'Cole said: "We will rebuild."',
    'Cole: "We will rebuild."',
    'Cole — "We will rebuild."',
    'As Cole put it: "We will rebuild."',
    'In Cole\'s words, "we will rebuild."',
    'Cole said the city would "rebuild from the ground up."',
    'Cole called the storm "the worst in a century."',
    'Cole described the damage as "catastrophic."',
    'Cole told the Guardian: "We will rebuild."',
    '"We will rebuild," Cole wrote on X.',
    '"We will rebuild," Cole, 45, said.',
    '"We will rebuild," said Cole, who has been mayor since 2019.',
    '"Will we rebuild? Of course," Cole said.',
    '"We will rebuild" Cole said.',
    "“We will rebuild,” Cole said.",
    "‘We will rebuild,’ Cole said.",
    '"We will rebuild," according to Cole.',
    'According to Cole, "we will rebuild."',
    'In a statement, Cole said: "We will rebuild."',
    '"We will rebuild," Cole said, "and it will take time."',
    'Speaking at a press conference, Cole said: "We will rebuild."',
    '"We will rebuild," insisted Cole.',
    '"We will rebuild," Cole said in an interview with the BBC.',
    'Cole posted on Facebook: "We will rebuild."',
    'Cole replied, "We will rebuild."',
    'Cole added that "we will rebuild."',
    '"We will rebuild," Cole said Tuesday night at a news conference.',
    '"We will rebuild," Cole, a Democrat, told reporters.',
    'Asked if the city would rebuild, Cole replied: "Of course."',
    '"Of course," Cole replied when asked if the city would rebuild.',
)


@pytest.mark.parametrize("text", QUOTED_FRAMES)
def test_every_quoted_construction_reports_its_quotation(text: str) -> None:
    found = [a for a in find_attributions(text) if a.kind != "belief"]
    assert any(a.kind in ("direct", "mixed") and a.speaker in ("Ann Cole", "Cole", None) for a in found), found
