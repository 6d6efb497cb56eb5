"""The records a PETRARCH evaluation produces: triples, per-record outcomes and the report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tidings.eval._metrics import PRF, ratio, render_table

__all__ = ["PetrarchOutcome", "PetrarchReport", "Triple"]


@dataclass(frozen=True, slots=True, order=True)
class Triple:
    """One coded event as PETRARCH writes it: ``source target code``."""

    source: str
    target: str
    code: str

    def root(self) -> Triple:
        """The same triple with the CAMEO code cut to its two-digit root."""
        return Triple(self.source, self.target, self.code[:2])

    def pair(self) -> Triple:
        """The same triple with no code: who acted on whom."""
        return Triple(self.source, self.target, "")

    def __str__(self) -> str:
        return f"{self.source} {self.target} {self.code}"


@dataclass(frozen=True, slots=True)
class PetrarchOutcome:
    """How one record was coded.

    Attributes:
        reachable: Whether every expected CAMEO code is one the coder can produce.
    """

    id: str
    category: str
    text: str
    expected: tuple[Triple, ...]
    predicted: tuple[Triple, ...]
    full_correct: bool
    root_correct: bool
    pairs_correct: bool
    reachable: bool

    def to_dict(self) -> dict[str, Any]:
        """The outcome as JSON-ready values."""
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "expected": [str(t) for t in self.expected],
            "predicted": [str(t) for t in self.predicted],
            "full_correct": self.full_correct,
            "root_correct": self.root_correct,
            "pairs_correct": self.pairs_correct,
            "reachable": self.reachable,
        }


@dataclass(frozen=True, slots=True)
class PetrarchReport:
    """Scores of a pipeline on PETRARCH unit-test records.

    Attributes:
        records: Records scored.
        skipped: Ids of records not scored (tests of PETRARCH's parse reader).
        full_accuracy: Share of records whose expected triples were all found
            with their full CAMEO code (or, expecting none, nothing was predicted).
        root_accuracy: The same comparing two-digit CAMEO roots.
        pair_accuracy: The same comparing source and target codes only. The
            suite's event codes come from a test verb dictionary whose codes
            are mostly WEIS, not CAMEO; its actor codes are the part that
            means the same for tidings.
        reachable_records: Records whose expected codes the coder can produce.
        reachable_full_accuracy: ``full_accuracy`` over those records.
        reachable_root_accuracy: ``root_accuracy`` over those records.
        triples_full: Triple-level counts and scores, full codes (micro-averaged).
        triples_root: The same with root codes.
        pairs: The same with no codes: ``(source, target)`` pairs.
        outcomes: One outcome per scored record, in file order.
        rejected: Ids of records the pipeline refused as articles (scored as no events).
    """

    records: int
    skipped: tuple[str, ...]
    full_accuracy: float
    root_accuracy: float
    pair_accuracy: float
    reachable_records: int
    reachable_full_accuracy: float
    reachable_root_accuracy: float
    triples_full: PRF
    triples_root: PRF
    pairs: PRF
    outcomes: tuple[PetrarchOutcome, ...] = field(repr=False)
    rejected: tuple[str, ...] = ()

    def errors(self) -> tuple[PetrarchOutcome, ...]:
        """Outcomes that are wrong at full-code level, in file order."""
        return tuple(o for o in self.outcomes if not o.full_correct)

    def categories(self) -> tuple[tuple[str, int, float, float, float], ...]:
        """``(category, records, full, root, pair accuracy)`` for each record category."""
        groups: dict[str, list[PetrarchOutcome]] = defaultdict(list)
        for outcome in self.outcomes:
            groups[outcome.category].append(outcome)
        return tuple(
            (
                name,
                len(group),
                ratio(sum(o.full_correct for o in group), len(group)),
                ratio(sum(o.root_correct for o in group), len(group)),
                ratio(sum(o.pairs_correct for o in group), len(group)),
            )
            for name, group in sorted(groups.items())
        )

    def to_dict(self) -> dict[str, Any]:
        """All figures as JSON-ready values, with the per-record outcomes under ``outcomes``."""
        no_event = [o for o in self.outcomes if not o.expected]
        return {
            "records": self.records,
            "skipped": list(self.skipped),
            "record_accuracy": {
                "full": round(self.full_accuracy, 4),
                "root": round(self.root_accuracy, 4),
                "actors": round(self.pair_accuracy, 4),
            },
            "reachable": {
                "records": self.reachable_records,
                "full": round(self.reachable_full_accuracy, 4),
                "root": round(self.reachable_root_accuracy, 4),
            },
            "no_event_records": {
                "records": len(no_event),
                "correct": sum(o.full_correct for o in no_event),
            },
            "triples": {
                "full": self.triples_full.to_dict(),
                "root": self.triples_root.to_dict(),
                "actors": self.pairs.to_dict(),
            },
            "categories": {
                name: {
                    "records": n,
                    "full": round(full, 4),
                    "root": round(root, 4),
                    "actors": round(pairs, 4),
                }
                for name, n, full, root, pairs in self.categories()
            },
            "rejected": list(self.rejected),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    def format_table(self) -> str:
        """The figures as plain-text tables for people."""
        no_event = [o for o in self.outcomes if not o.expected]
        summary = render_table(
            ("figure", "value"),
            [
                ("records scored", self.records),
                ("records skipped (parse tests)", len(self.skipped)),
                ("record accuracy, full code", self.full_accuracy),
                ("record accuracy, root code", self.root_accuracy),
                ("record accuracy, actors only", self.pair_accuracy),
                (
                    f"reachable records ({self.reachable_records}), full",
                    self.reachable_full_accuracy,
                ),
                (
                    f"reachable records ({self.reachable_records}), root",
                    self.reachable_root_accuracy,
                ),
                (
                    "no-event records correct",
                    f"{sum(o.full_correct for o in no_event)} of {len(no_event)}",
                ),
                ("texts rejected", len(self.rejected)),
            ],
        )
        triples = render_table(
            ("triples", "precision", "recall", "F1", "tp", "fp", "fn"),
            [
                (level, p.precision, p.recall, p.f1, p.tp, p.fp, p.fn)
                for level, p in (
                    ("full code", self.triples_full),
                    ("root code", self.triples_root),
                    ("actors only", self.pairs),
                )
            ],
        )
        categories = render_table(
            ("category", "records", "full", "root", "actors"), self.categories()
        )
        return "\n\n".join([summary, triples, categories])
