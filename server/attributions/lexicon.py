"""The finder's word lists, each written once; lists that share words are composed from each other."""

from __future__ import annotations

import logging

from .vocabulary import DOCUMENT_NOUNS, MESSAGE_NOUNS, words

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------
# Pronouns and subjects
# ---------------------------------------------------------------------------------------------

# Indefinite pronouns that are a source by themselves ("another wrote", "others said", "someone recommended"); never
# resolved to a name ("nobody" and "no one" say nothing: a negated report is none).
INDEFINITE_SOURCES: frozenset[str] = frozenset(words("another others someone somebody everyone everybody"))
# Words that are a whole source alone ('"…," one said', '"…," wrote another'): the indefinites and pronominal "one".
LONE_SOURCES: frozenset[str] = INDEFINITE_SOURCES | frozenset(["one"])

# Auxiliaries right after an -s cue word show it is a plural noun ("30 states have", "some remarks were").
NOUN_THEN_VERB: frozenset[str] = frozenset(
    words("have had are were was is will would can could should may might must do did related")
)

# Pronoun sources, resolved to a named person or body afterwards.
PRONOUNS: frozenset[str] = frozenset(["he", "she", "they", "it", "i", "we", "you"])
# Pronouns that stand for one person: resolved to the last person quoted.
PERSON_PRONOUNS: frozenset[str] = frozenset(["he", "she", "i", "him", "her"])
# Subject pronouns, which open a clause ("many other UI details I asked for", "But he opposed …"); never inside an
# opening adverbial, which takes the object form ("For him, …").
SUBJECT_PRONOUNS: frozenset[str] = frozenset(["i", "we", "you", "they", "he", "she"])
# Pronouns only ever objects ("promised them a vote", "prompted him to say").
OBJECT_PRONOUNS: frozenset[str] = frozenset(["him", "her", "them", "us", "me", "you"])
# Third-person pronouns that repeat a speaker named in the same sentence ("Mattson adds: '…,' he says").
THIRD_PERSON_PRONOUNS: frozenset[str] = frozenset(["he", "she"])
# Plural pronouns: resolved to the last group or body.
PLURAL_PRONOUNS: frozenset[str] = frozenset(["they", "we"])
# Subjects whose report is the writer's own or the reader's ("we propose", "you claim").
FIRST_AND_SECOND_PERSON: frozenset[str] = frozenset(["i", "we", "you"])
# Relative pronouns that open an apposition's clause ("X, who …, said").
RELATIVE_PRONOUNS: frozenset[str] = frozenset(["who", "which", "whose"])
# The words that open a restrictive relative clause on a noun phrase, no comma ("Officials who briefed reporters").
RESTRICTIVE_RELATIVES: tuple[str, ...] = ("who", "which", "that")

# Subjects a base-form cue agrees with: plurals ("people say", "police say", "others find"), and the first and second
# persons ("I recommend", "You argue that"), which take the base form whatever their number.
PLURAL_SUBJECTS: frozenset[str] = PLURAL_PRONOUNS | frozenset(
    words("i you people police data some others many several few both most all")
)
# Words in -s right before a base form that are not a plural subject ("its say", "this report").
NOT_PLURAL_SUBJECTS: frozenset[str] = frozenset(words("its his hers ours theirs yours this was has does is"))
# Endings in -s that do not make a plural noun ("boss", "census", "analysis").
NOT_PLURAL_ENDINGS: tuple[str, ...] = ("ss", "us", "is")


def is_acronym(word: str) -> bool:
    """Capitals only, two or more: an acronym ("WHO", "US", "IT"), never the function word it spells in lower case."""
    return len(word) > 1 and word.isupper()


# Plurals of people without the "-s" looks_plural reads ("The people cheered" is no one person).
IRREGULAR_PERSON_PLURALS: frozenset[str] = frozenset(words("men women people children police staff spokespeople"))


# The hyphens that join words into a compound (hyphen-minus, hyphen, non-breaking hyphen): "so-called", "Biden-era".
HYPHENS = "-\u2010\u2011"

# The possessive's endings, straight and curly ("Trump's", "Trump’s").
POSSESSIVE_ENDINGS: tuple[str, str] = ("'s", "’s")
# A plural's possessive, the mark alone after its "s" ("American Airlines' Kent Powell").
PLURAL_POSSESSIVE_ENDINGS: tuple[str, str] = ("s'", "s’")
# Either: a word that ends in one is an owner's, never a person's name's ("Biden's Lloyd", "Airlines' Kent").
OWNER_ENDINGS: tuple[str, ...] = (*POSSESSIVE_ENDINGS, *PLURAL_POSSESSIVE_ENDINGS)


def looks_plural(word: str) -> bool:
    """A plural noun by its ending ("experts", "officials"), not "witness", "status", "analysis" or a possessive."""
    return word.endswith("s") and not word.endswith(NOT_PLURAL_ENDINGS) and not word.endswith(POSSESSIVE_ENDINGS)


