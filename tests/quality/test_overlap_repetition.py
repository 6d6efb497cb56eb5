"""Word overlap and repetition finding, on hand-made features (no model needed)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tidings.quality.features import SentenceFeatures
from tidings.quality.overlap import containment
from tidings.quality.repetition import EmbeddingMode, RepetitionSettings, find_repetitions


def test_containment_is_asymmetric_and_weights_names() -> None:
    lead = frozenset("kremlin offer host talk putin trump beijing september".split())
    short = frozenset("kremlin offer talk beijing".split())
    assert containment(short, lead) == 1.0
    assert containment(lead, short) < 0.6
    names = frozenset({"beijing", "kremlin"})
    partial = frozenset("kremlin beijing offer plan".split())
    assert containment(partial, lead, names) == pytest.approx(5 / 6)


def test_containment_needs_more_than_shared_names() -> None:
    earlier = frozenset("van der beek eliminate dance show".split())
    later = frozenset("van der beek lose baby".split())
    assert containment(later, earlier, frozenset({"van", "der", "beek"})) == 0.0
    assert containment(frozenset({"a", "b"}), frozenset({"a", "b"})) == 0.0  # too short


def feat(
    index: int,
    content: str,
    specifics: Sequence[str] = (),
    heading: bool = False,
) -> SentenceFeatures:
    return SentenceFeatures(
        index=index,
        tokens=(),
        words=len(content.split()),
        content=frozenset(content.split()),
        specifics=frozenset(tuple(s.split()) for s in specifics),
        heading=heading,
        finite=True,
    )


LEAD = feat(0, "kremlin offer host talk putin trump beijing september", ["kremlin", "beijing"])


def test_overlap_decides_and_points_at_the_original() -> None:
    feats = [
        LEAD,
        feat(1, "kremlin offer host talk beijing", ["kremlin", "beijing"]),
        feat(2, "kremlin offer host talk beijing putin", ["kremlin", "beijing"]),
    ]
    matches, embedded = find_repetitions(
        feats, ["", "", ""], [1, 2], [0, 1, 2], RepetitionSettings(), None
    )
    assert {j: m.target for j, m in matches.items()} == {1: 0, 2: 0}
    assert not embedded


def test_new_specifics_block_a_repetition() -> None:
    feats = [LEAD, feat(1, "kremlin offer host talk beijing moscow", ["kremlin", "moscow"])]
    matches, _ = find_repetitions(feats, ["", ""], [1], [0, 1], RepetitionSettings(), None)
    assert matches == {}


def test_embedding_decides_the_ambiguous_band_in_one_batch() -> None:
    feats = [LEAD, feat(1, "kremlin offer meeting beijing leader summit", ["kremlin", "beijing"])]
    calls: list[list[tuple[int, int]]] = []

    def cosines(
        texts: Sequence[str], pairs: Sequence[tuple[int, int]]
    ) -> dict[tuple[int, int], float]:
        calls.append(list(pairs))
        return {p: 0.9 for p in pairs}

    same_type = [frozenset({0, 1})]
    settings = RepetitionSettings()
    # The ambiguous mode embeds only pairs about events of one type ...
    matches, embedded = find_repetitions(feats, ["a", "b"], [1], [0, 1], settings, cosines)
    assert matches == {} and not embedded and calls == []
    matches, embedded = find_repetitions(
        feats, ["a", "b"], [1], [0, 1], settings, cosines, same_type
    )
    assert embedded and calls == [[(1, 0)]]
    assert matches[1].method == "embedding+overlap" and matches[1].same_event
    # ... "all" embeds every pair, "off" none.
    every = RepetitionSettings(embedding=EmbeddingMode.ALL)
    matches, embedded = find_repetitions(feats, ["a", "b"], [1], [0, 1], every, cosines)
    assert embedded and matches[1].target == 0
    off = RepetitionSettings(embedding=EmbeddingMode.OFF)
    matches, embedded = find_repetitions(feats, ["a", "b"], [1], [0, 1], off, cosines, same_type)
    assert matches == {} and not embedded and len(calls) == 2


def test_same_event_lowers_the_bar() -> None:
    feats = [LEAD, feat(1, "kremlin offer meeting beijing leader summit", ["kremlin", "beijing"])]
    plain, _ = find_repetitions(feats, ["", ""], [1], [0, 1], RepetitionSettings(), None)
    assert plain == {}
    settings = RepetitionSettings(overlap_decides=0.7)
    same, _ = find_repetitions(feats, ["", ""], [1], [0, 1], settings, None, [frozenset({0, 1})])
    assert same[1].same_event


def test_headline_repeats_the_body_not_the_other_way_round() -> None:
    headline = feat(0, "kremlin offer host talk", ["kremlin"], heading=True)
    body = feat(1, "kremlin offer host talk putin trump beijing", ["kremlin", "beijing"])
    matches, _ = find_repetitions(
        [headline, body], ["", ""], [0, 1], [1], RepetitionSettings(), None
    )
    assert {j: m.target for j, m in matches.items()} == {0: 1}
