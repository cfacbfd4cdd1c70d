"""Rows of a large sheet written as XML a column at a time, straight into the sheet that
xlsxwriter is writing.

xlsxwriter spends about 8 µs on each cell it writes (a call, a type dispatch, a format
lookup, an attribute string); a large round's consolidated workbook has millions of
cells, and its feedback workbooks a few hundred each. Here the cells of a whole column are
made in one pass with the column's style and joined row by row. In constant-memory mode
the rows are appended to the sheet's row file, where xlsxwriter itself puts each row it
finishes; in a workbook assembled in memory a `StreamedSheet` keeps them and writes them
after the rows xlsxwriter holds. The rest of the sheet (column widths, filters, panes,
conditional formats, comments, printing) and the package stay xlsxwriter's. The cells
are the ones xlsxwriter writes in constant-memory mode: inline strings, numbers, date
serials, booleans.

This leans on how xlsxwriter writes a sheet (`row_data_fh`, `previous_row`,
`_write_single_row`, `_check_dimensions`, `_write_sheet_data`, `_write_rows`), which is
why the project pins xlsxwriter's major version; the tests read these sheets back
against xlsxwriter's own.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

# What a text needs beyond being copied: XML's reserved characters, control characters
# (Excel's _xHHHH_ escapes, and a literal "_x0041_" escaped so it reads back as typed),
# the two non-characters, and leading or trailing white space to preserve.
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s\Z")
_RESERVED = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_EDGE_SPACE = re.compile(r"^\s|\s\Z")
_SPACE = re.compile(r"\s")
EXCEL_MAX_TEXT = 32_767  # UTF-16 units in one cell
_EPOCH = np.datetime64("1899-12-30")
_EPOCH_DATETIME = dt.datetime(1899, 12, 30)
_LEAP_BUG_END = 61  # Excel counts a 29 February 1900; serials below 61 are one lower
_ROWS_PER_WRITE = 2_000
_CHUNK = 512  # values checked for escaping at once

# A cell's XML is `<c r="B7"` followed by its body: style, type and value
# (` s="3" t="inlineStr"><is><t>texto</t></is></c>`); "" is a blank cell. Bodies are made
# once per value, and placed at any row (the feedback workbooks place each reporter's).
Bodies = list[str]
Cells = list[str]


def column_cells(
    values: pd.Series, column: int, first_row: int, style: Format | None,
    date_style: Format | None = None,
) -> Cells:
    """The XML of a column's cells, one per value, for rows `first_row`... (0-based)."""
    return place(column, range(first_row, first_row + len(values)),
                 column_bodies(values, style, date_style))


def column_bodies(values: pd.Series, style: Format | None,
                  date_style: Format | None = None) -> Bodies:
    """The bodies of a column's values, by the column's type; dates in a column of mixed
    values take `date_style`."""
    s = style_attr(style)
    if pd.api.types.is_datetime64_any_dtype(values):
        # A day among moments (a stated submission date beside a file's time) is printed
        # as a day: "2026-11-18", not "2026-11-18 00:00".
        ds = style_attr(date_style) if date_style is not None else s
        return [_number(ds if isinstance(v, float) and v.is_integer() else s, v)
                for v in _serials(values)]
    if pd.api.types.is_bool_dtype(values):
        return [_boolean(s, v) for v in values.tolist()]
    if pd.api.types.is_numeric_dtype(values):
        return [_number(s, v) for v in values.tolist()]
    ds = style_attr(date_style) if date_style is not None else s
    items = values.fillna("").tolist()
    bodies: Bodies = []
    for start in range(0, len(items), _CHUNK):
        chunk = items[start:start + _CHUNK]
        if _plain(chunk):  # the common case: texts that need no escaping
            bodies += [f'{s} t="inlineStr"><is><t>{v}</t></is></c>' if v else ""
                       for v in chunk]
        else:
            bodies += [body(v, s, ds) for v in chunk]
    return bodies


