"""PETRARCH-style ordered verb patterns, matched over a parsed sentence.

A user verb dictionary (read by :mod:`tidings.extract.verbdict`) gives each verb
a code and patterns that refine it. A pattern is matched word by word outwards
from the verb: the words after ``*`` in order after it, those before ``*`` in
order before it (nearest first). Adjacent elements joined by ``_`` must be next
to each other; otherwise other words may come between. Words match as written,
case aside, as in PETRARCH ("RESOLUTION" is not "resolutions"). A synset element matches
any of its members (which may be phrases). A marker element matches a noun
phrase: as in TABARI, ``$`` makes it the event's source and ``+`` its target
("- + * FROM $": "X was freed from Y" is coded Y -> X); ``%`` and ``^`` only
consume it. The longest matching pattern wins (the earlier line on ties); then
a multi-word form of the verb ("+BREAK_DOWN": "broke down") takes its code; a
verb nothing fits takes its block's code. Dictionary verbs are looked up
by the word as written ("SAID", "RISEN": TABARI lists some inflected forms on
their own), then by lemma; a two-way code (``032:033``) also codes the target's
reply.

Used by the pipeline only when user verb dictionaries are loaded; the pipeline
then follows PETRARCH's role conventions for the verbs they code (see
``docs/extraction.md``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from tidings.extract.roles import Roles
from tidings.extract.syntax import conjuncts
from tidings.model import Analysis, Token

__all__ = [
    "Element",
    "PatternMatch",
    "VerbPattern",
    "VerbPatterns",
    "agentless_passive_subject",
    "following_heads",
    "pattern_roles",
    "petrarch_options",
    "preceding_heads",
]

# Words that may open a noun phrase before its nouns: "a million", "the evil awful".
_PHRASE_OPENERS = frozenset({"DET", "ADJ", "NUM", "ADV", "PRON"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: alternative word sequences, or a noun-phrase marker.

    Attributes:
        words: Lower-case word sequences, any of which matches (empty for a marker).
        marker: ``$`` (source), ``+`` (target), ``%`` (compound) or ``^`` (any noun
            phrase), or None for words.
        joined: Must come right next to the previous element (the verb, for the
            first); read outwards from the verb on its left side.
    """

    words: frozenset[tuple[str, ...]]
    marker: str | None
    joined: bool


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``before * after [code]`` for one verb; ``before`` is read outwards from the verb."""

    lemma: str
    code: str
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    line: int
    form: bool = False  # a multi-word verb form ("+BREAK_DOWN"), tried after the patterns

    @property
    def length(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """The code a verb takes in its sentence, and the phrases a pattern marked."""

    code: str
    block_code: str | None
    reverse_code: str | None = None  # "032:033": the target's side of the event
    source: Token | None = None
    target: Token | None = None
    pattern: VerbPattern | None = None


@dataclass(frozen=True, slots=True)
class VerbPatterns:
    """The verbs of user dictionaries: block codes and patterns, longest first."""

    codes: Mapping[str, str | None]
    patterns: Mapping[str, tuple[VerbPattern, ...]]

    @classmethod
    def build(
        cls, codes: Mapping[str, str | None], patterns: Mapping[str, Sequence[VerbPattern]]
    ) -> VerbPatterns:
        ordered = {
            verb: tuple(sorted(found, key=lambda p: (p.form, -p.length, p.line)))
            for verb, found in patterns.items()
        }
        return cls(dict(codes), ordered)

    def merged(self, other: VerbPatterns) -> VerbPatterns:
        """Both dictionaries; for a verb in both, this one's code and patterns come first."""
        codes = {**other.codes, **{k: v for k, v in self.codes.items() if v is not None}}
        for verb, code in self.codes.items():
            codes.setdefault(verb, code)
        patterns = {
            verb: (*self.patterns.get(verb, ()), *other.patterns.get(verb, ()))
            for verb in {*self.patterns, *other.patterns}
        }
        return VerbPatterns(codes, patterns)

    def __len__(self) -> int:
        return len(self.codes)

    def entry(self, token: Token) -> str | None:
        """The dictionary verb ``token`` is an instance of: its form, else its lemma."""
        if not _is_verb(token):
            return None
        for key in (token.lower, token.lemma.lower()):
            if key in self.codes or key in self.patterns:
                return key
        return None

    def knows(self, token: Token) -> bool:
        """The dictionaries list the verb on its own (coded or ``---``), so only they
        code it; a verb listed only in multi-word forms ("+GIVE_UP") is not known alone."""
        return _is_verb(token) and (token.lower in self.codes or token.lemma.lower() in self.codes)

    def match(self, analysis: Analysis, token: Token) -> PatternMatch | None:
        """The code of ``token`` in its sentence, or None when it codes nothing."""
        lemma = self.entry(token)
        if lemma is None:
            return None
        block = self.codes.get(lemma)
        block_code = _split(block)[0] if block else None
        for pattern in self.patterns.get(lemma, ()):
            found = _match_pattern(analysis, token, pattern)
            if found is not None:
                source, target = found
                code, reverse = _split(pattern.code)
                return PatternMatch(code, block_code, reverse, source, target, pattern)
        if block is None:
            return None
        code, reverse = _split(block)
        return PatternMatch(code, block_code, reverse)


