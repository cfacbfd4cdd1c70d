"""consolidado.xlsx (SPEC §6): the summary with its charts, the matrix as an Excel table,
the changes since the previous round, the row lists, the status grid, the submissions and
the issues, every word in the run's language (the CSVs keep the canonical keys)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from pipeline.analyse.flags import FLAGS
from pipeline.analyse.tables import status_labels, title
from pipeline.model.run import RunResult
from pipeline.reference.data import Reference
from pipeline.words import word
from pipeline.write.summary import STATUS_COLOURS, write_summary
from pipeline.write.xlsx import Formats, new_workbook, printable, write_table
from pipeline.write.xmlrows import StreamedSheet, text_cell, write_rows

SHEETS = ("matriz", "cambios", "vencidos", "por_vencer", "sin_responsable",
          "plazos_imprecisos", "cuadricula", "envios", "problemas")
LIST_SHEETS = ("vencidos", "por_vencer", "sin_responsable", "plazos_imprecisos")
LIST_COLUMNS = ("id", "informante", "grupo_trabajo", "actividad", "responsable", "plazo",
                "fecha_limite", "dias_vencido", "estado", "avance", "observaciones",
                "archivo", "hoja", "fila", *FLAGS, "problemas", "reservado")
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
    labels = status_labels(ref, lang)
    summary = {k: _summary_labels(t, ref, lang) for k, t in result.summary.items()}
    summary_sheet = workbook.add_worksheet(word("sheet.resumen", lang))
    write_summary(workbook, formats, summary_sheet, result.figures(), summary, labels,
                  heading, lang)
    _tell(on_sheet, summary_sheet.get_name())
    for key in SHEETS:
        name = word(f"sheet.{key}", lang)
        if key == "cambios":
            changes = result.tables.get(key, pd.DataFrame(columns=["informante", "id"]))
            table = _change_labels(changes, labels, ref, lang)
            headers = [title(c, lang) for c in table.columns if not str(c).startswith("_")]
            write_table(workbook, formats, name, table, headers)
        elif key == "cuadricula":
            _write_grid(workbook, formats, name, result.summary["cuadricula"], labels, ref,
                        lang)
        else:
            table = result.tables[key]
            if key in LIST_SHEETS:
                # The lists show what a meeting needs; every column is in the Matrix sheet
                # and in the CSVs.
                table = table[[c for c in table.columns if c in LIST_COLUMNS]]
            if key in {"matriz", *LIST_SHEETS}:
                table = _with_labels(table, labels, ref, lang)
            headers = [title(c, lang, result.extra_titles) for c in table.columns
                       if not str(c).startswith("_")]
            write_table(workbook, formats, name, table, headers, flag_word=word("yes", lang))
        _tell(on_sheet, name)
    workbook.close()


def _tell(on_sheet: Callable[[str], None] | None, name: str) -> None:
    if on_sheet is not None:
        on_sheet(name)


def _summary_labels(table: pd.DataFrame, ref: Reference, lang: str) -> pd.DataFrame:
    """A summary table with its reference values (pillars, groups, parties) in `lang`."""
    table = table.copy(deep=False)
    for column in ("grupo_trabajo", "pilar", "informante", "responsable"):
        if column in table:
            kind = REFERENCE_COLUMNS[column]
            table[column] = table[column].map(lambda v, k=kind: ref.label(k, str(v), lang))
    return table


def _change_labels(table: pd.DataFrame, labels: dict[str, str], ref: Reference,
                   lang: str) -> pd.DataFrame:
    table = table.copy(deep=False)  # whole columns are replaced: no row copy
    if "tipo" in table:
        table["tipo"] = table["tipo"].map(lambda k: word(f"change.{k}", lang))
        for column in ("antes", "despues"):
            table[column] = table[column].map(lambda k: labels.get(k, k))
        table["detalle"] = table["detalle"].map(
            lambda d: word(f"change.{d}", lang) if d in ("sin_envio", "ilegible") else d)
        table["informante"] = table["informante"].map(lambda v: ref.label("parte", v, lang))
    return table


def _with_labels(table: pd.DataFrame, labels: dict[str, str], ref: Reference,
                 lang: str) -> pd.DataFrame:
    """Statuses, reference values and flags as words in the run's language (the CSVs keep
    canonical keys and true/false). Words, not booleans: they read the same in every
    spreadsheet, filter cleanly, and LibreOffice's PDF export fails on some sheets whose
    conditional formats compare booleans (seen with LibreOffice 7.4)."""
    table = table.copy(deep=False)  # whole columns are replaced: no row copy
    table["estado"] = table["estado"].map(lambda k: labels.get(k, k))
    for column, kind in REFERENCE_COLUMNS.items():
        if column in table:
            table[column] = table[column].map(lambda v, k=kind: ref.label(k, v, lang))
    if "precision_plazo" in table:
        table["precision_plazo"] = table["precision_plazo"].map(
            lambda p: word(f"precision.{p}", lang) if p else "")
    yes_no = {True: word("yes", lang), False: word("no", lang)}
    for flag in (*FLAGS, "reservado"):
        if flag in table:
            table[flag] = table[flag].map(yes_no)
    return table


def _write_grid(workbook: Workbook, formats: Formats, name: str, grid: pd.DataFrame,
                labels: dict[str, str], ref: Reference, lang: str) -> None:
    """Items down, reporters across, each cell the status word, coloured. Only the cells
    that hold a status are written: the cost follows the items, not items x reporters."""
    sheet = workbook.add_worksheet(name, worksheet_class=StreamedSheet)
    reporters = sorted(set(grid["informante"]))
    column_of = {r: c for c, r in enumerate(reporters, start=2)}
    sheet.write_row(0, 0, [title("id", lang), title("actividad", lang),
                           *(ref.label("parte", r, lang) for r in reporters)], formats.bold)
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 50, formats.wrap)
    if reporters:
        sheet.set_column(2, 1 + len(reporters), 14)
    last_col = 1 + max(len(reporters), 1)
    items = write_rows(sheet, 1, _grid_rows(grid, labels, column_of, formats.wrap), last_col)
    last_row = max(items, 1)
    sheet.autofilter(0, 0, last_row, last_col)
    sheet.freeze_panes(1, 2)
    printable(sheet)
    if items and reporters:
        for key, colour in STATUS_COLOURS.items():
            if key in labels:
                fill = workbook.add_format({"bg_color": colour})
                sheet.conditional_format(1, 2, last_row, last_col, {
                    "type": "cell", "criteria": "==", "value": f'"{labels[key]}"',
                    "format": fill})


def _grid_rows(grid: pd.DataFrame, labels: dict[str, str], column_of: dict[str, int],
               wrap: Format) -> Iterator[str]:
    """Each item's row of cells, from row 1: the grid is sorted by item, then reporter, so
    an item's statuses are together and left to right."""
    cells: list[str] = []
    current, r = None, 0
    for item, activity, reporter, status in grid.itertuples(index=False, name=None):
        if item != current:
            if cells:
                yield "".join(cells)
            current, r = item, r + 1
            cells = [text_cell(0, r, None, str(item)),
                     text_cell(1, r, wrap, "" if pd.isna(activity) else str(activity))]
        cells.append(text_cell(column_of[reporter], r, None, labels.get(status, status)))
    if cells:
        yield "".join(cells)
