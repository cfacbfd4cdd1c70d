"""A feedback workbook's sheets of an item's side rows (the observations of
pipeline.write.feedback_observations, the indicators of pipeline.write.feedback_indicators):
a title, a note across the table, the column titles, then the rows, all streamed as XML
(a cell at a time through xlsxwriter cost more than the rest of the workbook), in a sheet
whose other parts are assembled once per shape (pipeline.write.skeleton)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from pipeline.model.values import display_text
from pipeline.write.printing import CHARS_PER_WIDTH, Printing, setup, text_height
from pipeline.write.skeleton import SkeletonSheet
from pipeline.write.xlsx import Formats
from pipeline.write.xmlrows import StreamedSheet, body, cell, style_attr, write_rows

HEADER_ROW = 3  # a title, a note, a blank row, then the table
Row = tuple[Sequence[str], Sequence[object]]  # each cell's style attribute, and its value


def side_sheet(workbook: Workbook, formats: Formats, printing: Printing, name: str,
               title: str, note: str, columns: Mapping[str, int], heads: Sequence[str],
               wrapped: Collection[str], right: Collection[str] = ()) -> SkeletonSheet:
    """The sheet `name` with its heading: `columns` (key -> width in characters) titled
    `heads`, the `wrapped` ones wrapping, the `right` ones' titles over their numbers.

    The heading is streamed as the table's rows are (its texts inline, not shared); the
    columns are set only if the sheet is assembled whole (pipeline.write.skeleton): the
    same in every workbook of a language and paper, as everything its `shape` names."""
    sheet = workbook.add_worksheet(name, worksheet_class=SkeletonSheet)
    widths = list(columns.values())
    setup(sheet, printing, widths, header_row=HEADER_ROW)
    column_formats = [formats.wrap if key in wrapped else formats.text for key in columns]
    heading = [formats.header_right if key in right else formats.header for key in columns]
    styles = [style_attr(f) for f in (formats.title, formats.note_wrap, *column_formats,
                                      *heading)]  # (numbered now: the shape names them)
    last = len(widths) - 1
    letters = [xl_col_to_name(c) for c in range(len(widths))]
    note_cells = cell("A", 1, styles[1], note) + "".join(
        f'<c r="{letter}2"{styles[1]}/>' for letter in letters[1:])
    head_cells = "".join(cell(letter, HEADER_ROW, style_attr(style), head)
                         for letter, style, head in zip(letters, heading, heads, strict=True))
    write_rows(sheet, 0, [cell("A", 0, styles[0], title)], last)
    write_rows(sheet, 1, [note_cells], last, [text_height(note, sum(widths))])
    write_rows(sheet, 2, [""], last)
    write_rows(sheet, HEADER_ROW, [head_cells], last,
               [max(text_height(h, w) for h, w in zip(heads, widths, strict=True))])
    sheet.merge.append([1, 0, 1, last])

    def dress() -> None:
        for c, (width, style) in enumerate(zip(widths, column_formats, strict=True)):
            sheet.set_column(c, c, width, style)

    sheet.shape = ("side", tuple(widths), tuple(styles), printing.paper, printing.lang)
    sheet.dress = dress
    return sheet


def column_styles(formats: Formats, columns: Iterable[str], wrapped: Collection[str]
                  ) -> list[str]:
    """Each column's style attribute: wrapping where its texts run long."""
    return [style_attr(formats.wrap if key in wrapped else formats.text) for key in columns]


def write_side_rows(sheet: StreamedSheet, columns: Mapping[str, int], rows: Iterable[Row],
                    wrapped: Collection[str]) -> None:
    """The table's rows under its titles, each as high as its longest wrapped text; the
    titles stay in view."""
    letters = [xl_col_to_name(c) for c in range(len(columns))]
    tall = [(c, width, max(1, int(width * CHARS_PER_WIDTH)))
            for c, (key, width) in enumerate(columns.items()) if key in wrapped]
    one_line = text_height("", 1)
    made, heights = [], []
    for r, (attrs, values) in enumerate(rows, start=HEADER_ROW + 1):
        number = r + 1
        made.append("".join(f'<c r="{letter}{number}"{made_body}' for letter, made_body in
                            zip(letters, map(body, values, attrs), strict=True) if made_body))
        height = one_line
        for c, width, per_line in tall:
            value = values[c]
            text = value if isinstance(value, str) else display_text(value)
            if len(text) >= per_line or "\n" in text:  # (shorter: one line)
                height = max(height, text_height(text, width))
        heights.append(height)
    write_rows(sheet, HEADER_ROW + 1, made, len(columns) - 1, heights)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
