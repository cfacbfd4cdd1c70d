"""The normalize stage (docs/contract.md §3.3): raw cell values -> clean, matched values.

Beside each value it leaves what it learned (`_raw_*` as written, `_sug_*` the nearest
known value, `_plazo_tipo`, ...) for the validation schema to judge. Every mapping is
computed once per distinct value, so cost follows the number of distinct spellings, not
of rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from pipeline.model.columns import KEYS
from pipeline.model.text import fold, normalize_text
from pipeline.model.values import read_text
from pipeline.normalize.deadlines import (
    Context,
    Deadline,
    month_first,
    needs_context,
    parse_deadline,
)
from pipeline.normalize.matching import Match, Matcher
from pipeline.reference.data import Reference

TEXT_KEYS = ("tema", "actividad", "resultado_esperado", "indicadores", "responsable_medicion",
             "supuestos_riesgos", "observaciones")
_YES = {"si", "s", "yes", "y", "x", "true", "verdadero", "1", "reservado", "restricted"}
_NO = {"no", "n", "false", "falso", "0", "publico", "public"}
_NO_STATUS = {"n a", "na", "n d", "not applicable", "no aplica", "no aplicable", "none"}
_NUMBER = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*%?$")


def _per_value(series: pd.Series, func: Callable[[object], object]) -> pd.Series:
    """Apply `func` once per distinct value of an object column (a missing cell, which
    pandas holds as NaN, as None)."""
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        mapped[i] = func(value)
    mapped[-1] = func(None)  # code -1: missing
    return pd.Series(mapped[codes], index=series.index, dtype=object)


def normalize_matrix(raw: pd.DataFrame, matcher: Matcher, ref: Reference, as_of: dt.date,
                     year: int | None = None) -> pd.DataFrame:
    """Raw rows (object columns named by key, plus provenance) -> the normalized frame;
    `as_of` judges whether a plan has ended, `year` is the round's (for a period written
    without one)."""
    out = pd.DataFrame(index=raw.index)
    for key in KEYS:
        if key not in raw:
            raw[key] = None
    for key in TEXT_KEYS:
        out[key] = _per_value(raw[key], read_text)
    out["id"] = _per_value(raw["id"], read_text)
    _status(out, raw, matcher)
    _pillar_theme(out, raw, matcher)
    _group(out, raw, matcher)
    _parties(out, raw, matcher)
    _deadline(out, raw, ref, as_of, year)
    _progress(out, raw)
    _finished_by_progress(out)
    _restricted(out, raw)
    kept = {c: raw[c] for c in raw.columns if c.startswith("_")}
    # columns the matrix does not define: kept, joined at once (a thousand of them, one
    # by one, would fragment the frame)
    kept |= {c: _per_value(raw[c], read_text) for c in raw.columns if c.startswith("extra_")}
    return pd.concat([out, pd.DataFrame(kept, index=raw.index)], axis=1) if kept else out


def _matched(
    out: pd.DataFrame, key: str, written: pd.Series, match: Callable[[str], Match]
) -> pd.Series:
    """Canonical value (or the text as written), the text as written and a suggestion."""
    matches = _per_value(written, lambda t: match(str(t)) if t else None)
    out[f"_raw_{key}"] = written
    out[key] = [m.value or w if m else "" for m, w in zip(matches, written, strict=True)]
    out[f"_sug_{key}"] = [m.suggestion if m else "" for m in matches]
    return matches


def _status(out: pd.DataFrame, raw: pd.DataFrame, matcher: Matcher) -> None:
    """The status; "N/A", "no aplica" is none of the four: read as no status (warned as
    a blank one, docs/contract.md §3.3)."""
    written = _per_value(raw["estado"], lambda v: "" if fold(v) in _NO_STATUS else read_text(v))
    _matched(out, "estado", written, matcher.status)


def _finished_by_progress(out: pd.DataFrame) -> None:
    """A progress of 100 % with no status is finished; with another status, the two
    disagree (warned at the progress's cell)."""
    full = out["avance"].eq(100).to_numpy()
    blank = out["estado"].eq("").to_numpy()
    out.loc[full & blank, "estado"] = "finalizado"
    out["_avance_con_estado"] = ~(full & ~blank & out["estado"].ne("finalizado").to_numpy())


def _pillar_theme(out: pd.DataFrame, raw: pd.DataFrame, matcher: Matcher) -> None:
    matches = _matched(out, "pilar", _per_value(raw["pilar"], read_text), matcher.pillar)
    themes = out["tema"]
    pairs = [
        matcher.theme(t, m.value if m else None) if t else None
        for t, m in zip(themes, matches, strict=True)
    ]
    out["_raw_tema"] = themes
    out["tema"] = [p.value or t if p else "" for p, t in zip(pairs, themes, strict=True)]
    out["_tema_en_lista"] = [p is None or p.value is not None for p in pairs]
    out["_sug_tema"] = [p.suggestion if p else "" for p in pairs]


def _group(out: pd.DataFrame, raw: pd.DataFrame, matcher: Matcher) -> None:
    written = _per_value(raw["grupo_trabajo"], read_text)
    if "_grupo_hoja" in raw:
        # A workbook with one sheet per working group: the sheet name says which.
        written = written.where(written.ne(""), raw["_grupo_hoja"].fillna(""))
    matches = _matched(out, "grupo_trabajo", written, matcher.group)
    out["_grupo_tipo"] = [
        "" if m is None else "ok" if m.value else "otro" if m.other else "desconocido"
        for m in matches
    ]


def _parties(out: pd.DataFrame, raw: pd.DataFrame, matcher: Matcher) -> None:
    written = _per_value(raw["responsable"], read_text)

    def split(text: object) -> tuple[str, str, str]:
        pieces = matcher.parties(str(text)) if text else []
        names = list(dict.fromkeys(m.value or piece for piece, m in pieces))
        unknown = [piece for piece, m in pieces if m.value is None]
        hints = [m.suggestion for _, m in pieces if m.value is None and m.suggestion]
        return "; ".join(names), "; ".join(unknown), "; ".join(hints)

    parsed = _per_value(written, split)
    out["responsable"] = [p[0] for p in parsed]
    out["_responsable_desconocido"] = [p[1] for p in parsed]
    out["_sug_responsable"] = [p[2] for p in parsed]


def _deadline(out: pd.DataFrame, raw: pd.DataFrame, ref: Reference, as_of: dt.date,
              year: int | None) -> None:
    """Due dates. A plan's year is read against the plan the item belongs to (its
    template's, else the plan in force); one of a plan that has ended by the as-of date
    is flagged (plan_terminado), not counted as years overdue. "The next meeting" is
    counted from the day the file was sent."""
    base = Context(ref.plan, frozenset(fold(v) for v in ref.plazos_imprecisos),
                   ref.calendario, year, ref.mes_inicio_anio_fiscal, as_of)
    files = raw["_archivo"].tolist() if "_archivo" in raw else [""] * len(raw)
    firsts = _date_orders(raw["plazo"], files)
    plan_names = raw["_plan"].tolist() if "_plan" in raw else [""] * len(raw)
    plans = {name: ref.plan_named(str(name)) or ref.plan for name in set(plan_names)}
    sent = raw["_fecha_envio"].tolist() if "_fecha_envio" in raw else [None] * len(raw)
    memo: dict[object, Deadline] = {}
    contextual: dict[object, bool] = {}  # whether a text reads differently by plan or day
    parsed = []
    for value, plan_name, day, archivo in zip(raw["plazo"].tolist(), plan_names, sent, files,
                                              strict=True):
        varies = contextual.get(value)
        if varies is None:
            varies = contextual[value] = needs_context(value)
        first = archivo in firsts
        key = (value, plan_name, _day(day, as_of), first) if varies else (
            (value, first) if first else value)
        found = memo.get(key)
        if found is None:
            plan = plans[plan_name]
            found = parse_deadline(value, replace(base, plan=plan, today=_day(day, as_of),
                                                  month_first=first))
            if found.precision == "anio_plan" and plan.fin < as_of:
                found = Deadline("plan_terminado", None, "anio_plan")
            memo[key] = found
        parsed.append(found)
    out["plazo"] = _per_value(raw["plazo"], read_text)
    out["fecha_limite"] = pd.to_datetime(pd.Series([p.due for p in parsed], dtype=object)
                                         ).astype("datetime64[ns]")
    out["precision_plazo"] = [p.precision for p in parsed]
    out["_plazo_tipo"] = [p.kind for p in parsed]
    out["_plazo_con_anio"] = [not p.assumed_year for p in parsed]


def _date_orders(written: pd.Series, files: list[object]) -> set[object]:
    """The files that write their dates month first (docs/contract.md §3.3): told by their
    written dates that can only be read so, none that can only be read day first."""
    texts: dict[object, set[str]] = {}
    for value, archivo in zip(written.tolist(), files, strict=True):
        if type(value) is str and ("/" in value or "-" in value or "." in value):
            texts.setdefault(archivo, set()).add(value)
    return {archivo for archivo, values in texts.items() if month_first(list(values))}


def _day(value: object, default: dt.date) -> dt.date:
    """The day a file was sent, as a date (the as-of date when it is not known)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return default


def _progress(out: pd.DataFrame, raw: pd.DataFrame) -> None:
    def read(value: object) -> tuple[float | None, bool]:
        if value is None:
            return None, True
        if isinstance(value, bool):
            return None, False
        if isinstance(value, int | float):
            number = float(value)
            # A cell formatted as a percentage holds 0.5 for 50 %.
            number = number * 100 if 0 < number < 1 else number
        else:
            match = _NUMBER.match(normalize_text(value))
            if not match:
                return None, False
            number = float(match.group(1).replace(",", "."))
        if not 0 <= number <= 100:
            return None, False
        return number, True

    parsed = _per_value(raw["avance"], read)
    values = [p[0] for p in parsed]
    for n in _whole_as_one(raw):  # 1 in a file of fractions: 100 %
        values[n] = 100.0
    out["avance"] = pd.array(values, dtype="Float64").astype(float)
    out["_avance_ok"] = [p[1] for p in parsed]
    out["_raw_avance"] = _per_value(raw["avance"], read_text)


def _whole_as_one(raw: pd.DataFrame) -> list[int]:
    """The rows whose progress cell holds 1 in a file that writes its progress as
    fractions (percentage cells: every number from 0 to 1, some between): 100 %, not 1 %."""
    files = raw["_archivo"].tolist() if "_archivo" in raw else [""] * len(raw)
    numbers = [(n, v, f) for n, (v, f) in enumerate(zip(raw["avance"].tolist(), files,
                                                        strict=True))
               if isinstance(v, int | float) and not isinstance(v, bool) and v == v]
    between = {f for _, v, f in numbers if 0 < v < 1}
    beyond = {f for _, v, f in numbers if not 0 <= v <= 1}
    return [n for n, v, f in numbers if v == 1 and f in between and f not in beyond]


def _restricted(out: pd.DataFrame, raw: pd.DataFrame) -> None:
    def read(value: object) -> tuple[bool, bool]:
        if value is None:
            return False, True
        if isinstance(value, bool):
            return value, True
        folded = fold(read_text(value))
        if folded in _YES:
            return True, True
        if folded in _NO or not folded:
            return False, True
        return True, False  # unreadable: restricted, to be safe

    parsed = _per_value(raw["reservado"], read)
    out["reservado"] = [p[0] for p in parsed]
    out["_reservado_ok"] = [p[1] for p in parsed]
    out["_raw_reservado"] = _per_value(raw["reservado"], read_text)
