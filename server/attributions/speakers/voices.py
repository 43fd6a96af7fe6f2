"""First-person voices an article names outside any quotation: an interview's ("Q: … A: I think …", "Mr Malone: We
found …", "The Economist: You argue …") and a signed piece's author ("Shelia R. Cotten, Clemson University" above
"Some of my research has shown"; "I'm your host Dr. Michael Greger"). Their "I", "we", "my research" (and, in an
interviewer's question, "you") are the person the text names, where the story alone leaves them unnamed."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import pairwise

from ..lexicon import NAME_PARTICLES, TITLE_WORDS
from ..names import INITIALS_RE, LowerCaseUse, full_names, looks_person, name_core, same_name, word_occurrences
from ..patterns import NAME_MENTION_RE
from ..structure import RawAttribution, Span
from .constants import (
    AUTHOR_PARAGRAPHS,
    BYLINE_OPENERS,
    INTERVIEW_MIN_TURNS,
    INTRODUCTION_DETERMINERS,
    MAX_BYLINE,
    MAX_LABEL,
    MAX_LABEL_WORDS,
    PLURAL_FIRST_PERSON,
    QUESTION_LABELS,
    SELF_INTRODUCTIONS,
    SINGULAR_FIRST_PERSON,
)
from .story import Story


def first_person_voices(
    text: str, raws: list[RawAttribution], speakers: list[str | None], story: Story, paragraph_spans: list[Span]
) -> None:
    """Name the unresolved first persons (and an interviewer's "you") of an interview or a signed piece, in place."""
    wanted = [
        index
        for index, raw in enumerate(raws)
        if speakers[index] is None and raw.source is not None and _voice(text[raw.source[0] : raw.source[1]])
    ]
    if not wanted:
        return
    interview = _Interview.read(text, raws, speakers, story, paragraph_spans)
    authors = _Authors(text, paragraph_spans, story.common) if interview is None else None
    for index in wanted:
        raw = raws[index]
        assert raw.source is not None
        if _inside_quotation(text, raw.source[0], paragraph_spans):
            continue  # a quotation's "I" is its speaker's (resolve's _first_person_in_quotes), not the writer's
        voice = _voice(text[raw.source[0] : raw.source[1]])
        if interview is not None:
            speakers[index] = interview.voice_at(raw.source[0], voice)
        elif voice == "singular" and authors is not None:
            speakers[index] = authors.at(raw.source[0])


def _voice(source: str) -> str | None:
    """ "singular" for I, me, "my research"; "plural" for we, "our data"; "you" for you; None for any other source."""
    words = source.lower().split()
    if not words or len(words) > MAX_LABEL_WORDS + 1:
        return None
    if any(word[:1].isupper() for word in source.split()[1:]):
        return None  # "My Verdict", "Our Take": a heading's words, no one speaking
    if source in ("I", "me") or any(word in SINGULAR_FIRST_PERSON for word in words):
        return "singular"
    if words in (["we"], ["us"]) or any(word in PLURAL_FIRST_PERSON for word in words):
        return "plural"
    return "you" if words == ["you"] else None


def _inside_quotation(text: str, pos: int, paragraph_spans: list[Span]) -> bool:
    """pos stands inside a quotation its paragraph opened before it (curly marks, or an odd count of straight ones)."""
    at = bisect_right(paragraph_spans, pos, key=lambda span: span[0]) - 1
    before = text[paragraph_spans[at][0] if at >= 0 else 0 : pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _label(paragraph: str) -> str | None:
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

    def __init__(self, turns: list[tuple[int, str]], answerer: str, answer_party: str) -> None:
        self.turns = turns
        self.answerer = answerer
        self.answer_party = answer_party

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
        turns = [(start, _party(label)) for start, end in paragraph_spans if (label := _label(text[start:end]))]
        counts = Counter(party for _, party in turns)
        parties = [party for party, count in counts.items() if count >= INTERVIEW_MIN_TURNS]
        changes = sum(1 for (_, one), (_, other) in pairwise(turns) if one != other)
        if len(parties) != 2 or changes < 2 * INTERVIEW_MIN_TURNS - 1:
            return None
        turns = [(start, party) for start, party in turns if party in parties]
        if set(parties) <= QUESTION_LABELS | {"a"} and "a" in parties:
            answerer = _introduced_person(text[: turns[0][0]])
            return cls(turns, answerer, "a") if answerer is not None else None
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

    def voice_at(self, pos: int, voice: str) -> str | None:
        """Who a first person (or "you") at pos is: the answerer in an answer's turn, and "you" in a question's."""
        party = next((party for start, party in reversed(self.turns) if start <= pos), None)
        if party is None:
            return None  # the introduction, before the first turn
        answering = party == self.answer_party
        return self.answerer if answering == (voice != "you") else None


def _labels_name(text: str, paragraph_spans: list[Span], starts: set[int], story: Story) -> str | None:
    """The person a party's labels name ("Jo-Ann de Vos:", "Mr de Vos:"), when no attribution gives it: the longest
    form of the name the text gives ("Jo-Ann W. de Vos"); None if the labels name no person."""
    cores = [
        name_core(label)
        for start, end in paragraph_spans
        if start in starts and (label := _label(text[start:end])) is not None
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
    """The person an interview's introduction names most (by surname), in the longest form it gives; None on a tie."""
    forms: dict[str, str] = {}
    for mention in NAME_MENTION_RE.finditer(introduction):
        core = name_core(mention.group())
        if len(core.split()) >= 2 and looks_person(core) and len(core) > len(forms.get(core.split()[-1], "")):
            forms[core.split()[-1]] = core
    counts = Counter({surname: len(word_occurrences(introduction, {surname})) for surname in forms})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return forms[ranked[0][0]]


class _Authors:
    """The authors a signed piece names, read once: its labelled bylines ("Analysis: Jon Sopel, BBC News, Washington",
    "By Jane Doe"), else a byline paragraph at its start or end ("Shelia R. Cotten, Clemson University": a name and
    its place), else a self-introduction ("I'm your host Dr. Michael Greger"); never words the text also writes in
    lower case ("Simple Summer Porch Refresh", "I'm Worth It")."""

    def __init__(self, text: str, paragraph_spans: list[Span], common: LowerCaseUse) -> None:
        self.labelled = [
            (start, named)
            for start, end in paragraph_spans
            if end - start <= MAX_BYLINE + 2 and (named := _byline(text[start:end], common, labelled_only=True))
        ]
        self.signed = next(
            (
                named
                for start, end in [*paragraph_spans[:AUTHOR_PARAGRAPHS], *paragraph_spans[-AUTHOR_PARAGRAPHS:]]
                if (named := _byline(text[start:end], common, labelled_only=False)) is not None
            ),
            None,
        ) or _self_introduced(text, paragraph_spans, common)

    def at(self, pos: int) -> str | None:
        """The author of the words at pos: the last labelled byline before them, else the piece's signature."""
        at = bisect_left(self.labelled, pos, key=lambda byline: byline[0]) - 1
        return self.labelled[at][1] if at >= 0 else self.signed


def _self_introduced(text: str, paragraph_spans: list[Span], common: LowerCaseUse) -> str | None:
    """The name the writer introduces themself by, outside any quotation ("I'm your host Dr. Michael Greger")."""
    for opening in SELF_INTRODUCTIONS:
        at = text.find(opening)
        if at >= 0 and not _inside_quotation(text, at, paragraph_spans):
            named = _introduced_name(text[at + len(opening) : at + len(opening) + MAX_BYLINE].split("\n")[0].split())
            if named is not None and _person_name(named, common):
                return named
    return None


def _byline(paragraph: str, common: LowerCaseUse, labelled_only: bool) -> str | None:
    """The name a byline paragraph gives: "By Jane Doe", "Analysis: Jon Sopel, BBC News", or (not labelled_only) a
    name and its place ("Shelia R. Cotten, Clemson University")."""
    line = paragraph.strip()
    if len(line) > MAX_BYLINE:
        return None
    label = _label(line)
    if label is not None and len(label.split()) == 1:
        line = line[len(label) + 1 :].strip()  # "Analysis: Jon Sopel, …"
    name, comma, place = line.partition(",")
    words = name.split()
    signed = label is not None and len(label.split()) == 1 and bool(comma)
    while words and words[0].lower() in BYLINE_OPENERS:
        words = words[1:]  # "By Jane Doe", "Written by Jane Doe"
        signed = True
    named = " ".join(words)
    placed = bool(comma) and place.strip()[:1].isupper()
    if (signed or (placed and not labelled_only)) and _person_name(named, common):
        return named
    return None


def _introduced_name(words: list[str]) -> str | None:
    """The name a self-introduction gives after a few lower-case words ("your host Dr. Michael Greger."): a person's
    first and last names at least, titles stripped."""
    at = 0
    if words[:1] and words[0] in INTRODUCTION_DETERMINERS and words[1:2] and words[1].islower():
        at = 2  # "your host", "the founder"
    name: list[str] = []
    for word in words[at : at + MAX_LABEL_WORDS + 1]:
        bare = word.rstrip(".,;:!?")
        if not bare[:1].isupper() and (bare not in NAME_PARTICLES or not name or bare != word):
            break  # "Michael van Ek": a particle inside the name goes on
        name.append(bare)
        if bare != word and bare.lower() not in TITLE_WORDS and len(bare) > 1:
            break  # the name ends at its mark; "Dr." and an initial go on
    return name_core(" ".join(name)) if name else None


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
