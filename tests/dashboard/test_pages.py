"""The dashboard's pages, rendered in-process: content, JSON twins, errors, escaping."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from tidings.store import Store
from tidings.web import create_app


def _ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-event-id="(\d+)"', html)]


def _twin(html: str) -> str:
    """The page's JSON twin, checked to be linked both ways, as a URL."""
    alternate: str
    (alternate,) = re.findall(
        r'<link rel="alternate" type="application/json" href="([^"]+)">', html
    )
    assert f'<a class="json-link" href="{alternate}"' in html
    return alternate.replace("&amp;", "&")


def _assert_twin(html: str, twin: str) -> None:
    assert _twin(html) == twin


def test_event_list_shows_the_stored_events_and_links_each(
    client: TestClient, dashboard_store: Store
) -> None:
    response = client.get("/")
    assert response.status_code == 200
    expected = [e.id for e in dashboard_store.linked_events(limit=50)]
    assert _ids(response.text) == expected
    for event_id in expected:
        assert f'href="/events/{event_id}"' in response.text
    _assert_twin(response.text, "/api/events?limit=50")


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("status=denied", {"status": "denied"}),
        ("actor=KEN&type=&status=", {"actor": "KEN"}),
        ("type=CONSULT&place=+", {"type": "CONSULT"}),
        ("text=Istanbul", {"text": "Istanbul"}),
    ],
)
def test_filters_select_what_the_store_selects(
    client: TestClient, dashboard_store: Store, query: str, filters: dict[str, str]
) -> None:
    response = client.get("/events?" + query)
    assert response.status_code == 200
    shown = _ids(response.text)
    assert shown == [e.id for e in dashboard_store.linked_events(**filters, limit=50)]
    assert 0 < len(shown) < len(dashboard_store.linked_events(limit=500))
    twin = _twin(response.text)
    assert twin == "/api/events?" + "&".join(f"{k}={v}" for k, v in filters.items()) + "&limit=50"


def test_filter_form_keeps_its_values(client: TestClient) -> None:
    html = client.get("/events?status=denied&actor=%3Cscript%3E").text
    assert '<option value="denied" selected>' in html
    assert 'name="actor" value="&lt;script&gt;"' in html
    assert "<script>" not in html


def test_pages_through_the_list(client: TestClient, dashboard_store: Store) -> None:
    everything = [e.id for e in dashboard_store.linked_events(limit=500)]
    first = client.get("/events?limit=10").text
    assert _ids(first) == everything[:10]
    assert 'rel="next" href="/events?offset=10&amp;limit=10"' in first
    assert 'rel="prev"' not in first
    second = client.get("/events?limit=10&offset=10").text
    assert _ids(second) == everything[10:20]
    assert 'rel="prev" href="/events?offset=0&amp;limit=10"' in second


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=maybe", "unknown status &#39;maybe&#39;"),
        ("type=DANCE", "unknown event type &#39;DANCE&#39;"),
        ("since=yesterdayish", "yesterdayish"),
        ("limit=many", "limit must be a whole number"),
        ("offset=-5", "offset must be between 0 and 1,000,000,000"),
        ("offset=99999999999999999999", "offset must be between 0"),
        ("limit=100000", "limit must be between 1 and 500"),
        ("text=" + "w" * 1000, "text is 1,000 characters long; at most 500 are used"),
    ],
)
def test_bad_filters_give_a_clear_message(client: TestClient, query: str, message: str) -> None:
    response = client.get("/events?" + query)
    assert response.status_code == 400
    assert '<p class="error" role="alert">' in response.text
    assert message in response.text
    assert "Traceback" not in response.text


