"""Throughput scaling of the per-article work: local engine and Dask with 1 and 2 workers.

Usage: python bench/scaling.py [--articles N] [--runs local:1 dask:1 dask:2] [--store]
       [--data DIR]   (DIR defaults to ../shared/data/article-extraction-benchmark)

The corpus is the benchmark's 181 real article bodies (``articleBody`` of
``ground-truth.json``), repeated until there are ``--articles`` documents (each copy
gets its own URL, so every one is read, checked, parsed and coded). Each run codes
the whole corpus with ``tidings.scale.code`` to Parquet parts (``--store``: ingests
it into a new SQLite store instead, where the single writer also counts) and runs in
a fresh Python process, so memory figures are its own:

* ``local:N`` is the default engine (this process for N=1, a process pool otherwise);
* ``dask:N`` a ``distributed.LocalCluster`` of N worker processes with one thread each,
  started before the clock starts (its start time is reported apart); the clock
  includes each worker loading spaCy on its first batch.

Reported per run: seconds, articles/s (documents that gave an article, duplicates of
earlier copies included: they were analysed like the rest), CPU seconds used by the
workers and CPU use per wall-clock second (how many cores' worth the run got), peak
RSS per worker process, and the load average before and after. Speed-ups are ratios
against the first ``dask:1`` run (and ``local:1``) of the same invocation. First, the
machine's parallel capacity is measured: a CPU-bound loop in two processes at once
against one alone (2.0 on two idle cores).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ingest_speed import parallel_capacity

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/data/article-extraction-benchmark"
)


def build_corpus(data: Path, count: int, target: Path) -> int:
    """Write ``count`` JSONL rows cycling through the benchmark's bodies; return bodies used."""
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    bodies = [(key, item["articleBody"]) for key, item in sorted(truth.items())]
    order = list(range(len(bodies)))
    random.Random(8).shuffle(order)  # copies of one body are spread, not adjacent
    with target.open("w", encoding="utf-8") as handle:
        for i in range(count):
            key, body = bodies[order[i % len(order)]]
            row = {"text": body, "url": f"https://bench.invalid/{i // len(bodies)}/{key[:16]}"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(bodies)


def _worker_usage() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def run_one(spec: str, corpus: Path, scratch: Path, store: bool) -> dict[str, Any]:
    """One run in this (fresh) process; returns its figures."""
    import tidings
    from tidings.ingest.engine import Engine, LocalEngine
    from tidings.scale import DaskEngine, code

    kind, _, number = spec.partition(":")
    workers = int(number or 1)
    cluster: Any = None
    client: Any = None
    started = 0.0
    engine: Engine
    if kind == "dask":
        import distributed

        from tidings.scale.dask_engine import local_cluster

        begin = time.perf_counter()
        cluster = local_cluster(workers)  # the engine's own settings
        client = distributed.Client(cluster, set_as_default=False)  # type: ignore[no-untyped-call]
        started = time.perf_counter() - begin
        engine = DaskEngine(scheduler=cluster.scheduler_address)
    elif kind == "local":
        engine = LocalEngine(workers)
    else:
        raise SystemExit(f"unknown run {spec!r}: use local:N or dask:N")
    load_before = os.getloadavg()[0]
    begin = time.perf_counter()
    if store:
        with tidings.open(scratch / "bench.db") as opened:
            report = opened.ingest([corpus], engine=engine)
    else:
        report = code([corpus], scratch / "coded", engine=engine).report
    seconds = time.perf_counter() - begin
    load_after = os.getloadavg()[0]
    if client is not None:
        usages = list(client.run(_worker_usage).values())
        client.close()
        cluster.close()
    elif workers == 1:
        usages = [_worker_usage()]
    else:  # the pool's processes have exited: the kernel kept their totals
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        usages = [
            {
                "cpu": (children.ru_utime + children.ru_stime) / workers,
                "peak_mb": children.ru_maxrss / 1024,
            }
        ] * workers
    articles = report.added + report.duplicates
    cpu = sum(u["cpu"] for u in usages)
    return {
        "run": spec,
        "documents": report.documents,
        "articles": articles,
        "failed": report.failed,
        "events": report.events,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "cluster_start_s": started,
        "worker_cpu_s": cpu,
        "cores_used": cpu / seconds,
        "peak_mb_per_worker": max(u["peak_mb"] for u in usages),
        "load_before": load_before,
        "load_after": load_after,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", nargs="+", default=["dask:1", "dask:2", "local:1"])
    parser.add_argument("--store", action="store_true", help="ingest into SQLite instead")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a single run, in a child process
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as scratch:
            figures = run_one(args.one, args.corpus, Path(scratch), args.store)
        print(json.dumps(figures))
        return 0
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2
    print(f"nproc: {os.cpu_count()}; load average: {os.getloadavg()}")
    print(f"parallel capacity of this machine (2 processes vs 1): {parallel_capacity():.2f}x")
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        bodies = build_corpus(args.data, args.articles, corpus)
        print(
            f"corpus: {args.articles} documents from {bodies} bodies; sink: "
            f"{'SQLite store' if args.store else 'Parquet parts'}"
        )
        for spec in args.runs:
            command = [sys.executable, __file__, "--one", spec, "--corpus", str(corpus)]
            done = subprocess.run(
                command + (["--store"] if args.store else []),
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(f"{spec} failed:\n{done.stderr}", file=sys.stderr)
                return 1
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(figures)
            print(json.dumps(figures), flush=True)
    print()
    print(
        f"{'run':>8} {'docs':>5} {'articles':>8} {'s':>7} {'articles/s':>10} "
        f"{'cores used':>10} {'peak MB/worker':>14} {'load':>9}"
    )
    for r in results:
        print(
            f"{r['run']:>8} {r['documents']:>5} {r['articles']:>8} {r['seconds']:>7.1f} "
            f"{r['articles_per_s']:>10.2f} {r['cores_used']:>10.2f} "
            f"{r['peak_mb_per_worker']:>14.0f} {r['load_before']:>4.1f}-{r['load_after']:<4.1f}"
        )
    for baseline in ("dask:1", "local:1"):
        base = next((r for r in results if r["run"] == baseline), None)
        if base is None:
            continue
        for r in results:
            if r is not base:
                ratio = r["articles_per_s"] / base["articles_per_s"]
                print(f"speed-up of {r['run']} over {baseline}: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
