"""Stage 5, extract: find the article in the decluttered tree with readability-lxml, without re-parsing.

readability.py holds our subclass of readability-lxml's Document (its overrides in upstream's order), cleaning.py
readability's tests of single elements as those overrides run them, candidates.py where our pick and its siblings
differ from readability's (a <main>, navigation, the standfirst, stray paragraphs); repairs.py what we add beyond
it; header.py the repeated title and byline; measure.py the text measures all read; constants.py every number.
"""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from ..limits import NO_DEADLINE, Deadline
from ..rules.selectors import Selector
from .constants import MIN_ARTICLE_WORDS_BEFORE_RETRY
from .header import drop_repeated_title
from .readability import read_article
from .repairs import drop_author_boxes, drop_byline, drop_repeated_blocks, join_rule_matches, paragraph_container

__all__ = ["extract"]

log = logging.getLogger(__name__)


def extract(
    root: HtmlElement,
    url: str | None,
    content: tuple[Selector, ...] = (),
    deadline: Deadline = NO_DEADLINE,
    title: str | None = None,
    host: str | None = None,
) -> HtmlElement:
    """Return the article element. The steps, in order:

    1. the site rule's content selectors: the first that matches gives the article (several matches joined),
       and no other step runs;
    2. readability (readability.read_article), whose overrides call the repairs that gather the story's
       introduction, the figures beside its text blocks and its lead figure, and drop second copies of it;
    3. readability once more without promoting a <main>, when it promoted one and found few words;
    4. the container of most of the page's paragraph text, when readability kept too little of it
       (repairs.paragraph_container);
    5. blocks repeating an earlier one dropped (repairs.drop_repeated_blocks);
    6. author boxes dropped (repairs.drop_author_boxes), and the byline line (repairs.drop_byline);
    7. the title repeated at the article's top dropped, as the reading view shows it above (header); `title` is
       the metadata stage's (step 2 finds the page's headline by it, and the standfirst beside it).

    `url`: the page's address, or its canonical one (clean() got none, or an AMP cache's copy), which tells a gallery's
    photo pages below a story's address; `host`: its host, which tells a story's sources on other sites.
    """
    for selector in content:
        nodes = selector.select(root)
        if nodes:
            log.debug("article root from rule selector %r", selector.source)
            return join_rule_matches(nodes)
    article, article_words, promoted_main = read_article(
        root, url, deadline, semantic_main=True, host=host, title=title
    )
    # readability 0.9 can promote a <main> whose children its cleaning then empties: try without. (Had it
    # promoted none, the retry would repeat this reading step for step.)
    if len(article_words) < MIN_ARTICLE_WORDS_BEFORE_RETRY and promoted_main:
        retry, retry_words, _ = read_article(root, url, deadline, semantic_main=False, host=host, title=title)
        if len(retry_words) > len(article_words):
            article, article_words = retry, retry_words
    article = paragraph_container(root, article, article_words)
    drop_repeated_blocks(article, deadline)
    drop_author_boxes(article, deadline)
    drop_byline(article, deadline)
    drop_repeated_title(article, title)
    return article
