"""Score the attribution finder on the hand-annotated dev set (tests/attributions/dev/*.json).

Run: .venv/bin/python bench/attributions.py [--errors] [--set dev|blind|paragraphs|outside|fundus]
    [--part tuning|held-out|all] [--no-speed] [--first-batch]
Prints P/R/F1 over all attributions and the quoted slice, per-component token-overlap F1, speaker accuracy (the
resolved name equals the gold name; a null speaker counts as wrong) and speaker precision (right among those
given a name), recall per gold kind, for the tuning part, the held-out part (dev: files whose name's sha1 ends in
0, 1 or 2; blind, outside and fundus: sha1 divisible by 3) and all, plus speed, with a verb-list baseline side by side.
On the blind set beliefs are scored apart (gold beliefs against the finder's kind "belief"). While choosing
between variants, run with `--part tuning` so that no held-aside figure is printed. `score(gold_docs, predict)`
is the one scoring implementation (tests import it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT / "tests" / "attributions" / "dev"
# Annotated blind, by others than the finder's authors (tests/attributions/GUIDELINES.md).
BLIND_DIR = ROOT / "tests" / "attributions" / "blind"
# Paragraphs of pages annotated blind, each scored on the cues inside its window (tests/attributions/README.md).
PARAGRAPHS_DIR = ROOT / "tests" / "attributions" / "paragraphs"
OUTSIDE_DIR = ROOT / "tests" / "attributions" / "outside"
# News bodies from the fundus project's publisher tests, annotated blind before the finder ever ran on them.
FUNDUS_DIR = ROOT / "tests" / "attributions" / "fundus"
# BBC News articles (2004-05) and a few more publishers' test bodies, annotated blind by eight annotators in one day.
BBC_DIR = ROOT / "tests" / "attributions" / "bbc"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from server.attributions import find_attributions  # noqa: E402

# Annotators of the blind set after its first 90 articles (tests/attributions/README.md).
LATER_ANNOTATORS = ("D",)
# Quotation marks that put an attribution in the "quoted" slice.
QUOTE_MARKS = '"“”„«»‘'
# How the gold joins the names of several speakers: "; " in blind/, " and " in dev/.
_SPEAKER_JOINS_RE = re.compile(r";|\band\b")
# Tokens for the component overlap F1 (words, as in the WCXB word-level metric).
_WORD_RE = re.compile(r"\w+")

Span = tuple[int, int]
# A predicted attribution as the scorer sees it: source span (or None), cue span, content span, texts.
Pred = dict[str, Any]


def load_dev(dev_dir: Path = DEV_DIR) -> list[dict]:
    """All readable gold files, sorted by name; a file being written (bad JSON) is skipped with a note."""
    docs = []
    for p in sorted(dev_dir.glob("*.json")):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"note: skipping unreadable {p.name}: {exc}", file=sys.stderr)
            continue
        if not isinstance(d, dict) or "text" not in d or "attributions" not in d:
            print(f"note: skipping malformed {p.name}", file=sys.stderr)
            continue
        d.setdefault("name", p.stem)
        docs.append(d)
    return docs


def is_heldout(name: str) -> bool:
    """Held out from tuning: the sha1 hex digest of the document's name ends in 0, 1 or 2."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[-1] in "012"


def is_held_aside(name: str) -> bool:
    """The blind set's held-aside third: the sha1 of the name, read as an integer, divisible by 3."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 3 == 0


def _nothing_aside(name: str) -> bool:
    """A folder scored with --dir is one tuning part: a reviewer's articles are there to be looked at."""
    return False


def load_paragraphs(paragraphs_dir: Path = PARAGRAPHS_DIR) -> list[dict]:
    """The paragraph set: one document per annotated paragraph, named "<page>#p<index>" (two may share a page)."""
    docs = load_dev(paragraphs_dir)
    for d in docs:
        d["name"] = f"{d['name']}#p{d['window']['paragraph']}"
    return docs


def is_paragraph_held_aside(name: str) -> bool:
    """A paragraph is held aside with its page (the blind set's rule on the page's name), so a page is never split."""
    return is_held_aside(name.split("#p")[0])


def without_beliefs(docs: list[dict]) -> list[dict]:
    """Beliefs and intentions are annotated but not what the panel shows: the finder is scored on speech."""
    return [{**d, "attributions": [a for a in d["attributions"] if a.get("kind") != "belief"]} for d in docs]


def only_beliefs(docs: list[dict]) -> list[dict]:
    """The gold beliefs alone, to score the finder's kind "belief" apart from speech."""
    return [{**d, "attributions": [a for a in d["attributions"] if a.get("kind") == "belief"]} for d in docs]


def _span(d: dict | None) -> Span | None:
    if not d:
        return None
    return int(d["start"]), int(d["end"])


