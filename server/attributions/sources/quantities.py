"""Quantities at the head of a source, read backward: numbers, their approximators and comparatives, ratios and
shares ("About one in five of more than a thousand Americans surveyed", "73 percent of those asked")."""

from __future__ import annotations

from ..lexicon import APPROXIMATORS, COMPARATIVES, NUMBER_WORDS, POSSESSIVE_DETERMINERS, SHARE_HEADS
from ..structure import Token
from ..vocabulary import words

# Quantities whose "of" phrase names who spoke ("Six of the eight studies", "a string of Tory MPs"), and the
# determiners allowed after that "of".
PARTITIVE_HEADS: frozenset[str] = frozenset(
    words(
        """one two three four five six seven eight nine ten some many most all each none both several few any either
        neither dozens hundreds thousands millions string number group handful series couple rest share members"""
    )
)

# How many steps a source's quantity takes ("About one in five of more than a thousand": five).
MAX_QUANTITY_STEPS = 5

# First words of a source that may open a quantity (digits aside): number words, approximators, "a thousand".
QUANTITY_OPENERS: frozenset[str] = NUMBER_WORDS | APPROXIMATORS | frozenset(words("a an least than"))

PARTITIVE_DETERMINERS: frozenset[str] = POSSESSIVE_DETERMINERS | frozenset(["the", "these"])


def partitive_start(phrase: list[Token], first: int) -> int:
    """Where a source starts when a share or count of it speaks ("Six of the eight studies", "One of my students", "a
    string of Tory MPs", "both experts"): the quantifier is the head, the phrase after "of" its complement."""
    while (
        first >= 2 and phrase[first - 1][2] == "," and phrase[first - 2][2].isdecimal() and phrase[first][2].isdecimal()
    ):
        first -= 2  # "34,525 adults": a number's thousands
    at = first if phrase[first][2] == "of" else first - 1  # "of Tory MPs": the scan went on through "of"
    if at >= 2 and phrase[at][2].lower() in PARTITIVE_DETERMINERS and phrase[at - 1][2] == "of":
        at -= 1  # "Six of the eight studies": the scan stopped at "eight", a determiner too
    if at >= 1 and phrase[at][2] == "of" and _is_quantity(phrase[at - 1][2]):
        start = at - 1
        if start >= 1 and phrase[start - 1][2].lower() in ("a", "an", "the") and phrase[start][2][:1].islower():
            start -= 1  # "a string of", "the majority of"
        if start >= 1 and phrase[start - 1][2].replace(".", "", 1).isdecimal():
            start -= 1  # "1.9 percent of 34,525 adults"
        return start
    if first >= 1 and phrase[first][2].lower() == "those" and phrase[first - 1][2].lower() in SHARE_HEADS:
        return first - 1  # "nearly half those surveyed": a share without its "of"
    following = phrase[first][2]
    if first >= 1 and phrase[first - 1][2].lower() in ("both", "all") and following.islower():
        return first - 1  # "both experts"; before names ("both Roscosmos and NASA") the names alone resolve
    return first


def quantity_start(phrase: list[Token], start: int) -> int:
    """Where a source starts when it opens with a number: the words that make it approximate, a ratio and a share
    of a larger number ("About one in five of more than a thousand Americans surveyed", "at least 20 residents")."""
    opening = phrase[start][2].lower()
    if opening in ("a", "an", "least", "than") or opening in APPROXIMATORS:
        if opening in APPROXIMATORS and start + 1 < len(phrase) and phrase[start + 1][2].lower() in SHARE_HEADS:
            return start + 1  # a share stays bare: "Nearly half of 2,000 adults" -> "half of 2,000 adults"
        if start + 1 >= len(phrase) or not _is_number(phrase[start + 1][2]):
            return start  # "a thousand", "least 20" (the scan took the adverb's second word)
    elif not _is_number(opening):
        return start  # a share stays bare: "About half said" -> "half"
    for _ in range(MAX_QUANTITY_STEPS):
        before = [token.lower() for _, _, token in phrase[max(0, start - 2) : start]]
        opening = phrase[start][2].lower()
        if before[-1:] == ["than"] and before[-2:-1] and before[-2] in COMPARATIVES:
            start -= 2  # "more than a thousand"
        elif opening in ("than", "least") and before[-1:] and before[-1] in COMPARATIVES | {"at"}:
            start -= 1  # "more than", "at least": the scan took their second word
        elif before[-2:] == ["at", "least"]:
            start -= 2
        elif before[-1:] and before[-1] in APPROXIMATORS:
            start -= 1  # "About one …", "nearly 40 …"
        elif len(before) == 2 and before[-1] in ("in", "of") and _is_number(phrase[start - 2][2]):
            start -= 2  # "one in five", "five of more than a thousand"
        elif len(before) == 2 and before[-1] == "of" and _is_quantity(phrase[start - 2][2]):
            start -= 2  # "half of 2,000 adults"
        else:
            break
    return start


def ends_in_ratio(phrase: list[Token], last: int) -> bool:
    """The phrase ends in a ratio standing for people ("One in four said", "one in five"): a share of those asked."""
    return last >= 2 and phrase[last - 1][2] == "in" and _is_number(phrase[last][2]) and _is_number(phrase[last - 2][2])


def _is_number(word: str) -> bool:
    """A numeral ("1,200", "74%") or a number word ("five", "Ninety-seven", "three-quarters", "thousand")."""
    return word.replace(",", "").replace(".", "").rstrip("%").isdecimal() or word.lower().split("-")[0] in NUMBER_WORDS


def _is_quantity(word: str) -> bool:
    lowered = word.lower()
    return lowered in PARTITIVE_HEADS or lowered in SHARE_HEADS or word.isdecimal()
