"""Typed records of the PLOVER and CAMEO ontologies.

All records are frozen and slotted: the ontology is read once and shared, so
nothing in it may change after loading.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.model import EventType

__all__ = ["QUAD_CATEGORIES", "CameoCode", "Context", "Mode", "PloverType"]

#: The four quad categories, in the order of their numeric class (1-4).
QUAD_CATEGORIES: tuple[str, ...] = (
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)


@dataclass(frozen=True, slots=True)
class Mode:
    """A PLOVER mode: how an event of a given type was carried out.

    Attributes:
        name: The mode's code, e.g. ``visit`` or ``heavy-weapons``.
        description: What the mode covers, in one line.
        score: The PLOVER conflict/cooperation score of the type with this
            mode, or ``None`` where the codebook gives none (auxiliary modes,
            PROTEST ``vandalize``).
        cameo: The CAMEO code that best stands for the type with this mode,
            or ``None`` where the type's default code serves.
    """

    name: str
    description: str
    score: float | None = None
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """A PLOVER context: what an event is about; usable with any type."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class PloverType:
    """One of the 16 PLOVER event types with its codebook facts.

    Attributes:
        event_type: The type itself.
        description: What the type covers, in one line.
        modes: The modes the type allows (may be empty).
        requires_recipient: Whether an event of this type must name a recipient.
        quad_category: One of :data:`QUAD_CATEGORIES`.
        score: The type's conflict/cooperation score, from -10 to +10.
        default_cameo: The most generic CAMEO code mapped to this type.
    """

    event_type: EventType
    description: str
    modes: tuple[Mode, ...]
    requires_recipient: bool
    quad_category: str
    score: float
    default_cameo: str

    @property
    def quad_class(self) -> int:
        """The quad category as a number: 1 verbal coop ... 4 material conflict."""
        return QUAD_CATEGORIES.index(self.quad_category) + 1

    @property
    def mode_names(self) -> tuple[str, ...]:
        """The names of the allowed modes, in codebook order."""
        return tuple(m.name for m in self.modes)

    def has_mode(self, name: str) -> bool:
        """Return whether ``name`` is one of this type's modes."""
        return name in self.mode_names

    def score_for(self, mode: str | None = None) -> float:
        """Return the score of this type with ``mode``.

        Falls back to the type's own score when ``mode`` is ``None``, unknown
        to the type, or has no score of its own.
        """
        for m in self.modes:
            if m.name == mode and m.score is not None:
                return m.score
        return self.score


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code and its PLOVER equivalent.

    Attributes:
        code: The 2-, 3- or 4-digit code, e.g. ``"0311"``.
        name: The code's CAMEO name.
        plover: The PLOVER type it converts to.
        mode: The PLOVER mode it converts to, if any.
        context: The PLOVER context(s), if any; several are joined by ``;``
            (use :attr:`contexts` for a tuple).
        goldstein: The Goldstein conflict/cooperation value, -10 to +10.
        quad_class: 1 verbal coop, 2 material coop, 3 verbal conflict,
            4 material conflict, by CAMEO root as GDELT assigns them.
    """

    code: str
    name: str
    plover: EventType
    mode: str | None
    context: str | None
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        """The 2-digit cue category, e.g. ``"03"`` for ``"0311"``."""
        return self.code[:2]

    @property
    def base(self) -> str:
        """The 3-digit code, e.g. ``"031"`` for ``"0311"``; a root stays 2 digits."""
        return self.code[:3]

    @property
    def contexts(self) -> tuple[str, ...]:
        """The PLOVER contexts as a tuple (empty when there are none)."""
        return tuple(self.context.split(";")) if self.context else ()
