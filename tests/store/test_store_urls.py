"""Ingest from URLs served on loopback: pages, a feed of links, failures, no refetching."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import tidings
from tidings.api import Pipeline
from tidings.config import Config, load_config

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PAGES = {
    "/a": ("Kenyan police arrest protesters", "nairobi-protest-arrests.txt"),
    "/b": ("EU sanctions Iranian firms", "eu-sanctions-iran.txt"),
}


def page(title: str, example: str) -> bytes:
    paragraphs = "".join(
        f"<p>{line}</p>" for line in (EXAMPLES / example).read_text().splitlines() if line.strip()
    )
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>(c) Loopback News</footer>"
        "</body></html>"
    ).encode()


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<pubDate>Mon, 01 Sep 2025 10:00:00 GMT</pubDate><description>Short.</description></item>"
        for path, (title, _) in PAGES.items()
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    hits: Counter[str]
    port: int  # set once the server is bound

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        base = f"http://127.0.0.1:{self.port}"
        if self.path == "/feed.xml":
            self._send(feed(base), "application/rss+xml")
        elif self.path in PAGES:
            self._send(page(*PAGES[self.path]), "text/html; charset=utf-8")
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[tuple[str, Counter[str]]]:
    hits: Counter[str] = Counter()
    handler: type[Handler] = type("H", (Handler,), {"hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.port = httpd.server_port
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def loopback_config() -> Config:
    config = load_config()
    fetch = replace(config.fetch, allow_networks=("127.0.0.1/32",), retries=0)
    return replace(config, fetch=fetch)


def test_feed_of_links_and_url_list(
    server: tuple[str, Counter[str]], pipeline: Pipeline, tmp_path: Path, db_url: str
) -> None:
    base, hits = server
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{base}/a\n{base}/missing\n")
    with tidings.open(db_url, loopback_config()) as store:
        report = store.ingest([f"{base}/feed.xml", urls], pipeline=pipeline)
        # feed: /a and /b; list: /a again (same URL: skipped in-run) and /missing (404)
        assert (report.added, report.skipped, report.reasons()) == (2, 1, {"http-404": 1})
        stored = {a.url: a for a in store.articles()}
        assert set(stored) == {f"{base}/a", f"{base}/b"}
        assert stored[f"{base}/a"].title == "Kenyan police arrest protesters"  # from the feed
        assert str(stored[f"{base}/a"].published) == "2025-09-01"
        assert stored[f"{base}/a"].outlet == "127.0.0.1"
        assert hits["/a"] == 1

        again = store.ingest([f"{base}/feed.xml", urls], pipeline=pipeline)
        assert again.added == 0 and again.reasons() == {"http-404": 1}
        assert hits["/a"] == hits["/b"] == 1  # known URLs are never fetched again
        assert hits["/feed.xml"] == 2  # feeds are re-read for new entries


def test_private_addresses_refused_by_default(
    server: tuple[str, Counter[str]], pipeline: Pipeline, tmp_path: Path
) -> None:
    base, hits = server
    with tidings.open(tmp_path / "t.db") as store:
        report = store.ingest([f"{base}/a"], pipeline=pipeline)
    assert report.reasons() == {"blocked-address": 1} and report.added == 0
    assert sum(hits.values()) == 0
