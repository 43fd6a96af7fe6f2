"""Beliefs and intentions ("Detectives believe this appears to be …", "Microsoft plans to become …"): the blind
set's kind "belief" (GUIDELINES.md §1). Found apart from speech, never key, never in the panel nor highlighted:
a reader asks who said what, not who thinks what."""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right

from ..limits import Deadline
from .content import trim_content
from .cues.constructions import passive_agent
from .lexicon import (
    BELIEF_FORMS,
    DETERMINERS,
    INTENTION_VERBS,
    JUDGEMENT_VERBS,
    OPINION_VERBS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    THAT_ONLY_BELIEF_VERBS,
    WONDER_OPENERS,
    words,
)
from .patterns import (
    BELIEF_COMPLEMENT_RE,
    DEFINITION_RE,
    NEGATION_BEFORE_RE,
    NOT_FINITE_RE,
    PASSIVE_AUX_RE,
    SUBORDINATE_BEFORE_RE,
    THAT_CLAUSE_RE,
    TRAILER_RE,
    VERB_INFINITIVE_RE,
)
from .sources import source_before
from .structure import QuoteIndex, RawAttribution, Span, sentences, skip_spaces

log = logging.getLogger(__name__)

# Fewest words in a belief's content ("he thinks so" is none).
MIN_BELIEF_WORDS = 3
# Sources that hold no belief of their own: the reader addressed ("if you want to …"), anyone.
GENERIC_BELIEVERS: frozenset[str] = frozenset(["you", "everyone", "anyone", "nobody", "one"])
# Words that open a clause as its subject ("know there is", "believe they possess").
CLAUSE_SUBJECTS: frozenset[str] = PRONOUNS | frozenset(["there", "i", "this", "these", "those"])
# Words after an opinion verb that open no clause ("think of", "thought so", "hope for").
NOT_BELIEF_OPENERS: frozenset[str] = frozenset(
    words("of about so for back up out over ahead through twice again otherwise nothing anything something much")
    + words("more less too in on at with from it's")
)
# The endings of the belief verbs' past participles ("expected", "thought", "known", "felt", "understood").
BELIEF_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ed", "ought", "own", "elt", "ood")
# Characters before a participle looked at for its passive auxiliary and adverbs ("is widely believed").
PASSIVE_REACH = 30
# Participles that hold a belief only in a passive ("is known to …"): "has known", "well known", "had they known" state
# none.
PASSIVE_ONLY_BELIEF_FORMS: frozenset[str] = frozenset(["known"]) | frozenset(
    form for form, base in BELIEF_FORMS.items() if base in JUDGEMENT_VERBS
)
# First words after a passive belief's participle: its infinitive, its that-clause, or "by" and its holder.
PASSIVE_OPENERS: frozenset[str] = frozenset(["to", "that", "by"])
# Most beliefs looked at in one text (the pass stays bounded on pathological input).
MAX_BELIEFS = 2000


