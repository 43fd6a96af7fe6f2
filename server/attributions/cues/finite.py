"""A finite reporting verb ("said", "has warned", "did say"): which pattern its sentence fits, tried in order."""

from __future__ import annotations

import logging
import re
from itertools import pairwise

from ..content import (
    auxiliary_clause_follows,
    finite_clause_follows,
    infinitive_follows,
    is_parenthetical,
    open_verb_lead,
    parenthetical_rest,
    present_verb_at,
    skip_adverbials,
    trim_forward,
)
from ..lexicon import (
    CLOSE_MARKS,
    DEMONSTRATIVES,
    DETERMINERS,
    FIRST_AND_SECOND_PERSON,
    NOT_PLURAL_SUBJECTS,
    NOUN_THEN_VERB,
    PLURAL_SUBJECTS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    looks_plural,
    plural_noun,
)
from ..names import pronoun_contraction
from ..patterns import (
    ALNUM_RUN_RE,
    AS_TRAILER_RE,
    AUX_RE,
    BASE_SUBJECT_RE,
    CATENATIVE_RE,
    COORDINATED_NAMES_RE,
    COORDINATED_RE,
    COUNTERFACTUAL_RE,
    DIRECTIVE_OBJECT_RE,
    DO_QUESTION_RE,
    DO_SUPPORT_RE,
    FINITE_AFTER_SUBJECT_RE,
    MAIN_PREDICATE_RE,
    NARRATIVE_WOULD_RE,
    NEGATION_BEFORE_RE,
    NEXT_WORD_RE,
    NOT_FINITE_RE,
    PASSIVE_AUX_RE,
    PERFECT_QUESTION_RE,
    PROGRESSIVE_RE,
    RELATIVE_END_RE,
    RELATIVE_RE,
    RELATIVE_THAT_RE,
    REPORT_OPENING_RE,
    SENTENCE_CLOSE_RE,
    STRONG_VERB_RE,
    SUBORDINATE_SUBJECT_RE,
    THAT_CLAUSE_RE,
    THAT_RELATIVE_RE,
    WHO_RELATIVE_RE,
    YOU_SUBJECT_LEAD_RE,
)
from ..sources import clause_subject, source_before, speaking_head
from ..structure import NounUses, RawAttribution, Sentence, Span, search_with, skip_spaces
from ..vocabulary import (
    ATTRIBUTIVE_CUE_WORDS,
    BARE_CLAUSE_REPORT_FORMS,
    BASE_FORMS,
    CLAUSE_OPENERS,
    CONSTRUCTION_FORMS,
    CUE_VERBS,
    DIRECTIVE_FORMS,
    DIRECTIVE_ONLY_FORMS,
    DOCUMENT_NOUNS,
    FINDING_FORMS,
    FINDING_SUBJECT_NOUNS,
    INVERTED_REPORT_FORMS,
    IRREGULAR_PAST_FORMS,
    NAMED_REPORT_FORMS,
    NAMING_PARTICIPLES,
    PARTICIPLE_CUES,
    PASSIVE_REPORT_FORMS,
    PLURAL_REPORT_BASE_FORMS,
    PREPOSITIONAL_CUES,
    STATEMENT_ONLY_FORMS,
    WEAK_CUES,
    words,
)
from .clauses import (
    as_source_cue,
    clause_then_cue_then_source,
    clause_then_source_then_cue,
    coordinated_cue,
    cue_between_commas,
    source_then_cue_then_content,
)
from .constructions import caused_report, object_construction, passive_report
from .gap import gap_report
from .nested import quoted_sentence
from .prepositional import according_to
from .quoted import plural_source, quote_then_cue_then_source, quote_then_source_then_cue
from .record import Found, record, record_unless_empty
from .scan import PROGRESSIVE_REACH, cue_extent, plural_head_before_phrase

log = logging.getLogger(__name__)

# Characters before a source read for the relative word that opens its clause ("where", "which").
RELATIVE_WORD_REACH = 12
RELATIVE_WORDS: frozenset[str] = frozenset(["where", "which", "who", "whom", "that", "when", "whose"])

