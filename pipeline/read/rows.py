"""From a sheet's rows to its matrix: the rows a header was looked for in, the items below
it (merged cells, blank, footnote and total rows), the template's metadata and submission
block. Rows travel as (0-based row index, values); a reader may leave out rows that hold
nothing."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from pipeline.model.columns import column_index, column_letter
from pipeline.model.text import fold, fold_title
from pipeline.model.values import read_text
from pipeline.read.header import HEADER_SCAN_ROWS, Header
from pipeline.words import both

_FOOTNOTE = re.compile(r"^(?:\*|nota\b|notas\b|note\b|notes\b|fuente\b|source\b|\(\d\))", re.I)
_COUNT = re.compile(r"^[\d.,\s%]+$")  # 4, 1.234, 75 %
_COUNT_LIKE = re.compile(r"^(?=.*\d)[\w\s.,:;%/()+\-]{1,30}$")  # 14 actividades, 3 de 4
_NO_FIGURE = {"-", "–", "—", "n/a", "na", "s/d", "n/d", "nd"}
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


def row_width(row: list[object]) -> int:
    """How many values a row has, blank ones at its end not counted."""
    width = len(row)
    while width and _blank(row[width - 1]):
        width -= 1
    return width


def head_and_rest(rows: Rows) -> tuple[list[list[object]], Rows]:
    """The first rows of a sheet, where the header is looked for, as a list by row index
    (a row a reader left out is empty), and the rows after them."""
    head: list[list[object]] = [[] for _ in range(HEADER_SCAN_ROWS)]
    for r, row in rows:
        if r >= HEADER_SCAN_ROWS:
            return head, chain([(r, row)], rows)
        head[r] = row
    return head, iter(())


def read_metadata(rows: Rows) -> dict[str, str]:
    meta: dict[str, str] = {}
    for _, row in rows:
        if len(row) >= 2 and isinstance(row[0], str) and row[0]:
            value = row[1]
            meta[row[0]] = value if isinstance(value, str) else read_text(value)
    return meta


CONTACT_KEYS = ("contacto_nombre", "contacto_institucion", "contacto_correo",
                "contacto_telefono", "fecha_envio")
VALUE_REACH = 4  # cells right of a block's title its value may be in (merged titles)


def read_contact(rows: list[list[object]], meta: dict[str, str]) -> dict[str, object]:
    """The submission block of the template: name, institution, e-mail, date."""
    contact: dict[str, object] = {}
    for key in CONTACT_KEYS:
        match = re.fullmatch(r"([A-Z]+)(\d+)", meta.get(f"celda_{key}", ""))
        if not match:
            continue
        col = column_index(match.group(1))
        row = int(match.group(2)) - 1
        if row < len(rows) and col < len(rows[row]):
            contact[key] = rows[row][col]
    return contact


def contact_by_titles(rows: list[list[object]], where: dict[str, str] | None = None
                      ) -> dict[str, object]:
    """The submission block found by its titles ("Nombre de quien informa", "Institución",
    "Fecha de envío (dd/mm/aaaa)", in either language), wherever they are: a sheet renamed
    or moved still tells who signed and when. Each value is the first one right of its
    title; a title with none is a block left blank. Nothing when no title is there. Into
    `where`, when given: each value's cell (G7), for what is told of it."""
    titles = _contact_titles()
    contact: dict[str, object] = {}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            key = titles.get(fold_title(cell)) if isinstance(cell, str) and cell else None
            if key is None or key in contact:
                continue
            found = [(n, v) for n, v in enumerate(row[c + 1:c + 1 + VALUE_REACH], start=c + 1)
                     if not _blank(v)]
            contact[key] = found[0][1] if found else None
            if where is not None and found:
                where[key] = f"{column_letter(found[0][0])}{r + 1}"
    return contact


@functools.cache
def _contact_titles() -> dict[str, str]:
    """The submission block's titles (folded), in either language -> their key."""
    return {fold_title(text): key for key in CONTACT_KEYS for text in both(f"template.{key}")}


