"""Options shared by the commands of the CLI, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

PublisherOption = Annotated[
    str | None, typer.Option(help="Publisher, where the input does not say.")
]
ModelOption = Annotated[str | None, typer.Option(help="Another installed spaCy pipeline by name.")]
ConfigOption = Annotated[
    Path | None, typer.Option(help="A pipeline config TOML (see default.toml).")
]
MaxBytesOption = Annotated[int, typer.Option(min=1, help="Refuse inputs larger than this.")]
DEFAULT_MAX_BYTES = 5_000_000
MAX_WORKERS = 256
