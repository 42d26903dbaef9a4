"""From candidates to normalized expressions: each resolved against its anchor and widened
over the words before it, overlaps settled, and expressions that count from a time the text has
named resolved in text order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ._calendar import Grain, Period
from ._resolution import Anchor, Candidate, Resolution
from ._rules import FLAGS
from ._scan import find_candidates
from ._words import MODIFIER_WORDS, alternatives

_MODIFIER_BEFORE = re.compile(
    rf"(?:^|(?<=\W))(?P<modifier>{alternatives(MODIFIER_WORDS.modifiers)})(?:\s+(?:on|in))?(?:\s+|-)$",
    FLAGS,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", FLAGS)
_AS_SOON_AS_BEFORE = re.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+)?$", FLAGS)


@dataclass(frozen=True)
class Normalized:
    """A recognized expression: its character range and its resolution."""

    start: int
    end: int
    resolution: Resolution


def normalize(candidate: Candidate, anchor: Anchor) -> Normalized | None:
    """Resolve a candidate; widen it over a preceding "early"/"late"/"the end of" (the mod)
    and stretch "since X" to run from X to the DCT."""
    start = candidate.start
    before = candidate.match.string[max(0, start - 24) : start]
    since = _SINCE_BEFORE.search(before) is not None
    if since:
        anchor = replace(anchor, tense="past", firm=True)  # "since May": a May already begun
    elif _AS_SOON_AS_BEFORE.search(before):
        anchor = replace(anchor, tense="future", firm=True)  # "as early as Tuesday"
    try:
        resolution = candidate.rule.resolve(candidate.match, anchor)
    except (ValueError, OverflowError):  # "3000 years ago" leaves the calendar: no date to give
        resolution = candidate.rule.resolve(candidate.match, replace(anchor, dct=None))
    if resolution is None:
        return None
    modifier = _MODIFIER_BEFORE.search(before) if resolution.type in ("DATE", "TIME") else None
    if modifier and resolution.mod is None:
        resolution = replace(
            resolution, mod=MODIFIER_WORDS.modifiers[" ".join(modifier["modifier"].lower().split())]
        )
        start -= len(before) - modifier.start()
    if (
        resolution.start is not None
        and anchor.dct is not None
        and resolution.start <= anchor.dct
        and since
    ):
        resolution = replace(resolution, end=anchor.dct)
    return Normalized(start, candidate.end, _clip_to_dct(candidate.match, resolution, anchor))


def _clip_to_dct(match: re.Match[str], resolution: Resolution, anchor: Anchor) -> Resolution:
    """ "earlier this week" cannot run past the DCT, nor "later this month" start before it."""
    side = match.groupdict().get("side")
    dct = anchor.dct
    if side is None or dct is None or resolution.start is None or resolution.end is None:
        return resolution
    if not resolution.start <= dct <= resolution.end:
        return resolution
    if side.lower() == "earlier":
        return replace(resolution, end=dct)
    return replace(resolution, start=dct)


def recognize(text: str, anchor_of: Callable[[Candidate], Anchor]) -> list[Normalized]:
    """The normalized expressions of ``text`` in text order; ``anchor_of`` gives each candidate
    its anchor. Where readings overlap the longest wins, the earlier rule on a tie."""
    readings = [n for c in find_candidates(text) if (n := normalize(c, anchor_of(c))) is not None]
    kept: list[Normalized] = []
    for reading in sorted(readings, key=lambda n: n.start - n.end):
        if all(reading.end <= k.start or reading.start >= k.end for k in kept):
            kept.append(reading)
    return follow_focus(sorted(kept, key=lambda n: n.start))


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]$")


def follow_focus(readings: list[Normalized]) -> list[Normalized]:
    """Resolve expressions that count from a time the text has named, in text order.

    The time in focus is the last calendar date or time mentioned that is no coarser than the
    step's grain (anaphoric ones included, so "on Monday ... the next day ... two days
    earlier" chains). Quarters have their own focus, the last quarter mentioned other than by
    comparison ("the year-earlier quarter"). A value found this way is anchored when the time
    it counts from was."""
    foci: list[Resolution] = []
    quarters: list[Resolution] = []
    resolved: list[Normalized] = []
    for reading in readings:
        resolution = reading.resolution
        compared = False
        for grain, shift in resolution.follows:
            found = _step_from(quarters if grain == "quarter" else foci, grain, shift)
            if found is not None:
                period, source = found
                resolution = replace(
                    resolution,
                    type="TIME" if resolution.clock else "DATE",
                    value=period.value + resolution.clock,
                    start=period.start,
                    end=period.end,
                    anchored=source.anchored,
                )
                compared = grain == "quarter"
                break
        resolved.append(replace(reading, resolution=resolution))
        if compared:
            continue  # "the year-ago quarter" is a comparison; the story stays on its quarter
        if (
            resolution.start is not None
            and resolution.end is not None
            and (resolution.type in ("DATE", "TIME") and resolution.value[:1].isdigit())
        ):
            foci.append(resolution)
            if _QUARTER_VALUE.match(resolution.value):
                quarters.append(resolution)
    return resolved


def _step_from(
    foci: list[Resolution], grain: Grain, shift: int
) -> tuple[Period, Resolution] | None:
    """The period ``shift`` grains from the latest focus no coarser than ``grain``, and that
    focus ("in 2021" is too coarse to count days from)."""
    for focus in reversed(foci):
        if focus.start is None or focus.end is None:
            continue
        holding = Period.containing(focus.start, grain)
        if holding.end >= focus.end:
            try:
                return holding.shifted(shift), focus
            except (ValueError, OverflowError):
                return None  # "in 2022, 2022 years earlier": no such year
    return None
