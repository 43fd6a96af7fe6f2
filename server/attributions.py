"""Stage 8, attributions — who said what: find attributions (source, cue, content) in an article's plain text.

Rule-based and dependency-free on purpose: a regex pass finds reporting cues, a linear scan pairs
quotation marks, and small backward/forward scanners pick the source noun phrase and the content.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .limits import Deadline

__all__ = ["Attribution", "find_attributions"]


def _words(block: str) -> list[str]:
    """Word lists are written as whitespace-separated blocks: easy to read and extend."""
    return block.split()


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
        }


# ---------------------------------------------------------------------------------------------
# Heuristics: word lists and patterns, each in one place.
# ---------------------------------------------------------------------------------------------

# Finite reporting verbs (speech/writing acts); beliefs (think, believe) are excluded by the guidelines.
CUE_VERBS: tuple[str, ...] = tuple(
    _words(
        """
    said says say told tells tell added adds wrote writes reported reports announced announces
    warned warns noted notes claimed claims argued argues insisted insists stated states explained
    explains acknowledged acknowledges admitted admits confirmed confirms denied denies suggested
    suggests tweeted tweets posted posts declared declares predicted predicts urged urges stressed
    stresses testified testifies replied replies responded responds asked asks recalled recalls
    continued continues concluded concludes emphasized emphasizes emphasised emphasises emphasize
    emphasise observed observes commented comments remarked remarks cautioned cautions alleged
    alleges maintained maintains contended contends countered counters conceded concedes disclosed
    discloses revealed reveals hinted hints complained complains boasted boasts promised promises
    vowed vows pledged pledges asserted asserts reiterated reiterates mentioned mentions answered
    answers quipped quips joked jokes explain argue note warn claim insist suggest stress conclude
    highlight highlighted highlights pointed points underscored underscores underlined underlines
    acknowledge admit endorsed endorses blogged recounted recounts described describes proclaimed
    proclaims announce confirm deny recommend recommended recommends advised advises assured assures
    reminded reminds informed informs shared shares estimated estimates forecast forecasts projected
    projects predict urge report write add cites cited cite advise recommends flagged flags point agrees
    agreed divulged divulges instructed speculates speculated confesses confessed offers offered puts put
    noting adding saying telling highlighting warning arguing explaining stressing insisting urging writing emphasizing
    emphasising stating claiming acknowledging
    """
    )
)

# Participial cues ("…, noting that …") take the subject of the clause they hang on.
PARTICIPLE_CUES: frozenset[str] = frozenset(
    _words(
        """
    noting adding saying telling highlighting warning arguing explaining stressing insisting urging
    writing emphasizing emphasising stating claiming acknowledging
    """
    )
)

# Advice-type verbs report a recommendation even with a plain object ("She advises cold brew coffee").
OBJECT_CONTENT_CUES: frozenset[str] = frozenset(
    _words(
        """
    recommends recommended recommend advises advised advise suggests suggested suggest urges urged
    urge stresses stressed stress highlights highlighted highlight cites cited cite warns warned
    emphasizes emphasized emphasises emphasised points pointed endorsed endorses
    """
    )
)

# Verbs that only count as a cue when followed by "that", a quote or a colon (too often literal).
WEAK_CUES: frozenset[str] = frozenset(
    _words(
        """
    shared shares showed shows found finds projected projects continued continues posted posts
    described describes agrees agreed offers offered reported reports estimated estimates forecast
    forecasts underscored underscores underlined underlines revealed reveals informed informs
    advised advises reminded reminds endorsed endorses instructed
    """
    )
)

# Commitment verbs report their infinitive ("vowed to keep trying").
VOW_CUES: frozenset[str] = frozenset(
    _words(
        """
    vowed vows pledged pledges promised promises threatened threatens urged urges
    """
    )
)

# Verbs whose object (the addressee) belongs to the cue: "told reporters", "asked the BBC".
OBJECT_CUES: frozenset[str] = frozenset(
    _words(
        """
    told tells tell asked asks informed informs assured assures reminded reminds advised advises
    """
    )
)

# Verbs that report only with their particle: "pointed out", "points to", "puts it".
PARTICLE_CUES: dict[str, str] = {
    "pointed": "out|to",
    "points": "out|to",
    "point": "out|to",
    "puts": "it",
    "put": "it",
}

# Base-form verbs are only finite after a plural subject; keep them out of verb-first (inverted) use.
BASE_FORMS: frozenset[str] = frozenset(
    _words(
        """
    say tell explain argue note warn claim insist suggest stress conclude highlight emphasize
    emphasise acknowledge admit announce confirm deny recommend predict urge report write add
    """
    )
)


def _trie_pattern(words: list[str]) -> str:
    """A prefix-factored alternation: Python's re tries alternatives one by one, a trie keeps it fast."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return build(trie)


# The reporting cue regex: "according to" plus the verb list, word-bounded and trie-shaped for speed.
_CUE_WORDS = r"(?:[Aa]ccording to|" + _trie_pattern(sorted(set(CUE_VERBS))) + ")"
_CUE_RE = re.compile(r"\b" + _CUE_WORDS + r"\b")
# The same cues found by the non-word character before them: a pattern that opens with a literal or a character
# class lets re skip to the candidates instead of trying a match at every position. A space comes before most;
# [^a-zA-Z0-9_ ] is a quick bit test, and the lookbehind keeps of it only non-word characters.
_CUE_AFTER_SPACE_RE = re.compile(" " + _CUE_WORDS + r"\b")
_CUE_AFTER_OTHER_RE = re.compile(r"[^a-zA-Z0-9_ ](?<=\W)" + _CUE_WORDS + r"\b")

# Linear-time patterns: each run is taken whole by a possessive quantifier (\s++, [\w]++) where what follows cannot
# start with a character of the run, so giving some back never changes a match. A pattern that opens with a
# whitespace run and is only ever matched right after a word also carries (?<!\s): searched over a long run it
# is tried at the run's start only, not at every position of it (which rescans the run each time).

# A cue's venue belongs to the cue span: "said in a statement", "said during a press conference".
_CUE_TAIL_RE = re.compile(
    r"(?<!\s)\s++(?:in|during|at|on|via|through|from)\s++(?:a|an|the|his|her|their|its|our|my)\s++"
    r"(?:[\w’'-]++\s++){0,3}?"
    r"(?:statement|interview|press conference|news conference|press briefing|briefing|post|tweet|"
    r"letter|e-?mail|speech|address|op-ed|memo|blog post|blog|video|message|filing|call|hearing|"
    r"podcast|note|release|announcement|broadcast|essay|column|article|paper|report|study|"
    r"conference|event|panel|session|remarks|testimony|episode|newsletter|thread|comment|comments|"
    r"appearance|meeting|summit|rally|forum|keynote|talk|notice|book|lawsuit|complaint|affidavit|"
    r"opinion|ruling|decision|document|survey|presentation|webinar|livestream|thread)\b"
)

# "that" a few words after the cue, behind a preposition or adverb: an adverbial ("argued for years that").
_THAT_SOON_RE = re.compile(
    r"(?<!\s)\s++(?:for|by|on|in|at|during|over|after|before|to|with|via|through|last|this|earlier|later|again|"
    r"repeatedly|privately|publicly)\b(?:\s++[\w’'.-]++){0,5}?\s++(that)\b(?![’'])"
)

# A named publication as the cue's venue, before its content: "writes in Grimdark Magazine that".
# (A name's words stay backtracking: "that" may end inside one, "in Forthat:" matching " in For".)
_CUE_PUBLICATION_RE = re.compile(
    r"(?<!\s)\s++(?:in|on)\s++"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][\w’'.&-]*(?:\s++[A-Z][\w’'.&-]*){0,3}(?=\s*+(?:that\b|,|:))"
)

# Time and manner adverbials that may sit between the cue and its content ("said Wednesday that").
# (?<!\s) covers the first branch too: a match from inside a whitespace run also matches from the run's start.
_ADVERBIAL_RE = re.compile(
    r"(?<!\s)(?:\s*+,?+\s*+(?:on\s++)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s++(?:morning|afternoon|evening|night))?"
    r"|\s++(?:on|in|late|early)\s++(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s++\d{1,2})?(?:,?\s++\d{4})?"
    r"|\s++(?:last|this|next)\s++(?:week|month|year|weekend|spring|summer|fall|autumn|winter)"
    r"|\s++(?:earlier|later)\s++(?:this|that|in\s++the)\s++(?:week|month|year|day)"
    r"|\s++(?:yesterday|today|recently|previously|earlier|later|again|also|repeatedly|publicly|"
    r"privately|separately|then|now|once|simply|bluntly|flatly|firmly|candidly|openly|explicitly|"
    r"frankly|confidently|proudly|emphatically|succinctly|plainly|matter-of-factly|too|as well)\b"
    r"|\s++(?:me|us|him|her|them)(?=\s++(?:that|in|during|at|on|after|before|last|this)\b|\s*+[,:.]))"
)

# Pronoun sources, resolved to a named person or body afterwards.
PRONOUNS: frozenset[str] = frozenset(["he", "she", "they", "it", "i", "we", "you"])

# Words that never belong to a source noun phrase; the backward scan stops there.
NP_BREAK: frozenset[str] = frozenset(
    _words(
        """
    that which who whom whose when while because but or if as after before since though although
    where whether so than then is are was were be been being am will would can could should shall
    may might must do does did not no never to in on at by with from into onto about over under
    between through during without within against upon also has have had having just only even still
    already recently previously later earlier again reportedly once yet this these those there here
    what how why however meanwhile moreover thus therefore instead indeed
    """
    )
)

# Clause words that cannot occur in an apposition ("X, a spokesman for Y, said"): the comma is a clause break.
APPOSITIVE_BREAK: frozenset[str] = frozenset(
    _words(
        """
    should would will can could may might must is are was were be been has have had do does did you we
    i if that which because but so then than said says told
    """
    )
)

