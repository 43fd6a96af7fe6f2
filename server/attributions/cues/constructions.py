"""Cues that report only in a construction: naming and evaluation verbs ('called X "Y"', 'accused X of Y'),
participles ('…, noting that …') and agentless passives ('we are told that …')."""

from __future__ import annotations

import logging
import re
from itertools import islice

from ..content import finite_clause_follows, forward_content, fronted_clause, reports_a_clause, trim_forward
from ..lexicon import (
    DETERMINERS,
    MONTHS,
    OBJECT_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    PRE_CUE_TIME_ENDS,
    QUOTE_MODIFIER_DETERMINERS,
    REASON_NOUNS,
    SOURCE_NOUNS,
    SUBJECT_PRONOUNS,
    THAT_TIME_NOUNS,
)
from ..patterns import (
    ABSOLUTE_WITH_RE,
    ALNUM_RUN_RE,
    AND_BEFORE_RE,
    AUTHORING_BASE_RE,
    AUTHORING_VERB_RE,
    BY_AGENT_RE,
    BY_BEFORE_RE,
    BY_WORD_RE,
    CALL_FOR_RE,
    CALL_ON_RE,
    CAUSED_SPEAKER_RE,
    CLAUSE_JOIN_RE,
    EXISTENTIAL_RE,
    INFINITIVE_RE,
    LABEL_END_RE,
    NAME_OBJECT_THEN_QUOTE_RE,
    NOT_NAME_OBJECT_RE,
    OBJECT_THEN_GROUNDS_RE,
    OBJECT_THEN_QUOTE_RE,
    OPENING_MARK_RE,
    OPENING_MARKS,
    PARTICIPLE_LEAD_RE,
    QUOTED_AS_RE,
    REFER_AS_THEN_QUOTE_RE,
    THAT_CLAUSE_RE,
    VERB_INFINITIVE_RE,
    WHAT_BEFORE_RE,
)
from ..sources import clause_subject, source_after, source_before
from ..structure import RawAttribution, Sentence, Span, skip_spaces
from ..vocabulary import (
    AUTHORING_BASES,
    CALL_FORMS,
    CONSTRUCTION_FORMS,
    DIRECTIVE_FORMS,
    DOCUMENT_AUTHORING_BASES,
    DOCUMENT_AUTHORING_FORMS,
    DOCUMENT_NOUNS,
    EVALUATION_GROUNDS,
    EVALUATION_PASSIVES,
    EVALUATION_VERBS,
    FINDING_PARTICIPLES,
    IRREGULAR_PAST_FORMS,
    MEANS_PARTICIPLES,
    MESSAGE_NOUNS,
    NAMING_FORMS,
    NAMING_PARTICIPLES,
    OWN_DOCUMENT_HEADS,
    PARTICIPLE_CUES,
    PLAIN_SPEECH_PARTICIPLES,
    RAISING_PASSIVE_FORMS,
    REFER_FORMS,
    SPEECH_PARTICIPLES,
    THAT_ONLY_RAISING_FORMS,
    VOW_CUES,
    finite_forms,
    words,
)
from .nested import quoted_sentence
from .record import Found, record_unless_empty
from .scan import cue_extent

log = logging.getLogger(__name__)

