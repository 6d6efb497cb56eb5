"""Status from tense, modality, negation and frames, one sentence at a time."""

from __future__ import annotations

import pytest

from tidings.api import Pipeline
from tidings.model import Status


@pytest.mark.parametrize(
    ("sentence", "event_type", "status"),
    [
        ("Putin met Xi in Beijing on Tuesday.", "CONSULT", Status.OCCURRED),
        ("Putin and Xi are holding talks in Beijing.", "CONSULT", Status.ONGOING),
        ("Putin will meet Xi in Beijing next week.", "CONSULT", Status.PLANNED),
        ("Putin and Xi agreed to meet in Beijing.", "CONSULT", Status.PLANNED),
        ("Putin is expected to visit Beijing next month.", "CONSULT", Status.PLANNED),
        ("Russia offered to host talks between Iran and Israel.", "CONSULT", Status.PROPOSED),
        ("Putin could meet Xi in Beijing next month.", "CONSULT", Status.POSSIBLE),
        ("Putin did not meet Xi during the visit.", "CONSULT", Status.DENIED),
        ("China denied that its warships fired on Philippine boats.", "ASSAULT", Status.DENIED),
        ("Scholz cancelled a planned visit to Turkey.", "CONSULT", Status.CANCELLED),
        ("The Kremlin called off talks with Ukraine.", "CONSULT", Status.CANCELLED),
        ("The EU may halt its mediation between Serbia and Kosovo.", "CONSULT", Status.POSSIBLE),
        ("Israeli troops attacked a camp in Jenin on Monday.", "ASSAULT", Status.OCCURRED),
    ],
)
def test_status(pipeline: Pipeline, sentence: str, event_type: str, status: Status) -> None:
    article = pipeline.article(sentence, published="2025-08-20")
    events = [e for e in pipeline.run(article).events if e.event_type.value == event_type]
    assert events, pipeline.run(article).events
    assert events[0].status is status


@pytest.mark.parametrize(
    ("sentence", "cameo"),
    [
        ("North Korea threatened to attack South Korea.", "138"),  # the threat absorbs the attack
        ("Russia offered to host talks between Iran and Israel.", "036"),  # intent to meet
        ("Syria says it will not accept any more refugees.", "120"),  # a refusal
        ("Nigeria said it will withdraw its troops from Chad unless a truce is agreed.", "139"),
        ("Britain said Libya must hand over the suspects.", "105"),  # a demand to yield
    ],
)
def test_report_codes(pipeline: Pipeline, sentence: str, cameo: str) -> None:
    events = pipeline.run(pipeline.article(sentence, published="2025-08-20")).events
    assert cameo in {e.cameo for e in events}, [(e.event_type, e.cameo) for e in events]


def test_speculation_without_actors_yields_nothing(pipeline: Pipeline) -> None:
    text = (
        "Observers note that such a meeting could serve as a platform for cooperation. "
        "Stakeholders should engage in preparatory consultations. Traditional blocs may "
        "reconsider their stances based on the outcome of the talks."
    )
    assert pipeline.run(pipeline.article(text, published="2025-08-20")).events == ()
