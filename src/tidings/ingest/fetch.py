"""Fetching URLs politely and safely with httpx.

Every request has timeouts, a size cap and a User-Agent that names tidings;
429 and 5xx answers are retried with exponential backoff; redirects are followed
by hand, a limited number of times. The address guard refuses private,
loopback, link-local and other non-public addresses unless allowed: it runs
inside the connection itself, after DNS resolution, so it covers every redirect
hop and leaves no gap between checking an address and connecting to it.
"""

from __future__ import annotations

import contextlib
import email.utils
import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from tidings.config import FetchConfig
from tidings.errors import FetchError

__all__ = ["AddressPolicy", "Fetched", "Fetcher"]

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which IP addresses a fetch may connect to."""

    allow_private: bool = False
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def from_config(cls, config: FetchConfig) -> AddressPolicy:
        try:
            networks = tuple(ipaddress.ip_network(n, strict=False) for n in config.allow_networks)
        except ValueError as err:
            raise FetchError("bad-config", f"fetch.allow_networks: {err}") from err
        return cls(config.allow_private, networks)

    def allows(self, address: IPAddress) -> bool:
        """True when ``address`` is public, or allowed explicitly."""
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
        if self.allow_private or any(address in net for net in self.allow_networks):
            return True
        return address.is_global and not address.is_multicast

    def check(self, host: str, addresses: Iterable[IPAddress]) -> None:
        """Raise unless every address ``host`` resolved to is allowed."""
        for address in addresses:
            if not self.allows(address):
                raise FetchError(
                    "blocked-address",
                    f"{host} resolves to {address}, a private, loopback, link-local or "
                    "otherwise non-public address; set fetch.allow_private (or "
                    "fetch.allow_networks) to fetch from your own network",
                )


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves host names itself, checks every address, then connects to a checked one."""

    def __init__(self, policy: AddressPolicy) -> None:
        self._policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as err:
            raise httpcore.ConnectError(f"cannot resolve {host}: {err}") from err
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        self._policy.check(host, addresses)
        return super().connect_tcp(str(addresses[0]), port, timeout, local_address, socket_options)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__()
        # httpx has no public hook for the network backend; httpcore's pool takes one.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=_GuardedBackend(policy),
        )


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successfully fetched response body."""

    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case, e.g. "text/html"
    charset: str | None
    body: bytes


class Fetcher:
    """An HTTP client for articles and feeds. Use as a context manager, or call close()."""

    def __init__(self, config: FetchConfig, *, sleep: Callable[[float], None] = time.sleep) -> None:
        from tidings import __version__

        self._config = config
        self._sleep = sleep
        self._client = httpx.Client(
            transport=_GuardedTransport(AddressPolicy.from_config(config)),
            timeout=httpx.Timeout(config.timeout),
            follow_redirects=False,
            trust_env=False,  # proxies would bypass the address guard
            headers={
                "User-Agent": config.user_agent.format(version=__version__),
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """GET ``url``, following up to ``max_redirects`` redirects.

        Raises:
            FetchError: with a reason tag (see :class:`~tidings.errors.FetchError`).
        """
        for _ in range(self._config.max_redirects + 1):
            _check_url(url)
            response = self._get(url)
            if isinstance(response, Fetched):
                return response
            url = response
        raise FetchError(
            "too-many-redirects", f"more than {self._config.max_redirects} redirects: {url}"
        )

    def _get(self, url: str) -> Fetched | str:
        """One URL with retries: the response, or the URL a redirect points to."""
        attempts = self._config.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                with self._client.stream("GET", url) as response:
                    if response.status_code in _RETRY_STATUS and not last:
                        self._sleep(self._delay(attempt, response))
                        continue
                    return self._read(url, response)
            except httpx.TimeoutException as err:
                if last:
                    raise FetchError("timeout", f"{url}: timed out ({err})") from err
            except httpx.TransportError as err:
                if last:
                    raise FetchError("unreachable", f"{url}: {err or type(err).__name__}") from err
            self._sleep(self._config.backoff * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _delay(self, attempt: int, response: httpx.Response) -> float:
        delay = self._config.backoff * 2**attempt
        header = response.headers.get("Retry-After")
        if header and header.strip().isdigit():
            delay = float(header)
        elif header:
            with contextlib.suppress(TypeError, ValueError):  # unreadable: keep our backoff
                delay = email.utils.parsedate_to_datetime(header).timestamp() - time.time()
        log.debug("retrying %s after %.1fs (HTTP %d)", response.url, delay, response.status_code)
        return float(min(max(delay, 0.0), _MAX_RETRY_AFTER))

    def _read(self, url: str, response: httpx.Response) -> Fetched | str:
        status = response.status_code
        if response.is_redirect:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"http-{status}", f"{url}: redirect without a Location")
            return urljoin(url, str(location))
        if not 200 <= status < 300:
            raise FetchError(f"http-{status}", f"{url}: HTTP {status} {response.reason_phrase}")
        limit = self._config.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError("too-large", f"{url}: {int(declared):,} bytes, over {limit:,}")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise FetchError("too-large", f"{url}: more than {limit:,} bytes")
        media, _, _ = response.headers.get("Content-Type", "").partition(";")
        return Fetched(
            url=url,
            status=status,
            content_type=media.strip().lower(),
            charset=response.charset_encoding,
            body=bytes(body),
        )


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("bad-url", f"{url!r} is not an http(s) URL")