# Characters at the start of a cited object read for a source or document noun.
CITED_SOURCE_CHARS = 40
# How far before a participle "quoted X as" is looked for (six words of a name and the verb).
QUOTED_AS_REACH = 80
# Forms of "be": before "by" and a participle they describe a means ("is by explaining"), no report.
COPULAS: frozenset[str] = frozenset(words("is are was were be been being am s"))
# Words that end a cited object's head ("concerns over safety", "weak demand in China").
CITED_PREPOSITIONS: frozenset[str] = frozenset(words("over about of in from for at on with among to by and"))
# Characters before a message in which the verb that makes the clause's subject its author is looked for.
AUTHORING_REACH = 24
# What opens a passive evaluation's grounds ("blamed for …", "accused of …", "hailed as …").
EVALUATION_GROUND_OPENERS: tuple[str, ...] = ("of ", "for ", "as ", "over ")
# Words after the opener read for a time noun: "over the weekend", "for the second time", "for decades" say when.
EVALUATION_TIME_WORDS = 3
EVALUATION_TIME_NOUNS: frozenset[str] = frozenset(THAT_TIME_NOUNS) | frozenset(["decade", "hour", "century"])
# Most words of an evaluation's object before its grounds ("accused the party of claiming …").
ACCUSED_OBJECT_WORDS = 5
# An evaluation's finite forms and past participle ("accused", "criticises", "has criticised").
EVALUATION_FINITE_FORMS: frozenset[str] = frozenset(finite_forms(EVALUATION_VERBS))
# Characters before a participle in which the "with" of an absolute construction is looked for.
ABSOLUTE_REACH = 120
# A comma-less participle after its clause ("wrote to the council saying …"): the characters read back for the
# preposition that governs the phrase before it (never "for": "outed him for claiming …" gives grounds) ...
OBJECT_PREPOSITIONS: frozenset[str] = frozenset(
    words("to at in on into over about against after before during across under")
)
UNLED_REACH = 80
# ... and where that walk stops: an agent's or a source's phrase, a clause of its own (a subordinator, a pronoun).
UNLED_STOPS: frozenset[str] = SUBJECT_PRONOUNS | frozenset(
    words("by from with for that who which and or but than because when if as while since although though unless until")
)
NEGATIONS: frozenset[str] = frozenset(["not", "never"])  # "I'm not saying …": no report
# Times that end a clause before a comma-less participle ("quit last autumn claiming …").
UNLED_TIME_ENDS: frozenset[str] = frozenset(
    word.lower() for word in (*PRE_CUE_TIME_ENDS, "ago", "spring", "summer", "autumn", "winter")
)
# How far after "as" the quotation it gives may open ("as a “disgrace”", "as an “undesirable” group").
LABEL_QUOTE_REACH = 16
# Words of a "by" phrase that dates the labelling rather than names who labelled ('by Friday', 'by the end of May').
AGENT_TIME_WORDS: frozenset[str] = frozenset(THAT_TIME_NOUNS) | frozenset(m.lower() for m in MONTHS) | {"end", "now"}


def object_construction(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, verb: str
) -> RawAttribution | None:
    """'X called on Y to …', 'X called for …', 'X called Y "Z"', 'X dubbed Y "Z"', 'X accused Y of …': a naming or
    evaluation verb reports only in these constructions; the content is the request, or the object with its label or
    grounds."""
    text, end = sentence.text, sentence.end
    if text[cue_start - 1 : cue_start] == "-":
        return None  # "so-called"
    if verb in CALL_FORMS:
        addressee = CALL_ON_RE.match(text, cue_end, end)
        if addressee:
            content = trim_forward(text, sentence.quotes, addressee.end(), end)
            return record_unless_empty(sentence, source, cue_start, addressee.end() - 1, content)
        particle = CALL_FOR_RE.match(text, cue_end, end)
        if particle:
            content = trim_forward(text, sentence.quotes, particle.end(), end)
            return record_unless_empty(sentence, source, cue_start, particle.end(), content)
    if verb in NAMING_FORMS and NOT_NAME_OBJECT_RE.match(text, cue_end, end):
        return None  # "search terms like “exercise”", "the terms of …": the -s form is a noun
    if verb in CALL_FORMS or verb in NAMING_FORMS:
        fronted = (
            None if verb in REFER_FORMS else WHAT_BEFORE_RE.search(text, max(sentence.start, source[0] - 8), source[0])
        )
        if fronted:
            return _what_is_called(sentence, source, cue_start, cue_end, fronted.group("what") is not None)
        labelled = (
            _name_end(sentence, cue_end, verb)
            if verb in NAMING_FORMS
            else OBJECT_THEN_QUOTE_RE.match(text, cue_end, end)
        )
    else:
        labelled = OBJECT_THEN_QUOTE_RE.match(text, cue_end, end) or OBJECT_THEN_GROUNDS_RE.match(text, cue_end, end)
    if not labelled:
        return None
    # 'dubbed them “Picasso tadpoles,” and they …': a name ends the report with its quotation
    name_end = _name_end(sentence, cue_end, verb) if verb in NAMING_FORMS else None
    content = trim_forward(text, sentence.quotes, skip_spaces(text, cue_end, end), name_end or end)
    return record_unless_empty(sentence, source, cue_start, cue_end, content)


