"""Cues: the reporting verbs of a text, and one function per attribution pattern around a cue.

A finite cue is tried against the patterns in order (attribution_at_cue); participles ("…, noting that …"),
"according to" and colon cues ('Blinken: "…"') have patterns of their own.
"""

from __future__ import annotations

import logging
import re

from .content import (
    after_is_end,
    ends_in_quote,
    enough_words,
    following_block,
    forward_content,
    is_parenthetical,
    kind,
    lead_start,
    parenthetical_rest,
    quote_content,
    trim_content,
    trim_forward,
)
from .lexicon import (
    BASE_FORMS,
    CALL_FORMS,
    CLAUSE_OPENERS,
    CLAUSE_WORDS,
    CLOSE_MARKS,
    CONSTRUCTION_FORMS,
    CUE_VERBS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FINDING_FORMS,
    NAMED_REPORT_FORMS,
    NOT_PLURAL_ENDINGS,
    NOT_PLURAL_SUBJECTS,
    NOT_TRANSCRIPT_LABELS,
    NOUN_THEN_VERB,
    NP_BREAK,
    OBJECT_CUES,
    PARTICIPLE_CUES,
    PARTICLE_CUES,
    PASSIVE_REPORT_FORMS,
    PLURAL_PRONOUNS,
    PLURAL_SUBJECTS,
    PREPOSITIONAL_CUES,
    SPEECH_PARTICIPLES,
    TRANSCRIPT_ROLES,
    WEAK_CUES,
)
from .patterns import (
    ADDRESSEE_RE,
    ALNUM_RUN_RE,
    AUX_RE,
    BASE_SUBJECT_RE,
    BY_AGENT_RE,
    CALL_FOR_RE,
    CALL_ON_RE,
    CLAUSE_VERB_RE,
    COLON_END_RE,
    COLON_SRC_RE,
    COMMA_RE,
    CONJOINED_REST_RE,
    COORDINATED_RE,
    CUE_AFTER_OTHER_RE,
    CUE_AFTER_SPACE_RE,
    CUE_PUBLICATION_RE,
    CUE_RE,
    CUE_TAIL_RE,
    DO_SUPPORT_RE,
    MARK_THEN_QUOTE_RE,
    NAME_BEFORE_APPOSITION_RE,
    NEXT_WORD_RE,
    NOT_FINITE_RE,
    OBJECT_THEN_GROUNDS_RE,
    OBJECT_THEN_QUOTE_RE,
    PARTICLE_RES,
    PASSIVE_AUX_RE,
    PHRASE_END_RE,
    PROGRESSIVE_RE,
    QUOTE_CHARS_RE,
    RELATIVE_RE,
    STRONG_VERB_RE,
    SUBORDINATE_LEAD_RE,
    SUBORDINATE_SUBJECT_RE,
    TRANSCRIPT_LABEL_RE,
    WORD_CHAR_RE,
)
from .sources import clause_subject, source_after, source_before
from .structure import QuoteIndex, RawAttribution, Sentence, Span, skip_spaces

log = logging.getLogger(__name__)

# Most cues looked at in one text (guards time): reporting verbs first, then colon cues ('Smith: "…"') up to the
# rest of the cap, each sentence examined for one counting as one cue.
MAX_CUES = 20000

# Lowercase words between a quote and a source that are no modifier of the source ('"…," and French President …').
NOT_MODIFIERS: frozenset[str] = NP_BREAK | DETERMINERS | frozenset(["and", "or", "nor", "but", "so", "then", "said"])
# Most words in a prepositional cue's source taken up to its comma.
MAX_PREPOSITIONAL_SOURCE_WORDS = 12
# Fewest words in a statement split around its cue.
MIN_STATEMENT_WORDS = 3

# The attributions found so far in a sentence, each with its cue's position.
Found = list[tuple[int, RawAttribution]]


