"""The ``headline.v1`` stage: marks the article's main event (``Event.main``), the one its title
and lead are about, for users who code one record per article. The rule is ``_rank``."""

from __future__ import annotations

from spacy.language import Language

from ..._document import Document
from ..._registry import NoSettings, StageFn, stage
from ._rank import main_event


@stage(
    "headline",
    "1",
    assigns=("events",),
    requires=("events",),
    reads=("claims", "places", "times"),
)
def make_headline(nlp: Language, settings: NoSettings) -> StageFn:
    """Mark at most one event of each article as its main one."""

    def headline(document: Document) -> None:
        for event in document.events:
            event.main = False
        chosen = main_event(document)
        if chosen is not None:
            chosen.main = True

    return headline