def _name_end(sentence: Sentence, pos: int, verb: str) -> int | None:
    """Where the quoted name after a naming verb ends ('dubbed it “the Beast”', 'was nicknamed “X”'), a short object
    before it ("refer": "to X as"); None when no quotation follows so."""
    text, end = sentence.text, sentence.end
    start = skip_spaces(text, pos, end)
    if verb in REFER_FORMS or text[start : start + 1] not in ('"', "“", "«"):
        pattern = REFER_AS_THEN_QUOTE_RE if verb in REFER_FORMS else NAME_OBJECT_THEN_QUOTE_RE
        labelled = pattern.match(text, pos, end)
        if labelled is None:
            return None
        start = labelled.end() - 1
    name = sentence.quotes.starting_at(start)
    return name[1] if name is not None else None


def _what_is_called(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, unquoted: bool
) -> RawAttribution | None:
    """'what statisticians call the standard error', 'which he calls “superminds”': the object is fronted, so the name
    right after the cue is what the source calls it (a quotation, or when unquoted is allowed the words up to a
    break in the sentence)."""
    text, end = sentence.text, sentence.end
    start = skip_spaces(text, cue_end, end)
    quote = sentence.quotes.starting_at(start)
    if quote is not None:
        return record_unless_empty(sentence, source, cue_start, cue_end, quote)
    if not unquoted:
        return None
    label_end = LABEL_END_RE.search(text, start, end)
    content = trim_forward(text, sentence.quotes, start, label_end.start() if label_end else end)
    return record_unless_empty(sentence, source, cue_start, cue_end, content)


def participle(sentence: Sentence, cue: re.Match, found: Found) -> RawAttribution | None:
    """'…, noting that …', '… while claiming …', '… by branding X "Y"': the source is the clause's subject (an earlier
    source in the sentence); 'with 74% of them saying …': the noun phrase after "with" (an absolute construction)."""
    text, quotes = sentence.text, sentence.quotes
    cue_start = cue.start()
    if quotes.inside(cue_start):
        inner = quoted_sentence(sentence, cue_start)  # a report nested in the quotation, read there
        return participle(inner, cue, found) if inner is not None else None
    if cue.group() in FINDING_PARTICIPLES:
        return _document_finding(sentence, cue, found)
    quoted_as = QUOTED_AS_RE.search(text, max(sentence.start, cue_start - QUOTED_AS_REACH), cue_start)
    lead = PARTICIPLE_LEAD_RE.search(text, max(sentence.start, cue_start - 16), cue_start)
    by_means = (
        lead is None
        and cue.group() in MEANS_PARTICIPLES
        and BY_BEFORE_RE.search(text, max(sentence.start, cue_start - 8), cue_start) is not None
    )
    if quoted_as is not None:
        source: Span | None = quoted_as.span("source")  # "RIA quoted Peskov as saying": Peskov said it
    elif lead or by_means:
        main_start, main_found = sentence.start, found
        fronted = fronted_clause(text, quotes, sentence.start, sentence.end, sentence.nouns)
        if fronted is not None and fronted[0] < cue_start - 1:
            # "When Winfrey asked …, he declined, saying …": the main clause's subject, not a report's in the clause;
            # only a speech participle's ("When your writing is genuine, it creates …, highlighting …" says nothing)
            if cue.group() not in SPEECH_PARTICIPLES | MEANS_PARTICIPLES:
                return None
            main_start, main_found = fronted[0] + 1, [item for item in found if item[0] > fronted[0]]
        source = clause_subject(text, main_start, cue_start, main_found)
    elif AND_BEFORE_RE.search(text, max(sentence.start, cue_start - 8), cue_start):
        source = coordinated_participle_source(text, cue_start, found)
    elif (accused := _accused_object(text, cue_start, found)) is not None:
        source = accused  # "criticised the council for claiming …": the one criticised claimed it
    else:
        source = (
            _absolute_subject(text, sentence.start, cue_start)
            or _message_before(text, sentence.start, cue_start, found)
            or _main_clause_subject(sentence, cue)
        )
    if source is None:
        return None
    if by_means and _copula_before_by(text, source[1], cue_start):
        return None  # "The best way to calm a child is by explaining that …": a means described, no one reporting
    extent = cue_extent(text, cue, sentence.end)
    if extent is None:
        return None  # never: no participle needs a particle
    cue_start, cue_end, verb = extent
    if verb in NAMING_PARTICIPLES:
        # "a new phone, dubbed “X” by fans": a passive, named by its agent or no one, never the clause before it
        return passive_report(sentence, cue_start, cue_end, verb) if lead is not None else None
    if verb in CONSTRUCTION_FORMS:
        return object_construction(sentence, source, cue_start, cue_end, verb)
    # after a comma any speech participle reports a bare clause; after "while" or "with" only the plain ones; after a
    # dash none ("—telling you exactly where …", "—adding up to …" go on the writer's sentence)
    after_comma = lead is not None and lead.group().startswith(",")
    dash = lead is not None and not after_comma and not lead.group()[:1].isalpha()
    weak = dash or verb not in SPEECH_PARTICIPLES or (not after_comma and verb not in PLAIN_SPEECH_PARTICIPLES)
    said = (
        _that_or_colon(text, cue_end, sentence.end)
        or _request_follows(sentence, cue_end, verb)
        # "hit back by saying Tory policy had kept …": a plain speech participle's bare finite clause, no deed
        or (by_means and verb in PLAIN_SPEECH_PARTICIPLES and finite_clause_follows(text, cue_end, sentence.end))
    )
    if by_means and not said:
        return None  # 'Start by saying "come"', 'by announcing "Super Mario Run"': an instruction, a deed
    content = forward_content(text, quotes, cue_end, sentence.end, verb, weak, sentence.nouns)
    if content is None:
        return None
    if by_means and any(raw.content[0] <= content[0] < raw.content[1] for _, raw in found):
        return None  # "responded by saying that …": the verb before "by" reports it already
    if verb == "citing" and not (_that_or_colon(text, cue_end, sentence.end) or _cites_a_reason(text, content)):
        return None  # "…, citing the driver for speeding", "citing undisclosed official sources": no proposition
    quote = quotes.find(content[0])
    if not (quote and quote[0] == content[0] and quote[1] == content[1]):
        content = trim_forward(text, quotes, *content)
    return record_unless_empty(sentence, source, cue_start, cue_end, content)


