"""clean() as a whole: the address check, the options, the caps and errors."""

from __future__ import annotations

import pytest

from server.errors import BadRequest, NoArticle, TooComplex
from server.pipeline import Options, check_url, clean, registrable_domain
from tests.conftest import article_page


def test_url_checks_and_registrable_domain():
    assert check_url("https://www.bbc.co.uk/news") == "www.bbc.co.uk"
    for bad in ("javascript:alert(1)", "/relative", "https://", "http://[::1", "x" * 3000):
        with pytest.raises(BadRequest):
            check_url(bad)
    assert registrable_domain("www.bbc.co.uk") == "bbc.co.uk"
    assert registrable_domain("edition.cnn.com") == "cnn.com"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"


def test_options_validation():
    assert Options.from_mapping({"attributions": False}).attributions is False
    with pytest.raises(BadRequest):
        Options.from_mapping({"bogus": True})


def test_clean_caps_and_errors():
    from server.config import Settings

    with pytest.raises(TooComplex):
        clean(article_page(), "https://example.com/", settings=Settings(max_elements=10))
    with pytest.raises(NoArticle):
        clean("<html><body><nav>Home</nav></body></html>", "https://example.com/")
