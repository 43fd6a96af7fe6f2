"""The source before its cue, scanned backward: "the spokesman said", "Rep. G.K. Butterfield (D-N.C.), head of
the Congressional Black Caucus, said".

The scan takes a noun phrase by its structure, not by the words that failed before: a determiner or demonstrative
closes it; a head noun takes its prepositional post-modifiers ("the authors of this review", "A research paper from
a team at UMass Amherst"); a number its approximators, ratio and share ("About one in five of more than a thousand
Americans surveyed"); an apposition runs back to its comma (a quoted title in it included); a long parenthetical or
an aside between dashes before the cue is skipped and left out; a relative clause is cut off its antecedent.

This module finds the words between the source and its cue and drives the scan; backward.py is the scan itself,
heads.py where a phrase starts from its head, quantities.py numbers and shares."""

from __future__ import annotations

import re

from ..lexicon import (
    DEMONSTRATIVES,
    DETERMINERS,
    MONTHS,
    NOT_ADVERBS,
    NP_BREAK,
    POSSESSIVE_DETERMINERS,
    PRE_CUE_SKIP,
    PRE_CUE_TIME_ENDS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MODIFIER_DETERMINERS,
    RESTRICTIVE_RELATIVES,
    SOURCE_NOUNS,
    plural_noun,
    singular_noun,
)
from ..names import SENTENCE_BREAKS, looks_person
from ..patterns import (
    ASIDE_DASH_RE,
    CLAUSE_CLOSING_COMMA_RE,
    OPEN_NOUN_RELATIVE_RE,
    OPEN_RELATIVE_RE,
    PRE_CUE_PHRASE_ENDS,
    PRE_CUE_PHRASE_RE,
    PRE_CUE_TIME_RE,
    RELATIVE_WORD_RE,
    SET_OFF_ADVERB_RE,
)
from ..structure import Span, Token, is_capitalised, skip_spaces, tokens
from ..vocabulary import DOCUMENT_NOUNS, IRREGULAR_PAST_FORMS, words
from .backward import apposition_ok, participle_after_noun, scan_back
from .heads import (
    DOCUMENT_OUTLET_PARTICIPLES,
    HEAD_LINKS,
    LEADING_LINKS,
    adjective_link,
    document_outlet_link,
    document_start,
    head_start,
    object_participle_link,
    participle_link,
)
from .phrase import (
    BACKWARD_REACH,
    CONTRACTION_RE,
    MAKER_PARTICIPLES,
    MAX_PARENTHETICAL_TOKENS,
    MIN_SUFFIXED_LENGTH,
    TIME_PHRASE_REACH,
    noun_phrase_ok,
)
from .quantities import (
    APPROXIMATORS,
    COMPARATIVES,
    QUANTITY_OPENERS,
    ends_in_ratio,
    partitive_start,
    quantity_start,
)

# How far back a participial aside between a source and its cue may open (", speaking on condition of anonymity,").
PARTICIPLE_ASIDE_REACH = 120
# -ing words that open a phrase belonging to the source, not an aside about how it spoke ("officials, including …").
NON_ASIDE_PARTICIPLES = frozenset({"including", "according", "excluding", "regarding", "concerning"})

# How far back a fixed adverbial phrase before the cue is read (", for their part,").
PRE_CUE_PHRASE_REACH = 24
# Most auxiliaries, adverbs and time phrases skipped between a source and its cue ("has also said").
MAX_PRE_CUE_WORDS = 6

# A full name before an apposition left open up to the cue (a dropped closing comma), and what may not stand in it.
MIN_OPENING_NAME_WORDS, MAX_OPENING_NAME_WORDS = 2, 4
MAX_OPEN_APPOSITION_WORDS = 14
# The prepositions that may link the sentence's opening noun phrase before its relative clause ("A spokesman for the
# Association of Insurers which …", "Researchers at the university who …").
MAX_RELATIVE_CLAUSE_WORDS = 10  # a relative clause that runs to the cue is short: past this the main clause came first
# Words that open another clause: the relative clause ended before them.
RELATIVE_CLAUSE_ENDS: frozenset[str] = frozenset(
    words("as because while when if and but so since although though unless until whereas may might can will would")
)
RELATIVE_PHRASE_LINKS: frozenset[str] = frozenset(words("of for at from in"))
OPEN_APPOSITION_STOPS: tuple[str, ...] = (",", ";", ":", '"', "“", "”", "(", ")")