def _accused_object(text: str, cue_start: int, found: Found) -> Span | None:
    """The object of an evaluation right before its grounds' speech participle ("accused the party of claiming …",
    "criticised the council for saying …"): a noun phrase of a few words, no comma, opening the evaluation's content
    and followed by "of" or "for" alone; that object is the participle's source."""
    for _, raw in reversed(found):
        if not raw.content[0] < cue_start <= raw.content[1] or raw.cue[1] > cue_start:
            continue
        verb = text[raw.cue[0] : raw.cue[1]].split(maxsplit=1)[0].lower()
        if verb not in EVALUATION_FINITE_FORMS:
            return None
        words = text[raw.content[0] : cue_start].split()
        if not 2 <= len(words) <= ACCUSED_OBJECT_WORDS + 1 or words[-1] not in ("of", "for"):
            return None
        if any("," in word or word.lower() in EVALUATION_GROUNDS for word in words[:-1]):
            return None
        return (raw.content[0], raw.content[0] + len(" ".join(words[:-1])))  # the content opens on its first word
    return None


def _document_finding(sentence: Sentence, cue: re.Match, found: Found) -> RawAttribution | None:
    """'papers showing that the answer was yes', 'a memo indicating that the plan had failed': a document right before a
    finding participle is its source; anywhere else the participle is the writer's inference ("Sales rose, showing
    that …")."""
    text, end = sentence.text, sentence.end
    source = source_before(text, sentence.start, cue.start())
    if source is None or text[source[1] : cue.start()].strip():
        return None
    if source[0] == skip_spaces(text, sentence.start, source[0]):
        return None  # "A report showing that sales fell was ignored": the sentence's subject, its clause's end unknown
    words = ALNUM_RUN_RE.findall(text, source[0], source[1])
    if not any(word.lower() in DOCUMENT_NOUNS for word in words):
        return None
    second = skip_spaces(text, source[0] + len(words[0]), source[1])
    if len(words) > 1 and words[0] in AUTHORING_BASES:
        source = (second, source[1])  # "to publish papers showing": the phrase took the infinitive's authoring verb
    authored = _authoring_verb(text, sentence.start, source)
    if authored is not None and _someone_elses(authored, words[-1]):
        return (
            None  # "signed a petition showing …": someone else's document (GUIDELINES §1: the document is the source)
        )
    # a that-clause, "how"/"whether", a quote or a colon only: "projections showing growth from …" show a thing
    content = forward_content(text, sentence.quotes, cue.end(), end, cue.group(), True, sentence.nouns)
    if content is None:
        return None
    return record_unless_empty(sentence, source, cue.start(), cue.end(), trim_forward(text, sentence.quotes, *content))