# Most words of the sentence's subject before "It/They found that …" in which its document noun is looked for.
MAX_DOCUMENT_SUBJECT_WORDS = 6
# Conjunctions opening a sentence before its subject ("But the researchers …").
OPENING_CONJUNCTIONS: frozenset[str] = frozenset(["but", "and", "so", "yet"])
# Words that open a subject noun phrase ("The study", "Our analysis", "These researchers").
SUBJECT_DETERMINERS: frozenset[str] = DETERMINERS | DEMONSTRATIVES | POSSESSIVE_DETERMINERS
# Characters before a base-form cue read for a plural head and its prepositional phrase (as _base_form_ok reads).
PHRASE_HEAD_REACH = 60
# Characters before an infinitive cue looked at for its frame ("wrote to the prime minister to urge").
CATENATIVE_REACH = 60
# Characters before "It"/"They" in which a finding's document is looked for as its antecedent.
ANTECEDENT_REACH = 300
# Forms of "be" after an -ed cue: the cue is a participle modifying the noun before it ("the foods mentioned are").
BE_FORMS: frozenset[str] = frozenset(["is", "are", "was", "were"])
# The verbs that follow a possessed noun as its clause's predicate ("Houston's reported views had been …").
MAIN_VERB_AFTER_NOUN: frozenset[str] = BE_FORMS | frozenset(["has", "have", "had", "will", "would", "could", "remain"])
# Subjects of an impersonal passive ("It's said that …", "There's said to be …"): their "'s" is "is".
IMPERSONAL_SUBJECTS: frozenset[str] = frozenset(["it", "that", "there", "this", "what", "which"])
# Subjects that account for a fact rather than speak ("That explains why …").
ACCOUNTING_SUBJECTS: frozenset[str] = frozenset(["it", "this", "that", "which"])
# Prepositions that open a subject's post-modifier ("Products with the nutrition claims"): the head is before them.
PHRASE_PREPOSITIONS: frozenset[str] = frozenset(["of", "with", "for", "in", "on", "at", "from", "about", "like"])
# Words before a base-form cue's subject read for an existential "there were" ("there were more officials present").
EXISTENTIAL_WORDS = 4
# Characters before a base-form cue read for a narrative "would later".
NARRATIVE_WOULD_REACH = 24
# Participles of cues that never stand before a noun as its adjective after a possessor ("the firm's stated aim", never
# "the firm's said aim"): after a possessive, a verb.
NOT_ATTRIBUTIVE_PARTICIPLES: frozenset[str] = frozenset(["said", "told"])
# Characters before a contraction read for its subject word.
SUBJECT_REACH = 30
# "to" right after a participle cue: a passive's infinitive ("He's said to be …").
TO_AFTER_RE = re.compile(r"\s{1,4}+to\b")
# Words that open a verb's direct object: a determiner or an object pronoun ("clarify this", "mention it").
OBJECT_OPENERS: frozenset[str] = DETERMINERS | DEMONSTRATIVES | frozenset(["that", "it", "them"])


