"""Every /api endpoint through FastAPI's in-process client, on the example store."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

import tidings
from tidings.api import Pipeline
from tidings.web import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOKEN = "test-write-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(example_db: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(example_db, environ={"TIDINGS_TOKEN": TOKEN}, pipeline=pipeline)
    with TestClient(app) as test_client:
        yield test_client


class _Answer(Protocol):
    """What a test client's response offers (Starlette's client may not be httpx's)."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    def json(self) -> Any: ...


def _error(response: _Answer, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["error"] and body["message"]
    assert "\n" not in str(body["message"])
    return body


def test_health_counts_the_store(client: TestClient, example_db: Path) -> None:
    body = client.get("/api/health").json()
    with tidings.open(example_db) as store:
        counts = store.counts()
    assert body["status"] == "ok" and body["database"] == "sqlite"
    assert (body["articles"], body["mentions"]) == (counts["articles"], counts["events"])


def test_events_filters_and_pages_like_the_store(client: TestClient, example_db: Path) -> None:
    with tidings.open(example_db) as store:
        expected = [e.to_dict() for e in store.linked_events(type="CONSULT", limit=None)]
        everything = [e.id for e in store.linked_events(limit=None)]
    assert expected
    assert client.get("/api/events", params={"type": "CONSULT"}).json() == expected
    pages = [
        e["id"]
        for offset in range(0, len(everything), 4)
        for e in client.get("/api/events", params={"limit": 4, "offset": offset}).json()
    ]
    assert pages == everything
    occurred = client.get("/api/events", params={"status": "occurred", "limit": 1000}).json()
    assert occurred and all(e["status"] == "occurred" for e in occurred)


def test_event_detail_links_evidence_into_articles(client: TestClient) -> None:
    listed = client.get("/api/events", params={"limit": 1000}).json()
    for summary in listed:
        detail = client.get(f"/api/events/{summary['id']}").json()
        assert detail["id"] == summary["id"] and detail["timeline"]
        for step in detail["timeline"]:
            text = client.get(f"/api/articles/{step['article']['id']}").json()["text"]
            assert [text[s["start"] : s["end"]] for s in step["spans"]] == step["evidence"]


def test_mentions_articles_and_detail(client: TestClient) -> None:
    mentions = client.get("/api/mentions", params={"actor": "NATO", "limit": 1000}).json()
    assert mentions and all(m["schema"] == "tidings.mention/1" for m in mentions)
    articles = client.get("/api/articles", params={"limit": 1000}).json()
    assert len(articles) == len(list(EXAMPLES.glob("*.txt"))) + 1
    assert all("text" not in a for a in articles)
    detail = client.get(f"/api/articles/{mentions[0]['article']['id']}").json()
    assert mentions[0]["id"] in {m["id"] for m in detail["mentions"]}
    roles = {s["role"] for s in detail["quality"]["sentences"]}
    assert roles <= {"report", "context", "speculation", "boilerplate", "repetition"} and roles
    for sentence in detail["quality"]["sentences"]:
        span = sentence["span"]
        assert detail["text"][span["start"] : span["end"]] == span["text"]


def test_actors_network_places_search(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 1000}).json()
    assert actors and all(a["mentions"] == a["as_actor"] + a["as_recipient"] for a in actors)
    network = client.get("/api/network").json()
    codes = {a["code"] for a in network["nodes"]}
    assert network["edges"] and all({e["source"], e["target"]} <= codes for e in network["edges"])
    places = client.get("/api/places").json()
    assert any(p["name"] == "Brussels" and p["lat"] is not None for p in places)
    found = client.get("/api/search", params={"q": "ministers"}).json()
    assert found["query"] == "ministers" and found["articles"]
    assert any(
        a["code"] == "NATO" or "NATO" in a["code"]
        for a in client.get("/api/search", params={"q": "nato"}).json()["actors"]
    )


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/api/events/99999", 404, "no event 99999"),
        ("/api/articles/99999", 404, "no article 99999"),
        ("/api/articles/0", 422, "article_id"),
        ("/api/events?type=PARTY", 422, "type"),
        ("/api/events?since=yesterday", 422, "since"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?limit=5000", 422, "limit"),
        ("/api/search?q=", 422, "q"),
        ("/api/events?text=cease%00fire", 422, "text"),
        ("/api/events?since=2025-02-30", 400, "2025-02-30"),
        ("/api/no-such-thing", 404, "Not Found"),
    ],
)
def test_errors_are_json(client: TestClient, path: str, status: int, fragment: str) -> None:
    assert fragment in str(_error(client.get(path), status)["message"])


def test_wrong_method_is_json(client: TestClient) -> None:
    _error(client.delete("/api/events"), 405)


