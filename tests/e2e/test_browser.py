"""The dashboard in a real browser: filter, open an event, read the evidence, draw charts.

Each test also refuses console errors, uncaught exceptions, any dialog (the hostile
article's ``alert`` must never run) and any request leaving 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def _clean(watch: Any) -> None:
    """Refuse what the page's Watch (see conftest) recorded that a clean page never does."""
    assert watch.dialogs == [], "a dialog fired: article text ran as script"
    assert watch.page_errors == []
    assert watch.console_errors == []
    outside = [url for url in watch.requests if urlsplit(url).hostname != "127.0.0.1"]
    assert outside == [], "the dashboard must work offline"


def _event_ids(page: Any) -> list[str]:
    ids: list[str] = page.locator("table.events tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.eventId)"
    )
    return ids


def test_filter_open_an_event_and_read_its_evidence(
    page: tuple[Any, Any], server: str, screenshots: Path
) -> None:
    tab, watch = page
    tab.goto(server + "/")
    everything = _event_ids(tab)
    assert len(everything) > 10
    tab.screenshot(path=str(screenshots / "events.png"), full_page=True)

    tab.select_option("select[name=status]", "denied")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**/events?status=denied")  # empty fields are not submitted
    denied = _event_ids(tab)
    assert 0 < len(denied) < len(everything)
    assert set(denied) <= set(everything)
    badges = tab.locator("table.events tbody .badge.status-denied")
    assert badges.count() == len(denied)
    twin = tab.locator("a.json-link").get_attribute("href")
    assert twin is not None and "status=denied" in twin and "type=" not in twin
    tab.screenshot(path=str(screenshots / "events-denied.png"), full_page=True)

    # The disputed story with the most reports: proposed, then denied by later outlets.
    tab.locator("table.events tbody tr", has=tab.locator(".disputed")).first.locator(
        "a"
    ).first.click()
    tab.wait_for_url("**/events/*")
    steps = tab.locator("svg.timeline g.step")
    assert steps.count() >= 2
    statuses = steps.evaluate_all("gs => gs.map(g => g.dataset.status)")
    assert "denied" in statuses
    assert tab.locator("svg.timeline g.denial text.flag").count() == statuses.count("denied")
    circles = tab.locator("svg.timeline circle")
    assert circles.count() == steps.count()
    assert all(box is not None and box["width"] > 0 for box in _boxes(circles))
    reports = tab.locator("article.report")
    assert reports.count() == steps.count()
    for i in range(reports.count()):
        marks = reports.nth(i).locator("mark.mark-evidence")
        assert marks.count() >= 1
        assert marks.first.is_visible() and len(marks.first.inner_text()) > 10
    tab.screenshot(path=str(screenshots / "event.png"), full_page=True)
    _clean(watch)


def test_article_page_colours_roles_and_escapes_hostile_html(
    page: tuple[Any, Any], server: str, screenshots: Path
) -> None:
    tab, watch = page
    tab.goto(server + "/events?text=onerror")
    tab.locator("table.events tbody tr a").first.click()
    tab.wait_for_url("**/events/*")
    tab.locator("article.report header a", has_text="Police detain protesters").first.click()
    tab.wait_for_url("**/articles/*")
    text = tab.locator(".article-text.roles")
    # The hostile markup is shown as text, not run and not parsed into elements.
    assert "<script>alert('xss')</script>" in text.inner_text()
    assert "<img src=x onerror=alert('img')>" in text.inner_text()
    assert text.locator("script, img").count() == 0
    assert tab.locator("main img, main script").count() == 0
    assert "<script>alert('title')</script>" in tab.locator("h1").inner_text()
    assert tab.locator(".article-text mark.mark-evidence").count() >= 1
    tab.screenshot(path=str(screenshots / "article-hostile.png"), full_page=True)

    # An article padded with speculation and boilerplate: each role its own colour.
    tab.goto(server + "/events?text=Osaka")
    tab.locator("table.events tbody tr a").first.click()
    tab.locator("article.report header a").first.click()
    tab.wait_for_url("**/articles/*")
    sentences = tab.locator(".article-text .sentence")
    roles = sentences.evaluate_all("ss => ss.map(s => s.dataset.role)")
    colours = sentences.evaluate_all("ss => ss.map(s => getComputedStyle(s).backgroundColor)")
    assert {"report", "speculation"} <= set(roles)
    assert all(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in colours)
    colour_of = dict(zip(roles, colours, strict=True))
    assert len(set(colour_of.values())) == len(colour_of)  # one colour per role
    swatches = tab.locator("ul.legend.roles .swatch")
    legend = swatches.evaluate_all("ss => ss.map(s => getComputedStyle(s).backgroundColor)")
    assert set(colour_of.values()) <= set(legend)
    tab.screenshot(path=str(screenshots / "article-roles.png"), full_page=True)
    _clean(watch)