# Relative pronouns (with contractions: "who's") that open a clause inside an apposition.
_RELATIVE_WORD_RE = re.compile(r"(?i)(?:who|which|whose|whom)(?:[’'](?:s|d|ve|ll))?$")

# Determiners open a noun phrase: the backward scan includes them and then stops.
DETERMINERS: frozenset[str] = frozenset(
    _words(
        """
    the a an his her their its our my your some many several most few two three four five six seven
    eight nine ten
    """
    )
)

# Lowercase words allowed inside a name ("Secretary of State", "Bank of America", "Jean de la Fontaine").
NAME_LINKS: frozenset[str] = frozenset(
    _words(
        """
    of for and & de da del della di du la le van von der den al bin the
    """
    )
)

# Auxiliaries and adverbs between subject and cue ("has also said", "would later write").
PRE_CUE_SKIP: frozenset[str] = frozenset(
    _words(
        """
    has have had also later previously recently then further again earlier once repeatedly publicly
    would will could might may did does do reportedly already separately similarly ultimately
    initially first last often frequently privately allegedly apparently openly explicitly
    subsequently likewise both all always never not still even now usually instead
    """
    )
)

# Words in -ly that are not adverbs (names and nouns may stand right before a cue).
NOT_ADVERBS: frozenset[str] = frozenset(_words("family italy emily kelly sally holly molly ally july"))

# Weekday/month words and "on" before the cue ("Macron on Tuesday endorsed").
_PRE_CUE_TIME_NOUNS = tuple(
    _words(
        """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December week month year weekend
    """
    )
)
_PRE_CUE_TIME_ADVERBS = ("yesterday", "today", "tonight")
# Searched on a slice (the lookbehind must not see what comes before the window); "\s+ on? \s*" is spelled
# "\s++ (on \s*+)?": the same strings, without the two runs splitting one stretch of whitespace every way.
_PRE_CUE_TIME_RE = re.compile(
    r"(?<!\s)(?:\s++(?:(?:on|in|late|early|last|this)\s*+)?(?:" + "|".join(_PRE_CUE_TIME_NOUNS) + r")"
    r"(?:\s++\d{1,2})?(?:,?\s++\d{4})?"
    r"|\s++(?:" + "|".join(_PRE_CUE_TIME_ADVERBS) + r"))$"
)
# What a _PRE_CUE_TIME_RE match ends with (else a digit): most cues are ruled out without the search.
_PRE_CUE_TIME_ENDS = _PRE_CUE_TIME_NOUNS + _PRE_CUE_TIME_ADVERBS