def cue_matches(text: str) -> list[re.Match]:
    """CUE_RE.finditer(text) up to MAX_CUES, ~1.6x faster. A cue is whole words, so cues never overlap and
    finditer finds every position CUE_RE matches at: 0, or one after a non-word character, a space or another,
    which is where the two patterns above match (their matches do not overlap either: each ends on a word
    character and starts on a non-word one)."""
    starts = [match.start() + 1 for match in CUE_AFTER_SPACE_RE.finditer(text)]
    others = [match.start() + 1 for match in CUE_AFTER_OTHER_RE.finditer(text)]
    if others:
        starts = sorted(starts + others)
    if CUE_RE.match(text):
        starts.insert(0, 0)
    # The very match finditer returns: \b looks behind pos.
    return [CUE_RE.match(text, start) for start in starts[:MAX_CUES]]


def colon_quote_possible(text: str, start: int, end: int) -> bool:
    """A colon (or dash) cue needs one right before a quotation mark; without it, a cue-less stretch is skipped."""
    return MARK_THEN_QUOTE_RE.search(text, start, end) is not None


def cue_extent(text: str, cue: re.Match, sentence_end: int) -> tuple[int, int, str] | None:
    """The cue span (verb plus addressee/venue) and the verb's lowercase form; None for a particle verb without
    its particle."""
    verb = cue.group().lower()
    cue_start, cue_end = cue.start(), cue.end()
    if verb in PARTICLE_CUES:
        particle = PARTICLE_RES[verb].match(text[cue_end : cue_end + 8])
        if not particle:
            return None
        cue_end += particle.end()
    if verb in OBJECT_CUES:
        addressee = ADDRESSEE_RE.match(text[cue_end : min(sentence_end, cue_end + 80)])
        if addressee:
            cue_end += addressee.end()
    venue = CUE_TAIL_RE.match(text, cue_end, min(sentence_end, cue_end + 120)) or CUE_PUBLICATION_RE.match(
        text, cue_end, min(sentence_end, cue_end + 80)
    )
    if venue:
        cue_end = venue.end()
    return cue_start, cue_end, verb


def _attribution(sentence: Sentence, source: Span, cue_start: int, cue_end: int, content: Span) -> RawAttribution:
    return RawAttribution(source, (cue_start, cue_end), content, "", sentence.paragraph)


def _unless_empty(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, content: Span
) -> RawAttribution | None:
    return _attribution(sentence, source, cue_start, cue_end, content) if content[1] > content[0] else None


# ---------------------------------------------------------------------------------------------
# A finite cue
# ---------------------------------------------------------------------------------------------


