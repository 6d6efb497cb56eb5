"""The records a PLOVER evaluation produces: one outcome per gold record and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tidings.eval._metrics import PRF, render_table
from tidings.model import EventType

__all__ = ["PloverOutcome", "PloverReport"]


@dataclass(frozen=True, slots=True)
class PloverOutcome:
    """How one gold record was coded: the gold values beside the predicted ones.

    Actor codes are written country+sector (``RUSGOV``); a predicted actor
    with no country shows as ``?`` and its words.
    """

    id: str
    text: str
    gold_type: EventType
    predicted_type: EventType | None
    predicted_cameo: str | None
    events: int
    type_in_any: bool
    gold_actors: tuple[str, ...]
    predicted_actors: tuple[str, ...]
    gold_recipients: tuple[str, ...]
    predicted_recipients: tuple[str, ...]
    actor_country: PRF
    actor_sector: PRF
    recipient_country: PRF
    recipient_sector: PRF
    gold_mode: str | None
    predicted_mode: str | None
    gold_contexts: tuple[str, ...]
    predicted_contexts: tuple[str, ...]

    @property
    def type_correct(self) -> bool:
        return self.predicted_type is self.gold_type

    def to_dict(self) -> dict[str, Any]:
        """The outcome as JSON-ready values."""
        return {
            "id": self.id,
            "text": self.text,
            "gold_type": self.gold_type.value,
            "predicted_type": self.predicted_type.value if self.predicted_type else None,
            "predicted_cameo": self.predicted_cameo,
            "events": self.events,
            "gold_actors": list(self.gold_actors),
            "predicted_actors": list(self.predicted_actors),
            "gold_recipients": list(self.gold_recipients),
            "predicted_recipients": list(self.predicted_recipients),
            "gold_mode": self.gold_mode,
            "predicted_mode": self.predicted_mode,
            "gold_contexts": list(self.gold_contexts),
            "predicted_contexts": list(self.predicted_contexts),
        }


@dataclass(frozen=True, slots=True)
class PloverReport:
    """Scores of a pipeline on PLOVER gold records.

    Attributes:
        records: Number of gold records.
        coverage: Share of records with at least one predicted event.
        type_accuracy: Share of records whose chosen event has the gold type
            (records with no event count as wrong).
        type_any_accuracy: Share of records where any predicted event has the
            gold type (an upper bound for a better choice among events).
        macro_f1: Mean F1 over the types in the gold or the predictions.
        per_type: Precision/recall/F1 of each such type, in codebook order.
        confusion: ``(gold type, predicted type or NONE, count)`` triples.
        actor_country: Set-based actor codes at country level (micro-averaged).
        actor_sector: The same at country+sector level.
        recipient_country: Recipient (target) codes at country level.
        recipient_sector: The same at country+sector level.
        mode_records: Records whose gold has a current mode.
        mode_accuracy: Share of those whose chosen event has that mode.
        context_records: Records whose gold has current contexts.
        context_accuracy: Share of those whose predicted context set is exactly the gold set.
        context: Context labels, set-based over those records.
        gold_codes: Number of gold actor codes (sources and targets).
        unmapped_codes: ``(code, occurrences)`` for gold codes that are
            neither ISO alpha-3 nor IGO after mapping (compared as written).
        outcomes: One outcome per gold record, in file order.
        rejected: Ids of records the pipeline refused as articles.
    """

    records: int
    coverage: float
    type_accuracy: float
    type_any_accuracy: float
    macro_f1: float
    per_type: tuple[tuple[EventType, PRF], ...]
    confusion: tuple[tuple[str, str, int], ...]
    actor_country: PRF
    actor_sector: PRF
    recipient_country: PRF
    recipient_sector: PRF
    mode_records: int
    mode_accuracy: float
    context_records: int
    context_accuracy: float
    context: PRF
    gold_codes: int
    unmapped_codes: tuple[tuple[str, int], ...]
    outcomes: tuple[PloverOutcome, ...] = field(repr=False)
    rejected: tuple[str, ...] = ()

    def errors(self) -> tuple[PloverOutcome, ...]:
        """Outcomes whose event type is wrong, or missing, in file order."""
        return tuple(o for o in self.outcomes if not o.type_correct)

    def _actor_rows(self) -> list[tuple[str, str, PRF]]:
        return [
            ("actor", "country", self.actor_country),
            ("actor", "country+sector", self.actor_sector),
            ("recipient", "country", self.recipient_country),
            ("recipient", "country+sector", self.recipient_sector),
        ]

    def to_dict(self) -> dict[str, Any]:
        """All figures as JSON-ready values, with the per-record outcomes under ``outcomes``."""
        return {
            "records": self.records,
            "coverage": round(self.coverage, 4),
            "event_type_accuracy": round(self.type_accuracy, 4),
            "event_type_any_accuracy": round(self.type_any_accuracy, 4),
            "event_type_macro_f1": round(self.macro_f1, 4),
            "per_type": {t.value: prf.to_dict() for t, prf in self.per_type},
            "confusion": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.confusion],
            "actors": {f"{role}_{level}": prf.to_dict() for role, level, prf in self._actor_rows()},
            "mode": {"records": self.mode_records, "accuracy": round(self.mode_accuracy, 4)},
            "context": {
                "records": self.context_records,
                "exact_accuracy": round(self.context_accuracy, 4),
                **self.context.to_dict(),
            },
            "gold_codes": self.gold_codes,
            "unmapped_codes": dict(self.unmapped_codes),
            "rejected": list(self.rejected),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    def format_table(self) -> str:
        """The figures as plain-text tables for people."""
        unmapped = sum(n for _, n in self.unmapped_codes)
        summary = render_table(
            ("figure", "value"),
            [
                ("records", self.records),
                ("coverage (any event)", self.coverage),
                ("event type accuracy", self.type_accuracy),
                ("event type macro-F1", self.macro_f1),
                ("gold type among any event", self.type_any_accuracy),
                (f"mode accuracy ({self.mode_records} records)", self.mode_accuracy),
                (f"context exact ({self.context_records} records)", self.context_accuracy),
                ("context F1", self.context.f1),
                ("gold codes not ISO/IGO", f"{unmapped} of {self.gold_codes}"),
                ("texts rejected", len(self.rejected)),
            ],
        )
        actors = render_table(
            ("role", "level", "precision", "recall", "F1", "tp", "fp", "fn"),
            [
                (role, level, p.precision, p.recall, p.f1, p.tp, p.fp, p.fn)
                for role, level, p in self._actor_rows()
            ],
        )
        types = render_table(
            ("type", "gold", "predicted", "precision", "recall", "F1"),
            [
                (t.value, p.tp + p.fn, p.tp + p.fp, p.precision, p.recall, p.f1)
                for t, p in self.per_type
            ],
        )
        return "\n\n".join(
            [
                summary,
                actors,
                types,
                "confusion (rows: gold, columns: predicted)\n" + self._confusion_matrix(),
            ]
        )

    def _confusion_matrix(self) -> str:
        rows = [
            t.value for t, _ in self.per_type if any(g == t.value for g, _, _ in self.confusion)
        ]
        columns = [t.value for t, _ in self.per_type] + ["NONE"]
        counts = {(g, p): n for g, p, n in self.confusion}
        return render_table(
            ("gold", *(c[:4] for c in columns)),
            [(g, *(counts.get((g, c), "") or "." for c in columns)) for g in rows],
        )
