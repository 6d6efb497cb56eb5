"""Stored event mentions as rows of the GDELT 2.0 event table.

One mention becomes one row of the 61 documented columns, in GDELT's order, so
code written for GDELT's ``*.export.CSV`` files reads tidings output. Deviations:

* Country codes (``Actor1CountryCode``, ``*Geo_CountryCode``) are ISO-3166 alpha-3
  (``RUS``, ``PSE``), not the FIPS 10-4 two-letter codes GDELT writes in its geography
  columns: tidings codes every actor and place in ISO alpha-3 (as CAMEO actor codes
  do), and a FIPS table would be a lossy second mapping. ``Actor*CountryCode`` is
  alpha-3 in GDELT too.
* ``NumMentions``, ``NumSources`` and ``NumArticles`` are 1 for a mention; for a
  merged event (``--merged``) they are its mentions, independent sources and articles, and
  the other columns come from its first report, with the event's id, dates and status.
  ``AvgTone`` is empty (tidings measures no tone); actor geography is empty (only the
  event's place is known), ``ActionGeo_*`` is the event's place.
* For a code outside the CAMEO ontology (a user dictionary's), ``EventBaseCode``,
  ``EventRootCode``, ``QuadClass`` and ``GoldsteinScale`` are empty.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.errors import BadInputError
from tidings.ontology import load_ontology
from tidings.store.queries import StoredEvent

__all__ = ["ACTOR_FIELDS", "GDELT_COLUMNS", "GEO_FIELDS", "gdelt_row"]

ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

#: The GDELT 2.0 event table's columns, in order (61).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
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
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

# GDELT geography types: 1 country, 4 world city, 5 world state (ADM1).
_GEO_TYPES = {"country": 1, "city": 4, "region": 5}

Value = str | int | float | None


def event_day(event: StoredEvent) -> dt.date | None:
    """The event's day when its time resolved to one, else the publication date."""
    if event.date_from is not None and event.date_from == event.date_to:
        return event.date_from
    return event.published


def gdelt_row(
    event: StoredEvent, *, mentions: int = 1, sources: int = 1, articles: int = 1
) -> dict[str, Value]:
    """One mention as a GDELT 2.0 event row: column name to value (None: empty).

    ``mentions``, ``sources`` and ``articles`` fill ``NumMentions``, ``NumSources`` and
    ``NumArticles`` (a merged event's counts; 1 for a single mention).
    """
    mention = event.mention
    row: dict[str, Value] = dict.fromkeys(GDELT_COLUMNS)
    row["GLOBALEVENTID"] = event.id
    day = event_day(event)
    if day is not None:
        row["SQLDATE"] = int(day.strftime("%Y%m%d"))
        row["MonthYear"] = int(day.strftime("%Y%m"))
        row["Year"] = day.year
        row["FractionDate"] = round(day.year + (day.month * 30 + day.day) / 365, 4)
    actors = mention.get("actors") or []
    recipients = mention.get("recipients") or []
    _actor(row, "Actor1", actors[0] if actors else None)
    _actor(row, "Actor2", recipients[0] if recipients else None)
    evidence = [e for e in mention.get("evidence") or [] if e]
    row["IsRootEvent"] = 1 if evidence and evidence[0].get("start") == 0 else 0
    row["EventCode"] = event.cameo or None
    if event.cameo:
        try:
            code = load_ontology().cameo(event.cameo)
        except BadInputError:  # a user dictionary's code: no CAMEO attributes
            pass
        else:
            row["EventBaseCode"] = code.base
            row["EventRootCode"] = code.root
            row["QuadClass"] = code.quad_class
            row["GoldsteinScale"] = code.goldstein
    row["NumMentions"], row["NumSources"], row["NumArticles"] = mentions, sources, articles
    _geo(row, "ActionGeo", mention.get("place"))
    added = event.published or day
    row["DATEADDED"] = int(added.strftime("%Y%m%d000000")) if added else None
    row["SOURCEURL"] = event.url
    return row


def _actor(row: dict[str, Value], prefix: str, actor: dict[str, Any] | None) -> None:
    if not actor:
        return
    row[f"{prefix}Code"] = actor.get("code") or actor.get("igo")
    row[f"{prefix}Name"] = (actor.get("name") or actor.get("text") or "").upper() or None
    row[f"{prefix}CountryCode"] = actor.get("country")
    row[f"{prefix}KnownGroupCode"] = actor.get("igo")
    row[f"{prefix}Type1Code"] = actor.get("sector")


def _geo(row: dict[str, Value], prefix: str, place: dict[str, Any] | None) -> None:
    if not place:
        return
    row[f"{prefix}_Type"] = _GEO_TYPES.get(place.get("feature") or "", 4)
    row[f"{prefix}_FullName"] = place.get("name")
    row[f"{prefix}_CountryCode"] = place.get("country")
    row[f"{prefix}_Lat"] = place.get("lat")
    row[f"{prefix}_Long"] = place.get("lon")


def format_value(value: Value) -> str:
    """A value as GDELT writes it: empty for missing."""
    return "" if value is None else str(value)