# Demonstratives as written, capitalised too: before a post-modifier's object ("of this review") the head is looked for.
PRE_LINK: frozenset[str] = DEMONSTRATIVES | frozenset(words("This These Those"))
# Either: the union made once, not per source scanned.
HEAD_OR_PRE_LINKS: frozenset[str] = HEAD_LINKS | PRE_LINK

# Words that open a noun phrase and never end a source: a cue right after one is a noun or an adjective ("in your
# posts", "multiple brands"); quantifiers ("some said", "many say") are sources.
NOUN_OPENERS: frozenset[str] = POSSESSIVE_DETERMINERS | frozenset(words("the a an other every multiple various"))

# Quantifiers that stand alone for a group of people as a source ("Many said", "with some saying"; not "all": "all
# said and done"), and the words that may come right before one that opens its clause.
BARE_QUANTIFIER_SOURCES: frozenset[str] = frozenset(words("many some others most several few both"))
QUANTIFIER_LINKS: frozenset[str] = frozenset(words("with while though although as"))
QUANTIFIER_CONJUNCTIONS: frozenset[str] = frozenset(words("and but yet"))
QUANTIFIER_MODALS: frozenset[str] = frozenset(words("would could might may"))
# Quantifiers before a plural head ("some critics"), and the words after "a" that take a plural as one noun phrase
# ("a few critics", "a dozen officers", "a lot more people").
PLURAL_QUANTIFIERS: frozenset[str] = frozenset(words("some many most several few other all both"))
PLURAL_AFTER_A: frozenset[str] = frozenset(words("few dozen hundred thousand lot number couple handful host score"))

# A determiner and a short quoted word or two right before a source's first word: the source's own modifier.
MODIFIER_QUOTE_REACH = 60
MODIFIER_QUOTE_RE = re.compile(
    r"(?<![\w’'])(?i:" + "|".join(sorted(QUOTE_MODIFIER_DETERMINERS)) + r")\s++[\"“][^\"“”,.?!\n]{1,40}[\"”]\s++$"
)
# A sentence opening with a document's noun phrase and a participle saying where it came out ("A study published in
# the journal Diabetes Care", "Research presented at a meeting", "A report released Tuesday by the agency"), group
# "head" the document noun and "rest" from the participle on; matched at the sentence's start, so read once.
OPEN_DOCUMENT_RELATIVE_RE = re.compile(
    r"(?<![\w'’.-])(?:(?:And|But|So|Yet)\s++)?(?:[A-Za-z0-9][\w'’-]*+\s++){0,3}?(?P<head>[A-Za-z][\w'’-]*+)\s++"
    r"(?P<rest>(?:" + "|".join(sorted(DOCUMENT_OUTLET_PARTICIPLES)) + r")\s)"
)
# A finding verb's past inside a stretch (a source holds no such verb; "shows" and "finds" may be nouns: "the shows").
FINDING_VERB_RE = re.compile(r"(?<=\s)(?:found|showed|indicated|demonstrated)(?=\s)")
# Words that end a document's outlet phrase: a clause or a verb of its own ("A study published in Nature that …").
OUTLET_PHRASE_STOPS: frozenset[str] = frozenset(
    words(
        """
    that which who whom whose when while because but or if as though although where whether so than then is are was
    were be been being am will would can could should shall may might must do does did not no never has have had
    having what how why
    """
    )
)
MAX_OUTLET_PHRASE_WORDS = 14
# Words before a percentage that belong to it ("Some 40%", "more than 85%", "Another 30%").
SHARE_LEADS: frozenset[str] = (
    APPROXIMATORS | COMPARATIVES | frozenset(["than", "least", "at", "another", "only", "just"])
)


