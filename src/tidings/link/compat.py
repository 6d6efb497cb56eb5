"""Whether two mentions can report the same real-world event, and how alike they are.

Hard constraints (all must hold): the same event family, compatible parties,
compatible places and overlapping time windows. The score that ranks candidate
events then adds party overlap, time closeness, place agreement and evidence
similarity. Every function here is pure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from tidings.link.records import LinkMention
from tidings.model import EventType, Status

__all__ = [
    "PROSPECTIVE",
    "SYMMETRIC",
    "Similarity",
    "compatible",
    "family",
    "pair_score",
    "parties_compatible",
    "places_compatible",
    "structure_score",
    "window",
    "word_overlap",
]

# Evidence similarity of two texts, in [0, 1].
Similarity = Callable[[str, str], float]

# Types whose parties act together: order-insensitive ("A met B" = "B met A").
SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE, EventType.AGREE})

# Statuses that look forward: an undated report of them may concern a later day.
PROSPECTIVE = frozenset({Status.PLANNED, Status.PROPOSED, Status.POSSIBLE})

# CAMEO 03x intent codes and the type of the event intended (036: intent to meet).
_INTENT = {
    "030": EventType.COOPERATE,
    "031": EventType.COOPERATE,
    "032": EventType.COOPERATE,
    "033": EventType.AID,
    "036": EventType.CONSULT,
    "039": EventType.CONSULT,
}

PROSPECTIVE_DAYS = 60  # how far ahead an undated proposal may look
HINDSIGHT_DAYS = 7  # how long before publication an undated report may look back
SLACK_DAYS = 2  # tolerance between two windows (time-zone and "yesterday" slips)

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and the of to in on at for with by from as is was were be been will would "
    "that this it its their his her they he she said says say has have had not no".split()
)


def family(mention: LinkMention) -> EventType:
    """The kind of real-world event a mention is about.

    A report coded as an intent (CAMEO 03x, PLOVER AGREE) belongs with the event
    intended: "agreed to meet" (036) is the same story as the meeting (CONSULT).
    """
    if mention.coded_as is EventType.AGREE and mention.cameo[:3] in _INTENT:
        return _INTENT[mention.cameo[:3]]
    return mention.event_type


def window(mention: LinkMention) -> tuple[dt.date, dt.date] | None:
    """The days the event may fall on; None when nothing dates it."""
    if mention.explicit_time and mention.date_from and mention.date_to:
        return mention.date_from, mention.date_to
    day = mention.published or mention.date_from
    if day is None:
        return None
    if mention.status in PROSPECTIVE:
        return day, day + dt.timedelta(days=PROSPECTIVE_DAYS)
    if mention.status in (Status.OCCURRED, Status.DENIED):
        return day - dt.timedelta(days=HINDSIGHT_DAYS), day
    return day - dt.timedelta(days=HINDSIGHT_DAYS), day + dt.timedelta(days=PROSPECTIVE_DAYS)


def _gap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> int:
    """Days between two windows (0 when they overlap or either is unknown)."""
    if a is None or b is None:
        return 0
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def parties_compatible(a: LinkMention, b: LinkMention) -> bool:
    """Whether the parties can be the same: sets for symmetric types, roles otherwise.

    For symmetric types one side's parties must be a subset of the other's, or
    the two must share at least half of their union. For directed types the
    actors must meet the actors and the recipients the recipients (a side left
    empty by the extractor matches anything), and something must be shared.
    """
    if family(a) in SYMMETRIC:
        p, q = a.parties, b.parties
        if not p or not q:
            return True
        shared = p & q
        return bool(shared) and (p <= q or q <= p or 2 * len(shared) >= len(p | q))
    actors = not a.actors or not b.actors or bool(a.actors & b.actors)
    recipients = not a.recipients or not b.recipients or bool(a.recipients & b.recipients)
    return actors and recipients and (not a.parties or not b.parties or bool(a.parties & b.parties))


def places_compatible(a: LinkMention, b: LinkMention) -> bool:
    """Same venue, or one unknown, or a venue in the other's country."""
    if a.place and b.place and a.place != b.place:
        return False
    return not (a.place_country and b.place_country and a.place_country != b.place_country)


def compatible(a: LinkMention, b: LinkMention) -> bool:
    """All hard constraints: family, parties, place and time window."""
    return (
        family(a) is family(b)
        and parties_compatible(a, b)
        and places_compatible(a, b)
        and _gap(window(a), window(b)) <= SLACK_DAYS
    )


def word_overlap(a: str, b: str) -> float:
    """Jaccard overlap of content words: the fallback evidence similarity."""
    x = {w for w in _WORD.findall(a.lower()) if w not in _STOP}
    y = {w for w in _WORD.findall(b.lower()) if w not in _STOP}
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)


def pair_score(a: LinkMention, b: LinkMention, similarity: Similarity = word_overlap) -> float:
    """How alike two compatible mentions are, in [0, 1]."""
    evidence = similarity(a.evidence, b.evidence) if a.evidence and b.evidence else 0.0
    return structure_score(a, b) + 0.3 * evidence


def structure_score(a: LinkMention, b: LinkMention) -> float:
    """The part of :func:`pair_score` without evidence similarity, in [0, 0.7]."""
    p, q = a.parties, b.parties
    parties = len(p & q) / len(p | q) if p and q else 0.5
    wa, wb = window(a), window(b)
    exact = a.explicit_time and b.explicit_time and wa == wb
    time = 1.0 if exact else (0.6 if _gap(wa, wb) == 0 else 0.3)
    if a.place and b.place:
        place = 1.0
    elif a.place_country and a.place_country == b.place_country:
        place = 0.7
    else:
        place = 0.4
    return 0.35 * parties + 0.2 * time + 0.15 * place
