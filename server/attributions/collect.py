"""Collect the raw attributions of a text: paragraph by paragraph, sentence by sentence, each sentence's cues
tried against the patterns (cues/), then its contents cut at the next attribution and duplicates dropped."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import replace

from ..limits import Deadline
from .content import fronted_clause, kind, trim_content
from .cues import (
    MAX_CUES,
    PROGRESSIVE_REACH,
    Found,
    attribution_at_cue,
    attribution_lines,
    colon_cue,
    participle,
    post_lines,
    reporting_cues,
    transcript_lines,
)
from .cues.nested import NO_QUOTES
from .cues.nouns import noun_reports, words_reports
from .cues.scan import ColonQuotes
from .fragments import join_fragments
from .lexicon import PRONOUNS, RESTRICTIVE_RELATIVES, SOURCE_NOUNS, THIRD_PERSON_PRONOUNS, singular_noun
from .names import LowerCaseUse, inside_sentence, word_occurrences
from .patterns import (
    AND_BEFORE_RE,
    COORDINATED_VERB_RE,
    MAIN_VERB_AFTER_COMMA_RE,
    NEXT_STATEMENT_RE,
    PROGRESSIVE_RE,
    SET_OFF_RELATIVE_RE,
)
from .structure import NounUses, QuoteIndex, RawAttribution, Sentence, Span, is_capitalised, sentences, skip_spaces
from .vocabulary import OBJECT_LABEL_FORMS, PARTICIPLE_CUES, VOW_PARTICIPLES, WEAK_CUES

log = logging.getLogger(__name__)

# Most cues looked at in one sentence: real sentences are far below it; the cap keeps pathological input linear.
MAX_CUES_PER_SENTENCE = 40
# A reported statement has at least this many words (a lone "that" is a fragment).
MIN_CONTENT_WORDS = 2
# A short capitalised word ("Jr", "Inc", "Ky") right before a period, and its most letters.
MAX_ABBREVIATED_WORD = 4
ABBREVIATED_WORD_RE = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{0,3}+(?![^\W\d_])")
# A later attribution's source this close to a content's start opens a report nested in it, and does not cut it.
NESTED_SOURCE_REACH = 6
# How near a later cue of the same source a comma ends the earlier content ("…, now says").
SAME_SOURCE_COMMA_REACH = 25
# Two contents sharing this much of the shorter one are the same statement.
SAME_CONTENT = 0.8


def raw_attributions(
    text: str,
    deadline: Deadline,
    paragraph_spans: list[Span],
    quotes: QuoteIndex,
    cue_starts: list[int],
    sentence_cache: dict[int, list[Span]] | None = None,
) -> list[RawAttribution]:
    """One attribution per cue, in text order, from where verb_scan(text) found the cue words; the sentences of each
    paragraph split go into sentence_cache."""
    deadline.check()
    found: list[RawAttribution] = []
    # one pass for all cues; paragraphs without a cue or a colon are skipped without sentence splitting
    cues = reporting_cues(text, cue_starts)
    reporting_starts = [cue.start() for cue in cues]
    colon_budget = MAX_CUES - len(cues)  # cue-less sentences examined for a colon cue share the cap
    colon_quotes = ColonQuotes(text)
    nouns = NounUses(text)  # read once per text if asked, shared by its sentences
    for paragraph_index, (paragraph_start, paragraph_end) in enumerate(paragraph_spans):
        deadline.check()
        if paragraph_start >= paragraph_end:
            continue
        first = bisect_left(reporting_starts, paragraph_start)
        after_last = bisect_left(reporting_starts, paragraph_end, first)
        if first == after_last and (colon_budget <= 0 or not colon_quotes.possible(paragraph_start, paragraph_end)):
            continue
        cue_index = first  # the cues before each sentence's first are passed once
        paragraph_sentences = sentences(text, paragraph_start, paragraph_end, quotes.inside)
        if sentence_cache is not None:
            sentence_cache[paragraph_index] = paragraph_sentences
        for sentence_start, sentence_end in paragraph_sentences:
            while cue_index < after_last and reporting_starts[cue_index] < sentence_start:
                cue_index += 1
            sentence_first = cue_index
            while cue_index < after_last and reporting_starts[cue_index] < sentence_end:
                cue_index += 1
            if sentence_first == cue_index:
                if colon_budget <= 0 or not colon_quotes.possible(sentence_start, sentence_end):
                    continue
                colon_budget -= 1
            deadline.check()  # a single paragraph may hold thousands of sentences
            sentence = Sentence(text, quotes, sentence_start, sentence_end, paragraph_index, nouns)
            found.extend(
                attributions_in_sentence(
                    sentence, cues[sentence_first : min(cue_index, sentence_first + MAX_CUES_PER_SENTENCE)]
                )
            )
    found.extend(transcript_lines(text, quotes, paragraph_spans, {raw.paragraph for raw in found}))
    found.extend(attribution_lines(text, quotes, paragraph_spans, found))
    found.extend(post_lines(text, quotes, paragraph_spans, found))
    found.extend(noun_reports(text, quotes, paragraph_spans, found))
    found.extend(words_reports(text, quotes, paragraph_spans, found))
    # one attribution per cue, in text order
    seen: set[Span] = set()
    unique: list[RawAttribution] = []
    for raw in sorted(found, key=lambda raw: (raw.cue[0], raw.content[0])):
        if raw.cue not in seen:
            seen.add(raw.cue)
            unique.append(raw)
    deadline.check()
    join_fragments(text, quotes, paragraph_spans, unique)
    return unique


def _thing_vows(sentence: Sentence, raw: RawAttribution) -> bool:
    """A threat or pledge participle after a source that cannot speak ("Dark clouds gathered, threatening to ruin the
    picnic", "Rising costs are threatening to close the factory"): a thing's prospect, no one's words. A source speaks
    when its head is a person's pronoun, a person's or a body's source noun ("the union", "companies"; not "market
    forces", "the review") or a name; a sentence's first word alone only when the text writes it nowhere in lower case
    and names it inside a sentence too ("Vladimir Putin … Putin is threatening to …", not "Inflation is …")."""
    text = sentence.text
    if text[raw.cue[0] : raw.cue[1]].split()[-1].lower() not in VOW_PARTICIPLES:
        return False
    if raw.source is None:
        return True
    words = text[raw.source[0] : raw.source[1]].split()
    head = words[-1].strip(",.;:’'") if words else ""
    lowered = head.lower()
    if lowered in PRONOUNS - {"it", "you"} or lowered in SOURCE_NOUNS or singular_noun(lowered) in SOURCE_NOUNS:
        return False
    if not is_capitalised(head):
        return True  # "Market forces", "The government services": a lower-case head no source noun
    if len(words) > 1 or raw.source[0] != skip_spaces(text, sentence.start, raw.source[0]):
        return False  # "The Bank of England", "Last week, Brexit" (a name; GUIDELINES: a body's name may threaten)
    return LowerCaseUse(text)(head) or not _named_inside_sentence(text, head, raw.source[0])


def _named_inside_sentence(text: str, name: str, at: int) -> bool:
    """The text writes name capitalised inside a sentence somewhere other than at: a name's use, not a sentence's
    capital ("Vladimir Putin said …" before "Putin is threatening …")."""
    return any(pos != at and inside_sentence(text, pos) for pos, _ in word_occurrences(text, {name}))


def attributions_in_sentence(sentence: Sentence, cues: list[re.Match]) -> list[RawAttribution]:
    """The attributions whose cue lies in one sentence."""
    text, quotes = sentence.text, sentence.quotes
    found: Found = []
    participles: list[re.Match] = []
    for cue in cues:
        if any(raw.cue[0] <= cue.start() < raw.cue[1] for _, raw in found):
            continue  # "said in its report": the venue's noun is not another cue
        window_start = max(sentence.start, cue.start() - PROGRESSIVE_REACH)
        if cue.group() in PARTICIPLE_CUES and not PROGRESSIVE_RE.search(text, window_start, cue.start()):
            participles.append(cue)
            continue
        raw = attribution_at_cue(sentence, cue, found)
        if raw is not None and not _thing_vows(sentence, raw):
            found.append((cue.start(), raw))
    for cue in participles:
        raw = participle(sentence, cue, found)
        if raw is not None and not _thing_vows(sentence, raw):
            found.append((cue.start(), raw))
    colon_cue(sentence, found)
    if not found:
        return []
    found.sort(key=lambda item: item[0])
    # a forward content must not swallow a later attribution's source or cue in the same sentence
    # (a cue counts as a stop only when its source follows it: "…, said Jan Liphardt")
    # (a passive report, sourceless, sits inside another's content: "He said he was asked to …")
    # (a report nested in a quotation cuts no content: the quotation is its speaker's whole)
    outer = [raw for _, raw in found if not quotes.inside(raw.cue[0])]
    stops = sorted(
        [raw.source[0] for raw in outer if raw.source]
        + [raw.cue[0] for raw in outer if raw.source is not None and raw.source[0] > raw.cue[0]]
    )
    # "…, saying A and adding that B": a participle after "and" ends the content before it (its cue may hold an
    # addressee: "and urging colleagues to …")
    coordinated = [
        and_at.start()
        for raw in outer
        if text[raw.cue[0] : raw.cue[1]].split(None, 1)[0].endswith("ing")
        and (and_at := AND_BEFORE_RE.search(text, max(sentence.start, raw.cue[0] - 8), raw.cue[0])) is not None
    ]
    kept: list[RawAttribution] = []
    fronted = fronted_clause(text, quotes, sentence.start, sentence.end, sentence.nouns)
    for _, raw in found:
        raw = _with_abbreviation_period(text, sentence, raw)
        content_start, content_end = raw.content
        inside_fronted = fronted is not None and raw.cue[0] < fronted[0] and not quotes.inside(raw.cue[0])
        if inside_fronted and fronted[1]:
            continue  # "If officials say that …, we will know": a condition reports nothing
        if content_start > raw.cue[0]:
            cut = _cut_at_next_source(text, content_start, content_end, [stop for stop in stops if stop > raw.cue[1]])
            if inside_fronted and content_start < fronted[0] < cut:
                cut = fronted[0]  # "When Winfrey asked if …, he declined": the report ends with its clause
            cut = min([cut] + [stop for stop in coordinated if content_start < stop < cut])
            cut = min(cut, _cut_at_same_source(text, raw, found, content_start, content_end))
            cut = min(cut, _relative_clause_end(text, quotes, raw, content_start, cut))
            # a cue in a relative clause on another's source ("A midfielder who asked not to be named said …"): its
            # content ends before the other's cue
            cut = min([cut] + [other.cue[0] for other in outer if _in_source_relative(text, raw, other, content_start)])
            semicolon = text.rfind(";", content_start, cut) if cut != content_end else -1
            if semicolon > content_start and not quotes.inside(semicolon):
                cut = semicolon  # "X says A; B, he said": the clause after the semicolon is the next source's
            if cut != content_end:
                content_start, content_end = trim_content(text, quotes, content_start, cut)
                if content_end <= content_start:
                    continue
                raw = replace(raw, content=(content_start, content_end), kind="", fragments=None)
        # a report nested in a quotation is direct or mixed only by quotes of its own, never the one it is in
        raw.kind = kind(text, NO_QUOTES if quotes.inside(raw.cue[0]) else quotes, raw.content[0], raw.content[1])
        if raw.kind != "direct" and _fewer_words(text, raw.content, MIN_CONTENT_WORDS):
            continue  # "Nagel says that," with the statement in the next paragraph: nothing to show here
        kept.append(raw)
    return [raw for _, raw in _drop_duplicates(text, quotes, [(raw.cue[0], raw) for raw in kept])]


def _fewer_words(text: str, span: Span, count: int) -> bool:
    """Fewer than count words in span: split stops after count of them, so the rest of a long content is not split."""
    return len(text[span[0] : span[1]].split(None, count)) < count


def _with_abbreviation_period(text: str, sentence: Sentence, raw: RawAttribution) -> RawAttribution:
    """A source before its cue that ends in a short capitalised word and a period the sentence goes on after
    ("Robert F. Kennedy Jr. said", "Apple Inc. said", "Mitch McConnell, R-Ky., said"): the period is the
    abbreviation's, part of the name."""
    if raw.source is None or raw.source[1] > raw.cue[0] or text[raw.source[1] : raw.source[1] + 1] != ".":
        return raw
    end = raw.source[1]
    word = ABBREVIATED_WORD_RE.search(text, max(raw.source[0], end - MAX_ABBREVIATED_WORD - 1), end)
    if word is None or word.end() != end or end + 1 >= sentence.end:
        return raw
    return replace(raw, source=(raw.source[0], end + 1))


def _cut_at_next_source(text: str, content_start: int, content_end: int, next_sources: list[int]) -> int:
    for next_source in next_sources:
        # a source opening the content is a nested report's ("Mashable reports the company announced …"), and so is
        # one inside a clause of the content ("criticized X for failing them when lawmakers pointed out …"): kept;
        # a source after a coordinating break starts another statement ("…, and Jones said …")
        if content_start + NESTED_SOURCE_REACH < next_source < content_end and NEXT_STATEMENT_RE.search(
            text, max(content_start, next_source - 24), next_source
        ):
            return next_source
    return content_end


def _cut_at_same_source(text: str, raw: RawAttribution, found: Found, content_start: int, content_end: int) -> int:
    """'McConnell, who said A, now says B': a later cue of the same source ends the content at the comma just before
    it ("stresses hydration and recommends …" is the coordinated cue's business)."""
    later = [
        other.cue[0]
        for _, other in found
        if other is not raw and other.source == raw.source and content_start < other.cue[0] < content_end
    ]
    if not later:
        return content_end
    # "described the ban as 'ridiculous' but said …": after a labelling verb's object, a coordinated verb of the same
    # subject starts its own statement
    if text[raw.cue[0] : raw.cue[1]].split(None, 1)[0].lower() in OBJECT_LABEL_FORMS:
        coordinator = COORDINATED_VERB_RE.search(text, max(content_start, min(later) - 12), min(later))
        if coordinator is not None and coordinator.start() > content_start:
            return coordinator.start()
    comma = text.rfind(",", content_start, min(later))
    return comma if comma > content_start and min(later) - comma < SAME_SOURCE_COMMA_REACH else content_end


# How far before a cue its set-off relative pronoun is looked for (", who also later said").
SET_OFF_RELATIVE_REACH = 40


def _in_source_relative(text: str, raw: RawAttribution, other: RawAttribution, content_start: int) -> bool:
    """raw's cue opens a restrictive relative clause right after other's source ("who asked", "who declined"), and
    raw's content runs past other's cue."""
    if other.source is None or not raw.cue[1] <= content_start < other.cue[0] < raw.content[1]:
        return False
    between = text[other.source[1] : raw.cue[0]].split()
    return len(between) == 1 and between[0] in RESTRICTIVE_RELATIVES


def _relative_clause_end(text: str, quotes: QuoteIndex, raw: RawAttribution, start: int, end: int) -> int:
    """A cue in a relative clause set off by commas ("Smith, who said the plan would fail, resigned on Tuesday"):
    its content ends at its first comma when the main clause's verb follows it; else at end."""
    if SET_OFF_RELATIVE_RE.search(text, max(0, raw.cue[0] - SET_OFF_RELATIVE_REACH), raw.cue[0]) is None:
        return end
    comma = text.find(",", start, end)
    while comma >= 0 and quotes.inside(comma):
        comma = text.find(",", comma + 1, end)
    # the clause's first comma only: "who said the plan, which was costly, would fail" holds a clause of its own
    main = MAIN_VERB_AFTER_COMMA_RE.match(text, comma, end) if comma > start else None
    return main.start() if main is not None else end


def _overlap_ratio(first: Span, second: Span) -> float:
    shared = min(first[1], second[1]) - max(first[0], second[0])
    return max(0, shared) / max(1, min(first[1] - first[0], second[1] - second[0]))


def _drop_duplicates(text: str, quotes: QuoteIndex, found: Found) -> Found:
    """One statement, one attribution: drop a weak cue sharing another's content, and a pronoun-sourced
    cue whose content swallows a named attribution ("Mattson adds: '…,' he says"). A report nested in a quotation
    and the quotation's own are two statements: neither makes the other a duplicate."""
    kept = []
    in_quote = {id(raw): quotes.inside(raw.cue[0]) for _, raw in found}
    for cue_at, raw in found:
        duplicate = False
        for _, other in found:
            if other is raw or in_quote[id(other)] != in_quote[id(raw)]:
                continue
            same_content = _overlap_ratio(other.content, raw.content) >= SAME_CONTENT
            # "X reports Y announced Z": a report nested in raw's content, its own source inside it; both stand
            nested = other.source is not None and raw.content[0] <= other.source[0] < raw.content[1]
            # "argues that A – a point a poll shows B": raw is a report nested in other's content
            nested = nested or (raw.source is not None and other.content[0] <= raw.source[0] < other.content[1])
            if same_content and not nested and text[raw.cue[0] : raw.cue[1]].split()[-1] in WEAK_CUES:
                duplicate = True
            if _repeats_named(text, raw, other):
                duplicate = True
        if not duplicate:
            kept.append((cue_at, raw))
    return kept


def _repeats_named(text: str, raw: RawAttribution, other: RawAttribution) -> bool:
    """raw's source is "he" or "she" and its content holds other's cue, or lies within other's content, where
    other's source is a name."""
    source = text[raw.source[0] : raw.source[1]].lower() if raw.source else ""
    if source not in THIRD_PERSON_PRONOUNS:
        return False
    within = other.content[0] <= raw.content[0] < raw.content[1] <= other.content[1]
    if not (raw.content[0] <= other.cue[0] < raw.content[1] or within) or not other.source:
        return False
    if raw.in_relative_clause:
        return False  # "… said he took responsibility for the child he says is his": a report nested in other's
    other_source = text[other.source[0] : other.source[1]]
    return other_source.lower() not in PRONOUNS and is_capitalised(other_source)
