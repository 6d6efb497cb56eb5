"""Resolve a noun phrase into a coded actor with the knowledge base.

The rules, in order:

1. A known person wins: country and sector come from the person's role on the date
   ("former" in the phrase, with no date, picks the person's latest past role).
   A person who only modifies the head ("Putin's spokesman", "Trump administration")
   gives just a country.
2. Otherwise a place or organisation (country name, demonym, capital, metonym, IGO)
   is combined with the sector of the phrase's agent noun ("Hungarian officials" →
   HUN GOV). A generic GOV noun ("officials", "spokesman") does not override a more
   specific sector ("Pentagon officials" → USA MIL, "army spokesman" → MIL).
3. Otherwise an agent noun alone gives a sector with no country.

"former"/"ex-" turns the sector into ELI (former elites, CAMEO's convention).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.actors.entry import ActorEntry, ResolvedActor, is_dated
from tidings.actors.persons import ELITE
from tidings.actors.text import fold

if TYPE_CHECKING:
    from tidings.actors.kb import ActorKB

__all__ = ["resolve_phrase"]

_FORMER = frozenset({"former", "ex", "erstwhile"})
# "pro-Russian rebels", "U.S.-backed forces": the country is not the actor's.
_NOT_OWN_BEFORE = frozenset({"pro", "anti"})
_NOT_OWN_AFTER = frozenset({"made", "run", "held", "built", "born"})
_POSSESSIVE = frozenset({"'s", "'"})
_GOV = "GOV"


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    entry: ActorEntry


def _scan(kb: ActorKB, words: Sequence[str], on: dt.date | None) -> list[_Found]:
    """Greedy left-to-right longest matches over the phrase."""
    found, i = [], 0
    while i < len(words):
        hit = kb.match(words, i, on)
        if hit is None:
            i += 1
            continue
        size, entry = hit
        found.append(_Found(i, i + size, entry))
        i += size
    return found


def _is_place(entry: ActorEntry) -> bool:
    return entry.kind != "agent" and (entry.country is not None or entry.igo is not None)


def _is_agent(entry: ActorEntry) -> bool:
    return entry.country is None and entry.igo is None and entry.sector is not None


def _own_country(words: Sequence[str], found: _Found) -> bool:
    """False for "pro-Russian" and "Russian-backed": the country modifies something else."""
    before = [fold(w) for w in words[max(0, found.start - 2) : found.start]]
    after = [fold(w) for w in words[found.end : found.end + 2]]
    if len(before) == 2 and before[1] == "-" and before[0] in _NOT_OWN_BEFORE:
        return False
    if len(after) == 2 and after[0] == "-":
        return not (after[1].endswith("ed") or after[1] in _NOT_OWN_AFTER)
    return True


def _modifies(words: Sequence[str], found: list[_Found], hit: _Found) -> bool:
    """True when a match only modifies what follows: "Putin 's aide", "Trump administration"."""
    if hit.end < len(words) and fold(words[hit.end]) in _POSSESSIVE:
        return True
    return any(f.start == hit.end and f.entry.kind == "agent" for f in found)


def _has_former(words: Sequence[str]) -> bool:
    return any(fold(w) in _FORMER or fold(w).startswith("ex-") for w in words)


def _person(kb: ActorKB, found: _Found, on: dt.date | None, former: bool) -> ResolvedActor:
    entry = found.entry
    if on is None and former and entry.sector != ELITE:
        past = [e for e in kb.person_entries(entry.person or "") if e.sector == ELITE]
        if past:
            entry = max(past, key=lambda e: e.start or dt.date.min)
    return ResolvedActor(
        country=entry.country,
        sector=entry.sector,
        name=entry.person,
        role=entry.role,
        igo=entry.igo,
        matched=(found.start, found.end),
        date_assumed=on is None and is_dated(entry),
    )


def _head_agent(agents: list[_Found]) -> tuple[_Found, str | None]:
    """The phrase's agent (its last agent noun) and the sector it gives."""
    head = agents[-1]
    sector = head.entry.sector
    if sector == _GOV:
        specific = [a for a in agents[:-1] if a.entry.sector != _GOV]
        if specific:
            return head, specific[-1].entry.sector
    return head, sector


def _nearest(places: list[_Found], anchor: _Found) -> _Found:
    def distance(p: _Found) -> tuple[int, int]:
        gap = anchor.start - p.end if p.end <= anchor.start else p.start - anchor.end
        return gap, 0 if p.end <= anchor.start else 1

    return min(places, key=distance)


def _combine(place: _Found | None, agent_sector: str | None) -> str | None:
    if place is None:
        return agent_sector
    # A person used as a modifier lends a country, not the person's own sector.
    own = place.entry.sector if place.entry.kind != "person" else None
    if agent_sector is None or (agent_sector == _GOV and (own or place.entry.igo)):
        return own
    return agent_sector


def resolve_phrase(kb: ActorKB, words: Sequence[str], on: dt.date | None) -> ResolvedActor | None:
    """Resolve the words of a noun phrase into a :class:`ResolvedActor`, or None.

    Underscores join words as in the dictionaries ("Dol_Amroth" is "Dol Amroth").
    """
    words = [part for word in words for part in word.split("_") if part] or list(words)
    found = _scan(kb, words, on)
    former = _has_former(words)
    for hit in found:
        if hit.entry.kind == "person" and not _modifies(words, found, hit):
            return _person(kb, hit, on, former)
    places = [f for f in found if _is_place(f.entry) and _own_country(words, f)]
    agents = [f for f in found if _is_agent(f.entry)]
    if not places and not agents:
        return None
    agent, agent_sector = _head_agent(agents) if agents else (None, None)
    place = None
    if places:
        place = _nearest(places, agent) if agent else places[0]
    sector = _combine(place, agent_sector)
    if former and sector is not None:
        sector = ELITE
    used = [f for f in (place, agent) if f is not None]
    dated = [f.entry for f in used if is_dated(f.entry)]
    return ResolvedActor(
        country=place.entry.country if place else None,
        sector=sector,
        name=None,
        role=None,
        igo=place.entry.igo if place else None,
        matched=(min(f.start for f in used), max(f.end for f in used)),
        date_assumed=on is None and bool(dated),
        also=place.entry.also if place else (),
    )