def source_before(text: str, sentence_start: int, cue_start: int, common_heads: bool = True) -> Span | None:
    """The source noun phrase ending just before a cue, skipping auxiliaries and time adverbials; common_heads: the
    phrase may be the post-modifier of a common noun before it (not for a relative pronoun's antecedent)."""
    end = _end_before_pre_cue_words(text, sentence_start, cue_start)
    source = _scanned_source(text, sentence_start, cue_start, common_heads, end)
    clause = _relative_clause_to_cue(text, sentence_start, end)
    if clause is not None and (source is None or source[0] > clause):
        # "The Alliance, which includes Age Concern, Mencap and Scope, said": the list inside the clause stopped the
        # scan; the clause's antecedent speaks
        source = _scanned_source(
            text, sentence_start, clause, common_heads, _end_before_pre_cue_words(text, sentence_start, clause)
        )
    if source is not None:
        source = _after_finding_verb(text, source)
    if not common_heads or (source is not None and source[0] <= skip_spaces(text, sentence_start, cue_start)):
        return source
    document = _open_document_relative(text, sentence_start, cue_start)
    if document is None:
        return source
    # "A study published in Nature found", "A report released Tuesday by the agency found": the scan took the
    # outlet or maker (or nothing); the document opening the sentence speaks, when the scan's phrase is its object
    if source is None or text[document[0] : source[0]].split()[-1] in HEAD_LINKS | DETERMINERS:
        return document
    return source


def _relative_clause_to_cue(text: str, sentence_start: int, end: int) -> int | None:
    """Where a relative clause ("who", "which", "whose") opens after the phrase that opens the sentence, when the
    clause runs to a comma right before the cue (end: where its auxiliaries and adverbs start), as in "The group,
    which represents farmers, landowners and rural businesses, warned": the comma after that phrase; else None."""
    closing = end
    while closing > sentence_start and text[closing - 1].isspace():
        closing -= 1
    closing -= 1  # the last non-space character: the comma, if any, that runs to the cue (no search of the sentence)
    if closing < sentence_start or text[closing] != ",":
        return None
    opening = text.rfind(",", sentence_start, closing)
    while opening >= 0:  # the nearest comma before a relative word: the clause's own, past the commas of its lists
        word_start = skip_spaces(text, opening + 1, closing)
        word_end = text.find(" ", word_start, closing)
        if word_end > 0 and RELATIVE_WORD_RE.match(text, word_start, word_end):
            # the sentence's first comma: the antecedent opens it ("…, the source, who said …, told": the scan's)
            return opening if text.find(",", sentence_start, opening) < 0 else None
        opening = text.rfind(",", sentence_start, opening)
    return None


def _after_finding_verb(text: str, source: Span) -> Span | None:
    """ "The survey found 40 percent of parents say …": a finding verb inside the phrase taken is its clause's verb; the
    source is the finding's subject after it (None when nothing follows it)."""
    for verb in FINDING_VERB_RE.finditer(text, source[0], source[1]):
        source = (verb.end(), source[1])
    start = skip_spaces(text, source[0], source[1])
    return (start, source[1]) if start < source[1] else None


def _open_document_relative(text: str, sentence_start: int, cue_start: int) -> Span | None:
    """A document's noun phrase opening the sentence with its outlet participle's phrase running, with no comma or
    clause word, to the cue ("Research presented at an American Heart Association meeting in March suggested"): that
    whole phrase, short of the time words before the cue; else None."""
    opening_at = skip_spaces(text, sentence_start, cue_start)
    opening = OPEN_DOCUMENT_RELATIVE_RE.match(text, opening_at, cue_start)
    if opening is None or opening.group("head").lower() not in DOCUMENT_NOUNS:
        return None
    end = _end_before_pre_cue_words(text, sentence_start, cue_start)
    rest = text[opening.start("rest") : end].split()
    if not rest or len(rest) > MAX_OUTLET_PHRASE_WORDS or CLAUSE_CLOSING_COMMA_RE.search(text, opening_at, cue_start):
        return None
    if any(not word[:1].isalnum() or word.lower() in OUTLET_PHRASE_STOPS for word in rest):
        return None
    phrase = text[opening_at:end].split()
    if phrase[0] in ("And", "But", "So", "Yet"):
        opening_at = text.index(phrase[1], opening_at)
    return opening_at, opening_at + len(text[opening_at:end].rstrip())


