"""An item's indicators as a reader of a reminder or a feedback workbook reads them (issue 24,
docs/contract.md §11): each indicator's value against its target and its situation, a line
each ("Personas capacitadas: 600 personas de una meta de 1010 para 2028-01-01 — En camino,
avance 59 %"). Grouped once per round by item, as the observations are (analyse.overdue)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple, cast

import pandas as pd

from pipeline.model.run import counted
from pipeline.model.values import item_keys
from pipeline.words import word
from validation import Issue

MEASURED = "_medido"  # a pending item's indicators (a tuple of Measured)
COLUMN = "indicadores_medidos"  # the list's column: the indicators, a line each


class Measured(NamedTuple):
    """One indicator of an item, as a reminder shows it."""

    indicador: str
    unidad: str
    valor: float | None
    meta: float | None
    fecha_meta: str
    situacion: str
    avance: float | None


def measured_by_item(table: pd.DataFrame | None,
                     ) -> dict[tuple[str, str], tuple[Measured, ...]]:
    """(informante, id) -> the item's indicators, in the table's order (an indicator that
    names no known item goes with none)."""
    if table is None or table.empty:
        return {}
    known = counted(table)
    found: dict[tuple[str, str], list[Measured]] = {}
    for r in cast(list[dict[str, object]], known.to_dict("records")):
        found.setdefault((_text(r["informante"]), _text(r["id"])), []).append(Measured(
            _text(r["indicador"]), _text(r["unidad"]), number(r["valor"]),
            number(r["meta"]), _text(r["fecha_meta"]), _text(r["situacion"]),
            number(r["avance_meta"])))
    return {key: tuple(values) for key, values in found.items()}


def measured_lines(seen: tuple[Measured, ...], lang: str,
                   escape: Callable[[object], str] = str) -> list[str]:
    """Each indicator as a line; `escape` makes the texts from the files safe for the
    format (Markdown)."""
    lines = []
    for m in seen:
        unit = f" {escape(m.unidad)}" if m.unidad else ""
        value = word("measured.value", lang, valor=shown(m.valor, lang), unidad=unit) \
            if m.valor is not None else word("measured.no_value", lang)
        goal = word("measured.target", lang, meta=shown(m.meta, lang),
                    fecha=m.fecha_meta or "—") \
            if m.meta is not None else word("measured.no_target", lang)
        situation = word(f"situation.{m.situacion}", lang) if m.situacion else ""
        if m.avance is not None:
            situation += word("measured.progress", lang, avance=shown(m.avance, lang))
        lines.append(word("measured.line", lang, indicador=escape(m.indicador), valor=value,
                          meta=goal, situacion=situation))
    return lines


def with_measured(rows: pd.DataFrame, table: pd.DataFrame | None) -> pd.DataFrame:
    """`rows` (items with informante and id) with each item's indicators (MEASURED)."""
    rows[MEASURED] = per_item(rows, measured_by_item(table))
    return rows


def per_item(rows: pd.DataFrame, seen: Mapping[tuple[str, str], tuple[object, ...]]
             ) -> pd.Series:
    """Beside each of `rows` (items with informante and id), what `seen` holds of its item
    (an empty tuple: nothing)."""
    return pd.Series([seen.get(item, ()) for item in item_keys(rows)], index=rows.index,
                     dtype=object)


def named_in_sheet(frame: pd.DataFrame, table: pd.DataFrame, issues: list[Issue]
                   ) -> tuple[pd.DataFrame, list[Issue]]:
    """An item whose indicator column is blank but whose indicators are in the indicators
    sheet has indicators: the column names them, as if written there (the Matrix, the
    history, the report read them), and the item is no longer flagged nor warned as
    having none. `frame` the round's flagged rows (`_informante`), `table` its indicators."""
    if table.empty or not frame["indicadores"].eq("").any():
        return frame, issues
    known = table[table["_conocido"].astype(bool) & table["indicador"].astype(str).ne("")]
    names: dict[tuple[str, str], list[str]] = {}
    for reporter, ident, name in zip(known["informante"].astype(str), known["id"].astype(str),
                                     known["indicador"].astype(str), strict=True):
        names.setdefault((reporter, ident), []).append(name)
    filled = ["; ".join(names.get((r, i), [])) if blank else ""
              for r, i, blank in zip(frame["_informante"].astype(str).tolist(),
                                     frame["id"].astype(str).tolist(),
                                     frame["indicadores"].eq("").tolist(), strict=True)]
    named = pd.Series([bool(f) for f in filled], index=frame.index, dtype=bool)
    if not named.any():
        return frame, issues
    frame = frame.assign(indicadores=frame["indicadores"].where(
        ~named, pd.Series(filled, index=frame.index, dtype=object)),
        sin_indicador=frame["sin_indicador"] & ~named)
    where = set(zip(frame.loc[named, "_archivo"], frame.loc[named, "_hoja"],
                    frame.loc[named, "_fila"].astype(int), strict=True))
    return frame, [i for i in issues if not (i.code == "indicador-faltante"
                                             and (i.archivo, i.hoja, i.fila) in where)]


def shown(value: float | None, lang: str | None = None) -> str:
    """A number as people write it: no ".0", at most two decimals, with the decimal mark
    of `lang` (16,7 in Spanish) when given."""
    if value is None:
        return "—"
    rounded = round(value, 2)  # (never in exponent form: 1234567.89, not 1.23457e+06)
    text = str(int(rounded)) if float(rounded).is_integer() else f"{rounded:.2f}".rstrip("0")
    return text.replace(".", word("number.decimal", lang)) if lang else text


def number(value: object) -> float | None:
    """A stored or computed number, None when there is none."""
    if value is None or value is pd.NA or value == "":
        return None
    try:
        number = float(cast(float, value))
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
