"""consolidado.xlsx (docs/contract.md §6): the summary with its charts, the matrix as an Excel
table, the changes since the previous round, the row lists, the status grid, the submissions and
the issues, every word in the run's language (the CSVs keep the canonical keys)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from pipeline.analyse.flags import FLAGS
from pipeline.analyse.tables import LIST_KEYS, round_table
from pipeline.model.labels import status_labels, title
from pipeline.model.run import RunResult
from pipeline.model.values import map_distinct
from pipeline.reference.data import Reference
from pipeline.words import word
from pipeline.write.charts import STATUS_COLOURS
from pipeline.write.observations import (
    INDICATOR_WIDTHS,
    indicator_sheet,
    observation_sheet,
    observed_columns,
    with_observations,
)
from pipeline.write.observations import WIDTHS as OBSERVATION_WIDTHS
from pipeline.write.printing import Paper, Printing, row_heights, setup, text_height
from pipeline.write.summary import write_summary
from pipeline.write.xlsx import Formats, new_workbook, write_table
from pipeline.write.xmlrows import StreamedSheet, body, cell, style_attr, write_rows

SHEETS = ("matriz", "cambios", "vencidos", "por_vencer", "sin_responsable",
          "plazos_imprecisos", "cuadricula", "observaciones", "indicadores", "envios",
          "problemas")
LIST_COLUMNS = ("informante", "id", "actividad", "responsable", "plazo", "fecha_limite",
                "dias_vencido", "estado", "avance", "observaciones", "grupo_trabajo",
                "archivo", "hoja", "fila", *FLAGS, "problemas", "reservado")
# What a printed page of each sheet shows first (and, when the sheet is wider than a
# page, only): the columns a meeting reads. The CSVs keep the contract's order
# (docs/contract.md §6).
FIRST = {
    "matriz": ("informante", "id", "actividad", "responsable", "plazo", "fecha_limite",
               "estado", "estado_observado", "observacion_observador", "avance", "vencido",
               "por_vencer"),
    "envios": ("informante", "archivo", "estado", "motivo", "fecha_envio", "a_tiempo",
               "filas", "errores", "advertencias"),
    "problemas": ("severidad", "archivo", "hoja", "celda", "mensaje", "sugerencia", "valor"),
}
GRID_ID, GRID_ACTIVITY, GRID_STATUS = 13, 36, 11  # the status grid's columns
WIDTHS = {"informante": 16, "id": 13, "actividad": 44, "responsable": 22, "plazo": 16,
          "fecha_limite": 11, "estado": 13, "avance": 8, "vencido": 9, "por_vencer": 10,
          "dias_vencido": 9, "observaciones": 36, "grupo_trabajo": 20, "pilar": 26,
          "tema": 26, "resultado_esperado": 30, "indicadores": 30,
          "responsable_medicion": 22, "precision_plazo": 12, "supuestos_riesgos": 30,
          "reservado": 10, "ronda": 9, "archivo": 26, "hoja": 14, "fila": 6,
          "fecha_envio": 16, "problemas": 24, "motivo": 40, "detalle_tecnico": 30,
          "a_tiempo": 9, "filas": 7, "errores": 8, "advertencias": 12, "hojas": 18,
          "severidad": 11, "codigo": 22, "mensaje": 56, "celda": 7, "columna": 22,
          "valor": 24, "sugerencia": 20, "tipo": 20, "antes": 16, "despues": 16, "dias": 7,
          "detalle": 26}
# Reference values shown in the run's language (the CSVs keep the canonical names).
REFERENCE_COLUMNS = {"pilar": "pilar", "tema": "tema", "grupo_trabajo": "parte",
                     "responsable": "parte", "informante": "parte"}


def write_consolidated(result: RunResult, path: Path, large: bool,
                       on_sheet: Callable[[str], None] | None = None) -> None:
    lang = result.lang
    ref = result.ref
    heading = word("heading.round", lang, plan=ref.label("plan", ref.plan_nombre, lang),
                   ronda=result.ronda, as_of=result.as_of.isoformat())
    workbook = new_workbook(path, result.as_of, heading, large=large)
    formats = Formats(workbook)
    printing = Printing(Paper(ref.papel), heading, lang)
    labels = status_labels(ref, lang)
    beside = observed_columns(result.tables.get("observaciones"), labels)  # (made once)
    summary = {k: _summary_labels(t, ref, lang) for k, t in result.summary.items()}
    summary_sheet = workbook.add_worksheet(word("sheet.resumen", lang))
    write_summary(workbook, formats, summary_sheet, result.figures(), summary, labels,
                  printing, ref.red.placeholders(lang), ref)
    _tell(on_sheet, summary_sheet.get_name())
    for key in SHEETS:
        name = word(f"sheet.{key}", lang)
        if key == "cambios":
            changes = result.tables.get(key, pd.DataFrame(columns=["informante", "id"]))
            table = change_labels(changes, labels, ref, lang)
            headers = [title(c, lang) for c in table.columns if not str(c).startswith("_")]
            first = result.previous is None
            write_table(workbook, formats, name, table, headers, printing, WIDTHS,
                        empty_note=word("changes.none" if first else "changes.nothing",
                                        lang))
        elif key == "observaciones":
            observed = result.tables.get(key)
            if observed is None or observed.empty:
                _tell(on_sheet, name)  # nobody observed: no sheet (nor a word of it)
                continue
            table = observation_sheet(observed, labels, ref, lang)
            write_table(workbook, formats, name, table, [title(c, lang) for c in table.columns],
                        printing, {**WIDTHS, **OBSERVATION_WIDTHS})
        elif key == "indicadores":
            measured = result.tables.get(key)
            if measured is None or measured.empty:
                _tell(on_sheet, name)  # no indicator reported: no sheet
                continue
            table = indicator_sheet(measured, ref, lang)
            write_table(workbook, formats, name, table, [title(c, lang) for c in table.columns],
                        printing, {**WIDTHS, **INDICATOR_WIDTHS})
        elif key == "cuadricula":
            _write_grid(workbook, formats, name, result.summary["cuadricula"], labels, ref,
                        printing)
        else:
            table = round_table(result.tables, key)  # (a list: made here, let go after)
            if key in LIST_KEYS:
                # The lists show what a meeting needs; every column is in the Matrix sheet
                # and in the CSVs.
                table = table[[c for c in LIST_COLUMNS if c in table.columns]]
            if key in {"matriz", *LIST_KEYS}:
                table = _with_labels(table, labels, ref, lang)
            if key in {"matriz", *LIST_KEYS}:  # an observed item shows its observation
                table = with_observations(table, beside)
            table = _first(table, FIRST.get(key, ()))
            headers = [title(c, lang, result.extra_titles, ref) for c in table.columns
                       if not str(c).startswith("_")]
            write_table(workbook, formats, name, table, headers, printing, WIDTHS,
                        flag_word=word("yes", lang))
        _tell(on_sheet, name)
    workbook.close()


def _first(table: pd.DataFrame, leading: tuple[str, ...]) -> pd.DataFrame:
    """`table` with the `leading` columns it has first, the others after in their order."""
    if not leading:
        return table
    ahead = [c for c in leading if c in table.columns]
    return table[ahead + [c for c in table.columns if c not in ahead]]


def _tell(on_sheet: Callable[[str], None] | None, name: str) -> None:
    if on_sheet is not None:
        on_sheet(name)


def _summary_labels(table: pd.DataFrame, ref: Reference, lang: str) -> pd.DataFrame:
    """A summary table with its reference values (pillars, groups, parties) in `lang`."""
    table = table.copy(deep=False)
    for column in ("grupo_trabajo", "pilar", "informante", "responsable"):
        if column in table:
            kind = REFERENCE_COLUMNS[column]
            table[column] = map_distinct(table[column], functools.partial(
                _label_of, ref, kind, lang))
    return table


def _label_of(ref: Reference, kind: str, lang: str, value: object) -> str:
    """A reference value (a pillar, a group, a party) as its word in `lang`."""
    return ref.label(kind, str(value), lang)


def change_labels(table: pd.DataFrame, labels: dict[str, str], ref: Reference,
                   lang: str) -> pd.DataFrame:
    table = table.copy(deep=False)  # whole columns are replaced: no row copy
    if "tipo" in table:
        table["tipo"] = map_distinct(table["tipo"], lambda k: word(f"change.{k}", lang))
        for column in ("antes", "despues"):
            table[column] = map_distinct(table[column], lambda k: labels.get(k, k))
        table["detalle"] = map_distinct(table["detalle"], lambda d: word(
            f"change.{d}", lang) if d in ("sin_envio", "ilegible") else d)
        table["informante"] = map_distinct(table["informante"],
                                           lambda v: ref.label("parte", v, lang))
    return table


def _with_labels(table: pd.DataFrame, labels: dict[str, str], ref: Reference,
                 lang: str) -> pd.DataFrame:
    """Statuses, reference values and flags as words in the run's language (the CSVs keep
    canonical keys and true/false). Words, not booleans: they read the same in every
    spreadsheet, filter cleanly, and LibreOffice's PDF export fails on some sheets whose
    conditional formats compare booleans (seen with LibreOffice 7.4)."""
    table = table.copy(deep=False)  # whole columns are replaced: no row copy
    table["estado"] = map_distinct(table["estado"], lambda k: labels.get(k, k))
    for column, kind in REFERENCE_COLUMNS.items():
        if column in table:
            table[column] = map_distinct(table[column], functools.partial(
                _label_of, ref, kind, lang))
    if "precision_plazo" in table:
        table["precision_plazo"] = map_distinct(
            table["precision_plazo"], lambda p: word(f"precision.{p}", lang) if p else "")
    yes_no = {True: word("yes", lang), False: word("no", lang)}
    for flag in (*FLAGS, "reservado"):
        if flag in table:
            table[flag] = table[flag].map(yes_no)
    return table


def _write_grid(workbook: Workbook, formats: Formats, name: str, grid: pd.DataFrame,
                labels: dict[str, str], ref: Reference, printing: Printing) -> None:
    """Items down, reporters across, each cell the status word, coloured. Only the cells
    that hold a status are written: the cost follows the items, not items x reporters.
    Printed with the id and the activity repeated on every page across."""
    lang = printing.lang
    sheet = workbook.add_worksheet(name, worksheet_class=StreamedSheet)
    reporters = sorted(set(grid["informante"].tolist()))
    column_of = {r: c for c, r in enumerate(reporters, start=2)}
    headers = [title("id", lang), title("actividad", lang),
               *(ref.label("parte", r, lang) for r in reporters)]
    widths = [GRID_ID, GRID_ACTIVITY, *[GRID_STATUS] * len(reporters)]
    sheet.set_row(0, max(text_height(h, w) for h, w in zip(headers, widths, strict=True)))
    sheet.write_row(0, 0, headers, formats.header)
    sheet.set_column(0, 0, GRID_ID)
    sheet.set_column(1, 1, GRID_ACTIVITY, formats.wrap)
    if reporters:
        sheet.set_column(2, 1 + len(reporters), GRID_STATUS, formats.wrap)
    last_col = 1 + max(len(reporters), 1)
    starts = grid.iloc[:, 0].ne(grid.iloc[:, 0].shift())  # an item's first row
    firsts = grid.loc[starts].reset_index(drop=True)
    heights = row_heights(firsts.iloc[:, [1]].set_axis(["a"], axis=1), {"a": GRID_ACTIVITY})
    items = write_rows(sheet, 1, _grid_rows(grid, labels, column_of, formats), last_col,
                       heights)
    last_row = max(items, 1)
    sheet.autofilter(0, 0, last_row, last_col)
    sheet.freeze_panes(1, 2)
    setup(sheet, printing, widths, repeat_columns=2)
    if items and reporters:
        for key, colour in STATUS_COLOURS.items():
            if key in labels:
                fill = workbook.add_format({"bg_color": colour})
                sheet.conditional_format(1, 2, last_row, last_col, {
                    "type": "cell", "criteria": "==", "value": f'"{labels[key]}"',
                    "format": fill})


def _grid_rows(grid: pd.DataFrame, labels: dict[str, str], column_of: dict[str, int],
               formats: Formats) -> Iterator[str]:
    """Each item's row of cells, from row 1: the grid is sorted by item, then reporter, so
    an item's statuses are together and left to right."""
    cells: list[str] = []
    current, r = None, 0
    text, wrap = style_attr(formats.text), style_attr(formats.wrap)
    letters = {reporter: xl_col_to_name(c) for reporter, c in column_of.items()}
    bodies: dict[str, str] = {}  # a status's cell, but for where it is: made once
    columns = (grid.iloc[:, k].tolist() for k in range(4))  # (lists: pandas' strings
    for item, activity, reporter, status in zip(*columns, strict=True):  # one by one cost)
        if item != current:
            if cells:
                yield "".join(cells)
            current, r = item, r + 1
            cells = [cell("A", r, text, str(item)),
                     cell("B", r, wrap, "" if pd.isna(activity) else str(activity))]
        if status not in bodies:
            bodies[status] = body(labels.get(status, status), text)
        if bodies[status]:
            cells.append(f'<c r="{letters[reporter]}{r + 1}"{bodies[status]}')
    if cells:
        yield "".join(cells)
