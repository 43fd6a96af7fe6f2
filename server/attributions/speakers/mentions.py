"""Where the story mentions each entity (Mentions): the people it names without quoting them, every mention of a
quoted or named entity, the genders the pronouns after the mentions tell, and the nearest mention before a source that
fits, with what keeps a mention out of subject place (a preposition's object, an apposition, a cue's addressee,
another speaker's description) and the body mentioned most."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache

from ..lexicon import (
    DETERMINERS,
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    HYPHENS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    MALE_TITLES,
    OCCUPATION_NOUNS,
    PLACE_WORDS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
    TITLE_WORDS,
    without_possessive,
)
from ..names import CHECK_EVERY, CLAUSE_CONJUNCTIONS, NOT_NAME_WORDS, looks_person, name_core, word_occurrences
from ..patterns import NAME_GOES_ON_RE, NAME_MENTION_RE, PRONOUN_WORD_RE, QUOTE_MARKS, SPACED_WORD_RE
from ..structure import RawAttribution, Span
from .constants import (
    APPOSITION_REACH,
    BODY_KIND_NOUNS,
    CLAUSE_OPENERS,
    DESCRIBED_PERSON_HEADS,
    GENDER_REACH,
    HONORIFIC_REACH,
    MAX_DESCRIPTION_WORDS,
    MAX_GROUP_MODIFIERS,
    MAX_LOOKBACK_MENTIONS,
    MIN_ED_PARTICIPLE_LETTERS,
    MIN_PARTICIPLE_LETTERS,
    OBLIQUE_PREPOSITIONS,
    PREPOSITION_REACH,
    QUOTE_OPENINGS,
    RELATIVE_OBJECTS,
    SENTENCE_ENDS,
    SENTENCE_REACH,
    SUBJECT_VERB_RE,
    TITLE_LINKS,
    TITLE_REACH,
)
from .entities import Entity, known_person
from .given_names import lone_given_name_gender
from .phrases import apposition_kind, is_role_word
from .reading import Reading

# The hyphens one by one: a compound's test looks up the character on each side of a mention.
HYPHEN_CHARS = frozenset(HYPHENS)


class Mentions(Reading):
    """Every mention of an entity, in text order, and the look-back from a source to the nearest one that fits."""

    cores: set[str]  # the one-word cores and surnames of the sources' names
    anaphors: bool  # a source is "it", "the company" or a gendered title: the genders are counted
    pronoun_positions: list[int]  # where each he or she source starts
    pronoun_contents: dict[int, list[Span]]  # a he or she source's start -> what it says (its content's fragments)
    reported_spans: list[Span]  # every attribution's content fragments, in text order
    reported_starts: list[int]
    named_spans: list[tuple[int, int, str]]  # each named source's span and its speaker, in text order
    named_starts: list[int]
    mentions: list[tuple[int, int, Entity]]  # (start, end, entity), in text order
    mention_counts: dict[str, int]  # an entity's name -> how many mentions it has

    def _add_mentioned_people(self) -> None:
        """People the article names without quoting them ("Defense Secretary Lloyd Austin spoke in Brussels") may be
        what a pronoun stands for: a full name that is no place's ("South Carolina"); a person if a title goes with
        it, else only if the pronouns after it tell a gender ("Business Insider" is never "he")."""
        surnames = {entity.name.split()[-1] for entity in self.entities.values() if entity.person is not False}
        for count, (start, mentioned) in enumerate(self._name_runs(self.pronoun_spans())):
            if count % CHECK_EVERY == 0:
                self.deadline.check()
            entity = None
            if may_name_new_person(mentioned, surnames):  # else the text around the words is not read (most runs)
                entity = self._mentioned_person(start, mentioned, surnames)
            if entity is None and self.text.startswith("the ", start - 4):
                # "Chief Secretary to the Treasury Paul Boateng": the body a title names runs into its holder's given
                # name (never "created South East Asia Earthquake", a run no article opens)
                offset, person = _from_given_name(mentioned)
                if person and may_name_new_person(person, surnames):
                    entity = self._mentioned_person(start + offset, person, surnames, run_tail=True)
            if entity is None:
                continue
            self.entities[entity.name] = entity
            surnames.add(entity.name.split()[-1])
            self.mentioned_only.add(entity.name)

    def _opens_with_participle(self, start: int, word: str) -> bool:
        """An -ing or -ed word that is no known given name, at its sentence's start ("Speaking", "Praising",
        "Called Speegle, it …")."""
        return (
            (
                (word.endswith("ing") and len(word) > MIN_PARTICIPLE_LETTERS)
                or (word.endswith("ed") and len(word) >= MIN_ED_PARTICIPLE_LETTERS)
            )
            and lone_given_name_gender(word) is None
            and self._sentence_start(start) == start
        )

    def _mentioned_person(
        self, start: int, mentioned: str, surnames: set[str], run_tail: bool = False
    ) -> Entity | None:
        """The person a run of capitalised words names, unless it is no person's full name; the caller has asked
        may_name_new_person of the run first (cached: most runs fail it, places and bodies). A run's tail from a given
        name inside it (run_tail) is a name though capitalised words stand before it."""
        mentioned, core, words, thing = _run_name(mentioned)
        end = start + len(mentioned)
        if thing or not (run_tail or self._whole_name(start, end)) or self._quoted_title(start, end):
            return None  # the run's own words first (cached), the text around it after
        if self._common_run(core, words):
            return None  # "Style Box", "Podcast Success Blueprint": words the text writes in lower case name a thing
        if mentioned.startswith(words[0]) and self._opens_with_participle(start, words[0]):
            return None  # "Praising Celtic and Rangers, she said", "Called Speegle, it": a participle names no one
        before = self.text[max(0, start - 30) : start].split()
        leading = [word.lower().rstrip(".") for word in mentioned.split()[: -len(words)]]  # "Dr", "Senator"
        if leading[:1] in (["the"], ["a"], ["an"]):
            return None  # "The Spruce Eats": a title's or a body's name, no person's
        if not leading and before and before[-1].lower() in BODY_KIND_NOUNS:
            return None  # "the charity Sight Cymru": a body's kind before the name says a body
        titled = any(word in TITLE_WORDS for word in leading) or (
            bool(before) and before[-1].lower().rstrip(".,") in TITLE_WORDS
        )
        # "CNN meteorologist Todd Borek": an occupation only a person holds, right before the name, says a person
        titled = titled or (bool(before) and not leading and before[-1] in OCCUPATION_NOUNS)
        # "Fraser Amos, a final-year student at Warwick, is helping …": the apposition says a person
        apposed = self.text.startswith(", ", end) and apposition_kind(self.text[end + 2 : end + APPOSITION_REACH])
        if apposed is None and self.text[end + 2 : end + 3].islower():
            # "Julie Howell, digital policy manager at the RNIB, said": a role without its article says a person too
            apposed = apposition_kind("a " + self.text[end + 2 : end + APPOSITION_REACH])
        if apposed == "body":
            return None
        # "Tom Lee is a lawyer", "Ann Cole runs a bakery": a full name opening its sentence as the verb's subject
        # the match at one place first: the sentence start splits the whole paragraph, once, and most runs need none
        subject = SUBJECT_VERB_RE.match(self.text, end) is not None and self._sentence_start(start) == start
        entity = Entity(core, True if titled or apposed == "person" or subject else None)
        entity.forms.add(words[-1])
        return entity

    @cached_property
    def _common_runs(self) -> dict[str, bool]:
        """A name's core -> all its words are ones the text also writes in lower case: asked once per distinct run."""
        return {}

    def _common_run(self, core: str, words: tuple[str, ...]) -> bool:
        """All the core's words are ones the text also writes in lower case ("Style Box"): read once per core, however
        often a long page repeats the run."""
        common = self._common_runs.get(core)
        if common is None:
            common = self._common_runs[core] = all(self.common(word) for word in words)
        return common

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
        # an owner's possessive ends a run: "The SNP's Nicola Sturgeon", "Labour's Ed Balls"
        run_goes_back = (
            previous[:1].isupper()
            and previous[-1].isalpha()
            and previous.lower() not in TITLE_WORDS
            and not previous.endswith(POSSESSIVE_ENDINGS)
        )
        return not run_goes_back

    def pronoun_spans(self) -> list[Span]:
        """The paragraphs a he or she may look back at, each once, in order."""
        wanted: set[int] = set()
        for pos in self.pronoun_positions:
            paragraph = self._paragraph(pos)
            wanted.update(range(self._first_pronoun_paragraph(paragraph), paragraph + 1))
        return [self.paragraph_spans[paragraph] for paragraph in sorted(wanted)]

    def _name_runs(self, spans: list[Span]) -> Iterator[tuple[int, str]]:
        """The runs of capitalised words in the paragraphs a he or she may look back at, each with where it starts: a
        run stays on its line ("17. Nobuyoshi Araki") and the next is looked for on the line after; a run that goes on
        past a title inside it is read again after the title ("AFP Global News Director Phil Chetwynd": the run of four
        words ends at "Phil")."""
        for span_start, span_end in spans:
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
            if self._in_compound(start, word_end):
                continue  # "the Rider-Waite deck", "Biden-era": a compound's part, no mention of the person
            if entity.name in self.mentioned_only and entity.name not in introduced:
                if self.text[start:word_end] != entity.name:
                    continue  # "Rode Procaster Pro" before "Logic Pro": a word alone before the full name is not it
                introduced.add(entity.name)
            found.append((start, word_end, entity))
        return found

    def _in_compound(self, start: int, end: int) -> bool:
        """A hyphen right before start or right after end: the words are a compound's part ("Biden-era"); two lookups
        in a set, not a search of each hyphen in a slice made per mention."""
        return self.text[start - 1 : start] in HYPHEN_CHARS or self.text[end : end + 1] in HYPHEN_CHARS

    def _count_gender(self) -> None:
        """The pronouns right after each mention of a person (up to the next mention, in its paragraph) vote for their
        gender; and "its" after a body. Counted only when some he, she, it or "the company" needs them."""
        if not self.pronoun_positions and not self.anaphors:
            return
        self._vote_gender(self.mentions)
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

    def _vote_gender(self, mentions: list[tuple[int, int, Entity]], voted: list[Entity] | None = None) -> None:
        """The pronouns right after each mention of a person (up to the next mention, in its paragraph) vote for their
        gender; "its" after a body. Only these entities' votes are counted, if given."""
        counted = None if voted is None else {id(entity) for entity in voted}
        for i, (start, end, entity) in enumerate(mentions):
            if entity.person is False or (counted is not None and id(entity) not in counted):
                continue
            honorific = self.text[max(0, start - HONORIFIC_REACH) : start].split()[-1:]
            if honorific:  # "Ms Sturgeon has written to Mr McConnell. She said": the title tells, whoever "she" is
                title = honorific[0].rstrip(".").lower()
                entity.male += 3 * (title in MALE_TITLES)
                entity.female += 3 * (title in FEMALE_TITLES)
            paragraph_end = self.paragraph_spans[bisect_right(self.paragraph_starts, end) - 1][1]
            next_mention = mentions[i + 1][0] if i + 1 < len(mentions) else len(self.text)
            reach = min(end + GENDER_REACH, next_mention, paragraph_end)
            for pronoun in PRONOUN_WORD_RE.finditer(self.text, end, max(end, reach)):
                if self._speaks_of(pronoun.start(), start):
                    continue  # "Paris Baguette's dough is made centrally, he said": the speaker's subject, not him
                if self._of_someone_reported(pronoun.start()):
                    continue  # '"He did not resist," she said': someone she talks about, not her
                lowered = pronoun.group().lower()
                entity.male += lowered in MALE_PRONOUNS
                entity.female += lowered in FEMALE_PRONOUNS
                entity.neuter += lowered == "its"
                if self._in_reported_clause(pronoun.start()):
                    # "Maria Diaz said the suspect was arrested at his home": the speaker's or someone spoken of
                    entity.reported_male += lowered in MALE_PRONOUNS
                    entity.reported_female += lowered in FEMALE_PRONOUNS

    def _body_just_before(self, raw: RawAttribution, paragraphs_back: int) -> str | None:
        """The speaker of the attribution just before, if it may be a body ("T Mobile" looks like a person's name, and
        nothing else says so), in the source's paragraph or up to so many before."""
        if self.previous is None or raw.source is None:
            return None
        previous, speaker = self.previous
        entity = self.entities.get(speaker) if speaker is not None else None
        if entity is None or known_person(entity) or previous.source is None:
            return None
        return (
            speaker if self._paragraph(previous.source[0]) >= self._paragraph(raw.source[0]) - paragraphs_back else None
        )

    def _of_someone_reported(self, pronoun: int) -> bool:
        """The pronoun stands inside a quotation an attribution reports: a speaker says "I" of themselves, so a he or
        she there is someone the speaker talks about ('"He did not resist," she said'). In a reported clause either
        may be the speaker ("saying he had flown her around the world"): those still count."""
        at = bisect_right(self.reported_starts, pronoun) - 1
        if at < 0 or pronoun >= self.reported_spans[at][1]:
            return False
        return self.text.startswith(QUOTE_OPENINGS, self.reported_spans[at][0])

    def _in_reported_clause(self, pronoun: int) -> bool:
        """The pronoun stands inside what an attribution reports (a reported clause; quotations are skipped before)."""
        at = bisect_right(self.reported_starts, pronoun) - 1
        return at >= 0 and pronoun < self.reported_spans[at][1]

    def _speaks_of(self, pronoun: int, mention: int) -> bool:
        """The he or she at pronoun is a source whose own content holds the mention: what it talks about."""
        return any(start <= mention < end for start, end in self.pronoun_contents.get(pronoun, ()))

    def _nearest(
        self,
        raw: RawAttribution,
        fits: Callable[[Entity], bool],
        subjects_only: bool = False,
    ) -> str | None:
        """The entity mentioned last before the source, in its paragraph or the ones before, that fits; mentions
        inside the attribution's own content (the speaker talking about someone) do not count. With subjects_only (a
        pronoun's search), a name a preposition governs counts only in the pronoun's own paragraph and only when no
        subject there fits ("chaired by Kate Dalmeny. She said"), never from an earlier one ("with Winfrey")."""
        assert raw.source is not None
        pos = raw.source[0]
        floor = self.paragraph_starts[self._first_pronoun_paragraph(self._paragraph(pos))]
        own_paragraph = self._floor(pos, 0)
        fallback: str | None = None
        fallback_start = pos
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
            if subjects_only and self._reported_by_another(start, entity, fits):
                continue  # "Balls said Brown would meet his rule. He said …": the one who spoke, not the one spoken of
            if subjects_only and self._object_of_described(start, raw):
                continue  # "She played Minerva McGonagall …. She once said": the one who played, not the role
            if subjects_only and self._oblique(start, end):
                if fallback is None and start >= own_paragraph and fits(entity):
                    fallback = entity.name  # "chaired by Kate Dalmeny. She said": no subject in its paragraph
                    fallback_start = start
                continue
            if fits(entity):
                if fallback is not None and self._opens_next_sentence(pos, fallback_start, start):
                    return fallback  # "… said Mr Fogg. One dissent came from Brian Gammage, of Gartner. He said"
                if subjects_only and (subject := self._subject_of_object(start, entity, i, fits)) is not None:
                    return subject  # "Emma Raducanu beat Maria Sakkari. … she said": the subject, not the object
                return entity.name
        if fallback is not None and self._described_subject(pos, own_paragraph):
            return None  # "The four-term congressman will work with President Trump, a decision he disclosed": a guess
        return fallback

    def _object_of_described(self, start: int, raw: RawAttribution) -> bool:
        """The mention is the object of a verb whose subject opens its sentence as the source's own pronoun ("She played
        Minerva McGonagall") or as a description of a person not of the other sex ("The judge sentenced John Cole"): a
        he or she after it goes on with that subject, whom the text does not name here."""
        assert raw.source is not None
        sentence = self._sentence_start(start)
        words = self.text[sentence:start].strip(f" {QUOTE_MARKS}").split()
        pronoun = self.text[raw.source[0] : raw.source[1]].lower()
        if words[:1] == [pronoun.capitalize()]:
            verb = words[1:]
        elif len(words) > 2 and words[0] == "The" and words[1] in DESCRIBED_PERSON_HEADS:
            other_sex = FEMALE_NOUNS if pronoun == "he" else MALE_NOUNS
            if words[1] in other_sex:
                return False  # "The actress married John Smith. He said": the object may be the he
            verb = words[2:]
        else:
            return False
        return bool(verb) and all(
            word.isalpha() and word.islower() and word not in CLAUSE_CONJUNCTIONS and word not in CLAUSE_OPENERS
            for word in verb
        )

    def _subject_of_object(self, start: int, entity: Entity, upto: int, fits: Callable[[Entity], bool]) -> str | None:
        """The person that opens the mention's sentence when the mention is its verb's object ("Emma Raducanu beat Maria
        Sakkari", "Guardiola refused to criticise referee Anthony Taylor"): only lower-case words stand between the
        two, none opening another clause; a pronoun after such a sentence continues its subject. None otherwise."""
        if self.named_at(start) is not None:
            return None  # a source itself ("Smith met Jones, who said"): it speaks
        sentence = self._sentence_start(start)
        j = bisect_left(self.mentions, sentence, key=lambda mention: mention[0], hi=upto)
        if j >= upto:
            return None
        subject_start, subject_end, subject = self.mentions[j]
        if subject is entity or subject_end >= start or self.text[sentence:subject_start].strip(f" {QUOTE_MARKS}"):
            return None  # the same person, or a first mention that does not open the sentence
        between = self.text[subject_end:start].split()
        if not between or any(
            not word.isalpha() or not word.islower() or word in CLAUSE_CONJUNCTIONS or word in CLAUSE_OPENERS
            for word in between
        ):
            return None  # "Smith and Jones", "Smith, Jones": no verb phrase between, or another clause's
        if subject.person is False:
            return None
        # "Emma Raducanu beat Maria Sakkari": a subject no pronoun has followed yet, of the object's gender by its name
        unvoted = subject.male + subject.female == 0 and subject.given is not None
        same_gender = unvoted and subject.given == (entity.gender() or entity.given)
        return subject.name if fits(subject) or same_gender else None

    def _opens_next_sentence(self, pos: int, oblique: int, subject: int) -> bool:
        """The pronoun at pos opens the sentence right after the one holding the oblique mention, and the subject that
        fits stands in an earlier sentence: the person that sentence brought in is the one a "He said" goes on with."""
        sentence = self._sentence_start(pos)
        if sentence != pos or sentence <= oblique:
            return False
        previous = self._sentence_start(sentence - 1)
        return previous <= oblique and subject < previous

    def _reported_by_another(self, start: int, entity: Entity, fits: Callable[[Entity], bool]) -> bool:
        """The mention stands inside what an earlier attribution reports, and that attribution's speaker is another
        person the pronoun could stand for: a pronoun continues the reporting subject, not a name inside the report."""
        if self.named_at(start) is not None:
            return False  # a source itself ("…, the officials said, … Mr. McHugh said"), whatever hull holds it
        for earlier, speaker in reversed(self.history):
            if earlier.content[0] <= start < earlier.content[1]:
                other = self.entities.get(speaker) if speaker is not None else None
                return other is not None and other.person is True and speaker != entity.name and fits(other)
        return False

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
        before = self.text[max(0, start - PREPOSITION_REACH) : start].split()
        while before and before[-1].lower().rstrip(".") in TITLE_WORDS:
            before.pop()  # "over Ms Truss's 'toothless' commission", "backed Mr Howard's stance"
        if self.text.startswith(("'s ", "’s "), end) and before and before[-1].isalpha() and before[-1].islower():
            # "Bernard seconds Kevin's recommendation. … he says": an object's possessor, not the subject ("At a
            # carrier, DiMugno's study time was … He said" opens its clause), even when a source ("hit back at Mr
            # Mallon's claim that …")
            return before[-1] not in CLAUSE_CONJUNCTIONS
        if self.named_at(start) is not None:
            return False
        if len(before) >= 2 and before[-1] == "as" and before[-2].endswith(","):
            return True  # "a state of, as Charles Darwin might have put it, endless forms": an aside's, not the subject
        if len(before) >= 2 and before[-1] in RELATIVE_OBJECTS and before[-2] in OBLIQUE_PREPOSITIONS:
            return True  # "the Middle Way Group, of which Mr Opik is a co chairman": a relative clause's subject
        return (bool(before) and before[-1] in OBLIQUE_PREPOSITIONS) or self._apposed_to_oblique(start)

    def _apposed_to_oblique(self, start: int) -> bool:
        """A name in apposition to a description a preposition governs ("talks with his Israeli counterpart, Ariel
        Sharon, and the Palestinian leader, Mahmoud Abbas"): as oblique as the description, the list's later members
        too."""
        if not self.text.startswith(", ", start - 2):
            return False
        window = max(0, start - APPOSITION_REACH)
        tokens = [(match.start(), match.group()) for match in SPACED_WORD_RE.finditer(self.text, window, start - 2)]
        if not tokens or not (tokens[-1][1].isalpha() and tokens[-1][1].islower()):
            return False  # the description ends in its common noun ("counterpart", "leader")
        for at in range(len(tokens) - 2, max(-1, len(tokens) - 2 - MAX_DESCRIPTION_WORDS), -1):
            word = tokens[at][1]
            if not word.isalpha():
                return False
            if word.lower() not in DETERMINERS:
                continue
            link = tokens[at - 1][1] if at else ""
            if link in OBLIQUE_PREPOSITIONS:
                return True
            if link not in ("and", "or") or at < 2 or not tokens[at - 2][1].endswith(","):
                return False
            # "…, Ariel Sharon, and the Palestinian leader, …": the list's member before, as oblique as it is
            comma = tokens[at - 2][0] + len(tokens[at - 2][1]) - 1
            j = bisect_left(self.mentions, comma, key=lambda mention: mention[0]) - 1
            return j >= 0 and self.mentions[j][1] == comma and self._oblique(self.mentions[j][0], comma)
        return False

    def named_at(self, pos: int) -> str | None:
        """The speaker of the named source whose phrase holds pos, if any."""
        i = bisect_right(self.named_starts, pos) - 1
        return self.named_spans[i][2] if i >= 0 and pos < self.named_spans[i][1] else None

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


