"""The source after its cue ("said Blinken", "said Brandon Royal, product manager at Google Cloud"), and the
subject of the clause a cue hangs on ("…, noting that …")."""

from __future__ import annotations

import logging
import re

from ..lexicon import (
    ADJECTIVE_LINKS,
    CLAUSE_WORDS,
    DANGLING_SOURCE_END,
    DEMONSTRATIVES,
    DETERMINERS,
    GROUP_DETERMINERS,
    LINKING_ADJECTIVES,
    LONE_SOURCES,
    NAME_LINKS,
    NOT_ADVERBS,
    NP_BREAK,
    PRE_CUE_TIME_ADVERBS,
    PRE_CUE_TIME_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    SOURCE_NOUNS,
    SUBJECT_PRONOUNS,
    THE_LINKS,
)
from ..patterns import CUE_TAIL_RE, LEADING_ADVERBIAL_RE, RELATIVE_WORD_RE, STRONG_VERB_RE
from ..structure import RawAttribution, Span, Token, is_capitalised, skip_spaces, tokens
from ..vocabulary import BARE_PAST_FORMS, IRREGULAR_PAST_FORMS, PARTICIPLE_CUES
from .phrase import (
    BACKWARD_REACH,
    MAKER_PARTICIPLES,
    MAX_LOWER_RUN,
    MAX_PARENTHETICAL_TOKENS,
    MIN_SUFFIXED_LENGTH,
    SENTENCE_ADVERBS,
    TIME_PHRASE_REACH,
    noun_phrase_ok,
)

log = logging.getLogger(__name__)

# How far after its cue a source may run (characters).
FORWARD_REACH = 400
# Irregular pasts right after a name are its verb ("Library Journal gave the book a star, saying …").
# Most tokens of a participle's phrase opening a sentence before its subject ("Reached last week in a brief phone
# call, Bennett …").
MAX_OPENING_PHRASE_TOKENS = 12
# Words that open a sentence capitalised without being a name: a plural -s word after them is their noun.
QUANTIFIED_HEADS: frozenset[str] = GROUP_DETERMINERS | DEMONSTRATIVES | frozenset(["more"])
# Most tokens of an apposition after the cue's source ("said Brandon Royal, product manager at Google Cloud"): a
# longer stretch is a clause, not a phrase.
MAX_APPOSITION_AFTER = 18
# Prepositions that place or make a lowercase head after a cue ("according to a person at the fundraiser"), and
# the participles that bring its maker ("answers posted on Quora", "an invitation obtained by POLITICO").
POST_MODIFIER_LINKS: frozenset[str] = frozenset(["at", "in", "on", "from", "by", "with"])
MAKER_PARTICIPLES_AFTER: frozenset[str] = MAKER_PARTICIPLES | frozenset(
    ["obtained", "seen", "reviewed", "cited", "prepared", "filed", "shared", "sent", "calculated"]
)
# Conjunctions opening a sentence before its subject ("But vice-chancellors have reacted …").
OPENING_CONJUNCTIONS: frozenset[str] = frozenset(["But", "And", "Yet", "So", "Or"])
# Subject pronouns that show an opening is the main clause ("But he opposed …,"); "you" is left to the reader's.
MAIN_CLAUSE_PRONOUNS: frozenset[str] = SUBJECT_PRONOUNS - {"you"}
# A sentence's end glued to a footnote number inside one token ("Shor.3").
FOOTNOTE_END_RE = re.compile(r"[a-z]\.[0-9]{1,2}$")


def source_after(
    text: str, start: int, limit: int, allow_appositive: bool = True, strict_start: bool = False
) -> Span | None:
    """The source noun phrase starting right after a cue (inverted order: "said Blinken"); a dash ends it
    ("according to our forecasts — ahead of Buttigieg")."""
    limit = min(limit, start + FORWARD_REACH)
    for dash in ("—", "–", " - "):
        found = text.find(dash, start, limit)
        if found >= 0:
            limit = found
    phrase = tokens(text, start, limit)
    if not phrase:
        return None
    if text[start : phrase[0][0]].strip() and not strict_start:
        return None  # must start right after whitespace
    if phrase[0][2].lower() in LONE_SOURCES and (len(phrase) == 1 or phrase[1][2] in ",;:)"):
        return phrase[0][0], phrase[0][1]  # '"…," wrote another.', '"…," said one, …': a pronoun of its own
    picked = _scan_forward(text, phrase, allow_appositive, post_modifiers=not strict_start)
    while picked and phrase[picked[-1]][2] in DANGLING_SOURCE_END:
        picked.pop()  # trim dangling links at the end (lowercase: "Della" is a name, "della" a link)
    if not picked:
        return None
    selection = phrase[picked[0] : picked[-1] + 1]
    if not noun_phrase_ok([token for token in selection if token[2] not in ",()"]):
        return None
    footnote = FOOTNOTE_END_RE.search(selection[-1][2])
    end = selection[-1][0] + footnote.start() + 1 if footnote else selection[-1][1]  # "Line.2" ends at "Line"
    return selection[0][0], end


