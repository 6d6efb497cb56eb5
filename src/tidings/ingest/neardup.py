"""Near-duplicate detection: MinHash signatures over word shingles, banded for lookup.

Syndicated wire copies differ from the original by a dateline, a byline or a
trailing paragraph; their sets of word 5-grams ("shingles") still overlap almost
entirely. A MinHash signature estimates that overlap (Jaccard similarity) from a
fixed number of hash minima, and locality-sensitive hashing cuts the signature
into bands so that candidates are found by exact band matches in an index
instead of comparing against every stored article.

Signatures must be comparable across runs and processes, so the hash functions
come from a fixed seed and a keyed hash (never Python's randomised ``hash``).
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

__all__ = ["MinHasher", "pack", "similarity", "unpack"]

_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
_WORD = re.compile(r"\w+")
_SEED = 20_251_125


def _shingle_hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=4).digest(), "little")


@dataclass(frozen=True, slots=True)
class MinHasher:
    """Computes signatures and their band keys.

    Args:
        permutations: Signature length.
        bands: Bands for candidate lookup; must divide ``permutations``.
        shingle_words: Words per shingle.
    """

    permutations: int = 128
    bands: int = 32
    shingle_words: int = 5
    _a: npt.NDArray[np.uint64] = field(init=False, repr=False, compare=False)
    _b: npt.NDArray[np.uint64] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.permutations <= 0 or self.bands <= 0 or self.permutations % self.bands:
            raise ValueError(
                f"minhash_permutations ({self.permutations}) must be a positive multiple "
                f"of minhash_bands ({self.bands})"
            )
        rng = random.Random(_SEED)
        a = [rng.randrange(1, _PRIME) for _ in range(self.permutations)]
        b = [rng.randrange(0, _PRIME) for _ in range(self.permutations)]
        object.__setattr__(self, "_a", np.array(a, dtype=np.uint64))
        object.__setattr__(self, "_b", np.array(b, dtype=np.uint64))

    def shingles(self, text: str) -> set[str]:
        """Lower-cased word n-grams of ``text`` (the whole text when it is shorter)."""
        words = _WORD.findall(text.lower())
        n = self.shingle_words
        if len(words) <= n:
            return {" ".join(words)}
        return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}

    def signature(self, text: str) -> tuple[int, ...]:
        """The MinHash signature of ``text``: one 32-bit minimum per permutation."""
        hashes = np.array([_shingle_hash(s) for s in self.shingles(text)], dtype=np.uint64)
        # (a*x + b) mod p, one row per shingle; uint64 products wrap, which keeps the
        # family well mixed for 32-bit inputs (the same scheme as datasketch).
        permuted = (np.outer(hashes, self._a) + self._b) % np.uint64(_PRIME)
        minima = (permuted & np.uint64(_MAX_HASH)).min(axis=0)
        return tuple(int(v) for v in minima)

    def band_keys(self, signature: tuple[int, ...]) -> list[tuple[int, int]]:
        """``(band, bucket)`` pairs: articles sharing any pair are candidates.

        Buckets are signed 64-bit integers so they fit a SQL BIGINT.
        """
        rows = self.permutations // self.bands
        keys = []
        for band in range(self.bands):
            chunk = signature[band * rows : (band + 1) * rows]
            digest = hashlib.blake2b(
                b"".join(v.to_bytes(4, "little") for v in chunk), digest_size=8
            ).digest()
            keys.append((band, int.from_bytes(digest, "little", signed=True)))
        return keys


def similarity(left: tuple[int, ...], right: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity: the share of equal signature positions."""
    if len(left) != len(right) or not left:
        raise ValueError("signatures of different lengths cannot be compared")
    return sum(1 for a, b in zip(left, right, strict=True) if a == b) / len(left)


def pack(signature: tuple[int, ...]) -> bytes:
    """A signature as bytes for storage (little-endian 32-bit)."""
    return np.array(signature, dtype="<u4").tobytes()


def unpack(data: bytes) -> tuple[int, ...]:
    return tuple(int(v) for v in np.frombuffer(data, dtype="<u4"))
