"""Who vouches for a cluster's event, who contests it, and its toll by voice.

The voices on an event are the claims its mentions rest on, and the claims its reports make
beside them in the same story (a claim in the lines about the event that speaks of its harm,
"20 people were treated for injuries", or a denial). Each voice is folded to its canonical source
(``_sources``). Then:

- **corroborating** origins say the event happened: a body, actor or person asserting it (the
  attacker confirming it too), the eyewitnesses (one origin), and a publisher only where its own
  staff saw the scene;
- **contesting** origins deny it or their part in it: a denial, or a mention of the event the
  source negates ("Israel denied firing at the site"); a source that also asserts part of the
  account stays contesting;
- a publisher's own voice is **unattributed**: no origin, but its figures are shown.

The toll: each voice's latest figures (the latest report's; the higher one on one day), killed
and injured apart, and their range across voices.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ._lexicon import fold, source_words
from ._records import ArticleFacts, EventRecord, Voice
from ._sources import Source, fold_sources, resolve
from ._story import Story

CORROBORATING = "corroborating"
CONTESTING = "contesting"
UNATTRIBUTED = "unattributed"
_EPOCH = dt.datetime(1900, 1, 1)


@dataclass
class VoiceTally:
    """One voice on an event: who, in which role, how the reports named it, its latest figures."""

    source: Source
    role: str
    written: set[str] = field(default_factory=set)
    publishers: set[str] = field(default_factory=set)
    origin_ids: set[int] = field(default_factory=set)
    killed: tuple[dt.datetime, int, int] | None = None
    """(when published, figure, event id) of the latest killed figure."""
    injured: tuple[dt.datetime, int, int] | None = None

    def figure(self, which: str, when: dt.datetime, value: int, event_id: int) -> None:
        current = getattr(self, which)
        if current is None or (when.date(), value) > (current[0].date(), current[1]):
            setattr(self, which, (when, value, event_id))


@dataclass
class Tally:
    """The voices on one cluster's event."""

    voices: list[VoiceTally]

    def role(self, role: str) -> list[VoiceTally]:
        return [voice for voice in self.voices if voice.role == role]

    @property
    def origins(self) -> list[VoiceTally]:
        return self.role(CORROBORATING)

    @property
    def contesting(self) -> list[VoiceTally]:
        return self.role(CONTESTING)

    def toll(self, which: str) -> tuple[int, int] | None:
        """The (lowest, highest) latest figure across voices, None when no voice gives one."""
        figures = [getattr(v, which)[1] for v in self.voices if getattr(v, which) is not None]
        return (min(figures), max(figures)) if figures else None


@dataclass(frozen=True)
class _Said:
    """A claim on the event: the claim, the mention it rests on (None beside one), the report."""

    voice: Voice
    member: EventRecord | None
    publisher: str | None
    when: dt.datetime


def tally(
    stories: Sequence[Story],
    articles: Mapping[int, ArticleFacts],
    homes: Mapping[tuple[int, str], Story],
) -> Tally:
    """The voices on the event the ``stories`` (one cluster) tell; ``homes`` maps claim ids to
    the story each stands beside, for claims of the reports no mention of these rests on."""
    said = list(_claims_on(stories, articles, homes))
    country = next((s.identity.country_code for s in stories if s.identity.country_code), None)
    sources = {id(item): resolve(item.voice, item.publisher) for item in said}
    folded = fold_sources(sorted(sources.values(), key=lambda s: s.key), country)
    voices: dict[str, VoiceTally] = {}
    for item in said:
        source = folded[sources[id(item)].key]
        role = _role(item, source, stories)
        if role is None:
            continue
        voice = voices.setdefault(source.key, VoiceTally(source, role))
        if role == CONTESTING:
            voice.role = CONTESTING
        voice.written.add(_written(item.voice))
        voice.origin_ids.add(item.voice.origin)
        if item.publisher:
            voice.publishers.add(item.publisher)
        if item.member is not None and role != CONTESTING:
            _figures(voice, item.member, item.when)
    _witnessed_by_publishers(stories, articles, voices)
    return Tally(sorted(voices.values(), key=lambda v: (v.role, v.source.label, v.source.key)))


def _written(voice: Voice) -> str:
    written = (voice.written or "").strip(" ,")
    return written if written and fold(written) not in {"he", "she", "it", "they"} else voice.name


def _claims_on(
    stories: Sequence[Story],
    articles: Mapping[int, ArticleFacts],
    homes: Mapping[tuple[int, str], Story],
) -> Iterable[_Said]:
    mine = {id(story) for story in stories}
    for story in stories:
        facts = articles.get(story.article_id)
        publisher = facts.publisher if facts else None
        when = _published(facts)
        linked: set[int] = set()
        for member in story.members:
            for voice in member.voices or _legacy_voices(member):
                linked.add(voice.claim_id)
                yield _Said(voice, member, publisher, when)
            if not (member.voices or member.claims) and member.publisher_origin is not None:
                yield _Said(_own_voice(member, publisher), member, publisher, when)
        for voice in facts.claims if facts else ():
            home = homes.get((voice.claim_id, story.type))
            if voice.claim_id not in linked and home is not None and id(home) in mine:
                yield _Said(voice, None, publisher, when)