def attribution_at_cue(sentence: Sentence, cue: re.Match, found: Found) -> RawAttribution | None:
    """The attribution a finite reporting verb reports: the first pattern below that fits its sentence."""
    text, sentence_start, sentence_end = sentence.text, sentence.start, sentence.end
    if sentence.quotes.inside(cue.start()):
        inner = quoted_sentence(sentence, cue.start())  # a report nested in the quotation, read there
        return attribution_at_cue(inner, cue, found) if inner is not None else None
    extent = cue_extent(text, cue, sentence_end)
    if extent is None:
        return None
    cue_start, cue_end, verb = extent
    if verb in PREPOSITIONAL_CUES:
        return according_to(sentence, cue_start, cue_end)
    if verb in PASSIVE_REPORT_FORMS:
        passive = PASSIVE_AUX_RE.search(text[max(sentence_start, cue_start - 30) : cue_start])
        if passive and _perfect_contraction(text, max(sentence_start, cue_start - 30) + passive.start(), cue_end):
            passive = None  # "He's said that …" is "he has said"; "It's said that …", "He's said to …" are passives
        if passive:
            aux_start = max(sentence_start, cue_start - 30) + passive.start()
            return passive_report(sentence, aux_start, cue_end, verb)
    finite = _finite_start(text, sentence_start, cue_start, verb)
    if finite is None and verb not in PARTICIPLE_CUES:
        # "prompted Engoron to quip …": an infinitive whose causing verb's object spoke
        return caused_report(sentence, cue_start, cue_end, verb, verb in WEAK_CUES)
    if finite is None:
        return None  # infinitives, gerund objects, passives; participles wait for the sentence's other attributions
    cue_start, do_support = finite
    before = text[max(sentence_start, cue_start - 12) : cue_start]
    if cue.group()[0].isupper():
        return None  # a capitalised verb starts a sentence or a title: no subject before it
    if verb in STATEMENT_ONLY_FORMS and (gapped := gap_report(sentence, cue_start, cue_end)) is not None:
        return gapped  # "the choices he says are facing Britain": the reported clause's subject is the antecedent
    weak, base = verb in WEAK_CUES, verb in BASE_FORMS and not do_support
    if verb in BASE_FORMS and _do_question(text, sentence_start, sentence_end):
        return None  # "Do they mention that …?": a question, not a report
    if verb not in BASE_FORMS and _do_question(text, sentence_start, sentence_end, PERFECT_QUESTION_RE):
        return None  # "Has your English teacher ever told you …?": the writer asks, no one reports
    # a request's negated infinitive or its addressee and infinitive is what it reports ('"…," one resident, who asked
    # not to be named, told the BBC'): a quotation before it is another verb's; "asked to no one" may be a preposition
    addressed = " " in text[cue_start:cue_end]  # the cue took its addressee ("urged residents")
    # after a relative pronoun a request's infinitive is its source's own ("…, who asked to remain anonymous")
    # read once: the source search asks again; "who" and "which" hold "wh"
    relative_pronoun = search_with(RELATIVE_RE, "wh", text, max(sentence_start, cue_start - 40), cue_start)
    relative = relative_pronoun is not None
    request = verb in DIRECTIVE_FORMS and (
        infinitive_follows(text, cue_end, sentence_end, bare=addressed or relative)
        or DIRECTIVE_OBJECT_RE.match(text, cue_end, sentence_end) is not None
    )
    quoted = None if request else quote_then_cue_then_source(sentence, cue_start, cue_end, base)
    if quoted:
        return quoted
    if verb in ASK_FORMS and not request and _asked_for_noun_phrase(text, cue_end, sentence_end):
        return None  # "We asked readers for their best travel tips": a bare noun phrase asked for is no content
    if base and not weak and verb not in CONSTRUCTION_FORMS and text[sentence_start:cue_start].rstrip().endswith(","):
        inverted = clause_then_cue_then_source(sentence, cue_start, cue_end)
        if inverted is not None and inverted.source is not None and plural_source(text, inverted.source):
            return inverted  # "The combination, say economists, marks …": a plural source after the base form
    if base and not _base_form_ok(sentence, cue_start, verb in PLURAL_REPORT_BASE_FORMS, cue_end):
        if COORDINATED_RE.search(before):
            # "Officials visited the site and say …": the base form agrees with the clause's plural subject
            subject = clause_subject(text, sentence_start, cue_start, found)
            # the first verb finite ("visited", "are relying"), the report a that-clause, a quote or a colon, or for
            # "say" a clause ("and predict future outcomes", "and add resistance to …" are objects)
            bare = verb == "say" and finite_clause_follows(text, cue_end, sentence_end)
            if (
                subject is not None
                and plural_source(text, subject, writer=False)
                and FINITE_AFTER_SUBJECT_RE.match(text, subject[1], cue_start)
                and (bare or REPORT_OPENING_RE.match(text, cue_end))
            ):
                return coordinated_cue(sentence, subject, cue_start, cue_end, verb, False)
        return None
    if _reads_as_noun(text, cue, sentence_end, verb, base) or _possessed_participle(text, cue, sentence_end, verb):
        return None
    source = _source_before_cue(text, sentence_start, cue_start, cue_end, relative_pronoun)
    if source is not None and (base or not speaking_head(text[source[0] : source[1]])):
        # any tense when the phrase's last noun cannot speak ("Leaders around the world said": not "the world")
        source = _with_phrase_head(text, sentence_start, cue_start, source)
    if source is not None and verb.endswith("s") and _is_contraction(text[source[0] : source[1]]):
        return None  # "There's reports that …": the 's is "is", and the word after it a plural noun
    if (
        source is not None
        and verb.endswith("s")
        and _plural_noun_cue(text, source, cue_start, cue_end, verb, sentence.nouns)
    ):
        return None  # "my primary comments on …", "Products with the nutrition claims …": a noun, not a verb
    if source is not None and _free_relative_object(text, source, cue_end, sentence_end):
        return None  # "Here's what experts recommend if …": "what" is the object; what follows is no content
    if source is not None and verb == "explains" and _accounts_for(text, source, cue_end, sentence_end):
        return None  # "That explains why buttons have states": a fact accounts for another, no one speaks
    if verb in NAMING_PARTICIPLES and text[sentence_start:cue_start].rstrip().endswith(","):
        # "a new phone, dubbed “X” by fans": a passive, named by its agent or no one, never the clause before it
        return passive_report(sentence, cue_start, cue_end, verb)
    if verb in CONSTRUCTION_FORMS:
        if source is None and COORDINATED_RE.search(before):
            source = clause_subject(text, sentence_start, cue_start, found)
        return object_construction(sentence, source, cue_start, cue_end, verb) if source else None
    if source is None and COORDINATED_RE.search(before):
        subject = clause_subject(text, sentence_start, cue_start, found)
        if subject is not None:
            return coordinated_cue(sentence, subject, cue_start, cue_end, verb, weak)
    if source is None and weak and verb in INVERTED_REPORT_FORMS:
        return _named_outlet_credit(sentence, cue_start, cue_end)
    if source is None:
        return None if base or weak else clause_then_cue_then_source(sentence, cue_start, cue_end)
    weak = _weak_after(text, source, cue_end, sentence_end, verb, weak)
    if weak is None:
        return None
    quoted = None if request else quote_then_source_then_cue(sentence, source, cue_start, cue_end)
    quoted = quoted or as_source_cue(sentence, source, cue_start, cue_end)
    if quoted:
        return quoted
    clause = text[sentence_start : source[0]].rstrip()
    as_clause = AS_TRAILER_RE.search(clause) if clause.endswith("as") else None  # the match ends the clause
    if as_clause and as_clause.group("close"):
        # '… a mixture of “squatters,” as Espinosa put it, and …': the quotation before "as" is what the source said
        quote = sentence.quotes.ending_at(sentence_start + as_clause.end("close"))
        if quote is not None:
            return record(sentence, source, cue_start, cue_end, quote)
    elif as_clause:
        trailer = _as_trailer(sentence, source, cue_start, cue_end, clause[: as_clause.start() + 1])
        if trailer is not None:
            return trailer
    if clause.endswith(","):
        # "The plant, the company said Tuesday, will close": the time after the cue is the writer's
        rest = parenthetical_rest(
            text, skip_adverbials(text, cue_end, sentence_end), sentence_end, open_verb_lead(clause[:-1])
        )
        if rest is not None and RELATIVE_END_RE.search(clause, 0, len(clause) - 1):
            # "… which, critics say, does not include …": the relative clause's predicate is what they say
            content = trim_forward(text, sentence.quotes, rest, sentence_end)
            return record_unless_empty(sentence, source, cue_start, cue_end, content)
        if rest is not None and is_parenthetical(clause[:-1], text[rest : rest + 20]):
            return cue_between_commas(sentence, source, cue_start, cue_end, rest)  # "In part, Levin says, …"
        # a weak verb with an object of its own ("does clarify this in the fine print") reports nothing before it
        if not (weak and _object_follows(text, cue_end, sentence_end)):
            backward = clause_then_source_then_cue(sentence, source, cue_start, cue_end, clause)
            if backward:
                return backward
    forward = source_then_cue_then_content(sentence, source, cue_start, cue_end, verb, weak)
    if forward is not None and relative_pronoun is not None and relative_pronoun.group().startswith(","):
        _end_at_main_predicate(sentence, forward)
    return forward


