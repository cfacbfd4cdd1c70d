"""The annual report as a self-contained, printable web page: its charts drawn with
matplotlib and inlined, its tables as HTML (every text escaped)."""

from __future__ import annotations

import base64
import html
import io
import re
import textwrap

import pandas as pd

from pipeline.report.content import headers, sections, texts
from pipeline.report.data import AnnualReport
from pipeline.words import word
from pipeline.write.charts import STATUS_COLOURS
from pipeline.write.markdown import rows_text


def _chart_png(table: pd.DataFrame, labels: dict[str, str], heading: str) -> str:
    """A stacked bar per row of a status table: whole-number axis, long names wrapped,
    the legend below the plot (never over a bar)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    if table.empty:
        return ""
    categories = [textwrap.fill(str(v), LABEL_CHARS) for v in table.iloc[:, 0]]
    tall = sum(c.count("\n") + 1 for c in categories)
    figure, axes = plt.subplots(figsize=(8, 1.6 + 0.32 * tall + 0.25 * len(categories)),
                                dpi=110)
    left = [0.0] * len(categories)
    series = 0
    for column in table.columns[1:]:
        if column not in STATUS_COLOURS:
            continue
        values = [float(v) for v in table[column]]
        axes.barh(categories, values, left=left, color=STATUS_COLOURS[column],
                  label=labels.get(column, column))
        left = [a + b for a, b in zip(left, values, strict=True)]
        series += 1
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="y", labelsize=8)
    axes.set_title(heading)
    figure.legend(loc="lower center", ncol=max(series, 1), fontsize=8, frameon=False)
    figure.tight_layout(rect=(0, 0.07, 1, 1))  # the legend below, clear of the axis
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def _html_table(table: pd.DataFrame, headers: list[str]) -> str:
    """Every text escaped; ids, dates and numbers never broken across lines; a column of
    numbers, and its heading, aligned right."""
    rows = rows_text(table)
    numeric = [bool(rows) and all(_NUMBER.fullmatch(r[c]) or not r[c] for r in rows)
               for c in range(len(headers))]
    head = "".join(f"<th{_RIGHT if n else ''}>{html.escape(h)}</th>"
                   for h, n in zip(headers, numeric, strict=True))
    body = "".join("<tr>" + "".join(_cell(c, n) for c, n in zip(row, numeric, strict=True))
                   + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(text: str, number: bool) -> str:
    kind = "nw n" if number else "nw" if _TOKEN.fullmatch(text) else ""
    attribute = f' class="{kind}"' if kind else ""
    return f"<td{attribute}>{html.escape(text)}</td>"


_RIGHT = ' class="n"'
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_TOKEN = re.compile(r"[\w./:-]{1,24}")  # an id, a date, a number, a round: one token
LABEL_CHARS = 28  # a category's name wraps at this many characters
PAGE_SIZES = {"carta": "letter", "a4": "A4"}
CSS = """body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:60em;
color:#222;line-height:1.4}h1{color:#1F4E78}h2{color:#1F4E78;border-bottom:2px solid #1F4E78;
page-break-before:auto}.draft{background:#FFF2CC;border-left:6px solid #BF9000;padding:.6em 1em}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.85em;width:100%}
th,td{border:1px solid #BFBFBF;padding:.25em .5em;text-align:left;vertical-align:top}
td.nw{white-space:nowrap}.n{text-align:right}th{background:#DDEBF7}img{max-width:100%}
@page{size:PAPER;margin:1.5cm}
@media print{h2,h3{page-break-after:avoid}img{page-break-inside:avoid}
table{page-break-inside:auto}tr{page-break-inside:avoid}}"""


def report_page(report: AnnualReport, labels: dict[str, str]) -> str:
    lang = report.lang
    heading, draft, s1, s2 = texts(report)
    blocks = sections(report, labels)
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(heading)}</title>"
             f"<style>{CSS.replace('PAPER', PAGE_SIZES[report.papel])}</style></head><body>",
             f"<h1>{html.escape(heading)}</h1>", f"<p class=\"draft\">{html.escape(draft)}</p>",
             f"<h2>{html.escape(word('report.s1', lang))}</h2>", f"<p>{html.escape(s1)}</p>"]
    for (name, table), source in zip(blocks[:3], (report.by_group, report.by_pillar,
                                                     report.by_reporter), strict=True):
        png = _chart_png(source, labels, name)
        parts.append(f"<h3>{html.escape(name)}</h3>")
        if png:
            parts.append(f"<img alt=\"{html.escape(name)}\" src=\"data:image/png;base64,{png}\">")
        parts.append(_html_table(table, headers(table, labels, lang)))
    parts += [f"<h2>{html.escape(word('report.s2', lang))}</h2>", f"<p>{html.escape(s2)}</p>"]
    for name, table in blocks[3:]:
        parts += [f"<h3>{html.escape(name)}</h3>",
                  _html_table(table, headers(table, labels, lang))]
    parts.append(f"<h2>{html.escape(word('report.s3', lang))}</h2><ul>")
    advice = report.recommendations or [word("report.none", lang)]
    parts += [f"<li>{html.escape(t)}</li>" for t in advice]
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"