# Lowercase heads that can be a source by themselves ("officials said", "the company said").
SOURCE_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    spokesperson spokesman spokeswoman spokespeople official officials minister ministry company
    firm police report reports study studies statement outlet newspaper paper agency government
    authorities experts expert analysts analyst researchers researcher lawyers lawyer attorney
    attorneys prosecutors prosecutor residents resident witnesses witness sources source people
    person officer officers authors author scientists scientist doctors doctor findings survey
    research document documents filing lawsuit complaint court judge team group organization
    organisation department office administration campaign committee board council union leaders
    leader members member critics critic observers economists economist investigators investigator
    spokespersons aide aides advisers adviser advisor advisors diplomats diplomat source executives
    executive ceo founder director president chairman chair secretary governor mayor senator
    lawmakers lawmaker representatives representative commission website site blog network
    broadcaster publication magazine journal media press white house military army navy army
    ministers regulators regulator data poll polls article release letter memo paper papers post
    analysis consultant consultants professor teacher students student parents users customers fans
    players player coach manager owner owners partner partners colleague colleagues friend friends
    family mother father son daughter wife husband man woman men women boy girl victim victims
    survivor survivors staff employees employee workers worker activists activist protesters
    protester group groups organizers organisers participants respondents voters citizens locals
    neighbors neighbours developers developer engineers engineer designers designer founders
    co-founder cofounder physician physicians nurse nurses surgeon psychologist psychologists
    therapist therapists dietitian nutritionist trainer bank banks fund funds industry sector index
    """
    )
)

# Outlet and body nouns: "the outlet said" resolves to the last organisation named as a source.
ORG_ANAPHORS: frozenset[str] = frozenset(
    _words(
        """
    outlet newspaper paper publication agency network broadcaster magazine company firm ministry
    department report study research findings authors group organization organisation website
    """
    )
)

# Heads of organisation names: such a name is kept whole, not cut down to a "person" ("Foreign Ministry").
ORG_HEADS: frozenset[str] = frozenset(
    _words(
        """
    ministry department office agency committee council commission times post news journal service
    institute university school college bank fund group company corporation inc corp ltd association
    union party government administration court police army navy force forces command organization
    organisation foundation center centre society network press review magazine tribune herald
    guardian telegraph reuters bureau board authority laboratory lab house parliament congress senate
    """
    )
)

# Capitalised words right before a surname: the rest of a full name (group "lead"), searched on a slice ending at
# the surname. A match within a word starts at its first capital (a later capital of the same word ends the same
# way), so only word starts are tried, skipping to that capital: no position rescans a long word.
_NAME_LEAD_RE = re.compile(r"(?<![\w’'-])(?:(?![A-Z])[\w’'-])*+(?P<lead>(?:[A-Z][\w’'-]++\.?+\s++){1,3})$")

# How far back (characters) a pronoun looks for the person it refers to.
PRONOUN_WINDOW = 1500
# A short parenthetical in a source is its abbreviation: "The New York Times (NYT)".
_PAREN_RE = re.compile(r"\(([^)]{1,20})\)")

# A person's name in running text: an optional title, then two to four capitalised words.
_NAME_MENTION_RE = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+){1,3}"
)

# Title words stripped to get a person's name ("Secretary of State Antony Blinken" -> "Antony Blinken").
TITLE_WORDS: frozenset[str] = frozenset(
    _words(
        """
    president vice secretary minister prime foreign defense defence state general sen senator rep
    representative gov governor mayor chief director dr mr mrs ms miss prof professor judge justice
    ceo cfo cto coo chairman chairwoman chair ambassador spokesperson spokesman spokeswoman deputy
    attorney lt col sgt capt maj adm gen commander king queen prince princess pope cardinal rabbi
    father sir dame lord lady officer detective inspector chancellor premier speaker leader head
    founder co-founder executive senior junior assistant associate u.s. us uk u.k. eu u.n. un nato
    french german russian ukrainian british american chinese israeli iranian indian former acting
    interim national security council house white labor labour party democratic republican economy
    finance health interior justice trade treasury education energy transportation homeland
    agriculture commerce army navy air force coach manager captain
    """
    )
)

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    _words(
        """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt maj adm st jr sr inc corp co ltd vs etc no jan
    feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon est dept univ approx fig u.s u.k u.n
    e.u a.m p.m d.c
    """
    )
)

# Double quotation marks (curly, low-9, guillemets, straight): the ones a quote is paired on.
_QUOTE_CHARS_RE = re.compile(r"[\"“”„«»]")
# Marks that only ever close a quote; the straight quote toggles, “ „ « open.
_CLOSERS = "”»"
# British single quotes (‘…’), used only in paragraphs without double quotes.
_SINGLE_MARK_RE = re.compile(r"['‘’]")

# Closing quotation marks that may end a quote right before a source or cue.
_CLOSE_MARKS = ('"', "”", "»", "’")

# A leading conjunction is the writer's glue, not part of the reported content (matched past leading whitespace:
# a sentence may start inside a whitespace run, so the run is skipped by _skip_spaces rather than by the pattern).
_LEAD_CONJ_RE = re.compile(r"(?:And|But|So|Yet|Or|Still|Also)\s++")
# Whitespace from a position on (to skip it before a match).
_SPACES_RE = re.compile(r"\s*+")

# Auxiliaries right before a cue verb, included in the cue span.
_AUX_RE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would)\s+$")
# "is saying", "are insisting": a progressive -ing form is a finite cue.
_PROGRESSIVE_RE = re.compile(r"\b(?:is|are|was|were|been|am)\s+$")

# Infinitives, negations and passives before a verb: not a reporting act by the subject.
_NOT_FINITE_RE = re.compile(r"(?:\bto|\bnot|\bwas|\bwere|\bbeen|\bbe|\bis|\bare|\bbeing|\bhelp)\s+$", re.IGNORECASE)

# A cue followed only by a colon up to the end of the paragraph.
_COLON_END_RE = re.compile(r"(?<![ \t])[ \t]*+:[ \t]*+(?:\n|$)")
# How many paragraphs a colon-introduced statement may run on for.
MAX_BLOCK_PARAGRAPHS = 12

# Paragraph separator: a blank line.
_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Candidate sentence ends: terminal punctuation, optional closers, then space; or a single line break.
# ([.!?…]+ spelled as one branch per first mark: branches that each open with a literal let re skip
# straight to the candidates instead of trying a match at every position, ~2x faster. The lookbehind after the
# mark keeps a run of marks to its first one: a match from inside the run also matches from its start, which
# finditer reaches first, since a search never starts right after a mark.)
_SENT_END_RE = re.compile(
    "|".join(rf"{re.escape(mark)}(?<![.!?…].)[.!?…]*+[\"”’»)\]]*+\s++" for mark in ".!?…") + r"|\n"
)

# Word tokens for the noun-phrase scanners (names with apostrophes, hyphens and inner dots).
_TOKEN_RE = re.compile(r"\w(?:[\w’'&-]*\w)?(?:\.\w(?:[\w’'&-]*\w)?)*(?:(?<=\.\w)\.)?|[(),;:\"“”«»]")

# A word that looks like a finite verb or auxiliary: tells a reported clause from a plain object.
_CLAUSE_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|shall|may|might|must|has|have|had|does|do|did|"
    r"isn[’']t|aren[’']t|wasn[’']t|weren[’']t|won[’']t|wouldn[’']t|can[’']t|couldn[’']t|don[’']t|"
    r"doesn[’']t|didn[’']t|hasn[’']t|haven[’']t|hadn[’']t|need|needs|remain|remains|plans?|wants?|"
    r"[a-z]{3,}ed|[a-z]{3,}s|\w+[’'](?:s|re|ll|d|ve|m))\b"
)

# Content that trails after the reported clause and is the writer's, not the source's.
_TRAILER_RE = re.compile(r",\s+(?:citing|provoking|prompting|sparking|adding|noting|saying|according to)\b")

# A trailing participle after a backward-pointing cue ("…, the NYT reported, citing sources"). Only whether it
# matches is used. The clause after the comma is taken whole, or up to a "(" where a closing parenthetical may
# start: those are the only places the clause can end in a match, so no other split is tried. (A quote or "that"
# right after the comma stops it; whitespace there never could, so the run after the comma goes to the clause.)
_AFTER_CLAUSE = r"(?:[^.!?\"“‘«]|\.(?=\d))"
_AFTER_PHRASE = r"[^.!?\"“‘«]"
_AFTER_CUE_END_RE = re.compile(
    r"^(?:\s*+\([^()]{0,60}\))?"
    rf"(?:\s*+,(?![\"“‘'«]|that\b)(?:{_AFTER_CLAUSE}*+|{_AFTER_CLAUSE}*(?=\())"
    r"|\s++(?:citing|adding|noting|quoting|according|in|on|at|during|after|before|last|this|earlier|late|early)\b"
    rf"(?:{_AFTER_PHRASE}*+|{_AFTER_PHRASE}*(?=\()))?"
    r"\s*+[.!?…]?[\"”’]?(?:\s*+\([^()]*+\)|(?<=[.!?])[A-Z][^\n]*+)?\s*+$"
)

# Any word character: tells real text from punctuation-only stretches.
_WORD_CHAR_RE = re.compile(r"\w")
# What may start a new sentence: a capital (Latin, common accented) or a digit.
_UPPER_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ÀÁÂÄÇÉÈÊËÍÎÏÑÓÔÖÚÛÜŁŚŻŹ")

# Importance of an attribution by kind: a reader looks for quoted words first.
KIND_WEIGHT: dict[str, float] = {"direct": 3.0, "mixed": 2.5, "indirect": 1.0}
# Minimum importance score for a named source's attribution to be key (a quote by anyone named qualifies).
KEY_THRESHOLD = 3.0

# A cue between commas with at most this many words before it is parenthetical ("In part, Levin says, …").
PARENTHETICAL_MAX_LEAD = 8

# Words after a comma that continue the clause before a cue rather than start the reported one.
_NOT_PARENTHETICAL_RE = re.compile(
    r"(?:citing|adding|noting|quoting|according|which|who|in|on|at|during|after|before|despite|while|as|"
    r"with|and)\b",
    re.IGNORECASE,
)
# A clause left open before a comma-enclosed cue ("because, he said, quality is key").
_OPEN_CLAUSE_RE = re.compile(r"\b(?:because|that|but|and|if|when|while|so|although|though|since)\s*$")
# A comma with its spaces (the end of a parenthetical cue).
_COMMA_RE = re.compile(r"(?<!\s)\s*+,\s*+")

# The word right after a cue.
_NEXT_WORD_RE = re.compile(r"(?<!\s)\s++([a-z]++)\b")
# A reported statement has at least this many words (a lone "that" is a fragment).
MIN_CONTENT_WORDS = 2
# Backward contents shorter than this many words are adverbials ("In fact, HCA said …"), not statements.
MIN_BACKWARD_WORDS = 3

# A short opening phrase before the subject: "In Washington, ", "On Tuesday, " (matched past leading whitespace).
_LEADING_ADVERBIAL_RE = re.compile(
    r"(?:In|On|At|For|After|Before|During|Since|From|Last|This|Earlier|Later|Meanwhile|However|Still|Yet|"
    r"Now|Today|Yesterday|Separately|Elsewhere|Also|But|And|Then|Instead|Similarly|Likewise)"
    r"(?:\s++[\w’'-]++){0,5}?,\s++"
)

# A relative pronoun right before a cue: ", who said", ", which says".
_RELATIVE_RE = re.compile(r",\s*(?:who|which)\s+(?:(?:also|then|later|has|have|had)\s+)?$")
# A finite verb strong enough to mark a new clause (plural nouns in -s do not count here).
_STRONG_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|shall|may|might|must|has|have|had|does|do|did|"
    r"[a-z]{3,}ed|\w+n[’']t|\w+[’'](?:s|re|ll|d|ve|m))\b"
)

# Longest stretch handled as one sentence, and most cues looked at in one: real sentences are far
# below both; the caps keep pathological input (a 100k paragraph with no full stop) linear.
MAX_SENTENCE_CHARS = 4000
MAX_CUES_PER_SENTENCE = 40

# Most cues looked at in one text (guards time): reporting verbs first, then colon cues ('Smith: "…"') up to the
# rest of the cap, each sentence examined for one counting as one cue.
MAX_CUES = 20000
# How many steps of a long, cheap loop run between two deadline checks.
_CHECK_EVERY = 256


# ---------------------------------------------------------------------------------------------
# Text structure
# ---------------------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (start, end) with surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def _single_quotes(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Top-level ‘…’ quotes, nesting-aware; an apostrophe inside a word is neither opener nor closer."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = -1
    for m in _SINGLE_MARK_RE.finditer(text, ps, pe):
        i = m.start()
        before = text[i - 1] if i > ps else " "
        after = text[i + 1] if i + 1 < pe else " "
        opener = (before.isspace() or before in '([—–-‘"“') and (after.isalnum() or after in '‘"“')
        closer = (not before.isspace()) and not after.isalnum()
        if opener and text[i] in "'‘":
            if depth == 0:
                start = i
            depth += 1
        elif closer and depth > 0 and text[i] in "'’":
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _quote_spans(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair quotation marks paragraph by paragraph; an unclosed quote continues into a next paragraph
    that opens with a quote mark (newspaper convention), else it ends with its paragraph."""
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # start of a quote continuing from the previous paragraph
    # Every mark's position, found in one pass; a paragraph's are a slice (the pattern is one character).
    every_mark = [m.start() for m in _QUOTE_CHARS_RE.finditer(text)]
    for ps, pe in paras:
        lo = bisect_left(every_mark, ps)
        marks = every_mark[lo : bisect_left(every_mark, pe, lo)]
        if not marks:
            if carry is not None:
                carry = None
            if text.find("'", ps, pe) >= 0 or text.find("‘", ps, pe) >= 0:
                spans.extend(_single_quotes(text, ps, pe))
            continue
        open_at: int | None = None
        open_ch = ""
        nested = 0
        first = True
        for i in marks:
            ch = text[i]
            if first and carry is not None and i == ps and ch in '"“«„':
                # continuation paragraph: the quote that opened earlier goes on
                open_at, open_ch = carry, ch
                first = False
                carry = None
                continue
            first = False
            if open_at is None:
                if ch in _CLOSERS:
                    continue  # stray closer
                if ch == '"' and i + 1 < pe and text[i + 1].isspace() and i > ps and not text[i - 1].isspace():
                    continue  # looks like a closer without an opener (e.g. inches)
                open_at, open_ch = i, ch
            else:
                if nested and ch in "”»":
                    nested -= 1  # closes a quote nested inside this one
                    continue
                if (open_ch == '"' and ch == "“") or (open_ch != "«" and ch == "«"):
                    nested += 1  # a quote of another family inside this one: “…” inside "…"
                    continue
                closes = ch in _CLOSERS or ch == '"' or (ch == "“" and open_ch == "„")
                if closes:
                    spans.append((open_at, i + 1))
                    open_at = None
                    nested = 0
                else:
                    # a second opener while open: the first quote was never closed; restart here
                    open_at, open_ch = i, ch
        if carry is not None:
            carry = None
        if open_at is not None:
            carry = open_at
            # provisional: if the next paragraph does not continue it, it ends at this paragraph's end
            spans.append((open_at, -pe))
    # resolve provisional unclosed spans: drop those superseded by a continuation
    out: list[tuple[int, int]] = []
    starts_closed = {s for s, e in spans if e > 0}
    for s, e in spans:
        if e < 0:
            if s in starts_closed:
                continue
            e = -e
        out.append((s, e))
    out.sort()
    return out


def _is_abbrev(text: str, dot: int, ps: int) -> bool:
    j = dot
    while j > ps and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS


def _sentences(text: str, ps: int, pe: int, inside_quote) -> list[tuple[int, int]]:
    """Sentence spans within a paragraph; never split inside a quotation."""
    out: list[tuple[int, int]] = []
    start = ps
    for m in _SENT_END_RE.finditer(text, ps, pe):
        end = m.end()
        if end >= pe:
            break
        if text[m.start()] != "\n":
            nxt = text[end]
            if not (nxt in _UPPER_START or nxt in "\"“‘'«(["):
                continue
            if text[m.start()] == "." and len(m.group().rstrip()) == 1 and _is_abbrev(text, m.start(), ps):
                continue
            if inside_quote(m.start() + len(m.group().rstrip()) - 1):
                continue
        out.append((start, m.start() + len(m.group().rstrip())))
        start = end
    if start < pe:
        out.append((start, pe))
    if any(e - s > MAX_SENTENCE_CHARS for s, e in out):
        out = [c for s, e in out for c in _chunks(text, s, e)]
    return out


