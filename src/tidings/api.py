"""The public Python API: ``tidings.extract`` and the reusable :class:`Pipeline`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, reduce
from pathlib import Path

from tidings.actors import ActorKB, load_default_kb
from tidings.actors.tabari import read_actor_dictionary, read_agent_dictionary
from tidings.config import Config, load_config
from tidings.errors import BadInputError
from tidings.extract.attribution import load_outlets
from tidings.extract.discards import read_discard_dictionary
from tidings.extract.lexicon import Lexicon, load_lexicon
from tidings.extract.pipeline import EventExtractor
from tidings.extract.places import load_gazetteer
from tidings.extract.sentence_types import SentenceTyper, TypeWeights
from tidings.extract.verbdict import read_verb_dictionary
from tidings.model import Analysis, Article, EventMention
from tidings.nlp import Parser, load_parser
from tidings.ontology import load_ontology
from tidings.quality import ArticleQuality, Embedder, EmbeddingMode, RepetitionSettings, assess
from tidings.textcheck import check_text

__all__ = ["Pipeline", "Result", "extract", "parse_date"]


@dataclass(frozen=True, slots=True)
class Result:
    """What tidings found in one article."""

    article: Article
    events: tuple[EventMention, ...]
    quality: ArticleQuality | None = None  # None when [quality] enabled is false


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """Accept ``YYYY-MM-DD`` strings, dates and datetimes (whose date part is used)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as err:
        raise BadInputError(
            f"publication date {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-08-20"
        ) from err


class Pipeline:
    """A loaded model plus knowledge bases: build once, extract from many articles."""

    def __init__(
        self,
        config: Config | None = None,
        kb: ActorKB | None = None,
        *,
        parser: Parser | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.config = config or load_config()
        self.parser: Parser = parser or load_parser(self.config.models)
        quality = self.config.quality
        # The MiniLM model loads on first use (if at all), once per pipeline.
        self.embedder = embedder or Embedder(quality.embedding_package)
        self.repetition = RepetitionSettings(
            embedding=EmbeddingMode(quality.embedding),
            overlap_decides=quality.overlap_decides,
            overlap_floor=quality.overlap_floor,
            threshold=quality.repeat_threshold,
            embedding_weight=quality.embedding_weight,
            same_event_bonus=quality.same_event_bonus,
        )
        ontology = load_ontology()
        self.extractor = EventExtractor(
            lexicon=load_lexicon(_code_checker()),
            ontology=ontology,
            kb=kb if kb is not None else load_default_kb(),
            gazetteer=load_gazetteer(),
            outlets=load_outlets(),
            typer=SentenceTyper(self.embedder, TypeWeights.load())
            if self.config.sentence_types
            else None,
            type_floor=self.config.sentence_type_floor,
        )

    def with_dictionaries(
        self,
        actors: Iterable[str | Path] = (),
        agents: Iterable[str | Path] = (),
        verbs: Iterable[str | Path] = (),
        discards: Iterable[str | Path] = (),
        *,
        only: bool = False,
    ) -> Pipeline:
        """A pipeline that also uses PETRARCH/TABARI dictionaries: actor and agent
        entries join the knowledge base; the verbs a verb dictionary lists are coded by its
        patterns (:mod:`tidings.extract.verbpatterns`) instead of the shipped triggers;
        a discard dictionary's phrases make their sentence (or article) code nothing.
        ``only``: the dictionaries replace the shipped knowledge base and, when verb
        dictionaries are given, the shipped triggers, instead of joining them: events are
        coded as the dictionaries alone code them (as PETRARCH does)."""
        entries = [e for path in actors for e in read_actor_dictionary(Path(path))]
        entries += [e for path in agents for e in read_agent_dictionary(Path(path))]
        kb = ActorKB(entries) if only else self.extractor.kb.with_entries(entries)
        clone = Pipeline(self.config, kb, parser=self.parser, embedder=self.embedder)
        loaded = [read_verb_dictionary(Path(path)) for path in verbs]
        if loaded:
            patterns = reduce(lambda a, b: a.merged(b), loaded)
            clone.extractor = replace(clone.extractor, verbs=patterns)
            if only:  # the user's verbs alone: no shipped triggers (frames still read status)
                lexicon = Lexicon({}, clone.extractor.lexicon.frames)
                clone.extractor = replace(clone.extractor, lexicon=lexicon, typer=None)
        phrases = [read_discard_dictionary(Path(path)) for path in discards]
        if phrases:
            discarded = reduce(lambda a, b: a.merged(b), phrases)
            clone.extractor = replace(clone.extractor, discards=discarded)
        return clone

    def article(
        self,
        text: str,
        *,
        published: str | dt.date | None = None,
        outlet: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Article:
        """Check ``text`` and wrap it as an :class:`Article`."""
        checked = check_text(
            text,
            max_bytes=self.config.max_bytes,
            min_words_for_language_check=self.config.min_words_for_language_check,
            min_english_ratio=self.config.min_english_ratio,
        )
        return Article(
            checked, title=title, published=parse_date(published), outlet=outlet, url=url
        )

    def analyse(self, article: Article) -> Analysis:
        return self.parser.analyse(article)

    def run(self, article: Article) -> Result:
        """Extract events from one checked article."""
        return self._result(self.parser.analyse(article))

    def run_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Extract events from many articles, parsing them in batches."""
        for analysis in self.parser.analyse_many(articles, self.config.batch_size):
            yield self._result(analysis)

    def _result(self, analysis: Analysis) -> Result:
        events = tuple(
            e
            for e in self.extractor.extract(analysis)
            if e.confidence >= self.config.min_confidence
        )
        quality = (
            assess(analysis, events, self.repetition, self.embedder)
            if self.config.quality.enabled
            else None
        )
        return Result(analysis.article, events, quality)


def _code_checker() -> object:
    ontology = load_ontology()
    known = {c.code for c in ontology.cameo_codes()}
    return known.__contains__


@cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str,
    *,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Result:
    """Extract the political events one news article reports, and assess the article.

    ``result.quality`` gives every sentence a role (report, context, speculation,
    boilerplate, repetition) and the share of words that carry new reported fact.

    Args:
        text: The article body (English).
        published: Publication date (``YYYY-MM-DD``); relative times such as
            "this September" are resolved against it and left unresolved without it.
        outlet: The publishing outlet, e.g. ``"ndtv.com"``.
        title: The headline, if separate from the text.
        url: Where the article came from.

    Raises:
        NotAnArticleError: the text is empty, binary, too large or not English.
        BadInputError: ``published`` is not a date.
    """
    pipeline = _default_pipeline()
    article = pipeline.article(text, published=published, outlet=outlet, title=title, url=url)
    return pipeline.run(article)
