"""The PLOVER -> ACLED crosswalk: the ACLED (event_type, sub_event_type) of a PLOVER event.

The PLOVER type and mode decide; the actors' sectors split attacks on civilians from armed clashes
and a state's territorial gains from a non-state group's; the events around a protest decide
whether it was peaceful, met with intervention or with excessive force. Events that did not
happen (negated, future, hypothetical) have no ACLED type, nor have events an article only
recalls (historical) or promises (AGREE to withdraw, release ...). The tables are in
``data/crosswalk.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._errors import ConfigError
from ..actors import STATE_SECTORS
from ..lexicon import Lexicon, Words, load
from ..schema import UNREAL_AUX, Event, Participant
from ._common import sector

AcledType = tuple[str, str]


class _StrategicModes(Lexicon):
    modes: dict[str, str]
    otherwise: str


class _Crosswalk(Lexicon):
    mob_words: Words
    unopposed: Words
    by_mode: dict[str, dict[str, str]]
    strategic: dict[str, _StrategicModes]


_DATA = load("wirecoder.exports", "crosswalk", _Crosswalk)

_CIVILIANS = "Violence against civilians"
_STRATEGIC = "Strategic developments"
_TERRITORY_TRANSFER: AcledType = (_STRATEGIC, "Non-violent transfer of territory")
_EXCESSIVE_FORCE: AcledType = ("Protests", "Excessive force against protesters")
_VIOLENT_DEMONSTRATION: AcledType = ("Riots", "Violent demonstration")
_ARMED_CLASH: AcledType = ("Battles", "Armed clash")
_GOVERNMENT_REGAINS: AcledType = ("Battles", "Government regains territory")

_ARMED = STATE_SECTORS | {"REB", "UAF", "PRM"}
_BACKGROUND = frozenset({"historical"})
"""Events recalled long after (the 2022 invasion in a 2023 story) are coded where they were news."""
_POLICING = frozenset({"arrest", "restrict"})
"""COERCE modes that, beside a protest, are its intervention rather than events of their own."""


def _types_by_mode() -> dict[str, AcledType]:
    found: dict[str, AcledType] = {}
    for event_type, modes in _DATA.by_mode.items():
        for mode, sub_event_type in modes.items():
            if mode in found:
                raise ConfigError(f"exports data/crosswalk.toml: mode {mode!r} listed twice")
            found[mode] = (event_type, sub_event_type)
    return found


_BY_MODE = _types_by_mode()
_TYPED_BY_MODE_AT_PROTESTS = frozenset(_BY_MODE) - {"clash"}
"""Modes that type a state's assault even on protesters (a clash with them is excessive force)."""


def acled_type(event: Event, nearby: Sequence[Event] = ()) -> AcledType | None:
    """The ACLED (event_type, sub_event_type) of a PLOVER event, or None when ACLED has none.

    ``nearby`` are the other events of the same paragraph (see ``neighbours``): a protest with an
    arrest or tear gas beside it is a protest with intervention.
    """
    if set(event.aux) & (UNREAL_AUX | _BACKGROUND):
        return None
    if event.type == "PROTEST":
        return _protest(event, nearby)
    if event.type == "ASSAULT":
        return _assault(event, nearby)
    if event.type in _DATA.strategic:
        return _strategic(event, nearby)
    return _agreement(event)


def _protest(event: Event, nearby: Sequence[Event]) -> AcledType:
    if event.mode == "riot":
        return _VIOLENT_DEMONSTRATION
    forced = [
        n
        for n in nearby
        if n.type == "ASSAULT" and not set(n.aux) & UNREAL_AUX and sector(n.actor) in STATE_SECTORS
    ]
    if forced and any(n.size.killed or n.size.injured or n.mode == "firearms" for n in forced):
        return _EXCESSIVE_FORCE
    intervened = event.size.arrested is not None or any(
        n.type == "COERCE"
        and n.mode in _POLICING
        and (sector(n.actor) in STATE_SECTORS or sector(n.recipient) == "OPP")
        for n in nearby
    )
    return ("Protests", "Protest with intervention" if intervened or forced else "Peaceful protest")


