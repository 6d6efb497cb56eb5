"""The actor knowledge base: who is who in political news.

Countries (names, demonyms, capitals, seats of government), international
organisations, office holders with dated roles and generic agent nouns, coded as
ISO-3166 alpha-3 country plus CAMEO sector (``RUS`` + ``GOV``), as CAMEO, PETRARCH
and PLOVER do. Users can add entries from TABARI/PETRARCH dictionaries
(:mod:`tidings.actors.tabari`).

>>> kb = load_default_kb()
>>> kb.resolve(["Hungarian", "officials"]).country
'HUN'
"""

from __future__ import annotations

from tidings.actors.data import load_default_kb
from tidings.actors.entry import ActorEntry, Kind, ResolvedActor
from tidings.actors.kb import ActorKB
from tidings.actors.tabari import read_actor_dictionary, read_agent_dictionary

__all__ = [
    "ActorEntry",
    "ActorKB",
    "Kind",
    "ResolvedActor",
    "load_default_kb",
    "read_actor_dictionary",
    "read_agent_dictionary",
]
