"""The people and bodies an article quotes (Entity), with the tests a pronoun's or a title's candidate must pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from .given_names import given_name_gender


@dataclass(slots=True)
class Entity:
    """A person or body the article quotes, with what the text tells of it."""

    name: str
    person: bool | None  # None: a one-word name that may be either ("Uber", "Meghan")
    male: int = 0  # he/his/him right after its mentions, and male titles
    female: int = 0
    neuter: int = 0  # "its" right after its mentions: a body
    reported_male: int = 0  # of the he/his/him, those inside a reported clause (the speaker, or someone spoken of)
    reported_female: int = 0
    forms: set[str] = field(default_factory=set)
    titled: bool = False  # named with a title ("Dr", "President"): a person
    given: str | None = field(init=False)  # the gender its given name says ("Alan Dershowitz": "m"), if it says one

    def __post_init__(self) -> None:
        self.given = given_name_gender(self.name)

    def gender(self) -> str | None:
        """The gender the pronouns after its mentions say, else, for one known as a person, its given name's; none when
        the two disagree (a wrong name is worse than none). A name only mentioned says no gender by its given name
        alone: "(Photo by Christopher Furlong)" is no one a "he" continues."""
        told = "m" if self.male > 2 * self.female else "f" if self.female > 2 * self.male else None
        if told is not None and self.given is not None and told != self.given:
            return None  # "flirting with Donald Trump, but she later said": the pronouns after it are someone else's
        given = self.given if self.person is True else None
        if given is None or told is None:
            return told or given
        return told if told == given else None


def acronym_like(entity: Entity) -> bool:
    """A one-word name with capitals inside ("SRLabs", "NPHET", "OpenAI") and no he or she known: a body's, where
    "Meghan" may be a person's. One capital inside is a surname's ("DeSantis", "McCarthy") unless "its" follows it."""
    if entity.person is not None or entity.gender() is not None:
        return False
    inner_capitals = sum(letter.isupper() for letter in entity.name[1:])
    return inner_capitals >= 2 or (inner_capitals == 1 and entity.neuter > 0)


def name_letters(word: str) -> bool:
    """Letters, with the hyphen or apostrophe of a surname ("Randle-Boggis", "O'Brien")."""
    return word.replace("-", "").replace("'", "").replace("’", "").isalpha() and word[-1].isalpha()


def known_person(entity: Entity) -> bool:
    """A person by more than the look of the name: a title, a gender its pronouns or given name tell, a lone word."""
    return entity.person is True and (entity.titled or entity.gender() is not None or " " not in entity.name)


def maybe_body(entity: Entity) -> bool:
    """Not known as a person: no title, no he or she after it ("New York City Housing Authority" has four capitalised
    words, as a person's name may)."""
    return entity.person is not True or (not entity.titled and entity.gender() is None and len(entity.name.split()) > 1)


def is_not_person(entity: Entity) -> bool:
    return entity.person is not True and " and " not in entity.name


def is_body(entity: Entity) -> bool:
    """A body "it" may stand for: named as one, or a one-word name its pronouns call "its"."""
    return " and " not in entity.name and (
        entity.person is False or (entity.person is None and entity.neuter > entity.male + entity.female)
    )
