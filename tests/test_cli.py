"""The declutter command line: clean, attributions, exit codes, one JSON line per input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from server.cli import main
from tests.conftest import FAKEHOST, RTP, article_page


@pytest.fixture
def page_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(), encoding="utf-8")
    return path


def test_clean_json_lines_in_input_order_with_errors_kept(tmp_path, page_file, capsys):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>x</nav></body></html>")
    code = main(
        [
            "clean",
            str(page_file),
            str(tmp_path / "missing.html"),
            str(empty),
            str(page_file),
            "--url",
            "https://example.com/a",
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [line["file"] for line in lines] == [
        str(page_file),
        str(tmp_path / "missing.html"),
        str(empty),
        str(page_file),
    ]
    assert lines[0]["title"] == "Council approves the new budget"
    assert lines[1]["error"]["code"] == "unreadable_file"
    assert lines[2]["error"]["code"] == "no_article"
    assert lines[3]["word_count"] == lines[0]["word_count"]
    assert "missing.html" in err


def test_clean_text_and_html_formats(page_file, capsys):
    assert main(["clean", str(page_file), "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("Council approves the new budget\n\nCouncil approves")
    assert main(["clean", str(page_file), "--format", "html", "--url", "https://example.com/a"]) == 0
    assert "<!doctype html>" in capsys.readouterr().out


def test_clean_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_page().encode())))
    assert main(["clean", "-", "--format", "text"]) == 0
    assert "Paragraph 1" in capsys.readouterr().out


def test_clean_bad_url_is_a_clear_error(page_file, capsys):
    assert main(["clean", str(page_file), "--url", "javascript:alert(1)"]) == 1
    assert "url must be an absolute http or https address" in capsys.readouterr().err


def test_clean_a_real_corpus_page(capsys):
    assert main(["clean", str(RTP / "bbc-1" / "source.html"), "--url", FAKEHOST]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "Obama" in result["title"] and result["word_count"] > 300


def test_attributions_command(tmp_path, capsys):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("“It works,” Jane Doe said.\n\nNothing here.", encoding="utf-8")
    two.write_text("The minister told reporters that talks had failed.", encoding="utf-8")
    assert main(["attributions", str(one), str(tmp_path / "nope.txt"), str(two)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(one), str(tmp_path / "nope.txt"), str(two)]
    first = lines[0]["attributions"][0]
    start, end = first["content_span"]
    assert one.read_text(encoding="utf-8")[start:end] == "“It works,”"
    assert "error" in lines[1]
    assert main(["attributions", str(one), "--format", "text"]) == 0
    assert "Jane Doe\tsaid" in capsys.readouterr().out


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "usage: declutter" in capsys.readouterr().err
