"""Rule selectors compiled once: CSS (via cssselect), XPath with an 'xpath:' prefix, and ':has-text(...)'.

Each compiled selector also knows the id, class or tag its match must carry, so a page that has none of
them skips it without evaluating anything (the way ad blockers apply thousands of generic filters); a
':has-text' selector likewise knows literal text its matches must hold.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import compress, count, repeat
from operator import contains

import re2
from cssselect import SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash
from cssselect.parser import Selector as ParsedSelector
from lxml import etree
from lxml.cssselect import CSSSelector, LxmlHTMLTranslator
from lxml.html import HtmlElement

from ..errors import RuleError
from .constants import CASE_FOLDS_TO_ASCII
from .literals import required_literals

log = logging.getLogger(__name__)

# ':has-text(/regex/flags)' or ':has-text(plain text)' at the end of a selector (uBlock's procedural filter).
# (The CSS part is tempered and possessive: everything before the first ':has-text(', in one pass.)
HAS_TEXT_RE = re.compile(r"^(?P<css>(?:(?!:has-text\().)*+):has-text\((?P<arg>.+)\)$", re.S)
# cssselect translates relative ':has(> x)' wrongly (the class lands on the outer element): refuse it.
RELATIVE_HAS_RE = re.compile(r":has\(\s*[>+~]")

# ("id", v), ("class", v), ("tag", name), ("attr", name) or ("attr", name, operator, value).
Key = tuple[str, ...]
# Tag and attribute names safe to put in a presence-test XPath as they are.
_XML_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# EXSLT regular expressions (re:test) for XPath rules that must match text patterns; served by RE2, not lxml's.
_EXSLT_REGEXP = "http://exslt.org/regular-expressions"
_XPATH_NAMESPACES = {"re": _EXSLT_REGEXP}
# An EXSLT call in an XPath rule: only re:test is served (re:match and re:replace return strings no selector needs).
_XPATH_REGEX_CALL_RE = re.compile(r"\bre:([\w-]++)\s*+\(")


class PageIndex:
    """What a page holds, gathered once per request: ids and classes up front; tags, attribute values and
    text only when a selector asks."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.ids = frozenset(_ALL_IDS(root))
        self._class_values = _ALL_CLASSES(root)
        self.classes = frozenset(" ".join(self._class_values).split())
        self._tags: dict[str, bool] = {}
        self._attributes: dict[str, tuple[frozenset[str], str]] = {}
        self._literals: dict[bytes, bool] = {}

    def has(self, key: Key) -> bool:
        kind, value = key[0], key[1]
        if kind == "id":
            return value in self.ids
        if kind == "class":
            return value in self.classes
        if kind == "tag":
            if value not in self._tags:
                # The C iterator stops at the first such element.
                self._tags[value] = next(self.root.iter(value), None) is not None
            return self._tags[value]
        values, joined = self._attribute(value)
        if len(key) == 2:
            return bool(values)
        operator, wanted = key[2], key[3]
        # Substring tests on the joined values, one C call each; a hit across a newline only lets the selector run.
        if operator == "*=":
            return wanted in joined
        if operator == "^=":
            return f"\n{wanted}" in f"\n{joined}"
        if operator == "$=":
            return f"{wanted}\n" in f"{joined}\n"
        if operator == "=":
            return wanted in values
        test = _ATTRIBUTE_TESTS[operator]
        return any(test(v, wanted) for v in values)

    def _attribute(self, name: str) -> tuple[frozenset[str], str]:
        """The values of one attribute across the page, as a set and newline-joined; one sweep per name."""
        if name not in self._attributes:
            known = {"id": self.ids, "class": self._class_values}  # already at hand
            values = known[name] if name in known else _attribute_values(name)(self.root)
            self._attributes[name] = (frozenset(values), "\n".join(values))
        return self._attributes[name]

    def holds(self, literal: bytes) -> bool:
        """Whether the page's text holds a lowercase ASCII literal in any case; remembered, as rules share them."""
        if literal not in self._literals:
            self._literals[literal] = literal in self._text[1]
        return self._literals[literal]

    def spellings(self, literal: bytes) -> set[str] | None:
        """How the page's text writes an ASCII literal (its distinct case variants); None when some character
        matching it case-insensitively is not ASCII, so the text holds it in other spellings too."""
        text, lower, exact = self._text
        if not exact:
            return None
        found, start = set(), lower.find(literal)
        while start >= 0:
            found.add(text[start : start + len(literal)].decode("ascii"))
            start = lower.find(literal, start + 1)
        return found

    @cached_property
    def _text(self) -> tuple[bytes, bytes, bool]:
        """The page's text run together, as UTF-8 and lowercased (bytes.lower() is ASCII-only, hence fast; the
        few other characters matching an ASCII letter are replaced first), and whether none was."""
        data = etree.tostring(self.root, method="text", encoding="utf-8")
        # Their first and last bytes (memchr) rule most pages out before the full search.
        exact = not any(form[:1] in data and form[-1:] in data and form in data for form in _CASE_FOLD_FORMS)
        if not exact:
            text = data.decode()
            for char, folded in CASE_FOLDS_TO_ASCII.items():
                text = text.replace(char, folded)  # str.translate with a table is ~50x slower on a large page
            data = text.encode()
        return data, data.lower(), exact

    def forget_text(self) -> None:
        """Called after a removal: dropping a node can join two text nodes into a new one."""
        self.__dict__.pop("_text", None)
        self._literals.clear()


