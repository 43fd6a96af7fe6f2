"""Word tables of the generic layer (rules/generic/words.yaml, `tables:`): one list serves the rules that name it
('{table:credit_labels}') and the code that reads it (server/rules/constants.py), validated as rule files are."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.config import RULES_DIR
from server.errors import RuleError
from server.pipeline import Options, clean
from server.rules.constants import CREDIT_LABELS, word_table
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
    assert word_table("credit_labels", WORDS) == CREDIT_LABELS
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


def test_only_generic_files_hold_tables(tmp_path: Path) -> None:
    folder = tmp_path / "rules" / "sites"
    folder.mkdir(parents=True)
    (tmp_path / "rules" / "schema.json").write_text((RULES_DIR / "schema.json").read_text(encoding="utf-8"))
    path = folder / "example.com.yaml"
    path.write_text("domains: [example.com]\ntables:\n  credit_labels: {en: [photo]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"example\.com\.yaml: tables: word tables belong to the generic layer's files"):
        load_rule_file(path)
