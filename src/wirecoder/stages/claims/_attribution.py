"""Attribution relations from the dependency parse: who (source) said (cue) what (content).

Every relation is anchored on a cue: a reporting verb ("said", "told", "has warned"), the
preposition "according to", or a colon after a speech verb. The parse gives the source (the
verb's subject, the agent of a passive, the subject a participle inherits) and the content (the
clausal complement, or the main clause an attribution is appended to: "..., officials said").
Quotations are handled on the characters, since the parser does not see them as units: content
snaps to a quotation's marks, a quotation that runs over several sentences gives one content
span per sentence, and quoted sentences that follow an attribution without a cue of their own
continue it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..._document import text_of
from ._identity import identify_name
from ._lexicon import (
    ANONYMOUS_NOUNS,
    APPEARANCE_VERBS,
    CHANNEL_NOUNS,
    CITED_NOUNS,
    COGNITION_VERBS,
    CUE_VERBS,
    INFINITIVE_VERBS,
    OBJECT_PREPOSITIONS,
    OBJECT_VERBS,
    SETTING_NOUNS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    VIEW_VERBS,
    words,
)

_BREAKS_KEY = "wirecoder.paragraph_breaks"
_QUESTION_VERBS = frozenset({"ask"})
_NOT_SPEAKERS = frozenset(
    {
        "latest",
        "note",
        "update",
        "updated",
        "editor",
        "correction",
        "photo",
        "photos",
        "video",
        "watch",
        "related",
        "read",
        "listen",
        "more",
        "source",
        "credit",
        "warning",
        "breaking",
        "analysis",
    }
)
"""Labels a colon follows that are not a speaker ("Update: ...", "Photos: ...")."""
_CIRCUMSTANCE_MARKS = frozenset(
    {"as", "while", "when", "after", "before", "since", "because", "although", "though", "until"}
)
_ANY_CUE = CUE_VERBS | STANCE_VERBS
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}
"""Forms the small English model lemmatizes wrongly ("hopes" -> "hop")."""
_CUE_LEMMA_HASHES = frozenset(hash_string(word) for word in APPEARANCE_VERBS | _ANY_CUE)
_CUE_LOWER_HASHES = frozenset(hash_string(word) for word in (":", "according", *_LEMMA_FIXES))
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SOURCE_HEADS = (
    SPEAKER_NOUNS | CITED_NOUNS | {word for nouns in SOURCE_NOUNS.values() for word in words(nouns)}
)
"""Head nouns of a phrase that can be cited as a source ("citing the embassy", "citing sources")."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLAUSES = frozenset({"ccomp", "xcomp"})
_CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg"})
_EDGE_PUNCT = frozenset(",;:-–—()[]")


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
        attribution.direct = any(_in_quotes(span, quotes) for span in attribution.content)
    return found


_QUOTE_MARK = re.compile(r"''|``|[“”\"]")