def _scan_forward(text: str, phrase: list[Token], allow_appositive: bool, post_modifiers: bool) -> list[int]:
    """Take tokens forward from the cue while they can belong to the source; post_modifiers: a lowercase head may
    take its place or maker (not in a clause's subject, where "colleagues traces" cannot be told from a verb)."""
    picked: list[int] = []
    i = 0
    lower_run = 0
    while i < len(phrase):
        token = phrase[i][2]
        lowered = token.lower()
        if picked and FOOTNOTE_END_RE.search(phrase[picked[-1]][2]):
            break  # "Boris Shor.3 And the biggest …": a footnote mark ended the sentence
        if picked and post_modifiers and _post_modifier_at(text, phrase, picked[-1], i):
            # "a person at the fundraiser", "answers posted on Quora": a common noun's place or maker is its own
            picked.append(i)
            i += 1
            if i < len(phrase) and phrase[i][2].lower() in DETERMINERS:
                picked.append(i)
                i += 1
            lower_run = 0
            continue
        if token == "(":
            closing = _closing_parenthesis(phrase, i)
            if closing is None or not picked:
                break
            picked.extend(range(i, closing + 1))
            i = closing + 1
            continue
        if token == ",":
            apposition_end = _apposition_after(text, phrase, i) if allow_appositive and picked else None
            if apposition_end is None:
                break
            picked.extend(range(i, apposition_end))
            i = apposition_end
            continue
        if not token[0].isalnum():
            break
        if not picked and lowered in PRONOUNS:
            picked.append(i)
            break
        if lowered in DETERMINERS and (not picked or (lowered == "the" and phrase[picked[-1]][2].lower() in THE_LINKS)):
            picked.append(i)
            i += 1
            continue
        if is_capitalised(token):
            if lowered in NP_BREAK:
                break
            picked.append(i)
            lower_run = 0
            i += 1
            continue
        if lowered in NAME_LINKS and picked:
            picked.append(i)
            i += 1
            continue
        if lowered == "by" and picked and _agent_follows(phrase, picked, i):
            # "data calculated for Bloomberg by the Center for Automotive Research": the maker after its participle
            picked.append(i)
            i += 1
            if i < len(phrase) and phrase[i][2].lower() in DETERMINERS:
                picked.append(i)
                i += 1
            continue
        if lowered in NP_BREAK or lowered in DETERMINERS or lower_run >= MAX_LOWER_RUN:
            break
        suffixed = token.endswith(("ed", "ing")) or (token.endswith("ly") and lowered not in NOT_ADVERBS)
        if suffixed and not _modifies_a_name(phrase, i):
            break
        picked.append(i)
        lower_run += 1
        i += 1
    return picked


def _agent_follows(phrase: list[Token], picked: list[int], by: int) -> bool:
    """A maker's participle among the words taken, and a name after "by" (and its determiner): the document's maker,
    past what the participle took first ("data calculated for Bloomberg by the … Center")."""
    if not any(phrase[at][2] in MAKER_PARTICIPLES_AFTER for at in picked):
        return False
    at = by + 2 if by + 1 < len(phrase) and phrase[by + 1][2].lower() in DETERMINERS else by + 1
    return at < len(phrase) and is_capitalised(phrase[at][2])


