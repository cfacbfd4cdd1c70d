"""The CSV tables (SPEC §6): UTF-8 with BOM so Excel shows accents, stable snake_case
columns, ISO dates, `true`/`false` flags.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, as OWASP recommends against CSV
injection: `=HYPERLINK(...)` is written `'=HYPERLINK(...)`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from pipeline.columntext import column_texts

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    return neutralize_text(value) if isinstance(value, str) else value


def neutralize_text(value: str) -> str:
    return "'" + value if value.startswith(_DANGEROUS) else value


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
    converted = pd.DataFrame(
        {column: column_texts(public[column], _cell, ("true", "false"), "", neutralize_text)
         for column in public.columns}, columns=public.columns, index=public.index)
    converted.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
