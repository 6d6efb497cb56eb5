"""Score tidings against the PLOVER gold-standard records.

Each gold record is one news sentence coded by people with one PLOVER event
type, its source and target actors, and optionally a mode and contexts. The
records use PLOVER 0.5b1 names; :func:`load_plover_gold` maps them to the
current ontology (DEMAND -> REQUEST, INVESTIGATE -> ACCUSE ``investigate``...)
and maps the CAMEO-style country codes to ISO-3166 alpha-3.

:func:`score_plover` is pure: it compares gold records with the events a
pipeline found, keyed by record id. :func:`evaluate_plover` runs a pipeline
over a gold file and scores it.

Per record, one predicted event is compared with the gold event (see
:func:`choose_event`): the event whose actors overlap the gold actors most,
then the most confident one. Its ``coded_as`` type (the PLOVER type of its
CAMEO code) is the predicted type, so a planned meeting counts as AGREE, as
the PLOVER manual codes it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.errors import BadInputError, NotAnArticleError
from tidings.eval._codes import (
    GoldActor,
    actor_country,
    actor_sector,
    gold_actor,
    gold_contexts,
    predicted_code,
)
from tidings.eval._metrics import PRF, prf_of_sets, ratio, sum_prf, unique_ids
from tidings.eval._plover_report import PloverOutcome, PloverReport
from tidings.model import Actor, Article, EventMention, EventType
from tidings.ontology import load_ontology

if TYPE_CHECKING:
    from tidings.api import Pipeline

__all__ = [
    "GoldActor",
    "GoldRecord",
    "PloverOutcome",
    "PloverReport",
    "choose_event",
    "evaluate_plover",
    "load_plover_gold",
    "score_plover",
]


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One PLOVER gold-standard sentence, in current PLOVER terms.

    Attributes:
        id: The record id, e.g. ``PLOVER-GSR01-AGREE-0001``.
        text: The news sentence.
        date: The record's date (the publication date to run it with).
        event_type: The current PLOVER type.
        legacy_type: The type name as written in the file (0.5b1).
        mode: The current mode, or None when the record has none or its
            0.5b1 mode has no current equivalent (see ``raw_mode``).
        contexts: Current PLOVER context names.
        raw_mode: The mode as written in the file.
        raw_contexts: The context names as written in the file.
        sources: Who acted.
        targets: Who was acted upon.
    """

    id: str
    text: str
    date: dt.date | None
    event_type: EventType
    legacy_type: str
    mode: str | None
    contexts: tuple[str, ...]
    raw_mode: str | None
    raw_contexts: tuple[str, ...]
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def load_plover_gold(path: str | Path) -> tuple[GoldRecord, ...]:
    """Read a PLOVER gold-standard JSON Lines file (e.g. ``gsr-dev.jsonl``).

    A repeated id gets a suffix (the second ``X`` becomes ``X#2``) so that
    every record can be told apart.

    ``source`` and ``target`` may be missing, empty or a bare string; only
    lists of actor objects give actors.

    Raises:
        BadInputError: the file is missing, a line is not JSON, or a record
            lacks ``id``/``text``/``event`` or names an unknown event type.
    """
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise BadInputError(f"cannot read PLOVER gold file {str(file)!r}: {err}") from err
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            records.append(_gold_record(raw))
        except (ValueError, KeyError, TypeError, BadInputError) as err:
            raise BadInputError(
                f"{file}:{number}: not a PLOVER gold record ({err}); expected a JSON object "
                "with id, text, event and optional source/target lists"
            ) from err
    ids = unique_ids(r.id for r in records)
    return tuple(replace(r, id=rid) for r, rid in zip(records, ids, strict=True))


def _gold_record(raw: dict[str, Any]) -> GoldRecord:
    ontology = load_ontology()
    raw_mode = str(raw.get("mode") or "").strip() or None
    event_type, mode = ontology.plover_from_legacy(str(raw["event"]), raw_mode)
    raw_contexts = tuple(c.strip() for c in str(raw.get("context") or "").split(",") if c.strip())
    date = str(raw.get("date") or "")
    return GoldRecord(
        id=str(raw["id"]),
        text=str(raw["text"]),
        date=dt.date.fromisoformat(date[:10]) if date else None,
        event_type=event_type,
        legacy_type=str(raw["event"]).strip().upper(),
        mode=mode,
        contexts=gold_contexts(raw_contexts),
        raw_mode=raw_mode,
        raw_contexts=raw_contexts,
        sources=_gold_actors(raw.get("source")),
        targets=_gold_actors(raw.get("target")),
    )


def _gold_actors(value: object) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(gold_actor(item) for item in value if isinstance(item, dict) and item.get("code"))


def _countries(actors: Sequence[Actor]) -> set[str]:
    return {c for a in actors if (c := actor_country(a))}


def choose_event(record: GoldRecord, events: Sequence[EventMention]) -> EventMention | None:
    """The one event of a sentence to compare with its gold record.

    Events are ranked by, in order: how many gold codes their actors and
    recipients match in the same role; how many gold codes they match in
    either role; confidence; earliest trigger. The ranking looks at actors
    only, never at the gold event type.
    """
    if not events:
        return None
    sources = {a.country for a in record.sources}
    targets = {a.country for a in record.targets}

    def rank(event: EventMention) -> tuple[int, int, float, int]:
        actors, recipients = _countries(event.actors), _countries(event.recipients)
        same_role = len(actors & sources) + len(recipients & targets)
        any_role = len((actors | recipients) & (sources | targets))
        return same_role, any_role, event.confidence, -event.trigger.start

    return max(events, key=rank)


