"""Stage 8, attributions — who said what: find attributions (source, cue, content) in an article's plain text.

Rule-based and dependency-free on purpose: a regex pass finds reporting cues, a linear scan pairs
quotation marks, and small backward/forward scanners pick the source noun phrase and the content.

- vocabulary.py: the reporting verbs by class and their forms; lexicon.py: the other word lists; patterns.py: the
  compiled regexes, each with its reason;
- structure.py: paragraphs, sentences, quotation spans and their index, tokens;
- cues/: one function per attribution pattern around a cue, a module per family; sources/: the source noun phrase
  before a cue, after it, or the subject of its clause;
  content.py: what was said; fragments.py: discontinuous contents (a quote split by its cue, carried on
  in later paragraphs) as fragments; collect.py: the sentence-by-sentence pass over the text;
- names.py: the name in a source phrase and each name's longest form; speakers/: the name behind each source
  (story.py: the story read once, and each source's speaker in turn; naming.py: a source's own name; mentions.py:
  where each entity is mentioned; pronouns.py: he, she, it, they; descriptions.py: "the company", "the report",
  titles without a name; reading.py: the layout and state they share; entities.py, phrases.py, constants.py);
  ranking.py: which ones are key;
- beliefs.py: beliefs and intentions ("Detectives believe …"), kind "belief": returned, never key nor marked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..limits import NO_DEADLINE, Deadline
from .beliefs import belief_attributions
from .collect import raw_attributions
from .cues.scan import verb_scan
from .ranking import rank
from .speakers import belief_speaker, resolve
from .structure import QuoteIndex, as_double_quoted, paragraphs, quote_spans

__all__ = ["Attribution", "find_attributions"]

log = logging.getLogger(__name__)

# Reported statements kept per text, the first in text order: a news article holds tens; a text holding
# thousands is not one, and every later step (speakers, highlighting, sanitizing the marks) grows with them.
MAX_ATTRIBUTIONS = 1_000


@dataclass(frozen=True, slots=True)
class Attribution:
    id: str
    speaker: str | None
    source: str | None
    cue: str
    content: str
    kind: str
    key: bool
    rank: int | None
    paragraph: int
    source_span: tuple[int, int] | None
    cue_span: tuple[int, int]
    content_span: tuple[int, int]
    # The pieces of a discontinuous content ('"X," she said. "Y."'), in text order; content_span is their hull.
    content_fragments: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "source": self.source,
            "cue": self.cue,
            "content": self.content,
            "kind": self.kind,
            "key": self.key,
            "rank": self.rank,
            "paragraph": self.paragraph,
            "source_span": list(self.source_span) if self.source_span else None,
            "cue_span": list(self.cue_span),
            "content_span": list(self.content_span),
            "content_fragments": [list(fragment) for fragment in self.content_fragments or [self.content_span]],
        }


def find_attributions(text: str, deadline: Deadline = NO_DEADLINE) -> list[Attribution]:
    """Every attribution in text (paragraphs separated by blank lines), in text order.

    With a deadline, raises TooComplex once it has passed (checked between paragraphs and attributions)."""
    if not isinstance(text, str) or not text.strip():
        return []
    paragraph_spans = paragraphs(text)
    shown = text  # the spans' texts come from the article as written
    text = as_double_quoted(text, paragraph_spans)  # one quotation convention for every pattern, same offsets
    quotes = QuoteIndex(quote_spans(text, paragraph_spans))
    sentence_cache: dict[int, list[tuple[int, int]]] = {}  # paragraph index -> its sentences, split once
    cue_starts, belief_spans = verb_scan(text)  # one scan for the reporting cues and the belief verbs
    speech = raw_attributions(text, deadline, paragraph_spans, quotes, cue_starts, sentence_cache)  # one per cue
    if len(speech) > MAX_ATTRIBUTIONS:
        log.info("kept the first %d of %d attributions", MAX_ATTRIBUTIONS, len(speech))
        speech = speech[:MAX_ATTRIBUTIONS]
    beliefs = belief_attributions(text, quotes, paragraph_spans, speech, deadline, sentence_cache, belief_spans)
    beliefs = beliefs[:MAX_ATTRIBUTIONS]
    speech_speakers = resolve(text, speech, deadline, paragraph_spans)  # beliefs never change who speaks
    by_cue = sorted(
        [(raw, speaker) for raw, speaker in zip(speech, speech_speakers, strict=True)]
        + [(raw, belief_speaker(text, raw)) for raw in beliefs],
        key=lambda pair: pair[0].cue,
    )
    unique = [raw for raw, _ in by_cue]
    speakers = [speaker for _, speaker in by_cue]
    paragraph_count = max(1, len({raw.paragraph for raw in unique}))
    ranks = rank(unique, speakers, paragraph_count, deadline)
    return [
        Attribution(
            id=f"a{number}",
            speaker=speaker,
            source=shown[raw.source[0] : raw.source[1]] if raw.source else None,
            cue=shown[raw.cue[0] : raw.cue[1]],
            content=shown[raw.content[0] : raw.content[1]],
            kind=raw.kind,
            key=position is not None,
            rank=position,
            paragraph=raw.paragraph,
            source_span=raw.source,
            cue_span=raw.cue,
            content_span=raw.content,
            content_fragments=list(raw.fragments or [raw.content]),
        )
        for number, (raw, speaker, position) in enumerate(zip(unique, speakers, ranks, strict=True), 1)
    ]
