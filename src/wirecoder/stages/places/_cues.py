"""What the sentence around a name says about it: the kind of place a word after it names
("Donetsk province"), whether it stands where a sentence puts ground ("a strike on Kupiansk",
"captured Soledar", "Bakhmut fell"), and whether it stands for a government or its forces
("Moscow said", "Russia's forces", "Moscow-backed"), a metonym.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

from ...gazetteer import name_key
from ._lexicon import (
    ACTION_VERBS,
    ADDRESSEE_PREPOSITIONS,
    AGENT_NOUNS,
    AGENT_PREPOSITIONS,
    ATTACK_NOUNS,
    ATTACK_PREPOSITIONS,
    BACKING_WORDS,
    FALL_VERBS,
    KIND_WORDS,
    LOCATIVES,
    OUTLET_MODIFIERS,
    OUTLET_NOUNS,
    SEIZE_VERBS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    TITLES,
    UNSAID_KINDS,
    Hint,
)

Role = Literal["location", "demonym", "metonym"]


def titled(span: Span) -> bool:
    """Preceded by a title: "Governor Kyrylenko"."""
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    return before in TITLES


def kind_word(doc: Doc, span: Span) -> tuple[Hint, int]:
    """What a word about the name says the place is, and where the name then ends: a word
    right after it ("Donetsk province", "the Bakhmutka River", "Gaza city"), a plural after a
    list it is in ("the Donetsk and Luhansk regions"), a kind word before "of" ("the city of
    Pokrovsk", "the provinces of Kherson and Zaporizhzhia"), or what the sentence says it is."""
    if span.end < len(doc):
        word = doc[span.end]
        kind = _kind_of(word)
        following = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if following is not None and following.lower_ in OUTLET_NOUNS | OUTLET_MODIFIERS:
            kind = None  # "Iran state TV" is Iran's television, not a state of Iran
        before = doc[span.start - 1] if span.start > 0 else None
        if kind == "populated" and before is not None and before.pos_ == "DET":
            kind = None if before.lower_ != "the" else kind  # "a Kentucky town", "no US city"
        if kind is not None and _plural_kind(word) is not None:
            # the last of a list ("Donetsk and Luhansk regions"), not "Kentucky counties"
            listed = before is not None and before.lower_ in _LIST_WORDS
            return (kind if listed else None), span.end_char
        if kind == "populated":  # "Gaza city": the name is "Gaza"; not "BET town hall"
            return (None if word.dep_ == "compound" else kind), span.end_char
        if kind is not None:
            return kind, word.idx + len(word)
    return _listed_kind(doc, span) or _kind_before(doc, span) or _said_to_be(span), span.end_char


def _kind_of(word: Token) -> Hint:
    """The kind a word names; a populated place's word only in lower case ("Gaza City" is a
    name, "Gaza city" the city)."""
    kind = KIND_WORDS.get(word.lower_)
    return None if kind == "populated" and not word.is_lower else kind


_LIST_WORDS = frozenset({",", "and", "or", "&"})
_LIST_LENGTH = 16


def _listed(token: Token) -> bool:
    """A word of a list of names: a capitalised word, a hyphen or a joining word."""
    return token.lower_ in _LIST_WORDS or token.text == "-" or token.text[:1].isupper()


def _plural_kind(word: Token) -> Hint:
    """The kind a plural kind word names ("regions"; no singular kind word ends in s)."""
    return _kind_of(word) if word.lower_.endswith("s") else None


def _listed_kind(doc: Doc, span: Span) -> Hint:
    """The plural kind word closing a list the name stands in: "the Odesa, Kherson and
    Zaporizhzhia regions"."""
    index = span.end
    joined = False
    if index >= len(doc) or doc[index].lower_ not in _LIST_WORDS:
        return None  # "In Ituri and North Kivu provinces": "In" opens no list
    while index < min(len(doc), span.end + _LIST_LENGTH) and _listed(doc[index]):
        joined = joined or doc[index].lower_ in _LIST_WORDS
        index += 1
    if not joined or index >= len(doc) or index == span.end:
        return None
    return _plural_kind(doc[index]) if doc[index - 1].lower_ not in _LIST_WORDS else None


def _kind_before(doc: Doc, span: Span) -> Hint:
    """The kind word (in lower case, after an article or adjective) before "of" ahead of the
    name or of the list it stands in: "the city of Pokrovsk", "the besieged city of El Fasher",
    "the regions of Donetsk and Luhansk" (a list needs a plural)."""
    index = span.start - 1
    listed = False
    if index < 1 or doc[index].lower_ not in _LIST_WORDS | {"of"}:
        return None
    while index > max(0, span.start - _LIST_LENGTH) and doc[index].lower_ != "of":
        if not _listed(doc[index]):
            return None
        listed = True
        index -= 1
    if index < 1 or doc[index].lower_ != "of" or not doc[index - 1].is_lower:
        return None
    word = doc[index - 1]
    if index < 2 or doc[index - 2].pos_ not in ("DET", "ADJ"):
        return None  # "the Kharkiv region of Ukraine", "the station district of Bakhmut"
    return _plural_kind(word) if listed else _kind_of(word)


def _said_to_be(span: Span) -> Hint:
    """What the sentence says the place is, away from its name: "Donetsk is one of four
    provinces", "Kherson, a southern province, ...". A country is a state, so "state" says
    nothing here."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        said = [child for child in root.head.children if child.dep_ == "attr"]
    else:
        said = [child for child in root.children if child.dep_ == "appos"]
    for noun in said:
        if noun.pos_ == "NUM" or noun.lower_ == "one":  # "one of four provinces"
            objects = (
                grand
                for prep in noun.children
                if prep.lower_ == "of"
                for grand in prep.children
                if grand.dep_ == "pobj"
            )
            noun = next(objects, noun)
        kind = KIND_WORDS.get(noun.lower_)
        if kind == "populated" and root.pos_ != "PROPN":
            continue  # "It's a city": a pronoun, not a name
        if kind is not None and noun.lemma_ not in UNSAID_KINDS:
            return kind
    return None


def after_the(span: Span) -> bool:
    """After "the": "the Dnipro" is a river, a city takes no article."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def after_locative(span: Span) -> bool:
    """After "in", "near", "towards" ...: "detained in Lyman" names a place whatever the tagger
    says."""
    return struck(span) or span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVES


def struck(span: Span) -> bool:
    """The target of a blow: "a strike on Kupiansk", "the shelling of Vovchansk"."""
    doc = span.doc
    return (
        span.start > 1
        and doc[span.start - 1].lower_ in ATTACK_PREPOSITIONS
        and doc[span.start - 2].lemma_.lower() in ATTACK_NOUNS
    )


def seized(span: Span) -> bool:
    """Ground taken or lost: "captured Soledar" (the parser may call the town an adverb of the
    verb), "Bakhmut fell". Not for a name tagged as a person: "captured Ivanov" is a man."""
    root = span.root
    head = root.head
    taken = head.lemma_.lower() in SEIZE_VERBS and (
        root.dep_ == "dobj" or root.dep_ == "advmod" and root.i == head.i + 1
    )
    return taken or root.dep_ in ("nsubj", "advmod") and head.lemma_.lower() in FALL_VERBS


def coordinated_names(entity: Span) -> bool:
    """An "organisation" that is two names joined by "and" ("Kharkiv and Odesa"): the tagger's
    slip over a list of places, not an institution whose name holds a place."""
    words = [token for token in entity if not token.is_punct]
    return any(token.lower_ == "and" for token in words) and all(
        token.lower_ == "and" or token.pos_ == "PROPN" for token in words
    )


def beside_a_place(span: Span, known: frozenset[str]) -> bool:
    """The second of "between X and Y" when X was taken as a place: "between Bakhmut and
    Soledar" (a list of names elsewhere may be people: "Helen, Clarence, Irene")."""
    root = span.root
    first = root.head
    return (
        root.dep_ == "conj"
        and 0 < first.i < span.start
        and span.doc[first.i - 1].lower_ == "between"
        and name_key(first.text) in known
    )


def ground_position(span: Span) -> bool:
    """Where a sentence puts ground, not a speaker: the object of a verb ("shells hit Soledar") or
    of a preposition other than an agent's "by" ("a strike on Avdiivka"), the subject of a passive
    ("Avdiivka was shelled") or of "fell", or a word right after its verb that the parser
    took for an adverb ("captured Bakhmut" parsed as an adverb of "captured")."""
    root = span.root
    head = root.head
    if root.dep_ == "dobj":
        return head.lemma_.lower() not in SPEECH_VERBS
    if root.dep_ == "pobj":
        return head.lower_ not in AGENT_PREPOSITIONS
    if root.dep_ == "nsubjpass":
        return head.lemma_.lower() not in SPEECH_VERBS
    if root.dep_ == "nsubj":
        return head.lemma_.lower() in FALL_VERBS
    if root.dep_ in ("advmod", "npadvmod"):
        return head.pos_ == "VERB" and head.i == span.start - 1
    return False


def listed_with_a_place(span: Span, known: frozenset[str]) -> bool:
    """The second of two names joined by "and" when the first was taken as a place where the
    sentence puts ground: "shelled Kostiantynivka and Druzhkivka" (a longer list of names may
    be people or storms: "Helen, Clarence, Irene, Marie and Randy")."""
    first = span.root.head
    return (
        span.root.dep_ == "conj"
        and first.i == span.start - 2
        and span.doc[span.start - 1].lower_ == "and"
        and name_key(first.text) in known
        and ground_position(span.doc[first.i : first.i + 1])
    )


def metonym_role(doc: Doc, span: Span) -> Role:
    """``metonym`` when the place is the subject of an agent's verb, the addressee of a speech
    verb, the owner of an agent's noun, or the backer in "Moscow-backed" (but "Kyiv-based" is a
    place)."""
    following = doc[span.end : span.end + 2]
    if len(following) == 2 and following[0].text == "-" and following[1].lower_ in BACKING_WORDS:
        return "metonym"
    root = span.root
    if root.dep_ == "conj" and root.head.dep_ == "nsubj":
        root = root.head  # "Russia and Belarus said"
    head, verb = root.head, root.head.lemma_.lower()
    if root.dep_ in ("nsubj", "nsubjpass") and verb in SPEECH_VERBS:
        return "metonym"
    if root.dep_ == "nsubj" and verb in ACTION_VERBS:
        return "metonym"
    if (
        root.dep_ == "nsubj"
        and verb == "be"
        and any(child.lower_ in STANCE_ADJECTIVES for child in head.children)
    ):
        return "metonym"
    if root.dep_ == "poss" and head.lower_ in AGENT_NOUNS:
        return "metonym"
    if (
        root.dep_ == "pobj"
        and head.lower_ in ADDRESSEE_PREPOSITIONS
        and head.head.lemma_.lower() in SPEECH_VERBS
    ):
        return "metonym"  # "protested to Kyiv": the addressee is the government
    return "location"
