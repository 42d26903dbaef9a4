"""A throwaway PostgreSQL server for tests and benchmarks (initdb into a temp dir as the
``postgres`` user, loopback only, removed at the end), and the database fixtures the store,
corpus and report tests share: import ``store_url`` (and ``postgres_server``) from here."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server binaries, or None."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parents[1].name),
    )
    return found[-1].parent if found else None


def unavailable_reason() -> str | None:
    """Why a server cannot be started here, or None when it can: only missing binaries."""
    if postgres_bin() is None:
        return "no PostgreSQL server binaries under /usr/lib/postgresql"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_account() -> pwd.struct_passwd:
    """The account the server runs as: PostgreSQL refuses root, so root hands it to
    ``postgres`` (created by the Debian package) or, failing that, ``nobody``."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root with neither a 'postgres' nor a 'nobody' account")


def _run_as(account: pwd.struct_passwd, args: list[str], log: Path | None = None) -> None:
    """Run a server binary as ``account``; on failure, raise with its output (and log)."""
    as_other = os.geteuid() != account.pw_uid
    result = subprocess.run(
        args,
        check=False,
        capture_output=True,
        text=True,
        user=account.pw_uid if as_other else None,
        group=account.pw_gid if as_other else None,
        extra_groups=[] if as_other else None,
    )
    if result.returncode != 0:
        details = result.stdout + result.stderr
        if log is not None and log.exists():
            details += log.read_text(errors="replace")
        raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}):\n{details}")


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """Start a server and yield its URL (database ``postgres``); stop and delete it afterwards."""
    binaries = postgres_bin()
    assert binaries is not None, unavailable_reason()
    account = _server_account()
    # Under /tmp, not $TMPDIR: the server account must be able to reach its data directory.
    root = Path(tempfile.mkdtemp(prefix="wirecoder-pg-", dir="/tmp"))
    os.chown(root, account.pw_uid, account.pw_gid)
    data, log, port = root / "data", root / "log", _free_port()
    try:
        _run_as(
            account,
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                # The C locale exists everywhere; a fresh machine's LANG may name one never
                # generated.
                "--locale=C",
            ],
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        pg_ctl = str(binaries / "pg_ctl")
        _run_as(
            account, [pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"], log
        )
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run_as(account, [pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One PostgreSQL server for the whole test session, skipped when none can be started."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with temporary_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a fresh, empty database: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wirecoder.db'}"
    server: str = request.getfixturevalue("postgres_server")
    name = f"t{uuid.uuid4().hex[:12]}"
    engine = create_engine(
        server.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server.rsplit("/", 1)[0] + f"/{name}"