def quotation_regions(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each quotation, marks included (“ ”, straight double quotes and the
    '' `` pairs of some wire feeds); a quotation left open ends at its paragraph's end."""
    regions: list[tuple[int, int]] = []
    start: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group()
        if start is not None and "\n\n" in text[start : match.start()]:
            start = None  # a quotation left open runs on in the next paragraph's opening mark
        if start is None and mark not in ("”",):
            start = match.start()
        elif start is not None and mark not in ("“", "``"):
            regions.append((start, match.end()))
            start = None
    return regions


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may be cues (a cue lemma, "according", a colon), read from the
    doc's arrays: a spaCy Token made for every word cost a third of the stage."""
    columns = doc.to_array([LEMMA, LOWER])
    return [
        index
        for index, (lemma, lower) in enumerate(columns.tolist())
        if lemma in _CUE_LEMMA_HASHES or lower in _CUE_LOWER_HASHES
    ]


def _attribution_at(doc: Doc, token: Token, quotes: list[tuple[int, int]]) -> Attribution | None:
    if token.text == ":":
        return _headline_colon(doc, token, quotes)
    lemma = _lemma(token)
    if lemma in APPEARANCE_VERBS and token.pos_ in ("VERB", "AUX"):
        return _appearance(doc, token, quotes)
    according = token.lower_ == "according" and _next_is(token, "to")
    if not according and (token.pos_ not in ("VERB", "AUX") or lemma not in _ANY_CUE):
        return None
    if _in_quotes((token.idx, token.idx + 1), quotes):
        return None  # reported inside someone's quotation: part of their words, not a new source
    if according:
        return _according_to(doc, token, quotes)
    if cited_report(token) is not None:
        return None
    if lemma in STANCE_VERBS:
        if not _spoken_by_a_speaker(token):
            return None
    elif lemma not in CUE_VERBS:
        return None
    content = _content_of(doc, token, lemma, quotes)
    if not content and lemma in OBJECT_VERBS | STANCE_VERBS:
        content = _object_content(doc, token, lemma, quotes)
    source = _source_of(token) or (_source_before(token) if content else None)
    source_range = _noun_phrase(doc, source) if source is not None else None
    appended = _appended_source(doc, token) if not content and lemma in SPEECH_VERBS else None
    if appended is not None:
        source, source_range, (before_end, after_start) = appended
        content = _content_in_paragraph(doc, token.sent.start, before_end, quotes, token)
        if after_start is not None:
            content += _content_in_paragraph(doc, after_start, token.sent.end, quotes, token)
        if source_range[1] - source_range[0] > 80:
            return None
    if not content and source is not None and source_range is not None:
        content = _quotation_before(doc, min(source_range[0], token.idx), quotes)
    if not content or source is None and not _unattributed_report(token):
        return None
    if source is not None and _is_question_to_reader(token, source):
        return None
    cue_start, cue_end = _cue_extent(token)
    if source_range is not None and _overlaps(source_range, content):
        return None
    return Attribution(
        cue=(doc[cue_start].idx, _end_char(doc[cue_end - 1])),
        cue_token=token.i,
        source=source_range,
        source_token=source.i if source is not None else None,
        content=content,
        direct=any(_in_quotes(span, quotes) for span in content),
    )


def cited_source(token: Token) -> Token | None:
    """The head of X in "citing X" / "quoting X" when X can be a source (a name, "officials",
    "the embassy"), not a reason ("citing the release of prisoners")."""
    if _lemma(token) not in ("cite", "quote"):
        return None
    return next(
        (
            child
            for child in token.children
            if child.dep_ == "dobj"
            and (child.ent_type_ in _SOURCE_ENTITIES or _lemma(child) in _SOURCE_HEADS)
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
    return verb if _lemma(verb) in CUE_VERBS else None


def _headline_colon(doc: Doc, colon: Token, quotes: list[tuple[int, int]]) -> Attribution | None:
    """ "Zelenskiy: Russia will pay for Bucha" - a name, a colon and what they said, at the start
    of a headline, paragraph or sentence."""
    first, last = _paragraph(colon)
    start = max(first, colon.sent.start)
    words = doc[start : colon.i]
    if not 0 < len(words) <= 6 or colon.i + 2 >= last:
        return None
    if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "PART", "NUM") for t in words):
        return None
    if words[0].lower_ in _NOT_SPEAKERS or not words[0].is_title and words[0].pos_ != "DET":
        return None
    named = identify_name(words.text) is not None or any(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in words
    )
    if not named and words.root.lemma_.lower() not in SPEAKER_NOUNS | ANONYMOUS_NOUNS:
        return None  # "The goal: to ..." and "Grandkids: ..." are labels, not speakers
    content = _content_in_paragraph(doc, colon.i + 1, min(last, colon.sent.end), quotes, colon)
    if not content:
        return None
    head = words.root
    return Attribution(
        cue=(colon.idx, colon.idx + 1),
        cue_token=colon.i,
        source=(words[0].idx, _end_char(words[-1])),
        source_token=head.i,
        content=content,
        direct=any(_in_quotes(span, quotes) for span in content),
    )


def _appearance(doc: Doc, verb: Token, quotes: list[tuple[int, int]]) -> Attribution | None:
    """ "Cruz seemed [to lose ground]": the reporter's hedged reading of a subject, content in
    two pieces (the subject and what it seemed)."""
    if _in_quotes((verb.idx, verb.idx + 1), quotes):
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
        for span in _content_in_paragraph(
            doc, piece.left_edge.i, piece.right_edge.i + 1, quotes, verb
        )
    ]
    cue_start, cue_end = _cue_extent(verb)
    return Attribution(
        cue=(doc[cue_start].idx, _end_char(doc[cue_end - 1])),
        cue_token=verb.i,
        source=None,
        source_token=None,
        content=content,
        kind="appearance",
    )


