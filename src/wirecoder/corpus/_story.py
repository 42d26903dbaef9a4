"""Within-article event coreference: the events one report tells, each with all its mentions.

A report names its event many times: the lead ("a missile struck an apartment block in Kryvyi
Rih on Tuesday"), then "the attack", "the strike", a toll update ("the death toll rose to nine"),
a denial. Those later mentions often carry no place or date of their own; read alone, each looked
like an event of its own. Here the mentions of one article are read in order and each joins the
story it refers to, so it inherits that story's place and date:

- a running total, a pattern or a recollection ("has been hit repeatedly since 2022", "have killed
  more than 39,000 since October 2023") is background, a story of its own that is no event;
- a phrase that moves to another day ("a day after a missile strike ...") starts, or joins, the
  story of that day, which keeps the article's place unless the phrase names another;
- "again", "in a separate incident", "another" start a new story;
- otherwise a mention joins the story it fits best: the same type, a date within a day, a place
  compatible with the story's, no target of another kind unless it refers back ("the explosion"),
  preferring the story told just before it and the article's main story.

A story's place is its members' most precise place in the country the article is about, else the
most precise such place named in its sentences, else (for the article's main story) the place the
article names most; its date the narrowest date the text gives.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ._lexicon import fold, story_words, targets, weapons
from ._match import actors_compatible, days_apart, is_control, places_compatible
from ._records import OPENING, ArticleFacts, EventRecord, PlaceMention

SPEECH_TYPES = frozenset({"REJECT", "ACCUSE"})
"""Event types of what a source says about an attack: a denial, an accusation."""

FALLBACK_WINDOW = dt.timedelta(days=6)
"""An event the text does not date falls in the week up to its report's publication."""
DAY_LIKE = dt.timedelta(days=6)
"""A date the text gives over at most a week can be an event's date."""
BACKGROUND_SPAN = dt.timedelta(days=27)
"""A date the text gives that spans about a month or more is a period, not the day of an event."""
PRECISION_RANK = {1: 0, 2: 0, 3: 1, 5: 1, 7: 1, 4: 2}


@dataclass
class Story:
    """One event a report tells, with every mention of it, or a background sentence."""

    members: list[EventRecord]
    kind: str = "event"
    """``event``, ``background`` (no event: a total, a pattern, a recollection) or
    ``speculative`` (foreseen or supposed)."""
    shift: int | None = None
    """Days from the article's main story, when a cue moved it ("a day after" is -1)."""
    fresh: bool = False
    reasons: dict[int, str] = field(default_factory=dict)
    head: EventRecord | None = None
    """The story as one event: its lead mention with the story's place, date, attacker,
    weapons and targets."""

    @property
    def identity(self) -> EventRecord:
        return self.head or self.members[0]

    @property
    def article_id(self) -> int:
        return self.members[0].article_id

    @property
    def type(self) -> str:
        return self.members[0].type


@dataclass(frozen=True)
class _Reading:
    """A mention as its sentence reads: the part of the sentence about it, and any day shift."""

    record: EventRecord
    segment: str
    segment_start: int | None
    shift: int | None


def tell_stories(records: Iterable[EventRecord], facts: ArticleFacts | None = None) -> list[Story]:
    """The stories of one article's event mentions, in text order, each with its head."""
    ordered = sorted(records, key=lambda r: (r.position if r.position is not None else 0, r.id))
    stories: list[Story] = []
    focus = facts.focus_country if facts else None
    speech: set[int | None] = set()
    for record in ordered:
        record = _credible(record, facts)
        if record.type in SPEECH_TYPES:
            speech.add(record.sentence_start)
        elif record.sentence_start in speech:
            record = replace(record, reported=True)
        told = any(s.kind == "event" and s.shift is None for s in stories)
        reading = _read(record, told)
        start = reading.segment_start
        record = replace(
            record,
            weapons=record.weapons | weapons().named(reading.segment),
            targets=record.targets | targets().named(_hit(reading.segment)),
            segment=None if start is None else (start, start + len(reading.segment)),
            vague_date=record.vague_date or story_words().vague_dates.any(reading.segment),
        )
        _place_mention(stories, replace(reading, record=record), focus)
    for story in stories:
        story.head = _head(story, stories, facts)
    return stories


