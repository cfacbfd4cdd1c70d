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

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import cast

import python_calamine as calamine

from pipeline.model.columns import column_letter
from pipeline.model.text import file_name
from pipeline.read import refusals
from pipeline.read.continuation import join_continuations
from pipeline.read.csvfile import read_csv_rows
from pipeline.read.files import refuse_reason
from pipeline.read.header import find_header, key_reader, titles_found
from pipeline.read.rows import (
    Merge,
    Rows,
    SheetRows,
    contact_by_titles,
    has_data,
    head_and_rest,
    read_contact,
    read_metadata,
    records_of,
    row_width,
)
from pipeline.read.sheetscan import SheetScan, scan_workbook
from pipeline.read.sides import side_header, trusted_keys
from pipeline.read.sparse import SparseRows, visible_sheets
from validation import Issue, make_issue

META_SHEET = "_seguimiento"
HEAD_COLUMNS = 60  # of a sheet without a matrix, what is kept to say what it has
HEAD_CHARS = 300


@dataclass
class WorkbookRead:
    path: Path
    sheets: list[SheetRows] = field(default_factory=list)
    no_matrix: dict[str, list[str]] = field(default_factory=dict)  # sheet -> titles found
    # sheet -> its first rows, cut short, when no matrix is found in it (what it has)
    heads: dict[str, list[list[object]]] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    contact: dict[str, object] = field(default_factory=dict)
    contact_at: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> sheet, cell
    refused: tuple[str, str] | None = None
    skipped: tuple[str, str] | None = None  # read, and not a submission (the product's own)
    detail: str = ""  # the reader's own words, when it failed (for the log)
    issues: list[Issue] = field(default_factory=list)  # what reading the cells found
    # per-item side sheets (pipeline.model.sides): (kind, the rows found)
    sides: list[tuple[str, SheetRows]] = field(default_factory=list)
    titles: Mapping[str, str] = field(default_factory=dict)  # the workspace's: title -> key
    keyed: list[str] = field(default_factory=list)  # side sheets only the hidden key named


def read_workbook(path: Path, titles: Mapping[str, str] | None = None) -> WorkbookRead:
    """Read every visible matrix sheet of a file (the hidden ones when no visible sheet holds
    a matrix); never raises for a bad file. `titles` are the workspace's own column titles
    (folded title -> key, pipeline.read.titles.folded_titles)."""
    result = WorkbookRead(path, titles=dict(titles or {}))
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


