"""What changed since the previous round (docs/contract.md §5 across rounds), item by item.

An item is the pair (reporter, id). Kinds, as stable keys: `nuevo`, `no_reportado`,
`cambio_estado`, `estado_retrocede` (a finalized item reopened), `plazo_modificado`
(with the days it moved), `responsable_cambiado`, `sin_actualizar` (same status,
deadline, progress, responsible party and observations); and of an observer's view of an
item: `observacion_cambia` (the observer's view changed) and `diferencia_resuelta` (a view
that differed from the official status now agrees with it), the observer in `detalle`;
and of an indicator: `meta_modificada` and `linea_base_modificada` (a moved goalpost is a
finding, like a moved deadline), the indicator in `detalle`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

import pandas as pd

from pipeline.model.text import name_key
from pipeline.model.values import flag, iso_day

CHANGE_COLUMNS = ("informante", "id", "actividad", "tipo", "antes", "despues", "dias",
                  "detalle", "_reservado")
KINDS = ("nuevo", "no_reportado", "cambio_estado", "estado_retrocede", "plazo_modificado",
         "responsable_cambiado", "sin_actualizar", "observacion_cambia",
         "diferencia_resuelta", "meta_modificada", "linea_base_modificada")  # listed so
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


def observation_changes(before: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    """An observer's view of an item that changed since the previous round, and a
    differing view resolved (the official status or the view moved until they agree)."""
    rows: list[dict[str, object]] = []
    if before.empty or now.empty:
        return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    key = ["informante", "id", "observador"]
    # One view per item and observer, its first: the one counted (a round stored before
    # repeated views were told may hold several).
    old = before.drop_duplicates(key, keep="first").set_index(key)
    new = now.drop_duplicates(key, keep="first").set_index(key)
    for ident in new.index.intersection(old.index):
        was, is_ = old.loc[ident], new.loc[ident]
        reserved = _hidden(is_)
        item = (str(ident[0]), str(ident[1]))
        if str(was["estado_observado"]) != str(is_["estado_observado"]):
            rows.append({**_row(item, is_, "observacion_cambia", was["estado_observado"],
                                is_["estado_observado"], detail=str(ident[2])),
                         "_reservado": reserved})
        if _agrees(was["coincide"]) is False and _agrees(is_["coincide"]) is True:
            rows.append({**_row(item, is_, "diferencia_resuelta", was["estado_oficial"],
                                is_["estado_oficial"], detail=str(ident[2])),
                         "_reservado": reserved})
    return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))


def indicator_changes(before: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    """An indicator whose target or baseline (value or date) changed since the previous
    round; the same indicator by `indicator_key`."""
    rows: list[dict[str, object]] = []
    if before.empty or now.empty:
        return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    old = {indicator_key(r): r for r in cast(list[dict[str, object]], before.to_dict("records"))}
    for new in cast(list[dict[str, object]], now.to_dict("records")):
        was = old.get(indicator_key(new))
        if was is None:
            continue
        item = (str(new["informante"]), str(new["id"]))
        series = pd.Series(new)
        for kind, value, day in (("meta_modificada", "meta", "fecha_meta"),
                                 ("linea_base_modificada", "linea_base", "fecha_linea_base")):
            before_text, after_text = _goal(was, value, day), _goal(new, value, day)
            if before_text != after_text:
                rows.append({**_row(item, series, kind, before_text, after_text,
                                    detail=str(new["indicador"])),
                             "_reservado": _hidden(new)})
    return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))


def _hidden(row: Mapping[Any, object]) -> bool:
    """Whether a change of an observation or an indicator stays out of the public edition:
    its item is restricted, or it names no known item (a mistyped restricted id)."""
    return flag(row.get("_reservado")) or not flag(row.get("_conocido"), blank=True)


def indicator_key(row: Mapping[Any, object]) -> tuple[str, str, str]:
    """What makes an indicator the same one across rounds: its reporter, its item's id and
    its name as `name_key` compares it (no case, no accents, its signs kept), as the page
    and the previous value's lookup compare it: renaming it only by an accent or a capital
    does not make it new."""
    return str(row["informante"]), str(row["id"]), name_key(row["indicador"])


def _goal(row: dict[str, object], value: str, day: str) -> str:
    """A target or baseline as one text: '250 (2027-12-31)'."""
    number = row.get(value)
    shown = "" if _missing(number) or number == "" else (
        str(int(float(str(number)))) if float(str(number)).is_integer() else str(number))
    return f"{shown} ({row.get(day)})".lstrip() if row.get(day) else shown


def _agrees(value: object) -> bool | None:
    """A stored agreement (true, false, blank) as a boolean, or None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if not _missing(value) else ""
    return True if text in {"true", "1"} else False if text in {"false", "0"} else None


TREND_COLUMNS = ("ronda", "fecha_corte", "actividades", "finalizado", "en_proceso",
                 "pendiente", "no_alcanzado", "vencidos", "por_vencer", "sin_responsable",
                 "completitud", "puntualidad")


def trend_table(stored: pd.DataFrame, ronda: str, as_of: dt.date,
                figures: dict[str, int]) -> pd.DataFrame:
    """The headline figures of every stored round up to this one, this one's replaced by
    its new ones: a round consolidated again (a late file) shows the trend as it stood then,
    not the rounds stored after it."""
    this_round = pd.DataFrame([{"ronda": ronda, "fecha_corte": as_of.isoformat(), **figures}])
    if not stored.empty:
        stored = stored[stored["ronda"].astype(str) < ronda]
    trend = pd.concat([stored, this_round], ignore_index=True) if not stored.empty else (
        this_round)
    trend = trend.sort_values(["ronda"], kind="stable").reset_index(drop=True)
    return trend.reindex(columns=list(TREND_COLUMNS))