def _credible(record: EventRecord, facts: ArticleFacts | None) -> EventRecord:
    """The mention without its place when that place is in a country the article neither is
    about nor names (a geocoding slip: "Zeitoun" in Gaza read as Malta's Zejtun); unplaced
    mentions take the story's place."""
    if facts is None or record.place_id is None or facts.credible(record.country_code):
        return record
    return replace(
        record,
        place_id=None,
        place_name=None,
        latitude=None,
        longitude=None,
        country_code=None,
        where_precision=None,
        admin1=None,
    )


def _read(record: EventRecord, told: bool) -> _Reading:
    """The part of the sentence about ``record``: its line (a headline is a line of its own),
    cut at the day-shifting phrases around it. A phrase before it shifts it only when the
    report has told an event before (``told``), and a phrase of hours ("hours after the
    explosion") not when the mention refers back to one."""
    offset = record.offset
    sentence = record.sentence
    if offset is None or not sentence:
        return _Reading(record, sentence or record.trigger, None, None)
    line_start = sentence.rfind("\n", 0, offset) + 1
    line_end = sentence.find("\n", offset)
    line_end = len(sentence) if line_end < 0 else line_end
    words = story_words()
    shift, start, end = None, line_start, line_end
    for match in words.shifts.find(sentence[line_start:line_end]):
        at = line_start + match.start()
        if at <= offset:
            shift, start = words.shift[match.group(0)], at
        else:
            end = at
            break
    if shift is not None and (not told or (shift == 0 and _definite(record))):
        shift, start, end = None, line_start, line_end
    base = record.sentence_start
    return _Reading(record, sentence[start:end], None if base is None else base + start, shift)


def clause(record: EventRecord, segment: str, segment_start: int | None) -> str:
    """``segment`` without the asides (relative clauses, dashes) the trigger is not in."""
    at = None
    if record.position is not None and segment_start is not None:
        at = record.position - segment_start
    kept, last = [], 0
    for match in _asides().finditer(segment):
        if at is not None and match.start() <= at < match.end():
            continue
        kept.append(segment[last : match.start()])
        last = match.end()
    kept.append(segment[last:])
    return " ".join(kept)


@functools.cache
def _asides() -> re.Pattern[str]:
    """Relative clauses, comma phrases that set the event among others ("..., the latest of a
    series of strikes that have killed hundreds") and parentheses between dashes."""
    heads = "|".join(re.escape(h) for h in sorted(story_words().aside_heads, key=len)[::-1])
    return re.compile(
        rf",\s+(?:{story_words().relatives}|{heads})\b[^,]*(?:,|$)"
        r"|\s[\u2013\u2014-]\s[^\u2013\u2014]*(?:\s[\u2013\u2014-]\s|$)",
        re.IGNORECASE,
    )


def _hit(segment: str) -> str:
    """The segment without where the wounded were taken ("taken to hospitals in Goma")."""
    return story_words().taken.sub(" ", segment)


def is_background(record: EventRecord, segment: str) -> bool:
    """A running total, pattern or recollection: told as past history, worded as a total or a
    habit ("repeatedly", "since the start of the war", "have killed"), or dated by the text to a
    period longer than a month, unless the words refer to the event at hand ("the strike")."""
    if record.historical:
        return True
    words = story_words()
    if words.anchor.any(segment):
        return False
    if words.background.any(segment) or words.summary.search(fold(segment)):
        return True
    return bool(
        record.dated_by_text
        and record.date_start
        and record.date_end
        and record.date_end - record.date_start > BACKGROUND_SPAN
    )


def _place_mention(stories: list[Story], reading: _Reading, focus: str | None) -> None:
    record = reading.record
    if record.speculative:
        stories.append(Story([record], kind="speculative"))
        return
    if is_background(record, clause(record, reading.segment, reading.segment_start)):
        stories.append(Story([record], kind="background"))
        return
    if reading.shift is not None:
        _join_shifted(stories, reading)
        return
    fresh = story_words().new_event.any(reading.segment)
    fit = None if fresh else _best_story(stories, record, focus)
    if fit is None:
        stories.append(Story([record], fresh=fresh))
        return
    story, why = fit
    story.members.append(record)
    story.reasons[record.id] = why


