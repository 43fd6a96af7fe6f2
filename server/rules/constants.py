"""The rule engine's tunables, each with the reason it exists. Site knowledge never lives here: it belongs in rules/."""

from __future__ import annotations

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
