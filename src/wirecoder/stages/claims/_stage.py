"""Claims: every statement resting on someone's word, with its source, cue, content and chain.

Attribution relations come from the parse (``_attribution``); sources written as pronouns or
roles are resolved to their named antecedent and given an identity (``_sources``, ``_identity``);
nested reporting ("TASS reported, citing the embassy") becomes a chain from the publisher to the
originator (``_chain``).
"""

from __future__ import annotations

from spacy.language import Language

from ..._document import Document
from ..._registry import NoSettings, StageFn, stage
from ...schema import StageRef
from ._attribution import find_attributions
from ._chain import build_claims

STAGE = StageRef(name="claims", version="1")


@stage("claims", "1", assigns=("claims",), requires=("doc",))
def make_claims(nlp: Language, settings: NoSettings) -> StageFn:
    """Find the article's attributions and turn each into a Claim."""

    def claims(document: Document) -> None:
        document.claims.extend(build_claims(document, find_attributions(document.doc), STAGE))

    return claims
