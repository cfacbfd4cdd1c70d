"""The indicators in the annual report (issue 24, docs/contract.md §11): each indicator's
baseline, target and its last value in the year (the strategic plan's "cumplimiento de las
metas e indicadores"), and, in the year the plan in force ends or later, the plan-end review:
which targets were met, on each indicator's last value in the plan. Counted from the stored
indicators (found items only); the public edition leaves out restricted items' indicators.

An indicator is the same across rounds by pipeline.analyse.changes.indicator_key (reporter,
item id, name folded). People leave a cell blank in a round with nothing new to say, so a
blank never replaces what was given before: the value judged is the last one reported (its
round said beside it), against the latest baseline and target given (a moved goalpost is
what the secretariat now holds the commitment to; the change itself is listed among the
round's changes), judged again at the date of the round that reported the value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from pipeline.analyse.changes import indicator_key
from pipeline.analyse.indicator_lines import number, shown
from pipeline.analyse.indicators import ever_restricted, judge
from pipeline.model.values import item_keys, stored_day
from pipeline.words import plural, word

TARGET_COLUMNS = ("informante", "id", "indicador", "unidad", "linea_base", "meta",
                  "fecha_meta", "valor", "ronda", "avance_meta", "situacion")
REVIEW_COLUMNS = ("informante", "id", "indicador", "meta", "fecha_meta", "valor", "ronda",
                  "meta_cumplida")
_KEY = ["_clave"]
# Taken from each indicator's latest row: its words as last written.
_WORDS = ("informante", "id", "actividad", "indicador")
# Taken from the last row with a value: the value, its unit, its date, its round and the
# date the round was judged at (and the situation it was given then).
_VALUE = ("valor", "unidad", "fecha_valor", "ronda", "fecha_corte", "avance_meta",
          "situacion")


@dataclass(frozen=True)
class MeasuredYear:
    """Each indicator as last reported in the year's rounds (`targets`) and, for the
    plan-end review, in the plan's rounds up to the year's (`review`); the plan's last day
    (the review is due from that year on)."""

    targets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(TARGET_COLUMNS)))
    plan_end: dt.date | None = None
    year: int = 0
    review: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(TARGET_COLUMNS)))

    @property
    def any(self) -> bool:
        return not self.targets.empty

    @property
    def reviewed(self) -> bool:
        """Whether the plan ends in the report's year or ended before."""
        return self.plan_end is not None and self.plan_end.year <= self.year


def measure_year(stored: pd.DataFrame | None, names: list[str], public: bool,
                 plan: tuple[dt.date, dt.date], year: int,
                 label: Callable[[str], str] = str) -> MeasuredYear:
    """The year's indicators from `stored` (every stored indicator with its round and the
    round's date, as pipeline.store.sides.indicator_rounds gives them) for the rounds
    `names`, and the plan's (`plan`: its first and last day) for its review; reporters
    named by `label` (in the report's language)."""
    start, end = plan
    if stored is None or stored.empty or not names:
        return MeasuredYear(plan_end=end, year=year)
    upto = stored[(stored["ronda"].astype(str) <= max(names))
                  & stored["_conocido"].astype(bool)]  # (rounds sort as written)
    if public:  # an item restricted in any of these rounds stays out of every one
        hidden = ever_restricted(upto)
        upto = upto[[i not in hidden for i in item_keys(upto)]]
    day = pd.to_datetime(upto["fecha_corte"], errors="coerce")
    in_plan = (day >= pd.Timestamp(start)) & ((day <= pd.Timestamp(end))
                                              | upto["ronda"].isin(names))
    measured = MeasuredYear(_named(last_reported(upto[upto["ronda"].isin(names)]), label),
                            end, year)
    if not measured.reviewed:
        return measured
    return MeasuredYear(measured.targets, end, year, _named(last_reported(upto[in_plan]), label))