def attribution_at_cue(sentence: Sentence, cue: re.Match, found: Found) -> RawAttribution | None:
    """The attribution a finite reporting verb reports: the first pattern below that fits its sentence."""
    text, sentence_start, sentence_end = sentence.text, sentence.start, sentence.end
    if sentence.quotes.inside(cue.start()):
        return None  # reporting verbs inside a quotation belong to the quoted speaker
    extent = cue_extent(text, cue, sentence_end)
    if extent is None:
        return None
    cue_start, cue_end, verb = extent
    if verb in PREPOSITIONAL_CUES:
        return according_to(sentence, cue_start, cue_end)
    before = text[max(sentence_start, cue_start - 12) : cue_start]
    progressive = verb in PARTICIPLE_CUES and PROGRESSIVE_RE.search(before)
    if verb in PASSIVE_REPORT_FORMS:
        passive = PASSIVE_AUX_RE.search(text[max(sentence_start, cue_start - 30) : cue_start])
        if passive:
            aux_start = max(sentence_start, cue_start - 30) + passive.start()
            return passive_report(sentence, aux_start, cue_end, verb)
    if not progressive and (NOT_FINITE_RE.search(before) or verb in PARTICIPLE_CUES):
        return None  # infinitives, gerund objects, passives; participles wait for the sentence's other attributions
    auxiliary = AUX_RE.search(text, max(sentence_start, cue_start - 12), cue_start)
    do_support = verb in BASE_FORMS and DO_SUPPORT_RE.search(text, max(sentence_start, cue_start - 8), cue_start)
    if do_support:
        auxiliary = do_support  # "The hospital did say that …": finite, as "said" is
    if auxiliary:
        cue_start = auxiliary.start()  # the auxiliary belongs to the cue ("has admitted", "are insisting")
        before = text[max(sentence_start, cue_start - 12) : cue_start]
    if cue.group()[0].isupper():
        return None  # a capitalised verb starts a sentence or a title: no subject before it
    weak, base = verb in WEAK_CUES, verb in BASE_FORMS and not do_support
    quoted = quote_then_cue_then_source(sentence, cue_start, cue_end, base)
    if quoted:
        return quoted
    if base and not _base_form_ok(text, sentence_start, cue_start):
        return None
    next_word = NEXT_WORD_RE.match(text, cue.end(), sentence_end)
    if next_word and (
        (next_word.group(1) in CUE_VERBS and not next_word.group(1).endswith("ing"))  # "recommends calling …"
        or (base and next_word.group(1).endswith("ed"))
        or (verb.endswith("s") and next_word.group(1) in NOUN_THEN_VERB)
    ):
        return None  # "online claims argue", "the report showed", "30 states have": this word is a noun
    source = _source_before_cue(text, sentence_start, cue_start)
    if verb in CONSTRUCTION_FORMS:
        if source is None and COORDINATED_RE.search(before):
            source = clause_subject(text, sentence_start, cue_start, found)
        return object_construction(sentence, source, cue_start, cue_end, verb) if source else None
    if source is None and COORDINATED_RE.search(before):
        subject = clause_subject(text, sentence_start, cue_start, found)
        if subject is not None:
            return coordinated_cue(sentence, subject, cue_start, cue_end, verb, weak)
    if source is None:
        return None if base or weak else clause_then_cue_then_source(sentence, cue_start, cue_end)
    if verb in FINDING_FORMS:
        if not documents_speak(text, source):
            return None  # "found the keys", "he finds that he's late": findings are a document's, or a researcher's
        # "research shows the opposite is true": a document's finding needs no "that", but a clause with a plain
        # finite verb ("show no significant changes in …" is an object)
        weak = not _finite_clause_follows(text, cue_end, sentence_end)
    if verb in NAMED_REPORT_FORMS and text[source[0]].isupper() and _finite_clause_follows(text, cue_end, sentence_end):
        weak = False  # "Mashable reports the company announced …": a named outlet reports a bare clause
    quoted = quote_then_source_then_cue(sentence, source, cue_start, cue_end)
    if quoted:
        return quoted
    clause = text[sentence_start : source[0]].rstrip()
    if clause.endswith(","):
        rest = parenthetical_rest(text, cue_end, sentence_end)
        if rest is not None and is_parenthetical(clause[:-1]):
            return cue_between_commas(sentence, source, cue_start, cue_end, rest)  # "In part, Levin says, …"
        backward = clause_then_source_then_cue(sentence, source, cue_start, cue_end, clause)
        if backward:
            return backward
    return source_then_cue_then_content(sentence, source, cue_start, cue_end, verb, weak)


def _source_before_cue(text: str, sentence_start: int, cue_start: int) -> Span | None:
    """The source right before the cue, or the antecedent of a relative pronoun there."""
    source = source_before(text, sentence_start, cue_start)
    if source is None:
        relative = RELATIVE_RE.search(text, max(sentence_start, cue_start - 40), cue_start)
        if relative:
            # "said the officials, who added that …": the relative pronoun's antecedent speaks
            source = source_before(text, sentence_start, relative.start())
    return source


def _finite_clause_follows(text: str, cue_end: int, sentence_end: int) -> bool:
    start = skip_spaces(text, cue_end, sentence_end)
    phrase_end = PHRASE_END_RE.search(text, start, sentence_end)
    return bool(
        STRONG_VERB_RE.search(text, start, min(start + 160, phrase_end.start() if phrase_end else sentence_end))
    )


def documents_speak(text: str, source: Span) -> bool:
    """A document, poll, study or data (or researchers, a court) among the source's words: a finding verb after it
    reports ("the report found that …"); still only with a that-clause, a quote or a colon (WEAK_CUES)."""
    return any(word.lower() in DOCUMENT_NOUNS for word in ALNUM_RUN_RE.findall(text, source[0], source[1]))


