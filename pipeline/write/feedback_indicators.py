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
from pipeline.write.printing import Printing
from pipeline.write.side_sheets import Row, SideTable, add_side_sheet, column_styles
from pipeline.write.xlsx import Formats
from pipeline.write.xmlrows import style_attr

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
    note = word("feedback.indicators_note", lang, problemas=word("sheet.problemas", lang))
    marks = {k: style_attr(severity_marks[v]) for k, v in MARKS.items()}
    styles = column_styles(formats, COLUMNS, WRAPPED)
    # a number set off from the text after it (printed, "6" ran into "2028-01-01")
    number = style_attr(formats.measure)
    rows = sorted(mine, key=lambda m: (bool(m["_conocido"]),
                                       BEHIND_FIRST.get(str(m["situacion"]), 9),
                                       str(m["id"]), int(str(m["_fila"]))))

    def row_of(row: dict[str, object]) -> Row:
        mark = "sin_item" if not row["_conocido"] else str(row["situacion"])
        attrs, values = [*styles], []
        for c, key in enumerate(COLUMNS):
            value = row.get(key)
            if key in NUMBERS and isinstance(value, int | float) and value == value:
                attrs[c], value = number, float(value)
            elif key == "situacion":
                attrs[c] = marks.get(mark, styles[c])
                value = (word("feedback.indicators_no_item", lang) if not row["_conocido"]
                         else word(f"situation.{value}", lang) if value else "")
            else:
                value = display_text(value)
            values.append(value)
        return attrs, values

    table = SideTable(word("sheet.indicadores", lang), word("feedback.indicators_title", lang),
                      note, COLUMNS, [title(k, lang) for k in COLUMNS], WRAPPED, right=NUMBERS)
    add_side_sheet(workbook, formats, printing, table, map(row_of, rows))