def has_data(rows: list[list[object]]) -> bool:
    return any(not _blank(cell) for row in rows for cell in row)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def records_of(rows: Iterable[tuple[int, list[object]]], header: Header, merges: list[Merge],
             limit: int | None = None, untitled: dict[int, int] | None = None,
             ) -> tuple[list[dict[str, object]], list[int]]:
    """The items of the rows below the header, and the rows longer than `limit`. Into
    `untitled`, when given: each column among the titled ones that has no title of its own
    (its title cell blank, or merged into its neighbour's) but values in an item's row,
    and the first such row (they are not read: the column is not known)."""
    columns = header.columns
    wanted = {*columns.values(), *header.extras.values()}
    gaps = [c for c in range(max(wanted, default=-1)) if c not in wanted]
    # Extra columns by position: a row is looked at only as far as it goes (a thousand
    # titled columns over a few filled ones cost what the filled ones cost).
    extras = sorted((c, t) for t, c in header.extras.items())
    extra_at = [c for c, _ in extras]
    # Merges by their top row, for the columns we read: (first row, column) -> last row;
    # not a title's (a header two rows tall: the row under it is part of the titles).
    starts = {(r1, c1): r2 for (r1, c1), (r2, _c2) in merges
              if c1 in wanted and r2 > r1 and r1 > header.row}
    active: dict[int, tuple[object, int]] = {}  # column -> (merged value, last row)
    records: list[dict[str, object]] = []
    misaligned: list[int] = []
    for r, row in rows:
        if limit is not None and r > header.row and row_width(row) > limit:
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
            if untitled is not None:  # (no gap in a sheet whose every column is titled;
                # only those the row reaches: a title far to the right leaves thousands)
                for c in gaps[:bisect.bisect_left(gaps, len(row))]:
                    if not _blank(row[c]) and c not in untitled:
                        untitled[c] = r
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
    """Blank rows, notes ("Nota: ...", "* ...", "(1) ...") and totals rows are not items,
    whatever column holds their word and whatever their counts look like. An activity
    whose text begins like one ("Total de retornos registrados", "* Taller") is an item:
    other texts stand around it."""
    if all(v is None for v in record.values()):
        return False
    cells = [v for v in row if v is not None and not (isinstance(v, str) and not v.strip())]
    # (`not _blank(v)`, inline: called for every cell of every row)
    activity = record.get("actividad")
    no_activity = _blank(activity) or _is_count(activity)
    first_text = next((v.strip() for v in cells if isinstance(v, str)), "")
    if first_text and _FOOTNOTE.match(first_text) and (
            len(cells) == 1 or (no_activity and len(cells) <= 2)):
        return False  # a note, alone or beside its marker ("Nota:" | the note)
    label = next((v for v in cells if isinstance(v, str) and v.lstrip()[:1] in "tTsSgG"
                  and _is_total_label(v)), None)
    if label is None:
        return True
    others = [v for v in cells if v is not label]
    if activity is label:  # "Total" under the activity: an item only with texts around it
        return any(not _is_count(v) for v in others)
    # The word elsewhere and no activity: a totals row, unless the row holds an item's
    # texts (then it is an item without its activity, to be flagged).
    return not no_activity or sum(not _is_count(v) for v in others) >= 2


def _is_total_label(text: str) -> bool:
    return len(text) <= 40 and _is_short_total_label(text)


@functools.lru_cache(maxsize=1 << 14)
def _is_short_total_label(text: str) -> bool:
    """(Kept per text: a tracker's activities begin with "Taller", "Seguimiento"... in
    every file.)"""
    folded = fold(text)
    return bool(folded) and (
        folded in _TOTALS or folded.split()[0] in {"total", "totales", "subtotal"})


def _is_count(value: object) -> bool:
    """A figure of a totals row: a number, "4", "75 %", "14 actividades", "3 de 4", "—",
    "n/a"."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return bool(_COUNT.match(text)) or text.lower() in _NO_FIGURE or (
        len(text.split()) <= 3 and bool(_COUNT_LIKE.match(text)))
