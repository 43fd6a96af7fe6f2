"""Prepositional cues whose source follows them: 'According to X, …', '…, according to X.', '…, per X.'."""

from __future__ import annotations

import logging

from ..content import (
    clause_comma,
    enough_words,
    is_parenthetical,
    kind,
    lead_start,
    parenthetical_rest,
    rest_after_comma,
    statement_going_on,
    trim_content,
    trim_forward,
)
from ..lexicon import CLAUSE_WORDS, DEMONSTRATIVES, DETERMINERS, NAME_LINKS, PREPOSITIONS, PRONOUNS, ROLE_TITLES
from ..names import POST_NOMINALS
from ..patterns import CLAUSE_VERB_RE, COMMA_THEN_CLOSE_RE, LEAD_CONJ_RE, QUOTE_CHARS_RE, RELATIVE_WORD_RE
from ..sources import source_after
from ..sources.phrase import speaking_head
from ..speakers.constants import PERSON_NOUNS
from ..structure import RawAttribution, Sentence, Span, skip_spaces
from ..vocabulary import IRREGULAR_PAST_FORMS, words
from .record import around_cue

log = logging.getLogger(__name__)


# How a word right before "according to" ends when it is a verb's past or participle ("named according to ISO 8601",
# "sorted according to size", "prepared according to tradition"): the phrase is a manner or a norm, no source.
VERB_FORM_ENDINGS: tuple[str, ...] = ("ed", "ing")
# Words before a noun, after which a word ending like a verb form is that noun ("at the meeting", "last spring",
# "two hundred").
NOUN_MARKERS: frozenset[str] = (
    DETERMINERS
    | DEMONSTRATIVES
    | frozenset(words("that last next every each in at on of for from with by during after before since until into"))
)
# How a manner adverb ends ("stored securely according to GDPR"): the verb before it is the one "according to" follows.
ADVERB_ENDING = "ly"
# Marks that close a sentence after its last word.
SENTENCE_CLOSING = " .!?\"”’')\n"
# Most words in a prepositional cue's source taken up to its comma.
MAX_PREPOSITIONAL_SOURCE_WORDS = 12
# Degrees and licences written after a name between commas ("Jane Roe, PhD, said", "Joshua Zeichner, MD, director
# of …"): the name's letters, no content.
CREDENTIALS: frozenset[str] = POST_NOMINALS | frozenset(
    words("MD DO RN NP PA MPH MS MSc MA MBA DDS DMD DVM PharmD RD RDN LCSW LMFT CPA JD Esq Ph.D M.D. D.O. R.N. Esq.")
)
# Most comma-bounded pieces after a fronted cue's name read as its apposition ("Zeichner, MD, director of …,").
MAX_APPOSED_PIECES = 3
# Most words of one such piece: a longer stretch is a clause.
MAX_APPOSED_WORDS = 12
# How a noun for a person by what they do ends ("oncologist", "dietitian", "researcher", "investor").
PERSON_NOUN_ENDINGS: tuple[str, ...] = ("ist", "ian", "er", "or")
# Words that open a heading's wh-infinitive ("How to fall asleep faster"), and a listicle's leading rank words
# ("The 7 best air fryers", "10 foods that boost your mood").
WH_INFINITIVE_OPENERS: frozenset[str] = frozenset(words("how what why where when which who whom"))
LISTICLE_DETERMINERS: frozenset[str] = frozenset(words("the these our my top"))
# Auxiliaries that make a heading a statement ("10 people were injured", "3 banks will close").
HEADING_VERBS: frozenset[str] = frozenset(words("is are was were will would has have had can could may might must"))


