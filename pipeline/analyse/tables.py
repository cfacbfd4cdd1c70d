"""The output tables (docs/contract.md §6), built once and written both as CSV and as workbook
sheets.

Column names are stable snake_case; `pipeline.model.labels.title` gives the heading an
analyst reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

import numpy as np
import pandas as pd

from pipeline.analyse.flags import FLAGS
from pipeline.model.columns import KEYS
from pipeline.model.submission import Submission
from pipeline.reference.data import Reference
from pipeline.words import LANGS, lang_of, word
from validation import Issue

PROVENANCE = ("informante", "ronda", "archivo", "hoja", "fila", "fecha_envio")
MATRIX_COLUMNS = (*KEYS[:10], "fecha_limite", "precision_plazo", *KEYS[10:], *PROVENANCE,
                  *FLAGS, "problemas")
ISSUE_COLUMNS = ("severidad", "codigo", "mensaje", "archivo", "hoja", "celda", "columna",
                 "valor", "sugerencia")
SUBMISSION_COLUMNS = ("archivo", "informante", "ronda", "estado", "motivo", "detalle_tecnico",
                      "fecha_envio",
                      "a_tiempo", "contacto_nombre", "contacto_institucion", "contacto_correo",
                      "contacto_telefono", "hojas", "filas", "errores", "advertencias")
# The analysis's own columns the round keeps (the rest, the validation's facts and the
# nearest known values, are let go: a million rows' are 90 MB): the values as written
# (`_raw_*`, the feedback shows them), and what the lists, the public edition and the
# observations of a later step read.
KEPT_INTERNAL = ("_dias_vencido", "_plazo_tipo", "_id_generado")
ROWS_AT_ONCE = 50_000  # rows whose issue codes are looked up together


def matrix_table(frame: pd.DataFrame, issues: Iterable[Issue]) -> pd.DataFrame:
    """The consolidated matrix, one row per item, in a stable order."""
    table = frame.rename(columns={"_informante": "informante", "_ronda": "ronda",
                                  "_archivo": "archivo", "_hoja": "hoja", "_fila": "fila",
                                  "_fecha_envio": "fecha_envio"})
    table["problemas"] = _row_codes(table, issues)
    table = table.sort_values(["informante", "archivo", "hoja", "fila"], kind="stable")
    table = table.rename(columns={"dias_vencido": "_dias_vencido"})
    extras = sorted(c for c in table.columns if c.startswith("extra_"))
    internal = [c for c in table.columns if c in KEPT_INTERNAL or c.startswith("_raw_")]
    return table[[*MATRIX_COLUMNS, *extras, *internal]].reset_index(drop=True)


def _row_codes(table: pd.DataFrame, issues: Iterable[Issue]) -> list[str]:
    """Each row's issue codes, sorted and joined ("a; b"; "" for none). A row is found by
    one number, its sheet's and its own: a million rows' 537,733 issues gathered in a set
    per (file, sheet, row) took 200 MB, the analysis's largest moment; a number and a text
    per row with issues, 50 MB."""
    sheets: dict[tuple[str, str], int] = {}
    codes: dict[int, str] = {}
    for issue in issues:
        if issue.fila is None:
            continue
        at = sheets.setdefault((issue.archivo, issue.hoja), len(sheets)) << 32 | issue.fila
        known = codes.get(at)
        if known is None:
            codes[at] = issue.code
        elif issue.code not in (parts := known.split("; ")):
            codes[at] = "; ".join(sorted([*parts, issue.code]))
    # (a sheet no issue names: -1, whose numbers are negative, none of them a key; the
    # rows looked up a slice at a time: a million rows' cells as lists, 60 MB at once)
    found: list[str] = []
    for start in range(0, len(table), ROWS_AT_ONCE):
        part = table.iloc[start:start + ROWS_AT_ONCE]
        found += [codes.get(sheets.get((a, h), -1) << 32 | int(f), "")
                  for a, h, f in zip(*(part[c].tolist() for c in ("archivo", "hoja", "fila")),
                                     strict=True)]
    return found


LIST_KEYS = ("vencidos", "por_vencer", "sin_responsable", "plazos_imprecisos")


def table_keys(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The keys `round_table` gives for `tables`: theirs, and the lists where the matrix
    table is among them."""
    return [*tables, *(LIST_KEYS if "matriz" in tables else ())]


