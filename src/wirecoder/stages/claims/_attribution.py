"""Attribution relations from the dependency parse: who (source) said (cue) what (content).

Every relation is anchored on a cue: a reporting verb ("said", "told", "has warned"), the
preposition "according to", or a colon after a speech verb. The parse gives the source (the
verb's subject, the agent of a passive, the subject a participle inherits: ``_speaker``) and the
content (the clausal complement, or the main clause an attribution is appended to: "...,
officials said": ``_content``). Quotations are handled on the characters, since the parser does
not see them as units (``_quotes``): content snaps to a quotation's marks, a quotation that runs
over several sentences gives one content span per sentence, and quoted sentences that follow an
attribution without a cue of their own continue it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..._document import text_of
from ._content import Spans, content_of, object_content
from ._cue import cue_extent
from ._identity import identify_name
from ._lexicon import ANONYMOUS_NOUNS, CUE_VERBS, CUES, LEMMA_FIXES, SOURCES
from ._quotes import (
    Quotes,
    content_in_paragraph,
    content_span,
    in_quotes,
    quotation_before,
    quotation_regions,
)
from ._speaker import (
    appended_source,
    cited_report,
    is_question_to_reader,
    noun_phrase,
    source_before,
    source_of,
    spoken_by_a_speaker,
    unattributed_report,
)
from ._tokens import end_char, lemma_of, next_is, paragraph

_ANY_CUE = CUE_VERBS | CUES.stance_verbs
_CUE_LEMMA_HASHES = frozenset(get_string_id(word) for word in CUES.appearance_verbs | _ANY_CUE)
_CUE_LOWER_HASHES = frozenset(get_string_id(word) for word in (":", "according", *LEMMA_FIXES))
_LONGEST_APPENDED_SOURCE = 80
"""Characters: a longer phrase set off by commas before "said" is not a source."""


@dataclass
class Attribution:
    """One attribution relation, by character offsets into the parsed text."""

    cue: tuple[int, int]
    cue_token: int
    source: tuple[int, int] | None
    source_token: int | None
    content: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    kind: str = "verb"
    """How it was found: ``verb``, ``according``, or ``appearance`` for the reporter's own
    hedged reading ("Sanders seemed to be of two minds"), which names no source."""


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attribution relations of a parsed document, in text order."""
    quotes = quotation_regions(text_of(doc))
    found = [
        attribution
        for index in _cue_candidates(doc)
        if (attribution := _attribution_at(doc, doc[index], quotes)) is not None
        and attribution.content
    ]
    found.sort(key=lambda a: a.cue[0])
    _continue_quotations(doc, found, quotes)
    for attribution in found:
        attribution.direct = any(in_quotes(span, quotes) for span in attribution.content)
    return found


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may be cues (a cue lemma, "according", a colon), read from the
    doc's arrays: a spaCy Token made for every word cost a third of the stage."""
    columns = doc.to_array(["LEMMA", "LOWER"])
    return [
        index
        for index, (lemma, lower) in enumerate(columns.tolist())
        if lemma in _CUE_LEMMA_HASHES or lower in _CUE_LOWER_HASHES
    ]


def _attribution_at(doc: Doc, token: Token, quotes: Quotes) -> Attribution | None:
    if token.text == ":":
        return _headline_colon(doc, token, quotes)
    verb_lemma = lemma_of(token)
    if verb_lemma in CUES.appearance_verbs and token.pos_ in ("VERB", "AUX"):
        return _appearance(doc, token, quotes)
    according = token.lower_ == "according" and next_is(token, "to")
    if not according and (token.pos_ not in ("VERB", "AUX") or verb_lemma not in _ANY_CUE):
        return None
    if in_quotes((token.idx, token.idx + 1), quotes):
        return None  # reported inside someone's quotation: part of their words, not a new source
    if according:
        return _according_to(doc, token, quotes)
    if not _is_cue(token, verb_lemma):
        return None
    return _verb_attribution(doc, token, verb_lemma, quotes)


