"""A real browser against a real server: Playwright driving Debian's chromium.

The server is uvicorn on a free loopback port, serving the dashboard over a SQLite
store built from the bundled example articles (plus two multi-outlet stories and one
article carrying hostile HTML). Everything skips, saying why, when the ``playwright``
package or a chromium executable is missing; ``.ci/run`` installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tidings.api import Pipeline
from tidings.store import open_store

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "tests" / "dashboard" / "data" / "stories.jsonl"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    wanted = os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium")
    return wanted if Path(wanted).is_file() else shutil.which("chromium")


@dataclass
class Watch:
    """What a page did that a test may want to refuse: errors, dialogs, requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """The dashboard's base URL (``http://127.0.0.1:PORT``), served from a thread."""
    import uvicorn

    from tidings.web.app import create_app

    store = open_store(tmp_path_factory.mktemp("e2e") / "news.db")
    report = store.ingest([ROOT / "examples", STORIES], pipeline=pipeline)
    assert not report.failures, report.failures
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(store, environ={}), log_level="warning", lifespan="off")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()
    store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the playwright package is not installed (pip install playwright)",
    )
    executable = _chromium()
    if executable is None:
        pytest.skip("no chromium executable (apt-get install chromium, or set TIDINGS_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where screenshots go: ``$TIDINGS_SCREENSHOTS`` or ``tests/e2e/screenshots/``."""
    folder = Path(os.environ.get("TIDINGS_SCREENSHOTS") or Path(__file__).parent / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    """A fresh page that records console errors, dialogs and every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch()

    def on_console(message: Any) -> None:
        if message.type == "error":
            watch.console_errors.append(message.text)

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on("request", lambda request: watch.requests.append(request.url))
    yield page, watch
    context.close()
