"""Open a database (SQLite file or PostgreSQL URL), migrate it, and save analyses into it."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

from sqlalchemy import create_engine, event, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .._errors import StoreError
from ..actors import catalog
from ..schema import Analysis, Claim, Count, Event, Participant, Place
from ._migrate import upgrade
from ._models import (
    ActorRow,
    ArticlePlaceRow,
    ArticleRow,
    CertaintyRow,
    ChainLinkRow,
    ClaimRow,
    EventClaimRow,
    EventRow,
    PlaceRow,
)

DENYING_STANCE = "denied"
"""A claim whose cue denies ("denied that the town had fallen") denies every event in its content.
A "negated" claim only has a "not" somewhere in it ("had advanced, but ... was not encircled"):
whether an event is negated is read at the event's own clause, by the events stage."""
PLACE_FIELDS = {
    "name",
    "feature",
    "geonames_id",
    "supplement_id",
    "latitude",
    "longitude",
    "country_code",
    "admin1",
    "admin2",
}
Keyed = TypeVar("Keyed", ActorRow, PlaceRow)


class SaveOutcome(enum.StrEnum):
    """What saving one analysis did."""

    stored = "stored"
    unchanged = "unchanged"
    superseded = "superseded"


def database_url(target: str) -> str:
    """A SQLAlchemy URL for ``target``: a URL as given, or a file path as a SQLite database."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def open_store(target: str) -> Store:
    """Open (creating and migrating as needed) the database at ``target``, a URL or a file path."""
    url = database_url(target)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    try:
        # No server-side prepared statements: a plan made for no values in particular (after five
        # runs) reads far more of the events table than one for the place and day asked for.
        options = {"prepare_threshold": None} if url.startswith("postgresql+psycopg") else {}
        engine = create_engine(url, future=True, connect_args=options)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        with engine.begin() as connection:
            upgrade(connection)
    except SQLAlchemyError as error:
        raise StoreError(f"{target}: cannot open database: {error}") from None
    return Store(engine)


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    """WAL so readers never block the writer, foreign keys on, and a wait instead of 'locked'."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def actor_key(name: str) -> str:
    """The key that folds spellings of one source: case, 'the', possessives, punctuation."""
    folded = name.casefold().replace("’", "'").replace("'s ", " ").replace("defense", "defence")
    words = re.sub(r"[^\w\s]", " ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def place_key(place: Place) -> str:
    """The key that folds one place across reports: its gazetteer id, else its name and country."""
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    if place.supplement_id is not None:
        return f"supplement:{place.supplement_id}"
    return f"name:{place.name.casefold()}|{place.country_code or ''}"


class Store:
    """A migrated database; ``save`` writes one analysis per transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StoreError(f"database error, transaction rolled back: {error}") from error

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of ``hashes`` are already stored, so ingest can skip them before analysing."""
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.session() as session:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                found.update(
                    session.scalars(
                        select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))
                    )
                )
        return found

    def save(self, analysis: Analysis) -> SaveOutcome:
        """Store one analysis in one transaction.

        The same text again is a no-op; a new text with the URL (or publisher and title) of a
        current article supersedes it, keeping both, unless it was published on an earlier day
        (an older version read late), which is then stored as superseded by the current one.
        """
        try:
            with self.session() as session:
                return _Writer(session, analysis).write()
        except StoreError as error:
            if isinstance(error.__cause__, IntegrityError) and self.known_hashes(
                [analysis.article.content_hash]
            ):
                return SaveOutcome.unchanged
            raise


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A publication time as naive UTC (SQLite keeps no offsets), as given when naive."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _stripped_start(text: str, start: int) -> int:
    """Where ``text`` (at ``start``) begins once stripped, as the stored sentence is."""
    return start + len(text) - len(text.lstrip())


def _published_before(first: dt.date | None, second: dt.date | None) -> bool:
    """Whether ``first`` is known to be an earlier publication day than ``second``."""
    return first is not None and second is not None and first < second


