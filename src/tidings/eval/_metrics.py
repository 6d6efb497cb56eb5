"""Counting helpers shared by the evaluations: precision/recall/F1 and plain-text tables."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence, Set
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["PRF", "prf_of_sets", "ratio", "render_table", "sum_prf", "unique_ids"]


_Item = TypeVar("_Item", bound=Hashable)


def ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, or 0.0 when there is nothing to divide by."""
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """True positive, false positive and false negative counts with their scores.

    Precision (recall) is 0.0 when nothing was predicted (expected), so an
    empty prediction never looks perfect.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        """Counts and rounded scores, for JSON output."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def prf_of_sets(gold: Set[_Item], predicted: Set[_Item]) -> PRF:
    """Compare one record's gold and predicted items as sets."""
    hits = len(gold & predicted)
    return PRF(hits, len(predicted) - hits, len(gold) - hits)


def sum_prf(parts: Iterable[PRF]) -> PRF:
    """Micro-average: add the counts of many records."""
    total = PRF()
    for part in parts:
        total = total + part
    return total


def unique_ids(ids: Iterable[str]) -> list[str]:
    """The ids with repeats made unique: the second ``X`` becomes ``X#2``, and so on.

    Gold files repeat an id now and then; predictions are keyed by id, so
    every record needs its own.
    """
    seen: dict[str, int] = {}
    unique = []
    for rid in ids:
        seen[rid] = seen.get(rid, 0) + 1
        unique.append(rid if seen[rid] == 1 else f"{rid}#{seen[rid]}")
    return unique


def render_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned.

    Floats are shown with three decimals.
    """
    cells = [list(headers)] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
