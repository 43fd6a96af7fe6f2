"""The reading page for people: the HTTP layer and the CLI render a clean() result as a standalone HTML page, or as
Markdown (the JSON view needs no rendering). Not a pipeline stage: clean() stops at the sanitized result."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..markdown import escape_line_start, escape_text, fragment_to_markdown, join_blocks, link
from ..pipeline import CleanResult, Options

_TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))

# What POST /clean and `declutter clean` answer in, with the media type of each; JSON (first) is the default.
RESPONSE_FORMATS = {"json": "application/json", "html": "text/html", "markdown": "text/markdown"}

# The Markdown "Who said what" list shows this much of each statement: the article above holds it whole.
QUOTE_PREVIEW_CHARS = 140
# The reading page's panel opens on at most this many key speakers; the others wait behind a toggle.
PANEL_KEY_SPEAKERS = 5

# How a removal category reads in "Removed: 3 newsletter forms, 1 membership prompt".
CATEGORY_LABELS = {
    "paywall": ("membership prompt", "membership prompts"),
    "newsletter": ("newsletter form", "newsletter forms"),
    "feed": ("news feed", "news feeds"),
    "related": ("related list", "related lists"),
    "social": ("share bar", "share bars"),
    "comments": ("comment section", "comment sections"),
    "consent": ("consent banner", "consent banners"),
    "ads": ("ad", "ads"),
    "hidden": ("hidden element", "hidden elements"),
    "other": ("other block", "other blocks"),
}


@cache
def stylesheet() -> str:
    return (_TEMPLATES / "reader.css").read_text(encoding="utf-8")


@cache
def index_script() -> str:
    return (_TEMPLATES / "index.js").read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@cache
def content_security_policy() -> str:
    """No scripts at all; only our own inline stylesheet (by hash); images from the web or inline (data:)."""
    return (
        f"default-src 'none'; style-src 'sha256-{_sha256(stylesheet())}'; img-src http: https: data:; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


@cache
def index_content_security_policy() -> str:
    """The reading page's policy, plus the index page's own script (by hash), which may post to the service."""
    return f"{content_security_policy()}; script-src 'sha256-{_sha256(index_script())}'; connect-src 'self'"


def render_page(result: CleanResult) -> str:
    """The complete reading page for one result."""
    return _ENV.get_template("reader.html").render(
        r=result,
        css=Markup(stylesheet()),
        article_html=Markup(result.html),  # already sanitized by nh3
        speakers=panel_groups(result),
        removed=removal_summary(result.removed),
    )


def render_markdown(result: CleanResult) -> str:
    """The article as Markdown: title, byline and date on top, the article, then who said what (plain text)."""
    facts = [result.site_name or result.site, (result.published or "")[:10], f"{result.reading_minutes} min read"]
    header = [_markdown_line(line) for line in (result.byline or "", " · ".join(filter(None, facts)))]
    if result.url:
        header.append(link(f"Read the original at {result.site or result.url}", result.url))
    title = escape_text(" ".join((result.title or "Untitled article").split()))
    blocks = [("text", f"# {title}"), ("text", "\\\n".join(line for line in header if line))]
    body = fragment_to_markdown(result.html)
    first, _, rest = body.partition("\n\n")
    if first.startswith("#") and first.lstrip("#").strip() == title:  # the article's own headline, said above
        body = rest
    if body:
        blocks.append(("text", body))
    speakers = speaker_groups(result.attributions)
    if speakers:
        items = []
        for speaker, quotes in speakers:
            items.append(f"- {_markdown_line(speaker)}")
            items.extend(f"  - {_markdown_line(_preview(item['cue'] + ': ' + item['content']))}" for item in quotes)
        blocks += [("text", "## Who said what"), ("list-", "\n".join(items))]
    return join_blocks(blocks) + "\n"


def _markdown_line(text: str) -> str:
    """Text as one line of Markdown that reads as itself."""
    return escape_line_start(escape_text(" ".join(text.split())))


def _preview(text: str) -> str:
    """The text cut at a word boundary to QUOTE_PREVIEW_CHARS, marked with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= QUOTE_PREVIEW_CHARS:
        return text
    return text[:QUOTE_PREVIEW_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def render_index() -> str:
    return _ENV.get_template("index.html").render(
        css=Markup(stylesheet()), script=Markup(index_script()), options=Options.switches()
    )


def speaker_groups(attributions: list[dict]) -> list[tuple[str, list[dict]]]:
    """Statements grouped by resolved speaker, beliefs left out: the key speakers first (a named speaker with a key
    statement), those with most statements first, then the best-ranked; each group's statements in text order."""
    groups: dict[str, list[dict]] = {}
    names: dict[str, str] = {}  # one group for "The report" and "the report": the name as first written
    for item in attributions:
        if item.get("kind") == "belief":
            continue  # what someone believes is not what they said
        speaker = " ".join((item.get("speaker") or item.get("source") or "Unattributed").split())
        name = names.setdefault(speaker.casefold(), speaker)
        groups.setdefault(name, []).append(item)

    def order(group: tuple[str, list[dict]]) -> tuple[bool, int, int]:
        items = group[1]
        best = min((item["rank"] for item in items if item.get("rank") is not None), default=1 << 30)
        return (not _is_key(items), -len(items), best)

    return sorted(groups.items(), key=order)


def _is_key(items: list[dict]) -> bool:
    return any(item.get("key") for item in items)


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """One speaker in the reading page's panel: the name, and each statement with its content's words."""

    name: str
    items: list[dict]
    key: bool


def panel_groups(result: CleanResult) -> tuple[list[SpeakerGroup], list[SpeakerGroup]]:
    """The panel's open part (at most PANEL_KEY_SPEAKERS key speakers) and what waits behind its toggle. A
    statement's words are its content's fragments joined ('"X," she said. "Y."' reads "X," … "Y.")."""
    groups = []
    for name, items in speaker_groups(result.attributions):
        shown = [{**item, "words": _statement_words(result.text, item)} for item in items]
        groups.append(SpeakerGroup(name, shown, _is_key(items)))
    key = [group for group in groups if group.key][:PANEL_KEY_SPEAKERS]
    return key, [group for group in groups if group not in key]


def _statement_words(text: str, item: dict) -> str:
    fragments = item.get("content_fragments") or [item["content_span"]]
    if text and all(0 <= start <= end <= len(text) for start, end in fragments):
        return " … ".join(" ".join(text[start:end].split()) for start, end in fragments)
    return " ".join(item["content"].split())


def removal_summary(removed: list[dict]) -> str:
    counts = Counter()
    for item in removed:
        if not item.get("refused"):
            counts[item["category"]] += item["count"]
    parts = []
    for category, count in counts.most_common():
        one, many = CATEGORY_LABELS.get(category, (category, category))
        parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)
