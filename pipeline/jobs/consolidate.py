"""The one orchestrating function: read -> normalize -> validate -> consolidate -> flag ->
write. It decides what happens to invalid rows (they stay, with their issue codes) and
returns a result object; it never prints or exits."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.analyse import keys as cons
from pipeline.analyse.flags import flag_rows
from pipeline.analyse.tables import (
    count_issues,
    issues_table,
    matrix_table,
    overdue_by_party,
    row_lists,
    status_counts,
    status_grid,
    submissions_table,
)
from pipeline.model.errors import InputFileMissing, InputFolderMissing
from pipeline.model.timing import stage
from pipeline.normalize.matching import Matcher
from pipeline.normalize.matrix import normalize_matrix
from pipeline.read.files import Candidate, list_input_files, skip_reason
from pipeline.read.gather import Gathered, gather
from pipeline.read.provenance import Submission, quarter_of
from pipeline.reference.load import Reference, load_reference
from pipeline.store.rounds import across_rounds, history_path
from validation import Issue
from validation.schemas import Known, validate_matrix

log = logging.getLogger("seguimiento")


@dataclass(frozen=True)
class Options:
    input_dir: Path
    out_dir: Path | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    round: str | None = None
    lang: str = "es"
    config: Path | None = None
    files: tuple[Path, ...] = ()  # check these files instead of a folder (validate)
    expect_all: bool = True  # a round: expected reporters, history, changes
    history: Path | None = None  # the history database [default: beside the outputs]
    closing_date: dt.date | None = None  # files dated after it are late
    public: bool = False  # also write the public edition for civil society


@dataclass
class RunResult:
    ronda: str
    as_of: dt.date
    lang: str
    ref: Reference
    matrix: pd.DataFrame
    issues: list[Issue]
    submissions: list[Submission]
    tables: dict[str, pd.DataFrame]
    summary: dict[str, pd.DataFrame]
    out_dir: Path | None = None
    written: list[Path] = field(default_factory=list)
    extra_titles: dict[str, str] = field(default_factory=dict)
    history: Path | None = None  # where the round is stored (None: not stored)
    previous: str | None = None  # the round changes are measured against

    def count(self, severity: str) -> int:
        return sum(issue.severity == severity for issue in self.issues)

    def unlisted(self) -> int:
        """Files read whose reporter is not on the round's list of expected reporters."""
        expected = set(self.ref.esperados)
        return sum(1 for s in self.submissions
                   if s.estado == "leido" and s.informante not in expected)

    def figures(self) -> dict[str, int]:
        m = self.matrix
        received = {s.informante for s in self.submissions if s.estado == "leido"}
        received &= set(self.ref.esperados)
        return {
            "actividades": len(m),
            "informantes": len(received),
            "esperados": len(self.ref.esperados),
            "finalizado": int(m["estado"].eq("finalizado").sum()),
            "en_proceso": int(m["estado"].eq("en_proceso").sum()),
            "pendiente": int(m["estado"].eq("pendiente").sum()),
            "no_alcanzado": int(m["estado"].eq("no_alcanzado").sum()),
            "vencidos": int(m["vencido"].sum()),
            "por_vencer": int(m["por_vencer"].sum()),
            "sin_responsable": int(m["sin_responsable"].sum()),
            "plazo_impreciso": int(m["plazo_impreciso"].sum()),
            "sin_indicador": int(m["sin_indicador"].sum()),
            "errores": self.count("error"),
            "advertencias": self.count("advertencia"),
            "archivos": sum(1 for s in self.submissions if s.archivo),
            "archivos_rechazados": sum(1 for s in self.submissions if s.estado == "rechazado"),
            "completitud": _percent(len(received), len(self.ref.esperados)),
            "puntualidad": _percent(sum(1 for s in self.submissions if s.a_tiempo),
                                    sum(1 for s in self.submissions if s.a_tiempo is not None)),
        }


def analyze(options: Options, on_file: Callable[[str, int], None] | None = None) -> RunResult:
    """Everything but writing: the consolidated, flagged matrix and every issue."""
    with stage("reading"):
        ref = load_reference(options.config)
        matcher = Matcher(ref)
        found = gather(_candidates(options), ref, matcher, options.round, options.as_of,
                       options.lang, on_file)
    log.info("read %d files, %d rows", len(found.submissions), len(found.raw))
    with stage("analysis"):
        return _analyze(options, ref, matcher, found)