def according_to(sentence: Sentence, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'According to X, …' (the source ends at the first comma) and '…, according to X.'"""
    text, quotes = sentence.text, sentence.quotes
    clause = text[sentence.start : cue_start].rstrip()
    lead = LEAD_CONJ_RE.match(text, skip_spaces(text, sentence.start, cue_start), cue_start)
    if lead is not None and lead.end() == cue_start:
        clause = ""  # "And according to X, …": the conjunction is the writer's glue
    if not clause:
        comma = _source_end(text, cue_end, sentence.end)
        if comma < 0:
            return None
        source = _phrase_up_to(text, cue_end, comma) or source_after(text, cue_end, comma, allow_appositive=False)
        if not source:
            return None
        # "According to Jane Roe, an oncologist at Yale, the drug works": the name's apposition is no content
        source, comma = _apposed_source(text, source, comma, sentence.end)
        content = trim_content(text, quotes, comma + 1, sentence.end)
    else:
        # '…, according to X' and '… “around the clock,” according to X': a comma inside the closing quotation mark
        # ends the clause as one outside it does, and the quotation keeps its mark
        closed = COMMA_THEN_CLOSE_RE.search(clause)
        if (
            not clause.endswith(",")
            and closed is None
            and not _named_at_end(text, cue_start, cue_end, sentence.end, clause)
        ):
            return None
        comma = clause_comma(text, cue_end, sentence.end)
        between = _phrase_up_to(text, cue_end, comma) if comma >= 0 else None
        if (
            between is not None
            and rest_after_comma(text, between[1], sentence.end) is not None
            and (CLAUSE_VERB_RE.search(text, comma + 1, min(sentence.end, comma + 80)))
        ):
            source = between  # "Steyer, according to a count from the Post and Courier, has the backing of …"
        else:
            source = source_after(text, cue_end, sentence.end) or _phrase_to_end(text, cue_end, sentence.end)
        if not source:
            return None
        start = lead_start(text, sentence.start, cue_start, quotes)
        content = trim_content(text, quotes, start, sentence.start + len(clause) - (1 if clause.endswith(",") else 0))
        # "Last year, according to police, crime fell …": after a lead with no verb the rest is the clause
        adverbial = is_parenthetical(clause[:-1]) and not CLAUSE_VERB_RE.search(clause)
        rest = parenthetical_rest(text, source[1], sentence.end, adverbial)
        if rest is not None:
            # "The goal, according to the change log, is to provide …": the statement is around the cue
            rest_content = trim_forward(text, quotes, rest, sentence.end)
            return around_cue(sentence, source, cue_start, cue_end, content, rest_content)
        if not enough_words(text, *content) or _listicle_heading(text, content, sentence.end):
            return None
        going_on = statement_going_on(text, quotes, source[1], sentence.end)
        if going_on is not None:
            # "Sales rose tenfold, according to the record industry, with 200 million tracks bought": it goes on
            return around_cue(sentence, source, cue_start, cue_end, content, going_on)
    if content[1] <= content[0]:
        return None
    return RawAttribution(source, (cue_start, cue_end), content, kind(text, quotes, *content), sentence.paragraph)


def _apposed_source(text: str, source: Span, comma: int, end: int) -> tuple[Span, int]:
    """A fronted cue's name and the appositions after its comma ("According to Tim Cook, Apple's CEO, …", "According
    to Jane Roe, PhD, …"): the source with them and the comma before the content; a relative clause ("According to
    Jane Smith, who runs the shelter, …") is skipped and left out of the source."""
    if not text[source[0]].isupper() or text[source[0] : source[1]].split()[0].lower() in DETERMINERS:
        return source, comma  # a name's, not a document's ("According to a study published in …, …")
    source_end, content_comma = source[1], comma
    for _ in range(MAX_APPOSED_PIECES):
        piece_start = skip_spaces(text, content_comma + 1, end)
        next_comma = clause_comma(text, piece_start, end)
        if next_comma < 0 or not enough_words(text, next_comma + 1, end):
            break
        piece = text[piece_start:next_comma].split()
        if piece and RELATIVE_WORD_RE.match(piece[0]) and piece[0].lower() != "which":
            content_comma = next_comma  # the antecedent alone is the source
            continue
        if not _apposed_piece(piece) or QUOTE_CHARS_RE.search(text, piece_start, next_comma):
            break
        source_end = content_comma = next_comma
    return (source[0], source_end), content_comma


def _apposed_piece(piece: list[str]) -> bool:
    """A degree ("PhD", "MD") or a noun phrase for a person ("an oncologist at Yale", "Apple's CEO", "director of …"),
    no clause."""
    if not piece or len(piece) > MAX_APPOSED_WORDS:
        return False
    if all(word in CREDENTIALS for word in piece):
        return True
    first = piece[0].lower()
    if first in PRONOUNS or first in PREPOSITIONS or first.endswith(ADVERB_ENDING):
        return False
    if any(word.lower() in CLAUSE_WORDS for word in piece) or CLAUSE_VERB_RE.search(" ".join(piece)):
        return False
    # the head that names the person's role comes before any place or body after a preposition
    head = next((piece[:at] for at, word in enumerate(piece) if word in PREPOSITIONS), piece)
    # after an article a word ending like an agent noun is one ("an oncologist"); alone it may be an adverb ("however")
    led = first in ("a", "an", "the") and len(head) > 1
    return any(_person_noun(word, by_ending=led and at > 0) for at, word in enumerate(head))


def _person_noun(word: str, by_ending: bool) -> bool:
    """A noun for a person by what they do or hold ("CEO", "director"; with by_ending, "oncologist" too)."""
    bare = word.lower().strip(",.;:")
    if bare in PERSON_NOUNS or bare in ROLE_TITLES:
        return True
    return by_ending and len(bare) > 4 and bare.endswith(PERSON_NOUN_ENDINGS)


def _listicle_heading(text: str, content: Span, sentence_end: int) -> bool:
    """A heading (no closing mark, at its line's end) whose part before "according to X" is a noun phrase led by a
    number ("The 7 best air fryers of 2025", "10 foods that boost your mood") or a wh-infinitive ("How to fall asleep
    faster"): a title with no proposition, no one's statement."""
    line_end = text.find("\n", sentence_end)
    rest = text[sentence_end : line_end if line_end >= 0 else len(text)]
    closing = text[content[0] : sentence_end].rstrip()
    if rest.strip() or closing.endswith((".", "!", "?", "”", '"', "’", "'", ")")):
        return False
    words_in = text[content[0] : content[1]].split()
    if len(words_in) < 2:
        return False
    opener = words_in[0].lower()
    if opener in WH_INFINITIVE_OPENERS:
        return words_in[1].lower() == "to"
    ranked = words_in[1] if opener in LISTICLE_DETERMINERS else words_in[0]
    if any(word.lower() in HEADING_VERBS or word.endswith("ed") for word in words_in[1:]):
        return False  # "10 people were injured, according to police": a headline's statement
    return ranked[:1].isdecimal() and ranked.isalnum()


def _named_at_end(text: str, cue_start: int, cue_end: int, end: int, clause: str) -> bool:
    """'… cited 1,600 times according to Google Scholar.': without a comma a proper name ending the sentence is a source
    after a clause with a verb; not after a verb's past or participle ("sank according to Lloyd's", "named according to
    ISO 8601": a manner or a norm), nor after "per" ("40 miles per Gallon": a rate)."""
    if text[cue_start:cue_end].lower() == "per":
        return False
    source = source_after(text, cue_end, end)
    if source is None or not text[source[0]].isupper() or text[source[1] : end].strip(" .!?\"”’'"):
        return False
    if not all(word[:1].isupper() or word in NAME_LINKS for word in text[source[0] : source[1]].split()):
        return False  # "according to State law", "according to ISO 8601": a norm's description or number, no name
    if _verb_before(clause.lower().split()):
        return False
    return CLAUSE_VERB_RE.search(clause) is not None


def _verb_before(clause_words: list[str]) -> bool:
    """The clause ends in a verb's past or participle, manner adverbs aside ("sank", "stored securely"); a word
    ending like one after a determiner, a preposition or a number is a noun ("at the meeting", "two hundred")."""
    at = len(clause_words) - 1
    while at > 0 and clause_words[at].endswith(ADVERB_ENDING):
        at -= 1
    if at < 0:
        return False
    word = clause_words[at]
    if not (word.endswith(VERB_FORM_ENDINGS) or word in IRREGULAR_PAST_FORMS):
        return False
    return at == 0 or not (clause_words[at - 1] in NOUN_MARKERS or clause_words[at - 1][:1].isdigit())


def _source_end(text: str, start: int, end: int) -> int:
    """Where a fronted prepositional cue's source ends: its comma, or a colon before a quotation ("In the words of
    Marie Kondo: “…”"); -1 when neither comes."""
    comma = clause_comma(text, start, end)
    colon = text.find(":", start, comma if comma >= 0 else end)
    return colon if colon >= 0 and QUOTE_CHARS_RE.match(text, skip_spaces(text, colon + 1, end)) else comma


def _phrase_to_end(text: str, start: int, end: int) -> Span | None:
    """A trailing prepositional cue's source that runs to the sentence's end ("…, according to figures from the trade
    body."): the short phrase before the closing mark, when the source search took no name from it."""
    close = end
    while close > start and text[close - 1] in SENTENCE_CLOSING:
        close -= 1
    phrase = _phrase_up_to(text, start, close) if close > start else None
    if phrase is None:
        return None
    words = text[phrase[0] : phrase[1]].split()
    # the head ends before its post-modifier: a preposition or a participle ("figures released at the end of 2004")
    head = next(
        (words[:at] for at, word in enumerate(words) if word in PREPOSITIONS or (at and word.endswith("ed"))), words
    )
    # its head must be one that can speak ("figures from …", "officials in …"), not a norm ("according to size")
    return phrase if head and speaking_head(" ".join(head)) else None


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
