"""Shared helpers for the actor knowledge-base tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.actors import ActorKB, ResolvedActor, load_default_kb


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    return load_default_kb()


def resolve(kb: ActorKB, phrase: str, on: dt.date | None = None) -> ResolvedActor | None:
    """Resolve a phrase written with spaces between spaCy's tokens."""
    return kb.resolve(phrase.split(), on)


def codes(found: ResolvedActor | None) -> tuple[str | None, str | None]:
    assert found is not None
    return found.country, found.sector
