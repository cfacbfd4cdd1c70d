"""The summary sheet of consolidado.xlsx: headline figures, status tables and native
charts an analyst can restyle in Excel or LibreOffice.

It prints portrait, one page wide. Each block (a table and its chart below it) is kept
on one page: a page break goes before a block that would not fit whole on the page it
would start on (issue 14)."""

from __future__ import annotations

import pandas as pd
from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.model.labels import headline, title
from pipeline.reference.data import Reference
from pipeline.words import word
from pipeline.write.charts import (
    OVERDUE_COLOUR,
    SERIES_COLOURS,
    STATUS_COLOURS,
    bar_height,
    count_axis,
    rows_under,
)
from pipeline.write.printing import (
    LINE_POINTS,
    Printing,
    column_pixels,
    header_height,
    setup,
    text_height,
)
from pipeline.write.xlsx import Formats

HEADLINES = ("actividades", "informantes", "esperados", "finalizado", "en_proceso",
             "pendiente", "no_alcanzado", "vencidos", "por_vencer", "difieren", "coinciden",
             "observados", "indicadores", "indicadores_meta_alcanzada",
             "indicadores_en_camino", "indicadores_en_riesgo", "indicadores_atrasados",
             "sin_responsable", "plazo_impreciso", "sin_indicador",
             "completitud", "puntualidad", "archivos", "archivos_rechazados", "errores",
             "advertencias")
# Said only when the round has them (a round nobody observed has no such figures).
OPTIONAL = ("observados", "coinciden", "difieren", "indicadores",
            "indicadores_meta_alcanzada", "indicadores_en_camino", "indicadores_en_riesgo",
            "indicadores_atrasados")
TREND_SERIES = ("actividades", "finalizado", "en_proceso", "pendiente", "vencidos")
FIRST_WIDTH, WIDTH, COLUMNS = 30, 11, 9  # the label column, then the figures


class _Sheet:
    """The summary being written: where the next row goes, and the page breaks that keep
    each block on one printed page."""

    def __init__(self, workbook: Workbook, formats: Formats, sheet: Worksheet,
                 printing: Printing) -> None:
        self.workbook, self.formats, self.sheet = workbook, formats, sheet
        self.lang = printing.lang
        widths = [FIRST_WIDTH, *[WIDTH] * (COLUMNS - 1)]
        scale = setup(sheet, printing, widths, header_row=None, portrait=True)
        self.room = 0.96 * printing.paper.height(False) / scale  # sheet points a page holds
        self.width_px = sum(column_pixels(w) for w in widths) - 6  # within the columns
        self.row, self.used, self.breaks = 0, 0.0, [0]
        for c, width in enumerate(widths):
            sheet.set_column(c, c, width)

    def block(self, height: float) -> None:
        """A block `height` points tall starts at the current row: on this page if it fits,
        else on the next."""
        if self.used and self.used + height > self.room:
            self.breaks.append(self.row)
            self.used = 0.0
        self.used += height

    def header(self, texts: list[str], right_from: int = 1) -> float:
        """A table's header row (numbers' headers aligned right); its height."""
        height = max(header_height(t, FIRST_WIDTH if c == 0 else WIDTH)
                     for c, t in enumerate(texts))
        self.sheet.set_row(self.row, height)
        for c, text in enumerate(texts):
            fmt = self.formats.header_right if c >= right_from else self.formats.header
            self.sheet.write_string(self.row, c, text, fmt)
        self.row += 1
        return height

    def finish(self) -> None:
        self.sheet.set_h_pagebreaks([r for r in self.breaks if r])


