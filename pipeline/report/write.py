"""Writing the annual report: an Excel workbook with native charts, a Markdown document
and a self-contained, printable HTML page with its charts (matplotlib) inlined."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.analyse.tables import title
from pipeline.report.data import TOP_OVERDUE, AnnualReport
from pipeline.words import plural, word
from pipeline.write.markdown import md_table, md_text, rows_text
from pipeline.write.staging import output_lock, staging
from pipeline.write.summary import HEADLINES, STATUS_COLOURS
from pipeline.write.xlsx import Formats, new_workbook, printable, write_table

OVERDUE_COLUMNS = ("informante", "id", "actividad", "responsable", "fecha_limite", "estado",
                   "dias_vencido")


def write_report(report: AnnualReport, out_dir: Path, ref_labels: dict[str, str],
                 suffix: str = "") -> list[Path]:
    stem = f"informe_anual_{report.year}{suffix}"
    with output_lock(out_dir), staging(out_dir, stem) as stage:
        _xlsx(report, stage / f"{stem}.xlsx", ref_labels)
        (stage / f"{stem}.md").write_text(_markdown(report, ref_labels), encoding="utf-8")
        (stage / f"{stem}.html").write_text(_html(report, ref_labels), encoding="utf-8")
    return [out_dir / f"{stem}.{ext}" for ext in ("xlsx", "md", "html")]


def _texts(report: AnnualReport) -> tuple[str, str, str, str]:
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


def _overdue_table(report: AnnualReport, labels: dict[str, str]) -> pd.DataFrame:
    table = report.overdue.head(TOP_OVERDUE).reindex(columns=list(OVERDUE_COLUMNS)).copy()
    table["estado"] = table["estado"].map(lambda k: labels.get(k, k))
    return table


def _submission_table(report: AnnualReport) -> pd.DataFrame:
    lang = report.lang
    grid = report.submissions.copy()
    for column in grid.columns[1:]:
        grid[column] = grid[column].map({"recibido": word("report.received", lang),
                                         "ilegible": word("report.unreadable", lang),
                                         "": word("report.missing", lang)})
    return grid


def _rounds_table(report: AnnualReport) -> pd.DataFrame:
    """The headline figures of each round, in the order of the consolidated summary."""
    return report.rounds.reindex(columns=["ronda", "fecha_corte", *HEADLINES])


def _headers(table: pd.DataFrame, labels: dict[str, str], lang: str) -> list[str]:
    """Each column's heading in `lang`: a status, a column, a headline figure, or a round
    (named by its data)."""
    return [labels.get(c) or (word(f"headline.{c}", lang) if c in HEADLINES else
                              title(c, lang)) for c in table.columns]


def _xlsx(report: AnnualReport, path: Path, labels: dict[str, str]) -> None:
    lang = report.lang
    heading, draft, s1, s2 = _texts(report)
    last = pd.Timestamp(report.rounds["fecha_corte"].iloc[-1]).date()
    workbook = new_workbook(path, last, heading)
    formats = Formats(workbook)
    sheet = workbook.add_worksheet(word("report.sheet", lang))
    printable(sheet)
    sheet.set_column(0, 0, 90, formats.wrap)
    sheet.set_column(1, 1, 12)
    lines = [(heading, formats.title), (draft, formats.note), ("", None),
             (word("report.s1", lang), formats.bold), (s1, None), ("", None),
             (word("report.s2", lang), formats.bold), (s2, None), ("", None)]
    for key, value in report.figures.items():
        lines.append((f"{word(f'figure.{key}', lang)}\t{value}", None))
    lines += [("", None), (word("report.s3", lang), formats.bold)]
    lines += [(f"• {text}", None) for text in report.recommendations or [word("report.none", lang)]]
    for r, (text, fmt) in enumerate(lines):
        if "\t" in text:
            label, number = text.split("\t")
            sheet.write(r, 0, label)
            sheet.write_number(r, 1, float(number))
        else:
            sheet.write(r, 0, text, fmt)
            if len(text) > 95:  # wrapped text needs its height when printed
                sheet.set_row(r, 15 * -(-len(text) // 95))
    tables = [("by_group", report.by_group), ("by_pillar", report.by_pillar),
              ("by_reporter", report.by_reporter),
              ("overdue", _overdue_table(report, labels)), ("slipped", report.slipped),
              ("submissions", _submission_table(report)), ("rounds", _rounds_table(report))]
    charted = ("by_group", "by_pillar", "by_reporter")  # the HTML's three charts
    for key, table in tables:
        table = table.reset_index(drop=True)
        write_table(workbook, formats, word(f"report.{key}", lang)[:31], table,
                    _headers(table, labels, lang), charted=key in charted)
    row = len(lines) + 1
    for key, table in tables[:len(charted)]:
        title = word(f"report.{key}", lang)
        row = _native_chart(workbook, sheet, title[:31], table, title, row)
    workbook.close()


def _native_chart(workbook: Workbook, sheet: Worksheet, source: str, table: pd.DataFrame,
                  heading: str, row: int) -> int:
    """A stacked bar chart of a status table (one bar per row) at `row`; the row after it."""
    if table.empty:
        return row
    height = max(288, 24 * len(table) + 140)  # every category gets its own readable bar
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    for c, column in enumerate(table.columns):
        if column in STATUS_COLOURS:
            chart.add_series({"name": [source, 0, c],
                              "categories": [source, 1, 0, len(table), 0],
                              "values": [source, 1, c, len(table), c],
                              "fill": {"color": STATUS_COLOURS[column]}})
    chart.set_title({"name": heading})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"reverse": True})
    chart.set_size({"width": 720, "height": height})
    sheet.insert_chart(row, 0, chart)
    return row + height // 20 + 2




def _sections(report: AnnualReport, labels: dict[str, str]) -> list[tuple[str, pd.DataFrame]]:
    lang = report.lang
    return [(word("report.by_group", lang), report.by_group),
            (word("report.by_pillar", lang), report.by_pillar),
            (word("report.by_reporter", lang), report.by_reporter),
            (word("report.overdue", lang), _overdue_table(report, labels)),
            (word("report.slipped", lang), report.slipped),
            (word("report.submissions", lang), _submission_table(report))]


def _markdown(report: AnnualReport, labels: dict[str, str]) -> str:
    lang = report.lang
    heading, draft, s1, s2 = _texts(report)
    heading, draft, s1, s2 = (md_text(t) for t in (heading, draft, s1, s2))
    parts = [f"# {heading}", "", f"> **{draft}**", "", f"## {word('report.s1', lang)}", "", s1, ""]
    sections = _sections(report, labels)
    for name, table in sections[:3]:
        parts += [f"### {name}", "", md_table(table, _headers(table, labels, lang)), ""]
    parts += [f"## {word('report.s2', lang)}", "", s2, ""]
    for name, table in sections[3:]:
        parts += [f"### {name}", "", md_table(table, _headers(table, labels, lang)), ""]
    parts += [f"## {word('report.s3', lang)}", ""]
    parts += [f"- {md_text(t)}" for t in report.recommendations or [word("report.none", lang)]]
    return "\n".join(parts) + "\n"


def _chart_png(table: pd.DataFrame, labels: dict[str, str], heading: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    if table.empty:
        return ""
    categories = [str(v) for v in table.iloc[:, 0]]
    figure, axes = plt.subplots(figsize=(8, max(2.2, 0.45 * len(categories) + 1)), dpi=110)
    left = [0.0] * len(categories)
    for column in table.columns[1:]:
        if column not in STATUS_COLOURS:
            continue
        values = [float(v) for v in table[column]]
        axes.barh(categories, values, left=left, color=STATUS_COLOURS[column],
                  label=labels.get(column, column))
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.set_title(heading)
    axes.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def _html_table(table: pd.DataFrame, headers: list[str]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows_text(table))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


CSS = """body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:60em;
color:#222;line-height:1.4}h1{color:#1F4E78}h2{color:#1F4E78;border-bottom:2px solid #1F4E78;
page-break-before:auto}.draft{background:#FFF2CC;border-left:6px solid #BF9000;padding:.6em 1em}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.85em;width:100%}
th,td{border:1px solid #BFBFBF;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#DDEBF7}img{max-width:100%}@page{size:A4;margin:1.5cm}
@media print{h2{page-break-after:avoid}table{page-break-inside:auto}}"""


def _html(report: AnnualReport, labels: dict[str, str]) -> str:
    lang = report.lang
    heading, draft, s1, s2 = _texts(report)
    sections = _sections(report, labels)
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(heading)}</title><style>{CSS}</style></head><body>",
             f"<h1>{html.escape(heading)}</h1>", f"<p class=\"draft\">{html.escape(draft)}</p>",
             f"<h2>{html.escape(word('report.s1', lang))}</h2>", f"<p>{html.escape(s1)}</p>"]
    for (name, table), source in zip(sections[:3], (report.by_group, report.by_pillar,
                                                     report.by_reporter), strict=True):
        png = _chart_png(source, labels, name)
        parts.append(f"<h3>{html.escape(name)}</h3>")
        if png:
            parts.append(f"<img alt=\"{html.escape(name)}\" src=\"data:image/png;base64,{png}\">")
        parts.append(_html_table(table, _headers(table, labels, lang)))
    parts += [f"<h2>{html.escape(word('report.s2', lang))}</h2>", f"<p>{html.escape(s2)}</p>"]
    for name, table in sections[3:]:
        parts += [f"<h3>{html.escape(name)}</h3>",
                  _html_table(table, _headers(table, labels, lang))]
    parts.append(f"<h2>{html.escape(word('report.s3', lang))}</h2><ul>")
    advice = report.recommendations or [word("report.none", lang)]
    parts += [f"<li>{html.escape(t)}</li>" for t in advice]
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"
