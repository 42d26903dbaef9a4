"""Events: PLOVER events with actor, recipient, place, date, size and the claims they rest on.

Per sentence, triggers from the lexicon (``_events_lexicon``) are found and merged where they
describe one happening (``_events_triggers``); each gets its participants from the parse
(``_events_args``), its weapon mode and contexts (``_events_modes``), its killed/injured/arrested
counts (``_events_size``) and its auxiliary modes (``_events_aux``). The place is the most
precise location in the trigger's clause, else the place its "the town" stands for, else the
nearest in the sentence; a state's authorities coercing at home with no place in the sentence
are in that state; else the last place of the paragraph. The date is the time expression of the
trigger's clause or of a verb coordinated with it under the same subject (not of the reporting
verb; not "now" for an act in the perfect), else the publication date with a lower precision.
Each event lists the claims whose content covers its trigger, attributed or in the reporter's own
voice; else the claim whose cue it is; else the claims of its sentence. An event reported twice
in one article is kept once, with the spans and claims of both reports. A state of control in the
simple present ("now occupies") is not a capture.

What an actor says it will or will not do is coded, as PLOVER does, as the saying, dated when
it was said: a promised withdrawal is AGREE, a refused one REJECT, an announced curfew or strike
THREATEN, "X must ..." a REQUEST. A narrator's "would ... if", a "will" that nobody in the sentence
is said to say, and a "would ... if" whose condition is the actor's own lot rather than the other
side's doing ("would withdraw if they were cut off") stay the act itself,
future or hypothetical, undated by the saying.

The stage needs only the parse and the actors; places, times and claims are used when the
stages that make them ran before it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ..._registry import Settings, StageFn, stage
from ...actors import fold
from ...schema import (
    AuxMode,
    Count,
    DatePrecision,
    Event,
    Participant,
    Place,
    PloverType,
    Size,
    Span,
    StageRef,
    TimeExpression,
    WherePrecision,
)
from ..places import ANAPHORS, antecedent
from ._args import Arguments, state_named
from ._aux import aux_modes, conditional, conditions, intent
from ._lexicon import REPORTING_VERBS, words
from ._merge import merge_duplicates
from ._modes import contexts, weapon_mode
from ._size import Reported, counts
from ._triggers import Found, find_triggers, paragraph_words, verbal

STAGE = StageRef(name="events", version="1")

_FALLBACK_WINDOW = dt.timedelta(days=6)
_FALLBACK_PRECISION: DatePrecision = 2
"""An undated event is put in the week before publication: UCDP date precision 2."""


class EventsSettings(Settings):
    """Whether events the text negates are kept (marked ``aux = ["negated"]``)."""

    keep_negated: bool = True


@stage(
    "events",
    "1",
    assigns=("events",),
    requires=("doc", "actors"),
    reads=("times", "places", "claims"),
    settings=EventsSettings,
)
def make_events(nlp: Language, settings: EventsSettings) -> StageFn:
    """Find the article's PLOVER events."""
    keep_negated = settings.keep_negated

    def events(document: Document) -> None:
        builder = _Builder(document)
        found: list[Event] = []
        for sentence in document.doc.sents:
            triggers = find_triggers(sentence, builder.place_tokens)
            sizes = _sizes_by_trigger(sentence, triggers) if triggers else {}
            for index, trigger in enumerate(triggers):
                event = builder.event(sentence, trigger, f"E{len(found) + 1}", sizes.get(index, {}))
                if _bare_mention(trigger, event):
                    continue
                if keep_negated or "negated" not in event.aux:
                    found.append(event)
        sources = {
            claim.id: claim.source.actor_id or claim.source.name.lower()
            for claim in document.claims
            if claim.attributed
        }
        document.events.extend(merge_duplicates(found, sources))

    return events


@dataclass(frozen=True)
class _PlaceMention:
    place: Place
    start: int
    token: int


