"""Score the attribution finder on the hand-annotated dev set (tests/attributions/dev/*.json).

Run: .venv/bin/python bench/attributions.py [--errors] [--set dev|blind] [--part tuning|held-out|all] [--no-speed]
    [--first-batch]
Prints P/R/F1 over all attributions and the quoted slice, per-component token-overlap F1, speaker accuracy (the
resolved name equals the gold name; a null speaker counts as wrong) and speaker precision (right among those
given a name), recall per gold kind, for the tuning part, the held-out part (dev: files whose name's sha1 ends in
0, 1 or 2; blind: sha1 divisible by 3) and all, plus speed, with a verb-list baseline side by side. On the blind
set beliefs are scored apart (gold beliefs against the finder's kind "belief"). While choosing between variants,
run with `--part tuning` so that no held-aside figure is printed. `score(gold_docs, predict)` is the one scoring
implementation (tests import it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT / "tests" / "attributions" / "dev"
# Annotated blind, by others than the finder's authors (tests/attributions/GUIDELINES.md).
BLIND_DIR = ROOT / "tests" / "attributions" / "blind"
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
    kind_gold: dict[str, int] = {}
    kind_found: dict[str, int] = {}
    errors: dict[str, dict] = {}
    n_docs = 0
    for doc in gold_docs:
        n_docs += 1
        text = doc["text"]
        gold = doc["attributions"]
        preds = predict(text)
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
                speakers_right += _same_speaker(gold[gi]["speaker"], preds[pi].get("speaker"))
        mg = {gi for gi, _ in res["matched"]}
        mp = {pi for _, pi in res["matched"]}
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
        "kind_recall": {k: (kind_found.get(k, 0) / n, n) for k, n in sorted(kind_gold.items())},
        "errors": errors,
    }


def _same_speaker(gold: str, predicted: str | None) -> bool:
    """The resolved name equals the gold name (case and spacing aside); several people are the same set of names
    whether joined by "; " (the blind set's guidelines) or "and" (the dev set's)."""
    return predicted is not None and _speaker_names(gold) == _speaker_names(predicted)


def _speaker_names(speaker: str) -> frozenset[str]:
    return frozenset(" ".join(name.split()) for name in _SPEAKER_JOINS_RE.split(speaker.lower()) if name.strip())


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
# learnt its articles' conventions instead of news writing's scores lower on these than on the text as written.
REWRITES: dict[str, Callable[[str], str]] = {
    "as written": lambda text: text,
    "straight marks": lambda text: text.translate(str.maketrans("“”‘’", "\"\"''")),
    "single outer marks": lambda text: text.translate(str.maketrans("“”", "‘’")),
    "straight single marks": lambda text: text.translate(str.maketrans('“”"', "'''")),
    "guillemets": lambda text: text.translate(str.maketrans("“”", "«»")),
    "present tense": lambda text: re.sub(r"\b([Ss])aid\b", r"\1ays", text),
}


def rewritten(doc: dict, rewrite: Callable[[str], str]) -> dict:
    """doc with its text rewritten (same length) and every gold span's text read again from it."""
    text = rewrite(doc["text"])
    if len(text) != len(doc["text"]):
        raise ValueError("a rewrite must keep every offset")

    def again(span: dict | None) -> dict | None:
        return {**span, "text": text[span["start"] : span["end"]]} if span else None

    attributions = [
        {
            **a,
            **{part: again(a.get(part)) for part in ("source", "cue", "content")},
            "content_fragments": [again(f) for f in a.get("content_fragments") or []],
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
    return f"{label:<22} recall by gold kind: {kinds}; speaker null {s['speaker_null']:.3f}"


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--errors", action="store_true", help="print misses, spurious finds and wrong speakers (tuning part only)"
    )
    ap.add_argument("--set", choices=("dev", "blind"), default="dev", help="our first set, or the blind one")
    ap.add_argument(
        "--part",
        choices=("tuning", "held-out", "all"),
        help="score one part only (while developing: tuning, so no held-aside figure is printed)",
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
        help="score the tuning part rewritten in other conventions (quotation marks, tense) beside it as written",
    )
    args = ap.parse_args(argv)
    every = load_dev(BLIND_DIR if args.set == "blind" else DEV_DIR)
    if args.first_batch:
        every = [d for d in every if not str(d.get("annotator", "")).startswith(LATER_ANNOTATORS)]
    aside = is_held_aside if args.set == "blind" else is_heldout
    docs = without_beliefs(every) if args.set == "blind" else every
    tuning = [d for d in docs if not aside(d["name"])]
    held = [d for d in docs if aside(d["name"])]
    print(f"{args.set} set: {len(docs)} files ({len(tuning)} tuning, {len(held)} held out)\n")
    if args.rewrites:
        print("(quoted columns count “”„«»‘ as marks: with straight single marks they miss most quotes)")
        for name, rewrite in REWRITES.items():
            print(_row(f"{name}", score([rewritten(d, rewrite) for d in tuning], predict_finder)))
        return 0
    head = (
        f"{'part / system':<22} {'docs':>4} {'gold':>5} {'pred':>5}  "
        f"{'P':>5} {'R':>5} {'F1':>5}  {'qP':>5} {'qR':>5} {'qF1':>5}  {'src':>5} {'cue':>5} {'cont':>5}  "
        f"{'spkr':>5} {'spkP':>5}"
    )
    print(head)
    print("-" * len(head))
    results = {}
    parts = [("tuning", tuning), ("held-out", held), ("all", docs)]
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
    if args.set == "blind":
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
