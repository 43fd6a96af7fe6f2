"""The story as speaker resolution reads it (Story): made once per text, it reads the entities the sources name and
their mentions and genders; then it gives the speaker of each attribution in turn, from its source's own words
(naming.py) or from what its pronoun (pronouns.py) or description (descriptions.py) stands for, by the mentions before
it (mentions.py). reading.py holds the text's layout and the state the parts share."""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import replace
from itertools import pairwise

from ...limits import Deadline
from ..lexicon import (
    ANTECEDENT_HEADS,
    BODY_MEMBER_NOUNS,
    DEFINITE_DETERMINERS,
    DEMONYM_NOUNS,
    NATIONALITIES,
    OCCUPATION_NOUNS,
    ORG_ANAPHORS,
    PERSON_NATIONALITY_ENDINGS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    PUBLIC_BODY_HEADS,
    ROLE_TITLES,
    SPEAKING_MEMBERS,
    SPOKESPERSON_NOUNS,
    WRITTEN_DOCUMENT_HEADS,
    looks_plural,
)
from ..names import (
    LowerCaseUse,
    bare_surname,
    document_maker,
    full_names,
    given_names,
    group_word,
    is_named,
    looks_person,
    modifying_maker,
    name_core,
    owners_body,
    person_conjuncts,
    role_holders,
    without_leading_kind,
    word_occurrences,
)
from ..patterns import AGE_EPITHET_RE, APPOSED_AGE_RE
from ..structure import RawAttribution, Span
from ..vocabulary import DOCUMENT_NOUNS
from .constants import (
    ANAPHOR_DETERMINERS,
    BODY_KIND_ANAPHORS,
    COMPANY_ANAPHORS,
    DESCRIBED_BODY_HEADS,
    DOCUMENT_MAKING_PARTICIPLES,
    FRAME_DETERMINERS,
    FRAME_MODIFIERS,
    GENDERED_TITLES,
    HONORIFICS,
    INDEFINITE_OPENERS,
    KIND_NAMED_HEADS,
    MAX_EPITHET_WORDS,
    MIN_PARTICIPLE_LETTERS,
    NAMED_GROUPS,
    OFFICE_ACRONYMS,
    OUTLET_NOUNS,
    PAIR_NOUNS,
    PARTY_WORDS,
    ROLE_HEADS,
    STAFF_DETERMINERS,
)
from .descriptions import Descriptions
from .entities import name_letters
from .naming import names_no_one, placed_office
from .pronouns import Pronouns


