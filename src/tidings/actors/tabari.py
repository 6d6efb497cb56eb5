"""Read TABARI/PETRARCH actor and agent dictionaries into :class:`ActorEntry` records.

The format, one entry per line::

    <!-- comment block, possibly over several lines -->
    !PERSON! = MAN, MEN, WOMAN, WOMEN        # a macro (agents files)
    UNITED_STATES [USA]                      # name: underscores join words
    +U.S.                                    # a synonym of the entry above
    GOLLUM                                   # codes may follow on indented lines,
        [HOB <950601]                        # with date restrictions
        [HOBREB >990816]
    POLICE {} [~COP]                         # agent: {} no plural, {FORM} its plural
    CONGRESS!PERSON! [~LEG]                  # macro use: CONGRESSMAN, CONGRESSMEN...

``#`` starts a comment. A trailing underscore (``LIBYA_``, TABARI's "whole word
only") is dropped: names always match whole words here. Malformed lines raise
:class:`~tidings.errors.DictionaryError` naming the file, the line and the problem.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.actors.entry import ActorEntry, Kind
from tidings.actors.tabari_codes import Code, parse_actor_code, parse_agent_code
from tidings.actors.text import plural
from tidings.errors import DictionaryError

__all__ = ["read_actor_dictionary", "read_agent_dictionary"]

_COMMENT_OPEN = re.compile(r"<!\s*--")
_MACRO_DEF = re.compile(r"!([A-Za-z0-9_]+)!\s*=\s*(.*)")
_MACRO_USE = re.compile(r"!([A-Za-z0-9_]+)!")
_CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_PLURAL_BLOCK = re.compile(r"\{([^{}]*)\}")


@dataclass(slots=True)
class _Draft:
    """An entry being read: its name line and the lines that follow it."""

    line: int
    names: list[str]
    codes: list[tuple[int, str]] = field(default_factory=list)
    plurals: list[str] | None = None  # None: regular plural; []: none


@dataclass(slots=True)
class _Reader:
    """State of one read (local to one call): the source name and macros seen so far."""

    source: str
    macros: dict[str, list[str]] = field(default_factory=dict)
    drafts: list[_Draft] = field(default_factory=list)

    def fail(self, line: int, problem: str) -> DictionaryError:
        return DictionaryError(f"{self.source}:{line}: {problem}")


def _load(source: str | Path) -> tuple[str, list[str]]:
    """The source's display name and lines; a str with a newline or '[' is the text itself."""
    if isinstance(source, str) and ("\n" in source or "[" in source):
        return "<text>", source.splitlines()
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DictionaryError(
            f"cannot read dictionary {str(path)!r}: {err.strerror}; check the path"
        ) from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older TABARI dictionaries are Latin-1
    return str(path), text.splitlines()


def _strip_comments(line: str, in_block: bool) -> tuple[str, bool]:
    """The line without ``<!-- -->`` blocks and ``#`` comments, and whether a block is open."""
    kept, rest = [], line
    while rest:
        if in_block:
            close = rest.find("-->")
            if close < 0:
                rest = ""
                break
            rest, in_block = rest[close + 3 :], False
        else:
            opened = _COMMENT_OPEN.search(rest)
            if opened is None:
                break
            kept.append(rest[: opened.start()])
            rest, in_block = rest[opened.end() :], True
    text = "".join(kept) + rest
    return text.split("#", 1)[0].rstrip(), in_block


def _words(raw: str) -> str:
    """A dictionary name as words: underscores become spaces, spaces are collapsed."""
    return " ".join(raw.replace("_", " ").split())


def _name(reader: _Reader, line: int, raw: str) -> str:
    name = _words(raw)
    if not name:
        raise reader.fail(line, "missing name before the code block")
    return name


def _expand(reader: _Reader, line: int, name: str) -> list[str]:
    """The name with each ``!MACRO!`` replaced by each of its alternatives."""
    parts = _MACRO_USE.split(name)
    choices: list[list[str]] = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            choices.append([part])
        elif part.upper() in reader.macros:
            choices.append(reader.macros[part.upper()])
        else:
            raise reader.fail(line, f"macro !{part}! is used but not defined; define it first")
    return [_words("".join(combo)) for combo in itertools.product(*choices)]


def _parts(reader: _Reader, line: int, text: str) -> tuple[str, list[str], list[str] | None]:
    """Split a line into its name, its code blocks and its plural forms.

    The plural forms are None without a ``{}`` block, empty for ``{}``.
    """
    codes = _CODE_BLOCK.findall(text)
    plurals = _PLURAL_BLOCK.findall(text)
    leftover = _PLURAL_BLOCK.sub("", _CODE_BLOCK.sub("", text))
    if any(c in leftover for c in "[]{}"):
        raise reader.fail(line, f"unbalanced brackets in {text.strip()!r}; close each [ and {{")
    name = re.split(r"[\[{]", text, maxsplit=1)[0]
    if not plurals:
        return name, codes, None
    return name, codes, [form for form in (_words(plurals[0]),) if form]


def _read_line(reader: _Reader, number: int, text: str) -> None:
    stripped = text.strip()
    macro = _MACRO_DEF.fullmatch(stripped)
    if macro:
        values = [v.strip() for v in macro[2].split(",") if v.strip()]
        if not values:
            raise reader.fail(number, f"macro !{macro[1]}! has no values; write !X! = A, B")
        reader.macros[macro[1].upper()] = values
        return
    current = reader.drafts[-1] if reader.drafts else None
    if stripped[0] in "+[" and current is None:
        raise reader.fail(number, f"{stripped!r} comes before any entry; start with a name")
    name, codes, plurals = _parts(reader, number, stripped.lstrip("+"))
    if stripped[0] == "[" and current is not None:
        current.codes.extend((number, c) for c in codes)
    elif stripped[0] == "+" and current is not None:
        current.names.append(_name(reader, number, name))
        current.codes.extend((number, c) for c in codes)
    else:
        draft = _Draft(number, [_name(reader, number, name)], [(number, c) for c in codes], plurals)
        reader.drafts.append(draft)


def _read(source: str | Path) -> _Reader:
    name, lines = _load(source)
    reader = _Reader(name)
    in_block, opened_at = False, 0
    for number, line in enumerate(lines, start=1):
        was_open = in_block
        text, in_block = _strip_comments(line, in_block)
        if in_block and not was_open:
            opened_at = number
        if text.strip():
            _read_line(reader, number, text)
    if in_block:
        raise reader.fail(opened_at, "comment block <!-- is never closed with -->")
    return reader


def _codes(reader: _Reader, draft: _Draft, agents: bool) -> list[Code]:
    if not draft.codes:
        raise reader.fail(draft.line, f"entry {draft.names[0]!r} has no code; add e.g. [USAGOV]")
    parse = parse_agent_code if agents else parse_actor_code
    codes = []
    for line, raw in draft.codes:
        try:
            codes.append(parse(raw))
        except ValueError as err:
            raise reader.fail(line, str(err)) from err
    return codes


def _names(reader: _Reader, draft: _Draft, agents: bool) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for name in draft.names:
        expanded = _expand(reader, draft.line, name)
        names.update(dict.fromkeys(expanded))
        if agents and draft.plurals is None and not _MACRO_USE.search(name):
            *head, last = name.split(" ")
            names.setdefault(" ".join([*head, plural(last)]), None)
    for form in draft.plurals or ():
        names.update(dict.fromkeys(_expand(reader, draft.line, form)))
    return tuple(names)


def _entries(source: str | Path, agents: bool) -> tuple[ActorEntry, ...]:
    reader = _read(source)
    kind: Kind = "agent" if agents else "user"
    entries = []
    for draft in reader.drafts:
        names = _names(reader, draft, agents)
        for code in _codes(reader, draft, agents):
            entries.append(
                ActorEntry(
                    names,
                    code.country,
                    code.sector,
                    kind,
                    code.igo,
                    start=code.start,
                    end=code.end,
                    also=code.also,
                )
            )
    return tuple(entries)


def read_actor_dictionary(source: str | Path) -> tuple[ActorEntry, ...]:
    """Read a TABARI/PETRARCH actors dictionary.

    Args:
        source: A path, or the dictionary's text (a str holding a newline or ``[``).

    Returns:
        One ``user`` entry per code block; an entry's synonyms share its names.
        ``[USAGOV]`` gives country USA, sector GOV; ``[IGOCOPITP]`` country IGO,
        sector COP, igo ITP; null codes (``[---]``) give an entry with no codes,
        which blocks shorter matches.

    Raises:
        DictionaryError: The file cannot be read or a line is malformed.
    """
    return _entries(source, agents=False)


def read_agent_dictionary(source: str | Path) -> tuple[ActorEntry, ...]:
    """Read a TABARI/PETRARCH agents dictionary (``NAME {PLURAL} [~SECTOR]``).

    Args:
        source: A path, or the dictionary's text (a str holding a newline or ``[``).

    Returns:
        One ``agent`` entry per code block, named by the agent, its plural (the
        regular English one unless ``{}`` or ``{FORM}`` says otherwise) and its
        synonyms, with ``!MACRO!`` uses expanded.

    Raises:
        DictionaryError: The file cannot be read or a line is malformed.
    """
    return _entries(source, agents=True)