def _split(code: str) -> tuple[str, str | None]:
    """``032:033`` -> ("032", "033"); ``031`` -> ("031", None)."""
    forward, _, reverse = code.partition(":")
    return forward, (reverse if reverse and not reverse.startswith("---") else None)


def _is_verb(token: Token) -> bool:
    return token.pos == "VERB" or (token.pos == "AUX" and token.tag != "MD")


def _windows(analysis: Analysis, verb: Token) -> tuple[list[Token], list[Token]]:
    """Tokens before the verb (nearest first) and after it, up to its phrase's end."""
    sentence = analysis.sentences[verb.sent]
    last = max(t.i for t in analysis.subtree(verb))
    before = [analysis.tokens[i] for i in range(verb.i - 1, sentence.start - 1, -1)]
    after = [analysis.tokens[i] for i in range(verb.i + 1, min(last + 1, sentence.end))]
    return before, after


def _match_pattern(
    analysis: Analysis, verb: Token, pattern: VerbPattern
) -> tuple[Token | None, Token | None] | None:
    before, after = _windows(analysis, verb)
    marks: dict[str, Token] = {}
    left = _match(before, pattern.before, 0, 0, outwards=True)
    if left is None:
        return None
    right = _match(after, pattern.after, 0, 0, outwards=False)
    if right is None:
        return None
    marks.update(left)
    marks.update(right)
    return marks.get("$"), marks.get("+")


def _match(
    window: Sequence[Token],
    elements: Sequence[Element],
    index: int,
    position: int,
    outwards: bool,
) -> dict[str, Token] | None:
    """Marked heads when ``elements[index:]`` match ``window`` from ``position`` on."""
    if index == len(elements):
        return {}
    element = elements[index]
    starts = [position] if element.joined else range(position, len(window))
    for start in starts:
        for end, head in _element_at(window, element, start, outwards):
            rest = _match(window, elements, index + 1, end, outwards)
            if rest is not None:
                if element.marker is not None and head is not None:
                    rest.setdefault(element.marker, head)
                return rest
    return None


def _element_at(
    window: Sequence[Token], element: Element, start: int, outwards: bool
) -> Iterator[tuple[int, Token | None]]:
    """Every (end position, marked head) at which ``element`` matches from ``start``."""
    if start >= len(window):
        return
    if element.marker is not None:
        found = _noun_phrase(window, start, outwards)
        if found is not None:
            yield found
        return
    for words in element.words:
        sequence = tuple(reversed(words)) if outwards else words
        if start + len(sequence) <= len(window) and all(
            _word_matches(window[start + k], word) for k, word in enumerate(sequence)
        ):
            yield start + len(sequence), None


def _word_matches(token: Token, word: str) -> bool:
    return token.lower == word


def _noun_phrase(window: Sequence[Token], start: int, outwards: bool) -> tuple[int, Token] | None:
    """A noun phrase starting at ``start``: its end and head (its last noun)."""
    if outwards:  # right to left: the head comes first, then its modifiers
        if window[start].pos not in _NOUNS:
            return None
        end = start + 1
        while end < len(window) and (
            window[end].pos in _NOUNS or window[end].pos in _PHRASE_OPENERS
        ):
            end += 1
        return end, window[start]
    position = start
    while position < len(window) and (
        window[position].pos in _PHRASE_OPENERS - {"PRON"} or window[position].tag == "PRP$"
    ):
        position += 1
    if position >= len(window) or window[position].pos not in _NOUNS:
        return None
    while position + 1 < len(window):
        following = window[position + 1]
        if following.pos in ("NOUN", "PROPN"):
            position += 1
        elif (  # "Barad-dur"
            following.tag == "HYPH"
            and position + 2 < len(window)
            and window[position + 2].pos in ("NOUN", "PROPN")
        ):
            position += 2
        else:
            break
    return position + 1, window[position]


