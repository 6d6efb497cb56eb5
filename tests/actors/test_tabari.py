"""Reading TABARI/PETRARCH actor and agent dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.actors import ActorEntry, load_default_kb
from tidings.actors.tabari import read_actor_dictionary, read_agent_dictionary
from tidings.api import Pipeline
from tidings.errors import DictionaryError

D = dt.date
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PETRARCH = SHARED / "data" / "petrarch2"
needs_shared = pytest.mark.skipif(
    not PETRARCH.is_dir(), reason="../shared is not present (a clone outside the workspace)"
)


@pytest.fixture(scope="module")
def actors() -> dict[str, list[ActorEntry]]:
    entries: dict[str, list[ActorEntry]] = {}
    for entry in read_actor_dictionary(FIXTURES / "actors_small.txt"):
        entries.setdefault(entry.names[0], []).append(entry)
    return entries


@pytest.fixture(scope="module")
def agents() -> dict[str, ActorEntry]:
    return {e.names[0]: e for e in read_agent_dictionary(FIXTURES / "agents_small.txt")}


def test_names_synonyms_and_codes(actors: dict[str, list[ActorEntry]]) -> None:
    (freedonia,) = actors["FREEDONIA"]
    assert freedonia.names == ("FREEDONIA", "FREEDONIAN", "FREEDONIANS")
    assert (freedonia.country, freedonia.sector, freedonia.kind) == ("FRD", None, "user")
    assert "NOT AN ENTRY" not in actors  # inside a comment block
    (army,) = actors["FREEDONIAN ARMY"]
    assert (army.country, army.sector) == ("FRD", "MIL")
    (front,) = actors["MARX BROTHERS FRONT"]
    assert (front.country, front.sector) == ("FRD", "REBMBF")


def test_lowercase_codes_igos_null_codes_and_alternatives(
    actors: dict[str, list[ActorEntry]],
) -> None:
    assert actors["SYLVANIA"][0].country == "SYL"
    (ducks,) = actors["LEAGUE OF DUCKS"]
    assert (ducks.country, ducks.sector, ducks.igo) == ("IGO", None, "LOD")
    (police,) = actors["DUCK POLICE LEAGUE"]
    assert (police.country, police.sector, police.igo) == ("IGO", "COP", "DPL")
    (teasdale,) = actors["MRS. TEASDALE"]
    assert (teasdale.country, teasdale.sector) == (None, None)
    assert (actors["TRENTINO"][0].country, actors["TRENTINO"][0].sector) == ("SYL", "GOV")
    assert actors["TRENTINO"][0].also == ()
    (alliance,) = actors["MARX ALLIANCE"]
    assert (alliance.country, alliance.also) == ("FRD", ("SYL",))


def test_compound_actors_act_as_each_member(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text("THE_SHIRE [FRO/BIL/SAM]\nLORIEN [ELR/GAL]\n")
    coder = pipeline.with_dictionaries(actors=[path])
    result = coder.run(coder.article("The Shire criticised Lorien on Monday."))
    (event,) = result.events
    assert [a.country for a in event.actors] == ["FRO", "BIL", "SAM"]
    assert [r.country for r in event.recipients] == ["ELR", "GAL"]


def test_dated_codes(actors: dict[str, list[ActorEntry]]) -> None:
    spans = {(e.sector, e.start, e.end) for e in actors["RUFUS T. FIREFLY"]}
    assert spans == {
        (None, None, D(1933, 1, 1)),
        ("GOV", D(1933, 1, 1), D(1936, 1, 1)),  # the range includes its last day
        ("ELI", D(1936, 1, 1), None),  # "after 351231" starts the next day
    }


@pytest.mark.parametrize(
    ("words", "on", "sector"),
    [
        (["Rufus", "T.", "Firefly"], D(1932, 6, 1), None),
        (["Rufus", "T.", "Firefly"], D(1935, 12, 31), "GOV"),
        (["RUFUS", "T.", "FIREFLY"], D(1940, 1, 1), "ELI"),
        (["Chicolini"], D(1934, 3, 15), "SPY"),  # the narrow range beats the default
        (["Chicolini"], D(1934, 5, 1), "CVL"),
    ],
)
def test_dated_codes_in_the_knowledge_base(words: list[str], on: dt.date, sector: str) -> None:
    kb = load_default_kb().with_entries(read_actor_dictionary(FIXTURES / "actors_small.txt"))
    found = kb.resolve(words, on)
    assert found is not None and (found.country, found.sector) == ("FRD", sector)


def test_user_entries_resolve_with_default_agents() -> None:
    kb = load_default_kb().with_entries(read_actor_dictionary(FIXTURES / "actors_small.txt"))
    found = kb.resolve(["Freedonian", "officials"], None)
    assert found is not None and (found.country, found.sector) == ("FRD", "GOV")
    assert kb.resolve(["freedonia"], None) is None  # one-word names need a capital


def test_agents_plurals(agents: dict[str, ActorEntry]) -> None:
    assert agents["DUCK KEEPER"].names == ("DUCK KEEPER", "DUCK KEEPERS")
    assert agents["PARTY"].names == ("PARTY", "PARTIES")
    assert agents["CONGRESS"].names == ("CONGRESS", "CONGRESSES")
    assert agents["POLICEMAN"].names == ("POLICEMAN", "POLICEMEN")
    assert agents["SECRET POLICE"].names == ("SECRET POLICE",)
    assert agents["ATTORNEY GENERAL"].names == ("ATTORNEY GENERAL", "ATTORNEYS GENERAL")
    assert {e.kind for e in agents.values()} == {"agent"}
    assert agents["SECRET POLICE"].sector == "SPY"


def test_agent_prefix_codes_and_synonyms(agents: dict[str, ActorEntry]) -> None:
    relief = agents["RELIEF SOCIETY"]
    assert relief.sector == "NGO"
    assert "AID SOCIETY" in relief.names and "AID SOCIETIES" in relief.names


def test_agent_macros(agents: dict[str, ActorEntry]) -> None:
    assert agents["SPOKESMAN"].names == ("SPOKESMAN", "SPOKESMEN", "SPOKESWOMAN", "SPOKESWOMEN")
    assert agents["MINISTER OF FUNNY HATS"].names == (
        "MINISTER OF FUNNY HATS",
        "MINISTRY OF FUNNY HATS",
    )
    kb = load_default_kb().with_entries(agents.values())
    found = kb.resolve(["Freedonia", "'s", "Ministry", "of", "Funny", "Hats"], None)
    assert found is not None and found.sector == "GOV"


def test_text_source_and_latin1_file() -> None:
    (entry,) = read_actor_dictionary("ATLANTIS [ATL]\n")
    assert (entry.names, entry.country) == (("ATLANTIS",), "ATL")
    (greenland,) = read_actor_dictionary(FIXTURES / "actors_latin1.txt")
    assert greenland.names == ("GRÜNLAND", "GRÜNLÄNDER")


def test_indented_codes_and_comments() -> None:
    text = (
        "ELBONIA  # a comment\n\n\t[ELB <990101]  # old code\n\t[ELBGOV]\n<! -- odd comment -->\n"
    )
    entries = read_actor_dictionary(text)
    assert [(e.sector, e.end) for e in entries] == [(None, D(1999, 1, 1)), ("GOV", None)]


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("A [USA\n", 1, "unbalanced brackets"),
        ("A [USA]]\n", 1, "unbalanced brackets"),
        ("A []\n", 1, "empty code block"),
        ("A\n  [USA >99AB01]\n", 2, "date restriction"),
        ("A [AAA950601-990815]\n", 1, "run together"),
        ("A [950601-990815]\n", 1, "no code"),
        ("A [USA 991340-991401]\n", 1, "not a calendar date"),
        ("A [USA 9912-9913]\n", 1, "must have 6"),
        ("A [USA 20100201-20100101]\n", 1, "ends before it starts"),
        ("+B\nA [USA]\n", 1, "before any entry"),
        ("  [USA]\nA [USA]\n", 1, "before any entry"),
        ("A [USA]\nB\nC [FRA]\n", 2, "has no code"),
        ("A [USA]\n<!-- open\nB [FRA]\n", 2, "never closed"),
        ("[USA]\n", 1, "before any entry"),
    ],
)
def test_actor_dictionary_errors(text: str, line: int, problem: str) -> None:
    with pytest.raises(DictionaryError, match=problem) as caught:
        read_actor_dictionary(text)
    assert str(caught.value).startswith(f"<text>:{line}: ")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("!X! = A, B\nFOO!Y! [~GOV]\n", 2, "!Y! is used but not defined"),
        ("!X! = \nFOO [~GOV]\n", 1, "has no values"),
        ("FOO [~]\n", 1, "no sector"),
        ("FOO [---]\n", 1, "no sector"),
        ("FOO {BARS [~GOV]\n", 1, "unbalanced brackets"),
    ],
)
def test_agent_dictionary_errors(text: str, line: int, problem: str) -> None:
    with pytest.raises(DictionaryError, match=problem) as caught:
        read_agent_dictionary(text)
    assert str(caught.value).startswith(f"<text>:{line}: ")


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(DictionaryError, match=r"nope\.txt"):
        read_actor_dictionary(missing)
    with pytest.raises(DictionaryError, match=r"nope\.txt"):
        read_agent_dictionary(str(missing))


def test_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("GOOD [USA]\nBAD [USA\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.actors\.txt:2: unbalanced"):
        read_actor_dictionary(bad)


@pytest.mark.shared
@needs_shared
def test_petrarch_validation_dictionaries_read() -> None:
    actors = read_actor_dictionary(PETRARCH / "PETR.Validate.actors.txt")
    agents = read_agent_dictionary(PETRARCH / "PETR.Validate.agents.txt")
    assert len(actors) > 100 and len(agents) > 50
    by_name: dict[str, list[ActorEntry]] = {}
    for entry in actors:
        by_name.setdefault(entry.names[0], []).append(entry)
    # An entry whose codes follow on indented lines, with date restrictions.
    assert len(by_name["GOLLUM"]) == 3 and "SMEAGOL" in by_name["GOLLUM"][0].names
    assert {e.end for e in by_name["GOLLUM"]} >= {D(1995, 6, 1)}
    assert by_name["PALESTINIAN"][0].country == "PSE"  # lowercase code
    names = {name for e in agents for name in e.names}
    assert {
        "CONGRESSMAN",
        "CONGRESSWOMEN",
        "MINISTRIES OF SILLY WALKS",
        "ATTORNEYS GENERAL",
    } <= names
    kb = load_default_kb().with_entries([*actors, *agents])
    found = kb.resolve(["Hamas"], None)
    assert found is not None and (found.country, found.sector) == ("PSE", "REBHMS")
