"""server/rules/literals.py: the literals a ':has-text' pattern requires, read without Python's private parser.

The table below is what the prefilter required of each pattern shipped when it still read patterns with
re._parser; the reader must give the same for each, and must stay sound: a text the pattern matches always holds one
literal of every required group.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import server.rules.selectors
from server.config import RULES_DIR
from server.rules.literals import leading_literals, required_literals
from server.rules.ruleset import load_rules
from server.rules.selectors import compile_linear, compile_selector

# What re._parser-based extraction gave for each shipped ':has-text' selector (identical by design).
# fmt: off
SHIPPED = {
    'p, div, span:has-text(/^\\s*(advertisement|(article|story) continues below( advertisement)?|advertisement\\s*[-–—:]?\\s*(continue reading|(article|story) continues) below)\\s*$/i)': (('advertisement', 'article', 'story'),),  # noqa: E501
    'div:has-text(/^\\s*(sign up|subscribe)\\b.{0,120}\\b(newsletters?|inbox)\\b/i)': (('sign up', 'subscribe'), ('inbox', 'newsletter')),  # noqa: E501
    'aside:has-text(/\\b(sign up|subscribe)\\b.{0,80}\\bnewsletters?\\b/i)': (('sign up', 'subscribe'), ('newsletter',)),  # noqa: E501
    'p:has-text(/^\\s*\\*\\s*indicates required\\s*$/i)': (('indicates required',),),
    'div:has-text(/^\\s*(become a (member|subscriber|supporter)|gift (a )?membership|support (our|independent) journalism|make a (contribution|donation))\\b/i)': (('become a member', 'become a subscriber', 'become a supporter', 'gift', 'make a contribution', 'make a donation', 'support independent', 'support our'),),  # noqa: E501
    'section:has-text(/^\\s*(become a (member|subscriber|supporter)|gift (a )?membership)\\b/i)': (('become a member', 'become a subscriber', 'become a supporter', 'gift'),),  # noqa: E501
    'aside:has-text(/^\\s*(become a (member|subscriber|supporter)|gift (a )?membership)\\b/i)': (('become a member', 'become a subscriber', 'become a supporter', 'gift'),),  # noqa: E501
    'div:has-text(/\\b(funded by (our )?readers|become a (member|supporter) (now|today)|gift (a )?membership today)\\b/i)': (('become a member', 'become a supporter', 'funded by', 'gift'),),  # noqa: E501
    'p:has-text(/^\\s*SHARE YOUR STORY\\s*$/)': (('share your story',),),
    'p:has-text(/^\\s*-{5,}\\s*$/)': (),
    'div:has-text(/^\\s*Copyright ©\\s*\\d{4} WABC-TV/)': (('copyright ©',), ('wabc-tv',)),
    'div.kg-cta-card:has-text(/^\\s*visit ki insights/i)': (('visit ki insights',),),
    'div:has-text(/^\\s*this audio is created with AI assistance\\s*$/i)': (('this audio is created with ai assistance',),),  # noqa: E501
    'p:has-text(/^\\s*Want more from NBC Select\\?/i)': (('want more from nbc select?',),),
    'p.endmark:has-text(/^\\s*Catch up on NBC Select/i)': (('catch up on nbc select',),),
    'p:has-text(/^\\s*To browse all of the Guardian.s best books/i)': (('to browse all of the guardian',), ('s best books',)),  # noqa: E501
    'i:has-text(/chance to win .* Amazon Voucher/i)': (('chance to win',), ('amazon voucher',)),
}
# fmt: on


@pytest.mark.parametrize("source", sorted(SHIPPED))
def test_each_pattern_of_the_table_requires_what_it_did_with_the_private_parser(source: str) -> None:
    # The table, not the shipped rule set: a contributor adding a ':has-text' rule must not have to edit this file.
    assert compile_selector(source).text_literals == SHIPPED[source]


def test_selectors_no_longer_import_the_private_regex_parser() -> None:
    package = Path(server.rules.selectors.__file__).parent
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(package.glob("*.py")))
    assert "def compile_selector" in source  # the package's modules were read
    assert "_parser" not in source and "_constants" not in source and "sre_parse" not in source


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            r"^\s*(sign up|subscribe)\b.{0,120}\b(newsletters?|inbox)",
            (("sign up", "subscribe"), ("inbox", "newsletter")),
        ),
        ("Listen to this story", (("listen to this story",),)),
        (r"Want more\?", (("want more?",),)),
        ("abc*def", (("def",),)),  # a repeated character ends the run; 'ab' is too short to keep
        ("news{2}letter", (("new",), ("letter",))),
        ("gift (a )?membership", (("gift",), ("membership",))),
        ("(?:sign up) now", (("sign up now",),)),  # a non-capturing group is part of the run
        ("(sign up) now", (("sign up",), ("now",))),
        ("(sign up|sign in) now", (("sign in", "sign up"), ("now",))),
        ("subscribe|subscription", (("subscri",),)),  # the alternatives' shared start is required
        ("(news|newsletter)", (("news", "newsletter"),)),
        ("[.]news", ((".news",),)),  # a one-character set is that character
        ("abc{}x", (("abc{}x",),)),  # braces that are no repetition are literal
        ("abc{,2}def", (("abc{,2}def",),)),  # RE2 reads "{,2}" as literal braces
        ("[^x]bcd", (("bcd",),)),
        ("a|b|cde", ()),  # an alternative with no literal makes the group require nothing
        (r"foo\x41bar", ()),  # an escape of unknown length: nothing required, always sound
        (r"\pL+ ending", ()),
        (r"(?i)word", ()),
        (r"[[:alpha:]]word", ()),
        ("unbalanced)", ()),
        ("(unclosed", ()),
        ("[unclosed", ()),
        ("*nothing to repeat", ()),
        ("trailing\\", ()),
        ("", ()),
    ],
)
def test_required_literals(pattern: str, expected: tuple[tuple[str, ...], ...]) -> None:
    assert required_literals(pattern) == expected


def test_a_has_text_selector_carries_its_required_literals() -> None:
    selector = compile_selector("div:has-text(/^\\s*(become a|join) member/i)")
    assert selector.text_literals == (("become a", "join"), ("member",))


_ATOMS = ["a", "b", "ab", "sign up", "news", "letter", " ", ".", r"\s", r"\b", r"\d", "^", "$", "[ab]", "[^a]",
          r"\.", r"\?", "x", "abc", "{", "}", "-", "é", "[.]", r"\S", "[a-c]", "{}"]  # fmt: skip
_QUANTIFIERS = ["", "", "", "*", "+", "?", "{2}", "{0,3}", "{5,}", "*?", "{,2}"]
_PIECES = ["a", "b", "ab", "sign up", "news", "letter", " ", ".", "é", "x", "abc", "{", "}", "-", "?", "SIGN",
           "c", "newsletter", "\n", "{}", "{,2}", "NEWS"]  # fmt: skip


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        if depth < 3 and draw(st.integers(0, 4)) == 0:
            alternatives = draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3))
            parts.append(draw(st.sampled_from(["(", "(?:"])) + "|".join(alternatives) + ")")
        else:
            parts.append(draw(st.sampled_from(_ATOMS)))
        parts.append(draw(st.sampled_from(_QUANTIFIERS)))
    return "".join(parts)


@pytest.mark.slow  # 400 generated patterns against RE2
@settings(max_examples=400, deadline=None)
@given(
    pattern=st.one_of(_patterns(), st.tuples(_patterns(), _patterns()).map("|".join)),
    texts=st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join), min_size=1, max_size=20),
)
def test_the_required_literals_are_in_every_match(pattern: str, texts: list[str]) -> None:
    """Sound: whatever RE2 matches (case-insensitively, as ':has-text(/.../i)') holds a literal of every group."""
    try:
        compiled = compile_linear(pattern, ignore_case=True)
    except ValueError:
        return  # refused when the rule loads
    groups = required_literals(pattern)
    for text in texts:
        match = compiled.search(text)
        if match is not None:
            found = match.group(0).lower()
            assert all(any(literal in found for literal in group) for group in groups), (pattern, text, groups)


def test_soundness_holds_on_the_shipped_patterns_own_words() -> None:
    """Each shipped pattern against text built from its own words: every match holds what it requires."""
    for source, groups in SHIPPED.items():
        selector = compile_selector(source)
        words = re.findall(r"[A-Za-z©-]+", source.split(":has-text(", 1)[1])
        for size in range(1, len(words) + 1):
            text = " ".join(words[:size])
            match = selector.text_re.search(text)
            if match is not None:
                assert all(any(literal in match.group(0).lower() for literal in group) for group in groups)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^\s*(read more|see also)\s*:", ("read more", "see also")),
        (r"^\s*(sign up|subscribe)\b.{0,120}\b(newsletters?|inbox)", ("sign up", "subscribe")),
        (r"^Mehr zum Thema", ("mehr zum thema",)),
        (r"^\s+(teilen|share)$", ("share", "teilen")),
        (r"^\s*(читайте також|по темі)\s*:", ("по темі", "читайте також")),
        (r"^.*foo", ()),  # something other than whitespace may come first
        (r"\bshare", ()),  # not anchored
        (r"^\s*\*\s*indicates required", ()),  # '*' alone is too short to rule anything out
        (r"^\s*( share)", ()),  # stripped text never starts with a space
        (r"^\s*(share|x)", ()),
        # An optional item is followed both ways; a repeated one ends the literal where it may repeat.
        (
            r"^\s*(todos os direitos|(é )?proibida a reprodução)",
            ("proibida a reprodução", "todos os direitos", "é proibida a reprodução"),
        ),
        (
            r"^\s*(\(?alle angaben|nachdruck (nur )?mit)",
            ("(alle angaben", "alle angaben", "nachdruck mit", "nachdruck nur mit"),
        ),
        (r"^\s*photos?\s*:", ("photo", "photos")),
        (r"^\s*(ab)+cde", ()),  # 'ab', then 'ab' again or 'cde': only 'ab' is sure, too short
        (r"^\s*(abc)+de", ("abc",)),
        (r"^\s*(abc){0,2}de", ()),  # 'de' alone: too short
        (r"^\s*x{3}yz", ()),
    ],
)
def test_leading_literals(pattern: str, expected: tuple[str, ...]) -> None:
    assert leading_literals(pattern) == expected


@pytest.mark.slow  # 400 generated patterns against RE2
@settings(max_examples=400, deadline=None)
@given(
    pattern=_patterns().map(lambda p: "^\\s*" + p),
    texts=st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join), min_size=1, max_size=20),
)
def test_a_match_starts_with_a_leading_literal_once_stripped(pattern: str, texts: list[str]) -> None:
    """Sound: whatever RE2 matches starts, after the text's leading whitespace, with a leading literal (in RE2's
    case-insensitive sense, as the prefilter looks them up)."""
    try:
        compiled = compile_linear(pattern, ignore_case=True)
    except ValueError:
        return
    leading = leading_literals(pattern)
    if not leading:
        return
    starts = compile_linear("|".join(re.escape(literal) for literal in leading), ignore_case=True)
    for text in texts:
        if compiled.search(text) is not None:
            assert starts.match(text.lstrip()) is not None, (pattern, text, leading)


def test_every_shipped_text_selector_has_a_literal_prefilter() -> None:
    """A ':has-text' strip selector without a literal to look up is searched in every text node of every page (three
    such selectors once cost a page 4 ms): its pattern needs a literal every match holds or starts with."""
    rules = load_rules(RULES_DIR)
    missing = [
        f"{rule.path}: {selector.source}"
        for rule in rules.files
        for group in rule.strip
        for selector in group.selectors
        if selector.text_re is not None and not selector.literal_patterns
    ]
    assert not missing, "\n".join(missing)
