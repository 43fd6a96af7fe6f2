"""The one scan that finds the cues and the belief verbs (cues.scan.verb_scan) finds what a scan of each list alone
finds, and find_attributions hands each pass its part; the quotation marks found by str.find are the pattern's."""

from __future__ import annotations

import json
import re
from itertools import islice
from pathlib import Path

from server.attributions import structure
from server.attributions.cues import scan
from server.attributions.lexicon import BELIEF_FORMS
from server.attributions.patterns import (
    COLON_CUE_MARKS,
    CUE_RE,
    CUE_WORD_FORMS,
    MARK_THEN_QUOTE_RE,
    NON_WORD_NOT_HYPHEN,
    QUOTE_CHARS_RE,
    RELATIVE_RE,
    SET_OFF_ADVERB_RE,
    SINGLE_MARK_RE,
    THAT_RELATIVE_RE,
    THAT_WORD_RE,
    trie_pattern,
)
from server.attributions.sources.phrase import CONTRACTED_SUBJECTS, CONTRACTION_RE, contracted_pronoun

ATTRIBUTION_SETS = Path(__file__).parent / "attributions"

TRICKY = [
    "He said: “I believe it,” and she thinks so. They want—to plan; “Wonder” hoped (fears) persuade per se.",
    "believe said\nthinks 'said' “believes” according to them, as noted by the hoped-for plan.",
    "",
    "said",
]


def _alone(words: frozenset[str] | set[str], text: str) -> list[tuple[int, int]]:
    """The spans a scan of one list alone finds, as the finder scanned before the two were joined."""
    trie = "(?:" + trie_pattern(sorted(words)) + r")\b"
    matches = [*re.finditer(" " + trie, text), *re.finditer(NON_WORD_NOT_HYPHEN + trie, text)]
    return sorted((match.start() + 1, match.end()) for match in matches)


def _texts() -> list[str]:
    texts = list(TRICKY)
    for path in sorted(ATTRIBUTION_SETS.glob("*/*.json"))[:40]:
        document = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(document, dict) and isinstance(document.get("text"), str):
            texts.append(document["text"])
    return texts


def test_no_word_is_both_a_cue_and_a_belief_verb():
    # the one trie finds each word as its own list's scan does only while no word is in both, nor a cue phrase's word
    cue_phrase_words = {word for cue in CUE_WORD_FORMS for word in cue.split()}
    assert not set(BELIEF_FORMS) & cue_phrase_words


def test_one_scan_finds_the_cues_and_the_belief_verbs_each_list_finds_alone():
    for text in _texts():
        cue_starts, belief_spans = scan.verb_scan(text)
        assert cue_starts == [start for start, _ in _alone(CUE_WORD_FORMS, text)], text[:80]
        assert belief_spans == _alone(set(BELIEF_FORMS), text), text[:80]


def test_the_cues_from_the_one_scan_are_those_of_finditer():
    for text in _texts():
        given = [match.span() for match in scan.cue_matches(text, scan.verb_scan(text)[0])]
        assert given == [match.span() for match in islice(CUE_RE.finditer(text), scan.MAX_CUES)], text[:80]


def test_the_quotation_marks_found_by_str_find_are_those_of_the_pattern():
    for text in [*_texts(), '«»„“”"' * 3, 'a "b" c “d” «e» „f“']:
        assert structure._quote_marks(text) == [mark.start() for mark in QUOTE_CHARS_RE.finditer(text)], text[:80]


def test_a_colon_quote_is_possible_in_a_stretch_exactly_where_the_pattern_finds_one():
    # every stretch from a mark's neighbourhood to another's: starts and ends inside, at and around each match
    for text in [*_texts()[:12], 'A: "b" \u2014 \u201cc\u201d:\t"d" e:  f', ':"', ': "x": "y"']:
        colon_quotes = scan.ColonQuotes(text)
        found = list(zip(colon_quotes.starts, colon_quotes.ends, strict=True))
        assert found == [match.span() for match in MARK_THEN_QUOTE_RE.finditer(text)], text[:40]
        edges = sorted({0, len(text)} | {p + d for p in colon_quotes.starts + colon_quotes.ends for d in (-1, 0, 1, 2)})
        edges = [p for p in edges if 0 <= p <= len(text)]
        for start in edges:
            for end in edges:
                expected = MARK_THEN_QUOTE_RE.search(text, start, end) is not None
                assert colon_quotes.possible(start, end) == expected, (text[:40], start, end)


def test_the_matches_found_from_their_leads_are_those_of_finditer():
    # overlapping candidates ("aba" inside "ababa") are skipped as finditer skips them; a lead may be several characters
    cases = [
        (re.compile(r"ab?a"), "a", "aaaaba abaaba ababa"),
        (re.compile(r"a[^a]*+b"), "a", "a a b aab ab"),
        (re.compile(r"th(?:at|is)\b"), ("that", "this"), "that this thatthis this that: thisthat"),
    ]
    for text in _texts():
        cases += [(THAT_WORD_RE, (" that",), text), (MARK_THEN_QUOTE_RE, COLON_CUE_MARKS, text)]
        cases += [(SINGLE_MARK_RE, structure.SINGLE_MARKS, text)]
    for pattern, leads, text in cases:
        found = [match.span() for match in structure.led_matches(text, pattern, leads)]
        assert found == [match.span() for match in pattern.finditer(text)], (pattern.pattern, text[:40])
        # within bounds, as finditer(text, start, end): a match cut by the end is none
        for start, end in [(1, len(text) - 1), (len(text) // 3, len(text) // 2)]:
            found = [match.span() for match in structure.led_matches(text, pattern, leads, start, end)]
            assert found == [match.span() for match in pattern.finditer(text, start, end)], (pattern.pattern, start)


def test_a_search_skipped_where_the_needed_string_is_missing_is_the_patterns_search():
    # search_with skips a window without the string every match holds: the same match everywhere, on windows ending at
    # every word's start as a cue's do, and the string in every match found (a pattern changed so that a match may go
    # without it would fail here)
    guarded = [(RELATIVE_RE, "wh", 40), (THAT_RELATIVE_RE, "that", 40), (SET_OFF_ADVERB_RE, ",", 16)]
    texts = [*_texts(), "the officials, who also said", "outlets that claim", "Critics, however, argue"]
    for text in texts:
        ends = [match.start() for match in re.finditer(r"\b\w", text)] + [len(text)]
        for pattern, needed, reach in guarded:
            for end in ends:
                start = max(0, end - reach)
                expected = pattern.search(text, start, end)
                found = structure.search_with(pattern, needed, text, start, end)
                assert (found and found.span()) == (expected and expected.span()), (pattern.pattern, text[start:end])
                assert expected is None or needed in expected.group(), (pattern.pattern, expected.group())


def test_a_contracted_pronoun_needs_an_apostrophe():
    # contracted_pronoun answers a word without an apostrophe without its search: as the search would
    words = {word.lower() for text in _texts() for word in re.findall(r"[\w’'-]+", text)}
    words |= {"he’d", "they've", "she’s", "we’ve", "he’ll", "it's", "o'brien"}
    for word in words:
        contraction = CONTRACTION_RE.search(word)
        expected = (
            contraction is not None
            and contraction.group()[1:] != "ll"
            and word[: contraction.start()] in (CONTRACTED_SUBJECTS)
        )
        assert contracted_pronoun(word) == expected, word