def _join_shifted(stories: list[Story], reading: _Reading) -> None:
    record = reading.record
    for story in stories:
        if story.kind == "event" and story.shift == reading.shift and story.type == record.type:
            story.members.append(record)
            story.reasons[record.id] = f"the same day as event {story.members[0].id} by its cue"
            return
    stories.append(Story([record], shift=reading.shift))


def _best_story(
    stories: list[Story], record: EventRecord, focus: str | None
) -> tuple[Story, str] | None:
    """The story ``record`` fits best, with why; None when it fits none."""
    events = [story for story in stories if story.kind == "event"]
    last = next((s for s in reversed(stories) if s.kind == "event"), None)
    best: tuple[float, int, Story, str] | None = None
    for number, story in enumerate(events):
        score = _fit(story, record, focus)
        if score is None:
            continue
        score += (story is last) + (number == 0) * 0.5 - 1.5 * (story.shift is not None)
        if best is None or score > best[0]:
            why = "refers back to" if _definite(record) else "fits"
            best = (score, number, story, f"{why} event {story.members[0].id} of the same report")
    return (best[2], best[3]) if best else None


def _fit(story: Story, record: EventRecord, focus: str | None) -> float | None:
    """How well ``record`` fits ``story`` (higher is better), None when it cannot be that event."""
    lead = _consolidated(story)
    if lead.type != record.type or not actors_compatible(lead, record):
        return None
    if is_control(lead) != is_control(record):
        return None  # a capture and a strike on one town are two events
    when, where = _day_fit(story, lead, record), _place_fit(lead, record, focus)
    if when is None or where is None:
        return None
    if _same_sentence(story.members[-1], record):
        return when + where + 3
    means = _means_fit(lead, record)
    return None if means is None else when + where + means


def _day_fit(story: Story, lead: EventRecord, record: EventRecord) -> float | None:
    """Within one report a day's slack (a speech's day, "overnight"), none where the means
    differ or the story is a day the report moved to."""
    if not _day_like(record):
        return 0.0
    apart = days_apart(lead, record)
    allowed = 0 if story.shift or _means_differ(lead, record) else 1
    if apart is None or apart > allowed:
        return None
    score = 2.0 if apart == 0 and _day_like(lead) else 0.0
    return score + (1.5 if apart == 0 and story.shift is not None else 0.0)


def _place_fit(lead: EventRecord, record: EventRecord, focus: str | None) -> float | None:
    """A wave across the whole country is not a city's event; places must be compatible."""
    wide = record.where_precision == 6 and story_words().wide.any(record.sentence)
    if wide and record.country_code == focus and _informative_place(lead):
        return None
    if not (_informative_place(record) and _informative_place(lead)):
        return 0.0
    return None if places_compatible(lead, record) is None else 2.0


def _means_fit(lead: EventRecord, record: EventRecord) -> float | None:
    """Another kind of target is another event unless the mention refers back, is denied or
    is told inside a party's denial or accusation; weapons only weigh."""
    lenient = _definite(record) or record.negated or record.reported
    score = 0.0
    if record.targets and lead.targets:
        shared = bool(record.targets & lead.targets)
        if not shared and not lenient:
            return None
        score += 2.0 if shared else -2.0
    if record.weapons and lead.weapons:
        score += 1.0 if record.weapons & lead.weapons else -1.0
    return score


def _means_differ(lead: EventRecord, record: EventRecord) -> bool:
    """Whether the two name weapons, or targets, with nothing in common."""
    return bool(
        (lead.weapons and record.weapons and not lead.weapons & record.weapons)
        or (lead.targets and record.targets and not lead.targets & record.targets)
    )


def _same_sentence(told: EventRecord, record: EventRecord) -> bool:
    """Whether ``record`` is in the sentence of a mention already told (one sentence tells one
    event unless a cue says otherwise)."""
    if told.sentence_start is None or told.sentence_start != record.sentence_start:
        return False
    if told.type != record.type or told.position is None or record.position is None:
        return False
    first, last = sorted((told.position, record.position))
    offset = first - told.sentence_start
    return "\n" not in told.sentence[offset : offset + last - first]


def _informative_place(record: EventRecord) -> bool:
    """A place below country level with coordinates."""
    return (
        record.place_id is not None
        and record.where_precision not in (None, 6)
        and record.latitude is not None
    )


def _day_like(record: EventRecord) -> bool:
    """Dated by the text to a day or a few (not "this year", not "since 2022")."""
    return bool(
        record.dated_by_text
        and record.date_start
        and record.date_end
        and record.date_end - record.date_start <= DAY_LIKE
    )


