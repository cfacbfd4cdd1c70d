"""The read stage: one input file -> its matrix rows, each with its Excel row number.

Workbooks are opened with python-calamine (fast, and its errors are the real ones). An
.xlsx sheet whose rectangle is mostly empty (stray cells far from the data, a header far
wider than its data) is read cell by cell instead (pipeline.read.sheetscan says which,
pipeline.read.sparse reads it): it costs what its cells cost. A file that cannot be read is
not an exception: it comes back refused, with a reason in both languages. Values are
returned as the cell holds them (text, number, date, bool); normalizing is the next
stage's job.

Rows travel as (0-based row index, values): the index is the Excel row less one, and a
reader may leave out rows that hold nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import python_calamine as calamine

from pipeline.model.columns import (
    HEADER_SCAN_ROWS,
    Header,
    column_index,
    column_letter,
    find_header,
    titles_found,
)
from pipeline.normalize.text import fold
from pipeline.read import refusals
from pipeline.read.csvfile import read_csv_rows
from pipeline.read.files import refuse_reason
from pipeline.read.sheetscan import SheetScan, scan_workbook
from pipeline.read.sparse import SparseRows, visible_sheets
from validation import Issue, make_issue

META_SHEET = "_seguimiento"
_FOOTNOTE = re.compile(r"^(?:\*|nota\b|notas\b|note\b|notes\b|fuente\b|source\b|\(\d\))", re.I)
_TOTALS = {"total", "totales", "total general", "subtotal", "grand total"}
Merge = tuple[tuple[int, int], tuple[int, int]]
Rows = Iterator[tuple[int, list[object]]]  # (0-based row index, values)


@dataclass
class SheetRows:
    """The matrix found in one sheet."""

    hoja: str
    header: Header
    records: list[dict[str, object]]  # key -> raw value, "_fila" (Excel row), "_extra"
    no_value: list[tuple[int, str]] = field(default_factory=list)  # (fila, key) formulas
    misaligned: list[int] = field(default_factory=list)  # rows not read (0-based)

    def cells(self) -> dict[str, tuple[str, str]]:
        """key -> (column letter, title as written)."""
        titles = self.header.titles
        return {k: (column_letter(c), titles[k]) for k, c in self.header.columns.items()}


@dataclass
class WorkbookRead:
    path: Path
    sheets: list[SheetRows] = field(default_factory=list)
    no_matrix: dict[str, list[str]] = field(default_factory=dict)  # sheet -> titles found
    metadata: dict[str, str] = field(default_factory=dict)
    contact: dict[str, object] = field(default_factory=dict)
    refused: tuple[str, str] | None = None
    detail: str = ""  # the reader's own words, when it failed (for the log)
    issues: list[Issue] = field(default_factory=list)  # what reading the cells found


def read_workbook(path: Path) -> WorkbookRead:
    """Read every visible matrix sheet of a file; never raises for a bad file."""
    result = WorkbookRead(path)
    reason = refuse_reason(path) or (refusals.PASSWORD if refusals.obfuscated(path) else None)
    if reason:
        result.refused = reason
        return result
    try:
        if path.suffix.lower() == ".csv":
            _read_csv(result)
        else:
            _read_into(result)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine may raise a Rust panic
        result.sheets.clear()
        result.refused = refusals.reason_for(exc, path)
        result.detail = f"{type(exc).__name__}: {exc}"[:500]
    return result


def _read_into(result: WorkbookRead) -> None:
    scans = scan_workbook(result.path)
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(result.path))
    except calamine.CalamineError as exc:
        if "macrosheets" in str(exc) and scans:  # an Excel 4 macro sheet: read the others
            _read_without_calamine(result, scans)
            result.detail = f"{type(exc).__name__}: {exc}"[:500]
            return
        raise
    try:
        visible = []
        for meta in workbook.sheets_metadata:
            if meta.name == META_SHEET:
                rows, _ = _sheet_rows(workbook, result.path, meta.name, scans)
                result.metadata = _read_metadata(rows)
            elif meta.visible == calamine.SheetVisibleEnum.Visible and (
                meta.typ == calamine.SheetTypeEnum.WorkSheet
            ):
                visible.append(meta.name)
        for name in visible:
            _take_sheet(result, name, *_sheet_rows(workbook, result.path, name, scans))
    finally:
        workbook.close()
    _formulas_without_value(result, scans)


def _read_without_calamine(result: WorkbookRead, scans: dict[str, SheetScan]) -> None:
    """Every worksheet read cell by cell (a workbook python-calamine cannot open)."""
    for name, state in visible_sheets(result.path).items():
        scan = scans.get(name)
        if scan is None or scan.member.startswith("xl/macrosheets/"):
            continue
        rows = _Sparse(SparseRows(result.path, name))
        if name == META_SHEET:
            result.metadata = _read_metadata(rows)
        elif state == "visible":
            _take_sheet(result, name, rows, scan.merges)
    _formulas_without_value(result, scans)


def _formulas_without_value(result: WorkbookRead, scans: dict[str, SheetScan]) -> None:
    for sheet_rows in result.sheets:
        scan = scans.get(sheet_rows.hoja)
        sheet_rows.no_value = _formula_cells(scan, sheet_rows) if scan else []


def _sheet_rows(workbook: calamine.CalamineWorkbook, path: Path, name: str,
                scans: dict[str, SheetScan]) -> tuple[Rows, list[Merge]]:
    """A sheet's rows and merged ranges; cell by cell where its rectangle is mostly empty."""
    scan = scans.get(name)
    if scan is not None and scan.sparse:
        return _Sparse(SparseRows(path, name)), scan.merges
    sheet = workbook.get_sheet_by_name(name)
    return enumerate(_absolute_rows(sheet)), sheet.merged_cell_ranges or []


