"""Indicators with a baseline and a target (a results framework, as Akvo RSR, TolaData or
DHIS2 keep one): is each commitment getting where it promised?

An indicator row (pipeline.model.sides.INDICATORS) names one of its reporter's items by id
(as the template's dropdown writes it, or typed in another case or with spaces) or, in a
hand-made sheet without ids, by the item's activity. Its value is compared with the
straight line from the baseline (value, date) to the target (value, date): progress =
(value − baseline) / (target − baseline), expected = the share of the time between the two
dates gone by at the as-of date. A decreasing target (fewer deaths) works the same way:
both differences are negative. Frames in, frames and issues out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from pipeline.analyse.indicator_lines import shown
from pipeline.analyse.item_index import id_key
from pipeline.model.run import counted
from pipeline.model.sides import INDICATORS
from pipeline.model.text import fold, name_key
from pipeline.model.values import item_keys, row_dicts, text_columns
from pipeline.normalize.deadlines import files_month_first, parse_when
from pipeline.normalize.numbers import Quantity, read_quantity
from pipeline.normalize.units import as_percentages, is_percent, same_unit
from validation import Issue, make_issue
from validation.issues import Place, first_row

COLUMNS = ("id", "informante", "actividad", "indicador", "unidad", "linea_base",
           "fecha_linea_base", "meta", "fecha_meta", "valor", "fecha_valor", "avance_meta",
           "esperado", "situacion", "fuente", "responsable_medicion")
SITUATIONS = ("meta_alcanzada", "en_camino", "en_riesgo", "atrasado", "sin_valor", "sin_meta",
              "sin_linea_base")
# What a reader acts on first: those behind, at risk, not updated; those on track last.
BEHIND_FIRST = {"atrasado": 0, "en_riesgo": 1, "sin_valor": 2, "sin_meta": 3,
                "sin_linea_base": 4, "en_camino": 5, "meta_alcanzada": 6}
DATES = ("fecha_linea_base", "fecha_meta", "fecha_valor")
AT_RISK_POINTS = 10.0  # within this many points below the line: at risk, not yet late
CellMap = Mapping[tuple[str, str], Mapping[str, tuple[str, str]]]


@dataclass(frozen=True)
class Judged:
    avance: float | None  # progress toward the target, in percent
    esperado: float | None  # where the straight line says it should be by now, in percent
    situacion: str


def judge(baseline: float | None, target: float | None, value: float | None,
          since: dt.date | None, by: dt.date | None, as_of: dt.date) -> Judged:
    """An indicator's progress, what was expected by `as_of`, and its situation."""
    if target is None or by is None or (since is not None and by <= since):
        return Judged(None, None, "sin_meta")  # (no line to judge on: dates to correct)
    if baseline is None or since is None:
        return Judged(None, None, "sin_linea_base")
    if value is None:
        return Judged(None, _expected(since, by, as_of), "sin_valor")
    expected = _expected(since, by, as_of)
    if target == baseline:  # a level to keep: kept or not
        return Judged(None, expected, "meta_alcanzada" if value == target else "atrasado")
    progress = 100 * (value - baseline) / (target - baseline)
    if progress >= 100:
        return Judged(progress, expected, "meta_alcanzada")
    # Points below the line, of the figures as shown (to a tenth): what a reader sees
    # exactly 10 below (63.3 against 73.3) is at risk, whatever the hundredths said.
    gap = round(round(expected, 1) - round(progress, 1), 9)
    situation = ("en_camino" if gap <= 0 else "en_riesgo" if gap <= AT_RISK_POINTS
                 else "atrasado")
    return Judged(progress, expected, situation)


def _expected(since: dt.date, by: dt.date, as_of: dt.date) -> float:
    """The share of the way from the baseline's date to the target's gone by, in percent."""
    if by <= since:
        return 100.0
    share = (as_of - since).days / (by - since).days
    return 100 * min(max(share, 0.0), 1.0)


