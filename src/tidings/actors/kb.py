"""The actor knowledge base: an index of names for fast longest-match lookup.

Every name is stored as a *pattern*: its folded words, a case check per word and the
entries it names. Patterns are indexed by their first folded word and sorted longest
first, so matching at a token is one dict lookup plus a short scan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tidings.actors.entry import ActorEntry, ResolvedActor
from tidings.actors.resolve import resolve_phrase
from tidings.actors.text import ANY, case_check, case_ok, fold, name_variants

__all__ = ["ActorKB", "pick_entry"]


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One word sequence and the entries it names."""

    words: tuple[str, ...]
    checks: tuple[str, ...]
    needs_capital: bool
    entries: tuple[ActorEntry, ...]

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        return self.words, self.checks, self.needs_capital


_Index = Mapping[str, tuple[_Pattern, ...]]


def _build_index(entries: Iterable[ActorEntry]) -> dict[str, tuple[_Pattern, ...]]:
    groups: dict[tuple[tuple[str, ...], tuple[str, ...], bool], list[ActorEntry]] = {}
    for entry in entries:
        for name in entry.names:
            for words in name_variants(name):
                if entry.kind == "agent":
                    checks, needs_capital = (ANY,) * len(words), False
                else:
                    checks = case_check(words, acronyms=entry.kind != "user")
                    # An all-lowercase "white house" or "number 10" is not a name.
                    needs_capital = len(words) > 1
                key = (tuple(fold(w) for w in words), checks, needs_capital)
                group = groups.setdefault(key, [])
                if entry not in group:
                    group.append(entry)
    by_first: dict[str, list[_Pattern]] = {}
    for (words, checks, needs_capital), group in groups.items():
        pattern = _Pattern(words, checks, needs_capital, tuple(group))
        by_first.setdefault(words[0], []).append(pattern)
    return {first: _longest_first(pats) for first, pats in by_first.items()}


def _longest_first(patterns: Iterable[_Pattern]) -> tuple[_Pattern, ...]:
    return tuple(sorted(patterns, key=lambda p: -len(p.words)))


def _merge(user: _Index, default: _Index) -> dict[str, tuple[_Pattern, ...]]:
    """Patterns of both indexes; a user pattern replaces a default one with the same key."""
    merged = dict(default)
    for first, user_patterns in user.items():
        replaced = {p.key for p in user_patterns}
        kept = [p for p in default.get(first, ()) if p.key not in replaced]
        # Stable sort: among equally long patterns the user's come first.
        merged[first] = _longest_first([*user_patterns, *kept])
    return merged


