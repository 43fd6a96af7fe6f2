"""Word tables of the generic layer (rules/generic/words.yaml, `tables:`): one list serves the rules that name it
('{table:photo_labels}') and the code that reads it (server/rules/constants.py), validated as rule files are."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.config import RULES_DIR
from server.errors import BadRequest, RuleError
from server.pipeline import Options, clean
from server.rules.constants import CREDIT_LABELS, joined_word_tables, word_table
from server.rules.ruleset import load_rule_file

WORDS = RULES_DIR / "generic" / "words.yaml"
STORY = " ".join(
    f"Sentence {i} of the story tells the council's plan for the harbour and its roads." for i in range(10)
)
URL = "https://news.example.com/2026/12/05/harbour"


def _generic_file(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "rules" / "generic"
    folder.mkdir(parents=True)
    (tmp_path / "rules" / "schema.json").write_text((RULES_DIR / "schema.json").read_text(encoding="utf-8"))
    path = folder / "words.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_caption_pass_reads_the_table_the_credit_line_rule_names() -> None:
    assert joined_word_tables("photo_labels", "source_labels") == CREDIT_LABELS
    assert CREDIT_LABELS["de"][-1] == "quelle" and CREDIT_LABELS["en"] == word_table("photo_labels", WORDS)["en"]
    sources = [selector.source for group in load_rule_file(WORDS).strip_groups for selector in group.selectors]
    assert not any("{table:" in source for source in sources)  # every reference is expanded when the file loads
    expanded = next(source for source in sources if "beitragsbild" in source)
    for words in CREDIT_LABELS.values():
        for word in words:
            assert word.replace(".", "\\.") in expanded


@pytest.mark.parametrize("label", sorted({word for words in CREDIT_LABELS.values() for word in words}))
def test_every_label_strips_a_credit_line_and_cuts_a_captions_credit(label: str) -> None:
    title = label[:1].upper() + label[1:]
    page = (
        f"<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>{STORY}</p>"
        f"<figure><img src='/a.jpg'><figcaption>The harbour at dawn. {title}: Agentur Nordbild</figcaption></figure>"
        f"<p>{STORY}</p><p><span>{title}: Hafenamt Kiel</span></p><p>{STORY}</p></article></body></html>"
    )
    text = clean(page, URL, Options(attributions=False)).text
    assert "The harbour at dawn." in text
    assert "Agentur Nordbild" not in text and "Hafenamt Kiel" not in text


def test_a_table_is_validated_as_rule_data(tmp_path: Path) -> None:
    path = _generic_file(tmp_path, "name: Words\ntables:\n  credit_labels:\n    english: [photo]\n")
    with pytest.raises(RuleError, match=r"words\.yaml: tables/credit_labels: 'english' does not match"):
        word_table("credit_labels", path)
    path.write_text("name: Words\ntables:\n  credit_labels:\n    en: []\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"tables/credit_labels/en: \[\] should be non-empty"):
        word_table("credit_labels", path)
    path.write_text("name: Words\ntables:\n  other: {en: [x]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"words\.yaml: tables: no word table 'credit_labels'"):
        word_table("credit_labels", path)


def test_a_selector_naming_a_table_the_file_lacks_is_refused(tmp_path: Path) -> None:
    body = (
        "name: Words\nstrip:\n  - category: other\n    max_words: 6\n"
        "    selectors: ['span:has-text(/^({table:credits}):/i)']\n"
    )
    with pytest.raises(RuleError, match=r"no word table 'credits' in this file's tables \(none\)"):
        load_rule_file(_generic_file(tmp_path, body))


@pytest.mark.parametrize("name", ["T", "x2", "credit-labels", ""])
def test_a_table_name_of_any_spelling_the_file_lacks_is_refused_not_left_literal(tmp_path: Path, name: str) -> None:
    body = (
        "name: Words\ntables:\n  credit_labels: {en: [photo]}\nstrip:\n  - category: other\n    max_words: 6\n"
        f"    selectors: ['span:has-text(/^({{table:{name}}}):/i)']\n"
    )
    with pytest.raises(RuleError, match=rf"no word table '{name}' in this file's tables \(credit_labels\)"):
        load_rule_file(_generic_file(tmp_path, body))


@pytest.mark.parametrize("reference", ["{table:credit_labels", "{table:{table:credit_labels}"])
def test_a_table_reference_without_its_closing_brace_is_refused_not_left_literal(
    tmp_path: Path, reference: str
) -> None:
    body = (
        "name: Words\ntables:\n  credit_labels: {en: [photo]}\nstrip:\n  - category: other\n    max_words: 6\n"
        f"    selectors: ['span:has-text(/^({reference}):/i)']\n"
    )
    with pytest.raises(RuleError, match=r"a '\{table:' reference without its closing brace"):
        load_rule_file(_generic_file(tmp_path, body))


def test_a_draft_naming_a_table_is_refused() -> None:
    draft = {"strip": [{"category": "other", "selectors": ["span:has-text(/^({table:T}):/i)"]}]}
    page = f"<html><body><article><p>{STORY}</p></article></body></html>"
    with pytest.raises(BadRequest, match=r"draft_rules/0: .*no word table 'T' in this file's tables \(none\)"):
        clean(page, URL, Options(attributions=False, draft_rules=(draft,)))


def test_a_table_grown_past_the_pattern_cap_is_named_and_its_lists_are_bounded(tmp_path: Path) -> None:
    codes = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
    lists = "".join(f"    {code}: [{', '.join(f'{code}label{i}' for i in range(30))}]\n" for code in codes)
    body = (
        f"name: Words\ntables:\n  credit_labels:\n{lists}strip:\n  - category: other\n    max_words: 6\n"
        "    selectors: ['span:has-text(/^({table:credit_labels}):/i)']\n"
    )
    with pytest.raises(RuleError, match=r"the selector expands the word table 'credit_labels' \(240 words\)"):
        load_rule_file(_generic_file(tmp_path, body))
    one_more = body.replace("[enlabel0,", "[enlabel30, enlabel0,")
    with pytest.raises(RuleError, match=r"tables/credit_labels/en: .* is too long"):
        load_rule_file(_generic_file(tmp_path / "more", one_more))


def test_only_generic_files_hold_tables(tmp_path: Path) -> None:
    folder = tmp_path / "rules" / "sites"
    folder.mkdir(parents=True)
    (tmp_path / "rules" / "schema.json").write_text((RULES_DIR / "schema.json").read_text(encoding="utf-8"))
    path = folder / "example.com.yaml"
    path.write_text("domains: [example.com]\ntables:\n  credit_labels: {en: [photo]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"example\.com\.yaml: tables: word tables belong to the generic layer's files"):
        load_rule_file(path)
