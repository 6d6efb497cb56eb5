"""Ingest throughput with 1 and 2 worker jobs on the article-extraction benchmark's pages.

Usage: python bench/ingest_speed.py [--data DIR] [--jobs 1 2] [--repeat N]
(DIR defaults to ../shared/data/article-extraction-benchmark)

Each run ingests the 181 gzipped HTML pages (``html/*.html.gz``) into a new
SQLite store: extraction, checks, spaCy analysis, events, article quality,
MinHash and the writes. Times are end to end, model loading included (each
worker process loads spaCy once). Runs alternate between job counts and each
figure is the best of ``--repeat``. First, the machine's parallel capacity is
measured: the same CPU-bound loop in one process, then in two at once; the ratio
of throughputs is the most any ``--jobs 2`` run can gain on this machine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

import tidings

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/data/article-extraction-benchmark"
)


def _spin(_: int = 0) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i * i
    return time.perf_counter() - start


def parallel_capacity() -> float:
    """Throughput of two processes spinning at once, relative to one alone."""
    alone = _spin()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, range(2))
        together = time.perf_counter() - start
    return 2 * alone / together


def run(folder: Path, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        with tidings.open(Path(scratch) / "bench.db") as store:
            report = store.ingest([folder / "html"], jobs=jobs)
        seconds = time.perf_counter() - start
    return {
        "jobs": jobs,
        "documents": report.documents,
        "added": report.added,
        "failed": report.failed,
        "events": report.events,
        "seconds": seconds,
        "docs_per_s": report.documents / seconds,
        "articles_per_s": report.added / seconds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        print(f"benchmark pages not found in {args.data}/html", file=sys.stderr)
        return 2
    print(f"parallel capacity of this machine (2 processes vs 1): {parallel_capacity():.2f}x")
    best: dict[int, dict[str, float]] = {}
    for _ in range(args.repeat):
        for jobs in args.jobs:
            result = run(args.data, jobs)
            if jobs not in best or result["seconds"] < best[jobs]["seconds"]:
                best[jobs] = result
    print(
        f"{'jobs':>4} {'docs':>5} {'added':>5} {'failed':>6} {'events':>6} {'s':>7} "
        f"{'docs/s':>7} {'articles/s':>10}"
    )
    for jobs, r in best.items():
        print(
            f"{jobs:>4} {r['documents']:>5.0f} {r['added']:>5.0f} {r['failed']:>6.0f} "
            f"{r['events']:>6.0f} {r['seconds']:>7.1f} {r['docs_per_s']:>7.2f} "
            f"{r['articles_per_s']:>10.2f}"
        )
    if 1 in best and 2 in best:
        print(f"speed-up with 2 jobs: {best[1]['seconds'] / best[2]['seconds']:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the parent process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
