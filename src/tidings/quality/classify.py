"""The role rules: one decision list, applied to one sentence at a time.

The list runs in two passes around repetition detection, because a sentence that
hedges or advises is that whatever else it restates, while a plain restatement is a
repetition before it can be a report:

1. no words (a list marker) or a section heading → boilerplate;
2. a hedge, forecast or inference not attributed to an actor → speculation;
3. advice addressed to no one in particular → boilerplate;
4. (second pass) restates an earlier sentence → repetition;
5. no specific actor, place, time or figure and no source → boilerplate;
6. interprets the significance of something that is not an actor → speculation;
7. a fragment, or a main clause about the past or describing who someone is → context;
8. otherwise it states an event or claim with a source or detail → report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tidings.model import Analysis, EventMention
from tidings.quality.cues import (
    action_cue,
    advice_cue,
    background_cue,
    commentary_cue,
    speculation_cue,
)
from tidings.quality.features import SentenceFeatures
from tidings.quality.records import Role
from tidings.quality.sources import Source

__all__ = ["Verdict", "first_pass", "second_pass"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A role and its reason (before it becomes a :class:`SentenceRole`)."""

    role: Role
    reason: str


def first_pass(
    analysis: Analysis, feats: SentenceFeatures, cited: Sequence[Source], headline: bool = False
) -> Verdict | None:
    """Rules 1-3; None when the sentence may still be a repetition.

    ``headline`` marks the article's first line when it is a heading: it may restate
    the story even when its title case hides the verb ("Qatar Proposes Talks").
    """
    if feats.words == 0:
        return Verdict(Role.BOILERPLATE, "no words (a list marker or punctuation)")
    if feats.section_heading and not headline:
        return Verdict(Role.BOILERPLATE, "section heading: states nothing")
    hedge = speculation_cue(analysis, feats)
    if hedge is not None:
        claimant = next((s for s in cited if s.actor), None)
        if claimant is None:
            return Verdict(Role.SPECULATION, hedge)
    advice = advice_cue(analysis, feats)
    if advice is not None:
        return Verdict(Role.BOILERPLATE, advice)
    return None


def _event_phrase(events: Sequence[EventMention], feats: SentenceFeatures) -> str | None:
    if not feats.tokens:
        return None
    start = feats.tokens[0].idx
    end = feats.tokens[-1].idx + len(feats.tokens[-1].text)
    for event in events:
        if start <= event.trigger.start < end:
            return f"{event.event_type.value} event ({event.status.value})"
    return None


def _list(items: Sequence[tuple[str, ...]], limit: int = 3) -> str:
    shown = ", ".join("'" + " ".join(i) + "'" for i in items[:limit])
    return shown + (", ..." if len(items) > limit else "")


def second_pass(
    analysis: Analysis,
    feats: SentenceFeatures,
    cited: Sequence[Source],
    events: Sequence[EventMention],
    published: dt.date | None,
) -> Verdict:
    """Rules 5-8, for a sentence that is not a repetition."""
    action = action_cue(analysis, feats)
    if not feats.specifics and not cited and action is None:
        return Verdict(Role.BOILERPLATE, "no specific actor, place, time or figure")
    comment = commentary_cue(analysis, feats)
    if comment is not None:
        return Verdict(Role.SPECULATION, comment)
    details = sorted(feats.specifics)
    if not feats.finite:
        return Verdict(Role.CONTEXT, f"names {_list(details)} but states no event")
    background = background_cue(analysis, feats, published)
    if background is not None:
        return Verdict(Role.CONTEXT, background)
    event = _event_phrase(events, feats)
    if cited:
        source = cited[0]
        kind = "named" if source.named else "unnamed"
        what = event or "claim"
        return Verdict(Role.REPORT, f"{what} attributed to {source.text!r} ({kind} source)")
    if event is not None and details:
        return Verdict(Role.REPORT, f"{event} with detail {_list(details)}")
    if action is not None and not details:
        return Verdict(Role.REPORT, action)
    return Verdict(Role.REPORT, f"statement with specific detail {_list(details)}")
