"""Who an event's parties are when the text does not name them outright.

Pure functions over actors already resolved: conventions of event coders (CAMEO's
domestic targets, unidentified armed forces, PETRARCH's agents without a country) and
the phrases that name an actor without a code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tidings.extract.actors import is_resolved
from tidings.extract.syntax import phrase, phrase_span
from tidings.model import Actor, Analysis, EventType, Place, Token

__all__ = [
    "at_home",
    "host",
    "internal_target",
    "new_parties",
    "owned_by_actor",
    "petrarch_coded",
    "pronoun_for",
    "unidentified",
    "unlisted",
]

_OWN = frozenset({"its", "their", "his", "her"})
_OWN_AND_PERSONAL = _OWN | {"it", "they", "he", "she", "itself", "themselves"}


def unlisted(analysis: Analysis, heads: Sequence[Token]) -> tuple[Actor, ...]:
    """Named actors the knowledge base does not list, kept by name without a code:
    a person ("Ousted president Jean-Bertrand Aristide") or a group named by its
    people, faith or organisation ("Ibo traditional elders", "Muslim hackers")."""
    found = []
    for head in heads:
        tokens = phrase(analysis, head)
        named = head.ent_type in ("PERSON", "ORG") or any(
            t.ent_type == "NORP" and t.head == head.i for t in tokens
        )
        if named and head.pos in ("PROPN", "NOUN"):
            span = phrase_span(tokens)
            found.append(Actor(text=span.of(analysis.article.text), span=span, country=None))
    return tuple(found)


def pronoun_for(actor: Actor, own: set[tuple[str | None, str | None, str | None]]) -> bool:
    """The actor is a pronoun standing for one of ``own`` ("strengthened its forces")."""
    return actor.text.lower() in _OWN_AND_PERSONAL and (actor.country, actor.igo, actor.name) in own


def owned_by_actor(analysis: Analysis, heads: Sequence[Token]) -> bool:
    """ "its troops", "their peacekeeping force": a phrase owned by a possessive pronoun."""
    return any(
        c.dep == "poss" and c.pos == "PRON" and c.lower in _OWN
        for h in heads
        for c in analysis.children(h)
    )


def petrarch_coded(actor: Actor) -> bool:
    """PETRARCH codes an actor with a country or only a sector (``---GOV``)."""
    return is_resolved(actor) or actor.sector is not None


def new_parties(recipients: Sequence[Actor], actors: Sequence[Actor]) -> bool:
    """Some recipient is resolved and is not one of the actors ("his visit")."""
    codes = {a.code for a in actors}
    return any(is_resolved(r) and r.code not in codes for r in recipients)


def unidentified(token: Token, place: Place | None, victims: Sequence[Actor]) -> tuple[Actor, ...]:
    """ "A roadside bomb killed three soldiers near Samarra": violence with victims or a
    place but no named perpetrator is coded, as CAMEO does, to unidentified armed forces
    (UAF) of the country where it happened (or of the victims)."""
    country = place.country if place is not None else None
    country = country or next((v.country for v in victims if is_resolved(v) and v.country), None)
    if country is None:
        return ()
    return (Actor(text="unidentified attackers", span=None, country=country, sector="UAF"),)


def at_home(actors: Sequence[Actor], country: str) -> tuple[Actor, ...]:
    """Agents of no known country (and no organisation) placed in ``country``."""
    return tuple(
        replace(a, country=country) if a.country is None and a.igo is None and a.sector else a
        for a in actors
    )


def internal_target(
    event_type: EventType, place: Place | None, actors: Sequence[Actor]
) -> tuple[Actor, ...]:
    """ "Demonstrators in Baghdad rioted", "police confiscated weapons", "the union called
    off its strike", "bombers killed 23 people in Tel Aviv": an act with no named target
    is aimed at the country where it happens (the place's, else the actor's own), as
    CAMEO coders code it."""
    sector = "GOV" if event_type is EventType.PROTEST else None  # protests address rulers
    if place is not None and place.country:
        return (Actor(text=place.name, span=place.span, country=place.country, sector=sector),)
    if event_type is EventType.ASSAULT:
        return ()  # armed forces often strike abroad: only a place says whose country
    homes = {a.country for a in actors if a.country and a.igo is None}
    if len(homes) != 1:
        return ()
    (home,) = homes
    first = next(a for a in actors if a.country == home)
    return (Actor(text=first.text, span=first.span, country=home, sector=sector),)


def host(place: Place, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """The country of the destination, unless it is the actor's own."""
    if place.country is None or any(a.country == place.country for a in actors):
        return ()
    return (Actor(text=place.name, span=place.span, country=place.country),)
