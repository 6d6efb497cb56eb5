"""The typed records linking works on: a mention as the linker sees it, and its sources.

A :class:`LinkMention` is built from a stored mention (or by hand in tests); it keeps
only what linking compares: the event family, the parties as codes, the place, the
days the event may fall on, the report's date and outlet, and the evidence text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tidings.model import EventType, Status

__all__ = ["LinkMention", "SourceRef"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a mention was reported: for counting independent sources.

    Attributes:
        article_id: The article's store id.
        outlet: The publishing outlet, if known.
        duplicate_of: The original this article is a near-duplicate copy of.
    """

    article_id: int
    outlet: str | None = None
    duplicate_of: int | None = None


@dataclass(frozen=True, slots=True)
class LinkMention:
    """One stored event mention, reduced to what linking compares.

    Attributes:
        mention_id: The mention's store id (unique; also the tie-breaker).
        article_id: The article it came from.
        event_type: What the real-world event is.
        coded_as: The PLOVER type of the report's CAMEO code.
        cameo: The report's CAMEO code (03x: an intent, e.g. 036 intent to meet).
        status: What the report says about whether it happened.
        actors: Party keys of the actors (IGO, else country, else name).
        recipients: Party keys of the recipients.
        place: The venue's name, lower-cased.
        place_country: The venue's country code.
        date_from: First day the event may fall on (None: unknown).
        date_to: Last day the event may fall on.
        explicit_time: Whether the days come from a time expression rather than
            the publication date.
        published: The article's publication date.
        outlet: The article's outlet.
        duplicate_of: The original article, when the article is a near-duplicate.
        evidence: The evidence sentences' text.
    """

    mention_id: int
    article_id: int
    event_type: EventType
    coded_as: EventType
    cameo: str
    status: Status
    actors: frozenset[str]
    recipients: frozenset[str] = frozenset()
    place: str | None = None
    place_country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    explicit_time: bool = False
    published: dt.date | None = None
    outlet: str | None = None
    duplicate_of: int | None = None
    evidence: str = ""

    @property
    def parties(self) -> frozenset[str]:
        """Actors and recipients together."""
        return self.actors | self.recipients

    @property
    def source(self) -> SourceRef:
        return SourceRef(self.article_id, self.outlet, self.duplicate_of)
