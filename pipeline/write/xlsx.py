"""Writing tables into xlsxwriter sheets: one place for cell conversion, formats, Excel
tables and flag colouring, shared by the consolidated and the feedback workbooks.

Every workbook is created with formula, URL and number conversion off, so no text of an
input ever becomes a formula or a link (docs/contract.md §7).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.model.values import is_blank, workbook_value
from pipeline.words import word
from pipeline.write import package
from pipeline.write.printing import (
    CHARS_PER_WIDTH,
    LINE_POINTS,
    Printing,
    header_height,
    row_heights,
    setup,
)
from pipeline.write.xmlrows import (
    StreamedSheet,
    column_cells,
    text_cell,
    write_columns,
    write_rows,
)

SAFE_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "nan_inf_to_errors": True,
}
MAX_WIDTH = 60
WRAP_WIDTH = 44  # a column of running text wraps at this width (rows grow instead)
STREAM_ROWS = 5_000  # rows of a large sheet of 35 columns made into XML at once
FLAG_COLOURS = {
    "vencido": "#F8CBAD", "por_vencer": "#FFE699", "sin_responsable": "#F4B183",
    "plazo_impreciso": "#D9D2E9", "sin_indicador": "#DDEBF7",
}


def table_name(sheet: str) -> str:
    """An Excel table's name from its sheet's: letters, digits, "_" and "." only (an
    apostrophe, "Review at the plan's end", made xlsxwriter refuse the table)."""
    return "T_" + re.sub(r"[^\w.]", "_", sheet)[:248]


def new_workbook(path: Path, created: dt.date, title: str, large: bool = False,
                 one_of_many: bool = False) -> Workbook:
    """A workbook whose bytes depend only on what is written (fixed document date).

    Small ones are assembled in memory (no temporary files: faster); a `large` one is
    written row by row to temporary files (constant memory, whatever the round's size),
    which asks every sheet to be written top to bottom. `one_of_many` small workbooks
    (a round's feedback) are deflated for speed (pipeline.write.package, `QUICK_LEVEL`)."""
    options = {**SAFE_OPTIONS, "constant_memory": True} if large else {
        **SAFE_OPTIONS, "in_memory": True}
    workbook = package.Workbook(str(path), options)  # (comments, shared parts: faster)
    if one_of_many:
        workbook.level = package.QUICK_LEVEL
    stamp = dt.datetime.combine(created, dt.time())
    workbook.set_properties({"title": title, "created": stamp, "author": "Seguimiento"})
    workbook.set_calc_mode("auto")
    return workbook


class Formats:
    """The few formats a workbook needs, each created once (never per cell), when first
    asked for: a small workbook does not carry the ones it does not use."""

    _SPECS: ClassVar[dict[str, dict[str, object]]] = {
        "wrap": {"text_wrap": True, "valign": "top"},
        "text": {"valign": "top"},
        "date": {"num_format": "yyyy-mm-dd", "valign": "top"},
        "datetime": {"num_format": "yyyy-mm-dd hh:mm", "valign": "top"},
        "number": {"num_format": "0_)", "valign": "top"},  # a space after: apart from text
        "measure": {"align": "right", "indent": 1, "valign": "top"},  # (a measured value)
        "title": {"bold": True, "font_size": 14},
        "bold": {"bold": True},
        "note": {"italic": True, "font_color": "#595959"},
        "note_wrap": {"italic": True, "font_color": "#595959", "text_wrap": True,
                      "valign": "top"},
        "big": {"bold": True, "font_size": 12, "align": "left"},
        "header": {"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top",
                   "bottom": 1},
        "header_right": {"bold": True, "bg_color": "#DDEBF7", "text_wrap": True,
                         "valign": "top", "bottom": 1, "align": "right"},
    }

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook

    def __getattr__(self, name: str) -> Format:
        if name not in self._SPECS:
            raise AttributeError(name)
        made = self._workbook.add_format(self._SPECS[name])
        setattr(self, name, made)  # found directly from now on
        return made

    @functools.cached_property
    def fills(self) -> dict[str, Format]:
        return {k: self._workbook.add_format({"bg_color": v}) for k, v in FLAG_COLOURS.items()}


def write_table(
    workbook: Workbook,
    formats: Formats,
    name: str,
    table: pd.DataFrame,
    headers: Sequence[str],
    printing: Printing,
    widths: dict[str, int] | None = None,
    flag_word: str = "Sí",
    charted: bool = False,
    select: bool = True,
    empty_note: str = "",
) -> Worksheet:
    """A sheet holding `table` as a filterable Excel table with a frozen header; flag
    columns (holding `flag_word` or "No") are coloured where they are set; rows as tall
    as their wrapped text; headers aligned as their column's values (numbers and dates
    to the right); printed as pipeline.write.printing decides (with `select`, the
    leading columns that fit a page: sheets put first what a meeting reads).
    `empty_note` (else "No rows") is said in the first row of a table with no rows.

    The rows are streamed as XML (pipeline.write.xmlrows). A table that a chart draws from is
    `charted`: its cells are written one by one, so that the chart carries their values
    (xlsxwriter caches a chart's data from the cells it holds)."""
    sheet = workbook.add_worksheet(name, worksheet_class=StreamedSheet)
    columns = [c for c in table.columns if not str(c).startswith("_")]
    table = _yes_no(table, columns, flag_word, word("no", printing.lang))
    spec, sizes, wrapped = [], [], {}
    for column, header in zip(columns, headers, strict=True):
        kind = _column_kind(table[column])
        given = (widths or {}).get(column)
        width = given or _guess_width(header, table[column])
        if kind == "text" and given and _longest(table[column]) > given * CHARS_PER_WIDTH:
            kind = "wrap"  # a name longer than its column wraps
        fmt = getattr(formats, kind)
        right = kind in ("number", "date", "datetime")
        spec.append({"header": header, "format": fmt,
                     "header_format": formats.header_right if right else formats.header})
        if kind == "wrap":
            width = given or min(width, WRAP_WIDTH)
            wrapped[column] = width
        sizes.append(width)
        sheet.set_column(len(spec) - 1, len(spec) - 1, width, fmt)
    last_row = max(len(table), 1)
    last_col = max(len(columns) - 1, 0)
    heights = row_heights(table[list(wrapped)], wrapped) if wrapped else None
    sheet.set_row(0, max(header_height(h, w) for h, w in zip(headers, sizes, strict=True))
                  if headers else LINE_POINTS)
    if sheet.constant_memory:
        # A large round: rows go straight to disk, so an autofilter stands in for the
        # Excel table (which xlsxwriter cannot add in this mode).
        sheet.write_row(0, 0, list(headers), formats.header)
        sheet.autofilter(0, 0, last_row, last_col)
    else:
        data = {}
        if charted:
            rows = table[columns].itertuples(index=False, name=None)
            data = {"data": [[workbook_value(v) for v in row] for row in rows]}
            for r, height in enumerate(heights or [], start=1):
                sheet.set_row(r, height)
        sheet.add_table(0, 0, last_row, last_col, {
            **data, "columns": spec, "style": "Table Style Light 9",
            "name": table_name(name)})
    if not charted and len(table):
        # A slice of rows at a time, fewer the wider the table: memory follows the cells.
        step = max(100, STREAM_ROWS * 35 // max(len(columns), 35))
        for start in range(0, len(table), step):
            part = table.iloc[start:start + step]
            write_columns(sheet, 1 + start, [
                column_cells(part[column], c, 1 + start, s["format"], formats.date)
                for c, (column, s) in enumerate(zip(columns, spec, strict=True))],
                heights[start:start + step] if heights else None)
    elif not len(table):
        note = empty_note or word("table.empty", printing.lang)
        write_rows(sheet, 1, [text_cell(0, 1, formats.note, note)], last_col)
    sheet.freeze_panes(1, 0)
    setup(sheet, printing, sizes, last_row=last_row, select=select)
    for index, column in enumerate(columns):
        if column in FLAG_COLOURS and len(table):
            sheet.conditional_format(1, index, last_row, index, {
                "type": "cell", "criteria": "==", "value": f'"{flag_word}"',
                "format": formats.fills[column]})
    return sheet


def _yes_no(table: pd.DataFrame, columns: list[str], yes: str, no: str) -> pd.DataFrame:
    """`table` with its columns of True and False (blank allowed) said in words: a
    spreadsheet prints a logical cell as 1 or 0 (LibreOffice) or TRUE and FALSE."""
    said = {}
    for column in columns:
        values = table[column]
        if _flags(values):
            said[column] = values.map(lambda v: None if is_blank(v) else (yes if v else no))
    return table.assign(**said) if said else table


def _flags(values: pd.Series) -> bool:
    """Whether a column holds True and False (and blanks), at least one of them. Only a
    column of Python objects is looked into, and only until a value that is not one: the
    texts, numbers and dates of most columns are not copied to find it out."""
    if pd.api.types.is_bool_dtype(values):
        return bool(values.notna().any())
    if values.dtype != object:
        return False
    seen = False
    for v in values.to_numpy():
        if isinstance(v, bool | np.bool_):
            seen = True
        elif not is_blank(v):
            return False
    return seen


def _column_kind(series: pd.Series) -> str:
    """The format a column's values take: date, datetime, number, wrap (running text)
    or text."""
    if pd.api.types.is_datetime64_any_dtype(series):
        has_time = bool((series.dropna().dt.normalize() != series.dropna()).any())
        return "datetime" if has_time else "date"
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return "number"
    if not pd.api.types.is_numeric_dtype(series):
        sample = _first_present(series, 200).astype(str)
        if len(sample) and sample.str.len().max() > 40:
            return "wrap"
    return "text"


def _longest(series: pd.Series) -> int:
    """The length of the longest text among the first values of a column."""
    sample = _first_present(series, 500).astype(str)
    return int(sample.str.len().max()) if len(sample) else 0


def _first_present(series: pd.Series, n: int) -> pd.Series:
    """The first `n` values that are not blank, in order: a column's head is looked at
    first (finding every blank of a long column to keep a few hundred values cost more
    than the rest of choosing its format and width)."""
    head = series.iloc[:4 * n].dropna()
    if len(head) >= n or len(series) <= 4 * n:
        return head.head(n)
    return series.dropna().head(n)


def _guess_width(header: str, series: pd.Series) -> int:
    sample = _first_present(series, 200).astype(str)
    longest = int(sample.str.len().max()) if len(sample) else 0
    return max(10, min(MAX_WIDTH, max(len(header) + 4, longest + 2)))


def write_value(sheet: Worksheet, r: int, c: int, value: object, fmt: Format) -> None:
    """A typed value in its cell as a person typed it: blank, a date, a number or text."""
    if value is None or value == "":
        sheet.write_blank(r, c, None, fmt)
    elif isinstance(value, dt.date):
        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), fmt)
    elif isinstance(value, int | float):
        sheet.write_number(r, c, value, fmt)
    else:
        sheet.write_string(r, c, str(value), fmt)
