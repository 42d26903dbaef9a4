"""The words an event's trigger reaches through its own phrases, where its place may be named.

From the trigger the walk follows the dependency parse down its place phrases ("in/at/near/
on/outside/across ..."), its object ("shelled Kherson", "took the village of X"), its patient
("a policeman in Amara was killed"), the nouns it governs ("the bombardment of the X district",
"an attack on a market in X") and, for a noun trigger, the phrases of the verb it hangs from ("an
attack in X killed five", "killed in fighting in X"). A person, a force or the other side of a
clash is followed only through its place phrases: "Mexico's army", "a Tampa woman", "fighters
from X", "clashes with Israel" say who, not where. Nothing is followed into a verb or noun of
speaking: "told reporters in Port Sudan", "a press conference in Geneva" are where someone spoke.

Each word reached gets a tier: ``trigger`` for the trigger's own phrases, ``clause`` for a clause
bound to it ("killed when militants hit the village of X", "was seized as he laid mines
outside X") or the act it is coordinated with, and the number of links walked.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import count
from typing import Literal

from spacy.tokens import Token

from ...actors import sector_of
from ...lexicon import Lexicon, Words, load
from ._clauses import verbal
from ._lexicon import NOUNS, REPORTING_VERBS, VERBS


class _Where(Lexicon):
    locative_preps: Words
    partitive_preps: Words
    served_preps: Words
    motion_preps: Words
    moving: Words
    contested_preps: Words
    party_preps: Words
    distances: Words
    temporal_preps: Words
    occasion_preps: Words
    time_marks: Words
    undergoing: Words
    ground_nouns: Words
    ground: Words
    ways: Words
    settings: Words
    speech_nouns: Words
    speech_verbs: Words
    here: Words
    sizes: dict[str, int]


WHERE = load("wirecoder.stages.events", "where", _Where)
_SPEAKING = REPORTING_VERBS | WHERE.speech_verbs

Tier = Literal["trigger", "clause"]
TIERS: tuple[Tier, ...] = ("trigger", "clause")

_Kind = Literal["event", "ground", "agent", "shared"]
"""What a word reached is: an act (all its phrases are followed), ground (a noun: its phrases,
modifiers and parts), an agent (a person, a force, a party: only its place phrases), or an act
shared with the trigger by coordination or government (only its place phrases)."""

_OBJECTS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"})
_MODIFIERS = frozenset({"compound", "poss", "nmod", "amod", "appos"})
_CLAUSES = frozenset({"advcl", "xcomp", "relcl", "acl", "ccomp", "pcomp"})
_BOUND = frozenset({"advcl", "xcomp", "ccomp", "pcomp", "relcl"})
"""Clauses that may be walked whole; reduced ones ("a bomb placed in a car") give only their
place phrases."""
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_PEOPLE_LABELS = frozenset({"PERSON", "NORP", "ORG"})
_MAX_STEPS = 7
_MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})


@dataclass(frozen=True)
class Reach:
    """How the trigger reaches a word: the tier, the links walked and the words on the way."""

    tier: Tier
    steps: int
    path: tuple[int, ...]
    """Token indices from the trigger (or the word it hangs from) to the word reached."""
    doer: bool = False
    """The word names a doer, a party or a person ("captured by Israel", "Israel's attempt",
    "clashes with Israel"), not where the act was."""
    party: bool = False
    """The word modifies an act or a person ("a US air strike", "New Delhi police") or is the
    target of an act ("protests against Israel"): a country named so is a party to the act,
    a town or a district where it was ("the Baghdad bombings", "strikes against Kharkiv")."""

    @property
    def key(self) -> tuple[int, int]:
        return TIERS.index(self.tier), self.steps


@dataclass(frozen=True)
class _Link:
    token: Token
    kind: _Kind
    rank: int = 0
    """0 the same phrase, 1 a bound clause."""
    doer: bool = False
    party: bool = False


def speaking(token: Token) -> bool:
    """A verb or a noun of speaking: its place phrases are where someone spoke. Not a verb of
    reporting in the passive: "fighting was reported around Pokrovsk" is where the fighting was."""
    lemma = token.lemma_.lower()
    if verbal(token) or token.pos_ == "AUX":
        return lemma in _SPEAKING and not any(
            child.dep_ in ("auxpass", "nsubjpass") for child in token.children
        )
    return lemma in WHERE.speech_nouns


def agentive(token: Token) -> bool:
    """A person, a group or a force: a name of one, a pronoun, or a noun of a sector."""
    if token.ent_type_ in _PEOPLE_LABELS and token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON":
        return True
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "NOUN"
        and lemma not in WHERE.ground_nouns
        and lemma not in NOUNS  # "shelling" names an act, though artillery shells
        and (sector_of(lemma) is not None or sector_of(token.lower_) is not None)
    )


def _doing(verb: Token) -> bool:
    """What a person or a thing was doing or trying to do at the time: an act, a verb in
    "-ing", an attempt ("tried to cross"), what a thing did ("a drone which crashed")."""
    return (
        verb.tag_ == "VBG"
        or event_word(verb)
        or any(
            child.dep_ == "xcomp" or child.dep_ == "nsubj" and child.lower_ == "which"
            for child in verb.children
        )
    )


def _material(verb: Token) -> bool:
    """A verb of an act done on the ground ("killed", "wounded", "stormed"), not said ("is
    accused of")."""
    trigger = VERBS.get(verb.lemma_.lower()) if verbal(verb) else None
    return trigger is not None and trigger.type in _MATERIAL


def event_word(token: Token) -> bool:
    """A word the event lexicon knows as a trigger."""
    lemma = token.lemma_.lower()
    return lemma in VERBS if verbal(token) else lemma in NOUNS


def reach(heads: Iterable[Token], places: Collection[int] = ()) -> dict[int, Reach]:
    """Every word the triggers' own phrases reach, the best way first (tier, then links);
    ``places`` holds the token indices of place names."""
    ticket = count()
    heap: list[tuple[int, int, int, tuple[int, ...], _Link]] = []
    for head in heads:
        heapq.heappush(heap, (0, 0, next(ticket), (head.i,), _Link(head, "event")))
        for link in _governors(head):
            heapq.heappush(heap, (link.rank, 1, next(ticket), (head.i, link.token.i), link))
    best: dict[int, Reach] = {}
    while heap:
        rank, steps, _, path, link = heapq.heappop(heap)
        token = link.token
        if token.i in best:
            continue
        best[token.i] = Reach(TIERS[rank], steps, path, link.doer, link.party)
        if steps >= _MAX_STEPS:
            continue
        placed = steps == 0 and _has_place_phrase(token, places)
        for onward in _links(token, link.kind, placed):
            if onward.token.i not in best:
                entry = (max(rank, onward.rank), steps + 1, next(ticket), (*path, onward.token.i))
                heapq.heappush(heap, (*entry, onward))
    return best


def _kind(token: Token) -> _Kind:
    if verbal(token):
        return "event"
    return "agent" if agentive(token) else "ground"


def _links(token: Token, kind: _Kind, placed: bool) -> Iterator[_Link]:
    """The words one link below ``token`` that may name where its act happened."""
    for child in token.children:
        if speaking(child):
            continue
        if child.dep_ == "prep":
            yield from _prep_objects(token, kind, child)
        elif kind == "agent" and child.dep_ == "relcl" and _doing(child):
            # "families who were fleeing the town of X", "gunmen who were
            # laying a trap outside X", "a drone which crashed near X"; not "X, who left Colorado in
            # 2014" nor "who commanded forces"
            yield _Link(child, "event", 1)
        elif kind == "agent" and child.dep_ == "acl":
            yield _Link(child, "shared", 1)  # "a man riding in the city of X was shot"
        elif kind == "agent" and child.dep_ == "appos":
            yield _Link(child, "agent", doer=True)  # "his counterpart, Abbas Araqchi, in X"
        elif kind in ("event", "ground"):
            yield from _argument(token, kind, child, placed)
    stray = _stray_subject(token) if kind == "event" else None
    if stray is not None:
        yield _subject(token, stray)


def _argument(token: Token, kind: _Kind, child: Token, placed: bool) -> Iterator[_Link]:
    """An act's or ground's other words: its object and patient, its doer (followed only for
    its place phrases), its modifiers, the nouns or acts coordinated with it (an act only when
    the trigger names no place of its own: ``placed``), its clauses."""
    dep = child.dep_
    nominal = token.pos_ in _NOMINAL
    if dep in _OBJECTS:
        yield _Link(child, _kind(child))
    elif dep in ("nsubj", "csubj"):
        yield _subject(token, child)
    elif dep == "agent":
        yield from (_Link(o, "agent", doer=True) for o in child.children if o.dep_ == "pobj")
    elif dep in _MODIFIERS and nominal:
        yield _modifier(token, child)
    elif dep in ("advmod", "npadvmod"):
        yield _Link(child, _kind(child))
    elif dep == "conj" and nominal:
        yield _Link(child, kind)
    elif dep == "conj" and not placed and _material(child):
        yield _Link(child, "event", 1)  # "shot and killed a motorist in X"
    elif dep == "xcomp" and kind == "event":
        yield _Link(child, "event", 1)  # "while waiting to interview figures in Abidjan"
    elif dep in _CLAUSES and _occasion(child):
        yield _Link(child, "event" if _whole(child) else "shared", 0 if dep == "acl" else 1)


def _subject(verb: Token, subject: Token) -> _Link:
    """The doer: "Eritrea took Badme" names who, not where; but "the town fell" is where."""
    undergoes = verb.lemma_.lower() in WHERE.undergoing
    return _Link(subject, _kind(subject) if undergoes else "agent", doer=not undergoes)


def _stray_subject(verb: Token) -> Token | None:
    """The name just before a verb the parse left without a subject ("reported Bakhmut fell
    to Russian forces", with "Bakhmut" taken for an adverb of "reported")."""
    if not verbal(verb) or verb.i == verb.sent.start:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("PROPN", "NOUN", "ADV") or before.head == verb or not before.is_title:
        return None
    return before


def _modifier(noun: Token, modifier: Token) -> _Link:
    """A name before a noun: a possessor is where only of ground or a setting ("Sarajevo's
    streets", "Syria's war"), else whose ("Israel's attempt"); a compound of an act or a person
    names a party when it is a country ("a US air strike", "New Delhi police")."""
    lemma = noun.lemma_.lower()
    if modifier.dep_ == "poss" and lemma not in WHERE.ground | WHERE.settings:
        return _Link(modifier, "agent", doer=True)
    party = lemma not in WHERE.settings and (event_word(noun) or agentive(noun))
    return _Link(modifier, _kind(modifier), party=party)


def _has_place_phrase(token: Token, places: Collection[int]) -> bool:
    """The trigger has a place phrase of its own ("captured in a mountain hut in X and deported
    to Y"): it shares no coordinated act's."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in WHERE.locative_preps
        and any(word.i in places for word in child.subtree)
        for child in token.children
    )


def _prep_objects(head: Token, kind: _Kind, preposition: Token) -> Iterator[_Link]:
    """The objects of a preposition that may say where: of a place preposition ("in", "near"),
    of "of" below an act or ground, of "from" and "to" after a move ("withdrew from X",
    "deployed to Y") or a distance ("10 km from X"), of "for" after a fight ("the battle for
    X"), of a preposition of time ("during a search of a farm near X"); the other side of a clash
    ("with", "by", "against") only for its place phrases."""
    word = preposition.lower_
    lemma = head.lemma_.lower()
    place = (
        word in WHERE.locative_preps
        or word in WHERE.partitive_preps
        and kind in ("event", "ground")
        or word in WHERE.served_preps
        and kind == "ground"
        or word in WHERE.motion_preps
        and (lemma in WHERE.moving or lemma in WHERE.distances or lemma in WHERE.ways)
        or word in WHERE.contested_preps
        and kind == "event"
        and event_word(head)
    )
    # "in and near Paris": the object hangs from the last of the coordinated prepositions
    coordinated = [c for c in preposition.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    for obj in (*preposition.children, *(o for c in coordinated for o in c.children)):
        if obj.dep_ not in ("pobj", "pcomp"):
            continue
        if place:
            yield _Link(obj, _kind(obj))
        elif word in WHERE.party_preps:
            yield _Link(obj, "agent", doer=agentive(obj) or word != "against", party=True)
        elif word in WHERE.temporal_preps and kind in ("event", "ground"):
            # "during a raid" is the same occasion; "after the blasts" another, close by.
            act = event_word(obj) or verbal(obj)
            same = word in WHERE.occasion_preps and event_word(obj)
            yield _Link(obj, "event" if act else _kind(obj), 0 if same else 1)


def _occasion(clause: Token) -> bool:
    """A bound clause of the same occasion: not one set at another time ("since the ceasefire
    went into effect", "before they left")."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    return all(mark in WHERE.time_marks or mark == "that" for mark in marks)


def _whole(clause: Token) -> bool:
    """A bound clause walked whole: an act of its own ("killed when militants stormed the
    village of X", "killing three in X"), one set in time by a conjunction ("captured while
    leaving the embassy in X") or what the trigger is about ("denied that Bakhmut had fallen",
    "rejected reports that forces had taken X"); any other ("a bomb placed in a car",
    "demanding the trial of ...") is followed only for its place phrases."""
    if not verbal(clause):
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ == "ccomp" or "that" in marks:
        return True  # what is denied, reported or feared: "denied that Bakhmut had fallen"
    return clause.dep_ in _BOUND and (event_word(clause) or bool(marks & WHERE.time_marks))


def _governors(head: Token) -> Iterator[_Link]:
    """Words above the trigger whose place phrases are the trigger's: the verb a noun trigger
    hangs from ("an attack in X killed five", "killed in fighting in X"), the verb a trigger is
    coordinated with or bound to (rank 1)."""
    occasion = speaking(head)  # "told a news conference in Ankara": the conference's place
    if head.pos_ in _NOMINAL and not verbal(head):
        current = head
        for _ in range(2):
            above = current.head
            if current.dep_ == "pobj" and above.dep_ == "prep":
                above = above.head
            elif current.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj", "attr", "appos"):
                return
            if above == current or speaking(above) and not occasion:
                return
            yield _Link(above, "event" if verbal(above) else "ground")
            if above.pos_ not in _NOMINAL:
                return
            current = above
        return
    above = head.head
    if above == head or speaking(above):
        return
    if head.dep_ == "conj":
        yield _Link(above, "shared", 0 if event_word(above) else 1)
    elif head.dep_ in ("advcl", "xcomp"):
        yield _Link(above, "shared", 1)


def scene(heads: Iterable[Token]) -> set[int]:
    """The words of the scene of what a sentence reports: place phrases set before a reporting
    verb ("In Goma, officials said ...") and where its speakers are ("officials in the city of
    Horlivka said", "a police source in Ramadi said"), for the verbs that report the trigger.
    Not where they spoke ("told reporters in Port Sudan") nor whose office they hold ("the
    governor of Donetsk region")."""
    words: set[int] = set()
    for head in heads:
        current = head
        for _ in range(8):
            if speaking(current):
                for obj in _scene_objects(current):
                    words.update(token.i for token in obj.subtree)
            if current.head == current:
                break
            current = current.head
    return words


def _scene_objects(verb: Token) -> Iterator[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = min([verb.i, *(s.i for s in subjects)])
    fronted = [c for c in verb.children if c.dep_ == "prep" and c.i < first]
    posted = [c for s in subjects for c in s.children if c.dep_ == "prep"]
    for preposition in (*fronted, *posted):
        if preposition.lower_ in WHERE.locative_preps:
            yield from (o for o in preposition.children if o.dep_ == "pobj")


def posted(token: Token) -> bool:
    """The word names where a person or a force is ("officials in Horlivka"), not whose
    office or origin it is ("the governor of Donetsk region", "fighters from X")."""
    current = token
    for _ in range(6):
        head = current.head
        if head == current or verbal(head):
            return False
        if current.dep_ == "prep" and head.lemma_.lower() not in WHERE.ground:
            return current.lower_ in WHERE.locative_preps  # "the city of X" is still X
        current = head
    return False
