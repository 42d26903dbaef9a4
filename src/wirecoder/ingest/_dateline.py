"""Wire datelines: ``KYIV, Ukraine, Oct 3 (Reuters) -`` says where and when a story was filed,
and by whom.

A dateline is metadata, not story text: it is parsed here so that the body handed to analysis
starts with the story's first sentence and the filing place never becomes a claim's words, an
actor or an event's place. The grammar, at the start of a line::

    [(] PLACE [, REGION]{0,2} [, DATE] [,] [(AGENCY) | /AGENCY/.] [)] SEPARATOR [BODY]

PLACE is one city or several joined by "/" ("KYIV/MOSCOW"), in capitals or capitalised words with
the particles of place names ("DEIR AL-BALAH", "Deir al-Balah", "THE HAGUE"); REGION a country,
state or territory ("Ukraine", "Calif.", "Gaza Strip"); DATE "Oct 3", "October 3", "3 October",
"Oct. 3", with or without its year, or a weekday ("Monday"); SEPARATOR ":", "-", "--", "–" or
"—". Also "(AGENCY) -" with no place, the bracketed "(Beirut, May 2, 2024) –" of rights groups'
releases, and an "AFP, TUNIS" line of its own. The words (agencies, months, weekdays, labels,
particles) are data (``data/datelines.toml``).

How much is trusted depends on how much of the grammar the line shows: an agency or a date makes
a dateline of any capitalised place; a place in capitals before a dash ("BAMAKO -") needs only a
body that opens like a sentence; a place in capitals before a colon ("BANGKOK:") needs a lede
after it (a whole sentence in sentence case), and one in capitalised words alone ("Washington -
...") a long lede, so that neither a headline ("Gaza: strikes go on", "Trump: I Will Win"), nor
a label ("UPDATE:", "File photo -"), nor a sentence's first words ("Russian forces said: ...") is
taken for one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..lexicon import Lexicon, OrderedWords, Words, load
from ..schema import Dateline

_MAX_HEAD_CHARS = 100
_MAX_CITY_WORDS = 5
_MAX_REGION_WORDS = 5
_MAX_CITIES = 4
_MAX_AGENCY_WORDS = 5
_MIN_CAPS_LETTERS = 3
_MIN_CAPS_LEDE_WORDS = 8
_MIN_LEDE_WORDS = 15
_MAX_CAPITALISED_SHARE = 0.5
_GRACE = dt.timedelta(days=1)
_QUOTES_AND_BRACKETS = "\"'“”‘’«»([)]"

Case = Literal["caps", "title"]


class _Words(Lexicon):
    agencies: Words
    agency_words: Words
    labels: Words
    particles: Words
    openers: Words
    weekdays: OrderedWords
    months: dict[str, int]


# The separator after the dateline: a colon, or a dash with space on at least one side (a hyphen
# inside "PORT-AU-PRINCE" has none), or the period after TASS's "/TASS/".
_SEPARATOR = re.compile(
    r"\s*:(?=\s|$|[^\W\d_])"
    r"|\s+(?:--|[-–—―])(?=\s|$|[^\W\d_]|[\"“‘'(])"
    r"|(?:--|[-–—―])(?=\s|$)"
    r"|(?<=/)\.(?=\s|$)"
)
_TRAILING_AGENCY = re.compile(r"[\s,]*\(\s*(?P<agency>[^()\n]{1,40}?)\s*\)$")
_SLASH_AGENCY = re.compile(r"[\s,.]*/(?P<agency>[^/\n]{1,30})/$")
_WORD = re.compile(r"(?:[a-z]{1,3}-)?[^\W\d_](?:[^\W\d_]|['’.\-])*")
_PREFIX = re.compile(r"^[a-z]{1,3}-(?=[^\W\d_])")
"""The article glued to a name in lower case: "al-Balah", "el-Fasher"."""
_AGENCY_FIRST = re.compile(r"(?P<agency>[^\W\d_][^,\n]{0,39}),\s*(?P<place>[^,\n]{2,60})")


@dataclass(frozen=True)
class _Grammar:
    """The dateline grammar built from the data file."""

    words: _Words
    agencies: frozenset[str]
    """The agencies' names, case-folded."""
    date: re.Pattern[str]
    date_at_end: re.Pattern[str]

    def agency_after_place(self, text: str) -> bool:
        """A bracketed name after a place is an agency: a known one, or capitalised words
        ("News 1st"), not a phrase ("Ukraine's army")."""
        words = text.split()
        return text.casefold() in self.agencies or (
            len(words) <= _MAX_AGENCY_WORDS
            and all(word[:1].isupper() or word[:1].isdigit() for word in words)
            and not any(word.endswith(("'s", "’s")) for word in words)
        )

    def agency_alone(self, text: str) -> bool:
        """A bracketed name with no place before it is an agency when known or named so."""
        words = text.casefold().split()
        return text.casefold() in self.agencies or (
            bool(words) and words[-1] in self.words.agency_words and text[:1].isupper()
        )

    def name_case(self, name: str, max_words: int) -> Case | None:
        """ "caps" or "title" when ``name`` is written like a place name, else None."""
        words = name.split()
        if not words or len(words) > max_words:
            return None
        cases: set[Case] = set()
        for index, word in enumerate(words):
            if index and word in self.words.particles:
                continue
            if _WORD.fullmatch(word) is None or word.casefold().endswith(("'s", "’s")):
                return None
            letters = [char for char in _PREFIX.sub("", word) if char.isalpha()]
            if not letters[0].isupper():
                return None
            cases.add("caps" if all(char.isupper() for char in letters) else "title")
        return "title" if "title" in cases else "caps"

    def resolve(self, date_text: str, published: dt.date | None) -> dt.date | None:
        """The date a dateline prints; without its year, the latest such date that is not after
        the publication date (a story is filed before it is published; a day's grace for time
        zones), so "Dec 31" on a story of January 2 is of the year before."""
        found = self.date.fullmatch(date_text)
        if found is None or published is None and found["wd"]:
            return None
        if found["wd"] and published is not None:
            weekday = self.words.weekdays.index(found["wd"].casefold())
            latest = published + _GRACE
            return latest - dt.timedelta(days=(latest.weekday() - weekday) % 7)
        month = self.words.months[(found["m1"] or found["m2"]).casefold()]
        day = int(re.sub(r"\D", "", found["d1"] or found["d2"]))
        year = found["y1"] or found["y2"]
        if year:
            return _valid(int(year), month, day)
        if published is None:
            return None
        latest = published + _GRACE
        return next(
            (
                date
                for offset in (1, 0, -1, -2, -3, -4)
                if (date := _valid(published.year + offset, month, day)) is not None
                and date <= latest
            ),
            None,
        )


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@cache
def _grammar() -> _Grammar:
    words = load("wirecoder.ingest", "datelines", _Words)
    month = "|".join(sorted(map(re.escape, words.months), key=len, reverse=True))
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:19|20)\d\d(?!\d)"
    weekday = "|".join(map(re.escape, words.weekdays))
    date = (
        rf"(?:(?P<m1>{month})\.?\s+(?P<d1>{day})(?:,?\s+(?P<y1>{year}))?"
        rf"|(?P<d2>{day})\s+(?P<m2>{month})\.?(?:,?\s+(?P<y2>{year}))?"
        rf"|(?P<wd>{weekday}))(?![^\W\d_])"
    )
    return _Grammar(
        words=words,
        agencies=frozenset(name.casefold() for name in words.agencies),
        date=re.compile(date, re.IGNORECASE),
        date_at_end=re.compile(rf"(?:^|(?<=[\s,.]))(?P<date>{date})[\s,.]*$", re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Head:
    """What stands before the separator, read by the grammar."""

    place: str | None
    date_text: str | None
    agency: str | None
    case: Case | None
    enclosed: bool


def _strip_agency(head: str, grammar: _Grammar) -> tuple[str, str | None, bool] | None:
    """The head without its agency, the agency, and whether the whole head was in brackets.
    None when a bracketed part is no agency."""
    if head.startswith("(") and head.endswith(")") and head.count("(") == 1:
        inner = head[1:-1].strip()
        return ("", inner, True) if grammar.agency_alone(inner) else (inner, None, True)
    found = _TRAILING_AGENCY.search(head) or _SLASH_AGENCY.search(head)
    if found is None:
        return None if "(" in head or ")" in head else (head, None, False)
    agency = found["agency"].strip()
    rest = head[: found.start()].strip()
    if agency.casefold() in grammar.words.labels:
        return rest, None, False  # "MANILA, Philippines (UPDATED) -"
    if not (grammar.agency_after_place(agency) if rest else grammar.agency_alone(agency)):
        return None
    return rest, agency, False


def _read_head(head: str, dash: bool, grammar: _Grammar) -> _Head | None:
    """The place, date and agency of a dateline's head; None when it is no dateline."""
    stripped = _strip_agency(head.strip(), grammar)
    if stripped is None:
        return None
    rest, agency, enclosed = stripped
    date_text = None
    if found := grammar.date_at_end.search(rest):
        date_text = " ".join(found["date"].split())
        rest = rest[: found.start()]
    rest = rest.strip().rstrip(",").strip()
    last = rest.rsplit(maxsplit=1)[-1] if rest else ""
    if last.endswith(".") and last[:-1].isupper() and "." not in last[:-1]:
        rest = rest[:-1]  # "MOSCOW. Oct 3": the period ends the place; "Calif." keeps its own
    if agency is None and "," not in rest and grammar.agency_alone(rest):
        if not dash:
            return None  # "AP: Trump aide ..." credits a headline
        rest, agency = "", rest  # "REUTERS -", "HAVANA TIMES -": an outlet, no place
    if not rest:
        return _Head(None, date_text, agency, None, enclosed)
    case = _place_case(rest, grammar)
    if case is None:
        return None
    return _Head(" ".join(rest.split()), date_text, agency, case, enclosed)


def _place_case(place: str, grammar: _Grammar) -> Case | None:
    """How ``CITY[/CITY][, REGION]{0,2}`` is written, or None when it is not such a name: a
    label ("UPDATE", "File photo") and a sentence's opening words ("In Kyiv") are not."""
    city, *regions = [part.strip() for part in place.split(",")]
    cities = [name.strip() for name in city.split("/")]
    if len(regions) > 2 or len(cities) > _MAX_CITIES:
        return None
    cases = [grammar.name_case(name, _MAX_CITY_WORDS) for name in cities]
    if any(
        region_case is None
        for region_case in (grammar.name_case(region, _MAX_REGION_WORDS) for region in regions)
    ):
        return None
    first = cities[0].split()
    if (
        None in cases
        or " ".join(first).casefold() in grammar.words.labels
        or (first and first[0].casefold() in grammar.words.openers)
    ):
        return None
    return "caps" if all(case == "caps" for case in cases) else "title"


def _opens_sentence(body: str) -> bool:
    return body[:1].isupper() or body[:1].isdigit() or body[:1] in _QUOTES_AND_BRACKETS


def _is_sentence(body: str, min_words: int) -> bool:
    """A lede (a whole sentence of some length in sentence case), not a headline ("Poll: Trump
    and Clinton tied", "BOOM: Trump Just Fired A Missile At Hillary")."""
    words = body.split()
    named = [word for word in words if word[:1].isalpha()]
    capitalised = sum(word[:1].isupper() for word in named)
    return (
        len(words) >= min_words
        and body.rstrip(_QUOTES_AND_BRACKETS).endswith((".", "!", "?"))
        and capitalised <= _MAX_CAPITALISED_SHARE * len(named)
    )


def _trusted(head: _Head, body: str, dash: bool) -> bool:
    """Whether what the line shows is enough to call it a dateline (see the module docstring)."""
    if body and not _opens_sentence(body):
        return False
    if head.agency is not None or (head.date_text is not None and head.place is not None):
        return True
    if head.place is None:
        return False
    if head.enclosed:
        return bool(body)
    if head.case == "caps" and sum(char.isalpha() for char in head.place) < _MIN_CAPS_LETTERS:
        return False
    if head.case == "caps":
        return dash or _is_sentence(body, _MIN_CAPS_LEDE_WORDS)
    return _is_sentence(body, _MIN_LEDE_WORDS)


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline found at the start of a line, where the story text after it begins, and
    whether it is of the unmistakable kind (with an agency or a date, in brackets, or a place in
    capitals before a dash) that may follow a few lines of title, deck and caption."""

    dateline: Dateline
    body_start: int
    strong: bool


def match_dateline(line: str, published: dt.date | None = None) -> DatelineMatch | None:
    """The dateline at the very start of ``line``, if it has one; the story may start on the next
    line. A date printed without its year (or a weekday) is the latest such day not after
    ``published``."""
    grammar = _grammar()
    separator = _SEPARATOR.search(line)
    if separator is None or separator.start() > _MAX_HEAD_CHARS:
        return _agency_first(line, grammar)
    dash = separator.group().strip() not in (":", ".")
    head = _read_head(line[: separator.start()], dash, grammar)
    body = line[separator.end() :].lstrip()
    if head is None or not _trusted(head, body, dash):
        return None
    printed = " ".join(line[: separator.start()].split())
    dateline = Dateline(
        text=printed,
        place=head.place,
        date_text=head.date_text,
        date=grammar.resolve(head.date_text, published) if head.date_text else None,
        agency=head.agency,
    )
    strong = (
        head.agency is not None
        or head.date_text is not None
        or head.enclosed
        or (head.case == "caps" and dash)
    )
    return DatelineMatch(dateline=dateline, body_start=len(line) - len(body), strong=strong)


def _agency_first(line: str, grammar: _Grammar) -> DatelineMatch | None:
    """A line of its own that names a known agency and then the place: ``AFP, TUNIS``."""
    found = _AGENCY_FIRST.fullmatch(line.strip())
    if (
        found is None
        or found["agency"].strip().casefold() not in grammar.agencies
        or _place_case(found["place"].strip(), grammar) is None
    ):
        return None
    dateline = Dateline(
        text=" ".join(line.split()), place=found["place"].strip(), agency=found["agency"].strip()
    )
    return DatelineMatch(dateline=dateline, body_start=len(line), strong=True)
