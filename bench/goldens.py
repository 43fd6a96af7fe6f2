"""Behaviour goldens: clean()'s JSON on every corpus page and seed fixture, and the finder's output on the
annotated set, written once and compared after a change that must not alter what users get.

    python bench/goldens.py write  [--dir DIR]   # before the change
    python bench/goldens.py check  [--dir DIR]   # after it: lists every page whose output differs

The goldens go to bench/results/goldens/ (not committed: they are 20 MB). Timings are left out (they
differ on every run); everything else is compared byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

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


def check(directory: Path, only: str = "") -> int:
    with gzip.open(directory / "goldens.json.gz", "rt", encoding="utf-8") as stored:
        expected = {name: output for name, output in json.load(stored).items() if name.startswith(only)}
    changed = []
    for name, output in _outputs(only):
        before = expected.pop(name, None)
        if before != output:
            changed.append(name)
            at = next((i for i, (a, b) in enumerate(zip(before or "", output, strict=False)) if a != b), 0)
            print(
                f"changed: {name}\n  before: ...{(before or '')[max(0, at - 60) : at + 100]!r}\n"
                f"  after:  ...{output[max(0, at - 60) : at + 100]!r}"
            )
    for name in expected:
        print(f"missing: {name}")
    total = len(changed) + len(expected)
    print(f"{total} of the goldens differ" if total else "identical: every golden matches")
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--only", default="", help="check only the inputs whose name starts with this (rtp/, attributions/)"
    )
    args = parser.parse_args(argv)
    return write(args.dir) if args.action == "write" else check(args.dir, args.only)


if __name__ == "__main__":
    raise SystemExit(main())