def _analyze(options: Options, ref: Reference, matcher: Matcher, found: Gathered) -> RunResult:
    """The read rows normalized, validated, given ids, flagged and made into tables."""
    issues = list(found.issues)
    subs = found.submissions
    ronda = options.round or _run_round(subs) or quarter_of(options.as_of)
    issues += cons.replace_earlier_submissions(subs)
    kept = {s.archivo for s in subs if s.estado == "leido"}
    raw = found.raw[found.raw["_archivo"].isin(kept)].reset_index(drop=True)
    frame = normalize_matrix(raw, matcher, ref)
    known = Known([s.clave for s in ref.estados], [p.nombre for p in ref.pilares])
    issues += validate_matrix(frame, known, found.cells)
    frame = cons.assign_ids(frame, ref)
    issues += cons.check_keys(frame, found.cells)
    issues += cons.check_activity_limits(frame, ref)
    if options.expect_all:
        issues += cons.missing_submissions(subs, ref, ronda)
    cons.mark_timeliness(subs, options.closing_date or ref.cierres.get(ronda))
    frame = flag_rows(frame, options.as_of, ref.dias_por_vencer)
    issues.sort(key=_issue_order)
    count_issues(subs, issues)
    log.info("%d issues", len(issues))

    matrix = matrix_table(frame, issues)
    tables, summary = build_tables(matrix, issues, subs, ref, options.lang)
    result = RunResult(ronda, options.as_of, options.lang, ref, matrix, issues, subs, tables,
                       summary, extra_titles=found.extra_titles)
    if options.expect_all:
        result.history = history_path(options.out_dir, options.history)
        received = {s.informante for s in subs if s.estado == "leido"}
        across = across_rounds(result.history, ronda, options.as_of.isoformat(), matrix,
                               received, result.figures())
        result.previous = across.previous
        tables["cambios"] = across.changes
        summary["tendencia"] = across.trend
    return result


def build_tables(matrix: pd.DataFrame, issues: list[Issue], subs: list[Submission],
                 ref: Reference, lang: str) -> tuple[dict[str, pd.DataFrame],
                                                     dict[str, pd.DataFrame]]:
    """The output tables and the summary tables of a consolidated matrix."""
    tables = {"matriz": matrix, **row_lists(matrix), "problemas": issues_table(issues, lang),
              "envios": submissions_table(subs, lang)}
    summary = {
        "por_grupo": status_counts(matrix, "grupo_trabajo", ref, lang),
        "por_pilar": status_counts(matrix, "pilar", ref, lang),
        "por_informante": status_counts(matrix, "informante", ref, lang),
        "vencidos_por_responsable": overdue_by_party(matrix, lang),
        "cuadricula": status_grid(matrix),
    }
    return tables, summary


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _issue_order(issue: Issue) -> tuple[object, ...]:
    """File by file, row by row, left to right: the order a focal point reads them in."""
    letters = issue.celda.rstrip("0123456789")
    return (issue.archivo == "", issue.archivo, issue.hoja, issue.fila or 0, len(letters),
            letters, issue.code, issue.valor)


def _candidates(options: Options) -> list[Candidate]:
    if options.files:
        missing = [str(p) for p in options.files if not os.path.lexists(p)]
        if missing:
            raise InputFileMissing(", ".join(missing))
        return [Candidate(p, skip_reason(p)) for p in options.files]
    if not options.input_dir.is_dir():
        raise InputFolderMissing(str(options.input_dir))
    return list_input_files(options.input_dir)


def _run_round(subs: list[Submission]) -> str | None:
    """The round most read files declare (templates carry theirs)."""
    rounds = Counter(s.ronda for s in subs if s.estado == "leido" and s.ronda)
    return sorted(rounds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if rounds else None


def run_consolidation(
    options: Options,
    on_file: Callable[[str, int], None] | None = None,
    on_sheet: Callable[[str, int], None] | None = None,
) -> RunResult:
    """Consolidate a folder of returned matrices and write every output of the round."""
    from pipeline.write.round import OUTPUT_FOLDERS, write_outputs
    from pipeline.write.staging import refuse_inside

    if options.out_dir is not None:  # before reading: a wrong --out is told at once
        refuse_inside(options.input_dir, options.out_dir, folders=OUTPUT_FOLDERS)
    result = analyze(options, on_file)
    out_dir = options.out_dir or Path("output") / result.ronda
    refuse_inside(options.input_dir, out_dir, *filter(None, [result.history]),
                  folders=OUTPUT_FOLDERS)
    result.out_dir = out_dir
    with stage("writing"):  # the history included
        result.written = write_outputs(result, out_dir, on_sheet, public=options.public)
    return result
