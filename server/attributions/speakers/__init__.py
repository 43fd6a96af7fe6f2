"""Speakers: the name behind each source, one per person (the longest form the article gives: "Dempsey", "Mr.
Dempsey" and "Owen Dempsey" are "Owen John Dempsey"), pronouns and "the company" resolved to the nearest compatible
person or body named before them, or left unresolved. The names themselves come from names.py."""

from __future__ import annotations

from bisect import bisect_right

from ...limits import Deadline
from ..lexicon import ARTICLES, GROUP_HEADS, NATIONALITIES, PERSON_PRONOUNS, PLURAL_PRONOUNS, is_acronym, looks_plural
from ..names import group_word, is_named, name_core
from ..structure import RawAttribution, Span
from ..vocabulary import DOCUMENT_NOUNS
from .constants import (
    ANONYMOUS_ROLES,
    FIRST_PERSON,
    HEAD_ROLES,
    HONORIFICS,
    LEAD_BODY_KINDS,
    LEAD_DOCUMENT_KINDS,
    LEAD_DOCUMENT_PARAGRAPH,
    LEAD_PARAGRAPHS,
    MAKER_NAME_LINKS,
    MAX_LEAD_ROLE_WORDS,
    POSSESSIVE_MARKS,
    QUOTE_OPENINGS,
    ROLE_LEAD_DETERMINERS,
)
from .given_names import given_name_gender
from .phrases import is_role_word
from .story import Story
from .voices import first_person_voices


def resolve(text: str, raws: list[RawAttribution], deadline: Deadline, paragraph_spans: list[Span]) -> list[str | None]:
    """Speaker names: titles stripped, one name per person, pronouns resolved or left unresolved."""
    story = Story(text, raws, deadline, paragraph_spans)
    speakers: list[str | None] = []
    for index, raw in enumerate(raws):
        deadline.check()
        speaker = story.speaker(index, raw)
        story.remember(raw, speaker)
        speakers.append(speaker)
    _first_person_in_quotes(text, raws, speakers)
    _headline_role(text, raws, speakers, story)  # "CSA 'could close', says minister" / "… Secretary Alan Johnson …"
    _named_after_lead(text, raws, speakers, story)  # "its chief executive has said …" / "Lakshmi Mittal has told …"
    _body_named_after_lead(text, raws, speakers)  # "…, the elections watchdog has said." / "The Electoral Commission …"
    first_person_voices(text, raws, speakers, story, paragraph_spans)  # an interview's, a signed piece's author's
    return _as_written(text, raws, speakers)


def _as_written(text: str, raws: list[RawAttribution], speakers: list[str | None]) -> list[str | None]:
    """A group named in lower case keeps the capitals its sources write an acronym or a nationality with ("US
    officials", "British diplomats", "Russian state media", not "us officials"), wherever it is the speaker (a "they"
    after it too); done once all are resolved, so that case never changes who a pronoun stands for."""
    written: dict[str, str] = {}
    for raw, speaker in zip(raws, speakers, strict=True):
        if speaker is None or raw.source is None or not speaker.islower() or speaker in written:
            continue
        head = speaker.split()[-1]
        if not (looks_plural(head) or head in GROUP_HEADS) or head in DOCUMENT_NOUNS:
            continue  # "the Finnish guidance", "Israeli figures": a nationality places a document, it names none
        capitals = {
            word.lower(): word
            for word in text[raw.source[0] : raw.source[1]].split()
            if (word.isupper() and len(word) > 1 and word.isalpha()) or word.lower() in NATIONALITIES
        }
        if capitals:
            written[speaker] = " ".join(capitals.get(word, word) for word in speaker.split())
    return [written.get(speaker, speaker) if speaker is not None else None for speaker in speakers]


def _first_person_in_quotes(text: str, raws: list[RawAttribution], speakers: list[str | None]) -> None:
    """An "I said" inside someone's quotation ('"I went to them, and I said I needed help," she said') is that
    speaker's: the quoted speaker, resolved once the whole text is read (the quote's own cue often comes after)."""
    wanted = [
        (index, raw.source[0])
        for index, raw in enumerate(raws)
        if raw.source is not None and speakers[index] is None and text[raw.source[0] : raw.source[1]] in FIRST_PERSON
    ]
    if not wanted:
        return
    quoted = sorted(
        (start, end, speaker)
        for raw, speaker in zip(raws, speakers, strict=True)
        if speaker is not None
        for start, end in raw.fragments or [raw.content]
        if text.startswith(QUOTE_OPENINGS, start)
    )
    starts = [start for start, _, _ in quoted]
    for index, pos in wanted:
        at = bisect_right(starts, pos) - 1
        if at >= 0 and pos < quoted[at][1]:
            speakers[index] = quoted[at][2]


