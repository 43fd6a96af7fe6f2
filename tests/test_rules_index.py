"""PageIndex (server/rules/selectors/index.py): the page's text as the literal prefilter and the text tests read it,
the text nodes found again by their positions, and the key prefilter's answers, each checked against a plain
computation over the tree."""

from __future__ import annotations

from itertools import chain

import pytest
import re2
from lxml import etree, html

from server.pipeline import default_rules
from server.rules.declutter import declutter
from server.rules.ruleset import Rule, StripGroup
from server.rules.selectors import HEAD_MARK, PageIndex, compile_linear, compile_selector
from server.rules.selectors.index import literal_regex, nodes_at
from server.rules.selectors.linear_regex import finds, match_spans
from server.rules.selectors.xpath_rules import descendant_form, xpath_keys

_ALL_TEXT = etree.XPath("//text()")
_TEXT_INSIDE = etree.XPath("descendant::text()")


def _tree(markup: str) -> html.HtmlElement:
    return html.document_fromstring(markup)


@pytest.mark.parametrize("count", [1, 2, 5, 64, 65, 300])
def test_text_nodes_are_the_nodes_at_those_positions(count: int) -> None:
    # Below and above the number of positions found by one step each: both ways give the same nodes.
    tree = _tree("<div>" + "".join(f"<p>para {i}<b>bold {i}</b>tail {i}</p>" for i in range(120)) + "</div>")
    every = _ALL_TEXT(tree)
    positions = sorted({(i * 7) % len(every) for i in range(count)})
    found = PageIndex(tree).text_nodes(positions)
    assert found == [every[i] for i in positions]
    assert [t.getparent() for t in found] == [every[i].getparent() for i in positions]
    assert [t.is_tail for t in found] == [every[i].is_tail for i in positions]


def test_a_leading_literal_is_found_after_any_leading_whitespace_and_only_at_a_node_start() -> None:
    head = HEAD_MARK + "advertisement)"
    for text, expected in [
        ("Advertisement", True),
        ("\n\u00a0\u2003\u3000 ADVERTISEMENT below", True),  # str.lstrip()'s whitespace, any case
        ("Read more. Advertisement", False),  # not where the node starts
        ("x\u200badvertisement", False),  # a zero-width space is not whitespace
    ]:
        index = PageIndex(_tree(f"<div><p>first</p><p>{text}</p></div>"))
        index.use_patterns((head,))
        assert index.holds(head) is expected, text


def test_text_literals_are_found_in_one_node_never_across_two() -> None:
    index = PageIndex(_tree("<div><p>news</p><p>letter</p><p>sign up</p></div>"))
    index.use_patterns(("newsletter", "sign up"))
    assert not index.holds("newsletter") and index.holds("sign up")


def test_nodes_at_counts_the_node_of_each_match() -> None:
    texts = ["  Advertisement", "plain", "more advertisement here", "advertisement", ""]
    joined = ("\0" + "\0".join(texts)).encode()
    index = PageIndex(_tree("<p>x</p>"))
    head = compile_selector(r"p:has-text(/^\s*advertisement/i)")
    full = compile_selector(r"p:has-text(/advertisement/i)")
    assert nodes_at(joined, literal_regex(head.literal_patterns[0])) == [0, 3]
    assert nodes_at(joined, literal_regex(full.literal_patterns[0])) == [0, 2, 3]
    assert index.joined() == b"\0x"


@pytest.mark.parametrize(
    "source",
    [
        r"p:has-text(/^\s*advertisement/i)",
        r"p, div:has-text(/^\s*(sign up|subscribe)\b.{0,40}\bnewsletter/i)",
        r"div:has-text(/\bnewsletter\b/i)",
        r"p, div:has-text(/not responsible/i)",  # a tail is in its element's parent, not in the element
    ],
)
def test_text_selectors_find_what_a_search_of_every_text_node_finds(source: str) -> None:
    markup = (
        "<div id='a'> \u00a0Advertisement</div><p id='b'>Subscribe to our newsletter</p>"
        "<div id='c'>text <p id='d'>\tadvertisement after a tab</p> and newsletter talk</div>"
        "<p id='e'>no advertisement at the start</p>"
        "<div id='f'><p id='g'>Acme</p> is not responsible for opinions</div>"
    )
    tree = _tree(markup)
    selector = compile_selector(source)
    index = PageIndex(tree)
    index.use_literals([selector])
    # What the CSS selects that holds a text node the pattern matches, in document order.
    expected = [e for e in selector.xpath(tree) if any(selector.text_re.search(t) for t in _TEXT_INSIDE(e))]
    assert expected, source
    assert selector.select(tree, index) == expected