def test_event_page_draws_the_timeline_and_marks_evidence(
    client: TestClient, dashboard_store: Store
) -> None:
    busiest = max(dashboard_store.linked_events(limit=500), key=lambda e: e.mentions)
    event = dashboard_store.event(busiest.id)
    html = client.get(f"/events/{event.id}").text
    steps = re.findall(r'<g class="step status-(\w+)[^"]*"', html)
    assert steps == [step.status.value for step in event.timeline]
    assert len(steps) > 2
    assert html.count('<article class="report"') == len(event.timeline)
    for step in event.timeline:
        for span in step.spans:
            assert f'<mark class="mark-evidence" title="{event.event_type.value}">' in html
            assert re.sub(r"\s+", " ", span.text)[:40].replace("'", "&#39;") in re.sub(
                r"\s+", " ", html
            )
    for outlet in event.outlets:
        assert f"<li>{outlet}</li>" in html
    _assert_twin(html, f"/api/events/{event.id}")


def test_denials_are_flagged_on_the_timeline(client: TestClient, dashboard_store: Store) -> None:
    disputed = [
        e for e in dashboard_store.linked_events(limit=500) if e.disputed and e.mentions > 1
    ]
    assert disputed
    html = client.get(f"/events/{disputed[0].id}").text
    assert re.search(r'<g class="step status-denied[^"]* denial"', html)
    assert '<text class="flag"' in html
    assert "disputed</span>" in html


@pytest.mark.parametrize(
    "url",
    [
        "/events/999999",
        "/events/0",
        "/events/abc",
        "/events/99999999999999999999",
        "/articles/999999",
        "/articles/1e3",
        "/articles/-1",
    ],
)
def test_unknown_event_and_article_are_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert '<p class="error" role="alert">no ' in response.text
    assert url.rsplit("/", 1)[1] in response.text


def test_article_page_colours_sentences_by_role(client: TestClient, dashboard_store: Store) -> None:
    article = dashboard_store.articles(text="Kremlin", limit=1)[0]
    detail = dashboard_store.article(article.id)
    html = client.get(f"/articles/{article.id}").text
    sentences = detail.article.quality["sentences"]
    roles = re.findall(r'<span class="sentence role-(\w+)" data-role="\1"', html)
    assert roles == [s["role"] for s in sentences]
    for role in ("report", "context", "speculation", "boilerplate", "repetition"):
        assert f'<span class="swatch role-{role}"></span>{role}' in html
    share = round(detail.article.quality["fact_share"] * 100)
    assert f'<strong class="fact-share">{share}%</strong>' in html
    assert "<mark" not in html.split('class="article-text roles"')[1].split("</div>")[0]
    _assert_twin(html, f"/api/articles/{article.id}")


def test_untitled_articles_are_headed_by_their_first_line(
    client: TestClient, dashboard_store: Store
) -> None:
    untitled = [a for a in dashboard_store.articles(limit=500) if a.title is None]
    assert untitled
    for article in untitled:
        text = dashboard_store.article(article.id).article.text or ""
        first_line = text.splitlines()[0]
        html = client.get(f"/articles/{article.id}").text
        (heading,) = re.findall(r"<h1>([^<]*)</h1>", html)
        heading = unescape(heading)
        assert len(heading) <= 90
        if heading.endswith("…"):  # a long first line, cut at a word
            assert first_line.startswith(heading[:-1]) and len(first_line) > 90
        else:
            assert heading == first_line


def test_article_page_marks_the_chosen_mention(client: TestClient, dashboard_store: Store) -> None:
    detail = next(
        dashboard_store.article(a.id)
        for a in dashboard_store.articles(limit=500)
        if a.events and a.quality
    )
    mention = detail.mentions[0]
    html = client.get(f"/articles/{detail.article.id}?mention={mention.id}").text
    body = html.split('class="article-text roles"')[1].split("</div>")[0]
    marked = "".join(re.findall(r'<mark class="mark-evidence"[^>]*>([^<]*)</mark>', body))
    evidence = "".join(e["text"] for e in mention.mention["evidence"] if e)
    assert marked.replace("&#39;", "'") == evidence.replace("\n", "\n")
    assert '<tr class="selected">' in html
    wrong = client.get(f"/articles/{detail.article.id}?mention=999999")
    assert wrong.status_code == 400 and "has no event mention 999999" in wrong.text


