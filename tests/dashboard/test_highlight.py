"""Article text as HTML: evidence marks and role colours, escaped piece by piece."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from tidings.web.highlight import Mark, RoleSentence, highlight, marks_of, role_sentences, roles_of

HOSTILE = 'Police said <script>alert("x")</script> and <img src=x onerror=alert(1)> & more.'


def _unmark(markup: str) -> str:
    """The text a browser would show: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_marks_wrap_exactly_the_spans() -> None:
    text = "The Kremlin said talks would be held in Beijing."
    start = text.index("talks")
    out = highlight(text, [Mark(start, start + len("talks would be held"))])
    assert out == (
        'The Kremlin said <mark class="mark-evidence">talks would be held</mark> in Beijing.'
    )


def test_hostile_text_is_escaped_inside_and_outside_marks() -> None:
    start = HOSTILE.index("<img")
    out = str(highlight(HOSTILE, [Mark(start, HOSTILE.index("&"), label='<b onclick="x">')]))
    assert "<script" not in out and "<img" not in out and "<b " not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert 'title="&lt;b onclick=&#34;x&#34;&gt;"' in out
    assert _unmark(out) == HOSTILE


def test_overlapping_and_out_of_range_marks_stay_well_nested() -> None:
    text = "abcdefghij"
    out = str(highlight(text, [Mark(2, 6), Mark(4, 8), Mark(9, 50), Mark(-3, 1), Mark(5, 5)]))
    assert out == (
        '<mark class="mark-evidence">a</mark>b<mark class="mark-evidence">cdef</mark>'
        '<mark class="mark-evidence">gh</mark>i<mark class="mark-evidence">j</mark>'
    )


def test_window_shows_only_its_part() -> None:
    assert highlight("0123456789", [Mark(2, 6)], 4, 8) == (
        '<mark class="mark-evidence">45</mark>67'
    )


def test_role_sentences_colour_each_sentence_and_keep_marks_inside() -> None:
    text = "First <b>fact</b>. Maybe more. Tail"
    sentences = [RoleSentence(0, 18, "report", "a <reason>"), RoleSentence(19, 30, "speculation")]
    out = str(role_sentences(text, sentences, [Mark(6, 24)]))
    # The mark crossing the sentence boundary is split, not left open across spans.
    assert out == (
        '<span class="sentence role-report" data-role="report" title="report: a &lt;reason&gt;">'
        'First <mark class="mark-evidence">&lt;b&gt;fact&lt;/b&gt;.</mark></span>'
        '<mark class="mark-evidence"> </mark>'
        '<span class="sentence role-speculation" data-role="speculation" title="speculation: ">'
        '<mark class="mark-evidence">Maybe</mark> more.</span> Tail'
    )
    assert _unmark(out) == text


def test_records_from_the_store_become_marks_and_sentences() -> None:
    mention = {
        "evidence": [{"start": 3, "end": 9, "text": "x"}, None, {"start": "1", "end": 2}],
        "trigger": {"start": 4, "end": 5},
    }
    assert marks_of(mention, "CONSULT") == [Mark(3, 9, "evidence", "CONSULT")]
    quality = {"sentences": [{"span": {"start": 0, "end": 4}, "role": "report", "reason": "r"}]}
    assert roles_of(quality) == [RoleSentence(0, 4, "report", "r")]
    assert roles_of(None) == []


spans = st.tuples(st.integers(-5, 60), st.integers(-5, 60))


@given(st.text(max_size=50), st.lists(spans, max_size=6), st.lists(spans, max_size=4))
def test_any_text_and_spans_round_trip(
    text: str, marks: list[tuple[int, int]], sentences: list[tuple[int, int]]
) -> None:
    out = str(
        role_sentences(
            text,
            [RoleSentence(a, b, "context") for a, b in sentences],
            [Mark(a, b) for a, b in marks],
        )
    )
    assert _unmark(out) == text
    # Well nested: every opened tag is closed before its parent closes.
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)(mark|span)\b", out):
        if closing:
            assert stack.pop() == name
        else:
            stack.append(name)
    assert not stack
