"""The extraction pipeline: an Analysis in, merged EventMentions out.

For every event word in every sentence: read its status (``status``), find its
actor and recipient (``roles``) and code them (``actors``, with the coders'
conventions in ``parties``), find the venue and time (``where_when``) and the
source (``attribution``); sentences without event words may be typed by the
sentence typer (``sentence_types``); then merge the mentions of one event inside
the article (``merge``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tidings.actors import ActorKB
from tidings.extract.actors import ActorResolver, corefers, is_resolved
from tidings.extract.attribution import Outlets, article_outlet, attribute
from tidings.extract.candidates import Candidate
from tidings.extract.coding import plover_of
from tidings.extract.discards import Discards
from tidings.extract.lexicon import Lexicon
from tidings.extract.merge import merge_candidates
from tidings.extract.parties import (
    at_home,
    host,
    internal_target,
    new_parties,
    owned_by_actor,
    petrarch_coded,
    pronoun_for,
    unidentified,
    unlisted,
)
from tidings.extract.places import Gazetteer
from tidings.extract.roles import Roles, find_roles, named_in_complements
from tidings.extract.sentence_types import SentenceTyper, TypeGuess
from tidings.extract.status import SPEECH_ACT_ROOTS, StatusReading, read_status
from tidings.extract.syntax import conjuncts
from tidings.extract.timex import find_times
from tidings.extract.verbpatterns import (
    PatternMatch,
    VerbPatterns,
    following_heads,
    pattern_roles,
    preceding_heads,
)
from tidings.extract.where_when import event_time, venue
from tidings.model import (
    Actor,
    Analysis,
    EventMention,
    EventType,
    Sentence,
    Span,
    Status,
    Token,
)
from tidings.ontology import Ontology

__all__ = ["EventExtractor"]

_ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "such", "these", "those"})
# After these the noun may differ from the antecedent's ("such an encounter");
# after "the" it must repeat it ("the meeting").
_DEMONSTRATIVES = frozenset({"this", "that", "such", "these", "those"})
# Verbs whose subject hosts or brokers a meeting named by their object: "Japan
# offered to host talks between Seoul and Beijing" is one meeting, hosted.
_HOSTING_VERBS = frozenset({"host", "mediate", "broker", "facilitate", "arrange"})
# Actions whose destination country is their recipient when no other is named:
# a visit to Amman is received by Jordan, aid sent into Bosnia goes to Bosnia.
_DESTINATION_CODES = frozenset({"042", "070", "071", "072", "073", "074", "154"})
# Restrictions and their easing, whose target is the population of the place they cover.
_DOMESTIC_CODES = frozenset({"081", "172", "175", "132"})
# Event types whose target, when unnamed, is the place they happen in (or the actor's own
# country): protests, repression and its easing, violence.
_INTERNAL_TYPES = frozenset(
    {EventType.PROTEST, EventType.COERCE, EventType.CONCEDE, EventType.ASSAULT}
)
# Nouns that an event word can modify without being an event: "riot police", "strike force".
_AGENT_HEADS = frozenset(
    "police force squad unit gear officer soldier troop policeman vehicle group".split()
)
# Agents that act at home: the unplaced people they act on are of their country.
_DOMESTIC_AGENTS = frozenset({"COP", "GOV", "JUD"})
# Agents of a state: with no country of their own, they are taken to be of the one
# country a sentence names. Groups (REL, HRI, CRM...) may be foreign to it.
_STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# Entities that name a country or its people ("Algiers", "Zambian").
_PLACE_ENTITIES = frozenset({"GPE", "NORP"})
# Sentences opening with these quote someone: opinions, not reported events to type.
_QUOTES = frozenset("\"'“‘«")
# Main verbs that state no action for the sentence typer to type.
_NOT_ACTIONS = frozenset("be have do seem become remain say tell add note".split())
_TRAVEL_VERBS = frozenset({"arrive", "visit", "travel", "fly", "leave", "tour"})
# Frames that are events of their own when they govern no event word ("the two sides
# agreed", "Norway is willing to send material").
_AGREE_FRAMES = frozenset(
    "agree pledge promise vow commit committed offer propose willing ready prepared".split()
)
# "Russia said Sudan must return the helicopter" is a demand by Russia on Sudan.
_OBLIGATION_MODALS = frozenset({"must"})
# The type of the action a speech act is about refines the act's code:
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
class _Trigger:
    """An event word found in a sentence, with its status reading."""

    token: Token
    event_type: EventType
    code: str
    reading: StatusReading
    fixed: bool = False  # the code comes from a user dictionary and is kept as written
    match: PatternMatch | None = None  # the user verb pattern that coded it


@dataclass(frozen=True, slots=True)
class _Read:
    """One sentence's events from the lexicon; ``state`` (how many actors were known
    and the venue country before it) is kept when the sentence typer should see it."""

    sentence: Sentence
    candidates: tuple[Candidate, ...]
    state: tuple[int, str | None] | None


@dataclass(frozen=True, slots=True)
class EventExtractor:
    """Everything extraction needs besides the text: lexicons and knowledge bases."""

    lexicon: Lexicon
    ontology: Ontology
    kb: ActorKB
    gazetteer: Gazetteer
    outlets: Outlets
    verbs: VerbPatterns | None = None  # user verb dictionaries: they code the verbs they list
    discards: Discards | None = None  # user discard phrases: text that codes nothing
    # Types sentences the lexicon finds no event word in (None: lexicon only).
    typer: SentenceTyper | None = None
    type_floor: float = 0.7  # least probability of a guessed type that makes an event

    def extract(self, analysis: Analysis) -> tuple[EventMention, ...]:
        """All event mentions of one analysed article, merged per event."""
        reader = _ArticleReader(self, analysis, ActorResolver(self.kb, analysis.article.published))
        sentences = analysis.sentences
        if self.discards is not None:
            words = [[t.lower for t in analysis.sentence_tokens(s)] for s in sentences]
            if any(self.discards.discards_story(w) for w in words):
                return ()
            sentences = tuple(
                s
                for s, w in zip(sentences, words, strict=True)
                if not self.discards.discards_sentence(w)
            )
        read = [reader.read(s) for s in sentences]
        if self.typer is not None:
            read = reader.typed(self.typer, read)
        candidates = [c for r in read for c in r.candidates]
        outlet = article_outlet(analysis, self.lexicon, self.outlets)
        return merge_candidates(candidates, self.ontology, analysis.article, outlet)


@dataclass(slots=True)
class _ArticleReader:
    """Reads one article sentence by sentence, remembering the actors and places met
    so far (for pronouns and for agents without a country). Lives for one call."""

    extractor: EventExtractor
    analysis: Analysis
    resolver: ActorResolver
    earlier: list[Actor] = field(default_factory=list)
    home: str | None = None  # country of the latest venue
    events: frozenset[int] = frozenset()  # event words of the current sentence

    def read(self, sentence: Sentence) -> _Read:
        """The lexicon's events of one sentence, and what the sentence typer would need."""
        state = (len(self.earlier), self.home)
        triggers = self.triggers(sentence)
        found = self.sentence(sentence, triggers)
        wanted = not found and self._typeable(sentence)
        return _Read(sentence, tuple(found), state if wanted else None)

    def typed(self, typer: SentenceTyper, read: list[_Read]) -> list[_Read]:
        """The sentence typer's second opinion, for all sentences that want one, in one
        batch: such a sentence gets an event of the guessed type if the guess is strong
        enough. Unchanged without the embedding."""
        text = self.analysis.article.text
        guesses = typer.guess([r.sentence.span.of(text) for r in read if r.state is not None])
        if guesses is None:
            return read
        found = iter(guesses)
        return [r if r.state is None else self._retyped(r, r.state, next(found)) for r in read]

    def _retyped(self, read: _Read, state: tuple[int, str | None], guess: TypeGuess) -> _Read:
        if guess.event_type is None or guess.probability < self.extractor.type_floor:
            return read
        # Read as it would have been in order: with the actors and venue known by then.
        later, home = self.earlier, self.home
        self.earlier, self.home = later[: state[0]], state[1]
        self.events = frozenset(self.triggers(read.sentence))
        try:
            found = self._classified(read.sentence, guess.event_type, guess.probability)
        finally:
            self.earlier, self.home = later, home
        return replace(read, candidates=found)

    def sentence(self, sentence: Sentence, triggers: dict[int, _Trigger]) -> list[Candidate]:
        self.events = frozenset(triggers)
        absorbed = _absorbed(self.analysis, triggers)
        codes = _refined_codes(triggers, absorbed)
        found = []
        for i, trigger in triggers.items():
            if i in absorbed:
                continue
            inner = [triggers[j] for j, by in absorbed.items() if by == i]
            candidate = self._candidate(sentence, trigger, codes[i], inner)
            if candidate is not None:
                found.append(candidate)
                found.extend(_reply(candidate, trigger.match))
        found.extend(self._agreements(sentence, triggers))
        found.extend(self._obligations(sentence, triggers, absorbed))
        return found

    def triggers(self, sentence: Sentence) -> dict[int, _Trigger]:
        """The event words of a sentence (independent of what was read before it)."""
        lexicon, analysis = self.extractor.lexicon, self.analysis
        triggers = {}
        for token in analysis.sentence_tokens(sentence):
            verbs = self.extractor.verbs
            user = self._user_trigger(verbs, token) if verbs is not None else None
            if user is not None:
                triggers[token.i] = user
                continue
            if verbs is not None and verbs.knows(token):
                continue  # listed, and coded nothing here
            row = lexicon.trigger(analysis, token) if _may_trigger(analysis, token) else None
            if row is not None:
                event_type = plover_of(self.extractor.ontology, row.cameo)
                if event_type is None:
                    continue  # a user code outside CAMEO's 20 roots: nothing to type it by
                reading = read_status(analysis, lexicon, token)
                triggers[token.i] = _Trigger(token, event_type, row.cameo, reading, row.fixed)
        return triggers

    def _sole_country(self, sentence: Sentence) -> str | None:
        """The one country a sentence's names belong to, if they all belong to one: its
        place and nationality entities, and proper nouns the tagger missed ("Togo")."""
        analysis = self.analysis
        names: list[list[str]] = []
        for token in analysis.sentence_tokens(sentence):
            if token.ent_type in _PLACE_ENTITIES and token.ent_iob == "I" and names:
                names[-1].append(token.text)
            elif token.ent_type in _PLACE_ENTITIES or token.pos == "PROPN":
                names.append([token.text])
        countries = set()
        for words in names:
            found = self.extractor.kb.resolve(words, self.resolver.on)
            if found is not None and found.country and not found.igo and not found.name:
                countries.add(found.country)
        return next(iter(countries)) if len(countries) == 1 else None

    def _typeable(self, sentence: Sentence) -> bool:
        """Whether the sentence typer could make an event of a sentence: a statement (not
        a question or a quotation) whose main verb is an action with a subject that
        names an actor."""
        text = sentence.span.of(self.analysis.article.text).strip()
        if text.endswith("?") or text[:1] in _QUOTES:
            return False
        token = _main_verb(self.analysis, self.extractor.lexicon, sentence)
        if token.pos != "VERB" or token.lemma.lower() in _NOT_ACTIONS:
            return False
        heads = find_roles(self.analysis, token, "", self.events).actors
        named = any(is_resolved(a) for a in self._resolve(heads))
        return named or bool(unlisted(self.analysis, heads))

    def _classified(
        self, sentence: Sentence, event_type: EventType, probability: float
    ) -> tuple[Candidate, ...]:
        """The event of a sentence the lexicon made none of, of the type the sentence
        typer guessed, read around the sentence's main verb."""
        token = _main_verb(self.analysis, self.extractor.lexicon, sentence)
        code = self.extractor.ontology.default_code(event_type)
        reading = read_status(self.analysis, self.extractor.lexicon, token)
        candidate = self._candidate(sentence, _Trigger(token, event_type, code, reading), code, ())
        if candidate is None or candidate.anaphoric:
            return ()
        return (replace(candidate, typed=probability),)

    def _user_trigger(self, verbs: VerbPatterns, token: Token) -> _Trigger | None:
        """A verb coded by a user dictionary's patterns. A code outside CAMEO's roots
        (PETRARCH's test and WEIS codes) is typed by the verb's own trigger row, else
        as COOPERATE: the PLOVER type only labels it, the code is kept as written."""
        match = verbs.match(self.analysis, token)
        if match is None:
            return None
        ontology, lexicon = self.extractor.ontology, self.extractor.lexicon
        own = lexicon.triggers.get((token.lemma.lower(), "VERB"), ())
        event_type = (
            plover_of(ontology, match.code)
            or (plover_of(ontology, match.block_code) if match.block_code else None)
            or next((t for row in own if (t := plover_of(ontology, row.cameo))), None)
            or EventType.COOPERATE
        )
        reading = read_status(self.analysis, lexicon, token)
        return _Trigger(token, event_type, match.code, reading, True, match)

    def _petrarch_target(self, verb: Token, actors: Sequence[Actor]) -> tuple[Actor, ...]:
        """PETRARCH's target when no recipient is found: the first actor named after
        the verb in its phrase ("restore ties with Gondor", "closure of houses in Bree")."""
        taken = {a.span for a in actors} | {a.code for a in actors}
        skip = frozenset(
            t.i for a in actors if a.span for t in self.analysis.tokens if a.span.overlaps(t.span)
        )
        for group in following_heads(self.analysis, verb, skip):
            for head in group:  # the phrase, else a name inside it ("an anti-Gondor parade")
                found = tuple(
                    a
                    for a in self._resolve((head,))
                    if is_resolved(a) and a.span not in taken and a.code not in taken
                )
                if found:
                    return found
        return ()

    def _distributed(self, heads: Sequence[Token], actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """An agent of several countries is one actor per country, as PETRARCH codes
        compounds: "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in
        Fornost and Gondor" (ARNGOV, OSGGOV, GONGOV; FORLEG, GONLEG)."""
        analysis, found = self.analysis, list(actors)
        for head in heads:
            base = self.resolver.resolve(analysis, head, self.earlier)
            if base is None or not base.sector or not base.country:
                continue
            places = [
                p
                for prep in analysis.children(head)
                if prep.dep == "prep" and prep.lower in ("of", "in", "from")
                for p in analysis.children(prep)
                if p.dep == "pobj"
            ]
            if not places:
                continue
            others = [c for p in places for c in conjuncts(analysis, p)[1:]]
            others += list(conjuncts(analysis, head)[1:])
            for other in others:
                country = self.resolver.resolve(analysis, other, self.earlier)
                if country is None or not country.country or country.sector:
                    continue
                found = [a for a in found if a.span != country.span]
                found.append(replace(base, country=country.country, span=country.span))
        return tuple(found)

    def _resolve(self, heads: Sequence[Token]) -> tuple[Actor, ...]:
        actors: list[Actor] = []
        for head in heads:
            group = self.resolver.plural_antecedents(self.analysis, head, self.earlier)
            if group:
                actors.extend(group)
                continue
            coordinated = self.resolver.coordinated(self.analysis, head, self.earlier)
            if coordinated:
                actors.extend(coordinated)
                continue
            found = self.resolver.resolve_all(self.analysis, head, self.earlier)
            if not found:
                continue
            actor, *members = found
            if head.pos == "PRON":
                actor = replace(actor, text=head.text, span=head.span)
            if (
                not is_resolved(actor)
                and actor.sector
                and self.home
                and corefers(self.analysis, head)
            ):
                actor = replace(actor, country=self.home)  # "police" act where the story is
            actors.extend((actor, *members))
        return tuple(actors)

    def _recipients(
        self,
        token: Token,
        code: str,
        roles: Roles,
        inner: Sequence[_Trigger],
        actors: Sequence[Actor],
    ) -> tuple[Actor, ...]:
        options = list(roles.recipients)
        for trigger in inner:  # "threatened to attack South Korea": the attack's target
            inner_roles = find_roles(self.analysis, trigger.token, trigger.event_type, self.events)
            options.extend(inner_roles.recipients)
        if code[:2] in SPEECH_ACT_ROOTS:
            for verb in (c for c in self.analysis.children(token) if c.dep == "xcomp"):
                # "threatened to cut off electricity to Nakhichevan": the threat's target
                options.extend(find_roles(self.analysis, verb, "", self.events).recipients)
        # "withdraw its troops from Lebanon": the actor's own agents are what it moves.
        options = [o for o in options if not owned_by_actor(self.analysis, o)]
        resolved = [found for option in options if (found := self._resolve(option))]
        # "strengthened its forces": a pronoun standing for the actor is not its target
        own = {(a.country, a.igo, a.name) for a in actors}
        resolved = [
            r for r in resolved if not all(a.span is not None and pronoun_for(a, own) for a in r)
        ]
        named = any(is_resolved(a) for r in resolved for a in r)
        if not named and code[:2] != "04":  # a meeting's deeper names are its topics
            options = named_in_complements(self.analysis, token)
            resolved += [found for option in options if (found := self._resolve(option))]
        # Prefer a phrase naming a country, organisation or person over a bare agent.
        return next(
            (r for r in resolved if any(is_resolved(a) for a in r)), resolved[0] if resolved else ()
        )

    def _candidate(
        self,
        sentence: Sentence,
        trigger: _Trigger,
        code: str,
        inner: Sequence[_Trigger],
        roles: Roles | None = None,
    ) -> Candidate | None:
        analysis, token, reading = self.analysis, trigger.token, trigger.reading
        roles = roles or find_roles(analysis, token, trigger.event_type, self.events)
        match = trigger.match
        if match is not None:
            roles = pattern_roles(analysis, token, match, roles)
        actors = self._resolve(roles.actors)
        if match is not None and not actors:  # "Eriador's death toll has risen": Eriador
            actors = self._resolve(
                tuple(c for h in roles.actors for c in analysis.children(h) if c.dep == "poss")
            )
        if match is not None and not actors and not roles.actors:
            # no subject found: PETRARCH's source is the actor named just before the verb
            actors = next(
                (
                    found
                    for head in preceding_heads(analysis, token)
                    if (found := self._resolve((head,)))
                ),
                (),
            )
        if match is not None:
            actors = self._distributed(roles.actors, actors)
        recipients = self._recipients(token, code, roles, inner, actors)
        if match is not None and not new_parties(recipients, actors):
            recipients = self._petrarch_target(token, actors)
        anaphoric = not actors and _is_anaphoric(analysis, token)
        heads = frozenset(t.i for t in roles.actors) | frozenset(
            t.i for option in roles.recipients[:1] for t in option
        )
        place = venue(
            analysis, self.extractor.gazetteer, token, reading, (*actors, *recipients), heads
        )
        if place is not None and place.span is not None:
            venue_span = place.span
            actors = tuple(a for a in actors if a.span is None or not a.span.overlaps(venue_span))
        if place is not None and place.country:
            # "police arrested protesters in Nairobi": agents act where the event is
            actors = at_home(actors, place.country)
            recipients = at_home(recipients, place.country)
        elif match is None and any(
            a.sector in _STATE_AGENTS and a.country is None and a.igo is None for a in actors
        ):
            # "President Levy Mwanawasa reneged on his commitment to the Zambian people":
            # an official of no known country in a sentence about one country is its own
            sole = self._sole_country(sentence)
            if sole is not None:
                actors = tuple(
                    at_home((a,), sole)[0] if a.sector in _STATE_AGENTS else a for a in actors
                )
        agents = tuple(a for a in actors if a.sector)
        # PETRARCH codes an agent of no known country as such ("---GOV said").
        coded = petrarch_coded if match is not None else is_resolved
        actors = tuple(a for a in actors if coded(a))
        if not actors and trigger.event_type is EventType.ASSAULT:
            actors = unidentified(token, place, recipients)
        if not actors:
            actors = agents  # "fundamentalists began a hunger strike against the President"
        if not actors and match is None:
            actors = unlisted(analysis, roles.actors)
        if not actors and not anaphoric:
            return None
        if place is not None and place.country:
            self.home = place.country
        text = sentence.span.of(analysis.article.text)
        times = find_times(
            text, analysis.article.published, offset=sentence.span.start, tense=reading.tense
        )
        # A denial is asserted by whoever denies: "China denied that ..."
        denier = reading.frame if reading.status is Status.DENIED else None
        attribution = attribute(
            analysis,
            self.resolver,
            self.extractor.outlets,
            reading.report or denier,
            sentence,
            self.earlier,
        )
        homes = {a.country for a in actors if a.sector in _DOMESTIC_AGENTS and a.country}
        if len(homes) == 1:  # "Egyptian police fired on demonstrators": Egyptian ones
            recipients = at_home(recipients, next(iter(homes)))
        recipients = tuple(r for r in recipients if is_resolved(r))
        travels = code[:3] in _DESTINATION_CODES or token.lemma.lower() in _TRAVEL_VERBS
        if not recipients and place is not None and travels:
            recipients = host(place, actors)
        if not recipients and place is not None and place.country and code[:3] in _DOMESTIC_CODES:
            # "lifted the curfew in Darfur": restrictions apply to the place's population
            recipients = (Actor(text=place.name, span=place.span, country=place.country),)
        if not recipients and trigger.event_type in _INTERNAL_TYPES:
            recipients = internal_target(trigger.event_type, place, actors)
        self.earlier.extend((*actors, *recipients))
        return Candidate(
            trigger=token,
            event_type=trigger.event_type,
            base_code=code,
            fixed_code=trigger.fixed,
            reading=reading,
            actors=actors,
            recipients=recipients,
            reciprocal=roles.reciprocal,
            place=place,
            time=event_time(analysis, sentence, token, reading, times),
            attribution=attribution,
            evidence=_trimmed(analysis, sentence),
            anaphoric=anaphoric,
            main_clause=_in_main_clause(analysis, reading.frame or token, reading.report),
            demonstrative=anaphoric and _has_demonstrative(analysis, token),
        )

    def _agreements(self, sentence: Sentence, triggers: dict[int, _Trigger]) -> list[Candidate]:
        """AGREE events for "agree"-type frames that govern no event word."""
        governing = {t.reading.frame.i for t in triggers.values() if t.reading.frame is not None}
        found = []
        for token in self.analysis.sentence_tokens(sentence):
            if token.pos not in ("VERB", "ADJ") or token.i in governing or token.i in triggers:
                continue
            if token.lemma.lower() not in _AGREE_FRAMES:
                continue
            reading = read_status(self.analysis, self.extractor.lexicon, token)
            trigger = _Trigger(token, EventType.AGREE, "030", reading)
            candidate = self._candidate(sentence, trigger, "030", ())
            if candidate is not None and not candidate.anaphoric:
                found.append(candidate)
        return found

    def _obligations(
        self, sentence: Sentence, triggers: dict[int, _Trigger], absorbed: dict[int, int]
    ) -> list[Candidate]:
        """REQUEST events for "X said Y must do Z": X demands of Y."""
        analysis, found = self.analysis, []
        for verb in analysis.sentence_tokens(sentence):
            children = analysis.children(verb)
            if verb.i in absorbed or not any(c.lower in _OBLIGATION_MODALS for c in children):
                continue
            report = analysis.head(verb)
            if report is None or verb.dep != "ccomp":
                continue
            frame = self.extractor.lexicon.frame(analysis, report)
            if frame is None or frame.kind != "report":
                continue
            speaker = tuple(c for c in analysis.children(report) if c.dep == "nsubj")
            addressee = tuple(c for c in children if c.dep in ("nsubj", "nsubjpass"))
            inner = triggers.get(verb.i)
            code = "100"
            if inner is not None:
                code = _EMBEDDED_CODES.get((EventType.REQUEST, inner.event_type), code)
            reading = StatusReading(Status.OCCURRED, report, report=None, tense="past")
            request = _Trigger(verb, EventType.REQUEST, code, reading)
            candidate = self._candidate(
                sentence, request, code, (), Roles(speaker, (addressee,) if addressee else ())
            )
            if candidate is not None:
                found.append(candidate)
        return found


def _main_verb(analysis: Analysis, lexicon: Lexicon, sentence: Sentence) -> Token:
    """The word a typed sentence's event is read around: the root, or the clause a
    reporting root reports ("X said on Tuesday that Y had defaced ...": defaced)."""
    tokens = analysis.sentence_tokens(sentence)
    root = next((t for t in tokens if t.dep == "ROOT"), tokens[0])
    frame = lexicon.frame(analysis, root)
    if frame is not None and frame.kind == "report":
        clause = next((c for c in analysis.children(root) if c.dep == "ccomp"), None)
        if clause is not None:
            return clause
    return root


def _reply(candidate: Candidate, match: PatternMatch | None) -> tuple[Candidate, ...]:
    """The target's side of a two-way user code ("032:033": a visit, and its hosting)."""
    if match is None or match.reverse_code is None:
        return ()
    if not candidate.actors or not candidate.recipients:
        return ()
    reply = replace(
        candidate,
        actors=candidate.recipients,
        recipients=candidate.actors,
        base_code=match.reverse_code,
    )
    return (reply,)


def _in_main_clause(analysis: Analysis, top: Token, report: Token | None) -> bool:
    """The word heads its sentence, or the clause a reporting verb reports."""
    head = analysis.head(top)
    return head is None or (report is not None and head.i == report.i)


def _may_trigger(analysis: Analysis, token: Token) -> bool:
    """Verbs and common nouns; also capitalised nouns outside names ("Talks" in a
    headline). Not an event noun that only names a kind of agent ("riot police")."""
    if token.dep == "compound":
        head = analysis.head(token)
        if head is not None and head.lemma.lower() in _AGENT_HEADS:
            return False
    if token.pos in ("VERB", "NOUN"):
        return True
    return token.pos == "PROPN" and not token.ent_type and not token.text.isupper()


def _absorbed(analysis: Analysis, triggers: dict[int, _Trigger]) -> dict[int, int]:
    """Event words folded into another: ``{absorbed token: absorbing token}``.

    A speech act absorbs the action it is about ("threatened to attack"); a
    hosting verb is absorbed by the meeting it hosts ("offered to host talks").
    """
    absorbed = {}
    for i, trigger in triggers.items():
        governor = trigger.reading.governor
        if governor is not None and governor.i in triggers:
            absorbed[i] = governor.i
        elif trigger.token.lemma.lower() in _HOSTING_VERBS:
            for child in analysis.children(trigger.token):
                hosted = triggers.get(child.i)
                if (
                    child.dep in ("dobj", "obj")
                    and hosted
                    and hosted.event_type is trigger.event_type
                ):
                    absorbed[i] = child.i
    return absorbed


def _refined_codes(triggers: dict[int, _Trigger], absorbed: dict[int, int]) -> dict[int, str]:
    codes = {i: t.code for i, t in triggers.items()}
    for inner, outer in absorbed.items():
        key = (triggers[outer].event_type, triggers[inner].event_type)
        refined = _EMBEDDED_CODES.get(key)
        if refined is not None:
            codes[outer] = refined
    return codes


def _is_anaphoric(analysis: Analysis, token: Token) -> bool:
    """An event noun pointing back to an event named before ("such a meeting")."""
    return token.pos == "NOUN" and any(
        c.dep in ("det", "predet", "amod") and c.lower in _ANAPHORIC_DETERMINERS
        for c in analysis.children(token)
    )


def _has_demonstrative(analysis: Analysis, token: Token) -> bool:
    return any(c.lower in _DEMONSTRATIVES for c in analysis.children(token))


def _trimmed(analysis: Analysis, sentence: Sentence) -> Span:
    text = sentence.span.of(analysis.article.text)
    start = sentence.span.start + (len(text) - len(text.lstrip()))
    end = sentence.span.end - (len(text) - len(text.rstrip()))
    return Span(start, max(start, end))