def test_hostile_html_is_escaped_on_every_page(
    client: TestClient, dashboard_store: Store, hostile: tuple[str, ...]
) -> None:
    (article,) = dashboard_store.articles(text="onerror", limit=5)
    detail = dashboard_store.article(article.id)
    assert detail.article.url == "javascript:alert('url')"  # stored as given, never linked
    pages = [
        "/",
        f"/articles/{article.id}",
        f"/articles/{article.id}?mention={detail.mentions[0].id}",
        *(f"/events/{m.event_id}" for m in detail.mentions if m.event_id),
        "/network?actor=KEN",
        "/map",
    ]
    assert len(pages) > 4
    for url in pages:
        html = client.get(url).text
        for bad in hostile:
            assert bad not in html, (url, bad)
        assert not re.search(r"<(script|img)[^>]*alert", html), url
    article_html = client.get(f"/articles/{article.id}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in article_html
    assert "&lt;img src=x onerror=alert(&#39;img&#39;)&gt;" in article_html


@pytest.mark.parametrize(
    ("url", "twin", "script"),
    [
        ("/network?status=occurred", "/api/network?status=occurred", "network.js"),
        ("/map", "/api/places", "map.js"),
    ],
)
def test_chart_pages_load_local_libraries_and_their_twin(
    client: TestClient, url: str, twin: str, script: str
) -> None:
    html = client.get(url).text
    _assert_twin(html, twin)
    assert f'data-src="{twin}"' in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert "/static/vendor/d3.min.js" in scripts and f"/static/{script}" in scripts
    assert all(s.startswith("/static/") for s in scripts)
    for path in scripts:
        assert client.get(path).status_code == 200


def test_static_files_and_vendored_libraries_are_served(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and ".role-report" in css.text
    world = client.get("/static/vendor/countries-110m.json")
    assert world.status_code == 200 and world.json()["type"] == "Topology"
    for escape_attempt in ("/static/../pages.py", "/static/%2e%2e/pages.py", "/static/..%2fapp.py"):
        response = client.get(escape_attempt)
        assert response.status_code == 404 and "def " not in response.text
    etag = css.headers["etag"]
    assert client.get("/static/style.css", headers={"If-None-Match": etag}).status_code == 304


def test_every_twin_answers_with_the_rows_the_page_shows(
    client: TestClient, dashboard_store: Store
) -> None:
    event = dashboard_store.linked_events(limit=1)[0]
    article = dashboard_store.articles(limit=1)[0]
    for url in (
        "/events?status=occurred&actor=&type=&limit=5&offset=5",
        f"/events/{event.id}",
        f"/articles/{article.id}",
        "/network?type=&actor=KEN",
        "/map?status=",
    ):
        page = client.get(url)
        twin = client.get(_twin(page.text))
        assert twin.status_code == 200, (url, twin.text)
        assert twin.headers["content-type"] == "application/json"
        if url.startswith("/events?"):
            assert [e["id"] for e in twin.json()] == _ids(page.text)


def test_a_read_token_protects_the_pages(dashboard_store: Store) -> None:
    guarded = TestClient(create_app(dashboard_store, environ={"TIDINGS_READ_TOKEN": "s3cret"}))
    for url in ("/", "/events/1", "/articles/1", "/network", "/map"):
        assert guarded.get(url).status_code == 401, url
        allowed = guarded.get(url, headers={"Authorization": "Bearer s3cret"})
        assert allowed.status_code == 200, url


@pytest.mark.parametrize("url", ["/", "/events/1", "/articles/1", "/network", "/map", "/events/0"])
def test_pages_forbid_scripts_from_anywhere_but_the_dashboard(client: TestClient, url: str) -> None:
    response = client.get(url)
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["content-security-policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "<script>" not in response.text  # no inline scripts: the policy would block them
    assert response.headers["x-content-type-options"] == "nosniff"
