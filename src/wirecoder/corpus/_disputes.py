"""Contradictions inside one cluster: control or a stance asserted and denied, casualty
figures that disagree; and the older rule folding vaguer descriptions of one originator.

Pure functions over ``EventRecord``: the database step loads records and stores the result, so
the rules here can be tested on hand-made records.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from ..schema import SPECULATIVE_AUX, SPECULATIVE_STANCES
from ._match import figures_disagree, is_control
from ._records import EventRecord

if TYPE_CHECKING:
    from ._cluster import Cluster

CONTROL_DENIAL_WORDS = re.compile(
    r"captur|seiz|\btaken\b|\bfall|\bfell\b|control|occup|\bhold|\bheld\b"
)
REFERRING_DENIAL = re.compile(
    r"(?:the |this |that |these |those |such )?"
    r"(?:claims?|reports?|statements?|allegations?|assertions?)"
)
NEGATORS = r"(?:\b(?:no|not|never|nothing|without)\b|n['’]t)"
"""Words that deny what follows them: "posed no threat", "did not shell", "never captured"."""
STEM_LETTERS = 5
"""Letters of a trigger that name its word family: "threatened" and "threat" share "threa"."""
Origin = TypeVar("Origin", bound=Hashable)
ARTICLES = frozenset({"the", "a", "an"})


def fold_descriptions(keys: Mapping[Origin, str]) -> set[Origin]:
    """Which of the originators (id -> actor key) are independent within one event: a description
    all of whose words are in exactly one fuller description ("the regional governor" and "the
    Donetsk regional governor", "officials" and "Russian-installed officials in Donetsk") is
    that originator named less precisely; one fitting several fuller ones stays apart."""
    words = {origin: set(key.split()) - ARTICLES for origin, key in keys.items()}
    independent: set[Origin] = set()
    for origin, own in words.items():
        fuller = [other for other, more in words.items() if own < more]
        fullest = [a for a in fuller if not any(words[a] < words[b] for b in fuller)]
        if len(fullest) != 1:
            independent.add(origin)
    return independent


@dataclass(frozen=True)
class DenialClaim:
    """A denying or negating claim in the report of ``event_id`` that no event carries, e.g.
    "denied that the town had fallen" beside the capture the same story reports."""

    id: int
    event_id: int
    origin: int
    content: str

    def negates(self, trigger: str) -> bool:
        """Whether the content denies the trigger's word family within two words of a negator
        ("posed no threat" for "threatened", "did not shell" for "shelled")."""
        stem = re.escape(trigger.casefold()[:STEM_LETTERS])
        pattern = rf"{NEGATORS}\s+(?:\w+\s+){{0,2}}{stem}"
        return len(trigger) >= STEM_LETTERS and bool(re.search(pattern, self.content.casefold()))

    @property
    def about_control(self) -> bool:
        """Whether it denies a change of hands, or rejects "the claim" the story just reported."""
        text = self.content.strip(" .,;:'\"“”").casefold()
        return bool(CONTROL_DENIAL_WORDS.search(text) or REFERRING_DENIAL.fullmatch(text))


@dataclass(frozen=True)
class Contradiction:
    """Two sides of a dispute inside one cluster; denial claims stand on side b."""

    kind: str  # "control", "stance" or "casualties"
    detail: str
    side_a: tuple[EventRecord, ...]
    side_b: tuple[EventRecord, ...]
    denials: tuple[DenialClaim, ...] = ()


def is_speculative(aux: Iterable[str], stances: Iterable[str]) -> bool:
    """Whether an event is only foreseen or supposed: marked future or hypothetical, or resting
    on claims that are all forecasts or hypotheses."""
    stances = list(stances)
    return bool(SPECULATIVE_AUX.intersection(aux)) or (
        bool(stances) and all(stance in SPECULATIVE_STANCES for stance in stances)
    )


def _names(records: Iterable[EventRecord]) -> str:
    return ", ".join(sorted({f"event {record.id}" for record in records}))


def _claim_names(claims: Iterable[DenialClaim]) -> str:
    return ", ".join(sorted({f"claim {claim.id}" for claim in claims}))


def find_contradictions(
    cluster: Cluster, denials: Iterable[DenialClaim] = ()
) -> list[Contradiction]:
    """Control or stance asserted by some reports and denied by others (by a negated event, by a
    denial claim in a report of the event for control, or for a stance by a claim there that negates
    the event's word: "posed no threat" against "threatened"); casualty figures that disagree beyond
    tolerance. One voice saying both is not a dispute between sides, and a publisher in its own
    voice ("X did not comment on the shelling") is never a side: it reports, it does not deny."""
    found: list[Contradiction] = []
    asserted = tuple(cluster.asserting)
    vouching = {origin for member in asserted for origin in member.origins}
    publisher_of = {member.id: member.publisher_origin for member in cluster.members}
    denied = tuple(
        member
        for member in cluster.members
        if member.negated and member.origins - vouching - {member.publisher_origin}
    )
    control = any(is_control(member) for member in asserted)
    denying = tuple(
        claim
        for claim in {claim.id: claim for claim in denials}.values()
        if claim.origin not in vouching
        and claim.origin != publisher_of.get(claim.event_id)
        and (
            claim.about_control
            if control
            else any(claim.negates(member.trigger) for member in asserted)
        )
    )
    if asserted and (denied or denying):
        place = cluster.members[0].place_name or "the same place"
        what = f"control of {place}" if control else f"{asserted[0].type} at {place}"
        against = ", ".join(part for part in (_names(denied), _claim_names(denying)) if part)
        found.append(
            Contradiction(
                "control" if control else "stance",
                f"{what}: asserted by {_names(asserted)}, denied by {against}",
                asserted,
                denied,
                denying,
            )
        )
    by_figure: dict[int, list[EventRecord]] = defaultdict(list)
    for member in asserted:
        if member.killed_best is not None:
            by_figure[member.killed_best].append(member)
    figures = sorted(by_figure)
    groups: list[list[int]] = []
    for figure in figures:
        if groups and not figures_disagree(groups[-1][0], figure):
            groups[-1].append(figure)
        else:
            groups.append([figure])
    for low_group, high_group in pairwise(groups):
        found.append(
            Contradiction(
                "casualties",
                f"killed: {'/'.join(map(str, low_group))} vs {'/'.join(map(str, high_group))}",
                tuple(member for figure in low_group for member in by_figure[figure]),
                tuple(member for figure in high_group for member in by_figure[figure]),
            )
        )
    return found
