"""clean(html, url, options): the whole reading-view pipeline as a list of named stages, no Flask needed."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlsplit

from lxml import etree

from .attributions import Attribution, find_attributions
from .config import RULES_DIR, Settings
from .decode import decode_to_utf8
from .domains import is_amp_cache, registrable_domain
from .errors import BadRequest, NoArticle, TooComplex
from .extract import extract
from .highlight import highlight
from .limits import Deadline
from .metadata import read_metadata
from .parse import parse
from .plaintext import to_plain_text
from .rules.declutter import declutter
from .rules.draft import compile_drafts, reading_rule
from .rules.ruleset import RuleSet, load_rules
from .rules.selectors import index_page
from .rules.structure import site_address
from .sanitize import sanitize
from .tidy import tidy

# Average adult silent reading speed for non-fiction, in words per minute (Brysbaert 2019: ~238).
WORDS_PER_MINUTE = 238

# Minimum words for the extracted article to count as readable; below that the answer is 422.
MIN_ARTICLE_WORDS = 20


log = logging.getLogger(__name__)

MAX_URL_CHARS = 2048
RULE_SCHEMA = RULES_DIR / "schema.json"  # what a draft rule is validated against, as a shipped rule is
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    """What a caller may switch per request."""

    attributions: bool = True  # find and highlight who said what
    site_rules: bool = True  # apply the site's own rule file
    generic_rules: bool = True  # apply the generic layer
    # Rules sent with this request only (POST /clean's draft_rules, rules/draft.py): applied first, never stored.
    draft_rules: tuple[dict, ...] = field(default=(), metadata={"switch": False})

    @classmethod
    def switches(cls) -> list[str]:
        """The options a caller switches in `options` (draft_rules come in a field of their own)."""
        return [f.name for f in fields(cls) if f.metadata.get("switch", True)]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> Options:
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise BadRequest("options must be an object")
        known = set(cls.switches())
        unknown = sorted(set(data) - known)
        if unknown:
            raise BadRequest(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for key, value in data.items():
            if not isinstance(value, bool):
                raise BadRequest(f"option {key} must be true or false")
        return cls(**data)


@dataclass
class CleanResult:
    url: str | None
    site: str | None
    title: str | None
    byline: str | None
    published: str | None
    site_name: str | None
    lang: str | None
    dir: str | None
    lead_image: str | None
    excerpt: str | None
    html: str
    text: str
    word_count: int
    reading_minutes: int
    removed: list[dict] = field(default_factory=list)
    rules_applied: list[str] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        # Shallow: its lists already hold plain dicts, so asdict's deep copy buys nothing.
        return dict(vars(self))


@cache
def default_rules() -> RuleSet:
    """The rules shipped in rules/, loaded and compiled once per process."""
    return load_rules(RULES_DIR)


def clean(
    page: str | bytes,
    url: str | None = None,
    options: Options | Mapping[str, Any] | None = None,
    *,
    rules: RuleSet | None = None,
    settings: Settings | None = None,
) -> CleanResult:
    """Turn a rendered page into a clean, sanitized reading view."""
    options = options if isinstance(options, Options) else Options.from_mapping(options)
    settings = settings or Settings()
    rules = rules if rules is not None else default_rules()
    host = check_url(url)
    timings: dict[str, float] = {}
    deadline = Deadline(settings.max_seconds)

    def stage(name: str, fn: Callable[..., T], *args: Any) -> T:
        started = time.perf_counter()
        result = fn(*args)
        timings[name] = round((time.perf_counter() - started) * 1000, 2)
        deadline.check()
        return result

    drafts = options.draft_rules and stage("drafts", compile_drafts, options.draft_rules, host, RULE_SCHEMA, deadline)
    data = stage("decode", decode_to_utf8, page)
    root = stage("parse", parse, data)
    _check_size(root, settings.max_elements)
    site_rule = rules.for_host(host) if options.site_rules else None
    applied = [*drafts, *([site_rule] if site_rule else []), *(rules.generic if options.generic_rules else [])]
    page_rule = reading_rule(drafts, site_rule)  # the drafts' content, title... selectors first
    index = index_page(root)  # what the page holds, each part gathered once, when a stage first asks
    metadata = stage("metadata", read_metadata, root, url, page_rule, deadline, index)
    # The page's own address: its URL, else (none given, or an AMP cache's copy) its canonical address, read before
    # declutter strips the <link>s; its host tells links to other sites, its path a story's photo pages.
    canonical = site_address(root) if url is None or is_amp_cache(host) else None
    page_address = canonical or url
    page_host = urlsplit(canonical).hostname if canonical else host
    removals = stage(
        "declutter", declutter, root, applied, deadline, metadata.lang, index, options.generic_rules, page_host
    )
    content = page_rule.content if page_rule else ()
    article = stage("extract", extract, root, page_address, content, deadline, metadata.title, page_host)
    stage("tidy", tidy, article, url, deadline)
    plain = stage("plaintext", to_plain_text, article)
    # A photo story is readable with few words; a page of navigation is not.
    if plain.word_count < MIN_ARTICLE_WORDS and not _HAS_IMAGE(article):
        raise NoArticle(
            f"no readable article found: the page's main text has {plain.word_count} words "
            f"(at least {MIN_ARTICLE_WORDS} are needed)"
        )
    attributions = stage("attributions", find_attributions, plain.text, deadline) if options.attributions else []
    stage("highlight", highlight, plain, attributions, deadline)
    fragment = stage("sanitize", sanitize, article)
    timings["total"] = round(sum(timings.values()), 2)
    words = plain.word_count
    return CleanResult(
        url=url,
        site=registrable_domain(host),
        html=fragment,
        text=plain.text,
        word_count=words,
        reading_minutes=max(1, round(words / WORDS_PER_MINUTE)),
        removed=[r.to_dict() for r in removals],
        rules_applied=[r.path for r in applied],
        attributions=[a.to_dict() for a in attributions],
        timings_ms=timings,
        **metadata.to_dict(),
    )


def find_attributions_capped(text: str, settings: Settings | None = None) -> list[Attribution]:
    """The attribution finder alone (POST /attributions, `declutter attributions`), under clean()'s time cap."""
    return find_attributions(text, Deadline((settings or Settings()).max_seconds))


def check_url(url: str | None) -> str | None:
    """Validate the page address (metadata only: it is never fetched) and return its host."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise BadRequest("url must be a string")
    if len(url) > MAX_URL_CHARS:
        raise BadRequest(f"url is {len(url)} characters long; at most {MAX_URL_CHARS} are accepted")
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError as exc:
        raise BadRequest(f"url is malformed: {exc}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise BadRequest("url must be an absolute http or https address")
    return host


_COUNT_ELEMENTS = etree.XPath("count(//*)")
_HAS_IMAGE = etree.XPath("boolean(descendant-or-self::img[@src])")


def _check_size(root: etree._Element, max_elements: int) -> None:
    # Counting the tree in C (~7 ns an element) costs less than counting the text's '<' (~0.4 ns a character,
    # some 70 characters an element) did to rule most pages out before it.
    count = int(_COUNT_ELEMENTS(root))
    if count > max_elements:
        raise TooComplex(f"the page has {count} elements; at most {max_elements} are processed")
