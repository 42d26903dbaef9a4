"""A generated corpus with known truth, for tests and benchmarks.

A handful of real-world incidents, each re-reported by several outlets in other words, with other
date vagueness, other figures, and source chains that often end at the same ministry. Each report
is rendered as text and as the Analysis the pipeline should produce for it, so clustering,
corroboration and contradictions can be scored without depending on the extraction stages.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy import select

from ..schema import (
    Analysis,
    Article,
    ChainLink,
    Claim,
    Count,
    Event,
    Participant,
    PipelineInfo,
    Place,
    Size,
    Source,
    SourceKind,
    Span,
    StageRef,
)
from ..store import ArticleRow, ClusterRow, EventRow, Store

STAGE = StageRef(name="synthetic", version="1")
PIPELINE = PipelineInfo(
    model="synthetic", model_version="1", stages=[STAGE], wirecoder_version="synthetic"
)


@dataclass(frozen=True)
class Town:
    name: str
    latitude: float
    longitude: float
    admin1: str
    country_code: str = "UA"


TOWNS = {
    town.name: town
    for town in [
        Town("Bakhmut", 48.5956, 38.0003, "Donetsk"),
        Town("Soledar", 48.6833, 38.0833, "Donetsk"),
        Town("Avdiivka", 48.1394, 37.7497, "Donetsk"),
        Town("Vuhledar", 47.7792, 37.2486, "Donetsk"),
        Town("Kramatorsk", 48.7233, 37.5563, "Donetsk"),
        Town("Kupiansk", 49.7106, 37.6156, "Kharkiv"),
        Town("Kharkiv", 49.9935, 36.2304, "Kharkiv"),
        Town("Kherson", 46.6354, 32.6169, "Kherson"),
        Town("Zaporizhzhia", 47.8388, 35.1396, "Zaporizhzhia"),
    ]
}


@dataclass(frozen=True)
class Origin:
    """A first-hand source, and the side it speaks for."""

    name: str
    kind: SourceKind
    country: str


RU_MOD = Origin("Russian Defence Ministry", "military", "RUS")
UA_STAFF = Origin("Ukrainian General Staff", "military", "UKR")
UA_EAST = Origin("Ukraine's Eastern Military Command", "military", "UKR")
UK_INTEL = Origin("British military intelligence", "intelligence", "GBR")
DONETSK_AUTH = Origin("Russian-installed authorities in Donetsk", "government", "RUS")
REGIONAL_GOV = Origin("Ukrainian regional officials", "official", "UKR")
ISW = Origin("Institute for the Study of War", "organization", "USA")

OUTLETS = [
    "Reuters",
    "Associated Press",
    "AFP",
    "Kyiv Independent",
    "BBC",
    "Al Jazeera",
    "Deutsche Welle",
]
AGENCIES = ["TASS", "RIA Novosti", "Interfax", "Ukrinform"]


@dataclass(frozen=True)
class Incident:
    """One real-world event: what, where, when, by whom, and who vouches for or disputes it."""

    key: str
    kind: str  # "shelling", "capture" or "arrests"
    town: str
    day: dt.date
    actor: tuple[str, str]
    killed: int | None
    asserted_by: tuple[Origin, ...]
    denied_by: tuple[Origin, ...] = ()
    disputed_figure: tuple[Origin, int] | None = None


INCIDENTS = [
    Incident(
        "bakhmut-capture",
        "capture",
        "Bakhmut",
        dt.date(2023, 4, 6),
        ("Russian forces", "RUS"),
        None,
        (RU_MOD, UK_INTEL),
        denied_by=(UA_EAST,),
    ),
    Incident(
        "donetsk-shelling",
        "shelling",
        "Avdiivka",
        dt.date(2023, 4, 6),
        ("Ukrainian forces", "UKR"),
        7,
        (DONETSK_AUTH,),
        disputed_figure=(UA_STAFF, 2),
    ),
    Incident(
        "kramatorsk-strike",
        "shelling",
        "Kramatorsk",
        dt.date(2023, 4, 5),
        ("Russian forces", "RUS"),
        11,
        (REGIONAL_GOV, UA_STAFF),
    ),
    Incident(
        "kramatorsk-earlier-strike",
        "shelling",
        "Kramatorsk",
        dt.date(2023, 4, 1),
        ("Russian forces", "RUS"),
        2,
        (REGIONAL_GOV,),
    ),
    Incident(
        "soledar-shelling",
        "shelling",
        "Soledar",
        dt.date(2023, 4, 6),
        ("Russian forces", "RUS"),
        3,
        (UA_STAFF,),
    ),
    Incident(
        "kupiansk-strike",
        "shelling",
        "Kupiansk",
        dt.date(2023, 4, 4),
        ("Russian forces", "RUS"),
        4,
        (REGIONAL_GOV, ISW),
    ),
    Incident(
        "kherson-shelling",
        "shelling",
        "Kherson",
        dt.date(2023, 4, 6),
        ("Russian forces", "RUS"),
        5,
        (REGIONAL_GOV,),
    ),
    Incident(
        "zaporizhzhia-arrests",
        "arrests",
        "Zaporizhzhia",
        dt.date(2023, 4, 3),
        ("Russian forces", "RUS"),
        None,
        (UA_STAFF, ISW),
    ),
    Incident(
        "vuhledar-capture",
        "capture",
        "Vuhledar",
        dt.date(2023, 4, 2),
        ("Russian forces", "RUS"),
        None,
        (RU_MOD,),
        denied_by=(UA_STAFF, UA_EAST),
    ),
]

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
EVENT_TYPE = {"shelling": "ASSAULT", "capture": "ASSAULT", "arrests": "COERCE"}
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
    """One sentence of a report: an origin asserting (or denying) an incident, maybe via an agency."""

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
                type=EVENT_TYPE[incident.kind],  # type: ignore[arg-type]
                mode=EVENT_MODE[incident.kind],
                trigger=self._span(start, trigger),
                spans=[self._span(start, sentence.strip())],
                actor=Participant(name=incident.actor[0], country=incident.actor[1], sector="MIL"),
                place_id=self._place(start, TOWNS[incident.town]),
                where_precision=2 if near else 1,
                date_start=date_start,
                date_end=date_end,
                date_precision=precision,  # type: ignore[arg-type]
                size=Size(killed=killed),
                aux=["negated"] if statement.denial else [],
                claim_ids=[claim.id],
            )
        )


@dataclass(frozen=True)
class ClusterScore:
    """Pairwise scores of the stored clusters against the corpus truth."""

    precision: float
    recall: float
    predicted_pairs: int
    true_pairs: int


def score_clusters(store: Store, corpus: SyntheticCorpus) -> ClusterScore:
    """Precision and recall of merged event pairs: a pair is merged when both share a cluster."""
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.content_hash, EventRow.local_id, EventRow.cluster_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(EventRow.current)
        ).all()
    return _pair_score(
        [
            [
                ((digest, local), corpus.truth[(digest, local)], cluster)
                for digest, local, cluster in rows
                if (digest, local) in corpus.truth
            ]
        ]
    )


def score_stories(store: Store, corpus: SyntheticCorpus) -> ClusterScore:
    """The same scores for the corpus' texts analysed by the real pipeline, whose events the
    truth does not name: each story tells one incident, so two asserted events of one type from
    two stories are one real-world event exactly when their stories tell the same incident."""
    by_type: dict[str, list[tuple[object, str, int | None]]] = defaultdict(list)
    for digest, incident, event_type, cluster, _ in _asserted_story_events(store, corpus):
        by_type[event_type].append((digest, incident, cluster))
    return _pair_score(by_type.values())


def origin_miscounts(store: Store, corpus: SyntheticCorpus) -> list[int]:
    """Per incident, over the real pipeline's output: the independent origins its largest
    cluster counts, minus the origins the truth knows (0 is a right corroboration count)."""
    clusters: dict[str, Counter[tuple[int | None, int | None]]] = defaultdict(Counter)
    for _, incident, _, cluster, origins in _asserted_story_events(store, corpus):
        clusters[incident][(cluster, origins)] += 1
    miscounts = []
    for incident in INCIDENTS:
        known = len(corpus.origins(incident))
        if not clusters[incident.key]:
            miscounts.append(-known)
            continue
        (_, counted), _ = clusters[incident.key].most_common(1)[0]
        miscounts.append((counted or 0) - known)
    return miscounts


def _asserted_story_events(
    store: Store, corpus: SyntheticCorpus
) -> list[tuple[str, str, str, int | None, int | None]]:
    """(story hash, its incident, event type, cluster, cluster's origins) of every current,
    non-negated stored event of a generated story."""
    incident_of = {
        analysis.article.content_hash: corpus.truth[(analysis.article.content_hash, event.id)]
        for analysis in corpus.analyses
        for event in analysis.events
    }
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.content_hash, EventRow.type, EventRow.cluster_id, ClusterRow.origins)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(ClusterRow, ClusterRow.id == EventRow.cluster_id)
            .where(EventRow.current, EventRow.negated.is_(False))
        ).all()
    return [
        (digest, incident_of[digest], event_type, cluster, origins)
        for digest, event_type, cluster, origins in rows
        if digest in incident_of
    ]


def _pair_score(groups: Iterable[list[tuple[object, str, int | None]]]) -> ClusterScore:
    """Pairwise precision and recall over (story, true incident, cluster) items, pairing items
    of one group from different stories."""
    predicted = true = both = 0
    for group in groups:
        for (story_a, truth_a, cluster_a), (story_b, truth_b, cluster_b) in combinations(group, 2):
            if story_a == story_b:
                continue
            same_cluster, same_truth = cluster_a == cluster_b, truth_a == truth_b
            predicted += same_cluster
            true += same_truth
            both += same_cluster and same_truth
    return ClusterScore(
        precision=both / predicted if predicted else 1.0,
        recall=both / true if true else 1.0,
        predicted_pairs=predicted,
        true_pairs=true,
    )
