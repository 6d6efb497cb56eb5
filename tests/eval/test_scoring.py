"""The evaluation scorers on small hand-made records, and the loaders on real and toy files.

Expected figures are worked out by hand in the comments next to each case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.eval._codes import gold_actor
from tidings.eval.petrarch import (
    PetrarchRecord,
    Triple,
    load_petrarch_records,
    petrarch_code,
    predicted_triples,
    score_petrarch,
)
from tidings.eval.plover import GoldRecord, choose_event, load_plover_gold, score_plover
from tidings.model import Actor, EventMention, EventType, Span, Status

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PLOVER_DEV = SHARED / "data" / "plover" / "gsr-dev.jsonl"
PETRARCH_RECORDS = SHARED / "data" / "petrarch2" / "PETR.UnitTest.records.xml"

needs_shared = pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason="../shared is not present (a clone outside the workspace)",
)


def actor(country: str | None, sector: str | None = None, igo: str | None = None) -> Actor:
    return Actor(
        text=country or sector or "someone", span=None, country=country, sector=sector, igo=igo
    )


def event(
    t: EventType,
    actors: tuple[Actor, ...] = (),
    recipients: tuple[Actor, ...] = (),
    *,
    cameo: str = "010",
    confidence: float = 0.5,
    mode: str | None = None,
    context: tuple[str, ...] = (),
    start: int = 0,
) -> EventMention:
    return EventMention(
        event_type=t,
        coded_as=t,
        cameo=cameo,
        status=Status.OCCURRED,
        actors=actors,
        recipients=recipients,
        evidence=(),
        trigger=Span(start, start + 1),
        confidence=confidence,
        mode=mode,
        context=context,
    )


def gold(
    rid: str,
    t: EventType,
    sources: list[tuple[str, str | None]],
    targets: list[tuple[str, str | None]],
    mode: str | None = None,
    contexts: tuple[str, ...] = (),
) -> GoldRecord:
    return GoldRecord(
        id=rid,
        text="...",
        date=None,
        event_type=t,
        legacy_type=t.value,
        mode=mode,
        contexts=contexts,
        raw_mode=mode,
        raw_contexts=contexts,
        sources=tuple(gold_actor({"code": c, "sector": s}) for c, s in sources),
        targets=tuple(gold_actor({"code": c, "sector": s}) for c, s in targets),
    )


# -- PLOVER -------------------------------------------------------------------------------

GOLD = (
    gold("g1", EventType.AGREE, [("USA", "GOV")], [("RUS", None)], contexts=("diplomatic",)),
    gold("g2", EventType.ASSAULT, [("ISR", "MIL")], [("PSE", None)]),
    gold("g3", EventType.REQUEST, [("IGO", None)], [("IRQ", "GOV")]),
    gold("g4", EventType.PROTEST, [("SRB", "CVLalb")], [], mode="demo"),
)
PREDICTIONS = {
    # CONSULT is more confident, but AGREE's actors match the gold ones: AGREE is chosen.
    "g1": (
        event(EventType.CONSULT, (actor("FRA"),), confidence=0.9),
        event(
            EventType.AGREE,
            (actor("USA", "GOV"),),
            (actor("RUS", "GOV"),),
            context=("diplomatic", "military"),
        ),
    ),
    "g2": (event(EventType.COERCE, (actor("ISR", "MIL"),), (actor("PSE"),)),),
    # g3: nothing predicted.
    "g4": (event(EventType.PROTEST, (actor(None, "CVL"),), mode="demo"),),
}


def test_plover_type_figures() -> None:
    report = score_plover(GOLD, PREDICTIONS)
    assert report.records == 4
    assert report.coverage == 0.75  # g3 has no event
    assert report.type_accuracy == 0.5  # g1 and g4
    assert report.type_any_accuracy == 0.5
    per_type = {t: p for t, p in report.per_type}
    # Labels are gold types plus predicted ones, in codebook order.
    assert list(per_type) == [
        EventType.AGREE,
        EventType.REQUEST,
        EventType.PROTEST,
        EventType.COERCE,
        EventType.ASSAULT,
    ]
    assert (per_type[EventType.COERCE].tp, per_type[EventType.COERCE].fp) == (0, 1)
    assert (per_type[EventType.ASSAULT].tp, per_type[EventType.ASSAULT].fn) == (0, 1)
    assert report.macro_f1 == pytest.approx(2 / 5)  # AGREE and PROTEST have F1 1, the rest 0
    assert report.confusion == (
        ("AGREE", "AGREE", 1),
        ("ASSAULT", "COERCE", 1),
        ("PROTEST", "PROTEST", 1),
        ("REQUEST", "NONE", 1),
    )


def test_plover_actor_figures() -> None:
    report = score_plover(GOLD, PREDICTIONS)
    # Actors: USA and ISR found; IGO (no event) and SRB (actor without country) missed.
    assert (report.actor_country.tp, report.actor_country.fp, report.actor_country.fn) == (2, 0, 2)
    assert report.actor_country.f1 == pytest.approx(2 / 3)
    # Recipients: RUS and PSE found, IRQ missed.
    rc = report.recipient_country
    assert (rc.tp, rc.fp, rc.fn) == (2, 0, 1)
    assert rc.f1 == pytest.approx(0.8)
    # With sectors: RUSGOV is not RUS (gold has no sector); IRQGOV missed.
    rs = report.recipient_sector
    assert (rs.tp, rs.fp, rs.fn) == (1, 1, 2)
    assert rs.precision == 0.5
    assert rs.f1 == pytest.approx(0.4)


def test_plover_mode_and_context() -> None:
    report = score_plover(GOLD, PREDICTIONS)
    assert (report.mode_records, report.mode_accuracy) == (1, 1.0)
    # g1: predicted {diplomatic, military} against {diplomatic}: not exact, F1 2/3.
    assert (report.context_records, report.context_accuracy) == (1, 0.0)
    assert report.context.f1 == pytest.approx(2 / 3)


def test_plover_report_outputs() -> None:
    report = score_plover(GOLD, PREDICTIONS)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["event_type_accuracy"] == 0.5
    assert data["actors"]["recipient_country"]["f1"] == 0.8
    assert [o["id"] for o in data["outcomes"]] == ["g1", "g2", "g3", "g4"]
    table = report.format_table()
    assert "event type accuracy" in table and "REQUEST" in table
    assert [o.id for o in report.errors()] == ["g2", "g3"]
    assert report.outcomes[3].predicted_actors == ("?CVL",)


def test_choose_event_prefers_actor_overlap_then_confidence() -> None:
    record = GOLD[0]
    low = event(EventType.AGREE, (actor("USA"),), confidence=0.2)
    high = event(EventType.CONSULT, (actor("USA"),), confidence=0.8)
    elsewhere = event(EventType.REJECT, (actor("CHN"),), confidence=0.99)
    assert choose_event(record, (low, high, elsewhere)) is high
    assert choose_event(record, ()) is None
    # An actor in the gold target role only counts after same-role matches.
    swapped = event(EventType.REJECT, (actor("RUS"),), confidence=0.9)
    same_role = event(EventType.AGREE, (), (actor("RUS"),), confidence=0.1)
    assert choose_event(record, (swapped, same_role)) is same_role


def test_igo_actors_compare_as_igo() -> None:
    record = gold("g", EventType.REQUEST, [("IGO", "GOV")], [])
    report = score_plover(
        [record], {"g": (event(EventType.REQUEST, (actor(None, "GOV", "UNO"),)),)}
    )
    assert report.actor_country.tp == 1
    assert report.actor_sector.tp == 1  # IGOGOV


def test_gold_actor_codes() -> None:
    japan = gold_actor({"code": "JAP", "sector": "GOV"})
    assert (japan.country, japan.sector, japan.mapped) == ("JPN", "GOV", True)
    assert gold_actor({"code": "NGO"}).mapped  # organisations, like IGO
    militia = gold_actor({"code": "IMG"})
    assert (militia.country, militia.mapped) == ("IMG", False)
    assert gold_actor({"code": "SRB", "sector": "CVLalb"}).country_sector == "SRBCVL"
    assert gold_actor({"code": "IRQ", "sector": "***"}).sector is None
    assert gold_actor({"code": "LBY", "sector": "CIV"}).sector == "CVL"


def test_load_plover_gold_maps_legacy_names(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "date": "2000-01-01", "event": "DEMAND", "text": "t", "target": ""},
        {
            "id": "b",
            "date": "2000-01-01",
            "event": "INVESTIGATE",
            "text": "t",
            "source": [{"actorText": "IAEA", "code": "IGO"}],
            "context": "refugees, military",
        },
        {"id": "c", "event": "PROTEST", "text": "t", "mode": "strike-hun", "target": "diplomatic"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    a, b, c = load_plover_gold(path)
    assert (a.event_type, a.legacy_type, a.sources, a.targets) == (
        EventType.REQUEST,
        "DEMAND",
        (),
        (),
    )
    assert (b.event_type, b.mode) == (EventType.ACCUSE, "investigate")
    assert b.contexts == ("migration", "military")
    assert b.sources[0].country == "IGO"
    assert (c.event_type, c.mode, c.date, c.targets) == (EventType.PROTEST, "hunger", None, ())


def test_load_plover_gold_rejects_bad_lines(tmp_path: Path) -> None:
    from tidings.errors import BadInputError

    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "event": "DANCE", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(BadInputError, match=r"bad.jsonl:1"):
        load_plover_gold(path)
    with pytest.raises(BadInputError, match="cannot read"):
        load_plover_gold(tmp_path / "missing.jsonl")


@needs_shared
def test_load_plover_dev_file() -> None:
    records = load_plover_gold(PLOVER_DEV)
    assert len(records) == 200
    assert len({r.id for r in records}) == 200  # one id is repeated: the second gets "#2"
    assert "PLOVER-GSR01-COERCE-0004#2" in {r.id for r in records}
    assert {r.legacy_type for r in records} >= {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    report = score_plover(records, {})
    assert report.coverage == 0.0 and report.type_accuracy == 0.0
    # IMG (militarised group) and ISM are CAMEO codes with no country: the only ones unmapped.
    assert dict(report.unmapped_codes) == {"IMG": 1, "ISM": 1}


# -- PETRARCH -----------------------------------------------------------------------------


def record(rid: str, *expected: str, error: str | None = None) -> PetrarchRecord:
    triples = tuple(Triple(*t.split()) for t in expected)
    return PetrarchRecord(rid, "TEST", None, "...", triples, error)


RECORDS = (
    record("r1", "ARN GON 064"),
    record("r2", "FOR OSG 041", "GON OSG 041"),
    record("r3"),
    record("r4"),
    record("r5", error="bad_input_parse"),
    record("r6", "HOB GON 174L"),
)
EVENTS = {
    "r1": (
        event(EventType.COOPERATE, (actor("ARN"),), (actor("GON"),), cameo="064"),
        event(EventType.CONSULT, (actor("ARN"),), cameo="051"),
    ),
    "r2": (event(EventType.CONSULT, (actor("FOR"), actor("GON")), (actor("OSG"),), cameo="042"),),
    "r4": (event(EventType.CONSULT, (actor("BRE", "GOV"),), cameo="051"),),
}


def test_petrarch_record_accuracy() -> None:
    report = score_petrarch(RECORDS, EVENTS, known_codes={"064", "041", "042", "051"})
    assert report.records == 5 and report.skipped == ("r5",)
    # Full: r1 (an extra event is allowed) and r3 (none expected, none found).
    assert report.full_accuracy == pytest.approx(2 / 5)
    # Root: r2 too (042 and 041 share root 04). r4 predicted an event where none was expected.
    assert report.root_accuracy == pytest.approx(3 / 5)
    assert report.pair_accuracy == pytest.approx(3 / 5)  # r1, r2, r3
    # r6 expects 174L, which the coder cannot produce.
    assert report.reachable_records == 4
    assert (report.reachable_full_accuracy, report.reachable_root_accuracy) == (0.5, 0.75)
    assert [o.id for o in report.errors()] == ["r2", "r4", "r6"]


def test_petrarch_triples() -> None:
    report = score_petrarch(RECORDS, EVENTS)
    full, root = report.triples_full, report.triples_root
    # tp: ARN GON 064; fp: ARN --- 051, FOR OSG 042, GON OSG 042, BREGOV --- 051;
    # fn: FOR OSG 041, GON OSG 041, HOB GON 174L.
    assert (full.tp, full.fp, full.fn) == (1, 4, 3)
    assert full.f1 == pytest.approx(2 / 9)
    assert (root.tp, root.fp, root.fn) == (3, 2, 1)
    assert root.f1 == pytest.approx(2 / 3)
    assert report.reachable_records == 5  # no known codes given: all count
    data = json.loads(json.dumps(report.to_dict()))
    assert data["no_event_records"] == {"records": 2, "correct": 1}
    assert "record accuracy, full code" in report.format_table()


def test_petrarch_actor_pairs_ignore_codes() -> None:
    records = (record("p1", "CAL BRE 041"), record("p2", "ARN GON 064"))
    events = {
        "p1": (event(EventType.SUPPORT, (actor("CAL"),), (actor("BRE"),), cameo="051"),),
        "p2": (event(EventType.SUPPORT, (actor("ARN"),), cameo="064"),),
    }
    report = score_petrarch(records, events)
    # p1: right actors, wrong root (05 for 04); p2: right code, recipient missing (---).
    assert (report.full_accuracy, report.root_accuracy, report.pair_accuracy) == (0.0, 0.0, 0.5)
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (1, 1, 1)
    assert report.categories() == (("TEST", 2, 0.0, 0.0, 0.5),)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (actor("BRE", "GOV"), "BREGOV"),
        (actor("PSE", "REBHMS"), "PSEREBHMS"),
        (actor(None, "GOV"), "---GOV"),
        (actor(None), "---"),
        (actor("IGO", "GOV", "UNO"), "IGOGOVUNO"),
        (None, "---"),
    ],
)
def test_petrarch_code(value: Actor | None, code: str) -> None:
    assert petrarch_code(value) == code


def test_predicted_triples_expand_compound_actors() -> None:
    compound = event(EventType.AGREE, (actor("FOR"), actor("GON")), (actor("OSG"),), cameo="041")
    assert predicted_triples([compound, compound]) == (
        Triple("FOR", "OSG", "041"),
        Triple("GON", "OSG", "041"),
    )


TOY_XML = """<Validation>
<!-- a comment with <Sentence> in it -->
<Sentences>
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor is about to restore ties
  with Gondor{amp}
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="A-2" category="DEMO" sentence="false">
<EventCoding sourcecode="X" targetcode="Y" eventcode="010"></EventCoding>
<Text>Skipped.</Text>
</Sentence>
<Sentence date = "20080801" id ="A-3" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- A suit.</Text>
</Sentence>
<Sentence date="19950103" id="A-4" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.mark.parametrize("amp", ["&amp;", "&"], ids=["well-formed", "lenient"])
def test_load_petrarch_records(tmp_path: Path, amp: str) -> None:
    path = tmp_path / "records.xml"
    path.write_text(TOY_XML.replace("{amp}", amp), encoding="utf-8")
    a1, a3, a4 = load_petrarch_records(path)
    assert a1.expected == (Triple("ARN", "GON", "064"), Triple('"INJURY TOLL"', "OSG", "223"))
    assert a1.text == "Arnor is about to restore ties with Gondor&"
    assert (a1.date.isoformat() if a1.date else None, a1.category) == ("1995-01-01", "DEMO")
    assert (a3.id, a3.error, a3.expected) == ("A-3", "dateline", ())
    assert (a4.id, a4.expected, a4.error) == ("A-4", (), None)


@needs_shared
def test_load_petrarch_unit_test_file() -> None:
    records = load_petrarch_records(PETRARCH_RECORDS)
    assert len(records) == 279  # 284 records, 5 of them sentence="false"
    assert records[0].id == "DEMO-00"
    assert records[0].expected == (Triple("ARN", "GON", "064"),)
    assert sum(not r.expected and r.error is None for r in records) == 20
    assert sum(len(r.expected) for r in records) > 350


def test_select_half_splits_records_by_position() -> None:
    from tidings.errors import BadInputError
    from tidings.eval.petrarch import select_half

    even, odd = select_half(RECORDS, "even"), select_half(RECORDS, "odd")
    assert even == tuple(RECORDS[0::2]) and odd == tuple(RECORDS[1::2])
    assert set(even).isdisjoint(odd) and len(even) + len(odd) == len(RECORDS)
    assert select_half(RECORDS, None) == tuple(RECORDS)
    with pytest.raises(BadInputError, match="even"):
        select_half(RECORDS, "first")
