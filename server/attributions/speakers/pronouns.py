"""What a pronoun stands for (Pronouns): he or she, the nearest person of that gender in subject place; it, a body;
they, a group; and the two people "both experts" and "the couple" are."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from itertools import islice

from ..lexicon import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    NAME_PARTICLES,
    ORG_ANAPHORS,
    ORG_HEADS,
    POSSESSIVE_ENDINGS,
    WRITTEN_DOCUMENT_HEADS,
    looks_plural,
    singular_noun,
    without_possessive,
)
from ..names import CHECK_EVERY, MAX_WORD_SCANS, ONE_OF, word_occurrences
from ..patterns import SPACES_RE
from ..structure import RawAttribution
from .constants import (
    APPOSITION_REACH,
    ARTICLE_REACH,
    ARTICLES,
    BOTH_PARAGRAPHS,
    FEW_VOTES,
    FRONTED_REACH,
    GENDER_NOUN_REACH,
    GROUP_PEOPLE,
    GROUP_REACH,
    MAX_GROUP_MODIFIERS,
    MAX_LOOKBACK_MENTIONS,
    MAX_SALIENT_MENTIONS,
    NAMED_GROUPS,
    ONE_BODY_HEADS,
    QUOTE_OPENINGS,
    QUOTED_RE,
    SALIENT_MARGIN,
    SALIENT_MENTIONS,
    SENTENCE_ENDS,
    SENTENCE_REACH,
    UNNAMED_ONE,
    WORD_RE,
)
from .entities import Entity, acronym_like, is_body, is_not_person
from .given_names import lone_given_name_gender
from .mentions import Mentions, last_word, new_person_surname
from .phrases import is_role_word, modifier_word
from .reading import inside_quotation, last_before


class Pronouns(Mentions):
    """He, she, it, they, both and the couple, each resolved to the entity the text names before it, or to no one."""

    determined: dict[str, bool]  # "World Indoor Championships" -> an article stands before it somewhere
    noun_genders: dict[str, str] | None  # "Cooke Maroney" -> "m": "her husband, Cooke Maroney"; read when first asked

    # --- he, she ----------------------------------------------------------------------------------

    def _he_or_she(self, raw: RawAttribution, pronoun: str) -> str | None:
        """A person of that gender or of none known, never a body; a one-word name only when the pronouns after it
        agree; the subject a pronoun before it in the same sentence stood for first."""
        continued = self._same_sentence_pronoun(raw, pronoun)
        if continued is not None:
            return continued  # "He said that X …, and he noted that Y": one subject, whatever X names
        gender = "m" if pronoun == "he" else "f"
        if self._unnamed_one_spoke_before(raw, gender):
            return None  # "A spokesman for the Association … said … He added": the unnamed one goes on
        quoting = self._quoting(raw)

        def fits(entity: Entity) -> bool:
            if entity.person is False or entity.name == quoting:
                return False  # a body; or the one whose quotation holds the pronoun (speakers say "I" of themselves)
            if self._noun_gender(entity) not in (None, gender):
                return False  # "her husband Cooke Maroney": the noun before the name tells the sex
            if entity.person is None and " " not in entity.name and entity.name.isupper():
                return False  # "DEC", "NATO": an acronym names a body, whatever pronouns follow it
            if entity.person is None and self._determined(entity.name):
                return False  # "the Tories", "the World Indoor Championships": a "the" names no person
            if entity.gender() is not None or entity.person is not True:
                return entity.gender() == gender
            first = entity.name.split()[0] if " " in entity.name else ""
            given = lone_given_name_gender(first)
            if given is not None and entity.name in self.mentioned_only and entity.male + entity.female <= FEW_VOTES:
                return given == gender  # the few pronouns after "Gordon Brown", named only, may be this very "she"
            if (
                given is not None
                and entity.name not in self.mentioned_only
                and _outside_reports(entity) in (None, given)
            ):
                # "Maria Diaz said the suspect was arrested at his home": the pronouns that disagree with the given name
                # that opens the name stand only in what someone reports, the ones the speaker talks about; outside
                # them ("Kofi Mensah … she said") the pronouns tell, whatever the name
                return given == gender
            # no gender known for sure: not one whose pronouns lean the other way ("Winfrey asked if he …": she, 3-2)
            return (entity.female <= entity.male) if gender == "m" else (entity.male <= entity.female)

        return self._nearest(raw, fits, subjects_only=True) or self._salient_person(raw, gender)

    def _unnamed_one_spoke_before(self, raw: RawAttribution, gender: str) -> bool:
        """The attribution just before, in this paragraph or the one before, is an unnamed person's ("A spokesman for
        the Association of …", "a nurse") whom no noun tells of the other sex, no person it names, and no person is
        mentioned between it and the pronoun: a he or she goes on with that one, whom the text never names."""
        assert raw.source is not None
        if self.previous is None or self.previous[0].source is None:
            return False
        previous, speaker = self.previous
        assert previous.source is not None
        if self._paragraph(previous.source[0]) < self._paragraph(raw.source[0]) - 1:
            return False
        words = [word.group() for word in WORD_RE.finditer(self.text, previous.source[0], previous.source[1])]
        other_sex = FEMALE_NOUNS if gender == "m" else MALE_NOUNS
        if len(words) < 2 or words[0].lower() not in ("a", "an") or not is_role_word(words[1]) or words[1] in other_sex:
            return False
        entity = self.entities.get(speaker) if speaker is not None else None
        if entity is not None and entity.person is not False:
            return False  # "a nurse, Ann Cole,": named
        after = bisect_left(self.mentions, previous.source[1], key=_start)
        upto = bisect_left(self.mentions, raw.source[0], key=_start)
        return all(entity.person is False for _, _, entity in self.mentions[after:upto])

    def _noun_gender(self, entity: Entity) -> str | None:
        """The sex a gendered noun right before one of the entity's mentions tells ("her husband, Cooke Maroney", "his
        daughter Ann"), when its mentions tell one only."""
        if self.noun_genders is None:  # one pass over the mentions, however many entities ask
            told: dict[str, set[str]] = {}
            for start, _, mentioned in self.mentions:
                before = self.text[max(0, start - GENDER_NOUN_REACH) : start].replace(",", " ").split()[-1:]
                noun = before[0].lower() if before else ""
                if noun in MALE_NOUNS or noun in FEMALE_NOUNS:
                    told.setdefault(mentioned.name, set()).add("m" if noun in MALE_NOUNS else "f")
            self.noun_genders = {name: sexes.pop() for name, sexes in told.items() if len(sexes) == 1}
        return self.noun_genders.get(entity.name)

    def _determined(self, name: str) -> bool:
        """The text writes an article right before the name somewhere, a year or an ordinal between them at most ("the
        Tories", "the 2003 World Indoor Championships", "a 4th German Reich")."""
        if name not in self.determined:  # read once per name, however many pronouns look at it
            self.determined[name] = False
            at = self.text.find(name)
            while at >= 0 and not self.determined[name]:
                before = self.text[max(0, at - ARTICLE_REACH) : at].replace('"', " ").replace("“", " ").split()
                if before and before[-1][:1].isdigit():
                    before.pop()  # "the 2003 World Indoor Championships", "a 4th German Reich"
                self.determined[name] = bool(before) and before[-1].lower() in ARTICLES
                at = self.text.find(name, at + len(name))
        return self.determined[name]

    def _quoting(self, raw: RawAttribution) -> str | None:
        """The speaker of an earlier attribution whose quotation holds this one's source ('"We lifted the ban," said
        Isaiah Kiplagat. "She explained …"'), if any."""
        assert raw.source is not None
        pos = raw.source[0]
        for earlier, speaker in reversed(self.history):
            for start, end in earlier.fragments or [earlier.content]:
                if start <= pos < end and self.text.startswith(QUOTE_OPENINGS, start):
                    return speaker
        return None

    # --- the story's main person ------------------------------------------------------------------

    @cached_property
    def story_people(self) -> list[tuple[int, Entity]]:
        """Where the story names each person it does not quote, anywhere, in text order: a full name, then its surname
        alone after it ("Virginia Giuffre" … "Giuffre's allegations"); the quoted people's mentions are self.mentions.
        Read once, by the first he or she with no antecedent in reach."""
        quoted = {name: entity for name, entity in self.entities.items() if name not in self.mentioned_only}
        surnames = {entity.name.split()[-1] for entity in quoted.values() if entity.person is not False}
        people: dict[str, Entity] = {}
        runs = list(self._name_runs(self.paragraph_spans))
        if len({mentioned for _, mentioned in runs if new_person_surname(mentioned) is not None}) > MAX_WORD_SCANS:
            self.common.lower_words()  # so many names to test: one read of the text's lower-case words, not a scan each
        for count, (start, mentioned) in enumerate(runs):
            if count % CHECK_EVERY == 0:
                self.deadline.check()
            if last_word(mentioned) in surnames:
                continue  # a person already found, named again (each is counted by its surname below)
            surname = new_person_surname(mentioned)
            if surname is None or surname in surnames:
                continue  # the words alone name no new person (most runs): the text around them is not read
            if self._alone_in_paragraph(start, mentioned):
                continue  # a heading or a label's line ("Measured Maximum Speed"), no person in a sentence
            entity = self._mentioned_person(start, mentioned, surnames)
            if entity is not None:
                people[entity.name.split()[-1]] = self.entities.get(entity.name, entity)  # one entity per person
                surnames.add(entity.name.split()[-1])
        found: list[tuple[int, Entity]] = []
        introduced: set[str] = set()
        for start, word in word_occurrences(self.text, set(people)):
            entity = people[word]
            end = start + len(word)
            full_start = end - len(entity.name)
            full = full_start >= 0 and self.text.startswith(entity.name, full_start)
            first = full_start if full else start
            if self._in_compound(first, end):
                continue  # "Biden-era": a compound's part, no mention of the person
            if full:
                introduced.add(word)
            if word in introduced:
                found.append((first, entity))  # the surname alone counts once the full name is written
        new = [entity for entity in people.values() if entity.name not in self.entities]
        spans = [(start, start + len(entity.name), entity) for start, entity in found]
        self._vote_gender(sorted(self.mentions + spans, key=lambda mention: mention[0]), new)
        return found

    def _alone_in_paragraph(self, start: int, run: str) -> bool:
        """The run of words at start is its paragraph's whole text but whitespace: tested on the two sides of the run
        where they stop being blank, never by copying a long paragraph once per run."""
        paragraph_start, paragraph_end = self.paragraph_spans[self._paragraph(start)]
        return (
            SPACES_RE.fullmatch(self.text, paragraph_start, start) is not None
            and SPACES_RE.fullmatch(self.text, start + len(run), paragraph_end) is not None
        )

    def _salient_person(self, raw: RawAttribution, gender: str) -> str | None:
        """A he or she with no antecedent in reach: the story's main person of that gender (a profile's subject, named
        in the lead and "she" ever after), when the story has named them at least twice as often as anyone else such
        a pronoun could stand for, and named no such other person since it last named them; else no one."""
        assert raw.source is not None
        pos, (content_start, content_end) = raw.source[0], raw.content
        if inside_quotation(self.text, pos, self.paragraph_spans):
            return None  # a he inside someone's quotation is someone in the speaker's own account, not the story's
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        people: dict[str, Entity] = {}
        upto = bisect_left(self.mentions, pos, key=_start)
        known = [(start, entity) for start, _, entity in self.mentions[max(0, upto - MAX_SALIENT_MENTIONS) : upto]]
        seen = {start for start, _ in known}
        upto = bisect_left(self.story_people, pos, key=_first)
        named = [
            (start, entity)
            for start, entity in self.story_people[max(0, upto - MAX_SALIENT_MENTIONS) : upto]
            if start not in seen
        ]
        for start, entity in known + named:
            if entity.person is False or content_start <= start < content_end:
                continue  # a body, or someone the speaker talks about
            counts[entity.name] = counts.get(entity.name, 0) + 1
            last[entity.name] = max(start, last.get(entity.name, start))
            people[entity.name] = entity
        fitting = [name for name, entity in people.items() if _told_gender(entity) == gender]
        if not fitting:
            return None
        main = max(fitting, key=lambda name: (counts[name], last[name]))
        rivals = [name for name, entity in people.items() if name != main and self._may_be(entity, gender)]
        if any(last[name] > last[main] for name in rivals):
            return None  # another person such a pronoun could stand for is named since: a guess
        runner_up = max((counts[name] for name in rivals), default=0)
        if counts[main] < SALIENT_MENTIONS or counts[main] < SALIENT_MARGIN * runner_up:
            return None
        if self._quotation_speaks_of(raw, main, gender) or self._someone_else_spoke_last(raw, main, gender):
            return None
        return main

    def _quotation_speaks_of(self, raw: RawAttribution, name: str, gender: str) -> bool:
        """The pronoun's own quoted words name the person, or a he (she) in the third person: a speaker says "I", so
        these are someone else's words about them (a lawyer's "He is innocent", a sister's "Emily loved it")."""
        pronouns = MALE_PRONOUNS if gender == "m" else FEMALE_PRONOUNS
        words = name.split()
        names = {words[0], words[-1]}
        for start, end in raw.fragments or [raw.content]:
            for quoted in QUOTED_RE.finditer(self.text, start, end):
                if any(word in names or word.lower() in pronouns for word in WORD_RE.findall(quoted.group())):
                    return True
        return False

    def _someone_else_spoke_last(self, raw: RawAttribution, main: str, gender: str) -> bool:
        """Someone other than the main person spoke last of those the pronoun could continue: an unnamed "a …" or
        "one …" source in this or the previous paragraph ("A neighbour said …"), unless a noun tells the other sex; an
        unnamed source a noun tells of this sex ("the spokesman"); a named person, or the same pronoun, of this sex."""
        pronoun, nouns_of_this, nouns_of_other = (
            ("he", MALE_NOUNS, FEMALE_NOUNS) if gender == "m" else ("she", FEMALE_NOUNS, MALE_NOUNS)
        )
        for previous, speaker in islice(reversed(self.history), MAX_LOOKBACK_MENTIONS):
            if previous.source is None or inside_quotation(self.text, previous.cue[0], self.paragraph_spans):
                continue  # a cue inside someone's quotation is no one speaking in the story
            source = self.text[previous.source[0] : previous.source[1]].lower()
            nouns = {word.group() for word in WORD_RE.finditer(source)}
            opening = source.split(maxsplit=1)[:1]
            if opening and opening[0] in UNNAMED_ONE and previous.paragraph >= raw.paragraph - 1:
                if not nouns & nouns_of_other:
                    return True  # "A neighbour said …" just before: the unnamed one speaks on
            elif speaker is None and nouns & nouns_of_this:
                return True  # "the spokesman said" (no name): the he may be his
            entity = self.entities.get(speaker) if speaker else None
            if source == pronoun or (entity is not None and _told_gender(entity) == gender):
                return speaker != main
        return False

    def _may_be(self, entity: Entity, gender: str) -> bool:
        """A person this he or she could stand for: of that gender, or of none known and not leaning the other way; a
        name only mentioned, with nothing known of it, is no rival ("Wall Street", "Palm Beach" read as names)."""
        told = _told_gender(entity)
        if told is not None:
            return told == gender
        if entity.male != entity.female:
            return (entity.female > entity.male) == (gender == "f")
        return entity.person is True or entity.name in self.entities

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

    # --- it ---------------------------------------------------------------------------------------

    def _it(self, raw: RawAttribution) -> str | None:
        """ "It" continues the document quoted just before ("“…,” the letter stated. It described …": the letter's
        maker, or no one), else the body the sentence before opens with, else the body quoted just before in its
        paragraph; else it stands for the body mentioned most in its paragraph and the ones before, else for the body
        a statement fronted before it opens with, else for the body or group quoted as the sentence before's subject
        ("The independent Sage group … said … It called for")."""
        document = self._previous_document(raw) or self._previous_described_subject(raw)
        if document is not None:
            return document[0]
        # "…, the TUC has said." / "It said …": an "it" opening its paragraph goes on from the one before
        opening = self.paragraph_starts[self._paragraph(raw.source[0])] == raw.source[0]
        return (
            self._previous_subject(raw)
            or self._body_just_before(raw, paragraphs_back=1 if opening else 0)
            or self._most_mentioned(raw, is_body)
            or self._fronted_subject(raw)
            or self._previous_sentence_body(raw)
        )

    def _previous_document(self, raw: RawAttribution) -> tuple[str | None] | None:
        """The speaker of the attribution just before, in its paragraph or the one before, when its source is a
        document ("the letter stated", "The report found") and this "it" opens a later sentence: the document goes on,
        whether the text names its maker or not; None when no document spoke just before."""
        assert raw.source is not None
        if self.previous is None or self.previous[0].source is None:
            return None
        previous, speaker = self.previous
        assert previous.source is not None
        source_start, source_end = previous.source
        if self.text[source_start:source_end].lower().split()[-1] not in WRITTEN_DOCUMENT_HEADS:
            return None
        if self._paragraph(source_start) < self._paragraph(raw.source[0]) - 1:
            return None
        if self._sentence_start(raw.source[0]) != raw.source[0] or max(previous.cue[1], source_end) > raw.source[0]:
            return None  # "it" inside a sentence, or the document's own sentence
        return (speaker if speaker is not None and speaker in self.entities else None,)  # "research": no maker named

    def _previous_described_subject(self, raw: RawAttribution) -> tuple[str | None] | None:
        """The speaker of the attribution just before, named or not, when its source is a singular description of no
        person the text names ("The administrator told …") that opens the sentence right before this sentence-opening
        "It", in its paragraph: the one described goes on ("It said …"), not the body the paragraph names most."""
        assert raw.source is not None
        if self.previous is None or self.previous[0].source is None:
            return None
        previous, speaker = self.previous
        assert previous.source is not None
        pos = raw.source[0]
        sentence = self._sentence_start(pos)
        if sentence != pos or sentence <= self._floor(pos, 0):
            return None  # "it" inside a sentence, or opening its paragraph
        if self._sentence_start(sentence - 1) != previous.source[0]:
            return None  # the attribution before does not open the sentence before
        words = self.text[previous.source[0] : previous.source[1]].split()
        if len(words) != 2 or words[0] != "The" or not (words[1].isalpha() and words[1].islower()):
            return None
        entity = self.entities.get(speaker) if speaker is not None else None
        if looks_plural(words[1]) or (entity is not None and entity.person is not False):
            return None  # "The officials told … It": not them; "The minister said … It": no person is "it"
        return (speaker,)

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
            subject.append(without_possessive(word.rstrip(",.;:")))
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

    # --- they, both, the couple -------------------------------------------------------------------

    def _they(self, raw: RawAttribution) -> str | None:
        """ "They" continues a group quoted by the attribution just before, in its paragraph or the one before
        ("Energy experts said … They said …"), else the one group the sentence before names; a group quoted further
        back was right for one "they" in four; "The pair said they suggested": the people the sentence's subject
        names."""
        return self._previous_group(raw) or self._group_before(raw) or self._same_sentence_people(raw)

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
        # where it last spoke: its quotation's last paragraph ("As SRLabs put it:" / "“…”" / "They also highlighted")
        last = max(previous.source[0], max(end for _, end in previous.fragments or [previous.content]) - 1)
        if self._paragraph(min(last, raw.source[0])) < self._paragraph(raw.source[0]) - 1:
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
        if paragraph_start <= raw.content[0] and raw.content[1] <= pos:
            pos = raw.content[0]  # "“Let her speak,” they chanted": the sentence before is the one before the quote
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

    def _both(self, raw: RawAttribution, noun: str) -> str | None:
        """ "Both experts", "both nutritionists": the two people quoted by name in its paragraph and the ones before,
        when exactly two are ("Lauren Slayton … Sylvia Klinger … Both nutritionists advise"); "both companies", "both
        banks": the two bodies, never the people quoted between them."""
        assert raw.source is not None
        floor = self._floor(raw.source[0], BOTH_PARAGRAPHS)
        singular = singular_noun(noun)
        bodies = singular in ORG_HEADS or singular in ORG_ANAPHORS
        found: list[str] = []
        for earlier, speaker in islice(reversed(self.history), MAX_LOOKBACK_MENTIONS):
            if earlier.source is None or earlier.source[0] < floor or len(found) > 2:
                break  # a third one: which two is a guess
            entity = self.entities.get(speaker) if speaker is not None else None
            if entity is None or speaker in found:
                continue
            if is_not_person(entity) if bodies else entity.person is True:
                found.append(speaker)
        return "; ".join(reversed(found)) if len(found) == 2 else None

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
        i = last_before(self.coordinated_people, raw.source[0])
        return self.coordinated_people[i][1] if i >= 0 else None


def _start(mention: tuple[int, int, Entity]) -> int:
    return mention[0]


def _first(named: tuple[int, Entity]) -> int:
    return named[0]


def _outside_reports(entity: Entity) -> str | None:
    """The gender the pronouns after the entity's mentions tell outside reported clauses, if they lean one way."""
    male, female = entity.male - entity.reported_male, entity.female - entity.reported_female
    return "m" if male > female else "f" if female > male else None


def _told_gender(entity: Entity) -> str | None:
    """The gender the pronouns after its mentions say, else its given name's when they do not lean the other way."""
    by_pronouns = entity.gender()
    if by_pronouns is not None:
        return by_pronouns
    leans = "m" if entity.male > entity.female else "f" if entity.female > entity.male else None
    return entity.given if leans in (None, entity.given) else None
