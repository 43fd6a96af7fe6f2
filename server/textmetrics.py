"""Text measures shared by the rules check (`declutter rules check --scores`) and the benchmark (bench/metrics.py).

Each has one definition here, so a rule's fixture score and the bench's WCXB figure cannot drift apart.
"""

from __future__ import annotations

import collections
import re

_WORD_RE = re.compile(r"\w+")


def normalise_space(text: str | None) -> str:
    """Collapse every run of whitespace to one space and trim (str.split() and re's \\s agree on whitespace)."""
    return " ".join((text or "").split())


def word_f1(expected: str, extracted: str) -> float:
    """Word F1: lowercased \\w+ tokens as multisets (the WCXB metric); two empty texts agree perfectly."""
    want = collections.Counter(_WORD_RE.findall((expected or "").lower()))
    got = collections.Counter(_WORD_RE.findall((extracted or "").lower()))
    if not want and not got:
        return 1.0
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)