def write_summary(
    workbook: Workbook,
    formats: Formats,
    sheet: Worksheet,
    figures: dict[str, int],
    summary: dict[str, pd.DataFrame],
    labels: dict[str, str],
    printing: Printing,
    network: dict[str, str] | None = None,
    ref: Reference | None = None,
) -> None:
    """The summary sheet; `network` names the network's things (its {grupo}), `ref` its
    statuses."""
    page = _Sheet(workbook, formats, sheet, printing)
    lang = printing.lang
    shown = [k for k in HEADLINES if k in figures or k not in OPTIONAL]
    page.block(LINE_POINTS * (len(shown) + 3))
    sheet.write(0, 0, printing.heading, formats.title)
    page.row = 2
    for key in shown:
        sheet.write(page.row, 0, headline(key, lang, ref))
        value = figures.get(key)
        if value is None:  # timeliness without a closing date
            sheet.write_string(page.row, 1, word("figure.not_applicable", lang))
        else:
            sheet.write_number(page.row, 1, value, formats.number)
        page.row += 1
    page.row += 1
    for key in (k for k in ("por_grupo", "por_pilar", "por_informante") if k in summary):
        _status_block(page, summary[key], word(f"block.{key}", lang, **(network or {})),
                      labels)
    _overdue_block(page, summary["vencidos_por_responsable"])
    indicators = summary.get("indicadores_por_informante")
    if indicators is not None and not indicators.empty:
        _indicator_block(page, indicators)
    if "tendencia" in summary:
        _trend_block(page, summary["tendencia"], labels)
    page.finish()


def _status_block(page: _Sheet, table: pd.DataFrame, block_title: str,
                  labels: dict[str, str]) -> None:
    """Items per status of each group, pillar or reporter; a stacked bar chart below."""
    lang, sheet = page.lang, page.sheet
    columns = list(table.columns)
    texts = [labels.get(c) or title(c, lang) for c in columns]
    chart_px = bar_height(len(table)) if len(table) else 0
    heights = [text_height(str(v), FIRST_WIDTH) for v in table.iloc[:, 0]]
    page.block(LINE_POINTS + max(header_height(t, WIDTH) for t in texts) + sum(heights)
               + chart_px * 0.75 + 2 * LINE_POINTS)
    sheet.write(page.row, 0, block_title, page.formats.bold)
    page.row += 1
    header = page.row
    page.header(texts)
    for values, height in zip(table.itertuples(index=False, name=None), heights, strict=True):
        sheet.set_row(page.row, height)
        for c, value in enumerate(values):
            value = value.item() if hasattr(value, "item") else value
            sheet.write(page.row, c, value, page.formats.wrap if c == 0 else None)
        page.row += 1
    statuses = [c for c in columns[1:] if c in STATUS_COLOURS]
    if len(table):
        chart = page.workbook.add_chart({"type": "bar", "subtype": "stacked"})
        name = sheet.get_name()
        for status in statuses:
            c = columns.index(status)
            chart.add_series({
                "name": [name, header, c],
                "categories": [name, header + 1, 0, header + len(table), 0],
                "values": [name, header + 1, c, header + len(table), c],
                "fill": {"color": STATUS_COLOURS[status]}, "gap": 60,
            })
        _dress(chart, block_title, int(table["total"].max()) if "total" in table else 1)
        chart.set_size({"width": page.width_px, "height": chart_px})
        sheet.insert_chart(page.row, 0, chart, {"x_offset": 2, "y_offset": 4})
        page.row += rows_under(chart_px)
    page.row += 1