def _end_at_main_predicate(sentence: Sentence, raw: RawAttribution) -> None:
    """'The senator, who said that he brings “a new view,” will have to …': a report inside a relative clause set off
    by commas ends where the main clause's predicate resumes."""
    if raw.fragments is not None:
        return
    start, end = raw.content
    predicate = MAIN_PREDICATE_RE.search(sentence.text, start, end)
    if predicate is None or sentence.quotes.inside(predicate.end()):
        return
    close = predicate.group("close")  # a quotation's closing mark after the comma stays with the content
    raw.content = (start, predicate.start() + 1 + len(close) if close else predicate.start())


def _as_trailer(sentence: Sentence, source: Span, cue_start: int, cue_end: int, clause: str) -> RawAttribution | None:
    """'…, as my colleague Geoffrey Skelley wrote recently.': the clause before the comma is what was written, when
    nothing but adverbials follows the cue ('…, as the headline suggests, explosive' is a parenthetical)."""
    after = skip_adverbials(sentence.text, cue_end, sentence.end)
    if not SENTENCE_CLOSE_RE.match(sentence.text, after, sentence.end):
        return None
    trailer = clause_then_source_then_cue(sentence, source, cue_start, after, clause)
    if trailer is not None:
        trailer.cue = (cue_start, cue_end)  # the adverbials were skipped, not taken into the cue
    return trailer


def _perfect_contraction(text: str, aux_start: int, cue_end: int) -> bool:
    """The "'s" before a participle cue is "has": a person's ("He's said", "Smith's told"), not "it"'s or "there"'s,
    and no infinitive follows ("He's said to be …" is the passive)."""
    if text[aux_start : aux_start + 2] not in POSSESSIVE_ENDINGS:
        return False
    before = text[max(0, aux_start - SUBJECT_REACH) : aux_start].split()
    if not before or before[-1].lower() in IMPERSONAL_SUBJECTS:
        return False
    return not TO_AFTER_RE.match(text, cue_end)


def _plural_noun_cue(text: str, source: Span, cue_start: int, cue_end: int, verb: str, nouns: NounUses) -> bool:
    """A cue in -s that is a plural noun: its "source" is a plural head and its prepositional phrase ("Products with
    the nutrition claims": a verb in -s agrees with a singular), or a modifier after a possessive or a preposition
    ("my primary comments", "for preferential projects"), or "claims" after a clause's object ("Adjusters process
    insurance claims to …") where the text uses the word as a noun ("These projects are
    …") and no report opens after it (or only a relative "that": "projects that would …")."""
    words = text[source[0] : source[1]].split()
    if verb == "says" or len(words) < 2:
        return False
    lowered = [word.lower() for word in words]
    if verb == "claims" and len(words) > 2 and present_verb_at(words, 1, nouns) and words[2].islower():
        return True  # "Adjusters process insurance claims": the "source" holds a subject and its verb; claims an object
    preposition = next((i for i, word in enumerate(lowered) if word in PHRASE_PREPOSITIONS), None)
    # the head opens the phrase, after a determiner at most; capitalised with its object it is a name ("the Centers
    # for Disease Control … recommends")
    if (
        preposition is not None
        and 0 < preposition <= 2
        and preposition + 1 < len(words)
        and looks_plural(lowered[preposition - 1])
        and not (words[preposition - 1][0].isupper() and words[preposition + 1][0].isupper())
    ):
        return lowered[preposition - 1] not in NOT_PLURAL_SUBJECTS
    if lowered[-2] not in POSSESSIVE_DETERMINERS and lowered[-2] not in PHRASE_PREPOSITIONS:
        return False
    if REPORT_OPENING_RE.match(text, cue_end) and not RELATIVE_THAT_RE.match(text, cue_end):
        return False  # "my colleague reports that …"
    return verb in nouns or verb[:-1] in nouns


def _accounts_for(text: str, source: Span, cue_end: int, sentence_end: int) -> bool:
    """ "It/This/That/Which explains why/how …": a thing or a fact accounts for another, in the present; a company's
    "It explained how the breach happened" is a report."""
    if text[source[0] : source[1]].lower() not in ACCOUNTING_SUBJECTS:
        return False
    return text.startswith(("why ", "how "), skip_spaces(text, cue_end, sentence_end))


def _is_contraction(source: str) -> bool:
    """A pronoun with its "'s" ("There's", "It’s"): no source before a present-tense cue."""
    return source.endswith(POSSESSIVE_ENDINGS) and pronoun_contraction(source)


def _object_follows(text: str, cue_end: int, sentence_end: int) -> bool:
    """A direct object opens right after the cue ("clarify this", "mentioned the fee"), not a time or a place
    ("reported at 1:30 p.m.", "reported on May 22")."""
    next_word = NEXT_WORD_RE.match(text, cue_end, sentence_end)
    return next_word is not None and next_word.group(1).lower() in OBJECT_OPENERS


