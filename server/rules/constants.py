"""The rule engine's tunables, each with the reason it exists. Site knowledge never lives here: it belongs in rules/."""

from __future__ import annotations

from pathlib import Path

from ..config import RULES_DIR
from ..errors import RuleError
from .ruleset import read_rule_data


def word_table(name: str, path: Path = RULES_DIR / "generic" / "words.yaml") -> dict[str, tuple[str, ...]]:
    """One word table of the generic layer's words file, one tuple of words a language; the file is validated as
    every rule file is (rules/schema.json), and a missing table is a RuleError naming the file."""
    table = read_rule_data(path).get("tables", {}).get(name)
    if table is None:
        raise RuleError(f"{path}: tables: no word table {name!r}")
    return {language: tuple(words) for language, words in table.items()}


def joined_word_tables(*names: str) -> dict[str, tuple[str, ...]]:
    """Several word tables of the words file as one, a language's words in the tables' order."""
    joined: dict[str, tuple[str, ...]] = {}
    for name in names:
        for language, words in word_table(name).items():
            joined[language] = joined.get(language, ()) + words
    return joined


# Elements that never carry article text but cost time in every later stage.
NON_CONTENT_TAGS = ("script", "style", "template", "link", "object", "embed", "applet", "canvas")

# A strip rule may not remove more than this share of the page's paragraph text: a bad rule degrades
# to the generic result instead of an empty page.
MAX_STRIP_SHARE = 0.5

# Categories exempt from that guard: a comment thread is never the article, however long it runs.
UNGUARDED_CATEGORIES = frozenset({"comments"})

# Structural recirculation lists (structure.py): at least this many items, each one link to this site; the links
# hold at least this share of the list's words and this many words a link on average (a headline, not a menu
# entry); at most this many words in all (a bigger list is left to the rules and to readability).
RECIRCULATION_MIN_ITEMS = 3
RECIRCULATION_MIN_LINK_SHARE = 0.8
RECIRCULATION_MIN_HEADLINE_WORDS = 4
RECIRCULATION_MAX_WORDS = 300
# The heading just before such a list is its label ('Related posts', 'More on Wharton:'): this many words at most.
RECIRCULATION_MAX_HEADING_WORDS = 10
# The same list written as paragraphs (structure.link_paragraphs): at least this many in a row, each one headline link,
# and the label line before them ('Mehr lesen:') of at most this many words.
LINK_RUN_MIN_PARAGRAPHS = 2
LINK_RUN_MAX_LABEL_WORDS = 5
# A run the story goes on after is the story's: a later sibling with this many words outside links is its paragraph.
LINK_RUN_STORY_WORDS = 8
# Links to documents are the story's sources (a filing, a report), never another story: these path endings.
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".csv", ".zip")

# Teaser cards (structure.teaser_cards): a heading of more than this many characters inside a link is another story's
# headline (a data page's one-word tabs are not); a card of at most this many words goes: a headline and a lead of a
# paragraph's length (a card with a longer excerpt stays for readability to judge).
TEASER_MIN_HEADING_CHARS = 14
TEASER_MAX_WORDS = 80

# Caption credits (structure.caption_credits): the words that open a picture credit, one list per language ('Foto:
# dpa', '(Photo: Reuters)'), matched as whole words before a colon; the pass runs them all, as a German site captions in
# English as often as not. The tables are the generic layer's (rules/generic/words.yaml: photo_labels, source_labels),
# read once here and validated as the rule files are, so the credit lines the rules strip and the credits this pass
# cuts off a caption's end share one list.
CREDIT_LABELS: dict[str, tuple[str, ...]] = joined_word_tables("photo_labels", "source_labels")
# A credit is a name or an agency: at most this many characters and words after its label or '©' (more is a
# sentence: 'Quelle: Hafenamt 2026 und die Legende des Plans'). A caption holds at most CAPTION_MAX_WORDS words: a
# longer block whose class says caption is a wrapper, not a caption.
CREDIT_MAX_CHARS = 80
CREDIT_MAX_WORDS = 6
CAPTION_MAX_WORDS = 80

# Banner figures (structure.banner_figures): a figure whose pictures all lead to another site and that says at most this
# many words (a short call, 'Jetzt neu! Besuchen Sie unseren Fan-Shop!', never a caption's paragraph); a link to an
# image file (these endings) is the photo's full size, never a banner's target.
BANNER_MAX_WORDS = 12
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")
