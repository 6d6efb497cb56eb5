"""Tests for the gazetteer: names as news writes them, ambiguity, aliases, coordinates."""

from __future__ import annotations

import time

import pytest

from tidings.errors import ConfigError
from tidings.extract import places
from tidings.extract.places import Gazetteer, country_name, iso3, load_gazetteer
from tidings.model import Place, Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Beijing", "CHN"),
        ("Minsk", "BLR"),
        ("Kyiv", "UKR"),
        ("Moscow", "RUS"),  # not Moscow, Idaho
        ("Tbilisi", "GEO"),
        ("Cairo", "EGY"),
        ("Tehran", "IRN"),
        ("Damascus", "SYR"),
        ("Bogotá", "COL"),
        ("Canberra", "AUS"),
        ("Tripoli", "LBY"),  # the capital, not Tripoli, Lebanon
        ("Santiago", "CHL"),
        ("Kingston", "JAM"),
    ],
)
def test_capitals(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country, place.feature) == (name, country, "city")


@pytest.mark.parametrize(
    ("name", "expected_name", "country", "feature"),
    [
        ("Paris", "Paris", "FRA", "city"),  # not Paris, Texas
        ("Washington", "Washington", "USA", "city"),  # D.C., not the state or the English town
        ("Georgia", "Georgia", "GEO", "country"),  # not the US state
        ("Alexandria", "Alexandria", "EGY", "city"),
        ("Geneva", "Geneva", "CHE", "city"),  # not Geneva, Illinois
        ("New York", "New York City", "USA", "city"),  # not the state
        ("Gaza", "Gaza", "PSE", "city"),
        ("Nice", "Nice", "FRA", "city"),
        ("Mobile", "Mobile", "USA", "city"),
        ("Reading", "Reading", "GBR", "city"),
        ("Texas", "Texas", "USA", "region"),
        ("Virginia", "Virginia", "USA", "region"),  # not Virginia, South Africa
        ("Mexico", "Mexico", "MEX", "country"),  # not the city in the Philippines
        ("Djibouti", "Djibouti", "DJI", "country"),  # the country before its capital
        ("St. Petersburg", "Saint Petersburg", "RUS", "city"),  # not Florida's
        ("Odessa", "Odesa", "UKR", "city"),  # not Odessa, Texas
    ],
)
def test_ambiguous_names_take_the_default_reading(
    gazetteer: Gazetteer, name: str, expected_name: str, country: str, feature: str
) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country, place.feature) == (expected_name, country, feature)