def _scanned_source(text: str, sentence_start: int, cue_start: int, common_heads: bool, end: int) -> Span | None:
    """source_before's scan back from the cue, whose auxiliaries and adverbs start at end."""
    end = _end_before_aside(text, sentence_start, end)
    if end <= sentence_start:
        return None
    antecedent = _open_noun_relative(text, sentence_start, cue_start) if common_heads else None
    if antecedent is not None:
        return antecedent
    phrase = tokens(text, max(sentence_start, end - BACKWARD_REACH), end)
    if phrase and _bare_quantifier(phrase) and _quantifier_reports(text, phrase[-1][1], cue_start):
        return phrase[-1][0], phrase[-1][1]  # "Many said …", "with some saying …": the quantifier is the group
    if not phrase or phrase[-1][2].lower() in NOUN_OPENERS:
        return None  # "in your posts", "the names of three recommended designers": the cue is a noun or adjective
    scan = scan_back(phrase, _opens_sentence(text, sentence_start, phrase), antecedent=not common_heads)
    if scan is None:
        return None
    picked, appositive, commas = scan
    if not picked:
        return None
    first, last = min(picked), max(picked)
    # an apposition needs a name before the first comma; "…, and Harry condemned": the list's "and" is not the source's
    while first <= last and (phrase[first][2] in ",()" or phrase[first][2].lower() in LEADING_LINKS):
        first += 1
    if first > last:
        return None
    selection = phrase[first : last + 1]
    if appositive and not apposition_ok(selection, commas):
        return None
    if len(selection) > 1 and phrase[last][2].endswith("ed") and participle_after_noun(phrase, last):
        if text[cue_start : _end_of_word(text, cue_start)].endswith("s"):
            return None  # "A study from FAIR Health published reports …": the -s word is the participle's object
        selection = selection[:-1]  # "2,000 adults polled": the noun before the participle is the head
    # a share of those asked speaks as a group: "18% said", "most of those questioned said", "One in four said"
    share = _is_percentage(text, phrase[last]) or _respondents(phrase, first, last) or ends_in_ratio(phrase, last)
    if not share and not noun_phrase_ok(selection):
        # "research on adolescent development", "the authors of this review": what was taken modifies the head
        if phrase[last][2].lower() in DETERMINERS and not _number_of_children(phrase, last):
            return None  # "the names of three recommended designers": no noun before the cue
        start = head_start(phrase, first, last, common_heads, _opens_sentence(text, sentence_start, phrase))
        link = next((at for at in range(start + 1, last) if phrase[at][2] in HEAD_LINKS), last + 1)
        if not noun_phrase_ok(phrase[start:link]):
            return None  # the head before its post-modifier names the source: "research", "the authors", "details"
    else:
        start = document_start(phrase, first, last)
        if start is None:
            start = partitive_start(phrase, first)
        linked = (
            phrase[first - 1][2] in HEAD_OR_PRE_LINKS
            or adjective_link(phrase, first)
            or participle_link(phrase, first)  # "Experts unconnected to Pfizer"
            or object_participle_link(phrase, first)  # "Analysts tracking the company"
        )
        if start == first and first >= 2 and linked:
            start = head_start(phrase, first, last, common_heads, _opens_sentence(text, sentence_start, phrase))
        elif start == first and first < last and document_outlet_link(phrase, first):
            # "A study published in Nature found": the phrase taken says where the document came out; it speaks
            start = head_start(phrase, first + 1, last, common_heads, _opens_sentence(text, sentence_start, phrase))
    opening = phrase[start][2].lower()
    if opening[:1].isdecimal() or opening.split("-")[0] in QUANTITY_OPENERS:
        start = quantity_start(phrase, start)
    selection = phrase[start : last + 1]
    # "McConnell, who in 2010 said …, now says", "Levi Pay, a former director who now advises …, says": the
    # relative clause is not the source (the antecedent, with its title, is)
    relative = next(
        (
            index
            for index in range(1, len(selection))
            # every relative word opens with a w or a W: most tokens skip the match
            if selection[index][2][:1] in "wW" and RELATIVE_WORD_RE.match(selection[index][2])
        ),
        None,
    )
    if relative is not None:
        selection = selection[:relative]
        while selection and selection[-1][2] == ",":
            selection = selection[:-1]
    share = next((at for at in range(len(selection) - 1, -1, -1) if text.startswith("%", selection[at][1])), None)
    if (
        share is not None
        and selection[share][2].replace(".", "", 1).isdecimal()
        and not text.startswith("(", selection[share][0] - 1)  # "half of teens (55%)": the share's figure
    ):
        # "… two weeks and 17% reported", "In 2022, 21% of adolescents reported": the percentage opens the source
        while share >= 1 and selection[share - 1][2].lower() in SHARE_LEADS:
            share -= 1  # "Some 40% of voters", "more than 85%", "Another 30%"
        selection = selection[share:]
        if text.startswith("%", selection[-1][1]):
            return selection[0][0], selection[-1][1] + 1  # "17%", "Another 30%": the sign is no token
    if len(selection) > 2 and selection[-1][2] in MAKER_PARTICIPLES and selection[-2][2].lower() in DOCUMENT_NOUNS:
        selection = selection[:-1]  # "A new poll released (Wednesday) found": its time was skipped, the poll speaks
    selection = _plural_after_indefinite(selection)
    last = selection[-1]
    contraction = CONTRACTION_RE.search(last[2])
    if contraction and last[2][: contraction.start()].lower() in PRONOUNS:
        return selection[0][0], last[0] + contraction.start()  # "They've told me": the auxiliary is the cue's
    antecedent = _open_relative_antecedent(text, sentence_start, selection[0][0])
    if antecedent is not None:
        return antecedent  # "Mr Galloway, who won damages from the Telegraph said": the clause's antecedent speaks
    start = _named_before_open_apposition(text, sentence_start, selection[0][0])
    # 'The "heartbroken" mayor', 'An "informal trawl" of …': a quoted word after the determiner is the phrase's own
    window = max(sentence_start, start - MODIFIER_QUOTE_REACH)
    # a match ends in a closing mark and spaces right before start: most phrases have none, told without the search
    closed = text[window:start].rstrip().endswith(('"', "”"))
    quoted = MODIFIER_QUOTE_RE.search(text, window, start) if closed else None
    return (quoted.start() if quoted else start), last[1]


