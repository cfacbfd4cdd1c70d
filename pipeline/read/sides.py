"""Per-item side sheets as they are found (pipeline.model.sides): which sheet of a workbook
is one, by the template's hidden key or by its titles, and which column is which key."""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence

from pipeline.model.sides import KINDS, SideKind
from pipeline.model.text import fold_title
from pipeline.read.header import HEADER_SCAN_ROWS, Header, column_key, header_at
from pipeline.read.titles import title_key
from pipeline.words import LANGS

_ITEM_KEYS = ("id", "actividad")


@functools.cache
def _index(kind: SideKind) -> dict[str, str]:
    """folded title -> key, for one kind (its own titles first, then the aliases)."""
    index: dict[str, str] = {}
    for column in kind.columns:
        for lang in LANGS:
            index.setdefault(fold_title(column.title(kind.key, lang)), column.key)
    for column in kind.columns:
        for alias in column.aliases:
            index.setdefault(fold_title(alias), column.key)
    return index


def trusted_keys(metadata: dict[str, str], sheets: Collection[str]) -> dict[str, str]:
    """The template's hidden key without the side sheets it may not name. A key is typed by
    anyone who unhides the sheet: it names a side sheet only beside a matrix sheet it also
    names, both in the workbook, never the matrix itself (a matrix named as observations
    would lose every row of it)."""
    matrix = metadata.get("hoja_matriz", "")
    trusted = dict(metadata)
    for kind in KINDS:
        named = trusted.get(kind.meta_key)
        if named is not None and not (matrix in sheets and named in sheets
                                      and named != matrix):
            del trusted[kind.meta_key]
    return trusted


def side_header(rows: Sequence[Sequence[object]], metadata: dict[str, str],
                sheet: str) -> tuple[SideKind, Header] | None:
    """The side sheet this is, with its header: the sheet a template's metadata names, or
    a sheet whose titles say so (an observed status beside the item's id or activity)."""
    head = rows[:HEADER_SCAN_ROWS]
    seen = {fold_title(cell) for row in head for cell in row if isinstance(cell, str)}
    for kind in KINDS:
        named = bool(sheet) and metadata.get(kind.meta_key) == sheet
        if not named and not all(seen & group for group in _telling_titles(kind)):
            continue  # (a matrix, most sheets: no row of it could tell this kind)
        index = _index(kind)
        for r, row in enumerate(head):
            if not any(_key(index, cell) in _ITEM_KEYS
                       for cell in row if isinstance(cell, str)):
                continue  # (most rows, looked at cheaply: no title naming an item)
            header = _header_at(kind, r, row)
            names_item = "id" in header.columns or "actividad" in header.columns
            if names_item and (named or (_telling(kind, row)
                                         and not _matrix_titles(kind, row))):
                return kind, header
    return None


def _matrix_titles(kind: SideKind, row: Sequence[object]) -> bool:
    """Whether the row titles a matrix column that this kind's sheet never has. A title of
    this kind's own ("Fecha de la meta", "Unidad") is its own, whatever a tracker's
    matrix would take it for (a deadline, a responsible unit)."""
    own = _index(kind)
    return any(column_key(cell) in kind.matrix_keys for cell in row
               if not (isinstance(cell, str) and fold_title(cell) in own))


def _telling(kind: SideKind, row: Sequence[object]) -> bool:
    titles = {fold_title(cell) for cell in row if isinstance(cell, str)}
    return all(titles & group for group in _telling_titles(kind))


@functools.cache
def _telling_titles(kind: SideKind) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(fold_title(t) for t in group) for group in kind.telling)


def _header_at(kind: SideKind, r: int, row: Sequence[object]) -> Header:
    index = _index(kind)
    # (a row's number, "Nº", beside its "ID actividad" is no ID: the sheet's own wins)
    own_id = any(index.get(fold_title(c)) == "id" for c in row if isinstance(c, str))
    return header_at(r, row, lambda cell: (index.get(fold_title(cell)) if own_id else
                                           _key(index, cell)) if isinstance(cell, str) else None)


def _key(index: dict[str, str], title: str) -> str | None:
    """The key a side sheet's title names: its own titles and aliases, or the ID as the
    matrix reads it ("#", "Nº", "Ref.")."""
    key = index.get(fold_title(title))
    return key if key is not None or title_key(title) != "id" else "id"
