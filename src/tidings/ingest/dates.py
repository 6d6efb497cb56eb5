"""Publication dates as sources write them: ISO 8601, RFC 2822 (feeds), struct_time."""

from __future__ import annotations

import datetime as dt
import time
from email.utils import parsedate_to_datetime

__all__ = ["loose_date"]

# Written-out dates seen in dumps; all-numeric day/month orders are ambiguous and left out.
_LAYOUTS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%Y/%m/%d")


def loose_date(value: object) -> dt.date | None:
    """The calendar date in ``value``, or None when there is none to read.

    Accepts dates, datetimes, ``time.struct_time`` (feedparser), ISO 8601 strings
    (``2025-08-20``, ``2025-08-20T10:00:00Z``) and RFC 2822 strings
    (``Wed, 20 Aug 2025 10:00:00 GMT``) and written-out dates (``20 Aug 2025``,
    ``August 20, 2025``). A date a source gets wrong is metadata
    we do without, not a reason to drop the article, so nothing here raises.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _LAYOUTS:
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None
