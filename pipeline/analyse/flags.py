"""The flags at the as-of date (docs/contract.md §5): overdue, due soon, no responsible party, vague
deadline, no indicator. Vectorized: one pass over the frame."""

from __future__ import annotations

import datetime as dt

import pandas as pd

FLAGS = ("vencido", "por_vencer", "sin_responsable", "plazo_impreciso", "sin_indicador")


def flag_due(frame: pd.DataFrame, as_of: dt.date, window_days: int) -> pd.DataFrame:
    """`vencido` (due before `as_of`, not finalized) with its days overdue, and
    `por_vencer` (due within `window_days`, not finalized): the one rule, for a round
    being consolidated and for the items stored in the history."""
    frame = frame.copy(deep=False)  # only new columns are set: the rows are not copied
    today = pd.Timestamp(as_of)
    # as dates even when there are no rows (an empty history gives an untyped column)
    due = pd.to_datetime(frame["fecha_limite"])
    open_item = frame["estado"].ne("finalizado")
    frame["vencido"] = (due < today) & open_item
    days = (today - due).dt.days
    frame["dias_vencido"] = days.where(frame["vencido"]).astype("Int64")
    frame["por_vencer"] = (due >= today) & (due <= today + pd.Timedelta(days=window_days))
    frame["por_vencer"] &= open_item
    return frame


def flag_rows(frame: pd.DataFrame, as_of: dt.date, window_days: int) -> pd.DataFrame:
    """Every flag of a consolidated round's rows."""
    frame = flag_due(frame, as_of, window_days)
    frame["sin_responsable"] = frame["responsable"].eq("")
    frame["plazo_impreciso"] = frame["_plazo_tipo"].isin(["vacio", "impreciso",
                                                          "plan_terminado"])
    frame["sin_indicador"] = frame["indicadores"].eq("")
    return frame
