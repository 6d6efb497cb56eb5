"""Decide whether input is an English news article we can analyse.

Every rejection is a :class:`~tidings.errors.NotAnArticleError` with a short
``reason`` tag that callers can store, and a message a person can act on.
"""

from __future__ import annotations

import re
import unicodedata

from tidings.errors import NotAnArticleError

__all__ = ["check_text", "decode"]

# Common English function words: frequent in any English prose, rare elsewhere.
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on it with as was at by be this are from or an have has "
    "had not but were which their they been said its will would he she his her who we our "
    "after over more than also into about there when can could other new up out two one all "
    "some year years last first people what says says while against between during before "
    "under since because".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def decode(data: bytes, *, max_bytes: int) -> str:
    """Decode raw bytes as UTF-8 text, rejecting binary and oversized input."""
    if len(data) > max_bytes:
        raise NotAnArticleError(
            "too-large",
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,}; "
            "raise it with --max-bytes or split the document",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked_text(data.decode("utf-16"))
        except UnicodeDecodeError as err:
            raise NotAnArticleError(
                "undecodable", f"input has a UTF-16 mark but is not UTF-16: {err}"
            ) from err
    if b"\x00" in data[:8192]:
        raise NotAnArticleError("binary", "input looks like binary data (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise NotAnArticleError(
            "undecodable",
            f"input is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it first, e.g. with iconv -f latin1 -t utf-8",
        ) from err
    return _checked_text(text)


def _checked_text(text: str) -> str:
    controls = sum(
        1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v"
    )
    if controls > max(8, len(text[:8192]) // 100):
        raise NotAnArticleError("binary", "input looks like binary data (many control characters)")
    return text


def check_text(
    text: str,
    *,
    max_bytes: int,
    min_words_for_language_check: int,
    min_english_ratio: float,
) -> str:
    """Return ``text`` if it can be analysed as an English article, else raise.

    Raises:
        NotAnArticleError: with reason ``empty``, ``binary``, ``too-large`` or
            ``not-english``.
    """
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise NotAnArticleError(
            "too-large",
            f"text is {size:,} bytes, over the limit of {max_bytes:,}; "
            "raise it with --max-bytes or split the document",
        )
    if "\x00" in text:
        raise NotAnArticleError("binary", "text contains NUL characters: binary data?")
    _checked_text(text)
    words = _WORD.findall(text)
    if not words:
        reason = "empty" if not text.strip() else "no-words"
        what = "is empty or whitespace only" if reason == "empty" else "has no words"
        raise NotAnArticleError("empty" if reason == "empty" else "not-english", f"text {what}")
    if len(words) >= min_words_for_language_check:
        ratio = sum(1 for w in words if w.lower() in _ENGLISH_WORDS) / len(words)
        if ratio < min_english_ratio:
            raise NotAnArticleError(
                "not-english",
                f"text does not look like English ({ratio:.0%} common English words, "
                f"need {min_english_ratio:.0%}); tidings analyses English articles only",
            )
    return text
