"""Every pattern that runs on page text or attributes is linear-time.

Each compiled pattern of the `server` package and every rule pattern is searched, matched and iterated over
adversarial strings: long runs of whitespace, of one character, of the pattern's own literal words, cue words
and quotation marks. A backtracking pattern costs seconds to hours on them; a linear one milliseconds. Each
pattern runs in a child process killed after a generous limit, so a catastrophic one fails the test instead
of hanging the suite. The property test below generates mixtures of the same ingredients around every pattern.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import multiprocessing
import pkgutil
import re
import time
from collections.abc import Iterator
from re import _constants as _sre_constants  # the regex parser's opcodes: the literal words of a pattern
from re import _parser as _sre_parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import server
from server.pipeline import default_rules

pytestmark = pytest.mark.slow

# Long enough that a quadratic search costs seconds (4e8 steps), short enough that a linear one costs milliseconds.
LENGTH = 20_000
# Per adversarial string, in CPU seconds (a busy machine must not fail a linear pattern): a linear pattern takes a
# few ms at this length, a quadratic one several seconds.
SECONDS_PER_STRING = 0.5
CUE_WORDS = ("said", "says", "told", "according to", "Mr.", "he", "that", "on Monday", "Jan.", "A.", "(D-N.C.)")
QUOTES = ('"', "“", "”", "«", "»", "„", "'", "‘", "’", "―")
SPACES = (" ", "\t", "\n", "\xa0", "\u2009", " \n ", "\r\n")


def server_patterns() -> Iterator[tuple[str, re.Pattern]]:
    """Every compiled pattern a server module defines at module level (directly or in a dict, list or tuple);
    what it imports (readability's REGEXES, of which it runs one, named on its own) is not its own."""
    seen: set[int] = set()
    for module_info in pkgutil.walk_packages(server.__path__, "server."):
        module = importlib.import_module(module_info.name)
        source = inspect.getsource(module)
        for name, value in vars(module).items():
            if not re.search(rf"^{re.escape(name)}\b[^=\n]*=", source, re.MULTILINE):
                continue
            values = (
                value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else [value]
            )
            for item in values:
                if isinstance(item, re.Pattern) and id(item) not in seen:
                    seen.add(id(item))
                    yield f"{module_info.name}.{name}", item


def rule_patterns() -> Iterator[tuple[str, object]]:
    """Every ':has-text' pattern of the shipped rules (compiled with RE2)."""
    for rule in default_rules().files:
        selectors = [s for group in rule.strip for s in group.selectors] + [*rule.keep, *rule.content]
        for selector in selectors:
            if selector.text_re is not None:
                yield f"{rule.path}: {selector.source}", selector.text_re


PATTERNS = [*server_patterns(), *rule_patterns()]


def literal_words(pattern: object) -> set[str]:
    """The literal runs a pattern spells out (its words, its punctuation), to repeat against it."""
    source = getattr(pattern, "pattern", "")
    if isinstance(source, bytes):
        source = source.decode("latin-1")
    found: set[str] = set()

    def walk(items: object) -> None:
        run = ""
        for op, arg in items:
            if op is _sre_constants.LITERAL:
                run += chr(arg)
                continue
            if run:
                found.add(run)
                run = ""
            if op is _sre_constants.SUBPATTERN:
                walk(arg[-1])
            elif op is _sre_constants.BRANCH:
                for alternative in arg[1]:
                    walk(alternative)
            elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT):
                walk(arg[2])
            elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
                walk(arg[1])
            elif op is _sre_constants.ATOMIC_GROUP:
                walk(arg)
        if run:
            found.add(run)

    with contextlib.suppress(re.error):  # an RE2 pattern in a syntax Python's parser does not read
        walk(_sre_parser.parse(source))
    return {word for word in found if word.strip()}


def adversarial(pattern: object, length: int = LENGTH) -> list[str]:
    """Strings that make a backtracking pattern pay for every way of splitting a run."""
    pieces = [*SPACES, "a", "A", "1", ".", ",", "-", "…", ", ", "x ", "Aa ", "A. ", *QUOTES, *CUE_WORDS]
    pieces += [f"{word} " for word in CUE_WORDS]
    strings = [piece * (length // len(piece)) for piece in pieces]
    for word in sorted(literal_words(pattern)):
        for space in (" ", "\xa0", "\t"):
            strings += [
                word + space * length + "x",
                space * length + word,
                (word + space) * (length // (len(word) + 1)),
                word + space * length + word + "!",
            ]
        strings.append(word * (length // len(word)))
    return strings


def _exercise(pattern: object, text: str) -> None:
    subject = text.encode("latin-1", "replace") if isinstance(getattr(pattern, "pattern", ""), bytes) else text
    pattern.search(subject)
    pattern.match(subject)
    for _ in pattern.finditer(subject):
        pass


def _slowest(pattern: object, queue: multiprocessing.Queue) -> None:
    worst = (0.0, "")
    for text in adversarial(pattern):
        started = time.process_time()
        _exercise(pattern, text)
        elapsed = time.process_time() - started
        if elapsed > worst[0]:
            worst = (elapsed, text[:30])
    queue.put(worst)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_adversarial_strings(name: str, pattern: object):
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_slowest, args=(pattern, queue))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"{name} ran for over a minute on adversarial strings: it backtracks")
    elapsed, sample = queue.get(timeout=5)
    assert elapsed < SECONDS_PER_STRING, f"{name} took {elapsed:.2f} s on {sample!r}... ({LENGTH} characters)"


INGREDIENTS = st.sampled_from([*SPACES, *QUOTES, *CUE_WORDS, "a", "A", ".", ",", ":", "(", ")", "-"])


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
@settings(
    max_examples=6,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(unit=st.lists(INGREDIENTS, min_size=1, max_size=6), words=st.data())
def test_pattern_stays_linear_on_generated_runs(name: str, pattern: object, unit: list[str], words: st.DataObject):
    """Whitespace runs, cue words and quote marks around the pattern's own words, repeated to 20,000 characters."""
    own = sorted(literal_words(pattern)) or ["x"]
    unit = [*unit, words.draw(st.sampled_from(own))]
    piece = "".join(unit)
    text = piece * (LENGTH // len(piece))
    started = time.process_time()
    _exercise(pattern, text)
    elapsed = time.process_time() - started
    assert elapsed < SECONDS_PER_STRING, f"{name} took {elapsed:.2f} s on {piece!r} repeated"