def _plural_after_indefinite(selection: list[Token]) -> list[Token]:
    """ "…, a move critics say will …": "a" determines no plural, so a plural head after "a" and a noun opens a
    contact clause; its source is the plural with its quantifier ("some critics"), not "a move critics". A phrase with
    "of" ("a group of protesters") or a quantity after "a" ("a few critics", "a dozen officers") is one noun phrase."""
    words = [token[2] for token in selection]
    if len(words) < 3 or words[0].lower() not in ("a", "an") or not plural_noun(words[-1]):
        return selection
    if words[1] in PLURAL_AFTER_A or not all(word.isalpha() and word.islower() for word in words):
        return selection
    if any(word in PREPOSITIONS or word in DETERMINERS or word in POSSESSIVE_DETERMINERS for word in words[1:-1]):
        return selection  # "a group of protesters", "a story about her eating avocados": the plural is an object
    start = len(words) - 1
    if words[start - 1] in PLURAL_QUANTIFIERS and start - 1 > 1:
        start -= 1  # "a decision some analysts said …"
    return selection[start:]


def _open_noun_relative(text: str, sentence_start: int, cue_start: int) -> Span | None:
    """A common noun phrase opening the sentence with a restrictive relative clause that runs, with no comma, to the
    cue ("A woman who lives nearby said", "Officials who briefed reporters said", "The union that represents most
    drivers said"): the noun phrase, when its head is a noun for people or bodies; else None (the clause's last noun,
    "reporters", is no source)."""
    if all(text.find(word, sentence_start, cue_start) < 0 for word in RESTRICTIVE_RELATIVES):
        return None  # most sentences: no relative word before the cue, told at C speed without the match
    opening = OPEN_NOUN_RELATIVE_RE.match(text, skip_spaces(text, sentence_start, cue_start), cue_start)
    if opening is None or CLAUSE_CLOSING_COMMA_RE.search(text, opening.end(), cue_start):
        return None
    clause = text[opening.end() : cue_start].split(maxsplit=MAX_RELATIVE_CLAUSE_WORDS)
    if not clause:
        return None  # "A midfielder who asked not to be named": the cue is the clause's own verb
    # "Partners of those who … may shop early as experts warn": the main clause came first (a modal right before the
    # cue is the cue's own: "Partners of those who love gadgets may want …")
    if len(clause) > MAX_RELATIVE_CLAUSE_WORDS or any(word in RELATIVE_CLAUSE_ENDS for word in clause[:-1]):
        return None
    words = opening.group("phrase").split()
    relative, last = opening.group("relative"), opening.group("head")
    first = words[1] if words[0].lower() in DETERMINERS and len(words) > 1 else words[0]
    if relative == "that" and not _source_noun(last):
        return None  # "The minister says that analysts say …": "that" after a verb opens its content
    if relative != "who":
        # "which" and "that" need a body's noun ("who" names people whatever the noun: "Residents who live nearby say"),
        # the phrase's first or last ("A spokesman for the Association of Insurers which represents …"), and a clause
        # that opens on its verb ("The claim that the minister …" is a noun's content)
        if not clause[0][:1].islower() or clause[0] in DETERMINERS or clause[0] in PRONOUNS:
            return None
        if not (_source_noun(first) or _source_noun(last)):
            return None
    breaks = NP_BREAK - DETERMINERS - RELATIVE_PHRASE_LINKS
    if any(word.lower() in breaks for word in words[:-1]) or any(map(_past_verb, words)):
        return None  # "When people who …", "One email sent in May came from someone who …": a clause, no noun phrase
    return opening.span("phrase")


