"""Loaders for the three development corpora, read in place from ../shared/corpora (never copied).

- readability-test-pages (RTP): 130 folders `<slug>/{source.html, expected.html, expected-metadata.json}`; pages
  are fetched as if from `http://fakehost/test/page.html`. Only the 122 `readerable: true` pages count for
  shingle F1, images and metadata; all 130 run for crash checks and speed.
- wcxb-dev-articles (WCXB): `html/NNNN.html.gz` and `ground-truth/NNNN.json` (url, main_content, with, without,
  title, author, publish_date).
- trafilatura-eval-dev (TRAF): 500 pages of trafilatura's evaluation set (about half German), `html/<id>.html.gz`,
  `expectations.json` ({id.html: {with, without}}) and `sources.json` ({id.html: {url}}; 23 give no address but
  `hard::<file>` or a typo: url None).

Each page belongs to the tuning part or the held-out part: held out when the sha1 hex digest of its folder or file
name (`nytimes-1`, `0001`) ends in 0, 1 or 2 (about one in five). Tune on the first, report the second.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from lxml import etree
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
# The corpora live next to the project (../shared), shared by every checkout.
CORPORA_DIR = ROOT.parent / "shared" / "corpora"
RTP_DIR = CORPORA_DIR / "readability-test-pages"
WCXB_DIR = CORPORA_DIR / "wcxb-dev-articles"
TRAF_DIR = CORPORA_DIR / "trafilatura-eval-dev"
# Upstream Readability's harness resolves every test page against this fake URL.
RTP_BASE_URL = "http://fakehost/test/page.html"

Corpus = Literal["rtp", "wcxb", "traf"]
CORPORA: tuple[Corpus, ...] = ("rtp", "wcxb", "traf")
# Block-level tags after which a newline is inserted, so adjacent blocks do not glue words together.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav"),
        *("ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"),
    }
)


def is_heldout(name: str) -> bool:
    """Held out from tuning: the sha1 hex digest of the page's folder or file name ends in 0, 1 or 2."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[-1] in "012"


@dataclass(frozen=True)
class Page:
    """One corpus page: where its input lives and what a correct extraction looks like (loaded lazily)."""

    corpus: Corpus
    name: str
    url: str | None  # None when the corpus does not know it (two WCXB pages): clean() then runs without one
    source: Path
    heldout: bool
    readerable: bool = True  # RTP's isProbablyReaderable verdict; every WCXB and TRAF page counts
    # Expected metadata per field (title, byline, published, lang, dir); None where the corpus has no value.
    metadata: dict[str, str | None] = field(default_factory=dict)
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    expected_path: Path | None = None  # RTP: expected.html; WCXB: the ground-truth json
    _main_content: str | None = None  # WCXB: the article as plain text

    @property
    def split(self) -> str:
        return "heldout" if self.heldout else "tuning"

    def read_bytes(self) -> bytes:
        """The page as captured (gzip is undone for WCXB and TRAF)."""
        data = self.source.read_bytes()
        return gzip.decompress(data) if self.source.suffix == ".gz" else data

    def expected_html(self) -> str | None:
        """RTP only: the article Readability.js is expected to return."""
        if self.corpus != "rtp" or self.expected_path is None:
            return None
        return self.expected_path.read_text(encoding="utf-8")

    def expected_text(self) -> str:
        """The reference article text: expected.html's text (RTP) or main_content (WCXB); TRAF has none."""
        if self.corpus != "rtp":
            return self._main_content or ""
        return html_to_text(self.expected_html() or "")


def html_to_text(fragment: str | bytes) -> str:
    """lxml text_content of an HTML fragment, with a newline after each block element (so words of adjacent
    blocks stay apart); script/style/template text is dropped."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml_html.fromstring(fragment)
    except (ValueError, etree.ParserError):
        return ""
    for el in list(root.iter("script", "style", "template", "noscript")):
        if el.getparent() is not None:
            el.drop_tree()  # drop_tree keeps the element's tail text
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


@cache
def rtp_pages() -> tuple[Page, ...]:
    """All 130 readability test pages, sorted by slug."""
    pages = []
    for folder in sorted(p for p in RTP_DIR.iterdir() if (p / "source.html").is_file()):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        pages.append(
            Page(
                corpus="rtp",
                name=folder.name,
                url=RTP_BASE_URL,
                source=folder / "source.html",
                heldout=is_heldout(folder.name),
                readerable=bool(meta.get("readerable")),
                metadata={
                    "title": meta.get("title"),
                    "byline": meta.get("byline"),
                    "published": meta.get("publishedTime"),
                    "lang": meta.get("lang"),
                    "dir": meta.get("dir"),
                },
                expected_path=folder / "expected.html",
            )
        )
    return tuple(pages)


@cache
def wcxb_pages() -> tuple[Page, ...]:
    """All 793 WCXB article pages, sorted by file id."""
    pages = []
    for gt_path in sorted((WCXB_DIR / "ground-truth").glob("*.json")):
        name = gt_path.stem
        doc = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = doc.get("ground_truth", {})
        pages.append(
            Page(
                corpus="wcxb",
                name=name,
                url=doc.get("url") or None,
                source=WCXB_DIR / "html" / f"{name}.html.gz",
                heldout=is_heldout(name),
                metadata={
                    "title": gt.get("title"),
                    "byline": gt.get("author"),
                    "published": gt.get("publish_date"),
                },
                with_snippets=tuple(gt.get("with") or ()),
                without_snippets=tuple(gt.get("without") or ()),
                expected_path=gt_path,
                _main_content=gt.get("main_content") or "",
            )
        )
    return tuple(pages)


@cache
def traf_pages() -> tuple[Page, ...]:
    """All 500 trafilatura evaluation pages, sorted by id (the name is the id without `.html`)."""
    expectations = json.loads((TRAF_DIR / "expectations.json").read_text(encoding="utf-8"))
    sources = json.loads((TRAF_DIR / "sources.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(expectations):
        name = key.removesuffix(".html")
        pages.append(
            Page(
                corpus="traf",
                name=name,
                url=url if (url := (sources.get(key) or {}).get("url") or "").startswith("http") else None,
                source=TRAF_DIR / "html" / f"{key}.gz",
                heldout=is_heldout(name),
                with_snippets=tuple(s for s in expectations[key].get("with") or () if s),
                without_snippets=tuple(s for s in expectations[key].get("without") or () if s),
            )
        )
    return tuple(pages)


def pages(corpus: Corpus) -> tuple[Page, ...]:
    """The pages of one corpus by its short name."""
    if corpus == "rtp":
        return rtp_pages()
    if corpus == "wcxb":
        return wcxb_pages()
    if corpus == "traf":
        return traf_pages()
    raise ValueError(f"unknown corpus {corpus!r}; known: {', '.join(CORPORA)}")


def page(corpus: Corpus, name: str) -> Page:
    """One page by corpus and name (worker processes look pages up by key instead of pickling them)."""
    return _by_name(corpus)[name]


@cache
def _by_name(corpus: Corpus) -> dict[str, Page]:
    return {p.name: p for p in pages(corpus)}


def split(items: tuple[Page, ...], part: str) -> Iterator[Page]:
    """The pages of one part: 'tuning', 'heldout' or 'all'."""
    return (p for p in items if part == "all" or p.split == part)
