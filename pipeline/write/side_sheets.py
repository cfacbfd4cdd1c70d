"""A feedback workbook's sheets of an item's side rows (the observations of
pipeline.write.feedback_observations, the indicators of pipeline.write.feedback_indicators):
a title, a note across the table, the column titles, then the rows, streamed as XML after
the heading xlsxwriter holds (a cell at a time through xlsxwriter cost more than the rest
of the workbook)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from pipeline.model.values import display_text
from pipeline.write.printing import Printing, setup, text_height
from pipeline.write.xlsx import Formats
from pipeline.write.xmlrows import StreamedSheet, cell, style_attr, write_rows

HEADER_ROW = 3  # a title, a note, a blank row, then the table
Row = tuple[Sequence[str], Sequence[object]]  # each cell's style attribute, and its value


def side_sheet(workbook: Workbook, formats: Formats, printing: Printing, name: str,
               title: str, note: str, columns: Mapping[str, int], heads: Sequence[str],
               wrapped: Collection[str], right: Collection[str] = ()) -> StreamedSheet:
    """The sheet `name` with its heading: `columns` (key -> width in characters) titled
    `heads`, the `wrapped` ones wrapping, the `right` ones' titles over their numbers."""
    sheet = workbook.add_worksheet(name, worksheet_class=StreamedSheet)
    widths = list(columns.values())
    setup(sheet, printing, widths, header_row=HEADER_ROW)
    sheet.write(0, 0, title, formats.title)
    sheet.merge_range(1, 0, 1, len(widths) - 1, note, formats.note_wrap)
    sheet.set_row(1, text_height(note, sum(widths)))
    for c, (key, width) in enumerate(columns.items()):
        sheet.set_column(c, c, width, formats.wrap if key in wrapped else formats.text)
    sheet.set_row(HEADER_ROW, max(text_height(h, w) for h, w in zip(heads, widths,
                                                                       strict=True)))
    for c, (key, head) in enumerate(zip(columns, heads, strict=True)):
        sheet.write(HEADER_ROW, c, head, formats.header_right if key in right
                    else formats.header)
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
    tall = [(c, width) for c, (key, width) in enumerate(columns.items()) if key in wrapped]
    made, heights = [], []
    for r, (attrs, values) in enumerate(rows, start=HEADER_ROW + 1):
        made.append("".join(cell(letter, r, s, v) for letter, s, v in
                            zip(letters, attrs, values, strict=True)))
        heights.append(max((text_height(display_text(values[c]), width) for c, width in tall),
                           default=text_height("", 1)))
    write_rows(sheet, HEADER_ROW + 1, made, len(columns) - 1, heights)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
