"""An event's status timeline and its current status (rules in docs/linking.md).

Reports are read in the order they were published. The current status follows:

1. ``occurred`` is final: once a report says the event happened, later
   prospective reports do not undo it; a later denial is kept on the timeline and
   marks the event *disputed*.
2. ``ongoing`` holds until a report says it occurred.
3. ``cancelled`` replaces any prospective status; only a later ``planned``,
   ``ongoing`` or ``occurred`` report (a rescheduling or the event itself)
   replaces it.
4. ``denied`` (a party says it is not so) is shown as the current status when it
   is the latest word and nothing has occurred; it always marks the event
   disputed. A later ``planned`` report replaces it, as for a cancellation.
5. Among prospective statuses a stronger one supersedes a weaker one
   (``planned`` > ``proposed`` > ``possible``) and a weaker later report does not
   downgrade the event: a later confirmation supersedes a proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tidings.link.records import LinkMention, SourceRef
from tidings.model import Status

__all__ = ["Step", "Timeline", "independent_sources", "timeline"]

_RANK = {Status.POSSIBLE: 1, Status.PROPOSED: 2, Status.PLANNED: 3}


@dataclass(frozen=True, slots=True)
class Step:
    """One report on the timeline.

    Attributes:
        mention_id: The mention behind the step.
        article_id: The article it came from.
        reported: The article's publication date.
        outlet: The article's outlet.
        status: What the report says.
        current: The event's status after this report.
        change: Whether this report changed the current status.
    """

    mention_id: int
    article_id: int
    reported: dt.date | None
    outlet: str | None
    status: Status
    current: Status
    change: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every report in order, the resulting status, and whether it is disputed."""

    steps: tuple[Step, ...]
    status: Status
    disputed: bool


def _next(state: Status | None, reported: Status) -> Status:
    if state is Status.OCCURRED:
        return state
    if reported in (Status.OCCURRED, Status.ONGOING):
        return reported
    if state is Status.ONGOING:
        return state
    if reported in (Status.CANCELLED, Status.DENIED):
        return reported
    if state in (Status.CANCELLED, Status.DENIED):
        return Status.PLANNED if reported is Status.PLANNED else state
    if state is None or _RANK[reported] >= _RANK[state]:
        return reported
    return state


def _order(mention: LinkMention) -> tuple[dt.date, int, int]:
    return (mention.published or dt.date.min, mention.article_id, mention.mention_id)


def timeline(members: Sequence[LinkMention]) -> Timeline:
    """The status timeline of an event's members (any order; sorted by report date)."""
    state: Status | None = None
    disputed = False
    steps: list[Step] = []
    for mention in sorted(members, key=_order):
        after = _next(state, mention.status)
        disputed = disputed or mention.status is Status.DENIED
        steps.append(
            Step(
                mention.mention_id,
                mention.article_id,
                mention.published,
                mention.outlet,
                mention.status,
                after,
                after is not state,
            )
        )
        state = after
    if state is None:
        raise ValueError("an event needs at least one mention")
    return Timeline(tuple(steps), state, disputed)


def independent_sources(refs: Sequence[SourceRef]) -> int:
    """How many independent sources: near-duplicate copies and one outlet count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for ref in refs:
        node = f"a{ref.article_id}"
        find(node)
        if ref.duplicate_of is not None:
            union(node, f"a{ref.duplicate_of}")
        if ref.outlet:
            union(node, "o" + ref.outlet.lower().removeprefix("www."))
    return len({find(f"a{ref.article_id}") for ref in refs})
