"""The dashboard's query strings: form values, filters set, pages, ids and twin URLs."""

from __future__ import annotations

import pytest

from tidings.errors import BadInputError, NotFoundError
from tidings.web.params import (
    FILTER_KEYS,
    PAGE_SIZE,
    form_values,
    page_url,
    paging,
    record_id,
    safe_link,
    set_filters,
    twin_url,
)


def test_form_keeps_every_filter_key_and_only_those_set_filter() -> None:
    form = form_values({"actor": " RUS ", "type": "", "status": "denied", "junk": "x"})
    assert set(form) == set(FILTER_KEYS)
    assert form["actor"] == "RUS" and form["place"] == ""
    assert set_filters(form) == {"actor": "RUS", "status": "denied"}


def test_overlong_filter_values_are_refused_not_cut() -> None:
    with pytest.raises(BadInputError, match="text is 501 characters long; at most 500"):
        set_filters(form_values({"text": "w" * 501}))


@pytest.mark.parametrize(
    ("query", "expected"),
    [({}, (PAGE_SIZE, 0)), ({"limit": "10", "offset": "20"}, (10, 20)), ({"limit": ""}, (50, 0))],
)
def test_paging(query: dict[str, str], expected: tuple[int, int]) -> None:
    assert paging(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"limit": "0"}, "limit must be between 1 and 500, got 0"),
        ({"limit": "ten"}, "limit must be a whole number, got 'ten'"),
        ({"offset": "-1"}, "offset must be between 0 and 1,000,000,000, got -1"),
    ],
)
def test_bad_paging(query: dict[str, str], message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        paging(query)


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1.5", "٣", "2147483648", ""])
def test_ids_that_name_no_record(value: str) -> None:
    with pytest.raises(NotFoundError, match="no event"):
        record_id("event", value)


def test_ids_and_urls() -> None:
    assert record_id("article", "2147483647") == 2**31 - 1
    form = form_values({"status": "denied", "actor": "A&B"})
    assert page_url(form, 50, 100) == "/events?actor=A%26B&status=denied&offset=100"
    assert page_url(form, 10, 0) == "/events?actor=A%26B&status=denied&offset=0&limit=10"
    filters = set_filters(form)
    assert twin_url("/api/events", filters, limit=50) == (
        "/api/events?actor=A%26B&status=denied&limit=50"
    )
    assert twin_url("/api/events", {}, limit=50, offset=50) == "/api/events?limit=50&offset=50"
    assert twin_url("/api/places", {}) == "/api/places"


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        (" HTTP://example.org ", "HTTP://example.org"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//example.org/x", None),
        ("", None),
        (None, None),
    ],
)
def test_only_web_urls_become_links(url: str | None, link: str | None) -> None:
    assert safe_link(url) == link