def belief_attributions(
    text: str,
    quotes: QuoteIndex,
    paragraph_spans: list[Span],
    speech: list[RawAttribution],
    deadline: Deadline,
    sentence_cache: dict[int, list[Span]],
    belief_spans: list[Span],
) -> list[RawAttribution]:
    """A believing or intending verb with its subject before it and a clause or an infinitive after it, outside any
    speech cue. Inside a quotation or a statement too ('"I think it works," she said': the quoted speaker's belief).
    sentence_cache holds the sentences of the paragraphs split so far (by paragraph index), and gets the others;
    belief_spans: the belief verbs verb_scan(text) found."""
    taken = sorted(raw.cue for raw in speech)  # a belief verb inside a speech cue is part of it
    # where each speech attribution's source or cue starts: a belief's content ends before one after a comma
    speech_starts = sorted(min(raw.cue[0], raw.source[0] if raw.source else raw.cue[0]) for raw in speech)
    taken_starts = [start for start, _ in taken]
    paragraph_starts = [start for start, _ in paragraph_spans]
    found: list[RawAttribution] = []
    verbs = belief_spans
    for count, (cue_start, cue_end) in enumerate(verbs[:MAX_BELIEFS]):
        if count % 64 == 0:
            deadline.check()
        verb = text[cue_start:cue_end]
        if _inside(taken, taken_starts, cue_start):
            continue
        paragraph = bisect_right(paragraph_starts, cue_start) - 1
        if paragraph < 0 or cue_start >= paragraph_spans[paragraph][1]:
            continue
        complement = BELIEF_COMPLEMENT_RE.match(text, cue_end, paragraph_spans[paragraph][1])
        if complement is None:
            continue
        opener = complement.group("opener")
        fits = verb not in PASSIVE_ONLY_BELIEF_FORMS and _complement_fits(BELIEF_FORMS[verb], opener)
        if not fits and not (
            _participle(verb)
            and _passive_opener(BELIEF_FORMS[verb], opener)
            # its auxiliary looked for before the paragraph is split ("also known as" has none)
            and PASSIVE_AUX_RE.search(text, max(paragraph_spans[paragraph][0], cue_start - PASSIVE_REACH), cue_start)
        ):
            continue
        if paragraph not in sentence_cache:
            sentence_cache[paragraph] = sentences(text, *paragraph_spans[paragraph], quotes.inside)
        spans = sentence_cache[paragraph]
        index = bisect_right(spans, (cue_start, len(text) + 1)) - 1
        if index < 0:
            continue
        sentence_start, sentence_end = spans[index]
        passive = _passive_belief(text, sentence_start, sentence_end, cue_start, cue_end, verb)
        if passive is not None:
            content = _end_before_trailer(text, passive[2], speech_starts)
            if len(text[content[0] : content[1]].split()) >= MIN_BELIEF_WORDS:
                found.append(RawAttribution(passive[0], passive[1], content, "belief", paragraph))
            continue
        if not fits:
            continue
        if NOT_FINITE_RE.search(text, max(sentence_start, cue_start - 12), cue_start) or NEGATION_BEFORE_RE.search(
            text, max(sentence_start, cue_start - 16), cue_start
        ):
            continue  # "to think", "was planned", "doesn't want": no belief is held here
        source = source_before(text, sentence_start, cue_start)
        if source is None or text[source[0] : source[1]].lower() in GENERIC_BELIEVERS:
            continue
        if verb == BELIEF_FORMS[verb] and _noun_before(text[source[0] : source[1]]):
            continue  # "Another plan to …", "Putin’s plan to …": the base form is a noun
        if SUBORDINATE_BEFORE_RE.search(text, max(sentence_start, source[0] - 12), source[0]):
            continue  # "if you want to …", "what we want to ask": a condition or an object, not a belief held
        content_start = complement.start("content")
        if complement.group("opener") == "that":
            content_start = complement.end("content")
        quote = quotes.find(cue_start)
        content_end = min(sentence_end, quote[1] - 1) if quote else sentence_end  # a quoted belief ends with its quote
        content = trim_content(text, quotes, content_start, content_end)
        if quote:  # not the closing mark either, nor the punctuation inside it
            end = min(content[1], quote[1] - 1)
            while end > content[0] and text[end - 1] in ",.;:!?":
                end -= 1
            content = (content[0], end)
        content = _end_before_trailer(text, content, speech_starts)
        if len(text[content[0] : content[1]].split()) < MIN_BELIEF_WORDS:
            continue
        found.append(RawAttribution(source, (cue_start, cue_end), content, "belief", paragraph))
    return found