def round_table(tables: Mapping[str, pd.DataFrame], key: str) -> pd.DataFrame:
    """A round's table (`build_tables`) by its key; the four lists of docs/contract.md §6
    made from its matrix table when asked, each where it is written. Each list copies
    its rows' columns: a million rows' lists held 173 MB from the analysis to the end of
    the run, in every process the writing forks (and none of them but two writes them)."""
    if key in LIST_KEYS:
        return row_list(tables["matriz"], key)
    return tables[key]


def row_list(matrix: pd.DataFrame, key: str) -> pd.DataFrame:
    """One list of docs/contract.md §6: overdue, due soon, without responsible party,
    vague deadline. Its rows are put in order on the sort keys alone and only the list's
    columns are copied (the matrix's whole rows copied first held a million rows' lists
    twice over)."""
    base = [*(c for c in MATRIX_COLUMNS if c in matrix.columns),
            *(c for c in matrix.columns if c.startswith("extra_"))]
    shown = matrix[base]
    if key == "vencidos":
        overdue = _in_order(matrix, "vencido", ["_dias_vencido", "informante", "fila"],
                            [False, True, True])
        return shown.iloc[overdue].assign(
            dias_vencido=matrix["_dias_vencido"].iloc[overdue].array)
    if key == "por_vencer":
        return shown.iloc[_in_order(matrix, "por_vencer", ["fecha_limite", "informante",
                                                            "fila"])]
    if key == "sin_responsable":
        return shown[matrix["sin_responsable"]]
    if key == "plazos_imprecisos":
        return shown[matrix["_plazo_tipo"].ne("fecha")]
    raise KeyError(key)


def _in_order(matrix: pd.DataFrame, flag: str, keys: list[str],
              ascending: bool | list[bool] = True) -> np.ndarray:
    """The positions of the rows where `flag` holds, sorted by `keys` (stable)."""
    held = matrix[flag]
    chosen = matrix.loc[held, keys].set_axis(np.flatnonzero(held.to_numpy()))
    return chosen.sort_values(keys, ascending=ascending, kind="stable").index.to_numpy()


def issues_table(issues: Iterable[Issue], lang: str) -> pd.DataFrame:
    """One row per issue, made a column at a time: a row's dict per issue held a million
    rows' issues twice over (and left the memory scattered where they had been). Equal
    messages and cells are one text each (`_shared`)."""
    issues = list(issues)
    columns: dict[str, list[object]] = {
        "severidad": [i.severity_label(lang) for i in issues],
        "codigo": [i.code for i in issues],
        "mensaje": _shared(i.message(lang) for i in issues),
        "archivo": [i.archivo for i in issues],
        "hoja": [i.hoja for i in issues],
        "celda": _shared(i.celda or (str(i.fila) if i.fila else "") for i in issues),
        "columna": [i.columna for i in issues],
        "valor": [i.valor for i in issues],
        "sugerencia": [i.suggestion(lang) for i in issues],
    }
    return pd.DataFrame(columns, columns=list(ISSUE_COLUMNS))


def _shared(texts: Iterable[str]) -> list[object]:
    """The texts, each equal one given as the first of them: a message is made anew for
    each issue, yet a round's 540,000 issues (a million rows) say a few hundred different
    things at a few thousand cells; held once each, their table takes 40 MB, not 173."""
    first: dict[str, str] = {}
    return [first.setdefault(text, text) for text in texts]


def submissions_table(subs: list[Submission], lang: str) -> pd.DataFrame:
    pick = LANGS.index(lang_of(lang))
    rows = [
        {
            "archivo": s.archivo, "informante": s.informante, "ronda": s.ronda,
            "estado": word("state.sin_actualizar" if s.sin_actualizar else f"state.{s.estado}",
                           lang),
            "motivo": s.motivo[pick] if s.motivo else "", "detalle_tecnico": s.detalle,
            "fecha_envio": s.fecha_envio, "a_tiempo": s.a_tiempo,
            "contacto_nombre": s.contacto_nombre,
            "contacto_institucion": s.contacto_institucion,
            "contacto_correo": s.contacto_correo, "contacto_telefono": s.contacto_telefono,
            "hojas": ", ".join(s.hojas),
            "filas": s.filas, "errores": s.errores, "advertencias": s.advertencias,
        }
        for s in sorted(subs, key=lambda s: (s.archivo == "", s.archivo, s.informante))
    ]
    return pd.DataFrame(rows, columns=list(SUBMISSION_COLUMNS))