def _chunks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut an overlong "sentence" (unclosed quotes, missing punctuation) at spaces, so work per cue stays
    bounded and the whole finder linear."""
    out = []
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
        if cut <= s:
            cut = s + MAX_SENTENCE_CHARS
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out


class _QuoteIndex:
    """Fast "is position inside a quote" lookups over sorted, non-overlapping spans."""

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s < merged[-1][1]:
                continue
            merged.append((s, e))
        self.spans = merged
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def find(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.starts[i] <= pos < self.ends[i]:
            return self.spans[i]
        return None

    def inside(self, pos: int) -> bool:
        q = self.find(pos)
        return q is not None and q[0] < pos < q[1] - 1

    def ending_at(self, pos: int) -> tuple[int, int] | None:
        """The quote whose closing mark ends exactly at pos."""
        i = bisect_left(self.ends, pos)
        if i < len(self.ends) and self.ends[i] == pos:
            return self.spans[i]
        return None

    def starting_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_left(self.starts, pos)
        if i < len(self.starts) and self.starts[i] == pos:
            return self.spans[i]
        return None

    def any_in(self, s: int, e: int) -> bool:
        i = bisect_left(self.ends, s + 1)
        return i < len(self.starts) and self.starts[i] < e


# ---------------------------------------------------------------------------------------------
# Noun phrases
# ---------------------------------------------------------------------------------------------


def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[0].isdigit())


def _tokens(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s, e)]


def _np_ok(toks: list[tuple[int, int, str]]) -> bool:
    """A source needs a proper name, a pronoun, or a known source noun at its head."""
    if not toks:
        return False
    words = [t for _, _, t in toks if t[0].isalnum()]
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    if any(_is_cap(w) and w.lower() not in DETERMINERS and w.lower() not in NP_BREAK for w in words):
        return True
    if len(words) >= 2 and words[0].lower() in DETERMINERS:
        return True  # "a recent computer science graduate"
    head = words[-1].lower()
    return head in SOURCE_NOUNS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _source_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The source noun phrase ending just before a cue, skipping auxiliaries and time adverbials."""
    end = cue_start
    # strip auxiliaries/adverbs and time phrases right before the cue
    for _ in range(6):
        seg_end = end
        while seg_end > lo and text[seg_end - 1].isspace():
            seg_end -= 1
        window = max(lo, seg_end - 40)
        # A match ends at seg_end (text there is not whitespace, so $ matches nowhere else) with a word or a digit.
        timed = text.endswith(_PRE_CUE_TIME_ENDS, window, seg_end) or text[seg_end - 1 : seg_end].isdecimal()
        m = _PRE_CUE_TIME_RE.search(text[window:seg_end]) if timed else None
        if m and window + m.start() >= lo:
            end = window + m.start()
            continue
        j = seg_end
        while j > lo and (text[j - 1].isalpha() or text[j - 1] in "’'"):
            j -= 1
        word = text[j:seg_end].lower()
        if j > lo and (
            word in PRE_CUE_SKIP
            or (word.endswith("ly") and len(word) > 4 and text[j].islower() and word not in NOT_ADVERBS)
        ):
            end = j
            continue
        end = seg_end
        break
    if end <= lo:
        return None
    toks = _tokens(text, max(lo, end - 250), end)
    if not toks:
        return None
    i = len(toks) - 1
    picked: list[int] = []
    # apposition: "Jens Stoltenberg, NATO's secretary general, said"
    appos = False
    if toks[i][2] == ",":
        appos = True
        i -= 1
    lower_run = 0
    has_and = False
    commas = 0
    start_i = i
    while i >= 0:
        s, _, t = toks[i]
        lt = t.lower()
        if appos and commas == 0 and t != ",":
            # inside an apposition: take everything back to its opening comma
            if start_i - i > 25 or t in ';:"“”':
                return None
            picked.append(i)
            i -= 1
            continue
        if t == ")":
            # include a parenthetical: "The New York Times (NYT)"
            k = i - 1
            while k >= 0 and toks[k][2] != "(" and i - k < 8:
                k -= 1
            if k < 0 or toks[k][2] != "(":
                break
            picked.extend(range(k, i + 1))
            i = k - 1
            continue
        if t == ",":
            if appos and commas == 0:
                commas += 1
                picked.append(i)
                i -= 1
                lower_run = 0
                continue
            # coordination of names: "Canada, Britain and America's allies"
            if has_and and i > 0 and _is_cap(toks[i - 1][2]):
                picked.append(i)
                i -= 1
                continue
            break
        if not t[0].isalnum():
            break
        if lt in ("and", "&"):
            if i > 0 and picked and (_is_cap(toks[i - 1][2]) or toks[i - 1][2] == ","):
                has_and = True
                picked.append(i)
                i -= 1
                continue
            break
        if lt in DETERMINERS:
            picked.append(i)
            # "Secretary of the Treasury": keep going through "of the"
            if i > 0 and toks[i - 1][2].lower() in ("of", "for") and lt == "the":
                i -= 1
                continue
            break
        if lt in PRONOUNS and not picked:
            if (
                t == "I"
                or t[0].islower()
                or s == lo
                or i == 0
                or not toks[i - 1][2][0].isalnum()
                or toks[i - 1][2].lower() in NP_BREAK
                or toks[i - 1][2] in ",;:"
            ):
                picked.append(i)
            else:
                picked.append(i)
            break
        if _is_cap(t):
            if lt in NP_BREAK and t[0].isupper():
                # sentence-initial function word ("But", "When") ends the phrase
                break
            picked.append(i)
            lower_run = 0
            i -= 1
            continue
        if lt in NAME_LINKS and picked and i > 0 and _is_cap(toks[i - 1][2]):
            picked.append(i)
            i -= 1
            continue
        if lt in NP_BREAK or lt in PRE_CUE_SKIP:
            break
        if t[0].isdigit():
            picked.append(i)
            i -= 1
            continue
        # lowercase modifier or head noun
        if lower_run >= 5 or len(picked) >= 14:
            break
        # adverbs and participles are rarely part of the subject
        if (t.endswith(("ly", "ing")) or (t.endswith("ed") and len(t) > 4)) and (not picked or lt not in SOURCE_NOUNS):
            break
        picked.append(i)
        lower_run += 1
        i -= 1
    if not picked:
        return None
    lo_i, hi_i = min(picked), max(picked)
    sel = toks[lo_i : hi_i + 1]
    # an apposition needs a name before the first comma
    while sel and sel[0][2] in ",()":
        sel = sel[1:]
    if not sel:
        return None
    if appos:
        if commas == 0:
            # "X, said": the comma was not part of an apposition; source is after it (none)
            return None
        cut = next((k for k, x in enumerate(sel) if x[2] == ","), 0)
        head, appositive = sel[:cut], sel[cut + 1 :]
        relative = bool(appositive) and appositive[0][2].lower() in ("who", "which", "whose")
        named = any(x[2][0].isupper() and x[2].lower() not in NP_BREAK for x in head + appositive)
        if not head or not (named or relative):
            return None
        # clause words are allowed only inside a relative clause ("founder of X who's been teaching …")
        rel_at = next((k for k, x in enumerate(appositive) if _RELATIVE_WORD_RE.match(x[2])), len(appositive))
        if not relative and any(x[2].lower() in APPOSITIVE_BREAK for x in appositive[:rel_at]):
            return None
    if not _np_ok(sel):
        return None
    return sel[0][0], sel[-1][1]


def _source_after(
    text: str, start: int, hi: int, allow_appos: bool = True, strict_start: bool = False
) -> tuple[int, int] | None:
    """The source noun phrase starting right after a cue (inverted order: "said Blinken")."""
    toks = _tokens(text, start, min(hi, start + 400))
    if not toks:
        return None
    # must start right after whitespace
    if text[start : toks[0][0]].strip() and not strict_start:
        return None
    picked: list[int] = []
    i = 0
    lower_run = 0
    while i < len(toks):
        t = toks[i][2]
        lt = t.lower()
        if t == "(":
            k = i + 1
            while k < len(toks) and toks[k][2] != ")" and k - i < 8:
                k += 1
            if k < len(toks) and toks[k][2] == ")" and picked:
                picked.extend(range(i, k + 1))
                i = k + 1
                continue
            break
        if t == ",":
            if not allow_appos or not picked:
                break
            # apposition up to the next comma or the end: "Brandon Royal, product manager at Google Cloud"
            k = i + 1
            while k < len(toks) and toks[k][2] not in ',;:()"“”' and k - i < 18:
                k += 1
            nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
            if k == i + 1 or nxt in NP_BREAK or nxt in PRONOUNS:
                break
            if nxt in ("and",):
                # ", and Eddie Villalba, ..." another coordinated source
                picked.extend(range(i, k))
                i = k
                continue
            if _tokens_look_clausal(toks[i + 1 : k]):
                break
            picked.extend(range(i, k))
            i = k
            continue
        if not t[0].isalnum():
            break
        if not picked and lt in PRONOUNS:
            picked.append(i)
            break
        if lt in DETERMINERS and (not picked or (lt in ("the",) and toks[picked[-1]][2].lower() in ("of", "for"))):
            picked.append(i)
            i += 1
            continue
        if _is_cap(t):
            if lt in NP_BREAK:
                break
            picked.append(i)
            lower_run = 0
            i += 1
            continue
        if lt in NAME_LINKS and picked:
            picked.append(i)
            i += 1
            continue
        if lt in NP_BREAK or lt in DETERMINERS:
            break
        if lower_run >= 5:
            break
        if t.endswith("ly") or t.endswith("ed") or t.endswith("ing"):
            break
        picked.append(i)
        lower_run += 1
        i += 1
    if not picked:
        return None
    # trim dangling links at the end
    while picked and toks[picked[-1]][2].lower() in NAME_LINKS | DETERMINERS | {",", "and"}:
        picked.pop()
    if not picked:
        return None
    sel = toks[picked[0] : picked[-1] + 1]
    if not _np_ok([x for x in sel if x[2] not in ",()"]):
        return None
    return sel[0][0], sel[-1][1]


