"""Who a sentence cites: the subject of a reporting verb or the object of "according to".

A source is *named* when its phrase holds a person's or an organisation's name (or a
country speaking as a government: "Washington said"); otherwise it is *unnamed*
("officials said", "a senior police officer said", "observers note").
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.model import Analysis, Token
from tidings.quality.features import SentenceFeatures, is_actor_phrase

__all__ = ["Source", "sources"]

_REPORTING_VERBS = frozenset(
    "say tell report announce state add confirm claim write tweet insist emphasise emphasize "
    "stress note declare explain argue quote comment reply respond acknowledge admit allege "
    "assert warn disclose reveal deny indicate signal".split()
)
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE"})
# Speakers who are cited without being actors of the story.
_SPEAKER_NOUNS = frozenset(
    "source sources people person witness witnesses resident residents observer observers "
    "analyst analysts expert experts commentator commentators insider insiders report "
    "reports media statement".split()
)
# Speakers cited for their opinion rather than as part of the story.
_COMMENTATORS = frozenset("observer analyst expert commentator pundit watcher".split())
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source: its phrase as written, whether it names someone, and whether
    it is an actor of the story (a name, "officials", "the ministry") rather than a
    commentator ("observers", "analysts")."""

    text: str
    named: bool
    actor: bool


def _phrase(analysis: Analysis, head: Token) -> tuple[Token, ...]:
    # The subject without relative clauses or appositions that run on.
    members = [
        t
        for t in analysis.subtree(head)
        if not any(a.dep in ("relcl", "acl", "appos") for a in _path(analysis, t, head))
    ]
    while members and members[0].lower in _DETERMINERS:
        members = members[1:]
    return tuple(m for m in members if m.pos != "PUNCT")


def _path(analysis: Analysis, token: Token, top: Token) -> list[Token]:
    path = []
    current: Token | None = token
    while current is not None and current.i != top.i:
        path.append(current)
        current = analysis.head(current)
    return path


def _source(analysis: Analysis, head: Token) -> Source | None:
    if head.pos == "PRON":
        return None  # "he said": the name was given before and is counted there
    tokens = _phrase(analysis, head)
    if not tokens:
        return None
    text = analysis.article.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    if not (is_actor_phrase(head) or head.lower in _SPEAKER_NOUNS):
        return None  # "the prospect of a meeting signals ...": not a source
    named = any(t.ent_type in _NAMED_LABELS for t in tokens)
    actor = named or head.lemma.lower() not in _COMMENTATORS
    return Source(" ".join(text.split()), named, actor)


def sources(analysis: Analysis, feats: SentenceFeatures) -> tuple[Source, ...]:
    """The sources ``feats``' sentence cites, in text order."""
    found: list[Source] = []
    for token in feats.tokens:
        head: Token | None = None
        if token.lower == "according":
            head = next(
                (
                    g
                    for c in analysis.children(token)
                    for g in analysis.children(c)
                    if g.dep == "pobj"
                ),
                None,
            )
        elif token.pos == "VERB" and token.lemma.lower() in _REPORTING_VERBS:
            head = next((c for c in analysis.children(token) if c.dep == "nsubj"), None)
        if head is not None:
            source = _source(analysis, head)
            if source is not None and source not in found:
                found.append(source)
    return tuple(found)
