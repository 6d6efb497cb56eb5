"""Who says so: the source of a reported event and the outlet it came through."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tidings.extract.actors import ActorResolver, is_resolved
from tidings.extract.lexicon import Lexicon
from tidings.extract.syntax import phrase, phrase_span
from tidings.model import Actor, Analysis, Attribution, Sentence, Span, Token

__all__ = ["Outlets", "article_outlet", "attribute", "load_outlets"]

# Organisation names that say "news organisation" even when we do not list the outlet.
_MEDIA_WORDS = re.compile(
    r"\b(news|agency|times|post|journal|herald|tribune|gazette|radio|tv|television|press|daily|"
    r"broadcast\w*|newspaper|magazine|channel|wire)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Outlets:
    """Known news outlets, matched case-insensitively on the whole name."""

    names: dict[str, str]
    pattern: re.Pattern[str]

    def match(self, text: str) -> str | None:
        """The outlet named in ``text`` ("state media KCNA" names KCNA), if any."""
        found = self.pattern.search(text)
        return self.names[found.group(0).lower()] if found else None


@cache
def load_outlets() -> Outlets:
    """The shipped outlet list (``data/outlets.txt``)."""
    text = resources.files("tidings.extract").joinpath("data", "outlets.txt").read_text("utf-8")
    names = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    # Longest names first, whole words, case as written ("AP" must not match "ap").
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in ordered) + r")\b")
    return Outlets({name.lower(): name for name in names}, pattern)


def _source_head(analysis: Analysis, report: Token) -> Token | None:
    if report.lower == "according":
        for child in analysis.children(report):
            for grandchild in analysis.children(child):
                if grandchild.dep == "pobj":
                    return grandchild
        return None
    return next((c for c in analysis.children(report) if c.dep == "nsubj"), None)


def _according_to(analysis: Analysis, sentence: Sentence) -> Token | None:
    for token in analysis.sentence_tokens(sentence):
        if token.lower == "according":
            return token
    return None


def _outlet_name(analysis: Analysis, outlets: Outlets, head: Token) -> tuple[str, Span] | None:
    tokens = phrase(analysis, head)
    span = phrase_span(tokens)
    text = span.of(analysis.article.text)
    known = outlets.match(text)
    if known:
        return known, span
    if head.ent_type == "ORG" and _MEDIA_WORDS.search(text):
        return re.sub(r"^(the)\s+", "", text, flags=re.IGNORECASE), span
    return None


def attribute(
    analysis: Analysis,
    resolver: ActorResolver,
    outlets: Outlets,
    report: Token | None,
    sentence: Sentence,
    earlier: Sequence[Actor],
) -> Attribution | None:
    """The attribution of an event whose status walk met ``report`` (if any)."""
    report = report or _according_to(analysis, sentence)
    if report is None:
        return None
    head = _source_head(analysis, report)
    if head is None:
        return None
    cue = "according to" if report.lower == "according" else report.text
    outlet = _outlet_name(analysis, outlets, head)
    if outlet is not None:
        return Attribution(outlet=outlet[0], outlet_span=outlet[1], cue=cue)
    source = resolver.resolve(analysis, head, earlier)
    tokens = phrase(analysis, head)
    span = phrase_span(tokens)
    return Attribution(
        source=source if source is not None and is_resolved(source) else None,
        source_text=span.of(analysis.article.text),
        source_span=span,
        cue=cue,
    )


def article_outlet(
    analysis: Analysis, lexicon: Lexicon, outlets: Outlets
) -> tuple[str, Span] | None:
    """An outlet the article cites as its source ("NDTV reports that ...")."""
    for token in analysis.tokens:
        if token.lower != "according":
            frame = lexicon.frame(analysis, token)
            if (
                frame is None
                or frame.kind != "report"
                or token.lemma.lower() not in ("report", "quote", "cite", "say")
            ):
                continue
        head = _source_head(analysis, token)
        if head is not None:
            found = _outlet_name(analysis, outlets, head)
            if found is not None:
                return found
    return None
