"""The annual report as a self-contained, printable web page, from the same templates and
with the same look as the round's page (pipeline.web): its charts inline SVG, its tables
with every text escaped, ids and dates never broken, numbers right-aligned."""

from __future__ import annotations

from pipeline.report.content import (
    differing_heading,
    differing_table,
    headers,
    observed_rounds_table,
    observed_text,
    sections,
    texts,
)
from pipeline.report.data import AnnualReport
from pipeline.report.indicators import measured_text, review_table, targets_table
from pipeline.report.observed import web_link
from pipeline.web import charts
from pipeline.web.render import page_size, render
from pipeline.web.tables import table
from pipeline.words import word


def report_page(report: AnnualReport, labels: dict[str, str]) -> str:
    lang = report.lang
    heading, draft, s1, s2 = texts(report)
    blocks = sections(report, labels)
    sources = [s for s in (report.by_group, report.by_pillar, report.by_reporter)
               if s is not None]  # by pillar only for a network with pillars
    charted = [(name, charts.stacked_bars(source, labels, name),
                table(shown, headers(shown, labels, lang)))
               for (name, shown), source in zip(blocks, sources, strict=False)]
    return render("informe.html", lang=lang, paper=page_size(report.papel),
                  heading=heading, subtitle="", draft=draft,
                  s1_title=word("report.s1", lang), s1=s1, charted=charted,
                  s2_title=word("report.s2", lang), s2=s2,
                  tables=[(name, table(shown, headers(shown, labels, lang)))
                          for name, shown in blocks[len(sources):]],
                  **_observed(report, labels),
                  measured=_measured(report, labels),
                  s3_title=word("report.s3", lang),
                  recommendations=report.recommendations or [word("report.none", lang)])


def _observed(report: AnnualReport, labels: dict[str, str]) -> dict[str, object]:
    """The observations section: its text, the rounds' counts, and the last round's
    differing views (their evidence a link only where it is a web address; every text
    escaped by the template)."""
    lang = report.lang
    heading, text = observed_text(report)
    rounds = observed_rounds_table(report)
    views = differing_table(report, labels)
    shown = views.drop(columns="evidencia")
    return {"observed_title": heading, "observed": text,
            "observed_rounds": (word("report.observed_rounds", lang),
                                table(rounds, headers(rounds, labels, lang)))
            if report.observed.any else None,
            "differing_title": differing_heading(report) if report.observed.any else "",
            "differing_heads": [*headers(shown, labels, lang),
                                *headers(views[["evidencia"]], labels, lang)],
            "differing": [{"cells": table(shown.iloc[[n]], headers(shown, labels, lang))
                           .rows[0], "evidence": str(e), "link": web_link(str(e))}
                          for n, e in enumerate(views["evidencia"])]}


def _measured(report: AnnualReport, labels: dict[str, str]) -> dict[str, object]:
    """The indicators section: its texts, the targets and values, and the plan-end
    review once the plan has ended."""
    lang, measured = report.lang, report.measured
    heading, text, review = measured_text(measured, lang)
    tables = []
    if measured.any:
        tables.append((word("report.targets", lang), targets_table(measured, lang)))
        if measured.reviewed:
            tables.append((word("report.review", lang), review_table(measured, lang)))
    return {"title": heading, "text": text, "review": review,
            "tables": [(name, table(shown, headers(shown, labels, lang)))
                       for name, shown in tables]}
