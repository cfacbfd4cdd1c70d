"""Whether a file is this round's, and whether it says anything new (issue 21).

A file whose template key or name says another round ("Nicaragua - 2026-T4.xlsx" in round
2027-T1) is set apart with a warning: not this round's submission, its rows not
consolidated, its reporter still missing. A file whose content is what its reporter sent
in its last stored round, unchanged, is counted but marked not updated, with a warning
the focal point reads in the feedback and `validate` prints. Its content is its matrix
and what its side sheets say that is new: an indicator's new value, a changed baseline or
target, a new indicator, observations other than the last round's (a value left blank,
as a round with no new measure leaves it, says nothing new).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping

import pandas as pd

from pipeline.analyse.tables import build_tables, count_issues
from pipeline.model.run import RunResult
from pipeline.model.submission import Sent, Submission
from pipeline.model.text import name_key
from pipeline.read.provenance import round_in_filename
from pipeline.words import both
from validation import Issue, make_issue

# What a focal point writes about an item: the same in both rounds means nothing changed.
CONTENT = ("id", "grupo_trabajo", "pilar", "tema", "actividad", "resultado_esperado",
           "indicadores", "responsable_medicion", "responsable", "plazo", "estado", "avance",
           "supuestos_riesgos", "observaciones", "reservado")
# An indicator's terms (a change is news) and its measure (news when one is given).
TERMS = ("unidad", "linea_base", "fecha_linea_base", "meta", "fecha_meta", "fuente",
         "responsable_medicion")
MEASURE = ("valor", "fecha_valor")
VIEW = ("id", "informante", "estado_observado", "evidencia", "observacion", "ambito",
        "fecha_observacion")
_QUARTER = re.compile(r"^20[0-9]{2}-T[1-4]$")


def set_apart_other_rounds(subs: list[Submission], ronda: str) -> tuple[list[Submission],
                                                                        list[Issue]]:
    """The read files that say they are another round's, set apart and warned. A round
    read from a file's name counts only where the round is named the same way."""
    kept, issues = [], []
    for sub in subs:
        said = sub.ronda_declarada
        from_key = said != round_in_filename(sub.archivo)  # else its name says so too
        if sub.estado != "leido" or not said or said == ronda or (
                not from_key and not _QUARTER.match(ronda)):
            kept.append(sub)
            continue
        where = both("where.template" if from_key else "where.filename")
        kept.append(dataclasses.replace(sub, estado="otra_ronda", ronda=ronda, motivo=both(
            "other_round", ronda_archivo=said, ronda=ronda)))
        issues.append(make_issue("ronda-distinta", archivo=sub.archivo, ronda_archivo=said,
                                 ronda=ronda, donde=where))
    return kept, issues


def mark_not_updated(result: RunResult, last: Mapping[str, Sent]) -> RunResult:
    """`result` with each file that repeats its reporter's last stored round marked and
    warned (its tables made again with them)."""
    matrix = result.matrix
    stale: dict[str, str] = {}
    # (a reporter's observations or indicators may come in a file of their own)
    side_files: dict[str, set[str]] = {}
    for sub in result.submissions:
        if sub.estado == "leido" and sub.laterales:
            side_files.setdefault(sub.informante, set()).add(sub.archivo)
    for sub in result.submissions:
        if sub.estado != "leido" or sub.informante not in last:
            continue
        sent = last[sub.informante]
        own = matrix[matrix["archivo"] == sub.archivo]
        files = {sub.archivo} | side_files.get(sub.informante, set())
        if (len(own) and sent.ronda != result.ronda and _content(own) == _content(sent.items)
                and not _news(result, files, sent)):
            stale[sub.archivo] = sent.ronda
    if not stale:
        return result
    subs = [dataclasses.replace(s, sin_actualizar=stale[s.archivo],
                                motivo=both("not_updated", anterior=stale[s.archivo]))
            if s.archivo in stale else s for s in result.submissions]
    found = [make_issue("sin-actualizar", archivo=s.archivo, informante=s.informante,
                        anterior=stale[s.archivo]) for s in subs if s.archivo in stale]
    issues = sorted([*found, *result.issues],  # first among its file's (a stable sort)
                    key=lambda i: (i.archivo == "", i.archivo))
    subs = count_issues(subs, issues)
    tables, summary = build_tables(matrix, issues, subs, result.ref, result.lang)
    return dataclasses.replace(result, issues=issues, submissions=subs,
                               tables={**result.tables, **tables},
                               summary={**result.summary, **summary})


def _news(result: RunResult, files: set[str], sent: Sent) -> bool:
    """Whether the side sheets of `files` say something their reporter's last round did
    not."""
    measured = result.tables.get("indicadores")
    if measured is not None and len(measured) and measured_news(
            sent.indicators, measured[measured["_archivo"].isin(files)]):
        return True
    observed = result.tables.get("observaciones")
    if observed is not None and len(observed):
        views = {_texts(r, VIEW) for r in _records(observed[observed["archivo"].isin(files)])}
        if views and views != {_texts(r, VIEW) for r in _records(sent.observations)}:
            return True
    return False


def measured_news(before: pd.DataFrame, now: pd.DataFrame) -> set[tuple[str, str]]:
    """The items (reporter, id) whose indicators in `now` say something those of `before`
    did not: an indicator new, its terms changed, or a value given that differs."""
    was_of = {_measure_key(r): r for r in _records(before)}
    found = set()
    for row in _records(now):
        was = was_of.get(_measure_key(row))
        if was is None or _texts(row, TERMS) != _texts(was, TERMS) or (
                _texts(row, MEASURE) != ("", "")
                and _texts(row, MEASURE) != _texts(was, MEASURE)):
            found.add((_text(row.get("informante")), _text(row.get("id"))))
    return found


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [] if frame.empty else frame.to_dict("records")  # type: ignore[return-value]


def _measure_key(row: Mapping[str, object]) -> tuple[str, str, str]:
    return _text(row.get("informante")), _text(row.get("id")), name_key(row.get("indicador"))


def _texts(row: Mapping[str, object], keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_text(row.get(k)) for k in keys)


def _content(items: pd.DataFrame) -> list[tuple[str, ...]]:
    """The items' content, each value as text, in an order of its own."""
    columns = [c for c in CONTENT if c in items.columns]
    return sorted(tuple(_text(v) for v in row)
                  for row in items[columns].itertuples(index=False, name=None))


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
