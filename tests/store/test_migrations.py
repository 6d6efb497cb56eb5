"""Schema migrations: applied once, recorded, and in step with the declared tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

import tidings
from tidings.errors import StoreError
from tidings.store.engine import make_engine, normalise_url
from tidings.store.migrations import MIGRATIONS, Migrations
from tidings.store.tables import metadata


def test_new_store_is_migrated_once(db_url: str) -> None:
    with tidings.open(db_url) as store:
        assert MIGRATIONS.applied(store.engine) == list(range(1, MIGRATIONS.latest + 1))
        assert MIGRATIONS.apply(store.engine) == []
    with tidings.open(db_url) as again:
        assert again.counts() == {"articles": 0, "events": 0, "failed": 0}


def test_migrated_schema_matches_declared_tables(db_url: str) -> None:
    with tidings.open(db_url) as store:
        inspector = sa.inspect(store.engine)
        for table in metadata.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == set(table.c.keys()), table.name


def test_sqlite_store_is_one_wal_file_with_fts(tmp_path: Path) -> None:
    path = tmp_path / "one.db"
    with tidings.open(path) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'"
        ).scalar()
    assert path.is_file()


def test_database_newer_than_tidings_is_refused(db_url: str) -> None:
    tidings.open(db_url).close()
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("INSERT INTO tidings_migrations VALUES (99, 'future', CURRENT_TIMESTAMP)")
        )
    engine.dispose()
    with pytest.raises(StoreError, match="newer"):
        tidings.open(db_url)


def test_failed_migration_keeps_the_previous_version(tmp_path: Path) -> None:
    registry = Migrations()

    @registry.register("create")
    def create(connection: sa.Connection) -> None:
        connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")

    @registry.register("broken")
    def broken(connection: sa.Connection) -> None:
        connection.exec_driver_sql("CREATE TABLE u (y INTEGER)")
        connection.exec_driver_sql("THIS IS NOT SQL")

    engine = make_engine(tmp_path / "m.db")
    with pytest.raises(StoreError, match="broken"):
        registry.apply(engine)
    assert registry.applied(engine) == [1]
    assert not sa.inspect(engine).has_table("u")  # rolled back with its migration
    engine.dispose()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("mysql://u@h/db", "unsupported database"),
        ("/no/such/folder/tidings.db", "no folder"),
    ],
)
def test_unusable_targets(target: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        tidings.open(target)


def test_urls_are_normalised(tmp_path: Path) -> None:
    assert normalise_url("postgresql://u:p@localhost/db").drivername == "postgresql+psycopg"
    assert normalise_url(tmp_path / "x.db").database == str((tmp_path / "x.db").resolve())
    assert normalise_url(":memory:").database is None
