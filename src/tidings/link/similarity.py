"""Evidence similarity with the offline MiniLM embedding, falling back to word overlap."""

from __future__ import annotations

from collections.abc import Sequence

from tidings.embed import Embedder
from tidings.link.compat import word_overlap

__all__ = ["EmbeddingSimilarity"]


class EmbeddingSimilarity:
    """Cosine similarity of two evidence texts under MiniLM; word overlap without it.

    Args:
        embedder: The embedding to use (loaded lazily on first comparison).
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder or Embedder()
        self._cache: dict[tuple[str, str], float] = {}

    def __call__(self, a: str, b: str) -> float:
        if self.embedder.unavailable is not None:
            return word_overlap(a, b)
        pair = (a, b) if a <= b else (b, a)
        if pair not in self._cache:
            cosines = self.embedder.cosines(list(pair), [(0, 1)])
            if cosines is None:
                return word_overlap(a, b)
            self._cache[pair] = cosines[(0, 1)]
        return self._cache[pair]

    def many(self, text: str, others: Sequence[str]) -> list[float]:
        """Similarity of ``text`` to each of ``others``, embedded in one batch."""
        if not others:
            return []
        cosines = None
        if self.embedder.unavailable is None:
            cosines = self.embedder.cosines(
                [text, *others], [(0, i + 1) for i in range(len(others))]
            )
        if cosines is None:
            return [word_overlap(text, other) for other in others]
        return [cosines[(0, i + 1)] if other else 0.0 for i, other in enumerate(others)]