def without_possessive(word: str) -> str:
    """A name or word without its possessive ending ("Al Gore’s" -> "Al Gore")."""
    return word.removesuffix("’s").removesuffix("'s")


def singular_noun(word: str) -> str:
    """A plural noun's singular by its ending ("companies" -> "company", "firms" -> "firm")."""
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def plural_noun(word: str) -> bool:
    """A lowercase word that looks plural and is no clause word ("officials"; not "was", "has", "this")."""
    return looks_plural(word) and word not in NP_BREAK


# Words of the first few after an apposition's comma that show a clause, not a noun phrase.
CLAUSE_WORDS: frozenset[str] = frozenset(words("is are was were will would has have had said says that"))

# ---------------------------------------------------------------------------------------------
# Noun phrases
# ---------------------------------------------------------------------------------------------

# Sentence adverbs that link a clause to the one before ("Critics, however, argue", "Meanwhile research shows").
# A copula, auxiliary or modal that leaves its clause open before a parenthetical cue ("The plan was, he said, …").
OPEN_VERBS: frozenset[str] = frozenset(
    words("is was were are will would could should can may might must has have had be been")
)
CONNECTIVE_ADVERBS: frozenset[str] = frozenset(words("however meanwhile moreover thus therefore instead indeed"))
# Those that stand between commas after a subject, "though" too ("Critics, though, say"): no part of the source.
SET_OFF_ADVERBS: frozenset[str] = CONNECTIVE_ADVERBS | frozenset(["though"])

# Words that never belong to a source noun phrase; the backward scan stops there.
NP_BREAK: frozenset[str] = (
    frozenset(
        words(
            """
    that which who whom whose when while because but or if as after before since though although
    where whether so than then is are was were be been being am will would can could should shall
    may might must do does did not no never to in on at by with from into onto about over under
    between through during without within against upon also has have had having just only even still
    already recently previously later earlier again reportedly once yet this these those there here
    what how why
    """
        )
    )
    | CONNECTIVE_ADVERBS
)

# Clause words that cannot occur in an apposition ("X, a spokesman for Y, said"): the comma is a clause break.
APPOSITIVE_BREAK: frozenset[str] = frozenset(
    words(
        """
    should would will can could may might must is are was were be been has have had do does did you we
    i if that which because but so then than said says told
    """
    )
)

# Determiners open a noun phrase: the backward scan includes them and then stops.
DETERMINERS: frozenset[str] = frozenset(
    words(
        "the a an his her their its our my your some many several most few one another two three four five six seven"
        " eight nine ten"
    )
)

# Singular heads of bodies and documents that name themselves when nothing names them ("the government said" ->
# "government"); a person's job noun ("the spokesman") never does, and "the company" waits for the company's name.
SELF_NAMING_HEADS: frozenset[str] = frozenset(
    words(
        """
    government administration parliament congress senate court council committee ministry military army navy
    manifesto letter legislation law bill memo statement release report study survey poll research analysis review
    audit inquiry investigation document filing lawsuit complaint ruling judgment decision guidance website
    """
    )
)

# Of those, the bodies a story has one of ("the government said" -> "government"); after "the", the others refer back
# to a document or body named before ("the report", "the court"), which speaks, or to no one the text names.
UNIQUE_BODY_HEADS: frozenset[str] = frozenset(
    words("government administration parliament congress senate military army navy")
)
ANTECEDENT_HEADS: frozenset[str] = SELF_NAMING_HEADS - UNIQUE_BODY_HEADS
# Quantities (sources/quantities.py reads a source's number backward; names.group_word keeps a share's group): number
# words, the words that make a number approximate ("about", "more than", "at least"), comparatives, and the heads of a
# share ("73 percent", "About half said").
NUMBER_WORDS: frozenset[str] = frozenset(
    words(
        """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
        eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
        million millions billion dozen dozens"""
    )
)
APPROXIMATORS: frozenset[str] = frozenset(words("about nearly almost roughly around approximately over under some"))
COMPARATIVES: frozenset[str] = frozenset(words("more fewer less"))
SHARE_HEADS: frozenset[str] = frozenset(["percent", "cent", "half", "third", "thirds", "quarter", "majority"])

# Determiners of a definite description ("the report", "this study").
DEFINITE_DETERMINERS: frozenset[str] = frozenset(words("the this that"))
# The articles: a noun phrase's opening that says nothing of its noun but that it is one ("the", "a", "an").
ARTICLES: frozenset[str] = frozenset(words("the a an"))

# Quantifiers and determiners left off a group's name as speaker ("some medical experts" -> "medical experts").
GROUP_DETERMINERS: frozenset[str] = DETERMINERS | frozenset(words("all both plenty of other these those fellow"))
# Singular heads that name a group, a body of findings or a collective ("the industry warns", "the panel agreed"); a
# plural head names one anyway.
GROUP_HEADS: frozenset[str] = frozenset(words("police people data research staff media industry panel jury public"))

