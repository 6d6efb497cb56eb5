"""Tests for tidings.ontology: PLOVER types, CAMEO codes and the look-ups between them."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.errors import BadInputError
from tidings.model import EventType
from tidings.ontology import QUAD_CATEGORIES, Ontology, load_ontology

SHARED = (Path(__file__).parents[2] / ".." / "shared").resolve()
PLOVER_DIR = SHARED / "data" / "plover"

MODES = {
    EventType.AGREE: (),
    EventType.CONSULT: ("visit", "third-party", "multilateral", "phone"),
    EventType.SUPPORT: (),
    EventType.CONCEDE: (),
    EventType.COOPERATE: (),
    EventType.AID: (),
    EventType.RETREAT: ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    EventType.REQUEST: ("assist", "change", "yield", "meet"),
    EventType.ACCUSE: ("disapprove", "investigate", "allege"),
    EventType.REJECT: ("assist", "change", "yield", "meet"),
    EventType.THREATEN: ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    EventType.PROTEST: ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    EventType.SANCTION: ("convict", "expel", "withdraw", "discontinue"),
    EventType.MOBILIZE: ("troops", "weapons", "police", "militia"),
    EventType.COERCE: (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    EventType.ASSAULT: (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}

QUADS = {
    "verbal cooperation": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "material cooperation": {"COOPERATE", "AID", "RETREAT"},
    "verbal conflict": {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    "material conflict": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _root_quad(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


# --- PLOVER types -------------------------------------------------------------------------


def test_all_sixteen_types_in_enum_order(onto: Ontology) -> None:
    assert [t.event_type for t in onto.plover_types()] == list(EventType)


@pytest.mark.parametrize("event_type", list(EventType))
def test_type_has_codebook_modes(onto: Ontology, event_type: EventType) -> None:
    ptype = onto.plover(event_type)
    assert ptype.mode_names == MODES[event_type]
    assert ptype.description
    assert all(m.description for m in ptype.modes)


@pytest.mark.parametrize("event_type", list(EventType))
def test_type_quad_category(onto: Ontology, event_type: EventType) -> None:
    ptype = onto.plover(event_type)
    assert event_type.value in QUADS[ptype.quad_category]
    assert ptype.quad_class == QUAD_CATEGORIES.index(ptype.quad_category) + 1


def test_requires_recipient(onto: Ontology) -> None:
    needing = {t.event_type for t in onto.plover_types() if t.requires_recipient}
    assert needing == {EventType.COOPERATE, EventType.AID, EventType.SANCTION}


@pytest.mark.parametrize("event_type", list(EventType))
def test_scores_in_range_and_signed_by_quad(onto: Ontology, event_type: EventType) -> None:
    ptype = onto.plover(event_type)
    scores = [ptype.score] + [m.score for m in ptype.modes if m.score is not None]
    assert all(-10 <= s <= 10 for s in scores)
    if ptype.quad_class <= 2:
        assert ptype.score > 0
    else:
        assert ptype.score <= 0


@pytest.mark.parametrize(
    ("event_type", "mode", "score"),
    [
        (EventType.CONSULT, "visit", 4.0),
        (EventType.CONSULT, None, 2.5),
        (EventType.RETREAT, "disarm", 10.0),
        (EventType.ASSAULT, "unconventional", -10.0),
        (EventType.PROTEST, "vandalize", -5.0),  # no score of its own: the type's
        (EventType.AID, "nonsense", 10.0),
    ],
)
def test_score_for(onto: Ontology, event_type: EventType, mode: str | None, score: float) -> None:
    assert onto.plover(event_type).score_for(mode) == score


def test_plover_accepts_names_in_any_case(onto: Ontology) -> None:
    assert onto.plover("assault").event_type is EventType.ASSAULT


@pytest.mark.parametrize("name", ["DEMAND", "FIGHTING", ""])
def test_plover_unknown_name_raises(onto: Ontology, name: str) -> None:
    with pytest.raises(BadInputError, match="unknown PLOVER event type"):
        onto.plover(name)


def test_contexts_and_auxiliary_modes(onto: Ontology) -> None:
    names = [c.name for c in onto.contexts()]
    assert len(names) == len(set(names)) == 37
    assert {"military", "diplomatic", "cbrn", "religion_ethnicity", "trafficking"} <= set(names)
    assert all(c.description for c in onto.contexts())
    assert [m.name for m in onto.auxiliary_modes()] == [
        "historical",
        "future",
        "hypothetical",
        "negation",
    ]
    assert onto.is_context("legal")
    assert not onto.is_context("humanitarian")


# --- CAMEO codes --------------------------------------------------------------------------


def test_code_count_and_levels(onto: Ontology) -> None:
    codes = [c.code for c in onto.cameo_codes()]
    assert len(codes) == len(set(codes)) == 274
    assert sum(len(c) == 2 for c in codes) == 18  # roots 03-20
    assert codes == sorted(codes)
    assert not any(c.startswith(("01", "02")) for c in codes)


def test_every_code_has_its_parents(onto: Ontology) -> None:
    for c in onto.cameo_codes():
        assert onto.cameo(c.root).root == c.root
        assert onto.cameo(c.base).code == c.base


@pytest.mark.parametrize(
    ("code", "root", "base"), [("0311", "03", "031"), ("042", "04", "042"), ("19", "19", "19")]
)
def test_root_and_base(onto: Ontology, code: str, root: str, base: str) -> None:
    assert (onto.cameo(code).root, onto.cameo(code).base) == (root, base)


def test_goldstein_range_and_quad_class(onto: Ontology) -> None:
    for c in onto.cameo_codes():
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.quad_class == _root_quad(c.root), c
        # Cooperative roots score above zero, conflictual ones below.
        assert (c.goldstein > 0) == (c.quad_class <= 2), c


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [("057", 8.0), ("0874", 10.0), ("0871", 9.0), ("130", -4.4), ("1823", -10.0), ("0333", 5.2)],
)
def test_goldstein_examples(onto: Ontology, code: str, goldstein: float) -> None:
    assert onto.cameo(code).goldstein == goldstein


def test_codes_use_valid_modes_and_contexts(onto: Ontology) -> None:
    for c in onto.cameo_codes():
        assert c.mode is None or onto.plover(c.plover).has_mode(c.mode), c
        assert all(onto.is_context(x) for x in c.contexts), c


@pytest.mark.parametrize(
    ("code", "event_type", "mode", "contexts"),
    [
        ("042", EventType.CONSULT, "visit", ()),
        ("0841", EventType.RETREAT, "release", ("legal",)),
        ("094", EventType.ACCUSE, "investigate", ("military", "legal")),
        ("163", EventType.COERCE, "restrict", ("diplomatic",)),
        ("1712", EventType.ASSAULT, "destroy", ("human_security",)),
        ("191", EventType.COERCE, "restrict", ("military",)),
        ("2042", EventType.ASSAULT, "unconventional", ("cbrn",)),
    ],
)
def test_code_conversion_examples(
    onto: Ontology, code: str, event_type: EventType, mode: str, contexts: tuple[str, ...]
) -> None:
    c = onto.cameo(code)
    assert (c.plover, c.mode, c.contexts) == (event_type, mode, contexts)


def test_cameo_codes_filtered_by_type(onto: Ontology) -> None:
    retreat = onto.cameo_codes(EventType.RETREAT)
    assert retreat and all(c.plover is EventType.RETREAT for c in retreat)
    assert {"0813", "084", "0874"} <= {c.code for c in retreat}


@pytest.mark.parametrize("code", ["01", "0211", "999", "42", "", "abc", "0425", "04 2"])
def test_unknown_code_raises(onto: Ontology, code: str) -> None:
    with pytest.raises(BadInputError, match="unknown CAMEO code"):
        onto.cameo(code)


def test_unknown_code_message_helps(onto: Ontology) -> None:
    with pytest.raises(BadInputError, match="'042'"):
        onto.cameo("0425")
    with pytest.raises(BadInputError, match="no PLOVER equivalent"):
        onto.cameo("013")


@given(st.text(max_size=6))
def test_cameo_either_finds_or_raises_bad_input(code: str) -> None:
    onto = load_ontology()
    try:
        found = onto.cameo(code)
    except BadInputError:
        return
    assert found.code == code.strip()


# --- intent and default codes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        ("040", "036"),
        ("042", "036"),
        ("046", "036"),
        ("045", "039"),
        ("051", "032"),
        ("06", "031"),
        ("061", "0311"),
        ("064", "0314"),
        ("071", "0331"),
        ("074", "0334"),
        ("081", "0351"),
        ("083", "034"),
        ("0841", "0353"),
        ("0871", "0356"),
        ("036", "036"),
        ("0311", "0311"),
        ("112", None),
        ("190", None),
        ("141", None),
    ],
)
def test_intent_code(onto: Ontology, action: str, intent: str | None) -> None:
    assert onto.intent_code(action) == intent


def test_intent_codes_are_agree_codes(onto: Ontology) -> None:
    for c in onto.cameo_codes():
        intent = onto.intent_code(c.code)
        if intent is not None:
            assert onto.cameo(intent).plover is EventType.AGREE
        if c.quad_class <= 2:
            assert intent is not None, c


def test_intent_code_unknown_raises(onto: Ontology) -> None:
    with pytest.raises(BadInputError):
        onto.intent_code("0999")


@pytest.mark.parametrize(
    ("event_type", "mode", "code"),
    [
        (EventType.CONSULT, None, "040"),
        (EventType.ASSAULT, None, "190"),
        (EventType.RETREAT, None, "084"),
        (EventType.ACCUSE, "investigate", "090"),
        (EventType.CONSULT, "phone", "041"),
        (EventType.ASSAULT, "primitive", "190"),  # no code of its own: the type's
        (EventType.COERCE, "arrest", "173"),
    ],
)
def test_default_code(onto: Ontology, event_type: EventType, mode: str | None, code: str) -> None:
    assert onto.default_code(event_type, mode) == code


def test_default_codes_map_back_to_their_type(onto: Ontology) -> None:
    for ptype in onto.plover_types():
        assert onto.cameo(ptype.default_cameo).plover is ptype.event_type
        for m in ptype.modes:
            assert onto.cameo(onto.default_code(ptype.event_type, m.name)).plover is (
                ptype.event_type
            )


def test_default_code_bad_mode_raises(onto: Ontology) -> None:
    with pytest.raises(BadInputError, match="has no mode 'tank'"):
        onto.default_code(EventType.ASSAULT, "tank")


# --- legacy (0.5b1) names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("DEMAND", None, (EventType.REQUEST, None)),
        ("DISAPPROVE", None, (EventType.ACCUSE, None)),
        ("INVESTIGATE", None, (EventType.ACCUSE, "investigate")),
        ("investigate", "", (EventType.ACCUSE, "investigate")),
        ("FIGHT", "heavy-weapons", (EventType.ASSAULT, "heavy-weapons")),
        ("FIGHT", "other", (EventType.ASSAULT, None)),
        ("ASSAULT", "assassinate", (EventType.ASSAULT, "targeted")),
        ("PROTEST", "strike-hun", (EventType.PROTEST, "hunger")),
        ("COERCE", "detain", (EventType.COERCE, "arrest")),
        ("THREATEN", "curfew", (EventType.THREATEN, "restrict")),
        ("CONSULT", "host", (EventType.CONSULT, None)),
        ("AGREE", None, (EventType.AGREE, None)),
    ],
)
def test_plover_from_legacy(
    onto: Ontology, name: str, mode: str | None, expected: tuple[EventType, str | None]
) -> None:
    assert onto.plover_from_legacy(name, mode) == expected


def test_plover_from_legacy_unknown_raises(onto: Ontology) -> None:
    with pytest.raises(BadInputError, match="DEMAND"):
        onto.plover_from_legacy("YIELD")


# --- loading ------------------------------------------------------------------------------


def test_load_is_cached_and_independent_of_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_ontology() is load_ontology()
    monkeypatch.chdir(tmp_path)
    load_ontology.cache_clear()
    assert len(load_ontology().cameo_codes()) == 274


def test_ontology_is_read_only(onto: Ontology) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        onto.cameo("042").goldstein = 0.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        onto.codes["999"] = onto.cameo("042")  # type: ignore[index]


# --- against the codebook files in ../shared ----------------------------------------------


def _conversion_table() -> dict[str, set[str]]:
    path = PLOVER_DIR / "CAMEO2PLOVER-2021.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found: the shared data is not checked out")
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), set()).add(m.group(2))
    return table


@pytest.mark.shared
def test_every_codebook_code_present_with_same_type(onto: Ontology) -> None:
    table = _conversion_table()
    assert len(table) == len(onto.cameo_codes())
    for code, types in table.items():
        assert onto.cameo(code).plover.value in types, code


@pytest.mark.shared
def test_gold_standard_event_names_all_map(onto: Ontology) -> None:
    path = PLOVER_DIR / "gsr-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found: the shared data is not checked out")
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        event_type, mode = onto.plover_from_legacy(record["event"], record.get("mode"))
        assert mode is None or onto.plover(event_type).has_mode(mode), record["id"]