class _Sparse:
    """SparseRows as the rows of a sheet, narrowed to the matrix's columns once its header
    is known."""

    def __init__(self, rows: SparseRows) -> None:
        self.rows = rows
        self.iterator = iter(rows)

    def __iter__(self) -> _Sparse:
        return self

    def __next__(self) -> tuple[int, list[object]]:
        return next(self.iterator)

    def narrow(self, width: int) -> None:
        self.rows.width = width


def _absolute_rows(sheet: calamine.CalamineSheet) -> Iterator[list[object]]:
    """Rows from A1 on: calamine's rows start at row 1 but at the first used column."""
    first_col = sheet.start[1] if sheet.start else 0
    pad: list[object] = [""] * first_col
    for row in sheet.iter_rows():
        yield pad + row if first_col else row


def _read_csv(result: WorkbookRead) -> None:
    found = read_csv_rows(result.path)
    name = result.path.name
    for line in found.mixed_lines:
        result.issues.append(make_issue("csv-codificacion-mixta", archivo=name, fila=line))
    sheet = _take_sheet(result, "", enumerate(found.rows), [], csv=True)
    if sheet is None:
        return
    width = _width(found.rows[sheet.header.row])
    for r in sheet.misaligned:
        fields = found.rows[r][:_width(found.rows[r])]
        result.issues.append(make_issue(
            "fila-desalineada", archivo=name, fila=r + 1,
            valor=found.delimiter.join(map(str, fields))[:300], campos=str(len(fields)),
            titulos=str(width), separador=found.delimiter))


def _take_sheet(result: WorkbookRead, name: str, rows: Rows, merges: list[Merge],
                csv: bool = False) -> SheetRows | None:
    head, rest = _head(rows)
    if name and name == result.metadata.get("hoja_matriz"):
        result.contact = _read_contact(head, result.metadata)
    header = find_header(head)
    if header is None:
        if name != result.metadata.get("hoja_instrucciones") and _has_data(head):
            result.no_matrix[name] = titles_found(head)
        return None
    if isinstance(rows, _Sparse):  # the columns past the matrix's are not kept
        rows.narrow(1 + max(*header.columns.values(), *header.extras.values()))
    pairs = chain(((r, row) for r, row in enumerate(head) if row), rest)
    # A CSV row with more values than titles has a separator inside a value: its values
    # would land in the wrong columns, so it is not read (an issue points at it).
    limit = _width(head[header.row]) if csv else None
    sheet = SheetRows(name, header, [])
    sheet.records, sheet.misaligned = _records(pairs, header, merges, limit)
    result.sheets.append(sheet)
    return sheet


def _width(row: list[object]) -> int:
    """How many values a row has, blank ones at its end not counted."""
    width = len(row)
    while width and _blank(row[width - 1]):
        width -= 1
    return width


def _head(rows: Rows) -> tuple[list[list[object]], Rows]:
    """The first rows of a sheet, where the header is looked for, as a list by row index
    (a row a reader left out is empty), and the rows after them."""
    head: list[list[object]] = [[] for _ in range(HEADER_SCAN_ROWS)]
    for r, row in rows:
        if r >= HEADER_SCAN_ROWS:
            return head, chain([(r, row)], rows)
        head[r] = row
    return head, iter(())


