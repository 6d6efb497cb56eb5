"""Per-sentence event candidates: one event word with everything read around it."""

from __future__ import annotations

from dataclasses import dataclass

from tidings.extract.status import StatusReading
from tidings.model import Actor, Attribution, EventType, Place, Span, TimeRef, Token

__all__ = ["Candidate"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event word before merging: its base CAMEO code and what the sentence says."""

    trigger: Token
    event_type: EventType
    base_code: str
    reading: StatusReading
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    reciprocal: bool
    place: Place | None
    time: TimeRef | None
    attribution: Attribution | None
    evidence: Span
    anaphoric: bool = False
    fixed_code: bool = False  # a user dictionary's code: not recoded by status
    main_clause: bool = False  # the event word (or its frame) heads the sentence or its report
    demonstrative: bool = False  # "such a meeting", "this dialogue"
    typed: float | None = None  # no event word: the sentence typer's probability for the type
