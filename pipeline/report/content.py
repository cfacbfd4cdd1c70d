"""What the annual report says, whatever it is written as (workbook, Markdown, web
page): its title and texts, and its tables with their headings in the report's
language."""

from __future__ import annotations

import math

import pandas as pd

from pipeline.model.labels import named_headline, title
from pipeline.report.data import TOP_OVERDUE, AnnualReport
from pipeline.report.observed import FIGURES, VIEW_COLUMNS
from pipeline.words import plural, word
from pipeline.write.summary import HEADLINES, OPTIONAL

OVERDUE_COLUMNS = ("informante", "id", "actividad", "responsable", "fecha_limite", "estado",
                   "dias_vencido")


def texts(report: AnnualReport) -> tuple[str, str, str, str]:
    """The report's title, the draft notice and the texts of its first two sections."""
    lang, f = report.lang, report.figures
    rounds = ", ".join(report.rounds["ronda"])
    s1 = word("report.s1_text", lang,
              actividades=plural("report.n_activities", lang, int(f["actividades"])),
              finalizado=plural("report.n_achieved", lang, int(f["finalizado"])),
              en_proceso=plural("report.n_in_progress", lang, int(f["en_proceso"])),
              pendiente=plural("report.n_pending", lang, int(f["pendiente"])),
              tasa=f["tasa_finalizacion"])
    s2 = word("report.s2_text", lang,
              vencidos=plural("report.n_overdue", lang, int(f["vencidos"])),
              plazos=plural("report.n_moved", lang, int(f["plazos_modificados"])),
              sin_responsable=plural("report.n_unassigned", lang, int(f["sin_responsable"])),
              sin_indicador=plural("report.n_unmeasured", lang, int(f["sin_indicador"])),
              completitud=f["completitud_media"],
              rondas=plural("report.n_rounds", lang, int(f["rondas"])))
    return (word("report.title", lang, year=report.year, plan=report.plan),
            word("report.draft", lang, rounds=rounds, editores=report.editores), s1, s2)


def overdue_table(report: AnnualReport, labels: dict[str, str]) -> pd.DataFrame:
    table = report.overdue.head(TOP_OVERDUE).reindex(columns=list(OVERDUE_COLUMNS)).copy()
    table["estado"] = table["estado"].map(lambda k: labels.get(k, k))
    table["informante"] = table["informante"].map(lambda v: _label(report, "parte", v))
    table["responsable"] = table["responsable"].map(lambda v: "; ".join(
        str(_label(report, "parte", p)) for p in v.split("; ")) if isinstance(v, str) else v)
    return table


def _label(report: AnnualReport, kind: str, name: object) -> object:
    """A name in the report's language; anything else (a blank) as it is."""
    return report.label(kind, name) if isinstance(name, str) and name else name


def _named(report: AnnualReport, table: pd.DataFrame, kind: str, column: int = 0
           ) -> pd.DataFrame:
    """The table with the names of its `column` in the report's language."""
    shown = table.copy()
    if len(shown.columns) > column:
        shown.iloc[:, column] = shown.iloc[:, column].map(lambda v: _label(report, kind, v))
    return shown


def submission_table(report: AnnualReport) -> pd.DataFrame:
    lang = report.lang
    grid = _named(report, report.submissions, "parte")
    for column in grid.columns[1:]:
        grid[column] = grid[column].map({"recibido": word("report.received", lang),
                                         "ilegible": word("report.unreadable", lang),
                                         "": word("report.missing", lang)})
    return grid


def rounds_table(report: AnnualReport) -> pd.DataFrame:
    """The headline figures of each round, a row per figure (in the order of the
    consolidated summary) and a column per round: as tall as the figures, as wide as
    the year's few rounds. A figure a round does not have (the observations of a round
    nobody observed, timeliness without a closing date) is a dash; the observations'
    figures are left out of a year nobody observed, and counted as the report's own
    section counts them (the public edition without restricted items)."""
    observed = report.observed
    keys = [k for k in HEADLINES if k not in OPTIONAL or observed.any]
    rounds = report.rounds.reindex(columns=["ronda", "fecha_corte", *HEADLINES])
    names = [title("fecha_corte", report.lang),
             *(named_headline(key, report.lang, report.label) for key in keys)]
    dash = word("report.not_observed", report.lang)
    table = pd.DataFrame({"cifra": names})
    for record in rounds.to_dict("records"):
        counts = observed.per_round.get(str(record["ronda"])) or {}
        values = [counts.get(k) if k in FIGURES else record[k] for k in keys]
        table[str(record["ronda"])] = [str(record["fecha_corte"]),
                                       *(dash if _missing(v) else v for v in values)]
    return table


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def observed_text(report: AnnualReport) -> tuple[str, str]:
    """The observations section's title and text."""
    lang, observed = report.lang, report.observed
    who = ", ".join(observed.observers) or word("report.observed_others", lang)
    heading = word("report.observed", lang, observadores=who)
    if not observed.any:
        return heading, word("report.observed_none", lang)
    rounds = sum(v is not None for v in observed.per_round.values())
    last = observed.per_round.get(observed.last) or dict.fromkeys(FIGURES, 0)
    return heading, word(
        "report.observed_text", lang, observadores=who, ronda=observed.last,
        rondas=plural("report.n_rounds", lang, rounds),
        observados=plural("report.n_observed", lang, int(last["observados"])),
        coinciden=plural("report.n_agree", lang, int(last["coinciden"])),
        difieren=plural("report.n_differ", lang, int(last["difieren"])))


def observed_rounds_table(report: AnnualReport) -> pd.DataFrame:
    """Items observed, views agreeing and differing, a row per round of the year (a dash
    where nobody observed)."""
    dash = word("report.not_observed", report.lang)
    return pd.DataFrame([{"ronda": name, **{k: counts[k] if counts is not None else dash
                                            for k in FIGURES}}
                         for name, counts in report.observed.per_round.items()],
                        columns=["ronda", *FIGURES])


def differing_table(report: AnnualReport, labels: dict[str, str]) -> pd.DataFrame:
    """The last round's differing views, their statuses in words."""
    table = report.observed.differing.reindex(columns=list(VIEW_COLUMNS)).copy()
    for column in ("estado_oficial", "estado_observado"):
        table[column] = table[column].map(lambda k: labels.get(str(k), str(k)))
    return table


def differing_heading(report: AnnualReport) -> str:
    observed = report.observed
    return word("report.differing_heading" if len(observed.differing)
                else "report.differing_none", report.lang, ronda=observed.last)


def headers(table: pd.DataFrame, labels: dict[str, str], lang: str) -> list[str]:
    """Each column's heading in `lang`: a status, a column, a headline figure, or a round
    (named by its data)."""
    return [labels.get(c) or (word(f"headline.{c}", lang) if c in HEADLINES else
                              title(c, lang)) for c in table.columns]


def sections(report: AnnualReport, labels: dict[str, str]) -> list[tuple[str, pd.DataFrame]]:
    lang = report.lang
    pillars = [] if report.by_pillar is None else [(word("report.by_pillar", lang),
                                                     _named(report, report.by_pillar, "pilar"))]
    return [(word("report.by_group", lang, grupo=report.grupo),
             _named(report, report.by_group, "parte")), *pillars,
            (word("report.by_reporter", lang), _named(report, report.by_reporter, "parte")),
            (word("report.overdue", lang), overdue_table(report, labels)),
            (word("report.slipped", lang), _named(
                report, report.slipped, "parte",
                list(report.slipped.columns).index("informante"))),
            (word("report.submissions", lang), submission_table(report))]
