"""Keep the parse's named entities as mentions, the shared evidence for later stages."""

from __future__ import annotations

from spacy.language import Language

from ..._document import Document
from ..._registry import Settings, StageFn, stage
from ...schema import Mention


class MentionsSettings(Settings):
    """Entity labels that are not mentions (numbers and amounts)."""

    skip_labels: tuple[str, ...] = ("CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY")


@stage("mentions", "1", assigns=("mentions",), settings=MentionsSettings)
def make_mentions(nlp: Language, settings: MentionsSettings) -> StageFn:
    """Copy every entity of the parse (label and span) into ``Document.mentions``."""
    skip = frozenset(settings.skip_labels)

    def mentions(document: Document) -> None:
        document.mentions.extend(
            Mention(span=document.span_of(entity), label=entity.label_)
            for entity in document.doc.ents
            if entity.label_ not in skip
        )

    return mentions
