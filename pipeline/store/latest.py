"""What each reporter sent last before a round, and in which round: what a file is
compared with to tell whether it updates anything (pipeline.analyse.freshness). Built
from history.py's own reads (no SQL here)."""

from __future__ import annotations

import sqlite3

import pandas as pd

from pipeline.model.submission import Sent
from pipeline.store.history import latest_rounds, load_items
from pipeline.store.sides import load_indicators, load_observations


def last_sent(conn: sqlite3.Connection | None, before: str) -> dict[str, Sent]:
    """Each reporter's latest stored round before `before` (rounds sort as written) and
    what it sent in that round: each such round read once, not every stored round."""
    if conn is None:
        return {}
    latest = latest_rounds(conn, before)
    found: dict[str, Sent] = {}
    for ronda in sorted(set(latest.values())):
        measured = dict(tuple(load_indicators(conn, ronda).groupby("informante")))
        observed = dict(tuple(load_observations(conn, ronda).groupby("observador")))
        for informante, own in load_items(conn, ronda).groupby("informante", sort=True):
            if latest.get(str(informante)) == ronda:
                found[str(informante)] = Sent(ronda, own,
                                              measured.get(informante, _NONE),
                                              observed.get(informante, _NONE))
    return found


_NONE = pd.DataFrame()
