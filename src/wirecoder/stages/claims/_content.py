"""The content of an attribution in the parse: the cue's clausal complement, a quotation after a
colon, the main clause an attribution is appended to ("..., officials said"), or the objects of
a verb of stance or naming ("accused Kyiv of shelling the plant")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._cue import cue_extent, cue_preposition
from ._lexicon import CUE_VERBS, CUES, OBJECT_PREPOSITIONS
from ._quotes import Quotes, content_in_paragraph
from ._speaker import CLAUSES, cited_report, source_before, source_of
from ._tokens import is_time, lemma_of, subtree_range

Spans = list[tuple[int, int]]


def content_of(doc: Doc, verb: Token, verb_lemma: str, quotes: Quotes) -> Spans:
    """Where the verb's content is: its complement clause, a quote after a colon, or its host."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if (
        subject is not None
        and infinitive is not None
        and verb_lemma in CUES.speech_verbs | CUES.cognition_verbs
    ):  # "Russia [is believed] [to have lost 300 tanks]": the subject is part of what is believed
        return [
            *content_in_paragraph(doc, subject.left_edge.i, subject.right_edge.i + 1, quotes, verb),
            *content_in_paragraph(
                doc, infinitive.left_edge.i, infinitive.right_edge.i + 1, quotes, verb
            ),
        ]
    clauses = _complement_clauses(verb, verb_lemma)
    if clauses:
        return _clause_content(doc, verb, clauses, quotes)
    colon = _colon_after(verb)
    if colon is not None:
        return content_in_paragraph(doc, colon.i + 1, verb.sent.end, quotes, verb)
    return _host_content(doc, verb, verb_lemma, quotes)


def _complement_clauses(verb: Token, verb_lemma: str) -> list[Token]:
    """The clauses that hold what the verb reports: its complements, or those the parse hung
    elsewhere."""
    clauses = [
        child
        for child in verb.children
        if child.dep_ == "ccomp" or child.dep_ == "xcomp" and verb_lemma in CUES.infinitive_verbs
    ] or [  # "TASS reported, citing X, that ...": the parse may hang the clause on "citing"
        clause
        for child in verb.children
        if cited_report(child) is not None
        for clause in child.children
        if clause.dep_ == "ccomp" and clause.i > child.i
    ]
    if not clauses and verb.dep_ == "ccomp" and lemma_of(verb.head) in CUES.speech_verbs:
        clauses = [  # "X said in a statement [Y], TASS reported": the parse hangs Y on the report
            c for c in verb.head.children if c.dep_ == "ccomp" and verb.i < c.i < verb.head.i
        ]
    return clauses


def _clause_content(doc: Doc, verb: Token, clauses: list[Token], quotes: Quotes) -> Spans:
    """The content of a complement clause, before or after the verb."""
    clause = clauses[0]
    if _appended_report(clause):  # "X said [Y], TASS reported": the report's own clause is Y
        clause = next(c for c in clause.children if c.dep_ == "ccomp")
    start, end = subtree_range(clause)
    if _appended_report(verb):  # the report relays the whole attribution before it
        start = min(start, verb.head.left_edge.i)
    if clause.i < verb.i:
        end = _end_before_cue(verb, clauses, end)
    else:
        start, end = _range_after_cue(doc, verb, clause, start, end)
    return content_in_paragraph(doc, start, end, quotes, verb)


def _end_before_cue(verb: Token, clauses: list[Token], end: int) -> int:
    """Where a clause before the verb ends: at the cue or its speaker ("[X], officials said")."""
    end = max(end, *(subtree_range(c)[1] for c in clauses if c.i < verb.i))
    end = min(end, cue_extent(verb)[0])
    source = source_of(verb) or source_before(verb)
    if source is not None and source.left_edge.i < verb.i:
        end = min(end, source.left_edge.i)
    return end


def _range_after_cue(doc: Doc, verb: Token, clause: Token, start: int, end: int) -> tuple[int, int]:
    """A clause after the verb: past its objects and any "citing X", and on through a
    coordinated clause that continues it ("said X, but that Y")."""
    start = max(start, verb.i + 1)
    if clause.head.i == verb.i:
        start = _skip_objects(doc, verb, start)
    for citing in clause.children:
        if citing.i < clause.i and cited_report(citing) is not None:
            start = max(start, citing.right_edge.i + 1)
    for second in verb.children:
        if second.i > clause.i and second.dep_ == "conj" and _continues_content(second):
            end = max(end, second.right_edge.i + 1)
    return start, end


def _host_content(doc: Doc, verb: Token, verb_lemma: str, quotes: Quotes) -> Spans:
    """The clause an attribution is set into: "[X], she said", "Back then, she said, [the firm
    ...]", "As Reuters reported, [the talks stalled]"."""
    if verb.dep_ == "parataxis" and verb_lemma in CUES.speech_verbs:
        start, end = subtree_range(verb.head)
        if verb.head.i < verb.i:
            return content_in_paragraph(doc, start, min(end, _host_stop(verb)), quotes, verb)
        before = content_in_paragraph(doc, start, _host_stop(verb), quotes, verb)
        return before + content_in_paragraph(doc, verb.right_edge.i + 1, end, quotes, verb)
    as_clause = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if as_clause is not None and verb.dep_ == "advcl" and verb.head.i > verb.i:
        start = verb.right_edge.i + 1
        return content_in_paragraph(doc, start, verb.head.right_edge.i + 1, quotes, verb)
    return []


