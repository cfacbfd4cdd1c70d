"""The write stage: every output of a consolidation, written aside and moved into place.

consolidado.xlsx (summary with charts, the matrix as an Excel table, the row lists, the
status grid, submissions, issues) and the CSV tables of SPEC §6.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
from xlsxwriter.format import Format

from pipeline.analyse.changes import KIND_LABELS
from pipeline.analyse.flags import FLAGS
from pipeline.analyse.tables import status_labels, title
from pipeline.model.run import RunResult
from pipeline.model.timing import timed
from pipeline.write.csvfile import write_csv
from pipeline.write.feedback import FOLDER, write_feedback
from pipeline.write.staging import in_background, output_lock, staging
from pipeline.write.summary import STATUS_COLOURS, write_summary
from pipeline.write.xlsx import Formats, new_workbook, printable, write_table
from pipeline.write.xmlrows import StreamedSheet, text_cell, write_rows

SUMMARY_SHEET = ("Resumen", "Summary")
SHEETS = {  # table -> (Spanish sheet name, English sheet name)
    "matriz": ("Matriz", "Matrix"),
    "cambios": ("Cambios", "Changes"),
    "vencidos": ("Vencidos", "Overdue"),
    "por_vencer": ("Por vencer", "Due soon"),
    "sin_responsable": ("Sin responsable", "No responsible party"),
    "plazos_imprecisos": ("Plazos imprecisos", "Vague deadlines"),
    "cuadricula": ("Estado por informante", "Status grid"),
    "envios": ("Envíos", "Submissions"),
    "problemas": ("Problemas", "Issues"),
}
PUBLIC_FOLDER = "publico"
OUTPUT_FOLDERS = (FOLDER, PUBLIC_FOLDER)  # subfolders of a round's outputs
ROUND_SET = "ronda"  # the round folder holds exactly what the last run wrote
LIST_SHEETS = ("vencidos", "por_vencer", "sin_responsable", "plazos_imprecisos")
LIST_COLUMNS = ("id", "informante", "grupo_trabajo", "actividad", "responsable", "plazo",
                "fecha_limite", "dias_vencido", "estado", "avance", "observaciones",
                "archivo", "hoja", "fila", *FLAGS, "problemas", "reservado")
# Above this many rows of the usual width (about 35 columns; a matrix with many extra
# columns counts as more rows) the workbook is written in constant memory: an
# autofilter instead of Excel tables (xlsxwriter keeps a table's cells in memory), and
# the same sheets.
LARGE_ROUND = 10_000
USUAL_WIDTH = 35
FEEDBACK_SHARES = 3  # a large round's feedback workbooks: two other processes and this one
CSV_TABLES = ("matriz", "vencidos", "por_vencer", "sin_responsable", "plazos_imprecisos",
              "problemas", "envios", "cambios")
CSV_SUMMARIES = {"por_grupo": "resumen_por_grupo", "por_pilar": "resumen_por_pilar",
                 "por_informante": "resumen_por_informante",
                 "vencidos_por_responsable": "vencidos_por_responsable",
                 "cuadricula": "estado_por_informante", "tendencia": "tendencia"}


def write_outputs(
    result: RunResult, out_dir: Path, on_sheet: Callable[[str, int], None] | None = None,
    public: RunResult | None = None, commit: Callable[[], None] | None = None,
) -> list[Path]:
    """Every output of the round (and its `public` edition, when given) into `out_dir`,
    whole or not at all. `commit` (storing the round in the history) runs last, once every
    file is written and before any is moved into place: a failure anywhere leaves the
    previous outputs and the history as they were."""
    large = is_large(result)
    with output_lock(out_dir), staging(out_dir, ROUND_SET) as stage:
        # A large round writes the consolidated workbook and all but the last share of the
        # feedback workbooks in other processes; this one writes the CSV tables, then the
        # last share, so the cores stay busy until the end.
        workbook = in_background(timed("consolidado.xlsx", lambda: write_consolidated(
            result, stage / "consolidado.xlsx", None if large else on_sheet)), enabled=large)
        shares = FEEDBACK_SHARES if large else 1
        feedback = [in_background(timed(f"retroalimentacion {i + 1}/{shares}", functools.partial(
            write_feedback, result, stage, (i, shares))), enabled=large)
            for i in range(shares - 1)]
        names = timed("CSV", lambda: _write_csvs(result, stage, ""))()
        _tell(on_sheet, "csv")
        feedback_names = timed(f"retroalimentacion {shares}/{shares}", functools.partial(
            write_feedback, result, stage, (shares - 1, shares)))()
        feedback_names += [name for wait in feedback for name in wait()]
        workbook()
        names.append("consolidado.xlsx")
        if large:  # written in another process: its sheets are told now
            pick = 1 if result.lang == "en" else 0
            for name in (SUMMARY_SHEET[pick], *(n[pick] for n in SHEETS.values())):
                _tell(on_sheet, name)
        names += sorted(feedback_names)
        _tell(on_sheet, FOLDER)
        if public is not None:
            names += _write_csvs(public, stage, PUBLIC_FOLDER)
            write_consolidated(public, stage / "consolidado_publico.xlsx")
            names.append("consolidado_publico.xlsx")
        if commit is not None:
            timed("historial", commit)()
        _tell(on_sheet, "historial")
    return [out_dir / name for name in names]


def is_large(result: RunResult) -> bool:
    """Whether the round is written in constant memory, by its cells."""
    width = max(USUAL_WIDTH, len(result.matrix.columns))
    return len(result.matrix) * width > LARGE_ROUND * USUAL_WIDTH


def _write_csvs(result: RunResult, stage: Path, folder: str) -> list[str]:
    """The CSV tables (into `folder`); their relative names."""
    names = []
    if folder:
        (stage / folder).mkdir()
    for key in CSV_TABLES:
        if key in result.tables:
            names.append(f"{folder}/{key}.csv" if folder else f"{key}.csv")
            write_csv(result.tables[key], stage / names[-1])
    for key, name in CSV_SUMMARIES.items():
        if key in result.summary:
            names.append(f"{folder}/{name}.csv" if folder else f"{name}.csv")
            write_csv(result.summary[key], stage / names[-1])
    return names


def write_consolidated(
    result: RunResult, path: Path, on_sheet: Callable[[str, int], None] | None = None
) -> None:
    lang = result.lang
    pick = 1 if lang == "en" else 0
    heading = (f"Seguimiento — {result.ref.plan_nombre} — "
               f"{'round' if lang == 'en' else 'ronda'} {result.ronda} — "
               f"{'as of' if lang == 'en' else 'al'} {result.as_of.isoformat()}")
    workbook = new_workbook(path, result.as_of, heading, large=is_large(result))
    formats = Formats(workbook)
    labels = status_labels(result.ref, lang)
    summary_sheet = workbook.add_worksheet(SUMMARY_SHEET[pick])
    write_summary(workbook, formats, summary_sheet, result.figures(), result.summary, labels,
                  heading, lang)
    _tell(on_sheet, summary_sheet.get_name())
    for key, names in SHEETS.items():
        name = names[pick]
        if key == "cambios" and key not in result.tables:
            _tell(on_sheet, name)  # a step all the same: the progress bar ends full
            continue
        if key == "cambios":
            table = _change_labels(result.tables[key], labels, lang)
            headers = [title(c, lang) for c in table.columns if not str(c).startswith("_")]
            write_table(workbook, formats, name, table, headers)
        elif key == "cuadricula":
            _write_grid(workbook, formats, name, result.summary["cuadricula"], labels, lang)
        else:
            table = result.tables[key]
            if key in LIST_SHEETS:
                # The lists show what a meeting needs; every column is in the Matrix sheet
                # and in the CSVs.
                table = table[[c for c in table.columns if c in LIST_COLUMNS]]
            if key in {"matriz", *LIST_SHEETS}:
                table = _with_labels(table, labels, lang)
            headers = [title(c, lang, result.extra_titles) for c in table.columns
                       if not str(c).startswith("_")]
            write_table(workbook, formats, name, table, headers, flag_word=_yes(lang))
        _tell(on_sheet, name)
    workbook.close()


def _change_labels(table: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    table = table.copy(deep=False)  # whole columns are replaced: no row copy
    pick = 1 if lang == "en" else 0
    table["tipo"] = table["tipo"].map(lambda k: KIND_LABELS.get(k, (k, k))[pick])
    for column in ("antes", "despues"):
        table[column] = table[column].map(lambda k: labels.get(k, k))
    table["detalle"] = table["detalle"].map(
        lambda d: ("reporter sent nothing" if lang == "en" else "el informante no envió")
        if d == "sin_envio" else d)
    return table


def _yes(lang: str) -> str:
    return "Yes" if lang == "en" else "Sí"


def _with_labels(table: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    """Statuses and flags as words in the run's language (the CSVs keep canonical keys and
    true/false). Words, not booleans: they read the same in every spreadsheet, filter
    cleanly, and LibreOffice's PDF export fails on some sheets whose conditional formats
    compare booleans (seen with LibreOffice 7.4)."""
    table = table.copy(deep=False)  # whole columns are replaced: no row copy
    table["estado"] = table["estado"].map(lambda k: labels.get(k, k))
    words = {True: _yes(lang), False: "No"}
    for flag in (*FLAGS, "reservado"):
        if flag in table:
            table[flag] = table[flag].map(words)
    return table


def _write_grid(workbook, formats, name, grid, labels, lang) -> None:  # type: ignore[no-untyped-def]
    """Items down, reporters across, each cell the status word, coloured. Only the cells
    that hold a status are written: the cost follows the items, not items x reporters."""
    sheet = workbook.add_worksheet(name, worksheet_class=StreamedSheet)
    reporters = sorted(set(grid["informante"]))
    column_of = {r: c for c, r in enumerate(reporters, start=2)}
    sheet.write_row(0, 0, [title("id", lang), title("actividad", lang), *reporters],
                    formats.bold)
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


def _tell(callback: Callable[[str, int], None] | None, name: str) -> None:
    """One more writing step done: the summary and each sheet of the consolidated
    workbook, the CSV tables, the feedback workbooks, the history."""
    if callback is not None:
        callback(name, len(SHEETS) + 4)
