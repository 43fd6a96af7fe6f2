"""Rule files: schema and messages, selectors, lookup, the engine's guards, the `rules` tooling, and every
shipped rule file's own fixture tests."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from lxml import html
from lxml.cssselect import CSSSelector

from server import cli
from server.authoring import check_file, convert_ftr, rule_files
from server.authoring.add import MAX_FIXTURE_BYTES
from server.config import RULES_DIR
from server.errors import RuleError
from server.languages import _WORD_RE, _first_words, text_language
from server.parse import parse
from server.pipeline import Options, clean
from server.rules.declutter import declutter
from server.rules.ruleset import RuleSet, load_rule_file, load_rules
from server.rules.selectors import HEAD_MARK, PageIndex, SelectorPlan, compile_selector

REPO = RULES_DIR.parent
ARTICLE = " ".join(
    f"Sentence number {i} of the article says something worth reading about the council." for i in range(12)
)
PAGE = f"""<html><head><title>Council story</title></head><body>
<nav class="menu"><a href="/">Home</a></nav>
<article><h1>Council story</h1><p>{ARTICLE}</p><p>{ARTICLE}</p>
<div class="promo">Sign up for the Daily newsletter today</div>
<figure class="keepme"><div class="promo">Photo credit stays</div></figure></article>
<aside class="rail"><h3>Most read</h3><ul><li>Other story</li></ul></aside>
</body></html>"""


# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway checkout: rules/{sites,generic}, the real schema, tests/sites/."""
    (tmp_path / "rules" / "sites").mkdir(parents=True)
    (tmp_path / "rules" / "generic").mkdir()
    shutil.copy(RULES_DIR / "schema.json", tmp_path / "rules" / "schema.json")
    (tmp_path / "tests" / "sites" / "example.com").mkdir(parents=True)
    (tmp_path / "tests" / "sites" / "example.com" / "page.html").write_text(PAGE)
    return tmp_path


def write_rule(repo: Path, text: str, name: str = "example.com.yaml", kind: str = "sites") -> Path:
    path = repo / "rules" / kind / name
    path.write_text(text)
    return path


GOOD_RULE = """name: Example
domains: [example.com]
strip:
  - category: newsletter
    selectors: [".promo"]
verified: {by: tester, date: "2026-11-21"}
tests:
  - fixture: page.html
    url: https://www.example.com/story
    must_contain: ["Sentence number 3 of the article"]
    must_not_contain: ["Sign up for the Daily newsletter"]
"""


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- schema and messages ---------------------------------------------------------------------


def test_valid_rule_loads(repo: Path) -> None:
    rule = load_rule_file(write_rule(repo, GOOD_RULE))
    assert rule.domains == ("example.com",)
    assert rule.categories == ["newsletter"]


def test_unknown_key_is_named(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE.replace("name: Example", "titl: Example"))
    with pytest.raises(RuleError, match=r"example\.com\.yaml: \(top level\): Additional properties .*'titl'"):
        load_rule_file(path)


def test_unknown_key_inside_a_strip_group_is_named(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE.replace('    selectors: [".promo"]', '    selector: [".promo"]'))
    with pytest.raises(RuleError, match=r"strip/0: .*'selector'"):
        load_rule_file(path)


def test_wrong_type_is_named(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE.replace('selectors: [".promo"]', 'selectors: ".promo"'))
    with pytest.raises(RuleError, match=r"strip/0/selectors: '.promo' is not of type 'array'"):
        load_rule_file(path)


def test_unknown_category_fails(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE.replace("category: newsletter", "category: newsleter"))
    with pytest.raises(RuleError, match=r"strip/0/category: 'newsleter' is not one of"):
        load_rule_file(path)


def test_duplicate_yaml_key_fails(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE.replace("name: Example", "name: Example\nname: Again"))
    with pytest.raises(RuleError, match="duplicate key 'name'"):
        load_rule_file(path)


def test_file_must_be_named_after_a_domain(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE, name="example.org.yaml")
    with pytest.raises(RuleError, match=r"must be named after one of its domains \(example\.com\.yaml\)"):
        load_rule_file(path)


def test_generic_files_take_no_domains(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE, name="promo.yaml", kind="generic")
    with pytest.raises(RuleError, match="generic rules apply everywhere and take no domains"):
        load_rule_file(path)


def test_invalid_selector_is_named(repo: Path) -> None:
    path = write_rule(repo, GOOD_RULE.replace('[".promo"]', '[".promo[["]'))
    with pytest.raises(RuleError, match=r"example\.com\.yaml: selector '\.promo\[\[': invalid CSS"):
        load_rule_file(path)


def test_invalid_xpath_is_named() -> None:
    with pytest.raises(RuleError, match="invalid XPath"):
        compile_selector("xpath://div[@class='x'")


def test_relative_has_is_refused() -> None:
    with pytest.raises(RuleError, match=r"relative ':has\(> \.\.\.\)' is not supported"):
        compile_selector("div:has(> p.promo)")


@pytest.mark.parametrize(
    "source",
    ["div.a:has-text(x), p.b:has-text(x)", "div.a:has-text(/x/i), p.b:has-text(/y/)", "div:has-text(a):has-text(b)"],
)
def test_more_than_one_has_text_is_refused_naming_the_selector(source: str) -> None:
    # Read as one text test of 'div.a' for the text 'x), p.b:has-text(x', it matched nothing on any page.
    with pytest.raises(RuleError, match=re.escape(f"selector {source!r}: ':has-text()' is supported once")):
        compile_selector(source)