def pattern_roles(analysis: Analysis, verb: Token, match: PatternMatch, roles: Roles) -> Roles:
    """The roles of a verb a user pattern coded: the pattern's ``$`` source and ``+``
    target phrases where it marks them; else recipients PETRARCH can take as a target
    and, with no subject, an agentless passive's subject as the source."""
    if match.source is not None:
        roles = Roles(conjuncts(analysis, match.source), roles.recipients, roles.reciprocal)
    if match.target is not None:
        roles = Roles(roles.actors, (conjuncts(analysis, match.target),), roles.reciprocal)
    else:
        roles = Roles(roles.actors, petrarch_options(verb, roles.recipients), roles.reciprocal)
    if match.source is None and not roles.actors:
        subject = agentless_passive_subject(analysis, verb)
        if subject is not None:  # "the Philippines was criticized over its dispute with X"
            options = tuple(o for o in roles.recipients if subject not in o)
            roles = Roles(conjuncts(analysis, subject), options, roles.reciprocal)
    return roles


def agentless_passive_subject(analysis: Analysis, verb: Token) -> Token | None:
    """The subject of a passive verb with no "by" agent, which PETRARCH codes as the
    source ("The Philippines was criticized over its dispute with Eriador": PHL ERI)."""
    children = analysis.children(verb)
    if any(c.dep == "agent" for c in children):
        return None
    return next((c for c in children if c.dep == "nsubjpass"), None)


def preceding_heads(analysis: Analysis, verb: Token) -> Iterator[Token]:
    """Noun heads before ``verb`` in its sentence, nearest first, up to the previous
    verb: where PETRARCH finds a source the parse gives no subject for ("The
    Philippines was heavily and unjustly criticized", parsed with "was" as the head)."""
    before, _ = _windows(analysis, verb)
    for token in before:
        if token.pos == "VERB":
            return
        if token.pos in ("NOUN", "PROPN") and not _modifies_noun(analysis, token):
            yield token


def petrarch_options(
    verb: Token, options: Sequence[tuple[Token, ...]]
) -> tuple[tuple[Token, ...], ...]:
    """Recipient options a PETRARCH target can be: phrases after the verb, or the
    subject of a passive verb. Not the subject of a clause the verb reports ("X will
    restore ties with Y, an official said": the official's statement has no target)."""
    return tuple(
        option for option in options if any(t.i > verb.i or t.dep == "nsubjpass" for t in option)
    )


def following_heads(
    analysis: Analysis, verb: Token, skip: frozenset[int]
) -> Iterator[tuple[Token, ...]]:
    """Noun phrases after ``verb`` in its phrase, in order, where PETRARCH looks for a
    target when no pattern marks one: "restore ties with Gondor", "criticized the
    closure of guest houses in Bree". Each is its head, then the nouns modifying it
    ("an anti-Gondor parade"). Pronouns and tokens in ``skip`` are passed, and so are
    clauses with a subject of their own ("agree that disputes in the South China Sea
    ...", "delayed the meeting after a halfling was seen in Mordor"): their actors
    take part in another event."""
    _, after = _windows(analysis, verb)
    clauses = {
        t.i
        for c in analysis.children(verb)
        if c.dep in ("ccomp", "advcl")
        and any(g.dep in ("nsubj", "nsubjpass") for g in analysis.children(c))
        for t in analysis.subtree(c)
    }
    skip = skip | clauses
    for token in after:
        if token.i in skip or token.pos not in ("NOUN", "PROPN") or _modifies_noun(analysis, token):
            continue
        modifiers = (
            t
            for t in after
            if t.i < token.i
            and t.i not in skip
            and _modifies_noun(analysis, t)
            and any(h.i == token.i for h in _heads(analysis, t))
        )
        yield (token, *modifiers)


def _modifies_noun(analysis: Analysis, token: Token) -> bool:
    head = analysis.head(token)
    return (
        token.pos in ("NOUN", "PROPN")
        and token.dep in ("compound", "amod", "nmod", "poss")
        and head is not None
        and head.pos in ("NOUN", "PROPN")
    )


def _heads(analysis: Analysis, token: Token) -> Iterator[Token]:
    current = analysis.head(token)
    while current is not None and current.i != token.i and current.pos in ("NOUN", "PROPN"):
        yield current
        following = analysis.head(current)
        if following is None or following.i == current.i:
            return
        current = following
