"""Which removal takes each snippet: every `with` and `without` snippet of the tuning pages that clean()'s text lacks,
credited to the mechanism whose removal held it whole, so removals can be ranked by the article text they cost
(`with`) against the clutter they take (`without`).

Run: .venv/bin/python bench/removals.py [--corpus traf|wcxb|rtp] [--top N] [--json out.json]

A mechanism is a rule's selector (`rule:<file>:<category>:<selector>`), a structural pass (`structure:<name>`), or the
extract step that dropped the element (`extract/<module>:<function>`; readability's conditional cleaning also names
its test: `cleaned:linkdensity`, `cleaned:short`...). A snippet no removal held whole is the candidate choice's
(`choice`: readability's pick and what joined it left it out, or a removal took part of it), or the page's own
(`page`: the page's text lacks it, as the corpus writes it). On wcxb and rtp, each mechanism's removals are also
measured against the expected article: its 4-token shingles the output lacks (`lost`) and those the article does not
hold (`clutter`). readability reads a copy of the tree on each pass and keeps the last: only the removals of the
pass whose article clean() returned count, with those of the declutter stage and of the repairs after it.

Tuning parts only (bench/corpora.py): the held-out pages are never read. Bench only: it wraps lxml's drop_tree and a
few extract steps for the run, nothing in server/ knows of it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import lxml.html
from lxml.html import HtmlElement

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bench` and `server` importable

import server.extract as extract_package  # noqa: E402
from bench import corpora, metrics  # noqa: E402
from server.errors import NoArticle  # noqa: E402
from server.extract import readability as readability_module  # noqa: E402
from server.pipeline import clean  # noqa: E402

SERVER_DIR = str(ROOT / "server") + "/"
CHOICE, PAGE = "choice", "page"
# readability's conditional cleaning, test by test in _should_remove's order (what each one names).
CLEANING_TESTS = ("images", "li>p", "inputs", "adloading", "short", "linkdensity", "embed", "empty")


@dataclass
class Removal:
    phase: str  # "declutter", "read<N>" (readability's pass N) or "repairs"
    mechanism: str
    text: str


@dataclass
class Tracer:
    """The removals of one clean() call, and which readability pass gave its article."""

    removals: list[Removal] = field(default_factory=list)
    phase: str = "declutter"
    passes: int = 0
    last_pass: int = 0  # the pass whose article readability last returned
    reads: list[tuple[HtmlElement, int]] = field(default_factory=list)
    final_pass: int | None = None
    cleaning_test: str = ""

    def live(self) -> list[Removal]:
        """The removals that shaped the output: declutter's, the returned pass's, the repairs'."""
        kept = {"declutter", "repairs", f"read{self.final_pass}"}
        return [r for r in self.removals if r.phase in kept]


