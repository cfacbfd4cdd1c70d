"""The indicators in the annual report (issue 24, docs/contract.md §11): each indicator's
baseline, target and its value at the year's last round with any (the strategic plan's
"cumplimiento de las metas e indicadores"), and, in the year the plan in force ends or
later, the plan-end review: which targets were met. Counted from the stored indicators
(found items only); the public edition leaves out restricted items' indicators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from pipeline.analyse.indicator_lines import shown
from pipeline.words import plural, word

TARGET_COLUMNS = ("informante", "id", "indicador", "unidad", "linea_base", "meta",
                  "fecha_meta", "valor", "ronda", "avance_meta", "situacion")
REVIEW_COLUMNS = ("informante", "id", "indicador", "meta", "fecha_meta", "valor",
                  "meta_cumplida")


@dataclass(frozen=True)
class MeasuredYear:
    """Each indicator as it stood at the year's last round that reported it, and the plan's
    last day (the review is due from that year on)."""

    targets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(TARGET_COLUMNS)))
    plan_end: dt.date | None = None
    year: int = 0

    @property
    def any(self) -> bool:
        return not self.targets.empty

    @property
    def reviewed(self) -> bool:
        """Whether the plan ends in the report's year or ended before."""
        return self.plan_end is not None and self.plan_end.year <= self.year


def measure_year(stored: pd.DataFrame | None, names: list[str], public: bool,
                 plan_end: dt.date, year: int,
                 label: Callable[[str], str] = str) -> MeasuredYear:
    """The year's indicators from `stored` (every stored indicator with its round, as
    pipeline.store.sides.indicator_rounds gives them) for the rounds `names`; reporters
    named by `label` (in the report's language)."""
    if stored is None or stored.empty or not names:
        return MeasuredYear(plan_end=plan_end, year=year)
    frame = stored[stored["ronda"].isin(names) & stored["_conocido"].astype(bool)]
    if public:
        frame = frame[~frame["_reservado"].astype(bool)]
    latest = frame.sort_values("ronda", kind="stable").drop_duplicates(
        ["informante", "id", "indicador"], keep="last")
    targets = latest.sort_values(["informante", "id", "indicador"], kind="stable")
    targets = targets.assign(informante=targets["informante"].map(lambda v: label(str(v))))
    return MeasuredYear(targets.reindex(columns=list(TARGET_COLUMNS)).reset_index(drop=True),
                        plan_end, year)


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
    """Each target with a value to judge: met (Sí / No) or not told (no value)."""
    with_target = measured.targets[measured.targets["meta"].notna()]
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
    judged = [_met(r) for r in targets[targets["meta"].notna()].to_dict("records")]
    review = word("report.review_text", lang, fin=end, met=judged.count(True),
                  total=plural("report.n_targets", lang, len(judged)),
                  not_met=judged.count(False), no_value=judged.count(None))
    return heading, text, review
