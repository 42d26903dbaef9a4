"""From an attribution relation to a Claim: resolved source, chain to the originator, stance.

The chain runs from the publisher inwards. "TASS reported, citing the Russian embassy" is
publisher -> TASS (agency) -> embassy (originator); "Authorities said ..., Russian news agencies
reported" is publisher -> agencies -> authorities, the inner attribution being the claim and
the outer one an intermediary link.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..._document import Document
from ...schema import ChainLink, ChainRole, Claim, Source, StageRef, Stance, VerbStrength
from ._attribution import Attribution
from ._lexicon import CUES, STANCE
from ._sources import SourceResolver
from ._speaker import cited_report, cited_source


def build_claims(
    document: Document, attributions: list[Attribution], stage: StageRef
) -> list[Claim]:
    """One Claim per attribution; an attribution reported through another gets it as a chain link.

    "X said Y said Z" is one claim of Y's with X as intermediary; "X said he feared Z" is X's
    own claim, so an inner attribution by the same speaker (or a pronoun) folds into the outer.
    """
    resolver = SourceResolver(document)
    sources = [resolver.resolve(attribution) for attribution in attributions]
    outer_of = _outer_attributions(document.doc, attributions)
    folded = {
        inner
        for inner, outer in outer_of.items()
        if _same_speaker(document.doc, attributions[inner], sources[inner], sources[outer])
    } | _views_within_words(document.doc, attributions)
    relayed = {outer for inner, outer in outer_of.items() if inner not in folded}
    claims: list[Claim] = []
    for index, attribution in enumerate(attributions):
        if index in folded or index in relayed:
            continue
        outer = outer_of.get(index)
        relay = (attributions[outer], sources[outer]) if outer is not None else None
        claims.append(
            Claim(
                id=f"C{len(document.claims) + len(claims) + 1}",
                stage=stage,
                source=sources[index],
                cue=document.span(*attribution.cue),
                content=[document.span(*span) for span in attribution.content],
                chain=_chain(document, resolver, attribution, sources[index], relay),
                stance=stance_of(document.doc, attribution),
                verb_strength=verb_strength(document.doc[attribution.cue_token]),
                direct_quote=attribution.direct,
                attributed=attribution.kind != "appearance",
            )
        )
    claims.extend(_reporter_claims(document, attributions, resolver.publisher, stage, len(claims)))
    return claims


def _reporter_claims(
    document: Document,
    attributions: list[Attribution],
    publisher: str,
    stage: StageRef,
    numbered: int,
) -> list[Claim]:
    """Statements in the reporter's own voice: sentences no attribution covers, with a finite verb.

    They stay unattributed (the publisher is the source) and are never turned into attributions.
    """
    doc = document.doc
    covered = [
        span
        for a in attributions
        for span in (a.cue, *a.content, *([a.source] if a.source else []))
    ]
    claims: list[Claim] = []
    for piece in _sentence_pieces(doc):
        if any(start < piece.end_char and piece.start_char < end for start, end in covered):
            continue
        root = piece.root
        text = piece.text.strip()
        if (
            root.pos_ not in ("VERB", "AUX")
            or text.endswith("?")
            or text[0] in '“"'
            or len(piece) < 4
        ):
            continue
        claims.append(
            Claim(
                id=f"C{len(document.claims) + numbered + len(claims) + 1}",
                stage=stage,
                source=Source(name=publisher, kind="publisher"),
                content=[document.span(piece.start_char, piece.end_char)],
                chain=[ChainLink(name=publisher, role="publisher")],
                stance=_clause_stance(root),
                attributed=False,
            )
        )
    return claims


def _sentence_pieces(doc: Doc) -> list[SpacySpan]:
    """Sentences cut at paragraph breaks (the parser may run a headline into the first
    paragraph)."""
    pieces = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    pieces.append(doc[start : token.i])
                start = token.i + 1
        if start < sentence.end:
            pieces.append(doc[start : sentence.end])
    return [piece for piece in pieces if piece.text.strip()]


def _clause_stance(root: Token) -> Stance:
    """Stance of a statement from its main verb: negated, hypothetical, forecast or asserted."""
    children = list(root.children)
    if any(child.dep_ == "neg" for child in children):
        return "negated"
    modals = {child.lower_ for child in children if child.dep_ == "aux"}
    conditional = any(
        child.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in STANCE.conditional_marks for m in child.children)
        for child in children
    )
    if conditional or modals & STANCE.possible_modals:
        return "hypothetical"
    if modals & STANCE.future_modals:
        return "forecast"
    return "asserted"


def _outer_attributions(doc: Doc, attributions: list[Attribution]) -> dict[int, int]:
    """Inner attribution -> the one whose content it is the main clause of ("X said [Y said Z]")."""
    outer_of: dict[int, int] = {}
    for inner_index, inner in enumerate(attributions):
        cue = doc[inner.cue_token]
        if cue.lemma_.lower() not in CUES.speech_verbs:
            continue  # only a report can be relayed: "agencies reported [officials said ...]"
        for outer_index, outer in enumerate(attributions):
            if outer_index == inner_index or outer_index in outer_of:
                continue
            for start, end in outer.content:
                if (
                    start <= cue.idx < end
                    and not start <= cue.head.idx < end
                    or cue.head.i == cue.i
                    and start <= cue.idx < end
                ):
                    outer_of[inner_index] = outer_index
                    break
            if inner_index in outer_of:
                break
    return outer_of


def _views_within_words(doc: Doc, attributions: list[Attribution]) -> set[int]:
    """Attributions of belief or stance inside another's content ("Zelenskiy said [Russia wants
    to destroy Ukraine]"), and namings ("said Kyiv would reject [what he called an ultimatum]"):
    part of the outer speaker's words, not a claim of their own."""
    inside: set[int] = set()
    for index, inner in enumerate(attributions):
        cue = doc[inner.cue_token]
        if cue.lemma_.lower() in CUES.speech_verbs and not _names_what(cue):
            continue
        if any(
            start <= inner.cue[0] < end
            for other, outer in enumerate(attributions)
            if other != index
            for start, end in outer.content
        ):
            inside.add(index)
    return inside


