"""The records article quality produces: one role per sentence, one summary per article."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tidings.model import Span

__all__ = ["ArticleQuality", "Role", "RoleShare", "SentenceRole"]


class Role(StrEnum):
    """What a sentence contributes to an article.

    ``REPORT`` states an event or claim with a source or a concrete detail;
    ``CONTEXT`` gives background (dates, prior events, who someone is);
    ``SPECULATION`` hedges, forecasts or interprets (could, might, observers note);
    ``BOILERPLATE`` is generic, with no specific actor, place, time or figure;
    ``REPETITION`` restates an earlier sentence of the same article.
    """

    REPORT = "report"
    CONTEXT = "context"
    SPECULATION = "speculation"
    BOILERPLATE = "boilerplate"
    REPETITION = "repetition"


@dataclass(frozen=True, slots=True)
class SentenceRole:
    """The role of one sentence and why it was given.

    Attributes:
        index: The sentence's index in :attr:`Analysis.sentences`.
        span: The sentence's character span in the article text.
        role: The role.
        reason: A short human-readable reason naming the deciding cue.
        words: Number of words (tokens with a letter or digit) in the sentence.
        similar_to: For repetitions, the earlier sentence this one restates
            (the original, not an intermediate restatement).
        similarity: The similarity behind ``similar_to`` (0..1), if any.
    """

    index: int
    span: Span
    role: Role
    reason: str
    words: int
    similar_to: int | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class RoleShare:
    """How many sentences and what share of the article's words one role has."""

    role: Role
    sentences: int
    words: int
    share: float


@dataclass(frozen=True, slots=True)
class ArticleQuality:
    """How much of an article is new reported fact.

    Attributes:
        sentences: Every sentence's role, in text order.
        roles: Counts and word shares per role, in :class:`Role` order.
        words: Words in the article (the denominator of every share).
        fact_share: Share of words in report sentences: words that carry new
            reported fact (repetitions are excluded by construction).
        distinct_facts: Number of report sentences; restatements are labelled
            repetition, so each counts once.
        named_sources: Distinct named sources cited ("the Kremlin", "NDTV").
        unnamed_sources: Distinct unnamed sources ("officials", "observers").
        similarity: How repetitions were measured: ``"embedding+overlap"`` or
            ``"overlap"`` (MiniLM unavailable or switched off).
        verdict: One line for people.
    """

    sentences: tuple[SentenceRole, ...]
    roles: tuple[RoleShare, ...]
    words: int
    fact_share: float
    distinct_facts: int
    named_sources: tuple[str, ...]
    unnamed_sources: tuple[str, ...]
    similarity: str
    verdict: str

    def share(self, role: Role) -> float:
        """The share of words with ``role``."""
        return next(r.share for r in self.roles if r.role is role)

    def count(self, role: Role) -> int:
        """The number of sentences with ``role``."""
        return next(r.sentences for r in self.roles if r.role is role)
