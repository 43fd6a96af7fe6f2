"""The gender a person's given name says, from the table in given_names.txt (derived by bench/given_names.py): what
keeps a "she" off "Alan Dershowitz" when the text's own pronouns say nothing of him."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..lexicon import TITLE_WORDS

TABLE = Path(__file__).with_name("given_names.txt")


@cache
def _genders() -> dict[str, str]:
    genders: dict[str, str] = {}
    with TABLE.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                name, gender = line.split()
                genders[name] = gender
    return genders


def given_name_gender(name: str) -> str | None:
    """ "m" or "f" for a full name whose first word is a given name nearly all of whose bearers are of one gender
    ("Virginia Giuffre" -> "f"); None for a single word (a surname, or a body's name), an initial, a title, or a
    name worn by both ("Jean Luc Brunel")."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].lower()
    if first in TITLE_WORDS or not first.isalpha():
        return None  # "President Biden", "J. Smith": no given name
    return _genders().get(first)