class Story(Pronouns, Descriptions):
    """The entities the article quotes, where each is mentioned, and the speaker of each source: Naming and Mentions
    over Reading, Pronouns and Descriptions over them."""

    named: list[str | None]  # each source's name by its own words, if it gives one

    def __init__(self, text: str, raws: list[RawAttribution], deadline: Deadline, paragraph_spans: list[Span]) -> None:
        self.text = text
        self.deadline = deadline
        cues = sorted(raw.cue for raw in raws)
        self.cue_starts = [start for start, _ in cues]
        self.cue_ends = [end for _, end in cues]
        self.paragraph_spans = paragraph_spans
        self.paragraph_starts = [start for start, _ in self.paragraph_spans]
        self.sentence_starts = {}
        self.abbreviations = {}
        self.named_with_head = {}
        self.given_before_surname = {}
        self.made_documents = {}
        self.placed_groups = {}
        self.title_holders = {}
        self.spoken_forms = {}
        self.company_forms = {}
        self.acronyms = {}
        self.titled = {}
        self.entities = {}
        self.mentioned_only = set()
        self.previous = None
        self.apposed_ages: list[re.Match[str]] | None = None  # read when a source is an age epithet
        self.history = []
        self.speaker_by_head = {}
        self.body_by_members = {}
        self.bodies_in_full = {}
        self.longer_bodies = {}
        self.spelled_names = {}
        self.introduced = {}
        self.noun_uses = {}
        self.person_owners = {}
        self.bare_kept = {}
        self.longest_owned = {}
        self.office_holders: dict[tuple[str, ...], str | None] = {}
        self.determined = {}
        self.noun_genders = None
        sources = [text[raw.source[0] : raw.source[1]] if raw.source else "" for raw in raws]
        # "it", "the company" (its pronouns tell a body), "the duchess" (her pronouns tell a person): genders counted
        self.anaphors = any(
            source.lower() == "it"
            or any(
                word in ORG_ANAPHORS or word in BODY_KIND_ANAPHORS or word in GENDERED_TITLES
                for word in source.lower().split()[-1:]
            )
            for source in sources
        )
        # where a he or she, or a person described by age ("The 31-year-old"), looks back for the people the text
        # names without quoting them
        self.pronoun_positions = [
            raw.source[0]
            for raw, source in zip(raws, sources, strict=True)
            if raw.source and (source.lower() in ("he", "she") or person_epithet(source))
        ]
        # what each attribution reports, in text order: a he or she inside a quotation there is someone talked about
        self.reported_spans = sorted(
            (start, end) for raw in raws for start, end in (raw.fragments or [raw.content]) if end > start
        )
        self.reported_starts = [start for start, _ in self.reported_spans]
        self.pronoun_contents = {
            raw.source[0]: raw.fragments or [raw.content]
            for raw, source in zip(raws, sources, strict=True)
            if raw.source and source.lower() in ("he", "she")
        }
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
            for word in [bare_surname(core.split()[-1])]  # "Al-Sharaa", "Ahmed al-Sharaa": "Sharaa"
            if len(word) >= 2 and word[:1].isupper() and name_letters(word)
        }
        self.cores = cores
        self.core_occurrences = word_occurrences(text, cores)  # serves the full names and the mentions
        self.common = LowerCaseUse(text)
        self.full = {
            core: without_leading_kind(full)  # "Rival Sony" is "Sony" in full
            for core, full in full_names(text, self.core_occurrences, deadline, self.common).items()
        }
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
        self.owned_by_body = {}
        self.owned_by_owner = {}
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
        self._mark_served_bodies(distinct_sources)
        self.mentions = self._mentions()
        self.mention_counts = {}
        for _, _, entity in self.mentions:
            self.mention_counts[entity.name] = self.mention_counts.get(entity.name, 0) + 1
        self._count_gender()

    def speaker(self, index: int, raw: RawAttribution) -> str | None:
        """The name behind an attribution's source: the first of these cases that fits it, else no one."""
        source = self.text[raw.source[0] : raw.source[1]] if raw.source is not None else ""
        if not source.strip() or names_no_one(source):
            return None  # no source, or a heading's question or a date: no one
        groups = coordinated_groups(source)
        if groups is not None:
            return groups  # "Mac watchers and some analysts": each group by its own word, "Mac watchers; analysts"
        described = source.split()
        if len(described) > 2 and described[0].lower() in DEFINITE_DETERMINERS and described[-1] in ROLE_HEADS:
            # "the Salford MP", "the Uruguayan-born researcher": a description ends in its role, a name follows one
            return self._title(raw, [word.lower() for word in described])
        if person_epithet(source):
            # "The 31-year-old", "The Spaniard", "the New York Democrat": the person of that age the text named, else
            # the nearest person in subject place
            aged = AGE_EPITHET_RE.fullmatch(source)
            named = self._aged_person(raw.source[0], aged.group("age")) if aged and raw.source else None
            return self._named(named) if named else self._role_referent(raw, source.split()[-1].lower())
        modified = _reduced_relative_group(described)
        if modified is not None:
            return modified  # "Workers employed by Amazon", "Fans queuing outside Wembley": the workers, the fans
        based = _based_description(described)
        if based is not None:
            source = based  # "The Santa Clara, California-based chipmaker": the chipmaker, wherever it is based
        # "Make notes", "Vendors say": a common word capitalised by its sentence is no name (a group's at most)
        elif self.named[index] is not None and not self._sentence_capital(raw, source):
            if self._label(raw, source, self.named[index]):
                return None  # "Office Location: New York", "Pro Tip: …": a label before its colon, no one's name
            office = OFFICE_ACRONYMS.get(self.named[index])
            if office is not None:
                return self._office_holder(office)  # "PM says", "The AG's complaint": the holder, else no one
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
        if _spokesperson_body(words) is not None and raw.source is not None:
            # "A spokesman for the force": the body "the force" takes up, resolved as if it were the source; else the
            # source is read as it stands ("a spokesman for the ministry", none named)
            start = self.text.rfind(" ", raw.source[0], self.text.rfind(" ", raw.source[0], raw.source[1])) + 1
            body = self.speaker(index, replace(raw, source=(start, raw.source[1])))
            if body is not None:
                return body
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
        body_anaphor = words[-1] in ORG_ANAPHORS or (definite_noun and words[-1] in BODY_KIND_ANAPHORS)
        if body_anaphor and not any(word[:1].isupper() for word in words[1:]):
            if words[0] not in ANAPHOR_DETERMINERS:
                return group_word(words)  # "Previous research", "a company": no antecedent, a group at most
            if words[0] == "this" and words[-1] in OUTLET_NOUNS:
                return None  # "This newspaper is urging readers": its publisher, which the text does not name
            # "the company": a body quoted or named before, else the one its sentence (or the one before) names
            body = (
                self._introduced_body(raw, words)
                or self._subject_body(raw, words)
                or self._body_anaphor(raw, words)
                or self._described_body(raw)
                or self._sentence_body(raw, words)
                or self._fronted_body(raw, words)
            )
            if body is not None and words[-1] in KIND_NAMED_HEADS and not _of_kind(body, words[-1]):
                return self._described_body(raw)  # "the interior ministry" after "Pro Asyl warned": not Pro Asyl
            if body is not None and words[-1] in COMPANY_ANAPHORS and _public_body_or_party(body):
                return None  # "The company rejected the offer" after "Labour's" or "the Tories said": no party is one
            return body
        if definite_noun and words[1] in OUTLET_NOUNS:
            # "the site surveyed": the one body introduced so, or the one body the sentences name
            return self._introduced_body(raw, words) or self._sentence_body(raw, words)
        if words[0] == "both" and len(words) == 2 and looks_plural(words[1]):
            return self._both(raw, words[1])  # "Both nutritionists advise": the two people quoted just before
        if definite_noun and words[1] in PAIR_NOUNS:
            return self._couple(raw)  # "the couple", "the pair": the two people the text last names together
        if lowered in PLURAL_PRONOUNS:
            return self._they(raw) if lowered == "they" else None  # a group quoted or named just before
        if len(words) <= 2 and self.titled.get(words[-1]):
            return self.titled[words[-1]]  # "the president": the one person quoted with that title (a longer one's
            # words are matched by _title: "welfare minister Frank Field" is no "the prime minister")
        if words[-1] in ROLE_TITLES and len(words) <= 3:
            return self._title(raw, words)  # "the singer": the holder the text names, else the person it continues
        if words[-1] in OCCUPATION_NOUNS and len(words) <= 3 and words[0] in STAFF_DETERMINERS:
            # "the virologist", "the lawyer", "our correspondent" (the outlet's own): the one person the text names so
            # ("Ann Cole, a virologist", "BBC correspondent Stephen Cape"), else no one
            return self._role_holder(words[1:])
        if definite_noun and words[1].isalpha() and (body := self._definite_body(raw, words[1])):
            return body  # "the hospital", "the researchers": the one body so named, or the group's placed in
        if placed_office(source.split()):
            return None  # "The new health minister for Wales": one holder, unnamed, no group ("wales" is no plural)
        return self._group(words) or self._described_body(raw)  # "officials", "the study"; "the institution"

    def _office_holder(self, office: tuple[str, ...]) -> str | None:
        """The one person the text names with the whole title ("Prime Minister Gordon Brown"), else no one; read once
        per office."""
        if office not in self.office_holders:
            holders = {
                self._longest(name)
                for name, matched in role_holders(self.text, list(office))
                if matched == len(office) - 1
            }
            self.office_holders[office] = holders.pop() if len(holders) == 1 else None
        return self.office_holders[office]

    def _aged_person(self, before: int, age: str) -> str | None:
        """The last person named with this age in apposition before the position ("Sarah Collins, 45," for "The
        45-year-old"), when one person only is named with it."""
        if self.apposed_ages is None:
            self.apposed_ages = list(APPOSED_AGE_RE.finditer(self.text))
        named = {
            match.group("name") for match in self.apposed_ages if match.start() < before and match.group("age") == age
        }
        return named.pop() if len(named) == 1 else None

    def remember(self, raw: RawAttribution, speaker: str | None) -> None:
        """Keep the attributions resolved so far: a pronoun in the same sentence continues the last one, and "the
        report" refers back to an earlier one."""
        self.previous = (raw, speaker)
        self.history.append((raw, speaker))
        if speaker is None or raw.source is None:
            return
        head = self._head(raw.source)
        self.speaker_by_head[head] = speaker  # "the report" refers back to it
        for document in self._made_documents(raw.source):
            self.speaker_by_head[document] = speaker  # "A survey conducted by PC Pro Magazine … The survey found"
        if speaker in self.entities:
            for document in self._framing_documents(raw):
                self.speaker_by_head[document] = speaker  # "said in a statement … The statement added": theirs
        if speaker[:1].isupper():
            self.body_by_members[head] = speaker  # "Con Edison officials": the body "the officials" speak for
        entity = self.entities.get(speaker)
        if entity is not None and entity.person is not False and self.named_at(raw.source[0]) is None:
            # "He added …" is a mention of the man it stands for: a later "he" two paragraphs on still finds him
            insort(self.mentions, (raw.source[0], raw.source[1], entity), key=lambda mention: mention[0])

    def _framing_documents(self, raw: RawAttribution) -> list[str]:
        """The documents an attribution's own words say it was made in, outside its content: in its cue ("said in a
        statement") or fronted before its source ("In a report published on Sunday, the paper claimed")."""
        assert raw.source is not None
        frames = [self.text[raw.cue[0] : raw.cue[1]]]
        # the sentence's start only here: a quote before its source ('"…," she said') needs no paragraph split, nor a
        # paragraph without "in" before the source (its sentence's words hold no "in" either)
        if raw.content[0] >= raw.source[0] and "in" in self.text[self._floor(raw.source[0], 0) : raw.source[0]].lower():
            frames.append(self.text[self._sentence_start(raw.source[0]) : raw.source[0]])
        found = []
        for frame in frames:
            words = frame.lower().replace(",", " ").split()
            for at, word in enumerate(words[:-1]):
                if word != "in" or words[at + 1] not in FRAME_DETERMINERS:
                    continue
                # the document's head, past a modifier or two ("in a Telegram post", "in its annual report")
                head = next(
                    (w for w in words[at + 2 : at + 2 + FRAME_MODIFIERS + 1] if w in WRITTEN_DOCUMENT_HEADS), None
                )
                if head is not None:
                    found.append(head)
        return found

    def _head(self, source: Span) -> str:
        return self.text[source[0] : source[1]].lower().split()[-1]

    def _made_documents(self, source: Span) -> list[str]:
        """The document heads a source names with their maker after them ("A survey conducted by PC Pro Magazine",
        "a report from the agency"): the source's last word is the maker's, the document is named before it."""
        words = self.text[source[0] : source[1]].lower().split()
        return [
            word
            for word, following in pairwise(words)
            if word in DOCUMENT_NOUNS and (following in DOCUMENT_MAKING_PARTICIPLES or following in ("by", "from"))
        ]