# Lowercase words allowed inside a name ("Secretary of State", "Bank of America", "Jean de la Fontaine").
NAME_LINKS: frozenset[str] = frozenset(words("of for and & de da del della di du la le van von der den al bin the"))
# Links after which "the" goes on inside a name ("Secretary of the Treasury").
THE_LINKS: frozenset[str] = frozenset(["of", "for"])
# Links and determiners a forward source never ends on.
DANGLING_SOURCE_END: frozenset[str] = NAME_LINKS | DETERMINERS | frozenset([",", "and"])

# Auxiliaries and adverbs between subject and cue ("has also said", "would later write").
PRE_CUE_SKIP: frozenset[str] = frozenset(
    words(
        """
    has have had also later previously recently then further again earlier once repeatedly publicly
    would will could might may did does do reportedly already separately similarly ultimately
    initially first last often frequently privately allegedly apparently openly explicitly
    subsequently likewise both all always never not still even now usually instead long
    """
    )
)

# Nouns in -ly that may head a source right before its cue ("the family said", "an ally said", "the weekly
# reported"); a capitalised word ("Kelly", "Italy") is never taken for an adverb (sources.py).
NOT_ADVERBS: frozenset[str] = frozenset(words("family ally assembly rally monopoly daily weekly monthly quarterly"))

# Adjectives that tie a post-modifier to the people before them ("People close to the mayor", "officials loyal to the
# president", "sources familiar with the talks"), with the prepositions they take.
LINKING_ADJECTIVES: frozenset[str] = frozenset(words("close closer loyal familiar opposed allied sympathetic near"))
ADJECTIVE_LINKS: frozenset[str] = frozenset(words("to with"))

