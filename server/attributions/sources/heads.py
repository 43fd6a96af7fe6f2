"""Where a source's noun phrase starts, from its head: documents with what they are about ("a VentureBeat article
on Zenflow"), heads with their prepositional post-modifiers ("the authors of this review"), names with the links
inside them ("Office on Drugs")."""

from __future__ import annotations

from itertools import pairwise

from ..lexicon import (
    ADJECTIVE_LINKS,
    ARTICLES,
    CLAUSE_WORDS,
    DEMONSTRATIVES,
    DETERMINERS,
    LINKING_ADJECTIVES,
    NAME_LINKS,
    NOT_ADVERBS,
    NP_BREAK,
    POSSESSIVE_DETERMINERS,
    PRE_CUE_SKIP,
    PRE_CUE_TIME_NOUNS,
    PRONOUNS,
    looks_plural,
)
from ..structure import Token, is_capitalised
from ..vocabulary import DOCUMENT_NOUNS, words
from .phrase import MAKER_PARTICIPLES, MAX_LOWER_RUN

# Documents (and finders) whose topic holds the phrase a backward scan took ("a story about her eating avocados
# said"), the prepositions that link a topic, and how far back the link may be.
DOCUMENT_HEADS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    words("story stories article articles piece letter post posts memo book essay editorial column blog meta-analysis")
)

TOPIC_LINKS: frozenset[str] = frozenset(words("about on into"))

MAX_DOCUMENT_OBJECT_WORDS = 8

# Speech verbs inside a stretch before a cue: an earlier report, not part of the source.
SPEECH_WORDS: frozenset[str] = frozenset(words("say says said tell tells told"))

# Prepositions tying a post-modifier to the head noun before it ("research on adolescent development", "a paper from
# a team at UMass Amherst"), how many such links a source holds, and demonstratives, which open a noun phrase as a
# determiner does ("the authors of this review").
HEAD_LINKS: frozenset[str] = frozenset(words("of on in at from by for about into against with among"))

MAX_HEAD_LINKS = 3

# Prepositions a participle after a plural noun takes besides the head links ("unconnected to", "living near").
PARTICIPLE_LINKS: frozenset[str] = frozenset(words("to near outside inside across around behind"))

# Determiners that open a participle's object ("tracking the company", "blocking their road").
OBJECT_OPENERS: frozenset[str] = ARTICLES | POSSESSIVE_DETERMINERS

# Fewer letters make no participle ("need", "bring"): a participle that modifies a noun before it is longer.
MIN_PARTICIPLE_LETTERS = 5

# Participles that say where a document came out ("A study published in Nature", "Research presented at a meeting",
# "A poll conducted for the BBC"): after a document noun their phrase is the document's post-modifier.
DOCUMENT_OUTLET_PARTICIPLES: frozenset[str] = MAKER_PARTICIPLES | frozenset(["presented"])

MAX_COMMON_LINKS = 2

# Prepositions inside a name, between capitalised words ("the Council on Foreign Relations", "Mail on Sunday").
NAME_INNER_LINKS: frozenset[str] = frozenset(words("of on for"))


# Auxiliaries, modals and "to": the word after one is a verb, never the head of a source's noun phrase.
VERB_OPENERS: frozenset[str] = frozenset(
    words("to can could will would should shall may might must do does did not never is are was were be been am")
)

# Words a backward source never starts with: a coordinator or comma left from a list that was not taken.
LEADING_LINKS: frozenset[str] = frozenset(["and", "&", "or", ","])


def document_start(phrase: list[Token], first: int, last: int) -> int | None:
    """Where a source starts when the phrase taken is the topic of a document: "a story about her eating avocados
    (which) said" (the maker's links, "a report by X", stay out: the speaker is X). None when no document heads it."""
    for link in range(first - 1, max(0, first - MAX_DOCUMENT_OBJECT_WORDS) - 1, -1):
        word = phrase[link][2].lower()
        if word in TOPIC_LINKS:
            break
        if not phrase[link][2][:1].isalpha() or word in NP_BREAK:
            return None  # "a report about the crash, Smith said": a comma or a clause between
    else:
        return None
    if any(token[2][:1].isupper() for token in phrase[first : last + 1]):
        return None  # "a report about the crash Smith said": a name after a topic is its own subject
    head = link - 1
    if head < 0 or phrase[head][2].lower() not in DOCUMENT_HEADS:
        return None
    start = head
    while start >= 1 and start - head < MAX_LOWER_RUN:
        previous = phrase[start - 1][2]
        lowered = previous.lower()
        if lowered in DETERMINERS:
            return start - 1
        if not previous[:1].isalnum() or lowered in NP_BREAK or lowered in PRE_CUE_SKIP or lowered in CLAUSE_WORDS:
            break
        start -= 1
    return start if phrase[start][2][:1].isupper() or start == head else None


