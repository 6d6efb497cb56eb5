"""The JSON API under ``/api``: thin routes over the :class:`~tidings.store.Store` queries.

Listings take the CLI's filters (``actor``, ``type``, ``status``, ``place``,
``since``, ``until``, ``outlet``, ``text``) and ``limit``/``offset`` for pages.
Reads are open unless a read token is configured; the POST routes need the
write token (``/api/extract`` too: it runs the NLP pipeline, the costliest thing
the server does).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from tidings import __version__
from tidings.api import parse_date
from tidings.ingest.records import DocKind, Document
from tidings.model import EventType, Status
from tidings.serialize import result_to_dict
from tidings.web.models import (
    ActorSummaryModel,
    ArticleDetailModel,
    ArticleModel,
    ErrorModel,
    EventDetailModel,
    EventModel,
    ExtractModel,
    HealthModel,
    IngestModel,
    MentionModel,
    NetworkModel,
    PlaceSummaryModel,
    PostedArticle,
    SearchModel,
)
from tidings.web.services import Services, require_read, require_write, services

__all__ = ["MAX_LIMIT", "router"]

MAX_LIMIT = 1000  # most results one listing request may ask for
_MAX_OFFSET = 1_000_000_000
_MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL
_MAX_WORDS = 500  # characters of a filter or search value

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorModel, "description": description}
    for status, description in (
        (400, "A filter the store cannot use."),
        (401, "A token is needed (or the one given is wrong)."),
        (413, "The request body is over the limit."),
        (422, "The request does not match this schema (POST: or the text is not an article)."),
        (500, "A bug: the server log says more."),
        (503, "The store cannot be reached."),
    )
}

router = APIRouter(prefix="/api", responses=_ERRORS)
_read = [Depends(require_read)]
_write = [Depends(require_write)]
_WRITES_OFF: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorModel, "description": "No write token is configured."}
}

_NO_NUL = r"^[^\x00]*$"  # no stored text holds NUL (PostgreSQL text cannot)
# Dates as strings of one shape: pydantic's lax date parsing would take 0 as 1970-01-01.
_DATE: dict[str, Any] = {"pattern": r"^\d{4}-\d{2}-\d{2}$", "json_schema_extra": {"format": "date"}}
Id = Annotated[int, Path(ge=1, le=_MAX_ID)]


def filters(
    actor: Annotated[
        str | None,
        Query(
            max_length=_MAX_WORDS,
            pattern=_NO_NUL,
            description="Actor code prefix (RUS, RUSGOV) or part of a name.",
        ),
    ] = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    status: Annotated[Status | None, Query(description="The event's status.")] = None,
    place: Annotated[
        str | None,
        Query(
            max_length=_MAX_WORDS,
            pattern=_NO_NUL,
            description="Part of the venue, or its country code.",
        ),
    ] = None,
    since: Annotated[str | None, Query(description="From this day on.", **_DATE)] = None,
    until: Annotated[str | None, Query(description="Up to this day.", **_DATE)] = None,
    outlet: Annotated[
        str | None,
        Query(max_length=_MAX_WORDS, pattern=_NO_NUL, description="Part of the outlet name."),
    ] = None,
    text: Annotated[
        str | None,
        Query(
            max_length=_MAX_WORDS,
            pattern=_NO_NUL,
            description="Words that must all occur in the article.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many.")] = 100,
    offset: Annotated[int, Query(ge=0, le=_MAX_OFFSET, description="Skip this many first.")] = 0,
) -> dict[str, Any]:
    """The listing filters, as keywords for the Store's query methods."""
    return {
        "actor": actor,
        "type": type.value if type else None,
        "status": status.value if status else None,
        "place": place,
        "since": since,
        "until": until,
        "outlet": outlet,
        "text": text,
        "limit": limit,
        "offset": offset,
    }


Filters = Annotated[dict[str, Any], Depends(filters)]
App = Annotated[Services, Depends(services)]


@router.get("/health", response_model=HealthModel, dependencies=_read)
def health(app: App) -> dict[str, Any]:
    """Whether the store answers, and how much it holds."""
    counts = app.store.counts()
    return {
        "status": "ok",
        "version": __version__,
        "database": app.store.engine.dialect.name,
        "articles": counts["articles"],
        "mentions": counts["events"],
        "failed": counts["failed"],
    }


