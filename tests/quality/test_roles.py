"""Sentence roles on short texts: one rule at a time, with its reason."""

from __future__ import annotations

import pytest

from tidings.api import Pipeline
from tidings.quality import ArticleQuality, EmbeddingMode, RepetitionSettings, Role, assess
from tidings.quality.summary import role_shares, verdict


def quality(pipeline: Pipeline, text: str, published: str = "2025-05-01") -> ArticleQuality:
    analysis = pipeline.analyse(pipeline.article(text, published=published))
    events = pipeline.extractor.extract(analysis)
    return assess(analysis, events, RepetitionSettings(embedding=EmbeddingMode.OFF))


@pytest.mark.parametrize(
    ("sentence", "role", "cue"),
    [
        ("The talks could collapse within days.", Role.SPECULATION, "could"),
        ("Analysts say the ceasefire is fragile.", Role.SPECULATION, "unnamed analysts"),
        ("Prices will likely rise across the region.", Role.SPECULATION, "likely"),
        ("The move suggests a shift in strategy.", Role.SPECULATION, "inference"),
        ("The two sides appear ready to compromise.", Role.SPECULATION, "appear"),
        (
            "Finance Minister Sven Olsen said prices could rise in Norway next year.",
            Role.REPORT,
            "Sven Olsen",
        ),
        ("Stakeholders should engage in constructive dialogue.", Role.BOILERPLATE, "advice"),
        ("Cooperation is vital for lasting stability.", Role.BOILERPLATE, "advice"),
        ("Diplomacy matters in a changing world.", Role.BOILERPLATE, "no specific"),
        (
            "Police arrested 40 protesters in Lagos on Tuesday, a police spokesman said.",
            Role.REPORT,
            "police spokesman",
        ),
        ("Norway's central bank raised its key rate to 4.5 percent on Thursday.", Role.REPORT, ""),
        ("The two countries had fought a border war in 1998.", Role.CONTEXT, "past perfect"),
        ("Ghana held its first multiparty election in 1992.", Role.CONTEXT, "1992"),
        ("Olsen is a former central banker.", Role.CONTEXT, "who or what"),
        ("The deal marks a turning point for Norway.", Role.SPECULATION, "interprets"),
    ],
)
def test_single_sentence_roles(pipeline: Pipeline, sentence: str, role: Role, cue: str) -> None:
    # A neutral lead first, so the sentence under test is never the only one.
    text = "Voters in Oslo elected a new city council on Monday, officials said.\n\n" + sentence
    found = quality(pipeline, text).sentences[-1]
    assert found.role is role, found.reason
    assert cue in found.reason


def test_heading_list_marker_and_restatement(pipeline: Pipeline) -> None:
    text = (
        "Kenya and Uganda signed a railway agreement in Nairobi on Monday, the Kenyan "
        "transport ministry said.\n"
        "Why Railways Matter\n"
        "- \n"
        "The railway agreement signed in Nairobi by Kenya and Uganda was welcomed.\n"
    )
    roles = quality(pipeline, text).sentences
    assert roles[0].role is Role.REPORT
    heading = next(r for r in roles if "Railways" in r.span.of(text))
    assert heading.role is Role.BOILERPLATE and "heading" in heading.reason
    last = roles[-1]
    assert last.role is Role.REPETITION and last.similar_to == 0
    assert "restates sentence 1" in last.reason


def test_summary_counts_shares_and_sources(pipeline: Pipeline) -> None:
    text = (
        "Police arrested 40 protesters in Lagos on Tuesday, police spokesman Benjamin "
        "Hundeyin said. Some observers say the crackdown could backfire. "
        "Peace requires patience and compromise."
    )
    result = quality(pipeline, text)
    assert [s.role for s in result.sentences] == [
        Role.REPORT,
        Role.SPECULATION,
        Role.BOILERPLATE,
    ]
    assert result.words == sum(s.words for s in result.sentences)
    assert sum(r.share for r in result.roles) == pytest.approx(1.0)
    assert result.fact_share == result.share(Role.REPORT)
    assert result.distinct_facts == 1 == result.count(Role.REPORT)
    assert result.named_sources == ("police spokesman Benjamin Hundeyin",)
    assert "named" in result.verdict and "%" in result.verdict


def test_verdict_bands() -> None:
    shares, _ = role_shares(())
    assert verdict(shares, 0.8, 5, 2, 0).startswith("Mostly reporting: 80%")
    assert verdict(shares, 0.3, 1, 0, 1).startswith("Mixed")
    assert verdict(shares, 0.05, 1, 1, 0).startswith("Mostly padding")
    assert "(1 fact)" in verdict(shares, 0.05, 1, 1, 0)
