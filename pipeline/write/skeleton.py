"""A sheet whose XML, all but its rows, its size and its page header, is the same from one
workbook to the next: assembled by xlsxwriter the first time, and its pieces given again.

Each of a round's 2,000 feedback workbooks has an issue list and the reporter's rows
(pipeline.write.feedback, feedback_listing), and may carry a sheet of the observations of
its items and one of its indicators (pipeline.write.side_sheets). Their columns, panes,
merged note and printing are the same in every workbook of a paper; only their rows, how
far they reach and the page header and footer (the reporter's name, the language's words)
differ. Having xlsxwriter assemble such a sheet's XML (a dozen elements, their attributes
escaped one by one) cost about 170 µs a sheet, more than the few rows a side sheet holds.

A `SkeletonSheet` is given its `shape` by the code that sets it up: a key naming every
input that sets those pieces (the columns' widths, the styles' numbers, the paper). Every
cell of such a sheet is streamed (pipeline.write.xmlrows), its titles too. The first sheet
of a shape is assembled by xlsxwriter as any other, and its XML cut around the three
pieces that vary: the `<dimension>`, the rows (`<sheetData>`) and the `<headerFooter>`. A
later sheet of the same shape is the kept pieces with its own three between them, each
written by xlsxwriter's own methods. What the workbook may still change after the setup
(which sheet is selected, where panes are frozen, merged cells, whether cells carry
comments: a drawing's reference, the rows' heights xlsxwriter was told) is part of the
key, and a sheet found holding what these sheets never hold (cells written through
xlsxwriter, links, validations, images, tables, conditional formats) is assembled whole.
`tests/test_skeleton.py` holds such sheets, and a round's feedback workbooks, equal byte
for byte to what xlsxwriter assembles itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from io import StringIO
from typing import Any

from pipeline.write.xmlrows import StreamedSheet

KEPT_SHAPES = 64  # per process: a few kinds of side sheet, each on a paper or two
_kept: dict[Hashable, tuple[str, str, str, str]] = {}


class SkeletonSheet(StreamedSheet):
    """A streamed sheet assembled from the kept pieces of the first of its `shape`."""

    fh: Any  # (xlsxwriter's: where the sheet's XML is written, and whether it opened it)
    internal_fh: bool

    def __init__(self) -> None:
        super().__init__()
        self.shape: Hashable | None = None  # None: always assembled whole

    def _assemble_xml_file(self) -> None:
        key = self._key()
        kept = _kept.get(key) if key is not None else None
        if kept is None:
            self._assemble_whole(key)
            return
        before_dimension, before_rows, before_header, rest = kept
        # (each piece written where xlsxwriter writes it: a large sheet's rows are not
        # copied into a text of their own first)
        self.fh.write(before_dimension)
        self._write_dimension()
        self.fh.write(before_rows)
        self._write_sheet_data()
        self.fh.write(before_header)
        self._write_header_footer()
        self.fh.write(rest)
        self._xml_close()

    def _key(self) -> Hashable | None:
        """The shape and what may change after it was given (whether the sheet is selected,
        where it is frozen and merged, whether it has comments), or None when it holds
        more than its pieces. (The rows' heights xlsxwriter was told are in it too: they
        change no piece of a streamed sheet, only where its comments' boxes go, but a sheet
        that set them is not taken for one that did not.)"""
        if (self.shape is None or self.streamed_from is None or any(self.table.values())
                or self.hyperlinks or self.validations
                or self.cond_formats or self.tables or self.images or self.charts
                or self.shapes or self.header_images or self.footer_images
                or self.background_image or self.ignored_errors):
            return None
        return (self.shape, self.selected, tuple(map(tuple, self.merge)),
                tuple(self.panes), tuple(map(tuple, self.selections)),
                self.is_right_to_left, self.zoom, bool(self.comments),
                tuple(sorted((r, *size) for r, size in self.row_sizes.items())))

    def _assemble_whole(self, key: Hashable | None) -> None:
        """xlsxwriter's own assembly; its pieces kept under `key` while there is room."""
        if key is None or len(_kept) >= KEPT_SHAPES:
            super()._assemble_xml_file()
            return
        pieces = (self._piece(self._write_dimension), self._piece(self._write_sheet_data),
                  self._piece(self._write_header_footer))
        out, internal = self.fh, self.internal_fh
        self.fh, self.internal_fh = StringIO(), False  # (xlsxwriter leaves it open)
        try:
            super()._assemble_xml_file()
            whole = self.fh.getvalue()
        finally:
            self.fh, self.internal_fh = out, internal
        cut = _cut(whole, pieces)
        if cut is not None and len(_kept) < KEPT_SHAPES:
            _kept[key] = cut
        self.fh.write(whole)
        self._xml_close()

    def _piece(self, write: Callable[[], None]) -> str:
        """What one of xlsxwriter's element writers writes, as a text."""
        out = self.fh
        self.fh = StringIO()
        try:
            write()
            return self.fh.getvalue()
        finally:
            self.fh = out


def _cut(whole: str, pieces: tuple[str, str, str]) -> tuple[str, str, str, str] | None:
    """`whole` cut around its `pieces`, in order: the four texts before, between and
    after them; None if a piece is empty or not found once after the one before it."""
    parts, start = [], 0
    for piece in pieces:
        at = whole.find(piece, start)
        if not piece or at < 0 or whole.find(piece, at + 1) >= 0:
            return None
        parts.append(whole[start:at])
        start = at + len(piece)
    parts.append(whole[start:])
    return parts[0], parts[1], parts[2], parts[3]


def forget() -> None:
    """Let go of the kept pieces (tests that compare with xlsxwriter's own assembly)."""
    _kept.clear()
