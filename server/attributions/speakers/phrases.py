"""What a phrase around a source says: a name in apposition, the apposition's head, a group's modifiers, a role's
noun."""

from __future__ import annotations

from ..lexicon import GROUP_DETERMINERS, NP_BREAK, ROLE_TITLES
from ..vocabulary import IRREGULAR_PAST_FORMS
from .constants import (
    APPOSITION_ENDS,
    APPOSITION_WORDS,
    BODY_NOUNS,
    OBLIQUE_PREPOSITIONS,
    PERSON_NOUNS,
)


def named_chunk(source: str) -> bool:
    """A chunk after a comma that starts with a capital: a name in apposition ("the chairman, Neil Parish")."""
    return any(chunk.strip()[:1].isupper() for chunk in source.split(",")[1:])


def apposition_kind(apposition: str) -> str | None:
    """What an apposition's head says its name is: "person" ("a research associate professor at the University of
    Texas"), "body" ("the nonprofit entity that controls …", "an industry body"), or None. The head is its last word
    before a relative clause, a place or its end."""
    words = apposition.split()[:APPOSITION_WORDS]
    if not words or words[0] not in ("a", "an", "the"):
        return None
    head = ""
    for word in words[1:]:
        bare = word.rstrip(",.;:").lower()
        if bare in APPOSITION_ENDS:
            break
        head = bare
        if word[-1] in ",.;:":
            break
    return "person" if head in PERSON_NOUNS else "body" if head in BODY_NOUNS else None


def modifier_word(word: str) -> bool:
    """A lowercase noun or adjective before a group's noun ("energy experts"), not a verb or a function word ("left
    experts", "the experts")."""
    return (
        word.isalpha()
        and word.islower()
        and word not in NP_BREAK
        and word not in GROUP_DETERMINERS
        and word not in IRREGULAR_PAST_FORMS
        and word not in OBLIQUE_PREPOSITIONS  # "among customers": a preposition, no modifier
        and not word.endswith(("ed", "ing", "ly"))
    )


def is_role_word(word: str) -> bool:
    """A noun for a person by what they do or hold ("director", "engineer", "chairwoman"): a role, not a name."""
    return word.lower() in PERSON_NOUNS or word.lower() in ROLE_TITLES
