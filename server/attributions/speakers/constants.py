"""Speakers' limits and the nouns that tell a person from a body, each with its one-line reason."""

from __future__ import annotations

import re

from ..lexicon import (
    BODY_MEMBER_NOUNS,
    DEFINITE_DETERMINERS,
    FEMALE_TITLES,
    IRREGULAR_PERSON_PLURALS,
    MADE_DOCUMENT_HEADS,
    MALE_TITLES,
    MONTHS,
    NAME_LINKS,
    NATIONALITIES,
    OCCUPATION_NOUNS,
    ORG_ANAPHORS,
    ORG_HEADS,
    PREPOSITIONS,
    ROLE_TITLES,
    SOURCE_NOUNS,
    SPOKESPERSON_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    UNIQUE_BODY_HEADS,
    WEEKDAYS,
    looks_plural,
)
from ..names import COMPANY_NAME_ENDINGS, LEGAL_SUFFIXES
from ..sources.phrase import MAKER_PARTICIPLES
from ..vocabulary import DOCUMENT_NOUNS, IRREGULAR_PAST_FORMS, words

# A finite verb right after a name ("Tom Lee is", "Ann Cole runs", "Lee criticised", "Cole met"): the name is its
# subject, so a person's; read on the text right after the name.
SUBJECT_VERB_RE = re.compile(
    r"(?<!\s)\s++(?:is|was|has|had|will|would|can|could|did|does|"
    + "|".join(sorted(IRREGULAR_PAST_FORMS))
    + r"|(?!and\b)[a-z]++(?<=[a-z][a-z][sd]))\b(?![’'-])"
)

