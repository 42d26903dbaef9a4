"""Bytes on disk into text, refusing what is not text with one clear reason."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from .._errors import InputError

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's mess ratio above which a guessed encoding is not trusted.
_MAX_CHAOS = 0.1
_REPLACEMENT = "\ufffd"

LOG = logging.getLogger("wirecoder.ingest")
"""Where the readers say what they read but not as it should be (a stray byte, a broken feed):
the input is still read, and the warning names it and what is wrong."""


def warn(source: str, reason: str) -> None:
    """Log that ``source`` was read despite ``reason``."""
    LOG.warning("%s: %s", source, reason)


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes; InputError if it cannot be read, is empty or is over ``max_bytes``."""
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except PermissionError:
        raise InputError(source, "cannot read the file: permission denied") from None
    except OSError as error:
        raise InputError(source, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(source, f"file is larger than the limit of {max_bytes:,} bytes")
    if not data:
        raise InputError(source, "empty file")
    return data


def decode(data: bytes, source: str) -> str:
    """Text from bytes: a byte-order mark, else UTF-8, else a confidently detected encoding.

    Text that is UTF-8 but for a few stray bytes (a truncated character, one byte of another
    encoding pasted in) stays UTF-8, with each bad sequence replaced by U+FFFD and a warning:
    decoding it all in a guessed single-byte encoding would garble every other accent and quote.
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    source, f"starts with a {encoding} byte-order mark but is not {encoding} text"
                ) from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if (text := _mostly_utf8(data, source, first_bad)) is not None:
        return text
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or guess.chaos > _MAX_CHAOS:
        raise InputError(
            source, "not UTF-8 text, and no other text encoding fits it with confidence"
        )
    warn(source, f"not UTF-8; decoded as {guess.encoding} (detected, not declared)")
    return str(guess)


def _mostly_utf8(data: bytes, source: str, first_bad: int) -> str | None:
    """The text as UTF-8 with replacement characters when its valid multi-byte characters are
    at least as many as its invalid sequences: text in a single-byte encoding (cp1252, Latin-1)
    almost never holds a valid UTF-8 sequence, so valid ones say the file is UTF-8."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    ascii_chars = len(text.encode("ascii", errors="ignore"))
    valid = len(text) - ascii_chars - invalid
    if valid < max(1, invalid):
        return None
    warn(
        source,
        f"{invalid} invalid UTF-8 byte sequence{'s' if invalid != 1 else ''} (the first at byte "
        f"{first_bad:,}) replaced with U+FFFD; the rest is valid UTF-8",
    )
    return text


def read_text(path: Path, source: str, max_bytes: int) -> str:
    """The file as text with something in it besides whitespace."""
    text = decode(read_bytes(path, source, max_bytes), source)
    if not text.strip():
        raise InputError(source, "file holds only whitespace")
    return text
