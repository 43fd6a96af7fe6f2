"""The finder's compiled patterns, each with its reason; every one runs in linear time (tests/test_patterns.py)."""

from __future__ import annotations

import logging
import re

from .lexicon import (
    BELIEF_FORMS,
    CLOSE_MARKS,
    DANGLING_CONJ,
    HYPHENS,
    MONTHS,
    NAME_PARTICLES,
    NOT_ADVERBS,
    NUMBER_WORDS,
    PRE_CUE_TIME_ADVERBS,
    PRE_CUE_TIME_ENDS,
    PRE_CUE_TIME_NOUNS,
    PREPOSITIONS,
    SET_OFF_ADVERBS,
    THAT_TIME_NOUNS,
    WEEKDAYS,
)
from .vocabulary import (
    AUTHORING_BASES,
    AUTHORING_FORMS,
    CUE_VERBS,
    IRREGULAR_PAST_VERBS,
    NOT_OBJECT_WORDS,
    PARTICLE_CUES,
    PREPOSITIONAL_CUES,
    PROPOSITION_NOUNS,
    SAME_FORM_PASTS,
    words,
)

log = logging.getLogger(__name__)

# Linear-time patterns: each run is taken whole by a possessive quantifier (\s++, [\w]++) where what follows cannot
# start with a character of the run, so giving some back never changes a match. A pattern that opens with a
# whitespace run and is only ever matched right after a word also carries (?<!\s): searched over a long run it
# is tried at the run's start only, not at every position of it (which rescans the run each time).


