"""Running the app under uvicorn on a socket bound here, so a taken port is a clean error."""

from __future__ import annotations

import ipaddress
import socket

import uvicorn
from fastapi import FastAPI

from tidings.errors import BadInputError

__all__ = ["bind", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``.

    Raises:
        BadInputError: the port is taken, or the host is not an address of this machine.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise BadInputError(f"cannot listen on {host!r}: {err.strerror}") from err
    family, kind, proto, _, address = infos[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
        listener.listen(128)
    except OSError as err:
        listener.close()
        hint = "; pick another with --port" if err.errno == 98 else ""
        raise BadInputError(f"cannot listen on {host}:{port}: {err.strerror}{hint}") from err
    return listener


def serve(app: FastAPI, listener: socket.socket, *, log_level: str = "info") -> None:
    """Serve ``app`` on ``listener`` until interrupted (Ctrl-C)."""
    server = uvicorn.Server(uvicorn.Config(app, log_level=log_level, access_log=False))
    server.run(sockets=[listener])
