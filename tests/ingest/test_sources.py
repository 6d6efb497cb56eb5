"""Sources → documents: files by extension, directories, gzip, stdin, feeds, JSONL/CSV."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest

from tidings.config import Config, load_config
from tidings.ingest.fetch import Fetcher
from tidings.ingest.records import DocKind, Document, Failure
from tidings.ingest.sources import SourceReader

FIXTURES = Path(__file__).parent / "fixtures"


def reader(config: Config | None = None, stdin: bytes | None = None) -> SourceReader:
    config = config or load_config()
    return SourceReader(
        config,
        fetcher=lambda: Fetcher(config.fetch),
        known=lambda key: False,
        stdin=io.BytesIO(stdin) if stdin is not None else None,
    )


def read(*sources: str | Path, config: Config | None = None) -> list[Document | Failure]:
    return list(reader(config).read([str(s) for s in sources]))


def with_fields(**names: str) -> Config:
    config = load_config()
    return replace(config, fields=replace(config.fields, **names))


def test_directory_is_walked_recursively_by_extension_skipping_hidden_files() -> None:
    items = read(FIXTURES / "corpus")
    origins = [Path(i.origin).relative_to(FIXTURES / "corpus").as_posix() for i in items]
    assert origins == ["a.txt", "sub/b.html", "sub/c.txt.gz", "sub/french.txt"]
    kinds = [i.kind for i in items if isinstance(i, Document)]
    assert kinds == [DocKind.TEXT, DocKind.HTML, DocKind.TEXT, DocKind.TEXT]


def test_gzip_files_are_read_through() -> None:
    (document,) = read(FIXTURES / "corpus" / "sub" / "c.txt.gz")
    assert isinstance(document, Document)
    assert isinstance(document.payload, bytes)
    assert document.payload.startswith(b"North Korea threatened")
    plain = read(FIXTURES / "rows.jsonl", config=with_fields(text="body"))
    zipped = read(FIXTURES / "rows.jsonl.gz", config=with_fields(text="body"))
    assert [i.key for i in plain] != []
    assert [type(i) for i in plain] == [type(i) for i in zipped]


def test_jsonl_with_configured_fields_and_bad_rows() -> None:
    items = read(
        FIXTURES / "rows.jsonl",
        config=with_fields(text="body", title="headline", published="date", outlet="site"),
    )
    first, second, bad_json, no_text = items
    assert isinstance(first, Document) and first.kind is DocKind.TEXT
    assert first.title == "Turkey deploys troops to Libya"
    assert first.published == dt.date(2025, 7, 14)
    assert first.outlet == "news.example.com"
    assert first.origin.endswith("rows.jsonl:1")
    assert isinstance(second, Document) and second.title is None
    assert isinstance(bad_json, Failure) and bad_json.reason == "bad-row"
    assert isinstance(no_text, Failure) and "[fields]" in no_text.message


def test_csv_with_configured_fields_and_rfc_dates() -> None:
    items = read(
        FIXTURES / "rows.csv",
        config=with_fields(text="body", title="headline", published="date", outlet="site"),
    )
    assert [i.title for i in items if isinstance(i, Document)] == [
        "Police and protesters clash",
        "Ministers meet in Brussels",
    ]
    assert [i.published for i in items if isinstance(i, Document)] == [
        dt.date(2025, 6, 1),
        dt.date(2025, 6, 2),
    ]


def test_rss_feed_uses_full_content_and_links_summaries() -> None:
    config = load_config()
    config = replace(config, ingest=replace(config.ingest, feed_min_words=20))
    full, summary = read(FIXTURES / "feed.xml", config=config)
    assert isinstance(full, Document) and full.kind is DocKind.HTML
    assert full.url == "https://wire.example.org/2025/08/nairobi-protest"
    assert full.published == dt.date(2025, 8, 21)
    assert full.author == "Sam Reporter"
    assert full.outlet == "wire.example.org"
    assert isinstance(summary, Document) and summary.kind is DocKind.URL
    assert summary.key == "url:https://wire.example.org/2025/08/summit-postponed"


def test_atom_feed() -> None:
    config = load_config()
    config = replace(config, ingest=replace(config.ingest, feed_min_words=20))
    (entry,) = read(FIXTURES / "atom.xml", config=config)
    assert isinstance(entry, Document) and entry.kind is DocKind.HTML
    assert entry.title == "Sanctions announced on shipping firms"
    assert entry.author == "Alex Writer"
    assert entry.published == dt.date(2025, 9, 1)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", DocKind.HTML),
        (b"Ministers met on Monday.", DocKind.TEXT),
        (b"https://a.example.org/1\n\nhttps://b.example.org/2\n", DocKind.URL),
    ],
)
def test_stdin_is_sniffed(data: bytes, kind: DocKind) -> None:
    items = list(reader(stdin=data).read(["-"]))
    assert items and all(isinstance(i, Document) and i.kind is kind for i in items)


def test_stdin_feed_and_jsonl_are_sniffed() -> None:
    feed = list(reader(stdin=(FIXTURES / "feed.xml").read_bytes()).read(["-"]))
    assert len(feed) == 2
    rows = list(reader(stdin=b'{"text": "Talks were held on Monday."}\n').read(["-"]))
    assert isinstance(rows[0], Document) and rows[0].payload == "Talks were held on Monday."


def test_missing_and_broken_sources_are_failures_not_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    missing, bad_gzip, good = read(tmp_path / "nope.txt", broken, FIXTURES / "corpus" / "a.txt")
    assert isinstance(missing, Failure) and missing.reason == "not-found"
    assert isinstance(bad_gzip, Failure) and bad_gzip.reason == "unreadable"
    assert isinstance(good, Document)


def test_document_keys_are_stable_and_content_based() -> None:
    one = Document(origin="a", kind=DocKind.TEXT, payload=b"same")
    two = Document(origin="b", kind=DocKind.TEXT, payload=b"same")
    other = Document(origin="a", kind=DocKind.TEXT, payload=b"different")
    assert one.key == two.key != other.key
    assert (
        Document(origin="x", kind=DocKind.URL, url="https://e.org/a").key == "url:https://e.org/a"
    )