def _tokens_look_clausal(toks: list[tuple[int, int, str]]) -> bool:
    for _, _, t in toks[:6]:
        lt = t.lower()
        if lt in ("is", "are", "was", "were", "will", "would", "has", "have", "had", "said", "says", "that"):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# The finder
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    kind: str
    paragraph: int


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces and unquoted trailing punctuation off a content span."""
    while s < e and text[s] in " \t\n,;:—–-":
        s += 1
    while e > s and text[e - 1] in " \t\n,;:—–-.":
        e -= 1
    return s, e


def _kind(text: str, qidx: _QuoteIndex, s: int, e: int) -> str:
    if s >= e:
        return "indirect"
    q = qidx.find(s)
    if q and q[0] == s and q[1] >= e - 1 and e <= q[1]:
        return "direct"
    if qidx.any_in(s, e):
        return "mixed"
    return "indirect"


# The particle a particle cue needs right after it ("pointed out").
_PARTICLE_RES: dict[str, re.Pattern] = {
    verb: re.compile(r"(?<!\s)\s++(?:" + particles + r")\b") for verb, particles in PARTICLE_CUES.items()
}
# The addressee of an object cue ("told reporters", "asked the BBC"); a name's words keep backtracking for the \b.
_ADDRESSEE_RE = re.compile(
    r"(?<!\s)\s++(?:(?:the|a|an)\s++)?(?:reporters|journalists|me|us|him|her|them|lawmakers|"
    r"the\s++\w++|[A-Z][\w’'.&-]*(?:\s++(?:of\s++|the\s++)?[A-Z][\w’'.&-]*){0,4})\b"
)


def _cue_extent(text: str, m: re.Match, hi: int) -> tuple[int, int, str]:
    """The cue span (verb plus addressee/venue) and the verb's lowercase form."""
    verb = m.group().lower()
    cs, ce = m.start(), m.end()
    if verb in PARTICLE_CUES:
        pm = _PARTICLE_RES[verb].match(text[ce : ce + 8])
        if not pm:
            return cs, -1, verb
        ce += pm.end()
    if verb in OBJECT_CUES:
        om = _ADDRESSEE_RE.match(text[ce : min(hi, ce + 80)])
        if om:
            ce += om.end()
    tm = _CUE_TAIL_RE.match(text, ce, min(hi, ce + 120)) or _CUE_PUBLICATION_RE.match(text, ce, min(hi, ce + 80))
    if tm:
        ce = tm.end()
    return cs, ce, verb


def _skip_adverbials(text: str, pos: int, hi: int) -> int:
    for _ in range(5):
        m = _ADVERBIAL_RE.match(text, pos, hi)
        if not m or m.end() == pos:
            break
        pos = m.end()
    tm = _CUE_TAIL_RE.match(text, pos, hi)
    if tm:
        pos = tm.end()
    return pos


# Words after an advice verb that make its object a plain complement, not a recommendation.
_NOT_ADVICE_RE = re.compile(r"(?:of|about|on|for|with|at|by|from|in|into|as|and|or|but|so|because|this|these)\b")
# Words after a cue that start a prepositional phrase or a conjunct, not a reported clause.
_NOT_CLAUSE_RE = re.compile(r"(?:of|about|on|for|to|with|at|by|from|in|into|as|and|or|but|so|because)\b")
# Where a bare clause's first phrase ends.
_PHRASE_END_RE = re.compile(r"[,;:]")


def _forward_content(
    text: str, qidx: _QuoteIndex, after: int, send: int, verb: str, weak: bool
) -> tuple[int, int] | None:
    """Content following the cue: a quote, a that-clause, or a bare reported clause."""
    pos = _skip_adverbials(text, after, send)
    tm = _THAT_SOON_RE.match(text, pos, send)
    if tm:
        pos = tm.start(1)  # "have argued for years that …", "told Zuma by telephone on Wednesday that …"
    rest = text[pos:send]
    stripped = rest.lstrip(" ,:")
    lead = len(rest) - len(stripped)
    if not stripped:
        return None
    cstart = pos + lead
    q = qidx.find(cstart)
    colon = ":" in rest[:lead]
    if q and q[0] == cstart:
        # a quote that ends the sentence is direct; text after it makes the whole remainder mixed
        tail = text[q[1] : send] if q[1] < send else ""
        if q[1] >= send or not _WORD_CHAR_RE.search(tail):
            return q[0], q[1]
        return cstart, send
    if stripped.startswith(("that ", "that,", "how ", "why ", "whether ", "what ")):
        return cstart, send
    if stripped.split(" ", 1)[0] in PARTICIPLE_CUES:
        return None  # "agrees, noting that …": the participle carries the attribution
    if colon:
        return cstart, send
    low = stripped[:40].lower()
    if verb in OBJECT_CONTENT_CUES:
        if _NOT_ADVICE_RE.match(low):
            return None
        return cstart, send
    if low.startswith("to ") and verb in VOW_CUES:
        return cstart, send  # "vowed to keep trying"
    if _NOT_CLAUSE_RE.match(low):
        return None
    # a bare clause: needs a verb soon, before any comma; or a quotation inside (mixed)
    cm = _PHRASE_END_RE.search(stripped)
    probe = stripped[: cm.start()] if cm else stripped
    has_clause = bool(_CLAUSE_VERB_RE.search(probe[:160]))
    if weak and not qidx.any_in(cstart, send):
        return None
    if has_clause or (verb not in OBJECT_CUES and qidx.any_in(cstart, send)):
        return cstart, send
    return None


def _cut_at_next_source(cstart: int, cend: int, next_sources: list[int]) -> int:
    for ns in next_sources:
        if cstart < ns < cend:
            return ns
    return cend


def _raw_attributions(text: str, deadline: Deadline) -> list[_Raw]:
    paras = _paragraphs(text)
    deadline.check()
    qspans = _quote_spans(text, paras)
    qidx = _QuoteIndex(qspans)
    deadline.check()
    out: list[_Raw] = []
    # one pass for all cues; paragraphs without a cue or a colon are skipped without sentence splitting
    cues = _cue_matches(text)
    cue_starts = [m.start() for m in cues]
    colon_budget = MAX_CUES - len(cues)  # cue-less sentences examined for a colon cue share the cap
    for pi, (ps, pe) in enumerate(paras):
        deadline.check()
        if ps >= pe:
            continue
        lo = bisect_left(cue_starts, ps)
        hi = bisect_left(cue_starts, pe, lo)
        if lo == hi and (colon_budget <= 0 or not _colon_quote_possible(text, ps, pe)):
            continue
        sents = _sentences(text, ps, pe, qidx.inside)
        k = lo
        for ss, se in sents:
            while k < hi and cue_starts[k] < ss:
                k += 1
            k0 = k
            while k < hi and cue_starts[k] < se:
                k += 1
            if k0 == k:
                if colon_budget <= 0 or not _colon_quote_possible(text, ss, se):
                    continue
                colon_budget -= 1
            deadline.check()  # a single paragraph may hold thousands of sentences
            out.extend(_sentence(text, qidx, cues[k0 : min(k, k0 + MAX_CUES_PER_SENTENCE)], ss, se, pi))
    return out


def _cue_matches(text: str) -> list[re.Match]:
    """_CUE_RE.finditer(text) up to MAX_CUES, ~1.6x faster. A cue is whole words, so cues never overlap and
    finditer finds every position _CUE_RE matches at: 0, or one after a non-word character, a space or another,
    which is where the two patterns above match (their matches do not overlap either: each ends on a word
    character and starts on a non-word one)."""
    starts = [m.start() + 1 for m in _CUE_AFTER_SPACE_RE.finditer(text)]
    others = [m.start() + 1 for m in _CUE_AFTER_OTHER_RE.finditer(text)]
    if others:
        starts = sorted(starts + others)
    if _CUE_RE.match(text):
        starts.insert(0, 0)
    # The very match finditer returns: \b looks behind pos.
    return [_CUE_RE.match(text, start) for start in starts[:MAX_CUES]]


def _colon_quote_possible(text: str, s: int, e: int) -> bool:
    """A colon cue needs a colon and a quotation mark; without both, a cue-less stretch is skipped."""
    return text.find(":", s, e) >= 0 and _QUOTE_CHARS_RE.search(text, s, e) is not None


def _sentence(text: str, qidx: _QuoteIndex, cues: list[re.Match], ss: int, se: int, pi: int) -> list[_Raw]:
    """The attributions whose cue lies in one sentence."""
    sent_raws: list[tuple[int, _Raw]] = []
    parts: list[re.Match] = []
    for m in cues:
        if any(r.cue[0] <= m.start() < r.cue[1] for _, r in sent_raws):
            continue  # "said in its report": the venue's noun is not another cue
        if m.group() in PARTICIPLE_CUES and not _PROGRESSIVE_RE.search(text, max(ss, m.start() - 12), m.start()):
            parts.append(m)
            continue
        r = _one_cue(text, qidx, m, ss, se, pi, sent_raws)
        if r is not None:
            sent_raws.append((m.start(), r))
    for m in parts:
        r = _participle(text, qidx, m, ss, se, pi, sent_raws)
        if r is not None:
            sent_raws.append((m.start(), r))
    _colon_cue(text, qidx, ss, se, pi, sent_raws)
    if not sent_raws:
        return []
    sent_raws.sort(key=lambda x: x[0])
    # a forward content must not swallow a later attribution's source or cue in the same sentence
    # (a cue counts as a stop only when its source follows it: "…, said Jan Liphardt")
    stops = sorted(
        [r.source[0] for _, r in sent_raws if r.source]
        + [r.cue[0] for _, r in sent_raws if r.source is None or r.source[0] > r.cue[0]]
    )
    fixed: list[_Raw] = []
    for _, r in sent_raws:
        cs, ce = r.content
        if cs > r.cue[0]:
            ce2 = _cut_at_next_source(cs, ce, [x for x in stops if x > r.cue[1]])
            if ce2 != ce:
                cs, ce = _trim_content(text, qidx, cs, ce2)
                if ce <= cs:
                    continue
                r = _Raw(r.source, r.cue, (cs, ce), "", r.paragraph)
        r.kind = _kind(text, qidx, r.content[0], r.content[1])
        if r.kind != "direct" and len(text[r.content[0] : r.content[1]].split()) < MIN_CONTENT_WORDS:
            continue  # "Nagel says that," with the statement in the next paragraph: nothing to show here
        fixed.append(r)
    return [r for _, r in _drop_duplicates(text, [(r.cue[0], r) for r in fixed])]


