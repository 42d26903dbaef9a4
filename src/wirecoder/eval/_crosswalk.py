"""From wirecoder's events to the categories HRDsAttack codes (the UN OHCHR SDG 16.10.1
ontology): the perpetrator type of an event's actor, and the violation types of an event. The
tables are ``data/hrdsattack.toml``."""

from __future__ import annotations

import re

from ..actors import STATE_SECTORS, sector_of
from ..lexicon import Lexicon, Words, load
from ..schema import Actor, Event, Participant

VIOLATION_TYPES = (
    "killing",
    "arbitrary detention",
    "torture",
    "kidnapping",
    "enforced disappearance",
    "other",
)
"""The violation types an event can be coded with; a record with none is ``unknown``."""
UNKNOWN = "unknown"
_WORD = re.compile(r"[^\W\d_]+")

PERPETRATOR_TYPES = (
    "state actor",
    "other state actors",
    "other actors with permissions",
    "other actors without permissions",
    "other non-state actors",
    "regional orgs",
    "insufficient info",
)


class _Perpetrators(Lexicon):
    state: str
    otherwise: str
    modes: dict[str, str]
    sectors: dict[str, str]
    kinds: dict[str, str]


class _Violations(Lexicon):
    modes: dict[str, dict[str, list[str]]]
    triggers: dict[str, Words]
    sizes: dict[str, str]
    by_state: dict[str, str]


class _Tables(Lexicon):
    perpetrators: _Perpetrators
    violations: _Violations


_DATA = load("wirecoder.eval", "hrdsattack", _Tables)


def _check() -> None:
    perpetrators = _DATA.perpetrators
    named = {
        perpetrators.state,
        perpetrators.otherwise,
        *perpetrators.sectors.values(),
        *perpetrators.kinds.values(),
    }
    unknown = named - set(PERPETRATOR_TYPES)
    violations = _DATA.violations
    labels = {label for modes in violations.modes.values() for ls in modes.values() for label in ls}
    labels |= set(violations.sizes.values()) | set(violations.by_state.values())
    labels |= set(violations.triggers)
    unknown |= labels - set(VIOLATION_TYPES)
    if unknown:
        raise ValueError(f"eval data/hrdsattack.toml names unknown types: {sorted(unknown)}")


_check()


def perpetrator_type(
    participant: Participant | None, actors: dict[str, Actor], mode: str | None = None
) -> str | None:
    """The perpetrator type of an event's actor: by its sector, else by its kind, else
    ``state`` for an actor named as a state, else ``otherwise``; None when the event names no
    actor. An act of a mode only states perform (an arrest) is the state's unless its actor is
    an armed group of another type."""
    found = _actor_type(participant, actors)
    by_mode = _DATA.perpetrators.modes.get(mode or "")
    if by_mode is not None and found in (None, _DATA.perpetrators.otherwise):
        return by_mode
    return found


def _actor_type(participant: Participant | None, actors: dict[str, Actor]) -> str | None:
    if participant is None:
        return None
    table = _DATA.perpetrators
    sector = (participant.sector or "").split("-")[0] or _named_sector(participant.name)
    if sector in table.sectors:
        return table.sectors[sector]
    actor = actors.get(participant.actor_id or "")
    kind = actor.kind if actor is not None else None
    if kind in table.kinds:
        return table.kinds[kind or ""]
    if participant.country and not sector:
        return table.state
    return table.otherwise


def _named_sector(name: str) -> str:
    """The sector a word of the name says, the last such word first: "the Kano Police
    Command" is police, "Saudi authorities" the government."""
    words = _WORD.findall(name)
    for end in range(len(words), 0, -1):
        for phrase in (words[max(0, end - 2) : end], words[end - 1 : end]):
            sector = sector_of(" ".join(phrase))
            if sector is not None:
                return sector
    return ""


def violation_types(event: Event) -> set[str]:
    """The violation types of one event: its type and mode's, those its tolls add, a state's
    abduction an enforced disappearance. Events that did not happen have none."""
    table = _DATA.violations
    modes = table.modes.get(event.type, {})
    found = set(modes.get(event.mode or "", modes.get("", [])))
    words = {word.lower() for word in _WORD.findall(event.trigger.text)}
    found |= {label for label, listed in table.triggers.items() if words & listed}
    for size, label in table.sizes.items():
        count = getattr(event.size, size, None)
        if count is not None and (count.best or count.low or count.high) != 0:
            found.add(label)
    if event.actor is not None and (event.actor.sector or "") in STATE_SECTORS:
        found = {table.by_state.get(label, label) for label in found}
    return found
