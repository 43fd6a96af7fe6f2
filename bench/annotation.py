"""Tools for the blind attribution set (tests/attributions/blind/): select articles, place drafts, check, agree.

The blind set is annotated before the finder ever sees it: nothing here calls the finder (importing
bench.attributions imports it, only for `score`). Rules and formats: tests/attributions/GUIDELINES.md.

    .venv/bin/python bench/annotation.py select [--count 90] [--dry-run]
    .venv/bin/python bench/annotation.py place DRAFT.json [DRAFT.json ...] [--out DIR]
    .venv/bin/python bench/annotation.py check [DIR ...]
    .venv/bin/python bench/annotation.py agree DIR_A DIR_B
    .venv/bin/python bench/annotation.py heldout [NAME ...]
    .venv/bin/python bench/annotation.py --articles tests/attributions/outside new NAME TEXT_FILE --origin ORIGIN

`--articles DIR` (before the command) works on another set of articles than blind/.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.attributions import is_held_aside, match_doc, score, speaker_names  # noqa: E402  (the finder is imported there, never called here)
from bench.corpora import CORPORA_DIR, RTP_DIR, WCXB_DIR, html_to_text  # noqa: E402

BLIND_DIR = ROOT / "tests" / "attributions" / "blind"
DEV_DIR = ROOT / "tests" / "attributions" / "dev"
TRAF_DIR = CORPORA_DIR / "trafilatura-eval-dev"
KINDS = ("direct", "mixed", "indirect", "belief")
SPEECH_KINDS = ("direct", "mixed", "indirect")

# ---------------------------------------------------------------------------------------------- select

# Counted, never parsed: the selection must not depend on the finder.
_STRONG_RE = re.compile(r"\b(?:said|says|told|according to)\b", re.I)
_REPORT_RE = re.compile(
    r"\b(?:said|says|told|according to|added|wrote|writes|explained|argued|claimed|insisted|warned|stated"
    r"|announced|noted|tweeted|testified|reported|urged)\b",
    re.I,
)
_QUOTE_RE = re.compile(r"[\"“”]")
_STOP_RE = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was)\b", re.I)
MAX_CHARS = 12_000
MIN_CHARS = 800
# Longer texts (up to this) are cut at the last paragraph break before MAX_CHARS ("truncated": true).
MAX_SOURCE_CHARS = 100_000
# Not news: fiction, reference pages, product round-ups, how-to guides, academic papers, tests of the parser.
_NOT_NEWS_RE = re.compile(
    r"royal-?road|archive-of-our-own|wiki|/best-|best-|how-to|/guides?/|guide|/docs?/|recipe|/product"
    r"|instructables|pmc\.ncbi|table-style-attributes|/resources/|/collection/|/insights/|/topics/"
    r"|checklist|pricing|calculator|/tips/|reddit\.com",
    re.I,
)
# Looked at by eye (title and first lines only): shop, course, service or tutorial pages that pass the counts.
_NOT_NEWS_NAMES = frozenset(
    {
        "wcxb-0026", "wcxb-0055", "wcxb-0122", "wcxb-0263", "wcxb-0299", "wcxb-0353", "wcxb-0361",
        "wcxb-0371", "wcxb-0406", "wcxb-0476", "wcxb-4067", "wcxb-4218", "wcxb-4444", "wcxb-4460",
        "wcxb-4605", "wcxb-4614", "wcxb-4668", "wcxb-4842", "wcxb-2381", "wcxb-0261", "wcxb-0352",
        "wcxb-0090", "traf-mercurynews.com.2023.01.16.letters-1119",
    }
)  # fmt: skip


def paragraphs_text(raw: str) -> str:
    """Lines with whitespace collapsed, empty ones dropped, joined by a blank line (how the dev RTP files were made)."""
    lines = (re.sub(r"\s+", " ", line).strip() for line in raw.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _cut(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_CHARS:
        return text, False
    out: list[str] = []
    n = 0
    for para in text.split("\n\n"):
        if n + len(para) + 2 > MAX_CHARS:
            break
        out.append(para)
        n += len(para) + 2
    return "\n\n".join(out), True


def _candidates() -> Iterator[dict]:
    """Every page of the three corpora as {name, origin, url, text, title}."""
    for folder in sorted(p for p in RTP_DIR.iterdir() if (p / "expected.html").is_file()):
        text = paragraphs_text(html_to_text((folder / "expected.html").read_text(encoding="utf-8")))
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        yield {
            "name": f"rtp-{folder.name}",
            "origin": f"readability-test-pages/{folder.name}/expected.html",
            "url": None,
            "title": meta.get("title"),
            "text": text,
        }
    for gt in sorted((WCXB_DIR / "ground-truth").glob("*.json")):
        doc = json.loads(gt.read_text(encoding="utf-8"))
        truth = doc.get("ground_truth") or {}
        yield {
            "name": f"wcxb-{gt.stem}",
            "origin": f"wcxb-dev-articles/ground-truth/{gt.name}",
            "url": doc.get("url"),
            "title": truth.get("title"),
            "text": truth.get("main_content") or "",
        }
    # The two named corpora hold too few news articles; trafilatura's English news pages fill the set.
    import trafilatura  # the venv pins trafilatura 2.3.1 (bench/runner.py uses it too)

    sources = json.loads((TRAF_DIR / "sources.json").read_text(encoding="utf-8"))
    for page in sorted((TRAF_DIR / "html").glob("*.html.gz")):
        pid = page.name.removesuffix(".html.gz")
        html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        raw = trafilatura.extract(html, favor_precision=True, include_comments=False, include_tables=False) or ""
        yield {
            "name": f"traf-{pid}",
            "origin": f"trafilatura-eval-dev/html/{page.name} (trafilatura 2.3.1 extract, favor_precision)",
            "url": (sources.get(pid) or {}).get("url"),
            "title": None,
            "text": paragraphs_text(raw),
        }


def _stats(text: str) -> dict[str, float]:
    words = max(1, len(text.split()))
    strong = len(_STRONG_RE.findall(text))
    return {
        "words": words,
        "strong": strong,
        "report": len(_REPORT_RE.findall(text)),
        "quotes": len(_QUOTE_RE.findall(text)),
        "english": len(_STOP_RE.findall(text)) / words,
        "density": 1000 * strong / words,  # said/told/according to per 1000 words
    }


def select(count: int, dry_run: bool = False) -> list[dict]:
    """The `count` pages with the densest reporting vocabulary among English news-like pages not in dev/."""
    taken = {p.stem for p in DEV_DIR.glob("*.json")}
    pool = []
    for c in _candidates():
        name = c["name"]
        if name in taken or name in _NOT_NEWS_NAMES or _NOT_NEWS_RE.search(f"{name} {c['url'] or ''}"):
            continue
        if len(c["text"]) > MAX_SOURCE_CHARS:
            continue
        text, truncated = _cut(c["text"])
        if len(text) < MIN_CHARS:
            continue
        s = _stats(text)
        # English, and some reporting vocabulary: at most 60 reporting words (about 40 attributions).
        if s["english"] < 0.15 or s["strong"] < 1 or not 2 <= s["report"] <= 60:
            continue
        # Tier 1: said/told twice and 3 reporting words or more (3-40 attributions, plausibly); tier 2 fills up.
        tier = 1 if s["strong"] >= 2 and s["report"] >= 3 else 2
        pool.append({**c, "text": text, "truncated": truncated, "stats": s, "tier": tier})
    # Quotation marks and said/told are what news has; density first, then the quote count.
    pool.sort(key=lambda c: (c["tier"], -(c["stats"]["density"] + min(c["stats"]["quotes"], 20) / 4), c["name"]))
    chosen = sorted(pool[:count], key=lambda c: c["name"])
    print(f"{len(pool)} candidates pass the counts; {len(chosen)} selected")
    for c in chosen:
        s = c["stats"]
        flag = " truncated" if c["truncated"] else ""
        print(
            f"  {c['name']:<48} {len(c['text']):>6} chars  said/told {s['strong']:>3}  reporting {s['report']:>3}"
            f"  quote marks {s['quotes']:>3}  tier {c['tier']}  {'HELD-ASIDE' if is_held_aside(c['name']) else 'dev'}"
            f"{flag}"
        )
    held = sum(is_held_aside(c["name"]) for c in chosen)
    by_origin: dict[str, int] = {}
    for c in chosen:
        by_origin[c["name"].split("-")[0]] = by_origin.get(c["name"].split("-")[0], 0) + 1
    tier1 = sum(c["tier"] == 1 for c in chosen)
    print(f"by corpus: {by_origin}; tier 1: {tier1}, tier 2: {len(chosen) - tier1}")
    print(f"held aside (sha1 % 3 == 0): {held}; development part: {len(chosen) - held}")
    if dry_run:
        return chosen
    BLIND_DIR.mkdir(parents=True, exist_ok=True)
    written = kept = 0
    for c in chosen:
        path = BLIND_DIR / f"{c['name']}.json"
        if path.exists() and json.loads(path.read_text(encoding="utf-8")).get("attributions"):
            kept += 1  # never overwrite annotations
            continue
        doc = {"name": c["name"], "origin": c["origin"], "url": c["url"], "text": c["text"], "attributions": []}
        if c["truncated"]:
            doc["truncated"] = True
        _write(path, doc)
        written += 1
    print(f"wrote {written} files to {BLIND_DIR.relative_to(ROOT)}/ ({kept} already annotated, kept)")
    return chosen


def _write(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------- place

# Typographic variants an annotator may type either way: a quote, an apostrophe, a dash, a run of spaces.
_EQUIV = {
    **dict.fromkeys('"“”„«»', '["“”„«»]'),
    **dict.fromkeys("'‘’`", "['‘’`]"),
    **dict.fromkeys("-–—", "[-–—]"),
}


def _pattern(s: str, whole_words: bool = False) -> re.Pattern[str]:
    """s with any whitespace run and quote/dash variant; with whole_words, not starting or ending inside a word."""
    s = s.strip()
    out = [r"(?<!\w)" if whole_words and s[:1].isalnum() else ""]
    for tok in re.findall(r"\s+|.", s, re.S):
        out.append(r"\s+" if tok.isspace() else _EQUIV.get(tok, re.escape(tok)))
    out.append(r"(?!\w)" if whole_words and s[-1:].isalnum() else "")
    return re.compile("".join(out))


class PlaceError(ValueError):
    """A draft span that is not in the text, or is there more than once."""


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def _para_index(bounds: list[tuple[int, int]], offset: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if offset < e or i == len(bounds) - 1:
            return i if offset >= s or i == 0 else i - 1
    return len(bounds) - 1


def _show(text: str, span: tuple[int, int], bounds: list[tuple[int, int]]) -> str:
    s, e = span
    ctx = text[max(0, s - 40) : s] + "[[" + text[s:e] + "]]" + text[e : e + 40]
    return f"paragraph {_para_index(bounds, s)}, offset {s}: ...{ctx.replace(chr(10), ' / ')}..."


def _spec(raw: Any, what: str) -> dict:
    if isinstance(raw, str):
        return {"text": raw}
    if isinstance(raw, dict) and isinstance(raw.get("text"), str) and raw["text"].strip():
        extra = set(raw) - {"text", "near", "after"}
        if extra:
            raise PlaceError(f"{what}: unknown keys {sorted(extra)} (allowed: text, near, after)")
        return raw
    raise PlaceError(f"{what}: expected a string or {{'text': ..., 'near'?: ..., 'after'?: ...}}, got {raw!r}")


def _locate(
    text: str,
    spec: dict,
    what: str,
    window: tuple[int, int],
    taken: list[tuple[int, int]],
    bounds: list[tuple[int, int]],
    first_only: bool = False,
) -> tuple[int, int]:
    """The one occurrence of spec['text'] the rules select (see GUIDELINES.md, "Draft format")."""
    lo, hi = (0, len(text)) if spec.get("near") or spec.get("after") else window
    nears: list[tuple[int, int]] = []
    if spec.get("near"):
        nears = [(m.start(), m.end()) for m in _pattern(spec["near"]).finditer(text)]
        if not nears:
            raise PlaceError(f"{what}: near text {spec['near']!r} is not in the article")
    after = re.compile(_pattern(spec["after"]).pattern + r"\s*\Z") if spec.get("after") else None

    def selected(whole_words: bool) -> list[tuple[int, int]]:
        spans = [(m.start(), m.end()) for m in _pattern(spec["text"], whole_words).finditer(text, lo, hi)]
        if nears:
            spans = [c for c in spans if any(n[0] <= c[0] and c[1] <= n[1] for n in nears)]
        if after is not None:
            spans = [c for c in spans if after.search(text, max(0, c[0] - 4 * len(spec["after"]) - 40), c[0])]
        return spans

    # Whole words when the text has them ("he" is not the end of "The"); texts made from pages glue a link to the
    # next word ("Madrigalreports"), and a span there is still the annotator's.
    cands = selected(whole_words=True) or selected(whole_words=False)
    cands = [c for c in cands if not any(c[0] < t[1] and t[0] < c[1] for t in taken)]
    if first_only and cands:
        cands = cands[:1]
    if len(cands) == 1:
        return cands[0]
    where = "the article" if (lo, hi) == (0, len(text)) else f"offsets {lo}-{hi}"
    if not cands:
        anywhere = [(m.start(), m.end()) for m in _pattern(spec["text"]).finditer(text)]
        hint = "".join(f"\n    elsewhere: {_show(text, c, bounds)}" for c in anywhere[:5])
        raise PlaceError(f"{what}: {spec['text']!r} not found in {where} (with the near/after given){hint}")
    listing = "".join(f"\n    {_show(text, c, bounds)}" for c in cands[:8])
    raise PlaceError(f"{what}: {spec['text']!r} occurs {len(cands)} times in {where}; add 'near' or 'after':{listing}")


def _locate_near(
    text: str,
    spec: dict,
    what: str,
    windows: list[tuple[int, int]],
    taken: list[tuple[int, int]],
    bounds: list[tuple[int, int]],
) -> tuple[int, int]:
    """The first window holding any free occurrence decides; there the occurrence must be unique."""
    if spec.get("near") or spec.get("after"):
        return _locate(text, spec, what, windows[-1], taken, bounds)
    for lo, hi in windows:
        hits = [(m.start(), m.end()) for m in _pattern(spec["text"]).finditer(text, lo, hi)]
        if any(not any(h[0] < t[1] and t[0] < h[1] for t in taken) for h in hits):
            return _locate(text, spec, what, (lo, hi), taken, bounds)
    return _locate(text, spec, what, windows[-1], taken, bounds)


def _place_one(text: str, a: dict, idx: int, bounds: list[tuple[int, int]]) -> dict:
    label = f"attribution {idx}"
    kind = a.get("kind")
    if kind not in KINDS:
        raise PlaceError(f"{label}: kind {kind!r} is not one of {KINDS}")
    frags_raw = a.get("content_fragments", a.get("content"))
    if isinstance(frags_raw, (str, dict)):
        frags_raw = [frags_raw]
    if not frags_raw:
        raise PlaceError(f"{label}: no content")
    frags: list[tuple[int, int]] = []
    for i, raw in enumerate(frags_raw):
        spec = _spec(raw, f"{label} content fragment {i}")
        if not frags:
            span = _locate(text, spec, f"{label} content fragment {i}", (0, len(text)), [], bounds)
        else:
            # A later fragment: the first occurrence after the previous one, within the next two paragraphs.
            prev_p = _para_index(bounds, frags[-1][1])
            hi = bounds[min(len(bounds) - 1, prev_p + 2)][1]
            win = (frags[-1][1], hi)
            if spec.get("near") or spec.get("after"):
                span = _locate(text, spec, f"{label} content fragment {i}", win, [], bounds)
                if span[0] < frags[-1][1]:
                    raise PlaceError(f"{label} content fragment {i}: placed before fragment {i - 1}")
            else:
                span = _locate(text, spec, f"{label} content fragment {i}", win, [], bounds, first_only=True)
        frags.append(span)
    p0 = _para_index(bounds, frags[0][0])
    p1 = _para_index(bounds, frags[-1][1] - 1)
    # Cue and source: in the content's own paragraphs if there at all, else one paragraph further each way.
    windows = [
        (bounds[p0][0], bounds[p1][1]),
        (bounds[max(0, p0 - 1)][0], bounds[min(len(bounds) - 1, p1 + 1)][1]),
    ]
    cue = _locate_near(text, _spec(a.get("cue"), f"{label} cue"), f"{label} cue", windows, frags, bounds)
    source = None
    if a.get("source") is not None:
        spec = _spec(a["source"], f"{label} source")
        source = _locate_near(text, spec, f"{label} source", windows, [*frags, cue], bounds)
    out: dict[str, Any] = {
        "speaker": a.get("speaker"),
        "kind": kind,
        "source": _span(text, source) if source else None,
        "cue": _span(text, cue),
        "content": _span(text, (frags[0][0], frags[-1][1])),
        "content_fragments": [_span(text, f) for f in frags],
    }
    if a.get("note"):
        out["note"] = a["note"]
    return out


def _span(text: str, span: tuple[int, int]) -> dict:
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}


def place(draft_path: Path, out_dir: Path, articles_dir: Path = BLIND_DIR) -> Path:
    """Turn one draft into offsets and write OUT_DIR/<name>.json (the article of ARTICLES_DIR plus its attributions)."""
    draft = json.loads(draft_path.read_text(encoding="utf-8"))
    name = draft.get("name") or draft_path.name.split(".")[0]
    article = json.loads((articles_dir / f"{name}.json").read_text(encoding="utf-8"))
    text = article["text"]
    bounds = _paragraph_bounds(text)
    errors = []
    placed = []
    for i, a in enumerate(draft.get("attributions") or []):
        try:
            placed.append(_place_one(text, a, i, bounds))
        except PlaceError as exc:
            errors.append(str(exc))
    if errors:
        raise PlaceError(
            f"{draft_path}: {len(errors)} attribution(s) not placed, nothing written\n  - " + "\n  - ".join(errors)
        )
    placed.sort(key=lambda a: (a["cue"]["start"], a["content"]["start"]))
    doc = {k: article[k] for k in ("name", "origin", "url", "text") if k in article}
    if article.get("truncated"):
        doc["truncated"] = True
    doc["annotator"] = draft.get("annotator")
    doc["attributions"] = placed
    problems = check_doc(doc, text)
    if problems:
        raise PlaceError(f"{draft_path}: placed but invalid, nothing written\n  - " + "\n  - ".join(problems))
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{name}.json"
    _write(out, doc)
    return out


def new_article(articles_dir: Path, name: str, text_file: Path, origin: str) -> Path:
    """Write ARTICLES_DIR/<name>.json from a plain-text copy of an article, not yet annotated."""
    path = articles_dir / f"{name}.json"
    if path.is_file() and json.loads(path.read_text(encoding="utf-8")).get("attributions"):
        raise PlaceError(f"{path} already has attributions: not overwritten")
    text = paragraphs_text(text_file.read_text(encoding="utf-8"))
    if len(text) < MIN_CHARS:
        raise PlaceError(f"{text_file}: {len(text)} characters, under the {MIN_CHARS} an article needs")
    text, truncated = _cut(text)
    doc: dict[str, Any] = {"name": name, "origin": origin, "url": None, "text": text}
    if truncated:
        doc["truncated"] = True
    doc["annotator"] = None
    doc["attributions"] = []
    articles_dir.mkdir(parents=True, exist_ok=True)
    _write(path, doc)
    return path


# ---------------------------------------------------------------------------------------------- check


def check_doc(doc: dict, article_text: str | None = None) -> list[str]:
    """Every problem of one annotated file, as messages (empty when valid)."""
    probs: list[str] = []
    text = doc.get("text")
    if not isinstance(text, str):
        return ["no text"]
    if article_text is not None and text != article_text:
        probs.append("text differs from the article in blind/")
    atts = doc.get("attributions")
    if not isinstance(atts, list):
        return [*probs, "attributions is not a list"]

    def span_ok(sp: Any, label: str) -> tuple[int, int] | None:
        if not isinstance(sp, dict) or not {"start", "end", "text"} <= set(sp):
            probs.append(f"{label}: not a {{start, end, text}} span")
            return None
        s, e = sp["start"], sp["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            probs.append(f"{label}: bad offsets {s}-{e}")
            return None
        if text[s:e] != sp["text"]:
            probs.append(f"{label}: text[{s}:{e}] is {text[s:e]!r}, not {sp['text']!r}")
        if text[s:e] != text[s:e].strip():
            probs.append(f"{label}: starts or ends with whitespace")
        return s, e

    cues = []
    for i, a in enumerate(atts):
        lab = f"attribution {i}"
        if a.get("kind") not in KINDS:
            probs.append(f"{lab}: kind {a.get('kind')!r} not in {KINDS}")
        if a.get("speaker") is not None and not isinstance(a.get("speaker"), str):
            probs.append(f"{lab}: speaker must be a string or null")
        cue = span_ok(a.get("cue"), f"{lab} cue")
        src = span_ok(a["source"], f"{lab} source") if a.get("source") is not None else None
        hull = span_ok(a.get("content"), f"{lab} content")
        frags_raw = a.get("content_fragments")
        if not isinstance(frags_raw, list) or not frags_raw:
            probs.append(f"{lab}: content_fragments missing or empty")
            continue
        frags = [span_ok(f, f"{lab} fragment {j}") for j, f in enumerate(frags_raw)]
        if None in frags or hull is None or cue is None:
            continue
        fr = [f for f in frags if f]
        for j in range(1, len(fr)):
            if fr[j][0] < fr[j - 1][1]:
                probs.append(f"{lab}: fragments {j - 1} and {j} out of order or overlapping")
        if hull != (fr[0][0], fr[-1][1]):
            probs.append(f"{lab}: content {hull} is not the hull of its fragments {(fr[0][0], fr[-1][1])}")
        for j, f in enumerate(fr):
            if "\n\n" in text[f[0] : f[1]]:
                probs.append(f"{lab} fragment {j}: crosses a paragraph break (one fragment per paragraph)")
            for other, olab in ((cue, "cue"), (src, "source")):
                if other and f[0] < other[1] and other[0] < f[1]:
                    probs.append(f"{lab} fragment {j}: overlaps the {olab}")
        if src and src[0] < cue[1] and cue[0] < src[1]:
            probs.append(f"{lab}: source overlaps cue")
        cues.append((cue, i))
    cues.sort()
    for (c1, i1), (c2, i2) in itertools.pairwise(cues):
        if c2[0] < c1[1]:
            probs.append(f"attributions {i1} and {i2}: cues overlap")
    return probs


def check(dirs: list[Path], articles_dir: Path = BLIND_DIR) -> int:
    bad = n = n_att = 0
    for d in dirs:
        for p in sorted(d.glob("*.json")):
            n += 1
            doc = json.loads(p.read_text(encoding="utf-8"))
            base = articles_dir / p.name
            article_text = None
            if d.resolve() != articles_dir.resolve() and base.is_file():
                article_text = json.loads(base.read_text(encoding="utf-8"))["text"]
            probs = check_doc(doc, article_text)
            if d.resolve() == articles_dir.resolve() and doc.get("name") != p.stem:
                probs.append(f"name {doc.get('name')!r} is not the file's stem")
            n_att += len(doc.get("attributions") or [])
            if probs:
                bad += 1
                print(f"{p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}:")
                for m in probs:
                    print(f"  {m}")
    print(f"checked {n} files, {n_att} attributions: {bad} with problems")
    return 1 if bad else 0


# ---------------------------------------------------------------------------------------------- agree


def _load_dir(d: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(d.glob("*.json"))}


def _as_pred(a: dict) -> dict:
    sp = a.get("source")
    return {
        "source": (sp["start"], sp["end"]) if sp else None,
        "cue": (a["cue"]["start"], a["cue"]["end"]),
        "content": (a["content"]["start"], a["content"]["end"]),
        "kind": a.get("kind"),
    }


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Two annotators name one speaker as the scorer compares a finder's with the gold (case, spacing, a leading "the"
    and the joins of several names aside), or both name none."""
    return (a is None) == (b is None) and (a is None or b is None or speaker_names(a) == speaker_names(b))


