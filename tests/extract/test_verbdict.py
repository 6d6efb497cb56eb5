"""PETRARCH/TABARI verb dictionaries: reading (verbdict) and ordered matching (verbpatterns).

The dictionary below is invented, in PETRARCH's format; the sentences are parsed
by the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.api import Pipeline
from tidings.errors import DictionaryError
from tidings.extract.discards import read_discard_dictionary
from tidings.extract.verbdict import read_verb_dictionary

DICTIONARY = """<!-- an invented verb dictionary in PETRARCH's format -->
&TIES
+DIPLOMATIC
+TRADE
+SWISS FRANCS

&NEGAUX
+DID N'T
+WILL NOT

--- SCOLD  [111]  ---
SCOLD   {SCOLDS SCOLDED}  # a comment
+UPBRAID
+TELL_OFF [114]
- * &TIES RELATIONS [161]
- * NEW_&TIES_RELATIONS [162]
- SAID * AGAIN [112:110]
- &NEGAUX * [113]

--- MUMBLE  [---]  ---
MUMBLE
- * APOLOGY [055]

--- RESCUE  [066]  ---
RESCUE
- + * FROM $ [067]

--- VISIT  [042:043]  ---
VISIT

--- RISEN  [---] ---
RISEN
- DEATH_TOLL * [223]

