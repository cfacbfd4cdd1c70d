"""The write stage: every output of a consolidation, written aside and moved into place:
consolidado.xlsx (pipeline.write.consolidated), the CSV tables of docs/contract.md §6, a feedback
workbook per reporter, the round's page (written by the page's stage, pipeline.web, which the
job hands in: the page reads the workbook's words, so the workbook's stage cannot call it),
the public edition when asked. A large round's are written by five processes: consolidado.xlsx
and the page each in one, the feedback workbooks taken by turns by the other three.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from pipeline.analyse.tables import round_table, table_keys
from pipeline.model.children import Turns, background_stopped_on_failure, in_background
from pipeline.model.run import RunResult
from pipeline.model.timing import timed
from pipeline.words import word
from pipeline.write.consolidated import SHEETS, write_consolidated
from pipeline.write.csvfile import write_csv
from pipeline.write.feedback import FOLDER, plan_feedback, write_feedback
from pipeline.write.publish import Commit
from pipeline.write.staging import output_lock, staging

PUBLIC_FOLDER = "publico"
DASHBOARD, PUBLIC_DASHBOARD = "tablero.html", "tablero_publico.html"
OUTPUT_FOLDERS = (FOLDER, PUBLIC_FOLDER)  # subfolders of a round's outputs
ROUND_SET = "ronda"  # the round folder holds exactly what the last run wrote
# Above this many rows of the usual width (about 35 columns; a matrix with many extra
# columns counts as more rows) the workbook is written in constant memory: an
# autofilter instead of Excel tables (xlsxwriter keeps a table's cells in memory), and
# the same sheets.
LARGE_ROUND = 10_000
USUAL_WIDTH = 35
FEEDBACK_PROCESSES = 3  # a large round's feedback workbooks: two other processes and this one
CSV_TABLES = ("matriz", "vencidos", "por_vencer", "sin_responsable", "plazos_imprecisos",
              "problemas", "envios", "cambios", "observaciones", "indicadores")
CSV_SUMMARIES = {"por_grupo": "resumen_por_grupo", "por_pilar": "resumen_por_pilar",
                 "por_informante": "resumen_por_informante",
                 "vencidos_por_responsable": "vencidos_por_responsable",
                 "cuadricula": "estado_por_informante", "tendencia": "tendencia",
                 "indicadores_por_informante": "indicadores_por_informante"}


# Writes a round's page: (the round, where, whether the public edition's).
PageWriter = Callable[[RunResult, Path, bool], None]


def write_outputs(
    result: RunResult, out_dir: Path, on_sheet: Callable[[str, int], None] | None = None,
    public: RunResult | None = None, commit: Commit | None = None,
    page_writer: PageWriter | None = None,
) -> list[Path]:
    """Every output of the round (and its `public` edition, when given) into `out_dir`,
    whole or not at all; the round's page when a `page_writer` is given. `commit` (storing
    the round in the history, given the outputs' generation) runs last, once every file is
    written and before any is moved into place: a failure anywhere before leaves the
    previous outputs and the history as they were, an interruption after is finished by the
    next run (pipeline.write.publish)."""
    large = is_large(result)
    store = None if commit is None else _timed_commit(commit)
    # (a failure stops the writers started in other processes before the staging folder
    # is cleaned up: none goes on writing into it)
    with output_lock(out_dir), staging(out_dir, ROUND_SET, store, result.history) as stage, \
            background_stopped_on_failure():
        # A large round writes the consolidated workbook, the page and feedback workbooks
        # in other processes; this one writes the CSV tables, then feedback workbooks too:
        # each process takes the next batch of them until none is left, so the cores stay
        # busy until the end.
        workbook = in_background(timed("consolidado.xlsx", lambda: write_consolidated(
            result, stage / "consolidado.xlsx", large,
            None if large else functools.partial(_tell, on_sheet))), enabled=large)
        turns = Turns(enabled=large)  # the feedback's batches, taken in turn
        processes = FEEDBACK_PROCESSES if turns.shared else 1
        plan = plan_feedback(result, processes)  # once, before the processes fork
        feedback_part = functools.partial(write_feedback, result, stage, turns, plan)
        # The feedback's processes give way to the others: theirs is the work that can be
        # taken by whichever process is free, the others' cannot.
        feedback = [in_background(timed(f"retroalimentacion {i + 1}/{processes}",
                                         feedback_part), enabled=large, yielding=True)
                    for i in range(processes - 1)]
        page = in_background(timed(DASHBOARD, lambda: page_writer(
            result, stage / DASHBOARD, False)), enabled=large) if page_writer else None
        names = timed("CSV", lambda: _write_csvs(result, stage, ""))()
        _tell(on_sheet, "csv")
        feedback_names = timed(f"retroalimentacion {processes}/{processes}", feedback_part)()
        if page is not None:
            page()
            names.append(DASHBOARD)
        feedback_names += [name for wait in feedback for name in wait()]
        workbook()
        names.append("consolidado.xlsx")
        if large:  # written in another process: its sheets are told now
            for key in ("resumen", *SHEETS):
                _tell(on_sheet, word(f"sheet.{key}", result.lang))
        if sorted(feedback_names) != sorted(plan.paths.values()):
            raise RuntimeError("the feedback workbooks written are not one per reporter")
        names += sorted(feedback_names)
        _tell(on_sheet, FOLDER)
        if public is not None:
            names += _write_csvs(public, stage, PUBLIC_FOLDER)
            write_consolidated(public, stage / "consolidado_publico.xlsx", is_large(public))
            names.append("consolidado_publico.xlsx")
            if page_writer is not None:
                page_writer(public, stage / PUBLIC_DASHBOARD, True)
                names.append(PUBLIC_DASHBOARD)
    _tell(on_sheet, "historial")  # stored as the files were moved into place
    return [out_dir / name for name in names]


def _timed_commit(commit: Commit) -> Commit:
    """Storing the round, timed as the stage "historial" (in the log), and within it the
    wait for the outputs' flush to disk ("flush")."""
    def run(generation: str, ready: Callable[[], None]) -> None:
        timed("historial", lambda: commit(generation, timed("flush", ready)))()
    return run


def is_large(result: RunResult) -> bool:
    """Whether the round is written in constant memory, by its cells."""
    width = max(USUAL_WIDTH, len(result.matrix.columns))
    return len(result.matrix) * width > LARGE_ROUND * USUAL_WIDTH


def _write_csvs(result: RunResult, stage: Path, folder: str) -> list[str]:
    """The CSV tables (into `folder`); their relative names."""
    names = []
    if folder:
        (stage / folder).mkdir()
    given = table_keys(result.tables)
    for key in CSV_TABLES:
        if key in given:
            names.append(f"{folder}/{key}.csv" if folder else f"{key}.csv")
            write_csv(round_table(result.tables, key), stage / names[-1])
    for key, name in CSV_SUMMARIES.items():
        if key in result.summary:
            names.append(f"{folder}/{name}.csv" if folder else f"{name}.csv")
            write_csv(result.summary[key], stage / names[-1])
    return names


def _tell(callback: Callable[[str, int], None] | None, name: str) -> None:
    """One more writing step done: the summary and each sheet of the consolidated
    workbook, the CSV tables, the feedback workbooks, the history."""
    if callback is not None:
        callback(name, len(SHEETS) + 4)
