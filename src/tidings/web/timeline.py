"""An event's status timeline laid out for drawing as SVG: one point per report.

Pure layout: the template draws what :func:`layout_timeline` returns. Reports are
spaced evenly in report order (several can share a day, and a long quiet gap
says little), each labelled with its date, outlet and the status it asserts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tidings.store.event_queries import TimelineStep

__all__ = ["TimelineDrawing", "TimelinePoint", "layout_timeline"]


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One report on the drawn timeline.

    Attributes:
        x: Horizontal position of the report's dot.
        step: The report.
        denial: Whether the report denies the event (flagged on the drawing).
    """

    x: float
    step: TimelineStep
    denial: bool

    @property
    def label(self) -> str:
        """The date, or ``undated``."""
        return self.step.reported.isoformat() if self.step.reported else "undated"


@dataclass(frozen=True, slots=True)
class TimelineDrawing:
    """What the template draws: the canvas size, the axis and the points.

    ``wide`` says the drawing grew past the width asked for (to keep reports apart):
    the page scrolls it rather than shrinking it.
    """

    width: int
    height: int
    axis_y: int
    x_start: float
    x_end: float
    points: tuple[TimelinePoint, ...]
    wide: bool = False


def layout_timeline(
    steps: Sequence[TimelineStep],
    *,
    width: int = 760,
    margin: int = 70,
    height: int = 130,
    spacing: int = 120,
) -> TimelineDrawing:
    """Place each report of ``steps`` (in timeline order) along a horizontal axis.

    One report sits in the middle; several are spread evenly from ``margin`` to
    ``width - margin``. Reports stay at least ``spacing`` apart so their labels never
    overlap: a long timeline gets a wider drawing (the page scrolls it sideways).
    """
    asked = width
    width = max(width, 2 * margin + spacing * (len(steps) - 1))
    usable = width - 2 * margin
    count = len(steps)
    points = tuple(
        TimelinePoint(
            x=margin + (usable * i / (count - 1) if count > 1 else usable / 2),
            step=step,
            denial=step.status.value == "denied",
        )
        for i, step in enumerate(steps)
    )
    return TimelineDrawing(
        width=width,
        height=height,
        axis_y=height // 2,
        x_start=margin / 2,
        x_end=width - margin / 2,
        points=points,
        wide=width > asked,
    )
