"""Feedback workbooks (issue 4, docs/contract.md §6): `retroalimentacion/<reporter>.xlsx`, ready to
e-mail back. A first sheet lists every problem of the reporter's files; a second holds
their rows as read, each problem cell highlighted with the message as a cell comment.
Written in the reporter's language (Spanish, or English for Belize, Canada and the
United States; the config can override it)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from xlsxwriter.format import Format

from pipeline.model.columns import COLUMNS, ColumnSpec
from pipeline.model.run import RunResult
from pipeline.read.header import column_key
from pipeline.words import word
from pipeline.write.feedback_indicators import Measures, measures_of, write_indicators
from pipeline.write.feedback_listing import write_listing
from pipeline.write.feedback_observations import Views, observed_pointer, write_observations
from pipeline.write.filenames import file_stems
from pipeline.write.printing import (
    Paper,
    Printing,
    header_height,
    row_heights,
    setup,
)
from pipeline.write.skeleton import SkeletonSheet
from pipeline.write.xlsx import WRAP_WIDTH, Formats, new_workbook
from pipeline.write.xmlrows import (
    column_bodies,
    place,
    restyle,
    style_attr,
    text_cell,
    write_columns,
    write_rows,
)
from validation import Issue

FOLDER = "retroalimentacion"
BATCH_ROWS = 5_000  # matrix rows made into cells at once
TURNS_EACH = 8  # batches a process takes, about, when processes share the work
SEVERITIES = ("error", "advertencia", "info")
MARK_COLOURS = {"error": "#F8CBAD", "advertencia": "#FFE699", "info": "#DDEBF7"}


def matrix_widths(columns: Sequence[ColumnSpec]) -> list[int]:
    """The rows sheet's widths: the network's columns, then file, sheet and row."""
    return [*(min(spec.width, WRAP_WIDTH) for spec in columns), 20, 14, 8]


SHOWN_RAW = {"estado": "_raw_estado", "pilar": "_raw_pilar", "tema": "_raw_tema",
             "grupo_trabajo": "_raw_grupo_trabajo", "avance": "_raw_avance",
             "reservado": "_raw_reservado"}


@dataclass(frozen=True)
class Plan:
    """What every process writing feedback workbooks shares, made once before they fork:
    each reporter's files, workbook (`feedback_paths`) and matrix rows, the round's
    observations and indicators grouped, and the batches of reporters in the order they
    are taken (the same list in every process: a turn names one batch)."""

    files: dict[str, list[str]]
    paths: dict[str, str]
    rows_of: dict[str, Any]  # each reporter's positions in the matrix (NumPy arrays)
    views: Views
    measures: Measures
    batches: list[list[str]]


def plan_feedback(result: RunResult, processes: int = 1) -> Plan:
    """The batches, each a few reporters whose rows are made into cells together; for
    `processes` sharing them, small, the heaviest first (weighed by rows and side rows: an
    observer's may be thousands), so the last ones taken are short and all end together."""
    views, measures = Views.of(result), measures_of(result)
    files = files_of(result)
    rows_of = {str(k): v for k, v in
               result.matrix.groupby("informante", sort=False).indices.items()}
    weights = {r: len(rows_of.get(r, ())) + len(views.of_items.get(r, ()))
               + len(views.sent_by.get(r, ())) + len(measures.get(r, ())) for r in files}
    size = BATCH_ROWS if processes == 1 else max(1, min(
        BATCH_ROWS, sum(weights.values()) // (processes * TURNS_EACH)))
    batches = sorted(_batches(sorted(files), weights, size),
                     key=lambda batch: -sum(weights[r] for r in batch))
    return Plan(files, _paths(files), rows_of, views, measures, batches)


def write_feedback(result: RunResult, stage: Path, turns: Callable[[], int] | None = None,
                   plan: Plan | None = None) -> list[str]:
    """One workbook per reporter that sent something; their relative paths. The matrix
    is made into cells a batch of reporters at a time and each reporter's rows placed in
    its workbook, and the issues are grouped once: the cost grows with rows, not rows x
    reporters. `turns` (`children.Turns`), when processes share the `plan`: the batches
    this process takes in turn."""
    plan = plan_feedback(result) if plan is None else plan
    if not plan.files:
        return []
    (stage / FOLDER).mkdir(exist_ok=True)
    issues_of: dict[str, list[Issue]] = {}
    for issue in result.issues:
        issues_of.setdefault(issue.archivo, []).append(issue)
    written = []
    take = turns or itertools.count().__next__
    while (turn := take()) < len(plan.batches):
        batch = plan.batches[turn]
        # The rows of a batch of reporters are made into cells together: few slices of
        # the matrix, and the memory of a batch, not of the round.
        positions: list[int] = []
        mine_in_batch: dict[str, range] = {}
        for informante in batch:
            rows = plan.rows_of.get(informante, [])
            mine_in_batch[informante] = range(len(positions), len(positions) + len(rows))
            positions.extend(rows)
        shown = _Shown(result.matrix.take(positions), mine_in_batch, result.ref.columns)
        for informante in batch:
            issues = [i for name in plan.files[informante] for i in issues_of.get(name, [])]
            relative = plan.paths[informante]
            _write_one(stage / relative, result, informante, issues, shown, plan.views,
                       plan.measures)
            written.append(relative)
    return written


def files_of(result: RunResult) -> dict[str, list[str]]:
    """The files of each reporter that sent something (read, replaced, refused or of
    another round): the reporters that get a feedback workbook, `FOLDER/<stem>.xlsx`
    (`feedback_paths`)."""
    files: dict[str, list[str]] = {}
    for sub in result.submissions:
        if sub.archivo and sub.informante and sub.estado in {
                "leido", "reemplazado", "rechazado", "otra_ronda", "sin_matriz"}:
            files.setdefault(sub.informante, []).append(sub.archivo)
    return files


def feedback_paths(result: RunResult) -> dict[str, str]:
    """Each reporter's feedback workbook, relative to the round's folder."""
    return _paths(files_of(result))


def _paths(files: Mapping[str, list[str]]) -> dict[str, str]:
    return {k: f"{FOLDER}/{stem}.xlsx" for k, stem in file_stems(files).items()}


def _batches(reporters: list[str], weights: Mapping[str, int],
             size: int = BATCH_ROWS) -> Iterator[list[str]]:
    batch: list[str] = []
    rows = 0
    for informante in reporters:
        batch.append(informante)
        rows += weights[informante]
        if rows >= size:
            yield batch
            batch, rows = [], 0
    if batch:
        yield batch


class _Shown:
    """The matrix as the feedback shows it (each value as the focal point wrote it), made
    into cell bodies once for all the workbooks."""

    def __init__(self, matrix: pd.DataFrame, rows_of: dict[str, range],
                 specs: Sequence[ColumnSpec] = COLUMNS) -> None:
        self.columns = [_shown_column(matrix, spec.key) for spec in specs]
        self.columns += [matrix[key] for key in ("archivo", "hoja", "fila")]
        self.rows_of = rows_of  # each reporter's rows in `matrix`
        texts = pd.DataFrame({str(c): column.to_numpy() for c, column in enumerate(self.columns)})
        self.heights = row_heights(texts, {str(c): w for c, w in
                                           enumerate(matrix_widths(specs))})
        self.where = list(zip(matrix["archivo"].tolist(), matrix["hoja"].tolist(),
                              matrix["fila"].astype(int).tolist(), strict=True))
        self._bodies: dict[tuple[str, str], list[list[str]]] = {}

    def bodies(self, wrap: Format, date: Format) -> list[list[str]]:
        """Each column's cell bodies in this workbook's styles (the same in every one, so
        they are made once)."""
        key = (style_attr(wrap), style_attr(date))
        if key not in self._bodies:
            self._bodies[key] = [column_bodies(c, wrap, date) for c in self.columns]
        return self._bodies[key]


def _shown_column(matrix: pd.DataFrame, key: str) -> pd.Series:
    """The value as the focal point wrote it, where it was recognized as something else;
    a deadline that was a date as a date, a progress that was a number as a number (not
    their text)."""
    if key == "plazo" and "fecha_limite" in matrix:
        was_date = matrix["plazo"].astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}") & (
            matrix["precision_plazo"].eq("dia") if "precision_plazo" in matrix else True)
        return matrix["plazo"].astype(object).where(~was_date, matrix["fecha_limite"])
    if key == "avance" and "_raw_avance" in matrix:
        raw_text = matrix["_raw_avance"].astype(object)
        number = pd.to_numeric(raw_text, errors="coerce")
        return raw_text.where(number.isna(), number.astype(object))
    raw = SHOWN_RAW.get(key)
    if raw and raw in matrix:
        return matrix[raw]
    if key not in matrix:
        return pd.Series([None] * len(matrix), index=matrix.index, dtype=object)
    if pd.api.types.is_bool_dtype(matrix[key]):
        return matrix[key].map({True: "Sí", False: "No"})
    return matrix[key]


def _write_one(path: Path, result: RunResult, informante: str, issues: list[Issue],
               shown: _Shown, views: Views, measures: Measures) -> None:
    lang = result.ref.language_of(informante)
    heading = word("feedback.heading", lang,
                   informante=result.ref.label("parte", informante, lang), ronda=result.ronda)
    workbook = new_workbook(path, result.as_of, heading, one_of_many=True)
    formats = Formats(workbook)
    printing = Printing(Paper(result.ref.papel), heading, lang)
    marks = {severity: workbook.add_format({"bg_color": colour, "text_wrap": True,
                                            "valign": "top"})
             for severity, colour in MARK_COLOURS.items()}
    messages = {id(issue): issue.message(lang) for issue in issues}  # (listed, and marked)
    write_listing(workbook, formats, marks, printing, issues, messages,
                   observed_pointer(result, informante, views, lang))

    sheet = workbook.add_worksheet(word("sheet.matriz", lang), worksheet_class=SkeletonSheet)
    headers = [*(spec.title(lang) for spec in result.ref.columns),
               *(word(f"column.{key}", lang) for key in ("archivo", "hoja", "fila_original"))]
    widths = matrix_widths(result.ref.columns)
    head = style_attr(formats.header)
    height = max(header_height(h, w) for h, w in zip(headers, widths, strict=True))
    write_rows(sheet, 0, ["".join(text_cell(c, 0, formats.header, text)
                                  for c, text in enumerate(headers))], len(widths) - 1, [height])
    sheet.set_row(0, height)  # (also for xlsxwriter, which places the comments' boxes)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width, formats.wrap)
    sheet.freeze_panes(1, 1)
    setup(sheet, printing, widths, repeat_columns=1)  # every column: each may be marked
    mine = shown.rows_of.get(informante, range(0))  # its rows in the batch
    rows = range(1, len(mine) + 1)
    bodies = shown.bodies(formats.wrap, formats.date)
    sheet.shape = ("matrix", tuple(widths), head, style_attr(formats.wrap), printing.paper)
    cells = [place(c, rows, column[mine.start:mine.stop]) for c, column in enumerate(bodies)]
    at = {shown.where[p]: r for r, p in zip(rows, mine, strict=True)}
    for (r, c), found in _marked_cells(issues, at, result.ref.columns).items():
        worst = min(found, key=lambda i: SEVERITIES.index(i.severity))
        cell = restyle(bodies[c][mine[r - 1]], marks[worst.severity])
        cells[c][r - 1] = place(c, [r], [cell])[0]
        text = "\n\n".join(f"{i.celda}: {messages[id(i)]}" for i in found)
        sheet.write_comment(r, c, text, {"author": "Seguimiento", "x_scale": 3, "y_scale": 2})
    write_columns(sheet, 1, cells, shown.heights[mine.start:mine.stop] if len(mine) else None)
    write_observations(workbook, formats, printing, result, informante, views, marks)
    write_indicators(workbook, formats, printing, informante, measures, marks)
    workbook.close()


def _marked_cells(issues: list[Issue], at: dict[tuple[str, str, int], int],
                  specs: Sequence[ColumnSpec] = COLUMNS) -> dict[tuple[int, int], list[Issue]]:
    """The issues of each cell of the rows sheet (row, column), in cell order."""
    keys = [spec.key for spec in specs]
    by_cell: dict[tuple[int, int], list[Issue]] = {}
    for issue in issues:
        if issue.fila is None or (issue.archivo, issue.hoja, issue.fila) not in at:
            continue
        key = column_key(issue.columna) or ("actividad" if issue.code.startswith("id-") else None)
        if key not in keys:
            continue
        by_cell.setdefault((at[(issue.archivo, issue.hoja, issue.fila)], keys.index(key)),
                           []).append(issue)
    return dict(sorted(by_cell.items()))
