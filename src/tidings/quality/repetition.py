"""Which sentences restate an earlier one: word overlap, and MiniLM where overlap is unsure.

A sentence repeats another when it adds no specific (name, place, date, figure)
that the article has not given before and its similarity to that sentence reaches
the threshold. Similarity is word overlap alone when it is clear-cut (at or above
``overlap_decides``: a repetition; below ``overlap_floor``: not one); in between,
and when the embedding is available, it is a weighted mix of the MiniLM cosine and
the overlap. Two sentences that mention extracted events of the same type get
``same_event_bonus`` added: restating a story means restating its event. In the
``ambiguous`` mode only such pairs are embedded, which keeps the cost small.

Headlines summarise the body, so a headline is compared with every body sentence,
and body sentences are never repetitions of a headline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tidings.quality.features import SentenceFeatures
from tidings.quality.overlap import containment

__all__ = ["Cosines", "EmbeddingMode", "Match", "RepetitionSettings", "find_repetitions"]

# The embedding's pairwise cosines, or None when it cannot be used (see ``embed``).
Cosines = Callable[[Sequence[str], Sequence[tuple[int, int]]], dict[tuple[int, int], float] | None]


class EmbeddingMode(StrEnum):
    """When to use the MiniLM embedding."""

    OFF = "off"  # word overlap only
    AMBIGUOUS = "ambiguous"  # only pairs that word overlap cannot decide
    ALL = "all"  # every pair


@dataclass(frozen=True, slots=True)
class RepetitionSettings:
    """Thresholds for :func:`find_repetitions` (see ``[quality]`` in defaults.toml)."""

    embedding: EmbeddingMode = EmbeddingMode.AMBIGUOUS
    overlap_decides: float = 0.75
    overlap_floor: float = 0.5
    threshold: float = 0.68
    embedding_weight: float = 0.6
    same_event_bonus: float = 0.1


@dataclass(frozen=True, slots=True)
class Match:
    """Sentence ``index`` restates sentence ``target`` with similarity ``score``."""

    index: int
    target: int
    score: float
    method: str  # "word overlap" or "embedding+overlap"
    same_event: bool = False  # both sentences mention an extracted event of one type


def _new_specifics(feats: SentenceFeatures, known: frozenset[str]) -> bool:
    """Whether the sentence names something the compared sentences do not: a name,
    place, date or figure some of whose words they never use ("Putin" is known
    after "Vladimir Putin"). In a title-case heading the entity tagger swallows
    whole phrases ("Qatar Proposes Ceasefire Talks"), so there one known word is enough."""
    if feats.heading:
        return any(specific and not set(specific) & known for specific in feats.specifics)
    return any(not set(specific) <= known for specific in feats.specifics)


def _compare_with(feats: Sequence[SentenceFeatures], j: int, targets: Sequence[int]) -> list[int]:
    """The sentences ``j`` may restate: earlier targets, or any target for a headline."""
    if feats[j].heading:
        return [i for i in targets if i != j]
    return [i for i in targets if i < j]


def find_repetitions(
    feats: Sequence[SentenceFeatures],
    texts: Sequence[str],
    candidates: Sequence[int],
    targets: Sequence[int],
    settings: RepetitionSettings,
    cosines: Cosines | None,
    events: Sequence[frozenset[int]] = (),
) -> tuple[dict[int, Match], bool]:
    """Find the candidates that restate a target sentence.

    Args:
        feats: Features of every sentence of the article.
        texts: Every sentence's text (for the embedding).
        candidates: Indices of sentences that may be repetitions.
        targets: Indices of sentences that may be restated (not headings).
        settings: Thresholds and embedding mode.
        cosines: The embedding's pairwise cosine function, or None for overlap only.
        events: Groups of sentences that mention events of one type; two sentences
            of a group need ``same_event_bonus`` less similarity.

    Returns:
        The matches by sentence index, and whether the embedding was used.
    """
    use_embedding = cosines is not None and settings.embedding is not EmbeddingMode.OFF
    decides = 2.0 if settings.embedding is EmbeddingMode.ALL else settings.overlap_decides
    floor = 0.0 if settings.embedding is EmbeddingMode.ALL else settings.overlap_floor
    matches: dict[int, Match] = {}
    pending: dict[tuple[int, int], float] = {}
    names = [frozenset(w for s in f.specifics for w in s) for f in feats]

    def bonus(j: int, i: int) -> float:
        same = any(j in group and i in group for group in events)
        return settings.same_event_bonus if same else 0.0

    for j in candidates:
        compare = _compare_with(feats, j, targets)
        known = frozenset(w for i in compare for s in feats[i].specifics for w in s)
        known |= frozenset(w for i in compare for w in feats[i].content)
        if not compare or _new_specifics(feats[j], known):
            continue
        # Words that are names in both sentences weigh more (and do not count as
        # saying the same thing about them).
        scored = [
            (
                min(
                    1.0,
                    containment(feats[j].content, feats[i].content, names[j] & names[i])
                    + bonus(j, i),
                ),
                i,
            )
            for i in compare
        ]
        # The earliest sentence it restates is the one to name: the original.
        decided = next(((c, i) for c, i in scored if c >= decides), None)
        if decided is not None:
            i = decided[1]
            matches[j] = Match(j, i, decided[0], "word overlap", bonus(j, i) > 0)
        elif use_embedding:
            # The embedding is costly on a CPU: in the ambiguous mode it only judges
            # pairs about the same extracted event, where paraphrase matters most.
            pending.update(
                {
                    (j, i): c
                    for c, i in scored
                    if c >= floor and (settings.embedding is EmbeddingMode.ALL or bonus(j, i))
                }
            )
    embedded = False
    if pending and cosines is not None:
        found = cosines(texts, list(pending))
        if found is not None:
            embedded = True
            w = settings.embedding_weight
            for (j, i), overlap in sorted(pending.items()):
                extra = bonus(j, i)
                score = min(1.0, w * found[(j, i)] + (1 - w) * (overlap - extra) + extra)
                if score >= settings.threshold and j not in matches:
                    matches[j] = Match(j, i, score, "embedding+overlap", extra > 0)
    return _to_originals(matches), embedded


def _to_originals(matches: dict[int, Match]) -> dict[int, Match]:
    """Point each repetition at the original, not at an earlier restatement."""
    resolved = {}
    for j, match in matches.items():
        target, seen = match.target, {j}
        while target in matches and target not in seen:
            seen.add(target)
            target = matches[target].target
        resolved[j] = Match(j, target, match.score, match.method, match.same_event)
    return resolved
