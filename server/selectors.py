"""Rule selectors compiled once: CSS (via cssselect), XPath with an 'xpath:' prefix, and ':has-text(...)'.

Each compiled selector also knows the id, class or tag its match must carry, so a page that has none of
them skips it without evaluating anything (the way ad blockers apply thousands of generic filters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from re import _constants as _c  # the regex parser's opcodes, for the literal prefilter
from re import _parser as _sre_parse

from cssselect import SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from .errors import RuleError

# ':has-text(/regex/flags)' or ':has-text(plain text)' at the end of a selector (uBlock's procedural filter).
HAS_TEXT_RE = re.compile(r"^(?P<css>.*?):has-text\((?P<arg>.+)\)$", re.S)
# cssselect translates relative ':has(> x)' wrongly (the class lands on the outer element): refuse it.
RELATIVE_HAS_RE = re.compile(r":has\(\s*[>+~]")

# ("id", v), ("class", v), ("tag", name), ("attr", name) or ("attr", name, operator, value).
Key = tuple[str, ...]
# Tag and attribute names safe to put in a presence-test XPath as they are.
_XML_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# EXSLT regular expressions (re:test) for XPath rules that must match text patterns.
_XPATH_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}


class PageIndex:
    """What a page holds, gathered once per request: ids and classes up front; tags, attribute names and
    text only when a selector asks."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.ids = frozenset(_ALL_IDS(root))
        self.classes = frozenset(" ".join(_ALL_CLASSES(root)).split())
        self._present: dict[Key, bool] = {}
        self._values: dict[str, frozenset[str]] = {}

    def has(self, key: Key) -> bool:
        kind, value = key[0], key[1]
        if kind == "id":
            return value in self.ids
        if kind == "class":
            return value in self.classes
        if len(key) == 4:
            return self._has_value(*key[1:])
        if key not in self._present:
            self._present[key] = bool(_presence_test(key)(self.root))
        return self._present[key]

    def _has_value(self, name: str, operator: str, wanted: str) -> bool:
        """Whether some element's attribute `name` passes a CSS attribute test ([name^=wanted] and kin)."""
        values = self._values.get(name)
        if values is None:
            values = self._values[name] = frozenset(_attribute_values(name)(self.root))
        test = _ATTRIBUTE_TESTS[operator]
        return any(test(value, wanted) for value in values)

    @cached_property
    def text_nodes(self) -> list:
        return _ALL_TEXT(self.root)

    @cached_property
    def all_text(self) -> str:
        # Stripped and non-empty: long whitespace runs make '^\\s*' patterns backtrack quadratically.
        # Plain strings: the scan needs no parents, and smart strings cost an object per text node.
        return "\n".join(stripped for text in _ALL_TEXT_PLAIN(self.root) if (stripped := text.strip()))

    @cached_property
    def all_text_lower(self) -> str:
        return self.all_text.lower()


_ALL_IDS = etree.XPath("//@id", smart_strings=False)
_ALL_CLASSES = etree.XPath("//@class", smart_strings=False)
_ALL_TEXT = etree.XPath("//text()")
_ALL_TEXT_PLAIN = etree.XPath("//text()", smart_strings=False)


@cache
def _presence_test(key: Key) -> etree.XPath:
    """An XPath that stops at the first element with this tag, or the first attribute of this name."""
    kind, name = key
    return etree.XPath(f"boolean(//{name})" if kind == "tag" else f"boolean(//@{name})")


@cache
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"//@{name}", smart_strings=False)


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
    text_re: re.Pattern[str] | None
    # Groups of lowercase strings: any text match contains one string of every group. Plain substring tests
    # rule most pages out far faster than a case-insensitive regex scan.
    text_literals: tuple[tuple[str, ...], ...] = ()
    # text_re in MULTILINE mode: '^' and '$' also hold at the joined page text's node boundaries.
    text_scan_re: re.Pattern[str] | None = None

    def may_match(self, index: PageIndex) -> bool:
        return self.keys is None or any(index.has(key) for key in self.keys)

    def select(self, root: HtmlElement, index: PageIndex | None = None) -> list[HtmlElement]:
        """Matches in document order; with ':has-text', every match holding a text node that matches."""
        if index is not None and not self.may_match(index):
            return []
        if self.text_re is None:
            return [n for n in self.xpath(root) if isinstance(n, etree._Element)]
        index = index or PageIndex(root)
        for group in self.text_literals:
            if not any(literal in index.all_text_lower for literal in group):
                return []
        if not self._text_found(index):
            return []
        candidates = [n for n in self.xpath(root) if isinstance(n, etree._Element)]
        members = set(candidates)
        hits: set[HtmlElement] = set()
        for text in index.text_nodes:
            if self.text_re.search(text):
                element = text.getparent()
                while element is not None and element not in hits:
                    if element in members:
                        hits.add(element)
                    element = element.getparent()
        return [n for n in candidates if n in hits]

    def _text_found(self, index: PageIndex) -> bool:
        """Whether some text node of the page matches: tested only on the lines holding a required literal
        when the pattern ignores case (a case-insensitive scan of the whole text is slow), else in one scan."""
        if not self.text_literals or not self.text_re.flags & re.I:
            return bool(self.text_scan_re.search(index.all_text))
        text = index.all_text_lower
        for hit in _literal_finder(self.text_literals[0]).finditer(text):
            start = text.rfind("\n", 0, hit.start()) + 1
            end = text.find("\n", hit.end())
            if self.text_re.search(text[start : end if end >= 0 else len(text)]):
                return True
        return False


