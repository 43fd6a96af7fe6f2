"""Extraction metrics, exactly as defined in /work/shared/docs/references.md §1, plus images and metadata.

All functions are pure (strings and numbers in, numbers out); the corpus loaders and runners live elsewhere.

- Shingle F1 (scrapinghub article-extraction-benchmark): tokens are `\\w+` matches (case kept); a text's
  4-token shingles are counted as a multiset (a text of fewer than 4 tokens is one shorter shingle). Per page,
  TP = shared shingles, FP = extracted-only, FN = expected-only, then TP/FP/FN are divided by their sum so
  every page weighs the same. Per-page precision is averaged over pages with TP+FP>0 (an empty extraction
  does not count for precision), recall over pages with TP+FN>0; F1 is the harmonic mean of the two averages.
  A page with FP = FN = 0 scores precision = recall = 1.
- Snippet F1 (WCXB with/without, trafilatura's evaluation pages): the output's whitespace is collapsed to single
  spaces (the snippet's too); a `with` snippet found in it (case-sensitive substring) is a TP, a missing one a FN;
  a `without` snippet found is a FP. Counts are summed over the corpus, then P = TP/(TP+FP), R = TP/(TP+FN), F1
  harmonic mean. For WCXB both sides are first folded by `fold_typography` (curly and low quotes and primes to
  straight ones, every dash and the minus sign to `-` with the spaces around it dropped, `…` to `...`, zero-width
  characters and soft hyphens removed; non-breaking and other Unicode spaces collapse with the rest), because its
  snippets often write a page's `’` as `'`: unfolded, an exact copy of the article as the page writes it missed
  one `with` snippet in ten. The trafilatura pages are scored as upstream scores them: whitespace collapsed only.
- Word F1 (WCXB): lowercased `\\w+` tokens as multisets; per page P, R, F1 against main_content; the corpus
  figure is the mean of the per-page F1. Both empty: 1; one empty: 0.
- Images kept (RTP): the share of expected.html's img elements found in the output HTML. An expected image's
  URL is its src (else first srcset URL, else data-src), resolved against the page URL; it is found when an
  output img (src, srcset URLs, data-src, resolved) has the same full URL or the same basename (last path
  segment, query ignored; data: URIs match only by full URL). Expected images without any URL are not counted.
  The corpus figure pools images over pages (kept / expected); per-page shares guide work.
- Metadata agreement, per field (title, byline, published, lang, dir), over pages whose expected value is
  non-empty: a page agrees when the output is equal after Unicode NFKC, whitespace collapsing, trimming and
  case-folding. For `published`, the first YYYY-MM-DD found in each value is compared (the date as written,
  no time-zone conversion); when the expected value has no such date, the normalised strings are compared.
  A missing output value disagrees. The figure is agreeing pages / pages with an expected value.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

# Word F1 and whitespace collapsing have one definition, shared with `declutter rules check`; part of this table.
from server.textmetrics import normalise_space, word_f1  # noqa: F401

_TOKEN_RE = re.compile(r"\w+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
SHINGLE_N = 4
METADATA_FIELDS = ("title", "byline", "published", "lang", "dir")


# --- shingle F1 -------------------------------------------------------------------------------------------


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of a text; fewer than n tokens give one shorter shingle."""
    tokens = _TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_counts(expected: str, extracted: str, n: int = SHINGLE_N) -> tuple[float, float, float]:
    """One page's (TP, FP, FN) over shingles, normalised to sum to 1 (all zero when both texts are empty)."""
    true, pred = shingles(expected, n), shingles(extracted, n)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def shingle_f1(counts: Sequence[tuple[float, float, float]]) -> PRF:
    """Corpus precision/recall/F1 from per-page normalised (TP, FP, FN), scrapinghub's averaging."""
    ps = [_page_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return PRF(p, r, harmonic(p, r))


def page_shingle_f1(tp: float, fp: float, fn: float) -> float:
    """One page's shingle F1 (for ranking the worst pages; an empty extraction scores 0)."""
    return harmonic(_page_precision(tp, fp, fn), _page_recall(tp, fp, fn)) if tp + fp + fn else 1.0


# --- snippets ---------------------------------------------------------------------------------------------


# Typography folded for WCXB snippets: quotes and primes, dashes and minus, ellipsis, invisible characters.
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u2026": "...",
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    }
)
_DASH_SPACES_RE = re.compile(r" ?- ?")