def _overlap(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _tokens(text: str, span: Span | None) -> set[int]:
    """Token start offsets inside a span: overlap of offsets is overlap of tokens."""
    if span is None:
        return set()
    return {m.start() for m in _WORD_RE.finditer(text, span[0], span[1])}


def _tok_f1(text: str, g: Span | None, p: Span | None) -> float:
    if g is None and p is None:
        return 1.0
    gt, pt = _tokens(text, g), _tokens(text, p)
    if not gt or not pt:
        return 0.0
    inter = len(gt & pt)
    if not inter:
        return 0.0
    pr, rc = inter / len(pt), inter / len(gt)
    return 2 * pr * rc / (pr + rc)


def _quoted(text: str, span: Span) -> bool:
    return any(c in QUOTE_MARKS for c in text[span[0] : span[1]])


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else (1.0 if not n_g else 0.0)
    r = tp_r / n_g if n_g else (1.0 if not n_p else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f}


def match_doc(text: str, gold: list[dict], preds: list[Pred]) -> dict:
    """Greedy one-to-one pairing by cue overlap, then the match test of the README protocol."""
    cands = []
    for gi, g in enumerate(gold):
        gc = _span(g["cue"])
        for pi, p in enumerate(preds):
            ov = _overlap(gc, p["cue"])
            if ov > 0:
                cands.append((ov, gi, pi))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    matched = []
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        gs, ps = _span(g["source"]), p["source"]
        src_ok = (gs is None and ps is None) or _overlap(gs, ps) > 0
        # Over the fragments when the gold content is discontinuous ("X," she said. "Y."): the hull holds the cue.
        fragments = [_span(f) for f in g.get("content_fragments") or [g["content"]]]
        glen = max(1, sum(f[1] - f[0] for f in fragments))
        # and over the predicted fragments when the finder gives them: its hull holds its own cue and source
        predicted = p.get("fragments") or [p["content"]]
        con_ok = sum(_overlap(f, q) for f in fragments for q in predicted) >= glen / 2
        if src_ok and con_ok:
            matched.append((gi, pi))
    return {"pairs": pairs, "matched": matched}


def score(gold_docs: Iterable[dict], predict: Callable[[str], list[Pred]]) -> dict:
    """Score predict(text) -> [{"source": span|None, "cue": span, "content": span}] against gold docs.

    Returns counts, P/R/F1 ("all", "quoted"), component F1 ("source", "cue", "content") and per-doc errors.
    """
    n_g = n_p = tp = 0
    nq_g = nq_p = tpq_g = tpq_p = 0
    comp: dict[str, list[float]] = {"source": [], "cue": [], "content": []}
    speakers_judged = speakers_right = speakers_named = 0
    speakers_reformed = 0  # wrong names that share a word with the gold name: its form, not another entity
    kind_gold: dict[str, int] = {}
    kind_found: dict[str, int] = {}
    errors: dict[str, dict] = {}
    per_doc: list[DocCounts] = []
    n_docs = 0
    for doc in gold_docs:
        n_docs += 1
        text = doc["text"]
        gold = doc["attributions"]
        preds = predict(text)
        if doc.get("window"):  # a paragraph of a page: the finder reads the page, its cues in the paragraph are scored
            preds = [p for p in preds if doc["window"]["start"] <= p["cue"][0] < doc["window"]["end"]]
        res = match_doc(text, gold, preds)
        n_g += len(gold)
        n_p += len(preds)
        tp += len(res["matched"])
        gq = [_quoted(text, _span(g["content"])) for g in gold]
        pq = [_quoted(text, p["content"]) for p in preds]
        nq_g += sum(gq)
        nq_p += sum(pq)
        for gi, pi in res["matched"]:
            tpq_g += gq[gi]
            tpq_p += pq[pi]
        for gi, pi in res["pairs"]:
            g, p = gold[gi], preds[pi]
            comp["source"].append(_tok_f1(text, _span(g["source"]), p["source"]))
            comp["cue"].append(_tok_f1(text, _span(g["cue"]), p["cue"]))
            comp["content"].append(_tok_f1(text, _span(g["content"]), p["content"]))
        for g in gold:
            kind_gold[g.get("kind", "?")] = kind_gold.get(g.get("kind", "?"), 0) + 1
        for gi, pi in res["matched"]:
            kind_found[gold[gi].get("kind", "?")] = kind_found.get(gold[gi].get("kind", "?"), 0) + 1
            if gold[gi].get("speaker"):
                speakers_judged += 1
                speakers_named += preds[pi].get("speaker") is not None
                right = _same_speaker(gold[gi]["speaker"], preds[pi].get("speaker"))
                speakers_right += right
                speakers_reformed += not right and _same_entity_words(gold[gi]["speaker"], preds[pi].get("speaker"))
        mg = {gi for gi, _ in res["matched"]}
        mp = {pi for _, pi in res["matched"]}
        judged = [gi for gi, _ in res["matched"] if gold[gi].get("speaker")]
        per_doc.append(
            DocCounts(
                matched=len(res["matched"]),
                predicted=len(preds),
                gold=len(gold),
                quoted_matched_pred=sum(pq[pi] for _, pi in res["matched"]),
                quoted_pred=sum(pq),
                quoted_matched_gold=sum(gq[gi] for gi, _ in res["matched"]),
                quoted_gold=sum(gq),
                speakers_judged=len(judged),
                speakers_right=sum(
                    _same_speaker(gold[gi]["speaker"], preds[pi].get("speaker"))
                    for gi, pi in res["matched"]
                    if gold[gi].get("speaker")
                ),
            )
        )
        errors[doc["name"]] = {
            "missed": [g for gi, g in enumerate(gold) if gi not in mg],
            "spurious": [p for pi, p in enumerate(preds) if pi not in mp],
            "pairs": {gi: pi for gi, pi in res["pairs"]},
            "wrong_speaker": [
                (gold[gi], preds[pi])
                for gi, pi in res["matched"]
                if gold[gi].get("speaker") and not _same_speaker(gold[gi]["speaker"], preds[pi].get("speaker"))
            ],
        }
    return {
        "docs": n_docs,
        "gold": n_g,
        "pred": n_p,
        "all": _prf(tp, n_p, tp, n_g),
        "quoted": _prf(tpq_p, nq_p, tpq_g, nq_g),
        "quoted_gold": nq_g,
        "source": statistics.fmean(comp["source"]) if comp["source"] else 0.0,
        "cue": statistics.fmean(comp["cue"]) if comp["cue"] else 0.0,
        "content": statistics.fmean(comp["content"]) if comp["content"] else 0.0,
        "speaker": speakers_right / speakers_judged if speakers_judged else 0.0,
        # Right among the matched ones the finder gave a name: a wrong name is worse than none.
        "speaker_precision": speakers_right / speakers_named if speakers_named else 0.0,
        "speaker_null": (speakers_judged - speakers_named) / speakers_judged if speakers_judged else 0.0,
        # Of the judged speakers: a wrong name of the right entity (a word shared), or another entity's.
        "speaker_form": speakers_reformed / speakers_judged if speakers_judged else 0.0,
        "speaker_other": (speakers_named - speakers_right - speakers_reformed) / speakers_judged
        if speakers_judged
        else 0.0,
        "kind_recall": {k: (kind_found.get(k, 0) / n, n) for k, n in sorted(kind_gold.items())},
        "errors": errors,
        "per_doc": per_doc,
    }


class DocCounts(NamedTuple):
    """One article's counts, so that figures can be recomputed over resampled articles."""

    matched: int
    predicted: int
    gold: int
    quoted_matched_pred: int
    quoted_pred: int
    quoted_matched_gold: int
    quoted_gold: int
    speakers_judged: int
    speakers_right: int


def gated_figures(s: dict) -> dict[str, float]:
    """The four figures of score(s) the gates pin: F1 over all, quoted F1, speaker accuracy and speaker precision."""
    return {
        "all_f1": s["all"]["f1"],
        "quoted_f1": s["quoted"]["f1"],
        "speaker": s["speaker"],
        "speaker_precision": s["speaker_precision"],
    }


def _pooled(counts: Iterable[DocCounts]) -> tuple[float, float, float]:
    """F1, quoted F1 and speaker accuracy pooled over articles, as score() computes them."""
    c = [sum(column) for column in zip(*counts, strict=True)]
    f1 = _prf(c[0], c[1], c[0], c[2])["f1"]
    quoted = _prf(c[3], c[4], c[5], c[6])["f1"]
    speaker = c[8] / c[7] if c[7] else 0.0
    return f1, quoted, speaker


def intervals(per_doc: list[DocCounts], rounds: int = 2000, seed: int = 0) -> dict[str, tuple[float, float]]:
    """95% bootstrap intervals over articles (resampled with replacement) for F1, quoted F1 and speaker accuracy.

    A part of a few dozen articles moves a lot with which articles it holds; the interval says how much.
    """
    rng = random.Random(seed)
    samples = [_pooled(rng.choices(per_doc, k=len(per_doc))) for _ in range(rounds)]
    out = {}
    for i, name in enumerate(("f1", "quoted", "speaker")):
        values = sorted(s[i] for s in samples)
        out[name] = (values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1])
    return out


