"""Read the ontology's package data into typed records.

The data files live in ``tidings/ontology/data/`` and are read with
:mod:`importlib.resources`, so they are found wherever the package is
installed, whatever the working directory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import NotRequired, TypedDict, cast

from tidings.errors import TidingsError
from tidings.model import EventType
from tidings.ontology.records import CameoCode, Context, Mode, PloverType

__all__ = ["LegacyTable", "PloverData", "read_cameo", "read_intents", "read_plover"]

_CAMEO_COLUMNS = ("code", "name", "plover", "mode", "context", "goldstein", "quad_class")


class _NamedJson(TypedDict):
    name: str
    description: str
    score: NotRequired[float | None]
    cameo: NotRequired[str | None]


class _TypeJson(TypedDict):
    name: str
    description: str
    quad_category: str
    requires_recipient: bool
    score: float
    default_cameo: str
    modes: list[_NamedJson]


class _LegacyTypeJson(TypedDict):
    type: str
    mode: str | None


class _LegacyJson(TypedDict):
    version: str
    types: dict[str, _LegacyTypeJson]
    modes: dict[str, dict[str, str]]


class _PloverJson(TypedDict):
    types: list[_TypeJson]
    contexts: list[_NamedJson]
    auxiliary_modes: list[_NamedJson]
    legacy: _LegacyJson


@dataclass(frozen=True, slots=True)
class LegacyTable:
    """How names of an older PLOVER version map to the current ontology.

    Attributes:
        version: The older version, e.g. ``0.5b1``.
        types: Old type name -> (current type, mode implied by the old name).
        modes: Current type -> {old mode name -> current mode name}.
    """

    version: str
    types: Mapping[str, tuple[EventType, str | None]]
    modes: Mapping[EventType, Mapping[str, str]]


@dataclass(frozen=True, slots=True)
class PloverData:
    """Everything ``plover.json`` holds, as records."""

    types: tuple[PloverType, ...]
    contexts: tuple[Context, ...]
    auxiliary_modes: tuple[Mode, ...]
    legacy: LegacyTable


def _data_text(name: str) -> str:
    return resources.files("tidings.ontology").joinpath("data", name).read_text(encoding="utf-8")


def _mode(raw: _NamedJson) -> Mode:
    return Mode(raw["name"], raw["description"], raw.get("score"), raw.get("cameo"))


def _plover_type(raw: _TypeJson) -> PloverType:
    return PloverType(
        event_type=EventType(raw["name"]),
        description=raw["description"],
        modes=tuple(_mode(m) for m in raw["modes"]),
        requires_recipient=raw["requires_recipient"],
        quad_category=raw["quad_category"],
        score=float(raw["score"]),
        default_cameo=raw["default_cameo"],
    )


def _legacy(raw: _LegacyJson) -> LegacyTable:
    types = {old: (EventType(new["type"]), new["mode"]) for old, new in raw["types"].items()}
    modes = {EventType(t): MappingProxyType(table) for t, table in raw["modes"].items()}
    return LegacyTable(raw["version"], MappingProxyType(types), MappingProxyType(modes))


def read_plover() -> PloverData:
    """Read ``plover.json``: event types, contexts, auxiliary modes, legacy names."""
    raw = cast(_PloverJson, json.loads(_data_text("plover.json")))
    return PloverData(
        types=tuple(_plover_type(t) for t in raw["types"]),
        contexts=tuple(Context(c["name"], c["description"]) for c in raw["contexts"]),
        auxiliary_modes=tuple(_mode(m) for m in raw["auxiliary_modes"]),
        legacy=_legacy(raw["legacy"]),
    )


def _tsv_rows(name: str, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """Yield the rows of a data TSV as dicts, skipping ``#`` comments and the header."""
    lines = (ln for ln in _data_text(name).splitlines() if ln and not ln.startswith("#"))
    header = tuple(next(lines).split("\t"))
    if header != columns:
        raise TidingsError(f"package data {name} has columns {header}, expected {columns}")
    for line in lines:
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise TidingsError(f"package data {name}: malformed row {line!r}")
        yield dict(zip(columns, cells, strict=True))


def _cameo_code(row: dict[str, str]) -> CameoCode:
    return CameoCode(
        code=row["code"],
        name=row["name"],
        plover=EventType(row["plover"]),
        mode=row["mode"] or None,
        context=row["context"] or None,
        goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]),
    )


def read_cameo() -> tuple[CameoCode, ...]:
    """Read ``cameo.tsv``: every CAMEO code of roots 03-20, in code order."""
    return tuple(_cameo_code(row) for row in _tsv_rows("cameo.tsv", _CAMEO_COLUMNS))


def read_intents() -> dict[str, str]:
    """Read ``intent.tsv``: action code -> CAMEO "express intent" code."""
    return {row["action"]: row["intent"] for row in _tsv_rows("intent.tsv", ("action", "intent"))}