def _is_cue(verb: Token, verb_lemma: str) -> bool:
    """Whether a verb reports here: not a "citing X" link of another report, and a verb of
    stance only with a speaker for its subject."""
    if cited_report(verb) is not None:
        return False
    if verb_lemma in CUES.stance_verbs:
        return spoken_by_a_speaker(verb)
    return verb_lemma in CUE_VERBS


def _verb_attribution(doc: Doc, verb: Token, verb_lemma: str, quotes: Quotes) -> Attribution | None:
    found = _source_and_content(doc, verb, verb_lemma, quotes)
    if found is None:
        return None
    source, source_range, content = found
    if not content or source is None and not unattributed_report(verb):
        return None
    if source is not None and is_question_to_reader(verb, source):
        return None
    if source_range is not None and _overlaps(source_range, content):
        return None
    cue_start, cue_end = cue_extent(verb)
    return Attribution(
        cue=(doc[cue_start].idx, end_char(doc[cue_end - 1])),
        cue_token=verb.i,
        source=source_range,
        source_token=source.i if source is not None else None,
        content=content,
    )


def _source_and_content(
    doc: Doc, verb: Token, verb_lemma: str, quotes: Quotes
) -> tuple[Token | None, tuple[int, int] | None, Spans] | None:
    """The speaker's head and characters and the content of a reporting verb; None when the
    source the parse missed is too long to be one."""
    content = content_of(doc, verb, verb_lemma, quotes)
    if not content and verb_lemma in CUES.object_verbs | CUES.stance_verbs:
        content = object_content(doc, verb, verb_lemma, quotes)
    source = source_of(verb) or (source_before(verb) if content else None)
    source_range = noun_phrase(doc, source) if source is not None else None
    appended = (
        appended_source(doc, verb) if not content and verb_lemma in CUES.speech_verbs else None
    )
    if appended is not None:
        source, source_range, (before_end, after_start) = appended
        if source_range[1] - source_range[0] > _LONGEST_APPENDED_SOURCE:
            return None
        content = content_in_paragraph(doc, verb.sent.start, before_end, quotes, verb)
        if after_start is not None:
            content += content_in_paragraph(doc, after_start, verb.sent.end, quotes, verb)
    if not content and source is not None and source_range is not None:
        content = quotation_before(doc, min(source_range[0], verb.idx), quotes)
    return source, source_range, content


def _headline_colon(doc: Doc, colon: Token, quotes: Quotes) -> Attribution | None:
    """ "Zelenskiy: Russia will pay for Bucha" - a name, a colon and what they said, at the start
    of a headline, paragraph or sentence."""
    first, last = paragraph(colon)
    start = max(first, colon.sent.start)
    words = doc[start : colon.i]
    if not 0 < len(words) <= 6 or colon.i + 2 >= last:
        return None
    if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "PART", "NUM") for t in words):
        return None
    if words[0].lower_ in SOURCES.not_speakers or not words[0].is_title and words[0].pos_ != "DET":
        return None
    named = identify_name(words.text) is not None or any(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in words
    )
    if not named and words.root.lemma_.lower() not in SOURCES.speaker_nouns | ANONYMOUS_NOUNS:
        return None  # "The goal: to ..." and "Grandkids: ..." are labels, not speakers
    content = content_in_paragraph(doc, colon.i + 1, min(last, colon.sent.end), quotes, colon)
    if not content:
        return None
    return Attribution(
        cue=(colon.idx, colon.idx + 1),
        cue_token=colon.i,
        source=(words[0].idx, end_char(words[-1])),
        source_token=words.root.i,
        content=content,
    )


