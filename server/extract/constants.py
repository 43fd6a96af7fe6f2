"""Extraction's tunables (what readability-lxml is not told, and our repairs), each with the reason it exists."""

from __future__ import annotations

import re

# An extraction shorter than this is suspicious enough to try readability once more, more leniently.
MIN_ARTICLE_WORDS_BEFORE_RETRY = 80

# The fallback article root must hold at least this share of the page's paragraph text.
DENSEST_CONTAINER_SHARE = 0.6

# When readability keeps less than this share of the words of the container holding most of the page's
# paragraph text, and that container is not a link list, the container is the article.
EXPAND_RATIO = 0.25
# ...or this share, when readability's pick lies inside that container (tuned on the tuning part only).
EXPAND_RATIO_INSIDE = 0.4
# ...or this share, when that container also is or sits in the page's <article> or <main> (the story's frame,
# split into sections readability scores one by one).
EXPAND_RATIO_IN_FRAME = 0.6
EXPAND_MAX_LINK_DENSITY = 0.3
# Site chrome dropped from that container, which readability's cleaning never saw.
CONTAINER_CHROME_TAGS = ("nav", "footer")

# A text block readability gathers from elsewhere on the page whose opening (this many characters) the article
# already holds is a second copy of the story (a gated, mobile or print version), not a further part of it.
SEGMENT_COPY_OPENING_CHARS = 200

# A block of the article repeating word for word an earlier one of at least this many characters is a second
# copy (a page's desktop and mobile layouts, a tab and its accordion twin), not text written twice.
REPEATED_BLOCK_MIN_CHARS = 100
REPEATED_BLOCK_TAGS = ("div", "section", "ul", "ol", "table")

# Blocks of the article that are the author's bio box or byline ("author-bio", "vcard author", "post__author"):
# a class or id naming the author or a bio, on a block this short (a bio, not a story body).
AUTHOR_BOX_CLASS_RE = re.compile(r"author|(?:^|[-_\s])bio(?:$|[-_\s]|graph)", re.I)
AUTHOR_BOX_MAX_CHARS = 1000
AUTHOR_BOX_TAGS = ("div", "section", "footer", "aside")

# Siblings of the article's text blocks that are figures and go with them: these tags, or any element holding
# an image and at most a caption's worth of text.
FIGURE_TAGS = frozenset({"figure", "picture", "img", "figcaption"})
FIGURE_MAX_TEXT_CHARS = 150
# The story's lead figure (before the body, in its <article> or <main>) may carry a longer caption and credit.
LEAD_FIGURE_MAX_TEXT_CHARS = 400

# A block before the pick under the same parent is the story's introduction (a review's "we tested..." lede, a
# study's abstract) when it is prose: this long, almost no link text, mostly paragraph text, and no headline
# block (<h1>), which readability's heading step handles. Its score can fall below readability's sibling bar.
INTRO_TAGS = ("div", "section", "article")
INTRO_MIN_CHARS = 140
INTRO_MAX_LINK_DENSITY = 0.1
INTRO_MIN_PARAGRAPH_SHARE = 0.7

# A list inside the article is cleaned away only when more of its text than this is link text.
LIST_MAX_LINK_DENSITY = 0.5
