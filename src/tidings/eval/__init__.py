"""Evaluate tidings against third-party gold standards.

* :mod:`tidings.eval.plover`: the PLOVER gold-standard sentences (event type,
  actors, recipients, mode, context).
* :mod:`tidings.eval.petrarch`: the PETRARCH2 coder's unit-test records
  (CAMEO ``source target code`` triples, with user-supplied TABARI dictionaries).

Each module has a loader, a pure ``score_*`` function over gold records and
predicted events keyed by record id, and an ``evaluate_*`` runner that codes
a gold file with a :class:`~tidings.api.Pipeline`. Reports are frozen
dataclasses with ``to_dict()`` (JSON) and ``format_table()`` (plain text).
"""

from tidings.eval.petrarch import (
    PetrarchRecord,
    PetrarchReport,
    evaluate_petrarch,
    load_petrarch_records,
    score_petrarch,
)
from tidings.eval.plover import (
    GoldRecord,
    PloverReport,
    evaluate_plover,
    load_plover_gold,
    score_plover,
)

__all__ = [
    "GoldRecord",
    "PetrarchRecord",
    "PetrarchReport",
    "PloverReport",
    "evaluate_petrarch",
    "evaluate_plover",
    "load_petrarch_records",
    "load_plover_gold",
    "score_petrarch",
    "score_plover",
]
