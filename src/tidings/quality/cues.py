"""Word-level cues for the roles that are not about repetition.

Each function returns a short reason naming the cue it found ("modal 'could'"), or
None. They are general English cues, not phrases of any one article:

* speculation: modal hedges (could, might, may), hedging adverbs (potentially,
  likely), hedging verbs (appear to, seem), inferences drawn by no one in
  particular ("this move suggests"), unnamed analysts ("observers note"),
  conditions ("if it occurs");
* advice: what someone should do, addressed to no one in particular
  ("stakeholders should", "a structured approach will be key");
* commentary: a significance verb whose subject is not an actor ("the meeting
  marks a significant moment");
* background: a main clause in the past perfect, set in an earlier year, or
  describing who someone is ("Kupfer is the second-ranking official").
"""

from __future__ import annotations

import datetime as dt
import re

from tidings.model import Analysis, Token
from tidings.quality.features import SentenceFeatures, is_actor_phrase, main_verbs, subject_of

__all__ = [
    "action_cue",
    "advice_cue",
    "background_cue",
    "commentary_cue",
    "speculation_cue",
]

_HEDGE_MODALS = frozenset({"could", "might", "may"})
_HEDGE_ADVERBS = frozenset(
    "potentially possibly perhaps maybe likely unlikely probably conceivably presumably "
    "arguably seemingly supposedly".split()
)
_SEEM_VERBS = frozenset({"seem", "appear"})
# Verbs that draw an inference; with an actor as subject they report an act instead
# ("Russia signalled it would attend").
_INFERENCE_VERBS = frozenset({"suggest", "signal", "indicate", "imply", "hint", "portend"})
# Verbs that assign significance; with an actor as subject they are ordinary verbs.
_COMMENTARY_VERBS = frozenset(
    "mark underscore underline highlight represent reflect encapsulate signify herald "
    "showcase illustrate epitomize epitomise symbolize symbolise demonstrate".split()
)
# People whose opinions are cited as a class rather than by name.
_PUNDITS = frozenset(
    "observer analyst expert commentator pundit watcher insider critic speculation "
    "some many others".split()
)
_OPINION_VERBS = frozenset(
    "note say believe suggest argue expect predict warn think speculate caution contend "
    "see view consider anticipate".split()
)
_ADVICE_MODALS = frozenset({"should", "must", "ought", "need"})
_ADVICE_ADJECTIVES = frozenset(
    "key essential crucial vital important necessary imperative critical paramount".split()
)
# Subjects addressed by generic advice: nobody in particular.
_GENERIC_SUBJECTS = frozenset(
    "stakeholder policymaker policy-maker leader government nation country party community "
    "world everyone one we you all actor decision-maker".split()
)
_OLD_RELATIVE = re.compile(
    r"\b(\w+ (years|decades|months) ago|last (year|month|decade)|previous (year|month)|"
    r"earlier this year|in the past|since \d{4})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _quote(token: Token) -> str:
    return f"'{token.text}'"


def _unnamed_pundits(analysis: Analysis, verb: Token) -> Token | None:
    if verb.lemma.lower() not in _OPINION_VERBS:
        return None
    subject = subject_of(analysis, verb)
    if subject is None or subject.lemma.lower() not in _PUNDITS:
        return None
    named = any(t.ent_type in ("PERSON", "ORG") for t in analysis.subtree(subject))
    return None if named else subject


def speculation_cue(analysis: Analysis, feats: SentenceFeatures) -> str | None:
    """A hedge, forecast or inference in the sentence, as a reason; None if there is none."""
    for token in feats.tokens:
        lower, lemma = token.lower, token.lemma.lower()
        if token.tag == "MD" and lower in _HEDGE_MODALS:
            return f"modal hedge {_quote(token)}"
        if (
            lower in _HEDGE_ADVERBS
            and token.pos in ("ADV", "ADJ")
            and (token.pos == "ADV" or any(c.dep == "xcomp" for c in analysis.children(token)))
        ):
            return f"hedging word {_quote(token)}"
        if token.pos not in ("VERB", "AUX"):
            continue
        if lemma in _SEEM_VERBS and any(
            c.dep in ("xcomp", "oprd", "acomp", "attr") for c in analysis.children(token)
        ):
            return f"hedging verb {_quote(token)}"
        pundits = _unnamed_pundits(analysis, token)
        if pundits is not None:
            return f"unnamed analysts ('{pundits.text} {token.text}')"
        if lemma in _INFERENCE_VERBS:
            subject = subject_of(analysis, token)
            if subject is None or not is_actor_phrase(subject):
                return f"inference {_quote(token)} drawn by no named source"
        if token.dep == "advcl" and any(
            c.dep == "mark" and c.lower == "if" for c in analysis.children(token)
        ):
            return f"condition 'if ... {token.text}'"
    return None


def advice_cue(analysis: Analysis, feats: SentenceFeatures) -> str | None:
    """Advice addressed to no one in particular, as a reason; None if there is none."""
    for verb in main_verbs(analysis, feats.tokens):
        children = analysis.children(verb)
        modal = next((c for c in children if c.lower in _ADVICE_MODALS and c.dep == "aux"), None)
        adjective = next(
            (
                c
                for c in children
                if c.dep in ("acomp", "attr") and c.lemma.lower() in _ADVICE_ADJECTIVES
            ),
            None,
        )
        if verb.lemma.lower() == "need" and verb.pos == "VERB":
            modal = verb
        cue = modal or adjective
        if cue is None:
            continue
        subject = subject_of(analysis, verb)
        generic = subject is None or subject.lemma.lower() in _GENERIC_SUBJECTS
        if subject is not None and not generic:
            generic = not is_actor_phrase(subject) and not any(
                t.ent_type in ("PERSON", "ORG", "GPE") for t in analysis.subtree(subject)
            )
        if generic:
            who = subject.text if subject is not None else "no one"
            return f"advice ({_quote(cue)}) addressed to {who!r}, not to a named actor"
    return None


def commentary_cue(analysis: Analysis, feats: SentenceFeatures) -> str | None:
    """A significance verb on a subject that is not an actor, as a reason."""
    for verb in main_verbs(analysis, feats.tokens):
        if verb.lemma.lower() not in _COMMENTARY_VERBS:
            continue
        subject = subject_of(analysis, verb)
        if subject is not None and not is_actor_phrase(subject):
            return f"comment: '{subject.text} {verb.text}' interprets rather than reports"
    return None


def action_cue(analysis: Analysis, feats: SentenceFeatures) -> str | None:
    """A past action by an actor ("demonstrators marched"): concrete even without names."""
    for verb in main_verbs(analysis, feats.tokens):
        perfect = verb.tag == "VBN" and any(
            c.lower in ("has", "have") and c.dep == "aux" for c in analysis.children(verb)
        )
        if verb.pos != "VERB" or not (verb.tag == "VBD" or perfect):
            continue
        subject = subject_of(analysis, verb)
        if subject is not None and subject.pos != "PRON" and is_actor_phrase(subject):
            return f"past action '{subject.text} {verb.text}'"
    return None


def _old_year(text: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    return next((y for y in _YEAR.findall(text) if int(y) < published.year), None)


def _attached_to_clause(analysis: Analysis, token: Token, verbs: set[int]) -> bool:
    """Whether ``token`` modifies one of ``verbs`` directly, not a noun on the way up."""
    current: Token | None = token
    for _ in range(6):
        if current is None:
            return False
        head = analysis.head(current)
        if head is None:
            return current.i in verbs
        if head.i in verbs:
            return True
        if head.pos in ("NOUN", "PROPN") and current.dep not in ("compound", "nummod"):
            # "Floods in 2022 submerged ...": a date on the subject dates the clause.
            governor = analysis.head(head)
            return (
                head.dep in ("nsubj", "nsubjpass")
                and governor is not None
                and (governor.i in verbs)
            )
        current = head
    return False


def background_cue(
    analysis: Analysis, feats: SentenceFeatures, published: dt.date | None
) -> str | None:
    """A background marker on the main clause, as a reason; None if there is none."""
    verbs = main_verbs(analysis, feats.tokens)
    verb_ids = {v.i for v in verbs}
    for verb in verbs:
        children = analysis.children(verb)
        # "X said officers had been injured" is reported speech, not background.
        reported = verb.dep in ("ccomp", "parataxis")
        if (
            not reported
            and verb.tag == "VBN"
            and any(c.lower == "had" and c.dep == "aux" for c in children)
        ):
            return f"past perfect 'had {verb.text}': an earlier event"
        if (
            verb.lemma == "be"
            and verb.tag in ("VBZ", "VBP")
            and any(c.dep == "attr" for c in children)
        ):
            subject = subject_of(analysis, verb)
            if subject is not None and (
                subject.ent_type in ("PERSON", "ORG", "GPE") or subject.pos == "PROPN"
            ):
                return f"description of who or what {subject.text} is"
    for entity in analysis.entities:
        if not (feats.tokens[0].i <= entity.start < feats.tokens[-1].i + 1):
            continue
        if entity.label != "DATE":
            continue
        first = analysis.tokens[entity.start]
        if not _attached_to_clause(analysis, first, verb_ids):
            continue
        old = _old_year(entity.text, published)
        if old is not None:
            return f"set in {old}, before publication"
        relative = _OLD_RELATIVE.search(entity.text)
        if relative is not None:
            return f"set in the past ('{relative.group(0)}')"
    return None