def test_hostile_html_is_escaped_in_pages_and_verbatim_in_json(
    client: TestClient, hostile: Any
) -> None:
    listed = client.get("/api/articles", params={"text": "Reporters Brussels"})
    assert listed.headers["content-type"] == "application/json"
    (article,) = [a for a in listed.json() if a["title"] == hostile.title]
    # The dashboard's article page (tidings.web.pages) shows the title and text escaped.
    page = client.get(f"/articles/{article['id']}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>alert" not in page.text and "<img" not in page.text
    assert str(escape(hostile.title)) in page.text
    assert str(escape(hostile.markup)) in page.text
    detail = client.get(f"/api/articles/{article['id']}")
    assert json.loads(detail.text)["text"] == hostile.text
    assert hostile.markup in detail.json()["text"]


class TestWrites:
    """POST routes: the token, the body limit, and what they return."""

    @pytest.fixture()
    def writer(self, db_copy: Path, pipeline: Pipeline) -> Iterator[TestClient]:
        app = create_app(db_copy, environ={"TIDINGS_TOKEN": TOKEN}, pipeline=pipeline)
        with TestClient(app) as test_client:
            yield test_client

    def test_writes_need_the_token(self, writer: TestClient) -> None:
        body = {"text": "Some text."}
        for path in ("/api/ingest", "/api/extract"):
            missing = _error(writer.post(path, json=body), 401)
            assert "Bearer" in str(missing["message"])
            wrong = writer.post(path, json=body, headers={"Authorization": "Bearer nope"})
            assert _error(wrong, 401)["message"] == "the token is not valid for this endpoint"
            assert wrong.headers["www-authenticate"] == "Bearer"

    def test_writes_are_refused_without_a_configured_token(
        self, db_copy: Path, pipeline: Pipeline
    ) -> None:
        app = create_app(db_copy, environ={}, pipeline=pipeline)
        with TestClient(app) as closed:
            refused = closed.post("/api/ingest", json={"text": "x"}, headers=AUTH)
            assert "TIDINGS_TOKEN" in str(_error(refused, 403)["message"])

    def test_extract_analyses_without_storing(self, writer: TestClient) -> None:
        text = (EXAMPLES / "pyongyang-threat.txt").read_text("utf-8")
        before = writer.get("/api/health").json()["articles"]
        found = writer.post(
            "/api/extract", json={"text": text, "published": "2025-09-03"}, headers=AUTH
        )
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["article"]["published"] == "2025-09-03"
        assert any(e["event_type"] == "THREATEN" for e in body["events"])
        assert body["quality"]["sentences"]
        assert writer.get("/api/health").json()["articles"] == before

    def test_ingest_stores_once(self, writer: TestClient) -> None:
        text = (
            "Chile and Peru signed a fisheries agreement in Lima on Monday, the two "
            "governments said, ending a dispute that had lasted for several years."
        )
        posted = {"text": text, "title": "Fisheries deal", "published": "2025-10-06"}
        first = writer.post("/api/ingest", json=posted, headers=AUTH)
        assert first.status_code == 201, first.text
        stored = first.json()
        assert stored["added"] and stored["events"] >= 1
        again = writer.post("/api/ingest", json=posted, headers=AUTH)
        assert again.status_code == 200 and again.json()["article_id"] == stored["article_id"]
        assert not again.json()["added"]
        detail = writer.get(f"/api/articles/{stored['article_id']}").json()
        assert detail["title"] == "Fisheries deal" and detail["text"] == text
        assert len(detail["mentions"]) == stored["events"]

    def test_not_an_article_is_422(self, writer: TestClient) -> None:
        french = {"text": "Le président a rencontré le premier ministre à Paris hier soir " * 3}
        refused = _error(writer.post("/api/ingest", json=french, headers=AUTH), 422)
        assert refused["error"] == "not-an-article:not-english"

    def test_bad_bodies(self, writer: TestClient) -> None:
        _error(writer.post("/api/ingest", json={"title": "no text"}, headers=AUTH), 422)
        _error(writer.post("/api/ingest", json={"text": "x", "extra": 1}, headers=AUTH), 422)
        broken = writer.post(
            "/api/extract",
            content=b"{not json",
            headers={**AUTH, "Content-Type": "application/json"},
        )
        _error(broken, 422)

    def test_oversized_bodies_are_413(self, db_copy: Path, pipeline: Pipeline) -> None:
        from tidings.config import load_config

        config = load_config()
        small = type(config.serve)(token="", read_token="", max_body_bytes=1000)
        from dataclasses import replace

        app = create_app(
            db_copy,
            config=replace(config, serve=small),
            environ={"TIDINGS_TOKEN": TOKEN},
            pipeline=pipeline,
        )
        with TestClient(app) as limited:
            big = {"text": "word " * 400}
            declared = limited.post("/api/extract", json=big, headers=AUTH)
            assert "1,000 bytes" in str(_error(declared, 413)["message"])

            def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
                yield b'{"text": "'
                yield b"word " * 400
                yield b'"}'

            streamed = limited.post(
                "/api/extract",
                content=chunks(),
                headers={**AUTH, "Content-Type": "application/json"},
            )
            _error(streamed, 413)
            fits = limited.post("/api/extract", json={"text": "Short."}, headers=AUTH)
            assert fits.status_code != 413


def test_reads_can_be_closed(example_db: Path) -> None:
    app = create_app(example_db, environ={"TIDINGS_TOKEN": TOKEN, "TIDINGS_READ_TOKEN": "reader"})
    with TestClient(app) as closed:
        for path in ("/api/events", "/api/articles/1", "/api/health", "/"):
            _error(closed.get(path), 401)
            assert closed.get(path, headers={"Authorization": "Bearer reader"}).status_code == 200
        assert closed.get("/api/events", headers=AUTH).status_code == 200  # write token reads
        assert closed.get("/api/openapi.json").status_code == 200  # the schema stays public


def test_openapi_schema_describes_every_route(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/health",
        "/api/events",
        "/api/events/{event_id}",
        "/api/mentions",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/network",
        "/api/places",
        "/api/search",
        "/api/extract",
        "/api/ingest",
    }
    ingest = schema["paths"]["/api/ingest"]["post"]
    assert ingest["security"] and {"201", "401", "403", "413", "422"} <= set(ingest["responses"])
    assert client.get("/api/docs").status_code == 200


def test_api_docs_page_loads_swagger_from_the_package_not_a_cdn(client: TestClient) -> None:
    page = client.get("/api/docs").text
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", page)
    assert "/static/vendor/swagger-ui-bundle.js" in assets
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))]
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