def _has_honorific(source: str) -> bool:
    """A title only a person holds among the source's words ("Dr. Jane Doe", "Sen. Ellis")."""
    return any(word.rstrip(".").lower() in HONORIFICS for word in source.split())


def _public_body_or_party(body: str) -> bool:
    """A government's body or a party by its name ("Home Office", "Labour Party", "the Tories", "Tory"), never a
    company."""
    words = body.lower().split()
    return words[-1] in PUBLIC_BODY_HEADS | PARTY_WORDS or (len(words) == 1 and words[0] in NAMED_GROUPS | PARTY_WORDS)


def _of_kind(body: str, head: str) -> bool:
    """The body's name carries the kind the description names ("Interior Ministry" for "the ministry")."""
    kinds = {head, *(kind.lower() for kind in DESCRIBED_BODY_HEADS.get(head, ()))}
    return any(word.lower() in kinds for word in body.split())


def person_epithet(source: str) -> bool:
    """A definite description of a person by age, people or party ("The 31-year-old", "The Spaniard", "the Israeli",
    "the New York Democrat"): someone the text named before, never a name itself."""
    if AGE_EPITHET_RE.fullmatch(source):
        return True
    words = source.split()
    if not (2 <= len(words) <= MAX_EPITHET_WORDS) or words[0].lower() != "the" or not words[-1][:1].isupper():
        return False
    head = words[-1].lower()
    if head in DEMONYM_NOUNS:
        return all(word[:1].isupper() for word in words[1:])  # "the New York Democrat": its place is capitalised
    return len(words) == 2 and head in NATIONALITIES and head.endswith(PERSON_NATIONALITY_ENDINGS)


