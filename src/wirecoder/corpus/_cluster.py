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

from ._match import agreement, compatible, merge_reason
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


def _cell(head: EventRecord) -> tuple[int, int] | None:
    """The grid cell of a precisely placed story (within 25 km), None for vaguer ones."""
    if head.latitude is None or head.longitude is None or (head.where_precision or 9) > 2:
        return None
    return (
        math.floor(head.latitude / CELL_DEGREES[0]),
        math.floor(head.longitude / CELL_DEGREES[1]),
    )


def _near(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two cells are the same or adjacent (or either story is vaguely placed)."""
    return a is None or b is None or (abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1)


def _candidate_pairs(stories: list[Story]) -> list[tuple[int, int]]:
    """Pairs of stories (by index) of one type whose days may meet (a day's slack) and whose
    places may be near: a sweep over each type's stories in date order."""
    heads = [story.identity for story in stories]
    cells = [_cell(head) for head in heads]
    by_type: dict[str, list[int]] = defaultdict(list)
    for index, head in enumerate(heads):
        by_type[head.type].append(index)
    slack = dt.timedelta(days=1)
    pairs: list[tuple[int, int]] = []
    for indices in by_type.values():
        indices.sort(key=lambda i: (heads[i].date_start, i))
        for position, first in enumerate(indices):
            end = heads[first].date_end
            assert end is not None
            for second in indices[position + 1 :]:
                start = heads[second].date_start
                assert start is not None
                if start > end + slack:
                    break
                if not _near(cells[first], cells[second]):
                    continue
                if stories[first].article_id != stories[second].article_id:
                    pairs.append((first, second))
    return pairs


class _Groups:
    """Stories merged by complete linkage: for each pair of groups, how many of their story
    pairs may be one event; two groups join only when all may, and no report is in both."""

    def __init__(self, stories: list[Story]) -> None:
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(stories))}
        self.reports: dict[int, set[int]] = {i: {s.article_id} for i, s in enumerate(stories)}
        self.group_of = list(range(len(stories)))
        self.links: dict[int, dict[int, int]] = defaultdict(dict)

    def link(self, a: int, b: int) -> None:
        self.links[a][b] = self.links[b][a] = 1

    def joinable(self, ga: int, gb: int) -> bool:
        if self.reports[ga] & self.reports[gb]:
            return False
        return self.links[ga].get(gb, 0) == len(self.members[ga]) * len(self.members[gb])

    def join(self, keep: int, gone: int) -> None:
        for index in self.members[gone]:
            self.group_of[index] = keep
        self.members[keep] += self.members.pop(gone)
        self.reports[keep] |= self.reports.pop(gone)
        for other, count in self.links.pop(gone).items():
            if other == keep:
                continue
            self.links[keep][other] = self.links[keep].get(other, 0) + count
            self.links[other][keep] = self.links[keep][other]
            del self.links[other][gone]
        self.links[keep].pop(gone, None)


def _link(
    stories: list[Story], articles: Mapping[int, ArticleFacts]
) -> list[list[tuple[Story, str | None]]]:
    """Complete linkage over the stories, best-agreeing compatible pairs first."""
    keys = [_story_key(story, articles) for story in stories]
    groups = _Groups(stories)
    scored = []
    for first, second in _candidate_pairs(stories):
        a, b = (first, second) if keys[first] <= keys[second] else (second, first)
        if compatible(stories[a].identity, stories[b].identity):
            groups.link(a, b)
            scored.append(
                (-agreement(stories[a].identity, stories[b].identity), keys[a], keys[b], a, b)
            )
    scored.sort()
    reasons: dict[int, str] = {}
    for *_, a, b in scored:
        ga, gb = groups.group_of[a], groups.group_of[b]
        if ga == gb or not groups.joinable(ga, gb):
            continue
        keep, gone = (
            (ga, gb) if keys[groups.members[ga][0]] <= keys[groups.members[gb][0]] else (gb, ga)
        )
        reason = merge_reason(stories[a].identity, stories[b].identity) or ""
        for index in groups.members[gone]:
            reasons.setdefault(index, reason)
        groups.join(keep, gone)
    return [
        [(stories[i], reasons.get(i)) for i in sorted(members, key=lambda i: keys[i])]
        for members in groups.members.values()
    ]
