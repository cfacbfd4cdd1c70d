"""A look at an .xlsx/.xlsm workbook's sheets before any reader builds them.

A sheet's cells are spread over a rectangle from A1 to its last cell; a reader that
builds that rectangle (python-calamine does) needs memory for every cell of it. One
stray cell at XFD100000 makes a 17 KB file ask for 52 GB. So each sheet's XML is read
once, in chunks (memory stays small however large the sheet), and from it we learn:

- its extent (last row and column holding a cell) and how many cells it holds, so that
  a sheet whose rectangle is mostly empty is read cell by cell instead (`sparse`);
- its merged ranges (for the cell-by-cell reader);
- the cells whose formula was saved without a computed value (docs/contract.md §3.2):
  python-calamine gives nothing for them, indistinguishable from a blank cell.

The zip directory was checked for bombs before (files.refuse_reason).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.model.columns import column_index

SCANNED = {".xlsx", ".xlsm"}
# A rectangle above this many cells, and more than this many times the cells it holds, is
# read cell by cell: a few stray cells far from the data cost nothing then.
SPARSE_FROM = 1_000_000
SPARSE_RATIO = 4
_CHUNK = 1 << 20

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>", re.S)
_NAME = re.compile(rb'\bname="([^"]*)"')
_RID = re.compile(rb'\br:id="([^"]*)"|\b\w+:id="([^"]*)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>", re.S)
_ID = re.compile(rb'\bId="([^"]*)"')
_TARGET = re.compile(rb'\bTarget="([^"]*)"')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_HAS_VALUE = re.compile(rb"<v>[^<]|<is>")
# A cell's or a row's reference (no letters for a row), found in one pass from the
# character before it: any that is not a letter or digit, as `\b` allowed (a sheet
# whose attributes are run together, `t="s"r="XFD9"`, still opens in python-calamine).
# Two passes each led by `\b`, which the search cannot skip ahead to, took twice as long.
_REFERENCE = re.compile(rb'\Wr="([A-Z]{0,3})(\d{1,7})"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


@dataclass
class SheetScan:
    member: str = ""  # the sheet's part in the zip (xl/worksheets/sheet1.xml)
    rows: int = 0  # the last row holding a cell (1-based)
    columns: int = 0  # the last column holding a cell (1-based)
    cells: int = 0
    no_value: set[tuple[int, int]] = field(default_factory=set)  # (row, column), 0-based
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    @property
    def sparse(self) -> bool:
        """Whether building the sheet's rectangle would cost far more than its cells."""
        extent = self.rows * self.columns
        return extent > SPARSE_FROM and extent > SPARSE_RATIO * max(self.cells, 1)

    @property
    def last_cell(self) -> str:
        from pipeline.model.columns import column_letter

        return f"{column_letter(max(self.columns - 1, 0))}{self.rows}"


def scan_workbook(path: Path) -> dict[str, SheetScan]:
    """Every sheet of the workbook by name ({} for other formats, or when its parts cannot
    be found: the reader then tells what is wrong)."""
    if path.suffix.lower() not in SCANNED:
        return {}
    try:
        with zipfile.ZipFile(path) as archive:
            return {name: _scan_sheet(archive, member)
                    for name, member in _sheet_members(archive).items()}
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return {}


def _scan_sheet(archive: zipfile.ZipFile, member: str) -> SheetScan:
    scan = SheetScan(member)
    columns: set[bytes] = set()
    pending = b""
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            pending += chunk
            cut = pending.rfind(b"<c ")
            if cut > 0:  # cut before the last cell, which may be incomplete
                _scan_chunk(pending[:cut], scan, columns)
                pending = pending[cut:]
            elif len(pending) > 8 * _CHUNK:  # no cell in 8 MB: not a normal sheet
                _scan_chunk(pending, scan, columns)
                pending = b""
    _scan_chunk(pending, scan, columns)
    scan.columns = max((column_index(c.decode()) + 1 for c in columns), default=0)
    return scan


def _scan_chunk(data: bytes, scan: SheetScan, columns: set[bytes]) -> None:
    scan.cells += data.count(b"<c ") + data.count(b"<c>")
    found = _REFERENCE.findall(data)
    if found:
        columns.update(letters for letters, _ in found if letters)
        scan.rows = max(scan.rows, max(map(int, {row for _, row in found})))
    if b"<mergeCell" in data:
        for c1, r1, c2, r2 in _MERGE.findall(data):
            scan.merges.append(((int(r1) - 1, column_index(c1.decode())),
                                (int(r2) - 1, column_index(c2.decode()))))
    if b"<f" in data:
        for match in _CELL.finditer(data):
            body = match.group(2) or b""
            if b"<f" not in body or _HAS_VALUE.search(body):
                continue
            ref = _REF.search(match.group(1))
            if ref:
                scan.no_value.add((int(ref.group(2)) - 1, column_index(ref.group(1).decode())))


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the zip, from the workbook and its relationships."""
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets: dict[bytes, bytes] = {}
    for attrs in _REL.findall(rels):
        ident, found = _ID.search(attrs), _TARGET.search(attrs)
        if ident and found:
            targets[ident.group(1)] = found.group(1)
    members = {}
    for attrs in _SHEET.findall(workbook):
        name, rid = _NAME.search(attrs), _RID.search(attrs)
        target = targets.get(rid.group(1) or rid.group(2)) if rid else None
        if name is None or target is None:
            continue
        text = target.decode("utf-8", "replace")
        member = text.lstrip("/") if text.startswith("/") else posixpath.normpath(f"xl/{text}")
        if member in archive.NameToInfo:
            members[_unescape(name.group(1))] = member
    return members


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"),
                         ("&amp;", "&")):
        text = text.replace(entity, char)
    return text
