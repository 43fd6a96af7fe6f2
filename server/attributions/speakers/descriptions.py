"""What a definite description stands for (Descriptions): "the company", "the report", "the paper", "the hospital",
"the institution", "the researchers", "the officials", "the singer": the body, maker, group or title holder the text
names before it; and a group or document that names itself ("officials", "the study")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import chain

from ..lexicon import (
    DEFINITE_DETERMINERS,
    DETERMINERS,
    FEMALE_TITLES,
    GROUP_PLACES,
    MALE_TITLES,
    NATIONALITIES,
    ORG_ANAPHORS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    SPEAKING_MEMBERS,
    looks_plural,
    without_possessive,
)
from ..names import (
    COMPANY_NAME_ENDINGS,
    NOT_MAKER_WORDS,
    NOT_NAME_WORDS,
    body_head,
    body_name,
    group_word,
    is_named,
    modifying_maker,
    names_headed_by,
    person_votes,
    word_occurrences,
)
from ..structure import RawAttribution
from ..vocabulary import DOCUMENT_NOUNS
from .constants import (
    ANONYMOUS_ROLES,
    APPOSITION_REACH,
    DATE_WORDS,
    DESCRIBED_BODY_HEADS,
    DOCUMENT_MAKING_PARTICIPLES,
    DOCUMENT_MAKING_VERBS,
    DOCUMENT_MODIFIER_PREPOSITIONS,
    INTRODUCING_NOUNS,
    LEGAL_SUFFIXES,
    MADE_DOCUMENT_MODIFIERS,
    MAKER_MODIFIERS,
    MAKING_PARTICLES,
    MAX_AGENT_DESCRIPTION_WORDS,
    MAX_DOCUMENT_MODIFIER_WORDS,
    MAX_GROUP_MODIFIERS,
    NAME_RUN_LINKS,
    OBLIQUE_PREPOSITIONS,
    ONE_BODY_HEADS,
    ORG_ANAPHOR_WORDS,
    PASSIVE_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PERSON_TITLE_WORDS,
    PRONOUN_PARAGRAPHS,
    SUBJECT_NAME_BREAKS,
    TIME_SPAN_NOUNS,
    TWO_WORD_MAKING_VERBS,
)
from .entities import Entity, is_body, is_not_person, maybe_body
from .given_names import given_name_gender
from .mentions import Mentions
from .naming import Naming
from .phrases import is_role_word
from .reading import last_before


class Descriptions(Naming, Mentions):
    """A description's referent, from the names and mentions before it and the sources resolved so far."""

    speaker_by_head: dict[str, str]  # "report" -> the speaker of the last source with that head
    body_by_members: dict[str, str]  # "officials" -> the body the last "… officials" spoke for
    made_documents: dict[str, list[tuple[int, str]]]  # "report" -> where one is named with its maker
    placed_groups: dict[str, list[tuple[int, str]]]  # "researchers" -> where placed in a named body
    introduced: dict[str, list[tuple[int, str]]]  # "newspaper" -> where it introduces a body's name
    noun_uses: dict[str, list[int]]  # "paper" -> where it stands for something else ("their paper")

    # --- "the officials", "the report": what the sources before it named --------------------------

    def _members_body(self, members: str) -> str | None:
        """ "Con Edison officials said … the officials added": the body they spoke for before."""
        return self.body_by_members.get(members)

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
        i = last_before(made, raw.source[1])  # the source's own head may name its maker ("the study, released by X")
        return made[i][1] if i >= 0 and made[i][0] >= self._floor(raw.source[0], 1) else None

    def _maker_at(self, at: int, head: str) -> str | None:
        """The maker the document named at this position is named with, if any (see _maker_before)."""
        end = at + len(head)
        after = self.text[end : end + 2 * APPOSITION_REACH].split()
        if after[:1] in (["by"], ["from"]) and (agent := _agent_name(after[1:])) is not None:
            return agent  # "a report by the Pew Research Center"
        agent = _passive_agent(after)
        if agent is not None:
            return agent
        before = self.text[max(self._floor(at, 0), at - APPOSITION_REACH) : at].split()
        for back, word in enumerate(reversed(before[-MAKER_MODIFIERS - 1 :])):
            if word.endswith(POSSESSIVE_ENDINGS) and word[:1].isupper():
                if word[:-2].lower() in NOT_MAKER_WORDS:
                    return None  # "Monday's report", "Today's report", "The President's report": no maker's name
                owner = [word[:-2]]
                for earlier in reversed(before[: len(before) - back - 1]):
                    if not earlier[:1].isupper() or earlier[-1] in ",;:" or _sentence_end(earlier):
                        break
                    owner.insert(0, earlier)
                return body_name(owner)
            if word[-1] in ".,;:!?":
                break  # the sentence or clause before
        return _modifying_name(before, head) or self._making_subject(before)

    def _making_subject(self, before: list[str]) -> str | None:
        """ "Pew Internet conducted an online survey", "Ofcom has published a report": the name that opens the clause
        whose verb made the document; none when a preposition governs it ("The committee on China sent a letter")
        or it is a common word a sentence capitalises ("Researchers conducted a survey")."""
        verb = len(before)
        while verb > len(before) - MADE_DOCUMENT_MODIFIERS and verb > 0 and _document_modifier(before[verb - 1]):
            verb -= 1  # "an online", "a new", "its annual"
        if verb >= 2 and before[verb - 1] in MAKING_PARTICLES and before[verb - 2] in TWO_WORD_MAKING_VERBS:
            verb -= 2  # "carried out a survey"
        elif verb >= 1 and before[verb - 1] in DOCUMENT_MAKING_VERBS:
            verb -= 1
        else:
            return None
        while verb > 0 and before[verb - 1] in PERFECT_AUXILIARIES:
            verb -= 1  # "has published"
        run = list(reversed(list(_capitals_before(before[:verb]))))
        opening = verb - len(run)
        if not run or (opening > 0 and not before[opening - 1].endswith(",") and before[opening - 1] != "the"):
            return None
        if not is_named(" ".join(run)) or (len(run) == 1 and opening == 0 and self.common(run[0])):
            return None
        return body_name(run)

    # --- "the institution", "the paper": a body named before with a head or noun of its kind ------

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
                self.named_with_head[head] = names_headed_by(self.text, head)
            named = self.named_with_head[head]
            i = last_before(named, pos)
            if i >= 0 and raw.content[0] <= named[i][0] < raw.content[1]:
                i = last_before(named, raw.content[0])  # what the speaker talks about is no antecedent
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
        name = without_possessive(name)
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
                    found.append((at, without_possessive(name)))
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

    # --- "the company": the body the story leans on, or its sentence names ------------------------

    def _body_anaphor(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "The company" says what it stands for: any name not known to be a person's ("Biomason"); a document or
        its authors ("the trends report") are a body's only when it is known as one; plural results ("These findings",
        "the results") are the body's quoted just before, else sum up what the text said, no one body's."""
        if words[-1] in DOCUMENT_NOUNS and looks_plural(words[-1]):
            # "Pew said … The findings show": Pew's; after a paragraph of the writer's own, they sum that up
            return self._body_just_before(raw, paragraphs_back=0) or group_word(words)
        fits = is_body if words[-1] in DOCUMENT_NOUNS else is_not_person
        return self._most_mentioned(raw, fits) or self._previous_body(raw, words) or group_word(words)

    def _previous_body(self, raw: RawAttribution, words: list[str]) -> str | None:
        """The body quoted just before, in its paragraph or the one before, for a singular anaphor ("the research firm
        found" right after "a recent Park Associates report found")."""
        if len(words) > ORG_ANAPHOR_WORDS or words[-1].endswith("s"):
            return None
        return self._body_just_before(raw, paragraphs_back=1)

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

    def _subject_body(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "Dellway has a laptop with an RTX 4080, and the company told reporters", "While Honda's frames are aimed
        at hospitals, the company says": the name that opens the source's own sentence as its subject (or its
        subject's owner) is the company, before any body the story quotes more; none when a link or a preposition
        follows the name ("Samsung and Apple", "Head of …"), or it names a person, or a capital a sentence gives a
        word named nowhere else."""
        assert raw.source is not None
        start = self._sentence_start(raw.source[0])
        before = self.text[start : raw.source[0]]
        if len(words) != 2 or words[0] not in DEFINITE_DETERMINERS or not before or any(q in before for q in '"“”'):
            return None  # a quotation's names are what the company says ("“Apple is done,” the company said")
        if bisect_left(self.cue_starts, start) != bisect_left(self.cue_starts, raw.source[0]):
            return None  # "As Mashable reports, the company announced": the name before is another source
        if " by " in before:
            return None  # "The Video Relay Service is being piloted by the RNID, but the organisation says"
        names = self._body_names(start, raw.source[0])
        if not names or names[0][0] > 1:
            return None  # the subject opens the sentence, or follows its opening conjunction ("While", "But")
        at, name = names[0]
        if name.lower() in PRONOUNS or name.lower() in NOT_NAME_WORDS:
            return None  # "It's exactly what the company promised"
        tokens = before.split()
        tokens = tokens[next((i for i, token in enumerate(tokens) if any(c.isalpha() for c in token)), 0) :]
        following = tokens[at + len(name.split()) : at + len(name.split()) + 1]
        if not following or not following[0][:1].islower() or following[0] in SUBJECT_NAME_BREAKS:
            return None
        if given_name_gender(name) is not None or name.split()[0].lower() in NATIONALITIES or " and " in name:
            return None  # a person, a nationality, or two bodies ("Samsung and Apple signed …")
        owned = tokens[at].rstrip(",").endswith(POSSESSIVE_ENDINGS)  # "Honda's frames": a name, whatever its case
        if " " not in name and not owned and name not in self.entities and len(word_occurrences(self.text, {name})) < 2:
            return None  # "Demand has grown, and the company said": a sentence's capital on a word named nowhere else
        return name

    def _fronted_body(self, raw: RawAttribution, words: list[str]) -> str | None:
        """ "JPMorgan Chase earned $4.9 billion in the quarter, the company announced": the name a statement fronted
        before "the company" opens with is the company, body by its form or not; none when a person's name opens it."""
        assert raw.source is not None
        start, end = raw.content
        if len(words) != 2 or words[0] not in DEFINITE_DETERMINERS or end > raw.source[0]:
            return None
        names = self._body_names(start, end)
        if not names or names[0][0] != 0:
            return None
        name = names[0][1]
        if " " not in name and name not in self.entities and len(word_occurrences(self.text, {name})) < 2:
            return None  # "Prices will rise, the company said": a sentence's capital on a word named nowhere else
        return name

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
            name = without_possessive(_name_run(chain([word], following)) or "")
            taken = max(1, len(name.split()))
            entity = self.entities.get(name)
            person = entity is not None and entity.person is True
            if name and not person and person_votes(self.text, tokens[at + taken - 1][0]) <= 0:
                found.append((at, name))
            at += taken
        return found

    # --- "the singer": a title's holder -----------------------------------------------------------

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
        title = [word for word in source.split() if word.lower() not in DETERMINERS]
        # "Former welfare minister Frank Field … the prime minister said": one titled for another office is not it
        other_offices = self._best_holders(title[-1:]) if len(title) > 1 else set()
        # "The lord chancellor": a gendered word before the head genders the office ("Baroness Boothroyd" holds none)
        gendered = next((word for word in words[:-1] if word in MALE_TITLES or word in FEMALE_TITLES), words[-1])
        return self._role_referent(raw, words[-1], other_offices, gendered)

    def _role_referent(
        self, raw: RawAttribution, title: str, other_offices: set[str] = frozenset(), gendered: str | None = None
    ) -> str | None:
        """A definite title no one holds by name in the text ("Dion … “…,” the singer said", "Dr Mitchell suggested …
        The Prime Minister said"): the nearest person in subject place it fits, as for a pronoun; a gendered title
        ("the duchess") only when one person the text quotes fits it; a spokesperson is someone else, unnamed."""
        if title in ANONYMOUS_ROLES:
            return None
        gendered = gendered or title
        gender = "m" if gendered in MALE_TITLES else "f" if gendered in FEMALE_TITLES else None

        def fits(entity: Entity) -> bool:
            # a one-word name ("Meghan … The duchess") is left: another one named but not quoted ("Kate was not
            # there") may hold the title as well
            if entity.name in other_offices:
                return False
            return entity.person is True and (gender is None or entity.gender() in (gender, None))

        if gender is not None and sum(fits(entity) for entity in self.entities.values()) != 1:
            return None  # "Kate Middleton … Meghan Markle … The duchess": which one, the title alone cannot say
        return self._nearest(raw, fits, subjects_only=True)

    # --- "the hospital", "the researchers"; groups that name themselves ---------------------------

    def _definite_body(self, raw: RawAttribution, head: str) -> str | None:
        """ "The hospital": the one body named with that head; "the researchers": the body the group was placed in."""
        return self._body_by_head(raw, head) or self._placed_group_body(raw, head)

    def _body_by_head(self, raw: RawAttribution, head_word: str) -> str | None:
        """ "The hospital", "the authority": the one body quoted whose name has that head ("Cork University Hospital"),
        else the one body the text names before with that head; None when none or two."""
        assert raw.source is not None
        head = head_word.capitalize()
        bodies = {
            e.name
            for e in self.entities.values()
            if body_head(e.name) == head and maybe_body(e) and self._named_before(e.name, raw.source[0])
        }
        if not bodies and not is_role_word(head_word):
            if head not in self.named_with_head:  # one scan per head word, however many "the authority"
                self.named_with_head[head] = names_headed_by(self.text, head)
            bodies = {name for at, name in self.named_with_head[head] if at < raw.source[0]}
        return bodies.pop() if len(bodies) == 1 else None

    def _placed_group_body(self, raw: RawAttribution, group: str) -> str | None:
        """ "The researchers" after "researchers from the MIT Initiative on the Digital Economy outlined …": the body
        the same group was placed in last, in the paragraph or the one before; None if no such group is placed."""
        if group not in SPEAKING_MEMBERS:
            return None
        assert raw.source is not None
        if group not in self.placed_groups:  # one scan of the text per group noun, however many "the researchers"
            self.placed_groups[group] = list(self._placements(group))
        placed = self.placed_groups[group]
        i = last_before(placed, raw.source[0])
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

    def _group(self, words: list[str]) -> str | None:
        """A group or document that names itself ("officials", "the study"); "Police said" in a story that quotes
        the Miami-Dade Police: that body, when it is the one so named."""
        group = group_word(words)
        if group is not None and group.split()[-1] in TIME_SPAN_NOUNS:
            return None  # "recent months": a time, no group
        if group is not None and group in ONE_BODY_HEADS:
            bodies = {e.name for e in self.entities.values() if e.person is False and e.name.lower().endswith(group)}
            return bodies.pop() if len(bodies) == 1 else group
        return group


def _sentence_end(word: str) -> bool:
    """A word that ends its sentence: a full stop that is no initialism's ("U.S.")."""
    return word.endswith(".") and "." not in word[:-1]


def _document_modifier(word: str) -> bool:
    """A determiner or adjective between a making verb and its document ("an online", "its annual")."""
    return word.islower() and word.isalpha() and word not in DOCUMENT_MAKING_VERBS and word not in MAKING_PARTICLES


def _modifying_name(before: list[str], head: str) -> str | None:
    """ "the Gartner report", "a preliminary Ofcom report": the maker's name before the document's head, from its
    determiner on (names.modifying_maker decides what is a maker's name there)."""
    reach = before[-MAKER_MODIFIERS - 1 :]
    opening = next((at for at in range(len(reach) - 1, -1, -1) if reach[at].lower() in ("the", "a", "an")), None)
    if opening is None or opening == len(reach) - 1 or not reach[-1][:1].isupper():
        return None
    if "-" in reach[-1] and reach[-1].rsplit("-", 1)[1].islower():
        return None  # "an NCCIH-supported analysis": who paid for it, not who made it
    return modifying_maker(" ".join([*reach[opening:], head]))


def _passive_agent(after: list[str]) -> str | None:
    """The maker a passive names after a document's head: "a survey conducted by PC Pro Magazine", "The book, by
    Sunday Telegraph journalist Robert Peston", "the study, which was published by …", "The survey of consumers in
    the UK … was carried out by consultancy group Capgemini"; none for what the document says was made ("the report
    found drugs produced by …": no passive right after the head or its post-modifier)."""
    at = 0
    if after[:1] == [","]:
        at = 2 if after[1:2] in (["which"], ["that"]) else 1
    elif after[:1] and after[0] in DOCUMENT_MODIFIER_PREPOSITIONS:
        modifier = after[:MAX_DOCUMENT_MODIFIER_WORDS]
        at = next((i for i, word in enumerate(modifier) if word in PASSIVE_AUXILIARIES), 0)
        if not at or any(_sentence_end(word) or word[-1] in ";:" for word in modifier[:at]):
            return None
    while at < len(after) and after[at] in PASSIVE_AUXILIARIES | PERFECT_AUXILIARIES:
        at += 1
    if at == 1 and after[:2] == [",", "by"]:
        by = at  # "The book, by …"
    elif after[at : at + 1] and after[at] in DOCUMENT_MAKING_PARTICIPLES:
        by = at + 1  # "conducted by"
    elif at + 1 < len(after) and after[at] in TWO_WORD_MAKING_VERBS and after[at + 1] in MAKING_PARTICLES:
        by = at + 2  # "carried out by"
    else:
        return None
    if after[by : by + 1] != ["by"]:
        return None
    return _agent_name(after[by + 1 :])


def _agent_name(words: list[str]) -> str | None:
    """The maker's name after "by" or "from": "the Pew Research Center", "consultancy group Capgemini", "UK think tank
    Demos" and "Sunday Telegraph journalist Robert Peston" (what the maker is, then its name); none for one of
    several ("Joon and colleagues")."""
    if words[:1] == ["the"]:
        words = words[1:]
    described = 0
    while described < min(len(words), MAX_AGENT_DESCRIPTION_WORDS) and _description_word(words[described]):
        described += 1  # "consultancy group Capgemini"
    name = _name_run(words[described:])
    if name is None:
        return None
    rest = words[described + len(name.split()) :]
    if rest[:1] in (["and"], ["et"]):
        return None
    titled = 0
    while titled < min(len(rest), MAX_AGENT_DESCRIPTION_WORDS) and _description_word(rest[titled]):
        titled += 1  # "UK think tank Demos": a description opened by a capital, then the name
    named = _name_run(rest[titled:]) if titled and words[described + len(name.split()) - 1][-1].isalnum() else None
    if named is not None and named.split()[0] not in DATE_WORDS:
        return body_name(named.split())
    return body_name(name.split())


def _description_word(word: str) -> bool:
    """A lower-case word of what a maker is ("consultancy group", "think tank"), no preposition or link."""
    return word.isalpha() and word.islower() and word not in OBLIQUE_PREPOSITIONS and word not in NAME_RUN_LINKS


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
