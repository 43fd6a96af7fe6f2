"""The rule engine's tunables, each with the reason it exists. Site knowledge never lives here: it belongs in rules/."""

from __future__ import annotations

# Elements that never carry article text but cost time in every later stage.
NON_CONTENT_TAGS = ("script", "style", "template", "link", "object", "embed", "applet", "canvas")

# The only non-ASCII characters a case-insensitive regex matches against an ASCII letter, with that letter: once
# they are replaced, an ASCII-only lowercasing of the page's text holds an ASCII literal wherever such a regex
# finds it (a test in tests/test_rules.py checks every code point).
CASE_FOLDS_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}

# A strip rule may not remove more than this share of the page's paragraph text: a bad rule degrades
# to the generic result instead of an empty page.
MAX_STRIP_SHARE = 0.5

# Categories exempt from that guard: a comment thread is never the article, however long it runs.
UNGUARDED_CATEGORIES = frozenset({"comments"})
