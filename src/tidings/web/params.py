"""The dashboard's query strings and paths: filter form values, pages, ids, twin URLs.

Pure functions over what a request carries; bad values raise
:class:`~tidings.errors.BadInputError` (or :class:`~tidings.errors.NotFoundError`
for ids) with a one-line message the page shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from tidings.errors import BadInputError, NotFoundError

__all__ = [
    "FILTER_KEYS",
    "PAGE_SIZE",
    "form_values",
    "page_url",
    "paging",
    "record_id",
    "safe_link",
    "set_filters",
    "twin_url",
    "whole_number",
]

#: The filters of the event list, as query-string keys (``type`` mirrors ``--type``).
FILTER_KEYS = ("actor", "type", "status", "place", "since", "until", "text", "outlet")
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_OFFSET = 1_000_000_000
MAX_FILTER_CHARS = 500  # as the JSON API: a filter value is words, not a document
MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL


def form_values(params: Mapping[str, str]) -> dict[str, str]:
    """The filter form's values as given (stripped), for re-display."""
    return {key: (params.get(key) or "").strip() for key in FILTER_KEYS}


def set_filters(form: Mapping[str, str]) -> dict[str, Any]:
    """The filters actually set: an empty form field means no filter.

    Raises:
        BadInputError: a value longer than the JSON API accepts.
    """
    for key, value in form.items():
        if len(value) > MAX_FILTER_CHARS:
            raise BadInputError(
                f"{key} is {len(value):,} characters long; at most {MAX_FILTER_CHARS} are used"
            )
    return {key: value for key, value in form.items() if value}


def paging(params: Mapping[str, str]) -> tuple[int, int]:
    """The ``limit`` (page size, default :data:`PAGE_SIZE`) and ``offset`` asked for."""
    limit = whole_number("limit", params.get("limit") or str(PAGE_SIZE))
    offset = whole_number("offset", params.get("offset") or "0")
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise BadInputError(f"limit must be between 1 and {MAX_PAGE_SIZE}, got {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadInputError(f"offset must be between 0 and {MAX_OFFSET:,}, got {offset}")
    return limit, offset


def record_id(kind: str, value: str) -> int:
    """A record id from a URL path; anything else names no record.

    Raises:
        NotFoundError: not a whole number from 1 to the largest id a store keeps.
    """
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_ID):
        raise NotFoundError(f"no {kind} {value!r}: ids are whole numbers from 1")
    return int(value)


def whole_number(name: str, value: str) -> int:
    """``value`` as an int, or a BadInputError naming ``name``."""
    try:
        return int(value)
    except ValueError:
        raise BadInputError(f"{name} must be a whole number, got {value!r}") from None


def page_url(form: Mapping[str, str], limit: int, offset: int) -> str:
    """The event list's URL for another page with the same filters."""
    query = {**set_filters(form), "offset": str(max(offset, 0))}
    if limit != PAGE_SIZE:
        query["limit"] = str(limit)
    return "/events?" + urlencode(query)


def twin_url(
    path: str, filters: Mapping[str, str], *, limit: int | None = None, offset: int = 0
) -> str:
    """The JSON twin's URL: the filters set (empty form fields dropped) and the page.

    A list page gives its ``limit`` (the page size differs from the API's default)
    and its ``offset`` past the first page, so the twin returns exactly the rows shown.
    """
    query = dict(filters)
    if limit is not None:
        query["limit"] = str(limit)
    if offset:
        query["offset"] = str(offset)
    return f"{path}?{urlencode(query)}" if query else path


def safe_link(url: str | None) -> str | None:
    """``url`` if a page may link it (``http``/``https``), else ``None``.

    A stored article's URL comes from its source; ``javascript:`` or ``data:`` URLs
    must never become links, whatever escaping does to them.
    """
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None
