"""HTML body extraction scored on the article-extraction benchmark (token shingles F1).

Usage: python bench/extraction_f1.py [--data DIR] [--compare]
(DIR defaults to ../shared/data/article-extraction-benchmark)

The metric is the benchmark's own: each text is split into ``\\w+`` tokens, and
the multisets of 4-token shingles of the extracted and the true body are
compared; per page, true positives, false positives and false negatives are
normalised to sum to 1 (so long pages do not weigh more), then summed over all
pages, and precision, recall and F1 are computed from the sums. ``--compare``
also scores trafilatura with its default settings.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tidings.errors import NotAnArticleError
from tidings.ingest.html import extract_html

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/data/article-extraction-benchmark"
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    truth, guess = shingles(true), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(extract: Callable[[bytes, str | None], str], folder: Path) -> dict[str, float]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    tp = fp = fn = 0.0
    start = time.perf_counter()
    for key, item in truth.items():
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        a, b, c = page_counts(item["articleBody"], extract(html, item.get("url")))
        tp, fp, fn = tp + a, fp + b, fn + c
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {
        "pages": len(truth),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "seconds": time.perf_counter() - start,
    }


def tidings_body(html: bytes, url: str | None) -> str:
    try:
        return extract_html(html, url).text
    except NotAnArticleError:
        return ""


def trafilatura_default(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--compare", action="store_true", help="also score trafilatura defaults")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found in {args.data}", file=sys.stderr)
        return 2
    runs = {"tidings (trafilatura, precision, no comments)": tidings_body}
    if args.compare:
        runs["trafilatura defaults"] = trafilatura_default
    print(f"{'extractor':48} {'P':>6} {'R':>6} {'F1':>6} {'s':>6}")
    for name, function in runs.items():
        result = score(function, args.data)
        print(
            f"{name:48} {result['precision']:6.3f} {result['recall']:6.3f} "
            f"{result['f1']:6.3f} {result['seconds']:6.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