def test_lacks_answers_as_holds_does_without_gathering_the_text() -> None:
    tree = _tree("<div><p>Sub<span>x</span>scribe to our list</p><p>other</p></div>")
    index = PageIndex(tree)
    index.use_patterns(("subscribe", "other"))
    assert not index.lacks(("subscribe",))  # the sweep has not run: only holds() may gather the text
    assert index._texts is None
    assert index.holds("other") and not index.holds("subscribe")
    assert index.lacks(("other", "subscribe")) and not index.lacks(("other",))
    assert not index.lacks(("unregistered",))  # not in the sweep: holds() decides
    index.drop(tree.find(".//span"))  # joins 'Sub' and 'scribe'
    assert not index.lacks(("subscribe",)) and index.holds("subscribe")


def test_heads_hold_each_node_start_after_its_whitespace() -> None:
    index = PageIndex(_tree("<div><p> \u00a0Advertisement here</p><p>" + "x" * 150 + "</p></div>"))
    texts = index.texts()
    assert index.heads() == ("\0" + "\0".join(t.lstrip()[:100] for t in texts)).encode()
    assert index.joined() == ("\0" + "\0".join(texts)).encode()
    head = compile_selector(r"p:has-text(/^\s*advertisement/i)")
    found = nodes_at(index.heads(), literal_regex(head.literal_patterns[0]))
    assert found == [texts.index(" \u00a0Advertisement here")]


def test_the_sweeps_read_only_the_text_nodes_holding_more_than_whitespace() -> None:
    tree = _tree("<div>\n  <p>first</p>\n  <p>\u00a0Advertisement</p>\n\t<p>more advertisement</p>\n</div>")
    index = PageIndex(tree)
    texts = index.texts()
    assert len(texts) > 3 and any(text.isspace() for text in texts)  # the indentation is text nodes too
    filled = [i for i, text in enumerate(texts) if text.strip()]
    assert index.filled() == filled
    assert index.joined() == ("\0" + "\0".join(texts[i] for i in filled)).encode()
    assert index.heads() == ("\0" + "\0".join(texts[i].lstrip()[:100] for i in filled)).encode()
    head = compile_selector(r"p:has-text(/^\s*advertisement/i)")
    full = compile_selector(r"p:has-text(/advertisement/i)")
    # Positions in texts(), every node counted, as text_nodes() takes them.
    assert index.nodes_matching(literal_regex(head.literal_patterns[0]), in_heads=True) == [filled[1]]
    assert index.nodes_matching(literal_regex(full.literal_patterns[0])) == [filled[1], filled[2]]
    found = index.text_nodes([filled[1], filled[2]])
    assert [t.getparent().text for t in found] == [texts[filled[1]], texts[filled[2]]]


def test_a_text_selector_without_literals_still_reads_whitespace_nodes() -> None:
    # No literal to sweep for: every node is tested, the blank ones too (the sweeps rule out none of its matches).
    tree = _tree("<div><p>x</p><span> </span><p>y</p></div>")
    selector = compile_selector(r"span:has-text(/^\s+$/)")
    assert not selector.literal_patterns
    assert selector.select(tree, PageIndex(tree)) == tree.xpath("//span")


@pytest.mark.parametrize("pattern", [r"\s{3}x", r"(  |\t\t\t)", r"^\s*(   |abc)", r"[ ]{4}foo", r"^\s+( {3})"])
def test_no_literal_is_whitespace_only(pattern: str) -> None:
    # What lets the sweeps skip the blank text nodes: a node holding a literal holds more than whitespace.
    selector = compile_selector(f"p:has-text(/{pattern}/)")
    assert all(literal.strip() for literal in (*selector.head_literals, *chain(*selector.text_literals)))


def test_no_shipped_selector_sweeps_for_a_whitespace_only_literal() -> None:
    rules = default_rules()
    selectors = [s for rule in rules.files for s in (*rule.strip_plan.selectors, *rule.keep)]
    assert sum(bool(s.literal_patterns) for s in selectors) > 50
    for selector in selectors:
        literals = (*selector.head_literals, *chain(*selector.text_literals))
        assert all(literal.strip() for literal in literals), selector.source