def _overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(1, min(a[1] - a[0], b[1] - b[0]))


def _drop_duplicates(text: str, raws: list[tuple[int, _Raw]]) -> list[tuple[int, _Raw]]:
    """One statement, one attribution: drop a weak cue sharing another's content, and a pronoun-sourced
    cue whose content swallows a named attribution ("Mattson adds: '…,' he says")."""
    out = []
    for pos, r in raws:
        dup = False
        for _, o in raws:
            if o is r:
                continue
            if _overlap_ratio(o.content, r.content) >= 0.8 and text[r.cue[0] : r.cue[1]].split()[-1] in WEAK_CUES:
                dup = True
            src = text[r.source[0] : r.source[1]].lower() if r.source else ""
            if (
                src in ("he", "she")
                and (
                    r.content[0] <= o.cue[0] < r.content[1]
                    or o.content[0] <= r.content[0] < r.content[1] <= o.content[1]
                )
                and o.source
                and text[o.source[0] : o.source[1]].lower() not in PRONOUNS
                and _is_cap(text[o.source[0] : o.source[1]])
            ):
                dup = True
        if not dup:
            out.append((pos, r))
    return out


_DANGLING_CONJ = ("and", "but", "while", "as", "whereas", "or")
# Searched on a slice; a match from inside a whitespace run also matches from its start, which search finds first.
_DANGLING_CONJ_RE = re.compile(r"(?<!\s)(?:\s*+,?+\s*+\b(?:" + "|".join(_DANGLING_CONJ) + r")\s*+)$")


def _trim_content(text: str, qidx: _QuoteIndex, s: int, e: int) -> tuple[int, int]:
    """Trim content; keep a closing quote (and the punctuation inside it) when the span ends in one."""
    s, e = _trim(text, s, e)
    # strip a dangling conjunction at the end ("... outside Ukraine," and)
    tail = text[s:e]
    # The pattern is anchored at the end: only a span ending in a conjunction can match (~50x cheaper test).
    m = _DANGLING_CONJ_RE.search(tail) if tail.rstrip().endswith(_DANGLING_CONJ) else None
    if m:
        e = s + m.start()
        s, e = _trim(text, s, e)
    # if a quote closes just after the trimmed end, keep it whole
    k = e
    while k < len(text) and text[k] in ",.!?;:…" and k - e < 3:
        k += 1
    if k < len(text) and text[k] in '"”»’':
        q = qidx.ending_at(k + 1)
        if q and q[0] < e:
            e = k + 1
    return s, e


def _lead_start(text: str, ss: int, end: int, qidx: _QuoteIndex | None = None) -> int:
    """Start of a backward content: the sentence start, past a leading conjunction ("And because …")
    or past a reporting frame ending in a colon ("The Times reports: …")."""
    k = text.rfind(":", ss, end)
    if k >= 0 and (qidx is None or qidx.find(k) is None) and _CUE_RE.search(text, ss, k):
        ss = k + 1
        while ss < end and text[ss].isspace():
            ss += 1
    m = _LEAD_CONJ_RE.match(text, _skip_spaces(text, ss, end), end)
    return m.end() if m else ss


def _skip_spaces(text: str, pos: int, end: int) -> int:
    """The first position at or after pos (up to end) that is not whitespace."""
    m = _SPACES_RE.match(text, pos, end)
    return m.end() if m else pos


def _enough_words(text: str, s: int, e: int) -> bool:
    return e > s and len(text[s:e].split()) >= MIN_BACKWARD_WORDS


def _parenthetical_rest(text: str, after: int, se: int) -> int | None:
    """For a mid-sentence cue (", says X, can teach …"): where the content after the closing comma starts."""
    m = _COMMA_RE.match(text, after, se)
    if not m or not _WORD_CHAR_RE.search(text, m.end(), se):
        return None
    if _NOT_PARENTHETICAL_RE.match(text, m.end(), se):
        return None
    if not _STRONG_VERB_RE.search(text, m.end(), min(se, m.end() + 160)):
        return None  # ", says LeCun, between humans and AI": a tail of the clause before, not a new one
    return m.end()


def _is_parenthetical(lead: str) -> bool:
    """A cue between commas is parenthetical when little precedes it or the clause before is left open."""
    return len(lead.split()) < PARENTHETICAL_MAX_LEAD or bool(_OPEN_CLAUSE_RE.search(lead))


# The word before a base-form cue, past adverbs. The leading \b changes no match (a match inside a word means
# one at the word's start, which search finds first) but fails fast inside words: ~3x faster.
_BASE_SUBJECT_RE = re.compile(r"\b(\w+)[\s,]+(?:(?:also|often|now|still|generally|all|both|further|too)\s+)*$")


# A plural pronoun subject inside a subordinate clause ("when they say"): not the subject of the cue.
_SUBORDINATE_SUBJECT_RE = re.compile(r"\b(?:when|if|whenever|until|unless|as)\s++\w++[\s,]*+$")
# A coordinated cue: "… and recommends", "… but also says".
_COORDINATED_RE = re.compile(r"\b(?:and|but)\s++(?:(?:also|then|later)\s++)?$")


def _base_form_ok(text: str, ss: int, cs: int) -> bool:
    """A base-form cue ("say") needs a plural subject; otherwise it is a noun or an infinitive."""
    m = _BASE_SUBJECT_RE.search(text[max(ss, cs - 60) : cs])
    if not m:
        return False
    w = m.group(1)
    lw = w.lower()
    if lw in ("they", "we", "i", "people", "police"):
        return not _SUBORDINATE_SUBJECT_RE.search(text[max(ss, cs - 30) : cs])
    if lw in ("its", "his", "hers", "ours", "theirs", "yours", "this", "was", "has", "does", "is"):
        return False
    return lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in NP_BREAK


def _plural_source(text: str, src: tuple[int, int]) -> bool:
    words = text[src[0] : src[1]].split(",")[0].split()
    return bool(words) and (words[-1].lower() in ("they", "we") or words[-1].lower().endswith("s"))


def _subject(text: str, ss: int, cs: int, sent_raws: list[tuple[int, _Raw]]) -> tuple[int, int] | None:
    """The subject of the clause a cue hangs on: an earlier source in the sentence, else its first NP."""
    src = None
    for pos, r in sent_raws:
        if pos < cs and r.source:
            src = r.source
    if src is not None:
        return src
    lm = _LEADING_ADVERBIAL_RE.match(text, _skip_spaces(text, ss, cs), cs)
    if lm:
        ss = lm.end()  # "In Washington, White House press secretary Josh Earnest …"
    src = _source_after(text, ss, cs, allow_appos=True, strict_start=True)
    if src is None:
        return None
    # "Mellor disagrees": a lowercase -s/-ed word right after a name is the verb, not part of the subject
    toks = _tokens(text, src[0], src[1])
    for j in range(1, len(toks)):
        t = toks[j][2]
        if t[:1].islower() and _is_cap(toks[j - 1][2]) and t.endswith(("s", "ed")) and t not in SOURCE_NOUNS:
            src = (src[0], toks[j - 1][1])
            break
    after = text[src[1] : src[1] + 40].lstrip()
    if after[:1] in ",;:" or not after:
        return None
    return src


