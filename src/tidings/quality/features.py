"""What the role rules look at in one sentence: words, specifics, layout, main verbs.

Everything here reads an :class:`~tidings.model.Analysis`; nothing knows spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tidings.model import Analysis, Entity, Sentence, Token

__all__ = [
    "SentenceFeatures",
    "entities_by_sentence",
    "features",
    "is_actor_phrase",
    "main_verbs",
    "stem",
    "subject_of",
]

# Entity labels that name an actor, a place, a time or a figure: the specifics whose
# absence makes a sentence boilerplate. NORP ("Russian") and LOC ("Asia") are too vague
# on their own; they still count as words for overlap.
_SPECIFIC_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dates are specific when they pin down a time ("Wednesday", "2008", "this September"),
# not when they only gesture at one ("the 21st century", "recent years").
_SPECIFIC_DATE = re.compile(
    r"\b(\d{1,2}|\d{4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|"
    r"last|next|this|ago|earlier|later)\b",
    re.IGNORECASE,
)
_VAGUE_DATE = re.compile(r"\b(century|centuries|decades?|era|times)\b", re.IGNORECASE)
_NON_FIGURES = frozenset({"one", "two", "both"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
# Frequent words that carry no content of their own in news prose.
_STOP_LEMMAS = frozenset(
    "be have do say also not n't more most very such other new own same well just even "
    "only still then there here now so too".split()
)
# Nouns that name people or bodies who can act or speak without being a named entity.
_AGENT_NOUNS = frozenset(
    "official spokesman spokeswoman spokesperson minister president leader government "
    "ministry army military police troops force forces court judge prosecutor embassy "
    "ambassador diplomat envoy agency council parliament senator lawmaker governor mayor "
    "chancellor premier king queen prince general commander rebel rebels militant militants "
    "protester protesters party opposition authorities authority company firm union "
    "secretary chief head director officer representative delegation demonstrator worker "
    "soldier resident voter activist protestor".split()
)
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_TERMINAL = tuple('.!?:;"”’)')


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """The facts about one sentence that the role rules use.

    Attributes:
        index: The sentence's index in the analysis.
        tokens: Its tokens (trailing whitespace tokens included).
        words: Tokens with a letter or digit.
        content: Stems of the lemmas of content words (for word overlap).
        specifics: Entities naming an actor, place, time or figure, each as the
            stems of its content words.
        heading: The sentence is a line of its own without final punctuation.
        finite: The sentence has a finite verb (it states something).
    """

    index: int
    tokens: tuple[Token, ...]
    words: int
    content: frozenset[str]
    specifics: frozenset[tuple[str, ...]]
    heading: bool
    finite: bool

    @property
    def section_heading(self) -> bool:
        """A heading that states nothing ("Strategic Implications of ...")."""
        return self.heading and not self.finite


def _has_word(token: Token) -> bool:
    return any(c.isalnum() for c in token.text)


def _specific(label: str, text: str, possessive: bool) -> bool:
    if label not in _SPECIFIC_LABELS:
        return False
    if label in ("DATE", "TIME"):
        # "today's interconnected world" is a figure of speech, not a time
        return not possessive and bool(_SPECIFIC_DATE.search(text)) and not _VAGUE_DATE.search(text)
    if label == "CARDINAL":
        # "one of the", "the two sides": number words that count nothing
        return text.lower() not in _NON_FIGURES
    return True


def stem(word: str) -> str:
    """A crude English stem, enough to match "tariffs"/"tariff" and "indicates"/"indicated"
    when comparing sentences (title-case headlines are lemmatised poorly)."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _possessive(analysis: Analysis, entity: Entity) -> bool:
    after = entity.end
    return after < len(analysis.tokens) and analysis.tokens[after].tag == "POS"


def _is_heading(analysis: Analysis, sentence: Sentence, words: int) -> bool:
    text = analysis.article.text
    before = text[: sentence.span.start].rstrip(" \t")
    body = sentence.span.of(text)
    after = text[sentence.span.end :]
    starts_line = not before or before.endswith("\n")
    ends_line = "\n" in body or not after.strip(" \t") or after.lstrip(" \t").startswith("\n")
    stripped = body.strip()
    return starts_line and ends_line and 0 < words <= 20 and not stripped.endswith(_TERMINAL)


def entities_by_sentence(analysis: Analysis) -> tuple[tuple[Entity, ...], ...]:
    """The analysis's entities grouped by the sentence they start in."""
    groups: list[list[Entity]] = [[] for _ in analysis.sentences]
    for entity in analysis.entities:
        groups[analysis.tokens[entity.start].sent].append(entity)
    return tuple(tuple(g) for g in groups)


def features(
    analysis: Analysis, sentence: Sentence, entities: Sequence[Entity] | None = None
) -> SentenceFeatures:
    """Compute the features of ``sentence``; ``entities`` are its entities, if known."""
    if entities is None:
        entities = [e for e in analysis.entities if sentence.start <= e.start < sentence.end]
    tokens = analysis.sentence_tokens(sentence)
    words = sum(1 for t in tokens if _has_word(t))
    content = frozenset(
        stem(t.lemma)
        for t in tokens
        if t.pos in _CONTENT_POS and _has_word(t) and t.lemma.lower() not in _STOP_LEMMAS
    )
    specifics = frozenset(
        tuple(
            stem(t.lemma)
            for t in analysis.tokens[e.start : e.end]
            if _has_word(t) and t.pos in _CONTENT_POS
        )
        for e in entities
        if _specific(e.label, e.text, _possessive(analysis, e))
    )
    finite = any(t.tag in _FINITE_TAGS for t in tokens)
    return SentenceFeatures(
        index=sentence.index,
        tokens=tokens,
        words=words,
        content=content,
        specifics=specifics,
        heading=_is_heading(analysis, sentence, words),
        finite=finite,
    )


def main_verbs(analysis: Analysis, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The sentence's root and the verbs coordinated with it; when the root reports
    speech ("X said"), also the reported clause's verb."""
    roots = [t for t in tokens if t.head == t.i and _has_word(t)]
    found: list[Token] = []
    for root in roots:
        found.append(root)
        for child in analysis.children(root):
            if child.dep in ("conj", "ccomp", "parataxis") and child.pos in ("VERB", "AUX"):
                found.append(child)
    return tuple(found)


def subject_of(analysis: Analysis, verb: Token) -> Token | None:
    """The subject of ``verb``, looking up through participles and coordination."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        subject = next(
            (c for c in analysis.children(current) if c.dep in ("nsubj", "nsubjpass")), None
        )
        if subject is not None:
            return subject
        if current.dep not in ("conj", "advcl", "xcomp", "acl", "relcl"):
            return None
        current = analysis.head(current)
    return None


def is_actor_phrase(head: Token) -> bool:
    """Whether a noun phrase headed by ``head`` names someone who can act or speak:
    a named person, organisation or country, an agent noun ("officials") or a pronoun."""
    if head.ent_type in _ACTOR_LABELS or head.lower in _PERSONAL_PRONOUNS - {"it"}:
        return True
    return head.lemma.lower() in _AGENT_NOUNS or head.lower in _AGENT_NOUNS
