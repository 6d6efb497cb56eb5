"""Merge the candidates of one article into one EventMention per event.

Candidates are the same event when they have the same event type and the same
parties (by country or organisation; order-insensitive when the event is
reciprocal). A candidate without parties whose event noun is anaphoric ("such a
meeting") adds its evidence to the latest event of its type. The merged status
comes from the candidates whose status has an explicit cue, by precedence:
ongoing > occurred > cancelled > denied > planned > proposed > possible
(talks that met on Monday and "continue" are ongoing). The
CAMEO code then follows from the action and the status (see ``coding``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tidings.extract.candidates import Candidate
from tidings.extract.coding import code_for, plover_of
from tidings.model import Actor, Article, Attribution, EventMention, EventType, Span, Status
from tidings.ontology import Ontology

__all__ = ["STATUS_PRECEDENCE", "merge_candidates"]

STATUS_PRECEDENCE = (
    Status.ONGOING,
    Status.OCCURRED,
    Status.CANCELLED,
    Status.DENIED,
    Status.PLANNED,
    Status.PROPOSED,
    Status.POSSIBLE,
)
_SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE})


@dataclass(slots=True)
class _Group:
    """Candidates gathered for one event while merging (local to this module)."""

    key: tuple[object, ...]
    members: list[Candidate] = field(default_factory=list)


def _party(actor: Actor) -> str:
    return actor.igo or actor.country or actor.name or actor.text


def _key(candidate: Candidate) -> tuple[object, ...]:
    # A denial stays apart from the claim it denies: "Manila said Chinese vessels
    # attacked; Beijing denied it" is two mentions, each with its own source.
    denied = candidate.reading.status is Status.DENIED
    actors = frozenset(_party(a) for a in candidate.actors)
    recipients = frozenset(_party(r) for r in candidate.recipients)
    if candidate.fixed_code:  # a user dictionary codes each direction on its own
        return (candidate.event_type, denied, actors, recipients, candidate.base_code)
    if candidate.reciprocal or candidate.event_type in _SYMMETRIC:
        return (candidate.event_type, denied, actors | recipients)
    return (candidate.event_type, denied, actors, recipients)


def _refers_to(anaphor: Candidate, group: _Group) -> bool:
    """ "such a meeting" refers to any earlier meeting-type event; "the summit" only to a summit."""
    if group.key[0] != anaphor.event_type:
        return False
    lemma = anaphor.trigger.lemma.lower()
    return anaphor.demonstrative or any(m.trigger.lemma.lower() == lemma for m in group.members)


def merge_candidates(
    candidates: Sequence[Candidate],
    ontology: Ontology,
    article: Article,
    cited_outlet: tuple[str, Span] | None,
) -> tuple[EventMention, ...]:
    """Merge per-sentence candidates into event mentions, in order of first mention."""
    groups: list[_Group] = []
    for candidate in candidates:
        if candidate.anaphoric:
            target = next((g for g in reversed(groups) if _refers_to(candidate, g)), None)
            if target is not None:
                target.members.append(candidate)
            continue
        key = _key(candidate)
        group = next((g for g in groups if _same_event(g.key, key)), None)
        group = group or next((g for g in groups if _target_unnamed(g, key, candidate)), None)
        if group is not None and len(key) == 4 and not group.key[3]:
            group.key = key  # the mention that names the target keys the event
        if group is None:
            group = _Group(key)
            groups.append(group)
        elif len(key) == 3 and len(key[2]) > len(group.key[2]):  # type: ignore[arg-type]
            group.key = key  # "Armenia ... talks", then "Armenia and Azerbaijan ... talks"
        group.members.append(candidate)
    return tuple(_mention(g.members, ontology, article, cited_outlet) for g in groups)


def _same_event(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """Equal keys; for reciprocal events also when one party set contains the other."""
    if a == b:
        return True
    if len(a) != 3 or len(b) != 3 or a[:2] != b[:2]:
        return False
    left, right = a[2], b[2]
    assert isinstance(left, frozenset) and isinstance(right, frozenset)
    return bool(left and right) and (left <= right or right <= left)


def _target_unnamed(group: _Group, key: tuple[object, ...], candidate: Candidate) -> bool:
    """ "Israeli aircraft struck targets in Gaza, killing five people": in one sentence,
    the same act by the same actors once with and once without a named target."""
    if len(key) != 4 or len(group.key) != 4 or group.key[:3] != key[:3]:
        return False
    if group.key[3] and key[3]:
        return False
    return any(m.trigger.sent == candidate.trigger.sent for m in group.members)


def _status(members: Sequence[Candidate]) -> tuple[Status, bool]:
    explicit = {m.reading.status for m in members if m.reading.cue is not None and not m.anaphoric}
    pool = explicit or {m.reading.status for m in members if not m.anaphoric}
    return next(s for s in STATUS_PRECEDENCE if s in pool), bool(explicit)


def _unique(actors: Sequence[Actor], exclude: Sequence[Actor] = ()) -> tuple[Actor, ...]:
    """Distinct actors; a bare country is dropped when a more specific actor of the
    same country is present in the same role ("Turkey" beside "President Erdogan"), and
    anything already in ``exclude`` (a country can still be the target of its own
    police or protesters)."""
    seen: dict[tuple[str | None, ...], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.country, actor.sector, actor.igo, actor.name), actor)
    taken = {(a.country, a.sector, a.igo, a.name) for a in exclude}
    specific = {a.country for a in seen.values() if a.sector or a.name}
    named = {(a.country, a.sector) for a in (*seen.values(), *exclude) if a.name}
    return tuple(
        a
        for key, a in seen.items()
        if key not in taken
        and not (a.country in specific and not a.sector and not a.name)
        and not (not a.name and (a.country, a.sector) in named)
    )


def _attribution(
    members: Sequence[Candidate], article: Article, cited_outlet: tuple[str, Span] | None
) -> Attribution | None:
    found = [m.attribution for m in members if m.attribution is not None]
    with_source = [a for a in found if a.source is not None or a.source_text]
    base = with_source[0] if with_source else (found[0] if found else Attribution())
    outlet = next((a for a in found if a.outlet), None)
    if outlet is not None:
        base = Attribution(
            base.source,
            base.source_text,
            base.source_span,
            outlet.outlet,
            outlet.outlet_span,
            base.cue or outlet.cue,
        )
    elif cited_outlet is not None:
        base = Attribution(
            base.source,
            base.source_text,
            base.source_span,
            cited_outlet[0],
            cited_outlet[1],
            base.cue,
        )
    elif article.outlet:
        base = Attribution(
            base.source, base.source_text, base.source_span, article.outlet, None, base.cue
        )
    if base == Attribution():
        return None
    return base


def _confidence(members: Sequence[Candidate], explicit_status: bool) -> float:
    first = next(m for m in members if not m.anaphoric)
    if first.typed is not None:
        # No event word, only the sentence typer's guess: always below the 0.5 that the
        # barest event word gets, so that a confidence filter can tell the two apart.
        return round(0.3 + 0.19 * first.typed, 2)
    score = 0.45
    score += 0.15 if first.trigger.pos == "VERB" else 0.05
    score += 0.15 if first.recipients or len(first.actors) > 1 else 0.0
    score += 0.1 if explicit_status else 0.0
    score += 0.05 if first.main_clause else 0.0
    score += min(0.15, 0.05 * (len(members) - 1))
    return round(min(score, 1.0), 2)


def _mention(
    members: Sequence[Candidate],
    ontology: Ontology,
    article: Article,
    cited_outlet: tuple[str, Span] | None,
) -> EventMention:
    first = next(m for m in members if not m.anaphoric)
    status, explicit = _status(members)
    reciprocal = any(m.reciprocal for m in members)
    actors = _unique([a for m in members for a in m.actors])
    recipients = _unique([r for m in members for r in m.recipients], exclude=actors)
    if reciprocal:
        actors, recipients = _unique([*actors, *recipients]), ()
    refused = any(m.reading.refused for m in members if not m.anaphoric)
    conditional = any(m.reading.conditional for m in members if not m.anaphoric)
    hedged = any(m.reading.hedged for m in members if not m.anaphoric)
    if first.fixed_code:  # a user dictionary's code, as written
        code, cameo = first.base_code, None
        coded_as = plover_of(ontology, code) or first.event_type
    else:
        code = code_for(first.base_code, status, refused, ontology, conditional, hedged)
        cameo = ontology.cameo(code)
        coded_as = cameo.plover
    place = next((m.place for m in members if m.place is not None), None)
    times = [m.time for m in members if m.time is not None]
    time = next((t for t in times if t.resolved), times[0] if times else None)
    mode = cameo.mode if cameo else None
    if first.event_type is EventType.CONSULT and place is not None and place.country:
        parties = {a.country for a in (*actors, *recipients)}
        if place.country not in parties and parties:
            mode = "third-party"
    return EventMention(
        event_type=first.event_type,
        coded_as=coded_as,
        cameo=code,
        status=status,
        actors=actors,
        recipients=recipients,
        evidence=tuple(sorted({m.evidence for m in members})),
        trigger=first.trigger.span,
        confidence=_confidence(members, explicit),
        mode=mode,
        context=cameo.contexts if cameo else (),
        place=place,
        time=time,
        attribution=_attribution(members, article, cited_outlet),
        sentences=tuple(sorted({m.trigger.sent for m in members})),
    )
