"""Names: the name a reader would recognise in a source phrase (titles, determiners, appositions and post-modifiers
stripped), groups and documents that name themselves, and the longest form the article gives each person's name."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from ..limits import Deadline
from .lexicon import (
    ADJECTIVE_LINKS,
    APPROXIMATORS,
    BODY_MEMBER_NOUNS,
    CLAUSE_WORDS,
    COMPARATIVES,
    COMPOUND_TITLE_ENDINGS,
    DETERMINERS,
    GROUP_DETERMINERS,
    GROUP_HEADS,
    INDEFINITE_PERSONS,
    LEADING_KIND_NOUNS,
    LEADING_ROLE_NOUNS,
    LINKING_ADJECTIVES,
    MADE_DOCUMENT_HEADS,
    MEMBERS_PLACES,
    MILITARY_RANKS,
    MONTHS,
    NAME_LINKS,
    NAME_PARTICLES,
    NATIONALITIES,
    NOBLE_TITLES,
    NOT_PERSON_WORDS,
    NP_BREAK,
    NUMBER_WORDS,
    OCCUPATION_NOUNS,
    ORG_HEADS,
    OWNER_ENDINGS,
    PERSON_TITLE_HEADS,
    PLACE_WORDS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_ENDINGS,
    POST_MODIFIER_PREPOSITIONS,
    PRE_CUE_SKIP,
    PRE_CUE_TIME_ADVERBS,
    PRE_CUE_TIME_NOUNS,
    PRONOUNS,
    PUBLIC_BODY_HEADS,
    PUBLICATION_HEADS,
    PUBLICATION_NOUNS,
    REGIONAL_ADJECTIVES,
    RELATIVE_PRONOUNS,
    RESEARCH_PUBLICATION_NOUNS,
    ROLE_TITLES,
    ROLE_TO_NOUNS,
    SELF_NAMING_HEADS,
    SHARE_HEADS,
    SOURCE_NOUNS,
    SPEAKING_MEMBERS,
    SPOKESPERSON_NOUNS,
    THE_LINKS,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    WEEKDAYS,
    is_acronym,
    looks_plural,
    singular_noun,
    without_possessive,
)
from .patterns import (
    ALNUM_RUN_RE,
    DEFINITION_PAREN_RE,
    NAME_GOES_ON_RE,
    NAME_LEAD_RE,
    NAME_MENTION_RE,
    PRONOUN_WORD_RE,
    PROVENANCE_RE,
    QUOTE_MARKS,
)
from .structure import Span, is_brand_word
from .vocabulary import CUE_VERBS, DOCUMENT_NOUNS, MESSAGE_NOUNS, words

log = logging.getLogger(__name__)

# Most words looked for one by one with str.find (more are looked up in a set, word by word of the text).
FIND_WORDS_MAX = 12
# ALNUM_RUN_RE's runs that start with a capital A-Z (the lookbehind keeps a match from starting inside a run): when
# every word looked for is such, the scan hands Python only the text's capitalised words. Opening with the capital
# lets re skip straight to the capitals (the lookbehind after it reads the character before): ~2x faster.
CAPITALISED_RUN_RE = re.compile(r"[A-Z](?<![^\W_].)[^\W_]*+")
# Small words inside a name that its acronym may leave out or spell ("Chartered Institute of Building" is "CIOB").
ACRONYM_SMALL_WORDS: frozenset[str] = frozenset(["of", "and", "for", "the", "on", "&"])
# Lowercase heads after a name that the name made or speaks for ("a LendingTree report", "a Google spokesperson"):
# the name speaks. Polls, surveys and trackers go by their maker's name ("the Gallup poll") and keep it.
# People who speak for the body named after them ("A spokesperson for OpenAI"): the body speaks.
SPEAKING_FOR: frozenset[str] = SPOKESPERSON_NOUNS | {"representative"}
# People a provenance phrase only describes ("a nurse from Leeds", "a resident from Ohio"): a person noun that does not
# speak for a body (unlike "a spokesman from the Foreign Ministry", "an official from the EPA").
DESCRIBED_PEOPLE: frozenset[str] = (
    (
        SOURCE_NOUNS
        - MADE_DOCUMENT_HEADS
        - ORG_HEADS
        - SPEAKING_FOR
        - {singular_noun(word) for word in BODY_MEMBER_NOUNS}
    )
    - {singular_noun(word) for word in SPEAKING_MEMBERS}
    - DOCUMENT_NOUNS
)
MAKER_FIRST_HEADS: frozenset[str] = (
    (MADE_DOCUMENT_HEADS - frozenset(words("poll polls survey surveys tracker"))) | SPEAKING_FOR | {"evaluation"}
)
# The shortest maker's name before a document ("a US report": a country), and the words that place a document
# rather than make it ("a British study", "a federal report").
MIN_MAKER_LENGTH = 3
PLACE_ADJECTIVES: frozenset[str] = NATIONALITIES | REGIONAL_ADJECTIVES
# Participles before "by" that name who got a document, not who made it ("reports seen by Reuters", "an invitation
# obtained by POLITICO", "documents reviewed by the AP"): its maker is not named.
OBTAINING_PARTICIPLES: frozenset[str] = frozenset(words("seen obtained reviewed viewed acquired leaked received"))
# Participles whose agent asked the people before them ("residents interviewed by the BBC"): the people speak.
ASKING_PARTICIPLES: frozenset[str] = frozenset(words("interviewed surveyed polled questioned asked contacted quoted"))
# Words that open a document's post-modifier, after its head: what it is about, where or when it came out ("data
# released Friday", "analysis of the footage", "report in April"), never who made it when an owner's possessive did.
DOCUMENT_POST_OPENERS: frozenset[str] = frozenset(
    words("of on about for in at from over into released published issued posted compiled conducted")
)
# Participles before "on" that make the platform a document's maker ("answers posted on Quora").
ONLINE_MAKER_PARTICIPLES: frozenset[str] = frozenset(words("posted published shared written"))
# Capitalised heads that end a body's name, which the title words inside it must not cut ("National Public Health
# Emergency Team").
BODY_NAME_HEADS: frozenset[str] = frozenset(
    words("team campaign coalition alliance initiative project trust panel taskforce")
)
# Conjunctions that open a clause: never a group's name ("and federal guidelines", "Whilst advocates"), and a
# possessor after one opens its clause as a subject would ("and Kevin's team said").
CLAUSE_CONJUNCTIONS: frozenset[str] = frozenset(
    words("and but or nor yet so while whilst whereas when as because although though")
)
# Words that take one member out of a group ("one of the models", "another of them").
ONE_OF: frozenset[str] = frozenset(words("one another each any either neither"))
# Prepositions after a document that open what it is about, not who made it ("a VentureBeat article on Zenflow").
TOPIC_PREPOSITIONS: frozenset[str] = frozenset(words("for on about of in"))
# An ordinal in a body's name ("4th District Court", "2nd Circuit").
ORDINAL_RE = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
# Characters from a text's start in which a word's lower-case use is looked for: a common word recurs within an
# article's length, and a megabyte of text is not read again for each word.
LOWER_CASE_REACH = 50_000
# Words LowerCaseUse looks up with a scan each before it reads all the text's lower-case words at once.
MAX_WORD_SCANS = 64
# How many steps of a long, cheap loop run between two deadline checks.
CHECK_EVERY = 256
# Marks that end a run of a name's words: a clause's or sentence's end, a closing quote or parenthesis.
RUN_ENDING_MARKS = f",.;:!?)'’{QUOTE_MARKS}"
# How far before an acronym's parenthesis its written-out name may start (characters).
DEFINITION_REACH = 120
# Most words of a name with its titles before an apposition ("Senator Mitch McConnell of Kentucky, …").
MAX_NAME_WORDS = 5
# Characters before a surname in which its first names and initials are looked for ("Carissa F. Etienne").
LEAD_REACH = 60
# Initials of a name, alone or run together ("F.", "J.R.", "A.J.").
INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")
# Most characters of a heading's line on either side of a name in it ("Enter Stuart R. Kaplan").
MAX_HEADING = 200
# Characters after a full name in which a he, she, his or her says it is a person's ("Emil Stenström … his").
PRONOUN_REACH = 250
# Characters before a title in which its other words are compared ("International Trade Secretary").
TITLE_REACH = 80
# Characters back from a title to the comma after the name it is apposed to ("George Eustice, the current Environment
# Secretary,"): a short description before the title (the speakers' APPOSITION_REACH reads a whole apposition after).
TITLE_APPOSITION_REACH = 40
LONGEST_PARTICLE = max(NAME_PARTICLES, key=len)
# Most particles in a row inside a name ("de la", "van der", "de los").
MAX_PARTICLES = 3
# Arabic articles written onto a surname with a hyphen ("Bashar al-Assad", "Abdel Fattah al-Burhan", "Al-Sharaa"):
# the word is the name's, the surname after the hyphen ("Assad" is short for "Bashar al-Assad").
HYPHENED_PARTICLES: frozenset[str] = frozenset(words("al el ad ar as ash at az ud ul"))
# Compound modifiers before a name that are not part of it ("Charleston-based", "Amazon-owned").
COMPOUND_MODIFIERS: tuple[str, ...] = ("-based", "-owned", "-backed", "-led", "-born")
# Prepositions and adverbs that open a sentence or a heading before a name and are never a name's ("Despite
# Osprey's", "Like Skyscanner", "Beyond BRL"): a closed class, beyond NP_BREAK's.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    words("despite like unlike beyond amid among across along around behind below beside besides per via toward")
    + words("towards inside outside throughout sometimes often perhaps maybe afterwards afterward eventually finally")
    + words("apart")
)
# Function words and openers a name never starts with ("When Meghan", "Afterwards Penny").
SENTENCE_BREAKS: frozenset[str] = NP_BREAK | SENTENCE_OPENERS
# Modals that are given names too: capitalised before a name in a source, a person's first name ("Will Davies said").
MODAL_GIVEN_NAMES: frozenset[str] = frozenset(words("Will May Can"))
# Words that pair a coordination's names ("Both Labour and the Conservatives"), no part of either.
PAIRING_WORDS: frozenset[str] = frozenset(words("Both both Either either Neither neither"))
# Words of a share or count of a group before its "of" ("more than half of", "two-thirds of", "fifty nine percent
# of"): the group after it speaks; and how many words such a share takes at most.
SHARE_WORDS: frozenset[str] = (
    NUMBER_WORDS
    | APPROXIMATORS
    | COMPARATIVES
    | SHARE_HEADS
    | frozenset(words("than per fifth fifths halves quarters minority"))
)
MAX_SHARE_WORDS = 6
# Titles that are surnames too ("Oona King", "Ms Bishop", "John Major"), after a given name or a courtesy title.
SURNAME_TITLES: frozenset[str] = frozenset(
    words("king bishop major marshal duke earl baron pope dean judge lord prince")
)
# Letters after a person's name for an office, a rank at the bar or an honour ("Philippe Sands QC", "John Smith MP"):
# titles, no part of the name a reader goes by.
POST_NOMINALS: frozenset[str] = frozenset(words("QC KC MP MEP MSP MLA TD OBE MBE CBE KBE DBE PhD FRS"))
# Generational suffixes, part of a person's name ("Martin Luther King III", "Robert F. Kennedy Jr.").
GENERATIONAL_SUFFIXES: frozenset[str] = frozenset(words("Jr Jr. Sr Sr. II III IV"))
# Links between a title and its object ("Mayor of London", "Minister for Women and Equalities"), and the small words
# inside the object ("Governor of the Bank of England").
TITLE_OBJECT_LINKS: frozenset[str] = frozenset(words("of for"))
TITLE_OBJECT_INNER: frozenset[str] = frozenset(words("of for the and"))
# A quoted nickname inside a name, with the space before it ('Earvin "Magic" Johnson', 'Ismael "El Mayo" Zambada').
# A comma that separates words, not a number's thousands ("a poll of 1,313 people" has none).
SEPARATING_COMMA_RE = re.compile(r"(?<!\d),|,(?!\d)")
NICKNAME_RE = re.compile(r'(?<=[a-z]) [“"][A-Z][\w’\'-]*+(?: [A-Z][\w’\'-]*+){0,2}+[”"](?= [A-Z])')
# Plural nouns whose possessive opens a body's name, never an owner's ("Women's Aid", "People's Party").
PLURAL_OWNERS: frozenset[str] = frozenset(words("women men children people"))
# Countries' abbreviations among the title words ("US Secretary of State"): before one capitalised word, a body's name.
COUNTRY_ABBREVIATIONS: frozenset[str] = frozenset(words("us u.s. uk u.k. eu"))
# Acronyms among the title words ("UN envoy", "US Secretary of State"): written as a name's word ("Kim Jong Un"), none.
ACRONYM_TITLE_WORDS: frozenset[str] = frozenset(words("us uk eu un nato"))
# Generic nouns for a body, written in lower case beside its name ("the Reporters Without Borders group", "the
# Associated Press agency", "anti-abortion group the Pro Life Alliance"): what the body is, no word of its name.
GENERIC_BODY_NOUNS: frozenset[str] = frozenset(
    words("group agency charity organisation organization firm company network broadcaster newspaper outlet")
)
# Of those, the nouns a place or an industry modifies more often than a name ("the New York firm", "the Silicon
# Valley company"): read as the body's kind only before its name ("tech firm Acme Labs").
BUSINESS_NOUNS: frozenset[str] = frozenset(words("firm company"))
# Last words of an outlet's name ("Washington Post", "NBC News"): the outlet, never another form of the name before.
OUTLET_ENDINGS: frozenset[str] = PUBLICATION_HEADS | frozenset(words("news media network press review magazine"))
# A company's form written out ("Goldman Sachs Group", "Walt Disney Company"): no part of its name, as "Corp" is none.
COMPANY_FORMS: frozenset[str] = frozenset(words("company corporation group holdings incorporated limited"))
NO_KIND_ENDINGS: frozenset[str] = OUTLET_ENDINGS | COMPANY_FORMS
# A non-profit's web address ending right after its name ("GreatFire.org", "MoveOn.org"), which it goes by; a
# company's ".com" is its shop's, the company going by its word ("Amazon.com" … "Amazon argued").
DOMAIN_NAME_END_RE = re.compile(r"\.org(?![^\W_])")
# Pronouns whose contraction may open a sentence before a name ("I'm Haoyu Zhang", "We're").
CONTRACTED_PRONOUNS: frozenset[str] = frozenset(words("i we you he she they it that there here"))
# Words that open a name's lead only by standing at a sentence's start ("When Meghan", "Both Microsoft").
NOT_NAME_WORDS: frozenset[str] = (
    SENTENCE_OPENERS
    | NP_BREAK
    | DETERMINERS
    | GROUP_DETERMINERS
    | TITLE_WORDS
    | frozenset(word.lower() for word in PRE_CUE_TIME_NOUNS)
    | frozenset(["and", "for", "or", "nor", "either", "neither"])
)
# Capitalised words before a document's possessive that name no maker ("Monday's report", "Today's report").
NOT_MAKER_WORDS: frozenset[str] = NOT_NAME_WORDS | frozenset(PRE_CUE_TIME_ADVERBS)
# Capitalised words after a first name that are no surname ("Microsoft President Brad", "Microsoft Corp").
NOT_SURNAME_WORDS: frozenset[str] = NOT_NAME_WORDS | ORG_HEADS | NOT_PERSON_WORDS
# Capitalised words that name no one: a job noun, a determiner, a quantifier or a pronoun opening a sentence ("All
# told", "Each problem", "Every company", "They could've", "Whoever said").
NOT_NAMING_WORDS: frozenset[str] = (
    SOURCE_NOUNS
    | DETERMINERS
    | GROUP_DETERMINERS
    | ONE_OF
    | PRONOUNS
    | INDEFINITE_PERSONS
    | frozenset(words("this that these those every whoever whatever whichever"))
    | SENTENCE_BREAKS  # "Despite claims that …", "Apart from": function words name no one
)
# The last words of companies' names, as company-name suffix lists give them ("American Airlines", "Sprout Social
# Labs"), and of venues' and institutions' ("Khan Academy"): a name ending in one is a body's, never a person's. Not
# words that are surnames too ("Charlotte Church", "Bar").
COMPANY_NAME_ENDINGS: frozenset[str] = frozenset(
    words("airlines enterprises holdings industries labs motors pharmaceuticals solutions systems technologies")
    + words("therapeutics analytics")
)
BODY_NAME_ENDINGS: frozenset[str] = COMPANY_NAME_ENDINGS | frozenset(
    words(
        """
    academy airways associates brewery capital club collective communications consulting entertainment fellowship
    gallery games hotel inn insurance library media museum partners productions records restaurant studio studios
    ventures healthcare
    """
    )
)
# Company-form abbreviations after a company's name ("Microsoft Corp"): no person's name.
LEGAL_SUFFIXES: frozenset[str] = frozenset(
    words("Corp Corp. Inc Inc. Ltd Ltd. LLC LLP LP plc Plc PLC Co Co. GmbH AG SA SRL NV BV")
)
# Nouns for what a person does or is to the story, capitalised before their name ("Commenter Paul Stoffregen",
# "Reader Jane Doe"): job nouns, and the roles of people who write in or take part.
PERSON_ROLE_NOUNS: frozenset[str] = (
    SOURCE_NOUNS
    | OCCUPATION_NOUNS  # "Climber Sofia Bauer", "Singer Anna Vale": a sentence's capital on a job noun
    | frozenset(
        words("commenter commenters reader readers user poster contributor correspondent photographer viewer listener")
    )
)
# Lower-case links inside an organisation's name ("Americans for Prosperity", "Committee to Protect Journalists",
# "Breaking the Silence"), and the capitalised ones that open a name's second part ("Reporters Without Borders").
LINKED_NAME_LINKS: frozenset[str] = frozenset(words("of for the to on against without a an"))
NAME_OPENING_LINKS: frozenset[str] = frozenset(words("for to on against without"))
# Titles that end a description before a comma and the holder's name ("Co-Founder, Stephanie Özcan").
APPOSED_TITLES: frozenset[str] = ROLE_TITLES | PERSON_TITLE_HEADS
# Words no person's name holds: an organisation's head ("Ministry") or another word that is no person's.
NOT_IN_PERSON_NAMES: frozenset[str] = NOT_PERSON_WORDS | ORG_HEADS | BODY_NAME_ENDINGS
# Heads of a body's name before its members ("Environmental Protection Department officials").
BODY_HEADS: frozenset[str] = ORG_HEADS | BODY_NAME_HEADS


def hyphened_surname(word: str) -> str | None:
    """The surname after a hyphened Arabic article ("al-Assad", "Al-Sharaa" -> "Assad", "Sharaa"), else None."""
    particle, hyphen, surname = word.partition("-")
    if hyphen and particle.lower() in HYPHENED_PARTICLES and surname[:1].isupper():
        return surname
    return None


def bare_surname(word: str) -> str:
    """A surname without its hyphened article ("al-Assad" -> "Assad"): the form the text's other mentions use."""
    return hyphened_surname(word) or word


