"""A round's name: a year and a quarter, written 2027-T1 (or a name the configuration
lists in [cierres]). What a person types is checked, with the name it probably meant."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.model.errors import BadRound

ROUND = re.compile(r"^\d{4}-T[1-4]$")
_LOOSE = re.compile(r"^\s*(\d{4})\s*[-_/ ]?\s*[TtQq]\s*([1-4])\s*$|"
                    r"^\s*[TtQq]\s*([1-4])\s*[-_/ ]?\s*(\d{4})\s*$")


def quarter_of(date: dt.date) -> str:
    """The round a date falls in: 2026-11-30 is 2026-T4."""
    return f"{date.year}-T{(date.month - 1) // 3 + 1}"


def checked_round(text: str, known: tuple[str, ...] = ()) -> str:
    """The round `text` names; BadRound, with the name it probably meant, otherwise
    ("2027 T1" is not silently a round of its own)."""
    if ROUND.match(text) or text in known:
        return text
    meant = meant_round(text)
    raise BadRound(f"«{text}» → {meant}" if meant else f"«{text}»")


def meant_round(text: str) -> str | None:
    """The round a name written otherwise means ("2027 T1", "Q1 2027": 2027-T1), or None
    (a name of its own, "Extraordinaria 2027")."""
    if ROUND.match(text):
        return None
    match = _LOOSE.match(text)
    if not match:
        return None
    return f"{match.group(1) or match.group(4)}-T{match.group(2) or match.group(3)}"