def styled_bodies(values: Sequence[object], styles: Sequence[str]) -> Bodies:
    """The bodies of values of any type, each with its own style attribute (a side sheet's
    column, where a row to act on is marked): texts that need no escaping made in one
    pass, as `column_bodies` makes them, the others one by one."""
    bodies: Bodies = []
    for start in range(0, len(values), _CHUNK):
        chunk, attrs = list(values[start:start + _CHUNK]), styles[start:start + _CHUNK]
        if _plain(chunk):
            bodies += [f'{s} t="inlineStr"><is><t>{v}</t></is></c>' if v else ""
                       for v, s in zip(chunk, attrs, strict=True)]
        else:
            bodies += [body(v, s) for v, s in zip(chunk, attrs, strict=True)]
    return bodies


def place(column: int, rows: Sequence[int], bodies: Sequence[str]) -> Cells:
    """Cells of one column at the given rows (0-based), from their bodies."""
    letter = xl_col_to_name(column)
    return [f'<c r="{letter}{r + 1}"{b}' if b else ""
            for r, b in zip(rows, bodies, strict=True)]


def restyle(body_: str, style: Format | None) -> str:
    """A body with another style (a highlighted cell; a blank one stays, styled)."""
    if not body_:
        return style_attr(style) + "/>"
    rest = re.sub(r'^ s="\d+"', "", body_)
    return style_attr(style) + rest


def text_cell(column: int, row: int, style: Format | None, value: str) -> str:
    """One text cell (0-based row and column)."""
    return cell(xl_col_to_name(column), row, style_attr(style), value)


def cell(letter: str, row: int, s: str, value: object) -> str:
    """One cell of any value, at column `letter` and row `row` (0-based), with the style
    attribute `s` (`style_attr`): for rows made cell by cell."""
    made = body(value, s)
    return f'<c r="{letter}{row + 1}"{made}' if made else ""


class StreamedSheet(Worksheet):
    """A worksheet that also takes streamed rows in a workbook assembled in memory
    (`add_worksheet(name, worksheet_class=StreamedSheet)`): they are kept as XML and
    written after the rows xlsxwriter holds, so they must be the sheet's last rows."""

    dim_rowmax: int  # (xlsxwriter's: the sheet's last row)

    def __init__(self) -> None:
        super().__init__()
        self.streamed: list[str] = []
        self.streamed_from: int | None = None
        self.streamed_end = 0  # the row after the last streamed one

    def _write_sheet_data(self) -> None:
        if self.streamed_from is None:
            super()._write_sheet_data()
            return
        held = [r for r, cells in self.table.items() if cells]
        if held and max(held) >= self.streamed_from:
            raise ValueError(f"row {max(held)} was written among the streamed rows")
        self._xml_start_tag("sheetData")
        if held:
            last = self.dim_rowmax
            self.dim_rowmax = max(held)  # xlsxwriter writes its own rows, then these
            self._write_rows()
            self.dim_rowmax = last
        for chunk in self.streamed:
            self.fh.write(chunk)
        self._xml_end_tag("sheetData")


def write_rows(sheet: Worksheet, first_row: int, rows: Iterable[str], last_col: int,
               heights: Sequence[float] | None = None) -> int:
    """Append rows of cells (each row's cells joined, in column order; "" for an empty
    row), with their heights in points if given, at `first_row` and below, after what
    the sheet already holds; the rows written. The sheet is in constant-memory mode, or
    a StreamedSheet."""
    if sheet.constant_memory:
        if first_row < sheet.previous_row:
            raise ValueError(f"row {first_row} is above rows already written")
        sheet._write_single_row(first_row)  # flush the row xlsxwriter holds (the header)
        write = sheet.row_data_fh.write
    elif isinstance(sheet, StreamedSheet):
        if sheet.streamed_from is None:
            sheet.streamed_from = sheet.streamed_end = first_row
        elif first_row != sheet.streamed_end:
            raise ValueError(f"row {first_row} does not follow the streamed rows")
        write = sheet.streamed.append
    else:
        raise ValueError("rows are streamed into a constant-memory sheet or a StreamedSheet")
    count = 0
    chunk: list[str] = []
    for number, cells in enumerate(rows, start=first_row + 1):
        count += 1
        if heights is not None:
            height = f' ht="{heights[count - 1]:g}" customHeight="1"'
            chunk.append(f'<row r="{number}"{height}>{cells}</row>')
        elif cells:
            chunk.append(f'<row r="{number}">{cells}</row>')
        if len(chunk) >= _ROWS_PER_WRITE:
            write("".join(chunk))
            chunk.clear()
    write("".join(chunk))
    if count:
        sheet._check_dimensions(first_row + count - 1, last_col)
        sheet._check_dimensions(first_row, 0)
        if sheet.constant_memory:
            sheet.previous_row = first_row + count
        else:
            sheet.streamed_end = first_row + count
    return count


