"""The annual report's content (seed 003 §4.2, issue 5), computed from the stored rounds of
a year: commitments achieved, in progress and pending; a balance of the work; and
recommendations drafted from the data for the network's presidency and secretariat to edit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd

from pipeline.analyse.changes import compute_changes
from pipeline.analyse.keys import activities_per_group
from pipeline.analyse.redact import Redactor
from pipeline.analyse.tables import status_counts
from pipeline.model.values import iso_day
from pipeline.reference.data import Reference
from pipeline.report.indicators import MeasuredYear, measure_year
from pipeline.report.observed import ObservedYear, observe_year
from pipeline.words import plural, spelled, word

TOP_OVERDUE = 10


@dataclass
class AnnualReport:
    year: int
    lang: str
    plan: str
    rounds: pd.DataFrame  # ronda, fecha_corte and the headline figures of each round
    items: pd.DataFrame  # each reporter's items at its last round of the year
    by_group: pd.DataFrame
    by_pillar: pd.DataFrame | None  # None: a network without pillars
    by_reporter: pd.DataFrame
    overdue: pd.DataFrame
    slipped: pd.DataFrame
    submissions: pd.DataFrame  # reporter x round: received or not
    figures: dict[str, float] = field(default_factory=dict)
    papel: str = "carta"  # the paper it prints on
    editores: str = ""  # who edits the draft (the network's words)
    grupo: str = ""  # what the network calls a group
    recommendations: list[str] = field(default_factory=list)
    observed: ObservedYear = field(default_factory=ObservedYear)  # the observers' views
    measured: MeasuredYear = field(default_factory=MeasuredYear)  # targets and values
    # A name as the report's language shows it: (kind, name) -> label ("parte", "pilar")
    label: Callable[[str, str], str] = field(default=lambda kind, name: name)


def build_report(year: int, per_round: dict[str, pd.DataFrame],
                 subs: dict[str, pd.DataFrame], rounds: pd.DataFrame, ref: Reference,
                 lang: str, public: bool = False,
                 before: pd.DataFrame | None = None,
                 observations: pd.DataFrame | None = None,
                 indicators: pd.DataFrame | None = None) -> AnnualReport:
    """The report of a year from its stored rounds: each round's items and submissions,
    and the rounds' headline figures (ronda, fecha_corte, figures), oldest first.
    `before`: each reporter's items as it last reported before the year, so a deadline
    moved in the year's first round counts. `observations`: every stored observation with
    its round (pipeline.store.sides.observation_rounds); `indicators` every stored
    indicator with its round (indicator_rounds)."""
    names = list(per_round)
    if public:
        per_round = {n: f[~f["reservado"]].reset_index(drop=True) for n, f in per_round.items()}
        before = (before[~before["reservado"].astype(bool)].reset_index(drop=True)
                  if before is not None else None)
    items = _year_end(per_round)
    last_day = pd.Timestamp(rounds["fecha_corte"].iloc[-1])
    items["dias_vencido"] = (last_day - items["fecha_limite"]).dt.days.where(items["vencido"])
    slipped = _slipped(per_round, names, before)
    report = AnnualReport(
        year=year, lang=lang, plan=ref.label("plan", ref.plan_nombre, lang), rounds=rounds,
        items=items,
        by_group=status_counts(items, "grupo_trabajo", ref, lang),
        by_pillar=status_counts(items, "pilar", ref, lang) if ref.pilares else None,
        by_reporter=status_counts(items, "informante", ref, lang),
        overdue=items[items["vencido"]].sort_values(
            ["dias_vencido", "informante"], ascending=[False, True], kind="stable"),
        slipped=slipped, submissions=_submission_grid(subs, ref), papel=ref.papel,
        editores=ref.red.word("editores", lang), grupo=ref.red.word("grupo", lang),
        observed=observe_year(observations, names, public,
                              Redactor([], [], [], word("redacted", lang))),
        measured=measure_year(indicators, names, public, (ref.plan.inicio, ref.plan.fin), year,
                              lambda v: ref.label("parte", v, lang)),
        label=lambda kind, name: ref.label(kind, name, lang),
    )
    report.observed = replace(report.observed, observers=tuple(
        ref.label("parte", o, lang) for o in report.observed.observers or ref.observadores))
    report.figures = _figures(report)
    report.recommendations = _recommendations(report, ref)
    return report


def _year_end(per_round: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each reporter's items at the last round of the year in which it reported."""
    latest: dict[str, pd.DataFrame] = {}
    for _, frame in sorted(per_round.items()):
        for informante, group in frame.groupby("informante", sort=False):
            latest[str(informante)] = group
    frames = [latest[k] for k in sorted(latest)]
    if not frames:
        return next(iter(per_round.values())).iloc[0:0].copy()
    return pd.concat(frames, ignore_index=True)


