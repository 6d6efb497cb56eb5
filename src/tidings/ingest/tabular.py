"""Article dumps with one article per row: JSON Lines (or a JSON array) and CSV/TSV.

Which key or column holds which field is configurable (``[fields]`` in the
config). A row needs ``text`` (the article), ``html`` (a page to extract) or
``url`` (a page to fetch); a row that has none of them, or cannot be parsed, is a
failure of that row alone.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from tidings.config import FieldNames
from tidings.ingest.dates import loose_date
from tidings.ingest.html import outlet_of
from tidings.ingest.records import DocKind, Document, Failure

__all__ = ["read_csv", "read_jsonl"]


def read_jsonl(text: str, origin: str, fields: FieldNames) -> Iterator[Document | Failure]:
    """Rows of a JSON Lines file, or of a JSON array of objects."""
    if text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as err:
            yield _failure(origin, "bad-row", f"not valid JSON: {err}", text)
            return
        for number, row in enumerate(rows if isinstance(rows, list) else [rows], 1):
            yield _row(row, f"{origin}:{number}", fields)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield _failure(where, "bad-row", f"line {number} is not valid JSON: {err}", line)
            continue
        yield _row(row, where, fields)


def read_csv(
    text: str, origin: str, fields: FieldNames, *, delimiter: str = ","
) -> Iterator[Document | Failure]:
    """Rows of a CSV (or, with ``delimiter="\\t"``, TSV) file with a header line."""
    csv.field_size_limit(1 << 30)  # article texts exceed the 128 KiB default
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, 2):
            yield _row(row, f"{origin}:{number}", fields)
    except csv.Error as err:
        yield _failure(origin, "bad-row", f"CSV error near line {reader.line_num}: {err}", text)


def _row(row: Any, origin: str, fields: FieldNames) -> Document | Failure:
    if not isinstance(row, Mapping):
        return _failure(origin, "bad-row", "row is not an object", repr(row))
    text, html, url = (_str(row.get(k)) for k in (fields.text, fields.html, fields.url))
    base = Document(
        origin=origin,
        kind=DocKind.URL,
        url=url,
        title=_str(row.get(fields.title)),
        published=loose_date(row.get(fields.published)),
        outlet=_str(row.get(fields.outlet)) or outlet_of(url),
        author=_str(row.get(fields.author)),
    )
    if text:
        return replace(base, kind=DocKind.TEXT, payload=text)
    if html:
        return replace(base, kind=DocKind.HTML, payload=html)
    if url:
        return base
    wanted = ", ".join(repr(k) for k in (fields.text, fields.html, fields.url))
    return _failure(
        origin,
        "bad-row",
        f"row has none of the fields {wanted} (keys: {sorted(map(str, row))[:8]}); "
        "name the right ones in the [fields] config section",
        json.dumps(row, sort_keys=True, default=str),
    )


def _str(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _failure(origin: str, reason: str, message: str, content: str) -> Failure:
    digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
    return Failure(key=f"row:{origin}:{digest[:16]}", origin=origin, reason=reason, message=message)