def count_issues(subs: list[Submission], issues: Iterable[Issue]) -> list[Submission]:
    """Each file's submission with the number of its errors and warnings."""
    by_file: dict[str, list[Issue]] = {}
    for issue in issues:
        by_file.setdefault(issue.archivo, []).append(issue)
    counted = []
    for sub in subs:
        found = by_file.get(sub.archivo, []) if sub.archivo else []
        counted.append(replace(sub, errores=sum(i.severity == "error" for i in found),
                               advertencias=sum(i.severity == "advertencia" for i in found)))
    return counted


def status_counts(matrix: pd.DataFrame, by: str, ref: Reference, lang: str) -> pd.DataFrame:
    """Items per status for each value of `by` (working group, pillar, reporter)."""
    keys = [s.clave for s in ref.estados]
    estado = matrix["estado"].where(matrix["estado"].isin(keys), "otro")
    estado = estado.where(matrix["estado"].ne(""), "sin_estado")
    groups = matrix[by].where(matrix[by].ne(""), word("blank", lang))
    # (a crosstab counts each group in Python: slow with thousands of reporters)
    table = pd.DataFrame({by: groups, "estado": estado}).groupby(
        [by, "estado"], sort=True).size().unstack(fill_value=0)
    columns = [*keys, "otro", "sin_estado"]
    table = table.reindex(columns=columns, fill_value=0)
    table = table.loc[:, (table.sum() > 0) | table.columns.isin(keys)]
    table["total"] = table.sum(axis=1)
    table["vencidos"] = matrix.groupby(groups)["vencido"].sum().reindex(table.index).astype(int)
    table.index.name = by
    return table.reset_index()


def overdue_by_party(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    overdue = matrix[matrix["vencido"]]
    if overdue.empty:
        return pd.DataFrame({"responsable": pd.Series(dtype=object),
                             "vencidos": pd.Series(dtype=int)})
    parties = overdue["responsable"].where(overdue["responsable"].ne(""),
                                           word("nobody", lang))
    exploded = parties.str.split("; ").explode()
    counts = exploded.value_counts().rename_axis("responsable").reset_index(name="vencidos")
    return counts.sort_values(["vencidos", "responsable"], ascending=[False, True],
                              kind="stable").reset_index(drop=True)


def status_grid(matrix: pd.DataFrame) -> pd.DataFrame:
    """The status of each item for each reporter that reports it, in long form (id,
    activity, reporter, status): the grid sheet spreads it into items x reporters. Long,
    because items are mostly one reporter's own and a dense grid would grow with items
    times reporters."""
    grid = matrix[["id", "actividad", "informante", "estado"]]
    grid = grid.drop_duplicates(["id", "informante"])
    return grid.sort_values(["id", "informante"], kind="stable").reset_index(drop=True)


def build_tables(matrix: pd.DataFrame, issues: list[Issue], subs: list[Submission],
                 ref: Reference, lang: str) -> tuple[dict[str, pd.DataFrame],
                                                     dict[str, pd.DataFrame]]:
    """The output tables and the summary tables of a consolidated matrix."""
    shown = matrix if ref.pilares else matrix.drop(columns=["pilar"])  # a network without
    # (the four row lists are made where they are written: `round_table`)
    tables = {"matriz": shown, "problemas": issues_table(issues, lang),
              "envios": submissions_table(subs, lang)}
    summary = {
        "por_grupo": status_counts(matrix, "grupo_trabajo", ref, lang),
        **({"por_pilar": status_counts(matrix, "pilar", ref, lang)} if ref.pilares else {}),
        "por_informante": status_counts(matrix, "informante", ref, lang),
        "vencidos_por_responsable": overdue_by_party(matrix, lang),
        "cuadricula": status_grid(matrix),
    }
    return tables, summary
