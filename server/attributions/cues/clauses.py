"""A statement around its cue: 'X said (that) …', '…, X said.', '…, said X.', '…, X says, …' and a coordinated cue
('… and recommends …')."""

from __future__ import annotations

import logging

from ..content import (
    after_is_end,
    enough_words,
    following_block,
    forward_content,
    is_parenthetical,
    lead_start,
    list_after_colon,
    lone_subordinate,
    open_verb_lead,
    parenthetical_rest,
    skip_adverbials,
    statement_going_on,
    trim_content,
    trim_forward,
)
from ..patterns import (
    AS_LEAD_RE,
    AS_TAIL_RE,
    AUXILIARY_RE,
    COLON_END_RE,
    LONE_SUBORDINATE_RE,
    QUESTIONED_LEAD_RE,
    SUBORDINATE_LEAD_RE,
)
from ..sources import source_after
from ..structure import RawAttribution, Sentence, Span, skip_spaces
from .record import around_cue, record, record_unless_empty

log = logging.getLogger(__name__)

# Articles opening an apposition after an inverted cue's name ("says Amy Goodson, a registered dietitian.").
APPOSITION_ARTICLES: tuple[str, ...] = ("a ", "an ")


def coordinated_cue(
    sentence: Sentence, subject: Span, cue_start: int, cue_end: int, verb: str, weak: bool
) -> RawAttribution | None:
    """'He stresses hydration and recommends …': the clause's subject speaks, the content follows the cue."""
    content = forward_content(sentence.text, sentence.quotes, cue_end, sentence.end, verb, weak, sentence.nouns)
    if content is None:
        return None
    content = trim_forward(sentence.text, sentence.quotes, *content)
    return record_unless_empty(sentence, subject, cue_start, cue_end, content)