def _according_to(doc: Doc, token: Token, quotes: list[tuple[int, int]]) -> Attribution | None:
    to = doc[token.i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj"] or [
        child for child in token.children if child.dep_ == "pobj"
    ]
    if not objects:
        return None
    source = objects[0]
    source_range = _noun_phrase(doc, source)
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
        span
        for piece in pieces
        if (span := _content_span(doc, piece[0].i, piece[-1].i + 1, quotes))
    ]
    if not content:
        return None
    return Attribution(
        cue=(token.idx, _end_char(to)),
        cue_token=token.i,
        source=source_range,
        source_token=source.i,
        content=content,
        direct=any(_in_quotes(span, quotes) for span in content),
        kind="according",
    )


def _content_of(
    doc: Doc, verb: Token, lemma: str, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where the verb's content is: its complement clause, a quote after a colon, or its host."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if subject is not None and infinitive is not None and lemma in SPEECH_VERBS | COGNITION_VERBS:
        return [  # "Russia [is believed] [to have lost 300 tanks]": the subject is part of what is believed
            *_content_in_paragraph(
                doc, subject.left_edge.i, subject.right_edge.i + 1, quotes, verb
            ),
            *_content_in_paragraph(
                doc, infinitive.left_edge.i, infinitive.right_edge.i + 1, quotes, verb
            ),
        ]
    clauses = [
        child
        for child in verb.children
        if child.dep_ == "ccomp" or child.dep_ == "xcomp" and lemma in INFINITIVE_VERBS
    ] or [  # "TASS reported, citing X, that ...": the parse may hang the clause on "citing"
        clause
        for child in verb.children
        if cited_report(child) is not None
        for clause in child.children
        if clause.dep_ == "ccomp" and clause.i > child.i
    ]
    if not clauses and verb.dep_ == "ccomp" and _lemma(verb.head) in SPEECH_VERBS:
        clauses = [  # "X said in a statement [Y], TASS reported": the parse hangs Y on the report
            c for c in verb.head.children if c.dep_ == "ccomp" and verb.i < c.i < verb.head.i
        ]
    if clauses:
        clause = clauses[0]
        if _appended_report(clause):  # "X said [Y], TASS reported": the report's own clause is Y
            clause = next(c for c in clause.children if c.dep_ == "ccomp")
        start, end = _subtree_range(clause)
        if _appended_report(verb):  # the report relays the whole attribution before it
            start = min(start, verb.head.left_edge.i)
        if clause.i < verb.i:
            end = max(end, *(_subtree_range(c)[1] for c in clauses if c.i < verb.i))
            end = min(end, _cue_extent(verb)[0])
            source = _source_of(verb) or _source_before(verb)
            if source is not None and source.left_edge.i < verb.i:
                end = min(end, source.left_edge.i)
        else:
            start = max(start, verb.i + 1)
            if clause.head.i == verb.i:
                start = _skip_objects(doc, verb, start)
            for citing in clause.children:
                if citing.i < clause.i and cited_report(citing) is not None:
                    start = max(start, citing.right_edge.i + 1)
            for second in verb.children:
                if second.i > clause.i and second.dep_ == "conj" and _continues_content(second):
                    end = max(end, second.right_edge.i + 1)  # "said X, but that Y"
        return _content_in_paragraph(doc, start, end, quotes, verb)
    colon = _colon_after(verb)
    if colon is not None:
        return _content_in_paragraph(doc, colon.i + 1, verb.sent.end, quotes, verb)
    if verb.dep_ == "parataxis" and lemma in SPEECH_VERBS and verb.head.i < verb.i:
        head = verb.head
        start, end = _subtree_range(head)
        stop = _host_stop(verb)
        return _content_in_paragraph(doc, start, min(end, stop), quotes, verb)
    if verb.dep_ == "parataxis" and lemma in SPEECH_VERBS:  # "Back then, she said, the firm ..."
        start, end = _subtree_range(verb.head)
        before = _content_in_paragraph(doc, start, _host_stop(verb), quotes, verb)
        return before + _content_in_paragraph(doc, verb.right_edge.i + 1, end, quotes, verb)
    as_clause = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if as_clause is not None and verb.dep_ == "advcl" and verb.head.i > verb.i:
        start = verb.right_edge.i + 1  # "As Reuters reported, [the talks stalled]"
        return _content_in_paragraph(doc, start, verb.head.right_edge.i + 1, quotes, verb)
    return []


def _appended_report(verb: Token) -> bool:
    """A report appended after another's words ("Officials said X, TASS reported.") that the
    parse hung on the earlier speech verb as its complement, with X as its own complement."""
    head = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        verb.dep_ != "ccomp"
        or head.i >= verb.i
        or _lemma(verb) not in SPEECH_VERBS
        or _lemma(head) not in SPEECH_VERBS
        or subject is None
        or subject.left_edge.i == 0
        or verb.doc[subject.left_edge.i - 1].text != ","
    ):
        return False
    reported = [c for c in verb.children if c.dep_ == "ccomp" and head.i < c.i < subject.i]
    after = verb.doc[verb.i + 1 : verb.sent.end]
    return bool(reported) and all(t.is_punct or verb.is_ancestor(t) for t in after)