def fold_typography(text: str | None) -> str:
    """Text with quotes, dashes, ellipses and spaces written one way, whitespace collapsed (WCXB snippets)."""
    return _DASH_SPACES_RE.sub("-", normalise_space((text or "").translate(_TYPOGRAPHY)))


def snippet_counts(
    output: str,
    with_snippets: Iterable[str],
    without_snippets: Iterable[str],
    fold: Callable[[str | None], str] = normalise_space,
) -> tuple[int, int, int]:
    """One page's (TP, FP, FN) for with/without snippets against the output, both sides normalised by `fold`
    (whitespace collapsed by default; `fold_typography` for WCXB)."""
    text = fold(output)
    found = [fold(s) in text for s in with_snippets if fold(s)]
    tp = sum(found)
    fn = len(found) - tp
    fp = sum(fold(s) in text for s in without_snippets if fold(s))
    return tp, fp, fn


def snippet_f1(counts: Iterable[tuple[int, int, int]]) -> PRF:
    """Corpus precision/recall/F1 from per-page snippet counts summed over the corpus."""
    tp = fp = fn = 0
    for a, b, c in counts:
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return PRF(p, r, harmonic(p, r))


def page_snippet_f1(tp: int, fp: int, fn: int) -> float:
    """One page's snippet F1 (for ranking the worst pages)."""
    return snippet_f1([(tp, fp, fn)]).f1 if tp + fp + fn else 1.0


def mean(values: Iterable[float]) -> float:
    vals = list(values)
    return sum(vals) / len(vals) if vals else 0.0


# --- images -----------------------------------------------------------------------------------------------


def _img_urls(el: etree._Element, base: str, first_only: bool) -> list[str]:
    """An img element's URLs, resolved against the page URL: src, then srcset URLs, then data-src."""
    urls = []
    src = (el.get("src") or "").strip()
    if src:
        urls.append(src)
    srcset = el.get("srcset") or ""
    urls += [part.strip().split()[0] for part in srcset.split(",") if part.strip()]
    data_src = (el.get("data-src") or "").strip()
    if data_src:
        urls.append(data_src)
    resolved = [u if u.startswith("data:") else urljoin(base, u) for u in urls]
    return resolved[:1] if first_only else resolved


def image_basename(url: str) -> str:
    """The last path segment of a URL (query and fragment ignored); empty for data: URIs and bare folders."""
    if url.startswith("data:"):
        return ""
    return urlsplit(url).path.rsplit("/", 1)[-1]


def image_urls(fragment: str, base: str, first_only: bool = False) -> list[str]:
    """URLs of the img elements of an HTML fragment (one per element when first_only)."""
    if not fragment or not fragment.strip():
        return []
    try:
        root = lxml_html.fromstring(fragment)
    except (ValueError, etree.ParserError):
        return []
    out = []
    for el in root.iter("img"):
        out += _img_urls(el, base, first_only)
    return out


def images_kept(expected_html: str, output_html: str, base: str) -> tuple[int, int]:
    """(kept, expected) images of expected.html found in the output, by full URL or basename."""
    expected = image_urls(expected_html, base, first_only=True)
    got = image_urls(output_html, base)
    got_urls = set(got)
    got_names = {image_basename(u) for u in got} - {""}
    kept = sum(1 for u in expected if u in got_urls or (image_basename(u) and image_basename(u) in got_names))
    return kept, len(expected)


# --- metadata ---------------------------------------------------------------------------------------------


def normalise_meta(value: str | None) -> str:
    """NFKC, whitespace collapsed and trimmed, case-folded."""
    return normalise_space(unicodedata.normalize("NFKC", value or "")).casefold()


def metadata_agrees(field: str, expected: str | None, got: str | None) -> bool | None:
    """Whether an output value agrees with the expected one; None when there is no expected value."""
    want = normalise_meta(expected)
    if not want:
        return None
    have = normalise_meta(got)
    if field == "published":
        want_date = _DATE_RE.search(want)
        if want_date:
            have_date = _DATE_RE.search(have)
            return bool(have_date) and have_date.group(0) == want_date.group(0)
    return want == have


def agreement(results: Iterable[bool | None]) -> tuple[int, int]:
    """(agreeing, counted) over pages, ignoring pages without an expected value."""
    counted = [r for r in results if r is not None]
    return sum(counted), len(counted)
