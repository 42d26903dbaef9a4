"""Finding triggers in a sentence: phrases first, then single verbs and nouns, checked by object.

"took control" is a capture, "took part" is nothing; "seized the town" is a capture, "seized
weapons" a disrupted weapons use, "seized two suspects" an arrest. Triggers in one sentence that
are one happening ("seven civilians were killed ... in two artillery strikes") merge into one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import text_of
from ...actors import sector_of
from ._lexicon import (
    AGREEMENT_OBJECTS,
    AID_OBJECTS,
    LIFTED,
    NOUNS,
    OBJECT_MEANS_BASE,
    OBJECT_MEANS_TERRITORY,
    OBJECT_MEANS_WEAPON,
    PEOPLE_OBJECTS,
    PHRASES,
    REPORTING_VERBS,
    TIES,
    TROOP_MOVES,
    VERBS,
    VIOLENT_PROTEST_CUES,
    WEAPON_FINDS,
    Trigger,
    words,
)

_LONGEST_PHRASE = max(len(key) for key in PHRASES)
_PHRASE_STARTS = frozenset(key[0] for key in PHRASES)
_LABOUR_STRIKE = words(
    "worker workers labour labor union teachers doctors nationwide national general"
)
_FIRED_AT = words("fire launch drop lob hurl throw plant")
_SINGLE_WORDS = frozenset(VERBS) | frozenset(NOUNS) | WEAPON_FINDS | TROOP_MOVES | _FIRED_AT
_NOT_EVENT_COMPOUNDS = words("heart panic anxiety asthma")
_EVENT_HEADS = words(
    "incident incidents case cases attack attacks operation spree campaign victim victims mission "
    "missions effort efforts"
)
"""Heads that let a compound noun be the trigger: "two rape incidents"."""
_DEFUSE = Trigger("COERCE", "defuse", ("military",))
_WEAPON_MODES = {
    "rocket": "heavy-weapons",
    "rockets": "heavy-weapons",
    "missile": "heavy-weapons",
    "missiles": "heavy-weapons",
    "shell": "heavy-weapons",
    "shells": "heavy-weapons",
    "mortar": "heavy-weapons",
    "mortars": "heavy-weapons",
    "grenade": "grenade",
    "grenades": "grenade",
    "bomb": "explosives",
    "bombs": "explosives",
    "drone": "drone",
    "drones": "drone",
    "bullet": "firearms",
    "bullets": "firearms",
    "shot": "firearms",
    "shots": "firearms",
}


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
    found: list[Found] = []
    used: set[int] = set()
    tokens = list(sentence)
    lemmas = [token.lemma_.lower() for token in tokens]
    lowers = [token.lower_ for token in tokens]
    for index in range(len(tokens)):
        if lemmas[index] not in _PHRASE_STARTS and lowers[index] not in _PHRASE_STARTS:
            continue
        for length in range(min(_LONGEST_PHRASE, len(tokens) - index), 1, -1):
            trigger = PHRASES.get(tuple(lemmas[index : index + length]))
            if trigger is None:
                trigger = PHRASES.get(tuple(lowers[index : index + length]))
            if trigger is None:
                continue
            span = tokens[index : index + length]
            head = _phrase_head(span)
            if head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
                head = head.head
            checked = _checked(head, trigger, places, phrase=True)
            if checked is not None:
                found.append(Found(head, span[0].i, span[-1].i + 1, checked))
                used.update(t.i for t in span)
            break
    for token, lemma, lower in zip(tokens, lemmas, lowers, strict=True):
        if token.i in used or not _may_trigger(lemma, lower):
            continue
        trigger = _single(token)
        if trigger is None or _comment_topic(token):
            continue
        checked = _checked(token, trigger, places)
        if checked is not None:
            found.append(Found(token, token.i, token.i + 1, checked))
    taken = {i for f in found for i in f.tokens}
    found = _demands(tokens, found, taken)
    found += _protester_actions(tokens, taken)
    protests = [f for f in found if f.trigger.type == "PROTEST" and f.trigger.mode == "demo"]
    if protests and paragraph_words(sentence[0]) & VIOLENT_PROTEST_CUES:
        for item in protests:
            item.trigger = replace(item.trigger, mode="riot")
    found.sort(key=lambda f: f.start)
    return _merge(found)


_HOLDING_VERBS = words("occupy control hold")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _standing_control(verb: Token) -> bool:
    """ "Russia now occupies a fifth of the country", "rebels control the north": a state of
    control in the simple present says who holds ground, not that it was taken that day."""
    if verb.lemma_.lower() not in _HOLDING_VERBS or verb.tag_ not in _PRESENT_TAGS:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


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


_MUST = frozenset({"must", "should"})
_DEMAND_HEADS = REPORTING_VERBS | words(
    "insist reiterate conclude warn argue stress urge demand reminder warning statement message "
    "letter call insistence"
)
_TOPIC_HOLDERS = frozenset({"SANCTION", "REJECT", "REQUEST"})


def _demands(tokens: list[Token], found: list[Found], taken: set[int]) -> list[Found]:
    """ "X said Libya must hand over the suspects" is X's demand, not a hand-over; and what is
    demanded, refused or cut off ("halted aid", "called for talks") is the topic, not an event."""
    result = []
    demanded: set[int] = set()
    for token in tokens:
        if token.pos_ != "VERB" or not any(
            c.dep_ == "aux" and c.lower_ in _MUST for c in token.children
        ):
            continue
        if token.dep_ in ("ccomp", "acl") and token.head.lemma_.lower() in _DEMAND_HEADS:
            demanded.add(token.i)
            result.append(
                Found(token, token.i, token.i + 1, Trigger("REQUEST"), speaker=token.head)
            )
            taken.add(token.i)
    holders = {f.head.i for f in found if f.trigger.type in _TOPIC_HOLDERS}
    for item in found:
        if item.head.i in demanded:
            continue
        governor = item.head.head
        hops = governor.head if governor.dep_ == "prep" else governor
        if (
            item.head.pos_ != "VERB"
            and item.head.dep_ in ("dobj", "pobj")
            and (governor.i in holders or hops.i in holders)
        ):
            continue
        result.append(item)
    return result


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
            or token.lower_.startswith("opposition")
        ):
            continue
        verb = token.head
        if (
            verb.i not in taken
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in REPORTING_VERBS
        ):
            found.append(Found(verb, verb.i, verb.i + 1, Trigger("PROTEST", "demo")))
            taken.add(verb.i)
    return found


def verbal(token: Token) -> bool:
    """A verb, or a past tense the tagger took for an adjective heading a clause ("forces had
    almost certainly advanced", "... and torched vehicles")."""
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "ADJ" and token.dep_ in _CLAUSE_DEPS and token.lower_.endswith("ed")


def _may_trigger(lemma: str, lower: str) -> bool:
    """A cheap first test on the word alone: only these can be a single-word trigger."""
    return (
        lemma in _SINGLE_WORDS
        or lower in _SINGLE_WORDS
        or lower[:-2] in VERBS
        or lower[:-1] in VERBS  # "torched" tagged as an adjective
    )


def _single(token: Token) -> Trigger | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ == "amod":
        return None  # "the Israeli-occupied West Bank", "rebel-held town": a state, not an event
    if token.pos_ == "ADJ" and verbal(token):
        # A past tense the tagger took for an adjective: "... and torched vehicles".
        return VERBS.get(token.lower_[:-2]) or VERBS.get(token.lower_[:-1])
    if token.pos_ == "VERB":
        trigger = VERBS.get(lemma)
        if trigger is None and lemma in WEAPON_FINDS:
            return Trigger("COERCE", "defuse", ("military",), needs_object=True)
        if trigger is None and lemma in TROOP_MOVES:
            return Trigger("MOBILIZE", "troops", ("military",), needs_object=True)
        if trigger is None and lemma in _FIRED_AT:
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
            if objects and objects[0].lower_ in _WEAPON_MODES:
                return Trigger("ASSAULT", _WEAPON_MODES[objects[0].lower_])
        return trigger
    if token.pos_ in ("NOUN", "PROPN") and (
        token.dep_ != "compound" or token.head.lemma_.lower() in _EVENT_HEADS
    ):
        if token.ent_type_ == "DATE":
            return None  # "March 14" is a month, not a march
        trigger = NOUNS.get(lemma) or NOUNS.get(token.lower_)
        if trigger is None:
            return None
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
        if modifiers & _NOT_EVENT_COMPOUNDS:
            return None
        if (
            trigger.type in ("AGREE", "RETREAT")
            and token.dep_ == "pobj"
            and token.head.lower_ in _UNDER
        ):
            return None  # "freed under the exchange deal": the deal is a reference, not news
        if (
            lemma == "protest"
            and token.dep_ in ("dobj", "obj")
            and token.head.lemma_.lower() in _LODGED
        ):
            return Trigger("ACCUSE")
        if lemma == "strike" and (
            modifiers & _LABOUR_STRIKE or _on_strike(token) or _labour_sentence(token)
        ):
            return Trigger("PROTEST", "strike-lim" if "general" not in modifiers else "strike-gen")
        return trigger
    return None


_CLAUSE_DEPS = frozenset({"conj", "ROOT", "ccomp", "advcl", "relcl", "xcomp"})
_UNDER = words("under per despite within violating breaching")
_LODGED = words("lodge file issue send deliver register voice")
_LABOUR_CUES = words(
    "union unions workers employees teachers doctors nurses wages pay salaries pensions labour labor"
)


_COMMENTING = words("comment respond react reply remark response reaction")
_TOPIC_LINKS = words("on about to regarding of")
"""Prepositions of a topic; "of" only in between ("respond to reports of shelling")."""


def _comment_topic(token: Token) -> bool:
    """ "did not comment on the strike", "declined to respond to reports of shelling": the act is
    what someone was asked about, reported (if at all) elsewhere; the sentence tells of no act."""
    current = token
    for _ in range(3):
        preposition = current.head
        if current.dep_ not in ("pobj", "pcomp") or preposition.lower_ not in _TOPIC_LINKS:
            return False
        if preposition.lower_ != "of" and preposition.head.lemma_.lower() in _COMMENTING:
            return True
        current = preposition.head
    return False


def _labour_sentence(token: Token) -> bool:
    return any(t.lower_ in _LABOUR_CUES for t in token.sent)


def _on_strike(token: Token) -> bool:
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "on"
        and not any(c.dep_ == "det" for c in token.children)
    )