def _assault(event: Event, nearby: Sequence[Event]) -> AcledType:
    mode = event.mode
    actor, recipient = sector(event.actor), sector(event.recipient)
    if mode == "capture":
        return _capture(event, nearby)
    if actor == "OPP" or (recipient == "OPP" and actor is None and mode == "clash"):
        return _VIOLENT_DEMONSTRATION
    if (
        actor in STATE_SECTORS
        and (recipient == "OPP" or _at_protest(nearby))
        and mode not in _TYPED_BY_MODE_AT_PROTESTS
    ):
        return _EXCESSIVE_FORCE
    if mode in _BY_MODE:
        return _BY_MODE[mode]
    if _is_mob(event.actor):
        return ("Riots", "Mob violence")
    return _by_sides(event)


def _capture(event: Event, nearby: Sequence[Event]) -> AcledType:
    """A capture taken without a fight is a transfer; else whose side gained decides."""
    text = _text(event)
    if any(phrase in text for phrase in _DATA.unopposed) or any(
        n.type == "RETREAT" for n in nearby
    ):
        return _TERRITORY_TRANSFER
    actor, recipient = sector(event.actor), sector(event.recipient)
    if actor in STATE_SECTORS or (
        event.actor is not None and actor is None and event.actor.country
    ):
        return _GOVERNMENT_REGAINS
    if event.actor is None and recipient not in STATE_SECTORS:
        return _GOVERNMENT_REGAINS
    return ("Battles", "Non-state actor overtakes territory")


def _at_protest(nearby: Sequence[Event]) -> bool:
    return any(n.type == "PROTEST" or n.type == "COERCE" and n.mode == "restrict" for n in nearby)


def _by_sides(event: Event) -> AcledType:
    """An assault its mode does not type: armed on armed is a clash, else an attack."""
    actor, recipient = sector(event.actor), sector(event.recipient)
    if actor in _ARMED and (recipient in _ARMED or recipient is None):
        return _ARMED_CLASH
    if recipient in _ARMED and actor is None and event.mode in (None, "firearms"):
        return _ARMED_CLASH
    return (_CIVILIANS, "Attack")


def _strategic(event: Event, nearby: Sequence[Event]) -> AcledType | None:
    """COERCE, MOBILIZE and RETREAT by mode, unless the events beside them decide."""
    if (
        event.type == "COERCE"
        and event.mode in _POLICING
        and any(n.type == "PROTEST" for n in nearby)
    ):
        return None
    if (
        event.type == "RETREAT"
        and event.mode == "withdraw"
        and any(n.type == "ASSAULT" and n.mode == "capture" for n in nearby)
    ):
        return _TERRITORY_TRANSFER
    table = _DATA.strategic[event.type]
    return (_STRATEGIC, table.modes.get(event.mode or "", table.otherwise))


def _agreement(event: Event) -> AcledType | None:
    if event.type == "AGREE" and event.mode is not None:
        return None  # a promise to withdraw or release is not yet an agreement ACLED codes
    if event.type in ("AGREE", "CONCEDE") or (
        event.type == "SUPPORT" and "diplomatic" in event.context
    ):
        return (_STRATEGIC, "Agreement")
    return None


def _is_mob(participant: Participant | None) -> bool:
    return participant is not None and any(
        word in participant.name.lower() for word in _DATA.mob_words
    )


def _text(event: Event) -> str:
    return " ".join(span.text for span in event.spans).lower()


def neighbours(event: Event, events: Sequence[Event], text: str) -> list[Event]:
    """The other events reported in a paragraph that reports ``event``: the arrests beside a
    protest, the capture after a withdrawal."""
    own = {_paragraph(text, span.start) for span in event.spans}
    return [
        other
        for other in events
        if other is not event and own & {_paragraph(text, span.start) for span in other.spans}
    ]


def _paragraph(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` starts."""
    return text.rfind("\n\n", 0, offset) + 1
