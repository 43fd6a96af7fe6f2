"""The reporting vocabulary: reporting verbs by class, their forms, and the constructions each reports in (split from
lexicon.py, which re-exports what the rest of the finder reads from it)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def words(block: str) -> list[str]:
    """Word lists are written as whitespace-separated blocks: easy to read and extend."""
    return block.split()


# ---------------------------------------------------------------------------------------------
# Reporting verbs
# ---------------------------------------------------------------------------------------------

# Reporting verbs by class, after Krestel, Bergler and Witte (2008, "Minding the Source"), as PARC 3.0 and PolNeAR
# annotate them (../shared/docs/references.md §4). Each class is written as base forms; its finite forms (-s, -ed and
# the irregular pasts below) and its participles (-ing) are derived by inflect(). Classes whose verbs report in any
# construction are in SPEECH_CLASSES; the ambiguous ones ("show", "find", "call", "accuse") have classes of their own
# below, each used only in the constructions where it reports.
IRREGULAR_PASTS: dict[str, str] = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "find": "found",
    "forecast": "forecast",
    "put": "put",
    "speak": "spoke",
}
# Common irregular pasts: a reported clause's verb ("… says Kolomoisky stole $5.5B") that no -ed ending shows.
IRREGULAR_PAST_VERBS: list[str] = words(
    """
    stole took gave made went came got knew thought saw found left lost paid sold won wrote began became brought
    bought built held kept led meant met ran sent spent stood fell felt grew hid hurt broke chose drove ate fought
    flew forgot forgave froze hung rode rose shook shot sank slept spoke swore swam taught threw woke wore withdrew
    fled told said did heard caught sought struck drew blew dealt lent bent fed sat spun stuck swung clung flung stung
    wept swept crept bore tore strove shone sang rang drank understood undertook mistook overtook arose forbade bled
    sped slid overcame foresaw oversaw upheld withheld
    """
)
IRREGULAR_PAST_FORMS: frozenset[str] = frozenset(IRREGULAR_PAST_VERBS)
# Pasts spelt as their base ("The company cut 500 jobs, saying …", "The government hit back, saying …"): after a common
# noun they end a clause's subject. Not "set", "cast", "cost" or "spread", nouns after a noun as often ("the data set").
BARE_PAST_FORMS: frozenset[str] = frozenset(words("cut put hit quit"))
# Cue verbs that also stand before a noun as its adjective ("told state television that", "state media"): before a
# noun they neither make the word before them a noun nor end a phrase.
ATTRIBUTIVE_CUE_WORDS: frozenset[str] = frozenset(["state"])
# All pasts spelt as their base: in a reported clause after its subject they are its finite verb ("said the car hit a
# tree", "said inflation hit 5%", "said the firm set a deadline"), whatever they are elsewhere.
SAME_FORM_PASTS: list[str] = words("cut put hit quit set shut spread cost split shed bid let beat burst cast hurt")

# Verbs that double their last consonant before -ed and -ing ("admitted", "slamming").
DOUBLING: frozenset[str] = frozenset(words("admit slam blog quip regret commit submit pen dub refer snap"))


def inflect(base: str) -> tuple[str, str, str]:
    """The third person singular, the past and the -ing form of a regular (or listed irregular) verb."""
    consonant_y = base.endswith("y") and base[-2:-1] not in tuple("aeiou")
    if consonant_y:
        third = base[:-1] + "ies"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    else:
        third = base + "s"
    stem = base + base[-1] if base in DOUBLING else base
    if base in IRREGULAR_PASTS:
        past = IRREGULAR_PASTS[base]
    elif consonant_y:
        past = base[:-1] + "ied"
    elif base.endswith("e"):
        past = base + "d"
    else:
        past = stem + "ed"
    ing = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else stem + "ing"
    return third, past, ing


# Past participles that differ from the past ("has written", "have shown that"): finite with their auxiliary.
IRREGULAR_PARTICIPLES: dict[str, str] = {"write": "written", "show": "shown", "speak": "spoken"}


# Verbs whose final l doubles in British spelling only ("labelled", "labeled"): both forms are made.
BRITISH_DOUBLING: frozenset[str] = frozenset(words("label"))


def finite_forms(bases: list[str]) -> list[str]:
    """The -s and past forms of each base ("says", "said"), and an irregular past participle ("written")."""
    forms = [form for base in bases for form in inflect(base)[:2]]
    forms += [base + base[-1] + "ed" for base in bases if base in BRITISH_DOUBLING]
    return forms + [IRREGULAR_PARTICIPLES[base] for base in bases if base in IRREGULAR_PARTICIPLES]


def participles(bases: list[str]) -> list[str]:
    """The -ing form of each base ("saying")."""
    return [inflect(base)[2] for base in bases] + [
        base + base[-1] + "ing" for base in bases if base in BRITISH_DOUBLING
    ]


# Classes whose verbs report whatever follows them (a quote, a that-clause, a bare clause), one reason each.
SPEECH_CLASSES: dict[str, list[str]] = {
    # neutral speech acts: the source said something, with no stance taken
    "neutral": words("say tell add state announce declare explain note remark mention comment observe reiterate"),
    # exchanges: the statement answers or asks
    "exchange": words("reply respond ask counter"),
    # writing and publication, in print or online
    "writing": words("write tweet blog"),
    # assertion and argument: the source stands by a disputed claim
    "argument": words("testify insist claim argue contend maintain assert allege stress emphasize emphasise"),
    # warnings and directives: the source tells someone what to do or fear
    "directive": words("warn caution urge demand"),
    # proposals and predictions: what should or will happen
    "proposal": words("propose suggest recommend predict hint"),
    # commitments: the source binds itself ("vowed to keep trying")
    "commissive": words("promise vow pledge threaten"),
    # concession and confirmation: the source grants a point
    "concession": words("admit acknowledge concede confirm confess"),
    # denial: the source rejects a claim ("denied that")
    "denial": words("deny"),
    # complaint: the source voices a grievance
    "complaint": words("complain"),
    # narration: the source tells of the past or how something is
    "narration": words("recall recount elaborate remember"),
    # conclusion and estimate: a judgement stated as a finding
    "conclusion": words("conclude estimate"),
    # disclosure: the source makes something known
    "disclosure": words("disclose reveal"),
}
SPEECH_VERBS: frozenset[str] = frozenset(base for bases in SPEECH_CLASSES.values() for base in bases)

# Classes whose verbs report only with a that-clause, a quote or a colon (WEAK_CUES): their plain object or bare use is
# mostly no report ("shouted at him", "groaned"). After VerbNet's speech classes (manner of speaking 37.3, say 37.7,
# complain 37.8, conjecture 29.5) and the Krestel-Bergler-Witte list, without the homographs of nouns ("protest",
# "object", "reason") or adjectives ("certified", "labeled", "documented": "says certified nutritionist X") and without
# beliefs (think, reckon: kind "belief").
WEAK_SPEECH_CLASSES: dict[str, list[str]] = {
    # manner of speaking: how the words were said, and the moods said words carry (VerbNet 37.3, 31.3 said aloud)
    "manner": words(
        "shout scream yell whisper mutter murmur mumble exclaim groan grumble blurt stammer muse marvel enthuse gush "
        "rave scoff sneer chuckle gloat fume interject laugh sigh chant cry wail holler bellow hiss growl snarl "
        "snap whine moan stutter drawl interrupt tease"
    ),
    # restating and making precise what was said (VerbNet say-37.7, transfer_mesg-37.1)
    "clarification": words("clarify reaffirm restate reassure summarize summarise corroborate convey confide notify"),
    # contradiction and inquiry: a claim rejected or a question put (VerbNet 37.1, inquire-37.1.2)
    "contradiction": words("refute contradict inquire enquire"),
    # complaint and regret
    "complaint": words("lament bemoan gripe"),
    # assertion in writing or under oath, and retorts
    "assertion": words("affirm aver attest opine pen scribble retort rebut concur"),
    # conjecture: a claim put forward to be tested
    "conjecture": words("hypothesize hypothesise theorize theorise posit postulate surmise conjecture stipulate"),
    # promotion and denunciation in speech
    "promotion": words("brag tout trumpet preach decry deplore"),
}
WEAK_SPEECH_VERBS: list[str] = sorted({base for bases in WEAK_SPEECH_CLASSES.values() for base in bases})
# Labelling (VerbNet characterize-29.2, speech-like members): "describes the upgrades as a bonus", "portray phone use
# as detrimental", "has presented itself as an alternative": a report with an object and "as", or a quote; weak alone.
LABEL_VERBS: list[str] = words("describe characterize characterise portray depict present define dismiss compare")

# Findings of documents, polls, studies and data ("the report found", "data show"): these verbs report only with a
# that-clause, a quote or a colon (WEAK_CUES), or with a bare clause when their subject is a document (DOCUMENT_NOUNS);
# otherwise they are literal ("found the keys", "shows the way").
FINDING_VERBS: list[str] = words("find show indicate demonstrate")
# Rejection: "rejected the claim that", "disputed that": literal with a plain object ("rejected the bid"), so these
# report only with a that-clause, a quote or a colon (WEAK_CUES).
REJECTION_VERBS: list[str] = words("reject dispute")
FINDING_FORMS: frozenset[str] = frozenset(finite_forms(FINDING_VERBS) + FINDING_VERBS)
# Their participles report right after a document only ("papers showing that …", "a memo indicating that …");
# after a clause they are the writer's inference ("Sales rose, showing that …"). "finding" is a noun too: left out.
FINDING_PARTICIPLES: frozenset[str] = frozenset(participles(words("show indicate demonstrate")))

# Heads of a subject that make a finding verb report: documents, polls, studies, data and their results.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    words(
        """
    study studies report reports research survey surveys poll polls polling data analysis analyses review reviews
    results findings figures statistics numbers count census paper papers modelling modeling model models trial
    trials audit audits investigation inquiry test tests evidence records documents breakdown estimates experiment
    experiments assessment evaluation projections filing filings ruling rulings memo memos transcript transcripts
    literature notebook notebooks
    """
    )
) | frozenset(
    # and those who find for a living: researchers, investigators, courts
    words("researchers researcher scientists scientist investigators investigator court judge jury authors analysts")
)
# Records that find or show without speaking for anyone ("the comparison found that", "the chart shows"): subjects
# of a finding verb only, so they never become a speaker the way a document does. Not pictures: "footage showed a car
# marked 'TV'" depicts a scene.
RECORD_NOUNS: frozenset[str] = frozenset(
    words("comparison comparisons article articles chart charts graph graphs table tables audio")
)
# What makes a finding verb report, read once: documents, those who find for a living, and records.
FINDING_SUBJECT_NOUNS: frozenset[str] = DOCUMENT_NOUNS | RECORD_NOUNS

# Evaluation: the source judges someone, reported only with an object and its grounds ("accused X of Y", "praised X
# for Y", "condemned X as Y") or a quoted label ("slammed the plan as 'a disaster'"); alone they are deeds, not speech.
# After VerbNet's judgment-33 class, its members that are said (not "fine", "pardon", "prosecute"; not "hail": "hailed
# signs of hope", "hail a cab").
EVALUATION_VERBS: list[str] = words(
    """
    accuse blame criticize criticise condemn blast slam praise brand pillory lambaste lambast castigate censure
    chastise chide commend compliment congratulate denounce deride disparage excoriate fault laud mock rebuke
    reprimand reproach ridicule scold upbraid vilify applaud
    """
)
# Naming and calling on: "called X 'Y'", "called on X to Y", "called for Y"; any other "call" is a phone call.
CALL_VERBS: list[str] = words("call")
# Naming (VerbNet dub-29.3, its members that name in words, and "refer to … as"): "dubbed it 'the beast'", "what
# critics nicknamed 'X'", "was referred to as 'Y'"; reported only with a quoted name, as "referred him to a specialist"
# names no words. Not "term": "in terms of" is everywhere, and every cue costs its paragraph a sentence split. Not
# "deem": its forms are belief verbs ("deemed to be", beliefs.py).
NAMING_VERBS: list[str] = words("dub nickname christen crown refer label")
# Their past participles, which after a comma are passives ("a new phone, dubbed “X” by fans"); not "crowned": its
# passive's quoted title ("was crowned “Player of the Year”") is an award, nobody's words; its active names the judge;
# not "labelled": a passive label is mostly a thing's ("the attachment is labelled “joke”").
NAMING_PARTICIPLES: frozenset[str] = frozenset(
    past for base in NAMING_VERBS if base not in ("crown", "label") for past in finite_forms([base])[1:]
)
# The forms of all three, each reported only in its construction (cues.object_construction).
CONSTRUCTION_FORMS: frozenset[str] = frozenset(
    (EVALUATION_VERBS + CALL_VERBS + NAMING_VERBS)
    + finite_forms(EVALUATION_VERBS + CALL_VERBS + NAMING_VERBS)
    + participles(EVALUATION_VERBS + CALL_VERBS + NAMING_VERBS)
)
CALL_FORMS: frozenset[str] = frozenset(finite_forms(CALL_VERBS) + participles(CALL_VERBS) + CALL_VERBS)
NAMING_FORMS: frozenset[str] = frozenset(finite_forms(NAMING_VERBS) + participles(NAMING_VERBS) + NAMING_VERBS)
# "refer" names only through "as" ("referred to it as “X”"): its fronted object is what is meant, no name ("what I'm
# referring to").
REFER_FORMS: frozenset[str] = frozenset(["refer", *inflect("refer")])
# The words after an evaluation verb's object that give its grounds.
EVALUATION_GROUNDS: frozenset[str] = frozenset(words("of for as over"))

# Participial cues ("…, noting that …") take the subject of the clause they hang on.
PARTICIPLE_CUES: frozenset[str] = frozenset(
    words(
        """
    noting adding saying telling highlighting warning arguing explaining stressing insisting urging
    writing emphasizing emphasising stating claiming acknowledging citing reporting
    """
    )
) | frozenset(
    participles(sorted(SPEECH_VERBS))
    + participles(EVALUATION_VERBS + CALL_VERBS + NAMING_VERBS + WEAK_SPEECH_VERBS + LABEL_VERBS)
    + sorted(FINDING_PARTICIPLES)
)

# Participles of the speech classes report a bare clause too ("…, admitting she saw it").
SPEECH_PARTICIPLES: frozenset[str] = frozenset(participles(sorted(SPEECH_VERBS)))
# After "while", "before" or "after" only these report a bare clause ("while claiming they don't need to"); the rest
# need "that", a quote or a colon ("while maintaining high yields", "before writing this post" are deeds).
PLAIN_SPEECH_PARTICIPLES: frozenset[str] = frozenset(
    participles(
        words(
            "say claim argue insist announce state warn note add tell explain admit deny acknowledge concede "
            "promise vow threaten"
        )
    )
)

# After "by" these report, the means being speech ("responded by saying that …", "hit back by branding X 'Y'"), with a
# that-clause, a quote, a colon or their construction; not "adding" ("by adding a file" is a deed).
MEANS_PARTICIPLES: frozenset[str] = (PLAIN_SPEECH_PARTICIPLES - frozenset(["adding"])) | frozenset(
    participles(EVALUATION_VERBS + CALL_VERBS + NAMING_VERBS)
)

# Messages, and the documents above: a speech participle right after one reports what it says ("issued a statement
# saying …", "a letter to schools warning that …", "a note from someone in our team saying that …"); the message is the
# source (GUIDELINES §1: the document is the source).
MESSAGE_NOUNS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    words(
        """
    statement statements letter letters note notes tweet tweets post posts email emails e-mail message messages notice
    notices release releases memo announcement announcements sign signs banner banners advert adverts advertisement
    video videos petition petitions complaint complaints lawsuit lawsuits editorial editorials article articles column
    text texts circular bulletin alert alerts update updates blog op-ed headline headlines caption
    """
    )
)
# Verbs that make their subject a message's author ("issued a statement saying …", "posted a tweet saying …"); not
# "shared" or "circulated": "He shared a post saying …" is someone else's post. "published" and "signed" make the
# author of a document a body makes (OWN_DOCUMENT_HEADS: "The agency published a report saying …"), not of a letter
# or a petition ("The newspaper published a letter arguing …", "She signed a petition saying …").
DOCUMENT_AUTHORING_BASES: frozenset[str] = frozenset(words("publish sign"))
DOCUMENT_AUTHORING_FORMS: frozenset[str] = frozenset(finite_forms(sorted(DOCUMENT_AUTHORING_BASES)))
# Their base forms, after "to" ("were first to publish papers showing …").
AUTHORING_BASES: frozenset[str] = (
    frozenset(words("issue release post tweet file write send put")) | DOCUMENT_AUTHORING_BASES
)
AUTHORING_FORMS: frozenset[str] = (
    frozenset(finite_forms(words("issue release post tweet file write")) + words("sends sent put puts"))
    | DOCUMENT_AUTHORING_FORMS
)
OWN_DOCUMENT_HEADS: frozenset[str] = frozenset(
    words(
        "report reports study studies statement statements declaration declarations analysis review survey paper"
        " papers memo memorandum communique order decree"
    )
)

# Base-form verbs are only finite after a plural subject; keep them out of verb-first (inverted) use. These report
# after any plural subject; PLURAL_REPORT_BASE_FORMS below after a third-person one only.
ANY_SUBJECT_BASE_FORMS: frozenset[str] = frozenset(
    words(
        """
    say tell explain argue note warn claim insist suggest stress conclude highlight emphasize
    emphasise acknowledge admit announce confirm deny recommend predict urge report write add
    """
    )
) | frozenset(FINDING_VERBS + EVALUATION_VERBS + CALL_VERBS + NAMING_VERBS + WEAK_SPEECH_VERBS + LABEL_VERBS)

# Requests and orders (GUIDELINES §1): an addressee, then the to-infinitive that is the content ("urged lawmakers
# to pass the bill", "told her to stop"); the cue runs over the addressee. After VerbNet's urge-58.1, order-60,
# advise-37.9 and force-59 classes. The speech verbs among them report in other constructions too; the others
# (DIRECTIVE_ONLY_VERBS) only in this one ("pushed the car", "invited guests" are deeds).
DIRECTIVE_SPEECH_VERBS: list[str] = words("ask tell urge warn advise instruct remind beg implore")
DIRECTIVE_ONLY_VERBS: list[str] = words("order persuade request push lobby plead appeal")
# The other speech classes' base forms ("Prosecutors allege that …", "Critics contend that …"): after a third-person
# plural subject only, and only with a that-clause, a quote or a colon, as most are nouns too ("the claims", "a
# promise") or literal with an object ("would maintain the reputation"), and "I remember", "we propose" tell no one's
# report but the writer's.
PLURAL_REPORT_BASE_FORMS: frozenset[str] = (
    frozenset(SPEECH_VERBS)
    - ANY_SUBJECT_BASE_FORMS
    - frozenset(words("remember recall"))
    - frozenset(DIRECTIVE_SPEECH_VERBS)
)
BASE_FORMS: frozenset[str] = ANY_SUBJECT_BASE_FORMS | PLURAL_REPORT_BASE_FORMS
# Words that end a request's addressee: clause and prepositional words ("order that …", "ask them how to …"), a
# negation, which opens the request itself ("asked not to be named"), and a plea's ("pleaded guilty to fraud").
NOT_OBJECT_WORDS: frozenset[str] = frozenset(
    words(
        """
    that which who whom whose how what why where when whether if and or but before after in on at for from of about
    during by into than as is are was were be been will would has have had not never guilty innocent
    """
    )
)
DIRECTIVE_FORMS: frozenset[str] = frozenset(
    (DIRECTIVE_SPEECH_VERBS + DIRECTIVE_ONLY_VERBS)
    + finite_forms(DIRECTIVE_SPEECH_VERBS + DIRECTIVE_ONLY_VERBS)
    + participles(DIRECTIVE_SPEECH_VERBS + DIRECTIVE_ONLY_VERBS)
)

# Display and opening verbs: a sign, a comment, a post "reads" or "began" with the words quoted ('one comment read
# "…"', '"…," one response began'); weak, as they are literal otherwise ("read the book", "began work").
DISPLAY_CUES: frozenset[str] = frozenset(words("read reads began begins advertised advertises"))

# Retorts and interjections with their particle ('"…," she shot back', '"…," Lee chimed in', '"…," he went on'):
# they report a quotation or a that-clause only ("hit back at reports that …": the that-clause is the reports');
# see PARTICLE_CUES.
RETORT_FORMS: frozenset[str] = frozenset(words("shot shoots fired fires hit hits chimed chimes piped went goes"))

# Finite reporting verbs: the speech classes' finite forms, the base forms and the participles above, and these forms
# that no class derives (sharing, pointing, joking verbs), each listed once. Beliefs (think, believe) are excluded by
# the guidelines. "advise", "cite", "point" are base forms allowed verb-first.
UNCLASSED_CUE_FORMS: frozenset[str] = frozenset(
    words(
        """
    reported reports posted posts continued continues boasted boasts answered answers quipped quips joked jokes
    highlighted highlights pointed points underscored underscores underlined underlines endorsed endorses proclaimed
    proclaims advised advises assured assures reminded reminds informed informs shared shares forecast forecasts
    projected projects cites cited cite advise flagged flags point agrees agreed divulged divulges instructed
    speculates speculated offers offered puts put rumored rumoured ruled
    """
    )
)
# Reporting verbs whose base and -s forms are nouns ("the protests", "an object", "the reason", "the charges", "its
# implications" aside), which the classes leave out: their past only, and only with a that-clause, a quote or a colon
# (WEAK_CUES: "protested the ruling" reports nothing). Not "pleaded": its quoted charge ("pleaded guilty to
# “conspiracy”") is no one's words; it reports as a request ("pleaded with them to stay"). Not "charged": a price's
# ("the fees charged that viewers pay", "we charged what the card said") far more often than an accuser's.
PAST_ONLY_CUES: frozenset[str] = frozenset(
    words("protested objected reasoned signalled signaled implied intimated specified")
)
SPEECH_CUE_VERBS: frozenset[str] = (
    UNCLASSED_CUE_FORMS
    | PAST_ONLY_CUES
    | frozenset(finite_forms(sorted(SPEECH_VERBS)))
    | frozenset(finite_forms(FINDING_VERBS + REJECTION_VERBS))
    | CONSTRUCTION_FORMS
    | BASE_FORMS
    | PARTICIPLE_CUES
    | frozenset(finite_forms(WEAK_SPEECH_VERBS + LABEL_VERBS))
    | frozenset(words("made makes make"))  # with their particle only (PARTICLE_CUES: "made clear that")
    | RETORT_FORMS  # and these ("shot back", "summed up")
    | frozenset(words("summed sums"))
    | DISPLAY_CUES
)
# The forms that report only in a request ("ask", "pushed", "persuading"); the rest report in any construction.
DIRECTIVE_ONLY_FORMS: frozenset[str] = DIRECTIVE_FORMS - SPEECH_CUE_VERBS
CUE_VERBS: frozenset[str] = SPEECH_CUE_VERBS | DIRECTIVE_FORMS

# Advice-type verbs report a recommendation even with a plain object ("She advises cold brew coffee").
OBJECT_CONTENT_CUES: frozenset[str] = frozenset(
    words(
        """
    recommends recommended recommend advises advised advise suggests suggested suggest urges urged
    urge stresses stressed stress highlights highlighted highlight cites cited cite warns warned
    emphasizes emphasized emphasises emphasised points pointed
    """
    )
    # and "citing" after a comma ("…, citing concerns over safety"); not the others' participles, which with a plain
    # object mostly describe ("a product video highlighting its features")
) | frozenset(["citing"])

# Verbs that also make or make known a thing (GUIDELINES §2, a content is a proposition): "wrote my first code",
# "added a few big clusters", "announced new variants of its Xbox", "promises a wide range of benefits". After them a
# bare content must be a clause with a finite verb (patterns.STRONG_VERB_RE or an irregular past), not a plain object
# whose plural noun looks like a verb in -s.
MAKING_VERBS: list[str] = words("write add announce tweet blog post mention explain reveal disclose promise")
MAKING_FORMS: frozenset[str] = frozenset(MAKING_VERBS + finite_forms(MAKING_VERBS) + participles(MAKING_VERBS))
# Reporting verbs with a common sense that takes a plain object, in sports and court reports above all ("conceded
# twice", "claimed two wickets", "admitted 14 counts of fraud", "denied the charges", "warned both captains"): their
# bare content must be a clause with a finite verb too (GUIDELINES: a bare noun phrase is no content).
OBJECT_SENSE_VERBS: list[str] = words("admit deny concede claim warn confirm acknowledge dispute")
OBJECT_SENSE_FORMS: frozenset[str] = frozenset(
    OBJECT_SENSE_VERBS + finite_forms(OBJECT_SENSE_VERBS) + participles(OBJECT_SENSE_VERBS)
)
# Nouns whose infinitive or that-clause is a proposition ("announced plans to acquire …", "announced its decision to
# leave", "announced a scheme to make the UK a hub", "a package of measures to help families"): as a making verb's
# object they carry what was made known.
PROPOSITION_NOUNS: list[str] = words(
    "plan plans intention intentions decision decisions bid deal agreement move proposal proposals commitment pledge"
    " strategy strategies programme programmes program programs policy policies measure measures package packages"
    " scheme schemes initiative initiatives"
)
# "promise" reports a thing promised to people ("promised voters a referendum"), not a thing alone.
PROMISE_FORMS: frozenset[str] = frozenset(["promise", *inflect("promise")])
# "add" puts a thing somewhere: a quotation after it and then "to the …" is what was added, not words said.
PLACING_FORMS: frozenset[str] = frozenset(["add", *inflect("add")])

# Predictions, proposals and conclusions in a raising passive ("temperatures are forecast to reach …", "wearables are
# proposed to have …", "it was concluded that …"): reports with an infinitive or a that-clause only ("was proposed to
# the president" is a delivery, "was estimated at $5m" a figure).
RAISING_PASSIVE_FORMS: frozenset[str] = frozenset(
    inflect(base)[1] for base in SPEECH_CLASSES["proposal"] + SPEECH_CLASSES["conclusion"] + words("forecast")
)
# Of those, advice takes a that-clause only: "is recommended to treat …", "to get the most out of …" is a purpose or
# the writer's own advice, "it is recommended that …" a report.
THAT_ONLY_RAISING_FORMS: frozenset[str] = frozenset([inflect("recommend")[1]])
# Passive reports with no agent, or with one after "by" ("we are told that", "she was asked to", "it was reported
# that", "was described as", "was nicknamed 'X'"): the source is unnamed (null) unless "by" names it.
PASSIVE_REPORT_FORMS: frozenset[str] = (
    frozenset(
        words(
            "told said asked reported rumored rumoured alleged described defined advised warned urged instructed quoted"
        )
    )
    | RAISING_PASSIVE_FORMS
    | NAMING_PARTICIPLES
    | frozenset(inflect(base)[1] for base in EVALUATION_VERBS)  # "is accused of …", "was blamed for …"
)
# An evaluation in the passive reports only its grounds ("was blamed for scores of accidents", "is accused of …",
# "has been praised as …"); "was criticized" alone judges in no words.
EVALUATION_PASSIVES: frozenset[str] = frozenset(inflect(base)[1] for base in EVALUATION_VERBS)

# Verbs that only count as a cue when followed by "that", a quote or a colon (too often literal).
WEAK_CUES: frozenset[str] = frozenset(
    words(
        """
    shared shares showed shows found finds projected projects continued continues posted posts
    described describes agrees agreed offers offered reported reports reporting estimated estimates forecast
    forecasts underscored underscores underlined underlines revealed reveals informed informs
    advised advises reminded reminds endorsed endorses instructed answered answers ruled
    """
    )
) | frozenset(
    finite_forms(FINDING_VERBS + REJECTION_VERBS + WEAK_SPEECH_VERBS + LABEL_VERBS)
    + FINDING_VERBS
    + sorted(PLURAL_REPORT_BASE_FORMS)
    + WEAK_SPEECH_VERBS
    + LABEL_VERBS
    + sorted(DISPLAY_CUES)
    + sorted(PAST_ONLY_CUES)
    # and their progressive ("are touting the efficiency of …" is promotion, not a report)
    + participles(FINDING_VERBS + REJECTION_VERBS + WEAK_SPEECH_VERBS + LABEL_VERBS)
)
# Labelling verbs' forms, which report an object with "as" even though weak (content.forward_content).
LABEL_FORMS: frozenset[str] = frozenset(LABEL_VERBS + finite_forms(LABEL_VERBS) + participles(LABEL_VERBS))
# Verbs whose content is an object and its label, never a clause: a coordinated verb after it is its subject's next
# statement ("described the ban as 'ridiculous' but said …"), not the content's own ("said the decision … and showed").
OBJECT_LABEL_FORMS: frozenset[str] = LABEL_FORMS | CONSTRUCTION_FORMS
# Of those, the ones whose "as" is a label only before a quotation: "dismissed the audit as “a stunt”", not "dismissed
# students early as a precaution" or "dismissed its coach as losses mounted" (sending away, an adverbial "as").
QUOTED_LABEL_FORMS: frozenset[str] = frozenset(
    words("dismiss") + finite_forms(words("dismiss")) + participles(words("dismiss"))
)

# Weak cues that report a bare clause after a named source ("Mashable reports the company announced …").
NAMED_REPORT_FORMS: frozenset[str] = frozenset(words("reports reported revealed reveals"))
# Report verbs that credit a name after them in inverted order, an outlet's scoop ("…, reports The Record.").
INVERTED_REPORT_FORMS: frozenset[str] = frozenset(words("reports reported"))
# Weak cues of report, disclosure, ruling and estimate, whose complement clause drops "that" as said's does ("Officials
# reported the plane had crashed", "The judge ruled Trump and his co-defendants were liable", "estimated the cost
# would double"): after any source they report a bare clause whose verb is an auxiliary or a modal (an -ed form may be
# an object's adjective: "reported increased sales").
BARE_CLAUSE_REPORT_FORMS: frozenset[str] = NAMED_REPORT_FORMS | frozenset(
    words("ruled rules estimated estimates forecast forecasts projected projects")
)

# Memory verbs report a gerund clause too ("She recalls being out at a party …", "recounted hearing a bang").
# The narration class but "elaborate", which tells no memory.
MEMORY_FORMS: frozenset[str] = frozenset(
    finite_forms([base for base in SPEECH_CLASSES["narration"] if base != "elaborate"])
)

# Verbs whose gerund is a reported act (GUIDELINES §1, the paragraph set's README: "20% reported receiving therapy",
# "denied taking the money", "admitted lying to investors"), besides the memory verbs.
GERUND_REPORT_FORMS: frozenset[str] = MEMORY_FORMS | frozenset(
    finite_forms(words("report deny admit")) + words("report deny admit")
)
# Speech verbs whose topic after "of" or "about" is a report when it quotes ('complained of the "scale of
# misrepresentation"', 'warned of "chaos"'); without a quotation it is a topic, no proposition ("warned about fraud").
TOPIC_QUOTE_FORMS: frozenset[str] = frozenset(finite_forms(words("complain warn boast brag joke")))
# Verbs whose to-infinitive is a claim ("Many sprays claim to use neem oil", "claimed to have seen it").
CLAIM_INFINITIVE_FORMS: frozenset[str] = frozenset(finite_forms(words("claim")) + words("claim"))

# Commitment verbs report their infinitive ("vowed to keep trying").
VOW_CUES: frozenset[str] = frozenset(
    words(
        "vowed vows pledged pledges promised promises threatened threatens urged urges "
        "vowing pledging promising threatening"  # "…, threatening to have him removed": the participles too
    )
)
# The participles among them: also said of things ("clouds threatening to ruin the day", "a stadium promising to
# transform the city"), so they report only after a source that can speak.
VOW_PARTICIPLES: frozenset[str] = frozenset(word for word in VOW_CUES if word.endswith("ing"))

# Verbs whose object is a statement, never a thing: after them a subject listing its items ("said low cost, small size
# and users' habits could …") opens a clause ("maintains a supply chain, and …", "declared victory, …" have objects).
STATEMENT_ONLY_BASES: list[str] = words("say claim insist argue contend assert allege testify")
STATEMENT_ONLY_FORMS: frozenset[str] = frozenset(
    STATEMENT_ONLY_BASES + finite_forms(STATEMENT_ONLY_BASES) + participles(STATEMENT_ONLY_BASES)
)

# Verbs that report or forecast a figure or an event as their plain object ("Amtrak reported no major
# delays", "predicted heavy snowfall", "forecast demand at near-record levels": GUIDELINES 9).
# Pasts only: "reports"/"forecasts" are as often nouns ("Canada reports monthly GDP", "economic forecasts covering").
# Not "estimated": "estimated the damage" reports no figure without its "at $1m".
FIGURE_REPORT_FORMS: frozenset[str] = frozenset(inflect(base)[1] for base in words("report predict forecast"))

# Speech verbs whose addressee follows "to" and belongs to the cue ("confirmed to The Verge", "explained to me").
TO_ADDRESSEE_CUES: frozenset[str] = frozenset(
    finite_forms(words("say confirm explain describe admit complain reveal deny announce declare insist stress write"))
)

# Verbs whose object (the addressee) belongs to the cue: "told reporters", "asked the BBC".
OBJECT_CUES: frozenset[str] = frozenset(
    words("told tells tell asked asks informed informs assured assures reminded reminds advised advises")
)

# Verbs whose addressee, any noun phrase, comes before "that", a colon or a quote ("warned residents that …",
# "promised voters: “…”"): the object cues and these (VerbNet advise-37.9, promise-37.13 with an addressee).
ADDRESSEE_CUES: frozenset[str] = OBJECT_CUES | frozenset(
    inflect(base)[i] for base in words("warn promise reassure notify") for i in (0, 1)
)

# Verbs that report only with their particle: "pointed out", "points to", "puts it".
PARTICLE_CUES: dict[str, str] = {
    "pointed": "out|to",
    "points": "out|to",
    "point": "out|to",
    "puts": "it",
    "put": "it",
    # "made (it) clear that": to make clear is to state
    "made": "clear|it clear",
    "makes": "clear|it clear",
    "make": "clear|it clear",
    # retorts and interjections ('"…," she shot back', '"…," Lee chimed in'), summaries ('"…," he summed up')
    "shot": "back",
    "shoots": "back",
    "fired": "back",
    "fires": "back",
    "hit": "back",
    "hits": "back",
    "chimed": "in",
    "chimes": "in",
    "piped": "up",
    # not "went on to add": the catenative frame of its infinitive's cue
    "went": r"on(?!\s++to\b)",
    "goes": r"on(?!\s++to\b)",
    "summed": "up|it up",
    "sums": "up|it up",
}

# Prepositional cues, whose source follows them ("according to the report", ", per the tracker", "as noted by Smith",
# "In the words of Marie Kondo: …"): the cue and source sit at the start of the sentence, at its end, or between commas
# inside it.
PREPOSITIONAL_CUES: frozenset[str] = frozenset(
    ["according to", "per", "in the words of"]
    + [f"as {verb} by" for verb in words("noted reported explained described stated detailed outlined")]
    # "…, as first reported by The Information.": a scoop credited with the time it broke
    + [f"as {adverb} reported by" for adverb in words("first previously originally earlier")]
)

# Transcript roles that are the programme's own voices ("SACHA PFEIFFER, HOST:").
TRANSCRIPT_ROLES: frozenset[str] = frozenset(words("HOST BYLINE ANCHOR CORRESPONDENT REPORTER PRODUCER"))
# Labels a page gives its own lines ("UPDATE:", "Note:"), upper-cased: before a colon they name no speaker.
EDITORIAL_LABELS: frozenset[str] = frozenset(
    words("UPDATE UPDATED NOTE CORRECTION EDITOR WATCH READ RELATED PHOTO VIDEO SOURCE SOURCES BREAKING ALSO FAQ")
)

# Openings of a reported clause right after a cue ("said that …", "asked whether …").
CLAUSE_OPENERS: tuple[str, ...] = ("that ", "that,", "how ", "why ", "whether ", "what ")
