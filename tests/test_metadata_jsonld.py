"""JSON-LD (server/metadata/jsonld.py): the article node's fields, authors given by reference."""

from __future__ import annotations

from server.metadata import Metadata, read_metadata
from server.parse import parse


def metadata(body: str, head: str = "", url: str | None = "https://news.example/a") -> Metadata:
    page = f"<html><head><title>A headline of some words</title>{head}</head><body>{body}</body></html>"
    return read_metadata(parse(page), url)


def test_jsonld_authors_given_by_id_are_looked_up_in_the_graph():
    jsonld = (
        "<script type='application/ld+json'>{\"@graph\": ["
        '{"@type": "Article", "headline": "H", "author": {"@id": "https://s.example/#/person/1"}},'
        '{"@type": "Person", "@id": "https://s.example/#/person/1", "name": "Nirmita Panchal"}]}</script>'
    )
    assert metadata("<p>x</p>", head=jsonld + "<meta name='author' content='np_user'>").byline == "Nirmita Panchal"