def test_has_text_needs_a_scope_and_known_flags() -> None:
    with pytest.raises(RuleError, match="needs a tag, class or id"):
        compile_selector(":has-text(/subscribe/i)")
    with pytest.raises(RuleError, match="unsupported regex flags 'g'"):
        compile_selector("div:has-text(/subscribe/g)")


# --- selectors -------------------------------------------------------------------------------------


def _tree(fragment: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body>{fragment}</body></html>")


def test_has_text_matches_elements_holding_a_matching_text_node() -> None:
    tree = _tree('<div id="a"><div id="b"><p>Please subscribe now</p></div></div><div id="c">Nothing</div>')
    matches = compile_selector("div:has-text(/subscribe/i)").select(tree)
    assert [m.get("id") for m in matches] == ["a", "b"]


def test_has_text_anchored_regex_matches_any_text_node() -> None:
    # Regression: the page-wide pre-scan joined all text nodes, so '^' only held at the page's first node.
    tree = _tree("<p>Intro</p><div class='box'><p>* indicates required</p></div><p>Outro</p>")
    matches = compile_selector("p:has-text(/^\\s*\\*\\s*indicates required\\s*$/i)").select(tree)
    assert [m.text for m in matches] == ["* indicates required"]


def test_has_text_plain_argument_is_literal_and_case_insensitive() -> None:
    tree = _tree("<span>Price: $5 (approx.)</span><span>price 5</span>")
    assert len(compile_selector("span:has-text($5 (approx.))").select(tree)) == 1


def test_xpath_prefix_and_exslt_regex() -> None:
    tree = _tree("<section><h3>Most read</h3></section><section><h3>Analysis</h3></section>")
    selector = compile_selector("xpath://section[re:test(normalize-space(h3), '^most read$', 'i')]")
    assert [s.findtext("h3") for s in selector.select(tree)] == ["Most read"]


@pytest.mark.parametrize(
    ("css", "ids"),
    [
        ('[id^="ad-"]', ["ad-1"]),
        ('[style*="display:none"]', ["s"]),
        ('[role="dialog"]', ["d"]),
        ('[class~="promo"]', ["p"]),
        ('[lang|="en"]', ["l"]),
        ('[id$="-2"]', ["x-2"]),
        ('div[role!="dialog"]', ["ad-1", "s", "p", "l", "x-2"]),
    ],
)
def test_attribute_selectors_match_through_the_page_index(css: str, ids: list[str]) -> None:
    tree = _tree(
        "<div id='ad-1'></div><div id='s' style='color:red;display:none'></div><div id='d' role='dialog'></div>"
        "<div id='p' class='wide promo'></div><div id='l' lang='en-GB'></div><div id='x-2'></div>"
    )
    selector = compile_selector(css)
    assert [e.get("id") for e in selector.select(tree, PageIndex(tree))] == ids


def test_attribute_value_prefilter_rules_out_pages_without_the_value() -> None:
    selector = compile_selector('[id^="div-gpt-ad"]')
    assert selector.keys == (("attr", "id", "^=", "div-gpt-ad"),)
    absent = PageIndex(_tree("<div id='main'><p>text</p></div>"))
    assert not selector.may_match(absent)
    assert selector.may_match(PageIndex(_tree("<div id='div-gpt-ad-123'></div>")))


def test_has_text_prefilter_needs_every_required_literal_in_any_case() -> None:
    selector = compile_selector(r"div:has-text(/^\s*(sign up|subscribe)\b.{0,40}\b(newsletters?|inbox)\b/i)")
    assert selector.text_literals == (("sign up", "subscribe"), ("inbox", "newsletter"))
    match = _tree("<div id='a'><p>x</p><span>  SUBSCRIBE to our Newsletters</span></div>")
    assert [d.get("id") for d in selector.select(match, PageIndex(match))] == ["a"]
    # The first literal appears, but never with the second in one text node.
    miss = _tree("<div><span>Subscribe</span><span>to the newsletter</span></div><div>subscribe today</div>")
    assert selector.select(miss, PageIndex(miss)) == []


def test_has_text_matches_text_spelled_with_case_folding_characters() -> None:
    # 'ſ' (long s) and 'K' (Kelvin) match 's' and 'k' case-insensitively (RE2 folds by Unicode simple case
    # folding), though lower() leaves them non-ASCII: the prefilter must not rule such pages out.
    selector = compile_selector(r"div:has-text(/^\s*(sign up|subscribe)\b.{0,40}\b(newsletters?|inbox)\b/i)")
    for text in ("SIGN UP for the newsletter", "Subſcribe to our newsletter", "Sign up: the weeK's newsletter"):
        tree = _tree(f"<div id='a'><p>{text}</p></div><div id='b'><p>Sign up</p></div>")
        assert [d.get("id") for d in selector.select(tree, PageIndex(tree))] == ["a"], text
    # The Turkish dotless 'ı' is a letter of its own under Unicode case folding (Python's re alone matched it).
    tree = _tree("<div id='a'><p>Subscrıbe to our newsletter</p></div>")
    assert selector.select(tree, PageIndex(tree)) == []


def test_rule_patterns_run_on_re2_with_pythons_unicode_classes() -> None:
    # \s is Python's: a no-break space is a space, as in the pages' text; RE2's own \s is ASCII.
    selector = compile_selector(r"p:has-text(/^\s*advertisement\s*$/i)")
    tree = _tree("<div><p id='a'>\xa0Advertisement\u2009</p><p id='b'>Advertisement here</p></div>")
    assert [p.get("id") for p in selector.select(tree, PageIndex(tree))] == ["a"]
    assert type(selector.text_re).__module__ == "re2"


@pytest.mark.parametrize(
    "selector",
    [
        r"p:has-text(/(a)\1/)",  # a backreference
        r"p:has-text(/(?=sign)sign up/)",  # a lookahead
        r"p:has-text(/(?<!no )newsletter/i)",  # a lookbehind
        "p:has-text(/" + "a" * 3000 + "/)",  # too long to be a rule's pattern
        "xpath://p[re:test(., '(?<=a)b')]",
        "xpath://p[re:test(., string(@class))]",  # a pattern taken from the page
        "xpath://p[re:match(., 'a')]",
        "xpath://p[re:test(., 'a', 'x')]",
    ],
)
def test_patterns_that_cannot_run_in_linear_time_are_refused_at_load(selector: str) -> None:
    with pytest.raises(RuleError):
        compile_selector(selector)


def test_has_text_prefilter_reads_any_script_and_leading_whitespace() -> None:
    # Non-ASCII literals in any case, found by RE2's own case folding; a leading literal after any whitespace.
    selector = compile_selector(r"h3:has-text(/^\s*(читайте також|ähnliche artikel)\s*:?\s*$/i)")
    assert selector.head_literals == ("ähnliche artikel", "читайте також")
    tree = _tree("<div><h3 id='a'>\n\u00a0 ЧИТАЙТЕ ТАКОЖ:</h3><h3 id='b'>ÄHNLICHE Artikel</h3><h3>Читайте</h3></div>")
    index = PageIndex(tree)
    index.use_literals([selector])
    assert [h.get("id") for h in selector.select(tree, index)] == ["a", "b"]
    # A node whose head is past the window is not looked at; the pattern could not match it anyway.
    assert selector.select(_tree("<h3>" + "x" * 500 + " читайте також</h3>")) == []


def test_a_removal_through_the_index_finds_literals_joined_across_it() -> None:
    tree = _tree("<div id='a'>Sub<b class='ad'>x</b>scribe to our newsletter</div>")
    index = PageIndex(tree)
    selector = compile_selector(r"div:has-text(/^\s*subscribe\b.{0,40}\bnewsletter/i)")
    index.use_literals([selector])
    assert selector.select(tree, index) == []
    index.drop(tree.find(".//b"))
    assert [d.get("id") for d in selector.select(tree, index)] == ["a"]


@pytest.mark.parametrize(
    "css",
    [
        "p, div",
        "div.box",
        "div:not(.keep)",
        "[role='note']",
        "p:first-child, li",
        "section:has(h2)",
        "div p",
        "section > div p",
        ".box > p, .keep ul li",
        "section div:first-child p",
        "h2 + p, div p",
    ],
)
def test_has_text_walking_up_finds_what_the_css_selects(css: str) -> None:
    tree = _tree(
        "<section class='box'><div class='box'><p>Share this</p></div><div class='keep' role='note'>"
        "<p>Share this</p><ul><li>Share this</li></ul></div><h2>x</h2></section>"
    )
    selector = compile_selector(f"{css}:has-text(/^share this$/i)")
    expected = [e for e in CSSSelector(css, translator="html")(tree) if "Share this" in e.text_content()]
    assert expected
    assert selector.select(tree, PageIndex(tree)) == expected


@pytest.mark.parametrize(
    "css",
    [
        "[class*='caption'] [class*='credit']",
        ".box > p, section .keep li",
        "section div[id*='n'] p.x",
        "div[class*='box'], section[role='note'] p",
        ".box + div, .keep li:first-child",
    ],
)
def test_combinators_found_from_the_subjects_attribute_select_what_the_css_selects(css: str) -> None:
    tree = _tree(
        "<section class='caption box'><div id='n1' class='caption'><p class='x credit'>a</p><span class='credit'>b"
        "</span></div><div class='keep' role='note'><p class='x'>c</p><ul><li class='credit'>d</li><li>e</li></ul>"
        "</div></section><p class='credit'>f</p><section role='note'><p>g</p></section>"
    )
    expected = CSSSelector(css, translator="html")(tree)
    assert expected
    assert compile_selector(css).select(tree, PageIndex(tree)) == expected


def test_has_text_with_descendant_and_child_combinators_is_a_walk_up_not_a_page_sweep() -> None:
    assert compile_selector("figure p, [class*='caption'] > span:has-text(/^\\s*©/)").self_test is not None
    assert compile_selector("h2 + p:has-text(/^x/)").self_test is None  # a sibling: the CSS runs on the page


def test_has_text_finds_many_matching_text_nodes_as_it_finds_a_few() -> None:
    items = "".join(f"<li id='i{i}'>{'Share this' if i % 3 else 'Other'}</li>" for i in range(30))
    tree = _tree(f"<ul>{items}</ul>")
    selector = compile_selector("li:has-text(/^share this$/i)")
    expected = [f"i{i}" for i in range(30) if i % 3]
    assert [li.get("id") for li in selector.select(tree, PageIndex(tree))] == expected
    assert [li.get("id") for li in selector.select(tree)] == expected


def test_a_pattern_requiring_no_literal_is_looked_up_by_its_short_start() -> None:
    selector = compile_selector("figure p:has-text(/^\\s*©/)")
    assert selector.head_literals == ("©",)
    tree = _tree("<figure><p>  © Agentur</p><p>Caption ©</p></figure><p>© Site</p>")
    assert [p.text_content() for p in selector.select(tree, PageIndex(tree))] == ["  © Agentur"]


def test_upward_stands_each_match_for_its_closest_ancestor_of_a_kind() -> None:
    tree = _tree(
        "<div id='bar'><span><a href='https://www.facebook.com/sharer/sharer.php?u=x'>f</a></span>"
        "<a href='mailto:?subject=x'>m</a></div><p id='p'>Write to <a href='mailto:desk@news.example'>us</a></p>"
        "<ul><li id='li'><a href='https://x.com/intent/post?url=x'>x</a></li></ul>"
    )
    selector = compile_selector(
        'a[href*="facebook.com/sharer"], a[href*="x.com/intent"], a[href^="mailto:?"]:upward(div, p, li)'
    )
    assert selector.attribute_scan is not None  # one scan of the page's href values, not a sweep per test
    assert [e.get("id") for e in selector.select(tree, PageIndex(tree))] == ["bar", "li"]
    with pytest.raises(RuleError, match="no combinators"):
        compile_selector("a[href^='mailto:?']:upward(div p)")


def test_an_attribute_scan_selects_what_the_css_selects() -> None:
    tree = _tree(
        "<a id='1' href='https://t.me/share/url?u=1'>a</a><a id='2' href='mailto:?x'>b</a>"
        "<a id='3' href='/t.me/share'>c</a><a id='4' href='x mailto:?'>d</a><a id='5' href='exact'>e</a>"
        "<area id='6' href='mailto:?z'>"
    )
    css = "a[href*='t.me/share'], a[href^='mailto:?'], a[href='exact']"
    selector = compile_selector(css)
    assert selector.attribute_scan is not None
    assert selector.select(tree, PageIndex(tree)) == CSSSelector(css, translator="html")(tree)


def test_with_upward_a_text_test_names_a_label_whose_whole_text_matches() -> None:
    tree = _tree(
        "<div><section id='list'><h2>Most read</h2><ul><li>One</li></ul></section>"
        "<section id='story'><div><span>Most read</span> is what the council called the report, and so on.</div>"
        "<p>More text.</p></section></div>"
    )
    selector = compile_selector("h2:first-child, div:first-child:has-text(/^\\s*most read\\s*$/i):upward(section)")
    assert [e.get("id") for e in selector.select(tree, PageIndex(tree))] == ["list"]


def test_has_text_sees_text_joined_by_a_removal_once_told() -> None:
    tree = _tree("<div id='a'>Sub<b class='ad'>x</b>scribe to our newsletter</div>")
    index = PageIndex(tree)
    selector = compile_selector(r"div:has-text(/^\s*subscribe\b.{0,40}\bnewsletter/i)")
    assert selector.select(tree, index) == []
    tree.find(".//b").drop_tree()
    index.forget_text()
    assert [d.get("id") for d in selector.select(tree, index)] == ["a"]


@pytest.mark.parametrize(
    "css",
    [
        ".promo",
        "div.promo",
        "#ad-1",
        "[id^='ad-']",
        "[style*='display:none']",
        "[hidden]:not([id^='S:'])",
        "[aria-hidden='true']:not(img)",
        "[class~='wide']",
        "[lang|='en']",
        "[id$='-2']",
        ".promo, #x-2",
        "p.promo:first-child",
        "div .promo",
        "div:has(p.promo)",
    ],
)
def test_selectors_found_through_an_attribute_match_cssselect(css: str) -> None:
    tree = _tree(
        "<div id='ad-1' class='promo wide'><p class='promo'>a</p><p class='promo'>b</p></div>"
        "<div id='s' style='color:red;display:none' hidden></div><div id='S:0' hidden></div>"
        "<img id='i' aria-hidden='true'><span id='h' aria-hidden='true' class='promotion'></span>"
        "<div id='l' lang='en-GB'></div><div id='x-2' class='x promo-2'></div>"
    )
    expected = CSSSelector(css, translator="html")(tree)
    assert expected
    assert compile_selector(css).select(tree) == expected


def test_id_class_and_attribute_selectors_sweep_that_attribute_only() -> None:
    for css, step in ((".promo", "/@class["), ("#ad-1", "/@id["), ("[role='dialog']", "/@role["), ("div:has(p)", "")):
        path = compile_selector(css).xpath.path
        assert (step in path) if step else "@" not in path, path


def test_a_selector_plan_visits_the_selectors_that_may_match() -> None:
    selectors = [compile_selector(css) for css in (".promo", "#gone", "[role='dialog']", "xpath://p", "aside", "#ad")]
    tree = _tree("<div id='ad'><p class='promo'>a</p></div><div role='dialog'></div>")
    index = PageIndex(tree)
    positions = SelectorPlan(selectors).candidates(index)
    assert positions == [i for i, selector in enumerate(selectors) if selector.may_match(index)] == [0, 2, 3, 5]


def test_descendant_has_works() -> None:
    tree = _tree("<div id='x'><p class='promo'>a</p></div><div id='y'><p>b</p></div>")
    assert [d.get("id") for d in compile_selector("div:has(p.promo)").select(tree)] == ["x"]


# --- lookup ------------------------------------------------------------------------------------


# selectors on a parsed page
def test_css_selector_keys_and_matching():
    root = parse("<div id='a' class='x y'><p class='z'>one</p></div><section><p>two</p></section>")
    by_id, by_class = compile_selector("#a"), compile_selector("div.y p.z")
    assert by_id.keys == (("id", "a"),) and by_class.keys == (("class", "z"),)
    assert [p.text for p in by_class.select(root)] == ["one"]
    assert compile_selector("[data-x]").keys == (("attr", "data-x"),)
    assert compile_selector(":not(p)").keys is None
    index = PageIndex(root)
    assert index.has(("tag", "section")) and not index.has(("tag", "aside"))
    assert not index.has(("attr", "data-x")) and index.has(("attr", "class"))


def test_has_text_matches_the_elements_holding_the_text():
    root = parse(
        "<div class='box'><div class='inner'><p>Become a <b>member</b> today</p></div></div>"
        "<div class='box'><p>Sign up now</p></div>"
    )
    selector = compile_selector("div.box:has-text(/sign up/i)")
    assert [n.text_content() for n in selector.select(root)] == ["Sign up now"]
    plain = compile_selector("div:has-text(Sign up)")
    assert len(plain.select(root)) == 1


def test_xpath_selectors_and_exslt_regex():
    root = parse("<aside><h3>Most read</h3><ul><li>a</li></ul></aside><aside><h3>About</h3></aside>")
    selector = compile_selector("xpath://aside[re:test(normalize-space(h3), '^most read$', 'i')]")
    assert len(selector.select(root)) == 1


@pytest.fixture
def ruleset(repo: Path) -> RuleSet:
    write_rule(repo, GOOD_RULE)
    write_rule(
        repo,
        GOOD_RULE.replace("example.com", "news.example.org").replace("page.html", "p.html"),
        name="news.example.org.yaml",
    )
    write_rule(repo, "strip:\n  - category: feed\n    selectors: ['aside.rail']\n", name="rail.yaml", kind="generic")
    return load_rules(repo / "rules")


def test_lookup_exact_parent_generic_none(ruleset: RuleSet) -> None:
    assert ruleset.for_host("example.com").path == "rules/sites/example.com.yaml"
    assert ruleset.for_host("www.example.com").path == "rules/sites/example.com.yaml"
    assert ruleset.for_host("a.b.news.example.org").path == "rules/sites/news.example.org.yaml"
    assert ruleset.for_host("example.org") is None
    assert ruleset.for_host("notexample.com") is None
    assert ruleset.for_host(None) is None
    assert [r.path for r in ruleset.generic] == ["rules/generic/rail.yaml"]


def test_site_rule_then_generic_are_applied(ruleset: RuleSet) -> None:
    result = clean(PAGE, "https://www.example.com/story", Options(attributions=False), rules=ruleset)
    assert result.rules_applied == ["rules/sites/example.com.yaml", "rules/generic/rail.yaml"]
    generic_only = clean(PAGE, "https://elsewhere.test/story", Options(attributions=False), rules=ruleset)
    assert generic_only.rules_applied == ["rules/generic/rail.yaml"]


def test_two_files_claiming_one_domain_fail(repo: Path) -> None:
    write_rule(repo, GOOD_RULE)
    write_rule(
        repo,
        GOOD_RULE.replace("domains: [example.com]", "domains: [www.example.com, example.com]"),
        name="www.example.com.yaml",
    )
    with pytest.raises(RuleError, match="already claimed by"):
        load_rules(repo / "rules")


# --- engine: removed entries, keep, refusal ------------------------------------------------------------


def test_removed_entries_name_rule_selector_category_count_sample(ruleset: RuleSet) -> None:
    result = clean(PAGE, "https://www.example.com/story", Options(attributions=False), rules=ruleset)
    by_selector = {r["selector"]: r for r in result.removed}
    promo = by_selector[".promo"]
    assert promo == {
        "category": "newsletter",
        "rule": "rules/sites/example.com.yaml",
        "selector": ".promo",
        "count": 2,
        "sample": "Sign up for the Daily newsletter today",
    }
    assert by_selector["aside.rail"]["category"] == "feed"
    assert "Sign up for the Daily" not in result.text


def test_keep_protects_a_node_and_its_ancestors(repo: Path) -> None:
    rule = load_rule_file(write_rule(repo, GOOD_RULE.replace("verified:", "keep: ['figure.keepme .promo']\nverified:")))
    root = html.document_fromstring(PAGE)
    removals = declutter(root, [rule])
    assert removals[0].count == 1  # the newsletter promo, not the kept photo credit
    assert "Photo credit stays" in root.text_content()


def test_a_strip_taking_most_of_the_text_is_refused(repo: Path) -> None:
    rule = load_rule_file(write_rule(repo, GOOD_RULE.replace('[".promo"]', '["article"]')))
    root = html.document_fromstring(PAGE)
    removals = declutter(root, [rule])
    assert [(r.selector, r.refused) for r in removals] == [("article", True)]
    assert removals[0].to_dict()["refused"] is True
    assert "Sentence number 3" in root.text_content()


def test_max_share_sets_a_group_s_own_refusal_share(repo: Path) -> None:
    page = "<html><body><div class='gone'>" + "<p>Hidden words here.</p>" * 6 + "</div><p>Shown.</p></body></html>"
    for share, refused in ((None, True), (0.95, False), (0.5, True)):
        line = f"    max_share: {share}\n" if share else ""
        text = GOOD_RULE.replace('    selectors: [".promo"]', f'{line}    selectors: [".gone"]')
        rule = load_rule_file(write_rule(repo, text))
        root = html.document_fromstring(page)
        assert [r.refused for r in declutter(root, [rule])] == [refused]
        assert ("Hidden words" in root.text_content()) is refused


def test_the_refusal_share_counts_paragraph_text_only(repo: Path) -> None:
    # The node's whole text is most of the page, but none of it is paragraph text: nothing to guard.
    items = "<li>Menu item</li>" * 20
    page = f"<html><body><p>Short story.</p><div class='gone'><ul>{items}</ul></div></body></html>"
    rule = load_rule_file(write_rule(repo, GOOD_RULE.replace('[".promo"]', '[".gone"]')))
    root = html.document_fromstring(page)
    assert [(r.count, r.refused) for r in declutter(root, [rule])] == [(1, False)]


@pytest.mark.parametrize(
    ("page_language", "stripped"), [("es", True), ("es-MX", True), (None, True), ("en", False), ("en_GB", False)]
)
def test_a_group_written_for_one_language_runs_on_its_pages_and_on_pages_of_no_known_one(
    repo: Path, page_language: str | None, stripped: bool
) -> None:
    text = GOOD_RULE.replace('    selectors: [".promo"]', '    language: es\n    selectors: [".promo"]')
    rule = load_rule_file(write_rule(repo, text))
    root = html.document_fromstring(PAGE)
    assert bool(declutter(root, [rule], language=page_language)) is stripped
    assert ("Sign up for the Daily" not in root.text_content()) is stripped


SPANISH_ARTICLE = " ".join(
    f"La frase número {i} del artículo dice algo que vale la pena leer sobre el concejo de la ciudad."
    for i in range(12)
)


@pytest.mark.parametrize(("article", "stripped"), [(SPANISH_ARTICLE, True), (ARTICLE, False)])
def test_a_group_written_for_one_language_runs_on_a_page_written_in_it_whatever_its_tag(
    repo: Path, article: str, stripped: bool
) -> None:
    # A theme's default lang="en" on a Spanish site: the text's function words say Spanish, and the group runs.
    text = GOOD_RULE.replace('    selectors: [".promo"]', '    language: es\n    selectors: [".promo"]')
    rule = load_rule_file(write_rule(repo, text))
    root = html.document_fromstring(PAGE.replace(ARTICLE, article))
    assert bool(declutter(root, [rule], language="en")) is stripped


def test_the_text_language_is_the_one_whose_function_words_lead_clearly() -> None:
    def written_in(text: str) -> str | None:
        return text_language(html.document_fromstring(f"<html><body><p>{text}</p></body></html>"))

    assert written_in(SPANISH_ARTICLE) == "es"
    assert written_in(ARTICLE) == "en"
    assert written_in("Inicio Noticias Deportes Home News Sport " * 50) is None  # menus: no function words
    assert written_in(SPANISH_ARTICLE + " " + ARTICLE) is None  # two languages, neither leading clearly


def test_the_text_languages_words_are_the_word_regexs_whatever_the_text() -> None:
    # The fast paths (an ASCII text's other characters turned to spaces, a non-ASCII text's tokens) read the words
    # the regex reads: underscores, digits, apostrophes, no-break and ideographic spaces, marks, other scripts.
    texts = [
        "snake_case and_more 3.14 l'été don't",
        "a\u00a0b\u3000c d\u2009e",
        "naïve café — «citation» Zürich's",
        "Привет, мир! 你好世界 e\u0301 x\u00b2",
        "",
        " \n\t ",
        "__init__ ___ _a_",
    ]
    for text in texts:
        assert _first_words([text], 1000) == _WORD_RE.findall(text)
    assert _first_words(texts, 5) == [word for text in texts for word in _WORD_RE.findall(text)][:5]


def test_a_language_is_a_language_code(repo: Path) -> None:
    with pytest.raises(RuleError, match="language"):
        load_rule_file(
            write_rule(
                repo, GOOD_RULE.replace('    selectors: [".promo"]', '    language: Spanish\n    selectors: [".promo"]')
            )
        )


def test_max_words_spares_long_matches(repo: Path) -> None:
    text = GOOD_RULE.replace('    selectors: [".promo"]', '    max_words: 2\n    selectors: [".promo"]')
    rule = load_rule_file(write_rule(repo, text))
    root = html.document_fromstring(PAGE)
    assert declutter(root, [rule]) == []


# --- rules check ---------------------------------------------------------------------------------


def test_check_passes_a_good_rule(repo: Path) -> None:
    report = check_file(write_rule(repo, GOOD_RULE))
    assert report.ok, report.errors


def test_check_detects_a_dead_selector(repo: Path) -> None:
    report = check_file(write_rule(repo, GOOD_RULE.replace('[".promo"]', '[".promo", ".gone-since-redesign"]')))
    assert any("strip selector '.gone-since-redesign' matches nothing" in e for e in report.errors)


def test_check_reads_expectations_copied_with_the_page_s_soft_hyphens(repo: Path) -> None:
    # Authors copy phrases from the page, invisible hyphenation hints included; the plain text has none.
    page = PAGE.replace("worth reading about", "worth read\xading about")
    (repo / "tests" / "sites" / "example.com" / "page.html").write_text(page)
    text = GOOD_RULE.replace('["Sentence number 3 of the article"]', '["says something worth read\xading"]')
    assert check_file(write_rule(repo, text)).ok
    text = GOOD_RULE.replace('["Sign up for the Daily newsletter"]', '["worth read\xading"]')
    assert any(
        "must_not_contain still in the output: 'worth read\\xading'" in e
        for e in check_file(write_rule(repo, text)).errors
    )


def test_check_reports_failed_expectations(repo: Path) -> None:
    text = GOOD_RULE.replace('["Sentence number 3 of the article"]', '["A sentence that is not there"]')
    text = text.replace('["Sign up for the Daily newsletter"]', '["Sentence number 5 of the article", "Home"]')
    errors = check_file(write_rule(repo, text)).errors
    assert any("must_contain not found in the cleaned text: 'A sentence that is not there'" in e for e in errors)
    assert any("must_not_contain still in the output" in e for e in errors)


def test_check_requires_tests_verified_and_a_fixture(repo: Path) -> None:
    errors = check_file(write_rule(repo, GOOD_RULE.split("verified:")[0])).errors
    assert any("verified: a site rule must say who verified it" in e for e in errors)
    assert any("tests: a rule needs at least one fixture test" in e for e in errors)
    errors = check_file(write_rule(repo, GOOD_RULE.replace("fixture: page.html", "fixture: missing.html"))).errors
    assert any("fixture not found" in e for e in errors)


def test_check_url_must_be_covered_by_the_domains(repo: Path) -> None:
    errors = check_file(write_rule(repo, GOOD_RULE.replace("www.example.com/story", "example.net/story"))).errors
    assert any("url host example.net is not covered by domains" in e for e in errors)


def test_check_fails_when_the_site_rule_scores_below_generic(repo: Path) -> None:
    expected = repo / "tests" / "sites" / "example.com" / "page.expected.txt"
    expected.write_text(f"{ARTICLE}\n\n{ARTICLE}\nPhoto credit stays")
    text = GOOD_RULE.replace('[".promo"]', '["figure.keepme"]').replace(
        'must_not_contain: ["Sign up for the Daily newsletter"]', "must_not_contain: []"
    )
    errors = check_file(write_rule(repo, text)).errors
    assert any("scores below the generic layer alone" in e for e in errors)


def test_check_command_exit_codes_and_messages(repo: Path, capsys: pytest.CaptureFixture) -> None:
    good = write_rule(repo, GOOD_RULE)
    code, out, _ = run_cli(capsys, "rules", "check", str(good), "--scores")
    assert code == 0
    assert "1 of 1 rule files pass" in out and "example.com" in out and "must-not" in out
    bad = write_rule(repo, GOOD_RULE.replace("name: Example", "nmae: Example"))
    code, out, err = run_cli(capsys, "rules", "check", str(bad))
    assert code == 1
    assert "FAIL" in err and "'nmae'" in err and "example.com.yaml" in err


def test_check_command_defaults_to_every_file_of_the_rules_dir(repo: Path, capsys: pytest.CaptureFixture) -> None:
    write_rule(repo, GOOD_RULE)
    code, out, _ = run_cli(capsys, "rules", "check", "--rules-dir", str(repo / "rules"))
    assert code == 0 and "1 of 1 rule files pass" in out


# --- rules new / explain / import-ftr ------------------------------------------------------------------


def test_new_scaffolds_a_rule_that_fails_until_filled(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    saved = tmp_path / "saved page.html"
    saved.write_text(PAGE)
    new_rule = ("rules", "new", "example.com", str(saved), "--url", "https://example.com/s")
    code, out, _ = run_cli(capsys, *new_rule, "--rules-dir", str(repo / "rules"))
    assert code == 0 and "wrote" in out and "fails until they are filled in" in out
    rule_path = repo / "rules" / "sites" / "example.com.yaml"
    assert (repo / "tests" / "sites" / "example.com" / "saved-page.html").read_text() == PAGE
    code, _, err = run_cli(capsys, "rules", "check", str(rule_path))
    assert code == 1
    assert "still holds a TODO placeholder" in err and "tests/0/must_contain/0" in err
    code, _, err = run_cli(capsys, *new_rule, "--rules-dir", str(repo / "rules"))
    assert code == 1 and "exists" in err


def test_new_refuses_a_url_of_another_site(repo: Path, capsys: pytest.CaptureFixture) -> None:
    page = repo / "tests" / "sites" / "example.com" / "page.html"
    code, _, err = run_cli(
        capsys,
        "rules",
        "new",
        "example.com",
        str(page),
        "--url",
        "https://other.org/",
        "--rules-dir",
        str(repo / "rules"),
    )
    assert code == 1 and "is not example.com" in err


def test_explain_shows_removals_and_the_kept_article(repo: Path, capsys: pytest.CaptureFixture) -> None:
    write_rule(repo, GOOD_RULE)
    page = repo / "tests" / "sites" / "example.com" / "page.html"
    code, out, _ = run_cli(
        capsys,
        "rules",
        "explain",
        str(page),
        "--url",
        "https://www.example.com/story",
        "--rules-dir",
        str(repo / "rules"),
    )
    assert code == 0
    assert "site rule: rules/sites/example.com.yaml" in out
    assert "[newsletter] rules/sites/example.com.yaml  .promo  ×2" in out
    assert "'Sign up for the Daily newsletter today'" in out
    assert "title:  'Council story'" in out and "words:" in out and "Sentence number 0" in out


FTR_GUARDIAN = """# Guardian
title: //h1[@itemprop='headline']
author: //a[@rel='author']
date: //time[@itemprop='datePublished']/@datetime
body: //div[@itemprop='articleBody']
strip: //aside[contains(@class, 'element-rich-link')]
strip_id_or_class: submeta
strip_id_or_class: content__meta-container
prune: no
tidy: no
test_url: https://www.theguardian.com/world/2016/jan/01/some-story
test_contains: The prime minister said
"""
FTR_SIMPLE = """body: //article
strip_image_src: /pixel.gif
single_page_link: //a[@class='print']
find_string: <br /><br />
replace_string: </p><p>
strip: //div[
"""


def test_import_ftr_converts_directives() -> None:
    imported = convert_ftr(FTR_GUARDIAN, "theguardian.com")
    data = imported.data
    assert data["domains"] == ["theguardian.com"]
    assert data["content"] == ["xpath://div[@itemprop='articleBody']"]
    assert data["title"] == ["xpath://h1[@itemprop='headline']"]
    assert data["byline"] == ["xpath://a[@rel='author']"]
    assert data["published"] == ["xpath://time[@itemprop='datePublished']/@datetime"]
    assert data["strip"][0]["selectors"] == ["xpath://aside[contains(@class, 'element-rich-link')]"]
    assert data["strip"][1]["selectors"] == [
        '[class*="submeta"], [id*="submeta"]',
        '[class*="content__meta-container"], [id*="content__meta-container"]',
    ]
    assert data["tests"][0]["url"] == "https://www.theguardian.com/world/2016/jan/01/some-story"
    assert data["tests"][0]["must_contain"] == ["The prime minister said"]
    assert any(w.startswith("prune: no equivalent") for w in imported.warnings)


def test_import_ftr_warns_on_ignored_and_invalid_lines() -> None:
    imported = convert_ftr(FTR_SIMPLE, "example.com")
    warnings = "\n".join(imported.warnings)
    for directive in ("strip_image_src", "single_page_link", "find_string", "replace_string"):
        assert f"{directive}: no equivalent" in warnings
    assert "strip: selector 'xpath://div[': invalid XPath" in warnings
    assert "strip" not in imported.data


def test_import_ftr_command_prints_and_writes(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / ".theguardian.com.txt"
    source.write_text(FTR_GUARDIAN)
    code, out, err = run_cli(capsys, "rules", "import-ftr", str(source))
    assert code == 0 and "domains:" in out and "theguardian.com" in out and "prune" in err
    code, out, _ = run_cli(capsys, "rules", "import-ftr", str(source), "--write", "--rules-dir", str(repo / "rules"))
    written = repo / "rules" / "sites" / "theguardian.com.yaml"
    assert code == 0 and written.exists()
    assert load_rule_file(written).content[0].source == "xpath://div[@itemprop='articleBody']"
    code, _, err = run_cli(capsys, "rules", "check", str(written))
    assert code == 1 and "TODO placeholder" in err and "verified" in err


# --- CONTRIBUTING.md commands stay correct -----------------------------------------------------------

_BLOCK_RE = re.compile(r"```(\w+)([^\n]*)\n(.*?)```", re.S)


def _doc_commands(runnable: bool) -> list[list[str]]:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    commands = []
    for _lang, info, body in _BLOCK_RE.findall(text):
        if runnable and "runnable" not in info:
            continue
        commands += [shlex.split(line)[1:] for line in body.splitlines() if line.startswith("declutter ")]
    return commands


def test_every_documented_command_parses() -> None:
    commands = _doc_commands(runnable=False)
    assert len(commands) >= 5
    parser = cli._build_parser()
    for argv in commands:
        parser.parse_args(argv)  # exits (SystemExit) on an unknown command or option


@pytest.mark.parametrize("argv", _doc_commands(runnable=True), ids=" ".join)
def test_runnable_documented_commands_succeed(
    argv: list[str], capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert cli.main(argv) == 0, capsys.readouterr().err


# --- every shipped rule file's own tests --------------------------------------------------------------


@pytest.mark.parametrize("path", rule_files(RULES_DIR), ids=lambda p: p.name)
def test_rule_file(path: Path) -> None:
    report = check_file(path)
    assert report.ok, "\n".join(report.errors)


def test_shipped_rules_load_and_cover_thirty_sites() -> None:
    rules = load_rules(RULES_DIR)
    assert len({r.path for r in rules.sites.values()}) >= 30
    assert {"kyivindependent.com", "theweek.com"} <= set(rules.sites)


def test_fixture_sizes_stay_small() -> None:
    sizes = [p.stat().st_size for p in (REPO / "tests" / "sites").rglob("*.html")]
    assert max(sizes) <= MAX_FIXTURE_BYTES  # the limit `declutter rules add` holds a shared fixture to
    assert sum(sizes) < 25 * 1024 * 1024


def test_a_text_a_removal_joins_is_looked_up_by_a_first_sweep_after_it() -> None:
    """drop() keeps the joined text aside: a literal set swept for the first time after the removal must look there
    too, or a words rule whose words the removal joined ('foo' + 'bar') would not run."""
    head = HEAD_MARK + "foobar)"
    for first in ("zzz", HEAD_MARK + "zzz)"):  # the texts gathered before the removal, for one kind of sweep
        index = PageIndex(tree := _tree("<div><p>  foo<span>x</span>bar tail</p></div>"))
        index.use_patterns(("foobar", head, "zzz", HEAD_MARK + "zzz)"))
        assert not index.holds(first)
        index.drop(tree.find(".//span"))
        assert index.holds(head) and index.holds("foobar"), first
