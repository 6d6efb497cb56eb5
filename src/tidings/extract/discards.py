"""PETRARCH/TABARI discard dictionaries: phrases that mark text as not codable.

One phrase a line, ``#`` comments::

    +World Golf Championships   # story level: the whole article codes nothing
    BASEBALL                    # sentence level: that sentence codes nothing

Phrases match whole words, case-insensitively, in order ("African Nations Cup").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import DictionaryError

__all__ = ["Discards", "read_discard_dictionary"]

_Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Discards:
    """Sentence-level and story-level discard phrases, as lower-case word sequences."""

    sentence: tuple[_Phrase, ...] = ()
    story: tuple[_Phrase, ...] = ()

    def merged(self, other: Discards) -> Discards:
        return Discards(self.sentence + other.sentence, self.story + other.story)

    def discards_sentence(self, words: Sequence[str]) -> bool:
        """``words`` (lower case, in order) contain a sentence- or story-level phrase."""
        return _contains(words, self.sentence) or self.discards_story(words)

    def discards_story(self, words: Sequence[str]) -> bool:
        """``words`` contain a story-level phrase."""
        return _contains(words, self.story)


def _contains(words: Sequence[str], phrases: Iterable[_Phrase]) -> bool:
    for phrase in phrases:
        size = len(phrase)
        if any(tuple(words[k : k + size]) == phrase for k in range(len(words) - size + 1)):
            return True
    return False


def read_discard_dictionary(source: str | Path) -> Discards:
    """The phrases of a discard dictionary (a path, or the text itself when it has lines).

    Raises:
        DictionaryError: the file cannot be read.
    """
    if isinstance(source, Path) or "\n" not in source:
        path = Path(source)
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError as err:
            raise DictionaryError(f"cannot read discard dictionary {path}: {err.strerror}") from err
    else:
        text = source
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    sentence: list[_Phrase] = []
    story: list[_Phrase] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        whole = line.startswith("+")
        words = tuple(w.lower() for w in re.split(r"[\s_]+", line.lstrip("+")) if w)
        if words:
            (story if whole else sentence).append(words)
    return Discards(tuple(sentence), tuple(story))
