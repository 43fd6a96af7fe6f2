"""The page's own title: <title> with the site's name cut off, the last source of the headline."""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from ..rules.selectors import element_text
from .constants import TITLE_MIN_HEADLINE_WORDS, TITLE_SEPARATOR_RE

log = logging.getLogger(__name__)


def document_title(root: HtmlElement) -> str | None:
    """<title>'s text; of "Headline | Site", the headline when it is long enough to stand alone (Readability's
    rule)."""
    title = root.find(".//title")
    text = " ".join((element_text(title) if title is not None else "").split())
    if not text:
        return None
    parts = TITLE_SEPARATOR_RE.split(text)
    if len(parts) > 1 and len(parts[0].split()) >= TITLE_MIN_HEADLINE_WORDS:
        return parts[0]
    return text
