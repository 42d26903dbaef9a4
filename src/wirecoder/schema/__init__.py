"""The output contract: pydantic models, and the JSON Schema exported from them."""

from __future__ import annotations

import json
from typing import Any

from ._analysis import SCHEMA_VERSION, Analysis, Mention, PipelineInfo
from ._article import Article, Credit, CreditRole, Dateline, content_hash
from ._base import Extracted, Model, Span, StageRef
from ._claims import (
    DENYING_STANCES,
    SPECULATIVE_STANCES,
    Certainty,
    CertaintyScale,
    ChainLink,
    ChainRole,
    Claim,
    Source,
    SourceKind,
    Stance,
    VerbStrength,
)
from ._events import (
    DATE_SOURCES,
    INFERRED_DATE,
    INFERRED_PLACE,
    PLACE_SOURCES,
    SPECULATIVE_AUX,
    UNREAL_AUX,
    Actor,
    AuxMode,
    Count,
    DateSource,
    Event,
    Participant,
    PlaceSource,
    PloverType,
    Size,
)
from ._places import Place, PlaceRole, RelativeLocation, WherePrecision
from ._times import DatePrecision, TimeExpression, TimexType


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an Analysis, as checked in at ``schema/analysis.schema.json``."""
    schema = Analysis.model_json_schema(mode="serialization")
    schema["$id"] = f"https://wirecoder.invalid/schema/analysis/{SCHEMA_VERSION}"
    return schema


def json_schema_text() -> str:
    """The JSON Schema as the stable text written to the checked-in file."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = [
    "DATE_SOURCES",
    "INFERRED_DATE",
    "DENYING_STANCES",
    "SPECULATIVE_AUX",
    "SPECULATIVE_STANCES",
    "UNREAL_AUX",
    "SCHEMA_VERSION",
    "Actor",
    "Analysis",
    "Article",
    "AuxMode",
    "Certainty",
    "CertaintyScale",
    "ChainLink",
    "ChainRole",
    "Claim",
    "Count",
    "Credit",
    "CreditRole",
    "DatePrecision",
    "DateSource",
    "Dateline",
    "Event",
    "Extracted",
    "Mention",
    "Model",
    "Participant",
    "PipelineInfo",
    "Place",
    "PlaceRole",
    "INFERRED_PLACE",
    "PLACE_SOURCES",
    "PlaceSource",
    "PloverType",
    "RelativeLocation",
    "Size",
    "Source",
    "SourceKind",
    "Span",
    "StageRef",
    "Stance",
    "TimeExpression",
    "TimexType",
    "VerbStrength",
    "WherePrecision",
    "content_hash",
    "json_schema",
    "json_schema_text",
]
