import pytest

from tidings.extract.coding import code_for
from tidings.model import Status
from tidings.ontology import load_ontology


@pytest.mark.parametrize(
    ("base", "status", "refused", "conditional", "expected"),
    [
        ("040", Status.OCCURRED, False, False, "040"),  # a meeting that happened
        ("040", Status.PROPOSED, False, False, "036"),  # a proposed meeting: intent to meet
        ("042", Status.PLANNED, False, False, "036"),
        ("073", Status.PLANNED, False, False, "0333"),  # promised humanitarian aid
        ("190", Status.PLANNED, False, False, "138"),  # a planned attack is a threat
        ("1723", Status.PLANNED, False, False, "132"),  # a curfew to come
        ("040", Status.DENIED, True, False, "125"),  # "will not meet"
        ("040", Status.CANCELLED, False, False, "160"),  # a cancelled visit reduces relations
        ("143", Status.CANCELLED, False, False, "080"),  # a called-off strike is a concession
        ("0874", Status.PLANNED, False, True, "139"),  # "will withdraw unless": an ultimatum
        ("190", Status.POSSIBLE, False, False, "190"),  # speculation keeps the action's code
    ],
)
def test_code_for(
    base: str, status: Status, refused: bool, conditional: bool, expected: str
) -> None:
    code = code_for(base, status, refused, load_ontology(), conditional)
    assert code == expected
    load_ontology().cameo(code)  # every produced code exists


@pytest.mark.parametrize(
    ("base", "expected"), [("045", "135"), ("046", "134"), ("040", "134"), ("071", "131")]
)
def test_threatened_halts(base: str, expected: str) -> None:
    """ "may halt mediation": a halt not yet made is a threat to halt."""
    code = code_for(base, Status.POSSIBLE, False, load_ontology(), hedged=True)
    assert code == expected
    load_ontology().cameo(code)