def build_indicators(rows: pd.DataFrame, matrix: pd.DataFrame, before: pd.DataFrame,
                     stored: pd.DataFrame, as_of: dt.date,
                     cells: CellMap) -> tuple[pd.DataFrame, list[Issue]]:
    """Every indicator row that says something, resolved to its reporter's item, judged;
    what is wrong with it told at its cell. `before` are the stored items (an item not
    reported again keeps its indicators), `stored` the last round's indicators (units and
    values then)."""
    issues: list[Issue] = []
    records: list[dict[str, object]] = []
    items = _Items(matrix, before) if not rows.empty else _Items.none()
    seen: dict[tuple[str, str, str], tuple[Place, int]] = {}  # first row, record
    last = {_key(str(r["informante"]), str(r["id"]), str(r["indicador"])): r
            for r in row_dicts(stored)} if not stored.empty else {}
    keys = INDICATORS.keys
    texts = text_columns(rows, keys)  # (each distinct cell read once)
    mdy = files_month_first(rows, texts, DATES)
    for n, row in enumerate(row_dicts(rows)):
        text = {k: texts[k][n] for k in keys}
        if not any(text[k] for k in INDICATORS.content):
            continue  # a prefilled row left blank
        at = _Cell(row, cells)
        reporter = str(row["_informante"])
        ident, item = items.find(reporter, text["id"], text["actividad"])
        if item is None:
            issues.append(at.issue("indicador-sin-item", "id" if text["id"] or not text[
                "actividad"] else "actividad", text["id"] or text["actividad"]
                or text["indicador"]))
        key = _key(reporter, ident, text["indicador"])
        here = (str(row["_archivo"]), str(row["_hoja"]), int(str(row["_fila"])))
        # A repeat is told and not counted, unless the first gave no value and this one
        # does (a template's prefilled row, and the values sent in a file of their own).
        replaces = seen.get(key) if item is not None and text["indicador"] else None
        if replaces is not None and (records[replaces[1]]["valor"] is not None
                                     or not text["valor"]):
            issues.append(at.issue("indicador-repetido", "indicador", text["indicador"],
                                   **first_row(replaces[0], here)))
            continue
        seen[key] = (here, replaces[1] if replaces is not None else len(records))
        typed = [row.get(name) for name in ("linea_base", "meta", "valor")]
        base, goal, value = map(read_quantity, typed)
        for name, quantity in (("linea_base", base), ("meta", goal), ("valor", value)):
            if quantity.value is None and text[name]:
                issues.append(at.issue("indicador-valor-fuera-de-rango" if quantity.too_large
                                       else "indicador-valor-ilegible", name, text[name]))
        unit = text["unidad"] or value.unit or goal.unit or base.unit
        if is_percent(unit):  # (cells Excel holds as fractions: "45 %" is 0.45)
            base, goal, value = as_percentages(typed, (base, goal, value))
        previous = last.get(key)
        issues += _unit_issues(at, unit, value, previous, text["unidad"], (base, goal))
        since, by, day = (parse_when(row.get(name), row["_archivo"] in mdy) for name in DATES)
        for name, when in (("fecha_linea_base", since), ("fecha_meta", by),
                           ("fecha_valor", day)):
            if when is None and text[name]:
                issues.append(at.issue("indicador-fecha-ilegible", name, text[name]))
        if since is not None and by is not None and by <= since:  # (judged sin_meta; the
            issues.append(at.issue(  # date shown as written, beside what is told of it)
                "indicador-fechas-invertidas", "fecha_meta", by.isoformat(),
                anterior=since.isoformat()))
        judged = judge(base.value, goal.value, value.value, since, by, as_of)
        before_value = read_quantity(previous.get("valor")).value if previous else None
        if (value.value is not None and before_value is not None and goal.value is not None
                and base.value is not None
                and (value.value - before_value) * (goal.value - base.value) < 0):
            issues.append(at.issue("indicador-se-aleja", "valor", text["valor"],
                                   anterior=shown(before_value)))
        record: dict[str, object] = {
            "id": ident, "informante": reporter,
            "actividad": item["actividad"] if item is not None else text["actividad"],
            "indicador": text["indicador"], "unidad": unit,
            "linea_base": base.value, "fecha_linea_base": since.isoformat() if since else "",
            "meta": goal.value, "fecha_meta": by.isoformat() if by else "",
            "valor": value.value, "fecha_valor": day.isoformat() if day else "",
            "avance_meta": _rounded(judged.avance), "esperado": _rounded(judged.esperado),
            "situacion": judged.situacion, "fuente": text["fuente"],
            "responsable_medicion": text["responsable_medicion"],
            "_reservado": bool(item["reservado"]) if item is not None else False,
            "_conocido": item is not None, "_archivo": row["_archivo"], "_hoja": row["_hoja"],
            "_fila": int(str(row["_fila"]))}
        records[seen[key][1]:seen[key][1] + 1] = [record]  # (appended, or the blank one)
    table = pd.DataFrame.from_records(records, columns=[
        *COLUMNS, "_reservado", "_conocido", "_archivo", "_hoja", "_fila"])
    return table.sort_values(["informante", "id", "_fila"], kind="stable").reset_index(
        drop=True), issues