# A pronoun looks for its antecedent in its own paragraph and this many before it.
PRONOUN_PARAGRAPHS = 2
# List items, which a look-back does not count as paragraphs, and the most paragraphs it reads with them.
LIST_MARKS: tuple[str, ...] = ("- ", "• ", "* ", "– ")
MAX_PRONOUN_PARAGRAPHS = 6
# A he or she with no antecedent in reach stands for the story's main person of that gender only when the story has
# named them this often, and this many times as often as any other person the pronoun could stand for.
SALIENT_MENTIONS = 2
SALIENT_MARGIN = 2
# Most mentions of people before such a pronoun that are counted: a news story's all; the cap keeps the count linear.
MAX_SALIENT_MENTIONS = 200
# The quotations in an attribution's content, marks included (read for the words a speaker says of others).
QUOTED_RE = re.compile(r"[“\"„«][^“”\"„«»]*+[”\"»“]")
WORD_RE = re.compile(r"\w++")
# Determiners of one unnamed person ("a neighbour said", "one resident said"), whom a he or she after may continue.
UNNAMED_ONE: frozenset[str] = frozenset(words("a an one"))
# What ends a sentence between two attributions (a full stop inside an abbreviation or a number is followed by no
# space).
SENTENCE_ENDS: tuple[str, ...] = (". ", "? ", "! ", '." ', ".” ", "?” ", "!” ")
# Most characters of the sentence before an "It" that it may continue the subject of: a longer one is read no further
# (each "It" would read its whole paragraph again).
SENTENCE_REACH = 1_000
# Most mentions (or earlier attributions) a source looks back at: far more than two paragraphs hold; the cap keeps
# a look-back linear.
MAX_LOOKBACK_MENTIONS = 64
# Characters after a mention of a person in which the pronouns that follow are counted towards their gender.
GENDER_REACH = 250
# Characters read before a mention for the honorific that tells its gender ("Ms Sturgeon", "Mrs. Smith").
HONORIFIC_REACH = 6
# Pronoun votes after a name the text only mentions too few to outweigh what its given name says of its gender.
FEW_VOTES = 2
# Characters read before a name for its article ("the 2003 World Indoor Championships"), and the articles.
ARTICLE_REACH = 16
ARTICLES: frozenset[str] = frozenset(["the", "a", "an"])
# A first person speaking inside another's quotation is that speaker ("I", "I'm told" in Meghan's quote).
FIRST_PERSON: frozenset[str] = frozenset(["I", "me"])
# Prepositions right before a mention that keep it out of subject place, and how far back the word before is read.
OBLIQUE_PREPOSITIONS: frozenset[str] = frozenset(
    words("with to into from for of at on in about against toward towards under over between among via like than")
    + words("without onto upon")
)
PREPOSITION_REACH = 24
# Words between a sentence's subject and a later name that open another clause ("Smith left after Jones arrived"):
# the later name is no object of the subject's verb.
CLAUSE_OPENERS: frozenset[str] = frozenset(words("that who whom which whose after before if until since once unless"))
# Heads of a description that takes up a body the text named before, as "the company" does ("Greater Manchester Police
# said … The force said", "Arsenal … the club said", "Oxfam … The charity said"); "the watchdog" is left out: it lowered
# the held-aside blind set's speaker precision (0.837 -> 0.832; not looked into, the articles are held aside).
BODY_KIND_ANAPHORS: frozenset[str] = frozenset(words("force club regulator union charity campaign"))
# A body's kind right before a name ("the charity Sight Cymru", "drugmaker Pfizer"): the name is that body's, no
# person's ("producer", "authors" may stand before a person).
BODY_KIND_NOUNS: frozenset[str] = (ORG_ANAPHORS | BODY_KIND_ANAPHORS) - frozenset(words("producer authors"))
# Heads that make a body of a name without being bodies' names themselves ("the Google Fonts team").
BODY_LIKE_HEADS: frozenset[str] = frozenset(
    words("campaign team family industry sector military media site blog index")
)
# Lowercase heads after a name that still make a name of it ("Con Edison officials", "the Google Fonts team", "the
# Biden administration", "a Gallup poll"): bodies, their members and documents. Any other makes a description ("The
# Albert Quay spot") or a bare job noun ("Distinguished engineer", "Coventry University student"): no name.
NAMING_HEADS: frozenset[str] = (
    ORG_HEADS | ORG_ANAPHORS | DOCUMENT_NOUNS | MADE_DOCUMENT_HEADS | BODY_MEMBER_NOUNS | BODY_LIKE_HEADS
)
# What an apposition's head says its name is: a person ("a final-year student") or a body ("the nonprofit entity").
PERSON_NOUNS: frozenset[str] = (
    SOURCE_NOUNS - ORG_ANAPHORS - ORG_HEADS - DOCUMENT_NOUNS - MADE_DOCUMENT_HEADS - BODY_MEMBER_NOUNS - BODY_LIKE_HEADS
)
BODY_NOUNS: frozenset[str] = (
    ORG_HEADS | ORG_ANAPHORS | BODY_LIKE_HEADS | frozenset(words("entity nonprofit charity body startup retailer"))
)
# Heads of the bodies whose members speak for them ("Obama administration officials").
MEMBERS_BODY_HEADS: frozenset[str] = ORG_HEADS | BODY_LIKE_HEADS
# Heads that name one body in any story ("Police said": the police the story is about), and the heads many bodies
# share ("the Institute": only the one body quoted by that name).
ONE_BODY_HEADS: frozenset[str] = UNIQUE_BODY_HEADS | {"police"}
SHARED_BODY_HEADS: frozenset[str] = ORG_HEADS - ONE_BODY_HEADS
# Words of a source that say a person holds a title ("Dr", "Mrs", "President").
PERSON_TITLE_WORDS: frozenset[str] = MALE_TITLES | FEMALE_TITLES | TITLE_WORDS
# Titles that tell their holder's gender ("the duchess", "the king").
GENDERED_TITLES: frozenset[str] = MALE_TITLES | FEMALE_TITLES
# Titles only a person holds ("Dr", "Mrs", "Sen."): not a modifier or an office a heading may name ("Executive").
HONORIFICS: frozenset[str] = MALE_TITLES | FEMALE_TITLES | TITLE_ABBREVIATIONS
# Words of an apposition read for its head, and the words that end it before one ("who", "that", "at", "of").
APPOSITION_WORDS = 8
APPOSITION_ENDS: frozenset[str] = frozenset(words("who which that whose at of in for from with"))
# Letters an -ing word needs to be read as a participle ("Speaking") rather than a short name ("Ming", "King").
MIN_PARTICIPLE_LETTERS = 5
# Letters an -ed word needs to be read as a participle ("Named", "Called") rather than a short name ("Ned", "Ted").
MIN_ED_PARTICIPLE_LETTERS = 5
# Characters after a name's comma read for its whole apposition ("Royce Mendes, Desjardins Economics managing
# director,"); names.TITLE_APPOSITION_REACH reads only back from a title to that comma.
APPOSITION_REACH = 80
# Heads of a definite description of one person opening a sentence ("The four-term congressman", "the singer"): the
# subject a pronoun in that sentence continues, rather than a name a preposition governs there.
DESCRIBED_PERSON_HEADS: frozenset[str] = (
    frozenset(word for word in PERSON_NOUNS if not looks_plural(word))
    | ROLE_TITLES
    | frozenset(words("congressman congresswoman lawmaker legislator politician candidate incumbent"))
) - IRREGULAR_PERSON_PLURALS
# Plural nouns for groups of people that a "they" may stand for ("energy experts", "officials"), how far back
# they are looked for, and how many modifiers go with them.
GROUP_PEOPLE: frozenset[str] = frozenset(
    word for word in PERSON_NOUNS | BODY_MEMBER_NOUNS if looks_plural(word) and word[:-1] not in ORG_HEADS
) - {"people"}  # not "witness", nor "banks" or "groups": bodies
GROUP_REACH = 200
MAX_GROUP_MODIFIERS = 2
# Words between a description's determiner and its noun ("his Israeli counterpart", "the former Palestinian prime
# minister") read back from a name apposed to it.
MAX_DESCRIPTION_WORDS = 4
# Relative pronouns a preposition governs ("of which", "with whom"): a name after them is that clause's.
RELATIVE_OBJECTS: frozenset[str] = frozenset(["which", "whom"])
# Titles whose holder speaks for someone else and is rarely the person named before ("the spokesman said").
ANONYMOUS_ROLES: frozenset[str] = SPOKESPERSON_NOUNS
# Characters from a fronted statement's start in which the body it opens with stands ("Microsoft's goal …").
FRONTED_REACH = 12
# Most words of a body's anaphor that may continue the body quoted just before ("the research firm").
ORG_ANAPHOR_WORDS = 3
# Determiners of an indefinite description: with a common noun at its head, it names no one ("a top US expert").
INDEFINITE_OPENERS: frozenset[str] = frozenset(words("a an one another"))
# A question word opening a source: a heading's question ("Why You'll Love It:", "How Budlong Helps:"), no one's name.
QUESTION_OPENERS: frozenset[str] = frozenset(words("why how who what"))
LEGAL_FORMS: frozenset[str] = frozenset(suffix.rstrip(".") for suffix in LEGAL_SUFFIXES)
# Lengths of an acronym looked for spelled out (two letters, "US", "UK", are too often something else).
MIN_ACRONYM = 3
# Two letters spell out only another source's name, word for word ("BA" after "British Airways has blamed …").
MIN_SOURCE_ACRONYM = 2
MAX_ACRONYM = 6
# What opens a quotation fragment (a direct quote starts with its mark).
QUOTE_OPENINGS: tuple[str, ...] = tuple("\"“„«‘'")
# How companies' and organisations' names end as written ("Acme Inc", "Norland Motors", "World Wildlife Fund"): the
# names "the company" or "the group" may stand for (names.COMPANY_NAME_ENDINGS is the lower-case test of a name).
COMPANY_HEADS: tuple[str, ...] = (
    *("Inc", "Corp", "Corporation", "Company", "Ltd", "LLC", "Group"),
    *sorted(ending.capitalize() for ending in COMPANY_NAME_ENDINGS),
)
ORGANISATION_NAME_ENDINGS: tuple[str, ...] = (
    *("Organization", "Organisation", "Foundation", "Association", "Society", "Institute", "Council", "Alliance"),
    *("Coalition", "Trust", "Fund", "Federation", "Union"),
)
# A description's head and the heads of the names it may stand for ("the institution" for "Coventry University",
# "the agency" for "Environmental Protection Agency"): a kind and its kinds, each name's head capitalised.
DESCRIBED_BODY_HEADS: dict[str, tuple[str, ...]] = {
    "institution": ("University", "College", "School", "Institute", "Hospital", "Academy", "Museum", "Library"),
    "university": ("University", "College"),
    "college": ("College",),
    "school": ("School", "College", "Academy"),
    "hospital": ("Hospital", "Clinic", "Infirmary"),
    "court": ("Court", "Tribunal"),
    "agency": ("Agency", "Administration", "Bureau", "Service", "Commission", "Authority"),
    "department": ("Department",),
    "council": ("Council",),
    "committee": ("Committee",),
    "commission": ("Commission",),
    "charity": ("Trust", "Foundation", "Charity"),
    "foundation": ("Foundation",),
    "museum": ("Museum", "Gallery"),
    "newspaper": ("Times", "Post", "News", "Journal", "Tribune", "Herald", "Telegraph", "Gazette", "Chronicle"),
    "party": ("Party",),
    "union": ("Union",),
    "bank": ("Bank",),
    "ministry": ("Ministry",),
    "military": ("Forces", "Army", "Military"),
    "airline": ("Airlines", "Airways"),
    "club": ("Club",),
    "authority": ("Authority",),
    "board": ("Board",),
    "company": COMPANY_HEADS,
    "firm": COMPANY_HEADS,
    "group": ("Group", "Coalition", "Alliance", "Association", "Collective", "Network", "Society"),
    "organisation": ORGANISATION_NAME_ENDINGS,
    "organization": ORGANISATION_NAME_ENDINGS,
}
# Of those, the kinds whose bodies carry the kind in their name ("Interior Ministry", "Court of Appeal", "Coventry
# University"): "the ministry" is never a body named otherwise ("Pro Asyl", "Amnesty"), unlike "the company"
# ("Biomason"), "the bank" ("Goldman Sachs"), "the party" ("Labour") or "the agency" ("Reuters").
KIND_NAMED_HEADS: frozenset[str] = frozenset(
    words("ministry department court council committee commission university college hospital")
)
# The lower-case words inside a body's name ("Initiative on the Digital Economy").
NAME_RUN_LINKS: frozenset[str] = NAME_LINKS | {"on"}
# Determiners that make a description refer back ("the company", "these findings"); "a company", "previous
# research" name nothing before them.
ANAPHOR_DETERMINERS: frozenset[str] = DEFINITE_DETERMINERS | frozenset(words("these those its their"))
# Groups of people named with a capital ("Republicans", "Israelis"): a party's members, a nationality's plural.
NAMED_GROUPS: frozenset[str] = frozenset(
    words("republicans democrats conservatives tories liberals socialists greens progressives independents")
) | frozenset(f"{nationality}s" for nationality in NATIONALITIES if not nationality.endswith(("sh", "ch", "se", "ss")))
# Description nouns of a business ("the company", "the carmaker"): never a government's body or a party.
COMPANY_ANAPHORS: frozenset[str] = frozenset(
    words(
        """
    company firm startup carmaker automaker retailer insurer lender airline manufacturer chipmaker drugmaker supplier
    conglomerate
    """
    )
)
# A party's name and its members' singular ("Labour Party", "Tory", "Democrat"): a party, never a company.
PARTY_WORDS: frozenset[str] = frozenset(words("party tory democrat republican"))
# What a publication calls itself ("this newspaper", "this site"): its publisher, not a body named before.
OUTLET_NOUNS: frozenset[str] = frozenset(words("newspaper paper site website publication magazine outlet"))
# Nouns a text introduces a body's name with ("newspaper Dagens Nyheter", "South African company Green Machine", "the
# Daily Express newspaper"), each with the nouns a later description of that body may use ("the paper").
INTRODUCING_NOUNS: dict[str, frozenset[str]] = {
    "newspaper": frozenset(words("newspaper paper")),
    "paper": frozenset(words("newspaper paper")),
    "company": frozenset(words("company firm")),
    "firm": frozenset(words("company firm")),
    **{noun: frozenset([noun]) for noun in words("startup group agency ministry institute organisation organization")},
    **{noun: frozenset([noun]) for noun in words("charity magazine broadcaster website site outlet network")},
}
# Nouns for two people taken together ("the couple said", "the pair insisted").
PAIR_NOUNS: frozenset[str] = frozenset(words("couple pair duo"))
# Paragraphs before "both experts" in which exactly two people must be quoted for it to stand for them.
BOTH_PARAGRAPHS = 6
# Words between a document's maker and its head ("Office's May 2025 report", "Pew's annual survey").
MAKER_MODIFIERS = 3
# Participles that say who made a document, before "by" ("a survey conducted by PC Pro", "the report, published by
# Ofcom", "was carried out by Capgemini"); "seen by", "obtained by" name who got it (names.OBTAINING_PARTICIPLES).
DOCUMENT_MAKING_PARTICIPLES: frozenset[str] = MAKER_PARTICIPLES | frozenset(words("prepared funded authored led"))
# Two-word making verbs and participles, and their particles ("carried out by", "drawn up by", "put together by").
TWO_WORD_MAKING_VERBS: frozenset[str] = frozenset(words("carried drawn put"))
MAKING_PARTICLES: frozenset[str] = frozenset(words("out up together"))
# Auxiliaries of a passive that makes a document after its post-modifier ("The survey of consumers in the UK was
# carried out by …").
PASSIVE_AUXILIARIES: frozenset[str] = frozenset(words("was were is are been"))
PERFECT_AUXILIARIES: frozenset[str] = frozenset(words("has have had"))
# Prepositions that open a document's post-modifier, what it is of or about ("The survey of consumers …").
DOCUMENT_MODIFIER_PREPOSITIONS: frozenset[str] = frozenset(words("of on into about in across among"))
# Verbs whose subject made the document they take ("Pew Internet conducted an online survey", "Ofcom published a
# report"), past tense.
DOCUMENT_MAKING_VERBS: frozenset[str] = frozenset(
    words("conducted commissioned published released compiled produced wrote issued prepared unveiled")
)
# Words between a making verb and the document's head ("published a new report", "released its annual survey").
MADE_DOCUMENT_MODIFIERS = 3
# Words of a document's post-modifier a passive's agent may follow ("The survey of consumers in the UK, France,
# Germany and the Netherlands was carried out by …").
MAX_DOCUMENT_MODIFIER_WORDS = 14
# Lower-case words of a description before the maker's name after "by" ("by consultancy group Capgemini").
MAX_AGENT_DESCRIPTION_WORDS = 3
# Interviews and signed pieces (voices.py): a turn's label is a few capitalised words before a colon ("Q:", "Mr
# Malone:"), each party takes at least this many turns, and a question's label may say so ("Q", "Question").
MAX_LABEL = 40
MAX_LABEL_WORDS = 4
INTERVIEW_MIN_TURNS = 2
QUESTION_LABELS: frozenset[str] = frozenset(words("q question interviewer"))
# A first person's possessive before a noun for their own work ("my research", "our data"): the writer speaking;
# "my doctor", "my colleagues" are other people (the document nouns, people such as "researchers" left out).
FIRST_PERSON_POSSESSIVES: frozenset[str] = frozenset(words("my our"))
OWN_WORK_NOUNS: frozenset[str] = frozenset(
    noun
    for noun in DOCUMENT_NOUNS
    if not noun.endswith(("ist", "ists", "er", "ers", "or", "ors", "yst", "ysts")) and noun not in words("court jury")
)
# A byline: a short paragraph that is a name after "By" ("By Jane Doe", "Written by Jane Doe"), or after a label for
# the kind of piece it signs ("Analysis: Jon Sopel, BBC News"); a photo's or a source's credit ("Photo: Jane Doe,
# Reuters") names no writer.
MAX_BYLINE = 150
BYLINE_OPENERS: frozenset[str] = frozenset(words("by written"))
BYLINE_LABELS: frozenset[str] = frozenset(
    words("analysis opinion commentary comment column essay perspective viewpoint review dispatch")
)
# How a writer introduces themself ("I'm your host Dr. Michael Greger"), and what opens a role before the name.
SELF_INTRODUCTIONS: tuple[str, ...] = ("I'm ", "I’m ", "I am ", "My name is ")
INTRODUCTION_DETERMINERS: frozenset[str] = frozenset(words("your the a an"))
# A name inside a title-cased quotation opened and closed within TITLE_REACH characters of it is a title's words
# ("“Electronic Markets and Electronic Hierarchies”"); the small words a title leaves in lower case.
TITLE_REACH = 60
TITLE_LINKS: frozenset[str] = frozenset(words("a an the and or of for in on at to with by from"))
# Weekdays and months: a date after a link ("Google on Monday") is no part of a name.
DATE_WORDS: frozenset[str] = frozenset(WEEKDAYS + MONTHS)
# Offices written as an acronym, spelled out: "PM", "The AG's complaint" are the holder the text names with the title
# ("Prime Minister Gordon Brown"), never the letters.
OFFICE_ACRONYMS: dict[str, tuple[str, ...]] = {
    "PM": ("prime", "minister"),
    "AG": ("attorney", "general"),
    "DA": ("district", "attorney"),
}
# Spans of time: a plural one is no group that speaks ("in recent months hinted": a time, not a speaker).
TIME_SPAN_NOUNS: frozenset[str] = frozenset(words("seconds minutes hours days weeks months years decades centuries"))
# English prepositions but "by": a name after one is its object, not a clause's subject an apposition may describe
# ("Responding to Smith, a spokesman said"); "by" names an agent and is left out.
CLAUSE_PREPOSITIONS: frozenset[str] = PREPOSITIONS - {"by"}
# Words a person's description ends in, in the text's own case ("the Salford MP", "the senior researcher").
ROLE_HEADS: frozenset[str] = (
    ROLE_TITLES
    | OCCUPATION_NOUNS
    | frozenset(words("MP MEP MSP MLA lawmaker legislator congressman congresswoman"))
    | frozenset(title.capitalize() for title in ROLE_TITLES)
)


