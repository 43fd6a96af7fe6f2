"""Reports nested in a quotation ('"Several studies have found that …," she wrote'): GUIDELINES §4 annotates
them as attributions of their own, so a cue inside a quotation is read in the quotation's sentence around it."""

from __future__ import annotations

import logging

from ..structure import QuoteIndex, Sentence, sentences

log = logging.getLogger(__name__)

# Inside a quotation the finder looks at no quotation nested further.
NO_QUOTES = QuoteIndex([])


def _never(_: int) -> bool:
    return False


def quoted_sentence(sentence: Sentence, pos: int) -> Sentence | None:
    """The sentence, inside the quotation that holds pos, that pos is in (the quotation's marks left out)."""
    quote = sentence.quotes.find(pos)
    if quote is None:
        return None
    start, end = max(sentence.start, quote[0] + 1), min(sentence.end, quote[1] - 1)
    for inner_start, inner_end in sentences(sentence.text, start, end, _never):
        if inner_start <= pos < inner_end:
            return Sentence(sentence.text, NO_QUOTES, inner_start, inner_end, sentence.paragraph, sentence.nouns)
    return None
