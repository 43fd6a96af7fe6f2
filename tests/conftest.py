"""Shared fixtures: the Flask app, its client, and the paths of the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.attributions import Attribution
from server.config import Settings
from server.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RTP = SHARED / "corpora" / "readability-test-pages"
WCXB = SHARED / "corpora" / "wcxb-dev-articles"
SEEDS = SHARED / "seeds"
FAKEHOST = "http://fakehost/test/page.html"


def article_page(paragraphs: int = 6, extra: str = "", title: str = "Council approves the new budget") -> str:
    """A small but real-looking news page: enough text for extraction to find the article."""
    body = "".join(
        f"<p>Paragraph {i}: the city council met on Tuesday to debate the budget, and members said the plan "
        f"would fund schools, repair roads and hire more staff for the libraries across the district.</p>"
        for i in range(paragraphs)
    )
    return (
        f"<!doctype html><html lang='en'><head><title>{title} | City News</title></head><body>"
        f"<header><nav><a href='/'>Home</a><a href='/news'>News</a></nav></header>"
        f"<main><article><h1>{title}</h1>{body}{extra}</article></main>"
        f"<footer>Copyright City News</footer></body></html>"
    )


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def app(settings: Settings):
    app = create_app({"SETTINGS": settings})
    app.config.update(TESTING=True)
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def attribution_at(text: str, source: str, cue: str, content: str) -> Attribution:
    """One direct attribution whose source, cue and content are the first occurrences of those texts."""

    def span(part: str) -> tuple[int, int]:
        start = text.index(part)
        return (start, start + len(part))

    return Attribution(
        id="a1",
        speaker=source,
        source=source,
        cue=cue,
        content=content,
        kind="direct",
        key=True,
        rank=1,
        paragraph=0,
        source_span=span(source),
        cue_span=span(cue),
        content_span=span(content),
    )
