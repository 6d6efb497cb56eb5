"""Linking: event mentions merged into events across articles, with status timelines.

Pure functions over typed records (:class:`LinkMention`); the store calls them
after each article's transaction and for ``tidings relink``.
"""

from tidings.link.cluster import Linker, link
from tidings.link.compat import compatible, family, pair_score, word_overlap
from tidings.link.records import LinkMention, SourceRef
from tidings.link.status import Step, Timeline, independent_sources, timeline

__all__ = [
    "LinkMention",
    "Linker",
    "SourceRef",
    "Step",
    "Timeline",
    "compatible",
    "family",
    "independent_sources",
    "link",
    "pair_score",
    "timeline",
    "word_overlap",
]
