"""Actors: every person, force, government and group the article names, folded over aliases.

Known actors come from the catalog (``wirecoder.actors``) and keep its id ("rus.mil",
"ukr.zelenskyy"), the same id claims give their sources. People and organisations the catalog
lacks come from the parse's entities; a title just before a name gives its country and sector
("Eastern Military Command spokesperson Serhiy Cherevatyi" is UKR/MIL), and a later surname
alone joins the full name. A country named as a location ("in eastern Ukraine") is not an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..._document import Document
from ..._registry import Settings, StageFn, stage
from ...actors import ActorCatalog, ActorEntry, catalog, fold, sector_of
from ...lexicon import Lexicon, Words, load
from ...schema import Actor, Span, StageRef

STAGE = StageRef(name="actors", version="1")


class _Locations(Lexicon):
    place_labels: Words
    locatives: Words
    location_adjectives: Words
    place_noun_prepositions: Words
    place_nouns: Words


_LOCATIONS = load("wirecoder.stages.actors", "locations", _Locations)
_PLACE_LABELS = _LOCATIONS.place_labels
_LOCATIVE = _LOCATIONS.locatives
_LOCATION_ADJECTIVES = _LOCATIONS.location_adjectives
_PLACE_NOUN_PREPOSITIONS = _LOCATIONS.place_noun_prepositions
_PLACE_NOUNS = _LOCATIONS.place_nouns


@dataclass
class _Draft:
    """An actor being collected: its identity and the spans that name it."""

    id: str
    name: str
    kind: str | None
    country: str | None
    sector: str | None
    side: str | None
    mentions: list[Span] = field(default_factory=list)
    surname: str | None = None


class ActorsSettings(Settings):
    """Which parse entities become actors when the catalog does not know them."""

    entity_labels: tuple[str, ...] = ("PERSON", "ORG")


@stage("actors", "1", assigns=("actors",), reads=("places",), settings=ActorsSettings)
def make_actors(nlp: Language, settings: ActorsSettings) -> StageFn:
    """Build the actor list from the catalog and the parse's PERSON/ORG entities."""
    known = catalog()
    entity_labels = frozenset(settings.entity_labels)

    def actors(document: Document) -> None:
        places = _location_spans(document)
        drafts, taken, titles = _catalog_drafts(document, known, places)
        _entity_drafts(document, drafts, taken, titles, places, entity_labels)
        document.actors.extend(
            _actor(draft)
            for draft in sorted(
                (d for d in drafts.values() if d.mentions),
                key=lambda d: min(s.start for s in d.mentions),
            )
        )

    return actors


_Titles = dict[int, ActorEntry]
"""Composed actors ("Russian envoy") by where they end: titles that may introduce a person."""


def _catalog_drafts(
    document: Document, known: ActorCatalog, places: dict[tuple[int, int], str]
) -> tuple[dict[str, _Draft], list[tuple[int, int]], _Titles]:
    """The catalog's actors named in the text, but not a country named as a place; with the
    character ranges they take and the composed ones that may be titles."""
    drafts: dict[str, _Draft] = {}
    taken: list[tuple[int, int]] = []
    titles: _Titles = {}
    for start, end, entry in known.find_in(document.text):
        if _is_location(document.doc, start, end, entry, places):
            continue
        if entry.composed and entry.kind != "person":
            titles[end] = entry
        _add(drafts, entry.id, entry, document.span(start, end))
        taken.append((start, end))
    return drafts, taken, titles


def _entity_drafts(
    document: Document,
    drafts: dict[str, _Draft],
    taken: list[tuple[int, int]],
    titles: _Titles,
    places: dict[tuple[int, int], str],
    labels: frozenset[str],
) -> None:
    """Add the parse's people and organisations that no catalog actor covers and that are no
    place: a later mention of a known name joins it, a new one is numbered "A1", "A2" ..."""
    counter = 0
    place_names = {fold(e.text) for e in document.doc.ents if e.label_ in _PLACE_LABELS}
    resolved = _resolved_names(document)
    for entity in document.doc.ents:
        if entity.label_ not in labels or _overlaps(taken, entity.start_char, entity.end_char):
            continue
        if fold(entity.text) in place_names or _is_place_entity(document.doc, entity, places):
            continue
        if entity.label_ == "PERSON" and fold(entity.text) in resolved:
            continue  # "Zaporizhzhia" the places stage resolved is no person, here either
        title = _title_before(document.text, entity.start_char, titles)
        if title is not None:
            _drop_mention(drafts, title, titles, entity.start_char, document.text)
        existing = _existing(drafts, entity)
        span = document.span_of(entity)
        if existing is not None:
            existing.mentions.append(span)
            continue
        counter += 1
        draft = _unknown(f"A{counter}", entity.text, entity.label_, title)
        if draft.kind == "person" and title is None:
            _bare_title(draft, document.doc, entity)
        draft.mentions.append(span)
        drafts[draft.id] = draft


def _existing(drafts: dict[str, _Draft], entity: SpacySpan) -> _Draft | None:
    """The actor an entity names again: a person by surname alone, anyone by full name."""
    existing = _by_surname(drafts, entity.text) if entity.label_ == "PERSON" else None
    return existing if existing is not None else _by_name(drafts, entity.text)


def _actor(draft: _Draft) -> Actor:
    return Actor(
        id=draft.id,
        stage=STAGE,
        name=draft.name,
        mentions=sorted(draft.mentions, key=lambda span: span.start),
        kind=draft.kind,
        country=draft.country,
        sector=draft.sector,
        side=draft.side,
    )


