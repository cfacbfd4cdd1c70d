"""Reading a sheet cell by cell, for the sheets whose rectangle is mostly empty (a stray
cell at XFD100000, a 1,000-column header over a few filled columns): memory follows the
cells the sheet holds, not its rectangle.

openpyxl's sheet parser does the decoding (shared strings, inline strings, dates from the
cell styles, booleans, errors); this module only walks its rows. Rows come as
(0-based index, values), only the rows that hold cells, each as long as its last cell or
`SparseRows.width`, whichever is less.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet._reader import WorkSheetParser


class SparseRows:
    """The rows of one sheet of an .xlsx/.xlsm workbook, read as they come."""

    def __init__(self, path: Path, sheet: str) -> None:
        self.path = path
        self.sheet = sheet
        self.width: int | None = None  # values past this column are not kept

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True,
                                          keep_links=False)
        try:
            # openpyxl's read-only sheet and parser, whose internals this walks (openpyxl
            # 3.1; tests/test_read.py checks them against python-calamine's reading)
            worksheet: Any = workbook[self.sheet]
            book: Any = workbook
            with worksheet._get_source() as source:
                parser = WorkSheetParser(source, worksheet._shared_strings, data_only=True,
                                         epoch=book.epoch, date_formats=book._date_formats,
                                         timedelta_formats=book._timedelta_formats)
                for number, cells in parser.parse():
                    row = self._values(cells)
                    if row:
                        yield number - 1, row
        finally:
            workbook.close()

    def _values(self, cells: list[dict[str, object]]) -> list[object]:
        width = self.width
        present = [(int(str(c["column"])) - 1, c["value"]) for c in cells
                   if c["value"] is not None]
        if width is not None:
            present = [(c, v) for c, v in present if c < width]
        if not present:
            return []
        row: list[object] = [None] * (max(c for c, _ in present) + 1)
        for c, value in present:
            row[c] = value
        return row


def visible_sheets(path: Path) -> dict[str, str]:
    """Each worksheet's name and state (visible, hidden, veryHidden), in workbook order."""
    workbook = openpyxl.load_workbook(path, read_only=True, keep_links=False)
    try:
        return {sheet.title: sheet.sheet_state for sheet in workbook.worksheets}
    finally:
        workbook.close()
