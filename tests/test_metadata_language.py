"""Language and text direction (server/metadata/language.py)."""

from __future__ import annotations

from server.metadata import read_metadata
from server.parse import parse


def test_text_direction_from_the_paragraphs_else_the_page():
    def direction(page: str) -> str | None:
        return read_metadata(parse(page), None).dir

    assert direction("<html><body><p>x</p></body></html>") is None
    assert direction("<html lang='ar'><body><p>x</p></body></html>") == "rtl"
    assert direction("<html dir='RTL'><body><p>x</p></body></html>") == "rtl"
    assert direction("<html><body dir='rtl'><div dir='ltr'><p>longer text</p></div><p>x</p></body></html>") == "ltr"
