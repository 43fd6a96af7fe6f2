"""A source's own name (Naming): a named source's words expanded to the longest form the article gives the name;
an abbreviation, an acronym another source spells out, a company's legal form, a name in capitals, an owned body and a
body cut at its possessive each made one name; a title's holder; the labels and sentence capitals that name no one;
the name an indefinite description stands in apposition to."""

from __future__ import annotations

from functools import cached_property, lru_cache
from itertools import takewhile

from ..lexicon import (
    BODY_MEMBER_NOUNS,
    DEFINITE_DETERMINERS,
    DETERMINERS,
    FEMALE_TITLES,
    LEADING_ROLE_NOUNS,
    MALE_TITLES,
    MONTHS,
    NATIONALITIES,
    NOBLE_TITLES,
    ORG_HEADS,
    PERSON_PRONOUNS,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS,
    PUBLIC_BODY_HEADS,
    PUBLICATION_HEADS,
    RESTRICTIVE_RELATIVES,
    ROLE_TITLES,
    TITLE_WORDS,
    is_acronym,
    without_possessive,
)
from ..names import (
    NOT_NAME_WORDS,
    OTHER_HOLDER_QUALIFIERS,
    SPEAKING_FOR,
    bare_surname,
    body_name,
    body_named_in_full,
    defined_acronyms,
    ends_in_titled_person,
    full_names,
    group_word,
    inside_sentence,
    is_named,
    looks_person,
    name_core,
    names_headed_by,
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
    without_leading_kind,
    without_post_modifier,
    word_occurrences,
)
from ..patterns import INCLUDED_MEMBERS_RE, PAREN_RE, QUOTE_MARKS
from ..structure import RawAttribution
from ..vocabulary import DOCUMENT_NOUNS
from .constants import (
    APPOSITION_REACH,
    BODY_KIND_NOUNS,
    CLAUSE_PREPOSITIONS,
    DATE_WORDS,
    DESCRIBED_BODY_HEADS,
    FEMALE_HONORIFICS,
    GIVEN_NAMES_REACH,
    INDEFINITE_OPENERS,
    LEGAL_FORMS,
    LEGAL_SUFFIXES,
    MALE_HONORIFICS,
    MAX_ACRONYM,
    MEMBERS_BODY_HEADS,
    MIN_ACRONYM,
    MIN_SOURCE_ACRONYM,
    NAME_RUN_LINKS,
    NAMING_HEADS,
    OBLIQUE_PREPOSITIONS,
    PERSON_NOUNS,
    PERSON_TITLE_WORDS,
    QUESTION_OPENERS,
    QUOTE_OPENINGS,
    ROLE_HEADS,
    SHARED_BODY_HEADS,
)
from .entities import Entity
from .given_names import lone_given_name_gender
from .phrases import apposition_kind, named_chunk
from .reading import Reading