def capitalised_name_word(word: str) -> bool:
    """A name's word: capitalised, a surname with its article in lower case ("al-Assad"), or a brand's ("eBay")."""
    return word[:1].isupper() or hyphened_surname(word) is not None or is_brand_word(word)


def pronoun_contraction(word: str) -> bool:
    """A pronoun's contraction ("I'm", "You’ll", "It's", "There's"): no name, nor a name's first word."""
    pronoun, apostrophe, _ = word.replace("’", "'").partition("'")
    return bool(apostrophe) and pronoun.lower() in CONTRACTED_PRONOUNS


@lru_cache(maxsize=4096)
def is_named(speaker: str | None) -> bool:
    """A named person or body, not a generic group that happens to start a sentence ("Experts", "Everyone")."""
    if not speaker or speaker.lower() in INDEFINITE_PERSONS:
        return False
    words = speaker.split()
    if len(words) == 2 and words[0] in ("The", "the") and _capitalised_job_noun(words[1]):
        return True  # "The Economist", "the Spectator": a job noun capitalised after "the" is a masthead
    return any(
        (word[:1].isupper() or is_brand_word(word))  # "eBay"
        and (word.lower() not in NOT_NAMING_WORDS or is_acronym(word))  # "WHO" is no "who"
        and not word.endswith(("n't", "n’t"))
        for word in speaker.split()
    )  # "Don’t ask your models to pose": an auxiliary's contraction names no one


def _capitalised_job_noun(word: str) -> bool:
    """A singular job noun written with a capital, no title's ("Economist"; "Minister", "Speaker" are offices)."""
    lowered = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and lowered in SOURCE_NOUNS
        and not _is_title_word(lowered)
        and lowered not in ROLE_TITLES
        and not looks_plural(lowered)
    )


# ---------------------------------------------------------------------------------------------
# Name cores
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def name_core(source: str) -> str:
    """Strip determiners, titles, appositions and post-modifiers: the name a reader would recognise."""
    name = _without_apposition(_without_parentheticals(source).strip())
    name = NICKNAME_RE.sub("", name)  # 'Earvin "Magic" Johnson' is Earvin Johnson
    # "Martin Luther King III, the eldest son of …": the suffix ends the name, the apposition aside
    suffixed = name if name.rstrip(",").rpartition(" ")[2] in GENERATIONAL_SUFFIXES else source
    named, _, suffix = suffixed.rstrip().rpartition(" ")
    if named and suffix.rstrip(",") in GENERATIONAL_SUFFIXES:
        # "Martin Luther King III", "Robert F. Kennedy Jr.": the suffix is the person's name's, no name of its own
        core = name_core(named.rstrip(","))
        if len(core.split()) > 1 and looks_person(core):
            return f"{core} {suffix.rstrip(',')}"
    words = name.split()
    # determiners and numbers go ("A 2020 Deloitte survey"), and a capitalised function word that only starts the
    # sentence ("When Meghan"), and a day before a full name ("On Monday Tony Blair"; "Sunday Times" stays)
    while (
        len(words) > 1
        and (
            words[0] in DETERMINERS
            or words[0] in ("A", "An")
            or words[0].isdigit()
            or (words[0] in WEEKDAYS and _full_name(words[1:]))
            or ("-" in words[0] and words[0].rsplit("-", 1)[1].islower() and _full_name(words[1:]))  # "Dad-of-three"
            or (words[0].lower() in SENTENCE_BREAKS and words[1][:1].isupper() and words[0] not in MODAL_GIVEN_NAMES)
        )
    ):
        words = words[1:]
    words = without_leading_kind(" ".join(words)).split()  # "Rival Sony": the relation is the story's, the name "Sony"
    words = _without_generic_body_noun(words)
    role_to = _role_to_at(words)
    if role_to is not None and words[role_to - 1][:1].isupper():
        # "U.S. Ambassador to the United Nations Mike Waltz": a title, its object, then the holder's name (its last
        # two words, with an initial before them), else no one
        initial = len(words[-2]) == 2 and words[-2].endswith(".")  # "David M. Friedman"
        holder = words[-3:] if len(words) - role_to > 3 and initial else words[-2:]
        if len(words) - role_to > 2 and looks_person(" ".join(holder)):
            return " ".join(holder)
        return words[role_to - 1]  # the title alone: its holder, if the text names one
    if role_to is not None:
        words = words[:role_to]  # "A senior adviser to President Joe Biden": the role's holder, unnamed here
    titled_of = _title_of_at(words)
    if titled_of is not None and (holder := _holder_after_object(words[titled_of + 1 :])) is not None:
        return holder  # "Mayor of London Sadiq Khan", "Governor of the Bank of England Andrew Bailey": the holder
    placed = without_post_modifier(words)
    if " and " in name and (titled := _title_then_name(words)) is not None and " and " not in titled:
        return titled  # "Work and Pensions Secretary Alan Johnson": the "and" is the title's
    if " and " in name and " and " in " ".join(placed):
        return body_name(words)
    if len(placed) < len(words):
        words = placed  # "prosecutors in San Francisco and Los Angeles": the place's "and" is not the source's
    if (
        words
        and words[0].endswith(POSSESSIVE_ENDINGS)
        and len(words) > 1
        and _owned_person(words[1:])
        and not _possessive_in_name(words)
        and not owners_body(words)
    ):
        words = words[1:]  # "Biden's Lloyd Austin"; not "Children's Hospital Colorado" nor "Macy's Inc.": names
    if (
        len(words) > 2
        and words[0].endswith(POSSESSIVE_ENDINGS)
        and words[-1].lower() in PUBLICATION_HEADS
        and all(word[:1].isupper() for word in words[1:])
    ):
        words = words[1:]  # "Pearson's Financial Times": the owner's possessive is no part of the masthead
    company = next((at for at, word in enumerate(words[:-1]) if _company_possessive(word)), None)
    if company is not None and all(word[:1].isupper() for word in words[company + 1 :]):
        words = words[company + 1 :]  # "Alphabet Inc.'s Google": the owner company's name is no part of its unit's
    owner = next(
        (at for at, word in enumerate(words[:-2]) if word.endswith(OWNER_ENDINGS)),
        None,
    )
    if (
        owner is not None
        and all(w[:1].isupper() for w in words)
        and looks_person(" ".join(words[owner + 1 :]))
        and not is_body_ending(words[-1])  # "Lawyers' Christian Fellowship": a body's name
    ):
        # "Car Talk's John Paul", "American Airlines' Kent Powell": the owner's name is no part of the person's
        words = words[owner + 1 :]
    words = without_post_modifier(words)
    if len(words) > 2 and words[-1].rstrip(",") in POST_NOMINALS and looks_person(" ".join(words[-3:-1])):
        words = words[:-1]  # "Philippe Sands QC": an honour or office after the name
    if len(words) > 1 and words[-1] in BODY_MEMBER_NOUNS and _body_before_members(words[:-1]):
        return body_name(words[:-1])  # "Con Edison officials": the body speaks (not "American officials")
    if words and words[-1][-1:] in "'’":
        words = [*words[:-1], words[-1][:-1]]  # "Mark Meadows'": a possessive's mark is no part of the name
    capitalised_head = words[-1][:1].isupper() if words else False
    if words and (
        words[-1].lower() in ORG_HEADS
        or (capitalised_head and (words[-1].lower() in DOCUMENT_NOUNS or words[-1].lower() in BODY_NAME_HEADS))
        or (capitalised_head and len(words) > 1 and words[-1].lower() in COMPANY_NAME_ENDINGS)
    ):
        # "Foreign Ministry", "National Health Interview Survey", "… Emergency Team", "General Motors": whole
        return body_name(words)
    body = _body_from_head(words)
    if body is not None:
        return body
    # trailing run of capitalised non-title words is the person's name; a job noun ends it too once a first and last
    # name are taken ("Visual Designer Megan Lynch")
    tail: list[str] = []
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        lowered = word.lower()
        if (
            tail
            and word in NAME_PARTICLES
            and (at == 0 or words[at - 1][:1].isupper() or words[at - 1] in NAME_PARTICLES)
        ):
            tail.append(word)  # "Ursula von der Leyen"; "van Ek de Vos" alone: the surname's own particle
            continue
        job = len(tail) >= 2 and lowered in PERSON_ROLE_NOUNS and _full_name(tail[::-1])  # "Media Lab Europe" goes on
        # "Tory MPs", "Senior MEPs": a group's plural acronym keeps the capitalised words before it, titles or not
        group = _plural_acronym(words[-1])
        title = _is_title_word(lowered)
        if title and not tail and at == len(words) - 1 and lowered in SURNAME_TITLES and _names_before(words, at):
            title = False  # "Ms King", "Labour MP Oona King", "Dr Major": a title's word as a surname
        if title and not tail and at == len(words) - 1 and _mixed_case_acronym(word) and _names_before(words, at):
            title = False  # "Kim Jong Un": a name's word, not the "UN" of a title
        if capitalised_name_word(word) and (not title or group) and not job:
            tail.append(word)
        else:
            break
    tail.reverse()
    if len(tail) > 2 and tail[0].lower() in NATIONALITIES and looks_person(" ".join(tail[1:])):
        return " ".join(tail[1:])  # "American Justin Gatlin": a nationality describes the person, no part of the name
    start = len(words) - len(tail) - 1  # the title word that ended the tail, if any
    if len(tail) == 1 and start == 0 and words[0].lower() in COUNTRY_ABBREVIATIONS:
        return " ".join(words)  # "US Customs": a country's body, no person titled "US"
    if len(tail) == 1 and start >= 0 and words[start].lower() in NOBLE_TITLES:
        return f"{words[start]} {tail[0]}"  # "Lord Falconer": a peer's title is part of the name he goes by
    if tail and start >= 0 and words[start].lower().rstrip(".") in MILITARY_RANKS and not _full_name(tail):
        while start > 0 and words[start - 1].lower().rstrip(".") in MILITARY_RANKS:
            start -= 1  # "Rear Admiral"
        return body_name(words[start:])  # "Admiral Insurance", "Commodore International": a rank opens the name
    if tail and start >= 0 and _name_modifier(words, start):
        return body_name(words[start:])  # "State Farm", "Prime Video", "National Grid": the modifier is the name's
    linked = _linked_name_start(words, start, tail)
    if linked is not None:
        return body_name(words[linked:])  # "Americans for Prosperity", "Breaking the Silence": one name, links inside
    if tail and len(tail) < len(words):
        return " ".join(tail)
    return body_name(words)


