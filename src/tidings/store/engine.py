"""Database engines: SQLite (one file, WAL) by default, PostgreSQL by URL.

SQLite's Python driver opens transactions lazily and not before DDL, so we
take over: the driver runs in autocommit mode and every SQLAlchemy transaction
starts with an explicit ``BEGIN`` (``BEGIN IMMEDIATE`` for writes, which takes
the write lock up front instead of failing when a reader upgrades). This is the
recipe from SQLAlchemy's SQLite dialect documentation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from tidings.errors import StoreError

__all__ = ["WRITE", "make_engine", "normalise_url"]

# Execution options for a write transaction (honoured on SQLite, harmless elsewhere).
WRITE = {"tidings_begin": "IMMEDIATE"}

_BUSY_TIMEOUT_MS = 30_000


def normalise_url(target: str | os.PathLike[str]) -> sa.URL:
    """A SQLAlchemy URL for a path, ``:memory:``, ``sqlite:///...`` or ``postgresql://...``.

    ``postgresql://`` uses psycopg 3 (SQLAlchemy's default would be psycopg2).
    """
    text = os.fspath(target)
    if text == ":memory:":
        return sa.make_url("sqlite://")
    if "://" not in text:
        return sa.make_url(f"sqlite:///{Path(text).expanduser().resolve()}")
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError as err:
        raise StoreError(f"{text!r} is not a database URL or path: {err}") from err
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}; use a SQLite path or a "
            "postgresql:// URL"
        )
    return url


def make_engine(target: str | os.PathLike[str]) -> Engine:
    """An engine for ``target`` (see :func:`normalise_url`).

    Raises:
        StoreError: the URL is unusable or its driver is not installed.
    """
    url = normalise_url(target)
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return sa.create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as err:
        raise StoreError(
            f"the database driver for {url.drivername} is not installed ({err.name}); "
            "install it with `pip install 'tidings[postgres]'`"
        ) from err


def _sqlite_engine(url: sa.URL) -> Engine:
    memory = url.database in (None, "", ":memory:")
    if not memory:
        folder = Path(str(url.database)).parent
        if not folder.is_dir():
            raise StoreError(f"cannot create the database {url.database}: no folder {folder}")
    extra: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
    engine = sa.create_engine(
        url, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}, **extra
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL is durable across a killed process (only power loss can
            # drop the last commits) and much faster than FULL.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("tidings_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine
