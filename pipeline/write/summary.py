"""The summary sheet of consolidado.xlsx: headline figures, status tables and native
charts an analyst can restyle in Excel or LibreOffice."""

from __future__ import annotations

import pandas as pd
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.analyse.tables import title
from pipeline.words import word
from pipeline.write.xlsx import Formats

STATUS_COLOURS = {"finalizado": "#70AD47", "en_proceso": "#FFC000", "pendiente": "#A5A5A5",
                  "no_alcanzado": "#C00000", "otro": "#7F6000", "sin_estado": "#D9D9D9"}
HEADLINES = ("actividades", "informantes", "esperados", "finalizado", "en_proceso",
             "pendiente", "no_alcanzado", "vencidos", "por_vencer", "sin_responsable",
             "plazo_impreciso", "sin_indicador", "completitud", "puntualidad", "archivos",
             "archivos_rechazados", "errores", "advertencias")


def write_summary(
    workbook: Workbook,
    formats: Formats,
    sheet: Worksheet,
    figures: dict[str, int],
    summary: dict[str, pd.DataFrame],
    labels: dict[str, str],
    heading: str,
    lang: str,
) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 12, 14)
    sheet.write(0, 0, heading, formats.title)
    row = 2
    for key in HEADLINES:
        sheet.write(row, 0, word(f"headline.{key}", lang))
        value = figures.get(key)
        if value is None:  # timeliness without a closing date
            sheet.write_string(row, 1, word("figure.not_applicable", lang))
        else:
            sheet.write_number(row, 1, value, formats.big)
        row += 1
    row += 1
    for key in ("por_grupo", "por_pilar", "por_informante"):
        block_title = word(f"block.{key}", lang)
        row = _status_block(workbook, formats, sheet, summary[key], row, block_title, labels,
                            lang)
    row = _overdue_block(workbook, formats, sheet, summary["vencidos_por_responsable"], row,
                         lang)
    if "tendencia" in summary:
        _trend_block(workbook, formats, sheet, summary["tendencia"], row, labels, lang)


def _status_block(
    workbook: Workbook,
    formats: Formats,
    sheet: Worksheet,
    table: pd.DataFrame,
    row: int,
    block_title: str,
    labels: dict[str, str],
    lang: str,
) -> int:
    sheet.write(row, 0, block_title, formats.bold)
    header = row + 1
    columns = list(table.columns)
    for c, column in enumerate(columns):
        text = labels.get(column) or title(column, lang) if c else title(column, lang)
        sheet.write(header, c, text, formats.bold)
    for r, values in enumerate(table.itertuples(index=False, name=None), start=header + 1):
        for c, value in enumerate(values):
            sheet.write(r, c, value.item() if hasattr(value, "item") else value)
    last = header + len(table)
    statuses = [c for c in columns[1:] if c in STATUS_COLOURS]
    if len(table):
        chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
        name = sheet.get_name()
        for status in statuses:
            c = columns.index(status)
            chart.add_series({
                "name": [name, header, c],
                "categories": [name, header + 1, 0, last, 0],
                "values": [name, header + 1, c, last, c],
                "fill": {"color": STATUS_COLOURS[status]},
                "gap": 60,
            })
        chart.set_title({"name": block_title})
        chart.set_legend({"position": "bottom"})
        chart.set_y_axis({"reverse": True})
        chart.set_size({"width": 620, "height": max(240, 60 + 28 * len(table))})
        sheet.insert_chart(row, len(columns) + 1, chart)
    return max(last + 3, row + 2 + max(240, 60 + 28 * len(table)) // 20)


def _overdue_block(
    workbook: Workbook, formats: Formats, sheet: Worksheet, table: pd.DataFrame, row: int,
    lang: str,
) -> int:
    heading = word("block.vencidos_por_responsable", lang)
    sheet.write(row, 0, heading, formats.bold)
    sheet.write(row + 1, 0, title("responsable", lang), formats.bold)
    sheet.write(row + 1, 1, title("vencido", lang), formats.bold)
    for r, (party, count) in enumerate(table.itertuples(index=False, name=None), start=row + 2):
        sheet.write(r, 0, party)
        sheet.write_number(r, 1, int(count))
    if len(table):
        chart = workbook.add_chart({"type": "bar"})
        name = sheet.get_name()
        chart.add_series({
            "name": [name, row + 1, 1],
            "categories": [name, row + 2, 0, row + 1 + len(table), 0],
            "values": [name, row + 2, 1, row + 1 + len(table), 1],
            "fill": {"color": "#C00000"},
        })
        chart.set_title({"name": heading})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})
        sheet.insert_chart(row, 4, chart)
    return row + max(len(table) + 4, 18)


TREND_SERIES = ("actividades", "finalizado", "en_proceso", "pendiente", "vencidos")


def _trend_block(
    workbook: Workbook, formats: Formats, sheet: Worksheet, table: pd.DataFrame, row: int,
    labels: dict[str, str], lang: str,
) -> None:
    """The headline figures of every stored round, and a line chart of them."""
    heading = word("block.tendencia", lang)
    sheet.write(row, 0, heading, formats.bold)
    columns = ["ronda", *TREND_SERIES, "completitud"]
    for c, column in enumerate(columns):
        sheet.write(row + 1, c, labels.get(column) or title(column, lang), formats.bold)
    for r, record in enumerate(table.to_dict("records"), start=row + 2):
        for c, column in enumerate(columns):
            value = record.get(column)
            if c == 0:
                sheet.write_string(r, c, str(value))
            elif value is not None and value == value:
                sheet.write_number(r, c, float(value))
    last = row + 1 + len(table)
    chart = workbook.add_chart({"type": "line"})
    name = sheet.get_name()
    for c, column in enumerate(columns[1:-1], start=1):
        chart.add_series({
            "name": [name, row + 1, c],
            "categories": [name, row + 2, 0, last, 0],
            "values": [name, row + 2, c, last, c],
            "marker": {"type": "circle"},
            "line": {"color": STATUS_COLOURS.get(column, "#1F4E78")},
        })
    chart.set_title({"name": heading})
    chart.set_legend({"position": "bottom"})
    sheet.insert_chart(row, len(columns) + 1, chart)