def without_leading_kind(name: str) -> str:
    """A name without a body's kind its sentence capitalised before it ("Rival Sony", "Carmaker Toyota")."""
    kind, _, rest = name.partition(" ")
    return rest if kind.lower() in LEADING_KIND_NOUNS and kind[:1].isupper() and rest[:1].isupper() else name


def _without_generic_body_noun(words: list[str]) -> list[str]:
    """A body's name without the generic noun written in lower case around it: after it ("the Associated Press
    agency", "the Reuters news agency") or before it in apposition ("lobby group Guantanamo Human Rights Commission",
    "charity the Pro Life Alliance"); the words as they are when no capitalised name stands beside the noun."""
    generic = next((at for at in range(len(words) - 1, -1, -1) if words[at] in GENERIC_BODY_NOUNS), None)
    if generic is None:
        return words
    after = words[generic + 1 :]
    after = after[1:] if after[:1] == ["the"] else after
    # "Professor X of the Swiss research group MiraLab", "Both Amnesty and the lobby group …": the noun stands in a
    # longer phrase, or in one of two names; only lower-case words describe the body before it
    described = all(word.islower() and word.isalpha() for word in words[1:generic]) and "and" not in words[:generic]
    named = bool(after) and after[0][:1].isupper()
    if described and named and all(word[:1].isupper() or word in LINKED_NAME_LINKS for word in after):
        return after  # "lobby group Guantanamo Human Rights Commission": the apposition's name
    if after or words[generic] == "group":
        return words  # "The Middle Way group", "Anti Phishing Working group": a group's name may end in the word
    name = generic
    while name > 0 and _lower_adjective(words[name - 1]):
        name -= 1  # "news agency": the noun's own modifiers go with it
    start = name
    while start > 0 and words[start - 1][:1].isupper() and words[start - 1].isalpha():
        start -= 1
    # "the Associated Press agency": two capitalised words or more are a name; one may be a place ("the London firm")
    # or a party ("the Tory group")
    if words[generic] in BUSINESS_NOUNS:
        return words  # "the New York firm": a place's firm, no name
    if name - start >= 2 and not any(_is_title_word(word.lower()) for word in words[start:name]):
        return words[:name]
    return words


def _mixed_case_acronym(word: str) -> bool:
    """A country's or body's acronym among the title words written as a name's word ("Un", not "UN" nor "U.N.")."""
    return word.lower() in ACRONYM_TITLE_WORDS and not word.isupper()


def _title_of_at(words: list[str]) -> int | None:
    """Where the "of" or "for" after a capitalised title stands ("Mayor of London …", "Chief Medical Officer for
    England …"), when only a name's words and links follow it; None if there is none."""
    at = next(
        (
            at
            for at in range(1, len(words) - 1)
            if words[at] in TITLE_OBJECT_LINKS and _capitalised_title(words[at - 1])
        ),
        None,
    )
    if at is None or not all(word[:1].isupper() or word in TITLE_OBJECT_INNER for word in words[at + 1 :]):
        return None
    return at


def _capitalised_title(word: str) -> bool:
    """A title's word written with a capital ("Mayor", "Officer", "Bishop")."""
    return word[:1].isupper() and (_is_title_word(word.lower()) or word.lower() in SURNAME_TITLES)


def _holder_after_object(words: list[str]) -> str | None:
    """The person's name that ends a title's object ("London Sadiq Khan", "the Bank of England Andrew Bailey",
    "Ireland Michael D. Higgins", "the European Commission Ursula von der Leyen"): the surname, its particles, the
    initials and the given name before them; None unless an object is left before it and the name is a person's."""
    at = len(words) - 1
    while at > 0 and words[at - 1] in NAME_PARTICLES:
        at -= 1
    while at > 0 and INITIALS_RE.fullmatch(words[at - 1]):
        at -= 1
    at -= 1  # the given name
    if at < 1 or not words[at - 1][:1].isupper() or not looks_person(holder := " ".join(words[at:])):
        return None
    return holder


def _company_possessive(word: str) -> bool:
    """A company's legal form with a possessive ("Inc.'s", "Corp's"): its owner's name ends there."""
    return word.endswith(POSSESSIVE_ENDINGS) and without_possessive(word) in LEGAL_SUFFIXES


def _names_before(words: list[str], at: int) -> bool:
    """The word before a surname-like title is a courtesy title ("Ms") or a capitalised word no title is ("Oona")."""
    if at == 0:
        return False
    previous = words[at - 1].rstrip(".").lower()
    if previous in TITLE_ABBREVIATIONS:
        return True
    named = words[at - 1][:1].isupper() and not words[at - 1].endswith(POSSESSIVE_ENDINGS)
    return named and previous not in TITLE_WORDS


def _linked_name_start(words: list[str], start: int, tail: list[str]) -> int | None:
    """Where a name whose words are linked by lower-case words opens ("People for the Ethical Treatment of Animals",
    "Committee to Protect Journalists", "Breaking the Silence", "Reporters Without Borders"), when the name's tail
    ends at a link or opens with a capitalised one: the capitalised words before the links, no title among them
    ("Secretary of State Antony Blinken" is his) and, before "of", no person's or group's noun ("Members of the
    Freedom Caucus" are its members); None if the words hold no such name."""
    if not tail or start < 0:
        return None
    if tail[0].lower() not in NAME_OPENING_LINKS and words[start] not in LINKED_NAME_LINKS:
        return None
    at, opening = start, None
    while at >= 0:
        links = []
        while at >= 0 and words[at] in LINKED_NAME_LINKS:
            links.append(words[at])
            at -= 1
        if at < 0 or ("of" in links and words[at].lower() in PERSON_ROLE_NOUNS | BODY_MEMBER_NOUNS):
            break
        first = at
        while first >= 0 and words[first][:1].isupper() and words[first].lower().rstrip(".") not in NOT_NAME_WORDS:
            first -= 1  # NOT_NAME_WORDS holds the titles
        if first == at or words[first + 1].lower() in INDEFINITE_PERSONS | MESSAGE_NOUNS:
            break  # no capitalised word before the links; "Someone on Reddit", "Posts on X": placed, no name
        opening, at = first + 1, first
    return opening


def _full_name(words: list[str]) -> bool:
    """A given name and a surname at least ("Daniel Hagari"): after a rank, a person's name; one word may be a
    company's ("Admiral Insurance", "Commodore International")."""
    return len(words) > 1 and looks_person(" ".join(words))


def owners_body(words: list[str]) -> bool:
    """A capitalised owner's possessive before a public body's generic name ("Russia's Defense Ministry", "Ukraine's
    state emergency service"): the owner says whose body it is, so it stays in the name (a person's owner goes
    later, in the story that knows who is a person: "Biden's Justice Department")."""
    owner, *body = words
    if not (body and owner[:1].isupper() and owner.endswith(POSSESSIVE_ENDINGS)):
        return False
    if body[-1].lower() not in PUBLIC_BODY_HEADS:
        return False
    return all(word.isalpha() and (word.islower() or word.lower() in TITLE_WORDS) for word in body[:-1])


def _plural_acronym(word: str) -> bool:
    """An acronym's plural ("MPs", "MEPs", "CEOs"): people, a group's head."""
    return len(word) > 2 and word.endswith("s") and word[:-1].isupper()


def _possessive_in_name(words: list[str]) -> bool:
    """The first word's possessive is the name's own, no owner's: a plural noun's ("Women's Aid", "Children's Hospital
    of Philadelphia"), one an "of" follows ("Lloyd's of London"), or one before a country's abbreviation alone
    ("Parkinson's UK")."""
    rest = words[1:]
    return (
        without_possessive(words[0]).lower() in PLURAL_OWNERS
        or rest[0] == "of"
        or (len(rest) == 1 and rest[0].lower() in COUNTRY_ABBREVIATIONS)
    )


def _owned_person(words: list[str]) -> bool:
    """What follows a possessive first word is its owner's, not the name's own: a title or a person's name ("Biden's
    Lloyd Austin", "Britain's Prince Harry"), or words not all capitalised ("Ferah's reviews"); a title-cased rest
    that names no person makes one name with it ("Children's Hospital Colorado", "Macy's Inc."), as does an ordinal
    ("California's 4th District Court")."""
    if ORDINAL_RE.fullmatch(words[0]):
        return False
    if words[0].lower().rstrip(".") in TITLE_WORDS and len(words) > 1:
        return True
    if not all(word[:1].isupper() for word in words):
        return True
    return looks_person(" ".join(words)) and not any(word in LEGAL_SUFFIXES for word in words)


def _name_modifier(words: list[str], at: int) -> bool:
    """The title word at `at` only modifies a title and cannot stand alone before a surname ("State", "Prime",
    "National"), and no title goes before it ("Secretary of State Blinken"): it opens a body's name ("State Farm")."""
    if words[at].lower() not in TITLE_MODIFIERS:
        return False
    before = words[at - 1] if at > 0 else ""
    return not before or (before.islower() and before not in NAME_LINKS)


def _body_before_members(words: list[str]) -> bool:
    """The words before "officials" name a body: a name ("Con Edison"), or a body's head after a capitalised word
    ("Obama administration", "Environmental Protection Department")."""
    if all(_name_word(word) for word in words):
        return True
    return len(words) > 1 and words[0][:1].isupper() and words[-1].lower() in BODY_HEADS


def same_name(longer: list[str], shorter: list[str]) -> bool:
    """The shorter name is the longer one's surname, or its first and last words ("Owen Dempsey" of "Owen John
    Dempsey"), or its end ("Forrest Jones" of "Michael Forrest Jones")."""
    if len(longer) > 1 and longer[-1] in GENERATIONAL_SUFFIXES and shorter[-1] not in GENERATIONAL_SUFFIXES:
        longer = longer[:-1]  # "Kennedy" of "Robert F. Kennedy Jr."
    if bare_surname(longer[-1]) != bare_surname(shorter[-1]):
        return False  # "Assad" and "Al-Assad" of "Bashar al-Assad"
    # a particle is capitalised at a sentence's start ("De Miranda" of "Luis de Miranda")
    end = [word.lower() for word in longer[-len(shorter) :]] == [word.lower() for word in shorter]
    return len(shorter) == 1 or end or (longer[0] == shorter[0] and _within(shorter[1:-1], longer[1:-1]))


def _within(shorter: list[str], longer: list[str]) -> bool:
    """The shorter name's middle words stand in the longer one's, in order, a particle in either case ("de" of "Jo-Ann
    W. De Vos"): "Jo-Ann de Vos" is one person with "Jo-Ann W. De Vos", as "Owen Dempsey" is with "Owen John
    Dempsey"."""
    remaining = iter(word.lower() for word in longer)
    return all(word.lower() in remaining for word in shorter)