def _source_noun(word: str) -> bool:
    """A noun for people or bodies, in the singular or the plural ("spokesman", "unions")."""
    lowered = word.lower()
    return lowered in SOURCE_NOUNS or singular_noun(lowered) in SOURCE_NOUNS


def _past_verb(word: str) -> bool:
    """A lowercase past or past participle ("sent", "came"): a verb, which no plain noun phrase holds."""
    return word[:1].islower() and (word.endswith("ed") or word in IRREGULAR_PAST_FORMS)


def _open_relative_antecedent(text: str, sentence_start: int, start: int) -> Span | None:
    """A person's name opening the sentence with a relative clause after it that runs unclosed to the cue, the phrase
    found inside it ("Mr Galloway, who on Thursday won £150,000 in damages from the Daily Telegraph said", "But Mr
    Herron who gained fame as a metric martyr … said"): the name; else None."""
    if text.find("who", sentence_start, start) < 0:
        return None  # most sentences: no "who" before the phrase, told at C speed without the match
    opening = OPEN_RELATIVE_RE.match(text, skip_spaces(text, sentence_start, start), start)
    if opening is None or CLAUSE_CLOSING_COMMA_RE.search(text, opening.end(), start):
        return None  # no such opening, or a clause closed by its comma: the scan before took its antecedent
    name_start, name_end = opening.span("name")
    name = text[name_start:name_end]
    # two words at least ("Mr Herron", "Jo Hale"): a lone capital may be a common noun the sentence opens with
    return (name_start, name_end) if " " in name and looks_person(name) else None


def _named_before_open_apposition(text: str, sentence_start: int, start: int) -> int:
    """Where the source starts when a person's full name opens the sentence and an apposition after its comma runs
    to the cue with no closing comma ("John Connors, Microsoft's chief financial officer said"): at the name;
    else at start."""
    comma = text.rfind(",", sentence_start, start)
    if comma < 0:
        return start
    name = text[sentence_start:comma].strip()
    opening = skip_spaces(text, sentence_start, comma)
    if text.startswith(('"', "“", "'", "‘"), opening):
        return start  # a quotation opens the sentence: its words are no name
    named = name.split()
    apposition = text[comma + 1 : start]
    if not MIN_OPENING_NAME_WORDS <= len(named) <= MAX_OPENING_NAME_WORDS or not all(
        is_capitalised(word) for word in named
    ):
        return start
    if named[0].lower() in PREPOSITIONS | SENTENCE_BREAKS:
        return start  # "In London, police said": a fronted place, no name
    if any(mark in apposition for mark in OPEN_APPOSITION_STOPS) or len(apposition.split()) > MAX_OPEN_APPOSITION_WORDS:
        return start
    return opening if looks_person(name) else start


