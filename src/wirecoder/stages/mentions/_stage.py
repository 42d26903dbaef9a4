"""Keep the parse's named entities as mentions, the shared evidence for later stages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.language import Language

from ..._document import Document
from ..._registry import StageFn, stage
from ...schema import Mention


@stage("mentions", "1", assigns=("mentions",))
def make_mentions(nlp: Language, settings: Mapping[str, Any]) -> StageFn:
    """Copy every entity of the parse (label and span) into ``Document.mentions``."""
    skip = frozenset(settings.get("skip_labels", ("CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY")))

    def mentions(document: Document) -> None:
        document.mentions.extend(
            Mention(span=document.span_of(entity), label=entity.label_)
            for entity in document.doc.ents
            if entity.label_ not in skip
        )

    return mentions