def _body_from_head(words: list[str]) -> str | None:
    """A body named by a head and its complement ("American College of Sports Medicine", "New Zealand Department of
    Conservation"): from the first capitalised word, when an organisation's head is followed by "of"."""
    for i, word in enumerate(words[:-2]):
        head = word.lower() in ORG_HEADS or word.lower() in BODY_NAME_ENDINGS  # "Association for Financial …"
        complement = i + 3 if words[i + 2] == "the" and i + 3 < len(words) else i + 2  # "Council for the Welfare …"
        if word[:1].isupper() and head and words[i + 1] in THE_LINKS and words[complement][:1].isupper():
            first = next(j for j, w in enumerate(words) if w[:1].isupper())
            if first > 0 and ORDINAL_RE.fullmatch(words[first - 1]):
                first -= 1  # "the 4th District Court of Appeal": the number is the name's
                if first > 0 and words[first - 1][:1].isupper() and words[first - 1].endswith(POSSESSIVE_ENDINGS):
                    first -= 1  # "California's 4th District Court of Appeal": which 4th district
            end = next((j for j in range(complement, len(words)) if not words[j][:1].isupper()), len(words))
            if end < len(words) and words[-1][:1].isupper() and words[end] not in NAME_LINKS:
                return None  # "University of Houston political scientist Boris Shor": a title before a person's name
            if end == len(words) and _titled_person_from(words, complement + 1):
                return None  # "Bank of America Chief Executive Brian Moynihan": the body's title-holder speaks
            return body_name(words[first:]) if first <= i else None
    return None


def _role_to_at(words: list[str]) -> int | None:
    """Where the "to" of a role held towards someone or somewhere stands ("adviser to", "Ambassador to"), if any."""
    return next(
        (at for at in range(1, len(words)) if words[at] == "to" and words[at - 1].lower() in ROLE_TO_NOUNS), None
    )


def _titled_person_from(words: list[str], start: int) -> bool:
    """A capitalised title word at or after start with a person's name after it ("… Chief Executive Brian Moynihan")."""
    return any(
        _is_title_word(words[at].lower()) and looks_person(" ".join(words[at + 1 :]))
        for at in range(start, len(words) - 1)
    )


def _is_title_word(lowered: str) -> bool:
    """A title's word ("president", "gov.", "chief executive"'s "executive", "editor-in-chief")."""
    return lowered.rstrip(".") in TITLE_WORDS or lowered in TITLE_WORDS or lowered.endswith(COMPOUND_TITLE_ENDINGS)


def body_name(words: list[str]) -> str:
    """A body's name drops its "The" unless it is a publication's ("The New York Times")."""
    if len(words) > 1 and words[0] == "The" and words[-1].lower() not in PUBLICATION_HEADS:
        words = words[1:]
    placed = [at for at, word in enumerate(words[:-1]) if word.endswith(COMPOUND_MODIFIERS)]
    if placed:
        words = words[placed[-1] + 1 :]  # "Charleston-based Post and Courier", "Ann Arbor-based Center for …"
    described = 0
    while described < len(words) - 1 and _lower_adjective(words[described]):
        described += 1  # "the official Xinhua News Agency", "the state-run …": an adjective, no word of the name
    if 0 < described < len(words) and words[described][:1].isupper() and words[0] not in NAME_PARTICLES:
        words = words[described:]
    return " ".join(words)


def _lower_adjective(word: str) -> bool:
    """A lower-case word of letters ("official", "state-run"), not an ordinal ("4th") nor a brand's ("eBay")."""
    letters = word.replace("-", "")
    return letters.isalpha() and letters.islower() and letters.isascii()


def without_post_modifier(words: list[str]) -> list[str]:
    """Cut "in San Francisco", "at Duke University", and "of Kentucky" after a person's name: they place the
    source, they do not name it."""
    for i in range(1, len(words)):
        word = words[i]
        if word in POST_MODIFIER_PREPOSITIONS:
            return words[:i]
        if word == "on" and words[i - 1].isalpha() and words[i - 1].islower():
            return words[:i]  # "analysts on Wall Street" are analysts; "Mail on Sunday", "Committee on …" are names
        if i >= 2 and not words[i - 2].endswith(","):
            if word == "by" and words[i - 1].islower() and words[i - 1].endswith("ed"):
                return words[: i - 1]  # "Residents interviewed by the BBC": the name is the participle's agent
            if word in ADJECTIVE_LINKS and words[i - 1] in LINKING_ADJECTIVES:
                return words[: i - 1]  # "People close to the mayor", "sources familiar with Apple's plans"
        if word in WEEKDAYS and words[i - 1].islower() and words[i - 1].endswith("ed"):
            return words[:i]  # "the agency's data released Friday": a date, no name ("Black Friday", "Mail on Sunday")
        name_before = (
            i >= 2 and _name_word(words[i - 1]) and (_name_word(words[i - 2]) or words[i - 2] in NAME_PARTICLES)
        )
        if word == "of" and name_before and (i < 3 or words[i - 3].lower() != "the"):
            # "Senator Mitch McConnell of Kentucky", "Mitch de la Paz of …"; not "Bank of America", nor "the Ethical
            # Treatment of Animals" (no person's name follows "the")
            return words[:i]
    return words


def ends_in_titled_person(words: list[str], governed: frozenset[str] = frozenset()) -> bool:
    """The words end in a person's full name right after a lower-case word of a title ("for women Sandra Gidley"), not
    one of the governing words given ("a friend of Mary Jones": the name is the preposition's object)."""
    run = len(words)
    while run > 0 and words[run - 1][:1].isupper():
        run -= 1
    before = words[run - 1] if run > 0 else ""
    return (
        len(words) - run >= 2
        and before.isalpha()
        and before.islower()
        and before not in NAME_PARTICLES
        and before not in NP_BREAK
        and before not in governed
        and looks_person(" ".join(words[run:]))
    )


def _name_word(word: str) -> bool:
    lowered = word.lower()
    return (
        word[:1].isupper()
        and lowered not in TITLE_WORDS
        and lowered not in ORG_HEADS
        and lowered not in BODY_NAME_ENDINGS
    )


def group_word(words: list[str]) -> str | None:
    """A generic group or document as its own speaker, lower case and without its determiner ("The researchers" ->
    "researchers", "some medical experts" -> "medical experts"); None for a bare job noun ("the spokesman")."""
    if not words or any("," in word for word in words) or any(word in POSSESSIVE_DETERMINERS for word in words):
        return None  # "Some of my research", "his regional colleagues": someone's, not a group naming itself
    if any(word.endswith(POSSESSIVE_ENDINGS) for word in words[:-1]):
        return None  # "the institute's release": someone's, not a group
    if len(words) == 1 and words[0] in INDEFINITE_PERSONS:
        return None
    if words[0] in PRONOUNS:
        return None  # "it helps", "it seems — research": a clause's subject and verb, no group
    if len(words) > 2 and words[0] in ONE_OF and words[1] == "of":
        return None  # "one of the models": one, not the group
    # "More than half (55%) of the respondents", "Fifty nine percent of people": the group after the share speaks
    share = next((at for at, word in enumerate(words[:MAX_SHARE_WORDS]) if word == "of"), None)
    if share and all(_share_word(word) for word in words[:share]) and len(words) > share + 1:
        words = words[share + 2 :] if words[share + 1] == "the" and len(words) > share + 2 else words[share + 1 :]
    words = without_post_modifier(words)
    while len(words) > 1 and (words[0] in NP_BREAK or words[0] in PRE_CUE_SKIP or words[0] in CLAUSE_CONJUNCTIONS):
        words = words[1:]  # "Now research shows": the sentence's adverb
    if words[0] in ("a", "an") and _one_document(words):
        return None  # "a report", "An investigation in Sweden": one document, whose maker the text did not name here
    if any(word in LEADING_ROLE_NOUNS and after == "of" for word, after in pairwise(words)):
        return None  # "the boss of Harbor Foods": one person, unnamed, no group
    head = words[-1]
    plural = looks_plural(head)
    if not (plural or head in GROUP_HEADS or head in SELF_NAMING_HEADS):
        return None
    start = 0
    while start < len(words) - 1 and words[start] in GROUP_DETERMINERS:
        start += 1
    return " ".join(words[start:])


def _share_word(word: str) -> bool:
    """A word of a share or a count before "of" ("more than half (55%)", "two-thirds", "59 percent")."""
    bare = word.strip("()%,").lower()
    return not bare or bare.isdigit() or bare in SHARE_WORDS or bare.replace("-", " ").split()[0] in SHARE_WORDS


def _one_document(words: list[str]) -> bool:
    """The head before any topic ("A U.S. study on data privacy preferences") is one document's, not a body's."""
    head = words[next((at for at, word in enumerate(words) if word in TOPIC_PREPOSITIONS), len(words)) - 1]
    return not looks_plural(head) and (
        head in DOCUMENT_NOUNS or (head in MADE_DOCUMENT_HEADS and head not in ORG_HEADS)
    )


def _without_apposition(source: str) -> str:
    """The name part of a source with commas: the name before an apposition, or the named chunk."""
    if SEPARATING_COMMA_RE.search(source) is None:
        return source  # "A Daily Telegraph poll of 1,313 people": a number's commas set nothing off
    first = source.split(",")[0].strip()
    if _is_name_list(source):
        return source  # "Canada, Britain and America's other NATO allies": the whole list speaks
    apposition = source.partition(",")[2].split()
    if apposition[:1] in (["a"], ["an"], ["the"]) and any(word[:1].isupper() for word in first.split()):
        titled_name = name_core(" ".join(apposition))
        if (
            all(word[:1].isupper() for word in apposition[1:])
            and len(titled_name.split()) > 1
            and looks_person(titled_name)
            and any(word in ("of", "for") for word in first.split()[1:])  # an office ("Senator J.R. van Ek" is none)
        ):
            return titled_name  # "The Archbishop of Cardiff, the Most Reverend Peter Smith": the title's holder
        return first  # "the World Travel and Tourism Council, an industry body": its own "and" lists nothing
    opening = first.split()
    described = len(opening) > 1 and opening[0].lower() in ("the", "a", "an") and opening[1][:1].islower()
    # "Co-Founder, Stephanie Özcan", "Maxi Moving's Vice President, Ivan Cheptenari": a title, then the name
    titled = (
        bool(opening)
        and all(word[:1].isupper() for word in opening)
        and opening[-1].lower().rstrip(".").split("-")[-1] in APPOSED_TITLES
    )
    # "MEC for Cooperative Governance and Traditional Affairs, Jacob Mamabolo": an office's title, then the name
    last = source.rsplit(",", 1)[-1].split()
    office = (
        bool(opening)
        and opening[0][:1].isupper()
        and any(word in ("for", "of") for word in opening[1:-1])
        and len(last) >= 2  # a person's full name, not a place ("The City of Liverpool, England")
    )
    # "The U.S. ambassador to Israel, Mike Huckabee": a role held towards a place or person, then the holder's name
    role_to = _role_to_at(opening) is not None
    common = bool(opening) and opening[-1].replace("-", "").isalpha() and opening[-1].islower()  # "Her co-star"
    if described or titled or office or role_to or common:
        # "The leader of Ennahda, Rachid Ghannouchi", "Car Talk expert, John Paul": a description, then the name
        named = next((chunk.strip() for chunk in source.split(",")[1:] if looks_person(chunk.strip())), None)
        if named is not None:
            return named
        # "The host, Defense Council board member Nicole Lederer": the apposition's own title before the name
        # ("The lawyer, who represents John Smith" is the lawyer: a relative clause names someone else)
        second = source.split(",")[1] if "," in source else ""
        lead = second.split()[:1]
        if lead and lead[0] != "and" and lead[0].lower() not in RELATIVE_PRONOUNS:
            core = name_core(second)
            if len(core.split()) > 1 and looks_person(core):
                return core
    if "," in source and first[:1].isupper() and " and " not in first and len(first.split()) <= MAX_NAME_WORDS:
        return first  # "Mr. Reeves, a senior fellow at …": the name before the apposition
    if "," in source and " and " not in source:
        chunks = [chunk.strip() for chunk in source.split(",") if chunk.strip()]
        named = [
            chunk for chunk in chunks if any(word[:1].isupper() for word in chunk.split()[1:]) or chunk[:1].isupper()
        ]
        return named[0] if named else chunks[0] if chunks else source  # commas alone: nothing to choose
    return source


