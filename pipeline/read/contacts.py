"""The contacts file the secretariat keeps (`contactos.xlsx`, or a CSV): one row per
person, its titles matched like any matrix title (folded, any order, Spanish or
English). Only read here; what the rows mean is pipeline.mail.contacts'."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pipeline.model.text import file_name, fold_title, normalize_text
from pipeline.read.csvfile import read_csv_rows

MAX_CONTACT_ROWS = 5_000  # a secretariat's address book, not a mailing list
HEADER_ROWS = 10  # the titles are looked for in the first rows
TITLES = {
    "parte": ("parte", "party", "parte responsable", "responsible party", "informante",
              "reporter", "pais", "country", "organizacion", "organization"),
    "nombre": ("nombre", "name", "persona", "person", "nombre completo", "full name"),
    "correo": ("correo", "e mail", "email", "correo electronico", "mail", "direccion",
               "email address", "e mail address"),
    "idioma": ("idioma", "language", "lengua", "lang"),
    "copia": ("copia", "copy", "cc", "en copia", "con copia", "in copy"),
}
_INDEX = {fold_title(alias): key for key, aliases in TITLES.items() for alias in aliases}
REQUIRED = ("parte", "correo")


@dataclass
class ContactRows:
    """The rows of a contacts file under its titles, each with its Excel row number."""

    archivo: str
    hoja: str
    columns: dict[str, str] = field(default_factory=dict)  # key -> column letter
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    missing: tuple[str, ...] = ()  # required titles not found
    titles_seen: tuple[str, ...] = ()  # what the first rows hold, to say what was found
    truncated: bool = False  # more rows than MAX_CONTACT_ROWS


def read_contact_rows(path: Path) -> ContactRows:
    """The contacts of `path` (.xlsx or .csv). OSError and ValueError for a file that
    cannot be read as either (the caller tells it)."""
    if path.suffix.lower() == ".csv":
        return _from_rows(file_name(path), "", read_csv_rows(path).rows)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        best: ContactRows | None = None
        for sheet in book.worksheets:
            found = _from_rows(file_name(path), sheet.title,
                               sheet.iter_rows(max_row=MAX_CONTACT_ROWS + HEADER_ROWS + 1,
                                               values_only=True))
            if not found.missing:
                return found
            best = best or found
        return best or ContactRows(file_name(path), "", missing=REQUIRED)
    finally:
        book.close()


def _from_rows(archivo: str, hoja: str, rows: Iterable[Sequence[object]]) -> ContactRows:
    table = ContactRows(archivo, hoja)
    header_at: int | None = None
    seen: list[str] = []
    positions: dict[str, int] = {}
    for number, values in enumerate(rows, start=1):
        cells = [normalize_text(v) for v in values]
        if header_at is None:
            keys = {_INDEX.get(fold_title(c)): i for i, c in enumerate(cells) if c}
            keys.pop(None, None)
            seen += [c for c in cells if c][:8]
            if all(k in keys for k in REQUIRED):
                header_at = number
                table.columns = {str(k): get_column_letter(i + 1) for k, i in keys.items()}
                positions = {str(k): i for k, i in keys.items()}
            elif number >= HEADER_ROWS:
                break
            continue
        if len(table.rows) >= MAX_CONTACT_ROWS:
            table.truncated = True
            break
        record = {k: cells[i] if i < len(cells) else "" for k, i in positions.items()}
        if any(record.values()):
            table.rows.append((number, record))
    if header_at is None:
        table.missing = REQUIRED
        table.titles_seen = tuple(seen[:8])
    return table