def mechanism(frame: FrameType | None, tracer: Tracer) -> str:
    """The mechanism a drop_tree call belongs to, read from the first frame in server/ that made it."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(SERVER_DIR) and not code.co_filename.endswith("selectors/index.py"):
            local = frame.f_locals
            if code.co_name == "declutter" and "rule" in local:
                rule, group, selector = local["rule"], local["group"], local["selector"]
                return f"rule:{Path(rule.path).name}:{group.category}:{selector.source}"
            if code.co_name == "_strip_structure":
                return f"structure:{local['name']}"
            module = code.co_filename[len(SERVER_DIR) :].removesuffix(".py")
            if code.co_name == "sanitize" and "el" in local and tracer.cleaning_test:
                return f"{module}:cleaned:{tracer.cleaning_test}"
            return f"{module}:{code.co_name}"
        frame = frame.f_back
    return "other"


def cleaning_test(document: Any, el: HtmlElement, candidates: dict, keep_all_images: bool) -> str:
    """Which of readability's conditional cleaning tests drops the block (_cleaned and _should_remove, in order)."""
    rd = readability_module
    weight = document.class_weight(el)
    score = candidates[el]["content_score"] if el in candidates else 0
    if weight + (0 if el.tag in ("ul", "ol") else score) < 0:
        return "negative weight"
    counts = rd.descendant_counts(el)
    counts["li"] -= rd.LIST_ITEM_ALLOWANCE
    counts["input"] -= counts.pop("hidden input")
    length = rd.normalized_length(el)
    density = rd.link_density(el, length)
    framed = el.tag == "section" and rd.IN_MAIN_OR_ARTICLE(el)
    tests = (
        bool(counts["p"]) and counts["img"] > rd.FREE_IMAGES + counts["p"] * rd.IMAGES_PER_PARAGRAPH,
        counts["li"] > counts["p"] and el.tag not in ("ol", "ul"),
        counts["input"] > counts["p"] / rd.PARAGRAPHS_PER_INPUT,
        length <= rd.AD_OR_LOADING_MAX_CHARS
        and rd.AD_OR_LOADING_RE.fullmatch(" ".join(rd.element_text(el).split())) is not None,
        length < document.min_text_length
        and (counts["img"] == 0 or counts["img"] > rd.SHORT_BLOCK_MAX_IMAGES)
        and not rd.short_block_stays(el, length, density),
        (
            weight < rd.CLASS_WEIGHT
            and el.tag not in ("ul", "ol")
            and density > (rd.FRAMED_SECTION_MAX_LINK_DENSITY if framed else rd.BLOCK_MAX_LINK_DENSITY)
        )
        or (weight >= rd.CLASS_WEIGHT and density > rd.WEIGHTED_BLOCK_MAX_LINK_DENSITY),
        (counts["embed"] == 1 and length < rd.EMBED_MIN_CHARS) or counts["embed"] > 1,
    )
    return next((name for name, failed in zip(CLEANING_TESTS, tests, strict=False) if failed), "empty")


@contextmanager
def tracing(tracer_of: Callable[[], Tracer]) -> Iterator[None]:
    """Wrap drop_tree and the extract steps that tell the passes apart, for the run only."""
    document = readability_module.TreeDocument
    saved = (
        lxml.html.HtmlMixin.drop_tree,
        document._parse,
        document.get_clean_html,
        document._cleaned,
        extract_package.read_article,
        extract_package.paragraph_container,
    )
    drop_tree, parse, get_clean_html, cleaned, read_article, paragraph_container = saved

    def traced_drop_tree(self: HtmlElement) -> None:
        tracer = tracer_of()
        tracer.removals.append(Removal(tracer.phase, mechanism(sys._getframe(1), tracer), self.text_content()))
        drop_tree(self)

    def traced_parse(self: Any, page: HtmlElement) -> HtmlElement:
        tracer = tracer_of()
        tracer.passes += 1
        tracer.phase = f"read{tracer.passes}"
        return parse(self, page)

    def traced_get_clean_html(self: Any) -> str:
        tracer_of().last_pass = tracer_of().passes
        return get_clean_html(self)

    def traced_cleaned(self: Any, el: HtmlElement, candidates: dict, allowed: dict, keep_all_images: bool) -> bool:
        dropped = cleaned(self, el, candidates, allowed, keep_all_images)
        tracer_of().cleaning_test = cleaning_test(self, el, candidates, keep_all_images) if dropped else ""
        return dropped

    def traced_read_article(*args: Any, **kwargs: Any) -> Any:
        result = read_article(*args, **kwargs)
        tracer_of().reads.append((result[0], tracer_of().last_pass))
        return result

    def traced_paragraph_container(root: HtmlElement, article: HtmlElement, words: list[str]) -> HtmlElement:
        tracer = tracer_of()
        tracer.final_pass = next((number for read, number in tracer.reads if read is article), None)
        tracer.phase = "repairs"
        return paragraph_container(root, article, words)

    lxml.html.HtmlMixin.drop_tree = traced_drop_tree
    document._parse = traced_parse
    document.get_clean_html = traced_get_clean_html
    document._cleaned = traced_cleaned
    extract_package.read_article = traced_read_article
    extract_package.paragraph_container = traced_paragraph_container
    try:
        yield
    finally:
        lxml.html.HtmlMixin.drop_tree = drop_tree
        document._parse, document.get_clean_html, document._cleaned = parse, get_clean_html, cleaned
        extract_package.read_article, extract_package.paragraph_container = read_article, paragraph_container


