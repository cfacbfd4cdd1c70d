"""How each sheet prints (issue 14): paper and orientation, the columns that fit at a
readable size, repeated headers, header and footer, and the height of rows whose text
wraps.

Text is 11 point (the workbooks' default font). A sheet printed "fit to one page wide"
is shrunk until its columns fit, so a wide sheet prints unreadably small; here a sheet
is fitted only while its text stays at least `MIN_SCALE` x 11 point (about 7.2 point).
A wider sheet prints its leading columns (the sheets put what a meeting reads first),
or, when every column matters, at that scale across several pages with its first
columns repeated on each. Widths follow xlsxwriter's own conversion of a column's width
in characters to pixels (7 pixels a character plus 5 of padding, Calibri 11), which is
also what Excel and LibreOffice read back.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from xlsxwriter.worksheet import Worksheet

from pipeline.words import word

MIN_SCALE = 0.65  # 11 point text printed at 7.2 point at least
LINE_POINTS = 15.0  # the height of a line of 11 point text
MAX_ROW_POINTS = 409.0  # the tallest row Excel allows
CHARS_PER_WIDTH = 1.2  # characters of running text a unit of column width holds
LIBREOFFICE_WIDER = 1.07  # LibreOffice's columns against Excel's, same width in characters
SAFETY = 0.98  # of a page's width counted on
MARGIN_SIDE, MARGIN_END, MARGIN_BAND = 0.4, 0.7, 0.3  # inches: sides, top and bottom, band
# xlsxwriter's paper index and the sheet's size in points, portrait.
PAPERS = {"carta": (1, 612.0, 792.0), "a4": (9, 595.0, 842.0)}
HEADER_ROOM = 250  # characters of the page header left for the title (Excel allows 255)


@dataclass(frozen=True)
class Paper:
    """The paper every workbook prints on (the configuration's [impresion] papel)."""

    name: str = "carta"

    @property
    def index(self) -> int:
        return PAPERS[self.name][0]

    def width(self, landscape: bool) -> float:
        """The printable width in points, within the margins."""
        _, short, long = PAPERS[self.name]
        return (long if landscape else short) - 2 * 72 * MARGIN_SIDE

    def height(self, landscape: bool) -> float:
        """The printable height in points, between the header and the footer."""
        _, short, long = PAPERS[self.name]
        return (short if landscape else long) - 2 * 72 * MARGIN_END


@dataclass(frozen=True)
class Printing:
    """What a sheet's printout says and where: the paper, the document's title (the page
    header) and the language of "Page 1 of 3"."""

    paper: Paper
    heading: str
    lang: str


def column_pixels(width: float) -> int:
    """A column `width` characters wide, in pixels (xlsxwriter's and Excel's reckoning)."""
    return int(width * 12 + 0.5) if width < 1 else int(width * 7 + 0.5) + 5


def column_points(width: float) -> float:
    """A column `width` characters wide, in points, as printed: xlsxwriter's pixels at 96
    dpi (Excel's own), and 7 % more, as LibreOffice lays them out (measured on its PDF
    export with Carlito, Calibri's metric twin): whichever client prints, it fits."""
    return column_pixels(width) * 0.75 * LIBREOFFICE_WIDER


def setup(sheet: Worksheet, printing: Printing, widths: Sequence[float], *,
          header_row: int | None = 0, last_row: int | None = None, select: bool = False,
          repeat_columns: int = 0, portrait: bool | None = None,
          area_rows: int | None = None) -> float:
    """Set how `sheet` prints; the scale its text prints at.

    The orientation whose page holds the columns largest (portrait while they fit
    unshrunk, landscape otherwise, unless `portrait` says). Columns that fit at
    `MIN_SCALE` or more are fitted to the page width. Wider: with `select`, only the
    leading columns that fit (the print area, rows 0 to `last_row`); otherwise every
    column, on as few pages across as keep the text at `MIN_SCALE` or more, the first
    `repeat_columns` on each. `area_rows`: print only rows 0 to it."""
    total = sum(column_points(w) for w in widths) or 1.0
    paper = printing.paper
    if portrait is None:
        portrait = total <= paper.width(False)
    page = paper.width(not portrait)
    scale = min(1.0, page / total)
    if not portrait:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper(paper.index)
    sheet.set_margins(left=MARGIN_SIDE, right=MARGIN_SIDE, top=MARGIN_END,
                      bottom=MARGIN_END)
    if scale >= MIN_SCALE:
        _fit(sheet, scale)
    elif select:
        fitted = _leading(widths, page / MIN_SCALE)
        sheet.print_area(0, 0, last_row if last_row is not None else 1_048_575, fitted - 1)
        scale = min(1.0, page / sum(column_points(w) for w in widths[:fitted]))
        _fit(sheet, scale)
    else:
        scale = _across(widths, repeat_columns, page)
        sheet.set_print_scale(int(scale * 100))
        if repeat_columns:
            sheet.repeat_columns(0, repeat_columns - 1)
    if area_rows is not None and not select:
        sheet.print_area(0, 0, area_rows, len(widths) - 1)
    if header_row is not None:
        sheet.repeat_rows(header_row)
    bands(sheet, printing)
    return scale


def _across(widths: Sequence[float], repeat: int, page: float) -> float:
    """The largest scale (in whole percent, `MIN_SCALE` at least) at which the columns
    take no more pages across than they do at `MIN_SCALE`: the pages as full as they can
    be, no page left holding a last column or two."""
    points = [column_points(w) for w in widths]
    fewest = _pages_across(points, repeat, page / MIN_SCALE)
    for percent in range(100, math.ceil(MIN_SCALE * 100) - 1, -1):
        room = SAFETY * page * 100 / percent
        if _pages_across(points, repeat, room) <= fewest:
            return percent / 100
    return MIN_SCALE


def _pages_across(points: Sequence[float], repeat: int, room: float) -> int:
    """How many pages across the columns take, each page `room` points wide and starting
    with the first `repeat` columns, a page breaking before a column that does not fit
    (as Excel and LibreOffice break them)."""
    repeated = sum(points[:repeat])
    pages, used = 1, repeated
    for width in points[repeat:]:
        if used + width > room and used > repeated:
            pages, used = pages + 1, repeated
        used += width
    return pages


def _fit(sheet: Worksheet, scale: float) -> None:
    """One page wide: shrunk to fit when wider, at its own size when narrower (a "fit to
    width" that LibreOffice would also use to enlarge a narrow sheet)."""
    if scale < 1.0:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(100)


def bands(sheet: Worksheet, printing: Printing) -> None:
    """The page header (the document's title) and footer (the sheet's name, the page)."""
    title = _fitted(printing.heading, HEADER_ROOM)
    sheet.set_header(f"&L&8{title}", {"margin": MARGIN_BAND})
    page = word("print.page", printing.lang, page="&P", pages="&N")
    sheet.set_footer(f"&L&8&A&R&8{page}", {"margin": MARGIN_BAND})


def _fitted(text: str, room: int) -> str:
    """`text` with its ampersands doubled (a lone one is a control code), cut with an
    ellipsis to `room` characters: Excel refuses a header longer than 255."""
    escaped = text.replace("&", "&&")
    if len(escaped) <= room:
        return escaped
    cut = escaped[: room - 1]
    if (len(cut) - len(cut.rstrip("&"))) % 2:
        cut = cut[:-1]
    return cut + "…"


def _leading(widths: Sequence[float], room: float) -> int:
    """How many leading columns fit in `room` points (at least one)."""
    used, count = 0.0, 0
    for width in widths:
        used += column_points(width)
        if used > room:
            break
        count += 1
    return max(1, count)


def lines(texts: pd.Series, width: float) -> pd.Series:
    """The lines each text takes in a column `width` characters wide that wraps it."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    return pd.Series([len(t) // per_line + 1 + t.count("\n")  # (one pass, no call per text)
                      for t in texts.fillna("").astype(str).tolist()],
                     index=texts.index, dtype=np.int64)


def row_heights(table: pd.DataFrame, widths: Mapping[str, float]) -> list[float]:
    """The height in points of each row of `table` whose columns in `widths` wrap: as
    many lines as its longest text takes (LibreOffice does not grow a row whose height
    is not written; its text would overlap the next row)."""
    if not len(table) or not widths:
        return [LINE_POINTS] * len(table)
    most = np.ones(len(table), dtype=np.int64)
    for column, width in widths.items():
        most = np.maximum(most, lines(table[column], width).to_numpy())
    return np.minimum(MAX_ROW_POINTS, LINE_POINTS * most).tolist()


HEADER_WIDER = 1.3  # a bold header's text against running text; also room for a font
# with wider letters than Calibri's (LibreOffice without Carlito)


def header_height(text: str, width: float) -> float:
    """The height in points of a bold header in a column `width` characters wide that
    wraps it: its words laid out line by line, each line holding fewer characters than
    running text does. Counted short, a wrapped header's second line prints over the
    first value (LibreOffice keeps the row height it is given)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH / HEADER_WIDER))
    count = 0
    for paragraph in text.split("\n"):
        used = 0
        count += 1
        for each in paragraph.split():
            if used and used + 1 + len(each) > per_line:
                count += 1
                used = 0
            used = used + (1 if used else 0) + len(each)
            while used > per_line:  # a word longer than a line breaks within it
                count += 1
                used -= per_line
    return min(MAX_ROW_POINTS, LINE_POINTS * max(1, count))


def text_height(text: str, width: float) -> float:
    """The height in points of one text in a column `width` characters wide (as
    `row_heights` counts it, for one cell: no table built for a single text)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    count = max(1, len(text) // per_line + 1 + text.count("\n"))
    return min(MAX_ROW_POINTS, LINE_POINTS * count)