_CASE_FOLD_FORMS = tuple(char.encode() for char in CASE_FOLDS_TO_ASCII)
_ALL_IDS = etree.XPath("//*/@id", smart_strings=False)  # '//*/@x' skips the text nodes '//@x' also visits
_ALL_CLASSES = etree.XPath("//*/@class", smart_strings=False)
_ALL_TEXT = etree.XPath("//text()")
_ALL_TEXT_PLAIN = etree.XPath("//text()", smart_strings=False)  # no parents: no object per text node


@cache
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"//*/@{name}", smart_strings=False)


# CSS attribute operators as string tests, for ruling a selector out before its XPath runs.
_ATTRIBUTE_TESTS = {
    "=": lambda value, wanted: value == wanted,
    "~=": lambda value, wanted: wanted in value.split(),
    "|=": lambda value, wanted: value == wanted or value.startswith(wanted + "-"),
    "^=": lambda value, wanted: value.startswith(wanted),
    "$=": lambda value, wanted: value.endswith(wanted),
    "*=": lambda value, wanted: wanted in value,
}


def index_page(root: HtmlElement) -> PageIndex:
    return PageIndex(root)


@dataclass(frozen=True)
class Selector:
    """One compiled selector from a rule file."""

    source: str
    xpath: etree.XPath
    keys: tuple[Key, ...] | None  # None: cannot be pre-filtered, always evaluated
    text_re: re2._Regexp | None  # RE2: linear in the text, whoever wrote the pattern
    # Groups of lowercase strings: any text match contains one string of every group. Plain substring tests
    # rule most pages out far faster than a case-insensitive regex scan.
    text_literals: tuple[tuple[str, ...], ...] = ()

    def may_match(self, index: PageIndex) -> bool:
        return self.keys is None or any(index.has(key) for key in self.keys)

    def select(self, root: HtmlElement, index: PageIndex | None = None) -> list[HtmlElement]:
        """Matches in document order; with ':has-text', every match holding a text node that matches."""
        if index is not None and not self.may_match(index):
            return []
        return self.evaluate(root, index)

    def evaluate(self, root: HtmlElement, index: PageIndex | None = None) -> list[HtmlElement]:
        """select() without the key prefilter, for a caller whose SelectorPlan has applied it already."""
        if self.text_re is None:
            return [n for n in self.xpath(root) if isinstance(n, etree._Element)]
        index = index or PageIndex(root)
        literals = _byte_literals(self.text_literals)
        # Sound: a matching text node holds a literal of every group, and the page's text holds every text node.
        if not all(any(index.holds(literal) for literal in group) for group in literals):
            return []
        matched = self._matching_texts(root, index, literals)
        if not matched:
            return []
        candidates = [n for n in self.xpath(root) if isinstance(n, etree._Element)]
        members = set(candidates)
        hits: set[HtmlElement] = set()
        for text in matched:
            element = text.getparent()
            while element is not None and element not in hits:
                if element in members:
                    hits.add(element)
                element = element.getparent()
        return [n for n in candidates if n in hits]

    def _matching_texts(
        self, root: HtmlElement, index: PageIndex, literals: tuple[tuple[bytes, ...], ...]
    ) -> list[etree._ElementUnicodeResult]:
        """The text nodes the pattern matches. Only those holding a literal of a required group can, found as the
        page spells it with C-level substring tests; every node when the spellings are unknown."""
        texts = _ALL_TEXT_PLAIN(root)
        spellings = [index.spellings(literal) for literal in literals[0]] if literals else [None]
        if None in spellings:
            candidates: Iterable[int] = range(len(texts))
        else:
            holding = (compress(count(), map(contains, texts, repeat(s))) for s in set().union(*spellings))
            candidates = sorted(set().union(*holding))
        hits = [i for i in candidates if self.text_re.search(texts[i])]
        if not hits:
            return []
        nodes = _ALL_TEXT(root)  # the same nodes in the same order, now with their parents
        return [nodes[i] for i in hits]


