"""Speakers: the name a reader would recognise for each source — titles stripped, surnames and abbreviations
expanded to the full name, pronouns and "the outlet" resolved to the person or body they stand for."""

from __future__ import annotations

import logging

from ..limits import Deadline
from .lexicon import (
    DETERMINERS,
    GROUP_DETERMINERS,
    GROUP_HEADS,
    NOT_PERSON_WORDS,
    NOT_PLURAL_ENDINGS,
    ORG_ANAPHORS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
)
from .patterns import ALNUM_RUN_RE, NAME_LEAD_RE, NAME_MENTION_RE, PAREN_RE
from .structure import RawAttribution, is_capitalised

log = logging.getLogger(__name__)

# How far back (characters) a pronoun looks for the person it refers to.
PRONOUN_WINDOW = 1500
# How many steps of a long, cheap loop run between two deadline checks.
CHECK_EVERY = 256


def is_named(speaker: str | None) -> bool:
    """A named person or body, not a generic group that happens to start a sentence ("Experts")."""
    if not speaker:
        return False
    return any(
        word[:1].isupper() and word.lower() not in SOURCE_NOUNS and word.lower() not in DETERMINERS
        for word in speaker.split()
    )


# ---------------------------------------------------------------------------------------------
# Name cores
# ---------------------------------------------------------------------------------------------


def name_core(source: str) -> str:
    """Strip determiners, titles and appositions: the name a reader would recognise."""
    name = _without_apposition(_without_parentheticals(source).strip())
    words = name.split()
    # lowercase determiners go; a capitalised "The" may be part of a name ("The New York Times")
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    if " and " in name:
        return " ".join(words)
    if words and words[0].endswith(("’s", "'s")) and len(words) > 1:
        words = words[1:]
    if words and words[-1].lower() in ORG_HEADS:
        return " ".join(words)
    # trailing run of capitalised non-title words is the person's name
    tail: list[str] = []
    for word in reversed(words):
        if is_capitalised(word) and word.lower().rstrip(".") not in TITLE_WORDS and word.lower() not in TITLE_WORDS:
            tail.append(word)
        else:
            break
    tail.reverse()
    if tail and len(tail) < len(words) and all(word[0].isupper() for word in tail):
        return " ".join(tail)
    return " ".join(words)


def group_word(words: list[str]) -> str | None:
    """A generic group or document as its own speaker, lower case and without its determiner ("The researchers" ->
    "researchers", "some medical experts" -> "medical experts"); None for a bare job noun ("the spokesman")."""
    if not words or any("," in word for word in words):
        return None
    head = words[-1]
    plural = head.endswith("s") and not head.endswith(NOT_PLURAL_ENDINGS)
    if not (plural or head in GROUP_HEADS):
        return None
    start = 0
    while start < len(words) - 1 and words[start] in GROUP_DETERMINERS:
        start += 1
    return " ".join(words[start:])


def _without_apposition(source: str) -> str:
    """The name part of a source with commas: the name before an apposition, or the named chunk."""
    first = source.split(",")[0].strip()
    if _is_name_list(source):
        return source  # "Canada, Britain and America's other NATO allies": the whole list speaks
    if "," in source and first[:1].isupper() and " and " not in first and len(first.split()) <= 5:
        return first  # "Mr. Reeves, a senior fellow at …": the name before the apposition
    if "," in source and " and " not in source:
        chunks = [chunk.strip() for chunk in source.split(",") if chunk.strip()]
        named = [
            chunk for chunk in chunks if any(word[:1].isupper() for word in chunk.split()[1:]) or chunk[:1].isupper()
        ]
        return named[0] if named else chunks[0]
    return source


def _without_parentheticals(source: str) -> str:
    r"""What re.sub(r"\s*\([^)]*\)", "", s) returns, in one pass: the pattern rescans to the end from every "("
    that has no ")" after it (str.isspace is exactly its \s)."""
    kept: list[str] = []
    pos = 0
    while (opening := source.find("(", pos)) >= 0 and (closing := source.find(")", opening)) >= 0:
        start = opening
        while start > pos and source[start - 1].isspace():
            start -= 1
        kept.append(source[pos:start])
        pos = closing + 1
    kept.append(source[pos:])
    return "".join(kept)


def _is_name_list(source: str) -> bool:
    """A list of names ("A, B and C"), not a name with an apposition ("A, a fellow at B and C")."""
    chunks = [chunk.strip() for chunk in source.split(",")]
    last = chunks[-1]
    if len(chunks) < 2 or " and " not in last or not all(chunk[:1].isupper() for chunk in chunks if chunk):
        return False
    return last.split(" and ", 1)[1][:1].isupper()


def _looks_person(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and not any(word.lower() in NOT_PERSON_WORDS for word in words)
    )


# ---------------------------------------------------------------------------------------------
# Full names and mentions
# ---------------------------------------------------------------------------------------------