def _read_metadata(rows: Rows) -> dict[str, str]:
    meta: dict[str, str] = {}
    for _, row in rows:
        if len(row) >= 2 and isinstance(row[0], str) and row[0]:
            value = row[1]
            meta[row[0]] = value if isinstance(value, str) else _plain(value)
    return meta


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _read_contact(rows: list[list[object]], meta: dict[str, str]) -> dict[str, object]:
    """The submission block of the template: name, institution, e-mail, date."""
    contact: dict[str, object] = {}
    for key in ("contacto_nombre", "contacto_institucion", "contacto_correo",
                "contacto_telefono", "fecha_envio"):
        match = re.fullmatch(r"([A-Z]+)(\d+)", meta.get(f"celda_{key}", ""))
        if not match:
            continue
        col = column_index(match.group(1))
        row = int(match.group(2)) - 1
        if row < len(rows) and col < len(rows[row]):
            contact[key] = rows[row][col]
    return contact


def _has_data(rows: list[list[object]]) -> bool:
    return any(not _blank(cell) for row in rows for cell in row)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _records(rows: Iterable[tuple[int, list[object]]], header: Header, merges: list[Merge],
             limit: int | None = None) -> tuple[list[dict[str, object]], list[int]]:
    """The items of the rows below the header, and the rows longer than `limit`."""
    columns = header.columns
    wanted = {*columns.values(), *header.extras.values()}
    # Extra columns by position: a row is looked at only as far as it goes (a thousand
    # titled columns over a few filled ones cost what the filled ones cost).
    extras = sorted((c, t) for t, c in header.extras.items())
    extra_at = [c for c, _ in extras]
    # Merges by their top row, for the columns we read: (first row, column) -> last row.
    starts = {(r1, c1): r2 for (r1, c1), (r2, _c2) in merges if c1 in wanted and r2 > r1}
    active: dict[int, tuple[object, int]] = {}  # column -> (merged value, last row)
    records: list[dict[str, object]] = []
    misaligned: list[int] = []
    for r, row in rows:
        if limit is not None and r > header.row and _width(row) > limit:
            misaligned.append(r)
            continue
        if starts:
            for c in wanted:
                if (r, c) in starts:
                    active[c] = (row[c] if c < len(row) else None, starts[(r, c)])
        if r <= header.row or not (any(row) or _merged_at(active, r)):
            continue  # a blank row (by far the most of a sheet with a stray cell far below)

        def value_at(c: int, r: int = r, row: list[object] = row, n: int = len(row)) -> object:
            value = row[c] if c < n else None
            if value is None or value == "" or (type(value) is str and value.isspace()):
                # Only a merged cell takes the value of its merge: a blank that is not
                # merged stays blank (a missing responsible party must be flagged).
                if c in active and r <= active[c][1] and not _blank(active[c][0]):
                    return active[c][0]
                return None
            return value

        record: dict[str, object] = {key: value_at(c) for key, c in columns.items()}
        if _is_item(record, row):
            reach = bisect.bisect_left(extra_at, len(row))
            found = {t: value_at(c) for c, t in extras[:reach]}
            for c, t in extras[reach:] if active else ():  # past the row: merged cells only
                if c in active:
                    found[t] = value_at(c)
            record["_extra"] = {t: v for t, v in found.items() if v is not None}
            record["_fila"] = r + 1
            records.append(record)
    return records, misaligned


def _merged_at(active: dict[int, tuple[object, int]], r: int) -> bool:
    return any(r <= last for _, last in active.values())


def _is_item(record: dict[str, object], row: list[object]) -> bool:
    """Blank rows, footnotes ("Nota: ...", "* ...") and total rows are not items."""
    values = [v for v in record.values() if v is not None]
    if not values:
        return False
    first_text = next((v.strip() for v in row if isinstance(v, str) and v.strip()), "")
    if first_text and _FOOTNOTE.match(first_text) and sum(
            not _blank(v) for v in row) == 1:
        return False
    first = values[0]
    if not isinstance(first, str) or len(first) > 20 or first.strip()[:1].lower() not in "tsg":
        return True  # cheap test first: a total row starts "Total", "Subtotal", "Grand"
    return not (fold(first) in _TOTALS and record.get("actividad") in (None, first))


def _formula_cells(scan: SheetScan, sheet: SheetRows) -> list[tuple[int, str]]:
    """Matrix cells of data rows that hold a formula with no stored value."""
    if not scan.no_value:
        return []
    by_column = {c: key for key, c in sheet.header.columns.items()}
    rows = {int(str(rec["_fila"])) for rec in sheet.records}
    return sorted((r + 1, by_column[c]) for r, c in scan.no_value
                  if c in by_column and r + 1 in rows)


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