def _named_after_lead(text: str, raws: list[RawAttribution], speakers: list[str | None], story: Story) -> None:
    """A story that opens with a role only ("South Korea's opposition leader said …", "The head of the U.N. nuclear
    watchdog said …") names that person in the next paragraph with the same role ("…," Lee Jae-myung, head of the
    Democratic Party, said), or names a person bare ("its chief executive has said." / "Lakshmi Mittal has told
    investors …"): the description and a he or she between the two, still unresolved, are that person."""
    for index, raw in enumerate(raws):
        if speakers[index] is not None or raw.source is None or raw.paragraph > LEAD_PARAGRAPHS:
            continue
        role = _lead_role(text[raw.source[0] : raw.source[1]])
        described = _described_role(text[raw.source[0] : raw.source[1]])
        if role is None and described is None:
            continue
        pronouns: list[tuple[int, str]] = []  # the he or she sources between, each with its pronoun
        for later_index in range(index + 1, len(raws)):
            later = raws[later_index]
            if later.paragraph > raw.paragraph + 1:
                break
            if later.source is None:
                continue
            source = text[later.source[0] : later.source[1]]
            name = speakers[later_index]
            if source.lower() in ("he", "she") and name is None:
                pronouns.append((later_index, source.lower()))
                continue
            entity = story.entities.get(name) if name is not None else None
            if name is None or entity is None or entity.person is not True:
                continue  # "Government guidance said …": a body or a group between, no holder of a person's role
            heard = [pronoun for _, pronoun in pronouns] + _subject_pronoun(text, raw)
            # a role held by name is the lead's owned one ("Britain's prime minister"): "the minister" is one of
            # many ("Helen Nolan, the shadow minister"); a bare name is the lead's only in the paragraph after it
            held = role is not None and _holds_role(source, name, role)
            if held or (later.paragraph > raw.paragraph and _introduces_bare(source, name, heard)):
                speakers[index] = name
                gender = given_name_gender(name)
                for at, pronoun in pronouns:
                    if gender is None or pronoun == ("he" if gender == "m" else "she"):
                        speakers[at] = name
            break  # the first person quoted after the lead holds its role, or no one does


def _headline_role(text: str, raws: list[RawAttribution], speakers: list[str | None], story: Story) -> None:
    """A headline's bare role ("CSA 'could close', says minister") is the first person the story's first paragraph
    quotes, when it names that person with a role or title ("Work and Pensions Secretary Alan Johnson has warned"):
    the headline sums up the lead."""
    for index, raw in enumerate(raws):
        if raw.paragraph > 0:
            break
        source = text[raw.source[0] : raw.source[1]] if raw.source is not None else ""
        if speakers[index] is not None or not source.islower() or " " in source or not is_role_word(source):
            continue
        if source in ANONYMOUS_ROLES:
            continue  # "says spokesman": someone else than the person the lead names
        for later_index in range(index + 1, len(raws)):
            later = raws[later_index]
            name = speakers[later_index]
            if later.paragraph > 1:
                break
            entity = story.entities.get(name) if name is not None else None
            if later.paragraph == 0 or later.source is None or entity is None or entity.person is not True:
                continue
            assert name is not None
            titled = text[later.source[0] : later.source[1]].replace(name, " ").split()
            if any(is_role_word(word.strip(",")) for word in titled):
                speakers[index] = name
            break  # the lead's first person quoted, or no one


def _subject_pronoun(text: str, raw: RawAttribution) -> list[str]:
    """The he or she a reported clause opens with ("says he is urgently asking"): the speaker's own, as a rule."""
    opening = text[raw.content[0] : raw.content[0] + 4].split()[:1]
    return [opening[0].lower()] if opening and opening[0].lower() in ("he", "she") else []


def _body_named_after_lead(text: str, raws: list[RawAttribution], speakers: list[str | None]) -> None:
    """A story that opens with a body described by its kind only ("…, the elections watchdog has said.", "…, a trade
    body has warned.") names it in the next paragraph, as that paragraph's first named source ("The Electoral
    Commission says …"): the description is that body, unless the first named source there is a person. A document
    the story's first paragraph names so ("…, a survey has found.") is made by that body ("The study by US
    researchers, Pew Internet, suggests …"), when its name is a body's own (no other document, no group)."""
    for index, raw in enumerate(raws):
        if speakers[index] is not None or raw.source is None or raw.paragraph > LEAD_PARAGRAPHS:
            continue
        source = text[raw.source[0] : raw.source[1]]
        document = source.split()[-1] in LEAD_DOCUMENT_KINDS
        if not _lead_body_kind(source) or (document and raw.paragraph > LEAD_DOCUMENT_PARAGRAPH):
            continue
        for later_index in range(index + 1, len(raws)):
            later = raws[later_index]
            if later.paragraph > raw.paragraph + 1:
                break
            name = speakers[later_index]
            if later.paragraph == raw.paragraph or later.source is None or name is None:
                continue
            # a person's given name tells the one case the story goes on to ("said Jane Pike, who chairs the group")
            named = given_name_gender(name) is None and is_named(text[later.source[0] : later.source[1]])
            if named and (not document or _maker_name(name)):
                speakers[index] = name
            break  # the next paragraph's first named source names the body, or no one does