def _finite_start(text: str, sentence_start: int, cue_start: int, verb: str) -> tuple[int, bool] | None:
    """Where a finite cue starts, and whether do-support makes its base form finite ("did say"); None for an
    infinitive, a gerund object, a passive or a participle without a progressive "be"."""
    if COUNTERFACTUAL_RE.search(text, max(sentence_start, cue_start - 20), cue_start):
        return None  # "as Charles Darwin might have put it": what someone would have said, no report
    before = text[max(sentence_start, cue_start - 12) : cue_start]
    if NEGATION_BEFORE_RE.search(before):
        return None  # "never said", "hasn't said": negated speech reports nothing (GUIDELINES §2)
    # "are insisting", and a request's "are appealing for witnesses to …" (not a participle cue: "an appealing idea")
    progressive = (verb in PARTICIPLE_CUES or verb in DIRECTIVE_ONLY_FORMS) and PROGRESSIVE_RE.search(
        text, max(sentence_start, cue_start - PROGRESSIVE_REACH), cue_start
    )
    if not progressive and (NOT_FINITE_RE.search(before) or verb in PARTICIPLE_CUES):
        frame = CATENATIVE_RE.search(text, max(sentence_start, cue_start - CATENATIVE_REACH), cue_start)
        if verb in PARTICIPLE_CUES:
            frame = None
        # "went on to add": the frame is finite for its infinitive, as do-support is for a base form
        return (frame.start(), True) if frame else None
    auxiliary = AUX_RE.search(text, max(sentence_start, cue_start - 12), cue_start)
    do_support = verb in BASE_FORMS and (
        DO_SUPPORT_RE.search(text, max(sentence_start, cue_start - 8), cue_start)
        or NARRATIVE_WOULD_RE.search(text, max(sentence_start, cue_start - NARRATIVE_WOULD_REACH), cue_start)
    )
    if do_support:
        auxiliary = do_support  # "The hospital did say that …": finite, as "said" is
    elif progressive and not auxiliary:
        auxiliary = progressive  # "are secretly asking": the auxiliary and its adverb belong to the cue
    # the auxiliary belongs to the cue ("has admitted", "are insisting")
    return (auxiliary.start() if auxiliary else cue_start), bool(do_support)


def _possessed_participle(text: str, cue: re.Match, sentence_end: int, verb: str) -> bool:
    """A past cue after a possessor and before its noun and that noun's verb modifies the noun ("Mr Houston's reported
    views had been …", "the firm's stated aim is …"): no one reports."""
    if not (verb.endswith("ed") or verb in IRREGULAR_PAST_FORMS) or verb in NOT_ATTRIBUTIVE_PARTICIPLES:
        return False  # "McDonald's said sales would …": "said" modifies no noun, the name's possessive is its own
    before = text[max(0, cue.start() - 3) : cue.start()].rstrip()
    if not before.endswith(POSSESSIVE_ENDINGS):
        return False
    noun = NEXT_WORD_RE.match(text, cue.end(), sentence_end)
    following = NEXT_WORD_RE.match(text, noun.end(), sentence_end) if noun else None
    if noun is not None and noun.group(1).lower() in PRONOUNS:
        return False  # "Lowe's announced it would …": a pronoun opens the reported clause, no participle modifies it
    return following is not None and following.group(1) in MAIN_VERB_AFTER_NOUN


def _modifies_subject(text: str, pos: int, sentence_end: int) -> bool:
    """After a base-form cue, the -ed word ending at pos opens its clause's subject: a noun, then the clause's verb
    ("Police say armed men stormed …", "Officials say injured residents were …")."""
    noun = NEXT_WORD_RE.match(text, pos, sentence_end)
    verb = NEXT_WORD_RE.match(text, noun.end(), sentence_end) if noun else None
    return verb is not None and (
        STRONG_VERB_RE.fullmatch(verb.group(1)) is not None or verb.group(1) in IRREGULAR_PAST_FORMS
    )


def _reads_as_noun(text: str, cue: re.Match, sentence_end: int, verb: str, base: bool) -> bool:
    """The word after the cue shows the cue is a noun ("online claims argue", "the report showed", "30 states
    have") or a participle modifying the noun before it ("the foods mentioned are"); a verb's -ing form after it is
    its object ("recommends calling …")."""
    next_word = NEXT_WORD_RE.match(text, cue.end(), sentence_end)
    if not next_word:
        return False
    word = next_word.group(1)
    if verb in ATTRIBUTIVE_CUE_WORDS and word not in STATED_OBJECT_OPENERS:
        return True  # "state television", "state media", "state lawmakers": the adjective; "state that …" reports
    # after a past cue a reporting verb's base or -s form followed by a verb is the reported clause's subject noun
    # ("said demand was up"; not "would've added brand value")
    past_cue = verb.endswith("ed") or verb in IRREGULAR_PAST_FORMS
    following = NEXT_WORD_RE.match(text, next_word.end(), sentence_end) if past_cue else None
    object_noun = (
        following is not None
        # "said demand was up"; "said demand for its chips remained strong": a noun's preposition after it
        and (_finite_verb(following.group(1)) or following.group(1) in NOUN_PREPOSITIONS)
        and not (word.endswith("ed") or word in IRREGULAR_PAST_FORMS)
    )
    return (
        (word in CUE_VERBS and not word.endswith("ing") and not object_noun and word not in ATTRIBUTIVE_CUE_WORDS)
        or (base and word.endswith("ed") and not _modifies_subject(text, next_word.end(), sentence_end))
        or (verb.endswith("s") and word in NOUN_THEN_VERB)
        or (verb.endswith("ed") and word in BE_FORMS)  # not a modal: "factors research suggested might have …"
    )


