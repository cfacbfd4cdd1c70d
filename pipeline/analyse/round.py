"""The one function that decides what a round is: the rows read, normalized, validated,
given ids, checked across rows and files, flagged, and made into tables. Invalid rows stay,
with their issue codes. A function from what was read to a result: it reads no file,
writes none, prints nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections import Counter

import pandas as pd

from pipeline.analyse import indicators, keys, observations
from pipeline.analyse.changes import (
    compute_changes,
    indicator_changes,
    observation_changes,
    trend_table,
)
from pipeline.analyse.flags import flag_rows
from pipeline.analyse.freshness import measured_news, set_apart_other_rounds
from pipeline.analyse.indicator_lines import named_in_sheet
from pipeline.analyse.tables import build_tables, count_issues, matrix_table
from pipeline.model.children import in_background
from pipeline.model.rounds import quarter_of
from pipeline.model.run import RunResult
from pipeline.model.submission import UNREADABLE, Submission
from pipeline.normalize.matching import Matcher
from pipeline.normalize.matrix import normalize_matrix
from pipeline.read.gather import CellMap, Gathered
from pipeline.reference.data import Reference
from pipeline.words import plural
from validation import Issue, make_issue
from validation.schemas import Known, validate_matrix

log = logging.getLogger("seguimiento")
# From this many observation and indicator rows, they are judged in a process of their own
# (a fork and its answer cost milliseconds; the rows, tens of them at this size).
SIDES_APART = 2_000


def analyse_round(found: Gathered, ref: Reference, matcher: Matcher, *, as_of: dt.date,
                  ronda: str | None, closing_date: dt.date | None, lang: str,
                  expected: tuple[str, ...],
                  before: pd.DataFrame | None = None,
                  measured: pd.DataFrame | None = None) -> RunResult:
    """The round of what was read. `expected` are the reporters the round waits for (a
    check of a few files waits for none); `ronda` the round of files that do not say;
    `before` each reporter's last stored items (what an observation may name besides this
    round's, as the observer's template offers them; an item not reported again keeps its
    indicators); `measured` the last stored indicators (their units and values)."""
    issues = list(found.issues)
    checked_alone = ronda is None  # (validate: files as they arrive, of no round yet)
    ronda = round_of(found, ronda, as_of)
    subs, apart = (found.submissions, []) if checked_alone else set_apart_other_rounds(
        found.submissions, ronda)  # before any replaces
    subs, replaced = keys.replace_earlier_submissions(subs)
    issues += apart + replaced
    kept = {s.archivo for s in subs if s.estado == "leido"}
    # (the rows read are handed over, and let go once normalized: a million rows' are
    # hundreds of MB the rest of the analysis does not need)
    frame = normalize_matrix(_of_files(found.take_raw(), kept), matcher, ref, as_of,
                             _year_of(ronda))
    frame = keys.assign_ids(frame, ref)
    # An observer's rows that name another reporter's item are its view of that item,
    # never a commitment of its own: they leave the matrix before it is validated.
    stored = _empty_items() if before is None else before
    sides = found.sides.get("observaciones")
    observing = (sides is not None and len(sides) > 0) or bool(
        frame["_informante"].isin(ref.observadores).any())
    # (without an observer's rows, no item is looked for: its columns, without rows)
    items = (observations.items_of_others(frame, stored, ref) if observing else
             observations.items_of_others(frame.iloc[:0], stored.iloc[:0], ref))
    index = observations.ItemIndex(items)  # (one index for the matrix rows and the sheets)
    read_sheets = _sheets(frame) if observing else set()
    frame, observed = observations.split_observer_rows(frame, index, ref, stored)
    if len(observed):
        issues = _without_emptied_sheets(issues, read_sheets, frame)
    rows = pd.concat([sides, observed], ignore_index=True) if sides is not None and len(
        sides) else observed
    kept_rows = rows[rows["_archivo"].isin(kept)] if len(rows) else rows
    measures = found.sides.get("indicadores", pd.DataFrame())
    measures = measures[measures["_archivo"].isin(kept)] if len(measures) else measures
    # The observations and indicators are judged beside the checks below, in a process of
    # their own when there are many (the analysis otherwise runs on one core).
    beside = in_background(functools.partial(
        _side_rows, kept_rows, index, matcher, found.cells, measures, frame, stored,
        measured if measured is not None else pd.DataFrame(), as_of),
        enabled=len(kept_rows) + len(measures) >= SIDES_APART)
    known = Known([s.clave for s in ref.estados], [p.nombre for p in ref.pilares])
    checked = _suggestions_in_words(validate_matrix(frame, known, found.cells), ref)
    checked += keys.check_keys(frame, found.cells)
    checked += keys.check_activity_limits(frame, ref)
    subs, missing = keys.missing_submissions(subs, expected, ronda)
    checked += missing
    subs = keys.mark_timeliness(subs, closing_date or ref.cierres.get(ronda))
    frame = flag_rows(frame, as_of, ref.dias_por_vencer)
    if ref.plan.fin < as_of and not checked_alone:  # said once, in plain words (to the
        # secretariat: a focal point checking its file can do nothing about the plan)
        checked.append(make_issue("plan-terminado", fin=ref.plan.fin.isoformat(),
                                  plan=(ref.label("plan", ref.plan.nombre, "es"),
                                        ref.label("plan", ref.plan.nombre, "en"))))
    observed_table, found_issues, measured_now, told = beside()
    frame, checked = named_in_sheet(frame, measured_now, checked)
    issues += found_issues + checked + told
    # (each issue is made again with the network's words: the ones made before let go,
    # a million rows' half a million issues held twice, 60 MB)
    del found_issues, checked, told
    issues = [ref.in_network(i, as_of) for i in sorted(issues, key=_issue_order)]
    subs = count_issues(subs, issues)
    log.info("%s", plural("log.issues", lang, len(issues)))
    matrix = matrix_table(frame, issues)
    tables, summary = build_tables(matrix, issues, subs, ref, lang)
    tables["observaciones"] = observed_table
    tables["indicadores"] = measured_now
    summary["indicadores_por_informante"] = indicators.situation_counts(measured_now)
    return RunResult(ronda, as_of, lang, ref, matrix, issues, subs, tables, summary,
                     extra_titles=found.extra_titles, expected=expected)


def _side_rows(observations_rows: pd.DataFrame, index: observations.ItemIndex,
               matcher: Matcher, cells: CellMap, measures: pd.DataFrame, frame: pd.DataFrame,
               stored: pd.DataFrame, measured: pd.DataFrame, as_of: dt.date
               ) -> tuple[pd.DataFrame, list[Issue], pd.DataFrame, list[Issue]]:
    """The round's observations and indicators, each with what is wrong with them."""
    observed, observed_issues = observations.build_observations(
        observations_rows, index, matcher, cells)
    measured_now, told = indicators.build_indicators(
        measures, frame.rename(columns={"_informante": "informante"}), stored, measured,
        as_of, cells)
    return observed, observed_issues, measured_now, told