@cache
def _byte_literals(literals: tuple[tuple[str, ...], ...]) -> tuple[tuple[bytes, ...], ...]:
    """The literal groups that can be looked up in PageIndex's text: those all ASCII."""
    return tuple(tuple(literal.encode() for literal in group) for group in literals if all(map(str.isascii, group)))


class SelectorPlan:
    """Selectors indexed by the key their match must carry, built once per rule file: a page then visits
    only the selectors whose key it holds (two set intersections instead of a call per selector)."""

    def __init__(self, selectors: Sequence[Selector]) -> None:
        self.selectors = tuple(selectors)
        self._always = frozenset(i for i, s in enumerate(self.selectors) if s.keys is None)
        self._ids: dict[str, list[int]] = {}
        self._classes: dict[str, list[int]] = {}
        self._others: dict[Key, list[int]] = {}
        for i, selector in enumerate(self.selectors):
            for key in selector.keys or ():
                table = self._ids if key[0] == "id" else self._classes if key[0] == "class" else self._others
                table.setdefault(key[1] if table is not self._others else key, []).append(i)

    def candidates(self, index: PageIndex) -> list[int]:
        """Positions, in order, of the selectors that may match this page (Selector.may_match for each)."""
        found = set(self._always)
        for value in self._ids.keys() & index.ids:
            found.update(self._ids[value])
        for value in self._classes.keys() & index.classes:
            found.update(self._classes[value])
        for key, positions in self._others.items():
            # A key whose selectors all qualified already needs no test.
            if not found.issuperset(positions) and index.has(key):
                found.update(positions)
        return sorted(found)


def compile_selector(source: str) -> Selector:
    """Compile a rule selector; raise RuleError with the reason when it cannot be used."""
    css, text_re = source.strip(), None
    if css.startswith("xpath:"):
        return Selector(source, _compile_xpath(source, css[len("xpath:") :].strip()), None, None)
    match = HAS_TEXT_RE.match(css)
    literals: tuple[tuple[str, ...], ...] = ()
    if match:
        css = match.group("css").strip() or "*"
        text_re, literals = _text_pattern(source, match.group("arg").strip())
    if RELATIVE_HAS_RE.search(css):
        raise RuleError(f"selector {source!r}: relative ':has(> ...)' is not supported; use a descendant :has()")
    try:
        compiled = CSSSelector(css, translator=_Translator())
        keys = _keys(css)
    except (SelectorError, ValueError, NotImplementedError) as exc:
        raise RuleError(f"selector {source!r}: invalid CSS: {exc}") from exc
    if text_re is not None and keys is None:
        # Reading the text of every element on every request is too slow: scope the text test.
        raise RuleError(f"selector {source!r}: ':has-text' needs a tag, class or id before it")
    return Selector(source, compiled, keys, text_re, text_literals=literals)


