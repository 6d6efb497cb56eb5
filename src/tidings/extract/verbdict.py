"""Read PETRARCH/TABARI verb dictionaries into ordered verb patterns.

A verb dictionary groups verb forms under a code, with patterns that refine it::

    &TIETYPES                        a synset: ``&TIETYPES`` in a pattern matches any member
    +MILITARY
    +SWISS FRANCS                    (members may be phrases)

    --- ABANDON  [345]  ---          block header: the code of the verbs below
    ABANDON   {ABANDONS ABANDONED}   a verb (forms in braces: irregular forms are found by them)
    +GIVE_UP                         another form: the ``+`` word is the verb, the rest
                                     particles that must be next to it
    - * DIPLOMATIC TIES [901]        pattern: words after the verb (``*``) give another code
    - SAID * TO ATTEND [082]         words before the verb, read outwards from it
    - * NEW_&TIETYPES_RELATIONS      ``_`` joins words that must be adjacent; a space lets
                                     other words come between
    - + * FROM $ [066]               ``$`` a phrase that is the source, ``+`` the target,
                                     ``%`` a compound phrase, ``^`` any noun phrase skipped

Codes are kept as written; ``032:033`` codes the source's act 032 and the
target's reply 033 (a visit and its hosting); ``---`` codes nothing. The matcher
is :mod:`tidings.extract.verbpatterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import DictionaryError
from tidings.extract.verbpatterns import Element, VerbPattern, VerbPatterns

__all__ = ["read_verb_dictionary"]

_HEADER = re.compile(r"^---\s*(\S+)[^\[]*(?:\[([^\]]*)\])?")
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = frozenset("+$%^")
_Synsets = dict[str, frozenset[tuple[str, ...]]]


def _clean(line: str) -> str:
    return re.sub(r"\{[^}]*\}", " ", line.split("#", 1)[0]).strip()


def _code(raw: str) -> str | None:
    """A code as written (``032:033`` keeps both directions), None for ``---``."""
    code = "".join(raw.split())
    return code if code and not code.startswith("---") else None


def _synsets(lines: list[str]) -> _Synsets:
    """Synset name -> member word sequences, nested synsets expanded."""
    raw: dict[str, list[str]] = {}
    current: str | None = None
    for line in map(_clean, lines):
        if line.startswith("&"):
            current = line.split()[0].rstrip("_").upper()
            raw.setdefault(current, [])
        elif current and line.startswith("+"):
            raw[current].append(line[1:].strip())
        elif line:
            current = None

    def expand(name: str, seen: frozenset[str]) -> frozenset[tuple[str, ...]]:
        members: set[tuple[str, ...]] = set()
        for member in raw.get(name, ()):
            if member.startswith("&"):
                ref = member.split()[0].upper()
                if ref not in seen:
                    members |= expand(ref, seen | {ref})
            else:
                words = tuple(w.lower() for w in re.split(r"[\s_]+", member) if w)
                if words:
                    members.add(words)
        return frozenset(members)

    return {name: expand(name, frozenset({name})) for name in raw}


def _elements(text: str, synsets: _Synsets, where: str) -> tuple[Element, ...]:
    """The elements of one side of a pattern, in reading order."""
    elements: list[Element] = []
    for match in re.finditer(r"(_?)([^\s_]+)", text):
        joined, word = bool(match.group(1)), match.group(2)
        # "+HOSTING" and "$" alike: markers may be written against a word
        while word and word[0] in _MARKERS:
            elements.append(Element(frozenset(), word[0], joined))
            word, joined = word[1:], False
        if not word:
            continue
        if word.startswith("&"):
            members = synsets.get(word.upper())
            if members is None:
                raise DictionaryError(f"{where}: unknown synset {word}")
            elements.append(Element(members, None, joined))
        else:
            elements.append(Element(frozenset({(word.lower(),)}), None, joined))
    return tuple(elements)


def _pattern(
    lemma: str, body: str, code: str, synsets: _Synsets, where: str, line: int, form: bool = False
) -> VerbPattern:
    before, _, after = body.partition("*")
    ahead = _elements(before, synsets, where)
    # Words before the verb are matched outwards from it, so each is joined to its
    # right-hand neighbour; "IN_*": the nearest must touch the verb.
    touching = before.endswith("_")
    outwards = tuple(
        Element(e.words, e.marker, touching if k == len(ahead) - 1 else ahead[k + 1].joined)
        for k, e in reversed(list(enumerate(ahead)))
    )
    return VerbPattern(
        lemma=lemma,
        code=code,
        before=outwards,
        after=_elements(after, synsets, where),
        line=line,
        form=form,
    )


def _verb_form(body: str, code: str | None) -> tuple[str, str | None, str] | None:
    """A verb line as (lemma, pattern body or None, code): ``+BREAK_DOWN`` is "break"
    with "down" next to it; ``KLM_NOP_+RST`` is "rst" after "klm nop"."""
    words = [w for w in re.split(r"[\s_]+", body) if w]
    if not words:
        return None
    index = next((k for k, w in enumerate(words) if w.startswith("+")), 0)
    if len(words) == 1:
        return words[0].lstrip("+").lower(), None, code or ""
    verb = words[index].lstrip("+").lower()
    before = "_".join(w.lstrip("+") for w in words[:index])
    after = "_".join(w.lstrip("+") for w in words[index + 1 :])
    pattern = (before + "_" if before else "") + "*" + ("_" + after if after else "")
    return verb, pattern, code or ""


def _patterns(
    lines: list[str], where: str
) -> Iterator[tuple[str, bool, str | None, VerbPattern | None]]:
    """(lemma, a plain verb line?, its code, pattern or None) for every verb form and
    pattern line. Only plain lines ("ABANDON") code the verb on its own; a multi-word
    form ("+GIVE_UP") needs its particles."""
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
        if line.startswith("&"):
            in_block = False
        if not in_block or not line or line.startswith("<"):
            continue
        code_match = _CODE.search(line)
        own_code = _code(code_match.group(1)) if code_match else None
        body = _CODE.sub(" ", line).strip()
        at = f"{where}:{number}"
        if body.startswith("-"):
            if "*" not in body:
                raise DictionaryError(f"{at}: pattern without '*': {raw.strip()!r}")
            code = own_code if code_match else block_code
            if code is None:
                continue  # "[---]": this context codes nothing
            for verb in verbs:
                refined = _pattern(verb, body[1:].strip(), code, synsets, at, number)
                yield verb, False, None, refined
            continue
        form = _verb_form(body, own_code or block_code)
        if form is None:
            continue
        verb, pattern, code = form
        if verb not in verbs:
            verbs.append(verb)
        if pattern is None:
            yield verb, True, own_code or block_code, None
        elif code:
            form_pattern = _pattern(verb, pattern, code, synsets, at, number, form=True)
            yield verb, False, None, form_pattern


def read_verb_dictionary(source: str | Path) -> VerbPatterns:
    """The verb patterns of a PETRARCH/TABARI verb dictionary (a path, or the text itself).

    Raises:
        DictionaryError: the file cannot be read, a pattern has no ``*`` or names
            an unknown synset.
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
    codes: dict[str, str | None] = {}
    patterns: dict[str, list[VerbPattern]] = {}
    for verb, plain, code, pattern in _patterns(text.splitlines(), where):
        if plain:
            codes.setdefault(verb, code)
        if pattern is not None:
            patterns.setdefault(verb, []).append(pattern)
    # A form the parser may not lemmatise ("cordoned" as "cordone") codes as its verb.
    for form, verb in _forms(text.splitlines()).items():
        if verb in codes:
            codes.setdefault(form, codes[verb])
        if verb in patterns:
            patterns.setdefault(form, patterns[verb])
    return VerbPatterns.build(codes, patterns)


def _forms(lines: list[str]) -> dict[str, str]:
    """The inflected forms written in braces after a verb: ``SAY {SAID}``,
    ``+CORDON_OFF {+CORDONED_OFF}`` (form -> verb)."""
    forms: dict[str, str] = {}
    for line in lines:
        text = line.split("#", 1)[0]
        braces = re.search(r"\{([^}]*)\}", text)
        if braces is None or text.lstrip().startswith(("-", "&", "<")):
            continue
        verb = _verb_form(_CODE.sub(" ", text[: braces.start()]).strip(), None)
        if verb is None:
            continue
        for item in braces.group(1).split():
            form = _verb_form(item, None)
            if form is not None and form[0] != verb[0]:
                forms.setdefault(form[0], verb[0])
    return forms
