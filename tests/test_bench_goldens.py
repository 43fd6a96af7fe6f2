"""bench/goldens.py check --visible: an output whose HTML moved only in whitespace no reader sees is told from one
that moved otherwise."""

from __future__ import annotations

import json

import pytest

from bench.goldens import moved_fields, visible_markup


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # Between blocks: the indentation of the page's source.
        ("<div>\n  <p>One.</p>\n  <p>Two.</p>\n</div>", "<div><p>One.</p><p>Two.</p></div>"),
        # A run of whitespace shows as one space, however long.
        ("<p>One <em>two</em>\n\n   three.</p>", "<p>One <em>two</em> three.</p>"),
        # At a block's start or end a line starts or ends: a space beside it shows nowhere.
        ("<div><img src='a.jpg'> <div>b</div></div>", "<div><img src='a.jpg'><div>b</div></div>"),
        ("<article> <a href='/s'><h2>Title</h2></a></article>", "<article><a href='/s'><h2>Title</h2></a></article>"),
        (
            "<ul>\n<li>a</li>\n</ul>\n<table>\n<tr>\n<td>b</td>\n</tr>\n</table>",
            "<ul><li>a</li></ul><table><tr><td>b</td></tr></table>",
        ),
    ],
)
def test_whitespace_no_reader_sees_is_no_move(before: str, after: str) -> None:
    assert visible_markup(before) == visible_markup(after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # Between inline elements or text the space shows: "One two" is not "Onetwo".
        ("<p><span>One</span> <span>two</span></p>", "<p><span>One</span><span>two</span></p>"),
        ("<p><img src='a.jpg'> <b>Caption</b></p>", "<p><img src='a.jpg'><b>Caption</b></p>"),
        # In a <pre>, every space shows.
        ("<pre>a\n  b</pre>", "<pre>a\n b</pre>"),
        ("<pre><div>a</div>\n<div>b</div></pre>", "<pre><div>a</div><div>b</div></pre>"),
    ],
)
def test_whitespace_a_reader_sees_is_a_move(before: str, after: str) -> None:
    assert visible_markup(before) != visible_markup(after)


def test_moved_fields_name_what_moved_besides_invisible_whitespace() -> None:
    before = {"html": "<div>\n<p>Text.</p>\n</div>", "text": "Text.", "byline": "A. Writer"}
    assert moved_fields(json.dumps(before), json.dumps({**before, "html": "<div><p>Text.</p></div>"})) == []
    after = {**before, "html": "<div><p>Text.</p></div>", "byline": "A. Writer 1:39 PM"}
    assert moved_fields(json.dumps(before), json.dumps(after)) == ["byline"]
    assert moved_fields(json.dumps(before), json.dumps({**before, "html": "<div><p>Other.</p></div>"})) == ["html"]