def trie_pattern(words: list[str]) -> str:
    """A prefix-factored alternation: Python's re tries alternatives one by one, a trie keeps it fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        alternatives = []
        optional = False
        for char in sorted(node):
            if char == "":
                optional = True
                continue
            alternatives.append(re.escape(char) + build(node[char]))
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return build(trie)


# ---------------------------------------------------------------------------------------------
# Text structure: paragraphs, sentences, quotation marks, tokens
# ---------------------------------------------------------------------------------------------

# Paragraph separator: a blank line.
PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A wire story's dateline before its first sentence ("KYIV, Ukraine (AP) — ", "LONDON, Dec 7 (Reuters) - ", "(CNN) —
# "): a place in capitals, its region or date, the agency, a dash. No part of the sentence, its source or content.
DATELINE_RE = re.compile(
    r"(?:(?<![A-Z.'’])[A-Z][A-Z.'’]{2,}+(?:[ -][A-Z][A-Z.'’]++){0,3}+"  # the place in capitals
    r"(?:,[ ][A-Z][\w.'’]*+(?:[ ][A-Z0-9][\w.'’]*+){0,2}+)?+"  # its region or the date ("Ukraine", "Dec 7")
    r"(?:[ ]\([A-Z][\w .&/-]{0,30}+\))?+"  # the agency
    r"|\([A-Z][\w .&/-]{0,30}+\))"  # or the agency alone ("(CNN) — ")
    r"(?:[ ]?+[—–][ ]?+|[ ]-[ ])"
)

# Candidate sentence ends: terminal punctuation, optional closers, then space; or a single line break.
# ([.!?…]+ spelled as one branch per first mark: branches that each open with a literal let re skip
# straight to the candidates instead of trying a match at every position, ~2x faster. The lookbehind after the
# mark keeps a run of marks to its first one: a match from inside the run also matches from its start, which
# finditer reaches first, since a search never starts right after a mark.)
SENT_END_RE = re.compile(
    "|".join(rf"{re.escape(mark)}(?<![.!?…].)[.!?…]*+[\"”’»)\]]*+(?:\s++|(?=[“«„]))" for mark in ".!?…") + r"|\n"
)

# Double quotation marks (curly, low-9, guillemets, straight): the ones a quote is paired on.
QUOTE_MARKS = '"“”„«»'
QUOTE_CHARS_RE = re.compile(f"[{QUOTE_MARKS}]")
# The marks that may open a quotation (a straight one opens as well as closes), and the pattern finding one.
OPENING_MARKS = "\"“„«‘'"
OPENING_MARK_RE = re.compile("[" + re.escape(OPENING_MARKS) + "]")
# British single quotes (‘…’), used only in paragraphs without double quotes.
SINGLE_MARK_RE = re.compile(r"['‘’]")

# Word tokens for the noun-phrase scanners (names with apostrophes, hyphens and inner dots; a number's thousands
# separators are its own, "10,000" is one token, not a clause's comma). Possessive runs: the
# same tokens as "\w(?:[\w’'&-]*\w)?" without backtracking off each word's end (~12% faster).
# What follows a number's thousands separator, a comma after a digit: three digits and no word character.
THOUSANDS_GROUP = r"\d{3}+(?!\w)"
# A comma that separates clauses or phrases: not a thousands separator ("a survey of 2,000 adults").
CLAUSE_COMMA_RE = re.compile(r",(?!(?<=\d,)" + THOUSANDS_GROUP + ")")
TOKEN_RE = re.compile(
    r"\w++(?:(?<=\d)," + THOUSANDS_GROUP + r")*+(?:[’'&-]++\w++)*+(?:\.\w++(?:[’'&-]++\w++)*+)*+(?:(?<=\.\w)\.)?"
    r"|[(),;:\"“”«»]"
)

# The dash closing an aside right before a cue ("The letter – an edited version … – warns"): a spaced hyphen or
# "--" counts, a hyphen inside a word does not.
ASIDE_DASH_RE = re.compile(r"(?:\s--|[—–―]|\s-)\Z")

# A run of characters between spaces, punctuation kept (a word as written, with its commas).
SPACED_WORD_RE = re.compile(r"\S++")
# Whitespace from a position on (to skip it before a match).
SPACES_RE = re.compile(r"\s*+")
# Any word character: tells real text from punctuation-only stretches.
WORD_CHAR_RE = re.compile(r"\w")


# ---------------------------------------------------------------------------------------------
# Cues: the reporting verb, its addressee, venue and time
# ---------------------------------------------------------------------------------------------

# The reporting cue regex: the prepositional cues (lexicon.PREPOSITIONAL_CUES, lower case or opening a sentence)
# plus the verb list, word-bounded and in one trie for speed (~15% faster than a trie each: "per" and "persuade"
# share a branch, and a word bounded on both sides is matched by one entry at most, whichever trie holds it).
CUE_WORD_FORMS: frozenset[str] = (
    frozenset(cue for phrase in PREPOSITIONAL_CUES for cue in (phrase, phrase.capitalize())) | CUE_VERBS
)
CUE_WORDS = "(?:" + trie_pattern(sorted(CUE_WORD_FORMS)) + ")"
# Never right after a hyphen: "agency-advised", "so-called" are adjectives (verb_scan skips them too).
CUE_RE = re.compile("(?<![" + re.escape(HYPHENS) + r"])\b" + CUE_WORDS + r"\b")

# The particle a particle cue needs right after it ("pointed out").
PARTICLE_RES: dict[str, re.Pattern] = {
    verb: re.compile(r"(?<!\s)\s++(?:" + particles + r")\b") for verb, particles in PARTICLE_CUES.items()
}
# "called on X (not) to …": the addressee (up to six words) before the "(not) to" that opens the request. Each word
# is taken whole (possessive), and "to" is tried after each: bounded, so linear.
CALL_ON_RE = re.compile(r"(?<!\s)\s++(?:on|upon)\s++(?:[^\s,;:.!?\"“”«»]++\s++){1,6}?(?=(?:not\s++)?to\s)")
# What ends one statement before another source's: punctuation or a coordinating conjunction right before that source,
# past a determiner ("…, and the mayor said"), searched on a short slice ending at the source.
NEXT_STATEMENT_RE = re.compile(
    r"(?:[,;:.!?—–\"”’)\n-]|\b(?:and|but|or|while|whereas|yet))\s*+(?:(?:the|a|an|his|her|their|its)\s++)?$"
)
# "what he calls …", "which he calls “…”": a relative right before a naming verb's source is its fronted object
# (group "what": any name may follow; after "which" or "that" only a quoted one, as "the man that he called" is a
# phone call). Searched on a short slice.
WHAT_BEFORE_RE = re.compile(r"\b(?:(?P<what>[Ww]hat)|which|that)\s++$")
# Where a name given without quotation marks ends: a break in the sentence ("what we call X—and …").
LABEL_END_RE = re.compile(r"[;:()—–]")
# "called for …": the demand follows the particle.
CALL_FOR_RE = re.compile(r"(?<!\s)\s++for\b")
# An object of one to eight words (no dash: "private-label brands — it had …" is no object), then a quotation mark:
# "called the plan “a disaster”", "slammed X as 'Y'".
OBJECT_THEN_QUOTE_RE = re.compile(r"(?<!\s)\s++(?:[^\s,;:.!?\"“”«»—–]++\s++){1,8}?(?:(?:as|of|for)\s++)?[\"“«]")
# A naming verb's short object (at most four words, no preposition: "dubbed the film in French before its “premiere”"
# names nothing), then the quoted name.
NAME_OBJECT_THEN_QUOTE_RE = re.compile(
    r"(?<!\s)\s++(?:(?!(?:in|on|at|before|after|from|with|for|by|during|into|to|about|over|who|that|which)\s)"
    r"[^\s,;:.!?\"“”«»—–]++\s++){0,4}?(?:(?:as|of)\s++)?[\"“«]"
)
# "refer to X as": the quoted name follows "as" ("refer to this as the “butterfly effect”", "referred to as “Y”");
# "referred her to a specialist who diagnosed “…”" names nothing.
REFER_AS_THEN_QUOTE_RE = re.compile(
    r"(?<!\s)\s++to\s++(?:[^\s,;:.!?\"“”«»—–]++\s++){0,8}?as\s++(?:[^\s,;:.!?\"“”«»—–]++\s++){0,3}?[\"“«]"
)
# What follows a naming verb's -s form when it is a noun: examples or a post-modifier ("terms like “x”", "terms of").
NOT_NAME_OBJECT_RE = re.compile(r"(?<!\s)\s++(?:like|such|of|for|and|or|in|on|with)\b")
# An object of one to eight words, then "as" and its label: "describes these upgrades as a bonus".
OBJECT_THEN_AS_RE = re.compile(r"(?<!\s)\s++(?:[^\s,;:.!?\"“”«»—–]++\s++){1,8}?as\s")
# An object of one to eight words, then its grounds: "accused X of", "praised X for", "condemned X as".
OBJECT_THEN_GROUNDS_RE = re.compile(r"(?<!\s)\s++(?:[^\s,;:.!?\"“”«»—–]++\s++){1,8}?(?:of|for|as|over)\s")

# "(not) to" and an infinitive's verb: not a determiner, pronoun, number, capital or digit ("told the story to the
# press", "pleaded guilty to two counts").
NOT_AFTER_INFINITIVE_TO = "|".join(
    [
        *words("the a an his her their its my our your this that these those him them us me it"),
        *sorted(NUMBER_WORDS - {"one"}),
    ]
)
INFINITIVE = rf"(?:not\s++)?to\s++(?!(?:{NOT_AFTER_INFINITIVE_TO})\b)[a-z]"
INFINITIVE_RE = re.compile(INFINITIVE)
# A verb's infinitive where "to" may also be a preposition ("was proposed to voters", "is preferred to coffee"):
# besides the above, no quantifier opens it ("asked to no one"), it is no plural noun (a word in -s but -ss, -us, -is)
# and no lone word before a preposition that rarely follows a verb ("to coffee from Brazil", "to applause from"; not
# "in", "by", "at", "with": "to close in March", "to rise by 5%", "to grow at 6%", "to deal with").
VERB_INFINITIVE_RE = re.compile(
    r"(?:not\s++)?to\s++"
    rf"(?!(?:{NOT_AFTER_INFINITIVE_TO}|no|some|any|all|every|each|many|most|both|one|several|few|such|what|whom|"
    r"which|whoever)\b)"
    r"(?![a-z]*+(?<=[^\Wsui]s)\b)[a-z][\w’'-]*+(?!\s++(?:from|of|during|than)\b)"
)
# Where a quotation is put after "add" ('add "(AI generated description)" to the end of …'), matched right after the
# quotation's closing mark: a thing placed, no words said.
PLACED_AFTER_QUOTE_RE = re.compile(
    r"(?<!\s)[,.]?+\s++(?:to|into|onto)\s++(?:the|a|an|each|every|its|our|their|your|my|his|her)\b"
)
# A lowercase word in -s, not -ss: after "it" or "she" a verb ("it attracts"). Matched whole on one word.
VERB_S_RE = re.compile(r"(?<![a-z])[a-z]{3,}+(?<=[a-rt-z]s)")
# A making verb's object that says something (matched where the content starts): a short phrase ending in a
# proposition's noun and its infinitive or that-clause ("plans to acquire …", "its decision that …"), or a phrase
# of up to eleven words and a colon before a quotation ("this announcement: “…”", "another mechanism at play: “…”").
SAYING_OBJECT_RE = re.compile(
    r"(?<![^\s,;:.!?\"“”«»])(?:(?:[^\s,;:.!?\"“”«»]++\s++){0,3}?(?:"
    + "|".join(PROPOSITION_NOUNS)
    + r")\s++(?:to\s++[a-z]|that\b)|(?:[^\s,;:.!?\"“”«»]++\s++){0,10}?[^\s,;:.!?\"“”«»]++\s*+:\s*+[\"“«])"
)
# A word after a determiner, possessive or quantifier: a noun there ("These projects", "his comments"); group 1.
NOUN_USE_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Ss]uch|[Mm]any|[Ss]ome"
    r"|[Aa]ny|[Oo]ther|[Aa]ll|[Pp]ublic)\s++([a-z]++)\b"
)
# "and" or "but" and a finite auxiliary: a subject's next predicate after an infinitive content ("claim to use neem oil
# and are “natural”"), where the infinitive's own coordination has a base form ("to stay and fight").
AND_FINITE_RE = re.compile(
    r"(?<!\s)\s++(?:and|but)\s++(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did)\b"
)
# A demonstrative subject and its finite verb, at most one noun between ("this will be …", "these trends are …"): a
# clause after an advice verb, not its object ("suggest this one"). Matched where the content starts.
DEMONSTRATIVE_CLAUSE_RE = re.compile(
    r"(?:this|these|that)\s++(?:[a-z]++\s++)?(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|"
    r"had|does|do|did|means|shows)\b"
)
# A request's infinitive before its quotation ("who asked not to be named") or after its addressee ("urged him to go").
NEGATED_INFINITIVE_RE = re.compile(r"not\s++to\s++[a-z]")
# A request's addressee before its infinitive ("urged lawmakers to pass", "appealed to ministers to accept", "pleaded
# with us to take", "appealed for witnesses to come forward"): up to six words of a noun phrase (no clause or
# prepositional word: "advises coffee before workouts to enhance …" is a purpose), each taken whole, "to" tried after
# each. Bounded, so linear.
DIRECTIVE_OBJECT_RE = re.compile(
    r"(?<!\s)\s++(?:(?:to|with|for)\s++)?"
    r"(?:(?!(?:" + "|".join(sorted(NOT_OBJECT_WORDS)) + r")\s)[^\s,;:.!?\"“”«»()]++\s++){1,6}?"
    r"(?=" + INFINITIVE + ")"
)

# The addressee of an object cue ("told reporters", "asked the BBC", "told GMTV's Sunday programme", "told BBC One's
# Breakfast with Frost programme", "told the Today programme", "told a Commons inquiry"); a name's words keep
# backtracking for the \b.
# A programme's or a paper's head after its name, and a link word a name may hold ("Breakfast with Frost").
_MEDIA_HEADS = "programme|program|show|podcast"
_ADDRESSED_MEDIA = f"(?:{_MEDIA_HEADS})"
_ADDRESSED_FORUMS = f"(?:{_MEDIA_HEADS}|inquiry|committee|hearing|newspaper|magazine|website|radio|station)"
_NAME_LINK = r"(?:(?:with|of|on|and)\s++)?"
ADDRESSEE_RE = re.compile(
    r"(?<!\s)\s++(?:(?:the|a|an)\s++(?:[A-Z][\w’'.&-]*+\s++" + _NAME_LINK + r"){1,4}" + _ADDRESSED_FORUMS + r"|"
    r"(?:(?:the|a|an)\s++)?(?:reporters|journalists|me|us|him|her|them|lawmakers|the\s++\w++|"
    r"(?:[A-Z][\w.&-]*+\s++){0,2}[A-Z0-9][\w.&-]*+['’]s(?:\s++" + _NAME_LINK + r"[A-Z][\w’'.&-]*+){0,3}"
    r"\s++" + _ADDRESSED_MEDIA + r"|"
    r"[A-Z][\w’'.&-]*(?:\s++(?:of\s++|the\s++)?[A-Z][\w’'.&-]*){0,4}))\b"
)

# Any short lowercase noun phrase as an addressee, when what opens a report follows it: "that", "whether", a colon or a
# quotation mark ("told colleagues that", "assured his investors: “…”", "warned residents that"); group 1 is the phrase.
REPORT_OPENER = r"\s*+(?:(?:that|whether|if)\s|:|[\"“‘«])"
REPORT_OPENER_RE = re.compile(r"(?<!\s)" + REPORT_OPENER)
# A one-noun addressee of "tell" before a bare clause's subject ("told investors the plan would fail", "told his staff
# they would be paid", "told a news conference the talks …"); group "noun" is its noun. The clause's verb is checked
# after.
ADDRESSEE_THEN_CLAUSE_RE = re.compile(
    r"(?<!\s)\s++(?:(?:a|an|his|her|their|its|our|my|your)\s++(?:[a-z][\w-]*+\s++)??)?"
    r"(?P<noun>[a-z][\w-]*+)"
    r"(?=\s++(?:the|a|an|he|she|it|they|we|there|this|these|those|his|her|their|its|our|no)\s)"
)
# "that" opening a relative clause: a verb right after it ("companies that have sold", "drugs that are").
RELATIVE_THAT_RE = re.compile(
    r"(?<!\s)\s++that\s++(?:have|has|had|are|is|was|were|will|would|can|could|may|might|must|should|do|does|did|[a-z]++ed)\b"
)
ADDRESSEE_THEN_REPORT_RE = re.compile(
    r"(?<!\s)\s++((?:(?:his|her|their|its|our|my|your|the|some|several|fellow)\s++)?(?:\w[\w’'.&-]*+\s++){0,4}?"
    r"\w[\w’'.&-]*+)(?=" + REPORT_OPENER + ")"
)
# A cue's venue belongs to the cue span: "said in a statement", "said during a press conference".
VENUE_NOUNS = (
    r"(?:statement|interview|press conference|news conference|press briefing|briefing|post|tweet|"
    r"letter|e-?mail|speech|address|op-ed|memo|blog post|blog|video|message|filing|call|hearing|"
    r"podcast|note|release|announcement|broadcast|essay|column|article|paper|report|study|"
    r"conference|event|panel|session|remarks|testimony|episode|newsletter|thread|comment|comments|"
    r"appearance|meeting|summit|rally|forum|keynote|talk|notice|book|lawsuit|complaint|affidavit|"
    r"opinion|ruling|decision|document|survey|presentation|webinar|livestream)"
)
# The venue noun may be a compound's first part ("on a conference call", "in a video message") and take its own
# modifier: how it came out or whom it went to ("in a statement issued on Tuesday", "in a report seen by Reuters",
# "in a note to clients", "in a filing with the SEC"), up to a few words and never past "that" or a comma.
CUE_TAIL_RE = re.compile(
    r"(?<!\s)\s++(?:in|during|at|on|via|through|from)\s++(?:a|an|the|his|her|their|its|our|my)\s++"
    r"(?:[\w’'-]++\s++){0,3}?" + VENUE_NOUNS + r"(?:\s++" + VENUE_NOUNS + r"\b)?+\b"
    r"(?:\s++(?:issued|released|posted|published|seen|sent|obtained|filed|shared|reviewed|to|with)\b"
    r"(?:\s++(?:the|a|an)\b)?+(?:\s++(?!(?:that|the|a|an)\b)[\w’'&-]++){1,4}+"
    r"(?=\s*+(?:that\b|[,.;:!?)\"”’]|$)))?+"
)

# A broadcaster's possessive name and a programme's quoted title ("CBS's "Face the Nation"", "Fox News' "…"").
_BROADCASTER = r"[A-Z][\w.&-]*+(?:\s++[A-Z][\w.&-]*+){0,2}+[’']s?+\s++"
_PROGRAMME_TITLE = r"[\"“][^\"“”\n]{1,60}+[\"”]"
# The title as the cue's venue, before its content: 'said on CBS's "Face the Nation" that'.
CUE_PROGRAMME_RE = re.compile(rf"(?<!\s)\s++(?:on|in)\s++(?:{_BROADCASTER})?+{_PROGRAMME_TITLE}(?=\s*+(?:that\b|,))")
# The same title as a told-cue's addressee, after its broadcaster's name: 'told CNN's "State of the Union" that'.
ADDRESSED_PROGRAMME_RE = re.compile(rf"(?<!\s)\s++{_BROADCASTER}{_PROGRAMME_TITLE}(?=\s*+that\b)")
# The forms of "be" that make a participle cue passive ("were told", "has been widely reported").
_PASSIVE_BE = "is|are|was|were|been|being|be"
# One of them right before a participle cue, nothing between: searched on a few characters.
PASSIVE_BE_BEFORE_RE = re.compile(rf"\b(?:{_PASSIVE_BE})\s++\Z")
# A named publication as the cue's venue, before its content: "writes in Grimdark Magazine that".
# (A name's words stay backtracking: "that" may end inside one, "in Forthat:" matching " in For".)
CUE_PUBLICATION_RE = re.compile(
    r"(?<!\s)\s++(?:in|on)\s++"
    r"(?!(?:" + "|".join(WEEKDAYS + MONTHS) + r")\b)"
    r"[A-Z][\w’'.&-]*(?:\s++[A-Z][\w’'.&-]*){0,3}(?=\s*+(?:that\b|,|:))"
)

# A speech verb's addressee after "to" ("confirmed to The Verge", "explained to me", "admitted to reporters"): a
# pronoun, a few press words, or a name of up to four capitalised words, then the clause's end, "that" or a time.
TO_ADDRESSEE_RE = re.compile(
    r"(?<!\s)\s++to\s++(?:me|us|him|her|them|reporters|journalists|the\s++press"
    r"|(?:the\s++)?+[A-Z](?:[\w’'&-]|\.(?=\w))*+(?:\s++[A-Z](?:[\w’'&-]|\.(?=\w))*+){0,3}+)"
    r"(?=\s*+(?:[,.;:!?]|$)|\s++(?:that|on|in|at|last|this|earlier|late|when|after|before)\b)"
)

# "that" a few words after the cue, behind a preposition or adverb: an adverbial ("argued for years that").
THAT_SOON_RE = re.compile(
    r"(?<!\s)\s++(?:for|by|on|in|at|of|about|during|over|after|before|to|with|via|through|outside|inside|near|from|"
    r"following|amid|under|last|this|earlier|later|again|repeatedly|privately|publicly)\b(?:\s++[\w’'.-]++){0,5}?\s++(that)\b(?![’'])"
)

# Time and manner adverbials that may sit between the cue and its content ("said Wednesday that").
# (?<!\s) covers the first branch too: a match from inside a whitespace run also matches from the run's start.
ADVERBIAL_RE = re.compile(
    r"(?<!\s)(?:\s*+,?+\s*+(?:on\s++)?(?:" + "|".join(WEEKDAYS) + r")\b(?![’'])"  # not "said Friday's vote …"
    r"(?:\s++(?:morning|afternoon|evening|night))?"
    r"|\s++(?:on|in|late|early)\s++(?:" + "|".join(MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"(?:\s++\d{1,2})?(?:,?\s++\d{4})?"
    r"|\s++(?:last|this|next)\s++(?:week|month|year|weekend|spring|summer|fall|autumn|winter)"
    r"|\s++(?:earlier|later)\s++(?:this|that|in\s++the)\s++(?:week|month|year|day)"
    r"|\s++(?:yesterday|today|recently|previously|earlier|later|again|also|repeatedly|publicly|"
    r"privately|separately|then|now|once|simply|bluntly|flatly|firmly|candidly|openly|explicitly|"
    r"frankly|confidently|proudly|emphatically|succinctly|plainly|matter-of-factly|too|as well)\b"
    r"|\s++(?:only|merely|just)(?=\s*+(?:[:\"“]|that\b))"  # 'said only: "We will see."', not "said just 10 came"
    r"|\s++(?:me|us|him|her|them)(?=\s++(?:that|in|during|at|on|after|before|last|this)\b|\s*+[,:.])"
    r"|\s*+,\s*+(?:for\s++example|for\s++instance|in\s++fact|of\s++course|however|in\s++part|though|"
    r"meanwhile|too|also|moreover|instead|again)(?=\s*+,)"
    # a prepositional phrase set off by commas ("said, by 2008, he wanted", "said, in a letter to MPs, that")
    # or a source set off so ("reported, citing people familiar with the matter, that")
    r"|\s*+,\s*+(?:by|in|on|at|during|after|before|since|for|with|from|under|over|until|within|citing|quoting)\s++"
    r"[^,;:.!?\"“”\n]{1,60}?(?=\s*+,))"
)

# "As X reports, …", "As I mentioned above, …": an "As" opening the sentence before the source (matched past leading
# spaces), and after the cue (and its adverbials) the comma before the content, past a phrase of up to three words
# that opens with a preposition or an adverb of place or time: the "as" stands for the verb's object, so an object
# after the verb makes the "as" temporal ("As he said goodbye, the train left"). Only matched right after the cue's
# word: the lookbehind keeps a search from rescanning a run of blanks.
AS_LEAD_RE = re.compile(r"(?:And\s++|But\s++)?[Aa]s\s++")
AS_TAIL_RE = re.compile(
    r"(?<!\s)(?:\s++(?:above|below|earlier|before|previously|here|there|in|on|at|to|during|last|this|for|about|of"
    r"|over|after|since)\b(?:\s++[\w’'-]++){0,2}?)?\s*+,\s*+"
)

# "…, as X wrote.", '“squatters,” as X put it': an "as" after a comma (or a quotation closing on one), right before
# the source (searched on the clause before the source; group 0 starts at the comma).
AS_TRAILER_RE = re.compile(r",(?P<close>[\"”’]?)\s*+as$")
# Nothing but the sentence's closing punctuation left (matched where the cue and its adverbials end).
SENTENCE_CLOSE_RE = re.compile(r"\s*+[.!?…]*+[\"”’)]*+\s*+$")

# An addressee or venue, then a comma and the quote: "wrote to the singer, “…”", "revealed to the media, “…”".
PREP_PHRASE_THEN_QUOTE_RE = re.compile(
    r"(?<!\s)\s++(?:to|on|in|at|into|with)\s++[^\s,;:.!?\"“”«»]++(?:\s++[^\s,;:.!?\"“”«»]++){0,5}+\s*+,?+\s*+(?=[\"“«])"
)
# An aside after a cue, a participle's or a preposition's, up to the colon that introduces a quotation ("continued,
# speaking of the games he misses: “…”", "said of the ruling: “…”"): the quotation is the content. No comma (a clause
# of its own: "urged students to talk to us, saying: “…”"), quotation mark or sentence break inside. The participle
# (group "lead") comes after a comma: right after the verb it is its object ("recommends choosing a diet: “…”"); the
# possessive run and its lookbehind read it without backtracking, and a run of spaces is entered only at its start.
ASIDE_THEN_COLON_QUOTE_RE = re.compile(
    r"(?:,\s*+(?P<lead>[a-z]{2,}+(?<=ing))|,?+(?<!\s)\s++(?:of|about|on|in|at|after|before|during|while|when|with|from))"
    r"\s++"
    r"[^\n,:;.!?\"“”«»]{1,160}+:\s*+(?=[\"“«‘])"
)

# Auxiliaries right before a cue verb, included in the cue span.
AUX_RE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would)\s+$")
# "as Darwin might have put it", "would have said": a counterfactual modal's perfect reports no act (GUIDELINES §2:
# hypothetical speech); searched on a short slice ending at the cue.
COUNTERFACTUAL_RE = re.compile(r"\b(?:might|could|would|should)(?:\s++not)?\s++have\s++$", re.IGNORECASE)
# "did say", "does acknowledge": do-support makes a base form finite (searched on a short slice before the cue).
DO_SUPPORT_RE = re.compile(r"\b(?:did|does|do)\s++$")
# "would later say", "would eventually tell": the past's future, told as narration, is as finite as "did say" (a
# "would" alone is a hypothetical: GUIDELINES §2); searched on a short slice before the cue.
NARRATIVE_WOULD_RE = re.compile(r"\bwould\s++(?:later|eventually|afterwards|subsequently)\s++$")
# A finite verb right after a clause's subject ("Officials visited …", "Institutions are relying …", "Residents have
# complained …"): the clause a coordinated base-form cue goes on from is a statement, not an imperative or infinitive.
FINITE_AFTER_SUBJECT_RE = re.compile(
    r"(?<!\s)\s++(?:(?:also|still|now|often)\s++)?(?:are|were|have|had|do|did|will|would|can|could|[a-z]{3,}ed)\b"
)
# A question asked with do ("Do they mention that …?", "Why did officials say that …?"), matched at its sentence's
# start: asking is no reporting.
DO_QUESTION_RE = re.compile(
    r"[\"“‘'(\s]{0,4}+(?:(?:why|how|what|when|where|who|whom|which)\s{1,4}+)?(?:do|does|did)(?:n[’']t)?\s",
    re.IGNORECASE,
)
# A question asked with a perfect's auxiliary ("Has your English teacher ever told you …?"), matched at its sentence's
# start: its subject is inverted, and the question the writer's.
PERFECT_QUESTION_RE = re.compile(
    r"[\"“‘'(\s]{0,4}+(?:(?:why|how|what|when|where|who|whom|which)\s{1,4}+)?(?:has|have|had)(?:n[’']t)?\s",
    re.IGNORECASE,
)
# A speech noun and its that-clause ("her admission that", "reports that"): "that" found first (a literal scan), the
# noun then matched on the short stretch before it; cues.nouns reads the rest.
THAT_WORD_RE = re.compile(r" that\b")  # a literal start: scanned at C speed (a lookbehind first is 6x slower)
SPEECH_NOUN_END_RE = re.compile(
    r"\b(?:(?:claim|allegation|accusation|assertion|suggestion|warning|promise|pledge|threat|complaint|prediction|"
    r"assurance|denial|report|rumou?r|revelation)s?|admission|insistence|contention|announcement|confirmation|"
    r"acknowledge?ment|speculation|stor(?:y|ies))$"
)
# "went on to say", "went so far as to call", "was quick to point out", "took care to stress": a frame whose infinitive
# is the act it reports (aspectual and evaluative catenatives); the frame makes the infinitive finite and belongs to the
# cue. Negated and modal frames ("declined to say", "wasn't keen to", "is expected to say") are left out
# (GUIDELINES §2).
CATENATIVE_RE = re.compile(
    r"\b(?:(?:went|goes|go|gone|going)\s++(?:on|so\s++far\s++as)"
    r"|(?:was|were|is|are|been)\s++(?:quick|keen|careful|eager|swift|at\s++pains)"
    r"|(?:took|takes|taken)\s++(?:care|pains)|hastened|hastens"
    # a purpose after an act of speaking or meeting ("took to Twitter to say", "wrote to the minister to urge", "met
    # Gove to urge"; not "used X to explain": a system using data explains nothing)
    r"|(?:(?:took|takes|wrote|writes)\s++to|met|meets|met\s++with)(?:\s++[\w.’'-]++){1,6}?"
    # a message sent to say it ("texted to say they were there", "called to say he was late"; not "was called to
    # testify": a summons)
    r"|(?<!was\s)(?<!were\s)(?<!been\s)(?:texted|texts|phoned|phones|called|calls|emailed|emails|messaged|rang))"
    r"\s++to\s++$"
)
# A causing verb and its object before an infinitive cue ("prompted Engoron to quip", "led TNO to conclude"): the
# infinitive's act happened, done by the object (implicative causatives; not "urged X to say", a request). Searched on
# the few characters before the cue; group "source" the object, one to four words.
CAUSED_SPEAKER_RE = re.compile(
    r"\b(?:prompt|lead|led|cause|forc|compel|compell|mov|inspir|spur|spurr|driv|drove|push)(?:s|es|ed|e|ing)?\s++"
    r"(?P<source>[\w’'.-]++(?:\s++[\w’'.-]++){0,3}?)\s++to\s++$"
)
# "is saying", "are insisting", "are secretly asking", "It’s saying": a progressive -ing form is a finite cue (one
# adverb between); so is one after a passive "quoted as" ("was quoted (by Interfax) as saying": its subject said it).
PROGRESSIVE_RE = re.compile(
    r"(?:\b(?:is|are|was|were|been|am)|(?<=\w)[’'](?:re|s|m))\s++(?:(?:also|now|still|today|already|[a-z]{2,12}ly)\s++)?"
    r"(?:quoted\s++(?:by\s++[\w’'.&-]++(?:\s++[\w’'.&-]++){0,3}?\s++)?as\s++)?$"
)
# An active "quoted X as saying" ("RIA quoted Peskov as saying that …"): the one quoted, group "source", said it.
# Searched on the few characters before the participle; the source is one to six words, none of them "as".
QUOTED_AS_RE = re.compile(
    r"\bquot(?:ed|es|ing)\s++(?P<source>(?!(?:by|as)\b)[\w’'.-]++(?:\s++(?!as\b)[\w’'.-]++){0,5}+)\s++as\s++$"
)

# A passive's auxiliary right before a participle cue, with at most two adverbs ("we are told", "was also asked",
# "We’re told", "has been widely reported"). Searched on a short slice ending at the cue.
PASSIVE_AUX_RE = re.compile(
    rf"(?:\b(?:{_PASSIVE_BE})|[’'](?:re|s))(?:\s++(?:(?!(?:" + "|".join(sorted(NOT_ADVERBS)) + r")\b)"
    r"[a-z]{2,16}ly|also|now|then|often|even|first|being)\b){0,2}+\s++$"  # "the victim's family said" is no passive
)
# "by" and the agent of a passive report ("was told by police that …"), past a short time or place phrase ("was
# defined in the 1950s by AI pioneer Arthur Samuel as …").
BY_AGENT_RE = re.compile(r"(?<!\s)(?:\s++(?:in|on|at|during|last|this|earlier)(?:\s++[\w’'.-]++){1,3}?)?\s++by\s++")

# Infinitives, negations and passives before a verb: not a reporting act by the subject.
NOT_FINITE_RE = re.compile(r"(?:\bto|\bnot|\bwas|\bwere|\bbeen|\bbe|\bis|\bare|\bbeing|\bhelp)\s+$", re.IGNORECASE)

# The word right after a cue.
NEXT_WORD_RE = re.compile(r"(?<!\s)\s++([a-z]++)\b")

# The word before a base-form cue, past adverbs, and sentence adverbs set off by commas ("Critics, however, argue"). The
# leading \b changes no match (a match inside a word means one at the word's start, which search finds first) but fails
# fast inside words: ~3x faster. At most 15 adverbs (as many as the 60-character window holds; -ly ones too: "I strongly
# recommend"), possessively: from every word of a run of them the search rescanned it.
BASE_SUBJECT_RE = re.compile(
    r"\b(\w+)[\s,]+(?:(?:"
    + trie_pattern(sorted(SET_OFF_ADVERBS | frozenset(words("also often now still generally all both further too"))))
    + r"|[a-z]{2,14}ly),?\s+){0,15}+$"
)
# A plural head, then a prepositional phrase of one to five words, ending where a base-form cue starts ("Lawyers for the
# family say", "Results from this survey suggest", "Members of the board of directors argue"), or a participle and its
# phrase or time ("Figures released on Monday show", "Data published yesterday suggest"): the verb agrees with the head,
# not the noun before it. Searched on a short slice ending at the cue; the phrase holds no comma, verb or clause.
PP_HEAD_RE = re.compile(
    r"\b([A-Za-z]++)\s++(?:[a-z]++(?<=ed)\s++)?"
    r"(?:(?:of|from|at|in|for|on|with|inside|across|within|outside|near|around)\s++(?:[\w’'.&-]++\s++){1,5}+"
    r"|(?<=ed\s)(?:(?:on|this|last)\s++)?(?:" + "|".join(PRE_CUE_TIME_ENDS) + r")\s++)$"
)
# Two names joined by "and" ending where a base-form cue starts ("Chiou and Howlett write", "Jane Ruiz and Tom Park
# say"): a plural subject. Each name one to three capitalised words, each bounded so that a try from every start is.
COORDINATED_NAMES_RE = re.compile(
    r"\b[A-Z][\w’'.-]{0,24}+(?:[ \t]{1,3}+[A-Z][\w’'.-]{0,24}+){0,2}+[ \t]{1,3}+(?:and|&)[ \t]{1,3}+"
    r"[A-Z][\w’'.-]{0,24}+(?:[ \t]{1,3}+[A-Z][\w’'.-]{0,24}+){0,2}+[ \t]{0,3}+$"
)
# "In X's words," and "In her own words:" (GUIDELINES §1, a noun cue): the possessor is the source, "words" the cue,
# what follows its comma or colon the content. A name of one to four capitalised words, each bounded.
IN_WORDS_RE = re.compile(
    r"\b[Ii]n[ \t]++(?P<source>his|her|their|its|[A-Z][\w.-]{0,24}+(?:[ \t][A-Z][\w.-]{0,24}+){0,3}+[’']s?)"
    r"[ \t]++(?:own[ \t]++)?(?P<cue>words)[ \t]*+(?P<mark>[,:])"
)
# A sentence adverb set off by commas right before a cue ("Critics, however, argue"): the source ends at its comma.
SET_OFF_ADVERB_RE = re.compile(r",\s*+(?:" + "|".join(sorted(SET_OFF_ADVERBS)) + r"),\s*+$")


# A closing quotation mark, as a character class (lexicon.CLOSE_MARKS).
CLOSE_MARK = "[" + re.escape("".join(CLOSE_MARKS)) + "]"
# What may come right before "you" as a clause's subject: the sentence's start, punctuation or a clause link; after
# a verb "you" is its object ("letting you add …"). Searched on a short slice ending at "you".
YOU_SUBJECT_LEAD_RE = re.compile(
    r"(?:^|[,;:(\"“”—–]|\b(?:and|but|so|then|now|that|because|yet|or))\s*+$", re.IGNORECASE
)
# A plural pronoun subject inside a subordinate clause ("when they say"): not the subject of the cue.
SUBORDINATE_SUBJECT_RE = re.compile(r"\b(?:when|if|whenever|until|unless|as)\s++\w++[\s,]*+$")
# A subordinate clause opening a sentence ("Even if …, Microsoft says …"): reported with the clause after the cue.
# Subordinators of time, concession and cause: a clause they open before the main clause is not its subject.
_FRONTING_SUBORDINATORS = "When|Although|Though|While|Because|Since|Once|Until"
SUBORDINATE_LEAD_RE = re.compile(rf"(?:Even if|Even though|If|{_FRONTING_SUBORDINATORS}|Unless|Whether)\b")
# A lead about the question the source was asked ("When asked if …", "If pressed on …", "Asked whether …"): no part of
# the report.
QUESTIONED_LEAD_RE = re.compile(
    r"(?:(?:When|If|Once|Whenever)\s++(?:asked|pressed|questioned|challenged)|Asked|Pressed|Questioned|Challenged)\b"
    # or the interview itself, with its own subject ("When reporters asked him …", "When we spoke in March,")
    r"|(?:When|Once|After)\s++(?:[\w’'-]++\s++){1,4}?(?:asked|spoke|reached|contacted|interviewed|talked|questioned"
    r"|pressed)\b"
)
# A subordinate clause or a time phrase opening a stretch, in either case ("when I woke up", "After the vote"): alone
# before a source and cue it tells when or why, no statement ("And when I woke up, I was crying").
LONE_SUBORDINATE_RE = re.compile(
    r"(?i:even\s++if|even\s++though|if|when|whenever|although|though|while|because|since|once|until|unless|after|before)"
    r"\s[^,;:]*+$"
)
# A subordinate clause of time, concession or cause opening a sentence ("When Winfrey asked …, he declined, saying …"):
# a report inside it ends at its comma, and the main clause after it has its own subject. Conditionals (IF_LEAD_RE)
# report nothing: "If officials say that …" is hypothetical (GUIDELINES §2).
# A connective before it ("However, when asked …, she declined, noting …") leaves it the sentence's opening clause.
FRONTED_CLAUSE_RE = re.compile(
    r"[\"“‘'(\s]{0,4}+(?:(?:However|But|And|Yet|Still|Then|Later|Meanwhile),?+\s++)?+"
    rf"(?i:{_FRONTING_SUBORDINATORS}|Whenever|After|Before"
    r"|As\s++soon\s++as|Even\s++(?:when|after|before|though|while|because|since|once))\s"
)
IF_LEAD_RE = re.compile(r"[\"“‘'(\s]{0,4}+(?:If|Unless|(?:Even|Only)\s++(?:if|when|unless))\s")
# What a participial cue hangs on, at the end of the text before it: a comma ("…, noting that"), or a subordinator of
# time whose clause's subject speaks ("while claiming", "before announcing"); not "by" ("by adding a file" is a means)
# nor "and". Searched on a short slice ending at the cue.
# ',” adding': a comma inside the mark.
# A dash stands for the comma ('"…," Smith said — adding that …').
PARTICIPLE_LEAD_RE = re.compile(rf"(?:,{CLOSE_MARK}?|[—–]|(?<!-)--|\b(?:while|before|after))\s*+$")
# "by" before a speech participle: the means is a report ("responded by saying that …", "ended by warning that …");
# searched on a short slice ending at the cue.
BY_BEFORE_RE = re.compile(r"\bby\s++$")
# "and" right before a participle cue that goes on from an earlier one ("…, saying … and adding that …"); searched on a
# short slice ending at the cue.
AND_BEFORE_RE = re.compile(r"\band\s++$")
# A coordinator right before a later verb of the same subject ("… and said", "…, but insisted"), searched on a short
# slice ending at that verb (a comma before it is trimmed off the content it ends).
COORDINATED_VERB_RE = re.compile(r"\b(?:and|but)\s++$")
# A verb that makes its subject a message's author, right before the message ("issued a statement", "posted a tweet",
# "sent out an email"); searched on a short slice ending where the message's noun phrase starts.
AUTHORING_VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(AUTHORING_FORMS)) + r")(?:\s++out)?\s++$")
# Their base forms after "to" ("were first to publish papers showing …"): the infinitive's subject is the author.
AUTHORING_BASE_RE = re.compile(r"\bto\s++(?:" + "|".join(sorted(AUTHORING_BASES)) + r")\s++$")
# "there is" (are, was, were, has been) right before a noun phrase: the phrase is the clause's subject.
EXISTENTIAL_RE = re.compile(r"\b[Tt]here(?:\s++(?:is|are|was|were)|[’']s|\s++ha(?:s|ve)\s++been)\s++(?:also\s++)?$")
# "with" right before an absolute construction's subject ("with 74% of over-65s saying …"); searched on a short slice.
ABSOLUTE_WITH_RE = re.compile(r"\b[Ww]ith\s++$")
# A coordinated cue: "… and recommends", "… but also says".
COORDINATED_RE = re.compile(r"\b(?:and|but)\s++(?:(?:also|then|later)\s++)?$")


# ---------------------------------------------------------------------------------------------
# Sources: the noun phrase before or after a cue
# ---------------------------------------------------------------------------------------------

# Searched on a slice (the lookbehind must not see what comes before the window); "\s+ on? \s*" is spelled
# "\s++ (on \s*+)?": the same strings, without the two runs splitting one stretch of whitespace every way.
PRE_CUE_TIME_RE = re.compile(
    r"(?<!\s)(?:\s++(?:(?:on|in|late|early|last|this)\s*+)?(?:" + "|".join(PRE_CUE_TIME_NOUNS) + r")"
    r"(?:\s++\d{1,2})?(?:,?\s++\d{4})?"
    r"|\s++(?:" + "|".join(PRE_CUE_TIME_ADVERBS) + r"))$"
)

# Fixed adverbial phrases between a source and its cue ("Judge Ellen Park at one point warned", "Smith, for his
# part, said"); searched on a short slice ending at the cue's side.
PRE_CUE_PHRASE_RE = re.compile(
    r"(?<![^\s,])(?:at\s++one\s++point|at\s++the\s++time|at\s++first|in\s++turn|in\s++response|"
    r"for\s++(?:his|her|their|its|our)\s++part),?+$"
)
# What a PRE_CUE_PHRASE_RE match ends with, its phrase's last word and a comma or none: told by str.endswith at C
# speed, most cues are ruled out without the search's try at every position.
PRE_CUE_PHRASE_ENDS: tuple[str, ...] = tuple(
    word + comma for word in ("point", "time", "first", "turn", "response", "part") for comma in ("", ",")
)

# A relative pronoun set off by a comma right before a cue ("Smith, who said", "Jones, who also warned"), and the comma
# before a main clause's verb that ends such a clause ("…, who said the plan would fail, resigned on Tuesday").
SET_OFF_RELATIVE_RE = re.compile(
    r",\s*+(?:who|which)\s++(?:(?:also|then|later|once|previously|[a-z]{2,14}ly)\s++){0,2}+$"
)
MAIN_VERB_AFTER_COMMA_RE = re.compile(
    r"(?<!\s)\s*+,\s*+(?=(?:is|was|were|are|has|have|had|will|would|can|could|did|does|[a-z]{3,}ed)\s"
    # a present verb in -s and its complement ("…, feels rushed", "…, remains unclear"): a plural noun has a verb next
    r"|[a-z]{3,}s\s++(?:the|a|an|to|that|it|its|his|her|their|no|not|[a-z]+ed|[a-z]+ly)\b)"
)

# Relative pronouns (with contractions: "who's") that open a clause inside an apposition.
RELATIVE_WORD_RE = re.compile(r"[wW]h(?:o|ich|ose|om)(?:[’'](?:s|d|ve|ll))?$")  # not "WHO", an acronym

# A relative pronoun ending the clause before a parenthetical cue ("…, which, critics say, does not …"); searched on the
# clause without its comma.
RELATIVE_END_RE = re.compile(r"\b(?:which|who|that)$")
# A relative pronoun right before a cue: ", who said", ", which says", ", who in 2010 said", ", who recently said", and
# restrictive: "Tory MPs who said", "a local organization which said" (not "that": "an assault that threatened to …" is
# no speaker).
RELATIVE_RE = re.compile(
    r"(?:,\s*+|(?<=\w)\s++)(?:who|which)\s++(?:(?:also|then|later|has|have|had|once|previously|[a-z]{2,14}ly)\s++"
    r"|(?:in|on|last|earlier|back\s++in)\s++[\w’'-]++\s++){0,3}+$"
)
# The main clause's predicate resuming after a relative clause set off by commas ("The senator, who said that …, will
# have to …"): a comma, maybe a closing mark, then an auxiliary (group "close": the mark the content keeps).
MAIN_PREDICATE_RE = re.compile(
    rf"(?<!\s),(?P<close>{CLOSE_MARK}?)\s++(?:will|would|can|could|should|must|may|might|is|are|was|were|has|have|had|"
    r"does|did)\b"
)
# A restrictive "that" right before a cue ("the test results that show", "retail outlets that claim"): its antecedent
# speaks only when it is a name, a plural or a source noun (sources/ decides; "an assault that threatened" is none).
THAT_RELATIVE_RE = re.compile(r"(?<=\w)\s++that\s++(?:(?:also|then|later|once|previously|still|often)\s++){0,2}+$")
# "who" as a base-form cue's subject: its antecedent agrees ("charities who say", "members, who say").
WHO_RELATIVE_RE = re.compile(r"(?<=\w),?+\s++who\s++(?:(?:also|then|later|once|previously|still|often)\s++){0,2}+$")
# What opens a report right after its cue: "that", an infinitive, a quotation mark (after a comma too) or a colon.
REPORT_OPENING_RE = re.compile(r"(?<![\s,])\s*+,?+\s*+(?:(?:that|to)\b|[\"“‘:])")
# A finite verb strong enough to mark a new clause (plural nouns in -s do not count here).
# An auxiliary or modal: a finite verb, never an object's adjective as an -ed form may be ("reported increased sales").
AUXILIARY_RE = re.compile(r"\b(?:is|are|was|were|will|would|can|could|should|shall|may|might|must|has|have|had|did)\b")

STRONG_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|shall|may|might|must|has|have|had|does|do|did|"
    r"[a-z]{3,}ed|\w+n[’']t|\w+[’'](?:s|re|ll|d|ve|m))\b"
)

# A short opening phrase before the subject: "In Washington, ", "On Tuesday, " (matched past leading whitespace).
LEADING_ADVERBIAL_RE = re.compile(
    r"(?:In|On|At|For|After|Before|During|Since|From|Last|This|Earlier|Later|Meanwhile|However|Still|Yet|"
    r"Now|Today|Yesterday|Separately|Elsewhere|Also|But|And|Then|Instead|Similarly|Likewise)"
    r"(?:\s++[\w’'-]++){0,5}?,\s++"
)

# A transcript's speaker label at a paragraph's start, in capitals, with an optional role and number
# ("ROSIE CURTS:", "UNIDENTIFIED PERSON #1:", "SACHA PFEIFFER, HOST:"); group "name" and "role". The lookbehind
# keeps a search from rescanning a long run of capitals from each of its letters.
TRANSCRIPT_LABEL_RE = re.compile(
    r"(?<![\w.’'-])(?P<name>[A-Z][A-Z.’'-]++(?:[ \t]++(?:[A-Z][A-Z.’'-]*+|\#\d++)){0,4}+)"
    r"(?:,[ \t]*+(?P<role>[A-Z][A-Z ]{0,20}+))?[ \t]*+:[ \t]++(?=\S)"
)

# An interview's speaker label at a paragraph's start, in title case ("Thomas Malone:", "Mr Malone:", "Dr. Lee:"):
# an optional title, then one to four capitalised words, a colon and text; group "name". The lookbehind keeps a search
# from rescanning a long word from each of its letters.
TITLED_LABEL_RE = re.compile(
    r"(?<![\w’'.-])(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?+[ \t]++)?[A-Z][\w’'.-]*+(?:[ \t]++[A-Z][\w’'.-]*+){0,3}+)"
    r"[ \t]*+:[ \t]++(?=[^\s\"“«„])"
)

# A quote's closing mark, then a name and the comma opening its apposition ('…," Chad Hawk, ' in '…," Chad Hawk, head of
# PMG, a firm in Florida told Fox'): the apposition's own closing comma may be missing; group 1 the name.
QUOTE_THEN_NAME_RE = re.compile(r"[,.!?][\"”»’]\s++([A-Z][\w’'.-]*+(?:\s++[A-Z][\w’'.-]*+){0,3}+),")
# The same at the end of a slice ('…," Callan Spicher, ' before "vice president of …, told us").
NAME_BEFORE_APPOSITION_RE = re.compile(QUOTE_THEN_NAME_RE.pattern + "$")

# A paragraph's closing quotation mark, a dash and the phrase naming who said it, to the paragraph's end ('"…" --
# Senior engineer at a startup', '“…” — Jane Doe'): searched on the paragraph's tail, each run taken whole.
DASH_SOURCE_RE = re.compile(
    r"[”\"»][ \t]*+(?P<dash>--|[—–―]|(?<=[ \t])-(?=[ \t]))[ \t]*+(?P<source>[A-Z][^\n\"“”«»]*+)$"
)  # a spaced hyphen is a typed dash ('"…" - Sam Carter, harbourmaster')
# A list item's bullet before a paragraph's opening quotation ('- "…" — Margaret Hill').
BULLET_RE = re.compile(r"[-•*][ \t]++")
# An embedded post's sign-off as reading mode flattens it: a dash, the author's name and handle, the date
# ("— Elon Musk (@elonmusk) March 3, 2025"), at a line's start or after the post's text, to the paragraph's end.
POST_SIGNOFF_RE = re.compile(
    r"(?:^|(?<=\s))(?P<dash>--|[—–―])[ \t]*+(?P<source>(?P<name>[A-Z][^\n()“”\"]{0,60}?)[ \t]*+\(@\w{1,30}+\))"
    r"[ \t]*+(?:" + "|".join(MONTHS) + r")\.?+[ \t]++\d{1,2},?+[ \t]++\d{4}[ \t]*+$"
)  # the post's date makes it one: an author's line ("— Jane Doe (@janedoe)") has none
# A finite verb in that phrase makes it a sentence of the writer's, not a name ('"…" — The crowd was cheering.').
FINITE_IN_LINE_RE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|said|says|did|does)\b")

# A colon or dash right before a quotation mark: where a colon cue may be (COLON_SRC_RE's tail), found in C.
COLON_CUE_MARKS = ":―—–"
MARK_THEN_QUOTE_RE = re.compile("[" + COLON_CUE_MARKS + r"][ \t]*+[\"“«„]")

# A named source introducing a quote with a colon or a dash: 'Blinken: "…"', 'Lee ― "…"'. Matched at the start of a
# sentence's slice; the lookbehind keeps a search from rescanning a long word from each of its letters.
COLON_SRC_RE = re.compile(
    r"(?<![\w’'.-])([A-Z][\w’'.-]*+(?:\s++(?:of\s++|the\s++|de\s++|van\s++)?[A-Z][\w’'.-]*+){0,4}+)"
    r"\s*+[:―—–]\s*+(?=[\"“«„])"
)


# ---------------------------------------------------------------------------------------------
# Contents: what the source said
# ---------------------------------------------------------------------------------------------

# A comma inside closing quotation marks at the end of a clause ('… “around the clock,”'), searched on the clause.
COMMA_THEN_CLOSE_RE = re.compile(rf",{CLOSE_MARK}++$")

# A leading conjunction is the writer's glue, not part of the reported content (matched past leading whitespace:
# a sentence may start inside a whitespace run, so the run is skipped by skip_spaces rather than by the pattern).
LEAD_CONJ_RE = re.compile(r"(?:And|But|So|Yet|Or|Still|Also),?+\s++")

# A cue followed only by a colon up to the end of the paragraph.
COLON_END_RE = re.compile(r"(?<![ \t])[ \t]*+:[ \t]*+(?:\n|$)")

# A colon ending a content's line and the list items on the lines after it, in the same paragraph ("… may:\n- Have
# an underlying condition\n- …"); group 1 the items. Each line is taken whole; the lookbehind keeps a search from
# rescanning a run of blanks from each of its characters.
LIST_AFTER_COLON_RE = re.compile(r"(?<![ \t])[ \t]*+:[ \t]*+((?:\n[ \t]*+(?:[-•*–]|\d{1,2}[.)])[ \t]++[^\n]++)++)")

# A word that looks like a finite verb or auxiliary: tells a reported clause from a plain object. An "'s" is "is"
# only after a pronoun ("it's", "there's"); after a name it is mostly a possessive ("LeWitt's Variations").
CLAUSE_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|shall|may|might|must|has|have|had|does|do|did|"
    r"isn[’']t|aren[’']t|wasn[’']t|weren[’']t|won[’']t|wouldn[’']t|can[’']t|couldn[’']t|don[’']t|"
    r"doesn[’']t|didn[’']t|hasn[’']t|haven[’']t|hadn[’']t|need|needs|remain|remains|plans?|wants?|"
    r"[a-z]{3,}ed|[a-z]{3,}s|\w+[’'](?:re|ll|d|ve|m)|(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Hh]ere|[Ww]here)[’']s|"
    + trie_pattern(IRREGULAR_PAST_VERBS)
    # a past spelt as its base, not as a noun after a determiner ("the car hit", not "the cost of living")
    + "|"
    + "".join(f"(?<!\\b{determiner}\\s)" for determiner in ("the", "a", "an", "its", "his", "her", "their", "our"))
    + trie_pattern(SAME_FORM_PASTS)
    + r")\b"
)

# A gerund opening a memory's content ("being out at …", "seeing him"): a word in -ing and a word after it, not a
# pronoun in -thing nor a preposition in -ing ("remembered something", "recalled during the trial").
GERUND_RE = re.compile(
    r"(?<![a-z])(?!(?:some|any|no|every)thing\b|(?:dur|includ|regard|concern|follow|accord)ing\b)[a-z]{5,}+(?<=ing)"
    r"\s++\S"
)
# Words after an advice verb that make its object a plain complement, not a recommendation.
NOT_ADVICE_RE = re.compile(r"(?:of|about|on|for|with|at|by|from|in|into|as|and|or|but|so|because|this|these)\b")
# Words after a cue that start a prepositional phrase or a conjunct, not a reported clause.
NOT_CLAUSE_RE = re.compile(r"(?:of|about|on|for|to|with|at|by|from|in|into|as|and|or|but|so|because)\b")
# A determiner or preposition right before a word: it is a noun there ("the state", "of comment"; not "to" nor "that":
# "went on to state", "rules that state"). Searched on the few characters before the word.
NOUN_LEAD_RE = re.compile(r"\b(?:the|a|an|this|its|his|her|their|our|my|your|of|in|on|for|by|with)\s++$", re.I)
# What opens an aside between a bare clause's subject and its verb: a relative clause, a condition or concession, an
# age, an apposition or a focusing adverb ("the man, who was 34, fled", "the levy, if approved, would", "the driver, a
# teacher, fled", "he, too, was expecting").
ASIDE_OPENING_RE = re.compile(
    r"(?:who|which|whose|whom|if|unless|once|when|while|though|although|\d++|a|an|the|his|her|their|its|too|also)\b"
)
# A subject pronoun (never an object: "he", not "him") and its verb opening a content: a bare clause ("said she used
# the money"), whatever the verb's form; not when a preposition or the sentence's end follows the verb, its object
# gone to a relative clause before ("the things they say they like about Rust").
SUBJECT_PRONOUN_CLAUSE_RE = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?:[’'](?:d|s|ll|re|ve|m))?+\s++[a-z]++(?:[’'][a-z]++)?+\s++"
    r"(?!(?:about|of|for|with|to|from|at|on|in)\b)\w"
)
# What a split quote's cue may take between commas before the quote goes on: what the quote is about or the moment of
# speaking ('"…," Trump said of Mar-a-Lago, "and …"', '"But," Alito continued, as he addressed Prelogar, "is …"'); it
# ends before its comma, holds no quotation mark and no sentence break.
# What a cue said of, ending its sentence and paragraph ('"…," Lee said of the vote.'): the speaker's quotation may
# go on in the next paragraph.
CUE_TOPIC_RE = re.compile(r"\s{1,4}+(?:of|about)\s{1,4}+[^\n,;:.!?\"“”«»]{1,80}+[.!?]")
SPLIT_ASIDE_RE = re.compile(r",?+\s{0,4}+(?:of|about|as|while|when|before|after)\s{1,4}+[^\n,;:.!?\"“”«»]{1,80}+(?=,)")
# A comma and a conjunction opening the next clause: a passive evaluation's grounds end before it ("was blamed for the
# mess, but it was the cat"); group "list" an "and"/"or" that may end a list ("for its graphics, gameplay, and …").
CLAUSE_JOIN_RE = re.compile(r",\s++(?:(?P<list>and|or)|but|yet|so|while|whereas)\b")
# "by" opening a passive's agent after its grounds ("was criticized for decades of neglect by lawyers").
BY_WORD_RE = re.compile(r"\sby\s")
# A short phrase fronted in the sentence after a split quote's cue that keeps to the speaker's own view, before the
# quotation that carries the quote on: a role ('"…," Slemp said. As a parent, "we're …"'), a view the possessive gives
# to someone ("In his view,", "For her part,"; the caller checks it is the speaker's), a time or degree ("At the time,",
# "At least for now,"). Another party, a response, a place or a document ("To critics,", "In response,", "Elsewhere in
# the county,", "In a statement,") is left out: the quotation after it is someone else's or the writer's.
FRONTED_LEAD_RE = re.compile(
    r"(?<!\s)\s++(?:"
    r"As\s++an?\s++(?!result\b|consequence\b|whole\b)[a-z][a-z’'-]*+(?:\s++[a-z][a-z’'-]*+){0,2}+"
    r"|(?:In|To|By|For|From)\s++(?P<possessive>his|her|their)\s++(?:own\s++)?+"
    r"(?:view|views|words|opinion|mind|account|telling|part|eyes|experience|estimation|judgment|perspective)"
    r"|(?:At\s++least\s++)?+(?:[Ff]or\s++now|[Ff]or\s++the\s++moment)"
    r"|For\s++the\s++time\s++being|At\s++the\s++time|At\s++first|At\s++times|At\s++the\s++moment|Back\s++then"
    r"|Right\s++now|Even\s++(?:now|then)|These\s++days"
    r"),"
)
# Where a bare clause's first phrase ends (not at a thousands separator: "showed 311,000 people were waiting").
PHRASE_END_RE = re.compile(r"[;:]|" + CLAUSE_COMMA_RE.pattern)

# A run of non-space characters: a word as whitespace splits it, with its trailing punctuation ("recession.").
WORD_RE = re.compile(r"\S++")
# Where a clause whose subject is a relative clause's gap ends ("the man who they say orchestrated the attacks — and
# whom …"): a phrase's end or a dash.
GAP_CLAUSE_END_RE = re.compile(PHRASE_END_RE.pattern + r"|\s(?:--|[—–])")

# Content that trails after the reported clause and is the writer's, not the source's: a reason or a result the writer
# adds (", citing …", ", sending shares up 5%", ", bringing the toll to 40"; not "marking": a release's own words).
TRAILER_RE = re.compile(
    rf",(?P<close>{CLOSE_MARK}?)\s+(?P<word>citing|provoking|prompting|sparking|adding|noting|saying|according to|"
    r"sending|bringing|pushing|lifting|dragging|triggering|surprising|fuelling|fueling)\b"
)  # after a quotation the comma may stand inside its closing mark ('“no regrets,” adding that …')

# The subject's own refusal after its report ("said the company was reviewing the report but declined to comment",
# "confirmed … but did not say which"): "but" and a refusing predicate with no subject of its own end the content.
REFUSAL_TAIL_RE = re.compile(
    r"(?<![\s,]),?+\s++but\s++(?:declined|refused|gave\s++no|offered\s++no|provided\s++no"
    r"|(?:would|did|could)(?:\s++not|n't|n’t)\s++(?:say|comment|elaborate|give|provide|disclose|confirm|discuss"
    r"|identify|specify|answer|name|detail|explain|respond))\b"
)  # not "but could not score": a reported clause's own predicate

# A trailing participle or gloss after a backward-pointing cue ("…, the NYT reported, citing sources", "…, he added --
# a move that …"), a participle's quoted report included. Only whether it
# matches is used. The clause after the comma is taken whole, or up to a "(" where a closing parenthetical may
# start: those are the only places the clause can end in a match, so no other split is tried. (A quote or "that"
# right after the comma stops it; whitespace there never could, so the run after the comma goes to the clause.)
# A dot inside the trailer is an abbreviation's ("at 1:30 p.m. on Nov. 8"): a digit, a lowercase letter and a dot,
# or a lowercase word or a number follows it.
AFTER_CLAUSE = r"(?:[^.!?\"“‘«]|\.(?=\d|[a-z]\.|\s[a-z0-9]))"
AFTER_CUE_END_RE = re.compile(
    r"^(?:\s*+\([^()]{0,60}\))?"
    rf"(?:\s*+(?:,|--|—|–)(?![\"“‘'«]|that\b)(?:{AFTER_CLAUSE}*+|{AFTER_CLAUSE}*(?=\())"
    # a participle's own report, quoted words and all (", saying he has the “wrong solution” to them.")
    r"|\s*+,\s*+(?:saying|adding|noting|citing|arguing|claiming|warning|insisting|explaining)\b[^\n]*+"
    r"|\s++(?:citing|adding|noting|quoting|according|in|on|at|during|after|before|last|this|earlier|late|early|as|while"
    r"|when)\b"
    rf"(?:{AFTER_CLAUSE}*+|{AFTER_CLAUSE}*(?=\()))?"
    r"\s*+[.!?…]?[\"”’]?(?:\s*+\([^()]*+\)|(?<=[.!?])[A-Z][^\n]*+)?\s*+$"
)

# Words after a comma that continue the clause before a cue rather than start the reported one.
NOT_PARENTHETICAL_RE = re.compile(
    r"(?:citing|adding|noting|quoting|according|which|who|in|on|at|during|after|before|despite|while|as|"
    # how or where the words were given (", speaking on condition of anonymity because …"): no content of theirs
    r"speaking|writing|testifying|appearing|responding|reacting|referring|commenting|"
    r"with|and)\b",
    re.IGNORECASE,
)
# A clause left open before a comma-enclosed cue ("because, he said, quality is key").
OPEN_CLAUSE_RE = re.compile(r"\b(?:because|that|but|and|if|when|while|so|although|though|since)\s*$")
# After a cue that follows its statement, the statement going on: ", and be willing to …", ", but …", and its reason
# or condition (", because …", ", unless …": no narration opens so) (group 1 from the conjunction on).
CONJOINED_REST_RE = re.compile(r"(?<!\s)\s*+,\s*+((?:and|but|or|because|unless|with)\s++\w)")
# A comma with its spaces (the end of a parenthetical cue).
COMMA_RE = re.compile(r"(?<!\s)\s*+,\s*+")

# A content ending in a dangling conjunction, cut there. Searched on a slice; a match from inside a whitespace
# run also matches from its start, which search finds first.
DANGLING_CONJ_RE = re.compile(r"(?<!\s)(?:\s*+,?+\s*+\b(?:" + "|".join(DANGLING_CONJ) + r")\s*+)$")


# ---------------------------------------------------------------------------------------------
# Speakers: names in the text
# ---------------------------------------------------------------------------------------------

# Who made a document named as a source: "a count from the Post and Courier", "a list compiled by Boris Shor",
# "answers posted on Quora" (group "name": from the capital to the end of the source, which is short); at a sentence's
# start the determiner or the first adjective is capitalised ("A 2020 report by the Agency …", "New research from …");
# up to two adjectives may describe the maker before its name ("projections from the nonpartisan Legislative …"),
# never a preposition: "a post by the mother of Evan Gershkovich" is not his.
PREPOSITION_WORDS = "|".join(sorted(PREPOSITIONS))
PROVENANCE_RE = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?+|[Tt]his|[Tt]hat)\s++)?+(?:[a-z0-9][\w-]*+|[A-Z][a-z]*+(?=\s++(?!(?:from|by|on)\s)[a-z]))"
    r"(?:\s++[a-z][\w-]*+){0,3}?\s++"
    r"(?:(?:compiled|published|released|posted|issued|written|conducted)\s++)?(?P<link>from|by|on)\s++"
    rf"(?:[Tt]he\s++)?(?:(?!(?:{PREPOSITION_WORDS})\s)[a-z][a-z-]*+\s++){{0,2}}(?P<name>[A-Z].*)$"
)

# A short parenthetical in a source is its abbreviation: "The New York Times (NYT)".
PAREN_RE = re.compile(r"\(([^)]{1,20})\)")
# A parenthesis in running text that may define an acronym: "(OBR)" after its name, or the name after "OBR (".
DEFINITION_PAREN_RE = re.compile(r"\(([^()\n]{2,80})\)")

# A person's name in running text: an optional title, then two to four capitalised words. Its first character, a
# capital, is the pattern's first step, before the word-start test: re's search then looks for the next capital in its
# own loop instead of trying a match at every position (a lookahead first gives it none); a title's capital is that
# same first character, the title's other letters checked after it. A word's run of a-z is taken in one step (the
# letters one by one through the alternation cost most of the search): 38% fewer instructions than the lookahead's
# form on a long article (tests/test_attributions.py keeps that form and holds the two to the same matches).
# A name's word opens with any Latin capital (re has no \p{Lu}) and goes on in lower case, in any script
# ("Wójcik", "Oisín", "Ní"), with a capital again after a hyphen or apostrophe ("Jo-Ann", "O'Neill") or once inside
# it ("McConnell", "DeSantis", "LaGuardia"); lower-case particles may stand inside the name ("Dan da Cruz", "Jo-Ann de
# la Paz"), and so may an initial or a capital alone ("Oisín Ó Briain").
NAME_CAPITALS = "A-Z" + "".join(letter for letter in map(chr, range(0xC0, 0x250)) if letter.isupper())
# A name's word after its first capital (a-z is part of the first class: its run is the same letters taken at once).
NAME_WORD_REST = (
    rf"(?:[a-z]++|[^\W\d_{NAME_CAPITALS}]|[’'-][^\W\d_])++"
    rf"(?:[{NAME_CAPITALS}][^\W\d_{NAME_CAPITALS}]++)?+"
)
NAME_WORD = rf"[{NAME_CAPITALS}]{NAME_WORD_REST}"
NAME_PARTICLE_WORDS = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
NAME_MENTION_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen")
# After the first capital: a title's other letters ("r." when it was "M"), then the name's first word's own capital.
_TITLE_AFTER_CAPITAL = "|".join(rf"(?<={title[0]}){title[1:]}\.\s+[{NAME_CAPITALS}]" for title in NAME_MENTION_TITLES)
NAME_MENTION_RE = re.compile(
    rf"[{NAME_CAPITALS}](?<!\w.)(?:{_TITLE_AFTER_CAPITAL})?{NAME_WORD_REST}"
    rf"(?:\s+(?:(?:[A-Z]\.|[{NAME_CAPITALS[3:]}])\s+)?(?:(?:{NAME_PARTICLE_WORDS})\s+){{0,2}}{NAME_WORD}){{1,3}}"
)

# Capitalised words (or initials) right before a surname, on its line: the rest of a full name (group "lead"),
# searched on a slice ending at the surname. A match within a word starts at its first capital (a later capital of
# the same word ends the same way), so only word starts are tried, skipping to that capital: no position rescans a
# long word. A name's word may open with any Latin capital ("Ó Briain", "Łukasz": re has no \p{Lu}) and initials may
# run together ("A.J. Pay", "J.R. Smith").
NAME_LEAD_RE = re.compile(
    rf"(?<![\w’'-])(?:(?![{NAME_CAPITALS}])[\w’'-])*+"
    rf"(?P<lead>(?:[{NAME_CAPITALS}][\w’'-]*+(?:\.[A-Z]){{0,2}}+\.?+[ \t\xa0]++){{1,3}})$"
)

# Third-person pronouns after a mention: they tell a person's gender, or that it is a body ("its"). The first letter
# is the pattern's first step (re's search skips to the next h, s or i in its own loop; a lookahead first made it try a
# match at every position: 56% fewer instructions over a long text), the rest of the pronoun checked after it.
PRONOUN_WORD_RE = re.compile(r"[HhSsIi](?<!\w.)(?:(?<=[Hh])(?:e|is|im|ers?)|(?<=[Ss])he|(?<=[Ii])ts)\b")
# A capitalised word right after a surname: the name goes on ("Dana F. Besecker Company").
NAME_GOES_ON_RE = re.compile(r"(?<![ \t])[ \t]++[A-Z]")

# A maximal run of letters and digits ([^\W_] is exactly str.isalnum): a surname (isalpha) that stands as a word of
# its own, between non-alphanumeric characters, is exactly such a run.
ALNUM_RUN_RE = re.compile(r"[^\W_]++")

# The cues and the believing or intending verbs (lexicon.BELIEF_FORMS, lower case: a capitalised one opens a sentence
# or a title) in one trie, so that one scan finds both (cues.scan.verb_scan; the two lists share no word, and no
# belief verb is a word of a prepositional cue, so each word is found as a scan of its own list finds it). Found by the
# non-word character before them: a pattern that opens with a literal or a character class lets re skip to the
# candidates instead of trying a match at every position (~3x faster than opening with \b). A space comes before most;
# the character class is a quick bit test, and the lookbehind keeps of it only non-word characters. Never after a
# hyphen: "agency-advised", "so-called", "long-planned" are adjectives.
VERB_WORDS = "(?:" + trie_pattern(sorted(CUE_WORD_FORMS | frozenset(BELIEF_FORMS))) + r")\b"
VERB_AFTER_SPACE_RE = re.compile(" " + VERB_WORDS)
NON_WORD_NOT_HYPHEN = "[^a-zA-Z0-9_ " + re.escape(HYPHENS) + r"](?<=\W)"
VERB_AFTER_OTHER_RE = re.compile(NON_WORD_NOT_HYPHEN + VERB_WORDS)
# What follows a belief verb: its first word says whether a clause, an infinitive or an object comes.
BELIEF_COMPLEMENT_RE = re.compile(r"(?<!\s)[ \t]++(?P<content>(?P<opener>[\w’']++))")
# "that" opening a clause, and the spaces after it (any: "known that\xa0the origins …"); not the demonstrative of a
# time phrase ("was proposed that year", "realised that night").
THAT_CLAUSE_RE = re.compile(r"that\s++(?!(?:" + "|".join(THAT_TIME_NOUNS) + r")\b)")
# "to be" and a quantity or a class: a judgement's definition ("A serving is considered to be 5 ounces", "are considered
# to be a form of income"); "to be one of the most …", "to be an evidence-based strategy", "to be safe" judge.
DEFINITION_RE = re.compile(r"to\s++be\s++(?:\d|an?\s++(?:form|type|kind|sort|part|member|variety)\s++of\b)")
# A negation right before a cue or a belief verb ("never said", "doesn't want"): no report, no belief held.
NEGATION_BEFORE_RE = re.compile(r"(?:n[’']t|\bnot|\bnever)\s++$")
# A subordinator right before a belief's subject ("if you want", "what we want"): a condition or an object.
SUBORDINATE_BEFORE_RE = re.compile(
    r"\b(?:if|what|whatever|when|whenever|whether|unless|as|than|which)\s++$", re.IGNORECASE
)

# A description of a person by age alone ("the 31-year-old", "The 30 year old"), a source that stands for someone named.
AGE_EPITHET_RE = re.compile(r"(?i:the|this) (?P<age>\d{1,3})[- ]years?[- ]old")
# A person's name with their age in apposition ("Sarah Collins, 45,"): whom a later "the 45-year-old" describes.
APPOSED_AGE_RE = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’.-]*+(?:\s++[A-Z][\w'’.-]*+){1,3}+),\s++(?P<age>\d{1,3})(?=,|\s)"
)

# A sentence opening with a person's name and a relative clause after it ("Mr Galloway, who on Thursday won …", "But
# Mr Herron who gained fame …"), group "name"; matched at the sentence's start, so read once.
OPEN_RELATIVE_RE = re.compile(
    r"(?<![\w'’.-])(?:(?:And|But|So|Yet)\s++)?"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Miss|Sir)\.?+\s++)?[A-Z][\w'’.-]*+(?:\s++[A-Z][\w'’.-]*+){0,3}+)"
    r",?+\s++who\s"
)
# A sentence opening with a common noun phrase and a restrictive relative clause after it, no comma ("A woman who lives
# nearby said", "Officials who briefed reporters said", "A spokesman for the Association of Insurers which represents
# …"), groups "phrase" (up to twelve words of 31 characters at most: a bounded read from any start), "head" (its
# last word) and "relative"; matched at the sentence's start.
OPEN_NOUN_RELATIVE_RE = re.compile(
    r"(?<![\w'’.-])(?:(?:And|But|So|Yet)\s++)?"
    r"(?P<phrase>(?:[A-Za-z0-9(][\w'’().&-]{0,30}+\s++){0,11}?(?P<head>[A-Za-z(][\w'’().&-]{0,30}+))\s++"
    r"(?P<relative>who|which|that)\s"
)
# A source's members set off after its comma ("Critics, including several Labour MPs", "Groups, such as Amnesty"): they
# name others, not the source, and their titles are theirs.
INCLUDED_MEMBERS_RE = re.compile(r",\s*+(?:including|such as|among them|notably)\b")
# A comma that closes a clause, not one inside a number ("£150,000").
CLAUSE_CLOSING_COMMA_RE = re.compile(r",(?!\d)")
