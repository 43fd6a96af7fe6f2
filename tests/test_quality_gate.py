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
# Pinned 2026-11-21 at what the pipeline reached, rounded down to 0.005 (raised the same day after the image,
# date and direction fixes). Keys: a corpus, or `corpus/part` for one part of its split (tuning, heldout), then
# bench.runner.summarise's figure names.
FLOORS: dict[str, dict[str, float]] = {
    "rtp": {  # readability-test-pages; shingle F1, images and metadata over the 122 readerable pages
        "shingle_f1": 0.975,
        "images_kept": 0.950,
        "meta_title": 0.945,
        "meta_byline": 0.995,
        "meta_published": 1.000,
        "meta_lang": 1.000,
        "meta_dir": 0.935,
    },
    "wcxb": {  # wcxb-dev-articles, 793 pages
        # Typography folded on both sides since 2026-12-05 (bench/metrics.py fold_typography): the same output
        # scored 0.914 unfolded, 0.956 folded, so the floor rose from 0.910 with the metric, not the pipeline.
        "snippet_f1": 0.955,
        "word_f1": 0.950,  # 0.948 until 2026-12-05 (generic words, structural rules, repeated title)
        "meta_title": 0.580,
        "meta_byline": 0.728,
        "meta_published": 0.825,
    },
    # trafilatura-eval-dev, 500 pages (about half German), snippets as upstream trafilatura scores them; pinned
    # 2026-12-05 per part of the split (tuning 414 pages, held out 86), rounded down to 0.005; raised the same day
    # from 0.870 and 0.900 by the generic words in ten languages and the structural rules (0.891 and 0.911);
    # tuning raised again by the promo-card, credit, comment and follow-us rules (0.901 and 0.913), then by
    # extraction's standfirst class words, teaser links and picks outside <main> or in navigation (0.906), and
    # by publisher's notes in ten languages and a whole story kept beside a longer comment thread (0.911), and by
    # the marked standfirst and paragraphs beside the pick's ancestors (0.9165), and by picks that keep the
    # standfirst of a header block, the page's own story over one loaded below it, and no sidebar or list as the
    # paragraph container (0.9219).
    "traf/tuning": {"snippet_f1": 0.920},
    "traf/heldout": {"snippet_f1": 0.910},
    # readability-test-pages per part, pinned 2026-12-05 after extraction followed Readability.js on headings,
    # lists, sibling paragraphs and the byline (tuning 0.981, held out 0.973; all pages 0.9795, under "rtp" above).
    "rtp/tuning": {"shingle_f1": 0.980},
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
