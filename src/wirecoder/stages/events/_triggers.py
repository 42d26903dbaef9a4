"""Finding triggers in a sentence: phrases first, then single verbs and nouns, checked by object.

Each candidate is checked against what its object shows (``_checks``). Triggers in one sentence
that are one happening ("seven civilians were killed ... in two artillery strikes") merge into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import text_of
from ...actors import sector_of
from ._checks import checked
from ._clauses import verbal
from ._lexicon import CUES, NOUNS, PHRASES, REPORTING_VERBS, VERBS, Trigger
from ._objects import OBJECTS

_LONGEST_PHRASE = max(len(key) for key in PHRASES)
_PHRASE_STARTS = frozenset(key[0] for key in PHRASES)
_SINGLE_WORDS = (
    frozenset(VERBS)
    | frozenset(NOUNS)
    | OBJECTS.weapon_finds
    | OBJECTS.troop_moves
    | OBJECTS.fired_at
)
_DEMAND_HEADS = REPORTING_VERBS | CUES.demand_heads
_TOPIC_HOLDERS = frozenset({"SANCTION", "REJECT", "REQUEST"})
"""Types whose object is what is demanded, refused or cut off, not an event of its own."""

_FINDING = Trigger(type="COERCE", mode="defuse", context=("military",), needs_object=True)
"""A verb of finding: a disrupted weapons use when weapons are found."""
_MOVING = Trigger(type="MOBILIZE", mode="troops", context=("military",), needs_object=True)
"""A verb of moving: a mobilization when troops are moved."""
_DEMAND = Trigger(type="REQUEST")
_DEMONSTRATION = Trigger(type="PROTEST", mode="demo")
_ACCUSATION = Trigger(type="ACCUSE")


@dataclass
class Found:
    """A trigger found in a sentence: its head token, its words and what it means."""

    head: Token
    start: int
    end: int
    trigger: Trigger
    absorbed: list[Found] = field(default_factory=list)
    speaker: Token | None = None
    """For a demand read from "must": the verb of saying, whose subject demands."""

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


def find_triggers(sentence: SpacySpan, places: set[int]) -> list[Found]:
    """The triggers of one sentence, merged where they describe one happening.

    ``places`` holds the token indices of place names, which make "seized X" territorial.
    """
    tokens = list(sentence)
    lemmas = [token.lemma_.lower() for token in tokens]
    lowers = [token.lower_ for token in tokens]
    found = _phrases(tokens, lemmas, lowers, places)
    used = {i for f in found for i in f.tokens}
    found += _single_words(tokens, lemmas, lowers, used, places)
    taken = {i for f in found for i in f.tokens}
    found = _demands(tokens, found, taken)
    found += _protester_actions(tokens, taken)
    _turn_violent(sentence, found)
    found = [f for f in found if f.trigger.type != "AID" or not _awaited(f.head)]
    found.sort(key=lambda f: f.start)
    return _merge(found)


def _phrases(
    tokens: list[Token], lemmas: list[str], lowers: list[str], places: set[int]
) -> list[Found]:
    """The phrase triggers: at each word, the longest phrase starting there, if its object
    fits."""
    found: list[Found] = []
    for index in range(len(tokens)):
        if lemmas[index] not in _PHRASE_STARTS and lowers[index] not in _PHRASE_STARTS:
            continue
        match = _phrase_at(lemmas, lowers, index)
        if match is None:
            continue
        length, trigger = match
        span = tokens[index : index + length]
        head = _phrase_head(span)
        if head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        fitting = checked(head, trigger, places, phrase=True)
        if fitting is not None:
            found.append(Found(head, span[0].i, span[-1].i + 1, fitting))
    return found


def _phrase_at(lemmas: list[str], lowers: list[str], index: int) -> tuple[int, Trigger] | None:
    """The longest phrase starting at ``index``, by lemmas or else by word forms."""
    for length in range(min(_LONGEST_PHRASE, len(lemmas) - index), 1, -1):
        trigger = PHRASES.get(tuple(lemmas[index : index + length])) or PHRASES.get(
            tuple(lowers[index : index + length])
        )
        if trigger is not None:
            return length, trigger
    return None


def _single_words(
    tokens: list[Token], lemmas: list[str], lowers: list[str], used: set[int], places: set[int]
) -> list[Found]:
    """The single-word triggers outside the phrases found."""
    found = []
    for token, lemma, lower in zip(tokens, lemmas, lowers, strict=True):
        if token.i in used or not _may_trigger(lemma, lower):
            continue
        trigger = _single(token)
        if trigger is None or _comment_topic(token):
            continue
        fitting = checked(token, trigger, places)
        if fitting is not None:
            found.append(Found(token, token.i, token.i + 1, fitting))
    return found


def _turn_violent(sentence: SpacySpan, found: list[Found]) -> None:
    """Demonstrations in a paragraph of stones, clashes or looting are riots."""
    protests = [f for f in found if f.trigger.type == "PROTEST" and f.trigger.mode == "demo"]
    if protests and paragraph_words(sentence[0]) & CUES.violent_protest:
        for item in protests:
            item.trigger = item.trigger.model_copy(update={"mode": "riot"})


def _phrase_head(span: list[Token]) -> Token:
    """The word of a phrase the others hang on; in "drone and missile strike" the parser hangs
    "missile" on "drone", so the head is the word whose subtree holds the other loose words.
    When none does, the last: a compound is headed by its last word, and the parser may hang
    each part of "a counter-offensive" on the verb."""
    loose = [t for t in span if t.head not in span or t.head == t]
    for candidate in loose:
        if all(other == candidate or candidate.is_ancestor(other) for other in loose):
            return candidate
    return loose[-1] if loose else span[-1]


def _demands(tokens: list[Token], found: list[Found], taken: set[int]) -> list[Found]:
    """ "X said Libya must hand over the suspects" is X's demand, not a hand-over; and what is
    demanded, refused or cut off ("halted aid", "called for talks") is the topic, not an event."""
    result = []
    demanded: set[int] = set()
    for token in tokens:
        if _demanded(token):
            demanded.add(token.i)
            result.append(Found(token, token.i, token.i + 1, _DEMAND, speaker=token.head))
            taken.add(token.i)
    holders = {f.head.i for f in found if f.trigger.type in _TOPIC_HOLDERS}
    result += [f for f in found if f.head.i not in demanded and not _topic_of(f.head, holders)]
    return result


def _demanded(verb: Token) -> bool:
    """A verb with "must" or "should" in a clause of saying or demanding."""
    if verb.pos_ != "VERB" or not any(
        c.dep_ == "aux" and c.lower_ in CUES.obligations for c in verb.children
    ):
        return False
    return verb.dep_ in ("ccomp", "acl") and verb.head.lemma_.lower() in _DEMAND_HEADS


def _topic_of(head: Token, holders: set[int]) -> bool:
    """A noun that is the object of a demand, a refusal or a cut ("halted aid")."""
    governor = head.head
    hops = governor.head if governor.dep_ == "prep" else governor
    return (
        head.pos_ != "VERB"
        and head.dep_ in ("dobj", "pobj")
        and (governor.i in holders or hops.i in holders)
    )


_WORD = re.compile(r"[\w'-]+")


def paragraph_words(token: Token) -> frozenset[str]:
    """The lower-cased words of the paragraph holding ``token`` (cached on the parse)."""
    doc = token.doc
    text = text_of(doc)
    start = text.rfind("\n\n", 0, token.idx) + 1
    cache: dict[int, frozenset[str]] = doc.user_data.setdefault("wirecoder.paragraph_words", {})
    if start not in cache:
        end = text.find("\n\n", token.idx)
        cache[start] = frozenset(_WORD.findall(text[start : len(text) if end < 0 else end].lower()))
    return cache[start]


def _protester_actions(tokens: list[Token], taken: set[int]) -> list[Found]:
    """What protesters do is a protest: "demonstrators gathered outside parliament"."""
    found = []
    for token in tokens:
        if (
            token.dep_ != "nsubj"
            or sector_of(token.lemma_) != "OPP"
            or token.lower_.startswith(CUES.parties)
        ):
            continue
        verb = token.head
        if (
            verb.i not in taken
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in REPORTING_VERBS
        ):
            found.append(Found(verb, verb.i, verb.i + 1, _DEMONSTRATION))
            taken.add(verb.i)
    return found


def _may_trigger(lemma: str, lower: str) -> bool:
    """A cheap first test on the word alone: only these can be a single-word trigger."""
    return (
        lemma in _SINGLE_WORDS
        or lower in _SINGLE_WORDS
        or lower[:-2] in VERBS
        or lower[:-1] in VERBS  # "torched" tagged as an adjective
    )


def _single(token: Token) -> Trigger | None:
    if token.pos_ == "VERB" and token.dep_ == "amod":
        return None  # "the Israeli-occupied West Bank", "rebel-held town": a state, not an event
    if token.pos_ == "ADJ" and verbal(token):
        # A past tense the tagger took for an adjective: "... and torched vehicles".
        return VERBS.get(token.lower_[:-2]) or VERBS.get(token.lower_[:-1])
    if token.pos_ == "VERB":
        return _verb(token)
    if token.pos_ in ("NOUN", "PROPN") and (
        token.dep_ != "compound" or token.head.lemma_.lower() in CUES.event_heads
    ):
        return _noun(token)
    return None


def _verb(verb: Token) -> Trigger | None:
    lemma = verb.lemma_.lower()
    trigger = VERBS.get(lemma)
    if trigger is not None:
        return trigger
    if lemma in OBJECTS.weapon_finds:
        return _FINDING
    if lemma in OBJECTS.troop_moves:
        return _MOVING
    if lemma in OBJECTS.fired_at:
        return _fired(verb)
    return None


def _fired(verb: Token) -> Trigger | None:
    """ "fired rockets", "planted a bomb": an attack with the weapon fired."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    mode = OBJECTS.fired_weapons.get(objects[0].lower_) if objects else None
    return Trigger(type="ASSAULT", mode=mode) if mode is not None else None


