"""A table as a page shows it: each cell's text, and how it is set — a number right-aligned
(with its heading), an id, a date or a round never broken across lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pipeline.write.markdown import rows_text

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_TOKEN = re.compile(r"[\w./:-]{1,24}")  # an id, a date, a number, a round: one token


@dataclass(frozen=True)
class Cell:
    text: str
    kind: str  # "n nw" (a number), "nw" (one token), "" (running text)


@dataclass(frozen=True)
class Table:
    headers: list[Cell]
    rows: list[list[Cell]]


def table(frame: pd.DataFrame, headers: list[str], limit: int | None = None) -> Table:
    """`frame`'s first `limit` rows as cells under `headers`."""
    rows = rows_text(frame.head(limit) if limit is not None else frame)
    numeric = [bool(rows) and all(_NUMBER.fullmatch(r[c]) or not r[c] for r in rows)
               for c in range(len(headers))]
    heads = [Cell(h, "n" if n else "") for h, n in zip(headers, numeric, strict=True)]
    return Table(heads, [[Cell(text, "n nw" if n else "nw" if _TOKEN.fullmatch(text) else "")
                          for text, n in zip(row, numeric, strict=True)] for row in rows])