def _bare_quantifier(phrase: list[Token]) -> bool:
    """The phrase ends in a quantifier standing alone for a group of people ("Many", "some", "others") right after
    the sentence's start, a comma or a clause link, not one of a noun phrase ("the many", "too many")."""
    if phrase[-1][2].lower() not in BARE_QUANTIFIER_SOURCES:
        return False
    if len(phrase) == 1 or phrase[-2][2] in ",;" or phrase[-2][2].lower() in QUANTIFIER_LINKS:
        return True
    # "But many said", ", and some warned": a clause's conjunction, not a list's ("our study and others")
    return phrase[-2][2].lower() in QUANTIFIER_CONJUNCTIONS and (len(phrase) == 2 or phrase[-3][2] in ",;")


def _quantifier_reports(text: str, quantifier_end: int, cue_start: int) -> bool:
    """A quantifier's cue is its verb: no -s form ("Many states require", "most demands": a noun the quantifier
    opens) and no modal before it ("Few would argue", "Some might say": a generic guess, no one's report)."""
    cue_word = text[cue_start : _end_of_word(text, cue_start)].lower()
    between = [*text[quantifier_end:cue_start].lower().split(), cue_word]
    return not cue_word.endswith("s") and not any(word in QUANTIFIER_MODALS for word in between)


def _is_percentage(text: str, token: Token) -> bool:
    """A number written with its per cent sign ("18% said"): a share of those asked, who speak as a group."""
    return token[2].replace(".", "", 1).isdecimal() and text.startswith("%", token[1])


def _respondents(phrase: list[Token], first: int, last: int) -> bool:
    """ "those surveyed", "those polled", "those questioned": the people a survey asked, who speak as a group."""
    if last != first + 1 or phrase[first][2].lower() != "those":
        return False
    return phrase[last][2].islower() and phrase[last][2].endswith("ed")


def _number_of_children(phrase: list[Token], last: int) -> bool:
    """A number after "of" and a noun for a person ("a mother of three", "the father of two"): the count is that
    person's children, the person the source."""
    return last >= 2 and phrase[last - 1][2] == "of" and phrase[last - 2][2].lower() in SOURCE_NOUNS


def _opens_sentence(text: str, sentence_start: int, phrase: list[Token]) -> bool:
    return phrase[0][0] == skip_spaces(text, sentence_start, phrase[0][0])


def _end_before_aside(text: str, sentence_start: int, end: int) -> int:
    """Where the source ends when an aside stands between it and its cue: a parenthetical too long to be part of
    the name ("Paul Stoffregen (who was the author of the story above) noted") or a pair of dashes ("The letter –
    an edited version of which is reproduced above – warns"); the aside is not the source."""
    close = end
    while close > sentence_start and text[close - 1].isspace():
        close -= 1
    if close <= sentence_start:
        return end
    if text[close - 1] == ")":
        opening = text.rfind("(", sentence_start, close - 1)
        if opening < 0 or ")" in text[opening + 1 : close - 1]:
            return end
        inside = tokens(text, opening + 1, close - 1)
        if len(inside) < MAX_PARENTHETICAL_TOKENS and not (inside and RELATIVE_WORD_RE.match(inside[0][2])):
            return end  # "The New York Times (NYT)", "(D-N.C.)": part of the name
        head = text[max(sentence_start, opening - TIME_PHRASE_REACH) : opening].rstrip()
        return opening if head[-1:].isalpha() else end  # "… of 2015 (for …), which suggests": a time, no source
    if text[close - 1] == ",":
        return _before_participle_aside(text, sentence_start, close - 1, end)
    if text[close - 1] not in "—–―-":
        return end  # the usual case, without a search
    dash = ASIDE_DASH_RE.search(text, max(sentence_start, close - 3), close)
    if dash is None:
        return end
    opening = _opening_dash(text, sentence_start, dash.start(), dash.group().strip())
    return opening if opening is not None else end