def _evaluation_grounds(rest: str) -> int | None:
    """Where a passive evaluation's grounds open in what follows it ("of orchestrating …", "for scores of accidents",
    "as a hero"), past a time phrase before them ("over the weekend for his remarks"); None when only a time follows
    ("over the weekend", "for the second time", "for decades"), "over and over" or "as early as". A time noun heads a
    time phrase; one with "of" after it counts the grounds ("for months of delays", "for its hours of footage")."""
    offset = 0
    for _ in range(2):  # the grounds, or a time phrase and the grounds after it
        if not rest.startswith(EVALUATION_GROUND_OPENERS, offset):
            return None
        runs = list(islice(ALNUM_RUN_RE.finditer(rest, offset), EVALUATION_TIME_WORDS + 2))
        following = [run.group().lower() for run in runs[1 : 1 + EVALUATION_TIME_WORDS]]
        if not following or following[0] == "and" or (rest.startswith("as ", offset) and following[1:2] == ["as"]):
            return None
        nouns = [word in EVALUATION_TIME_NOUNS or word[:-1] in EVALUATION_TIME_NOUNS for word in following]
        time = nouns.index(True) if True in nouns else None
        if time is None or (len(runs) > time + 2 and runs[time + 2].group().lower() == "of"):
            return offset
        time_end = runs[time + 1].end()
        offset = len(rest) - len(rest[time_end:].lstrip(" ,"))
    return None


def _inside_grounds(text: str, start: int, by_start: int) -> bool:
    """A "by" belongs to a passive inside the grounds: "being" is in them, or a past participle stands right before it
    ("criticized for being delayed by the council", "criticized as written by lobbyists")."""
    grounds = [word.lower() for word in ALNUM_RUN_RE.findall(text, start, by_start)]
    if "being" in grounds:
        return True
    return bool(grounds) and (grounds[-1].endswith(("ed", "en")) or grounds[-1] in IRREGULAR_PAST_FORMS)


def _copula_before_by(text: str, source_end: int, cue_start: int) -> bool:
    """The verb between a participle's source and its "by" is a copula ("The best way … is by explaining"), not a
    deed of speaking ("ended the meeting by warning", "responded by saying")."""
    return any(word.lower() in COPULAS for word in ALNUM_RUN_RE.findall(text, source_end, cue_start))


def _request_follows(sentence: Sentence, cue_end: int, verb: str) -> bool:
    """A request's or a threat's infinitive right after the participle and its addressee ("responded by threatening to
    remove him", "by asking Trump to confirm …"): what the means said."""
    if verb not in VOW_CUES and verb not in DIRECTIVE_FORMS:
        return False
    text, end = sentence.text, sentence.end
    return INFINITIVE_RE.match(text, skip_spaces(text, cue_end, end), end) is not None


def _that_or_colon(text: str, cue_end: int, end: int) -> bool:
    """A that-clause or a colon right after a participle cue (its addressee aside: "by telling reporters that …")."""
    after = skip_spaces(text, cue_end, end)
    return text.startswith(":", after) or THAT_CLAUSE_RE.match(text, after, end) is not None


def _cites_a_reason(text: str, content: Span) -> bool:
    """A cited object is the reason given for the clause's act (GUIDELINES §1, "citing" and a noun phrase given as
    the reason): a reason noun heads it ("citing concerns over safety", "citing health reasons") or a plain phrase does
    ("citing the strong economic growth"); not a person ticketed ("citing the driver for speeding", "citing 12 for
    driving …"), a name or a source ("citing Goldman Sachs", "citing a report by the BBC": who told, not what), nor
    someone's deed after a possessive ("citing her work on malaria")."""
    cased = ALNUM_RUN_RE.findall(text, content[0], min(content[1], content[0] + CITED_SOURCE_CHARS))
    words = [word.lower() for word in cased]
    head_end = next((i for i, word in enumerate(words) if word in CITED_PREPOSITIONS), len(words))
    phrase = words[:head_end]
    if not phrase or any(word in SOURCE_NOUNS or word in DOCUMENT_NOUNS for word in phrase):
        return False
    if phrase[-1] in REASON_NOUNS:
        return True
    if words[head_end : head_end + 1] == ["for"] or phrase[0] in POSSESSIVE_DETERMINERS:
        return False
    return not any(word[0].isupper() or word[0].isdigit() for word in cased[:head_end])


