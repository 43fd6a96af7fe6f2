"""Language tags, read one way wherever the service needs a page's language (metadata's direction, the rule
groups written for one language), and the language a page's text is written in (text_language), for a page whose tag
says another: a theme's default lang="en" on a Spanish site."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
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
# An ASCII text's words are what is left between its other characters turned to spaces: one C pass each, where the
# regex reads a character at a time (4x slower). Built from the regex, so the two read the same words.
_ASCII_NON_WORD_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if not _WORD_RE.fullmatch(chr(c))})


# _first_words reads its texts this many at a time (a median page's first 2,000 words lie in some 800 texts).
_TEXTS_AT_ONCE = 64


def primary_language(lang: str | None) -> str | None:
    """A language tag's primary subtag, lowercased: "de" of "de-AT" or "de_AT"; None for none."""
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def text_language(root: HtmlElement) -> str | None:
    """The language (primary subtag) the page's text is written in, by its function words (FUNCTION_WORDS) among its
    first TEXT_LANGUAGE_WORDS words; None when no language leads clearly."""
    body = root.find("body")
    words = _first_words((body if body is not None else root).itertext(), TEXT_LANGUAGE_WORDS)
    counts = Counter(map(str.lower, words))
    # A word counts once for each language whose function words hold it, as often as it occurs.
    hits = {language: sum(counts[w] for w in table if w in counts) for language, table in FUNCTION_WORDS.items()}
    best, runner_up = sorted(hits.values(), reverse=True)[:2]
    if best < TEXT_LANGUAGE_MIN_HITS or runner_up > TEXT_LANGUAGE_MAX_RUNNER_UP_SHARE * best:
        return None
    return max(hits, key=hits.__getitem__)


def _first_words(texts: Iterable[str], limit: int) -> list[str]:
    """The first `limit` words (_WORD_RE's matches) of the texts. No whitespace character is a word character, so a
    text's words are those of its whitespace-separated tokens, and a token of word characters only is one word.
    The texts are read _TEXTS_AT_ONCE at a time, joined by a space (which ends a word as a text's end does): one
    translate and split per batch, where one per text cost most of the search (most texts are indentation)."""
    words: list[str] = []
    append, extend, find_words = words.append, words.extend, _WORD_RE.findall
    texts = iter(texts)
    while len(words) < limit:
        batch = list(islice(texts, _TEXTS_AT_ONCE))
        if not batch:
            break
        text = " ".join(batch)
        if text.isascii():
            words += text.translate(_ASCII_NON_WORD_TO_SPACE).split()
        else:
            for token in text.split():
                if token.isalnum():  # what \w is besides "_"
                    append(token)
                else:
                    extend(find_words(token))
    return words[:limit]
