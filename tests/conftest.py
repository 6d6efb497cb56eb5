"""Shared fixtures: one loaded pipeline for the whole session (loading spaCy takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.api import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The workspace's ../shared folder; tests needing it skip cleanly without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present (a clone outside the workspace)")
    return SHARED
