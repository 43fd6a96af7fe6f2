"""The rule engine's tunables, each with the reason it exists. Site knowledge never lives here: it belongs in rules/."""

from __future__ import annotations

# Elements that never carry article text but cost time in every later stage.
NON_CONTENT_TAGS = ("script", "style", "template", "link", "object", "embed", "applet", "canvas")

# A strip rule may not remove more than this share of the page's paragraph text: a bad rule degrades
# to the generic result instead of an empty page.
MAX_STRIP_SHARE = 0.5

# Categories exempt from that guard: a comment thread is never the article, however long it runs.
UNGUARDED_CATEGORIES = frozenset({"comments"})
