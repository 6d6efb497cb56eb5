"""Score event linking against a labelled set of articles (clusters and final statuses).

The set is a JSON Lines file of short articles, each labelled with the real-world
event it reports (``event``) and what it asserts (``asserts``), plus a JSON file of
the events' types and final statuses::

    {"id": "E1-1", "event": "E1", "asserts": "proposed", "outlet": "ndtv.com",
     "published": "2025-08-20", "title": "...", "text": "..."}
    {"E1": {"types": ["CONSULT"], "final": "occurred"}, ...}

The articles are ingested into a fresh store in publication order (so linking is
incremental, as in use). Each article is one item; its predicted event is the event
of its first mention of one of the gold event's types (an article without such a mention is
its own singleton, which costs recall). The clustering is scored pairwise and with
B-cubed; a gold event's predicted event is the one most of its articles went to,
and its final status is compared with the gold one.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tidings.errors import BadInputError
from tidings.eval._metrics import PRF

__all__ = ["LinkingReport", "bcubed", "evaluate_linking", "pairwise"]


@dataclass(frozen=True, slots=True)
class LinkingReport:
    """Clustering and final-status scores on a labelled set."""

    articles: int
    gold_events: int
    predicted_events: int
    unmatched: int  # articles with no mention of their gold event's type
    pairwise: tuple[float, float, float]
    bcubed: tuple[float, float, float]
    status_correct: int
    status_wrong: tuple[tuple[str, str, str], ...]  # (gold event, gold final, predicted)

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.gold_events if self.gold_events else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "unmatched": self.unmatched,
            "pairwise": dict(zip(("precision", "recall", "f1"), self.pairwise, strict=True)),
            "bcubed": dict(zip(("precision", "recall", "f1"), self.bcubed, strict=True)),
            "status_accuracy": self.status_accuracy,
            "status_wrong": [list(w) for w in self.status_wrong],
        }


def pairwise(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> PRF:
    """Pairs of items put together: true where both clusterings agree they belong together."""
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_gold = gold[a] == gold[b]
            same_predicted = predicted[a] == predicted[b]
            tp += same_gold and same_predicted
            fp += same_predicted and not same_gold
            fn += same_gold and not same_predicted
    return PRF(tp, fp, fn)


def bcubed(
    gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin), averaged over items."""
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    by_predicted: dict[Hashable, set[str]] = defaultdict(set)
    for item in gold:
        by_gold[gold[item]].add(item)
        by_predicted[predicted[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        shared = len(by_gold[gold[item]] & by_predicted[predicted[item]])
        precision += shared / len(by_predicted[predicted[item]])
        recall += shared / len(by_gold[gold[item]])
    n = len(gold) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_linking(
    articles_path: Path,
    events_path: Path,
    pipeline: Any = None,
    similarity: Callable[[str, str], float] | None = None,
) -> LinkingReport:
    """Ingest the labelled articles into a fresh SQLite store and score the linking.

    Args:
        articles_path: The labelled articles (JSON Lines).
        events_path: The gold events' types and final statuses (JSON).
        pipeline: A loaded :class:`~tidings.api.Pipeline` to reuse.
        similarity: Evidence similarity (default: the store's, MiniLM when installed).

    Raises:
        BadInputError: a file is missing or malformed.
    """
    from tidings.store import open_store
    from tidings.store.tables import event_mentions, mentions

    try:
        rows = [json.loads(line) for line in articles_path.read_text().splitlines() if line]
        gold_events: dict[str, dict[str, Any]] = json.loads(events_path.read_text())
    except (OSError, ValueError) as err:
        raise BadInputError(f"cannot read the labelled linking set: {err}") from err
    rows.sort(key=lambda row: (row["published"], row["id"]))
    with tempfile.TemporaryDirectory() as folder:
        ordered = Path(folder) / "articles.jsonl"
        ordered.write_text("".join(json.dumps(row) + "\n" for row in rows))
        with open_store(Path(folder) / "link.db") as store:
            if similarity is not None:
                store.similarity = similarity
            store.ingest([ordered], pipeline=pipeline)
            by_key = {(a.title, a.outlet): a.id for a in store.articles(limit=None)}
            query = (
                sa.select(mentions.c.article_id, mentions.c.event_type, event_mentions.c.event_id)
                .join(event_mentions, event_mentions.c.mention_id == mentions.c.id)
                .order_by(mentions.c.article_id, mentions.c.ordinal)
            )
            with store.engine.connect() as connection:
                found = connection.execute(query).all()
            statuses = {e.id: e.status.value for e in store.linked_events(limit=None)}
    first: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for article_id, event_type, event_id in found:
        first[article_id].append((event_type, event_id))
    gold: dict[str, str] = {}
    predicted: dict[str, Hashable] = {}
    unmatched = 0
    for row in rows:
        gold[row["id"]] = row["event"]
        article_id = by_key.get((row["title"], row["outlet"]))
        types = gold_events[row["event"]]["types"]
        matches = [e for t, e in first.get(article_id or -1, []) if t in types]
        event_id = matches[0] if matches else None
        if event_id is None:
            unmatched += 1
            predicted[row["id"]] = "none:" + row["id"]
        else:
            predicted[row["id"]] = event_id
    return LinkingReport(
        articles=len(rows),
        gold_events=len(gold_events),
        predicted_events=len(set(predicted.values())),
        unmatched=unmatched,
        pairwise=_triple(pairwise(gold, predicted)),
        bcubed=bcubed(gold, predicted),
        **_statuses(gold, predicted, gold_events, statuses),
    )


def _triple(prf: PRF) -> tuple[float, float, float]:
    return prf.precision, prf.recall, prf.f1


def _statuses(
    gold: Mapping[str, str],
    predicted: Mapping[str, Hashable],
    gold_events: Mapping[str, Mapping[str, Any]],
    statuses: Mapping[int, str],
) -> dict[str, Any]:
    members: dict[str, list[Hashable]] = defaultdict(list)
    for item in sorted(gold):
        members[gold[item]].append(predicted[item])
    correct = 0
    wrong: list[tuple[str, str, str]] = []
    for event, labels in sorted(members.items()):
        votes = Counter(label for label in labels if isinstance(label, int))
        best = min(votes, key=lambda k: (-votes[k], k)) if votes else None
        status = statuses.get(best, "none") if isinstance(best, int) else "none"
        if status == gold_events[event]["final"]:
            correct += 1
        else:
            wrong.append((event, gold_events[event]["final"], status))
    return {"status_correct": correct, "status_wrong": tuple(wrong)}
