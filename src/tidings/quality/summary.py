"""Per-role counts and word shares, and the verdict line for people."""

from __future__ import annotations

from collections.abc import Sequence

from tidings.quality.records import Role, RoleShare, SentenceRole

__all__ = ["role_shares", "verdict"]

# Padding roles, in the order the verdict names them.
_PADDING = (Role.REPETITION, Role.SPECULATION, Role.BOILERPLATE, Role.CONTEXT)


def role_shares(sentences: Sequence[SentenceRole]) -> tuple[tuple[RoleShare, ...], int]:
    """Counts and word shares per role (in :class:`Role` order) and the total words."""
    total = sum(s.words for s in sentences)
    shares = []
    for role in Role:
        mine = [s for s in sentences if s.role is role]
        words = sum(s.words for s in mine)
        shares.append(RoleShare(role, len(mine), words, words / total if total else 0.0))
    return tuple(shares), total


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def verdict(
    shares: Sequence[RoleShare], fact_share: float, facts: int, named: int, unnamed: int
) -> str:
    """One line: how much is new reported fact, what the rest is, who is cited."""
    if fact_share >= 0.5:
        label = "Mostly reporting"
    elif fact_share >= 0.25:
        label = "Mixed"
    else:
        label = "Mostly padding"
    by_role = {s.role: s for s in shares}
    rest = [
        f"{role.value} {_percent(by_role[role].share)}"
        + (f" ({by_role[role].sentences} restatements)" if role is Role.REPETITION else "")
        for role in sorted(_PADDING, key=lambda r: -by_role[r].share)
        if by_role[role].sentences
    ]
    fact_word = "fact" if facts == 1 else "facts"
    line = f"{label}: {_percent(fact_share)} of words are new reported fact ({facts} {fact_word})"
    if rest:
        line += "; " + ", ".join(rest)
    return line + f"; sources: {named} named, {unnamed} unnamed."
