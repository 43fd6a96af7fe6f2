"""Which site a host belongs to: its registrable domain (example.co.uk for news.example.co.uk), by a small rule
rather than the whole Public Suffix List on the hot path. The pipeline's `site` field and the structural rules'
same-site test (server/rules/structure.py) share it."""

from __future__ import annotations

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


def registrable_domain(host: str | None) -> str | None:
    """example.co.uk for news.example.co.uk, without the full Public Suffix List."""
    if not host:
        return None
    labels = host.lower().strip(".").split(".")
    if len(labels) <= 2 or labels[-1].isdigit():
        return ".".join(labels)
    keep = 3 if labels[-2] in SECOND_LEVEL_SUFFIXES and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])