def _definite(record: EventRecord) -> bool:
    """Whether the trigger refers back to an event already told ("the attack")."""
    offset = record.offset
    if offset is None:
        return False
    before = record.sentence[:offset]
    words = story_words()
    first = fold(record.trigger).split(maxsplit=1)[0] if record.trigger.strip() else ""
    return first in words.determiners or bool(words.definite.search(before))


def _consolidated(story: Story) -> EventRecord:
    """The story so far as one record: the lead with the members' place, text date, means."""
    lead = story.members[0]
    placed = [m for m in story.members if _informative_place(m)]
    dated = [m for m in story.members if _day_like(m)]
    where = min(placed, key=_place_rank, default=lead)
    when = min(dated, key=_date_rank, default=None) or _undated(lead)
    return replace(
        _with_place(lead, where),
        date_start=when.date_start,
        date_end=when.date_end,
        dated_by_text=when.dated_by_text,
        date_precision=when.date_precision,
        vague_date=when.vague_date,
        approximate_date=not when.dated_by_text,
        weapons=frozenset().union(*(m.weapons for m in story.members)),
        targets=frozenset().union(*(m.targets for m in story.members)),
    )


def _undated(record: EventRecord) -> EventRecord:
    """A mention the text does not date to a few days: the days before its publication."""
    if record.published is None or (record.date_start and not record.dated_by_text):
        return replace(record, dated_by_text=False)
    return replace(
        record,
        date_start=record.published - FALLBACK_WINDOW,
        date_end=record.published,
        dated_by_text=False,
    )


def _place_rank(record: EventRecord) -> tuple[int, int]:
    return (PRECISION_RANK.get(record.where_precision or 0, 3), record.position or 0)


def _date_rank(record: EventRecord) -> tuple[int, int]:
    assert record.date_start and record.date_end
    return ((record.date_end - record.date_start).days, record.position or 0)


def _with_place(record: EventRecord, where: EventRecord) -> EventRecord:
    return replace(
        record,
        place_id=where.place_id,
        place_name=where.place_name,
        latitude=where.latitude,
        longitude=where.longitude,
        country_code=where.country_code,
        where_precision=where.where_precision,
        admin1=where.admin1,
    )


def _from_mention(record: EventRecord, place: PlaceMention, precision: int) -> EventRecord:
    return replace(
        record,
        place_id=place.place_id,
        place_name=place.name,
        latitude=place.latitude,
        longitude=place.longitude,
        country_code=place.country_code,
        where_precision=precision,
        admin1=place.admin1,
    )


def _head(story: Story, stories: list[Story], facts: ArticleFacts | None) -> EventRecord:
    """The story as one event: the lead mention with the story's place, date, attacker, means."""
    head = _consolidated(story)
    if story.kind != "event":
        return head
    head = _story_place(story, stories, head, facts)
    head = _story_date(story, stories, head)
    lead = story.members[0]
    # Across reports a story is what its lead says it hit and with what: later lines add
    # details another report may not give ("homes" set on fire, the "army base" raided).
    head = replace(head, weapons=lead.weapons, targets=lead.targets)
    return _story_actor(story, head)


def _story_actor(story: Story, head: EventRecord) -> EventRecord:
    """The attacker: the lead mention's, else one at least two mentions name."""
    lead = story.members[0]
    if lead.actor_key:
        return replace(
            head,
            actor_key=lead.actor_key,
            actor_country=lead.actor_country,
            actor_named=lead.actor_named,
        )
    actors = Counter(m.actor_key for m in story.members if m.actor_key and not m.negated)
    repeated = [key for key, count in actors.items() if count >= 2]
    if not repeated:
        return replace(head, actor_key=None, actor_country=None, actor_named=None)
    actor = max(repeated, key=lambda key: (actors[key], -_first_position(story, key)))
    source = next(m for m in story.members if m.actor_key == actor)
    return replace(
        head,
        actor_key=actor,
        actor_country=source.actor_country,
        actor_named=source.actor_named,
    )


def _first_position(story: Story, actor: str) -> int:
    return min(m.position or 0 for m in story.members if m.actor_key == actor)


