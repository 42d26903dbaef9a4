"""Corpus commands (ingest, sitrep, events, claims) added to the main CLI."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
