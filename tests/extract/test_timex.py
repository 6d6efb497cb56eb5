"""Tests for tidings.extract.timex: finding and resolving time expressions."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tidings.errors import BadInputError
from tidings.extract.timex import find_times, resolve
from tidings.model import Granularity, Span, TimeRef

DAY, WEEK, MONTH, YEAR = Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR
PUB = dt.date(2025, 8, 20)  # a Wednesday in ISO week 2025-W34
NEW_YEAR_EVE = dt.date(2025, 12, 30)  # a Tuesday, already in ISO week 2026-W01
NEW_YEAR = dt.date(2026, 1, 2)  # a Friday

_SHAPES = {
    DAY: re.compile(r"(?:[0-9]{4}|XXXX)-(?:[0-9]{2}|XX)-(?:[0-9]{2}|XX)"),
    WEEK: re.compile(r"(?:[0-9]{4}-W[0-9]{2}|XXXX-WXX)"),
    MONTH: re.compile(r"(?:[0-9]{4}|XXXX)-(?:[0-9]{2}|XX)"),
    YEAR: re.compile(r"(?:[0-9]{4}|XXXX)"),
}


def only(text: str, published: dt.date | None, tense: str | None = None) -> TimeRef:
    """The single time expression of ``text``, checked against its span."""
    found = find_times(text, published, tense=tense)
    assert len(found) == 1, found
    ref = found[0]
    assert ref.span is not None
    assert ref.span.of(text) == ref.text
    return ref


# --- with a publication date (2025-08-20, a Wednesday), no tense ---------------------------
@pytest.mark.parametrize(
    ("sentence", "expression", "value", "granularity"),
    [
        # absolute days
        ("The summit ended on September 3, 2025.", "September 3, 2025", "2025-09-03", DAY),
        ("It ended on 3 September 2025 in Beijing.", "3 September 2025", "2025-09-03", DAY),
        ("Talks open Sept. 3 in Geneva.", "Sept. 3", "2025-09-03", DAY),
        ("Talks open Sep 3 in Geneva.", "Sep 3", "2025-09-03", DAY),
        ("Talks open September 3rd.", "September 3rd", "2025-09-03", DAY),
        ("Talks open on the 3rd of September.", "the 3rd of September", "2025-09-03", DAY),
        ("Talks open on Jan. 12, 2026.", "Jan. 12, 2026", "2026-01-12", DAY),
        ("On Wednesday, September 3, 2025, they met.", "Wednesday, September 3, 2025",
         "2025-09-03", DAY),
        ("The decree (2025-09-03) was signed.", "2025-09-03", "2025-09-03", DAY),
        ("The decree dated 9/3/2025 was signed.", "9/3/2025", "2025-09-03", DAY),
        ("The decree dated 09/03/2025 was signed.", "09/03/2025", "2025-09-03", DAY),
        ("Elections were held May 5, 1998.", "May 5, 1998", "1998-05-05", DAY),
        # months with a year, years
        ("Inflation peaked in September 2025.", "September 2025", "2025-09", MONTH),
        ("Inflation peaked in Sept. 2025.", "Sept. 2025", "2025-09", MONTH),
        ("Inflation peaked in September of 2024.", "September of 2024", "2024-09", MONTH),
        ("The war began in 2014.", "2014", "2014", YEAR),
        ("Sanctions have applied since 2014.", "2014", "2014", YEAR),
        ("Troops will leave by 2030.", "2030", "2030", YEAR),
        ("A vote is due in mid-2026.", "mid-2026", "2026", YEAR),
        ("A vote is due in early 2026.", "early 2026", "2026", YEAR),
        ("It was agreed in late 2024.", "late 2024", "2024", YEAR),
        ("It expires at the end of 2025.", "the end of 2025", "2025", YEAR),
        ("Growth slowed in the first half of 2025.", "the first half of 2025", "2025", YEAR),
        ("Talks resume in early September 2025.", "early September 2025", "2025-09", MONTH),
        # months without a year
        ("Talks resume this September.", "this September", "2025-09", MONTH),
        ("Talks resume next September.", "next September", "2025-09", MONTH),
        ("Talks failed last September.", "last September", "2024-09", MONTH),
        ("Talks resume in September.", "September", "2025-09", MONTH),
        ("Talks resume in early September.", "early September", "2025-09", MONTH),
        ("Talks resume in mid-September.", "mid-September", "2025-09", MONTH),
        ("Talks resume in late September.", "late September", "2025-09", MONTH),
        ("A deal is due by the end of September.", "the end of September", "2025-09", MONTH),
        ("Talks were held in May.", "May", "2025-05", MONTH),
        ("Talks were held in March.", "March", "2025-03", MONTH),
        ("Talks are due in December.", "December", "2025-12", MONTH),
        ("Talks happened in February.", "February", "2025-02", MONTH),  # a tie goes back
        # weekdays (the publication day is a Wednesday)
        ("The minister spoke on Wednesday.", "Wednesday", "2025-08-20", DAY),
        ("The minister spoke on Monday.", "Monday", "2025-08-18", DAY),
        ("The minister speaks on Friday.", "Friday", "2025-08-22", DAY),
        ("The minister spoke on Sunday.", "Sunday", "2025-08-17", DAY),
        ("The minister speaks on Saturday.", "Saturday", "2025-08-23", DAY),
        ("Officials said Monday that talks failed.", "Monday", "2025-08-18", DAY),
        ("The minister spoke last Monday.", "last Monday", "2025-08-18", DAY),
        ("The minister spoke last Wednesday.", "last Wednesday", "2025-08-13", DAY),
        ("The minister speaks next Monday.", "next Monday", "2025-08-25", DAY),
        ("The minister speaks next Wednesday.", "next Wednesday", "2025-08-27", DAY),
        ("The minister speaks this Friday.", "this Friday", "2025-08-22", DAY),
        ("The minister spoke this Monday.", "this Monday", "2025-08-18", DAY),
        ("The vote is this coming Saturday.", "this coming Saturday", "2025-08-23", DAY),
        # days relative to publication
        ("Talks resume today.", "today", "2025-08-20", DAY),
        ("Talks resume tonight.", "tonight", "2025-08-20", DAY),
        ("Talks resumed yesterday.", "yesterday", "2025-08-19", DAY),
        ("Talks resume tomorrow.", "tomorrow", "2025-08-21", DAY),
        ("Shelling resumed last night.", "last night", "2025-08-19", DAY),
        ("Shelling resumed this morning.", "this morning", "2025-08-20", DAY),
        ("He will speak later today.", "later today", "2025-08-20", DAY),
        ("It began yesterday afternoon.", "yesterday afternoon", "2025-08-19", DAY),
        ("It began the day before yesterday.", "the day before yesterday", "2025-08-18", DAY),
        ("It ends the day after tomorrow.", "the day after tomorrow", "2025-08-22", DAY),
        # weeks, months and years relative to publication
        ("Talks failed last week.", "last week", "2025-W33", WEEK),
        ("Talks go on this week.", "this week", "2025-W34", WEEK),
        ("Talks resume next week.", "next week", "2025-W35", WEEK),
        ("Talks failed earlier this week.", "earlier this week", "2025-W34", WEEK),
        ("Protests erupted last weekend.", "last weekend", "2025-W33", WEEK),
        ("Talks failed last month.", "last month", "2025-07", MONTH),
        ("Talks go on this month.", "this month", "2025-08", MONTH),
        ("Talks resume next month.", "next month", "2025-09", MONTH),
        ("Talks failed earlier this month.", "earlier this month", "2025-08", MONTH),
        ("A deal is due by the end of the month.", "the end of the month", "2025-08", MONTH),
        ("A deal is due by the end of next month.", "the end of next month", "2025-09", MONTH),
        ("Talks failed last year.", "last year", "2024", YEAR),
        ("Talks go on this year.", "this year", "2025", YEAR),
        ("Talks resume next year.", "next year", "2026", YEAR),
        ("Talks resume later this year.", "later this year", "2025", YEAR),
        ("Talks failed late last year.", "late last year", "2024", YEAR),
        ("Talks resume early next year.", "early next year", "2026", YEAR),
        ("A deal is due by the end of the year.", "the end of the year", "2025", YEAR),
        # offsets
        ("Talks resume in two weeks.", "in two weeks", "2025-W36", WEEK),
        ("Talks resume in two weeks' time.", "in two weeks' time", "2025-W36", WEEK),
        ("Talks resume in a week's time.", "in a week's time", "2025-W35", WEEK),
        ("Talks resume in three days.", "in three days", "2025-08-23", DAY),
        ("Talks resume in a year.", "in a year", "2026", YEAR),
        ("Talks resume two weeks from now.", "two weeks from now", "2025-W36", WEEK),
        ("Talks failed three days ago.", "three days ago", "2025-08-17", DAY),
        ("Talks failed 10 days ago.", "10 days ago", "2025-08-10", DAY),
        ("Talks failed a week ago.", "a week ago", "2025-W33", WEEK),
        ("Talks failed two months ago.", "two months ago", "2025-06", MONTH),
        ("Talks failed two years ago.", "two years ago", "2023", YEAR),
        # seasons (year granularity)
        ("Talks resume this summer.", "this summer", "2025", YEAR),
        ("Talks resume next summer.", "next summer", "2026", YEAR),
        ("Talks failed last summer.", "last summer", "2024", YEAR),
        ("Talks failed in the summer of 2023.", "the summer of 2023", "2023", YEAR),
    ],
)  # fmt: skip
def test_resolves_with_publication_date(
    sentence: str, expression: str, value: str, granularity: Granularity
) -> None:
    ref = only(sentence, PUB)
    assert (ref.text, ref.value, ref.granularity, ref.resolved) == (
        expression,
        value,
        granularity,
        True,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "2025 people attended the rally.",
        "The rally drew 2025 people.",
        "Talks may resume in the coming weeks.",
        "Talks will resume soon.",
        "Talks recently resumed.",
        "Theresa May said talks failed.",
        "June Carter sang at the rally.",
        "Prices may rise and protesters will march on.",
        "They talked for two weeks.",
        "Two days of talks ended.",
        "The decree of February 30, 2025 was void.",
        "The decree of February 30 was void.",
        "It was dated 9/3/25 and 9/3 in the files.",
        "It was dated 25/12/2025 in the files.",
        "The 2024-25 season ended in 2024-25 chaos.",
        "Nothing happened in 1850 or in 2150.",
        "Growth was 2.5% in 2025% terms.",
        "",
    ],
)
def test_ignores_non_times(sentence: str) -> None:
    assert find_times(sentence, PUB) == ()


# --- without a publication date -----------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expression", "value", "granularity", "resolved"),
    [
        ("Talks resume this September.", "this September", "XXXX-09", MONTH, False),
        ("Talks resume in September.", "September", "XXXX-09", MONTH, False),
        ("Talks resumed yesterday.", "yesterday", "XXXX-XX-XX", DAY, False),
        ("Talks resumed on Wednesday.", "Wednesday", "XXXX-XX-XX", DAY, False),
        ("Talks resumed last Monday.", "last Monday", "XXXX-XX-XX", DAY, False),
        ("Talks failed last week.", "last week", "XXXX-WXX", WEEK, False),
        ("Talks resume next month.", "next month", "XXXX-XX", MONTH, False),
        ("Talks resume later this year.", "later this year", "XXXX", YEAR, False),
        ("Talks resume in two weeks.", "in two weeks", "XXXX-WXX", WEEK, False),
        ("Talks failed three days ago.", "three days ago", "XXXX-XX-XX", DAY, False),
        ("Talks failed two years ago.", "two years ago", "XXXX", YEAR, False),
        ("Talks resume this summer.", "this summer", "XXXX", YEAR, False),
        ("Talks resume September 3.", "September 3", "XXXX-09-03", DAY, False),
        ("Talks resume Sept. 3.", "Sept. 3", "XXXX-09-03", DAY, False),
        ("Talks resume on 3 September.", "3 September", "XXXX-09-03", DAY, False),
        ("A leap day, February 29, passed.", "February 29", "XXXX-02-29", DAY, False),
        ("Talks resume September 3, 2025.", "September 3, 2025", "2025-09-03", DAY, True),
        ("Talks resume 2025-09-03.", "2025-09-03", "2025-09-03", DAY, True),
        ("Talks resume 9/3/2025.", "9/3/2025", "2025-09-03", DAY, True),
        ("Talks resume in September 2025.", "September 2025", "2025-09", MONTH, True),
        ("Talks resume in mid-2026.", "mid-2026", "2026", YEAR, True),
        ("The war began in 2014.", "2014", "2014", YEAR, True),
    ],
)
def test_without_publication_date_never_guesses(
    sentence: str, expression: str, value: str, granularity: Granularity, resolved: bool
) -> None:
    ref = only(sentence, None)
    assert (ref.text, ref.value, ref.granularity, ref.resolved) == (
        expression,
        value,
        granularity,
        resolved,
    )


# --- tense hints ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "tense", "value"),
    [
        # a bare weekday may be the publication day itself ("said on Wednesday")
        ("They met on Wednesday.", "past", "2025-08-20"),
        ("They meet on Wednesday.", "future", "2025-08-20"),
        ("They met on Tuesday.", "past", "2025-08-19"),
        ("They meet on Tuesday.", "future", "2025-08-26"),
        ("They met on Monday.", "past", "2025-08-18"),
        ("They meet on Monday.", "future", "2025-08-25"),
        ("They met on Saturday.", "past", "2025-08-16"),
        ("They meet on Saturday.", "future", "2025-08-23"),
        ("They met last Monday.", "future", "2025-08-18"),  # the modifier wins
        ("They met in September.", "past", "2024-09"),
        ("They meet in September.", "future", "2025-09"),
        ("They met in August.", "past", "2025-08"),
        ("They meet in August.", "future", "2025-08"),
        ("They met in July.", "past", "2025-07"),
        ("They meet in July.", "future", "2026-07"),
        ("They met in early July.", "future", "2026-07"),
        ("They meet this September.", "past", "2025-09"),  # "this" wins
        ("They met on Sept. 3.", "past", "2024-09-03"),
        ("They meet on Sept. 3.", "future", "2025-09-03"),
        ("They met on August 20.", "past", "2025-08-20"),
        ("They meet on August 20.", "future", "2025-08-20"),
        ("They met on July 1.", "future", "2026-07-01"),
        ("They met on July 1.", None, "2025-07-01"),
    ],
)
def test_tense_settles_ambiguity(sentence: str, tense: str | None, value: str) -> None:
    assert only(sentence, PUB, tense).value == value


def test_since_implies_the_past() -> None:
    assert only("No talks since September.", PUB).value == "2024-09"
    assert only("No talks since Monday.", PUB).value == "2025-08-18"


# --- year boundaries ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("published", "sentence", "tense", "value"),
    [
        (NEW_YEAR_EVE, "Talks resume next month.", None, "2026-01"),
        (NEW_YEAR_EVE, "Talks failed last month.", None, "2025-11"),
        (NEW_YEAR_EVE, "Talks go on this week.", None, "2026-W01"),
        (NEW_YEAR_EVE, "Talks resume next week.", None, "2026-W02"),
        (NEW_YEAR_EVE, "Talks failed last week.", None, "2025-W52"),
        (NEW_YEAR_EVE, "Talks resume next year.", None, "2026"),
        (NEW_YEAR_EVE, "Talks resume on Friday.", None, "2026-01-02"),
        (NEW_YEAR_EVE, "Talks failed on Friday.", "past", "2025-12-26"),
        (NEW_YEAR_EVE, "Talks failed on Monday.", None, "2025-12-29"),
        (NEW_YEAR_EVE, "Talks resume in January.", None, "2026-01"),
        (NEW_YEAR_EVE, "Talks failed in January.", "past", "2025-01"),
        (NEW_YEAR_EVE, "Talks resume January 2.", None, "2026-01-02"),
        (NEW_YEAR_EVE, "Talks resume tomorrow.", None, "2025-12-31"),
        (NEW_YEAR_EVE, "Talks resume the day after tomorrow.", None, "2026-01-01"),
        (NEW_YEAR_EVE, "Talks resume in two weeks.", None, "2026-W03"),
        (NEW_YEAR_EVE, "Talks resume in three days.", None, "2026-01-02"),
        (NEW_YEAR_EVE, "Talks resume next September.", None, "2026-09"),
        (NEW_YEAR_EVE, "Talks failed last December.", None, "2024-12"),
        (NEW_YEAR_EVE, "Talks end this December.", None, "2025-12"),
        (NEW_YEAR, "Talks failed yesterday.", None, "2026-01-01"),
        (NEW_YEAR, "Talks failed the day before yesterday.", None, "2025-12-31"),
        (NEW_YEAR, "Talks failed last month.", None, "2025-12"),
        (NEW_YEAR, "Talks failed last year.", None, "2025"),
        (NEW_YEAR, "Talks failed in December.", None, "2025-12"),
        (NEW_YEAR, "Talks failed December 31.", None, "2025-12-31"),
        (NEW_YEAR, "Talks failed last week.", None, "2025-W52"),
        (NEW_YEAR, "Talks go on this week.", None, "2026-W01"),
        (NEW_YEAR, "Talks failed two months ago.", None, "2025-11"),
        (dt.date(2025, 3, 1), "Born on February 29.", None, "2024-02-29"),
        (dt.date(2024, 3, 1), "Born on February 29.", None, "2024-02-29"),
    ],
)
def test_year_boundaries(published: dt.date, sentence: str, tense: str | None, value: str) -> None:
    assert only(sentence, published, tense).value == value


# --- several expressions, spans and offsets ------------------------------------------------
def test_finds_all_in_order_without_overlap() -> None:
    text = (
        "On Wednesday, September 3, 2025, ministers said talks held last week failed "
        "and would resume in two weeks, by the end of September 2025."
    )
    found = find_times(text, PUB)
    assert [ref.text for ref in found] == [
        "Wednesday, September 3, 2025",
        "last week",
        "in two weeks",
        "the end of September 2025",
    ]
    assert [ref.value for ref in found] == ["2025-09-03", "2025-W33", "2025-W36", "2025-09"]
    spans = [ref.span for ref in found if ref.span is not None]
    assert spans == sorted(spans)
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(spans))


def test_offset_shifts_spans_into_the_article() -> None:
    sentence = "Talks resume next month, officials said on Monday."
    article = "Earlier sentence. " * 5 + sentence
    offset = article.index(sentence)
    found = find_times(sentence, PUB, offset=offset)
    assert [ref.span.of(article) for ref in found if ref.span] == ["next month", "Monday"]
    assert found[0].span == Span(offset + 13, offset + 23)


def test_unicode_whitespace_and_case() -> None:
    text = "TALKS RESUMED YESTERDAY; next talks on September\u00a03, 2025 and Next Week."
    assert [ref.text for ref in find_times(text, PUB)] == [
        "YESTERDAY",
        "September\u00a03, 2025",
        "Next Week",
    ]


def test_rejects_bad_arguments() -> None:
    with pytest.raises(BadInputError, match="tense"):
        find_times("today", PUB, tense="present")
    with pytest.raises(BadInputError, match="offset"):
        find_times("today", PUB, offset=-1)


def test_extreme_publication_dates_do_not_crash() -> None:
    text = "yesterday, tomorrow, last week, next week, last month, next month, last year, "
    text += "next year, in 12 years, 99 years ago, on Friday, in December, Sept. 3"
    for published in (dt.date.min, dt.date.max):
        for ref in find_times(text, published):
            assert _SHAPES[ref.granularity].fullmatch(ref.value)


# --- resolve ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("expression", "published", "value", "granularity", "resolved"),
    [
        ("September 3, 2025", None, "2025-09-03", DAY, True),
        ("September", PUB, "2025-09", MONTH, True),
        ("May", PUB, "2025-05", MONTH, True),
        ("2024", None, "2024", YEAR, True),
        ("on Wednesday", None, "XXXX-XX-XX", DAY, False),
        ("on Wednesday", PUB, "2025-08-20", DAY, True),
        ("this September", None, "XXXX-09", MONTH, False),
        ("this September", PUB, "2025-09", MONTH, True),
        ("yesterday", None, "XXXX-XX-XX", DAY, False),
        ("by the end of the year", PUB, "2025", YEAR, True),
        ("in two weeks", PUB, "2025-W36", WEEK, True),
    ],
)
def test_resolve_one_expression(
    expression: str,
    published: dt.date | None,
    value: str,
    granularity: Granularity,
    resolved: bool,
) -> None:
    ref = resolve(expression, published)
    assert ref is not None
    assert (ref.value, ref.granularity, ref.resolved) == (value, granularity, resolved)
    assert ref.span is not None and ref.span.of(expression) == ref.text


def test_resolve_uses_tense() -> None:
    ref = resolve("in September", PUB, tense="past")
    assert ref is not None and ref.value == "2024-09"


@pytest.mark.parametrize("expression", ["the coming weeks", "soon", "recently", "", "2025 people"])
def test_resolve_rejects_vague_expressions(expression: str) -> None:
    assert resolve(expression, PUB) is None


def test_resolve_standalone_span_is_relative_to_the_expression() -> None:
    assert resolve("2024", None) == TimeRef("2024", Span(0, 4), "2024", YEAR)


# --- properties ---------------------------------------------------------------------------------
_VOCABULARY = [
    "in", "on", "since", "by", "the", "end", "of", "this", "next", "last", "early", "mid-",
    "late", "earlier", "later", "coming", "past", "a", "two", "12", "days", "week", "weeks",
    "month", "years", "ago", "from", "now", "time", "weekend", "today", "yesterday", "night",
    "tomorrow", "day", "before", "after", "September", "Sept.", "May", "Feb", "February",
    "Monday", "Sunday", ",", "3", "29", "30", "3rd", "2025", "1899", "2100", "9/3/2025",
    "2025-02-29", "summer", "spring", "ſpring", "thiſ", "weeK", "ın", "\u00a0", "-", "'s",
]  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(st.sampled_from(_VOCABULARY)).map(" ".join))
_DATES = st.one_of(st.none(), st.dates())


def check_refs(text: str, refs: tuple[TimeRef, ...], offset: int) -> None:
    """Spans lie inside the text, in order, without overlap; values have their shape."""
    padded = "#" * offset + text
    previous_end = offset
    for ref in refs:
        assert ref.span is not None
        assert previous_end <= ref.span.start < ref.span.end <= offset + len(text)
        assert ref.span.of(padded) == ref.text
        assert _SHAPES[ref.granularity].fullmatch(ref.value), ref
        assert ref.resolved == ("X" not in ref.value)
        previous_end = ref.span.end


@given(_TEXTS, _DATES, st.sampled_from([None, "past", "future"]), st.integers(0, 1000))
@example("this ſpring, laſt weeK, ın two weeks", dt.date(2025, 8, 20), None, 0)
@example("yesterday next year 99 years ago", dt.date.min, "past", 0)
@example("tomorrow next week in 12 years", dt.date.max, "future", 0)
def test_any_input_is_safe(
    text: str, published: dt.date | None, tense: str | None, offset: int
) -> None:
    check_refs(text, find_times(text, published, offset=offset, tense=tense), offset)
    ref = resolve(text, published, tense)
    if ref is not None:
        assert ref.span is not None and ref.span.of(text) == ref.text
