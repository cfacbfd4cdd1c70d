"""What changed since the previous round (docs/contract.md §5 across rounds), item by item.

An item is the pair (reporter, id). Kinds, as stable keys: `nuevo`, `no_reportado`,
`cambio_estado`, `estado_retrocede` (a finalized item reopened), `plazo_modificado`
(with the days it moved), `responsable_cambiado`, `sin_actualizar` (same status,
deadline, progress, responsible party and observations).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from pipeline.model.values import iso_day

CHANGE_COLUMNS = ("informante", "id", "actividad", "tipo", "antes", "despues", "dias",
                  "detalle", "_reservado")
KINDS = ("nuevo", "no_reportado", "cambio_estado", "estado_retrocede", "plazo_modificado",
         "responsable_cambiado", "sin_actualizar")  # in the order they are listed
_COMPARED = ("estado", "fecha_limite", "plazo", "avance", "responsable", "observaciones")


def compute_changes(previous: pd.DataFrame, current: pd.DataFrame, received: set[str],
                    unreadable: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Changes between the previous round's items and this round's; an item no longer
    reported says whether its reporter sent nothing or a file that could not be read."""
    if previous.empty:
        return pd.DataFrame(columns=list(CHANGE_COLUMNS))
    before = previous.drop_duplicates(["informante", "id"]).set_index(["informante", "id"])
    after = current.drop_duplicates(["informante", "id"]).set_index(["informante", "id"])
    rows: list[dict[str, object]] = []
    for key in after.index.difference(before.index):
        new = after.loc[key]
        rows.append(_row(key, new, "nuevo", "", new["estado"], reserved=bool(new["reservado"])))
    for key in before.index.difference(after.index):
        old = before.loc[key]
        detail = ("" if key[0] in received else
                  "ilegible" if key[0] in unreadable else "sin_envio")
        rows.append(_row(key, old, "no_reportado", old["estado"], "", detail=detail,
                         reserved=bool(old["reservado"])))
    for key in after.index.intersection(before.index):
        old, new = before.loc[key], after.loc[key]
        reserved = bool(old["reservado"]) or bool(new["reservado"])
        rows.extend({**row, "_reservado": reserved} for row in _compare(key, old, new))
    order = {kind: n for n, kind in enumerate(KINDS)}
    rows.sort(key=lambda r: (str(r["informante"]), order[str(r["tipo"])], str(r["id"])))
    return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))


def _compare(key: tuple[str, str], old: pd.Series, new: pd.Series) -> list[dict[str, object]]:
    found = []
    if old["estado"] != new["estado"]:
        kind = ("estado_retrocede" if old["estado"] == "finalizado" else "cambio_estado")
        found.append(_row(key, new, kind, old["estado"], new["estado"]))
    old_due, new_due = old["fecha_limite"], new["fecha_limite"]
    if not (pd.isna(old_due) and pd.isna(new_due)) and (
        pd.isna(old_due) or pd.isna(new_due) or old_due != new_due
    ):
        days = None if pd.isna(old_due) or pd.isna(new_due) else (new_due - old_due).days
        found.append(_row(key, new, "plazo_modificado", iso_day(old_due) or old["plazo"],
                          iso_day(new_due) or new["plazo"], days=days))
    if old["responsable"] != new["responsable"]:
        found.append(_row(key, new, "responsable_cambiado", old["responsable"],
                          new["responsable"]))
    if all(_same(old[c], new[c]) for c in _COMPARED):
        found.append(_row(key, new, "sin_actualizar", old["estado"], new["estado"]))
    return found


def _same(a: object, b: object) -> bool:
    return (_missing(a) and _missing(b)) or a == b


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or value is pd.NA or (
        isinstance(value, float) and value != value)



def _row(key: tuple[str, str], item: pd.Series, kind: str, before: object, after: object,
         days: int | None = None, detail: str = "", reserved: bool = False) -> dict[str, object]:
    return {"informante": key[0], "id": key[1], "actividad": item["actividad"], "tipo": kind,
            "antes": before, "despues": after, "dias": days, "detalle": detail,
            "_reservado": reserved}


TREND_COLUMNS = ("ronda", "fecha_corte", "actividades", "finalizado", "en_proceso",
                 "pendiente", "no_alcanzado", "vencidos", "por_vencer", "sin_responsable",
                 "completitud", "puntualidad")


def trend_table(stored: pd.DataFrame, ronda: str, as_of: dt.date,
                figures: dict[str, int]) -> pd.DataFrame:
    """The headline figures of every stored round, this one's replaced by its new ones."""
    this_round = pd.DataFrame([{"ronda": ronda, "fecha_corte": as_of.isoformat(), **figures}])
    if not stored.empty:
        stored = stored[stored["ronda"] != ronda]
    trend = pd.concat([stored, this_round], ignore_index=True) if not stored.empty else (
        this_round)
    trend = trend.sort_values(["ronda"], kind="stable").reset_index(drop=True)
    return trend.reindex(columns=list(TREND_COLUMNS))
