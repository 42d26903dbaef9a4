"""One event per happening in an article: a report repeated later in the story is merged.

Two events are the same when type, mode and auxiliary modes agree, their actors and recipients
do not contradict each other (same actor, same country and sector, or one side unknown), their
places agree (or one is unknown) and their date intervals overlap. An advance into a place and
its capture, by one actor and on the word of one source ("have seized the centre", then in the
same source's quote "advanced into the town centre"), are one capture. The merged event keeps the
first trigger and collects every sentence and claim; missing fields are filled from the later
report, and counts keep the widest range reported: the lowest low and the highest high, with the
first report's best, or, when two different sources disagree, the lower best (UCDP's rule where
no source is the more reliable).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...schema import INFERRED_DATE, INFERRED_PLACE, PLACE_SOURCES, Count, Event, Participant, Size

_GROUND = frozenset({"advance", "capture"})
_MERGED_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "CONSULT", "MOBILIZE", "PROTEST"})
"""Types whose repeated reports in one story are merged: material acts and meetings."""


def merge_duplicates(events: list[Event], sources: Mapping[str, str]) -> list[Event]:
    """``events`` with repeated reports of one happening merged, ids renumbered in order;
    ``sources`` names the source of each attributed claim, by claim id."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same(k, event, sources)), None)
        if same is None:
            kept.append(event)
        else:
            kept[kept.index(same)] = combined(same, event, sources)
    return [event.model_copy(update={"id": f"E{number}"}) for number, event in enumerate(kept, 1)]


def _same(first: Event, second: Event, sources: Mapping[str, str]) -> bool:
    if (first.type, sorted(first.aux)) != (second.type, sorted(second.aux)):
        return False
    if first.mode != second.mode and not (
        {first.mode, second.mode} == _GROUND and one_source(first, second, sources)
    ):
        return False
    if first.type not in _MERGED_TYPES:
        return False
    if first.actor is None or second.actor is None:
        return False
    if not _agree(first.actor, second.actor) or not _agree(first.recipient, second.recipient):
        return False
    first_place, second_place = stated_place(first), stated_place(second)
    if first_place and second_place and first_place != second_place:
        return False
    if (first_place is None) != (second_place is None):
        return False
    if _conflicting_counts(first.size, second.size):
        return False
    if (
        any(s in second.spans for s in first.spans)
        and _differing_counts(first.size, second.size)
        and not two_sources(first, second, sources)
    ):
        return False  # two tolls side by side in one sentence, on one word, are two happenings
    return overlap(first, second)


def one_source(
    first: Event, second: Event, sources: Mapping[str, str], loose: bool = False
) -> bool:
    """Both rest on attributed claims, and on the word of one and the same source; with
    ``loose``, also when either rests on no attributed claim (the reporter's own voice)."""
    said = [{sources[c] for c in event.claim_ids if c in sources} for event in (first, second)]
    if loose and not (said[0] and said[1]):
        return True
    return bool(said[0]) and said[0] == said[1]


def two_sources(first: Event, second: Event, sources: Mapping[str, str]) -> bool:
    """Each rests on attributed claims, and no source is behind both."""
    said = [{sources[c] for c in event.claim_ids if c in sources} for event in (first, second)]
    return bool(said[0]) and bool(said[1]) and not said[0] & said[1]


def _agree(first: Participant | None, second: Participant | None) -> bool:
    if first is None or second is None:
        return True
    if first.actor_id and second.actor_id and first.actor_id != second.actor_id:
        # A state and its own forces or government are one side: "Russia" and "rus.mil".
        return first.country == second.country and (first.sector is None or second.sector is None)
    if first.country and second.country and first.country != second.country:
        return False
    if first.sector and second.sector and first.sector != second.sector:
        return False
    return bool(first.country or first.sector) and bool(second.country or second.sector)


