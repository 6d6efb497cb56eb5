"""Pydantic models of the HTTP API's JSON: they make the OpenAPI schema precise.

Each mirrors a record's ``to_dict()`` (the same JSON the CLI prints); routes
return those dictionaries and FastAPI checks them against these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from tidings.model import EventType, Granularity, Status
from tidings.quality.records import Role

__all__ = [
    "ActorModel",
    "ActorSummaryModel",
    "ArticleDetailModel",
    "ArticleModel",
    "ErrorModel",
    "EventDetailModel",
    "EventModel",
    "ExtractModel",
    "HealthModel",
    "IngestModel",
    "MentionModel",
    "NetworkModel",
    "PlaceSummaryModel",
    "PostedArticle",
    "SearchModel",
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class ErrorModel(_Record):
    """Every error response: the HTTP status, a short tag and a one-line message."""

    status: int = Field(examples=[404])
    error: str = Field(examples=["not-found"])
    message: str = Field(examples=["no event 12; list them with GET /api/events"])


class HealthModel(_Record):
    status: Literal["ok"]
    version: str
    database: str = Field(description="The store's backend: sqlite or postgresql.")
    articles: int
    mentions: int
    failed: int = Field(description="Documents that gave no article.")


class SpanModel(_Record):
    """A stretch of the article text: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


class ActorModel(_Record):
    text: str
    code: str | None
    country: str | None
    sector: str | None
    igo: str | None
    name: str | None
    role: str | None
    span: SpanModel | None


class PlaceModel(_Record):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    span: SpanModel | None


class TimeModel(_Record):
    text: str
    value: str
    granularity: Granularity
    resolved: bool
    span: SpanModel | None


class AttributionModel(_Record):
    source: ActorModel | None
    source_text: str | None
    outlet: str | None
    cue: str | None


class MentionRecord(_Record):
    """One event mention as extracted (schema ``tidings.mention/1``)."""

    schema_: str = Field(alias="schema", examples=["tidings.mention/1"])
    event_type: EventType
    coded_as: EventType
    cameo: str
    mode: str | None
    context: list[str]
    status: Status
    actors: list[ActorModel]
    recipients: list[ActorModel]
    place: PlaceModel | None
    time: TimeModel | None
    attribution: AttributionModel | None
    confidence: float
    trigger: SpanModel | None
    evidence: list[SpanModel | None]


class ArticleRef(_Record):
    id: int
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None


class MentionModel(MentionRecord):
    """A stored event mention: its store id, linked event and article."""

    id: int
    event_id: int | None = Field(description="The linked event; null until linked.")
    article: ArticleRef


class RoleShareModel(_Record):
    sentences: int
    words: int
    share: float


class SentenceModel(_Record):
    index: int
    role: Role
    reason: str
    words: int
    similar_to: int | None
    similarity: float | None
    span: SpanModel | None


class QualityModel(_Record):
    """An article's quality (schema ``tidings.quality/1``): a role for every sentence."""

    schema_: str = Field(alias="schema", examples=["tidings.quality/1"])
    verdict: str
    words: int
    fact_share: float
    distinct_facts: int
    named_sources: list[str]
    unnamed_sources: list[str]
    similarity: str
    roles: dict[str, RoleShareModel]
    sentences: list[SentenceModel]


class ArticleModel(_Record):
    """A stored article, without its text (schema ``tidings.article/1``)."""

    schema_: str = Field(alias="schema", examples=["tidings.article/1"])
    id: int
    content_hash: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    author: str | None
    words: int
    events: int = Field(description="How many event mentions were extracted from it.")
    near_duplicate: bool
    duplicate_of: int | None
    similarity: float | None
    ingested_at: dt.datetime
    quality: QualityModel | None


class ArticleDetailModel(ArticleModel):
    """A stored article with its text; every span in it points into ``text``."""

    text: str
    mentions: list[MentionModel]


class TimelineArticle(_Record):
    id: int
    title: str | None
    url: str | None


class TimelineStepModel(_Record):
    reported: dt.date | None
    status: Status = Field(description="What this report says.")
    current: Status = Field(description="The event's status after this report.")
    change: bool
    outlet: str | None
    article: TimelineArticle
    mention_id: int
    evidence: list[str]
    spans: list[SpanModel] = Field(description="The evidence, as offsets into the article.")


class EventModel(_Record):
    """A merged (linked) event: one real-world event (schema ``tidings.event/1``)."""

    schema_: str = Field(alias="schema", examples=["tidings.event/1"])
    id: int
    event_type: EventType
    status: Status
    disputed: bool
    parties: list[str]
    place: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    first_report: dt.date | None
    latest_report: dt.date | None
    sources: int = Field(description="Independent sources reporting it.")
    outlets: list[str]
    mentions: int


class EventDetailModel(EventModel):
    timeline: list[TimelineStepModel] = []


class ActorSummaryModel(_Record):
    code: str
    name: str | None
    as_actor: int = Field(description="Event mentions with it as actor.")
    as_recipient: int = Field(description="Event mentions with it as recipient.")
    mentions: int


class EdgeModel(_Record):
    source: str
    target: str
    event_type: EventType
    count: int


class NetworkModel(_Record):
    nodes: list[ActorSummaryModel]
    edges: list[EdgeModel]


class PlaceSummaryModel(_Record):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mentions: int
    events: int
    event_ids: list[int]


class SearchModel(_Record):
    query: str
    events: list[EventModel]
    articles: list[ArticleModel]
    actors: list[ActorSummaryModel]


class ExtractArticle(_Record):
    content_hash: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None


class ExtractModel(_Record):
    """What tidings finds in one article (nothing is stored)."""

    article: ExtractArticle
    events: list[MentionRecord]
    quality: QualityModel | None


class IngestModel(_Record):
    article_id: int
    added: bool = Field(description="False: the same text was stored before.")
    events: int
    duplicate_of: int | None = Field(description="The original, for a near-duplicate.")
    similarity: float | None


class PostedArticle(BaseModel):
    """An article to analyse or store."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article body (English).")
    title: str | None = None
    published: str | None = Field(
        None,
        description="Publication date (YYYY-MM-DD); relative times resolve against it.",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra={"format": "date"},
    )
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