def _checked(
    head: Token, trigger: Trigger, places: set[int], phrase: bool = False
) -> Trigger | None:
    """The trigger as its object shows it to be, or None when the words mean no event."""
    lemma = head.lemma_.lower()
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")] or [
        c  # "captured Bakhmut" with the town parsed as an adverb of the verb
        for c in head.children
        if c.dep_ == "advmod" and c.i == head.i + 1 and _is_place(c, places)
    ]
    if not objects and head.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in head.children):
        objects = [head.head]
    obj = objects[0] if objects else None
    obj_words = _object_words(obj) if obj is not None else set()
    if trigger.type == "ASSAULT" and _natural_force(head):
        return None  # "floods hit parts of Japan", "was hit by an earthquake"
    if trigger.mode == "capture" and _standing_control(head):
        return None
    if lemma in WEAPON_FINDS and obj is not None and obj_words & OBJECT_MEANS_WEAPON:
        return _DEFUSE
    if trigger.mode == "defuse" and trigger.needs_object:
        return None
    if (
        lemma in TROOP_MOVES
        and obj is not None
        and any(sector_of(w) in ("MIL", "REB", "COP") for w in obj_words)
    ):
        return Trigger("MOBILIZE", "troops", ("military",))
    if lemma in _BY_OBJECT and not phrase:
        return _BY_OBJECT[lemma](trigger, obj, obj_words, head)
    if phrase and lemma == "hand":
        if obj_words & AID_OBJECTS:
            return _aid(trigger, obj, obj_words, head)
        return (
            trigger
            if obj is None or obj_words & OBJECT_MEANS_TERRITORY or _is_place(obj, places)
            else None
        )
    if trigger.type == "MOBILIZE" and trigger.needs_object and lemma in TROOP_MOVES:
        troops = obj is not None and sector_of(obj.lemma_) in ("MIL", "REB")
        return Trigger("MOBILIZE", "troops", ("military",)) if troops else None
    if trigger.mode == "realign" and lemma == "form":
        formed = [
            o
            for o in objects
            if sector_of(o.lemma_) in ("MIL", "REB")
            or o.lemma_.lower() in ("group", "unit", "brigade", "battalion")
        ]
        return Trigger("MOBILIZE", "realign", ("military",)) if formed else None
    if lemma == "sign":
        return trigger if obj_words & AGREEMENT_OBJECTS else None
    if trigger.mode == "capture" and lemma in ("free", "recover", "control"):
        return (
            trigger
            if obj is not None and (obj_words & OBJECT_MEANS_TERRITORY or _is_place(obj, places))
            else None
        )
    if (
        lemma == "free"
        and obj is not None
        and (obj_words & OBJECT_MEANS_TERRITORY or _is_place(obj, places))
    ):
        return Trigger("ASSAULT", "capture", ("territory",))
    if trigger.mode == "capture" and lemma in ("seize", "capture", "take"):
        if obj is None:
            return None
        if obj_words & OBJECT_MEANS_WEAPON:
            return Trigger("COERCE", "defuse", ("military",))
        if _is_place(obj, places) and not obj_words & PEOPLE_OBJECTS:
            return trigger  # the places stage took it for ground, whatever the tagger says
        if obj_words & PEOPLE_OBJECTS or obj.ent_type_ == "PERSON":
            return Trigger("COERCE", "arrest")
        if obj_words & OBJECT_MEANS_TERRITORY:
            return trigger
        return None
    if lemma == "hold" and trigger.type == "COERCE":
        passive = any(c.dep_ == "auxpass" for c in head.children) or any(
            c.dep_ in ("dobj", "obj") for c in head.children
        )
        held = objects[0] if objects else None
        people = held is not None and (
            held.ent_type_ == "PERSON"
            or held.pos_ == "PROPN"
            or held.lemma_.lower() in PEOPLE_OBJECTS
            or any(c.dep_ == "appos" and c.lemma_.lower() in PEOPLE_OBJECTS for c in held.children)
        )
        return trigger if passive and people else None
    if trigger.mode == "defuse" and lemma in ("neutralize", "neutralise", "dismantle"):
        return trigger if obj_words & OBJECT_MEANS_WEAPON else None
    if trigger.mode == "base":
        return trigger if obj_words & OBJECT_MEANS_BASE else None
    if trigger.type == "THREATEN" and trigger.needs_object:
        has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
        return (
            trigger if has_clause or (obj is not None and obj.pos_ in ("PROPN", "PRON")) else None
        )
    if trigger.needs_object and obj is None and not any(c.dep_ == "xcomp" for c in head.children):
        return None
    return trigger