@pytest.mark.parametrize(
    ("name", "near", "country", "feature"),
    [
        ("Alexandria", "EGY", "EGY", "city"),
        ("Alexandria", "USA", "USA", "city"),  # Virginia, 159,000 people
        ("Georgia", "USA", "USA", "region"),  # the state in a US context
        ("Georgia", "GEO", "GEO", "country"),
        ("Georgia", "RUS", "GEO", "country"),
        ("Tripoli", "LBN", "LBN", "city"),
        ("Birmingham", "USA", "USA", "city"),
        ("St. Petersburg", "USA", "USA", "city"),
        ("Paris", "USA", "FRA", "city"),  # Paris, Texas is too small to displace it
        ("Washington", "GBR", "USA", "city"),  # the English town does not displace a capital
        ("Mexico", "PHL", "MEX", "country"),  # a city never displaces a country
        ("Medina", "USA", "SAU", "city"),  # Medina, Ohio is too small
        ("Kyiv", "IGO", "UKR", "city"),  # a code that is no country changes nothing
    ],
)
def test_near_prefers_a_reasonable_match_in_the_context_country(
    gazetteer: Gazetteer, name: str, near: str, country: str, feature: str
) -> None:
    place = gazetteer.lookup(name, near=near)
    assert place is not None
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize(
    ("name", "expected_name", "country"),
    [
        ("U.S.", "United States", "USA"),
        ("US", "United States", "USA"),
        ("USA", "United States", "USA"),
        ("United States", "United States", "USA"),
        ("the United States", "United States", "USA"),
        ("America", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("UK", "United Kingdom", "GBR"),
        ("U.K.", "United Kingdom", "GBR"),
        ("South Korea", "South Korea", "KOR"),
        ("North Korea", "North Korea", "PRK"),
        ("DPRK", "North Korea", "PRK"),
        ("Ivory Coast", "Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "Ivory Coast", "CIV"),  # typographic apostrophe
        ("Russia", "Russia", "RUS"),
        ("Russia's", "Russia", "RUS"),
        ("Iran", "Iran", "IRN"),
        ("Syria", "Syria", "SYR"),
        ("Czech Republic", "Czechia", "CZE"),
        ("Burma", "Myanmar", "MMR"),
        ("Netherlands", "Netherlands", "NLD"),
        ("The Netherlands", "Netherlands", "NLD"),
        ("Türkiye", "Turkey", "TUR"),
        ("DRC", "Democratic Republic of the Congo", "COD"),
        ("UAE", "United Arab Emirates", "ARE"),
        ("Palestine", "Palestinian Territories", "PSE"),
        ("Kosovo", "Kosovo", "XKX"),
        ("Taiwan", "Taiwan", "TWN"),
    ],
)
def test_country_names_and_aliases(
    gazetteer: Gazetteer, name: str, expected_name: str, country: str
) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country, place.feature) == (expected_name, country, "country")


@pytest.mark.parametrize(
    ("name", "expected_name", "country"),
    [
        ("Kiev", "Kyiv", "UKR"),
        ("Kharkov", "Kharkiv", "UKR"),
        ("Peking", "Beijing", "CHN"),
        ("Bombay", "Mumbai", "IND"),
        ("Saigon", "Ho Chi Minh City", "VNM"),
        ("Bogota", "Bogotá", "COL"),  # without the accent
        ("Zurich", "Zürich", "CHE"),
        ("Lodz", "Łódź", "POL"),
        ("Natanz", "Naţanz", "IRN"),
        ("Washington, D.C.", "Washington", "USA"),
        ("Gaza City", "Gaza", "PSE"),
        ("Mecca", "Makkah", "SAU"),
        ("The Hague", "The Hague", "NLD"),
    ],
)
def test_city_spellings_and_aliases(
    gazetteer: Gazetteer, name: str, expected_name: str, country: str
) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country, place.feature) == (expected_name, country, "city")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("California", "USA"),
        ("Washington State", "USA"),
        ("West Bank", "PSE"),
        ("Gaza Strip", "PSE"),
        ("Crimea", "UKR"),
        ("Donbass", "UKR"),
        ("Scotland", "GBR"),
        ("Europe", None),
        ("Middle East", None),
    ],
)
def test_regions(gazetteer: Gazetteer, name: str, country: str | None) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.feature) == (country, "region")
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("name", "expected_name"),
    [
        ("PARIS", "Paris"),
        ("WASHINGTON", "Washington"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("PORT-AU-PRINCE", "Port-au-Prince"),
        ("BOGOTA", "Bogotá"),
    ],
)
def test_all_caps_datelines(gazetteer: Gazetteer, name: str, expected_name: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert place.name == expected_name


@pytest.mark.parametrize(
    "name", ["nice", "mobile", "reading", "paris", "georgia", "the united states", "beijing"]
)
def test_lowercase_is_not_a_place(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


@pytest.mark.parametrize(
    "name",
    [
        "Kremlin",
        "White House",
        "President",
        "Police",  # Police, Poland
        "Union",  # Union, New Jersey
        "NATO",
        "EU",
        "Narnia",
        "Springfieldshire",
        "",
        "   ",
        "123",
    ],
)
def test_non_places_and_unknown_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Beijing", 39.9, 116.4),
        ("Paris", 48.9, 2.35),
        ("Washington", 38.9, -77.0),
        ("Kyiv", 50.45, 30.5),
        ("Alexandria", 31.2, 29.9),
        ("Canberra", -35.3, 149.1),
        ("China", 39.9, 116.4),  # a country is placed at its capital
        ("United States", 38.9, -77.0),
        ("France", 48.9, 2.35),
        ("Texas", 31.5, -99.3),
    ],
)
def test_coordinates_are_plausible(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and place.lat is not None and place.lon is not None
    assert place.lat == pytest.approx(lat, abs=0.2)
    assert place.lon == pytest.approx(lon, abs=0.2)


def test_every_country_has_coordinates(gazetteer: Gazetteer) -> None:
    codes = ["USA", "GBR", "CHN", "BRA", "ZAF", "AUS", "KAZ", "MNG", "PLW", "BES", "ATA", "CUW"]
    for code in codes:
        name = country_name(code)
        assert name is not None
        place = gazetteer.lookup(name)
        assert place is not None, code
        assert (place.country, place.feature) == (code, "country")
        assert place.lat is not None and -90 <= place.lat <= 90
        assert place.lon is not None and -180 <= place.lon <= 180


def test_span_is_carried_and_the_record_is_a_place(gazetteer: Gazetteer) -> None:
    text = "Talks resumed in Geneva on Monday."
    span = Span(17, 23)
    place = gazetteer.lookup(span.of(text), span, near="USA")
    assert isinstance(place, Place)
    assert place.span == span
    assert place.name == "Geneva" and place.country == "CHE"
    assert gazetteer.lookup("Geneva") == Place("Geneva", None, "CHE", place.lat, place.lon)


def test_load_is_cached_and_lookups_are_cheap() -> None:
    assert load_gazetteer() is load_gazetteer()
    gazetteer = load_gazetteer()
    start = time.perf_counter()
    for _ in range(1000):
        gazetteer.lookup("Alexandria", near="USA")
        gazetteer.lookup("Nowhereville")
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("alpha2", "alpha3"),
    [("US", "USA"), ("GB", "GBR"), ("gb", "GBR"), ("RU", "RUS"), ("XK", "XKX"), ("ZZ", None)],
)
def test_iso3(alpha2: str, alpha3: str | None) -> None:
    assert iso3(alpha2) == alpha3


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("NLD", "Netherlands"),
        ("CIV", "Ivory Coast"),
        ("usa", "United States"),
        ("ZZZ", None),
        ("IGO", None),
    ],
)
def test_country_name(code: str, name: str | None) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize(
    "raw",
    [
        {"stoplist": "Kremlin"},  # not a list
        {"stoplist": [], "country_names": {"NLD": 1}},  # not a string
    ],
)
def test_malformed_authored_data_is_a_config_error(raw: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"places\.toml"):
        places._parse_authored(raw)