def _story_place(
    story: Story, stories: list[Story], head: EventRecord, facts: ArticleFacts | None
) -> EventRecord:
    """The lead mention's own place, else the most precise place named in its sentence, else the
    other members' (their own, then named in their sentences) - each below country level and in
    the article's country; else (a day-shifted story) the main story's place; else a member's
    place elsewhere; else (the main story) the article's most named place."""
    focus = facts.focus_country if facts else None
    lead = story.members[0]
    if _informative_place(lead) or _country_wide(lead, facts):
        return _with_place(head, lead)
    named = _named_in_sentences([lead], facts, focus) if facts is not None else None
    if named is not None:
        return _from_mention(head, named, _sentence_precision(named))
    placed = [m for m in story.members if _informative_place(m)]
    if placed:
        return _with_place(head, min(placed, key=_place_rank))
    main = next((s for s in stories if s.kind == "event" and s.shift is None), None)
    if story.shift is not None and main is not None and main is not story and main.head:
        return _with_place(head, main.head)
    own = [m for m in story.members if _informative_place(m)]
    if own:
        return _with_place(head, min(own, key=_place_rank))
    if story is main and facts is not None:
        common = _most_named(facts, focus)
        if common is not None:
            return _from_mention(head, common, max(common.precision or 4, 2))
    return replace(head, country_code=head.country_code or focus)


def _country_wide(record: EventRecord, facts: ArticleFacts | None) -> bool:
    """A mention placed in the whole country the article is about, its sentence saying so
    ("across", "nationwide") and naming no place within it but in an aside ("Zelenskiy, who was
    born in Kryvyi Rih, said Russia had launched 50 drones across Ukraine")."""
    if (
        facts is None
        or record.where_precision != 6
        or record.country_code is None
        or record.country_code != facts.focus_country
        or record.sentence_start is None
        or not story_words().wide.any(record.sentence)
    ):
        return False
    asides = [
        (record.sentence_start + m.start(), record.sentence_start + m.end())
        for m in _asides().finditer(record.sentence)
    ]
    named = facts.places_between(
        record.sentence_start, record.sentence_start + len(record.sentence)
    )
    return not any(
        place.precision != 6 and not any(start <= place.start < end for start, end in asides)
        for place in named
    )


def _sentence_precision(place: PlaceMention) -> int:
    """A place named in the sentence, not linked to the event: near it at best."""
    return 2 if (place.precision or 9) <= 2 else place.precision or 4


def _named_in_sentences(
    members: list[EventRecord], facts: ArticleFacts, focus: str | None
) -> PlaceMention | None:
    """The most precise place (below country) of the article's country named in the sentences
    of ``members``, the first's first."""
    for member in members:
        if member.sentence_start is None:
            continue
        named = [
            place
            for place in facts.places_between(
                member.sentence_start, member.sentence_start + len(member.sentence)
            )
            if place.precision != 6 and facts.credible(place.country_code)
        ]
        if named:
            return min(named, key=lambda p: (PRECISION_RANK.get(p.precision or 0, 3), p.start))
    return None


def _most_named(facts: ArticleFacts, focus: str | None) -> PlaceMention | None:
    """The place below country level the article names most, in its country."""
    located = [
        p
        for p in facts.places
        if p.role == "location" and p.precision != 6 and (focus is None or p.country_code == focus)
    ]
    counts = Counter(p.place_id for p in located)
    first = {p.place_id: p for p in sorted(located, key=lambda p: -p.start)}
    named = [pid for pid in counts if counts[pid] >= 2 or first[pid].start < OPENING]
    if not named:
        return None
    top = min(named, key=lambda pid: (-counts[pid], first[pid].start))
    return first[top]


def _story_date(story: Story, stories: list[Story], head: EventRecord) -> EventRecord:
    """A day-shifted story's date is the main story's moved by the cue; a story the text never
    dates keeps the days before publication, marked approximate."""
    if story.shift is not None:
        main = next((s for s in stories if s.kind == "event" and s.shift is None), None)
        base = main.head if main is not None and main.head is not None else None
        if base is not None and base.dated_by_text and base.date_start and base.date_end:
            moved = dt.timedelta(days=story.shift)
            return replace(
                head,
                date_start=base.date_start + moved,
                date_end=base.date_end + moved,
                dated_by_text=True,
                approximate_date=False,
            )
    if not head.dated_by_text:
        return replace(head, approximate_date=True)
    return head
