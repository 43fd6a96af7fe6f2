"""Evaluation gate (as in trafilatura's CI): Declutter's full clean() over the three development corpora must keep
every score at or above its pinned floor, and no page may crash.

Scores are computed by the same code as `make bench-quality` (bench/runner.py, bench/metrics.py), Declutter
only, in 2 worker processes. Run `.venv/bin/python bench/quality.py --only declutter --worst 15` to see which
pages to look at when a floor fails.
"""

from __future__ import annotations

import pytest

from bench import corpora, runner
from bench.runner import PageScore

# Raising a floor is routine (do it when a change lifts a score); lowering one is a visible decision in review.
# Each floor is what the pipeline reached, rounded down to 0.005; the figures behind each raise are in the commit
# that made it (`git log -p tests/test_quality_gate.py`). Keys: a corpus, or `corpus/part` for one part of its split
# (tuning, heldout), then bench.runner.summarise's figure names.
FLOORS: dict[str, dict[str, float]] = {
    "rtp": {  # readability-test-pages; shingle F1, images and metadata over the 122 readerable pages
        "shingle_f1": 0.980,
        "images_kept": 0.960,
        "meta_title": 0.945,
        "meta_byline": 0.995,
        "meta_published": 1.000,
        "meta_lang": 1.000,
        "meta_dir": 0.935,
    },
    "wcxb": {  # wcxb-dev-articles, 793 pages; snippets with typography folded on both sides (bench/metrics.py)
        "snippet_f1": 0.965,
        "word_f1": 0.955,
        "meta_title": 0.580,
        "meta_byline": 0.728,
        "meta_published": 0.825,
    },
    # trafilatura-eval-dev, 500 pages (about half German), snippets as upstream trafilatura scores them
    "traf/tuning": {"snippet_f1": 0.950},
    "traf/heldout": {"snippet_f1": 0.935},
    "rtp/tuning": {"shingle_f1": 0.985},
    "rtp/heldout": {"shingle_f1": 0.970},
}
GATED = [(corpus, key) for corpus, floors in FLOORS.items() for key in floors]
SPLITS = ("tuning", "heldout")


@pytest.fixture(scope="module")
def scores() -> list[PageScore]:
    """Declutter's per-page scores over both corpora (one run shared by every check below)."""
    for c in corpora.CORPORA:
        assert corpora.pages(c), f"corpus {c} not found under {corpora.CORPORA_DIR}"
    return runner.run(("declutter",), corpora.CORPORA, processes=2)


@pytest.fixture(scope="module")
def figures(scores: list[PageScore]) -> dict[str, dict]:
    """Figures per corpus (`rtp`) and per corpus part (`traf/heldout`)."""
    out = {c: runner.summarise(runner.select(scores, "declutter", c), c) for c in corpora.CORPORA}
    for c in corpora.CORPORA:
        for part in SPLITS:
            out[f"{c}/{part}"] = runner.summarise(runner.select(scores, "declutter", c, part), c)
    return out


@pytest.mark.slow
def test_every_page_returns_or_raises_no_article(scores: list[PageScore]) -> None:
    assert len(scores) == sum(len(corpora.pages(c)) for c in corpora.CORPORA)
    offenders = [f"{s.corpus}/{s.name}: {s.error}" for s in runner.crashes(scores)]
    assert not offenders, f"{len(offenders)} page(s) crashed:\n" + "\n".join(offenders)


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "key"), GATED, ids=[f"{c}-{k}" for c, k in GATED])
def test_score_stays_above_floor(figures: dict[str, dict], corpus: str, key: str) -> None:
    value = figures[corpus].get(key)
    floor = FLOORS[corpus][key]
    assert value is not None, f"{corpus} {key}: no score computed"
    assert value >= floor, (
        f"{corpus} {key} dropped to {value:.4f}, below its floor {floor:.3f} "
        f"(see `bench/quality.py --only declutter --worst 15`)"
    )