def test_network_is_drawn_from_its_json_twin(
    page: tuple[Any, Any], server: str, screenshots: Path
) -> None:
    tab, watch = page
    tab.goto(server + "/network")
    tab.wait_for_selector("#network[data-drawn=true] svg g.node")
    twin = tab.request.get(server + tab.locator("#network").get_attribute("data-src")).json()
    assert tab.locator("#network g.node").count() == len(twin["nodes"])
    assert tab.locator("#network path.link").count() == len(twin["edges"])
    types = {edge["event_type"] for edge in twin["edges"]}
    assert tab.locator("#network-legend li").count() == len(types) > 1
    tab.wait_for_selector("#network[data-settled=true]", timeout=20_000)  # layout at rest
    tab.screenshot(path=str(screenshots / "network.png"), full_page=True)
    # A click on a node lists that actor's events.
    code = tab.locator("#network g.node").first.get_attribute("data-code")
    tab.locator("#network g.node circle").first.click()
    tab.wait_for_url("**/events?actor=*")
    assert tab.locator("input[name=actor]").input_value() == code
    assert tab.locator("table.events tbody tr").count() >= 1
    # Filters that match nothing say so instead of drawing an empty box.
    tab.goto(server + "/network?actor=NOBODY")
    tab.wait_for_selector("#network p.empty")
    _clean(watch)


def test_map_draws_countries_and_event_places_offline(
    page: tuple[Any, Any], server: str, screenshots: Path
) -> None:
    tab, watch = page
    tab.goto(server + "/map")
    tab.wait_for_selector("#map[data-drawn=true] svg")
    assert tab.locator("#map path.land").count() > 150  # Natural Earth 1:110m countries
    twin = tab.request.get(server + tab.locator("#map").get_attribute("data-src")).json()
    located = [p for p in twin if p["lat"] is not None and p["lon"] is not None]
    assert located
    assert tab.locator("#map circle.place").count() == len(located)
    top = tab.locator("#map circle.place").last  # drawn last: never under another place
    name = top.get_attribute("data-place")
    assert name is not None
    top.click()
    tab.wait_for_url("**/events?place=*")
    assert tab.locator("input[name=place]").input_value() == name
    assert tab.locator("table.events tbody tr").count() >= 1
    tab.go_back()
    tab.wait_for_selector("#map[data-drawn=true] svg")
    tab.screenshot(path=str(screenshots / "map.png"), full_page=True)
    _clean(watch)


def _boxes(locator: Any) -> list[Any]:
    return [locator.nth(i).bounding_box() for i in range(locator.count())]


def test_pages_fit_a_phone_screen(page: tuple[Any, Any], server: str, screenshots: Path) -> None:
    tab, watch = page
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(server + "/events?text=Istanbul")
    event = tab.locator("table.events tbody tr a").first.get_attribute("href")
    for path, name in (("/events?text=Istanbul", "phone-events"), (event, "phone-event")):
        tab.goto(server + str(path))
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide on a 390 px screen"
        tab.screenshot(path=str(screenshots / f"{name}.png"))
    tab.locator("article.report header a").first.click()
    tab.wait_for_url("**/articles/*")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.screenshot(path=str(screenshots / "phone-article.png"))
    _clean(watch)