def _base_form_ok(text: str, sentence_start: int, cue_start: int) -> bool:
    """A base-form cue ("say") needs a plural subject; otherwise it is a noun or an infinitive."""
    subject = BASE_SUBJECT_RE.search(text[max(sentence_start, cue_start - 60) : cue_start])
    if not subject:
        return False
    word = subject.group(1).lower()
    if word in PLURAL_SUBJECTS:
        return not SUBORDINATE_SUBJECT_RE.search(text[max(sentence_start, cue_start - 30) : cue_start])
    if word in NOT_PLURAL_SUBJECTS:
        return False
    return word.endswith("s") and not word.endswith(NOT_PLURAL_ENDINGS) and word not in NP_BREAK


def _plural_source(text: str, source: Span) -> bool:
    words = text[source[0] : source[1]].split(",")[0].split()
    return bool(words) and (words[-1].lower() in PLURAL_PRONOUNS or words[-1].lower().endswith("s"))


def quote_then_cue_then_source(sentence: Sentence, cue_start: int, cue_end: int, base: bool) -> RawAttribution | None:
    """'"…," said X.': a quote closes right before the cue and the source follows it."""
    text = sentence.text
    quote = ends_in_quote(text, sentence.quotes, sentence.start, cue_start)
    if quote is None:
        return None
    source = source_after(text, cue_end, sentence.end)
    if source and (not base or _plural_source(text, source)):
        content = quote_content(text, sentence.quotes, sentence.start, quote)
        return _attribution(sentence, source, cue_start, cue_end, content)
    return None


def coordinated_cue(
    sentence: Sentence, subject: Span, cue_start: int, cue_end: int, verb: str, weak: bool
) -> RawAttribution | None:
    """'He stresses hydration and recommends …': the clause's subject speaks, the content follows the cue."""
    content = forward_content(sentence.text, sentence.quotes, cue_end, sentence.end, verb, weak)
    if content is None:
        return None
    content = trim_forward(sentence.text, sentence.quotes, *content)
    return _unless_empty(sentence, subject, cue_start, cue_end, content)