def _same_speaker(gold: str, predicted: str | None) -> bool:
    """The resolved name equals the gold name (case, spacing and a leading "the" aside: the guidelines' "its name as
    the article gives it" allows both "the Scottish government" and "Scottish government"); several people are the
    same set of names whether joined by "; " (the blind set's guidelines) or "and" (the dev set's)."""
    return predicted is not None and speaker_names(gold) == speaker_names(predicted)


def _same_entity_words(gold: str, predicted: str | None) -> bool:
    """A predicted name that shares a word (of three letters or more) with the gold one: the same entity named in
    another form ("Amazon.com" for "Amazon.com Inc."), not another one."""
    if predicted is None:
        return False
    gold_words = {word for name in speaker_names(gold) for word in name.split() if len(word) >= 3}
    return any(word in gold_words for name in speaker_names(predicted) for word in name.split())


def speaker_names(speaker: str) -> frozenset[str]:
    words = (name.split() for name in _SPEAKER_JOINS_RE.split(speaker.lower()))
    return frozenset(" ".join(w[1:] if len(w) > 1 and w[0] == "the" else w) for w in words if w)


def predict_all(text: str) -> list[Pred]:
    """Every attribution the finder returns, beliefs included."""
    return [
        {
            "source": a.source_span,
            "cue": a.cue_span,
            "content": a.content_span,
            "fragments": a.content_fragments,
            "source_text": a.source,
            "cue_text": a.cue,
            "content_text": a.content,
            "kind": a.kind,
            "speaker": a.speaker,
        }
        for a in find_attributions(text)
    ]


