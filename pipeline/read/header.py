"""Where a matrix starts in a sheet (docs/contract.md §3.2): the header row among the first rows,
which column is which key, and the other titled columns (kept, not lost).

A title names a column by pipeline.read.titles: the workspace's own titles, a column's
titles and aliases ("Plazo de cumplimiento (1er año, 2do año, 3er año)" is the deadline),
then the words trackers use ("Target completion date", "PIC", "% complete").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pipeline.read.titles import title_key

HEADER_SCAN_ROWS = 30
KeyOf = Callable[[object], str | None]


def column_key(title: object) -> str | None:
    """The matrix column a header cell names, or None (without a workspace's titles)."""
    return title_key(title)


def key_reader(own: Mapping[str, str] | None) -> KeyOf:
    """`column_key` with the workspace's own titles (folded title -> key) first."""
    return functools.partial(title_key, own=own) if own else column_key


@dataclass(frozen=True)
class Header:
    """Where a matrix starts in a sheet: its header row and which column is which key."""

    row: int  # 0-based index into the sheet's rows
    columns: dict[str, int]  # key -> 0-based column index
    titles: dict[str, str]  # key -> the title as written
    extras: dict[str, int]  # other titled columns (kept, not lost): title -> column index


# Besides the activity, a header must name this many other matrix columns (not counting
# the id) to be taken for a matrix: "id, name, description" or "Description, status" are
# other tables.
MIN_OTHER_COLUMNS = 2


def find_header(rows: Sequence[Sequence[object]], key_of: KeyOf = column_key
                ) -> Header | None:
    """The first row among the first rows of a sheet that names the activity column and at
    least two other matrix columns; title blocks and blank rows above it are skipped."""
    best: Header | None = None
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        header = header_at(r, row, key_of)
        others = len(set(header.columns) - {"actividad", "id"})
        if "actividad" in header.columns and others >= MIN_OTHER_COLUMNS and (
            best is None or len(header.columns) > len(best.columns)
        ):
            best = header
            if len(header.columns) >= 5:
                break
    return best


def titles_found(rows: Sequence[Sequence[object]], key_of: KeyOf = column_key) -> list[str]:
    """The matrix titles of the row naming the most of them, as written (for a sheet that
    is not taken for a matrix: what was found there)."""
    headers = [header_at(r, row, key_of) for r, row in enumerate(rows[:HEADER_SCAN_ROWS])]
    best = max(headers, key=lambda h: len(h.columns), default=None)
    return list(best.titles.values()) if best is not None else []


def header_at(r: int, row: Sequence[object], key_of: KeyOf = column_key) -> Header:
    """Row `r` read as a header: the column of each key `key_of` names (its first), the
    title as written, and the other titled columns."""
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    extras: dict[str, int] = {}
    for c, cell in enumerate(row):
        key = key_of(cell)
        title = " ".join(str(cell).split()) if cell not in (None, "") else ""
        if key and key not in columns:
            columns[key] = c
            titles[key] = title
        elif title and title not in extras:
            extras[title] = c
    return Header(r, columns, titles, extras)
