"""The records of the actor knowledge base: dictionary entries and resolved actors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal, get_args

__all__ = ["KINDS", "ActorEntry", "Kind", "ResolvedActor", "is_dated"]

Kind = Literal[
    "country", "demonym", "capital", "metonym", "igo", "group", "person", "agent", "user", "block"
]
"""What an entry names.

``country``, ``demonym``, ``capital`` and ``metonym`` give a country (a capital or
metonym also a sector); ``igo`` an international organisation; ``group`` a non-state
actor (armed group, movement, party) with its home country and sector, on some dates
or always; ``person`` one dated role of a known person; ``agent`` a generic noun giving
a sector only; ``user`` an entry read from a user's dictionary; ``block`` a name that
is *not* an actor although it contains one ("New Mexico"), matched only to stop a
wrong shorter match.
"""

KINDS: Final[frozenset[str]] = frozenset(get_args(Kind))


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One way of naming an actor, valid from ``start`` (inclusive) to ``end`` (exclusive).

    Attributes:
        names: The name variants, as written (the first is the canonical one).
        country: ISO-3166 alpha-3 code, ``IGO``/``NGO`` for organisations, ``IMG``
            for transnational militant groups (CAMEO's code), a user dictionary's root
            code, or None for agent nouns.
        sector: CAMEO agent code (GOV, MIL, REB...), or None.
        kind: What the entry names; see :data:`Kind`.
        igo: Identifier of the organisation (``NATO``, ``UN``) for IGO actors.
        person: Canonical name of the person for ``person`` entries.
        role: The person's office on the entry's dates (``former ...`` when out of office).
        start: First day the entry applies; None means since ever.
        end: First day the entry no longer applies; None means still valid.
        also: Further countries or roots the name stands for at once (a compound
            actor in a TABARI dictionary, ``THE_SHIRE [FRO/BIL/SAM]``).
    """

    names: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: Kind
    igo: str | None = None
    person: str | None = None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    also: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.names:
            raise ValueError("an actor entry needs at least one name")
        if self.kind not in KINDS:
            raise ValueError(f"unknown entry kind {self.kind!r}; expected one of {sorted(KINDS)}")
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"entry {self.names[0]!r} ends ({self.end}) before it starts")

    def valid_on(self, on: dt.date) -> bool:
        """True when ``on`` lies in ``[start, end)``."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


def is_dated(entry: ActorEntry) -> bool:
    """True when the entry applies only from or until some date."""
    return entry.start is not None or entry.end is not None


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """A noun phrase resolved to codes.

    Attributes:
        country: ISO alpha-3 code, ``IGO``/``NGO``, a user code, or None.
        sector: CAMEO agent code, or None.
        name: The person's canonical name when the phrase names a known person.
        role: The person's office on the date.
        igo: The organisation's identifier for IGO/NGO actors.
        matched: Half-open range ``[start, end)`` of the phrase's words that were used.
        date_assumed: True when a dated entry (a person's role) was chosen without a
            date, so the latest known role was assumed.
        also: Further countries the phrase names at once (a compound actor).
    """

    country: str | None
    sector: str | None
    name: str | None
    role: str | None
    igo: str | None
    matched: tuple[int, int]
    date_assumed: bool = False
    also: tuple[str, ...] = ()