@lru_cache(maxsize=4096)
def person_conjuncts(source: str) -> tuple[str, ...] | None:
    """The people a coordination names, each without its title or apposition ("Jamie Oliver and fitness guru Joe
    Wicks", "Poonam Lamba, product manager at Google, and Eddie Villalba, …", "Volker and Morrison"); None unless
    every conjunct is a person's name."""
    opening = source.split(maxsplit=2)
    first_chunk = source.split(",", 1)[0]
    if (
        len(opening) == 3
        and _capitalised_title(opening[0])
        and opening[1] in TITLE_OBJECT_LINKS
        and "," in source
        and " and " not in first_chunk
        and not looks_person(" ".join(first_chunk.split()[-2:]))
    ):
        return None  # "Minister for Children, Young People and Families Margaret Hodge": the title's object's commas
    if opening[0] in PAIRING_WORDS:
        source = source.split(maxsplit=1)[1]  # "Both Labour and the Conservatives": the pairing word names no one
    title = _plural_title(opening[0])
    if title is not None and source.count(" and ") == 1 and "," not in source:
        # "Princes William and Harry", "Senators Reed and Cole": the plural title is each conjunct's
        people = tuple(name_core(f"{title} {part.strip()}") for part in source.split(maxsplit=1)[1].split(" and "))
        return (
            people if all(len(person.split()) <= MAX_NAME_WORDS and person[:1].isupper() for person in people) else None
        )
    if _is_name_list(source):
        chunks = [chunk.strip() for chunk in source.split(",")]
        parts = [*chunks[:-1], *chunks[-1].split(" and ", 1)]
    elif ", and " in source:
        parts = source.split(", and ")  # each conjunct may carry its own apposition, with its own "and"
    elif source.count(" and ") == 1 and "," not in source:  # "X, a reporter at the Post and Courier": one
        parts = source.split(" and ")
    else:
        return None
    if _body_complement(parts[0].split()):
        return None  # "the Centers for Disease Control and Prevention": the "and" is inside the body's name
    if len(parts) == 2 and len(parts[0].split()) == 1 and _title_then_name(parts[1].split()) is not None:
        return None  # "Health and Human Services Secretary Xavier Becerra": the "and" is inside the title
    if len(parts) == 2 and len(parts[0].split()) == 1 and _named_lowercase_title(parts[1].split()):
        # "Richard and Judy executive producer Amanda Ross": the "and" is inside the name the title serves; one person
        return (name_core(parts[1].strip()),)
    cores = [name_core(part.strip()) for part in parts]
    if len(cores) < 2 or not all(core and " and " not in core and looks_person(core) for core in cores):
        return None
    return tuple(cores)


def _plural_title(word: str) -> str | None:
    """A title in the plural before several names ("Princes", "Senators"): the title in the singular, else None."""
    singular = word[:-1]
    return singular if word.endswith("s") and word[:1].isupper() and singular.lower() in TITLE_WORDS else None


def _named_lowercase_title(words: list[str]) -> bool:
    """A name's word, a lowercase title and a person's full name ("Judy executive producer Amanda Ross"): the
    title of someone who serves the name, which the "and" before it is part of."""
    if len(words) < 4 or not words[0][:1].isupper() or not words[1].isalpha() or not words[1].islower():
        return False
    name_at = next((at for at, word in enumerate(words[1:], 1) if word[:1].isupper()), len(words))
    name = " ".join(words[name_at:])
    return all(word.isalpha() for word in words[1:name_at]) and len(name.split()) >= 2 and looks_person(name)


def _title_then_name(words: list[str]) -> str | None:
    """The person's full name after the words' last capitalised title ("Human Services Secretary Xavier Becerra")."""
    titles = [at for at, word in enumerate(words) if word[:1].isupper() and word.lower().rstrip(".") in TITLE_WORDS]
    name = " ".join(words[titles[-1] + 1 :]) if titles else ""
    return name if len(name.split()) >= 2 and looks_person(name) else None


def _body_complement(words: list[str]) -> bool:
    """A body's head followed by its complement ("Centers for", "Department of"): what comes after is its name's."""
    return any(
        word[:1].isupper() and (word.lower() in BODY_HEADS or word.lower().removesuffix("s") in BODY_HEADS)
        for word, link in pairwise(words)
        if link in THE_LINKS
    )


def _without_parentheticals(source: str) -> str:
    r"""What re.sub(r"\s*\([^)]*\)", "", s) returns, in one pass: the pattern rescans to the end from every "("
    that has no ")" after it (str.isspace is exactly its \s)."""
    kept: list[str] = []
    pos = 0
    while (opening := source.find("(", pos)) >= 0 and (closing := source.find(")", opening)) >= 0:
        start = opening
        while start > pos and source[start - 1].isspace():
            start -= 1
        kept.append(source[pos:start])
        pos = closing + 1
    kept.append(source[pos:])
    return "".join(kept)


def _is_name_list(source: str) -> bool:
    """A list of names ("A, B and C"), not a name with an apposition ("A, a fellow at B and C")."""
    chunks = [chunk.strip() for chunk in source.split(",")]
    last = chunks[-1]
    if len(chunks) < 2 or " and " not in last or not all(chunk[:1].isupper() for chunk in chunks if chunk):
        return False
    return last.split(" and ", 1)[1][:1].isupper()


@lru_cache(maxsize=4096)  # pure, and asked of the same sources across articles ("officials", "the company")
def document_maker(source: str) -> str | None:
    """The named maker of a document that is a source ("a statement from the American Heart Association", "Strava's
    trends report")."""
    maker = modifying_maker(source)  # "The USPTO page for Arduino SRL's petition": the USPTO's page
    if maker is not None:
        return maker
    words = source.split()
    for at, word in enumerate(words[:-2]):
        if word.lower() in SPEAKING_FOR and words[at + 1] == "for" and "," not in source:
            return " ".join(words[at + 2 :])  # "A spokesperson for Sheffield University": the university speaks
    placed = _members_body(words) or _publishing_outlet(words)
    if placed is not None:
        return placed
    opening = source.split(maxsplit=1)[0] if source.strip() else ""
    # "A piece from MIT Technology Review": a sentence's capital on the determiner
    provenance = PROVENANCE_RE.match(source[:1].lower() + source[1:] if opening in ("A", "An", "The") else source)
    if provenance:
        lead = source[: provenance.end("link")].split()
        if len(lead) >= 2 and lead[-2].lower() in DESCRIBED_PEOPLE:
            return None  # "a 32-year-old nurse from Leeds": the place describes the person, made no document
        if lead[-1] == "by" and len(lead) >= 2 and lead[-2] in OBTAINING_PARTICIPLES | ASKING_PARTICIPLES:
            return None  # "emails seen by Reuters", "residents interviewed by the BBC": the agent made nothing
        if len(lead) < 2 or lead[-1] != "on" or lead[-2] in ONLINE_MAKER_PARTICIPLES:
            return provenance.group("name")  # "answers posted on Quora"; "a dispatcher on the scanner" is no one's
    agent = _agent(words)
    if agent is not None:
        return agent
    words = source.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    owner = next((at for at, word in enumerate(words) if word.endswith(POSSESSIVE_ENDINGS)), None)
    if owner is None or owner + 1 >= len(words):
        return None
    # the document's own post-modifier says what it is about or when it came out, not who made it ("Statistics
    # Canada's labour force data released Friday", "TNO's analysis of the gunfire")
    made = words[owner + 1 :]
    cut = next((at for at, word in enumerate(made) if at and word in DOCUMENT_POST_OPENERS), len(made))
    if made[cut + 1 : cut + 2] == ["by"]:
        return None  # "Apple's shipment data compiled by IDC": the agent after "by" made it, not the owner
    made = made[:cut]
    if made[-1] not in MADE_DOCUMENT_HEADS or made[-1] in PUBLIC_BODY_HEADS:
        return None  # "China's commerce ministry" is a body of its own, no document China made
    # the document's own capitalised title may stand before its head ("Oxfam's Paying the Price report")
    if not all(word[:1].isupper() for word in words[: owner + 1]) or not made[-1].islower():
        return None
    if owner == 0 and words[0][:-2] in WEEKDAYS + MONTHS:
        return None  # "Wednesday's statement": the day it came out, not who made it
    return " ".join([*words[:owner], words[owner][:-2]])


def _members_body(words: list[str]) -> str | None:
    """Members who speak for the named body they are placed in ("analysts at Boston Consulting Group", "researchers
    at IBM Research India in Bangalore"): the body; None when more than a name follows ("Researchers at Harvard and
    all around the world")."""
    at = 0
    while at < len(words) - 1 and words[at].lower() in GROUP_DETERMINERS:
        at += 1  # "the", "some"
    if len(words) < at + 3 or words[at].lower() not in SPEAKING_MEMBERS or words[at + 1] not in MEMBERS_PLACES:
        return None
    return _name_words(words[at + 2 :])


def _publishing_outlet(words: list[str]) -> str | None:
    """The news publication a document came out in, named as one ("a report in the Daily Express newspaper", "an
    article in The New York Times"): the outlet speaks; "a report in April" or "a study in Nature" name no outlet by
    their form, and a journal only publishes research ("a study in the Lancet medical journal": no one)."""
    at = next((at for at, word in enumerate(words[1:], 1) if word == "in"), None)
    if at is None or words[at - 1].lower() not in DOCUMENT_NOUNS | MADE_DOCUMENT_HEADS:
        return None
    rest = words[at + 1 :]
    described = len(rest) > 1 and rest[-1] in PUBLICATION_NOUNS
    if described and rest[-1] in RESEARCH_PUBLICATION_NOUNS:
        return None  # its authors made the study, not the journal
    if described:
        rest = rest[:-1]
        while len(rest) > 1 and rest[-1].islower():
            rest = rest[:-1]  # "medical journal": what the name is, no part of it
    name = _name_words(rest)
    if name is None or not (described or name.split()[-1].lower() in PUBLICATION_HEADS):
        return None
    return name


def _agent(words: list[str]) -> str | None:
    """The name after "by" that ends a document's phrase, past a name its participle took first ("data calculated
    for Bloomberg by the Ann Arbor-based Center for Automotive Research"); not who obtained it ("seen by Reuters")."""
    if "by" not in words:
        return None
    at = len(words) - 1 - words[::-1].index("by")
    participles = [word for word in words[1:at] if word.islower() and word.endswith("ed")]
    if not participles or participles[0] in OBTAINING_PARTICIPLES:
        return None
    if not any(singular_noun(word.lower().rstrip(",")) in DOCUMENT_NOUNS | MESSAGE_NOUNS for word in words[:at]):
        return None  # "Jason Parkinson, one of the developers sacked by Argonaut": the agent made no document
    return _name_words(words[at + 1 :])


def _name_words(words: list[str]) -> str | None:
    """The name the words are, with its "The" for a publication, or a name and the place after it ("IBM Research
    India in Bangalore"); None if anything else is among them."""
    if words[:1] == ["the"]:
        words = words[1:]
    end = next((at for at, word in enumerate(words) if word in POST_MODIFIER_PREPOSITIONS), len(words))
    name, place = words[:end], words[end + 1 :]
    if not name or not name[0][:1].isupper() or not name[-1][:1].isupper():
        return None
    if not all(word[:1].isupper() or word in NAME_LINKS for word in [*name, *place]):
        return None
    return body_name(name)


def obtained_document(source: str) -> bool:
    """A document named by who obtained it ("Zimbabwean intelligence reports seen by Reuters"): its maker is unnamed,
    and the outlet that saw it did not say what it says."""
    if "by" not in source.split():
        return False  # most sources: no pattern run
    provenance = PROVENANCE_RE.match(source[:1].lower() + source[1:])
    if provenance is None:
        return False
    lead = source[: provenance.end("link")].split()
    return len(lead) >= 2 and lead[-1] == "by" and lead[-2] in OBTAINING_PARTICIPLES


@lru_cache(maxsize=4096)
def modifying_maker(source: str) -> str | None:
    """The name before a document or a spokesperson that made it or speaks for it ("a recent Park Associates report",
    "A TikTok representative", "a VentureBeat article on …"): a body; not a poll or survey, which goes by its maker's
    name ("the Gallup poll"), nor a nationality ("a British study")."""
    words = source.split()
    # the document's head ends the phrase that names its maker: what follows says what it is about or who passed it
    # on ("a VentureBeat article on Zenflow", "Labor Department data compiled by Bloomberg")
    head = next((at for at, word in enumerate(words) if at and word in MAKER_FIRST_HEADS), None)
    if head is None or any(word in TOPIC_PREPOSITIONS for word in words[:head] if word.islower() and word != "of"):
        return None
    if any(word.endswith(",") for word in words[:head]):
        return None  # "Patricia Sanders, spokeswoman for the DEC": a name in apposition, not a maker's modifier
    if "of" in words[:head] and not _body_complement(words[:head]):
        return None  # "Global State of Security report": a title; "Federal Reserve Bank of Dallas research": a body's
    if words[head + 1 : head + 2] and not words[head + 1].islower():
        return None  # "State Department spokesman Jeff Rathke": a title before the name of who speaks
    if ends_in_titled_person(words[head + 1 :]):
        return None  # "Liberal Democrat spokeswoman for women Sandra Gidley": a longer title, then who speaks
    words = words[: head + 1]
    at = 0
    while at < len(words) - 1 and (words[at].islower() or words[at].isdigit() or words[at] in ("A", "An", "The")):
        at += 1  # the determiner, a year and adjectives before the name: "a recent", "a 2024"
    name = words[at:-1]
    if not name or not all(word[:1].isupper() or word in NAME_LINKS for word in name) or not name[-1][:1].isupper():
        return None
    if name[-1].endswith(POSSESSIVE_ENDINGS):
        return None  # "the Institute's release": its owner, read by document_maker
    if name[-1][-1] in "'’":
        name = [*name[:-1], name[-1][:-1]]  # "a Moody's Analytics' forecast": a name ending in s, its possessive
    owner = next((at for at, word in enumerate(name) if word.endswith(POSSESSIVE_ENDINGS)), None)
    if owner == len(name) - 2 and is_body_ending(name[-1]):
        return " ".join(name)  # "a Moody's Analytics report": the possessive is inside the company's name
    if owner is not None and name[owner][:-2].lower() not in NOT_MAKER_WORDS:
        # "Misha's My Consulting Offer review", "Trump's Truth Social post": the owner made it ("Monday's" is no one)
        return " ".join([*name[:owner], name[owner][:-2]])
    if owner is not None:
        name = name[owner + 1 :]  # "Monday's Gallup report": Gallup's
    if len(name) == 1 and (name[0].lower() in PLACE_ADJECTIVES or len(name[0]) < MIN_MAKER_LENGTH):
        return None  # "a British study", "a US report"
    if len(name) == 1 and name[0].lower() in NOT_MAKER_WORDS:
        return None  # "a June report by …": a date, no maker
    if at == 0 and owner is None and len(name) == 1 and name[0][1:].islower():
        return None  # "Rigorous research shows": a sentence's first word, capitalised as such
    dated = any(word.isdigit() for word in words[:at])
    if dated and name_core(" ".join(name)) != " ".join(name):
        return None  # "the 2020 US Houzz & Home study": a study's title after its year, not its maker's name
    return " ".join(name)


