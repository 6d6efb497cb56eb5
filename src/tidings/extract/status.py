"""Whether a reported event happened: status from tense, modality, negation and frames.

Walks from the event word up the dependency tree. The nearest decisive cue wins:
a modal or hedge on a word ("could meet"), a governing frame ("agreed to meet",
"willingness to facilitate talks", "denied attacking") or, for verbs and the
light verbs that carry event nouns ("held talks"), grammatical tense. A
reporting verb ("the Kremlin said") ends the walk and becomes the attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tidings.extract.lexicon import Lexicon
from tidings.extract.roles import LIGHT_VERBS
from tidings.extract.syntax import ancestors
from tidings.model import Analysis, Status, Token

__all__ = ["StatusReading", "read_status"]

# Requests, disapproval, rejections and threats are events of their own that
# absorb the action they are about ("threatened to attack" is one threat).
SPEECH_ACT_ROOTS = frozenset({"10", "11", "12", "13"})
_KIND_STATUS = {
    "proposed": Status.PROPOSED,
    "planned": Status.PLANNED,
    "possible": Status.POSSIBLE,
    "cancelled": Status.CANCELLED,
    "denied": Status.DENIED,
    "ongoing": Status.ONGOING,
}
_MODIFIER_DEPS = frozenset({"amod", "compound", "advmod", "mark", "aux", "auxpass", "npadvmod"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Event-noun slots through which the walk may climb to a governing word.
_CLIMB_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "pobj",
        "prep",
        "xcomp",
        "ccomp",
        "acl",
        "pcomp",
        "nsubjpass",
        "nsubj",
        "attr",
        "conj",
        "advcl",
        "relcl",
        "compound",
        "appos",
        "oprd",
        "dep",
    }
)


@dataclass(frozen=True, slots=True)
class StatusReading:
    """The status of one event word and what decided it.

    ``cue`` is the deciding word (None when the status is only the default);
    ``frame`` the governing frame word, if any ("agreed", "willingness");
    ``governor`` a governing event word that absorbs this one ("threatened to
    attack" is one threat, not an attack); ``report`` the reporting verb above.
    """

    status: Status
    cue: Token | None
    frame: Token | None = None
    governor: Token | None = None
    report: Token | None = None
    tense: str | None = None
    refused: bool = False  # a negated future: "will not attend" is a refusal
    conditional: bool = False  # "will withdraw unless ...": an ultimatum
    hedged: bool = False  # a cancellation only threatened: "may halt mediation"


def read_status(analysis: Analysis, lexicon: Lexicon, trigger: Token) -> StatusReading:
    """Read the status of the event expressed by ``trigger``.

    A cancellation or denial governing the event overrides nearer cues: in
    "cancelled a planned visit" the visit is cancelled, not planned.
    """
    reading = _nearest_cue(analysis, lexicon, trigger)
    if _has_condition(analysis, reading.frame or trigger, "unless"):
        reading = replace(reading, conditional=True)
    if reading.status in (Status.CANCELLED, Status.DENIED) or reading.governor is not None:
        return _hedge_cancellation(analysis, lexicon, reading)
    start = reading.frame or reading.cue or trigger
    overriding = {"cancelled", "denied"}
    if reading.status is Status.ONGOING:
        overriding |= {"planned", "proposed"}  # "promised to continue aid" is a promise
    for node in (start, *ancestors(analysis, start)):
        frame = lexicon.frame(analysis, node) if node is not trigger else None
        if frame is not None and frame.kind == "report":
            break
        if frame is not None and frame.kind in overriding:
            status = _KIND_STATUS[frame.kind]
            found = replace(reading, status=status, cue=node, frame=node, tense=_tense_of(status))
            return _hedge_cancellation(analysis, lexicon, found)
    return reading


def _nearest_cue(analysis: Analysis, lexicon: Lexicon, trigger: Token) -> StatusReading:
    negated = False
    node: Token | None = trigger
    is_noun = trigger.pos in ("NOUN", "PROPN")
    while node is not None:
        if node is not trigger:
            row = lexicon.trigger(analysis, node) if node.pos in ("VERB", "NOUN") else None
            if row is not None and row.cameo[:2] in SPEECH_ACT_ROOTS:
                # "rejected the proposal", "denied the request": the request was made
                return StatusReading(Status.OCCURRED, None, governor=node)
            frame = lexicon.frame(analysis, node)
            if frame is not None and frame.kind == "report":
                reading = StatusReading(Status.OCCURRED, None, report=node, tense="past")
                return _negate(reading) if negated else reading
            if frame is not None:
                status = _KIND_STATUS[frame.kind]
                negated = negated or _is_negated(analysis, node)
                reading = StatusReading(status, node, frame=node, tense=_tense_of(status))
                return (
                    _negate(reading)
                    if negated
                    else _report_above(analysis, lexicon, reading, trigger)
                )
        negated = negated or _is_negated(analysis, node)
        cue = _modifier_cue(analysis, lexicon, node)
        if cue is None and (not is_noun or node is not trigger):
            cue = _tense_cue(analysis, node, trigger)
        if cue is not None:
            reading = StatusReading(cue[0], cue[1], tense=_tense_of(cue[0]))
            return (
                _negate(reading) if negated else _report_above(analysis, lexicon, reading, trigger)
            )
        if not _may_climb(analysis, node, trigger):
            break
        node = analysis.head(node)
    reading = StatusReading(Status.OCCURRED, None)
    return _negate(reading) if negated else _report_above(analysis, lexicon, reading, trigger)


def _hedge_cancellation(
    analysis: Analysis, lexicon: Lexicon, reading: StatusReading
) -> StatusReading:
    """ "may halt mediation", "will cancel the visit": a cancellation not yet made is
    threatened or planned, and keeps that status (coded as a threat to halt)."""
    if reading.status is not Status.CANCELLED or reading.frame is None:
        return reading
    hedge = _modifier_cue(analysis, lexicon, reading.frame)
    if hedge is None or hedge[0] not in (Status.POSSIBLE, Status.PLANNED):
        return reading
    return replace(reading, status=hedge[0], tense="future", hedged=True)


def _has_condition(analysis: Analysis, token: Token, word: str) -> bool:
    """True when a clause introduced by ``word`` ("unless ...") depends on ``token``."""
    return any(
        c.dep == "advcl" and any(g.lower == word and g.dep == "mark" for g in analysis.children(c))
        for c in analysis.children(token)
    )


def _may_climb(analysis: Analysis, node: Token, trigger: Token) -> bool:
    if analysis.head(node) is None or node.dep not in _CLIMB_DEPS:
        return False
    if node is trigger and node.dep == "acl" and node.tag == "VBN":
        return False  # "will return equipment seized last year": the seizure is done

    # A finite verb that is not a light verb ends the walk for an event noun:
    # in "the meeting represents a gesture" nothing above says whether it happened.
    return not (
        node is not trigger
        and node.pos in ("VERB", "AUX")
        and node.tag in ("VBD", "VBZ", "VBP")
        and node.lemma.lower() not in LIGHT_VERBS
    )


def _modifier_cue(analysis: Analysis, lexicon: Lexicon, node: Token) -> tuple[Status, Token] | None:
    for child in analysis.children(node):
        if child.dep not in _MODIFIER_DEPS:
            continue
        frame = lexicon.frame(analysis, child)
        if frame is not None and frame.kind in _KIND_STATUS:
            return _KIND_STATUS[frame.kind], child
    return None


def _tense_cue(analysis: Analysis, node: Token, trigger: Token) -> tuple[Status, Token] | None:
    if node.pos not in ("VERB", "AUX"):
        return None
    if node is not trigger and node.lemma.lower() not in LIGHT_VERBS and trigger.pos == "NOUN":
        return None
    auxes = [c for c in analysis.children(node) if c.dep in ("aux", "auxpass")]
    if node.tag == "VBG" and any(a.lemma == "be" and a.tag != "VBN" for a in auxes):
        return Status.ONGOING, node
    if node.tag == "VBD" or any(a.tag == "VBD" or a.lemma == "have" for a in auxes):
        return Status.OCCURRED, node
    if node.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in auxes):
        return Status.OCCURRED, node
    return None


def _is_negated(analysis: Analysis, node: Token) -> bool:
    """ "did not meet", "no talks", "never met", "neither side has accepted"."""
    for child in analysis.children(node):
        if child.dep == "neg" or (child.dep in ("det", "advmod") and child.lower in _NEGATIONS):
            return True
        if child.dep in ("nsubj", "nsubjpass") and any(
            g.lower in ("neither", "no", "none") and g.dep in ("preconj", "det")
            for g in analysis.children(child)
        ):
            return True
    return False


def _negate(reading: StatusReading) -> StatusReading:
    if reading.status in (Status.DENIED, Status.CANCELLED):
        return reading
    refused = reading.status in (Status.PLANNED, Status.PROPOSED)
    return replace(reading, status=Status.DENIED, refused=refused)


def _tense_of(status: Status) -> str | None:
    if status in (Status.OCCURRED, Status.ONGOING, Status.DENIED):
        return "past"
    if status in (Status.PLANNED, Status.PROPOSED, Status.POSSIBLE):
        return "future"
    return None


def _report_above(
    analysis: Analysis, lexicon: Lexicon, reading: StatusReading, start: Token
) -> StatusReading:
    """Attach the nearest reporting verb above the deciding word, if any.

    Also a parenthetical one hanging off the clause: "Turkey could deploy troops,
    a senior official said" (parsed as parataxis).
    """
    node: Token | None = reading.cue or reading.frame or start
    while node is not None:
        if node is not start and _is_report(analysis, lexicon, node):
            return replace(reading, report=node)
        for child in analysis.children(node):
            if child.dep == "parataxis" and _is_report(analysis, lexicon, child):
                return replace(reading, report=child)
        node = analysis.head(node)
    return reading


def _is_report(analysis: Analysis, lexicon: Lexicon, token: Token) -> bool:
    frame = lexicon.frame(analysis, token)
    return frame is not None and frame.kind == "report"