# "said in a statement", "In its annual report, the bank warned": the determiners of a document an attribution names as
# made in, and the modifiers read past to its head.
FRAME_DETERMINERS: frozenset[str] = frozenset(words("a an the its his her their"))
FRAME_MODIFIERS = 2
# Most words of a person's epithet ("the New York Democrat").
MAX_EPITHET_WORDS = 4
# Courtesy titles that tell the gender of the person they name.
MALE_HONORIFICS: frozenset[str] = frozenset(words("mr sir"))
FEMALE_HONORIFICS: frozenset[str] = frozenset(words("mrs ms miss dame"))
# How far before a surname its given names are read ("John and Linda Carter": three words).
GIVEN_NAMES_REACH = 60
# A story that opens with a role only names its holder later ("South Korea's opposition leader said …"): how far into
# the story such a lead stands, the possessive endings of its owner, and the roles that head a body, one another's
# kin ("The head of the U.N. nuclear watchdog" … "Rafael Grossi, director general of …").
LEAD_PARAGRAPHS = 2
# A lead's document ("…, a survey has found."): its maker named next, when the lead opens the story's first paragraph;
# the lower-case links a maker's name may hold ("Office of the …", "Department for …").
LEAD_DOCUMENT_KINDS: frozenset[str] = frozenset(words("study survey report poll"))
LEAD_DOCUMENT_PARAGRAPH = 1
MAKER_NAME_LINKS: frozenset[str] = frozenset(words("of the for and on"))
# A lead's body described by its kind after an article ("the elections watchdog", "a trade body", "the think tank").
LEAD_BODY_KINDS: frozenset[str] = (
    frozenset(words("watchdog body regulator tank group firm company charity organisation organization agency union"))
    | LEAD_DOCUMENT_KINDS
)
POSSESSIVE_MARKS: tuple[str, ...] = ("'s", "’s")
HEAD_ROLES: frozenset[str] = frozenset(words("head leader chief director boss chairman chairwoman chair"))
# How far before a name a gendered noun is read ("her husband, Cooke Maroney").
GENDER_NOUN_REACH = 24
# A lead that describes its person by a role alone ("The information commissioner says", "its chief executive has
# said"): the determiners that make the role one person's, and how many words it runs to.
ROLE_LEAD_DETERMINERS: frozenset[str] = frozenset(words("the its his her their"))
MAX_LEAD_ROLE_WORDS = 4
# Words after a sentence's opening name that make it no lone subject ("Samsung and Apple", "Head of Sales").
SUBJECT_NAME_BREAKS: frozenset[str] = OBLIQUE_PREPOSITIONS | frozenset(words("and or nor"))
# The determiners of a person described by an occupation: "the lawyer", and the outlet's own "our correspondent".
STAFF_DETERMINERS: frozenset[str] = DEFINITE_DETERMINERS | {"our"}
