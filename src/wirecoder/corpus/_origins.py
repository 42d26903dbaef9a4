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
from ._sources import NONE, Source, fold_sources, local_descriptions, resolve
from ._story import SPEECH_TYPES, Story

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
    written_counts: dict[str, int] = field(default_factory=dict)
    publishers: set[str] = field(default_factory=set)
    origin_ids: set[int] = field(default_factory=set)
    killed: tuple[dt.datetime, int, int] | None = None
    """(when published, figure, event id) of the latest killed figure."""
    injured: tuple[dt.datetime, int, int] | None = None

    @property
    def name(self) -> str:
        """How the reports name it most often (the longest wording on a tie); its canonical
        label for eyewitnesses, publishers and sources written only as pronouns."""
        if self.source.kind in {"witness", "publisher"} or not self.written:
            return self.source.label
        counts = {w: self.written_counts.get(w, 1) for w in self.written}
        return max(sorted(counts), key=lambda w: (counts[w], len(w)))

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
    places: tuple[str, ...] = ()
    speech: bool = False
    """Said in a denial or an accusation about the event ("blamed the M23")."""


def tally(
    stories: Sequence[Story],
    articles: Mapping[int, ArticleFacts],
    homes: Mapping[tuple[int, str], Story],
) -> Tally:
    """The voices on the event the ``stories`` (one cluster) tell; ``homes`` maps claim ids to
    the story each stands beside, for claims of the reports no mention of these rests on."""
    said = list(_claims_on(stories, articles, homes))
    country = next((s.identity.country_code for s in stories if s.identity.country_code), None)
    sources = {id(item): resolve(item.voice, item.publisher, item.places) for item in said}
    _fold_local(said, sources)
    folded = fold_sources(sorted(sources.values(), key=lambda s: s.key), country)
    voices: dict[str, VoiceTally] = {}
    for item in said:
        source = folded[sources[id(item)].key]
        role = _role(item, source, stories)
        if role is None or source.kind == NONE:
            continue
        voice = voices.setdefault(source.key, VoiceTally(source, role))
        if role == CONTESTING:
            voice.role = CONTESTING
        written = _written(item.voice)
        voice.written.add(written)
        voice.written_counts[written] = voice.written_counts.get(written, 0) + 1
        voice.origin_ids.add(item.voice.origin)
        if item.publisher:
            voice.publishers.add(item.publisher)
        if item.member is not None and role != CONTESTING:
            _figures(voice, item.member, item.when)
    _witnessed_by_publishers(stories, articles, voices)
    _sides_contest(voices)
    return Tally(sorted(voices.values(), key=lambda v: (v.role, v.source.label, v.source.key)))


def _fold_local(said: list[_Said], sources: dict[int, Source]) -> None:
    """Descriptions of groups resolved within each report ("aid groups" beside MSF)."""
    by_article: dict[int | None, list[int]] = defaultdict(list)
    for item in said:
        by_article[item.voice.article_id].append(id(item))
    for ids in by_article.values():
        folded = local_descriptions(sources[i] for i in ids)
        for i in ids:
            sources[i] = folded.get(sources[i].key, sources[i])


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
        places = tuple(sorted({fold(p.name) for p in facts.places})) if facts else ()
        speech = _speech_claims(facts)
        linked: set[int] = set()
        for member in story.members:
            for voice in member.voices or _legacy_voices(member):
                linked.add(voice.claim_id)
                if _about(member, voice):
                    yield _Said(voice, member, publisher, when, places)
            if not (member.voices or member.claims) and member.publisher_origin is not None:
                yield _Said(_own_voice(member, publisher), member, publisher, when, places)
        for voice in facts.claims if facts else ():
            home = homes.get((voice.claim_id, story.type))
            if voice.claim_id not in linked and home is not None and id(home) in mine:
                yield _Said(voice, None, publisher, when, places, voice.claim_id in speech)


def _speech_claims(facts: ArticleFacts | None) -> frozenset[int]:
    """Claims of the report that its denials and accusations rest on."""
    return facts.speech if facts is not None else frozenset()


def _about(member: EventRecord, voice: Voice) -> bool:
    """Whether a claim the mention rests on speaks of the mention's event: not when the claim's
    words stand in another part of a sentence moving to another day ("..., a day after a strike
    that Gaza officials blamed on Israel")."""
    if member.segment is None or voice.position is None or member.sentence_start is None:
        return True
    start, end = member.segment
    sentence_end = member.sentence_start + len(member.sentence)
    inside_sentence = member.sentence_start <= voice.position < sentence_end
    return not inside_sentence or start <= voice.position < end


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
    denies = voice.stance == "denied" and (
        words.denied_acts.any(voice.content) or _names_a_trigger(voice.content, stories)
    )
    if denies or (member is not None and member.negated):
        if voice.stance != "asserted" and words.no_comment.any(voice.content):
            return None
        return None if source.kind == "publisher" else CONTESTING
    if voice.stance != "asserted":
        return None
    if source.kind == "publisher":
        return UNATTRIBUTED if member is not None else None
    told = item.speech or source.kind == "witness" or words.aftermath.any(voice.content)
    if member is None and not told:
        return None
    if member is not None and member.speculative:
        return None
    return CORROBORATING


def _names_a_trigger(content: str, stories: Sequence[Story]) -> bool:
    """Whether ``content`` names one of the event's trigger words ("denied the shelling")."""
    folded = fold(content)
    return any(fold(member.trigger) in folded for story in stories for member in story.members)


def _sides_contest(voices: dict[str, VoiceTally]) -> None:
    """A state or authority speaks with one voice: where one of its official bodies contests
    the event (a denial by "Israel" after its military's account), all of them do."""
    contesting = {
        _camp(v.source) for v in voices.values() if v.role == CONTESTING and v.source.official
    }
    for voice in voices.values():
        if voice.source.official and _camp(voice.source) in contesting:
            voice.role = CONTESTING


def _camp(source: Source) -> str | None:
    return source.camp or source.side


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
            own = name in folded or any(word in folded for word in words.own)
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
        for member in story.members
        for voice in member.voices
        if story.kind != "event" or not _rehomed(member, voice)
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


def _rehomed(member: EventRecord, voice: Voice) -> bool:
    """Whether a claim linked to ``member`` may stand beside another type's story: a denial or
    accusation is about the attack, and a link the claim's words do not bear out (the trigger
    outside them) is no link."""
    return member.type in SPEECH_TYPES or fold(member.trigger) not in fold(voice.content)


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
