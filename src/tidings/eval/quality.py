"""Score sentence roles against articles labelled by hand (``tidings eval quality``).

A labelled article is a JSON file (or one line of a JSON Lines file)::

    {"id": "port-strike", "published": "2025-03-12",
     "paragraphs": [[["report", "Dock workers ... said."], ["context", "..."]], ...]}

The text is built from the paragraphs: sentences joined by a space (by a line break
when they are list items starting with "- "), paragraphs by a blank line. Each gold
sentence takes the role of the predicted sentence that overlaps it most, so the score
does not depend on agreeing with spaCy about sentence boundaries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tidings.errors import BadInputError
from tidings.eval._metrics import PRF, ratio, render_table
from tidings.model import Article, Span
from tidings.quality.records import ArticleQuality, Role

__all__ = [
    "LabelledArticle",
    "QualityReport",
    "evaluate_quality",
    "load_labelled",
    "score_quality",
]


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    """An article with a gold role for each of its sentences."""

    id: str
    text: str
    published: str | None
    gold: tuple[tuple[Span, Role], ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One gold sentence: its article, text, gold and predicted role."""

    article: str
    text: str
    gold: Role
    predicted: Role
    reason: str


@dataclass(frozen=True, slots=True)
class QualityReport:
    """Per-role precision/recall over sentences, and the fact-share error per article."""

    articles: int
    per_role: dict[Role, PRF]
    accuracy: float
    fact_share_error: float
    outcomes: tuple[Outcome, ...]

    def to_dict(self) -> dict[str, Any]:
        """Scores and every sentence's outcome, for JSON output."""
        return {
            "articles": self.articles,
            "sentences": len(self.outcomes),
            "accuracy": round(self.accuracy, 4),
            "fact_share_mean_abs_error": round(self.fact_share_error, 4),
            "roles": {role.value: prf.to_dict() for role, prf in self.per_role.items()},
            "outcomes": [
                {
                    "article": o.article,
                    "text": o.text,
                    "gold": o.gold.value,
                    "predicted": o.predicted.value,
                    "reason": o.reason,
                }
                for o in self.outcomes
            ],
        }

    def format_table(self) -> str:
        """Per-role precision, recall and F1 as a plain-text table."""
        rows = [
            (role.value, prf.precision, prf.recall, prf.f1, prf.tp + prf.fn)
            for role, prf in self.per_role.items()
        ]
        table = render_table(("role", "precision", "recall", "F1", "gold"), rows)
        return (
            f"{table}\n\n{self.articles} articles, {len(self.outcomes)} sentences; "
            f"accuracy {self.accuracy:.3f}; "
            f"mean absolute error of the fact share {self.fact_share_error:.3f}"
        )


def _article(data: dict[str, Any], origin: str) -> LabelledArticle:
    try:
        paragraphs = data["paragraphs"]
        pieces: list[str] = []
        gold: list[tuple[Span, Role]] = []
        position = 0
        for p, paragraph in enumerate(paragraphs):
            if p:
                pieces.append("\n\n")
                position += 2
            for s, (role, sentence) in enumerate(paragraph):
                if s:
                    separator = "\n" if sentence.startswith("- ") else " "
                    pieces.append(separator)
                    position += 1
                pieces.append(sentence)
                gold.append((Span(position, position + len(sentence)), Role(role)))
                position += len(sentence)
        return LabelledArticle(str(data["id"]), "".join(pieces), data.get("published"), tuple(gold))
    except (KeyError, TypeError, ValueError) as err:
        roles = [r.value for r in Role]
        raise BadInputError(
            f"{origin}: not a labelled article ({err}); expected "
            '{"id", "published", "paragraphs": [[[ROLE, SENTENCE], ...], ...]} '
            f"with ROLE one of {roles}"
        ) from err


def load_labelled(path: str | Path) -> list[LabelledArticle]:
    """Read labelled articles from a JSON file, a JSON Lines file or a folder of ``*.json``."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json")) + sorted(path.glob("*.jsonl"))
        return [a for f in files for a in load_labelled(f)]
    try:
        text = path.read_text("utf-8")
    except OSError as err:
        raise BadInputError(f"cannot read {path}: {err.strerror}") from err
    try:
        if path.suffix == ".jsonl":
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            items = [json.loads(text)]
    except json.JSONDecodeError as err:
        raise BadInputError(f"{path} is not valid JSON: {err}") from err
    return [_article(item, str(path)) for item in items]


def _predicted(quality: ArticleQuality, span: Span) -> tuple[Role, str]:
    best, overlap = None, 0
    for sentence in quality.sentences:
        shared = min(span.end, sentence.span.end) - max(span.start, sentence.span.start)
        if sentence.words and shared > overlap:
            best, overlap = sentence, shared
    if best is None:
        return Role.BOILERPLATE, "no predicted sentence overlaps"
    return best.role, best.reason


def _gold_share(article: LabelledArticle) -> float:
    words = {s: len(s.of(article.text).split()) for s, _ in article.gold}
    total = sum(words.values())
    return ratio(sum(words[s] for s, r in article.gold if r is Role.REPORT), total)


def score_quality(
    articles: Sequence[LabelledArticle], predictions: Sequence[ArticleQuality]
) -> QualityReport:
    """Compare predicted roles with the gold roles, sentence by sentence."""
    outcomes: list[Outcome] = []
    errors: list[float] = []
    for article, quality in zip(articles, predictions, strict=True):
        for span, role in article.gold:
            predicted, reason = _predicted(quality, span)
            outcomes.append(Outcome(article.id, span.of(article.text), role, predicted, reason))
        errors.append(abs(_gold_share(article) - quality.fact_share))
    per_role = {}
    for role in Role:
        tp = sum(1 for o in outcomes if o.gold is role and o.predicted is role)
        fp = sum(1 for o in outcomes if o.gold is not role and o.predicted is role)
        fn = sum(1 for o in outcomes if o.gold is role and o.predicted is not role)
        per_role[role] = PRF(tp, fp, fn)
    correct = sum(1 for o in outcomes if o.gold is o.predicted)
    return QualityReport(
        articles=len(articles),
        per_role=per_role,
        accuracy=ratio(correct, len(outcomes)),
        fact_share_error=sum(errors) / len(errors) if errors else 0.0,
        outcomes=tuple(outcomes),
    )


class _Runs(Protocol):
    def article(self, text: str, *, published: str | None = ...) -> Article: ...

    def run(self, article: Article) -> Any: ...


def evaluate_quality(path: str | Path, pipeline: _Runs) -> QualityReport:
    """Assess every labelled article under ``path`` with ``pipeline`` and score the roles.

    Raises:
        BadInputError: a file is unreadable or not in the labelled format, or the
            pipeline has quality switched off.
    """
    articles = load_labelled(path)
    predictions: list[ArticleQuality] = []
    for article in articles:
        result = pipeline.run(pipeline.article(article.text, published=article.published))
        if result.quality is None:
            raise BadInputError("quality is switched off ([quality] enabled = false)")
        predictions.append(result.quality)
    return score_quality(articles, predictions)