def _has_participle(text: str, span: Span) -> bool:
    """A word of the cue is a participle cue ("telling his lawyer", "been saying"; not "told Beijing")."""
    return any(word in PARTICIPLE_CUES for word in text[span[0] : span[1]].split())


def coordinated_participle_source(text: str, cue_start: int, found: Found) -> Span | None:
    """'…, branding the letter "misleading" and insisting: "…"': a participle after "and" goes on from the sentence's
    last participle cue before it, and has its source; None when none comes before."""
    # a word of the cue ("telling his lawyer", "been saying": the cue holds its addressee or auxiliary)
    earlier = [raw for cue_at, raw in found if cue_at < cue_start and _has_participle(text, raw.cue)]
    return earlier[-1].source if earlier else None


def _message_before(text: str, sentence_start: int, cue_start: int, found: Found) -> Span | None:
    """Who a participle right after a message reports: the clause's subject when the verb before the message makes it
    its author ("The company issued a statement saying …", "He posted a tweet saying …"), the message after "there is"
    ("There is good research suggesting that …"); None elsewhere."""
    message = source_before(text, sentence_start, cue_start)
    if message is None:
        return None
    words = ALNUM_RUN_RE.findall(text, message[0], message[1])
    if not any(word.lower() in MESSAGE_NOUNS for word in words):
        return None
    authored = _authoring_verb(text, sentence_start, message)
    if authored is not None:
        return (
            None
            if _someone_elses(authored, words[-1])
            else clause_subject(text, sentence_start, authored.start(), found)
        )
    # "There is good research suggesting that …": the message is the clause's subject; anywhere else its phrase may be
    # a subject with its own verb ("the research suggesting harm has seldom been heeded") or an imperative's object
    lead = max(sentence_start, message[0] - AUTHORING_REACH)
    return message if EXISTENTIAL_RE.search(text, lead, message[0]) else None


def _main_clause_subject(sentence: Sentence, cue: re.Match) -> Span | None:
    """The clause's subject for a plain speech participle that ends the clause without a comma ("Lucy wrote to his
    office saying she …", "quit last autumn claiming he …", "was heard saying …"): only after a preposition's object,
    a time or a passive participle (a direct object may say it itself: "met residents saying …", "held banners
    saying …"), and only before a clause, that-clause, colon or quotation ("arguing cases in court": a deed)."""
    text, cue_start = sentence.text, cue.start()
    if cue.group() not in PLAIN_SPEECH_PARTICIPLES:
        return None
    opening = skip_spaces(text, cue.end(), sentence.end)
    if not (
        _that_or_colon(text, cue.end(), sentence.end)
        or text.startswith(OPENING_MARKS, opening)
        or finite_clause_follows(text, cue.end(), sentence.end, sentence.nouns)
    ):
        return None
    matches = list(ALNUM_RUN_RE.finditer(text, max(sentence.start, cue_start - UNLED_REACH), cue_start))
    before = [match.group().lower() for match in matches]
    if not before or before[-1] in MESSAGE_NOUNS or before[-1] in NEGATIONS or before[-1] in DETERMINERS:
        return None  # "a message saying …" speaks itself; "not saying" reports nothing; "the saying that …" is a noun
    if before[-1] in IRREGULAR_PAST_FORMS and len(before) >= 2 and before[-2] in COPULAS:
        return source_before(text, sentence.start, matches[-2].start())  # "Mr Dunn was heard saying …"
    # the sentence's own subject, not an earlier report's inside it ("derided Tory claims they could … saying …")
    subject = clause_subject(text, sentence.start, cue_start, [])
    if subject is None or subject[1] >= cue_start:
        return None
    if before[-1] in UNLED_TIME_ENDS:
        return subject  # "quit last autumn claiming …"
    for at in range(len(before) - 1, -1, -1):
        word = before[at]
        if matches[at].start() < subject[1] or word in UNLED_STOPS or word in MESSAGE_NOUNS:
            return None
        if word in OBJECT_PREPOSITIONS:
            if at == len(before) - 1:
                return None  # "objected to saying …", "in saying so": the participle is the preposition's object
            # "to" governs a phrase only before one's opening word ("wrote to his office", not "agreed to meet voters")
            following = matches[at + 1].group()
            phrase = word != "to" or following[:1].isupper() or following.lower() in QUOTE_MODIFIER_DETERMINERS
            # "an advert in the Times announcing …": the phrase a message's own, the message speaks
            messaged = any(earlier in MESSAGE_NOUNS for earlier in before[max(0, at - 2) : at])
            return subject if phrase and not messaged else None
    return None


