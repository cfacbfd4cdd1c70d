"""Writing the annual report: an Excel workbook with native charts (each on a printed
page of its own), a Markdown document, and the web page (pipeline.report.page)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.report.content import (
    differing_heading,
    differing_table,
    headers,
    observed_rounds_table,
    observed_text,
    overdue_table,
    rounds_table,
    sections,
    submission_table,
    texts,
)
from pipeline.report.data import AnnualReport
from pipeline.report.indicators import measured_text, review_table, targets_table
from pipeline.report.observed import web_link
from pipeline.report.page import report_page
from pipeline.words import word
from pipeline.write.charts import STATUS_COLOURS, bar_height, count_axis, rows_under
from pipeline.write.markdown import md_table, md_text
from pipeline.write.printing import Paper, Printing, column_pixels, setup, text_height
from pipeline.write.staging import output_lock, staging
from pipeline.write.xlsx import Formats, new_workbook, write_table

TEXT_WIDTH, FIGURE_WIDTH = 84, 10  # the report sheet: a page wide, portrait
CHART_PIXELS = column_pixels(TEXT_WIDTH) + column_pixels(FIGURE_WIDTH) - 6  # within them


def write_report(report: AnnualReport, out_dir: Path, ref_labels: dict[str, str],
                 public: bool = False) -> list[Path]:
    """The report's three files, named in its language (the Spanish and the English
    editions of a year stand side by side)."""
    stem = word("report.file_public" if public else "report.file", report.lang,
                year=report.year)
    with output_lock(out_dir), staging(out_dir, stem) as stage:
        _xlsx(report, stage / f"{stem}.xlsx", ref_labels)
        (stage / f"{stem}.md").write_text(_markdown(report, ref_labels), encoding="utf-8")
        (stage / f"{stem}.html").write_text(report_page(report, ref_labels),
                                             encoding="utf-8")
    return [out_dir / f"{stem}.{ext}" for ext in ("xlsx", "md", "html")]


def _xlsx(report: AnnualReport, path: Path, labels: dict[str, str]) -> None:
    """The report sheet (its texts, figures and recommendations, then each chart on a
    printed page of its own) and one sheet per table."""
    lang = report.lang
    heading, draft, s1, s2 = texts(report)
    last = pd.Timestamp(report.rounds["fecha_corte"].iloc[-1]).date()
    workbook = new_workbook(path, last, heading)
    formats = Formats(workbook)
    printing = Printing(Paper(report.papel), heading, lang)
    sheet = workbook.add_worksheet(word("report.sheet", lang))
    setup(sheet, printing, [TEXT_WIDTH, FIGURE_WIDTH], header_row=None, portrait=True)
    sheet.set_column(0, 0, TEXT_WIDTH, formats.wrap)
    sheet.set_column(1, 1, FIGURE_WIDTH)
    lines = [(heading, formats.title), (draft, formats.note_wrap), ("", None),
             (word("report.s1", lang), formats.bold), (s1, None), ("", None),
             (word("report.s2", lang), formats.bold), (s2, None), ("", None)]
    for key, value in report.figures.items():
        lines.append((f"{word(f'figure.{key}', lang)}\t{value}", None))
    observed_title, observed = observed_text(report)
    lines += [("", None), (observed_title, formats.bold), (observed, None)]
    if report.observed.any:
        lines.append((differing_heading(report), None))
        lines += [(f"• {_differing_line(view, lang)}", None)
                  for view in differing_table(report, labels).to_dict("records")]
    measured_title, measured, review = measured_text(report.measured, lang)
    lines += [("", None), (measured_title, formats.bold), (measured, None)]
    lines += [(review, None)] if review else []
    lines += [("", None), (word("report.s3", lang), formats.bold)]
    lines += [(f"• {text}", None) for text in report.recommendations or [word("report.none", lang)]]
    for r, (text, fmt) in enumerate(lines):
        if "\t" in text:
            label, number = text.split("\t")
            sheet.write(r, 0, label)
            sheet.write_number(r, 1, float(number))
        else:
            sheet.write(r, 0, text, fmt or formats.wrap)
            sheet.set_row(r, text_height(text, TEXT_WIDTH) * (1.3 if fmt is formats.title
                                                              else 1))
    pillars = [] if report.by_pillar is None else [("by_pillar", report.by_pillar)]
    tables = [("by_group", report.by_group), *pillars, ("by_reporter", report.by_reporter),
              ("overdue", overdue_table(report, labels)), ("slipped", report.slipped),
              ("submissions", submission_table(report)), ("rounds", rounds_table(report))]
    if report.observed.any:
        tables += [("observed_rounds", observed_rounds_table(report)),
                   ("differing", differing_table(report, labels))]
    tables += _measured_tables(report)
    charted = ("by_group", "by_pillar", "by_reporter")  # the HTML's three charts
    for key, table in tables:
        table = table.reset_index(drop=True)
        write_table(workbook, formats, word(f"report.{key}", lang, grupo=report.grupo)[:31],
                    table,
                    headers(table, labels, lang), printing, charted=key in charted,
                    select=False)
    row, breaks = len(lines) + 1, []
    for key, table in (t for t in tables if t[0] in charted):
        name = word(f"report.{key}", lang, grupo=report.grupo)
        if len(table):
            breaks.append(row)  # each chart on a page of its own, never cut
            row = _native_chart(workbook, sheet, name[:31], table, name, row)
    sheet.set_h_pagebreaks(breaks)
    workbook.close()


def _measured_tables(report: AnnualReport) -> list[tuple[str, pd.DataFrame]]:
    """The targets and values, and the plan-end review once the plan has ended."""
    measured, lang = report.measured, report.lang
    if not measured.any:
        return []
    found = [("targets", targets_table(measured, lang))]
    return found + ([("review", review_table(measured, lang))]
                    if measured.reviewed else [])


def _differing_line(view: Mapping[Hashable, object], lang: str) -> str:
    return " ".join(word("report.differing_line", lang, informante=view["informante"],
                         id=view["id"], actividad=view["actividad"],
                         oficial=view["estado_oficial"], observado=view["estado_observado"],
                         observador=view["observador"], observacion=view["observacion"],
                         evidencia=view["evidencia"]).split())


def _native_chart(workbook: Workbook, sheet: Worksheet, source: str, table: pd.DataFrame,
                  heading: str, row: int) -> int:
    """A stacked bar chart of a status table (one bar per row) at `row`; the row after it."""
    height = bar_height(len(table))
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    for c, column in enumerate(table.columns):
        if column in STATUS_COLOURS:
            chart.add_series({"name": [source, 0, c],
                              "categories": [source, 1, 0, len(table), 0],
                              "values": [source, 1, c, len(table), c],
                              "fill": {"color": STATUS_COLOURS[column]}, "gap": 60})
    chart.set_title({"name": heading, "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom"})
    chart.set_x_axis(count_axis(int(table["total"].max()) if "total" in table else 1))
    chart.set_y_axis({"reverse": True, "num_font": {"size": 9}})
    chart.set_size({"width": CHART_PIXELS, "height": height})
    sheet.insert_chart(row, 0, chart, {"x_offset": 2, "y_offset": 4})
    return row + rows_under(height)


def _markdown(report: AnnualReport, labels: dict[str, str]) -> str:
    lang = report.lang
    heading, draft, s1, s2 = texts(report)
    heading, draft, s1, s2 = (md_text(t) for t in (heading, draft, s1, s2))
    parts = [f"# {heading}", "", f"> **{draft}**", "", f"## {word('report.s1', lang)}", "", s1, ""]
    blocks = sections(report, labels)
    for name, table in blocks[:3]:
        parts += [f"### {name}", "", md_table(table, headers(table, labels, lang)), ""]
    parts += [f"## {word('report.s2', lang)}", "", s2, ""]
    for name, table in blocks[3:]:
        parts += [f"### {name}", "", md_table(table, headers(table, labels, lang)), ""]
    parts += _observed_markdown(report, labels)
    heading, text, review = (md_text(t) for t in measured_text(report.measured, lang))
    parts += [f"## {heading}", "", text, ""] + ([review, ""] if review else [])
    for key, table in _measured_tables(report):
        parts += [f"### {word(f'report.{key}', lang)}", "",
                  md_table(table, headers(table, labels, lang)), ""]
    parts += [f"## {word('report.s3', lang)}", ""]
    parts += [f"- {md_text(t)}" for t in report.recommendations or [word("report.none", lang)]]
    return "\n".join(parts) + "\n"


def _observed_markdown(report: AnnualReport, labels: dict[str, str]) -> list[str]:
    """The observations section: the rounds' counts, then each differing view of the last
    round, its evidence a link where it is a web address."""
    lang = report.lang
    heading, text = observed_text(report)
    parts = [f"## {heading}", "", md_text(text), ""]  # words, the profile's names
    if not report.observed.any:
        return parts
    rounds = observed_rounds_table(report)
    parts += [f"### {word('report.observed_rounds', lang)}", "",
              md_table(rounds, headers(rounds, labels, lang)), ""]
    parts += [f"### {md_text(differing_heading(report))}", ""]
    views = differing_table(report, labels)
    if len(views):
        table = md_table(views.drop(columns="evidencia"),
                         headers(views.drop(columns="evidencia"), labels, lang)).split("\n")
        heads = headers(views[["evidencia"]], labels, lang)
        table[0] += f" {md_text(heads[0])} |"
        table[1] += "---|"
        table[2:] = [f"{line} {_md_evidence(str(e))} |"
                     for line, e in zip(table[2:], views["evidencia"], strict=True)]
        parts += ["\n".join(table), ""]
    return parts


def _md_evidence(evidence: str) -> str:
    """Evidence as Markdown: a link when it is a web address, its text otherwise."""
    link = web_link(evidence)
    if not link:
        return md_text(evidence)
    target = quote(link, safe=":/?#@!$&'*+,;=%-._~").replace("&", "&amp;")
    return f"[{md_text(evidence)}](<{target}>)"