def predict_finder(text: str) -> list[Pred]:
    """What the finder reports as speech (kind "belief" left out, as the gold beliefs are)."""
    return [p for p in predict_all(text) if p["kind"] != "belief"]


def predict_beliefs(text: str) -> list[Pred]:
    """The finder's beliefs and intentions alone."""
    return [p for p in predict_all(text) if p["kind"] == "belief"]


# The baseline: any sentence holding said/told/according to; the word before the verb is the source.
_BASE_SENT_RE = re.compile(r"[^.!?\n]+[.!?]*")
_BASE_CUE_RE = re.compile(r"\b(?:said|says|told|according to)\b")


def predict_baseline(text: str) -> list[Pred]:
    out: list[Pred] = []
    for sm in _BASE_SENT_RE.finditer(text):
        cm = _BASE_CUE_RE.search(text, sm.start(), sm.end())
        if not cm:
            continue
        if cm.group() == "according to":
            wm = re.compile(r"\s*(\w+(?:\s+\w+)?)").match(text, cm.end(), sm.end())
        else:
            wm = re.compile(r"(\w+)\s*$").search(text, sm.start(), cm.start())
        src = (wm.start(1), wm.end(1)) if wm else None
        out.append({"source": src, "cue": (cm.start(), cm.end()), "content": (sm.start(), sm.end())})
    return out


# The same articles in other writing conventions, character for character (so the gold offsets hold): a finder that
# learnt its articles' conventions instead of news writing's scores lower on these than on the text as written. A
# rewrite takes a gold document and gives its text rewritten and how a gold speaker's name reads in it.
Renaming = tuple[str, Callable[[str], str]]
Rewrite = Callable[[dict], Renaming]


def _in_text(change: Callable[[str], str]) -> Rewrite:
    """A rewrite of the text alone: every speaker's name reads as before."""
    return lambda doc: (change(doc["text"]), lambda speaker: speaker)


# Names of the same length in other naming traditions, given names and surnames apart, by length (code points): West
# African, Vietnamese, Arabic, Polish, Irish, Spanish double surnames, Chinese pinyin, with their diacritics, hyphens,
# apostrophes and spaces. A name the text already writes, in any case, is skipped: a replacement meets no word of it.
OTHER_CULTURES_GIVEN: tuple[str, ...] = (
    *("Thu", "Yaw", "Eun", "Kofi", "Minh", "Siân", "Lian", "Chidi", "Thanh", "Oisín", "Kwame", "Yusuf", "Ngozi"),
    *("Niamh", "Nnamdi", "Xiulan", "Tomasz", "Khalid", "Ifeoma", "Chinedu", "Mairéad", "Bartosz", "Fatimah"),
    *("Oluwole", "Wojciech", "Zhiqiang", "Mohammed", "Jadwiga", "Oluwaseun", "Abdulaziz", "Guadalupe"),
    *("Małgorzata", "Przemysław", "Chukwuemeka", "Nkechinyere"),
)
OTHER_CULTURES_SURNAMES: tuple[str, ...] = (
    *("Ng", "Vu", "Xu", "Ngo", "Sow", "Bah", "Ahn", "Tran", "Diop", "Zhou", "Ó Sé", "Nwosu", "Okoro", "Zhang"),
    *("Huynh", "Kowal", "Nguyen", "Mensah", "Wójcik", "Haddad", "Okafor", "Okonkwo", "Qureshi", "Nowicka"),
    *("Al-Amin", "Obi-Eze", "Ní Riain", "Al-Masri", "Kowalski", "Ogunbiyi", "Ó Briain", "Al-Rashid", "Zieliński"),
    *("Nwachukwu", "Mac Aodha", "Ní Bhriain", "Wiśniewska", "Ruiz Ortega", "Lewandowska", "García Lorca"),
    *("Szczepańska", "Ramírez Ortiz", "Grzegorzewski", "García Márquez", "Ó Súilleabháin", "Fernández Castro"),
    *("Brzęczyszczykiewicz", "Oyelaran-Oyeyinka", "Rodríguez Zapatero", "Ní Chonchúir Ó Dea"),
)
# Particles, apostrophes and initials: given names as initials or hyphenated, surnames with a particle in lower case.
PARTICLE_GIVEN: tuple[str, ...] = (
    *("J.", "T.", "J.R.", "A.J.", "Jo-Ann", "Jean-Luc", "Mary-Kate", "Anne-Marie", "Jean-Pierre", "Marie-Claire"),
    *("Jean-Baptiste", "Pierre-Olivier"),
)
PARTICLE_SURNAMES: tuple[str, ...] = (
    *("de Vos", "van Ek", "O'Neill", "D'Souza", "van Dam", "da Cruz", "van Dijk", "de Souza", "O'Reilly"),
    *("de la Paz", "O'Donovan", "von Hagen", "de la Cruz", "van Houten", "Di Stefano", "van den Berg"),
    *("van der Berg", "de la Fuente", "dos Santos Lima", "van der Linden", "ter Horst-Visser", "de los Ángeles"),
    *("van den Oudenhoven", "de la Torre y Ortega"),
)
# Titles inside a gold speaker's name ("Lord Curry", "Pope Clement VIII"), and the pronouns and titles of a gold source
# that say its speaker is a person.
_SPEAKER_TITLES = frozenset(["lord", "lady", "sir", "dame", "pope", "king", "queen", "prince", "princess"])
_PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "i"])
_PERSON_TITLE_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Sen|Senator|Rep|President|Lord|Lady|Sir|Gov)\b")
# Heads of descriptions of bodies, which a body's name may stand beside as a person's does ("security firm Vectra AI").
_BODY_NOUNS = frozenset(
    [
        *("organization", "organisation", "entity", "company", "firm", "group", "agency", "body", "nonprofit"),
        *("charity", "survey", "report", "study", "provider", "retailer", "outlet", "publication", "site"),
        *("website", "newspaper"),
    ]
)
# Lower-case words before a name that describe nothing: determiners and prepositions ("a string of Tory MPs").
_NOT_DESCRIPTIONS = frozenset(["the", "a", "an", "of", "from", "by", "at", "in", "for", "with", "and", "to", "on"])
# A word of a person's name that may be renamed: a capital, then letters with their hyphens and apostrophes, a lower
# case letter among them (not an initial, an acronym, a roman numeral).
_NAME_WORD_RE = re.compile(r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
_WORD_LETTERS_RE = re.compile(r"[^\W\d_]+")
# Pronouns after a name's mentions that say whose it is, and how far after each mention they are read.
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Ii]ts)\b")
PRONOUN_REACH = 150
# What stands before a word that opens a sentence, a line or a quotation (three characters are read).
_OPENED_RE = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[“\"‘'(]\s*)$")


