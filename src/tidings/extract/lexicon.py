"""The trigger and frame lexicons (``data/triggers.tsv``, ``data/frames.tsv``) as typed rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TypeVar

from tidings.errors import ConfigError
from tidings.model import Analysis, Token

__all__ = ["Condition", "FrameRow", "Lexicon", "TriggerRow", "load_lexicon"]

_CONDITION_KINDS = ("prep", "prt", "obj", "mod", "subj")
# Word-order conditions used by user verb dictionaries (PETRARCH patterns).
_ORDER_KINDS = ("before", "after")
_PREP_DEPS = frozenset({"prep", "prt", "agent", "dative"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_OBJ_DEPS = frozenset({"dobj", "obj", "attr", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Condition:
    """One ``kind=a|b`` test on a trigger's syntactic neighbours."""

    kind: str
    words: frozenset[str]

    def holds(self, analysis: Analysis, token: Token) -> bool:
        if self.kind in _ORDER_KINDS:
            sentence = analysis.sentences[token.sent]
            span = (
                range(sentence.start, token.i)
                if self.kind == "before"
                else range(token.i + 1, sentence.end)
            )
            return any(
                analysis.tokens[i].lower in self.words
                or analysis.tokens[i].lemma.lower() in self.words
                for i in span
            )
        children = analysis.children(token)
        if self.kind == "subj":
            return any(
                t.lemma.lower() in self.words
                for c in children
                if c.dep in ("nsubj", "nsubjpass")
                for t in analysis.subtree(c)
            )
        if self.kind == "prep":
            return any(c.dep in _PREP_DEPS and c.lower in self.words for c in children)
        if self.kind == "prt":
            return any(c.dep == "prt" and c.lower in self.words for c in children)
        if self.kind == "mod":
            return any(
                c.dep in _MOD_DEPS and (c.lemma.lower() in self.words or c.lower in self.words)
                for c in children
            )
        # obj: the direct object, or for a noun trigger the noun itself governs nothing,
        # so look at objects and at prepositional objects one level down.
        return any(c.lemma.lower() in self.words for c in _objects(analysis, token))


def _objects(analysis: Analysis, token: Token) -> Iterator[Token]:
    for child in analysis.children(token):
        if child.dep in _OBJ_DEPS:
            yield child
            # "700 kg of medicine", "70 million dollars of aid": the measured stuff
            for _, stuff in _of_objects(analysis, child):
                yield stuff
            # "raised the alert level": a compound names the object too
            yield from (
                c for c in analysis.children(child) if c.dep in ("conj", "compound", "amod")
            )
        elif child.dep == "prep":
            yield from (c for c in analysis.children(child) if c.dep == "pobj")


def _of_objects(analysis: Analysis, token: Token) -> Iterator[tuple[Token, Token]]:
    for prep in analysis.children(token):
        if prep.dep == "prep" and prep.lower == "of":
            for obj in analysis.children(prep):
                if obj.dep == "pobj":
                    yield prep, obj


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """A word that expresses an event: ``lemma`` as ``pos`` means CAMEO ``cameo``."""

    lemma: str
    pos: str
    cameo: str
    conditions: tuple[Condition, ...]
    fixed: bool = False  # a user dictionary's code, used as written (no status recoding)

    def matches(self, analysis: Analysis, token: Token) -> bool:
        return all(c.holds(analysis, token) for c in self.conditions)


@dataclass(frozen=True, slots=True)
class FrameRow:
    """A word that governs an event word and sets its status (or marks a report)."""

    lemma: str
    pos: str
    kind: str
    conditions: tuple[Condition, ...]

    def matches(self, analysis: Analysis, token: Token) -> bool:
        return all(c.holds(analysis, token) for c in self.conditions)


R = TypeVar("R", TriggerRow, FrameRow)