@dataclass
class PageTrace:
    """One page: each missing snippet's mechanism, and (with an expected article) each mechanism's shingles."""

    snippets: list[tuple[str, str, str]]  # (kind "with"/"without", mechanism, snippet)
    shingles: dict[str, tuple[int, int]]  # mechanism -> (lost, clutter)


def trace_page(
    data: bytes | str,
    url: str | None,
    with_snippets: tuple[str, ...],
    without_snippets: tuple[str, ...],
    fold: Callable[[str | None], str] = metrics.normalise_space,
    expected: str | None = None,
) -> PageTrace:
    """Run clean() on one page and credit each snippet its text lacks to the removal that held it."""
    tracer = Tracer()
    with tracing(lambda: tracer):
        try:
            text = clean(data, url).text
        except NoArticle:
            text = ""
    removals = [(r.mechanism, fold(r.text), r.text) for r in tracer.live()]
    output = fold(text)
    page_text = fold(_page_text(data))
    found = []
    for kind, snippets in (("with", with_snippets), ("without", without_snippets)):
        for snippet in snippets:
            folded = fold(snippet)
            if not folded or folded in output:
                continue
            if folded not in page_text:
                found.append((kind, PAGE, snippet))
                continue
            found.append((kind, next((m for m, t, _ in removals if folded in t), CHOICE), snippet))
    shingles: dict[str, tuple[int, int]] = {}
    if expected is not None:
        article = metrics.shingles(expected.lower())
        missing = article - metrics.shingles(text.lower())
        for name, _, raw in removals:
            taken = metrics.shingles(raw.lower())
            lost, clutter = sum((taken & missing).values()), sum((taken - article).values())
            missing -= taken  # a nested removal's text is counted once
            if lost or clutter:
                before = shingles.get(name, (0, 0))
                shingles[name] = (before[0] + lost, before[1] + clutter)
    return PageTrace(found, shingles)


def _page_text(data: bytes | str) -> str:
    """The page's text as the parse stage reads it, scripts and styles left out."""
    from lxml import etree

    from server.decode import decode_to_utf8
    from server.parse import parse
    from server.rules.constants import NON_CONTENT_TAGS

    root = parse(decode_to_utf8(data))
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)
    return root.text_content()


def trace_corpus(corpus: corpora.Corpus) -> dict[str, Any]:
    """Every tuning page of the corpus traced; the counts per mechanism, and the snippets."""
    fold = metrics.fold_typography if corpus == "wcxb" else metrics.normalise_space
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    shingles: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    snippets = []
    for page in corpora.pages(corpus):
        if page.heldout:
            continue
        expected = page.expected_text() if corpus in ("wcxb", "rtp") else None
        trace = trace_page(page.read_bytes(), page.url, page.with_snippets, page.without_snippets, fold, expected)
        for kind, name, snippet in trace.snippets:
            counts[name][kind] += 1
            snippets.append({"page": page.name, "kind": kind, "mechanism": name, "snippet": snippet})
        for name, (lost, clutter) in trace.shingles.items():
            shingles[name][0] += lost
            shingles[name][1] += clutter
            shingles[name][2] += bool(lost)
    return {"counts": {k: dict(v) for k, v in counts.items()}, "shingles": dict(shingles), "snippets": snippets}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=corpora.CORPORA, default="traf")
    ap.add_argument("--top", type=int, default=40, help="mechanisms listed (default 40)")
    ap.add_argument("--json", type=Path, help="also save the counts and every missing snippet here")
    args = ap.parse_args(argv)
    result = trace_corpus(args.corpus)
    names = set(result["counts"]) | set(result["shingles"])

    def harm(name: str) -> tuple[int, int]:
        return (result["counts"].get(name, {}).get("with", 0), result["shingles"].get(name, [0])[0])

    print(f"{args.corpus}, tuning pages: snippets the output lacks, and expected shingles, by mechanism")
    print("| mechanism | with lost | without taken | shingles lost | clutter shingles | pages losing |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in sorted(names, key=harm, reverse=True)[: args.top]:
        count = result["counts"].get(name, {})
        lost, clutter, pages = result["shingles"].get(name, (0, 0, 0))
        print(f"| {name[:100]} | {count.get('with', 0)} | {count.get('without', 0)} | {lost} | {clutter} | {pages} |")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
