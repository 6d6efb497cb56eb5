"""Read PETRARCH/TABARI verb dictionaries as user trigger rows.

A verb dictionary groups verb forms under a code, with patterns that refine it::

    --- ABANDON  [345]  ---          block header: the code of the verbs below
    ABANDON   {ABANDONS ABANDONED}   a verb (irregular forms in braces, ignored: we match lemmas)
    +GIVE_UP                         another form; words after the verb are particles
    - * DIPLOMATIC TIES [901]        pattern: words after the verb (``*``) give another code
    - SAID * TO ATTEND [082]         words before the verb are required too
    &TIETYPES                        a synset: ``&TIETYPES`` in a pattern matches any member
    +MILITARY

tidings matches a pattern when every word after ``*`` occurs after the verb in its
sentence and every word before it occurs before, in any order; ``%``, ``$`` and
``+`` markers and ``_`` joins are read as plain word boundaries. Codes are taken as
written (``013:012`` keeps its first part; ``---`` rows code nothing). This is a
simplification of PETRARCH's ordered matching, enough to reuse its dictionaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import DictionaryError
from tidings.extract.lexicon import Condition, TriggerRow

__all__ = ["read_verb_dictionary"]

_HEADER = re.compile(r"^---\s*(\S+)[^\[]*(?:\[([^\]]*)\])?")
_CODE = re.compile(r"\[([^\]]*)\]")
_SKIP = frozenset({"*", "%", "$", "+", "-", ""})


def _clean(line: str) -> str:
    return re.sub(r"\{[^}]*\}", " ", line.split("#", 1)[0]).strip()


def _code(raw: str) -> str | None:
    code = raw.strip().split(":", 1)[0].strip()
    return code if code and code != "---" else None


def _words(text: str, synsets: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    slots = []
    for word in re.split(r"[\s_]+", text.replace("+", " ").replace("$", " ")):
        if word in _SKIP:
            continue
        if word.startswith("&"):
            slots.append(synsets.get(word, frozenset()))
        else:
            slots.append(frozenset({word.lower()}))
    return [s for s in slots if s]


def _synsets(lines: list[str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    current: str | None = None
    for raw in lines:
        line = _clean(raw)
        if line.startswith("&"):
            current = line.split()[0]
            found.setdefault(current, set())
        elif current and line.startswith("+"):
            # members may be phrases; the first word stands for the member
            found[current].add(line[1:].replace("_", " ").split()[0].lower())
        elif line:
            current = None
    resolved = {
        name: frozenset(m for m in members if not m.startswith("&"))
        for name, members in found.items()
    }
    for name, members in found.items():  # one level of nested synsets
        nested = {
            m for ref in members if ref.startswith("&") for m in resolved.get(ref.upper(), ())
        }
        resolved[name] = resolved[name] | frozenset(nested)
    return resolved


def _rows(lines: list[str], where: str) -> Iterator[TriggerRow]:
    synsets = _synsets(lines)
    block_code: str | None = None
    verbs: list[str] = []
    in_block = False
    for number, raw in enumerate(lines, 1):
        line = _clean(raw)
        header = _HEADER.match(line) if line.startswith("---") else None
        if header:
            in_block, block_code, verbs = True, _code(header.group(2) or ""), []
            continue
        if not in_block or not line or line.startswith("&") or line.startswith("<"):
            in_block = in_block and not line.startswith("&")
            continue
        code_match = _CODE.search(line)
        code = _code(code_match.group(1)) if code_match else block_code
        body = _CODE.sub(" ", line).strip()
        if body.startswith("-"):
            if "*" not in body:
                raise DictionaryError(f"{where}:{number}: pattern without '*': {raw.strip()!r}")
            before, _, after = body[1:].partition("*")
            conditions = tuple(Condition("before", s) for s in _words(before, synsets))
            conditions += tuple(Condition("after", s) for s in _words(after, synsets))
            if code is not None:
                for verb in verbs:
                    yield TriggerRow(verb, "VERB", code, conditions, fixed=True)
            continue
        words = [w for w in re.split(r"[\s_]+", body.lstrip("+")) if w]
        if not words:
            continue
        verb = next((w[1:] for w in words if w.startswith("+")), words[0]).lower()
        verbs.append(verb)
        rest = [frozenset({w.lower().lstrip("+")}) for w in words if w.lstrip("+").lower() != verb]
        if code is not None:
            yield TriggerRow(
                verb, "VERB", code, tuple(Condition("after", s) for s in rest), fixed=True
            )


def read_verb_dictionary(source: str | Path) -> tuple[TriggerRow, ...]:
    """Trigger rows from a PETRARCH/TABARI verb dictionary (a path, or the text itself).

    Pattern rows come before the plain verb rows of their verb, so the most
    specific match wins.

    Raises:
        DictionaryError: the file cannot be read or a pattern is malformed.
    """
    if isinstance(source, Path) or ("\n" not in source and "[" not in source):
        path = Path(source)
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError as err:
            raise DictionaryError(f"cannot read verb dictionary {path}: {err.strerror}") from err
        where = str(path)
    else:
        text, where = source, "<verbs>"
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    rows = list(_rows(text.splitlines(), where))
    return tuple(sorted(rows, key=lambda r: -len(r.conditions)))
