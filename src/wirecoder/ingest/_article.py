"""Raw story text into an ``Article``: clean whitespace; lift dateline, byline, credits out."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .._errors import InputError
from ..schema import Article, Credit, Dateline
from ._credits import parse_byline, parse_credit_line
from ._dateline import DatelineMatch, match_dateline
from ._decode import warn

_DROPPED_CHARACTERS: dict[int, int | None] = dict.fromkeys(
    [
        0xFEFF,
        0x200B,
        *(c for c in range(32) if chr(c) not in "\n\t"),
        0x7F,
        *(c for c in range(0x80, 0xA0) if c != 0x85),  # C1 controls: terminal escapes, mis-decoding
    ]
)
_SURROGATES = re.compile("[\ud800-\udfff]")
"""A lone surrogate (from ``\\ud800`` in JSON or ``&#55296;`` in a feed) is no character: it
cannot be written as UTF-8, so it becomes U+FFFD."""
EARLIEST_DATE = dt.date(1800, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
"""The publication and query dates accepted: a wider range is no news report's, and near the ends
of the calendar date arithmetic (a week before, a year after) overflows."""
_LINE_BREAKS = {0x2028: "\n", 0x2029: "\n\n", 0x0085: "\n", 0x0B: "\n", 0x0C: "\n\n"}
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_CREDIT = re.compile(r"\((?P<inner>[^()\n]{3,600})\)\s*$")
_HEADER_LINES = 6
"""A dateline that shows its agency or date may follow this many lines of title, deck, byline
and time stamp ("Updated 2 hours ago"); one without either only the first few."""
_WEAK_HEADER_LINES = 3
_HEADLINE_MAX_CHARS = 300
_STORY_MIN_WORDS = 12
_DECK_LINES = 2
_INLINE_BYLINE_END = re.compile(r"\.\s+")
_INLINE_BYLINE_MAX_CHARS = 80
"""Sentences above a dateline (a standfirst, a photo caption) before the search gives up."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def normalize_text(text: str) -> str:
    """One clean form of any story text: NFC, ``\\n`` line ends, single spaces, paragraphs.

    Paragraph breaks (one blank line) survive; runs of blank lines fold into one, spaces and tabs
    into one space, and control and zero-width characters are dropped.
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_LINE_BREAKS).translate(_DROPPED_CHARACTERS)
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


@dataclass
class _Header:
    """What the top of a story said before its first sentence."""

    title: str | None = None
    dateline: Dateline | None = None
    byline: Credit | None = None
    body_start: int = 0


def _header_lines(text: str) -> list[tuple[int, str]]:
    """The first few non-blank lines of ``text``, each with its offset."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line:
            lines.append((offset, line))
        if len(lines) == _HEADER_LINES:
            break
        offset += len(line) + 1
    return lines


def _dateline_header(found: DatelineMatch, offset: int, above: list[str]) -> _Header:
    """The header of a dateline found at ``offset``: the first byline and the first other line
    above it are the byline and the headline."""
    header = _Header(dateline=found.dateline, body_start=offset + found.body_start)
    for line in above:
        byline = parse_byline(line, found.dateline.agency)
        if byline and header.byline is None:
            header.byline = byline
        elif not byline and header.title is None:
            header.title = line
    return header


def _dateline_in(line: str, published: dt.date | None) -> tuple[DatelineMatch, list[str]] | None:
    """The dateline that opens ``line``, or follows a byline sentence run into it ("By Jane Roe.
    BOSTON (Reuters) - ..."), with that byline as a header line of its own."""
    if found := match_dateline(line, published):
        return found, []
    if not line.startswith("By "):
        return None
    for stop in _INLINE_BYLINE_END.finditer(line, 0, _INLINE_BYLINE_MAX_CHARS):
        after = match_dateline(line[stop.end() :], published)
        if after and after.strong and parse_byline(line[: stop.start()]):
            return replace(after, body_start=after.body_start + stop.end()), [line[: stop.start()]]
    return None


def _looks_like_story(line: str) -> bool:
    """A paragraph of story text rather than a headline, byline, deck or time stamp."""
    return len(line.split()) >= _STORY_MIN_WORDS and _SENTENCE_END.search(line) is not None


def _read_header(text: str, published: dt.date | None) -> _Header:
    """A dateline in the first few lines, with the headline and byline above it; else a top byline.

    Lines above a dateline are headline, deck, byline, caption or time stamp, never story text,
    so the body starts after the dateline. A dateline without agency, date or dash ("KARACHI:",
    "Washington: ...") counts only in the first lines and before any sentence; the search stops
    at a paragraph-long line or after a few sentences. Without a dateline only a ``By NAME``
    first line is lifted out.
    """
    lines = _header_lines(text)
    story_lines = 0
    for index, (offset, line) in enumerate(lines):
        if (dateline := _dateline_in(line, published)) is not None:
            found, inline = dateline
            if found.strong or (story_lines == 0 and index < _WEAK_HEADER_LINES):
                return _dateline_header(
                    found, offset, [*(above for _, above in lines[:index]), *inline]
                )
        if len(line) > _HEADLINE_MAX_CHARS:
            break
        story_lines += _looks_like_story(line)
        if story_lines > _DECK_LINES:
            break
    if lines and (byline := parse_byline(lines[0][1])):
        return _Header(byline=byline, body_start=len(lines[0][1]) + 1)
    return _Header()


def _split_credit_line(text: str) -> tuple[str, list[Credit]]:
    """The body without its closing credit line, and the credits it held."""
    last_break = text.rfind("\n")
    last_paragraph = text[last_break + 1 :]
    credits = parse_credit_line(last_paragraph)
    if credits is not None:
        return text[: max(last_break, 0)].rstrip(), credits
    trailing = _TRAILING_CREDIT.search(text)
    if trailing and (credits := parse_credit_line(trailing["inner"])) is not None:
        return text[: trailing.start()].rstrip(), credits
    return text, []


def article_from_text(
    text: str,
    *,
    published: dt.date | str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str = "en",
    byline: Sequence[str] = (),
) -> Article:
    """An Article from story text: the body without dateline, byline or credit line, plus metadata.

    ``published`` may be a date, a datetime (kept as ``published_at`` too) or a string
    (see ``parse_published``); without one, a dateline that prints its year gives it. ``publisher``
    defaults to the dateline's agency and ``title`` to a
    headline line above the dateline. ``byline`` names are used when the text has no byline.
    Raises InputError when no story text is left, or when an argument is not of its type (text
    must be a str, not bytes or None) or the date is outside 1800-2199.
    """
    name = source or "text"
    if not isinstance(text, str):
        raise InputError(name, f"the text must be a str, not {type(text).__name__}")
    when = _publication_time(published, name)
    day = when.date() if isinstance(when, dt.datetime) else when
    if _SURROGATES.search(text):
        warn(name, "lone surrogate code points (not characters) replaced with U+FFFD")
    cleaned = normalize_text(text)
    header = _read_header(cleaned, day)
    body, credits = _split_credit_line(cleaned[header.body_start :].strip())
    if not body:
        reason = "no story text besides the dateline and credits" if cleaned else "empty text"
        raise InputError(name, reason)
    if header.byline:
        credits.insert(0, header.byline)
    elif names := [clean for value in byline if (clean := clean_field(value, name, "byline"))]:
        credits.insert(0, Credit(role="byline", names=names, text="By " + " and ".join(names)))
    return Article(
        text=body,
        title=clean_field(title, name, "title") or header.title,
        publisher=clean_field(publisher, name, "publisher")
        or (header.dateline.agency if header.dateline else None),
        published=day or (header.dateline.date if header.dateline else None),
        published_at=when if isinstance(when, dt.datetime) else None,
        dateline=header.dateline,
        credits=credits,
        language=clean_field(language, name, "language") or "en",
        url=clean_field(url, name, "url", fold=False),
        source=clean_field(source, name, "source", fold=False),
    )


def clean_field(value: object, source: str, field: str, fold: bool = True) -> str | None:
    """A metadata string without control characters or lone surrogates, and (``fold``) on one
    line with single spaces; None for None or blank. Anything but a string is an InputError
    naming the field."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, f"{field!r} must be a string, not {type(value).__name__}")
    value = _SURROGATES.sub("\ufffd", value).translate(_DROPPED_CHARACTERS)
    return (" ".join(value.split()) if fold else value.strip()) or None


def _publication_time(published: object, source: str) -> dt.date | dt.datetime | None:
    """The ``published`` argument as a date or datetime inside the accepted range."""
    if published is None:
        return None
    if isinstance(published, str):
        return parse_timestamp(published, source)
    if isinstance(published, dt.date):  # a datetime is a date too
        check_date(published, source)
        return published
    raise InputError(
        source,
        f"published must be a date or a 'YYYY-MM-DD' string, not {type(published).__name__} "
        f"{published!r}",
    )


def check_date(when: dt.date, source: str) -> dt.date:
    """``when`` itself, or an InputError when it is outside 1800-01-01 ... 2199-12-31."""
    day = when.date() if isinstance(when, dt.datetime) else when
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InputError(
            source,
            f"{day.isoformat()} is outside the dates accepted "
            f"({EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()})",
        )
    return when


def parse_timestamp(value: str, source: str) -> dt.date | dt.datetime:
    """A date or, where the value gives a time, a datetime; InputError if it is neither, or if it
    is outside 1800-2199.

    Only absolute dates are read: "yesterday" or "3 days ago" would be read against the clock of
    the machine that runs the analysis, not the day the article appeared.
    """
    check_date(when := _parse_timestamp(value.strip(), source), source)
    return when


def _parse_timestamp(value: str, source: str) -> dt.date | dt.datetime:
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            return parse(value)
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    import dateparser  # slow to import; only needed for free-form dates

    try:
        parsed: dt.datetime | None = dateparser.parse(
            value,
            languages=["en"],
            settings={
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ["custom-formats", "absolute-time"],  # no "yesterday", no timestamps
            },
        )
    except (ValueError, OverflowError, RecursionError):
        parsed = None
    if parsed is None:
        raise InputError(source, f"{value[:80]!r} is not a date (use YYYY-MM-DD)")
    return parsed


def parse_published(value: str, source: str) -> dt.date:
    """The publication date in ``value`` (ISO date or datetime, RFC 2822, '7 April 2023')."""
    when = parse_timestamp(value, source)
    return when.date() if isinstance(when, dt.datetime) else when
