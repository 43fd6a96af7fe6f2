"""Language tags, read one way wherever the service needs a page's language (metadata's direction, the rule
groups written for one language), and the language a page's text is written in (text_language), for a page whose tag
says another: a theme's default lang="en" on a Spanish site."""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement


def _words(text: str) -> frozenset[str]:
    """A table's words, written as one line of them."""
    return frozenset(text.split())


# The commonest short function words of the ten languages the generic layer's word tables hold; a word two languages
# share counts for both ('de', 'que' are left out of the Romance lists that share them most; 'com' of the addresses).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words("the and of to is that with for was are this have from"),
    "de": _words("der die und das ist nicht mit von den auf sich dem eine ein"),
    "fr": _words("le les des et est une pour dans qui sur pas du au"),
    "es": _words("el los las del que por una con para como según fue"),
    "it": _words("il che della di per non una sono gli nel alla delle"),
    "pt": _words("não uma os do da em dos das para são como também ao"),
    "nl": _words("het een en van is niet op zijn voor dat met"),
    "pl": _words("się nie na jest że do jak to od po przez"),
    "uk": _words("і в на що не з до як це та"),
    "ru": _words("и в на что не с как это по из"),
}
# text_language reads the first this-many words of the page's text (menus first, then the story)...
TEXT_LANGUAGE_WORDS = 2000
# ...and names a language when at least this many of them are its function words and the runner-up has at most this
# share of that count: a page of menus, or one mixing two languages, names none.
TEXT_LANGUAGE_MIN_HITS = 20
TEXT_LANGUAGE_MAX_RUNNER_UP_SHARE = 0.5
_WORD_RE = re.compile(r"\w++")


def primary_language(lang: str | None) -> str | None:
    """A language tag's primary subtag, lowercased: "de" of "de-AT" or "de_AT"; None for none."""
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def text_language(root: HtmlElement) -> str | None:
    """The language (primary subtag) the page's text is written in, by its function words (FUNCTION_WORDS) among its
    first TEXT_LANGUAGE_WORDS words; None when no language leads clearly."""
    body = root.find("body")
    words = (
        word.lower() for text in (body if body is not None else root).itertext() for word in _WORD_RE.findall(text)
    )
    hits = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in islice(words, TEXT_LANGUAGE_WORDS):
        for language, function_words in FUNCTION_WORDS.items():
            if word in function_words:
                hits[language] += 1
    best, runner_up = sorted(hits.values(), reverse=True)[:2]
    if best < TEXT_LANGUAGE_MIN_HITS or runner_up > TEXT_LANGUAGE_MAX_RUNNER_UP_SHARE * best:
        return None
    return max(hits, key=hits.__getitem__)
