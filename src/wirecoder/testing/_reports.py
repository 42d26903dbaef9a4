"""Incidents rendered as reports: each report's text, and the Analysis the pipeline should
produce for it, with the truth of which incident each event tells."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ..schema import (
    Analysis,
    Article,
    ChainLink,
    Claim,
    Count,
    DatePrecision,
    Event,
    Participant,
    PipelineInfo,
    Place,
    PloverType,
    Size,
    Source,
    Span,
    StageRef,
)
from ._incidents import AGENCIES, INCIDENTS, OUTLETS, TOWNS, Incident, Origin, Town

STAGE = StageRef(name="synthetic", version="1")
PIPELINE = PipelineInfo(
    model="synthetic", model_version="1", stages=[STAGE], wirecoder_version="synthetic"
)


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

WORDING = {
    "shelling": [
        "{n_text} civilians were killed when shells hit {town} {when}",
        "shelling of {town} {when} killed {n_text} people",
        "{n_text} people died in an artillery strike on {town} {when}",
    ],
    "capture": [
        "{actor} had captured {town} {when}",
        "{actor} took full control of {town} {when}",
        "{town} fell to {actor} {when}",
    ],
    "arrests": [
        "{actor} detained dozens of residents in {town} {when}",
        "dozens of people were arrested by {actor} in {town} {when}",
    ],
}
NEAR_WORDING = "{n_text} people were killed in shelling near {town} {when}"
"""Said of a place's surroundings: where-precision 2 (within 25 km)."""
DENIALS = ["denied that {town} had fallen", "rejected reports that {actor} had taken {town}"]
CUES = ["said", "reported", "said in a statement", "told reporters"]
NUMBERS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    11: "11",
    12: "12",
}
EVENT_TYPE: dict[str, PloverType] = {
    "shelling": "ASSAULT",
    "capture": "ASSAULT",
    "arrests": "COERCE",
}
EVENT_MODE = {"shelling": "artillery", "capture": "seize", "arrests": "arrest"}
TRIGGERS = [
    "killed",
    "died",
    "hit",
    "captured",
    "took",
    "fell",
    "fallen",
    "detained",
    "arrested",
    "taken",
]


@dataclass(frozen=True)
class Statement:
    """One sentence of a report: an origin asserting (or denying) an incident, maybe via an
    agency."""

    incident: Incident
    origin: Origin
    denial: bool
    killed: int | None
    agency: str | None


