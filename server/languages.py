"""Language tags, read one way wherever the service needs a page's language (metadata's direction, the rule
groups written for one language)."""

from __future__ import annotations


def primary_language(lang: str | None) -> str | None:
    """A language tag's primary subtag, lowercased: "de" of "de-AT" or "de_AT"; None for none."""
    return lang.replace("_", "-").split("-")[0].lower() if lang else None