def agree(dir_a: Path, dir_b: Path) -> dict:
    """Pairwise agreement: A as gold, B as predictions, through bench.attributions.score (F1 is symmetric)."""
    a_docs, b_docs = _load_dir(dir_a), _load_dir(dir_b)
    shared = sorted(set(a_docs) & set(b_docs))
    print(f"{len(shared)} shared files: {', '.join(shared)}")
    results: dict[str, dict] = {}
    groups = {"speech (direct+mixed+indirect)": SPEECH_KINDS, **{k: (k,) for k in KINDS}, "all incl. belief": KINDS}
    print(f"\n{'kind':<32} {'A':>4} {'B':>4}  {'P':>5} {'R':>5} {'F1':>5}  {'quoted F1':>9}  src   cue   cont")
    for label, kinds in groups.items():
        gold_docs = []
        preds: dict[str, list[dict]] = {}
        for n in shared:
            text = a_docs[n]["text"]
            gold_docs.append(
                {"name": n, "text": text, "attributions": [x for x in a_docs[n]["attributions"] if x["kind"] in kinds]}
            )
            preds[text] = [_as_pred(x) for x in b_docs[n]["attributions"] if x["kind"] in kinds]
        s = score(gold_docs, lambda t, preds=preds: preds[t])
        results[label] = s
        a_, q = s["all"], s["quoted"]
        print(
            f"{label:<32} {s['gold']:>4} {s['pred']:>4}  {a_['p']:.3f} {a_['r']:.3f} {a_['f1']:.3f}  {q['f1']:>9.3f}"
            f"  {s['source']:.2f}  {s['cue']:.2f}  {s['content']:.2f}"
        )
    # Speaker and kind on the pairs that match, kinds ignored for the pairing (all attributions).
    same_speaker = same_kind = pairs = 0
    disagreements = []
    for n in shared:
        text = a_docs[n]["text"]
        ga, gb = a_docs[n]["attributions"], b_docs[n]["attributions"]
        gold = [{**x} for x in ga]
        res = match_doc(text, gold, [_as_pred(x) for x in gb])
        for gi, pi in res["matched"]:
            pairs += 1
            speakers_agree = _same_speaker(ga[gi].get("speaker"), gb[pi].get("speaker"))
            same_speaker += speakers_agree
            same_kind += ga[gi]["kind"] == gb[pi]["kind"]
            if not speakers_agree or ga[gi]["kind"] != gb[pi]["kind"]:
                disagreements.append(
                    f"  {n} @{ga[gi]['cue']['start']} {ga[gi]['cue']['text']!r}: speaker {ga[gi].get('speaker')!r}"
                    f" / {gb[pi].get('speaker')!r}, kind {ga[gi]['kind']} / {gb[pi]['kind']}"
                )
    print(f"\nmatched pairs (all kinds): {pairs}")
    if pairs:
        print(f"speaker agreement: {same_speaker}/{pairs} = {same_speaker / pairs:.3f}")
        print(f"kind agreement:    {same_kind}/{pairs} = {same_kind / pairs:.3f}")
    if disagreements:
        print("disagreements on matched pairs:")
        print("\n".join(disagreements))
    results["speaker_agreement"] = {"pairs": pairs, "same": same_speaker}
    return results


