"""Times: temporal expressions normalized against the publication date."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ._base import Extracted, Span

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

DatePrecision = Literal[1, 2, 3, 4, 5]
"""UCDP GED ``date_prec``: 1 exact day, 2 within 2-6 days, 3 within a week, 4 within a month,
5 more than a month."""


class TimeExpression(Extracted):
    """A TIMEX3 expression: its span, normalized value, interval and precision."""

    span: Span
    type: TimexType
    value: str = Field(
        description="TIMEX3 value, e.g. 2023-04-05, 2023-03, 2023-SP, P3D, PAST_REF."
    )
    mod: str | None = Field(default=None, description="TIMEX3 mod, e.g. START, END, APPROX.")
    start: dt.date | None = Field(default=None, description="First day the expression can denote.")
    end: dt.date | None = Field(default=None, description="Last day the expression can denote.")
    precision: DatePrecision | None = None
    anchored: bool = Field(
        default=False, description="True when the value was computed from the publication date."
    )