def _names_what(verb: Token) -> bool:
    """ "what he called an ultimatum", "what it described as a provocation": a naming whose
    object is the free relative "what"."""
    return any(
        child.lower_ == "what" and child.dep_ in ("dobj", "nsubjpass") for child in verb.children
    )


def _same_speaker(doc: Doc, inner: Attribution, inner_source: Source, outer_source: Source) -> bool:
    if inner.source_token is not None and doc[inner.source_token].pos_ == "PRON":
        return True
    return inner_source.name == outer_source.name


def _chain(
    document: Document,
    resolver: SourceResolver,
    attribution: Attribution,
    source: Source,
    relay: tuple[Attribution, Source] | None,
) -> list[ChainLink]:
    """Publisher, any relaying source, the reporting source, and the originator last."""
    links = [ChainLink(name=resolver.publisher, role="publisher")]
    if source.kind == "publisher":
        return links  # the reporter's own hedged reading: no one else in the chain
    if relay is not None:
        outer, outer_source = relay
        links.append(
            ChainLink(
                name=outer_source.name,
                role=_link_role(outer_source),
                actor_id=outer_source.actor_id,
                span=outer_source.span,
                cue=document.span(*outer.cue),
            )
        )
    cited = _cited_originator(document.doc[attribution.cue_token])
    if cited is not None:
        links.append(
            ChainLink(
                name=source.name,
                role=_link_role(source),
                actor_id=source.actor_id,
                span=source.span,
                cue=document.span(*attribution.cue),
            )
        )
        citing, originator = cited
        origin = resolver.identify(originator)
        links.append(
            ChainLink(
                name=origin.name,
                role="originator",
                actor_id=origin.actor_id,
                span=origin.span,
                cue=document.span_of(citing),
            )
        )
        return links
    links.append(
        ChainLink(
            name=source.name,
            role="originator",
            actor_id=source.actor_id,
            span=source.span,
            cue=document.span(*attribution.cue),
        )
    )
    return links


def _link_role(source: Source) -> ChainRole:
    """A relaying source's role: a news agency, an outlet, or another intermediary."""
    return (
        "agency"
        if source.kind == "news_agency"
        else "outlet"
        if source.kind == "media"
        else "intermediary"
    )


def _cited_originator(verb: Token) -> tuple[SpacySpan, Token] | None:
    """The "citing X" or "quoting X" participle attached to a reporting verb, and X
    ("TASS reported, citing X", "TASS, citing X, reported"); X must be able to speak."""
    sentence = verb.sent
    for token in sentence:
        source = cited_source(token) if token.i != verb.i else None
        if source is None:
            continue
        linked = (report := cited_report(token)) is not None and report.i == verb.i
        if (
            linked
            or token.i > verb.i
            and (token.head.i in (verb.i, verb.head.i) or token.i - verb.i <= 6)
        ):
            return sentence.doc[token.i : token.i + 1], source
    return None


def stance_of(doc: Doc, attribution: Attribution) -> Stance:
    """Denied (a denial cue), negated, hypothetical (a condition or could/might), forecast,
    asserted."""
    verb = doc[attribution.cue_token]
    if verb.lemma_.lower() in STANCE.denial_verbs:
        return "denied"
    if any(child.dep_ == "neg" for child in verb.children):
        return "negated"
    tokens = {
        t.i: t for start, end in attribution.content for t in _tokens_between(doc, start, end)
    }
    roots = [t for t in tokens.values() if t.head.i not in tokens or t.head.i == t.i]
    stances = [_clause_stance(root) for root in roots]
    for stance in ("negated", "hypothetical"):
        if stance in stances:
            return stance
    if verb.lemma_.lower() in STANCE.forecast_verbs or "forecast" in stances:
        return "forecast"
    return "asserted"


def verb_strength(verb: Token) -> VerbStrength:
    """``claimed``/``alleged`` weaken the claim, ``confirmed``/``acknowledged`` strengthen it."""
    lemma = verb.lemma_.lower()
    if lemma in STANCE.weak_verbs:
        return "weak"
    if lemma in STANCE.strong_verbs:
        return "strong"
    return "neutral"


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