def clause_then_cue_then_source(sentence: Sentence, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'…, said the spokesman.': the source follows the cue (inverted order) and the clause before is the content;
    or the cue sits between commas (", says X, can teach …") and the content follows the source."""
    text = sentence.text
    clause = text[sentence.start : cue_start].rstrip()
    if not clause.endswith(","):
        return None
    source = source_after(text, cue_end, sentence.end)
    # its main clause follows the cue, or the clause's verb is left open: the rest completes it, whatever its verb
    subordinate = lone_subordinate(clause[:-1]) or open_verb_lead(clause[:-1])
    rest = parenthetical_rest(text, source[1], sentence.end, subordinate) if source is not None else None
    if rest is None and is_parenthetical(clause[:-1]) and not _closing_apposition(text, source, sentence.end):
        # "The combination, says Smith, marks a journey …": what the scan took for an apposition is the statement
        bare = source_after(text, cue_end, sentence.end, allow_appositive=False)
        bare_rest = parenthetical_rest(text, bare[1], sentence.end, subordinate) if bare is not None else None
        if bare_rest is not None:
            source, rest = bare, bare_rest
    if source is None:
        return None
    if rest is not None and is_parenthetical(clause[:-1], text[rest : rest + 20]):
        return cue_between_commas(sentence, source, cue_start, cue_end, rest)
    if after_is_end(text, source[1], sentence.end):
        return _clause_content(sentence, source, cue_start, cue_end, cue_start, clause)
    return None


def _closing_apposition(text: str, source: Span | None, sentence_end: int) -> bool:
    """The source's apposition runs to the sentence's end and opens with an article, no auxiliary in it ("says Amy
    Goodson, a registered dietitian."): its -ed word is an adjective before the head, not a verb of the statement."""
    if source is None or not after_is_end(text, source[1], sentence_end):
        return False
    comma = text.find(",", source[0], source[1])
    if comma < 0:
        return False
    apposition = text[comma + 1 : source[1]].lstrip()
    return apposition.startswith(APPOSITION_ARTICLES) and AUXILIARY_RE.search(apposition) is None


def clause_then_source_then_cue(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, clause: str
) -> RawAttribution | None:
    """'…, the NYT wrote.': the clause before the source is the content, nothing but a trailer after the cue (past its
    time and venue: '…, Smith said Tuesday.')."""
    if not after_is_end(sentence.text, skip_adverbials(sentence.text, cue_end, sentence.end), sentence.end):
        return None
    return _clause_content(sentence, source, cue_start, cue_end, source[0], clause)


def _clause_content(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, clause_end: int, clause: str
) -> RawAttribution | None:
    """The clause before the source and cue (up to its comma) as content, if it has enough words."""
    text, quotes = sentence.text, sentence.quotes
    start = lead_start(text, sentence.start, clause_end, quotes)
    content = trim_content(text, quotes, start, sentence.start + len(clause) - 1)
    if not enough_words(text, *content) or QUESTIONED_LEAD_RE.match(text, *content):
        return None  # "Asked whether he would run again, Smith laughed": the question put to the source, not its word
    after = max(cue_end, source[1])
    going_on = statement_going_on(text, quotes, after, sentence.end)
    if going_on is not None:
        # "It pays to be wary, Zuckerberg said, and be willing to move fast": the statement goes on after the cue
        return around_cue(sentence, source, cue_start, cue_end, content, going_on)
    if (
        not quotes.any_in(*content)
        and LONE_SUBORDINATE_RE.match(text, *content)
        and not text[after : sentence.end].lstrip().startswith(",")
    ):
        # "When the police came, she was screaming", "When …, she posted a video": a lone subordinate clause tells
        # when, not what; with a clause set off after the cue it opens the statement ("although …, they argued, …")
        return None
    return record(sentence, source, cue_start, cue_end, content)


def cue_between_commas(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, rest: int
) -> RawAttribution | None:
    """'Mindfulness apps, says Bradford, can teach …': a parenthetical cue; the content is the clause around it, the
    part before the first comma of the pair and the part after the second."""
    text, quotes = sentence.text, sentence.quotes
    content = trim_forward(text, quotes, rest, sentence.end)
    first_comma = text.rfind(",", sentence.start, min(cue_start, source[0]))
    lead = trim_content(text, quotes, lead_start(text, sentence.start, first_comma, quotes), first_comma)
    if lead[1] > lead[0] and content[1] > content[0]:
        return around_cue(sentence, source, cue_start, cue_end, lead, content)
    return record_unless_empty(sentence, source, cue_start, cue_end, content)


def source_then_cue_then_content(
    sentence: Sentence, source: Span, cue_start: int, cue_end: int, verb: str, weak: bool
) -> RawAttribution | None:
    """'X said (that) …', 'X said: "…"': the content follows the cue, on through following paragraphs after a
    colon that ends its paragraph."""
    text, quotes = sentence.text, sentence.quotes
    colon_end = COLON_END_RE.match(text, cue_end, sentence.end)
    line_end = COLON_END_RE.match(text, cue_end) if colon_end else None  # None: the colon ends the sentence, no line
    if line_end is not None and line_end.end() > sentence.end:
        # "President Obama also said:" ends the paragraph: the content is what follows
        block = following_block(text, quotes, sentence.end, quoted_only=False)
        return record(sentence, source, cue_start, cue_end, block) if block else None
    content = forward_content(text, quotes, cue_end, sentence.end, verb, weak, sentence.nouns)
    if content is None:
        return None
    content_start, content_end = content
    quote = quotes.find(content_start)
    if quote and quote[0] == content_start and quote[1] == content_end:
        if text[cue_end:content_start].rstrip().endswith(":"):
            # a colon-introduced quote that ends its paragraph goes on through quoted paragraphs
            block = following_block(text, quotes, content_end, quoted_only=True)
            if block:
                content_end = block[1]
    else:
        content_start, content_end = trim_forward(text, quotes, content_start, content_end)
        content_end = list_after_colon(text, content_end)  # "… may:" and its "- item" lines
        lead = _subordinate_lead(sentence, source)
        if lead is not None and content_end > content_start:
            # "Even if a game isn't tuned for it, Microsoft says you might see gains": the condition is reported too
            return around_cue(sentence, source, cue_start, cue_end, lead, (content_start, content_end))
    return record_unless_empty(sentence, source, cue_start, cue_end, (content_start, content_end))


def _subordinate_lead(sentence: Sentence, source: Span) -> Span | None:
    """A subordinate clause opening the sentence and ending in a comma right before the source."""
    text = sentence.text
    lead_text = text[sentence.start : source[0]].rstrip()
    start = skip_spaces(text, sentence.start, source[0])
    if not lead_text.endswith(",") or not SUBORDINATE_LEAD_RE.match(text, start, source[0]):
        return None
    if sentence.quotes.any_in(start, source[0]):
        return None
    if QUESTIONED_LEAD_RE.match(text, start, source[0]):
        return None  # "When asked if he would run again, Smith said …": the question put to the source, not its word
    return trim_content(text, sentence.quotes, start, sentence.start + len(lead_text) - 1)


def as_source_cue(sentence: Sentence, source: Span, cue_start: int, cue_end: int) -> RawAttribution | None:
    """'As Mashable reports, the company announced …', 'As I mentioned above, knowledge is not enough': an "As" clause
    opening the sentence holds the source and cue; the content is the rest of the sentence after its comma."""
    text = sentence.text
    lead = AS_LEAD_RE.match(text, skip_spaces(text, sentence.start, source[0]), source[0])
    if lead is None or lead.end() != source[0]:
        return None
    tail = AS_TAIL_RE.match(text, skip_adverbials(text, cue_end, sentence.end), sentence.end)
    if tail is None:
        return None
    content = trim_forward(text, sentence.quotes, tail.end(), sentence.end)
    return record_unless_empty(sentence, source, cue_start, cue_end, content)
