"""`tidings export` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tidings.cli import main
from tidings.export import GDELT_COLUMNS


def test_export_gdelt_to_stdout_with_filters(export_db: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", export_db, "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) >= 2 and all(len(line.split("\t")) == 61 for line in lines)

    result = CliRunner().invoke(
        main, ["export", "--db", export_db, "--format", "plover", "--actor", "RUS"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line]
    assert records and all(r["actor"][0]["country"] == "RUS" for r in records)


def test_export_csv_to_file(export_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(
        main, ["export", "--db", export_db, "--format", "csv", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").splitlines()[0] == ",".join(GDELT_COLUMNS)


def test_export_errors_are_one_line(export_db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", export_db, "--format", "parquet"])
    assert result.exit_code == 2 and "give --out FILE" in result.stderr
    result = CliRunner().invoke(
        main, ["export", "--db", str(tmp_path / "none.db"), "--format", "gdelt"]
    )
    assert result.exit_code == 2 and "no store at" in result.stderr
    result = CliRunner().invoke(
        main, ["export", "--db", export_db, "--format", "gdelt", "--type", "NOPE"]
    )
    assert result.exit_code == 2 and "unknown event type" in result.stderr