class _Builder:
    """Turns triggers into events, with the document's places, times, claims and actors at hand."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.arguments = Arguments(document.text, document.actors, _place_words(document))
        self.places = self._place_mentions()
        self.place_tokens = {mention.token for mention in self.places}
        self.published = document.article.published

    def _place_mentions(self) -> list[_PlaceMention]:
        mentions: list[_PlaceMention] = []
        between = [p.mentions[0] for p in self.document.places if p.feature == "between"]
        speakers = [c.source.span for c in self.document.claims if c.source.span is not None]
        for place in self.document.places:
            if place.role != "location":
                continue
            for span in place.mentions:
                if place.feature != "between" and any(
                    b.start <= span.start < b.end for b in between
                ):
                    continue  # "between Bakhmut and Soledar" is where it is, not Bakhmut
                if any(s.start <= span.start < s.end for s in speakers):
                    continue  # "the governor of Donetsk region said": where the speaker serves
                tokens = self.document.doc.char_span(span.start, span.end, alignment_mode="expand")
                if tokens is not None:
                    mentions.append(_PlaceMention(place, span.start, tokens.root.i))
        return sorted(mentions, key=lambda m: m.start)

    def event(
        self, sentence: SpacySpan, found: Found, event_id: str, size: dict[str, Reported]
    ) -> Event:
        head = found.head
        trigger = found.trigger
        actor, recipient = self._participants(found)
        mode = trigger.mode
        if trigger.type == "ASSAULT":
            mode = weapon_mode(head, sentence, mode)
        if trigger.type == "CONSULT":
            actor, recipient, mode = self._visit(sentence, head, actor, recipient, mode)
        time = self._time(sentence, head)
        date_start, date_end, precision = self._dates(time)
        aux = aux_modes(head, self.published, date_start, date_end)
        kind, aux = self._announced(head, trigger.type, aux, actor)
        if kind != trigger.type or found.speaker is not None:
            # The event is now the saying: it happened when it was said ("said on Wednesday").
            verb = found.speaker or _speech_verb(head)
            said = self._time(sentence, verb, speech=True) if verb is not None else None
            if said is not None:
                time = said
                date_start, date_end, precision = self._dates(time)
        if time is None and aux:
            date_start = date_end = precision = None
        place, where_precision = self._located(sentence, head, self._home(kind, actor, recipient))
        return Event(
            id=event_id,
            stage=STAGE,
            type=kind,
            mode=mode,
            context=contexts(sentence, trigger.context),
            trigger=self.document.span(
                self.document.doc[found.start].idx, _end(self.document.doc[found.end - 1])
            ),
            spans=[self._trimmed(sentence)],
            actor=actor,
            recipient=recipient,
            place_id=place.id if place else None,
            where_precision=where_precision,
            time_id=time.id if time else None,
            date_start=date_start,
            date_end=date_end,
            date_precision=precision,
            size=Size(**{kind: self._count(number) for kind, number in size.items()}),
            aux=aux,
            claim_ids=self._claims(head.idx, sentence),
        )

    def _announced(
        self, head: Token, kind: PloverType, aux: list[AuxMode], actor: Participant | None
    ) -> tuple[PloverType, list[AuxMode]]:
        """PLOVER codes what an actor says it will or will not do as the saying: a promised
        withdrawal is AGREE, a refused one REJECT, an announced strike or curfew THREATEN."""
        if "historical" in aux:
            return kind, aux
        negated = "negated" in aux
        if kind in _COOPERATIVE | {"AGREE"} and negated:
            return "REJECT", []
        announced = intent(head)
        if negated or announced is None:
            return kind, aux
        if announced in ("future", "conditional"):
            speaker = self.arguments.speaker(head)
            if speaker is None and (announced == "conditional" or not _speech_in(head.sent)):
                return kind, aux  # the narrator's "would ... if", or a "will" nobody is said to say
            if speaker is not None and actor is not None and not _same_side(speaker, actor):
                return kind, aux
            if (
                announced == "conditional"
                and kind in _COOPERATIVE
                and not self._offered(head, actor)
            ):
                return kind, aux  # "would withdraw if they were cut off": a contingency
        if "hypothetical" in aux and not conditional(head):
            return kind, aux
        if kind in _COOPERATIVE:
            return "AGREE", []
        if kind in _CONFLICTUAL:
            return "THREATEN", []
        return kind, aux

    def _offered(self, head: Token, actor: Participant | None) -> bool:
        """A conditional act is an offer when its condition is another side's doing ("would
        meet the envoy if he gave them a veto"), not a turn of events for the actor itself."""
        if actor is None:
            return False
        doers = (self.arguments.of_verb(condition)[0] for condition in conditions(head))
        return any(doer is not None and not _same_side(doer, actor) for doer in doers)

    def _trimmed(self, sentence: SpacySpan) -> Span:
        """The sentence without the blank lines the parser leaves at its edges."""
        text = sentence.text
        start = sentence.start_char + len(text) - len(text.lstrip())
        return self.document.span(start, max(start, sentence.start_char + len(text.rstrip())))

    def _participants(self, found: Found) -> tuple[Participant | None, Participant | None]:
        if found.speaker is not None:
            demander = self.arguments.of_verb(found.speaker)[0]
            addressee = self.arguments.of_verb(found.head)[0]
            return demander, addressee
        forces = found.trigger.type in ("ASSAULT", "MOBILIZE")
        actor, recipient = self._of(found.head, forces)
        for other in found.absorbed:
            other_actor, other_recipient = self._of(other.head, forces)
            if other_actor is not None and _names_trigger(other_actor, found):
                other_actor = None  # "a drone strike killed 11": the strike is not its own actor
            actor = actor or other_actor
            if recipient is None or recipient.sector is None and other_recipient is not None:
                recipient = other_recipient or recipient
        if (
            actor is not None
            and recipient is not None
            and (
                actor.span == recipient.span
                or found.trigger.type in ("RETREAT", "MOBILIZE")
                and recipient.country == actor.country
            )
        ):
            recipient = None
        return actor, recipient

    def _of(self, token: Token, forces: bool) -> tuple[Participant | None, Participant | None]:
        if verbal(token) and not _nominal_gerund(token):
            return self.arguments.of_verb(token)
        return self.arguments.of_noun(token, forces)

    def _visit(
        self,
        sentence: SpacySpan,
        head: Token,
        actor: Participant | None,
        recipient: Participant | None,
        mode: str | None,
    ) -> tuple[Participant | None, Participant | None, str | None]:
        """PLOVER codes the visitor as source and the host as recipient: a meeting in one side's
        capital is a visit by the other."""
        place = self._place(sentence, head)
        if (
            actor is None
            or recipient is None
            or place is None
            or place.feature not in (None, "capital", "city")
        ):
            return actor, recipient, mode
        entry = _country_of_capital(place.name)
        if entry is None:
            return actor, recipient, mode
        if actor.country == entry and recipient.country not in (None, entry):
            return recipient, actor, "visit"
        if recipient.country == entry and actor.country not in (None, entry):
            return actor, recipient, "visit"
        return actor, recipient, mode

    def _place(self, sentence: SpacySpan, head: Token) -> Place | None:
        """The most precise location of the trigger's clause, else the nearest in the sentence,
        else the last one named earlier in the paragraph."""
        return self._located(sentence, head)[0]

    def _located(
        self, sentence: SpacySpan, head: Token, home: Place | None = None
    ) -> tuple[Place | None, WherePrecision | None]:
        """The place and the UCDP where-precision the event gets from it: a place only named
        earlier in the paragraph is "near" (2) at best; one the clause calls "the town" is the
        town; with no place in the sentence, an act at ``home`` is there."""
        inside = [m for m in self.places if sentence.start_char <= m.start < sentence.end_char]
        clause = _clause_root(head)
        doc = self.document.doc
        own = [m for m in inside if _clause_root(doc[m.token]) == clause]
        described = None if own else self._described(sentence, clause)
        if described is not None:
            return described, described.precision
        if inside:
            near = own or inside
            place = min(near, key=lambda m: (m.place.precision or 9, abs(m.token - head.i))).place
            return place, place.precision
        if home is not None:
            return home, home.precision
        paragraph_start = self.text.rfind("\n\n", 0, sentence.start_char)
        before = [m for m in self.places if paragraph_start <= m.start < sentence.start_char]
        if not before:
            return None, None
        place = before[-1].place
        precision: WherePrecision = max(place.precision or 2, 2)  # type: ignore[assignment]
        return place, precision

    def _home(
        self, kind: PloverType, actor: Participant | None, recipient: Participant | None
    ) -> Place | None:
        """The state whose own authorities coerce at home ("Russian authorities have cracked
        down on dissent"), when the article names it: the act is in that country, whatever
        country the story is about."""
        if (
            kind != "COERCE"
            or actor is None
            or actor.country is None
            or actor.sector not in _AUTHORITIES
            or recipient is not None
            and recipient.country not in (None, actor.country)
            or actor.span is not None
            and any(word in actor.span.text.lower() for word in _ABROAD)
        ):
            return None
        return next(
            (
                place
                for place in self.document.places
                if place.feature == "country"
                and (entry := state_named(place.name)) is not None
                and entry.country == actor.country
            ),
            None,
        )

    def _described(self, sentence: SpacySpan, clause: Token) -> Place | None:
        """The place "the small city" or "the town (centre)" of the clause stands for: the one
        of that kind named earlier, the one the places stage anchors "west of the town" on."""
        ordered = [(m.start, m.place) for m in self.places]
        for token in sentence:
            kind = ANAPHORS.get(token.lemma_.lower())
            phrase = token.head if token.dep_ == "compound" else token  # "the town centre"
            if (
                kind is None
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)
                or _clause_root(token) != clause
            ):
                continue
            place = antecedent(ordered, token.idx, kind)
            if place is not None:
                return place
        return None

    def _time(
        self, sentence: SpacySpan, head: Token, speech: bool = False
    ) -> TimeExpression | None:
        """The time expression of the trigger's own clause (with ``speech``, of the verb of
        saying ``head`` itself: "said on Wednesday")."""
        candidates: list[tuple[int, int, TimeExpression]] = []
        clause = _clause_root(head)
        shared = _sharing_subject(clause)
        for time in self.document.times:
            if (
                not (sentence.start_char <= time.span.start < sentence.end_char)
                or time.start is None
            ):
                continue
            if not _dating(time) or (
                time.value == "PRESENT_REF" and not speech and _perfect(clause)
            ):
                continue  # "has now seized": done by now, on a day the report does not give
            tokens = self.document.doc.char_span(
                time.span.start, time.span.end, alignment_mode="expand"
            )
            if tokens is None:
                continue
            own = _clause_root(tokens.root)
            if speech:
                if own != head and own.head != head:
                    continue
            elif _reported_at(tokens.root, head) or own not in shared:
                continue
            candidates.append((own != clause, abs(tokens.root.i - head.i), time))
        return min(candidates, key=lambda item: item[:2])[2] if candidates else None

    def _dates(
        self, time: TimeExpression | None
    ) -> tuple[dt.date | None, dt.date | None, DatePrecision | None]:
        if time is not None:
            return time.start, time.end, time.precision
        if self.published is None:
            return None, None, None
        return self.published - _FALLBACK_WINDOW, self.published, _FALLBACK_PRECISION

    def _count(self, number: Reported) -> Count:
        doc = self.document.doc
        return Count(
            low=number.low,
            best=number.best,
            high=number.high,
            span=self.document.span(doc[number.start].idx, _end(doc[number.end - 1])),
        )

    def _claims(self, offset: int, sentence: SpacySpan) -> list[str]:
        """The claims the event rests on: those whose content covers its trigger, attributed or
        in the reporter's own voice; else the claim whose cue the trigger is ("Sybiha rejected
        the demand" rests on Sybiha's word); else the claims stated in its sentence."""
        claims = self.document.claims
        covering = [c for c in claims if any(s.start <= offset < s.end for s in c.content)]
        if covering:
            # "bloggers wrote ..., noting the Kremlin has claimed the town": the event rests on
            # the innermost word, not on the claim that only mentions someone else's
            return [
                claim.id
                for claim in covering
                if not any(
                    other.cue is not None
                    and any(s.start <= other.cue.start < s.end for s in claim.content)
                    for other in covering
                    if other is not claim
                )
            ]
        cued = [c.id for c in claims if c.cue is not None and c.cue.start <= offset < c.cue.end]
        if cued:
            return cued
        start, end = sentence.start_char, sentence.end_char
        return [c.id for c in claims if any(start <= s.start < end for s in c.content)]


