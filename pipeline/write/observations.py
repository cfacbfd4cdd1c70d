"""The per-item side sheets in consolidado.xlsx: the `Observaciones` sheet (differing views
first) and, in the Matrix, each item's observed status and observation beside its official
status; the `Indicadores` sheet (those behind first)."""

from __future__ import annotations

import pandas as pd

from pipeline.analyse.observations import observed_beside
from pipeline.model.values import map_distinct
from pipeline.reference.data import Reference
from pipeline.words import word

# What a meeting reads first (a printed page shows the columns that fit): the item, the
# two views, the observation and its evidence, who observed.
SHEET_COLUMNS = ("informante", "id", "actividad", "estado_oficial", "estado_observado",
                 "coincide", "observacion", "evidencia", "observador", "ambito",
                 "fecha_observacion", "responsable", "archivo", "hoja", "fila")
WIDTHS = {"actividad": 34, "estado_oficial": 12, "estado_observado": 12, "coincide": 9,
          "observacion": 32, "evidencia": 24, "ambito": 10, "fecha_observacion": 11,
          "observador": 11, "observacion_observador": 36}


def observation_sheet(table: pd.DataFrame, labels: dict[str, str], ref: Reference,
                      lang: str) -> pd.DataFrame:
    """The observations as a meeting reads them: differing views first, then agreeing,
    then the rest, and last those whose item was not found; statuses, parties and levels
    as words in the run's language."""
    order = table["coincide"].map({False: 0, True: 1}).fillna(2).where(
        table["_conocido"].astype(bool), 3)
    shown = table.assign(_orden=order).sort_values(
        ["_orden", "informante", "id"], kind="stable")[list(SHEET_COLUMNS)].copy()
    for column in ("estado_oficial", "estado_observado"):
        shown[column] = map_distinct(shown[column], lambda k: labels.get(k, k))
    for column in ("informante", "responsable", "observador"):
        shown[column] = map_distinct(shown[column],
                                     lambda v: ref.label("parte", str(v), lang))
    yes_no = {True: word("yes", lang), False: word("no", lang)}
    shown["coincide"] = map_distinct(shown["coincide"], lambda v: yes_no.get(v, "")
                                     if isinstance(v, bool) else "")
    shown["ambito"] = map_distinct(shown["ambito"], lambda v: word(f"level.{v}", lang)
                                   if v in ("local", "nacional", "regional") else v)
    return shown.reset_index(drop=True)


def observed_columns(table: pd.DataFrame | None, labels: dict[str, str]
                     ) -> pd.DataFrame | None:
    """Per observed item (informante, id), its observed statuses in words and its
    observations, for `with_observations`: made once for the Matrix and every list."""
    if table is None or table.empty:
        return None
    beside = observed_beside(table)
    if beside.empty:
        return None
    beside["estado_observado"] = beside["estado_observado"].map(
        lambda text: "; ".join(labels.get(k, k) for k in str(text).split("; ") if k))
    return beside


def with_observations(matrix: pd.DataFrame, beside: pd.DataFrame | None) -> pd.DataFrame:
    """The matrix with each item's observed status and observation (`observed_columns`)
    after its status (the matrix as it was when nobody observed)."""
    if beside is None:
        return matrix
    joined = matrix.merge(beside, on=["informante", "id"], how="left", sort=False)
    joined.index = matrix.index
    columns = list(matrix.columns)
    at = columns.index("estado") + 1
    order = [*columns[:at], "estado_observado", "observacion_observador", *columns[at:]]
    return joined[order].fillna({"estado_observado": "", "observacion_observador": ""})


INDICATOR_COLUMNS = ("informante", "id", "actividad", "indicador", "unidad", "linea_base",
                     "meta", "valor", "avance_meta", "esperado", "situacion",
                     "fecha_linea_base", "fecha_meta", "fecha_valor", "fuente",
                     "responsable_medicion")
INDICATOR_WIDTHS = {"indicador": 30, "unidad": 10, "linea_base": 9, "meta": 9, "valor": 9,
                    "avance_meta": 10, "esperado": 10, "situacion": 15,
                    "fecha_linea_base": 11, "fecha_meta": 11, "fecha_valor": 11,
                    "fuente": 24, "actividad": 34}
_BEHIND_FIRST = {"atrasado": 0, "en_riesgo": 1, "sin_valor": 2, "sin_meta": 3,
                 "sin_linea_base": 4, "en_camino": 5, "meta_alcanzada": 6}


def indicator_sheet(table: pd.DataFrame, ref: Reference, lang: str) -> pd.DataFrame:
    """The indicators as a meeting reads them: those behind and at risk first; situations
    and reporters in the run's language."""
    order = table["situacion"].map(_BEHIND_FIRST).fillna(len(_BEHIND_FIRST))
    shown = table.assign(_orden=order).sort_values(["_orden", "informante", "id"],
                                                   kind="stable")
    shown = shown[list(INDICATOR_COLUMNS)].copy()
    shown["informante"] = map_distinct(shown["informante"],
                                       lambda v: ref.label("parte", str(v), lang))
    shown["situacion"] = map_distinct(shown["situacion"], lambda k: word(f"situation.{k}", lang))
    return shown.reset_index(drop=True)
