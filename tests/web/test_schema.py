"""Schemathesis against the served OpenAPI schema: generated requests to every route
(POST ones with the token) must get documented, schema-conforming answers, never a 500."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import BaseSchema
from schemathesis.checks import positive_data_acceptance

from tidings.api import Pipeline
from tidings.web import create_app

TOKEN = "schema-test-token"


@pytest.fixture(scope="module")
def api_schema(
    example_db: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[BaseSchema]:
    copy = tmp_path_factory.mktemp("schema") / "schema.db"
    shutil.copy(example_db, copy)  # POST /api/ingest writes
    app = create_app(copy, environ={"TIDINGS_TOKEN": TOKEN}, pipeline=pipeline)
    with TestClient(app):  # runs the app's startup and shutdown
        yield schemathesis.openapi.from_asgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: schemathesis.Case[Any]) -> None:
    # Whether a posted text is an English news article no schema can say: the POST
    # routes may answer a schema-valid body with 422 (not-an-article), as documented.
    excluded = [positive_data_acceptance] if case.method == "POST" else []
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=excluded)
