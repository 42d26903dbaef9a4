"""Schema migrations (Alembic), run programmatically when a store is opened."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

MIGRATIONS = str(files("wirecoder.store").joinpath("migrations"))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations, bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection) -> None:
    """Bring the schema on ``connection`` to the newest revision."""
    command.upgrade(alembic_config(connection), "head")