class _Writer:
    """Writes one analysis inside an open transaction, folding actors and places as it goes."""

    def __init__(self, session: Session, analysis: Analysis) -> None:
        self.session = session
        self.analysis = analysis
        self.keyed: dict[tuple[str, str], ActorRow | PlaceRow] = {}
        self.times = {time.id: time for time in analysis.times}
        self.actors = {actor.id: actor for actor in analysis.actors}
        self.place_precision = {place.id: place.precision for place in analysis.places}

    def write(self) -> SaveOutcome:
        article = self.analysis.article
        if self.session.scalar(
            select(ArticleRow.id).where(ArticleRow.content_hash == article.content_hash)
        ):
            return SaveOutcome.unchanged
        predecessor = self._predecessor()
        row = ArticleRow(
            content_hash=article.content_hash,
            url=article.url,
            publisher=article.publisher,
            publisher_id=self._publisher().id if article.publisher else None,
            title=article.title,
            published=article.published,
            published_at=_utc(article.published_at),
            source=article.source,
            text=article.text,
            pipeline=self.analysis.pipeline.model_dump(mode="json"),
            ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
        self.session.add(row)
        self.session.flush()
        places = {place.id: self._place(place) for place in self.analysis.places}
        self._mentions(row, places)
        claims = {claim.id: self._claim(row, claim) for claim in self.analysis.claims}
        for item in self.analysis.events:
            self._event(row, item, places, claims)
        if predecessor is None:
            return SaveOutcome.stored
        older, newer = predecessor, row
        if _published_before(article.published, predecessor.published):
            # An earlier version read late (feeds list the newest first) stays the older one.
            older, newer = row, predecessor
        older.superseded_by = newer.id
        self.session.execute(
            update(EventRow).where(EventRow.article_id == older.id).values(current=False)
        )
        return SaveOutcome.superseded

    def _mentions(self, article: ArticleRow, places: dict[str, PlaceRow]) -> None:
        """Where the article names each place, in which role (one row per start)."""
        seen: set[int] = set()
        for place in self.analysis.places:
            for mention in place.mentions:
                if mention.start in seen:
                    continue
                seen.add(mention.start)
                self.session.add(
                    ArticlePlaceRow(
                        article_id=article.id,
                        start=mention.start,
                        end=mention.end,
                        place_id=places[place.id].id,
                        role=place.role,
                        precision=place.precision,
                    )
                )

    def _predecessor(self) -> ArticleRow | None:
        article = self.analysis.article
        current = select(ArticleRow).where(ArticleRow.superseded_by.is_(None))
        if article.url:
            return self.session.scalars(current.where(ArticleRow.url == article.url)).first()
        if article.publisher and article.title:
            return self.session.scalars(
                current.where(
                    ArticleRow.publisher == article.publisher, ArticleRow.title == article.title
                )
            ).first()
        return None

    def _keyed(self, model: type[Keyed], key: str, **attributes: Any) -> Keyed:
        """The row of ``model`` with ``key``, created with ``attributes`` when there is none."""
        cache_key = (model.__tablename__, key)
        cached = self.keyed.get(cache_key)
        if isinstance(cached, model):
            return cached
        row = self.session.scalars(select(model).where(model.key == key)).first()
        if row is None:
            row = model(key=key, **attributes)
            self.session.add(row)
            self.session.flush()
        self.keyed[cache_key] = row
        return row

    def _actor(self, name: str, **attributes: str | None) -> ActorRow:
        return self._keyed(ActorRow, actor_key(name) or name, name=name, **attributes)

    def _publisher(self) -> ActorRow:
        return self._actor(self.analysis.article.publisher or "unknown publisher", kind="publisher")

    def _place(self, place: Place) -> PlaceRow:
        return self._keyed(PlaceRow, place_key(place), **place.model_dump(include=PLACE_FIELDS))

    def _catalogued(self, actor_id: str | None) -> ActorRow | None:
        """The row of a catalogued actor (one identity in every article, whatever the wording:
        "Russia's defence ministry" and "the Russian defence ministry"), None for others."""
        if actor_id is None or catalog().get(actor_id) is None or actor_id not in self.actors:
            return None
        known = self.actors[actor_id]
        return self._actor(
            known.name, kind=known.kind, country=known.country, sector=known.sector, side=known.side
        )

    def _claim(self, article: ArticleRow, claim: Claim) -> ClaimRow:
        source = claim.source
        source_row = (
            self._catalogued(source.actor_id)
            or self._actor(source.name, kind=source.kind, country=source.country, side=source.side)
            if claim.attributed
            else self._publisher()
        )
        chain_rows = [
            self._catalogued(link.actor_id) or self._actor(link.name, kind=None)
            for link in claim.chain
        ]
        row = ClaimRow(
            article_id=article.id,
            local_id=claim.id,
            stage=str(claim.stage),
            source=source_row,
            source_text=source.span.text if source.span else None,
            source_resolved=source.resolved_from.text if source.resolved_from else None,
            origin=chain_rows[-1] if chain_rows else source_row,
            origin_name=claim.chain[-1].name if claim.chain else source.name,
            source_kind=source.kind if claim.attributed else "publisher",
            source_country=source.country,
            cue=claim.cue.text if claim.cue else None,
            content=" ".join(span.text for span in claim.content),
            spans=[span.model_dump() for span in claim.content],
            stance=claim.stance,
            verb_strength=claim.verb_strength,
            direct_quote=claim.direct_quote,
            attributed=claim.attributed,
        )
        row.chain = [
            ChainLinkRow(position=position, actor_id=actor.id, name=link.name, role=link.role)
            for position, (link, actor) in enumerate(zip(claim.chain, chain_rows, strict=True))
        ]
        row.certainty = [
            CertaintyRow(
                position=position,
                phrase=item.phrase,
                scale=item.scale,
                label=item.label,
                low=item.low,
                high=item.high,
            )
            for position, item in enumerate(claim.certainty)
        ]
        self.session.add(row)
        self.session.flush()
        return row

    def _participant(self, participant: Participant | None) -> ActorRow | None:
        if participant is None:
            return None
        known = next(
            (actor for actor in self.analysis.actors if actor.id == participant.actor_id), None
        )
        return self._actor(
            known.name if known else participant.name,
            kind=known.kind if known else None,
            country=participant.country or (known.country if known else None),
            sector=participant.sector or (known.sector if known else None),
            side=known.side if known else None,
        )

    def _participant_country(self, participant: Participant | None) -> str | None:
        if participant is None:
            return None
        known = self.actors.get(participant.actor_id) if participant.actor_id else None
        return participant.country or (known.country if known else None)

    def _when(self, item: Event) -> tuple[dt.date | None, dt.date | None, int | None]:
        """(first day, last day, precision) of an event: its own dates, else the interval of the
        time expression it points to."""
        time = self.times.get(item.time_id) if item.time_id else None
        if item.date_start is None and time is not None:
            return time.start, time.end or time.start, item.date_precision or time.precision
        return item.date_start, item.date_end or item.date_start, item.date_precision

    def _event(
        self,
        article: ArticleRow,
        item: Event,
        places: dict[str, PlaceRow],
        claims: dict[str, ClaimRow],
    ) -> None:
        place = places.get(item.place_id) if item.place_id else None
        linked = [claims[claim_id] for claim_id in item.claim_ids if claim_id in claims]
        killed, injured = item.size.killed or Count(), item.size.injured or Count()
        date_start, date_end, date_precision = self._when(item)
        row = EventRow(
            article_id=article.id,
            local_id=item.id,
            stage=str(item.stage),
            type=item.type,
            mode=item.mode,
            trigger=item.trigger.text,
            sentence=item.spans[0].text.strip() if item.spans else None,
            position=item.trigger.start,
            sentence_start=_stripped_start(item.spans[0].text, item.spans[0].start)
            if item.spans
            else None,
            dated_by_text=item.time_id is not None,
            negated="negated" in item.aux
            or any(claim.stance == DENYING_STANCE for claim in linked),
            aux=list(item.aux),
            actor=self._participant(item.actor),
            actor_country=self._participant_country(item.actor),
            recipient=self._participant(item.recipient),
            place=place,
            where_precision=item.where_precision
            or (self.place_precision.get(item.place_id) if item.place_id else None),
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            date_start=date_start,
            date_end=date_end,
            span_days=(date_end - date_start).days if date_start and date_end else None,
            date_precision=date_precision,
            killed_low=killed.low,
            killed_best=killed.best,
            killed_high=killed.high,
            injured_low=injured.low,
            injured_best=injured.best,
            injured_high=injured.high,
            arrested_best=item.size.arrested.best if item.size.arrested else None,
            current=True,
        )
        self.session.add(row)
        self.session.flush()
        self.session.add_all(EventClaimRow(event_id=row.id, claim_id=claim.id) for claim in linked)