def _add(drafts: dict[str, _Draft], key: str, entry: ActorEntry, span: Span) -> None:
    draft = drafts.get(key)
    if draft is None:
        surname = entry.name.split()[-1] if entry.kind == "person" else None
        draft = _Draft(
            entry.id,
            entry.name,
            entry.kind,
            entry.country,
            entry.sector,
            entry.side,
            surname=fold(surname)[-1] if surname else None,
        )
        drafts[key] = draft
    draft.mentions.append(span)


def _unknown(actor_id: str, name: str, label: str, title: ActorEntry | None) -> _Draft:
    """An actor the catalog lacks, typed by its title ("Russian ambassador X") or its own words."""
    words = name.split()
    if label == "PERSON":
        return _Draft(
            actor_id,
            name,
            "person",
            title.country if title else None,
            title.sector if title else None,
            title.side if title else None,
            surname=fold(words[-1])[-1] if fold(words[-1]) else None,
        )
    known = catalog()
    inside = [entry for _, _, entry in known.find_in(name)]
    leading = known.demonym(words[0]) if words else None
    country = next((entry.country for entry in inside if entry.country), None) or (
        leading.country if leading else None
    )
    sector = sector_of(words[-1]) if words else None
    return _Draft(actor_id, name, "organization", country, sector, None)


def _bare_title(draft: _Draft, doc: Doc, entity: SpacySpan) -> None:
    """A person with a title and no nationality before the name: the title gives the sector
    ("President X", "Judge Y") and "of <country>" after it the country ("King Hassan of
    Morocco")."""
    first = doc[entity.start]
    if len(entity) > 1 and sector_of(first.text) is not None:  # "King Abdullah" tagged whole
        draft.sector = draft.sector or sector_of(first.text)
        draft.name = entity.text[len(first.text) :].strip()
    elif entity.start > 0:
        before = doc[entity.start - 1]
        if before.text[:1].isupper():
            draft.sector = draft.sector or sector_of(before.text)
    if entity.end + 1 < len(doc) and doc[entity.end].lower_ == "of":
        found = catalog().find_in(doc[entity.end + 1 : min(entity.end + 4, len(doc))].text)
        if found and found[0][0] == 0 and found[0][2].country:
            draft.country = found[0][2].country


def _title_before(text: str, start: int, titles: _Titles) -> ActorEntry | None:
    """The composed actor ending just before ``start``: a title such as "Russian envoy"."""
    gap_start = len(text[:start].rstrip())
    entry = titles.get(gap_start)
    return entry if entry is not None and start - gap_start <= 2 else None


def _drop_mention(
    drafts: dict[str, _Draft],
    title: ActorEntry,
    titles: _Titles,
    start: int,
    text: str,
) -> None:
    """A title belongs to the person it introduces, not to the composed actor."""
    end = len(text[:start].rstrip())
    draft = drafts.get(title.id)
    if draft is not None:
        draft.mentions = [span for span in draft.mentions if span.end != end]
    titles.pop(end, None)


def _by_surname(drafts: dict[str, _Draft], name: str) -> _Draft | None:
    keys = fold(name)
    if not keys:
        return None
    people = [d for d in drafts.values() if d.kind == "person" and d.surname == keys[-1]]
    return people[0] if len(people) == 1 else None


def _by_name(drafts: dict[str, _Draft], name: str) -> _Draft | None:
    keys = fold(name)
    return next((d for d in drafts.values() if fold(d.name) == keys), None)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _location_spans(document: Document) -> dict[tuple[int, int], str]:
    """Spans the places stage (when it ran) classified, with their role."""
    return {
        (mention.start, mention.end): place.role
        for place in document.places
        for mention in place.mentions
    }


def _resolved_names(document: Document) -> set[tuple[str, ...]]:
    """The folded names of the places the places stage put on the map as places (not
    demonyms): a person of that name elsewhere in the article is the tagger's slip."""
    return {
        fold(span.text)
        for place in document.places
        if place.role != "demonym" and place.latitude is not None and place.relative is None
        for span in place.mentions
    }


def _is_location(
    doc: Doc, start: int, end: int, entry: ActorEntry, places: dict[tuple[int, int], str]
) -> bool:
    """A country or capital used as a place: "in eastern Ukraine", "fighting near Kyiv", or
    inside a place's name ("Gaza" in "Gaza City")."""
    if entry.kind != "country":
        return False
    role = places.get((start, end))
    if role is None:
        role = next(
            (role for (first, last), role in places.items() if first <= start and end <= last),
            None,
        )
    if role is not None:
        return role == "location"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = [token for token in doc[max(span.start - 3, 0) : span.start]]
    while before and (
        before[-1].lower_ in _LOCATION_ADJECTIVES or before[-1].pos_ in ("ADJ", "DET")
    ):
        before.pop()
    if before and before[-1].lower_ in _LOCATIVE:
        return True
    return bool(
        before
        and before[-1].lower_ in _PLACE_NOUN_PREPOSITIONS
        and span.root.dep_ == "pobj"
        and span.root.head.head.pos_ != "VERB"
        and _after_place_noun(before[-1])
    )


def _is_place_entity(doc: Doc, entity: SpacySpan, places: dict[tuple[int, int], str]) -> bool:
    """An entity the places stage resolved, or one after a locative preposition ("in Bakhmut").

    (The caller also drops names the parse tags as a place elsewhere in the article.)
    """
    if any(start < entity.end_char and entity.start_char < end for start, end in places):
        return True
    if all(token.lower_ in _LOCATION_ADJECTIVES for token in entity):
        return True  # "Eastern outskirts": a direction the parse took for a name
    return entity.start > 0 and doc[entity.start - 1].lower_ in _LOCATIVE


def _after_place_noun(preposition: Token) -> bool:
    """ "the east of Ukraine", "the capital of Sudan": a place noun governs the preposition."""
    head = preposition.head
    return head.pos_ == "NOUN" and head.lemma_ in _PLACE_NOUNS
