"""Quality in the JSON output, the terminal table, the config switch and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from tidings.api import Pipeline
from tidings.config import load_config
from tidings.errors import ConfigError
from tidings.render import print_table
from tidings.serialize import result_to_dict

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Kenya and Uganda signed a railway agreement in Nairobi on Monday, the Kenyan "
    "transport ministry said.\n\n"
    "Analysts say the line could transform regional trade.\n\n"
    "Infrastructure matters in a connected world.\n"
)


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args], capture_output=True, timeout=300, env=env
    )


def test_result_to_dict_has_quality(pipeline: Pipeline) -> None:
    result = pipeline.run(pipeline.article(TEXT, published="2025-03-03"))
    document = json.loads(json.dumps(result_to_dict(result)))
    quality = document["quality"]
    assert quality["schema"] == "tidings.quality/1"
    assert [s["role"] for s in quality["sentences"]] == ["report", "speculation", "boilerplate"]
    assert set(quality["roles"]) == {
        "report",
        "context",
        "speculation",
        "boilerplate",
        "repetition",
    }
    first = quality["sentences"][0]
    assert TEXT[first["span"]["start"] : first["span"]["end"]] == first["span"]["text"]
    assert 0 < quality["fact_share"] < 1 and quality["verdict"]


def test_table_shows_sentences_legend_and_verdict(pipeline: Pipeline) -> None:
    result = pipeline.run(pipeline.article(TEXT, published="2025-03-03"))
    out = StringIO()
    print_table(result, Console(file=out, width=160, force_terminal=True, color_system="truecolor"))
    shown = out.getvalue()
    assert "Article quality" in shown and ("Mixed" in shown or "Mostly" in shown)
    assert "■ report" in shown and "■ repetition" in shown
    assert "Analysts say the line could transform regional trade." in shown
    assert "\x1b[" in shown  # coloured


def test_quality_can_be_switched_off(pipeline: Pipeline) -> None:
    config = load_config()
    off = Pipeline(
        replace(config, quality=replace(config.quality, enabled=False)), parser=pipeline.parser
    )
    assert off.run(off.article(TEXT)).quality is None


def test_quality_config_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "tidings.toml"
    path.write_text('[quality]\nembedding = "sometimes"\n')
    with pytest.raises(ConfigError, match="embedding"):
        load_config(path)
    path.write_text("[quality]\nenabled = false\nrepeat_threshold = 0.7\n")
    config = load_config(path)
    assert not config.quality.enabled and config.quality.repeat_threshold == 0.7


def test_cli_table_and_eval_quality(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT)
    done = cli("extract", str(article), "--format", "table", "--published", "2025-03-03")
    assert done.returncode == 0, done.stderr.decode()
    shown = done.stdout.decode()
    assert "Article quality" in shown and "roles:" in shown and "speculation" in shown
    scored = cli("eval", "quality", str(ROOT / "tests/quality/fixtures"))
    assert scored.returncode == 0, scored.stderr.decode()
    assert "repetition" in scored.stdout.decode() and "accuracy" in scored.stdout.decode()
    helped = cli("eval", "quality", "--help")
    assert helped.returncode == 0 and b"Usage" in helped.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    failed = cli("eval", "quality", str(bad))
    assert failed.returncode == 2 and b"Traceback" not in failed.stderr