class _Translator(LxmlHTMLTranslator):
    """cssselect's HTML translation, except that an element that must carry an id, class or attribute is found
    from that attribute: a sweep of one attribute is 2-3x faster than testing every element."""

    def selector_to_xpath(
        self, selector: ParsedSelector, prefix: str = "descendant-or-self::", translate_pseudo_elements: bool = False
    ) -> str:
        plain = super().selector_to_xpath(selector, prefix, translate_pseudo_elements)
        key = _subject_key(selector.parsed_tree)
        if key is None or key[0] == "tag" or prefix != "descendant-or-self::" or selector.pseudo_element:
            return plain
        expr = self.xpath(selector.parsed_tree)
        # Only one step, whose test reads no position (the parent axis would change it): the same test, run on
        # the elements holding the attribute; the attribute test only narrows them, the full test decides.
        if expr.path or "position()" in plain or "last()" in plain:
            return plain
        condition = f"[{expr.condition}]" if expr.condition else ""
        return f"descendant-or-self::*/{_attribute_step(key)}/parent::{expr.element}{condition}"


def _attribute_step(key: Key) -> str:
    """The attribute a key names, with a test every element matching the key passes."""
    kind, value = key[0], key[1]
    if kind == "id":
        return f"@id[. = {LxmlHTMLTranslator.xpath_literal(value)}]"
    if kind == "class":
        return f"@class[contains(., {LxmlHTMLTranslator.xpath_literal(value)})]"
    if len(key) == 2:
        return f"@{value}"
    operator, wanted = key[2], LxmlHTMLTranslator.xpath_literal(key[3])
    if operator == "=":
        return f"@{value}[. = {wanted}]"
    if operator == "^=":
        return f"@{value}[starts-with(., {wanted})]"
    return f"@{value}[contains(., {wanted})]"  # ~=, |=, $= and *=: the value is somewhere in it


def compile_selectors(sources: Iterable[str]) -> tuple[Selector, ...]:
    return tuple(compile_selector(s) for s in sources)


def _text_pattern(source: str, arg: str) -> tuple[re2._Regexp, tuple[tuple[str, ...], ...]]:
    """The ':has-text' argument compiled with RE2, and the literals every match holds (for the prefilter)."""
    if len(arg) >= 2 and arg[0] == "/" and arg.rfind("/") > 0:
        body, flags = arg[1 : arg.rfind("/")], arg[arg.rfind("/") + 1 :]
        unknown = set(flags) - {"i"}
        if unknown:
            raise RuleError(f"selector {source!r}: unsupported regex flags {''.join(sorted(unknown))!r}")
        ignore_case = "i" in flags
    else:
        body, ignore_case = re.escape(arg.strip("\"'")), True
    try:
        compiled = compile_linear(body, ignore_case=ignore_case)
    except ValueError as exc:
        raise RuleError(f"selector {source!r}: {exc}") from exc
    return compiled, required_literals(body)


# Python's meaning of the class escapes (Unicode: a no-break space is a space), spelled for RE2, whose own are ASCII.
_UNICODE_CLASSES = {"s": r"\s\v\x{1c}-\x{1f}\x{85}\pZ", "d": r"\p{Nd}", "w": r"\pL\pN_"}
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