# ---------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--articles",
        type=Path,
        default=BLIND_DIR,
        help="the set's folder of articles (default blind/; outside/ for the articles from outside the corpora)",
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("select", help="choose the articles and write blind/<name>.json with no attributions")
    p.add_argument("--count", type=int, default=90)
    p.add_argument("--dry-run", action="store_true", help="list, write nothing")
    p = sub.add_parser("place", help="turn drafts (span texts) into annotated files (offsets)")
    p.add_argument("drafts", nargs="+", type=Path)
    p.add_argument("--out", type=Path, help="folder to write <name>.json into (default: --articles)")
    p = sub.add_parser("check", help="validate annotated files (default: blind/ and its annotator folders)")
    p.add_argument("dirs", nargs="*", type=Path)
    p = sub.add_parser("agree", help="agreement of two annotation folders on the files they share")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p = sub.add_parser("new", help="add an article (a plain-text copy) to --articles, not yet annotated")
    p.add_argument("name")
    p.add_argument("text_file", type=Path)
    p.add_argument("--origin", required=True, help="where the text comes from: repository@commit:path")
    p = sub.add_parser("heldout", help="which names are held aside (default: every blind file)")
    p.add_argument("names", nargs="*")
    args = ap.parse_args(argv)

    if args.cmd == "select":
        select(args.count, args.dry_run)
        return 0
    if args.cmd == "place":
        status = 0
        for d in args.drafts:
            try:
                out = place(d, args.out or args.articles, args.articles)
                n = len(json.loads(out.read_text(encoding="utf-8"))["attributions"])
                print(f"{d} -> {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({n} attributions)")
            except (PlaceError, OSError, ValueError) as exc:
                print(f"FAILED {exc}", file=sys.stderr)
                status = 1
        return status
    if args.cmd == "check":
        dirs = args.dirs or [args.articles, *sorted(p for p in (args.articles / "shared").glob("*") if p.is_dir())]
        return check(dirs, args.articles)
    if args.cmd == "agree":
        agree(args.a, args.b)
        return 0
    if args.cmd == "new":
        try:
            out = new_article(args.articles, args.name, args.text_file, args.origin)
        except (PlaceError, OSError, ValueError) as exc:
            print(f"FAILED {exc}", file=sys.stderr)
            return 1
        held = "held aside" if is_held_aside(args.name) else "tuning"
        print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({held})")
        return 0
    if args.cmd == "heldout":
        names = args.names or [p.stem for p in sorted(args.articles.glob("*.json"))]
        for n in names:
            print(f"{n}\t{'held-aside' if is_held_aside(n) else 'dev'}")
        if not args.names:
            print(f"{sum(map(is_held_aside, names))} held aside of {len(names)}")
        return 0
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
