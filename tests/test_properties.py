"""Property tests: any Unicode input yields events with in-bounds spans or a typed rejection."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.api import Pipeline
from tidings.errors import NotAnArticleError

WORDS = st.sampled_from(
    [
        *"Russia China the met said will could talks attack in Beijing on Monday".split(),
        *"Putin Trump denied proposed meeting between and Kremlin sanctions Iran".split(),
        *". , - officials police".split(),
        "\n",
    ]
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check(pipeline: Pipeline, text: str) -> None:
    try:
        article = pipeline.article(text, published="2025-08-20")
    except NotAnArticleError as err:
        assert err.reason in {"empty", "binary", "not-english", "too-large"}
        return
    for event in pipeline.run(article).events:
        spans = [event.trigger, *event.evidence]
        spans += [a.span for a in (*event.actors, *event.recipients) if a.span]
        if event.place and event.place.span:
            spans.append(event.place.span)
        if event.time and event.time.span:
            spans.append(event.time.span)
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)


@SETTINGS
@given(st.text())
def test_any_unicode_never_crashes(pipeline: Pipeline, text: str) -> None:
    _check(pipeline, text)


@SETTINGS
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_newsy_word_salad_keeps_spans_in_bounds(pipeline: Pipeline, text: str) -> None:
    _check(pipeline, text)
