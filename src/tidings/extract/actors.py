"""Turn argument phrases into coded actors with the knowledge base, resolving pronouns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tidings.actors import ActorKB
from tidings.extract.syntax import ancestors, phrase, phrase_span
from tidings.model import Actor, Analysis, Token

__all__ = ["ActorResolver", "is_resolved"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
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
            return _antecedent(head.lower, earlier)
        tokens = phrase(analysis, head)
        words = [t.text for t in tokens]
        found = self.kb.resolve(words, self.on)
        if found is None:
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
        if is_resolved(actor):
            return actor
        # "its coast guard", "the police": an agent whose country the context gives.
        owner = next((t for t in tokens if t.dep == "poss" and t.pos == "PRON"), None)
        if owner is not None:
            antecedent = self._subject_above(analysis, head) or _antecedent(owner.lower, earlier)
            if antecedent is not None:
                return replace(actor, country=antecedent.country, igo=antecedent.igo)
        same = next((e for e in reversed(earlier) if e.sector == actor.sector and e.country), None)
        return replace(actor, country=same.country) if same is not None else actor

    def _subject_above(self, analysis: Analysis, token: Token) -> Actor | None:
        """ "China denied that its coast guard fired": the subject of a governing clause."""
        for node in ancestors(analysis, token):
            for child in analysis.children(node):
                if child.dep == "nsubj" and child.i != token.i and child.pos != "PRON":
                    found = self.resolve(analysis, child)
                    if found is not None and is_resolved(found):
                        return found
        return None

    def plural_antecedents(
        self, analysis: Analysis, head: Token, earlier: Sequence[Actor]
    ) -> tuple[Actor, ...]:
        """ "the two leaders", "both sides": the last two distinct parties named before."""
        if head.lemma.lower() not in _GROUP_NOUNS:
            return ()
        children = {c.lower for c in analysis.children(head)}
        if not ({"two", "both"} & children):
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


def _antecedent(pronoun: str, earlier: Sequence[Actor]) -> Actor | None:
    for actor in reversed(earlier):
        if pronoun in _PERSON_PRONOUNS and actor.name:
            return actor
        if pronoun in _GROUP_PRONOUNS and not actor.name and (actor.country or actor.igo):
            return actor
    return None