def is_body_ending(word: str) -> bool:
    """A word that ends a body's name ("Analytics", "Institution", "Inc."), capitalised as a name's word."""
    return word[:1].isupper() and (
        word.lower() in BODY_HEADS or word.lower() in BODY_NAME_ENDINGS or word in LEGAL_SUFFIXES
    )


@lru_cache(maxsize=4096)
def looks_person(name: str) -> bool:
    """Capitalised words, none an organisation's, and not a place's name ("South Sudan", "New Zealand")."""
    words = name.split()
    # "Amanda A. van Ek de Vos" (a particle capitalised after an initial: "A. Van Ek"): particles aside; "van Ek de
    # Vos", a surname alone, may open with its particle
    return (
        1 <= sum(word.lower() not in NAME_PARTICLES for word in words) <= 4
        and all(
            capitalised_name_word(word) or (at < len(words) - 1 and word in NAME_PARTICLES)
            for at, word in enumerate(words)
        )
        and not (len(words) > 1 and words[0].lower() in PLACE_WORDS)
        and not any(word.lower() in NOT_IN_PERSON_NAMES for word in words)
    )


# ---------------------------------------------------------------------------------------------
# Full names: the longest form the article gives each name
# ---------------------------------------------------------------------------------------------


class LowerCaseUse:
    """Whether the text writes a word in lower case as well ("visit", "editor", "benefits"): a common word, whose
    capital before or after a name is a sentence's, a heading's or a title's, not the name's. Each word is looked up
    once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, bool] = {}
        self._lower_words: frozenset[str] | None = None

    def __call__(self, word: str) -> bool:
        lowered = word.rstrip(".").lower()
        if not lowered.isalpha():
            return False
        if self._lower_words is not None:
            return lowered in self._lower_words
        if lowered not in self.seen:
            if len(self.seen) >= MAX_WORD_SCANS:
                return lowered in self.lower_words()  # past a few words, one read of the text serves them all
            reach = min(len(self.text), LOWER_CASE_REACH)
            self.seen[lowered] = next(_find_all(self.text, lowered, 0, reach), None) is not None
        return self.seen[lowered]

    def lower_words(self) -> frozenset[str]:
        """The words written wholly in lower case in the text's first LOWER_CASE_REACH characters, read once: a scan
        per word is cheaper for an article's few looked-up words, and quadratic for thousands."""
        if self._lower_words is None:
            reach = min(len(self.text), LOWER_CASE_REACH)
            runs = ALNUM_RUN_RE.findall(self.text, 0, reach)
            if runs and reach < len(self.text) and self.text[reach].isalnum():
                runs.pop()  # a word cut at the reach is not whole
            self._lower_words = frozenset(filter(str.islower, set(runs)))  # each distinct run tested once
        return self._lower_words


def _lead_words(lead: str, common: LowerCaseUse | None = None) -> list[str]:
    """The words of a name's lead that belong to the name: its trailing run of name words ("When Lloyd" ->
    "Lloyd"; "Secretary Lloyd" -> "Lloyd"); an initial ("F.") counts. With common, a word before a first name that
    the text also writes in lower case is a role ("Commenter Paul")."""
    kept: list[str] = []
    for word in reversed(lead.rsplit("\n", 1)[-1].split()):  # a name stays on its line (a heading's end is before)
        bare = word.rstrip(".")
        if _initial(word):
            kept.append(word)  # an initial: "Amanda A. Kostro Miller", "A.J. Pay"
            continue
        # the previous sentence's last word ("Oculus VR. Zuckerberg"; an initial is "F.")
        sentence_end = word.endswith(".") and len(bare) > 1
        # a kicker or label in capitals before a story's first name ("EXCLUSIVE", "UPDATE", "TMZ STAFF")
        shouting = len(bare) > 1 and bare.isupper()
        # a compound modifier ("Amazon-owned Whole Foods", "Charleston-based"), not a double-barrelled name
        compound = "-" in bare and not bare.split("-")[-1][:1].isupper()
        if bare.lower() in NOT_NAME_WORDS or bare.lower() in CUE_VERBS or word.endswith(OWNER_ENDINGS):
            break  # "When Lloyd", "Said Ellis", "Biden's Lloyd", "American Airlines' Kent"
        if bare.lower().endswith(COMPOUND_TITLE_ENDINGS):
            break  # "Reuters Editor-in-Chief Alessandra Galloni": a compound title before the name
        if pronoun_contraction(bare):
            break  # "I'm Haoyu"
        if bare.lower() in NATIONALITIES or bare.lower() in LEADING_KIND_NOUNS:
            break  # "American Justin Gatlin", "Rival Sony": a nationality or a relation describes, it names no one
        if word.endswith((",", ";", ":")):
            break  # "Meanwhile, Jonathon Belotti": a clause's mark ends the name's lead
        if kept and (bare.lower() in PERSON_ROLE_NOUNS or (common is not None and len(bare) > 1 and common(bare))):
            break  # "Visual Designer Megan", "Chefs Jamie": a job noun before the first name
        if not word[:1].isupper():
            break  # a lower-case word, a number or a mark ends the name ("latest Google Labs")
        if sentence_end or shouting or compound:
            break
        kept.append(word)
    kept.reverse()
    return kept


def word_occurrences(text: str, words: set[str], spans: list[Span] | None = None) -> list[tuple[int, str]]:
    """(start, word) of each place these words stand whole, in text order (within spans, if given). A few words are
    looked for with str.find; more by one scan of the text's words (a module-level pattern) and a set lookup, so no
    pattern is compiled per request; a word that is not one token ("O'Brien", "Corp.") is always looked for by find."""
    if not words:
        return []
    windows = spans if spans is not None else [(0, len(text))]
    tokens = {word for word in words if ALNUM_RUN_RE.fullmatch(word)} if len(words) > FIND_WORDS_MAX else set()
    # the lookbehind sees before a window's start: only where no run goes on across it are the two scans the same
    capitalised = all("A" <= word[0] <= "Z" for word in tokens) and not any(
        ALNUM_RUN_RE.match(text, start - 1, start) for start, _ in windows if start > 0
    )
    scan = CAPITALISED_RUN_RE if capitalised else ALNUM_RUN_RE
    found = (
        [
            (match.start(), match.group())
            for start, end in windows
            for match in scan.finditer(text, start, end)
            if match.group() in tokens
        ]
        if tokens
        else []  # a few words: the scan of every word of the text would find nothing
    )
    found.extend(
        (pos, word) for word in words - tokens for start, end in windows for pos in _find_all(text, word, start, end)
    )
    return sorted(found)


def spells(name: str, acronym: str) -> bool:
    """The initials of name's words spell acronym ("Brookhaven Police Department" is "BPD", "Chartered Institute of
    Building" is "CIOB": a small word's initial counts or not, as acronyms differ)."""
    words = name.split()
    reach = {0}  # how many letters of the acronym the words so far can spell
    for word in words:
        small = word in ACRONYM_SMALL_WORDS
        if not small and not word[:1].isupper():
            return False
        spelled = {matched + 1 for matched in reach if matched < len(acronym) and word[:1].upper() == acronym[matched]}
        reach = spelled | reach if small else spelled
        if not reach:
            return False
    return len(acronym) in reach


def defined_acronyms(text: str, deadline: Deadline) -> dict[str, set[str]]:
    """Each acronym the text defines in parentheses -> the names it writes out for it there: "Office for Budget
    Responsibility (OBR)" or "OBR (Office for Budget Responsibility)". An acronym in parentheses after no name that
    spells it ("Organisation mondiale de la Santé (WHO)") is defined, with no name. One pass over the parentheses."""
    defined: dict[str, set[str]] = {}
    for count, match in enumerate(DEFINITION_PAREN_RE.finditer(text)):
        if count % CHECK_EVERY == 0:
            deadline.check()
        inner = match.group(1).strip()
        if is_acronym(inner) and inner.isalpha():
            before = text[max(0, match.start() - DEFINITION_REACH) : match.start()]
            written = _spelled_before(before, inner) or _spelled_but_last(before, inner)
            defined.setdefault(inner, set()).update(written)
            continue
        before = text[max(0, match.start() - DEFINITION_REACH) : match.start()].split()[-1:]
        inner_words = inner.split()
        name = " ".join(inner_words[1:] if inner_words[:1] and inner_words[0].lower() in DETERMINERS else inner_words)
        if before and is_acronym(before[0]) and before[0].isalpha() and _written_name(name, before[0]):
            defined.setdefault(before[0], set()).add(name)  # "OBR (Office for Budget Responsibility)"
    return defined


def _spelled_before(before: str, acronym: str) -> set[str]:
    """The name right before an acronym's parenthesis that spells it, whole ("The U.K.'s Competition and Markets
    Authority" -> "Competition and Markets Authority"): its run of capitalised and small words, from a mark, a
    possessive, a determiner or a lower-case word on; never a longer name's last words ("US Environmental Protection
    Agency" is no written-out "EPA")."""
    window = before.split()[-2 * len(acronym) - 3 :]
    run: list[str] = []
    for word in reversed(window):
        if word[-1:] in RUN_ENDING_MARKS or word[:1] in QUOTE_MARKS or word.endswith(POSSESSIVE_ENDINGS):
            break  # "…, (CMA)", "the U.K.'s Competition …": a mark or a possessive ends the name
        if word.lower() in DETERMINERS and word not in ACRONYM_SMALL_WORDS:
            break  # "The Office …", but "the Department of the Treasury": an opening determiner is no part of it
        if not (word[:1].isupper() or word in ACRONYM_SMALL_WORDS):
            break
        run.insert(0, word)
    if len(run) == len(window) and len(window) < len(before.split()):
        return set()  # a run longer than any name the acronym spells
    while run and run[0] in ACRONYM_SMALL_WORDS:
        run.pop(0)  # "… and Markets Authority" after a lower-case "and" opens no name
    # the whole run, else its last name after a small word ("the Federal Trade Commission and the Fair Trading
    # Council"), never a name's last capitalised words alone ("US Environmental Protection Agency")
    starts = [0] * bool(run) + [at for at in range(1, len(run)) if run[at - 1] in ACRONYM_SMALL_WORDS]
    for start in starts:
        if run[start][:1].isupper() and _written_name(name := " ".join(run[start:]), acronym):
            return {name}
    return set()


def _spelled_but_last(before: str, acronym: str) -> set[str]:
    """The name right before an acronym's parenthesis whose words but its last spell it ("Royal National Institute
    for Deaf People (RNID)"): an acronym may leave its name's last word out; the whole name is the body's."""
    words = before.rstrip().split()
    if len(words) < 2 or not words[-1].isalpha() or not words[-1][:1].isupper() or words[-2] in ACRONYM_SMALL_WORDS:
        return set()  # "Centers for Disease Control and Prevention (CDC)": a longer name's second part, no last word
    head = " ".join(words[:-1])
    return {f"{name} {words[-1]}" for name in _spelled_before(head, acronym) if head.endswith(name)}


def names_spelling(text: str, acronym: str) -> set[str]:
    """The bodies' names the text writes out whose initials are the acronym's letters, small words skipped ("the
    U.K.'s Competition and Markets Authority" for "CMA", "the Federal Trade Commission" for "FTC"), though it never
    defines the acronym with them: each ends in a body's head, and no capitalised word goes before it (a longer name's
    last words spell nothing); a person's name, or "Department of the Treasury" for "DOT", is no such name."""
    heads = {head.capitalize() for head in BODY_HEADS if head[0].upper() in acronym[1:]}
    found: set[str] = set()
    for pos, head in word_occurrences(text, heads):
        end = pos + len(head)
        if head[0] == acronym[-1]:
            found |= _spelled_before(text[max(0, end - DEFINITION_REACH) : end], acronym)
        # "Motion Picture Association of America" for "MPAA": the head's object ends the name
        if (object_end := _object_end(text, end)) > end:
            found |= _spelled_before(text[max(0, object_end - DEFINITION_REACH) : object_end], acronym)
    return found