def head_start(phrase: list[Token], first: int, last: int, common_heads: bool, opens_sentence: bool) -> int:
    """Where a source starts when the phrase taken is the object of a preposition after its head: a link inside a
    name ("the United Nations Office on Drugs", "a Mail on Sunday poll"), or one link after a common noun ("research
    on adolescent development", "the authors of this review", "A research paper from a team at UMass Amherst"; two at
    most; not for a relative pronoun's antecedent, which may be either noun: "the proportion of people who report")."""
    start, common_links = first, 0
    for _ in range(MAX_HEAD_LINKS):
        at = start - 1 if start >= 1 and phrase[start - 1][2].lower() in DEMONSTRATIVES else start  # "of this review"
        link = at - 1
        adjective = adjective_link(phrase, at)
        transitive = object_participle_link(phrase, at)  # "Analysts tracking the company": the participle links
        if link < 1 or not (phrase[link][2] in HEAD_LINKS or adjective or participle_link(phrase, at) or transitive):
            break
        if phrase[link][0] - phrase[link - 1][1] > 1:
            break  # no lowercase preposition right after a word ("the plan — by …": a dash between)
        outlet = document_outlet_link(phrase, link)
        if not transitive and (adjective or _modifying_participle(phrase, link - 1)):
            link -= 1  # "People close to …", "Residents interviewed by …": the head is the noun before the modifier
            if link >= 2 and phrase[link - 1][2] == "not":
                link -= 1  # "Experts not involved in the research": the negation goes with the participle
        head_word, object_word = phrase[link - 1][2], phrase[at][2]
        if not object_word[:1].isalpha() or (object_word in PRE_CUE_TIME_NOUNS and at == last):
            break  # "Microsoft in 2017", "officials on Tuesday": a time, not a post-modifier ("Mail on Sunday poll" is)
        # "Research by handset maker Nokia": a document's agent is no topic; its description and name are one phrase
        agent = phrase[link][2] == "by" and phrase[link - 1][2].lower() in DOCUMENT_NOUNS
        if start == first and not outlet and not agent and _name_after_common_noun(phrase[at : last + 1]):
            # "After reading a report about the crash Smith said": the name is the subject, not the topic (but "a study
            # published in the journal Nature": the outlet's noun and its name)
            break
        if is_capitalised(head_word) and not (opens_sentence and link == 1):
            if not object_word[:1].isupper() or phrase[link][2] not in NAME_INNER_LINKS:
                break  # "testimony Tuesday in a lawsuit", "the House of Commons by a string of MPs": not one name
        elif not common_heads or common_links >= MAX_COMMON_LINKS:
            break
        else:
            common_links += 1
        head = _head_phrase_start(phrase, link - 1)
        if head is None:
            break
        start = head
    return start


def adjective_link(phrase: list[Token], at: int) -> bool:
    """The two words before at are a linking adjective and its preposition ("close to", "familiar with")."""
    return at >= 3 and phrase[at - 1][2] in ADJECTIVE_LINKS and phrase[at - 2][2] in LINKING_ADJECTIVES


def participle_link(phrase: list[Token], at: int) -> bool:
    """The word before at is a preposition a participle after a plural noun takes ("Experts unconnected to Pfizer",
    "Residents living near the factory"), besides the head links."""
    return at >= 3 and phrase[at - 1][2] in PARTICIPLE_LINKS and _modifying_participle(phrase, at - 2)


