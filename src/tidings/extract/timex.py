"""Temporal expressions in English news text, resolved against the publication date.

One compiled regular expression scans a sentence once; each match is resolved by a small
handler chosen by the alternative that matched. Values are ISO-8601 prefixes whose length
is the granularity: ``2025-09-03`` (day), ``2025-W36`` (ISO week), ``2025-09`` (month),
``2025`` (year).

Relative expressions ("yesterday", "this September", "on Wednesday") need the
publication date. Without it they are still reported, with ``resolved=False`` and the
unknown parts written as ``X`` (``XXXX-09``); nothing is guessed. Vague expressions
("soon", "recently", "in the coming weeks") are deliberately not time expressions.

Ambiguity is settled by the ``tense`` hint of the governing verb:

* a bare weekday ("on Wednesday") is the most recent one strictly before the
  publication date for ``"past"``, the next one strictly after it for ``"future"``,
  and otherwise the one within three days either side (the publication day itself
  included), as news usage has it;
* a bare month ("in September") is the most recent one not after the publication
  month for ``"past"``, the next one not before it for ``"future"``, and otherwise the
  nearest one (ties go to the past);
* a day without a year ("Sept. 3") follows the same rule as a bare month, by day.

Explicit modifiers override the hint: "last Monday" / "next Monday" are the nearest
Monday strictly before / after publication, "this Monday" the one in the publication's
ISO week; "next September" / "last September" are strictly after / before the
publication month, "this September" is in the publication year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import Final, NamedTuple

from tidings.errors import BadInputError
from tidings.model import Granularity, Span, TimeRef

__all__ = ["find_times", "resolve"]

_TENSES: Final = (None, "past", "future")
# Month and weekday names are looked up by their first three letters ("Sept." -> "sep").
# fmt: off
_MONTHS: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)
_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMBERS: Final = (
    "zero", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve",
)
# fmt: on
_SEASONS: Final = MappingProxyType({"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)})
_UNKNOWN: Final = MappingProxyType(
    {
        Granularity.DAY: "XXXX-XX-XX",
        Granularity.WEEK: "XXXX-WXX",
        Granularity.MONTH: "XXXX-XX",
        Granularity.YEAR: "XXXX",
    }
)

# --- the grammar -------------------------------------------------------------------------
# Names of months and weekdays are matched case-sensitively ((?-i:...)) so that the verb
# "may" or "march" is not a month; everything else ignores case. Only bounded alternations
# of literals are repeated, so matching stays linear in the sentence length.
_MONTH_NAME = (
    r"(?:(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])"
_NUM = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3})"
_OF_MOD = r"(?:the\s+)?(?:end|start|beginning|middle)\s+of"
_PREP = r"in|on|at|since|by|until|till|through|throughout|during|from|before|after|to"
# Every word an expression (or its preposition) can start with. Checking it first lets
# the scan skip most positions cheaply; it must list the first word of every branch.
_STARTS = (
    rf"{_PREP}|the|this|next|last|coming|past|early|late|mid|end|start|beginning|middle"
    r"|earlier|later|today|tonight|tomorrow|yesterday|spring|summer|autumn|fall|winter"
    r"|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
)

_PATTERN: Final = re.compile(
    rf"\b(?=[0-9]|(?:{_STARTS})\b|{_MONTH_NAME}|{_WEEKDAY})"
    rf"(?:(?P<prep>{_PREP})\s+)?\b(?:"
    rf"(?P<iso>(?<![0-9-])(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>{_DAY})"
    r"(?![0-9]))"
    rf"|(?P<us>(?<![0-9/.])(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>{_DAY})/(?P<us_y>{_YEAR})"
    r"(?!/))"
    rf"|(?P<mdy>(?:{_WEEKDAY},?\s+)?(?P<mdy_m>{_MONTH_NAME})\s+(?P<mdy_d>{_DAY}){_ORD}"
    rf"(?:,?\s+(?P<mdy_y>{_YEAR}))?)"
    rf"|(?P<dmy>(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![0-9.,])(?P<dmy_d>{_DAY}){_ORD}\s+"
    rf"(?:of\s+)?(?P<dmy_m>{_MONTH_NAME})(?:,?\s+(?P<dmy_y>{_YEAR}))?)"
    rf"|(?P<mon>(?:(?P<mon_mod>this\s+coming|this|next|last|coming|early|late|mid|{_OF_MOD})"
    rf"[-\s]\s*)?(?P<mon_m>{_MONTH_NAME})(?:,?\s+(?:of\s+)?(?P<mon_y>{_YEAR}))?"
    r"(?(mon_y)|(?(mon_mod)|(?(prep)|(?!)))))"
    r"|(?P<sea>(?P<sea_dir>this|last|next)\s+(?P<sea_n>spring|summer|autumn)\b"
    rf"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<sea_y>{_YEAR}))"
    rf"|(?P<rel>(?:(?P<rel_of>{_OF_MOD})\s+(?P<rel_dir1>this|last|next|the)"
    r"|(?:(?:earlier|later|early|late|mid)[-\s]\s*)?(?P<rel_dir2>this|last|next))"
    r"\s+(?P<rel_unit>weekend|week|month|year)\b)"
    r"|(?P<dei>(?P<dei_w>today|tonight|tomorrow|yesterday|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today"
    r"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?)"
    r"|(?P<wd>(?:(?P<wd_mod>this\s+coming|this\s+past|this|last|next|coming|past)\s+)?"
    rf"(?P<wd_n>{_WEEKDAY}))"
    rf"|(?P<off>(?P<off_n>{_NUM})\s+(?P<off_u>day|week|month|year)s?\b(?:['’]?s?\s+time\b)?"
    r"(?:\s+(?P<off_dir>ago|from\s+now|hence)\b)?(?(off_dir)|(?(prep)|(?!))))"
    rf"|(?P<yr>(?:(?P<yr_mod>early|late|mid|{_OF_MOD}|the\s+(?:first|second)\s+half\s+of)"
    rf"[-\s]\s*)?\b(?P<yr_y>{_YEAR})(?![-–/.,][0-9]|\s*%)(?(yr_mod)|(?(prep)|(?!))))"
    r")",
    re.IGNORECASE,
)


class _Value(NamedTuple):
    """A resolved value before it is placed in the text."""

    value: str
    granularity: Granularity
    resolved: bool = True


_Handler = Callable[[re.Match[str], dt.date | None, str | None], _Value | None]


# --- public API --------------------------------------------------------------------------
def find_times(
    text: str, published: dt.date | None, *, offset: int = 0, tense: str | None = None
) -> tuple[TimeRef, ...]:
    """Find and resolve every time expression in a sentence.

    Args:
        text: The sentence (any string; it is never rejected).
        published: The article's publication date, or None when unknown.
        offset: Where ``text`` starts in the article; added to every span.
        tense: ``"past"``, ``"future"`` or None, from the governing verb; it settles
            bare weekdays, bare months and days without a year.

    Returns:
        The expressions in text order, non-overlapping (the longest wins). Spans are
        shifted by ``offset``; invalid dates ("February 30") are left out.

    Raises:
        BadInputError: ``tense`` or ``offset`` is not a valid value.
    """
    if tense not in _TENSES:
        raise BadInputError(f"tense must be 'past', 'future' or None, not {tense!r}")
    if offset < 0:
        raise BadInputError(f"offset must be a character offset >= 0, not {offset}")
    found: list[TimeRef] = []
    for match in _PATTERN.finditer(text):
        ref = _to_timeref(match, published, tense, offset)
        if ref is not None:
            found.append(ref)
    return tuple(found)


def resolve(expression: str, published: dt.date | None, tense: str | None = None) -> TimeRef | None:
    """Resolve one time expression, e.g. a date entity found by the NLP model.

    A bare month or year ("September", "2024") counts as a time expression here when it
    is the whole expression, though :func:`find_times` needs context ("in 2024") to
    accept it in running text.

    Args:
        expression: The expression, possibly with a leading preposition ("on Wednesday").
        published: The article's publication date, or None when unknown.
        tense: ``"past"``, ``"future"`` or None, as for :func:`find_times`.

    Returns:
        The first time expression in ``expression`` (span relative to it), or None.
    """
    found = find_times(expression, published, tense=tense)
    if found:
        return found[0]
    # Give a standalone month or year the context that running text would supply.
    stripped = expression.strip()
    prefixed = find_times("in " + stripped, published, tense=tense)
    if len(prefixed) != 1 or prefixed[0].text != stripped:
        return None
    start = expression.index(stripped)
    return dataclasses.replace(prefixed[0], span=Span(start, start + len(stripped)))


def _to_timeref(
    match: re.Match[str], published: dt.date | None, tense: str | None, offset: int
) -> TimeRef | None:
    """Resolve one match; None when the date it names does not exist."""
    kind = match.lastgroup
    if kind is None or kind not in _HANDLERS:
        return None
    if tense is None and _words(match.group("prep")) == "since":
        tense = "past"
    try:
        value = _HANDLERS[kind](match, published, tense)
    except (ValueError, OverflowError):  # invalid day, or arithmetic beyond year 1..9999
        return None
    if value is None:
        return None
    # "in" is part of an offset ("in two weeks"); otherwise prepositions stay outside.
    in_offset = kind == "off" and match.group("off_dir") is None
    start = match.start("prep") if in_offset else match.start(kind)
    end = match.end(kind)
    return TimeRef(
        text=match.string[start:end],
        span=Span(start + offset, end + offset),
        value=value.value,
        granularity=value.granularity,
        resolved=value.resolved,
    )


# --- formatting and choosing -------------------------------------------------------------
def _check_year(year: int) -> int:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"year {year} out of range")
    return year


def _day(date: dt.date) -> _Value:
    return _Value(date.isoformat(), Granularity.DAY)


def _week(date: dt.date) -> _Value:
    year, week, _ = date.isocalendar()
    return _Value(f"{year:04d}-W{week:02d}", Granularity.WEEK)


def _month(year: int, month: int) -> _Value:
    return _Value(f"{_check_year(year):04d}-{month:02d}", Granularity.MONTH)


def _year(year: int) -> _Value:
    return _Value(f"{_check_year(year):04d}", Granularity.YEAR)


def _unknown(granularity: Granularity) -> _Value:
    return _Value(_UNKNOWN[granularity], granularity, resolved=False)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _pick(candidates: Iterable[int], pivot: int, tense: str | None, strict: bool) -> int | None:
    """Choose among candidate points (day ordinals or month indices) around ``pivot``.

    ``"past"`` takes the latest one before the pivot, ``"future"`` the earliest one after
    it (``strict`` excludes the pivot itself), None the nearest one, ties to the past.
    """
    pool = list(candidates)
    if tense == "past":
        return max((c for c in pool if c < pivot or (c == pivot and not strict)), default=None)
    if tense == "future":
        return min((c for c in pool if c > pivot or (c == pivot and not strict)), default=None)
    return min(pool, key=lambda c: (abs(c - pivot), c > pivot), default=None)


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _number(word: str) -> int | None:
    word = _words(word)
    if word in ("a", "an"):
        return 1
    if word.isdigit():
        return int(word)
    return _NUMBERS.index(word) if word in _NUMBERS else None


def _words(phrase: str | None) -> str:
    """Case-fold ``phrase`` and collapse its whitespace ("" for None).

    Case-insensitive matching lets a few non-ASCII letters through ("ſ" for "s", "K"
    for "k", "ı" for "i"); lookups of the result must therefore tolerate misses.
    """
    return " ".join((phrase or "").casefold().split())


# --- handlers, one per alternative of the grammar ----------------------------------------
def _calendar_day(
    year: str | None, month: int, day: int, published: dt.date | None, tense: str | None
) -> _Value | None:
    """A day of a month, with or without its year."""
    if year is not None:
        return _day(dt.date(int(year), month, day))
    dt.date(2000, month, day)  # a leap year: rejects only days no year has ("February 30")
    if published is None:
        return _Value(f"XXXX-{month:02d}-{day:02d}", Granularity.DAY, resolved=False)
    candidates = []
    for cand_year in range(published.year - 1, published.year + 2):
        try:
            candidates.append(dt.date(cand_year, month, day).toordinal())
        except ValueError:  # February 29 outside leap years, or beyond year 1..9999
            continue
    chosen = _pick(candidates, published.toordinal(), tense, strict=False)
    return None if chosen is None else _day(dt.date.fromordinal(chosen))


def _h_iso(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "2025-09-03"."""
    return _day(dt.date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])))


