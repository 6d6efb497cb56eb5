"""Throughput and memory of ``extract`` against the spaCy parse alone, in one process.

Usage: python bench/extract_speed.py [--repeat N] [--data DIR] [--embedding off|ambiguous|all]
                                    [--sentence-types on|off]
(DIR defaults to ../shared/data/article-extraction-benchmark)

Both runs use the same loaded spaCy pipeline over the same real article bodies
(``articleBody`` of the article-extraction benchmark). The runs alternate and
each figure is the best of ``--repeat`` passes, so the ratio is robust to a
noisy machine. Peak RSS is the process maximum (it includes the model).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

from tidings.api import Pipeline
from tidings.config import load_config
from tidings.errors import NotAnArticleError
from tidings.model import Article

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/data/article-extraction-benchmark"
)


def load_articles(pipeline: Pipeline, folder: Path) -> list[Article]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    articles = []
    for item in truth.values():
        try:
            articles.append(pipeline.article(item["articleBody"]))
        except NotAnArticleError:
            continue  # empty or non-English bodies are not part of the comparison
    return articles


def spacy_only(pipeline: Pipeline, articles: list[Article]) -> float:
    start = time.perf_counter()
    for _ in pipeline.parser.spacy.pipe((a.text for a in articles), batch_size=32):
        pass
    return time.perf_counter() - start


def full(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int, int, int]:
    """Seconds, events found, sentences given a role, articles whose repetitions used MiniLM."""
    start = time.perf_counter()
    events = sentences = embedded = 0
    for result in pipeline.run_many(articles):
        events += len(result.events)
        if result.quality is not None:
            sentences += len(result.quality.sentences)
            embedded += result.quality.similarity.startswith("embedding")
    return time.perf_counter() - start, events, sentences, embedded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--embedding",
        choices=["off", "ambiguous", "all"],
        help="override [quality] embedding (default: defaults.toml's)",
    )
    parser.add_argument(
        "--sentence-types",
        choices=["on", "off"],
        help="override [extract] sentence_types (default: defaults.toml's)",
    )
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2
    config = load_config()
    if args.embedding:
        config = replace(config, quality=replace(config.quality, embedding=args.embedding))
    if args.sentence_types:
        config = replace(config, sentence_types=args.sentence_types == "on")
    pipeline = Pipeline(config)
    articles = load_articles(pipeline, args.data)
    words = sum(len(a.text.split()) for a in articles)
    base, ours, events, sentences, embedded = [], [], 0, 0, 0
    for _ in range(args.repeat):
        base.append(spacy_only(pipeline, articles))
        seconds, events, sentences, embedded = full(pipeline, articles)
        ours.append(seconds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    b, o = min(base), min(ours)
    print(f"articles: {len(articles)} ({words:,} words), events found: {events}")
    print(
        f"quality: {sentences:,} sentences given a role; MiniLM consulted in {embedded} "
        f"article(s) (embedding = {pipeline.config.quality.embedding!r}); "
        f"sentence typer {'on' if pipeline.config.sentence_types else 'off'}"
    )
    print(f"| pipeline | seconds (best of {args.repeat}) | articles/s |")
    print("|---|---|---|")
    print(
        f"| spaCy parse only ({pipeline.parser.model_name}) | {b:.2f} | {len(articles) / b:.1f} |"
    )
    print(f"| tidings extract | {o:.2f} | {len(articles) / o:.1f} |")
    print(f"ratio (spaCy time / tidings time): {b / o:.3f}  (target >= 0.74)")
    print(f"peak RSS: {peak_mb:.0f} MB  (target < 1024 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
