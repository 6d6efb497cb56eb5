"""Per-document work: fetch, extract, check, analyse, sign. Runs in-process, in a pool or on Dask.

A :class:`Preparer` holds what one process needs (the spaCy pipeline, an HTTP
client, the MinHash functions); with ``--jobs N`` each worker process builds one
at start-up, and each Dask worker one on its first batch (:mod:`tidings.scale`),
so spaCy loads once per worker. Preparers never touch the store:
the parent process does all writes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from tidings.api import Pipeline, Result
from tidings.config import Config
from tidings.errors import FetchError, NotAnArticleError, TidingsError
from tidings.ingest.fetch import Fetcher
from tidings.ingest.html import extract_html, outlet_of
from tidings.ingest.neardup import MinHasher
from tidings.ingest.records import DocKind, Document, Failure, Prepared
from tidings.ingest.sources import page_document
from tidings.model import Article
from tidings.textcheck import decode

__all__ = ["Preparer", "init_worker", "prepare_in_worker"]

log = logging.getLogger(__name__)


class Preparer:
    """Turns documents into :class:`Prepared` articles or :class:`Failure` records."""

    def __init__(self, config: Config, pipeline: Pipeline | None = None) -> None:
        self._config = config
        self._pipeline = pipeline or Pipeline(config)
        settings = config.ingest
        self.hasher = MinHasher(
            settings.minhash_permutations, settings.minhash_bands, settings.shingle_words
        )
        self._fetcher: Fetcher | None = None

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def prepare(self, documents: Sequence[Document]) -> list[Prepared | Failure]:
        """Prepare a batch; the result has one record per document, in order."""
        out: list[Prepared | Failure | Article] = [self._checked(doc) for doc in documents]
        articles = [a for a in out if isinstance(a, Article)]
        results = iter(self._analyse(articles))
        prepared: list[Prepared | Failure] = []
        for document, item in zip(documents, out, strict=True):
            if isinstance(item, Article):
                item = self._finish(document, next(results))
            prepared.append(item)
        return prepared

    def _checked(self, document: Document) -> Article | Failure:
        try:
            return self._article(document)
        except (NotAnArticleError, FetchError) as err:
            return Failure(document.key, document.origin, err.reason, str(err))
        except TidingsError as err:
            return Failure(document.key, document.origin, "bad-input", str(err))
        except Exception as err:  # one odd document must not stop the run: record it
            log.exception("unexpected error preparing %s", document.origin)
            return Failure(document.key, document.origin, "error", f"{type(err).__name__}: {err}")

    def _article(self, document: Document) -> Article:
        if document.kind is DocKind.URL:
            document = self._fetch(document)
        title, published, author = document.title, document.published, document.author
        outlet = document.outlet or outlet_of(document.url)
        if document.kind is DocKind.HTML:
            found = extract_html(
                document.payload, document.url, min_words=self._config.ingest.html_min_words
            )
            text = found.text
            title, published = title or found.title, published or found.published
            outlet, author = outlet or found.outlet, author or found.author
        elif isinstance(document.payload, bytes):
            text = decode(document.payload, max_bytes=self._config.max_bytes)
        else:
            text = document.payload
        # Outer whitespace (a file's final newline) must not make a copy look new.
        text = text.strip()
        article = self._pipeline.article(
            text, published=published, outlet=outlet, title=title, url=document.url
        )
        return replace(article, author=author) if author else article

    def _fetch(self, document: Document) -> Document:
        if document.url is None:
            raise FetchError("bad-url", "document has no URL to fetch")
        if self._fetcher is None:
            self._fetcher = Fetcher(self._config.fetch)
        page = page_document(self._fetcher.fetch(document.url), document.url)
        return replace(
            page,
            origin=document.origin,
            title=document.title,
            published=document.published,
            outlet=document.outlet,
            author=document.author,
        )

    def _analyse(self, articles: list[Article]) -> list[Result | Failure]:
        try:
            return list(self._pipeline.run_many(articles))
        except Exception:  # find the article that broke the batch; the others still count
            log.exception("batch analysis failed; retrying its articles one by one")
        results: list[Result | Failure] = []
        for article in articles:
            try:
                results.append(self._pipeline.run(article))
            except Exception as err:
                results.append(Failure("", "", "error", f"{type(err).__name__}: {err}"))
        return results

    def _finish(self, document: Document, result: Result | Failure) -> Prepared | Failure:
        if isinstance(result, Failure):
            return replace(result, key=document.key, origin=document.origin)
        return Prepared(
            key=document.key,
            origin=document.origin,
            article=result.article,
            events=result.events,
            signature=self.hasher.signature(result.article.text),
            quality=getattr(result, "quality", None),
        )


# One Preparer per worker process, built by the pool's initializer: module state is
# the only way a ProcessPoolExecutor task can reach per-process resources.
_WORKER: list[Preparer] = []


def init_worker(config: Config) -> None:
    """Pool initializer: load the pipeline once in this worker process."""
    _WORKER.append(Preparer(config))


def prepare_in_worker(documents: list[Document]) -> list[Prepared | Failure]:
    """Pool task: prepare a batch with this worker's Preparer."""
    return _WORKER[0].prepare(documents)
