"""Small helpers over the dependency parse shared by the extraction components."""

from __future__ import annotations

from collections.abc import Iterator

from tidings.model import Analysis, Span, Token

__all__ = ["ancestors", "conjuncts", "phrase", "phrase_span", "preposition_objects"]

# Dependents that belong to a noun phrase naming an actor ("Russian President Vladimir Putin").
_PHRASE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "nummod",
        "flat",
        "case",
        "quantmod",
        "punct",
        "npadvmod",  # "Vietnamese-led forces"
    }
)


def ancestors(analysis: Analysis, token: Token) -> Iterator[Token]:
    """The heads above ``token``, nearest first, up to the sentence root."""
    current = analysis.head(token)
    seen = {token.i}
    while current is not None and current.i not in seen:
        yield current
        seen.add(current.i)
        current = analysis.head(current)


def conjuncts(analysis: Analysis, token: Token) -> tuple[Token, ...]:
    """``token`` and the tokens coordinated with it ("Russia and China").

    In a list the parser may read a member as an apposition of the first: a middle one
    ("Evil Mordor, **the awful Fornost**, and good Gondor") or, after adjectives it takes
    for the member, the last one ("Arnor and the evil awful **Gondor**"). An apposition
    before a coordinated member or after the coordinator is a member too.
    """
    found = [token]
    stack = [token]
    while stack:
        children = analysis.children(stack.pop())
        last = max((c.i for c in children if c.dep == "conj"), default=-1)
        cc = min((c.i for c in children if c.dep == "cc"), default=len(analysis.tokens))
        for child in children:
            listed = child.dep == "conj" or (
                child.dep == "appos" and (child.i < last or child.i > cc)
            )
            if listed and child.pos in ("PROPN", "NOUN", "PRON", "ADJ"):
                found.append(child)
                stack.append(child)
    return tuple(sorted(found, key=lambda t: t.i))


def phrase(analysis: Analysis, head: Token) -> tuple[Token, ...]:
    """The noun phrase headed by ``head``: its modifiers, plus "of X" complements.

    Coordinated phrases are separate (see :func:`conjuncts`), and relative
    clauses, appositions and other prepositional phrases are left out.
    """
    members = [head]
    stack = [head]
    while stack:
        node = stack.pop()
        for child in analysis.children(node):
            keep = (
                (child.dep in _PHRASE_DEPS and child.i < head.i)
                or (child.dep == "prep" and child.lower == "of" and node is head)
                or (node is not head and child.dep in ("pobj", *_PHRASE_DEPS))
            )
            if keep and child.dep != "conj":
                members.append(child)
                stack.append(child)
    return tuple(sorted(members, key=lambda t: t.i))


def phrase_span(tokens: tuple[Token, ...]) -> Span:
    """The character span from the first to the last token."""
    return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def preposition_objects(
    analysis: Analysis, token: Token, preps: frozenset[str]
) -> Iterator[tuple[str, Token]]:
    """``(preposition, object)`` pairs for ``token``'s prepositional phrases among ``preps``."""
    for child in analysis.children(token):
        if child.dep in ("prep", "agent", "dative") and child.lower in preps:
            for grandchild in analysis.children(child):
                if grandchild.dep == "pobj":
                    yield child.lower, grandchild