def _maker_name(name: str) -> bool:
    """A name a lead's document may be made by: a body's own name in capitals ("Pew Internet", "National Audit
    Office"), not another document ("The Daily Telegraph poll"), a group ("Fifty percent of Europeans") or a run the
    names around it were read into ("Mirapoint and market research company the Radicati Group")."""
    words = name.split()
    if words[-1].lower() in LEAD_DOCUMENT_KINDS or name.lower() in NATIONALITIES:
        return False
    if len(words) == 1 and looks_plural(name):
        return False  # "Europeans", not "Office of Rail Standards"
    return all(word[:1].isupper() or word in MAKER_NAME_LINKS for word in words)


def _lead_body_kind(source: str) -> bool:
    """A body described by its kind alone, in lower case: a determiner, modifiers and a body's kind ("the UK elections
    watchdog", "a trade body", "the think tank"); no name, no person's role."""
    words = source.split()
    if len(words) < 2 or words[0].lower() not in ARTICLES or words[-1] not in LEAD_BODY_KINDS:
        return False
    return all(word.islower() or is_acronym(word) for word in words[1:]) and not words[-2].endswith(POSSESSIVE_MARKS)


def _lead_role(source: str) -> str | None:
    """The role a source describes its person by alone: a possessive owner and a role ("Britain's prime minister",
    "South Korea's opposition leader" -> "leader"), or "The head of …" -> "head"; None for any other source."""
    words = source.split()
    if len(words) >= 3 and words[0].lower() == "the" and words[1].lower() in HEAD_ROLES and words[2] == "of":
        return words[1].lower()
    owner = next((at for at, word in enumerate(words) if word.endswith(POSSESSIVE_MARKS)), None)
    if owner is None or owner == len(words) - 1 or not all(word[:1].isupper() for word in words[: owner + 1]):
        return None  # an owner's name in capitals, then the role
    if not all(word.islower() for word in words[owner + 1 :]) or not is_role_word(words[-1]):
        return None
    return words[-1]


def _described_role(source: str) -> str | None:
    """A definite or owned role in lower case a lead describes its person by ("The information commissioner", "its
    chief executive" -> "executive"); none for a spokesperson, who is someone else than the person named next."""
    words = source.split()
    if not 2 <= len(words) <= MAX_LEAD_ROLE_WORDS or words[0].lower() not in ROLE_LEAD_DETERMINERS:
        return None
    if not all(word.isalpha() and word.islower() for word in words[1:]) or not is_role_word(words[-1]):
        return None
    return words[-1] if words[-1] not in ANONYMOUS_ROLES else None


def _introduces_bare(source: str, name: str, pronouns: list[str]) -> bool:
    """The source names a person bare, no role beside it ("Richard Thomas said", "Dr Liam Fox told …", "Mr Thomas
    said"): a news story names so, right after its lead, only the person the lead has just described by role; not
    when a he or she of the lead (its reported clause's subject, a source between) disagrees with the name's gender."""
    words = [word for word in source.split() if word.rstrip(".").lower() not in HONORIFICS]
    if not words or len(name.split()) < 2 or not all(word[:1].isupper() for word in words):
        return False
    if not set(words) <= set(name.split()):
        return False
    gender = given_name_gender(name)
    return gender is None or all(pronoun == ("he" if gender == "m" else "she") for pronoun in pronouns)


def _holds_role(source: str, name: str, role: str) -> bool:
    """The source names the person with the lead's role beside the name: the same role word ("President Claudia
    Sheinbaum"), or another that heads a body if the lead's does ("Rafael Grossi, director general of …")."""
    described = source.replace(name, " ").lower().replace(",", " ").split()
    return role in described or (role in HEAD_ROLES and any(word in HEAD_ROLES for word in described))


def belief_speaker(text: str, raw: RawAttribution) -> str | None:
    """A belief's holder by its own words only ("Microsoft plans" -> Microsoft, "Many people believe" -> "people"):
    beliefs stay out of the story's entities, so they never change who a speech's pronoun stands for."""
    if raw.source is None:
        return None
    source = text[raw.source[0] : raw.source[1]]
    lowered = source.lower()
    if lowered in PERSON_PRONOUNS or lowered in PLURAL_PRONOUNS or lowered == "it":
        return None
    group = group_word(lowered.split())
    if group is not None and all(word.islower() for word in source.split()[1:]):
        return group  # "Detectives believe", "Many people believe": a group names itself in lower case
    return name_core(source) if is_named(source) else None
