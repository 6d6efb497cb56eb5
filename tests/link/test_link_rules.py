"""Pure linking functions over hand-made mentions: compatibility, clusters, status, sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tidings.link import (
    Linker,
    LinkMention,
    SourceRef,
    compatible,
    family,
    independent_sources,
    link,
    timeline,
)
from tidings.model import EventType, Status

D = dt.date
SEPT_3 = D(2025, 9, 3)


def mention(
    mention_id: int,
    *,
    event_type: EventType = EventType.CONSULT,
    coded_as: EventType | None = None,
    cameo: str = "040",
    status: Status = Status.OCCURRED,
    actors: tuple[str, ...] = ("RUS", "UKR"),
    recipients: tuple[str, ...] = (),
    place: str | None = "istanbul",
    day: dt.date | None = SEPT_3,
    published: dt.date = SEPT_3,
    outlet: str | None = None,
    evidence: str = "Russian and Ukrainian delegations met in Istanbul.",
) -> LinkMention:
    return LinkMention(
        mention_id=mention_id,
        article_id=mention_id,
        event_type=event_type,
        coded_as=coded_as or event_type,
        cameo=cameo,
        status=status,
        actors=frozenset(actors),
        recipients=frozenset(recipients),
        place=place,
        place_country=None,
        date_from=day,
        date_to=day,
        explicit_time=day is not None,
        published=published,
        outlet=outlet or f"outlet{mention_id}.com",
        evidence=evidence,
    )


PROPOSAL = mention(
    1,
    coded_as=EventType.AGREE,
    cameo="036",
    status=Status.PROPOSED,
    day=None,
    published=D(2025, 8, 20),
    evidence="Russia and Ukraine agreed to hold talks in Istanbul.",
)


def test_intent_to_meet_is_the_meeting_story() -> None:
    assert family(PROPOSAL) is EventType.CONSULT
    assert compatible(PROPOSAL, mention(2))


def test_symmetric_parties_are_order_insensitive_but_directed_are_not() -> None:
    assert compatible(mention(1, actors=("UKR",), recipients=("RUS",)), mention(2))
    strike = {"event_type": EventType.ASSAULT, "cameo": "195", "place": "kharkiv"}
    a = mention(1, actors=("RUS",), recipients=("UKR",), **strike)  # type: ignore[arg-type]
    b = mention(2, actors=("UKR",), recipients=("RUS",), **strike)  # type: ignore[arg-type]
    assert not compatible(a, b)


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({"event_type": EventType.ASSAULT}, False),
        ({"place": "geneva"}, False),
        ({"day": D(2025, 11, 12), "published": D(2025, 11, 12)}, False),
        ({"actors": ("USA", "CHN")}, False),
        ({"actors": ("RUS",)}, True),  # a subset of the parties
        ({"place": None}, True),
        ({"day": D(2025, 9, 4), "published": D(2025, 9, 4)}, True),  # within the slack
    ],
)
def test_hard_constraints(change: dict[str, object], same: bool) -> None:
    assert compatible(mention(1), mention(2, **change)) is same  # type: ignore[arg-type]


def test_linking_merges_one_story_and_keeps_distractors_apart() -> None:
    reports = [
        PROPOSAL,
        mention(2),
        mention(3, place="geneva", day=D(2025, 11, 20), published=D(2025, 11, 1)),
        mention(4, event_type=EventType.ASSAULT, cameo="195", place="kharkiv"),
        mention(5, outlet="outlet2.com"),
    ]
    events = link(reports)
    assert [[m.mention_id for m in e] for e in events] == [[1, 2, 5], [3], [4]]


def test_linking_is_deterministic_and_incremental_equals_batch() -> None:
    reports = [PROPOSAL, *(mention(i) for i in range(2, 8))]
    assert link(reports) == link(list(reports))
    linker = Linker()
    for report in reports[:3]:
        linker.add(report)
    again = Linker()
    again.seed(1, linker.clusters[1].members)
    for report in reports[3:]:
        again.add(report)
    assert [m.mention_id for m in again.clusters[1].members] == [
        m.mention_id for m in link(reports)[0]
    ]


def step_statuses(*statuses: Status) -> tuple[Status, bool]:
    members = [
        mention(i, status=s, published=D(2025, 8, 1) + dt.timedelta(days=i))
        for i, s in enumerate(statuses, start=1)
    ]
    line = timeline(list(reversed(members)))  # any order in: sorted by report date
    assert [s.mention_id for s in line.steps] == list(range(1, len(statuses) + 1))
    return line.status, line.disputed


@pytest.mark.parametrize(
    ("statuses", "current", "disputed"),
    [
        ((Status.PROPOSED, Status.PLANNED), Status.PLANNED, False),
        ((Status.PLANNED, Status.PROPOSED), Status.PLANNED, False),
        ((Status.PROPOSED, Status.PLANNED, Status.OCCURRED), Status.OCCURRED, False),
        ((Status.OCCURRED, Status.DENIED), Status.OCCURRED, True),
        ((Status.PROPOSED, Status.DENIED), Status.DENIED, True),
        ((Status.PLANNED, Status.CANCELLED, Status.PROPOSED), Status.CANCELLED, False),
        ((Status.PLANNED, Status.CANCELLED, Status.PLANNED), Status.PLANNED, False),
        ((Status.ONGOING, Status.PLANNED), Status.ONGOING, False),
        ((Status.OCCURRED, Status.CANCELLED), Status.OCCURRED, False),
    ],
)
def test_status_rules(statuses: tuple[Status, ...], current: Status, disputed: bool) -> None:
    assert step_statuses(*statuses) == (current, disputed)


def test_timeline_marks_changes() -> None:
    members = [replace(PROPOSAL, outlet="ndtv.com"), mention(2), mention(3)]
    steps = timeline(members).steps
    assert [s.change for s in steps] == [True, True, False]
    assert steps[0].outlet == "ndtv.com" and steps[0].reported == D(2025, 8, 20)


def test_independent_sources_count_copies_and_outlets_once() -> None:
    refs = [
        SourceRef(1, "reuters.com"),
        SourceRef(2, "Reuters.com"),  # same outlet
        SourceRef(3, "yahoo.com", duplicate_of=1),  # syndicated copy
        SourceRef(4, "ndtv.com"),
        SourceRef(5, None),
    ]
    assert independent_sources(refs) == 3
    assert independent_sources([]) == 0
