"""Behaviour goldens: clean()'s JSON on every corpus page and seed fixture, and the finder's output on the
annotated set, written once and compared after a change that must not alter what users get.

    python bench/goldens.py write  [--dir DIR]   # before the change
    python bench/goldens.py check  [--dir DIR]   # after it: lists every page whose output differs
    python bench/goldens.py check --visible     # ...and tells the outputs whose HTML moved only in whitespace no
                                                # reader sees (beside a block's start or end) from those that moved
                                                # otherwise (every other field compared as it is)

The goldens go to bench/results/goldens/ (not committed: they are 20 MB). Timings are left out (they
differ on every run); everything else is compared byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: make `bench` and `server` importable

from bench.attributions import load_dev  # noqa: E402
from bench.corpora import CORPORA, pages  # noqa: E402
from server.attributions import find_attributions  # noqa: E402
from server.authoring import fixture_dir  # noqa: E402
from server.config import RULES_DIR  # noqa: E402
from server.errors import DeclutterError  # noqa: E402
from server.pipeline import clean, default_rules  # noqa: E402

# Block-level elements (the HTML standard's flow blocks, table parts, the document's own): whitespace between two of
# their boundaries is at a line's start or end, where a browser shows none. Written here, apart from the server's
# code, so that the check does not share a change's own idea of it.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_WHITESPACE_SHOWN = ("pre", "textarea")
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f]+")

DEFAULT_DIR = ROOT / "bench" / "results" / "goldens"


def _outputs(only: str = "") -> Iterator[tuple[str, str]]:
    """(name, canonical JSON) for every input whose name starts with `only`, in a fixed order."""
    inputs: list[tuple[str, bytes, str | None]] = []
    for corpus in CORPORA:
        inputs += [(f"{corpus}/{p.name}", p.read_bytes(), p.url) for p in pages(corpus)]
    for rule in default_rules().files:
        for test in rule.tests:
            fixture = fixture_dir(RULES_DIR.parent / rule.path) / test["fixture"]
            inputs.append((f"{rule.path}/{test['fixture']}", fixture.read_bytes(), test["url"]))
    for name, data, url in inputs:
        if not name.startswith(only):
            continue
        try:
            result = clean(data, url).to_dict()
            result.pop("timings_ms")
        except DeclutterError as error:
            result = error.to_dict()
        yield name, json.dumps(result, sort_keys=True, ensure_ascii=False)
    for doc in load_dev():
        if not f"attributions/{doc['name']}".startswith(only):
            continue
        found = [a.to_dict() for a in find_attributions(doc["text"])]
        yield f"attributions/{doc['name']}", json.dumps(found, sort_keys=True, ensure_ascii=False)


def write(directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    outputs = dict(_outputs())
    partial = directory / "goldens.json.gz.partial"
    with gzip.open(partial, "wt", encoding="utf-8") as out:
        json.dump(outputs, out, ensure_ascii=False)
    partial.replace(directory / "goldens.json.gz")  # a check running meanwhile reads the old file whole
    print(f"wrote {len(outputs)} goldens to {directory}")
    return 0


def visible_markup(fragment: str) -> str:
    """An HTML fragment as a reader sees its whitespace: outside <pre> and <textarea>, each run of it as one space, and
    none where a whitespace-only text meets a block-level boundary (a block's start or end, a block sibling's), which
    starts or ends a line, where a browser shows no space."""
    wrapper = html.fragment_fromstring(fragment, create_parent="div")
    for element in wrapper.iter():
        if not isinstance(element.tag, str) or element.tag in _WHITESPACE_SHOWN:
            continue
        if any(ancestor.tag in _WHITESPACE_SHOWN for ancestor in element.iterancestors()):
            continue
        block = element.tag in _BLOCKS
        if element.text:
            element.text = _WHITESPACE_RUN.sub(" ", element.text)
            first = element[0] if len(element) else None
            if element.text == " " and (block or (first is not None and first.tag in _BLOCKS)):
                element.text = None
        parent = element.getparent()
        if element.tail and parent is not None:
            element.tail = _WHITESPACE_RUN.sub(" ", element.tail)
            following = element.getnext()
            if element.tail == " " and (
                block or (following.tag in _BLOCKS if following is not None else parent.tag in _BLOCKS)
            ):
                element.tail = None
    return etree.tostring(wrapper, encoding=str)


def moved_fields(before: str, after: str) -> list[str]:
    """The fields of two clean() outputs (canonical JSON) that differ otherwise than in whitespace no reader sees."""
    old, new = json.loads(before), json.loads(after)
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [] if old == new else ["output"]
    moved = [key for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]
    if (
        "html" in moved
        and isinstance(old.get("html"), str)
        and isinstance(new.get("html"), str)
        and visible_markup(old["html"]) == visible_markup(new["html"])
    ):
        moved.remove("html")
    return moved


def check(directory: Path, only: str = "", visible: bool = False) -> int:
    with gzip.open(directory / "goldens.json.gz", "rt", encoding="utf-8") as stored:
        expected = {name: output for name, output in json.load(stored).items() if name.startswith(only)}
    changed, invisible = [], 0
    for name, output in _outputs(only):
        before = expected.pop(name, None)
        if before != output:
            changed.append(name)
            if visible and before is not None:
                fields = moved_fields(before, output)
                if not fields:
                    invisible += 1
                    continue
                print(f"moved ({', '.join(fields)}): {name}")
            at = next((i for i, (a, b) in enumerate(zip(before or "", output, strict=False)) if a != b), 0)
            print(
                f"changed: {name}\n  before: ...{(before or '')[max(0, at - 60) : at + 100]!r}\n"
                f"  after:  ...{output[max(0, at - 60) : at + 100]!r}"
            )
    for name in expected:
        print(f"missing: {name}")
    total = len(changed) + len(expected)
    print(f"{total} of the goldens differ" if total else "identical: every golden matches")
    if visible and total:
        print(f"{invisible} of them only in whitespace no reader sees (html), {total - invisible} otherwise")
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--only", default="", help="check only the inputs whose name starts with this (rtp/, attributions/)"
    )
    parser.add_argument(
        "--visible",
        action="store_true",
        help="check: tell outputs whose HTML moved only in whitespace no reader sees from the others",
    )
    args = parser.parse_args(argv)
    return write(args.dir) if args.action == "write" else check(args.dir, args.only, args.visible)


if __name__ == "__main__":
    raise SystemExit(main())
