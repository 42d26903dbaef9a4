"""The two estimative-language yardsticks and the phrases that belong to each term.

UK Professional Head of Intelligence Assessment (PHIA) probability yardstick (2018 revision)
and US Intelligence Community Directive 203 (2015), Analytic Standards, section D.6.e.(2).
Ranges are probabilities; each term lists the wordings that mean it on that yardstick.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One term of a yardstick: its label, probability range and the phrases that express it."""

    scale: str
    label: str
    low: float
    high: float
    phrases: tuple[str, ...]


PHIA = (
    Term("PHIA", "remote chance", 0.0, 0.05, ("remote chance", "remote possibility")),
    Term(
        "PHIA",
        "highly unlikely",
        0.10,
        0.20,
        ("highly unlikely", "very unlikely", "highly improbable"),
    ),
    Term("PHIA", "unlikely", 0.25, 0.35, ("unlikely", "improbable", "improbably", "not likely")),
    Term(
        "PHIA", "realistic possibility", 0.40, 0.50, ("realistic possibility", "realistic prospect")
    ),
    Term(
        "PHIA",
        "likely or probable",
        0.55,
        0.75,
        ("likely", "probably", "probable", "more likely than not"),
    ),
    Term(
        "PHIA",
        "highly likely",
        0.80,
        0.90,
        ("highly likely", "very likely", "highly probable", "very probably"),
    ),
    Term(
        "PHIA",
        "almost certain",
        0.95,
        1.0,
        ("almost certain", "almost certainly", "nearly certain", "all but certain"),
    ),
)
"""PHIA: remote chance <=5%, highly unlikely 10-20, unlikely 25-35, realistic possibility 40-50,
likely/probably 55-75, highly likely 80-90, almost certain >=95."""

ICD203 = (
    Term(
        "ICD203",
        "almost no chance",
        0.01,
        0.05,
        ("almost no chance", "remote chance", "remote possibility"),
    ),
    Term(
        "ICD203",
        "very unlikely",
        0.05,
        0.20,
        ("very unlikely", "highly unlikely", "highly improbable"),
    ),
    Term("ICD203", "unlikely", 0.20, 0.45, ("unlikely", "improbable", "improbably", "not likely")),
    Term(
        "ICD203",
        "roughly even chance",
        0.45,
        0.55,
        ("roughly even chance", "roughly even odds", "even chance"),
    ),
    Term("ICD203", "likely", 0.55, 0.80, ("likely", "probably", "probable")),
    Term(
        "ICD203",
        "very likely",
        0.80,
        0.95,
        ("very likely", "highly likely", "highly probable", "very probably"),
    ),
    Term(
        "ICD203",
        "almost certain",
        0.95,
        0.99,
        ("almost certain", "almost certainly", "nearly certain"),
    ),
)
"""ICD 203: almost no chance 1-5%, very unlikely 5-20, unlikely 20-45, roughly even chance 45-55,
likely 55-80, very likely 80-95, almost certain 95-99."""

YARDSTICKS = {"PHIA": PHIA, "ICD203": ICD203}

OWN_WORDS = {
    "PHIA": frozenset(
        {
            "realistic possibility",
            "realistic prospect",
            "highly likely",
            "remote chance",
            "more likely than not",
            "all but certain",
        }
    ),
    "ICD203": frozenset(
        {
            "very likely",
            "very unlikely",
            "roughly even chance",
            "roughly even odds",
            "even chance",
            "almost no chance",
        }
    ),
}
"""Phrases that are the label of a term on one yardstick only: they say which yardstick is meant."""