class _Mentions:
    """Person names mentioned in the text, scanned once, left to right, as pronouns ask for them."""

    __slots__ = ("last", "pos", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.last: tuple[int, str] | None = None

    def before(self, pos: int) -> tuple[int, str] | None:
        """The last person named in the window before pos."""
        start = max(self.pos, pos - PRONOUN_WINDOW)
        for mention in NAME_MENTION_RE.finditer(self.text, start, pos):
            core = name_core(mention.group())
            words = core.split()
            if len(words) >= 2 and _looks_person(core) and not any(word.lower() in TITLE_WORDS for word in words):
                self.last = (mention.start(), core)
        self.pos = max(self.pos, pos)
        if self.last and self.last[0] >= pos - PRONOUN_WINDOW:
            return self.last
        return None


def _full_names(text: str, surnames: set[str], deadline: Deadline) -> dict[str, tuple[int, str]]:
    """Where each surname first appears as part of a full name ("Lloyd Austin"): one scan of the text's words
    serves every surname."""
    first_full: dict[str, tuple[int, str]] = {}
    if not surnames:
        return first_full
    for count, word in enumerate(ALNUM_RUN_RE.finditer(text)):
        if count % CHECK_EVERY == 0:
            deadline.check()
        surname = word.group()
        if surname not in surnames or surname in first_full:
            continue
        i = word.start()
        lead = NAME_LEAD_RE.search(text[max(0, i - 60) : i])
        if lead:
            core = name_core(lead.group("lead") + surname)
            words = core.split()
            if len(words) >= 2 and words[-1] == surname and _looks_person(core):
                first_full[surname] = (i, core)
    return first_full


# ---------------------------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------------------------


class _Story:
    """What the story has told so far: the last person, body and group quoted, who holds which title, full names."""

    __slots__ = ("first_full", "full_names", "last_org", "last_person", "last_plural", "mentions", "text", "titled")

    def __init__(self, text: str, first_full: dict[str, tuple[int, str]]) -> None:
        self.text = text
        self.first_full = first_full
        self.mentions = _Mentions(text)
        self.full_names: dict[str, str] = {}  # surname / abbreviation -> full name
        self.titled: dict[str, str] = {}  # title word -> the person who held it ("president" -> "Barack Obama")
        self.last_person: tuple[int, str] | None = None
        self.last_org: str | None = None
        self.last_plural: str | None = None

    def speaker(self, raw: RawAttribution) -> str | None:
        if raw.source is None:
            return None
        source = self.text[raw.source[0] : raw.source[1]]
        lowered = source.lower()
        words = lowered.split()
        if lowered in PERSON_PRONOUNS:
            return self._person_pronoun(raw.source[0])
        if lowered == "it":
            return self.last_org
        if lowered in PLURAL_PRONOUNS:
            return self.last_plural or self.last_org
        if words and words[-1] in ORG_ANAPHORS and not any(word[:1].isupper() for word in source.split()[1:]):
            return self.last_org  # "the outlet said"
        if words and not is_named(source):
            # a generic source: a title's holder ("the president"), else a group or a document names itself
            return self.titled.get(words[-1]) or group_word(words)
        return self._named(source, words, raw.source[0])

    def _person_pronoun(self, pos: int) -> str | None:
        """The last person quoted is the usual antecedent; a mere mention only when none was quoted yet."""
        mention = self.mentions.before(pos) if self.last_person is None else None
        if mention:
            return self.full_names.get(mention[1].split()[-1], mention[1])
        return self.last_person[1] if self.last_person else None

    def _named(self, source: str, words: list[str], start: int) -> str | None:
        """A named source: its core, expanded to a full name given earlier (or an abbreviation's name)."""
        core = name_core(source)
        for abbreviation in PAREN_RE.findall(source):
            self.full_names[abbreviation.strip()] = core
        core_words = core.split()
        name: str | None
        if core in self.full_names:
            name = self.full_names[core]
        elif len(core_words) == 1:
            first = self.first_full.get(core_words[0])
            name = self.full_names.get(core_words[0]) or (first[1] if first and first[0] < start else None) or core
        else:
            name = core
        self._remember(name, source, words, start)
        return name

    def _remember(self, name: str | None, source: str, words: list[str], start: int) -> None:
        if name and len(name.split()) >= 2 and _looks_person(name):
            self.full_names.setdefault(name.split()[-1], name)
        if name and name[:1].isupper() and _looks_person(name) and " and " not in name:
            self.last_person = (start, name)
            for word in words:
                if word in TITLE_WORDS and word not in DETERMINERS:
                    self.titled[word] = name
        elif name and name[:1].isupper():
            self.last_org = name
        if name and (" and " in name or (words and words[-1].endswith("s") and not source[:1].isupper())):
            self.last_plural = name


def resolve(text: str, raws: list[RawAttribution], deadline: Deadline) -> list[str | None]:
    """Speaker names: titles stripped, surnames and abbreviations expanded, pronouns resolved."""
    surnames = {
        word
        for raw in raws
        if raw.source
        for word in [text[raw.source[0] : raw.source[1]]]
        if " " not in word and len(word) >= 3 and word[:1].isupper() and word.isalpha()
    }
    story = _Story(text, _full_names(text, surnames, deadline))
    speakers: list[str | None] = []
    for raw in raws:
        deadline.check()
        speakers.append(story.speaker(raw))
    return speakers