def object_participle_link(phrase: list[Token], at: int) -> bool:
    """The word before at is an -ing participle after a plural noun, and at opens its object with a determiner
    ("Analysts tracking the company", "Protesters blocking the road"): the object modifies that noun's phrase."""
    return (
        at >= 2
        and phrase[at][2].lower() in OBJECT_OPENERS
        and phrase[at - 1][2].endswith("ing")
        and _modifying_participle(phrase, at - 1)
    )


def document_outlet_link(phrase: list[Token], at: int) -> bool:
    """The word at is a head link after a document noun and its outlet participle ("A study published in", "A poll
    conducted for")."""
    return (
        at >= 2
        and phrase[at][2] in HEAD_LINKS
        and phrase[at - 1][2] in DOCUMENT_OUTLET_PARTICIPLES
        and phrase[at - 2][2].lower() in DOCUMENT_NOUNS
    )


def _modifying_participle(phrase: list[Token], index: int) -> bool:
    """A past participle after a plural or capitalised noun, before its "by" phrase ("Residents interviewed by the
    BBC", "Documents seen by Reuters"), or any participle after a plural noun, before its preposition ("Passengers
    stranded at Heathrow", "Residents living near the factory", "Experts not involved in the research"): it modifies
    that noun."""
    word = phrase[index][2]
    if index < 1 or not word.islower() or not word.endswith(("ed", "ing")) or len(word) <= MIN_PARTICIPLE_LETTERS:
        return False
    noun = phrase[index - 1][2]
    if noun == "not" and index >= 2 and word.endswith("ed"):
        noun = phrase[index - 2][2]  # "Experts not involved in": the noun before the negation
    elif phrase[index + 1][2] == "by" and word.endswith("ed"):
        return noun.isalpha() and noun.lower() not in NP_BREAK and (noun.endswith("s") or is_capitalised(noun))
    if word in DOCUMENT_OUTLET_PARTICIPLES and noun.lower() in DOCUMENT_NOUNS:
        return True  # "A study published in Nature": where the document came out, not a new subject
    # a reduced relative's participle: after a plural common noun only ("Police in London", a name, stays one phrase)
    return noun.isalpha() and noun.lower() not in NP_BREAK and looks_plural(noun.lower()) and noun[1:].islower()


def _name_after_common_noun(phrase: list[Token]) -> bool:
    """A capitalised word right after a lowercase noun ("the crash Smith"): two noun phrases, not one."""
    return any(
        word.isalpha() and word.islower() and word not in HEAD_LINKS and word not in NAME_LINKS and is_capitalised(nxt)
        for (_, _, word), (_, _, nxt) in pairwise(phrase)
    )


def _head_phrase_start(phrase: list[Token], last: int) -> int | None:
    """Where the noun phrase ending at last starts: back over modifiers to its determiner (taken), or to a break or
    the sentence start; None when last cannot be a head noun or no edge is reached within a noun phrase's length."""
    head = phrase[last][2]
    lowered = head.lower()
    if not head[:1].isalpha() or lowered in NP_BREAK or lowered in PRE_CUE_SKIP or lowered in PRONOUNS:
        return None
    if head.islower() and (head.endswith(("ly", "ing", "ed")) and lowered not in NOT_ADVERBS):
        return None  # "spoke at length on …", "speaking on …": a verb or an adverb, not a head noun
    index = last
    while index > max(-1, last - MAX_LOWER_RUN):
        if index == 0:
            return 0
        previous = phrase[index - 1][2]
        lowered = previous.lower()
        if lowered in DETERMINERS or lowered in DEMONSTRATIVES:
            return index - 1  # "the authors", "this review"
        if lowered in VERB_OPENERS:
            return None  # "can come with …", "to stay current with …": a verb, not a head noun
        if not previous[:1].isalnum() or lowered in NP_BREAK or lowered in PRONOUNS or lowered in SPEECH_WORDS:
            return index  # "Research on …" after a clause word or a comma: the phrase starts here
        if lowered in LEADING_LINKS:
            return index  # "… and car rentals from …": the list's "and" is not the source's
        if previous.islower() and previous.endswith(("ly", "ing", "ed")) and lowered not in NOT_ADVERBS:
            # "A working paper", "the published report": an adjective after a determiner; "criticized research on
            # …": a verb, the phrase is its object
            return index - 2 if index >= 2 and phrase[index - 2][2].lower() in DETERMINERS else None
        index -= 1
    return None
