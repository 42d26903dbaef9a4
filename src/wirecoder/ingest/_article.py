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

_DROPPED_CHARACTERS = dict.fromkeys(
    [0xFEFF, 0x200B, *(c for c in range(32) if chr(c) not in "\n\t"), 0x7F]
)
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
    Raises InputError when no story text is left.
    """
    when = parse_timestamp(published, source or "text") if isinstance(published, str) else published
    day = when.date() if isinstance(when, dt.datetime) else when
    cleaned = normalize_text(text)
    header = _read_header(cleaned, day)
    body, credits = _split_credit_line(cleaned[header.body_start :].strip())
    if not body:
        reason = "no story text besides the dateline and credits" if cleaned else "empty text"
        raise InputError(source or "text", reason)
    if header.byline:
        credits.insert(0, header.byline)
    elif byline:
        credits.insert(
            0, Credit(role="byline", names=list(byline), text="By " + " and ".join(byline))
        )
    return Article(
        text=body,
        title=title or header.title,
        publisher=publisher or (header.dateline.agency if header.dateline else None),
        published=day or (header.dateline.date if header.dateline else None),
        published_at=when if isinstance(when, dt.datetime) else None,
        dateline=header.dateline,
        credits=credits,
        language=language,
        url=url,
        source=source,
    )


def parse_timestamp(value: str, source: str) -> dt.date | dt.datetime:
    """A date or, where the value gives a time, a datetime; InputError if it is neither."""
    value = value.strip()
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            return parse(value)
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        pass
    import dateparser  # slow to import; only needed for free-form dates

    parsed: dt.datetime | None = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        raise InputError(source, f"{value!r} is not a date (use YYYY-MM-DD)")
    return parsed


def parse_published(value: str, source: str) -> dt.date:
    """The publication date in ``value`` (ISO date or datetime, RFC 2822, '7 April 2023')."""
    when = parse_timestamp(value, source)
    return when.date() if isinstance(when, dt.datetime) else when
