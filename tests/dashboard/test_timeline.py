"""The status timeline's layout: one point per report, in order, labels never crowded."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tidings.model import Status
from tidings.store.event_queries import TimelineStep
from tidings.web.timeline import layout_timeline


def _step(status: Status, day: int | None, mention: int) -> TimelineStep:
    return TimelineStep(
        reported=dt.date(2025, 8, day) if day else None,
        status=status,
        current=status,
        change=True,
        outlet="example.org",
        article_id=mention,
        mention_id=mention,
        title=None,
        url=None,
        spans=(),
    )


def test_reports_are_spread_evenly_in_order_and_denials_flagged() -> None:
    steps = [
        _step(Status.PROPOSED, 20, 1),
        _step(Status.PLANNED, 27, 2),
        _step(Status.DENIED, 28, 3),
        _step(Status.OCCURRED, None, 4),
    ]
    drawing = layout_timeline(steps, width=760, margin=70)
    xs = [p.x for p in drawing.points]
    assert xs[0] == 70 and xs[-1] == 690
    gaps = {round(b - a, 6) for a, b in itertools.pairwise(xs)}
    assert len(gaps) == 1
    assert [p.step for p in drawing.points] == steps
    assert [p.denial for p in drawing.points] == [False, False, True, False]
    assert [p.label for p in drawing.points] == [
        "2025-08-20",
        "2025-08-27",
        "2025-08-28",
        "undated",
    ]
    assert drawing.x_start < xs[0] and drawing.x_end > xs[-1]


def test_a_single_report_sits_in_the_middle() -> None:
    drawing = layout_timeline([_step(Status.PROPOSED, 1, 1)], width=600, margin=50)
    assert [p.x for p in drawing.points] == [300]


@pytest.mark.parametrize("count", [2, 7, 40])
def test_long_timelines_widen_instead_of_crowding(count: int) -> None:
    steps = [_step(Status.OCCURRED, 1 + i % 28, i) for i in range(count)]
    drawing = layout_timeline(steps, width=760, margin=70, spacing=120)
    xs = [p.x for p in drawing.points]
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 120
    assert drawing.width >= 760 and xs[-1] <= drawing.width - 70
    assert drawing.wide == (drawing.width > 760) == (count > 6)
