"""A source and a colon or dash before a quote ('Blinken: "…"', 'Lee ― "…"'), a quote and a dash before its source
('"…" -- Senior engineer at a startup') and transcripts ('ROSIE CURTS: …')."""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import Counter

from ..content import trim_content
from ..lexicon import ABBREVIATIONS, NP_BREAK
from ..patterns import (
    BULLET_RE,
    COLON_SRC_RE,
    DASH_SOURCE_RE,
    FINITE_IN_LINE_RE,
    OPENING_MARKS,
    POST_SIGNOFF_RE,
    TITLED_LABEL_RE,
    TRANSCRIPT_LABEL_RE,
)
from ..structure import QuoteIndex, RawAttribution, Sentence, Span
from ..vocabulary import CUE_VERBS, EDITORIAL_LABELS, TRANSCRIPT_ROLES
from .record import MIN_STATEMENT_WORDS, Found

log = logging.getLogger(__name__)

# How a post's picture or short link opens ("pic.twitter.com/abc123", "https://t.co/xyz"): no words of the post.
POST_LINK_PREFIXES = ("pic.twitter.com/", "https://t.co/", "http://t.co/")
# Characters at a paragraph's end looked at for a dash and its source, and most words such a source has.
MAX_LINE_SOURCE_CHARS = 200
MAX_LINE_SOURCE_WORDS = 20
# Fewest words in an interview's answer, and how its last sentence ends (not with a question mark).
MIN_INTERVIEW_WORDS = 8
# Most paragraphs one interview answer runs on for.
MAX_ANSWER_PARAGRAPHS = 6
STATEMENT_ENDS = (".", "!", "…", "”", '"')


def is_editorial_label(name: str) -> bool:
    """A label the page gives its own lines ("Update:", "NOTE:", "Related:"), which names no speaker."""
    return name.split()[0].rstrip(".").upper() in EDITORIAL_LABELS


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
    if named.group(1).split()[0].lower() in NP_BREAK or is_editorial_label(named.group(1)):
        return  # 'Note: "…"', 'Update: "…"': the page's own label, no one speaking
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
    with_colon = _paragraphs_with_colon(text, paragraph_spans)
    if len(with_colon) < 2:
        return []  # a transcript and an interview both label two paragraphs or more, each with its colon
    labelled = []
    for index in with_colon:
        start, end = paragraph_spans[index]
        if start < end and text[start].isupper():
            label = TRANSCRIPT_LABEL_RE.match(text, start, end)
            if label and not is_editorial_label(label.group("name")):
                labelled.append((index, label))
    if len(labelled) < 2:
        return interview_lines(text, quotes, paragraph_spans, taken, with_colon)
    # a person's label has two words or more ("ROSIE CURTS", "UNIDENTIFIED PERSON #1"), or is the surname of one
    # that has ("CANTWELL"): "PRICE:" and "INTERVAL:" head a table's cells
    full = [label.group("name").split() for _, label in labelled if len(label.group("name").split()) >= 2]
    surnames = {words[-1] for words in full}
    labelled = [
        (i, label) for i, label in labelled if len(label.group("name").split()) >= 2 or label.group("name") in surnames
    ]
    if len(labelled) < 2:
        return interview_lines(text, quotes, paragraph_spans, taken, with_colon)
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
    return found + interview_lines(text, quotes, paragraph_spans, taken | {raw.paragraph for raw in found}, with_colon)


def _paragraphs_with_colon(text: str, paragraph_spans: list[Span]) -> list[int]:
    """The paragraphs holding a colon, in order: a colon found by str.find, then the next one looked for past its
    paragraph (a label's paragraph needs one; most paragraphs have none)."""
    starts = [start for start, _ in paragraph_spans]
    found: list[int] = []
    colon = text.find(":")
    while colon >= 0:
        index = bisect_right(starts, colon) - 1
        if index >= 0 and colon < paragraph_spans[index][1]:
            found.append(index)
            colon = text.find(":", paragraph_spans[index][1])
        else:
            colon = text.find(":", colon + 1)
    return found


def interview_lines(
    text: str, quotes: QuoteIndex, paragraph_spans: list[Span], taken: set[int], with_colon: list[int]
) -> list[RawAttribution]:
    """An interview ("Thomas Malone: A supermind is …" … "Mr Malone: Groups don't …"): a speaker's name in title case
    and a colon open the paragraph, the rest is what they said. Only for a person introduced by a full name and
    labelling two paragraphs or more (the same last word), never for the interviewer (GUIDELINES §2: the article's
    questions), only for an answer of sentences ("Date: Fri, 1 Feb 2002" is a header's), never for a paragraph already
    taken."""
    labelled = []
    turns: list[int] = []
    for index in with_colon:
        start, end = paragraph_spans[index]
        if index in taken or start >= end or not text[start].isupper() or text.find(":", start, start + 60) < 0:
            continue
        label = TITLED_LABEL_RE.match(text, start, end)
        name = label.group("name") if label else ""
        if name:
            turns.append(index)  # every turn ends the answer before it, "Q:" too
        # all capitals are a transcript's (above); one letter is "Q:" or "A:", no one named
        if name and not name.isupper() and len(name) > 1 and not is_editorial_label(name):
            labelled.append((index, label))
    surnames = Counter(label.group("name").split()[-1] for _, label in labelled)
    introduced = {label.group("name").split()[-1] for _, label in labelled if len(label.group("name").split()) >= 2}
    # or a surname label whose person the article names in full ("Denise Okafor was elected …" / "Okafor: I saw …")
    introduced |= {surname for surname in surnames if surname not in introduced and _named_in_full(text, surname)}
    # the interviewer: a label whose turns are questions half the time or more ("Please explain …" is one too)
    asking = Counter(
        label.group("name").split()[-1]
        for index, label in labelled
        if "?" in text[label.end() : paragraph_spans[index][1]]
    )
    found = []
    for index, label in labelled:
        surname = label.group("name").split()[-1]
        # an answer runs on through unlabelled paragraphs up to the next turn (the last one ends with its paragraph)
        end = paragraph_spans[index][1]
        turn = bisect_right(turns, index)
        if turn < len(turns) and turns[turn] - index <= MAX_ANSWER_PARAGRAPHS:
            end = paragraph_spans[turns[turn] - 1][1]
        content = trim_content(text, quotes, label.end(), end)
        said = text[content[0] : paragraph_spans[index][1]].rstrip()
        if surnames[surname] < 2 or surname not in introduced or 2 * asking[surname] >= surnames[surname]:
            continue
        if not said.endswith(STATEMENT_ENDS):
            continue
        if len(said.split()) < MIN_INTERVIEW_WORDS:
            continue
        colon = text.index(":", label.end("name"))
        found.append(
            RawAttribution((label.start("name"), label.end("name")), (colon, colon + 1), content, "indirect", index)
        )
    return found