def _name_word(word: str) -> bool:
    """A name's word: no initial, acronym ("MPs", "UMass") or roman numeral."""
    return bool(_NAME_WORD_RE.fullmatch(word)) and word[1:2].islower()


def _person_speakers(doc: dict, lower_words: set[str]) -> list[str]:
    """The gold speakers the annotators name as people, in the order they speak. Their words are names' (a capital, no
    acronym; titles and initials aside), and one of their sources says a person: a pronoun or a personal title; or,
    for a name of two to four words none of which the text writes in lower case (lower_words), not opening with
    "The": the surname alone ("Zabaleta said"), a description before it ("ILM supervisor John Knoll") or an
    apposition after it ("Jeff Miller, a city councilman") that is no body's, or he, she, his or her after it."""
    found: dict[str, bool] = {}
    for a in doc["attributions"]:
        source = ((a.get("source") or {}).get("text") or "").strip()
        for speaker in (a.get("speaker") or "").split("; "):
            words = speaker.split()
            if not words or found.get(speaker):
                continue
            names = [word for word in words if word.lower() not in _SPEAKER_TITLES and not _INITIALS_RE.fullmatch(word)]
            if not names or not all(_name_word(word) for word in names):
                found[speaker] = False
                continue
            told = source.lower() in _PERSON_PRONOUNS or (bool(_PERSON_TITLE_RE.search(source)) and words[-1] in source)
            plain = 2 <= len(words) <= 4 and words[0] != "The" and not any(w.lower() in lower_words for w in names)
            found[speaker] = told or (
                plain
                and (
                    source.split(",")[0].strip() == words[-1]
                    or _described(source, speaker)
                    or _pronouns_follow(doc["text"], words[-1])
                )
            )
    return [speaker for speaker, person in found.items() if person]


def _described(source: str, name: str) -> bool:
    """A description of a person goes with the name in its source: a lower-case word before it other than a
    determiner ("libertarian economist Tyler Cowen"), or an apposition after it naming no body ("William G. Gale, a
    senior fellow at …"; not "…, the nonprofit entity that …")."""
    before, found, after = source.partition(name)
    if not found or (after.split()[:1] and after.split()[0].islower()):
        return False  # "a recent Park Associates report": the name modifies a noun
    previous = before.split()[-1:]
    if previous and previous[0].isalpha() and previous[0].islower() and previous[0] not in _NOT_DESCRIPTIONS:
        return previous[0] not in _BODY_NOUNS
    apposition = after.removeprefix(",").split()[:4] if after.startswith(",") else []
    return bool(apposition) and not any(word.strip(",.").lower() in _BODY_NOUNS for word in apposition)