def _appended_source(
    doc: Doc, verb: Token
) -> tuple[Token, tuple[int, int], tuple[int, int | None]] | None:
    """An attribution set off by commas that the parse missed: appended ("..., news agency TASS
    reported") or parenthetical ("The closures, he said, involved public courses").

    The words between the comma and the verb must be a noun phrase; after the verb the sentence
    ends, goes on with "citing ..." or a prepositional phrase, or resumes after a comma. Returns
    the source's head, its characters, the token where the content ends and, for a parenthetical,
    the token where it resumes.
    """
    paragraph_start, paragraph_end = _paragraph(verb)
    start = max(verb.sent.start, paragraph_start)
    end = min(verb.sent.end, paragraph_end)
    index = verb.i - 1
    while index > start and doc[index].text != "," and not doc[index].is_quote:
        if doc[index].pos_ in ("VERB", "AUX") and doc[index].dep_ not in ("amod", "compound"):
            return None
        index -= 1
    if index <= start + 2 or index == verb.i - 1:
        return None
    words = doc[index + 1 : verb.i]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words) or any(
        t.tag_ in ("WDT", "WP") for t in words
    ):
        return None
    head = next(t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN", "PRON"))
    content_end = index if doc[index].text == "," else index + 1
    source_range = (words[0].idx, _end_char(words[-1]))
    resume = _resumption(doc, verb, end)
    if resume is not None:
        return head, source_range, (content_end, resume)
    for token in doc[verb.i + 1 : end]:
        finite = token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG"
        if finite and token.lemma_.lower() not in ("cite", "quote"):
            return None
        if token.head == verb and token.dep_ in ("dobj", "ccomp", "xcomp"):
            return None
    return head, source_range, (content_end, None)


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
        and _lemma(doc[index + 1]) not in ("cite", "quote")  # ", citing X": a link, not words
        and any(t.is_alpha for t in doc[index + 1 : end])
    ):
        return index + 1
    return None


def _spoken_by_a_speaker(verb: Token) -> bool:
    """Whether the verb's subject can hold a view: a named person, group or state, a pronoun,
    or people ("voters", "officials") - not a weapon or a unit ("artillery backed the assault")."""
    subject = _source_of(verb)
    if subject is None:
        return False
    if subject.pos_ == "PRON" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return subject.lemma_.lower() in SPEAKER_NOUNS


def _unattributed_report(verb: Token) -> bool:
    """A report with its speaker left out: "Russia is believed to have lost ...", "it was
    reported that ...", "Asked about the strike, ..." - attributed, but to no one named."""
    if _lemma(verb) in _QUESTION_VERBS:
        return False  # "Asked about the strike, ..." is the reporter asking
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive or verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("advcl", "acl")


