"""What each reporter sent last before a round, and in which round: what a file is
compared with to tell whether it updates anything (pipeline.analyse.freshness). Built
from history.py's own reads (no SQL here)."""

from __future__ import annotations

import sqlite3

import pandas as pd

from pipeline.store.history import load_items, rounds


def last_sent(conn: sqlite3.Connection | None, before: str) -> dict[str, tuple[str, pd.DataFrame]]:
    """Each reporter's latest stored round before `before` (rounds sort as written) and
    its items in that round."""
    if conn is None:
        return {}
    found: dict[str, tuple[str, pd.DataFrame]] = {}
    names = sorted((r for r in rounds(conn)["ronda"] if r < before), reverse=True)
    for ronda in names:
        items = load_items(conn, ronda)
        for informante, own in items.groupby("informante", sort=True):
            found.setdefault(str(informante), (ronda, own))
    return found
