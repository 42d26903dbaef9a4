"""The actors and events stages on odd and generated input: no crash, every span true to its
text."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from wirecoder import Document, get_stage
from wirecoder.schema import Span

Build = Callable[..., Document]

WORDS = [
    "Russian",
    "forces",
    "Ukrainian",
    "troops",
    "police",
    "protesters",
    "gunmen",
    "rebels",
    "Hamas",
    "the",
    "army",
    "it",
    "they",
    "his",
    "seized",
    "captured",
    "attacked",
    "shelled",
    "killed",
    "wounded",
    "arrested",
    "detained",
    "withdrew",
    "will",
    "would",
    "not",
    "never",
    "if",
    "unless",
    "said",
    "must",
    "agreed",
    "refused",
    "threatened",
    "protested",
    "at",
    "least",
    "dozens",
    "up",
    "to",
    "7",
    "seven",
    "two",
    "2,000",
    "civilians",
    "in",
    "the",
    "town",
    "of",
    "Bakhmut",
    "Kyiv",
    "Gaza",
    "on",
    "Tuesday",
    "last",
    "year",
    "'s",
    ",",
    ".",
    ";",
    "-",
    "(",
    ")",
    '"',
]


def _check_spans(document: Document) -> None:
    text = document.text
    spans: list[Span] = []
    for actor in document.actors:
        spans += actor.mentions
    for event in document.events:
        spans += [event.trigger, *event.spans]
        for participant in (event.actor, event.recipient):
            if participant is not None and participant.span is not None:
                spans.append(participant.span)
        for count in (event.size.killed, event.size.injured, event.size.arrested):
            if count is not None and count.span is not None:
                spans.append(count.span)
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_empty_and_wordless_articles(nlp: Language, make_document: Build) -> None:
    actors, events = get_stage("actors.v1").build(nlp, {}), get_stage("events.v1").build(nlp, {})
    for text in ("", " ", "\n\n", "...", "123", "— ( ) —"):
        document = make_document(text, published=None)
        actors(document)
        events(document)
        assert document.events == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), min_size=1, max_size=4))
def test_generated_text_never_breaks_the_stages(
    nlp: Language, make_document: Build, sentences: list[list[str]]
) -> None:
    text = "\n\n".join(" ".join(words) for words in sentences)
    document = make_document(text)
    get_stage("actors.v1").build(nlp, {})(document)
    get_stage("events.v1").build(nlp, {})(document)
    _check_spans(document)
    assert [e.id for e in document.events] == [f"E{n}" for n in range(1, len(document.events) + 1)]
