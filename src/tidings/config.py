"""Settings: shipped defaults (``defaults.toml``) overridden key by key by a user file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from tidings.errors import ConfigError

_R = TypeVar("_R")

__all__ = [
    "Config",
    "FetchConfig",
    "FieldNames",
    "IngestConfig",
    "QualityConfig",
    "ScaleConfig",
    "ServeConfig",
    "load_config",
]


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How URLs are fetched (``[fetch]`` in ``defaults.toml``)."""

    timeout: float
    max_bytes: int
    max_redirects: int
    retries: int
    backoff: float
    user_agent: str
    allow_private: bool
    allow_networks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IngestConfig:
    """How sources become articles (``[ingest]`` in ``defaults.toml``)."""

    extensions: tuple[str, ...]
    feed_min_words: int
    html_min_words: int
    batch_size: int
    shingle_words: int
    minhash_permutations: int
    minhash_bands: int
    near_duplicate_threshold: float


@dataclass(frozen=True, slots=True)
class FieldNames:
    """Which JSONL keys / CSV columns hold which article field (``[fields]``)."""

    text: str
    html: str
    title: str
    published: str
    outlet: str
    url: str
    author: str


@dataclass(frozen=True, slots=True)
class QualityConfig:
    """Article quality: sentence roles and repetition (``[quality]`` in ``defaults.toml``)."""

    enabled: bool
    embedding: str
    embedding_package: str
    overlap_decides: float
    overlap_floor: float
    repeat_threshold: float
    embedding_weight: float
    same_event_bonus: float

    def __post_init__(self) -> None:
        modes = ("off", "ambiguous", "all")
        if self.embedding not in modes:
            raise ConfigError(f"quality.embedding must be one of {modes}, got {self.embedding!r}")


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """The HTTP API (``[serve]`` in ``defaults.toml``); tokens empty: none set."""

    token: str
    read_token: str
    max_body_bytes: int

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ConfigError(f"serve.max_body_bytes must be at least 1, got {self.max_body_bytes}")

    def __repr__(self) -> str:  # never print the tokens
        return (
            f"ServeConfig(token={'***' if self.token else ''!r}, "
            f"read_token={'***' if self.read_token else ''!r}, "
            f"max_body_bytes={self.max_body_bytes})"
        )


@dataclass(frozen=True, slots=True)
class ScaleConfig:
    """Dask engine and Parquet output (``[scale]`` in ``defaults.toml``)."""

    connect_timeout: float
    batches_per_worker: int
    articles_per_part: int


@dataclass(frozen=True, slots=True)
class Config:
    """Every tunable setting; see ``defaults.toml`` for what each key means."""

    max_bytes: int
    min_words_for_language_check: int
    min_english_ratio: float
    models: tuple[str, ...]
    batch_size: int
    min_confidence: float
    sentence_types: bool
    sentence_type_floor: float
    fetch: FetchConfig
    ingest: IngestConfig
    fields: FieldNames
    quality: QualityConfig
    serve: ServeConfig
    scale: ScaleConfig


_KEYS = {
    ("input", "max_bytes"): int,
    ("input", "min_words_for_language_check"): int,
    ("input", "min_english_ratio"): float,
    ("nlp", "models"): list,
    ("nlp", "batch_size"): int,
    ("extract", "min_confidence"): float,
    ("extract", "sentence_types"): bool,
    ("extract", "sentence_type_floor"): float,
}


_SECTIONS = {
    "fetch": FetchConfig,
    "ingest": IngestConfig,
    "fields": FieldNames,
    "quality": QualityConfig,
    "serve": ServeConfig,
    "scale": ScaleConfig,
}


def _section(cls: type[_R], values: dict[str, Any]) -> _R:
    """Build a section record; TOML arrays become tuples so the record stays immutable."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def _merge(base: dict[str, Any], override: dict[str, Any], origin: str) -> dict[str, Any]:
    merged = {section: dict(values) for section, values in base.items()}
    for section, values in override.items():
        if section not in merged or not isinstance(values, dict):
            raise ConfigError(f"{origin}: unknown section [{section}]; known: {sorted(merged)}")
        for key, value in values.items():
            expected = _KEYS.get((section, key))
            if expected is None and section in _SECTIONS and key in merged[section]:
                # Sections read into their own records take their types from the defaults.
                expected = type(merged[section][key])
            if expected is None:
                raise ConfigError(
                    f"{origin}: unknown key {section}.{key}; known: {sorted(merged[section])}"
                )
            if expected is float and isinstance(value, int):
                value = float(value)
            wrong_bool = isinstance(value, bool) and expected is not bool
            if not isinstance(value, expected) or wrong_bool:
                raise ConfigError(
                    f"{origin}: {section}.{key} must be {expected.__name__}, got {value!r}"
                )
            merged[section][key] = value
    return merged


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Load the shipped defaults, then ``path`` (a TOML file) and keyword overrides.

    Keyword overrides use the flat field names of :class:`Config`, e.g.
    ``load_config(max_bytes=10_000)``.
    """
    text = resources.files("tidings").joinpath("defaults.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError as err:
            raise ConfigError(f"config file not found: {path}") from err
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"config file {path} is not valid TOML: {err}") from err
        data = _merge(data, user, str(path))
    config = Config(
        max_bytes=data["input"]["max_bytes"],
        min_words_for_language_check=data["input"]["min_words_for_language_check"],
        min_english_ratio=data["input"]["min_english_ratio"],
        models=tuple(data["nlp"]["models"]),
        batch_size=data["nlp"]["batch_size"],
        min_confidence=data["extract"]["min_confidence"],
        sentence_types=data["extract"]["sentence_types"],
        sentence_type_floor=data["extract"]["sentence_type_floor"],
        fetch=_section(FetchConfig, data["fetch"]),
        ingest=_section(IngestConfig, data["ingest"]),
        fields=_section(FieldNames, data["fields"]),
        quality=_section(QualityConfig, data["quality"]),
        serve=_section(ServeConfig, data["serve"]),
        scale=_section(ScaleConfig, data["scale"]),
    )
    unknown = set(overrides) - set(Config.__slots__)
    if unknown:
        raise ConfigError(f"unknown settings {sorted(unknown)}; known: {list(Config.__slots__)}")
    return replace(config, **overrides)
