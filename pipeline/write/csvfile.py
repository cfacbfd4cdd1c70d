"""The CSV tables (SPEC §6): UTF-8 with BOM so Excel shows accents, stable snake_case
columns, ISO dates, `true`/`false` flags.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, as OWASP recommends against CSV
injection: `=HYPERLINK(...)` is written `'=HYPERLINK(...)`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pandas as pd

from pipeline.model.values import column_texts

ROWS_PER_SLICE = 20_000
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    return neutralize_text(value) if isinstance(value, str) else value


def neutralize_text(value: str) -> str:
    """An apostrophe before a text a spreadsheet would run as a formula, also when it
    starts with a compatibility form of = + - @ (fullwidth ＝, small ﹦...) that a
    spreadsheet may fold to the plain sign."""
    if not value:
        return value
    first = value[0]
    if first.isascii():
        return "'" + value if first in _DANGEROUS else value
    return "'" + value if unicodedata.normalize("NFKC", first).startswith(_DANGEROUS) else value


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
    """The table as CSV, converted and written a slice of rows at a time (memory)."""
    public = table[[c for c in table.columns if not str(c).startswith("_")]]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        for start in range(0, max(len(public), 1), ROWS_PER_SLICE):
            part = public.iloc[start:start + ROWS_PER_SLICE]
            converted = pd.DataFrame(
                {c: column_texts(part[c], _cell, ("true", "false"), "", neutralize_text)
                 for c in part.columns}, columns=part.columns, index=part.index)
            converted.to_csv(handle, index=False, header=start == 0, lineterminator="\n")