def _post_modifier_at(text: str, phrase: list[Token], head: int, i: int) -> bool:
    """A preposition (or a maker's participle and its preposition) after a lowercase head noun that places or makes
    it ("a dispatcher on Broadcastify police scanner", "an invitation obtained by POLITICO"), not the cue's venue ("a
    spokesman in a statement") nor a time ("on Tuesday", "in 2019")."""
    head_word, word = phrase[head][2], phrase[i][2]
    if not head_word.isalpha() or not head_word.islower() or head_word in DETERMINERS or head_word in NP_BREAK:
        return False
    following = phrase[i + 1][2].lower() if i + 1 < len(phrase) else ""
    if word in MAKER_PARTICIPLES_AFTER:
        return following in POST_MODIFIER_LINKS and head_word not in MAKER_PARTICIPLES_AFTER
    if word in LINKING_ADJECTIVES:
        return following in ADJECTIVE_LINKS  # "sources close to the company", "people familiar with the matter"
    linked = head_word in LINKING_ADJECTIVES and word in ADJECTIVE_LINKS
    if (word not in POST_MODIFIER_LINKS and not linked) or CUE_TAIL_RE.match(text, phrase[head][1]):
        return False
    at = i + 2 if following in DETERMINERS else i + 1
    if at >= len(phrase):
        return False
    object_word = phrase[at][2]
    if not object_word[:1].isalpha() or object_word.lower() in PRONOUNS or object_word.lower() in NP_BREAK:
        return False
    return object_word not in PRE_CUE_TIME_NOUNS and object_word.lower() not in PRE_CUE_TIME_ADVERBS


def _modifies_a_name(phrase: list[Token], i: int) -> bool:
    """A participle or adverb inside a title before a name ("certified nutritionist Anju Mobin", "registered
    dietitian Trista Best"): a capitalised word follows within three words, none of them a clause word."""
    for _, _, token in phrase[i + 1 : i + 4]:
        if not token[0].isalnum() or token.lower() in NP_BREAK:
            return False
        if token[0].isupper():
            return True
    return False


def _closing_parenthesis(phrase: list[Token], opening: int) -> int | None:
    """The ")" of a short parenthetical starting at opening."""
    closing = opening + 1
    while closing < len(phrase) and phrase[closing][2] != ")" and closing - opening < MAX_PARENTHETICAL_TOKENS:
        closing += 1
    if closing < len(phrase) and phrase[closing][2] == ")":
        return closing
    return None


def _apposition_after(text: str, phrase: list[Token], comma: int) -> int | None:
    """Where an apposition after a source's comma ends (the next comma, the cue's venue, or the end): "Brandon
    Royal, product manager at Google Cloud"; None when the comma ends the source."""
    end = comma + 1
    while end < len(phrase) and phrase[end][2] not in ',;:()"“”' and end - comma < MAX_APPOSITION_AFTER:
        if end > comma + 2 and CUE_TAIL_RE.match(text, phrase[end - 1][1]):
            break  # "Lesya Ivanovna, an investigator with Nashi Groshi in an email to me": the venue is the cue's
        end += 1
    following = phrase[comma + 1][2].lower() if comma + 1 < len(phrase) else ""
    if end == comma + 1 or following in NP_BREAK or following in PRONOUNS or following in PARTICIPLE_CUES:
        return None  # "said Pat Rynard, explaining why …": a participle's clause, not an apposition
    if RELATIVE_WORD_RE.match(following):
        return None  # "Marmorato, who's the sister of …, campaigned": a relative clause is not the source
    # ", and Eddie Villalba, …" is another coordinated source, whatever follows; ", and he's …" is a clause
    after_and = phrase[comma + 2][2].lower().split("’")[0].split("'")[0] if comma + 2 < len(phrase) else ""
    if following == "and" and (after_and in PRONOUNS or RELATIVE_WORD_RE.match(after_and) or after_and in NP_BREAK):
        return None
    if following != "and" and _looks_clausal(phrase[comma + 1 : end]):
        return None
    return end


def _looks_clausal(phrase: list[Token]) -> bool:
    return any(token.lower() in CLAUSE_WORDS for _, _, token in phrase[:6])


# ---------------------------------------------------------------------------------------------
# The clause's subject
# ---------------------------------------------------------------------------------------------


def _past_verb_follows(text: str, phrase: list[Token], j: int) -> bool:
    """The -s word ends the subject and a past verb follows it: a plural noun ("the Ukrainian companies filed")."""
    if j != len(phrase) - 1 or not phrase[j][2].endswith("s"):
        return False
    following = tokens(text, phrase[j][1], min(len(text), phrase[j][1] + TIME_PHRASE_REACH))
    if not following:
        return False
    word = following[0][2]
    return word.islower() and (
        (word.endswith("ed") and len(word) >= MIN_SUFFIXED_LENGTH) or word in IRREGULAR_PAST_FORMS
    )


def _clause_after_conjunction(opening: str) -> bool:
    """An opening read as an adverbial phrase that is the main clause after a conjunction ("But he opposed compulsory
    mediation, saying …", "But the council rejected the plan, saying …"): a subject pronoun or a finite verb in it, no
    preposition first ("But in a statement released on Tuesday, …" is one)."""
    words = opening.rstrip(", \n").split()
    if len(words) < 3 or words[0] not in OPENING_CONJUNCTIONS or words[1].lower() in PREPOSITIONS:
        return False
    return any(word.lower() in MAIN_CLAUSE_PRONOUNS for word in words[1:]) or STRONG_VERB_RE.search(opening) is not None


