"""A feedback workbook's sheets of an item's side rows (the observations of
pipeline.write.feedback_observations, the indicators of pipeline.write.feedback_indicators):
a title, a note across the table, the column titles, then the rows, all streamed as XML
(a cell at a time through xlsxwriter cost more than the rest of the workbook), in a sheet
whose other parts are assembled once per shape (pipeline.write.skeleton)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from pipeline.model.values import display_text
from pipeline.write.printing import CHARS_PER_WIDTH, Printing, setup, text_height
from pipeline.write.skeleton import SkeletonSheet
from pipeline.write.xlsx import Formats
from pipeline.write.xmlrows import (
    StreamedSheet,
    cell,
    style_attr,
    styled_bodies,
    write_rows,
)

HEADER_ROW = 3  # a title, a note, a blank row, then the table
Row = tuple[Sequence[str], Sequence[object]]  # each cell's style attribute, and its value


@dataclass(frozen=True)
class SideTable:
    """A side sheet's heading: its `name`, `title` and `note`, its `columns` (key -> width
    in characters) titled `heads`, the `wrapped` ones wrapping, the `right` ones' titles
    over their numbers."""

    name: str
    title: str
    note: str
    columns: Mapping[str, int]
    heads: Sequence[str]
    wrapped: Collection[str]
    right: Collection[str] = ()


def add_side_sheet(workbook: Workbook, formats: Formats, printing: Printing,
                   table: SideTable, rows: Iterable[Row]) -> None:
    """The sheet of `table` and its `rows`, whole: made by this one call, so that its
    shape (pipeline.write.skeleton) names every input that sets its columns, panes,
    merged note and printing. The heading is streamed as the rows are (inline texts)."""
    sheet = workbook.add_worksheet(table.name, worksheet_class=SkeletonSheet)
    widths = list(table.columns.values())
    setup(sheet, printing, widths, header_row=HEADER_ROW)
    column_formats = _column_formats(formats, table.columns, table.wrapped)
    heading = [formats.header_right if key in table.right else formats.header
               for key in table.columns]
    for c, (width, style) in enumerate(zip(widths, column_formats, strict=True)):
        sheet.set_column(c, c, width, style)
    styles = [style_attr(f) for f in (formats.title, formats.note_wrap, *column_formats,
                                      *heading)]
    last = len(widths) - 1
    letters = [xl_col_to_name(c) for c in range(len(widths))]
    note_cells = cell("A", 1, styles[1], table.note) + "".join(
        f'<c r="{letter}2"{styles[1]}/>' for letter in letters[1:])
    head_cells = "".join(cell(letter, HEADER_ROW, style_attr(style), head) for letter, style,
                         head in zip(letters, heading, table.heads, strict=True))
    write_rows(sheet, 0, [cell("A", 0, styles[0], table.title)], last)
    write_rows(sheet, 1, [note_cells], last, [text_height(table.note, sum(widths))])
    write_rows(sheet, 2, [""], last)
    write_rows(sheet, HEADER_ROW, [head_cells], last,
               [max(text_height(h, w) for h, w in zip(table.heads, widths, strict=True))])
    sheet.merge.append([1, 0, 1, last])
    _write_side_rows(sheet, table.columns, rows, table.wrapped)
    # (the footer's words, in the printing's language, are one of the pieces each sheet
    # writes itself: the language is not part of the shape)
    sheet.shape = ("side", tuple(widths), tuple(styles), printing.paper)


def column_styles(formats: Formats, columns: Iterable[str], wrapped: Collection[str]
                  ) -> list[str]:
    """Each column's style attribute: wrapping where its texts run long."""
    return [style_attr(f) for f in _column_formats(formats, columns, wrapped)]


def _column_formats(formats: Formats, columns: Iterable[str], wrapped: Collection[str]
                    ) -> list[Format]:
    return [formats.wrap if key in wrapped else formats.text for key in columns]


def _write_side_rows(sheet: StreamedSheet, columns: Mapping[str, int], rows: Iterable[Row],
                     wrapped: Collection[str]) -> None:
    """The table's rows under its titles, each as high as its longest wrapped text; the
    titles stay in view. Made a column at a time: an observer's own sheet may hold
    thousands of rows, and a cell at a time cost more than the rest of a small sheet."""
    styles_of: list[Sequence[str]] = []
    values_of: list[Sequence[object]] = []
    for attrs, values in rows:
        styles_of.append(attrs)
        values_of.append(values)
    numbers = range(HEADER_ROW + 2, HEADER_ROW + 2 + len(values_of))
    one_line = text_height("", 1)
    heights = [one_line] * len(values_of)
    cells = []
    for c, (key, width) in enumerate(columns.items()):
        values = [row[c] for row in values_of]
        letter = xl_col_to_name(c)
        bodies = styled_bodies(values, [attrs[c] for attrs in styles_of])
        cells.append([f'<c r="{letter}{number}"{made}' if made else ""
                      for number, made in zip(numbers, bodies, strict=True)])
        if key in wrapped:
            per_line = max(1, int(width * CHARS_PER_WIDTH))
            for r, value in enumerate(values):
                text = value if isinstance(value, str) else display_text(value)
                if len(text) >= per_line or "\n" in text:  # (shorter: one line)
                    heights[r] = max(heights[r], text_height(text, width))
    write_rows(sheet, HEADER_ROW + 1, map("".join, zip(*cells, strict=True)),
               len(columns) - 1, heights)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