FRAME_KINDS = frozenset(
    {"proposed", "planned", "possible", "cancelled", "denied", "ongoing", "report"}
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger and frame rows indexed by ``(lemma, coarse pos)``."""

    triggers: dict[tuple[str, str], tuple[TriggerRow, ...]]
    frames: dict[tuple[str, str], tuple[FrameRow, ...]]

    def with_triggers(self, rows: Iterable[TriggerRow]) -> Lexicon:
        """A lexicon in which ``rows`` (e.g. from a user dictionary) come first."""
        user = _index(rows)
        merged = {
            key: (*user.get(key, ()), *self.triggers.get(key, ()))
            for key in {*user, *self.triggers}
        }
        return Lexicon(merged, self.frames)

    def trigger(self, analysis: Analysis, token: Token) -> TriggerRow | None:
        """The first trigger row matching ``token``, if any."""
        pos = coarse_pos(token)
        lemmas = [token.lemma.lower()]
        if token.pos == "PROPN" and token.lower.endswith("s"):
            lemmas.append(token.lower[:-1])  # a headline's "Talks" keeps its plural lemma
        for lemma in lemmas:
            for row in self.triggers.get((lemma, pos), ()):
                if row.matches(analysis, token):
                    return row
        return None

    def frame(self, analysis: Analysis, token: Token) -> FrameRow | None:
        """The first frame row matching ``token``, if any."""
        lemma = token.lemma.lower()
        for key in ((lemma, coarse_pos(token)), (token.lower, coarse_pos(token))):
            for row in self.frames.get(key, ()):
                if row.matches(analysis, token):
                    return row
        return None


def coarse_pos(token: Token) -> str:
    """Collapse spaCy's tags to the lexicon's part-of-speech column."""
    if token.pos in ("NOUN", "PROPN"):
        return "NOUN"
    if token.pos == "AUX" and token.tag == "MD":
        return "AUX"
    if token.pos in ("VERB", "AUX"):
        return "VERB"
    if token.pos == "ADJ" or (token.tag == "VBN" and token.dep == "amod"):
        return "ADJ"
    return token.pos


def _parse_conditions(field: str, where: str) -> tuple[Condition, ...]:
    conditions = []
    for part in filter(None, (p.strip() for p in field.split(";"))):
        kind, _, words = part.partition("=")
        if kind not in _CONDITION_KINDS or not words:
            raise ConfigError(f"{where}: bad condition {part!r}; use one of {_CONDITION_KINDS}")
        conditions.append(Condition(kind, frozenset(words.lower().split("|"))))
    return tuple(conditions)


def _rows(name: str, check: Callable[[str, list[str]], None]) -> Iterator[tuple[str, list[str]]]:
    text = resources.files("tidings.extract").joinpath("data", name).read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            where, cols = f"{name}:{number}", line.split("\t")
            if len(cols) not in (3, 4):
                raise ConfigError(
                    f"{where}: expected 3 or 4 tab-separated columns, got {len(cols)}"
                )
            check(where, cols)
            yield where, cols


def _index(rows: Iterable[R]) -> dict[tuple[str, str], tuple[R, ...]]:
    index: dict[tuple[str, str], list[R]] = {}
    for row in rows:
        index.setdefault((row.lemma, row.pos), []).append(row)
    return {key: tuple(value) for key, value in index.items()}


@cache
def load_lexicon(cameo_exists: Callable[[str], bool] | None = None) -> Lexicon:
    """Read the shipped lexicons, checking every row (and CAMEO code, if a checker is given)."""

    def check_trigger(where: str, cols: list[str]) -> None:
        if cameo_exists is not None and not cameo_exists(cols[2]):
            raise ConfigError(f"{where}: unknown CAMEO code {cols[2]}")

    def check_frame(where: str, cols: list[str]) -> None:
        if cols[2] not in FRAME_KINDS:
            raise ConfigError(f"{where}: frame kind must be one of {sorted(FRAME_KINDS)}")

    def conditions(where: str, cols: list[str]) -> tuple[Condition, ...]:
        return _parse_conditions(cols[3] if len(cols) > 3 else "", where)

    triggers = (
        TriggerRow(c[0], c[1], c[2], conditions(w, c))
        for w, c in _rows("triggers.tsv", check_trigger)
    )
    frames = (
        FrameRow(c[0], c[1], c[2], conditions(w, c)) for w, c in _rows("frames.tsv", check_frame)
    )
    return Lexicon(_index(triggers), _index(frames))
