"""Certainty: estimative language in a claim mapped to its yardstick and a probability range.

"highly likely" is PHIA's term (80-90%) and "very likely" ICD 203's (80-95%), whoever says them:
a phrase that is one yardstick's own term is read on that yardstick. A phrase both share
("likely", "unlikely", "almost certain") is read on the yardstick the source writes by (UK
government and intelligence sources PHIA, US ones ICD 203); from any other source it keeps scale
``none`` and the range both readings allow. The literal phrase and its span are kept.
"""

from __future__ import annotations

import re

from spacy.language import Language

from ..._document import Document
from ..._registry import NoSettings, StageFn, stage
from ...schema import Certainty, CertaintyScale, Claim, SourceKind, Span
from ._yardsticks import COUNTRY_YARDSTICKS, OWN_WORDS, YARDSTICKS, Term, Yardstick

_STATE_KINDS: frozenset[SourceKind] = frozenset(
    {"intelligence", "government", "military", "official"}
)
"""Source kinds that write by their country's yardstick."""
_TERMS: dict[Yardstick, dict[str, Term]] = {
    scale: {phrase: term for term in terms for phrase in term.phrases}
    for scale, terms in YARDSTICKS.items()
}
_PHRASE = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(p) for p in sorted({p for t in _TERMS.values() for p in t}, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)


@stage("certainty", "1", assigns=("claims",), requires=("claims",))
def make_certainty(nlp: Language, settings: NoSettings) -> StageFn:
    """Attach every estimative phrase in each claim's content to that claim."""

    def certainty(document: Document) -> None:
        for claim in document.claims:
            claim.certainty.extend(estimates(document.text, claim))

    return certainty


def estimates(text: str, claim: Claim) -> list[Certainty]:
    """The estimative phrases of a claim's content, each read on the fitting yardstick."""
    found = []
    for span in claim.content:
        for match in _PHRASE.finditer(text, span.start, span.end):
            phrase = match.group()
            scale = yardstick(claim, phrase.lower())
            found.append(_reading(Span.of(text, match.start(), match.end()), phrase, scale))
    return found


def yardstick(claim: Claim, phrase: str) -> CertaintyScale:
    """The yardstick whose own term the phrase is, else the source's own yardstick if it has one."""
    for scale, words in OWN_WORDS.items():
        if phrase in words:
            return scale
    source = claim.source
    if source.kind in _STATE_KINDS and source.country is not None:
        return COUNTRY_YARDSTICKS.get(source.country, "none")
    return "none"


def _reading(span: Span, phrase: str, scale: CertaintyScale) -> Certainty:
    key = " ".join(phrase.lower().split())
    if scale != "none":
        term = _TERMS[scale][key]
        return Certainty(
            phrase=phrase, span=span, scale=scale, label=term.label, low=term.low, high=term.high
        )
    readings = [terms[key] for terms in _TERMS.values() if key in terms]
    return Certainty(
        phrase=phrase,
        span=span,
        scale="none",
        label=readings[0].label,
        low=min(term.low for term in readings),
        high=max(term.high for term in readings),
    )