def _appearance(doc: Doc, verb: Token, quotes: Quotes) -> Attribution | None:
    """ "Cruz seemed [to lose ground]": the reporter's hedged reading of a subject, content in
    two pieces (the subject and what it seemed)."""
    if in_quotes((verb.idx, verb.idx + 1), quotes):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    complement = next(
        (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "acomp", "attr")), None
    )
    if (
        subject is None
        or complement is None
        or subject.dep_ == "expl"
        and complement.dep_ != "ccomp"
    ):
        return None
    pieces = [] if subject.dep_ == "expl" else [subject]
    content = [
        span
        for piece in (*pieces, complement)
        for span in content_in_paragraph(
            doc, piece.left_edge.i, piece.right_edge.i + 1, quotes, verb
        )
    ]
    cue_start, cue_end = cue_extent(verb)
    return Attribution(
        cue=(doc[cue_start].idx, end_char(doc[cue_end - 1])),
        cue_token=verb.i,
        source=None,
        source_token=None,
        content=content,
        kind="appearance",
    )


def _according_to(doc: Doc, token: Token, quotes: Quotes) -> Attribution | None:
    to = doc[token.i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj"] or [
        child for child in token.children if child.dep_ == "pobj"
    ]
    if not objects:
        return None
    source = objects[0]
    source_range = noun_phrase(doc, source)
    sentence = token.sent
    phrase_start, phrase_end = token.i, source.right_edge.i + 1
    head = token.head if token.head.i != token.i else sentence.root
    clause_tokens = [
        t for t in head.subtree if not phrase_start <= t.i < phrase_end and t.sent == sentence
    ]
    if not clause_tokens:
        return None
    before = [t for t in clause_tokens if t.i < phrase_start]
    after = [t for t in clause_tokens if t.i >= phrase_end]
    pieces = [piece for piece in (before, after) if piece]
    content = [
        span for piece in pieces if (span := content_span(doc, piece[0].i, piece[-1].i + 1, quotes))
    ]
    if not content:
        return None
    return Attribution(
        cue=(token.idx, end_char(to)),
        cue_token=token.i,
        source=source_range,
        source_token=source.i,
        content=content,
        kind="according",
    )


def _continue_quotations(doc: Doc, found: list[Attribution], quotes: Quotes) -> None:
    """Quotations right after an attribution, with no cue of their own, continue what it reports."""
    cue_chars = sorted(a.cue[0] for a in found)
    covered = [span for a in found for span in a.content]
    for attribution in found:
        spoken = [
            attribution.cue,
            *attribution.content,
            *([attribution.source] if attribution.source else []),
        ]
        end = max(span[1] for span in spoken)
        for region in quotes:
            if region[0] < end:
                continue
            if not _continues(text_of(doc)[end : region[0]]):
                break
            if any(region[0] <= c < region[1] for c in cue_chars) or any(
                s[0] < region[1] and region[0] < s[1] for s in covered
            ):
                break
            if _is_following_cue(doc, region, cue_chars):
                break
            attribution.content.append(region)
            end = region[1]


def _continues(gap: str) -> bool:
    """Whether a quotation after this gap goes on with the same speaker: the gap is empty or
    closes the attribution's sentence (" he said on Tuesday. "), within one paragraph break."""
    if gap.count("\n") > 2:
        return False
    words = gap.split()
    if not words:
        return True
    return (
        len(words) <= 10 and gap.rstrip()[-1:] in ".:" and "\n" not in gap.rstrip()[:-1].rstrip(".")
    )


def _is_following_cue(doc: Doc, region: tuple[int, int], cue_chars: list[int]) -> bool:
    """Whether a cue comes right after the quotation in its sentence ('"...," she said')."""
    after = doc.char_span(region[1], len(text_of(doc)), alignment_mode="expand")
    if after is None:
        return False
    sentence_end = after[0].sent.end_char if len(after) else region[1]
    return any(
        region[1] <= c < sentence_end and "\n" not in text_of(doc)[region[1] : c] for c in cue_chars
    )


def _overlaps(source: tuple[int, int], content: list[tuple[int, int]]) -> bool:
    return any(source[0] < end and start < source[1] for start, end in content)
