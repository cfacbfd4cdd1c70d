"""A table column turned into texts at once where its type allows it (the CSV tables and
the history store texts): booleans, dates, integers and all-text columns without a
Python call per value; any other column value by value."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def column_texts(
    series: pd.Series,
    each: Callable[[object], object],
    yes_no: tuple[str, str],
    missing: object,
    text: Callable[[str], str] | None = None,
) -> list[object]:
    """What `each` gives for every value (the callers' `each` gives the same texts: true
    and false as `yes_no`, a date as YYYY-MM-DD, a missing date as `missing`, a text as
    `text` makes it)."""
    if pd.api.types.is_bool_dtype(series) and not series.isna().any():
        return np.where(series.to_numpy(bool), *yes_no).tolist()
    if pd.api.types.is_datetime64_any_dtype(series) and series.dt.tz is None:
        present = series.dropna()
        if (present == present.dt.normalize()).all():  # dates only
            days = series.dt.strftime("%Y-%m-%d").astype(object)
            return days.where(series.notna(), missing).tolist()
    if pd.api.types.is_integer_dtype(series) and not series.isna().any():
        return series.astype(str).tolist()
    if pd.api.types.is_string_dtype(series):
        values = series.astype(object).tolist()
        if all(type(v) is str for v in values):
            return values if text is None else [text(v) for v in values]
    return [each(v) for v in series.astype(object)]