def score_plover(
    gold: Sequence[GoldRecord], predictions: Mapping[str, Sequence[EventMention]]
) -> PloverReport:
    """Compare gold records with predicted events.

    Args:
        gold: The gold records.
        predictions: Record id -> the events found in that record's sentence;
            a missing id means no events.

    Returns:
        The report; records without a prediction count as wrong.
    """
    outcomes = tuple(_outcome(g, predictions.get(g.id, ())) for g in gold)
    labels = sorted(
        {o.gold_type for o in outcomes} | {o.predicted_type for o in outcomes if o.predicted_type},
        key=list(EventType).index,
    )
    per_type = tuple((t, _type_prf(outcomes, t)) for t in labels)
    confusion = Counter((o.gold_type.value, _name(o.predicted_type)) for o in outcomes)
    with_mode = [o for o in outcomes if o.gold_mode]
    with_context = [o for o in outcomes if o.gold_contexts]
    codes = [a for g in gold for a in (*g.sources, *g.targets)]
    unmapped = [a.code for a in codes if not a.mapped]
    return PloverReport(
        records=len(outcomes),
        coverage=ratio(sum(o.events > 0 for o in outcomes), len(outcomes)),
        type_accuracy=ratio(sum(o.type_correct for o in outcomes), len(outcomes)),
        type_any_accuracy=ratio(sum(o.type_in_any for o in outcomes), len(outcomes)),
        macro_f1=sum(p.f1 for _, p in per_type) / len(per_type) if per_type else 0.0,
        per_type=per_type,
        confusion=tuple(sorted((g, p, n) for (g, p), n in confusion.items())),
        actor_country=sum_prf(o.actor_country for o in outcomes),
        actor_sector=sum_prf(o.actor_sector for o in outcomes),
        recipient_country=sum_prf(o.recipient_country for o in outcomes),
        recipient_sector=sum_prf(o.recipient_sector for o in outcomes),
        mode_records=len(with_mode),
        mode_accuracy=ratio(
            sum(o.gold_mode == o.predicted_mode for o in with_mode), len(with_mode)
        ),
        context_records=len(with_context),
        context_accuracy=ratio(
            sum(set(o.gold_contexts) == set(o.predicted_contexts) for o in with_context),
            len(with_context),
        ),
        context=sum_prf(
            prf_of_sets(set(o.gold_contexts), set(o.predicted_contexts)) for o in with_context
        ),
        gold_codes=len(codes),
        unmapped_codes=tuple(sorted(Counter(unmapped).items())),
        outcomes=outcomes,
    )


def _name(t: EventType | None) -> str:
    return t.value if t is not None else "NONE"


def _type_prf(outcomes: Sequence[PloverOutcome], t: EventType) -> PRF:
    tp = sum(o.gold_type is t and o.predicted_type is t for o in outcomes)
    predicted = sum(o.predicted_type is t for o in outcomes)
    expected = sum(o.gold_type is t for o in outcomes)
    return PRF(tp, predicted - tp, expected - tp)


def _outcome(record: GoldRecord, events: Sequence[EventMention]) -> PloverOutcome:
    chosen = choose_event(record, events)
    actors = chosen.actors if chosen else ()
    recipients = chosen.recipients if chosen else ()
    return PloverOutcome(
        id=record.id,
        text=record.text,
        gold_type=record.event_type,
        predicted_type=chosen.coded_as if chosen else None,
        predicted_cameo=chosen.cameo if chosen else None,
        events=len(events),
        type_in_any=any(e.coded_as is record.event_type for e in events),
        gold_actors=tuple(a.country_sector for a in record.sources),
        predicted_actors=tuple(predicted_code(a) for a in actors),
        gold_recipients=tuple(a.country_sector for a in record.targets),
        predicted_recipients=tuple(predicted_code(a) for a in recipients),
        actor_country=prf_of_sets({a.country for a in record.sources}, _countries(actors)),
        actor_sector=prf_of_sets(
            {a.country_sector for a in record.sources}, _country_sectors(actors)
        ),
        recipient_country=prf_of_sets({a.country for a in record.targets}, _countries(recipients)),
        recipient_sector=prf_of_sets(
            {a.country_sector for a in record.targets}, _country_sectors(recipients)
        ),
        gold_mode=record.mode,
        predicted_mode=chosen.mode if chosen else None,
        gold_contexts=record.contexts,
        predicted_contexts=tuple(chosen.context) if chosen else (),
    )


def _country_sectors(actors: Sequence[Actor]) -> set[str]:
    return {c + (actor_sector(a) or "") for a in actors if (c := actor_country(a))}


def evaluate_plover(path: str | Path, pipeline: Pipeline) -> PloverReport:
    """Run ``pipeline`` over a PLOVER gold file and score it.

    Each record's ``text`` is one article, published on the record's date.
    Texts the pipeline refuses as articles get no events (and are listed in
    :attr:`PloverReport.rejected`).

    Raises:
        BadInputError: the gold file cannot be read.
    """
    gold = load_plover_gold(path)
    accepted: list[tuple[str, Article]] = []
    rejected: list[str] = []
    for record in gold:
        try:
            accepted.append((record.id, pipeline.article(record.text, published=record.date)))
        except NotAnArticleError:
            rejected.append(record.id)
    results = pipeline.run_many(article for _, article in accepted)
    predictions = {rid: result.events for (rid, _), result in zip(accepted, results, strict=True)}
    return replace(score_plover(gold, predictions), rejected=tuple(rejected))