@cache
def _literal_finder(literals: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(literal) for literal in literals))


def compile_selector(source: str) -> Selector:
    """Compile a rule selector; raise RuleError with the reason when it cannot be used."""
    css, text_re = source.strip(), None
    if css.startswith("xpath:"):
        expression = css[len("xpath:") :].strip()
        try:
            return Selector(source, etree.XPath(expression, namespaces=_XPATH_NAMESPACES), None, None)
        except etree.XPathSyntaxError as exc:
            raise RuleError(f"selector {source!r}: invalid XPath: {exc}") from exc
    match = HAS_TEXT_RE.match(css)
    if match:
        css, text_re = match.group("css").strip() or "*", _text_pattern(source, match.group("arg").strip())
    if RELATIVE_HAS_RE.search(css):
        raise RuleError(f"selector {source!r}: relative ':has(> ...)' is not supported; use a descendant :has()")
    try:
        compiled = CSSSelector(css, translator="html")
        keys = _keys(css)
    except (SelectorError, ValueError, NotImplementedError) as exc:
        raise RuleError(f"selector {source!r}: invalid CSS: {exc}") from exc
    if text_re is not None and keys is None:
        # Reading the text of every element on every request is too slow: scope the text test.
        raise RuleError(f"selector {source!r}: ':has-text' needs a tag, class or id before it")
    scan_re = re.compile(text_re.pattern, text_re.flags | re.M) if text_re is not None else None
    literals = _required_literals(text_re) if text_re is not None else ()
    return Selector(source, compiled, keys, text_re, text_literals=literals, text_scan_re=scan_re)


def compile_selectors(sources: Iterable[str]) -> tuple[Selector, ...]:
    return tuple(compile_selector(s) for s in sources)


def _text_pattern(source: str, arg: str) -> re.Pattern[str]:
    if len(arg) >= 2 and arg[0] == "/" and arg.rfind("/") > 0:
        body, flags = arg[1 : arg.rfind("/")], arg[arg.rfind("/") + 1 :]
        unknown = set(flags) - {"i"}
        if unknown:
            raise RuleError(f"selector {source!r}: unsupported regex flags {''.join(sorted(unknown))!r}")
        try:
            return re.compile(body, re.I if "i" in flags else 0)
        except re.error as exc:
            raise RuleError(f"selector {source!r}: invalid regex: {exc}") from exc
    return re.compile(re.escape(arg.strip("\"'")), re.I)


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


def _required_literals(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Literal text every match must contain, as groups of lowercase alternatives, one of each group being
    present: '^\\s*(sign up|subscribe)\\b.{0,120}\\b(newsletters?|inbox)' gives (('sign up', 'subscribe'),
    ('newsletter', 'inbox')). Only runs and groups of at least 3 characters are kept (shorter ones rule
    nothing out); empty when nothing simple is required."""
    try:
        items = list(_sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:
        return ()
    groups: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            run += chr(arg)
            continue
        groups.append((run,))
        run = ""
        if op is _c.SUBPATTERN:
            groups.append(tuple(_prefixes(list(arg[-1]))))
        elif op is _c.BRANCH:
            groups.append(tuple(q for alternative in arg[1] for q in _prefixes(list(alternative))))
    groups.append((run,))
    return tuple(
        tuple(sorted({literal.lower().strip() for literal in group}))
        for group in groups
        if group and all(len(literal.strip()) >= 3 for literal in group)
    )


def _prefixes(items: list) -> list[str]:
    """Every literal run a sequence of regex items can start with (the parser factors common prefixes)."""
    prefixes = [""]
    for op, arg in items:
        if op is _c.LITERAL:
            prefixes = [p + chr(arg) for p in prefixes]
        elif op is _c.SUBPATTERN:
            return [p + q for p in prefixes for q in _prefixes(list(arg[-1]))]
        elif op is _c.BRANCH:
            return [p + q for p in prefixes for alternative in arg[1] for q in _prefixes(list(alternative))]
        else:
            break
    return prefixes
