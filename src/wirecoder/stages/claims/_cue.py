"""The extent of a cue: the reporting verb with its auxiliaries, negation and adverbs, its
particle, the channel it names ("in a statement") and the colon or preposition that opens the
content."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._lexicon import CUES, OBJECT_PREPOSITIONS
from ._tokens import lemma_of

_CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg"})


def cue_extent(verb: Token) -> tuple[int, int]:
    """Token range of the cue: the verb with the auxiliaries, negation and adverbs right before
    it ("has also said"), its particle ("pointed out") and a colon that opens the content."""
    start = verb.i
    doc = verb.doc
    while (
        start > verb.sent.start
        and doc[start - 1].head == verb
        and (
            doc[start - 1].dep_ in _CUE_MODIFIERS
            or doc[start - 1].dep_ == "advmod"
            and doc[start - 1].pos_ == "ADV"
        )
    ):
        start -= 1
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    channel = _channel_after(doc, end)
    if channel is not None:
        end = channel  # "said in a statement": the channel is part of how it was said
    if (
        end < len(doc)
        and doc[end].text == ":"
        or lemma_of(verb) in CUES.object_verbs
        and cue_preposition(verb) is not None
    ):
        end += 1
    return start, end


def _channel_after(doc: Doc, index: int) -> int | None:
    """End of "in a statement" / "in an interview" right at ``index``, if there is one."""
    if (
        index + 2 >= len(doc)
        or doc[index].lower_ != "in"
        or doc[index + 1].lower_ not in ("a", "an")
    ):
        return None
    return index + 3 if doc[index + 2].lemma_.lower() in CUES.channel_nouns else None


def cue_preposition(verb: Token) -> Token | None:
    """The preposition right after a verb that takes its content through it ("called for",
    "referring to", "talked about"), when the verb has no object of its own."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.head != verb or following.dep_ != "prep":
        return None
    if following.lower_ not in OBJECT_PREPOSITIONS.get(lemma_of(verb), frozenset()):
        return None
    if any(child.dep_ in ("dobj", "dative") for child in verb.children):
        return None
    return following