def _noun(noun: Token) -> Trigger | None:
    if noun.ent_type_ == "DATE":
        return None  # "March 14" is a month, not a march
    lemma = noun.lemma_.lower()
    trigger = NOUNS.get(lemma) or NOUNS.get(noun.lower_)
    if trigger is None:
        return None
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    if modifiers & CUES.not_event_compounds:
        return None
    if (
        trigger.type in ("AGREE", "RETREAT")
        and noun.dep_ == "pobj"
        and noun.head.lower_ in CUES.references
    ):
        return None  # "freed under the exchange deal": the deal is a reference, not news
    if (
        lemma in CUES.lodged_nouns
        and noun.dep_ in ("dobj", "obj")
        and noun.head.lemma_.lower() in CUES.lodging
    ):
        return _ACCUSATION
    if lemma in CUES.strike_nouns and (
        modifiers & CUES.labour_strike or _on_strike(noun) or _labour_sentence(noun)
    ):
        general = modifiers & CUES.general_strike
        return Trigger(type="PROTEST", mode="strike-gen" if general else "strike-lim")
    return trigger


def _comment_topic(token: Token) -> bool:
    """ "did not comment on the strike", "declined to respond to reports of shelling": the act is
    what someone was asked about, reported (if at all) elsewhere; the sentence tells of no act."""
    current = token
    for _ in range(3):
        preposition = current.head
        if current.dep_ not in ("pobj", "pcomp") or preposition.lower_ not in CUES.topic_links:
            return False
        if preposition.lower_ != "of" and preposition.head.lemma_.lower() in CUES.commenting:
            return True
        current = preposition.head
    return False


