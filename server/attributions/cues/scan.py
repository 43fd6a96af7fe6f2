"""Finding cues: every reporting verb of a text in one pass, and each cue's extent (its particle, addressee and
venue)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from itertools import islice

from ..lexicon import (
    ADDRESSED_GATHERINGS,
    ADDRESSED_PEOPLE,
    BELIEF_FORMS,
    CLOSE_MARKS,
    COORDINATORS,
    DEMONSTRATIVES,
    DETERMINERS,
    NP_BREAK,
    OBJECT_PRONOUNS,
    ORG_HEADS,
    PLURAL_SUBJECTS,
    PRE_CUE_TIME_ENDS,
    PRONOUNS,
    SOURCE_NOUNS,
    looks_plural,
    singular_noun,
)
from ..patterns import (
    ADDRESSED_PROGRAMME_RE,
    ADDRESSEE_RE,
    ADDRESSEE_THEN_CLAUSE_RE,
    ADDRESSEE_THEN_REPORT_RE,
    BASE_SUBJECT_RE,
    CLAUSE_VERB_RE,
    COLON_CUE_MARKS,
    CUE_PUBLICATION_RE,
    CUE_RE,
    CUE_TAIL_RE,
    DIRECTIVE_OBJECT_RE,
    DO_SUPPORT_RE,
    MARK_THEN_QUOTE_RE,
    NOT_FINITE_RE,
    NOUN_LEAD_RE,
    PARTICLE_RES,
    PASSIVE_BE_BEFORE_RE,
    PP_HEAD_RE,
    RELATIVE_THAT_RE,
    REPORT_OPENER_RE,
    TO_ADDRESSEE_RE,
    VERB_AFTER_OTHER_RE,
    VERB_AFTER_SPACE_RE,
)
from ..structure import Span, led_matches
from ..vocabulary import (
    ADDRESSEE_CUES,
    ATTRIBUTIVE_CUE_WORDS,
    CUE_VERBS,
    DIRECTIVE_FORMS,
    DIRECTIVE_ONLY_FORMS,
    DOCUMENT_NOUNS,
    OBJECT_CUES,
    PARTICLE_CUES,
    PLURAL_REPORT_BASE_FORMS,
    TO_ADDRESSEE_CUES,
)

log = logging.getLogger(__name__)


# Most cues looked at in one text (guards time): reporting verbs first, then colon cues ('Smith: "…"') up to the
# rest of the cap, each sentence examined for one counting as one cue.
MAX_CUES = 20000
# Heads tried before a base-form cue, nearest last ("Thousands of people in the town say": "people").
MAX_PHRASE_HEADS = 3
# Characters before an -ing cue looked at for its progressive auxiliary and adverb ("are secretly asking", "was
# quoted by Interfax as saying").
PROGRESSIVE_REACH = 60
# Characters after a request's verb in which its addressee and infinitive are looked for.
MAX_REQUEST_CHARS = 120
# Characters after a cue in which an addressee before "that", a colon or a quote is looked for.
MAX_ADDRESSEE_CHARS = 60
# Closing quotation marks: a cue right after one is inverted ('"…?" asked Fiona Grant').
CLOSING_QUOTE_MARKS: tuple[str, ...] = ('"', "”", "’", "'", "»")
# Most words of an addressee before the cue's venue ("told Wall Street analysts on a call that").
MAX_VENUE_ADDRESSEE_WORDS = 4
# Words no addressee holds: prepositions of a time or manner ("warned for years that"), quantifiers ("tell all:").
# Times, which end an addressee ("warned residents last month that"; "warned last year that" has none): the lexicon's
# time nouns and adverbs and their plurals; TIME_LEADS open a time phrase before them.
TIME_WORDS: frozenset[str] = frozenset(["ago", "earlier", "later", "again"]) | frozenset(
    word.lower() for time in PRE_CUE_TIME_ENDS for word in (time, time + "s")
)
TIME_LEADS: frozenset[str] = frozenset(["last", "next", "this", "on", "in", "every", "a", "few", "several"])
NOT_ADDRESSEE_WORDS: frozenset[str] = (
    frozenset(["of", "for", "like", "about", "as", "all", "everything", "nothing"]) | TIME_WORDS
)
# Forms of "ask", whose report a question word opens too ("asked Keiko Tanaka why …").
ASK_FORMS: frozenset[str] = frozenset(["ask", "asks", "asked"])
# Question words opening an asked report.
QUESTION_OPENERS: frozenset[str] = frozenset(["why", "how", "what", "when", "where", "who", "which", "whether", "if"])
# Most words of a titled name addressed ("White House press secretary Karoline Leavitt").
MAX_TITLED_ADDRESSEE_WORDS = 8
# A word of a titled name: letters, with inner hyphens, periods or apostrophes ("O'Brien", "Jr.").
TITLED_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*+")
# A word of an addressee phrase, as str.split() cuts it.
WORD_RUN_RE = re.compile(r"\S++")
# Characters before a base form looked at for the determiner or preposition that makes it a noun.
DETERMINER_REACH = 8
# Characters before a base form looked at for its plural subject (as the finite pattern looks).
BASE_SUBJECT_CHARS = 60
# Characters after a particle verb in which its particle is looked for (" it clear").
MAX_PARTICLE_CHARS = 12


def verb_scan(text: str) -> tuple[list[int], list[Span]]:
    """Where the cues start and the belief verbs' spans, each after a non-word character, in text order: one scan for
    the cue pass and the belief pass. Each word is of one list only, so the scan finds every word a scan of its list
    alone would (the matches do not overlap either: each ends on a word character and starts on a non-word one)."""
    cues: list[int] = []
    beliefs: list[Span] = []
    for pattern in (VERB_AFTER_SPACE_RE, VERB_AFTER_OTHER_RE):
        for match in pattern.finditer(text):
            start, end = match.start() + 1, match.end()
            if text[start:end] in BELIEF_FORMS:
                beliefs.append((start, end))
            else:
                cues.append(start)
    cues.sort()
    beliefs.sort()
    return cues, beliefs


def cue_matches(text: str, cue_starts: list[int]) -> list[re.Match]:
    """CUE_RE.finditer(text) up to MAX_CUES, ~1.6x faster, from verb_scan(text)'s cue starts. A cue is whole words,
    so cues never overlap and finditer finds every position CUE_RE matches at: 0, or one after a non-word character
    (verb_scan)."""
    starts = list(cue_starts)
    if CUE_RE.match(text):
        starts.insert(0, 0)
    # The very match finditer returns: \b looks behind pos.
    return [CUE_RE.match(text, start) for start in starts[:MAX_CUES]]


def reporting_cues(text: str, cue_starts: list[int]) -> list[re.Match]:
    """cue_matches(text) without the verbs that cannot report where they stand: a particle verb without its particle
    ("made a cake"), a request's verb without an addressee and infinitive ("pushed the car"). They would only cost a
    sentence split of their paragraph (cue_extent rules them out the same way)."""
    return [cue for cue in cue_matches(text, cue_starts) if _may_report(text, cue)]


def _may_report(text: str, cue: re.Match) -> bool:
    verb = cue.group().lower()
    if verb in PARTICLE_CUES:
        return PARTICLE_RES[verb].match(text[cue.end() : cue.end() + MAX_PARTICLE_CHARS]) is not None
    if verb in DIRECTIVE_ONLY_FORMS:
        return DIRECTIVE_OBJECT_RE.match(text, cue.end(), cue.end() + MAX_REQUEST_CHARS) is not None
    if verb in PLURAL_REPORT_BASE_FORMS:
        return _may_be_plural_report(text, cue.start())
    return True


def _may_be_plural_report(text: str, start: int) -> bool:
    """Whether a base form that reports only after a plural subject may stand as one here (a looser test than the
    finite pattern's, so no cue it would take is dropped): not after a determiner or preposition ("the state", "of
    comment"); after a closing quotation mark, an auxiliary or "to", or a word that may be a plural subject."""
    if NOUN_LEAD_RE.search(text, max(0, start - DETERMINER_REACH), start):
        return False
    before = text[max(0, start - BASE_SUBJECT_CHARS) : start]
    if before.rstrip().endswith(CLOSE_MARKS) or DO_SUPPORT_RE.search(before) or NOT_FINITE_RE.search(before):
        return True  # '"…," contend critics', "did state", "went on to state"
    subject = BASE_SUBJECT_RE.search(before)
    if subject is None:
        return False
    word = subject.group(1).lower()
    return (
        word in PLURAL_SUBJECTS or word == "that" or looks_plural(word) or plural_head_before_phrase(before) is not None
    )


def _breaks_phrase(word: str) -> bool:
    """A clause or verb word, which no prepositional phrase holds ("this" and "these" are its determiners)."""
    return (
        (word in NP_BREAK and word not in DEMONSTRATIVES)
        or (word in CUE_VERBS and word not in ATTRIBUTIVE_CUE_WORDS)  # "told state television that …"
        or (word in COORDINATORS)
    )


def plural_head_before_phrase(window: str) -> int | None:
    """Where the subject's plural head starts in window when a prepositional phrase follows it ("Officials at the
    ministry say", "Lawyers for the family argue"): the phrase's words are no verb or clause word, and the head is a
    plural that speaks (a source or document noun: "the video ends on a positive note", "practices on symptoms of
    stress" have none). None without one."""
    phrase = PP_HEAD_RE.search(window)
    for _ in range(MAX_PHRASE_HEADS):
        if phrase is None:
            return None
        inner = window[phrase.end(1) : phrase.end()].split()
        inner = inner[2:] if inner[0].endswith("ed") else inner[1:]  # past the participle and the preposition
        # "data from people who say", "reports on studies that show": a clause, not the head's phrase
        if not any(_breaks_phrase(word.lower()) for word in inner):
            head = phrase.group(1).lower()
            # a pronoun takes no phrase: "will provide you with feedback and suggest" is a verb's object
            speaking = (
                head in SOURCE_NOUNS
                or singular_noun(head) in SOURCE_NOUNS - ORG_HEADS  # "mothers"; not "posts"
                or head in DOCUMENT_NOUNS
                or head in PLURAL_SUBJECTS - PRONOUNS
            )
            return phrase.start(1) if speaking and (head in PLURAL_SUBJECTS or looks_plural(head)) else None
        phrase = PP_HEAD_RE.search(window, phrase.end(1) + 1)  # "Thousands of people in the town": a nearer head
    return None


class ColonQuotes:
    """Where a colon (or dash) cue's mark stands right before a quotation mark (MARK_THEN_QUOTE_RE), found once per
    text: a stretch without one holds no colon cue and is skipped. The matches never overlap (each is a mark, spaces, a
    quotation mark), so a search of a stretch finds one exactly where one of these lies in it whole. Found from the
    marks (led_matches): ~9x faster than the pattern's scan of the text for a class of marks."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        matches = led_matches(text, MARK_THEN_QUOTE_RE, COLON_CUE_MARKS)
        self.starts = [match.start() for match in matches]
        self.ends = [match.end() for match in matches]

    def possible(self, start: int, end: int) -> bool:
        """MARK_THEN_QUOTE_RE.search(text, start, end) finds one."""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.ends[i] <= end


def _report_opens(text: str, pos: int, end: int) -> bool:
    """ "that", "whether", a colon or a quotation mark opens what follows pos."""
    return REPORT_OPENER_RE.match(text, pos, end) is not None


def _addressee_before_clause(text: str, cue_end: int, sentence_end: int) -> int:
    """Where the cue ends past one noun addressed before a bare clause ("told investors the plan would fail", "told his
    staff …"): a noun for people (ADDRESSED_PEOPLE), and a finite verb in the clause after it."""
    addressee = ADDRESSEE_THEN_CLAUSE_RE.match(text, cue_end, min(sentence_end, cue_end + MAX_ADDRESSEE_CHARS))
    if addressee is None:
        return cue_end
    if addressee.group("noun") not in ADDRESSED_PEOPLE and addressee.group("noun") not in ADDRESSED_GATHERINGS:
        return cue_end  # "told stories his grandfather had told him", "asked questions the experts could not answer"
    clause_end = min(sentence_end, addressee.end() + MAX_ADDRESSEE_CHARS)
    return addressee.end("noun") if CLAUSE_VERB_RE.search(text, addressee.end(), clause_end) else cue_end


def _addressee_before_venue(text: str, cue_end: int, sentence_end: int) -> int | None:
    """Where an addressee of a few words ends when the cue's venue and then the report follow it ("told analysts on a
    conference call that …"); the venue is taken after it as any cue's is. None without one."""
    words = WORD_RUN_RE.finditer(text, cue_end, min(sentence_end, cue_end + MAX_ADDRESSEE_CHARS))
    for word in islice(words, MAX_VENUE_ADDRESSEE_WORDS):
        if _breaks_phrase(word.group().lower()) or word.group().lower() in NOT_ADDRESSEE_WORDS:
            return None  # "told them he …", "warned for years …": no addressee's word
        venue = CUE_TAIL_RE.match(text, word.end(), min(sentence_end, word.end() + 120))
        if venue is not None and _report_opens(text, venue.end(), sentence_end):
            return word.end()
    return None


def _titled_name_before_report(text: str, cue_end: int, sentence_end: int, verb: str) -> int | None:
    """Where a name addressed with its title ends ("asked White House press secretary Karoline Leavitt whether …"):
    capitalised words and lowercase title words, no clause word, the name last, before what opens the report (a
    question word after "ask"). None otherwise."""
    run = WORD_RUN_RE.finditer(text, cue_end, min(sentence_end, cue_end + 2 * MAX_ADDRESSEE_CHARS))
    previous: re.Match | None = None
    capitalised = lowercase = 0
    for word in islice(run, MAX_TITLED_ADDRESSEE_WORDS + 1):
        token = word.group()
        lowered = token.lower()
        if previous is not None and token.islower():
            opens = (
                lowered in QUESTION_OPENERS if verb in ASK_FORMS else _report_opens(text, previous.end(), sentence_end)
            )
            if opens:
                # a title word among the names ("product manager") and a name last: a lone name is ADDRESSEE_RE's
                named = previous.group()[0].isupper() and previous.group()[-1].isalpha()
                return previous.end() if named and capitalised >= 2 and lowercase else None
        if not TITLED_WORD_RE.fullmatch(token) or _breaks_phrase(lowered) or lowered in NOT_ADDRESSEE_WORDS:
            return None
        if lowered in DETERMINERS or (previous is None and not token[0].isupper()):
            return None  # "asked questions …", "asked the …": no name's title
        if token[0].isupper():
            capitalised += 1
        else:
            lowercase += 1
        previous = word
    return None


def _addressee_before_report(text: str, cue_end: int, sentence_end: int) -> int:
    """Where the cue ends past a noun phrase addressed before "that", a colon or a quote ("told colleagues that …"):
    its words no clause or verb word ("told him the plan was" is ADDRESSEE_RE's), no name (ADDRESSEE_RE's too)."""
    before_venue = _addressee_before_venue(text, cue_end, sentence_end)
    if before_venue is not None:
        return before_venue
    addressee = ADDRESSEE_THEN_REPORT_RE.match(text, cue_end, min(sentence_end, cue_end + MAX_ADDRESSEE_CHARS))
    if addressee is None:
        return _addressee_before_clause(text, cue_end, sentence_end)
    spans = [(word.group(), word.end()) for word in WORD_RUN_RE.finditer(addressee.group(1))]
    words = [word for word, _ in spans]
    timed = next((i for i, word in enumerate(words) if word.lower() in TIME_WORDS), len(words))
    while 0 < timed < len(words) and words[timed - 1].lower() in TIME_LEADS:
        timed -= 1  # "last month", "on Monday"
    if 0 < timed < len(words):
        words = words[:timed]  # "warned residents last month that …": the addressee ends before its time
    if any(_breaks_phrase(word) or word.lower() in NOT_ADDRESSEE_WORDS for word in words) or words[-1] in DETERMINERS:
        return cue_end  # "warned for years that", "is usually told like this:", "advises prioritizing “…”"
    if len(words) > 1 and (words[0] in OBJECT_PRONOUNS or any(word in PRONOUNS for word in words[1:])):
        return cue_end  # "told them he thought that …": a pronoun is an addressee alone, and a subject opens a clause
    if words[-1].endswith("ing") or RELATIVE_THAT_RE.match(text, addressee.end(1), sentence_end):
        return cue_end  # "warned companies that have sold …": a relative clause, its object no addressee
    return addressee.start(1) + spans[len(words) - 1][1]


def cue_extent(text: str, cue: re.Match, sentence_end: int) -> tuple[int, int, str] | None:
    """The cue span (verb plus addressee/venue) and the verb's lowercase form; None for a particle verb without
    its particle."""
    verb = cue.group().lower()
    cue_start, cue_end = cue.start(), cue.end()
    if verb in PARTICLE_CUES:
        particle = PARTICLE_RES[verb].match(text[cue_end : cue_end + MAX_PARTICLE_CHARS])
        if not particle:
            return None
        cue_end += particle.end()
    request = None
    if verb in DIRECTIVE_FORMS:
        request = DIRECTIVE_OBJECT_RE.match(text, cue_end, min(sentence_end, cue_end + MAX_REQUEST_CHARS))
    if request:
        cue_end = request.start() + len(request.group().rstrip())  # the addressee belongs to the cue
    elif verb in DIRECTIVE_ONLY_FORMS:
        return None  # "pushed the car": such a verb reports only a request
    elif (
        verb in ADDRESSEE_CUES
        and not text[max(0, cue_start - 4) : cue_start].rstrip().endswith(CLOSING_QUOTE_MARKS)
        and not PASSIVE_BE_BEFORE_RE.search(text, max(0, cue_start - 8), cue_start)
    ):
        # ("Jurors were told the victim …": a passive's addressee is its subject, none follows the participle)
        # ('"…?" asked Fiona Grant': right after its quotation the verb is inverted, the name after it its source)
        addressee = ADDRESSEE_RE.match(text[cue_end : min(sentence_end, cue_end + 80)])
        programme = ADDRESSED_PROGRAMME_RE.match(text, cue_end, min(sentence_end, cue_end + 120))
        if programme:
            cue_end = programme.end()  # 'told CNN's "State of the Union" that': the show is the addressee
        elif addressee and _report_opens(text, cue_end + addressee.end(), sentence_end):
            cue_end += addressee.end()  # "told reporters that", "warns Mr Johnson: …"
        elif (titled := _titled_name_before_report(text, cue_end, sentence_end, verb)) is not None:
            cue_end = titled  # "asked Sony product manager Keiko Tanaka why …": a title before the name addressed
        elif (longer := _addressee_before_report(text, cue_end, sentence_end)) > cue_end or not addressee:
            cue_end = longer  # "told local television station KARE 11 that": more than a name before the report
        elif verb in OBJECT_CUES:
            cue_end += addressee.end()  # "told reporters the plan …"
    elif verb in TO_ADDRESSEE_CUES and (addressed := TO_ADDRESSEE_RE.match(text, cue_end, sentence_end)):
        cue_end = addressed.end()  # "confirmed to The Verge", "explained to me"
    venue = CUE_TAIL_RE.match(text, cue_end, min(sentence_end, cue_end + 120)) or CUE_PUBLICATION_RE.match(
        text, cue_end, min(sentence_end, cue_end + 80)
    )
    if venue:
        cue_end = venue.end()
    return cue_start, cue_end, verb
