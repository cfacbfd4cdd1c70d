"""The per-item side sheets in the history (pipeline.model.sides): each round's observations
and indicators read back, typed (agreement, numbers, flags), by round or every round."""

from __future__ import annotations

import sqlite3

import pandas as pd

from pipeline.store.history import (
    INDICATOR_COLUMNS,
    OBSERVATION_COLUMNS,
    latest_per_reporter,
)


def load_observations(conn: sqlite3.Connection | None, ronda: str | None) -> pd.DataFrame:
    """The observations stored for a round, typed back (agreement, flags, row)."""
    columns = [c for c in OBSERVATION_COLUMNS if c not in {"reservado", "conocido"}]
    if conn is None or ronda is None:
        return pd.DataFrame(columns=[*columns, "_reservado", "_conocido"])
    frame = pd.read_sql_query(
        f"SELECT {', '.join(OBSERVATION_COLUMNS)} FROM observaciones WHERE ronda = ? "
        "ORDER BY rowid", conn, params=(ronda,))
    frame["coincide"] = frame["coincide"].map({"1": True, "0": False}).astype(object)
    frame["fila"] = pd.to_numeric(frame["fila"], errors="coerce")
    frame["_reservado"] = frame.pop("reservado").eq("1")
    frame["_conocido"] = frame.pop("conocido").eq("1")
    return frame.fillna({c: "" for c in columns if c not in {"coincide", "fila"}})


def load_indicators(conn: sqlite3.Connection | None, ronda: str | None) -> pd.DataFrame:
    """The indicators stored for a round (numbers back as numbers)."""
    columns = [c for c in INDICATOR_COLUMNS if c not in {"reservado", "conocido"}]
    if conn is None or ronda is None:
        return pd.DataFrame(columns=[*columns, "_reservado", "_conocido"])
    return _typed_indicators(pd.read_sql_query(
        f"SELECT {', '.join(INDICATOR_COLUMNS)} FROM indicadores WHERE ronda = ? "
        "ORDER BY rowid", conn, params=(ronda,)))


def latest_indicators(conn: sqlite3.Connection | None, before: str) -> pd.DataFrame:
    """Each reporter's indicators of its latest round before `before` with any."""
    return latest_per_reporter(conn, before, "indicadores", load_indicators)


def latest_indicators_of(stored: pd.DataFrame, before: str) -> pd.DataFrame:
    """`latest_indicators` from every stored round's indicators (`indicator_rounds`), where
    a command has read them already: the history read once."""
    earlier = stored[stored["ronda"].astype(str) < before]
    latest = earlier["ronda"] == earlier.groupby("informante")["ronda"].transform("max")
    return earlier[latest].drop(columns=["ronda", "fecha_corte"]).reset_index(drop=True)


def indicator_rounds(conn: sqlite3.Connection | None) -> pd.DataFrame:
    """Every stored indicator value with its round and the date the round was judged at
    (the page's charts; the report judges a value again at its round's date)."""
    if conn is None:
        return pd.DataFrame(columns=["ronda", "fecha_corte", *INDICATOR_COLUMNS])
    columns = ", ".join(f"i.{c}" for c in INDICATOR_COLUMNS)
    return _typed_indicators(pd.read_sql_query(
        f"SELECT i.ronda, r.fecha_corte, {columns} FROM indicadores i "
        "JOIN rondas r ON r.ronda = i.ronda ORDER BY i.ronda, i.rowid", conn))


def _typed_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("linea_base", "meta", "valor", "avance_meta", "esperado"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["_reservado"] = frame.pop("reservado").eq("1")
    frame["_conocido"] = frame.pop("conocido").eq("1")
    # (pandas 3 reads a text column with a NULL as strings, NaN for the NULL: not object)
    texts = [c for c in frame.columns
             if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)]
    return frame.fillna({c: "" for c in texts})


def observation_rounds(conn: sqlite3.Connection | None) -> pd.DataFrame:
    """Every stored observation, with its round (the annual report's and the page's)."""
    columns = ["ronda", *OBSERVATION_COLUMNS]
    if conn is None:
        return pd.DataFrame(columns=columns)
    frame = pd.read_sql_query(f"SELECT {', '.join(columns)} FROM observaciones "
                              "ORDER BY ronda, rowid", conn)
    frame["coincide"] = frame["coincide"].map({"1": True, "0": False}).astype(object)
    return frame