@pytest.mark.parametrize(
    ("expression", "keys"),
    [
        ("//form[.//input[@type='email']]", (("tag", "form"),)),
        ("//input[@type='email']/ancestor::*[self::div][position() <= 4]", (("attr", "type", "=", "email"),)),
        ('//input[ @TYPE = "email" ]/..', (("attr", "type", "=", "email"),)),  # HTML attribute names are lowercase
        ("//input[@type='email' or @type='text']", (("tag", "input"),)),
        ("//input[@type='email'][1]", (("attr", "type", "=", "email"),)),
        ("//input[.='email']", (("tag", "input"),)),  # the element's text, not an attribute
        ("//input[@type='e-mail']/ancestor::form", (("attr", "type", "=", "e-mail"),)),
        ("//a/ancestor-or-self::*[@id]", (("tag", "a"),)),
        ("//div[@title = 'a | b']/p", (("attr", "title", "=", "a | b"),)),  # a '|' in a string joins nothing
        ("//a | //b", None),
        ("//a[1] * 2", None),
        ("//a = 'x'", None),
        ("//*[@id]", None),
        ("//svg:path", None),
        ("count(//a)", None),
        ("descendant::a", None),
        ("/descendant::form[.//input]", (("tag", "form"),)),
        ("//@role[. = 'button']/parent::*[not(@aria-expanded)]", (("attr", "role", "=", "button"),)),
        ("/descendant::*/@role[. = 'button']/parent::*", (("attr", "role", "=", "button"),)),
        ("//@role[@type = 'button']/parent::*", (("attr", "role"),)),  # an attribute has no attributes
        ("//@role/parent::*", (("attr", "role"),)),
    ],
)
def test_an_xpath_rule_is_keyed_by_the_element_its_first_step_finds(expression: str, keys: object) -> None:
    selector = compile_selector(f"xpath:{expression}") if ":" not in expression.replace("::", "") else None
    assert xpath_keys(expression) == keys
    if selector is not None and keys is not None:
        with_it = _tree("<div><form><p><input type='email'></p></form><a id='x' href='/'>link</a></div>")
        without = _tree("<section><p>no such element</p></section>")
        assert not selector.may_match(PageIndex(without))
        assert selector.select(with_it, PageIndex(with_it)) == [
            n for n in selector.xpath(with_it) if isinstance(n, html.HtmlElement)
        ]


@pytest.mark.parametrize(
    ("expression", "rewritten"),
    [
        ("//input[@type='email']/ancestor::*[self::div][position() <= 4]", "/descendant::input[@type='email']/"),
        ("//form[.//input[@type='email' or contains(@name, '1')]]", "/descendant::form["),
        ("//@role[. = 'button']/parent::*[1]", "/descendant::*/@role["),
        ("//time[not(ancestor::h1 or ancestor-or-self::p)]", "/descendant::time["),
        ("//p", "/descendant::p"),
        ("//p[1]", None),  # each parent's first p, not the page's
        ("//p[last()]", None),
        ("//p[position() > 1]", None),
        ("//p[count(a)]", None),
        ("//p[$n]", None),
        ("//p[@x - @y]", None),
        ("//p[@x * @y]", None),
        ("//p[@x div @y]", None),
        ("//p[.5]", None),
        ("//p[ancestor::div[2]]", None),  # conservative: any number in the step's predicates
        ("//*[@id]", None),
        ("/descendant::p[1]", None),
    ],
)
def test_an_xpath_rules_first_step_is_one_walk_of_the_elements_when_it_reads_no_position(
    expression: str, rewritten: str | None
) -> None:
    # '//p[...]' runs as written in libxml2 (each node's children, from every node); '/descendant::p[...]' finds the
    # same nodes in one walk, unless a predicate reads the node's position, which differs between the two.
    form = descendant_form(expression)
    assert form == expression if rewritten is None else form.startswith(rewritten)
    tree = _tree(
        "<div role='button'><p>a<a>x</a></p><section><p x='1' y='2'><time>t</time></p><p role='button'>b</p>"
        "<h1><time>h</time></h1></section><form><p><input type='email' name='e1'></p></form></div>"
    )
    variables = {"n": 1}
    assert etree.XPath(form)(tree, **variables) == etree.XPath(expression)(tree, **variables)


def test_braces_that_re2_reads_as_literal_are_literal_in_the_prefilter_too() -> None:
    # RE2 reads "{,1}" as the characters "{,1}" (Python as a quantifier): the prefilter must look for them.
    tree = _tree("<div><p id='a'>xyzab{,1}cdef</p><p id='b'>xyzacdef</p></div>")
    selector = compile_selector(r"p:has-text(/^xyzab{,1}cdef/)")
    index = PageIndex(tree)
    index.use_literals([selector])
    assert [p.get("id") for p in selector.select(tree, index)] == ["a"]