def _authoring_verb(text: str, sentence_start: int, message: Span) -> re.Match | None:
    """The verb right before a message or document that makes it someone's ("issued a statement", "posted a tweet",
    "released data", "were first to publish papers")."""
    lead = max(sentence_start, message[0] - AUTHORING_REACH)
    return AUTHORING_VERB_RE.search(text, lead, message[0]) or AUTHORING_BASE_RE.search(text, lead, message[0])


def _someone_elses(authored: re.Match, head: str) -> bool:
    """A document verb before a head not its author's own ("published a letter", "signed a petition"): someone else's
    words."""
    verb = next(word.lower() for word in authored.group().split() if word not in ("to", "out"))
    document_verb = verb in DOCUMENT_AUTHORING_FORMS or verb in DOCUMENT_AUTHORING_BASES
    return document_verb and head.lower() not in OWN_DOCUMENT_HEADS


def _absolute_subject(text: str, sentence_start: int, cue_start: int) -> Span | None:
    """The noun phrase between "with" and the participle ("with 74% of over-65s saying they would"), if that is
    what precedes it."""
    window = max(sentence_start, cue_start - ABSOLUTE_REACH)
    if text.find("with", window, cue_start) < 0 and text.find("With", window, cue_start) < 0:
        return None  # no "with" near: the usual case, without a noun-phrase scan
    source = source_before(text, sentence_start, cue_start)
    if source is None or not ABSOLUTE_WITH_RE.search(text, max(sentence_start, source[0] - 8), source[0]):
        return None
    return source


def passive_agent(text: str, cue_end: int, end: int) -> tuple[Span | None, int] | None:
    """A passive's agent after "by" right after its participle ('was told by police that …') and where the content may
    start: (None, cue_end) without one, None when "by" names no one the finder can read."""
    agent = BY_AGENT_RE.match(text, cue_end, end)
    if not agent:
        return None, cue_end
    source = source_after(text, agent.end(), end, allow_appositive=False)
    return (source, source[1]) if source is not None else None


def _time_agent(text: str, agent: Span) -> bool:
    """A "by" phrase that dates or measures ('by Friday', 'by the end of the week', 'by 2019 standards'): no speaker."""
    agent_words = [word.strip(".,’'s").lower() for word in text[agent[0] : agent[1]].split()]
    return text[agent[0]].isdigit() or any(word in AGENT_TIME_WORDS for word in agent_words)


def _quoted_label(sentence: Sentence, start: int) -> Span | None:
    """The quotation an "as" phrase gives, opening a few words after "as" ('as “heartbreaking”', 'as a “disgrace”')."""
    text = sentence.text
    mark = OPENING_MARK_RE.search(text, start, min(sentence.end, start + LABEL_QUOTE_REACH))
    quote = sentence.quotes.find(mark.start()) if mark else None
    return quote if quote is not None and quote[0] == mark.start() else None


