"""What the single writer costs per article: the SQLite store against Parquet parts.

Usage: python bench/writer_cost.py [--articles N] [--data DIR]
(DIR defaults to ../shared/data/article-extraction-benchmark)

The per-article work runs on workers; writing runs in the one process that drives
the run, so its cost per article bounds how many workers one run can use. This
prepares ``N`` of the benchmark's real article bodies once (untimed), then times
handing the same prepared articles to each sink: ``Store.write`` (one transaction
per article: article, mentions, parties, near-duplicate lookup, event linking) into
a new SQLite store, and the ``tidings code`` Parquet writer (rows, one part at the
end). Also reports the Parquet bytes per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import tidings
from tidings.config import load_config
from tidings.export.parts import PartWriter
from tidings.ingest.records import DocKind, Document, Prepared
from tidings.ingest.worker import Preparer

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/data/article-extraction-benchmark"
)


def prepared(data: Path, count: int) -> list[Prepared]:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    documents = [
        Document(f"{key}", DocKind.TEXT, item["articleBody"], url=item.get("url"))
        for key, item in sorted(truth.items())
    ]
    preparer = Preparer(load_config())
    try:
        items = [i for i in preparer.prepare(documents[: count + 30]) if isinstance(i, Prepared)]
    finally:
        preparer.close()
    return items[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2
    items = prepared(args.data, args.articles)
    mentions = sum(len(i.events) for i in items)
    print(f"{len(items)} prepared articles with {mentions} mentions")
    with tempfile.TemporaryDirectory() as scratch:
        with tidings.open(Path(scratch) / "bench.db") as store:
            start = time.perf_counter()
            for item in items:
                store.write(item)
            sqlite = time.perf_counter() - start
        out = Path(scratch) / "coded"
        start = time.perf_counter()
        with PartWriter(out) as writer:
            for item in items:
                writer.write(item)
        parquet = time.perf_counter() - start
        size = sum(p.stat().st_size for p in out.rglob("*.parquet"))
    print(f"SQLite store: {1000 * sqlite / len(items):.1f} ms per article")
    print(f"Parquet parts: {1000 * parquet / len(items):.1f} ms per article")
    print(f"Parquet size: {size / len(items) / 1024:.2f} kB per article ({size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
