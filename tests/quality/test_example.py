"""Issue #5's targets on the workspace's example article (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.api import Pipeline
from tidings.quality import ArticleQuality, Role, SentenceRole

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def example(pipeline: Pipeline, shared: Path) -> tuple[str, ArticleQuality]:
    path = shared / "examples" / "kremlin-beijing-summit.txt"
    if not path.exists():
        pytest.skip("example article not present")
    text = path.read_text("utf-8")
    result = pipeline.run(pipeline.article(text, published="2025-08-20", outlet="ndtv.com"))
    assert result.quality is not None
    return text, result.quality


def _section(text: str, quality: ArticleQuality, heading: str) -> list[SentenceRole]:
    """The sentences from ``heading`` up to the next section heading (or the end)."""
    start = text.index(heading)
    found: list[SentenceRole] = []
    for sentence in quality.sentences:
        if sentence.span.start < start or not sentence.words:
            continue
        if found and sentence.reason.startswith("section heading"):
            break
        found.append(sentence)
    return found


def test_lead_report_is_repeated_at_least_four_times(example: tuple[str, ArticleQuality]) -> None:
    _, quality = example
    lead = next(s for s in quality.sentences if s.role is Role.REPORT)
    repeats = [s for s in quality.sentences if s.role is Role.REPETITION]
    assert sum(1 for s in repeats if s.similar_to == lead.index) >= 4


@pytest.mark.parametrize(
    "heading",
    ["Strategic Implications of Putin Trump Meeting", "Recommendations for Diplomatic Engagement"],
)
def test_padding_sections(example: tuple[str, ArticleQuality], heading: str) -> None:
    """Speculation or boilerplate throughout; the only exception allowed is a closing
    sentence that restates the lead, which is a repetition (and counted above)."""
    text, quality = example
    lead = next(s for s in quality.sentences if s.role is Role.REPORT)
    section = _section(text, quality, heading)
    assert len(section) >= 8
    padding = [s for s in section if s.role in (Role.SPECULATION, Role.BOILERPLATE)]
    others = [s for s in section if s not in padding]
    assert all(s.role is Role.REPETITION and s.similar_to == lead.index for s in others)
    assert len(padding) >= 0.8 * len(section)


def test_fact_share_is_small(example: tuple[str, ArticleQuality]) -> None:
    _, quality = example
    assert quality.fact_share < 0.20
    assert quality.distinct_facts >= 1
    assert "Kremlin" in quality.named_sources
    assert quality.verdict.startswith("Mostly padding")
