"""Every metadata value's last step: text without controls or stray whitespace, the lead image's address made
absolute and safe to hand on."""

from __future__ import annotations

import logging
import unicodedata
from urllib.parse import quote, urljoin

from .constants import CONTROL_CODE_POINTS, URL_UNSAFE_RE, WEB_URL_PREFIXES

log = logging.getLogger(__name__)

# str.translate's table: the whitespace controls become a space (they separate words), the rest go.
_CONTROLS = {code: " " if chr(code).isspace() else None for code in CONTROL_CODE_POINTS}


def clean_text(value: str | None) -> str | None:
    """A metadata text value's last step: controls out, whitespace runs to one space, trimmed, composed (NFC, as
    the article's text is)."""
    if not value:
        return None
    text = " ".join(str(value).translate(_CONTROLS).split())
    return unicodedata.normalize("NFC", text) if text else None


def absolute_url(value: str | None, base: str | None) -> str | None:
    """The address resolved against the page's, when it is a web address; spaces and controls percent-encoded,
    as a browser would send them, so that none reaches a terminal or a page raw."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        absolute = urljoin(base, value) if base else value
    except ValueError:
        return None
    if not absolute.startswith(WEB_URL_PREFIXES):
        return None
    return URL_UNSAFE_RE.sub(lambda match: quote(match.group()), absolute)