# Shorter names are too close to ordinary words to correct ("Iram", "Mali").
_MIN_MISSPELT = 6
_CORRECTABLE = frozenset({"country", "demonym"})


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _near_index(index: _Index) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Single-word country and nationality names, and their one-letter deletions mapped
    to the names, for correcting misspellings."""
    names = frozenset(
        first
        for first, patterns in index.items()
        if len(first) >= _MIN_MISSPELT
        and any(
            len(p.words) == 1 and any(e.kind in _CORRECTABLE for e in p.entries) for p in patterns
        )
    )
    near: dict[str, set[str]] = {}
    for name in names:
        for variant in _deletions(name):
            near.setdefault(variant, set()).add(name)
    return names, {k: frozenset(v) for k, v in near.items()}


def _span_days(entry: ActorEntry) -> int:
    start = entry.start or dt.date.min
    end = entry.end or dt.date.max
    return (end - start).days


def pick_entry(entries: Sequence[ActorEntry], on: dt.date | None) -> ActorEntry | None:
    """The entry that applies on date ``on``.

    With a date: the narrowest entry whose dates contain it (so a dated entry beats an
    undated default), or None. Without a date: an undated entry if there is one, else
    the latest (the one ending last, then starting last).
    """
    if len(entries) == 1 and entries[0].start is None and entries[0].end is None:
        return entries[0]
    if on is None:
        for entry in entries:
            if entry.start is None and entry.end is None:
                return entry
        return max(entries, key=lambda e: (e.end or dt.date.max, e.start or dt.date.min))
    valid = [e for e in entries if e.valid_on(on)]
    return min(valid, key=_span_days) if valid else None


class ActorKB:
    """Names of countries, organisations, people and agents, indexed for matching.

    Build it once (:func:`tidings.actors.load_default_kb`) and share it: it is never
    modified; :meth:`with_entries` returns a new one.
    """

    __slots__ = ("_compounds", "_correctable", "_entries", "_index", "_near", "_persons")

    def __init__(self, entries: Iterable[ActorEntry], *, _index: _Index | None = None) -> None:
        self._entries = tuple(entries)
        self._index: _Index = _index if _index is not None else _build_index(self._entries)
        persons: dict[str, list[ActorEntry]] = {}
        for entry in self._entries:
            if entry.person is not None:
                persons.setdefault(entry.person, []).append(entry)
        self._persons = {name: tuple(found) for name, found in persons.items()}
        self._correctable, self._near = _near_index(self._index)
        self._compounds = any(entry.also for entry in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"ActorKB({len(self._entries)} entries, {len(self._index)} first words)"

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        """Every entry, user entries last."""
        return self._entries

    @property
    def has_compounds(self) -> bool:
        """Whether some entry names several actors at once (``[FRO/BIL/SAM]``)."""
        return self._compounds

    def person_entries(self, person: str) -> tuple[ActorEntry, ...]:
        """All dated entries of a person (roles and the gaps between them)."""
        return self._persons.get(person, ())

    def with_entries(self, entries: Iterable[ActorEntry]) -> ActorKB:
        """A new knowledge base where ``entries`` take precedence over this one's.

        A user entry replaces the existing ones for exactly the same name; longer
        existing names still win over shorter user names (longest match first).
        """
        added = tuple(entries)
        index = _merge(_build_index(added), self._index)
        return ActorKB((*self._entries, *added), _index=index)

    def match(
        self, words: Sequence[str], start: int, on: dt.date | None = None
    ) -> tuple[int, ActorEntry] | None:
        """The longest entry whose name begins at ``words[start]``.

        Args:
            words: The tokens of a sentence or phrase, as spaCy splits them.
            start: Index of the first word to match.
            on: The date the text speaks of; picks a person's role then. None picks
                the latest known role (see :func:`pick_entry`).

        Returns:
            ``(number of words consumed, entry)``, or None when no name starts there.
        """
        if not 0 <= start < len(words):
            return None
        patterns = self._index.get(fold(words[start])) or self._misspelt(words[start])
        if not patterns:
            return None
        limit = min(len(words) - start, len(patterns[0].words))
        folded = [fold(w) for w in words[start : start + limit]]
        for pattern in patterns:
            size = len(pattern.words)
            if size > limit or any(folded[j] != pattern.words[j] for j in range(1, size)):
                continue
            span = words[start : start + size]
            if not all(case_ok(c, w) for c, w in zip(pattern.checks, span, strict=True)):
                continue
            if pattern.needs_capital and not any(w[:1].isupper() for w in span):
                continue
            entry = pick_entry(pattern.entries, on)
            if entry is not None:
                return size, entry
        return None

    def _misspelt(self, word: str) -> tuple[_Pattern, ...]:
        """A country or nationality spelt one letter off ("Afganistan", "Quatar")."""
        if len(word) < _MIN_MISSPELT or not word[:1].isupper():
            return ()
        folded = fold(word)
        found: set[str] = set()
        for variant in (folded, *_deletions(folded)):
            found |= self._near.get(variant, frozenset())  # a letter missing or changed
            if variant in self._correctable:
                found.add(variant)  # a letter too many
        found.discard(folded)
        if len(found) != 1:
            return ()
        (key,) = found
        return tuple(p for p in self._index[key] if len(p.words) == 1)

    def resolve(self, words: Sequence[str], on: dt.date | None = None) -> ResolvedActor | None:
        """Resolve a noun phrase such as ``["Russian", "President", "Vladimir", "Putin"]``.

        See :mod:`tidings.actors.resolve` for the rules.
        """
        return resolve_phrase(self, words, on)
