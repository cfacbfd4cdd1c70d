"""What each reporter sent last before a round, and in which round: what a file is
compared with to tell whether it updates anything (pipeline.analyse.freshness). Built
from history.py's own reads (no SQL here)."""

from __future__ import annotations

import sqlite3

import pandas as pd

from pipeline.store.history import latest_rounds, load_items


def last_sent(conn: sqlite3.Connection | None, before: str) -> dict[str, tuple[str, pd.DataFrame]]:
    """Each reporter's latest stored round before `before` (rounds sort as written) and
    its items in that round: each such round read once, not every stored round."""
    if conn is None:
        return {}
    latest = latest_rounds(conn, before)
    found: dict[str, tuple[str, pd.DataFrame]] = {}
    for ronda in sorted(set(latest.values())):
        for informante, own in load_items(conn, ronda).groupby("informante", sort=True):
            if latest.get(str(informante)) == ronda:
                found[str(informante)] = (ronda, own)
    return found