PARTICIPLE_ENDINGS = ("ed", "ing")


def coordinated_groups(source: str) -> str | None:
    """A list of groups ("Human rights groups, top police officers and many MPs", "restaurant owners and other
    employers"): each conjunct's group word, joined by "; "; None unless every conjunct is a group whose head is a
    lowercase plural or a plural acronym ("MPs"), so no list of names ("Tom Hanks and Meg Ryan")."""
    if " and " not in source:
        return None
    listed, _, last = source.rpartition(" and ")
    conjuncts = [*listed.split(", "), last]
    groups = []
    for at, conjunct in enumerate(conjuncts):
        words = conjunct.split()
        head = words[-1] if words else ""
        acronym = len(head) > 2 and head[:-1].isupper() and head.endswith("s")
        opening = at == 0 and len(words) == 1 and head[1:].islower()  # "Teachers and parents": the sentence's capital
        if not (head.isalpha() and (head.islower() or acronym or opening) and looks_plural(head.lower())):
            return None
        if any(word in PREPOSITIONS for word in words):
            return None  # "Leaders of the unions and employers": a post-modifier's object, no second group
        group = group_word([word.lower() for word in words])
        if group is None:
            return None
        other = "other " if words[0].lower() == "other" and at > 0 else ""  # "restaurant owners and other employers"
        groups.append(other + group[: len(group) - len(head)] + (head if acronym else head.lower()))  # "MPs"
    return "; ".join(groups)