def _pronouns_follow(text: str, surname: str) -> bool:
    """He, she, his, her or him follow the name's mentions more often than "its" does (a body's "Heise Online")."""
    votes = 0
    for mention in re.finditer(rf"\b{re.escape(surname)}\b", text):
        for pronoun in _PRONOUN_RE.findall(text, mention.end(), mention.end() + PRONOUN_REACH):
            votes += -1 if pronoun.lower() == "its" else 1
    return votes > 0


def _renaming(doc: dict, given_pool: tuple[str, ...], surname_pool: tuple[str, ...]) -> Renaming:
    """Every word of the gold speakers' names that are people's, wherever the text writes it capitalised (possessives
    too, "Dempsey's"), and in every gold speaker's name, replaced by a name of the same length from the pools: each
    word by one name throughout, in a fixed order from a place that depends on the document's name and the word. A
    word the text also writes in lower case ("Young", "Bill") keeps its spelling: its capital may be a sentence's."""
    text = doc["text"]
    lower_words = {word for word in _WORD_LETTERS_RE.findall(text) if word.islower()}
    written = {word.lower() for word in _WORD_LETTERS_RE.findall(text)}
    replacement: dict[str, str] = {}
    for speaker in _person_speakers(doc, lower_words):
        words = [word for word in speaker.split() if _name_word(word) and word.lower() not in _SPEAKER_TITLES]
        for at, word in enumerate(words):
            if word in replacement or word.lower() in lower_words:
                continue
            fitting = [
                name
                for name in (given_pool if at == 0 and len(words) > 1 else surname_pool)
                if len(name) == len(word)
                and name not in replacement.values()
                and not any(part.lower() in written for part in _WORD_LETTERS_RE.findall(name) if len(part) > 2)
            ]
            if fitting:
                replacement[word] = fitting[zlib.crc32(f"{doc['name']} {word}".encode()) % len(fitting)]
    if not replacement:
        return text, lambda speaker: speaker
    # a transcript's or a kicker's capitals ("ROSIE CURTS:") are the same name
    replacement |= {
        word.upper(): name.upper() for word, name in replacement.items() if len(word.upper()) == len(name.upper())
    }
    alternatives = "|".join(re.escape(word) for word in sorted(replacement, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])")

    def in_text(match: re.Match) -> str:
        name = replacement[match.group()]
        opens = _OPENED_RE.search(text[max(0, match.start() - 3) : match.start()])
        return name[:1].upper() + name[1:] if opens else name  # "Van der Berg said": a sentence's capital

    return pattern.sub(in_text, text), lambda speaker: pattern.sub(lambda match: replacement[match.group()], speaker)


REWRITES: dict[str, Rewrite] = {
    "as written": _in_text(lambda text: text),
    "straight marks": _in_text(lambda text: text.translate(str.maketrans("“”‘’", "\"\"''"))),
    "single outer marks": _in_text(lambda text: text.translate(str.maketrans("“”", "‘’"))),
    "straight single marks": _in_text(lambda text: text.translate(str.maketrans('“”"', "'''"))),
    "guillemets": _in_text(lambda text: text.translate(str.maketrans("“”", "«»"))),
    "present tense": _in_text(lambda text: re.sub(r"\b([Ss])aid\b", r"\1ays", text)),
    "names: other cultures": lambda doc: _renaming(doc, OTHER_CULTURES_GIVEN, OTHER_CULTURES_SURNAMES),
    "names: particles and initials": lambda doc: _renaming(doc, PARTICLE_GIVEN, PARTICLE_SURNAMES),
}
# The rewrites that rename people, which the gate holds to speaker accuracy too (tests/test_attributions_blind.py).
NAME_REWRITES: tuple[str, ...] = tuple(name for name in REWRITES if name.startswith("names:"))


def rewritten(doc: dict, rewrite: Rewrite) -> dict:
    """doc with its text rewritten (same length), every gold span's text read again from it, and every gold speaker's
    name as the rewrite renames it."""
    text, speaker_of = rewrite(doc)
    if len(text) != len(doc["text"]):
        raise ValueError("a rewrite must keep every offset")

    def again(span: dict | None) -> dict | None:
        return {**span, "text": text[span["start"] : span["end"]]} if span else None

    attributions = [
        {
            **a,
            **{part: again(a.get(part)) for part in ("source", "cue", "content")},
            "content_fragments": [again(f) for f in a.get("content_fragments") or []],
            "speaker": speaker_of(a["speaker"]) if a.get("speaker") else a.get("speaker"),
        }
        for a in doc["attributions"]
    ]
    return {**doc, "text": text, "attributions": attributions}


def _words(text: str) -> int:
    return max(1, len(text.split()))


