"""Stored events in the field's formats (issue #8).

* ``jsonl``: the ``tidings.mention/1`` records (as ``tidings events --mentions``).
* ``plover``: PLOVER/POLECAT-style JSON records, one per line (:mod:`.plover`).
* ``gdelt``: the GDELT 2.0 event table, tab-separated, no header (:mod:`.gdelt`).
* ``csv``: the same GDELT columns, comma-separated, with a header.
* ``parquet``: the same GDELT columns, typed (needs the ``parquet`` extra: pyarrow).

One row per stored event mention, or per merged event (:func:`merged_events`;
``jsonl`` then gives the ``tidings.event/1`` records with their timelines).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from typing import IO, Any

from tidings.errors import BadInputError
from tidings.export.gdelt import GDELT_COLUMNS, format_value, gdelt_row
from tidings.export.merged import MergedEvent, merged_events
from tidings.export.plover import plover_record
from tidings.store.queries import StoredEvent

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "MergedEvent",
    "arrow_field",
    "export_events",
    "gdelt_row",
    "merged_events",
    "plover_record",
]

Item = StoredEvent | MergedEvent

FORMATS = ("jsonl", "plover", "csv", "gdelt", "parquet")

_INT_COLUMNS = {
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
    "DATEADDED",
}
_FLOAT_COLUMNS = {
    "FractionDate",
    "GoldsteinScale",
    "AvgTone",
    *(f"{p}_{f}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in ("Lat", "Long")),
}


def export_events(events: Sequence[Item], fmt: str, out: IO[str] | str | os.PathLike[str]) -> int:
    """Write ``events`` in format ``fmt`` to a text stream or (parquet: only) a path.

    Returns:
        How many rows were written.

    Raises:
        BadInputError: an unknown format, parquet to a stream, or pyarrow missing.
    """
    if fmt not in FORMATS:
        raise BadInputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, str | os.PathLike):
            raise BadInputError("parquet needs a file: give --out FILE")
        write_parquet(events, out)
        return len(events)
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return export_events(events, fmt, handle)
    if fmt in ("jsonl", "plover"):
        for event in events:
            record = _record(event) if fmt == "jsonl" else _plover(event)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for event in events:
            writer.writerow([format_value(v) for v in _row(event).values()])
    else:  # gdelt: tab-separated, no header, no quoting (tabs and newlines in values become spaces)
        for event in events:
            values = (_flat(format_value(v)) for v in _row(event).values())
            out.write("\t".join(values) + "\n")
    return len(events)


def write_parquet(events: Sequence[Item], path: str | os.PathLike[str]) -> None:
    """Write the GDELT columns of ``events`` as a typed Parquet file."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BadInputError(
            "parquet export needs pyarrow: pip install 'tidings[parquet]'"
        ) from None
    rows = [_row(e) for e in events]
    fields = [arrow_field(pa, name) for name in GDELT_COLUMNS]
    columns = {name: [row[name] for row in rows] for name in GDELT_COLUMNS}
    table = pa.table(columns, schema=pa.schema(fields))
    pq.write_table(table, os.fspath(path))


def arrow_field(pa: Any, name: str) -> Any:
    """The typed Parquet column of a GDELT column (``pa``: the pyarrow module)."""
    if name in _INT_COLUMNS:
        return pa.field(name, pa.int64())
    if name in _FLOAT_COLUMNS:
        return pa.field(name, pa.float64())
    return pa.field(name, pa.string())


def _flat(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _row(item: Item) -> dict[str, Any]:
    if isinstance(item, MergedEvent):
        event = item.event
        return gdelt_row(
            item.representative,
            mentions=event.mentions,
            sources=event.sources,
            articles=item.articles,
        )
    return gdelt_row(item)


def _record(item: Item) -> dict[str, Any]:
    return item.event.to_dict() if isinstance(item, MergedEvent) else item.to_dict()


def _plover(item: Item) -> dict[str, Any]:
    if not isinstance(item, MergedEvent):
        return plover_record(item)
    event = item.event
    return {
        **plover_record(item.representative),
        "disputed": event.disputed,
        "mentions": event.mentions,
        "sources": event.sources,
        "outlets": list(event.outlets),
    }
