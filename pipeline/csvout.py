"""The CSV tables (SPEC §6): UTF-8 with BOM so Excel shows accents, stable snake_case
columns, ISO dates, `true`/`false` flags.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, as OWASP recommends against CSV
injection: `=HYPERLINK(...)` is written `'=HYPERLINK(...)`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def _cell(value: object) -> object:
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp | dt.datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() else f"{value:.10g}"
    return neutralize(value)


def write_csv(table: pd.DataFrame, path: Path) -> None:
    public = table[[c for c in table.columns if not str(c).startswith("_")]]
    converted = pd.DataFrame({column: _column(public[column]) for column in public.columns},
                             columns=public.columns, index=public.index)
    converted.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def _column(series: pd.Series) -> list[object]:
    """A column's CSV texts: a whole column at once where its type allows, each value
    through `_cell` where it does not (the result is the same)."""
    if pd.api.types.is_bool_dtype(series) and not series.isna().any():
        return np.where(series.to_numpy(bool), "true", "false").tolist()
    if pd.api.types.is_datetime64_any_dtype(series) and series.dt.tz is None:
        present = series.dropna()
        if (present == present.dt.normalize()).all():  # dates only
            return series.dt.strftime("%Y-%m-%d").fillna("").tolist()
    if pd.api.types.is_integer_dtype(series) and not series.isna().any():
        return series.astype(str).tolist()
    if pd.api.types.is_string_dtype(series):
        values = series.astype(object).tolist()
        if all(type(v) is str for v in values):
            return [("'" + v) if v.startswith(_DANGEROUS) else v for v in values]
    return [_cell(v) for v in series.astype(object)]
