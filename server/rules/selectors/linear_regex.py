"""Rule text patterns compiled with RE2: linear in the text, whoever wrote the pattern."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache

import re2

log = logging.getLogger(__name__)

# Python's meaning of the class escapes (Unicode: a no-break space is a space), spelled for RE2, whose own are ASCII.
UNICODE_SPACE = r"\s\v\x{1c}-\x{1f}\x{85}\pZ"  # what str.isspace() accepts, inside an RE2 character class
_UNICODE_CLASSES = {"s": UNICODE_SPACE, "d": r"\p{Nd}", "w": r"\pL\pN_"}
_MAX_PATTERN_CHARS = 2000
_MAX_PATTERN_MEMORY = 8 << 20  # RE2's default; a pattern whose automaton needs more is refused, not slowed


@lru_cache(maxsize=1024)
def compile_linear(pattern: str, *, ignore_case: bool = False) -> re2._Regexp:
    """A rule's text pattern compiled with RE2: matching is linear in the text whatever the pattern, and what RE2
    cannot run in linear time (backreferences, lookarounds) is refused. Raises ValueError with the reason."""
    if len(pattern) > _MAX_PATTERN_CHARS:
        raise ValueError(f"the pattern is {len(pattern)} characters long; at most {_MAX_PATTERN_CHARS} are accepted")
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    options.max_mem = _MAX_PATTERN_MEMORY
    try:
        return re2.compile(_unicode_classes(pattern), options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
        raise ValueError(f"the pattern cannot run in linear time (RE2 refuses it: {reason})") from exc


# The wrapper's search() and finditer() run a Python generator and build a Match object per call (half of a short
# search's cost): finds() and match_spans() call the compiled RE2 as the wrapper's bytes branch does.
_UNANCHORED = re2._Anchor.UNANCHORED


def finds(regex: re2._Regexp, text: str) -> bool:
    """Whether regex.search(text) finds a match. Searched in the text's UTF-8, which the wrapper searches anyway: it
    then maps no byte offsets back to the str, ~2x cheaper on a text node's few characters."""
    data = text.encode("utf-8")
    return regex._regexp.Match(_UNANCHORED, data, 0, len(data))[0][0] != -1


def match_spans(regex: re2._Regexp, data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each match regex.finditer(data) finds, in order, without its Match objects."""
    match, position, end = regex._regexp.Match, 0, len(data)
    while True:
        span = match(_UNANCHORED, data, position, end)[0]
        if span[0] == -1:
            return
        yield span
        if position == end:
            return
        # After an empty match at the position, one byte on (as the wrapper steps), else from the match's end.
        position = position + 1 if position == span[1] else span[1]


def _unicode_classes(pattern: str) -> str:
    """\\s, \\d and \\w (and their negations outside brackets) as Python reads them: Unicode classes."""
    out: list[str] = []
    in_brackets = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            spelled = _UNICODE_CLASSES.get(escaped.lower())
            if spelled is None or (in_brackets and escaped.isupper()):
                out.append(pattern[i : i + 2])  # a negated class inside brackets keeps RE2's (ASCII) reading
            elif in_brackets:
                out.append(spelled)
            else:
                out.append(f"[^{spelled}]" if escaped.isupper() else f"[{spelled}]")
            i += 2
            continue
        if char == "[" and not in_brackets:
            in_brackets = True
            out.append(pattern[i : i + 2] if pattern[i + 1 : i + 2] == "^" else char)
            i += len(out[-1])
            continue
        if char == "]" and in_brackets:
            in_brackets = False
        out.append(char)
        i += 1
    return "".join(out)
