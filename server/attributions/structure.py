"""Text structure: paragraphs, sentences, quotation spans and the index over them, word tokens; and the spans
the finder records (RawAttribution) and the sentence it works in (Sentence)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .lexicon import (
    ABBREVIATIONS,
    CLAUSE_OPENING_WORDS,
    CLOSERS,
    OPEN_MARKS,
    PRONOUNS,
    SENTENCE_FINAL_ABBREVIATIONS,
    UPPER_START,
)
from .patterns import (
    DATELINE_RE,
    NOUN_USE_RE,
    PARA_RE,
    QUOTE_CHARS_RE,
    QUOTE_MARKS,
    SENT_END_RE,
    SINGLE_MARK_RE,
    SPACES_RE,
    TOKEN_RE,
)
from .vocabulary import CUE_VERBS

log = logging.getLogger(__name__)

Span = tuple[int, int]
# A word token of the noun-phrase scanners: (start, end, text).
Token = tuple[int, int, str]

# Longest stretch handled as one sentence: real sentences are far below it; the cap keeps pathological input (a
# 100k paragraph with no full stop) linear.
MAX_SENTENCE_CHARS = 4000
# A dateline opens one of a story's first paragraphs (after its headline and standfirst), never a later one.
DATELINE_PARAGRAPHS = 3
# How far before a full stop the space opening its word is looked for (longer words are walked back to).
ABBREVIATION_REACH = 24
# A nickname's most words, the characters read on either side of it, and the name's words there.
MAX_NICKNAME_WORDS = 3
NICKNAME_REACH = 30
NICKNAME_BEFORE_RE = re.compile(r"(?<![^\W\d_])[A-Z][a-z]++ $")
NICKNAME_AFTER_RE = re.compile(r" [A-Z][a-z]++(?![^\W\d_])")
# Letters of a brand written with a lower-case opening ("xAI", "easyJet"), and most letters before its first capital.
BRAND_LENGTHS = (3, 8)
MAX_BRAND_OPENING = 4
# What a sentence after a full stop opens with: a capital, a quotation mark or a bracket.
SENTENCE_OPENERS: frozenset[str] = UPPER_START | frozenset("\"“‘'«([")
# A quote that reads as speech: this many words at least, ending in one of these inside its closing mark.
MIN_SPEECH_WORDS = 3
SPEECH_ENDINGS = frozenset(",.!?…")
SHORT_SPEECH_ENDINGS = frozenset(",!?")
# The single quotation marks and apostrophes (SINGLE_MARK_RE's characters).
SINGLE_MARKS = "'‘’"
# Double quotation marks as the single marks they trade places with where single quotes are the outer ones.
_DOUBLE_AS_SINGLE: dict[str, str] = {"“": "‘", "”": "’", '"': "'", "„": "‚"}


@dataclass(slots=True)
class RawAttribution:
    """An attribution as spans of the text; kind is filled in once the content is final. content is the hull of
    fragments when the content is discontinuous ('"X," she said. "Y."'), else fragments is None."""

    source: Span | None
    cue: Span
    content: Span
    kind: str
    paragraph: int
    fragments: list[Span] | None = None
    # a report inside a relative clause ("the child he says is his"): a statement of its own inside another's content
    in_relative_clause: bool = False


class QuoteIndex:
    """Fast "is position inside a quote" lookups over sorted, non-overlapping spans."""

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, spans: list[Span]) -> None:
        merged: list[Span] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                continue
            merged.append((start, end))
        self.spans = merged
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def find(self, pos: int) -> Span | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.starts[i] <= pos < self.ends[i]:
            return self.spans[i]
        return None

    def inside(self, pos: int) -> bool:
        # find() inlined: the finder asks this for every cue, sentence end and content (~16,000 times per dev set)
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.starts[i] < pos < self.ends[i] - 1

    def ending_at(self, pos: int) -> Span | None:
        """The quote whose closing mark ends exactly at pos."""
        i = bisect_left(self.ends, pos)
        if i < len(self.ends) and self.ends[i] == pos:
            return self.spans[i]
        return None

    def starting_at(self, pos: int) -> Span | None:
        i = bisect_left(self.starts, pos)
        if i < len(self.starts) and self.starts[i] == pos:
            return self.spans[i]
        return None

    def any_in(self, start: int, end: int) -> bool:
        i = bisect_left(self.ends, start + 1)
        return i < len(self.starts) and self.starts[i] < end


class NounUses:
    """The words a text uses as nouns, after a determiner, possessive or quantifier ("These projects", "his comments"):
    read on the first question, once per text (most texts never ask), and shared by its sentences."""

    __slots__ = ("_words", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(noun.lower() for noun in NOUN_USE_RE.findall(self.text))
        return word in self._words


# Not frozen, though nothing assigns to one: a frozen dataclass sets each field through object.__setattr__ (~4x slower
# to make), and one is made for every sentence holding a cue.
@dataclass(slots=True)
class Sentence:
    """One sentence of the text, with what every cue pattern looks up in it."""

    text: str
    quotes: QuoteIndex
    start: int
    end: int
    paragraph: int
    nouns: NounUses


# ---------------------------------------------------------------------------------------------
# Paragraphs and quotations
# ---------------------------------------------------------------------------------------------


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans (start, end) with surrounding whitespace trimmed."""
    spans: list[Span] = []
    pos = 0
    for separator in PARA_RE.finditer(text):
        spans.append((pos, separator.start()))
        pos = separator.end()
    spans.append((pos, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        dateline = DATELINE_RE.match(text, start, end) if len(trimmed) < DATELINE_PARAGRAPHS else None
        if dateline is not None and dateline.end() < end and text[dateline.end()] not in QUOTE_MARKS:
            start = dateline.end()  # the story opens after its dateline ("KYIV (AP) — Russian forces …")
        trimmed.append((start, end))
    return trimmed


def _single_quotes(text: str, paragraph_start: int, paragraph_end: int) -> tuple[list[Span], int | None]:
    """Top-level ‘…’ quotes, nesting-aware, and where a top-level quote left open at the paragraph's end opened; an
    apostrophe inside a word is neither opener nor closer."""
    spans: list[Span] = []
    depth = 0
    start = -1
    marks = [mark.start() for mark in led_matches(text, SINGLE_MARK_RE, SINGLE_MARKS, paragraph_start, paragraph_end)]
    for n, i in enumerate(marks):
        before = text[i - 1] if i > paragraph_start else " "
        after = text[i + 1] if i + 1 < paragraph_end else " "
        if text[i] == "‘":
            # no apostrophe: it opens wherever it is not inside a word ("percent.‘We", "‘[The rules]")
            opener = not before.isalnum() and not after.isspace()
        else:
            # "'90s" is an elision, no quotation
            opener = (before.isspace() or before in '([—–-"“') and (after.isalpha() or after in '‘"“')
        closer = (not before.isspace()) and not after.isalnum()
        if closer and depth > 0 and _plural_possessive(text, i, paragraph_end) and _closed_later(text, marks[n + 1 :]):
            continue  # "‘It's the fans’ day, not ours,’": the quote closes later, this mark is a plural possessive
        if opener and text[i] in "'‘":
            if depth == 0:
                start = i
            depth += 1
        elif closer and depth > 0 and text[i] in "'’":
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans, (start if depth > 0 else None)


def _plural_possessive(text: str, i: int, paragraph_end: int) -> bool:
    """A mark after a plural's "s" and before a lower-case word ("the fans' day"): a possessive, if the quote closes
    elsewhere."""
    return text[i - 1] == "s" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower() and i + 2 < paragraph_end


def _closed_later(text: str, marks: list[int]) -> bool:
    """A later mark closes a quote unambiguously (after punctuation: "ours,’") before any mark opens one."""
    for i in marks:
        if text[i - 1] in SPEECH_ENDINGS and text[i] in "'’":
            return True
        if text[i - 1].isspace():
            return False
    return False


def as_double_quoted(text: str, paragraph_spans: list[Span]) -> str:
    """The text in the finder's quotation convention, mark for mark (every offset stays): where single quotes
    are the article's quotation marks (British style, ‘…’ with “…” inside), the two families trade places."""
    # str.count first: most articles quote with double marks, and their apostrophes need no pairing. The single marks
    # are counted first and the double ones only until they are as many (most articles have no single mark at all);
    # a straight one opens after a space, or a paragraph ("'We will fight on,' she said." on a line of its own).
    single_marks = (
        text.count("‘") + text.count(" '") + sum(text[start] == "'" for start, end in paragraph_spans if end > start)
    )
    double_marks = 0
    for mark in ("“", '"', "„", "«"):
        if double_marks >= single_marks:
            return text
        double_marks += text.count(mark) // 2 if mark == '"' else text.count(mark)
    if single_marks <= double_marks:
        return text
    singles: list[Span] = []
    for paragraph_start, paragraph_end in paragraph_spans:
        pairs, left_open = _single_quotes(text, paragraph_start, paragraph_end)
        singles.extend(pairs)
        if left_open is not None:
            # a quote running on into the next paragraph (newspaper convention) or to its end: its opener alone
            singles.append((left_open, left_open))
    # Only what reads as speech votes: titles ('Marry Me'), scare quotes ('blush') and code never make the switch.
    if sum(_reads_as_speech(text, start, end) for start, end in singles) <= double_marks:
        return text
    chars = list(text)
    for mark in QUOTE_CHARS_RE.finditer(text):
        chars[mark.start()] = _DOUBLE_AS_SINGLE.get(mark.group(), mark.group())
    for start, end in singles:
        chars[start] = "“" if text[start] == "‘" else '"'
        if end > start:
            chars[end - 1] = "”" if text[end - 1] == "’" else '"'
    return "".join(chars)


def _reads_as_speech(text: str, start: int, end: int) -> bool:
    """A closed quote of a few words that ends as a sentence or clause does ("‘We are ready,’"), or follows a colon."""
    inside = text[start + 1 : end - 1]
    if end <= start:
        return False
    if len(inside.split()) < MIN_SPEECH_WORDS:
        # a short one is speech when its cue follows it ("‘Brilliant,’ he said.", "‘Never!’ said Lee"): not a title
        # nor a word mentioned ("If the answer is ‘no’ or ‘probably not,’ stop")
        return inside[-1:] in SHORT_SPEECH_ENDINGS and _cue_word_after(text, end)
    return inside.rstrip()[-1:] in SPEECH_ENDINGS or text[max(0, start - 2) : start].strip() == ":"


def _cue_word_after(text: str, end: int) -> bool:
    """The word after a quotation is a cue verb or a subject pronoun ("‘Brilliant,’ he said")."""
    word = text[end : end + 30].split(None, 1)[:1]
    return bool(word) and (word[0].lower() in PRONOUNS or word[0].lower().rstrip(".,") in CUE_VERBS)


def quote_spans(text: str, paragraph_spans: list[Span]) -> list[Span]:
    """Pair quotation marks paragraph by paragraph; an unclosed quote continues into a next paragraph
    that opens with a quote mark (newspaper convention), else it ends with its paragraph."""
    spans: list[Span] = []
    carried: int | None = None  # start of a quote continuing from the previous paragraph
    # Every mark's position, found in one pass; a paragraph's are a slice (the pattern is one character).
    every_mark = _quote_marks(text)
    for paragraph_start, paragraph_end in paragraph_spans:
        first = bisect_left(every_mark, paragraph_start)
        marks = every_mark[first : bisect_left(every_mark, paragraph_end, first)]
        if not marks:
            carried = None
            if (
                text.find("'", paragraph_start, paragraph_end) >= 0
                or text.find("‘", paragraph_start, paragraph_end) >= 0
            ):
                spans.extend(_single_quotes(text, paragraph_start, paragraph_end)[0])
            continue
        paragraph_first = len(spans)
        carried = _pair_marks(text, marks, paragraph_start, paragraph_end, carried, spans)
        if carried is not None:
            # provisional: if the next paragraph does not continue it, it ends at this paragraph's end
            spans.append((carried, -paragraph_end))
        if text.find("‘", paragraph_start, paragraph_end) >= 0:
            spans.extend(_single_speech_beside(text, paragraph_start, paragraph_end, spans[paragraph_first:]))
    return [span for span in _settle_unclosed(spans) if not _nickname(text, span)]


def _nickname(text: str, span: Span) -> bool:
    """A short capitalised quotation between a given name and a surname ('Earvin "Magic" Johnson', 'Ismael "El Mayo"
    Zambada'): a nickname, part of the name, no quotation."""
    start, end = span
    if end - start > NICKNAME_REACH or end < 0 or not text[start + 1 : start + 2].isupper():
        return False  # most quotations: longer than a nickname, or no capital first
    inner = text[start + 1 : end - 1].split()
    if not (0 < len(inner) <= MAX_NICKNAME_WORDS and all(word[:1].isupper() for word in inner)):
        return False
    before = text[max(0, start - NICKNAME_REACH) : start]
    after = text[end : end + NICKNAME_REACH]
    return NICKNAME_BEFORE_RE.search(before) is not None and NICKNAME_AFTER_RE.match(after) is not None


def _single_speech_beside(text: str, paragraph_start: int, paragraph_end: int, doubles: list[Span]) -> list[Span]:
    """Single-quoted speech outside a paragraph's double quotes ('“…,” said Lee. ‘We still have work.’'): a writer who
    quotes with double marks slips into single ones; only what reads as speech counts (no title, no scare quote)."""
    # a provisional span's negative end is its paragraph's end
    taken = [(start, paragraph_end if end < 0 else end) for start, end in doubles]
    return [
        (start, end)
        for start, end in _single_quotes(text, paragraph_start, paragraph_end)[0]
        if text[start] == "‘"
        and _reads_as_speech(text, start, end)
        and not any(start < other_end and other_start < end for other_start, other_end in taken)
    ]


def _quote_marks(text: str) -> list[int]:
    """Where QUOTE_CHARS_RE matches, in order: str.find per mark is ~5x faster than the pattern's scan."""
    return lead_positions(text, QUOTE_MARKS)


def lead_positions(text: str, leads: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Where any of the strings leads stands whole in text[start:end], in order (by str.find)."""
    end = len(text) if end is None else end
    found: list[int] = []
    for lead in leads:
        at = text.find(lead, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(lead, at + 1, end)
    found.sort()
    return found


def _pair_marks(
    text: str, marks: list[int], paragraph_start: int, paragraph_end: int, carried: int | None, spans: list[Span]
) -> int | None:
    """Pair one paragraph's marks, adding the closed quotes to spans; where a quote left open at its end opened."""
    open_at: int | None = None
    open_mark = ""
    nested = 0
    if carried is not None and marks[0] == paragraph_start and text[marks[0]] in '"“«„':
        # continuation paragraph: the quote that opened earlier goes on
        open_at, open_mark = carried, text[marks[0]]
        marks = marks[1:]
    for i in marks:
        mark = text[i]
        if open_at is None:
            if mark in CLOSERS:
                continue  # stray closer
            after_word = i > paragraph_start and not text[i - 1].isspace()
            if mark == '"' and i + 1 < paragraph_end and text[i + 1].isspace() and after_word:
                continue  # looks like a closer without an opener (e.g. inches)
            open_at, open_mark = i, mark
        elif i == open_at + 1 and mark in CLOSERS and i + 1 < paragraph_end and text[i + 1].isalnum():
            continue  # a doubled opening mark ("“”This is …"): a typo, the quotation opens at the first
        elif nested and mark in "”»":
            nested -= 1  # closes a quote nested inside this one
        elif (open_mark == '"' and mark == "“") or (open_mark != "«" and mark == "«"):
            nested += 1  # a quote of another family inside this one: “…” inside "…"
        elif mark == open_mark and _reopens(text, i, paragraph_end):
            continue  # '"A. "B."', '“A. “B.”': paragraphs of one quotation run together, each opening with its mark
        elif mark in CLOSERS or mark == '"' or (mark == "“" and open_mark == "„"):
            spans.append((open_at, i + 1))
            open_at = None
            nested = 0
        else:
            # a second opener while open: the first quote was never closed; restart here
            open_at, open_mark = i, mark
    return open_at


def _reopens(text: str, i: int, paragraph_end: int) -> bool:
    """The quotation's own opening mark after a sentence's end and a space, before a word: it opens the next sentence
    of the same quotation, so a straight one closes nothing ('… back to Blackpool. "Obviously we have failed.') and a
    curly one opens no other quotation; a closing mark follows its quotation's last word."""
    return i >= 2 and text[i - 1] == " " and text[i - 2] in ".!?" and i + 1 < paragraph_end and text[i + 1].isalnum()


def _settle_unclosed(spans: list[Span]) -> list[Span]:
    """Provisional unclosed spans (negative end) end with their paragraph, unless a continuation closed them."""
    settled: list[Span] = []
    starts_closed = {start for start, end in spans if end > 0}
    for start, end in spans:
        if end < 0:
            if start in starts_closed:
                continue
            end = -end
        settled.append((start, end))
    settled.sort()
    return settled


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------


def _word_before_dot(text: str, dot: int, paragraph_start: int) -> str:
    """The word before the dot, lower case: its letters, digits and dots, back to a space found at C speed when one
    is near."""
    space = text.rfind(" ", max(paragraph_start, dot - ABBREVIATION_REACH), dot)
    word = text[space + 1 : dot] if space >= 0 else ""
    if not (word.isalnum() or word.replace(".", "").isalnum()):
        j = dot
        while j > paragraph_start and (text[j - 1].isalnum() or text[j - 1] == "."):
            j -= 1
        word = text[j:dot]
    return word.lower()


def _is_abbreviation_word(word: str) -> bool:
    if "." not in word:  # most words: one lookup
        return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS  # "J. Smith": an initial
    if all(len(part) == 1 and part.isalpha() for part in word.split(".")):
        return True  # initials: "G.K. Butterfield"
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS


def _abbreviation_ends_sentence(text: str, word: str, after: int) -> bool:
    """An abbreviation that often ends a sentence ("4 p.m.", "in the U.S.", "Apple Inc.") does when a quotation or a
    word that only opens a clause follows it ("4 p.m. Nobody was hurt", "U.S. He said"; not "U.S. President")."""
    if word.rstrip(".") not in SENTENCE_FINAL_ABBREVIATIONS:
        return False
    if text[after] in OPEN_MARKS:
        return True
    following = text[after : text.find(" ", after, after + ABBREVIATION_REACH)].lower()
    return following in CLAUSE_OPENING_WORDS


def sentences(text: str, paragraph_start: int, paragraph_end: int, inside_quote: Callable[[int], bool]) -> list[Span]:
    """Sentence spans within a paragraph; never split inside a quotation."""
    spans: list[Span] = []
    start = paragraph_start
    for sentence_end in SENT_END_RE.finditer(text, paragraph_start, paragraph_end):
        end = sentence_end.end()
        if end >= paragraph_end:
            break
        mark = sentence_end.start()
        if text[mark] == "\n":
            close = mark
        else:
            if text[end] not in SENTENCE_OPENERS:
                continue
            close = mark + len(sentence_end.group().rstrip())  # after the mark and its closing quotes or brackets
            if close == mark + 1 and text[mark] == ".":
                word = _word_before_dot(text, mark, paragraph_start)
                if _is_abbreviation_word(word) and not _abbreviation_ends_sentence(text, word, end):
                    continue
            if inside_quote(close - 1):
                continue
        spans.append((start, close))
        start = end
    if start < paragraph_end:
        spans.append((start, paragraph_end))
    overlong = paragraph_end - paragraph_start > MAX_SENTENCE_CHARS  # else none of its sentences is
    if overlong and any(end - start > MAX_SENTENCE_CHARS for start, end in spans):
        spans = [chunk for start, end in spans for chunk in _chunks(text, start, end)]
    return spans


def _chunks(text: str, start: int, end: int) -> list[Span]:
    """Cut an overlong "sentence" (unclosed quotes, missing punctuation) at spaces, so work per cue stays
    bounded and the whole finder linear."""
    chunks = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        chunks.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        chunks.append((start, end))
    return chunks


# ---------------------------------------------------------------------------------------------
# Tokens and spaces
# ---------------------------------------------------------------------------------------------


def led_matches(
    text: str, pattern: re.Pattern, leads: Iterable[str], start: int = 0, end: int | None = None
) -> list[re.Match]:
    """pattern.finditer(text, start, end) for a pattern whose every match opens with one of the strings leads: each
    lead is found by str.find and the pattern matched there (a pattern's own scan of the text for a class of
    characters, or even for a literal, is several times slower). A match at a position is the one finditer finds there;
    one starting inside the match before is skipped, as finditer skips it."""
    end = len(text) if end is None else end
    found: list[re.Match] = []
    after = start  # where the match before ends
    for at in lead_positions(text, leads, start, end):
        if at >= after and (match := pattern.match(text, at, end)) is not None:
            found.append(match)
            after = match.end()  # never empty: it opens with a lead
    return found


def search_with(pattern: re.Pattern[str], needed: str, text: str, start: int, end: int) -> re.Match[str] | None:
    """pattern.search(text, start, end) for a pattern whose every match holds the string needed: a window without it
    (most, for a relative pronoun's "wh") is told by str.find at C speed, without the search's try at every position."""
    return pattern.search(text, start, end) if text.find(needed, start, end) >= 0 else None


def is_capitalised(token: str) -> bool:
    """A capital or a digit first: a name's word (or a number) rather than a common word; or a brand's lower-case
    opening before its capital ("eBay", "easyJet", "xAI")."""
    return bool(token) and (token[0].isupper() or token[0].isdigit() or is_brand_word(token))


def is_brand_word(token: str) -> bool:
    """A brand written with a lower-case first letter and a capital inside ("eBay", "iRobot", "easyJet", "xAI"): a
    name's word, no common one. Short, with a short lower-case opening: two words run together by a lost space
    ("soil healKhadzhynov") are none."""
    if token.islower() or not (BRAND_LENGTHS[0] <= len(token) <= BRAND_LENGTHS[1] and token[:1].islower()):
        return False  # most words: all lower case, told in C
    if not token.isalpha():
        return False
    opening = next((at for at, letter in enumerate(token) if letter.isupper()), len(token))
    return opening < len(token) and opening <= MAX_BRAND_OPENING


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [(match.start(), match.end(), match[0]) for match in TOKEN_RE.finditer(text, start, end)]


def skip_spaces(text: str, pos: int, end: int) -> int:
    """The first position at or after pos (up to end) that is not whitespace."""
    if 0 <= pos < len(text) and (pos >= end or not text[pos].isspace()):
        return pos  # most calls (~86%) stand on no space: told without the pattern's call
    match = SPACES_RE.match(text, pos, end)
    return match.end() if match else pos