def _legacy_voices(member: EventRecord) -> tuple[Voice, ...]:
    """Voices from a record that only lists (claim id, origin id) and originators' keys."""
    names = dict(member.origin_keys)
    return tuple(
        Voice(claim_id=claim, origin=origin, name=names.get(origin, f"source {origin}"))
        for claim, origin in member.claims
    )


def _own_voice(member: EventRecord, publisher: str | None) -> Voice:
    assert member.publisher_origin is not None
    return Voice(
        claim_id=-member.id,
        origin=member.publisher_origin,
        name=publisher or "publisher",
        kind="publisher",
        attributed=False,
        content=member.sentence,
    )


def _published(facts: ArticleFacts | None) -> dt.datetime:
    if facts is None:
        return _EPOCH
    if facts.published_at is not None:
        return facts.published_at.replace(tzinfo=None)
    if facts.published is not None:
        return dt.datetime.combine(facts.published, dt.time())
    return _EPOCH


def _role(item: _Said, source: Source, stories: Sequence[Story]) -> str | None:
    """What the claim makes its source: corroborating, contesting, unattributed, or nothing."""
    voice, member = item.voice, item.member
    words = source_words()
    if voice.stance == "denied" or (member is not None and member.negated):
        if voice.stance != "asserted" and words.no_comment.any(voice.content):
            return None
        return None if source.kind == "publisher" else CONTESTING
    if voice.stance != "asserted":
        return None
    if source.kind == "publisher":
        return UNATTRIBUTED if member is not None else None
    if member is None and not words.aftermath.any(voice.content):
        return None
    if member is not None and member.speculative:
        return None
    return CORROBORATING


def _figures(voice: VoiceTally, member: EventRecord, when: dt.datetime) -> None:
    if member.killed_best is not None:
        voice.figure("killed", when, member.killed_best, member.id)
    if member.injured_best is not None:
        voice.figure("injured", when, member.injured_best, member.id)


def _witnessed_by_publishers(
    stories: Sequence[Story], articles: Mapping[int, ArticleFacts], voices: dict[str, VoiceTally]
) -> None:
    """A publisher whose own staff saw the scene ("a Horizon Post reporter who visited the camp
    saw two craters") is an origin of the event its report tells."""
    words = source_words()
    for story in stories:
        facts = articles.get(story.article_id)
        if facts is None or not facts.publisher:
            continue
        texts = [v.content for v in facts.claims if not v.attributed] + [
            m.sentence for m in story.members
        ]
        name = fold(facts.publisher)
        for text in texts:
            folded = fold(text)
            own = name in folded or "our " in folded
            if own and words.staff.any(text) and words.seeing.any(text):
                key = f"witnessed:{name}"
                source = Source(key, f"{facts.publisher} (own staff at the scene)", "publisher")
                voice = voices.setdefault(key, VoiceTally(source, CORROBORATING))
                voice.publishers.add(facts.publisher)
                voice.written.add(facts.publisher)
                break


def claim_homes(stories: Sequence[Story], facts: ArticleFacts) -> dict[tuple[int, str], Story]:
    """For each claim of one article and each event type it tells, the story of that type the
    claim stands beside: the story a mention of it rests on, else the story of the nearest
    mention of that type before the claim's end, else the first. A claim in the sentence of a
    background mention, or resting on one, stands beside none."""
    homes: dict[tuple[int, str], Story] = {}
    placed = sorted(
        (
            (m.position, story, m)
            for story in stories
            for m in story.members
            if m.position is not None
        ),
        key=lambda item: item[0],
    )
    kinds = sorted({story.type for story in stories if story.kind == "event"})
    aside = {
        voice.claim_id
        for story in stories
        if story.kind != "event"
        for member in story.members
        for voice in member.voices
    }
    for kind in kinds:
        for story in stories:
            if story.kind == "event" and story.type == kind:
                for member in story.members:
                    for voice in member.voices:
                        homes.setdefault((voice.claim_id, kind), story)
        first = next(s for s in stories if s.kind == "event" and s.type == kind)
        for voice in facts.claims:
            if (voice.claim_id, kind) in homes or voice.claim_id in aside:
                continue
            home = _home(voice, kind, placed, first)
            if home is not None:
                homes[(voice.claim_id, kind)] = home
    return homes


def _home(
    voice: Voice, kind: str, placed: list[tuple[int, Story, EventRecord]], first: Story
) -> Story | None:
    if voice.position is None:
        return None
    end = voice.position + len(voice.content)
    before = [item for item in placed if item[0] <= end]
    if before and before[-1][1].kind != "event" and _same_sentence(before[-1][2], voice):
        return None
    for _, story, _ in reversed(before):
        if story.kind == "event" and story.type == kind:
            return story
    return first


def _same_sentence(member: EventRecord, voice: Voice) -> bool:
    if member.sentence_start is None or voice.position is None:
        return False
    return member.sentence_start <= voice.position < member.sentence_start + len(member.sentence)


def by_origin_ids(voices: Iterable[VoiceTally]) -> dict[int, str]:
    """Actor ids to the canonical key of the voice they were folded into."""
    keys: dict[int, str] = {}
    for voice in voices:
        for origin in voice.origin_ids:
            keys.setdefault(origin, voice.source.key)
    return keys


def grouped(voices: Iterable[VoiceTally]) -> dict[str, list[VoiceTally]]:
    found: dict[str, list[VoiceTally]] = defaultdict(list)
    for voice in voices:
        found[voice.role].append(voice)
    return found