@dataclass
class SyntheticCorpus:
    """Analyses plus the truth: which incident each stored event reports, who vouched for it."""

    analyses: list[Analysis] = field(default_factory=list)
    truth: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article content hash, event local id) -> incident key."""

    def origins(self, incident: Incident) -> set[str]:
        """The independent origins that assert ``incident`` somewhere in the corpus."""
        found: set[str] = set()
        for analysis in self.analyses:
            for event in analysis.events:
                if (
                    self.truth.get((analysis.article.content_hash, event.id)) == incident.key
                    and "negated" not in event.aux
                ):
                    claims = [claim for claim in analysis.claims if claim.id in event.claim_ids]
                    found.update(claim.chain[-1].name for claim in claims)
        return found


def generate(
    seed: int = 7, reports_per_incident: int = 5, incidents: list[Incident] | None = None
) -> SyntheticCorpus:
    """Render every incident as several reports by several outlets, with known truth."""
    rng = random.Random(seed)
    corpus = SyntheticCorpus()
    for number, incident in enumerate(incidents or INCIDENTS):
        for copy in range(reports_per_incident):
            outlet = OUTLETS[(number + copy) % len(OUTLETS)]
            statements = _statements(rng, incident, copy)
            published = incident.day + dt.timedelta(days=rng.choice([1, 1, 2]))
            analysis = _report(rng, outlet, published, statements, f"{incident.key}-{copy}")
            corpus.analyses.append(analysis)
            for event in analysis.events:
                corpus.truth[(analysis.article.content_hash, event.id)] = incident.key
    return corpus


def _statements(rng: random.Random, incident: Incident, copy: int) -> list[Statement]:
    origin = incident.asserted_by[copy % len(incident.asserted_by)]
    killed = incident.killed + rng.choice([0, 0, 1]) if incident.killed else None
    statements = [Statement(incident, origin, False, killed, rng.choice([None, None, *AGENCIES]))]
    if incident.denied_by and copy % 2 == 0:
        statements.append(Statement(incident, rng.choice(incident.denied_by), True, None, None))
    if incident.disputed_figure and copy % 2 == 1:
        disputer, figure = incident.disputed_figure
        statements.append(Statement(incident, disputer, False, figure, None))
    return statements


def _report(
    rng: random.Random, outlet: str, published: dt.date, statements: list[Statement], slug: str
) -> Analysis:
    builder = _ReportBuilder(outlet, published)
    for statement in statements:
        builder.add(rng, statement)
    return builder.analysis(
        title=f"{statements[0].incident.town}: {slug}",
        url=f"https://news.invalid/{outlet.replace(' ', '-').lower()}/{slug}",
    )


class _ReportBuilder:
    """Writes sentences into a text while recording the spans, claims and events they carry."""

    def __init__(self, outlet: str, published: dt.date) -> None:
        self.outlet = outlet
        self.published = published
        self.text = ""
        self.places: dict[str, Place] = {}
        self.claims: list[Claim] = []
        self.events: list[Event] = []

    def add(self, rng: random.Random, statement: Statement) -> None:
        """Append one sentence for ``statement``, with its claim, event and place."""
        incident = statement.incident
        vague = rng.random() < 0.3
        values = {
            "town": incident.town,
            "actor": incident.actor[0],
            "when": "earlier this week" if vague else f"on {WEEKDAYS[incident.day.weekday()]}",
            "n_text": NUMBERS.get(statement.killed or 0, str(statement.killed)),
        }
        near = incident.kind == "shelling" and not statement.denial and rng.random() < 0.25
        wording = (
            DENIALS if statement.denial else [NEAR_WORDING] if near else WORDING[incident.kind]
        )
        content = rng.choice(wording).format(**values)
        cue = "" if statement.denial else " " + rng.choice(CUES)
        via = f", {statement.agency} reported" if statement.agency else ""
        sentence = f"{statement.origin.name}{cue} {content}{via}. "
        sentence = sentence[0].upper() + sentence[1:]
        start = len(self.text)
        self.text += sentence
        self._statement(start, statement, sentence, content, vague, near)

    def _span(self, start: int, needle: str) -> Span:
        position = self.text.index(needle, start)
        return Span.of(self.text, position, position + len(needle))

    def _place(self, start: int, town: Town) -> str:
        mention = self._span(start, town.name)
        if town.name not in self.places:
            self.places[town.name] = Place(
                id=f"P{len(self.places) + 1}",
                stage=STAGE,
                name=town.name,
                mentions=[mention],
                feature="city",
                latitude=town.latitude,
                longitude=town.longitude,
                country_code=town.country_code,
                admin1=town.admin1,
                precision=1,
            )
        else:
            self.places[town.name].mentions.append(mention)
        return self.places[town.name].id

    def analysis(self, title: str, url: str) -> Analysis:
        article = Article(
            text=self.text.strip(),
            title=title,
            publisher=self.outlet,
            published=self.published,
            url=url,
        )
        return Analysis(
            article=article,
            pipeline=PIPELINE,
            places=list(self.places.values()),
            claims=self.claims,
            events=self.events,
        )

    def _statement(
        self, start: int, statement: Statement, sentence: str, content: str, vague: bool, near: bool
    ) -> None:
        incident, origin = statement.incident, statement.origin
        chain = [ChainLink(name=self.outlet, role="publisher")]
        if statement.agency:
            chain.append(
                ChainLink(
                    name=statement.agency, role="agency", span=self._span(start, statement.agency)
                )
            )
        chain.append(
            ChainLink(name=origin.name, role="originator", span=self._span(start, origin.name))
        )
        claim = Claim(
            id=f"C{len(self.claims) + 1}",
            stage=STAGE,
            source=Source(
                name=origin.name,
                span=self._span(start, origin.name),
                kind=origin.kind,
                country=origin.country,
            ),
            content=[self._span(start, content)],
            chain=chain,
            stance="denied" if statement.denial else "asserted",
        )
        self.claims.append(claim)
        trigger = next(word for word in TRIGGERS if f" {word} " in f" {content} ")
        precision: DatePrecision
        if vague:
            monday = self.published - dt.timedelta(days=self.published.weekday())
            date_start, date_end, precision = min(monday, incident.day), self.published, 2
        else:
            date_start = date_end = incident.day
            precision = 1
        killed = (
            Count(low=statement.killed, best=statement.killed, high=statement.killed)
            if statement.killed
            else None
        )
        self.events.append(
            Event(
                id=f"E{len(self.events) + 1}",
                stage=STAGE,
                type=EVENT_TYPE[incident.kind],
                mode=EVENT_MODE[incident.kind],
                trigger=self._span(start, trigger),
                spans=[self._span(start, sentence.strip())],
                actor=Participant(name=incident.actor[0], country=incident.actor[1], sector="MIL"),
                place_id=self._place(start, TOWNS[incident.town]),
                where_precision=2 if near else 1,
                date_start=date_start,
                date_end=date_end,
                date_precision=precision,
                size=Size(killed=killed),
                aux=["negated"] if statement.denial else [],
                claim_ids=[claim.id],
            )
        )
