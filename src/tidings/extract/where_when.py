"""Where and when an event happens: the venue and the time attached to the event word.

A place or time counts only when it hangs off the path from the event word to
the top of its clause (or names the event: "the Beijing summit"), so "the war in
Ukraine" inside an object, "U.S." inside an actor's title, or "said on Tuesday"
on the reporting verb do not date or place the event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tidings.extract.places import Gazetteer
from tidings.extract.status import StatusReading
from tidings.extract.syntax import ancestors
from tidings.model import Actor, Analysis, Granularity, Place, Sentence, Span, TimeRef, Token

__all__ = ["event_time", "scope", "venue"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VENUE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_EVENT_FRAME_PREPS = frozenset({"during", "at", "on", "ahead", "before", "after"})


def scope(analysis: Analysis, top: Token) -> Span:
    """The character span of ``top``'s subtree."""
    subtree = analysis.subtree(top)
    return Span(subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))


def inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def venue(
    analysis: Analysis,
    gazetteer: Gazetteer,
    trigger: Token,
    reading: StatusReading,
    parties: Sequence[Actor],
    role_heads: frozenset[int],
) -> Place | None:
    """Where the event happens: a place in a locative phrase or naming the event.

    A place that names an actor ("U.S. President", "the Kremlin") is the actor's
    home, not the venue; a city compounded with the event noun ("the Beijing
    summit") is the venue even though it may also name a government.
    """
    outer = scope(analysis, reading.frame or trigger)
    taken = [a.span for a in parties if a.span is not None]
    near = next((a.country for a in parties if a.country), None)
    points = _anchors(analysis, trigger, outer)
    if trigger.pos == "NOUN":
        # "talks between X and Y in Osaka": the parser hangs the place on a party.
        points |= role_heads
    for entity in analysis.entities:
        if entity.label not in _PLACE_LABELS or not inside(entity.span, outer):
            continue
        last = analysis.tokens[entity.end - 1]
        head = analysis.head(last)
        if head is None or _attachment(analysis, last) not in points:
            continue
        names_event = last.dep == "compound" and head.i == trigger.i
        if any(entity.span.overlaps(s) for s in taken) and not names_event:
            continue
        in_pp = last.dep == "pobj" and head.lower in _VENUE_PREPS
        if in_pp or names_event or (last.dep == "compound" and head.pos == "NOUN"):
            place = gazetteer.lookup(entity.text, entity.span, near=near)
            if place is not None and (place.feature != "country" or not names_event):
                return place
    return None


def event_time(
    analysis: Analysis,
    sentence: Sentence,
    trigger: Token,
    reading: StatusReading,
    times: Sequence[TimeRef],
) -> TimeRef | None:
    """The time of the event itself, not of the statement about it.

    In "Japan offered on Tuesday to host talks next month" the talks are next
    month; Tuesday dates the offer.
    """
    own = scope(analysis, trigger)
    frame = reading.frame if reading.frame is not trigger else None
    if frame is not None:
        points = _anchors(analysis, trigger, scope(analysis, frame)) - {frame.i}
    else:
        points = _anchors(analysis, trigger, own)
    published = analysis.article.published
    for time in times:
        if time.span is None:
            continue
        root = _span_root(analysis, sentence, time.span)
        if root is None:
            continue
        attached = _attachment(analysis, root)
        if attached in points or inside(time.span, own):
            return time
        # An offer or plan is made now; a future date on it is the event's date.
        if frame is not None and attached == frame.i and _is_after(time, published):
            return time
    return None


def _anchors(analysis: Analysis, trigger: Token, outer: Span) -> set[int]:
    """Tokens a venue or time may attach to: the path from the trigger up to the
    top of ``outer``, and event nouns in phrases on that path ("during the summit")."""
    path = [trigger, *(t for t in ancestors(analysis, trigger) if inside(t.span, outer))]
    points = {t.i for t in path}
    for token in path:
        for child in analysis.children(token):
            if child.dep == "prep" and child.lower in _EVENT_FRAME_PREPS:
                points.update(g.i for g in analysis.children(child) if g.dep == "pobj")
    return points


def _attachment(analysis: Analysis, token: Token) -> int:
    """The word a phrase modifies: the head of its preposition, or its own head."""
    head = analysis.head(token)
    if head is None:
        return token.i
    if token.dep == "pobj" and head.dep == "prep":
        grand = analysis.head(head)
        return grand.i if grand is not None else head.i
    return head.i


def _is_after(time: TimeRef, published: dt.date | None) -> bool:
    """True when a resolved time lies after the publication date."""
    if published is None or not time.resolved:
        return False
    if time.granularity is Granularity.WEEK:
        year, week, _ = published.isocalendar()
        return time.value > f"{year}-W{week:02d}"
    return time.value > published.isoformat()[: len(time.value)]


def _span_root(analysis: Analysis, sentence: Sentence, span: Span) -> Token | None:
    """The token of ``span`` whose head lies outside it."""
    tokens = [t for t in analysis.sentence_tokens(sentence) if inside(t.span, span)]
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head not in ids or t.head == t.i), None)
