"""Article quality: how much of an article is new reported fact.

Every sentence gets one :class:`Role` (report, context, speculation, boilerplate,
repetition) with the reason for it; :func:`assess` sums an article up as an
:class:`ArticleQuality`. Modules, one job each:

* ``features``: what the rules look at in a sentence (specifics, headings, verbs);
* ``cues``: hedges, advice, commentary and background markers;
* ``sources``: who a sentence cites, named or not;
* ``overlap``: word overlap (the MiniLM embedding is :mod:`tidings.embed`);
* ``repetition``: which sentences restate an earlier one;
* ``classify``: the decision list; ``summary``: shares and the verdict line;
* ``assess``: all of it for one article.
"""

from tidings.embed import Embedder
from tidings.quality.assess import assess
from tidings.quality.records import ArticleQuality, Role, RoleShare, SentenceRole
from tidings.quality.repetition import EmbeddingMode, RepetitionSettings

__all__ = [
    "ArticleQuality",
    "Embedder",
    "EmbeddingMode",
    "RepetitionSettings",
    "Role",
    "RoleShare",
    "SentenceRole",
    "assess",
]
