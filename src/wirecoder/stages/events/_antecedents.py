"""What a pronoun can stand for: which noun phrases agree with it, and the doer the sentence
before names ("Russian forces pressed on towards Kurakhove. They shelled Andriivka").

A pronoun of a state, a force or a group never stands for one person, "it" never for a plural
("it" is the army, not the soldiers), and "they" in what a single person says stands for
someone other than the speaker ("the commander said they had fallen back").
"""

from __future__ import annotations

from spacy.tokens import Token

from ._lexicon import REPORTING_VERBS
from ._words import SUBJECTS, WORDS

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_SINGULAR = frozenset({"it", "its"})


def plural_pronoun(pronoun: Token) -> bool:
    return pronoun.lower_ in WORDS.plural


def singular_pronoun(pronoun: Token) -> bool:
    return pronoun.lower_ in _SINGULAR


def one_person(head: Token) -> bool:
    """A noun phrase naming one person: a name the parse tags PERSON, or a singular role noun
    ("the commander", "a spokesman")."""
    if head.tag_ in _PLURAL_TAGS:
        return False
    return head.ent_type_ == "PERSON" or head.lemma_.lower() in WORDS.roles


def agrees(pronoun: Token, head: Token) -> bool:
    """An impersonal pronoun may stand for the noun phrase headed by ``head``."""
    if one_person(head):
        return False
    # a plural common noun is many ("the soldiers"); a plural name one body ("the Syrian
    # Democratic Forces")
    return not (singular_pronoun(pronoun) and head.tag_ == "NNS")


def previous_subject(pronoun: Token) -> Token | None:
    """The head of the doer the sentence before the pronoun's names: the active subject of its
    main clause, or, when that clause is a saying, of what is said ("Russian forces captured X,
    the ministry said"). Only for a pronoun that opens its own clause's subject."""
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    previous = pronoun.doc[sentence.start - 1].sent
    root = previous.root
    clauses = [root]
    if root.lemma_.lower() in REPORTING_VERBS:
        clauses = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")] + clauses
    for clause in clauses:
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.pos_ != "PRON" and agrees(pronoun, subject):
            return subject
    return None