def _h_us(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "9/3/2025": US order, and only with a four-digit year."""
    return _day(dt.date(int(m["us_y"]), int(m["us_m"]), int(m["us_d"])))


def _h_mdy(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "September 3, 2025", "Sept. 3", "Wednesday, Sep 3"."""
    month, day = _month_number(m["mdy_m"]), int(m["mdy_d"])
    return _calendar_day(m["mdy_y"], month, day, published, tense)


def _h_dmy(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "3 September 2025", "the 3rd of September"."""
    month, day = _month_number(m["dmy_m"]), int(m["dmy_d"])
    return _calendar_day(m["dmy_y"], month, day, published, tense)


def _h_mon(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "September 2025", "this September", "in early September"."""
    month, modifier = _month_number(m["mon_m"]), _words(m["mon_mod"])
    if m["mon_y"] is not None:
        return _month(int(m["mon_y"]), month)
    if published is None:
        return _Value(f"XXXX-{month:02d}", Granularity.MONTH, resolved=False)
    if modifier == "this":
        return _month(published.year, month)
    strict = modifier in ("next", "last")
    if modifier in ("next", "coming", "this coming"):
        tense = "future"
    elif modifier == "last":
        tense = "past"
    years = range(published.year - 1, published.year + 2)
    pivot = published.year * 12 + published.month - 1
    chosen = _pick((y * 12 + month - 1 for y in years), pivot, tense, strict)
    return None if chosen is None else _month(chosen // 12, month)


def _h_sea(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "this summer", "the summer of 2024" (year granularity)."""
    if m["sea_y"] is not None:
        return _year(int(m["sea_y"]))
    if published is None:
        return _unknown(Granularity.YEAR)
    months = _SEASONS.get(_words(m["sea_n"]))
    if months is None:
        return None
    (first, last), direction, year = months, _words(m["sea_dir"]), published.year
    if direction == "next" and published.month >= first:
        year += 1
    elif direction == "last" and published.month <= last:
        year -= 1
    return _year(year)


def _h_rel(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "last week", "later this year", "the end of the month"."""
    unit = _words(m["rel_unit"])
    delta = {"last": -1, "next": 1}.get(_words(m["rel_dir1"] or m["rel_dir2"]), 0)
    granularity = _UNIT_GRANULARITY.get("week" if unit == "weekend" else unit)
    if granularity is None:
        return None
    if published is None:
        return _unknown(granularity)
    return _shift(published, delta, granularity)


def _h_dei(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "today", "yesterday afternoon", "the day after tomorrow"."""
    if published is None:
        return _unknown(Granularity.DAY)
    return _day(published + dt.timedelta(days=_DEICTIC_SHIFT.get(_words(m["dei_w"]), 0)))


def _h_wd(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "on Wednesday", "last Monday", "this Friday"."""
    if published is None:
        return _unknown(Granularity.DAY)
    target, modifier = _WEEKDAYS.index(m["wd_n"][:3].lower()), _words(m["wd_mod"])
    if modifier == "this":  # the one in the publication week (Monday to Sunday)
        return _day(published + dt.timedelta(days=target - published.weekday()))
    if modifier in ("last", "past", "this past"):
        tense = "past"
    elif modifier in ("next", "coming", "this coming"):
        tense = "future"
    pivot = published.toordinal()
    candidates = (pivot + k for k in range(-7, 8) if (published.weekday() + k) % 7 == target)
    # "last Wednesday" on a Wednesday is a week ago, but wire copy dated Wednesday
    # saying "said on Wednesday" means that same day.
    strict = modifier in ("last", "past", "this past", "next", "coming", "this coming")
    chosen = _pick(candidates, pivot, tense, strict=strict)
    return None if chosen is None else _day(dt.date.fromordinal(chosen))


def _h_off(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "in two weeks", "three days ago", "a year from now"."""
    direction = _words(m["off_dir"])
    if not direction and _words(m["prep"]) != "in":  # "for two weeks" is a duration
        return None
    amount, granularity = _number(m["off_n"]), _UNIT_GRANULARITY.get(_words(m["off_u"]))
    if amount is None or granularity is None:
        return None
    if published is None:
        return _unknown(granularity)
    return _shift(published, -amount if direction == "ago" else amount, granularity)


def _h_yr(m: re.Match[str], published: dt.date | None, tense: str | None) -> _Value | None:
    """Resolve "in 2024", "mid-2026", "the end of 2025"."""
    return _year(int(m["yr_y"]))


def _shift(published: dt.date, amount: int, granularity: Granularity) -> _Value:
    """The day, week, month or year ``amount`` units away from ``published``."""
    if granularity is Granularity.DAY:
        return _day(published + dt.timedelta(days=amount))
    if granularity is Granularity.WEEK:
        return _week(published + dt.timedelta(weeks=amount))
    if granularity is Granularity.MONTH:
        return _month(*_add_months(published.year, published.month, amount))
    return _year(published.year + amount)


_UNIT_GRANULARITY: Final = MappingProxyType(
    {
        "day": Granularity.DAY,
        "week": Granularity.WEEK,
        "month": Granularity.MONTH,
        "year": Granularity.YEAR,
    }
)
_DEICTIC_SHIFT: Final = MappingProxyType(
    {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
)
_HANDLERS: Final[MappingProxyType[str, _Handler]] = MappingProxyType(
    {
        "iso": _h_iso,
        "us": _h_us,
        "mdy": _h_mdy,
        "dmy": _h_dmy,
        "mon": _h_mon,
        "sea": _h_sea,
        "rel": _h_rel,
        "dei": _h_dei,
        "wd": _h_wd,
        "off": _h_off,
        "yr": _h_yr,
    }
)
