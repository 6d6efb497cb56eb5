"""The CAMEO code of a reported event, from its action and what the text says about it.

The action word gives a base code (``data/triggers.tsv``). CAMEO codes the report,
not only the action, so the status changes the code:

- a proposed or planned cooperative action is an expression of intent (03x): a
  proposed meeting is 036;
- a planned conflictual action is a threat (13x): "will extend the curfew" is 132,
  "will attack" 138;
- a planned action made conditional ("will withdraw unless ...") is an ultimatum (139);
- a halt only threatened ("may halt mediation") is a threat to halt it (134, 135, 131);
- a refused action ("will not accept refugees") is a rejection (12x);
- a cancelled meeting or aid programme reduces relations (16x); a called-off
  strike or protest is a concession (080).
"""

from __future__ import annotations

from tidings.errors import BadInputError
from tidings.model import EventType, Status
from tidings.ontology import Ontology

__all__ = ["code_for", "plover_of"]

_THREATS = {"14": "133", "15": "130", "16": "131", "163": "1312", "17": "132", "175": "137"}
_THREAT_DEFAULT = "138"  # roots 18-20: violence
_REFUSALS = {"04": "125", "03": "120", "06": "121", "07": "122", "08": "124", "05": "120"}
_CANCELLATIONS = {"04": "160", "046": "164", "07": "162", "06": "161", "14": "080"}
_THREATENED_HALTS = {"04": "134", "045": "135"}
_ULTIMATUM = "139"  # "will withdraw its troops unless ...": a conditional promise is a threat
_INTENT_STATUSES = frozenset({Status.PROPOSED, Status.PLANNED})


def _lookup(table: dict[str, str], code: str) -> str | None:
    return table.get(code[:3]) or table.get(code[:2])


def plover_of(ontology: Ontology, code: str) -> EventType | None:
    """The PLOVER type of a CAMEO code, or of its nearest known parent (user dictionaries
    may use codes CAMEO does not list); None when not even the root is CAMEO."""
    for prefix in (code, code[:3], code[:2]):
        try:
            return ontology.cameo(prefix).plover
        except BadInputError:
            continue
    return None


def code_for(
    base: str,
    status: Status,
    refused: bool,
    ontology: Ontology,
    conditional: bool = False,
    hedged: bool = False,
) -> str:
    """The CAMEO code for an action coded ``base`` reported with ``status``."""
    root = int(base[:2])
    if hedged:
        return _lookup(_THREATENED_HALTS, base) or "131"
    if conditional and status in _INTENT_STATUSES:
        return _ULTIMATUM
    if refused:
        return _lookup(_REFUSALS, base) or base
    if status is Status.CANCELLED:
        return _lookup(_CANCELLATIONS, base) or base
    if status not in _INTENT_STATUSES:
        return base
    if root <= 8:
        return ontology.intent_code(base) or base
    if root >= 14:
        return _lookup(_THREATS, base) or _THREAT_DEFAULT
    return base