def passive_report(sentence: Sentence, aux_start: int, cue_end: int, verb: str) -> RawAttribution | None:
    """'We are told that …', 'She was asked to …', 'It was described as …': a report whose teller goes unnamed
    (source null), or is named after "by" ('was told by police that …'). The content is a that-clause, a quote, an
    infinitive or an "as" phrase; never a plain object."""
    text, quotes, end = sentence.text, sentence.quotes, sentence.end
    preceding = text[max(sentence.start, aux_start - 6) : aux_start].rstrip()
    if preceding.endswith(("not", "n’t", "n't", " to", " never")) or preceding == "to":
        return None  # "was not told", "to be told": negated or not yet a report
    if text.startswith("be", aux_start) and not text.startswith(("been", "being"), aux_start):
        return None  # "be warned —", "may be asked to …", "will be told": an instruction or a hypothetical, no report
    agent = passive_agent(text, cue_end, end)
    if agent is None:
        return None
    source, pos = agent
    rest = text[skip_spaces(text, pos, end) : end]
    infinitive = verb not in THAT_ONLY_RAISING_FORMS and VERB_INFINITIVE_RE.match(rest)
    if verb in RAISING_PASSIVE_FORMS and not (infinitive or THAT_CLAUSE_RE.match(rest)):
        return None  # "is forecast to reach …" reports; "was proposed to the board", "was estimated at $5m" do not
    if verb in NAMING_FORMS:
        name_end = _name_end(sentence, pos, verb)
        if name_end is None:
            return None  # "was nicknamed “the Beast”" names in words; "was crowned champion" names no one's words
        content = trim_forward(text, quotes, skip_spaces(text, pos, end), name_end)
        agent = BY_AGENT_RE.match(text, name_end, end)
        if source is None and agent:
            source = source_after(text, agent.end(), end, allow_appositive=False)  # 'was dubbed “X” by Londoners'
    elif verb in EVALUATION_PASSIVES:
        grounds = _evaluation_grounds(rest)
        if grounds is None:
            return None  # "was criticized by many", "was accused in court", "over the weekend": no grounds given
        start = skip_spaces(text, pos, end) + grounds
        join = CLAUSE_JOIN_RE.search(text, start, end)
        if join is not None and join.group("list") and "," in text[start : join.start()]:
            join = None  # "for its outdated graphics, core gameplay, and lack of matchmaking": a list's last item
        stop = join.start() if join else end
        by = BY_WORD_RE.search(text, start, stop)
        if by is not None and _inside_grounds(text, start, by.start()):
            by = None  # "of being paid by Russia", "as written by lobbyists": the grounds' own passive, not the source
        if by is not None:
            if source is None:
                source = source_after(text, by.end(), stop, allow_appositive=False)  # "for decades of neglect by X"
            stop = by.start()
        content = trim_forward(text, quotes, start, stop)
    elif VERB_INFINITIVE_RE.match(rest) or rest.startswith(("as ", 'to "', "to “")) or (rest[:1] in '"“«' and rest):
        # "was asked to leave"; "were reported by Yuki Chen to Microsoft": "to" and a name is the delivery's addressee
        start = skip_spaces(text, pos, end)
        stop = end
        if source is None and rest.startswith("as "):
            label = _quoted_label(sentence, start + len("as "))
            agent = BY_AGENT_RE.match(text, label[1], end) if label else None
            named = source_after(text, agent.end(), end, allow_appositive=False) if agent else None
            if named is not None and not _time_agent(text, named):
                source, stop = named, label[1]  # 'was described as “heartbreaking” by the department': the agent speaks
        content = trim_forward(text, quotes, start, stop)
    else:
        found = forward_content(text, quotes, pos, end, verb, False, sentence.nouns)
        if found is None or not reports_a_clause(text, quotes, found[0], end, sentence.nouns):
            return None  # "was reported missing on Friday", "was reported to police": a plain complement, no report
        content = trim_forward(text, quotes, *found)
    if content[1] <= content[0] or len(text[content[0] : content[1]].split()) < 2:
        return None
    return RawAttribution(source, (aux_start, cue_end), content, "", sentence.paragraph)


# How far before an infinitive cue its causing verb and object are looked for.
CAUSED_REACH = 60
# Objects a causing verb may take that no subject pronoun's search resolves ("prompted him to say"), and "it".
CAUSED_UNREAD_OBJECTS: frozenset[str] = OBJECT_PRONOUNS | frozenset(["it"])


def caused_report(sentence: Sentence, cue_start: int, cue_end: int, verb: str, weak: bool) -> RawAttribution | None:
    """'The questioning prompted Engoron to quip the questioning sounded like a "broken record"', 'led TNO to conclude
    it was "likely" …': an infinitive cue after a causing verb and its object reports what the object said."""
    text = sentence.text
    window_start = max(sentence.start, cue_start - CAUSED_REACH)
    caused = CAUSED_SPEAKER_RE.search(text, window_start, cue_start)
    if caused is None:
        return None
    source = caused.span("source")
    if text[source[0] : source[1]].split()[0].lower() in CAUSED_UNREAD_OBJECTS:
        return None  # "prompted him to say": who "him" is, a subject pronoun's search cannot tell
    content = forward_content(text, sentence.quotes, cue_end, sentence.end, verb, weak, sentence.nouns)
    if content is None:
        return None
    return record_unless_empty(sentence, source, cue_start, cue_end, trim_forward(text, sentence.quotes, *content))