def _role_phrase(words: list[str]) -> bool:
    """A role's noun phrase: a role noun after capitalised words, titles or participles ("Desjardins Economics
    managing director", "Ford's chief executive"), never a clause ("Mary Jones praised the nurses")."""
    if not words:
        return False
    *modifiers, head = words
    return is_role_word(head) and all(
        word[:1].isupper() or word.lower() in TITLE_WORDS or word.endswith("ing") for word in modifiers
    )


def may_name_new_person(mentioned: str, surnames: set[str]) -> bool:
    """The words of a run of capitalised words alone allow a person's full name that is none of these surnames': two
    words or more that look like a person's (cached tests; the text around the run is read only after these)."""
    surname = new_person_surname(mentioned)
    return surname is not None and surname not in surnames


@lru_cache(maxsize=4096)
def new_person_surname(mentioned: str) -> str | None:
    """The surname of the person a run of capitalised words may name, its words alone read: the last of two words or
    more that look like a person's; else None. Cached per run, the surnames known so far asked after."""
    core = name_core(without_possessive(mentioned))  # "Al Gore’s documentary": the name is Al Gore
    words = core.split()
    return words[-1] if len(words) >= 2 and looks_person(core) else None


@lru_cache(maxsize=4096)
def _from_given_name(mentioned: str) -> tuple[int, str]:
    """The part of a run from a known given name inside it, with a surname after it ("Treasury Paul Boateng" -> "Paul
    Boateng"), and its offset in the run; an empty part if none."""
    words = mentioned.split(" ")
    for at in range(1, len(words) - 1):
        if lone_given_name_gender(words[at]) is not None:
            offset = len(" ".join(words[:at])) + 1
            return offset, mentioned[offset:]
    return 0, ""


@lru_cache(maxsize=4096)
def last_word(mentioned: str) -> str:
    """A run's last word without its possessive ("Giuffre's" -> "Giuffre"): cached, a long page repeats its runs."""
    return without_possessive(mentioned.split()[-1])


@lru_cache(maxsize=4096)
def _run_name(mentioned: str) -> tuple[str, str, tuple[str, ...], bool]:
    """A run without its possessive, its name's core and the core's words, and whether those words name a thing or a
    place, not a person (a place word first, a word no name holds, a lower-case word): the run's own tests, cached."""
    mentioned = without_possessive(mentioned)
    core = name_core(mentioned)
    words = tuple(core.split())
    thing = words[0].lower() in PLACE_WORDS or any(
        word.lower() in NOT_NAME_WORDS or not word[:1].isupper() for word in words
    )
    return mentioned, core, words, thing
