"""A source and a colon or dash before a quote ('Blinken: "…"', 'Lee ― "…"') and transcripts ('ROSIE CURTS: …')."""

from __future__ import annotations

import logging

from ..content import trim_content
from ..lexicon import CUE_VERBS, NOT_TRANSCRIPT_LABELS, NP_BREAK, TRANSCRIPT_ROLES
from ..patterns import COLON_SRC_RE, TRANSCRIPT_LABEL_RE
from ..structure import QuoteIndex, RawAttribution, Sentence, Span
from .record import MIN_STATEMENT_WORDS, Found

log = logging.getLogger(__name__)


def colon_cue(sentence: Sentence, found: Found) -> None:
    """'Blinken: "…"', 'Lee ― "…"': a named source introducing a quote with a colon or a dash; added to found."""
    text, sentence_start = sentence.text, sentence.start
    words = text[sentence_start : sentence.end]
    if ":" not in words and "―" not in words and "—" not in words and "–" not in words:
        return
    named = COLON_SRC_RE.match(words)
    if not named:
        return
    gap = words[named.end(1) : named.end()]  # the spaces, the colon or dash, the spaces
    colon = sentence_start + named.end(1) + len(gap) - len(gap.lstrip())
    quote = sentence.quotes.starting_at(sentence_start + named.end())
    if not quote:
        return
    if named.group(1).split()[0].lower() in NP_BREAK:
        return
    if any(raw.cue[0] <= colon < raw.cue[1] or raw.content[0] <= colon < raw.content[1] for _, raw in found):
        return
    source = (sentence_start + named.start(1), sentence_start + named.end(1))
    cue = (colon, colon + 1)
    first, _, rest = named.group(1).partition(" ")
    if rest and first.lower() in CUE_VERBS:
        # 'Said Ellis: "…"': the verb is the cue, the name after it the source
        cue = (source[0], source[0] + len(first))
        source = (source[0] + len(first) + 1, source[1])
    found.append((colon, RawAttribution(source, cue, quote, "direct", sentence.paragraph)))


def transcript_lines(
    text: str, quotes: QuoteIndex, paragraph_spans: list[Span], taken: set[int]
) -> list[RawAttribution]:
    """A transcript ("ROSIE CURTS: If vouchers pass, …"): a capitalised label and a colon open each speaker's
    paragraph, the rest of it is what they said. Only in a text with at least two labelled paragraphs, never for
    the programme's own voices (host, byline, and their later surname-only labels), never in a paragraph that
    already has an attribution (taken), never for fewer than MIN_STATEMENT_WORDS words."""
    labelled = []
    for index, (start, end) in enumerate(paragraph_spans):
        if start < end and text[start].isupper():
            label = TRANSCRIPT_LABEL_RE.match(text, start, end)
            if label and label.group("name").split()[0].rstrip(".") not in NOT_TRANSCRIPT_LABELS:
                labelled.append((index, label))
    if len(labelled) < 2:
        return []
    # a person's label has two words or more ("ROSIE CURTS", "UNIDENTIFIED PERSON #1"), or is the surname of one
    # that has ("CANTWELL"): "PRICE:" and "INTERVAL:" head a table's cells
    full = [label.group("name").split() for _, label in labelled if len(label.group("name").split()) >= 2]
    surnames = {words[-1] for words in full}
    labelled = [
        (i, label) for i, label in labelled if len(label.group("name").split()) >= 2 or label.group("name") in surnames
    ]
    if len(labelled) < 2:
        return []
    own_voices = set()
    for _, label in labelled:
        if label.group("role") and label.group("role").split()[0] in TRANSCRIPT_ROLES:
            own_voices.update({label.group("name"), label.group("name").split()[-1]})
    found = []
    for index, label in labelled:
        name = label.group("name")
        if index in taken or name in own_voices or name.split()[-1] in own_voices:
            continue
        content = trim_content(text, quotes, label.end(), paragraph_spans[index][1])
        if len(text[content[0] : content[1]].split()) < MIN_STATEMENT_WORDS:
            continue
        colon = text.index(":", label.end("name"))
        found.append(
            RawAttribution((label.start("name"), label.end("name")), (colon, colon + 1), content, "indirect", index)
        )
    return found
