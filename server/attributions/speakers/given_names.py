"""The gender a person's given name says, from the table in given_names.txt (derived by bench/given_names.py): what
keeps a "she" off "Alan Dershowitz" when the text's own pronouns say nothing of him."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..lexicon import OCCUPATION_NOUNS, ROLE_TITLES, TITLE_WORDS

TABLE = Path(__file__).with_name("given_names.txt")
# Words a speaker's name may still open with ("Health Commissioner Robert Cornett"): no given name.
NAME_OPENING_ROLES: frozenset[str] = TITLE_WORDS | ROLE_TITLES | OCCUPATION_NOUNS


def _read_table() -> dict[str, str]:
    genders: dict[str, str] = {}
    with TABLE.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                name, gender = line.split()
                genders[name] = gender
    return genders


# Read at import (about 50 ms, 5 MB): gunicorn's preloaded app shares it with every worker.
GENDERS: dict[str, str] = _read_table()


def _folded(word: str) -> str:
    """ "José" -> "jose", "Mary-Kate" -> "mary": the table's spelling of a given name."""
    decomposed = unicodedata.normalize("NFKD", word.lower().rstrip("."))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).split("-")[0]


def given_name_gender(name: str) -> str | None:
    """ "m" or "f" for a full name whose given name nearly all bearers of are of one gender ("Virginia Giuffre" ->
    "f", "Health Commissioner Robert Cornett" -> "m"); None for a single word (a surname, or a body's name), an
    initial, a name worn by both ("Leslie Thomas"), or a surname written first ("Park Geun-hye")."""
    words = name.split()
    if any("-" in word and word.split("-", 1)[1][:1].islower() for word in words[1:]):
        return None  # "Park Geun-hye", "Ma Ying-jeou": the family name comes first
    while len(words) >= 2:
        first = _folded(words[0])
        if first in NAME_OPENING_ROLES:
            words = words[1:]
            continue
        if not first.isalpha():
            return None  # "J. Smith": an initial
        gender = GENDERS.get(first)
        if gender is not None or len(words) < 3:
            return gender
        words = words[1:]  # "Principal Greg Owens", "Jean Luc Brunel": a word the table lacks before a given name
    return None


def lone_given_name_gender(word: str) -> str | None:
    """ "m" or "f" for one word that is a given name nearly all bearers of are of one gender ("Susan" of "Susan and
    Emily Carter"), else None."""
    folded = _folded(word)
    return GENDERS.get(folded) if folded.isalpha() else None
