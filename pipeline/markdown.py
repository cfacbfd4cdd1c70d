"""Tables as text for people: the cell texts of a frame, and a Markdown table of them.
Shared by the reminder lists and the annual report (Markdown and HTML)."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def cell_text(value: object) -> str:
    """A value as a reader expects it: blanks empty, dates as days, 3.0 as 3."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        return "" if value != value else str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    return str(value)


def rows_text(table: pd.DataFrame) -> list[list[str]]:
    return [[cell_text(v) for v in row] for row in table.itertuples(index=False, name=None)]


def md_table(table: pd.DataFrame, headers: list[str]) -> str:
    def escape(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows_text(table)]
    return "\n".join(lines)
