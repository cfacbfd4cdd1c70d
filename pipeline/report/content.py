"""What the annual report says, whatever it is written as (workbook, Markdown, web
page): its title and texts, and its tables with their headings in the report's
language."""

from __future__ import annotations

import pandas as pd

from pipeline.analyse.tables import title
from pipeline.report.data import TOP_OVERDUE, AnnualReport
from pipeline.words import plural, word
from pipeline.write.summary import HEADLINES

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
            word("report.draft", lang, rounds=rounds), s1, s2)


def overdue_table(report: AnnualReport, labels: dict[str, str]) -> pd.DataFrame:
    table = report.overdue.head(TOP_OVERDUE).reindex(columns=list(OVERDUE_COLUMNS)).copy()
    table["estado"] = table["estado"].map(lambda k: labels.get(k, k))
    return table


def submission_table(report: AnnualReport) -> pd.DataFrame:
    lang = report.lang
    grid = report.submissions.copy()
    for column in grid.columns[1:]:
        grid[column] = grid[column].map({"recibido": word("report.received", lang),
                                         "ilegible": word("report.unreadable", lang),
                                         "": word("report.missing", lang)})
    return grid


def rounds_table(report: AnnualReport) -> pd.DataFrame:
    """The headline figures of each round, a row per figure (in the order of the
    consolidated summary) and a column per round: as tall as the figures, as wide as
    the year's few rounds."""
    rounds = report.rounds.reindex(columns=["ronda", "fecha_corte", *HEADLINES])
    names = [title("fecha_corte", report.lang),
             *(word(f"headline.{key}", report.lang) for key in HEADLINES)]
    table = pd.DataFrame({"cifra": names})
    for record in rounds.to_dict("records"):
        table[str(record["ronda"])] = [str(record["fecha_corte"]),
                                       *(record[key] for key in HEADLINES)]
    return table


def headers(table: pd.DataFrame, labels: dict[str, str], lang: str) -> list[str]:
    """Each column's heading in `lang`: a status, a column, a headline figure, or a round
    (named by its data)."""
    return [labels.get(c) or (word(f"headline.{c}", lang) if c in HEADLINES else
                              title(c, lang)) for c in table.columns]


def sections(report: AnnualReport, labels: dict[str, str]) -> list[tuple[str, pd.DataFrame]]:
    lang = report.lang
    return [(word("report.by_group", lang), report.by_group),
            (word("report.by_pillar", lang), report.by_pillar),
            (word("report.by_reporter", lang), report.by_reporter),
            (word("report.overdue", lang), overdue_table(report, labels)),
            (word("report.slipped", lang), report.slipped),
            (word("report.submissions", lang), submission_table(report))]
