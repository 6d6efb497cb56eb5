"""Typed records that flow between tidings' stages.

Every record is a frozen, slotted dataclass; stages build new records with
:func:`dataclasses.replace` rather than mutating. Spans are character offsets
into :attr:`Article.text`, so any value can be shown as highlighted evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Attribution",
    "Entity",
    "EventMention",
    "EventType",
    "Granularity",
    "Place",
    "Sentence",
    "Span",
    "Status",
    "TimeRef",
    "Token",
]


class EventType(StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Status(StrEnum):
    """Whether, according to the text, an event happened."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    PROPOSED = "proposed"
    POSSIBLE = "possible"
    DENIED = "denied"
    CANCELLED = "cancelled"


class Granularity(StrEnum):
    """How precisely a time expression pins down a date."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """Return the slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as tidings received it."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the article's identity for idempotent storage."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed word, detached from the NLP library that produced it."""

    i: int
    text: str
    idx: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_type: str = ""
    ent_iob: str = ""

    @property
    def span(self) -> Span:
        return Span(self.idx, self.idx + len(self.text))

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its character span and its token range ``[start, end)``."""

    index: int
    span: Span
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by the NLP model; ``start``/``end`` are token indices."""

    label: str
    span: Span
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with its linguistic analysis."""

    article: Article
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    _children: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        children: list[list[int]] = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head != token.i:
                children[token.head].append(token.i)
        object.__setattr__(self, "_children", tuple(tuple(c) for c in children))

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.start : sentence.end]

    def head(self, token: Token) -> Token | None:
        """The syntactic head of ``token``, or None at a sentence root."""
        return None if token.head == token.i else self.tokens[token.head]

    def children(self, token: Token) -> tuple[Token, ...]:
        """Tokens whose syntactic head is ``token``, in text order."""
        return tuple(self.tokens[i] for i in self._children[token.i])

    def subtree(self, token: Token) -> tuple[Token, ...]:
        """``token`` and all its syntactic descendants, in text order."""
        members = [token.i]
        stack = [token.i]
        while stack:
            for child in self._children[stack.pop()]:
                members.append(child)
                stack.append(child)
        return tuple(self.tokens[i] for i in sorted(members))


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does (or receives) an action, resolved to codes.

    ``country`` is an ISO-3166 alpha-3 code (or ``IGO`` / a user dictionary's
    code), ``sector`` a CAMEO-style agent code such as GOV, MIL, REB, OPP, CVL.
    ``name`` and ``role`` are set when the actor is a known person.
    """

    text: str
    span: Span | None
    country: str | None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    igo: str | None = None

    @property
    def code(self) -> str:
        """The combined code, e.g. ``RUSGOV``; empty when unresolved."""
        return (self.country or "") + (self.sector or "")


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place name."""

    name: str
    span: Span | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str = "city"  # city | country | region


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression resolved against the publication date.

    ``value`` uses ISO-8601 prefixes: ``2025-09-03`` (day), ``2025-09`` (month),
    ``2025-W36`` (week), ``2025`` (year). When no publication date is known a
    relative expression cannot be resolved: ``resolved`` is False and the
    unknown parts are written as ``X`` (``XXXX-09``), never guessed.
    """

    text: str
    span: Span | None
    value: str
    granularity: Granularity
    resolved: bool = True


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts an event, and through which outlet."""

    source: Actor | None = None
    source_text: str | None = None
    source_span: Span | None = None
    outlet: str | None = None
    outlet_span: Span | None = None
    cue: str | None = None  # the reporting word: "said", "reports", "according to"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article reports it, with its evidence.

    ``event_type`` is what the real-world event is (a meeting is CONSULT whether
    it happened or is only proposed). ``cameo`` codes the report itself, so a
    proposed meeting is CAMEO 036 "express intent to meet", and ``coded_as`` is
    the PLOVER type of that code (AGREE, as PLOVER's manual codes references to
    future meetings). Following PLOVER, ``actors`` and ``recipients`` are lists:
    compound actors ("the United States and France") and reciprocal events (a
    meeting between two leaders, all of them actors, no recipient) keep one
    record.
    """

    event_type: EventType
    coded_as: EventType
    cameo: str
    status: Status
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    evidence: tuple[Span, ...]
    trigger: Span
    confidence: float
    mode: str | None = None
    context: tuple[str, ...] = ()
    place: Place | None = None
    time: TimeRef | None = None
    attribution: Attribution | None = None
    sentences: tuple[int, ...] = field(default=())
