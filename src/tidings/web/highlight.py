"""Article text as safe HTML: evidence marked, sentences coloured by quality role.

Every function here is pure: it takes the article text and character spans into it
and returns :class:`markupsafe.Markup`. Text is escaped piece by piece between span
boundaries; markup is never made by replacing strings inside HTML, so no article
text (``<script>``, ``<img onerror=...>``) can reach a page live.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Mark", "RoleSentence", "highlight", "marks_of", "role_sentences", "roles_of"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the article text to wrap in ``<mark>``.

    Attributes:
        start: First character (offset into the text).
        end: One past the last character.
        kind: A CSS class suffix (``evidence``, ``trigger``); ``mark-<kind>``.
        label: A tooltip (e.g. the event type), or ``None``.
    """

    start: int
    end: int
    kind: str = "evidence"
    label: str | None = None


@dataclass(frozen=True, slots=True)
class RoleSentence:
    """A sentence of the article text with its quality role.

    Attributes:
        start: First character (offset into the text).
        end: One past the last character.
        role: ``report``, ``context``, ``speculation``, ``boilerplate`` or ``repetition``.
        reason: Why the sentence got its role (shown as a tooltip).
    """

    start: int
    end: int
    role: str
    reason: str = ""


def highlight(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` escaped, with ``<mark>`` around every mark's part inside it.

    Marks are clipped to the window and to the text; empty ones are dropped. Where
    marks overlap, the earlier-starting one wins and the later one begins where
    it ends, so the HTML stays well nested.

    >>> highlight("a <b> c", [Mark(2, 5)])
    Markup('a <mark class="mark-evidence">&lt;b&gt;</mark> c')
    """
    stop = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pieces: list[str] = []
    cursor = start
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        left, right = max(mark.start, cursor), min(mark.end, stop)
        if left >= right:
            continue
        pieces.append(escape(text[cursor:left]))
        pieces.append(_open_mark(mark))
        pieces.append(escape(text[left:right]))
        pieces.append(Markup("</mark>"))
        cursor = right
    if cursor < stop:
        pieces.append(escape(text[cursor:stop]))
    return Markup("").join(pieces)


def role_sentences(
    text: str, sentences: Sequence[RoleSentence], marks: Iterable[Mark] = ()
) -> Markup:
    """The whole text, each sentence in a ``<span>`` coloured by its role, marks inside.

    Text between sentences (spaces, line breaks) is kept, escaped, outside any span;
    sentences that overlap an earlier one are clipped to where it ends.
    """
    marks = tuple(marks)
    pieces: list[str] = []
    cursor = 0
    for sentence in sorted(sentences, key=lambda s: s.start):
        left, right = max(sentence.start, cursor), min(sentence.end, len(text))
        if left >= right:
            continue
        pieces.append(highlight(text, marks, cursor, left))
        opening = Markup('<span class="sentence role-{0}" data-role="{0}" title="{1}">')
        pieces.append(opening.format(sentence.role, f"{sentence.role}: {sentence.reason}"))
        pieces.append(highlight(text, marks, left, right))
        pieces.append(Markup("</span>"))
        cursor = right
    pieces.append(highlight(text, marks, cursor))
    return Markup("").join(pieces)


def marks_of(mention: Mapping[str, Any], label: str | None = None) -> list[Mark]:
    """The evidence spans of a stored mention record (``tidings.mention/1``) as marks.

    Spans that are missing or malformed are skipped rather than trusted.
    """
    return [
        Mark(span["start"], span["end"], "evidence", label)
        for span in mention.get("evidence") or []
        if _is_span(span)
    ]


def roles_of(quality: Mapping[str, Any] | None) -> list[RoleSentence]:
    """The sentences of a stored quality record (``tidings.quality/1``), if any."""
    if not quality:
        return []
    return [
        RoleSentence(s["span"]["start"], s["span"]["end"], str(s["role"]), str(s.get("reason", "")))
        for s in quality.get("sentences") or []
        if _is_span(s.get("span"))
    ]


def _open_mark(mark: Mark) -> Markup:
    if mark.label:
        return Markup('<mark class="mark-{}" title="{}">').format(mark.kind, mark.label)
    return Markup('<mark class="mark-{}">').format(mark.kind)


def _is_span(span: Any) -> bool:
    return (
        isinstance(span, Mapping)
        and isinstance(span.get("start"), int)
        and isinstance(span.get("end"), int)
        and span["start"] < span["end"]
    )