def clause_then_cue_then_source(sentence: Sentence, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'…, said the spokesman.': the source follows the cue (inverted order) and the clause before is the content;
    or the cue sits between commas (", says X, can teach …") and the content follows the source."""
    text = sentence.text
    clause = text[sentence.start : cue_start].rstrip()
    if not clause.endswith(","):
        return None
    source = source_after(text, cue_end, sentence.end)
    if source is None:
        return None
    rest = parenthetical_rest(text, source[1], sentence.end)
    if rest is not None and is_parenthetical(clause[:-1]):
        return cue_between_commas(sentence, source, cue_start, cue_end, rest)
    if after_is_end(text, source[1], sentence.end):
        return _clause_content(sentence, source, cue_start, cue_end, cue_start, clause)
    return None


def _before_modifiers(text: str, sentence_start: int, source_start: int) -> int:
    """Where the source begins once up to two lowercase modifiers the scan left out are taken back ('…,"
    registered dietitian Amy Lee explained': the backward scan stops at "registered")."""
    before = text[sentence_start:source_start].rstrip()
    words = before.rsplit(None, 2)
    for count in (1, 2):
        modifiers = words[-count:]
        if len(words) > count and all(
            word.isalpha() and word.islower() and word not in NOT_MODIFIERS for word in modifiers
        ):
            head = before[: len(before) - len(" ".join(words[-count:]))].rstrip()
            if head.endswith(CLOSE_MARKS):
                return sentence_start + len(head) + 1
    name = NAME_BEFORE_APPOSITION_RE.search(before)
    if name:
        return sentence_start + name.start(1)  # '…," Callan Spicher, vice president of …, told us'
    return source_start


def quote_then_source_then_cue(sentence: Sentence, source: Span, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'"…," he said.': a quote closes right before the source. '"Why not?" Lee asked.' reads as two sentences (a
    capital follows "?\""): the quote ending the sentence before, right before the source, is the content too."""
    text = sentence.text
    start = _before_modifiers(text, sentence.start, source[0])
    quote = ends_in_quote(text, sentence.quotes, sentence.start, start)
    if quote is not None and text[start : source[0]].strip()[:1].isupper():
        source = (skip_spaces(text, start, source[0]), source[1])  # the name before the apposition is the source's
    if quote is None:
        if text[sentence.start : source[0]].strip():
            return None
        window = max(0, sentence.start - 4)
        before = text[window : sentence.start].rstrip(" \t")  # on the same line: a paragraph is no quote's cue
        if len(before) < 2 or not before.endswith(CLOSE_MARKS) or before[-2] not in "?!":
            return None
        quote = sentence.quotes.ending_at(window + len(before))
        rest = text[skip_spaces(text, cue_end, sentence.end) : sentence.end]
        if quote is None or sentence.quotes.any_in(cue_end, sentence.end) or rest.startswith((":", *CLAUSE_OPENERS)):
            return None  # the cue's own content follows it
        return _attribution(sentence, source, cue_start, cue_end, quote)
    content = quote_content(text, sentence.quotes, sentence.start, quote)
    return _attribution(sentence, source, cue_start, cue_end, content)


def clause_then_source_then_cue(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, clause: str
) -> RawAttribution | None:
    """'…, the NYT wrote.': the clause before the source is the content, nothing but a trailer after the cue."""
    if not after_is_end(sentence.text, cue_end, sentence.end):
        return None
    return _clause_content(sentence, source, cue_start, cue_end, source[0], clause)


def _clause_content(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, clause_end: int, clause: str
) -> RawAttribution | None:
    """The clause before the source and cue (up to its comma) as content, if it has enough words."""
    text, quotes = sentence.text, sentence.quotes
    start = lead_start(text, sentence.start, clause_end, quotes)
    content = trim_content(text, quotes, start, sentence.start + len(clause) - 1)
    if not enough_words(text, *content):
        return None
    after = max(cue_end, source[1])
    rest = CONJOINED_REST_RE.match(text, after, sentence.end)
    if rest and not quotes.any_in(rest.end(), sentence.end) and not CUE_RE.search(text, rest.end(), sentence.end):
        # "It pays to be wary, Zuckerberg said, and be willing to move fast": the statement goes on after the cue
        return _around_cue(
            sentence, source, cue_start, cue_end, content, trim_forward(text, quotes, rest.start(1), sentence.end)
        )
    return _attribution(sentence, source, cue_start, cue_end, content)


def cue_between_commas(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, rest: int
) -> RawAttribution | None:
    """'Mindfulness apps, says Bradford, can teach …': a parenthetical cue; the content is the clause around it, the
    part before the first comma of the pair and the part after the second."""
    text, quotes = sentence.text, sentence.quotes
    content = trim_forward(text, quotes, rest, sentence.end)
    first_comma = text.rfind(",", sentence.start, min(cue_start, source[0]))
    lead = trim_content(text, quotes, lead_start(text, sentence.start, first_comma, quotes), first_comma)
    if lead[1] > lead[0] and content[1] > content[0]:
        return _around_cue(sentence, source, cue_start, cue_end, lead, content)
    return _unless_empty(sentence, source, cue_start, cue_end, content)


def source_then_cue_then_content(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, verb: str, weak: bool
) -> RawAttribution | None:
    """'X said (that) …', 'X said: "…"': the content follows the cue, on through following paragraphs after a
    colon that ends its paragraph."""
    text, quotes = sentence.text, sentence.quotes
    colon_end = COLON_END_RE.match(text, cue_end, sentence.end)
    if colon_end and COLON_END_RE.match(text, cue_end).end() > sentence.end:
        # "President Obama also said:" ends the paragraph: the content is what follows
        block = following_block(text, quotes, sentence.end, quoted_only=False)
        return _attribution(sentence, source, cue_start, cue_end, block) if block else None
    content = forward_content(text, quotes, cue_end, sentence.end, verb, weak)
    if content is None:
        return None
    content_start, content_end = content
    quote = quotes.find(content_start)
    if quote and quote[0] == content_start and quote[1] == content_end:
        if text.startswith(":", cue_end) or text[cue_end:content_start].strip() == ":":
            # a colon-introduced quote that ends its paragraph goes on through quoted paragraphs
            block = following_block(text, quotes, content_end, quoted_only=True)
            if block:
                content_end = block[1]
    else:
        content_start, content_end = trim_forward(text, quotes, content_start, content_end)
        lead = _subordinate_lead(sentence, source)
        if lead is not None and content_end > content_start:
            # "Even if a game isn't tuned for it, Microsoft says you might see gains": the condition is reported too
            return _around_cue(sentence, source, cue_start, cue_end, lead, (content_start, content_end))
    return _unless_empty(sentence, source, cue_start, cue_end, (content_start, content_end))


def _subordinate_lead(sentence: Sentence, source: Span) -> Span | None:
    """A subordinate clause opening the sentence and ending in a comma right before the source."""
    text = sentence.text
    lead_text = text[sentence.start : source[0]].rstrip()
    start = skip_spaces(text, sentence.start, source[0])
    if not lead_text.endswith(",") or not SUBORDINATE_LEAD_RE.match(text, start, source[0]):
        return None
    if sentence.quotes.any_in(start, source[0]):
        return None
    return trim_content(text, sentence.quotes, start, sentence.start + len(lead_text) - 1)


# ---------------------------------------------------------------------------------------------
# Participles, "according to", colon cues
# ---------------------------------------------------------------------------------------------


def object_construction(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, verb: str
) -> RawAttribution | None:
    """'X called on Y to …', 'X called for …', 'X called Y "Z"', 'X accused Y of …': a naming or evaluation verb
    reports only in these constructions; the content is the request, or the object with its label or grounds."""
    text, end = sentence.text, sentence.end
    if text[cue_start - 1 : cue_start] == "-":
        return None  # "so-called"
    if verb in CALL_FORMS:
        addressee = CALL_ON_RE.match(text, cue_end, end)
        if addressee:
            content = trim_forward(text, sentence.quotes, addressee.end(), end)
            return _unless_empty(sentence, source, cue_start, addressee.end() - 1, content)
        particle = CALL_FOR_RE.match(text, cue_end, end)
        if particle:
            content = trim_forward(text, sentence.quotes, particle.end(), end)
            return _unless_empty(sentence, source, cue_start, particle.end(), content)
        labelled = OBJECT_THEN_QUOTE_RE.match(text, cue_end, end)
    else:
        labelled = OBJECT_THEN_QUOTE_RE.match(text, cue_end, end) or OBJECT_THEN_GROUNDS_RE.match(text, cue_end, end)
    if not labelled:
        return None
    content = trim_forward(text, sentence.quotes, skip_spaces(text, cue_end, end), end)
    return _unless_empty(sentence, source, cue_start, cue_end, content)


def participle(sentence: Sentence, cue: re.Match, found: Found) -> RawAttribution | None:
    """'…, noting that …': the source is the clause's subject (an earlier source in the sentence)."""
    text, quotes = sentence.text, sentence.quotes
    cue_start = cue.start()
    if quotes.inside(cue_start) or not text[sentence.start : cue_start].rstrip().endswith(","):
        return None
    source = clause_subject(text, sentence.start, cue_start, found)
    if source is None:
        return None
    extent = cue_extent(text, cue, sentence.end)
    if extent is None:
        return None  # never: no participle needs a particle
    cue_start, cue_end, verb = extent
    if verb in CONSTRUCTION_FORMS:
        return object_construction(sentence, source, cue_start, cue_end, verb)
    content = forward_content(text, quotes, cue_end, sentence.end, verb, verb not in SPEECH_PARTICIPLES)
    if content is None:
        return None
    quote = quotes.find(content[0])
    if not (quote and quote[0] == content[0] and quote[1] == content[1]):
        content = trim_forward(text, quotes, *content)
    return _unless_empty(sentence, source, cue_start, cue_end, content)


def according_to(sentence: Sentence, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'According to X, …' (the source ends at the first comma) and '…, according to X.'"""
    text, quotes = sentence.text, sentence.quotes
    clause = text[sentence.start : cue_start].rstrip()
    if not clause:
        comma = text.find(",", cue_end, sentence.end)
        if comma < 0:
            return None
        source = _phrase_up_to(text, cue_end, comma) or source_after(text, cue_end, comma, allow_appositive=False)
        if not source:
            return None
        content = trim_content(text, quotes, comma + 1, sentence.end)
    else:
        if not clause.endswith(","):
            return None
        comma = text.find(",", cue_end, sentence.end)
        between = _phrase_up_to(text, cue_end, comma) if comma >= 0 else None
        if (
            between is not None
            and _rest_after_source(text, between[1], sentence.end) is not None
            and (CLAUSE_VERB_RE.search(text, comma + 1, min(sentence.end, comma + 80)))
        ):
            source = between  # "Steyer, according to a count from the Post and Courier, has the backing of …"
        else:
            source = source_after(text, cue_end, sentence.end)
        if not source:
            return None
        start = lead_start(text, sentence.start, cue_start, quotes)
        content = trim_content(text, quotes, start, sentence.start + len(clause) - 1)
        rest = _rest_after_source(text, source[1], sentence.end)
        if rest is not None:
            # "The goal, according to the change log, is to provide …": the statement is around the cue
            rest_content = trim_forward(text, quotes, rest, sentence.end)
            return _around_cue(sentence, source, cue_start, cue_end, content, rest_content)
        if not enough_words(text, *content):
            return None
    if content[1] <= content[0]:
        return None
    return RawAttribution(source, (cue_start, cue_end), content, kind(text, quotes, *content), sentence.paragraph)


def passive_report(sentence: Sentence, aux_start: int, cue_end: int, verb: str) -> RawAttribution | None:
    """'We are told that …', 'She was asked to …', 'It was described as …': a report whose teller goes unnamed
    (source null), or is named after "by" ('was told by police that …'). The content is a that-clause, a quote, an
    infinitive or an "as" phrase; never a plain object."""
    text, quotes, end = sentence.text, sentence.quotes, sentence.end
    preceding = text[max(sentence.start, aux_start - 6) : aux_start].rstrip()
    if preceding.endswith(("not", "n’t", "n't", " to", " never")) or preceding == "to":
        return None  # "was not told", "to be told": negated or not yet a report
    source = None
    pos = cue_end
    agent = BY_AGENT_RE.match(text, cue_end, end)
    if agent:
        source = source_after(text, agent.end(), end, allow_appositive=False)
        if source is None:
            return None
        pos = source[1]
    rest = text[skip_spaces(text, pos, end) : end]
    if rest.startswith(("to ", "as ")) or (rest[:1] in '"“«' and rest):
        start = skip_spaces(text, pos, end)
        content = trim_forward(text, quotes, start, end)
    else:
        found = forward_content(text, quotes, pos, end, verb, False)
        if found is None:
            return None
        content = trim_forward(text, quotes, *found)
    if content[1] <= content[0] or len(text[content[0] : content[1]].split()) < 2:
        return None
    return RawAttribution(source, (aux_start, cue_end), content, "", sentence.paragraph)


def _phrase_up_to(text: str, start: int, comma: int) -> Span | None:
    """A prepositional cue's source running to the comma ("According to legend,", "according to a count from the
    Post and Courier,"): a short phrase of words, no clause."""
    span_start = skip_spaces(text, start, comma)
    words = text[span_start:comma].split()
    if not 1 <= len(words) <= MAX_PREPOSITIONAL_SOURCE_WORDS or not words[0][:1].isalnum():
        return None
    if QUOTE_CHARS_RE.search(text, span_start, comma) or any(word.lower() in CLAUSE_WORDS for word in words):
        return None
    return span_start, comma


def _rest_after_source(text: str, source_end: int, sentence_end: int) -> int | None:
    """Where the sentence goes on after a source between commas (", according to X, is …"), if it does."""
    comma = COMMA_RE.match(text, source_end, sentence_end)
    if not comma or not WORD_CHAR_RE.search(text, comma.end(), sentence_end):
        return None
    return comma.end()


def _around_cue(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, lead: Span, rest: Span
) -> RawAttribution | None:
    """A statement interrupted by its cue and source: two fragments, the clause before and the clause after."""
    pieces = [span for span in (lead, rest) if span[1] > span[0]]
    if not pieces or sum(len(sentence.text[s:e].split()) for s, e in pieces) < MIN_STATEMENT_WORDS:
        return None
    raw = RawAttribution(source, (cue_start, cue_end), (pieces[0][0], pieces[-1][1]), "", sentence.paragraph)
    raw.fragments = pieces
    return raw


def colon_cue(sentence: Sentence, found: Found) -> None:
    """'Blinken: "…"', 'Lee ― "…"': a named source introducing a quote with a colon or a dash; added to found."""
    text, sentence_start = sentence.text, sentence.start
    words = text[sentence_start : sentence.end]
    if ":" not in words and "―" not in words and "—" not in words and "–" not in words:
        return
    named = COLON_SRC_RE.match(words)
    if not named:
        return
    gap = words[named.end(1) : named.end()]  # the spaces, the colon or dash, the spaces
    colon = sentence_start + named.end(1) + len(gap) - len(gap.lstrip())
    quote = sentence.quotes.starting_at(sentence_start + named.end())
    if not quote:
        return
    if named.group(1).split()[0].lower() in NP_BREAK:
        return
    if any(raw.cue[0] <= colon < raw.cue[1] or raw.content[0] <= colon < raw.content[1] for _, raw in found):
        return
    source = (sentence_start + named.start(1), sentence_start + named.end(1))
    cue = (colon, colon + 1)
    first, _, rest = named.group(1).partition(" ")
    if rest and first.lower() in CUE_VERBS:
        # 'Said Ellis: "…"': the verb is the cue, the name after it the source
        cue = (source[0], source[0] + len(first))
        source = (source[0] + len(first) + 1, source[1])
    found.append((colon, RawAttribution(source, cue, quote, "direct", sentence.paragraph)))


def transcript_lines(text: str, paragraph_spans: list[Span], taken: set[int]) -> list[RawAttribution]:
    """A transcript ("ROSIE CURTS: If vouchers pass, …"): a capitalised label and a colon open each speaker's
    paragraph, the rest of it is what they said. Only in a text with at least two labelled paragraphs, never for
    the programme's own voices (host, byline, and their later surname-only labels), never in a paragraph that
    already has an attribution (taken), never for fewer than MIN_STATEMENT_WORDS words."""
    labelled = []
    for index, (start, end) in enumerate(paragraph_spans):
        if start < end and text[start].isupper():
            label = TRANSCRIPT_LABEL_RE.match(text, start, end)
            if label and label.group("name").split()[0].rstrip(".") not in NOT_TRANSCRIPT_LABELS:
                labelled.append((index, label))
    if len(labelled) < 2:
        return []
    # a person's label has two words or more ("ROSIE CURTS", "UNIDENTIFIED PERSON #1"), or is the surname of one
    # that has ("CANTWELL"): "PRICE:" and "INTERVAL:" head a table's cells
    full = [label.group("name").split() for _, label in labelled if len(label.group("name").split()) >= 2]
    surnames = {words[-1] for words in full}
    labelled = [
        (i, label) for i, label in labelled if len(label.group("name").split()) >= 2 or label.group("name") in surnames
    ]
    if len(labelled) < 2:
        return []
    own_voices = set()
    for _, label in labelled:
        if label.group("role") and label.group("role").split()[0] in TRANSCRIPT_ROLES:
            own_voices.update({label.group("name"), label.group("name").split()[-1]})
    found = []
    for index, label in labelled:
        name = label.group("name")
        if index in taken or name in own_voices or name.split()[-1] in own_voices:
            continue
        content = trim_content(text, QuoteIndex([]), label.end(), paragraph_spans[index][1])
        if len(text[content[0] : content[1]].split()) < MIN_STATEMENT_WORDS:
            continue
        colon = text.index(":", label.end("name"))
        found.append(
            RawAttribution((label.start("name"), label.end("name")), (colon, colon + 1), content, "indirect", index)
        )
    return found
