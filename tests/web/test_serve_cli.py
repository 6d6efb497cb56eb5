"""`tidings serve`: it answers over real HTTP on loopback, and fails cleanly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **extra}
    for name in ("TIDINGS_DB", "TIDINGS_TOKEN", "TIDINGS_READ_TOKEN"):
        if name not in extra:
            env.pop(name, None)
    return env


def _serve(*args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", *args],
        env=_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_answers_on_loopback_and_guards_writes(example_db: Path) -> None:
    port = _free_port()
    server = _serve("--db", str(example_db), "--port", str(port), TIDINGS_TOKEN="cli-token")
    base = f"http://127.0.0.1:{port}"
    try:
        health = None
        for _ in range(150):
            try:
                health = httpx.get(f"{base}/api/health", timeout=2)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read() if server.stderr else "server exited")
                time.sleep(0.2)
        assert health is not None and health.status_code == 200
        assert health.json()["articles"] >= 10
        refused = httpx.post(f"{base}/api/ingest", json={"text": "x"})
        assert refused.status_code == 401 and refused.json()["status"] == 401
        assert httpx.get(f"{base}/api/openapi.json").json()["info"]["title"] == "tidings"
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"on http://127.0.0.1:{port}/" in err


def test_taken_port_is_a_clean_error(example_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = _serve("--db", str(example_db), "--port", str(port))
        _, err = done.communicate(timeout=60)
    assert done.returncode == 2
    assert err.startswith(f"tidings: error: cannot listen on 127.0.0.1:{port}")
    assert "Traceback" not in err


def test_missing_store_is_a_clean_error(tmp_path: Path) -> None:
    done = _serve("--db", str(tmp_path / "none.db"))
    _, err = done.communicate(timeout=60)
    assert done.returncode == 2 and "no store at" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    from tidings.web.server import is_loopback

    assert is_loopback(host) is loopback


def test_unknown_host_is_bad_input() -> None:
    from tidings.errors import BadInputError
    from tidings.web.server import bind

    with pytest.raises(BadInputError, match=r"cannot listen on 'no-such-host\.invalid'"):
        bind("no-such-host.invalid", 0)