class Naming(Reading):
    """The name behind a source by its own words, with what each form of a name was read as, read once per form."""

    source_cores: set[str]  # the names the sources give (each surname of "Volker and Morrison")
    full: dict[str, str]  # a one-word core or surname -> the longest person's name the text gives ending in it
    given: dict[str, str]  # a first name -> the one full name the text gives it
    makers: set[str]  # the makers a source names before its document ("a recent Park Associates report")
    owned_by_body: dict[str, list[tuple[int, str]]]  # "Air Force" -> where a source names it with an owner, and how
    owned_by_owner: dict[tuple[str, str], set[str]]  # an owner and a head -> the owned bodies the sources name so
    colon_names: set[str]  # the names before a colon cue
    titled_colon_names: set[str]  # their last words that one of their labels gives a person's title
    abbreviations: dict[str, str]  # "WHO" -> the name a source gave it in parentheses
    title_holders: dict[tuple[str, ...], set[str]]  # a title's words -> who the text names with it
    spoken_forms: dict[str, str]  # "TRAVIS CANTWELL" -> "Travis Cantwell", "NASA" -> "NASA"
    company_forms: dict[str, bool]  # "Arduino LLC" -> whether the text has another company form too
    acronyms: dict[str, set[str]]  # a body's name -> the acronyms its sources spell it with
    bodies_in_full: dict[str, str]  # "Moody" -> "Moody's Analytics"
    longer_bodies: dict[str, str]  # "Argonaut" -> "Argonaut Games", named so at its first mention
    spelled_names: dict[str, set[str]]  # "FTC" -> the bodies' names the text spells it out as
    person_owners: dict[str, bool]  # "Biden" (of "Biden's Justice Department") -> a person
    bare_kept: dict[str, int]  # "Foreign Ministry" -> where it last stood for no owner's
    longest_owned: dict[str, str]  # "Ukraine's emergency service" -> "Ukraine's state emergency service"
    given_before_surname: dict[str, set[str]]  # "Clinton" -> {"Hillary", "Bill"}: read for courtesy titles only

    @classmethod
    def _name_of_source(cls, source: str, maker: str | None) -> str | None:
        """The words of a source that name someone (its document's maker, or itself), to be expanded by _named."""
        if names_no_one(source) or (maker is not None and names_no_one(maker)):
            return None
        source = without_leading_kind(source)  # "Rival Sony has said": the sentence's capital on the body's kind
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
        if placed_office(source.split()):
            return False  # "The MP for Ealing North", "The Archbishop of Canterbury": an office a place names, no name
        if _commissioned_document(source.split()):
            return False  # "A second poll for the Independent on Sunday": the outlet paid for it, someone else made it
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
            and not ends_in_titled_person(source.split(), PREPOSITIONS | DETERMINERS)
        ):
            return False  # "chairman of the Commons' committee", "A colleague of Rothman's": someone, unnamed
        if (
            0 < described < len(head)
            and head[described - 1].lower() in ROLE_TITLES | LEADING_ROLE_NOUNS
            and not speaks_for
            and not looks_person(name_core(source))
        ):
            return False  # "The Chairwoman of Ukraine's Central Bank": a title, no name ("Secretary of State X" has)
        placed = len(head) < len(source.split()) and "," not in source
        if placed and head[0].islower() and not any(word[:1].isupper() for word in head[1:]):
            return False  # "tweeter in Sydney": the name only places a common noun
        capitals = [word for word in head[1:] if word[:1].isupper()]
        definite = head[0].lower() in DEFINITE_DETERMINERS
        if definite and head[-1].islower() and capitals and all(word.lower() in NATIONALITIES for word in capitals):
            return False  # "the Russian space agency", "The Finnish guidance": a description a nationality places
        if len(head) > 1 and head[-1].islower() and "," in source and looks_person(name_core(source)):
            return True  # "A neighbour, Tom Reed", "One resident, Mary Jones": the apposition names the one
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
            and head[-1] not in LEGAL_SUFFIXES  # "Tesco plc": a company's form, lower case
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

    def _mark_served_bodies(self, sources: set[str]) -> None:
        """ "spokesman for Ask Jeeves", "co-founder of Blinkx": the name a role serves is a body's, so no he or she
        stands for it."""
        for source in sources:
            words = source.replace(",", " ").split()
            for at, word in enumerate(words[:-2]):
                if word.lower().rsplit("-", 1)[-1] not in ROLE_TITLES or words[at + 1] not in ("of", "for"):
                    continue
                rest = words[at + 2 :]
                rest = rest[1:] if rest[0].lower() == "the" else rest
                run = list(takewhile(lambda name_word: name_word[:1].isupper(), rest))
                entity = self.entities.get(" ".join(run)) if run else None
                if entity is not None and entity.person is None:
                    entity.person = False

    def _named(self, source: str, at: int | None = None) -> str:
        """A named source: its core, expanded to the longest form of the name (or an abbreviation's name); several
        people, each so, joined by "; "."""
        source = INCLUDED_MEMBERS_RE.split(source, maxsplit=1)[0]  # "Critics, including several Labour MPs": critics
        conjuncts = person_conjuncts(source)
        if conjuncts is not None:
            names = [self._longest(conjunct) for conjunct in self._shared_surname(conjuncts)]
            if any(len(name.split()) > 1 for name in names) or " and the " in source:
                return "; ".join(names)  # "Procter and Gamble" stays one name; "Labour and the Conservatives" two
        core = name_core(source)
        for abbreviation in PAREN_RE.findall(source):
            acronym = abbreviation.strip()
            spelled = self._names_spelling(acronym) if looks_person(core) else set()
            # "Rafael Grossi, director general of the International Atomic Energy Agency (IAEA)": the acronym is the
            # body's the parenthesis follows, not the person's
            self.abbreviations[acronym] = spelled.pop() if len(spelled) == 1 else core
        core = self.abbreviations.get(core, core)
        core = self._owned_body(self._spelled_out(self._without_legal_suffix(core)), at)
        core = self._masthead_in_full(core)
        owner = without_possessive(core)
        if " " not in core and owner != core and (owner in self.full or owner in self.source_cores):
            core = owner  # "Trump’s" when the text names Trump: his, no name of its own ("Macy's" is one)
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
        # "Mrs. Clinton" is no Bill, "Mr. Carter" no Linda: a courtesy title chooses between people sharing a surname,
        # never against the one person of that name (a given name may mislead: "Mr. Siân Nguyen")
        honorific = _honorific_gender(source)
        if honorific is not None and len(self._people_of_surname(words[-1] if words else "")) < 2:
            honorific = None
        if " and " not in core and words:
            longer = self.full.get(bare_surname(words[-1]))  # "Al-Sharaa": the text's "Ahmed al-Sharaa"
            if longer and not self._fits_honorific(longer, honorific):
                longer = self._same_surname_of_gender(core, honorific) if len(words) == 1 else None
            if longer and all(self.common(word) for word in longer.split()):
                longer = None  # "Pro Tip", "Seat Height": words the text writes in lower case name a thing
            if longer and len(longer) > len(core) and same_name(longer.split(), words):
                core = longer
            elif longer and len(words) == 2 and words[0].lower() in NOBLE_TITLES and looks_person(longer):
                core = longer  # "Baroness Boothroyd" in a text that names "Betty Boothroyd": the longest form
            elif longer and len(words) == 2 and _title_acronym(words[0], longer):
                core = longer  # "MEC Mamabolo" in a text that names "Jacob Mamabolo": an office's acronym, no name
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
                people = self._people_named(core, honorific)
                if not people and core not in self.given:
                    # "Zane" after "owner, Zane Merva": the one person quoted before by that first name
                    people = {e.name for e in self.entities.values() if e.person is True and e.name.split()[0] == core}
                    if len(people) == 1 and len(next(iter(people)).split()) > 1:
                        person = self._named(people.pop())
                        self.entities[person].forms.add(core)  # "Zane" is a mention of him from now on
                        return person
                    people = set()
                core = people.pop() if len(people) == 1 else self.given.get(core, core)
                office, _, surname = core.partition(" ")
                if surname and " " not in surname and _title_acronym(office, self.full.get(surname, "")):
                    core = self.full[surname]  # "The MEC" after "MEC Mamabolo": the office's holder, named in full
                if " " not in core:
                    core = self._body_in_full(core)  # "Moody" -> "Moody's Analytics"
        known = self.entities.get(core)
        if core and (known is None or known.person is not True) and core not in self.full and core not in self.given:
            core = self._body_named_in_full(core)  # "Argonaut" after "Argonaut Games" first: the longest form
        entity = self.entities.get(core)
        if entity is None:
            entity = self.entities[core] = Entity(core, self._is_person(core, source))
            entity.forms.add(core.split()[-1] if entity.person else core)
        if core != source:
            # a person's surname without its possessive ("Trump’s answers" is a mention of Trump, a possessor's)
            entity.forms.add(
                name_core(source) if not entity.person else without_possessive(name_core(source).split()[-1])
            )
        entity.forms.update(self.acronyms.get(core, ()))
        source_words = source.lower().replace(".", " ").split()
        core_words = core.lower().split()
        for at, (word, following) in enumerate(zip(source_words, [*source_words[1:], ""], strict=True)):
            if word not in PERSON_TITLE_WORDS:
                continue  # most words of a source are no title
            if following.endswith(POSSESSIVE_ENDINGS):
                continue  # "Ms Jowell's deputy, Richard Caborn": the possessor's title, not the speaker's
            entity.male += 3 * (word in MALE_TITLES)
            entity.female += 3 * (word in FEMALE_TITLES)
            if entity.person and word in TITLE_WORDS and word not in DETERMINERS:
                entity.titled = True
                another_office = not OTHER_HOLDER_QUALIFIERS.isdisjoint(source_words[:at])
                if (word in core_words and word in ROLE_TITLES) or another_office:
                    continue  # "The Culture Secretary" names no holder; "shadow culture secretary X" another office
                if word in ORG_HEADS:
                    continue  # "Party co-leader Ricarda Lang": "her party" is the party, not its leader
                # two people with one title ("President Biden", "President Zelensky"): "the president" is neither
                self.titled[word] = core if self.titled.get(word, core) == core else ""
        return core

    def _people_of_surname(self, surname: str) -> set[str]:
        """The given names the text writes right before this surname ("Hillary", "Bill" for "Clinton"; both in "John
        and Linda Carter"), titles aside: read once per surname, only for a source with a courtesy title."""
        if surname not in self.given_before_surname:
            given: set[str] = set()
            for at, _ in word_occurrences(self.text, {surname}):
                before = self.text[max(0, at - GIVEN_NAMES_REACH) : at].split()[-3:]
                if before and before[-1][:1].isupper():
                    given.add(before[-1])
                    if len(before) == 3 and before[-2] == "and" and before[-3][:1].isupper():
                        given.add(before[-3])
            self.given_before_surname[surname] = {
                name for name in given if name.lower().rstrip(".") not in PERSON_TITLE_WORDS
            }
        return self.given_before_surname[surname]

    def _fits_honorific(self, name: str, honorific: str | None) -> bool:
        """A person the honorific's gender may be: the text's titles and pronouns, or else the given name, do not tell
        the other."""
        if honorific is None or " " not in name:
            return True
        entity = self.entities.get(name)
        gender = entity.gender() if entity is not None else None
        return (gender or lone_given_name_gender(name.split()[0])) in (honorific, None)

    def _same_surname_of_gender(self, surname: str, honorific: str | None) -> str | None:
        """The one person the text names in full with this surname whom the honorific fits ("Hillary Clinton" for
        "Mrs. Clinton" when "Bill Clinton" is named too)."""
        people = {name for name in self._people_named(surname, honorific) if " " in name}
        return people.pop() if len(people) == 1 else None

    def _people_named(self, surname: str, honorific: str | None) -> set[str]:
        """The people the text has whose name ends in this surname and whom the honorific fits."""
        return {
            e.name
            for e in self.entities.values()
            if e.person and e.name.split()[-1] == surname and self._fits_honorific(e.name, honorific)
        }

    def _shared_surname(self, conjuncts: tuple[str, ...]) -> tuple[str, ...]:
        """ "Susan and Emily Carter", "Bill and Melinda Gates": a given name alone before a full name shares its surname
        (two people, not "Susan" and a merged "Emily Carter"); not a surname the text names someone by ("Hamilton and
        Ellen Gille" after "Margaret Hamilton")."""
        last = conjuncts[-1].split()
        if len(last) < 2 or lone_given_name_gender(last[0]) is None:
            return conjuncts
        return tuple(
            f"{conjunct} {last[-1]}"
            if " " not in conjunct and conjunct not in self.full and lone_given_name_gender(conjunct) is not None
            else conjunct
            for conjunct in conjuncts
        )

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

    def _body_named_in_full(self, core: str) -> str:
        """body_named_in_full, read once per name however many sources give it; the name as it is when none."""
        if core not in self.longer_bodies:
            last_words = self.core_positions.get(core.rsplit(" ", 1)[-1], [])
            self.longer_bodies[core] = body_named_in_full(self.text, core, last_words) or core
        return self.longer_bodies[core]

    @cached_property
    def core_positions(self) -> dict[str, list[int]]:
        """Where each source's core word stands, from the one scan of them all (no scan of the text per name)."""
        positions: dict[str, list[int]] = {}
        for pos, word in self.core_occurrences:
            positions.setdefault(word, []).append(pos)
        return positions

    def _names_of_kind(self, description: str) -> list[str]:
        """The names the text gives bodies whose heads are of the kind a description's noun names ("Israel Defense
        Forces" for "military"), each head's scan read once."""
        names: list[str] = []
        for head in DESCRIBED_BODY_HEADS[description]:
            if head not in self.named_with_head:
                self.named_with_head[head] = names_headed_by(self.text, head)
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
        inner, _, first = base.rpartition(" ")
        if inner and first in LEGAL_SUFFIXES:
            base, suffix = inner, first  # "Samsung Electronics Co. Ltd.": both forms go
        if core not in self.company_forms:  # read once per name, however many sources give it
            others = {f"{base} {other}" for other in LEGAL_FORMS - {suffix.rstrip(".")}}  # "Corp." is "Corp"
            self.company_forms[core] = bool(word_occurrences(self.text, others))  # whole words: not "Apple AGMs"
        return core if self.company_forms[core] else base

    def _masthead_in_full(self, core: str) -> str:
        """A publication by its head alone ("The Times", "The Journal"): the one longer masthead with that head the
        sources name ("The New York Times"); kept when none or two are."""
        words = core.split()
        if len(words) != 2 or words[0] != "The" or words[1].lower() not in PUBLICATION_HEADS:
            return core
        longer = {name for name in self.source_cores if len(name.split()) > 2 and name.split()[-1] == words[1]}
        return longer.pop() if len(longer) == 1 else core

    def _spelled_out(self, core: str) -> str:
        """An acronym that spells another source's name is that name ("BPD" and "Brookhaven Police Department",
        "California ISO" and "California Independent System Operator"): one speaker per body; kept when no source's
        name spells it, or two do."""
        prefix, _, acronym = core.rpartition(" ")
        if not (MIN_SOURCE_ACRONYM <= len(acronym) <= MAX_ACRONYM and acronym.isalpha() and acronym.isupper()):
            return core
        if prefix and not all(word[:1].isupper() for word in prefix.split()):
            return core
        lead = f"{prefix} " if prefix else ""
        # a masthead's "The" spells nothing ("The FT" is "The Financial Times")
        names = {
            name
            for name in self.source_cores
            if name.startswith(lead) and spells(name[len(lead) :].removeprefix("The "), acronym)
        }
        if len(acronym) < MIN_ACRONYM:
            # "BA" is "British Airways", a body spelled word for word; never a person ("AP" is not "Anna Park")
            names = {
                name
                for name in names
                if len(name.removeprefix("The ").split()) == len(acronym) and not looks_person(name)
            }
        if not names and not prefix:
            # "The Office for Budget Responsibility (OBR) monitors …": the one name the text defines it with
            names = set(self.defined_acronyms.get(acronym, ()))
        if not names and not prefix and len(acronym) >= MIN_ACRONYM and acronym not in self.defined_acronyms:
            # "the Federal Trade Commission, which …" … "The FTC said": the one body the text spells it out as
            names = self._names_spelling(acronym)
        if len(names) > 1 and len({_without_plurals(name) for name in names}) == 1:
            # "Disasters Emergency Committee", later "Disaster Emergency Committee": one body, as first written
            names = {min(names, key=lambda name: self.text.find(name))}
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

    def _longest(self, name: str) -> str:
        """A person's name in the longest form the article gives it."""
        words = name.split()
        longer = self.full.get(words[-1])
        return longer if longer and len(longer) > len(name) and same_name(longer.split(), words) else name

    def _is_person(self, core: str, source: str) -> bool | None:
        words = core.split()
        if not looks_person(core) or " and " in core or source in self.makers:
            return False
        if source.split()[:1] in (["The"], ["the"]) and source.split()[1:2] == core.split()[:1]:
            return False  # "The Scottish Executive": an article before the name's own words names a body
        kind = apposition_kind(source.partition(",")[2])
        if kind is not None:
            return kind == "person"  # "The California Independent System Operator, the nonprofit entity that …"
        before = source.partition(core)[0].split()
        if before and before[-1] in BODY_KIND_NOUNS:
            return False  # "search firm Ask Jeeves", "drugmaker Pfizer": a body's kind right before the name
        if len(words) >= 2 or core in self.full.values():
            return True
        # a title beside the name says a person ("Dr Hale"); the name's own word is none ("the US": "us" titles "US
        # Senator …")
        titles = {word.rstrip(".").lower() for word in source.split() if word not in words} & PERSON_TITLE_WORDS
        return True if titles else None

    def _apposed_name(self, raw: RawAttribution) -> str | None:
        """The name an indefinite description stands in apposition to ("endorsed by the Asheville Tea PAC, a local
        organization which said"): the capitalised words right before its comma, when a relative clause or a comma
        follows the description (else it is its clause's subject: "Responding to Smith, a spokesman said") and the
        name opens its clause: at the sentence's start, after "by" or after a verb, never after a preposition or an
        opener ("In a letter sent to Apple, a group of senators said", "Unlike Tesla, a rival carmaker said")."""
        assert raw.source is not None
        following = self.text[raw.source[1] : raw.source[1] + APPOSITION_REACH].split()[:1]
        if not self.text.startswith(",", raw.source[1]) and not (following and following[0] in RESTRICTIVE_RELATIVES):
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