# The names of the days and months, capitalised as written.
WEEKDAYS: tuple[str, ...] = tuple(words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
MONTHS: tuple[str, ...] = tuple(
    words("January February March April May June July August September October November December")
)
# Weekday/month words and "on" before the cue ("Macron on Tuesday endorsed").
TIME_UNIT_NOUNS: tuple[str, ...] = tuple(words("week month year weekend"))
PRE_CUE_TIME_NOUNS: tuple[str, ...] = WEEKDAYS + MONTHS + TIME_UNIT_NOUNS
# Nouns after a demonstrative "that" in a time phrase ("that year", "that night"): no that-clause opens there.
THAT_TIME_NOUNS: tuple[str, ...] = (
    TIME_UNIT_NOUNS
    + tuple(words("day night morning afternoon evening time season summer winter spring autumn fall"))
    + tuple(day.lower() for day in WEEKDAYS)
)
# One-word times before the cue ("Smith yesterday said").
PRE_CUE_TIME_ADVERBS: tuple[str, ...] = ("yesterday", "today", "tonight")
# What a PRE_CUE_TIME_RE match ends with (else a digit): most cues are ruled out without the search.
PRE_CUE_TIME_ENDS: tuple[str, ...] = PRE_CUE_TIME_NOUNS + PRE_CUE_TIME_ADVERBS

# ---------------------------------------------------------------------------------------------
# Sources, bodies and titles
# ---------------------------------------------------------------------------------------------

# Outlet and body nouns: "the outlet said" resolves to the last organisation named as a source; and the nouns news
# prose describes a company by ("the startup", "the carmaker", "the lender").
ORG_ANAPHORS: frozenset[str] = frozenset(
    words(
        """
    outlet newspaper paper publication agency network broadcaster magazine company firm ministry
    department report study research findings authors group organization organisation website
    startup carmaker automaker retailer insurer lender airline manufacturer chipmaker drugmaker producer
    supplier giant conglomerate
    """
    )
)

# Nouns for another body of the same kind, and a body's own kind, capitalised at a sentence's start before its name
# ("Rival Sony", "Competitor Samsung", "Carmaker Toyota"): what the story says of the body, no word of its name
# (nouns that also open names, "Network Rail", are left out).
RELATION_NOUNS: frozenset[str] = frozenset(words("rival rivals competitor competitors"))
LEADING_KIND_NOUNS: frozenset[str] = RELATION_NOUNS | frozenset(
    words("carmaker automaker chipmaker drugmaker retailer insurer lender broadcaster supplier")
)

# Nationality and regional adjectives: before a document they say where it comes from, not who made it ("a British
# study", "Chinese research"), so they make no speaker. A closed class, listed rather than guessed from endings
# ("-an", "-i") that names share ("Morgan", "Hitachi").
NATIONALITIES: frozenset[str] = frozenset(
    words(
        """
    american british english scottish welsh irish canadian mexican brazilian argentine argentinian chilean colombian
    peruvian venezuelan cuban french german italian spanish portuguese dutch belgian swiss austrian swedish norwegian
    danish finnish icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian
    serbian croatian bosnian slovenian albanian estonian latvian lithuanian georgian armenian azerbaijani kazakh
    uzbek chinese japanese korean taiwanese vietnamese thai malaysian indonesian filipino singaporean indian
    pakistani bangladeshi afghan iranian iraqi syrian lebanese israeli palestinian jordanian saudi emirati qatari
    kuwaiti yemeni egyptian libyan tunisian algerian moroccan nigerian ghanaian kenyan ethiopian somali sudanese
    ugandan tanzanian rwandan congolese angolan zimbabwean zambian african australian european asian arab latin
    nordic scandinavian
    """
    )
)
# Regional adjectives: like a nationality, they place a document rather than make it ("a federal report").
REGIONAL_ADJECTIVES: frozenset[str] = frozenset(
    words("western eastern northern southern federal national regional international global")
)

# Who speaks for a person or body; the name heard is rarely theirs ("the spokesman said").
SPOKESPERSON_NOUNS: frozenset[str] = frozenset(words("spokesperson spokesman spokeswoman"))

# Occupations only a person holds, a job noun that makes the capitalised name right after it a person's
# ("meteorologist Todd Borek", "comedian Chris Tucker"). Nouns a business also goes by are left out: business prose
# puts them before company names ("mobile operator Vodafone", "carmaker Toyota", "financial adviser Lazard", "pollster
# YouGov", "chemist Boots", "miner Glencore", "official Xinhua", "banker Goldman Sachs", "activist Elliott").
OCCUPATION_NOUNS: frozenset[str] = frozenset(
    words("lawyer attorney barrister solicitor prosecutor magistrate paralegal juror")
    + words("doctor physician surgeon nurse midwife paramedic dentist pharmacist psychiatrist psychologist therapist")
    + words("physiotherapist veterinarian epidemiologist virologist immunologist cardiologist oncologist neurologist")
    + words("pediatrician paediatrician dermatologist radiologist obstetrician nutritionist dietitian dietician")
    + words("scientist researcher meteorologist climatologist economist historian sociologist anthropologist")
    + words("archaeologist biologist physicist geologist astronomer astrophysicist mathematician statistician")
    + words("ecologist zoologist botanist geneticist neuroscientist criminologist demographer linguist philosopher")
    + words("theologian professor lecturer academic scholar teacher headteacher headmaster headmistress tutor student")
    + words("actor actress singer songwriter rapper musician guitarist drummer bassist pianist violinist cellist")
    + words("composer dancer choreographer comedian filmmaker film-maker screenwriter playwright novelist poet author")
    + words("writer journalist reporter correspondent columnist photographer painter sculptor illustrator")
    + words("cartoonist presenter newsreader commentator blogger podcaster influencer")
    + words("footballer striker midfielder defender goalkeeper winger quarterback pitcher cricketer batsman golfer")
    + words("boxer wrestler swimmer sprinter cyclist jockey skier gymnast athlete referee umpire teammate")
    + words("politician lawmaker legislator congressman congresswoman councillor councilor councilman councilwoman")
    + words("diplomat envoy campaigner negotiator strategist lobbyist aide staffer analyst")
    + words("detective investigator firefighter soldier veteran pilot astronaut sailor farmer fisherman")
    + words("carpenter plumber electrician mechanic engineer chef waiter bartender driver cashier accountant")
    + words("entrepreneur businessman businesswoman tycoon billionaire millionaire philanthropist")
    + words("priest pastor imam bishop archbishop vicar monk nun preacher cleric librarian curator archivist")
    + words("hairdresser barber nanny housekeeper caregiver carer")
    + words("climber mountaineer hiker runner marathoner skater snowboarder surfer rower diver")
)

# Who leads or stands in for a body, before its "of" ("the head of the Garden Society", "the boss of Harbor Foods"): a
# person, unnamed, not the body.
LEADING_ROLE_NOUNS: frozenset[str] = frozenset(words("head boss deputy"))
# Lowercase heads that can be a source by themselves ("officials said", "the company said"): the outlet and
# body nouns, and these.
SOURCE_NOUNS: frozenset[str] = (
    ORG_ANAPHORS
    | SPOKESPERSON_NOUNS
    | frozenset(
        words(
            """
    spokespeople official officials minister police reports studies
    statement government authorities experts expert analysts analyst researchers researcher lawyers lawyer
    attorney attorneys prosecutors prosecutor residents resident witnesses witness sources source people
    person officer officers author scientists scientist doctors doctor survey document documents filing
    lawsuit complaint court judge team office administration campaign committee board
    council union leaders leader members member critics critic observers economists economist investigators
    investigator spokespersons aide aides advisers adviser advisor advisors diplomats diplomat executives
    executive ceo founder director president chairman chair secretary governor mayor senator lawmakers
    lawmaker representatives representative commission site blog journal media press house military army navy
    ministers regulators regulator data poll polls article release letter memo papers post analysis
    consultant consultants professor teacher students student parents users customers fans players player
    coach manager owner owners partner partners colleague colleagues friend friends family mother father son
    daughter wife husband man woman men women boy girl victim victims survivor survivors staff employees
    employee workers worker activists activist protesters protester groups organizers organisers
    participants respondents voters citizens locals neighbors neighbours developers developer engineers
    engineer designers designer founders co-founder cofounder physician physicians nurse nurses surgeon
    psychologist psychologists therapist therapists dietitian nutritionist trainer bank banks fund funds
    industry sector index chef chefs planner planners guru historian historians journalist journalists reporter
    reporters writer writers columnist columnists editor editors artist artists blogger bloggers presenter
    coordinator coordinators volunteer volunteers
    """
        )
    )
)

# Heads of organisation names: such a name is kept whole, not cut down to a "person" ("Foreign Ministry").
ORG_HEADS: frozenset[str] = frozenset(
    words(
        """
    ministry department office agency committee council commission times post news journal service
    institute university school college bank fund group company corporation inc corp ltd association
    union party government administration court police army navy force forces command organization
    organisation foundation center centre society network press review magazine tribune herald
    telegraph gazette chronicle bureau board authority laboratory lab house parliament congress senate
    coalition alliance federation trust initiative clinic hospital institution consortium league partnership
    """
    )
)

# Heads of the public bodies every country, state or body has one of ("Russia's Defense Ministry", "Ukraine's Air
# Force", "the state's emergency service"): without its owner such a body is no one in particular.
PUBLIC_BODY_HEADS: frozenset[str] = frozenset(
    words(
        """
    ministry department office agency service government administration military army navy force forces command
    police parliament senate congress court commission council committee authority bureau regulator embassy cabinet
    """
    )
)

# Words that make a capitalised name an organisation's, not a person's ("Interior Ministry", "Washington Post").
NOT_PERSON_WORDS: frozenset[str] = ORG_ANAPHORS | frozenset(words("ministry times post news house department"))

# Roles held towards someone or somewhere ("an adviser to the president", "the ambassador to Israel", "aides to
# Hochul"): "to" after one belongs to the source phrase, whose speaker is the role's holder, not its object.
ROLE_TO_NOUNS: frozenset[str] = frozenset(
    words(
        """
    adviser advisers advisor advisors aide aides assistant assistants ambassador ambassadors envoy envoys counsel
    counselor counsellor consultant consultants successor heir deputy deputies liaison emissary representative
    """
    )
)
# Nouns for a person of a people, and party members, that stand for someone named before ("The Spaniard said", "the
# New York Democrat said"): a person's epithet, like an age ("the 31-year-old"), never a name of its own. Nationality
# adjectives used as nouns ("the American", "the Israeli") count too (PERSON_NATIONALITY_ENDINGS).
DEMONYM_NOUNS: frozenset[str] = frozenset(
    words(
        """
    spaniard serb briton frenchman frenchwoman dutchman dutchwoman englishman englishwoman scot welshman welshwoman
    irishman irishwoman swede dane finn pole turk croat kiwi democrat republican
    """
    )
)
PERSON_NATIONALITY_ENDINGS: tuple[str, ...] = ("an", "i")
# Abbreviated titles: title words, and abbreviations whose period does not end a sentence.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(words("mr mrs ms dr prof sen rep gov gen lt col sgt capt maj adm"))
# British police ranks as the BBC and local papers write them ("Det Supt", "Ch Insp", "PC", "DCI"), and "Cllr".
POLICE_RANK_ABBREVIATIONS: frozenset[str] = frozenset(words("det supt insp ch pc dc ds dci dsi acc dcc cllr"))

# A peer or royal named only by title keeps it as the name ("Lord Falconer", "Prince Charles"; GUIDELINES section 9).
NOBLE_TITLES: frozenset[str] = frozenset(
    words(
        "lord lady baron baroness earl countess viscount viscountess marquess marchioness duke duchess prince princess"
        " king queen pope emperor empress"
    )
)
# Title words that only modify a title ("Secretary of State", "Prime Minister", "National Security Adviser") and never
# stand alone before a surname, as "Senator", "Justice" or "Professor" do: before a name alone they are the name's own
# first word ("State Farm", "Prime Video", "National Grid", "Foreign Policy").
TITLE_MODIFIERS: frozenset[str] = frozenset(
    words(
        """
    agriculture air assistant associate commerce defence defense economy education energy executive finance foreign
    health homeland interim interior labor labour national prime security state trade transportation treasury vice
    """
    )
)
# Person titles that head no office of a body (those are ROLE_TITLES, below).
PERSON_TITLE_HEADS: frozenset[str] = frozenset(
    words("professor representative deputy attorney officer detective inspector")
)
# Military ranks (the NATO rank names, STANAG 2116), "rear" of "Rear Admiral" with them; not "major" or "private",
# which start names and bodies ("Major League Baseball").
MILITARY_RANKS: frozenset[str] = frozenset(
    words("admiral rear commodore lieutenant colonel brigadier sergeant corporal marshal ensign")
)
# Endings that make a compound title of a title word ("Editor-in-Chief", "Secretary-General", "President-elect").
COMPOUND_TITLE_ENDINGS: tuple[str, ...] = ("-in-chief", "-general", "-elect", "-designate")

# Title words stripped to get a person's name ("Secretary of State Antony Blinken" -> "Antony Blinken").
TITLE_WORDS: frozenset[str] = (
    TITLE_ABBREVIATIONS
    | POLICE_RANK_ABBREVIATIONS
    | SPOKESPERSON_NOUNS
    | TITLE_MODIFIERS
    | PERSON_TITLE_HEADS
    | MILITARY_RANKS
    | frozenset(
        words(
            """
    president secretary minister general senator governor mayor chief director miss judge justice ceo cfo cto coo
    chairman chairwoman chair ambassador commander king queen prince princess pope cardinal rabbi father sir dame lord
    lady chancellor premier speaker leader head founder co-founder senior junior u.s. us uk u.k. eu u.n. un nato former
    acting council house white party democratic republican democrat army navy force coach manager captain mp mep tory
    dem commissioner superintendent councillor councilor councilman councilwoman comptroller alderman alderwoman sheriff
    archbishop reverend rev imam constable coroner forward winger
    neighbor neighbour parent shopper voter commuter homeowner organizer organiser passenger grandmother
    grandfather pensioner mum dad mom
    """
        )
    )
)

# Title words that head a role, not a name: a source ending in one ("The International Trade Secretary", "the
# Director") names a title, whose holder is the speaker when the text names them ("Trade Secretary Liz Truss"), else
# no one.
ROLE_TITLES: frozenset[str] = SPOKESPERSON_NOUNS | frozenset(
    words(
        """
    president secretary minister director chief governor mayor senator judge chairman chairwoman chair ambassador
    commander king queen prince princess duke duchess pope chancellor premier
    speaker leader founder coach manager captain commissioner superintendent sheriff editor singer actor actress
    ceo cfo cto coo cmo mp mep
    """
    )
)

# Generic head nouns of newspaper names, which keep their "The" ("The New York Times", "The Boston Globe"); other
# bodies drop it ("Congressional Budget Office"). Mastheads themselves are site knowledge (rules/), not listed here.
PUBLICATION_HEADS: frozenset[str] = frozenset(
    words("times post journal herald tribune telegraph gazette chronicle observer globe courier")
)

# Common nouns for a publication after its name ("the Daily Express newspaper", "the Lancet medical journal").
PUBLICATION_NOUNS: frozenset[str] = frozenset(words("newspaper paper journal magazine tabloid broadsheet outlet"))
# Of those, a publication of research its authors made ("a study in the Lancet medical journal"): it makes none of it,
# unlike a news outlet, whose report is its own reporting.
RESEARCH_PUBLICATION_NOUNS: frozenset[str] = frozenset(["journal"])

# Determiners that tie a group to someone else ("our data", "his co-authors", "their lawyers"): the group is that
# someone's, so its bare noun ("data") is no speaker.
POSSESSIVE_DETERMINERS: frozenset[str] = frozenset(words("our my his her their its your"))
# Determiners before a quoted word that make it a word of their noun phrase ('the "heartbroken" mayor'), no statement.
QUOTE_MODIFIER_DETERMINERS: frozenset[str] = DETERMINERS | POSSESSIVE_DETERMINERS
DEMONSTRATIVES: frozenset[str] = frozenset(words("this these those"))
# Opening words of a complement clause's subject (besides a name or a number): "reports that the firm …", "ruled
# there was …"; a relative clause opens with its verb.
COMPLEMENT_SUBJECT_OPENERS: frozenset[str] = DETERMINERS | PRONOUNS | DEMONSTRATIVES | frozenset(["there", "no"])
# Indefinite pronouns that stand for no one in particular ("Everyone agreed", "others said"): no speaker's name.
INDEFINITE_PERSONS: frozenset[str] = frozenset(
    words("everyone everybody someone somebody anyone anybody no-one nobody others another")
)

# Heads of a reason given after "citing" ("…, citing concerns over safety", "citing health reasons"): a plain object
# reports only with one of these (GUIDELINES §2, a proposition; "citing the driver for speeding", "citing her work
# on malaria", "citing Goldman Sachs" are a ticket, an honour's grounds, a source).
REASON_NOUNS: frozenset[str] = frozenset(
    words(
        "reason reasons concern concerns fear fears worry worries risk risks danger dangers threat threats lack need"
        " needs pressure pressures difficulty difficulties problem problems uncertainty shortage shortages failure"
        " failures weakness demand decline slowdown evidence grounds"
    )
)

# What is told, asked or promised, as a reporting verb's plain object ("told stories his grandfather had told him",
# "asked questions the experts could not answer"): a clause after one is a relative clause, no report.
THINGS_TOLD: frozenset[str] = frozenset(
    words("stories story tales lies jokes questions things truths secrets anecdotes details facts")
)

# Plural nouns for the people who speak for a body: after the body's name they name the body ("Con Edison
# officials said" -> "Con Edison").
BODY_MEMBER_NOUNS: frozenset[str] = frozenset(
    words("officials executives representatives spokespeople spokespersons staff employees staffers")
)

# Groups whose members speak for the body they are placed in ("researchers from the MIT Initiative", "officials at
# the agency"), unlike those only found there ("students at the university", "prosecutors in San Francisco"), and the
# prepositions that place them. A body's employees and staff speak about it, not for it ("Staff at the hospital said
# they were exhausted").
SPEAKING_MEMBERS: frozenset[str] = (BODY_MEMBER_NOUNS - frozenset(words("staff employees staffers"))) | frozenset(
    words("researchers scientists analysts economists investigators regulators")
)
GROUP_PLACES: frozenset[str] = frozenset(words("from at of with"))
# Of those, the two that place members in the body they speak for ("analysts at Boston Consulting Group", "economists
# with Wells Fargo"): just "at" and "with"; "from" places them in a country as often ("officials from China").
MEMBERS_PLACES: frozenset[str] = frozenset(words("at with"))

# Heads of what a named maker writes or publishes ("Strava's trends report", "the Institute's release", "Emil's blog
# post"), and of what a person said ("Huang's own remarks"): the maker speaks.
MADE_DOCUMENT_HEADS: frozenset[str] = ANTECEDENT_HEADS | frozenset(
    words("findings data post posts tracker page article blog release update remarks comments forecast forecasts")
)
# Heads of a written document, no body's ("the letter", "the report"; not "the committee"): an "it" right after one
# goes on with it.
WRITTEN_DOCUMENT_HEADS: frozenset[str] = MADE_DOCUMENT_HEADS - ORG_HEADS

# Lowercase particles inside a person's name ("Luis de Miranda", "Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset(words("de da del della di du la le van von der den ter al bin ibn"))

# Titles that tell a person's gender, for the pronouns that may stand for them.
MALE_TITLES: frozenset[str] = frozenset(words("mr sir lord king prince father brother duke baron emperor"))
FEMALE_TITLES: frozenset[str] = frozenset(
    words(
        "mrs ms miss dame lady queen princess mother sister duchess actress heiress empress countess baroness"
        " chairwoman congresswoman councilwoman businesswoman sportswoman"
    )
)
MALE_PRONOUNS: frozenset[str] = frozenset(words("he him his"))
FEMALE_PRONOUNS: frozenset[str] = frozenset(words("she her hers"))
# Nouns for a person that tell the sex, for an unnamed source ("a spokesman", "her sister") a pronoun may follow.
MALE_NOUNS: frozenset[str] = MALE_TITLES | frozenset(
    words("man boy spokesman chairman businessman policeman husband boyfriend son uncle nephew grandfather grandson")
    + words("widower")
)
FEMALE_NOUNS: frozenset[str] = FEMALE_TITLES | frozenset(
    words("woman girl spokeswoman chairwoman businesswoman policewoman wife girlfriend daughter aunt niece grandmother")
    + words("granddaughter widow")
)

# First words of place names, which look like a person's name ("South Carolina", "New York").
PLACE_WORDS: frozenset[str] = frozenset(
    words("north south east west northern southern eastern western new united saint san santa los las fort port mount")
)

# English prepositions (the closed class).
PREPOSITIONS: frozenset[str] = frozenset(
    words("about above across after against along amid among around as at before behind below beneath beside")
    + words("besides between beyond by concerning despite down during except for from in inside into like near of")
    + words("off on onto opposite outside over past per regarding since than through throughout to toward towards")
    + words("under underneath unlike until up upon versus via with within without")
)

# Prepositions that open a post-modifier of a source, cut off its name ("prosecutors in San Francisco",
# "an economist at Moody's", "Gavin Yamey, director of the Centre … at Duke University").
POST_MODIFIER_PREPOSITIONS: frozenset[str] = frozenset(words("in at from with"))

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS: frozenset[str] = TITLE_ABBREVIATIONS | frozenset(
    words(
        """
    st jr sr inc corp co ltd vs etc no jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon est dept
    univ approx fig u.s u.k u.n e.u a.m p.m d.c
    """
    )
)

# Abbreviations that often end a sentence (AP style's "4 p.m.", "the U.S.", "Apple Inc.", "Martin Luther King Jr.").
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(words("a.m p.m u.s u.k u.n e.u d.c inc corp co ltd jr sr"))
# Words that only open a clause, capitalised after such an abbreviation: a new sentence ("4 p.m. Nobody was hurt").
CLAUSE_OPENING_WORDS: frozenset[str] = NP_BREAK | DETERMINERS | PRONOUNS | INDEFINITE_PERSONS

# ---------------------------------------------------------------------------------------------
# Characters and clause glue
# ---------------------------------------------------------------------------------------------

# Marks that only ever close a quote; the straight quote toggles, “ „ « open.
CLOSERS = "”»"
# Marks that may open a quotation.
OPEN_MARKS: tuple[str, ...] = ('"', "“", "„", "«", "‘", "'")
# Closing quotation marks that may end a quote right before a source or cue.
CLOSE_MARKS: tuple[str, ...] = ('"', "”", "»", "’")
# What may start a new sentence: a capital (Latin, common accented) or a digit.
UPPER_START: frozenset[str] = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ÀÁÂÄÇÉÈÊËÍÎÏÑÓÔÖÚÛÜŁŚŻŹ")
# Words that join two phrases or clauses: none is inside a subject's prepositional phrase or modifies a source.
COORDINATORS: frozenset[str] = frozenset(["and", "or", "but", "nor"])
# Conjunctions left dangling at the end of a content cut short ("… outside Ukraine," and).
DANGLING_CONJ: tuple[str, ...] = ("and", "but", "while", "as", "whereas", "or")

# Beliefs and intentions (GUIDELINES.md §1, kind "belief"): scored apart from speech and never shown in the panel.
# Intentions take an infinitive or an object and its infinitive ("plans to", "wants the plants to"); opinions a
# clause ("believe they possess"); knowing and feeling only a that-clause ("know the area" is no belief).
INTENTION_VERBS: list[str] = words("want plan intend hope expect wish prefer")
OPINION_VERBS: list[str] = words("think believe suspect guess")
THAT_ONLY_BELIEF_VERBS: list[str] = words("know feel fear worry understand realize realise")
# Judging (VerbNet consider-29.9): "is widely regarded as …", "are considered to have few risks": a belief in the
# passive only ("we consider the offer" states none), and only with "as" or an infinitive: a bare judgement ("is
# considered spam", "are considered a taker") is mostly a definition. Not "see" nor "view": as frequent as they are,
# every one would cost the belief pass a look, for few passives. Only the participles are looked for ("with regard to",
# "consider this" never hold one), each with its base.
JUDGEMENT_PARTICIPLES: dict[str, str] = {
    "considered": "consider",
    "regarded": "regard",
    "perceived": "perceive",
    "deemed": "deem",
}
JUDGEMENT_VERBS: frozenset[str] = frozenset(JUDGEMENT_PARTICIPLES.values())
# Wondering takes a question ("wonders whether …", "wondered how …").
WONDER_OPENERS: frozenset[str] = frozenset(words("whether if how what when why who where"))
# Each form and its base: "thought" is "think"'s (spelled out: the regular inflection gives "planed", "thinked").
BELIEF_FORMS: dict[str, str] = {
    form: forms.split()[0]
    for forms in (
        "want wants wanted",
        "plan plans planned",
        "intend intends intended",
        "hope hopes hoped",
        "expect expects expected",
        "wish wishes wished",
        "think thinks thought",
        "believe believes believed",
        "suspect suspects suspected",
        "know knows knew known",
        "feel feels felt",
        "fear fears feared",
        "worry worries worried",
        "prefer prefers preferred",
        "guess",
        "understand understands understood",
        "realize realizes realized realise realises realised",
        "wonder wonders wondered",
    )
    for form in forms.split()
} | JUDGEMENT_PARTICIPLES

# Nouns for people, the one-noun addressees taken before a bare clause ("told investors the plan would fail"): the
# source nouns that name people, and audiences; a thing told or asked ("told stories his grandfather had told him")
# is the object, and the clause after it a relative one. A promise's addressee too ("promised voters a referendum").
# Gatherings and askers a told-cue addresses before a bare clause ("told a news conference the talks would resume",
# "told an interviewer she had never watched it").
ADDRESSED_GATHERINGS: frozenset[str] = frozenset(
    words(
        "conference briefing hearing committee rally meeting audience crowd interviewer summit parliament congress"
        " assembly gathering session forum podcast friend friends"
    )
)
ADDRESSED_PEOPLE: frozenset[str] = (
    (
        SOURCE_NOUNS
        - DOCUMENT_NOUNS
        - MESSAGE_NOUNS
        - ORG_ANAPHORS
        - frozenset(words("bank banks fund funds index industry sector site journal document source sources"))
    )
    | BODY_MEMBER_NOUNS
    | IRREGULAR_PERSON_PLURALS
    | frozenset(
        words(
            "investors shareholders cops troops audiences listeners readers viewers supporters followers patients"
            " clients kids pupils jurors judges families"
        )
    )
)
