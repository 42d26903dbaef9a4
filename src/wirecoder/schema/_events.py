"""Events in the PLOVER ontology, with actors, place, date, size and provenance."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from ._base import Extracted, Model, Span
from ._places import WherePrecision
from ._times import DatePrecision

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

AuxMode = Literal["negated", "future", "hypothetical", "historical"]

PlaceSource = Literal["trigger", "clause", "sentence", "dateline", "home", "paragraph", "article"]
"""Where in the text an event's place was taken from, from the surest to the weakest:

- ``trigger``: the trigger's own phrases: its place phrases ("killed in Kherson", "clashes near
  Goma"), its object ("shelled Kupiansk"), its patient ("a policeman in Amara was killed"), the
  nouns it governs ("the bombardment of the X district", "an attack on a market in X"), the verb
  a noun trigger hangs from ("an air strike in X killed five");
- ``clause``: a clause bound to the trigger ("killed when militants stormed the village of X"),
  the act it is coordinated with ("shot and killed a man in X"), or a place its clause names by
  description ("the town");
- ``sentence``: the scene set at the head of the sentence, before its reporting verb ("In Goma,
  officials said ...");
- ``dateline``: the text puts the act where the report was filed ("clashes broke out here");
- ``home``: no place of its own; the state whose own authorities act at home ("Russian
  authorities detained ...");
- ``paragraph``: no place of its own; the nearest place named before it in the paragraph
  (``where_precision`` at least 2);
- ``article``: no place of its own nor before it in the paragraph; the place the article named
  most often before it (``where_precision`` at least 4).

A place where someone spoke ("told reporters in Port Sudan"), the speaker's office ("the
governor of Donetsk region said"), a party to the act ("a US air strike", "clashes with Israel")
and a person's origin ("a Tampa woman") are never an event's place; nor is the dateline unless
the text says so. ``home``, ``paragraph`` and ``article`` are inferences, not the text's word: a
dataset that needs stated locations keeps ``trigger``, ``clause``, ``sentence`` and
``dateline``."""

PLACE_SOURCES: tuple[PlaceSource, ...] = get_args(PlaceSource)
"""The place sources from the surest to the weakest."""

INFERRED_PLACE: frozenset[PlaceSource] = frozenset({"home", "paragraph", "article"})
"""Place sources that are inferences, not the text's word about the event."""
DateSource = Literal["sentence", "paragraph", "lead", "publication"]
"""Where in the text an event's date was read, from the surest to the weakest:

- ``sentence``: a time expression of the trigger's own clause ("killed on Thursday"), a stretch
  it runs over ("killed since Jan. 11", "over more than a year"), or a time of another clause of
  its sentence;
- ``paragraph``: none in its sentence; the nearest time in focus before it in its paragraph, or
  at the end of the paragraph just before (within a month of publication);
- ``lead``: the time in focus of the story's lead (within a month of publication);
- ``publication``: the text dates it nowhere; the week before publication (UCDP precision 2), a
  fallback.

A time that belongs to something else in the sentence ("a child born in 2021", "a law passed in
2019", "said on Friday") never dates the event. ``paragraph``, ``lead`` and ``publication`` are
inferences, not the text's word about the event."""

DATE_SOURCES: tuple[DateSource, ...] = get_args(DateSource)
"""The date sources from the surest to the weakest."""

INFERRED_DATE: frozenset[DateSource] = frozenset({"paragraph", "lead", "publication"})
"""Date sources that are inferences, not the text's word about the event."""

SPECULATIVE_AUX: frozenset[AuxMode] = frozenset({"future", "hypothetical"})
"""Event modes of what may happen, not what did."""

UNREAL_AUX: frozenset[AuxMode] = frozenset({"negated", "future", "hypothetical"})
"""Event modes of events that did not (or not yet) happen: not rows of an event dataset."""


class Actor(Extracted):
    """A participant (person, force, government, group), folded over aliases."""

    name: str
    mentions: list[Span] = Field(default_factory=list)
    kind: str | None = Field(
        default=None, description="person, organization, government, military ..."
    )
    country: str | None = Field(default=None, description="ISO 3166 alpha-3.")
    sector: str | None = Field(
        default=None, description="PLOVER sector code: GOV, MIL, CVL, JRN ..."
    )
    side: str | None = None


class Participant(Model):
    """An actor in one role of one event, with the words that named it there."""

    actor_id: str | None = None
    name: str
    span: Span | None = None
    country: str | None = None
    sector: str | None = None


class Count(Model):
    """A reported number as a range: "at least 7" is low 7, "dozens" low 24 best 36 high 99."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    span: Span | None = None


class Size(Model):
    """How many people an event harmed or held."""

    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None


class Event(Extracted):
    """A PLOVER event and the evidence for it."""

    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    trigger: Span
    joined: list[Span] = Field(
        default_factory=list,
        description="Other trigger words joined to this event as reports of the same happening: "
        "casualty words ('killed', 'wounded') joined to the attack they report, a trigger inside "
        "another of its type ('an offensive to capture'), the triggers of later reports of it.",
    )
    spans: list[Span] = Field(default_factory=list, description="Sentences the event rests on.")
    actor: Participant | None = None
    recipient: Participant | None = None
    place_id: str | None = None
    where_precision: WherePrecision | None = None
    place_from: PlaceSource | None = Field(
        default=None,
        description="Where in the text the place was taken from: trigger, clause, sentence, "
        "dateline (stated) or home, paragraph, article (inferred); see PlaceSource.",
    )
    time_id: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_from: DateSource | None = Field(
        default=None,
        description="Where in the text the date was read: sentence (stated) or paragraph, lead, "
        "publication (inferred; publication is the fallback week before publication); null "
        "when the event has no date. See DateSource.",
    )
    size: Size = Field(default_factory=Size)
    aux: list[AuxMode] = Field(default_factory=list)
    claim_ids: list[str] = Field(default_factory=list)
    main: bool = Field(
        default=False,
        description=(
            "True for the article's main event, the one its title and lead are about (at most "
            "one per article; marked by the headline stage): the first reported, most specific "
            "event that happened (not negated, future, hypothetical or recalled from the past), "
            "a violent one before a statement when the lead reports violence. It is the event a "
            "one-record-per-article dataset codes."
        ),
    )
