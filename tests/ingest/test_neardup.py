"""MinHash near-duplicate signatures and their band keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest.neardup import MinHasher, pack, similarity, unpack

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HASHER = MinHasher()


def text(name: str) -> str:
    return (EXAMPLES / name).read_text()


def test_wire_copy_is_similar_and_other_stories_are_not() -> None:
    original = text("tokyo-mediation-offer.txt")
    copy = "TOKYO (Wire) - " + original + "\nReporting by A. Writer; editing by B. Editor."
    other = text("pyongyang-threat.txt")
    assert similarity(HASHER.signature(original), HASHER.signature(copy)) >= 0.85
    assert similarity(HASHER.signature(original), HASHER.signature(other)) < 0.1
    shared = set(HASHER.band_keys(HASHER.signature(original))) & set(
        HASHER.band_keys(HASHER.signature(copy))
    )
    assert shared  # the copy is found as a candidate through the band index


def test_signatures_are_deterministic_and_pack() -> None:
    signature = HASHER.signature("The ministers met in Geneva on Tuesday.")
    assert signature == MinHasher().signature("The ministers met in Geneva on Tuesday.")
    assert len(signature) == 128 and all(0 <= v < 2**32 for v in signature)
    assert unpack(pack(signature)) == signature
    assert all(-(2**63) <= bucket < 2**63 for _, bucket in HASHER.band_keys(signature))


def test_short_texts_and_case() -> None:
    assert HASHER.shingles("Two words") == {"two words"}
    assert HASHER.signature("Talks HELD today") == HASHER.signature("talks held today")


def test_bad_settings() -> None:
    with pytest.raises(ValueError, match="multiple"):
        MinHasher(permutations=100, bands=32)
    with pytest.raises(ValueError):
        similarity((1, 2), (1,))
