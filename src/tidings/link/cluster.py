"""Incremental, deterministic linking of mentions into events.

Each mention, in input order, joins the existing event it scores best with
(among events holding a compatible member), or starts a new event. Candidate
events are found through a blocking index on (family, party), so linking n
mentions costs about n times the size of the few events sharing a party.
Ties go to the older event, so the result depends only on the input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tidings.link.compat import Similarity, compatible, family, structure_score, word_overlap
from tidings.link.records import LinkMention
from tidings.model import EventType

__all__ = ["THRESHOLD", "Cluster", "Linker", "link"]

THRESHOLD = 0.3  # the least score for joining an event rather than starting one
_RECENT = 50  # members compared per event: the latest ones are the most telling


@dataclass(slots=True)
class Cluster:
    """An event being built: its key and its members in linking order."""

    key: int
    members: list[LinkMention] = field(default_factory=list)


class Linker:
    """Links mentions one at a time; seed it with events already stored.

    Args:
        similarity: Evidence similarity (default: content-word overlap).
        threshold: The least score for joining an existing event.
    """

    def __init__(self, similarity: Similarity = word_overlap, threshold: float = THRESHOLD) -> None:
        self.similarity = similarity
        self.threshold = threshold
        self.clusters: dict[int, Cluster] = {}
        self._index: dict[tuple[EventType, str], set[int]] = defaultdict(set)
        self._unparted: dict[EventType, set[int]] = defaultdict(set)
        self._next = 1

    def seed(self, key: int, members: Sequence[LinkMention]) -> None:
        """Add an existing event (its key must be unique) with its members."""
        self.clusters[key] = Cluster(key)
        self._next = max(self._next, key + 1)
        for mention in members:
            self._join(key, mention)

    def add(self, mention: LinkMention) -> tuple[int, float | None]:
        """Link one mention; return its event's key and the joining score (None: new)."""
        pairs = [
            (key, member)
            for key in self._candidates(mention)
            for member in self.clusters[key].members[-_RECENT:]
            if compatible(mention, member)
        ]
        evidence = self._evidence(mention, [member for _, member in pairs])
        best_of: dict[int, float] = {}
        for (key, member), similar in zip(pairs, evidence, strict=True):
            score = structure_score(mention, member) + 0.3 * similar
            best_of[key] = max(score, best_of.get(key, 0.0))
        best: tuple[float, int] | None = None
        for key in sorted(best_of):  # ascending: older events win ties
            if best_of[key] >= self.threshold and (best is None or best_of[key] > best[0]):
                best = (best_of[key], key)
        if best is None:
            key = self._next
            self.clusters[key] = Cluster(key)
            self._join(key, mention)
            return key, None
        self._join(best[1], mention)
        return best[1], best[0]

    def _evidence(self, mention: LinkMention, members: Sequence[LinkMention]) -> list[float]:
        """Evidence similarity to each member; one batch when the similarity offers it."""
        if not members:
            return []
        if not mention.evidence:
            return [0.0] * len(members)
        many = getattr(self.similarity, "many", None)
        if many is not None:
            scores: list[float] = many(mention.evidence, [m.evidence for m in members])
            return scores
        return [
            self.similarity(mention.evidence, m.evidence) if m.evidence else 0.0 for m in members
        ]

    def _candidates(self, mention: LinkMention) -> list[int]:
        kind = family(mention)
        keys: set[int] = set(self._unparted[kind])
        if mention.parties:
            for party in mention.parties:
                keys.update(self._index[(kind, party)])
        else:  # no parties: any event of the family may do
            keys.update(k for (f, _), ks in self._index.items() if f is kind for k in ks)
        return sorted(keys)

    def _join(self, key: int, mention: LinkMention) -> None:
        kind = family(mention)
        for party in mention.parties:
            self._index[(kind, party)].add(key)
        if not mention.parties:
            self._unparted[kind].add(key)
        self.clusters[key].members.append(mention)
        self._next = max(self._next, key + 1)


def cluster_parties(cluster: Cluster) -> frozenset[str]:
    """Every party of an event's members."""
    return frozenset(p for m in cluster.members for p in m.parties)


def link(
    mentions: Iterable[LinkMention], similarity: Similarity = word_overlap
) -> list[list[LinkMention]]:
    """Link mentions from scratch; return the events' members, oldest event first."""
    linker = Linker(similarity)
    for mention in mentions:
        linker.add(mention)
    return [linker.clusters[k].members for k in sorted(linker.clusters)]
