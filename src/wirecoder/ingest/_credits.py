"""Credit lines and bylines: who reported, wrote and edited a story.

Wire stories end with a credit line such as ``(Reporting by A in Kyiv; Writing by B; Editing by C)``
and some open with ``By NAME``. Both are metadata; they are parsed into ``Credit`` entries and kept
out of the analysed body.
"""

from __future__ import annotations

import re

from ..schema import Credit, CreditRole

_ROLE_WORDS: dict[str, CreditRole] = {
    "additional reporting": "additional_reporting",
    "reporting": "reporting",
    "reported": "reporting",
    "writing": "writing",
    "written": "writing",
    "compiled": "writing",
    "compiling": "writing",
    "editing": "editing",
    "edited": "editing",
    "research": "other",
    "graphics": "other",
    "translation": "other",
    "translated": "other",
    "fact-checking": "other",
    "production": "other",
    "produced": "other",
}
_ROLE_ALTERNATIVES = "|".join(sorted(map(re.escape, _ROLE_WORDS), key=len, reverse=True))
# A role phrase starts the credit or follows a separator: ';', ':', ',', '.', '|' or '/'.
_ROLE_PHRASE = re.compile(
    rf"(?:^|(?<=[;:,.|/]))\s*(?P<role>{_ROLE_ALTERNATIVES})\s+by\s+",
    re.IGNORECASE,
)
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|;|\s+and\s+|\s+&\s+)\s*")
_LOCATION_TAIL = re.compile(r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z].*$")
_CONTRIBUTED = re.compile(
    r"^(?:[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*\s+)?"
    r"(?:writers?|journalists?|reporters?|correspondents?|staffers?)\s+"
    r"(?P<names>[A-Z].*?)\s+contributed(?:\s+(?:to\s+)?this\s+(?:report|story))?\.?$"
)
_BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][^\n]{1,150})$", re.IGNORECASE)
_MAX_BYLINE_NAMES = 6


def split_names(text: str) -> list[str]:
    """Names in a credit: split on commas and 'and', dropping trailing places like 'in Kyiv'.

    A one-word part right after a placed name continues the place list, so
    ``Reuters bureaux in Kyiv and Moscow`` is one name, not two.
    """
    names: list[str] = []
    after_place = False
    for part in _NAME_SEPARATOR.split(text.strip().rstrip(".").strip()):
        if not part:
            continue
        if after_place and len(part.split()) == 1:
            continue
        name = _LOCATION_TAIL.sub("", part).strip()
        after_place = name != part
        if name:
            names.append(name)
    return names


def parse_credit_line(text: str) -> list[Credit] | None:
    """Credits from a credit line (with or without its parentheses), or None if it is not one."""
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    contributed = _CONTRIBUTED.match(inner)
    if contributed:
        return [
            Credit(role="additional_reporting", names=split_names(contributed["names"]), text=inner)
        ]
    phrases = list(_ROLE_PHRASE.finditer(inner))
    if not phrases or phrases[0].start() != 0:
        return None
    credits: list[Credit] = []
    for phrase, following in zip(phrases, [*phrases[1:], None], strict=True):
        end = following.start() if following else len(inner)
        printed = inner[phrase.start() : end].strip().rstrip(";:,.|/").strip()
        names = split_names(inner[phrase.end() : end].rstrip(";:,.|/"))
        if not names:
            return None
        credits.append(Credit(role=_ROLE_WORDS[phrase["role"].lower()], names=names, text=printed))
    return credits


def parse_byline(line: str, agency: str | None = None) -> Credit | None:
    """A ``By NAME and NAME`` line as a byline credit; a trailing agency name is not a person."""
    found = _BYLINE.match(line.strip())
    if not found:
        return None
    names = split_names(re.split(r"\s*[|/]\s*", found["names"])[0])
    if agency and names and names[-1].casefold() == agency.casefold():
        names.pop()
    if not names or len(names) > _MAX_BYLINE_NAMES or any(not name[0].isupper() for name in names):
        return None
    return Credit(role="byline", names=names, text=line.strip())
