"""Which site a host belongs to: its registrable domain (example.co.uk for news.example.co.uk), by a small rule
rather than the whole Public Suffix List on the hot path. The pipeline's `site` field and the structural rules'
same-site test (server/rules/structure.py) share it, and extraction's test of links to other sites
(server/extract/cleaning.py) reads links as that test does (link_host)."""

from __future__ import annotations

from urllib.parse import urlsplit

# The schemes of a link to a web page; '' is a path or a protocol-relative address ('//host/...').
_WEB_SCHEMES = ("", "http", "https")

# Second-level labels under which registrations happen (example.co.uk), for the `site` field without
# shipping the whole Public Suffix List on the hot path.
SECOND_LEVEL_SUFFIXES = frozenset(
    {
        "co",
        "com",
        "net",
        "org",
        "gov",
        "ac",
        "edu",
        "ne",
        "or",
        "go",
        "gob",
        "nic",
        "mil",
        "ltd",
        "plc",
        "sch",
        "nhs",
        "police",
        "asn",
        "id",
        "info",
        "biz",
        "press",
        "tv",
        "web",
        "me",
    }
)

# The hosts of AMP caches, which serve a copy of another site's page (example-com.cdn.ampproject.org): the page's own
# address is its canonical one.
AMP_CACHE_HOST_SUFFIXES = (".cdn.ampproject.org",)


def is_amp_cache(host: str | None) -> bool:
    """Whether the host is an AMP cache's, serving a copy of another site's page."""
    return bool(host) and host.lower().rstrip(".").endswith(AMP_CACHE_HOST_SUFFIXES)


def registrable_domain(host: str | None) -> str | None:
    """example.co.uk for news.example.co.uk, without the full Public Suffix List."""
    if not host:
        return None
    labels = host.lower().strip(".").split(".")
    if len(labels) <= 2 or labels[-1].isdigit():
        return ".".join(labels)
    keep = 3 if labels[-2] in SECOND_LEVEL_SUFFIXES and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def link_host(href: str) -> str | None:
    """The host a link leads to: '' for a page of this site by its path ('/politik/...', 'story.html', '?p=2'), the
    host of an http(s) or protocol-relative address ('//cdn.example.org/x'), None for no web page (javascript:,
    mailto:, a malformed address)."""
    try:
        parts = urlsplit(href.strip())
        target = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES:
        return None
    if not parts.netloc:
        return ""
    return target or None


def is_other_site(href: str, host: str | None) -> bool:
    """Whether a link leads to a page of another site than the host's (its registrable domain differs): never a
    path, nor anything when the host is unknown."""
    target = link_host(href) if host else None
    return bool(target) and registrable_domain(target) != registrable_domain(host)
