"""The indicators in a feedback workbook (issue 24, docs/contract.md §11): a reporter reads each
indicator it reported, its value against its target, the progress, what was expected by now
and its situation, those behind first; an indicator that named none of its items is marked
(the "Issues" sheet says so at its cell). Its own indicators, restricted items' too.

A sheet of its own, as the observations have (pipeline.write.feedback_observations): an
indicator is read beside its item's id and activity, on one printed page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from pipeline.analyse.indicators import BEHIND_FIRST
from pipeline.model.labels import title
from pipeline.model.run import RunResult
from pipeline.model.values import display_text
from pipeline.words import word
from pipeline.write.printing import Printing, setup, text_height
from pipeline.write.xlsx import Formats

HEADER_ROW = 3  # a title, a note, a blank row, then the table
COLUMNS = {"id": 10, "actividad": 26, "indicador": 26, "unidad": 10, "linea_base": 9,
           "meta": 9, "fecha_meta": 11, "valor": 9, "avance_meta": 10, "esperado": 10,
           "situacion": 12, "fuente": 18}
NUMBERS = {"linea_base", "meta", "valor", "avance_meta", "esperado"}
WRAPPED = {"actividad", "indicador", "fuente", "situacion"}
# The rows to act on, coloured with the feedback's marks (an error's, a warning's colour).
MARKS = {"sin_item": "error", "atrasado": "error", "en_riesgo": "advertencia"}
Measures = dict[str, list[dict[str, object]]]


def measures_of(result: RunResult) -> Measures:
    """The round's indicators by reporter, grouped once for every workbook."""
    table = result.tables.get("indicadores")
    grouped: Measures = {}
    if table is None or table.empty:
        return grouped
    for row in cast(list[dict[str, object]], table.to_dict("records")):
        grouped.setdefault(str(row["informante"]), []).append(row)
    return grouped


def write_indicators(workbook: Workbook, formats: Formats, printing: Printing,
                     informante: str, measures: Measures,
                     severity_marks: Mapping[str, Format]) -> None:
    """The reporter's indicators sheet, if it reported any; the rows to act on coloured
    with the feedback's `severity_marks`."""
    mine = measures.get(informante)
    if not mine:
        return
    lang = printing.lang
    sheet = workbook.add_worksheet(word("sheet.indicadores", lang))
    widths = list(COLUMNS.values())
    setup(sheet, printing, widths, header_row=HEADER_ROW)
    sheet.write(0, 0, word("feedback.indicators_title", lang), formats.title)
    note = word("feedback.indicators_note", lang, problemas=word("sheet.problemas", lang))
    sheet.merge_range(1, 0, 1, len(widths) - 1, note, formats.note_wrap)
    sheet.set_row(1, text_height(note, sum(widths)))
    for c, (key, width) in enumerate(COLUMNS.items()):
        sheet.set_column(c, c, width, formats.wrap if key in WRAPPED else formats.text)
    heads = [title(k, lang) for k in COLUMNS]
    sheet.set_row(HEADER_ROW, max(text_height(h, w) for h, w in zip(heads, widths,
                                                                       strict=True)))
    for c, (key, head) in enumerate(zip(COLUMNS, heads, strict=True)):  # as their values
        sheet.write(HEADER_ROW, c, head, formats.header_right if key in NUMBERS
                    else formats.header)
    marks = {k: severity_marks[v] for k, v in MARKS.items()}
    # a number set off from the text after it (printed, "6" ran into "2028-01-01")
    number = workbook.add_format({"align": "right", "indent": 1, "valign": "top"})
    rows = sorted(mine, key=lambda m: (bool(m["_conocido"]),
                                       BEHIND_FIRST.get(str(m["situacion"]), 9),
                                       str(m["id"]), int(str(m["_fila"]))))
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        mark = "sin_item" if not row["_conocido"] else str(row["situacion"])
        for c, key in enumerate(COLUMNS):
            value = row.get(key)
            if key in NUMBERS and isinstance(value, int | float) and value == value:
                sheet.write_number(r, c, float(value), number)
            elif key == "situacion":
                text = word(f"situation.{value}", lang) if value else ""
                if not row["_conocido"]:
                    text = word("feedback.indicators_no_item", lang)
                sheet.write_string(r, c, text, marks.get(mark))
            else:
                sheet.write_string(r, c, display_text(value))
        sheet.set_row(r, max(text_height(display_text(row.get(k)), COLUMNS[k])
                             for k in WRAPPED))
    sheet.freeze_panes(HEADER_ROW + 1, 0)
