"""The source of an attribution in the parse: the cue's subject, a passive's agent, the subject
a participle inherits, a noun phrase the parser left unattached, or one set off by commas; and
"citing X" participles, which name the originator of a report rather than a speaker."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._lexicon import CUE_VERBS, CUES, SOURCE_NOUNS, SOURCES
from ._quotes import EDGE_PUNCT
from ._tokens import end_char, is_time, lemma_of, paragraph, subtree_range

_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SOURCE_HEADS = (
    SOURCES.speaker_nouns
    | SOURCES.cited_nouns
    | {word for nouns in SOURCE_NOUNS.values() for word in nouns}
)
"""Head nouns of a phrase that can be cited as a source ("citing the embassy", "citing sources")."""
CLAUSES = frozenset({"ccomp", "xcomp"})
"""Dependencies of a verb's clausal complement."""

AppendedSource = tuple[Token, tuple[int, int], tuple[int, int | None]]
"""A source set off by commas: its head, its characters, the token where the content before it
ends and, for a parenthetical, the token where the content resumes."""


def cited_source(token: Token) -> Token | None:
    """The head of X in "citing X" / "quoting X" when X can be a source (a name, "officials",
    "the embassy"), not a reason ("citing the release of prisoners")."""
    if lemma_of(token) not in CUES.citing_verbs:
        return None
    return next(
        (
            child
            for child in token.children
            if child.dep_ == "dobj"
            and (child.ent_type_ in _SOURCE_ENTITIES or lemma_of(child) in _SOURCE_HEADS)
        ),
        None,
    )


def cited_report(token: Token) -> Token | None:
    """The reporting verb a "citing X" or "quoting X" participle names the originator for:
    "TASS, citing the embassy, reported", "Interfax, quoting an official, said", "TASS reported,
    citing sources, that ...". Such a participle is a link of that report's chain, not a
    statement of its own; citing a reason ("said ..., citing the release of prisoners") is one."""
    if token.tag_ != "VBG" or token.head.i == token.i or cited_source(token) is None:
        return None
    verb = token.head
    while verb.is_punct and verb.head.i != verb.i:
        verb = verb.head  # the parse may hang ", quoting X," on its comma
    if verb.dep_ == "nsubj":
        verb = verb.head  # on the reporting verb's subject
    elif verb.dep_ == "ccomp" and verb.head.i < token.i < verb.i:
        verb = verb.head  # parsed into the reported clause it stands before
    return verb if lemma_of(verb) in CUE_VERBS else None


def source_of(verb: Token) -> Token | None:
    """The speaker: the verb's subject, a passive's agent, or the subject a participle inherits."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" or verb.dep_ == "xcomp":
        return source_of(verb.head)
    if verb.dep_ == "conj":
        return _conjunct_source(verb)
    return None


def _conjunct_source(verb: Token) -> Token | None:
    """The speaker of a coordinated verb: that of a cue it is coordinated with, else the first
    conjunct's subject ("McConnell was quick to embrace X and said ...")."""
    for ancestor in verb.ancestors:
        if ancestor.lemma_.lower() in CUE_VERBS:
            return source_of(ancestor)
    first = verb
    while first.dep_ == "conj":
        first = first.head
    return next((c for c in first.children if c.dep_ == "nsubj"), None)


def source_before(verb: Token) -> Token | None:
    """The noun phrase right before a verb the parser left without a subject ("Alarmed by the
    unrest, Senator Harry Reid, the minority leader, said that ...")."""
    doc = verb.doc
    index = verb.i - 1
    if index > 0 and doc[index].text == ",":
        index -= 1
    if index < 0 or doc[index].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    head = doc[index]
    content = {t.i for c in verb.children if c.dep_ in CLAUSES and c.i < verb.i for t in c.subtree}
    while (
        head.dep_ in ("appos", "compound", "amod", "nmod", "poss")
        and head.head.i < verb.i
        and not (head.dep_ == "appos" and head.head.i in content)
    ):  # "..., near Enerhodar, TASS news agency said": not an apposition to the content's noun
        head = head.head
    if head.right_edge.i >= verb.i or head.left_edge.i < verb.sent.start:
        return None
    return head


