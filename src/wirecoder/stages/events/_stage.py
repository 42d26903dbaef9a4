"""Events: PLOVER events with actor, recipient, place, date, size and the claims they rest on.

Per sentence, triggers from the lexicon (``_lexicon``, ``data/triggers.toml``) are found, checked
against their objects and merged where they describe one happening (``_triggers``, ``_checks``);
each gets its participants from the parse (``_args``, ``_names``), its weapon mode and contexts
(``_modes``), its killed/injured/arrested counts (``_size``, ``_victims``; ranges and hedges in
``_figures``), its auxiliary modes (``_aux``), its place (``_where``) and its date (``_when``,
``_focus``), with where the date was read (``Event.date_from``). Each event lists the claims
whose content covers its trigger, attributed or in the reporter's own voice; else the claim
whose cue it is; else the claims of its sentence. A toll reported again, revised or broken
down later in the article is one event's toll (``_tolls``), and an event reported twice in one
article is kept once, with the spans and claims of both reports (``_merge``).

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

from spacy.language import Language
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..._document import Document
from ..._registry import Settings, StageFn, stage
from ...schema import AuxMode, Count, Event, Participant, PloverType, Size, Span, StageRef
from ._args import Arguments
from ._aux import aux_modes, conditional, conditions, intent
from ._clauses import speech_verb, verbal
from ._lexicon import CUES, REPORTING_VERBS
from ._mentions import bare_mention
from ._merge import merge_duplicates
from ._modes import contexts, weapon_mode
from ._size import Reported
from ._tolls import Revision, TollNote, assign, definite, place_within, reconcile, separate
from ._triggers import Found, find_triggers
from ._victims import tolls_of
from ._when import NO_DATE, Dating, When
from ._where import Places

STAGE = StageRef(name="events", version="1")

_COOPERATIVE: frozenset[str] = frozenset(
    {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
)
_CONFLICTUAL: frozenset[str] = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
_SPEECH_WORDS = REPORTING_VERBS | CUES.speech_words
_ON_THE_GROUND: frozenset[str] = frozenset(
    {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"}
)
"""Types of acts done on the ground, which the article's place may hold when the sentence
names none; statements are made where an article seldom says."""


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
        notes: dict[str, TollNote] = {}
        revisions: list[Revision] = []
        for number, sentence in enumerate(document.doc.sents):
            triggers = find_triggers(sentence, builder.places.tokens)
            sizes, loose = assign(tolls_of(sentence), triggers)
            revisions += builder.revisions(sentence, number, loose)
            for index, trigger in enumerate(triggers):
                event_id = f"E{len(found) + 1}"
                event, note = builder.event(
                    sentence, trigger, event_id, sizes.get(index, {}), number
                )
                if bare_mention(trigger, event):
                    continue
                if keep_negated or "negated" not in event.aux:
                    found.append(event)
                    notes[event_id] = note
        sources = {
            claim.id: claim.source.actor_id or claim.source.name.lower()
            for claim in document.claims
            if claim.attributed
        }
        tolled = reconcile(found, notes, revisions, sources, place_within(document.places))
        document.events.extend(merge_duplicates(tolled, sources))

    return events


class _Builder:
    """Turns triggers into events, with the document's places, times, claims and actors at hand."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.arguments = Arguments(document)
        self.places = Places(document)
        self.dating = Dating(document)

    def event(
        self,
        sentence: SpacySpan,
        found: Found,
        event_id: str,
        size: dict[str, Reported],
        sentence_number: int,
    ) -> tuple[Event, TollNote]:
        head = found.head
        trigger = found.trigger
        actor, recipient = self._participants(found)
        mode = trigger.mode
        if trigger.type == "ASSAULT":
            mode = weapon_mode(sentence, mode)
        if trigger.type == "CONSULT":
            actor, recipient, mode = self.places.visit(sentence, head, actor, recipient, mode)
        when = self.dating.own(sentence, head, kind=trigger.type)
        aux = aux_modes(head, self.dating.published, *_days(when))
        kind, aux = self._announced(head, trigger.type, aux, actor)
        if kind != trigger.type or found.speaker is not None:
            # The event is now the saying: it happened when it was said ("said on Wednesday").
            verb = found.speaker or speech_verb(head)
            said = self.dating.own(sentence, verb, speech=True) if verb is not None else None
            when = said or when
        cumulative = any(number.cumulative for number in size.values())
        if when is None:
            when, aux = self._undated(head, aux, cumulative)
        note = TollNote(
            sentence=sentence_number,
            paragraph=self.dating.focus.paragraph(sentence.start_char),
            cumulative=cumulative or when.running,
            updates=frozenset(counted for counted, number in size.items() if number.update),
            victims_only=trigger.casualty and not found.absorbed,
            separate=separate({token.lower_ for token in sentence}),
            definite=definite(found),
        )
        home = self.places.home(kind, actor, recipient)
        where = self.places.located(sentence, _words(found), home, kind in _ON_THE_GROUND)
        return Event(
            id=event_id,
            stage=STAGE,
            type=kind,
            mode=mode,
            context=contexts(sentence, trigger.context),
            trigger=self._words(found),
            joined=[self._words(other) for other in found.absorbed],
            spans=[self._trimmed(sentence)],
            actor=actor,
            recipient=recipient,
            place_id=where.place.id if where.place else None,
            where_precision=where.precision,
            place_from=where.source,
            time_id=when.time.id if when.time else None,
            date_start=when.start,
            date_end=when.end,
            date_precision=when.precision,
            date_from=when.source,
            size=Size(**{kind: self._count(number) for kind, number in size.items()}),
            aux=aux,
            claim_ids=self._claims(head.idx, sentence),
        ), note

    def _undated(
        self, head: Token, aux: list[AuxMode], cumulative: bool
    ) -> tuple[When, list[AuxMode]]:
        """The date of an event its own clause does not date: none for what did not (yet)
        happen; a running total's stretch up to publication (from the time in focus, "since
        then"); else the time in focus of its paragraph or of the lead (old enough, it is
        historical); else the fallback window."""
        if aux:
            return NO_DATE, aux
        stretch = self.dating.since_focus(head)
        if stretch is not None or cumulative:
            return stretch or self.dating.to_date(), aux
        when = self.dating.inherited(head)
        if when is None:
            return self.dating.fallback(), aux
        historical = "historical" in aux_modes(head, self.dating.published, *_days(when))
        return when, ["historical"] if historical else aux

    def revisions(self, sentence: SpacySpan, number: int, loose: list[Reported]) -> list[Revision]:
        """The tolls of a sentence that no trigger took ("The toll rose to 30")."""
        doc = self.document.doc
        return [
            Revision(
                number,
                count.kind,
                self._count(count),
                self._trimmed(sentence),
                tuple(self._claims(doc[count.start].idx, sentence)),
                count.update,
            )
            for count in loose
        ]

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
        if announced in ("future", "conditional") and not self._promised(
            head, kind, announced, actor
        ):
            return kind, aux
        if "hypothetical" in aux and not conditional(head):
            return kind, aux
        if kind in _COOPERATIVE:
            return "AGREE", []
        if kind in _CONFLICTUAL:
            return "THREATEN", []
        return kind, aux

    def _promised(
        self, head: Token, kind: PloverType, announced: str, actor: Participant | None
    ) -> bool:
        """A "will" or a "would ... if" that the actor's own side is said to say; a conditional
        cooperative act only when it is an offer. Not the narrator's "would ... if", nor a "will"
        nobody is said to say, nor "would withdraw if they were cut off" (a contingency)."""
        speaker = self.arguments.speaker(head)
        if speaker is None and (announced == "conditional" or not _speech_in(head.sent)):
            return False
        if speaker is not None and actor is not None and not _same_side(speaker, actor):
            return False
        return not (
            announced == "conditional" and kind in _COOPERATIVE and not self._offered(head, actor)
        )

    def _offered(self, head: Token, actor: Participant | None) -> bool:
        """A conditional act is an offer when its condition is another side's doing ("would
        meet the envoy if he gave them a veto"), not a turn of events for the actor itself."""
        if actor is None:
            return False
        doers = (self.arguments.of_verb(condition)[0] for condition in conditions(head))
        return any(doer is not None and not _same_side(doer, actor) for doer in doers)

    def _words(self, found: Found) -> Span:
        doc = self.document.doc
        return self.document.span(doc[found.start].idx, _end(doc[found.end - 1]))

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
        return (self.arguments.armed(actor) if forces else actor), recipient

    def _of(self, token: Token, forces: bool) -> tuple[Participant | None, Participant | None]:
        if verbal(token) and not _nominal_gerund(token):
            return self.arguments.of_verb(token)
        return self.arguments.of_noun(token, forces)

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
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "pcomp")
        and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)
    )


def _names_trigger(participant: Participant, found: Found) -> bool:
    """The participant's words are the trigger's own noun phrase."""
    span = participant.span
    return span is not None and span.start <= found.head.idx < span.end


def _words(found: Found) -> list[Token]:
    """The trigger's head and those of the words merged into it ("killed ... in the shelling")."""
    return [found.head, *(other.head for other in found.absorbed)]


def _end(token: Token) -> int:
    return token.idx + len(token)


def _days(when: When | None) -> tuple[dt.date | None, dt.date | None]:
    return (when.start, when.end) if when is not None else (None, None)