def _unit_issues(at: _Cell, unit: str, value: Quantity,
                 previous: Mapping[str, object] | None, column: str,
                 others: tuple[Quantity, ...]) -> list[Issue]:
    """A value without a unit; one typed with a unit other than its column's ("45 %"
    where the unit says "personas"); a unit changed since the last round."""
    if value.value is not None and not unit:
        return [at.issue("indicador-sin-unidad", "valor", shown(value.value))]
    typed = [(name, q) for name, q in zip(("valor", "linea_base", "meta"), (value, *others),
                                         strict=True) if q.value is not None and q.unit]
    for name, quantity in typed:
        if column and not same_unit(quantity.unit, column):
            return [at.issue("indicador-unidad-distinta", name, quantity.unit, unidad=column)]
    was = str(previous.get("unidad") or "") if previous else ""
    if unit and was and not same_unit(unit, was):
        return [at.issue("indicador-cambio-unidad", "unidad", unit, anterior=was)]
    return []


class _Items:
    """Each reporter's items an indicator may name (their activity and whether
    restricted): this round's, else the last stored round's; found by id as written, by
    id in any case and spacing, or by activity (written as such, or where the id goes).
    By column, not by row: a row of the frame per item cost seconds on a large round."""

    def __init__(self, matrix: pd.DataFrame, before: pd.DataFrame) -> None:
        self.by_id: dict[tuple[str, str], dict[str, object]] = {}
        for frame in (before, matrix):  # this round's last: it wins
            if frame.empty:
                continue
            restricted = (frame["reservado"].tolist() if "reservado" in frame
                          else [False] * len(frame))
            for reporter, ident, activity, hidden in zip(
                    frame["informante"].astype(str).tolist(), frame["id"].astype(str).tolist(),
                    frame["actividad"].tolist(), restricted, strict=True):
                self.by_id[(reporter, ident)] = {"actividad": activity, "reservado": hidden}
        self._loose: dict[tuple[str, str], list[str]] | None = None
        self._by_activity: dict[tuple[str, str], list[str]] | None = None

    @classmethod
    def none(cls) -> _Items:
        return cls(pd.DataFrame(), pd.DataFrame())

    def find(self, reporter: str, ident: str, activity: str
             ) -> tuple[str, dict[str, object] | None]:
        """The item's id and the item (None, and the id as written, if none or several)."""
        found: list[str] = []
        if ident:
            item = self.by_id.get((reporter, ident))
            if item is not None:
                return ident, item
            if self._loose is None:
                self._loose = self._index(lambda i, _: id_key(i))
            found = self._loose.get((reporter, id_key(ident)), [])
        # By its activity (a hand-made sheet's own numbering is no item's id), or by the
        # activity typed where the id goes.
        for text in (activity, "" if found else ident):
            if found or not text:
                continue
            if self._by_activity is None:
                self._by_activity = self._index(lambda _, item: fold(item["actividad"]))
            found = self._by_activity.get((reporter, fold(text)), [])
        if len(found) == 1:
            return found[0], self.by_id[(reporter, found[0])]
        return ident, None

    def _index(self, key: Callable[[str, dict[str, object]], str]
               ) -> dict[tuple[str, str], list[str]]:
        index: dict[tuple[str, str], list[str]] = {}
        for (reporter, ident), item in self.by_id.items():
            index.setdefault((reporter, key(ident, item)), []).append(ident)
        return index


