"""Exports: GDELT 2.0 rows, CSV, PLOVER records, JSON Lines and Parquet."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

import tidings
from tidings.errors import BadInputError
from tidings.export import GDELT_COLUMNS, export_events, gdelt_row, plover_record
from tidings.ontology import load_ontology
from tidings.store.queries import StoredEvent


def _events(db: str, **filters: object) -> list[StoredEvent]:
    with tidings.open(db) as store:
        return store.events(limit=None, **filters)


def _strike(db: str) -> StoredEvent:
    (event,) = _events(db, type="ASSAULT")
    return event


def test_gdelt_layout_has_61_documented_columns() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[56] == "ActionGeo_Lat"


def test_gdelt_rows_are_61_tab_separated_fields(export_db: str) -> None:
    events = _events(export_db)
    out = io.StringIO()
    assert export_events(events, "gdelt", out) == len(events) >= 2
    lines = out.getvalue().splitlines()
    assert len(lines) == len(events)
    for line in lines:
        assert len(line.split("\t")) == 61
    assert not lines[0].startswith("GLOBALEVENTID")


def test_known_event_codes_goldstein_quad_class_and_geography(export_db: str) -> None:
    event = _strike(export_db)
    row = gdelt_row(event)
    code = load_ontology().cameo(event.cameo)
    assert row["EventCode"] == event.cameo and str(row["EventCode"]).startswith("19")
    assert row["EventBaseCode"] == code.base and row["EventRootCode"] == "19"
    assert row["QuadClass"] == 4 == code.quad_class
    assert row["GoldsteinScale"] == code.goldstein < 0
    assert row["Actor1Code"] == "ISR" and row["Actor1CountryCode"] == "ISR"
    assert row["SQLDATE"] == 20250901  # "Monday" before the 2025-09-03 publication
    assert row["MonthYear"] == 202509 and row["Year"] == 2025
    assert row["ActionGeo_FullName"] == "Gaza" and row["ActionGeo_CountryCode"] == "PSE"
    assert isinstance(row["ActionGeo_Lat"], float) and isinstance(row["ActionGeo_Long"], float)
    assert row["DATEADDED"] == 20250903000000
    assert row["SOURCEURL"] == "https://news.example.org/gaza"


def test_actor_and_recipient_codes(export_db: str) -> None:
    (meeting,) = _events(export_db, type="CONSULT")
    row = gdelt_row(meeting)
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert row["Actor2Code"] == "CHNGOV" and row["QuadClass"] == 1


def test_user_dictionary_code_leaves_cameo_attributes_empty(export_db: str) -> None:
    row = gdelt_row(replace(_strike(export_db), cameo="9999"))
    assert row["EventCode"] == "9999"
    assert [row[c] for c in ("EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")] == [
        None
    ] * 4


def test_unresolved_time_falls_back_to_publication_date(export_db: str) -> None:
    event = replace(_strike(export_db), date_from=None, date_to=None)
    assert gdelt_row(event)["SQLDATE"] == 20250903


def test_csv_has_header_and_gdelt_columns(export_db: str) -> None:
    out = io.StringIO()
    export_events(_events(export_db), "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert all(len(r) == 61 for r in rows[1:]) and len(rows) >= 3


def test_plover_records(export_db: str) -> None:
    record = plover_record(_strike(export_db))
    assert record["event_type"] == "ASSAULT" and record["status"] == "occurred"
    assert record["actor"][0]["code"] == "ISR" and record["event_date"] == "2025-09-01"
    assert record["location"]["name"] == "Gaza"
    assert record["source"]["url"] == "https://news.example.org/gaza"
    out = io.StringIO()
    export_events(_events(export_db), "plover", out)
    lines = out.getvalue().splitlines()
    assert all(json.loads(line)["schema"] == "tidings.plover/1" for line in lines)


def test_jsonl_is_the_mention_record(export_db: str) -> None:
    out = io.StringIO()
    events = _events(export_db)
    export_events(events, "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["schema"] for r in records] == ["tidings.mention/1"] * len(events)
    assert records == [e.to_dict() for e in events]


def test_parquet_round_trip(export_db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    events = _events(export_db)
    path = tmp_path / "events.parquet"
    assert export_events(events, "parquet", path) == len(events)
    table = pq.read_table(path)
    assert tuple(table.column_names) == GDELT_COLUMNS
    assert table.to_pylist() == [gdelt_row(e) for e in events]


def test_bad_format_and_parquet_to_a_stream() -> None:
    with pytest.raises(BadInputError, match="unknown export format"):
        export_events([], "xml", io.StringIO())
    with pytest.raises(BadInputError, match="--out"):
        export_events([], "parquet", io.StringIO())