def round_of(found: Gathered, ronda: str | None, as_of: dt.date) -> str:
    """The round: the one asked, else the one most read files declare, else the quarter
    of the as-of date."""
    return ronda or _declared_round(found.submissions) or quarter_of(as_of)


def _empty_items() -> pd.DataFrame:
    return pd.DataFrame(columns=["informante", "id", "actividad", "responsable", "plazo",
                                 "estado", "avance", "reservado"])


def _of_files(raw: pd.DataFrame, kept: set[str]) -> pd.DataFrame:
    """The rows of the `kept` files (not copied when every row is one of theirs)."""
    of_kept = raw["_archivo"].isin(kept)
    return raw if of_kept.all() else raw[of_kept].reset_index(drop=True)


def _sheets(frame: pd.DataFrame) -> set[tuple[str, str]]:
    """The (file, sheet) of every row."""
    return set(zip(frame["_archivo"], frame["_hoja"], strict=True))


def _without_emptied_sheets(issues: list[Issue], before: set[tuple[str, str]],
                            frame: pd.DataFrame) -> list[Issue]:
    """A sheet whose every row was an observation is no matrix missing its columns
    (`before`: the sheets of the rows before the observations left them)."""
    emptied = before - _sheets(frame)
    if not emptied:
        return issues
    return [i for i in issues if not (i.code == "columna-faltante"
                                      and (i.archivo, i.hoja) in emptied)]


def with_history(result: RunResult, previous: str | None, before: pd.DataFrame,
                 stored: pd.DataFrame, seen: pd.DataFrame | None = None,
                 measured: pd.DataFrame | None = None,
                 measured_rounds: pd.DataFrame | None = None) -> RunResult:
    """The round with what changed since the previous stored round (its items, and the
    observations `seen` then), the trend over the stored rounds, and each indicator's
    values in the stored rounds before this one (`measured_rounds`: the page's charts),
    read from the history by the command."""
    received = {s.informante for s in result.submissions if s.estado == "leido"}
    unreadable = frozenset(s.informante for s in result.submissions
                           if s.estado in UNREADABLE) - received
    changes = compute_changes(before, result.matrix, received, unreadable)
    now = result.tables.get("observaciones")
    if seen is not None and now is not None:
        moved = observation_changes(seen, now)
        if not moved.empty:
            changes = pd.concat([changes, moved], ignore_index=True) if len(changes) else moved
    now = result.tables.get("indicadores")
    if measured is not None and now is not None:
        # (an item whose only news is in its indicators was updated)
        news = measured_news(measured, now)
        if news and len(changes):
            changes = changes[~(changes["tipo"].eq("sin_actualizar") & pd.Series(
                [(str(r), str(i)) in news for r, i in zip(
                    changes["informante"], changes["id"], strict=True)], index=changes.index))]
        moved = indicator_changes(measured, now)
        if not moved.empty:
            changes = pd.concat([changes, moved], ignore_index=True) if len(changes) else moved
    trend = trend_table(stored, result.ronda, result.as_of, result.figures())
    series = indicators.earlier_values(measured_rounds, result.ronda)
    return RunResult(**{**result.__dict__, "previous": previous,
                        "tables": {**result.tables, "cambios": changes,
                                   **({"indicadores_rondas": series} if len(series) else {})},
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
