"""The one function that decides what a round is: the rows read, normalized, validated,
given ids, checked across rows and files, flagged, and made into tables. Invalid rows stay,
with their issue codes. A function from what was read to a result: it reads no file,
writes none, prints nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter

import pandas as pd

from pipeline.analyse import keys
from pipeline.analyse.changes import compute_changes, trend_table
from pipeline.analyse.flags import flag_rows
from pipeline.analyse.freshness import set_apart_other_rounds
from pipeline.analyse.tables import build_tables, count_issues, matrix_table
from pipeline.model.rounds import quarter_of
from pipeline.model.run import RunResult
from pipeline.model.submission import Submission
from pipeline.normalize.matching import Matcher
from pipeline.normalize.matrix import normalize_matrix
from pipeline.read.gather import Gathered
from pipeline.reference.data import Reference
from validation import Issue, make_issue
from validation.schemas import Known, validate_matrix

log = logging.getLogger("seguimiento")


def analyse_round(found: Gathered, ref: Reference, matcher: Matcher, *, as_of: dt.date,
                  ronda: str | None, closing_date: dt.date | None, lang: str,
                  expected: tuple[str, ...]) -> RunResult:
    """The round of what was read. `expected` are the reporters the round waits for (a
    check of a few files waits for none); `ronda` the round of files that do not say."""
    issues = list(found.issues)
    ronda = ronda or _declared_round(found.submissions) or quarter_of(as_of)
    subs, apart = set_apart_other_rounds(found.submissions, ronda)  # before any replaces
    subs, replaced = keys.replace_earlier_submissions(subs)
    issues += apart + replaced
    kept = {s.archivo for s in subs if s.estado == "leido"}
    raw = found.raw[found.raw["_archivo"].isin(kept)].reset_index(drop=True)
    frame = normalize_matrix(raw, matcher, ref, as_of, _year_of(ronda))
    known = Known([s.clave for s in ref.estados], [p.nombre for p in ref.pilares])
    issues += _suggestions_in_words(validate_matrix(frame, known, found.cells), ref)
    frame = keys.assign_ids(frame, ref)
    issues += keys.check_keys(frame, found.cells)
    issues += keys.check_activity_limits(frame, ref)
    subs, missing = keys.missing_submissions(subs, expected, ronda)
    issues += missing
    subs = keys.mark_timeliness(subs, closing_date or ref.cierres.get(ronda))
    frame = flag_rows(frame, as_of, ref.dias_por_vencer)
    if ref.plan.fin < as_of:  # said once, in plain words
        issues.append(make_issue("plan-terminado", fin=ref.plan.fin.isoformat(),
                                 plan=(ref.label("plan", ref.plan.nombre, "es"),
                                       ref.label("plan", ref.plan.nombre, "en"))))
    issues.sort(key=_issue_order)
    subs = count_issues(subs, issues)
    log.info("%d issues", len(issues))
    matrix = matrix_table(frame, issues)
    tables, summary = build_tables(matrix, issues, subs, ref, lang)
    return RunResult(ronda, as_of, lang, ref, matrix, issues, subs, tables, summary,
                     extra_titles=found.extra_titles, expected=expected)


def with_history(result: RunResult, previous: str | None, before: pd.DataFrame,
                 stored: pd.DataFrame) -> RunResult:
    """The round with what changed since the previous stored round and the trend over the
    stored rounds (read from the history by the command)."""
    received = {s.informante for s in result.submissions if s.estado == "leido"}
    unreadable = frozenset(s.informante for s in result.submissions
                           if s.estado == "rechazado") - received
    changes = compute_changes(before, result.matrix, received, unreadable)
    trend = trend_table(stored, result.ronda, result.as_of, result.figures())
    return RunResult(**{**result.__dict__, "previous": previous,
                        "tables": {**result.tables, "cambios": changes},
                        "summary": {**result.summary, "tendencia": trend}})


# The reference list an issue's suggestion comes from (it holds a canonical value).
_SUGGESTED = {"estado-desconocido": "estado", "pilar-desconocido": "pilar",
              "tema-fuera-de-lista": "tema", "grupo-desconocido": "parte",
              "responsable-desconocido": "parte"}


def _suggestions_in_words(issues: list[Issue], ref: Reference) -> list[Issue]:
    """Each suggestion as the reference's word in both languages ("en_proceso" is «En
    proceso» and “In progress”)."""
    return [dataclasses.replace(i, sugerencia=(ref.label(_SUGGESTED[i.code], str(i.sugerencia),
                                                         "es"),
                                               ref.label(_SUGGESTED[i.code], str(i.sugerencia),
                                                         "en")))
            if i.code in _SUGGESTED and i.sugerencia else i for i in issues]


def _issue_order(issue: Issue) -> tuple[object, ...]:
    """File by file, row by row, left to right: the order a focal point reads them in."""
    letters = issue.celda.rstrip("0123456789")
    return (issue.archivo == "", issue.archivo, issue.hoja, issue.fila or 0, len(letters),
            letters, issue.code, issue.valor)


def _year_of(ronda: str) -> int | None:
    """The year a round's name begins with (2026-T4: 2026)."""
    return int(ronda[:4]) if ronda[:4].isdigit() else None


def _declared_round(subs: list[Submission]) -> str | None:
    """The round most read files declare (templates carry theirs)."""
    rounds = Counter(s.ronda for s in subs if s.estado == "leido" and s.ronda)
    return sorted(rounds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if rounds else None