def _end_before_trailer(text: str, content: Span, speech_starts: list[int]) -> Span:
    """A belief's content up to a trailing report ('He is thought to have left in March, police said.'): a trailer
    (", adding …", ", according to …") or a speech attribution's source or cue right after a comma or "and"."""
    start, end = content
    trailer = TRAILER_RE.search(text, start, end)
    if trailer is not None:
        end = trailer.start()
    for speech_start in speech_starts[bisect_right(speech_starts, start) : bisect_left(speech_starts, end)]:
        before = text[start:speech_start].rstrip()
        if before.endswith(","):
            end = start + len(before) - 1
            break
        if before.endswith(" and"):
            end = start + len(before) - len(" and")  # "wants to be first and some analysts predict …": a new report
            break
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _passive_belief(
    text: str, sentence_start: int, sentence_end: int, cue_start: int, cue_end: int, verb: str
) -> tuple[Span | None, Span, Span] | None:
    """'The deal is expected to close …', 'It is understood that …', 'is widely believed by economists to …': a belief
    verb's participle in a raising passive, with an infinitive or a that-clause, holds a belief whose holder goes
    unnamed (or is named after "by"); the source, the cue (from the auxiliary) and the content. A negated passive
    ("is not expected to") has no auxiliary right before the participle, and holds none."""
    if not _participle(verb):
        return None
    window = max(sentence_start, cue_start - PASSIVE_REACH)
    auxiliary = PASSIVE_AUX_RE.search(text, window, cue_start)
    if auxiliary is None or (
        text.startswith("be", auxiliary.start()) and not text.startswith("been", auxiliary.start())
    ):
        return None  # "could be considered", "should be seen as": after a modal or "to", no belief is held yet
    agent = passive_agent(text, cue_end, sentence_end)
    if agent is None:
        return None
    source, pos = agent
    start = skip_spaces(text, pos, sentence_end)
    that = THAT_CLAUSE_RE.match(text, start, sentence_end)
    following = BELIEF_COMPLEMENT_RE.match(text, pos, sentence_end)
    base = BELIEF_FORMS[verb]
    infinitive = VERB_INFINITIVE_RE.match(text, start, sentence_end)
    if infinitive is not None and (
        base in PURPOSE_PASSIVE_VERBS or (base in JUDGEMENT_VERBS and DEFINITION_RE.match(text, start, sentence_end))
    ):
        return None  # "is intended to protect …" is a purpose; "is considered to be 5 ounces" a definition
    if that is not None:
        if base in ADJECTIVAL_BELIEF_VERBS and source is None:
            source = source_before(text, sentence_start, auxiliary.start())  # "Residents are worried that …"
        start = that.end()
    elif infinitive is None and not (
        following is not None
        and following.group("opener") not in PASSIVE_OPENERS
        and _passive_opener(BELIEF_FORMS[verb], following.group("opener"))
    ):
        return None  # "was expected", "is known for …", "was seen leaving": no proposition held
    content = trim_content(text, QuoteIndex([]), start, sentence_end)
    if len(text[content[0] : content[1]].split()) < MIN_BELIEF_WORDS:
        return None
    return source, (auxiliary.start(), cue_end), content


# Intentions whose passive with an infinitive is a purpose or a schedule, no one's belief ("is intended to protect",
# "was planned to open").
PURPOSE_PASSIVE_VERBS: frozenset[str] = frozenset(INTENTION_VERBS) - frozenset(["expect", "hope"])
# Feelings whose participle is an adjective: its subject holds the belief ("Residents are worried that …").
ADJECTIVAL_BELIEF_VERBS: frozenset[str] = frozenset(["worry"])


def _passive_opener(base: str, opener: str) -> bool:
    """A passive belief's first word after its participle: an infinitive's "to", "that" or "by" for any, and "as" for
    a judgement ("is seen as …")."""
    lowered = opener.lower()
    return lowered in PASSIVE_OPENERS or (lowered == "as" and base in JUDGEMENT_VERBS)


def _participle(verb: str) -> bool:
    """A belief verb's past participle ("expected", "thought"); a base or present form ("expect", "hopes") is never
    passive."""
    return verb != BELIEF_FORMS[verb] and verb.endswith(BELIEF_PARTICIPLE_ENDINGS)


def _complement_fits(base: str, opener: str) -> bool:
    """A that-clause fits every belief; an infinitive an intention; a clause's subject an opinion or knowing ("believe
    they possess", "know there is"); any word but a preposition or an adverb an opinion or a hope ("hope multivitamins
    will …"); an object an intention ("wants the plants to")."""
    lowered = opener.lower()
    if base == "wonder":
        return lowered in WONDER_OPENERS
    if lowered == "that":
        return True
    if lowered == "to":
        return base in INTENTION_VERBS
    subject = lowered in CLAUSE_SUBJECTS or opener[:1].isupper()
    if base in THAT_ONLY_BELIEF_VERBS:
        return subject and lowered not in ("it", "this", "that")
    if base in OPINION_VERBS or base in ("hope", "expect"):
        return lowered not in NOT_BELIEF_OPENERS and not lowered.endswith("ly")
    return subject or lowered in DETERMINERS


def _noun_before(source: str) -> bool:
    """A source that makes a base form a noun: a possessive or a lone determiner ("Another plan", "Putin’s plan")."""
    words = source.split()
    if not words:
        return False
    last = words[-1].lower()
    return last.endswith(POSSESSIVE_ENDINGS) or last in DETERMINERS or last == "another"


def _inside(spans: list[Span], starts: list[int], pos: int) -> bool:
    """pos inside one of the sorted spans (they may nest: a cue inside a content's hull)."""
    i = bisect_right(starts, pos) - 1
    while i >= 0 and i >= bisect_right(starts, pos) - 8:
        if spans[i][0] <= pos < spans[i][1]:
            return True
        i -= 1
    return False
