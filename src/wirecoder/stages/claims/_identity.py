"""Source identity: a name or source phrase to an actor with a kind, country and side.

Known names come from the actor catalog (``wirecoder.actors``), which folds aliases and
transliterations and reads ``actors/data/sources.toml`` for news agencies, outlets and analysts;
a country speaking ("Moscow said", "Ukraine says") is its government.
Unknown sources get their kind from their head noun and their country from a demonym.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from spacy.tokens import Token

from ...actors import ActorEntry, catalog
from ...schema import SourceKind
from ._lexicon import KIND_BY_HEAD, SOURCES

_CONTRACT_KINDS: dict[str, SourceKind] = {kind: kind for kind in get_args(SourceKind)}
"""The claim contract's source kinds, by name: a catalog kind that is one is kept."""
_CONTROLLED = re.compile(
    r"\b([A-Z][\w.]+)-(?:" + "|".join(map(re.escape, SOURCES.controlling_participles)) + r")\b"
)
_PERSON_KIND_BY_SECTOR: dict[str, SourceKind] = {
    "GOV": "official",
    "MIL": "military",
    "SPY": "intelligence",
    "JRN": "media",
}
"""The kind of a catalog person by their sector: a minister speaks as an official."""


@dataclass(frozen=True)
class Identity:
    """What is known about a source: its catalog id, kind, country (ISO alpha-3) and side."""

    name: str
    kind: SourceKind
    actor_id: str | None = None
    country: str | None = None
    side: str | None = None
    composed: bool = False
    """True when the catalog built the actor from a demonym and a noun ("Russian news agencies")."""


def identify_name(name: str) -> Identity | None:
    """The catalog's actor for a name ("Moscow", "the Kremlin", "Zelensky"), if it knows one."""
    entry = catalog().lookup(name) if name.strip() else None
    return _identity(entry, name) if entry is not None else None


def identify_phrase(phrase: str) -> Identity | None:
    """The first actor a source phrase names ("Russia's defence ministry", "Russian news agencies").

    A person or organisation beats a country: in "Russia's RIA news agency" the country is
    the agency's affiliation, not the speaker."""
    entries = [entry for _, _, entry in catalog().find_in(phrase)]
    people = [entry for entry in entries if entry.kind == "person"]
    actors = [entry for entry in entries if entry.kind != "country"]
    return _identity((people or actors or entries)[0], phrase) if entries else None


def controlling_power(phrase: str) -> Identity | None:
    """The country behind "Russian-controlled", "Kremlin-installed", "Iran-backed" in a phrase."""
    match = _CONTROLLED.search(phrase)
    if match is None:
        return None
    identity = identify_name(match.group(1)) or identify_phrase(f"{match.group(1)} government")
    if identity is None or identity.country is None:
        return None
    return Identity(
        name=phrase,
        kind="government",
        country=identity.country,
        side=identity.side or identity.name,
    )


def _identity(entry: ActorEntry, written: str) -> Identity:
    """A catalog entry as a source; a country speaking ("Moscow said") is its government."""
    found = catalog()
    if entry.kind == "country" and entry.country is not None:
        entry = found.get(f"{entry.id}.gov") or found.composed(entry, "GOV")
    return Identity(
        name=entry.name,
        kind=_source_kind(entry.kind, entry.sector, written),
        actor_id=entry.id,
        country=entry.country,
        side=entry.side,
        composed=found.get(entry.id) is None,
    )


def role_noun(head: Token) -> str | None:
    """The noun saying what a source is: its head ("the ministry") or the title nearest a name
    ("Military analyst Oleh Zhdanov", "Eastern Military Command spokesperson Serhiy Cherevatyi")."""
    titles = [
        c for c in head.children if c.dep_ in ("compound", "amod", "appos") and c.i < head.i + 3
    ]
    for token in (head, *reversed(titles)):  # the title nearest the name: "military expert X"
        lemma = token.lemma_.lower()
        if lemma in KIND_BY_HEAD or token.lower_ in KIND_BY_HEAD:
            return lemma if lemma in KIND_BY_HEAD else token.lower_
    return None


def kind_from_head(head: Token, phrase: str) -> SourceKind:
    """The kind of a source from its role noun; anonymous when the phrase says it is unnamed."""
    lowered = phrase.lower()
    if any(cue in lowered for cue in SOURCES.anonymous_cues):
        return "anonymous"
    role = role_noun(head)
    if role is not None:
        return KIND_BY_HEAD[role]
    if (
        head.ent_type_ == "PERSON"
        or head.pos_ == "PRON"
        and head.lower_ in SOURCES.subject_person_pronouns
    ):
        return "person"
    if head.ent_type_ in ("ORG", "NORP"):
        return "organization"
    if head.ent_type_ == "GPE":
        return "government"
    return "person" if head.pos_ in ("PROPN", "PRON") else "organization"


def _source_kind(kind: str | None, sector: str | None, written: str) -> SourceKind:
    """A catalog entry's kind in the claim contract's terms."""
    lowered = (kind or "").lower()
    if lowered == "person":
        return _PERSON_KIND_BY_SECTOR.get(sector or "", "person")
    if lowered in _CONTRACT_KINDS:
        return _CONTRACT_KINDS[lowered]
    if sector == "SPY":
        return "intelligence"
    if sector == "JRN":
        return "news_agency" if "agenc" in written.lower() else "media"
    if lowered in ("country", "government", "legislature"):
        return "government"
    if lowered == "military" or sector == "MIL":
        return "military"
    if lowered == "agency":
        return "government"
    return "organization"