def last_reported(rows: pd.DataFrame) -> pd.DataFrame:
    """Each indicator of `rows` (stored rows of some rounds) as last reported: its words
    from its latest row, its last value (with its unit, date and round), the last baseline
    and the last target given (each with its date), judged again at the value's round's
    date (or, with no value, the latest round's)."""
    if rows.empty:
        return pd.DataFrame(columns=[*TARGET_COLUMNS, "actividad"])
    if "fecha_corte" not in rows:
        rows = rows.assign(fecha_corte=None)
    rows = rows.assign(_clave=pd.Series([indicator_key(r) for r in rows.to_dict("records")],
                                        index=rows.index, dtype=object))
    rows = rows.sort_values("ronda", kind="stable")
    latest = rows.drop_duplicates(_KEY, keep="last")
    found = latest[[*_KEY, *_WORDS]]
    valued = rows[rows["valor"].notna()].drop_duplicates(_KEY, keep="last")
    found = found.merge(valued[[*_KEY, *_VALUE]], on=_KEY, how="left")
    unmeasured = found["ronda"].isna().to_numpy()  # (no value: the latest round's date)
    for column in _VALUE[1:]:
        found.loc[unmeasured, column] = latest[column].to_numpy()[unmeasured]
    for figure, day in (("linea_base", "fecha_linea_base"), ("meta", "fecha_meta")):
        given = rows[rows[figure].notna()].drop_duplicates(_KEY, keep="last")
        found = found.merge(given[[*_KEY, figure, day]], on=_KEY, how="left")
    judged = [_judged(r) for r in found.to_dict("records")]
    found["avance_meta"] = [avance for avance, _ in judged]
    found["situacion"] = [situacion for _, situacion in judged]
    found[["fecha_valor", "fecha_linea_base", "fecha_meta"]] = found[
        ["fecha_valor", "fecha_linea_base", "fecha_meta"]].fillna("")
    return found.drop(columns=_KEY)


def _named(found: pd.DataFrame, label: Callable[[str], str]) -> pd.DataFrame:
    """`found` in the report's order, its reporters named, its columns the report's."""
    found = found.sort_values(["informante", "id", "indicador"], kind="stable")
    found = found.assign(informante=found["informante"].map(lambda v: label(str(v))))
    return found.reindex(columns=list(TARGET_COLUMNS)).reset_index(drop=True)


def _judged(row: Mapping[Hashable, object]) -> tuple[float | None, str]:
    """An indicator's progress and situation as of its round's date (one it was stored
    without: the situation that round gave it)."""
    as_of = stored_day(row["fecha_corte"])
    if as_of is None:
        avance = number(row["avance_meta"])
        return avance, str(row["situacion"])
    judged = judge(number(row["linea_base"]), number(row["meta"]), number(row["valor"]),
                   stored_day(row["fecha_linea_base"]), stored_day(row["fecha_meta"]), as_of)
    return (None if judged.avance is None else round(judged.avance, 1)), judged.situacion


def _met(row: Mapping[Hashable, object]) -> bool | None:
    """Whether the target was met (None: no value to tell)."""
    value = row["valor"]
    if row["situacion"] == "sin_valor" or value is None or value != value:
        return None
    return row["situacion"] == "meta_alcanzada"


def targets_table(measured: MeasuredYear, lang: str) -> pd.DataFrame:
    """The targets and values, numbers as people write them, situations in words."""
    table = measured.targets.copy()
    for column in ("linea_base", "meta", "valor", "avance_meta"):
        table[column] = table[column].map(lambda v: "" if pd.isna(v) else shown(float(v), lang))
    table["situacion"] = table["situacion"].map(
        lambda k: word(f"situation.{k}", lang) if k else "")
    return table


def review_table(measured: MeasuredYear, lang: str) -> pd.DataFrame:
    """Each target of the plan: met (Sí / No) on its last value in the plan, with the round
    that reported it, or not told (no value)."""
    with_target = measured.review[measured.review["meta"].notna()]
    said = {True: word("yes", lang), False: word("no", lang),
            None: word("report.review_no_value", lang)}
    table = with_target.assign(meta_cumplida=[said[_met(r)] for r in
                                              with_target.to_dict("records")])
    table = table.reindex(columns=list(REVIEW_COLUMNS))
    for column in ("meta", "valor"):
        table[column] = table[column].map(lambda v: "" if pd.isna(v) else shown(float(v), lang))
    return table.reset_index(drop=True)


def measured_text(measured: MeasuredYear, lang: str) -> tuple[str, str, str]:
    """The section's title, its text, and the review's text (when the plan has ended: how
    many targets were met; before: when the review comes)."""
    heading = word("report.indicators", lang)
    if not measured.any:
        return heading, word("report.indicators_none", lang), ""
    targets = measured.targets
    counts = targets["situacion"].value_counts()
    text = word("report.indicators_text", lang,
                n=plural("report.n_indicators", lang, len(targets)),
                met=int(counts.get("meta_alcanzada", 0)),
                on_track=int(counts.get("en_camino", 0)),
                at_risk=int(counts.get("en_riesgo", 0)), behind=int(counts.get("atrasado", 0)))
    end = measured.plan_end.isoformat() if measured.plan_end else ""
    if not measured.reviewed:
        return heading, text, word("report.review_later", lang, fin=end)
    reviewed = measured.review
    judged = [_met(r) for r in reviewed[reviewed["meta"].notna()].to_dict("records")]
    review = word("report.review_text", lang, fin=end, met=judged.count(True),
                  total=plural("report.n_targets", lang, len(judged)),
                  not_met=judged.count(False), no_value=judged.count(None))
    return heading, text, review
