"""The CSV tables (docs/contract.md §6): UTF-8 with BOM so Excel shows accents, stable snake_case
columns, ISO dates, `true`/`false` flags.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, as OWASP recommends against CSV
injection: `=HYPERLINK(...)` is written `'=HYPERLINK(...)`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.model.values import column_texts, csv_text, neutralize_texts

ROWS_PER_SLICE = 20_000
def write_csv(table: pd.DataFrame, path: Path) -> None:
    """The table as CSV, converted and written a slice of rows at a time (memory)."""
    public = table[[c for c in table.columns if not str(c).startswith("_")]]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        for start in range(0, max(len(public), 1), ROWS_PER_SLICE):
            part = public.iloc[start:start + ROWS_PER_SLICE]
            converted = pd.DataFrame(
                {c: column_texts(part[c], csv_text, ("true", "false"), "", neutralize_texts)
                 for c in part.columns}, columns=part.columns, index=part.index)
            converted.to_csv(handle, index=False, header=start == 0, lineterminator="\n")
