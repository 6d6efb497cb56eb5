"""Word normalisation, name tokenisation and English plurals for the actor dictionaries.

Names are split into words the way spaCy's English tokenizer splits text (hyphens
between letters and a final ``'s`` become words of their own), so that a name from a
dictionary lines up with the tokens of a parsed sentence.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Final

__all__ = [
    "ANY",
    "CAPITALISED",
    "case_check",
    "case_ok",
    "fold",
    "name_variants",
    "plural",
]

ANY: Final = "*"
"""Case check: the word matches in any case."""
CAPITALISED: Final = "^"
"""Case check: the word must start with a capital (``Turkey``, not ``turkey``)."""
_EXACT: Final = "="
"""Case check prefix: the word must be written exactly so (``US``, not ``us``)."""

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-"})
# Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
_LATIN = str.maketrans(
    {"ı": "i", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_ABBREVIATION = re.compile(r"[A-Z][a-z]+\.")
_MAX_VARIANTS = 16


def fold(word: str) -> str:
    """The lookup key of a word: case-folded, accents and typographic quotes removed.

    >>> fold("Élysée"), fold("Erdoğan"), fold("D’Alema")
    ('elysee', 'erdogan', "d'alema")
    """
    key = word.casefold()
    if key.isascii():
        return key
    key = key.translate(_QUOTES).translate(_LATIN)
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _surface(word: str) -> str:
    return word.translate(_QUOTES)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def case_check(words: tuple[str, ...], acronyms: bool) -> tuple[str, ...]:
    """The case checks for the words of one name.

    A one-word name must be capitalised in the text, so ``turkey`` and ``china`` are
    not countries. With ``acronyms``, an all-capital word (``US``, ``WHO``, ``U.N.``)
    must be written exactly so, so that ``us`` and ``Who`` do not match.

    Args:
        words: The name's words as written.
        acronyms: Whether all-capital words are acronyms (False for user
            dictionaries, which write every name in capitals).
    """
    checks = []
    for word in words:
        if acronyms and _is_acronym(word):
            checks.append(_EXACT + _surface(word))
        elif len(words) == 1:
            checks.append(CAPITALISED)
        else:
            checks.append(ANY)
    return tuple(checks)


def case_ok(check: str, word: str) -> bool:
    """True when ``word`` passes the case ``check`` made by :func:`case_check`."""
    if check == ANY:
        return True
    if check == CAPITALISED:
        first = word[:1]
        return not first.isalpha() or first.isupper()
    return _surface(word) == check[1:]


def _piece_variants(piece: str) -> list[list[str]]:
    """The ways spaCy (or a plainer tokenizer) may split one whitespace-separated piece."""
    possessive: list[str] = []
    if len(piece) > 2 and _surface(piece[-2:]).lower() == "'s":
        piece, possessive = piece[:-2], ["'s"]
    elif len(piece) > 2 and _surface(piece[-2:]).lower() == "s'":
        # A plural possessive ("Workers' Party"): spaCy splits off the apostrophe.
        piece, possessive = piece[:-1], ["'"]
    trailing = [","] if piece.endswith(",") and len(piece) > 1 else []
    piece = piece.rstrip(",") if trailing else piece
    variants = [[piece]]
    if _INNER_HYPHEN.search(piece):
        parts = _INNER_HYPHEN.split(piece)
        variants.append(list(itertools.chain.from_iterable((p, "-") for p in parts))[:-1])
        variants.append(parts)
    if _ABBREVIATION.fullmatch(piece):
        variants.append([piece[:-1], "."])
    return [v + possessive + trailing for v in variants]


def name_variants(name: str) -> list[tuple[str, ...]]:
    """The word sequences under which a name may appear in tokenized text.

    >>> name_variants("Moon Jae-in")
    [('Moon', 'Jae-in'), ('Moon', 'Jae', '-', 'in'), ('Moon', 'Jae', 'in')]
    """
    per_piece = [_piece_variants(p) for p in name.split()]
    seen: dict[tuple[str, ...], None] = {}
    for combo in itertools.islice(itertools.product(*per_piece), _MAX_VARIANTS):
        seen.setdefault(tuple(itertools.chain.from_iterable(combo)), None)
    return list(seen)


_NOT_MAN = frozenset({"german", "human", "roman", "ottoman", "shaman", "talisman"})


def plural(word: str) -> str:
    """The regular English plural of ``word`` (``policeman`` → ``policemen``).

    Keeps the word's case: ``CONGRESS`` → ``CONGRESSES``.
    """
    lower = word.lower()
    if lower.endswith("man") and lower not in _NOT_MAN:
        return word[:-2] + ("EN" if word[-2:].isupper() else "en")
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        stem, suffix = word[:-1], "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        stem, suffix = word, "es"
    else:
        stem, suffix = word, "s"
    return stem + (suffix.upper() if word.isupper() else suffix)
