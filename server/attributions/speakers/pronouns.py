"""What a pronoun stands for (Pronouns): he or she, the nearest person of that gender in subject place; it, a body;
they, a group; and the two people "both experts" and "the couple" are."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from itertools import islice

from ..lexicon import NAME_PARTICLES, ORG_ANAPHORS, ORG_HEADS, POSSESSIVE_ENDINGS, looks_plural, singular_noun
from ..names import ONE_OF
from ..structure import RawAttribution
from .constants import (
    APPOSITION_REACH,
    BOTH_PARAGRAPHS,
    FRONTED_REACH,
    GROUP_PEOPLE,
    GROUP_REACH,
    MAX_GROUP_MODIFIERS,
    MAX_LOOKBACK_MENTIONS,
    NAMED_GROUPS,
    ONE_BODY_HEADS,
    SENTENCE_ENDS,
    SENTENCE_REACH,
)
from .entities import Entity, acronym_like, is_body, is_not_person
from .mentions import Mentions
from .phrases import modifier_word
from .reading import last_before


class Pronouns(Mentions):
    """He, she, it, they, both and the couple, each resolved to the entity the text names before it, or to no one."""

    # --- he, she ----------------------------------------------------------------------------------

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
        """ "It" continues the body the sentence before opens with, else stands for the body mentioned most in its
        paragraph and the ones before, else for the body a statement fronted before it opens with, else for the body
        or group quoted as the sentence before's subject ("The independent Sage group … said … It called for")."""
        return (
            self._previous_subject(raw)
            or self._most_mentioned(raw, is_body)
            or self._fronted_subject(raw)
            or self._previous_sentence_body(raw)
        )

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