def _object_end(text: str, end: int) -> int:
    """Where the capitalised object of a body's head ends ("Association" + " of America", "Institute" + " for Deaf
    People"): after "of" or "for", an optional "the" and capitalised words; end when no object follows."""
    words = text[end : end + DEFINITION_REACH].split(" ")
    if len(words) < 3 or words[0] or words[1] not in TITLE_OBJECT_LINKS:
        return end
    at, length = 2, len(words[1]) + 2
    if words[at] == "the" and len(words) > at + 1:
        length += len(words[at]) + 1
        at += 1
    run = 0
    while at < len(words) and words[at][:1].isupper():
        # "of America, which …", "of America.\n": a mark or a line's end after the object's last word ends it
        word = words[at].split("\n", 1)[0].rstrip(",.;:")
        if not word.isalpha():
            break
        length += len(word) + 1
        run += 1
        if word != words[at]:
            break
        at += 1
    return end + length - 1 if run else end


def _written_name(name: str, acronym: str) -> bool:
    """A body's written-out name for acronym: its initials spell it, and it names no role ("Chief Financial Officer
    (CFO)" is a title, whoever holds it)."""
    words = name.split()
    return (
        bool(words)
        and words[0][:1] == acronym[0]
        and (words[-1].lower() not in TITLE_WORDS or words[-1].lower() in ORG_HEADS)  # a "Council" is a body
        and spells(name, acronym)
    )


def _find_all(text: str, word: str, start: int, end: int) -> Iterator[int]:
    """Where word stands whole (not inside a longer word) between start and end."""
    pos = text.find(word, start, end)
    while pos >= 0:
        after = pos + len(word)
        if (pos == 0 or not text[pos - 1].isalnum()) and (after >= len(text) or not text[after].isalnum()):
            yield pos
        pos = text.find(word, after, end)


def full_names(
    text: str, occurrences: list[tuple[int, str]], deadline: Deadline, common: LowerCaseUse | None = None
) -> dict[str, str]:
    """For each one-word core or surname, the longest person's name the article gives ending in it ("Marcus" ->
    "David Marcus", "Jones" -> "Michael Forrest Jones"): one scan of the text's words serves them all. When two
    people share the surname (Hori Parata and his son Te Kaurinui Robert Parata; "Canine Dion", a nickname), the
    first one named inside a sentence: the story's ("Now Levin" opens one and is no name). With common, a sentence's
    or a line's first word that the text also writes in lower case is no part of the name ("Sometimes Microsoft",
    "Visit FDA's campaign")."""
    people: dict[str, list[tuple[str, bool, bool]]] = {}  # surname -> each person's form, inside a sentence, heading
    for count, (i, name) in enumerate(occurrences):
        if count % CHECK_EVERY == 0:
            deadline.check()
        goes_on = NAME_GOES_ON_RE.match(text, i + len(name))
        generation = _generation_after(text, goes_on.end() - 1) if goes_on else None
        if goes_on and generation is None and not _post_nominal_after(text, goes_on.end() - 1):
            continue  # "Dana F. Besecker Company": no name's end ("Philippe Sands QC": an honour after its end)
        if name.isupper() or _particle_goes_on(text, i + len(name)):
            continue  # "D'Souza de Vos": no name's end; "Introducing GIM": a body's
        start = _particles_before(text, i)  # "Luis de Miranda", "Jo-Ann de la Paz": the lead stands before them
        words, lead_start = _name_lead(text, start, common)
        earlier = _particles_before(text, lead_start) if lead_start is not None else start
        if lead_start is not None and earlier < lead_start:  # "Michael da Cruz Jones": a particle inside the name
            more, _ = _name_lead(text, earlier, common)
            words = [*more, *text[earlier:lead_start].split(), *words] if more else words
        inside = bool(words) and inside_sentence(text, text.rfind(words[0], max(0, start - 2 * LEAD_REACH), start))
        if (
            words
            and not inside
            and (_sentence_capital(text, words[0], i + len(name), common) or words[0].endswith("ing"))
        ):
            words = words[1:]  # the capital is the sentence's, on a common word or a verb's -ing ("Comparing Google")
            inside = bool(words)
        if not words:
            continue
        # "al-Assad" one word; "Martin Luther King III": the suffix is the name's
        full = " ".join([*words, *text[start : i + len(name)].split(), *([generation] if generation else [])])
        if not looks_person(full):
            continue
        known = people.setdefault(name, [])
        heading = _heading_line(text, i)
        same = next((at for at, (form, _, _) in enumerate(known) if _one_person(form, full)), None)
        if same is None:
            known.append((full, inside, heading))
        else:
            form, seen_inside, seen_in_heading = known[same]
            # the longer form, but a heading's never over prose's ("Enter Stuart R. Kaplan" over "by Stuart R. Kaplan")
            longer = len(full.split()) > len(form.split())
            better = (longer and (not heading or seen_in_heading)) or (seen_in_heading and not heading)
            known[same] = (full if better else form, seen_inside or inside, seen_in_heading and heading)
    return {name: next((form for form, inside, _ in known if inside), known[0][0]) for name, known in people.items()}


def _post_nominal_after(text: str, start: int) -> bool:
    """The capitalised word at start is letters after a name ("QC", "MP"), with nothing capitalised after it."""
    word = ALNUM_RUN_RE.match(text, start)
    return word is not None and word.group() in POST_NOMINALS and not NAME_GOES_ON_RE.match(text, word.end())


def _generation_after(text: str, start: int) -> str | None:
    """The generational suffix at start ("III", "Jr."), its period kept, with nothing capitalised after it."""
    word = ALNUM_RUN_RE.match(text, start)
    if word is None or NAME_GOES_ON_RE.match(text, word.end() + (text[word.end() : word.end() + 1] == ".")):
        return None
    dotted = f"{word.group()}." if text[word.end() : word.end() + 1] == "." else word.group()
    return next((form for form in (dotted, word.group()) if form in GENERATIONAL_SUFFIXES), None)


def _particle_goes_on(text: str, end: int) -> bool:
    """Particles and a capitalised word follow end: the name goes on ("Camille D'Souza de Vos")."""
    if text[end : end + 1] != " ":
        return False
    after = text[end + 1 : end + 1 + (len(LONGEST_PARTICLE) + 1) * MAX_PARTICLES + 2].split()[: MAX_PARTICLES + 1]
    for particles, word in enumerate(after):
        if word not in NAME_PARTICLES:
            return particles > 0 and word[:1].isupper()
    return False


def _particles_before(text: str, end: int) -> int:
    """Where the run of lower-case name particles right before end starts ("de la " before "Paz"); end if none."""
    start = end
    if text[end - 1 : end] == "-":
        space = text.rfind(" ", max(0, end - len(LONGEST_PARTICLE) - 2), end - 1)
        if space < 0 or text[space + 1 : end - 1].lower() not in HYPHENED_PARTICLES:
            return end
        start = space + 1  # "Bashar al-Assad": the lead stands before the article
    for _ in range(MAX_PARTICLES):
        if text[start - 1 : start] != " ":
            break
        space = text.rfind(" ", max(0, start - len(LONGEST_PARTICLE) - 2), start - 1)
        if space < 0 and start - 1 > len(LONGEST_PARTICLE):
            break  # no word of a particle's length before: none (and no slice of the whole text)
        if text[space + 1 : start - 1] not in NAME_PARTICLES:
            break
        start = space + 1
    return start


def _name_lead(text: str, end: int, common: LowerCaseUse | None) -> tuple[list[str], int | None]:
    """The name's words right before end (see _lead_words), and where they start when all the lead's capitalised
    words are the name's (a particle before them may carry the name on), else None."""
    window = text[max(0, end - LEAD_REACH) : end]
    before = window.rsplit(None, 1)
    if not before or before[-1].islower():
        return [], None  # the word before end has no capital, and a lead ends in one ("said Smith"): no search
    lead = NAME_LEAD_RE.search(window)
    if lead is None:
        return [], None
    words = _lead_words(lead.group("lead"), common)
    whole = bool(words) and len(words) == len(lead.group("lead").split())
    if len(words) > 1 and _after_title_of(_words_before_lead(window, lead, words)):
        return words[-1:], None  # "Mayor of London Sadiq": the title's object ("London") is no part of the name
    return words, max(0, end - LEAD_REACH) + lead.start("lead") if whole else None


def _words_before_lead(window: str, lead: re.Match, kept: list[str]) -> list[str]:
    """The words before a lead's kept words: the window's before the lead, and the lead's own that were not kept."""
    dropped = lead.group("lead").split()
    return window[: lead.start("lead")].split() + dropped[: len(dropped) - len(kept)]


def _after_title_of(before: list[str]) -> bool:
    """The words before a name's lead end in a capitalised title, "of" or "for" and the object's words ("Mayor of
    London", "Governor of the Bank of England"), none a title's ("Secretary of State" is one title): the lead's first
    words are the object's."""
    at = len(before)
    while at > 0 and (before[at - 1][:1].isupper() or before[at - 1] in TITLE_OBJECT_INNER):
        at -= 1
        if _capitalised_title(before[at]):
            return False
        if before[at] in TITLE_OBJECT_LINKS and at > 0 and _capitalised_title(before[at - 1]):
            return True
    return False


def _sentence_capital(text: str, word: str, end: int, common: LowerCaseUse | None) -> bool:
    """A sentence's first word before a name, capitalised as such: a word the text also writes in lower case
    ("Visit Norvale"), unless he, she, his or her follow the name (ending at end) more than "its": a person's,
    whose first name may be a common word too ("Will Smith … He will retire", "Mark", "Bill")."""
    if common is None or not common(word):
        return False
    return person_votes(text, end) <= 0


def person_votes(text: str, end: int) -> int:
    """He, she, his and her after a name (ending at end), less "its": above zero, the name is a person's."""
    return sum(
        -1 if pronoun.group().lower() == "its" else 1
        for pronoun in PRONOUN_WORD_RE.finditer(text, end, end + PRONOUN_REACH)
    )


def _heading_line(text: str, pos: int) -> bool:
    """The line holding pos is a heading: short, with no sentence's or clause's mark on it ("Enter Stuart R.
    Kaplan"). Only MAX_HEADING characters either side are read: each name on a long line would read it whole."""
    start = text.rfind("\n", max(0, pos - MAX_HEADING), pos) + 1
    end = text.find("\n", pos, pos + MAX_HEADING)
    end = len(text) if end < 0 and pos + MAX_HEADING >= len(text) else end
    if (start == 0 and pos > MAX_HEADING) or end < 0:
        return False  # a line longer than a heading is prose
    line = text[start:end]
    if any(mark in line for mark in ',;:!?"“”'):
        return False
    return "." not in line or all(_initial(word) for word in line.split() if "." in word)


def _initial(word: str) -> bool:
    """An initial inside a name ("R."), or initials run together ("J.R."), whose full stop ends no sentence."""
    return bool(INITIALS_RE.fullmatch(word))


def inside_sentence(text: str, pos: int) -> bool:
    """The word at pos does not open a sentence or paragraph ("Rep. Mark Meadows": a title's full stop ends none)."""
    before = text[max(0, pos - LEAD_REACH) : pos]
    if not before.strip(" \"“‘'") or before.rstrip(" ").endswith("\n") or not before.split():
        return False  # the text's start; only blanks before it (a tab, a no-break space) open it too
    previous = before.split()[-1]
    return previous[-1] not in ".!?:" or previous.rstrip(".").lower() in TITLE_WORDS


def _one_person(one: str, other: str) -> bool:
    """Two forms of one person's name: one is the other's end, or its first and last words."""
    longer, shorter = (one, other) if len(one.split()) >= len(other.split()) else (other, one)
    return same_name(longer.split(), shorter.split())


def possessive_bodies(text: str, word: str) -> set[str]:
    """The names of bodies the text writes with this word's possessive inside ("Moody's Analytics" for "Moody",
    from "Moody's Analytics Inc."), when it never writes the word without its "'s": the capitalised words after
    "Moody's" up to the last that ends a body's name, a company's form left out; not an owner's public body
    ("Russia's Defense Ministry" is not "Russia"). When "Sainsbury's" stands alone before a verb, the name is
    "Sainsbury's" itself, whatever else the text names with it ("Sainsbury's Bank")."""
    found: set[str] = set()
    for pos, _ in word_occurrences(text, {word}):
        if text[pos + len(word) : pos + len(word) + 1] not in ("'", "’"):
            return set()  # the word stands alone as a name too ("NASA data" beside "NASA's Goddard Institute")
        first, *after = text[pos : pos + LEAD_REACH].split()
        if first.rstrip(RUN_ENDING_MARKS) in (f"{word}'s", f"{word}’s") and after[:1] and after[0] in CLAUSE_WORDS:
            return {first.rstrip(RUN_ENDING_MARKS)}  # "Sainsbury's said": the possessive is the name's own
        if first not in (f"{word}'s", f"{word}’s"):
            continue
        run: list[str] = []
        for following in after:
            bare = following.rstrip(RUN_ENDING_MARKS)
            if not (bare[:1].isupper() or bare in NAME_LINKS) or bare.endswith(POSSESSIVE_ENDINGS):
                break
            run.append(bare)
            if bare != following:
                break  # the name ends at its mark
        ends = [at for at, name_word in enumerate(run) if is_body_ending(name_word) and name_word not in LEGAL_SUFFIXES]
        name = [first, *run[: ends[-1] + 1]] if ends else []
        if name and not owners_body(name):
            found.add(" ".join(name))
    return found


