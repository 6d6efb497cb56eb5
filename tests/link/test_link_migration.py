"""Migration 2 adds the linked-event tables to a store made before linking existed."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

import tidings
from tidings.store.engine import make_engine
from tidings.store.migrations import MIGRATIONS, Migrations


def test_a_version_1_store_gains_the_event_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(str(path))
    old = Migrations()
    old.register("initial")(MIGRATIONS.steps[0].apply)
    old.apply(engine)
    assert not sa.inspect(engine).has_table("events")
    engine.dispose()
    with tidings.open(path) as store:
        names = set(sa.inspect(store.engine).get_table_names())
        assert {"events", "event_mentions", "event_timeline"} <= names
        assert MIGRATIONS.applied(store.engine) == [1, 2]
        assert store.relink() == 0 and store.linked_events() == []
