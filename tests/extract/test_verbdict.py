"""PETRARCH/TABARI verb dictionaries read as user triggers (invented dictionary)."""

from __future__ import annotations

import pytest

from tidings.api import Pipeline
from tidings.errors import DictionaryError
from tidings.extract.verbdict import read_verb_dictionary

DICTIONARY = """<!-- an invented verb dictionary in PETRARCH's format -->
&TIES
+DIPLOMATIC
+TRADE

--- SCOLD  [111]  ---
SCOLD   {SCOLDS SCOLDED}  # a comment
+UPBRAID
- * &TIES RELATIONS [161]
- SAID * AGAIN [112:110]

--- MUMBLE  [---]  ---
MUMBLE
- * APOLOGY [055]
"""


def test_rows_codes_and_conditions() -> None:
    rows = read_verb_dictionary(DICTIONARY)
    by_code = {(r.lemma, r.cameo): r for r in rows}
    assert ("scold", "111") in by_code and ("upbraid", "111") in by_code
    assert {c.kind for c in by_code[("scold", "161")].conditions} == {"after"}
    assert by_code[("scold", "161")].conditions[0].words == {"diplomatic", "trade"}
    assert {c.kind for c in by_code[("scold", "112")].conditions} == {"before", "after"}
    assert ("mumble", "055") in by_code  # a pattern codes even where its block does not
    assert not any(r.lemma == "mumble" and not r.conditions for r in rows)  # [---]: no event
    assert all(r.fixed for r in rows)
    assert len(rows[0].conditions) >= len(rows[-1].conditions)  # patterns first


def test_malformed_pattern_names_the_line() -> None:
    with pytest.raises(DictionaryError, match="<verbs>:3"):
        read_verb_dictionary("--- X [010] ---\nX\n- NO STAR [011]\n")


def test_user_codes_take_precedence(pipeline: Pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY)
    coder = pipeline.with_dictionaries(verbs=[path])
    article = coder.article("Russia scolded Ukraine over trade relations on Monday.")
    codes = {e.cameo for e in coder.run(article).events}
    assert codes == {"161"}
    assert {e.cameo for e in pipeline.run(article).events} != {"161"}  # the original is untouched
