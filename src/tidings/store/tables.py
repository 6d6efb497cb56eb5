"""The store's tables, as they are after every migration (queries use these).

``migrations.py`` builds the same schema step by step; a test checks that both agree.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "article_bands",
    "articles",
    "event_mentions",
    "event_timeline",
    "events",
    "mention_actors",
    "mentions",
    "metadata",
    "sources",
]

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("outlet", sa.String(255), index=True),
    sa.Column("url", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("words", sa.Integer, nullable=False),
    sa.Column("event_count", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("near_duplicate", sa.Boolean, nullable=False, default=False),
    sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("articles.id"), index=True),
    sa.Column("similarity", sa.Float),
    sa.Column("minhash", sa.LargeBinary, nullable=False),
    sa.Column("quality", sa.JSON),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("event_type", sa.String(16), nullable=False, index=True),
    sa.Column("coded_as", sa.String(16), nullable=False),
    sa.Column("cameo", sa.String(8), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("place", sa.Text),
    sa.Column("place_country", sa.String(8)),
    sa.Column("time_value", sa.String(16)),
    # The days the event may fall on: its resolved time, else the publication date.
    sa.Column("date_from", sa.Date, index=True),
    sa.Column("date_to", sa.Date),
    sa.Column("source_outlet", sa.String(255)),
    sa.Column("data", sa.JSON, nullable=False),  # the tidings.mention/1 record
)

mention_actors = sa.Table(
    "mention_actors",
    metadata,
    sa.Column(
        "mention_id",
        sa.Integer,
        sa.ForeignKey("mentions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),  # actor | recipient | source
    sa.Column("code", sa.String(32), index=True),
    sa.Column("country", sa.String(8)),
    sa.Column("sector", sa.String(8)),
    sa.Column("igo", sa.String(16)),
    sa.Column("name", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
)

# Locality-sensitive-hashing index of the originals' MinHash signatures.
article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("bucket", sa.BigInteger, primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)

# Every document ever processed: which article it gave, or why it gave none.
sources = sa.Table(
    "sources",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),  # stored|duplicate|failed
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("reason", sa.String(64)),
    sa.Column("message", sa.Text),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# Linked events (migration 2): one row per real-world event, its members and its timeline.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("family", sa.String(16), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("disputed", sa.Boolean, nullable=False, default=False),
    sa.Column("parties", sa.JSON, nullable=False),  # party keys, sorted
    sa.Column("place", sa.Text),
    # The days the event may fall on: the union of its members' windows.
    sa.Column("date_from", sa.Date, index=True),
    sa.Column("date_to", sa.Date),
    sa.Column("first_report", sa.Date),
    sa.Column("latest_report", sa.Date, index=True),
    sa.Column("sources", sa.Integer, nullable=False),  # independent sources
    sa.Column("outlets", sa.JSON, nullable=False),
    sa.Column("mention_count", sa.Integer, nullable=False),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column(
        "mention_id",
        sa.Integer,
        sa.ForeignKey("mentions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "event_id",
        sa.Integer,
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("score", sa.Float),  # the joining score; NULL for the mention that began it
)

event_timeline = sa.Table(
    "event_timeline",
    metadata,
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column(
        "mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("article_id", sa.Integer, nullable=False),
    sa.Column("reported", sa.Date),
    sa.Column("outlet", sa.String(255)),
    sa.Column("status", sa.String(16), nullable=False),  # what this report says
    sa.Column("status_after", sa.String(16), nullable=False),  # the event's status after it
    sa.Column("changed", sa.Boolean, nullable=False),
)