def speed(docs: list[dict], predict: Callable[[str], Any], repeat: int = 3) -> dict[str, float]:
    """Median ms per 1000 words over the files, and ms/1000 words on one big synthetic text."""
    per = []
    for d in docs:
        t = d["text"]
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            predict(t)
            best = min(best, time.perf_counter() - t0)
        per.append(best * 1000 / (_words(t) / 1000))
    big = "\n\n".join(d["text"] for d in docs) if docs else "He said it."
    while len(big) < 1_000_000:
        big = big + "\n\n" + big
    big_s = float("inf")
    for _ in range(2):  # best of two: one run of a megabyte is at the mercy of a busy machine
        t0 = time.perf_counter()
        predict(big)
        big_s = min(big_s, time.perf_counter() - t0)
    return {
        "median_ms_per_kw": statistics.median(per) if per else 0.0,
        "big_chars": float(len(big)),
        "big_ms_per_kw": big_s * 1000 / (_words(big) / 1000),
    }


def _row(label: str, s: dict) -> str:
    a, q = s["all"], s["quoted"]
    return (
        f"{label:<22} {s['docs']:>4} {s['gold']:>5} {s['pred']:>5}  "
        f"{a['p']:.3f} {a['r']:.3f} {a['f1']:.3f}  {q['p']:.3f} {q['r']:.3f} {q['f1']:.3f}  "
        f"{s['source']:.3f} {s['cue']:.3f} {s['content']:.3f}  {s['speaker']:.3f} {s['speaker_precision']:.3f}"
    )


def _kind_row(label: str, s: dict) -> str:
    kinds = "  ".join(f"{k} {r:.3f} (of {n})" for k, (r, n) in s["kind_recall"].items())
    return (
        f"{label:<22} recall by gold kind: {kinds}; speaker null {s['speaker_null']:.3f}, wrong form "
        f"{s['speaker_form']:.3f}, other entity {s['speaker_other']:.3f}"
    )


def _print_errors(docs: list[dict], s: dict) -> None:
    for d in docs:
        e = s["errors"].get(d["name"])
        if not e or not (e["missed"] or e["spurious"] or e["wrong_speaker"]):
            continue
        text = d["text"]
        print(f"\n## {d['name']}")
        for g in e["missed"]:
            src = g["source"]["text"] if g["source"] else None
            print(f"  MISS [{g['kind']}] {src!r} | {g['cue']['text']!r} | {g['content']['text'][:110]!r}")
        for p in e["spurious"]:
            src = text[p["source"][0] : p["source"][1]] if p["source"] else None
            cue = text[p["cue"][0] : p["cue"][1]]
            con = text[p["content"][0] : p["content"][1]]
            print(f"  SPUR {src!r} | {cue!r} | {con[:110]!r}")
        for g, p in e["wrong_speaker"]:
            src = g["source"]["text"] if g["source"] else None
            found = text[p["source"][0] : p["source"][1]] if p["source"] else None
            print(
                f"  SPKR {src!r} | {g['cue']['text']!r}: gold {g['speaker']!r}, found {p.get('speaker')!r} ({found!r})"
            )


def _print_speaker_changes(docs: list[dict], rewrite: Rewrite) -> None:
    """Every gold speaker matched both as written and rewritten whose resolution turns right or wrong (tuning part
    only): the gold speaker, and what the finder resolved in each text."""
    for d in docs:
        after = rewritten(d, rewrite)
        before_errors = score([d], predict_finder)["errors"][d["name"]]
        after_errors = score([after], predict_finder)["errors"][after["name"]]
        resolved_before = {gi: p.get("speaker") for gi, p in _matched_speakers(d, before_errors)}
        lines = []
        for gi, p in _matched_speakers(after, after_errors):
            if gi not in resolved_before:
                continue
            gold = after["attributions"][gi]
            was = _same_speaker(d["attributions"][gi]["speaker"], resolved_before[gi])
            now = _same_speaker(gold["speaker"], p.get("speaker"))
            if was != now:
                source = gold["source"]["text"] if gold["source"] else None
                verdict = "LOST" if was else "GAINED"
                lines.append(
                    f"  {verdict} {source!r} | {gold['cue']['text']!r}: gold {gold['speaker']!r}, found"
                    f" {p.get('speaker')!r} (as written {resolved_before[gi]!r})"
                )
        if lines:
            print(f"\n## {d['name']}")
            print("\n".join(lines))