def _open_calamine(path: Path) -> calamine.CalamineWorkbook:
    """The workbook for calamine, which takes a name only in UTF-8: a name the system
    holds in other bytes (Latin-1 from an old share, or any accent under an ASCII
    locale) is opened here and handed over open."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        with path.open("rb") as handle:
            return calamine.CalamineWorkbook.from_filelike(handle)
    return calamine.CalamineWorkbook.from_path(name)


def _read_into(result: WorkbookRead) -> None:
    scans = scan_workbook(result.path)
    try:
        workbook = _open_calamine(result.path)
    except calamine.CalamineError as exc:
        if "macrosheets" in str(exc) and scans:  # an Excel 4 macro sheet: read the others
            _read_without_calamine(result, scans)
            result.detail = f"{type(exc).__name__}: {exc}"[:500]
            return
        raise
    try:
        visible: list[str] = []
        hidden: list[str] = []
        for meta in workbook.sheets_metadata:
            if meta.name == META_SHEET:
                rows, _ = _sheet_rows(workbook, result.path, meta.name, scans)
                result.metadata = read_metadata(rows)
            elif meta.typ == calamine.SheetTypeEnum.WorkSheet:
                shown = meta.visible == calamine.SheetVisibleEnum.Visible
                (visible if shown else hidden).append(meta.name)
        result.metadata = trusted_keys(result.metadata, [*visible, *hidden])
        if (skipped := refusals.own_output([*visible, *hidden])) is not None:
            result.skipped = skipped
            return
        for name in visible:
            _take_sheet(result, name, *_sheet_rows(workbook, result.path, name, scans))
        _matrix_named_aside(result, lambda name: _sheet_rows(workbook, result.path, name,
                                                              scans))
        for name in hidden if not result.sheets else []:
            _take_hidden(result, name, *_sheet_rows(workbook, result.path, name, scans))
    finally:
        workbook.close()
    _formulas_without_value(result, scans)


def _read_without_calamine(result: WorkbookRead, scans: dict[str, SheetScan]) -> None:
    """Every worksheet read cell by cell (a workbook python-calamine cannot open)."""
    hidden: list[tuple[str, SheetScan]] = []
    states = {name: state for name, state in visible_sheets(result.path).items()
              if name in scans and not scans[name].member.startswith("xl/macrosheets/")}
    if META_SHEET in states:  # (the key first: it names the sheets, and a template's is last)
        result.metadata = trusted_keys(read_metadata(_Sparse(SparseRows(
            result.path, META_SHEET))), [n for n in states if n != META_SHEET])
    for name, state in states.items():
        scan = scans[name]
        if name == META_SHEET:
            continue
        if state == "visible":
            _take_sheet(result, name, _Sparse(SparseRows(result.path, name)), scan.merges)
        else:
            hidden.append((name, scan))
    _matrix_named_aside(result, lambda name: (_Sparse(SparseRows(result.path, name)),
                                              scans[name].merges))
    for name, scan in hidden if not result.sheets else []:
        _take_hidden(result, name, _Sparse(SparseRows(result.path, name)), scan.merges)
    _formulas_without_value(result, scans)


def _take_hidden(result: WorkbookRead, name: str, rows: Rows, merges: list[Merge]) -> None:
    """A hidden sheet, looked at only when no sheet in view holds a matrix: a matrix found
    there is read (a focal point who hid it by mistake loses nothing), and said hidden; a
    hidden sheet without one (dropdown lists) is nothing to tell."""
    if _take_sheet(result, name, rows, merges, hidden=True) is not None:
        result.issues.append(make_issue("hoja-oculta", archivo=result.path.name, hoja=name))


def _matrix_named_aside(result: WorkbookRead,
                        rows_of: Callable[[str], tuple[Rows, list[Merge]]]) -> None:
    """No sheet held a matrix, but one that only the hidden key made a side sheet has one:
    it is the matrix this file was sent for (a key typed over), read as the matrix. A file
    is never emptied of its commitments by its key."""
    if result.sheets:
        return
    for name in result.keyed:
        if _take_sheet(result, name, *rows_of(name), keyed=False) is not None:
            result.sides = [(kind, side) for kind, side in result.sides if side.hoja != name]


def _formulas_without_value(result: WorkbookRead, scans: dict[str, SheetScan]) -> None:
    for sheet_rows in [*result.sheets, *(side for _, side in result.sides)]:
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
        values = cast(list[object], row)  # (the cell types python-calamine gives)
        yield pad + values if first_col else values


def _read_csv(result: WorkbookRead) -> None:
    found = read_csv_rows(result.path)
    name = file_name(result.path)
    for line in found.mixed_lines:
        result.issues.append(make_issue("csv-codificacion-mixta", archivo=name, fila=line))
    sheet = _take_sheet(result, "", enumerate(found.rows), [], csv=True)
    if sheet is None:
        return
    width = row_width(found.rows[sheet.header.row])
    for r in sheet.misaligned:
        fields = found.rows[r][:row_width(found.rows[r])]
        result.issues.append(make_issue(
            "fila-desalineada", archivo=name, fila=r + 1,
            valor=found.delimiter.join(map(str, fields))[:300], campos=str(len(fields)),
            titulos=str(width), separador=found.delimiter))


def _take_sheet(result: WorkbookRead, name: str, rows: Rows, merges: list[Merge],
                csv: bool = False, hidden: bool = False, keyed: bool = True
                ) -> SheetRows | None:
    head, rest = head_and_rest(rows)
    if name and name == result.metadata.get("hoja_matriz"):
        result.contact = read_contact(head, result.metadata)
    elif not result.contact:  # the matrix sheet renamed: the block found by its titles
        cells: dict[str, str] = {}
        result.contact = contact_by_titles(head, cells)
        result.contact_at = {key: (name, cell) for key, cell in cells.items()}
    side = side_header(head, result.metadata if keyed else {}, name)
    if side is not None:  # an item's side sheet (observations): never a matrix
        kind, found = side
        if keyed and side_header(head, {}, name) is None:
            result.keyed.append(name)
        if isinstance(rows, _Sparse):
            rows.narrow(1 + max(*found.columns.values(), *found.extras.values(), 0))
        rows_of = chain(((r, row) for r, row in enumerate(head) if row), rest)
        side_rows = SheetRows(name, found, [])
        side_rows.records, _ = records_of(rows_of, found, merges)
        result.sides.append((kind.key, side_rows))
        return None
    key_of = key_reader(result.titles)
    header = find_header(head, key_of)
    if header is None:
        if keyed and not hidden and name != result.metadata.get("hoja_instrucciones") \
                and has_data(head):
            result.no_matrix[name] = titles_found(head, key_of)
            result.heads[name] = [[_short(v) for v in row[:HEAD_COLUMNS]] for row in head]
        return None
    if isinstance(rows, _Sparse):  # the columns past the matrix's are not kept
        rows.narrow(1 + max(*header.columns.values(), *header.extras.values()))
    pairs = chain(((r, row) for r, row in enumerate(head) if row), rest)
    # A CSV row with more values than titles has a separator inside a value: its values
    # would land in the wrong columns, so it is not read (an issue points at it).
    limit = row_width(head[header.row]) if csv else None
    sheet = SheetRows(name, header, [])
    untitled: dict[int, int] = {}
    records, sheet.misaligned = records_of(pairs, header, merges, limit, untitled)
    sheet.records = join_continuations(records)
    result.sheets.append(sheet)
    for c, r in sorted(untitled.items()):  # values under no title: said, not lost unseen
        letter = column_letter(c)
        result.issues.append(make_issue(
            "columna-sin-titulo", archivo=file_name(result.path), hoja=name,
            fila=header.row + 1, celda=f"{letter}{header.row + 1}",
            primera=f"{letter}{r + 1}"))
    return sheet


def _short(value: object) -> object:
    return value[:HEAD_CHARS] if isinstance(value, str) else value


def _formula_cells(scan: SheetScan, sheet: SheetRows) -> list[tuple[int, str]]:
    """A matrix's or side sheet's cells below its header that hold a formula with no stored
    value: in a row read, and in a row that reads as blank because its formulas are all it
    has (not an activity or a view, but not lost unseen either)."""
    if not scan.no_value:
        return []
    by_column = {c: key for key, c in sheet.header.columns.items()}
    return sorted((r + 1, by_column[c]) for r, c in scan.no_value
                  if c in by_column and r > sheet.header.row)
