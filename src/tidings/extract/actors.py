"""Turn argument phrases into coded actors with the knowledge base, resolving pronouns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tidings.actors import ActorKB
from tidings.extract.syntax import ancestors, conjuncts, phrase, phrase_span, preposition_objects
from tidings.model import Actor, Analysis, Span, Token

__all__ = ["ActorResolver", "is_resolved"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
# Agent nouns that in news copy refer to the agents of the story at hand.
_STORY_AGENTS = frozenset(
    "police troop soldier force protester demonstrator rebel militant official "
    "opposition authority army military leader".split()
)
_GROUP_NOUNS = frozenset(
    "leader side country nation government president minister party delegation".split()
)


def is_resolved(actor: Actor) -> bool:
    """True when the actor has a country, organisation or known person."""
    return bool(actor.country or actor.igo or actor.name)


@dataclass(frozen=True, slots=True)
class ActorResolver:
    """Resolves argument heads of one article against an actor knowledge base."""

    kb: ActorKB
    on: dt.date | None

    def resolve(
        self, analysis: Analysis, head: Token, earlier: Sequence[Actor] = ()
    ) -> Actor | None:
        """The actor named by the phrase headed by ``head``, or None.

        Pronouns take the nearest earlier actor of a fitting kind (a person for
        "he"/"she", a country or organisation for "it"/"they").
        """
        if head.pos == "PRON":
            if head.lower in _PERSON_PRONOUNS or head.lower in _GROUP_PRONOUNS:
                # "Syria says it will not accept refugees": the subject of the
                # governing clause comes before earlier sentences.
                above = self._subject_above(analysis, head)
                fitting = _antecedent(head.lower, [above]) if above is not None else None
                return fitting or _antecedent(head.lower, earlier)
            return None
        tokens = phrase(analysis, head)
        found = self.kb.resolve([t.text for t in tokens], self.on)
        if found is None:
            # "Kenzo Oshima, the United Nations relief coordinator": the apposition says who
            for child in analysis.children(head):
                if child.dep == "appos" and (described := self.resolve(analysis, child)):
                    return described if is_resolved(described) else None
            return None
        if _owned_thing(analysis, self.kb, tokens, head, self.on):
            return None
        span = phrase_span(tokens)
        actor = Actor(
            text=span.of(analysis.article.text),
            span=span,
            country=found.country,
            sector=found.sector,
            name=found.name,
            role=found.role,
            igo=found.igo,
        )
        settled = self._settled_in(analysis, head, actor)
        if settled is not None:
            return settled
        if is_resolved(actor):
            return actor
        leader = _led_by(self.kb, tokens, self.on)
        if leader is not None:
            return replace(actor, country=leader)
        # "Opposition groups in Zimbabwe": the country comes from a locative phrase.
        for child in analysis.children(head):
            if child.dep == "prep" and child.lower in ("in", "from"):
                for place in (g for g in analysis.children(child) if g.dep == "pobj"):
                    found_place = self.kb.resolve(
                        [t.text for t in phrase(analysis, place)], self.on
                    )
                    if found_place is not None and found_place.country and not found_place.name:
                        return replace(actor, country=found_place.country)
        # "its coast guard", "the police": an agent whose country the context gives.
        owner = next((t for t in tokens if t.dep == "poss" and t.pos == "PRON"), None)
        if owner is not None:
            antecedent = self._subject_above(analysis, head) or _antecedent(owner.lower, earlier)
            if antecedent is not None:
                return replace(actor, country=antecedent.country, igo=antecedent.igo)
        if not corefers(analysis, head):
            return actor
        same = next((e for e in reversed(earlier) if e.sector == actor.sector and e.country), None)
        return replace(actor, country=same.country) if same is not None else actor

    def resolve_all(
        self, analysis: Analysis, head: Token, earlier: Sequence[Actor] = ()
    ) -> tuple[Actor, ...]:
        """:meth:`resolve`, with a compound actor's further members beside it ("The Shire"
        in a dictionary that codes it ``[FRO/BIL/SAM]``: FRO, BIL and SAM)."""
        actor = self.resolve(analysis, head, earlier)
        if actor is None:
            return ()
        if head.pos == "PRON" or not self.kb.has_compounds:
            return (actor,)  # only a dictionary with compound codes needs a second look
        found = self.kb.resolve([t.text for t in phrase(analysis, head)], self.on)
        if found is None or not found.also or found.country != actor.country:
            return (actor,)
        return (actor, *(replace(actor, country=root) for root in found.also))

    def _settled_in(self, analysis: Analysis, head: Token, actor: Actor) -> Actor | None:
        """ "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people
        living in another country is coded to the country it lives in."""
        if actor.sector or actor.name or actor.igo or head.pos not in ("NOUN", "PROPN"):
            return None
        for child in analysis.children(head):
            if child.dep != "prep" or child.lower not in ("in", "of"):
                continue
            for place in (g for g in analysis.children(child) if g.dep == "pobj"):
                found = self.kb.resolve([t.text for t in phrase(analysis, place)], self.on)
                home = None if found is None or found.name or found.sector else found.country
                if home and home != actor.country:
                    return replace(actor, country=home)
        return None

    def _subject_above(self, analysis: Analysis, token: Token) -> Actor | None:
        """ "China denied that its coast guard fired": the subject of a governing clause."""
        for node in ancestors(analysis, token):
            for child in analysis.children(node):
                if child.dep == "nsubj" and child.i != token.i and child.pos != "PRON":
                    found = self.resolve(analysis, child)
                    if found is not None and is_resolved(found):
                        return found
        return None

    def coordinated(
        self, analysis: Analysis, head: Token, earlier: Sequence[Actor]
    ) -> tuple[Actor, ...]:
        """ "Hungarian and Romanian officials", "lawmakers in Fornost and Gondor": one
        actor per coordinated modifier or place."""
        located = self._located_in_several(analysis, head)
        if located:
            return located
        for modifier in analysis.children(head):
            if modifier.dep not in ("amod", "compound") or modifier.i > head.i:
                continue
            others = [c for c in analysis.children(modifier) if c.dep == "conj"]
            if not others:
                continue
            found = []
            for word in (modifier, *others):
                resolved = self.kb.resolve([word.text, head.text], self.on)
                if resolved is not None and (resolved.country or resolved.igo):
                    span = Span(min(word.idx, head.idx), max(word.span.end, head.span.end))
                    found.append(
                        Actor(
                            text=span.of(analysis.article.text),
                            span=span,
                            country=resolved.country,
                            sector=resolved.sector,
                            igo=resolved.igo,
                        )
                    )
            if len(found) > 1:
                return tuple(found)
        return ()

    def _located_in_several(self, analysis: Analysis, head: Token) -> tuple[Actor, ...]:
        agent = self.kb.resolve([head.text], self.on)
        if agent is None or agent.country or not agent.sector:
            return ()
        for _, place in preposition_objects(analysis, head, frozenset({"in", "from"})):
            places = conjuncts(analysis, place)
            if len(places) < 2:
                continue
            found = []
            for token in places:
                where = self.kb.resolve([t.text for t in phrase(analysis, token)], self.on)
                if where is not None and where.country and not where.name:
                    span = token.span
                    found.append(
                        Actor(
                            text=f"{head.text} ({span.of(analysis.article.text)})",
                            span=span,
                            country=where.country,
                            sector=agent.sector,
                        )
                    )
            if len(found) > 1:
                return tuple(found)
        return ()

    def plural_antecedents(
        self, analysis: Analysis, head: Token, earlier: Sequence[Actor]
    ) -> tuple[Actor, ...]:
        """ "the two leaders", "both sides": the last two distinct parties named before."""
        if head.lemma.lower() not in _GROUP_NOUNS:
            return ()
        words = {t.lower for t in phrase(analysis, head)}  # "the ministers of both countries"
        if not ({"two", "both"} & words):
            return ()
        parties: list[Actor] = []
        for actor in reversed(earlier):
            key = actor.name or actor.igo or actor.country
            if key and all((p.name or p.igo or p.country) != key for p in parties):
                parties.append(actor)
            if len(parties) == 2:
                break
        if len(parties) < 2:
            return ()
        return tuple(replace(p, text=head.text, span=head.span) for p in reversed(parties))


def _led_by(kb: ActorKB, tokens: Sequence[Token], on: dt.date | None) -> str | None:
    """ "Vietnamese-led forces", "Saudi-led coalition": the leading country."""
    for i in range(len(tokens) - 2):
        if tokens[i + 1].text == "-" and tokens[i + 2].lower == "led":
            found = kb.resolve([tokens[i].text], on)
            if found is not None and found.country:
                return found.country
    return None


def corefers(analysis: Analysis, head: Token) -> bool:
    """Whether an agent noun without a country points at the story's own agents.

    "the police", "troops", "officials" in a news story are the ones the story is
    about; a bare generic plural ("Governments should ...") is not.
    """
    determiners = {c.lower for c in analysis.children(head) if c.dep in ("det", "poss")}
    if determiners & {"a", "an", "some", "any"}:
        return False  # "a spokeswoman" is someone new
    if determiners & {"the", "its", "their"}:
        return True
    return head.lemma.lower() in _STORY_AGENTS or head.tag != "NNS"


def _owned_thing(
    analysis: Analysis, kb: ActorKB, tokens: Sequence[Token], head: Token, on: dt.date | None
) -> bool:
    """ "China's role", "Russia's efforts": a possessed common noun that is no actor
    (unlike "its coast guard" or "Russia's foreign ministry")."""
    possessors = {c.i for c in analysis.children(head) if c.dep == "poss"}
    if head.pos != "NOUN" or not possessors:
        return False
    owned = [t.text for t in tokens if t.i > max(possessors) and t.dep != "case"]
    return kb.resolve(owned, on) is None


def _antecedent(pronoun: str, earlier: Sequence[Actor]) -> Actor | None:
    for actor in reversed(earlier):
        if pronoun in _PERSON_PRONOUNS and actor.name:
            return actor
        if pronoun in _GROUP_PRONOUNS and not actor.name and (actor.country or actor.igo):
            return actor
    return None
