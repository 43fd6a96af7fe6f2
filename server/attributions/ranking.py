"""Importance: which attributions are key, and in what order a reader should see them."""

from __future__ import annotations

import logging

from ..limits import Deadline
from .names import is_named
from .structure import RawAttribution

log = logging.getLogger(__name__)

# Importance of an attribution by kind: a reader looks for quoted words first.
KIND_WEIGHT: dict[str, float] = {"direct": 3.0, "mixed": 2.5, "indirect": 1.0}
# Minimum importance score for a named source's attribution to be key (a quote by anyone named qualifies).
KEY_THRESHOLD = 3.0


def rank(
    raws: list[RawAttribution], speakers: list[str | None], paragraph_count: int, deadline: Deadline
) -> list[int | None]:
    """Rank the key attributions: named sources, quoted words, the sources the story leans on, early ones."""
    counts: dict[str, int] = {}
    for speaker in speakers:
        if speaker:
            counts[speaker] = counts.get(speaker, 0) + 1
    scored: list[tuple[float, int]] = []
    for i, (raw, speaker) in enumerate(zip(raws, speakers, strict=True)):
        deadline.check()
        if not is_named(speaker) or raw.kind == "belief":
            continue  # beliefs are never key: the panel shows who said what
        score = KIND_WEIGHT.get(raw.kind, 0.0)
        score += min(counts.get(speaker or "", 1), 6) * 0.5
        if raw.paragraph <= max(2, paragraph_count // 5):
            score += 1.0
        score += min(raw.content[1] - raw.content[0], 300) / 300.0
        if score >= KEY_THRESHOLD:
            scored.append((score, i))
    scored.sort(key=lambda item: (-item[0], item[1]))
    ranks: list[int | None] = [None] * len(raws)
    for position, (_, i) in enumerate(scored, 1):
        ranks[i] = position
    return ranks
