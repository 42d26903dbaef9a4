"""The article: the text that is analysed and what is known about it before analysis."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from typing import Any, Literal

from pydantic import Field, computed_field, model_validator

from ._base import Model

CreditRole = Literal["byline", "reporting", "additional_reporting", "writing", "editing", "other"]


class Credit(Model):
    """One role of a wire credit line or byline, e.g. ``Writing by A and B``."""

    role: CreditRole
    names: list[str]
    text: str = Field(description="The credit as printed, e.g. 'Writing by the Asia desk'.")


class Dateline(Model):
    """A wire dateline such as ``KYIV, April 7 (Reuters) -``: where and when the story was filed."""

    text: str = Field(description="The dateline as printed, without the trailing dash.")
    place: str | None = Field(
        default=None,
        description="Where the story was filed, as printed ('KYIV, Ukraine'); an event's place "
        "only when the text says the event happened there.",
    )
    date_text: str | None = Field(default=None, description="The date as printed: 'Oct 3'.")
    date: dt.date | None = Field(
        default=None,
        description="The date of the dateline; without a printed year, the latest such date "
        "not after the publication date.",
    )
    agency: str | None = None


def content_hash(text: str) -> str:
    """SHA-256 of the NFC-normalized text with whitespace folded: one hash per story wording."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Article(Model):
    """A news report as read: the body that every span points into, plus metadata.

    The dateline and credit line are parsed into metadata and removed from ``text``, so spans
    never land in them.
    """

    text: str = Field(description="The analysed body; every span in an analysis points into it.")
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = Field(default=None, description="Publication date (the DCT).")
    published_at: dt.datetime | None = Field(
        default=None, description="Publication time, where the source gives one."
    )
    dateline: Dateline | None = None
    credits: list[Credit] = Field(default_factory=list)
    language: str = "en"
    url: str | None = None
    source: str | None = Field(
        default=None, description="Where the article was read from: a path, a feed entry, a line."
    )

    @model_validator(mode="before")
    @classmethod
    def _check_content_hash(cls, data: Any) -> Any:
        """An article read back from wirecoder's own JSON carries its hash: it must be the hash
        of its text (an edited text with a stale hash would pass for another story)."""
        if isinstance(data, dict) and "content_hash" in data:
            data = dict(data)
            given = data.pop("content_hash")
            if given != content_hash(str(data.get("text", ""))):
                raise ValueError("content_hash is not the hash of the article's text")
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def content_hash(self) -> str:
        """Hash of the body text, the identity used to keep re-ingestion idempotent."""
        return content_hash(self.text)

    @property
    def byline(self) -> list[str]:
        """Names credited for the story, in credit-line order."""
        return [name for credit in self.credits for name in credit.names]
