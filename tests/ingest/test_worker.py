"""Per-document preparation: every failure becomes a record with a reason."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tidings.api import Pipeline
from tidings.config import load_config
from tidings.ingest.records import DocKind, Document, Failure, Prepared
from tidings.ingest.worker import Preparer

FIXTURES = Path(__file__).parent / "fixtures"


def test_batch_keeps_order_and_records_reasons(pipeline: Pipeline) -> None:
    config = load_config()
    config = replace(config, fetch=replace(config.fetch, retries=0, timeout=2.0))
    preparer = Preparer(config, pipeline)
    documents = [
        Document("good.html", DocKind.HTML, (FIXTURES / "article.html").read_bytes()),
        Document("french.txt", DocKind.TEXT, (FIXTURES / "corpus/sub/french.txt").read_bytes()),
        Document("empty.html", DocKind.HTML, b"<html><body></body></html>"),
        Document("latin1.txt", DocKind.TEXT, "Caf\xe9 talks were held".encode("latin-1")),
        Document("nowhere", DocKind.URL, url="http://10.255.255.1/article"),
        Document("row", DocKind.TEXT, "  Talks were held in Geneva on Monday.\n"),
    ]
    try:
        results = preparer.prepare(documents)
    finally:
        preparer.close()
    assert [r.origin for r in results] == [d.origin for d in documents]
    good, row = results[0], results[-1]
    assert isinstance(good, Prepared) and good.events and len(good.signature) == 128
    assert good.article.title == "Foreign ministers agree to resume border talks"
    assert good.article.author == "Jane Doe"
    reasons = [r.reason if isinstance(r, Failure) else None for r in results]
    assert reasons[1:5] == ["not-english", "no-article-body", "undecodable", "blocked-address"]
    assert isinstance(row, Prepared) and row.article.text == "Talks were held in Geneva on Monday."
    assert all(r.key == d.key for r, d in zip(results, documents, strict=True))
