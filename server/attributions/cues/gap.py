"""Reports whose clause lost its subject to a relative clause ('the choices he says are facing Britain', 'the attacks,
which Israeli figures say killed 1,200', 'the man who they say orchestrated them'): the source and its cue stand
between the antecedent and the reported clause's verb, and the content is that verb's predicate."""

from __future__ import annotations

import logging

from ..content import trim_forward
from ..lexicon import DETERMINERS, SUBJECT_PRONOUNS
from ..patterns import CLAUSE_VERB_RE, CUE_RE, GAP_CLAUSE_END_RE, NEXT_WORD_RE, WORD_RE
from ..structure import RawAttribution, Sentence, Span
from ..vocabulary import IRREGULAR_PAST_FORMS
from .record import record_unless_empty

log = logging.getLogger(__name__)

# Most words of a noun phrase source between a relative word and the cue ("which Israeli figures say").
MAX_GAP_SOURCE_WORDS = 3
# How far before the cue the source and the antecedent are looked for.
GAP_REACH = 80
# Verbs that open the gapped clause right after the cue ("he says are …"); a past opens it only after a relative
# word ("which police say killed …"): without one a word in -ed may open a subject ("Police say armed men …").
AUXILIARIES: frozenset[str] = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
    ]
)
# Relative words whose clause may hold the gap: not "what", whose clause is often the sentence's subject ("What he says
# is true" judges what he says).
GAP_RELATIVES: frozenset[str] = frozenset(["that", "which", "who", "whom"])


def gap_report(sentence: Sentence, cue_start: int, cue_end: int) -> RawAttribution | None:
    """The report of a statement verb standing in a relative clause whose gap is its reported clause's subject."""
    text = sentence.text
    verb = NEXT_WORD_RE.match(text, cue_end, sentence.end)
    if verb is None:
        return None
    word = verb.group(1)
    auxiliary = word in AUXILIARIES
    if not (auxiliary or word.endswith("ed") or word in IRREGULAR_PAST_FORMS):
        return None
    found = _gap_source(text, sentence.start, cue_start, auxiliary)
    if found is None:
        return None
    source, antecedent_start = found
    forced = text[antecedent_start:cue_start].split()[0].lower() == "who"  # "who" is no object of "say"
    if not (forced or _main_clause_before(text, sentence.start, antecedent_start)):
        return None
    end = GAP_CLAUSE_END_RE.search(text, verb.start(1), sentence.end)
    content = trim_forward(text, sentence.quotes, verb.start(1), end.start() if end else sentence.end)
    raw = record_unless_empty(sentence, source, cue_start, cue_end, content)
    if raw is not None:
        raw.in_relative_clause = True
    return raw


def _gap_source(text: str, sentence_start: int, cue_start: int, auxiliary: bool) -> tuple[Span, int] | None:
    """The cue's source and where its antecedent or relative word starts: a pronoun after a relative word, or after a
    noun when an auxiliary follows the cue ("the choices he says are …"); or a short noun phrase after a relative word
    ("which the EU says is needed")."""
    window_start = max(sentence_start, cue_start - GAP_REACH)
    tokens = [(word.start(), word.group()) for word in WORD_RE.finditer(text, window_start, cue_start)]
    if len(tokens) < 2:
        return None
    last_start, last = tokens[-1]
    source_end = last_start + len(last)
    if last.lower() in SUBJECT_PRONOUNS - {"you"}:  # "the things you say are …" is anyone's
        previous_start, previous = tokens[-2]
        if previous.lower() in GAP_RELATIVES:
            return (last_start, source_end), previous_start
        if auxiliary and previous.isalpha() and previous.islower():
            return (last_start, source_end), previous_start  # "the choices he says are …": no relative word
        return None
    for count in range(1, min(MAX_GAP_SOURCE_WORDS, len(tokens) - 1) + 1):
        phrase = [word for _, word in tokens[-count:]]
        if not all(word.isalpha() for word in phrase):
            return None
        relative_start, relative = tokens[-count - 1]
        if relative.lower() in GAP_RELATIVES:
            if not (phrase[0].lower() in DETERMINERS or phrase[0][0].isupper() or count > 1):
                return None  # "which police say killed": one common noun is too little to tell a subject
            return (tokens[-count][0], source_end), relative_start
    return None


def _main_clause_before(text: str, sentence_start: int, antecedent_start: int) -> bool:
    """The clause around the antecedent has its verb before it ("He set out the choices he says are …"), so the verb
    after the cue is the gap's: no subject's relative clause ("The things he says are wrong" judges them)."""
    prefix = text[sentence_start:antecedent_start].split()
    while prefix and prefix[-1].lower().rstrip(",") in DETERMINERS:
        prefix.pop()  # the antecedent's determiner
    if prefix and prefix[-1].endswith(","):
        return True  # ", which the EU says is needed": set off after the clause that holds it
    if len(prefix) > 1 and prefix[0].lower() in SUBJECT_PRONOUNS:
        return True  # "He set out the choices …"
    clause = " ".join(prefix[:-1])  # the antecedent's own head left out ("the things")
    return CLAUSE_VERB_RE.search(clause) is not None or CUE_RE.search(clause) is not None
