"""What the scans before and after a cue share: their reaches and limits, and the test that a phrase can name a
source."""

from __future__ import annotations

import logging
import re

from ..lexicon import (
    CONNECTIVE_ADVERBS,
    DETERMINERS,
    LINKING_ADJECTIVES,
    LONE_SOURCES,
    NP_BREAK,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    SHARE_HEADS,
    SOURCE_NOUNS,
    is_acronym,
    looks_plural,
)
from ..structure import Token, is_brand_word, is_capitalised
from ..vocabulary import DOCUMENT_NOUNS, words

log = logging.getLogger(__name__)

# How far back from its cue a source may start (characters).
BACKWARD_REACH = 250
# Participles that give a document's maker with "by" or "from" ("Data published by OpenAI").
MAKER_PARTICIPLES: frozenset[str] = frozenset(
    ["published", "released", "compiled", "conducted", "commissioned", "issued", "written", "posted", "produced"]
)
# An auxiliary's contraction at a pronoun's end ("They've", "she'd"), and the pronouns taken with one as a source
# after a clause; not with "’ll" ("they’ll want to use it": a future or a condition's consequence, no report).
CONTRACTION_RE = re.compile(r"[’'](?:ve|ll|d|re|s)$")
CONTRACTED_SUBJECTS: frozenset[str] = frozenset(["he", "she", "they"])
# How far before a cue a time phrase is looked for ("on Tuesday", "last week"), in characters.
TIME_PHRASE_REACH = 40
# Lowercase words in a row a noun phrase holds ("a recent computer science graduate"); one more is a clause.
MAX_LOWER_RUN = 5
# Most tokens of a parenthetical inside a source: an abbreviation or a party and state ("(NYT)", "(D-N.C.)").
MAX_PARENTHETICAL_TOKENS = 8
# Shortest -ly adverb and -ed participle skipped or refused ("only", "red" and "Ted" are neither).
MIN_SUFFIXED_LENGTH = 5
# Capitalised sentence adverbs that open a sentence before a lowercase source ("Now research shows").
SENTENCE_ADVERBS: frozenset[str] = CONNECTIVE_ADVERBS | frozenset(
    words("now finally then still also later earlier today yesterday recently previously")
)


def contracted_pronoun(word: str) -> bool:
    """A third person's pronoun with an auxiliary's contraction but "’ll", lowercase ("he’d", "they’ve", "she’s"); the
    writer's and the reader's ("we’ve said", "you’ve asked") and "it’s" (mostly "it is") are left to the scan."""
    if "’" not in word and "'" not in word:
        return False  # most words: no apostrophe, no contraction, no search
    contraction = CONTRACTION_RE.search(word)
    if contraction is None or contraction.group()[1:] == "ll":
        return False
    return word[: contraction.start()] in CONTRACTED_SUBJECTS


def noun_phrase_ok(phrase: list[Token]) -> bool:
    """A source needs a proper name, a pronoun, or a known source noun at its head."""
    if not phrase:
        return False
    words = [token for _, _, token in phrase if token[0].isalnum()]
    if not words:
        return False
    lowered = words[0].lower()
    if len(words) == 1 and (lowered in PRONOUNS or lowered in LONE_SOURCES or contracted_pronoun(lowered)):
        return True
    if words[-1].endswith(POSSESSIVE_ENDINGS) and words[-1][:1].islower():
        return False  # "the doctor’s notes": a possessive is no subject
    if any(
        (word[0].isupper() or is_brand_word(word))
        and (is_acronym(word) or (word.lower() not in DETERMINERS and word.lower() not in NP_BREAK))
        for word in words
    ):
        return True  # a name (a number alone, "2017", is none; "eBay" is one)
    if len(words) >= 2 and words[0].lower() in DETERMINERS:
        return True  # "a recent computer science graduate"
    # "people familiar with the matter", "sources close to the company": the head stands before its adjective phrase
    linked = next((at for at in range(1, len(words) - 1) if words[at] in LINKING_ADJECTIVES), None)
    head = words[linked - 1 if linked is not None else -1].lower()
    if head in SHARE_HEADS:
        return True  # "73 percent reported", "About half said": a share of those surveyed
    if head in SOURCE_NOUNS or head in DOCUMENT_NOUNS:
        return True  # "officials", "modelling showed", "evidence suggests"
    return looks_plural(head)


def speaking_head(source: str) -> bool:
    """The head of a phrase can speak by itself: a name, a plural or a source or document noun ("the test results",
    "retail outlets", "Amnesty"), not any noun ("an assault", "the advice")."""
    head = source.split()[-1] if source.split() else ""
    lowered = head.lower()
    if is_capitalised(head) or lowered in SOURCE_NOUNS or lowered in DOCUMENT_NOUNS:
        return True
    return looks_plural(lowered) and lowered not in NP_BREAK
