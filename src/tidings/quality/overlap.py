"""Word overlap between sentences: how much of a later sentence an earlier one already said."""

from __future__ import annotations

from collections.abc import Set

__all__ = ["containment"]

# Below this many content words a sentence is too short to judge by overlap.
MIN_CONTENT = 3
# Names, places, dates and figures say *what* a sentence is about; sharing them is
# stronger evidence of a restatement than sharing common words.
SPECIFIC_WEIGHT = 2.0


def containment(later: Set[str], earlier: Set[str], specific: Set[str] = frozenset()) -> float:
    """The weighted share of ``later``'s content words that ``earlier`` already has (0..1).

    Words in ``specific`` (the words of named entities, dates and figures) weigh
    :data:`SPECIFIC_WEIGHT`, others 1. Sharing only names scores 0: a restatement
    also says the same thing about them. Asymmetric on purpose: a short restatement
    of a long lead is fully contained in it, while the lead is not a repetition of
    the short sentence.
    """
    if len(later) < MIN_CONTENT:
        return 0.0
    common = later & earlier
    if not common - specific:
        return 0.0  # the same names doing something else is not a restatement
    total = sum(SPECIFIC_WEIGHT if w in specific else 1.0 for w in later)
    shared = sum(SPECIFIC_WEIGHT if w in specific else 1.0 for w in common)
    return shared / total
