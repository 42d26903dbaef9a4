"""Fold the stories of many reports into clusters, one per real-world event.

Each report's mentions are first told apart into stories (``_story``); a story is one event as one
report tells it. Stories of different reports are then merged by complete linkage: two clusters
join only when every story of one may be the same event as every story of the other
(``_match.merge_reason``) and no report is in both. Merges are made best-agreeing pair first
(``_match.agreement``), ties broken by the reports' content hashes and the mentions' positions,
so the clusters are a function of the stored set, never of the order it was stored in.

Background stories (totals, recollections) and foreseen events stay alone: no event to fold.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ._match import agreement, merge_reason
from ._records import ArticleFacts, EventRecord
from ._story import Story, tell_stories

CELL_DEGREES = (0.5, 1.0)
"""Grid cells (latitude, longitude) for finding nearby stories: two precise places that may be
one are always in adjacent cells."""


@dataclass
class Cluster:
    """Events judged to be one real-world event, each with the reason it joined."""

    members: list[EventRecord]
    reasons: dict[int, str] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    kind: str = "event"

    @property
    def asserting(self) -> list[EventRecord]:
        """Members saying the event happened: neither denied nor speculative."""
        return [member for member in self.members if not (member.negated or member.speculative)]

    @property
    def identity(self) -> EventRecord:
        """The cluster as one event: the head of its first story."""
        return self.stories[0].identity if self.stories else self.members[0]

    @property
    def origins(self) -> set[int]:
        """Independent origins vouching for the event, as actor ids (one per canonical source),
        from the claims its mentions rest on."""
        from ._origins import CORROBORATING, tally

        voices = tally(self.stories or [Story(self.members)], {}, {})
        return {
            min(v.origin_ids) for v in voices.voices if v.role == CORROBORATING and v.origin_ids
        }


def cluster_events(
    records: Iterable[EventRecord], articles: Mapping[int, ArticleFacts] | None = None
) -> list[Cluster]:
    """The clusters of ``records``: stories per report, then complete linkage across reports."""
    articles = articles or {}
    by_article: dict[int, list[EventRecord]] = defaultdict(list)
    for record in records:
        by_article[record.article_id].append(record)
    stories = [
        story
        for article_id in sorted(by_article, key=lambda a: _digest(articles, a))
        for story in tell_stories(by_article[article_id], articles.get(article_id))
    ]
    clusters = [_alone(story) for story in stories if not _foldable(story)]
    groups = _link([s for s in stories if _foldable(s)], articles)
    clusters += [_cluster(group) for group in groups]
    return sorted(clusters, key=lambda c: _story_key(c.stories[0], articles))


def _digest(articles: Mapping[int, ArticleFacts], article_id: int) -> tuple[str, int]:
    """An article's content hash, and its id only when the hash is not known (hand-made
    records): ties are broken on content, so the result does not depend on insertion order."""
    facts = articles.get(article_id)
    return (facts.digest if facts else "", article_id if facts is None else 0)


def _story_key(story: Story, articles: Mapping[int, ArticleFacts]) -> tuple[str, str, int, int]:
    head = story.identity
    day = head.date_start.isoformat() if head.date_start else ""
    digest, fallback = _digest(articles, story.article_id)
    return (day, digest, head.position or 0, head.id if fallback else 0)


def _foldable(story: Story) -> bool:
    head = story.identity
    return story.kind == "event" and head.date_start is not None and head.date_end is not None


def _alone(story: Story) -> Cluster:
    return Cluster(
        members=list(story.members), reasons=dict(story.reasons), stories=[story], kind=story.kind
    )


def _cluster(group: list[tuple[Story, str | None]]) -> Cluster:
    cluster = Cluster(members=[], stories=[story for story, _ in group])
    for story, reason in group:
        cluster.members += story.members
        cluster.reasons.update(story.reasons)
        if reason is not None:
            cluster.reasons[story.members[0].id] = reason
    return cluster


def _cells(head: EventRecord) -> list[tuple[int, int]] | None:
    """The grid cells around a precisely placed story (within 25 km), None for vaguer ones."""
    if head.latitude is None or head.longitude is None or (head.where_precision or 9) > 2:
        return None
    row = math.floor(head.latitude / CELL_DEGREES[0])
    column = math.floor(head.longitude / CELL_DEGREES[1])
    return [(row + dr, column + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]


def _candidate_pairs(stories: list[Story]) -> set[tuple[int, int]]:
    """Pairs of stories (by index) of one type whose days may meet and whose places may be near:
    a block by type and day, then by grid cell for precisely placed ones."""
    by_day: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
    for index, story in enumerate(stories):
        head = story.identity
        assert head.date_start and head.date_end
        day = head.date_start - dt.timedelta(days=1)
        while day <= head.date_end + dt.timedelta(days=1):
            by_day[(head.type, day)].append(index)
            day += dt.timedelta(days=1)
    pairs: set[tuple[int, int]] = set()
    for members in by_day.values():
        for position, first in enumerate(members):
            near = _cells(stories[first].identity)
            for second in members[position + 1 :]:
                other = _cells(stories[second].identity)
                if near is not None and other is not None and other[4] not in near:
                    continue
                if stories[first].article_id != stories[second].article_id:
                    pairs.add((min(first, second), max(first, second)))
    return pairs


def _link(
    stories: list[Story], articles: Mapping[int, ArticleFacts]
) -> list[list[tuple[Story, str | None]]]:
    """Complete linkage over the stories, best-agreeing compatible pairs first."""
    keys = [_story_key(story, articles) for story in stories]
    scored = []
    for first, second in _candidate_pairs(stories):
        a, b = (first, second) if keys[first] <= keys[second] else (second, first)
        reason = merge_reason(stories[a].identity, stories[b].identity)
        if reason is not None:
            score = agreement(stories[a].identity, stories[b].identity)
            scored.append((-score, keys[a], keys[b], a, b, reason))
    scored.sort()
    compatible = {(a, b) for *_, a, b, _ in scored} | {(b, a) for *_, a, b, _ in scored}
    group_of = list(range(len(stories)))
    groups: dict[int, list[int]] = {index: [index] for index in range(len(stories))}
    reasons: dict[int, str] = {}
    for *_, a, b, reason in scored:
        ga, gb = group_of[a], group_of[b]
        if ga == gb or not _joinable(groups[ga], groups[gb], stories, compatible):
            continue
        keep, gone = (ga, gb) if keys[groups[ga][0]] <= keys[groups[gb][0]] else (gb, ga)
        for index in groups[gone]:
            group_of[index] = keep
            reasons.setdefault(index, reason)
        groups[keep] += groups.pop(gone)
    return [
        [(stories[i], reasons.get(i)) for i in sorted(members, key=lambda i: keys[i])]
        for members in groups.values()
    ]


def _joinable(
    first: list[int], second: list[int], stories: list[Story], compatible: set[tuple[int, int]]
) -> bool:
    """Every story of one may be the event of every story of the other, and no report is in
    both (a report that tells two events told them apart)."""
    articles = {stories[i].article_id for i in first}
    if any(stories[j].article_id in articles for j in second):
        return False
    return all((i, j) in compatible for i in first for j in second)
