"""The declutter command line: clean, attributions, exit codes, one JSON line per input."""

from __future__ import annotations

import io
import json
import re
import subprocess
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
    assert capsys.readouterr().out.startswith("Council approves the new budget\n\nParagraph 0:")
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


# --- hostile input ----------------------------------------------------------------------------------------------

# C0 (tab and newline aside), DEL and C1 controls: what a terminal obeys. Bidi embeddings, overrides, isolates.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
HOSTILE_HEADLINE = "\u001b]0;pwned\u0007 Council \u009b31mapproves\u001b[0m the \u202ebudget\u202c \u2067now\u2069"


def test_an_endless_input_is_refused_and_the_rest_of_the_batch_still_runs(page_file, capsys):
    code = main(["clean", "/dev/zero", str(page_file), "--format", "json"])
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [line["file"] for line in lines] == ["/dev/zero", str(page_file)]
    assert lines[0]["error"] == {
        "code": "payload_too_large",
        "message": "the input is over the limit of 5242880 bytes (DECLUTTER_MAX_BODY_BYTES)",
    }
    assert lines[1]["title"] == "Council approves the new budget"
    assert "declutter: /dev/zero: the input is over the limit of 5242880 bytes" in err

    assert main(["clean", "/dev/zero", str(page_file), "--format", "text"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("Council approves the new budget\n\n") and "over the limit" in err


def test_the_input_cap_is_the_services_setting(tmp_path, page_file, monkeypatch, capsys):
    size = page_file.stat().st_size
    monkeypatch.setenv("DECLUTTER_MAX_BODY_BYTES", str(size))
    bigger = tmp_path / "bigger.html"
    bigger.write_bytes(page_file.read_bytes() + b" ")
    assert main(["clean", str(page_file), str(bigger), "--format", "json"]) == 1  # exactly the limit passes
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "title" in lines[0] and lines[1]["error"]["code"] == "payload_too_large"
    # The element cap is the service's too: clean() gets the settings.
    monkeypatch.setenv("DECLUTTER_MAX_BODY_BYTES", str(10 * size))
    monkeypatch.setenv("DECLUTTER_MAX_ELEMENTS", "5")
    assert main(["clean", str(page_file)]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "page_too_complex"


def test_an_endless_standard_input_is_refused(page_file):
    for command in (["clean", "-", "--format", "text"], ["attributions", "-"]):
        with open("/dev/zero", "rb") as zero:
            done = subprocess.run(
                [sys.executable, "-m", "server.cli", *command], stdin=zero, capture_output=True, timeout=120
            )
        assert done.returncode == 1, command
        assert b"declutter: -: the input is over the limit of 5242880 bytes" in done.stderr


def test_attributions_refuse_an_endless_input_and_go_on(tmp_path, capsys):
    one = tmp_path / "one.txt"
    one.write_text("“It works,” Jane Doe said.", encoding="utf-8")
    assert main(["attributions", "/dev/zero", str(one)]) == 1
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["error"]["code"] == "payload_too_large"
    assert lines[1]["attributions"][0]["speaker"] == "Jane Doe"
    assert "/dev/zero" in err


@pytest.fixture
def hostile_page(tmp_path):
    """Metadata full of controls: JSON-LD escapes, a raw C1 in a <meta>, character references."""
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": HOSTILE_HEADLINE,
            "author": {"name": "Ann\u0007 \u009dWriter\u202e"},
            "datePublished": "2026-11-03\u001b[2J",
            "image": "/img/lead\u001b]0;x\u0007 photo.jpg",
        }
    )
    page = (
        article_page(title="Council approves the new budget")
        .replace("lang='en'", "lang='en\u009b'")
        .replace(
            "<head>",
            f'<head><script type="application/ld+json">{ld}</script>'
            '<meta property="og:site_name" content="City\u0085News &#x1b;[5m">'
            '<meta property="og:description" content="The\tbudget \u009bpasses&#7; \u2066at last\u2069">',
        )
    )
    path = tmp_path / "hostile.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_controls_in_metadata_never_reach_the_output(hostile_page, capsys):
    assert main(["clean", str(hostile_page), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert not CONTROL_RE.search(out) and not BIDI_RE.search(out)  # JSON escapes them, if any are left
    result = json.loads(out)
    assert result["title"] == "]0;pwned Council 31mapproves[0m the budget now"
    assert result["byline"] == "Ann Writer"
    assert result["published"] == "2026-11-03[2J"
    assert result["site_name"] == "City News [5m"
    assert result["excerpt"] == "The budget passes at last"
    assert result["lang"] == "en"
    assert main(["clean", str(hostile_page), "--url", "https://example.com/a"]) == 0
    lead_image = json.loads(capsys.readouterr().out)["lead_image"]
    assert lead_image == "https://example.com/img/lead%1B]0;x%07%20photo.jpg"  # as a browser would send it
    for field in ("title", "byline", "published", "site_name", "lang", "dir", "lead_image", "excerpt"):
        value = result[field] or ""
        assert not CONTROL_RE.search(value) and not BIDI_RE.search(value), field

    for output_format in ("text", "html"):
        assert main(["clean", str(hostile_page), "--format", output_format, "--url", "https://example.com/a"]) == 0
        out = capsys.readouterr().out
        assert not CONTROL_RE.search(out), output_format
        assert "]0;pwned Council 31mapproves[0m the budget now" in out, output_format
    assert not BIDI_RE.search(out)


def test_the_json_lines_escape_what_a_terminal_or_a_line_splitter_would_act_on(tmp_path, capsys):
    # Article text keeps its characters (the JSON is lossless), but never raw: C1, bidi controls, U+2028.
    path = tmp_path / "page.html"
    path.write_text(article_page(extra="<p>C1 \u009b here, \u202eflipped\u202c, a\u2028line and\u2029more.</p>"))
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1
    assert not re.search("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", out)
    assert "\\u009b" in out and "\\u202e" in out


def test_attribution_text_lines_keep_their_six_fields(tmp_path, capsys):
    path = tmp_path / "quote.txt"
    path.write_text("“It\tworks\u001b[2J\nfine,” Jane\u202e Doe said.\n\nNothing here.", encoding="utf-8")
    assert main(["attributions", str(path), "--format", "text"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 1
    fields = lines[0].split("\t")
    assert len(fields) == 6
    assert fields[4] == "said"
    assert fields[5] == "“It works[2J fine,”"
    assert not CONTROL_RE.search(out) and not BIDI_RE.search(out)
    # JSON keeps the text exactly, so its spans still index the input.
    assert main(["attributions", str(path)]) == 0
    first = json.loads(capsys.readouterr().out)["attributions"][0]
    assert first["content"] == "“It\tworks\u001b[2J\nfine,”"


def test_a_file_over_the_time_cap_costs_only_its_own_result(tmp_path, page_file, monkeypatch, capsys):
    """The CLI runs the pipeline as the service does (server/watchdog.py): a slow page gets its error line."""
    slow = tmp_path / "slow.html"
    images = "".join(
        f'<img data-src="/i{i}.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' for i in range(60_000)
    )
    slow.write_text(article_page(extra=images), encoding="utf-8")
    monkeypatch.setenv("DECLUTTER_MAX_SECONDS", "0.3")
    assert main(["clean", str(slow), str(page_file)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["error"]["code"] == "page_too_complex"
    assert lines[1]["title"] == "Council approves the new budget"
