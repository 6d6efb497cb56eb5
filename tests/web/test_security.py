"""Tokens: where they come from, which wins, and what each check lets through."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.config import load_config
from tidings.errors import ConfigError
from tidings.web.errors import HTTPError
from tidings.web.security import Tokens, check_read, check_write, tokens_from


def test_config_file_sets_tokens_and_the_environment_wins(tmp_path: Path) -> None:
    path = tmp_path / "serve.toml"
    path.write_text('[serve]\ntoken = "from-file"\nmax_body_bytes = 4096\n', "utf-8")
    config = load_config(path)
    assert config.serve.max_body_bytes == 4096
    assert tokens_from(config, {}) == Tokens("from-file", None)
    assert tokens_from(config, {"TIDINGS_TOKEN": "from-env"}).write == "from-env"
    assert tokens_from(config, {"TIDINGS_READ_TOKEN": "r"}) == Tokens("from-file", "r")
    assert tokens_from(load_config(), {"TIDINGS_TOKEN": ""}) == Tokens(None, None)
    assert "from-file" not in repr(config.serve) and "from-file" not in repr(config)
    assert "from-env" not in repr(tokens_from(config, {"TIDINGS_TOKEN": "from-env"}))


def test_bad_serve_settings_are_config_errors(tmp_path: Path) -> None:
    path = tmp_path / "serve.toml"
    path.write_text("[serve]\nmax_body_bytes = 0\n", "utf-8")
    with pytest.raises(ConfigError, match="max_body_bytes"):
        load_config(path)
    path.write_text("[serve]\ntoken = 12\n", "utf-8")
    with pytest.raises(ConfigError, match=r"serve\.token must be str"):
        load_config(path)


@pytest.mark.parametrize(
    ("header", "allowed"),
    [
        ("Bearer w", True),
        ("bearer w", True),
        ("Bearer  w ", True),
        ("Bearer r", False),
        ("Basic w", False),
        ("w", False),
        ("Bearer ", False),
        (None, False),
    ],
)
def test_write_check(header: str | None, allowed: bool) -> None:
    tokens = Tokens(write="w", read="r")
    if allowed:
        check_write(tokens, header)
    else:
        with pytest.raises(HTTPError) as caught:
            check_write(tokens, header)
        assert caught.value.status == 401 and caught.value.headers == {"WWW-Authenticate": "Bearer"}


def test_writes_without_a_configured_token_are_forbidden() -> None:
    with pytest.raises(HTTPError) as caught:
        check_write(Tokens(None, None), "Bearer anything")
    assert caught.value.status == 403 and "TIDINGS_TOKEN" in caught.value.message


def test_read_check() -> None:
    check_read(Tokens("w", None), None)  # open reads
    closed = Tokens("w", "r")
    check_read(closed, "Bearer r")
    check_read(closed, "Bearer w")  # the write token reads too
    for header in (None, "Bearer x", "Bearer"):
        with pytest.raises(HTTPError) as caught:
            check_read(closed, header)
        assert caught.value.status == 401
    with pytest.raises(HTTPError):
        check_read(Tokens(None, "r"), "Bearer w")  # no write token: nothing else reads
