"""HTTP fetching against a local server on loopback: redirects, retries, limits, the guard."""

from __future__ import annotations

import contextlib
import ipaddress
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tidings.config import FetchConfig, load_config
from tidings.errors import FetchError
from tidings.ingest.fetch import AddressPolicy, Fetcher

PAGE = b"<html><head><title>T</title></head><body><p>Hello.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    hits: Counter[str]
    port: int  # set once the server is bound

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        # The client may give up mid-answer (size limit, timeout): expected here.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self) -> None:
        self.hits[self.path] += 1
        count = self.hits[self.path]
        port = self.port
        if self.path == "/page":
            self._send(200, PAGE)
        elif self.path == "/ua":
            self._send(200, self.headers["User-Agent"].encode(), "text/plain")
        elif self.path.startswith("/redirect/"):
            left = int(self.path.rsplit("/", 1)[1])
            self._redirect("/page" if left == 0 else f"/redirect/{left - 1}")
        elif self.path == "/elsewhere":
            self._redirect(f"http://127.0.0.2:{port}/page")
        elif self.path == "/flaky":
            if count == 1:
                self._send(429, b"slow down", headers={"Retry-After": "2"})
            elif count == 2:
                self._send(503, b"busy")
            else:
                self._send(200, PAGE)
        elif self.path == "/down":
            self._send(503, b"busy")
        elif self.path == "/big":
            self._send(200, b"x" * 5000)
        elif self.path == "/big-unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # HTTP/1.0 without Content-Length: the body runs to close
            for _ in range(10):
                self.wfile.write(b"y" * 1000)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE)
        else:
            self._send(404, b"not here")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[tuple[str, Counter[str]]]:
    hits: Counter[str] = Counter()
    handler: type[Handler] = type("H", (Handler,), {"hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.port = httpd.server_port
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def settings(**changes: object) -> FetchConfig:
    """Fetch settings that allow exactly 127.0.0.1 (the test server) and retry fast."""
    base = replace(load_config().fetch, allow_networks=("127.0.0.1/32",), backoff=0.5, timeout=5.0)
    return replace(base, **changes)  # type: ignore[arg-type]


def fetcher(delays: list[float] | None = None, **changes: object) -> Fetcher:
    record = delays.append if delays is not None else (lambda _: None)
    return Fetcher(settings(**changes), sleep=record)


def test_page_with_polite_user_agent(server: tuple[str, Counter[str]]) -> None:
    base, _ = server
    with fetcher() as client:
        page = client.fetch(f"{base}/page")
        agent = client.fetch(f"{base}/ua").body.decode()
    assert page.status == 200 and page.body == PAGE
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert agent.startswith("tidings/") and "polite" in agent


def test_loopback_refused_unless_allowed(server: tuple[str, Counter[str]]) -> None:
    base, hits = server
    port = base.rsplit(":", 1)[1]
    with Fetcher(load_config().fetch) as client:  # the shipped defaults: no private addresses
        for url in (f"{base}/page", f"http://localhost:{port}/page", f"http://[::1]:{port}/"):
            with pytest.raises(FetchError) as caught:
                client.fetch(url)
            assert caught.value.reason == "blocked-address"
    assert sum(hits.values()) == 0  # refused before any connection
    with Fetcher(replace(load_config().fetch, allow_private=True)) as client:
        assert client.fetch(f"{base}/page").status == 200


def test_redirects_followed_up_to_the_limit(server: tuple[str, Counter[str]]) -> None:
    base, _ = server
    with fetcher(max_redirects=3) as client:
        assert client.fetch(f"{base}/redirect/2").url == f"{base}/page"
        with pytest.raises(FetchError) as caught:
            client.fetch(f"{base}/redirect/5")
    assert caught.value.reason == "too-many-redirects"


def test_redirect_to_a_refused_address_is_refused(server: tuple[str, Counter[str]]) -> None:
    base, _ = server
    with fetcher() as client, pytest.raises(FetchError) as caught:
        client.fetch(f"{base}/elsewhere")  # to 127.0.0.2, outside the allowed 127.0.0.1/32
    assert caught.value.reason == "blocked-address"
    assert "127.0.0.2" in str(caught.value)


def test_429_and_5xx_are_retried_with_backoff(server: tuple[str, Counter[str]]) -> None:
    base, hits = server
    delays: list[float] = []
    with fetcher(delays) as client:
        assert client.fetch(f"{base}/flaky").body == PAGE
    assert hits["/flaky"] == 3
    assert delays == [2.0, 1.0]  # Retry-After first, then backoff 0.5 * 2**1


def test_retries_give_up(server: tuple[str, Counter[str]]) -> None:
    base, hits = server
    with fetcher(retries=2) as client, pytest.raises(FetchError) as caught:
        client.fetch(f"{base}/down")
    assert caught.value.reason == "http-503" and hits["/down"] == 3


def test_client_errors_are_not_retried(server: tuple[str, Counter[str]]) -> None:
    base, hits = server
    with fetcher() as client, pytest.raises(FetchError) as caught:
        client.fetch(f"{base}/missing")
    assert caught.value.reason == "http-404" and hits["/missing"] == 1


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_size_limit(server: tuple[str, Counter[str]], path: str) -> None:
    base, _ = server
    with fetcher(max_bytes=1000) as client, pytest.raises(FetchError) as caught:
        client.fetch(base + path)
    assert caught.value.reason == "too-large"


def test_timeout(server: tuple[str, Counter[str]]) -> None:
    base, _ = server
    with fetcher(timeout=0.3, retries=0) as client, pytest.raises(FetchError) as caught:
        client.fetch(f"{base}/slow")
    assert caught.value.reason == "timeout"


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "http:///nohost"])
def test_only_http_urls(url: str) -> None:
    with fetcher() as client, pytest.raises(FetchError) as caught:
        client.fetch(url)
    assert caught.value.reason == "bad-url"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata service
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("93.184.215.14", True),
        ("2606:4700::6810:85e5", True),
    ],
)
def test_address_policy(address: str, public: bool) -> None:
    ip = ipaddress.ip_address(address)
    assert AddressPolicy().allows(ip) is public
    assert AddressPolicy(allow_private=True).allows(ip)
    allowed = AddressPolicy(allow_networks=(ipaddress.ip_network("10.0.0.0/8"),))
    assert allowed.allows(ip) is (public or address.startswith("10."))
