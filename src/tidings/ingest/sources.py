"""What the user points at → documents: files, directories, gzip, stdin and URLs.

Files are recognised by extension (``.gz`` is looked through); standard input
and URLs by their content. A source that cannot be read becomes a
:class:`Failure` and the others go on.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.config import Config
from tidings.errors import FetchError
from tidings.ingest.feeds import looks_like_feed, read_feed
from tidings.ingest.fetch import Fetched, Fetcher
from tidings.ingest.records import DocKind, Document, Failure
from tidings.ingest.tabular import read_csv, read_jsonl

__all__ = ["SourceReader", "is_url"]

Item = Document | Failure

_TEXT = frozenset({".txt", ".text", ".md"})
_HTML = frozenset({".html", ".htm", ".xhtml"})
_FEED = frozenset({".xml", ".rss", ".atom", ".rdf"})
_JSON = frozenset({".jsonl", ".ndjson", ".json"})
_URL_LINE = re.compile(r"https?://\S+")
_HTML_START = re.compile(rb"<(!doctype html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class SourceReader:
    """Turns sources into documents.

    Args:
        config: Settings (extensions, field names, feed threshold).
        fetcher: Makes the HTTP client used for URLs given as sources (called once,
            on the first URL).
        known: Whether a source key was ingested before: a URL already stored is not
            fetched again.
        stdin: What ``-`` reads.
    """

    def __init__(
        self,
        config: Config,
        fetcher: Callable[[], Fetcher],
        known: Callable[[str], bool],
        stdin: BinaryIO | None = None,
    ) -> None:
        self._config = config
        self._make_fetcher = fetcher
        self._fetcher: Fetcher | None = None
        self._known = known
        self._stdin = stdin

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def read(self, sources: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
        """Every document of every source, in order."""
        for source in sources:
            name = os.fspath(source)
            if name == "-":
                if self._stdin is None:
                    yield _fail(name, "unreadable", "standard input is not available")
                else:
                    yield from self.read_bytes(self._stdin.read(), "<stdin>")
            elif is_url(name):
                yield from self._url(name)
            else:
                yield from self._path(Path(name))

    def read_bytes(self, data: bytes, origin: str, suffix: str | None = None) -> Iterator[Item]:
        """The documents in ``data``, by ``suffix`` (``.html``, ``.csv``...) or by content."""
        kind = _kind_of_suffix(suffix) if suffix else None
        kind = kind or _sniff(data)
        if kind == "text":
            yield from self._text(data, origin)
        elif kind == "html":
            yield Document(origin=origin, kind=DocKind.HTML, payload=data)
        elif kind == "feed":
            yield from read_feed(data, origin, min_words=self._config.ingest.feed_min_words)
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as err:
                yield _fail(origin, "undecodable", f"not UTF-8: {err}")
                return
            fields = self._config.fields
            if kind == "json":
                yield from read_jsonl(text, origin, fields)
            else:
                yield from read_csv(text, origin, fields, delimiter="\t" if kind == "tsv" else ",")

    def _path(self, path: Path) -> Iterator[Item]:
        if path.is_dir():
            wanted = {e.lower() for e in self._config.ingest.extensions}
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path).parts
                hidden = any(part.startswith(".") for part in relative)
                if file.is_file() and not hidden and _inner_suffix(file.name) in wanted:
                    yield from self._file(file)
        elif path.is_file():
            yield from self._file(path)
        else:
            yield _fail(str(path), "not-found", f"no such file or directory: {path}")

    def _file(self, path: Path) -> Iterator[Item]:
        try:
            data = path.read_bytes()
            if path.name.lower().endswith(".gz"):
                data = gzip.decompress(data)
        except OSError as err:  # gzip.BadGzipFile is an OSError too
            yield _fail(str(path), "unreadable", f"cannot read {path}: {err}")
            return
        except (EOFError, zlib.error) as err:
            yield _fail(str(path), "unreadable", f"{path} is a truncated gzip file: {err}")
            return
        yield from self.read_bytes(data, str(path), _inner_suffix(path.name) or None)

    def _text(self, data: bytes, origin: str) -> Iterator[Item]:
        urls = _url_list(data)
        if urls:
            for url in urls:
                yield Document(origin=url, kind=DocKind.URL, url=url)
        else:
            yield Document(origin=origin, kind=DocKind.TEXT, payload=data)

    def _url(self, url: str) -> Iterator[Item]:
        key = f"url:{url}"
        if self._known(key):
            # Stored as an article before; a feed never is, so feeds are always re-read.
            yield Document(origin=url, kind=DocKind.URL, url=url)
            return
        if self._fetcher is None:
            self._fetcher = self._make_fetcher()
        try:
            fetched = self._fetcher.fetch(url)
        except FetchError as err:
            yield Failure(key=key, origin=url, reason=err.reason, message=str(err))
            return
        if _is_feed(fetched):
            yield from read_feed(
                fetched.body, fetched.url, min_words=self._config.ingest.feed_min_words
            )
        else:
            yield page_document(fetched, url)


def page_document(fetched: Fetched, requested: str) -> Document:
    """A fetched page as a document keyed by the URL that was asked for."""
    kind = DocKind.TEXT if fetched.content_type == "text/plain" else DocKind.HTML
    return Document(
        origin=requested,
        kind=kind,
        payload=fetched.body,
        url=fetched.url,
        fixed_key=f"url:{requested}",
    )


def _is_feed(fetched: Fetched) -> bool:
    media = fetched.content_type
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return ("xml" in media or not media) and looks_like_feed(fetched.body)


def _inner_suffix(name: str) -> str:
    lower = name.lower().removesuffix(".gz")
    return Path(lower).suffix


def _kind_of_suffix(suffix: str) -> str | None:
    suffix = suffix.lower()
    for kind, suffixes in (("text", _TEXT), ("html", _HTML), ("feed", _FEED), ("json", _JSON)):
        if suffix in suffixes:
            return kind
    return {".csv": "csv", ".tsv": "tsv"}.get(suffix)


def _sniff(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "json"
    if looks_like_feed(head):
        return "feed"
    if head.startswith(b"<") and _HTML_START.search(head):
        return "html"
    return "text"


def _url_list(data: bytes) -> list[str]:
    """The URLs of a file that holds nothing but URLs, one a line; else []."""
    if not data.lstrip().startswith((b"http://", b"https://")):
        return []
    try:
        lines = [line.strip() for line in data.decode("utf-8").splitlines()]
    except UnicodeDecodeError:
        return []
    lines = [line for line in lines if line and not line.startswith("#")]
    return lines if all(_URL_LINE.fullmatch(line) for line in lines) else []


def _fail(origin: str, reason: str, message: str) -> Failure:
    return Failure(key=f"source:{origin}", origin=origin, reason=reason, message=message)
