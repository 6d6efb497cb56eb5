"""The command line: output formats and one-line errors for bad input (never a traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "modi-macron-paris.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env=env,
    )


def test_extract_json() -> None:
    done = run("extract", str(EXAMPLE), "--published", "2025-10-14", "--outlet", "example.org")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["article"]["published"] == "2025-10-14"
    assert any(e["event_type"] == "CONSULT" for e in document["events"])
    for event in document["events"]:
        for span in event["evidence"]:
            assert EXAMPLE.read_text()[span["start"] : span["end"]] == span["text"]


def test_extract_jsonl_from_stdin_and_table() -> None:
    done = run("extract", "-", "--format", "jsonl", stdin=EXAMPLE.read_bytes())
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert lines and all(json.loads(line)["schema"] == "tidings.mention/1" for line in lines)
    table = run("extract", str(EXAMPLE), "--format", "table", "--published", "2025-10-14")
    assert table.returncode == 0
    assert "CONSULT" in table.stdout.decode() and "evidence" in table.stdout.decode()


@pytest.mark.parametrize(
    ("content", "extra", "code", "needle"),
    [
        (b"", (), 3, "empty"),
        (b"   \n  ", (), 3, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", (), 3, "binary"),
        (b"caf\xe9 cr\xe8me and the rest", (), 3, "UTF-8"),
        (
            "Les ministres des deux pays se sont réunis à Genève lundi et ont convenu de "
            "reprendre les négociations sur le différend frontalier.".encode(),
            (),
            3,
            "English",
        ),
        (b"The talks went well. " * 100, ("--max-bytes", "200"), 3, "limit"),
        (b"The talks went well.", ("--published", "yesterday"), 2, "YYYY-MM-DD"),
    ],
)
def test_bad_input_is_one_line_error(
    tmp_path: Path, content: bytes, extra: tuple[str, ...], code: int, needle: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    done = run("extract", str(path), *extra)
    stderr = done.stderr.decode()
    assert done.returncode == code
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert needle in stderr


@pytest.mark.parametrize("target", ["/nonexistent/article.txt", "."])
def test_missing_file_or_directory(target: str) -> None:
    done = run("extract", target)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr.decode()
    assert done.stderr.decode().startswith("tidings: error:")


def test_help_for_every_command() -> None:
    for args in (["--help"], ["extract", "--help"]):
        done = run(*args)
        assert done.returncode == 0
        assert b"Usage" in done.stdout