def _reduced_relative_group(words: list[str]) -> str | None:
    """The group a plural noun names when a participle's clause follows it ("Workers employed by Amazon", "Experts not
    involved in the research", "Passengers stranded at Heathrow" -> "workers", "experts", "passengers"): the name in
    the clause places or describes the group, it does not speak; None for any other source."""
    for at, word in enumerate(words[1:], start=1):
        participle = word.isalpha() and word.islower() and word.endswith(PARTICIPLE_ENDINGS)
        participle = participle and len(word) > MIN_PARTICIPLE_LETTERS
        if word == "not" or participle:
            head = words[at - 1].lower()
            if not looks_plural(head) or word in DOCUMENT_MAKING_PARTICIPLES:
                return None  # "answers posted on Quora", "figures released by the ONS": the maker speaks
            if head in SPEAKING_MEMBERS and word != "not" and not word.startswith("un"):
                return None  # "Analysts working for Goldman Sachs" speak for it; "analysts not involved" do not
            if head in DOCUMENT_NOUNS and head not in SPEAKING_MEMBERS:
                return None  # "studies", "reports": documents, whose makers speak
            return group_word([word.lower() for word in words[:at]])
        if not word.islower():
            return None  # a capitalised word before any participle: a name's ("Con Edison officials")
    return None


def _spokesperson_body(words: list[str]) -> str | None:
    """ "a spokesman for the force", "a spokesperson for the company" -> "the force", "the company": a spokesperson
    for a body a definite description takes up (its last two words); None for any other source."""
    if len(words) != 5 or words[0] not in INDEFINITE_OPENERS or words[1] not in SPOKESPERSON_NOUNS:
        return None
    if words[2] not in ("for", "of", "at") or words[3] != "the":
        return None
    return " ".join(words[3:]) if words[4] in ORG_ANAPHORS or words[4] in BODY_KIND_ANAPHORS else None


def _based_description(words: list[str]) -> str | None:
    """A definite description placed by where it is based ("The Santa Clara, California-based chipmaker", "the
    London-based bank"), as the description alone ("The chipmaker"); None for any other source."""
    based = next((at for at, word in enumerate(words) if word.endswith("-based")), None)
    if based is None or based == len(words) - 1 or words[0].lower() not in DEFINITE_DETERMINERS:
        return None
    rest = words[based + 1 :]
    return " ".join([words[0], *rest]) if all(word.islower() for word in rest) else None
