"""First-person voices an article names outside any quotation: an interview's ("Q: … A: I think …", "Mr Malone: We
found …", "The Economist: You argue …") and a signed piece's author ("Shelia R. Cotten, Clemson University" above
"Some of my research has shown"; "I'm your host Dr. Michael Greger"). Their "I", "we", "my research" (and, in an
interviewer's question, "you") are the person the text names, where the story alone leaves them unnamed."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from enum import Enum
from itertools import pairwise

from ..lexicon import NAME_PARTICLES, TITLE_WORDS
from ..names import INITIALS_RE, LowerCaseUse, full_names, looks_person, name_core, same_name, word_occurrences
from ..patterns import NAME_MENTION_RE
from ..structure import RawAttribution, Span
from .constants import (
    BYLINE_LABELS,
    BYLINE_OPENERS,
    FIRST_PERSON,
    FIRST_PERSON_POSSESSIVES,
    INTERVIEW_MIN_TURNS,
    INTRODUCTION_DETERMINERS,
    MAX_BYLINE,
    MAX_LABEL,
    MAX_LABEL_WORDS,
    OWN_WORK_NOUNS,
    QUESTION_LABELS,
    SELF_INTRODUCTIONS,
)
from .reading import inside_quotation
from .story import Story


class Voice(Enum):
    """Whose words a first-person source says it speaks: one person's, their side's, or the one addressed."""

    SINGULAR = "I"  # I, me, "my research"
    PLURAL = "we"  # we, us, "our data"
    ADDRESSED = "you"


def first_person_voices(
    text: str, raws: list[RawAttribution], speakers: list[str | None], story: Story, paragraph_spans: list[Span]
) -> None:
    """Name the unresolved first persons (and an interviewer's "you") of an interview or a signed piece, in place."""
    wanted = [
        (index, voice)
        for index, raw in enumerate(raws)
        if speakers[index] is None and raw.source is not None and (voice := _voice(text[raw.source[0] : raw.source[1]]))
    ]
    if not wanted:
        return
    interview = _Interview.read(text, raws, speakers, story, paragraph_spans)
    authors = _Authors(text, paragraph_spans, story.common) if interview is None else None
    for index, voice in wanted:
        raw = raws[index]
        assert raw.source is not None
        if inside_quotation(text, raw.source[0], paragraph_spans):
            continue  # a quotation's "I" is its speaker's (resolve's _first_person_in_quotes), not the writer's
        if interview is not None:
            speakers[index] = interview.voice_at(raw.source[0], voice)
        elif voice is Voice.SINGULAR and authors is not None and not _after_colon(text, raw.source[0], paragraph_spans):
            speakers[index] = authors.at(raw.source[0])


def _voice(source: str) -> Voice | None:
    """Whose voice a source is: I, me, "my research" one person's; we, "our data" their side's; "you" the one
    addressed; None for any other source ("My doctor", "my colleagues": other people)."""
    words = source.lower().split()
    if not words or len(words) > MAX_LABEL_WORDS + 1:
        return None
    if any(word[:1].isupper() for word in source.split()[1:]):
        return None  # "My Verdict", "Our Take": a heading's words, no one speaking
    if source in FIRST_PERSON:
        return Voice.SINGULAR
    if words in (["we"], ["us"]):
        return Voice.PLURAL
    if words == ["you"]:
        return Voice.ADDRESSED
    owner = next((at for at, word in enumerate(words[:-1]) if word in FIRST_PERSON_POSSESSIVES), None)
    if owner is None or words[owner + 1] not in OWN_WORK_NOUNS:
        return None
    return Voice.SINGULAR if words[owner] == "my" else Voice.PLURAL


def _after_colon(text: str, pos: int, paragraph_spans: list[Span]) -> bool:
    """pos's paragraph follows one ending in a colon ("She wrote:"): what it sets off is someone else's words."""
    at = bisect_right(paragraph_spans, pos, key=lambda span: span[0]) - 1
    return at > 0 and text[paragraph_spans[at - 1][0] : paragraph_spans[at - 1][1]].rstrip().endswith(":")


def _turn_label(paragraph: str) -> str | None:
    """A paragraph's speaker label: the short capitalised words before its colon ("Q", "Mr Malone", "The Economist")."""
    colon = paragraph.find(":", 0, MAX_LABEL + 1)
    if colon <= 0 or not paragraph[colon + 1 : colon + 2].isspace():
        return None
    words = paragraph[:colon].split()
    if not words or len(words) > MAX_LABEL_WORDS + 1 or not words[0][:1].isupper():
        return None
    if not all(word[:1].isupper() or word in NAME_PARTICLES for word in words):
        return None  # "Mr de Vos:" is a label; "Here is why:" is none
    return paragraph[:colon].strip()


def _party(label: str) -> str:
    """Which party a label names: its last word ("Thomas Malone" and "Mr Malone" are one party, "Q." is "q")."""
    return label.split()[-1].rstrip(".").lower()


class _Interview:
    """An interview's turns: where each labelled turn starts, whose it is, and who answers."""

    def __init__(
        self, turns: list[tuple[int, str]], answerer: str, answer_party: str, introduced: bool = False
    ) -> None:
        self.turns = turns
        self.starts = [start for start, _ in turns]
        self.answerer = answerer
        self.answer_party = answer_party
        self.introduced = introduced  # named by the introduction only: "we" may be a firm's, not the person's

    @classmethod
    def read(
        cls,
        text: str,
        raws: list[RawAttribution],
        speakers: list[str | None],
        story: Story,
        paragraph_spans: list[Span],
    ) -> _Interview | None:
        """Paragraphs opening with two parties' labels, turn by turn; None unless each party has several turns and
        the one who answers is named (by an answer label, or, under Q and A, as the person the introduction names)."""
        turns = [(start, _party(label)) for start, end in paragraph_spans if (label := _turn_label(text[start:end]))]
        counts = Counter(party for _, party in turns)
        parties = [party for party, count in counts.items() if count >= INTERVIEW_MIN_TURNS]
        changes = sum(1 for (_, one), (_, other) in pairwise(turns) if one != other)
        if len(parties) != 2 or changes < 2 * INTERVIEW_MIN_TURNS - 1:
            return None
        turns = [(start, party) for start, party in turns if party in parties]
        if set(parties) <= QUESTION_LABELS | {"a"} and "a" in parties:
            answerer = _introduced_person(text[: turns[0][0]])
            return cls(turns, answerer, "a", introduced=True) if answerer is not None else None
        questions = {party: _questions(text, paragraph_spans, turns, party) for party in parties}
        asking = max(parties, key=lambda party: questions[party])
        answer_party = next(party for party in parties if party != asking)
        if 2 * questions[asking] < counts[asking] or 2 * questions[answer_party] >= counts[answer_party]:
            return None  # "Pro Tip:" and "Best For:" headings: one party asks, the other answers, or no interview
        starts = {start for start, party in turns if party == answer_party}
        labelled = Counter(
            speaker
            for raw, speaker in zip(raws, speakers, strict=True)
            if speaker is not None and raw.source is not None and raw.source[0] in starts
        )
        if labelled:
            answerer = labelled.most_common(1)[0][0]
            return cls(turns, answerer, answer_party) if looks_person(answerer) else None
        answerer = _labels_name(text, paragraph_spans, starts, story)
        return cls(turns, answerer, answer_party) if answerer is not None else None

    def voice_at(self, pos: int, voice: Voice) -> str | None:
        """Who a first person (or "you") at pos is: the answerer in an answer's turn, and "you" in a question's; an
        answerer the introduction alone names is no answer's "we" (a company's FAQ: "We ship abroad")."""
        at = bisect_right(self.starts, pos) - 1
        if at < 0 or (self.introduced and voice is Voice.PLURAL):
            return None  # the introduction, before the first turn
        answering = self.turns[at][1] == self.answer_party
        return self.answerer if answering == (voice is not Voice.ADDRESSED) else None


def _labels_name(text: str, paragraph_spans: list[Span], starts: set[int], story: Story) -> str | None:
    """The person a party's labels name ("Jo-Ann de Vos:", "Mr de Vos:"), when no attribution gives it: the longest
    form of the name the text gives ("Jo-Ann W. de Vos"); None if the labels name no person."""
    cores = [
        name_core(label)
        for start, end in paragraph_spans
        if start in starts and (label := _turn_label(text[start:end])) is not None
    ]
    core = max(cores, key=len, default="")
    if len(core.split()) < 2 or not looks_person(core):
        return None
    surname = core.split()[-1]
    longer = full_names(text, word_occurrences(text, {surname}), story.deadline, story.common).get(surname)
    return longer if longer is not None and same_name(longer.split(), core.split()) else core


def _questions(text: str, paragraph_spans: list[Span], turns: list[tuple[int, str]], party: str) -> int:
    """How many of a party's turns end in a question mark: the interviewer's do."""
    ends = {start: end for start, end in paragraph_spans}
    return sum(1 for start, turn in turns if turn == party and text[start : ends[start]].rstrip().endswith("?"))


def _introduced_person(introduction: str) -> str | None:
    """The one person an interview's introduction names in full, in the longest form it gives, when it names them
    twice at least (by surname); None when it names two or more ("reporter Sam Ortiz talks to chef Dana Lee", a book
    about Lincoln and its author): which of them answers, only answer labels could say."""
    forms: dict[str, str] = {}
    for mention in NAME_MENTION_RE.finditer(introduction):
        core = name_core(mention.group())
        if len(core.split()) >= 2 and looks_person(core) and len(core) > len(forms.get(core.split()[-1], "")):
            forms[core.split()[-1]] = core
    if len(forms) != 1:
        return None
    ((surname, form),) = forms.items()
    return form if len(word_occurrences(introduction, {surname})) >= 2 else None


class _Authors:
    """The authors a signed piece names, read once: its bylines ("By Jane Doe", "Analysis: Jon Sopel, BBC News,
    Washington"), else a self-introduction ("I'm your host Dr. Michael Greger"); never words the text also writes in
    lower case ("I'm Worth It"). A name and a place alone ("Harold Finch, Springfield", "Tim Cook, Apple") may be a
    letter's signer, a credit or a heading: no byline."""

    def __init__(self, text: str, paragraph_spans: list[Span], common: LowerCaseUse) -> None:
        self.labelled = [
            (start, named)
            for start, end in paragraph_spans
            if end - start <= MAX_BYLINE + 2 and (named := _byline(text[start:end], common))
        ]
        self.signed = _self_introduced(text, paragraph_spans, common)

    def at(self, pos: int) -> str | None:
        """The author of the words at pos: the last byline before them, else the piece's self-introduced writer."""
        at = bisect_left(self.labelled, pos, key=lambda byline: byline[0]) - 1
        return self.labelled[at][1] if at >= 0 else self.signed


def _self_introduced(text: str, paragraph_spans: list[Span], common: LowerCaseUse) -> str | None:
    """The name the writer introduces themself by, outside any quotation ("I'm your host Dr. Michael Greger")."""
    for opening in SELF_INTRODUCTIONS:
        at = text.find(opening)
        if at >= 0 and not inside_quotation(text, at, paragraph_spans):
            named = _introduced_name(text[at + len(opening) : at + len(opening) + MAX_BYLINE].split("\n")[0].split())
            if named is not None and _person_name(named, common):
                return named
    return None


def _byline(paragraph: str, common: LowerCaseUse) -> str | None:
    """The name a byline paragraph gives: "By Jane Doe", "Written by Jane Doe", or after a label for the kind of
    piece ("Analysis: Jon Sopel, BBC News"); "Photo: Jane Doe, Reuters", "Source: Mark Zandi, Moody's" name none."""
    line = paragraph.strip()
    if len(line) > MAX_BYLINE:
        return None
    label = _turn_label(line)
    signed = label is not None and label.lower() in BYLINE_LABELS
    if signed:
        line = line[len(label) + 1 :].strip()  # "Analysis: Jon Sopel, …"
    words = line.partition(",")[0].split()
    while words and words[0].lower() in BYLINE_OPENERS:
        words = words[1:]  # "By Jane Doe", "Written by Jane Doe"
        signed = True
    named = " ".join(words)
    return named if signed and _person_name(named, common) else None


def _introduced_name(words: list[str]) -> str | None:
    """The name a self-introduction gives after a few lower-case words ("your host Dr. Michael Greger."): a person's
    first and last names at least, titles stripped, ending its clause ("I'm Jane Doe." / "I'm Jane Doe, and"; "I'm
    Not Sorry Films produced" is a sentence about a film company)."""
    at = 0
    if words[:1] and words[0] in INTRODUCTION_DETERMINERS and words[1:2] and words[1].islower():
        at = 2  # "your host", "the founder"
    name: list[str] = []
    ended = at + MAX_LABEL_WORDS + 1 >= len(words)  # the line ends after the name
    for word in words[at : at + MAX_LABEL_WORDS + 1]:
        bare = word.rstrip(".,;:!?")
        if not bare[:1].isupper() and (bare not in NAME_PARTICLES or not name or bare != word):
            ended = False
            break  # "Michael van Ek": a particle inside the name goes on
        name.append(bare)
        if bare != word and bare.lower() not in TITLE_WORDS and len(bare) > 1:
            ended = True
            break  # the name ends at its mark; "Dr." and an initial go on
    return name_core(" ".join(name)) if name and ended else None


def _person_name(name: str, common: LowerCaseUse) -> bool:
    """Two to four capitalised words of a person's name, no title among them, none the text writes in lower case,
    each shaped as a name's ("Jo-Ann", "R.", not "Flip-out" nor "LCD")."""
    words = [word for word in name.split() if word not in NAME_PARTICLES]  # "Michael van Ek": "van" is lower case
    return (
        2 <= len(words) <= MAX_LABEL_WORDS
        and all(_name_shaped(word) for word in words)
        and looks_person(name)
        and name_core(name) == name
        and not any(common(word) for word in words)
    )


def _name_shaped(word: str) -> bool:
    """A name's word: an initial, or capitalised parts in lower case after their capital ("Jo-Ann", "O'Brien")."""
    if INITIALS_RE.fullmatch(word):
        return True
    parts = word.replace("’", "'").replace("'", "-").split("-")
    return all(part[:1].isupper() and part[1:].isalpha() and part[1:].islower() for part in parts if part)