_COOPERATIVE: frozenset[str] = frozenset(
    {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
)
_CONFLICTUAL: frozenset[str] = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})


_SPEECH_WORDS = REPORTING_VERBS | words(
    "warn statement according spokesman spokeswoman spokesperson"
)


def _speech_in(sentence: SpacySpan) -> bool:
    """Someone speaks in the sentence, though the parse may not tie the "will" to them ("X will
    give aid, a statement issued by the ministry said")."""
    return any(token.lemma_.lower() in _SPEECH_WORDS for token in sentence)


def _same_side(first: Participant, second: Participant) -> bool:
    if first.actor_id and first.actor_id == second.actor_id:
        return True
    if first.country and second.country:
        return first.country == second.country
    if first.sector and first.sector == second.sector:
        return True
    return first.name == second.name


def _nominal_gerund(token: Token) -> bool:
    """ "Ukrainian shelling of a bakery killed two": a gerund standing as a noun phrase."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)
    )


def _names_trigger(participant: Participant, found: Found) -> bool:
    """The participant's words are the trigger's own noun phrase."""
    span = participant.span
    return span is not None and span.start <= found.head.idx < span.end


def _bare_mention(found: Found, event: Event) -> bool:
    """A noun naming an event type with nothing about it ("proposals for dialogue")."""
    size = event.size
    counted = size.killed is not None or size.injured is not None or size.arrested is not None
    if found.trigger.casualty and not found.absorbed and _aggregate(found.head):
        return True
    armed = event.actor is not None and event.actor.sector in ("MIL", "REB", "COP", "UAF")
    if found.trigger.casualty and not found.absorbed:
        nobody = event.actor is None and event.recipient is None
        return (nobody and not counted) or (_accident(found.head) and not armed)
    anonymous = event.actor is None or not (event.actor.country or event.actor.sector)
    if event.mode == "explosives" and anonymous and _accident(found.head, industrial=True):
        return True  # a furnace or a storage tank that blew up is an accident, not an attack
    material = event.type in ("ASSAULT", "PROTEST", "MOBILIZE", "COERCE")
    if (
        material
        and event.mode in _SELF_EVIDENT
        and not _topic(found.head)
        and not _habitual(found.head)
    ):
        return False  # "the looting of shops", "G20 protests": the word is the report
    return (
        not verbal(found.head)
        and not found.absorbed
        and event.actor is None
        and event.recipient is None
        and (event.place_id is None or not material)
        and not counted
    )


_SELF_EVIDENT = frozenset(
    {
        "demo",
        "riot",
        "destroy",
        "sexual",
        "chemical",
        "suicide-attack",
        "grenade",
        "explosives",
        "aerial",
        "drone",
        "heavy-weapons",
        "abduct",
    }
)
"""Modes whose noun alone reports a happening, with or without a named doer."""
_TOPICS = frozenset({"for", "about", "against", "over", "on", "of", "to", "into"})


_HABITUAL = frozenset(
    {"regularly", "routinely", "often", "frequently", "usually", "repeatedly", "always"}
)


def _habitual(noun: Token) -> bool:
    """ "regularly reports casualties from air strikes": a pattern, not one event."""
    current = noun
    for _ in range(7):
        if any(c.lower_ in _HABITUAL for c in current.children):
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _topic(noun: Token) -> bool:
    """A noun that is what something is about ("a campaign against bombings"), not a report."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _TOPICS


