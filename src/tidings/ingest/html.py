"""Article body and metadata from an HTML page, with trafilatura.

The settings were chosen on ``../shared/data/article-extraction-benchmark``
(see ``bench/extraction_f1.py`` and docs/benchmarks.md): favouring precision and
leaving out reader comments scores best, because boilerplate a page repeats
(teasers, comment threads) is what costs precision on news sites.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from tidings.errors import NotAnArticleError
from tidings.ingest.dates import loose_date

__all__ = ["Extracted", "extract_html", "outlet_of"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found on a page."""

    text: str
    title: str | None
    published: dt.date | None
    author: str | None
    outlet: str | None


def outlet_of(url: str | None) -> str | None:
    """The outlet a URL belongs to: its host name without ``www.``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def extract_html(page: str | bytes, url: str | None = None, *, min_words: int = 1) -> Extracted:
    """Extract the main text, title, date, author and outlet of an HTML page.

    Args:
        page: The page; bytes are decoded by trafilatura (meta charset, then guess).
        url: Where the page lives, used for relative links and the outlet name.
        min_words: A body with fewer words is no article (a menu, a stub).

    Raises:
        NotAnArticleError: reason ``no-article-body`` when the page has no main text
            (an index page, a paywall stub, not HTML at all).
    """
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
        )
    except (ValueError, TypeError, AttributeError) as err:  # lxml and trafilatura on odd input
        log.debug("trafilatura failed on %s: %r", url, err)
        document = None
    if isinstance(document, dict):  # only with as_dict=True, which we do not ask for
        document = None
    text = (document.text or "").strip() if document is not None else ""
    if document is None or len(text.split()) < max(min_words, 1):
        raise NotAnArticleError(
            "no-article-body",
            f"no article body found in the HTML (index page, stub or not HTML): {text[:60]!r}",
        )
    return Extracted(
        text=text,
        title=_clean(document.title),
        published=loose_date(document.date),
        author=_clean(document.author),
        outlet=outlet_of(url) or _clean(document.hostname),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
