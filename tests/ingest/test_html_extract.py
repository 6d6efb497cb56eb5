"""HTML pages → article text and metadata (trafilatura)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.errors import NotAnArticleError
from tidings.ingest.dates import loose_date
from tidings.ingest.html import extract_html, outlet_of

FIXTURES = Path(__file__).parent / "fixtures"


def test_body_title_date_author_outlet() -> None:
    page = (FIXTURES / "article.html").read_bytes()
    found = extract_html(page, "https://www.example-times.com/world/border-talks")
    assert "The foreign ministers of Armenia and Azerbaijan met in Geneva" in found.text
    assert "Russia called on both countries" in found.text
    for boilerplate in ("Subscribe now", "Most read", "Celebrity chef", "Cookie settings"):
        assert boilerplate not in found.text
    assert found.title == "Foreign ministers agree to resume border talks"
    assert found.published == dt.date(2025, 8, 20)
    assert found.author == "Jane Doe"
    assert found.outlet == "example-times.com"


@pytest.mark.parametrize(
    "page",
    [b"", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", b"\x00\x01\x02binary"],
)
def test_pages_without_a_body_are_rejected_with_a_reason(page: bytes) -> None:
    with pytest.raises(NotAnArticleError) as caught:
        extract_html(page, min_words=10)
    assert caught.value.reason == "no-article-body"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.ndtv.com/world/x", "ndtv.com"),
        ("http://News.Example.org:8080/a", "news.example.org"),
        (None, None),
    ],
)
def test_outlet_of(url: str | None, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-20", dt.date(2025, 8, 20)),
        ("2025-08-20T23:59:00+05:00", dt.date(2025, 8, 20)),
        ("Wed, 20 Aug 2025 10:00:00 GMT", dt.date(2025, 8, 20)),
        ("20 Aug 2025", dt.date(2025, 8, 20)),
        ("August 20, 2025", dt.date(2025, 8, 20)),
        (dt.datetime(2025, 8, 20, 12), dt.date(2025, 8, 20)),
        ("08/20/2025", None),  # ambiguous day/month order: left empty, not guessed
        ("soon", None),
        ("", None),
        (None, None),
        (20250820, None),
    ],
)
def test_loose_dates(value: object, expected: dt.date | None) -> None:
    assert loose_date(value) == expected