def _one_cue(
    text: str,
    qidx: _QuoteIndex,
    m: re.Match,
    ss: int,
    se: int,
    pi: int,
    sent_raws: list[tuple[int, _Raw]] | None = None,
) -> _Raw | None:
    sent_raws = sent_raws or []
    cs = m.start()
    if qidx.inside(cs):
        return None  # reporting verbs inside a quotation belong to the quoted speaker
    cue_s, cue_e, verb = _cue_extent(text, m, se)
    if cue_e < 0:
        return None
    before = text[max(ss, cs - 12) : cs]
    if verb == "according to":
        return _according_to(text, qidx, cue_s, cue_e, ss, se, pi)
    progressive = verb in PARTICIPLE_CUES and _PROGRESSIVE_RE.search(before)
    # infinitives, gerund objects and passives are not reporting acts here
    if _NOT_FINITE_RE.search(before) and not progressive:
        return None
    if verb in PARTICIPLE_CUES and not progressive:
        return None  # handled once the sentence's other attributions are known
    # the auxiliary belongs to the cue ("has admitted", "are insisting")
    am = _AUX_RE.search(text, max(ss, cue_s - 12), cue_s)
    if am:
        cs = cue_s = am.start()
        before = text[max(ss, cs - 12) : cs]
    weak = verb in WEAK_CUES
    base = verb in BASE_FORMS
    if m.group()[0].isupper() and verb != "according to":
        return None  # a capitalised verb starts a sentence or a title: no subject before it
    # 1. quote right before the cue: "'...,' said X." / "'...,' X said."
    prev = text[ss:cs].rstrip()
    q_before = None
    if prev.endswith(_CLOSE_MARKS):
        q_before = qidx.ending_at(ss + len(prev))
    if q_before:
        src = _source_after(text, cue_e, se)
        if src and (not base or _plural_source(text, src)):
            return _Raw(src, (cue_s, cue_e), _quote_content(text, qidx, ss, q_before), "", pi)
    if base and not _base_form_ok(text, ss, cs):
        return None
    nm = _NEXT_WORD_RE.match(text, m.end(), se)
    if nm and (nm.group(1) in CUE_VERBS or (base and nm.group(1).endswith("ed"))):
        return None  # "online claims argue", "the report showed": this word is a noun
    src_b = _source_before(text, ss, cs)
    if src_b is None:
        rm = _RELATIVE_RE.search(text, max(ss, cs - 40), cs)
        if rm:
            # "said the officials, who added that …": the relative pronoun's antecedent speaks
            src_b = _source_before(text, ss, rm.start())
    if src_b is None and _COORDINATED_RE.search(before):
        # coordinated cue ("He stresses hydration and recommends …"): the clause's subject speaks
        src_b = _subject(text, ss, cs, sent_raws)
        if src_b is not None:
            fc = _forward_content(text, qidx, cue_e, se, verb, weak)
            if fc is None:
                return None
            cst, cen = _trim_forward(text, qidx, *fc)
            return _Raw(src_b, (cue_s, cue_e), (cst, cen), "", pi) if cen > cst else None
    if src_b is None:
        # inverted order after a clause: "…, said the spokesman."
        if prev.endswith(",") and not base and not weak:
            src = _source_after(text, cue_e, se)
            if src is None:
                return None
            rest = _parenthetical_rest(text, src[1], se)
            if rest is not None and _is_parenthetical(text[ss:cs].rstrip()[:-1]):
                cst, cen = _trim_forward(text, qidx, rest, se)
                return _Raw(src, (cue_s, cue_e), (cst, cen), "", pi) if cen > cst else None
            if _after_is_end(text, src[1], se):
                cst, cen = _trim_content(text, qidx, _lead_start(text, ss, cs, qidx), ss + len(prev) - 1)
                if _enough_words(text, cst, cen):
                    return _Raw(src, (cue_s, cue_e), (cst, cen), "", pi)
        return None
    sb_s, _ = src_b
    # 2. quote just before the source: "'...,' he said."
    lead = text[ss:sb_s].rstrip()
    if lead.endswith(_CLOSE_MARKS):
        q = qidx.ending_at(ss + len(lead))
        if q:
            return _Raw(src_b, (cue_s, cue_e), _quote_content(text, qidx, ss, q), "", pi)
    # 3. clause before the source: "…, the NYT wrote."
    if lead.endswith(","):
        rest = _parenthetical_rest(text, cue_e, se)
        if rest is not None and _is_parenthetical(lead[:-1]):
            cst, cen = _trim_forward(text, qidx, rest, se)
            return _Raw(src_b, (cue_s, cue_e), (cst, cen), "", pi) if cen > cst else None
        if _after_is_end(text, cue_e, se):
            cst, cen = _trim_content(text, qidx, _lead_start(text, ss, sb_s, qidx), ss + len(lead) - 1)
            if _enough_words(text, cst, cen):
                return _Raw(src_b, (cue_s, cue_e), (cst, cen), "", pi)
    # 4. content after the cue
    if _COLON_END_RE.match(text, cue_e, se) and _COLON_END_RE.match(text, cue_e).end() > se:
        # "President Obama also said:" ends the paragraph: the content is what follows
        blk = _following_block(text, qidx, se, quoted_only=False)
        return _Raw(src_b, (cue_s, cue_e), blk, "", pi) if blk else None
    fc = _forward_content(text, qidx, cue_e, se, verb, weak)
    if fc is None:
        return None
    cst, cen = fc
    q = qidx.find(cst)
    if q and q[0] == cst and q[1] == cen:
        if text.startswith(":", cue_e) or text[cue_e:cst].strip() == ":":
            # a colon-introduced quote that ends its paragraph goes on through quoted paragraphs
            blk = _following_block(text, qidx, cen, quoted_only=True)
            if blk:
                cen = blk[1]
    else:
        cst, cen = _trim_forward(text, qidx, cst, cen)
    if cen <= cst:
        return None
    return _Raw(src_b, (cue_s, cue_e), (cst, cen), "", pi)


def _following_block(text: str, qidx: _QuoteIndex, pos: int, quoted_only: bool) -> tuple[int, int] | None:
    """Paragraphs after pos that carry on a colon-introduced statement: wholly quoted paragraphs, or
    (when quoted_only is False) a run of short list-like paragraphs."""
    m = _PARA_RE.match(text, pos)
    if not m:
        return None
    start = m.end()
    end = None
    cur = start
    for _ in range(MAX_BLOCK_PARAGRAPHS):
        nm = _PARA_RE.search(text, cur)
        pend = nm.start() if nm else len(text)
        para = text[cur:pend].strip()
        if not para:
            break
        q = qidx.find(cur)
        whole_quote = q is not None and q[0] == cur and q[1] >= cur + len(para)
        short = len(para.split()) <= 25 and not _CUE_RE.search(text, cur, pend)
        if end is None and whole_quote:
            quoted_only = True  # a block that opens with a quote goes on only through quotes
        if not (whole_quote or (not quoted_only and short)):
            break
        end = cur + len(para)
        if not nm:
            break
        cur = nm.end()
    if end is None:
        return None
    return start, end


def _quote_content(text: str, qidx: _QuoteIndex, ss: int, q: tuple[int, int]) -> tuple[int, int]:
    """A quote before its cue; if the sentence has words before the quote, the content starts there."""
    start = _lead_start(text, ss, q[0], qidx)
    if _WORD_CHAR_RE.search(text, start, q[0]):
        return start, q[1]
    return q


def _participle(
    text: str, qidx: _QuoteIndex, m: re.Match, ss: int, se: int, pi: int, sent_raws: list[tuple[int, _Raw]]
) -> _Raw | None:
    """ "…, noting that …": the source is the clause's subject (an earlier source in the sentence)."""
    cs = m.start()
    if qidx.inside(cs) or not text[ss:cs].rstrip().endswith(","):
        return None
    src = _subject(text, ss, cs, sent_raws)
    if src is None:
        return None
    cue_s, cue_e, verb = _cue_extent(text, m, se)
    fc = _forward_content(text, qidx, cue_e, se, verb, verb != "saying")
    if fc is None:
        return None
    cst, cen = fc
    q = qidx.find(cst)
    if not (q and q[0] == cst and q[1] == cen):
        cst, cen = _trim_forward(text, qidx, cst, cen)
    if cen <= cst:
        return None
    return _Raw(src, (cue_s, cue_e), (cst, cen), "", pi)


def _trim_forward(text: str, qidx: _QuoteIndex, s: int, e: int) -> tuple[int, int]:
    """Cut writer-added trailers off an indirect content (", citing …", ", provoking …")."""
    for m in _TRAILER_RE.finditer(text, s, e):
        if not qidx.inside(m.start()) and m.start() - s > 15:
            e = m.start()
            break
    return _trim_content(text, qidx, s, e)


def _after_is_end(text: str, pos: int, se: int) -> bool:
    return bool(_AFTER_CUE_END_RE.match(text[pos:se]))


def _according_to(text: str, qidx: _QuoteIndex, cue_s: int, cue_e: int, ss: int, se: int, pi: int) -> _Raw | None:
    lead = text[ss:cue_s].rstrip()
    if not lead:
        # "According to X, clause." — the source ends at the first comma
        comma = text.find(",", cue_e, se)
        if comma < 0:
            return None
        src = _source_after(text, cue_e, comma, allow_appos=False)
        if not src:
            return None
        cst, cen = _trim_content(text, qidx, comma + 1, se)
        if cen <= cst:
            return None
        return _Raw(src, (cue_s, cue_e), (cst, cen), _kind(text, qidx, cst, cen), pi)
    if not lead.endswith(","):
        return None
    src = _source_after(text, cue_e, se)
    if not src:
        return None
    cst, cen = _trim_content(text, qidx, _lead_start(text, ss, cue_s, qidx), ss + len(lead) - 1)
    if not _enough_words(text, cst, cen):
        return None
    return _Raw(src, (cue_s, cue_e), (cst, cen), _kind(text, qidx, cst, cen), pi)


# A named source introducing a quote with a colon: 'Blinken: "…"'. Matched at the start of a sentence's slice; the
# lookbehind keeps a search from rescanning a long word from each of its letters.
_COLON_SRC_RE = re.compile(
    r"(?<![\w’'.-])([A-Z][\w’'.-]*+(?:\s++(?:of\s++|the\s++|de\s++|van\s++)?[A-Z][\w’'.-]*+){0,4}+)"
    r"\s*+:\s*+(?=[\"“«„])"
)


def _colon_cue(text: str, qidx: _QuoteIndex, ss: int, se: int, pi: int, sent_raws: list[tuple[int, _Raw]]) -> None:
    sentence = text[ss:se]
    if ":" not in sentence:
        return
    m = _COLON_SRC_RE.match(sentence)
    if not m:
        return
    colon = ss + sentence.index(":", m.end(1))
    q = qidx.starting_at(ss + m.end())
    if not q:
        return
    if m.group(1).split()[0].lower() in NP_BREAK:
        return
    if any(r.cue[0] <= colon < r.cue[1] or r.content[0] <= colon < r.content[1] for _, r in sent_raws):
        return
    sent_raws.append((colon, _Raw((ss + m.start(1), ss + m.end(1)), (colon, colon + 1), q, "direct", pi)))


# ---------------------------------------------------------------------------------------------
# Speakers and importance
# ---------------------------------------------------------------------------------------------