def write_columns(sheet: Worksheet, first_row: int, columns: Sequence[Cells],
                  heights: Sequence[float] | None = None) -> int:
    """Append a table's cells, given column by column, at `first_row` and below (with
    each row's height in points, if given)."""
    if not columns:
        return 0
    return write_rows(sheet, first_row, map("".join, zip(*columns, strict=True)),
                      len(columns) - 1, heights)


def body(value: object, s: str = "", ds: str | None = None) -> str:
    """The body of one value of any type (`s` the style attribute, `ds` a date's)."""
    if isinstance(value, str):
        return _text(s, value)
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return _boolean(s, value)
    if isinstance(value, int | float):
        return _number(s, value)
    if isinstance(value, dt.datetime | dt.date):
        serial = _serial(value)
        return _number(ds or s, serial) if serial is not None else _text(s, str(value))
    return _text(s, str(value))


def style_attr(style: Format | None) -> str:
    return f' s="{style._get_xf_index()}"' if style is not None else ""


def _plain(chunk: list[object]) -> bool:
    """Whether every value is a text that goes into XML as it is (one scan of them all):
    no character to escape, no white space to keep at its ends, not too long for a cell."""
    try:
        "".join(chunk)  # type: ignore[arg-type]  # (a value not a text: TypeError)
    except TypeError:
        return False
    if max(map(len, chunk), default=0) > EXCEL_MAX_TEXT // 2:  # type: ignore[arg-type]
        return False
    texts: list[str] = [t for t in chunk if t]  # type: ignore[misc]
    joined = "\n".join(texts)
    # White space to keep is at a text's ends: each text's first and last characters,
    # searched at once (a search of every line's ends in the joined texts cost eight
    # times as much: the engine tries `\s` at every character).
    ends = "".join([t[0] + t[-1] for t in texts])
    return not (_RESERVED.search(joined) or _LITERAL_ESCAPE.search(joined)
                or _SPACE.search(ends))


def _serials(values: pd.Series) -> list[object]:
    """Excel's day serials (1900 system) of datetimes; None where blank or before 1900."""
    days = (values.to_numpy("datetime64[ns]") - _EPOCH) / np.timedelta64(1, "D")
    days = np.where(days < _LEAP_BUG_END, days - 1, days)
    return [d if d >= 1 else None for d in days.tolist()]  # NaN >= 1 is False


def _serial(value: dt.date) -> float | None:
    """`_serials` of one date or datetime."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    days = (value.replace(tzinfo=None) - _EPOCH_DATETIME) / dt.timedelta(days=1)
    if days < _LEAP_BUG_END:
        days -= 1
    return days if days >= 1 else None


def _number(s: str, value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, int):
        return f"{s}><v>{value}</v></c>"
    return f"{s}><v>{value:.16G}</v></c>"


def _boolean(s: str, value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    return f'{s} t="b"><v>{1 if value else 0}</v></c>'


def _text(s: str, value: str) -> str:
    if not value:
        return ""
    if len(value) > EXCEL_MAX_TEXT // 2:
        value = _truncate(value)
    if not _SPECIAL.search(value):
        return f'{s} t="inlineStr"><is><t>{value}</t></is></c>'
    space = ' xml:space="preserve"' if _EDGE_SPACE.search(value) else ""
    value = _LITERAL_ESCAPE.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    value = value.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'{s} t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _truncate(value: str) -> str:
    """At most Excel's 32,767 UTF-16 units (a longer cell makes Excel refuse the file)."""
    encoded = value.encode("utf-16-le")
    if len(encoded) <= 2 * EXCEL_MAX_TEXT:
        return value
    return encoded[: 2 * EXCEL_MAX_TEXT].decode("utf-16-le", errors="ignore")