_ACCIDENT_CUES = words(
    "flood floods flooding earthquake quake landslide mudslide cyclone hurricane typhoon tsunami "
    "volcano eruption storm rains downpour wildfire drought tornado avalanche accident accidental "
    "accidentally crash collision stampede disaster"
)
_INDUSTRIAL_CUES = words(
    "plant factory furnace storage warehouse cylinder boiler pipeline refinery solvents fireworks "
    "industrial leak colliery reactor"
)


def _accident(token: Token, industrial: bool = False) -> bool:
    """The paragraph speaks of a disaster or an accident (or, with ``industrial``, a plant)."""
    cues = _ACCIDENT_CUES | _INDUSTRIAL_CUES if industrial else _ACCIDENT_CUES
    return bool(paragraph_words(token) & cues)


_AGGREGATES = frozenset(
    {"war", "conflict", "violence", "fighting", "crisis", "insurgency", "unrest"}
)


def _aggregate(verb: Token) -> bool:
    """ "the conflict, which has killed thousands": a running toll, not an event."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in _AGGREGATES


def _place_words(document: Document) -> set[tuple[str, ...]]:
    """Names that are places here (the places stage's, or the parse's GPE/LOC/FAC)."""
    names = {fold(e.text) for e in document.doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    names.update(fold(span.text) for place in document.places for span in place.mentions)
    return names


def _end(token: Token) -> int:
    return token.idx + len(token)


def _clause_root(token: Token) -> Token:
    """The verb whose clause holds ``token`` (stopping below a reporting verb)."""
    current = token
    while current.head != current:
        if verbal(current) and current.dep_ in ("ccomp", "ROOT", "conj", "advcl", "relcl"):
            return current
        if current.head.lemma_.lower() in REPORTING_VERBS:
            return current
        current = current.head
    return current


def _sharing_subject(clause: Token) -> set[Token]:
    """The clause with the verbs coordinated with it under one subject: in "killed 11 and
    wounded 30 on Thursday" the day dates both."""
    top = clause
    while top.dep_ == "conj" and top.head.pos_ == "VERB" and not _has_subject(top):
        top = top.head
    family = {top}
    pending = [top]
    while pending:
        verb = pending.pop()
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not _has_subject(child):
                family.add(child)
                pending.append(child)
    return family | {clause}