def _before_participle_aside(text: str, sentence_start: int, closing: int, end: int) -> int:
    """Where the source ends before a participial aside set off by commas ("An official with knowledge of the talks,
    speaking on condition of anonymity, said"): the aside says how the source spoke; the phrase before it speaks."""
    opening = text.rfind(",", max(sentence_start, closing - PARTICIPLE_ASIDE_REACH), closing)
    if opening < 0:
        return end
    aside = tokens(text, opening + 1, closing)
    if len(aside) < 2 or not text[opening - 1 : opening].isalnum():
        return end
    participle, following = aside[0][2], aside[1][2].lower()
    if not (participle.islower() and participle.endswith("ing") and participle not in NON_ASIDE_PARTICIPLES):
        return end
    # "speaking on", "speaking separately to", "testifying before": a preposition or an adverb follows the verb
    return opening if following in PREPOSITIONS or (following.endswith("ly") and following not in NOT_ADVERBS) else end


def _opening_dash(text: str, sentence_start: int, closing: int, mark: str) -> int | None:
    """The dash opening an aside that ends at closing: the same mark (a hyphen with a space before it)."""
    opening = text.rfind(mark, sentence_start, closing)
    while mark == "-" and opening > sentence_start and not text[opening - 1].isspace():
        opening = text.rfind(mark, sentence_start, opening)  # "low-level": a hyphen inside a word opens nothing
    if opening <= sentence_start or closing - opening > BACKWARD_REACH:
        return None
    return opening


def _end_of_word(text: str, start: int) -> int:
    """Where the word starting at start ends."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "-’'"):
        end += 1
    return end


def _surname_not_month(text: str, sentence_start: int, start: int, end: int) -> bool:
    """A bare month after a capitalised word is a surname ("Theresa May said"), not a time ("in May")."""
    if text[start:end].strip(" ,") not in MONTHS:  # "The minister, Theresa May, said": its comma too
        return False
    before = text[sentence_start:start].rstrip().rsplit(None, 1)
    return bool(before) and is_capitalised(before[-1])


def _end_before_pre_cue_words(text: str, sentence_start: int, cue_start: int) -> int:
    """Where the source ends: before the auxiliaries, adverbs and time phrases right before the cue."""
    end = cue_start
    for _ in range(MAX_PRE_CUE_WORDS):
        word_end = end
        while word_end > sentence_start and text[word_end - 1].isspace():
            word_end -= 1
        # Each match below ends at word_end (text there is not whitespace, so $ matches nowhere else): the set-off
        # adverb's in its comma, the fixed phrase's in its last word or a comma after it; most words end in neither.
        set_off_window = max(sentence_start, word_end - 16)
        set_off = (
            SET_OFF_ADVERB_RE.search(text, set_off_window, word_end)
            if text.endswith(",", set_off_window, word_end)
            else None
        )
        if set_off is not None:
            end = set_off.start()  # "Critics, however, argue": the adverb and its commas are no part of the source
            continue
        phrase_window = max(sentence_start, word_end - PRE_CUE_PHRASE_REACH)
        phrase = (
            PRE_CUE_PHRASE_RE.search(text, phrase_window, word_end)
            if text.endswith(PRE_CUE_PHRASE_ENDS, phrase_window, word_end)
            else None
        )
        if phrase is not None:
            end = phrase.start()  # "at one point", ", for his part,"
            while end > sentence_start and text[end - 1] in " ,":
                end -= 1  # the phrase's opening comma goes with it
            continue
        window = max(sentence_start, word_end - TIME_PHRASE_REACH)
        # A match ends at word_end (text there is not whitespace, so $ matches nowhere else) with a word or a digit.
        timed = text.endswith(PRE_CUE_TIME_ENDS, window, word_end) or text[word_end - 1 : word_end].isdecimal()
        time_phrase = PRE_CUE_TIME_RE.search(text[window:word_end]) if timed else None
        if time_phrase and _surname_not_month(text, sentence_start, window + time_phrase.start(), word_end):
            time_phrase = None
        if time_phrase and window + time_phrase.start() >= sentence_start:
            end = window + time_phrase.start()
            continue
        word_start = word_end
        while word_start > sentence_start and (text[word_start - 1].isalpha() or text[word_start - 1] in "’'"):
            word_start -= 1
        word = text[word_start:word_end].lower()
        adverb = word.endswith("ly") and len(word) >= MIN_SUFFIXED_LENGTH and word not in NOT_ADVERBS
        # lowercase only: "Theresa May said" ends in a name, not the modal
        if word_start > sentence_start and text[word_start].islower() and (word in PRE_CUE_SKIP or adverb):
            end = word_start
            continue
        end = word_end
        break
    return end