def _key(reporter: str, ident: str, indicator: str) -> tuple[str, str, str]:
    return reporter, ident, name_key(indicator)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


class _Cell:
    """Where an indicator row was written, for its issues."""

    def __init__(self, row: Mapping[str, object], cells: CellMap) -> None:
        self.row = row
        self.cells = cells.get((str(row["_archivo"]), str(row["_hoja"])), {})

    def issue(self, code: str, key: str, valor: str, **params: str) -> Issue:
        letter, title = self.cells.get(key, ("", ""))
        fila = int(str(self.row["_fila"]))
        return make_issue(code, archivo=str(self.row["_archivo"]), hoja=str(self.row["_hoja"]),
                          fila=fila, columna=title, celda=f"{letter}{fila}" if letter else "",
                          valor=valor, **params)


def situation_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Indicators per situation for each reporter (the summary's table), with a total:
    those of a known item."""
    table = counted(table)
    if table.empty:
        return pd.DataFrame(columns=["informante", *SITUATIONS, "total"])
    counts = table.groupby(["informante", "situacion"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(SITUATIONS), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index()


SERIES_COLUMNS = ("ronda", "informante", "id", "indicador", "unidad", "valor", "_reservado",
                  "_conocido")


def earlier_values(stored: pd.DataFrame | None, ronda: str) -> pd.DataFrame:
    """Each stored indicator's value in the rounds before `ronda` (rounds sort as written),
    as the page charts them: `stored` as pipeline.store.sides.indicator_rounds reads it."""
    if stored is None or stored.empty:
        return pd.DataFrame(columns=list(SERIES_COLUMNS))
    earlier = stored[stored["ronda"].astype(str) < ronda]
    return earlier.reindex(columns=list(SERIES_COLUMNS)).reset_index(drop=True)


def ever_restricted(rows: pd.DataFrame) -> set[tuple[str, str]]:
    """The items (reporter, id) restricted in any of `rows` (indicators of one or several
    rounds): the public edition leaves all their rows out, in every round."""
    return set(item_keys(rows[rows["_reservado"].astype(bool)])) if len(rows) else set()


def public_indicators(tables: Mapping[str, pd.DataFrame], restricted: pd.DataFrame,
                      ) -> tuple[dict[str, pd.DataFrame], set[tuple[object, object, int]]]:
    """The indicators of items that are not restricted (indicators are public) and their
    stored values, and where the others were written: an issue there is left out as a
    restricted row's is. `restricted` the round's restricted items; an item restricted in
    a stored round stays out of the charts too. An indicator that names no known item is
    left out as well: its id or activity may be a restricted item's, mistyped."""
    kept: dict[str, pd.DataFrame] = {}
    at: set[tuple[object, object, int]] = set()
    shown = {k: t for k in ("indicadores", "indicadores_rondas")
             if (t := tables.get(k)) is not None}
    secret = set(item_keys(restricted)).union(*map(ever_restricted, shown.values()))
    for key, table in shown.items():
        unknown = ~table["_conocido"].astype(bool) if "_conocido" in table else False
        hide = unknown | pd.Series([p in secret for p in item_keys(table)], index=table.index,
                                   dtype=bool)
        if key == "indicadores":
            gone = table[hide]
            at = set(zip(gone["_archivo"], gone["_hoja"], gone["_fila"].astype(int),
                         strict=True))
        kept[key] = table[~hide].reset_index(drop=True)
    return kept, at
