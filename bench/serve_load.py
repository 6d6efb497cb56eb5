"""A bounded load test of the HTTP API's read endpoints, on loopback only.

Usage: python bench/serve_load.py [--requests N] [--rounds R] [--concurrency 1,4,16]
                                  [--copies K] [--db PATH] [--json]

Builds a SQLite store from ``examples/*.txt`` (each example ``--copies`` times, as
distinct texts), starts ``tidings serve`` on 127.0.0.1 in a subprocess (one uvicorn
worker), and sends exactly ``--requests`` GET requests per endpoint, concurrency
level and round from asyncio httpx clients in this process. Within a level the
rounds visit every endpoint in turn, ``/api/health`` (the baseline: three count
queries) included, so the baseline is measured interleaved with the others; each
figure is the round with the best rate. Reported per endpoint and level:
requests/s, p50 and p99 latency, and the rate as a ratio of ``/api/health`` at the
same level. The client and server share the machine's cores, so absolute figures
are noisy; compare ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

import tidings
from tidings.api import Pipeline
from tidings.ingest.records import DocKind, Document

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only: this never sends a request off the machine


@dataclass(frozen=True)
class Level:
    endpoint: str
    concurrency: int
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def build_store(path: Path, copies: int) -> dict[str, int]:
    """The examples, ``copies`` times each (a numbered lead line keeps the texts apart)."""
    examples = sorted((ROOT / "examples").glob("*.txt"))
    with tidings.open(path) as store:
        pipeline = Pipeline(store.config)
        store.ingest(examples, pipeline=pipeline)
        for copy in range(1, copies):
            for example in examples:
                text = f"Update {copy}: reports continued.\n\n" + example.read_text("utf-8")
                document = Document(f"bench:{example.name}:{copy}", DocKind.TEXT, text)
                store.add(document, pipeline=pipeline)
        return store.counts()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("TIDINGS_READ_TOKEN", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tidings.cli",
            "serve",
            "--db",
            str(db),
            "--host",
            HOST,
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer /api/health within 60 s")


async def run_level(base: str, path: str, concurrency: int, requests: int) -> Level:
    latencies: list[float] = []
    errors = 0
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            for _ in queue:
                start = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200

        await client.get(path)  # warm the connection and the server's caches
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - start
    latencies.sort()
    return Level(
        endpoint=path,
        concurrency=concurrency,
        requests=requests,
        seconds=seconds,
        p50_ms=statistics.median(latencies) * 1000,
        p99_ms=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        errors=errors,
    )


def endpoints(base: str) -> list[str]:
    """Read endpoints, with ids of records that exist in this store."""
    event = httpx.get(f"{base}/api/events", params={"limit": 1}).json()[0]["id"]
    article = httpx.get(f"{base}/api/articles", params={"limit": 1}).json()[0]["id"]
    return [
        "/api/health",
        "/api/events?limit=50",
        f"/api/events/{event}",
        "/api/mentions?limit=50",
        "/api/articles?limit=50",
        f"/api/articles/{article}",
        "/api/actors",
        "/api/network",
        "/api/places",
        "/api/search?q=talks",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="per endpoint, level, round")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many")
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--copies", type=int, default=3, help="each example this many times")
    parser.add_argument("--db", type=Path, help="reuse this store (default: build one)")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "load.db"
        if args.db is None:
            counts = build_store(db, args.copies)
        else:
            with tidings.open(db) as store:
                counts = store.counts()
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://{HOST}:{port}"
            paths = endpoints(base)
            best: dict[tuple[str, int], Level] = {}
            for level in levels:
                for _ in range(args.rounds):
                    for path in paths:
                        found = asyncio.run(run_level(base, path, level, args.requests))
                        kept = best.get((path, level))
                        if kept is None or found.rate > kept.rate:
                            best[(path, level)] = found
            results = [best[(path, level)] for path in paths for level in levels]
        finally:
            server.terminate()
            server.wait(timeout=30)
    baseline = {r.concurrency: r.rate for r in results if r.endpoint == "/api/health"}
    if args.json:
        print(
            json.dumps(
                {
                    "store": counts,
                    "results": [
                        {
                            **r.__dict__,
                            "rate": r.rate,
                            "vs_health": r.rate / baseline[r.concurrency],
                        }
                        for r in results
                    ],
                },
                indent=2,
            )
        )
        return
    print(
        f"store: {counts['articles']} articles, {counts['events']} event mentions; "
        f"{args.requests} requests per endpoint and level, best of {args.rounds} rounds\n"
    )
    print(
        "| endpoint | concurrency | requests/s | p50 ms | p99 ms | rate vs /api/health | errors |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| `{r.endpoint}` | {r.concurrency} | {r.rate:.0f} | {r.p50_ms:.1f} | "
            f"{r.p99_ms:.1f} | {r.rate / baseline[r.concurrency]:.2f} | {r.errors} |"
        )


if __name__ == "__main__":
    main()
