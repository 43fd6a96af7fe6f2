"""The story as speaker resolution reads it (Story): the entities it names, their mentions and genders, and the
speaker of each attribution in turn, from its source's own words or from the nearest compatible mention."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from itertools import chain, islice

from ...limits import Deadline
from ..lexicon import (
    ANTECEDENT_HEADS,
    BODY_MEMBER_NOUNS,
    DEFINITE_DETERMINERS,
    DETERMINERS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    GROUP_PLACES,
    HYPHENS,
    MALE_PRONOUNS,
    MALE_TITLES,
    MONTHS,
    NAME_PARTICLES,
    NATIONALITIES,
    ORG_ANAPHORS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PLACE_WORDS,
    PLURAL_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    PUBLIC_BODY_HEADS,
    ROLE_TITLES,
    SPEAKING_MEMBERS,
    TITLE_WORDS,
    is_acronym,
    looks_plural,
)
from ..names import (
    CHECK_EVERY,
    CLAUSE_CONJUNCTIONS,
    COMPANY_NAME_ENDINGS,
    NOT_MAKER_WORDS,
    NOT_NAME_WORDS,
    ONE_OF,
    SPEAKING_FOR,
    LowerCaseUse,
    body_name,
    defined_acronyms,
    document_maker,
    full_names,
    given_names,
    group_word,
    inside_sentence,
    is_named,
    looks_person,
    modifying_maker,
    name_core,
    names_ending_in,
    names_spelling,
    obtained_document,
    owners_body,
    person_conjuncts,
    person_votes,
    possessive_bodies,
    pronoun_contraction,
    role_holders,
    same_name,
    spells,
    without_post_modifier,
    word_occurrences,
)
from ..patterns import NAME_GOES_ON_RE, NAME_MENTION_RE, PAREN_RE, PRONOUN_WORD_RE, QUOTE_MARKS
from ..structure import RawAttribution, Span, sentences
from ..vocabulary import DOCUMENT_NOUNS
from .constants import (
    ANAPHOR_DETERMINERS,
    ANONYMOUS_ROLES,
    APPOSITION_REACH,
    BOTH_PARAGRAPHS,
    CLAUSE_PREPOSITIONS,
    DATE_WORDS,
    DESCRIBED_BODY_HEADS,
    DESCRIBED_PERSON_HEADS,
    FRONTED_REACH,
    GENDER_REACH,
    GENDERED_TITLES,
    GROUP_PEOPLE,
    GROUP_REACH,
    HONORIFICS,
    INDEFINITE_OPENERS,
    INTRODUCING_NOUNS,
    LEGAL_FORMS,
    LEGAL_SUFFIXES,
    LIST_MARKS,
    MAKER_MODIFIERS,
    MAX_ACRONYM,
    MAX_GROUP_MODIFIERS,
    MAX_LOOKBACK_MENTIONS,
    MAX_PRONOUN_PARAGRAPHS,
    MEMBERS_BODY_HEADS,
    MIN_ACRONYM,
    NAME_RUN_LINKS,
    NAMED_GROUPS,
    NAMING_HEADS,
    OBLIQUE_PREPOSITIONS,
    OCCUPATION_NOUNS,
    ONE_BODY_HEADS,
    ORG_ANAPHOR_WORDS,
    OUTLET_NOUNS,
    PAIR_NOUNS,
    PERSON_NOUNS,
    PERSON_TITLE_WORDS,
    PREPOSITION_REACH,
    PRONOUN_PARAGRAPHS,
    QUESTION_OPENERS,
    QUOTE_OPENINGS,
    SENTENCE_ENDS,
    SENTENCE_REACH,
    SHARED_BODY_HEADS,
    TITLE_LINKS,
    TITLE_REACH,
)
from .entities import Entity, acronym_like, is_body, is_not_person, maybe_body, name_letters
from .phrases import apposition_kind, modifier_word, named_chunk


class Story:
    """The entities the article quotes, where each is mentioned, and the speaker of each source."""

    def __init__(self, text: str, raws: list[RawAttribution], deadline: Deadline, paragraph_spans: list[Span]) -> None:
        self.text = text
        self.deadline = deadline
        cues = sorted(raw.cue for raw in raws)
        self.cue_starts = [start for start, _ in cues]
        self.cue_ends = [end for _, end in cues]
        self.paragraph_spans = paragraph_spans
        self.paragraph_starts = [start for start, _ in self.paragraph_spans]
        self.sentence_starts: dict[int, list[int]] = {}  # a paragraph's index -> where its sentences start
        self.abbreviations: dict[str, str] = {}
        self.named_with_head: dict[str, list[tuple[int, str]]] = {}  # "Authority" -> where a body so named stands
        self.made_documents: dict[str, list[tuple[int, str]]] = {}  # "report" -> where one is named with its maker
        self.placed_groups: dict[str, list[tuple[int, str]]] = {}  # "researchers" -> where placed in a named body
        self.title_holders: dict[tuple[str, ...], set[str]] = {}  # a title's words -> who the text names with it
        self.spoken_forms: dict[str, str] = {}  # "TRAVIS CANTWELL" -> "Travis Cantwell", "NASA" -> "NASA"
        self.company_forms: dict[str, bool] = {}  # "Arduino LLC" -> whether the text has another company form too
        self.acronyms: dict[str, set[str]] = {}  # a body's name -> the acronyms its sources spell it with
        self.titled: dict[str, str] = {}  # title word -> the person who held it ("president" -> "Barack Obama")
        self.entities: dict[str, Entity] = {}
        self.mentioned_only: set[str] = set()  # people named but never quoted ("Defense Secretary Lloyd Austin")
        self.previous: tuple[RawAttribution, str | None] | None = None
        self.history: list[tuple[RawAttribution, str | None]] = []
        self.speaker_by_head: dict[str, str] = {}  # "report" -> the speaker of the last source with that head
        self.body_by_members: dict[str, str] = {}  # "officials" -> the body the last "… officials" spoke for
        self.bodies_in_full: dict[str, str] = {}  # "Moody" -> "Moody's Analytics"
        self.spelled_names: dict[str, set[str]] = {}  # "FTC" -> the bodies' names the text spells it out as
        self.introduced: dict[str, list[tuple[int, str]]] = {}  # "newspaper" -> where it introduces a body's name
        self.noun_uses: dict[str, list[int]] = {}  # "paper" -> where it stands for something else ("their paper")
        self.person_owners: dict[str, bool] = {}  # "Biden" (of "Biden's Justice Department") -> a person
        self.bare_kept: dict[str, int] = {}  # "Foreign Ministry" -> where it last stood for no owner's
        self.longest_owned: dict[str, str] = {}  # "Ukraine's emergency service" -> "Ukraine's state emergency service"
        sources = [text[raw.source[0] : raw.source[1]] if raw.source else "" for raw in raws]
        # "it", "the company" (its pronouns tell a body), "the duchess" (her pronouns tell a person): genders counted
        self.anaphors = any(
            source.lower() == "it"
            or any(word in ORG_ANAPHORS or word in GENDERED_TITLES for word in source.lower().split()[-1:])
            for source in sources
        )
        self.pronoun_positions = [
            raw.source[0]
            for raw, source in zip(raws, sources, strict=True)
            if raw.source and source.lower() in ("he", "she")
        ]
        distinct_sources = set(sources)  # a source is often the same words ("he", "Smith"): each read once
        # "a count from the Post and Courier", "a list compiled by Boris Shor": who made the document speaks
        makers = {source: document_maker(source) for source in distinct_sources if source}
        self.source_cores = {
            core
            for source, maker in makers.items()
            if is_named(source) and source.lower() not in PERSON_PRONOUNS
            for named in [maker or source]
            for core in person_conjuncts(named) or (name_core(named),)  # "Volker and Morrison": each surname
        }
        cores = {
            word
            for core in self.source_cores
            for word in ([core] if " " not in core else [core.split()[-1]])
            if len(word) >= 2 and word[:1].isupper() and name_letters(word)
        }
        self.cores = cores
        self.core_occurrences = word_occurrences(text, cores)  # serves the full names and the mentions
        self.common = LowerCaseUse(text)
        self.full = full_names(text, self.core_occurrences, deadline, self.common)
        self.given = given_names(text, self.core_occurrences, deadline, self.common)
        # the named sources first: every pronoun may look back at any of them
        named_by = {
            source: None if self._unknown_members_body(source) else self._name_of_source(source, maker)
            for source, maker in makers.items()
        }
        # "a recent Park Associates report": a body makes it, so "the research firm" may stand for it
        self.makers = {maker for source in distinct_sources if source and (maker := modifying_maker(source))}
        # the owned bodies the sources name ("Ukraine's Air Force") and where, by the words after the owner and by the
        # owner and head: read once, so that each owned or bare body looks only at its own
        self.owned_by_body: dict[str, list[tuple[int, str]]] = {}
        self.owned_by_owner: dict[tuple[str, str], set[str]] = {}
        for raw, source in zip(raws, sources, strict=True):
            if raw.source is None or not source or not is_named(source):
                continue
            owned = name_core(makers[source] or source).split()
            if owners_body(owned):
                self.owned_by_body.setdefault(" ".join(owned[1:]), []).append((raw.source[0], " ".join(owned)))
                self.owned_by_owner.setdefault((owned[0], owned[-1]), set()).add(" ".join(owned))
        self.named = [
            None
            if (named := named_by.get(source)) is None
            else self._named(named, raw.source[0] if raw.source else None)
            for raw, source in zip(raws, sources, strict=True)
        ]
        # the names before a colon cue: a label's words ("My Verdict:") are written nowhere else, a speaker's are
        colon_named = [
            (source, named)
            for raw, source, named in zip(raws, sources, self.named, strict=True)
            if named and text[raw.cue[0] : raw.cue[1]].strip() == ":"
        ]
        self.colon_names = {named for _, named in colon_named}
        # their last words that one of their labels gives a person's title ("Dr. Jane Doe:" … "Doe:")
        self.titled_colon_names = {named.split()[-1] for source, named in colon_named if _has_honorific(source)}
        self.named_spans = sorted(
            (raw.source[0], raw.source[1], named)
            for raw, named in zip(raws, self.named, strict=True)
            if raw.source is not None and named is not None
        )
        self.named_starts = [start for start, _, _ in self.named_spans]
        self._add_mentioned_people()
        self.mentions = self._mentions()
        self.mention_counts: dict[str, int] = {}
        for _, _, entity in self.mentions:
            self.mention_counts[entity.name] = self.mention_counts.get(entity.name, 0) + 1
        self._count_gender()

    # --- named sources -------------------------------------------------------------------------

    @classmethod
    def _name_of_source(cls, source: str, maker: str | None) -> str | None:
        """The words of a source that name someone (its document's maker, or itself), to be expanded by _named."""
        if _names_no_one(source) or (maker is not None and _names_no_one(maker)):
            return None
        if maker is not None and is_named(maker):
            return maker
        return source if cls._is_named_source(source) else None

    @staticmethod
    def _is_named_source(source: str) -> bool:
        lowered = source.lower()
        if not source or lowered in PERSON_PRONOUNS or lowered in PRONOUNS:
            return False  # "You argue": a pronoun names no one
        if pronoun_contraction(source):
            return False  # "You'll", "We're"
        opening = source.split()[:2]
        if len(opening) == 2 and opening[0] in OBLIQUE_PREPOSITIONS and opening[1].islower():
            return False  # "of the flagship Allstate brand for agency": a fragment a preposition opens, no one
        head = without_post_modifier(source.split(",")[0].split())
        described = next((at for at, word in enumerate(head) if word in ("of", "for")), len(head))
        speaks_for = head[described - 1] in SPEAKING_FOR if described else False  # "A spokesperson for OpenAI"
        if (
            0 < described < len(head)
            and head[described - 1] in PERSON_NOUNS
            and not speaks_for
            and not named_chunk(source)
        ):
            return False  # "chairman of the Commons' committee", "A colleague of Rothman's": someone, unnamed
        if (
            0 < described < len(head)
            and head[described - 1].lower() in ROLE_TITLES
            and not speaks_for
            and not looks_person(name_core(source))
        ):
            return False  # "The Chairwoman of Ukraine's Central Bank": a title, no name ("Secretary of State X" has)
        placed = len(head) < len(source.split()) and "," not in source
        if placed and head[0].islower() and not any(word[:1].isupper() for word in head[1:]):
            return False  # "tweeter in Sydney": the name only places a common noun
        if len(head) > 1 and head[0].lower() in INDEFINITE_OPENERS and head[-1].islower():
            # "A top US public health expert": someone, unnamed; "A Gallup poll" is one, "A recent study in the
            # Lancet" none
            return head[-1] in DOCUMENT_NOUNS and any(word[:1].isupper() for word in head[1:])
        if (
            "," not in source
            and len(head) > 1
            and head[-1].isalpha()
            and head[-1].islower()
            and head[-1] not in NAMING_HEADS
        ):
            return False  # "The Albert Quay spot": a name that only modifies a common noun names nothing
        words = without_post_modifier(source.split())  # "Officials from China": a group placed
        # "Obama administration officials", "WHO officials": a body's members, who speak for it ("US officials": a
        # country's, two letters, the group)
        acronym = len(words) == 2 and is_acronym(words[0]) and len(words[0]) >= MIN_ACRONYM
        members = words[-1] in BODY_MEMBER_NOUNS and (acronym or (len(words) >= 3 and words[-2] in MEMBERS_BODY_HEADS))
        # "Energy experts said": a group at a sentence's start
        if len(words) >= 2 and all(word.islower() for word in words[1:]) and group_word(lowered.split()):
            return members
        if len(words) == 1 and len(source.split()) > 1 and group_word([words[0].lower()]):
            return False
        # what is left of a name has a capital: not a year ("ASCM's 2023") nor a participle ("his obituary, published
        # in the Brooklyn Daily Eagle")
        return is_named(source) and any(letter.isupper() for letter in name_core(source))

    def _named(self, source: str, at: int | None = None) -> str:
        """A named source: its core, expanded to the longest form of the name (or an abbreviation's name); several
        people, each so, joined by "; "."""
        conjuncts = person_conjuncts(source)
        if conjuncts is not None:
            names = [self._longest(conjunct) for conjunct in conjuncts]
            if any(len(name.split()) > 1 for name in names):
                return "; ".join(names)  # "Procter and Gamble" stays one name
        core = name_core(source)
        for abbreviation in PAREN_RE.findall(source):
            self.abbreviations[abbreviation.strip()] = core
        core = self.abbreviations.get(core, core)
        core = self._owned_body(self._spelled_out(self._without_legal_suffix(core)), at)
        if core.isupper():
            core = self._spoken(core)  # a transcript's "TRAVIS CANTWELL:" is the "Travis Cantwell" the text names
        words = core.split()
        holder = self._title_holder(words)
        if holder is not None:
            return holder  # "The PAHO Director" after "PAHO Director Carissa F. Etienne": the person
        if self._is_role(words):
            return self._role_holder(words)  # a title names no one by itself: its holder, or no one
        if len(words) == 1 and words[0].lower() in SHARED_BODY_HEADS:
            # "The Institute", "the Ministry": a body's head names the one body quoted by that name, else no one
            bodies = {e.name for e in self.entities.values() if e.person is False and words[0] in e.name.split()}
            return bodies.pop() if len(bodies) == 1 else None
        if " and " not in core and words:
            longer = self.full.get(words[-1]) if len(words) > 1 else self.full.get(core)
            if longer and all(self.common(word) for word in longer.split()):
                longer = None  # "Pro Tip", "Seat Height": words the text writes in lower case name a thing
            if longer and len(longer) > len(core) and same_name(longer.split(), words):
                core = longer
            elif len(words) > 1:
                # "van Ek de Vos" after "Amanda A. Van Ek de Vos" was quoted: the one person quoted by that name
                people = {
                    e.name
                    for e in self.entities.values()
                    if e.person and len(e.name.split()) > len(words) and same_name(e.name.split(), words)
                }
                core = people.pop() if len(people) == 1 else core
            elif len(words) == 1:
                # a surname alone that the text never writes after a first name: the one person quoted by that name
                people = {e.name for e in self.entities.values() if e.person and e.name.split()[-1] == core}
                if not people and core not in self.given:
                    # "Zane" after "owner, Zane Merva": the one person quoted before by that first name
                    people = {e.name for e in self.entities.values() if e.person is True and e.name.split()[0] == core}
                    if len(people) == 1 and len(next(iter(people)).split()) > 1:
                        person = self._named(people.pop())
                        self.entities[person].forms.add(core)  # "Zane" is a mention of him from now on
                        return person
                    people = set()
                core = people.pop() if len(people) == 1 else self.given.get(core, core)
                if " " not in core:
                    core = self._body_in_full(core)  # "Moody" -> "Moody's Analytics"
        entity = self.entities.get(core)
        if entity is None:
            entity = self.entities[core] = Entity(core, self._is_person(core, source))
            entity.forms.add(core.split()[-1] if entity.person else core)
        if core != source:
            entity.forms.add(name_core(source) if not entity.person else name_core(source).split()[-1])
        entity.forms.update(self.acronyms.get(core, ()))
        for word in source.lower().replace(".", " ").split():
            if word not in PERSON_TITLE_WORDS:
                continue  # most words of a source are no title
            entity.male += 3 * (word in MALE_TITLES)
            entity.female += 3 * (word in FEMALE_TITLES)
            if entity.person and word in TITLE_WORDS and word not in DETERMINERS:
                # two people with one title ("President Biden", "President Zelensky"): "the president" is neither
                self.titled[word] = core if self.titled.get(word, core) == core else ""
                entity.titled = True
        return core

    def _owned_body(self, core: str, at: int | None) -> str:
        """A public body with or without its owner ("Ukraine's Air Force", "the Air Force" at at): one body, named in
        the longest form the sources give it with that owner and head ("Ukraine's state emergency service" for
        "Ukraine's emergency service"); a person's possessive is no part of its name ("Biden's Justice Department")."""
        words = core.split()
        if owners_body(words):
            owner = words[0][:-2]
            if self._person_owner(owner):
                return body_name(words[1:])
            if len(words) == 2 and words[1] in DESCRIBED_BODY_HEADS:
                # "Israel's military" after "The Israel Defense Forces (IDF)": the one body of that kind the text
                # names after its owner
                named = {name for name in self._names_of_kind(words[1]) if name.split()[0] == owner}
                if len(named) == 1:
                    return named.pop()
            return self._longest_owned(core)
        if at is not None and words and words[-1].lower() in PUBLIC_BODY_HEADS and core in self.owned_by_body:
            # "the Air Force" after "Ukraine's Air Force": the one owner's body by that name quoted in its paragraph or
            # the ones before, as a pronoun looks back, when its sentence names no other place ("Japan's Foreign
            # Ministry said … In Beijing, the Foreign Ministry said": China's)
            floor = self.paragraph_starts[self._first_pronoun_paragraph(self._paragraph(at))]
            owned = {self._longest_owned(name) for pos, name in self.owned_by_body[core] if floor <= pos <= at}
            latest = max((pos for pos, _ in self.owned_by_body[core] if pos <= at), default=-1)
            if len(owned) == 1 and self.bare_kept.get(core, -1) < latest:
                body = owned.pop()
                if not self._other_place_before(at, body.split()[0]):
                    return body
            # "In Beijing, the Foreign Ministry said … the Foreign Ministry said": China's still
            self.bare_kept[core] = at
        return core

    def _longest_owned(self, core: str) -> str:
        """The longest form the sources give an owned body with its owner and head; the body as written when two
        longer forms are not one another's ("state emergency service", "civil emergency service"). Read once per
        form."""
        if core not in self.longest_owned:
            words = core.split()
            longer = [
                name.split()
                for name in self.owned_by_owner.get((words[0], words[-1]), ())
                if _same_ends(name.split(), words) and _in_order(words, name.split())
            ]
            longest = max(longer, key=len, default=words)
            whole = all(_in_order(form, longest) for form in longer)
            self.longest_owned[core] = " ".join(longest) if whole else core
        return self.longest_owned[core]

    def _other_place_before(self, at: int, owner: str) -> bool:
        """Whether the sentence before at, outside its quotation, names a place or owner other than this one ("In
        Beijing, the Foreign Ministry said"): a capitalised word past the first, no date."""
        before = self.text[self._sentence_start(at) : at]
        closing = max(before.rfind(mark) for mark in QUOTE_MARKS)
        words = [word.strip(",.;:") for word in before[closing + 1 :].split()]
        return any(word[:1].isupper() and word not in DATE_WORDS and word != owner for word in words[1:])

    def _body_in_full(self, word: str) -> str:
        """A name cut at the possessive inside it ("the Moody's report" after "Moody's Analytics"): the one body the
        text names so; kept when it names two, when a person goes by the word or when he or she follow it. Read once
        per word, however many sources give it."""
        if word not in self.bodies_in_full:
            bodies = possessive_bodies(self.text, word)
            person = len(bodies) == 1 and (
                any(e.person is True and word in e.name.split() for e in self.entities.values())
                or sum(person_votes(self.text, pos + len(word)) for pos, _ in word_occurrences(self.text, {word})) > 0
            )
            self.bodies_in_full[word] = bodies.pop() if len(bodies) == 1 and not person else word
        return self.bodies_in_full[word]

    def _names_of_kind(self, description: str) -> list[str]:
        """The names the text gives bodies whose heads are of the kind a description's noun names ("Israel Defense
        Forces" for "military"), each head's scan read once."""
        names: list[str] = []
        for head in DESCRIBED_BODY_HEADS[description]:
            if head not in self.named_with_head:
                self.named_with_head[head] = names_ending_in(self.text, head)
            names += [name for _, name in self.named_with_head[head]]
        return names

    def _person_owner(self, owner: str) -> bool:
        """An owner the text names as a person: a quoted person by that surname, or a first name before it. Read once
        per owner."""
        if owner not in self.person_owners:
            quoted = any(e.person is True and e.name.split()[-1] == owner for e in self.entities.values())
            occurrences = word_occurrences(self.text, {owner})
            longer = full_names(self.text, occurrences, self.deadline, self.common).get(owner)
            self.person_owners[owner] = quoted or (longer is not None and len(longer.split()) > 1)
        return self.person_owners[owner]

    def _unknown_members_body(self, source: str) -> bool:
        """ "UAE officials", "NFL officials": an acronym's members the text gives no body for (a country's, a
        league's referees); "WHO officials" speak for WHO where the text spells it out ("World Health Organization
        (WHO)") or names it by itself too ("WHO said")."""
        words = without_post_modifier(source.split())
        if not (len(words) == 2 and words[1] in BODY_MEMBER_NOUNS and is_acronym(words[0])):
            return False
        acronym = words[0]
        alone = word_occurrences(self.text, {acronym})
        quoted = any(not self.text.startswith(f" {words[1]}", pos + len(acronym)) for pos, _ in alone)  # "WHO said"
        spelled = acronym in self.defined_acronyms or any(spells(core, acronym) for core in self.source_cores)
        return not quoted and not spelled

    def _spoken(self, capitals: str) -> str:
        """A name in capitals as the text writes it in prose ("TRAVIS CANTWELL" -> "Travis Cantwell"), if it does;
        else as it is ("NASA"). One scan of the text per name, however many sources give it."""
        if capitals not in self.spoken_forms:
            spoken = " ".join(word.capitalize() for word in capitals.split())
            self.spoken_forms[capitals] = spoken if word_occurrences(self.text, {spoken}) else capitals
        return self.spoken_forms[capitals]

    def _without_legal_suffix(self, core: str) -> str:
        """A company's form is no part of its name ("Microsoft Corp" is "Microsoft"), unless the text tells two
        companies apart by it ("Arduino LLC", "Arduino SRL")."""
        base, _, suffix = core.rpartition(" ")
        if not base or suffix not in LEGAL_SUFFIXES:
            return core
        if core not in self.company_forms:  # read once per name, however many sources give it
            others = {f"{base} {other}" for other in LEGAL_FORMS - {suffix.rstrip(".")}}  # "Corp." is "Corp"
            self.company_forms[core] = bool(word_occurrences(self.text, others))  # whole words: not "Apple AGMs"
        return core if self.company_forms[core] else base

    def _spelled_out(self, core: str) -> str:
        """An acronym that spells another source's name is that name ("BPD" and "Brookhaven Police Department",
        "California ISO" and "California Independent System Operator"): one speaker per body; kept when no source's
        name spells it, or two do."""
        prefix, _, acronym = core.rpartition(" ")
        if not (MIN_ACRONYM <= len(acronym) <= MAX_ACRONYM and acronym.isalpha() and acronym.isupper()):
            return core
        if prefix and not all(word[:1].isupper() for word in prefix.split()):
            return core
        lead = f"{prefix} " if prefix else ""
        names = {name for name in self.source_cores if name.startswith(lead) and spells(name[len(lead) :], acronym)}
        if not names and not prefix:
            # "The Office for Budget Responsibility (OBR) monitors …": the one name the text defines it with
            names = set(self.defined_acronyms.get(acronym, ()))
        if not names and not prefix and acronym not in self.defined_acronyms:
            # "the Federal Trade Commission, which …" … "The FTC said": the one body the text spells it out as
            names = self._names_spelling(acronym)
        if len(names) != 1:
            return core
        name = names.pop()
        self.acronyms.setdefault(name, set()).add(acronym)  # "the ISO isn't saying": a mention of it too
        return name

    def _names_spelling(self, acronym: str) -> set[str]:
        """names_spelling, read once per acronym (a copy: callers pop from it)."""
        if acronym not in self.spelled_names:
            self.spelled_names[acronym] = names_spelling(self.text, acronym)
        return set(self.spelled_names[acronym])

    @cached_property
    def defined_acronyms(self) -> dict[str, set[str]]:
        return defined_acronyms(self.text, self.deadline)  # read once: each acronym the text defines -> its names

    def _title_holder(self, words: list[str]) -> str | None:
        """A title without a name ("PAHO Director", "International Trade Secretary"): the person named with that
        title before, if any. Its words are titles or an acronym, and the last is a title."""
        if not words or words[-1].lower() not in TITLE_WORDS:
            return None
        if not all(word.lower() in TITLE_WORDS or word.isupper() or word.lower() in ORG_HEADS for word in words):
            return None
        return self.titled.get(words[-1].lower()) or None

    def _is_role(self, words: list[str]) -> bool:
        """A title, not a name: it ends in a role ("International Trade Secretary", "PAHO Director"), and no person
        quoted goes by it."""
        if not words or words[-1].lower() not in ROLE_TITLES:
            return False
        if len(words) == 1 and words[0] in self.full:
            return False  # "King" of "Wayne King": a surname
        return " ".join(words) not in self.full.values() and not any(word.islower() for word in words[:-1])

    def _role_holder(self, title: list[str]) -> str | None:
        """The one person the text names with this title, the best match of its words first; none if two compete."""
        names = self._best_holders(title)
        return names.pop() if len(names) == 1 else None

    def _best_holders(self, title: list[str]) -> set[str]:
        """The people the text names with this title who match most of its words (a copy: callers pop from it)."""
        key = tuple(title)
        if key not in self.title_holders:  # one scan of the text per title, however many "the president"
            holders = role_holders(self.text, title)
            # a first name alone holds a title only when the text quotes that person ("Meghan, Duchess of Sussex");
            # "her sister-in-law Catherine, Duchess of Cambridge", only named, is too little to go on
            holders = [(name, matched) for name, matched in holders if " " in name or self._quoted_person(name)]
            best = max((matched for _, matched in holders), default=0)
            self.title_holders[key] = {self._longest(name) for name, matched in holders if matched == best}
        return set(self.title_holders[key])

    def _quoted_person(self, name: str) -> bool:
        """A person the text quotes, not one it only names."""
        entity = self.entities.get(name)
        return entity is not None and entity.person is not False and name not in self.mentioned_only

    def _role_referent(self, raw: RawAttribution, title: str) -> str | None:
        """A definite title no one holds by name in the text ("Dion … “…,” the singer said", "Dr Mitchell suggested …
        The Prime Minister said"): the nearest person in subject place it fits, as for a pronoun; a gendered title
        ("the duchess") only when one person the text quotes fits it; a spokesperson is someone else, unnamed."""
        if title in ANONYMOUS_ROLES:
            return None
        gender = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None

        def fits(entity: Entity) -> bool:
            # a one-word name ("Meghan … The duchess") is left: another one named but not quoted ("Kate was not
            # there") may hold the title as well
            return entity.person is True and (gender is None or entity.gender() in (gender, None))

        if gender is not None and sum(fits(entity) for entity in self.entities.values()) != 1:
            return None  # "Kate Middleton … Meghan Markle … The duchess": which one, the title alone cannot say
        return self._nearest(raw, fits, subjects_only=True)

    def _longest(self, name: str) -> str:
        """A person's name in the longest form the article gives it."""
        words = name.split()
        longer = self.full.get(words[-1])
        return longer if longer and len(longer) > len(name) and same_name(longer.split(), words) else name

    def _is_person(self, core: str, source: str) -> bool | None:
        words = core.split()
        if not looks_person(core) or " and " in core or source in self.makers:
            return False
        kind = apposition_kind(source.partition(",")[2])
        if kind is not None:
            return kind == "person"  # "The California Independent System Operator, the nonprofit entity that …"
        if len(words) >= 2 or core in self.full.values():
            return True
        titles = {word.rstrip(".").lower() for word in source.split()} & PERSON_TITLE_WORDS
        return True if titles else None

    def _add_mentioned_people(self) -> None:
        """People the article names without quoting them ("Defense Secretary Lloyd Austin spoke in Brussels") may be
        what a pronoun stands for: a full name that is no place's ("South Carolina"); a person if a title goes with
        it, else only if the pronouns after it tell a gender ("Business Insider" is never "he")."""
        surnames = {entity.name.split()[-1] for entity in self.entities.values() if entity.person is not False}
        for count, (start, mentioned) in enumerate(self._name_runs()):
            if count % CHECK_EVERY == 0:
                self.deadline.check()
            end = start + len(mentioned)
            if not self._whole_name(start, end) or self._quoted_title(start, end):
                continue
            core = name_core(mentioned)
            words = core.split()
            if len(words) < 2 or words[-1] in surnames or not looks_person(core):
                continue
            if words[0].lower() in PLACE_WORDS or any(
                word.lower() in NOT_NAME_WORDS or not word[:1].isupper() for word in words
            ):
                continue
            if all(self.common(word) for word in words):
                continue  # "Style Box", "Podcast Success Blueprint": words the text writes in lower case name a thing
            before = self.text[max(0, start - 30) : start].split()
            leading = [word.lower().rstrip(".") for word in mentioned.split()[: -len(words)]]  # "Dr", "Senator"
            if leading[:1] in (["the"], ["a"], ["an"]):
                continue  # "The Spruce Eats": a title's or a body's name, no person's
            titled = any(word in TITLE_WORDS for word in leading) or (
                bool(before) and before[-1].lower().rstrip(".,") in TITLE_WORDS
            )
            # "CNN meteorologist Todd Borek": an occupation only a person holds, right before the name, says a person
            titled = titled or (bool(before) and not leading and before[-1] in OCCUPATION_NOUNS)
            # "Fraser Amos, a final-year student at Warwick, is helping …": the apposition says a person
            apposed = self.text.startswith(", ", end) and apposition_kind(self.text[end + 2 : end + APPOSITION_REACH])
            if apposed == "body":
                continue
            entity = self.entities[core] = Entity(core, True if titled or apposed == "person" else None)
            entity.forms.add(words[-1])
            surnames.add(words[-1])
            self.mentioned_only.add(core)

    def _quoted_title(self, start: int, end: int) -> bool:
        """A name inside a short, title-cased quotation: a title's words ("“Electronic Markets and Electronic
        Hierarchies”"), no person's."""
        before = self.text[max(0, start - TITLE_REACH) : start]
        opening = max(before.rfind("“"), before.rfind('"'))  # curly or straight marks
        after = self.text[end : end + TITLE_REACH]
        closing = min((at for at in (after.find("”"), after.find('"')) if at >= 0), default=-1)
        if opening < 0 or closing < 0 or "”" in before[opening:]:
            return False
        quoted = before[opening + 1 :] + self.text[start : end + closing]
        return "\n" not in quoted and all(word[:1].isupper() or word in TITLE_LINKS for word in quoted.split())

    def _whole_name(self, start: int, end: int) -> bool:
        """A run of capitalised words that is a name by itself: not the end of a longer run ("CeCe Puff Sleeve Knit
        Top") nor its start ("Psych Central Medical Affairs Team"), not after an article ("a Better Programmer", a
        title's words)."""
        if NAME_GOES_ON_RE.match(self.text, end):
            return False
        before = self.text[max(0, start - 30) : start]
        if not before.endswith(" "):
            return True
        previous = before.split()[-1].lstrip("“‘\"'(") if before.split() else ""  # “the Focusrite Scarlett series”
        if previous.lower() in ("a", "an", "the") or previous.lower() in POSSESSIVE_DETERMINERS:
            return False
        run_goes_back = previous[:1].isupper() and previous[-1].isalpha() and previous.lower() not in TITLE_WORDS
        return not run_goes_back

    def _paragraph(self, pos: int) -> int:
        """The index of the paragraph holding pos."""
        return max(0, bisect_right(self.paragraph_starts, pos) - 1)

    def _floor(self, pos: int, paragraphs_before: int) -> int:
        """Where a look back from pos stops: the start of the paragraph that many paragraphs before pos's own."""
        return self.paragraph_starts[max(0, self._paragraph(pos) - paragraphs_before)]

    def _first_pronoun_paragraph(self, paragraph: int) -> int:
        """The first paragraph a pronoun in this one may look back to: PRONOUN_PARAGRAPHS before it, list items not
        counted ("The letter warned:" / "- If …" / "- He also warned …": the items go on the paragraph before them)."""
        first, counted = paragraph, 0
        while first > 0 and counted < PRONOUN_PARAGRAPHS and paragraph - first < MAX_PRONOUN_PARAGRAPHS:
            first -= 1
            start, end = self.paragraph_spans[first]
            counted += not self.text.startswith(LIST_MARKS, start, end) and not self._carried_quote(first)
        return first

    def _carried_quote(self, paragraph: int) -> bool:
        """A paragraph of a quotation carried over paragraphs (each but the last left open: '“By dawn the field was a
        lake.' / '“Nothing could stop it.”'), holding no cue: its speaker is the one before. Dialogue, each turn closed
        in its own paragraph, carries nothing."""
        start, end = self.paragraph_spans[paragraph]
        if not self.text.startswith(QUOTE_OPENINGS, start, end) or bisect_left(self.cue_starts, start) != bisect_left(
            self.cue_starts, end
        ):
            return False
        if self._left_open(paragraph):
            return True
        return paragraph > 0 and self._left_open(paragraph - 1)

    def _left_open(self, paragraph: int) -> bool:
        """A paragraph that opens a quotation and ends without closing it: the quotation goes on in the next one. Its
        last double quotation mark opens one (a curly “, or an odd count of straight marks)."""
        start, end = self.paragraph_spans[paragraph]
        if not self.text.startswith(QUOTE_OPENINGS, start, end):
            return False
        last = max(self.text.rfind("“", start, end), self.text.rfind("”", start, end))
        if last >= 0:
            return self.text[last] == "“"
        return self.text.count('"', start, end) % 2 == 1

    def pronoun_spans(self) -> list[Span]:
        """The paragraphs a he or she may look back at, each once, in order."""
        wanted: set[int] = set()
        for pos in self.pronoun_positions:
            paragraph = self._paragraph(pos)
            wanted.update(range(self._first_pronoun_paragraph(paragraph), paragraph + 1))
        return [self.paragraph_spans[paragraph] for paragraph in sorted(wanted)]

    def _name_runs(self) -> Iterator[tuple[int, str]]:
        """The runs of capitalised words in the paragraphs a he or she may look back at, each with where it starts: a
        run stays on its line ("17. Nobuyoshi Araki") and the next is looked for on the line after; a run that goes on
        past a title inside it is read again after the title ("AFP Global News Director Phil Chetwynd": the run of four
        words ends at "Phil")."""
        for span_start, span_end in self.pronoun_spans():
            pos = span_start
            while (match := NAME_MENTION_RE.search(self.text, pos, span_end)) is not None:
                mentioned = match.group().split("\n")[0].rstrip()
                start = match.start()
                yield start, mentioned
                pos = match.end() if len(mentioned) == len(match.group()) else start + len(mentioned)
                if NAME_GOES_ON_RE.match(self.text, start + len(mentioned)):
                    last_title = max(
                        (
                            found.end()
                            for found in re.finditer(r"\S+", mentioned)
                            if found.start() > 0 and found.group().lower().rstrip(".") in TITLE_WORDS
                        ),
                        default=None,
                    )
                    pos = pos if last_title is None else start + last_title

    # --- mentions ------------------------------------------------------------------------------

    def _mentions(self) -> list[tuple[int, int, Entity]]:
        """Every mention of a quoted entity in the text, in order: (start, end, entity), found in one scan of the
        words (a form is keyed by its last word)."""
        by_last: dict[str, list[tuple[str, Entity]]] = {}
        for entity in self.entities.values():
            for form in entity.forms | {entity.name}:
                by_last.setdefault(form.split()[-1], []).append((form, entity))
        found: list[tuple[int, int, Entity]] = []
        introduced: set[str] = set()  # people only mentioned, once the text has written their full name
        if not by_last:
            return found
        keys = set(by_last)
        occurrences = [(start, word) for start, word in self.core_occurrences if word in keys]
        if keys - self.cores:  # people only mentioned: looked for where a pronoun may look back at them
            occurrences = sorted(occurrences + word_occurrences(self.text, keys - self.cores, self.pronoun_spans()))
        for count, (word_start, word) in enumerate(occurrences):
            if count % CHECK_EVERY == 0:
                self.deadline.check()
            word_end = word_start + len(word)
            best: tuple[int, Entity] | None = None
            for form, entity in by_last[word]:
                start = word_end - len(form)
                if start >= 0 and self.text.startswith(form, start) and (best is None or start < best[0]):
                    best = (start, entity)
            if best is None:
                continue
            start, entity = best
            compound = self.text[start - 1 : start] + self.text[word_end : word_end + 1]
            if any(hyphen in compound for hyphen in HYPHENS):
                continue  # "the Rider-Waite deck", "Biden-era": a compound's part, no mention of the person
            if entity.name in self.mentioned_only and entity.name not in introduced:
                if self.text[start:word_end] != entity.name:
                    continue  # "Rode Procaster Pro" before "Logic Pro": a word alone before the full name is not it
                introduced.add(entity.name)
            found.append((start, word_end, entity))
        return found

    def _count_gender(self) -> None:
        """The pronouns right after each mention of a person (up to the next mention, in its paragraph) vote for their
        gender; and "its" after a body. Counted only when some he, she, it or "the company" needs them."""
        if not self.pronoun_positions and not self.anaphors:
            return
        for i, (_, end, entity) in enumerate(self.mentions):
            if entity.person is False:
                continue
            paragraph_end = self.paragraph_spans[bisect_right(self.paragraph_starts, end) - 1][1]
            next_mention = self.mentions[i + 1][0] if i + 1 < len(self.mentions) else len(self.text)
            reach = min(end + GENDER_REACH, next_mention, paragraph_end)
            for pronoun in PRONOUN_WORD_RE.finditer(self.text, end, max(end, reach)):
                lowered = pronoun.group().lower()
                entity.male += lowered in MALE_PRONOUNS
                entity.female += lowered in FEMALE_PRONOUNS
                entity.neuter += lowered == "its"
        for entity in self.entities.values():
            # a title makes a person whatever "its" follows ("Dr Azizur Rahman … the region's … its"); a name that looks
            # like a person's takes two ("Whole Foods … its"): one "its" after "Joshua Bloch" is his book's
            enough = entity.neuter >= (2 if entity.person else 1)
            if (
                entity.person is not False
                and not entity.titled
                and enough
                and entity.neuter > 2 * (entity.male + entity.female)
            ):
                entity.person = False

    def _nearest(self, raw: RawAttribution, fits: Callable[[Entity], bool], subjects_only: bool = False) -> str | None:
        """The entity mentioned last before the source, in its paragraph or the ones before, that fits; mentions
        inside the attribution's own content (the speaker talking about someone) do not count. With subjects_only (a
        pronoun's search), a name a preposition governs counts only in the pronoun's own paragraph and only when no
        subject there fits ("chaired by Kate Dalmeny. She said"), never from an earlier one ("with Winfrey")."""
        assert raw.source is not None
        pos = raw.source[0]
        floor = self.paragraph_starts[self._first_pronoun_paragraph(self._paragraph(pos))]
        own_paragraph = self._floor(pos, 0)
        fallback: str | None = None
        i = bisect_left(self.mentions, pos, key=lambda mention: mention[0])
        for start, end, entity in reversed(self.mentions[max(0, i - MAX_LOOKBACK_MENTIONS) : i]):
            if start < floor or (fallback is not None and start < own_paragraph):
                break  # "Another tip from Bernard concerns light. … he says": no subject in its paragraph, Bernard
            if raw.content[0] <= start < raw.content[1] or end > pos or self._in_cue(start):
                continue
            if self._in_description(start, entity):
                continue
            if subjects_only and self._in_apposition(start, i):
                continue  # "Royce Mendes, Desjardins Economics managing director, was cautious. He said": Mendes
            if subjects_only and self._oblique(start, end):
                if fallback is None and start >= own_paragraph and fits(entity):
                    fallback = entity.name  # "chaired by Kate Dalmeny. She said": no subject in its paragraph
                continue
            if fits(entity):
                return entity.name
        if fallback is not None and self._described_subject(pos, own_paragraph):
            return None  # "The four-term congressman will work with President Trump, a decision he disclosed": a guess
        return fallback

    def _described_subject(self, pos: int, paragraph_start: int) -> bool:
        """The sentence holding pos opens with a definite description of a person ("The four-term congressman …"): its
        subject is someone the text describes, whom a pronoun continues more often than a name a preposition governs."""
        window = max(paragraph_start, pos - SENTENCE_REACH)
        before = self.text[window:pos]
        start = max(before.rfind(end) for end in SENTENCE_ENDS)
        words = before[start + 2 if start >= 0 else 0 :].split()[: 2 + MAX_GROUP_MODIFIERS]
        if len(words) < 2 or words[0] not in ("The", "the"):
            return False
        for word in words[1:]:  # the noun phrase after "The" only: "The meeting with President X" describes a meeting
            if word.strip(",").lower() in DESCRIBED_PERSON_HEADS:
                return True
            if word[:1].isupper() or word in OBLIQUE_PREPOSITIONS or word.endswith(","):
                return False
        return False

    def _oblique(self, start: int, end: int) -> bool:
        """A mention a preposition governs ("into Silk Road forums", "with Winfrey", "from Meadows' office") or a
        possessor ("Kevin's recommendation"): a subject pronoun stands for a subject far more often than for these. A
        source is never one ("according to Mobin")."""
        if self.named_at(start) is not None:
            return False
        before = self.text[max(0, start - PREPOSITION_REACH) : start].split()
        if self.text.startswith(("'s ", "’s "), end) and before and before[-1].isalpha() and before[-1].islower():
            # "Bernard seconds Kevin's recommendation. … he says": an object's possessor, not the subject ("At a
            # carrier, DiMugno's study time was … He said" opens its clause)
            return before[-1] not in CLAUSE_CONJUNCTIONS
        while before and before[-1].lower().rstrip(".") in TITLE_WORDS:
            before.pop()  # "over Ms Truss's 'toothless' commission"
        return bool(before) and before[-1] in OBLIQUE_PREPOSITIONS

    def named_at(self, pos: int) -> str | None:
        """The speaker of the named source whose phrase holds pos, if any."""
        i = bisect_right(self.named_starts, pos) - 1
        return self.named_spans[i][2] if i >= 0 and pos < self.named_spans[i][1] else None

    def _previous_subject(self, raw: RawAttribution) -> str | None:
        """ "It" opening a sentence continues the body the sentence before opens with ("The Appellate Court didn't
        agree with Amazon. It noted …": the court, not Amazon), named or described by its head ("The Appellate Court"
        is the one body quoted whose name holds "Court")."""
        assert raw.source is not None
        pos = raw.source[0]
        paragraph_start = self._floor(pos, 0)
        window = max(paragraph_start, pos - SENTENCE_REACH)
        before = self.text[window:pos]
        if before.strip() and not before.rstrip().endswith((".", "!", "?", ".”", '."')):
            return None  # "it" inside a sentence: no subject to continue
        body = before.rstrip()
        start = max(body.rfind(end, 0, len(body) - 1) for end in SENTENCE_ENDS)
        sentence_start = window + (start + 2 if start >= 0 else 0)
        if start < 0 and (not before.strip() or window > paragraph_start):
            return None  # the paragraph's first sentence (its subject is in another paragraph), or one too long to read
        words = self.text[sentence_start : sentence_start + APPOSITION_REACH].split()
        if words[:1] == ["The"]:
            words = words[1:]
        subject: list[str] = []
        for word in words:
            if not word[:1].isupper():
                break
            subject.append(word.rstrip(",.;:").removesuffix("’s").removesuffix("'s"))
            if word[-1] in ",.;:" or word.endswith(POSSESSIVE_ENDINGS):
                break  # the name ends at its mark or its possessive
        if not subject:
            return None
        named = self.entities.get(" ".join(subject))
        if named is not None:
            return named.name if is_body(named) else None
        head = subject[-1]
        bodies = {e.name for e in self.entities.values() if e.person is False and head in e.name.split()}
        return bodies.pop() if head.lower() in ORG_HEADS and len(bodies) == 1 else None

    def _fronted_subject(self, raw: RawAttribution) -> str | None:
        """The body a statement fronted before its "it" opens with ("Microsoft's goal … encompasses …, it said")."""
        start, end = raw.content
        if raw.source is None or end > raw.source[0]:
            return None
        i = bisect_left(self.mentions, start, key=lambda mention: mention[0])
        if i < len(self.mentions) and self.mentions[i][0] < start + FRONTED_REACH and is_body(self.mentions[i][2]):
            return self.mentions[i][2].name
        return None

    def _in_description(self, pos: int, entity: Entity) -> bool:
        """Inside another named source's phrase ("Eric Reeves, one of the leading voices on Sudan, said"): its
        apposition describes the speaker; the speaker, not what describes them, is who a later "he" stands for."""
        named = self.named_at(pos)
        return named is not None and named != entity.name

    def _in_apposition(self, start: int, upto: int) -> bool:
        """A mention that opens a role's apposition to the name right before it ("Royce Mendes, Desjardins Economics
        managing director, was cautious"): it describes that person, the sentence's subject; upto bounds the mentions
        read. The name before opens its sentence ("Asked about Anna Lee, Mary Jones told": Jones is the subject), and
        the apposition is a role that ends in its sentence: capitalised or title words, then a role noun."""
        if not self.text.startswith(", ", start - 2):
            return False
        j = bisect_left(self.mentions, start, key=lambda mention: mention[0], hi=upto) - 1
        if j < 0 or self.mentions[j][1] != start - 2 or self.mentions[j][2].person is False:
            return False
        named = self.mentions[j][0]
        if self.text[self._sentence_start(named) : named].strip(f" {QUOTE_MARKS}"):
            return False  # "Like Tom Hill, John Brown is a director": the name before opens no clause
        comma = self.text.find(",", start, start + APPOSITION_REACH)
        if comma < 0 or self._sentence_start(comma) > start:
            return False  # a list ("Smith, Jones and Lee"), or a sentence that ends before the comma
        # "Ford's chief executive", "Desjardins Economics managing director and head of macro strategy": the first
        # role of a coordination, before its complement, says it is one
        return _role_phrase(self.text[start:comma].split(" and ")[0].split(" of ")[0].split())

    def _in_cue(self, pos: int) -> bool:
        """Inside a cue ("told Stephen Donnelly"): the addressee, never who speaks next."""
        i = bisect_right(self.cue_starts, pos) - 1
        return i >= 0 and pos < self.cue_ends[i]

    def _most_mentioned(self, raw: RawAttribution, fits: Callable[[Entity], bool]) -> str | None:
        """Of the bodies mentioned before the source in its paragraph or the ones before, the one the article
        mentions most ("the company" is the story's company, not an outlet it cites); the nearest on a tie."""
        assert raw.source is not None
        candidates: list[Entity] = []
        while (name := self._nearest(raw, lambda e: fits(e) and e not in candidates)) is not None:
            candidates.append(self.entities[name])
        if not candidates:
            return None
        return max(
            candidates, key=lambda entity: (self.mention_counts.get(entity.name, 0), -candidates.index(entity))
        ).name

    # --- every source ----------------------------------------------------------------------------

    def speaker(self, index: int, raw: RawAttribution) -> str | None:
        """The name behind an attribution's source: the first of these cases that fits it, else no one."""
        source = self.text[raw.source[0] : raw.source[1]] if raw.source is not None else ""
        if not source.strip() or _names_no_one(source):
            return None  # no source, or a heading's question or a date: no one
        # "Make notes", "Vendors say": a common word capitalised by its sentence is no name (a group's at most)
        if self.named[index] is not None and not self._sentence_capital(raw, source):
            if self._label(raw, source, self.named[index]):
                return None  # "Office Location: New York", "Pro Tip: …": a label before its colon, no one's name
            return self.named[index]  # a name: its longest form ("Dempsey" -> "Owen John Dempsey")
        bracket = source.find(" [")
        if bracket > 0 and source[:bracket].lower() in PRONOUNS:
            named = name_core(source[bracket + 2 :].rstrip("]"))  # "he [Nozick]": the name the writer put in
            if looks_person(named):
                return self._named(named)
        companions = source.find(" and ")
        if companions > 0 and source[companions + 5 :].split()[:1] in (["his"], ["her"]) and raw.source is not None:
            # "he and his co-authors", "The Grenadian leader and his regional colleagues": the person they go with
            return self.speaker(index, replace(raw, source=(raw.source[0], raw.source[0] + companions)))
        lowered = source.lower()
        words = lowered.split()
        if words[0] in INDEFINITE_OPENERS and (apposed := self._apposed_name(raw)) is not None:
            return apposed  # "endorsed by the Asheville Tea PAC, a local organization which said": the PAC
        definite_noun = len(words) == 2 and words[0] in DEFINITE_DETERMINERS  # "the report", "the officials"
        if lowered in ("he", "she"):
            return self._he_or_she(raw, lowered)  # the nearest person of that gender in subject place
        if lowered in PERSON_PRONOUNS:
            return None  # "I", "you": the writer or the reader, unnamed
        if definite_noun and words[1] in BODY_MEMBER_NOUNS and (body := self._members_body(words[1])):
            return body  # "the officials": the body "Con Edison officials" spoke for
        if definite_noun and words[1] in ANTECEDENT_HEADS:
            return self._antecedent(raw, words[1]) or self._described_body(raw)  # "the report": never "report"
        if lowered == "it":
            return self._it(raw)  # the body the sentence before opens with, else the one the story leans on
        if words[-1] in ORG_ANAPHORS and not any(word[:1].isupper() for word in words[1:]):
            if words[0] not in ANAPHOR_DETERMINERS:
                return group_word(words)  # "Previous research", "a company": no antecedent, a group at most
            if words[0] == "this" and words[-1] in OUTLET_NOUNS:
                return None  # "This newspaper is urging readers": its publisher, which the text does not name
            # "the company": a body quoted or named before, else the one its sentence (or the one before) names
            return (
                self._introduced_body(raw, words)
                or self._body_anaphor(raw, words)
                or self._described_body(raw)
                or self._sentence_body(raw, words)
            )
        if definite_noun and words[1] in OUTLET_NOUNS:
            # "the site surveyed": the one body introduced so, or the one body the sentences name
            return self._introduced_body(raw, words) or self._sentence_body(raw, words)
        if words[0] == "both" and len(words) == 2 and looks_plural(words[1]):
            return self._both(raw)  # "Both nutritionists advise": the two people quoted just before
        if definite_noun and words[1] in PAIR_NOUNS:
            return self._couple(raw)  # "the couple", "the pair": the two people the text last names together
        if lowered in PLURAL_PRONOUNS:
            return self._they(raw) if lowered == "they" else None  # a group quoted or named just before
        if self.titled.get(words[-1]):
            return self.titled[words[-1]]  # "the president": the one person quoted with that title
        if words[-1] in ROLE_TITLES and len(words) <= 3:
            return self._title(raw, words)  # "the singer": the holder the text names, else the person it continues
        if definite_noun and words[1].isalpha() and (body := self._definite_body(raw, words[1])):
            return body  # "the hospital", "the researchers": the one body so named, or the group's placed in
        return self._group(words) or self._described_body(raw)  # "officials", "the study"; "the institution"

    def _apposed_name(self, raw: RawAttribution) -> str | None:
        """The name an indefinite description stands in apposition to ("endorsed by the Asheville Tea PAC, a local
        organization which said"): the capitalised words right before its comma, when a relative clause or a comma
        follows the description (else it is its clause's subject: "Responding to Smith, a spokesman said") and the
        name opens its clause: at the sentence's start, after "by" or after a verb, never after a preposition or an
        opener ("In a letter sent to Apple, a group of senators said", "Unlike Tesla, a rival carmaker said")."""
        assert raw.source is not None
        following = self.text[raw.source[1] : raw.source[1] + APPOSITION_REACH].split()[:1]
        if not self.text.startswith(",", raw.source[1]) and following not in (["who"], ["which"], ["that"]):
            return None
        floor = self._floor(raw.source[0], 0)
        window = max(floor, raw.source[0] - APPOSITION_REACH)
        before = self.text[window : raw.source[0]]
        if not before.endswith(", "):
            return None
        words = before[:-2].split()
        at = len(words)
        while at > 0 and (words[at - 1][:1].isupper() or (at < len(words) and words[at - 1] in NAME_RUN_LINKS)):
            title = words[at - 1].rstrip(".").lower() in TITLE_WORDS  # "Dr." ends no sentence
            if words[at - 1][-1] in ".,;:!?" and at < len(words) and not title:
                break  # the sentence before ends here
            at -= 1
        first = at  # where the noun phrase starts, its determiner included ("the Asheville Tea PAC")
        while at < len(words) and not words[at][:1].isupper():
            at += 1
        if at < len(words) and words[at].lower() in NOT_NAME_WORDS:
            return None  # "Unlike Tesla", "As Dr. Stacy Ogbeide": an opener's object, no clause's own
        phrase = " ".join(words[at:])
        if not phrase or not self._is_named_source(phrase):
            return None
        if (first == 0 and window == floor) or (first > 0 and words[first - 1][-1] in ".!?"):
            # a sentence's first words: a name the text quotes or a person's full name ("Similarly" is neither)
            if phrase not in self.entities and not (len(words) - at > 1 and looks_person(phrase)):
                return None
        elif first == 0 or not _verb_like(words[first - 1]):
            return None  # the window's start, mid-sentence; "in New York City, an official said": a place
        return self._named(phrase)

    def _label(self, raw: RawAttribution, source: str, named: str) -> bool:
        """A colon's source that is a label, not a speaker: every word written in lower case elsewhere too ("Cooling
        Test:"); or, before prose that is no quotation and without a title, a head the text writes in lower case ("Pro
        Tip:", "The Problem:") or a name the text writes nowhere but before a colon ("My Verdict:", "Actionable
        Takeaway:"). A transcript's speaker is in capitals ("ROSIE CURTS:") or named in the prose too ("Malone")."""
        if self.text[raw.cue[0] : raw.cue[1]].strip() != ":":
            return False
        words = name_core(source).split()
        if all(self.common(word) for word in words):
            return True
        if named.split()[-1] in self.titled_colon_names:
            return False  # "Mr Malone:", and "Malone:" after it: a person's title
        if self.text.startswith(QUOTE_OPENINGS, raw.content[0]):
            return False  # "Nadia Orlova: “We will not sign.”": a quotation after a name
        if self.common(words[-1]):
            return True  # "Pro Tip:", "Favorite Items:": a common noun's capital is a heading's
        if source.isupper():
            return False  # "ZEPH CAPO:", "CAPO:": a transcript's speaker (transcript_lines matched the surname)
        return named.split()[-1] not in self.prose_words

    def _sentence_capital(self, raw: RawAttribution, source: str) -> bool:
        """A one-word source opening its sentence that the text also writes in lower case and never capitalises inside
        a sentence ("Make notes where you can", "Frequently asked questions", "Showing before telling"): the capital
        is the sentence's. A name the text gives in full ("Will" of "Will Smith") is kept."""
        if " " in source or not source.isalpha() or source.isupper() or inside_sentence(self.text, raw.source[0]):
            return False
        if source in self.full or source in self.given or not self.common(source):
            return False
        return source not in self.capitalised_inside

    @cached_property
    def capitalised_inside(self) -> set[str]:
        """The source words the text capitalises inside a sentence: one pass over them, however many sources ask."""
        return {word for pos, word in self.core_occurrences if inside_sentence(self.text, pos)}

    @cached_property
    def prose_words(self) -> set[str]:
        """The last words of the names before colons that the text also writes other than right before a colon: one
        scan of the text for all of them."""
        last_words = {name.split()[-1] for name in self.colon_names}
        occurrences = word_occurrences(self.text, last_words)
        return {word for pos, word in occurrences if not self.text.startswith(":", pos + len(word))}

    def _it(self, raw: RawAttribution) -> str | None:
        """ "It" continues the body the sentence before opens with, else stands for the body mentioned most in its
        paragraph and the ones before, else for the body a statement fronted before it opens with, else for the body
        or group quoted as the sentence before's subject ("The independent Sage group … said … It called for")."""
        return (
            self._previous_subject(raw)
            or self._most_mentioned(raw, is_body)
            or self._fronted_subject(raw)
            or self._previous_sentence_body(raw)
        )

    def _previous_sentence_body(self, raw: RawAttribution) -> str | None:
        """The speaker of the attribution whose source opens the sentence right before this one, when it names a body
        or a singular group, not a person ("… said that modelling showed …. It called for": the group, not the
        modelling)."""
        assert raw.source is not None
        sentence = self._sentence_start(raw.source[0])
        if sentence <= self._floor(raw.source[0], 0):
            return None  # the paragraph's first sentence: its subject is in another paragraph
        previous_sentence = self._sentence_start(sentence - 1)
        for earlier, speaker in islice(reversed(self.history), MAX_LOOKBACK_MENTIONS):
            if earlier.source is None or earlier.source[0] < previous_sentence:
                return None
            if earlier.source[0] >= sentence or self.text[previous_sentence : earlier.source[0]].strip(' \n-–—“"'):
                continue  # not the sentence's subject
            if speaker is None or "; " in speaker:
                return None
            entity = self.entities.get(speaker)
            head = self.text[earlier.source[0] : earlier.source[1]].split(" of ")[0].split()[-1]  # "group of advisers"
            if (entity is not None and entity.person is not False) or looks_plural(head.lower()):
                return None  # "Smith said … It": a person is no "it"; "Officials said … It": they
            return speaker
        return None

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding pos starts: structure.sentences' split of its paragraph (an abbreviation's or
        an initial's full stop ends none: "Dr. Smith", "G.K. Butterfield"), read once per paragraph."""
        paragraph = self._paragraph(pos)
        starts = self._sentence_starts(paragraph)
        at = bisect_right(starts, pos) - 1
        return starts[at] if at >= 0 else self.paragraph_spans[paragraph][0]

    def _sentence_starts(self, paragraph: int) -> list[int]:
        """Where the paragraph's sentences start, read once per paragraph."""
        starts = self.sentence_starts.get(paragraph)
        if starts is None:
            start, end = self.paragraph_spans[paragraph]
            starts = [first for first, _ in sentences(self.text, start, end, _outside_quotes)]
            self.sentence_starts[paragraph] = starts
        return starts

    def _sentence_body(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "Acme Technologies has a desktop, and the company told PC Gamer": the one name its sentence (else the
        sentence before) gives that is a body by its form ("… Technologies", "… Inc.") or a body the text quotes; the
        sentence's first name when it names others too. None when no name or two qualify: "Microsoft sued Google",
        "Nike opened a store in Portland", "Tim Cook unveiled it in Cupertino" leave "the company" unnamed."""
        assert raw.source is not None
        if len(words) != 2 or words[0] not in DEFINITE_DETERMINERS:
            return None
        start = self._sentence_start(raw.source[0])
        names = self._body_names(start, raw.source[0])
        if not names and start > self._floor(raw.source[0], 0):
            names = self._body_names(self._sentence_start(start - 2), start)
        bodies = {name for _, name in names if self._known_body(name)}
        if len(bodies) != 1:
            return None
        body = bodies.pop()
        # another name before it ("Google sued Acme Technologies"): which one is meant, the sentence cannot say
        return body if names[0][1] == body else None

    def _known_body(self, name: str) -> bool:
        """A name that is a body's by its form ("Acme Technologies", "Macy's Inc.") or a body the text quotes."""
        last = name.split()[-1]
        if last.lower() in COMPANY_NAME_ENDINGS or last in LEGAL_SUFFIXES:
            return True
        entity = self.entities.get(name)
        return entity is not None and entity.person is False

    def _body_names(self, start: int, end: int) -> list[tuple[int, str]]:
        """The capitalised names between start and end that name no person (no he or she follows them, no quoted
        person goes by them), each with the index of the word it opens at."""
        tokens: list[tuple[int, str]] = []  # each word and where it ends
        pos = start
        for token in self.text[start:end].split():
            pos = self.text.find(token, pos) + len(token)
            if tokens or any(letter.isalpha() for letter in token):
                tokens.append((pos, token))  # a list item's dash opens no subject
        found: list[tuple[int, str]] = []
        at = 0
        while at < len(tokens):
            word = tokens[at][1].lstrip('-–—“"(')
            opener = word.lower() in NOT_NAME_WORDS or word.lower() in PRONOUNS or self.common(word)
            if not word[:1].isupper() or (at == 0 and opener):
                at += 1  # "According to the company", "It is": the sentence's capital, on a common word
                continue
            following = (tokens[later][1] for later in range(at + 1, len(tokens)))  # read only as far as the name
            name = (_name_run(chain([word], following)) or "").removesuffix("'s").removesuffix("’s")
            taken = max(1, len(name.split()))
            entity = self.entities.get(name)
            person = entity is not None and entity.person is True
            if name and not person and person_votes(self.text, tokens[at + taken - 1][0]) <= 0:
                found.append((at, name))
            at += taken
        return found

    def _they(self, raw: RawAttribution) -> str | None:
        """ "They" continues a group quoted by the attribution just before, in its paragraph or the one before
        ("Energy experts said … They said …"), else the one group the sentence before names; a group quoted further
        back was right for one "they" in four; "The pair said they suggested": the people the sentence's subject
        names."""
        return self._previous_group(raw) or self._group_before(raw) or self._same_sentence_people(raw)

    def _definite_body(self, raw: RawAttribution, head: str) -> str | None:
        """ "The hospital": the one body named with that head; "the researchers": the body the group was placed in."""
        return self._body_by_head(raw, head) or self._placed_group_body(raw, head)

    def _placed_group_body(self, raw: RawAttribution, group: str) -> str | None:
        """ "The researchers" after "researchers from the MIT Initiative on the Digital Economy outlined …": the body
        the same group was placed in last, in the paragraph or the one before; None if no such group is placed."""
        if group not in SPEAKING_MEMBERS:
            return None
        assert raw.source is not None
        if group not in self.placed_groups:  # one scan of the text per group noun, however many "the researchers"
            self.placed_groups[group] = list(self._placements(group))
        placed = self.placed_groups[group]
        i = _last_before(placed, raw.source[0])
        return placed[i][1] if i >= 0 and placed[i][0] >= self._floor(raw.source[0], 1) else None

    def _placements(self, group: str) -> Iterator[tuple[int, str]]:
        """Where the text places this group in a named body ("researchers from the MIT Initiative"), and the body."""
        at = self.text.find(f"{group} ")
        while at >= 0:
            after = self.text[at + len(group) + 1 : at + len(group) + 1 + APPOSITION_REACH].split()
            if after and after[0] in GROUP_PLACES and not (at > 0 and self.text[at - 1].isalnum()):
                name = _name_run(after[2:] if after[1:2] == ["the"] else after[1:])
                if name:
                    yield at, name
            at = self.text.find(f"{group} ", at + len(group))

    @cached_property
    def coordinated_people(self) -> list[tuple[int, str]]:
        """Where the text names two people together ("Harry and Meghan"), and the two names joined by "; ": one pass
        over the mentions, however many "the couple" ask."""
        pairs: list[tuple[int, str]] = []
        for (_, first_end, first), (second_start, _, second) in zip(self.mentions, self.mentions[1:], strict=False):
            people = first.person is not False and second.person is not False and first is not second
            between = self.text[first_end:second_start].split()  # "Harry and van Ek": a particle opens the name
            joined = between[:1] == ["and"] and all(word in NAME_PARTICLES for word in between[1:])
            if people and joined and " and " not in first.name + second.name:
                pairs.append((second_start, f"{first.name}; {second.name}"))
        return pairs

    def _couple(self, raw: RawAttribution) -> str | None:
        """ "The couple", "the pair": the two people the text last names together before it ("both Harry and Meghan
        spoke … the pair insisted"); none if it names no two so."""
        assert raw.source is not None
        i = _last_before(self.coordinated_people, raw.source[0])
        return self.coordinated_people[i][1] if i >= 0 else None

    def _both(self, raw: RawAttribution) -> str | None:
        """ "Both experts", "both nutritionists": the two people quoted by name in its paragraph and the ones before,
        when exactly two are ("Lauren Slayton … Sylvia Klinger … Both nutritionists advise")."""
        assert raw.source is not None
        floor = self._floor(raw.source[0], BOTH_PARAGRAPHS)
        people: list[str] = []
        for earlier, speaker in islice(reversed(self.history), MAX_LOOKBACK_MENTIONS):
            if earlier.source is None or earlier.source[0] < floor or len(people) > 2:
                break  # a third person: which two is a guess
            entity = self.entities.get(speaker) if speaker is not None else None
            if entity is not None and entity.person is True and speaker not in people:
                people.append(speaker)
        return "; ".join(reversed(people)) if len(people) == 2 else None

    def _described_body(self, raw: RawAttribution) -> str | None:
        """ "The institution", "the agency", "this court": the nearest body named before it, in its paragraph or the
        one before, whose name ends in a head of that kind ("students at Coventry University … the institution
        called"); none when nothing of that kind is named there."""
        assert raw.source is not None
        words = self.text[raw.source[0] : raw.source[1]].lower().split()
        if not (2 <= len(words) <= 2 + MAX_GROUP_MODIFIERS) or words[0] not in DEFINITE_DETERMINERS:
            return None
        heads = DESCRIBED_BODY_HEADS.get(words[-1])
        if heads is None or not all(word.isalpha() for word in words[1:-1]):
            return None
        pos = raw.source[0]
        floor = self._floor(pos, 1)
        nearest: tuple[int, str] | None = None
        for head in heads:
            if head not in self.named_with_head:  # one scan per head word, however many descriptions
                self.named_with_head[head] = names_ending_in(self.text, head)
            named = self.named_with_head[head]
            i = _last_before(named, pos)
            if i >= 0 and raw.content[0] <= named[i][0] < raw.content[1]:
                i = _last_before(named, raw.content[0])  # what the speaker talks about is no antecedent
            if i >= 0 and named[i][0] >= floor and (nearest is None or named[i][0] > nearest[0]):
                nearest = named[i]
        return nearest[1] if nearest is not None else None

    def _introduced_body(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "The paper" after "revelations by newspaper Dagens Nyheter": the one name the text introduced with that
        noun (or its kin: "newspaper" for "paper") in the source's paragraph and the two before; none when it
        introduced two there, or none; none when another body is named as a subject or quoted between the
        introduction's paragraph and the source ("Siemens said it would buy US software company Altair", "Nestlé …
        sold its stake in French cosmetics company L'Oréal"): a buyer's target, a rival or a supplier is introduced
        so, and the story's subject is the other body; none when the noun stands for something else since ("their
        paper in the journal Science")."""
        assert raw.source is not None
        if len(words) != 2 or words[0] not in DEFINITE_DETERMINERS or words[1] not in INTRODUCING_NOUNS:
            return None
        floor = self._floor(raw.source[0], PRONOUN_PARAGRAPHS)
        found = [
            (at, name)
            for noun in INTRODUCING_NOUNS[words[1]]
            for at, name in self._introductions(noun)
            if floor <= at < raw.source[0]
        ]
        if len({name for _, name in found}) != 1:
            return None
        at, name = max(found)
        if any(at < used < raw.source[0] for noun in INTRODUCING_NOUNS[words[1]] for used in self.noun_uses[noun]):
            return None  # "… newspaper NZZ. The researchers published their paper": the last "paper" is theirs
        named = self._named(name)
        window = self.paragraph_starts[self._paragraph(at)]
        for earlier, speaker in reversed(self.history):
            if earlier.source is None or earlier.source[0] < window:
                break
            entity = self.entities.get(speaker) if speaker is not None else None
            if entity is not None and entity.person is not True and speaker != named:
                return None  # "Siemens said it would buy US software company Altair": the buyer speaks
        for paragraph in range(self._paragraph(at), self._paragraph(raw.source[0]) + 1):
            for start in self._sentence_starts(paragraph):
                if window <= start < raw.source[0] and self._opening_body(start, name, words[1]):
                    return None  # "Nestlé will cut jobs … its stake in French cosmetics company L'Oréal"
        return named

    def _opening_body(self, start: int, introduced: str, noun: str) -> bool:
        """Whether the sentence at start opens with a name other than the introduced one that names no person (nor
        a nationality, nor the introduction's own modifier: "Brazilian newspaper Folha"); an owner counts
        ("Microsoft's president Brad Smith met …")."""
        words = self.text[start : start + APPOSITION_REACH].split()
        if words and words[0].lower() == "the":
            words = words[1:]
        name = _name_run(words)
        if name is None or name.split()[0].lower() in NOT_NAME_WORDS or name.split()[0].lower() in PRONOUNS:
            return False
        taken = len(name.split())
        following = words[taken].lower().strip(",") if len(words) > taken else ""
        owner = name.endswith(POSSESSIVE_ENDINGS)
        name = name.removesuffix("'s").removesuffix("’s")
        if following in INTRODUCING_NOUNS.get(noun, ()) or name in introduced or introduced in name:
            return False  # the introduction itself opens the sentence
        if name in NATIONALITIES or {word.lower().rstrip(".") for word in name.split()} & PERSON_TITLE_WORDS:
            return False  # "Swedish Prime Minister Ulf Kristersson": a person
        entity = self.entities.get(name)
        if entity is not None and entity.person is True:
            return False
        if taken == 1 and not owner and entity is None and len(word_occurrences(self.text, {name})) < 2:
            return False  # "Demand has grown": a sentence's capital on a word the text names nothing else with
        end = self.text.find(name, start) + len(name)
        return person_votes(self.text, end) <= 0

    def _introductions(self, noun: str) -> list[tuple[int, str]]:
        """Where the text names a body with this noun, and the name: right after it ("newspaper Dagens Nyheter",
        "company Green Machine"), or between "the" and it ("the Daily Express newspaper"). Read once per noun."""
        if noun not in self.introduced:
            found: list[tuple[int, str]] = []
            for at, _ in word_occurrences(self.text, {noun}):
                end = at + len(noun)
                after = self.text[end : end + APPOSITION_REACH].split() if self.text[end : end + 1] == " " else []
                name = _name_run(after)
                opening = after[0].lower().rstrip(".") if name is not None else ""
                # not "company CEO Tim Cook" (a title, then a person's name), "the company Monday", "the company I …"
                if name is not None and opening not in NOT_NAME_WORDS and opening not in PRONOUNS:
                    found.append((at, name.removesuffix("'s").removesuffix("’s")))
                    continue
                before = self.text[max(0, at - APPOSITION_REACH) : at].split()
                run = list(reversed(list(_capitals_before(before))))
                if run and len(run) < len(before) and before[-len(run) - 1].lower() == "the":
                    found.append((at, body_name(run)))
            self.introduced[noun] = found
            introducing = {at for at, _ in found}
            self.noun_uses[noun] = [
                at
                for at, _ in word_occurrences(self.text, {noun})
                if at not in introducing and self.text[max(0, at - 4) : at].lower() not in ("the ", "his ", "its ")
            ]
        return self.introduced[noun]

    def _he_or_she(self, raw: RawAttribution, pronoun: str) -> str | None:
        """A person of that gender or of none known, never a body; a one-word name only when the pronouns after it
        agree; the subject a pronoun before it in the same sentence stood for first."""
        continued = self._same_sentence_pronoun(raw, pronoun)
        if continued is not None:
            return continued  # "He said that X …, and he noted that Y": one subject, whatever X names
        gender = "m" if pronoun == "he" else "f"

        def fits(entity: Entity) -> bool:
            if entity.person is False:
                return False
            if entity.gender() is not None or entity.person is not True:
                return entity.gender() == gender
            # no gender known for sure: not one whose pronouns lean the other way ("Winfrey asked if he …": she, 3-2)
            return (entity.female <= entity.male) if gender == "m" else (entity.male <= entity.female)

        return self._nearest(raw, fits, subjects_only=True)

    def _members_body(self, members: str) -> str | None:
        """ "Con Edison officials said … the officials added": the body they spoke for before."""
        return self.body_by_members.get(members)

    def _body_anaphor(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "The company" says what it stands for: any name not known to be a person's ("Biomason"); a document or
        its authors ("the trends report") are a body's only when it is known as one; plural results ("These findings",
        "the results") are the body's quoted just before, else sum up what the text said, no one body's."""
        if words[-1] in DOCUMENT_NOUNS and looks_plural(words[-1]):
            # "Pew said … The findings show": Pew's; after a paragraph of the writer's own, they sum that up
            return self._body_just_before(raw, paragraphs_back=0) or group_word(words)
        fits = is_body if words[-1] in DOCUMENT_NOUNS else is_not_person
        return self._most_mentioned(raw, fits) or self._previous_body(raw, words) or group_word(words)

    def _title(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "The singer", "the duchess": the holder the text names, else the person it continues, else no one."""
        assert raw.source is not None
        source = self.text[raw.source[0] : raw.source[1]]
        holders = self._best_holders([word for word in source.split() if word.lower() not in DETERMINERS])
        quoted = {name for name in holders if self._quoted_person(name)}
        if len(holders) > 1 and len(quoted) == 1:
            holders = quoted  # "Meghan, Duchess of Sussex" quoted, "Catherine, Duchess of Cambridge" only named
        if len(holders) == 1 or words[0] not in DEFINITE_DETERMINERS:
            return holders.pop() if len(holders) == 1 else None
        if holders or self.titled.get(words[-1]) == "":
            return None  # two people hold the title: "the president" is neither, not the one named last
        return self._role_referent(raw, words[-1])

    def _body_by_head(self, raw: RawAttribution, head_word: str) -> str | None:
        """ "The hospital", "the authority": the one body quoted whose name ends so ("Cork University Hospital"),
        else the one body the text names before with that head; None when none or two."""
        assert raw.source is not None
        head = head_word.capitalize()
        bodies = {
            e.name
            for e in self.entities.values()
            if e.name.split()[-1] == head and maybe_body(e) and self._named_before(e.name, raw.source[0])
        }
        if not bodies and not is_role_word(head_word):
            if head not in self.named_with_head:  # one scan per head word, however many "the authority"
                self.named_with_head[head] = names_ending_in(self.text, head)
            bodies = {name for at, name in self.named_with_head[head] if at < raw.source[0]}
        return bodies.pop() if len(bodies) == 1 else None

    @cached_property
    def first_named(self) -> dict[str, int]:
        """Where each entity is first mentioned: one pass over the mentions, however many descriptions ask."""
        first: dict[str, int] = {}
        for start, _, entity in self.mentions:
            first.setdefault(entity.name, start)
        return first

    def _named_before(self, name: str, pos: int) -> bool:
        """The text names this entity before pos: a description ("the report", "the hospital") refers back, never to a
        body the text first names after it ("The report highlighted …" before "Salesforce's … Report revealed")."""
        first = self.first_named.get(name)
        return first is None or first < pos  # a name the scan of mentions missed: no evidence it comes later

    def _group(self, words: list[str]) -> str | None:
        """A group or document that names itself ("officials", "the study"); "Police said" in a story that quotes
        the Miami-Dade Police: that body, when it is the one so named."""
        group = group_word(words)
        if group is not None and group in ONE_BODY_HEADS:
            bodies = {e.name for e in self.entities.values() if e.person is False and e.name.lower().endswith(group)}
            return bodies.pop() if len(bodies) == 1 else group
        return group

    def _antecedent(self, raw: RawAttribution, head: str) -> str | None:
        """What "the report" or "the court" refers back to: the speaker of the last source with that head ("a
        LendingTree report"), else the one body quoted whose name holds it ("District Court of Appeal"), else (for an
        outlet's or a body's document, "the study") the body the story leans on, else none."""
        if head in self.speaker_by_head:
            return self.speaker_by_head[head]
        capitalised = head[:1].upper() + head[1:]
        assert raw.source is not None
        bodies = {
            e.name
            for e in self.entities.values()
            if e.person is False and capitalised in e.name.split() and self._named_before(e.name, raw.source[0])
        }
        if len(bodies) == 1:
            return bodies.pop()
        maker = self._maker_before(raw, head)
        if maker is not None:
            return maker
        return self._most_mentioned(raw, is_body) if head in ORG_ANAPHORS else None

    def _maker_before(self, raw: RawAttribution, head: str) -> str | None:
        """ "The report" after "The U.S. Copyright Office's May 2025 report on AI training acknowledged …": the maker
        the nearest such document is named with, in its paragraph or the one before: a possessive name before it, or
        a name after "by" or "from" ("a report by the Pew Research Center")."""
        assert raw.source is not None
        if head not in self.made_documents:  # one scan of the text per head, however many "the report"
            self.made_documents[head] = [
                (at, maker) for at, _ in word_occurrences(self.text, {head}) if (maker := self._maker_at(at, head))
            ]
        made = self.made_documents[head]
        i = _last_before(made, raw.source[0])
        return made[i][1] if i >= 0 and made[i][0] >= self._floor(raw.source[0], 1) else None

    def _maker_at(self, at: int, head: str) -> str | None:
        """The maker the document named at this position is named with, if any (see _maker_before)."""
        after = self.text[at + len(head) : at + len(head) + APPOSITION_REACH].split()
        if after[:1] in (["by"], ["from"]):
            words = after[2:] if after[1:2] == ["the"] else after[1:]
            name = _name_run(words)
            rest = words[len(name.split()) : len(name.split()) + 1] if name is not None else []
            if name is not None and rest not in (["and"], ["et"]):  # "by Joon and colleagues": one of several
                return body_name(name.split())
        before = self.text[max(self._floor(at, 0), at - APPOSITION_REACH) : at].split()
        for back, word in enumerate(reversed(before[-MAKER_MODIFIERS - 1 :])):
            if word.endswith(POSSESSIVE_ENDINGS) and word[:1].isupper():
                if word[:-2].lower() in NOT_MAKER_WORDS:
                    return None  # "Monday's report", "Today's report", "The President's report": no maker's name
                owner = [word[:-2]]
                for earlier in reversed(before[: len(before) - back - 1]):
                    sentence_end = earlier.endswith(".") and "." not in earlier[:-1]  # not "U.S."
                    if not earlier[:1].isupper() or earlier[-1] in ",;:" or sentence_end:
                        break
                    owner.insert(0, earlier)
                return body_name(owner)
            if word[-1] in ".,;:!?":
                break  # the sentence or clause before
        return None

    def _head(self, source: Span) -> str:
        return self.text[source[0] : source[1]].lower().split()[-1]

    def _previous_body(self, raw: RawAttribution, words: list[str]) -> str | None:
        """The body quoted just before, in its paragraph or the one before, for a singular anaphor ("the research firm
        found" right after "a recent Park Associates report found")."""
        if len(words) > ORG_ANAPHOR_WORDS or words[-1].endswith("s"):
            return None
        return self._body_just_before(raw, paragraphs_back=1)

    def _body_just_before(self, raw: RawAttribution, paragraphs_back: int) -> str | None:
        """The speaker of the attribution just before, if a body, in the source's paragraph or up to so many before."""
        if self.previous is None or raw.source is None:
            return None
        previous, speaker = self.previous
        entity = self.entities.get(speaker) if speaker is not None else None
        if entity is None or entity.person is True or previous.source is None:
            return None
        return (
            speaker if self._paragraph(previous.source[0]) >= self._paragraph(raw.source[0]) - paragraphs_back else None
        )

    def _previous_group(self, raw: RawAttribution) -> str | None:
        if self.previous is None or raw.source is None:
            return None
        previous, speaker = self.previous
        if speaker is None or previous.source is None:
            return None
        entity = self.entities.get(speaker)
        # a group names itself in lower case ("energy experts", even from "Energy experts said"); a body is "they" too
        # ("As SRLabs put it: … They also highlighted …")
        body = entity is not None and " and " not in speaker and (entity.person is False or acronym_like(entity))
        if not body and (not speaker.islower() or not speaker.endswith("s")):
            return None
        if self._paragraph(previous.source[0]) < self._paragraph(raw.source[0]) - 1:
            return None
        between = self.text[max(previous.source[1], raw.source[0] - GROUP_REACH * 3) : raw.source[0]].lower().split()
        head = speaker.lower().split()[-1]
        if any((bare := word.strip(',.;:!?”"')) != head and bare in GROUP_PEOPLE for word in between):
            return None  # "Even among customers who …, they complained": another group stands between
        return speaker

    def _group_before(self, raw: RawAttribution) -> str | None:
        """The one group of people the sentence before names, by a plural person noun and its modifiers ("… left some
        of the state's energy experts bewildered. They said …" -> "energy experts"); none if two, or a group and a
        body, or none compete."""
        assert raw.source is not None
        pos = raw.source[0]
        paragraph_start = self._floor(pos, 0)
        before = self.text[max(paragraph_start, pos - GROUP_REACH) : pos].rstrip()
        sentence = max(before.rfind(end, 0, len(before) - 1) for end in SENTENCE_ENDS)  # the sentence before only
        words = before[sentence + 1 :].split()
        groups: set[str] = set()
        for at, word in enumerate(words):
            bare = word.rstrip(',.;:!?”"').lower()
            if bare in ORG_HEADS or bare in ONE_BODY_HEADS:
                return None  # "Police arrested two protesters. They said": a body competes with the group
            if bare in NAMED_GROUPS and word[:1].isupper():
                groups.add(word.rstrip(',.;:!?”"'))  # "Republicans in the Texas legislature …. They say"
                continue
            if bare not in GROUP_PEOPLE:
                continue
            start = at
            while start > 0 and at - start < MAX_GROUP_MODIFIERS and modifier_word(words[start - 1]):
                start -= 1
            partitive = [word.lower() for word in words[max(0, start - 3) : start]]
            if "of" in partitive and partitive[max(0, partitive.index("of") - 1)] in ONE_OF:
                continue  # "One of our participants … when they said": a singular they, one person
            groups.add(" ".join([*words[start:at], bare]))
        return groups.pop() if len(groups) == 1 else None

    def _same_sentence_pronoun(self, raw: RawAttribution, pronoun: str) -> str | None:
        """The speaker of the previous attribution when its source is the same pronoun, in the same sentence."""
        if self.previous is None or raw.source is None:
            return None
        previous, speaker = self.previous
        if previous.source is None or self.text[previous.source[0] : previous.source[1]].lower() != pronoun:
            return None
        return speaker if self._same_sentence(previous, raw) else None

    def _same_sentence_people(self, raw: RawAttribution) -> str | None:
        """The people the previous attribution's speaker names ("Harry; Meghan"), in the same sentence."""
        if self.previous is None:
            return None
        previous, speaker = self.previous
        return speaker if speaker is not None and "; " in speaker and self._same_sentence(previous, raw) else None

    def _same_sentence(self, previous: RawAttribution, raw: RawAttribution) -> bool:
        """Both sources stand in one sentence, the previous one first."""
        if previous.source is None or raw.source is None:
            return False
        between = self.text[previous.source[1] : raw.source[0]]
        return "\n" not in between and not any(end in between for end in SENTENCE_ENDS)

    def remember(self, raw: RawAttribution, speaker: str | None) -> None:
        """Keep the attributions resolved so far: a pronoun in the same sentence continues the last one, and "the
        report" refers back to an earlier one."""
        self.previous = (raw, speaker)
        self.history.append((raw, speaker))
        if speaker is None or raw.source is None:
            return
        head = self._head(raw.source)
        self.speaker_by_head[head] = speaker  # "the report" refers back to it
        if speaker[:1].isupper():
            self.body_by_members[head] = speaker  # "Con Edison officials": the body "the officials" speak for
        entity = self.entities.get(speaker)
        if entity is not None and entity.person is not False and self.named_at(raw.source[0]) is None:
            # "He added …" is a mention of the man it stands for: a later "he" two paragraphs on still finds him
            insort(self.mentions, (raw.source[0], raw.source[1], entity), key=lambda mention: mention[0])


def _names_no_one(source: str) -> bool:
    """A heading's question ("Why You'll Love It:", "How Budlong Helps:"), a date ("a study from October 2021") or a
    document only seen by the outlet named ("reports seen by Reuters"): words that name no one, whatever their
    capitals."""
    opening = source.split()[0]
    if (opening.lower() in QUESTION_OPENERS and not is_acronym(opening)) or obtained_document(source):
        return True
    core = name_core(source).split()
    return bool(core) and core[0] in MONTHS and core[-1].isdigit() and all(w in MONTHS or w.isdigit() for w in core)


def _role_phrase(words: list[str]) -> bool:
    """A role's noun phrase: a role noun after capitalised words, titles or participles ("Desjardins Economics
    managing director", "Ford's chief executive"), never a clause ("Mary Jones praised the nurses")."""
    if not words:
        return False
    *modifiers, head = words
    return is_role_word(head) and all(
        word[:1].isupper() or word.lower() in TITLE_WORDS or word.endswith("ing") for word in modifiers
    )


def is_role_word(word: str) -> bool:
    """A noun for a person by what they do or hold ("director", "engineer", "chairwoman"): a role, not a name."""
    return word.lower() in PERSON_NOUNS or word.lower() in ROLE_TITLES


def _has_honorific(source: str) -> bool:
    """A title only a person holds among the source's words ("Dr. Jane Doe", "Sen. Ellis")."""
    return any(word.rstrip(".").lower() in HONORIFICS for word in source.split())


def _same_ends(one: list[str], other: list[str]) -> bool:
    """Two names with the same first and last words (an owner's possessive and a body's head)."""
    return one[0] == other[0] and one[-1] == other[-1]


def _in_order(shorter: list[str], longer: list[str]) -> bool:
    """The shorter name's words all stand in the longer one's, in order ("Ukraine's emergency service" in "Ukraine's
    state emergency service")."""
    remaining = iter(longer)
    return all(word in remaining for word in shorter)


def _last_before(entries: list[tuple[int, str]], pos: int) -> int:
    """The index of the last of these (position, name) entries, in text order, that stands before pos; -1 if none."""
    return bisect_left(entries, pos, key=lambda entry: entry[0]) - 1


def _outside_quotes(_pos: int) -> bool:
    """The speakers' sentences split quotations too: a quoted sentence's end ends the writer's sentence before it."""
    return False


def _verb_like(word: str) -> bool:
    """A lower-case word that may be the verb whose object a name is ("endorsed by", "praised"): "by", or no
    preposition, determiner, conjunction nor function word."""
    return word == "by" or (word.isalpha() and word.islower() and word not in CLAUSE_PREPOSITIONS | NOT_NAME_WORDS)


def _capitals_before(words_before: list[str]) -> Iterator[str]:
    """The capitalised words right before a noun, last first ("the Daily Express newspaper" -> "Express", "Daily")."""
    for word in reversed(words_before):
        if not word[:1].isupper() or word[-1] in ",.;:!?" or word.endswith(POSSESSIVE_ENDINGS):
            return
        yield word


def _name_run(words: Iterable[str]) -> str | None:
    """The name the words open: capitalised words and the links inside them ("MIT Initiative on the Digital
    Economy"), up to a lower-case word or a mark; None if they open with no capital. A date after a link is no part
    of the name ("Google on Monday")."""
    name: list[str] = []
    for word in words:
        bare = word.rstrip(",.;:!?")
        if not (bare[:1].isupper() or (name and bare in NAME_RUN_LINKS)):
            break
        if bare in DATE_WORDS and name and not name[-1][:1].isupper():
            break
        name.append(bare)
        if bare != word:
            break  # the name ends at its punctuation
    while name and not name[-1][:1].isupper():
        name.pop()  # "on the": a link ends no name
    if len(name) > 1 and name[0].endswith(POSSESSIVE_ENDINGS):
        name = name[1:]  # "Belgium's KU Leuven University": the place is no part of the name
    return " ".join(name) or None
