"""What a dashboard page costs next to its JSON twin, in-process (no network).

Usage: python bench/dashboard_pages.py [--repeat N] [--copies K] [--json]

Builds a SQLite store from ``examples/*.txt`` and the dashboard test stories
(``tests/dashboard/data/stories.jsonl``), each ``--copies`` times as distinct texts,
then times ``--repeat`` GET requests of every page and of its JSON twin through
FastAPI's TestClient. Reported per page: median milliseconds of the page, of the
twin, and their ratio (the twin, measured in the same run, is the baseline: the
page adds templating and, on event and article pages, highlighting).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

import tidings
from tidings.api import Pipeline
from tidings.web import create_app

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "dashboard" / "data" / "stories.jsonl"


def _rows(copies: int, folder: Path) -> Path:
    """The examples and stories, ``copies`` times as distinct texts, as one JSONL file."""
    rows = [{"text": p.read_text("utf-8")} for p in sorted((ROOT / "examples").glob("*.txt"))]
    rows += [json.loads(line) for line in STORIES.read_text("utf-8").splitlines() if line]
    path = folder / "rows.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for row in rows:
                text = row["text"] if copy == 0 else f"{row['text']}\n\n(Copy {copy}.)"
                out.write(json.dumps({**row, "text": text}) + "\n")
    return path


def _median_ms(client: TestClient, url: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder, tidings.open(Path(folder) / "b.db") as store:
        store.ingest([_rows(args.copies, Path(folder))], pipeline=Pipeline())
        busiest = max(store.linked_events(limit=1000), key=lambda e: e.mentions)
        article = max(store.articles(limit=1000), key=lambda a: a.words)
        client = TestClient(create_app(store, environ={}))
        pages = [
            "/events",
            "/events?status=occurred",
            f"/events/{busiest.id}",
            f"/articles/{article.id}",
            "/network",
            "/map",
        ]
        results = []
        for page in pages:
            html = client.get(page).text
            twin = re.findall(r'rel="alternate" type="application/json" href="([^"]+)"', html)[0]
            twin = twin.replace("&amp;", "&")
            page_ms = _median_ms(client, page, args.repeat)
            twin_ms = _median_ms(client, twin, args.repeat)
            results.append(
                {
                    "page": page,
                    "twin": twin,
                    "page_ms": round(page_ms, 2),
                    "twin_ms": round(twin_ms, 2),
                    "ratio": round(page_ms / twin_ms, 2),
                }
            )
        counts = store.counts()
    if args.json:
        print(json.dumps({"store": counts, "repeat": args.repeat, "pages": results}))
        return
    print(f"store: {counts['articles']} articles, {counts['events']} mentions; ", end="")
    print(f"median of {args.repeat} requests each")
    print(f"{'page':32} {'page ms':>8} {'twin ms':>8} {'page/twin':>9}")
    for r in results:
        print(f"{r['page']:32} {r['page_ms']:8.2f} {r['twin_ms']:8.2f} {r['ratio']:9.2f}")


if __name__ == "__main__":
    main()
