"""The gates on the sets from outside the corpora, each annotated by four to eight annotators under GUIDELINES.md before
the finder ever ran on it (tests/attributions/README.md): tests/attributions/outside/ (newspaper4k's test texts of real
news pages), tests/attributions/fundus/ (the fundus project's publisher test bodies) and tests/attributions/bbc/ (the
BBC News dataset's articles, and a few more publishers' test bodies). Speech is scored without
the gold beliefs; held aside as the blind set is (sha1 of the name divisible by 3). Floors sit just under the figures
measured in the commit that set them; one attribution moves a held-aside figure by about 0.005. Raising a floor is
routine; lowering one is a visible decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.annotation import check_doc
from bench.attributions import (
    BBC_DIR,
    BLIND_DIR,
    DEV_DIR,
    FUNDUS_DIR,
    OUTSIDE_DIR,
    gated_figures,
    is_held_aside,
    load_dev,
    predict_finder,
    score,
    without_beliefs,
)


@dataclass(frozen=True)
class OutsideSet:
    folder: Path
    origins: tuple[str, ...]  # where the articles' texts were copied from (a repository, or a dataset's public copy)
    files: int
    floors: dict[str, dict[str, float]]


SETS = {
    # First measurement (finder at e43a949, before any change for this set): tuning F1 0.785, quoted 0.854, speaker
    # 0.853, speaker precision 0.891; held aside 0.741 / 0.812 / 0.740 / 0.813. After the recall work of session 12
    # (d76fabe): tuning 0.838 / 0.910 / 0.867 / 0.903, held aside 0.746 / 0.820 / 0.743 / 0.815. Session 14's speaker
    # work (tuned on fundus, checked here): tuning 0.840 / 0.910 / 0.912 / 0.941, held aside unchanged. Session 16:
    # tuning 0.849 / 0.928 / 0.930 / 0.955, held aside 0.750 / 0.829 / 0.745 / 0.817. Session 17: tuning 0.849 / 0.928 /
    # 0.961 / 0.978, held aside 0.750 / 0.829 / 0.755 / 0.828. Session 18: held aside 0.761 / 0.843 / 0.757 / 0.830.
    # Session 20 (quoted topics, labels): held aside 0.766 / 0.851 / 0.750 / 0.821; the speaker floors LOWERED (0.755 ->
    # 0.745, 0.825 -> 0.82): a new, right quoted attribution came with a wrong speaker (speaker resolution's error).
    # Session 26 (name forms from the bbc set's tuning errors): tuning 0.866 / 0.942 / 0.970 / 0.991, held aside 0.813 /
    # 0.865 / 0.800 / 0.868.
    "outside": OutsideSet(
        OUTSIDE_DIR,
        ("AndyTheFactory/newspaper4k@",),
        41,
        {
            "tuning": {"all_f1": 0.845, "quoted_f1": 0.92, "speaker": 0.965, "speaker_precision": 0.985},
            "held-aside": {"all_f1": 0.76, "quoted_f1": 0.845, "speaker": 0.795, "speaker_precision": 0.865},
        },
    ),
    # First measurement (finder at 89f32d9, before any change for this set): tuning F1 0.809, quoted 0.926, speaker
    # 0.732, speaker precision 0.818; held aside 0.846 / 0.870 / 0.735 / 0.822. After session 13's speaker work on its
    # tuning part (54463f8): tuning 0.809 / 0.926 / 0.761 / 0.844, held aside 0.846 / 0.870 / 0.748 / 0.837. Session
    # 14's speaker work on its tuning part: tuning 0.809 / 0.926 / 0.824 / 0.900, held aside 0.846 / 0.870 / 0.748 /
    # 0.843 (the tuning gain did not carry to the held-aside part). Session 16: tuning 0.819 / 0.942 / 0.846 / 0.933,
    # held aside 0.846 / 0.870 / 0.748 / 0.850. Session 17: tuning 0.819 / 0.942 / 0.868 / 0.951, held aside 0.846 /
    # 0.870 / 0.755 / 0.857. Session 18: tuning 0.824 / 0.945 / 0.869 / 0.951, held aside 0.860 / 0.875 / 0.770 / 0.860.
    # Session 20: tuning 0.827 / 0.950 / 0.873 / 0.951, held aside 0.860 / 0.875 / 0.776 / 0.868.
    "fundus": OutsideSet(
        FUNDUS_DIR,
        ("flairNLP/fundus@",),
        39,
        {
            "tuning": {"all_f1": 0.825, "quoted_f1": 0.945, "speaker": 0.87, "speaker_precision": 0.945},
            "held-aside": {"all_f1": 0.855, "quoted_f1": 0.87, "speaker": 0.77, "speaker_precision": 0.86},
        },
    ),
    # First measurement (finder at 2657f70, before any change for this set): tuning F1 0.887, quoted 0.906, speaker
    # 0.745, speaker precision 0.805; held aside 0.851 / 0.884 / 0.775 / 0.848. Session 17's fixes from the errors of
    # its tuning articles, in rounds checked on the next round's, and the helpers' on the older sets: tuning 0.890 /
    # 0.910 / 0.822 / 0.878, held aside 0.854 / 0.889 / 0.806 / 0.869. Session 18 added 219 articles by fifteen more
    # annotators (I-W), 325 in all; the whole set at that session's start (117cac0): tuning 0.876 / 0.903 / 0.793 /
    # 0.858, held aside 0.862 / 0.888 / 0.784 / 0.856; after its quotation and speaker work: tuning 0.895 / 0.943 /
    # 0.831 / 0.893, held aside 0.876 / 0.916 / 0.808 / 0.879 (floors re-pinned for each new composition: a floor that
    # moves down does so because the set changed, not its figures on the same articles; the held-aside speaker
    # precision floor went 0.88 -> 0.875 when the quotation work found more attributions, one more with a wrong name).
    # Session 19 (documents' makers, shares of groups, names): tuning 0.896 / 0.943 / 0.841 / 0.902, held aside 0.876 /
    # 0.916 / 0.815 / 0.885. Session 20 (survey shares, grids): tuning 0.903 / 0.948 / 0.844 / 0.905, held aside 0.877 /
    # 0.918 / 0.814 / 0.885. Session 26 (its tuning errors as a sample of the general classes: name forms, coordinated
    # sources, roles and places): tuning 0.913 / 0.952 / 0.886 / 0.946, held aside 0.885 / 0.925 / 0.823 / 0.894.
    # Session 27 (relative clauses, participle heads, documents' agents, addressed programmes): tuning 0.915 / 0.953 /
    # 0.887 / 0.947, held aside 0.888 / 0.929 / 0.824 / 0.894. Session 28 (comma-less participles, relative clauses;
    # description and pronoun speakers from its tuning errors): tuning 0.918 / 0.955 / 0.900 / 0.952, held aside 0.888 /
    # 0.930 / 0.834 / 0.898.
    "bbc": OutsideSet(
        BBC_DIR,
        (
            "Podginator/Dissertation_final@",
            "BBC News dataset (Greene & Cunningham 2006)",
            "yuvallevy09/Solugen-Assignment@",  # the Kaggle "BBC News Summary" copy, paragraph breaks kept
            "flairNLP/fundus@",
            "goose3/goose3@",
        ),
        325,
        {
            "tuning": {"all_f1": 0.91, "quoted_f1": 0.95, "speaker": 0.895, "speaker_precision": 0.945},
            "held-aside": {"all_f1": 0.88, "quoted_f1": 0.925, "speaker": 0.83, "speaker_precision": 0.895},
        },
    ),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def outside(request: pytest.FixtureRequest) -> tuple[OutsideSet, list[dict]]:
    spec = SETS[request.param]
    return spec, load_dev(spec.folder)


def test_the_set_is_whole_valid_and_traced_to_its_source(outside: tuple[OutsideSet, list[dict]]) -> None:
    spec, docs = outside
    assert len(docs) == spec.files
    for doc in docs:
        assert check_doc(doc) == [], doc["name"]
        assert doc["origin"].startswith(spec.origins), doc["name"]
        assert doc["attributions"], f"{doc['name']}: an article without a reporting act belongs in SKIPPED.txt"


def test_no_article_of_the_set_is_in_the_other_sets(outside: tuple[OutsideSet, list[dict]]) -> None:
    spec, docs = outside
    folders = [BLIND_DIR, DEV_DIR, *(other.folder for other in SETS.values() if other is not spec)]
    openings = {doc["text"][:200] for folder in folders for doc in load_dev(folder)}
    assert not {doc["text"][:200] for doc in docs} & openings


@pytest.mark.parametrize("part", ["tuning", "held-aside"])
def test_outside_set_gate(outside: tuple[OutsideSet, list[dict]], part: str) -> None:
    spec, docs = outside
    docs = [doc for doc in without_beliefs(docs) if is_held_aside(doc["name"]) == (part == "held-aside")]
    got = gated_figures(score(docs, predict_finder))
    for key, floor in spec.floors[part].items():
        assert got[key] >= floor, f"{part} {key} fell to {got[key]:.3f} (floor {floor}) on {len(docs)} files"
