"""The literal text every match of a ':has-text' pattern must hold, read from the pattern's source.

It feeds a prefilter: a page whose text lacks one of the required literals cannot match, so the regex is not
run. The reader understands literal characters, escaped punctuation, groups '(...)', '(?:...)', '(?P<n>...)',
alternation and quantifiers; whatever else it meets is an item that requires nothing, or, where it cannot tell
how far that item reaches, the whole pattern requires nothing. Requiring less than the pattern does is always
sound: the prefilter only rules a page out when a required literal is missing.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable

log = logging.getLogger(__name__)

# An item of a parsed pattern: ("lit", char), ("class", source), ("other", source), ("group", id, items),
# ("inline", id, items) for '(?:...)', ("branch", id, alternatives) or ("repeat", id, (item,), least, most) for a
# quantified item (most None: unbounded). Groups, branches and repeated items carry a fresh id, so none equals
# another when alternatives' shared first items are moved out.
Item = tuple
Items = tuple[Item, ...]

# Escapes that stand for one character class or an anchor: consumed whole, they require no literal.
_CLASS_ESCAPES = frozenset("dDsSwW")
_ANCHOR_ESCAPES = frozenset("bBAZ")
_QUANTIFIER_RE = re.compile(r"\{\d+(?:,\d*)?\}")  # "{}", "{x" and "{,n}" are literal braces (RE2's reading too)
# Shorter literals rule out almost no page; a group holding one is dropped.
MIN_LITERAL_CHARS = 3


class _Unknown(Exception):
    """A construct whose extent the reader cannot tell: the pattern then requires no literal."""


class _Reader:
    """A recursive-descent reader of the pattern subset above, into nested items."""

    def __init__(self, pattern: str) -> None:
        self.pattern, self.pos, self.ids = pattern, 0, itertools.count()

    def alternation(self) -> Items:
        """Alternatives up to ')' or the end, simplified as Python's parser does, so the groups match its own."""
        alternatives = [self.sequence()]
        while self._peek() == "|":
            self.pos += 1
            alternatives.append(self.sequence())
        if len(alternatives) == 1:
            return alternatives[0]
        prefix: list[Item] = []
        # A first item all alternatives share is moved out in front of them.
        while all(alternatives) and all(a[0] == alternatives[0][0] for a in alternatives):
            prefix.append(alternatives[0][0])
            alternatives = [a[1:] for a in alternatives]
        if all(len(a) == 1 and a[0][0] in ("lit", "class") for a in alternatives):
            return (*prefix, ("class", tuple(alternatives)))  # one character of a set: no literal run
        return (*prefix, ("branch", next(self.ids), tuple(alternatives)))

    def sequence(self) -> Items:
        items: list[Item] = []
        while self.pos < len(self.pattern) and self._peek() not in "|)":
            char = self.pattern[self.pos]
            if char in "*+?" or (char == "{" and _QUANTIFIER_RE.match(self.pattern, self.pos)):
                if not items:
                    raise _Unknown("nothing to repeat")
                # A repeated item may be absent or vary: it requires nothing, but leading_literals() follows it.
                items[-1] = ("repeat", next(self.ids), (items[-1],), *self._quantifier())
                continue
            items.append(self._atom())
        # A non-capturing group that is not repeated is part of the sequence, as Python's parser reads it.
        return tuple(x for item in items for x in (item[2] if item[0] == "inline" else (item,)))

    def _quantifier(self) -> tuple[int, int | None]:
        """Reads a quantifier: how many times at least and at most (None: no limit) its item occurs."""
        char = self.pattern[self.pos]
        if char == "{":
            end = _QUANTIFIER_RE.match(self.pattern, self.pos).end()
            least, comma, most = self.pattern[self.pos + 1 : end - 1].partition(",")
            bounds = (int(least), int(most) if most else None if comma else int(least))
            self.pos = end
        else:
            bounds = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.pos += 1
        if self._peek() in ("?", "+"):
            self.pos += 1  # lazy or possessive: the same items required
        return bounds

    def _atom(self) -> Item:
        char = self.pattern[self.pos]
        self.pos += 1
        if char == "(":
            return self._group()
        if char == "[":
            return self._bracket()
        if char == "\\":
            return self._escape()
        if char in ".^$":
            return ("other", char)
        return ("lit", char)

    def _group(self) -> Item:
        kind = "group"
        if self.pattern.startswith("?:", self.pos):
            self.pos += 2
            kind = "inline"
        elif self.pattern.startswith("?P<", self.pos):
            end = self.pattern.find(">", self.pos)
            if end < 0:
                raise _Unknown("unterminated group name")
            self.pos = end + 1
        elif self._peek() == "?":
            raise _Unknown("an inline flag or an assertion")  # '(?x)' alone would change how the rest reads
        inner = self.alternation()
        if self._peek() != ")":
            raise _Unknown("missing ')'")
        self.pos += 1
        return (kind, next(self.ids), inner)

    def _bracket(self) -> Item:
        start = self.pos - 1
        if self._peek() == "^":
            self.pos += 1
        if self._peek() == "]":
            self.pos += 1  # a ']' first is a member, not the end
        while self.pos < len(self.pattern) and self.pattern[self.pos] != "]":
            if self.pattern[self.pos] == "[":
                raise _Unknown("a nested set or a POSIX class")  # RE2 and Python read '[[' differently
            self.pos += 2 if self.pattern[self.pos] == "\\" else 1
        if self.pos >= len(self.pattern):
            raise _Unknown("missing ']'")
        self.pos += 1
        source = self.pattern[start : self.pos]
        if len(source) == 3 or (len(source) == 4 and source[1] == "\\" and not source[2].isalnum()):
            return ("lit", source[-2])  # '[.]' and '[\\?]' are one literal character
        return ("other" if source.startswith("[^") else "class", source)

    def _escape(self) -> Item:
        char = self._peek()
        if not char:
            raise _Unknown("a trailing backslash")
        self.pos += 1
        if char in _CLASS_ESCAPES:
            return ("class", "\\" + char)
        if char in _ANCHOR_ESCAPES:
            return ("other", "\\" + char)
        if char.isascii() and char.isalnum():
            raise _Unknown(f"the escape \\{char}")  # \x41, \pL, \Q...\E, \1: their length or meaning varies
        return ("lit", char)

    def _peek(self) -> str:
        return self.pattern[self.pos : self.pos + 1]


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Literal text every match must contain, as groups of lowercase alternatives, one of each group being
    present: '^\\s*(sign up|subscribe)\\b.{0,120}\\b(newsletters?|inbox)' gives (('sign up', 'subscribe'),
    ('inbox', 'newsletter')). Only literals of at least 3 characters are kept (shorter ones rule nothing
    out); empty when nothing simple is required."""
    reader = _Reader(pattern)
    try:
        items = reader.alternation()
        if reader.pos != len(pattern):
            raise _Unknown("an unbalanced ')'")
    except _Unknown as exc:
        log.debug("no literal prefilter for %r: %s", pattern, exc)
        return ()
    groups: list[tuple[str, ...]] = []
    run = ""
    for item in items:
        if item[0] == "lit":
            run += item[1]
            continue
        groups.append((run,))
        run = ""
        if item[0] == "group":
            groups.append(tuple(_prefixes(item[2])))
        elif item[0] == "branch":
            groups.append(tuple(q for alternative in item[2] for q in _prefixes(alternative)))
    groups.append((run,))
    return tuple(
        tuple(sorted({literal.lower().strip() for literal in group}))
        for group in groups
        if group and all(len(literal.strip()) >= MIN_LITERAL_CHARS for literal in group)
    )


def _prefixes(items: Items) -> list[str]:
    """Every literal run a sequence of items can start with; a nested group ends the run (one literal each)."""
    prefixes = [""]
    for item in items:
        if item[0] == "lit":
            prefixes = [p + item[1] for p in prefixes]
        elif item[0] == "group":
            return [p + q for p in prefixes for q in _prefixes(item[2])]
        elif item[0] == "branch":
            return [p + q for p in prefixes for alternative in item[2] for q in _prefixes(alternative)]
        else:
            break
    return prefixes


# At most this many alternative runs are followed through groups; past it the runs stop where they are.
_MAX_RUNS = 256


def _runs(items: Items) -> tuple[list[str], bool]:
    """Every literal run a sequence of items can start with, followed through groups and alternatives whose every
    alternative is literal to the end ('(beitrag|artikel) teilen' gives 'beitrag teilen', 'artikel teilen'), and
    whether the runs reach the end of the items."""
    runs = [""]
    for item in items:
        if item[0] == "lit":
            runs = [run + item[1] for run in runs]
            continue
        if item[0] not in ("group", "branch", "repeat"):
            return runs, False
        if item[0] == "repeat":
            ends = _repeat_runs(item)
        else:
            alternatives = (item[2],) if item[0] == "group" else item[2]
            ends = [_runs(alternative) for alternative in alternatives]
        tails = [tail for found, _ in ends for tail in found]
        if len(runs) * len(tails) > _MAX_RUNS:
            return runs, False
        runs = [run + tail for run in runs for tail in tails]
        if not all(complete for _, complete in ends):
            return runs, False
    return runs, True


def _repeat_runs(item: Item) -> list[tuple[list[str], bool]]:
    """_runs() of a quantified item's ways to start: absent (when it may be), or its own runs, complete only when
    it occurs once at most ('(de )?afiliados' starts with 'de afiliados' or 'afiliados')."""
    _, _, repeated, least, most = item
    ways = [([""], True)] if least == 0 else []
    if most != 0:
        found, complete = _runs(repeated)
        ways.append((found, complete and most == 1))
    return ways


# '^' and at most one repeated whitespace class: what may stand before a leading_literals() literal.
_LEADING_SPACE_RE = re.compile(r"\^(?:\\s[*+?]\+?)?")


def leading_literals(pattern: str, min_chars: int = MIN_LITERAL_CHARS) -> tuple[str, ...]:
    """The literal text, lowercase, one of which every match starts with once the text's leading whitespace is
    stripped, for a pattern anchored at the start: '^\\s*(read more|see also)\\s*:' gives ('read more', 'see
    also'). Empty when the pattern is not of that form or a literal is shorter than min_chars."""
    lead = _LEADING_SPACE_RE.match(pattern)
    if lead is None:
        return ()
    reader = _Reader(pattern)
    try:
        items = reader.alternation()
        if reader.pos != len(pattern):
            raise _Unknown("an unbalanced ')'")
    except _Unknown:
        return ()
    skipped = 2 if lead.end() > 1 else 1  # '^', and the whitespace class when there is one
    rest = items[skipped:]
    if len(items) < skipped or not rest or rest[0][0] not in ("lit", "group", "branch", "repeat"):
        return ()
    literals = {literal.lower() for literal in _runs(rest)[0]}
    if any(len(lit) < max(min_chars, 1) or lit[0].isspace() or "\u0307" in lit for lit in literals):
        return ()  # too short to rule anything out; or not where stripped text starts; or 'İ' lowered to two letters
    return tuple(sorted(literals))


# Characters a pattern reads as syntax (RE2's and Python's, and '/' that ends a ':has-text(/.../)' pattern).
_PATTERN_SPECIALS = frozenset(".^$*+?()[]{}|\\/")


def alternation_of(words: Iterable[str]) -> str:
    """Words as one pattern alternation matching each literally, longest first (so 'photo credit' is tried before
    'photo'), duplicates once: the form a word table takes in a rule's pattern and in structure.py's patterns."""
    escaped = {"".join("\\" + c if c in _PATTERN_SPECIALS else c for c in word) for word in words}
    return "|".join(sorted(escaped, key=lambda word: (-len(word), word)))