def test_an_attribute_scan_reads_values_past_non_ascii_ones() -> None:
    # The scan runs on the values' UTF-8: a value after multi-byte characters is cut where the text cuts it.
    tree = _tree(
        "<a id='1' href='https://ex.com/caf\u00e9/\u041a\u0438\u0457\u0432'>a</a>"
        "<a id='2' href='https://facebook.com/sharer?u=\u00e9\u00e9'>b</a><a id='3' href='mailto:?\u20ac'>c</a>"
    )
    css = "a[href*='facebook.com/sharer'], a[href^='mailto:?'], a[href='https://ex.com/caf\u00e9/\u041a\u0438\u0457\u0432']"
    selector = compile_selector(css)
    assert selector.attribute_scan is not None
    assert [e.get("id") for e in selector.select(tree, PageIndex(tree))] == ["1", "2", "3"]


def test_substrings_swept_at_once_answer_as_one_search_each() -> None:
    # One RE2 set per attribute over its values' UTF-8, the substrings' bytes read as Latin-1 characters: non-ASCII
    # values, a draft rule's lone surrogate, regex syntax and the empty substring answer as 'in' does.
    tree = _tree(
        "<div class='story r\u00e9lated-box' id='a.b'><p class='caf\u00e9' style='display:none'>x</p></div>"
        "<p class='\u041a\u0438\u0457\u0432'>y</p>"
    )
    substrings = ("related", "r\u00e9lated", "\u00e9", "\ud800", "", "story r", "box\ncaf", "\u0457", ".", "[a-z]")
    keys = (*(("class", s) for s in substrings), ("id", "a.b"), ("id", "a"), ("style", "none"))
    index = PageIndex(tree)
    index.use_substrings(keys)
    for name, substring in (*keys, ("class", "unswept"), ("style", "display")):
        expected = substring in index.attribute_values(name)
        assert index.has(("attr", name, "*=", substring)) is expected, (name, substring)


def test_the_index_gathers_the_nodes_the_page_wide_paths_find() -> None:
    # '/descendant::' for '//': the root element's own attributes, nested elements, tails and blank text included.
    tree = _tree(
        "<html id='top' class='page' role='document'><body class='b'>\n <div id='a' class='x y' role=''>one"
        "<p class='p'>two<b id='c' role='note'>three</b> tail</p></div>\n<p>four</p></body></html>"
    )
    index = PageIndex(tree)
    assert index.id_values == tree.xpath("//*/@id") == ["top", "a", "c"]
    assert index.class_values == tree.xpath("//*/@class")
    assert index.attribute_values("role") == "\n".join(tree.xpath("//*/@role")) == "document\n\nnote"
    assert index.texts() == tree.xpath("//text()")
    assert index.text_nodes(list(range(len(index.texts())))) == tree.xpath("//text()")


@pytest.mark.parametrize(
    ("pattern", "subject"),
    [
        (rb"ad", b"\0Advertisement\0read\0ad ad"),
        (rb"x*", b"abxxc"),  # empty matches: one byte on after each, as the wrapper's finditer steps
        (rb"(?i)\x00\s*(?:sign up)", b"\0 Sign up\0no\0sign up now"),
        (rb"z", b"abc"),
        (rb"", b""),
    ],
)
def test_match_spans_are_the_spans_finditer_finds(pattern: bytes, subject: bytes) -> None:
    regex = re2.compile(pattern)
    assert list(match_spans(regex, subject)) == [match.span() for match in regex.finditer(subject)]


@pytest.mark.parametrize("text", ["", "Subscribe now", "no match here", "naïve subscribe ✓", "\u2028subscribe"])
def test_finds_answers_as_search_does(text: str) -> None:
    regex = compile_linear(r"(?i)\bsubscribe\b")
    assert finds(regex, text) is (regex.search(text) is not None)


def test_an_index_made_before_the_non_content_elements_go_strips_the_same() -> None:
    # The pipeline's index gathers the classes and ids for the metadata stage, before declutter() strips <template>
    # and <script>: their values only let more selectors run, which find nothing there.
    markup = (
        "<html><head><script>var x = '<div class=\"promo\">'</script></head><body>"
        "<template><div class='promo' id='promo'>template promo</div></template>"
        "<article><p>Story text that stays in the page.</p><div class='other'>Other box</div></article>"
        "<div id='promo-box'><p>Sign up for the newsletter</p></div></body></html>"
    )
    rule = Rule(
        path="rules/generic/test.yaml",
        name="test",
        strip=(StripGroup("promo", tuple(compile_selector(s) for s in (".promo", "#promo", ".other", "#promo-box"))),),
    )
    plain, early = _tree(markup), _tree(markup)
    index = PageIndex(early)
    assert "promo" in index.classes and "promo" in index.ids  # gathered with the template's
    removals = [r.to_dict() for r in declutter(plain, [rule])]
    assert [r.to_dict() for r in declutter(early, [rule], index=index)] == removals
    assert [r["selector"] for r in removals] == [".other", "#promo-box"]
    assert etree.tostring(early) == etree.tostring(plain)