@lru_cache(maxsize=4096)
def names_no_one(source: str) -> bool:
    """A heading's question ("Why You'll Love It:", "How Budlong Helps:"), a date ("a study from October 2021") or a
    document only seen by the outlet named ("reports seen by Reuters"): words that name no one, whatever their
    capitals."""
    opening = source.split()[0]
    if (opening.lower() in QUESTION_OPENERS and not is_acronym(opening)) or obtained_document(source):
        return True
    core = name_core(source).split()
    return bool(core) and core[0] in MONTHS and core[-1].isdigit() and all(w in MONTHS or w.isdigit() for w in core)


def _commissioned_document(words: list[str]) -> bool:
    """A document made "for" a named body, its maker unnamed ("A second poll for the Independent on Sunday", "a survey
    for the BBC"): the body commissioned it; "a poll by ICM for the Guardian" names its maker first."""
    at = next((at for at, word in enumerate(words) if word in ("for", "by", "from")), 0)
    if any(word.endswith(",") for word in words[:at]):
        return False  # "Jan Olsen, head of research for Sophos": the document noun is in a person's apposition
    return 0 < at < len(words) - 1 and words[at] == "for" and words[at - 1].lower() in DOCUMENT_NOUNS


def placed_office(words: list[str]) -> bool:
    """A definite office placed by a name after "of" or "for" ("The MP for Ealing North", "the new health minister for
    Wales", "The Archbishop of Canterbury"): its holder, unnamed; a peer's title ("The Duke of Edinburgh") is a name,
    and a person's name after the place ("Secretary of State Antony Blinken") is the holder's."""
    if len(words) < 4 or words[0].lower() not in DEFINITE_DETERMINERS or any("," in word for word in words):
        return False
    at = next((at for at, word in enumerate(words) if word in ("of", "for")), 0)
    if at < 2 or at == len(words) - 1:
        return False
    office = words[at - 1]
    if not (office in ROLE_HEADS or office.lower() in ROLE_HEADS) or office.lower() in NOBLE_TITLES:
        return False
    place = words[at + 1 :]
    if not all(word[:1].isupper() or word in ("of", "the", "and") for word in place) or not place[-1][:1].isupper():
        return False
    return not (len(place) >= 2 and lone_given_name_gender(place[-2]) is not None)