# Words that open what "state" (the verb) reports: a that-clause, its object's determiner, a wh-word.
STATED_OBJECT_OPENERS: frozenset[str] = frozenset(
    ["that", "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "what", "how", "why", "whether"]
)
# Prepositions that follow a reporting noun as the subject of a reported clause ("demand for", "reports of").
NOUN_PREPOSITIONS: frozenset[str] = frozenset(["for", "of", "in", "about", "from", "against", "over"])


def _finite_verb(word: str) -> bool:
    """A verb that makes the word before it a clause's subject ("said demand was up", "said demand rose 5%", "said
    demand remained strong")."""
    return word in NOUN_THEN_VERB or word in IRREGULAR_PAST_FORMS or (word.endswith("ed") and len(word) > 4)


def _named_outlet_credit(sentence: Sentence, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'…, reports The Record.', '…, reported Bloomberg's Mark Gurman.': after its clause a weak report verb credits
    the name ending the sentence (a lowercase phrase after it is an object: "…, reported losses")."""
    inverted = clause_then_cue_then_source(sentence, cue_start, cue_end)
    if inverted is None or inverted.source is None or inverted.content[1] > cue_start:
        return None
    source_start = inverted.source[0]
    return inverted if sentence.text[source_start].isupper() else None


def _weak_after(text: str, source: Span, cue_end: int, sentence_end: int, verb: str, weak: bool) -> bool | None:
    """Whether the cue, after this source, reports only a that-clause, a quote or a colon (WEAK_CUES); None when it
    reports nothing."""
    if verb in FINDING_FORMS:
        if not (documents_speak(text, source) or _document_antecedent(text, source, cue_end, sentence_end)):
            # "found the keys", "he finds that he's late": findings are a document's, a researcher's or an
            # organisation's ("Gallup found that …", "The team found that …", with "that" only)
            that_clause = THAT_CLAUSE_RE.match(text, skip_spaces(text, cue_end, sentence_end), sentence_end)
            return weak if that_clause is not None and _finding_agent(text, source) else None
        # "research shows the opposite is true": a document's finding needs no "that", but a clause with a plain
        # finite verb ("show no significant changes in …" is an object)
        weak = not finite_clause_follows(text, cue_end, sentence_end)
    if verb in NAMED_REPORT_FORMS and text[source[0]].isupper() and finite_clause_follows(text, cue_end, sentence_end):
        weak = False  # "Mashable reports the company announced …": a named outlet reports a bare clause
    elif (
        verb in BARE_CLAUSE_REPORT_FORMS
        and not _in_relative_clause(text, source)
        and auxiliary_clause_follows(text, cue_end, sentence_end)
    ):
        weak = False  # "The judge ruled the defendants were liable": any source, an auxiliary's clause
    return weak


# "asked" and "asks", whose object may be a thing asked for ("asked customers for patience"), the addressee before
# "for" (a few words, no clause word), and the words that make what follows "for" more than a noun phrase.
ASK_FORMS: frozenset[str] = frozenset(words("asked asks"))
MAX_ASKED_ADDRESSEE_WORDS = 4
CLAUSE_AFTER_ASKED_FOR: frozenset[str] = frozenset(words("to that whether if who which what how why"))
# Words that end an addressee before "for" ("asked about plans for …" asks about something).
ADDRESSEE_STOPS: frozenset[str] = CLAUSE_AFTER_ASKED_FOR | frozenset(words("about when where"))

# How far back "what" before a source is read (a free relative's).
FREE_RELATIVE_REACH = 8
# Words that open an adverbial clause after a free relative's cue ("what experts recommend if …"), and the modals of a
# clause that leaves the relative's object out ("what experts say you should do").
FREE_RELATIVE_ADVERBIALS: frozenset[str] = frozenset(words("if when unless while before after because once"))
GAP_MODALS: frozenset[str] = frozenset(words("should can could must might may will would need"))

# Heads of an organisation or research group that makes findings of its own ("the team found that", "the company
# found that"); not police or courts, whose findings are evidence or rulings.
FINDING_AGENT_HEADS: frozenset[str] = frozenset(
    words(
        """
    team company firm group institute university agency organisation organization foundation bureau laboratory lab
    center centre consortium startup pollster
    """
    )
)


def _finding_agent(text: str, source: Span) -> bool:
    """An organisation or research group as a finding verb's subject: a determiner and an organisation's head ("The
    team found that", "the company found that"); a lone name stays out ("Japan shows that", "History demonstrates
    that", or a person's discovery)."""
    words_in = text[source[0] : source[1]].split()
    return len(words_in) == 2 and words_in[0].lower() in DETERMINERS and words_in[1].lower() in FINDING_AGENT_HEADS


def _asked_for_noun_phrase(text: str, cue_end: int, sentence_end: int) -> bool:
    """After "asked", an addressee of a few words and "for" with a noun phrase up to the clause's end ("asked customers
    for patience", "asked residents for information about the attack"): no clause, infinitive or quotation in it."""
    clause = text[cue_end:sentence_end]
    comma = clause.find(",")
    clause = clause[:comma] if comma >= 0 else clause
    if any(mark in clause for mark in ('"', "“", "”", ":")):
        return False
    clause_words = [word.lower() for word in clause.split()]
    if "for" not in clause_words[: MAX_ASKED_ADDRESSEE_WORDS + 1]:
        return False
    at = clause_words.index("for")
    if any(word in ADDRESSEE_STOPS for word in clause_words[:at]):
        return False
    return not any(word in CLAUSE_AFTER_ASKED_FOR for word in clause_words[at + 1 :])


def _free_relative_object(text: str, source: Span, cue_end: int, sentence_end: int) -> bool:
    """ "what" right before the source and, after the cue, an adverbial clause or a clause with the object's gap
    ("Here's what financial experts recommend if …", "What experts say you should do if …"): "what" is the cue's
    object and what follows no content; not "what statisticians call the standard error" (a name's object), "what
    they are asking is whether …" or "what she said: …"."""
    before = text[max(0, source[0] - FREE_RELATIVE_REACH) : source[0]].split()
    if not before or before[-1].lower() != "what":
        return False
    following = text[cue_end : min(sentence_end, cue_end + FREE_RELATIVE_REACH * 4)].split()
    if not following:
        return False
    if following[0].lower() in FREE_RELATIVE_ADVERBIALS:
        return True
    return len(following) >= 2 and following[0].lower() in PRONOUNS and following[1].lower() in GAP_MODALS


def _in_relative_clause(text: str, source: Span) -> bool:
    """A relative word right before the source ("One feature where Google has always ruled the roost is speed"): an
    auxiliary after the cue may be the main clause's verb."""
    before = text[max(0, source[0] - RELATIVE_WORD_REACH) : source[0]].split()
    return bool(before) and before[-1].lower() in RELATIVE_WORDS


def _with_phrase_head(text: str, sentence_start: int, cue_start: int, source: Span) -> Span:
    """A base form that agrees with a plural head before its prepositional phrase ("Doctors at hospitals across the
    country say"): the source is the head with its phrase and determiner, not the phrase's last noun ("the country")."""
    window_start = max(sentence_start, cue_start - PHRASE_HEAD_REACH)
    window = text[window_start:cue_start]
    last = window.split()[-1].lower() if window.split() else ""
    if last in PLURAL_SUBJECTS or looks_plural(last):
        return source  # the word before the cue agrees with it itself
    head = plural_head_before_phrase(window)
    if head is None or window_start + head >= source[0]:
        return source
    before = window[:head].split()
    if before and before[-1].lower() in DETERMINERS | DEMONSTRATIVES:
        head = window.rindex(before[-1], 0, head)  # "the doctors at …"
    return window_start + head, source[1]


def _source_before_cue(
    text: str, sentence_start: int, cue_start: int, cue_end: int, relative: re.Match | None
) -> Span | None:
    """The source right before the cue, or the antecedent of the relative pronoun there (RELATIVE_RE's match)."""
    source = source_before(text, sentence_start, cue_start)
    if source is None and relative:
        # "said the officials, who added that …": the relative pronoun's antecedent speaks
        source = source_before(text, sentence_start, relative.start(), common_heads=False)
    if source is None:
        relative = search_with(THAT_RELATIVE_RE, "that", text, max(sentence_start, cue_start - 40), cue_start)
        if relative and REPORT_OPENING_RE.match(text, cue_end):
            # "the test results that show that …", "retail outlets that claim to be …": a speaking antecedent of "that",
            # with a report's opening after the cue ("features that highlight your expertise" describe, not report)
            source = source_before(text, sentence_start, relative.start(), common_heads=False)
            if source is not None and not speaking_head(text[source[0] : source[1]]):
                source = None  # "an assault that threatened to …"
    return source


def _document_antecedent(text: str, source: Span, cue_end: int, sentence_end: int) -> bool:
    """ "It"/"They" opening a sentence, a that-clause after the verb, and a document or researchers the subject of the
    sentence before in its paragraph ("The study is published in … It found that …", "The researchers compared …
    They found that …"): the pronoun stands for them ("they showed up", "the chemicals they found are" are no findings;
    "Firefighters searched … after the report of smoke. They found that …" are the firefighters)."""
    if text[source[0] : source[1]] not in ("It", "They"):
        return False
    if THAT_CLAUSE_RE.match(text, skip_spaces(text, cue_end, sentence_end), sentence_end) is None:
        return False
    start = max(text.rfind("\n", 0, source[0]) + 1, source[0] - ANTECEDENT_REACH)
    before = text[start : source[0]].rstrip()
    previous_end = max(before.rfind(mark, 0, len(before) - 1) for mark in (". ", "? ", "! ", ": "))
    previous_start = start + (previous_end + 2 if previous_end >= 0 else 0)
    if not documents_speak(text, (previous_start, source[0])):
        return False
    return _document_subject(text, previous_start, source[0]) or _document_reports(text, previous_start, source[0])


def _document_reports(text: str, start: int, end: int) -> bool:
    """The sentence at start is a document's report, fronted or trailing ("According to the study, 45 million …",
    "Music is hoarded on mobiles, a Toshiba study found."): a later "It found that …" goes on with it."""
    sentence = text[start:end].strip().rstrip('.!?”"')
    if sentence.lower().startswith("according to "):
        return any(word.lower() in DOCUMENT_NOUNS for word in ALNUM_RUN_RE.findall(sentence.split(",", 1)[0]))
    tail = sentence.rsplit(",", 1)[-1].split() if "," in sentence else []
    return (
        0 < len(tail) <= MAX_DOCUMENT_SUBJECT_WORDS
        and tail[-1].lower() in CUE_VERBS
        and any(word.lower() in DOCUMENT_NOUNS for word in tail)
    )


def _opens_subject(word: str) -> bool:
    """A determiner or a document noun: a document's noun phrase may open at it."""
    return word.lower() in SUBJECT_DETERMINERS or word.lower() in DOCUMENT_NOUNS


def _document_subject(text: str, start: int, end: int) -> bool:
    """The sentence at start has a noun phrase holding a document noun or researchers for its subject, before its verb
    or comma ("The study is …", "Researchers at the clinic compared …"), past an opening conjunction or phrase ("But
    because …, the researchers were able …", "For the first time, scientists compared …") or after a quotation ('“…,”
    the Strava report explained'); not "After reading the study, I went …"."""
    opening = skip_spaces(text, start, end)
    close = max(text.rfind("”", opening, end), text.rfind('"', opening + 1, end))
    if text.startswith(("“", '"'), opening) and close > opening:
        start = close + 1  # the source after its quotation
    words = ALNUM_RUN_RE.findall(text, start, end)
    if words and words[0].lower() in OPENING_CONJUNCTIONS:
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
    comma = text.find(",", start, end)
    if words and not _opens_subject(words[0]) and comma >= 0:
        start = comma + 1  # past the opening phrase to the main clause
        words = ALNUM_RUN_RE.findall(text, start, end)
    if not words or not _opens_subject(words[0]):
        return False
    comma = text.find(",", start, end)
    phrase_end = STRONG_VERB_RE.search(text, start, comma if comma >= 0 else end)
    limit = phrase_end.start() if phrase_end else (comma if comma >= 0 else end)
    subject = ALNUM_RUN_RE.findall(text, start, limit)[:MAX_DOCUMENT_SUBJECT_WORDS]
    return any(word.lower() in DOCUMENT_NOUNS for word in subject)


def documents_speak(text: str, source: Span) -> bool:
    """A document, poll, study, data or record (or researchers, a court) among the source's words: a finding verb
    after it reports ("the report found that …", "the comparison found that …"); still only with a that-clause, a
    quote or a colon (WEAK_CUES)."""
    return any(word.lower() in FINDING_SUBJECT_NOUNS for word in ALNUM_RUN_RE.findall(text, source[0], source[1]))


def _do_question(text: str, sentence_start: int, sentence_end: int, opening: re.Pattern[str] = DO_QUESTION_RE) -> bool:
    """The sentence asks, opening with do ("Do they mention that …?", "Why did officials say that …?") or with the
    opening given (PERFECT_QUESTION_RE: "Has your teacher ever told you …?")."""
    asked = text[sentence_start:sentence_end].rstrip(" \"”’')").endswith("?")
    return asked and opening.match(text, sentence_start, sentence_end) is not None


def _whole_subject(before: str, at_sentence_start: bool) -> bool:
    """What comes before a subject leaves it whole: nothing (the sentence opens with it) or a quotation's close or a
    comma ('"…," Chiou and Howlett write'), not a preposition ("places like Austin and Nashville say": "like")."""
    before = before.rstrip()
    if not before.lstrip("\"“‘'"):
        return at_sentence_start
    return before.endswith((",", *CLOSE_MARKS))


def _who_reports(sentence: Sentence, cue_start: int, cue_end: int | None) -> bool:
    """After "who" a base form reports with a report's opening ("who argue that …", "who claim to …") or, for a
    statement verb, a bare clause ("charities who say it would …")."""
    text = sentence.text
    if cue_end is None:
        return False
    if REPORT_OPENING_RE.match(text, cue_end):
        return True
    verb = text[cue_start:cue_end].lower()
    return verb in STATEMENT_ONLY_FORMS and finite_clause_follows(text, cue_end, sentence.end, sentence.nouns)


def _existential_noun(before: str) -> bool:
    """The words before a noun end in "there" and a form of "be", then at most a quantifier or two ("there were more
    officials", "there are many"): the noun is what is there, no subject of a verb after it."""
    words = [word.lower() for word in before.split()[-EXISTENTIAL_WORDS:]]
    return any(word == "there" and following in BE_FORMS for word, following in pairwise(words))


def _base_form_ok(sentence: Sentence, cue_start: int, third_person: bool = False, cue_end: int | None = None) -> bool:
    """A base-form cue ("say") needs a plural subject (third_person: not "I", "we" or "you"); otherwise it is a noun or
    an infinitive."""
    text = sentence.text
    window = text[max(sentence.start, cue_start - PHRASE_HEAD_REACH) : cue_start]
    subject = BASE_SUBJECT_RE.search(window)
    if not subject or window[subject.start(1) - 1 : subject.start(1)] in ("’", "'"):
        return False  # "Let's say", "Google's": a contraction or a possessive is no plural subject
    word = subject.group(1).lower()
    relative = THAT_RELATIVE_RE if word == "that" else WHO_RELATIVE_RE if word == "who" else None
    if relative is None and _existential_noun(window[: subject.start(1)]):
        return False  # "there were more officials present in Parliament": an existential's noun, no verb's subject
    if relative is not None and relative.search(window):
        if word == "who" and not _who_reports(sentence, cue_start, cue_end):
            return False  # "the people who write these reviews": a habit, no report
        antecedent = BASE_SUBJECT_RE.search(window, 0, subject.start(1))  # "retail outlets that claim": outlets agree
        word = antecedent.group(1).lower() if antecedent else word
    if third_person and word in FIRST_AND_SECOND_PERSON:
        return False  # "we propose that …": the writer's own words
    if word == "you":
        # "letting you add …": after a verb, "you" is its object; as a present cue's subject it is any reader ("You say
        # the same thing every time: …", a habit or an instruction) unless a clause is reported (an interviewer's "You
        # argue that …")
        if cue_end is None or not YOU_SUBJECT_LEAD_RE.search(window, 0, subject.start(1)):
            return False
        return text.startswith(CLAUSE_OPENERS, skip_spaces(text, cue_end, len(text)))
    if word in PLURAL_SUBJECTS:
        return not SUBORDINATE_SUBJECT_RE.search(text[max(sentence.start, cue_start - 30) : cue_start])
    if word in NOT_PLURAL_SUBJECTS:
        return False
    names = COORDINATED_NAMES_RE.search(window) if subject.group(1)[:1].isupper() else None
    if names and _whole_subject(window[: names.start()], cue_start - len(window) == sentence.start):
        return True  # "Chiou and Howlett write": two names joined by "and" are plural
    return plural_noun(word) or plural_head_before_phrase(window) is not None
