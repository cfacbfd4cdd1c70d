"""A feedback workbook's first sheet (pipeline.write.feedback): what to correct, one issue
a row, each coloured by its severity, under the heading and, if the reporter's items were
observed, where to read the observations."""

from __future__ import annotations

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from pipeline.words import word
from pipeline.write.printing import Printing, setup, text_height
from pipeline.write.skeleton import SkeletonSheet
from pipeline.write.xlsx import Formats
from pipeline.write.xmlrows import body, cell, style_attr, write_rows
from validation import Issue

HEADER = ["severidad", "archivo", "hoja", "celda", "columna", "valor", "que_hacer",
          "sugerencia"]
WIDTHS = [11, 22, 14, 7, 20, 20, 52, 18]
WRAPPED = ("que_hacer", "valor", "archivo", "columna")  # (their rows as tall as they need)


def write_listing(workbook: Workbook, formats: Formats, marks: dict[str, Format],
                  printing: Printing, issues: list[Issue], messages: dict[int, str],
                  pointer: str = "") -> None:
    """The first sheet: what to correct, one issue a row; under the heading, where to
    read the observations of the reporter's items (`pointer`), if any."""
    lang = printing.lang
    listing = workbook.add_worksheet(word("sheet.problemas", lang),
                                     worksheet_class=SkeletonSheet)
    setup(listing, printing, WIDTHS, header_row=3)
    title, note, head = (style_attr(f) for f in (formats.title, formats.note, formats.header))
    styles = [formats.wrap if key in WRAPPED else formats.text for key in HEADER]
    for c, (width, style) in enumerate(zip(WIDTHS, styles, strict=True)):
        listing.set_column(c, c, width, style)
    last = len(HEADER) - 1
    write_rows(listing, 0, [
        cell("A", 0, title, printing.heading),
        cell("A", 1, note, word("feedback.intro" if issues else "feedback.none", lang)),
        cell("A", 2, note, pointer) if pointer else "",
        "".join(cell(xl_col_to_name(c), 3, head, word(f"column.{key}", lang))
                for c, key in enumerate(HEADER))], last)
    rows, heights = [], []
    tall = [(c, WIDTHS[c]) for c, key in enumerate(HEADER) if key in WRAPPED]
    letters = [xl_col_to_name(c) for c in range(len(HEADER))]
    attrs = [style_attr(style) for style in styles]
    severity_attrs = {k: style_attr(v) for k, v in marks.items()}
    # A file's issues repeat their file, sheet, column, severity and suggestion: each
    # value's cell body and height are made once.
    bodies: dict[tuple[str, object], str] = {}
    tallness: dict[tuple[object, int], float] = {}
    for r, issue in enumerate(issues, start=5):
        values = [issue.severity_label(lang), issue.archivo, issue.hoja, issue.celda,
                  issue.columna, issue.valor, messages[id(issue)], issue.suggestion(lang)]
        row_attrs = [severity_attrs[issue.severity], *attrs[1:]]  # severity coloured
        made = []
        for letter, s, v in zip(letters, row_attrs, values, strict=True):
            if (b := bodies.get((s, v))) is None:
                b = bodies[s, v] = body(v, s)
            if b:
                made.append(f'<c r="{letter}{r}"{b}')
        rows.append("".join(made))
        height = 0.0
        for c, w in tall:
            if (h := tallness.get((values[c], w))) is None:
                h = tallness[values[c], w] = text_height(str(values[c]), w)
            height = max(height, h)
        heights.append(height)
    write_rows(listing, 4, rows, last, heights)
    listing.freeze_panes(4, 0)
    listing.activate()
    listing.shape = ("listing", tuple(WIDTHS), title, note, head, *attrs, printing.paper)