--- SAY  [023]  ---
SAY  {SAID}
"""


@pytest.fixture(scope="module")
def coder(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path = tmp_path_factory.mktemp("verbs") / "verbs.txt"
    path.write_text(DICTIONARY)
    return pipeline.with_dictionaries(verbs=[path])


def _triples(coder: Pipeline, text: str) -> set[tuple[str, str, str]]:
    events = coder.run(coder.article(text)).events
    return {
        (
            "+".join(a.code for a in e.actors) or "-",
            "+".join(r.code for r in e.recipients) or "-",
            e.cameo,
        )
        for e in events
    }


def test_patterns_codes_and_order() -> None:
    verbs = read_verb_dictionary(DICTIONARY)
    assert verbs.codes["scold"] == "111" and verbs.codes["upbraid"] == "111"
    assert verbs.codes["mumble"] is None  # [---]: the verb alone codes nothing
    assert verbs.codes["visit"] == "042:043"
    scold = verbs.patterns["scold"]
    assert scold[0].code == "162" and len(scold[0].after) == 3  # longest first
    assert [p.length for p in scold] == sorted((p.length for p in scold), reverse=True)
    ties = next(p for p in scold if p.code == "161").after[0]
    assert ("swiss", "francs") in ties.words and ("trade",) in ties.words
    said = next(p for p in scold if p.code.startswith("112"))
    assert [e.words for e in said.before] == [frozenset({("said",)})]


def test_forms_in_braces_code_as_their_verb() -> None:
    # spaCy may not lemmatise a rare form ("cordoned" -> "cordone"): the braces list it
    verbs = read_verb_dictionary(
        "--- EXCLUDE  [1721] ---\nEXCLUDE\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n"
        "- * FOR CONSTRUCTION [071]\n\n--- SCOLD [111] ---\nSCOLD {SCOLDS SCOLDED}\n"
    )
    assert verbs.codes["scolded"] == verbs.codes["scold"] == "111"
    assert [p.code for p in verbs.patterns["cordoned"]] == [
        p.code for p in verbs.patterns["cordon"]
    ]
    assert {p.code for p in verbs.patterns["cordons"]} == {"1721", "071"}


def test_malformed_patterns_name_the_line() -> None:
    with pytest.raises(DictionaryError, match="<verbs>:3"):
        read_verb_dictionary("--- X [010] ---\nX\n- NO STAR [011]\n")
    with pytest.raises(DictionaryError, match="unknown synset &NOPE"):
        read_verb_dictionary("--- X [010] ---\nX\n- * &NOPE [011]\n")


def test_missing_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read verb dictionary"):
        read_verb_dictionary(tmp_path / "absent.txt")


def test_ordered_words_and_synsets(coder: Pipeline) -> None:
    # words after the verb in order, with others between them
    assert ("RUS", "UKR", "161") in _triples(
        coder, "Russia scolded Ukraine over its trade relations with Belarus on Monday."
    )
    # "_" joins: "new trade relations" but not "new global trade relations"
    assert ("RUS", "UKR", "162") in _triples(
        coder, "Russia scolded Ukraine over new trade relations on Monday."
    )
    codes = {
        c for *_, c in _triples(coder, "Russia scolded Ukraine over new global trade relations.")
    }
    assert "161" in codes and "162" not in codes
    # out of order is no match: the block code
    codes = {c for *_, c in _triples(coder, "Russia scolded Ukraine over relations in trade.")}
    assert codes == {"111"}


def test_words_before_the_verb_and_synset_phrases(coder: Pipeline) -> None:
    assert {c for *_, c in _triples(coder, "Russia didn't scold Ukraine on Monday.")} == {"113"}
    assert {c for *_, c in _triples(coder, "Russia will not scold Ukraine.")} == {"113"}


def test_uncoded_verb_and_its_pattern(coder: Pipeline, pipeline: Pipeline) -> None:
    assert _triples(coder, "Russia mumbled about Ukraine on Monday.") == set()
    assert ("RUS", "UKR", "055") in _triples(coder, "Russia mumbled an apology to Ukraine.")


def test_markers_give_source_and_target(coder: Pipeline) -> None:
    # "- + * FROM $": the phrase before the verb is the target, after FROM the source
    assert ("FRA", "DEU", "067") in _triples(coder, "Germany was rescued from France on Monday.")


def test_multi_word_forms(coder: Pipeline) -> None:
    assert {c for *_, c in _triples(coder, "Russia told off Ukraine on Monday.")} == {"114"}
    # the block's patterns come before the form's own code
    text = "Russia told off Ukraine over trade relations on Monday."
    assert {c for *_, c in _triples(coder, text)} == {"161"}
    # without its particle the verb is not the dictionary's
    codes = {c for *_, c in _triples(coder, "Russia told Ukraine the news on Monday.")}
    assert not codes & {"111", "114"}


def test_two_way_code_codes_the_reply(coder: Pipeline) -> None:
    triples = _triples(coder, "Russia visited Ukraine on Monday.")
    assert {("RUS", "UKR", "042"), ("UKR", "RUS", "043")} <= triples


def test_target_is_the_first_actor_after_the_verb(coder: Pipeline) -> None:
    # no object or recipient phrase: PETRARCH's target is the next actor named
    assert ("RUS", "UKR", "111") in _triples(
        coder, "Russia scolded the closure of a bridge in Ukraine."
    )


def test_user_verbs_replace_the_shipped_triggers(coder: Pipeline, pipeline: Pipeline) -> None:
    article = coder.article("Russia scolded Ukraine over trade relations on Monday.")
    assert {e.cameo for e in coder.run(article).events} == {"161"}
    assert {e.cameo for e in pipeline.run(article).events} != {"161"}  # the original untouched


def test_discards(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "discards.txt"
    path.write_text("# comment\nBASEBALL\n+WORLD_CUP   # story level\n")
    phrases = read_discard_dictionary(path)
    assert phrases.sentence == (("baseball",),) and phrases.story == (("world", "cup"),)
    coder = pipeline.with_dictionaries(discards=[path])
    text = "Russia attacked Ukraine on Monday. China condemned the baseball match in Japan."
    assert {e.cameo[:2] for e in coder.run(coder.article(text)).events} == {"19"}
    story = text + " The World Cup starts soon."
    assert coder.run(coder.article(story)).events == ()
    assert pipeline.run(pipeline.article(story)).events != ()


def test_petrarch_role_conventions(coder: Pipeline) -> None:
    # the subject of an agentless passive is the source
    assert ("RUS", "UKR", "111") in _triples(
        coder, "Russia was scolded over its dispute with Ukraine."
    )
    # a subject that names no actor stands for its possessor
    assert ("RUS", "UKR", "223") in _triples(
        coder, "Russia's death toll has risen in the dispute with Ukraine."
    )
    # an agent of several countries is one actor per country
    triples = _triples(coder, "The ambassadors of France, Germany and Italy scolded Russia.")
    actors = {a for t in triples for a in t[0].split("+") if t[2] == "111"}
    assert actors == {"FRAGOV", "DEUGOV", "ITAGOV"}


def test_a_report_has_no_target_in_what_it_reports(coder: Pipeline) -> None:
    # Ukraine, named in what the agency said, is not the target of its saying it
    triples = _triples(
        coder, "Russia scolded Ukraine over the gas dispute, the news agency TASS said."
    )
    assert ("RUSMED", "-", "023") in triples
    # "the primary official news agency WFNA": the parser's two subjects are one phrase,
    # read as a whole (a news agency, MED, of no known country) rather than as "WFNA"
    triples = _triples(
        coder,
        "France and Germany scolded Russia after a 12-year rift, the primary official news "
        "agency WFNA said on Thursday.",
    )
    assert ("MED", "-", "023") in triples


def test_list_members_the_parser_reads_as_appositions(pipeline: Pipeline, tmp_path: Path) -> None:
    verbs, actors = tmp_path / "verbs.txt", tmp_path / "actors.txt"
    verbs.write_text(DICTIONARY)
    actors.write_text("ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n")
    coder = pipeline.with_dictionaries(actors=[actors], verbs=[verbs], only=True)
    # "the evil awful Gondor" is parsed as an apposition of Arnor after "awful"
    text = "Arnor and the evil awful Gondor scolded Osgiliath after a long rift."
    assert _triples(coder, text) == {("ARN+GON", "OSG", "111")}


def test_only_the_users_actor_dictionaries(pipeline: Pipeline, tmp_path: Path) -> None:
    verbs, actors = tmp_path / "verbs.txt", tmp_path / "actors.txt"
    verbs.write_text(DICTIONARY)
    actors.write_text("GONDOR [GON]\nMORDOR [MOR]\n")
    mixed = pipeline.with_dictionaries(actors=[actors], verbs=[verbs])
    alone = pipeline.with_dictionaries(actors=[actors], verbs=[verbs], only=True)
    text = "Russia scolded Ukraine. Gondor scolded Mordor."
    assert _triples(mixed, text) == {("RUS", "UKR", "111"), ("GON", "MOR", "111")}
    assert _triples(alone, text) == {("GON", "MOR", "111")}
    # verbs too: a shipped trigger the user's dictionary does not list codes nothing
    attack = "Gondor attacked Mordor on Monday."
    assert {c[:2] for *_, c in _triples(mixed, attack)} == {"19"}
    assert _triples(alone, attack) == set()