def _matched_speakers(doc: dict, errors: dict) -> list[tuple[int, Pred]]:
    """(gold index, prediction) of the matched pairs whose gold speaker is a name."""
    missed = {id(g) for g in errors["missed"]}
    preds = predict_finder(doc["text"])
    return [
        (gi, preds[pi])
        for gi, pi in errors["pairs"].items()
        if id(doc["attributions"][gi]) not in missed and doc["attributions"][gi].get("speaker")
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--errors", action="store_true", help="print misses, spurious finds and wrong speakers (tuning part only)"
    )
    ap.add_argument(
        "--set",
        choices=("dev", "blind", "paragraphs", "outside", "fundus", "bbc"),
        default="dev",
        help="our first set, the blind one, the blind paragraphs of pages (scored inside each paragraph), or the"
        " blind articles from outside the corpora (newspaper4k's texts: outside; fundus's publisher tests: fundus;"
        " the BBC News dataset and more: bbc)",
    )
    ap.add_argument(
        "--part",
        choices=("tuning", "held-out", "all"),
        help="score one part only (while developing: tuning, so no held-aside figure is printed)",
    )
    ap.add_argument(
        "--dir",
        type=Path,
        help="score a folder of annotated files instead of a set (a reviewer's fresh articles): all of it as one"
        " tuning part, none held aside, so --errors lists every article",
    )
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument(
        "--first-batch",
        action="store_true",
        help="blind set: only the first 90 articles (annotators A-C), for figures comparable with earlier ones",
    )
    ap.add_argument(
        "--rewrites",
        action="store_true",
        help="score the tuning part rewritten in other conventions (marks, tense, names) beside it as written",
    )
    ap.add_argument(
        "--speakers",
        metavar="REWRITE",
        choices=[name for name in REWRITES if name != "as written"],
        help="with --rewrites: list the tuning part's speakers that one rewrite turns right or wrong",
    )
    args = ap.parse_args(argv)
    sets = {"dev": DEV_DIR, "blind": BLIND_DIR, "outside": OUTSIDE_DIR, "fundus": FUNDUS_DIR, "bbc": BBC_DIR}
    if args.dir:
        every = load_dev(args.dir)
        aside = _nothing_aside
    else:
        every = load_paragraphs() if args.set == "paragraphs" else load_dev(sets[args.set])
        aside = {"dev": is_heldout, "paragraphs": is_paragraph_held_aside}.get(args.set, is_held_aside)
    if args.first_batch:
        every = [d for d in every if not str(d.get("annotator", "")).startswith(LATER_ANNOTATORS)]
    docs = every if args.set == "dev" and not args.dir else without_beliefs(every)
    tuning = [d for d in docs if not aside(d["name"])]
    held = [d for d in docs if aside(d["name"])]
    label = args.dir or f"{args.set} set"
    print(f"{label}: {len(docs)} files ({len(tuning)} tuning, {len(held)} held out)\n")
    if args.rewrites:
        print("(quoted columns count “”„«»‘ as marks: with straight single marks they miss most quotes)")
        for name, rewrite in REWRITES.items():
            print(_row(f"{name}", score([rewritten(d, rewrite) for d in tuning], predict_finder)))
        if args.speakers:
            _print_speaker_changes(tuning, REWRITES[args.speakers])
        return 0
    head = (
        f"{'part / system':<22} {'docs':>4} {'gold':>5} {'pred':>5}  "
        f"{'P':>5} {'R':>5} {'F1':>5}  {'qP':>5} {'qR':>5} {'qF1':>5}  {'src':>5} {'cue':>5} {'cont':>5}  "
        f"{'spkr':>5} {'spkP':>5}"
    )
    print(head)
    print("-" * len(head))
    results = {}
    parts = [("tuning", tuning), ("held-out", held), ("all", docs)] if held else [("tuning", tuning)]
    if args.part:
        parts = [(name, pd) for name, pd in parts if name == args.part]
    for part, pd in parts:
        for sysname, fn in (("finder", predict_finder), ("baseline", predict_baseline)):
            s = score(pd, fn)
            results[(part, sysname)] = s
            print(_row(f"{part} {sysname}", s))
    print()
    for part, _ in parts:
        print(_kind_row(f"{part} finder", results[(part, "finder")]))
    print()
    for part, _ in parts:
        spread = intervals(results[(part, "finder")]["per_doc"])
        shown = "  ".join(f"{name} {low:.3f}-{high:.3f}" for name, (low, high) in spread.items())
        print(f"{part + ' finder':<22} 95% interval over articles (bootstrap): {shown}")
    if args.set != "dev" or args.dir:
        print()
        for part, _ in parts:
            beliefs = [d for d in only_beliefs(every) if (aside(d["name"]) == (part == "held-out")) or part == "all"]
            s = score(beliefs, predict_beliefs)
            a = s["all"]
            counts = f"gold {s['gold']:>4} found {s['pred']:>4}"
            print(f"{part + ' beliefs':<22} {counts}  P {a['p']:.3f} R {a['r']:.3f} F1 {a['f1']:.3f}")
    print()
    if args.no_speed:
        if args.errors and ("tuning", "finder") in results:
            _print_errors(tuning, results[("tuning", "finder")])
        return 0
    sp_f = speed(docs, predict_finder)
    sp_b = speed(docs, predict_baseline)
    print(f"{'speed (ms / 1000 words)':<26} {'median file':>12} {'big text':>10}")
    print(f"{'finder':<26} {sp_f['median_ms_per_kw']:>12.3f} {sp_f['big_ms_per_kw']:>10.3f}")
    print(f"{'baseline':<26} {sp_b['median_ms_per_kw']:>12.3f} {sp_b['big_ms_per_kw']:>10.3f}")
    print(f"(big synthetic text: {int(sp_f['big_chars']):,} characters)")
    if args.errors and ("tuning", "finder") in results:
        _print_errors(tuning, results[("tuning", "finder")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