def _dating(time: TimeExpression) -> bool:
    """A date or time, or a stretch counted from one ("over the past week"), that can date an
    event; not a bare length ("for three years") nor a recurrence."""
    if time.type in ("DATE", "TIME"):
        return True
    return time.type == "DURATION" and time.end is not None and time.precision is not None


def _perfect(verb: Token) -> bool:
    """ "has seized", "have advanced": a completed act, reported as it stands now."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        or (verb.dep_ == "conj" and verb.tag_ == "VBN" and _perfect(verb.head))
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _speech_verb(token: Token) -> Token | None:
    """The verb of saying that reports the clause holding ``token``."""
    current = token
    for _ in range(6):
        if current.head == current:
            return None
        if (
            current.dep_ in ("ccomp", "xcomp", "parataxis")
            and current.head.lemma_.lower() in REPORTING_VERBS
        ):
            return current.head
        current = current.head
    return None


def _reported_at(time_root: Token, trigger: Token) -> bool:
    """A time that dates the reporting ("said on Friday"), not the event itself."""
    current = time_root
    for _ in range(4):
        if current == trigger:
            return False
        if current.head == current:
            return False
        current = current.head
        if current == trigger:
            return False
        if current.pos_ == "VERB":
            return current.lemma_.lower() in REPORTING_VERBS
    return False


@functools.cache
def _capitals() -> dict[tuple[str, ...], str]:
    from ...actors import catalog

    return {
        fold(capital): entry.country
        for entry in catalog()
        if entry.kind == "country" and entry.country
        for capital in entry.capitals
    }


_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "SPY", "LEG"})
"""Sectors that act at home: government, police, courts, security services, legislature."""
_ABROAD = ("install", "occup", "appointed", "backed")
"""Stems of the words that put a state's authorities on others' soil: "Russian-installed"."""


def _country_of_capital(name: str) -> str | None:
    """The ISO alpha-3 code of the state whose capital is called ``name``."""
    return _capitals().get(fold(name))


_HARM = ("killed", "injured")


def _sizes_by_trigger(sentence: SpacySpan, triggers: list[Found]) -> dict[int, dict[str, Reported]]:
    """Each count of a sentence goes to the one trigger nearest its casualty words: deaths and
    injuries to an attack, arrests to an arrest or a protest."""
    owners: dict[int, dict[str, Reported]] = {}
    for kind, number in counts(sentence).items():
        fitting = [
            (index, found)
            for index, found in enumerate(triggers)
            if (
                kind in _HARM
                and found.trigger.type == "ASSAULT"
                and found.trigger.mode not in ("capture", "advance")
            )
            or (kind == "arrested" and found.trigger.type in ("COERCE", "PROTEST"))
        ]
        if not fitting:
            continue
        index, _ = min(
            fitting,
            key=lambda item: min(
                abs(f.head.i - number.start) for f in (item[1], *item[1].absorbed)
            ),
        )
        owners.setdefault(index, {})[kind] = number
    return owners