def appended_source(doc: Doc, verb: Token) -> AppendedSource | None:
    """An attribution set off by commas that the parse missed: appended ("..., news agency TASS
    reported") or parenthetical ("The closures, he said, involved public courses").

    The words between the comma and the verb must be a noun phrase; after the verb the sentence
    ends, goes on with "citing ..." or a prepositional phrase, or resumes after a comma.
    """
    paragraph_start, paragraph_end = paragraph(verb)
    start = max(verb.sent.start, paragraph_start)
    end = min(verb.sent.end, paragraph_end)
    index = _comma_before(doc, verb, start)
    if index is None or index <= start + 2 or index == verb.i - 1:
        return None
    words = doc[index + 1 : verb.i]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words) or any(
        t.tag_ in ("WDT", "WP") for t in words
    ):
        return None
    head = next(t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN", "PRON"))
    content_end = index if doc[index].text == "," else index + 1
    source_range = (words[0].idx, end_char(words[-1]))
    resume = _resumption(doc, verb, end)
    if resume is not None:
        return head, source_range, (content_end, resume)
    if not _ends_after(doc, verb, end):
        return None
    return head, source_range, (content_end, None)


def _comma_before(doc: Doc, verb: Token, start: int) -> int | None:
    """The comma or quote mark that sets off the words before ``verb`` (the sentence start if
    there is none); None when a finite verb comes first."""
    index = verb.i - 1
    while index > start and doc[index].text != "," and not doc[index].is_quote:
        if doc[index].pos_ in ("VERB", "AUX") and doc[index].dep_ not in ("amod", "compound"):
            return None
        index -= 1
    return index


def _ends_after(doc: Doc, verb: Token, end: int) -> bool:
    """Whether the sentence ends after an appended verb, or goes on only with "citing ..." or
    phrases that are not its object or complement."""
    for token in doc[verb.i + 1 : end]:
        finite = token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG"
        if finite and token.lemma_.lower() not in CUES.citing_verbs:
            return False
        if token.head == verb and token.dep_ in ("dobj", "ccomp", "xcomp"):
            return False
    return True


def _resumption(doc: Doc, verb: Token, end: int) -> int | None:
    """Where a sentence resumes after a parenthetical "he said," (the token after the comma)."""
    index = verb.i + 1
    while index < end and index - verb.i <= 4 and doc[index].text != ",":
        if doc[index].pos_ in ("VERB", "AUX", "PRON") or doc[index].is_quote:
            return None
        index += 1
    if (
        index + 2 < end
        and doc[index].text == ","
        and lemma_of(doc[index + 1]) not in CUES.citing_verbs  # ", citing X": a link, not words
        and any(t.is_alpha for t in doc[index + 1 : end])
    ):
        return index + 1
    return None


def spoken_by_a_speaker(verb: Token) -> bool:
    """Whether the verb's subject can hold a view: a named person, group or state, a pronoun,
    or people ("voters", "officials") - not a weapon or a unit ("artillery backed the assault")."""
    subject = source_of(verb)
    if subject is None:
        return False
    if subject.pos_ == "PRON" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return subject.lemma_.lower() in SOURCES.speaker_nouns


def unattributed_report(verb: Token) -> bool:
    """A report with its speaker left out: "Russia is believed to have lost ...", "it was
    reported that ...", "Asked about the strike, ..." - attributed, but to no one named."""
    if lemma_of(verb) in CUES.question_verbs:
        return False  # "Asked about the strike, ..." is the reporter asking
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive or verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("advcl", "acl")


def is_question_to_reader(verb: Token, source: Token) -> bool:
    """ "Do you support X?" asks the reader; it attributes nothing."""
    return source.lower_ == "you" and verb.sent.text.rstrip().endswith("?")


def noun_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """Characters of a source's noun phrase: its subtree within the paragraph, without edge
    punctuation or a trailing time ("Trump on Tuesday"), but with the comma that closes an
    apposition ("Jeff Weaver, the campaign manager, said")."""
    start, end = subtree_range(head)
    first, last = paragraph(head)
    start, end = max(start, first), min(end, last)
    for child in head.children:
        if child.i > head.i and is_time(child):
            end = min(end, child.left_edge.i)
    citing = next((t for t in doc[head.i + 1 : end] if cited_report(t) is not None), None)
    if citing is not None:  # "Interfax, quoting an official, said": a link of the chain
        end = min(end, citing.left_edge.i)
    while start < end and (
        doc[start].text in EDGE_PUNCT or doc[start].is_quote or doc[start].is_space
    ):
        start += 1
    while end > start and _trailing_edge(doc, start, end):
        end -= 1
    closing = end < len(doc) and doc[end].text == "," and any(t.text == "," for t in doc[start:end])
    return doc[start].idx, end_char(doc[end if closing else end - 1])


def _trailing_edge(doc: Doc, start: int, end: int) -> bool:
    """Whether the last token of ``[start, end)`` is left off a noun phrase: edge punctuation
    (but a ")" that closes a "(" in it), a quote mark, a space or a trailing conjunction."""
    last = doc[end - 1]
    return (
        last.text in EDGE_PUNCT
        and not (last.text == ")" and any(t.text == "(" for t in doc[start:end]))
        or last.is_quote
        or last.is_space
        or last.dep_ == "cc"
    )