def _name_core(src: str) -> str:
    """Strip determiners, titles and appositions: the name a reader would recognise."""
    s = _without_parentheticals(src).strip()
    first = s.split(",")[0].strip()
    if _is_name_list(s):
        pass  # "Canada, Britain and America's other NATO allies": the whole list speaks
    elif "," in s and first[:1].isupper() and " and " not in first and len(first.split()) <= 5:
        s = first  # "Mr. Reeves, a senior fellow at …": the name before the apposition
    elif "," in s and " and " not in s:
        chunks = [c.strip() for c in s.split(",") if c.strip()]
        named = [c for c in chunks if any(w[:1].isupper() for w in c.split()[1:]) or c[:1].isupper()]
        s = named[0] if named else chunks[0]
    words = s.split()
    # lowercase determiners go; a capitalised "The" may be part of a name ("The New York Times")
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    if " and " in s:
        return " ".join(words)
    if words and words[0].endswith(("’s", "'s")) and len(words) > 1:
        words = words[1:]
    if words and words[-1].lower() in ORG_HEADS:
        return " ".join(words)
    # trailing run of capitalised non-title words is the person's name
    tail: list[str] = []
    for w in reversed(words):
        if _is_cap(w) and w.lower().rstrip(".") not in TITLE_WORDS and w.lower() not in TITLE_WORDS:
            tail.append(w)
        else:
            break
    tail.reverse()
    if tail and len(tail) < len(words) and all(w[0].isupper() for w in tail):
        return " ".join(tail)
    return " ".join(words)


def _without_parentheticals(s: str) -> str:
    r"""What re.sub(r"\s*\([^)]*\)", "", s) returns, in one pass: the pattern rescans to the end from every "("
    that has no ")" after it (str.isspace is exactly its \s)."""
    out: list[str] = []
    pos = 0
    while (opening := s.find("(", pos)) >= 0 and (closing := s.find(")", opening)) >= 0:
        start = opening
        while start > pos and s[start - 1].isspace():
            start -= 1
        out.append(s[pos:start])
        pos = closing + 1
    out.append(s[pos:])
    return "".join(out)


def _is_name_list(s: str) -> bool:
    """A list of names ("A, B and C"), not a name with an apposition ("A, a fellow at B and C")."""
    chunks = [c.strip() for c in s.split(",")]
    last = chunks[-1]
    if len(chunks) < 2 or " and " not in last or not all(c[:1].isupper() for c in chunks if c):
        return False
    return last.split(" and ", 1)[1][:1].isupper()


def _looks_person(name: str) -> bool:
    ws = name.split()
    return (
        1 <= len(ws) <= 4
        and all(w[:1].isupper() for w in ws)
        and not any(
            w.lower() in ORG_ANAPHORS or w.lower() in ("ministry", "times", "post", "news", "house", "department")
            for w in ws
        )
    )


class _Mentions:
    """Person names mentioned in the text, scanned once, left to right, as pronouns ask for them."""

    __slots__ = ("last", "pos", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.last: tuple[int, str] | None = None

    def before(self, pos: int) -> tuple[int, str] | None:
        """The last person named in the window before pos."""
        start = max(self.pos, pos - PRONOUN_WINDOW)
        for m in _NAME_MENTION_RE.finditer(self.text, start, pos):
            core = _name_core(m.group())
            ws = core.split()
            if len(ws) >= 2 and _looks_person(core) and not any(w.lower() in TITLE_WORDS for w in ws):
                self.last = (m.start(), core)
        self.pos = max(self.pos, pos)
        if self.last and self.last[0] >= pos - PRONOUN_WINDOW:
            return self.last
        return None


# A maximal run of letters and digits ([^\W_] is exactly str.isalnum): a surname (isalpha) that stands as a word of
# its own, between non-alphanumeric characters, is exactly such a run.
_ALNUM_RUN_RE = re.compile(r"[^\W_]++")


def _full_names(text: str, surnames: set[str], deadline: Deadline) -> dict[str, tuple[int, str]]:
    """Where each surname first appears as part of a full name ("Lloyd Austin"): one scan of the text's words
    serves every surname."""
    out: dict[str, tuple[int, str]] = {}
    if not surnames:
        return out
    for n, word in enumerate(_ALNUM_RUN_RE.finditer(text)):
        if n % _CHECK_EVERY == 0:
            deadline.check()
        surname = word.group()
        if surname not in surnames or surname in out:
            continue
        i = word.start()
        lead = _NAME_LEAD_RE.search(text[max(0, i - 60) : i])
        if lead:
            core = _name_core(lead.group("lead") + surname)
            ws = core.split()
            if len(ws) >= 2 and ws[-1] == surname and _looks_person(core):
                out[surname] = (i, core)
    return out


def _resolve(text: str, raws: list[_Raw], deadline: Deadline) -> list[str | None]:
    """Speaker names: titles stripped, surnames and abbreviations expanded, pronouns resolved."""
    speakers: list[str | None] = []
    full_names: dict[str, str] = {}  # surname / abbreviation -> full name
    surnames = {
        w
        for r in raws
        if r.source
        for w in [text[r.source[0] : r.source[1]]]
        if " " not in w and len(w) >= 3 and w[:1].isupper() and w.isalpha()
    }
    first_full = _full_names(text, surnames, deadline)
    mentions = _Mentions(text)
    titled: dict[str, str] = {}  # title word -> the person who held it ("president" -> "Barack Obama")
    last_person: tuple[int, str] | None = None
    last_org: str | None = None
    last_plural: str | None = None
    for r in raws:
        deadline.check()
        if r.source is None:
            speakers.append(None)
            continue
        src = text[r.source[0] : r.source[1]]
        low = src.lower()
        words = low.split()
        name: str | None
        if low in ("he", "she", "i", "him", "her"):
            # the last person quoted is the usual antecedent; a mere mention only when none was quoted yet
            mention = mentions.before(r.source[0]) if last_person is None else None
            if mention:
                name = full_names.get(mention[1].split()[-1], mention[1])
            else:
                name = last_person[1] if last_person else None
        elif low in ("it",):
            name = last_org
        elif low in ("they", "we"):
            name = last_plural or last_org
        elif words and words[-1] in ORG_ANAPHORS and not any(w[:1].isupper() for w in src.split()[1:]):
            name = last_org
        elif words and not _is_named(src):
            # a generic source ("officials", "the president"): a title points back to its holder
            name = titled.get(words[-1])
        else:
            core = _name_core(src)
            for paren in _PAREN_RE.findall(src):
                full_names[paren.strip()] = core
            cw = core.split()
            if core in full_names:
                name = full_names[core]
            elif len(cw) == 1:
                ff = first_full.get(cw[0])
                name = full_names.get(cw[0]) or (ff[1] if ff and ff[0] < r.source[0] else None) or core
            else:
                name = core
            if name and len(name.split()) >= 2 and _looks_person(name):
                full_names.setdefault(name.split()[-1], name)
            if name and name[:1].isupper() and _looks_person(name) and " and " not in name:
                last_person = (r.source[0], name)
                for w in words:
                    if w in TITLE_WORDS and w not in DETERMINERS:
                        titled[w] = name
            elif name and name[:1].isupper():
                last_org = name
            if name and (" and " in name or (words and words[-1].endswith("s") and not src[:1].isupper())):
                last_plural = name
        speakers.append(name)
    return speakers


def _is_named(speaker: str | None) -> bool:
    """A named person or body, not a generic group that happens to start a sentence ("Experts")."""
    if not speaker:
        return False
    return any(
        w[:1].isupper() and w.lower() not in SOURCE_NOUNS and w.lower() not in DETERMINERS for w in speaker.split()
    )


def _rank(raws: list[_Raw], speakers: list[str | None], n_paras: int, deadline: Deadline) -> list[int | None]:
    """Rank the key attributions: named sources, quoted words, the sources the story leans on, early ones."""
    counts: dict[str, int] = {}
    for sp in speakers:
        if sp:
            counts[sp] = counts.get(sp, 0) + 1
    scored: list[tuple[float, int]] = []
    for i, (r, sp) in enumerate(zip(raws, speakers, strict=True)):
        deadline.check()
        if not _is_named(sp):
            continue
        score = KIND_WEIGHT.get(r.kind, 0.0)
        score += min(counts.get(sp or "", 1), 6) * 0.5
        if r.paragraph <= max(2, n_paras // 5):
            score += 1.0
        score += min(r.content[1] - r.content[0], 300) / 300.0
        if score >= KEY_THRESHOLD:
            scored.append((score, i))
    scored.sort(key=lambda x: (-x[0], x[1]))
    ranks: list[int | None] = [None] * len(raws)
    for rank, (_, i) in enumerate(scored, 1):
        ranks[i] = rank
    return ranks


def find_attributions(text: str, deadline: Deadline | None = None) -> list[Attribution]:
    """Every attribution in text (paragraphs separated by blank lines), in text order.

    With a deadline, raises TooComplex once it has passed (checked between paragraphs and attributions)."""
    if not isinstance(text, str) or not text.strip():
        return []
    deadline = deadline if deadline is not None else Deadline(0)  # Deadline(0) never expires
    raws = _raw_attributions(text, deadline)
    # one attribution per cue; keep text order
    seen: set[tuple[int, int]] = set()
    uniq: list[_Raw] = []
    for r in sorted(raws, key=lambda r: (r.cue[0], r.content[0])):
        if r.cue in seen:
            continue
        seen.add(r.cue)
        uniq.append(r)
    speakers = _resolve(text, uniq, deadline)
    n_paras = max(1, len({r.paragraph for r in uniq}))
    ranks = _rank(uniq, speakers, n_paras, deadline)
    out: list[Attribution] = []
    for i, (r, sp, rk) in enumerate(zip(uniq, speakers, ranks, strict=True), 1):
        src = text[r.source[0] : r.source[1]] if r.source else None
        out.append(
            Attribution(
                id=f"a{i}",
                speaker=sp,
                source=src,
                cue=text[r.cue[0] : r.cue[1]],
                content=text[r.content[0] : r.content[1]],
                kind=r.kind,
                key=rk is not None,
                rank=rk,
                paragraph=r.paragraph,
                source_span=r.source,
                cue_span=r.cue,
                content_span=r.content,
            )
        )
    return out
