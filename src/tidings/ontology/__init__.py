"""The PLOVER and CAMEO event ontologies as typed, read-only objects.

The facts come from the PLOVER codebook and its CAMEO conversion table,
restated in our own data files under ``tidings/ontology/data/``:

* ``plover.json``: the 16 event types (description, modes, recipient rule,
  quad category, scores), the contexts, the auxiliary modes and the mapping
  from PLOVER 0.5b1 names;
* ``cameo.tsv``: every CAMEO code of roots 03-20 with its PLOVER type, mode,
  context(s), Goldstein value and quad class;
* ``intent.tsv``: which "express intent" code (03x) announces an action code.

Use :func:`load_ontology` to get the shared, cached :class:`Ontology`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tidings.errors import BadInputError
from tidings.model import EventType
from tidings.ontology._parse import LegacyTable, read_cameo, read_intents, read_plover
from tidings.ontology.records import QUAD_CATEGORIES, CameoCode, Context, Mode, PloverType

__all__ = [
    "QUAD_CATEGORIES",
    "CameoCode",
    "Context",
    "Mode",
    "Ontology",
    "PloverType",
    "load_ontology",
]

#: CAMEO roots with no PLOVER equivalent (public statements, appeals).
_DROPPED_ROOTS = {"01": "make public statement", "02": "appeal"}


@dataclass(frozen=True, slots=True)
class Ontology:
    """PLOVER event types and CAMEO codes, with look-ups between them.

    Build it with :func:`load_ontology`; every mapping is read-only.

    Attributes:
        types: The 16 PLOVER types, keyed by event type, in codebook order.
        codes: Every CAMEO code of roots 03-20, keyed by code, in code order.
        context_list: The PLOVER contexts.
        auxiliary_mode_list: The auxiliary modes.
        intents: Action code -> "express intent" code (see :meth:`intent_code`).
        legacy: How PLOVER 0.5b1 names map to current ones.
    """

    types: Mapping[EventType, PloverType]
    codes: Mapping[str, CameoCode]
    context_list: tuple[Context, ...]
    auxiliary_mode_list: tuple[Mode, ...]
    intents: Mapping[str, str]
    legacy: LegacyTable

    def cameo(self, code: str) -> CameoCode:
        """Return the CAMEO code ``code`` (e.g. ``"042"``).

        Raises:
            BadInputError: ``code`` is not a CAMEO code of roots 03-20.
        """
        found = self.codes.get(code.strip())
        if found is None:
            raise BadInputError(self._unknown_code_message(code))
        return found

    def cameo_codes(self, plover: EventType | None = None) -> tuple[CameoCode, ...]:
        """Return all CAMEO codes in code order, or only those mapped to ``plover``."""
        return tuple(c for c in self.codes.values() if plover is None or c.plover is plover)

    def plover(self, t: EventType | str) -> PloverType:
        """Return the PLOVER type ``t`` (an :class:`EventType` or its name).

        Raises:
            BadInputError: ``t`` names no current PLOVER type.
        """
        return self.types[self._event_type(t)]

    def plover_types(self) -> tuple[PloverType, ...]:
        """Return the 16 PLOVER types in codebook order."""
        return tuple(self.types.values())

    def contexts(self) -> tuple[Context, ...]:
        """Return the PLOVER contexts, usable with any event type."""
        return self.context_list

    def is_context(self, name: str) -> bool:
        """Return whether ``name`` is a PLOVER context."""
        return any(c.name == name for c in self.context_list)

    def auxiliary_modes(self) -> tuple[Mode, ...]:
        """Return the auxiliary modes (historical, future, hypothetical, negation)."""
        return self.auxiliary_mode_list

    def plover_from_legacy(
        self, name: str, mode: str | None = None
    ) -> tuple[EventType, str | None]:
        """Map a PLOVER 0.5b1 (or current) type name, and optionally a mode, to current ones.

        Args:
            name: A type name such as ``DEMAND`` (0.5b1) or ``REQUEST``; any case.
            mode: The record's mode, if any. Current modes of the type are kept,
                renamed 0.5b1 modes are translated, others become ``None``.

        Returns:
            The current type and mode; a mode implied by the old type name
            (INVESTIGATE -> ACCUSE ``investigate``) takes precedence.

        Raises:
            BadInputError: ``name`` is neither a 0.5b1 nor a current type name.
        """
        key = name.strip().upper()
        if key in self.legacy.types:
            event_type, implied = self.legacy.types[key]
        else:
            event_type, implied = self._event_type(key), None
        return event_type, implied or self._current_mode(event_type, mode)

    def intent_code(self, code: str) -> str | None:
        """Return the "express intent" code (03 family) that announces action ``code``.

        Codes of the 03 family are returned unchanged; ``None`` means no intent
        code fits (conflictual roots 09-20).

        Raises:
            BadInputError: ``code`` is not a known CAMEO code.
        """
        known = self.cameo(code).code
        if known.startswith("03"):
            return known
        return self.intents.get(known)

    def default_code(self, t: EventType | str, mode: str | None = None) -> str:
        """Return the CAMEO code that best stands for type ``t`` (with ``mode``).

        Raises:
            BadInputError: ``t`` is not a PLOVER type or ``mode`` not one of its modes.
        """
        ptype = self.plover(t)
        if mode is None:
            return ptype.default_cameo
        for m in ptype.modes:
            if m.name == mode:
                return m.cameo or ptype.default_cameo
        raise BadInputError(
            f"{ptype.event_type} has no mode {mode!r}; its modes are "
            f"{', '.join(ptype.mode_names) or '(none)'}. Pass mode=None for the type's default."
        )

    def _event_type(self, t: EventType | str) -> EventType:
        try:
            return EventType(str(t).strip().upper())
        except ValueError:
            legacy = ", ".join(sorted(self.legacy.types))
            raise BadInputError(
                f"unknown PLOVER event type {t!r}: expected one of "
                f"{', '.join(e.value for e in EventType)}; PLOVER {self.legacy.version} "
                f"names ({legacy}) are accepted by Ontology.plover_from_legacy()."
            ) from None

    def _current_mode(self, t: EventType, mode: str | None) -> str | None:
        if not mode or not mode.strip():
            return None
        wanted = mode.strip().lower()
        if self.types[t].has_mode(wanted):
            return wanted
        return self.legacy.modes.get(t, {}).get(wanted)

    def _unknown_code_message(self, code: str) -> str:
        text = code.strip()
        if not (text.isdigit() and 2 <= len(text) <= 4):
            hint = "CAMEO codes are strings of 2 to 4 digits with leading zeros, e.g. '042'"
        elif text[:2] in _DROPPED_ROOTS:
            hint = f"CAMEO root {text[:2]} ({_DROPPED_ROOTS[text[:2]]}) has no PLOVER equivalent"
        else:
            parents = [text[:n] for n in (3, 2) if text[:n] in self.codes and n < len(text)]
            hint = (
                f"the nearest known code is {parents[0]!r} ({self.codes[parents[0]].name})"
                if parents
                else "known roots are 03 to 20"
            )
        return f"unknown CAMEO code {code!r}: {hint}. Ontology.cameo_codes() lists them all."


def _build() -> Ontology:
    plover = read_plover()
    return Ontology(
        types=MappingProxyType({t.event_type: t for t in plover.types}),
        codes=MappingProxyType({c.code: c for c in read_cameo()}),
        context_list=plover.contexts,
        auxiliary_mode_list=plover.auxiliary_modes,
        intents=MappingProxyType(read_intents()),
        legacy=plover.legacy,
    )


@functools.cache
def load_ontology() -> Ontology:
    """Return the ontology read from the package data (read once, then shared)."""
    return _build()
