"""The hand-labelled articles in fixtures/: per-role floors and the scorer itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.api import Pipeline
from tidings.errors import BadInputError
from tidings.eval.quality import evaluate_quality, load_labelled, score_quality
from tidings.quality import Role

FIXTURES = Path(__file__).parent / "fixtures"
# Floors a little under the figures in docs/accuracy.md; raise them as the rules improve.
FLOORS = {
    Role.REPORT: 0.85,
    Role.CONTEXT: 0.8,
    Role.SPECULATION: 0.85,
    Role.BOILERPLATE: 0.85,
    Role.REPETITION: 0.7,
}


def test_fixtures_cover_every_role() -> None:
    articles = load_labelled(FIXTURES)
    assert 8 <= len(articles) <= 12
    roles = {role for a in articles for _, role in a.gold}
    assert roles == set(Role)
    for article in articles:
        for span, _ in article.gold:
            assert span.of(article.text).strip() == span.of(article.text)


def test_labelled_set_meets_floors(pipeline: Pipeline) -> None:
    report = evaluate_quality(FIXTURES, pipeline)
    for role, floor in FLOORS.items():
        assert report.per_role[role].f1 >= floor, (role, report.format_table())
    assert report.accuracy >= 0.85
    assert report.fact_share_error <= 0.1
    assert "precision" in report.format_table()
    assert json.dumps(report.to_dict())


def test_scorer_counts_per_role() -> None:
    from tidings.quality import ArticleQuality, RoleShare, SentenceRole

    article = load_labelled(FIXTURES / "port-strike.json")[0]
    predicted = tuple(
        SentenceRole(n, span, Role.REPORT, "test", len(span.of(article.text).split()))
        for n, (span, _) in enumerate(article.gold)
    )
    quality = ArticleQuality(
        predicted,
        tuple(RoleShare(r, 0, 0, 1.0 if r is Role.REPORT else 0.0) for r in Role),
        100,
        1.0,
        len(predicted),
        (),
        (),
        "overlap",
        "",
    )
    report = score_quality([article], [quality])
    gold_reports = sum(1 for _, r in article.gold if r is Role.REPORT)
    assert report.per_role[Role.REPORT].tp == gold_reports
    assert report.per_role[Role.REPORT].fp == len(article.gold) - gold_reports
    assert report.per_role[Role.CONTEXT].fn == 2


@pytest.mark.parametrize(
    "content",
    ['{"id": "x", "paragraphs": [[["rumour", "Text."]]]}', "not json", '{"id": "x"}'],
)
def test_bad_labelled_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(BadInputError):
        load_labelled(path)


def test_jsonl_file(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "published": None, "paragraphs": [[["report", "One."]]]}),
        json.dumps({"id": "b", "paragraphs": [[["boilerplate", "Two."], ["report", "Three."]]]}),
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines))
    articles = load_labelled(path)
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[1].text == "Two. Three."