@router.get("/events", response_model=list[EventModel], dependencies=_read)
def events(app: App, query: Filters) -> list[dict[str, Any]]:
    """Merged events (one per real-world event), latest report first.

    ``status`` is the event's current status; the other filters select events
    with a matching mention.
    """
    return [e.to_dict() for e in app.store.linked_events(**query)]


@router.get(
    "/events/{event_id}",
    response_model=EventDetailModel,
    dependencies=_read,
    responses={404: {"model": ErrorModel, "description": "No such event."}},
)
def event(app: App, event_id: Id) -> dict[str, Any]:
    """One merged event with its status timeline; each step has its evidence spans."""
    return app.store.event(event_id).to_dict()


@router.get("/mentions", response_model=list[MentionModel], dependencies=_read)
def mentions(app: App, query: Filters) -> list[dict[str, Any]]:
    """Event mentions as extracted from each article, newest first."""
    return [m.to_dict() for m in app.store.events(**query)]


@router.get("/articles", response_model=list[ArticleModel], dependencies=_read)
def articles(app: App, query: Filters) -> list[dict[str, Any]]:
    """Stored articles, newest first (event filters: articles with such an event)."""
    return [a.to_dict() for a in app.store.articles(**query)]


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetailModel,
    dependencies=_read,
    responses={404: {"model": ErrorModel, "description": "No such article."}},
)
def article(app: App, article_id: Id) -> dict[str, Any]:
    """One article with its text, sentence roles and event mentions (spans into the text)."""
    return app.store.article(article_id).to_dict()


@router.get("/actors", response_model=list[ActorSummaryModel], dependencies=_read)
def actors(app: App, query: Filters) -> list[dict[str, Any]]:
    """Coded actors of the matching mentions, most mentioned first."""
    return [a.to_dict() for a in app.store.actors(**query)]


@router.get("/network", response_model=NetworkModel, dependencies=_read)
def network(app: App, query: Filters) -> dict[str, Any]:
    """Who acts on whom, by event type; ``limit``/``offset`` page through the edges."""
    return app.store.network(**query).to_dict()


@router.get("/places", response_model=list[PlaceSummaryModel], dependencies=_read)
def places(app: App, query: Filters) -> list[dict[str, Any]]:
    """Venues with coordinates and the linked events there, busiest first."""
    return [p.to_dict() for p in app.store.places(**query)]


@router.get("/search", response_model=SearchModel, dependencies=_read)
def search(
    app: App,
    q: Annotated[str, Query(min_length=1, max_length=_MAX_WORDS, pattern=_NO_NUL)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> dict[str, Any]:
    """Events and articles containing every word of ``q``, and actors it names."""
    return app.store.search(q, limit=limit).to_dict()


@router.post("/extract", response_model=ExtractModel, dependencies=_write, responses=_WRITES_OFF)
async def extract(app: App, posted: PostedArticle) -> dict[str, Any]:
    """Analyse a posted article without storing it (needs the write token)."""

    def run() -> dict[str, Any]:
        with app.analyse() as pipeline:
            found = pipeline.article(
                posted.text,
                published=posted.published,
                outlet=posted.outlet,
                title=posted.title,
                url=posted.url,
            )
            return result_to_dict(pipeline.run(found))

    return await run_in_threadpool(run)


@router.post(
    "/ingest",
    response_model=IngestModel,
    status_code=201,
    dependencies=_write,
    responses={
        200: {"model": IngestModel, "description": "The same text was stored before."},
        **_WRITES_OFF,
    },
)
async def ingest(
    app: App, posted: PostedArticle, request: Request, response: Response
) -> dict[str, Any]:
    """Analyse and store a posted article (needs the write token); idempotent by text."""
    document = Document(
        origin=f"http:{request.client.host if request.client else 'unknown'}",
        kind=DocKind.TEXT,
        payload=posted.text,
        url=posted.url,
        title=posted.title,
        published=parse_date(posted.published),
        outlet=posted.outlet,
        author=posted.author,
    )

    def run() -> dict[str, Any]:
        with app.analyse() as pipeline:
            outcome = app.store.add(document, pipeline=pipeline)
        return {
            "article_id": outcome.article_id,
            "added": outcome.added,
            "events": outcome.events,
            "duplicate_of": outcome.duplicate_of,
            "similarity": outcome.similarity,
        }

    result = await run_in_threadpool(run)
    if not result["added"]:
        response.status_code = 200
    return result
