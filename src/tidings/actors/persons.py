"""Known people's dated roles, and the entries that code them on any date.

A person's roles become one entry each; the days between roles (and after the last)
become ``ELI`` entries with role ``former <last role>``, and the time before the
first role an entry with the person's country (that of their first national office)
and no sector or role. Every date thus
resolves to exactly one entry per person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tidings.actors.entry import ActorEntry

__all__ = ["ELITE", "RoleRow", "parse_role_row", "person_entries"]

ELITE = "ELI"


@dataclass(frozen=True, slots=True)
class RoleRow:
    """One office held by one person, as written in ``persons.tsv``."""

    names: tuple[str, ...]
    country: str
    igo: str | None
    sector: str | None
    role: str
    start: dt.date
    end: dt.date | None

    @property
    def person(self) -> str:
        return self.names[0]


def parse_role_row(fields: Sequence[str]) -> RoleRow:
    """Read the six columns ``names, country, sector, role, start, end``.

    Raises:
        ValueError: A column is missing or a date is not ISO ``YYYY-MM-DD``.
    """
    names_field, country_field, sector, role, start, end = fields
    names = tuple(n.strip() for n in names_field.split(";") if n.strip())
    if not names or not country_field or not role or not start:
        raise ValueError("names, country, role and start are required")
    country, _, igo = country_field.partition(":")
    return RoleRow(
        names=names,
        country=country,
        igo=igo or None,
        sector=sector or None,
        role=role,
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end) if end else None,
    )


def _entry(
    names: tuple[str, ...],
    row: RoleRow,
    sector: str | None,
    role: str | None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> ActorEntry:
    return ActorEntry(
        names=names,
        country=row.country,
        sector=sector,
        kind="person",
        igo=row.igo,
        person=row.person,
        role=role,
        start=start,
        end=end,
    )


def _former(
    names: tuple[str, ...], row: RoleRow, start: dt.date, end: dt.date | None
) -> ActorEntry:
    return _entry(names, row, ELITE, f"former {row.role}", start, end)


def _one_person(names: tuple[str, ...], rows: Sequence[RoleRow]) -> list[ActorEntry]:
    rows = sorted(rows, key=lambda r: r.start)
    # Before the first office: the person's own country (of the first national office).
    home = next((r for r in rows if r.igo is None), rows[0])
    entries = [_entry(names, home, None, None, end=rows[0].start)]
    covered: dt.date | None = rows[0].start  # end of the roles so far; None: open-ended
    latest: RoleRow | None = None  # the role that ends last so far
    for row in rows:
        if latest is not None and covered is not None and covered < row.start:
            entries.append(_former(names, latest, covered, row.start))
        entries.append(_entry(names, row, row.sector, row.role, row.start, row.end))
        if covered is not None and (row.end is None or row.end >= covered):
            covered, latest = row.end, row
    if latest is not None and covered is not None:
        entries.append(_former(names, latest, covered, None))
    return entries


def person_entries(rows: Iterable[RoleRow]) -> list[ActorEntry]:
    """Entries covering every date for each person in ``rows``.

    Rows are grouped by the person's canonical name (the first name variant); the
    name variants of all a person's rows are merged.
    """
    grouped: dict[str, list[RoleRow]] = {}
    names: dict[str, dict[str, None]] = {}
    for row in rows:
        grouped.setdefault(row.person, []).append(row)
        names.setdefault(row.person, {}).update(dict.fromkeys(row.names))
    entries: list[ActorEntry] = []
    for person, person_rows in grouped.items():
        entries.extend(_one_person(tuple(names[person]), person_rows))
    return entries