def body_named_in_full(text: str, name: str, last_words: list[int]) -> str | None:
    """The one longer name the text gives a body at its first mention, the name then the body's kind ("Argonaut Games"
    for "Argonaut", "Labour Party" for "Labour", "US Customs Service" for "US Customs"): a headline's short form aside,
    its first mention is that longer name; or its web address ("GreatFire.org"), or, for a name a body's head opens,
    the country's abbreviation before it ("US Department of Justice"). None when the text first writes the name alone,
    or longer in two ways; a company's form and an outlet's ending ("Washington Post") are no such kind. last_words:
    where the name's last word stands in the text, read once for all the sources' names."""
    found: set[str] = set()
    first: bool | None = None  # whether the first mention outside a heading is a longer name
    headed = name.split()[0].lower() in ORG_HEADS  # "Department of Justice": a country's may stand before it
    lead = len(name) - len(name.rsplit(" ", 1)[-1])  # "US " of "US Customs"
    for last in last_words:
        pos = last - lead
        if pos < 0 or not text.startswith(name, pos) or (pos > 0 and text[pos - 1].isalnum()):
            continue  # the last word in another name ("Mitsui" of "Sumitomo Mitsui" for "Mitsui")
        line = text[max(0, pos - LEAD_REACH) : pos].rsplit("\n", 1)[-1]
        if line.rfind("(") > line.rfind(")"):
            continue  # "(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)": a credit, no mention
        end = pos + len(name)
        after = text[end : end + LEAD_REACH].split("\n", 1)[0].split() if text[end : end + 1] == " " else []
        run: list[str] = []
        for following in after:
            bare = following.rstrip(RUN_ENDING_MARKS)
            if not bare[:1].isupper() or bare.endswith(POSSESSIVE_ENDINGS) or bare.lower() in NP_BREAK:
                break
            run.append(bare)
            if bare != following:
                break  # the name ends at its mark
        # one word more, the body's kind ("Party", "Service", "Games"): more words name a unit of it ("House Judiciary
        # Committee" is no "House"), and an outlet is its own ("NBC News", "Washington Post")
        ending = run[0] if len(run) == 1 else ""
        kind = is_body_ending(ending) and ending.lower() not in NO_KIND_ENDINGS and ending not in LEGAL_SUFFIXES
        longer = f"{name} {ending}" if kind else None
        domain = DOMAIN_NAME_END_RE.match(text, end)
        if domain is not None:
            longer = f"{name}{domain.group()}"  # "GreatFire.org": a body named by its web address
        country = line.rsplit(None, 1)[-1] if line[-1:] == " " and line.strip() else ""
        if country.lower() in COUNTRY_ABBREVIATIONS and country.isupper() and headed and longer is None:
            longer = f"{country} {name}"  # "the US Department of Justice", later "The Department of Justice"
        if longer is not None:
            found.add(longer)
        if first is None and not _heading_line(text, pos):
            first = longer is not None
    return found.pop() if first and len(found) == 1 else None


def names_headed_by(text: str, head: str) -> list[tuple[int, str]]:
    """Where the text names a body with this head, and that name: ending in it ("New York City Housing Authority" for
    "Authority") or going on with its complement ("University of Michigan", "Court of Appeals"), in text order."""
    found: list[tuple[int, str]] = []
    for pos, _ in word_occurrences(text, {head}):
        words: list[str] = []
        # a name stays on its line ("Labour chooses Manchester" / "The Labour Party will …": a title's end before it)
        before = text[max(0, pos - LEAD_REACH) : pos].rsplit("\n", 1)[-1].split()
        for at in range(len(before) - 1, -1, -1):
            word = before[at]
            if word in ("and", "&") and words and at > 0 and _name_word_of_body(before[at - 1]):
                words.append(word)  # "Food and Drug Administration": the "and" inside the name
                continue
            if not _name_word_of_body(word):
                break  # a lowercase word, a sentence's end ("2019. The"), or a function word ends the name
            if word in ("A", "An"):
                break  # "A US Court of Appeals": the sentence's article, no word of the name
            words.append(word)
        end = pos + len(head)
        after = text[end : end + LEAD_REACH].split("\n", 1)[0].split() if text[end : end + 1] == " " else []
        complement = _complement(after)
        if words or complement:
            found.append((pos, body_name([*reversed(words), head, *complement])))
    return found


def _name_word_of_body(word: str) -> bool:
    """A capitalised word of letters that no function word is ("Drug", "Anti-Doping"; not "The" ending a sentence's
    "2019. The", nor "But")."""
    return word[:1].isupper() and word.replace("-", "").isalpha() and word.lower() not in NP_BREAK


def _complement(after: list[str]) -> list[str]:
    """The words a body's name goes on with after its head: "of Michigan", "for the Welfare of Immigrants", "of
    Fisheries and Aquatic Resources"; none when no capitalised name follows the link."""
    if not after or after[0] not in THE_LINKS:
        return []
    links = after[:2] if after[1:2] == ["the"] else after[:1]
    run: list[str] = []
    for word in after[len(links) :]:
        bare = word.rstrip(RUN_ENDING_MARKS)
        if not (bare[:1].isupper() or (run and bare in NAME_LINKS)) or bare in WEEKDAYS:
            break  # "the University of Michigan said", "the Court of Appeals on Monday"
        run.append(bare)
        if bare != word:
            break  # the name ends at its mark
    while run and not run[-1][:1].isupper():
        run.pop()  # "of Michigan and": a link ends no name
    return [*links, *run] if run else []


def body_head(name: str) -> str:
    """A body's head word: before its complement ("University" of "University of Michigan"), else its last word."""
    words = name.split()
    return next((words[at - 1] for at in range(1, len(words)) if words[at] in THE_LINKS), words[-1])


# Words before a title that make it another office, or the same one held before or in waiting ("Deputy Prime
# Minister", "former president", "shadow chancellor").
OTHER_HOLDER_QUALIFIERS: frozenset[str] = frozenset(
    words("deputy vice former ex shadow acting assistant junior interim outgoing incoming late then")
)
# Words that link a title to what comes before it, no modifier of it ("met with the minister", "told by the president").
TITLE_LINKS: frozenset[str] = frozenset(words("with by for to of at from on in into and or as than"))


def _other_office(previous: str, head: str) -> bool:
    """The word before a title's head modifies it, and is not the wanted title's ("welfare minister" for "the prime
    minister"): a word of the title's case, neither a function word nor a verb ("said President Biden", "with the
    minister" name the office itself)."""
    lowered = previous.lower()
    return (
        previous.isalpha()
        and (previous[:1].isupper() or not head[:1].isupper())  # "Green Party leader" too; "said President" is none
        and lowered not in DETERMINERS
        and lowered not in NP_BREAK
        and lowered not in CUE_VERBS
        and lowered not in TITLE_LINKS
    )


def role_holders(text: str, title: list[str]) -> list[tuple[str, int]]:
    """Who the text names with a title ("International Trade Secretary"): the name right after it ("Trade Secretary
    Liz Truss") or right before its apposition ("George Eustice, the current Environment Secretary"), each with how
    many of the title's words before its head the text repeats there (the best match tells two secretaries apart)."""
    head = title[-1]
    holders: list[tuple[str, int]] = []
    for pos, word in word_occurrences(text, {head[:1].upper() + head[1:].lower(), head.lower()}):
        before = text[max(0, pos - TITLE_REACH) : pos].split()
        matched = 0
        for wanted, seen in zip(reversed(title[:-1]), reversed(before), strict=False):
            if wanted.lower() != seen.lower():
                break
            matched += 1
        if matched < len(before) and before[-matched - 1].lower().rstrip(",") in OTHER_HOLDER_QUALIFIERS:
            continue  # "Deputy Prime Minister John Prescott" holds no "the prime minister"
        if matched < len(title) - 1 and matched < len(before) and _other_office(before[-matched - 1], word):
            continue  # "welfare minister Frank Field" holds another office than "the prime minister"
        end = pos + len(word)
        after = NAME_MENTION_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if after is not None:
            name = without_possessive(name_core(after.group()))  # "Chancellor Gordon Brown's announcement": his
        else:
            comma = text.rfind(", ", max(0, pos - TITLE_APPOSITION_REACH), pos)
            between = text[comma + 2 : pos].split() if comma >= 0 else []
            closed = text[end : end + 1] == ","  # an apposition closes ("X, the secretary, said"); a clause goes on
            # "Meghan, Duchess of Sussex": a formal title, capitalised with its place, right after the name's comma
            formal = comma >= 0 and comma + 2 == pos and word[:1].isupper() and text.startswith(" of ", end)
            determined = closed and bool(between) and between[0] in ("the", "a", "an")
            if not (formal or determined) or "," in text[comma + 2 : pos]:
                continue
            name = " ".join(_lead_words(text[max(0, comma - LEAD_REACH) : comma] + " "))
            particles = _particles_before(text, comma - len(name)) if name and text.endswith(name, 0, comma) else comma
            if particles < comma - len(name):  # "Ann de la Paz, the secretary", "van Ek, Duchess of …"
                more = _lead_words(text[max(0, particles - LEAD_REACH) : particles])
                name = " ".join([*more, text[particles:comma]])
            if formal and len(name.split()) == 1 and name[:1].isupper() and not is_acronym(name):
                holders.append((name, matched))  # "Meghan, Duchess of Sussex": a first name alone holds it too
                continue
        if len(name.split()) >= 2 and looks_person(name):
            holders.append((name, matched))
    return holders


def given_names(
    text: str, occurrences: list[tuple[int, str]], deadline: Deadline, common: LowerCaseUse | None = None
) -> dict[str, str]:
    """For each core that is a first or middle name, the one full name the text gives it ("Emil" -> "Emil
    Stenström", "Etienne" -> "Camille Etienne Gbedey"): the name words around its occurrences, when they make one
    name only. One pass over the occurrences full_names reads too. With common, a word the text also writes in lower
    case is no surname ("Skiplagged Benefits", a heading)."""
    found: dict[str, set[str]] = {}
    headed: dict[str, set[str]] = {}  # the names a heading gives ("Donna Kelce Calls Taylor …"): prose's come first
    bodies: set[str] = set()  # full names that end as a body's do ("HCA Healthcare")
    first_alone: set[str] = set()  # first seen alone ("Google announced …", later "Google Maps")
    for count, (pos, given) in enumerate(occurrences):
        if count % CHECK_EVERY == 0:
            deadline.check()
        following: list[str] = []
        rest = text[pos + len(given) : pos + len(given) + LEAD_REACH]
        for word in rest.split()[: 2 + MAX_PARTICLES] if rest[:1] == " " else []:
            if word in NAME_PARTICLES:
                following.append(word)  # "Camille D'Souza de Vos": a particle goes on to the surname
                continue
            bare = word.rstrip('.,;:!?)”"').removesuffix("'s").removesuffix("’s").rstrip("'’")
            plain = bare.replace("-", "").replace("'", "").replace("’", "")
            not_surname = bare.lower() in NOT_SURNAME_WORDS and not (following and _mixed_case_acronym(bare))
            if not (bare[:1].isupper() and plain.isalpha()) or not_surname:  # "Kim Jong Un" goes on
                break
            if common is not None and common(bare):
                break
            # "Robert F. Kennedy Jr.": a generational suffix keeps its abbreviation's period
            suffixed = f"{bare}." in GENERATIONAL_SUFFIXES and word.startswith(f"{bare}.")
            following.append(f"{bare}." if suffixed else bare)
            if bare != word or sum(word not in NAME_PARTICLES for word in following) == 2:
                break  # the name ends at its punctuation, or after two more names
        while following and following[-1] in NAME_PARTICLES:
            following.pop()  # "Lucas de": no name after the particle
        if not following and given not in found and given not in headed:
            first_alone.add(given)
        if following:
            lead = _lead_words(text[max(0, pos - LEAD_REACH) : pos], common)
            if lead and common is not None and common(lead[0]) and not inside_sentence(text, pos - 1 - len(lead[0])):
                lead = lead[1:]  # "Visit ArchKey Solutions": the sentence's capital, on a common word
            roles = [at + 1 for at, word in enumerate(lead) if word.rstrip(".").lower() in PERSON_ROLE_NOUNS]
            lead = lead[roles[-1] :] if roles else lead  # "Editor Katie Bandurski": a job before the first name
            name = " ".join([*lead, given, *following])
            body = following[-1].lower() in BODY_NAME_ENDINGS
            if looks_person(name) or body:
                # a person's full name, or a body's ("HCA Healthcare"); a title-cased heading runs on past the name
                (headed if _heading_line(text, pos) else found).setdefault(given, set()).add(name)
            if body:
                bodies.add(name)
    for given, names in headed.items():
        found.setdefault(given, names)
    # one name only; a person's unless "its" follows the name more than he or she: "Google" -> "Google Labs" is not
    unique = {given: name for given, names in found.items() if len(names) == 1 and (name := next(iter(names)))}
    votes: dict[str, int] = {}  # he, she, his, her after a given name's occurrences, less its
    for pos, given in occurrences:
        if given in unique and unique[given] not in bodies:
            votes[given] = votes.get(given, 0) + person_votes(text, pos + len(given))
    # a person is named in full before the first name alone; a body's word alone first, then a product ("Google" ->
    # "Google Maps"), takes the longer name only when he or she vouch for a person
    return {
        given: name
        for given, name in unique.items()
        if votes.get(given, 0) > 0 or (votes.get(given, 0) == 0 and given not in first_alone)
    }
