"""Time linking synthetic event mentions into events (the pure linker, no database).

    python bench/link_speed.py --mentions 10000
    python bench/link_speed.py --mentions 2000 --similarity minilm
    python bench/link_speed.py --mentions 10000 --store  # `Store.relink` on SQLite

Mentions are drawn for ``mentions / 5`` real events (random type, two of 60
countries, one of 40 venues, a day in 2025), five reports each with shuffled
statuses and dates, interleaved in publication order. Evidence similarity is
content-word overlap (``words``, the fallback) or the MiniLM embedding
(``minilm``, the store's default when installed; model loading is not timed).
With ``--store`` the mentions are written to a new SQLite store (one article
each) and ``Store.relink`` is timed: loading, linking and writing events.
Prints the time and the number of events found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from tidings.link import LinkMention, link, word_overlap
from tidings.link.compat import Similarity
from tidings.model import EventType, Status

_STATUSES = [Status.PROPOSED, Status.PLANNED, Status.OCCURRED, Status.OCCURRED, Status.DENIED]


def synthetic(count: int, seed: int = 7) -> list[LinkMention]:
    """``count`` mentions of ``count // 5`` events, in publication order."""
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    places = [f"city{i}" for i in range(40)]
    types = list(EventType)
    start = dt.date(2025, 1, 1)
    rows: list[tuple[dt.date, LinkMention]] = []
    for event in range(count // 5):
        kind = rng.choice(types)
        parties = rng.sample(countries, 2)
        place = rng.choice(places)
        day = start + dt.timedelta(days=rng.randrange(365))
        words = " ".join(rng.sample(["talks", "strike", "aid", "troops", "border", "deal"], 3))
        for report in range(5):
            published = day + dt.timedelta(days=rng.randrange(-10, 4))
            mention_id = event * 5 + report + 1
            rows.append(
                (
                    published,
                    LinkMention(
                        mention_id=mention_id,
                        article_id=mention_id,
                        event_type=kind,
                        coded_as=kind,
                        cameo="040",
                        status=_STATUSES[report],
                        actors=frozenset(parties[:1] if kind not in types[:5] else parties),
                        recipients=frozenset(parties[1:] if kind not in types[:5] else ()),
                        place=place if rng.random() < 0.7 else None,
                        date_from=day,
                        date_to=day,
                        explicit_time=rng.random() < 0.6,
                        published=published,
                        outlet=f"outlet{rng.randrange(200)}.com",
                        evidence=f"{parties[0]} {parties[1]} {place} {words} {event}",
                    ),
                )
            )
    rows.sort(key=lambda row: (row[0], row[1].mention_id))
    return [m for _, m in rows]


def relink_in_store(mentions: list[LinkMention]) -> tuple[int, float]:
    """Write the mentions to a new SQLite store and time a relink."""
    import tidings
    from tidings.store.tables import articles, mention_actors
    from tidings.store.tables import mentions as mention_rows

    with tempfile.TemporaryDirectory() as folder:
        store = tidings.open(Path(folder) / "bench.db")
        now = dt.datetime.now(dt.UTC)
        with store.engine.begin() as connection:
            for m in mentions:
                connection.execute(
                    articles.insert().values(
                        id=m.article_id,
                        content_hash=f"{m.article_id:064d}",
                        text=m.evidence,
                        published=m.published,
                        outlet=m.outlet,
                        words=1,
                        event_count=1,
                        ingested_at=now,
                        near_duplicate=False,
                        minhash=b"",
                    )
                )
                connection.execute(
                    mention_rows.insert().values(
                        id=m.mention_id,
                        article_id=m.article_id,
                        ordinal=0,
                        event_type=m.event_type.value,
                        coded_as=m.coded_as.value,
                        cameo=m.cameo,
                        status=m.status.value,
                        confidence=1.0,
                        place=m.place,
                        time_value=m.date_from.isoformat()
                        if m.explicit_time and m.date_from
                        else None,
                        date_from=m.date_from,
                        date_to=m.date_to,
                        data={
                            "time": {"resolved": True} if m.explicit_time else None,
                            "evidence": [{"text": m.evidence}],
                        },
                    )
                )
                parties = [("actor", p) for p in sorted(m.actors)]
                parties += [("recipient", p) for p in sorted(m.recipients)]
                connection.execute(
                    mention_actors.insert(),
                    [
                        {
                            "mention_id": m.mention_id,
                            "position": i,
                            "role": role,
                            "code": party,
                            "country": party,
                            "text": party,
                        }
                        for i, (role, party) in enumerate(parties)
                    ],
                )
        began = time.perf_counter()
        count = store.relink()
        seconds = time.perf_counter() - began
        store.close()
    return count, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=10_000)
    parser.add_argument("--similarity", choices=["words", "minilm"], default="words")
    parser.add_argument("--store", action="store_true", help="Time a relink in SQLite.")
    args = parser.parse_args()
    mentions = synthetic(args.mentions)
    if args.store:
        count, seconds = relink_in_store(mentions)
        print(f"{len(mentions)} stored mentions -> {count} events: relink in {seconds:.2f} s")
        return
    similarity: Similarity = word_overlap
    if args.similarity == "minilm":
        from tidings.link.similarity import EmbeddingSimilarity

        embedding = EmbeddingSimilarity()
        embedding.many("load the model", ["before timing"])
        similarity = embedding
    began = time.perf_counter()
    events = link(mentions, similarity)
    seconds = time.perf_counter() - began
    print(
        f"{len(mentions)} mentions -> {len(events)} events in {seconds:.2f} s "
        f"({len(mentions) / seconds:,.0f} mentions/s; {args.mentions // 5} true events; "
        f"evidence similarity: {args.similarity})"
    )


if __name__ == "__main__":
    main()