def _overdue_block(page: _Sheet, table: pd.DataFrame) -> None:
    lang, sheet = page.lang, page.sheet
    heading = word("block.vencidos_por_responsable", lang)
    chart_px = bar_height(len(table)) if len(table) else 0
    page.block(3 * LINE_POINTS + LINE_POINTS * len(table) + chart_px * 0.75 + LINE_POINTS)
    sheet.write(page.row, 0, heading, page.formats.bold)
    page.row += 1
    header = page.row
    page.header([title("responsable", lang), title("vencido", lang)])
    for party, count in table.itertuples(index=False, name=None):
        sheet.write(page.row, 0, party)
        sheet.write_number(page.row, 1, int(count))
        page.row += 1
    if len(table):
        chart = page.workbook.add_chart({"type": "bar"})
        name = sheet.get_name()
        chart.add_series({
            "name": [name, header, 1],
            "categories": [name, header + 1, 0, header + len(table), 0],
            "values": [name, header + 1, 1, header + len(table), 1],
            "fill": {"color": OVERDUE_COLOUR},
        })
        _dress(chart, heading, int(table.iloc[:, 1].max()), legend=False)
        chart.set_size({"width": page.width_px, "height": chart_px})
        sheet.insert_chart(page.row, 0, chart, {"x_offset": 2, "y_offset": 4})
        page.row += rows_under(chart_px)
    page.row += 1


def _indicator_block(page: _Sheet, table: pd.DataFrame) -> None:
    """Each reporter's indicators by situation (on track, at risk, late...)."""
    lang, sheet = page.lang, page.sheet
    columns = list(table.columns)
    texts = [title(c, lang) if c in ("informante", "total") else
             word(f"situation.{c}", lang) for c in columns]
    page.block(LINE_POINTS + max(text_height(t, WIDTH) for t in texts)
               + LINE_POINTS * (len(table) + 1))
    sheet.write(page.row, 0, word("block.indicadores", lang), page.formats.bold)
    page.row += 1
    page.header(texts)
    for record in table.to_dict("records"):
        sheet.write_string(page.row, 0, str(record["informante"]))
        for c, column in enumerate(columns[1:], start=1):
            sheet.write_number(page.row, c, int(record[column]))
        page.row += 1
    page.row += 1


def _trend_block(page: _Sheet, table: pd.DataFrame, labels: dict[str, str]) -> None:
    """The headline figures of every stored round, and a line chart of them."""
    lang, sheet = page.lang, page.sheet
    heading = word("block.tendencia", lang)
    columns = ["ronda", *TREND_SERIES, "completitud"]
    texts = [labels.get(c) or title(c, lang) for c in columns]
    chart_px = 320
    page.block(LINE_POINTS + max(header_height(t, WIDTH) for t in texts)
               + LINE_POINTS * len(table) + chart_px * 0.75 + LINE_POINTS)
    sheet.write(page.row, 0, heading, page.formats.bold)
    page.row += 1
    header = page.row
    page.header(texts)
    largest = 1
    for record in table.to_dict("records"):
        for c, column in enumerate(columns):
            value = record.get(column)
            if c == 0:
                sheet.write_string(page.row, c, str(value))
            elif value is not None and value == value:
                sheet.write_number(page.row, c, float(value))
                largest = max(largest, int(value)) if column != "completitud" else largest
        page.row += 1
    chart = page.workbook.add_chart({"type": "line"})
    name = sheet.get_name()
    for c, column in enumerate(columns[1:-1], start=1):
        colour = SERIES_COLOURS[column]
        chart.add_series({
            "name": [name, header, c],
            "categories": [name, header + 1, 0, header + len(table), 0],
            "values": [name, header + 1, c, header + len(table), c],
            "marker": {"type": "circle", "fill": {"color": colour},
                       "border": {"color": colour}},
            "line": {"color": colour, "width": 2.25},
        })
    chart.set_title({"name": heading, "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis(count_axis(largest))
    chart.set_size({"width": page.width_px, "height": chart_px})
    sheet.insert_chart(page.row, 0, chart, {"x_offset": 2, "y_offset": 4})
    page.row += rows_under(chart_px) + 1


def _dress(chart: Chart, heading: str, largest: int, legend: bool = True) -> None:
    """A bar chart's title, legend below its plot, whole-number axis, categories top
    down in the table's order."""
    chart.set_title({"name": heading, "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom"} if legend else {"none": True})
    chart.set_x_axis(count_axis(largest))
    chart.set_y_axis({"reverse": True, "num_font": {"size": 9}})

