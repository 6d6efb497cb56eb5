"""Reported-fact share of real articles: how tidings' quality roles read wire copy.

Usage: python bench/quality_corpus.py [--data DIR] [--embedding off|ambiguous|all]
(DIR defaults to ../shared/data)

Corpora: the ``articleBody`` texts of ``article-extraction-benchmark`` (news and
blog pages of many outlets; the hard-news subset is the pages of wire services and
newspapers' news sections) and the AFP sentences of
``petrarch2/GigaWord.sample.PETR.xml`` grouped by story id into short articles.
Prints the median and quartiles of the fact share and the role shares.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from tidings.api import Pipeline
from tidings.config import load_config
from tidings.errors import NotAnArticleError
from tidings.model import Article
from tidings.quality import ArticleQuality, Role

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data"
# Pages of wire services and newspapers' news sections (not opinion, reviews or blogs).
HARD_NEWS = re.compile(
    r"hosted\.ap\.org|reuters\.com|aljazeera\.com|bbc\.com/news|cnn\.com/\d|nbcnews\.com/news|"
    r"cbsnews\.com/news|news\.sky\.com|theguardian\.com/(world|us-news|uk-news|politics)|"
    r"thehill\.com/(homenews|policy)|deccanherald\.com|jpost\.com|panarmenian\.net|"
    r"usatoday\.com/story/news|foxnews\.com/(politics|world|us)|ctvnews\.ca"
)


def benchmark_articles(pipeline: Pipeline, folder: Path) -> list[tuple[str, Article]]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    found = []
    for item in truth.values():
        try:
            found.append((item["url"], pipeline.article(item["articleBody"])))
        except NotAnArticleError:
            continue
    return found


def gigaword_articles(pipeline: Pipeline, path: Path) -> list[tuple[str, Article]]:
    text = path.read_text("utf-8")
    stories: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for m in re.finditer(
        r'<Sentence date = "(\d+)" id ="(AFP\w+?)_(\d+)"[^>]*>\s*<Text>(.*?)</Text>', text, re.S
    ):
        date, story, number, body = m.groups()
        stories[story].append((int(number), date, " ".join(body.split())))
    found = []
    for story, parts in stories.items():
        parts.sort()
        date = parts[0][1]
        body = " ".join(p[2] for p in parts)
        published = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        found.append((story, pipeline.article(body, published=published)))
    return found


def describe(name: str, qualities: list[ArticleQuality]) -> None:
    shares = sorted(q.fact_share for q in qualities)
    if not shares:
        return
    q1, median, q3 = statistics.quantiles(shares, n=4) if len(shares) > 1 else (shares * 3)
    words = sum(q.words for q in qualities)
    pooled = {
        role: sum(q.words * q.share(role) for q in qualities) / words if words else 0.0
        for role in Role
    }
    print(
        f"| {name} | {len(qualities)} | {words:,} | {median:.0%} ({q1:.0%}-{q3:.0%}) | "
        + " | ".join(f"{pooled[r]:.0%}" for r in Role)
        + " |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedding", choices=["off", "ambiguous", "all"], default=None)
    args = parser.parse_args()
    if not (args.data / "article-extraction-benchmark/ground-truth.json").exists():
        print(f"data not found in {args.data}", file=sys.stderr)
        return 2
    config = load_config()
    if args.embedding:
        config = replace(config, quality=replace(config.quality, embedding=args.embedding))
    pipeline = Pipeline(config)
    pages = benchmark_articles(pipeline, args.data / "article-extraction-benchmark")
    stories = gigaword_articles(pipeline, args.data / "petrarch2/GigaWord.sample.PETR.xml")
    start = time.perf_counter()
    results = {
        url: r.quality
        for (url, _), r in zip(pages, pipeline.run_many(a for _, a in pages), strict=True)
    }
    afp = [r.quality for r in pipeline.run_many(a for _, a in stories)]
    seconds = time.perf_counter() - start
    print(
        "| corpus | articles | words | median fact share (quartiles) | "
        + " | ".join(r.value for r in Role)
        + " |"
    )
    print("|---|---|---|---|" + "---|" * len(Role))
    everything = [q for q in results.values() if q is not None]
    news = [q for url, q in results.items() if q is not None and HARD_NEWS.search(url)]
    describe("article-extraction-benchmark, all pages", everything)
    describe("  of which hard news (wire services, news sections)", news)
    describe("GigaWord AFP sentences grouped by story", [q for q in afp if q is not None])
    print(f"({seconds:.1f} s for both corpora, parse included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
