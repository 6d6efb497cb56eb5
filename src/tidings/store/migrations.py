"""Versioned schema migrations: a small typed registry.

Each migration is a function of a connection, registered in order with
``@MIGRATIONS.register("name")``; its version is its position. ``apply`` runs
the pending ones, each in its own write transaction together with the row that
records it, so a failed migration leaves the previous version intact. Two
processes opening a new database at once are serialised (SQLite's write lock,
a PostgreSQL advisory lock) and the second finds nothing left to do.

Adding a migration: append a function below and change ``tables.py`` to match.
Migration 1 builds the tables from ``tables.py`` itself, so a later migration
that alters a table must first copy that table's version-1 definition in here
(``tests/store/test_migrations.py`` fails until migrated and declared schemas agree).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from tidings.errors import StoreError
from tidings.store import tables
from tidings.store.engine import WRITE

__all__ = ["MIGRATIONS", "Migration", "Migrations"]

_ADVISORY_LOCK = 0x7469_6469  # "tidi": any constant unique to tidings

_history = sa.Table(
    "tidings_migrations",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change."""

    version: int
    name: str
    apply: Callable[[Connection], None]


class Migrations:
    """An ordered registry of migrations."""

    def __init__(self) -> None:
        self._steps: list[Migration] = []

    @property
    def steps(self) -> tuple[Migration, ...]:
        return tuple(self._steps)

    @property
    def latest(self) -> int:
        return len(self._steps)

    def register(
        self, name: str
    ) -> Callable[[Callable[[Connection], None]], Callable[[Connection], None]]:
        """Decorator: add a migration as the next version."""

        def add(function: Callable[[Connection], None]) -> Callable[[Connection], None]:
            if any(step.name == name for step in self._steps):
                raise ValueError(f"migration {name!r} is registered twice")
            self._steps.append(Migration(len(self._steps) + 1, name, function))
            return function

        return add

    def applied(self, engine: Engine) -> list[int]:
        """Versions already applied to the database."""
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(_history.name):
                return []
            rows = connection.execute(sa.select(_history.c.version).order_by(_history.c.version))
            return [row.version for row in rows]

    def apply(self, engine: Engine) -> list[Migration]:
        """Apply pending migrations; return those this call applied.

        Raises:
            StoreError: the database is newer than this tidings, or a migration failed.
        """
        with engine.begin() as connection:
            _history.create(connection, checkfirst=True)
        done: list[Migration] = []
        for step in self._steps:
            with engine.connect().execution_options(**WRITE) as connection, connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_ADVISORY_LOCK)))
                versions = set(connection.execute(sa.select(_history.c.version)).scalars())
                if versions and max(versions) > self.latest:
                    raise StoreError(
                        f"the database is at schema version {max(versions)}, newer than this "
                        f"tidings ({self.latest}); upgrade tidings"
                    )
                if step.version in versions:
                    continue
                try:
                    step.apply(connection)
                except sa.exc.SQLAlchemyError as err:
                    raise StoreError(
                        f"schema migration {step.version} ({step.name}) failed: {err}"
                    ) from err
                connection.execute(
                    _history.insert().values(
                        version=step.version, name=step.name, applied_at=_now()
                    )
                )
                done.append(step)
        return done


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


MIGRATIONS = Migrations()


@MIGRATIONS.register("initial")
def _initial(connection: Connection) -> None:
    version_1 = [tables.articles, tables.mentions, tables.mention_actors]
    version_1 += [tables.article_bands, tables.sources]
    tables.metadata.create_all(connection, tables=version_1)
    if connection.dialect.name == "sqlite":
        _sqlite_fts(connection)
    else:
        connection.exec_driver_sql(
            "CREATE INDEX articles_fts ON articles USING GIN "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


def _sqlite_fts(connection: Connection) -> None:
    # An external-content FTS5 index: the text lives once, in articles; triggers
    # keep the index in step inside the same transaction as the row.
    for statement in (
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END",
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    ):
        connection.exec_driver_sql(statement)


@MIGRATIONS.register("linked events")
def _events(connection: Connection) -> None:
    linked = [tables.events, tables.event_mentions, tables.event_timeline]
    tables.metadata.create_all(connection, tables=linked)