def _is_question_to_reader(verb: Token, source: Token) -> bool:
    """ "Do you support X?" asks the reader; it attributes nothing."""
    return source.lower_ == "you" and verb.sent.text.rstrip().endswith("?")


def _quotation_before(
    doc: Doc, clause_start: int, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The quotation that an attribution follows ("'... no?' Freddy Ortega said."), when the
    parser put the two in separate sentences."""
    for region_start, region_end in quotes:
        gap = text_of(doc)[region_end:clause_start]
        if region_end <= clause_start and not gap.strip(" ,") and "\n" not in gap:
            return [(region_start, region_end)]
    return []


def _object_content(
    doc: Doc, verb: Token, lemma: str, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The objects of a verb of stance or naming: "endorsed [Cruz]", "called [him a liar]",
    "accused [Kyiv of shelling the plant]", "called [for a ceasefire]"."""
    preps = OBJECT_PREPOSITIONS.get(lemma, frozenset())
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    framed = any(
        c.dep_ == "prep" and c.lower_ == "as" for t in (verb, *objects) for c in t.children
    )
    if lemma in VIEW_VERBS and not framed:
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
    if _cue_preposition(verb) is not None:
        start += 1  # "called for [a ceasefire]": the preposition belongs to the cue
    return _content_in_paragraph(doc, start, end, quotes, verb)


def _cue_preposition(verb: Token) -> Token | None:
    """The preposition right after a verb that takes its content through it ("called for",
    "referring to", "talked about"), when the verb has no object of its own."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.head != verb or following.dep_ != "prep":
        return None
    if following.lower_ not in OBJECT_PREPOSITIONS.get(_lemma(verb), frozenset()):
        return None
    if any(child.dep_ in ("dobj", "dative") for child in verb.children):
        return None
    return following


def _host_stop(verb: Token) -> int:
    """Token index where the attribution appended to a clause starts (its subject or the verb)."""
    source = _source_of(verb)
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
    clause = next((c for c in verb.children if c.dep_ in _CLAUSES and c.i > verb.i), None)
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


def _source_of(verb: Token) -> Token | None:
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
        return _source_of(verb.head)
    if verb.dep_ == "conj":
        for ancestor in verb.ancestors:
            if ancestor.lemma_.lower() in CUE_VERBS:
                return _source_of(ancestor)
        first = (
            verb  # "McConnell was quick to embrace X and said ...": the first conjunct's subject
        )
        while first.dep_ == "conj":
            first = first.head
        return next((c for c in first.children if c.dep_ == "nsubj"), None)
    return None


def _source_before(verb: Token) -> Token | None:
    """The noun phrase right before a verb the parser left without a subject ("Alarmed by the
    unrest, Senator Harry Reid, the minority leader, said that ...")."""
    doc = verb.doc
    index = verb.i - 1
    if index > 0 and doc[index].text == ",":
        index -= 1
    if index < 0 or doc[index].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    head = doc[index]
    content = {t.i for c in verb.children if c.dep_ in _CLAUSES and c.i < verb.i for t in c.subtree}
    while (
        head.dep_ in ("appos", "compound", "amod", "nmod", "poss")
        and head.head.i < verb.i
        and not (head.dep_ == "appos" and head.head.i in content)
    ):  # "..., near Enerhodar, TASS news agency said": not an apposition to the content's noun
        head = head.head
    if head.right_edge.i >= verb.i or head.left_edge.i < verb.sent.start:
        return None
    return head


def _cue_extent(verb: Token) -> tuple[int, int]:
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
        or _lemma(verb) in OBJECT_VERBS
        and _cue_preposition(verb) is not None
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
    return index + 3 if doc[index + 2].lemma_.lower() in CHANNEL_NOUNS else None


def _lemma(token: Token) -> str:
    return _LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def _noun_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """Characters of a source's noun phrase: its subtree within the paragraph, without edge
    punctuation or a trailing time ("Trump on Tuesday"), but with the comma that closes an
    apposition ("Jeff Weaver, the campaign manager, said")."""
    start, end = _subtree_range(head)
    first, last = _paragraph(head)
    start, end = max(start, first), min(end, last)
    for child in head.children:
        if child.i > head.i and _is_time(child):
            end = min(end, child.left_edge.i)
    citing = next((t for t in doc[head.i + 1 : end] if cited_report(t) is not None), None)
    if citing is not None:  # "Interfax, quoting an official, said": a link of the chain
        end = min(end, citing.left_edge.i)
    while start < end and (
        doc[start].text in _EDGE_PUNCT or doc[start].is_quote or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in _EDGE_PUNCT
        and not (doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start:end]))
        or doc[end - 1].is_quote
        or doc[end - 1].is_space
        or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    closing = end < len(doc) and doc[end].text == "," and any(t.text == "," for t in doc[start:end])
    return doc[start].idx, _end_char(doc[end if closing else end - 1])


def _continues_content(clause: Token) -> bool:
    """A clause coordinated with the verb that goes on with what was said ("said X, but that
    Y"; "said X, but Y is Z") rather than a second act of the speaker ("and proposed Y")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    return has_subject and _lemma(clause) not in CUE_VERBS


def _is_setting(token: Token) -> bool:
    """Where or when something was said: "on Monday", "at a rally in Ohio", "in a statement"."""
    if _is_time(token):
        return True
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in token.children)
    if token.dep_ != "prep":
        return False
    placed = [t for t in token.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj"]
    return any(
        t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "WORK_OF_ART")
        or t.lemma_.lower() in SETTING_NOUNS
        for t in placed
    )


def _is_time(token: Token) -> bool:
    """A time modifier: "Tuesday", "on Tuesday", "last week"."""
    if token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )


def _paragraph(token: Token) -> tuple[int, int]:
    """Token range of the paragraph (text between line breaks) holding ``token``."""
    doc = token.doc
    breaks = doc.user_data.get(_BREAKS_KEY)
    if breaks is None:  # once per document: walking tokens for each cue cost a tenth of the stage
        breaks = doc.user_data[_BREAKS_KEY] = [t.i for t in doc if t.is_space and "\n" in t.text]
    before = bisect_left(breaks, token.i)
    after = bisect_right(breaks, token.i)
    start = breaks[before - 1] + 1 if before else 0
    return start, breaks[after] if after < len(breaks) else len(doc)


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _content_in_paragraph(
    doc: Doc, start: int, end: int, quotes: list[tuple[int, int]], anchor: Token
) -> list[tuple[int, int]]:
    """The content of tokens ``[start, end)`` within ``anchor``'s paragraph, as one span
    snapped to the quotation marks around it (a quotation is one span however many sentences)."""
    first, last = _paragraph(anchor)
    span = _content_span(doc, max(start, first), min(end, last), quotes)
    return [span] if span is not None else []


def _content_span(
    doc: Doc, start: int, end: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Characters of tokens ``[start, end)`` without edge punctuation, snapped to quote marks."""
    while start < end and (
        doc[start].text in _EDGE_PUNCT
        or doc[start].lower_ in ("and", "but")
        or doc[start].is_space
        or doc[start].is_quote
        and any(doc[start].idx == q[1] - 1 for q in quotes)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if start >= end:
        return None
    first, last = doc[start].idx, _end_char(doc[end - 1])
    if text_of(doc)[last - 1] == "." and doc[end - 1].is_sent_end is not False:
        last -= 1  # "in the U.S." ends a sentence: its full stop is not content
    for region_start, region_end in quotes:
        inside = region_start <= first and last <= region_end
        opens = region_start <= first < region_end and _only_punct(text_of(doc)[region_start:first])
        closes = region_start < last <= region_end and _only_punct(text_of(doc)[last:region_end])
        if opens or closes and inside:
            first = region_start
        if closes or opens and inside:
            last = region_end
    return first, last


def _only_punct(text: str) -> bool:
    return all(not char.isalnum() for char in text)


def _in_quotes(span: tuple[int, int], quotes: list[tuple[int, int]]) -> bool:
    return any(q[0] <= span[0] < q[1] for q in quotes)


def _continue_quotations(doc: Doc, found: list[Attribution], quotes: list[tuple[int, int]]) -> None:
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


def _next_is(token: Token, text: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == text


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)