ObjectRule = Callable[[Trigger, Token | None, set[str], Token], Trigger | None]

_TALK_OBJECTS = words(
    "appeal call demand demands offer proposal proposals request claim claims allegation allegations report plan"
)
_ROADS = words(
    "road roads street streets bridge bridges highway highways traffic roadway roadways access entrance entrances port ports railway rail transport"
)
_PROTEST_NOUNS = words(
    "demonstration demonstrations protest protests rally rallies march marches gathering sit-in strike"
)
_SHARED = words("intelligence information evidence expertise data experience technology")
_ENVOYS = words("ambassador ambassadors envoy envoys diplomat diplomats charge")
_FORCES = words("force forces troops presence defences defenses garrison army military positions")
_RELAXED = words(
    "restriction restrictions ban bans curfew curfews sanction sanctions embargo measures"
)
_PUBLICATIONS = words(
    "publication publications newspaper newspapers broadcast broadcasts website websites"
)


def _aid(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if not found & AID_OBJECTS or _route_giver(head):
        return None
    military = found & words("arms weapons troops equipment ammunition military")
    humanitarian = found & words(
        "food medicine medicines relief shelter supplies vaccines fuel humanitarian"
    )
    economic = found & words("grant grants loan loans money dollars euros funds funding credit")
    mode = (
        "military"
        if military
        else "humanitarian"
        if humanitarian
        else "economic"
        if economic
        else None
    )
    return Trigger("AID", mode, ("military",) if military else ())


_ROUTES = words(
    "road roads highway highways motorway route routes corridor corridors railway railways rail "
    "line lines pipeline pipelines artery arteries bridge bridges crossing port ports link "
    "supply-line lifeline"
)


def _route_giver(verb: Token) -> bool:
    """ "the highway that supplies troops": a road or corridor that supplies somewhere is
    logistics, not anyone giving aid."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or subject.lower_ in ("that", "which"):
        subject = verb.head if verb.dep_ in ("relcl", "acl") else subject
    return subject is not None and subject.lemma_.lower() in _ROUTES


def _lift(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if obj is None:
        return None
    return Trigger("RETREAT", "access") if found & LIFTED else trigger


def _sever(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if found & TIES:
        return Trigger("SANCTION", "cancel" if head.lemma_.lower() == "cancel" else "sever")
    if head.lemma_.lower() in ("cancel", "suspend") and found & _RELAXED:
        return Trigger("CONCEDE")
    if head.lemma_.lower() == "suspend" and found & _PUBLICATIONS:
        return Trigger("COERCE", "censor")
    return None


def _needs(kinds: frozenset[str], outcome: Trigger | None = None) -> ObjectRule:
    def rule(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
        return (outcome or trigger) if found & kinds else None

    return rule


def _defy(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if found & words("ceasefire truce armistice"):
        return Trigger("ASSAULT", "clash", ("military",))
    return trigger if obj is not None else None


_MOBILIZABLE = words(
    "reservists reserves conscripts members fighters men recruits volunteers units forces"
)


def _mobilize(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if obj is None or sector_of(obj.lemma_) in ("MIL", "REB", "COP") or found & _MOBILIZABLE:
        return trigger
    return None


def _defend(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if obj is None or found & OBJECT_MEANS_TERRITORY or found & MILITARY_OBJECTS:
        return None
    return trigger


def _protest_verb(
    trigger: Trigger, obj: Token | None, found: set[str], head: Token
) -> Trigger | None:
    if any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in head.children):
        return Trigger("ACCUSE")  # "protested to Kyiv": a diplomatic protest
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and (
        subject.ent_type_ in ("ORG", "GPE", "NORP") or subject.lemma_.lower() in _INSTITUTIONS
    ):
        return Trigger("ACCUSE")
    return trigger


def _threaten(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "NOUN" and sector_of(subject.lemma_) is None:
        return None  # "its moves threatened Russia's security": a danger, not a threat someone made
    if any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return trigger
    if (
        obj is None
        or found & OBJECT_MEANS_TERRITORY
        or found & words("route routes supply supplies line lines")
    ):
        return None
    return trigger


_RECEIVED = words(
    "observers observer inspectors inspector monitors monitor peacekeepers mission delegation"
)
_WITHDRAWN = words(
    "peacekeepers peacekeeping inspectors observers monitors diplomats ambassador ambassadors staff "
    "workers envoy mission embassy aid"
)
_DEMANDED_TERMS = words("demand demands condition conditions terms ultimatum")


def _establish(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if found & TIES or found & words("ties relations"):
        return Trigger("SUPPORT", None, ("diplomatic",))
    return trigger if found & OBJECT_MEANS_BASE else None


def _receive(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if found & _RECEIVED:
        return Trigger("RETREAT", "access")
    if obj is not None and (obj.ent_type_ == "PERSON" or sector_of(obj.lemma_) == "GOV"):
        return Trigger("CONSULT", "visit", ("diplomatic",))
    return None


def _withdraw(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if found & _WITHDRAWN:
        return Trigger("SANCTION", "withdraw")
    return trigger


def _accept(trigger: Trigger, obj: Token | None, found: set[str], head: Token) -> Trigger | None:
    if found & _DEMANDED_TERMS:
        return Trigger("CONCEDE")
    return trigger if obj is not None or any(c.dep_ == "xcomp" for c in head.children) else None


_INSTITUTIONS = words(
    "group government ministry organization organisation party council union committee agency league embassy"
)
MILITARY_OBJECTS = words(
    "positions position lines line front frontline city town village border base"
)
_BY_OBJECT: dict[str, ObjectRule] = {
    **dict.fromkeys(
        ("give", "provide", "grant", "contribute", "deliver", "send", "supply", "donate"), _aid
    ),
    **dict.fromkeys(("lift", "ease"), _lift),
    **dict.fromkeys(
        ("halt", "freeze", "cut", "reduce", "end", "stop", "prohibit", "suspend", "cancel"), _sever
    ),
    "block": _needs(_ROADS),
    "prevent": _needs(_PROTEST_NOUNS),
    "share": _needs(_SHARED),
    "summon": _needs(_ENVOYS),
    "dismiss": _needs(_TALK_OBJECTS),
    **dict.fromkeys(("defy", "violate", "flout"), _defy),
    **dict.fromkeys(("strengthen", "bolster"), _needs(_FORCES)),
    **dict.fromkeys(("mobilize", "mobilise"), _mobilize),
    "defend": _defend,
    "establish": _establish,
    **dict.fromkeys(
        ("upgrade", "restore", "resume", "normalize", "normalise"),
        _needs(TIES | words("ties relations"), Trigger("SUPPORT", None, ("diplomatic",))),
    ),
    "receive": _receive,
    **dict.fromkeys(("withdraw", "recall"), _withdraw),
    "accept": _accept,
    **dict.fromkeys(("shorten", "relax", "loosen"), _needs(_RELAXED, Trigger("CONCEDE"))),
    "seek": _needs(
        words("refuge asylum help aid assistance support protection"), Trigger("REQUEST")
    ),
    "protest": _protest_verb,
    **dict.fromkeys(("threaten", "warn"), _threaten),
}
"""Verbs whose object decides whether and which event they trigger."""


_FORCES_OF_NATURE = words(
    "earthquake earthquakes quake quakes flood floods flooding rain rains downpour storm storms "
    "cyclone hurricane typhoon tsunami landslide landslides mudslide mudslides blaze wildfire "
    "wildfires volcano eruption drought tornado avalanche heatwave snowstorm lightning tremor "
    "tremors disaster"
)


def _natural_force(head: Token) -> bool:
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.lemma_.lower() in _FORCES_OF_NATURE for d in doers)


def _object_words(obj: Token) -> set[str]:
    """The object's head word and, through "of", what it holds: "a shipment of rifles"."""
    found = {obj.lemma_.lower(), obj.lower_}
    found |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
    for clause in obj.children:
        if clause.dep_ in ("acl", "relcl"):  # "a depot containing weapons"
            found |= {g.lemma_.lower() for g in clause.children if g.dep_ in ("dobj", "obj")}
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for inner in child.children:
                if inner.dep_ == "pobj":
                    found |= {inner.lemma_.lower(), inner.lower_}
                    found |= {c.lemma_.lower() for c in inner.children if c.dep_ == "conj"}
    found |= {c.lemma_.lower() for c in obj.children if c.dep_ == "conj"}
    return found


def _is_place(token: Token, places: set[int]) -> bool:
    if token.i in places or token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return any(
        t.i in places or t.ent_type_ in ("GPE", "LOC", "FAC")
        for t in token.subtree
        if t.dep_ == "pobj"
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
        if host is not None:
            if _more_specific(item.trigger, host.trigger):
                host.trigger = replace(
                    item.trigger,
                    context=tuple(dict.fromkeys(item.trigger.context + host.trigger.context)),
                )
            host.absorbed.append(item)
            continue
        kept.append(item)
    return kept


def _same_happening(first: Found, second: Found) -> bool:
    if first.trigger.type != second.trigger.type:
        return False
    territorial = {"capture", "advance", "withdraw"}
    if (
        first.trigger.mode != second.trigger.mode
        and {first.trigger.mode, second.trigger.mode} & territorial
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
