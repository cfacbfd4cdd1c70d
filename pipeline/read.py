"""The read stage: one workbook file -> its matrix rows, each with its Excel row number.

Opened with python-calamine (fast, and its errors are the real ones). A workbook that
cannot be read is not an exception: it comes back refused, with a reason in both
languages. Values are returned as the cell holds them (text, number, date, bool);
normalizing is the next stage's job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from pipeline.columns import Header, find_header
from pipeline.files import refuse_reason
from pipeline.textnorm import fold

META_SHEET = "_seguimiento"
_FOOTNOTE = re.compile(r"^(?:\*|nota\b|notas\b|note\b|notes\b|fuente\b|source\b|\(\d\))", re.I)
_TOTALS = {"total", "totales", "total general", "subtotal", "grand total"}


@dataclass
class SheetRows:
    """The matrix found in one sheet."""

    hoja: str
    header: Header
    records: list[dict[str, object]]  # key -> raw value, plus "_fila" (Excel row)

    def cells(self) -> dict[str, tuple[str, str]]:
        """key -> (column letter, title as written)."""
        titles = self.header.titles
        return {k: (column_letter(c), titles[k]) for k, c in self.header.columns.items()}


@dataclass
class WorkbookRead:
    path: Path
    sheets: list[SheetRows] = field(default_factory=list)
    no_matrix: list[str] = field(default_factory=list)  # visible sheets with data, no header
    metadata: dict[str, str] = field(default_factory=dict)
    contact: dict[str, object] = field(default_factory=dict)
    refused: tuple[str, str] | None = None


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_workbook(path: Path) -> WorkbookRead:
    """Read every visible matrix sheet of a workbook; never raises for a bad file."""
    result = WorkbookRead(path)
    reason = refuse_reason(path)
    if reason:
        result.refused = reason
        return result
    try:
        _read_into(result)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine may raise a Rust panic
        result.sheets.clear()
        result.refused = _reason_for(exc)
    return result


def _reason_for(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, calamine.PasswordError):
        return ("está protegido con contraseña; quite la contraseña y envíelo de nuevo",
                "it is password-protected; remove the password and send it again")
    text = str(exc)
    if "detect file format" in text:
        return ("no es un libro de Excel ni de LibreOffice",
                "it is not an Excel or LibreOffice workbook")
    detail = text[:120]
    return (f"está dañado o incompleto ({detail})", f"it is damaged or truncated ({detail})")


def _read_into(result: WorkbookRead) -> None:
    workbook = calamine.CalamineWorkbook.from_path(str(result.path))
    try:
        visible = []
        for meta in workbook.sheets_metadata:
            if meta.name == META_SHEET:
                result.metadata = _read_metadata(workbook.get_sheet_by_name(meta.name))
            elif meta.visible == calamine.SheetVisibleEnum.Visible and (
                meta.typ == calamine.SheetTypeEnum.WorkSheet
            ):
                visible.append(meta.name)
        for name in visible:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            if name == result.metadata.get("hoja_matriz"):
                result.contact = _read_contact(rows, result.metadata)
            header = find_header(rows)
            if header is None:
                if name != result.metadata.get("hoja_instrucciones") and _has_data(rows):
                    result.no_matrix.append(name)
                continue
            merges = sheet.merged_cell_ranges or []
            result.sheets.append(SheetRows(name, header, _records(rows, header, merges)))
    finally:
        workbook.close()


def _read_metadata(sheet: calamine.CalamineSheet) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in sheet.to_python():
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
    for key in ("contacto_nombre", "contacto_institucion", "contacto_correo", "fecha_envio"):
        ref = meta.get(f"celda_{key}", "")
        match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        if not match:
            continue
        col = sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(match.group(1)))) - 1
        row = int(match.group(2)) - 1
        if row < len(rows) and col < len(rows[row]):
            contact[key] = rows[row][col]
    return contact


def _has_data(rows: list[list[object]]) -> bool:
    return any(cell not in ("", None) for row in rows[:200] for cell in row)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _records(
    rows: list[list[object]], header: Header, merges: list[tuple[tuple[int, int], tuple[int, int]]]
) -> list[dict[str, object]]:
    columns = header.columns
    merged_down = _merged_values(rows, header.row, merges, set(columns.values()))
    records: list[dict[str, object]] = []
    for r in range(header.row + 1, len(rows)):
        row = rows[r]
        record: dict[str, object] = {}
        for key, c in columns.items():
            value = row[c] if c < len(row) else None
            if _blank(value):
                # Only a merged cell takes the value above it: a blank that is not merged
                # stays blank (a missing responsible party must be flagged, not guessed).
                value = merged_down.get((r, c), value)
            record[key] = None if _blank(value) else value
        if _is_item(record, row):
            record["_fila"] = r + 1
            records.append(record)
    return records


def _merged_values(
    rows: list[list[object]],
    header_row: int,
    merges: list[tuple[tuple[int, int], tuple[int, int]]],
    columns: set[int],
) -> dict[tuple[int, int], object]:
    """(row, column) -> value for every cell covered by a merge below the header."""
    filled: dict[tuple[int, int], object] = {}
    for (r1, c1), (r2, _c2) in merges:
        if r2 <= header_row or c1 not in columns or r1 >= len(rows):
            continue
        value = rows[r1][c1] if c1 < len(rows[r1]) else None
        for r in range(max(r1, header_row + 1), r2 + 1):
            filled[(r, c1)] = value
    return filled


def _is_item(record: dict[str, object], row: list[object]) -> bool:
    """Blank rows, footnotes ("Nota: ...", "* ...") and total rows are not items."""
    values = [v for v in record.values() if v is not None]
    if not values:
        return False
    texts = [v for v in row if isinstance(v, str) and v.strip()]
    non_blank = [v for v in row if not _blank(v)]
    if len(non_blank) == 1 and texts and _FOOTNOTE.match(texts[0].strip()):
        return False
    first = fold(values[0]) if isinstance(values[0], str) else ""
    return not (first in _TOTALS and record.get("actividad") in (None, values[0]))


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
