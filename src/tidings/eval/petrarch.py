"""Score tidings against PETRARCH2's own unit-test records.

Each record is a sentence with the CAMEO events PETRARCH2 must code from it,
as ``source target code`` triples whose actor codes come from the suite's
TABARI dictionaries (``ARN`` for Arnor, ``BREGOV`` for a Bree official,
``---GOV`` for an official of no known country). :func:`evaluate_petrarch`
loads those dictionaries into the pipeline, codes every record and scores it.

Predicted triples expand each event's actors x recipients x its CAMEO code,
writing codes as PETRARCH does: country then sector (``Actor.code``), ``---``
for a missing country and for a missing actor or recipient.

A record is correct when all its expected triples are among the predicted
ones (extra events are allowed; triple precision counts them). A record that
expects no event is correct only when nothing is predicted. "Root" figures
compare the two-digit CAMEO root instead of the full code, "actors only"
figures the source and target codes alone.

The suite's event codes come from its own test verb dictionary, built from a
WEIS (not CAMEO) dictionary: "welcome" is 041 there, "condemn" 122, "arrest"
212, and 9xx codes exist only there. Event-code agreement is therefore low
by construction; the actor codes (read from the suite's own TABARI actor
and agent dictionaries) test the same thing for tidings as for PETRARCH.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import unescape

from tidings.errors import BadInputError, NotAnArticleError
from tidings.eval._metrics import prf_of_sets, ratio, sum_prf, unique_ids
from tidings.eval._petrarch_report import PetrarchOutcome, PetrarchReport, Triple
from tidings.model import Actor, Article, EventMention
from tidings.ontology import load_ontology

if TYPE_CHECKING:
    from tidings.api import Pipeline

__all__ = [
    "PetrarchOutcome",
    "PetrarchRecord",
    "PetrarchReport",
    "Triple",
    "evaluate_petrarch",
    "load_petrarch_records",
    "petrarch_code",
    "predicted_triples",
    "score_petrarch",
    "select_half",
]

#: Records testing PETRARCH's reading of the Penn Treebank parse we ignore:
#: their text is an ordinary codable sentence, so they are not scored.
IGNORED_ERRORS = frozenset({"bad_input_parse"})

#: How PETRARCH writes a missing actor or country.
NO_CODE = "---"


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    """One active PETRARCH unit-test sentence.

    Attributes:
        id: The record id, e.g. ``DEMO-00``.
        category: The feature it tests (``DEMO``, ``COMPOUND``, ``DATE``...).
        date: The sentence date (dictionary entries can depend on it).
        text: The sentence, whitespace collapsed.
        expected: The events to code; empty when none should be.
        error: The error or discard PETRARCH must raise instead of coding
            (``dateline``, ``storydiscard``...), if any.
    """

    id: str
    category: str
    date: dt.date | None
    text: str
    expected: tuple[Triple, ...]
    error: str | None = None


def load_petrarch_records(path: str | Path) -> tuple[PetrarchRecord, ...]:
    """Read a PETRARCH validation file, skipping ``sentence="false"`` records.

    The file is parsed as XML; a file that is not well-formed XML is read
    leniently, record by record. A repeated id gets a suffix (``X#2``).

    Raises:
        BadInputError: the file is missing or holds no ``<Sentence>`` record.
    """
    file = Path(path)
    try:
        source = file.read_text(encoding="utf-8")
    except OSError as err:
        raise BadInputError(f"cannot read PETRARCH records {str(file)!r}: {err}") from err
    try:
        sentences = list(_xml_sentences(source))
    except ET.ParseError:
        sentences = list(_lenient_sentences(source))
    if not sentences:
        raise BadInputError(
            f"{file} holds no <Sentence> record; expected a PETRARCH validation file "
            "such as PETR.UnitTest.records.xml"
        )
    records = [_record(a, c, t) for a, c, t in sentences if a.get("sentence") != "false"]
    ids = unique_ids(r.id for r in records)
    return tuple(replace(r, id=rid) for r, rid in zip(records, ids, strict=True))


_Raw = tuple[dict[str, str], list[dict[str, str]], str]


def _xml_sentences(source: str) -> Iterable[_Raw]:
    root = ET.fromstring(source)
    for node in root.iter("Sentence"):
        codings = [dict(c.attrib) for c in node.iter("EventCoding")]
        yield dict(node.attrib), codings, node.findtext("Text") or ""


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _lenient_sentences(source: str) -> Iterable[_Raw]:
    for match in _SENTENCE.finditer(_COMMENT.sub("", source)):
        head, body = match.groups()
        text = _TEXT.search(body)
        codings = [_attributes(c.group(1)) for c in _CODING.finditer(body)]
        yield _attributes(head), codings, unescape(text.group(1)) if text else ""


def _attributes(fragment: str) -> dict[str, str]:
    return {
        m.group(1): unescape(m.group(2) or m.group(3) or "") for m in _ATTRIBUTE.finditer(fragment)
    }


def _record(attributes: dict[str, str], codings: list[dict[str, str]], text: str) -> PetrarchRecord:
    expected = tuple(
        Triple(c["sourcecode"].strip(), c["targetcode"].strip(), c["eventcode"].strip())
        for c in codings
        if "eventcode" in c
    )
    errors = [c["error"] for c in codings if "error" in c]
    date = attributes.get("date", "").strip()
    return PetrarchRecord(
        id=attributes.get("id", "").strip(),
        category=attributes.get("category", "").strip(),
        date=dt.datetime.strptime(date, "%Y%m%d").date() if date else None,
        text=" ".join(text.split()),
        expected=expected,
        error=errors[0] if errors else None,
    )


def petrarch_code(actor: Actor | None) -> str:
    """An actor's code as PETRARCH writes it: ``BREGOV``, ``---GOV``, or ``---``.

    Codes read from a TABARI dictionary come back as written there: the
    knowledge base splits ``BREGOV`` into country ``BRE`` and sector ``GOV``,
    and ``IGOGOVUNO`` into ``IGO``, sector ``GOV`` and organisation ``UNO``.
    """
    if actor is None or not (actor.country or actor.sector):
        return NO_CODE
    code = (actor.country or NO_CODE) + (actor.sector or "")
    if actor.country == "IGO" and actor.igo:
        code += actor.igo
    return code


def predicted_triples(events: Iterable[EventMention]) -> tuple[Triple, ...]:
    """Every ``actor x recipient x CAMEO code`` triple of ``events``, without repeats.

    An event whose several actors have no recipient (PLOVER's coding of reciprocal
    and compound events: "the Philippines and France agree") is also expanded into
    the directed pairs of its actors, both ways, as PETRARCH's dyadic coding does.
    """
    found: dict[Triple, None] = {}
    for event in events:
        for actor in event.actors or (None,):
            for recipient in event.recipients or (None,):
                found[Triple(petrarch_code(actor), petrarch_code(recipient), event.cameo)] = None
        if len(event.actors) > 1 and not event.recipients:
            for actor in event.actors:
                for other in event.actors:
                    if other is not actor:
                        triple = Triple(petrarch_code(actor), petrarch_code(other), event.cameo)
                        found[triple] = None
    return tuple(found)


def score_petrarch(
    records: Sequence[PetrarchRecord],
    predictions: Mapping[str, Sequence[EventMention]],
    known_codes: Set[str] | None = None,
) -> PetrarchReport:
    """Compare PETRARCH unit-test records with predicted events.

    Args:
        records: The records; those testing parse errors (:data:`IGNORED_ERRORS`)
            are skipped.
        predictions: Record id -> the events found in its sentence; a missing
            id means no events.
        known_codes: CAMEO codes the coder can produce. When given, records
            expecting another code (PETRARCH's test-only 9xx codes, the roots
            01 and 02 that PLOVER dropped) are also reported apart.

    Returns:
        The report.
    """
    outcomes = tuple(
        _outcome(r, predictions.get(r.id, ()), known_codes)
        for r in records
        if r.error not in IGNORED_ERRORS
    )
    reachable = [o for o in outcomes if o.reachable]
    return PetrarchReport(
        records=len(outcomes),
        skipped=tuple(r.id for r in records if r.error in IGNORED_ERRORS),
        full_accuracy=ratio(sum(o.full_correct for o in outcomes), len(outcomes)),
        root_accuracy=ratio(sum(o.root_correct for o in outcomes), len(outcomes)),
        pair_accuracy=ratio(sum(o.pairs_correct for o in outcomes), len(outcomes)),
        reachable_records=len(reachable),
        reachable_full_accuracy=ratio(sum(o.full_correct for o in reachable), len(reachable)),
        reachable_root_accuracy=ratio(sum(o.root_correct for o in reachable), len(reachable)),
        triples_full=sum_prf(prf_of_sets(set(o.expected), set(o.predicted)) for o in outcomes),
        triples_root=sum_prf(
            prf_of_sets(_roots(o.expected), _roots(o.predicted)) for o in outcomes
        ),
        pairs=sum_prf(prf_of_sets(_pairs(o.expected), _pairs(o.predicted)) for o in outcomes),
        outcomes=outcomes,
    )


def _roots(triples: Iterable[Triple]) -> set[Triple]:
    return {t.root() for t in triples}


def _pairs(triples: Iterable[Triple]) -> set[Triple]:
    return {t.pair() for t in triples}


def _outcome(
    record: PetrarchRecord, events: Sequence[EventMention], known: Set[str] | None
) -> PetrarchOutcome:
    predicted = predicted_triples(events)
    if record.expected:
        full = set(record.expected) <= set(predicted)
        root = _roots(record.expected) <= _roots(predicted)
        pairs = _pairs(record.expected) <= _pairs(predicted)
    else:
        full = root = pairs = not predicted
    return PetrarchOutcome(
        id=record.id,
        category=record.category,
        text=record.text,
        expected=record.expected,
        predicted=predicted,
        full_correct=full,
        root_correct=root,
        pairs_correct=pairs,
        reachable=known is None or all(t.code in known for t in record.expected),
    )


def select_half(records: Sequence[PetrarchRecord], half: str | None) -> tuple[PetrarchRecord, ...]:
    """The records at even or odd positions (``half`` None: all of them).

    Raises:
        BadInputError: ``half`` is neither ``even`` nor ``odd``.
    """
    if half is None:
        return tuple(records)
    if half not in ("even", "odd"):
        raise BadInputError(f"half must be 'even' or 'odd', not {half!r}")
    return tuple(records[0 if half == "even" else 1 :: 2])


def evaluate_petrarch(
    path: str | Path,
    pipeline: Pipeline,
    actors: Iterable[str | Path] = (),
    agents: Iterable[str | Path] = (),
    verbs: Iterable[str | Path] = (),
    discards: Iterable[str | Path] = (),
    half: str | None = None,
    only: bool = False,
) -> PetrarchReport:
    """Run ``pipeline``, with the given TABARI dictionaries added, over PETRARCH records.

    Args:
        path: A PETRARCH validation file (``PETR.UnitTest.records.xml``).
        pipeline: The pipeline to evaluate.
        actors: TABARI actor dictionaries (``PETR.Validate.actors.txt``).
        agents: TABARI agent dictionaries (``PETR.Validate.agents.txt``).
        verbs: PETRARCH verb dictionaries (``PETR.Validate.verbs.txt``), whose
            patterns then code the verbs they list instead of tidings' own triggers.
        discards: PETRARCH discard dictionaries (``PETR.Validate.discards.txt``).
        only: Code from the given dictionaries alone, without tidings' own knowledge
            base and (when verb dictionaries are given) triggers: PETRARCH's setting.
        half: ``"even"`` or ``"odd"`` scores only the records at even or odd
            positions (0, 2, 4... or 1, 3, 5... among the active records): a fixed
            development split and its held-out complement.

    Raises:
        BadInputError: the records file cannot be read, or ``half`` is not
            ``even`` or ``odd``.
        DictionaryError: a dictionary cannot be read.
    """
    records = select_half(load_petrarch_records(path), half)
    actors, agents, verbs = tuple(actors), tuple(agents), tuple(verbs)
    discards = tuple(discards)
    coder = (
        pipeline.with_dictionaries(
            actors=actors, agents=agents, verbs=verbs, discards=discards, only=only
        )
        if actors or agents or verbs or discards or only
        else pipeline
    )
    accepted: list[tuple[str, Article]] = []
    rejected: list[str] = []
    for record in records:
        if record.error in IGNORED_ERRORS:
            continue
        try:
            accepted.append((record.id, coder.article(record.text, published=record.date)))
        except NotAnArticleError:
            rejected.append(record.id)  # scored as "no events"
    results = coder.run_many(article for _, article in accepted)
    predictions = {rid: result.events for (rid, _), result in zip(accepted, results, strict=True)}
    known = {c.code for c in load_ontology().cameo_codes()}
    return replace(score_petrarch(records, predictions, known), rejected=tuple(rejected))