def _compile_xpath(source: str, expression: str) -> etree.XPath:
    """An XPath rule, its EXSLT re:test served by RE2 (lxml's own runs Python's backtracking re). Each re:test
    pattern must be a literal, compiled here: a bad one fails at load, and no page can supply a pattern."""
    for call in _XPATH_REGEX_CALL_RE.finditer(expression):
        if call.group(1) != "test":
            raise RuleError(f"selector {source!r}: re:{call.group(1)}() is not supported in rules; use re:test()")
        arguments = _call_arguments(expression, call.end())
        literals = [_xpath_literal(argument) for argument in arguments[1:]]
        if len(arguments) not in (2, 3) or None in literals:
            raise RuleError(f"selector {source!r}: re:test(value, 'pattern'[, 'flags']) takes a literal pattern")
        flags = literals[1] if len(literals) > 1 else ""
        if set(flags) - {"i", "g"}:
            raise RuleError(f"selector {source!r}: re:test flags {flags!r}: only 'i' is supported")
        try:
            compile_linear(literals[0], ignore_case="i" in flags)
        except ValueError as exc:
            raise RuleError(f"selector {source!r}: {exc}") from exc
    try:
        return etree.XPath(
            expression, namespaces=_XPATH_NAMESPACES, regexp=False, extensions={(_EXSLT_REGEXP, "test"): _xpath_re_test}
        )
    except etree.XPathSyntaxError as exc:
        raise RuleError(f"selector {source!r}: invalid XPath: {exc}") from exc


def _call_arguments(expression: str, start: int) -> list[str]:
    """The top-level arguments of the call whose '(' ends just before start, as source text."""
    arguments, depth, quote, begin = [], 0, "", start
    for i in range(start, len(expression)):
        char = expression[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char == "," and not depth:
            arguments.append(expression[begin:i].strip())
            begin = i + 1
        elif char == ")":
            return [*arguments, expression[begin:i].strip()]
    return []


def _xpath_literal(argument: str) -> str | None:
    """The string an XPath literal argument spells, None when the argument is not a literal."""
    if (
        len(argument) >= 2
        and argument[0] == argument[-1]
        and argument[0] in "'\""
        and argument[0] not in argument[1:-1]
    ):
        return argument[1:-1]
    return None


def _xpath_re_test(_context: object, value: object, pattern: str, flags: str = "") -> bool:
    """EXSLT re:test(string, pattern, flags) on RE2, with the literal pattern _compile_xpath checked at load."""
    if isinstance(value, list):
        value = value[0] if value else ""  # a node-set argument: its first node's string value, as XPath does
    if isinstance(value, etree._Element):
        value = value.xpath("string()")
    return compile_linear(str(pattern), ignore_case="i" in flags).search(str(value)) is not None


def _keys(css: str) -> tuple[Key, ...] | None:
    """The id, class or tag each comma-separated part's subject must carry; None if some part has none."""
    keys: list[Key] = []
    for selector in parse(css):
        key = _subject_key(selector.parsed_tree)
        if key is None:
            return None
        keys.append(key)
    return tuple(keys)


def _subject_key(tree: object) -> Key | None:
    node = tree.subselector if isinstance(tree, CombinedSelector) else tree
    best: Key | None = None
    attribute: Key | None = None
    while node is not None:
        if isinstance(node, Hash):
            return ("id", node.id)
        if isinstance(node, Class) and best is None:
            best = ("class", node.class_name)
        if isinstance(node, Attrib) and attribute is None and _XML_NAME_RE.match(node.attrib):
            attribute = _attribute_key(node)
        if isinstance(node, Element):
            if best is None and node.element not in (None, "*") and _XML_NAME_RE.match(node.element):
                best = ("tag", node.element.lower())
            break
        node = getattr(node, "selector", None)
    return best or attribute


def _attribute_key(node: Attrib) -> Key | None:
    """What an attribute test needs on the page: the attribute itself, or a value passing the test."""
    name = node.attrib.lower()
    if node.operator == "exists":
        return ("attr", name)
    if node.operator not in _ATTRIBUTE_TESTS:
        return None  # '!=' also matches elements without the attribute
    return ("attr", name, node.operator, getattr(node.value, "value", node.value))
