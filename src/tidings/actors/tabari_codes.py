"""The bracketed codes of TABARI/PETRARCH dictionaries: ``[USAGOV]``, ``[HOB <950601]``.

A code block holds a code and an optional date restriction:

* ``[CODE <YYMMDD]``: the code applies before the date;
* ``[CODE >YYMMDD]``: the code applies after the date;
* ``[CODE YYMMDD-YYMMDD]``: the code applies from the first to the last date, inclusive.

Dates have six (``YYMMDD``, years 00-29 read as 20xx) or eight digits (``YYYYMMDD``).
Actor codes are a country or actor root (``USA``, ``PSE``, ``IGO``) followed by a
sector (``GOV``, ``REBHMS``); agent codes are a sector with a tilde (``~GOV``, ``NGO~``).
Codes separated by ``/`` (``[FRO/BIL/SAM]``) make a compound actor: a name that stands
for several actors at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

__all__ = ["SECTORS", "Code", "parse_actor_code", "parse_agent_code"]

SECTORS: Final = frozenset(
    "AGR BUS CHR COP CRM CVL DEV EDU ELI ENV GOV HLH HRI INS JEW JUD LAB LEG MED MIL MOD MOS"
    " OPP PTY RAD REB REF REL SEP SET SPY UAF".split()
)
"""CAMEO agent (sector) codes; a code starting with one of them has no country."""

_NULL_CODES: Final = frozenset({"---", "+++", "###", "***"})
_CODE = re.compile(r"(?P<code>[A-Za-z~][A-Za-z0-9~/_.]*|[-+#*]{3})\s*(?P<rest>.*)")
_BEFORE = re.compile(r"<\s*(\d+)")
_AFTER = re.compile(r">\s*(\d+)")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Code:
    """A parsed code block; ``start`` inclusive, ``end`` exclusive, None when open."""

    country: str | None
    sector: str | None
    igo: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    also: tuple[str, ...] = ()  # the further roots of a compound actor ("FRO/BIL/SAM")


def _date(digits: str) -> dt.date:
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    elif len(digits) == 6:
        short = int(digits[:2])
        year, rest = (2000 + short if short < 30 else 1900 + short), digits[2:]
    else:
        raise ValueError(f"date {digits!r} must have 6 (YYMMDD) or 8 (YYYYMMDD) digits")
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError as err:
        raise ValueError(f"date {digits!r} is not a calendar date") from err


def _dates(rest: str) -> tuple[dt.date | None, dt.date | None]:
    if not rest:
        return None, None
    if match := _BEFORE.fullmatch(rest):
        return None, _date(match[1])
    if match := _AFTER.fullmatch(rest):
        return _date(match[1]) + _DAY, None
    if match := _RANGE.fullmatch(rest):
        first, last = _date(match[1]), _date(match[2])
        if last < first:
            raise ValueError(f"date range {rest!r} ends before it starts")
        return first, last + _DAY
    raise ValueError(
        f"cannot read the date restriction {rest!r}; expected <YYMMDD, >YYMMDD or YYMMDD-YYMMDD"
    )


def _split(raw: str) -> tuple[str, dt.date | None, dt.date | None]:
    text = raw.strip()
    if not text:
        raise ValueError("empty code block []; write a code such as [USAGOV]")
    match = _CODE.fullmatch(text)
    if match is None:
        raise ValueError(f"no code in [{text}]; start the block with a code, e.g. [USA >990101]")
    code = match["code"]
    if re.search(r"\d{6}", code):
        raise ValueError(f"code and date run together in [{text}]; separate them with a space")
    start, end = _dates(match["rest"].strip())
    return code.upper(), start, end


def _actor_parts(code: str) -> tuple[str | None, str | None, str | None]:
    """Country, sector and IGO identifier of an actor code."""
    if code in _NULL_CODES:
        return None, None, None
    code = code.split("/")[0]  # a compound such as ELR/GAL: see parse_actor_code
    if "~" in code:
        return None, code.replace("~", "") or None, None
    root, rest = code[:3], code[3:]
    if root in SECTORS:
        return None, code, None
    if root == "IGO":
        if rest[:3] in SECTORS:
            return root, rest[:3], rest[3:] or None
        return root, None, rest or None
    return root, rest or None, None


def parse_actor_code(raw: str) -> Code:
    """Parse the inside of an actor code block, e.g. ``"PSEREBHMS"`` or ``"HOB < 950601"``.

    Raises:
        ValueError: The block is empty, has no code or has an unreadable date.
    """
    code, start, end = _split(raw)
    country, sector, igo = _actor_parts(code)
    # A compound actor: the first code is the actor, the others' roots stand beside it.
    roots = (_actor_parts(part)[0] for part in code.split("/")[1:])
    also = tuple(dict.fromkeys(r for r in roots if r and r != country))
    return Code(country, sector, igo, start, end, also if country else ())


def parse_agent_code(raw: str) -> Code:
    """Parse the inside of an agent code block, e.g. ``"~GOV"`` or ``" NGO~"``.

    Raises:
        ValueError: The block is empty, has no code or has an unreadable date.
    """
    code, start, end = _split(raw)
    sector = code.replace("~", "")
    if not sector or code in _NULL_CODES:
        raise ValueError(f"agent code [{raw.strip()}] has no sector; write e.g. [~GOV]")
    return Code(None, sector, None, start, end)
