"""Wire datelines: ``KYIV, April 7 (Reuters) -`` says where and when a story was filed, and by whom.

A dateline is metadata, not story text: it is parsed here so the body handed to analysis starts
with the story's first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import Dateline

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
# Place: city, optional "/OTHER CITY", optional ", Country"; no parentheses, digits or sentence
# marks.
_PLACE_PART = r"[^\W\d_][^\n(),:;!?\d]*?"
_PLACE = rf"{_PLACE_PART}(?:,\s*{_PLACE_PART})??"
_DASH = r"(?:--|[-–—])"
_MAX_PLACE_WORDS = 6

_WITH_AGENCY = re.compile(
    rf"(?P<printed>(?P<place>{_PLACE})(?:,\s*(?P<date>{_DATE}))?\s*"
    rf"\((?P<agency>[^\W\d_][\w .&'-]{{0,39}})\))\s*{_DASH}[ \t]*"
)
# Without an agency only an upper-case place is trusted, e.g. ``GAZA CITY, March 3 —``.
_UPPER_PLACE = r"[A-Z][A-Z .'/-]*[A-Z.](?:,\s*[A-Z][A-Za-z .'-]*?)?"
_WITHOUT_AGENCY = re.compile(
    rf"(?P<printed>(?P<place>{_UPPER_PLACE})(?:,\s*(?P<date>{_DATE}))?)\s+{_DASH}[ \t]+"
)


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline found at the start of a line, and where the story text after it begins."""

    dateline: Dateline
    body_start: int


def match_dateline(line: str) -> DatelineMatch | None:
    """The dateline at the very start of ``line``, if it has one; the story may start on the next
    line."""
    for pattern in (_WITH_AGENCY, _WITHOUT_AGENCY):
        found = pattern.match(line)
        if found and len(found["place"].split()) <= _MAX_PLACE_WORDS:
            return DatelineMatch(
                dateline=Dateline(
                    text=" ".join(found["printed"].split()),
                    place=" ".join(found["place"].split()),
                    date_text=found["date"],
                    agency=found.groupdict().get("agency"),
                ),
                body_start=found.end(),
            )
    return None