def _named_in_full(text: str, surname: str) -> bool:
    """The text writes surname as a word after a capitalised given name somewhere ("Denise Okafor")."""
    at = text.find(" " + surname)
    while at > 0:
        space = text.rfind(" ", 0, at)
        given = text[max(space, text.rfind("\n", max(0, space), at)) + 1 : at]  # the word before, on its line
        after = at + 1 + len(surname)
        if given.isalpha() and given.istitle() and not text[after : after + 1].isalnum():
            return True
        at = text.find(" " + surname, after)
    return False


def attribution_lines(
    text: str, quotes: QuoteIndex, paragraph_spans: list[Span], found: list[RawAttribution]
) -> list[RawAttribution]:
    """'"…" -- Senior engineer at a startup', '“…” — Jane Doe': a paragraph that is a quotation followed by a dash and
    the phrase naming who said it (testimonials, epigraphs, lists of reactions); cue the dash. Not in a paragraph
    that already has an attribution outside its quotations."""
    claimed = {raw.paragraph for raw in found if not quotes.inside(raw.cue[0])}
    lines = []
    for index, (start, end) in enumerate(paragraph_spans):
        bullet = BULLET_RE.match(text, start, end)
        if bullet is not None:
            start = bullet.end()  # a list of reactions: the quotation opens after the item's bullet
        if index in claimed or text[start : start + 1] not in OPENING_MARKS:
            continue
        line = DASH_SOURCE_RE.search(text, max(start, end - MAX_LINE_SOURCE_CHARS), end)
        if not line:
            continue
        quote = quotes.ending_at(line.start() + 1)
        source_text = _without_full_stop(line.group("source").rstrip())
        handle = source_text.find("(@")
        if handle > 0 and source_text.find(")", handle) > 0:
            source_text = source_text[: source_text.find(")", handle) + 1]  # a post's date after the handle: no name
        if (
            quote is None
            or quote[0] != start
            or len(source_text.split()) > MAX_LINE_SOURCE_WORDS
            or FINITE_IN_LINE_RE.search(source_text)
        ):
            continue
        source = (line.start("source"), line.start("source") + len(source_text))
        lines.append(RawAttribution(source, line.span("dash"), quote, "direct", index))
    return lines


def post_lines(
    text: str, quotes: QuoteIndex, paragraph_spans: list[Span], found: list[RawAttribution]
) -> list[RawAttribution]:
    """An embedded post as a reading view flattens it (GUIDELINES §9): the post's text, then "— Name (@handle) date"
    after it or on its next line; cue the dash, source the name and handle, content the post's text without its
    picture link (direct when it is all one quotation). Not in a paragraph that already has an attribution."""
    claimed = {raw.paragraph for raw in found if not quotes.inside(raw.cue[0])}
    posts = []
    for index, (start, end) in enumerate(paragraph_spans):
        if index in claimed or text.find("(@", start, end) < 0:
            continue
        signoff = POST_SIGNOFF_RE.search(text, max(start, end - MAX_LINE_SOURCE_CHARS), end)
        if signoff is None:
            continue
        # the post's text in the same paragraph only: a sign-off alone in its paragraph may follow a post whose text
        # the page lost, and the paragraph before it is then the writer's (measured: it cost the blind set's F1)
        content = trim_content(text, quotes, start, _before_links(text, start, signoff.start()))
        if len(text[content[0] : content[1]].split()) < MIN_STATEMENT_WORDS:
            continue
        if any(raw.content[0] < content[1] and content[0] < raw.content[1] for raw in found):
            continue  # 'Musk wrote on X:' and the post after it: the post is that cue's content already
        quote = quotes.find(content[0])
        kind = "direct" if quote is not None and quote[0] == content[0] and quote[1] >= content[1] else "indirect"
        posts.append(RawAttribution(signoff.span("source"), signoff.span("dash"), content, kind, index))
    return posts


def _before_links(text: str, start: int, end: int) -> int:
    """Where a post's text ends before its picture or short links ("… next month. pic.twitter.com/abc123"), read
    word by word from the end (each character once)."""
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        word_start = end
        while word_start > start and not text[word_start - 1].isspace():
            word_start -= 1
        if word_start >= end or not text.startswith(POST_LINK_PREFIXES, word_start, end):
            return end
        end = word_start


def _without_full_stop(source: str) -> str:
    """'"…" — Smith.': the line's full stop is no part of the name; an abbreviation's is ('Jones Jr.', 'Acme Inc.')."""
    words = source[:-1].split()
    if not source.endswith(".") or not words:
        return source
    last = words[-1].lower()
    return source if last in ABBREVIATIONS or len(last) == 1 else source[:-1]