def _conflicting_counts(first: Size, second: Size) -> bool:
    for kind in ("killed", "injured", "arrested"):
        a, b = getattr(first, kind), getattr(second, kind)
        if (
            a is not None
            and b is not None
            and a.best is not None
            and b.best is not None
            and not 0.5 <= max(a.best, 1) / max(b.best, 1) <= 2
        ):
            return True
    return False


def _differing_counts(first: Size, second: Size) -> bool:
    return any(
        a is not None and b is not None and a.best != b.best
        for a, b in (
            (first.killed, second.killed),
            (first.injured, second.injured),
            (first.arrested, second.arrested),
        )
    )


def overlap(first: Event, second: Event) -> bool:
    """The date intervals of two events overlap (or neither is dated)."""
    if None in (first.date_start, first.date_end, second.date_start, second.date_end):
        return first.date_start is None and second.date_start is None
    assert first.date_start and first.date_end and second.date_start and second.date_end
    return first.date_start <= second.date_end and second.date_start <= first.date_end


def stated_place(event: Event) -> str | None:
    """The event's place when the text states it; one inferred from the paragraph or the
    article tells two reports apart no more than none."""
    return event.place_id if event.place_from not in INFERRED_PLACE else None


def _surest_place(first: Event, second: Event) -> Event:
    """Of two reports of one happening, the one whose place the text states most surely."""
    return min(
        (first, second),
        key=lambda e: PLACE_SOURCES.index(e.place_from) if e.place_from else len(PLACE_SOURCES),
    )


def combined(
    first: Event,
    second: Event,
    sources: Mapping[str, str] | None = None,
    part: bool = False,
) -> Event:
    """``first`` with the later report ``second`` of the same happening folded in; with
    ``part``, ``second`` told a part of ``first``'s toll and adds only its words and claims."""
    update: dict[str, object] = {
        "spans": first.spans + [s for s in second.spans if s not in first.spans],
        "claim_ids": list(dict.fromkeys(first.claim_ids + second.claim_ids)),
        "joined": first.joined + [second.trigger, *second.joined],
    }
    if part:
        return first.model_copy(update=update)
    lower = sources is not None and two_sources(first, second, sources)
    surest = _surest_place(first, second)
    update.update(
        {
            "mode": "capture" if "capture" in (first.mode, second.mode) else first.mode,
            "context": list(dict.fromkeys(first.context + second.context)),
            "actor": first.actor or second.actor,
            "recipient": first.recipient or second.recipient,
            "place_id": surest.place_id,
            "where_precision": surest.where_precision,
            "place_from": surest.place_from,
            "size": Size(
                killed=wider(first.size.killed, second.size.killed, lower),
                injured=wider(first.size.injured, second.size.injured, lower),
                arrested=wider(first.size.arrested, second.size.arrested, lower),
            ),
        }
    )
    precise_date = second.date_precision is not None and (
        first.date_precision is None or _date_rank(second) < _date_rank(first)
    )
    if precise_date:
        update.update(
            time_id=second.time_id,
            date_start=second.date_start,
            date_end=second.date_end,
            date_precision=second.date_precision,
            date_from=second.date_from,
        )
    return first.model_copy(update=update)


def _date_rank(event: Event) -> tuple[bool, int]:
    """A date the text states before one inferred, then the more precise."""
    return event.date_from in INFERRED_DATE, event.date_precision or 6


def wider(first: Count | None, second: Count | None, lower: bool = False) -> Count | None:
    """The range of two reports of one count; with ``lower``, the lower best. A report with no
    upper bound ("at least 30") still reaches its own figure: beside "19" the high is 30."""
    if first is None or second is None:
        return first or second
    lows = [v for v in (first.low, second.low) if v is not None]
    highs = [
        v
        for v in (
            first.high if first.high is not None else first.best,
            second.high if second.high is not None else second.best,
        )
        if v is not None
    ]
    bests = [v for v in (first.best, second.best) if v is not None]
    best = first.best if first.best is not None else second.best
    return Count(
        low=min(lows) if lows else None,
        best=min(bests) if lower and bests else best,
        high=max(highs) if highs else None,
        span=first.span,
    )