_AWAITING_LINKS = frozenset({"dobj", "obj", "xcomp", "advcl", "pobj", "prep", "compound", "conj"})


def _awaited(token: Token) -> bool:
    """ "gathered to receive aid", "queued for food aid", "waited for hours to collect rations":
    what people gather or wait for is not aid given."""
    current = token
    for _ in range(4):
        head = current.head
        if head == current or current.dep_ not in _AWAITING_LINKS:
            return False
        if current.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in CUES.awaiting:
            return True
        if (
            current.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.lemma_.lower() in CUES.awaiting
        ):
            return True
        current = head
    return False


def _labour_sentence(token: Token) -> bool:
    return any(t.lower_ in CUES.labour_cues for t in token.sent)


def _on_strike(token: Token) -> bool:
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "on"
        and not any(c.dep_ == "det" for c in token.children)
    )


def _merge(found: list[Found]) -> list[Found]:
    """One happening, one trigger: casualty words join the attack they report, and a trigger
    inside another of the same type (an "offensive to capture", "attack ... shelling") joins it."""
    attacks = [f for f in found if f.trigger.type == "ASSAULT" and not f.trigger.casualty]
    kept: list[Found] = []
    for item in found:
        if item.trigger.casualty and attacks:
            nearest = min(attacks, key=lambda a: abs(a.head.i - item.head.i))
            nearest.absorbed.append(item)
            continue
        host = next((k for k in kept if _same_happening(k, item)), None)
        if host is None:
            kept.append(item)
            continue
        if _more_specific(item.trigger, host.trigger):
            context = tuple(dict.fromkeys(item.trigger.context + host.trigger.context))
            host.trigger = item.trigger.model_copy(update={"context": context})
        host.absorbed.append(item)
    return kept


_TERRITORIAL = frozenset({"capture", "advance", "withdraw"})


def _same_happening(first: Found, second: Found) -> bool:
    if first.trigger.type != second.trigger.type:
        return False
    if (
        first.trigger.mode != second.trigger.mode
        and {first.trigger.mode, second.trigger.mode} & _TERRITORIAL
    ):
        return False
    return _linked(first.head, second.head) or _linked(second.head, first.head)


def _linked(ancestor: Token, token: Token) -> bool:
    """``token`` hangs from ``ancestor`` through objects and prepositions (at most three steps)."""
    current = token
    for _ in range(3):
        if current.head == current:
            return False
        if current.dep_ in ("conj", "ccomp", "advcl", "parataxis", "relcl"):
            return False
        current = current.head
        if current == ancestor:
            return True
    return False


_GENERIC_MODES = (None, "explosives", "firearms", "clash")


def _more_specific(candidate: Trigger, current: Trigger) -> bool:
    return current.mode in _GENERIC_MODES and candidate.mode not in _GENERIC_MODES
