"""Discontinuous contents: a quote split by its cue ('"X," she said. "Y."'), paragraphs that carry a quote on
without a cue of their own, and contents running over several paragraphs; each piece becomes a fragment and the
content its hull (tests/attributions/GUIDELINES.md §3)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right

from .content import kind, skip_adverbials
from .lexicon import (
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    IRREGULAR_PERSON_PLURALS,
    MALE_PRONOUNS,
    MALE_TITLES,
    PRONOUNS,
    SOURCE_NOUNS,
)
from .patterns import (
    CUE_TOPIC_RE,
    FRONTED_LEAD_RE,
    OPENING_MARK_RE,
    OPENING_MARKS,
    QUOTE_CHARS_RE,
    QUOTE_MARKS,
    RELATIVE_RE,
    SPLIT_ASIDE_RE,
    WORD_CHAR_RE,
    WORD_RE,
)
from .structure import QuoteIndex, RawAttribution, Span, search_with

log = logging.getLogger(__name__)

# The article's own opening marks (single ones are its quotation marks only once as_double_quoted traded them).
DOUBLE_OPENING_MARKS = '"“„«'
# Most characters between a split quote's cue (or source) and the quote that carries it on: the rest of the
# sentence ("…, who runs the shop.") but no more.
MAX_SPLIT_GAP = 120
# Most characters of narration between a speaker's quotation and a later cue-less one in the paragraph it carries on.
MAX_NARRATION_GAP = 300
# The speaker's pronouns that open each sentence of narration a quotation goes on after.
NARRATION_SUBJECTS: frozenset[str] = frozenset(["he", "she", "they"])
# The subject pronoun each possessive of a fronted phrase ("In his view,") stands for.
POSSESSIVE_SUBJECTS: dict[str, str] = {"his": "he", "her": "she", "their": "they"}
# Characters before a request's cue in which its source's relative pronoun is looked for ("…, who asked to …").
RELATIVE_REACH = 40
# Most paragraphs a cue-less quotation carries a speaker on for.
MAX_CONTINUED_PARAGRAPHS = 6
# Parts looked at before a span for an overlap (each attribution has three; a paragraph holds a few).
MAX_PARTS_BACK = 64
# Characters between a fragment and its paragraph's end that still leave the paragraph "wholly quoted".
QUOTE_TAIL = 3


class _Claims:
    """Where the attributions found so far lie: their cues, and every part of each (a quote inside one is taken)."""

    __slots__ = ("cue_starts", "part_starts", "parts", "reports", "requests")

    def __init__(self, text: str, raws: list[RawAttribution], paragraph_starts: list[int]) -> None:
        self.cue_starts = sorted(raw.cue[0] for raw in raws)
        # each attribution's content and the paragraph of its cue
        self.reports = [(raw.content, _paragraph_of(paragraph_starts, raw.cue[0]), id(raw)) for raw in raws]
        # a request's cue and its source ("…, who asked to remain anonymous"): it reports no quotation after it
        self.requests = {raw.cue[0]: raw.source for raw in raws if _is_request(text, raw)}
        parts = sorted(
            (span, id(raw)) for raw in raws for span in (raw.source, raw.cue, raw.content) if span is not None
        )
        self.parts = parts
        self.part_starts = [span[0] for span, _ in parts]

    def cue_between(self, start: int, end: int, source: Span | None = None) -> bool:
        """A cue in [start, end), but a request by source (the speaker's own "who asked to remain anonymous")."""
        i = bisect_left(self.cue_starts, start)
        while i < len(self.cue_starts) and self.cue_starts[i] < end:
            cue = self.cue_starts[i]
            if source is None or cue not in self.requests or self.requests[cue] != source:
                return True
            i += 1
        return False

    def taken(self, span: Span, owner: RawAttribution) -> bool:
        """Another attribution has a part overlapping span (parts are few per paragraph: a short scan back)."""
        i = bisect_left(self.part_starts, span[1])
        for j in range(i - 1, max(-1, i - 1 - MAX_PARTS_BACK), -1):
            (_, end), raw_id = self.parts[j]
            if raw_id != id(owner) and end > span[0]:
                return True
        return False


def join_fragments(text: str, quotes: QuoteIndex, paragraph_spans: list[Span], raws: list[RawAttribution]) -> None:
    """Give each attribution its fragments (in place): split quotes, continuation paragraphs, one per paragraph."""
    if not raws:
        return
    paragraph_starts = [start for start, _ in paragraph_spans]
    claimed = [raw for raw in raws if not quotes.inside(raw.cue[0])]  # a nested report claims no quote
    claims = _Claims(text, claimed, paragraph_starts)  # read once: every quotation is cut against the same claims
    trimmed = False
    for raw in raws:
        if raw.fragments is None:
            content = _own_paragraphs(raw.content, raw, claims, paragraph_spans, paragraph_starts)
            trimmed |= content != raw.content
            raw.content = content
    if trimmed:
        claims = _Claims(text, claimed, paragraph_starts)  # the parts each attribution holds now
    for raw in raws:
        spans = list(raw.fragments or [raw.content])
        split = _split_quote(text, quotes, raw, claims, paragraph_spans, paragraph_starts)
        if split is not None:
            spans.append(split)  # a quotation may run on over paragraphs: one fragment each, below
        raw.fragments = _split_by_paragraph(text, spans, paragraph_spans, paragraph_starts)
    _continue_paragraphs(text, quotes, paragraph_spans, paragraph_starts, raws, claims)
    for raw in raws:
        fragments = raw.fragments or [raw.content]
        if len(fragments) == 1:
            raw.fragments = None
            continue
        raw.content = (fragments[0][0], fragments[-1][1])
        kinds = {_fragment_kind(text, quotes, fragment) for fragment in fragments}
        raw.kind = "direct" if kinds == {"direct"} else ("mixed" if kinds & {"direct", "mixed"} else "indirect")


def _fragment_kind(text: str, quotes: QuoteIndex, fragment: Span) -> str:
    """A fragment inside one quotation, opening with its mark, is direct (a paragraph of a quotation running on
    over several paragraphs opens with a mark of its own)."""
    quote = quotes.find(fragment[0])
    if quote is not None and quote[1] >= fragment[1] and text[fragment[0]] in OPENING_MARKS:
        return "direct"
    return kind(text, quotes, *fragment)


def _paragraph_of(paragraph_starts: list[int], pos: int) -> int:
    return max(0, bisect_right(paragraph_starts, pos) - 1)


def _split_by_paragraph(
    text: str, spans: list[Span], paragraph_spans: list[Span], paragraph_starts: list[int]
) -> list[Span]:
    """A fragment never crosses a blank line: a content over several paragraphs is one fragment per paragraph."""
    pieces: list[Span] = []
    for start, end in spans:
        i = _paragraph_of(paragraph_starts, start)
        while i < len(paragraph_spans) and paragraph_spans[i][0] < end:
            piece_start, piece_end = max(start, paragraph_spans[i][0]), min(end, paragraph_spans[i][1])
            if piece_end > piece_start and WORD_CHAR_RE.search(text, piece_start, piece_end):
                pieces.append((piece_start, piece_end))
            i += 1
    return pieces or spans


def _own_paragraphs(
    span: Span, owner: RawAttribution, claims: _Claims, paragraph_spans: list[Span], paragraph_starts: list[int]
) -> Span:
    """The part of a quotation running over paragraphs that no other attribution takes: a later cue of the same
    quotation starts a new attribution in its paragraph ('told the meeting: "X. ⏎ "Y. ⏎ "Z," he said.'), and a cue
    in an earlier paragraph keeps all that comes before this one's (GUIDELINES §3)."""
    first, last = _paragraph_of(paragraph_starts, span[0]), _paragraph_of(paragraph_starts, span[1] - 1)
    if first == last:
        return span
    own = min(max(_paragraph_of(paragraph_starts, owner.cue[0]), first), last)
    start, end = span
    if own > first and claims.cue_between(paragraph_spans[first][0], paragraph_spans[own][0]):
        start = paragraph_spans[own][0]  # an earlier paragraph's cue claims all before this one's paragraph
    for content, cue_paragraph, raw_id in claims.reports:
        if own < cue_paragraph <= last and raw_id != id(owner) and content[0] < span[1] and content[1] > span[0]:
            end = min(end, paragraph_spans[cue_paragraph - 1][1])  # a later cue of this quote claims its paragraph on
    return (start, end) if end > start else span


def _ends_in_quote(text: str, quotes: QuoteIndex, span: Span) -> bool:
    quote = quotes.find(span[1] - 1)
    return quote is not None and quote[1] == span[1]


def _split_quote(
    text: str,
    quotes: QuoteIndex,
    raw: RawAttribution,
    claims: _Claims,
    paragraph_spans: list[Span],
    paragraph_starts: list[int],
) -> Span | None:
    """'"X," she said. "Y."' and '"X," she said, "Y."': the quote right after the cue (and the rest of its
    sentence) carries on the quote before it, unless another attribution has it. So does a cue-less quote right
    after a statement that ends its sentence ('He said he was not deterred. "I don't expect anything."')."""
    last = (raw.fragments or [raw.content])[-1]  # a statement around its cue ('X, she says, Y.') ends after it
    forward = last[0] > raw.cue[0]
    if forward and _is_request(text, raw):
        return None  # "…, who asked to remain anonymous. “…”": the quotation is the speaker's, not the request's
    # forward, the next sentence must follow at once (only its closing punctuation between); backward, a quote or a
    # paraphrase before its cue ('Search is an example, Malone said. “That's not …”') goes on after cue and source
    after = last[1] if forward else max(raw.cue[1], raw.source[1] if raw.source else 0)
    paragraph_end = paragraph_spans[_paragraph_of(paragraph_starts, after)][1]
    skipped = False
    aside = None
    if not forward:
        adverbials_end = skip_adverbials(text, after, paragraph_end)  # '"X," Lee said on Tuesday, "Y."': the cue's time
        aside = SPLIT_ASIDE_RE.match(text, adverbials_end, paragraph_end)  # '"X," Lee said of the plan, "Y."'
        if aside is not None:
            adverbials_end = aside.end()
        skipped = WORD_CHAR_RE.search(text, after, adverbials_end) is not None
        after = adverbials_end
    limit = min(paragraph_end, after + MAX_SPLIT_GAP)
    opening = _next_quote_mark(text, after, limit)
    if opening is None:
        return None if forward else _quote_after_narration(text, quotes, raw, claims, after, paragraph_end)
    quote = quotes.starting_at(opening)
    if quote is None or claims.cue_between(after, opening, raw.source):
        return None
    quote = _own_paragraphs(quote, raw, claims, paragraph_spans, paragraph_starts)
    if claims.taken(quote, raw):
        return None
    gap = text[after:opening].rstrip()
    if not forward and not _narration_of_speaker(text, raw.source, WORD_RE.findall(gap)):
        return None  # '“…,” she said. He worked at the mill. “…”': the narration is about someone else
    lead = None if forward else _fronted_lead(gap)
    if lead is not None:
        if not _ends_sentence(text, quote, paragraph_end):
            return None  # '“…,” Lee said. At first, “the plan” was popular': a quoted phrase of the writer's sentence
        possessive = lead.group("possessive")
        before = WORD_RE.findall(gap[: lead.start()])
        if possessive is not None and not _pronoun_of_speaker(
            text, raw.source, POSSESSIVE_SUBJECTS[possessive], before
        ):
            return None  # '“…,” Lee said. In her view, “…”' with Lee a man: the view is someone else's
        gap = gap[: lead.start()]  # '"…," Slemp said. As a parent, "we're …"': the next sentence's quotation goes on
    # nothing but punctuation, or the end of the sentence the cue is in ("…, who runs the shop.")
    if WORD_CHAR_RE.search(gap) and (forward or not gap.endswith((".", "!", "?", ":"))):
        return None
    if skipped and not gap:
        return None  # '“…,” Lee said on Tuesday “Meet the Press” aired a clip': no comma, so a title of the next clause
    if forward and not gap.endswith((".", "!", "?", ":")):
        return None  # "he said X “and Y”": a quote inside the same sentence is the content's own
    if aside is not None and not _ends_sentence(text, quote, paragraph_end):
        return None  # 'she said while her husband, “the real boss,” watched': a scare-quoted phrase of the aside
    return quote


def _fronted_lead(gap: str) -> re.Match[str] | None:
    """A short phrase fronted in the next sentence that keeps to the speaker's view, ending the gap before a
    quotation ('. As a parent,'); its start is where the sentence before it ends. None without one."""
    end = max(gap.rfind("."), gap.rfind("!"), gap.rfind("?"))
    if end < 0:
        return None
    return FRONTED_LEAD_RE.fullmatch(gap, end + 1)


def _ends_sentence(text: str, quote: Span, paragraph_end: int) -> bool:
    """The quotation ends its sentence: a full stop, "?" or "!" inside its closing mark, or the paragraph's end."""
    inner = text[quote[0] : quote[1]].rstrip(QUOTE_MARKS + "’' ")
    return inner.endswith((".", "!", "?", "…")) or not text[quote[1] : paragraph_end].strip()


def _quote_after_narration(
    text: str, quotes: QuoteIndex, raw: RawAttribution, claims: _Claims, after: int, paragraph_end: int
) -> Span | None:
    """'"X," said Foreman, who has put out 20 applications. He worked in construction. "Y."': a quotation opening a
    sentence later in the paragraph goes on from the speaker's, when the narration between names no one else (no
    capitalised word but its sentences' first) and holds no cue and no other quotation."""
    if quotes.find(raw.content[0]) is None:
        return None  # only a quotation is carried on
    limit = min(paragraph_end, after + MAX_NARRATION_GAP)
    opening = _next_quote_mark(text, after, limit)
    if opening is None or claims.cue_between(after, opening):
        return None
    gap = text[after:opening]
    if not gap.rstrip().endswith((".", "!", "?")) or QUOTE_CHARS_RE.search(gap) is not None:
        return None
    words = WORD_RE.findall(gap)
    starts = _sentence_starts(words)
    sentence_starts = {0, *starts}
    if any(word[:1].isupper() for i, word in enumerate(words) if i not in sentence_starts):
        return None  # "His wife, Mary, disagreed.": someone else is named
    # each sentence of the narration is about the speaker: it opens with a subject pronoun and names no person by a
    # noun ("His wife sees things differently.", "The reporter left.")
    if any(words[i].lower() not in NARRATION_SUBJECTS for i in starts):
        return None
    if not _narration_of_speaker(text, raw.source, words):
        return None
    if any(word.strip(".,;:!?()").lower() in SOURCE_NOUNS for word in words):
        return None
    quote = quotes.starting_at(opening)
    if quote is None or claims.taken(quote, raw):
        return None
    return quote


def _sentence_starts(words: list[str]) -> list[int]:
    """The indexes of the words opening a sentence after the first (a word after one ending in ".", "!" or "?")."""
    return [i + 1 for i, word in enumerate(words[:-1]) if word.endswith((".", "!", "?"))]


def _narration_of_speaker(text: str, source: Span | None, words: list[str]) -> bool:
    """The subject pronouns opening the narration's sentences (after the rest of the cue's) are the speaker's: one
    pronoun throughout; the source's own when the source is a pronoun; "they" only for several ("Smith and Jones",
    "officials"); "he" or "she" for a name unless its title or the rest of its sentence says the other ("said Foreman,
    who lost his job in 1990. She worked …"). Narration opened otherwise is left to the caller."""
    starts = _sentence_starts(words)
    pronouns = {words[i].lower() for i in starts} & NARRATION_SUBJECTS
    if not pronouns:
        return True
    if len(pronouns) != 1:
        return False
    (pronoun,) = pronouns
    return _pronoun_of_speaker(text, source, pronoun, words[: starts[0]])


def _pronoun_of_speaker(text: str, source: Span | None, pronoun: str, lead: list[str]) -> bool:
    """The subject pronoun can stand for the source: the source's own when it is a pronoun; "they" only for several;
    "he" or "she" for a name unless its title or the words after it (lead) say the other."""
    if source is None:
        return True
    source_words = [word.strip(".,;:’'").lower() for word in text[source[0] : source[1]].split()]
    if not source_words:
        return False
    if source_words[-1] in PRONOUNS:
        return source_words[-1] == pronoun
    last = text[source[0] : source[1]].split()[-1]
    several = "and" in source_words or (last.islower() and (last.endswith("s") or last in IRREGULAR_PERSON_PLURALS))
    if pronoun == "they" or several:
        return pronoun == "they" and several  # "officials", "Lee and Park" are no "he"
    other_pronouns, other_titles = (FEMALE_PRONOUNS, FEMALE_TITLES) if pronoun == "he" else (MALE_PRONOUNS, MALE_TITLES)
    if any(word in other_titles for word in source_words):
        return False
    return not any(word.strip(".,;:!?()’'").lower() in other_pronouns for word in lead)


def _is_request(text: str, raw: RawAttribution) -> bool:
    """A request inside its source's relative clause ("…, who asked to remain anonymous", "who asked not to be named"):
    an aside about the speaker; a main clause's vow or plea ("vowed to fight on. “…”") goes on into its quotation."""
    if not text.startswith(("to ", "not to "), raw.content[0]):
        return False
    return search_with(RELATIVE_RE, "wh", text, max(0, raw.cue[0] - RELATIVE_REACH), raw.cue[0]) is not None


def _next_quote_mark(text: str, start: int, limit: int) -> int | None:
    """The next mark that may open a quotation: an apostrophe right after a letter is a possessive's or a
    contraction's ("said after Sunday's game. “…”"), never an opening."""
    mark = OPENING_MARK_RE.search(text, start, limit)
    while mark is not None and mark.group() in "'’" and text[mark.start() - 1 : mark.start()].isalnum():
        mark = OPENING_MARK_RE.search(text, mark.end(), limit)
    return mark.start() if mark else None


def _continue_paragraphs(
    text: str,
    quotes: QuoteIndex,
    paragraph_spans: list[Span],
    paragraph_starts: list[int],
    raws: list[RawAttribution],
    claims: _Claims,
) -> None:
    """A paragraph that opens a quotation with no cue of its own, right after a paragraph ending in a quoted
    attribution, continues that attribution; so do the wholly quoted paragraphs after it."""
    # a quotation running over paragraphs to a cue in a later one ('"A.' / '"B," Harry said.'): its earlier paragraphs,
    # by their start; one right after another attribution's quotation continues that one, and the cue keeps the rest
    run_on: dict[int, RawAttribution] = {}
    for raw in raws:
        cue_paragraph = _paragraph_of(paragraph_starts, raw.cue[0])
        for fragment in (raw.fragments or [])[:-1]:
            if _paragraph_of(paragraph_starts, fragment[0]) < cue_paragraph:
                run_on[fragment[0]] = raw
    in_paragraph: dict[int, list[RawAttribution]] = {}
    for raw in raws:
        in_paragraph.setdefault(_paragraph_of(paragraph_starts, _attribution_end(raw) - 1), []).append(raw)
    for index, found in in_paragraph.items():
        if index + 1 >= len(paragraph_spans) or quotes.find(paragraph_spans[index + 1][0]) is None:
            continue  # no quotation at the next paragraph's start (most): the loop below would stop there at once
        quotation = _last_quotation(text, quotes, found)
        # what follows it in the paragraph may only be the same source's ("…," Harry said, recalling …)
        after = [other for other in found if quotation and _attribution_end(other) > _attribution_end(quotation)]
        if quotation is None or any(other.source != quotation.source for other in after):
            quotation, after = None, []
        raw = quotation or _last_paraphrase(quotes, found)
        if raw is None:
            continue
        fragments = raw.fragments or [raw.content]
        end = max(_attribution_end(other) for other in [raw, *after])
        end = skip_adverbials(text, end, paragraph_spans[index][1])
        topic = CUE_TOPIC_RE.match(text, end, paragraph_spans[index][1])
        if topic is not None and topic.end() >= paragraph_spans[index][1] - QUOTE_TAIL:
            end = topic.end()  # '"…," Lee said of the vote.' / '"…"': what it was said of is no narration
        if WORD_CHAR_RE.search(text, end, paragraph_spans[index][1]):
            continue  # the paragraph goes on after the attribution: its quote is not what the next one continues
        added: list[Span] = []
        running: Span | None = None  # a quotation left open at the end of the paragraph carried on last
        for following in range(index + 1, min(len(paragraph_spans), index + 1 + MAX_CONTINUED_PARAGRAPHS)):
            start, end = paragraph_spans[following]
            quote = quotes.find(start)
            if quote is None or claims.cue_between(start, _own_reach(text, quote, start, end)):
                break
            later = run_on.get(start)
            if quotation is None and (
                later is not None or not (added or _quoted_speech(text, quote, start, end, raw.source))
            ):
                break  # after a paraphrase only a paragraph of the speaker's words: no heading ('‘No Jobs’'), no aside
            # '"B.' / '"C."': a quotation run on over paragraphs, each opening with a mark, is one span from the first
            goes_on = quote == running and text[start] in OPENING_MARKS
            if later is not None and later is not raw and later.fragments and later.fragments[0][0] == start:
                later.fragments = later.fragments[1:]  # its first paragraph is this speaker's, carried on
                if len(later.fragments) == 1:
                    later.content = later.fragments[0]
                piece = (start, end)
            elif (quote[0] != start and not goes_on) or claims.taken((start, min(quote[1], end)), raw):
                break
            else:
                piece = (start, min(quote[1], end))
            added.append(piece)
            if piece[1] < end - QUOTE_TAIL:
                break  # narration follows the quote: the speaker's words end here
            running = quote if quote[1] > end else None
        if added:
            raw.fragments = fragments + added


def _own_reach(text: str, quote: Span, start: int, end: int) -> int:
    """Where a cue would make a paragraph's opening quotation someone else's: anywhere in the paragraph, but only
    inside the quotation when it closes a sentence of its own (narration after it is the next sentence's, where
    paragraphs were run together)."""
    if quote[0] == start and quote[1] < end and _ends_sentence(text, quote, end):
        return quote[1]
    return end


def _quoted_speech(text: str, quote: Span, start: int, end: int, source: Span | None) -> bool:
    """The paragraph opens with a quotation that reads as the speaker's: whole sentences in the article's own marks
    (a single-quoted line beside them is a heading or a pull quote), running on past the paragraph's end or closing
    after a sentence's last mark (narration may follow it, where paragraphs were run together), and not naming the
    speaker ('Lee said he would go.' / '"Lee let us all down."' is someone else's)."""
    if quote[0] != start or text[start] not in DOUBLE_OPENING_MARKS:
        return False
    if quote[1] <= end and text[quote[0] : quote[1]].rstrip(QUOTE_MARKS + "’' ")[-1:] not in ".!?…":
        return False
    name = text[source[0] : source[1]].split()[-1:] if source is not None else []
    if not name or not name[0][:1].isupper() or name[0].lower() in PRONOUNS:
        return True
    said = {
        word.strip(".,;:!?()’'\"“”").removesuffix("’s").removesuffix("'s")
        for word in text[start : min(quote[1], end)].split()
    }
    return name[0] not in said


def _last_quotation(text: str, quotes: QuoteIndex, found: list[RawAttribution]) -> RawAttribution | None:
    """The paragraph's last attribution whose content is all quotation."""
    for raw in sorted(found, key=_attribution_end, reverse=True):
        if all(_fragment_kind(text, quotes, fragment) == "direct" for fragment in raw.fragments or [raw.content]):
            return raw
    return None


def _last_paraphrase(quotes: QuoteIndex, found: list[RawAttribution]) -> RawAttribution | None:
    """The paragraph's last attribution when none is all quotation: a quotation with no cue in the next paragraph
    goes on from the speaker's paraphrase ('Parton said the plan "lacked teeth".' / '"We want …"', GUIDELINES §7);
    not a report nested inside someone's quotation."""
    raw = max(found, key=_attribution_end)
    return None if quotes.inside(raw.cue[0]) else raw


def _attribution_end(raw: RawAttribution) -> int:
    fragments = raw.fragments or [raw.content]
    return max(fragments[-1][1], raw.cue[1], raw.source[1] if raw.source else 0)
