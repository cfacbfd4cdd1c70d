"""The public edition, to publish outside the network (docs/contract.md §6, issue 5): no
row marked `reservado`, no personal data anywhere in the file (pipeline.analyse.redact says
what that covers).

The edition is a new result built from the public rows only (summaries, charts, issues
and changes recomputed from them), without the submissions' contact columns, and with
personal data in every text (cells, file and sheet names, column titles) replaced. Nothing
else is carried over, so no hidden sheet, comment, defined name, document property, chart
cache or shared string can hold what was left out.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from pipeline.analyse.indicators import public_indicators, situation_counts
from pipeline.analyse.redact import Redactor
from pipeline.analyse.tables import build_tables
from pipeline.model.run import RunResult
from pipeline.model.submission import Submission
from pipeline.model.text import fold
from pipeline.reference.data import Reference
from pipeline.words import word
from validation.issues import first_place

PERSONAL = ("contacto_nombre", "contacto_institucion", "contacto_correo", "contacto_telefono")


def redactor(subs: list[Submission], lang: str, ref: Reference | None = None) -> Redactor:
    """Everything personal the submission blocks told us, and any e-mail or phone. A
    block signed "Punto focal Costa Rica" names a role and a country, not a person: the
    reference's names (parties, pillars, themes) and roles written whole in a signature
    are taken out of it, so "Costa Rica" is never taken for a surname (a "Mario Costa
    Rivas" keeps his)."""
    public = _public_names(ref) if ref is not None else None
    names = [public.sub(" ", fold(s.contacto_nombre)) if public is not None
             else s.contacto_nombre for s in subs]
    institutions = [s.contacto_institucion for s in subs]
    typed = [getattr(s, field) for s in subs for field in PERSONAL]
    keep = [s.informante for s in subs] + (_reference_names(ref) if ref is not None else [])
    return Redactor(names, institutions, typed, word("redacted", lang), keep)


ROLES = ("punto focal", "puntos focales", "focal point", "enlace", "contacto", "oficial",
         "delegado", "delegada", "representante", "secretaria", "secretario", "director",
         "directora", "coordinador", "coordinadora", "equipo", "team", "officer")


def _reference_names(ref: Reference) -> list[str]:
    """Every name the reference gives: parties, groups, reporters, pillars, themes."""
    return [*(n for p in ref.responsables for n in p.names if n), *ref.esperados,
            *(p.nombre for p in ref.pilares), *(p.en for p in ref.pilares),
            *(t for p in ref.pilares for t in (*p.temas, *p.temas_en))]


def _public_names(ref: Reference) -> re.Pattern[str]:
    """The reference's names and the roles, folded, as whole phrases (longest first)."""
    texts = [*ROLES, *_reference_names(ref)]
    phrases = sorted({fold(t) for t in texts if len(fold(t)) > 2}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")


def public_edition(result: RunResult) -> RunResult:
    matrix = result.matrix
    reserved = matrix["reservado"].astype(bool)
    observed, at_restricted = _public_observations(result.tables.get("observaciones"))
    measured, measured_at = public_indicators(result.tables, matrix[reserved])
    hidden = set(zip(matrix.loc[reserved, "archivo"], matrix.loc[reserved, "hoja"],
                     matrix.loc[reserved, "fila"].astype(int), strict=True)) | at_restricted
    hidden |= measured_at
    scrub = redactor(result.submissions, result.lang, result.ref)
    public_matrix = _scrub_frame(matrix[~reserved].reset_index(drop=True), scrub)
    issues = [dataclasses.replace(i, archivo=_text(scrub(i.archivo)), hoja=_text(scrub(i.hoja)),
                                  valor=_text(scrub(i.valor)),
                                  sugerencia=(_text(scrub(i.suggestion("es"))),
                                              _text(scrub(i.suggestion("en")))))
              for i in result.issues if (i.archivo, i.hoja, i.fila) not in hidden
              and first_place(i) not in hidden]  # (a repeat of a row left out: its item)
    subs = [dataclasses.replace(s, contacto_nombre="", contacto_institucion="", contacto_correo="",
                                contacto_telefono="") for s in result.submissions]
    tables, summary = build_tables(public_matrix, issues, subs, result.ref, result.lang)
    tables = {k: _scrub_frame(t, scrub) for k, t in tables.items()}
    summary = {k: _scrub_frame(t, scrub) for k, t in summary.items()}
    if "cambios" in result.tables:
        changes = result.tables["cambios"]
        tables["cambios"] = _public_changes(changes[~changes["_reservado"].astype(bool)], scrub)
    if observed is not None:  # the observer's focal point is a signer like any other
        tables["observaciones"] = _scrub_frame(observed, scrub)
    for key, table in measured.items():  # who measures may be a person
        tables[key] = _scrub_frame(table, scrub)
    if "indicadores" in measured:
        summary["indicadores_por_informante"] = situation_counts(tables["indicadores"])
    titles = {k: _text(scrub(v)) for k, v in result.extra_titles.items()}
    public = dataclasses.replace(result, matrix=public_matrix, issues=issues, submissions=subs,
                                 tables=tables, summary=summary, history=None,
                                 extra_titles=titles)
    return dataclasses.replace(public, summary={**summary, "tendencia": _trend(result, public)})


def _public_observations(table: pd.DataFrame | None,
                         ) -> tuple[pd.DataFrame | None, set[tuple[object, object, int]]]:
    """The observations of items that are not restricted (observations are public), and
    where the others were written: an issue there is left out as a restricted row's is.
    One that names no known item is left out too: it may name a restricted one, mistyped."""
    if table is None:
        return None, set()
    restricted = table["_reservado"].astype(bool) | ~table["_conocido"].astype(bool)
    views = table[restricted]
    return (table[~restricted].reset_index(drop=True),
            set(zip(views["archivo"], views["hoja"], views["fila"].astype(int), strict=True)))


# Changes whose before and after the product wrote itself (a number and its date: a target
# of 1500000 reads as a phone number to the scrubber), not a person.
FIGURES = ("meta_modificada", "linea_base_modificada")


def _public_changes(changes: pd.DataFrame, scrub: Redactor) -> pd.DataFrame:
    scrubbed = _scrub_frame(changes, scrub)
    figures = changes["tipo"].isin(FIGURES)
    for column in ("antes", "despues"):
        scrubbed[column] = scrubbed[column].where(~figures, changes[column])
    return scrubbed


def _trend(result: RunResult, public: RunResult) -> pd.DataFrame:
    """The public edition's trend: this round's public figures only (the stored rounds'
    counts include restricted items)."""
    stored = result.summary.get("tendencia", pd.DataFrame(columns=["ronda", "fecha_corte"]))
    figures = public.figures()
    row = {"ronda": result.ronda, "fecha_corte": result.as_of.isoformat(),
           **{c: figures.get(c) for c in stored.columns if c not in ("ronda", "fecha_corte")}}
    return pd.DataFrame([row], columns=list(stored.columns) or list(row))


def _text(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def _scrub_frame(frame: pd.DataFrame, scrub: Redactor) -> pd.DataFrame:
    frame = frame.copy(deep=False)  # whole columns are replaced: no row copy
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(scrub)
    return frame
