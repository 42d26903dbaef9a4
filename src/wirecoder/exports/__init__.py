"""Event exports in the formats conflict researchers load: PLOVER JSONL, ACLED- and UCDP-GED-style
CSV, and GeoJSON, with the PLOVER -> ACLED crosswalk they type events by; and the registry of every
format an analysis is written in (``ANALYSIS_FORMATS``: JSON, JSONL, Markdown and these).

Events that did not happen (negated, future, hypothetical) are PLOVER records but never ACLED or
UCDP rows, nor are events an article only recalls (historical) or promises (AGREE to withdraw,
release ...).
"""

from .._formats import FormatRegistry, OutputFormat
from .._output import ANALYSIS_FORMATS, AnalysisRenderer
from ._crosswalk import AcledType, acled_type, neighbours

# The exports register their formats on import: they are offered in the order imported here.
# isort: off
from ._plover import to_plover_jsonl
from ._acled import ACLED_COLUMNS, to_acled_csv
from ._ucdp import UCDP_COLUMNS, to_ucdp_csv
from ._geojson import to_geojson

# isort: on

__all__ = [
    "ACLED_COLUMNS",
    "ANALYSIS_FORMATS",
    "UCDP_COLUMNS",
    "AcledType",
    "AnalysisRenderer",
    "FormatRegistry",
    "OutputFormat",
    "acled_type",
    "neighbours",
    "to_acled_csv",
    "to_geojson",
    "to_plover_jsonl",
    "to_ucdp_csv",
]
