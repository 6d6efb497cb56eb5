"""Assess one analysed article: a role for every sentence and the article's summary."""

from __future__ import annotations

from collections.abc import Sequence

from tidings.embed import Embedder
from tidings.model import Analysis, EventMention, Span
from tidings.quality.classify import Verdict, first_pass, second_pass
from tidings.quality.features import SentenceFeatures, entities_by_sentence, features
from tidings.quality.records import ArticleQuality, Role, SentenceRole
from tidings.quality.repetition import (
    EmbeddingMode,
    Match,
    RepetitionSettings,
    find_repetitions,
)
from tidings.quality.sources import Source, sources
from tidings.quality.summary import role_shares, verdict

__all__ = ["assess"]


def _text(analysis: Analysis, feats: SentenceFeatures) -> str:
    """The sentence as the embedding should see it: no list marker, one line."""
    if not feats.tokens:
        return ""
    first, last = feats.tokens[0], feats.tokens[-1]
    text = analysis.article.text[first.idx : last.idx + len(last.text)]
    return " ".join(text.lstrip("-–—•* ").split())


def _distinct(found: Sequence[Source], named: bool) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for source in found:
        if source.named == named:
            seen.setdefault(source.text.lower(), source.text)
    return tuple(seen.values())


def _event_groups(events: Sequence[EventMention]) -> list[frozenset[int]]:
    """Sentences mentioning events of one type (the extractor may split one story's
    event when a restatement names its parties differently)."""
    by_type: dict[str, set[int]] = {}
    for event in events:
        by_type.setdefault(event.event_type.value, set()).update(event.sentences)
    return [frozenset(g) for g in by_type.values() if len(g) > 1]


def _method(embedded: bool, embedder: Embedder | None) -> str:
    if embedded:
        return "embedding+overlap"
    if embedder is None:
        return "overlap (embedding switched off)"
    if embedder.unavailable:
        return f"overlap (MiniLM unavailable: {embedder.unavailable})"
    return "overlap"


def _repetition(
    f: SentenceFeatures, span: Span, match: Match, embedder: Embedder | None
) -> SentenceRole:
    same = ", same event type" if match.same_event else ""
    reason = (
        f"restates sentence {match.target + 1} "
        f"({match.method} similarity {match.score:.2f}{same}) and adds no new "
        "name, place, date or figure"
    )
    if embedder is not None and embedder.unavailable is not None:
        reason += f" [word overlap only: {embedder.unavailable}]"
    return SentenceRole(
        f.index,
        span,
        Role.REPETITION,
        reason,
        f.words,
        similar_to=match.target,
        similarity=round(match.score, 3),
    )


def _summary(
    roles: Sequence[SentenceRole], cited: Sequence[Sequence[Source]], method: str
) -> ArticleQuality:
    shares, total = role_shares(roles)
    facts = sum(1 for r in roles if r.role is Role.REPORT)
    everyone = [s for found in cited for s in found]
    named, unnamed = _distinct(everyone, True), _distinct(everyone, False)
    fact_share = next(s.share for s in shares if s.role is Role.REPORT)
    return ArticleQuality(
        sentences=tuple(roles),
        roles=shares,
        words=total,
        fact_share=fact_share,
        distinct_facts=facts,
        named_sources=named,
        unnamed_sources=unnamed,
        similarity=method,
        verdict=verdict(shares, fact_share, facts, len(named), len(unnamed)),
    )


def assess(
    analysis: Analysis,
    events: Sequence[EventMention] = (),
    settings: RepetitionSettings | None = None,
    embedder: Embedder | None = None,
) -> ArticleQuality:
    """Give every sentence of ``analysis`` a role and sum up the article.

    Args:
        analysis: The parsed article.
        events: The event mentions extracted from it: their triggers name events in
            the reasons, and sentences about events of one type are compared more
            closely for repetition.
        settings: Repetition thresholds and when to use the embedding.
        embedder: The MiniLM embedding; None (or unavailable) means word overlap only.

    Returns:
        The article's quality, with one :class:`SentenceRole` per sentence.
    """
    settings = settings or RepetitionSettings()
    grouped = entities_by_sentence(analysis)
    feats = [features(analysis, s, grouped[s.index]) for s in analysis.sentences]
    cited = [sources(analysis, f) for f in feats]
    first = next((f.index for f in feats if f.words), None)
    verdicts: dict[int, Verdict] = {}
    for f in feats:
        early = first_pass(analysis, f, cited[f.index], headline=f.index == first and f.heading)
        if early is not None:
            verdicts[f.index] = early
    use = embedder if settings.embedding is not EmbeddingMode.OFF else None
    matches, embedded = find_repetitions(
        feats,
        [_text(analysis, f) for f in feats],
        candidates=[f.index for f in feats if f.index not in verdicts],
        targets=[f.index for f in feats if f.words and not f.heading],
        settings=settings,
        cosines=use.cosines if use else None,
        events=_event_groups(events),
    )
    roles: list[SentenceRole] = []
    for f in feats:
        span = analysis.sentences[f.index].span
        match = matches.get(f.index)
        if match is not None:
            roles.append(_repetition(f, span, match, use))
            continue
        found = verdicts.get(f.index) or second_pass(
            analysis, f, cited[f.index], events, analysis.article.published
        )
        roles.append(SentenceRole(f.index, span, found.role, found.reason, f.words))
    return _summary(roles, cited, _method(embedded, use))