def _slipped(per_round: dict[str, pd.DataFrame], names: list[str],
             before: pd.DataFrame | None) -> pd.DataFrame:
    """Deadlines moved during the year: each round's items against what their reporter
    said last time it reported (in the year, or before it), so a reporter that skipped a
    round is compared with its previous file, and the first round with the year before."""
    columns = ["ronda", "informante", "id", "actividad", "antes", "despues", "dias"]
    known = before if before is not None else next(iter(per_round.values())).iloc[0:0]
    frames = []
    for name in names:
        current = per_round[name]
        reporters = set(current["informante"])
        changes = compute_changes(known[known["informante"].isin(reporters)], current,
                                  reporters)
        frames.append(changes[changes["tipo"] == "plazo_modificado"].assign(ronda=name))
        known = pd.concat([known[~known["informante"].isin(reporters)], current],
                          ignore_index=True)
    return pd.concat(frames, ignore_index=True).reindex(columns=columns)


def _submission_grid(subs: dict[str, pd.DataFrame], ref: Reference) -> pd.DataFrame:
    """Reporter x round: "recibido", "ilegible" (a file came and could not be read) or
    "" (nothing came)."""
    rows = []
    for informante in ref.esperados:
        row: dict[str, object] = {"informante": informante}
        for ronda, frame in subs.items():
            states = set(frame.loc[frame["informante"] == informante, "estado"])
            row[ronda] = ("recibido" if states & {"leido", "reemplazado"} else
                          "ilegible" if states & {"rechazado", "sin_matriz"} else "")
        rows.append(row)
    return pd.DataFrame(rows)


def _figures(report: AnnualReport) -> dict[str, float]:
    items = report.items
    total = len(items)
    status = items["estado"]
    rounds = report.rounds
    return {
        "actividades": total,
        "finalizado": int(status.eq("finalizado").sum()),
        "en_proceso": int(status.eq("en_proceso").sum()),
        "pendiente": int((~status.isin(["finalizado", "en_proceso"])).sum()),
        "tasa_finalizacion": round(100 * status.eq("finalizado").sum() / total) if total else 0,
        "vencidos": int(items["vencido"].sum()),
        "plazos_modificados": len(report.slipped),
        "sin_responsable": int(items["responsable"].eq("").sum()),
        "sin_indicador": int(items["indicadores"].eq("").sum()),
        "rondas": len(rounds),
        "completitud_media": mean_completeness(rounds),
    }


def mean_completeness(rounds: pd.DataFrame) -> int:
    """The mean share of expected reporters that sent, over the rounds, rounded once: from
    each round's counts where stored (its percentage was rounded: 100 and 67 made 84 where
    3 of 3 and 2 of 3 make 83), else from its percentage."""
    if not len(rounds):
        return 0
    shares = rounds["completitud"].astype(float)
    if {"informantes", "esperados"} <= set(rounds.columns):
        expected = pd.to_numeric(rounds["esperados"], errors="coerce")
        exact = 100 * pd.to_numeric(rounds["informantes"], errors="coerce") / expected
        shares = exact.where(expected > 0, shares).fillna(shares)
    return round(float(shares.mean()))


def _recommendations(report: AnnualReport, ref: Reference) -> list[str]:
    lang = report.lang
    out: list[str] = []
    for row in report.overdue.head(5).to_dict("records"):
        who = ref.label("parte", str(row["responsable"]), lang) if row["responsable"] else (
            word("advice.nobody", lang))
        out.append(word("advice.follow_up", lang, actividad=row["actividad"],
                        informante=ref.label("parte", str(row["informante"]), lang), who=who,
                        due=iso_day(row["fecha_limite"]),
                        days=plural("reminder.days", lang, int(row["dias_vencido"]))))
    grid = report.submissions
    rounds = [c for c in grid.columns if c != "informante"]
    for record in grid.to_dict("records"):
        unreadable = [r for r in rounds if record[r] == "ilegible"]
        if unreadable:
            out.append(word("advice.unreadable", lang,
                            informante=ref.label("parte", record["informante"], lang),
                            which=", ".join(unreadable)))
        missed = [r for r in rounds if not record[r]]
        if missed:
            out.append(word("advice.missed", lang,
                            informante=ref.label("parte", record["informante"], lang),
                            rounds=plural("advice.of_rounds", lang, len(rounds),
                                          missed=len(missed)),
                            which=", ".join(missed)))
    limit = ref.red.max_actividades or 0  # 0: the network sets no limit
    counted = activities_per_group(report.items, ref)
    over = counted[(counted["anio"] == report.year) & (counted["cantidad"] > limit)]
    for group, count in zip(over["grupo"], over["cantidad"], strict=True) if limit else ():
        out.append(word("advice.too_many", lang, group=ref.label("parte", group, lang),
                        count=count, year=report.year, maximo=spelled(limit, lang),
                        plan_red=ref.red.word("plan", lang)))
    figures = report.figures
    if figures["sin_responsable"]:
        out.append(plural("advice.assign", lang, int(figures["sin_responsable"])))
    if figures["sin_indicador"]:
        out.append(plural("advice.measure", lang, int(figures["sin_indicador"])))
    return out