def clause_subject(
    text: str, sentence_start: int, cue_start: int, found: list[tuple[int, RawAttribution]]
) -> Span | None:
    """The subject of the clause a cue hangs on: an earlier source in the sentence, else its first NP."""
    source = None
    for cue_at, earlier in found:
        if cue_at < cue_start and earlier.source:
            source = earlier.source
    if source is not None:
        return source
    leading = LEADING_ADVERBIAL_RE.match(text, skip_spaces(text, sentence_start, cue_start), cue_start)
    if leading and not _clause_after_conjunction(leading.group()):
        sentence_start = leading.end()  # "In Washington, White House press secretary Josh Earnest …"
    opening = tokens(text, sentence_start, min(cue_start, sentence_start + BACKWARD_REACH))
    if len(opening) > 1 and opening[0][2].lower() in SENTENCE_ADVERBS and opening[1][2] == ",":
        sentence_start = opening[1][1]  # "Finally, the Ukrainian companies filed suit, demanding …"
    elif len(opening) > 1 and opening[0][2] in OPENING_CONJUNCTIONS and opening[1][2][:1].isalnum():
        sentence_start = opening[0][1]  # "But vice-chancellors have reacted angrily …, saying …"
    elif opening and opening[0][2].endswith(("ed", "ing")) and len(opening[0][2]) >= MIN_SUFFIXED_LENGTH:
        comma = next((token for token in opening[1:MAX_OPENING_PHRASE_TOKENS] if token[2] == ","), None)
        if comma is not None:
            sentence_start = comma[1]  # "Reached last week in a brief phone call, Bennett declined … and asked …"
    source = source_after(text, sentence_start, cue_start, allow_appositive=True, strict_start=True)
    if source is None:
        return None
    # "Mellor disagrees": a lowercase -s/-ed word right after a name is the verb, not part of the subject
    phrase = tokens(text, source[0], source[1])
    for j in range(1, len(phrase)):
        token = phrase[j][2]
        verb_like = token[:1].islower() and (
            (token.endswith(("s", "ed")) and token not in SOURCE_NOUNS)
            or token in IRREGULAR_PAST_FORMS
            or token in BARE_PAST_FORMS  # "Doug Smith quit, claiming …"
        )
        # not after a capitalised quantifier or determiner: "Many institutions are" is no name and its verb
        named = is_capitalised(phrase[j - 1][2]) and phrase[j - 1][2].lower() not in QUANTIFIED_HEADS
        if verb_like and named and not _past_verb_follows(text, phrase, j):
            source = (source[0], phrase[j - 1][1])
            break
        past = token in IRREGULAR_PAST_FORMS or token in BARE_PAST_FORMS
        if past and j >= 2 and phrase[0][2].lower() in DETERMINERS and phrase[j - 1][2][:1].islower():
            if token in BARE_PAST_FORMS and phrase[j - 1][2].lower() not in SOURCE_NOUNS:
                return None  # "The budget cut funding, saying …": a compound noun or a past, no one to name
            source = (source[0], phrase[j - 1][1])  # "The government took a different view, saying …"
            break
        if verb_like and j >= 2 and phrase[j - 1][2] == "," and "," in text[source[0] : phrase[j - 2][1]]:
            # "Prof Steve West, vice-chancellor of …, backs this up, saying": the verb after the apposition's comma
            return source[0], phrase[j - 2][1]
    last = phrase[-1]
    if source[1] == last[1] and len(phrase) >= 2 and last[2][:1].islower() and last[2].endswith("s"):
        object_opening = text[last[1] : last[1] + 20].split(maxsplit=1)[:1]
        # "The poster shows the two men … and says", "The government refuses to publish …, saying": a verb, its object
        opens_object = bool(object_opening) and (object_opening[0].lower() in DETERMINERS or object_opening[0] == "to")
        if opens_object and last[2] not in SOURCE_NOUNS:
            source = (source[0], phrase[-2][1])
    after = text[source[1] : source[1] + 40].lstrip()
    next_word = after[1:].split(maxsplit=1)[:1]
    relative = after[:1] == "," and bool(next_word) and RELATIVE_WORD_RE.match(next_word[0])
    if (after[:1] in ",;:" and not relative) or not after:
        return None  # "Marmorato, who's the sister of …, campaigned … and called …": the antecedent is the subject
    return source