def _same_ends(one: list[str], other: list[str]) -> bool:
    """Two names with the same first and last words (an owner's possessive and a body's head)."""
    return one[0] == other[0] and one[-1] == other[-1]


def _in_order(shorter: list[str], longer: list[str]) -> bool:
    """The shorter name's words all stand in the longer one's, in order ("Ukraine's emergency service" in "Ukraine's
    state emergency service")."""
    remaining = iter(longer)
    return all(word in remaining for word in shorter)


def _verb_like(word: str) -> bool:
    """A lower-case word that may be the verb whose object a name is ("endorsed by", "praised"): "by", or no
    preposition, determiner, conjunction nor function word."""
    return word == "by" or (word.isalpha() and word.islower() and word not in CLAUSE_PREPOSITIONS | NOT_NAME_WORDS)


def _without_plurals(name: str) -> str:
    """A name with each word's plural "s" left out: two spellings of one body's name read the same."""
    return " ".join(word.removesuffix("s") for word in name.split())


def _title_acronym(word: str, longer: str) -> bool:
    """An acronym before a surname that the text gives a person's full name with ("MEC Mamabolo" and "Jacob
    Mamabolo"): an office's letters, not the person's initials ("JF Kennedy")."""
    names = longer.split()
    return (
        MIN_ACRONYM <= len(word) <= MAX_ACRONYM
        and word.isalpha()
        and word.isupper()
        and len(names) > 1
        and looks_person(longer)
        and word[0] != names[0][0]
    )


def _honorific_gender(source: str) -> str | None:
    """ "m" or "f" for a source opening with a gendered courtesy title ("Mrs. Clinton", "Mr Carter"), else None."""
    first = source.split(None, 1)[0].lower().rstrip(".") if source.strip() else ""
    return "m" if first in MALE_HONORIFICS else "f" if first in FEMALE_HONORIFICS else None
