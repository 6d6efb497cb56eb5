"""The extraction pipeline: an Analysis in, merged EventMentions out.

For every event word in every sentence: read its status (``status``), find its
actor and recipient (``roles``) and code them (``actors``), find the venue
(``places``), time (``timex``) and source (``attribution``); then merge the
mentions of one event inside the article (``merge``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tidings.actors import ActorKB
from tidings.extract.actors import ActorResolver, is_resolved
from tidings.extract.attribution import Outlets, article_outlet, attribute
from tidings.extract.candidates import Candidate
from tidings.extract.lexicon import Lexicon
from tidings.extract.merge import merge_candidates
from tidings.extract.places import Gazetteer
from tidings.extract.roles import find_roles
from tidings.extract.status import StatusReading, read_status
from tidings.extract.syntax import ancestors
from tidings.extract.timex import find_times
from tidings.model import (
    Actor,
    Analysis,
    Attribution,
    EventMention,
    EventType,
    Granularity,
    Place,
    Sentence,
    Span,
    Status,
    TimeRef,
    Token,
)
from tidings.ontology import Ontology

__all__ = ["EventExtractor"]

_ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "such", "these", "those"})
# Determiners that point back whatever the noun; after "the" the noun must repeat.
DEMONSTRATIVES = frozenset({"this", "that", "such", "these", "those"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VENUE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_EVENT_FRAME_PREPS = frozenset({"during", "at", "on", "ahead", "before", "after"})
# Frames that are events of their own when they govern no event word ("the two sides agreed").
_AGREE_FRAMES = frozenset({"agree", "pledge", "promise", "vow", "commit"})
# The 2-letter type of the event word embedded under a speech act refines the act's code:
# "threatened to attack" is CAMEO 138, "demanded talks" 106, "rejected talks" 125.
_EMBEDDED_CODES: dict[tuple[EventType, EventType], str] = {
    (EventType.THREATEN, EventType.ASSAULT): "138",
    (EventType.THREATEN, EventType.COERCE): "137",
    (EventType.THREATEN, EventType.SANCTION): "1312",
    (EventType.REQUEST, EventType.CONSULT): "106",
    (EventType.REQUEST, EventType.AID): "103",
    (EventType.REQUEST, EventType.COOPERATE): "101",
    (EventType.REQUEST, EventType.RETREAT): "105",
    (EventType.REQUEST, EventType.CONCEDE): "105",
    (EventType.REJECT, EventType.CONSULT): "125",
    (EventType.REJECT, EventType.AID): "122",
    (EventType.REJECT, EventType.RETREAT): "124",
    (EventType.REJECT, EventType.CONCEDE): "124",
}


@dataclass(frozen=True, slots=True)
class EventExtractor:
    """Everything extraction needs besides the text: lexicons and knowledge bases."""

    lexicon: Lexicon
    ontology: Ontology
    kb: ActorKB
    gazetteer: Gazetteer
    outlets: Outlets

    def extract(self, analysis: Analysis) -> tuple[EventMention, ...]:
        """All event mentions of one analysed article, merged per event."""
        resolver = ActorResolver(self.kb, analysis.article.published)
        outlet = article_outlet(analysis, self.lexicon, self.outlets)
        candidates: list[Candidate] = []
        known: list[Actor] = []
        for sentence in analysis.sentences:
            found = self._sentence_candidates(analysis, resolver, sentence, known)
            candidates.extend(found)
            known.extend(a for c in found for a in (*c.actors, *c.recipients))
        return merge_candidates(candidates, self.ontology, analysis.article, outlet)

    def _sentence_candidates(
        self,
        analysis: Analysis,
        resolver: ActorResolver,
        sentence: Sentence,
        earlier: Sequence[Actor],
    ) -> list[Candidate]:
        tokens = analysis.sentence_tokens(sentence)
        readings: dict[int, tuple[Token, EventType, str, StatusReading]] = {}
        for token in tokens:
            row = self.lexicon.trigger(analysis, token) if token.pos in ("VERB", "NOUN") else None
            if row is not None:
                event_type = self.ontology.cameo(row.cameo).plover
                reading = read_status(analysis, self.lexicon, token)
                readings[token.i] = (token, event_type, row.cameo, reading)
        codes = _refined_codes(readings)
        times: tuple[TimeRef, ...] | None = None
        found: list[Candidate] = []
        for i, (token, event_type, _, reading) in readings.items():
            if reading.governor is not None and reading.governor.i in readings:
                continue  # absorbed into the speech act that governs it
            if times is None:
                times = self._times(analysis, sentence, reading)
            candidate = self._candidate(
                analysis, resolver, sentence, token, event_type, codes[i], reading, times, earlier
            )
            if candidate is not None:
                found.append(candidate)
                earlier = (*earlier, *candidate.actors, *candidate.recipients)
        found.extend(self._agreements(analysis, resolver, sentence, readings, earlier))
        return found

    def _times(
        self, analysis: Analysis, sentence: Sentence, reading: StatusReading
    ) -> tuple[TimeRef, ...]:
        text = sentence.span.of(analysis.article.text)
        return find_times(
            text, analysis.article.published, offset=sentence.span.start, tense=reading.tense
        )

    def _candidate(
        self,
        analysis: Analysis,
        resolver: ActorResolver,
        sentence: Sentence,
        token: Token,
        event_type: EventType,
        code: str,
        reading: StatusReading,
        times: tuple[TimeRef, ...],
        earlier: Sequence[Actor],
    ) -> Candidate | None:
        roles = find_roles(analysis, token, event_type.value)
        actors = _resolve_all(analysis, resolver, roles.actors, earlier)
        recipients = next(
            (found for option in roles.recipients if (found := _resolve_all(analysis, resolver, option, earlier))),
            (),
        )
        anaphoric = not actors and _is_anaphoric(analysis, token)
        if not actors and not anaphoric:
            return None
        top = reading.frame or token
        scope = _scope(analysis, top)
        role_heads = frozenset(t.i for t in roles.actors) | frozenset(
            t.i for option in roles.recipients[:1] for t in option
        )
        place = self._venue(analysis, scope, token, (*actors, *recipients), role_heads)
        if place is not None and place.span is not None:
            venue = place.span
            actors = tuple(a for a in actors if a.span is None or not a.span.overlaps(venue))
            if not actors and not anaphoric:
                return None
        if place is not None and place.country:
            actors = tuple(_with_home(a, place.country) for a in actors)
            recipients = tuple(_with_home(a, place.country) for a in recipients)
        if times and reading.tense is not None:
            times = find_times(
                sentence.span.of(analysis.article.text),
                analysis.article.published,
                offset=sentence.span.start,
                tense=reading.tense,
            )
        time = self._event_time(analysis, sentence, token, reading, times)
        # A denial is asserted by whoever denies: "China denied that ..."
        denier = reading.frame if reading.status is Status.DENIED else None
        attribution = attribute(
            analysis, resolver, self.outlets, reading.report or denier, sentence, earlier
        )
        return Candidate(
            trigger=token,
            event_type=event_type,
            base_code=code,
            reading=reading,
            actors=tuple(a for a in actors if is_resolved(a)),
            recipients=tuple(r for r in recipients if is_resolved(r) or r.sector),
            reciprocal=roles.reciprocal,
            place=place,
            time=time,
            attribution=attribution,
            evidence=_trimmed(analysis, sentence),
            anaphoric=anaphoric,
            demonstrative=anaphoric and _has_demonstrative(analysis, token),
        )

    def _event_time(
        self,
        analysis: Analysis,
        sentence: Sentence,
        trigger: Token,
        reading: StatusReading,
        times: tuple[TimeRef, ...],
    ) -> TimeRef | None:
        """The time of the event itself, not of the statement about it.

        In "Japan offered on Tuesday to host talks next month" the talks are
        next month; Tuesday dates the offer.
        """
        scope = _scope(analysis, trigger)
        frame = reading.frame if reading.frame is not trigger else None
        if frame is not None:
            anchors = _anchors(analysis, trigger, _scope(analysis, frame)) - {frame.i}
        else:
            anchors = _anchors(analysis, trigger, scope)
        published = analysis.article.published
        for time in times:
            if time.span is None:
                continue
            root = _span_root(analysis, sentence, time.span)
            if root is None:
                continue
            attached = _attachment(analysis, root)
            if attached in anchors or _inside(time.span, scope):
                return time
            # An offer or plan is made now; a future date on it is the event's date.
            if frame is not None and attached == frame.i and _is_after(time, published):
                return time
        return None

    def _venue(
        self,
        analysis: Analysis,
        scope: Span,
        trigger: Token,
        parties: Sequence[Actor],
        role_heads: frozenset[int],
    ) -> Place | None:
        """Where the event happens: a place in a locative phrase or naming the event.

        A place that names an actor ("U.S. President", "the Kremlin") is the
        actor's home, not the venue; a city compounded with the event noun
        ("the Beijing summit") is the venue even though it may also name a
        government.
        """
        taken = [a.span for a in parties if a.span is not None]
        near = next((a.country for a in parties if a.country), None)
        anchors = _anchors(analysis, trigger, scope)
        if trigger.pos == "NOUN":
            # "talks between X and Y in Osaka": the parser hangs the place on a party.
            anchors |= role_heads
        for entity in analysis.entities:
            if entity.label not in _PLACE_LABELS or not _inside(entity.span, scope):
                continue
            last = analysis.tokens[entity.end - 1]
            head = analysis.head(last)
            if head is None or _attachment(analysis, last) not in anchors:
                continue
            names_event = last.dep == "compound" and head.i == trigger.i
            if any(entity.span.overlaps(s) for s in taken) and not names_event:
                continue
            in_pp = last.dep == "pobj" and head.lower in _VENUE_PREPS
            if in_pp or names_event or (last.dep == "compound" and head.pos == "NOUN"):
                place = self.gazetteer.lookup(entity.text, entity.span, near=near)
                if place is not None and (place.feature != "country" or not names_event):
                    return place
        return None

    def _agreements(
        self,
        analysis: Analysis,
        resolver: ActorResolver,
        sentence: Sentence,
        readings: dict[int, tuple[Token, EventType, str, StatusReading]],
        earlier: Sequence[Actor],
    ) -> list[Candidate]:
        """AGREE events for "agree"-type frames that govern no event word."""
        governing = {r.frame.i for _, _, _, r in readings.values() if r.frame is not None}
        found = []
        for token in analysis.sentence_tokens(sentence):
            if token.pos != "VERB" or token.lemma.lower() not in _AGREE_FRAMES:
                continue
            if token.i in governing:
                continue
            reading = read_status(analysis, self.lexicon, token)
            candidate = self._candidate(
                analysis, resolver, sentence, token, EventType.AGREE, "030", reading, (), earlier
            )
            if candidate is not None and not candidate.anaphoric:
                found.append(candidate)
        return found


def _refined_codes(
    readings: dict[int, tuple[Token, EventType, str, StatusReading]],
) -> dict[int, str]:
    codes = {i: code for i, (_, _, code, _) in readings.items()}
    for _, event_type, _, reading in readings.values():
        governor = reading.governor
        if governor is None or governor.i not in readings:
            continue
        governor_type = readings[governor.i][1]
        refined = _EMBEDDED_CODES.get((governor_type, event_type))
        if refined is not None:
            codes[governor.i] = refined
    return codes


def _resolve_all(
    analysis: Analysis, resolver: ActorResolver, heads: Sequence[Token], earlier: Sequence[Actor]
) -> tuple[Actor, ...]:
    actors: list[Actor] = []
    for head in heads:
        group = resolver.plural_antecedents(analysis, head, earlier)
        if group:
            actors.extend(group)
            continue
        actor = resolver.resolve(analysis, head, earlier)
        if actor is not None:
            if head.pos == "PRON":
                actor = replace(actor, text=head.text, span=head.span)
            actors.append(actor)
    return tuple(actors)


def _with_home(actor: Actor, country: str) -> Actor:
    """An agent without a country ("police") acts where the event happens."""
    if actor.country is None and actor.igo is None and actor.sector:
        return replace(actor, country=country)
    return actor


def _is_anaphoric(analysis: Analysis, token: Token) -> bool:
    """An event noun pointing back to an event named before ("such a meeting")."""
    return token.pos == "NOUN" and any(
        c.dep in ("det", "predet", "amod") and c.lower in _ANAPHORIC_DETERMINERS
        for c in analysis.children(token)
    )


def _anchors(analysis: Analysis, trigger: Token, scope: Span) -> set[int]:
    """Tokens a venue may attach to: the path from the trigger up to the top of
    its scope, and event-like nouns in locative phrases on that path ("during
    the summit in Beijing"); not places deeper inside objects ("the war in Ukraine")."""
    path = [trigger, *(t for t in ancestors(analysis, trigger) if _inside(t.span, scope))]
    anchors = {t.i for t in path}
    for token in path:
        for child in analysis.children(token):
            if child.dep == "prep" and child.lower in _EVENT_FRAME_PREPS:
                anchors.update(g.i for g in analysis.children(child) if g.dep == "pobj")
    return anchors


def _attachment(analysis: Analysis, token: Token) -> int:
    """The word a place phrase modifies: the head of its preposition, or its compound head."""
    head = analysis.head(token)
    if head is None:
        return token.i
    if token.dep == "pobj" and head.dep == "prep":
        grand = analysis.head(head)
        return grand.i if grand is not None else head.i
    return head.i


def _is_after(time: TimeRef, published: dt.date | None) -> bool:
    """True when a resolved time lies after the publication date."""
    if published is None or not time.resolved:
        return False
    if time.granularity is Granularity.WEEK:
        year, week, _ = published.isocalendar()
        return time.value > f"{year}-W{week:02d}"
    return time.value > published.isoformat()[: len(time.value)]


def _span_root(analysis: Analysis, sentence: Sentence, span: Span) -> Token | None:
    """The token of ``span`` whose head lies outside it."""
    inside = [t for t in analysis.sentence_tokens(sentence) if _inside(t.span, span)]
    ids = {t.i for t in inside}
    return next((t for t in inside if t.head not in ids or t.head == t.i), None)


def _has_demonstrative(analysis: Analysis, token: Token) -> bool:
    return any(c.lower in DEMONSTRATIVES for c in analysis.children(token))


def _scope(analysis: Analysis, top: Token) -> Span:
    subtree = analysis.subtree(top)
    return Span(subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))


def _inside(span: Span, scope: Span) -> bool:
    return scope.start <= span.start and span.end <= scope.end


def _trimmed(analysis: Analysis, sentence: Sentence) -> Span:
    text = sentence.span.of(analysis.article.text)
    start = sentence.span.start + (len(text) - len(text.lstrip()))
    end = sentence.span.end - (len(text) - len(text.rstrip()))
    return Span(start, max(start, end))


__all__ += ["Attribution"]