def _appended_report(verb: Token) -> bool:
    """A report appended after another's words ("Officials said X, TASS reported.") that the
    parse hung on the earlier speech verb as its complement, with X as its own complement."""
    head = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        verb.dep_ != "ccomp"
        or head.i >= verb.i
        or lemma_of(verb) not in CUES.speech_verbs
        or lemma_of(head) not in CUES.speech_verbs
        or subject is None
        or subject.left_edge.i == 0
        or verb.doc[subject.left_edge.i - 1].text != ","
    ):
        return False
    reported = [c for c in verb.children if c.dep_ == "ccomp" and head.i < c.i < subject.i]
    after = verb.doc[verb.i + 1 : verb.sent.end]
    return bool(reported) and all(t.is_punct or verb.is_ancestor(t) for t in after)


def object_content(doc: Doc, verb: Token, verb_lemma: str, quotes: Quotes) -> Spans:
    """The objects of a verb of stance or naming: "endorsed [Cruz]", "called [him a liar]",
    "accused [Kyiv of shelling the plant]", "called [for a ceasefire]"."""
    preps = OBJECT_PREPOSITIONS.get(verb_lemma, frozenset())
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    framed = any(
        c.dep_ == "prep" and c.lower_ == "as" for t in (verb, *objects) for c in t.children
    )
    if verb_lemma in CUES.view_verbs and not framed:
        return []  # "sees the war as a test" is a view; "sees a problem" is not a report
    arguments = [
        child
        for child in verb.children
        if child.i > verb.i
        and (
            child.dep_ in ("dobj", "dative", "oprd", "attr", "ccomp", "xcomp")
            or child.dep_ == "prep"
            and child.lower_ in preps
        )
    ]
    if not arguments:
        return []
    start = min(child.left_edge.i for child in arguments)
    end = max(child.right_edge.i for child in arguments) + 1
    for child in verb.children:  # what else it says of its object: "a concert [in support of X]"
        extends = child.dep_ in ("prep", "acl", "advcl", "xcomp") and not _is_setting(child)
        if child.i >= end and extends and doc[child.left_edge.i - 1].text != ",":
            end = max(end, child.right_edge.i + 1)
    if cue_preposition(verb) is not None:
        start += 1  # "called for [a ceasefire]": the preposition belongs to the cue
    return content_in_paragraph(doc, start, end, quotes, verb)


def _host_stop(verb: Token) -> int:
    """Token index where the attribution appended to a clause starts (its subject or the verb)."""
    source = source_of(verb)
    if source is not None and source.i < verb.i:
        return min(source.left_edge.i, verb.i)
    return verb.i


def _skip_objects(doc: Doc, verb: Token, start: int) -> int:
    """Past indirect objects and channel phrases between a verb and its clause ("told Reuters")."""
    index = start
    for child in verb.children:
        if child.i >= index and child.dep_ in (
            "dobj",
            "dative",
            "iobj",
            "prep",
            "npadvmod",
            "advmod",
            "punct",
        ):
            index = max(index, child.right_edge.i + 1)
    clause = next((c for c in verb.children if c.dep_ in CLAUSES and c.i > verb.i), None)
    if clause is not None:
        index = min(index, clause.left_edge.i)
    return max(start, index)


def _colon_after(verb: Token) -> Token | None:
    """The colon, or the comma before a quotation, that opens the content ("told reporters:",
    "said, \"We ..."), within a few words of the verb."""
    doc = verb.doc
    end = min(verb.i + 5, len(doc) - 1)
    for index in range(verb.i + 1, end):
        if doc[index].text == ":" or doc[index].text == "," and doc[index + 1].is_quote:
            return doc[index]
        if doc[index].pos_ not in ("ADV", "PART", "ADP", "PRON", "PROPN", "NOUN", "DET"):
            return None
    return None


def _continues_content(clause: Token) -> bool:
    """A clause coordinated with the verb that goes on with what was said ("said X, but that
    Y"; "said X, but Y is Z") rather than a second act of the speaker ("and proposed Y")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    return has_subject and lemma_of(clause) not in CUE_VERBS


def _is_setting(token: Token) -> bool:
    """Where or when something was said: "on Monday", "at a rally in Ohio", "in a statement"."""
    if is_time(token):
        return True
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in CUES.circumstance_marks for c in token.children)
    if token.dep_ != "prep":
        return False
    placed = [t for t in token.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj"]
    return any(
        t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "WORK_OF_ART")
        or t.lemma_.lower() in CUES.setting_nouns
        for t in placed
    )
